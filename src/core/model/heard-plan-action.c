/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-date.h"
#include "heard-model-enums.h"
#include "heard-plan-action.h"
#include "heard-plan-rules.h"
#include "heard-text-fields.h"

/*
 * Something that needs to happen, who owns it (an agency and, where known, a
 * named person), by when, how it is going, and when its owner acknowledged
 * it. The inquiry found each agency assuming another had acted; an action
 * with an owner and a date is how Heard makes that visible.
 */

#define MAX_WHAT_CHARS 1000

struct _HeardPlanAction
{
  GObject            parent_instance;

  gint64             id;
  gint64             plan_id;
  gint64             area_id;
  char              *texts[HEARD_ACTION_N_TEXTS];
  HeardAgency        owner;
  gint64             owner_agency_id;
  HeardActionStatus  status;
};

G_DEFINE_FINAL_TYPE (HeardPlanAction, heard_plan_action, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OWNER,
  PROP_OWNER_AGENCY_ID,
  PROP_STATUS,
  PROP_FIRST_TEXT,
  N_PROPS = PROP_FIRST_TEXT + HEARD_ACTION_N_TEXTS
};

static GParamSpec *properties[N_PROPS];

static const HeardTextField text_fields[HEARD_ACTION_N_TEXTS] = {
  [HEARD_ACTION_WHAT] = { "what", "what", MAX_WHAT_CHARS },
  [HEARD_ACTION_OWNER_NAME] = { "owner-name", "owner_name", HEARD_PLAN_MAX_LABEL_CHARS },
  [HEARD_ACTION_DUE_DATE] = { "due-date", "due_date", HEARD_PLAN_MAX_LABEL_CHARS },
  [HEARD_ACTION_ACKNOWLEDGED_ON] = { "acknowledged-on", "acknowledged_on",
                                     HEARD_PLAN_MAX_LABEL_CHARS },
};

static const char *const status_labels[HEARD_ACTION_N_STATUSES] = {
  [HEARD_ACTION_NOT_STARTED] = N_("Not started"),
  [HEARD_ACTION_IN_PROGRESS] = N_("In progress"),
  [HEARD_ACTION_DONE] = N_("Done"),
  [HEARD_ACTION_STUCK] = N_("Stuck"),
};

/* Rewrites a date field in the stored form; an empty one passes if @optional. */
static gboolean
prepare_date (HeardPlanAction  *self,
              HeardActionText   field,
              gboolean          optional,
              const char       *what,
              GError          **error)
{
  g_autofree char *text = g_strstrip (g_strdup (self->texts[field]));
  g_autofree char *stored = NULL;
  GDate date;

  if (*text == '\0' && optional)
    {
      heard_plan_action_set_text (self, field, "");
      return TRUE;
    }

  if (!heard_date_parse_field (text, what, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_BAD_DATE, &date,
                               error))
    return FALSE;

  stored = heard_date_to_iso (&date);
  heard_plan_action_set_text (self, field, stored);
  return TRUE;
}

static void
heard_plan_action_finalize (GObject *object)
{
  HeardPlanAction *self = HEARD_PLAN_ACTION (object);

  heard_text_fields_clear (self->texts, HEARD_ACTION_N_TEXTS);

  G_OBJECT_CLASS (heard_plan_action_parent_class)->finalize (object);
}

static void
heard_plan_action_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HeardPlanAction *self = HEARD_PLAN_ACTION (object);

  switch (prop_id)
    {
    case PROP_OWNER:
      g_value_set_enum (value, self->owner);
      break;

    case PROP_OWNER_AGENCY_ID:
      g_value_set_int64 (value, self->owner_agency_id);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    default:
      if (!heard_text_fields_get_property (self->texts, PROP_FIRST_TEXT, HEARD_ACTION_N_TEXTS,
                                           prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_plan_action_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HeardPlanAction *self = HEARD_PLAN_ACTION (object);

  switch (prop_id)
    {
    case PROP_OWNER:
      heard_plan_action_set_owner (self, g_value_get_enum (value));
      break;

    case PROP_OWNER_AGENCY_ID:
      heard_plan_action_set_owner_agency_id (self, g_value_get_int64 (value));
      break;

    case PROP_STATUS:
      heard_plan_action_set_status (self, g_value_get_enum (value));
      break;

    default:
      if (!heard_text_fields_set_property (object, self->texts, PROP_FIRST_TEXT,
                                           HEARD_ACTION_N_TEXTS, prop_id, value, pspec))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_plan_action_class_init (HeardPlanActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = heard_plan_action_finalize;
  object_class->get_property = heard_plan_action_get_property;
  object_class->set_property = heard_plan_action_set_property;

  properties[PROP_OWNER] = g_param_spec_enum ("owner", NULL, NULL, HEARD_TYPE_AGENCY,
                                              HEARD_AGENCY_SOCIAL_CARE, flags);
  properties[PROP_OWNER_AGENCY_ID] = g_param_spec_int64 ("owner-agency-id", NULL, NULL, 0,
                                                         G_MAXINT64, 0, flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, HEARD_TYPE_ACTION_STATUS,
                                               HEARD_ACTION_NOT_STARTED, flags);
  heard_text_fields_install (object_class, properties, PROP_FIRST_TEXT, text_fields,
                             HEARD_ACTION_N_TEXTS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_plan_action_init (HeardPlanAction *self)
{
  heard_text_fields_init (self->texts, HEARD_ACTION_N_TEXTS);
  self->owner = HEARD_AGENCY_SOCIAL_CARE;
}

HeardPlanAction *
heard_plan_action_new (gint64 plan_id,
                       gint64 area_id)
{
  HeardPlanAction *self = g_object_new (HEARD_TYPE_PLAN_ACTION, NULL);

  self->plan_id = plan_id;
  self->area_id = area_id;

  return self;
}

HeardPlanAction *
heard_plan_action_copy (HeardPlanAction *self)
{
  HeardPlanAction *copy;

  g_return_val_if_fail (HEARD_IS_PLAN_ACTION (self), NULL);

  copy = heard_plan_action_new (self->plan_id, self->area_id);
  copy->id = self->id;
  copy->owner = self->owner;
  copy->owner_agency_id = self->owner_agency_id;
  copy->status = self->status;
  for (guint i = 0; i < HEARD_ACTION_N_TEXTS; i++)
    heard_plan_action_set_text (copy, i, self->texts[i]);

  return copy;
}

gint64
heard_plan_action_get_id (HeardPlanAction *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN_ACTION (self), 0);

  return self->id;
}

void
heard_plan_action_set_id (HeardPlanAction *self,
                          gint64           id)
{
  g_return_if_fail (HEARD_IS_PLAN_ACTION (self));

  self->id = id;
}

gint64
heard_plan_action_get_plan_id (HeardPlanAction *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN_ACTION (self), 0);

  return self->plan_id;
}

gint64
heard_plan_action_get_area_id (HeardPlanAction *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN_ACTION (self), 0);

  return self->area_id;
}

const char *
heard_plan_action_get_text (HeardPlanAction *self,
                            HeardActionText  field)
{
  g_return_val_if_fail (HEARD_IS_PLAN_ACTION (self), NULL);
  g_return_val_if_fail (field < HEARD_ACTION_N_TEXTS, NULL);

  return self->texts[field];
}

void
heard_plan_action_set_text (HeardPlanAction *self,
                            HeardActionText  field,
                            const char      *text)
{
  g_return_if_fail (HEARD_IS_PLAN_ACTION (self));
  g_return_if_fail (field < HEARD_ACTION_N_TEXTS);

  heard_text_fields_set (G_OBJECT (self), self->texts, field, text,
                         properties[PROP_FIRST_TEXT + field]);
}

HeardAgency
heard_plan_action_get_owner (HeardPlanAction *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN_ACTION (self), HEARD_AGENCY_OTHER);

  return self->owner;
}

void
heard_plan_action_set_owner (HeardPlanAction *self,
                             HeardAgency      owner)
{
  g_return_if_fail (HEARD_IS_PLAN_ACTION (self));
  g_return_if_fail (owner < HEARD_AGENCY_N_AGENCIES);

  if (self->owner == owner)
    return;

  self->owner = owner;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

/* The directory entry of the owner's kind that owns the action, or 0 when
 * only the kind was chosen (or the owner is the young person or family). */
gint64
heard_plan_action_get_owner_agency_id (HeardPlanAction *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN_ACTION (self), 0);

  return self->owner_agency_id;
}

void
heard_plan_action_set_owner_agency_id (HeardPlanAction *self,
                                       gint64           agency_id)
{
  g_return_if_fail (HEARD_IS_PLAN_ACTION (self));
  g_return_if_fail (agency_id >= 0);

  if (self->owner_agency_id == agency_id)
    return;

  self->owner_agency_id = agency_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_AGENCY_ID]);
}

HeardActionStatus
heard_plan_action_get_status (HeardPlanAction *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN_ACTION (self), HEARD_ACTION_NOT_STARTED);

  return self->status;
}

void
heard_plan_action_set_status (HeardPlanAction   *self,
                              HeardActionStatus  status)
{
  g_return_if_fail (HEARD_IS_PLAN_ACTION (self));
  g_return_if_fail (status < HEARD_ACTION_N_STATUSES);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gboolean
heard_plan_action_is_open (HeardPlanAction *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN_ACTION (self), FALSE);

  return self->status != HEARD_ACTION_DONE;
}

/* Open and due before @today. */
gboolean
heard_plan_action_is_overdue (HeardPlanAction *self,
                              const GDate     *today)
{
  GDate due;

  g_return_val_if_fail (HEARD_IS_PLAN_ACTION (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  return heard_plan_action_is_open (self) &&
         heard_date_parse (self->texts[HEARD_ACTION_DUE_DATE], &due, NULL) &&
         g_date_compare (&due, today) < 0;
}

/* Checks the action can be kept, and writes its dates in the stored form. */
gboolean
heard_plan_action_prepare (HeardPlanAction  *self,
                           GError          **error)
{
  g_autofree char *what = NULL;

  g_return_val_if_fail (HEARD_IS_PLAN_ACTION (self), FALSE);

  if (!heard_text_fields_validate (self->texts, text_fields, HEARD_ACTION_N_TEXTS, error))
    return FALSE;

  what = g_strstrip (g_strdup (self->texts[HEARD_ACTION_WHAT]));
  if (*what == '\0')
    {
      g_set_error_literal (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_INCOMPLETE,
                           _("Say what needs to happen."));
      return FALSE;
    }

  /* Due dates may lie in the future, and usually do. */
  return prepare_date (self, HEARD_ACTION_DUE_DATE, FALSE,
                       _("The date this should be done by"), error) &&
         prepare_date (self, HEARD_ACTION_ACKNOWLEDGED_ON, TRUE,
                       _("The date the owner acknowledged this (or leave it empty)"), error);
}

const char *
heard_action_text_column (HeardActionText field)
{
  g_return_val_if_fail (field < HEARD_ACTION_N_TEXTS, NULL);

  return text_fields[field].column;
}

char *
heard_action_text_columns (void)
{
  return heard_text_fields_columns (text_fields, HEARD_ACTION_N_TEXTS, "");
}

char *
heard_action_text_assignments (guint first_parameter)
{
  return heard_text_fields_assignments (text_fields, HEARD_ACTION_N_TEXTS, first_parameter);
}

const char *
heard_action_status_label (HeardActionStatus status)
{
  g_return_val_if_fail (status < HEARD_ACTION_N_STATUSES, NULL);

  return _(status_labels[status]);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-withholding"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-check-in.h"
#include "heard-chronology-entry.h"
#include "heard-date.h"
#include "heard-model-enums.h"
#include "heard-plan.h"
#include "heard-sharing-entry.h"
#include "heard-statement.h"
#include "heard-statement-response.h"
#include "heard-store.h"
#include "heard-text-fields.h"
#include "heard-withholding.h"

/*
 * A decision to withhold an item from a subject access export
 * (heard-withholding.h). Made to be saved, then filled in by the store and
 * never changed, so its properties are read-only.
 */

/* The free text a decision holds. */
enum
{
  ITEM,
  REASON,
  DECIDED_BY,
  N_TEXTS
};

struct _HeardWithholding
{
  GObject            parent_instance;

  gint64             id;
  gint64             export_audit_id;
  HeardWithheldKind  what;
  gint64             record_id;
  HeardExemption     exemption;
  char              *texts[N_TEXTS];
  char              *saved_by;
  char              *saved_at;
};

G_DEFINE_FINAL_TYPE (HeardWithholding, heard_withholding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WHAT,
  PROP_ITEM,
  PROP_EXEMPTION,
  PROP_REASON,
  PROP_DECIDED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
heard_withholding_finalize (GObject *object)
{
  HeardWithholding *self = HEARD_WITHHOLDING (object);

  for (guint i = 0; i < N_TEXTS; i++)
    g_free (self->texts[i]);
  g_free (self->saved_by);
  g_free (self->saved_at);

  G_OBJECT_CLASS (heard_withholding_parent_class)->finalize (object);
}

static void
heard_withholding_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HeardWithholding *self = HEARD_WITHHOLDING (object);

  switch (prop_id)
    {
    case PROP_WHAT:
      g_value_set_enum (value, self->what);
      break;

    case PROP_ITEM:
      g_value_set_string (value, self->texts[ITEM]);
      break;

    case PROP_EXEMPTION:
      g_value_set_enum (value, self->exemption);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->texts[REASON]);
      break;

    case PROP_DECIDED_BY:
      g_value_set_string (value, self->texts[DECIDED_BY]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_withholding_class_init (HeardWithholdingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = heard_withholding_finalize;
  object_class->get_property = heard_withholding_get_property;

  properties[PROP_WHAT] = g_param_spec_enum ("what", NULL, NULL, HEARD_TYPE_WITHHELD_KIND,
                                             HEARD_WITHHELD_OTHER, flags);
  properties[PROP_ITEM] = g_param_spec_string ("item", NULL, NULL, "", flags);
  properties[PROP_EXEMPTION] = g_param_spec_enum ("exemption", NULL, NULL, HEARD_TYPE_EXEMPTION,
                                                  HEARD_EXEMPTION_OTHER, flags);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, "", flags);
  properties[PROP_DECIDED_BY] = g_param_spec_string ("decided-by", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_withholding_init (HeardWithholding *self)
{
  for (guint i = 0; i < N_TEXTS; i++)
    self->texts[i] = g_strdup ("");
  self->saved_by = g_strdup ("");
  self->saved_at = g_strdup ("");
}

HeardWithholding *
heard_withholding_new (HeardWithheldKind  what,
                       gint64             record_id,
                       const char        *item,
                       HeardExemption     exemption,
                       const char        *reason,
                       const char        *decided_by)
{
  HeardWithholding *self;
  const char *texts[N_TEXTS] = { [ITEM] = item, [REASON] = reason, [DECIDED_BY] = decided_by };

  g_return_val_if_fail (what < HEARD_WITHHELD_N_KINDS, NULL);
  g_return_val_if_fail (exemption < HEARD_EXEMPTION_N_KINDS, NULL);

  self = g_object_new (HEARD_TYPE_WITHHOLDING, NULL);
  self->what = what;
  self->record_id = MAX (record_id, 0);
  self->exemption = exemption;
  for (guint i = 0; i < N_TEXTS; i++)
    {
      g_free (self->texts[i]);
      self->texts[i] = g_strdup (texts[i] != NULL ? texts[i] : "");
    }

  return self;
}

/* "@kind of @day", or NULL without a day. */
static char *
name_by_day (const char *kind,
             char       *day)
{
  g_autofree char *owned = day;

  if (heard_text_is_blank (owned))
    return NULL;
  /* TRANSLATORS: a withheld item by its kind and day, e.g. "Check-in of 1 March 2026" */
  return g_strdup_printf (_("%s of %s"), kind, owned);
}

/* @record, of kind @what, named by its day or version; NULL if it has none. */
static char *
name_record (HeardWithheldKind  what,
             gpointer           record)
{
  const char *kind = heard_withheld_kind_label (what);

  switch (what)
    {
    case HEARD_WITHHELD_STATEMENT:
      g_return_val_if_fail (HEARD_IS_STATEMENT (record), NULL);
      return name_by_day (kind, heard_statement_dup_when_text (record));

    case HEARD_WITHHELD_ANSWER:
      g_return_val_if_fail (HEARD_IS_STATEMENT_RESPONSE (record), NULL);
      return name_by_day (kind, heard_date_describe (
                                  heard_statement_response_get_told_on (record)));

    case HEARD_WITHHELD_PLAN:
      g_return_val_if_fail (HEARD_IS_PLAN (record), NULL);
      /* TRANSLATORS: a withheld plan, e.g. "Support plan, version 2" */
      return g_strdup_printf (_("%s, version %u"), kind, heard_plan_get_version (record));

    case HEARD_WITHHELD_CHECK_IN:
      g_return_val_if_fail (HEARD_IS_CHECK_IN (record), NULL);
      return name_by_day (kind, heard_date_describe (heard_check_in_get_day (record)));

    case HEARD_WITHHELD_CHRONOLOGY:
      g_return_val_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (record), NULL);
      return name_by_day (kind, heard_chronology_entry_describe_when (record));

    case HEARD_WITHHELD_SHARING:
      g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (record), NULL);
      return name_by_day (kind, heard_date_describe (heard_sharing_entry_get_shared_on (record)));

    case HEARD_WITHHELD_OTHER:
    case HEARD_WITHHELD_N_KINDS:
    default:
      return NULL;
    }
}

char *
heard_withholding_name_item (HeardWithheldKind what,
                             gint64            record_id,
                             gpointer          record)
{
  char *name = record != NULL ? name_record (what, record) : NULL;

  if (name != NULL)
    return name;
  /* TRANSLATORS: a withheld item named by its kind and record number, e.g. "Statement 12" */
  return g_strdup_printf (_("%s %" G_GINT64_FORMAT), heard_withheld_kind_label (what), record_id);
}

HeardWithholding *
heard_withholding_new_for_record (HeardWithheldKind what,
                                  gint64            record_id,
                                  gpointer          record,
                                  HeardExemption    exemption,
                                  const char       *reason,
                                  const char       *decided_by)
{
  g_autofree char *item = NULL;

  g_return_val_if_fail (what < HEARD_WITHHELD_N_KINDS, NULL);

  item = heard_withholding_name_item (what, record_id, record);
  return heard_withholding_new (what, record_id, item, exemption, reason, decided_by);
}

gboolean
heard_withholding_check (HeardWithholding  *self,
                         GError           **error)
{
  const char *missing[N_TEXTS] = {
    [ITEM] = N_("Please say which item is withheld."),
    [REASON] = N_("Please give the reason it is withheld."),
    [DECIDED_BY] = N_("Please say who decided to withhold it."),
  };

  g_return_val_if_fail (HEARD_IS_WITHHOLDING (self), FALSE);

  for (guint i = 0; i < N_TEXTS; i++)
    {
      if (!heard_text_check (self->texts[i], HEARD_WITHHOLDING_MAX_CHARS, error))
        return FALSE;
      if (heard_text_is_blank (self->texts[i]))
        {
          g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID,
                               _(missing[i]));
          return FALSE;
        }
    }

  return TRUE;
}

void
heard_withholding_set_saved (HeardWithholding *self,
                             gint64            id,
                             gint64            export_audit_id,
                             const char       *saved_by,
                             const char       *saved_at)
{
  g_return_if_fail (HEARD_IS_WITHHOLDING (self));

  self->id = id;
  self->export_audit_id = export_audit_id;
  g_free (self->saved_by);
  self->saved_by = g_strdup (saved_by != NULL ? saved_by : "");
  g_free (self->saved_at);
  self->saved_at = g_strdup (saved_at != NULL ? saved_at : "");
}

gint64
heard_withholding_get_id (HeardWithholding *self)
{
  g_return_val_if_fail (HEARD_IS_WITHHOLDING (self), 0);

  return self->id;
}

gint64
heard_withholding_get_export_audit_id (HeardWithholding *self)
{
  g_return_val_if_fail (HEARD_IS_WITHHOLDING (self), 0);

  return self->export_audit_id;
}

HeardWithheldKind
heard_withholding_get_what (HeardWithholding *self)
{
  g_return_val_if_fail (HEARD_IS_WITHHOLDING (self), HEARD_WITHHELD_OTHER);

  return self->what;
}

gint64
heard_withholding_get_record_id (HeardWithholding *self)
{
  g_return_val_if_fail (HEARD_IS_WITHHOLDING (self), 0);

  return self->record_id;
}

const char *
heard_withholding_get_item (HeardWithholding *self)
{
  g_return_val_if_fail (HEARD_IS_WITHHOLDING (self), NULL);

  return self->texts[ITEM];
}

HeardExemption
heard_withholding_get_exemption (HeardWithholding *self)
{
  g_return_val_if_fail (HEARD_IS_WITHHOLDING (self), HEARD_EXEMPTION_OTHER);

  return self->exemption;
}

const char *
heard_withholding_get_reason (HeardWithholding *self)
{
  g_return_val_if_fail (HEARD_IS_WITHHOLDING (self), NULL);

  return self->texts[REASON];
}

const char *
heard_withholding_get_decided_by (HeardWithholding *self)
{
  g_return_val_if_fail (HEARD_IS_WITHHOLDING (self), NULL);

  return self->texts[DECIDED_BY];
}

const char *
heard_withholding_get_saved_by (HeardWithholding *self)
{
  g_return_val_if_fail (HEARD_IS_WITHHOLDING (self), NULL);

  return self->saved_by;
}

const char *
heard_withholding_get_saved_at (HeardWithholding *self)
{
  g_return_val_if_fail (HEARD_IS_WITHHOLDING (self), NULL);

  return self->saved_at;
}

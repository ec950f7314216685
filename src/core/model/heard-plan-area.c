/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-model-enums.h"
#include "heard-plan-action.h"
#include "heard-plan-area.h"
#include "heard-plan-private.h"
#include "heard-plan-rules.h"
#include "heard-text-fields.h"

/*
 * One area of a young person's life in one version of their plan: what the
 * people around them are worried about, what is working well, what needs to
 * happen, and the goal in the young person's own words beside the worker's.
 */

struct _HeardPlanArea
{
  GObject        parent_instance;

  gint64         id;
  gint64         plan_id;
  HeardAreaKind  kind;
  char          *texts[HEARD_AREA_N_TEXTS];
  GListStore    *actions;
};

G_DEFINE_FINAL_TYPE (HeardPlanArea, heard_plan_area, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_FIRST_TEXT,
  N_PROPS = PROP_FIRST_TEXT + HEARD_AREA_N_TEXTS
};

static GParamSpec *properties[N_PROPS];

static const HeardTextField text_fields[HEARD_AREA_N_TEXTS] = {
  [HEARD_AREA_LABEL] = { "label", "label", HEARD_PLAN_MAX_LABEL_CHARS },
  [HEARD_AREA_WORRIED] = { "worried", "worried", HEARD_PLAN_MAX_TEXT_CHARS },
  [HEARD_AREA_WORKING_WELL] = { "working-well", "working_well", HEARD_PLAN_MAX_TEXT_CHARS },
  [HEARD_AREA_NEEDS_TO_HAPPEN] = { "needs-to-happen", "needs_to_happen",
                                   HEARD_PLAN_MAX_TEXT_CHARS },
  [HEARD_AREA_GOAL_OWN_WORDS] = { "goal-own-words", "goal_own_words",
                                  HEARD_PLAN_MAX_TEXT_CHARS },
  [HEARD_AREA_GOAL_WORKER] = { "goal-worker", "goal_worker", HEARD_PLAN_MAX_TEXT_CHARS },
};

static const struct
{
  const char *label;
  const char *description;
} kinds[HEARD_AREA_N_KINDS] = {
  [HEARD_AREA_SAFETY] = {
    N_("Safety"),
    N_("Feeling and being safe: at home, out and about, online, and from anyone "
       "who has caused harm.") },
  [HEARD_AREA_HEALTH] = {
    N_("Health"),
    N_("Body and health care: sleep, food, sexual health, alcohol and drugs, and "
       "appointments that feel safe to go to.") },
  [HEARD_AREA_EMOTIONAL_WELLBEING] = {
    N_("Emotional wellbeing"),
    N_("How they feel inside, what gets them through hard days, and who they can "
       "turn to.") },
  [HEARD_AREA_EDUCATION] = {
    N_("Education and training"),
    N_("School, college, training or work: getting there, feeling they belong, and "
       "what would make it easier.") },
  [HEARD_AREA_RELATIONSHIPS] = {
    N_("Relationships"),
    N_("Friends, family and trusted adults: who is good for them, and who they want "
       "more or less of in their life.") },
  [HEARD_AREA_HOME] = {
    N_("Home"),
    N_("Where they live: whether it feels safe and settled, and what would make it "
       "feel like theirs.") },
  [HEARD_AREA_IDENTITY] = {
    N_("Identity and belonging"),
    N_("Who they are and where they feel at home: culture, faith, language, gender, "
       "sexuality and the things they love doing.") },
  [HEARD_AREA_JUSTICE] = {
    N_("Justice process"),
    N_("Any police or court process: knowing what is happening and why, having "
       "support, and being treated with respect.") },
};

static void
heard_plan_area_finalize (GObject *object)
{
  HeardPlanArea *self = HEARD_PLAN_AREA (object);

  heard_text_fields_clear (self->texts, HEARD_AREA_N_TEXTS);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (heard_plan_area_parent_class)->finalize (object);
}

static void
heard_plan_area_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HeardPlanArea *self = HEARD_PLAN_AREA (object);

  if (prop_id == PROP_KIND)
    g_value_set_enum (value, self->kind);
  else if (!heard_text_fields_get_property (self->texts, PROP_FIRST_TEXT, HEARD_AREA_N_TEXTS,
                                            prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
heard_plan_area_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HeardPlanArea *self = HEARD_PLAN_AREA (object);

  if (prop_id == PROP_KIND)
    self->kind = g_value_get_enum (value);
  else if (!heard_text_fields_set_property (object, self->texts, PROP_FIRST_TEXT,
                                            HEARD_AREA_N_TEXTS, prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
heard_plan_area_class_init (HeardPlanAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = heard_plan_area_finalize;
  object_class->get_property = heard_plan_area_get_property;
  object_class->set_property = heard_plan_area_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, HEARD_TYPE_AREA_KIND, HEARD_AREA_SAFETY,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  heard_text_fields_install (object_class, properties, PROP_FIRST_TEXT, text_fields,
                             HEARD_AREA_N_TEXTS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_plan_area_init (HeardPlanArea *self)
{
  heard_text_fields_init (self->texts, HEARD_AREA_N_TEXTS);
  self->actions = g_list_store_new (HEARD_TYPE_PLAN_ACTION);
}

/* A new area of @kind for the plan @plan_id, labelled as Heard names it. */
HeardPlanArea *
heard_plan_area_new (gint64        plan_id,
                     HeardAreaKind kind)
{
  HeardPlanArea *self;

  g_return_val_if_fail (kind < HEARD_AREA_N_KINDS, NULL);

  self = g_object_new (HEARD_TYPE_PLAN_AREA, "kind", kind, NULL);
  self->plan_id = plan_id;
  heard_plan_area_set_text (self, HEARD_AREA_LABEL, heard_area_kind_label (kind));

  return self;
}

/* Copies the area's own fields; its actions stay with the original. */
HeardPlanArea *
heard_plan_area_copy (HeardPlanArea *self)
{
  HeardPlanArea *copy;

  g_return_val_if_fail (HEARD_IS_PLAN_AREA (self), NULL);

  copy = heard_plan_area_new (self->plan_id, self->kind);
  copy->id = self->id;
  for (guint i = 0; i < HEARD_AREA_N_TEXTS; i++)
    heard_plan_area_set_text (copy, i, self->texts[i]);

  return copy;
}

gint64
heard_plan_area_get_id (HeardPlanArea *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN_AREA (self), 0);

  return self->id;
}

void
heard_plan_area_set_id (HeardPlanArea *self,
                        gint64         id)
{
  g_return_if_fail (HEARD_IS_PLAN_AREA (self));

  self->id = id;
}

gint64
heard_plan_area_get_plan_id (HeardPlanArea *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN_AREA (self), 0);

  return self->plan_id;
}

HeardAreaKind
heard_plan_area_get_kind (HeardPlanArea *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN_AREA (self), HEARD_AREA_SAFETY);

  return self->kind;
}

const char *
heard_plan_area_get_text (HeardPlanArea *self,
                          HeardAreaText  field)
{
  g_return_val_if_fail (HEARD_IS_PLAN_AREA (self), NULL);
  g_return_val_if_fail (field < HEARD_AREA_N_TEXTS, NULL);

  return self->texts[field];
}

void
heard_plan_area_set_text (HeardPlanArea *self,
                          HeardAreaText  field,
                          const char    *text)
{
  g_return_if_fail (HEARD_IS_PLAN_AREA (self));
  g_return_if_fail (field < HEARD_AREA_N_TEXTS);

  heard_text_fields_set (G_OBJECT (self), self->texts, field, text,
                         properties[PROP_FIRST_TEXT + field]);
}

GListModel *
heard_plan_area_get_actions (HeardPlanArea *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN_AREA (self), NULL);

  return G_LIST_MODEL (self->actions);
}

gboolean
heard_plan_area_validate (HeardPlanArea  *self,
                          GError        **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (HEARD_IS_PLAN_AREA (self), FALSE);

  if (!heard_text_fields_validate (self->texts, text_fields, HEARD_AREA_N_TEXTS, error))
    return FALSE;

  label = g_strstrip (g_strdup (self->texts[HEARD_AREA_LABEL]));
  if (*label == '\0')
    {
      g_set_error_literal (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_INCOMPLETE,
                           _("Give this area a name, so everyone knows what it is about."));
      return FALSE;
    }

  return TRUE;
}

void
_heard_plan_area_append_action (HeardPlanArea   *self,
                                HeardPlanAction *action)
{
  g_list_store_append (self->actions, action);
}

const char *
heard_area_text_column (HeardAreaText field)
{
  g_return_val_if_fail (field < HEARD_AREA_N_TEXTS, NULL);

  return text_fields[field].column;
}

char *
heard_area_text_columns (void)
{
  return heard_text_fields_columns (text_fields, HEARD_AREA_N_TEXTS, "");
}

char *
heard_area_text_assignments (guint first_parameter)
{
  return heard_text_fields_assignments (text_fields, HEARD_AREA_N_TEXTS, first_parameter);
}

const char *
heard_area_kind_label (HeardAreaKind kind)
{
  g_return_val_if_fail (kind < HEARD_AREA_N_KINDS, NULL);

  return _(kinds[kind].label);
}

const char *
heard_area_kind_description (HeardAreaKind kind)
{
  g_return_val_if_fail (kind < HEARD_AREA_N_KINDS, NULL);

  return _(kinds[kind].description);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-model-enums.h"
#include "heard-plan-private.h"
#include "heard-text-fields.h"

/*
 * One version of a young person's support plan: its areas of life with
 * their actions, where it stands, when it is next reviewed, the history of
 * supervisors' decisions, and how it closed. Versions are never rewritten
 * once signed off: change comes as a new version, so the history stays
 * readable.
 */

G_DEFINE_FINAL_TYPE (HeardPlan, heard_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
heard_plan_finalize (GObject *object)
{
  HeardPlan *self = HEARD_PLAN (object);

  g_free (self->created_at);
  g_free (self->signed_off_at);
  g_free (self->next_review);
  g_free (self->review_limit);
  g_free (self->closed_at);
  for (guint i = 0; i < HEARD_CLOSURE_N_TEXTS; i++)
    g_free (self->closure[i]);
  g_clear_object (&self->areas);
  g_clear_object (&self->reviews);

  G_OBJECT_CLASS (heard_plan_parent_class)->finalize (object);
}

static void
heard_plan_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HeardPlan *self = HEARD_PLAN (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_plan_class_init (HeardPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = heard_plan_finalize;
  object_class->get_property = heard_plan_get_property;

  /* Read-only: the store sets it from the row before anyone sees the plan,
   * and a change of state comes back as a new plan from the store. */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, HEARD_TYPE_PLAN_STATE, HEARD_PLAN_STATE_DRAFT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_plan_init (HeardPlan *self)
{
  self->areas = g_list_store_new (HEARD_TYPE_PLAN_AREA);
  self->reviews = g_list_store_new (HEARD_TYPE_PLAN_REVIEW);
}

HeardPlan *
_heard_plan_new (void)
{
  return g_object_new (HEARD_TYPE_PLAN, NULL);
}

gint64
heard_plan_get_id (HeardPlan *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN (self), 0);

  return self->id;
}

gint64
heard_plan_get_person_id (HeardPlan *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN (self), 0);

  return self->person_id;
}

guint
heard_plan_get_version (HeardPlan *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN (self), 0);

  return self->version;
}

HeardPlanState
heard_plan_get_state (HeardPlan *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN (self), HEARD_PLAN_STATE_DRAFT);

  return self->state;
}

const char *
heard_plan_get_created_at (HeardPlan *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN (self), NULL);

  return self->created_at;
}

/* NULL until a supervisor signs the plan off. */
const char *
heard_plan_get_signed_off_at (HeardPlan *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN (self), NULL);

  return self->signed_off_at;
}

/* The date of the next review, like 2025-03-14; empty until signed off. */
const char *
heard_plan_get_next_review (HeardPlan *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN (self), NULL);

  return self->next_review;
}

/* The latest the next review may be: it can be brought forward, not put off. */
const char *
heard_plan_get_review_limit (HeardPlan *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN (self), NULL);

  return self->review_limit;
}

const char *
heard_plan_get_closed_at (HeardPlan *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN (self), NULL);

  return self->closed_at;
}

const char *
heard_plan_get_closure_text (HeardPlan        *self,
                             HeardClosureText  field)
{
  g_return_val_if_fail (HEARD_IS_PLAN (self), NULL);
  g_return_val_if_fail (field < HEARD_CLOSURE_N_TEXTS, NULL);

  return self->closure[field] != NULL ? self->closure[field] : "";
}

gboolean
heard_plan_get_closes_case (HeardPlan *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN (self), FALSE);

  return self->closes_case;
}

GListModel *
heard_plan_get_areas (HeardPlan *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN (self), NULL);

  return G_LIST_MODEL (self->areas);
}

/* Oldest decision first. */
GListModel *
heard_plan_get_reviews (HeardPlan *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN (self), NULL);

  return G_LIST_MODEL (self->reviews);
}

/* Returns the plan's area of @kind, or NULL; the plan keeps the reference. */
HeardPlanArea *
heard_plan_find_area (HeardPlan     *self,
                      HeardAreaKind  kind)
{
  g_return_val_if_fail (HEARD_IS_PLAN (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->areas)); i++)
    {
      g_autoptr(HeardPlanArea) area = g_list_model_get_item (G_LIST_MODEL (self->areas), i);

      if (heard_plan_area_get_kind (area) == kind)
        return area;
    }

  return NULL;
}

/* Counts the open actions, or with @overdue_on only those overdue that day. */
guint
heard_plan_count_actions (HeardPlan   *self,
                          const GDate *overdue_on)
{
  guint count = 0;

  g_return_val_if_fail (HEARD_IS_PLAN (self), 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->areas)); i++)
    {
      g_autoptr(HeardPlanArea) area = g_list_model_get_item (G_LIST_MODEL (self->areas), i);
      GListModel *actions = heard_plan_area_get_actions (area);

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(HeardPlanAction) action = g_list_model_get_item (actions, j);

          if (overdue_on != NULL ? heard_plan_action_is_overdue (action, overdue_on)
                                 : heard_plan_action_is_open (action))
            count++;
        }
    }

  return count;
}

HeardPlanDecision *
heard_plan_decision_new (HeardPlanEvent event,
                         gint64         reviewer_id)
{
  HeardPlanDecision *decision = g_new0 (HeardPlanDecision, 1);

  decision->event = event;
  decision->reviewer_id = reviewer_id;
  decision->comments = g_strdup ("");
  for (guint i = 0; i < HEARD_CLOSURE_N_TEXTS; i++)
    decision->texts[i] = g_strdup ("");

  return decision;
}

HeardPlanDecision *
heard_plan_decision_copy (const HeardPlanDecision *decision)
{
  HeardPlanDecision *copy;

  g_return_val_if_fail (decision != NULL, NULL);

  copy = g_memdup2 (decision, sizeof *decision);
  copy->comments = g_strdup (decision->comments);
  for (guint i = 0; i < HEARD_CLOSURE_N_TEXTS; i++)
    copy->texts[i] = g_strdup (decision->texts[i]);

  return copy;
}

void
heard_plan_decision_free (HeardPlanDecision *decision)
{
  if (decision == NULL)
    return;

  g_free (decision->comments);
  for (guint i = 0; i < HEARD_CLOSURE_N_TEXTS; i++)
    g_free (decision->texts[i]);
  g_free (decision);
}

gboolean
heard_plan_decision_validate (const HeardPlanDecision  *decision,
                              GError                  **error)
{
  g_return_val_if_fail (decision != NULL, FALSE);

  if (!heard_plan_rules_needs_supervisor (decision->event))
    {
      g_set_error_literal (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_ILLEGAL_TRANSITION,
                           _("Only a supervisor's decision can be signed with a passphrase."));
      return FALSE;
    }

  if (!heard_text_check (decision->comments, HEARD_PLAN_MAX_TEXT_CHARS, error))
    return FALSE;

  for (guint i = 0; i < HEARD_CLOSURE_N_TEXTS; i++)
    {
      if (!heard_text_check (decision->texts[i], HEARD_PLAN_MAX_TEXT_CHARS, error))
        return FALSE;
    }

  if (decision->event == HEARD_PLAN_EVENT_CLOSE)
    return heard_plan_rules_check_closure (decision->texts[HEARD_CLOSURE_VIEW],
                                           decision->texts[HEARD_CLOSURE_WHY_NO_VIEW],
                                           decision->texts[HEARD_CLOSURE_REASON], error);

  /* Asking for changes without saying which would leave the worker guessing. */
  if (decision->event == HEARD_PLAN_EVENT_REQUEST_CHANGES &&
      heard_text_is_blank (decision->comments))
    {
      g_set_error_literal (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_INCOMPLETE,
                           _("Say which changes are needed, so the plan can be put right."));
      return FALSE;
    }

  return TRUE;
}

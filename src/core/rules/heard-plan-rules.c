/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-plan"

#include "config.h"

#include <time.h>

#include <glib/gi18n.h>

#include "heard-date.h"
#include "heard-plan-rules.h"
#include "heard-text-fields.h"

/*
 * The rules of a support plan's life, as pure functions: which step may
 * follow which, what a closure must record, and when reviews fall due. The
 * store applies them inside its transactions and the UI asks them which
 * buttons to offer, so the two can never disagree.
 */

/* transitions[from][event] is the state reached plus one; zero means the
 * event is not open to a plan in that state. */
#define TO(state) ((state) + 1)

static const guint8 transitions[HEARD_PLAN_N_STATES][HEARD_PLAN_N_EVENTS] = {
  [HEARD_PLAN_STATE_DRAFT] = {
    [HEARD_PLAN_EVENT_SUBMIT] = TO (HEARD_PLAN_STATE_AWAITING_REVIEW),
  },
  [HEARD_PLAN_STATE_AWAITING_REVIEW] = {
    [HEARD_PLAN_EVENT_SIGN_OFF] = TO (HEARD_PLAN_STATE_ACTIVE),
    [HEARD_PLAN_EVENT_REQUEST_CHANGES] = TO (HEARD_PLAN_STATE_CHANGES_REQUESTED),
  },
  [HEARD_PLAN_STATE_ACTIVE] = {
    [HEARD_PLAN_EVENT_REVIEW] = TO (HEARD_PLAN_STATE_ACTIVE),
    [HEARD_PLAN_EVENT_CLOSE] = TO (HEARD_PLAN_STATE_CLOSED),
    [HEARD_PLAN_EVENT_SUPERSEDE] = TO (HEARD_PLAN_STATE_SUPERSEDED),
  },
  [HEARD_PLAN_STATE_CHANGES_REQUESTED] = {
    [HEARD_PLAN_EVENT_SUBMIT] = TO (HEARD_PLAN_STATE_AWAITING_REVIEW),
  },
  /* Closed and replaced plans are kept to be read; nothing moves them on. */
};

static const char *const state_labels[HEARD_PLAN_N_STATES] = {
  [HEARD_PLAN_STATE_DRAFT] = N_("Draft"),
  [HEARD_PLAN_STATE_AWAITING_REVIEW] = N_("Awaiting review"),
  [HEARD_PLAN_STATE_ACTIVE] = N_("Active"),
  [HEARD_PLAN_STATE_CHANGES_REQUESTED] = N_("Changes requested"),
  [HEARD_PLAN_STATE_CLOSED] = N_("Closed"),
  [HEARD_PLAN_STATE_SUPERSEDED] = N_("Replaced by a newer version"),
};

/* Every state says what happens next, so nobody is left guessing. */
static const char *const next_steps[HEARD_PLAN_N_STATES] = {
  [HEARD_PLAN_STATE_DRAFT] =
    N_("Being written with the young person. When it is ready, submit it for a "
       "supervisor to review."),
  [HEARD_PLAN_STATE_AWAITING_REVIEW] =
    N_("Waiting for a supervisor to sign it off or ask for changes. It cannot be "
       "changed meanwhile."),
  [HEARD_PLAN_STATE_ACTIVE] =
    N_("Signed off and in use. Record how each action is going; anything else that "
       "needs to change goes into a new version."),
  [HEARD_PLAN_STATE_CHANGES_REQUESTED] =
    N_("A supervisor asked for changes. Read their comments below, make the changes "
       "and submit it again."),
  [HEARD_PLAN_STATE_CLOSED] =
    N_("Closed. It stays here to be read; a new plan can be started if support "
       "begins again."),
  [HEARD_PLAN_STATE_SUPERSEDED] =
    N_("A newer version took its place. It stays here to be read."),
};

/* In the past tense: these name what happened, in the review history. */
static const char *const event_labels[HEARD_PLAN_N_EVENTS] = {
  [HEARD_PLAN_EVENT_SUBMIT] = N_("Submitted for review"),
  [HEARD_PLAN_EVENT_SIGN_OFF] = N_("Signed off"),
  [HEARD_PLAN_EVENT_REQUEST_CHANGES] = N_("Changes requested"),
  [HEARD_PLAN_EVENT_REVIEW] = N_("Reviewed and continued"),
  [HEARD_PLAN_EVENT_CLOSE] = N_("Closed"),
  [HEARD_PLAN_EVENT_SUPERSEDE] = N_("Replaced by a newer version"),
};

G_DEFINE_QUARK (heard-plan-error-quark, heard_plan_error)

gboolean
heard_plan_rules_allows (HeardPlanState from,
                         HeardPlanEvent event)
{
  g_return_val_if_fail (from < HEARD_PLAN_N_STATES, FALSE);
  g_return_val_if_fail (event < HEARD_PLAN_N_EVENTS, FALSE);

  return transitions[from][event] != 0;
}

/* Sets @to to the state @event leads to from @from, or refuses. */
gboolean
heard_plan_rules_transition (HeardPlanState   from,
                             HeardPlanEvent   event,
                             HeardPlanState  *to,
                             GError         **error)
{
  g_return_val_if_fail (to != NULL, FALSE);

  if (from >= HEARD_PLAN_N_STATES || event >= HEARD_PLAN_N_EVENTS ||
      !heard_plan_rules_allows (from, event))
    {
      g_set_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_ILLEGAL_TRANSITION,
                   _("That step is not open to a plan that is “%s”. Nothing was changed."),
                   from < HEARD_PLAN_N_STATES ? _(state_labels[from]) : "?");
      return FALSE;
    }

  *to = (HeardPlanState) (transitions[from][event] - 1);
  return TRUE;
}

/* Only a plan still being written may have its contents changed. */
gboolean
heard_plan_rules_is_editable (HeardPlanState state)
{
  return state == HEARD_PLAN_STATE_DRAFT || state == HEARD_PLAN_STATE_CHANGES_REQUESTED;
}

/* A version on its way to sign-off: a young person has at most one. */
gboolean
heard_plan_rules_is_in_progress (HeardPlanState state)
{
  return heard_plan_rules_is_editable (state) || state == HEARD_PLAN_STATE_AWAITING_REVIEW;
}

gboolean
heard_plan_rules_needs_supervisor (HeardPlanEvent event)
{
  return event == HEARD_PLAN_EVENT_SIGN_OFF || event == HEARD_PLAN_EVENT_REQUEST_CHANGES ||
         event == HEARD_PLAN_EVENT_REVIEW || event == HEARD_PLAN_EVENT_CLOSE;
}

/* The inquiry found cases closed without the child being asked: a closure
 * needs the young person's view, or why it could not be had, and a reason. */
gboolean
heard_plan_rules_check_closure (const char  *young_persons_view,
                                const char  *why_no_view,
                                const char  *reason,
                                GError     **error)
{
  if (heard_text_is_blank (young_persons_view) &&
      heard_text_is_blank (why_no_view))
    {
      g_set_error_literal (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_NEEDS_VIEW,
                           _("Write down what the young person thinks about closing, or "
                             "why their view could not be had. Nothing was changed."));
      return FALSE;
    }

  if (heard_text_is_blank (reason))
    {
      g_set_error_literal (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_NEEDS_REASON,
                           _("Write down why the plan is closing. Nothing was changed."));
      return FALSE;
    }

  return TRUE;
}

/* Today, on this computer's calendar. */
void
heard_plan_rules_today (GDate *today)
{
  g_return_if_fail (today != NULL);

  heard_date_today (today);
}

/* The latest date the next review may fall on, after a decision on
 * @decided: three months for a plan's first review, six after that.
 * Month ends stay in their month: 31 August plus six months is the last
 * day of February, in leap years and others. */
void
heard_plan_rules_review_limit (const GDate *decided,
                               gboolean     first_review,
                               GDate       *limit)
{
  g_return_if_fail (decided != NULL && g_date_valid (decided));
  g_return_if_fail (limit != NULL);

  *limit = *decided;
  g_date_add_months (limit, first_review ? HEARD_PLAN_FIRST_REVIEW_MONTHS
                                         : HEARD_PLAN_REVIEW_INTERVAL_MONTHS);
}

/* A review may be brought forward, never put off beyond @limit, and never
 * set in the past. */
gboolean
heard_plan_rules_check_review_date (const GDate  *proposed,
                                    const GDate  *today,
                                    const GDate  *limit,
                                    GError      **error)
{
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (limit != NULL && g_date_valid (limit), FALSE);

  if (proposed == NULL || !g_date_valid (proposed))
    {
      g_autofree char *hint = heard_date_dup_hint ();

      g_set_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_BAD_DATE,
                   /* TRANSLATORS: %s says how to write a date */
                   _("That is not a date Heard understands. %s"), hint);
      return FALSE;
    }

  if (g_date_compare (proposed, today) < 0)
    {
      g_set_error_literal (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_BAD_DATE,
                           _("A review cannot be set for a day that has passed. "
                             "Choose today or a later day."));
      return FALSE;
    }

  if (g_date_compare (proposed, limit) > 0)
    {
      g_autofree char *limit_text = heard_date_format (limit);

      g_set_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_BAD_DATE,
                   _("A review can be brought forward but not put off: it must be on or "
                     "before %s."), limit_text);
      return FALSE;
    }

  return TRUE;
}

const char *
heard_plan_state_label (HeardPlanState state)
{
  g_return_val_if_fail (state < HEARD_PLAN_N_STATES, NULL);

  return _(state_labels[state]);
}

const char *
heard_plan_state_next_step (HeardPlanState state)
{
  g_return_val_if_fail (state < HEARD_PLAN_N_STATES, NULL);

  return _(next_steps[state]);
}

const char *
heard_plan_event_label (HeardPlanEvent event)
{
  g_return_val_if_fail (event < HEARD_PLAN_N_EVENTS, NULL);

  return _(event_labels[event]);
}

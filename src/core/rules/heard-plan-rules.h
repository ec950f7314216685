/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HEARD_PLAN_ERROR (heard_plan_error_quark ())

typedef enum /*< skip >*/
{
  HEARD_PLAN_ERROR_ILLEGAL_TRANSITION,
  HEARD_PLAN_ERROR_NOT_EDITABLE,
  HEARD_PLAN_ERROR_INCOMPLETE,
  HEARD_PLAN_ERROR_NEEDS_VIEW,
  HEARD_PLAN_ERROR_NEEDS_REASON,
  HEARD_PLAN_ERROR_WRONG_PASSPHRASE,
  HEARD_PLAN_ERROR_NOT_A_SUPERVISOR,
  HEARD_PLAN_ERROR_BAD_DATE,
  HEARD_PLAN_ERROR_IN_PROGRESS,
} HeardPlanError;

/* Where a version of a support plan stands. Stored as numbers: never reorder. */
typedef enum
{
  HEARD_PLAN_STATE_DRAFT,
  HEARD_PLAN_STATE_AWAITING_REVIEW,
  HEARD_PLAN_STATE_ACTIVE,
  HEARD_PLAN_STATE_CHANGES_REQUESTED,
  HEARD_PLAN_STATE_CLOSED,
  /* A newer version was signed off and took this one's place. */
  HEARD_PLAN_STATE_SUPERSEDED,
  HEARD_PLAN_N_STATES /*< skip >*/
} HeardPlanState;

/* What can happen to a plan. The ones a supervisor decides are also kept,
 * by number, in the plan's review history: never reorder. */
typedef enum
{
  HEARD_PLAN_EVENT_SUBMIT,
  HEARD_PLAN_EVENT_SIGN_OFF,
  HEARD_PLAN_EVENT_REQUEST_CHANGES,
  HEARD_PLAN_EVENT_REVIEW,
  HEARD_PLAN_EVENT_CLOSE,
  HEARD_PLAN_EVENT_SUPERSEDE,
  HEARD_PLAN_N_EVENTS /*< skip >*/
} HeardPlanEvent;

/* The longest a name-like field and a piece of plan text may be, in characters. */
#define HEARD_PLAN_MAX_LABEL_CHARS 200
#define HEARD_PLAN_MAX_TEXT_CHARS 20000

/* Months from sign-off to the first review, and the longest gap after that. */
#define HEARD_PLAN_FIRST_REVIEW_MONTHS 3
#define HEARD_PLAN_REVIEW_INTERVAL_MONTHS 6

/* A review this many days away or fewer is shown as coming up (a plain
 * number: the plan store writes it into SQL with G_STRINGIFY). */
#define HEARD_PLAN_REVIEW_DUE_DAYS 28

/* A statement is expected to be answered, and the young person told, within
 * this many days of being recorded; past half of it, it shows as due soon. */
#define HEARD_STATEMENT_ANSWER_DAYS 14
#define HEARD_STATEMENT_ANSWER_DUE_SOON_DAYS (HEARD_STATEMENT_ANSWER_DAYS / 2)

GQuark      heard_plan_error_quark              (void);

gboolean    heard_plan_rules_transition         (HeardPlanState   from,
                                                 HeardPlanEvent   event,
                                                 HeardPlanState  *to,
                                                 GError         **error);
gboolean    heard_plan_rules_allows             (HeardPlanState   from,
                                                 HeardPlanEvent   event);
gboolean    heard_plan_rules_is_editable        (HeardPlanState   state);
gboolean    heard_plan_rules_is_in_progress     (HeardPlanState   state);
gboolean    heard_plan_rules_needs_supervisor   (HeardPlanEvent   event);
gboolean    heard_plan_rules_check_closure      (const char      *young_persons_view,
                                                 const char      *why_no_view,
                                                 const char      *reason,
                                                 GError         **error);

void        heard_plan_rules_today              (GDate           *today);
void        heard_plan_rules_review_limit       (const GDate     *decided,
                                                 gboolean         first_review,
                                                 GDate           *limit);
gboolean    heard_plan_rules_check_review_date  (const GDate     *proposed,
                                                 const GDate     *today,
                                                 const GDate     *limit,
                                                 GError         **error);

const char *heard_plan_state_label              (HeardPlanState   state);
const char *heard_plan_state_next_step          (HeardPlanState   state);
const char *heard_plan_event_label              (HeardPlanEvent   event);

G_END_DECLS

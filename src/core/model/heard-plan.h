/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-plan-action.h"
#include "heard-plan-area.h"
#include "heard-plan-review.h"
#include "heard-plan-rules.h"

G_BEGIN_DECLS

/* What a plan's closure recorded. */
typedef enum
{
  HEARD_CLOSURE_VIEW,
  HEARD_CLOSURE_WHY_NO_VIEW,
  HEARD_CLOSURE_REASON,
  HEARD_CLOSURE_N_TEXTS
} HeardClosureText;

/* A supervisor's decision, as asked for: signing off, asking for changes,
 * recording a review, or closing (which also needs the closure texts). */
typedef struct
{
  HeardPlanEvent  event;
  gint64          reviewer_id;
  char           *comments;
  char           *texts[HEARD_CLOSURE_N_TEXTS];
  gboolean        closes_case;
} HeardPlanDecision;

HeardPlanDecision *heard_plan_decision_new      (HeardPlanEvent            event,
                                                 gint64                    reviewer_id)
                                                 G_GNUC_WARN_UNUSED_RESULT;
HeardPlanDecision *heard_plan_decision_copy     (const HeardPlanDecision  *decision)
                                                 G_GNUC_WARN_UNUSED_RESULT;
void               heard_plan_decision_free     (HeardPlanDecision        *decision);
gboolean           heard_plan_decision_validate (const HeardPlanDecision  *decision,
                                                 GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeardPlanDecision, heard_plan_decision_free)

#define HEARD_TYPE_PLAN (heard_plan_get_type ())

G_DECLARE_FINAL_TYPE (HeardPlan, heard_plan, HEARD, PLAN, GObject)

gint64          heard_plan_get_id             (HeardPlan        *self);
gint64          heard_plan_get_person_id      (HeardPlan        *self);
guint           heard_plan_get_version        (HeardPlan        *self);
HeardPlanState  heard_plan_get_state          (HeardPlan        *self);
const char     *heard_plan_get_created_at     (HeardPlan        *self);
const char     *heard_plan_get_signed_off_at  (HeardPlan        *self);
const char     *heard_plan_get_next_review    (HeardPlan        *self);
const char     *heard_plan_get_review_limit   (HeardPlan        *self);
const char     *heard_plan_get_closed_at      (HeardPlan        *self);
const char     *heard_plan_get_closure_text   (HeardPlan        *self,
                                               HeardClosureText  field);
gboolean        heard_plan_get_closes_case    (HeardPlan        *self);
GListModel     *heard_plan_get_areas          (HeardPlan        *self);
GListModel     *heard_plan_get_reviews        (HeardPlan        *self);
HeardPlanArea  *heard_plan_find_area          (HeardPlan        *self,
                                               HeardAreaKind     kind);
guint           heard_plan_count_actions      (HeardPlan        *self,
                                               const GDate      *overdue_on);

G_END_DECLS

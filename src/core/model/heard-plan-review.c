/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-plan"

#include "config.h"

#include "heard-plan-review.h"

/*
 * A supervisor's decision about a plan, as it was signed: what they decided,
 * who they were then, what they said and when (UTC, ISO 8601). Never
 * changed once made.
 */

struct _HeardPlanReview
{
  GObject         parent_instance;

  HeardPlanEvent  decision;
  char           *reviewer;
  char           *comments;
  char           *decided_at;
};

G_DEFINE_FINAL_TYPE (HeardPlanReview, heard_plan_review, G_TYPE_OBJECT)

static void
heard_plan_review_finalize (GObject *object)
{
  HeardPlanReview *self = HEARD_PLAN_REVIEW (object);

  g_free (self->reviewer);
  g_free (self->comments);
  g_free (self->decided_at);

  G_OBJECT_CLASS (heard_plan_review_parent_class)->finalize (object);
}

static void
heard_plan_review_class_init (HeardPlanReviewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = heard_plan_review_finalize;
}

static void
heard_plan_review_init (HeardPlanReview *self)
{
}

HeardPlanReview *
heard_plan_review_new (HeardPlanEvent  decision,
                       const char     *reviewer,
                       const char     *comments,
                       const char     *decided_at)
{
  HeardPlanReview *self;

  g_return_val_if_fail (decision < HEARD_PLAN_N_EVENTS, NULL);

  self = g_object_new (HEARD_TYPE_PLAN_REVIEW, NULL);
  self->decision = decision;
  self->reviewer = g_strdup (reviewer != NULL ? reviewer : "");
  self->comments = g_strdup (comments != NULL ? comments : "");
  self->decided_at = g_strdup (decided_at != NULL ? decided_at : "");

  return self;
}

HeardPlanEvent
heard_plan_review_get_decision (HeardPlanReview *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN_REVIEW (self), HEARD_PLAN_EVENT_SIGN_OFF);

  return self->decision;
}

const char *
heard_plan_review_get_reviewer (HeardPlanReview *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN_REVIEW (self), NULL);

  return self->reviewer;
}

const char *
heard_plan_review_get_comments (HeardPlanReview *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN_REVIEW (self), NULL);

  return self->comments;
}

const char *
heard_plan_review_get_decided_at (HeardPlanReview *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN_REVIEW (self), NULL);

  return self->decided_at;
}

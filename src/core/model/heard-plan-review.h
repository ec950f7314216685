/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "heard-plan-rules.h"

G_BEGIN_DECLS

#define HEARD_TYPE_PLAN_REVIEW (heard_plan_review_get_type ())

G_DECLARE_FINAL_TYPE (HeardPlanReview, heard_plan_review, HEARD, PLAN_REVIEW, GObject)

HeardPlanReview *heard_plan_review_new              (HeardPlanEvent   decision,
                                                     const char      *reviewer,
                                                     const char      *comments,
                                                     const char      *decided_at)
                                                     G_GNUC_WARN_UNUSED_RESULT;
HeardPlanEvent   heard_plan_review_get_decision     (HeardPlanReview *self);
const char      *heard_plan_review_get_reviewer     (HeardPlanReview *self);
const char      *heard_plan_review_get_comments     (HeardPlanReview *self);
const char      *heard_plan_review_get_decided_at   (HeardPlanReview *self);

G_END_DECLS

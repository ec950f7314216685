/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-plan.h"

G_BEGIN_DECLS

/* The store builds plans from their rows, field by field. */
struct _HeardPlan
{
  GObject         parent_instance;

  gint64          id;
  gint64          person_id;
  guint           version;
  HeardPlanState  state;
  char           *created_at;
  char           *signed_off_at;
  char           *next_review;
  char           *review_limit;
  char           *closed_at;
  char           *closure[HEARD_CLOSURE_N_TEXTS];
  gboolean        closes_case;
  GListStore     *areas;
  GListStore     *reviews;
};

HeardPlan *_heard_plan_new                (void) G_GNUC_WARN_UNUSED_RESULT;
void       _heard_plan_area_append_action (HeardPlanArea   *area,
                                           HeardPlanAction *action);

G_END_DECLS

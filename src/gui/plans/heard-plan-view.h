/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-case-file.h"

G_BEGIN_DECLS

#define HEARD_TYPE_PLAN_VIEW (heard_plan_view_get_type ())

G_DECLARE_FINAL_TYPE (HeardPlanView, heard_plan_view, HEARD, PLAN_VIEW, AdwBin)

void       heard_plan_view_set_case_file (HeardPlanView *self,
                                          HeardCaseFile *case_file);
void       heard_plan_view_show_version (HeardPlanView *self,
                                         guint          position);
HeardPlan *heard_plan_view_get_plan     (HeardPlanView *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-directory-list.h"
#include "heard-plan.h"

G_BEGIN_DECLS

/* How much of a plan the person looking at it may change. */
typedef enum
{
  HEARD_PLAN_CHANGES_NONE,
  /* A plan in use: how each action is going. */
  HEARD_PLAN_CHANGES_PROGRESS,
  /* A version still being written: everything. */
  HEARD_PLAN_CHANGES_ALL,
} HeardPlanChanges;

#define HEARD_TYPE_PLAN_AREA_CARD (heard_plan_area_card_get_type ())

G_DECLARE_FINAL_TYPE (HeardPlanAreaCard, heard_plan_area_card, HEARD, PLAN_AREA_CARD, AdwBin)

/* @marks: the case file's "for-them-marks"; @own_words: what they wrote
 * themselves in co-design (HeardOwnWords), whose newest goal and "what
 * helps me" for this area, written by @area's plan version, are shown
 * first. */
GtkWidget *heard_plan_area_card_new (HeardPlanArea      *area,
                                     HeardDirectoryList *directory,
                                     GListModel         *marks,
                                     GListModel         *own_words,
                                     HeardPlanChanges    changes,
                                     const GDate        *today);

G_END_DECLS

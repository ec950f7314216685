/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "heard-chart.h"
#include "heard-check-in.h"
#include "heard-plan.h"

G_BEGIN_DECLS

/*
 * A plan's check-ins as the charts draw them and as words, for the screen
 * and the PDF alike: one home for how a rating is said, what an area is
 * called, which days the safety chart marks, and how check-ins become the
 * series the charts in src/charts draw.
 */

HeardChartRating  heard_check_in_chart_rating        (const HeardRating *rating);

/* A rating on its own, as a table cell or after "their rating": "6",
 * "Skipped", "Rather not say". */
char             *heard_check_in_dup_rating_words    (const HeardRating *rating)
                                                      G_GNUC_WARN_UNUSED_RESULT;

/* What @plan calls its area of @kind: its own label, else the kind's. */
const char       *heard_check_in_area_name           (HeardPlan         *plan,
                                                      HeardAreaKind      kind);

/* The check-ins (HeardCheckIn, any order) of one area, both raters side by
 * side, under @name; the young person's safety scale, as "Safety". Check-ins
 * that did not rate the area, or whose day cannot be read, are left out. */
HeardChartSeries *heard_check_in_series_new_area     (GPtrArray         *check_ins,
                                                      HeardAreaKind      area,
                                                      const char        *name)
                                                      G_GNUC_WARN_UNUSED_RESULT;
HeardChartSeries *heard_check_in_series_new_safety   (GPtrArray         *check_ins)
                                                      G_GNUC_WARN_UNUSED_RESULT;

/* The days the safety chart marks, appended to @markers (of
 * HeardChartMarker, labels static): the sign-off, each review held and the
 * closing, as decided, then the next review due. The chart merges or skips
 * labels that would overlap. */
void              heard_check_in_series_add_markers  (HeardPlan         *plan,
                                                      GArray            *markers);

G_END_DECLS

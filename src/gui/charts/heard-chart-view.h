/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "heard-case-file.h"

G_BEGIN_DECLS

/* Which chart a HeardChartView draws. */
typedef enum
{
  HEARD_CHART_VIEW_PROGRESS, /* one area over time */
  HEARD_CHART_VIEW_RADIAL,   /* every area, first and latest check-in */
  HEARD_CHART_VIEW_SAFETY,   /* the safety scale, sign-off and review marked */
} HeardChartViewKind;

#define HEARD_TYPE_CHART_VIEW (heard_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (HeardChartView, heard_chart_view, HEARD, CHART_VIEW, GtkWidget)

GtkWidget  *heard_chart_view_new          (HeardChartViewKind  kind);
void        heard_chart_view_set_plan     (HeardChartView     *self,
                                           HeardCaseFile      *case_file,
                                           HeardPlan          *plan);
void        heard_chart_view_set_area     (HeardChartView     *self,
                                           HeardAreaKind       area);
/* The numbers drawn, one row each (a GStrv: a day, or an area and a day,
 * then their rating and the worker's in words), as a table shows them:
 * over time newest first, as the list of check-ins is; at a glance each
 * area's first then latest. They change, with the accessible description,
 * when "description" is notified. */
GPtrArray  *heard_chart_view_get_rows        (HeardChartView     *self);
const char *heard_chart_view_get_description (HeardChartView     *self);

G_END_DECLS

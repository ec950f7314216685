/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-chart-view.h"

G_BEGIN_DECLS

#define HEARD_TYPE_CHART_CARD (heard_chart_card_get_type ())

G_DECLARE_FINAL_TYPE (HeardChartCard, heard_chart_card, HEARD, CHART_CARD, GtkWidget)

GtkWidget      *heard_chart_card_new      (HeardChartViewKind  kind,
                                           const char         *title);
HeardChartView *heard_chart_card_get_view (HeardChartCard     *self);
void            heard_chart_card_set_plan (HeardChartCard     *self,
                                           HeardCaseFile      *case_file,
                                           HeardPlan          *plan);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-chart.h"

G_BEGIN_DECLS

/* Where a dated chart puts things, so tests can look for pixels where a
 * rating should be. plot is the area nothing but axis labels and marker
 * labels lie outside of; a rating's point is at x_first…x_last (the first and
 * last day shown) and y_zero…y_max (0 and 10). */
typedef struct
{
  cairo_rectangle_t plot;
  double            x_first, x_last;
  double            y_zero, y_max;
  guint32           first_day, last_day; /* Julian days */
  double            marker_radius;
} HeardChartGeometry;

gboolean _heard_chart_get_time_geometry (cairo_t                *cr,
                                         PangoContext           *pango,
                                         double                  width,
                                         double                  height,
                                         const HeardChartSeries *series,
                                         const HeardChartMarker *markers,
                                         guint                   n_markers,
                                         HeardChartGeometry     *geometry);

/* The sentence drawn instead of a chart ("No check-ins yet", "One check-in so
 * far: 6"), or NULL when there is a chart to draw. */
char *_heard_chart_dup_message (const HeardChartSeries *series,
                                gboolean                both_raters) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

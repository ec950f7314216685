/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-chart.h"

G_BEGIN_DECLS

/* The space around a chart's parts, and the least space between two labels. */
#define HEARD_CHART_PAD       6.0
#define HEARD_CHART_LABEL_GAP 8.0

/* A day axis: days first_day…last_day, first_day at x_first and
 * pixels_per_day apart, labels sharing span_width, ticks hanging from the
 * line at bottom. With day_steps, days of the month are ticked when zoomed
 * in that far (the chronology); without, month starts only (the charts). */
typedef struct
{
  guint32  first_day, last_day; /* Julian days */
  double   x_first;
  double   pixels_per_day;
  double   span_width;
  double   bottom;
  gboolean day_steps;
} HeardChartDateAxis;

PangoLayout *_heard_chart_create_layout (cairo_t                  *cr,
                                         PangoContext             *pango) G_GNUC_WARN_UNUSED_RESULT;
void         _heard_chart_set_color     (cairo_t                  *cr,
                                         const HeardChartColor    *color);
void         _heard_chart_measure       (PangoLayout              *layout,
                                         const char               *text,
                                         double                   *width,
                                         double                   *height);
void         _heard_chart_draw_date_axis (cairo_t                  *cr,
                                          PangoLayout              *layout,
                                          const HeardChartPalette  *palette,
                                          double                    canvas_width,
                                          const HeardChartDateAxis *axis,
                                          GArray                   *ticks);
char        *_heard_chart_dup_month_text (const GDate             *date) G_GNUC_WARN_UNUSED_RESULT;

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

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-charts"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "heard-chart.h"
#include "heard-chart-private.h"

/*
 * Heard's charts as plain cairo: numbers, a size and a palette in, pixels out,
 * with no GTK, so that the same code draws in a widget's snapshot(), into a
 * PDF and onto paper. The two raters differ by line style and marker shape,
 * not colour alone; a skipped or unsaid rating is a gap, never a zero.
 */

#define PAD           HEARD_CHART_PAD
#define LINE_WIDTH    2.0
#define MARKER_RADIUS 4.0
#define LABEL_GAP     HEARD_CHART_LABEL_GAP

typedef struct
{
  cairo_t                 *cr;
  PangoLayout             *layout;
  const HeardChartPalette *palette;
  double                   width, height;
} Canvas;

static const double worker_dashes[] = { 6.0, 4.0 };
static const double first_dashes[] = { 4.0, 4.0 };
static const double day_marker_dashes[] = { 3.0, 3.0 };

static void
begin_canvas (Canvas                  *canvas,
              cairo_t                 *cr,
              PangoContext            *pango,
              double                   width,
              double                   height,
              const HeardChartPalette *palette)
{
  canvas->cr = cr;
  canvas->layout = _heard_chart_create_layout (cr, pango);
  canvas->palette = palette;
  canvas->width = width;
  canvas->height = height;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  _heard_chart_set_color (cr, &palette->background);
  cairo_paint (cr);
}

static void
end_canvas (Canvas *canvas)
{
  cairo_restore (canvas->cr);
  g_clear_object (&canvas->layout);
}

/* Shows the text last measured with its top left corner at x, y. */
static void
show_measured (Canvas *canvas,
               double  x,
               double  y)
{
  _heard_chart_set_color (canvas->cr, &canvas->palette->foreground);
  cairo_move_to (canvas->cr, x, y);
  pango_cairo_show_layout (canvas->cr, canvas->layout);
}

static void
draw_message (Canvas     *canvas,
              const char *message)
{
  PangoRectangle logical;

  pango_layout_set_text (canvas->layout, message, -1);
  pango_layout_set_width (canvas->layout, (int) MAX (1, canvas->width - 2 * PAD) * PANGO_SCALE);
  pango_layout_set_wrap (canvas->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (canvas->layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_extents (canvas->layout, NULL, &logical);
  show_measured (canvas, PAD, (canvas->height - logical.height) / 2);
}

static void
draw_marker (cairo_t                 *cr,
             HeardChartRater          rater,
             double                   x,
             double                   y,
             gboolean                 filled,
             const HeardChartPalette *palette)
{
  if (rater == HEARD_CHART_RATER_YOUNG_PERSON)
    cairo_arc (cr, x, y, MARKER_RADIUS, 0, 2 * G_PI);
  else
    cairo_rectangle (cr, x - MARKER_RADIUS, y - MARKER_RADIUS,
                     2 * MARKER_RADIUS, 2 * MARKER_RADIUS);

  if (filled)
    {
      _heard_chart_set_color (cr, &palette->marker[rater]);
      cairo_fill (cr);
    }
  else
    {
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, LINE_WIDTH / 2);
      _heard_chart_set_color (cr, &palette->marker[rater]);
      cairo_stroke (cr);
    }
}

static void
set_rater_line (cairo_t                 *cr,
                HeardChartRater          rater,
                const HeardChartPalette *palette)
{
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (rater == HEARD_CHART_RATER_WORKER)
    cairo_set_dash (cr, worker_dashes, G_N_ELEMENTS (worker_dashes), 0);
  else
    cairo_set_dash (cr, NULL, 0, 0);
  _heard_chart_set_color (cr, &palette->rater[rater]);
}

/* Dated charts ----------------------------------------------------------- */

static gboolean
compute_time_geometry (PangoLayout            *layout,
                       double                  width,
                       double                  height,
                       const HeardChartSeries *series,
                       const HeardChartMarker *markers,
                       guint                   n_markers,
                       HeardChartGeometry     *geometry)
{
  double label_width, line_height, inset;
  guint32 first = G_MAXUINT32, last = 0;

  for (guint i = 0; i < series->entries->len; i++)
    {
      guint32 day = g_date_get_julian (&heard_chart_series_get_entry (series, i)->date);

      first = MIN (first, day);
      last = MAX (last, day);
    }
  for (guint i = 0; i < n_markers; i++)
    {
      first = MIN (first, g_date_get_julian (&markers[i].date));
      last = MAX (last, g_date_get_julian (&markers[i].date));
    }
  if (first > last)
    return FALSE;

  _heard_chart_measure (layout, "10", &label_width, &line_height);
  /* On whole pixels, so that the axes are crisp and nothing bleeds over. */
  geometry->plot.x = ceil (PAD + label_width + PAD);
  geometry->plot.y = ceil (n_markers > 0 ? PAD + line_height + PAD : PAD + line_height / 2);
  geometry->plot.width = floor (width - geometry->plot.x - PAD);
  geometry->plot.height = floor (height - geometry->plot.y - (PAD + line_height + PAD));
  inset = MARKER_RADIUS + LINE_WIDTH;
  if (geometry->plot.width < 4 * inset || geometry->plot.height < 4 * inset)
    return FALSE;

  geometry->first_day = first;
  geometry->last_day = last;
  geometry->marker_radius = MARKER_RADIUS;
  if (first == last)
    {
      geometry->x_first = geometry->x_last = geometry->plot.x + geometry->plot.width / 2;
    }
  else
    {
      geometry->x_first = geometry->plot.x + inset;
      geometry->x_last = geometry->plot.x + geometry->plot.width - inset;
    }
  geometry->y_zero = geometry->plot.y + geometry->plot.height - inset;
  geometry->y_max = geometry->plot.y + inset;
  return TRUE;
}

static double
get_day_x (const HeardChartGeometry *geometry,
           guint32                   day)
{
  if (geometry->last_day == geometry->first_day)
    return geometry->x_first;
  return geometry->x_first + (geometry->x_last - geometry->x_first) *
    (double) (day - geometry->first_day) / (double) (geometry->last_day - geometry->first_day);
}

static double
get_value_y (const HeardChartGeometry *geometry,
             guint                     value)
{
  return geometry->y_zero + (geometry->y_max - geometry->y_zero) * value / HEARD_CHART_RATING_MAX;
}

static void
draw_value_axis (Canvas                   *canvas,
                 const HeardChartGeometry *geometry)
{
  static const guint steps[] = { 1, 2, 5, 10 };
  const cairo_rectangle_t *plot = &geometry->plot;
  double line_height, span = geometry->y_zero - geometry->y_max;
  guint step = 10;

  _heard_chart_measure (canvas->layout, "10", NULL, &line_height);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (span * steps[i] / HEARD_CHART_RATING_MAX >= 1.5 * line_height)
      {
        step = steps[i];
        break;
      }

  for (guint value = 0; value <= HEARD_CHART_RATING_MAX; value += step)
    {
      double y = round (get_value_y (geometry, value)) + 0.5;
      char text[4];
      double text_width;

      cairo_move_to (canvas->cr, plot->x, y);
      cairo_line_to (canvas->cr, plot->x + plot->width, y);
      cairo_set_line_width (canvas->cr, 1);
      _heard_chart_set_color (canvas->cr, &canvas->palette->grid);
      cairo_stroke (canvas->cr);

      g_snprintf (text, sizeof text, "%u", value);
      _heard_chart_measure (canvas->layout, text, &text_width, NULL);
      show_measured (canvas, plot->x - PAD - text_width, y - line_height / 2);
    }

  /* The axes themselves, left and bottom. */
  cairo_move_to (canvas->cr, plot->x + 0.5, plot->y);
  cairo_line_to (canvas->cr, plot->x + 0.5, plot->y + plot->height - 0.5);
  cairo_line_to (canvas->cr, plot->x + plot->width, plot->y + plot->height - 0.5);
  cairo_set_line_width (canvas->cr, 1);
  _heard_chart_set_color (canvas->cr, &canvas->palette->foreground);
  cairo_stroke (canvas->cr);
}

static void
draw_date_axis (Canvas                   *canvas,
                const HeardChartGeometry *geometry)
{
  HeardChartDateAxis axis = {
    .first_day = geometry->first_day,
    .last_day = geometry->last_day,
    .x_first = geometry->x_first,
    .pixels_per_day = geometry->last_day == geometry->first_day ? 0 :
      (geometry->x_last - geometry->x_first) / (geometry->last_day - geometry->first_day),
    .span_width = geometry->plot.width,
    .bottom = geometry->plot.y + geometry->plot.height,
  };

  _heard_chart_draw_date_axis (canvas->cr, canvas->layout, canvas->palette, canvas->width,
                               &axis, NULL);
}

static int
compare_markers (gconstpointer a,
                 gconstpointer b)
{
  const HeardChartMarker *first = a, *second = b;

  return g_date_compare (&first->date, &second->date);
}

/* Each marked day's dashed line, and above it its labels: those of one day
 * joined ("Signed off · Next review"), and a day's whose label would touch
 * the one before it left unsaid rather than drawn over it. */
static void
draw_day_markers (Canvas                   *canvas,
                  const HeardChartGeometry *geometry,
                  const HeardChartMarker   *markers,
                  guint                     n_markers)
{
  g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (HeardChartMarker),
                                                n_markers);
  double previous_right = -G_MAXDOUBLE;

  g_array_append_vals (sorted, markers, n_markers);
  /* Stable, so that one day's labels keep the order they came in. */
  g_array_sort (sorted, compare_markers);

  for (guint i = 0; i < sorted->len;)
    {
      const HeardChartMarker *marker = &g_array_index (sorted, HeardChartMarker, i);
      double x = round (get_day_x (geometry, g_date_get_julian (&marker->date))) + 0.5;
      g_autoptr(GString) label = g_string_new (NULL);
      double label_width, left;

      for (; i < sorted->len &&
             g_date_compare (&g_array_index (sorted, HeardChartMarker, i).date,
                             &marker->date) == 0; i++)
        {
          const char *words = g_array_index (sorted, HeardChartMarker, i).label;

          if (words == NULL || strstr (label->str, words) != NULL)
            continue;
          if (label->len > 0)
            /* TRANSLATORS: between two things marked on one day of a chart */
            g_string_append (label, C_("chart marker", " · "));
          g_string_append (label, words);
        }

      cairo_move_to (canvas->cr, x, geometry->plot.y);
      cairo_line_to (canvas->cr, x, geometry->plot.y + geometry->plot.height);
      cairo_set_line_width (canvas->cr, 1);
      cairo_set_dash (canvas->cr, day_marker_dashes, G_N_ELEMENTS (day_marker_dashes), 0);
      _heard_chart_set_color (canvas->cr, &canvas->palette->foreground);
      cairo_stroke (canvas->cr);
      cairo_set_dash (canvas->cr, NULL, 0, 0);

      if (label->len == 0)
        continue;
      _heard_chart_measure (canvas->layout, label->str, &label_width, NULL);
      left = CLAMP (x - label_width / 2, 0, MAX (0, canvas->width - label_width));
      if (left < previous_right + LABEL_GAP)
        continue;
      show_measured (canvas, left, PAD);
      previous_right = left + label_width;
    }
}

/* A rater's line, lifted wherever they skipped or would rather not say, and
 * their markers: at every point when there is room, else only at points
 * no line reaches. */
static void
draw_rater (Canvas                   *canvas,
            const HeardChartGeometry *geometry,
            const HeardChartSeries   *series,
            HeardChartRater           rater)
{
  cairo_t *cr = canvas->cr;
  guint n = series->entries->len;
  gboolean roomy = geometry->plot.width / n >= 3 * MARKER_RADIUS;
  gboolean pen_down = FALSE;

  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    {
      const HeardChartEntry *entry = heard_chart_series_get_entry (series, i);
      double x, y;

      if (entry->rating[rater].kind != HEARD_CHART_RATING_VALUE)
        {
          pen_down = FALSE;
          continue;
        }
      x = get_day_x (geometry, g_date_get_julian (&entry->date));
      y = get_value_y (geometry, entry->rating[rater].value);
      if (pen_down)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      pen_down = TRUE;
    }
  set_rater_line (cr, rater, canvas->palette);
  if (!roomy)
    {
      /* Points a few pixels apart: the line is drawn over itself again and
       * again, where the finest edges show nothing and cost most of the
       * time (half of it, for five years of weekly check-ins). */
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      const HeardChartEntry *entry = heard_chart_series_get_entry (series, i);
      gboolean joined_before = i > 0 &&
        heard_chart_series_get_entry (series, i - 1)->rating[rater].kind == HEARD_CHART_RATING_VALUE;
      gboolean joined_after = i + 1 < n &&
        heard_chart_series_get_entry (series, i + 1)->rating[rater].kind == HEARD_CHART_RATING_VALUE;

      if (entry->rating[rater].kind != HEARD_CHART_RATING_VALUE ||
          (!roomy && (joined_before || joined_after)))
        continue;
      draw_marker (cr, rater,
                   get_day_x (geometry, g_date_get_julian (&entry->date)),
                   get_value_y (geometry, entry->rating[rater].value),
                   TRUE, canvas->palette);
    }
}

static void
draw_time_chart (Canvas                 *canvas,
                 const HeardChartSeries *series,
                 gboolean                both_raters,
                 const HeardChartMarker *markers,
                 guint                   n_markers)
{
  g_autofree char *message = _heard_chart_dup_message (series, both_raters);
  HeardChartGeometry geometry;

  if (message != NULL)
    {
      draw_message (canvas, message);
      return;
    }
  if (!compute_time_geometry (canvas->layout, canvas->width, canvas->height,
                              series, markers, n_markers, &geometry))
    return;

  draw_value_axis (canvas, &geometry);
  draw_date_axis (canvas, &geometry);
  draw_day_markers (canvas, &geometry, markers, n_markers);

  cairo_save (canvas->cr);
  cairo_rectangle (canvas->cr, geometry.plot.x, geometry.plot.y,
                   geometry.plot.width, geometry.plot.height);
  cairo_clip (canvas->cr);
  if (both_raters)
    draw_rater (canvas, &geometry, series, HEARD_CHART_RATER_WORKER);
  draw_rater (canvas, &geometry, series, HEARD_CHART_RATER_YOUNG_PERSON);
  cairo_restore (canvas->cr);
}

/* The key --------------------------------------------------------------- */

#define LEGEND_SAMPLE_WIDTH 28.0
#define LEGEND_ITEM_GAP     18.0

/* The line and marker item @item of @legend stands for, at x, y (the
 * sample's left, its middle). */
static void
draw_legend_sample (Canvas           *canvas,
                    HeardChartLegend  legend,
                    guint             item,
                    HeardChartRater   rater,
                    double            x,
                    double            y)
{
  cairo_t *cr = canvas->cr;
  gboolean first = legend == HEARD_CHART_LEGEND_FIRST_LATEST && item == 1;

  if (legend != HEARD_CHART_LEGEND_FIRST_LATEST)
    rater = item == 0 ? HEARD_CHART_RATER_YOUNG_PERSON : HEARD_CHART_RATER_WORKER;

  cairo_new_path (cr);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + LEGEND_SAMPLE_WIDTH, y);
  set_rater_line (cr, rater, canvas->palette);
  if (first)
    cairo_set_dash (cr, first_dashes, G_N_ELEMENTS (first_dashes), 0);
  cairo_stroke (cr);
  draw_marker (cr, rater, x + LEGEND_SAMPLE_WIDTH / 2, y, !first, canvas->palette);
}

void
heard_chart_draw_legend (cairo_t                 *cr,
                         PangoContext            *pango,
                         double                   width,
                         double                   height,
                         const HeardChartPalette *palette,
                         HeardChartLegend         legend,
                         HeardChartRater          rater)
{
  Canvas canvas;
  double x = PAD, y = PAD, row_height = 0;
  const char *words;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (palette != NULL);
  g_return_if_fail (legend <= HEARD_CHART_LEGEND_FIRST_LATEST);
  g_return_if_fail (rater < HEARD_CHART_N_RATERS);

  begin_canvas (&canvas, cr, pango, width, height, palette);
  for (guint item = 0; (words = heard_chart_legend_get_words (legend, item)) != NULL; item++)
    {
      double words_width, words_height, item_width;

      _heard_chart_measure (canvas.layout, words, &words_width, &words_height);
      item_width = LEGEND_SAMPLE_WIDTH + PAD + words_width;
      /* Onto the next row when it would not fit beside the one before. */
      if (x > PAD && x + item_width > width - PAD)
        {
          x = PAD;
          y += row_height + PAD;
          row_height = 0;
        }
      row_height = MAX (row_height, words_height);
      draw_legend_sample (&canvas, legend, item, rater, x, y + words_height / 2);
      show_measured (&canvas, x + LEGEND_SAMPLE_WIDTH + PAD, y);
      x += item_width + LEGEND_ITEM_GAP;
    }
  end_canvas (&canvas);
}

/* The radial chart ---------------------------------------------------------- */

static void
draw_polygon (Canvas                  *canvas,
              HeardChartSeries *const *areas,
              guint                    n_areas,
              HeardChartRater          rater,
              gboolean                 latest,
              double                   centre_x,
              double                   centre_y,
              double                   radius)
{
  cairo_t *cr = canvas->cr;
  g_autofree double *xs = g_new (double, n_areas);
  g_autofree double *ys = g_new (double, n_areas);
  g_autofree gboolean *valued = g_new0 (gboolean, n_areas);

  for (guint i = 0; i < n_areas; i++)
    {
      guint n = areas[i]->entries->len;
      double angle = -G_PI / 2 + 2 * G_PI * i / n_areas;
      HeardChartRating rating;

      if (n == 0)
        continue;
      rating = heard_chart_series_get_entry (areas[i], latest ? n - 1 : 0)->rating[rater];
      if (rating.kind != HEARD_CHART_RATING_VALUE)
        continue;
      valued[i] = TRUE;
      xs[i] = centre_x + cos (angle) * radius * rating.value / HEARD_CHART_RATING_MAX;
      ys[i] = centre_y + sin (angle) * radius * rating.value / HEARD_CHART_RATING_MAX;
    }

  /* Fewer than three areas make no shape: a line between two opposite
   * spokes would cross the centre and read as a zero. Their markers alone
   * say it. */
  cairo_new_path (cr);
  for (guint i = 0; i < n_areas && n_areas >= 3; i++)
    {
      guint next = (i + 1) % n_areas;

      if (!valued[i] || !valued[next])
        continue;
      cairo_move_to (cr, xs[i], ys[i]);
      cairo_line_to (cr, xs[next], ys[next]);
    }
  set_rater_line (cr, rater, canvas->palette);
  if (!latest)
    cairo_set_dash (cr, first_dashes, G_N_ELEMENTS (first_dashes), 0);
  cairo_stroke (cr);

  for (guint i = 0; i < n_areas; i++)
    if (valued[i])
      draw_marker (cr, rater, xs[i], ys[i], latest, canvas->palette);
}

static void
draw_radial_frame (Canvas                  *canvas,
                   HeardChartSeries *const *areas,
                   guint                    n_areas,
                   double                   centre_x,
                   double                   centre_y,
                   double                   radius,
                   double                   line_height)
{
  cairo_t *cr = canvas->cr;

  _heard_chart_set_color (cr, &canvas->palette->grid);
  cairo_set_line_width (cr, 1);
  for (guint ring = 1; ring <= 2; ring++)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, centre_x, centre_y, radius * ring / 2, 0, 2 * G_PI);
    }
  for (guint i = 0; i < n_areas; i++)
    {
      double angle = -G_PI / 2 + 2 * G_PI * i / n_areas;

      cairo_move_to (cr, centre_x, centre_y);
      cairo_line_to (cr, centre_x + cos (angle) * radius, centre_y + sin (angle) * radius);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < n_areas; i++)
    {
      double angle = -G_PI / 2 + 2 * G_PI * i / n_areas;
      double x = centre_x + cos (angle) * (radius + PAD);
      double y = centre_y + sin (angle) * (radius + PAD);
      double label_width;

      _heard_chart_measure (canvas->layout, areas[i]->name, &label_width, NULL);
      if (cos (angle) < -0.3)
        x -= label_width;
      else if (cos (angle) <= 0.3)
        x -= label_width / 2;
      if (sin (angle) < -0.3)
        y -= line_height;
      else if (sin (angle) <= 0.3)
        y -= line_height / 2;
      show_measured (canvas, x, y);
    }
}

/* Public API ---------------------------------------------------------------- */

void
heard_chart_palette_init_default (HeardChartPalette *palette,
                                  HeardChartStyle    style)
{
#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.f, ((hex) >> 8 & 0xff) / 255.f, ((hex) & 0xff) / 255.f, 1.f }
  /* GNOME's palette; the grid too keeps 3:1 against the background, since
   * values are read off it. */
  static const HeardChartPalette palettes[] = {
    [HEARD_CHART_STYLE_LIGHT] = {
      RGB (0x2e3436), RGB (0xffffff), RGB (0x8c8c8c),
      { RGB (0x1c71d8), RGB (0xc64600) }, { RGB (0x1c71d8), RGB (0xc64600) },
    },
    [HEARD_CHART_STYLE_DARK] = {
      RGB (0xffffff), RGB (0x242424), RGB (0x7a7a7a),
      { RGB (0x62a0ea), RGB (0xffa348) }, { RGB (0x62a0ea), RGB (0xffa348) },
    },
    [HEARD_CHART_STYLE_HIGH_CONTRAST] = {
      RGB (0x000000), RGB (0xffffff), RGB (0x5e5c64),
      { RGB (0x1a5fb4), RGB (0xa51d2d) }, { RGB (0x1a5fb4), RGB (0xa51d2d) },
    },
  };
#undef RGB

  g_return_if_fail (palette != NULL);
  g_return_if_fail (style < G_N_ELEMENTS (palettes));
  *palette = palettes[style];
}

gboolean
_heard_chart_get_time_geometry (cairo_t                *cr,
                                PangoContext           *pango,
                                double                  width,
                                double                  height,
                                const HeardChartSeries *series,
                                const HeardChartMarker *markers,
                                guint                   n_markers,
                                HeardChartGeometry     *geometry)
{
  g_autoptr(PangoLayout) layout = _heard_chart_create_layout (cr, pango);

  return compute_time_geometry (layout, width, height, series, markers, n_markers, geometry);
}

void
heard_chart_draw_progress (cairo_t                 *cr,
                           PangoContext            *pango,
                           double                   width,
                           double                   height,
                           const HeardChartPalette *palette,
                           const HeardChartSeries  *area)
{
  Canvas canvas;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (palette != NULL);
  g_return_if_fail (area != NULL);

  begin_canvas (&canvas, cr, pango, width, height, palette);
  draw_time_chart (&canvas, area, TRUE, NULL, 0);
  end_canvas (&canvas);
}

void
heard_chart_draw_safety (cairo_t                 *cr,
                         PangoContext            *pango,
                         double                   width,
                         double                   height,
                         const HeardChartPalette *palette,
                         const HeardChartSeries  *safety,
                         const HeardChartMarker  *markers,
                         guint                    n_markers)
{
  Canvas canvas;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (palette != NULL);
  g_return_if_fail (safety != NULL);
  g_return_if_fail (markers != NULL || n_markers == 0);

  begin_canvas (&canvas, cr, pango, width, height, palette);
  draw_time_chart (&canvas, safety, FALSE, markers, n_markers);
  end_canvas (&canvas);
}

void
heard_chart_draw_radial (cairo_t                 *cr,
                         PangoContext            *pango,
                         double                   width,
                         double                   height,
                         const HeardChartPalette *palette,
                         HeardChartSeries *const *areas,
                         guint                    n_areas,
                         HeardChartRater          rater)
{
  Canvas canvas;
  double widest = 0, line_height = 0, radius;
  gboolean any = FALSE, several = FALSE;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (palette != NULL);
  g_return_if_fail (areas != NULL || n_areas == 0);
  g_return_if_fail (rater < HEARD_CHART_N_RATERS);

  begin_canvas (&canvas, cr, pango, width, height, palette);

  for (guint i = 0; i < n_areas; i++)
    {
      double label_width;

      any |= areas[i]->entries->len > 0;
      several |= areas[i]->entries->len > 1;
      _heard_chart_measure (canvas.layout, areas[i]->name, &label_width, &line_height);
      widest = MAX (widest, label_width);
    }
  if (!any)
    {
      draw_message (&canvas, _("No check-ins yet"));
      end_canvas (&canvas);
      return;
    }

  radius = MIN (width / 2 - widest - 2 * PAD, height / 2 - line_height - 2 * PAD);
  if (radius >= 4 * MARKER_RADIUS)
    {
      draw_radial_frame (&canvas, areas, n_areas, width / 2, height / 2, radius, line_height);
      if (several)
        draw_polygon (&canvas, areas, n_areas, rater, FALSE, width / 2, height / 2, radius);
      draw_polygon (&canvas, areas, n_areas, rater, TRUE, width / 2, height / 2, radius);
    }
  end_canvas (&canvas);
}

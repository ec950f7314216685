/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-charts"

#include "config.h"

#include <math.h>

#include <cairo.h>
#include <glib.h>

#include "heard-chart.h"
#include "heard-chart-private.h"
#include "heard-test-image.h"

/*
 * The charts as a user would see them, read back from image surfaces at two
 * sizes: lines where the ratings put them, nothing outside the plot but its
 * labels, the two raters told apart without colour, gaps (not zeros) where a
 * rating was skipped or not given, the sentences shown when there is too
 * little to chart, and colours that keep WCAG's 3:1 for graphics.
 */

typedef struct
{
  int width, height;
} Size;

static const Size sizes[] = { { 400, 240 }, { 800, 480 } };

/* Whether a pixel within one of (x, y) has the colour. */
static gboolean
has_color_near (const HeardTestImage *image,
                double                x,
                double                y,
                HeardChartColor       color)
{
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      {
        int px = (int) floor (x) + dx, py = (int) floor (y) + dy;

        if (px >= 0 && py >= 0 && px < image->width && py < image->height &&
            heard_test_color_near (heard_test_image_get (image, px, py), color, 0.15))
          return TRUE;
      }
  return FALSE;
}

static void
add_entry (HeardChartSeries *series,
           guint             day,
           GDateMonth        month,
           guint             year,
           HeardChartRating  young_person,
           HeardChartRating  worker)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, month, (GDateYear) year);
  heard_chart_series_add (series, &date, young_person, worker);
}

static double
entry_x (const HeardChartGeometry *geometry,
         const HeardChartSeries   *series,
         guint                     index)
{
  guint32 day = g_date_get_julian (&heard_chart_series_get_entry (series, index)->date);

  return geometry->x_first + (geometry->x_last - geometry->x_first) *
    (double) (day - geometry->first_day) / (double) (geometry->last_day - geometry->first_day);
}

static double
value_y (const HeardChartGeometry *geometry,
         double                    value)
{
  return geometry->y_zero + (geometry->y_max - geometry->y_zero) * value / 10;
}

static void
render_progress (HeardTestImage          *image,
                 const Size              *size,
                 const HeardChartPalette *palette,
                 const HeardChartSeries  *series,
                 HeardChartGeometry      *geometry)
{
  cairo_t *cr = heard_test_image_begin (image, size->width, size->height);

  heard_chart_draw_progress (cr, NULL, size->width, size->height, palette, series);
  if (geometry != NULL)
    g_assert_true (_heard_chart_get_time_geometry (cr, NULL, size->width, size->height,
                                                   series, NULL, 0, geometry));
  heard_test_image_end (image, cr);
}

/* A rising line (2, 4, 6, 8 by the young person) passes through the middle of
 * each step, and not a few pixels above or below it. */
static void
test_line_pixels (void)
{
  g_autoptr(HeardChartSeries) series = heard_chart_series_new ("Home");
  HeardChartPalette palette;

  heard_chart_palette_init_default (&palette, HEARD_CHART_STYLE_LIGHT);
  for (guint i = 0; i < 4; i++)
    add_entry (series, 1, (GDateMonth) (3 + 2 * i), 2026,
               heard_chart_rating_value (2 + 2 * i), heard_chart_rating_value (9));

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_auto(HeardTestImage) image = { 0 };
      HeardChartGeometry geometry;

      render_progress (&image, &sizes[s], &palette, series, &geometry);
      for (guint i = 0; i + 1 < 4; i++)
        {
          double x = (entry_x (&geometry, series, i) + entry_x (&geometry, series, i + 1)) / 2;
          double y = value_y (&geometry, 3 + 2 * i);

          g_assert_true (has_color_near (&image, x, y, palette.rater[0]));
          g_assert_false (has_color_near (&image, x, y - 8, palette.rater[0]));
          g_assert_false (has_color_near (&image, x, y + 8, palette.rater[0]));
        }
      /* The points themselves, with their markers. */
      for (guint i = 0; i < 4; i++)
        g_assert_true (has_color_near (&image, entry_x (&geometry, series, i),
                                       value_y (&geometry, 2 + 2 * i), palette.marker[0]));
    }
}

/* Ratings at 0 and 10 on the first and last day: nothing leaves the plot
 * area but the axis labels, left of and below it, in the text's colour. */
static void
test_inside_plot (void)
{
  g_autoptr(HeardChartSeries) series = heard_chart_series_new ("School");
  HeardChartPalette palette;

  heard_chart_palette_init_default (&palette, HEARD_CHART_STYLE_LIGHT);
  for (guint i = 0; i < 12; i++)
    add_entry (series, 15, (GDateMonth) (i + 1), 2026,
               heard_chart_rating_value (i % 2 == 0 ? 0 : 10),
               heard_chart_rating_value (i % 2 == 0 ? 10 : 0));

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_auto(HeardTestImage) image = { 0 };
      HeardChartGeometry geometry;
      const cairo_rectangle_t *plot = &geometry.plot;

      render_progress (&image, &sizes[s], &palette, series, &geometry);
      for (int y = 0; y < image.height; y++)
        for (int x = 0; x < image.width; x++)
          {
            HeardChartColor pixel = heard_test_image_get (&image, x, y);
            gboolean inside = x >= plot->x && x < plot->x + plot->width &&
                              y >= plot->y && y < plot->y + plot->height;
            gboolean labels = x < plot->x || y >= plot->y + plot->height;

            if (inside)
              continue;
            if (!labels && !heard_test_color_near (pixel, palette.background, 0.0))
              g_error ("drawn outside the plot at %d, %d (%dx%d)", x, y,
                       image.width, image.height);
            /* Labels are grey text: never a rater's colour. */
            if (MAX (pixel.red, MAX (pixel.green, pixel.blue)) -
                MIN (pixel.red, MIN (pixel.green, pixel.blue)) > 0.1)
              g_error ("a rater's colour outside the plot at %d, %d (%dx%d)", x, y,
                       image.width, image.height);
          }
    }
}

static gboolean
is_ink (const HeardTestImage *image,
        int                   x,
        int                   y)
{
  return heard_test_luminance (heard_test_image_get (image, x, y)) < 0.5;
}

/* How much ink lies in the corners of a marker's box, away from the line
 * through its middle. */
static double
get_corner_ink (const HeardTestImage *image,
                double                cx,
                double                cy,
                double                radius)
{
  double ink = 0;

  for (int y = (int) (cy - radius - 2); y <= cy + radius + 2; y++)
    for (int x = (int) (cx - radius - 2); x <= cx + radius + 2; x++)
      {
        double dx = fabs (x + 0.5 - cx), dy = fabs (y + 0.5 - cy);

        if (dx >= 1.5 && dy >= 1.5 && dx <= radius + 1.5 && dy <= radius + 1.5)
          ink += 1 - heard_test_luminance (heard_test_image_get (image, x, y));
      }
  return ink;
}

/* Five years of weekly check-ins, narrow and wide: the date labels below the
 * plot stand apart, each as wide as one label, never run into each other. */
static void
test_date_labels (void)
{
  static const Size label_sizes[] = { { 160, 160 }, { 400, 240 }, { 1200, 300 } };
  g_autoptr(HeardChartSeries) series = heard_chart_series_new ("Home");
  HeardChartPalette palette;
  GDate date;

  heard_chart_palette_init_default (&palette, HEARD_CHART_STYLE_LIGHT);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 5, G_DATE_JANUARY, 2022);
  for (guint week = 0; week < 5 * 52; week++)
    {
      heard_chart_series_add (series, &date, heard_chart_rating_value (week % 11),
                              heard_chart_rating_value (5));
      g_date_add_days (&date, 7);
    }

  for (guint s = 0; s < G_N_ELEMENTS (label_sizes); s++)
    {
      g_auto(HeardTestImage) image = { 0 };
      HeardChartGeometry geometry;
      int top, run_start = -1, last_ink = -100;
      guint labels = 0;

      render_progress (&image, &label_sizes[s], &palette, series, &geometry);
      /* Below the ticks: the labels' row only. */
      top = (int) (geometry.plot.y + geometry.plot.height + 4);
      for (int x = 0; x <= image.width; x++)
        {
          gboolean ink = FALSE;

          for (int y = top; x < image.width && y < image.height; y++)
            ink |= !heard_test_color_near (heard_test_image_get (&image, x, y), palette.background, 0.0);
          /* Letters and the space between words are a few pixels apart;
           * two labels at least twice that. */
          if (ink && x - last_ink > 6)
            {
              if (run_start >= 0)
                g_assert_cmpint (last_ink - run_start, <, 90);
              run_start = x;
              labels++;
            }
          if (ink)
            last_ink = x;
        }
      g_assert_cmpint (last_ink - run_start, <, 90);
      g_assert_cmpuint (labels, >=, 2);
    }
}

/* Both raters in one colour, read as grey: the young person's line is
 * unbroken with round markers, the worker's dashed with square ones. */
static void
test_greyscale (void)
{
  g_autoptr(HeardChartSeries) series = heard_chart_series_new ("Health");
  HeardChartPalette palette;

  heard_chart_palette_init_default (&palette, HEARD_CHART_STYLE_LIGHT);
  palette.rater[1] = palette.rater[0];
  palette.marker[1] = palette.marker[0];
  palette.grid = palette.background;
  for (guint i = 0; i < 6; i++)
    add_entry (series, 1, (GDateMonth) (i + 1), 2026,
               heard_chart_rating_value (7), heard_chart_rating_value (3));

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_auto(HeardTestImage) image = { 0 };
      HeardChartGeometry geometry;
      double radius, corners[2];
      int x2, x3, left, right;

      render_progress (&image, &sizes[s], &palette, series, &geometry);
      radius = geometry.marker_radius;
      x2 = (int) entry_x (&geometry, series, 2);
      x3 = (int) entry_x (&geometry, series, 3);
      left = (int) (x2 + radius + 3);
      right = (int) (x3 - radius - 3);

      for (guint rater = 0; rater < 2; rater++)
        {
          int y = (int) value_y (&geometry, rater == 0 ? 7 : 3);
          guint gaps = 0;
          gboolean inked = TRUE;
          double cx = entry_x (&geometry, series, 2);
          double cy = value_y (&geometry, rater == 0 ? 7 : 3);

          for (int x = left; x <= right; x++)
            {
              gboolean ink = is_ink (&image, x, y) || is_ink (&image, x, y + 1) ||
                             is_ink (&image, x, y - 1);

              if (inked && !ink)
                gaps++;
              inked = ink;
            }
          if (rater == 0)
            g_assert_cmpuint (gaps, ==, 0);
          else
            g_assert_cmpuint (gaps, >=, 3);


          corners[rater] = get_corner_ink (&image, cx, cy, radius);
        }
      /* A square fills its corners, a circle leaves them nearly empty. */
      g_assert_cmpfloat (corners[1], >, 1.4 * corners[0]);
    }
}

/* A skipped rating and one they would rather not give leave gaps in that
 * rater's line, and nothing is drawn at 0 for them. */
static void
test_gaps (void)
{
  g_autoptr(HeardChartSeries) series = heard_chart_series_new ("Friends");
  HeardChartPalette palette;

  heard_chart_palette_init_default (&palette, HEARD_CHART_STYLE_LIGHT);
  for (guint i = 0; i < 8; i++)
    {
      HeardChartRating young_person = heard_chart_rating_value (5);

      if (i == 3)
        young_person = heard_chart_rating_kind (HEARD_CHART_RATING_SKIPPED);
      else if (i == 6)
        young_person = heard_chart_rating_kind (HEARD_CHART_RATING_RATHER_NOT_SAY);
      add_entry (series, 1, (GDateMonth) (i + 1), 2026, young_person,
                 heard_chart_rating_value (9));
    }

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_auto(HeardTestImage) image = { 0 };
      HeardChartGeometry geometry;
      double y;

      render_progress (&image, &sizes[s], &palette, series, &geometry);
      y = value_y (&geometry, 5);
      for (guint i = 0; i + 1 < 8; i++)
        {
          double x = (entry_x (&geometry, series, i) + entry_x (&geometry, series, i + 1)) / 2;
          gboolean gap = i == 2 || i == 3 || i == 5 || i == 6;

          g_assert_cmpint (has_color_near (&image, x, y, palette.rater[0]), ==, !gap);
        }
      for (guint i = 0; i < 8; i++)
        g_assert_false (has_color_near (&image, entry_x (&geometry, series, i),
                                        value_y (&geometry, 0), palette.rater[0]));
      g_assert_false (has_color_near (&image, entry_x (&geometry, series, 3), y,
                                      palette.marker[0]));
    }
}

static guint
count_color (const HeardTestImage *image,
             HeardChartColor       color,
             double                tolerance)
{
  guint count = 0;

  for (int y = 0; y < image->height; y++)
    for (int x = 0; x < image->width; x++)
      count += heard_test_color_near (heard_test_image_get (image, x, y), color, tolerance);
  return count;
}

/* No check-ins and one check-in are sentences, drawn in the middle, with no
 * line, marker or axis around them. */
static void
test_messages (void)
{
  g_autoptr(HeardChartSeries) empty = heard_chart_series_new ("Home");
  g_autoptr(HeardChartSeries) one = heard_chart_series_new ("Home");
  g_autoptr(HeardChartSeries) two = heard_chart_series_new ("Home");
  HeardChartSeries *const *cases[] = { &empty, &one };
  HeardChartPalette palette;
  g_autofree char *empty_text = _heard_chart_dup_message (empty, TRUE);
  g_autofree char *one_text = NULL;
  g_autofree char *one_safety_text = NULL;
  g_autofree char *two_text = NULL;

  heard_chart_palette_init_default (&palette, HEARD_CHART_STYLE_DARK);
  add_entry (one, 2, G_DATE_MARCH, 2026, heard_chart_rating_value (6),
             heard_chart_rating_value (5));
  add_entry (two, 2, G_DATE_MARCH, 2026, heard_chart_rating_value (6),
             heard_chart_rating_value (5));
  add_entry (two, 2, G_DATE_APRIL, 2026, heard_chart_rating_value (7),
             heard_chart_rating_kind (HEARD_CHART_RATING_SKIPPED));

  one_text = _heard_chart_dup_message (one, TRUE);
  one_safety_text = _heard_chart_dup_message (one, FALSE);
  two_text = _heard_chart_dup_message (two, TRUE);
  g_assert_cmpstr (empty_text, ==, "No check-ins yet");
  g_assert_cmpstr (one_text, ==, "One check-in so far: 6 (worker: 5)");
  g_assert_cmpstr (one_safety_text, ==, "One check-in so far: 6");
  g_assert_null (two_text);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_auto(HeardTestImage) image = { 0 };
        guint middle_ink = 0, edge_ink = 0;

        render_progress (&image, &sizes[s], &palette, *cases[c], NULL);
        for (int y = 0; y < image.height; y++)
          for (int x = 0; x < image.width; x++)
            {
              gboolean ink = !heard_test_color_near (heard_test_image_get (&image, x, y), palette.background, 0.0);
              gboolean middle = abs (y - image.height / 2) < image.height / 8;

              if (ink && middle)
                middle_ink++;
              else if (ink)
                edge_ink++;
            }
        g_assert_cmpuint (middle_ink, >, 50);
        g_assert_cmpuint (edge_ink, ==, 0);
        g_assert_cmpuint (count_color (&image, palette.rater[0], 0.15), ==, 0);
      }
}

/* The sign-off and review days are marked across the safety chart with
 * their labels above it, and a day before the first check-in widens it. */
static void
test_safety_markers (void)
{
  g_autoptr(HeardChartSeries) safety = heard_chart_series_new ("Safety");
  HeardChartMarker markers[2];
  HeardChartPalette palette;

  heard_chart_palette_init_default (&palette, HEARD_CHART_STYLE_HIGH_CONTRAST);
  for (guint i = 0; i < 6; i++)
    add_entry (safety, 1, (GDateMonth) (i + 3), 2026, heard_chart_rating_value (3 + i),
               heard_chart_rating_kind (HEARD_CHART_RATING_SKIPPED));
  g_date_clear (&markers[0].date, 1);
  g_date_set_dmy (&markers[0].date, 1, G_DATE_FEBRUARY, 2026);
  markers[0].label = "Signed off";
  g_date_clear (&markers[1].date, 1);
  g_date_set_dmy (&markers[1].date, 15, G_DATE_MAY, 2026);
  markers[1].label = "Review";

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_auto(HeardTestImage) image = { 0 };
      cairo_t *cr = heard_test_image_begin (&image, sizes[s].width, sizes[s].height);
      HeardChartGeometry geometry;

      heard_chart_draw_safety (cr, NULL, sizes[s].width, sizes[s].height, &palette, safety,
                               markers, G_N_ELEMENTS (markers));
      g_assert_true (_heard_chart_get_time_geometry (cr, NULL, sizes[s].width,
                                                     sizes[s].height, safety, markers,
                                                     G_N_ELEMENTS (markers), &geometry));
      heard_test_image_end (&image, cr);

      g_assert_cmpuint (geometry.first_day, ==, g_date_get_julian (&markers[0].date));
      for (guint m = 0; m < G_N_ELEMENTS (markers); m++)
        {
          double x = geometry.x_first + (geometry.x_last - geometry.x_first) *
            (double) (g_date_get_julian (&markers[m].date) - geometry.first_day) /
            (double) (geometry.last_day - geometry.first_day);
          guint marked = 0, labelled = 0;

          for (int y = (int) geometry.plot.y; y < geometry.plot.y + geometry.plot.height; y++)
            marked += heard_test_color_near (heard_test_image_get (&image, (int) round (x), y),
                                  palette.foreground, 0.3);
          for (int y = 0; y < geometry.plot.y; y++)
            for (int dx = -20; dx <= 20; dx++)
              if (x + dx >= 0)
                labelled += heard_test_color_near (heard_test_image_get (&image, (int) x + dx, y),
                                        palette.foreground, 0.3);
          g_assert_cmpuint (marked, >, geometry.plot.height / 4);
          g_assert_cmpuint (labelled, >, 5);
        }
      /* Only the young person's line: no worker's colour. */
      g_assert_cmpuint (count_color (&image, palette.rater[1], 0.1), ==, 0);
      g_assert_cmpuint (count_color (&image, palette.rater[0], 0.1), >, 0);
    }
}

/* The radial chart: up the first spoke, the first check-in's point (2) and
 * the latest (8), at a quarter and four quarters of the way. */
static void
test_radial (void)
{
  const char *names[] = { "Home", "School", "Health", "Friends" };
  HeardChartSeries *areas[G_N_ELEMENTS (names)];
  HeardChartPalette palette;

  heard_chart_palette_init_default (&palette, HEARD_CHART_STYLE_LIGHT);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      areas[i] = heard_chart_series_new (names[i]);
      add_entry (areas[i], 1, G_DATE_MARCH, 2026, heard_chart_rating_value (2),
                 heard_chart_rating_value (4));
      add_entry (areas[i], 1, G_DATE_JUNE, 2026,
                 heard_chart_rating_kind (HEARD_CHART_RATING_SKIPPED),
                 heard_chart_rating_value (4));
      add_entry (areas[i], 1, G_DATE_NOVEMBER, 2026, heard_chart_rating_value (8),
                 heard_chart_rating_value (6));
    }

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_auto(HeardTestImage) image = { 0 };
      cairo_t *cr = heard_test_image_begin (&image, sizes[s].width, sizes[s].height);
      int cx = sizes[s].width / 2, cy = sizes[s].height / 2;
      double starts[4], ends[4], first, latest;
      int n_runs = 0;
      gboolean inked = FALSE;

      heard_chart_draw_radial (cr, NULL, sizes[s].width, sizes[s].height, &palette,
                               areas, G_N_ELEMENTS (areas), HEARD_CHART_RATER_YOUNG_PERSON);
      heard_test_image_end (&image, cr);

      /* Coloured, not grey (the rings and spokes) nor the background. */
      for (int y = cy; y >= 0; y--)
        {
          HeardChartColor pixel = heard_test_image_get (&image, cx, y);
          gboolean ink = MAX (pixel.red, MAX (pixel.green, pixel.blue)) -
                         MIN (pixel.red, MIN (pixel.green, pixel.blue)) > 0.15;

          if (ink && !inked)
            {
              g_assert_cmpint (n_runs, <, G_N_ELEMENTS (starts));
              starts[n_runs++] = cy - y;
            }
          if (ink)
            ends[n_runs - 1] = cy - y;
          inked = ink;
        }
      /* The first check-in's hollow marker is crossed twice (its dashed
       * edges meet inside it), the latest's filled one once, last. */
      g_assert_cmpint (n_runs, >=, 3);
      first = (starts[0] + ends[n_runs - 2]) / 2;
      latest = (starts[n_runs - 1] + ends[n_runs - 1]) / 2;
      g_assert_cmpfloat_with_epsilon (latest / first, 4.0, 0.25);
    }

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    heard_chart_series_free (areas[i]);
}

/* Two areas make no shape: their points sit on their spokes, and no line
 * joins them through the centre, where it would read as a zero. */
static void
test_radial_two_areas (void)
{
  const char *names[] = { "Home", "School" };
  HeardChartSeries *areas[G_N_ELEMENTS (names)];
  HeardChartPalette palette;
  g_auto(HeardTestImage) image = { 0 };
  cairo_t *cr = heard_test_image_begin (&image, sizes[0].width, sizes[0].height);
  int cx = sizes[0].width / 2, cy = sizes[0].height / 2;

  heard_chart_palette_init_default (&palette, HEARD_CHART_STYLE_LIGHT);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      areas[i] = heard_chart_series_new (names[i]);
      add_entry (areas[i], 1, G_DATE_MARCH, 2026, heard_chart_rating_value (2),
                 heard_chart_rating_value (4));
      add_entry (areas[i], 1, G_DATE_NOVEMBER, 2026, heard_chart_rating_value (8),
                 heard_chart_rating_value (6));
    }

  heard_chart_draw_radial (cr, NULL, sizes[0].width, sizes[0].height, &palette,
                           areas, G_N_ELEMENTS (areas), HEARD_CHART_RATER_YOUNG_PERSON);
  heard_test_image_end (&image, cr);

  g_assert_false (heard_test_color_near (heard_test_image_get (&image, cx, cy),
                                         palette.rater[HEARD_CHART_RATER_YOUNG_PERSON], 0.2));
  g_assert_cmpuint (count_color (&image, palette.rater[HEARD_CHART_RATER_YOUNG_PERSON], 0.1),
                    >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    heard_chart_series_free (areas[i]);
}

/* WCAG AA for graphics: 3:1 against the background for every colour a chart
 * draws meaning with, in each default palette. */
static void
test_contrast (void)
{
  static const HeardChartStyle styles[] = {
    HEARD_CHART_STYLE_LIGHT, HEARD_CHART_STYLE_DARK, HEARD_CHART_STYLE_HIGH_CONTRAST,
  };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      HeardChartPalette palette;

      heard_chart_palette_init_default (&palette, styles[i]);
      g_assert_cmpfloat (heard_test_contrast (palette.foreground, palette.background), >=, 3.0);
      g_assert_cmpfloat (heard_test_contrast (palette.grid, palette.background), >=, 3.0);
      for (guint rater = 0; rater < HEARD_CHART_N_RATERS; rater++)
        {
          g_assert_cmpfloat (heard_test_contrast (palette.rater[rater], palette.background), >=, 3.0);
          g_assert_cmpfloat (heard_test_contrast (palette.marker[rater], palette.background), >=, 3.0);
        }
    }
  /* The check itself: white on white fails it. */
  g_assert_cmpfloat (heard_test_contrast ((HeardChartColor) { 1, 1, 1, 1 },
                                   (HeardChartColor) { 0.8f, 0.8f, 0.8f, 1 }), <, 3.0);
}

static void
test_describe (void)
{
  g_autoptr(HeardChartSeries) safety = heard_chart_series_new ("Safety");
  g_autoptr(HeardChartSeries) home = heard_chart_series_new ("Home");
  HeardChartSeries *areas[2];
  g_autofree char *trend = NULL;
  g_autofree char *worker = NULL;
  g_autofree char *radial = NULL;
  g_autofree char *once = NULL;

  add_entry (safety, 10, G_DATE_MARCH, 2026, heard_chart_rating_value (3),
             heard_chart_rating_kind (HEARD_CHART_RATING_SKIPPED));
  add_entry (safety, 20, G_DATE_NOVEMBER, 2026,
             heard_chart_rating_kind (HEARD_CHART_RATING_RATHER_NOT_SAY),
             heard_chart_rating_kind (HEARD_CHART_RATING_SKIPPED));
  add_entry (safety, 2, G_DATE_NOVEMBER, 2026, heard_chart_rating_value (7),
             heard_chart_rating_kind (HEARD_CHART_RATING_SKIPPED));
  add_entry (home, 10, G_DATE_MARCH, 2026, heard_chart_rating_value (4),
             heard_chart_rating_value (6));
  areas[0] = home;
  areas[1] = safety;

  trend = heard_chart_describe_progress (safety, HEARD_CHART_RATER_YOUNG_PERSON);
  worker = heard_chart_describe_progress (safety, HEARD_CHART_RATER_WORKER);
  once = heard_chart_describe_progress (home, HEARD_CHART_RATER_WORKER);
  radial = heard_chart_describe_radial (areas, 2, HEARD_CHART_RATER_YOUNG_PERSON);
  g_assert_cmpstr (trend, ==, "Safety, their rating: 3 in March 2026 to 7 in November 2026");
  g_assert_cmpstr (worker, ==, "Safety, the worker’s rating: none yet");
  g_assert_cmpstr (once, ==, "Home, the worker’s rating: 6 in March 2026, the only one so far");
  g_assert_cmpstr (radial, ==, "All areas, their rating, first to latest check-in: "
                               "Home 4 to 4; Safety 3 to rather not say");
}

/* Which columns of @image hold @color somewhere: from the first such
 * column to the last, how many do not. */
static guint
count_gap_columns (const HeardTestImage *image,
                   HeardChartColor       color,
                   int                  *first,
                   int                  *last)
{
  guint gaps = 0;

  *first = -1;
  *last = -1;
  for (int x = 0; x < image->width; x++)
    for (int y = 0; y < image->height; y++)
      if (heard_test_color_near (heard_test_image_get (image, x, y), color, 0.1))
        {
          if (*first < 0)
            *first = x;
          *last = x;
          break;
        }
  for (int x = *first; x >= 0 && x <= *last; x++)
    {
      gboolean found = FALSE;

      for (int y = 0; y < image->height && !found; y++)
        found = heard_test_color_near (heard_test_image_get (image, x, y), color, 0.1);
      gaps += !found;
    }
  return gaps;
}

/* Each chart's key: its words, and a sample of each line drawn: the young
 * person's solid, the worker's dashed, each in its own colour, then words;
 * the safety chart's key has only theirs; the radial one draws in the
 * colour of the rater it is for. */
static void
test_legend (void)
{
  HeardChartPalette palette;

  g_assert_cmpstr (heard_chart_legend_get_words (HEARD_CHART_LEGEND_RATERS, 0), ==,
                   "Their rating: solid line, round markers");
  g_assert_cmpstr (heard_chart_legend_get_words (HEARD_CHART_LEGEND_RATERS, 1), ==,
                   "Worker’s rating: dashed line, square markers");
  g_assert_null (heard_chart_legend_get_words (HEARD_CHART_LEGEND_RATERS, 2));
  g_assert_cmpstr (heard_chart_legend_get_words (HEARD_CHART_LEGEND_SAFETY, 0), ==,
                   "Their rating: solid line, round markers");
  g_assert_null (heard_chart_legend_get_words (HEARD_CHART_LEGEND_SAFETY, 1));
  g_assert_cmpstr (heard_chart_legend_get_words (HEARD_CHART_LEGEND_FIRST_LATEST, 0), ==,
                   "Latest check-in: solid line, filled markers");
  g_assert_cmpstr (heard_chart_legend_get_words (HEARD_CHART_LEGEND_FIRST_LATEST, 1), ==,
                   "First check-in: dashed line, hollow markers");
  g_assert_nonnull (heard_chart_legend_get_sample (HEARD_CHART_LEGEND_RATERS, 1));

  heard_chart_palette_init_default (&palette, HEARD_CHART_STYLE_LIGHT);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_auto(HeardTestImage) image = { 0 };
      g_auto(HeardTestImage) safety = { 0 };
      g_auto(HeardTestImage) radial = { 0 };
      cairo_t *cr = heard_test_image_begin (&image, sizes[s].width + 600, 60);
      int their_first, their_last, worker_first, worker_last;
      guint text_ink = 0;

      heard_chart_draw_legend (cr, NULL, sizes[s].width + 600, 60, &palette,
                               HEARD_CHART_LEGEND_RATERS, HEARD_CHART_RATER_YOUNG_PERSON);
      heard_test_image_end (&image, cr);

      /* Theirs an unbroken line, the worker's dashed, theirs first. */
      g_assert_cmpuint (count_gap_columns (&image, palette.rater[0], &their_first,
                                           &their_last), ==, 0);
      g_assert_cmpint (their_last - their_first, >, 20);
      g_assert_cmpuint (count_gap_columns (&image, palette.rater[1], &worker_first,
                                           &worker_last), >, 2);
      g_assert_cmpint (worker_last - worker_first, >, 20);
      g_assert_cmpint (their_last, <, worker_first);
      /* Words after each sample. */
      for (int y = 0; y < image.height; y++)
        for (int x = their_last + 1; x < worker_first; x++)
          text_ink += heard_test_color_near (heard_test_image_get (&image, x, y),
                                             palette.foreground, 0.3);
      g_assert_cmpuint (text_ink, >, 50);

      cr = heard_test_image_begin (&safety, sizes[s].width, 60);
      heard_chart_draw_legend (cr, NULL, sizes[s].width, 60, &palette, HEARD_CHART_LEGEND_SAFETY,
                               HEARD_CHART_RATER_YOUNG_PERSON);
      heard_test_image_end (&safety, cr);
      g_assert_cmpuint (count_color (&safety, palette.rater[0], 0.1), >, 20);
      g_assert_cmpuint (count_color (&safety, palette.rater[1], 0.1), ==, 0);

      cr = heard_test_image_begin (&radial, sizes[s].width, 60);
      heard_chart_draw_legend (cr, NULL, sizes[s].width, 60, &palette,
                               HEARD_CHART_LEGEND_FIRST_LATEST, HEARD_CHART_RATER_WORKER);
      heard_test_image_end (&radial, cr);
      g_assert_cmpuint (count_color (&radial, palette.rater[1], 0.1), >, 20);
      g_assert_cmpuint (count_color (&radial, palette.rater[0], 0.1), ==, 0);
    }

  /* Too narrow for both side by side: one under the other, both drawn. */
  {
    g_auto(HeardTestImage) narrow = { 0 };
    cairo_t *cr = heard_test_image_begin (&narrow, 300, 80);
    int their_first, their_last, worker_first, worker_last;

    heard_chart_draw_legend (cr, NULL, 300, 80, &palette, HEARD_CHART_LEGEND_RATERS,
                             HEARD_CHART_RATER_YOUNG_PERSON);
    heard_test_image_end (&narrow, cr);
    count_gap_columns (&narrow, palette.rater[0], &their_first, &their_last);
    count_gap_columns (&narrow, palette.rater[1], &worker_first, &worker_last);
    g_assert_cmpint (their_first, >=, 0);
    g_assert_cmpint (worker_first, ==, their_first);
  }
}

/* Two days marked on one day share one label, joined, rather than one
 * hiding the other. */
static void
test_safety_markers_same_day (void)
{
  g_autoptr(HeardChartSeries) safety = heard_chart_series_new ("Safety");
  HeardChartMarker markers[2];
  HeardChartPalette palette;
  g_auto(HeardTestImage) both = { 0 };
  g_auto(HeardTestImage) one = { 0 };
  cairo_t *cr;
  guint both_ink = 0, one_ink = 0;
  HeardChartGeometry geometry;

  heard_chart_palette_init_default (&palette, HEARD_CHART_STYLE_LIGHT);
  for (guint i = 0; i < 6; i++)
    add_entry (safety, 1, (GDateMonth) (i + 3), 2026, heard_chart_rating_value (3 + i),
               heard_chart_rating_kind (HEARD_CHART_RATING_SKIPPED));
  for (guint m = 0; m < G_N_ELEMENTS (markers); m++)
    {
      g_date_clear (&markers[m].date, 1);
      g_date_set_dmy (&markers[m].date, 1, G_DATE_MAY, 2026);
    }
  markers[0].label = "Signed off";
  markers[1].label = "Reviewed and continued";

  cr = heard_test_image_begin (&both, 800, 240);
  heard_chart_draw_safety (cr, NULL, 800, 240, &palette, safety, markers, 2);
  g_assert_true (_heard_chart_get_time_geometry (cr, NULL, 800, 240, safety, markers, 2,
                                                 &geometry));
  heard_test_image_end (&both, cr);
  cr = heard_test_image_begin (&one, 800, 240);
  heard_chart_draw_safety (cr, NULL, 800, 240, &palette, safety, markers, 1);
  heard_test_image_end (&one, cr);

  /* Above the plot: more words when both are said. */
  for (int y = 0; y < geometry.plot.y; y++)
    for (int x = 0; x < 800; x++)
      {
        both_ink += heard_test_color_near (heard_test_image_get (&both, x, y),
                                           palette.foreground, 0.3);
        one_ink += heard_test_color_near (heard_test_image_get (&one, x, y),
                                          palette.foreground, 0.3);
      }
  g_assert_cmpuint (one_ink, >, 20);
  g_assert_cmpuint (both_ink, >, one_ink * 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/progress/line-pixels", test_line_pixels);
  g_test_add_func ("/charts/progress/inside-plot", test_inside_plot);
  g_test_add_func ("/charts/progress/greyscale", test_greyscale);
  g_test_add_func ("/charts/progress/gaps", test_gaps);
  g_test_add_func ("/charts/progress/date-labels", test_date_labels);
  g_test_add_func ("/charts/messages", test_messages);
  g_test_add_func ("/charts/safety/markers", test_safety_markers);
  g_test_add_func ("/charts/radial", test_radial);
  g_test_add_func ("/charts/radial/two-areas", test_radial_two_areas);
  g_test_add_func ("/charts/palettes/contrast", test_contrast);
  g_test_add_func ("/charts/describe", test_describe);
  g_test_add_func ("/charts/legend", test_legend);
  g_test_add_func ("/charts/safety/markers-same-day", test_safety_markers_same_day);

  return g_test_run ();
}

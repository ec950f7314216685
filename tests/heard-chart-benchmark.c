/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-chart-benchmark"

#include "config.h"

#include <stdlib.h>

#include <cairo.h>

#include "heard-chart.h"

/*
 * How long each chart takes to draw for five years of weekly check-ins
 * across 8 areas, at a window's size: a widget draws in snapshot(), on the
 * main thread, so each must be well inside a frame (the aim is 4 ms). Run
 * with meson test --benchmark --verbose. Exits with failure when a median
 * misses the aim.
 */

#define N_AREAS 8
#define N_WEEKS (5 * 52)
#define N_ROUNDS 50
#define WIDTH 800
#define HEIGHT 400
#define TARGET_MS 4.0

typedef enum
{
  CHART_PROGRESS,
  CHART_RADIAL,
  CHART_SAFETY,
  N_CHARTS,
} Chart;

static const char *const chart_names[] = { "progress, one area", "radial, 8 areas", "safety" };

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Ratings that wander and climb, with now and then a skip or a "rather not
 * say", from a fixed seed. */
static HeardChartRating
make_rating (GRand *rand,
             guint  week)
{
  switch (g_rand_int_range (rand, 0, 20))
    {
    case 0:
      return heard_chart_rating_kind (HEARD_CHART_RATING_SKIPPED);
    case 1:
      return heard_chart_rating_kind (HEARD_CHART_RATING_RATHER_NOT_SAY);
    default:
      return heard_chart_rating_value (2 + week * 5 / N_WEEKS + g_rand_int_range (rand, 0, 4));
    }
}

static void
draw (Chart                    chart,
      cairo_t                 *cr,
      const HeardChartPalette *palette,
      HeardChartSeries *const *areas,
      const HeardChartSeries  *safety,
      const HeardChartMarker  *markers,
      guint                    n_markers)
{
  switch (chart)
    {
    case CHART_PROGRESS:
      heard_chart_draw_progress (cr, NULL, WIDTH, HEIGHT, palette, areas[0]);
      break;
    case CHART_RADIAL:
      heard_chart_draw_radial (cr, NULL, WIDTH, HEIGHT, palette, areas, N_AREAS,
                               HEARD_CHART_RATER_YOUNG_PERSON);
      break;
    case CHART_SAFETY:
      heard_chart_draw_safety (cr, NULL, WIDTH, HEIGHT, palette, safety, markers, n_markers);
      break;
    default:
      g_assert_not_reached ();
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  HeardChartSeries *areas[N_AREAS];
  g_autoptr(HeardChartSeries) safety = heard_chart_series_new ("Safety");
  HeardChartMarker markers[11];
  HeardChartPalette palette;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean met = TRUE;

  heard_chart_palette_init_default (&palette, HEARD_CHART_STYLE_LIGHT);
  for (guint a = 0; a < N_AREAS; a++)
    areas[a] = heard_chart_series_new ("Area");
  for (guint week = 0; week < N_WEEKS; week++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 5, G_DATE_JANUARY, 2022);
      g_date_add_days (&date, week * 7);
      for (guint a = 0; a < N_AREAS; a++)
        heard_chart_series_add (areas[a], &date, make_rating (rand, week),
                                make_rating (rand, week));
      heard_chart_series_add (safety, &date, make_rating (rand, week),
                              heard_chart_rating_kind (HEARD_CHART_RATING_SKIPPED));
    }
  /* The sign-off, then a review every six months. */
  for (guint m = 0; m < G_N_ELEMENTS (markers); m++)
    {
      g_date_clear (&markers[m].date, 1);
      g_date_set_dmy (&markers[m].date, 1, G_DATE_FEBRUARY, 2022);
      g_date_add_months (&markers[m].date, m * 6);
      markers[m].label = m == 0 ? "Signed off" : "Review";
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (surface);

  g_print ("Each chart drawn %u times at %ux%u, %u weekly check-ins across %u areas:\n",
           N_ROUNDS, WIDTH, HEIGHT, N_WEEKS, N_AREAS);
  for (Chart chart = 0; chart < N_CHARTS; chart++)
    {
      double times[N_ROUNDS];

      /* Once first, so that loading fonts is not counted. */
      draw (chart, cr, &palette, areas, safety, markers, G_N_ELEMENTS (markers));
      for (guint round = 0; round < N_ROUNDS; round++)
        {
          gint64 start = g_get_monotonic_time ();

          draw (chart, cr, &palette, areas, safety, markers, G_N_ELEMENTS (markers));
          cairo_surface_flush (surface);
          times[round] = (g_get_monotonic_time () - start) / 1000.0;
        }
      qsort (times, N_ROUNDS, sizeof (double), compare_doubles);
      g_print ("  %-20s fastest %.2f ms, median %.2f ms, slowest %.2f ms (target < %.0f ms) %s\n",
               chart_names[chart], times[0], times[N_ROUNDS / 2], times[N_ROUNDS - 1],
               TARGET_MS, times[N_ROUNDS / 2] < TARGET_MS ? "met" : "MISSED");
      met &= times[N_ROUNDS / 2] < TARGET_MS;
    }

  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  for (guint a = 0; a < N_AREAS; a++)
    heard_chart_series_free (areas[a]);
  return met ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-chronology-benchmark"

#include "config.h"

#include <stdlib.h>

#include <cairo.h>

#include "heard-chronology.h"
#include "heard-cluster-rules.h"

/*
 * How long the chronology takes for 1,000 events over 10 years across 6
 * lanes: laying out and drawing one frame at three zoom levels (days, months,
 * years; the aim is 8 ms, half a 60 Hz frame, since a widget draws on the
 * main thread), and the cluster rule over 1,000 signs (the aim is 5 ms). Run
 * with meson test --benchmark --verbose. Exits with failure when a median
 * misses its aim.
 */

#define N_EVENTS 1000
#define N_LANES  6
#define N_YEARS  10
#define N_ROUNDS 50
#define WIDTH    1000
#define HEIGHT   400
#define FRAME_TARGET_MS   8.0
#define CLUSTER_TARGET_MS 5.0

static const char *const lanes[N_LANES] = {
  "Northside School", "Riverside Academy", "Eastgate Police", "City Hospital",
  "Children’s Social Care", "Youth Club",
};

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
report (const char *name,
        double     *times,
        double      target)
{
  double median;

  qsort (times, N_ROUNDS, sizeof (double), compare_doubles);
  median = times[N_ROUNDS / 2];
  g_print ("  %-28s fastest %.2f ms, median %.2f ms, slowest %.2f ms (target < %.0f ms) %s\n",
           name, times[0], median, times[N_ROUNDS - 1], target,
           median < target ? "met" : "MISSED");
  return median;
}

int
main (int   argc,
      char *argv[])
{
  static const struct { const char *name; double pixels_per_day; } zooms[] = {
    { "days (25 px a day)", 25 }, { "months (3 px a day)", 3 },
    { "years (the whole 10)", WIDTH / (N_YEARS * 365.25) },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  g_autofree HeardChronologyEvent *events = g_new0 (HeardChronologyEvent, N_EVENTS);
  g_autofree HeardClusterSign *signs = g_new0 (HeardClusterSign, N_EVENTS);
  g_autoptr(HeardChronology) chronology = NULL;
  HeardChartPalette palette;
  HeardClusterRule rule;
  cairo_surface_t *surface;
  cairo_t *cr;
  GDate first, today;
  gboolean met = TRUE;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, G_DATE_JANUARY, 2017);
  for (guint i = 0; i < N_EVENTS; i++)
    {
      HeardChronologyEvent *event = &events[i];

      event->id = i + 1;
      event->earliest_day = first;
      g_date_add_days (&event->earliest_day, g_rand_int_range (rand, 0, N_YEARS * 365));
      event->latest_day = event->earliest_day;
      /* One in ten "around" a month. */
      if (g_rand_int_range (rand, 0, 10) == 0)
        g_date_add_days (&event->latest_day, 30);
      event->lane = g_rand_int_range (rand, 0, N_LANES);
      event->kind = g_rand_int_range (rand, 0, HEARD_CHRONOLOGY_N_KINDS);
      event->label = "An event";

      signs[i].id = event->id;
      signs[i].earliest_day = event->earliest_day;
      signs[i].latest_day = event->latest_day;
      signs[i].agency_id = event->lane;
      signs[i].is_harm = event->kind == HEARD_CHRONOLOGY_SIGN_OF_HARM;
    }
  chronology = heard_chronology_new (events, N_EVENTS, lanes, N_LANES);
  heard_chart_palette_init_default (&palette, HEARD_CHART_STYLE_LIGHT);
  heard_cluster_rule_init_default (&rule);
  today = first;
  g_date_add_years (&today, N_YEARS / 2);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (surface);

  g_print ("The chronology laid out and drawn %u times at %ux%u, %u events over %u years "
           "in %u lanes:\n", N_ROUNDS, WIDTH, HEIGHT, N_EVENTS, N_YEARS, N_LANES);
  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      HeardChronologyView view = { .pixels_per_day = zooms[z].pixels_per_day };
      double times[N_ROUNDS];

      heard_chronology_view_center_on (&view, &today, WIDTH);
      if (z == G_N_ELEMENTS (zooms) - 1)
        view.start_day = g_date_get_julian (&first);
      /* Once first, so that loading fonts is not counted. */
      heard_chronology_layout (chronology, NULL, &view, WIDTH, HEIGHT);
      heard_chronology_draw (chronology, cr, &palette, 500, &today);
      for (guint round = 0; round < N_ROUNDS; round++)
        {
          gint64 start = g_get_monotonic_time ();

          heard_chronology_layout (chronology, NULL, &view, WIDTH, HEIGHT);
          heard_chronology_draw (chronology, cr, &palette, 500, &today);
          cairo_surface_flush (surface);
          times[round] = (g_get_monotonic_time () - start) / 1000.0;
        }
      met &= report (zooms[z].name, times, FRAME_TARGET_MS) < FRAME_TARGET_MS;
    }

  g_print ("The cluster rule over %u signs, %u times:\n", N_EVENTS, N_ROUNDS);
  {
    double times[N_ROUNDS];
    guint n_clusters = 0;

    for (guint round = 0; round < N_ROUNDS; round++)
      {
        gint64 start = g_get_monotonic_time ();
        g_autoptr(GPtrArray) clusters = heard_cluster_find (signs, N_EVENTS, &rule);

        times[round] = (g_get_monotonic_time () - start) / 1000.0;
        n_clusters = clusters->len;
      }
    g_print ("  (%u clusters found)\n", n_clusters);
    met &= report ("clusters", times, CLUSTER_TARGET_MS) < CLUSTER_TARGET_MS;
  }

  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  if (g_getenv ("HEARD_TEST_PNG_DIR") != NULL)
    {
      g_autofree char *file = g_build_filename (g_getenv ("HEARD_TEST_PNG_DIR"),
                                                "chronology-benchmark.png", NULL);
      cairo_surface_write_to_png (surface, file);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return met ? EXIT_SUCCESS : EXIT_FAILURE;
}

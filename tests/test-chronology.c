/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-chronology"

#include "config.h"

#include <math.h>

#include <cairo.h>
#include <glib.h>

#include "heard-chronology.h"
#include "heard-chronology-private.h"
#include "heard-test-image.h"

/*
 * The chronology as a user would see it, read back from image surfaces at
 * two widths: each agency's events in its own lane at the x of their day,
 * zooming that keeps the selected event in view, the keyboard walking
 * events in time order, an approximate date drawn unlike an exact one, kinds
 * told apart without colour, nothing outside the surface, 3:1 contrast for
 * every mark, clicks finding events, and what is shown in words. With
 * HEARD_TEST_PNG_DIR set, the drawings are also written there to look at.
 */

static const int widths[] = { 600, 1200 };
#define HEIGHT 300

static const char *const lanes[] = { "Northside School", "Eastgate Police", "City Hospital" };

enum { SCHOOL, POLICE, HEALTH };

static HeardChronologyEvent
make_event (gint64              id,
            guint               day,
            GDateMonth          month,
            guint               year,
            guint               lane,
            HeardChronologyKind kind,
            const char         *label)
{
  HeardChronologyEvent event = { .id = id, .lane = lane, .kind = kind, .label = label };

  g_date_clear (&event.earliest_day, 1);
  g_date_set_dmy (&event.earliest_day, (GDateDay) day, month, (GDateYear) year);
  event.latest_day = event.earliest_day;
  return event;
}

/* "Around" the month: every day of it. */
static HeardChronologyEvent
make_month_event (gint64              id,
                  GDateMonth          month,
                  guint               year,
                  guint               lane,
                  HeardChronologyKind kind,
                  const char         *label)
{
  HeardChronologyEvent event = make_event (id, 1, month, year, lane, kind, label);

  g_date_set_dmy (&event.latest_day, g_date_get_days_in_month (month, (GDateYear) year),
                  month, (GDateYear) year);
  return event;
}

static HeardChronology *
make_spring (void)
{
  HeardChronologyEvent events[] = {
    make_event (11, 3, G_DATE_MARCH, 2026, SCHOOL, HEARD_CHRONOLOGY_SIGN_OF_HARM,
                "Absent three days"),
    make_event (12, 10, G_DATE_MARCH, 2026, POLICE, HEARD_CHRONOLOGY_VULNERABILITY,
                "Seen with older men"),
    make_event (13, 20, G_DATE_MARCH, 2026, SCHOOL, HEARD_CHRONOLOGY_STRENGTH,
                "Joined the football team"),
    make_month_event (14, G_DATE_APRIL, 2026, POLICE, HEARD_CHRONOLOGY_SIGN_OF_HARM,
                      "Missing overnight"),
    make_event (15, 15, G_DATE_APRIL, 2026, HEALTH, HEARD_CHRONOLOGY_CHECK_IN, "Check-in"),
    make_event (16, 2, G_DATE_MAY, 2026, HEALTH, HEARD_CHRONOLOGY_STATEMENT, "Her words"),
    make_event (17, 2, G_DATE_MAY, 2026, SCHOOL, HEARD_CHRONOLOGY_PLAN_EVENT, "Plan signed off"),
    make_event (18, 20, G_DATE_MAY, 2026, POLICE, HEARD_CHRONOLOGY_SHARING, "Shared with police"),
  };

  return heard_chronology_new (events, G_N_ELEMENTS (events), lanes, G_N_ELEMENTS (lanes));
}

static void
get_date (guint       day,
          GDateMonth  month,
          guint       year,
          GDate      *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, month, (GDateYear) year);
}

static void
render (HeardTestImage            *image,
        HeardChronology           *chronology,
        const HeardChronologyView *view,
        const HeardChartPalette   *palette,
        int                        width,
        gint64                     selected_id,
        const char                *name)
{
  cairo_t *cr = heard_test_image_begin (image, width, HEIGHT);
  const char *folder = g_getenv ("HEARD_TEST_PNG_DIR");
  GDate today;

  get_date (1, G_DATE_MAY, 2026, &today);
  heard_chronology_layout (chronology, NULL, view, width, HEIGHT);
  heard_chronology_draw (chronology, cr, palette, selected_id, &today);
  heard_test_image_end (image, cr);
  if (folder != NULL && name != NULL)
    {
      g_autofree char *file = g_strdup_printf ("%s/chronology-%s-%d.png", folder, name, width);

      g_assert_cmpint (cairo_surface_write_to_png (image->surface, file), ==,
                       CAIRO_STATUS_SUCCESS);
    }
}

/* How many pixels of a colour lie within a box round x, y. */
static guint
count_near (const HeardTestImage *image,
            double                x,
            double                y,
            int                   half,
            HeardChartColor       color)
{
  guint count = 0;

  for (int py = (int) y - half; py <= (int) y + half; py++)
    for (int px = (int) x - half; px <= (int) x + half; px++)
      if (px >= 0 && py >= 0 && px < image->width && py < image->height &&
          heard_test_color_near (heard_test_image_get (image, px, py), color, 0.15))
        count++;
  return count;
}

static void
get_mark (HeardChronology *chronology,
          gint64           id,
          double          *x,
          double          *y)
{
  double radius;

  g_assert_true (_heard_chronology_get_mark (chronology, id, x, y, &radius));
}

/* A sign of harm at school and a vulnerability seen by police: each in its
 * agency's lane, at the x where its day begins, in the signs' colour, with
 * nothing of it in the other lane. */
static void
test_lanes (void)
{
  g_autoptr(HeardChronology) chronology = make_spring ();
  HeardChartPalette palette;
  static const struct { gint64 id; guint day; guint lane; } expected[] = {
    { 11, 3, SCHOOL }, { 12, 10, POLICE },
  };

  heard_chart_palette_init_default (&palette, HEARD_CHART_STYLE_LIGHT);
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_auto(HeardTestImage) image = { 0 };
      HeardChronologyView view;
      GDate first;

      get_date (1, G_DATE_MARCH, 2026, &first);
      view.pixels_per_day = widths[w] / 40.0;
      view.start_day = g_date_get_julian (&first) - 1;
      render (&image, chronology, &view, &palette, widths[w], HEARD_CHRONOLOGY_NO_EVENT, "lanes");

      for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
        {
          double x, y, top, bottom, other_top, other_bottom;
          GDate day;

          get_date (expected[e].day, G_DATE_MARCH, 2026, &day);
          get_mark (chronology, expected[e].id, &x, &y);
          /* One day after the left edge, and so many days on. */
          g_assert_cmpfloat_with_epsilon (x, (expected[e].day) * view.pixels_per_day, 0.01);
          g_assert_cmpfloat_with_epsilon (x, heard_chronology_view_get_x (&view, &day), 0.01);

          _heard_chronology_get_lane_band (chronology, expected[e].lane, &top, &bottom);
          _heard_chronology_get_lane_band (chronology, 1 - expected[e].lane, &other_top,
                                           &other_bottom);
          g_assert_cmpfloat (y, >, top);
          g_assert_cmpfloat (y, <, bottom);
          g_assert_cmpuint (count_near (&image, x, y, 3,
                                        palette.marker[HEARD_CHART_RATER_WORKER]), >, 10);
          g_assert_cmpuint (count_near (&image, x, (other_top + other_bottom) / 2,
                                        (int) (other_bottom - other_top) / 2 - 1,
                                        palette.marker[HEARD_CHART_RATER_WORKER]), ==, 0);
        }
    }
}

/* Zoomed in twentyfold around a point far from it, the selected event leaves
 * the view; keep_visible brings it back, with its mark and ring drawn. And
 * zooming around the event itself leaves it where it was. */
static void
test_zoom_keeps_selected (void)
{
  g_autoptr(HeardChronology) chronology = make_spring ();
  HeardChartPalette palette;
  GDate today;

  heard_chart_palette_init_default (&palette, HEARD_CHART_STYLE_LIGHT);
  get_date (1, G_DATE_MAY, 2026, &today);
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_auto(HeardTestImage) image = { 0 };
      HeardChronologyView view;
      double x, y, before;

      heard_chronology_view_fit (&view, chronology, &today, widths[w]);
      heard_chronology_layout (chronology, NULL, &view, widths[w], HEIGHT);
      get_mark (chronology, 13, &before, &y);
      g_assert_cmpfloat (before, >, 0);
      g_assert_cmpfloat (before, <, widths[w]);

      /* Around itself: it stays put. */
      heard_chronology_zoom_around (&view, 4, before);
      heard_chronology_layout (chronology, NULL, &view, widths[w], HEIGHT);
      get_mark (chronology, 13, &x, &y);
      g_assert_cmpfloat_with_epsilon (x, before, 0.01);

      heard_chronology_zoom_around (&view, 20, widths[w] - 1);
      heard_chronology_layout (chronology, NULL, &view, widths[w], HEIGHT);
      get_mark (chronology, 13, &x, &y);
      g_assert_cmpfloat (x, <, 0);

      heard_chronology_view_keep_visible (&view, chronology, 13, widths[w]);
      render (&image, chronology, &view, &palette, widths[w], 13, "zoomed");
      get_mark (chronology, 13, &x, &y);
      g_assert_cmpfloat (x, >, 10);
      g_assert_cmpfloat (x, <, widths[w] - 10);
      g_assert_cmpuint (count_near (&image, x, y, 3,
                                    palette.marker[HEARD_CHART_RATER_YOUNG_PERSON]), >, 10);
      /* The ring: the text's colour left and right of the mark. */
      g_assert_cmpuint (count_near (&image, x - 9, y, 1, palette.foreground), >, 0);
      g_assert_cmpuint (count_near (&image, x + 9, y, 1, palette.foreground), >, 0);

      /* A visible event is left where it is. */
      before = view.start_day;
      heard_chronology_view_keep_visible (&view, chronology, 13, widths[w]);
      g_assert_cmpfloat (view.start_day, ==, before);
    }
}

/* Arrow keys walk time order: by day, then lane, then id; the ends hold. */
static void
test_keyboard (void)
{
  HeardChronologyEvent events[] = {
    make_event (5, 9, G_DATE_JUNE, 2026, SCHOOL, HEARD_CHRONOLOGY_SIGN_OF_HARM, NULL),
    make_event (1, 2, G_DATE_JUNE, 2026, POLICE, HEARD_CHRONOLOGY_SIGN_OF_HARM, NULL),
    make_event (4, 2, G_DATE_JUNE, 2026, SCHOOL, HEARD_CHRONOLOGY_VULNERABILITY, NULL),
    make_month_event (3, G_DATE_MAY, 2026, HEALTH, HEARD_CHRONOLOGY_STRENGTH, NULL),
    make_event (2, 2, G_DATE_JUNE, 2026, POLICE, HEARD_CHRONOLOGY_STATEMENT, NULL),
  };
  static const gint64 order[] = { 3, 4, 1, 2, 5 };
  g_autoptr(HeardChronology) chronology =
    heard_chronology_new (events, G_N_ELEMENTS (events), lanes, G_N_ELEMENTS (lanes));
  gint64 id = HEARD_CHRONOLOGY_NO_EVENT;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      id = heard_chronology_next (chronology, id);
      g_assert_cmpint (id, ==, order[i]);
      g_assert_cmpint (heard_chronology_get_event (chronology, i)->id, ==, order[i]);
    }
  g_assert_cmpint (heard_chronology_next (chronology, id), ==, 5);
  for (guint i = G_N_ELEMENTS (order) - 1; i > 0; i--)
    {
      id = heard_chronology_previous (chronology, id);
      g_assert_cmpint (id, ==, order[i - 1]);
    }
  g_assert_cmpint (heard_chronology_previous (chronology, id), ==, 3);
  g_assert_cmpint (heard_chronology_previous (chronology, HEARD_CHRONOLOGY_NO_EVENT), ==, 5);
}

/* Ink on the mark's row, beyond the mark, either side of it. */
static guint
count_beside (const HeardTestImage *image,
              double                x,
              double                y,
              double                radius)
{
  guint count = 0;

  for (int dx = (int) radius + 2; dx <= (int) radius + 4; dx++)
    for (int sign = -1; sign <= 1; sign += 2)
      count += heard_test_luminance (heard_test_image_get (image, (int) (x + sign * dx),
                                                           (int) round (y))) < 0.9;
  return count;
}

/* "Around April 2026" is a dashed span either side of its mark, zoomed out
 * (a month a few pixels wide) and in; the exact day beside it has none. */
static void
test_approximate (void)
{
  HeardChronologyEvent events[] = {
    make_month_event (1, G_DATE_APRIL, 2026, SCHOOL, HEARD_CHRONOLOGY_SIGN_OF_HARM, NULL),
    make_event (2, 15, G_DATE_APRIL, 2026, POLICE, HEARD_CHRONOLOGY_SIGN_OF_HARM, NULL),
  };
  static const double zooms[] = { 0.15, 20 };
  g_autoptr(HeardChronology) chronology =
    heard_chronology_new (events, G_N_ELEMENTS (events), lanes, G_N_ELEMENTS (lanes));
  HeardChartPalette palette;

  heard_chart_palette_init_default (&palette, HEARD_CHART_STYLE_LIGHT);
  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      {
        g_auto(HeardTestImage) image = { 0 };
        HeardChronologyView view = { .pixels_per_day = zooms[z] };
        double x, y, radius;
        GDate middle;

        get_date (16, G_DATE_APRIL, 2026, &middle);
        heard_chronology_view_center_on (&view, &middle, widths[w]);
        render (&image, chronology, &view, &palette, widths[w], HEARD_CHRONOLOGY_NO_EVENT,
                z == 0 ? "approximate-out" : "approximate-in");

        g_assert_true (_heard_chronology_get_mark (chronology, 1, &x, &y, &radius));
        g_assert_cmpuint (count_beside (&image, x, y, radius), >=, 2);
        g_assert_true (_heard_chronology_get_mark (chronology, 2, &x, &y, &radius));
        g_assert_cmpuint (count_beside (&image, x, y, radius), ==, 0);
      }
}

/* Harm, vulnerability and strength in one colour still differ in shape:
 * their marks' pixels differ in many places. */
static void
test_shapes (void)
{
  static const HeardChronologyKind kinds[] = {
    HEARD_CHRONOLOGY_SIGN_OF_HARM, HEARD_CHRONOLOGY_VULNERABILITY, HEARD_CHRONOLOGY_STRENGTH,
    HEARD_CHRONOLOGY_STATEMENT, HEARD_CHRONOLOGY_CHECK_IN, HEARD_CHRONOLOGY_PLAN_EVENT,
    HEARD_CHRONOLOGY_SHARING, HEARD_CHRONOLOGY_NOT_SHARED,
  };
  gboolean ink[G_N_ELEMENTS (kinds)][15][15];
  HeardChartPalette palette;

  heard_chart_palette_init_default (&palette, HEARD_CHART_STYLE_LIGHT);
  palette.marker[0] = palette.marker[1] = palette.foreground;
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      HeardChronologyEvent event = make_event (1, 1, G_DATE_JUNE, 2026, SCHOOL, kinds[k], NULL);
      g_autoptr(HeardChronology) chronology = heard_chronology_new (&event, 1, lanes, 1);
      g_auto(HeardTestImage) image = { 0 };
      HeardChronologyView view = { .pixels_per_day = 10 };
      double x, y, radius;

      heard_chronology_view_center_on (&view, &event.earliest_day, 600);
      render (&image, chronology, &view, &palette, 600, HEARD_CHRONOLOGY_NO_EVENT, NULL);
      g_assert_true (_heard_chronology_get_mark (chronology, 1, &x, &y, &radius));
      for (int dy = -7; dy <= 7; dy++)
        for (int dx = -7; dx <= 7; dx++)
          ink[k][dy + 7][dx + 7] =
            heard_test_luminance (heard_test_image_get (&image, (int) x + dx, (int) y + dy)) < 0.5;
    }
  for (guint a = 0; a < G_N_ELEMENTS (kinds); a++)
    for (guint b = a + 1; b < G_N_ELEMENTS (kinds); b++)
      {
        guint differ = 0;

        for (guint i = 0; i < 15 * 15; i++)
          differ += ink[a][i / 15][i % 15] != ink[b][i / 15][i % 15];
        if (differ < 12)
          g_error ("kinds %u and %u look alike (%u pixels differ)", kinds[a], kinds[b], differ);
      }
}

/* Drawn at an offset into a larger surface, with events beyond both edges
 * and a long label selected at the right edge: nothing lands outside its
 * rectangle. */
static void
test_inside_surface (void)
{
  HeardChronologyEvent events[] = {
    make_event (1, 1, G_DATE_JANUARY, 2020, SCHOOL, HEARD_CHRONOLOGY_SIGN_OF_HARM, "Long ago"),
    make_month_event (2, G_DATE_MARCH, 2026, POLICE, HEARD_CHRONOLOGY_VULNERABILITY,
                      "A label long enough to run off the right-hand edge of the drawing"),
    make_event (3, 1, G_DATE_JANUARY, 2030, HEALTH, HEARD_CHRONOLOGY_STRENGTH, "Far ahead"),
  };
  g_autoptr(HeardChronology) chronology =
    heard_chronology_new (events, G_N_ELEMENTS (events), lanes, G_N_ELEMENTS (lanes));
  HeardChartPalette palette;
  static const double zooms[] = { 0.05, 1, 40 };

  heard_chart_palette_init_default (&palette, HEARD_CHART_STYLE_DARK);
  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      {
        g_auto(HeardTestImage) image = { 0 };
        cairo_t *cr = heard_test_image_begin (&image, widths[w] + 40, HEIGHT + 40);
        HeardChronologyView view = { .pixels_per_day = zooms[z] };
        GDate today;

        get_date (25, G_DATE_MARCH, 2026, &today);
        heard_chronology_view_center_on (&view, &today, widths[w]);
        view.start_day += widths[w] / 2.0 / view.pixels_per_day - 5 / view.pixels_per_day;
        cairo_set_source_rgb (cr, 0, 1, 0);
        cairo_paint (cr);
        cairo_translate (cr, 20, 20);
        heard_chronology_layout (chronology, NULL, &view, widths[w], HEIGHT);
        heard_chronology_draw (chronology, cr, &palette, 2, &today);
        heard_test_image_end (&image, cr);

        for (int y = 0; y < image.height; y++)
          for (int x = 0; x < image.width; x++)
            {
              gboolean inside = x >= 20 && y >= 20 && x < 20 + widths[w] && y < 20 + HEIGHT;
              gboolean green = heard_test_color_near (heard_test_image_get (&image, x, y),
                                                      (HeardChartColor) { 0, 1, 0, 1 }, 0);

              if (inside == green)
                g_error ("%s at %d, %d (zoom %g, width %d)",
                         inside ? "nothing drawn" : "drawn outside", x, y, zooms[z], widths[w]);
            }
      }
}

/* Every kind's mark keeps 3:1 against the background in the dark and high
 * contrast palettes (and the light one): its most contrasting pixel, read
 * back from the drawing. */
static void
test_contrast (void)
{
  static const HeardChartStyle styles[] = {
    HEARD_CHART_STYLE_LIGHT, HEARD_CHART_STYLE_DARK, HEARD_CHART_STYLE_HIGH_CONTRAST,
  };

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    for (HeardChronologyKind kind = 0; kind < HEARD_CHRONOLOGY_N_KINDS; kind++)
      {
        HeardChronologyEvent event = make_event (1, 1, G_DATE_JUNE, 2026, SCHOOL, kind, NULL);
        g_autoptr(HeardChronology) chronology = heard_chronology_new (&event, 1, lanes, 1);
        g_auto(HeardTestImage) image = { 0 };
        HeardChronologyView view = { .pixels_per_day = 10 };
        HeardChartPalette palette;
        double x, y, radius, best = 1;

        heard_chart_palette_init_default (&palette, styles[s]);
        heard_chronology_view_center_on (&view, &event.earliest_day, 600);
        render (&image, chronology, &view, &palette, 600, HEARD_CHRONOLOGY_NO_EVENT, NULL);
        g_assert_true (_heard_chronology_get_mark (chronology, 1, &x, &y, &radius));
        for (int dy = -4; dy <= 4; dy++)
          for (int dx = -4; dx <= 4; dx++)
            best = MAX (best, heard_test_contrast (heard_test_image_get (&image, (int) x + dx,
                                                                         (int) y + dy),
                                                   palette.background));
        if (best < 3.0)
          g_error ("kind %u in style %u: contrast %.2f", kind, styles[s], best);
      }
}

/* A click on a mark finds its event; a click on empty lane finds none. */
static void
test_event_at (void)
{
  g_autoptr(HeardChronology) chronology = make_spring ();
  HeardChronologyView view;
  GDate today;

  get_date (1, G_DATE_MAY, 2026, &today);
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      heard_chronology_view_fit (&view, chronology, &today, widths[w]);
      heard_chronology_layout (chronology, NULL, &view, widths[w], HEIGHT);
      for (guint i = 0; i < heard_chronology_get_n_events (chronology); i++)
        {
          gint64 id = heard_chronology_get_event (chronology, i)->id;
          double x, y;

          get_mark (chronology, id, &x, &y);
          g_assert_cmpint (heard_chronology_event_at (chronology, x + 2, y - 2), ==, id);
        }
      g_assert_cmpint (heard_chronology_event_at (chronology, 2, 2), ==, HEARD_CHRONOLOGY_NO_EVENT);
    }
}

static void
test_describe (void)
{
  g_autoptr(HeardChronology) chronology = make_spring ();
  g_autoptr(HeardChronology) empty = heard_chronology_new (NULL, 0, lanes, G_N_ELEMENTS (lanes));
  g_autofree char *text = heard_chronology_describe (chronology);
  g_autofree char *none = heard_chronology_describe (empty);

  g_assert_cmpstr (text, ==, "8 events from 3 agencies between March 2026 and May 2026; "
                             "2 signs of harm, 1 vulnerability, 1 strength or turning point, "
                             "1 statement, 1 check-in, 1 plan event, 1 record of sharing, "
                             "1 with an approximate date");
  g_assert_cmpstr (none, ==, "No events yet");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chronology/lanes", test_lanes);
  g_test_add_func ("/chronology/zoom-keeps-selected", test_zoom_keeps_selected);
  g_test_add_func ("/chronology/keyboard", test_keyboard);
  g_test_add_func ("/chronology/approximate", test_approximate);
  g_test_add_func ("/chronology/shapes", test_shapes);
  g_test_add_func ("/chronology/inside-surface", test_inside_surface);
  g_test_add_func ("/chronology/contrast", test_contrast);
  g_test_add_func ("/chronology/event-at", test_event_at);
  g_test_add_func ("/chronology/describe", test_describe);

  return g_test_run ();
}

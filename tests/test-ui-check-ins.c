/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-ui-check-ins"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "heard-chart.h"
#include "heard-chart-card.h"
#include "heard-check-ins-section.h"
#include "heard-choice-row.h"
#include "heard-dialog.h"
#include "heard-field-error.h"
#include "heard-person-page.h"
#include "heard-plan-view.h"
#include "heard-test-ui.h"
#include "heard-test-utils.h"

/*
 * Check-ins as a caseworker records them under Xvfb: a plan with two
 * areas, a future day refused beside its field with nothing saved, then a
 * check-in with the young person's rating of one area skipped and a gap of
 * 3 in the other; the list says "Skipped" in words and points the gap out;
 * the progress chart's description names both raters and the gap, its
 * pixels hold both raters' lines, and its table shows the same numbers.
 */

static HeardApplication *the_app;

#define THEIR_WORDS "The bus felt better this week"
#define WORKER_NOTE "We agreed to try the later bus"

static void
collect_text_views (GtkWidget *root,
                    GPtrArray *views)
{
  heard_test_ui_collect_text_views (root, views);
}

static void
set_text_views (GtkWidget         *root,
                const char *const *texts)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  collect_text_views (root, views);
  for (guint i = 0; texts[i] != NULL; i++)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (g_ptr_array_index (views, i)),
                              texts[i], -1);
}

static void
add_area (HeardPlanView     *view,
          HeardAreaKind      kind,
          const char *const *texts)
{
  GtkWindow *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.add-area", "u", kind));
  editor = heard_test_ui_wait_for_window ("HeardAreaEditor");
  set_text_views (GTK_WIDGET (editor), texts);
  heard_test_ui_save_dialog (editor, "HeardAreaEditor");
}

static gboolean
has_plan (gpointer data)
{
  return heard_plan_view_get_plan (data) != NULL;
}

static gboolean
plan_has_two_areas (gpointer data)
{
  HeardPlan *plan = heard_plan_view_get_plan (data);

  return plan != NULL && g_list_model_get_n_items (heard_plan_get_areas (plan)) == 2;
}

static gboolean
dialog_shows_error (gpointer data)
{
  return heard_field_error_find (data) != NULL || heard_dialog_get_error (data) != NULL;
}

/* The first shown label below @root that holds @text. */
static GtkWidget *
find_label_with (GtkWidget  *root,
                 const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_visible (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether @first and @second are children of one box, @first before. */
static gboolean
comes_before (GtkWidget *first,
              GtkWidget *second)
{
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_true (gtk_widget_get_parent (first) == gtk_widget_get_parent (second));

  for (GtkWidget *sibling = gtk_widget_get_next_sibling (first); sibling != NULL;
       sibling = gtk_widget_get_next_sibling (sibling))
    if (sibling == second)
      return TRUE;
  return FALSE;
}

/* Whether some label below @root holds @text. */
static gboolean
has_label_with (GtkWidget  *root,
                const char *text)
{
  return find_label_with (root, text) != NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} Wanted;

static gboolean
label_shown (gpointer data)
{
  Wanted *wanted = data;

  return has_label_with (wanted->root, wanted->text);
}

static GskRenderNode *
snapshot_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (snapshot);
}

/* On screen, laid out, and drawn at least once. */
static gboolean
is_drawn (gpointer data)
{
  g_autoptr(GskRenderNode) node = NULL;

  if (!gtk_widget_get_mapped (data) || gtk_widget_get_width (data) <= 0)
    return FALSE;

  node = snapshot_widget (data);
  return node != NULL;
}

static gboolean
description_has_gap (gpointer data)
{
  const char *description = heard_chart_view_get_description (data);

  return description != NULL && strstr (description, "apart") != NULL;
}

/* Picks @id in the choice row named @name below @root, as the keyboard
 * would: down through the options from where it is. */
static void
choose (GtkWidget  *root,
        const char *name,
        const char *id)
{
  GtkWidget *row = heard_test_ui_find_by_name (root, name);

  g_assert_nonnull (row);
  g_assert_true (heard_choice_row_choose_id (HEARD_CHOICE_ROW (row), id));
  g_assert_cmpstr (heard_choice_row_get_chosen_id (HEARD_CHOICE_ROW (row)), ==, id);
}

/* How many pixels of @surface are within a little of @color. */
static guint
count_pixels (cairo_surface_t       *surface,
              const HeardChartColor *color)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint count = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);
        int r = pixel >> 16 & 0xff, g = pixel >> 8 & 0xff, b = pixel & 0xff;

        if (ABS (r - (int) (color->red * 255)) < 24 && ABS (g - (int) (color->green * 255)) < 24 &&
            ABS (b - (int) (color->blue * 255)) < 24)
          count++;
      }

  return count;
}

static HeardChartStyle
shown_chart_style (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (manager))
    return HEARD_CHART_STYLE_HIGH_CONTRAST;
  return adw_style_manager_get_dark (manager) ? HEARD_CHART_STYLE_DARK : HEARD_CHART_STYLE_LIGHT;
}

/* Scrolls the page @widget is on so that it shows at the top, for the
 * screenshots. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 12);
}

/* Renders @widget as it shows, through the same snapshot() the screen uses. */
static cairo_surface_t *
render (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = snapshot_widget (widget);
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_nonnull (node);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The text of option @position of the choice row named @name below @root. */
static char *
dup_option (GtkWidget  *root,
            const char *name,
            guint       position)
{
  GtkWidget *row = heard_test_ui_find_by_name (root, name);
  GListModel *options = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  g_autoptr(GObject) item = g_list_model_get_item (options, position);

  g_assert_nonnull (item);
  return heard_choice_row_dup_item_text (HEARD_CHOICE_ROW (row), item);
}

/* The rating picker: not answering first, both ways of it together, then
 * 0 to 10 with the ends said in words, per scale. */
static void
assert_rating_options (GtkWidget  *editor,
                       const char *area_row,
                       const char *safety_row)
{
  const struct { const char *row; guint position; const char *text; } expected[] = {
    { area_row, 0, "Skipped" },
    { area_row, 1, "I’d rather not say" },
    { area_row, 2, "0 — not at all" },
    { area_row, 7, "5" },
    { area_row, 12, "10 — completely" },
    { safety_row, 0, "Skipped" },
    { safety_row, 1, "I’d rather not say" },
    { safety_row, 2, "0 — not safe at all" },
    { safety_row, 12, "10 — completely safe" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *text = dup_option (editor, expected[i].row, expected[i].position);

      g_assert_cmpstr (text, ==, expected[i].text);
    }
}

static void
test_check_in (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  const char *safety[] = { "I want to feel safe on the bus home.", NULL };
  const char *education[] = { "Go back to college in September.", NULL };
  const char *check_in_texts[] = { THEIR_WORDS, WORKER_NOTE, NULL };
  HeardWindow *window;
  HeardPersonPage *page;
  HeardPlanView *view;
  GtkWindow *editor;
  GtkWidget *day;
  GtkWidget *section;
  GtkWidget *card;
  HeardChartView *chart;
  GtkWidget *toggle;
  GtkWidget *table;
  HeardChartPalette palette;
  cairo_surface_t *surface;
  Wanted skipped;
  g_autofree char *name = NULL;
  g_autofree char *safety_row = g_strdup_printf ("rating-%u-young-person", HEARD_AREA_SAFETY);
  g_autofree char *education_theirs = g_strdup_printf ("rating-%u-young-person",
                                                       HEARD_AREA_EDUCATION);
  g_autofree char *education_workers = g_strdup_printf ("rating-%u-worker", HEARD_AREA_EDUCATION);
  g_autofree char *safety_workers = g_strdup_printf ("rating-%u-worker", HEARD_AREA_SAFETY);

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  window = heard_test_ui_active_window (the_app);
  heard_test_ui_add_person (the_app, "Amira Khan", "Mira");
  page = HEARD_PERSON_PAGE (_heard_window_get_person_page (window));
  heard_person_page_show_view (page, "plan");
  view = HEARD_PLAN_VIEW (heard_test_ui_find_descendant (GTK_WIDGET (page), HEARD_TYPE_PLAN_VIEW,
                                                         NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.start", NULL));
  heard_test_ui_wait_until (has_plan, view, "a plan");
  add_area (view, HEARD_AREA_SAFETY, safety);
  add_area (view, HEARD_AREA_EDUCATION, education);
  heard_test_ui_wait_until (plan_has_two_areas, view, "two areas");

  section = heard_test_ui_find_descendant (GTK_WIDGET (view), HEARD_TYPE_CHECK_INS_SECTION, NULL);
  g_assert_nonnull (section);
  g_assert_true (has_label_with (section, "No check-ins yet"));

  /* A day after today is refused beside the field, and nothing is saved. */
  g_assert_true (gtk_widget_activate_action (section, "check-ins.new", NULL));
  editor = heard_test_ui_wait_for_window ("HeardCheckInEditor");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (editor));
  name = heard_test_ui_dup_accessible_label (heard_test_ui_find_by_name (GTK_WIDGET (editor),
                                                                         safety_row));
  g_assert_cmpstr (name, ==, "Safety: their rating");
  day = heard_test_ui_find_descendant (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                       "Day of the check-in");
  g_assert_nonnull (day);
  gtk_editable_set_text (GTK_EDITABLE (day), "15/01/2031");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "dialog.save", NULL));
  heard_test_ui_wait_until (dialog_shows_error, editor, "the future day refused");
  heard_test_ui_assert_field_error (day, "future");
  skipped = (Wanted) { section, "No check-ins yet" };
  heard_test_ui_hold (label_shown, &skipped, 300, "nothing saved");

  assert_rating_options (GTK_WIDGET (editor), education_theirs, "safety-scale");

  /* Today, their safety rating skipped, education 2 against 6, with what
   * they said and the worker's note. */
  gtk_editable_set_text (GTK_EDITABLE (day), "01/03/2026");
  set_text_views (GTK_WIDGET (editor), check_in_texts);
  choose (GTK_WIDGET (editor), safety_row, "skipped");
  choose (GTK_WIDGET (editor), safety_workers, "5");
  choose (GTK_WIDGET (editor), education_theirs, "2");
  choose (GTK_WIDGET (editor), education_workers, "6");
  g_assert_true (has_label_with (GTK_WIDGET (editor), "something to talk about"));
  gtk_widget_grab_focus (heard_test_ui_find_by_name (GTK_WIDGET (editor), education_workers));
  heard_test_ui_screenshot (editor, "check-in-editor");
  heard_test_ui_save_dialog (editor, "HeardCheckInEditor");

  skipped = (Wanted) { section, "Safety: their rating Skipped · worker’s rating 5" };
  heard_test_ui_wait_until (label_shown, &skipped, "the check-in listed with Skipped");
  g_assert_true (has_label_with (section, "Education and training: their rating 2 · "
                                          "worker’s rating 6"));
  g_assert_true (has_label_with (section, "something to talk about"));
  g_assert_false (has_label_with (section, "No check-ins yet"));
  /* What they said first, titled as theirs, the worker's note after. */
  g_assert_true (has_label_with (section, "In their words"));
  g_assert_true (has_label_with (section, THEIR_WORDS));
  g_assert_true (has_label_with (section, "Worker’s note"));
  g_assert_true (has_label_with (section, WORKER_NOTE));
  {
    GtkWidget *words = find_label_with (section, THEIR_WORDS);
    GtkWidget *ratings = find_label_with (section, "Education and training: their rating");
    GtkWidget *note = find_label_with (section, WORKER_NOTE);

    g_assert_true (gtk_widget_get_parent (words) == gtk_widget_get_parent (note));
    g_assert_true (comes_before (words, ratings));
    g_assert_true (comes_before (ratings, note));
  }

  /* A second, so the chart has lines: their safety rating "rather not say". */
  g_assert_true (gtk_widget_activate_action (section, "check-ins.new", NULL));
  editor = heard_test_ui_wait_for_window ("HeardCheckInEditor");
  day = heard_test_ui_find_descendant (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                       "Day of the check-in");
  gtk_editable_set_text (GTK_EDITABLE (day), "01/06/2026");
  choose (GTK_WIDGET (editor), safety_row, "rather-not-say");
  choose (GTK_WIDGET (editor), safety_workers, "6");
  choose (GTK_WIDGET (editor), education_theirs, "5");
  choose (GTK_WIDGET (editor), education_workers, "7");
  g_assert_false (has_label_with (GTK_WIDGET (editor), "something to talk about"));
  heard_test_ui_save_dialog (editor, "HeardCheckInEditor");
  skipped = (Wanted) { section, "Safety: their rating Rather not say · worker’s rating 6" };
  heard_test_ui_wait_until (label_shown, &skipped, "the second check-in listed");

  /* The progress chart follows education: both raters, the gap, both lines. */
  card = heard_test_ui_find_descendant (section, HEARD_TYPE_CHART_CARD, NULL);
  g_assert_nonnull (card);
  chart = heard_chart_card_get_view (HEARD_CHART_CARD (card));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (heard_test_ui_find_descendant (card,
                                                                           GTK_TYPE_DROP_DOWN,
                                                                           NULL)), 1);
  heard_test_ui_wait_until (description_has_gap, chart, "the gap in the chart's words");
  g_assert_nonnull (strstr (heard_chart_view_get_description (chart), "their rating"));
  g_assert_nonnull (strstr (heard_chart_view_get_description (chart), "worker’s rating"));

  heard_test_ui_wait_until (is_drawn, chart, "the chart on screen");
  /* In the colours of the style shown (screenshots are taken dark and in
   * high contrast too). */
  heard_chart_palette_init_default (&palette, shown_chart_style ());
  surface = render (GTK_WIDGET (chart));
  if (g_getenv ("HEARD_SCREENSHOTS") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("HEARD_SCREENSHOTS"),
                                                "progress-chart.png", NULL);

      cairo_surface_write_to_png (surface, path);
    }
  g_assert_cmpuint (count_pixels (surface, &palette.marker[HEARD_CHART_RATER_YOUNG_PERSON]), >, 20);
  g_assert_cmpuint (count_pixels (surface, &palette.marker[HEARD_CHART_RATER_WORKER]), >, 20);
  cairo_surface_destroy (surface);

  /* The table: the same numbers, never averaged. */
  toggle = heard_test_ui_find_by_name (card, "show-as-table");
  g_assert_nonnull (toggle);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  table = heard_test_ui_find_by_name (card, "chart-table");
  g_assert_true (gtk_widget_get_mapped (table) || gtk_widget_get_child_visible (table));
  g_assert_true (has_label_with (table, "2"));
  g_assert_true (has_label_with (table, "6"));
  g_assert_true (has_label_with (table, "5"));
  g_assert_true (has_label_with (table, "7"));
  /* Never averaged: 4 (of 2 and 6) and 6 (of 5 and 7) is not written as a mean. */
  g_assert_false (has_label_with (table, "4"));
  /* The legend explains lines, so it goes with them; the rows are newest
   * first, as the list of check-ins is. */
  g_assert_false (has_label_with (card, "solid line"));
  g_assert_true (comes_before (find_label_with (table, "1 June 2026"),
                               find_label_with (table, "1 March 2026")));

  /* And the safety area's table says Skipped in words. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (heard_test_ui_find_descendant (card,
                                                                           GTK_TYPE_DROP_DOWN,
                                                                           NULL)), 0);
  skipped = (Wanted) { table, "Skipped" };
  heard_test_ui_wait_until (label_shown, &skipped, "Skipped in the table");

  scroll_to (card);
  heard_test_ui_screenshot (GTK_WINDOW (window), "check-ins-table");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), FALSE);
  g_assert_true (has_label_with (card, "Their rating: solid line, round markers"));
  heard_test_ui_screenshot (GTK_WINDOW (window), "check-ins-chart");
  heard_test_ui_stop (the_app);
}

int
main (int   argc,
      char *argv[])
{
  the_app = heard_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/check-ins/record-and-chart", test_check_in);

  return g_test_run ();
}

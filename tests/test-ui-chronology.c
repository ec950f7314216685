/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-ui-chronology"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "heard-case-file.h"
#include "heard-chronology-page-private.h"
#include "heard-chronology-private.h"
#include "heard-cluster-numbers-group.h"
#include "heard-dialog.h"
#include "heard-person-page.h"
#include "heard-test-ui.h"
#include "heard-test-utils.h"
#include "heard-timeline-private.h"

/*
 * A young person's chronology under Xvfb: signs from a school and from the
 * police land in two lanes, said so in the drawing's description and drawn
 * as marks in two lane bands; the Right arrow moves through the events in
 * time order and the list follows; choosing in the list moves the
 * timeline; zooming in keeps the chosen event in view; a sensitive
 * statement shows in the list by its content note, never its words.
 */

#define SUPERVISOR "Sam Okafor"
#define PASSPHRASE "a long supervisor passphrase"
#define SENSITIVE_WORDS "He took my phone and said I owed him"
#define CONTENT_NOTE "Describes being threatened"

static HeardApplication *the_app;

static HeardCaseFile *
open_case_file (HeardWindow     *window,
                HeardPersonPage *page)
{
  g_autoptr(HeardContext) context = NULL;

  g_object_get (window, "context", &context, NULL);
  return heard_case_file_open (context, heard_person_page_get_person (page));
}

static gint64
save_agency (HeardContext    *context,
             HeardAgencyType  type,
             const char      *name)
{
  g_autoptr(HeardDirectoryAgency) agency = heard_directory_agency_new (type, name);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  heard_context_save_agency_async (context, agency, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  id = heard_context_save_agency_finish (context, result, &error);
  g_assert_no_error (error);
  return id;
}

static void
finish_write (HeardCaseFile  *case_file,
              GAsyncResult  **result)
{
  g_autoptr(GError) error = NULL;

  heard_test_wait (result);
  heard_case_file_write_finish (case_file, *result, &error);
  g_assert_no_error (error);
  g_clear_object (result);
}

static void
record_sign (HeardCaseFile    *case_file,
             HeardEntryNature  nature,
             const char       *kind,
             gint64            agency_id,
             guint             day_of_march,
             const char       *seen)
{
  g_autoptr(HeardChronologyEntry) sign = heard_chronology_entry_new (heard_case_file_get_person_id (case_file),
                                                                    nature, kind);
  g_autoptr(GAsyncResult) result = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, day_of_march, G_DATE_MARCH, 2026);
  heard_chronology_entry_set_when (sign, HEARD_DATE_PRECISION_DAY, &day, NULL);
  heard_chronology_entry_set_agency_id (sign, agency_id);
  heard_chronology_entry_set_text (sign, HEARD_CHRONOLOGY_REPORTER, "A. Teacher");
  heard_chronology_entry_set_text (sign, HEARD_CHRONOLOGY_SEEN, seen);
  heard_case_file_record_chronology_entry_async (case_file, sign, NULL,
                                                 heard_test_store_result_cb, &result);
  finish_write (case_file, &result);
}

static void
record_sensitive_statement (HeardCaseFile *case_file)
{
  g_autoptr(HeardStatement) statement = heard_statement_new ();
  g_autoptr(GAsyncResult) result = NULL;

  heard_statement_set_person_id (statement, heard_case_file_get_person_id (case_file));
  heard_statement_set_text (statement, HEARD_STATEMENT_WORDS, SENSITIVE_WORDS);
  heard_statement_set_text (statement, HEARD_STATEMENT_GIVEN_ON, "05/03/2026");
  heard_statement_set_text (statement, HEARD_STATEMENT_CONTENT_NOTE, CONTENT_NOTE);
  heard_statement_set_sensitive (statement, TRUE);
  heard_case_file_record_statement_async (case_file, statement, NULL,
                                          heard_test_store_result_cb, &result);
  finish_write (case_file, &result);
}

typedef struct
{
  GtkListBox *list;
  guint       n_rows;
} Rows;

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static gboolean
has_rows (gpointer data)
{
  Rows *rows = data;

  return count_rows (rows->list) == rows->n_rows;
}

/* Whether some label below @root holds @text. */
static gboolean
has_label_with (GtkWidget  *root,
                const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_with (child, text))
      return TRUE;

  return FALSE;
}

/* Renders @widget as it shows, through the same snapshot() the screen uses. */
static GskRenderNode *
snapshot_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (snapshot);
}

static cairo_surface_t *
render (GtkWidget *widget)
{
  g_autoptr(GskRenderNode) node = snapshot_widget (widget);
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_nonnull (node);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gtk_widget_get_width (widget),
                                        gtk_widget_get_height (widget));
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
is_drawn (gpointer data)
{
  g_autoptr(GskRenderNode) node = NULL;

  if (!gtk_widget_get_mapped (data) || gtk_widget_get_width (data) <= 0 ||
      _heard_timeline_get_chronology (data) == NULL)
    return FALSE;

  node = snapshot_widget (data);
  return node != NULL;
}

/* How many drawn (opaque) pixels lie within @radius of x, y. */
static guint
count_ink (cairo_surface_t *surface,
           double           cx,
           double           cy,
           double           radius)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint count = 0;

  for (int y = MAX (0, (int) (cy - radius)); y <= (int) (cy + radius) &&
       y < cairo_image_surface_get_height (surface); y++)
    for (int x = MAX (0, (int) (cx - radius)); x <= (int) (cx + radius) &&
         x < cairo_image_surface_get_width (surface); x++)
      if ((*(const guint32 *) (data + y * stride + x * 4) >> 24) > 128)
        count++;

  return count;
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Waits for @widget to be drawn again, so that what the screen shows and
 * the drawing's latest layout are of the events shown now. */
static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);

  gtk_widget_queue_draw (widget);
  heard_test_ui_wait_until (is_true, &painted, "a frame drawn");
  g_signal_handler_disconnect (clock, handler);
}

/* The lane whose band holds @y. */
static guint
lane_at (const HeardChronology *chronology,
         double                 y)
{
  for (guint lane = 0; lane < 8; lane++)
    {
      double top, bottom;

      _heard_chronology_get_lane_band (chronology, lane, &top, &bottom);
      if (y >= top && y < bottom)
        return lane;
    }
  return G_MAXUINT;
}

static gint64
selected_in_list (HeardChronologyPage *page)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (_heard_chronology_page_get_list (page));
  const HeardChronology *chronology;

  if (row == NULL)
    return HEARD_CHRONOLOGY_NO_EVENT;
  /* Rows are in time order, as the events are. */
  chronology = _heard_timeline_get_chronology (_heard_chronology_page_get_timeline (page));
  return heard_chronology_get_event (chronology, gtk_list_box_row_get_index (row))->id;
}

static gboolean
is_in_view (HeardTimeline *timeline,
            gint64         id)
{
  const HeardChronology *chronology = _heard_timeline_get_chronology (timeline);
  const HeardChronologyView *view = _heard_timeline_get_view (timeline);

  for (guint i = 0; i < heard_chronology_get_n_events (chronology); i++)
    {
      const HeardChronologyEvent *event = heard_chronology_get_event (chronology, i);

      if (event->id == id)
        {
          double x = heard_chronology_view_get_x (view, &event->earliest_day);

          return x >= 0 && x <= gtk_widget_get_width (GTK_WIDGET (timeline));
        }
    }
  return FALSE;
}

static void
test_chronology (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autoptr(HeardCaseFile) case_file = NULL;
  g_autoptr(HeardContext) context = NULL;
  HeardWindow *window;
  HeardPersonPage *person_page;
  HeardChronologyPage *page;
  HeardTimeline *timeline;
  GtkListBox *list;
  const HeardChronology *chronology;
  cairo_surface_t *surface;
  const char *description;
  gint64 school_id, police_id, first, second, third;
  double pixels_per_day;
  guint lanes[2];
  Rows rows;
  GtkWidget *amend;
  GtkWindow *editor;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  window = heard_test_ui_active_window (the_app);
  heard_test_ui_add_person (the_app, "Amira Khan", "Mira");
  person_page = HEARD_PERSON_PAGE (_heard_window_get_person_page (window));
  g_object_get (window, "context", &context, NULL);
  case_file = open_case_file (window, person_page);

  heard_person_page_show_view (person_page, "chronology");
  page = HEARD_CHRONOLOGY_PAGE (heard_test_ui_find_descendant (GTK_WIDGET (person_page),
                                                               HEARD_TYPE_CHRONOLOGY_PAGE, NULL));
  g_assert_nonnull (page);
  timeline = _heard_chronology_page_get_timeline (page);
  list = _heard_chronology_page_get_list (page);

  /* Two signs from a school and one from the police, in the first fortnight of March. */
  school_id = save_agency (context, HEARD_AGENCY_TYPE_SCHOOL, "Northgate Academy");
  police_id = save_agency (context, HEARD_AGENCY_TYPE_POLICE, "City Police");
  record_sign (case_file, HEARD_ENTRY_VULNERABILITY, "school-absence", school_id, 2,
               "Missed three mornings.");
  record_sign (case_file, HEARD_ENTRY_SIGN_OF_HARM, "older-adults", police_id, 9,
               "Seen getting into a car with an older man.");
  rows = (Rows) { list, 2 };
  heard_test_ui_wait_until (has_rows, &rows, "both signs listed");

  /* Two agency lanes, in words. */
  description = heard_timeline_get_description (timeline);
  g_assert_nonnull (strstr (description, "2 events from 2 agencies"));
  g_assert_nonnull (strstr (description, "Northgate Academy"));
  g_assert_nonnull (strstr (description, "City Police"));

  /* And in pixels: a mark in each of two lane bands. */
  heard_test_ui_wait_until (is_drawn, timeline, "the timeline on screen");
  wait_for_frame (GTK_WIDGET (timeline));
  surface = render (GTK_WIDGET (timeline));
  chronology = _heard_timeline_get_chronology (timeline);
  g_assert_cmpuint (heard_chronology_get_n_events (chronology), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      double x, y, radius;

      g_assert_true (_heard_chronology_get_mark (chronology,
                                                 heard_chronology_get_event (chronology, i)->id,
                                                 &x, &y, &radius));
      if (g_getenv ("HEARD_SCREENSHOTS") != NULL)
        {
          g_autofree char *path = g_build_filename (g_getenv ("HEARD_SCREENSHOTS"),
                                                    "timeline.png", NULL);

          cairo_surface_write_to_png (surface, path);
          g_test_message ("mark %g,%g r %g", x, y, radius);
        }
      g_assert_cmpuint (count_ink (surface, x, y, radius), >, radius * radius);
      lanes[i] = lane_at (chronology, y);
    }
  g_assert_cmpuint (lanes[0], !=, G_MAXUINT);
  g_assert_cmpuint (lanes[1], !=, G_MAXUINT);
  g_assert_cmpuint (lanes[0], !=, lanes[1]);
  cairo_surface_destroy (surface);

  /* Their words between the two: by the content note, never the words. */
  record_sensitive_statement (case_file);
  rows = (Rows) { list, 3 };
  heard_test_ui_wait_until (has_rows, &rows, "the statement listed");
  g_assert_true (has_label_with (GTK_WIDGET (list), CONTENT_NOTE));
  g_assert_false (has_label_with (GTK_WIDGET (list), SENSITIVE_WORDS));
  g_assert_null (strstr (heard_timeline_get_description (timeline), SENSITIVE_WORDS));

  /* Right moves through the events in time order, and the list follows. */
  chronology = _heard_timeline_get_chronology (timeline);
  first = heard_chronology_get_event (chronology, 0)->id;
  second = heard_chronology_get_event (chronology, 1)->id;
  third = heard_chronology_get_event (chronology, 2)->id;
  gtk_widget_grab_focus (GTK_WIDGET (timeline));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (timeline)));
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (timeline), GDK_KEY_Right, 0));
  g_assert_cmpint (heard_timeline_get_selected_id (timeline), ==, first);
  g_assert_cmpint (selected_in_list (page), ==, first);
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (timeline), GDK_KEY_Right, 0));
  g_assert_cmpint (heard_timeline_get_selected_id (timeline), ==, second);
  g_assert_cmpint (selected_in_list (page), ==, second);
  /* The second in time is their words: the statement of 5 March. */
  g_assert_true (has_label_with (GTK_WIDGET (gtk_list_box_get_selected_row (list)), CONTENT_NOTE));

  /* Choosing in the list moves the timeline. */
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 2));
  g_assert_cmpint (heard_timeline_get_selected_id (timeline), ==, third);

  /* Zooming out towards years and back in to days, by Ctrl+minus and
   * Ctrl+plus, keeps it in view. */
  for (guint i = 0; i < 6; i++)
    {
      g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (timeline), GDK_KEY_minus,
                                                   GDK_CONTROL_MASK));
      g_assert_true (is_in_view (timeline, third));
    }
  pixels_per_day = _heard_timeline_get_view (timeline)->pixels_per_day;
  for (guint i = 0; i < 12; i++)
    {
      g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (timeline), GDK_KEY_plus,
                                                   GDK_CONTROL_MASK));
      g_assert_true (is_in_view (timeline, third));
    }
  g_assert_cmpfloat (_heard_timeline_get_view (timeline)->pixels_per_day, >, pixels_per_day * 10);
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (timeline), GDK_KEY_Left, 0));
  g_assert_cmpint (heard_timeline_get_selected_id (timeline), ==, second);
  g_assert_true (is_in_view (timeline, second));
  for (guint i = 0; i < 8; i++)
    g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (timeline), GDK_KEY_minus,
                                                 GDK_CONTROL_MASK));

  /* Enter on a sign shows it in full, and Amend opens it to be corrected. */
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpint (heard_timeline_get_selected_id (timeline), ==, first);
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (timeline), GDK_KEY_Return, 0));
  amend = heard_test_ui_find_by_name (GTK_WIDGET (list), "amend-entry");
  g_assert_nonnull (amend);
  heard_test_ui_wait_until (is_mapped, amend, "the sign shown in full");
  g_assert_true (gtk_widget_activate (amend));
  editor = heard_test_ui_wait_for_window ("HeardSignEditor");
  gtk_window_destroy (editor);

  heard_test_ui_screenshot (GTK_WINDOW (window), "chronology");

  /* Another young person's page shows nothing of hers while theirs is built. */
  heard_chronology_page_set_case_file (page, NULL);
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  g_assert_null (_heard_timeline_get_chronology (timeline));
  g_assert_cmpint (heard_timeline_get_selected_id (timeline), ==, HEARD_CHRONOLOGY_NO_EVENT);
  g_clear_object (&case_file);
  g_clear_object (&context);
  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

static gboolean
is_sensitive (gpointer data)
{
  return gtk_widget_is_sensitive (data);
}

static gboolean
dialog_shows_error (gpointer data)
{
  return heard_dialog_get_error (data) != NULL;
}

static guint
stored_min_signs (HeardContext *context)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeardClusterNumbers numbers;

  heard_context_get_cluster_numbers_async (context, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_context_get_cluster_numbers_finish (context, result, &numbers, &error));
  g_assert_no_error (error);
  return numbers.min_signs;
}

typedef struct
{
  AdwActionRow *row;
  const char   *subtitle;
} Subtitle;

static gboolean
shows_subtitle (gpointer data)
{
  Subtitle *wanted = data;

  return g_strcmp0 (adw_action_row_get_subtitle (wanted->row), wanted->subtitle) == 0;
}

/* The three numbers in Preferences; changing them needs a supervisor's
 * passphrase, a wrong one refused beside its field with nothing changed. */
static void
test_cluster_numbers (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autoptr(HeardContext) context = NULL;
  GtkWindow *preferences;
  GtkWindow *editor;
  GtkWindow *dialog;
  GtkWidget *group;
  GtkWidget *change;
  GtkWidget *passphrase;
  GtkWidget *signs;
  Subtitle wanted;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  g_object_get (heard_test_ui_active_window (the_app), "context", &context, NULL);

  g_action_group_activate_action (G_ACTION_GROUP (the_app), "preferences", NULL);
  preferences = heard_test_ui_wait_for_window ("HeardPreferencesWindow");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preferences), "prefs.add-supervisor",
                                             NULL));
  editor = heard_test_ui_wait_for_window ("HeardSupervisorEditor");
  heard_test_ui_set_row_text (GTK_WIDGET (editor), "Name, as it appears beside decisions",
                              SUPERVISOR);
  heard_test_ui_set_row_text (GTK_WIDGET (editor), "Passphrase", PASSPHRASE);
  heard_test_ui_set_row_text (GTK_WIDGET (editor), "The same passphrase again", PASSPHRASE);
  heard_test_ui_save_dialog (editor, "HeardSupervisorEditor");

  /* The numbers as the records hold them: at least 3 signs by default. */
  group = heard_test_ui_find_descendant (GTK_WIDGET (preferences),
                                         HEARD_TYPE_CLUSTER_NUMBERS_GROUP, NULL);
  g_assert_nonnull (group);
  heard_test_ui_assert_every_control_named (group);
  change = heard_test_ui_find_descendant (group, GTK_TYPE_BUTTON, NULL);
  heard_test_ui_wait_until (is_sensitive, change, "the numbers read");
  wanted = (Subtitle) {
    ADW_ACTION_ROW (heard_test_ui_find_descendant (group, ADW_TYPE_ACTION_ROW,
                                                   "At least this many signs")), "3" };
  heard_test_ui_wait_until (shows_subtitle, &wanted, "3 signs shown");

  g_assert_true (gtk_widget_activate_action (group, "cluster-numbers.change", NULL));
  dialog = heard_test_ui_wait_for_window ("HeardClusterNumbersDialog");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));
  signs = heard_test_ui_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (signs), 4);
  heard_test_ui_wait_until (is_sensitive,
                            heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                                           "Supervisor"),
                            "the supervisors to be offered");
  passphrase = heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                              "Their passphrase");

  /* A wrong passphrase: refused beside the field, emptied, nothing changed. */
  gtk_editable_set_text (GTK_EDITABLE (passphrase), "not the right one at all");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  heard_test_ui_wait_until (dialog_shows_error, dialog, "the refusal");
  heard_test_ui_assert_field_error (passphrase, "passphrase");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (passphrase)), ==, "");
  g_assert_nonnull (heard_test_ui_find_window ("HeardClusterNumbersDialog"));
  g_assert_cmpuint (stored_min_signs (context), ==, 3);
  g_assert_cmpstr (adw_action_row_get_subtitle (wanted.row), ==, "3");
  heard_test_ui_screenshot (dialog, "cluster-numbers-refused");

  /* The supervisor's own: changed, and Preferences shows it. */
  gtk_editable_set_text (GTK_EDITABLE (passphrase), PASSPHRASE);
  heard_test_ui_save_dialog (dialog, "HeardClusterNumbersDialog");
  g_assert_cmpuint (stored_min_signs (context), ==, 4);
  wanted.subtitle = "4";
  heard_test_ui_wait_until (shows_subtitle, &wanted, "4 signs shown");
  heard_test_ui_screenshot (preferences, "cluster-numbers");

  gtk_window_destroy (preferences);
  g_clear_object (&context);
  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

static HeardWindow *
find_practice_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (the_app)); l != NULL;
       l = l->next)
    if (HEARD_IS_WINDOW (l->data) &&
        heard_context_get_practice (heard_window_get_context (l->data)) &&
        g_strcmp0 (_heard_window_get_visible_state (l->data), "records") == 0 &&
        g_list_model_get_n_items (_heard_window_get_shown_people (l->data)) > 0)
      return l->data;

  return NULL;
}

static gboolean
practice_shown (gpointer data)
{
  return find_practice_window () != NULL;
}

static gboolean
has_loaded (gpointer data)
{
  return !heard_case_file_get_loading (data);
}

static gboolean
has_some_rows (gpointer data)
{
  return gtk_list_box_get_row_at_index (data, 0) != NULL;
}

/* How many signs (not strengths) the young person's records hold. */
static guint
count_signs (HeardContext *context,
             HeardPerson  *person)
{
  g_autoptr(HeardCaseFile) case_file = heard_case_file_open (context, person);
  GListModel *entries = heard_case_file_get_chronology (case_file);
  guint n = 0;

  heard_test_ui_wait_until (has_loaded, case_file, "their records read");
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(HeardChronologyEntry) entry = g_list_model_get_item (entries, i);

      n += heard_chronology_entry_is_sign (entry);
    }
  return n;
}

/* The lanes (as bits) the page's timeline draws signs in. */
static guint32
lanes_with_signs (HeardChronologyPage *page)
{
  const HeardChronology *chronology =
    _heard_timeline_get_chronology (_heard_chronology_page_get_timeline (page));
  guint32 sign_lanes = 0;

  for (guint i = 0; chronology != NULL && i < heard_chronology_get_n_events (chronology); i++)
    {
      const HeardChronologyEvent *event = heard_chronology_get_event (chronology, i);

      if (event->kind == HEARD_CHRONOLOGY_SIGN_OF_HARM ||
          event->kind == HEARD_CHRONOLOGY_VULNERABILITY)
        sign_lanes |= 1u << MIN (event->lane, 31);
    }
  return sign_lanes;
}

static gboolean
signs_in_two_lanes (gpointer data)
{
  guint32 sign_lanes = lanes_with_signs (data);

  return g_bit_nth_lsf (sign_lanes, g_bit_nth_lsf (sign_lanes, -1)) != -1;
}

/* Practice records as a caseworker first meets them: a young person whose
 * signs gather shows them from more than one agency, a lane each, on
 * screen and in words; the shots are for a look in every style and at
 * 600 pixels. */
static void
test_practice (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  HeardWindow *practice;
  HeardContext *context;
  GListModel *people;
  HeardPersonPage *person_page;
  HeardChronologyPage *page;
  HeardPerson *chosen = NULL;
  guint32 sign_lanes;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  g_action_group_activate_action (G_ACTION_GROUP (the_app), "practice", NULL);
  heard_test_ui_wait_until (practice_shown, NULL, "the practice records");
  practice = find_practice_window ();
  context = heard_window_get_context (practice);
  people = _heard_window_get_shown_people (practice);
  for (guint i = 0; chosen == NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(HeardPerson) person = g_list_model_get_item (people, i);

      if (count_signs (context, person) >= 3)
        chosen = person;
    }
  g_assert_nonnull (chosen);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (practice), "win.open-person", "(xs)",
                                             heard_person_get_id (chosen), "chronology"));
  person_page = HEARD_PERSON_PAGE (_heard_window_get_person_page (practice));
  page = HEARD_CHRONOLOGY_PAGE (heard_test_ui_find_descendant (GTK_WIDGET (person_page),
                                                               HEARD_TYPE_CHRONOLOGY_PAGE, NULL));
  heard_test_ui_wait_until (has_some_rows, _heard_chronology_page_get_list (page),
                            "their chronology listed");
  /* Their signs in more than one lane: one lane an agency. The timeline is
   * built again as each of their records is read: the last build counts. */
  heard_test_ui_wait_until (signs_in_two_lanes, page, "their signs in two lanes");
  sign_lanes = lanes_with_signs (page);
  g_assert_cmpint (g_bit_nth_lsf (sign_lanes, g_bit_nth_lsf (sign_lanes, -1)), !=, -1);
  heard_test_ui_screenshot (GTK_WINDOW (practice), "practice-chronology");

  gtk_window_destroy (GTK_WINDOW (practice));
  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

int
main (int   argc,
      char *argv[])
{
  the_app = heard_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/chronology/timeline-and-list", test_chronology);
  g_test_add_func ("/ui/chronology/cluster-numbers", test_cluster_numbers);
  g_test_add_func ("/ui/chronology/practice", test_practice);

  return g_test_run ();
}

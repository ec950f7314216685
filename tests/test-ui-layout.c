/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-ui-layout"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "heard-closure-dialog.h"
#include "heard-dialog.h"
#include "heard-plan-area-card.h"
#include "heard-person-page.h"
#include "heard-plan-view.h"
#include "heard-statement-card.h"
#include "heard-statement-form.h"
#include "heard-statement-history.h"
#include "heard-statements-view.h"
#include "heard-test-ui.h"
#include "heard-test-utils.h"
#include "heard-widgets.h"

/*
 * How Heard's windows hold their shape, under Xvfb: words of any length
 * (hidden or not) never widen a window, one click opens a young person in
 * a window folded to one pane, a plan's three columns stand all across or
 * all down, a record opens at its top, words written right to left start
 * on the right, and revealing words does not select them.
 */

/* A statement of 570 characters, as long as the one that made the window
 * 4,000 px wide when hidden. */
#define SENSITIVE_LENGTH 570
/* One "word" of 2,000 characters: no space to wrap at. */
#define UNBROKEN_LENGTH 2000
/* The narrowest a window may need to be, whatever it holds. */
#define MAX_MIN_WIDTH 600

static HeardApplication *the_app;

static HeardWindow *
window (void)
{
  return heard_test_ui_active_window (the_app);
}

static HeardPersonPage *
person_page (void)
{
  return HEARD_PERSON_PAGE (_heard_window_get_person_page (window ()));
}

static HeardStatementsView *
statements_view (void)
{
  return HEARD_STATEMENTS_VIEW (heard_person_page_get_statements_view (person_page ()));
}

static AdwLeaflet *
leaflet (void)
{
  return ADW_LEAFLET (heard_test_ui_find_descendant (GTK_WIDGET (window ()), ADW_TYPE_LEAFLET,
                                                     NULL));
}

static gboolean
always (gpointer data)
{
  return TRUE;
}

static gboolean
transition_running (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (transition_running (child))
      return TRUE;

  return FALSE;
}

static gboolean
settled (gpointer data)
{
  return !transition_running (data);
}

/* Lets @root finish what it was showing (a stack part way through a
 * crossfade is measured part way between its pages), then lay itself out
 * a few times over. */
static void
settle (GtkWidget *root)
{
  heard_test_ui_wait_until (settled, root, "the window's transitions to end");
  heard_test_ui_hold (always, NULL, 200, "the window to settle");
}

static int
min_width (GtkWidget *widget)
{
  int minimum, natural;


  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return minimum;
}

/* @length characters of ordinary words. */
static char *
long_words (guint length)
{
  GString *text = g_string_new (NULL);

  while (text->len < length)
    g_string_append (text, "they said I owed them and would not let me leave the flat ");
  g_string_truncate (text, length);
  return g_string_free (text, FALSE);
}

typedef struct
{
  HeardStatementsView *view;
  guint                count;
} Expected;

static gboolean
lists_count (gpointer data)
{
  Expected *expected = data;

  return g_list_model_get_n_items (heard_statements_view_get_statements (expected->view)) ==
         expected->count;
}

static void
set_text_view (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

/* Records @words for the young person shown, behind a content note if
 * @sensitive; returns the statement's id. */
static gint64
record_words (const char *words,
              gboolean    sensitive)
{
  HeardStatementsView *view = statements_view ();
  Expected expected = { view, g_list_model_get_n_items (
                                heard_statements_view_get_statements (view)) + 1 };
  g_autoptr(HeardStatement) newest = NULL;
  HeardStatementForm *form;
  GtkWindow *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "statements.record", NULL));
  editor = heard_test_ui_wait_for_window ("HeardStatementEditor");
  form = HEARD_STATEMENT_FORM (heard_test_ui_find_descendant (GTK_WIDGET (editor),
                                                              HEARD_TYPE_STATEMENT_FORM, NULL));
  set_text_view (heard_statement_form_get_words_view (form), words);
  if (sensitive)
    {
      GtkWidget *row = heard_test_ui_find_descendant (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW,
                                                      "Sensitive");

      gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (
                               ADW_ACTION_ROW (row))), TRUE);
      heard_test_ui_set_row_text (GTK_WIDGET (editor),
                                  "Content note (what a reader should know first)",
                                  "Describes being held against her will.");
    }
  heard_test_ui_save_dialog (editor, "HeardStatementEditor");
  heard_test_ui_wait_until (lists_count, &expected, "the statement to be listed");

  newest = g_list_model_get_item (heard_statements_view_get_statements (view), 0);
  return heard_statement_get_id (newest);
}

static void
start_with (const char *data_dir,
            const char *name)
{
  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  heard_test_ui_add_person (the_app, name, "");
}

static gboolean
history_loaded (gpointer data)
{
  return heard_statement_history_get_n_versions (data) == 1;
}

/* The button labelled @label below @root, or NULL. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
label_selects_nothing (GtkLabel *label)
{
  int start, end;

  return !gtk_label_get_selection_bounds (label, &start, &end);
}

/* A long hidden statement and a visible one with no space to wrap at keep
 * the window at its default width, with both panes showing; so do its
 * history and the dialog that answers it. */
static void
test_long_words_keep_width (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *hidden = long_words (SENSITIVE_LENGTH);
  g_autofree char *unbroken = g_strnfill (UNBROKEN_LENGTH, 'x');
  HeardStatementsView *view;
  HeardStatementHistory *history;
  GtkWindow *dialog;
  GtkWidget *show, *words;
  gint64 sensitive_id, unbroken_id;
  int default_width, default_height;

  start_with (data_dir, "Amira Khan");
  heard_person_page_show_view (person_page (), "statements");
  view = statements_view ();
  sensitive_id = record_words (hidden, TRUE);
  unbroken_id = record_words (unbroken, FALSE);
  settle (GTK_WIDGET (window ()));

  gtk_window_get_default_size (GTK_WINDOW (window ()), &default_width, &default_height);
  g_assert_cmpint (min_width (GTK_WIDGET (window ())), <=, MAX_MIN_WIDTH);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window ())), <=, default_width);
  g_assert_false (adw_leaflet_get_folded (leaflet ()));
  g_assert_cmpstr (_heard_window_get_visible_content (window ()), ==, "person");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));

  /* Read, the hidden words wrap like any others. */
  heard_statement_card_show_words (HEARD_STATEMENT_CARD (heard_statements_view_get_card (
                                                           view, sensitive_id)));
  settle (GTK_WIDGET (window ()));
  g_assert_cmpint (min_width (GTK_WIDGET (window ())), <=, MAX_MIN_WIDTH);
  g_assert_false (adw_leaflet_get_folded (leaflet ()));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "statements.history", "x",
                                             unbroken_id));
  history = HEARD_STATEMENT_HISTORY (heard_test_ui_wait_for_window ("HeardStatementHistory"));
  heard_test_ui_wait_until (history_loaded, history, "the history");
  settle (GTK_WIDGET (history));
  g_assert_cmpint (min_width (GTK_WIDGET (history)), <=, MAX_MIN_WIDTH);
  gtk_window_close (GTK_WINDOW (history));
  heard_test_ui_wait_window_gone ("HeardStatementHistory");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "statements.answer", "x",
                                             unbroken_id));
  dialog = heard_test_ui_wait_for_window ("HeardResponseDialog");
  settle (GTK_WIDGET (dialog));
  g_assert_cmpint (min_width (GTK_WIDGET (dialog)), <=, MAX_MIN_WIDTH);
  gtk_window_destroy (dialog);

  /* Answering the hidden one: hidden, then revealed without being selected. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "statements.answer", "x",
                                             sensitive_id));
  dialog = heard_test_ui_wait_for_window ("HeardResponseDialog");
  settle (GTK_WIDGET (dialog));
  g_assert_cmpint (min_width (GTK_WIDGET (dialog)), <=, MAX_MIN_WIDTH);
  words = heard_test_ui_find_by_css_class (GTK_WIDGET (dialog), "their-words");
  g_assert_false (gtk_widget_get_mapped (words));
  show = find_button (GTK_WIDGET (dialog), "_Show Their Words");
  g_signal_emit_by_name (show, "clicked");
  settle (GTK_WIDGET (dialog));
  g_assert_true (gtk_widget_get_mapped (words));
  g_assert_true (label_selects_nothing (GTK_LABEL (words)));
  g_assert_cmpint (min_width (GTK_WIDGET (dialog)), <=, MAX_MIN_WIDTH);
  gtk_window_destroy (dialog);

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

/* Folded to one pane, one click on a young person opens them, as Enter
 * does: the list item's own click, as GTK handles a pointer's. */
static void
test_folded_click_opens (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  GType item_type;
  GtkWidget *item = NULL;
  GtkWidget *list;
  HeardPerson *shown;

  g_settings_set_int (settings, "window-width", 600);
  start_with (data_dir, "Amira Khan");
  heard_test_ui_add_person (the_app, "Jordan Lee", "");
  heard_test_ui_wait_for_shown_people (the_app, 2);
  settle (GTK_WIDGET (window ()));
  g_assert_true (adw_leaflet_get_folded (leaflet ()));

  /* Back to the list, from Jordan, the newest. */
  adw_leaflet_navigate (leaflet (), ADW_NAVIGATION_DIRECTION_BACK);
  settle (GTK_WIDGET (window ()));
  /* The list beside the search box. */
  list = heard_test_ui_find_descendant (gtk_widget_get_parent (GTK_WIDGET (
                                          _heard_window_get_search_entry (window ()))),
                                        GTK_TYPE_LIST_VIEW, NULL);
  g_assert_false (gtk_widget_is_ancestor (GTK_WIDGET (person_page ()),
                                          adw_leaflet_get_visible_child (leaflet ())));

  /* The row that is not chosen: the people are listed by name. */
  item_type = g_type_from_name ("GtkListItemWidget");
  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (G_TYPE_CHECK_INSTANCE_TYPE (child, item_type) &&
        !(gtk_widget_get_state_flags (child) & GTK_STATE_FLAG_SELECTED) && item == NULL)
      item = child;
  g_assert_nonnull (item);

  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (item);

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_GESTURE_CLICK (controller))
          {
            g_signal_emit_by_name (controller, "pressed", 1, 10.0, 10.0);
            g_signal_emit_by_name (controller, "released", 1, 10.0, 10.0);
          }
      }
  }
  settle (GTK_WIDGET (window ()));

  shown = heard_person_page_get_person (person_page ());
  g_assert_nonnull (shown);
  g_assert_cmpstr (heard_person_get_display_name (shown), ==, "Amira Khan");
  g_assert_cmpstr (_heard_window_get_visible_content (window ()), ==, "person");
  /* Opened: the one pane now shows them, not the list. */
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (person_page ()),
                                         adw_leaflet_get_visible_child (leaflet ())));

  heard_test_ui_stop (the_app);
  g_settings_reset (settings, "window-width");
  heard_test_remove_dir (data_dir);
}

/* The label below @root that reads @text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether a preferences group below @root is titled @title. */
static gboolean
has_group_titled (GtkWidget  *root,
                  const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (root) &&
      g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (root)), title) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_group_titled (child, title))
      return TRUE;

  return FALSE;
}

static gboolean
plan_has_area (gpointer data)
{
  HeardPlan *plan = heard_plan_view_get_plan (data);

  return plan != NULL && g_list_model_get_n_items (heard_plan_get_areas (plan)) == 1;
}

static gboolean
plan_started (gpointer data)
{
  return heard_plan_view_get_plan (data) != NULL;
}

static const char *const column_titles[] = { "What we are worried about",
                                              "What is working well",
                                              "What needs to happen" };

/* Lays @view out @width wide, and finds where each column of @card went. */
static void
allocate_columns (GtkWidget       *view,
                  GtkWidget       *card,
                  int              width,
                  graphene_rect_t  bounds[3])
{
  int height, unused;

  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, width, &height, &unused, NULL, NULL);
  gtk_widget_size_allocate (view, &(GtkAllocation) { 0, 0, width, MAX (height, 720) }, -1);
  for (guint i = 0; i < G_N_ELEMENTS (column_titles); i++)
    {
      GtkWidget *title = find_label (card, column_titles[i]);

      g_assert_nonnull (title);
      g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_parent (title), card, &bounds[i]));
    }
}

/* A plan's three columns stand side by side where there is room and one
 * above the other where there is not, never two and one; the area editor
 * labels its fields as the plan does (sentence case); Close Plan looks
 * the same, destructive, on the plan and in its dialog. */
static void
test_plan_columns (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  const char *texts[] = { "I want to feel safe on the bus home.", "Safe travel to college.",
                          "Contact from unknown adults online.", "She has a trusted friend.",
                          "A travel plan she agrees with.", NULL };
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autoptr(HeardContext) context = NULL;
  g_autoptr(HeardCaseFile) case_file = NULL;
  graphene_rect_t bounds[3];
  HeardPlanView *view;
  GtkWidget *card, *close_button;
  GtkWindow *editor, *dialog;

  start_with (data_dir, "Amira Khan");
  heard_person_page_show_view (person_page (), "plan");
  view = HEARD_PLAN_VIEW (heard_test_ui_find_descendant (GTK_WIDGET (person_page ()),
                                                         HEARD_TYPE_PLAN_VIEW, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.start", NULL));
  heard_test_ui_wait_until (plan_started, view, "a draft plan");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.add-area", "u",
                                             HEARD_AREA_SAFETY));
  editor = heard_test_ui_wait_for_window ("HeardAreaEditor");
  for (guint i = 0; i < G_N_ELEMENTS (column_titles); i++)
    g_assert_true (has_group_titled (GTK_WIDGET (editor), column_titles[i]));
  g_assert_true (has_group_titled (GTK_WIDGET (editor), "Their goal, in their own words"));
  heard_test_ui_collect_text_views (GTK_WIDGET (editor), views);
  for (guint i = 0; i < views->len && texts[i] != NULL; i++)
    set_text_view (g_ptr_array_index (views, i), texts[i]);
  heard_test_ui_save_dialog (editor, "HeardAreaEditor");
  heard_test_ui_wait_until (plan_has_area, view, "the area in the plan");
  settle (GTK_WIDGET (window ()));

  card = heard_test_ui_find_descendant (GTK_WIDGET (view), HEARD_TYPE_PLAN_AREA_CARD, NULL);
  g_assert_nonnull (card);
  /* The plan says, in its own labels, what the editor asked. */
  g_assert_nonnull (find_label (card, "Their goal, in their own words"));

  /* Wide: one row of three, left to right, the same height. */
  allocate_columns (GTK_WIDGET (view), card, 1200, bounds);
  for (guint i = 1; i < 3; i++)
    {
      g_assert_cmpfloat (bounds[i].origin.y, ==, bounds[0].origin.y);
      g_assert_cmpfloat (bounds[i].origin.x, >=,
                         bounds[i - 1].origin.x + bounds[i - 1].size.width);
    }

  /* Narrow: one column of three, top to bottom, each the full width. */
  allocate_columns (GTK_WIDGET (view), card, 500, bounds);
  for (guint i = 1; i < 3; i++)
    {
      g_assert_cmpfloat (bounds[i].origin.x, ==, bounds[0].origin.x);
      g_assert_cmpfloat (bounds[i].size.width, ==, bounds[0].size.width);
      g_assert_cmpfloat (bounds[i].origin.y, >=,
                         bounds[i - 1].origin.y + bounds[i - 1].size.height);
    }
  gtk_widget_queue_resize (GTK_WIDGET (window ()));

  /* Close Plan is destructive where it is offered and where it is done. */
  close_button = find_button (GTK_WIDGET (view), "_Close Plan…");
  g_assert_nonnull (close_button);
  g_assert_true (gtk_widget_has_css_class (close_button, "destructive-action"));
  g_object_get (window (), "context", &context, NULL);
  case_file = heard_case_file_open (context, heard_person_page_get_person (person_page ()));
  dialog = GTK_WINDOW (heard_closure_dialog_new (GTK_WINDOW (window ()), case_file,
                                                 heard_plan_view_get_plan (view)));
  close_button = find_button (GTK_WIDGET (dialog), "_Close Plan");
  g_assert_nonnull (close_button);
  g_assert_true (gtk_widget_has_css_class (close_button, "destructive-action"));
  g_assert_false (gtk_widget_has_css_class (close_button, "suggested-action"));
  gtk_window_destroy (dialog);
  g_clear_object (&case_file);
  g_clear_object (&context);

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

static GtkAdjustment *
statements_scroll (void)
{
  GtkWidget *scrolled = heard_test_ui_find_descendant (GTK_WIDGET (statements_view ()),
                                                       GTK_TYPE_SCROLLED_WINDOW, NULL);

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
}

static gboolean
scrolls (gpointer data)
{
  GtkAdjustment *adjustment = statements_scroll ();

  return gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) > 200;
}

static void
select_person (const char *name)
{
  GListModel *shown = _heard_window_get_shown_people (window ());
  GtkWidget *list = heard_test_ui_find_descendant (gtk_widget_get_parent (GTK_WIDGET (
                                                     _heard_window_get_search_entry (
                                                       window ()))),
                                                   GTK_TYPE_LIST_VIEW, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(HeardPerson) person = g_list_model_get_item (shown, i);

      /* Chosen in the list, as a click or the keyboard does: focus there. */
      if (g_strcmp0 (heard_person_get_display_name (person), name) == 0)
        {
          gtk_widget_grab_focus (list);
          g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", i));
        }
    }
}

/* A record opens at its top, not where the last person's was left. */
static void
test_record_opens_at_top (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *words = long_words (1500);
  GtkAdjustment *adjustment;

  start_with (data_dir, "Amira Khan");
  heard_person_page_show_view (person_page (), "statements");
  for (guint i = 0; i < 3; i++)
    record_words (words, FALSE);
  heard_test_ui_add_person (the_app, "Jordan Lee", "");
  heard_test_ui_wait_for_shown_people (the_app, 2);
  heard_person_page_show_view (person_page (), "statements");
  for (guint i = 0; i < 3; i++)
    record_words (words, FALSE);
  heard_test_ui_wait_until (scrolls, NULL, "Jordan's statements to need scrolling");

  adjustment = statements_scroll ();
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 200);

  select_person ("Amira Khan");
  settle (GTK_WIDGET (window ()));
  heard_test_ui_wait_until (scrolls, NULL, "Amira's statements to need scrolling");
  g_assert_cmpfloat (gtk_adjustment_get_value (statements_scroll ()), ==,
                     gtk_adjustment_get_lower (statements_scroll ()));

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

/* Words written right to left (Arabic, Urdu) start on the right; others,
 * and words with no direction of their own, on the left. */
static void
test_right_to_left_words (void)
{
  struct { const char *words; float xalign; GtkJustification justify; } cases[] = {
    { "قالوا إنني مدين لهم بالمال", 1, GTK_JUSTIFY_RIGHT },
    { "انہوں نے کہا کہ میں ان کا مقروض ہوں", 1, GTK_JUSTIFY_RIGHT },
    { "They said I owed them.", 0, GTK_JUSTIFY_LEFT },
    { "2025 🙂", 0, GTK_JUSTIFY_LEFT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HeardStatement) statement = heard_statement_new ();
      GtkWidget *card, *label;

      heard_statement_set_text (statement, HEARD_STATEMENT_WORDS, cases[i].words);
      card = g_object_ref_sink (heard_statement_card_new (statement, NULL,
                                                          HEARD_STATEMENT_CARD_HISTORY, NULL));
      label = heard_test_ui_find_by_css_class (card, "their-words");
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, cases[i].words);
      g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (label)), ==, cases[i].xalign);
      g_assert_cmpint (gtk_label_get_justify (GTK_LABEL (label)), ==, cases[i].justify);
      g_assert_true (gtk_widget_has_css_class (label, "right-to-left") == (cases[i].xalign == 1));
      g_object_unref (card);
    }
}

int
main (int   argc,
      char *argv[])
{
  the_app = heard_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/layout/long-words-keep-width", test_long_words_keep_width);
  g_test_add_func ("/ui/layout/folded-click-opens", test_folded_click_opens);
  g_test_add_func ("/ui/layout/plan-columns", test_plan_columns);
  g_test_add_func ("/ui/layout/record-opens-at-top", test_record_opens_at_top);
  g_test_add_func ("/ui/layout/right-to-left-words", test_right_to_left_words);

  return g_test_run ();
}

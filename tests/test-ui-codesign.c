/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-ui-codesign"

#include "config.h"

#include "heard-case-file.h"
#include "heard-codesign-say.h"
#include "heard-codesign-window-private.h"
#include "heard-face-scale.h"
#include "heard-field-error-private.h"
#include "heard-person-page.h"
#include "heard-story-view.h"
#include "heard-test-ui.h"
#include "heard-test-utils.h"

/*
 * Co-design mode as staff and a young person meet it under Xvfb: opened
 * from their page, a window for them alone, with walls (nothing in it
 * reaches another young person, Heard's settings, exports, search or the
 * staff window, which shows its neutral page meanwhile); Pause hides
 * everything personal before the next frame and comes back with one
 * click; leaving asks for the staff passphrase and refuses a wrong one.
 * Checking in there: a face scale for each area and for how safe they
 * feel, by keyboard and by click, saved as theirs beside the worker's.
 */

#define NAME "Amira Khan"
#define PREFERRED "Mira"
#define OTHER_NAME "Jordan Pike"
#define OTHER_PREFERRED "Jojo"
#define WORDS "I want to go back to school in September."
#define SENSITIVE_WORDS "He took me to the flat on Cole Street."
#define STAFF_CONTEXT "Seemed withdrawn; staff view only."
#define ANSWER "We asked the school about a place in September."
#define WORKER_GOAL "Regular attendance with support."
#define THEIR_GOAL "Go to school three days a week."
#define THEIR_SAY "I want more time with my mum."
#define TYPED "I do not want to move to a new school."
#define THEIR_NOTE "That is not what I said. I said I want to stay."
#define HARD_WORDS "He waited for me outside school."
#define HARD_NOTE "About the man at school"
#define KEY_WORKER "Dev Kapoor"

static HeardApplication *the_app;

typedef struct
{
  GListModel *model;
  guint       n;
} Count;

static gboolean
has_items (gpointer data)
{
  Count *count = data;

  return g_list_model_get_n_items (count->model) == count->n;
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *all = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      all = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      g_string_append_printf (text, "%s\n", all);
    }
  else if (GTK_IS_EDITABLE (widget))
    g_string_append_printf (text, "%s\n", gtk_editable_get_text (GTK_EDITABLE (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

/* Every word @window draws now, with its title. */
static char *
dup_shown_text (GtkWindow *window)
{
  GString *text = g_string_new (gtk_window_get_title (window));

  g_string_append_c (text, '\n');
  collect_text (GTK_WIDGET (window), text);

  return g_string_free (text, FALSE);
}

static void
assert_shows (GtkWindow  *window,
              const char *text)
{
  g_autofree char *shown = dup_shown_text (window);

  if (strstr (shown, text) == NULL)
    g_error ("“%s” is not shown in:\n%s", text, shown);
}

static void
assert_does_not_show (GtkWindow  *window,
                      const char *text)
{
  g_autofree char *shown = dup_shown_text (window);

  if (strstr (shown, text) != NULL)
    g_error ("“%s” is shown in:\n%s", text, shown);
}

/* Renders @window as it is now, as the screen gets it. */
static void
render (GtkWindow *window)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (GTK_WIDGET (window)),
                          gtk_widget_get_height (GTK_WIDGET (window)));
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         NULL);
  g_assert_cmpint (gdk_texture_get_width (texture), >, 0);
}

/* Every action a widget below @root would activate is the window's own
 * ("codesign.") or the window frame's ("window.": close, minimise). No
 * search field, no menu, no staff page anywhere in it. */
static void
assert_walled (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_ACTIONABLE (child))
        {
          const char *name = gtk_actionable_get_action_name (GTK_ACTIONABLE (child));

          if (name != NULL && !g_str_has_prefix (name, "codesign.") &&
              !g_str_has_prefix (name, "window."))
            g_error ("%s in co-design mode reaches %s", G_OBJECT_TYPE_NAME (child), name);
        }
      g_assert_false (GTK_IS_SEARCH_ENTRY (child));
      g_assert_false (GTK_IS_MENU_BUTTON (child));
      g_assert_false (GTK_IS_POPOVER_MENU (child));
      g_assert_false (HEARD_IS_PERSON_PAGE (child));
      assert_walled (child);
    }
}

/* None of @type's own actions (the staff window's, a person page's) reaches
 * co-design mode from @widget. */
static void
assert_actions_unreachable (GtkWidget *widget,
                            GType      type)
{
  GtkWidgetClass *klass = g_type_class_ref (type);
  const GVariantType *parameter_type;
  const char *property;
  const char *name;
  GType owner;

  /* GTK 4.8 fills in every out argument: none may be NULL. */
  for (guint i = 0;
       gtk_widget_class_query_action (klass, i, &owner, &name, &parameter_type, &property); i++)
    if (owner == type && gtk_widget_activate_action (widget, name, NULL))
      g_error ("%s reaches co-design mode", name);
  g_type_class_unref (klass);
}

static void
assert_only_own_actions (void)
{
  GtkWidgetClass *klass = g_type_class_ref (HEARD_TYPE_CODESIGN_WINDOW);
  const GVariantType *parameter_type;
  const char *property;
  const char *name;
  GType owner;

  /* The window's own, besides those every GtkWindow has. */
  for (guint i = 0;
       gtk_widget_class_query_action (klass, i, &owner, &name, &parameter_type, &property); i++)
    if (owner == HEARD_TYPE_CODESIGN_WINDOW)
      g_assert_true (g_str_has_prefix (name, "codesign."));
  g_type_class_unref (klass);
}

typedef struct
{
  HeardCodesignWindow *window;
  gulong               handler;
  guint                frames;
} Paused;

/* The first frame drawn after Pause: nothing personal in it. */
static void
paused_frame_cb (GdkFrameClock *clock,
                 Paused        *paused)
{
  g_clear_signal_handler (&paused->handler, clock);
  render (GTK_WINDOW (paused->window));
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (paused->window), ==, "paused");
  assert_does_not_show (GTK_WINDOW (paused->window), PREFERRED);
  assert_does_not_show (GTK_WINDOW (paused->window), WORDS);
  paused->frames++;
}

static gboolean
frame_seen (gpointer data)
{
  return ((Paused *) data)->frames > 0;
}

/* The button below @root showing @label, or NULL. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }

  return NULL;
}

static GtkCheckButton *
find_check (GtkWidget  *root,
            const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *found;

      if (GTK_IS_CHECK_BUTTON (child) &&
          g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (child)), label) == 0)
        return GTK_CHECK_BUTTON (child);
      if ((found = find_check (child, label)) != NULL)
        return found;
    }

  return NULL;
}

/* The page co-design mode shows now. */
static GtkWidget *
shown_page (HeardCodesignWindow *codesign)
{
  return gtk_stack_get_visible_child (GTK_STACK (adw_window_get_content (ADW_WINDOW (codesign))));
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
entry_ready (gpointer data)
{
  return gtk_editable_get_editable (data) && gtk_widget_has_css_class (data, "error");
}

static gboolean
shows_state (gpointer data)
{
  HeardWindow *window = heard_test_ui_active_window (the_app);

  return window != NULL && g_strcmp0 (_heard_window_get_visible_state (window), data) == 0;
}

static gint64
finish_write (HeardCaseFile  *case_file,
              GAsyncResult  **result)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  heard_test_wait (result);
  id = heard_case_file_write_finish (case_file, *result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_clear_object (result);

  return id;
}

/* A plan with the worker's goal for education, and an answer to @statement_id. */
static gint64
write_plan (HeardCaseFile *case_file,
            gint64         statement_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeardPlanArea) area = NULL;
  g_autoptr(HeardStatementResponse) response = heard_statement_response_new ();
  gint64 plan_id;

  heard_case_file_start_plan_async (case_file, NULL, heard_test_store_result_cb, &result);
  plan_id = finish_write (case_file, &result);
  area = heard_plan_area_new (plan_id, HEARD_AREA_EDUCATION);
  heard_plan_area_set_text (area, HEARD_AREA_GOAL_WORKER, WORKER_GOAL);
  heard_case_file_save_area_async (case_file, area, NULL, heard_test_store_result_cb, &result);
  finish_write (case_file, &result);

  heard_statement_response_set_statement_id (response, statement_id);
  heard_statement_response_set_what_we_did (response, ANSWER);
  heard_case_file_answer_statement_async (case_file, response, NULL, heard_test_store_result_cb,
                                          &result);
  finish_write (case_file, &result);

  return plan_id;
}

static const char *
worker_goal (HeardCaseFile *case_file,
             gint64         plan_id)
{
  HeardPlan *plan = heard_case_file_find_plan (case_file, plan_id);
  HeardPlanArea *area = heard_plan_find_area (plan, HEARD_AREA_EDUCATION);

  return heard_plan_area_get_text (area, HEARD_AREA_GOAL_WORKER);
}

static void
set_text_view (GtkWidget  *view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* The first text view below @root. */
static GtkWidget *
find_text_view (GtkWidget *root)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  heard_test_ui_collect_text_views (root, views);
  g_assert_cmpuint (views->len, >, 0);

  return views->pdata[0];
}

static gint64
record_statement_on (HeardCaseFile *case_file,
                     const char    *words,
                     const char    *content_note,
                     const char    *day)
{
  g_autoptr(HeardStatement) statement = heard_statement_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  heard_statement_set_person_id (statement, heard_case_file_get_person_id (case_file));
  heard_statement_set_text (statement, HEARD_STATEMENT_WORDS, words);
  heard_statement_set_text (statement, HEARD_STATEMENT_GIVEN_ON, day);
  heard_statement_set_text (statement, HEARD_STATEMENT_CONTEXT, STAFF_CONTEXT);
  if (content_note != NULL)
    {
      heard_statement_set_text (statement, HEARD_STATEMENT_CONTENT_NOTE, content_note);
      heard_statement_set_sensitive (statement, TRUE);
    }
  heard_case_file_record_statement_async (case_file, statement, NULL,
                                          heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  id = heard_case_file_write_finish (case_file, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static gint64
record_statement (HeardCaseFile *case_file,
                  const char    *words,
                  const char    *content_note)
{
  return record_statement_on (case_file, words, content_note, "2026-03-05");
}

/* Heard on new records in @data_dir, its recovery code kept: the window. */
static HeardWindow *
start_new_records (const char *data_dir)
{
  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  heard_test_ui_wait_for_state (the_app, "records");

  return heard_test_ui_active_window (the_app);
}

/* NAME added and shown on @page: their case file. */
static HeardCaseFile *
add_and_open_person (HeardWindow      *window,
                     HeardPersonPage **page)
{
  heard_test_ui_add_person (the_app, NAME, PREFERRED);
  *page = HEARD_PERSON_PAGE (_heard_window_get_person_page (window));

  return heard_case_file_open (heard_window_get_context (window),
                               heard_person_page_get_person (*page));
}

static HeardCodesignWindow *
open_codesign (HeardWindow *window)
{
  HeardCodesignWindow *codesign;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.co-design", NULL));
  codesign = HEARD_CODESIGN_WINDOW (heard_test_ui_wait_for_window ("HeardCodesignWindow"));
  heard_test_ui_wait_until (is_mapped, codesign, "co-design mode on screen");

  return codesign;
}

static void
type_passphrase (HeardCodesignWindow *codesign,
                 const char          *passphrase)
{
  GtkWidget *entry = _heard_codesign_window_get_passphrase_entry (codesign);

  g_assert_true (gtk_widget_get_mapped (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), passphrase);
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "activate");
}

static void
test_codesign_walls (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autoptr(HeardCaseFile) case_file = NULL;
  HeardCodesignWindow *codesign;
  HeardWindow *window;
  HeardPersonPage *page;
  GtkWidget *entry;
  Paused paused = { 0 };
  Count two = { NULL, 2 };
  Count one_plan = { NULL, 1 };
  Count one_own = { NULL, 1 };
  Count one_say = { NULL, 1 };
  gint64 statement_id;
  gint64 plan_id;

  window = start_new_records (data_dir);
  heard_test_ui_add_person (the_app, OTHER_NAME, OTHER_PREFERRED);
  heard_test_ui_add_person (the_app, NAME, PREFERRED);
  page = HEARD_PERSON_PAGE (_heard_window_get_person_page (window));
  g_assert_cmpstr (heard_person_get_display_name (heard_person_page_get_person (page)), ==, NAME);
  case_file = heard_case_file_open (heard_window_get_context (window),
                                    heard_person_page_get_person (page));
  statement_id = record_statement (case_file, WORDS, NULL);
  record_statement (case_file, SENSITIVE_WORDS, "About the flat");
  two.model = heard_case_file_get_statements (case_file);
  heard_test_ui_wait_until (has_items, &two, "their statements");
  plan_id = write_plan (case_file, statement_id);
  one_plan.model = heard_case_file_get_plans (case_file);
  heard_test_ui_wait_until (has_items, &one_plan, "their plan");

  /* Their window: their name in the heading, never in the title; the
   * staff window behind shows its neutral page, with no name in its title. */
  codesign = open_codesign (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (codesign)), ==, "Co-design");
  assert_shows (GTK_WINDOW (codesign), "Hello, " PREFERRED);
  g_assert_cmpstr (_heard_window_get_visible_state (window), ==, "hidden");
  heard_test_ui_assert_no_title_names (NAME);
  heard_test_ui_assert_no_title_names (PREFERRED);
  heard_test_ui_assert_every_control_named (GTK_WIDGET (codesign));
  heard_test_ui_screenshot (GTK_WINDOW (codesign), "codesign");

  /* Their words first, the answer written for them; the sensitive one
   * behind its note until they open it; never the staff's context. */
  assert_shows (GTK_WINDOW (codesign), WORDS);
  assert_shows (GTK_WINDOW (codesign), ANSWER);
  assert_shows (GTK_WINDOW (codesign), "About the flat");
  assert_does_not_show (GTK_WINDOW (codesign), SENSITIVE_WORDS);
  assert_does_not_show (GTK_WINDOW (codesign), STAFF_CONTEXT);
  g_assert_nonnull (heard_test_ui_find_descendant (GTK_WIDGET (codesign), HEARD_TYPE_STORY_VIEW,
                                                   NULL));
  /* Their plan: the worker's goal written for them, and room for theirs. */
  assert_shows (GTK_WINDOW (codesign), WORKER_GOAL);
  assert_shows (GTK_WINDOW (codesign), "You have not written one yet.");

  /* Walls: not a window of the application (whose actions would reach
   * settings, exports and the main window); no staff or person action,
   * no other young person, no search, no menu. */
  g_assert_null (gtk_window_get_application (GTK_WINDOW (codesign)));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (codesign)));
  assert_walled (GTK_WIDGET (codesign));
  assert_only_own_actions ();
  entry = _heard_codesign_window_get_passphrase_entry (codesign);
  {
    g_auto(GStrv) app_actions = g_action_group_list_actions (G_ACTION_GROUP (the_app));

    for (guint i = 0; app_actions[i] != NULL; i++)
      {
        g_autofree char *name = g_strconcat ("app.", app_actions[i], NULL);

        g_assert_false (gtk_widget_activate_action (entry, name, NULL));
      }
  }
  assert_actions_unreachable (entry, HEARD_TYPE_WINDOW);
  assert_actions_unreachable (entry, HEARD_TYPE_PERSON_PAGE);
  assert_does_not_show (GTK_WINDOW (codesign), OTHER_NAME);
  assert_does_not_show (GTK_WINDOW (codesign), OTHER_PREFERRED);
  assert_does_not_show (GTK_WINDOW (codesign), NAME);

  /* Pause: before the next frame and in it, nothing personal; Come Back
   * with one click, no passphrase. */
  assert_shows (GTK_WINDOW (codesign), PREFERRED);
  paused.window = codesign;
  paused.handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (codesign)),
                                     "after-paint", G_CALLBACK (paused_frame_cb), &paused);
  /* As a click does (a key's activation shows the press for a moment first). */
  g_signal_emit_by_name (heard_test_ui_find_by_css_class (GTK_WIDGET (codesign), "codesign-pause"),
                         "clicked");
  assert_does_not_show (GTK_WINDOW (codesign), PREFERRED);
  assert_shows (GTK_WINDOW (codesign), "Paused — take your time");
  heard_test_ui_wait_until (frame_seen, &paused, "the paused page drawn");
  heard_test_ui_screenshot (GTK_WINDOW (codesign), "codesign-paused");
  g_signal_emit_by_name (find_button (GTK_WIDGET (codesign), "_Come Back"), "clicked");
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "together");
  assert_shows (GTK_WINDOW (codesign), PREFERRED);

  /* Their goal, written by them: kept as theirs, the worker's untouched. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (codesign), "Change My Goal"), "clicked");
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "edit");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (codesign));
  /* Pause from the keyboard, at once, and back to where they were. */
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (codesign), GDK_KEY_p,
                                               GDK_CONTROL_MASK));
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "paused");
  assert_does_not_show (GTK_WINDOW (codesign), PREFERRED);
  heard_test_ui_assert_every_control_named (GTK_WIDGET (codesign));
  g_signal_emit_by_name (find_button (GTK_WIDGET (codesign), "_Come Back"), "clicked");
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "edit");
  set_text_view (find_text_view (shown_page (codesign)), THEIR_GOAL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (codesign), "codesign.save-own-words",
                                             NULL));
  one_own.model = heard_case_file_get_own_words (case_file);
  heard_test_ui_wait_until (has_items, &one_own, "their goal saved");
  {
    HeardOwnWords *own = heard_case_file_find_own_words (case_file, HEARD_AREA_EDUCATION,
                                                         HEARD_OWN_GOAL);

    g_assert_nonnull (own);
    g_assert_cmpstr (heard_own_words_get_words (own), ==, THEIR_GOAL);
    g_assert_cmpint (heard_own_words_get_plan_id (own), ==, plan_id);
  }
  g_assert_cmpstr (worker_goal (case_file, plan_id), ==, WORKER_GOAL);
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "together");
  assert_shows (GTK_WINDOW (codesign), THEIR_GOAL);
  assert_shows (GTK_WINDOW (codesign), WORKER_GOAL);

  /* My plan, my say: they do not agree, in their words; kept with it. */
  gtk_check_button_set_active (find_check (GTK_WIDGET (codesign), "I _don’t agree"), TRUE);
  set_text_view (find_text_view (shown_page (codesign)), THEIR_SAY);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (codesign), "codesign.save-say", NULL));
  one_say.model = heard_case_file_get_plan_says (case_file);
  heard_test_ui_wait_until (has_items, &one_say, "their say saved");
  {
    HeardPlanSay *say = heard_case_file_find_plan_say (case_file, plan_id);

    g_assert_nonnull (say);
    g_assert_cmpint (heard_plan_say_get_kind (say), ==, HEARD_SAY_DOES_NOT_AGREE);
    g_assert_cmpstr (heard_plan_say_get_words (say), ==, THEIR_SAY);
  }
  assert_shows (GTK_WINDOW (codesign), "You said: I don’t agree. “" THEIR_SAY "”");
  heard_test_ui_screenshot (GTK_WINDOW (codesign), "codesign-plan");

  /* Closing asks for the staff passphrase; a wrong one is refused beside
   * the field and the window stays, the staff window still neutral. */
  gtk_window_close (GTK_WINDOW (codesign));
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "leave");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (codesign));
  assert_does_not_show (GTK_WINDOW (codesign), PREFERRED);
  type_passphrase (codesign, "not the passphrase at all");
  heard_test_ui_wait_until (entry_ready, entry, "the wrong passphrase refused");
  heard_test_ui_assert_field_error (entry, "not the right passphrase");
  g_assert_true (heard_test_ui_find_window ("HeardCodesignWindow") == GTK_WINDOW (codesign));
  g_assert_cmpstr (_heard_window_get_visible_state (window), ==, "hidden");

  /* Escape goes back from there, and asks again from their page. */
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (codesign), GDK_KEY_Escape, 0));
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "together");
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (codesign), GDK_KEY_Escape, 0));
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "leave");
  heard_test_ui_screenshot (GTK_WINDOW (codesign), "codesign-leave");

  /* The right one ends it: back to the staff view. */
  type_passphrase (codesign, HEARD_TEST_CASEWORKER_PASSPHRASE);
  heard_test_ui_wait_window_gone ("HeardCodesignWindow");
  heard_test_ui_wait_until (shows_state, "records", "the staff view again");
  /* Their plan in the staff view says what they wrote: their goal first,
   * and that they do not agree, in their words. */
  heard_person_page_show_view (page, "plan");
  assert_shows (GTK_WINDOW (window), "Their goal, written by them\n" THEIR_GOAL);
  assert_shows (GTK_WINDOW (window), "They do not agree with this plan.");
  assert_shows (GTK_WINDOW (window), THEIR_SAY);

  /* A quick hide from inside co-design mode hides it and locks, which
   * closes it with the records. */
  codesign = open_codesign (window);
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (codesign), GDK_KEY_h,
                                               GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (codesign)));
  heard_test_ui_wait_for_lock (the_app);
  g_assert_null (heard_test_ui_find_window ("HeardCodesignWindow"));

  g_clear_object (&case_file);
  heard_test_ui_stop (the_app);
}

/* The "Add My Note" button on the card of statement @id, or NULL. */
static GtkWidget *
find_note_button (GtkWidget *root,
                  gint64     id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), "codesign.say") == 0)
        {
          GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child));

          if (target != NULL && g_variant_get_int64 (target) == id)
            return child;
        }
      if ((found = find_note_button (child, id)) != NULL)
        return found;
    }

  return NULL;
}

static HeardStatement *
find_statement_with_words (HeardCaseFile *case_file,
                           const char    *words)
{
  GListModel *statements = heard_case_file_get_statements (case_file);

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(HeardStatement) statement = g_list_model_get_item (statements, i);

      if (g_strcmp0 (heard_statement_get_words (statement), words) == 0)
        return statement;
    }

  return NULL;
}

typedef struct
{
  HeardCaseFile *case_file;
  gint64         id;
} Noted;

/* The save is done when the page has gone back (the models may show it
 * a moment before). */
static gboolean
is_back_together (gpointer data)
{
  return g_str_equal (_heard_codesign_window_get_visible_page (data), "together");
}

static gboolean
has_their_note (gpointer data)
{
  Noted *noted = data;
  HeardStatement *statement = heard_case_file_find_statement (noted->case_file, noted->id);

  return statement != NULL &&
         g_strcmp0 (heard_statement_get_text (statement, HEARD_STATEMENT_THEIR_NOTE),
                    THEIR_NOTE) == 0;
}

/* Say something: they type a statement of their own (kept as typed by
 * them, read back, with nothing they typed lost to a refusal), and add
 * their own note to one they gave before (its next version, the earlier
 * one kept); Pause and leaving work from there as from anywhere; the staff
 * view shows both. */
static void
test_codesign_say (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autoptr(HeardCaseFile) case_file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *too_long = NULL;
  HeardCodesignWindow *codesign;
  HeardStatement *typed;
  HeardWindow *window;
  HeardPersonPage *page;
  GtkWidget *say;
  GtkWidget *view;
  Count one = { NULL, 1 };
  Count two = { NULL, 2 };
  Count three = { NULL, 3 };
  Noted noted = { NULL, 0 };
  gint64 statement_id;

  window = start_new_records (data_dir);
  case_file = add_and_open_person (window, &page);
  statement_id = record_statement (case_file, WORDS, NULL);
  one.model = two.model = heard_case_file_get_statements (case_file);
  heard_test_ui_wait_until (has_items, &one, "their statement");

  /* Say Something opens its page, every control on it named. */
  codesign = open_codesign (window);
  g_signal_emit_by_name (find_button (GTK_WIDGET (codesign), "_Say Something"), "clicked");
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "say");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (codesign));
  heard_test_ui_screenshot (GTK_WINDOW (codesign), "codesign-say");
  say = heard_test_ui_find_descendant (GTK_WIDGET (codesign), HEARD_TYPE_CODESIGN_SAY, NULL);
  g_assert_nonnull (say);
  view = find_text_view (say);

  /* Pause from there, and back to it; closing the window asks for the
   * passphrase, and Stay Here comes back to it too. */
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (codesign), GDK_KEY_p,
                                               GDK_CONTROL_MASK));
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "paused");
  g_signal_emit_by_name (find_button (GTK_WIDGET (codesign), "_Come Back"), "clicked");
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "say");
  gtk_window_close (GTK_WINDOW (codesign));
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "leave");
  g_signal_emit_by_name (find_button (GTK_WIDGET (codesign), "_Stay Here"), "clicked");
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "say");

  /* Blank, or more than a statement holds: refused beside the field,
   * nothing saved, and what they typed still there. */
  set_text_view (view, "   \n ");
  g_assert_true (gtk_widget_activate_action (view, "codesign.save-something", NULL));
  heard_test_ui_assert_field_error (view, "Write something first.");
  heard_test_ui_screenshot (GTK_WINDOW (codesign), "codesign-say-blank");
  too_long = g_strnfill (HEARD_STATEMENT_MAX_WORDS_CHARS + 1, 'a');
  set_text_view (view, too_long);
  g_assert_true (gtk_widget_activate_action (view, "codesign.save-something", NULL));
  heard_test_ui_assert_field_error (view, "That is too long.");
  assert_shows (GTK_WINDOW (codesign), too_long);
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "say");
  g_assert_cmpuint (g_list_model_get_n_items (one.model), ==, 1);

  /* Their own statement: typed by them, read back, today. */
  set_text_view (view, TYPED);
  g_assert_true (gtk_widget_activate_action (view, "codesign.save-something", NULL));
  heard_test_ui_wait_until (has_items, &two, "their typed statement");
  typed = find_statement_with_words (case_file, TYPED);
  g_assert_nonnull (typed);
  g_assert_cmpint (heard_statement_get_given_how (typed), ==, HEARD_GIVEN_TYPED);
  g_assert_cmpint (heard_statement_get_read_back (typed), ==, HEARD_READ_BACK_AGREED);
  g_assert_false (heard_statement_get_sensitive (typed));
  /* No key worker on their record: no one is named as there. */
  g_assert_cmpstr (heard_statement_get_text (typed, HEARD_STATEMENT_PRESENT), ==,
                   "Their worker, in co-design");
  {
    g_autofree char *today = heard_today_iso_date ();

    g_assert_cmpstr (heard_statement_get_text (typed, HEARD_STATEMENT_GIVEN_ON), ==, today);
  }
  heard_test_ui_wait_until (is_back_together, codesign, "their page again");
  assert_shows (GTK_WINDOW (codesign), "Thank you. It is saved.");
  assert_shows (GTK_WINDOW (codesign), TYPED);

  /* Their note on the one they gave before: its next version. */
  g_signal_emit_by_name (find_note_button (GTK_WIDGET (codesign), statement_id), "clicked");
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "say");
  assert_does_not_show (GTK_WINDOW (codesign), "Thank you. It is saved.");
  assert_does_not_show (GTK_WINDOW (codesign), STAFF_CONTEXT);
  heard_test_ui_assert_every_control_named (GTK_WIDGET (codesign));
  heard_test_ui_screenshot (GTK_WINDOW (codesign), "codesign-say-note");
  set_text_view (view, THEIR_NOTE);
  g_assert_true (gtk_widget_activate_action (view, "codesign.save-something", NULL));
  noted.case_file = case_file;
  noted.id = statement_id;
  heard_test_ui_wait_until (has_their_note, &noted, "their note saved");
  g_assert_cmpuint (heard_statement_get_version (heard_case_file_find_statement (case_file,
                                                                                  statement_id)),
                    ==, 2);
  heard_case_file_list_statement_history_async (case_file, statement_id, NULL,
                                                heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  history = heard_case_file_read_finish (case_file, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (heard_statement_get_text (history->pdata[0], HEARD_STATEMENT_THEIR_NOTE), ==,
                   "");
  g_assert_cmpstr (heard_statement_get_words (history->pdata[0]), ==, WORDS);
  g_assert_cmpstr (heard_statement_get_text (history->pdata[1], HEARD_STATEMENT_CONTEXT), ==,
                   STAFF_CONTEXT);
  heard_test_ui_wait_until (is_back_together, codesign, "their page again");
  heard_test_ui_wait_until (is_mapped, find_button (GTK_WIDGET (codesign), "Change My Note"),
                            "their note shown");
  assert_shows (GTK_WINDOW (codesign), THEIR_NOTE);
  assert_shows (GTK_WINDOW (codesign), "Thank you. It is saved.");
  heard_test_ui_screenshot (GTK_WINDOW (codesign), "codesign-said");

  /* One that may be hard to read: behind the note they wrote for it. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (codesign), "_Say Something"), "clicked");
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "say");
  set_text_view (view, HARD_WORDS);
  gtk_check_button_set_active (find_check (say, "It may be _hard to read. Show a note first."),
                               TRUE);
  heard_test_ui_assert_every_control_named (GTK_WIDGET (codesign));
  gtk_editable_set_text (GTK_EDITABLE (heard_test_ui_find_descendant (say, GTK_TYPE_ENTRY, NULL)),
                         HARD_NOTE);
  heard_test_ui_screenshot (GTK_WINDOW (codesign), "codesign-say-hard");
  g_assert_true (gtk_widget_activate_action (view, "codesign.save-something", NULL));
  three.model = one.model;
  heard_test_ui_wait_until (has_items, &three, "the one that may be hard to read");
  heard_test_ui_wait_until (is_back_together, codesign, "their page again");
  typed = find_statement_with_words (case_file, HARD_WORDS);
  g_assert_nonnull (typed);
  g_assert_true (heard_statement_get_sensitive (typed));
  g_assert_cmpstr (heard_statement_get_content_note (typed), ==, HARD_NOTE);
  assert_shows (GTK_WINDOW (codesign), HARD_NOTE);
  assert_does_not_show (GTK_WINDOW (codesign), HARD_WORDS);

  /* The staff view shows their statement as typed by them, and their note. */
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (codesign), GDK_KEY_Escape, 0));
  type_passphrase (codesign, HEARD_TEST_CASEWORKER_PASSPHRASE);
  heard_test_ui_wait_window_gone ("HeardCodesignWindow");
  heard_test_ui_wait_until (shows_state, "records", "the staff view again");
  heard_person_page_show_view (page, "statements");
  assert_shows (GTK_WINDOW (window), TYPED);
  assert_shows (GTK_WINDOW (window), "Typed by them");
  assert_shows (GTK_WINDOW (window), THEIR_NOTE);

  g_clear_object (&case_file);
  heard_test_ui_stop (the_app);
}

#define CHECK_IN_WORDS "School was better this week."

static void
collect_type (GtkWidget *root,
              GType      type,
              GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect_type (child, type, found);
    }
}

/* The eleven faces of @scale, 0 first. */
static GPtrArray *
collect_faces (GtkWidget *scale)
{
  GPtrArray *buttons = g_ptr_array_new ();
  GPtrArray *faces = g_ptr_array_new ();

  collect_type (scale, GTK_TYPE_TOGGLE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_has_css_class (buttons->pdata[i], "face"))
      g_ptr_array_add (faces, buttons->pdata[i]);
  g_ptr_array_unref (buttons);

  return faces;
}

static gboolean
is_active (gpointer button)
{
  return gtk_toggle_button_get_active (button);
}

static GtkWidget *
get_focus (HeardCodesignWindow *codesign)
{
  return gtk_root_get_focus (GTK_ROOT (codesign));
}

/* A worker's own check-in on @plan_id: their rating and the worker's for
 * each of @kinds, and how safe the young person felt. */
static gint64
save_worker_check_in (HeardCaseFile       *case_file,
                      gint64               plan_id,
                      const HeardAreaKind *kinds,
                      guint                n_kinds)
{
  g_autoptr(HeardCheckIn) check_in = heard_check_in_new (plan_id);
  g_autoptr(GAsyncResult) result = NULL;

  heard_check_in_set_text (check_in, HEARD_CHECK_IN_DAY, "2026-03-06");
  for (guint i = 0; i < n_kinds; i++)
    {
      heard_check_in_set_rating (check_in, kinds[i], HEARD_RATER_YOUNG_PERSON,
                                 HEARD_RATING_GIVEN, 4);
      heard_check_in_set_rating (check_in, kinds[i], HEARD_RATER_WORKER, HEARD_RATING_GIVEN, 6);
    }
  heard_check_in_set_safety (check_in, HEARD_RATING_GIVEN, 5);
  heard_case_file_save_check_in_async (case_file, check_in, NULL, heard_test_store_result_cb,
                                       &result);

  return finish_write (case_file, &result);
}

static void
assert_rating (HeardCheckIn     *check_in,
               HeardAreaKind     area,
               HeardRater        rater,
               HeardRatingState  state,
               guint             value)
{
  HeardRating rating;

  g_assert_true (heard_check_in_get_rating (check_in, area, rater, &rating));
  g_assert_cmpint (rating.state, ==, state);
  g_assert_cmpuint (rating.value, ==, value);
}

static HeardCheckIn *
find_check_in (HeardCaseFile *case_file,
               gboolean       worker_s,
               gint64         worker_id)
{
  GListModel *check_ins = heard_case_file_get_check_ins (case_file);

  for (guint i = 0; i < g_list_model_get_n_items (check_ins); i++)
    {
      g_autoptr(HeardCheckIn) check_in = g_list_model_get_item (check_ins, i);

      if ((heard_check_in_get_id (check_in) == worker_id) == worker_s)
        return check_in;
    }

  return NULL;
}

/* A whole sitting, as the issue tells it: they check in on the face
 * scales (two areas rated, one skipped), type a statement, pause and
 * come back; staff leave with their passphrase and see both. */
static void
test_codesign_session (void)
{
  static const HeardAreaKind kinds[] = {
    HEARD_AREA_SAFETY, HEARD_AREA_EDUCATION, HEARD_AREA_HOME
  };
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autoptr(HeardCaseFile) case_file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) scales = g_ptr_array_new ();
  HeardCodesignWindow *codesign;
  HeardWindow *window;
  HeardPersonPage *page;
  HeardCheckIn *theirs;
  HeardCheckIn *workers;
  HeardRating safety;
  Count one_plan = { NULL, 1 };
  Count one_statement = { NULL, 1 };
  Count two = { NULL, 2 };
  gint64 plan_id;
  gint64 worker_id;

  window = start_new_records (data_dir);
  case_file = add_and_open_person (window, &page);

  /* Their key worker, named on their record. */
  {
    g_autoptr(HeardPerson) person = heard_person_copy (heard_case_file_get_person (case_file));

    heard_person_set_text (person, HEARD_PERSON_KEY_WORKER, KEY_WORKER);
    heard_case_file_save_person_async (case_file, person, NULL, heard_test_store_result_cb,
                                       &result);
    finish_write (case_file, &result);
  }

  /* No plan yet: nothing to check in on, and they are told why. */
  codesign = open_codesign (window);
  gtk_widget_activate_action (GTK_WIDGET (codesign), "codesign.check-in", NULL);
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "together");
  g_assert_false (gtk_widget_get_sensitive (find_button (GTK_WIDGET (codesign), "_Check In")));
  assert_shows (GTK_WINDOW (codesign), "You can check in when there is a plan.");

  /* A plan of three areas, with a worker's check-in on it. */
  heard_case_file_start_plan_async (case_file, NULL, heard_test_store_result_cb, &result);
  plan_id = finish_write (case_file, &result);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(HeardPlanArea) area = heard_plan_area_new (plan_id, kinds[i]);

      heard_plan_area_set_text (area, HEARD_AREA_GOAL_WORKER, WORKER_GOAL);
      heard_case_file_save_area_async (case_file, area, NULL, heard_test_store_result_cb,
                                       &result);
      finish_write (case_file, &result);
    }
  one_plan.model = heard_case_file_get_plans (case_file);
  heard_test_ui_wait_until (has_items, &one_plan, "their plan");
  worker_id = save_worker_check_in (case_file, plan_id, kinds, G_N_ELEMENTS (kinds));
  g_assert_true (gtk_widget_get_sensitive (find_button (GTK_WIDGET (codesign), "_Check In")));
  assert_does_not_show (GTK_WINDOW (codesign), "You can check in when there is a plan.");

  g_signal_emit_by_name (find_button (GTK_WIDGET (codesign), "_Check In"), "clicked");
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "check-in");
  assert_walled (GTK_WIDGET (codesign));
  heard_test_ui_assert_every_control_named (GTK_WIDGET (codesign));
  assert_shows (GTK_WINDOW (codesign), "How safe do you feel?");
  heard_test_ui_screenshot (GTK_WINDOW (codesign), "codesign-check-in");
  /* Its eleven faces fit a window 600 px wide: opening it never widens
   * the window. */
  {
    int minimum;

    gtk_widget_measure (GTK_WIDGET (codesign), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                        NULL, NULL);
    g_assert_cmpint (minimum, <=, 600);
  }

  /* A scale for each area, then safety; each face speaks its number. */
  collect_type (shown_page (codesign), HEARD_TYPE_FACE_SCALE, scales);
  g_assert_cmpuint (scales->len, ==, G_N_ELEMENTS (kinds) + 1);
  for (guint i = 0; i < scales->len; i++)
    {
      g_autoptr(GPtrArray) faces = collect_faces (scales->pdata[i]);

      g_assert_cmpuint (faces->len, ==, HEARD_RATING_MAX + 1);
      for (guint value = 0; value < faces->len; value++)
        {
          g_autofree char *label = heard_test_ui_dup_accessible_label (faces->pdata[value]);
          g_autofree char *number = g_strdup_printf ("%u, ", value);

          g_assert_nonnull (label);
          g_assert_true (g_str_has_prefix (label, number));
        }
    }

  /* The keyboard: the faces are one radio group. Into the first question
   * on its first face, chosen nothing; the arrows, Home and End move along
   * it without choosing; Space chooses; Skip and "I'd rather not say" are
   * a Tab stop each; Tab comes back to the face chosen. */
  {
    g_autoptr(GPtrArray) first = collect_faces (scales->pdata[0]);
    g_autoptr(GPtrArray) second = collect_faces (scales->pdata[1]);
    GtkWidget *skip = find_button (scales->pdata[0], "S_kip");
    GtkWidget *rather = find_button (scales->pdata[0], "I’d _rather not say");

    /* Opened on the first question, on its first face, still skipped. */
    g_assert_true (get_focus (codesign) == first->pdata[0]);
    g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (skip)));
    for (guint i = 0; i < 7; i++)
      g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (codesign), GDK_KEY_Right, 0));
    g_assert_true (get_focus (codesign) == first->pdata[7]);
    /* Looking along it changes nothing. */
    g_assert_false (gtk_toggle_button_get_active (first->pdata[7]));
    g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (skip)));
    /* Space presses it as a click would, and lets go a moment later. */
    g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (first->pdata[7]), GDK_KEY_space, 0));
    heard_test_ui_wait_until (is_active, first->pdata[7], "face 7 chosen by Space");
    g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (skip)));
    /* Home and End: to the ends, the choice kept. */
    g_assert_true (heard_test_ui_press_shortcut (scales->pdata[0], GDK_KEY_End, 0));
    g_assert_true (get_focus (codesign) == first->pdata[HEARD_RATING_MAX]);
    g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (codesign), GDK_KEY_Right, 0));
    g_assert_true (get_focus (codesign) == first->pdata[HEARD_RATING_MAX]);
    g_assert_true (heard_test_ui_press_shortcut (scales->pdata[0], GDK_KEY_Home, 0));
    g_assert_true (get_focus (codesign) == first->pdata[0]);
    g_assert_true (gtk_toggle_button_get_active (first->pdata[7]));
    /* Right to left, 0 is at the right: Left goes up the scale. */
    gtk_widget_set_direction (scales->pdata[0], GTK_TEXT_DIR_RTL);
    g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (codesign), GDK_KEY_Left, 0));
    g_assert_true (get_focus (codesign) == first->pdata[1]);
    gtk_widget_set_direction (scales->pdata[0], GTK_TEXT_DIR_NONE);
    g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (codesign), GDK_KEY_Left, 0));
    g_assert_true (get_focus (codesign) == first->pdata[0]);
    /* What Tab does (GtkWindow's own key handling, not a shortcut): Skip,
     * "I'd rather not say", then the next question, on its first face. */
    g_signal_emit_by_name (codesign, "move-focus", GTK_DIR_TAB_FORWARD);
    g_assert_true (get_focus (codesign) == skip);
    g_signal_emit_by_name (codesign, "move-focus", GTK_DIR_TAB_FORWARD);
    g_assert_true (get_focus (codesign) == rather);
    g_signal_emit_by_name (codesign, "move-focus", GTK_DIR_TAB_FORWARD);
    g_assert_true (get_focus (codesign) == second->pdata[0]);
    g_assert_false (gtk_toggle_button_get_active (second->pdata[0]));
    /* And back: Shift+Tab to the first question's face chosen. */
    for (guint i = 0; i < 3; i++)
      g_signal_emit_by_name (codesign, "move-focus", GTK_DIR_TAB_BACKWARD);
    g_assert_true (get_focus (codesign) == first->pdata[7]);
    g_assert_true (gtk_toggle_button_get_active (first->pdata[7]));

    /* A click on the second; the third left skipped. */
    g_signal_emit_by_name (second->pdata[3], "clicked");
    g_assert_true (gtk_toggle_button_get_active (second->pdata[3]));
  }
  /* How safe: they would rather not say. */
  g_signal_emit_by_name (find_button (scales->pdata[scales->len - 1], "I’d _rather not say"),
                         "clicked");
  set_text_view (find_text_view (shown_page (codesign)), CHECK_IN_WORDS);
  gtk_widget_grab_focus (find_text_view (shown_page (codesign)));
  heard_test_ui_screenshot (GTK_WINDOW (codesign), "codesign-check-in-chosen");

  /* Pause from here, and back to here with every answer. */
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (codesign), GDK_KEY_p,
                                               GDK_CONTROL_MASK));
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "paused");
  assert_does_not_show (GTK_WINDOW (codesign), "How safe do you feel?");
  g_signal_emit_by_name (find_button (GTK_WIDGET (codesign), "_Come Back"), "clicked");
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "check-in");

  g_signal_emit_by_name (find_button (shown_page (codesign), "_Save"), "clicked");
  two.model = heard_case_file_get_check_ins (case_file);
  heard_test_ui_wait_until (has_items, &two, "their check-in saved");
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "together");
  assert_shows (GTK_WINDOW (codesign), "Thank you. Your check-in is saved.");

  /* Theirs: exactly what they chose, the worker's left skipped. */
  theirs = find_check_in (case_file, FALSE, worker_id);
  g_assert_nonnull (theirs);
  g_assert_cmpint (heard_check_in_get_plan_id (theirs), ==, plan_id);
  g_assert_cmpuint (heard_check_in_get_n_areas (theirs), ==, G_N_ELEMENTS (kinds));
  assert_rating (theirs, kinds[0], HEARD_RATER_YOUNG_PERSON, HEARD_RATING_GIVEN, 7);
  assert_rating (theirs, kinds[1], HEARD_RATER_YOUNG_PERSON, HEARD_RATING_GIVEN, 3);
  assert_rating (theirs, kinds[2], HEARD_RATER_YOUNG_PERSON, HEARD_RATING_SKIPPED, 0);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    assert_rating (theirs, kinds[i], HEARD_RATER_WORKER, HEARD_RATING_SKIPPED, 0);
  heard_check_in_get_safety (theirs, &safety);
  g_assert_cmpint (safety.state, ==, HEARD_RATING_RATHER_NOT_SAY);
  g_assert_cmpstr (heard_check_in_get_text (theirs, HEARD_CHECK_IN_THEIR_WORDS), ==,
                   CHECK_IN_WORDS);
  /* Who was there: their key worker, not the first of the staff. */
  g_assert_cmpstr (heard_check_in_get_text (theirs, HEARD_CHECK_IN_PRESENT), ==,
                   KEY_WORKER ", in co-design");

  /* The worker's check-in as it was. */
  workers = find_check_in (case_file, TRUE, worker_id);
  g_assert_nonnull (workers);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      assert_rating (workers, kinds[i], HEARD_RATER_YOUNG_PERSON, HEARD_RATING_GIVEN, 4);
      assert_rating (workers, kinds[i], HEARD_RATER_WORKER, HEARD_RATING_GIVEN, 6);
    }
  heard_check_in_get_safety (workers, &safety);
  g_assert_cmpint (safety.state, ==, HEARD_RATING_GIVEN);
  g_assert_cmpuint (safety.value, ==, 5);
  heard_test_ui_screenshot (GTK_WINDOW (codesign), "codesign-checked-in");

  /* In the same sitting they type a statement of their own. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (codesign), "_Say Something"), "clicked");
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "say");
  set_text_view (find_text_view (shown_page (codesign)), TYPED);
  g_signal_emit_by_name (find_button (shown_page (codesign), "_Save"), "clicked");
  one_statement.model = heard_case_file_get_statements (case_file);
  heard_test_ui_wait_until (has_items, &one_statement, "their typed statement");
  {
    HeardStatement *typed = find_statement_with_words (case_file, TYPED);

    g_assert_nonnull (typed);
    g_assert_cmpstr (heard_statement_get_text (typed, HEARD_STATEMENT_PRESENT), ==,
                     KEY_WORKER ", in co-design");
  }
  heard_test_ui_wait_until (is_back_together, codesign, "their page again");

  /* Leaving takes the staff passphrase, and the staff view is back. */
  gtk_window_close (GTK_WINDOW (codesign));
  type_passphrase (codesign, HEARD_TEST_CASEWORKER_PASSPHRASE);
  heard_test_ui_wait_window_gone ("HeardCodesignWindow");
  heard_test_ui_wait_until (shows_state, "records", "the staff view again");

  /* The staff view: their ratings alone, no worker's rating shown as one,
   * beside the worker's own check-in; and their statement, typed by them. */
  heard_person_page_show_view (page, "plan");
  assert_shows (GTK_WINDOW (window), "Rated by them alone: no worker’s ratings");
  assert_shows (GTK_WINDOW (window), "Safety: their rating 7");
  assert_shows (GTK_WINDOW (window), "Education and training: their rating 3");
  assert_shows (GTK_WINDOW (window), "Safety: their rating 4 · worker’s rating 6");
  heard_person_page_show_view (page, "statements");
  assert_shows (GTK_WINDOW (window), TYPED);
  assert_shows (GTK_WINDOW (window), "Typed by them");
  g_clear_object (&case_file);
  heard_test_ui_stop (the_app);
}

/* Many statements: their newest few show, so their plan is near; "Show
 * All My Words" shows the rest and is then gone. */
static void
test_codesign_newest_words (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autoptr(HeardCaseFile) case_file = NULL;
  HeardCodesignWindow *codesign;
  HeardWindow *window;
  HeardPersonPage *page;
  GtkWidget *all_words;
  Count all = { NULL, 8 };

  window = start_new_records (data_dir);
  case_file = add_and_open_person (window, &page);
  for (guint i = 0; i < all.n; i++)
    {
      g_autofree char *words = g_strdup_printf ("Words number %u of mine.", i);

      record_statement (case_file, words, NULL);
    }
  all.model = heard_case_file_get_statements (case_file);
  heard_test_ui_wait_until (has_items, &all, "their statements");

  codesign = open_codesign (window);
  all_words = find_button (GTK_WIDGET (codesign), "Show All _My Words");
  g_assert_true (gtk_widget_get_visible (all_words));
  {
    g_autofree char *shown = dup_shown_text (GTK_WINDOW (codesign));
    guint n_shown = 0;

    for (guint i = 0; i < all.n; i++)
      {
        g_autofree char *words = g_strdup_printf ("Words number %u of mine.", i);

        n_shown += strstr (shown, words) != NULL;
      }
    g_assert_cmpuint (n_shown, ==, 5);
  }
  g_signal_emit_by_name (all_words, "clicked");
  g_assert_false (gtk_widget_get_visible (all_words));
  for (guint i = 0; i < all.n; i++)
    {
      g_autofree char *words = g_strdup_printf ("Words number %u of mine.", i);

      assert_shows (GTK_WINDOW (codesign), words);
    }

  gtk_window_close (GTK_WINDOW (codesign));
  type_passphrase (codesign, HEARD_TEST_CASEWORKER_PASSPHRASE);
  heard_test_ui_wait_window_gone ("HeardCodesignWindow");
  g_clear_object (&case_file);
  heard_test_ui_stop (the_app);
}

/* The label below @root whose text holds @text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return child;
      if ((found = find_label (child, text)) != NULL)
        return found;
    }

  return NULL;
}

/* How many labels below @root, drawn now, begin with @start. */
static guint
count_shown_labels (GtkWidget  *root,
                    const char *start)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child)), start))
        n++;
      n += count_shown_labels (child, start);
    }

  return n;
}

/* The first widget of @type below @root, or NULL. */
static GtkWidget *
find_of_type (GtkWidget *root,
              GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_of_type (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
story_sentence_drawn (gpointer data)
{
  GtkWidget *sentence = find_label (data, "Riverside Clinic was told about you");

  return sentence != NULL && gtk_widget_get_mapped (sentence) &&
         gtk_widget_get_height (sentence) > 0;
}

/* "Who has seen your story" in their window: as tall as what it tells,
 * under one heading, not squeezed into a scroller of its own. */
static void
test_codesign_story (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autoptr(HeardCaseFile) case_file = NULL;
  g_autoptr(HeardDirectoryAgency) agency = NULL;
  g_autoptr(HeardSharingEntry) share = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeardCodesignWindow *codesign;
  HeardWindow *window;
  HeardPersonPage *page;
  GtkWidget *sentence;
  GtkWidget *story;
  graphene_rect_t bounds;
  gint64 agency_id;

  window = start_new_records (data_dir);
  case_file = add_and_open_person (window, &page);

  agency = heard_directory_agency_new (HEARD_AGENCY_TYPE_HEALTH, "Riverside Clinic");
  heard_context_save_agency_async (heard_window_get_context (window), agency, NULL,
                                   heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  agency_id = heard_context_save_agency_finish (heard_window_get_context (window), result,
                                                &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  share = heard_sharing_entry_new (heard_case_file_get_person_id (case_file),
                                   HEARD_SHARING_SHARED);
  heard_sharing_entry_set_shared_on (share, "2026-03-06");
  heard_sharing_entry_set_agency_id (share, agency_id);
  heard_sharing_entry_set_lawful_basis (share, "consent");
  heard_sharing_entry_set_agreed (share, HEARD_SHARING_AGREED_YES);
  heard_sharing_entry_set_told (share, TRUE);
  heard_sharing_entry_set_text (share, HEARD_SHARING_WHAT, "your health plan");
  heard_sharing_entry_set_text (share, HEARD_SHARING_PURPOSE, "so the nurse knows");
  heard_sharing_entry_set_text (share, HEARD_SHARING_NECESSARY, "The nurse sees her weekly.");
  heard_case_file_record_sharing_entry_async (case_file, share, NULL, heard_test_store_result_cb,
                                              &result);
  finish_write (case_file, &result);

  codesign = open_codesign (window);
  heard_test_ui_wait_until (story_sentence_drawn, codesign, "the story's sentence drawn");
  sentence = find_label (GTK_WIDGET (codesign), "Riverside Clinic was told about you");
  g_assert_cmpint (gtk_widget_get_height (sentence), >, 0);
  /* Inside what the story view draws, not scrolled out of a sliver. */
  story = find_of_type (GTK_WIDGET (codesign), HEARD_TYPE_STORY_VIEW);
  g_assert_true (gtk_widget_compute_bounds (sentence, story, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (story));
  g_assert_cmpuint (count_shown_labels (GTK_WIDGET (codesign), "Who has seen"), ==, 1);
  {
    /* Scrolled to, to look at. */
    GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (
                                                         story, GTK_TYPE_SCROLLED_WINDOW));
    graphene_point_t at;

    g_assert_true (gtk_widget_compute_point (story, gtk_scrolled_window_get_child (scroller),
                                             &GRAPHENE_POINT_INIT (0, 0), &at));
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), at.y - 120);
  }
  heard_test_ui_screenshot (GTK_WINDOW (codesign), "codesign-story");

  gtk_window_close (GTK_WINDOW (codesign));
  type_passphrase (codesign, HEARD_TEST_CASEWORKER_PASSPHRASE);
  heard_test_ui_wait_window_gone ("HeardCodesignWindow");
  g_clear_object (&case_file);
  heard_test_ui_stop (the_app);
}

/* The text in the text view @view. */
static char *
dup_view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
assert_view_text (GtkWidget  *view,
                  const char *text)
{
  g_autofree char *shown = dup_view_text (view);

  g_assert_cmpstr (shown, ==, text);
}

/* Whether @data (a widget in a scrolled page) shows whole in its viewport. */
static gboolean
in_view (gpointer data)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (data, GTK_TYPE_VIEWPORT);
  graphene_rect_t bounds;

  /* Once laid out: a page just shown has no size for a frame or two. */
  return gtk_widget_get_mapped (data) &&
         gtk_widget_compute_bounds (data, viewport, &bounds) && bounds.size.height > 0 &&
         bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (viewport);
}

typedef struct
{
  GtkWidget *top;
  GtkWidget *bottom;
} Above;

/* Whether one widget shows wholly above the other, both laid out. */
static gboolean
is_above (gpointer data)
{
  Above *above = data;
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (above->top));
  graphene_rect_t top, bottom;

  return gtk_widget_compute_bounds (above->top, root, &top) && top.size.height > 0 &&
         gtk_widget_compute_bounds (above->bottom, root, &bottom) && bottom.size.height > 0 &&
         top.origin.y + top.size.height <= bottom.origin.y;
}

/* A person with a plan of two areas and @n statements, a day apart, the
 * second of them (if any) hard to read. */
static HeardCaseFile *
open_person_with (HeardWindow *window,
                  guint        n,
                  gint64      *first_id)
{
  HeardPersonPage *page;
  HeardCaseFile *case_file;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeardPlanArea) health = NULL;
  Count statements = { NULL, n };
  Count one_plan = { NULL, 1 };
  gint64 plan_id;

  case_file = add_and_open_person (window, &page);
  for (guint i = 0; i < n; i++)
    {
      /* Long enough that their page scrolls. */
      g_autofree char *words = g_strdup_printf ("What I said, number %u of mine. %s", i,
                                                WORDS " " TYPED " " THEIR_SAY " " WORDS);
      g_autofree char *day = g_strdup_printf ("2026-03-%02u", i + 1);
      gint64 id = record_statement_on (case_file, words, i == 1 ? HARD_NOTE : NULL, day);

      if (i == 0)
        *first_id = id;
    }
  statements.model = heard_case_file_get_statements (case_file);
  heard_test_ui_wait_until (has_items, &statements, "their statements");
  plan_id = write_plan (case_file, *first_id);
  health = heard_plan_area_new (plan_id, HEARD_AREA_HEALTH);
  heard_plan_area_set_text (health, HEARD_AREA_GOAL_WORKER, WORKER_GOAL);
  heard_case_file_save_area_async (case_file, health, NULL, heard_test_store_result_cb, &result);
  finish_write (case_file, &result);
  one_plan.model = heard_case_file_get_plans (case_file);
  heard_test_ui_wait_until (has_items, &one_plan, "their plan");

  return case_file;
}

/* Escape goes back a step and never loses what they typed: from the say,
 * note, goal and check-in pages to their page, each draft waiting for
 * them when they come back, until it is saved; nothing while paused; the
 * finish page only from their page. "Choose one of these first." shows
 * below all three choices, none of them red. The thanks after a save is
 * scrolled into view. */
static void
test_codesign_escape_keeps (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autoptr(HeardCaseFile) case_file = NULL;
  HeardCodesignWindow *codesign;
  HeardWindow *window;
  GtkWidget *view;
  GtkWidget *say;
  GtkWidget *agree;
  GtkWidget *choices;
  GtkWidget *error;
  Noted noted = { NULL, 0 };
  gint64 first_id;

  window = start_new_records (data_dir);
  case_file = open_person_with (window, 5, &first_id);
  codesign = open_codesign (window);
  say = heard_test_ui_find_descendant (GTK_WIDGET (codesign), HEARD_TYPE_CODESIGN_SAY, NULL);
  view = find_text_view (say);

  /* A statement begun, Escape: back to their page, not the finish page. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (codesign), "_Say Something"), "clicked");
  set_text_view (view, TYPED);
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (codesign), GDK_KEY_Escape, 0));
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "together");

  /* A note begun on their first statement, its words quoted; Escape. */
  g_signal_emit_by_name (find_note_button (GTK_WIDGET (codesign), first_id), "clicked");
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "say");
  assert_view_text (view, "");
  assert_shows (GTK_WINDOW (codesign), "What I said, number 0 of mine.");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (codesign));
  {
    Above above = { find_label (say, "1 March 2026"), view };

    above.top = gtk_widget_get_next_sibling (above.top);
    heard_test_ui_wait_until (is_above, &above, "their words above the box for their note");
  }
  heard_test_ui_screenshot (GTK_WINDOW (codesign), "codesign-note-quoted");
  set_text_view (view, THEIR_NOTE);
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (codesign), GDK_KEY_Escape, 0));
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "together");

  /* Each is still there; the other note is its own, empty. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (codesign), "_Say Something"), "clicked");
  assert_view_text (view, TYPED);
  g_signal_emit_by_name (find_button (say, "_Back"), "clicked");
  g_signal_emit_by_name (find_note_button (GTK_WIDGET (codesign), first_id + 2), "clicked");
  assert_view_text (view, "");
  g_signal_emit_by_name (find_button (say, "_Back"), "clicked");
  /* The one that may be hard to read is quoted behind its note, as on
   * its card. */
  g_signal_emit_by_name (find_note_button (GTK_WIDGET (codesign), first_id + 1), "clicked");
  assert_shows (GTK_WINDOW (codesign), HARD_NOTE);
  assert_does_not_show (GTK_WINDOW (codesign), "What I said, number 1 of mine.");
  g_signal_emit_by_name (find_button (say, "_Back"), "clicked");
  g_signal_emit_by_name (find_note_button (GTK_WIDGET (codesign), first_id), "clicked");
  assert_view_text (view, THEIR_NOTE);

  /* Pause and Escape: still paused. */
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (codesign), GDK_KEY_p,
                                               GDK_CONTROL_MASK));
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (codesign), GDK_KEY_Escape, 0));
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "paused");
  g_signal_emit_by_name (find_button (GTK_WIDGET (codesign), "_Come Back"), "clicked");
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "say");

  /* Saved: the thanks in view, beside Say Something; the note it held is
   * gone, their saved note in its place; the statement draft waits. */
  g_assert_true (gtk_widget_activate_action (view, "codesign.save-something", NULL));
  noted.case_file = case_file;
  noted.id = first_id;
  heard_test_ui_wait_until (has_their_note, &noted, "their note saved");
  heard_test_ui_wait_until (is_back_together, codesign, "their page again");
  heard_test_ui_wait_until (in_view,
                            gtk_widget_get_parent (find_label (GTK_WIDGET (codesign),
                                                               "Thank you. It is saved.")),
                            "the thanks in view");
  heard_test_ui_screenshot (GTK_WINDOW (codesign), "codesign-said-in-view");
  heard_test_ui_wait_until (is_mapped, find_button (GTK_WIDGET (codesign), "Change My Note"),
                            "their note shown");
  g_signal_emit_by_name (find_note_button (GTK_WIDGET (codesign), first_id), "clicked");
  assert_view_text (view, THEIR_NOTE);
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (codesign), GDK_KEY_Escape, 0));
  g_signal_emit_by_name (find_button (GTK_WIDGET (codesign), "_Say Something"), "clicked");
  assert_view_text (view, TYPED);
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (codesign), GDK_KEY_Escape, 0));

  /* Their goal begun, Escape, and back to it. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (codesign), "Change My Goal"), "clicked");
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "edit");
  set_text_view (find_text_view (shown_page (codesign)), THEIR_GOAL);
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (codesign), GDK_KEY_Escape, 0));
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "together");
  g_signal_emit_by_name (find_button (GTK_WIDGET (codesign), "Change My Goal"), "clicked");
  assert_view_text (find_text_view (shown_page (codesign)), THEIR_GOAL);
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (codesign), GDK_KEY_Escape, 0));

  /* A check-in begun, Escape, Check In again: their words are there. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (codesign), "_Check In"), "clicked");
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "check-in");
  set_text_view (find_text_view (shown_page (codesign)), CHECK_IN_WORDS);
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (codesign), GDK_KEY_Escape, 0));
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "together");
  g_signal_emit_by_name (find_button (GTK_WIDGET (codesign), "_Check In"), "clicked");
  assert_view_text (find_text_view (shown_page (codesign)), CHECK_IN_WORDS);
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (codesign), GDK_KEY_Escape, 0));

  /* No choice made: said below all three, none of them marked wrong. */
  agree = GTK_WIDGET (find_check (GTK_WIDGET (codesign), "I _agree"));
  choices = gtk_widget_get_parent (agree);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (codesign), "codesign.save-say", NULL));
  error = gtk_widget_get_next_sibling (choices);
  g_assert_true (GTK_IS_LABEL (error));
  g_assert_true (GTK_WIDGET (_heard_field_error_get_label (choices)) == error);
  g_assert_true (gtk_widget_get_mapped (error));
  heard_test_ui_wait_until (in_view, error, "the choice error in view");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (codesign)) == agree);
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (choices),
                                       GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, error);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), ==, "Choose one of these first.");
  for (GtkWidget *choice = gtk_widget_get_first_child (choices); choice != NULL;
       choice = gtk_widget_get_next_sibling (choice))
    g_assert_false (gtk_widget_has_css_class (choice, "error"));
  g_assert_false (gtk_widget_has_css_class (choices, "error"));
  heard_test_ui_screenshot (GTK_WINDOW (codesign), "codesign-choose-first");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (agree), TRUE);
  heard_test_ui_assert_no_field_error (choices);

  /* Only from their page does Escape ask to finish. */
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (codesign), GDK_KEY_Escape, 0));
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "leave");
  type_passphrase (codesign, HEARD_TEST_CASEWORKER_PASSPHRASE);
  heard_test_ui_wait_window_gone ("HeardCodesignWindow");
  g_clear_object (&case_file);
  heard_test_ui_stop (the_app);
}

static void
collect_buttons (GtkWidget *root,
                 GPtrArray *buttons)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if ((GTK_IS_BUTTON (child) || GTK_IS_CHECK_BUTTON (child)) && gtk_widget_get_mapped (child))
        g_ptr_array_add (buttons, child);
      collect_buttons (child, buttons);
    }
}

/* The letter @button's label underlines, or 0. */
static gunichar
mnemonic_of (GtkWidget *button)
{
  const char *label = GTK_IS_BUTTON (button)
                      ? gtk_button_get_label (GTK_BUTTON (button))
                      : gtk_check_button_get_label (GTK_CHECK_BUTTON (button));
  gboolean underline = GTK_IS_BUTTON (button)
                       ? gtk_button_get_use_underline (GTK_BUTTON (button))
                       : gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (button));
  const char *mark = label != NULL && underline ? strchr (label, '_') : NULL;

  return mark != NULL ? g_unichar_tolower (g_utf8_get_char (mark + 1)) : 0;
}

/* On their page, with three statements and two areas: every button has a
 * name of its own, every row of their words says its day, and no letter
 * is the mnemonic of two buttons. */
static void
test_codesign_names (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autoptr(HeardCaseFile) case_file = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) letters = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  HeardCodesignWindow *codesign;
  HeardWindow *window;
  gint64 first_id;
  guint n_rows = 0;

  window = start_new_records (data_dir);
  case_file = open_person_with (window, 3, &first_id);
  codesign = open_codesign (window);
  heard_test_ui_assert_every_control_named (GTK_WIDGET (codesign));

  collect_buttons (shown_page (codesign), buttons);
  g_assert_cmpuint (buttons->len, >=, 3 + 2 * 2);
  for (guint i = 0; i < buttons->len; i++)
    {
      char *name = heard_test_ui_dup_accessible_label (buttons->pdata[i]);
      gunichar letter = mnemonic_of (buttons->pdata[i]);

      if (name == NULL)
        continue;
      if (!g_hash_table_add (names, name))
        g_error ("Two buttons are named “%s”", name);
      if (letter != 0 && !g_hash_table_add (letters, GUINT_TO_POINTER (letter)))
        g_error ("Two buttons have the mnemonic U+%04X (one is “%s”)", letter, name);
    }
  g_assert_true (g_hash_table_contains (names, "Add my note to what you said on 1 March 2026"));
  g_assert_true (g_hash_table_contains (names, "Read what you said on 2 March 2026"));
  g_assert_true (g_hash_table_contains (names, "Change my goal for Health"));
  g_assert_true (g_hash_table_contains (names, "What helps me with Education and training"));

  collect_type (shown_page (codesign), GTK_TYPE_LIST_BOX_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *name = heard_test_ui_dup_accessible_label (rows->pdata[i]);

      n_rows += name != NULL && g_str_has_prefix (name, "Something you said on ");
    }
  g_assert_cmpuint (n_rows, ==, 3);

  gtk_window_close (GTK_WINDOW (codesign));
  type_passphrase (codesign, HEARD_TEST_CASEWORKER_PASSPHRASE);
  heard_test_ui_wait_window_gone ("HeardCodesignWindow");
  g_clear_object (&case_file);
  heard_test_ui_stop (the_app);
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
has_size (gpointer data)
{
  return gtk_widget_get_height (data) > 0;
}

static gboolean
practice_shown (gpointer data)
{
  return find_practice_window () != NULL;
}

/* Practice records: said so at the top; Finish, the close button and
 * Escape show the finish page, with no passphrase to type, and only its
 * Finish closes the window. */
static void
test_codesign_practice (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autoptr(HeardPerson) person = NULL;
  HeardCodesignWindow *codesign;
  HeardWindow *practice;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  g_action_group_activate_action (G_ACTION_GROUP (the_app), "practice", NULL);
  heard_test_ui_wait_until (practice_shown, NULL, "the practice records");
  practice = find_practice_window ();
  person = g_list_model_get_item (_heard_window_get_shown_people (practice), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (practice), "win.open-person", "(xs)",
                                             heard_person_get_id (person), "plan"));
  codesign = open_codesign (practice);
  assert_shows (GTK_WINDOW (codesign), "Practice. Everyone here is made up.");
  heard_test_ui_wait_until (has_size, codesign, "co-design mode laid out");
  heard_test_ui_screenshot (GTK_WINDOW (codesign), "codesign-practice");

  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (codesign), GDK_KEY_Escape, 0));
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "leave");
  g_assert_false (gtk_widget_get_mapped (_heard_codesign_window_get_passphrase_entry (codesign)));
  assert_shows (GTK_WINDOW (codesign), "Practice records need no passphrase.");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (codesign));
  heard_test_ui_screenshot (GTK_WINDOW (codesign), "codesign-practice-leave");
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (codesign), GDK_KEY_Escape, 0));
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "together");

  gtk_window_close (GTK_WINDOW (codesign));
  g_assert_cmpstr (_heard_codesign_window_get_visible_page (codesign), ==, "leave");
  g_assert_true (heard_test_ui_find_window ("HeardCodesignWindow") == GTK_WINDOW (codesign));
  g_signal_emit_by_name (find_button (shown_page (codesign), "_Finish"), "clicked");
  heard_test_ui_wait_window_gone ("HeardCodesignWindow");

  gtk_window_destroy (GTK_WINDOW (practice));
  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

int
main (int   argc,
      char *argv[])
{
  the_app = heard_test_ui_init (&argc, &argv);
  g_test_add_func ("/ui/codesign/walls", test_codesign_walls);
  g_test_add_func ("/ui/codesign/say", test_codesign_say);
  g_test_add_func ("/ui/codesign/session", test_codesign_session);
  g_test_add_func ("/ui/codesign/newest-words", test_codesign_newest_words);
  g_test_add_func ("/ui/codesign/escape-keeps", test_codesign_escape_keeps);
  g_test_add_func ("/ui/codesign/names", test_codesign_names);
  g_test_add_func ("/ui/codesign/practice", test_codesign_practice);
  g_test_add_func ("/ui/codesign/story", test_codesign_story);
  return g_test_run ();
}

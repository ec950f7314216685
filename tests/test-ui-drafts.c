/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-drafts"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <adwaita.h>

#include "heard-choice-row.h"
#include "heard-dialog.h"
#include "heard-person-page.h"
#include "heard-plan-view.h"
#include "heard-statement-form.h"
#include "heard-statements-view.h"
#include "heard-supervisor-editor.h"
#include "heard-test-ui.h"
#include "heard-test-utils.h"

/*
 * Nothing typed is lost, under Xvfb. A caseworker writing a young person's
 * words locks Heard: the editor goes, and after the unlock it is back with
 * the words and the cursor where it was. Heard killed mid-sentence offers
 * what was kept a moment before, on the next start, naming the young person
 * as they like to be called. And a draft is only ever in the encrypted
 * records: a marker typed into one is in no file of the data folder. Nor is
 * only the text kept: every choice made in an editor (how the words were
 * given, a switch, a ticked box, an option in a list, a day) is back as it
 * was after the unlock, never quietly its default.
 */

/* Typed into drafts: found in a file, it would be a draft kept in plain. */
#define MARKER "Zephyrine7731"
#define WORDS "He waited outside school. " MARKER " I did not want to go."
/* Typed after the last draft was kept, just before Heard is killed. */
#define LATE_WORDS " And then"
/* Where the cursor is left: after "He waited". */
#define CURSOR 9
/* Typed there just before a lock, and what the words are then. */
#define MORE_WORDS " and waited"
#define WORDS_AND_MORE "He waited and waited outside school. " MARKER " I did not want to go."
/* A day chosen in an editor, as stored. */
#define CHOSEN_DAY "2026-11-30"

static HeardApplication *the_app;

static HeardPersonPage *
person_page (void)
{
  return HEARD_PERSON_PAGE (_heard_window_get_person_page (heard_test_ui_active_window (the_app)));
}

static HeardContext *
active_context (void)
{
  HeardContext *context = NULL;

  g_object_get (heard_test_ui_active_window (the_app), "context", &context, NULL);
  g_object_unref (context);

  return context;
}

static void
start_with_jade (const char *data_dir)
{
  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  heard_test_ui_add_person (the_app, "Jade Mensah", "Jade");
  heard_person_page_show_view (person_page (), "statements");
}

static GtkTextView *
words_view (GtkWindow *editor)
{
  HeardStatementForm *form =
    HEARD_STATEMENT_FORM (heard_test_ui_find_descendant (GTK_WIDGET (editor),
                                                         HEARD_TYPE_STATEMENT_FORM, NULL));

  return heard_statement_form_get_words_view (form);
}

static char *
dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static int
cursor_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

/* Opens a new statement's editor, types @text in its words and leaves the
 * cursor at @cursor there. */
static GtkWindow *
write_statement (const char *text,
                 int         cursor)
{
  HeardStatementsView *view = HEARD_STATEMENTS_VIEW (heard_person_page_get_statements_view (
                                                       person_page ()));
  GtkWindow *editor;
  GtkTextView *words;
  GtkTextIter at;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "statements.record", NULL));
  editor = heard_test_ui_wait_for_window ("HeardStatementEditor");
  words = words_view (editor);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (words), text, -1);
  gtk_widget_grab_focus (GTK_WIDGET (words));
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (words), &at, cursor);
  gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (words), &at);

  return editor;
}

typedef struct
{
  GPtrArray *drafts;
  gboolean   done;
} Listing;

static void
drafts_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Listing *listing = user_data;
  g_autoptr(GError) error = NULL;

  listing->drafts = heard_context_list_drafts_finish (HEARD_CONTEXT (object), result, &error);
  g_assert_no_error (error);
  listing->done = TRUE;
}

static gboolean
is_done (gpointer data)
{
  return ((Listing *) data)->done;
}

/* The drafts kept in the records now. */
static GPtrArray *
list_drafts (void)
{
  Listing listing = { NULL, FALSE };

  heard_context_list_drafts_async (active_context (), NULL, drafts_listed_cb, &listing);
  heard_test_ui_wait_until (is_done, &listing, "the drafts listed");

  return listing.drafts;
}

static gboolean
draft_holds_words (gpointer data)
{
  g_autoptr(GPtrArray) drafts = list_drafts ();

  return drafts->len == 1 &&
         g_strcmp0 (heard_draft_get_field (g_ptr_array_index (drafts, 0), "words_view"),
                    data) == 0;
}

static gboolean
holds_bytes (const char *contents,
             gsize       length,
             const char *marker)
{
  gsize marker_length = strlen (marker);

  for (gsize i = 0; i + marker_length <= length; i++)
    if (memcmp (contents + i, marker, marker_length) == 0)
      return TRUE;

  return FALSE;
}

/* No file in @dir (or below) holds @marker as it was typed. */
static void
assert_nowhere_in_plain (const char *dir,
                         const char *marker)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          assert_nowhere_in_plain (path, marker);
          continue;
        }
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      if (holds_bytes (contents, length, marker))
        g_error ("%s holds a draft in plain", path);
    }
}

static gboolean
editor_is_gone (gpointer data)
{
  return heard_test_ui_find_window ("HeardStatementEditor") == NULL;
}

/* Locked mid-sentence: the editor goes, its draft kept in the encrypted
 * records only, and comes back after the unlock with the words, the focus
 * and the cursor. Saved, it is kept no more: the next lock brings nothing
 * back. */
static void
test_lock_and_unlock (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  HeardWindow *window;
  GtkWindow *editor;
  GtkTextView *words;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) drafts = NULL;

  start_with_jade (data_dir);
  write_statement (WORDS, CURSOR);
  window = heard_test_ui_active_window (the_app);

  /* Kept a moment after typing stops, while the records are open. */
  heard_test_ui_wait_until (draft_holds_words, (gpointer) WORDS, "the draft kept");
  assert_nowhere_in_plain (data_dir, MARKER);

  /* Then more, and the lock comes at once: the lock itself keeps it. */
  editor = heard_test_ui_find_window ("HeardStatementEditor");
  words = words_view (editor);
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (words), MORE_WORDS, -1);
  /* Ctrl+L in the editor locks, as it does in the window. */
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (editor), GDK_KEY_l, GDK_CONTROL_MASK));
  heard_test_ui_wait_for_lock (the_app);
  g_assert_null (heard_test_ui_find_window ("HeardStatementEditor"));
  assert_nowhere_in_plain (data_dir, MARKER);

  heard_test_ui_wait_for_state (the_app, "records");
  editor = heard_test_ui_wait_for_window ("HeardStatementEditor");
  /* Asked nothing: the same editor is simply back. */
  g_assert_null (heard_test_ui_find_window ("AdwMessageDialog"));
  words = words_view (editor);
  text = dup_text (words);
  g_assert_cmpstr (text, ==, WORDS_AND_MORE);
  g_assert_cmpint (cursor_of (words), ==, CURSOR + g_utf8_strlen (MORE_WORDS, -1));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (editor), GTK_WIDGET (words)) ||
                 gtk_window_get_focus (editor) == GTK_WIDGET (words));

  heard_test_ui_save_dialog (editor, "HeardStatementEditor");
  drafts = list_drafts ();
  g_assert_cmpuint (drafts->len, ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  heard_test_ui_wait_for_lock (the_app);
  heard_test_ui_wait_for_state (the_app, "records");
  heard_test_ui_hold (editor_is_gone, NULL, 500, "no editor back after saving");

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

/* Locks Heard from @window and unlocks it again, as the caseworker would. */
static void
lock_and_unlock (HeardWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  heard_test_ui_wait_for_lock (the_app);
  heard_test_ui_wait_for_state (the_app, "records");
}

static GtkSwitch *
sensitive_switch (GtkWindow *editor)
{
  GtkWidget *row = heard_test_ui_find_descendant (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW,
                                                  "Sensitive");

  g_assert_nonnull (row);
  return GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
}

static GtkCheckButton *
share_check (GtkWindow  *editor,
             const char *agency)
{
  GtkWidget *row = heard_test_ui_find_descendant (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW,
                                                  agency);

  g_assert_nonnull (row);
  return GTK_CHECK_BUTTON (heard_test_ui_find_descendant (row, GTK_TYPE_CHECK_BUTTON, NULL));
}

static AdwComboRow *
choice_row (GtkWindow  *editor,
            const char *title)
{
  GtkWidget *row = heard_test_ui_find_descendant (GTK_WIDGET (editor), HEARD_TYPE_CHOICE_ROW,
                                                  title);

  g_assert_nonnull (row);
  return ADW_COMBO_ROW (row);
}

static GtkEditable *
entry_row (GtkWindow  *editor,
           const char *title)
{
  GtkWidget *row = heard_test_ui_find_descendant (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  return GTK_EDITABLE (row);
}

/* A statement given through an interpreter, read back and disagreed with,
 * sensitive and shared with the police, locked before it is saved: after
 * the unlock it says all that still, and the record it will save follows
 * (its content note can be written, as for a sensitive statement). */
static void
test_choices_kept (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *shown_day = NULL;
  HeardWindow *window;
  GtkWindow *editor;

  start_with_jade (data_dir);
  window = heard_test_ui_active_window (the_app);
  shown_day = heard_test_ui_dup_shown_day (CHOSEN_DAY);
  editor = write_statement (WORDS, CURSOR);
  adw_combo_row_set_selected (choice_row (editor, "How they gave them"),
                              HEARD_GIVEN_INTERPRETED);
  adw_combo_row_set_selected (choice_row (editor, "Read back"), HEARD_READ_BACK_DISAGREED);
  gtk_editable_set_text (entry_row (editor, "Day"), shown_day);
  gtk_switch_set_active (sensitive_switch (editor), TRUE);
  gtk_check_button_set_active (share_check (editor, "Police"), TRUE);

  lock_and_unlock (window);
  editor = heard_test_ui_wait_for_window ("HeardStatementEditor");
  g_assert_cmpuint (adw_combo_row_get_selected (choice_row (editor, "How they gave them")), ==,
                    HEARD_GIVEN_INTERPRETED);
  g_assert_cmpuint (adw_combo_row_get_selected (choice_row (editor, "Read back")), ==,
                    HEARD_READ_BACK_DISAGREED);
  g_assert_cmpstr (gtk_editable_get_text (entry_row (editor, "Day")), ==, shown_day);
  g_assert_true (gtk_switch_get_active (sensitive_switch (editor)));
  g_assert_true (gtk_check_button_get_active (share_check (editor, "Police")));
  g_assert_false (gtk_check_button_get_active (share_check (editor, "School or college")));
  /* The statement being edited is sensitive too, not only the switch. */
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (entry_row (
                   editor, "Content note (what a reader should know first)"))));

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

static gboolean
offer_shown (gpointer data)
{
  return heard_test_ui_find_window ("AdwMessageDialog") != NULL;
}

/* Killed mid-typing (SIGKILL: nothing of Heard runs), the next start asks
 * about what was kept a moment before, naming the young person as they
 * like to be called; Carry On opens the editor with it. */
static void
test_killed_mid_typing (void)
{
  g_autofree char *data_dir = NULL;
  AdwMessageDialog *offer;
  GtkWindow *editor;
  g_autofree char *text = NULL;

  if (g_test_subprocess ())
    {
      GtkTextBuffer *buffer;
      GtkTextIter end;

      start_with_jade (g_getenv ("HEARD_TEST_DRAFTS_DIR"));
      editor = write_statement (WORDS, CURSOR);
      heard_test_ui_wait_until (draft_holds_words, (gpointer) WORDS, "the draft kept");
      buffer = gtk_text_view_get_buffer (words_view (editor));
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, LATE_WORDS, -1);
      kill (getpid (), SIGKILL);
      g_assert_not_reached ();
    }

  data_dir = heard_test_make_dir ();
  g_setenv ("HEARD_TEST_DRAFTS_DIR", data_dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();
  g_unsetenv ("HEARD_TEST_DRAFTS_DIR");
  assert_nowhere_in_plain (data_dir, MARKER);

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "records");
  heard_test_ui_wait_until (offer_shown, NULL, "the draft offered");
  offer = ADW_MESSAGE_DIALOG (heard_test_ui_find_window ("AdwMessageDialog"));
  g_assert_cmpstr (adw_message_dialog_get_body (offer), ==,
                   "You were writing a statement for Jade when Heard closed.");
  g_assert_cmpstr (adw_message_dialog_get_response_label (offer, "carry-on"), ==, "_Carry On");
  g_assert_cmpstr (adw_message_dialog_get_response_label (offer, "throw-away"), ==,
                   "_Throw Away");
  g_assert_null (heard_test_ui_find_window ("HeardStatementEditor"));

  adw_message_dialog_response (offer, "carry-on");
  editor = heard_test_ui_wait_for_window ("HeardStatementEditor");
  text = dup_text (words_view (editor));
  /* What was typed in the last moment before the kill was not kept yet. */
  g_assert_cmpstr (text, ==, WORDS);
  g_assert_cmpint (cursor_of (words_view (editor)), ==, CURSOR);

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

static gboolean
has_plan (gpointer data)
{
  return heard_plan_view_get_plan (data) != NULL;
}

static GtkTextView *
first_text_view (GtkWindow *window)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  heard_test_ui_collect_text_views (GTK_WIDGET (window), views);
  g_assert_cmpuint (views->len, >, 0);

  return g_ptr_array_index (views, 0);
}

/* An area of life not added to the plan yet is an editor too: known by its
 * plan and its kind, it comes back after a lock as it was. */
static void
test_new_area (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *heading = NULL;
  g_autofree char *text = NULL;
  HeardWindow *window;
  HeardPlanView *view;
  GtkWindow *editor;

  start_with_jade (data_dir);
  window = heard_test_ui_active_window (the_app);
  heard_person_page_show_view (person_page (), "plan");
  view = HEARD_PLAN_VIEW (heard_test_ui_find_descendant (GTK_WIDGET (person_page ()),
                                                         HEARD_TYPE_PLAN_VIEW, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.start", NULL));
  heard_test_ui_wait_until (has_plan, view, "a plan started");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.add-area", "u",
                                             HEARD_AREA_HEALTH));
  editor = heard_test_ui_wait_for_window ("HeardAreaEditor");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (first_text_view (editor)), WORDS, -1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  heard_test_ui_wait_for_lock (the_app);
  g_assert_null (heard_test_ui_find_window ("HeardAreaEditor"));
  heard_test_ui_wait_for_state (the_app, "records");
  editor = heard_test_ui_wait_for_window ("HeardAreaEditor");
  g_object_get (editor, "heading", &heading, NULL);
  g_assert_cmpstr (heading, ==, "Add Health to the Plan");
  text = dup_text (first_text_view (editor));
  g_assert_cmpstr (text, ==, WORDS);

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

static gboolean
has_health_area (gpointer data)
{
  HeardPlan *plan = heard_plan_view_get_plan (data);

  return plan != NULL && heard_plan_find_area (plan, HEARD_AREA_HEALTH) != NULL;
}

/* An action not saved yet, owned by the police and stuck, with a day to be
 * done by: after a lock it is back with its agency and status chosen, not
 * the first in each list. */
static void
test_action_choices_kept (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *shown_day = NULL;
  g_autofree char *text = NULL;
  HeardWindow *window;
  HeardPlanView *view;
  GtkWindow *editor;
  gint64 area_id;

  start_with_jade (data_dir);
  window = heard_test_ui_active_window (the_app);
  shown_day = heard_test_ui_dup_shown_day (CHOSEN_DAY);
  heard_person_page_show_view (person_page (), "plan");
  view = HEARD_PLAN_VIEW (heard_test_ui_find_descendant (GTK_WIDGET (person_page ()),
                                                         HEARD_TYPE_PLAN_VIEW, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.start", NULL));
  heard_test_ui_wait_until (has_plan, view, "a plan started");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.add-area", "u",
                                             HEARD_AREA_HEALTH));
  editor = heard_test_ui_wait_for_window ("HeardAreaEditor");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (first_text_view (editor)), WORDS, -1);
  heard_test_ui_save_dialog (editor, "HeardAreaEditor");
  heard_test_ui_wait_until (has_health_area, view, "the area in the plan");
  area_id = heard_plan_area_get_id (heard_plan_find_area (heard_plan_view_get_plan (view),
                                                          HEARD_AREA_HEALTH));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.add-action", "x",
                                             area_id));
  editor = heard_test_ui_wait_for_window ("HeardActionEditor");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (first_text_view (editor)), WORDS, -1);
  adw_combo_row_set_selected (choice_row (editor, "Agency that owns it"), HEARD_AGENCY_POLICE);
  adw_combo_row_set_selected (choice_row (editor, "Status"), HEARD_ACTION_STUCK);
  gtk_editable_set_text (entry_row (editor, "To be done by"), shown_day);

  lock_and_unlock (window);
  editor = heard_test_ui_wait_for_window ("HeardActionEditor");
  text = dup_text (first_text_view (editor));
  g_assert_cmpstr (text, ==, WORDS);
  g_assert_cmpuint (adw_combo_row_get_selected (choice_row (editor, "Agency that owns it")), ==,
                    HEARD_AGENCY_POLICE);
  g_assert_cmpuint (adw_combo_row_get_selected (choice_row (editor, "Status")), ==,
                    HEARD_ACTION_STUCK);
  g_assert_cmpstr (gtk_editable_get_text (entry_row (editor, "To be done by")), ==, shown_day);

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

/* A draft holds every text field by its name, and never a passphrase, not
 * even inside the encrypted records. */
static void
test_no_passphrase (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autoptr(HeardDraft) draft = NULL;
  GtkWindow *editor;
  GHashTableIter iter;
  gpointer name, text;
  GtkWidget *row;

  start_with_jade (data_dir);
  editor = GTK_WINDOW (heard_supervisor_editor_new (GTK_WINDOW (heard_test_ui_active_window (
                                                                  the_app)),
                                                    active_context (), NULL));
  heard_dialog_keep_drafts (HEARD_DIALOG (editor), active_context (), HEARD_DRAFT_PERSON, 0, 0, 0);
  gtk_window_present (editor);
  heard_test_ui_set_row_text (GTK_WIDGET (editor), "Name, as it appears beside decisions",
                              "Sam Okafor");
  row = heard_test_ui_find_descendant (GTK_WIDGET (editor), ADW_TYPE_PASSWORD_ENTRY_ROW, NULL);
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), MARKER);

  draft = heard_dialog_dup_draft (HEARD_DIALOG (editor));
  g_assert_cmpstr (heard_draft_get_field (draft, "name_row"), ==, "Sam Okafor");
  g_hash_table_iter_init (&iter, heard_draft_get_fields (draft));
  while (g_hash_table_iter_next (&iter, &name, &text))
    g_assert_null (strstr (text, MARKER));

  gtk_window_destroy (editor);
  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

int
main (int   argc,
      char *argv[])
{
  the_app = heard_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/drafts/lock-and-unlock", test_lock_and_unlock);
  g_test_add_func ("/ui/drafts/killed-mid-typing", test_killed_mid_typing);
  g_test_add_func ("/ui/drafts/no-passphrase", test_no_passphrase);
  g_test_add_func ("/ui/drafts/new-area", test_new_area);
  g_test_add_func ("/ui/drafts/choices-kept", test_choices_kept);
  g_test_add_func ("/ui/drafts/action-choices-kept", test_action_choices_kept);

  return g_test_run ();
}

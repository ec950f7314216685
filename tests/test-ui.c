/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-ui"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "heard-content-note.h"
#include "heard-date.h"
#include "heard-dialog.h"
#include "heard-enum-binding.h"
#include "heard-person-page.h"
#include "heard-plan-action.h"
#include "heard-test-keyring.h"
#include "heard-test-ui.h"
#include "heard-test-utils.h"

/*
 * Drives the real window under Xvfb the way a caseworker would: first start
 * with its recovery code, adding people through the same actions the buttons
 * and shortcuts use, finding them by search, and coming back to them after a
 * restart that unlocks silently from the keyring.
 */

/* One application for the whole run; each test opens its own window on its
 * own records folder, as the application does when it activates. */
static HeardApplication *the_app;

static void
wait_for_shown (HeardApplication *app,
                guint             count)
{
  heard_test_ui_wait_for_shown_people (app, count);
}

static void
test_add_and_find_people (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  HeardWindow *window;
  GtkEditable *search;
  HeardPersonPage *page;

  heard_test_ui_start (the_app, data_dir);
  window = heard_test_ui_active_window (the_app);
  /* The window is up before the keyring or database has answered. */
  g_assert_cmpstr (_heard_window_get_visible_state (window), ==, "opening");

  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  g_assert_cmpstr (_heard_window_get_visible_content (window), ==, "empty");

  heard_test_ui_add_person (the_app, "Amira Khan", "Mira");
  wait_for_shown (the_app, 1);
  heard_test_ui_add_person (the_app, "Jordan Lee", "");
  wait_for_shown (the_app, 2);

  /* The newest person is selected and shown, sensitive text still hidden. */
  page = HEARD_PERSON_PAGE (_heard_window_get_person_page (window));
  g_assert_cmpstr (_heard_window_get_visible_content (window), ==, "person");
  g_assert_cmpstr (heard_person_get_display_name (heard_person_page_get_person (page)), ==,
                   "Jordan Lee");
  g_assert_false (heard_person_page_get_sensitive_text_shown (page));

  search = _heard_window_get_search_entry (window);
  gtk_editable_set_text (search, "mir");
  wait_for_shown (the_app, 1);
  {
    g_autoptr(HeardPerson) found = g_list_model_get_item (_heard_window_get_shown_people (window),
                                                          0);

    g_assert_cmpstr (heard_person_get_display_name (found), ==, "Amira Khan");
  }

  gtk_editable_set_text (search, "nobody-called-this");
  wait_for_shown (the_app, 0);
  g_assert_cmpstr (_heard_window_get_visible_content (window), ==, "no-match");

  gtk_editable_set_text (search, "");
  wait_for_shown (the_app, 2);

  /* Removing takes the shown person off the list; Undo brings them back. */
  {
    HeardPerson *shown = heard_person_page_get_person (page);
    gint64 id = heard_person_get_id (shown);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-person", NULL));
    wait_for_shown (the_app, 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-person", "x",
                                               id));
    wait_for_shown (the_app, 2);
  }

  heard_test_ui_stop (the_app);

  /* A second start unlocks silently from the keyring: no code, same people. */
  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "records");
  wait_for_shown (the_app, 2);
  heard_test_ui_stop (the_app);

  heard_test_remove_dir (data_dir);
}

/* Also checks, while the window and an editor are open, that every control
 * has a name a screen reader can speak. */
static void
test_name_is_required (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  HeardWindow *window;
  GtkWindow *editor;
  GtkWidget *pronouns;
  GtkWidget *birth;
  GtkWidget *name;
  GtkWindow *question;
  const char *message;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  window = heard_test_ui_active_window (the_app);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-person", NULL));
  editor = heard_test_ui_wait_for_window ("HeardPersonEditor");
  /* Every control a screen reader meets, in the window and the editor, has a name. */
  heard_test_ui_assert_every_control_named (GTK_WIDGET (window));
  heard_test_ui_assert_every_control_named (GTK_WIDGET (editor));

  heard_test_ui_set_row_text (GTK_WIDGET (editor), "Pronouns", "they/them");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "dialog.save", NULL));

  /* Refused kindly: the editor stays open with what was typed, and says why,
   * beside the name; typing a name takes the message away. */
  g_assert_nonnull (heard_test_ui_find_window ("HeardPersonEditor"));
  g_assert_nonnull (heard_dialog_get_error (HEARD_DIALOG (editor)));
  name = heard_test_ui_find_descendant (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Name to show");
  heard_test_ui_assert_field_error (name, "give a name to show");
  pronouns = heard_test_ui_find_descendant (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Pronouns");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pronouns)), ==, "they/them");
  g_assert_cmpuint (g_list_model_get_n_items (_heard_window_get_shown_people (window)), ==, 0);

  /* A birth date that once wrapped to the year 65214 is refused beside the
   * form, with how to write it, and nothing is saved. */
  heard_test_ui_set_row_text (GTK_WIDGET (editor), "Name to show", "Amira");
  heard_test_ui_assert_no_field_error (name);
  heard_test_ui_set_row_text (GTK_WIDGET (editor), "Date of birth", "-322-3-3");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "dialog.save", NULL));
  g_assert_nonnull (heard_test_ui_find_window ("HeardPersonEditor"));
  message = heard_dialog_get_error (HEARD_DIALOG (editor));
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "The date of birth: "));
  g_assert_nonnull (strstr (message, "2025-03-14"));
  birth = heard_test_ui_find_descendant (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                         "Date of birth");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (birth)), ==, "-322-3-3");
  g_assert_cmpuint (g_list_model_get_n_items (_heard_window_get_shown_people (window)), ==, 0);
  heard_test_ui_assert_field_error (birth, "The date of birth: ");

  /* A birth in the future is refused beside the field, and nothing is saved. */
  gtk_editable_set_text (GTK_EDITABLE (birth), "2099-04-23");
  heard_test_ui_assert_no_field_error (birth);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "dialog.save", NULL));
  g_assert_nonnull (heard_test_ui_find_window ("HeardPersonEditor"));
  heard_test_ui_assert_field_error (birth, "The date of birth is in the future (23 April 2099)");
  g_assert_cmpuint (g_list_model_get_n_items (_heard_window_get_shown_people (window)), ==, 0);

  /* A day chosen in the calendar beside it is written in the locale's way. */
  {
    GtkWidget *popover = heard_test_ui_find_descendant (birth, GTK_TYPE_POPOVER, NULL);
    GtkWidget *calendar = heard_test_ui_find_descendant (birth, GTK_TYPE_CALENDAR, NULL);
    g_autoptr(GDateTime) day = g_date_time_new_local (2009, 4, 23, 12, 0, 0);
    g_autofree char *expected = NULL;
    GDate date;

    g_assert_nonnull (popover);
    gtk_popover_popup (GTK_POPOVER (popover));
    gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
    g_signal_emit_by_name (calendar, "day-selected");
    g_date_clear (&date, 1);
    g_date_set_dmy (&date, 23, G_DATE_APRIL, 2009);
    expected = heard_date_format_numeric (&date);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (birth)), ==, expected);
    heard_test_ui_assert_no_field_error (birth);
  }

  /* A box that holds too much is named, and the message is beside it. */
  {
    g_autofree char *long_text = g_strnfill (501, 'a');

    gtk_editable_set_text (GTK_EDITABLE (pronouns), long_text);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "dialog.save", NULL));
    heard_test_ui_assert_field_error (pronouns, "“Pronouns” holds more than Heard can keep "
                                                "(at most 500 characters)");
    gtk_editable_set_text (GTK_EDITABLE (pronouns), "they/them");
    heard_test_ui_assert_no_field_error (pronouns);
  }

  /* Every choice can be read in full, in the list and once chosen. */
  heard_test_ui_assert_choices_readable (GTK_WIDGET (editor));

  /* Closing asks first; keeping writing keeps everything typed. */
  gtk_window_close (editor);
  question = heard_test_ui_wait_for_window ("AdwMessageDialog");
  /* As a click does: answer, then the question closes. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "keep");
  gtk_window_close (question);
  heard_test_ui_wait_window_gone ("AdwMessageDialog");
  g_assert_nonnull (heard_test_ui_find_window ("HeardPersonEditor"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pronouns)), ==, "they/them");

  /* Throwing it away closes the editor cleanly (criticals are fatal here). */
  gtk_window_close (editor);
  question = heard_test_ui_wait_for_window ("AdwMessageDialog");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "discard");
  gtk_window_close (question);
  heard_test_ui_wait_window_gone ("HeardPersonEditor");
  heard_test_ui_wait_window_gone ("AdwMessageDialog");

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

static gboolean
shows_error (gpointer data)
{
  return gtk_widget_get_visible (data);
}

/* The key is gone from the keyring: the recovery code is asked for. A code
 * that is refused leaves the caseworker in the field, ready to retype it. */
static void
test_refused_code_keeps_focus (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *info_path = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  GList *items;
  HeardWindow *window;
  GtkWidget *page;
  GtkWidget *code;
  GtkWidget *error_label;
  GtkWidget *focus;
  int start, end;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  heard_test_ui_stop (the_app);

  /* Only this test's key goes: the one for the uuid in its records' note. */
  info_path = g_build_filename (data_dir, "heard.ini", NULL);
  g_assert_true (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL));
  uuid = g_key_file_get_string (info, "database", "uuid", NULL);
  g_assert_true (g_uuid_string_is_valid (uuid));
  items = heard_test_keyring_search_all (uuid);
  g_assert_nonnull (items);
  for (GList *l = items; l != NULL; l = l->next)
    g_assert_true (secret_item_delete_sync (l->data, NULL, NULL));
  g_list_free_full (items, g_object_unref);

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "unlock");
  window = heard_test_ui_active_window (the_app);
  page = _heard_window_get_unlock_page (window);
  code = heard_test_ui_find_descendant (page, GTK_TYPE_ENTRY, NULL);
  error_label = heard_test_ui_find_by_css_class (page, "error");
  g_assert_nonnull (code);
  g_assert_nonnull (error_label);

  gtk_editable_set_text (GTK_EDITABLE (code), "ABCD-EFGH");
  g_assert_true (gtk_widget_activate_action (page, "unlock.recovery-code", NULL));
  heard_test_ui_wait_until (shows_error, error_label, "the code to be refused");
  g_assert_cmpstr (_heard_window_get_visible_state (window), ==, "unlock");

  /* Focus is back in the field, and all of what was typed is selected. */
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == code || gtk_widget_is_ancestor (focus, code));
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (code), &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, (int) strlen ("ABCD-EFGH"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code)), ==, "ABCD-EFGH");

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

/* A widget of @type on screen below @root; with @action, a button for it. */
static GtkWidget *
find_shown (GtkWidget  *root,
            GType       type,
            const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_mapped (child))
        continue;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (action == NULL ||
           g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0))
        return child;

      found = find_shown (child, type, action);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
run_locked_keyring (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  HeardWindow *window;
  GtkWidget *page;
  GtkWidget *status;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  heard_test_ui_add_person (the_app, "Amira Khan", "");
  wait_for_shown (the_app, 1);
  heard_test_ui_stop (the_app);

  heard_test_lock_default_collection_from_disk ();
  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "unlock");
  window = heard_test_ui_active_window (the_app);
  page = _heard_window_get_unlock_page (window);

  status = heard_test_ui_find_descendant (page, ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "Your Keyring Is Locked");
  g_assert_nonnull (find_shown (page, GTK_TYPE_BUTTON, "unlock.keyring"));
  /* No field for the recovery code is on screen. */
  g_assert_null (find_shown (page, GTK_TYPE_ENTRY, NULL));
  g_assert_null (find_shown (page, GTK_TYPE_BUTTON, "unlock.recovery-code"));

  /* Unlocked without touching Heard, as by the desktop's own prompt. */
  heard_test_unlock_default_collection ();
  heard_test_ui_wait_for_state (the_app, "records");
  wait_for_shown (the_app, 1);

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

static void
run_fresh_install_prompt_cancelled (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *db_path = g_build_filename (data_dir, "heard.db", NULL);
  g_autofree char *info_path = g_build_filename (data_dir, "heard.ini", NULL);
  HeardWindow *window;
  GtkWidget *page;

  /* Storing the first key asks to unlock the keyring; test-session's
   * keyring answers every prompt with Cancel. */
  heard_test_lock_default_collection ();
  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "unlock");
  window = heard_test_ui_active_window (the_app);
  page = _heard_window_get_unlock_page (window);

  /* Nothing was made, so there is no recovery code to offer: only Try Again. */
  g_assert_false (g_file_test (db_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (info_path, G_FILE_TEST_EXISTS));
  g_assert_null (find_shown (page, GTK_TYPE_BUTTON, "unlock.use-recovery-code"));
  g_assert_nonnull (find_shown (page, GTK_TYPE_BUTTON, "unlock.retry"));

  /* With the keyring unlocked, Try Again sets Heard up after all. */
  heard_test_unlock_default_collection ();
  g_assert_true (gtk_widget_activate_action (page, "unlock.retry", NULL));
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

/* Whether @text is anywhere below @root, shown or not: a label, a field. */
static gboolean
holds_text (GtkWidget  *root,
            const char *text)
{
  const char *shown = NULL;

  if (GTK_IS_LABEL (root))
    shown = gtk_label_get_text (GTK_LABEL (root));
  else if (GTK_IS_EDITABLE (root))
    shown = gtk_editable_get_text (GTK_EDITABLE (root));
  if (shown != NULL && strstr (shown, text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (holds_text (child, text))
      return TRUE;

  return FALSE;
}

static gboolean
names_nobody (gpointer data)
{
  return !holds_text (data, "Amira") && !holds_text (data, "Mira");
}

/* Ctrl+L locks: a calm page, no name anywhere in the window, and the
 * Unlock button (focused, for the keyboard) brings the records back. */
static void
test_lock_and_unlock (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_auto(GStrv) accels = NULL;
  HeardWindow *window;
  GtkWidget *page;
  GtkWidget *status;
  GtkWidget *unlock;
  GtkWidget *focus;

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (the_app), "win.lock");
  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "<Control>l");

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  heard_test_ui_add_person (the_app, "Amira Khan", "Mira");
  wait_for_shown (the_app, 1);
  window = heard_test_ui_active_window (the_app);
  gtk_editable_set_text (_heard_window_get_search_entry (window), "Amira");
  g_assert_true (holds_text (GTK_WIDGET (window), "Amira"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  heard_test_ui_wait_for_state (the_app, "unlock");
  page = _heard_window_get_unlock_page (window);
  status = heard_test_ui_find_descendant (page, ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "Heard Is Locked");
  /* Not even a toast that named them. */
  heard_test_ui_wait_until (names_nobody, window, "no name left in the window");
  g_assert_cmpuint (g_list_model_get_n_items (_heard_window_get_shown_people (window)), ==, 0);

  unlock = find_shown (page, GTK_TYPE_BUTTON, "unlock.retry");
  g_assert_nonnull (unlock);
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (focus == unlock);

  g_assert_true (gtk_widget_activate (unlock));
  heard_test_ui_wait_for_state (the_app, "records");
  wait_for_shown (the_app, 1);

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

/* Runs @run in a subprocess, so that however it ends the keyring is
 * unlocked again for the tests after it. */
static void
run_in_keyring_subprocess (void (*run) (void))
{
  if (g_test_subprocess ())
    {
      run ();
      return;
    }

  g_test_trap_subprocess (NULL, 100 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (heard_test_default_collection_is_locked ())
    heard_test_unlock_default_collection ();
  g_assert_false (heard_test_default_collection_is_locked ());
  g_test_trap_assert_passed ();
}

/* After an automatic log-in the login keyring is locked: the window offers
 * to unlock it, not the recovery code, and opens by itself once the
 * keyring is unlocked some other way. */
static void
test_locked_keyring (void)
{
  run_in_keyring_subprocess (run_locked_keyring);
}

/* A cancelled keyring prompt on a fresh install: no recovery code exists
 * yet, so none is offered. */
static void
test_fresh_install_offers_no_code (void)
{
  run_in_keyring_subprocess (run_fresh_install_prompt_cancelled);
}

/* Words kept behind a content note never size anything: a long hidden
 * text does not make the note, or the window around it, any wider. */
static void
test_content_note_hidden_text_has_no_width (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *note = heard_content_note_new ();
  GtkWidget *words = gtk_label_new (NULL);
  g_autofree char *hidden = g_strnfill (2000, 'x');
  int minimum = 0;
  int natural = 0;

  gtk_label_set_wrap (GTK_LABEL (words), TRUE);
  gtk_label_set_text (GTK_LABEL (words), hidden);
  g_object_set (note, "note", "Describes being held somewhere", "show-label", "_Show",
                "framed", TRUE, "child", words, NULL);
  gtk_window_set_child (GTK_WINDOW (window), note);
  g_assert_false (heard_content_note_get_revealed (HEARD_CONTENT_NOTE (note)));

  gtk_widget_measure (note, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_test_message ("hidden: minimum %d, natural %d", minimum, natural);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_cmpint (natural, <=, 360);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A combo row bound to an enum-typed property follows it both ways,
 * position for value, and an empty selection leaves the stored code alone. */
static void
test_enum_combo_follows_property (void)
{
  g_autoptr(HeardPlanAction) action = heard_plan_action_new (1, 1);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  AdwComboRow *row = ADW_COMBO_ROW (g_object_ref_sink (adw_combo_row_new ()));

  for (guint i = 0; i < HEARD_ACTION_N_STATUSES; i++)
    gtk_string_list_append (statuses, heard_action_status_label (i));
  adw_combo_row_set_model (row, G_LIST_MODEL (statuses));
  heard_plan_action_set_status (action, HEARD_ACTION_STUCK);
  heard_bind_enum_to_combo (action, "status", row);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, HEARD_ACTION_STUCK);

  adw_combo_row_set_selected (row, HEARD_ACTION_IN_PROGRESS);
  g_assert_cmpint (heard_plan_action_get_status (action), ==, HEARD_ACTION_IN_PROGRESS);
  heard_plan_action_set_status (action, HEARD_ACTION_DONE);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, HEARD_ACTION_DONE);

  adw_combo_row_set_selected (row, GTK_INVALID_LIST_POSITION);
  g_assert_cmpint (heard_plan_action_get_status (action), ==, HEARD_ACTION_DONE);

  g_object_unref (row);
}

int
main (int   argc,
      char *argv[])
{
  the_app = heard_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/add-and-find-people", test_add_and_find_people);
  g_test_add_func ("/ui/name-is-required", test_name_is_required);
  g_test_add_func ("/ui/refused-code-keeps-focus", test_refused_code_keeps_focus);
  g_test_add_func ("/ui/lock-and-unlock", test_lock_and_unlock);
  g_test_add_func ("/ui/locked-keyring-opens-by-itself", test_locked_keyring);
  g_test_add_func ("/ui/fresh-install-offers-no-code", test_fresh_install_offers_no_code);
  g_test_add_func ("/ui/content-note-hidden-text-has-no-width",
                   test_content_note_hidden_text_has_no_width);
  g_test_add_func ("/ui/enum-combo-follows-property", test_enum_combo_follows_property);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-ui"

#include "config.h"

#include <adwaita.h>

#include "heard-person-page.h"
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

typedef struct
{
  HeardApplication *app;
  guint             count;
} ShownCount;

static gboolean
shows_count (gpointer data)
{
  ShownCount *expected = data;
  HeardWindow *window = heard_test_ui_active_window (expected->app);
  GListModel *shown = _heard_window_get_shown_people (window);

  return g_list_model_get_n_items (shown) == expected->count;
}

static void
wait_for_shown (HeardApplication *app,
                guint             count)
{
  ShownCount expected = { app, count };
  g_autofree char *what = g_strdup_printf ("%u people in the list", count);

  heard_test_ui_wait_until (shows_count, &expected, what);
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
  GtkWidget *error_label;
  GtkWidget *pronouns;
  GtkWindow *question;

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
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));

  /* Refused kindly: the editor stays open with what was typed, and says why. */
  g_assert_nonnull (heard_test_ui_find_window ("HeardPersonEditor"));
  error_label = heard_test_ui_find_descendant (GTK_WIDGET (editor), GTK_TYPE_REVEALER, NULL);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (error_label)));
  pronouns = heard_test_ui_find_descendant (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Pronouns");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pronouns)), ==, "they/them");
  g_assert_cmpuint (g_list_model_get_n_items (_heard_window_get_shown_people (window)), ==, 0);

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

int
main (int   argc,
      char *argv[])
{
  the_app = heard_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/add-and-find-people", test_add_and_find_people);
  g_test_add_func ("/ui/name-is-required", test_name_is_required);

  return g_test_run ();
}

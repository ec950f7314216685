/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-ui-audit"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "heard-recovery-code.h"
#include "heard-test-ui.h"
#include "heard-test-utils.h"

/*
 * A team lead's view of an audit trail that was cut short behind Heard's
 * back, under Xvfb with the real keyring: the newest entries are deleted
 * from the records file, and at the next start the window says so in a
 * banner above the records, which are all still shown. A save is refused
 * with words that point at the banner. The banner's button opens a dialog
 * taken by keyboard alone: a mistyped code is refused beside the field and
 * kept to be put right, the right one lifts the hold, the banner goes, a
 * toast says saving has resumed, and saving works again.
 */

#define EXPECTED_PROBLEM "The newest 2 entries of the record of changes are missing"
/* The smallest width the window allows (heard-window.ui). */
#define NARROWEST_WINDOW 360

static HeardApplication *the_app;

static void
wait_for_shown (guint count)
{
  heard_test_ui_wait_for_shown_people (the_app, count);
}

static HeardContext *
window_context (void)
{
  g_autoptr(HeardContext) context = NULL;

  g_object_get (heard_test_ui_active_window (the_app), "context", &context, NULL);
  return context;
}

/* Three young people, the trail's head noted in the keyring as on quit, then
 * the newest two entries deleted behind Heard's back. Returns the code. */
static char *
make_records_cut_short (const char *data_dir)
{
  g_autofree char *db_path = g_build_filename (data_dir, "heard.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardKey) key = NULL;
  char *code;
  sqlite3 *db;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  code = heard_test_ui_dup_recovery_code (the_app);
  heard_test_ui_confirm_recovery_code (the_app);
  heard_test_ui_add_person (the_app, "Amira Khan", "Mira");
  heard_test_ui_add_person (the_app, "Jordan Lee", "");
  heard_test_ui_add_person (the_app, "Sam Patel", "");
  wait_for_shown (3);
  /* Nothing is wrong yet, so nothing is said. */
  g_assert_false (gtk_revealer_get_reveal_child (
    GTK_REVEALER (_heard_window_get_audit_banner (heard_test_ui_active_window (the_app)))));

  heard_test_save_anchor (window_context ());
  heard_test_ui_stop (the_app);

  key = heard_recovery_code_parse (code, &error);
  g_assert_no_error (error);
  db = heard_test_raw_open (db_path, key);
  heard_test_exec_behind_trigger (db, "audit_no_delete",
                                  "DELETE FROM audit WHERE id > (SELECT max (id) - 2 FROM audit)");
  sqlite3_close (db);

  return code;
}

static gboolean
is_revealed (gpointer data)
{
  /* Shown whole: a banner that comes after the records slides in. */
  return gtk_revealer_get_reveal_child (data) && gtk_revealer_get_child_revealed (data);
}

static gboolean
is_hidden (gpointer data)
{
  return !gtk_revealer_get_reveal_child (data);
}

static gboolean
is_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

/* Whether the text Heard shows anywhere below @root contains @text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}

/* A toast below @root that says @text. */
static gboolean
shows_toast (GtkWidget  *root,
             const char *text)
{
  if (g_strcmp0 (gtk_widget_get_css_name (root), "toast") == 0)
    return shows_text (root, text);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_toast (child, text))
      return TRUE;

  return FALSE;
}

static gboolean
shows_resumed_toast (gpointer data)
{
  return shows_toast (data, "Saving has resumed");
}

static gboolean
focus_is_in (GtkWindow *window,
             GtkWidget *widget)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

typedef struct
{
  GtkWindow *window;
  GtkWidget *widget;
} Focus;

static gboolean
has_focus_in (gpointer data)
{
  Focus *focus = data;

  return focus_is_in (focus->window, focus->widget);
}

/* Enter in @entry: its text's key binding for Return emits "activate". */
static void
press_enter_in (GtkWidget *entry)
{
  GtkWidget *text = heard_test_ui_find_descendant (entry, GTK_TYPE_TEXT, NULL);

  g_assert_nonnull (text);
  g_signal_emit_by_name (text, "activate");
}

/* The banner's button, activated as Enter or Space on it would; waits for
 * the dialog and for the keyboard focus in its code field. */
static GtkWindow *
open_review (GtkWidget  *button,
             GtkWidget **entry)
{
  GtkWindow *dialog;
  Focus focus;

  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_true (gtk_widget_activate (button));
  dialog = heard_test_ui_wait_for_window ("HeardAuditProblemDialog");
  *entry = heard_test_ui_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL);
  g_assert_nonnull (*entry);

  focus.window = dialog;
  focus.widget = *entry;
  heard_test_ui_wait_until (has_focus_in, &focus, "the focus in the recovery code field");

  return dialog;
}

static void
test_problem_shown_and_acknowledged (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *code = make_records_cut_short (data_dir);
  g_autofree char *mistyped = g_strdup (code);
  HeardWindow *window;
  GtkWidget *banner;
  GtkWidget *button;
  GtkWindow *editor;
  GtkWindow *dialog;
  GtkWidget *entry;
  GtkWidget *error_label;
  GtkWidget *editor_error;
  GtkWindow *question;
  int min_width = 0;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "records");
  window = heard_test_ui_active_window (the_app);

  /* Every record is still shown, under a banner that names the problem. */
  wait_for_shown (3);
  banner = _heard_window_get_audit_banner (window);
  heard_test_ui_wait_until (is_revealed, banner, "the audit trail banner");
  g_test_message ("found: %s", heard_context_get_audit_problem (window_context ()));
  g_assert_true (shows_text (banner, EXPECTED_PROBLEM));
  g_assert_true (shows_text (banner, "nothing has been deleted or hidden"));
  g_assert_true (shows_text (banner, "Nothing new can be saved until someone with the "
                                     "recovery code"));
  heard_test_ui_assert_every_control_named (GTK_WIDGET (window));

  /* Its words wrap: it never makes the window wider than it may be. */
  gtk_widget_measure (banner, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, NARROWEST_WINDOW);

  /* A save is refused, what was typed stays, and the refusal points at
   * the banner. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-person", NULL));
  editor = heard_test_ui_wait_for_window ("HeardPersonEditor");
  heard_test_ui_set_row_text (GTK_WIDGET (editor), "Name to show", "Dana Rossi");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "dialog.save", NULL));
  editor_error = heard_test_ui_find_descendant (GTK_WIDGET (editor), GTK_TYPE_REVEALER, NULL);
  heard_test_ui_wait_until (is_revealed, editor_error, "the save to be refused");
  g_assert_true (shows_text (editor_error, "described at the top of Heard's main window"));
  g_assert_nonnull (heard_test_ui_find_window ("HeardPersonEditor"));
  g_assert_cmpuint (g_list_model_get_n_items (_heard_window_get_shown_people (window)), ==, 3);
  gtk_window_close (editor);
  question = heard_test_ui_wait_for_window ("AdwMessageDialog");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "discard");
  gtk_window_close (question);
  heard_test_ui_wait_window_gone ("HeardPersonEditor");
  heard_test_ui_wait_window_gone ("AdwMessageDialog");

  /* The button opens the review with the focus in the code field. */
  button = heard_test_ui_find_descendant (banner, GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                   "win.review-audit-problem");
  dialog = open_review (button, &entry);
  g_assert_true (shows_text (GTK_WIDGET (dialog), EXPECTED_PROBLEM));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Nothing is erased"));
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));

  /* Escape (the dialog's binding for window.close) leaves everything as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  heard_test_ui_wait_window_gone ("HeardAuditProblemDialog");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  dialog = open_review (button, &entry);

  /* A typing mistake is refused beside the field, and what was typed stays. */
  mistyped[0] = mistyped[0] == 'A' ? 'B' : 'A';
  gtk_editable_set_text (GTK_EDITABLE (entry), mistyped);
  press_enter_in (entry);
  error_label = heard_test_ui_find_by_css_class (GTK_WIDGET (dialog), "error");
  g_assert_nonnull (error_label);
  heard_test_ui_wait_until (is_visible, error_label, "the mistyped code to be refused");
  g_assert_true (gtk_widget_get_parent (error_label) == gtk_widget_get_parent (entry));
  g_assert_true (shows_text (error_label, "typing mistake"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, mistyped);
  g_assert_true (focus_is_in (dialog, entry));
  g_assert_nonnull (heard_test_ui_find_window ("HeardAuditProblemDialog"));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_nonnull (heard_context_get_audit_problem (window_context ()));

  /* The right code: the dialog closes, the banner goes, a toast says so. */
  gtk_editable_set_text (GTK_EDITABLE (entry), code);
  press_enter_in (entry);
  heard_test_ui_wait_window_gone ("HeardAuditProblemDialog");
  heard_test_ui_wait_until (is_hidden, banner, "the banner to go");
  g_assert_null (heard_context_get_audit_problem (window_context ()));
  heard_test_ui_wait_until (shows_resumed_toast, window, "a toast that saving has resumed");

  /* And saving works again. */
  heard_test_ui_add_person (the_app, "Dana Rossi", "");
  wait_for_shown (4);

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

int
main (int   argc,
      char *argv[])
{
  the_app = heard_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/audit/problem-shown-and-acknowledged",
                   test_problem_shown_and_acknowledged);

  return g_test_run ();
}

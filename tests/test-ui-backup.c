/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-ui-backup"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "heard-backup-group.h"
#include "heard-backup-service.h"
#include "heard-preferences-window.h"
#include "heard-restore-dialog-private.h"
#include "heard-start-choices.h"
#include "heard-test-ui.h"
#include "heard-test-utils.h"

/*
 * What a caseworker sees of backups, restore and practice records, with
 * the real window under Xvfb and the real keyring: a backup folder chosen
 * and nothing made yet is said on the caseload overview, standing out;
 * the line opens Preferences at the backups, where Back Up Now shows its
 * progress and then the new backup's age; a backup with one byte changed
 * is refused beside the file it came from, and nothing is moved; practice
 * records open in a window of their own that says so across the top and
 * in its title. Every new control is reached by Tab and has a name.
 */

static HeardApplication *the_app;

static gboolean
has_action (GtkWidget  *widget,
            const char *action)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* The visible button below @root that runs @action. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *action)
{
  if (has_action (root, action))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The label below @root that shows @text, or NULL. */
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

static gboolean
toast_says (gpointer data)
{
  GtkWindow *window = data;

  return find_label (GTK_WIDGET (window), "Backed up") != NULL;
}

static HeardContext *
window_context (HeardWindow *window)
{
  return heard_window_get_context (window);
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Closes the window, and waits until the backup service has finished
 * noting what it does in the records folder, so it can be removed. */
static void
stop (HeardBackupService *backups)
{
  g_object_add_weak_pointer (G_OBJECT (backups), (gpointer *) &backups);
  heard_test_ui_stop (the_app);
  heard_test_ui_wait_until (is_gone, &backups, "the backup service to finish");
}

/* Records with one young person, open on the caseload overview. */
static void
open_records (const char *data_dir)
{
  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  heard_test_ui_add_person (the_app, "Amira Khan", "Mira");
  heard_test_ui_wait_for_shown_people (the_app, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (heard_test_ui_active_window (the_app)),
                                             "win.show-caseload", NULL));
  g_assert_cmpstr (_heard_window_get_visible_content (heard_test_ui_active_window (the_app)), ==,
                   "caseload");
}

static GtkWidget *
backup_line (void)
{
  GtkWidget *page = _heard_window_get_caseload_page (heard_test_ui_active_window (the_app));

  return find_button (page, "win.show-backups");
}

static const char *
backup_line_text (void)
{
  GtkWidget *label = heard_test_ui_find_descendant (backup_line (), GTK_TYPE_LABEL, NULL);

  return gtk_label_get_text (GTK_LABEL (label));
}

static gboolean
line_says (gpointer data)
{
  GtkWidget *line = backup_line ();

  return line != NULL && gtk_widget_get_mapped (line) &&
         g_str_has_prefix (backup_line_text (), data);
}

static gboolean
line_stands_out (void)
{
  GtkWidget *line = backup_line ();
  GtkWidget *icon = heard_test_ui_find_descendant (line, GTK_TYPE_IMAGE, NULL);
  g_autofree char *spoken = heard_test_ui_dup_accessible_label (line);
  gboolean styled = gtk_widget_has_css_class (line, "backup-overdue");
  gboolean sign = g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (icon)),
                             "dialog-warning-symbolic") == 0;
  gboolean said = spoken != NULL && g_str_has_prefix (spoken, "Needs attention");

  /* Colour, sign and words go together, never colour alone. */
  g_assert_true (styled == sign && sign == said);
  return styled;
}

typedef struct
{
  GtkWidget  *within;
  const char *page;
} StackPage;

/* The stack @within is in shows @page. */
static gboolean
stack_shows (gpointer data)
{
  StackPage *wanted = data;
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (wanted->within, GTK_TYPE_STACK));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), wanted->page) == 0;
}

static gboolean
row_says (gpointer data)
{
  AdwActionRow *row = data;

  return g_str_has_prefix (adw_action_row_get_subtitle (row), "Last backup");
}

static gboolean
backup_made (gpointer data)
{
  g_autoptr(GDateTime) last = NULL;
  gboolean running = TRUE;

  g_object_get (data, "last-backup", &last, "running", &running, NULL);
  return last != NULL && !running;
}

static gboolean
attempt_failed (gpointer data)
{
  g_autofree char *problem = NULL;
  gboolean running = TRUE;

  g_object_get (data, "problem", &problem, "running", &running, NULL);
  return problem != NULL && !running;
}

/* How many backups @folder holds. */
static guint
count_backups (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".heardbackup"))
      n++;

  return n;
}

/* A folder chosen and no backup made (its drive unplugged): the caseload
 * says so and stands out, and the line opens Preferences at the backups,
 * reached by Tab, with the problem said beside them. Once the drive is
 * back the first backup is made and the line is calm; Back Up Now turns
 * into a progress bar and Cancel, then makes a new backup. */
static void
test_back_up_now (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *folder = heard_test_make_dir ();
  g_autofree char *unplugged = g_build_filename (folder, "unplugged", NULL);
  g_autoptr(GPtrArray) stops = g_ptr_array_new ();
  HeardWindow *window;
  HeardBackupService *backups;
  GtkWindow *preferences;
  GtkWidget *group, *now_button, *progress, *cancel, *status_row, *focus, *problem;
  StackPage running = { NULL, "running" };
  StackPage idle = { NULL, "idle" };

  open_records (data_dir);
  window = heard_test_ui_active_window (the_app);
  backups = heard_context_get_backups (window_context (window));

  /* What Choose Folder… does with the folder chosen. */
  g_object_set (backups, "folder", unplugged, NULL);
  heard_test_ui_wait_until (attempt_failed, backups, "the first backup to fail");
  g_assert_true (line_says ("No backup yet"));
  g_assert_true (line_stands_out ());
  heard_test_ui_assert_every_control_named (backup_line ());
  heard_test_ui_count_tabs (GTK_WINDOW (window),
                            GTK_WIDGET (_heard_window_get_search_entry (window)),
                            backup_line (), stops);
  heard_test_ui_screenshot (GTK_WINDOW (window), "caseload-no-backup");

  /* The line opens Preferences at the backups, the keyboard on them. */
  g_signal_emit_by_name (backup_line (), "clicked");
  preferences = heard_test_ui_wait_for_window ("HeardPreferencesWindow");
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (preferences)),
                   ==, "records");
  group = heard_test_ui_find_descendant (GTK_WIDGET (preferences), HEARD_TYPE_BACKUP_GROUP, NULL);
  g_assert_nonnull (group);
  focus = gtk_window_get_focus (preferences);
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, group));
  heard_test_ui_assert_every_control_named (group);
  problem = heard_test_ui_find_by_css_class (group, "backup-problem");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (problem))));
  heard_test_ui_screenshot (preferences, "preferences-backups-problem");

  now_button = find_button (group, "backups.back-up-now");
  status_row = heard_test_ui_find_descendant (group, ADW_TYPE_ACTION_ROW, "Status");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (status_row)), ==,
                   "No backup yet");
  g_ptr_array_set_size (stops, 0);
  heard_test_ui_count_tabs (preferences, focus, now_button, stops);
  heard_test_ui_count_tabs (preferences, now_button,
                            find_button (group, "backups.restore"), stops);

  /* The drive is back: the first backup is made, and the problem goes. */
  g_object_set (backups, "folder", folder, NULL);
  heard_test_ui_wait_until (backup_made, backups, "the first backup");
  g_assert_true (row_says (status_row));
  /* Title and subtitle read as one: the title's words are not said again. */
  g_assert_false (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (status_row)),
                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (status_row))));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (problem))));
  g_assert_cmpuint (count_backups (folder), ==, 1);
  heard_test_ui_screenshot (preferences, "preferences-backups");

  /* Back Up Now becomes the backup's progress, and Cancel. */
  progress = heard_test_ui_find_descendant (group, GTK_TYPE_PROGRESS_BAR, NULL);
  cancel = find_button (group, "backups.cancel");
  running.within = progress;
  idle.within = now_button;
  gtk_widget_grab_focus (now_button);
  g_signal_emit_by_name (now_button, "clicked");
  heard_test_ui_wait_until (stack_shows, &running, "the backup's progress");
  g_assert_true (gtk_widget_get_ancestor (cancel, GTK_TYPE_STACK) ==
                 gtk_widget_get_ancestor (progress, GTK_TYPE_STACK));
  g_assert_true (gtk_widget_is_sensitive (cancel));
  g_assert_true (gtk_window_get_focus (preferences) == cancel);
  heard_test_ui_assert_every_control_named (group);

  /* Then the new backup, its age, and the button again. */
  heard_test_ui_wait_until (stack_shows, &idle, "Back Up Now to come back");
  heard_test_ui_wait_until (row_says, status_row, "the new backup's age");
  g_assert_true (gtk_window_get_focus (preferences) == now_button);
  /* Back Up Now answers when it is done, in Preferences. */
  heard_test_ui_wait_until (toast_says, preferences, "a toast saying it is backed up");
  g_assert_cmpuint (count_backups (folder), ==, 2);
  gtk_window_destroy (preferences);
  g_assert_true (line_says ("Last backup"));
  g_assert_false (line_stands_out ());

  stop (backups);
  heard_test_remove_dir (folder);
  heard_test_remove_dir (data_dir);
}

static gboolean
dialog_is_idle (gpointer data)
{
  GtkWidget *spinner = heard_test_ui_find_descendant (data, GTK_TYPE_SPINNER, NULL);

  return !gtk_widget_get_mapped (spinner);
}

/* The one backup file in @folder. */
static char *
find_backup (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".heardbackup"))
      return g_build_filename (folder, name, NULL);

  g_assert_not_reached ();
}

/* The records in @data_dir as files (the backup service's own note of
 * its folder, which it writes when it likes, aside), and the folders
 * beside it whose names begin with its own: where records moved aside
 * would go. */
static char *
describe_records (const char *data_dir)
{
  g_autofree char *files = heard_test_describe_folder (data_dir);
  g_auto(GStrv) lines = g_strsplit (files, "\n", -1);
  g_autofree char *parent = g_path_get_dirname (data_dir);
  g_autofree char *name = g_path_get_basename (data_dir);
  g_autoptr(GDir) dir = g_dir_open (parent, 0, NULL);
  GString *described = g_string_new (NULL);
  const char *sibling;

  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], "backup.ini") && !g_str_has_prefix (lines[i], ".goutputstream"))
      g_string_append_printf (described, "%s\n", lines[i]);

  g_assert_nonnull (dir);
  while ((sibling = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (sibling, name))
      g_string_append_printf (described, "beside: %s\n", sibling);

  return g_string_free (described, FALSE);
}

/* A backup with one byte changed is refused beside the file, kindly, and
 * nothing on disk moves; the dialog's controls are named and reached. */
static void
test_restore_refuses_tampered (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *folder = heard_test_make_dir ();
  g_autofree char *backup = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *folder_before = NULL;
  g_autofree char *folder_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stops = g_ptr_array_new ();
  HeardBackupService *backups;
  HeardWindow *window;
  GtkWindow *dialog;
  GtkWidget *file_row;
  gsize length = 0;

  open_records (data_dir);
  window = heard_test_ui_active_window (the_app);
  backups = heard_context_get_backups (window_context (window));
  /* The first backup is made as soon as there is a folder for it. */
  g_object_set (backups, "folder", folder, NULL);
  heard_test_ui_wait_until (backup_made, backups, "the first backup");

  backup = find_backup (folder);
  g_assert_true (g_file_get_contents (backup, &contents, &length, &error));
  g_assert_no_error (error);
  contents[length / 2] ^= 0x01;
  g_assert_true (g_file_set_contents (backup, contents, (gssize) length, &error));
  g_assert_no_error (error);
  before = describe_records (data_dir);
  folder_before = heard_test_describe_folder (folder);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-backup", NULL));
  dialog = heard_test_ui_wait_for_window ("HeardRestoreDialog");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));
  file_row = heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                            "Backup file");
  g_assert_nonnull (file_row);
  g_assert_true (gtk_window_get_focus (dialog) == file_row);
  /* Nothing to restore before a backup is chosen and read. */
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (dialog), "dialog.save")));
  heard_test_ui_count_tabs (dialog, file_row, find_button (GTK_WIDGET (dialog), "window.close"),
                            stops);
  heard_test_ui_screenshot (dialog, "restore-choose");

  _heard_restore_dialog_choose_file (HEARD_RESTORE_DIALOG (dialog), backup);
  heard_test_ui_wait_until (dialog_is_idle, dialog, "the backup to be checked");
  heard_test_ui_assert_field_error (file_row, "changed or damaged");
  /* A backup refused is not offered to restore. */
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (dialog), "dialog.save")));
  heard_test_ui_screenshot (dialog, "restore-tampered");

  /* Restore anyway (the action, as Enter would ask it): still refused, beside the file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  heard_test_ui_wait_until (dialog_is_idle, dialog, "the backup to be checked again");
  heard_test_ui_assert_field_error (file_row, "changed or damaged");

  /* Nothing was moved aside, replaced or added. */
  after = describe_records (data_dir);
  folder_after = heard_test_describe_folder (folder);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (folder_after, ==, folder_before);
  g_assert_cmpstr (_heard_window_get_visible_state (window), ==, "records");

  gtk_window_destroy (dialog);
  stop (backups);
  heard_test_remove_dir (folder);
  heard_test_remove_dir (data_dir);
}

static gboolean
summary_shown (gpointer data)
{
  GtkWidget *row = heard_test_ui_find_descendant (data, ADW_TYPE_ACTION_ROW, "Young people");

  return row != NULL && gtk_widget_get_mapped (row);
}

/* Restoring keeps the records it replaces: the dialog shows what the
 * backup holds and says the records here are moved aside, Restore opens
 * the backup's records, and the last word names the folder the others
 * are kept in, which is there with them. */
static void
test_restore_keeps_current (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *folder = heard_test_make_dir ();
  g_autofree char *backup = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_db = NULL;
  g_autofree char *elsewhere = heard_test_make_dir ();
  g_autofree char *tampered = g_build_filename (elsewhere, "damaged.heardbackup", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stops = g_ptr_array_new ();
  HeardBackupService *backups;
  HeardWindow *window;
  GtkWindow *dialog;
  GtkWindow *message;
  GtkWidget *row;
  GtkWidget *restore;
  gsize length = 0;
  const char *body;
  const char *start;
  const char *end;

  open_records (data_dir);
  window = heard_test_ui_active_window (the_app);
  backups = heard_context_get_backups (window_context (window));
  /* The first backup is made as soon as there is a folder for it. */
  g_object_set (backups, "folder", folder, NULL);
  heard_test_ui_wait_until (backup_made, backups, "the first backup");
  backup = find_backup (folder);
  /* A damaged copy of it, in a folder of its own. */
  g_assert_true (g_file_get_contents (backup, &contents, &length, &error));
  g_assert_no_error (error);
  contents[length / 2] ^= 0x01;
  g_assert_true (g_file_set_contents (tampered, contents, (gssize) length, &error));
  g_assert_no_error (error);
  /* A change the backup does not hold. */
  heard_test_ui_add_person (the_app, "Jordan Lee", "");
  heard_test_ui_wait_for_shown_people (the_app, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-backup", NULL));
  dialog = heard_test_ui_wait_for_window ("HeardRestoreDialog");
  restore = find_button (GTK_WIDGET (dialog), "dialog.save");
  _heard_restore_dialog_choose_file (HEARD_RESTORE_DIALOG (dialog), backup);
  /* Not while the backup is being read: only once what it holds is shown. */
  g_assert_false (gtk_widget_is_sensitive (restore));
  heard_test_ui_wait_until (summary_shown, dialog, "what the backup holds");
  g_assert_true (gtk_widget_is_sensitive (restore));
  row = heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Young people");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "1 young person");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));
  heard_test_ui_count_tabs (dialog,
                            heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                                           "Backup file"),
                            restore, stops);
  heard_test_ui_screenshot (dialog, "restore-summary");

  /* Another file chosen takes Restore away until it has been read, and
   * for good when it is refused; the good one brings it back. */
  _heard_restore_dialog_choose_file (HEARD_RESTORE_DIALOG (dialog), tampered);
  g_assert_false (gtk_widget_is_sensitive (restore));
  heard_test_ui_wait_until (dialog_is_idle, dialog, "the damaged backup to be checked");
  g_assert_false (gtk_widget_is_sensitive (restore));
  _heard_restore_dialog_choose_file (HEARD_RESTORE_DIALOG (dialog), backup);
  heard_test_ui_wait_until (summary_shown, dialog, "what the backup holds, again");
  g_assert_true (gtk_widget_is_sensitive (restore));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  message = heard_test_ui_wait_for_window ("AdwMessageDialog");
  heard_test_ui_wait_window_gone ("HeardRestoreDialog");
  heard_test_ui_screenshot (message, "restore-done");

  /* The folder named is there, and holds the records that were here. */
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message));
  start = strstr (body, "“");
  end = start != NULL ? strstr (start, "”") : NULL;
  g_assert_nonnull (end);
  kept = g_strndup (start + strlen ("“"), (gsize) (end - start - strlen ("“")));
  kept_db = g_build_filename (kept, "heard.db", NULL);
  g_assert_true (g_file_test (kept_db, G_FILE_TEST_IS_REGULAR));
  gtk_window_destroy (message);

  /* The backup's records are open: one young person again. */
  heard_test_ui_wait_for_state (the_app, "records");
  heard_test_ui_wait_for_shown_people (the_app, 1);

  stop (backups);
  heard_test_remove_dir (elsewhere);
  heard_test_remove_dir (kept);
  heard_test_remove_dir (folder);
  heard_test_remove_dir (data_dir);
}

static HeardWindow *
find_practice_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (the_app)); l != NULL;
       l = l->next)
    if (HEARD_IS_WINDOW (l->data) && heard_context_get_practice (window_context (l->data)) &&
        g_strcmp0 (_heard_window_get_visible_state (l->data), "records") == 0)
      return l->data;

  return NULL;
}

static gboolean
practice_shown (gpointer data)
{
  HeardWindow *window = find_practice_window ();

  return window != NULL &&
         g_list_model_get_n_items (_heard_window_get_shown_people (window)) > 0;
}

/* The unlock page and the recovery code page offer the same choices,
 * from one widget: restore and practice records, named and explained in
 * sentence case. */
static void
assert_start_choices (GtkWidget *page)
{
  GtkWidget *choices = heard_test_ui_find_descendant (page, HEARD_TYPE_START_CHOICES, NULL);
  GtkWidget *practice;
  g_autofree char *restore_name = NULL;
  g_autofree char *practice_name = NULL;

  g_assert_nonnull (choices);
  practice = find_button (choices, "app.practice");
  g_assert_nonnull (practice);
  g_assert_nonnull (find_button (choices, "win.restore-backup"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (practice), ==,
                   "Made-up records for learning Heard");
  restore_name = heard_test_ui_dup_accessible_label (find_button (choices, "win.restore-backup"));
  practice_name = heard_test_ui_dup_accessible_label (practice);
  g_assert_cmpstr (restore_name, ==, "Restore From a Backup…");
  g_assert_cmpstr (practice_name, ==, "Practice Records");
}

/* The status page @window shows while its records open. */
static GtkWidget *
opening_page (HeardWindow *window)
{
  GtkStack *states = GTK_STACK (heard_test_ui_find_descendant (GTK_WIDGET (window),
                                                               GTK_TYPE_STACK, NULL));
  GtkWidget *opening = gtk_stack_get_child_by_name (states, "opening");

  g_assert_nonnull (opening);
  return heard_test_ui_find_descendant (opening, ADW_TYPE_STATUS_PAGE, NULL);
}

/* Practice Records opens a window of its own on made-up records, which
 * says so across the top on every page, in its title and in Preferences,
 * where nothing is offered to back up. */
static void
test_practice_window (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  HeardWindow *real;
  HeardWindow *practice;
  GtkWidget *strip;
  GtkWidget *words;
  GtkWindow *preferences;
  GtkWidget *group;
  GtkWidget *opening;
  g_autofree char *name = NULL;

  open_records (data_dir);
  real = heard_test_ui_active_window (the_app);
  /* The real records' opening page speaks of them. */
  opening = opening_page (real);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (opening)), ==,
                   "Opening your records…");
  assert_start_choices (_heard_window_get_unlock_page (real));
  assert_start_choices (_heard_window_get_recovery_page (real));
  g_assert_true (heard_test_ui_find_descendant (_heard_window_get_unlock_page (real),
                                                HEARD_TYPE_START_CHOICES, NULL) !=
                 heard_test_ui_find_descendant (_heard_window_get_recovery_page (real),
                                                HEARD_TYPE_START_CHOICES, NULL));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (_heard_window_get_practice_strip (real))));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (real)), ==, "Heard");

  g_action_group_activate_action (G_ACTION_GROUP (the_app), "practice", NULL);
  /* Practice from its first frame, while the records are still opening. */
  practice = heard_test_ui_active_window (the_app);
  g_assert_true (practice != real);
  g_assert_cmpstr (_heard_window_get_visible_state (practice), ==, "opening");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (practice)), ==, "Heard — Practice Records");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (_heard_window_get_practice_strip (practice))));
  opening = opening_page (practice);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (opening)), ==,
                   "Opening practice records…");
  heard_test_ui_screenshot (GTK_WINDOW (practice), "practice-opening");
  heard_test_ui_wait_until (practice_shown, NULL, "the practice records");
  practice = find_practice_window ();
  g_assert_true (practice != real);
  g_assert_cmpuint (g_list_model_get_n_items (_heard_window_get_shown_people (practice)), ==, 12);

  strip = _heard_window_get_practice_strip (practice);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (strip)));
  g_assert_true (gtk_widget_get_mapped (strip));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (practice)), ==, "Heard — Practice Records");
  words = heard_test_ui_find_by_css_class (strip, "practice-strip");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (words)), ==,
                   GTK_ACCESSIBLE_ROLE_STATUS);
  name = heard_test_ui_dup_accessible_label (words);
  g_assert_cmpstr (name, ==, "Practice records");
  /* The real records' window says nothing of practice. */
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (_heard_window_get_practice_strip (real))));
  heard_test_ui_screenshot (GTK_WINDOW (practice), "practice-window");

  /* Still there on a young person's page. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (_heard_window_get_people_view (practice)))), 0);
  g_assert_cmpstr (_heard_window_get_visible_content (practice), ==, "person");
  g_assert_true (gtk_widget_get_mapped (strip));

  gtk_window_present (GTK_WINDOW (practice));
  preferences = GTK_WINDOW (heard_preferences_window_new (GTK_WINDOW (practice),
                                                          window_context (practice)));
  gtk_window_present (preferences);
  heard_preferences_window_show_backups (HEARD_PREFERENCES_WINDOW (preferences));
  group = heard_test_ui_find_descendant (GTK_WIDGET (preferences), HEARD_TYPE_BACKUP_GROUP, NULL);
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   "Practice records are never backed up.");
  g_assert_false (gtk_widget_is_visible (find_button (group, "backups.back-up-now")));
  g_assert_false (gtk_widget_is_visible (find_button (group, "backups.restore")));
  gtk_window_destroy (preferences);

  gtk_window_destroy (GTK_WINDOW (practice));
  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = g_dir_make_tmp ("heard-ui-backup-XXXXXX", NULL);
  g_autofree char *records = g_build_filename (root, "heard", NULL);
  int status;

  /* The practice records go beside these ones, in a folder of this test's. */
  g_setenv ("HEARD_DATA_DIR", records, TRUE);
  the_app = heard_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/backup/back-up-now", test_back_up_now);
  g_test_add_func ("/ui/backup/restore-refuses-tampered", test_restore_refuses_tampered);
  g_test_add_func ("/ui/backup/restore-keeps-current", test_restore_keeps_current);
  g_test_add_func ("/ui/backup/practice-window", test_practice_window);

  status = g_test_run ();
  heard_test_remove_dir (root);

  return status;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-ui-file-export"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "heard-case-file.h"
#include "heard-date.h"
#include "heard-dialog.h"
#include "heard-person-page.h"
#include "heard-plan-view.h"
#include "heard-test-ui.h"
#include "heard-test-utils.h"

/*
 * A young person's dates for a calendar app and their check-ins for a
 * spreadsheet, from the Support Plan tab of the practice records, under
 * Xvfb, as a caseworker does it with the keyboard's first stop on the
 * choice made for them: initials, or a code without their words. The real
 * file chooser suggests a name that says practice, what and when, never
 * whose; the calendar it saves has a UID and a DTSTAMP on each event and
 * "Review: X.Y." for them, the spreadsheet their code, and neither their
 * name.
 */

static HeardApplication *the_app;

static HeardContext *
window_context (HeardWindow *window)
{
  g_autoptr(HeardContext) context = NULL;

  g_object_get (window, "context", &context, NULL);
  return context;
}

static HeardWindow *
find_practice_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (the_app)); l != NULL;
       l = l->next)
    if (HEARD_IS_WINDOW (l->data) && heard_context_get_practice (window_context (l->data)) &&
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
is_loaded (gpointer data)
{
  return !heard_case_file_get_loading (data);
}

static gboolean
chooser_is_gone (gpointer data)
{
  return heard_test_ui_find_window ("GtkFileChooserDialog") == NULL;
}

static gboolean
dialog_is_done (gpointer data)
{
  GtkWindow *dialog = heard_test_ui_find_window ("HeardFileExportDialog");

  return dialog == NULL || heard_dialog_get_error (HEARD_DIALOG (dialog)) != NULL;
}

static GtkCheckButton *
row_check (GtkWidget  *dialog,
           const char *title)
{
  GtkWidget *row = heard_test_ui_find_descendant (dialog, ADW_TYPE_ACTION_ROW, title);

  g_assert_nonnull (row);
  return GTK_CHECK_BUTTON (heard_test_ui_find_descendant (row, GTK_TYPE_CHECK_BUTTON, NULL));
}

/* Presses Export… and answers the real file chooser: its suggested name
 * must be @expected; the file goes to @folder (typed as a whole path, as
 * anyone can). */
static void
export_through_chooser (GtkWindow  *dialog,
                        const char *expected,
                        const char *folder)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  GtkWindow *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  chooser = heard_test_ui_wait_for_window ("GtkFileChooserDialog");
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, expected);
  path = g_build_filename (folder, name, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), path);
  g_assert_true (gtk_widget_activate (gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser),
                                                                          GTK_RESPONSE_ACCEPT)));
  heard_test_ui_wait_until (chooser_is_gone, NULL, "the file chooser to close");
  heard_test_ui_wait_until (dialog_is_done, NULL, "the export");
}

static char *
read_text (const char *folder,
           const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* The practice window, showing the Support Plan tab of the first young
 * person with review or due dates; their case file in @case_file. */
static GtkWidget *
show_someone_with_dates (HeardWindow    *practice,
                         HeardCaseFile **case_file)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (
                                    GTK_LIST_VIEW (_heard_window_get_people_view (practice))));
  HeardPersonPage *page = HEARD_PERSON_PAGE (_heard_window_get_person_page (practice));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      guint n_reviews, n_due;

      gtk_single_selection_set_selected (selection, i);
      *case_file = heard_case_file_open (window_context (practice),
                                         heard_person_page_get_person (page));
      heard_test_ui_wait_until (is_loaded, *case_file, "their records");
      heard_case_file_count_calendar_dates (*case_file, &n_reviews, &n_due);
      if (n_reviews > 0 && n_due > 0)
        {
          heard_person_page_show_view (page, "plan");
          return heard_test_ui_find_descendant (GTK_WIDGET (page), HEARD_TYPE_PLAN_VIEW, NULL);
        }
      g_clear_object (case_file);
    }

  g_assert_not_reached ();
}

static void
test_calendar_and_spreadsheet (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *out_dir = heard_test_make_dir ();
  g_autoptr(HeardCaseFile) case_file = NULL;
  g_autofree char *today = NULL;
  g_autofree char *ics_name = NULL;
  g_autofree char *csv_name = NULL;
  g_autofree char *initials = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *subtitle = NULL;
  const char *description;
  HeardPerson *person;
  HeardWindow *practice;
  GtkWidget *view;
  GtkWindow *dialog;
  GDate day;

  heard_date_today (&day);
  today = heard_date_to_iso (&day);
  ics_name = g_strdup_printf ("practice-review-dates-%s.ics", today);
  csv_name = g_strdup_printf ("practice-check-ins-%s.csv", today);

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  g_action_group_activate_action (G_ACTION_GROUP (the_app), "practice", NULL);
  heard_test_ui_wait_until (practice_shown, NULL, "the practice records");
  practice = find_practice_window ();
  view = show_someone_with_dates (practice, &case_file);
  person = heard_case_file_get_person (case_file);
  initials = heard_ical_initials (heard_person_get_display_name (person));
  summary = g_strdup_printf ("SUMMARY:Review: %s\r\n", initials);

  /* The calendar: initials to start with, each choice's example shown,
   * and what goes in. */
  g_assert_true (gtk_widget_activate_action (view, "plan.export-calendar", NULL));
  dialog = heard_test_ui_wait_for_window ("HeardFileExportDialog");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));
  g_assert_true (gtk_check_button_get_active (row_check (GTK_WIDGET (dialog), "Initials")));
  g_assert_true (gtk_window_get_focus (dialog) ==
                 GTK_WIDGET (row_check (GTK_WIDGET (dialog), "Initials")));
  subtitle = g_strdup_printf ("“Review: %s”", initials);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (heard_test_ui_find_descendant (
                     GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Initials"))), ==, subtitle);
  description = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (
                  heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_GROUP,
                                                 NULL)));
  g_assert_nonnull (strstr (description, " review date"));
  g_assert_nonnull (strstr (description, " action due date"));
  g_assert_true (g_str_has_suffix (description, " go in, each with a reminder the day before."));
  heard_test_ui_screenshot (dialog, "calendar-export-dialog");

  export_through_chooser (dialog, ics_name, out_dir);
  g_assert_null (heard_test_ui_find_window ("HeardFileExportDialog"));
  ics = read_text (out_dir, ics_name);
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (ics, "\r\nUID:"));
  g_assert_nonnull (strstr (ics, "\r\nDTSTAMP:"));
  g_assert_nonnull (strstr (ics, summary));
  g_assert_null (strstr (ics, heard_person_get_display_name (person)));
  g_assert_null (strstr (ics, heard_person_get_called_name (person)));

  /* The spreadsheet: check-ins, a code, not their words. */
  g_assert_true (gtk_widget_activate_action (view, "plan.export-spreadsheet", NULL));
  dialog = heard_test_ui_wait_for_window ("HeardFileExportDialog");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));
  g_assert_true (gtk_check_button_get_active (row_check (GTK_WIDGET (dialog), "Check-ins")));
  g_assert_true (gtk_check_button_get_active (row_check (GTK_WIDGET (dialog),
                                                         "A code instead of their name")));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (heard_test_ui_find_descendant (
                                           GTK_WIDGET (dialog), GTK_TYPE_SWITCH, NULL))));
  g_assert_true (gtk_window_get_focus (dialog) ==
                 GTK_WIDGET (row_check (GTK_WIDGET (dialog), "Check-ins")));
  heard_test_ui_screenshot (dialog, "spreadsheet-export-dialog");
  export_through_chooser (dialog, csv_name, out_dir);
  g_assert_null (heard_test_ui_find_window ("HeardFileExportDialog"));
  csv = read_text (out_dir, csv_name);
  g_assert_true (g_str_has_prefix (csv, "person,day,check_in,measure,rater,state,rating\r\n"));
  g_assert_nonnull (strstr (csv, "\r\np-"));
  g_assert_null (strstr (csv, heard_person_get_display_name (person)));
  g_assert_null (strstr (csv, heard_person_get_called_name (person)));

  g_clear_object (&case_file);
  gtk_window_destroy (GTK_WINDOW (practice));
  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
  heard_test_remove_dir (out_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = g_dir_make_tmp ("heard-ui-file-export-XXXXXX", NULL);
  g_autofree char *records = g_build_filename (root, "heard", NULL);
  int status;

  /* The practice records go beside these ones, in a folder of this test's. */
  g_setenv ("HEARD_DATA_DIR", records, TRUE);
  the_app = heard_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/file-export/calendar-and-spreadsheet", test_calendar_and_spreadsheet);

  status = g_test_run ();
  heard_test_remove_dir (root);

  return status;
}

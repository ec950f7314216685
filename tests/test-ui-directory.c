/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-ui-directory"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "heard-agencies-page.h"
#include "heard-agency-picker.h"
#include "heard-case-file.h"
#include "heard-export-dialog-private.h"
#include "heard-export-note.h"
#include "heard-field-error.h"
#include "heard-person-page.h"
#include "heard-plan-view.h"
#include "heard-recipient.h"
#include "heard-test-ui.h"
#include "heard-test-utils.h"

/*
 * The agencies directory under Xvfb, as a caseworker meets it: added in
 * Preferences, it is offered as who a plan is for, and the plan names it;
 * retired, it is offered no more, stays listed as retired, and the export
 * made before still names it; added from the export dialog itself, it is
 * chosen there at once; an agency without a name is refused beside the
 * name.
 */

static HeardApplication *the_app;

#define SCHOOL_WORDS "I like the art room at lunch."

typedef struct
{
  char          *data_dir;
  char          *code;
  HeardWindow   *window;
  HeardPlanView *view;
  HeardCaseFile *case_file;
  HeardContext  *context;
} Fixture;

static gboolean
plan_is_shown (gpointer data)
{
  return heard_plan_view_get_plan (data) != NULL;
}

/* New records with one young person, a draft plan in the Support Plan tab
 * and one statement they agreed may go to school. */
static void
fixture_set_up (Fixture *f)
{
  g_autoptr(HeardStatement) statement = heard_statement_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeardPersonPage *page;
  GtkWidget *view;

  f->data_dir = heard_test_make_dir ();
  heard_test_ui_start (the_app, f->data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  f->code = heard_test_ui_dup_recovery_code (the_app);
  heard_test_ui_confirm_recovery_code (the_app);
  f->window = heard_test_ui_active_window (the_app);
  g_object_get (f->window, "context", &f->context, NULL);
  heard_test_ui_add_person (the_app, "Amira Khan", "Mira");

  page = HEARD_PERSON_PAGE (_heard_window_get_person_page (f->window));
  f->case_file = heard_case_file_open (f->context, heard_person_page_get_person (page));
  heard_person_page_show_view (page, "plan");
  view = heard_test_ui_find_descendant (GTK_WIDGET (page), HEARD_TYPE_PLAN_VIEW, NULL);
  f->view = HEARD_PLAN_VIEW (view);
  g_assert_true (gtk_widget_activate_action (view, "plan.start", NULL));
  heard_test_ui_wait_until (plan_is_shown, view, "the new plan");

  heard_statement_set_person_id (statement, heard_case_file_get_person_id (f->case_file));
  heard_statement_set_text (statement, HEARD_STATEMENT_WORDS, SCHOOL_WORDS);
  heard_statement_set_text (statement, HEARD_STATEMENT_GIVEN_ON, "03/05/2026");
  heard_statement_set_text (statement, HEARD_STATEMENT_SHARE_WITH, "school");
  heard_case_file_record_statement_async (f->case_file, statement, NULL,
                                          heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_cmpint (heard_case_file_write_finish (f->case_file, result, &error), >, 0);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f)
{
  g_clear_object (&f->case_file);
  g_clear_object (&f->context);
  heard_test_ui_stop (the_app);
  heard_test_remove_dir (f->data_dir);
  g_free (f->data_dir);
  g_free (f->code);
}

static HeardAgenciesPage *
open_agencies (void)
{
  GtkWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (the_app), "preferences", NULL);
  preferences = heard_test_ui_wait_for_window ("HeardPreferencesWindow");
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "agencies");
  return HEARD_AGENCIES_PAGE (heard_test_ui_find_descendant (GTK_WIDGET (preferences),
                                                             HEARD_TYPE_AGENCIES_PAGE, NULL));
}

static void
close_window (const char *type_name)
{
  gtk_window_close (heard_test_ui_find_window (type_name));
  heard_test_ui_wait_window_gone (type_name);
}

typedef struct
{
  GtkWidget  *root;
  const char *title;
  const char *subtitle;
} RowShown;

/* Whether a row titled ->title shows ->subtitle (or any, when NULL). */
static gboolean
row_is_shown (gpointer data)
{
  RowShown *wanted = data;
  GtkWidget *row = heard_test_ui_find_descendant (wanted->root, ADW_TYPE_ACTION_ROW,
                                                  wanted->title);

  return row != NULL && gtk_widget_get_mapped (row) &&
         (wanted->subtitle == NULL ||
          g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                     wanted->subtitle) == 0);
}

/* Whether the row titled @title shows a "Retired" badge. */
static gboolean
shows_retired (gpointer data)
{
  RowShown *wanted = data;
  GtkWidget *row = heard_test_ui_find_descendant (wanted->root, ADW_TYPE_ACTION_ROW,
                                                  wanted->title);
  GtkWidget *badge = row != NULL ? heard_test_ui_find_by_css_class (row, "status-badge") : NULL;

  return badge != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (badge)), "Retired") == 0;
}

static gboolean
shows_restored (gpointer data)
{
  return row_is_shown (data) && !shows_retired (data);
}

/* The export dialog, with "An agency" chosen: it opens with no one chosen. */
static GtkWindow *
open_export (Fixture *f)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.export", NULL));
  dialog = heard_test_ui_wait_for_window ("HeardExportDialog");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (heard_test_ui_find_descendant (
                                 heard_test_ui_find_descendant (GTK_WIDGET (dialog),
                                                                ADW_TYPE_ACTION_ROW,
                                                                "An agency"),
                                 GTK_TYPE_CHECK_BUTTON, NULL)), TRUE);
  return dialog;
}

static HeardChoiceRow *
find_picker (GtkWindow *dialog)
{
  GtkWidget *picker = heard_test_ui_find_descendant (GTK_WIDGET (dialog),
                                                     HEARD_TYPE_AGENCY_PICKER, NULL);

  g_assert_nonnull (picker);
  return HEARD_CHOICE_ROW (picker);
}

static gint64
only_agency_id (Fixture *f)
{
  GListModel *agencies = heard_context_get_agencies (f->context);
  g_autoptr(HeardDirectoryAgency) agency = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (agencies), ==, 1);
  agency = g_list_model_get_item (agencies, 0);
  return heard_directory_agency_get_id (agency);
}

static gboolean
export_is_done (gpointer data)
{
  return heard_test_ui_find_window ("HeardExportDialog") == NULL;
}

/* Added in Preferences, offered in the export dialog and named on the
 * plan and in the trail; retired, offered no more but listed as retired,
 * and the export made before still names it. */
static void
test_preferences_to_picker (void)
{
  Fixture f = { 0 };
  g_autofree char *printed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *choice = NULL;
  g_autofree char *code = NULL;
  g_autofree char *named = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(HeardRecipient) read_back = NULL;
  HeardExportNote *note;
  HeardAgenciesPage *page;
  GtkWindow *editor;
  GtkWindow *dialog;
  GtkWidget *name_row;
  RowShown listed = { NULL, "Northgate Academy", "School or college · Ms Adeyemi" };
  gint64 id;

  fixture_set_up (&f);
  printed = g_build_filename (f.data_dir, "printed.pdf", NULL);

  /* An empty directory says what it is for. */
  page = open_agencies ();
  g_assert_true (gtk_widget_get_mapped (heard_test_ui_find_by_name (GTK_WIDGET (page),
                                                                    "agencies-empty")));
  g_assert_false (gtk_widget_get_visible (heard_test_ui_find_by_name (GTK_WIDGET (page),
                                                                      "agencies-list")));
  heard_test_ui_assert_every_control_named (GTK_WIDGET (page));
  heard_test_ui_screenshot (heard_test_ui_find_window ("HeardPreferencesWindow"),
                            "directory-empty");

  /* No name: said beside the name, and nothing saved. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "agencies.add", NULL));
  editor = heard_test_ui_wait_for_window ("HeardAgencyEditor");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (editor));
  heard_test_ui_set_row_text (GTK_WIDGET (editor), "Named contact", "Ms Adeyemi");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "dialog.save", NULL));
  name_row = heard_test_ui_find_descendant (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                            "Name of the agency");
  heard_test_ui_assert_field_error (name_row, "needs a name");
  g_assert_true (heard_test_ui_find_window ("HeardAgencyEditor") == editor);
  g_assert_cmpuint (g_list_model_get_n_items (heard_context_get_agencies (f.context)), ==, 0);
  heard_test_ui_screenshot (editor, "directory-editor-no-name");

  heard_test_ui_set_row_text (GTK_WIDGET (editor), "Name of the agency", "Northgate Academy");
  heard_test_ui_save_dialog (editor, "HeardAgencyEditor");
  listed.root = GTK_WIDGET (page);
  heard_test_ui_wait_until (row_is_shown, &listed, "the agency in the directory");
  g_assert_false (gtk_widget_get_visible (heard_test_ui_find_by_name (GTK_WIDGET (page),
                                                                      "agencies-empty")));
  heard_test_ui_screenshot (heard_test_ui_find_window ("HeardPreferencesWindow"),
                            "directory-one");
  close_window ("HeardPreferencesWindow");

  /* Offered as who the plan is for, and named on it and in the trail. */
  id = only_agency_id (&f);
  choice = g_strdup_printf ("school:%" G_GINT64_FORMAT, id);
  code = g_strdup_printf ("agency:school:%" G_GINT64_FORMAT, id);
  dialog = open_export (&f);
  g_assert_true (heard_choice_row_choose_id (find_picker (dialog), choice));
  g_assert_nonnull (heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                                   SCHOOL_WORDS));
  heard_test_ui_screenshot (dialog, "directory-export-picker");
  _heard_export_dialog_print_to_file (HEARD_EXPORT_DIALOG (dialog), printed);
  heard_test_ui_wait_until (export_is_done, NULL, "the print to finish");
  text = heard_test_pdf_text (printed);
  g_assert_nonnull (strstr (text, "Northgate Academy (School or college)"));
  g_assert_nonnull (strstr (text, SCHOOL_WORDS));
  notes = heard_test_read_export_notes (f.data_dir, f.code);
  g_assert_cmpuint (notes->len, ==, 1);
  note = g_ptr_array_index (notes, 0);
  g_assert_cmpstr (note->recipient, ==, code);

  /* Retired: listed as retired, offered no more (the kind alone is). */
  page = open_agencies ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "agencies.retire", "x", id));
  heard_test_ui_wait_until (shows_retired, &(RowShown) { GTK_WIDGET (page), "Northgate Academy",
                                                         NULL }, "the agency shown retired");
  heard_test_ui_screenshot (heard_test_ui_find_window ("HeardPreferencesWindow"),
                            "directory-retired");
  close_window ("HeardPreferencesWindow");
  dialog = open_export (&f);
  g_assert_false (heard_choice_row_choose_id (find_picker (dialog), choice));
  g_assert_true (heard_choice_row_choose_id (find_picker (dialog), "school"));
  close_window ("HeardExportDialog");

  /* The export made before still names it, from the directory. */
  read_back = heard_recipient_from_code_in (note->recipient,
                                            heard_context_get_agencies (f.context));
  g_assert_nonnull (read_back);
  named = heard_recipient_describe (read_back);
  g_assert_cmpstr (named, ==, "Northgate Academy (School or college)");

  /* Restored, it is offered again. */
  page = open_agencies ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "agencies.restore", "x", id));
  listed.root = GTK_WIDGET (page);
  heard_test_ui_wait_until (shows_restored, &listed, "the agency restored");
  close_window ("HeardPreferencesWindow");
  dialog = open_export (&f);
  g_assert_true (heard_choice_row_choose_id (find_picker (dialog), choice));
  close_window ("HeardExportDialog");

  fixture_tear_down (&f);
}

static gboolean
picker_chose_riverside (gpointer data)
{
  HeardDirectoryAgency *chosen = heard_agency_picker_get_chosen (data);

  return chosen != NULL &&
         g_strcmp0 (heard_directory_agency_get_text (chosen, HEARD_DIRECTORY_AGENCY_NAME),
                    "Riverside College") == 0;
}

/* Add Agency… beside the picker adds one to the directory and chooses it. */
static void
test_add_inline (void)
{
  Fixture f = { 0 };
  GtkWindow *dialog;
  GtkWindow *editor;
  HeardChoiceRow *picker;
  g_autofree char *choice = NULL;

  fixture_set_up (&f);
  dialog = open_export (&f);
  picker = find_picker (dialog);
  g_assert_true (heard_choice_row_choose_id (picker, "police"));
  gtk_widget_activate (heard_test_ui_find_by_name (GTK_WIDGET (picker), "add-agency"));
  editor = heard_test_ui_wait_for_window ("HeardAgencyEditor");
  g_assert_true (gtk_window_get_transient_for (editor) == dialog);
  heard_test_ui_set_row_text (GTK_WIDGET (editor), "Name of the agency", "Riverside College");
  heard_test_ui_save_dialog (editor, "HeardAgencyEditor");

  heard_test_ui_wait_until (picker_chose_riverside, picker, "the new agency chosen");
  choice = g_strdup_printf ("school:%" G_GINT64_FORMAT, only_agency_id (&f));
  g_assert_cmpstr (heard_choice_row_get_chosen_id (picker), ==, choice);
  /* What is offered follows: the school's words may go to this school. */
  g_assert_nonnull (heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                                   SCHOOL_WORDS));
  heard_test_ui_screenshot (dialog, "directory-added-inline");
  close_window ("HeardExportDialog");

  fixture_tear_down (&f);
}

static HeardWindow *
find_practice_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (the_app)); l != NULL;
       l = l->next)
    if (HEARD_IS_WINDOW (l->data) &&
        g_list_model_get_n_items (_heard_window_get_shown_people (l->data)) > 0)
      return l->data;

  return NULL;
}

static gboolean
practice_shown (gpointer data)
{
  return find_practice_window () != NULL;
}

/* The practice records' directory (two schools among seven agencies) as a
 * caseworker learning Heard meets it: listed in Preferences, offered as
 * who a plan is for and as a meeting's agencies, each by its name. */
static void
test_practice_directory (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  RowShown riverside = { NULL, "Riverside College", NULL };
  HeardAgenciesPage *page;
  HeardWindow *practice;
  HeardPersonPage *person;
  GtkWidget *view;
  GtkWindow *dialog;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  g_action_group_activate_action (G_ACTION_GROUP (the_app), "practice", NULL);
  heard_test_ui_wait_until (practice_shown, NULL, "the practice records");
  practice = find_practice_window ();
  gtk_window_present (GTK_WINDOW (practice));

  page = open_agencies ();
  riverside.root = GTK_WIDGET (page);
  heard_test_ui_wait_until (row_is_shown, &riverside, "the practice directory");
  g_assert_true (row_is_shown (&(RowShown) { GTK_WIDGET (page), "Northgate Academy",
                                             "School or college · Ms Adeyemi (safeguarding lead)"
                                             " · 01632 960 101" }));
  heard_test_ui_screenshot (heard_test_ui_find_window ("HeardPreferencesWindow"),
                            "directory-practice");
  close_window ("HeardPreferencesWindow");

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (
                                       GTK_LIST_VIEW (_heard_window_get_people_view (practice)))),
                                     0);
  person = HEARD_PERSON_PAGE (_heard_window_get_person_page (practice));
  heard_person_page_show_view (person, "plan");
  view = heard_test_ui_find_descendant (GTK_WIDGET (person), HEARD_TYPE_PLAN_VIEW, NULL);
  heard_test_ui_wait_until (plan_is_shown, view, "their plan");
  g_assert_true (gtk_widget_activate_action (view, "plan.export", NULL));
  dialog = heard_test_ui_wait_for_window ("HeardExportDialog");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));
  heard_test_ui_screenshot (dialog, "directory-practice-export");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (heard_test_ui_find_descendant (
                                 heard_test_ui_find_descendant (GTK_WIDGET (dialog),
                                                                ADW_TYPE_ACTION_ROW,
                                                                "A review meeting"),
                                 GTK_TYPE_CHECK_BUTTON, NULL)), TRUE);
  /* Two schools are two agencies that may attend. */
  g_assert_nonnull (heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                                   "Northgate Academy"));
  g_assert_nonnull (heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                                   "Riverside College"));
  heard_test_ui_screenshot (dialog, "directory-practice-meeting");
  close_window ("HeardExportDialog");

  gtk_window_destroy (GTK_WINDOW (practice));
  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = g_dir_make_tmp ("heard-ui-directory-XXXXXX", NULL);
  g_autofree char *records = g_build_filename (root, "heard", NULL);
  int status;

  /* The practice records go beside these ones, in a folder of this test's. */
  g_setenv ("HEARD_DATA_DIR", records, TRUE);
  the_app = heard_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/directory/preferences-to-picker", test_preferences_to_picker);
  g_test_add_func ("/ui/directory/add-inline", test_add_inline);
  g_test_add_func ("/ui/directory/practice", test_practice_directory);

  status = g_test_run ();
  heard_test_remove_dir (root);

  return status;
}

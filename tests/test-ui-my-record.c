/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-ui-my-record"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <sqlite3.h>

#include "heard-case-file.h"
#include "heard-dialog.h"
#include "heard-export-note.h"
#include "heard-person-page.h"
#include "heard-recovery-code.h"
#include "heard-test-ui.h"
#include "heard-test-utils.h"
#include "heard-window-private.h"

/*
 * "Export My Record…" from the young person's page, under Xvfb, as a
 * caseworker does it: a name typed into the list of names to remove, the
 * real file chooser; the PDF holds their words with that name removed and
 * says names were removed, and the audit trail notes an export of their
 * own record for them. "Subject Access Export…" withholds a statement
 * under an exemption: refused beside the reason while it has none, then
 * left out of the PDF, its decision on the cover and in the case file.
 */

static HeardApplication *the_app;

#define OTHER_NAME "Kez"
#define WORDS      "Kez said I could stay at hers. Kezia drove."

static HeardContext *
window_context (HeardWindow *window)
{
  g_autoptr(HeardContext) context = NULL;

  g_object_get (window, "context", &context, NULL);
  return context;
}

static gboolean
chooser_is_gone (gpointer data)
{
  return heard_test_ui_find_window ("GtkFileChooserDialog") == NULL;
}

static gboolean
dialog_is_done (gpointer data)
{
  GtkWindow *dialog = heard_test_ui_find_window ("HeardRecordExportDialog");

  return dialog == NULL || heard_dialog_get_error (HEARD_DIALOG (dialog)) != NULL;
}

static gboolean
dialog_is_finalized (gpointer data)
{
  return *(GtkWindow **) data == NULL;
}

static void
test_my_record (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *out_dir = heard_test_make_dir ();
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(HeardCaseFile) case_file = NULL;
  g_autoptr(HeardStatement) statement = heard_statement_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  const char *argv[] = { "/usr/bin/pdftotext", NULL, "-", NULL };
  HeardWindow *window;
  HeardPersonPage *page;
  GtkWindow *dialog;
  GtkWindow *chooser;
  GtkWidget *name_row;
  GtkWindow *gone = NULL;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  code = heard_test_ui_dup_recovery_code (the_app);
  heard_test_ui_confirm_recovery_code (the_app);
  window = heard_test_ui_active_window (the_app);
  heard_test_ui_add_person (the_app, "Amira Khan", "Mira");
  page = HEARD_PERSON_PAGE (_heard_window_get_person_page (window));
  case_file = heard_case_file_open (window_context (window), heard_person_page_get_person (page));

  heard_statement_set_person_id (statement, heard_case_file_get_person_id (case_file));
  heard_statement_set_text (statement, HEARD_STATEMENT_WORDS, WORDS);
  heard_statement_set_text (statement, HEARD_STATEMENT_GIVEN_ON, "03/05/2026");
  heard_case_file_record_statement_async (case_file, statement, NULL,
                                          heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_cmpint (heard_case_file_write_finish (case_file, result, &error), >, 0);
  g_assert_no_error (error);
  /* The result holds the case file, and so the records, until let go. */
  g_clear_object (&result);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "person.export-my-record",
                                             NULL));
  dialog = heard_test_ui_wait_for_window ("HeardRecordExportDialog");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &gone);
  gone = dialog;
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));

  /* A name typed and added shows in the list. */
  name_row = heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_nonnull (name_row);
  gtk_editable_set_text (GTK_EDITABLE (name_row), OTHER_NAME);
  g_signal_emit_by_name (name_row, "apply");
  g_assert_nonnull (heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                                   OTHER_NAME));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  chooser = heard_test_ui_wait_for_window ("GtkFileChooserDialog");
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_true (g_str_has_prefix (name, "my-record-"));
  path = g_build_filename (out_dir, name, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), path);
  g_assert_true (gtk_widget_activate (gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser),
                                                                          GTK_RESPONSE_ACCEPT)));
  heard_test_ui_wait_until (chooser_is_gone, NULL, "the file chooser to close");
  heard_test_ui_wait_until (dialog_is_done, NULL, "the export to finish");
  dialog = heard_test_ui_find_window ("HeardRecordExportDialog");
  g_assert_null (dialog != NULL ? heard_dialog_get_error (HEARD_DIALOG (dialog)) : NULL);

  argv[1] = path;
  text = heard_test_run_tool (argv);
  g_strdelimit (text, "\n", ' ');
  g_assert_nonnull (strstr (text, "My record"));
  g_assert_nonnull (strstr (text, "[name removed] said I could stay at hers. Kezia drove."));
  g_assert_null (strstr (text, "Kez "));
  g_assert_nonnull (strstr (text, "We took out the names of some other people."));

  notes = heard_test_read_export_notes (data_dir, code);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpint (((HeardExportNote *) notes->pdata[0])->kind, ==, HEARD_EXPORT_MY_RECORD);
  g_assert_cmpstr (((HeardExportNote *) notes->pdata[0])->recipient, ==, "young-person");

  /* Nothing of the dialog stays once it is done. */
  heard_test_ui_wait_until (dialog_is_finalized, &gone, "the dialog to go");
  g_clear_object (&case_file);
  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
  heard_test_remove_dir (out_dir);
}

#define WITHHELD_WORDS "Tasha was there when it happened."
#define KEPT_WORDS     "I want to stay at my school."
#define WITHHOLD_WHY   "It is about another child"

/* Records a statement of @words for the case file's young person: its id. */
static gint64
record_statement (HeardCaseFile *case_file,
                  const char    *words)
{
  g_autoptr(HeardStatement) statement = heard_statement_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  heard_statement_set_person_id (statement, heard_case_file_get_person_id (case_file));
  heard_statement_set_text (statement, HEARD_STATEMENT_WORDS, words);
  heard_statement_set_text (statement, HEARD_STATEMENT_GIVEN_ON, "03/05/2026");
  heard_case_file_record_statement_async (case_file, statement, NULL,
                                          heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  id = heard_case_file_write_finish (case_file, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* The newest "exported" entry of the audit trail. */
static gint64
last_export_audit_id (const char *data_dir,
                      const char *code)
{
  g_autofree char *db_path = g_build_filename (data_dir, "heard.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardKey) key = heard_recovery_code_parse (code, &error);
  sqlite3_stmt *statement = NULL;
  sqlite3 *db;
  gint64 id;

  g_assert_no_error (error);
  db = heard_test_raw_open (db_path, key);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT max (id) FROM audit WHERE action = 'exported'",
                                       -1, &statement, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (statement, 0);
  sqlite3_finalize (statement);
  sqlite3_close (db);
  return id;
}

static void
test_subject_access (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *out_dir = heard_test_make_dir ();
  g_autofree char *code = NULL;
  g_autofree char *item = NULL;
  g_autofree char *title = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(HeardCaseFile) case_file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) withholdings = NULL;
  const char *argv[] = { "/usr/bin/pdftotext", NULL, "-", NULL };
  HeardWithholding *withholding;
  HeardWindow *window;
  HeardPersonPage *page;
  GtkWindow *dialog;
  GtkWindow *chooser;
  GtkWidget *row;
  GtkWidget *withhold;
  GtkWidget *exemption;
  GtkWidget *reason;
  GtkWidget *decided_by;
  gint64 withheld_id;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  code = heard_test_ui_dup_recovery_code (the_app);
  heard_test_ui_confirm_recovery_code (the_app);
  window = heard_test_ui_active_window (the_app);
  heard_test_ui_add_person (the_app, "Amira Khan", "Mira");
  page = HEARD_PERSON_PAGE (_heard_window_get_person_page (window));
  case_file = heard_case_file_open (window_context (window), heard_person_page_get_person (page));
  withheld_id = record_statement (case_file, WITHHELD_WORDS);
  record_statement (case_file, KEPT_WORDS);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "person.export-subject-access",
                                             NULL));
  dialog = heard_test_ui_wait_for_window ("HeardRecordExportDialog");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));

  /* The statement's row: withheld, under an exemption, with no reason yet. */
  /* Named as a person finds it: its kind and day (on the cover too), then
   * how its words start (in the dialog alone); never by its number. */
  item = heard_withholding_name_item (HEARD_WITHHELD_STATEMENT, withheld_id,
                                      heard_case_file_find_statement (case_file, withheld_id));
  g_assert_true (g_str_has_prefix (item, "Statement of "));
  title = g_strdup_printf ("%s: “%s”", item, WITHHELD_WORDS);
  row = heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, title);
  g_assert_nonnull (row);
  withhold = heard_test_ui_find_descendant (row, ADW_TYPE_ACTION_ROW, "Withhold");
  g_assert_nonnull (withhold);
  withhold = heard_test_ui_find_descendant (withhold, GTK_TYPE_SWITCH, NULL);
  exemption = heard_test_ui_find_descendant (row, ADW_TYPE_COMBO_ROW, NULL);
  reason = heard_test_ui_find_descendant (row, ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_nonnull (withhold);
  g_assert_nonnull (exemption);
  g_assert_nonnull (reason);
  g_assert_false (gtk_widget_get_sensitive (reason));
  gtk_switch_set_active (GTK_SWITCH (withhold), TRUE);
  g_assert_true (gtk_widget_get_sensitive (reason));
  decided_by = heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                              "Decided by");
  g_assert_nonnull (decided_by);
  gtk_editable_set_text (GTK_EDITABLE (decided_by), "Sam Reviewer");

  /* No exemption is chosen for them: without one it is refused beside it. */
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (
                     ADW_COMBO_ROW (exemption))), ==, "Choose why");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  heard_test_ui_hold (chooser_is_gone, NULL, 500, "no file chooser to open");
  heard_test_ui_assert_field_error (exemption, "Choose why");
  heard_test_ui_screenshot (dialog, "subject-access-choose-why");
  /* The first choice is "Choose why"; the exemptions follow, in order. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (exemption), 1 + HEARD_EXEMPTION_THIRD_PARTY);

  /* Without a reason it is refused beside the reason, and nothing goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  heard_test_ui_hold (chooser_is_gone, NULL, 500, "no file chooser to open");
  heard_test_ui_assert_field_error (reason, "Give the reason");
  heard_test_ui_screenshot (dialog, "subject-access-withhold");
  g_assert_cmpuint (heard_test_read_export_notes (data_dir, code)->len, ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (reason), WITHHOLD_WHY);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  chooser = heard_test_ui_wait_for_window ("GtkFileChooserDialog");
  path = g_build_filename (out_dir, "subject-access.pdf", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), path);
  g_assert_true (gtk_widget_activate (gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser),
                                                                          GTK_RESPONSE_ACCEPT)));
  heard_test_ui_wait_until (chooser_is_gone, NULL, "the file chooser to close");
  heard_test_ui_wait_until (dialog_is_done, NULL, "the export to finish");
  dialog = heard_test_ui_find_window ("HeardRecordExportDialog");
  g_assert_null (dialog != NULL ? heard_dialog_get_error (HEARD_DIALOG (dialog)) : NULL);

  /* The statement's words are out; its decision is on the cover. */
  argv[1] = path;
  text = heard_test_run_tool (argv);
  g_strdelimit (text, "\n", ' ');
  g_assert_nonnull (strstr (text, KEPT_WORDS));
  g_assert_null (strstr (text, "Tasha"));
  g_assert_nonnull (strstr (text, item));
  g_assert_nonnull (strstr (text, "Information about someone else"));
  g_assert_nonnull (strstr (text, WITHHOLD_WHY));
  g_assert_nonnull (strstr (text, "Sam Reviewer"));

  /* The case file keeps the decision with the export's entry. */
  notes = heard_test_read_export_notes (data_dir, code);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpint (((HeardExportNote *) notes->pdata[0])->kind, ==, HEARD_EXPORT_SUBJECT_ACCESS);
  heard_case_file_list_withholdings_async (case_file, last_export_audit_id (data_dir, code), NULL,
                                           heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  withholdings = heard_case_file_read_finish (case_file, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (withholdings->len, ==, 1);
  withholding = g_ptr_array_index (withholdings, 0);
  g_assert_cmpint (heard_withholding_get_what (withholding), ==, HEARD_WITHHELD_STATEMENT);
  g_assert_cmpint (heard_withholding_get_record_id (withholding), ==, withheld_id);
  g_assert_cmpint (heard_withholding_get_exemption (withholding), ==, HEARD_EXEMPTION_THIRD_PARTY);
  g_assert_cmpstr (heard_withholding_get_reason (withholding), ==, WITHHOLD_WHY);
  g_assert_cmpstr (heard_withholding_get_decided_by (withholding), ==, "Sam Reviewer");
  g_clear_object (&result);

  g_clear_object (&case_file);
  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
  heard_test_remove_dir (out_dir);
}

int
main (int   argc,
      char *argv[])
{
  the_app = heard_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/my-record/export", test_my_record);
  g_test_add_func ("/ui/my-record/subject-access", test_subject_access);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-ui-my-record"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "heard-case-file.h"
#include "heard-dialog.h"
#include "heard-export-note.h"
#include "heard-person-page.h"
#include "heard-test-ui.h"
#include "heard-test-utils.h"
#include "heard-window-private.h"

/*
 * "Export My Record…" from the young person's page, under Xvfb, as a
 * caseworker does it: a name typed into the list of names to remove, the
 * real file chooser; the PDF holds their words with that name removed and
 * says names were removed, and the audit trail notes an export of their
 * own record for them.
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

int
main (int   argc,
      char *argv[])
{
  the_app = heard_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/my-record/export", test_my_record);

  return g_test_run ();
}

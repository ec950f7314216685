/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-ui-export"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "heard-agency.h"
#include "heard-case-file.h"
#include "heard-choice-row.h"
#include "heard-date.h"
#include "heard-export-dialog-private.h"
#include "heard-export-note.h"
#include "heard-person-page.h"
#include "heard-plan-view.h"
#include "heard-recovery-code.h"
#include "heard-test-ui.h"
#include "heard-test-utils.h"

/*
 * The support plan leaving Heard from the Support Plan tab, under Xvfb, as
 * a caseworker does it: for the police, a statement they may not have is
 * not offered, a sensitive one is offered unticked by its content note
 * alone; the real file chooser takes the PDF to a folder, where it holds
 * only the ticked words, page numbers and no name in its file name, and
 * the audit trail says what went to whom. Print draws the same pages. An
 * export stopped, or cut short by a lock, leaves no file behind. The
 * dialog chooses no one for the user; what they said at check-ins goes
 * in by default only for the young person; a print is noted before it
 * runs, and a refused note prints nothing.
 */

static HeardApplication *the_app;

/* Said to the police, and to school. */
#define WORDS_SHARED "I want to stay at my nan's at weekends."
/* Said to school only: never to the police. */
#define WORDS_SCHOOL_ONLY "Please do not tell anyone about the car."
/* Sensitive, may go to the police if ticked. */
#define WORDS_SENSITIVE "He kept my phone for two days."
#define CONTENT_NOTE "About the weekend at the flat"
/* Said at a check-in, and the worker's note of it. */
#define CHECK_IN_WORDS "The bus home felt safer this week"
#define CHECK_IN_NOTE "We talked about the route together"

typedef struct
{
  char          *data_dir;
  char          *out_dir;
  char          *code;
  HeardWindow   *window;
  HeardPlanView *view;
  HeardCaseFile *case_file;
} Fixture;

static HeardContext *
window_context (HeardWindow *window)
{
  g_autoptr(HeardContext) context = NULL;

  g_object_get (window, "context", &context, NULL);
  return context;
}

static gint64
record_statement (HeardCaseFile *case_file,
                  const char    *words,
                  const char    *share_with,
                  gboolean       sensitive)
{
  g_autoptr(HeardStatement) statement = heard_statement_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  heard_statement_set_person_id (statement, heard_case_file_get_person_id (case_file));
  heard_statement_set_text (statement, HEARD_STATEMENT_WORDS, words);
  heard_statement_set_text (statement, HEARD_STATEMENT_GIVEN_ON, "03/05/2026");
  heard_statement_set_text (statement, HEARD_STATEMENT_SHARE_WITH, share_with);
  heard_statement_set_sensitive (statement, sensitive);
  if (sensitive)
    heard_statement_set_text (statement, HEARD_STATEMENT_CONTENT_NOTE, CONTENT_NOTE);
  heard_case_file_record_statement_async (case_file, statement, NULL,
                                          heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  id = heard_case_file_write_finish (case_file, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static gboolean
plan_is_shown (gpointer data)
{
  return heard_plan_view_get_plan (data) != NULL;
}

/* New records with one young person and a draft plan, shown in the
 * Support Plan tab; their statements are for the test to add. */
static void
fixture_set_up (Fixture *f)
{
  HeardPersonPage *page;
  GtkWidget *view;

  f->data_dir = heard_test_make_dir ();
  f->out_dir = heard_test_make_dir ();
  heard_test_ui_start (the_app, f->data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  f->code = heard_test_ui_dup_recovery_code (the_app);
  heard_test_ui_confirm_recovery_code (the_app);
  f->window = heard_test_ui_active_window (the_app);
  heard_test_ui_add_person (the_app, "Amira Khan", "Mira");

  page = HEARD_PERSON_PAGE (_heard_window_get_person_page (f->window));
  f->case_file = heard_case_file_open (window_context (f->window),
                                       heard_person_page_get_person (page));
  heard_person_page_show_view (page, "plan");
  view = heard_test_ui_find_descendant (GTK_WIDGET (page), HEARD_TYPE_PLAN_VIEW, NULL);
  f->view = HEARD_PLAN_VIEW (view);
  g_assert_true (gtk_widget_activate_action (view, "plan.start", NULL));
  heard_test_ui_wait_until (plan_is_shown, view, "the new plan");
}

static void
fixture_tear_down (Fixture *f)
{
  g_clear_object (&f->case_file);
  heard_test_ui_stop (the_app);
  heard_test_remove_dir (f->data_dir);
  heard_test_remove_dir (f->out_dir);
  g_free (f->data_dir);
  g_free (f->out_dir);
  g_free (f->code);
}

/* Whether any label below @root shows @text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}

static GtkCheckButton *
row_check (GtkWidget  *dialog,
           const char *title)
{
  GtkWidget *row = heard_test_ui_find_descendant (dialog, ADW_TYPE_ACTION_ROW, title);

  g_assert_nonnull (row);
  return GTK_CHECK_BUTTON (heard_test_ui_find_descendant (row, GTK_TYPE_CHECK_BUTTON, NULL));
}

/* The button of @dialog that activates @action_name. */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action_name)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
none_unlogged (gpointer data)
{
  return g_list_model_get_n_items (heard_case_file_get_unlogged_exports (data)) == 0;
}

static gboolean
one_unlogged (gpointer data)
{
  return g_list_model_get_n_items (heard_case_file_get_unlogged_exports (data)) == 1;
}

/* A button below @root that shows @label (a toast's, say). */
static GtkWidget *
find_labelled_button (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labelled_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
offers_no_sharing_entry (gpointer data)
{
  return find_labelled_button (data, "Complete Sharing Log…") == NULL;
}

static GtkCheckButton *
recipient_check (GtkWindow  *dialog,
                 const char *title)
{
  return row_check (GTK_WIDGET (dialog), title);
}

static GtkWindow *
open_dialog (Fixture    *f,
             const char *action)
{
  GtkWindow *dialog;
  GtkWidget *focus;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), action, NULL));
  dialog = heard_test_ui_wait_for_window ("HeardExportDialog");
  /* Nobody is chosen for the user: nothing can go out until they choose. */
  g_assert_false (gtk_check_button_get_active (recipient_check (dialog, "An agency")));
  g_assert_false (gtk_check_button_get_active (recipient_check (dialog, "A review meeting")));
  g_assert_false (gtk_check_button_get_active (recipient_check (dialog, "The young person")));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Choose who this is for."));
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (dialog),
                                                               "dialog.save")));
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (dialog),
                                                               "export.other")));
  /* The focus starts on the first choice, "An agency". */
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_true (GTK_IS_CHECK_BUTTON (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, heard_test_ui_find_descendant (
                                                  GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                                  "An agency")));
  return dialog;
}

static void
choose_recipient (GtkWindow  *dialog,
                  const char *title)
{
  gtk_check_button_set_active (recipient_check (dialog, title), TRUE);
  g_assert_false (shows_text (GTK_WIDGET (dialog), "Choose who this is for."));
}

static void
choose_agency (GtkWindow  *dialog,
               const char *code)
{
  GtkWidget *row = heard_test_ui_find_descendant (GTK_WIDGET (dialog), HEARD_TYPE_CHOICE_ROW,
                                                  NULL);

  choose_recipient (dialog, "An agency");
  g_assert_true (heard_choice_row_choose_id (HEARD_CHOICE_ROW (row), code));
}

static const char *
their_words_description (GtkWindow *dialog)
{
  GtkWidget *group = heard_test_ui_find_by_name (GTK_WIDGET (dialog), "their-words");

  return adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group));
}

static char *
today_iso (void)
{
  GDate today;

  heard_date_today (&today);
  return heard_date_to_iso (&today);
}

static gboolean
chooser_is_gone (gpointer data)
{
  return heard_test_ui_find_window ("GtkFileChooserDialog") == NULL;
}

/* Presses the dialog's Export… and answers the real file chooser that
 * opens (GtkFileChooserNative's own dialog, with no portal here): the
 * name suggested, in the folder @f->out_dir. Returns that name. */
static char *
export_through_chooser (Fixture   *f,
                        GtkWindow *dialog)
{
  g_autofree char *path = NULL;
  GtkWindow *chooser;
  char *name;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  chooser = heard_test_ui_wait_for_window ("GtkFileChooserDialog");
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  /* Typed in its name box as a whole path, as anyone can. */
  path = g_build_filename (f->out_dir, name, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), path);
  /* As a click on its Export button: the chooser checks the name first. */
  g_assert_true (gtk_widget_activate (gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser),
                                                                          GTK_RESPONSE_ACCEPT)));
  heard_test_ui_wait_until (chooser_is_gone, NULL, "the file chooser to close");

  return name;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "/usr/bin/pdftotext", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* Lines wrap where the page wants: words are looked for across them. */
  g_strdelimit (out, "\n", ' ');

  return out;
}

/* Every export noted in the audit trail, oldest first. */
static GPtrArray *
read_export_notes (Fixture *f)
{
  return heard_test_read_export_notes (f->data_dir, f->code);
}

static gboolean
dialog_is_done (gpointer data)
{
  GtkWindow *dialog = heard_test_ui_find_window ("HeardExportDialog");

  return dialog == NULL || heard_dialog_get_error (HEARD_DIALOG (dialog)) != NULL;
}

/* Waits for the dialog to close once it has done its work; fails with
 * what it says if it says something went wrong. */
static void
wait_until_done (void)
{
  GtkWindow *dialog;

  heard_test_ui_wait_until (dialog_is_done, NULL, "the export dialog to finish");
  dialog = heard_test_ui_find_window ("HeardExportDialog");
  g_assert_null (dialog != NULL ? heard_dialog_get_error (HEARD_DIALOG (dialog)) : NULL);
}

/* For the police: what they may not have is not offered, what is
 * sensitive is offered by its note and unticked; the PDF holds what was
 * ticked, and the trail says so. Then printed for the young person. */
static void
test_pdf_for_agency (void)
{
  Fixture f = { 0 };
  g_autofree char *police_and_school = heard_agency_list_add ("police", HEARD_AGENCY_SCHOOL);
  g_autofree char *today = today_iso ();
  g_autofree char *expected_name = g_strdup_printf ("support-plan-%s.pdf", today);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *printed_text = NULL;
  g_autofree char *listed = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  HeardExportNote *note;
  GtkWindow *dialog;
  gint64 shared, school_only, sensitive;

  fixture_set_up (&f);
  shared = record_statement (f.case_file, WORDS_SHARED, police_and_school, FALSE);
  school_only = record_statement (f.case_file, WORDS_SCHOOL_ONLY, "school", FALSE);
  sensitive = record_statement (f.case_file, WORDS_SENSITIVE, "police", TRUE);
  g_assert_cmpint (school_only, >, 0);

  dialog = open_dialog (&f, "plan.export");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));
  heard_test_ui_screenshot (dialog, "export-dialog");
  choose_agency (dialog, "police");

  /* Offered, ticked: their words agreed for the police. */
  g_assert_true (gtk_check_button_get_active (row_check (GTK_WIDGET (dialog), WORDS_SHARED)));
  /* Not offered at all, and said why. */
  g_assert_null (heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                                WORDS_SCHOOL_ONLY));
  g_assert_false (shows_text (GTK_WIDGET (dialog), WORDS_SCHOOL_ONLY));
  g_assert_cmpstr (their_words_description (dialog), ==,
                   "1 statement is not offered: they have not agreed to share it with Police.");
  /* Sensitive: its content note only, never its words, and unticked. */
  g_assert_false (gtk_check_button_get_active (row_check (GTK_WIDGET (dialog), CONTENT_NOTE)));
  g_assert_false (shows_text (GTK_WIDGET (dialog), WORDS_SENSITIVE));
  heard_test_ui_screenshot (dialog, "export-dialog-police");

  /* For school, the school-only words are offered too. */
  choose_agency (dialog, "school");
  g_assert_nonnull (heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                                   WORDS_SCHOOL_ONLY));
  choose_agency (dialog, "police");

  name = export_through_chooser (&f, dialog);
  g_assert_cmpstr (name, ==, expected_name);
  wait_until_done ();

  /* One file, no name of theirs in its name, only the ticked words in it. */
  listed = heard_test_list_names (f.out_dir);
  g_assert_cmpstr (g_strchomp (listed), ==, expected_name);
  g_assert_null (strstr (name, "Amira"));
  g_assert_null (strstr (name, "Mira"));
  g_assert_null (strstr (name, "Khan"));
  path = g_build_filename (f.out_dir, name, NULL);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, WORDS_SHARED));
  g_assert_null (strstr (text, WORDS_SCHOOL_ONLY));
  g_assert_null (strstr (text, WORDS_SENSITIVE));
  g_assert_nonnull (strstr (text, "Page 1 of"));

  /* The audit trail: a PDF for the police, with this plan and one
   * statement, the one ticked. */
  notes = read_export_notes (&f);
  g_assert_cmpuint (notes->len, ==, 1);
  note = g_ptr_array_index (notes, 0);
  g_assert_cmpint (note->kind, ==, HEARD_EXPORT_PDF);
  g_assert_cmpstr (note->recipient, ==, "agency:police");
  g_assert_cmpint (note->plan_id, ==, heard_plan_get_id (heard_plan_view_get_plan (f.view)));
  g_assert_cmpuint (note->plan_version, ==, 1);
  g_assert_cmpuint (note->statements->len, ==, 1);
  g_assert_cmpint (g_array_index (note->statements, HeardExportedStatement, 0).id, ==, shared);
  g_assert_cmpuint (note->n_check_ins, ==, 0);
  g_clear_pointer (&notes, g_ptr_array_unref);

  /* An export is sharing: the toast offers at once to complete its entry
   * of the sharing log, which opens filled in. */
  {
    GtkWidget *complete = find_labelled_button (GTK_WIDGET (heard_test_ui_active_window (the_app)),
                                                "Complete Sharing Log…");
    GtkWindow *editor;
    const char *method;

    g_assert_nonnull (complete);
    heard_test_ui_wait_until (one_unlogged, f.case_file, "the export waiting for the log");
    gtk_widget_activate (complete);
    editor = heard_test_ui_wait_for_window ("HeardSharingEditor");
    g_assert_true (shows_text (GTK_WIDGET (editor), "Record Sharing"));
    /* An export's own entry: a file or a printed report, what went in said. */
    method = heard_choice_row_get_chosen_id (HEARD_CHOICE_ROW (
      heard_test_ui_find_by_name (GTK_WIDGET (editor), "method")));
    g_assert_true (g_strcmp0 (method, "secure-transfer") == 0 ||
                   g_strcmp0 (method, "printed-report") == 0);
    g_assert_cmpint (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (
                       heard_test_ui_find_by_name (GTK_WIDGET (editor), "what")))), >, 0);
    gtk_window_destroy (editor);
    heard_test_ui_wait_window_gone ("HeardSharingEditor");
    heard_test_ui_wait_until (offers_no_sharing_entry, heard_test_ui_active_window (the_app),
                              "the offer taken");
  }

  /* Printed for the young person: every statement of theirs is offered,
   * the sensitive one still unticked; the print draws through begin-print
   * and draw-page into a file here, and is noted as a print. */
  dialog = open_dialog (&f, "plan.print");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (heard_test_ui_find_descendant (
                                 heard_test_ui_find_descendant (GTK_WIDGET (dialog),
                                                                ADW_TYPE_ACTION_ROW,
                                                                "The young person"),
                                 GTK_TYPE_CHECK_BUTTON, NULL)), TRUE);
  g_assert_true (gtk_check_button_get_active (row_check (GTK_WIDGET (dialog),
                                                         WORDS_SCHOOL_ONLY)));
  g_assert_false (gtk_check_button_get_active (row_check (GTK_WIDGET (dialog), CONTENT_NOTE)));
  g_assert_null (strstr (their_words_description (dialog), "not offered"));
  printed = g_build_filename (f.out_dir, "printed.pdf", NULL);
  _heard_export_dialog_print_to_file (HEARD_EXPORT_DIALOG (dialog), printed);
  wait_until_done ();
  printed_text = pdf_text (printed);
  g_assert_nonnull (strstr (printed_text, WORDS_SHARED));
  g_assert_nonnull (strstr (printed_text, WORDS_SCHOOL_ONLY));
  g_assert_null (strstr (printed_text, WORDS_SENSITIVE));
  g_assert_nonnull (strstr (printed_text, "Page 1 of"));

  notes = read_export_notes (&f);
  g_assert_cmpuint (notes->len, ==, 2);
  note = g_ptr_array_index (notes, 1);
  g_assert_cmpint (note->kind, ==, HEARD_EXPORT_PRINT);
  g_assert_cmpstr (note->recipient, ==, "young-person");
  g_assert_cmpuint (note->statements->len, ==, 2);
  g_assert_cmpint (sensitive, >, 0);
  /* Their own copy told no agency: no sharing entry waits for it. */
  heard_test_ui_hold (offers_no_sharing_entry, heard_test_ui_active_window (the_app), 500,
                      "no offer to log their own copy");
  g_assert_cmpuint (g_list_model_get_n_items (heard_case_file_get_unlogged_exports (f.case_file)),
                    ==, 1);

  fixture_tear_down (&f);
}

static gboolean
is_done (gpointer data)
{
  return *(gboolean *) data;
}

/* What to do the moment the first page of an export is written. */
typedef struct
{
  GtkWidget  *widget;
  const char *action;
  gboolean    done;
} OnFirstPage;

static void
first_page_cb (GtkProgressBar *bar,
               GParamSpec     *pspec,
               OnFirstPage    *on)
{
  if (on->done || gtk_progress_bar_get_fraction (bar) <= 0)
    return;

  on->done = TRUE;
  g_assert_true (gtk_widget_activate_action (on->widget, on->action, NULL));
}

/* Exports through the chooser, and activates @action on @widget as soon as
 * the dialog shows that the first page is written. */
static void
export_then_on_first_page (Fixture    *f,
                           GtkWindow  *dialog,
                           GtkWidget  *widget,
                           const char *action)
{
  GtkWidget *bar = heard_test_ui_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_PROGRESS_BAR,
                                                  NULL);
  OnFirstPage on = { widget, action, FALSE };
  gulong handler = g_signal_connect (bar, "notify::fraction", G_CALLBACK (first_page_cb), &on);

  g_object_ref (bar);
  g_free (export_through_chooser (f, dialog));
  heard_test_ui_wait_until (is_done, &on.done, "the first page written");
  g_signal_handler_disconnect (bar, handler);
  g_object_unref (bar);
}

/* Whether the export dialog is no longer exporting (or is gone). */
static gboolean
is_idle (gpointer data)
{
  GtkWindow *dialog = heard_test_ui_find_window ("HeardExportDialog");
  GtkWidget *bar;

  if (dialog == NULL)
    return TRUE;

  bar = heard_test_ui_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_PROGRESS_BAR, NULL);
  return !gtk_widget_get_visible (gtk_widget_get_ancestor (bar, ADW_TYPE_PREFERENCES_GROUP)) &&
         gtk_widget_is_sensitive (heard_test_ui_find_by_name (GTK_WIDGET (dialog),
                                                              "their-words"));
}

static gboolean
folder_is_empty (gpointer data)
{
  g_autofree char *names = heard_test_list_names (data);

  return g_strchomp (names)[0] == '\0';
}

/* A plan long enough to take a while to write: many pages of their words. */
static void
add_long_statements (Fixture *f)
{
  g_autoptr(GString) words = g_string_new (NULL);

  for (guint i = 0; i < 600; i++)
    g_string_append (words, "I told them and I kept telling them until someone listened. ");
  for (guint i = 0; i < 8; i++)
    record_statement (f->case_file, words->str, "school", FALSE);
}

/* Cancel Export while pages are written leaves no file, and the dialog
 * offers the export again; a lock while they are written closes the
 * dialog and leaves no file either. */
static void
test_cancel_and_lock (void)
{
  Fixture f = { 0 };
  GtkWindow *dialog;

  fixture_set_up (&f);
  add_long_statements (&f);

  dialog = open_dialog (&f, "plan.export");
  choose_agency (dialog, "school");
  export_then_on_first_page (&f, dialog, GTK_WIDGET (dialog), "export.cancel");
  heard_test_ui_wait_until (is_idle, NULL, "the export to stop");
  heard_test_ui_hold (folder_is_empty, f.out_dir, 500, "no file after a cancelled export");
  g_assert_nonnull (heard_test_ui_find_window ("HeardExportDialog"));
  g_assert_true (gtk_widget_is_sensitive (heard_test_ui_find_descendant (
                                            GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                            "An agency")));
  /* Nothing said in the banner: stopping is not a failure. */
  g_assert_null (heard_dialog_get_error (HEARD_DIALOG (dialog)));
  /* It reached no one: no sharing entry waits for it. */
  heard_test_ui_wait_until (none_unlogged, f.case_file, "the stopped export noted as unwritten");

  /* Again, and Heard locks part-way. */
  export_then_on_first_page (&f, dialog, GTK_WIDGET (f.window), "win.lock");
  heard_test_ui_wait_window_gone ("HeardExportDialog");
  heard_test_ui_wait_for_lock (the_app);
  heard_test_ui_hold (folder_is_empty, f.out_dir, 1000, "no file after a lock mid-export");

  fixture_tear_down (&f);
}

static GtkSwitch *
words_switch (GtkWindow *dialog)
{
  GtkWidget *row = heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                                  "Include what they said at check-ins");

  g_assert_nonnull (row);
  return GTK_SWITCH (heard_test_ui_find_descendant (row, GTK_TYPE_SWITCH, NULL));
}

/* Prints into @path as Print… does, and waits for the dialog to be done. */
static char *
print_text (Fixture    *f,
            GtkWindow  *dialog,
            const char *name)
{
  g_autofree char *path = g_build_filename (f->out_dir, name, NULL);

  _heard_export_dialog_print_to_file (HEARD_EXPORT_DIALOG (dialog), path);
  wait_until_done ();
  return pdf_text (path);
}

static gboolean
plan_has_area (gpointer data)
{
  HeardPlan *plan = heard_plan_view_get_plan (data);

  return plan != NULL && g_list_model_get_n_items (heard_plan_get_areas (plan)) == 1;
}

/* What they said at check-ins was asked without any consent to share:
 * it goes in by default only for the young person, never for an agency
 * or a meeting unless the user turns it on; a switch the user touched
 * stays as they set it. The PDF and the audit note follow the switch. */
static void
test_check_in_words (void)
{
  Fixture f = { 0 };
  g_autoptr(HeardCheckIn) check_in = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *for_police = NULL;
  g_autofree char *for_them = NULL;
  g_autofree char *turned_on = NULL;
  const char *absent = "What they said at check-ins, and the worker's notes, are not in";
  HeardExportNote *note;
  GtkWindow *dialog;
  GtkWindow *editor;
  gint64 id;

  fixture_set_up (&f);
  /* An area of the plan to rate, as a caseworker adds it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.view), "plan.add-area", "u",
                                             HEARD_AREA_SAFETY));
  editor = heard_test_ui_wait_for_window ("HeardAreaEditor");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (
                              heard_test_ui_find_descendant (GTK_WIDGET (editor),
                                                             GTK_TYPE_TEXT_VIEW, NULL))),
                            "Walking home late", -1);
  heard_test_ui_save_dialog (editor, "HeardAreaEditor");
  heard_test_ui_wait_until (plan_has_area, f.view, "the area in the plan");
  check_in = heard_test_check_in_new (heard_plan_get_id (heard_plan_view_get_plan (f.view)),
                                      "2026-05-04", HEARD_AREA_SAFETY, 6, 4);
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_THEIR_WORDS, CHECK_IN_WORDS);
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_WORKER_NOTE, CHECK_IN_NOTE);
  heard_case_file_save_check_in_async (f.case_file, check_in, NULL, heard_test_store_result_cb,
                                       &result);
  heard_test_wait (&result);
  id = heard_case_file_write_finish (f.case_file, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  /* It holds the case file, and so the records, until let go. */
  g_clear_object (&result);

  /* The default follows who it is for. */
  dialog = open_dialog (&f, "plan.print");
  choose_agency (dialog, "police");
  g_assert_false (gtk_switch_get_active (words_switch (dialog)));
  choose_recipient (dialog, "The young person");
  g_assert_true (gtk_switch_get_active (words_switch (dialog)));
  choose_recipient (dialog, "A review meeting");
  g_assert_false (gtk_switch_get_active (words_switch (dialog)));
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));

  /* For the police: dates and ratings, not their words, and said so. */
  choose_agency (dialog, "police");
  for_police = print_text (&f, dialog, "police.pdf");
  g_assert_nonnull (strstr (for_police, "4 May 2026"));
  g_assert_nonnull (strstr (for_police, absent));
  g_assert_null (strstr (for_police, CHECK_IN_WORDS));
  g_assert_null (strstr (for_police, CHECK_IN_NOTE));

  /* For the young person: their words and the note. */
  dialog = open_dialog (&f, "plan.print");
  choose_recipient (dialog, "The young person");
  for_them = print_text (&f, dialog, "theirs.pdf");
  g_assert_nonnull (strstr (for_them, CHECK_IN_WORDS));
  g_assert_nonnull (strstr (for_them, CHECK_IN_NOTE));
  g_assert_null (strstr (for_them, absent));

  /* Turned on by the user, it stays on as the recipient changes. */
  dialog = open_dialog (&f, "plan.print");
  choose_recipient (dialog, "The young person");
  gtk_switch_set_active (words_switch (dialog), FALSE);
  gtk_switch_set_active (words_switch (dialog), TRUE);
  choose_agency (dialog, "school");
  g_assert_true (gtk_switch_get_active (words_switch (dialog)));
  turned_on = print_text (&f, dialog, "school.pdf");
  g_assert_nonnull (strstr (turned_on, CHECK_IN_WORDS));

  /* The trail says whether their words went; the cover names them. */
  notes = read_export_notes (&f);
  g_assert_cmpuint (notes->len, ==, 3);
  for (guint i = 0; i < notes->len; i++)
    {
      note = g_ptr_array_index (notes, i);
      g_assert_cmpint (note->names, ==, HEARD_EXPORT_YES);
      g_assert_cmpint (note->words, ==, i == 0 ? HEARD_EXPORT_NO : HEARD_EXPORT_YES);
      g_assert_cmpuint (note->n_check_ins, ==, 1);
    }

  fixture_tear_down (&f);
}

static void
closed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (heard_context_close_finish (HEARD_CONTEXT (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}


/* A print is noted before it runs: when the audit trail refuses the note
 * (here, the records file is closed), nothing is printed, and the dialog
 * says why. */
static void
test_print_noted_first (void)
{
  Fixture f = { 0 };
  g_autofree char *printed = NULL;
  gboolean closed = FALSE;
  GtkWindow *dialog;

  fixture_set_up (&f);
  dialog = open_dialog (&f, "plan.print");
  choose_recipient (dialog, "The young person");

  heard_context_close_async (window_context (f.window), NULL, closed_cb, &closed);
  heard_test_ui_wait_until (is_done, &closed, "the records file closed");
  printed = g_build_filename (f.out_dir, "printed.pdf", NULL);
  _heard_export_dialog_print_to_file (HEARD_EXPORT_DIALOG (dialog), printed);
  heard_test_ui_wait_until (dialog_is_done, NULL, "the print refused");
  dialog = heard_test_ui_find_window ("HeardExportDialog");
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (heard_dialog_get_error (HEARD_DIALOG (dialog)),
                                   "Nothing was printed"));
  heard_test_ui_hold (folder_is_empty, f.out_dir, 500, "no print after a refused note");

  fixture_tear_down (&f);
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

/* In practice records the suggested name says so, and the dialog is what
 * a caseworker learning Heard sees (screenshots, with HEARD_SCREENSHOTS). */
static void
test_practice_name (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *today = today_iso ();
  g_autofree char *expected_name = g_strdup_printf ("practice-support-plan-%s.pdf", today);
  g_autofree char *name = NULL;
  HeardWindow *practice;
  HeardPersonPage *page;
  GtkWidget *view;
  GtkWindow *dialog;
  GtkWindow *chooser;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  g_action_group_activate_action (G_ACTION_GROUP (the_app), "practice", NULL);
  heard_test_ui_wait_until (practice_shown, NULL, "the practice records");
  practice = find_practice_window ();
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (
                                       GTK_LIST_VIEW (_heard_window_get_people_view (practice)))),
                                     0);
  page = HEARD_PERSON_PAGE (_heard_window_get_person_page (practice));
  heard_person_page_show_view (page, "plan");
  view = heard_test_ui_find_descendant (GTK_WIDGET (page), HEARD_TYPE_PLAN_VIEW, NULL);
  heard_test_ui_wait_until (plan_is_shown, view, "their plan");
  heard_test_ui_screenshot (GTK_WINDOW (practice), "export-plan-view");

  g_assert_true (gtk_widget_activate_action (view, "plan.export", NULL));
  dialog = heard_test_ui_wait_for_window ("HeardExportDialog");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));
  heard_test_ui_screenshot (dialog, "export-dialog-practice");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (heard_test_ui_find_descendant (
                                 heard_test_ui_find_descendant (GTK_WIDGET (dialog),
                                                                ADW_TYPE_ACTION_ROW,
                                                                "A review meeting"),
                                 GTK_TYPE_CHECK_BUTTON, NULL)), TRUE);
  /* A meeting no agency attends yet: nothing to export until one is ticked. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL) &&
                  heard_test_ui_find_window ("GtkFileChooserDialog") != NULL);
  /* The practice records' directory names the police and the schools. */
  gtk_check_button_set_active (row_check (GTK_WIDGET (dialog), "Eastside Police Team"), TRUE);
  gtk_check_button_set_active (row_check (GTK_WIDGET (dialog), "Northgate Academy"), TRUE);
  heard_test_ui_screenshot (dialog, "export-dialog-meeting");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  chooser = heard_test_ui_wait_for_window ("GtkFileChooserDialog");
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, expected_name);
  g_assert_true (gtk_widget_activate (gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser),
                                                                          GTK_RESPONSE_CANCEL)));
  heard_test_ui_wait_until (chooser_is_gone, NULL, "the file chooser to close");
  /* Nothing chosen, nothing done: the dialog offers the export again. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* A lock while the file chooser is open takes both away. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  heard_test_ui_wait_for_window ("GtkFileChooserDialog");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (practice), "win.lock", NULL));
  heard_test_ui_wait_window_gone ("HeardExportDialog");
  heard_test_ui_wait_until (chooser_is_gone, NULL, "the file chooser to go with the lock");

  gtk_window_destroy (GTK_WINDOW (practice));
  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = g_dir_make_tmp ("heard-ui-export-XXXXXX", NULL);
  g_autofree char *records = g_build_filename (root, "heard", NULL);
  int status;

  /* The practice records go beside these ones, in a folder of this test's. */
  g_setenv ("HEARD_DATA_DIR", records, TRUE);
  the_app = heard_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/export/pdf-for-agency-and-print", test_pdf_for_agency);
  g_test_add_func ("/ui/export/cancel-and-lock", test_cancel_and_lock);
  g_test_add_func ("/ui/export/practice-name", test_practice_name);
  g_test_add_func ("/ui/export/check-in-words", test_check_in_words);
  g_test_add_func ("/ui/export/print-noted-first", test_print_noted_first);

  status = g_test_run ();
  heard_test_remove_dir (root);

  return status;
}

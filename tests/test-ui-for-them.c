/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-for-them"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "heard-case-file.h"
#include "heard-context-private.h"
#include "heard-dialog.h"
#include "heard-for-them-mark.h"
#include "heard-for-them-row.h"
#include "heard-person-page.h"
#include "heard-plan-view.h"
#include "heard-statement-form.h"
#include "heard-statements-view.h"
#include "heard-store-codesign.h"
#include "heard-test-ui.h"
#include "heard-test-utils.h"

/*
 * Under Xvfb, a caseworker says as they write whether their text is
 * written for the young person to read: an action is, until they untick
 * it, and then co-design and their own record (which ask the same rule
 * through the case file) leave it out; a statement's context is not, and
 * since a statement is never changed in place, marking it for them later
 * is an amendment that needs a reason, refused beside the mark without
 * one and kept with its reason, who and when.
 */

#define REASON "She asked to read what I wrote about that day."

static HeardApplication *the_app;

typedef struct
{
  HeardCaseFile    *case_file;
  HeardForThemText  what;
  gint64            record_id;
  gboolean          for_them;
} MarkWanted;

static gboolean
mark_is (gpointer data)
{
  MarkWanted *wanted = data;

  return !heard_case_file_written_for_them (wanted->case_file, wanted->what,
                                            wanted->record_id) == !wanted->for_them;
}

static void
wait_for_mark (HeardCaseFile    *case_file,
               HeardForThemText  what,
               gint64            record_id,
               gboolean          for_them)
{
  MarkWanted wanted = { case_file, what, record_id, for_them };

  heard_test_ui_wait_until (mark_is, &wanted, for_them ? "written for them" : "kept for staff");
}

static HeardPersonPage *
start_with_amira (const char *data_dir)
{
  HeardWindow *window;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  heard_test_ui_add_person (the_app, "Amira Khan", "Mira");
  window = heard_test_ui_active_window (the_app);
  return HEARD_PERSON_PAGE (_heard_window_get_person_page (window));
}

static HeardCaseFile *
open_case_file (HeardPersonPage *page)
{
  return heard_case_file_open (heard_window_get_context (heard_test_ui_active_window (the_app)),
                               heard_person_page_get_person (page));
}

static HeardForThemRow *
for_them_row (GtkWindow *dialog)
{
  GtkWidget *row = heard_test_ui_find_descendant (GTK_WIDGET (dialog), HEARD_TYPE_FOR_THEM_ROW,
                                                  NULL);

  g_assert_nonnull (row);
  return HEARD_FOR_THEM_ROW (row);
}

/* The spoken names of the checks of every mark in @root, in order. */
static void
collect_mark_names (GtkWidget *root,
                    GPtrArray *names)
{
  if (HEARD_IS_FOR_THEM_ROW (root))
    {
      GtkWidget *check = heard_test_ui_find_descendant (root, GTK_TYPE_CHECK_BUTTON, NULL);

      g_ptr_array_add (names, heard_test_ui_dup_accessible_label (check));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mark_names (child, names);
}

static void
set_first_text_view (GtkWindow  *dialog,
                     const char *text)
{
  GtkWidget *view = heard_test_ui_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static void
save_dialog (GtkWindow  *dialog,
             const char *type_name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  heard_test_ui_wait_window_gone (type_name);
}

static gboolean
has_plan (gpointer data)
{
  return heard_plan_view_get_plan (data) != NULL;
}

static gboolean
has_action (gpointer data)
{
  HeardPlan *plan = heard_plan_view_get_plan (data);

  return plan != NULL && heard_plan_count_actions (plan, NULL) == 1;
}

static gboolean
has_two_actions (gpointer data)
{
  HeardPlan *plan = heard_plan_view_get_plan (data);

  return plan != NULL && heard_plan_count_actions (plan, NULL) == 2;
}

static gboolean
shows_error (gpointer data)
{
  return heard_dialog_get_error (data) != NULL;
}

/* A store that cannot write a mark, as on a full disk. */
static void
refuse_mark_async (HeardStore          *store,
                   HeardForThemMark    *mark,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);

  g_task_set_source_tag (task, heard_store_set_for_them_async);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "The disk is full.");
}

static gboolean
has_area (gpointer data)
{
  HeardPlan *plan = heard_plan_view_get_plan (data);

  return plan != NULL && g_list_model_get_n_items (heard_plan_get_areas (plan)) == 1;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} TagWanted;

static gboolean
find_tag (GtkWidget  *root,
          const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "caption") &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (find_tag (child, text))
        return TRUE;
    }
  return FALSE;
}

static gboolean
shows_tag (gpointer data)
{
  TagWanted *wanted = data;

  return find_tag (wanted->root, wanted->text);
}

/* An action is written for them unless staff untick it; then it is kept
 * for staff, as the plan view says too. */
static void
test_action_unticked (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autoptr(HeardCaseFile) case_file = NULL;
  HeardPersonPage *page;
  HeardPlanView *view;
  HeardPlanArea *area;
  GtkWindow *dialog;
  TagWanted staff_only;
  gint64 area_id, action_id;

  page = start_with_amira (data_dir);
  case_file = open_case_file (page);
  heard_person_page_show_view (page, "plan");
  view = HEARD_PLAN_VIEW (heard_test_ui_find_descendant (GTK_WIDGET (page), HEARD_TYPE_PLAN_VIEW,
                                                         NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.start", NULL));
  heard_test_ui_wait_until (has_plan, view, "a plan");

  /* An area and its worker's goal start written for them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.add-area", "u",
                                             HEARD_AREA_EDUCATION));
  dialog = heard_test_ui_wait_for_window ("HeardAreaEditor");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));
  g_assert_true (heard_for_them_row_get_active (for_them_row (dialog)));
  {
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

    /* A screen reader tells the area's mark from the worker's goal's. */
    collect_mark_names (GTK_WIDGET (dialog), names);
    g_assert_cmpuint (names->len, ==, 2);
    g_assert_cmpstr (names->pdata[0], ==, "The area is written for them to read");
    g_assert_cmpstr (names->pdata[1], ==, "The worker's goal is written for them to read");
  }
  set_first_text_view (dialog, "Go back to college in September.");
  heard_test_ui_screenshot (dialog, "for-them-area-editor");
  save_dialog (dialog, "HeardAreaEditor");
  heard_test_ui_wait_until (has_area, view, "the area");
  area = heard_plan_find_area (heard_plan_view_get_plan (view), HEARD_AREA_EDUCATION);
  area_id = heard_plan_area_get_id (area);
  g_assert_true (heard_case_file_written_for_them (case_file, HEARD_FOR_THEM_AREA, area_id));
  g_assert_true (heard_case_file_written_for_them (case_file, HEARD_FOR_THEM_WORKER_GOAL,
                                                   area_id));

  /* A new action: the check starts on. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.add-action", "x", area_id));
  dialog = heard_test_ui_wait_for_window ("HeardActionEditor");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));
  g_assert_true (heard_for_them_row_get_active (for_them_row (dialog)));
  set_first_text_view (dialog, "Meet the college's pastoral lead together");
  heard_test_ui_set_row_text (GTK_WIDGET (dialog), "Named person there", "Ms Patel");
  heard_test_ui_set_row_text (GTK_WIDGET (dialog), "To be done by", "15/01/2031");
  save_dialog (dialog, "HeardActionEditor");
  heard_test_ui_wait_until (has_action, view, "the action");
  area = heard_plan_find_area (heard_plan_view_get_plan (view), HEARD_AREA_EDUCATION);
  {
    g_autoptr(HeardPlanAction) action = g_list_model_get_item (heard_plan_area_get_actions (area),
                                                               0);

    action_id = heard_plan_action_get_id (action);
  }
  g_assert_true (heard_case_file_written_for_them (case_file, HEARD_FOR_THEM_ACTION, action_id));
  g_assert_cmpuint (g_list_model_get_n_items (heard_case_file_get_for_them_marks (case_file)), ==,
                    0);

  /* Unticked: kept for staff, so co-design and their record leave it out. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.edit-action", "x",
                                             action_id));
  dialog = heard_test_ui_wait_for_window ("HeardActionEditor");
  g_assert_true (heard_for_them_row_get_active (for_them_row (dialog)));
  heard_for_them_row_set_active (for_them_row (dialog), FALSE);
  heard_test_ui_screenshot (dialog, "for-them-action-editor");
  save_dialog (dialog, "HeardActionEditor");
  wait_for_mark (case_file, HEARD_FOR_THEM_ACTION, action_id, FALSE);
  staff_only = (TagWanted) { GTK_WIDGET (view), "Staff only" };
  heard_test_ui_wait_until (shows_tag, &staff_only, "the action tagged staff only");
  heard_test_ui_screenshot (GTK_WINDOW (heard_test_ui_active_window (the_app)), "for-them-plan");

  /* Opened again, the check starts where it was left. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.edit-action", "x",
                                             action_id));
  dialog = heard_test_ui_wait_for_window ("HeardActionEditor");
  g_assert_false (heard_for_them_row_get_active (for_them_row (dialog)));
  gtk_window_destroy (dialog);

  /* A new action kept for staff, whose mark cannot be written at first:
   * the editor stays open and says so; the second try writes the mark and
   * keeps one action, not two. */
  {
    HeardStore *store = _heard_context_get_store (heard_case_file_get_context (case_file));
    HeardStoreClass *store_class = HEARD_STORE_GET_CLASS (store);
    void (*set_for_them_async) (HeardStore *, HeardForThemMark *, GCancellable *,
                                GAsyncReadyCallback, gpointer) = store_class->set_for_them_async;
    g_autoptr(HeardPlanAction) second = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.add-action", "x",
                                               area_id));
    dialog = heard_test_ui_wait_for_window ("HeardActionEditor");
    set_first_text_view (dialog, "Write to the college about the timetable");
    heard_test_ui_set_row_text (GTK_WIDGET (dialog), "Named person there", "Ms Patel");
    heard_test_ui_set_row_text (GTK_WIDGET (dialog), "To be done by", "15/02/2031");
    heard_for_them_row_set_active (for_them_row (dialog), FALSE);
    store_class->set_for_them_async = refuse_mark_async;
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
    heard_test_ui_wait_until (has_two_actions, view, "the second action");
    heard_test_ui_wait_until (shows_error, dialog, "the refused mark said");
    g_assert_true (heard_test_ui_find_window ("HeardActionEditor") == dialog);
    store_class->set_for_them_async = set_for_them_async;

    save_dialog (dialog, "HeardActionEditor");
    area = heard_plan_find_area (heard_plan_view_get_plan (view), HEARD_AREA_EDUCATION);
    g_assert_cmpuint (g_list_model_get_n_items (heard_plan_area_get_actions (area)), ==, 2);
    second = g_list_model_get_item (heard_plan_area_get_actions (area), 1);
    wait_for_mark (case_file, HEARD_FOR_THEM_ACTION, heard_plan_action_get_id (second), FALSE);
  }

  g_clear_object (&case_file);
  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

static gboolean
lists_one (gpointer data)
{
  return g_list_model_get_n_items (heard_statements_view_get_statements (data)) == 1;
}

static gboolean
has_marks (gpointer data)
{
  return g_list_model_get_n_items (data) > 0;
}

/* A statement's context is kept for staff; marking it for them later is
 * an amendment: refused beside the mark without a reason, saved with one. */
static void
test_statement_context_needs_reason (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autoptr(HeardCaseFile) case_file = NULL;
  HeardStatement *statement;
  HeardForThemMark *mark;
  HeardPersonPage *page;
  HeardStatementsView *view;
  HeardStatementForm *form;
  GtkWindow *dialog;
  GListModel *marks;
  TagWanted for_them;
  gint64 id;

  page = start_with_amira (data_dir);
  case_file = open_case_file (page);
  heard_person_page_show_view (page, "statements");
  view = HEARD_STATEMENTS_VIEW (heard_person_page_get_statements_view (page));

  /* Recorded: the context's check starts off. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "statements.record", NULL));
  dialog = heard_test_ui_wait_for_window ("HeardStatementEditor");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));
  form = HEARD_STATEMENT_FORM (heard_test_ui_find_descendant (GTK_WIDGET (dialog),
                                                              HEARD_TYPE_STATEMENT_FORM, NULL));
  g_assert_false (heard_for_them_row_get_active (
                    heard_statement_form_get_context_for_them_row (form)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (heard_statement_form_get_words_view (form)),
                            "I want to go back to college.", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (
                              heard_statement_form_get_context_view (form)),
                            "Said at the drop-in; she seemed tired.", -1);
  heard_test_ui_set_row_text (GTK_WIDGET (dialog), "Where", "The drop-in");
  save_dialog (dialog, "HeardStatementEditor");
  heard_test_ui_wait_until (lists_one, view, "the statement");
  statement = g_list_model_get_item (heard_statements_view_get_statements (view), 0);
  id = heard_statement_get_id (statement);
  g_object_unref (statement);
  g_assert_false (heard_case_file_written_for_them (case_file, HEARD_FOR_THEM_STATEMENT_CONTEXT,
                                                    id));

  /* Ticked later with no reason: refused beside the mark, nothing saved. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "statements.amend", "x", id));
  dialog = heard_test_ui_wait_for_window ("HeardAmendmentDialog");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));
  form = HEARD_STATEMENT_FORM (heard_test_ui_find_descendant (GTK_WIDGET (dialog),
                                                              HEARD_TYPE_STATEMENT_FORM, NULL));
  g_assert_false (heard_for_them_row_get_active (
                    heard_statement_form_get_context_for_them_row (form)));
  heard_for_them_row_set_active (heard_statement_form_get_context_for_them_row (form), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  heard_test_ui_assert_field_error (GTK_WIDGET (heard_statement_form_get_context_for_them_row (
                                                  form)),
                                    "please give the reason");
  g_assert_nonnull (heard_test_ui_find_window ("HeardAmendmentDialog"));
  heard_test_ui_screenshot (dialog, "for-them-amendment-refused");
  marks = heard_case_file_get_for_them_marks (case_file);
  g_assert_cmpuint (g_list_model_get_n_items (marks), ==, 0);

  /* With a reason: the mark alone is saved, kept with its reason, who and
   * when, and the statement stays at its first version. */
  heard_test_ui_set_row_text (GTK_WIDGET (dialog),
                              "Reason (for example: they told us we misheard a name)", REASON);
  save_dialog (dialog, "HeardAmendmentDialog");
  wait_for_mark (case_file, HEARD_FOR_THEM_STATEMENT_CONTEXT, id, TRUE);
  heard_test_ui_wait_until (has_marks, marks, "the mark");
  mark = g_list_model_get_item (marks, g_list_model_get_n_items (marks) - 1);
  g_assert_cmpint (heard_for_them_mark_get_what (mark), ==, HEARD_FOR_THEM_STATEMENT_CONTEXT);
  g_assert_cmpint (heard_for_them_mark_get_record_id (mark), ==, id);
  g_assert_cmpstr (heard_for_them_mark_get_reason (mark), ==, REASON);
  g_assert_cmpstr (heard_for_them_mark_get_saved_by (mark), !=, "");
  g_assert_cmpstr (heard_for_them_mark_get_saved_at (mark), !=, "");
  g_object_unref (mark);
  g_assert_cmpuint (heard_statement_get_version (heard_case_file_find_statement (case_file, id)),
                    ==, 1);
  for_them = (TagWanted) { GTK_WIDGET (view), "For them" };
  heard_test_ui_wait_until (shows_tag, &for_them, "the context tagged for them");
  heard_test_ui_screenshot (GTK_WINDOW (heard_test_ui_active_window (the_app)),
                            "for-them-statements");

  g_clear_object (&case_file);
  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

int
main (int   argc,
      char *argv[])
{
  the_app = heard_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/for-them/action-unticked", test_action_unticked);
  g_test_add_func ("/ui/for-them/statement-context-needs-reason",
                   test_statement_context_needs_reason);

  return g_test_run ();
}

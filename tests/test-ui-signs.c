/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-ui-signs"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "heard-case-file.h"
#include "heard-caseload-model.h"
#include "heard-choice-row.h"
#include "heard-closure-dialog.h"
#include "heard-cluster-strip.h"
#include "heard-dialog.h"
#include "heard-field-error.h"
#include "heard-person-page.h"
#include "heard-plan-view.h"
#include "heard-test-ui.h"
#include "heard-test-utils.h"

/*
 * Early warning signs as a caseworker logs them under Xvfb: a day in the
 * future refused beside its field; two signs from a school and one from the
 * police within a fortnight logged through the real dialog, the agency
 * starting at the one last used; the strip on the young person's page
 * names both agencies and the caseload overview lists them; "no further
 * action" without a reason, without a passphrase and with a wrong one is
 * refused and the strip stays; "a meeting was held" clears the strip and
 * the caseload item; a sign the next week gathers with them and brings the
 * strip back; the closure check lists the recent sign.
 */

#define SUPERVISOR_PASSPHRASE "supervisor's own passphrase"

static HeardApplication *the_app;

typedef struct
{
  HeardContext  *context;
  HeardCaseFile *case_file;
  HeardPersonPage *page;
  gint64         school;
  gint64         police;
} Signs;

static gboolean
dialog_shows_error (gpointer data)
{
  return heard_field_error_find (data) != NULL || heard_dialog_get_error (data) != NULL;
}

/* Whether some visible label below @root holds @text. */
static gboolean
has_label_with (GtkWidget  *root,
                const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_visible (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_with (child, text))
      return TRUE;

  return FALSE;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} Wanted;

static gboolean
label_shown (gpointer data)
{
  Wanted *wanted = data;

  return has_label_with (wanted->root, wanted->text);
}

static GtkWidget *
find (GtkWidget  *root,
      const char *name)
{
  GtkWidget *widget = heard_test_ui_find_by_name (root, name);

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
strip_shown (gpointer data)
{
  Signs *signs = data;
  GtkWidget *revealer = find (GTK_WIDGET (signs->page), "cluster-revealer");

  return gtk_widget_is_visible (revealer) &&
         gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

static gboolean
strip_gone (gpointer data)
{
  return !strip_shown (data);
}

static gboolean
options_loaded (gpointer data)
{
  GListModel *options = adw_combo_row_get_model (data);

  return options != NULL && g_list_model_get_n_items (options) > 0;
}

static guint
count_chronology (Signs *signs)
{
  return g_list_model_get_n_items (heard_case_file_get_chronology (signs->case_file));
}

typedef struct
{
  Signs *signs;
  guint  n;
} Count;

static gboolean
has_entries (gpointer data)
{
  Count *count = data;

  return count_chronology (count->signs) == count->n;
}

/* Whether the caseload's "Warning Signs Gathering" names the young person. */
static gboolean
in_caseload (gpointer data)
{
  Signs *signs = data;
  GListModel *caseload = heard_context_get_caseload (signs->context);

  for (guint i = 0; i < g_list_model_get_n_items (caseload); i++)
    {
      g_autoptr(HeardCaseloadGroup) group = g_list_model_get_item (caseload, i);

      if (g_strcmp0 (heard_caseload_group_get_title (group), "Warning Signs Gathering") != 0)
        continue;
      for (guint j = 0; j < heard_caseload_group_get_n_open_items (group); j++)
        if (heard_open_item_get_person_id (heard_caseload_group_get_open_item (group, j)) ==
            heard_case_file_get_person_id (signs->case_file))
          return TRUE;
    }

  return FALSE;
}

static gboolean
not_in_caseload (gpointer data)
{
  return !in_caseload (data);
}

static char *
day_before_today (guint days)
{
  GDate day;

  heard_date_today (&day);
  g_date_subtract_days (&day, days);
  return heard_date_to_iso (&day);
}

/* Opens "Log Warning Sign…" on the young person's page. */
static GtkWindow *
open_sign_editor (Signs *signs)
{
  GtkWindow *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (signs->page), "person.log-sign", NULL));
  editor = heard_test_ui_wait_for_window ("HeardSignEditor");
  heard_test_ui_wait_until (options_loaded, find (GTK_WIDGET (editor), "kind"), "the kinds");
  return editor;
}

/* Logs a sign of harm @days_ago days back, from @agency_id (0: the one the
 * dialog starts at, which must then be @expected_agency_id). */
static void
log_sign (Signs  *signs,
          guint   days_ago,
          gint64  agency_id,
          gint64  expected_agency_id)
{
  GtkWindow *editor = open_sign_editor (signs);
  GtkWidget *agency = find (GTK_WIDGET (editor), "agency");
  g_autofree char *day = day_before_today (days_ago);
  g_autofree char *chosen = NULL;
  Count count = { signs, count_chronology (signs) + 1 };

  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (editor), "day")), day);
  g_assert_true (heard_choice_row_choose_id (HEARD_CHOICE_ROW (find (GTK_WIDGET (editor),
                                                                     "kind")),
                                             "missing-episode"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (GTK_WIDGET (editor), "harm")), TRUE);
  if (agency_id != 0)
    {
      chosen = g_strdup_printf ("%" G_GINT64_FORMAT, agency_id);
      g_assert_true (heard_choice_row_choose_id (HEARD_CHOICE_ROW (agency), chosen));
    }
  else
    {
      chosen = g_strdup_printf ("%" G_GINT64_FORMAT, expected_agency_id);
      g_assert_cmpstr (heard_choice_row_get_chosen_id (HEARD_CHOICE_ROW (agency)), ==, chosen);
    }
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (editor), "reporter")), "Ms Adeyemi");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (GTK_WIDGET (editor),
                                                                           "seen"))),
                            "Not at registration; seen getting into a car at the gates.", -1);
  heard_test_ui_save_dialog (editor, "HeardSignEditor");
  heard_test_ui_wait_until (has_entries, &count, "the sign in the chronology");
}

static gint64
save_agency (HeardContext    *context,
             HeardAgencyType  type,
             const char      *name)
{
  g_autoptr(HeardDirectoryAgency) agency = heard_directory_agency_new (type, name);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  heard_context_save_agency_async (context, agency, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  id = heard_context_save_agency_finish (context, result, &error);
  g_assert_no_error (error);
  return id;
}

static void
save_supervisor (HeardContext *context)
{
  g_autoptr(HeardStaff) supervisor = heard_staff_new (HEARD_STAFF_SUPERVISOR);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  heard_staff_set_name (supervisor, "Sam Okafor");
  heard_context_save_staff_async (context, supervisor, SUPERVISOR_PASSPHRASE, NULL,
                                  heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_cmpint (heard_context_save_staff_finish (context, result, &error), >, 0);
  g_assert_no_error (error);
}

static void
set_text_view (GtkWidget  *view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* Tries to save @dialog and waits for what it says is wrong. */
static void
save_refused (GtkWindow *dialog)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  heard_test_ui_wait_until (dialog_shows_error, dialog, "the save refused");
}

static gboolean
field_error_gone (gpointer data)
{
  return heard_field_error_find (data) == NULL;
}

static gboolean
first_amended (gpointer data)
{
  Signs *signs = data;
  g_autoptr(HeardChronologyEntry) first =
    g_list_model_get_item (heard_case_file_get_chronology (signs->case_file), 0);

  return heard_chronology_entry_get_version (first) == 2 &&
         g_strcmp0 (heard_chronology_entry_get_text (first, HEARD_CHRONOLOGY_SEEN),
                    "Not at registration two days running.") == 0;
}

static gboolean
has_plan (gpointer data)
{
  return heard_plan_view_get_plan (data) != NULL;
}

static void
test_signs (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *future = NULL;
  g_autofree char *today = day_before_today (0);
  g_autoptr(HeardPerson) person = NULL;
  HeardWindow *window;
  HeardPlanView *view;
  GtkWindow *editor;
  GtkWindow *dialog;
  GtkWidget *passphrase;
  Signs signs = { 0 };
  Count none = { &signs, 0 };
  Wanted wanted;
  GDate day;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  window = heard_test_ui_active_window (the_app);
  signs.context = heard_window_get_context (window);
  signs.school = save_agency (signs.context, HEARD_AGENCY_TYPE_SCHOOL, "Northgate Academy");
  signs.police = save_agency (signs.context, HEARD_AGENCY_TYPE_POLICE, "Eastgate Police");
  save_supervisor (signs.context);
  heard_test_ui_add_person (the_app, "Amira Khan", "Mira");
  signs.page = HEARD_PERSON_PAGE (_heard_window_get_person_page (window));
  person = g_object_ref (heard_person_page_get_person (signs.page));
  signs.case_file = heard_case_file_open (signs.context, person);
  g_assert_false (strip_shown (&signs));

  /* The dialog starts at today with focus on the day; every control is
   * named; a day after today is refused beside it and nothing is saved. */
  editor = open_sign_editor (&signs);
  heard_test_ui_assert_every_control_named (GTK_WIDGET (editor));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (editor)),
                                         find (GTK_WIDGET (editor), "day")) ||
                 gtk_root_get_focus (GTK_ROOT (editor)) == find (GTK_WIDGET (editor), "day"));
  heard_date_today (&day);
  g_date_add_days (&day, 3);
  future = heard_date_to_iso (&day);
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (editor), "day")), future);
  save_refused (editor);
  heard_test_ui_assert_field_error (find (GTK_WIDGET (editor), "day"), "future");
  heard_test_ui_hold (has_entries, &none, 300, "nothing saved");
  /* Neither harm nor vulnerability chosen is refused beside the choice. */
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (editor), "day")), today);
  set_text_view (find (GTK_WIDGET (editor), "seen"), "Missed two mornings.");
  save_refused (editor);
  heard_test_ui_assert_field_error (find (GTK_WIDGET (editor), "harm"), "sign of harm");
  heard_test_ui_screenshot (editor, "sign-editor");
  gtk_window_destroy (editor);
  heard_test_ui_wait_window_gone ("HeardSignEditor");

  /* Two from the school (the second starts at the school), one from the police. */
  log_sign (&signs, 20, signs.school, 0);
  log_sign (&signs, 15, 0, signs.school);
  g_assert_false (strip_shown (&signs));
  log_sign (&signs, 8, signs.police, 0);
  heard_test_ui_wait_until (strip_shown, &signs, "the cluster strip");
  wanted = (Wanted) { GTK_WIDGET (signs.page), "Northgate Academy" };
  g_assert_true (label_shown (&wanted));
  wanted.text = "Eastgate Police";
  g_assert_true (label_shown (&wanted));
  wanted.text = "strategy discussion";
  g_assert_true (label_shown (&wanted));
  heard_test_ui_wait_until (in_caseload, &signs, "the young person in the caseload");
  heard_test_ui_screenshot (GTK_WINDOW (window), "cluster-strip");

  /* "No further action": a reason, then a supervisor's passphrase, and a
   * wrong one is refused; the strip stays. */
  gtk_widget_activate (find (GTK_WIDGET (signs.page), "record-decision"));
  dialog = heard_test_ui_wait_for_window ("HeardClusterDecisionDialog");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));
  wanted = (Wanted) { GTK_WIDGET (dialog), "Eastgate Police" };
  g_assert_true (label_shown (&wanted));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (GTK_WIDGET (dialog), "no-further-action")),
                               TRUE);
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (dialog), "decided-by")), "Jo Bell");
  save_refused (GTK_WINDOW (dialog));
  heard_test_ui_assert_field_error (find (GTK_WIDGET (dialog), "why"), "why");
  set_text_view (find (GTK_WIDGET (dialog), "why"), "Already known to the exploitation team.");
  heard_test_ui_wait_until (field_error_gone, dialog, "the error taken away");
  passphrase = heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW,
                                              NULL);
  g_assert_nonnull (passphrase);
  save_refused (GTK_WINDOW (dialog));
  heard_test_ui_assert_field_error (passphrase, "passphrase");
  gtk_editable_set_text (GTK_EDITABLE (passphrase), "not the passphrase");
  heard_test_ui_wait_until (field_error_gone, dialog, "the error taken away");
  save_refused (GTK_WINDOW (dialog));
  heard_test_ui_assert_field_error (passphrase, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (passphrase)), ==, "");
  heard_test_ui_hold (strip_shown, &signs, 300, "the strip staying");
  heard_test_ui_screenshot (dialog, "cluster-decision");

  /* A meeting was held: the strip and the caseload item go. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (GTK_WIDGET (dialog), "meeting")), TRUE);
  heard_test_ui_save_dialog (dialog, "HeardClusterDecisionDialog");
  heard_test_ui_wait_until (strip_gone, &signs, "the strip gone");
  heard_test_ui_wait_until (not_in_caseload, &signs, "the caseload item gone");

  /* A sign the next week gathers with them: the strip comes back. */
  log_sign (&signs, 1, signs.school, 0);
  heard_test_ui_wait_until (strip_shown, &signs, "the strip back");
  heard_test_ui_wait_until (in_caseload, &signs, "the caseload item back");

  /* Amending from the entry asks why beside the field, then keeps both. */
  {
    g_autoptr(HeardChronologyEntry) first =
      g_list_model_get_item (heard_case_file_get_chronology (signs.case_file), 0);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (signs.page), "person.amend-entry", "x",
                                               heard_chronology_entry_get_id (first)));
    editor = heard_test_ui_wait_for_window ("HeardSignEditor");
    heard_test_ui_wait_until (options_loaded, find (GTK_WIDGET (editor), "kind"), "the kinds");
    save_refused (editor);
    heard_test_ui_assert_field_error (find (GTK_WIDGET (editor), "reason"), "amended");
    set_text_view (find (GTK_WIDGET (editor), "reason"), "The school sent the full note.");
    set_text_view (find (GTK_WIDGET (editor), "seen"), "Not at registration two days running.");
    heard_test_ui_save_dialog (editor, "HeardSignEditor");
    heard_test_ui_wait_until (first_amended, &signs, "the amendment in the chronology");
  }

  /* The closure check lists the recent sign, plainly. */
  heard_person_page_show_view (signs.page, "plan");
  view = HEARD_PLAN_VIEW (heard_test_ui_find_descendant (GTK_WIDGET (signs.page),
                                                         HEARD_TYPE_PLAN_VIEW, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.start", NULL));
  heard_test_ui_wait_until (has_plan, view, "a plan");
  dialog = GTK_WINDOW (heard_closure_dialog_new (GTK_WINDOW (window), signs.case_file,
                                                 heard_plan_view_get_plan (view)));
  gtk_window_present (dialog);
  wanted = (Wanted) { GTK_WIDGET (dialog), "Missing episode" };
  heard_test_ui_wait_until (label_shown, &wanted, "the recent sign in the closure check");
  wanted.text = "no decision is recorded yet";
  g_assert_true (label_shown (&wanted));
  heard_test_ui_screenshot (dialog, "closure-check-signs");
  gtk_window_destroy (dialog);

  g_clear_object (&signs.case_file);
  heard_test_ui_stop (the_app);
}

static HeardWindow *
find_practice_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (the_app)); l != NULL;
       l = l->next)
    if (HEARD_IS_WINDOW (l->data) &&
        heard_context_get_practice (heard_window_get_context (l->data)) &&
        g_strcmp0 (_heard_window_get_visible_state (l->data), "records") == 0)
      return l->data;

  return NULL;
}

/* The first young person the caseload names under "Warning Signs
 * Gathering" in @data's caseload (a HeardContext), or 0. */
static gint64
first_gathering (HeardContext *context)
{
  GListModel *caseload = heard_context_get_caseload (context);

  for (guint i = 0; i < g_list_model_get_n_items (caseload); i++)
    {
      g_autoptr(HeardCaseloadGroup) group = g_list_model_get_item (caseload, i);

      if (g_strcmp0 (heard_caseload_group_get_title (group), "Warning Signs Gathering") == 0 &&
          heard_caseload_group_get_n_open_items (group) > 0)
        return heard_open_item_get_person_id (heard_caseload_group_get_open_item (group, 0));
    }

  return 0;
}

static gboolean
practice_gathering (gpointer data)
{
  HeardWindow *window = find_practice_window ();

  return window != NULL && first_gathering (heard_window_get_context (window)) != 0;
}

/* Practice records, where signs gathered for some young people: the
 * caseload overview names one under "Warning Signs Gathering", and their
 * page shows the strip (screenshots in light, dark and narrow). */
static void
test_practice (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  HeardWindow *window;
  Signs signs = { 0 };

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  g_action_group_activate_action (G_ACTION_GROUP (the_app), "practice", NULL);
  heard_test_ui_wait_until (practice_gathering, NULL, "a cluster in the practice caseload");
  window = find_practice_window ();
  heard_test_ui_screenshot (GTK_WINDOW (window), "practice-caseload-signs");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-person", "(xs)",
                                             first_gathering (heard_window_get_context (window)),
                                             "record"));
  signs.page = HEARD_PERSON_PAGE (_heard_window_get_person_page (window));
  heard_test_ui_wait_until (strip_shown, &signs, "the strip on their page");
  heard_test_ui_screenshot (GTK_WINDOW (window), "practice-cluster-strip");
  gtk_window_destroy (GTK_WINDOW (window));
  heard_test_ui_stop (the_app);
}

int
main (int   argc,
      char *argv[])
{
  the_app = heard_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/signs/log-prompt-and-decide", test_signs);
  g_test_add_func ("/ui/signs/practice", test_practice);

  return g_test_run ();
}

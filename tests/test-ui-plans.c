/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-ui-plans"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "heard-agency-picker.h"
#include "heard-caseload-page.h"
#include "heard-date.h"
#include "heard-dialog.h"
#include "heard-person-page.h"
#include "heard-plan-view.h"
#include "heard-statement-form.h"
#include "heard-statements-view.h"
#include "heard-test-ui.h"
#include "heard-test-utils.h"

/*
 * A support plan from start to sign-off, driven under Xvfb as a caseworker
 * and a supervisor would: a supervisor set up in Preferences, a plan with
 * two areas of life and an action, submitted, a wrong passphrase refused,
 * then signed off, active, with its next review three months on. And two
 * windows on the same young person, always agreeing.
 */

#define SUPERVISOR "Sam Okafor"
#define CASEWORKER "Priya Shah-Patel"
#define PASSPHRASE "a long walk by the canal"

static HeardApplication *the_app;

typedef struct
{
  GtkWidget  *root;
  const char *name;
  const char *text;
} LabelWanted;

static gboolean
label_shows (gpointer data)
{
  LabelWanted *wanted = data;
  GtkWidget *label = heard_test_ui_find_by_name (wanted->root, wanted->name);

  return label != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), wanted->text) == 0;
}

/* Waits until the label named @name below @root reads @text. */
static void
wait_for_label (GtkWidget  *root,
                const char *name,
                const char *text)
{
  LabelWanted wanted = { root, name, text };
  g_autofree char *what = g_strdup_printf ("“%s” to read “%s”", name, text);

  heard_test_ui_wait_until (label_shows, &wanted, what);
}

typedef struct
{
  GtkWidget  *root;
  GType       type;
  const char *title;
} RowWanted;

static gboolean
row_is_shown (gpointer data)
{
  RowWanted *wanted = data;
  GtkWidget *row = heard_test_ui_find_descendant (wanted->root, wanted->type, wanted->title);

  return row != NULL && gtk_widget_is_visible (row);
}

/* Waits until a row titled @title shows below @root, and returns it. */
static GtkWidget *
wait_for_row (GtkWidget  *root,
              const char *title)
{
  RowWanted wanted = { root, ADW_TYPE_ACTION_ROW, title };

  heard_test_ui_wait_until (row_is_shown, &wanted, title);
  return heard_test_ui_find_descendant (root, ADW_TYPE_ACTION_ROW, title);
}

static gboolean
row_is_gone (gpointer data)
{
  return !row_is_shown (data);
}

/* A supervisor set up and retired elsewhere (here, straight through the
 * context, as another window would) comes and goes in an open Preferences
 * window without anything reloading it. */
static void
assert_staff_follow_context (GtkWindow    *preferences,
                             HeardContext *context)
{
  g_autoptr(HeardStaff) other = heard_staff_new (HEARD_STAFF_SUPERVISOR);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RowWanted wanted = { GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, "Dee Grant" };
  gint64 id;

  heard_staff_set_name (other, "Dee Grant");
  heard_context_save_staff_async (context, other, "another long passphrase", NULL,
                                  heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  id = heard_context_save_staff_finish (context, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  wait_for_row (GTK_WIDGET (preferences), "Dee Grant");

  heard_context_retire_staff_async (context, id, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_context_retire_staff_finish (context, result, &error));
  g_assert_no_error (error);
  heard_test_ui_wait_until (row_is_gone, &wanted, "Dee Grant to go");
}

static gboolean
is_sensitive (gpointer data)
{
  return gtk_widget_is_sensitive (data);
}

static gboolean
dialog_shows_error (gpointer data)
{
  return heard_dialog_get_error (data) != NULL;
}

/* The removal dialog says the record cannot be removed, and what to do. */
static gboolean
removal_refused (gpointer data)
{
  GtkWidget *group = heard_test_ui_find_descendant (data, ADW_TYPE_PREFERENCES_GROUP, NULL);

  for (; group != NULL; group = gtk_widget_get_next_sibling (group))
    if (ADW_IS_PREFERENCES_GROUP (group) && gtk_widget_get_visible (group) &&
        g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)),
                   "This Record Cannot Be Removed") == 0)
      {
        GtkWidget *label = heard_test_ui_find_by_css_class (group, "words-card");

        return label != NULL &&
               strstr (gtk_label_get_text (GTK_LABEL (label)), "active support plan") != NULL &&
               strstr (gtk_label_get_text (GTK_LABEL (label)), "close the plan") != NULL;
      }

  return FALSE;
}

static gboolean
caseload_loaded (gpointer data)
{
  return heard_caseload_page_is_loaded (data);
}

/* How many buttons for @action_name show below @root. */
static guint
count_offered (GtkWidget  *root,
               const char *action_name)
{
  guint count = GTK_IS_BUTTON (root) && gtk_widget_is_visible (root) &&
                g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)),
                           action_name) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += count_offered (child, action_name);

  return count;
}

/* Whether the save button below @root (a dialog) can be pressed again. */
static gboolean
can_save (gpointer data)
{
  GtkWidget *root = data;

  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), "dialog.save") == 0)
    return gtk_widget_is_sensitive (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (can_save (child))
      return TRUE;

  return FALSE;
}

static void
assert_offered (GtkWidget  *root,
                const char *action_name,
                gboolean    offered)
{
  if ((count_offered (root, action_name) > 0) != offered)
    g_error ("%s should %sbe offered", action_name, offered ? "" : "not ");
}

typedef struct
{
  HeardPlanView *view;
  const char    *action_name;
} OfferWanted;

static gboolean
is_offered (gpointer data)
{
  OfferWanted *wanted = data;

  return count_offered (GTK_WIDGET (wanted->view), wanted->action_name) > 0;
}

/* Waits until the plan, loaded afresh, offers @action_name. */
static void
wait_for_offer (HeardPlanView *view,
                const char    *action_name)
{
  OfferWanted wanted = { view, action_name };

  heard_test_ui_wait_until (is_offered, &wanted, action_name);
}

static void
collect_text_views (GtkWidget *root,
                    GPtrArray *views)
{
  heard_test_ui_collect_text_views (root, views);
}

/* Types @texts into the form's text views, in the order it shows them. */
static void
set_text_views (GtkWidget         *root,
                const char *const *texts)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  collect_text_views (root, views);
  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_assert_cmpuint (i, <, views->len);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (g_ptr_array_index (views, i)),
                                texts[i], -1);
    }
}

static gboolean
hint_is_shown (gpointer data)
{
  GtkWidget *hint = heard_test_ui_find_by_css_class (data, "language-hint");

  return hint != NULL && gtk_widget_get_mapped (hint);
}

static void
save_dialog (GtkWindow  *dialog,
             const char *type_name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  heard_test_ui_wait_window_gone (type_name);
}

static void
set_up_supervisor (HeardApplication *app)
{
  GtkWindow *preferences;
  GtkWindow *editor;
  GtkWidget *caseworker;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = heard_test_ui_wait_for_window ("HeardPreferencesWindow");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (preferences));

  caseworker = heard_test_ui_find_descendant (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW,
                                              "Your name");
  gtk_editable_set_text (GTK_EDITABLE (caseworker), "Priya Shah");
  g_signal_emit_by_name (caseworker, "apply");
  /* Typed, not applied: the lists reloading after each save must leave it be. */
  gtk_editable_set_text (GTK_EDITABLE (caseworker), CASEWORKER);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preferences), "prefs.add-supervisor",
                                             NULL));
  editor = heard_test_ui_wait_for_window ("HeardSupervisorEditor");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (editor));
  heard_test_ui_set_row_text (GTK_WIDGET (editor), "Name, as it appears beside decisions",
                              SUPERVISOR);
  heard_test_ui_set_row_text (GTK_WIDGET (editor), "Passphrase", PASSPHRASE);
  heard_test_ui_set_row_text (GTK_WIDGET (editor), "The same passphrase again", PASSPHRASE);
  save_dialog (editor, "HeardSupervisorEditor");

  /* The supervisor is listed; the passphrase is nowhere on screen. */
  wait_for_row (GTK_WIDGET (preferences), SUPERVISOR);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (caseworker)), ==, CASEWORKER);
  assert_staff_follow_context (preferences,
                               heard_window_get_context (heard_test_ui_active_window (app)));

  /* Closing saves the name typed; the next look at Preferences shows it. */
  gtk_window_close (preferences);
  heard_test_ui_wait_window_gone ("HeardPreferencesWindow");
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = heard_test_ui_wait_for_window ("HeardPreferencesWindow");
  wait_for_row (GTK_WIDGET (preferences), SUPERVISOR);
  caseworker = heard_test_ui_find_descendant (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW,
                                              "Your name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (caseworker)), ==, CASEWORKER);
  gtk_window_destroy (preferences);
}

static gint64
area_id (HeardPlanView *view,
         HeardAreaKind  kind)
{
  HeardPlanArea *area = heard_plan_find_area (heard_plan_view_get_plan (view), kind);

  g_assert_nonnull (area);
  return heard_plan_area_get_id (area);
}

static void
add_area (HeardPlanView     *view,
          HeardAreaKind      kind,
          const char *const *texts)
{
  GtkWindow *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.add-area", "u", kind));
  editor = heard_test_ui_wait_for_window ("HeardAreaEditor");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (editor));
  set_text_views (GTK_WIDGET (editor), texts);
  save_dialog (editor, "HeardAreaEditor");
}

static gboolean
plan_has_areas (gpointer data)
{
  HeardPlan *plan = heard_plan_view_get_plan (data);

  return plan != NULL && g_list_model_get_n_items (heard_plan_get_areas (plan)) == 2 &&
         heard_plan_count_actions (plan, NULL) == 0;
}

static gboolean
plan_has_action (gpointer data)
{
  HeardPlan *plan = heard_plan_view_get_plan (data);

  return plan != NULL && heard_plan_count_actions (plan, NULL) == 1;
}

/* The control for @action (a menu button by its name), if it has the focus. */
static GtkWidget *
focused_step (HeardWindow *window,
              const char  *action)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *control;

  if (focus == NULL || GTK_IS_LABEL (focus))
    return NULL;
  /* A menu button's own button has the focus. */
  control = GTK_IS_MENU_BUTTON (gtk_widget_get_parent (focus)) ? gtk_widget_get_parent (focus)
                                                                 : focus;
  if (GTK_IS_MENU_BUTTON (control))
    return g_strcmp0 (gtk_widget_get_name (control), action) == 0 ? control : NULL;
  if (GTK_IS_ACTIONABLE (control) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (control)), action) == 0)
    return control;

  return NULL;
}

typedef struct
{
  HeardWindow *window;
  const char  *action;
} FocusedStep;

static gboolean
step_is_focused (gpointer data)
{
  FocusedStep *step = data;

  return focused_step (step->window, step->action) != NULL;
}

/* After a step, the focus is on the next one a person would take, never
 * nowhere and never on words to read: the control for @action. The step's
 * own callback runs once the case file shows the change, so this waits. */
static void
assert_focus_on_step (HeardWindow *window,
                      const char  *action)
{
  FocusedStep step = { window, action };
  g_autofree char *what = g_strdup_printf ("the focus on %s", action);

  heard_test_ui_wait_until (step_is_focused, &step, what);
}

/* Most Tab presses from the person's header to "Add an Area of Life": the
 * view switcher's buttons, then the version chooser and Submit, and a little room. */
#define MOST_TABS_TO_ADD_AREA 7

static void
find_last_add_action (GtkWidget  *root,
                      GtkWidget **last)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), "plan.add-action") == 0 &&
      gtk_widget_get_visible (root))
    *last = root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_last_add_action (child, last);
}

/* The last area's Add Action button. */
static GtkWidget *
last_add_action (GtkWidget *view)
{
  GtkWidget *last = NULL;

  find_last_add_action (view, &last);
  g_assert_nonnull (last);
  return last;
}

/* From the record's header to "Add an Area of Life", Tab stops only on what
 * can be used, never on text to read. */
static void
assert_tab_stops_are_controls (HeardWindow     *window,
                               HeardPersonPage *page,
                               HeardPlanView   *view)
{
  g_autoptr(GPtrArray) stops = g_ptr_array_new ();
  GtkWidget *edit = heard_test_ui_find_by_name (GTK_WIDGET (page), "edit-person");
  GtkWidget *add_area = heard_test_ui_find_by_name (GTK_WIDGET (view), "add-area");
  guint presses;

  g_assert_nonnull (edit);
  g_assert_nonnull (add_area);
  presses = heard_test_ui_count_tabs (GTK_WINDOW (window), edit, add_area, stops);
  for (guint i = 0; i < stops->len; i++)
    {
      GtkWidget *stop = g_ptr_array_index (stops, i);

      g_test_message ("Tab %u: %s (%s)", i + 1, G_OBJECT_TYPE_NAME (stop),
                      GTK_IS_LABEL (stop) ? gtk_label_get_text (GTK_LABEL (stop))
                                          : gtk_widget_get_name (stop));
    }
  g_test_message ("%u Tab presses from the header to Add an Area of Life", presses);
  for (guint i = 0; i < stops->len; i++)
    {
      GtkWidget *stop = g_ptr_array_index (stops, i);

      g_assert_false (GTK_IS_LABEL (stop));
      g_assert_false (GTK_IS_FLOW_BOX_CHILD (stop));
      g_assert_false (GTK_IS_LIST_BOX_ROW (stop) &&
                      !gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (stop)));
    }
  g_assert_cmpuint (presses, <=, MOST_TABS_TO_ADD_AREA);

  /* On through the areas: their buttons, never the words they hold. */
  g_ptr_array_set_size (stops, 0);
  heard_test_ui_count_tabs (GTK_WINDOW (window), add_area, last_add_action (GTK_WIDGET (view)),
                            stops);
  for (guint i = 0; i < stops->len; i++)
    {
      GtkWidget *stop = g_ptr_array_index (stops, i);

      g_test_message ("Then Tab %u: %s (%s)", i + 1, G_OBJECT_TYPE_NAME (stop),
                      GTK_IS_LABEL (stop) ? gtk_label_get_text (GTK_LABEL (stop))
                                          : gtk_widget_get_name (stop));
      g_assert_false (GTK_IS_LABEL (stop));
      g_assert_false (GTK_IS_FLOW_BOX_CHILD (stop));
    }
}

static void
test_plan_signed_off (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *next_review = NULL;
  g_autofree char *described_review = NULL;
  g_autofree char *expected_review = NULL;
  const char *safety[] = { "I want to feel safe on the bus home.", "Safe travel to college.",
                           "Contact from unknown adults online; she absconded twice.",
                           "She has a trusted friend.",
                           "A travel plan she agrees with.", NULL };
  const char *education[] = { "Go back to college in September.", NULL };
  const char *closure[] = { "I feel ready to stop seeing you every week.", "",
                            "She has settled at college and feels safe.", NULL };
  HeardWindow *window;
  HeardPersonPage *page;
  HeardPlanView *view;
  GtkWindow *dialog;
  GtkWindow *question;
  GtkWidget *passphrase;
  GtkWidget *looked;
  GtkWidget *supervisor;
  GtkWidget *flagged;
  GtkWidget *row;
  GtkWidget *focus;
  GDate date;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  window = heard_test_ui_active_window (the_app);
  set_up_supervisor (the_app);

  heard_test_ui_add_person (the_app, "Amira Khan", "Mira");
  page = HEARD_PERSON_PAGE (_heard_window_get_person_page (window));
  heard_person_page_show_view (page, "plan");
  view = HEARD_PLAN_VIEW (heard_test_ui_find_descendant (GTK_WIDGET (page), HEARD_TYPE_PLAN_VIEW,
                                                         NULL));

  /* A draft, with two areas of life, one of them with an action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.start", NULL));
  wait_for_label (GTK_WIDGET (view), "plan-state", "Draft");
  /* A plan with no areas yet: adding the first is next. */
  assert_focus_on_step (window, "add-area");
  assert_offered (GTK_WIDGET (view), "plan.submit", TRUE);
  assert_offered (GTK_WIDGET (view), "plan.decide", FALSE);
  assert_offered (GTK_WIDGET (view), "plan.close", FALSE);
  g_assert_cmpuint (count_offered (GTK_WIDGET (view), "plan.edit-area"), ==, 0);

  add_area (view, HEARD_AREA_SAFETY, safety);
  add_area (view, HEARD_AREA_EDUCATION, education);
  heard_test_ui_wait_until (plan_has_areas, view, "two areas in the plan");
  g_assert_cmpuint (count_offered (GTK_WIDGET (view), "plan.add-action"), ==, 2);
  g_assert_nonnull (heard_test_ui_find_by_name (GTK_WIDGET (view), "Safety"));
  g_assert_nonnull (heard_test_ui_find_by_name (GTK_WIDGET (view), "Education and training"));
  g_assert_cmpstr (heard_plan_area_get_text (heard_plan_find_area (heard_plan_view_get_plan (view),
                                                                   HEARD_AREA_SAFETY),
                                             HEARD_AREA_GOAL_OWN_WORDS), ==, safety[0]);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.add-action", "x",
                                             area_id (view, HEARD_AREA_EDUCATION)));
  dialog = heard_test_ui_wait_for_window ("HeardActionEditor");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));
  /* What needs to happen is the worker's wording: it is checked, and the
   * hint beside it says how to reach the suggestion. */
  set_text_views (GTK_WIDGET (dialog),
                  (const char *const[]) { "Keep her away from her boyfriend, 34", NULL });
  heard_test_ui_wait_until (hint_is_shown, dialog, "the language hint in the action editor");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (heard_test_ui_find_by_css_class (
                              GTK_WIDGET (dialog), "language-hint"))), "1 phrase"));
  set_text_views (GTK_WIDGET (dialog),
                  (const char *const[]) { "Meet the college's pastoral lead together", NULL });
  heard_test_ui_set_row_text (GTK_WIDGET (dialog), "Named person there", "Ms Patel");
  heard_test_ui_set_row_text (GTK_WIDGET (dialog), "To be done by",
                              "15/01/2031");
  heard_test_ui_assert_choices_readable (GTK_WIDGET (dialog));
  save_dialog (dialog, "HeardActionEditor");
  heard_test_ui_wait_until (plan_has_action, view, "the action in the plan");
  wait_for_row (GTK_WIDGET (view), "Meet the college's pastoral lead together");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (view));
  assert_tab_stops_are_controls (window, page, view);

  /* Nothing of hers needs attention yet. */
  heard_test_ui_wait_until (caseload_loaded, _heard_window_get_caseload_page (window),
                            "the caseload");
  g_assert_null (heard_test_ui_find_descendant (_heard_window_get_caseload_page (window),
                                                ADW_TYPE_ACTION_ROW, "Amira Khan"));

  /* Submitted: now only a supervisor's decision is offered. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.submit", NULL));
  wait_for_label (GTK_WIDGET (view), "plan-state", "Awaiting review");
  assert_focus_on_step (window, "plan.decide");
  assert_offered (GTK_WIDGET (view), "plan.submit", FALSE);
  assert_offered (GTK_WIDGET (view), "plan.decide", TRUE);
  assert_offered (GTK_WIDGET (view), "plan.add-action", FALSE);
  assert_offered (GTK_WIDGET (view), "plan.edit-area", FALSE);

  /* The caseload says a plan is waiting, before anyone looks, and takes
   * you to it. */
  row = wait_for_row (_heard_window_get_caseload_page (window), "Amira Khan");
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (
                     gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP))), ==,
                   "Plans Awaiting Review");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-caseload", NULL));
  g_assert_cmpstr (_heard_window_get_visible_content (window), ==, "caseload");
  heard_test_ui_wait_until (caseload_loaded, _heard_window_get_caseload_page (window),
                            "the caseload");
  row = wait_for_row (_heard_window_get_caseload_page (window), "Amira Khan");
  g_assert_true (gtk_widget_activate (row));
  g_assert_cmpstr (_heard_window_get_visible_content (window), ==, "person");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (
                     heard_test_ui_find_descendant (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK,
                                                    NULL))), ==, "plan");

  wait_for_offer (view, "plan.decide");

  /* A wrong passphrase is refused kindly, and nothing changes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.decide", NULL));
  dialog = heard_test_ui_wait_for_window ("HeardDecisionDialog");
  /* It opens on the decision, not on Cancel. */
  focus = gtk_window_get_focus (dialog);
  g_assert_true (GTK_IS_CHECK_BUTTON (focus));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (focus)));
  g_assert_nonnull (gtk_widget_get_ancestor (focus, ADW_TYPE_ACTION_ROW));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                     gtk_widget_get_ancestor (focus, ADW_TYPE_ACTION_ROW))), ==, "Sign it off");
  supervisor = heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                              "Supervisor");
  heard_test_ui_wait_until (is_sensitive, supervisor, "the supervisors to be offered");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));
  /* The wording the checker would underline is listed for the supervisor,
   * where it is and what might read better; it does not stop the sign-off. */
  flagged = heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                           "“absconded”");
  g_assert_nonnull (flagged);
  g_assert_true (gtk_widget_get_mapped (flagged));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (flagged)),
                            "Safety, what we are worried about. Perhaps: “went missing”"));
  g_assert_null (heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                                "“her boyfriend, 34”"));
  passphrase = heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                              "Their passphrase");
  /* No passphrase at all is asked for, not called wrong. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  heard_test_ui_wait_until (dialog_shows_error, dialog, "the empty passphrase");
  heard_test_ui_assert_field_error (passphrase, "Type the passphrase");
  g_assert_null (strstr (heard_dialog_get_error (HEARD_DIALOG (dialog)), "not " SUPERVISOR));
  heard_test_ui_wait_until (can_save, dialog, "saving to be offered again");
  gtk_editable_set_text (GTK_EDITABLE (passphrase), "not the right one at all");
  heard_test_ui_assert_no_field_error (passphrase);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  heard_test_ui_wait_until (dialog_shows_error, dialog, "the refusal");
  g_assert_nonnull (strstr (heard_dialog_get_error (HEARD_DIALOG (dialog)),
                            "not " SUPERVISOR "’s passphrase"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (passphrase)), ==, "");
  heard_test_ui_assert_field_error (passphrase, "not " SUPERVISOR "’s passphrase");
  heard_test_ui_assert_choices_readable (GTK_WIDGET (dialog));
  g_assert_nonnull (heard_test_ui_find_window ("HeardDecisionDialog"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (heard_test_ui_find_by_name (GTK_WIDGET (view),
                                                                              "plan-state"))),
                   ==, "Awaiting review");

  /* The right one signs it off. */
  gtk_editable_set_text (GTK_EDITABLE (passphrase), PASSPHRASE);
  save_dialog (dialog, "HeardDecisionDialog");
  wait_for_label (GTK_WIDGET (view), "plan-state", "Active");
  /* Signed off: the Review button went with the dialog; its first review is next. */
  assert_focus_on_step (window, "plan.record-review");

  /* Its first review, three months from today. */
  heard_plan_rules_today (&date);
  g_date_add_months (&date, HEARD_PLAN_FIRST_REVIEW_MONTHS);
  next_review = heard_date_to_iso (&date);
  described_review = heard_date_describe (next_review);
  expected_review = g_strdup_printf ("Next review: %s", described_review);
  wait_for_label (GTK_WIDGET (view), "plan-review", expected_review);
  wait_for_row (GTK_WIDGET (view), "Signed off by " SUPERVISOR);
  assert_offered (GTK_WIDGET (view), "plan.decide", FALSE);
  assert_offered (GTK_WIDGET (view), "plan.close", TRUE);
  assert_offered (GTK_WIDGET (view), "plan.record-review", TRUE);

  /* Recording a review has no choice to make: it opens on the comments. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.record-review", NULL));
  dialog = heard_test_ui_wait_for_window ("HeardDecisionDialog");
  g_assert_true (GTK_IS_TEXT_VIEW (gtk_window_get_focus (dialog)));
  gtk_window_close (dialog);
  heard_test_ui_wait_window_gone ("HeardDecisionDialog");

  /* With the plan active, the record cannot be removed: the dialog says why,
   * points to closing the plan, and offers no removal. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-person", NULL));
  dialog = heard_test_ui_wait_for_window ("HeardRemovalDialog");
  heard_test_ui_wait_until (removal_refused, dialog, "the removal refused");
  g_assert_false (gtk_widget_is_visible (heard_test_ui_find_descendant (
                    GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "A duplicate of another record")));
  g_assert_false (gtk_widget_is_sensitive (heard_test_ui_find_by_css_class (GTK_WIDGET (dialog),
                                                                           "suggested-action")));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  g_assert_nonnull (heard_test_ui_find_window ("HeardRemovalDialog"));
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));
  gtk_window_close (dialog);
  heard_test_ui_wait_window_gone ("HeardRemovalDialog");
  heard_test_ui_wait_for_shown_people (the_app, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.review-date", NULL));
  dialog = heard_test_ui_wait_for_window ("HeardReviewDateDialog");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));
  gtk_window_close (dialog);
  heard_test_ui_wait_window_gone ("HeardReviewDateDialog");

  /* Closing while something is still open: "tick the box" is said beside
   * the box, not in the banner, and ticking it takes the message away. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.close", NULL));
  dialog = heard_test_ui_wait_for_window ("HeardClosureDialog");
  looked = heard_test_ui_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  heard_test_ui_assert_field_error (looked, "tick the box");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (
    heard_test_ui_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_REVEALER, NULL))));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (looked), TRUE);
  heard_test_ui_assert_no_field_error (looked);
  g_assert_null (heard_dialog_get_error (HEARD_DIALOG (dialog)));
  gtk_window_close (dialog);
  question = heard_test_ui_find_window ("AdwMessageDialog");
  if (question != NULL)
    {
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "discard");
      gtk_window_close (question);
    }
  heard_test_ui_wait_window_gone ("HeardClosureDialog");

  /* Closed, with what is open gone through: starting a new plan is next. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.close", NULL));
  dialog = heard_test_ui_wait_for_window ("HeardClosureDialog");
  supervisor = heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                              "Supervisor");
  heard_test_ui_wait_until (is_sensitive, supervisor, "the supervisors to be offered");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (heard_test_ui_find_descendant (
                                 GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, NULL)), TRUE);
  set_text_views (GTK_WIDGET (dialog), closure);
  passphrase = heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                              "Their passphrase");
  gtk_editable_set_text (GTK_EDITABLE (passphrase), PASSPHRASE);
  save_dialog (dialog, "HeardClosureDialog");
  wait_for_label (GTK_WIDGET (view), "plan-state", "Closed");
  assert_focus_on_step (window, "plan.start");

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

static HeardPersonPage *
window_person_page (HeardWindow *window)
{
  return HEARD_PERSON_PAGE (_heard_window_get_person_page (window));
}

static HeardPlanView *
window_plan_view (HeardWindow *window)
{
  return HEARD_PLAN_VIEW (heard_test_ui_find_descendant (GTK_WIDGET (window_person_page (window)),
                                                         HEARD_TYPE_PLAN_VIEW, NULL));
}

static HeardStatementsView *
window_statements_view (HeardWindow *window)
{
  return HEARD_STATEMENTS_VIEW (heard_person_page_get_statements_view (
                                  window_person_page (window)));
}

static gboolean
lists_one_statement (gpointer data)
{
  return g_list_model_get_n_items (heard_statements_view_get_statements (data)) == 1;
}

/* The one action in the plan's area of @kind. */
static gint64
action_id (HeardPlanView *view,
           HeardAreaKind  kind)
{
  HeardPlanArea *area = heard_plan_find_area (heard_plan_view_get_plan (view), kind);
  g_autoptr(HeardPlanAction) action = g_list_model_get_item (heard_plan_area_get_actions (area),
                                                             0);

  g_assert_nonnull (action);
  return heard_plan_action_get_id (action);
}

/* Two windows on one young person agree, with nobody asking either to
 * reload: a plan and its actions made or changed in one show in the other,
 * where only the card that changed is replaced; a statement recorded in one
 * shows in the other. */
static void
test_two_windows (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  const char *safety[] = { "I want to feel safe on the bus home.", NULL };
  const char *education[] = { "Go back to college in September.", NULL };
  g_autoptr(HeardContext) context = NULL;
  HeardStatementsView *their_statements;
  HeardStatementForm *form;
  HeardWindow *first;
  HeardWindow *second;
  HeardPlanView *view;
  HeardPlanView *other;
  GtkWindow *dialog;
  GtkWidget *safety_card;
  GtkWidget *edit_safety;
  gint64 person_id;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  first = heard_test_ui_active_window (the_app);
  heard_test_ui_add_person (the_app, "Amira Khan", "Mira");
  person_id = heard_person_get_id (heard_person_page_get_person (window_person_page (first)));
  heard_person_page_show_view (window_person_page (first), "plan");
  view = window_plan_view (first);

  g_object_get (first, "context", &context, NULL);
  second = heard_window_new (the_app, context);
  gtk_window_present (GTK_WINDOW (second));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (second), "win.open-person", "(xs)",
                                             person_id, "plan"));
  other = window_plan_view (second);
  g_assert_true (other != view);

  /* A plan started and filled in the first window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.start", NULL));
  wait_for_label (GTK_WIDGET (other), "plan-state", "Draft");
  add_area (view, HEARD_AREA_SAFETY, safety);
  add_area (view, HEARD_AREA_EDUCATION, education);
  heard_test_ui_wait_until (plan_has_areas, other, "two areas in the other window");
  safety_card = heard_test_ui_find_by_name (GTK_WIDGET (other), "Safety");
  g_assert_nonnull (safety_card);
  g_object_add_weak_pointer (G_OBJECT (safety_card), (gpointer *) &safety_card);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.add-action", "x",
                                             area_id (view, HEARD_AREA_EDUCATION)));
  dialog = heard_test_ui_wait_for_window ("HeardActionEditor");
  set_text_views (GTK_WIDGET (dialog), (const char *const[]) { "Meet the college's pastoral lead together", NULL });
  heard_test_ui_set_row_text (GTK_WIDGET (dialog), "To be done by",
                              "15/01/2031");
  save_dialog (dialog, "HeardActionEditor");
  wait_for_row (GTK_WIDGET (other), "Meet the college's pastoral lead together");
  /* The area that did not change is the very card it was. */
  g_assert_nonnull (safety_card);
  g_assert_true (heard_test_ui_find_by_name (GTK_WIDGET (other), "Safety") == safety_card);

  /* The action changed in the second window shows in the first, where
   * focus stays on the card that did not change. */
  edit_safety = heard_test_ui_find_descendant (heard_test_ui_find_by_name (GTK_WIDGET (view),
                                                                           "Safety"),
                                               GTK_TYPE_BUTTON, NULL);
  g_assert_true (gtk_widget_grab_focus (edit_safety));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (first)) == edit_safety);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (other), "plan.edit-action", "x",
                                             action_id (other, HEARD_AREA_EDUCATION)));
  dialog = heard_test_ui_wait_for_window ("HeardActionEditor");
  set_text_views (GTK_WIDGET (dialog), (const char *const[]) { "Visit the college with her mum", NULL });
  save_dialog (dialog, "HeardActionEditor");
  wait_for_row (GTK_WIDGET (view), "Visit the college with her mum");
  g_assert_null (heard_test_ui_find_descendant (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW,
                                                "Meet the college's pastoral lead together"));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (first)) == edit_safety);
  g_assert_nonnull (safety_card);
  g_assert_true (heard_test_ui_find_by_name (GTK_WIDGET (other), "Safety") == safety_card);
  g_object_remove_weak_pointer (G_OBJECT (safety_card), (gpointer *) &safety_card);

  /* A statement recorded in the second window shows in the first. */
  their_statements = window_statements_view (first);
  heard_person_page_show_view (window_person_page (second), "statements");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window_statements_view (second)),
                                             "statements.record", NULL));
  dialog = heard_test_ui_wait_for_window ("HeardStatementEditor");
  form = HEARD_STATEMENT_FORM (heard_test_ui_find_descendant (GTK_WIDGET (dialog),
                                                              HEARD_TYPE_STATEMENT_FORM, NULL));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (heard_statement_form_get_words_view (form)),
                            "I want to choose who comes to meetings.", -1);
  save_dialog (dialog, "HeardStatementEditor");
  heard_test_ui_wait_until (lists_one_statement, their_statements,
                            "the statement in the other window");

  gtk_window_destroy (GTK_WINDOW (second));
  g_clear_object (&context);
  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

static gboolean
plan_has_safety (gpointer data)
{
  HeardPlan *plan = heard_plan_view_get_plan (data);

  return plan != NULL && heard_plan_find_area (plan, HEARD_AREA_SAFETY) != NULL;
}

/* The area and action editors name a box that holds more than is kept,
 * beside it; a stored due day is shown as the locale writes it, which is
 * no change to ask about on closing, and is kept in the stored form. */
static void
test_editors_boxes_and_due_day (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *too_long_area = g_strnfill (HEARD_PLAN_MAX_TEXT_CHARS + 1, 'a');
  g_autofree char *too_long_what = g_strnfill (1001, 'a');
  g_autofree char *due_shown = heard_test_ui_dup_shown_day ("2031-01-15");
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  HeardWindow *window;
  HeardPersonPage *page;
  HeardPlanView *view;
  HeardPlanArea *area;
  g_autoptr(HeardPlanAction) action = NULL;
  GtkWindow *editor;
  GtkWidget *box, *due;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  window = heard_test_ui_active_window (the_app);
  heard_test_ui_add_person (the_app, "Amira Khan", "Mira");
  page = HEARD_PERSON_PAGE (_heard_window_get_person_page (window));
  heard_person_page_show_view (page, "plan");
  view = HEARD_PLAN_VIEW (heard_test_ui_find_descendant (GTK_WIDGET (page), HEARD_TYPE_PLAN_VIEW,
                                                         NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.start", NULL));
  wait_for_label (GTK_WIDGET (view), "plan-state", "Draft");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.add-area", "u",
                                             HEARD_AREA_SAFETY));
  editor = heard_test_ui_wait_for_window ("HeardAreaEditor");
  collect_text_views (GTK_WIDGET (editor), views);
  box = g_ptr_array_index (views, 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (box)), too_long_area, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "dialog.save", NULL));
  g_assert_nonnull (heard_test_ui_find_window ("HeardAreaEditor"));
  heard_test_ui_assert_field_error (box, "“Their goal, in their own words” holds more than "
                                         "Heard can keep (at most 20000 characters)");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (box)), "Feel safe.", -1);
  heard_test_ui_assert_no_field_error (box);
  save_dialog (editor, "HeardAreaEditor");
  heard_test_ui_wait_until (plan_has_safety, view, "the area in the plan");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.add-action", "x",
                                             area_id (view, HEARD_AREA_SAFETY)));
  editor = heard_test_ui_wait_for_window ("HeardActionEditor");
  g_ptr_array_set_size (views, 0);
  collect_text_views (GTK_WIDGET (editor), views);
  box = g_ptr_array_index (views, 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (box)), too_long_what, -1);
  heard_test_ui_set_row_text (GTK_WIDGET (editor), "To be done by", due_shown);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "dialog.save", NULL));
  g_assert_nonnull (heard_test_ui_find_window ("HeardActionEditor"));
  heard_test_ui_assert_field_error (box, "“What needs to happen” holds more than Heard can "
                                         "keep (at most 1000 characters)");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (box)), "A travel plan.", -1);
  heard_test_ui_assert_no_field_error (box);
  save_dialog (editor, "HeardActionEditor");
  heard_test_ui_wait_until (plan_has_action, view, "the action in the plan");

  area = heard_plan_find_area (heard_plan_view_get_plan (view), HEARD_AREA_SAFETY);
  action = g_list_model_get_item (heard_plan_area_get_actions (area), 0);
  g_assert_cmpstr (heard_plan_action_get_text (action, HEARD_ACTION_DUE_DATE), ==, "2031-01-15");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.edit-action", "x",
                                             heard_plan_action_get_id (action)));
  editor = heard_test_ui_wait_for_window ("HeardActionEditor");
  due = heard_test_ui_find_descendant (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "To be done by");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, due_shown);
  gtk_window_close (editor);
  g_assert_null (heard_test_ui_find_window ("AdwMessageDialog"));
  heard_test_ui_wait_window_gone ("HeardActionEditor");

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

static gint64
add_directory_agency (HeardContext    *context,
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
  g_assert_cmpint (id, >, 0);

  return id;
}

typedef struct
{
  GtkWidget  *root;
  const char *title;
  const char *subtitle;
} SubtitleWanted;

static gboolean
row_subtitle_shows (gpointer data)
{
  SubtitleWanted *wanted = data;
  GtkWidget *row = heard_test_ui_find_descendant (wanted->root, ADW_TYPE_ACTION_ROW,
                                                  wanted->title);

  return row != NULL &&
         g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), wanted->subtitle);
}

/* With two schools in the directory, an action's owner is the one chosen
 * in the editor (Riverside College, not Northgate Academy): the plan keeps
 * the kind and the entry, and the action's row names the college. */
static void
test_owner_from_directory (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *due_shown = heard_test_ui_dup_shown_day ("2031-01-15");
  g_autofree char *choice = NULL;
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autoptr(HeardContext) context = NULL;
  g_autoptr(HeardPlanAction) action = NULL;
  SubtitleWanted wanted = { NULL, "Walk to college with Jo", "Riverside College (Ms Byrne)" };
  HeardWindow *window;
  HeardPersonPage *page;
  HeardPlanView *view;
  GtkWindow *editor;
  GtkWidget *picker;
  gint64 northgate, riverside;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  window = heard_test_ui_active_window (the_app);
  g_object_get (window, "context", &context, NULL);
  northgate = add_directory_agency (context, HEARD_AGENCY_TYPE_SCHOOL, "Northgate Academy");
  riverside = add_directory_agency (context, HEARD_AGENCY_TYPE_SCHOOL, "Riverside College");
  heard_test_ui_add_person (the_app, "Amira Khan", "Mira");
  page = HEARD_PERSON_PAGE (_heard_window_get_person_page (window));
  heard_person_page_show_view (page, "plan");
  view = HEARD_PLAN_VIEW (heard_test_ui_find_descendant (GTK_WIDGET (page), HEARD_TYPE_PLAN_VIEW,
                                                         NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.start", NULL));
  wait_for_label (GTK_WIDGET (view), "plan-state", "Draft");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.add-area", "u",
                                             HEARD_AREA_SAFETY));
  editor = heard_test_ui_wait_for_window ("HeardAreaEditor");
  collect_text_views (GTK_WIDGET (editor), views);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (views->pdata[0])),
                            "Feel safe.", -1);
  save_dialog (editor, "HeardAreaEditor");
  heard_test_ui_wait_until (plan_has_safety, view, "the area in the plan");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.add-action", "x",
                                             area_id (view, HEARD_AREA_SAFETY)));
  editor = heard_test_ui_wait_for_window ("HeardActionEditor");
  g_ptr_array_set_size (views, 0);
  collect_text_views (GTK_WIDGET (editor), views);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (views->pdata[0])),
                            "Walk to college with Jo", -1);
  heard_test_ui_set_row_text (GTK_WIDGET (editor), "To be done by", due_shown);
  heard_test_ui_set_row_text (GTK_WIDGET (editor), "Named person there", "Ms Byrne");
  picker = heard_test_ui_find_descendant (GTK_WIDGET (editor), HEARD_TYPE_AGENCY_PICKER, NULL);
  g_assert_nonnull (picker);
  choice = g_strdup_printf ("school:%" G_GINT64_FORMAT, riverside);
  g_assert_true (heard_choice_row_choose_id (HEARD_CHOICE_ROW (picker), choice));
  /* The young person owns actions too, and is offered beside the agencies. */
  g_assert_true (heard_choice_row_choose_id (HEARD_CHOICE_ROW (picker), "young-person"));
  g_assert_true (heard_choice_row_choose_id (HEARD_CHOICE_ROW (picker), choice));
  save_dialog (editor, "HeardActionEditor");
  heard_test_ui_wait_until (plan_has_action, view, "the action in the plan");

  wanted.root = GTK_WIDGET (view);
  heard_test_ui_wait_until (row_subtitle_shows, &wanted, "the college named on the action");
  action = g_list_model_get_item (heard_plan_area_get_actions (
                                    heard_plan_find_area (heard_plan_view_get_plan (view),
                                                          HEARD_AREA_SAFETY)), 0);
  g_assert_cmpint (heard_plan_action_get_owner (action), ==, HEARD_AGENCY_SCHOOL);
  g_assert_cmpint (heard_plan_action_get_owner_agency_id (action), ==, riverside);

  /* Opened again, the editor shows the college chosen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.edit-action", "x",
                                             heard_plan_action_get_id (action)));
  editor = heard_test_ui_wait_for_window ("HeardActionEditor");
  picker = heard_test_ui_find_descendant (GTK_WIDGET (editor), HEARD_TYPE_AGENCY_PICKER, NULL);
  g_assert_cmpstr (heard_choice_row_get_chosen_id (HEARD_CHOICE_ROW (picker)), ==, choice);
  /* Changed to the other school, the row that is there already follows. */
  g_free (choice);
  choice = g_strdup_printf ("school:%" G_GINT64_FORMAT, northgate);
  g_assert_true (heard_choice_row_choose_id (HEARD_CHOICE_ROW (picker), choice));
  save_dialog (editor, "HeardActionEditor");
  wanted.subtitle = "Northgate Academy (Ms Byrne)";
  heard_test_ui_wait_until (row_subtitle_shows, &wanted, "the academy named on the action");

  g_clear_object (&action);
  g_clear_object (&context);
  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

/* With two schools in the directory, the person editor ticks Riverside
 * College itself, not "a school": the record keeps the kind and the entry,
 * and the Record page names the college. */
static void
test_agencies_involved (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *check_name = NULL;
  g_autoptr(HeardContext) context = NULL;
  SubtitleWanted wanted = { NULL, "Agencies involved", "Riverside College, Police" };
  HeardWindow *window;
  HeardPersonPage *page;
  HeardPerson *person;
  GtkWindow *editor;
  GtkWidget *check;
  const gint64 *ids;
  gint64 riverside;
  guint n_ids;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  window = heard_test_ui_active_window (the_app);
  g_object_get (window, "context", &context, NULL);
  add_directory_agency (context, HEARD_AGENCY_TYPE_SCHOOL, "Northgate Academy");
  riverside = add_directory_agency (context, HEARD_AGENCY_TYPE_SCHOOL, "Riverside College");
  heard_test_ui_add_person (the_app, "Amira Khan", "Mira");
  page = HEARD_PERSON_PAGE (_heard_window_get_person_page (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-person", NULL));
  editor = heard_test_ui_wait_for_window ("HeardPersonEditor");
  check_name = g_strdup_printf ("agency-school-%" G_GINT64_FORMAT, riverside);
  check = heard_test_ui_find_by_name (GTK_WIDGET (editor), check_name);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  check = heard_test_ui_find_by_name (GTK_WIDGET (editor), "agency-police");
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  heard_test_ui_assert_every_control_named (GTK_WIDGET (editor));
  save_dialog (editor, "HeardPersonEditor");

  wanted.root = GTK_WIDGET (page);
  heard_test_ui_wait_until (row_subtitle_shows, &wanted, "the college on the Record page");
  person = heard_person_page_get_person (page);
  g_assert_cmpstr (heard_person_get_text (person, HEARD_PERSON_AGENCIES), ==, "school,police");
  ids = heard_person_get_agency_ids (person, &n_ids);
  g_assert_cmpuint (n_ids, ==, 1);
  g_assert_cmpint (ids[0], ==, riverside);

  g_clear_object (&context);
  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

int
main (int   argc,
      char *argv[])
{
  the_app = heard_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/plans/signed-off", test_plan_signed_off);
  g_test_add_func ("/ui/plans/two-windows", test_two_windows);
  g_test_add_func ("/ui/plans/editors-boxes-and-due-day", test_editors_boxes_and_due_day);
  g_test_add_func ("/ui/plans/owner-from-directory", test_owner_from_directory);
  g_test_add_func ("/ui/plans/agencies-involved", test_agencies_involved);

  return g_test_run ();
}

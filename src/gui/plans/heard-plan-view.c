/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-plan-view"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-action-editor.h"
#include "heard-area-editor.h"
#include "heard-check-ins-section.h"
#include "heard-closure-dialog.h"
#include "heard-date.h"
#include "heard-decision-dialog.h"
#include "heard-export-dialog.h"
#include "heard-file-export-dialog.h"
#include "heard-plan-area-card.h"
#include "heard-plan-rules.h"
#include "heard-plan-say.h"
#include "heard-plan-view.h"
#include "heard-review-date-dialog.h"
#include "heard-text-fields.h"
#include "heard-widgets.h"

/*
 * A young person's support plan: the version shown (newest first, older
 * ones still readable), where it stands and what happens next, its areas
 * of life and their actions, and every supervisor's decision. Only the
 * steps the lifecycle rules allow for the version shown are offered; the
 * store refuses the rest anyway.
 *
 * The area cards and the decisions are bound to the version's own models,
 * which the case file keeps up to date in place: when something changes,
 * only its row is replaced, and focus stays where it was.
 */

struct _HeardPlanView
{
  AdwBin                parent_instance;

  HeardCaseFile        *case_file;
  /* The version shown, by position in the case file's plans and by id. */
  guint                 shown;
  gint64                shown_id;
  gint64                focus_area;
  /* The version whose areas and decisions the lists are bound to, and what
   * its area cards offer to change. */
  HeardPlan            *bound;
  HeardPlanChanges      bound_changes;
  GtkSortListModel     *newest_reviews;

  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  GtkLabel             *title_label;
  GtkDropDown          *version_dropdown;
  GtkStringList        *versions;
  GtkLabel             *state_label;
  GtkLabel             *review_label;
  GtkLabel             *next_step_label;
  GtkLabel             *their_say_label;
  GtkLabel             *their_say_words_label;
  GtkFlowBox           *buttons;
  GtkWidget            *submit_button;
  GtkWidget            *add_area_button;
  GMenu                *add_area_menu;
  GtkWidget            *decide_button;
  GtkWidget            *record_review_button;
  GtkWidget            *review_date_button;
  GtkWidget            *new_version_button;
  GtkWidget            *close_button;
  GtkWidget            *show_in_progress_button;
  GtkWidget            *export_button;
  GtkWidget            *print_button;
  GtkWidget            *calendar_button;
  GtkWidget            *spreadsheet_button;
  GtkListBox           *areas_list;
  AdwPreferencesGroup  *closure_group;
  AdwActionRow         *closure_view_row;
  AdwActionRow         *closure_reason_row;
  AdwPreferencesGroup  *reviews_group;
  GtkListBox           *reviews_list;
  HeardCheckInsSection *check_ins_section;
};

G_DEFINE_FINAL_TYPE (HeardPlanView, heard_plan_view, ADW_TYPE_BIN)

static const char *const state_styles[HEARD_PLAN_N_STATES] = {
  [HEARD_PLAN_STATE_DRAFT] = "accent",
  [HEARD_PLAN_STATE_AWAITING_REVIEW] = "accent",
  [HEARD_PLAN_STATE_ACTIVE] = "success",
  [HEARD_PLAN_STATE_CHANGES_REQUESTED] = "warning",
  [HEARD_PLAN_STATE_CLOSED] = "dim-label",
  [HEARD_PLAN_STATE_SUPERSEDED] = "dim-label",
};

static void version_selected_cb (HeardPlanView *self);

static guint
count_plans (HeardPlanView *self)
{
  return self->case_file != NULL
         ? g_list_model_get_n_items (heard_case_file_get_plans (self->case_file)) : 0;
}

/* The version at @position, newest first; the case file holds it. */
static HeardPlan *
get_plan (HeardPlanView *self,
          guint          position)
{
  g_autoptr(HeardPlan) plan = NULL;

  if (position >= count_plans (self))
    return NULL;

  plan = g_list_model_get_item (heard_case_file_get_plans (self->case_file), position);
  return plan;
}

static HeardPlan *
get_shown_plan (HeardPlanView *self)
{
  return get_plan (self, self->shown);
}

static GtkWindow *
get_window (HeardPlanView *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
show_error (HeardPlanView *self,
            const char    *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static HeardPlanState
person_state (HeardPlanView *self,
              gboolean       in_progress)
{
  for (guint i = 0; i < count_plans (self); i++)
    {
      HeardPlanState state = heard_plan_get_state (get_plan (self, i));

      if (in_progress ? heard_plan_rules_is_in_progress (state)
                      : state == HEARD_PLAN_STATE_ACTIVE)
        return state;
    }

  return HEARD_PLAN_N_STATES;
}

static gboolean
has_version (HeardPlanView *self,
             gboolean       in_progress)
{
  return person_state (self, in_progress) != HEARD_PLAN_N_STATES;
}

static void
offer (HeardPlanView *self,
       const char    *action,
       GtkWidget     *button,
       gboolean       allowed)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), action, allowed);
  if (button != NULL)
    gtk_widget_set_visible (gtk_widget_get_parent (button), allowed);
}

/* Offers exactly the steps open to the version shown, and no others. */
static void
update_actions (HeardPlanView *self)
{
  HeardPlan *plan = get_shown_plan (self);
  HeardPlanState state = plan != NULL ? heard_plan_get_state (plan) : HEARD_PLAN_N_STATES;
  gboolean editable = plan != NULL && heard_plan_rules_is_editable (state);
  gboolean newest = plan != NULL && self->shown == 0;
  gboolean can_start = !has_version (self, TRUE) &&
                       (plan == NULL || (newest && (state == HEARD_PLAN_STATE_ACTIVE ||
                                                    state == HEARD_PLAN_STATE_CLOSED)));
  gboolean other_in_progress = !newest && count_plans (self) > 0 &&
                               heard_plan_rules_is_in_progress (
                                 heard_plan_get_state (get_plan (self, 0)));
  gboolean any_area_left = g_menu_model_get_n_items (G_MENU_MODEL (self->add_area_menu)) > 0;

#define ALLOWS(event) (plan != NULL && heard_plan_rules_allows (state, (event)))
  offer (self, "plan.start", plan != NULL ? self->new_version_button : NULL, can_start);
  offer (self, "plan.submit", self->submit_button, ALLOWS (HEARD_PLAN_EVENT_SUBMIT));
  offer (self, "plan.decide", self->decide_button, ALLOWS (HEARD_PLAN_EVENT_SIGN_OFF));
  offer (self, "plan.record-review", self->record_review_button, ALLOWS (HEARD_PLAN_EVENT_REVIEW));
  offer (self, "plan.review-date", self->review_date_button, state == HEARD_PLAN_STATE_ACTIVE);
  offer (self, "plan.close", self->close_button, ALLOWS (HEARD_PLAN_EVENT_CLOSE));
#undef ALLOWS
  offer (self, "plan.show-newest", self->show_in_progress_button, other_in_progress);
  offer (self, "plan.export", self->export_button, plan != NULL);
  offer (self, "plan.print", self->print_button, plan != NULL);
  offer (self, "plan.export-calendar", self->calendar_button, plan != NULL);
  offer (self, "plan.export-spreadsheet", self->spreadsheet_button, plan != NULL);
  offer (self, "plan.add-area", self->add_area_button, editable && any_area_left);
  offer (self, "plan.edit-area", NULL, editable);
  offer (self, "plan.remove-area", NULL, editable);
  offer (self, "plan.add-action", NULL, editable);
  offer (self, "plan.remove-action", NULL, editable);
  offer (self, "plan.edit-action", NULL, editable || state == HEARD_PLAN_STATE_ACTIVE);

  gtk_button_set_label (GTK_BUTTON (self->new_version_button),
                        state == HEARD_PLAN_STATE_ACTIVE ? _("Start a _New Version")
                                                         : _("Start a _New Plan"));
  if (other_in_progress)
    {
      g_autofree char *label = g_strdup_printf (_("_Open Version %u, in Progress"),
                                                heard_plan_get_version (get_plan (self, 0)));

      gtk_button_set_label (GTK_BUTTON (self->show_in_progress_button), label);
    }
}

static void
fill_add_area_menu (HeardPlanView *self,
                    HeardPlan     *plan)
{
  g_menu_remove_all (self->add_area_menu);

  for (guint kind = 0; kind < HEARD_AREA_N_KINDS; kind++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (heard_plan_find_area (plan, kind) != NULL)
        continue;

      item = g_menu_item_new (heard_area_kind_label (kind), NULL);
      g_menu_item_set_action_and_target_value (item, "plan.add-area",
                                               g_variant_new_uint32 (kind));
      g_menu_append_item (self->add_area_menu, item);
    }
}

static void
describe_review (HeardPlanView *self,
                 HeardPlan     *plan,
                 const GDate   *today)
{
  HeardPlanState state = heard_plan_get_state (plan);
  g_autofree char *text = NULL;
  const char *style = NULL;
  GDate next;

  gtk_widget_remove_css_class (GTK_WIDGET (self->review_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->review_label), "warning");

  if (state == HEARD_PLAN_STATE_ACTIVE &&
      heard_date_parse (heard_plan_get_next_review (plan), &next, NULL))
    {
      g_autofree char *date = heard_date_format (&next);
      int days = g_date_days_between (today, &next);

      if (days < 0)
        {
          text = g_strdup_printf (_("Review overdue since %s"), date);
          style = "error";
        }
      else
        {
          text = g_strdup_printf (_("Next review: %s"), date);
          style = days <= HEARD_PLAN_REVIEW_DUE_DAYS ? "warning" : NULL;
        }
    }
  else if (state == HEARD_PLAN_STATE_CLOSED)
    {
      g_autofree char *when = heard_date_describe_moment (heard_plan_get_closed_at (plan));

      text = g_strdup_printf (_("Closed on %s"), when);
    }

  gtk_label_set_text (self->review_label, text != NULL ? text : "");
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->review_label), style);
}

static GtkWidget *
create_review_row (gpointer item,
                   gpointer user_data)
{
  HeardPlanReview *review = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = heard_date_describe_moment (heard_plan_review_get_decided_at (review));
  const char *comments = heard_plan_review_get_comments (review);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* TRANSLATORS: a decision and who made it, e.g. "Signed off by Sam Okafor" */
  title = g_strdup_printf (_("%s by %s"),
                           heard_plan_event_label (heard_plan_review_get_decision (review)),
                           heard_plan_review_get_reviewer (review));
  subtitle = *comments != '\0' ? g_strdup_printf ("%s\n%s", when, comments) : g_strdup (when);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

/* Newest decision first: the version's decisions are kept oldest first. */
static int
compare_reviews_newest_first (gconstpointer a,
                              gconstpointer b,
                              gpointer      user_data)
{
  HeardPlanView *self = user_data;
  GListStore *reviews = G_LIST_STORE (heard_plan_get_reviews (self->bound));
  guint position_a = 0;
  guint position_b = 0;

  g_list_store_find (reviews, (gpointer) a, &position_a);
  g_list_store_find (reviews, (gpointer) b, &position_b);

  return position_a < position_b ? 1 : position_a > position_b ? -1 : 0;
}

static void
fill_closure (HeardPlanView *self,
              HeardPlan     *plan)
{
  const char *view = heard_plan_get_closure_text (plan, HEARD_CLOSURE_VIEW);
  const char *why_not = heard_plan_get_closure_text (plan, HEARD_CLOSURE_WHY_NO_VIEW);
  g_autofree char *their_view = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->closure_group),
                          heard_plan_get_state (plan) == HEARD_PLAN_STATE_CLOSED);
  if (*view != '\0')
    their_view = g_strdup (view);
  else
    /* TRANSLATORS: shown when the young person's view on closing could not be had */
    their_view = g_strdup_printf (_("Could not be had: %s"), why_not);

  adw_action_row_set_subtitle (self->closure_view_row, their_view);
  adw_action_row_set_subtitle (self->closure_reason_row,
                               heard_plan_get_closure_text (plan, HEARD_CLOSURE_REASON));
  adw_preferences_group_set_description (self->closure_group,
                                         heard_plan_get_closes_case (plan)
                                         ? _("The case was closed with the plan.")
                                         : NULL);
}

static GtkWidget *
create_area_card (gpointer item,
                  gpointer user_data)
{
  HeardPlanView *self = user_data;
  GListModel *directory = heard_context_get_agencies (heard_case_file_get_context (
                                                        self->case_file));
  GtkWidget *row = gtk_list_box_row_new ();
  GDate today;

  heard_plan_rules_today (&today);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row),
                              heard_plan_area_card_new (item, HEARD_DIRECTORY_LIST (directory),
                                                        heard_case_file_get_for_them_marks (
                                                          self->case_file),
                                                        heard_case_file_get_own_words (
                                                          self->case_file),
                                                        self->bound_changes, &today));
  /* The row only lays the card out; keyboard focus goes to what is in it. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);

  return row;
}

/* Puts the focus on the step a person most likely takes next, among those
 * now offered: the first area of a plan that has none, else the first step
 * shown. Never on the words about the plan, which are read, not pressed. */
static void
focus_next_step (HeardPlanView *self)
{
  HeardPlan *plan = get_shown_plan (self);

  if (plan != NULL && g_list_model_get_n_items (heard_plan_get_areas (plan)) == 0 &&
      gtk_widget_get_visible (gtk_widget_get_parent (self->add_area_button)) &&
      gtk_widget_grab_focus (self->add_area_button))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->buttons));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) &&
        gtk_widget_grab_focus (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child))))
      return;
}

/* Moves focus off the area cards from @position to @end, about to go, to
 * the step a person most likely takes next. */
static void
move_focus_off_cards (HeardPlanView *self,
                      guint          position,
                      guint          end)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->areas_list)))
    return;

  row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  if (row != NULL && gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) >= (int) position &&
      gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) < (int) end)
    focus_next_step (self);
}

/* Runs before the list replaces any card: focus never stays on one about
 * to go. */
static void
areas_changing_cb (HeardPlanView *self,
                   guint          position,
                   guint          removed,
                   guint          added)
{
  move_focus_off_cards (self, position, position + removed);
}

/* An area card just made for the area being edited takes the focus back. */
static void
areas_changed_cb (HeardPlanView *self,
                  guint          position,
                  guint          removed,
                  guint          added)
{
  GListModel *areas = heard_plan_get_areas (self->bound);

  for (guint i = position; i < position + added && self->focus_area != 0; i++)
    {
      g_autoptr(HeardPlanArea) area = g_list_model_get_item (areas, i);

      if (heard_plan_area_get_id (area) == self->focus_area)
        {
          gtk_widget_child_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->areas_list,
                                                                             (int) i)),
                                  GTK_DIR_TAB_FORWARD);
          self->focus_area = 0;
        }
    }
}

/* Binds the area cards and decisions to @plan's models, or to nothing; a
 * version already bound with the same changes offered stays as it is. */
static void
bind_plan (HeardPlanView *self,
           HeardPlan     *plan)
{
  HeardPlanState state = plan != NULL ? heard_plan_get_state (plan) : HEARD_PLAN_N_STATES;
  HeardPlanChanges changes = heard_plan_rules_is_editable (state) ? HEARD_PLAN_CHANGES_ALL
                             : state == HEARD_PLAN_STATE_ACTIVE ? HEARD_PLAN_CHANGES_PROGRESS
                             : HEARD_PLAN_CHANGES_NONE;

  if (plan == self->bound && changes == self->bound_changes)
    return;

  if (self->bound != NULL)
    {
      move_focus_off_cards (self, 0, G_MAXINT);
      g_signal_handlers_disconnect_by_data (heard_plan_get_areas (self->bound), self);
    }
  gtk_list_box_bind_model (self->areas_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->reviews_list, NULL, NULL, NULL, NULL);
  gtk_sort_list_model_set_model (self->newest_reviews, NULL);
  g_set_object (&self->bound, plan);
  self->bound_changes = changes;
  if (plan == NULL)
    return;

  g_signal_connect_object (heard_plan_get_areas (plan), "items-changed",
                           G_CALLBACK (areas_changing_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->areas_list, heard_plan_get_areas (plan), create_area_card, self,
                           NULL);
  g_signal_connect_object (heard_plan_get_areas (plan), "items-changed",
                           G_CALLBACK (areas_changed_cb), self, G_CONNECT_SWAPPED);
  areas_changed_cb (self, 0, 0, g_list_model_get_n_items (heard_plan_get_areas (plan)));
  gtk_sort_list_model_set_model (self->newest_reviews, heard_plan_get_reviews (plan));
  gtk_list_box_bind_model (self->reviews_list, G_LIST_MODEL (self->newest_reviews),
                           create_review_row, NULL, NULL);
}

static void
fill_versions (HeardPlanView *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < count_plans (self); i++)
    {
      HeardPlan *plan = get_plan (self, i);

      /* TRANSLATORS: a version of a plan and where it stands, e.g. "Version 2 · Active" */
      g_ptr_array_add (labels, g_strdup_printf (_("Version %u · %s"),
                                                heard_plan_get_version (plan),
                                                heard_plan_state_label (heard_plan_get_state (
                                                  plan))));
    }
  g_ptr_array_add (labels, NULL);

  g_signal_handlers_block_by_func (self->version_dropdown, version_selected_cb, self);
  gtk_string_list_splice (self->versions, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->versions)),
                          (const char *const *) labels->pdata);
  gtk_drop_down_set_selected (self->version_dropdown, self->shown);
  g_signal_handlers_unblock_by_func (self->version_dropdown, version_selected_cb, self);
  gtk_widget_set_visible (GTK_WIDGET (self->version_dropdown), count_plans (self) > 1);
}

/* What they said in co-design about the version shown, or that they have
 * not said: agreeing is never asked for by sign-off, and a "does not
 * agree" is shown as plainly as an "agrees". */
static void
show_their_say (HeardPlanView *self)
{
  HeardPlan *plan = get_shown_plan (self);
  HeardPlanSay *say = plan != NULL ? heard_case_file_find_plan_say (self->case_file,
                                                                    heard_plan_get_id (plan))
                                   : NULL;
  g_autofree char *when = NULL;
  g_autofree char *line = NULL;

  if (say == NULL)
    {
      gtk_label_set_text (self->their_say_label,
                          _("They have not said yet whether they agree with this plan."));
      gtk_widget_set_visible (GTK_WIDGET (self->their_say_words_label), FALSE);
      return;
    }
  when = heard_date_describe_moment (heard_plan_say_get_saved_at (say));
  /* TRANSLATORS: their say on the plan, then when they said it */
  line = g_strdup_printf (_("%s (%s)"), heard_say_kind_label (heard_plan_say_get_kind (say)),
                          when);
  gtk_label_set_text (self->their_say_label, line);
  heard_label_set_words (self->their_say_words_label, heard_plan_say_get_words (say));
  gtk_widget_set_visible (GTK_WIDGET (self->their_say_words_label),
                          !heard_text_is_blank (heard_plan_say_get_words (say)));
}

/* What they wrote themselves changed: the cards show it again. */
static void
own_words_changed_cb (HeardPlanView *self)
{
  if (self->bound == NULL)
    return;
  move_focus_off_cards (self, 0, G_MAXINT);
  gtk_list_box_bind_model (self->areas_list, heard_plan_get_areas (self->bound),
                           create_area_card, self, NULL);
}

static void
rebuild (HeardPlanView *self)
{
  HeardPlan *plan = get_shown_plan (self);
  g_autofree char *title = NULL;
  HeardPlanState state;
  GDate today;

  bind_plan (self, plan);
  /* Let go of the case file with the plan (a lock drops both). */
  heard_check_ins_section_set_plan (self->check_ins_section, plan != NULL ? self->case_file : NULL,
                                    plan);
  if (plan == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      update_actions (self);
      return;
    }

  heard_plan_rules_today (&today);
  state = heard_plan_get_state (plan);

  fill_versions (self);
  title = g_strdup_printf (_("Support Plan, Version %u"), heard_plan_get_version (plan));
  gtk_label_set_text (self->title_label, title);

  for (guint i = 0; i < HEARD_PLAN_N_STATES; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), state_styles[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), state_styles[state]);
  gtk_label_set_text (self->state_label, heard_plan_state_label (state));
  gtk_label_set_text (self->next_step_label, heard_plan_state_next_step (state));
  show_their_say (self);
  describe_review (self, plan, &today);

  fill_add_area_menu (self, plan);
  fill_closure (self, plan);
  gtk_widget_set_visible (GTK_WIDGET (self->reviews_group),
                          g_list_model_get_n_items (heard_plan_get_reviews (plan)) > 0);
  update_actions (self);

  gtk_stack_set_visible_child_name (self->stack, "plan");
}

/* The case file's plans changed: stays with the version being read, unless
 * it has gone, and shows it again only if it is not the object shown. */
static void
plans_changed_cb (HeardPlanView *self)
{
  HeardPlan *before = NULL;
  guint n = count_plans (self);

  self->shown = 0;
  for (guint i = 0; i < n; i++)
    {
      if (heard_plan_get_id (get_plan (self, i)) == self->shown_id)
        self->shown = i;
    }
  before = get_shown_plan (self);
  self->shown_id = before != NULL ? heard_plan_get_id (before) : 0;
  rebuild (self);
}

static void
loading_changed_cb (HeardPlanView *self)
{
  gboolean loading = heard_case_file_get_loading (self->case_file);

  gtk_spinner_set_spinning (self->spinner, loading);
  show_error (self, heard_case_file_get_failure (self->case_file));
  if (!loading && count_plans (self) == 0)
    rebuild (self);
}

/* Ends a step taken from the view: says what went wrong, or, with the
 * change already shown, puts the newest version in front after
 * @show_newest. */
static void
step_done (HeardPlanView *self,
           const GError  *error,
           gboolean       show_newest)
{
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, heard_describe_save_error (error));
      return;
    }

  show_error (self, NULL);
  if (show_newest)
    heard_plan_view_show_version (self, 0);
  focus_next_step (self);
}

static void
started_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HeardPlanView) self = user_data;
  g_autoptr(GError) error = NULL;

  heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error);
  step_done (self, error, TRUE);
}

static void
submitted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HeardPlanView) self = user_data;
  g_autoptr(GError) error = NULL;

  heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error);
  step_done (self, error, FALSE);
}

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HeardPlanView) self = user_data;
  g_autoptr(GError) error = NULL;

  heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error);
  step_done (self, error, FALSE);
}

static HeardPlanArea *
find_area (HeardPlanView *self,
           gint64         area_id)
{
  GListModel *areas = heard_plan_get_areas (get_shown_plan (self));

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(HeardPlanArea) area = g_list_model_get_item (areas, i);

      if (heard_plan_area_get_id (area) == area_id)
        return area;
    }

  return NULL;
}

static HeardPlanAction *
find_action (HeardPlanView *self,
             gint64         action_id)
{
  GListModel *areas = heard_plan_get_areas (get_shown_plan (self));

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(HeardPlanArea) area = g_list_model_get_item (areas, i);
      GListModel *actions = heard_plan_area_get_actions (area);

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(HeardPlanAction) action = g_list_model_get_item (actions, j);

          if (heard_plan_action_get_id (action) == action_id)
            return action;
        }
    }

  return NULL;
}

/* Shows a dialog that takes a step (a decision, a closure, a new review
 * date); once it is saved, the button that opened it may be gone, and the
 * focus goes to the next step. */
static void
present_step_dialog (HeardPlanView *self,
                     gpointer       dialog)
{
  g_signal_connect_object (dialog, "saved", G_CALLBACK (focus_next_step), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HeardPlanView *self = HEARD_PLAN_VIEW (widget);

  heard_case_file_start_plan_async (self->case_file, NULL, started_cb, g_object_ref (self));
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HeardPlanView *self = HEARD_PLAN_VIEW (widget);

  heard_case_file_submit_plan_async (self->case_file, heard_plan_get_id (get_shown_plan (self)),
                                     NULL, submitted_cb, g_object_ref (self));
}

static void
decide_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HeardPlanView *self = HEARD_PLAN_VIEW (widget);

  present_step_dialog (self, heard_decision_dialog_new (get_window (self), self->case_file,
                                                        get_shown_plan (self)));
}

static void
review_date_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HeardPlanView *self = HEARD_PLAN_VIEW (widget);

  present_step_dialog (self, heard_review_date_dialog_new (get_window (self), self->case_file,
                                                           get_shown_plan (self)));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HeardPlanView *self = HEARD_PLAN_VIEW (widget);

  present_step_dialog (self, heard_closure_dialog_new (get_window (self), self->case_file,
                                                       get_shown_plan (self)));
}

/* The version shown, as a PDF or on paper, for someone chosen in the dialog. */
static void
present_export_dialog (HeardPlanView   *self,
                       HeardExportKind  kind)
{
  gtk_window_present (GTK_WINDOW (heard_export_dialog_new (get_window (self), self->case_file,
                                                           get_shown_plan (self), kind)));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  present_export_dialog (HEARD_PLAN_VIEW (widget), HEARD_EXPORT_PDF);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  present_export_dialog (HEARD_PLAN_VIEW (widget), HEARD_EXPORT_PRINT);
}

/* Their dates for a calendar app, or their records for a spreadsheet. */
static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HeardPlanView *self = HEARD_PLAN_VIEW (widget);

  gtk_window_present (GTK_WINDOW (heard_file_export_dialog_new (get_window (self),
                                                                self->case_file,
                                                                HEARD_FILE_EXPORT_CALENDAR)));
}

static void
export_spreadsheet_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  HeardPlanView *self = HEARD_PLAN_VIEW (widget);

  gtk_window_present (GTK_WINDOW (heard_file_export_dialog_new (get_window (self),
                                                                self->case_file,
                                                                HEARD_FILE_EXPORT_SPREADSHEET)));
}

static void
show_newest_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  heard_plan_view_show_version (HEARD_PLAN_VIEW (widget), 0);
}

static void
add_area_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HeardPlanView *self = HEARD_PLAN_VIEW (widget);
  guint32 kind = g_variant_get_uint32 (parameter);
  g_autoptr(HeardPlanArea) area = NULL;

  if (kind >= HEARD_AREA_N_KINDS)
    return;

  area = heard_plan_area_new (heard_plan_get_id (get_shown_plan (self)), kind);
  gtk_window_present (GTK_WINDOW (heard_area_editor_new (get_window (self), self->case_file,
                                                             area)));
}

static void
edit_area_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HeardPlanView *self = HEARD_PLAN_VIEW (widget);
  HeardPlanArea *area = find_area (self, g_variant_get_int64 (parameter));

  if (area == NULL)
    return;

  self->focus_area = heard_plan_area_get_id (area);
  gtk_window_present (GTK_WINDOW (heard_area_editor_new (get_window (self), self->case_file,
                                                             area)));
}

static void
add_action_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HeardPlanView *self = HEARD_PLAN_VIEW (widget);
  gint64 area_id = g_variant_get_int64 (parameter);
  g_autoptr(HeardPlanAction) action = NULL;

  if (find_area (self, area_id) == NULL)
    return;

  self->focus_area = area_id;
  action = heard_plan_action_new (heard_plan_get_id (get_shown_plan (self)), area_id);
  gtk_window_present (GTK_WINDOW (heard_action_editor_new (get_window (self),
                                                               self->case_file, action,
                                                               FALSE)));
}

static void
edit_action_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HeardPlanView *self = HEARD_PLAN_VIEW (widget);
  HeardPlanAction *action = find_action (self, g_variant_get_int64 (parameter));
  gboolean progress_only;

  if (action == NULL)
    return;

  progress_only = heard_plan_get_state (get_shown_plan (self)) == HEARD_PLAN_STATE_ACTIVE;
  self->focus_area = heard_plan_action_get_area_id (action);
  gtk_window_present (GTK_WINDOW (heard_action_editor_new (get_window (self),
                                                               self->case_file, action,
                                                               progress_only)));
}

static void
removal_confirmed (AdwMessageDialog *dialog,
                   GtkWidget        *owner)
{
  HeardPlanView *self = HEARD_PLAN_VIEW (owner);
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "id"));

  if (g_object_get_data (G_OBJECT (dialog), "area") != NULL)
    heard_case_file_remove_area_async (self->case_file, id, NULL, removed_cb,
                                       g_object_ref (self));
  else
    heard_case_file_remove_action_async (self->case_file, id, NULL, removed_cb,
                                         g_object_ref (self));
}

/* Nothing in a plan is taken out without being asked. */
static void
confirm_removal (HeardPlanView *self,
                 gint64         id,
                 gboolean       area,
                 const char    *heading,
                 const char    *body)
{
  AdwMessageDialog *dialog = heard_ask_to_remove (GTK_WIDGET (self), heading, body,
                                                  removal_confirmed);

  g_object_set_data (G_OBJECT (dialog), "id", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data (G_OBJECT (dialog), "area", GINT_TO_POINTER (area));
}

static void
remove_area_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HeardPlanView *self = HEARD_PLAN_VIEW (widget);
  HeardPlanArea *area = find_area (self, g_variant_get_int64 (parameter));
  g_autofree char *heading = NULL;

  if (area == NULL)
    return;

  heading = g_strdup_printf (_("Remove %s From This Version?"),
                             heard_plan_area_get_text (area, HEARD_AREA_LABEL));
  confirm_removal (self, heard_plan_area_get_id (area), TRUE, heading,
                   _("What is written in it and its actions will be taken out of this version. "
                     "Earlier versions keep theirs."));
}

static void
remove_action_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HeardPlanView *self = HEARD_PLAN_VIEW (widget);
  HeardPlanAction *action = find_action (self, g_variant_get_int64 (parameter));

  if (action == NULL)
    return;

  confirm_removal (self, heard_plan_action_get_id (action), FALSE, _("Remove This Action?"),
                   heard_plan_action_get_text (action, HEARD_ACTION_WHAT));
}

static void
version_selected_cb (HeardPlanView *self)
{
  heard_plan_view_show_version (self, gtk_drop_down_get_selected (self->version_dropdown));
}

static void
heard_plan_view_dispose (GObject *object)
{
  HeardPlanView *self = HEARD_PLAN_VIEW (object);

  heard_plan_view_set_case_file (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_PLAN_VIEW);
  g_clear_object (&self->newest_reviews);

  G_OBJECT_CLASS (heard_plan_view_parent_class)->dispose (object);
}

static void
heard_plan_view_class_init (HeardPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_plan_view_dispose;

  g_type_ensure (HEARD_TYPE_CHECK_INS_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, error_label);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, stack);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, spinner);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, title_label);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, version_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, versions);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, state_label);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, review_label);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, next_step_label);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, their_say_label);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, their_say_words_label);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, buttons);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, submit_button);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, add_area_button);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, add_area_menu);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, decide_button);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, record_review_button);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, review_date_button);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, new_version_button);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, close_button);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, show_in_progress_button);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, export_button);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, print_button);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, spreadsheet_button);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, areas_list);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, closure_group);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, closure_view_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, closure_reason_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, reviews_group);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, reviews_list);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanView, check_ins_section);
  gtk_widget_class_bind_template_callback (widget_class, version_selected_cb);

  gtk_widget_class_install_action (widget_class, "plan.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "plan.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "plan.decide", NULL, decide_action);
  gtk_widget_class_install_action (widget_class, "plan.record-review", NULL, decide_action);
  gtk_widget_class_install_action (widget_class, "plan.review-date", NULL, review_date_action);
  gtk_widget_class_install_action (widget_class, "plan.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "plan.show-newest", NULL, show_newest_action);
  gtk_widget_class_install_action (widget_class, "plan.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "plan.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "plan.export-calendar", NULL,
                                   export_calendar_action);
  gtk_widget_class_install_action (widget_class, "plan.export-spreadsheet", NULL,
                                   export_spreadsheet_action);
  gtk_widget_class_install_action (widget_class, "plan.add-area", "u", add_area_action);
  gtk_widget_class_install_action (widget_class, "plan.edit-area", "x", edit_area_action);
  gtk_widget_class_install_action (widget_class, "plan.remove-area", "x", remove_area_action);
  gtk_widget_class_install_action (widget_class, "plan.add-action", "x", add_action_action);
  gtk_widget_class_install_action (widget_class, "plan.edit-action", "x", edit_action_action);
  gtk_widget_class_install_action (widget_class, "plan.remove-action", "x",
                                   remove_action_action);
}

static void
heard_plan_view_init (HeardPlanView *self)
{
  GtkWidget *no_areas;

  gtk_widget_init_template (GTK_WIDGET (self));
  heard_accessibility_name_mnemonics (GTK_WIDGET (self));
  self->newest_reviews =
    gtk_sort_list_model_new (NULL, GTK_SORTER (gtk_custom_sorter_new (compare_reviews_newest_first,
                                                                      self, NULL)));

  no_areas = gtk_label_new (_("No areas of life in this plan yet. Add the ones that matter to "
                              "the young person, one at a time."));
  gtk_label_set_wrap (GTK_LABEL (no_areas), TRUE);
  gtk_label_set_xalign (GTK_LABEL (no_areas), 0);
  gtk_widget_add_css_class (no_areas, "dim-label");
  gtk_list_box_set_placeholder (self->areas_list, no_areas);

  /* The buttons are for pressing; the flow box only lays them out. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->buttons));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  update_actions (self);
}

/* Shows the plans in @case_file, as they change. */
void
heard_plan_view_set_case_file (HeardPlanView *self,
                               HeardCaseFile *case_file)
{
  g_return_if_fail (HEARD_IS_PLAN_VIEW (self));
  g_return_if_fail (case_file == NULL || HEARD_IS_CASE_FILE (case_file));

  if (self->case_file == case_file)
    return;

  if (self->case_file != NULL)
    {
      g_signal_handlers_disconnect_by_data (heard_case_file_get_plans (self->case_file), self);
      g_signal_handlers_disconnect_by_data (heard_case_file_get_own_words (self->case_file),
                                            self);
      g_signal_handlers_disconnect_by_data (heard_case_file_get_plan_says (self->case_file),
                                            self);
      g_signal_handlers_disconnect_by_data (self->case_file, self);
    }
  bind_plan (self, NULL);
  g_set_object (&self->case_file, case_file);
  self->shown = 0;
  self->shown_id = 0;
  self->focus_area = 0;
  show_error (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  if (case_file == NULL)
    {
      update_actions (self);
      return;
    }

  g_signal_connect_object (heard_case_file_get_plans (case_file), "items-changed",
                           G_CALLBACK (plans_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (heard_case_file_get_own_words (case_file), "items-changed",
                           G_CALLBACK (own_words_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (heard_case_file_get_plan_says (case_file), "items-changed",
                           G_CALLBACK (show_their_say), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (case_file, "notify::loading", G_CALLBACK (loading_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (case_file, "notify::failure", G_CALLBACK (loading_changed_cb), self,
                           G_CONNECT_SWAPPED);
  loading_changed_cb (self);
  if (count_plans (self) > 0)
    plans_changed_cb (self);
  else
    update_actions (self);
}

/* Shows the version at @position, newest first. */
void
heard_plan_view_show_version (HeardPlanView *self,
                              guint          position)
{
  g_return_if_fail (HEARD_IS_PLAN_VIEW (self));

  if (position >= count_plans (self) || position == self->shown)
    return;

  self->shown = position;
  self->shown_id = heard_plan_get_id (get_shown_plan (self));
  rebuild (self);
}

/* The version being read, or NULL before it has loaded. */
HeardPlan *
heard_plan_view_get_plan (HeardPlanView *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN_VIEW (self), NULL);

  return get_shown_plan (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-plan-area-card"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-columns-layout.h"
#include "heard-accessibility.h"
#include "heard-date.h"
#include "heard-for-them-row.h"
#include "heard-own-words.h"
#include "heard-plan-area-card.h"
#include "heard-widgets.h"

/*
 * One area of life in a plan, as the three columns of what we are worried
 * about, what is working well and what needs to happen; the young person's
 * goal in their own words beside the worker's; and the actions, with
 * overdue ones marked in words as well as colour. A quiet tag on the
 * area, the worker's goal and each action says whether it is written for
 * the young person to read, kept in step with the marks. Its buttons name
 * plan.* actions that the plan view carries out.
 */

struct _HeardPlanAreaCard
{
  AdwBin               parent_instance;

  GtkBox              *header_box;
  GtkWidget           *edit_button;
  GtkWidget           *remove_button;
  GtkBox              *columns;
  GtkBox              *goals;
  GtkLabel            *actions_heading;
  GtkWidget           *add_action_button;
  GtkListBox          *actions_list;

  /* The agencies directory, for the names of the agencies owning actions. */
  HeardDirectoryList  *directory;
  /* Every change of what is written for them, for the tags that show it. */
  GListModel          *marks;
  /* What the action rows offer, and the day they are judged overdue on. */
  HeardPlanChanges     changes;
  GDate                today;
};

G_DEFINE_FINAL_TYPE (HeardPlanAreaCard, heard_plan_area_card, ADW_TYPE_BIN)

/* @tag, if any, goes beside the heading. */
static void
add_text_block (GtkBox     *box,
                const char *heading,
                const char *text,
                const char *style,
                GtkWidget  *tag)
{
  GtkWidget *block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *body = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");

  heard_label_set_words (GTK_LABEL (body), *text != '\0' ? text : _("Nothing written here yet."));
  gtk_label_set_yalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  /* Narrow enough for the columns to sit side by side when there is room. */
  gtk_label_set_width_chars (GTK_LABEL (body), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (body), 24);
  gtk_label_set_selectable (GTK_LABEL (body), *text != '\0');
  gtk_widget_set_vexpand (body, TRUE);
  gtk_widget_add_css_class (body, "card");
  gtk_widget_add_css_class (body, "words-card");
  if (style != NULL)
    gtk_widget_add_css_class (body, style);
  if (*text == '\0')
    gtk_widget_add_css_class (body, "dim-label");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (body), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  title, NULL, -1);

  if (tag != NULL)
    {
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_widget_set_hexpand (title, TRUE);
      gtk_box_append (GTK_BOX (header), title);
      gtk_box_append (GTK_BOX (header), tag);
      gtk_box_append (GTK_BOX (block), header);
    }
  else
    gtk_box_append (GTK_BOX (block), title);
  gtk_box_append (GTK_BOX (block), body);
  gtk_box_append (box, block);
  /* The blocks are for reading, with the mouse too: Tab passes them by. */
  gtk_widget_set_can_focus (GTK_WIDGET (box), FALSE);
}

static char *
describe_action (HeardPlanAreaCard *self,
                 HeardPlanAction   *action)
{
  const char *owner = heard_directory_list_name_agency (self->directory,
                                                        heard_plan_action_get_owner (action),
                                                        heard_plan_action_get_owner_agency_id (
                                                          action));
  const char *name = heard_plan_action_get_text (action, HEARD_ACTION_OWNER_NAME);
  const char *acknowledged = heard_plan_action_get_text (action, HEARD_ACTION_ACKNOWLEDGED_ON);
  g_autofree char *due = heard_date_describe (heard_plan_action_get_text (action,
                                                                          HEARD_ACTION_DUE_DATE));
  g_autofree char *who = *name != '\0'
                         ? g_strdup_printf (_("%s (%s)"), owner, name)
                         : g_strdup (owner);
  g_autofree char *acknowledgement = NULL;

  if (*acknowledged == '\0')
    acknowledgement = g_strdup (_("not acknowledged yet"));
  else
    {
      g_autofree char *when = heard_date_describe (acknowledged);

      acknowledgement = g_strdup_printf (_("acknowledged %s"), when);
    }

  /* TRANSLATORS: who owns an action, when it is due, and whether they
   * acknowledged it: "Police (DC Shaw) · due 3 March 2025 · acknowledged 1 March 2025" */
  return g_strdup_printf (_("%s · due %s · %s"), who, due, acknowledgement);
}

static GtkWidget *
create_action_row (gpointer item,
                   gpointer user_data)
{
  HeardPlanAction *action = item;
  HeardPlanAreaCard *self = user_data;
  HeardPlanChanges changes = self->changes;
  GtkWidget *row = adw_action_row_new ();
  HeardActionStatus status = heard_plan_action_get_status (action);
  gint64 id = heard_plan_action_get_id (action);
  g_autofree char *subtitle = describe_action (self, action);
  const char *status_style = status == HEARD_ACTION_STUCK ? "warning"
                             : status == HEARD_ACTION_DONE ? "success" : NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 heard_plan_action_get_text (action, HEARD_ACTION_WHAT));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), heard_for_them_tag_new (self->marks,
                                                                     HEARD_FOR_THEM_ACTION, id));

  /* Overdue says so in words; the colour only adds to it. */
  if (heard_plan_action_is_overdue (action, &self->today))
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 heard_status_badge_new (_("Overdue"), "error"));
      gtk_widget_add_css_class (row, "overdue");
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             heard_status_badge_new (heard_action_status_label (status),
                                                     status_style));

  if (changes != HEARD_PLAN_CHANGES_NONE)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "plan.edit-action");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (id));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
    }

  if (changes == HEARD_PLAN_CHANGES_ALL)
    {
      g_autofree char *label = g_strdup_printf (_("Remove the action “%s”"),
                                                heard_plan_action_get_text (action,
                                                                            HEARD_ACTION_WHAT));

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 heard_icon_button_new ("user-trash-symbolic",
                                                        _("Remove This Action"), label,
                                                        "plan.remove-action",
                                                        g_variant_new_int64 (id)));
    }

  return row;
}

static void
heard_plan_area_card_dispose (GObject *object)
{
  HeardPlanAreaCard *self = HEARD_PLAN_AREA_CARD (object);

  g_clear_object (&self->directory);
  g_clear_object (&self->marks);
  gtk_widget_dispose_template (GTK_WIDGET (object), HEARD_TYPE_PLAN_AREA_CARD);

  G_OBJECT_CLASS (heard_plan_area_card_parent_class)->dispose (object);
}

static void
heard_plan_area_card_class_init (HeardPlanAreaCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_plan_area_card_dispose;

  g_type_ensure (HEARD_TYPE_COLUMNS_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-plan-area-card.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardPlanAreaCard, header_box);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanAreaCard, edit_button);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanAreaCard, remove_button);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanAreaCard, columns);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanAreaCard, goals);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanAreaCard, actions_heading);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanAreaCard, add_action_button);
  gtk_widget_class_bind_template_child (widget_class, HeardPlanAreaCard, actions_list);
}

static void
heard_plan_area_card_init (HeardPlanAreaCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_accessibility_name_mnemonics (GTK_WIDGET (self));
}

GtkWidget *
heard_plan_area_card_new (HeardPlanArea      *area,
                          HeardDirectoryList *directory,
                          GListModel         *marks,
                          GListModel         *own_words,
                          HeardPlanChanges    changes,
                          const GDate        *today)
{
  HeardPlanAreaCard *self;
  HeardOwnWords *their_goal;
  HeardOwnWords *what_helps;
  AdwPreferencesGroup *group;
  GListModel *actions;
  GVariant *area_id;
  g_autofree char *edit_label = NULL;
  g_autofree char *remove_label = NULL;
  g_autofree char *add_label = NULL;
  g_autofree char *title = NULL;
  const char *label;

  g_return_val_if_fail (HEARD_IS_PLAN_AREA (area), NULL);
  g_return_val_if_fail (HEARD_IS_DIRECTORY_LIST (directory), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (own_words), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (marks), NULL);

  self = g_object_new (HEARD_TYPE_PLAN_AREA_CARD, NULL);
  self->directory = g_object_ref (directory);
  self->marks = g_object_ref (marks);
  self->changes = changes;
  self->today = *today;
  label = heard_plan_area_get_text (area, HEARD_AREA_LABEL);
  area_id = g_variant_ref_sink (g_variant_new_int64 (heard_plan_area_get_id (area)));
  gtk_widget_set_name (GTK_WIDGET (self), label);

  title = g_markup_escape_text (label, -1);
  /* The group is the card's own child, so AdwBin, not the template, owns it. */
  group = ADW_PREFERENCES_GROUP (adw_bin_get_child (ADW_BIN (self)));
  adw_preferences_group_set_title (group, title);
  adw_preferences_group_set_description (group,
                                         heard_area_kind_description (heard_plan_area_get_kind (
                                           area)));

  add_text_block (self->columns, _("What we are worried about"),
                  heard_plan_area_get_text (area, HEARD_AREA_WORRIED), NULL, NULL);
  add_text_block (self->columns, _("What is working well"),
                  heard_plan_area_get_text (area, HEARD_AREA_WORKING_WELL), NULL, NULL);
  add_text_block (self->columns, _("What needs to happen"),
                  heard_plan_area_get_text (area, HEARD_AREA_NEEDS_TO_HAPPEN), NULL, NULL);
  /* Their words first: what they wrote themselves by this version of the
   * plan, else the worker's note of what they said. */
  their_goal = heard_own_words_find_for_plan (own_words, heard_plan_area_get_plan_id (area),
                                              heard_plan_area_get_kind (area), HEARD_OWN_GOAL);
  what_helps = heard_own_words_find_for_plan (own_words, heard_plan_area_get_plan_id (area),
                                              heard_plan_area_get_kind (area),
                                              HEARD_OWN_WHAT_HELPS);
  if (their_goal != NULL)
    add_text_block (self->goals, _("Their goal, written by them"),
                    heard_own_words_get_words (their_goal), "their-words", NULL);
  else
    add_text_block (self->goals, _("Their goal, in their own words"),
                    heard_plan_area_get_text (area, HEARD_AREA_GOAL_OWN_WORDS), "their-words",
                    NULL);
  add_text_block (self->goals, _("The worker's goal"),
                  heard_plan_area_get_text (area, HEARD_AREA_GOAL_WORKER), NULL,
                  heard_for_them_tag_new (marks, HEARD_FOR_THEM_WORKER_GOAL,
                                          heard_plan_area_get_id (area)));
  if (what_helps != NULL)
    add_text_block (self->goals, _("What helps them, written by them"),
                    heard_own_words_get_words (what_helps), "their-words", NULL);
  gtk_box_prepend (self->header_box, heard_for_them_tag_new (marks, HEARD_FOR_THEM_AREA,
                                                             heard_plan_area_get_id (area)));

  actions = heard_plan_area_get_actions (area);
  gtk_list_box_bind_model (self->actions_list, actions, create_action_row, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->actions_list), g_list_model_get_n_items (actions) > 0);
  if (g_list_model_get_n_items (actions) == 0)
    gtk_label_set_text (self->actions_heading, _("No actions yet"));

  gtk_widget_set_visible (self->edit_button, changes == HEARD_PLAN_CHANGES_ALL);
  gtk_widget_set_visible (self->remove_button, changes == HEARD_PLAN_CHANGES_ALL);
  gtk_widget_set_visible (self->add_action_button, changes == HEARD_PLAN_CHANGES_ALL);

  /* TRANSLATORS: %s is an area of life, e.g. "Edit Safety" */
  edit_label = g_strdup_printf (_("Edit %s"), label);
  remove_label = g_strdup_printf (_("Remove the area %s and its actions"), label);
  add_label = g_strdup_printf (_("Add an action to %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_action_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->edit_button), area_id);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->remove_button), area_id);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->add_action_button), area_id);
  g_variant_unref (area_id);

  return GTK_WIDGET (self);
}

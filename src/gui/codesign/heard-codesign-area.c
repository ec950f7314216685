/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-codesign-area"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-codesign-area.h"
#include "heard-codesign-card.h"
#include "heard-date.h"

/*
 * One area of their plan in co-design mode: their goal in their own words
 * first, the worker's goal beside it (when written for them), what helps
 * them, and the actions written for them to read, each with who is doing
 * it and by when. Two buttons let them write or change their goal and
 * what helps them. It follows their own words and the marks as they
 * change.
 */

struct _HeardCodesignArea
{
  AdwBin         parent_instance;

  HeardCaseFile *case_file;
  HeardPlanArea *area;
  GtkWidget     *text_box;
};

G_DEFINE_FINAL_TYPE (HeardCodesignArea, heard_codesign_area, ADW_TYPE_BIN)

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

/* Their newest words for @part of this area, or NULL. */
static const char *
find_own (HeardCodesignArea *self,
          HeardOwnPart       part)
{
  HeardOwnWords *words = heard_case_file_find_own_words (self->case_file,
                                                         heard_plan_area_get_kind (self->area),
                                                         part);

  return words != NULL ? heard_own_words_get_words (words) : NULL;
}

static void
add_action (HeardCodesignArea *self,
            HeardPlanAction   *action)
{
  const char *who = heard_plan_action_get_text (action, HEARD_ACTION_OWNER_NAME);
  const char *due = heard_plan_action_get_text (action, HEARD_ACTION_DUE_DATE);
  g_autofree char *by = has_text (due) ? heard_date_describe (due) : NULL;
  g_autofree char *text = NULL;

  if (!has_text (who))
    who = heard_agency_label (heard_plan_action_get_owner (action));
  text = g_strdup_printf (C_("co-design", "Who: %s. By: %s."), who,
                          by != NULL ? by : C_("co-design", "no day set"));
  heard_codesign_card_add_text (self->text_box,
                                heard_plan_action_get_text (action, HEARD_ACTION_WHAT), text);
}

static void
update (HeardCodesignArea *self)
{
  gint64 id = heard_plan_area_get_id (self->area);
  GListModel *actions = heard_plan_area_get_actions (self->area);
  const char *goal = find_own (self, HEARD_OWN_GOAL);
  const char *helps = find_own (self, HEARD_OWN_WHAT_HELPS);
  const char *worker_goal = heard_plan_area_get_text (self->area, HEARD_AREA_GOAL_WORKER);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->text_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->text_box), child);

  /* Their goal first: what they wrote here, else what staff took down in
   * their own words. */
  if (!has_text (goal))
    goal = heard_plan_area_get_text (self->area, HEARD_AREA_GOAL_OWN_WORDS);
  heard_codesign_card_add_text (self->text_box, C_("co-design", "Your goal"),
                                has_text (goal) ? goal
                                                : C_("co-design", "You have not written one yet."));
  if (has_text (worker_goal) &&
      heard_case_file_written_for_them (self->case_file, HEARD_FOR_THEM_WORKER_GOAL, id))
    heard_codesign_card_add_text (self->text_box, C_("co-design", "Your worker’s goal"),
                                  worker_goal);
  if (has_text (helps))
    heard_codesign_card_add_text (self->text_box, C_("co-design", "What helps me"), helps);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(HeardPlanAction) action = g_list_model_get_item (actions, i);

      if (heard_case_file_written_for_them (self->case_file, HEARD_FOR_THEM_ACTION,
                                            heard_plan_action_get_id (action)))
        add_action (self, action);
    }
}

/* No mnemonic, as every area has these two; named for screen readers by
 * their area. */
static GtkWidget *
new_edit_button (HeardCodesignArea *self,
                 HeardOwnPart       part)
{
  HeardAreaKind kind = heard_plan_area_get_kind (self->area);
  GtkWidget *button = gtk_button_new_with_label (part == HEARD_OWN_GOAL
                                                 ? C_("co-design", "Change My Goal")
                                                 : C_("co-design", "What Helps Me"));
  /* TRANSLATORS: %s is a part of their plan, such as "Education" */
  g_autofree char *name = g_strdup_printf (part == HEARD_OWN_GOAL
                                           ? C_("co-design", "Change my goal for %s")
                                           : C_("co-design", "What helps me with %s"),
                                           heard_area_kind_label (kind));

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "codesign.edit-own-words");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ii)", (int) kind, (int) part);
  gtk_widget_add_css_class (button, "pill");

  return button;
}

static void
build (HeardCodesignArea *self)
{
  GtkWidget *card = heard_codesign_card_new ();
  GtkWidget *title = gtk_label_new (heard_area_kind_label (heard_plan_area_get_kind (self->area)));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-3");
  gtk_box_append (GTK_BOX (card), title);

  self->text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (card), self->text_box);

  gtk_widget_set_margin_top (buttons, 6);
  gtk_box_append (GTK_BOX (buttons), new_edit_button (self, HEARD_OWN_GOAL));
  gtk_box_append (GTK_BOX (buttons), new_edit_button (self, HEARD_OWN_WHAT_HELPS));
  gtk_box_append (GTK_BOX (card), buttons);

  adw_bin_set_child (ADW_BIN (self), card);
  update (self);
}

static void
heard_codesign_area_dispose (GObject *object)
{
  HeardCodesignArea *self = HEARD_CODESIGN_AREA (object);

  g_clear_object (&self->case_file);
  g_clear_object (&self->area);

  G_OBJECT_CLASS (heard_codesign_area_parent_class)->dispose (object);
}

static void
heard_codesign_area_class_init (HeardCodesignAreaClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = heard_codesign_area_dispose;
}

static void
heard_codesign_area_init (HeardCodesignArea *self)
{
}

GtkWidget *
heard_codesign_area_new (HeardCaseFile *case_file,
                         HeardPlanArea *area)
{
  HeardCodesignArea *self;

  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);
  g_return_val_if_fail (HEARD_IS_PLAN_AREA (area), NULL);

  self = g_object_new (HEARD_TYPE_CODESIGN_AREA, NULL);
  self->case_file = g_object_ref (case_file);
  self->area = g_object_ref (area);
  build (self);
  g_signal_connect_object (heard_case_file_get_own_words (case_file), "items-changed",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (heard_case_file_get_for_them_marks (case_file), "items-changed",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (heard_plan_area_get_actions (area), "items-changed",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-decision-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-decision-dialog.h"
#include "heard-language-check.h"
#include "heard-language-hint.h"
#include "heard-plan-rules.h"
#include "heard-signature-group.h"

/*
 * A supervisor's decision on a plan, signed with their passphrase: for a
 * plan awaiting review, sign it off or ask for changes; for a plan in use,
 * record that it was reviewed and carries on. Only the decisions the plan's
 * state allows are offered.
 */

struct _HeardDecisionDialog
{
  HeardDialog          parent_instance;

  gint64               plan_id;
  HeardPlanEvent       event;

  AdwPreferencesGroup *choice_group;
  AdwActionRow        *sign_off_row;
  GtkCheckButton      *sign_off_check;
  AdwPreferencesGroup *wording_group;
  AdwPreferencesGroup *comments_group;
  GtkTextView         *comments_view;
  HeardSignatureGroup *signature;
};

G_DEFINE_FINAL_TYPE (HeardDecisionDialog, heard_decision_dialog, HEARD_TYPE_DIALOG)

/* When the review falls, from the rules that set it. */
static void
describe_sign_off (HeardDecisionDialog *self)
{
  g_autofree char *first =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months",
                                  HEARD_PLAN_FIRST_REVIEW_MONTHS),
                     HEARD_PLAN_FIRST_REVIEW_MONTHS);
  g_autofree char *later =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months",
                                  HEARD_PLAN_REVIEW_INTERVAL_MONTHS),
                     HEARD_PLAN_REVIEW_INTERVAL_MONTHS);
  /* TRANSLATORS: "… set for 3 months from today, or 6 months when it replaces …" */
  g_autofree char *text = g_strdup_printf (_("The plan is ready to use. Its review is set for "
                                             "%s from today, or %s when it replaces a version "
                                             "already in use."), first, later);

  adw_action_row_set_subtitle (self->sign_off_row, text);
}

static void
describe_comments (HeardDecisionDialog *self)
{
  const char *description;

  switch (self->event)
    {
    case HEARD_PLAN_EVENT_REQUEST_CHANGES:
      description = _("Say which changes are needed, so the plan can be put right. "
                      "Everyone who reads the plan can see this.");
      break;

    case HEARD_PLAN_EVENT_REVIEW:
      description = _("How the plan is going, and anything to look at before the next "
                      "review. Everyone who reads the plan can see this.");
      break;

    case HEARD_PLAN_EVENT_SIGN_OFF:
    default:
      description = _("Anything the caseworker and the young person should know. "
                      "Everyone who reads the plan can see this.");
      break;
    }

  adw_preferences_group_set_description (self->comments_group, description);
}

static void
choice_toggled_cb (HeardDecisionDialog *self)
{
  /* A choice made is kept in a draft as what is typed is. */
  heard_dialog_set_changed (HEARD_DIALOG (self));
  if (self->event == HEARD_PLAN_EVENT_REVIEW)
    return;

  self->event = gtk_check_button_get_active (self->sign_off_check)
                ? HEARD_PLAN_EVENT_SIGN_OFF : HEARD_PLAN_EVENT_REQUEST_CHANGES;
  describe_comments (self);
}

/* One row for each phrase the checker finds in @text, saying where it is. */
static guint
list_flagged (HeardDecisionDialog *self,
              const char          *text,
              const char          *area,
              const char          *where)
{
  g_autoptr(GArray) matches = heard_language_check (text);

  for (guint i = 0; i < matches->len; i++)
    {
      const HeardLanguageMatch *match = &g_array_index (matches, HeardLanguageMatch, i);
      const char *from = g_utf8_offset_to_pointer (text, match->start);
      const char *to = g_utf8_offset_to_pointer (text, match->end);
      g_autofree char *words = g_strndup (from, (gsize) (to - from));
      g_autofree char *replacement = NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      guint start, end;

      replacement = heard_language_dup_replacement (text, match, &start, &end);
      /* TRANSLATORS: the words as written in the plan, e.g. “boyfriend” */
      title = g_strdup_printf (_("“%s”"), words);
      /* TRANSLATORS: an area of the plan, the part of it, then a suggested wording,
       * e.g. "Safety, what we are worried about. Perhaps: “went missing”" */
      subtitle = g_strdup_printf (_("%s, %s. Perhaps: “%s”"), area, where, replacement);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (self->wording_group, row);
    }

  return matches->len;
}

/* Lists the staff wording in @plan that the checker would underline, so a
 * supervisor sees it before signing. It never stops the decision. */
static void
list_flagged_wording (HeardDecisionDialog *self,
                      HeardPlan           *plan)
{
  static const struct
  {
    HeardAreaText text;
    const char   *where;
  } checked[] = {
    { HEARD_AREA_WORRIED, N_("what we are worried about") },
    { HEARD_AREA_WORKING_WELL, N_("what is working well") },
    { HEARD_AREA_NEEDS_TO_HAPPEN, N_("what needs to happen") },
    { HEARD_AREA_GOAL_WORKER, N_("the worker's goal") },
  };
  GListModel *areas = heard_plan_get_areas (plan);
  guint n = 0;

  /* The young person's own words are never listed: they are kept as said. */
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(HeardPlanArea) area = g_list_model_get_item (areas, i);
      const char *label = heard_plan_area_get_text (area, HEARD_AREA_LABEL);
      GListModel *actions = heard_plan_area_get_actions (area);

      for (guint j = 0; j < G_N_ELEMENTS (checked); j++)
        n += list_flagged (self, heard_plan_area_get_text (area, checked[j].text), label,
                           _(checked[j].where));
      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(HeardPlanAction) action = g_list_model_get_item (actions, j);

          n += list_flagged (self, heard_plan_action_get_text (action, HEARD_ACTION_WHAT), label,
                             _("an action"));
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->wording_group), n > 0);
}

static void
changed_cb (HeardDecisionDialog *self)
{
  heard_dialog_set_changed (HEARD_DIALOG (self));
}

static void
signed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HeardDecisionDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  heard_signature_group_sign_finish (HEARD_SIGNATURE_GROUP (object), result, &error);
  heard_dialog_finish_saving (HEARD_DIALOG (self), error);
}

static void
heard_decision_dialog_save (HeardDialog *dialog)
{
  HeardDecisionDialog *self = HEARD_DECISION_DIALOG (dialog);
  g_autoptr(HeardPlanDecision) decision = heard_plan_decision_new (self->event, 0);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->comments_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (decision->comments);
  decision->comments = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  heard_signature_group_sign_async (self->signature, self->plan_id, decision,
                                    heard_dialog_get_cancellable (dialog), signed_cb,
                                    g_object_ref (self));
}

static void
heard_decision_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HEARD_TYPE_DECISION_DIALOG);

  G_OBJECT_CLASS (heard_decision_dialog_parent_class)->dispose (object);
}

static void
heard_decision_dialog_class_init (HeardDecisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeardDialogClass *dialog_class = HEARD_DIALOG_CLASS (klass);

  object_class->dispose = heard_decision_dialog_dispose;
  dialog_class->save = heard_decision_dialog_save;

  g_type_ensure (HEARD_TYPE_SIGNATURE_GROUP);
  g_type_ensure (HEARD_TYPE_LANGUAGE_HINT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-decision-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardDecisionDialog, choice_group);
  gtk_widget_class_bind_template_child (widget_class, HeardDecisionDialog, sign_off_row);
  gtk_widget_class_bind_template_child (widget_class, HeardDecisionDialog, sign_off_check);
  gtk_widget_class_bind_template_child (widget_class, HeardDecisionDialog, wording_group);
  gtk_widget_class_bind_template_child (widget_class, HeardDecisionDialog, comments_group);
  gtk_widget_class_bind_template_child (widget_class, HeardDecisionDialog, comments_view);
  gtk_widget_class_bind_template_child (widget_class, HeardDecisionDialog, signature);
  gtk_widget_class_bind_template_callback (widget_class, choice_toggled_cb);
}

static void
heard_decision_dialog_init (HeardDecisionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  describe_sign_off (self);
  g_signal_connect_object (gtk_text_view_get_buffer (self->comments_view), "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
}

/* Offers the decisions open to @plan: sign off or ask for changes while it
 * awaits review, record a review while it is in use. */
HeardDecisionDialog *
heard_decision_dialog_new (GtkWindow  *parent,
                           HeardCaseFile *case_file,
                           HeardPlan  *plan)
{
  HeardDecisionDialog *self;
  gboolean reviewing;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (HEARD_IS_PLAN (plan), NULL);

  reviewing = heard_plan_get_state (plan) == HEARD_PLAN_STATE_ACTIVE;
  heading = reviewing
            ? g_strdup_printf (_("Record a Review of Version %u"), heard_plan_get_version (plan))
            : g_strdup_printf (_("Review Version %u"), heard_plan_get_version (plan));

  self = g_object_new (HEARD_TYPE_DECISION_DIALOG, "transient-for", parent, "heading", heading,
                       NULL);
  self->plan_id = heard_plan_get_id (plan);
  heard_dialog_keep_drafts (HEARD_DIALOG (self), heard_case_file_get_context (case_file),
                            HEARD_DRAFT_DECISION, heard_case_file_get_person_id (case_file),
                            self->plan_id, 0);
  self->event = reviewing ? HEARD_PLAN_EVENT_REVIEW : HEARD_PLAN_EVENT_SIGN_OFF;
  gtk_widget_set_visible (GTK_WIDGET (self->choice_group), !reviewing);
  if (!reviewing)
    list_flagged_wording (self, plan);
  describe_comments (self);
  /* Start at the decision, or at the comments when there is none to make:
   * never on Cancel, where a stray Space would close the dialog. */
  gtk_widget_grab_focus (reviewing ? GTK_WIDGET (self->comments_view)
                                   : GTK_WIDGET (self->sign_off_check));
  heard_signature_group_load (self->signature, case_file);

  return self;
}

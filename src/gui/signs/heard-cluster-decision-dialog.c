/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-cluster-decision-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-cluster-decision-dialog.h"
#include "heard-date-row.h"
#include "heard-field-error.h"
#include "heard-language-hint.h"
#include "heard-signature-group.h"

/*
 * What was decided when warning signs gathered: a meeting held, a referral
 * made, or no further action and why. The decision is kept with the signs
 * it covers and the prompt clears for them. "No further action" is signed
 * by a supervisor with their passphrase (the plans' signature group), so
 * that one person cannot quietly set the signs aside.
 */

struct _HeardClusterDecisionDialog
{
  HeardDialog          parent_instance;

  HeardCaseFile       *case_file;
  HeardOpenCluster    *cluster;

  GtkLabel            *cluster_label;
  GtkCheckButton      *meeting_check;
  GtkCheckButton      *referral_check;
  GtkCheckButton      *no_action_check;
  AdwPreferencesGroup *why_group;
  GtkTextView         *why_view;
  AdwEntryRow         *decided_by_row;
  HeardDateRow        *decided_on_row;
  HeardSignatureGroup *signature;
};

G_DEFINE_FINAL_TYPE (HeardClusterDecisionDialog, heard_cluster_decision_dialog,
                     HEARD_TYPE_DIALOG)

static char *
dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static HeardClusterOutcome
chosen_outcome (HeardClusterDecisionDialog *self)
{
  if (gtk_check_button_get_active (self->no_action_check))
    return HEARD_CLUSTER_NO_FURTHER_ACTION;
  if (gtk_check_button_get_active (self->referral_check))
    return HEARD_CLUSTER_REFERRAL_MADE;
  return HEARD_CLUSTER_MEETING_HELD;
}

static void
changed_cb (HeardClusterDecisionDialog *self)
{
  heard_dialog_set_changed (HEARD_DIALOG (self));
}

static void
outcome_toggled_cb (HeardClusterDecisionDialog *self)
{
  gboolean no_action = chosen_outcome (self) == HEARD_CLUSTER_NO_FURTHER_ACTION;

  gtk_widget_set_visible (GTK_WIDGET (self->signature), no_action);
  adw_preferences_group_set_description (self->why_group,
                                         no_action
                                         ? _("Needed for no further action: say why, for the "
                                             "supervisor and whoever reads this later.")
                                         : _("Optional: anything whoever reads this later "
                                             "should know."));
  changed_cb (self);
}

static void
recorded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HeardClusterDecisionDialog) self = user_data;
  GError *error = NULL;

  heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error);
  if (chosen_outcome (self) == HEARD_CLUSTER_NO_FURTHER_ACTION)
    heard_signature_group_signed (self->signature, &error);
  heard_dialog_finish_saving (HEARD_DIALOG (self), error);
  g_clear_error (&error);
}

static void
heard_cluster_decision_dialog_save (HeardDialog *dialog)
{
  HeardClusterDecisionDialog *self = HEARD_CLUSTER_DECISION_DIALOG (dialog);
  HeardClusterOutcome outcome = chosen_outcome (self);
  const HeardCluster *cluster = heard_open_cluster_get_cluster (self->cluster);
  g_autoptr(HeardClusterDecision) decision = NULL;
  g_autofree char *why = dup_text (self->why_view);
  g_autofree char *decided_on = NULL;
  g_autoptr(GError) error = NULL;
  const char *passphrase = NULL;
  GDate day;

  if (outcome == HEARD_CLUSTER_NO_FURTHER_ACTION && *g_strstrip (why) == '\0')
    {
      heard_field_error_show (GTK_WIDGET (self->why_view),
                              _("Say why there is to be no further action."));
      heard_dialog_resume_saving (dialog);
      return;
    }
  if (*gtk_editable_get_text (GTK_EDITABLE (self->decided_by_row)) == '\0')
    {
      heard_field_error_show (GTK_WIDGET (self->decided_by_row), _("Say who decided."));
      heard_dialog_resume_saving (dialog);
      return;
    }
  if (!heard_date_row_check (self->decided_on_row))
    {
      heard_dialog_resume_saving (dialog);
      return;
    }

  decision = heard_cluster_decision_new (heard_case_file_get_person_id (self->case_file),
                                         outcome);
  for (guint i = 0; i < cluster->sign_ids->len; i++)
    heard_cluster_decision_add_sign_id (decision, g_array_index (cluster->sign_ids, gint64, i));
  heard_cluster_decision_set_text (decision, HEARD_CLUSTER_DECISION_WHY, why);
  heard_cluster_decision_set_text (decision, HEARD_CLUSTER_DECISION_DECIDED_BY,
                                   gtk_editable_get_text (GTK_EDITABLE (self->decided_by_row)));
  heard_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->decided_on_row)), &day, NULL);
  decided_on = heard_date_to_iso (&day);
  heard_cluster_decision_set_text (decision, HEARD_CLUSTER_DECISION_DECIDED_ON, decided_on);

  if (outcome == HEARD_CLUSTER_NO_FURTHER_ACTION)
    {
      HeardStaff *supervisor = heard_signature_group_check (self->signature, &passphrase,
                                                            &error);

      if (supervisor == NULL)
        {
          heard_dialog_finish_saving (dialog, error);
          return;
        }
      heard_cluster_decision_set_supervisor (decision, heard_staff_get_id (supervisor),
                                             heard_staff_get_name (supervisor));
    }

  if (!heard_cluster_decision_validate (decision, &error))
    {
      heard_dialog_finish_saving (dialog, error);
      return;
    }

  heard_case_file_record_cluster_decision_async (self->case_file, decision, passphrase,
                                                 heard_dialog_get_cancellable (dialog),
                                                 recorded_cb, g_object_ref (self));
}

static void
heard_cluster_decision_dialog_dispose (GObject *object)
{
  HeardClusterDecisionDialog *self = HEARD_CLUSTER_DECISION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_CLUSTER_DECISION_DIALOG);
  g_clear_object (&self->cluster);
  g_clear_object (&self->case_file);

  G_OBJECT_CLASS (heard_cluster_decision_dialog_parent_class)->dispose (object);
}

static void
heard_cluster_decision_dialog_class_init (HeardClusterDecisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeardDialogClass *dialog_class = HEARD_DIALOG_CLASS (klass);

  object_class->dispose = heard_cluster_decision_dialog_dispose;
  dialog_class->save = heard_cluster_decision_dialog_save;

  g_type_ensure (HEARD_TYPE_DATE_ROW);
  g_type_ensure (HEARD_TYPE_LANGUAGE_HINT);
  g_type_ensure (HEARD_TYPE_SIGNATURE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-cluster-decision-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardClusterDecisionDialog, cluster_label);
  gtk_widget_class_bind_template_child (widget_class, HeardClusterDecisionDialog, meeting_check);
  gtk_widget_class_bind_template_child (widget_class, HeardClusterDecisionDialog, referral_check);
  gtk_widget_class_bind_template_child (widget_class, HeardClusterDecisionDialog,
                                        no_action_check);
  gtk_widget_class_bind_template_child (widget_class, HeardClusterDecisionDialog, why_group);
  gtk_widget_class_bind_template_child (widget_class, HeardClusterDecisionDialog, why_view);
  gtk_widget_class_bind_template_child (widget_class, HeardClusterDecisionDialog,
                                        decided_by_row);
  gtk_widget_class_bind_template_child (widget_class, HeardClusterDecisionDialog,
                                        decided_on_row);
  gtk_widget_class_bind_template_child (widget_class, HeardClusterDecisionDialog, signature);
}

static void
heard_cluster_decision_dialog_init (HeardClusterDecisionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_accessibility_name_entry_rows (GTK_WIDGET (self));
  outcome_toggled_cb (self);

  g_signal_connect_object (self->meeting_check, "toggled", G_CALLBACK (outcome_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->referral_check, "toggled", G_CALLBACK (outcome_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->no_action_check, "toggled", G_CALLBACK (outcome_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->why_view), "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->decided_by_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->decided_on_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
}

HeardClusterDecisionDialog *
heard_cluster_decision_dialog_new (GtkWindow        *parent,
                                   HeardCaseFile    *case_file,
                                   HeardOpenCluster *cluster)
{
  HeardClusterDecisionDialog *self;
  const HeardCluster *signs;
  g_autofree char *today = NULL;
  GDate day;

  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);
  g_return_val_if_fail (HEARD_IS_OPEN_CLUSTER (cluster), NULL);

  self = g_object_new (HEARD_TYPE_CLUSTER_DECISION_DIALOG, "transient-for", parent, NULL);
  self->case_file = g_object_ref (case_file);
  self->cluster = g_object_ref (cluster);
  signs = heard_open_cluster_get_cluster (cluster);

  gtk_label_set_text (self->cluster_label, heard_open_cluster_get_description (cluster));
  heard_date_today (&day);
  today = heard_date_to_iso (&day);
  heard_date_row_set_stored (self->decided_on_row, today);
  heard_dialog_keep_drafts (HEARD_DIALOG (self), heard_case_file_get_context (case_file),
                            HEARD_DRAFT_CLUSTER_DECISION, heard_case_file_get_person_id (case_file),
                            g_array_index (signs->sign_ids, gint64, 0), 0);
  heard_signature_group_load (self->signature, case_file);
  gtk_widget_grab_focus (GTK_WIDGET (self->meeting_check));

  return self;
}

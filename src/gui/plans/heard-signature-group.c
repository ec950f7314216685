/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-signature-group"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-choice-row.h"
#include "heard-accessibility.h"
#include "heard-field-error.h"
#include "heard-signature-group.h"
#include "heard-case-file.h"
#include "heard-staff.h"
#include "heard-widgets.h"

/*
 * Where a supervisor signs a decision: they choose their name from those
 * set up in Preferences and type their own passphrase. The names are the
 * context's live list of supervisors. The passphrase is checked by the
 * store, off the main thread, never here.
 */

struct _HeardSignatureGroup
{
  AdwPreferencesGroup  parent_instance;

  HeardCaseFile       *case_file;
  GListModel          *supervisors;

  AdwComboRow         *supervisor_row;
  GtkEditable         *passphrase_row;
};

G_DEFINE_FINAL_TYPE (HeardSignatureGroup, heard_signature_group, ADW_TYPE_PREFERENCES_GROUP)

/* Supervisors set up, or retired, in Preferences show here at once. */
static void
supervisors_changed_cb (HeardSignatureGroup *self)
{
  gboolean any = g_list_model_get_n_items (self->supervisors) > 0;

  /* Preferences cannot be opened over this dialog, so it says how to get there. */
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
    any ? _("The supervisor chooses their name and types their own passphrase. Their "
            "decision is kept with their name and the time, for everyone to read.")
        /* TRANSLATORS: "Cancel" is this dialog's button, "Preferences" the item in
         * the main window's main menu */
        : _("No supervisor is set up yet. To add one, close this with Cancel, open "
            "Preferences from the main menu, then come back here. Nothing has "
            "been changed."));
  gtk_widget_set_sensitive (GTK_WIDGET (self->supervisor_row), any);
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_row), any);
}

static void
decided_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardSignatureGroup *self = g_task_get_source_object (task);
  GError *error = NULL;

  heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error);
  heard_signature_group_signed (self, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
heard_signature_group_dispose (GObject *object)
{
  HeardSignatureGroup *self = HEARD_SIGNATURE_GROUP (object);

  if (self->passphrase_row != NULL)
    gtk_editable_set_text (self->passphrase_row, "");
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_SIGNATURE_GROUP);
  g_clear_object (&self->supervisors);
  g_clear_object (&self->case_file);

  G_OBJECT_CLASS (heard_signature_group_parent_class)->dispose (object);
}

static void
heard_signature_group_class_init (HeardSignatureGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_signature_group_dispose;

  g_type_ensure (HEARD_TYPE_CHOICE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-signature-group.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardSignatureGroup, supervisor_row);
  gtk_widget_class_bind_template_child (widget_class, HeardSignatureGroup, passphrase_row);
}

static void
heard_signature_group_init (HeardSignatureGroup *self)
{
  g_autoptr(GtkExpression) name = gtk_property_expression_new (HEARD_TYPE_STAFF, NULL, "name");

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_expression (self->supervisor_row, name);
  gtk_widget_set_sensitive (GTK_WIDGET (self->supervisor_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_row), FALSE);
  heard_accessibility_name_entry_rows (GTK_WIDGET (self));
}

/* Offers the supervisors set up, to sign decisions on @case_file (or, with
 * NULL, a change that is not one young person's, signed through
 * heard_signature_group_check()). Call it once the group is in its dialog,
 * over a window of the application. */
void
heard_signature_group_load (HeardSignatureGroup *self,
                            HeardCaseFile       *case_file)
{
  HeardContext *context;

  g_return_if_fail (HEARD_IS_SIGNATURE_GROUP (self));
  g_return_if_fail (case_file == NULL || HEARD_IS_CASE_FILE (case_file));
  g_return_if_fail (self->supervisors == NULL);

  context = heard_widget_get_context (GTK_WIDGET (self));
  g_return_if_fail (context != NULL);

  g_set_object (&self->case_file, case_file);
  self->supervisors = heard_supervisors_new (context);
  adw_combo_row_set_model (self->supervisor_row, self->supervisors);
  g_signal_connect_object (self->supervisors, "items-changed",
                           G_CALLBACK (supervisors_changed_cb), self, G_CONNECT_SWAPPED);
  supervisors_changed_cb (self);
}

/* Makes @decision on the plan @plan_id as the chosen supervisor, signed
 * with the passphrase typed. Whatever is wrong is said before anything is
 * changed; after a wrong passphrase the field is emptied for another try. */
void
heard_signature_group_sign_async (HeardSignatureGroup *self,
                                  gint64               plan_id,
                                  HeardPlanDecision   *decision,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *passphrase;
  HeardStaff *chosen;
  GError *error = NULL;

  g_return_if_fail (HEARD_IS_SIGNATURE_GROUP (self));
  g_return_if_fail (decision != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_signature_group_sign_async);

  g_return_if_fail (self->case_file != NULL);

  chosen = heard_signature_group_check (self, &passphrase, &error);
  if (chosen == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  decision->reviewer_id = heard_staff_get_id (chosen);
  if (!heard_plan_decision_validate (decision, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  heard_case_file_decide_plan_async (self->case_file, plan_id, decision, passphrase, cancellable,
                                     decided_cb, g_steal_pointer (&task));
}

gboolean
heard_signature_group_sign_finish (HeardSignatureGroup  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The supervisor chosen and the passphrase typed (both the group's), or
 * NULL with @error set: none set up, or no passphrase (said beside it). */
HeardStaff *
heard_signature_group_check (HeardSignatureGroup  *self,
                             const char          **passphrase,
                             GError              **error)
{
  HeardStaff *chosen;

  g_return_val_if_fail (HEARD_IS_SIGNATURE_GROUP (self), NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  chosen = adw_combo_row_get_selected_item (self->supervisor_row);
  if (chosen == NULL)
    {
      g_set_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_NOT_A_SUPERVISOR, "%s",
                   /* TRANSLATORS: "Cancel" is this dialog's button,
                    * "Preferences" the item in the main window's main menu */
                   _("Only a supervisor can sign this, and none is set up yet. "
                     "To add one, close this with Cancel and open Preferences "
                     "from the main menu. Nothing was changed."));
      return NULL;
    }

  *passphrase = gtk_editable_get_text (self->passphrase_row);
  if (**passphrase == '\0')
    {
      heard_field_error_set (error, GTK_WIDGET (self->passphrase_row), _("Type the passphrase."));
      return NULL;
    }

  return chosen;
}

/* After the signed write (*@error set if it failed): the passphrase goes
 * from its field once used, and a wrong one is said beside the emptied
 * field (*@error becomes that), ready for another try. */
void
heard_signature_group_signed (HeardSignatureGroup  *self,
                              GError              **error)
{
  g_return_if_fail (HEARD_IS_SIGNATURE_GROUP (self));
  g_return_if_fail (error != NULL);

  if (*error == NULL)
    gtk_editable_set_text (self->passphrase_row, "");
  else if (g_error_matches (*error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_WRONG_PASSPHRASE))
    {
      GError *shown = NULL;

      gtk_editable_set_text (self->passphrase_row, "");
      heard_field_error_set (&shown, GTK_WIDGET (self->passphrase_row), (*error)->message);
      g_clear_error (error);
      *error = shown;
    }
}

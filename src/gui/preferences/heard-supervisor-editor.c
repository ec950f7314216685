/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-supervisor-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-plan-rules.h"
#include "heard-supervisor-editor.h"

/*
 * Sets up a supervisor, or changes one's name or passphrase. The passphrase
 * is typed twice and only ever kept as an Argon2id hash, made off the main
 * thread by the store. Saved through the context, whose staff list then
 * shows the supervisor wherever staff are shown.
 */

struct _HeardSupervisorEditor
{
  HeardDialog          parent_instance;

  HeardContext        *context;
  HeardStaff          *draft;

  AdwEntryRow         *name_row;
  AdwPreferencesGroup *passphrase_group;
  GtkEditable         *passphrase_row;
  GtkEditable         *repeat_row;
};

G_DEFINE_FINAL_TYPE (HeardSupervisorEditor, heard_supervisor_editor, HEARD_TYPE_DIALOG)

static void
changed_cb (HeardSupervisorEditor *self)
{
  heard_dialog_set_changed (HEARD_DIALOG (self));
}

static void
staff_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HeardSupervisorEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  heard_context_save_staff_finish (HEARD_CONTEXT (object), result, &error);
  heard_dialog_finish_saving (HEARD_DIALOG (self), error);
}

static void
heard_supervisor_editor_save (HeardDialog *dialog)
{
  HeardSupervisorEditor *self = HEARD_SUPERVISOR_EDITOR (dialog);
  const char *passphrase = gtk_editable_get_text (self->passphrase_row);
  gboolean keep = *passphrase == '\0' && heard_staff_get_id (self->draft) != 0;
  g_autoptr(GError) error = NULL;

  if (!heard_staff_validate (self->draft, &error) ||
      (!keep && !heard_staff_passphrase_is_usable (passphrase, &error)))
    {
      heard_dialog_finish_saving (dialog, error);
      return;
    }

  if (g_strcmp0 (passphrase, gtk_editable_get_text (self->repeat_row)) != 0)
    {
      error = g_error_new_literal (HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_INCOMPLETE,
                                   _("The two passphrases are not the same. Type them again."));
      heard_dialog_finish_saving (dialog, error);
      return;
    }

  heard_context_save_staff_async (self->context, self->draft, keep ? NULL : passphrase,
                                  heard_dialog_get_cancellable (dialog), staff_saved_cb,
                                  g_object_ref (self));
}

static void
heard_supervisor_editor_dispose (GObject *object)
{
  HeardSupervisorEditor *self = HEARD_SUPERVISOR_EDITOR (object);

  /* Leave no passphrase behind in the fields. */
  if (self->passphrase_row != NULL)
    {
      gtk_editable_set_text (self->passphrase_row, "");
      gtk_editable_set_text (self->repeat_row, "");
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_SUPERVISOR_EDITOR);
  g_clear_object (&self->draft);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (heard_supervisor_editor_parent_class)->dispose (object);
}

static void
heard_supervisor_editor_class_init (HeardSupervisorEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeardDialogClass *dialog_class = HEARD_DIALOG_CLASS (klass);

  object_class->dispose = heard_supervisor_editor_dispose;
  dialog_class->save = heard_supervisor_editor_save;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/heard-supervisor-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardSupervisorEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, HeardSupervisorEditor, passphrase_group);
  gtk_widget_class_bind_template_child (widget_class, HeardSupervisorEditor, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, HeardSupervisorEditor, repeat_row);
}

static void
heard_supervisor_editor_init (HeardSupervisorEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_accessibility_name_entry_rows (GTK_WIDGET (self));
  g_signal_connect_object (self->passphrase_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Edits @supervisor, or sets up a new one when it is NULL. */
HeardSupervisorEditor *
heard_supervisor_editor_new (GtkWindow    *parent,
                             HeardContext *context,
                             HeardStaff   *supervisor)
{
  HeardSupervisorEditor *self;
  g_autofree char *description = NULL;

  g_return_val_if_fail (HEARD_IS_CONTEXT (context), NULL);

  self = g_object_new (HEARD_TYPE_SUPERVISOR_EDITOR, "transient-for", parent,
                       "heading", supervisor != NULL ? _("Supervisor")
                                                     : _("Add a Supervisor"),
                       NULL);
  self->context = g_object_ref (context);
  self->draft = supervisor != NULL ? heard_staff_copy (supervisor)
                                   : heard_staff_new (HEARD_STAFF_SUPERVISOR);

  description = g_strdup_printf (supervisor != NULL
                                 ? _("Leave these empty to keep the passphrase as it is. A new "
                                     "one needs at least %d characters; only the supervisor "
                                     "should know it.")
                                 : _("At least %d characters. Only the supervisor should know "
                                     "it: they type it each time they sign a decision."),
                                 HEARD_STAFF_MIN_PASSPHRASE_CHARS);
  adw_preferences_group_set_description (self->passphrase_group, description);

  g_object_bind_property (self->draft, "name", self->name_row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->draft, "notify", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}

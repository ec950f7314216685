/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-audit-problem-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-audit-problem-dialog.h"
#include "heard-recovery-code-entry.h"
#include "heard-recovery-code.h"

/*
 * Where someone with the recovery code reviews a problem the check of the
 * audit trail found: it repeats what was found, says what acknowledging
 * does (the trail is noted as it stands and saving resumes; the problem is
 * written down, nothing is erased) and takes the code. A code that is not
 * the right one is refused beside the field, with what was typed kept.
 */

struct _HeardAuditProblemDialog
{
  HeardDialog   parent_instance;

  HeardContext *context;

  GtkLabel     *problem_label;
  GtkEntry     *code_entry;
  GtkLabel     *code_error_label;
};

G_DEFINE_FINAL_TYPE (HeardAuditProblemDialog, heard_audit_problem_dialog, HEARD_TYPE_DIALOG)

static void
show_code_error (HeardAuditProblemDialog *self,
                 const char              *message)
{
  gtk_label_set_text (self->code_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->code_error_label), message != NULL);
  if (message != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (self->code_entry),
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                    self->code_error_label, NULL, -1);
  else
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->code_entry),
                                   GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
}

/* A code that was mistyped, or belongs to other records. */
static gboolean
is_wrong_code (const GError *error)
{
  return error->domain == HEARD_RECOVERY_CODE_ERROR ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
}

static void
problem_changed_cb (HeardAuditProblemDialog *self)
{
  const char *problem = heard_context_get_audit_problem (self->context);

  /* Once acknowledged the problem is gone; the dialog closes with the
   * words it was opened on still in view. */
  if (problem != NULL)
    gtk_label_set_text (self->problem_label, problem);
}

static void
acknowledged_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HeardAuditProblemDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (heard_context_acknowledge_audit_problem_finish (HEARD_CONTEXT (object), result, &error))
    {
      /* The code has done its job: nothing of it stays behind. */
      gtk_editable_set_text (GTK_EDITABLE (self->code_entry), "");
      heard_dialog_finish_saving (HEARD_DIALOG (self), NULL);
      return;
    }

  if (!is_wrong_code (error))
    {
      heard_dialog_finish_saving (HEARD_DIALOG (self), error);
      return;
    }

  /* Said beside the field, which keeps what was typed to be put right. */
  show_code_error (self, error->message);
  heard_dialog_resume_saving (HEARD_DIALOG (self));
  gtk_entry_grab_focus_without_selecting (self->code_entry);
}

static void
heard_audit_problem_dialog_save (HeardDialog *dialog)
{
  HeardAuditProblemDialog *self = HEARD_AUDIT_PROBLEM_DIALOG (dialog);
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->code_entry));

  show_code_error (self, NULL);
  heard_context_acknowledge_audit_problem_async (self->context, code,
                                                 heard_dialog_get_cancellable (dialog),
                                                 acknowledged_cb, g_object_ref (self));
}

static void
heard_audit_problem_dialog_dispose (GObject *object)
{
  HeardAuditProblemDialog *self = HEARD_AUDIT_PROBLEM_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_AUDIT_PROBLEM_DIALOG);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (heard_audit_problem_dialog_parent_class)->dispose (object);
}

static void
heard_audit_problem_dialog_class_init (HeardAuditProblemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeardDialogClass *dialog_class = HEARD_DIALOG_CLASS (klass);

  object_class->dispose = heard_audit_problem_dialog_dispose;
  dialog_class->save = heard_audit_problem_dialog_save;

  g_type_ensure (HEARD_TYPE_RECOVERY_CODE_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/heard-audit-problem-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardAuditProblemDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, HeardAuditProblemDialog, code_entry);
  gtk_widget_class_bind_template_child (widget_class, HeardAuditProblemDialog,
                                        code_error_label);
}

static void
heard_audit_problem_dialog_init (HeardAuditProblemDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HeardAuditProblemDialog *
heard_audit_problem_dialog_new (GtkWindow    *parent,
                                HeardContext *context)
{
  HeardAuditProblemDialog *self;

  g_return_val_if_fail (HEARD_IS_CONTEXT (context), NULL);

  self = g_object_new (HEARD_TYPE_AUDIT_PROBLEM_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  g_signal_connect_object (context, "notify::audit-problem", G_CALLBACK (problem_changed_cb),
                           self, G_CONNECT_SWAPPED);
  problem_changed_cb (self);
  /* Whoever has the code can start typing it straight away. */
  gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));

  return self;
}

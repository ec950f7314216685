/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-cluster-numbers-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-cluster-numbers-dialog.h"
#include "heard-signature-group.h"

/*
 * The three numbers of the cluster prompt (at least N signs, from at least
 * N agencies, within N days), changed only with a supervisor's passphrase,
 * so that one person cannot quietly silence the prompt. The core checks the
 * passphrase off the main thread and audits the change; a wrong one is
 * refused beside its field, with nothing changed.
 */

struct _HeardClusterNumbersDialog
{
  HeardDialog          parent_instance;

  HeardContext        *context;

  GtkSpinButton       *signs_spin;
  GtkSpinButton       *agencies_spin;
  GtkSpinButton       *days_spin;
  HeardSignatureGroup *signature;
};

G_DEFINE_FINAL_TYPE (HeardClusterNumbersDialog, heard_cluster_numbers_dialog, HEARD_TYPE_DIALOG)

static void
changed_cb (HeardClusterNumbersDialog *self)
{
  heard_dialog_set_changed (HEARD_DIALOG (self));
}

static void
set_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(HeardClusterNumbersDialog) self = user_data;
  GError *error = NULL;

  heard_context_set_cluster_numbers_finish (HEARD_CONTEXT (object), result, &error);
  heard_signature_group_signed (self->signature, &error);
  heard_dialog_finish_saving (HEARD_DIALOG (self), error);
  g_clear_error (&error);
}

static void
heard_cluster_numbers_dialog_save (HeardDialog *dialog)
{
  HeardClusterNumbersDialog *self = HEARD_CLUSTER_NUMBERS_DIALOG (dialog);
  HeardClusterNumbers numbers = {
    .min_signs = gtk_spin_button_get_value_as_int (self->signs_spin),
    .min_agencies = gtk_spin_button_get_value_as_int (self->agencies_spin),
    .max_span_days = gtk_spin_button_get_value_as_int (self->days_spin),
  };
  g_autoptr(GError) error = NULL;
  const char *passphrase = NULL;
  HeardStaff *supervisor = NULL;

  if (!heard_cluster_numbers_validate (&numbers, &error) ||
      (supervisor = heard_signature_group_check (self->signature, &passphrase, &error)) == NULL)
    {
      heard_dialog_finish_saving (dialog, error);
      return;
    }

  heard_context_set_cluster_numbers_async (self->context, &numbers,
                                           heard_staff_get_id (supervisor), passphrase,
                                           heard_dialog_get_cancellable (dialog), set_cb,
                                           g_object_ref (self));
}

static void
heard_cluster_numbers_dialog_dispose (GObject *object)
{
  HeardClusterNumbersDialog *self = HEARD_CLUSTER_NUMBERS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_CLUSTER_NUMBERS_DIALOG);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (heard_cluster_numbers_dialog_parent_class)->dispose (object);
}

static void
heard_cluster_numbers_dialog_class_init (HeardClusterNumbersDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeardDialogClass *dialog_class = HEARD_DIALOG_CLASS (klass);

  object_class->dispose = heard_cluster_numbers_dialog_dispose;
  dialog_class->save = heard_cluster_numbers_dialog_save;

  g_type_ensure (HEARD_TYPE_SIGNATURE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-cluster-numbers-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardClusterNumbersDialog, signs_spin);
  gtk_widget_class_bind_template_child (widget_class, HeardClusterNumbersDialog, agencies_spin);
  gtk_widget_class_bind_template_child (widget_class, HeardClusterNumbersDialog, days_spin);
  gtk_widget_class_bind_template_child (widget_class, HeardClusterNumbersDialog, signature);
}

static void
heard_cluster_numbers_dialog_init (HeardClusterNumbersDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Shows @numbers, as they are now, ready to be changed. */
HeardClusterNumbersDialog *
heard_cluster_numbers_dialog_new (GtkWindow                 *parent,
                                  HeardContext              *context,
                                  const HeardClusterNumbers *numbers)
{
  HeardClusterNumbersDialog *self;
  GtkSpinButton *spins[3];

  g_return_val_if_fail (HEARD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (numbers != NULL, NULL);

  self = g_object_new (HEARD_TYPE_CLUSTER_NUMBERS_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  gtk_spin_button_set_value (self->signs_spin, numbers->min_signs);
  gtk_spin_button_set_value (self->agencies_spin, numbers->min_agencies);
  gtk_spin_button_set_value (self->days_spin, numbers->max_span_days);
  spins[0] = self->signs_spin;
  spins[1] = self->agencies_spin;
  spins[2] = self->days_spin;
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    g_signal_connect_object (spins[i], "value-changed", G_CALLBACK (changed_cb), self,
                             G_CONNECT_SWAPPED);
  heard_signature_group_load (self->signature, NULL);
  return self;
}

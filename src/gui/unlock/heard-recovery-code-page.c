/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-recovery-code-page"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-recovery-code-page.h"
#include "heard-recovery-code.h"
#include "heard-secure.h"

/*
 * Shows the recovery code once, after set-up, and does not let Heard be used
 * until someone says they have kept it: without it, a lost keyring would
 * mean lost records.
 */

/* The dash after the seventh group, where the code breaks onto a second line. */
#define LINE_BREAK_AT (HEARD_RECOVERY_CODE_GROUPS / 2 * (HEARD_RECOVERY_CODE_GROUP_SIZE + 1) - 1)

struct _HeardRecoveryCodePage
{
  AdwBin          parent_instance;

  HeardContext   *context;
  GCancellable   *cancellable;

  GtkLabel       *code_label;
  GtkCheckButton *kept_check;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (HeardRecoveryCodePage, heard_recovery_code_page, ADW_TYPE_BIN)

static void
update (HeardRecoveryCodePage *self)
{
  gboolean showing = heard_context_get_lock_state (self->context) ==
                     HEARD_LOCK_STATE_SHOW_RECOVERY_CODE;
  g_autoptr(HeardSecretString) code = showing ? heard_context_dup_recovery_code (self->context)
                                              : NULL;
  g_autoptr(HeardSecretString) shown = NULL;

  if (code != NULL)
    {
      /* Two lines of seven groups read back more easily than one long line. */
      shown = g_strdup (code);
      shown[LINE_BREAK_AT] = '\n';
    }

  gtk_label_set_text (self->code_label, shown != NULL ? shown : "");
  /* Focus the promise, not the code, so the code is not shown selected. */
  if (showing)
    gtk_widget_grab_focus (GTK_WIDGET (self->kept_check));
  else
    gtk_check_button_set_active (self->kept_check, FALSE);
}

static void
kept_toggled_cb (HeardRecoveryCodePage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recovery.confirm",
                                 gtk_check_button_get_active (self->kept_check));
}

static void
confirmed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HeardRecoveryCodePage) self = user_data;
  g_autoptr(GError) error = NULL;

  heard_context_unlock_finish (HEARD_CONTEXT (object), result, &error);
  gtk_label_set_text (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HeardRecoveryCodePage *self = HEARD_RECOVERY_CODE_PAGE (widget);

  heard_context_confirm_recovery_code_kept_async (self->context, self->cancellable,
                                                  confirmed_cb, g_object_ref (self));
}

static void
heard_recovery_code_page_dispose (GObject *object)
{
  HeardRecoveryCodePage *self = HEARD_RECOVERY_CODE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_RECOVERY_CODE_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (heard_recovery_code_page_parent_class)->dispose (object);
}

static void
heard_recovery_code_page_class_init (HeardRecoveryCodePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_recovery_code_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/heard-recovery-code-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardRecoveryCodePage, code_label);
  gtk_widget_class_bind_template_child (widget_class, HeardRecoveryCodePage, kept_check);
  gtk_widget_class_bind_template_child (widget_class, HeardRecoveryCodePage, error_label);

  gtk_widget_class_install_action (widget_class, "recovery.confirm", NULL, confirm_action);
}

static void
heard_recovery_code_page_init (HeardRecoveryCodePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_accessibility_name_mnemonics (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  g_signal_connect_object (self->kept_check, "toggled", G_CALLBACK (kept_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  kept_toggled_cb (self);
}

void
heard_recovery_code_page_set_context (HeardRecoveryCodePage *self,
                                      HeardContext          *context)
{
  g_return_if_fail (HEARD_IS_RECOVERY_CODE_PAGE (self));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (context, "notify::lock-state", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  update (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-recovery-code-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-clipboard.h"
#include "heard-recovery-code-page-private.h"
#include "heard-recovery-code.h"
#include "heard-secure.h"

/*
 * Shows the recovery code once, after set-up, and does not let Heard be used
 * until someone says they have kept it: without it, a lost keyring would
 * mean lost records. It can be printed (the code large, what it is and where
 * to keep it, and nothing about anyone) or copied as a secret.
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

/* Two lines of seven groups read back more easily than one long line. */
static HeardSecretString *
dup_code_in_lines (const char *code)
{
  HeardSecretString *shown = g_strdup (code);

  if (strlen (shown) > LINE_BREAK_AT)
    shown[LINE_BREAK_AT] = '\n';

  return shown;
}

static PangoLayout *
sheet_layout_new (PangoContext *context,
                  double        width,
                  const char   *text,
                  const char   *font)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

GPtrArray *
_heard_recovery_code_sheet_layouts (PangoContext *context,
                                    double        width,
                                    const char   *code)
{
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HeardSecretString) lines = dup_code_in_lines (code);
  PangoLayout *code_layout;

  g_ptr_array_add (layouts, sheet_layout_new (context, width, _("Heard Recovery Code"),
                                              "Sans Bold 20"));
  g_ptr_array_add (layouts,
                   sheet_layout_new (context, width,
                                     _("Heard keeps its records encrypted, with the key in "
                                       "the computer's keyring. If the keyring is ever lost "
                                       "or reset, this code is the only way to open the "
                                       "records again."), "Sans 12"));
  code_layout = sheet_layout_new (context, width, lines, "Monospace Bold 24");
  pango_layout_set_alignment (code_layout, PANGO_ALIGN_CENTER);
  g_ptr_array_add (layouts, code_layout);
  g_ptr_array_add (layouts,
                   sheet_layout_new (context, width,
                                     _("Keep this sheet where your organisation keeps its "
                                       "keys, locked away and not beside the computer. Anyone "
                                       "who has the code and the records can read them. Do "
                                       "not write anyone's name on it."), "Sans 12"));

  return layouts;
}

void
_heard_recovery_code_sheet_draw (cairo_t      *cr,
                                 PangoContext *context,
                                 double        width,
                                 const char   *code)
{
  g_autoptr(GPtrArray) layouts = _heard_recovery_code_sheet_layouts (context, width, code);
  double y = 0;

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < layouts->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (layouts, i);
      int height;

      cairo_move_to (cr, 0, y);
      pango_cairo_show_layout (cr, layout);
      pango_layout_get_size (layout, NULL, &height);
      /* The code stands apart from the words around it. */
      y += pango_units_to_double (height) + (i == 1 || i == 2 ? 36 : 18);
    }
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              const char        *code)
{
  PangoContext *pango = gtk_print_context_create_pango_context (context);

  _heard_recovery_code_sheet_draw (gtk_print_context_get_cairo_context (context), pango,
                                   gtk_print_context_get_width (context), code);
  g_object_unref (pango);
}

static void
free_code (gpointer  code,
           GClosure *closure)
{
  heard_secure_free_string (code);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               HeardRecoveryCodePage   *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HeardRecoveryCodePage *self = HEARD_RECOVERY_CODE_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  HeardSecretString *code = heard_context_dup_recovery_code (self->context);

  if (code == NULL)
    return;

  gtk_print_operation_set_job_name (operation, _("Heard recovery code"));
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb), code,
                         free_code, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (widget)), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeardRecoveryCodePage *self = HEARD_RECOVERY_CODE_PAGE (widget);
  g_autoptr(HeardSecretString) code = heard_context_dup_recovery_code (self->context);

  if (code != NULL)
    heard_clipboard_copy_secret (widget, code);
}

static void
update (HeardRecoveryCodePage *self)
{
  gboolean showing = heard_context_get_lock_state (self->context) ==
                     HEARD_LOCK_STATE_SHOW_RECOVERY_CODE;
  g_autoptr(HeardSecretString) code = showing ? heard_context_dup_recovery_code (self->context)
                                              : NULL;
  g_autoptr(HeardSecretString) shown = NULL;

  if (code != NULL)
    shown = dup_code_in_lines (code);

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
  gtk_widget_class_install_action (widget_class, "recovery.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "recovery.copy", NULL, copy_action);
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

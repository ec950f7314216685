/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-dialog.h"
#include "heard-field-error.h"
#include "heard-widgets.h"

typedef struct
{
  GCancellable   *cancellable;
  gboolean        changed;
  gboolean        saved;

  GtkBox         *content;
  AdwWindowTitle *title;
  GtkWidget      *save_button;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  GtkWidget      *body;
} HeardDialogPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (HeardDialog, heard_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_HEADING,
  PROP_SAVE_LABEL,
  PROP_BODY,
  PROP_DESTRUCTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_body (HeardDialog *self,
          GtkWidget   *body)
{
  HeardDialogPrivate *priv = heard_dialog_get_instance_private (self);

  if (priv->body == body)
    return;

  if (priv->body != NULL)
    gtk_box_remove (priv->content, priv->body);
  priv->body = body;
  if (body != NULL)
    {
      gtk_widget_set_vexpand (body, TRUE);
      gtk_box_append (priv->content, body);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

/* What saving does that cannot be taken back (closing a plan) is styled as
 * such in the dialog just as on the button that opened it. */
static void
set_destructive (HeardDialog *self,
                 gboolean     destructive)
{
  HeardDialogPrivate *priv = heard_dialog_get_instance_private (self);

  destructive = !!destructive;
  if (gtk_widget_has_css_class (priv->save_button, "destructive-action") == destructive)
    return;

  if (destructive)
    {
      gtk_widget_remove_css_class (priv->save_button, "suggested-action");
      gtk_widget_add_css_class (priv->save_button, "destructive-action");
    }
  else
    {
      gtk_widget_remove_css_class (priv->save_button, "destructive-action");
      gtk_widget_add_css_class (priv->save_button, "suggested-action");
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESTRUCTIVE]);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeardDialog *self = HEARD_DIALOG (widget);

  heard_dialog_show_error (self, NULL);
  gtk_widget_action_set_enabled (widget, "dialog.save", FALSE);
  HEARD_DIALOG_GET_CLASS (self)->save (self);
}

static void
discarded_cb (GtkWindow *window)
{
  HeardDialogPrivate *priv = heard_dialog_get_instance_private (HEARD_DIALOG (window));

  priv->changed = FALSE;
}

static gboolean
heard_dialog_close_request (GtkWindow *window)
{
  HeardDialog *self = HEARD_DIALOG (window);
  HeardDialogPrivate *priv = heard_dialog_get_instance_private (self);

  if (!priv->changed || priv->saved)
    return GTK_WINDOW_CLASS (heard_dialog_parent_class)->close_request (window);

  /* Nothing typed is thrown away without asking. */
  heard_ask_to_discard (window, discarded_cb);

  return TRUE;
}

static void
heard_dialog_dispose (GObject *object)
{
  HeardDialogPrivate *priv = heard_dialog_get_instance_private (HEARD_DIALOG (object));

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);

  G_OBJECT_CLASS (heard_dialog_parent_class)->dispose (object);
}

static void
heard_dialog_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HeardDialogPrivate *priv = heard_dialog_get_instance_private (HEARD_DIALOG (object));

  switch (prop_id)
    {
    case PROP_HEADING:
      g_value_set_string (value, adw_window_title_get_title (priv->title));
      break;

    case PROP_SAVE_LABEL:
      g_value_set_string (value, gtk_button_get_label (GTK_BUTTON (priv->save_button)));
      break;

    case PROP_BODY:
      g_value_set_object (value, priv->body);
      break;

    case PROP_DESTRUCTIVE:
      g_value_set_boolean (value, gtk_widget_has_css_class (priv->save_button,
                                                            "destructive-action"));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_dialog_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HeardDialog *self = HEARD_DIALOG (object);
  HeardDialogPrivate *priv = heard_dialog_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_HEADING:
      adw_window_title_set_title (priv->title, g_value_get_string (value));
      gtk_window_set_title (GTK_WINDOW (self), g_value_get_string (value));
      break;

    case PROP_SAVE_LABEL:
      gtk_button_set_label (GTK_BUTTON (priv->save_button), g_value_get_string (value));
      break;

    case PROP_BODY:
      set_body (self, g_value_get_object (value));
      break;

    case PROP_DESTRUCTIVE:
      set_destructive (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_dialog_class_init (HeardDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = heard_dialog_dispose;
  object_class->get_property = heard_dialog_get_property;
  object_class->set_property = heard_dialog_set_property;
  window_class->close_request = heard_dialog_close_request;

  properties[PROP_HEADING] = g_param_spec_string ("heading", NULL, NULL, NULL, flags);
  properties[PROP_SAVE_LABEL] = g_param_spec_string ("save-label", NULL, NULL, NULL, flags);
  properties[PROP_BODY] = g_param_spec_object ("body", NULL, NULL, GTK_TYPE_WIDGET, flags);
  /* Whether saving cannot be undone, so its button is styled destructive. */
  properties[PROP_DESTRUCTIVE] = g_param_spec_boolean ("destructive", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "dialog.save", NULL);
}

static void
heard_dialog_init (HeardDialog *self)
{
  HeardDialogPrivate *priv = heard_dialog_get_instance_private (self);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  /* Read out at once by screen readers when it appears. */
  GtkWidget *error_label = g_object_new (GTK_TYPE_LABEL,
                                         "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT, NULL);

  priv->cancellable = g_cancellable_new ();
  heard_window_let_go_of_gone_parent (GTK_WINDOW (self));
  priv->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  priv->title = ADW_WINDOW_TITLE (adw_window_title_new (NULL, NULL));
  priv->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  priv->error_revealer = GTK_REVEALER (gtk_revealer_new ());
  priv->error_label = GTK_LABEL (error_label);

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (priv->title));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (priv->save_button), "dialog.save");
  gtk_button_set_use_underline (GTK_BUTTON (priv->save_button), TRUE);
  gtk_widget_add_css_class (priv->save_button, "suggested-action");
  heard_accessibility_name_mnemonics (cancel);
  heard_accessibility_name_mnemonics (priv->save_button);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), priv->save_button);

  gtk_label_set_wrap (priv->error_label, TRUE);
  gtk_label_set_xalign (priv->error_label, 0);
  gtk_widget_add_css_class (error_label, "error-banner");
  gtk_revealer_set_child (priv->error_revealer, error_label);

  gtk_box_append (priv->content, header);
  gtk_box_append (priv->content, GTK_WIDGET (priv->error_revealer));
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (priv->content));

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 720);
  gtk_window_set_default_widget (GTK_WINDOW (self), priv->save_button);
}

/* Cancelled when the dialog goes away: pass it to the save. */
GCancellable *
heard_dialog_get_cancellable (HeardDialog *self)
{
  HeardDialogPrivate *priv;

  g_return_val_if_fail (HEARD_IS_DIALOG (self), NULL);

  priv = heard_dialog_get_instance_private (self);
  return priv->cancellable;
}

/* Something was typed: closing now asks first. */
void
heard_dialog_set_changed (HeardDialog *self)
{
  HeardDialogPrivate *priv;

  g_return_if_fail (HEARD_IS_DIALOG (self));

  priv = heard_dialog_get_instance_private (self);
  priv->changed = TRUE;
}

/* Shows @message in the banner, or hides the banner when it is NULL. */
void
heard_dialog_show_error (HeardDialog *self,
                         const char  *message)
{
  HeardDialogPrivate *priv;

  g_return_if_fail (HEARD_IS_DIALOG (self));

  priv = heard_dialog_get_instance_private (self);
  gtk_label_set_text (priv->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (priv->error_revealer, message != NULL);
}

/* What the dialog says is wrong: in the banner, or else beside a field;
 * NULL when nothing is. */
const char *
heard_dialog_get_error (HeardDialog *self)
{
  HeardDialogPrivate *priv;

  g_return_val_if_fail (HEARD_IS_DIALOG (self), NULL);

  priv = heard_dialog_get_instance_private (self);
  if (!gtk_revealer_get_reveal_child (priv->error_revealer))
    return heard_field_error_find (priv->body != NULL ? priv->body : GTK_WIDGET (self));

  return gtk_label_get_text (priv->error_label);
}

/* Ends a save started by save(): with @error the dialog stays open with
 * everything typed and says what went wrong; without, it emits "saved"
 * and closes. */
void
heard_dialog_finish_saving (HeardDialog  *self,
                            const GError *error)
{
  HeardDialogPrivate *priv;

  g_return_if_fail (HEARD_IS_DIALOG (self));

  priv = heard_dialog_get_instance_private (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", TRUE);

  if (error != NULL)
    {
      /* Said beside its field already: the banner is for what no field owns. */
      if (error->domain != HEARD_FIELD_ERROR &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        heard_dialog_show_error (self, heard_describe_save_error (error));
      return;
    }

  priv->saved = TRUE;
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

/* Ends a save started by save() that the dialog refused itself, having
 * said why beside the field concerned: nothing is shown in the banner and
 * saving can be tried again. */
void
heard_dialog_resume_saving (HeardDialog *self)
{
  g_return_if_fail (HEARD_IS_DIALOG (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", TRUE);
}

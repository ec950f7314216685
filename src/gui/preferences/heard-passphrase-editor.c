/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-passphrase-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-field-error.h"
#include "heard-passphrase-editor.h"

/*
 * Changes the caseworker's own passphrase, the one Heard asks for at every
 * start and after every lock. The one used now comes first (a wrong one
 * counts as a wrong try, as at an unlock); the new one is typed twice. The
 * check and the new verifier are made off the main thread by the context.
 */

struct _HeardPassphraseEditor
{
  HeardDialog   parent_instance;

  HeardContext *context;

  GtkWidget    *current_row;
  GtkWidget    *new_row;
  GtkWidget    *repeat_row;
};

G_DEFINE_FINAL_TYPE (HeardPassphraseEditor, heard_passphrase_editor, HEARD_TYPE_DIALOG)

static void
changed_cb (HeardPassphraseEditor *self)
{
  heard_dialog_set_changed (HEARD_DIALOG (self));
}

static void
passphrase_changed_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(HeardPassphraseEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  GError *shown = NULL;

  if (heard_context_change_caseworker_passphrase_finish (HEARD_CONTEXT (object), result, &error))
    {
      heard_dialog_finish_saving (HEARD_DIALOG (self), NULL);
      return;
    }

  /* A wrong or too early passphrase is the first field's to say. */
  if (g_error_matches (error, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                       HEARD_CASEWORKER_PASSPHRASE_ERROR_WRONG) ||
      g_error_matches (error, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                       HEARD_CASEWORKER_PASSPHRASE_ERROR_TOO_SOON))
    {
      heard_field_error_set (&shown, self->current_row, error->message);
      gtk_widget_grab_focus (self->current_row);
      heard_dialog_finish_saving (HEARD_DIALOG (self), shown);
      return;
    }

  heard_dialog_finish_saving (HEARD_DIALOG (self), g_steal_pointer (&error));
}

static void
heard_passphrase_editor_save (HeardDialog *dialog)
{
  HeardPassphraseEditor *self = HEARD_PASSPHRASE_EDITOR (dialog);
  const char *current = gtk_editable_get_text (GTK_EDITABLE (self->current_row));
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->new_row));
  g_autoptr(GError) unusable = NULL;
  GError *error = NULL;

  heard_field_error_clear (self->current_row);
  heard_field_error_clear (self->new_row);
  heard_field_error_clear (self->repeat_row);

  if (*current == '\0')
    {
      heard_field_error_set (&error, self->current_row,
                             _("Type the passphrase you use now, to show it is you."));
      heard_dialog_finish_saving (dialog, error);
      return;
    }

  if (!heard_caseworker_passphrase_is_usable (passphrase, &unusable))
    {
      heard_field_error_set (&error, self->new_row, unusable->message);
      heard_dialog_finish_saving (dialog, error);
      return;
    }

  if (g_strcmp0 (passphrase, gtk_editable_get_text (GTK_EDITABLE (self->repeat_row))) != 0)
    {
      heard_field_error_set (&error, self->repeat_row,
                             _("The two passphrases are not the same. Type them again."));
      heard_dialog_finish_saving (dialog, error);
      return;
    }

  heard_context_change_caseworker_passphrase_async (self->context, current, passphrase,
                                                    heard_dialog_get_cancellable (dialog),
                                                    passphrase_changed_cb, g_object_ref (self));
}

static void
heard_passphrase_editor_dispose (GObject *object)
{
  HeardPassphraseEditor *self = HEARD_PASSPHRASE_EDITOR (object);

  /* Leave no passphrase behind in the fields. */
  if (self->current_row != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->current_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->new_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->repeat_row), "");
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_PASSPHRASE_EDITOR);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (heard_passphrase_editor_parent_class)->dispose (object);
}

static void
heard_passphrase_editor_class_init (HeardPassphraseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeardDialogClass *dialog_class = HEARD_DIALOG_CLASS (klass);

  object_class->dispose = heard_passphrase_editor_dispose;
  dialog_class->save = heard_passphrase_editor_save;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/heard-passphrase-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardPassphraseEditor, current_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPassphraseEditor, new_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPassphraseEditor, repeat_row);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
heard_passphrase_editor_init (HeardPassphraseEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_accessibility_name_entry_rows (GTK_WIDGET (self));
}

HeardPassphraseEditor *
heard_passphrase_editor_new (GtkWindow    *parent,
                             HeardContext *context)
{
  HeardPassphraseEditor *self;

  g_return_val_if_fail (HEARD_IS_CONTEXT (context), NULL);

  self = g_object_new (HEARD_TYPE_PASSPHRASE_EDITOR, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  gtk_widget_grab_focus (self->current_row);

  return self;
}

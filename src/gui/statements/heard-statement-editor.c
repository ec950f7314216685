/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-statement-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-statement-editor.h"
#include "heard-statement-form.h"
#include "heard-case-file.h"

/*
 * Recording works on a draft bound to the form: nothing is stored until
 * Save, and a refused save keeps every word on screen. The worker's
 * context is kept for staff unless they tick it written for them; that
 * mark is saved once the statement has its id.
 */

struct _HeardStatementEditor
{
  HeardDialog         parent_instance;

  HeardCaseFile *case_file;
  HeardStatement     *draft;
  gint64              saved_id;

  HeardStatementForm *form;
};

G_DEFINE_FINAL_TYPE (HeardStatementEditor, heard_statement_editor, HEARD_TYPE_DIALOG)

static void
mark_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HeardStatementEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  heard_for_them_row_save_finish (HEARD_FOR_THEM_ROW (object), result, &error);
  heard_dialog_finish_saving (HEARD_DIALOG (self), error);
}

static void
recorded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HeardStatementEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error);

  if (id == 0)
    {
      heard_dialog_finish_saving (HEARD_DIALOG (self), error);
      return;
    }

  self->saved_id = id;
  heard_for_them_row_save_async (heard_statement_form_get_context_for_them_row (self->form), id,
                                 NULL, heard_dialog_get_cancellable (HEARD_DIALOG (self)),
                                 mark_saved_cb, g_object_ref (self));
}

static void
draft_changed_cb (HeardStatementEditor *self)
{
  heard_dialog_set_changed (HEARD_DIALOG (self));
}

static void
heard_statement_editor_save (HeardDialog *dialog)
{
  HeardStatementEditor *self = HEARD_STATEMENT_EDITOR (dialog);
  g_autoptr(GError) error = NULL;

  /* Recorded already (statements are never rewritten), its mark refused:
   * a second try saves only the mark. */
  if (self->saved_id != 0)
    {
      heard_for_them_row_save_async (heard_statement_form_get_context_for_them_row (self->form),
                                     self->saved_id, NULL, heard_dialog_get_cancellable (dialog),
                                     mark_saved_cb, g_object_ref (self));
      return;
    }

  /* Checked here first so that the reason shows at once. */
  if (!heard_statement_form_check (self->form))
    {
      heard_dialog_resume_saving (dialog);
      return;
    }

  if (!heard_statement_validate (self->draft, &error))
    {
      heard_dialog_finish_saving (dialog, error);
      return;
    }

  heard_case_file_record_statement_async (self->case_file, self->draft,
                                          heard_dialog_get_cancellable (dialog), recorded_cb,
                                          g_object_ref (self));
}

static void
heard_statement_editor_dispose (GObject *object)
{
  HeardStatementEditor *self = HEARD_STATEMENT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_STATEMENT_EDITOR);
  g_clear_object (&self->draft);
  g_clear_object (&self->case_file);

  G_OBJECT_CLASS (heard_statement_editor_parent_class)->dispose (object);
}

static void
heard_statement_editor_class_init (HeardStatementEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeardDialogClass *dialog_class = HEARD_DIALOG_CLASS (klass);

  object_class->dispose = heard_statement_editor_dispose;
  dialog_class->save = heard_statement_editor_save;

  g_type_ensure (HEARD_TYPE_STATEMENT_FORM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-statement-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardStatementEditor, form);
}

static void
heard_statement_editor_init (HeardStatementEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HeardStatementEditor *
heard_statement_editor_new (GtkWindow     *parent,
                            HeardCaseFile *case_file)
{
  HeardStatementEditor *self;
  g_autofree char *today = heard_today_iso_date ();

  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);

  self = g_object_new (HEARD_TYPE_STATEMENT_EDITOR, "transient-for", parent, NULL);
  self->case_file = g_object_ref (case_file);
  heard_dialog_keep_drafts (HEARD_DIALOG (self), heard_case_file_get_context (case_file),
                            HEARD_DRAFT_STATEMENT, heard_case_file_get_person_id (case_file), 0,
                            0);
  self->draft = heard_statement_new ();
  heard_statement_set_person_id (self->draft, heard_case_file_get_person_id (case_file));
  heard_statement_set_text (self->draft, HEARD_STATEMENT_GIVEN_ON, today);

  heard_statement_form_bind (self->form, self->draft);
  heard_statement_form_set_directory (self->form, heard_context_get_agencies (
                                        heard_case_file_get_context (case_file)));
  g_signal_connect_object (self->draft, "notify", G_CALLBACK (draft_changed_cb), self,
                           G_CONNECT_SWAPPED);
  heard_for_them_row_load (heard_statement_form_get_context_for_them_row (self->form), case_file,
                           HEARD_FOR_THEM_STATEMENT_CONTEXT, 0);
  g_signal_connect_object (heard_statement_form_get_context_for_them_row (self->form),
                           "notify::active", G_CALLBACK (draft_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_grab_focus (GTK_WIDGET (heard_statement_form_get_words_view (self->form)));

  return self;
}

/* The new statement's id once "saved" has been emitted, else 0. */
gint64
heard_statement_editor_get_saved_id (HeardStatementEditor *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_EDITOR (self), 0);

  return self->saved_id;
}

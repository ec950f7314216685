/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-amendment-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-amendment-dialog.h"
#include "heard-content-note.h"
#include "heard-date.h"
#include "heard-statement-form.h"
#include "heard-case-file.h"

/*
 * Amends a statement with a reason: the version amended stays in the
 * history as it was. Whether the worker's context is written for them is
 * amended here too, with the same reason; changing only that mark saves
 * the mark alone, and without a reason it is refused beside the mark.
 */

struct _HeardAmendmentDialog
{
  HeardDialog         parent_instance;

  HeardCaseFile *case_file;
  HeardStatement     *current;
  HeardStatement     *draft;

  AdwPreferencesGroup *reason_group;
  AdwEntryRow        *reason_row;
  HeardContentNote   *form_note;
  HeardStatementForm *form;
};

G_DEFINE_FINAL_TYPE (HeardAmendmentDialog, heard_amendment_dialog, HEARD_TYPE_DIALOG)

static HeardForThemRow *
get_for_them_row (HeardAmendmentDialog *self)
{
  return heard_statement_form_get_context_for_them_row (self->form);
}

static void
mark_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HeardAmendmentDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  heard_for_them_row_save_finish (HEARD_FOR_THEM_ROW (object), result, &error);
  heard_dialog_finish_saving (HEARD_DIALOG (self), error);
}

static void
save_mark (HeardAmendmentDialog *self)
{
  heard_for_them_row_save_async (get_for_them_row (self), heard_statement_get_id (self->current),
                                 heard_statement_get_text (self->draft, HEARD_STATEMENT_REASON),
                                 heard_dialog_get_cancellable (HEARD_DIALOG (self)),
                                 mark_saved_cb, g_object_ref (self));
}

static void
amended_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HeardAmendmentDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error) == 0)
    {
      heard_dialog_finish_saving (HEARD_DIALOG (self), error);
      return;
    }

  save_mark (self);
}

/* A sensitive statement's words stay behind its content note here too, and
 * choosing to read them is audited like anywhere else. */
static void
form_revealed_cb (HeardAmendmentDialog *self)
{
  if (heard_content_note_get_revealed (self->form_note))
    heard_case_file_note_statement_read (self->case_file, heard_statement_get_id (self->current));
}

static void
draft_changed_cb (HeardAmendmentDialog *self)
{
  heard_dialog_set_changed (HEARD_DIALOG (self));
}

static void
heard_amendment_dialog_save (HeardDialog *dialog)
{
  HeardAmendmentDialog *self = HEARD_AMENDMENT_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) changes = NULL;

  if (!heard_statement_form_check (self->form) ||
      !heard_for_them_row_check (get_for_them_row (self),
                                 heard_statement_get_text (self->draft, HEARD_STATEMENT_REASON)))
    {
      heard_dialog_resume_saving (dialog);
      return;
    }

  /* Only the mark changed: that alone is saved, with the reason. */
  changes = heard_statement_list_changes (self->draft, self->current);
  if (changes[0] == NULL && heard_for_them_row_get_changed (get_for_them_row (self)))
    {
      save_mark (self);
      return;
    }

  if (!heard_statement_validate_amendment (self->draft, self->current, &error))
    {
      heard_dialog_finish_saving (dialog, error);
      return;
    }

  heard_case_file_amend_statement_async (self->case_file, self->draft,
                                         heard_dialog_get_cancellable (dialog), amended_cb,
                                         g_object_ref (self));
}

static void
heard_amendment_dialog_dispose (GObject *object)
{
  HeardAmendmentDialog *self = HEARD_AMENDMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_AMENDMENT_DIALOG);
  g_clear_object (&self->draft);
  g_clear_object (&self->current);
  g_clear_object (&self->case_file);

  G_OBJECT_CLASS (heard_amendment_dialog_parent_class)->dispose (object);
}

static void
heard_amendment_dialog_class_init (HeardAmendmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeardDialogClass *dialog_class = HEARD_DIALOG_CLASS (klass);

  object_class->dispose = heard_amendment_dialog_dispose;
  dialog_class->save = heard_amendment_dialog_save;

  g_type_ensure (HEARD_TYPE_CONTENT_NOTE);
  g_type_ensure (HEARD_TYPE_STATEMENT_FORM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-amendment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardAmendmentDialog, reason_group);
  gtk_widget_class_bind_template_child (widget_class, HeardAmendmentDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, HeardAmendmentDialog, form_note);
  gtk_widget_class_bind_template_child (widget_class, HeardAmendmentDialog, form);
}

static void
heard_amendment_dialog_init (HeardAmendmentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_accessibility_name_entry_rows (GTK_WIDGET (self->reason_group));
}

HeardAmendmentDialog *
heard_amendment_dialog_new (GtkWindow      *parent,
                            HeardCaseFile *case_file,
                            HeardStatement *current)
{
  HeardAmendmentDialog *self;
  g_autofree char *saved_at = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);
  g_return_val_if_fail (HEARD_IS_STATEMENT (current), NULL);

  self = g_object_new (HEARD_TYPE_AMENDMENT_DIALOG, "transient-for", parent, NULL);
  self->case_file = g_object_ref (case_file);
  self->current = g_object_ref (current);
  heard_dialog_keep_drafts (HEARD_DIALOG (self), heard_case_file_get_context (case_file),
                            HEARD_DRAFT_AMENDMENT, heard_case_file_get_person_id (case_file),
                            heard_statement_get_id (current), 0);
  self->draft = heard_statement_copy (current);
  heard_statement_set_text (self->draft, HEARD_STATEMENT_REASON, "");

  saved_at = heard_date_describe_moment (heard_statement_get_saved_at (current));
  /* TRANSLATORS: %u is a version number, %s a person, the last %s a time */
  description = g_strdup_printf (_("You are amending version %u, saved by %s on %s. It stays "
                                   "in the history exactly as it is, beside your amendment "
                                   "and your reason."),
                                 heard_statement_get_version (current),
                                 heard_statement_get_saved_by (current), saved_at);
  adw_preferences_group_set_description (self->reason_group, description);

  g_object_bind_property (self->draft, "reason", self->reason_row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  heard_statement_form_bind (self->form, self->draft);
  heard_statement_form_set_directory (self->form, heard_context_get_agencies (
                                        heard_case_file_get_context (self->case_file)));
  heard_content_note_set_note (self->form_note, heard_statement_get_content_note (current));
  heard_content_note_set_revealed (self->form_note, !heard_statement_get_sensitive (current));
  g_signal_connect_object (self->form_note, "notify::revealed",
                           G_CALLBACK (form_revealed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->draft, "notify", G_CALLBACK (draft_changed_cb), self,
                           G_CONNECT_SWAPPED);
  heard_for_them_row_load (get_for_them_row (self), case_file, HEARD_FOR_THEM_STATEMENT_CONTEXT,
                           heard_statement_get_id (current));
  g_signal_connect_object (get_for_them_row (self), "notify::active",
                           G_CALLBACK (draft_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));

  return self;
}

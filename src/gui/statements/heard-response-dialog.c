/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-response-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-date-row.h"
#include "heard-accessibility.h"
#include "heard-content-note.h"
#include "heard-for-them-row.h"
#include "heard-language-hint.h"
#include "heard-plan-action.h"
#include "heard-response-dialog.h"
#include "heard-case-file.h"
#include "heard-widgets.h"

/*
 * "You said — we did": what was done about a statement, in words they will
 * understand, written for them to read unless staff untick it (that mark
 * is saved once the answer has its id), with the plan actions that carry
 * it and whether they have been told.
 */

struct _HeardResponseDialog
{
  HeardDialog             parent_instance;

  HeardCaseFile *case_file;
  HeardStatement         *statement;
  HeardStatementResponse *draft;
  GPtrArray              *action_checks;
  /* Once saved (answers are never rewritten): a second try saves only the mark. */
  gint64                  saved_id;

  HeardContentNote       *words_note;
  GtkLabel               *words_label;
  GtkTextView            *what_view;
  HeardForThemRow        *for_them_row;
  AdwPreferencesGroup    *actions_group;
  GtkLabel               *no_actions_label;
  GtkSwitch              *told_switch;
  HeardDateRow           *told_on_row;
};

G_DEFINE_FINAL_TYPE (HeardResponseDialog, heard_response_dialog, HEARD_TYPE_DIALOG)

static void
mark_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HeardResponseDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  heard_for_them_row_save_finish (HEARD_FOR_THEM_ROW (object), result, &error);
  heard_dialog_finish_saving (HEARD_DIALOG (self), error);
}

static void
answered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HeardResponseDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error);

  if (id == 0)
    {
      heard_dialog_finish_saving (HEARD_DIALOG (self), error);
      return;
    }

  self->saved_id = id;
  heard_for_them_row_save_async (self->for_them_row, id, NULL,
                                 heard_dialog_get_cancellable (HEARD_DIALOG (self)),
                                 mark_saved_cb, g_object_ref (self));
}

/* Choosing to read sensitive words is audited like anywhere else. */
static void
words_revealed_cb (HeardResponseDialog *self)
{
  if (heard_content_note_get_revealed (self->words_note))
    heard_case_file_note_statement_read (self->case_file, heard_statement_get_id (self->statement));
}

static void
changed_cb (HeardResponseDialog *self)
{
  heard_dialog_set_changed (HEARD_DIALOG (self));
}

static void
actions_listed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HeardResponseDialog) self = user_data;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GError) error = NULL;

  actions = heard_case_file_read_finish (HEARD_CASE_FILE (object), result, &error);
  if (actions == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->no_actions_label, error->message);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->no_actions_label), actions->len == 0);
  for (guint i = 0; i < actions->len; i++)
    {
      HeardPlanAction *action = g_ptr_array_index (actions, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *what = heard_plan_action_get_text (action, HEARD_ACTION_WHAT);
      g_autofree char *name = g_strdup_printf ("action-%" G_GINT64_FORMAT,
                                               heard_plan_action_get_id (action));

      /* Its name in a draft, which keeps whether it is ticked. */
      gtk_widget_set_name (check, name);

      g_object_set_data_full (G_OBJECT (check), "action", g_object_ref (action),
                              g_object_unref);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      what, -1);
      g_signal_connect_object (check, "toggled", G_CALLBACK (changed_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), what);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), heard_action_status_label (
                                     heard_plan_action_get_status (action)));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->actions_group, row);
      g_ptr_array_add (self->action_checks, check);
    }
  /* Ticked as they were, when the dialog is back after a lock. */
  heard_dialog_apply_draft_under (HEARD_DIALOG (self), GTK_WIDGET (self->actions_group));
}

static void
heard_response_dialog_save (HeardDialog *dialog)
{
  HeardResponseDialog *self = HEARD_RESPONSE_DIALOG (dialog);
  g_autoptr(HeardStatementResponse) response = heard_statement_response_copy (self->draft);
  g_autoptr(GError) error = NULL;

  if (self->saved_id != 0)
    {
      heard_for_them_row_save_async (self->for_them_row, self->saved_id, NULL,
                                     heard_dialog_get_cancellable (dialog), mark_saved_cb,
                                     g_object_ref (self));
      return;
    }

  if (gtk_switch_get_active (self->told_switch) && !heard_date_row_check (self->told_on_row))
    {
      heard_dialog_resume_saving (dialog);
      return;
    }

  heard_statement_response_set_told_on (response,
                                        gtk_switch_get_active (self->told_switch)
                                        ? gtk_editable_get_text (GTK_EDITABLE (self->told_on_row))
                                        : "");
  for (guint i = 0; i < self->action_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->action_checks, i);
      HeardPlanAction *action = g_object_get_data (G_OBJECT (check), "action");

      if (gtk_check_button_get_active (check))
        heard_statement_response_add_action (response, heard_plan_action_get_id (action),
                                             heard_plan_action_get_text (action,
                                                                         HEARD_ACTION_WHAT));
    }

  if (!heard_statement_response_validate (response, &error))
    {
      heard_dialog_finish_saving (dialog, error);
      return;
    }

  heard_case_file_answer_statement_async (self->case_file, response,
                                          heard_dialog_get_cancellable (dialog), answered_cb,
                                          g_object_ref (self));
}

static void
heard_response_dialog_dispose (GObject *object)
{
  HeardResponseDialog *self = HEARD_RESPONSE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_RESPONSE_DIALOG);
  g_clear_pointer (&self->action_checks, g_ptr_array_unref);
  g_clear_object (&self->draft);
  g_clear_object (&self->statement);
  g_clear_object (&self->case_file);

  G_OBJECT_CLASS (heard_response_dialog_parent_class)->dispose (object);
}

static void
heard_response_dialog_class_init (HeardResponseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeardDialogClass *dialog_class = HEARD_DIALOG_CLASS (klass);

  object_class->dispose = heard_response_dialog_dispose;
  dialog_class->save = heard_response_dialog_save;

  g_type_ensure (HEARD_TYPE_CONTENT_NOTE);
  g_type_ensure (HEARD_TYPE_LANGUAGE_HINT);
  g_type_ensure (HEARD_TYPE_DATE_ROW);
  g_type_ensure (HEARD_TYPE_FOR_THEM_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-response-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardResponseDialog, words_note);
  gtk_widget_class_bind_template_child (widget_class, HeardResponseDialog, words_label);
  gtk_widget_class_bind_template_child (widget_class, HeardResponseDialog, what_view);
  gtk_widget_class_bind_template_child (widget_class, HeardResponseDialog, for_them_row);
  gtk_widget_class_bind_template_child (widget_class, HeardResponseDialog, actions_group);
  gtk_widget_class_bind_template_child (widget_class, HeardResponseDialog, no_actions_label);
  gtk_widget_class_bind_template_child (widget_class, HeardResponseDialog, told_switch);
  gtk_widget_class_bind_template_child (widget_class, HeardResponseDialog, told_on_row);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
heard_response_dialog_init (HeardResponseDialog *self)
{
  g_autofree char *today = heard_today_iso_date ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->action_checks = g_ptr_array_new ();
  self->draft = heard_statement_response_new ();

  gtk_editable_set_text (GTK_EDITABLE (self->told_on_row), today);
  g_signal_connect_object (self->told_on_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  heard_accessibility_name_entry_rows (GTK_WIDGET (self));
  g_object_bind_property (self->draft, "what-we-did",
                          gtk_text_view_get_buffer (self->what_view), "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->draft, "notify", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
}

HeardResponseDialog *
heard_response_dialog_new (GtkWindow      *parent,
                           HeardCaseFile *case_file,
                           HeardStatement *statement)
{
  HeardResponseDialog *self;

  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);
  g_return_val_if_fail (HEARD_IS_STATEMENT (statement), NULL);

  self = g_object_new (HEARD_TYPE_RESPONSE_DIALOG, "transient-for", parent, NULL);
  self->case_file = g_object_ref (case_file);
  self->statement = g_object_ref (statement);
  heard_dialog_keep_drafts (HEARD_DIALOG (self), heard_case_file_get_context (case_file),
                            HEARD_DRAFT_RESPONSE, heard_case_file_get_person_id (case_file),
                            heard_statement_get_id (statement), 0);
  heard_statement_response_set_statement_id (self->draft, heard_statement_get_id (statement));

  heard_label_set_words (self->words_label, heard_statement_get_words (statement));
  heard_content_note_set_note (self->words_note, heard_statement_get_content_note (statement));
  heard_content_note_set_revealed (self->words_note, !heard_statement_get_sensitive (statement));
  g_signal_connect_object (self->words_note, "notify::revealed",
                           G_CALLBACK (words_revealed_cb), self, G_CONNECT_SWAPPED);

  heard_for_them_row_load (self->for_them_row, case_file, HEARD_FOR_THEM_ANSWER, 0);
  g_signal_connect_object (self->for_them_row, "notify::active", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  heard_case_file_list_linkable_actions_async (case_file,
                                               heard_dialog_get_cancellable (HEARD_DIALOG (self)),
                                               actions_listed_cb, g_object_ref (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->what_view));

  return self;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-action-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-choice-row.h"
#include "heard-date-row.h"
#include "heard-accessibility.h"
#include "heard-action-editor.h"
#include "heard-agency-picker.h"
#include "heard-case-file.h"
#include "heard-enum-binding.h"
#include "heard-field-error.h"
#include "heard-for-them-row.h"
#include "heard-language-hint.h"
#include "heard-widgets.h"

/*
 * Writes one action on a draft copy: what, which agency and who there, by
 * when, how it is going and when its owner acknowledged it. What needs to
 * happen is the worker's own words, so the language checker reads it, and
 * is written for the young person to read unless staff untick it. In a
 * plan that is signed off only the last two (and that mark) can change, and
 * the form says why.
 */

struct _HeardActionEditor
{
  HeardDialog          parent_instance;

  HeardCaseFile *case_file;
  HeardPlanAction     *draft;

  AdwPreferencesGroup *what_group;
  GtkTextView         *what_view;
  HeardForThemRow     *for_them_row;
  HeardAgencyPicker   *owner_row;
  AdwEntryRow         *owner_name_row;
  HeardDateRow        *due_row;
  AdwComboRow         *status_row;
  AdwEntryRow         *acknowledged_row;
  /* Set while the picker and the draft are brought into step. */
  gboolean             syncing_owner;
};

G_DEFINE_FINAL_TYPE (HeardActionEditor, heard_action_editor, HEARD_TYPE_DIALOG)

static void
draft_changed_cb (HeardActionEditor *self)
{
  heard_dialog_set_changed (HEARD_DIALOG (self));
}

/* The owner chosen, kind and directory entry, goes into the draft. */
static void
owner_chosen_cb (HeardActionEditor *self)
{
  if (self->syncing_owner)
    return;

  self->syncing_owner = TRUE;
  g_object_freeze_notify (G_OBJECT (self->draft));
  heard_plan_action_set_owner (self->draft, heard_agency_picker_get_chosen_kind (self->owner_row));
  heard_plan_action_set_owner_agency_id (self->draft,
                                         heard_agency_picker_get_chosen_agency_id (
                                           self->owner_row));
  g_object_thaw_notify (G_OBJECT (self->draft));
  self->syncing_owner = FALSE;
}

/* The draft's owner (as loaded, or brought back from a kept draft) is
 * what the picker shows. */
static void
draft_owner_cb (HeardActionEditor *self)
{
  if (self->syncing_owner)
    return;

  self->syncing_owner = TRUE;
  heard_agency_picker_choose (self->owner_row, heard_plan_action_get_owner (self->draft),
                              heard_plan_action_get_owner_agency_id (self->draft));
  self->syncing_owner = FALSE;
}

static void
mark_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HeardActionEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  heard_for_them_row_save_finish (HEARD_FOR_THEM_ROW (object), result, &error);
  heard_dialog_finish_saving (HEARD_DIALOG (self), error);
}

/* Once the action has its id, its mark. */
static void
action_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HeardActionEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error);

  if (id == 0)
    {
      heard_dialog_finish_saving (HEARD_DIALOG (self), error);
      return;
    }

  /* A new action keeps its id, so a second try after a refused mark
   * saves it again rather than adding it twice. */
  if (heard_plan_action_get_id (self->draft) != 0)
    id = heard_plan_action_get_id (self->draft);
  else
    heard_plan_action_set_id (self->draft, id);
  heard_for_them_row_save_async (self->for_them_row, id, NULL,
                                 heard_dialog_get_cancellable (HEARD_DIALOG (self)),
                                 mark_saved_cb, g_object_ref (self));
}

static void
heard_action_editor_save (HeardDialog *dialog)
{
  HeardActionEditor *self = HEARD_ACTION_EDITOR (dialog);
  g_autoptr(HeardPlanAction) checked = heard_plan_action_copy (self->draft);
  g_autoptr(GError) error = NULL;

  /* Said at once, without a trip to the store; the draft keeps the dates
   * as they were typed. */
  if (!heard_field_error_check_text (GTK_WIDGET (self->what_view), G_OBJECT (self->draft), "what",
                                     _("What needs to happen")) ||
      !heard_field_error_check_text (GTK_WIDGET (self->owner_name_row), G_OBJECT (self->draft),
                                     "owner-name", NULL) ||
      !heard_date_row_check (self->due_row) ||
      !heard_field_error_check_text (GTK_WIDGET (self->acknowledged_row), G_OBJECT (self->draft),
                                     "acknowledged-on", NULL))
    {
      heard_dialog_resume_saving (dialog);
      return;
    }

  if (!heard_plan_action_prepare (checked, &error))
    {
      heard_dialog_finish_saving (dialog, error);
      return;
    }

  heard_case_file_save_action_async (self->case_file, self->draft,
                                     heard_dialog_get_cancellable (dialog), action_saved_cb,
                                     g_object_ref (self));
}

static void
heard_action_editor_dispose (GObject *object)
{
  HeardActionEditor *self = HEARD_ACTION_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_ACTION_EDITOR);
  g_clear_object (&self->draft);
  g_clear_object (&self->case_file);

  G_OBJECT_CLASS (heard_action_editor_parent_class)->dispose (object);
}

static void
heard_action_editor_class_init (HeardActionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeardDialogClass *dialog_class = HEARD_DIALOG_CLASS (klass);

  object_class->dispose = heard_action_editor_dispose;
  dialog_class->save = heard_action_editor_save;

  g_type_ensure (HEARD_TYPE_LANGUAGE_HINT);
  g_type_ensure (HEARD_TYPE_CHOICE_ROW);
  g_type_ensure (HEARD_TYPE_AGENCY_PICKER);
  g_type_ensure (HEARD_TYPE_DATE_ROW);
  g_type_ensure (HEARD_TYPE_FOR_THEM_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-action-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardActionEditor, what_group);
  gtk_widget_class_bind_template_child (widget_class, HeardActionEditor, what_view);
  gtk_widget_class_bind_template_child (widget_class, HeardActionEditor, for_them_row);
  gtk_widget_class_bind_template_child (widget_class, HeardActionEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, HeardActionEditor, owner_name_row);
  gtk_widget_class_bind_template_child (widget_class, HeardActionEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, HeardActionEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, HeardActionEditor, acknowledged_row);
}

static void
heard_action_editor_init (HeardActionEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < HEARD_ACTION_N_STATUSES; i++)
    gtk_string_list_append (statuses, heard_action_status_label (i));
  heard_agency_picker_offer_young_person (self->owner_row);
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  heard_accessibility_name_entry_rows (GTK_WIDGET (self));
  heard_accessibility_name_mnemonics (GTK_WIDGET (self));
}

/* Edits @action, or adds it when its id is 0. With @progress_only, only
 * its status and acknowledgement can change. */
HeardActionEditor *
heard_action_editor_new (GtkWindow       *parent,
                         HeardCaseFile *case_file,
                         HeardPlanAction *action,
                         gboolean         progress_only)
{
  HeardActionEditor *self;
  GBindingFlags flags = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;

  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);
  g_return_val_if_fail (HEARD_IS_PLAN_ACTION (action), NULL);

  self = g_object_new (HEARD_TYPE_ACTION_EDITOR, "transient-for", parent,
                       "heading", heard_plan_action_get_id (action) == 0 ? _("Add an Action")
                                                                         : _("Action"),
                       NULL);
  self->case_file = g_object_ref (case_file);
  /* A new action is known by the area it goes in. */
  if (heard_plan_action_get_id (action) != 0)
    heard_dialog_keep_drafts (HEARD_DIALOG (self), heard_case_file_get_context (case_file),
                              HEARD_DRAFT_ACTION, heard_case_file_get_person_id (case_file),
                              heard_plan_action_get_id (action), 0);
  else
    heard_dialog_keep_drafts (HEARD_DIALOG (self), heard_case_file_get_context (case_file),
                              HEARD_DRAFT_NEW_ACTION, heard_case_file_get_person_id (case_file),
                              heard_plan_action_get_area_id (action), 0);
  self->draft = heard_plan_action_copy (action);

  g_object_bind_property (self->draft, "what", gtk_text_view_get_buffer (self->what_view), "text",
                          flags);
  heard_agency_picker_set_context (self->owner_row, heard_case_file_get_context (case_file));
  draft_owner_cb (self);
  g_signal_connect_object (self->draft, "notify::owner", G_CALLBACK (draft_owner_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->draft, "notify::owner-agency-id", G_CALLBACK (draft_owner_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->owner_row, "notify::selected", G_CALLBACK (owner_chosen_cb),
                           self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->draft, "owner-name", self->owner_name_row, "text", flags);
  heard_entry_row_limit (self->owner_name_row, G_OBJECT (self->draft), "owner-name");
  heard_date_row_bind (self->due_row, self->draft, "due-date");
  heard_bind_enum_to_combo (self->draft, "status", self->status_row);
  g_object_bind_property (self->draft, "acknowledged-on", self->acknowledged_row, "text", flags);
  g_signal_connect_object (self->draft, "notify", G_CALLBACK (draft_changed_cb), self,
                           G_CONNECT_SWAPPED);
  heard_for_them_row_load (self->for_them_row, case_file, HEARD_FOR_THEM_ACTION,
                           heard_plan_action_get_id (action));
  g_signal_connect_object (self->for_them_row, "notify::active", G_CALLBACK (draft_changed_cb),
                           self, G_CONNECT_SWAPPED);

  if (progress_only)
    {
      adw_preferences_group_set_description (self->what_group,
        _("This plan is signed off, so only how the action is going can change here. "
          "To change the rest, start a new version of the plan."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->what_view), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->owner_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->owner_name_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->due_row), FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->status_row));
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->what_view));

  return self;
}

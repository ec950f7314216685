/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-area-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-area-editor.h"
#include "heard-field-error.h"
#include "heard-for-them-row.h"
#include "heard-language-hint.h"
#include "heard-case-file.h"
#include "heard-widgets.h"

/*
 * Writes one area of life in a plan still being written, on a draft copy
 * bound field by field: the young person's goal in their own words first,
 * then the worker's, then the three columns. Staff wording is checked for
 * victim-blaming language; the young person's words never are. The area
 * and the worker's goal are each written for the young person to read
 * unless staff untick it.
 */

struct _HeardAreaEditor
{
  HeardDialog          parent_instance;

  HeardCaseFile *case_file;
  HeardPlanArea       *draft;

  AdwPreferencesGroup *name_group;
  AdwEntryRow         *label_row;
  GtkTextView         *goal_own_words_view;
  GtkTextView         *goal_worker_view;
  HeardForThemRow     *area_for_them_row;
  HeardForThemRow     *goal_for_them_row;
  gint64               saved_id;
  GtkTextView         *worried_view;
  GtkTextView         *working_well_view;
  GtkTextView         *needs_to_happen_view;
};

G_DEFINE_FINAL_TYPE (HeardAreaEditor, heard_area_editor, HEARD_TYPE_DIALOG)

static void
draft_changed_cb (HeardAreaEditor *self)
{
  heard_dialog_set_changed (HEARD_DIALOG (self));
}

static void
goal_mark_saved_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(HeardAreaEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  heard_for_them_row_save_finish (HEARD_FOR_THEM_ROW (object), result, &error);
  heard_dialog_finish_saving (HEARD_DIALOG (self), error);
}

static void
area_mark_saved_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(HeardAreaEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!heard_for_them_row_save_finish (HEARD_FOR_THEM_ROW (object), result, &error))
    {
      heard_dialog_finish_saving (HEARD_DIALOG (self), error);
      return;
    }

  heard_for_them_row_save_async (self->goal_for_them_row, self->saved_id, NULL,
                                 heard_dialog_get_cancellable (HEARD_DIALOG (self)),
                                 goal_mark_saved_cb, g_object_ref (self));
}

/* Once the area has its id, its two marks. */
static void
area_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HeardAreaEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error);

  if (id == 0)
    {
      heard_dialog_finish_saving (HEARD_DIALOG (self), error);
      return;
    }

  self->saved_id = heard_plan_area_get_id (self->draft) != 0 ? heard_plan_area_get_id (self->draft)
                                                             : id;
  /* So that a second try after a refused mark saves it again, not twice. */
  heard_plan_area_set_id (self->draft, self->saved_id);
  heard_for_them_row_save_async (self->area_for_them_row, self->saved_id, NULL,
                                 heard_dialog_get_cancellable (HEARD_DIALOG (self)),
                                 area_mark_saved_cb, g_object_ref (self));
}

/* Says beside the first box that holds more than is kept that it does. */
static gboolean
check_boxes (HeardAreaEditor *self)
{
  GObject *draft = G_OBJECT (self->draft);

  return heard_field_error_check_text (GTK_WIDGET (self->label_row), draft, "label", NULL) &&
         heard_field_error_check_text (GTK_WIDGET (self->goal_own_words_view), draft,
                                       "goal-own-words", _("Their goal, in their own words")) &&
         heard_field_error_check_text (GTK_WIDGET (self->goal_worker_view), draft,
                                       "goal-worker", _("The worker's goal")) &&
         heard_field_error_check_text (GTK_WIDGET (self->worried_view), draft, "worried",
                                       _("What we are worried about")) &&
         heard_field_error_check_text (GTK_WIDGET (self->working_well_view), draft,
                                       "working-well", _("What is working well")) &&
         heard_field_error_check_text (GTK_WIDGET (self->needs_to_happen_view), draft,
                                       "needs-to-happen", _("What needs to happen"));
}

static void
heard_area_editor_save (HeardDialog *dialog)
{
  HeardAreaEditor *self = HEARD_AREA_EDITOR (dialog);
  g_autoptr(GError) error = NULL;

  /* Said at once, without a trip to the store: what one box holds beside it. */
  if (!check_boxes (self))
    {
      heard_dialog_resume_saving (dialog);
      return;
    }

  if (!heard_plan_area_validate (self->draft, &error))
    {
      heard_dialog_finish_saving (dialog, error);
      return;
    }

  heard_case_file_save_area_async (self->case_file, self->draft,
                                   heard_dialog_get_cancellable (dialog), area_saved_cb,
                                   g_object_ref (self));
}

static void
heard_area_editor_dispose (GObject *object)
{
  HeardAreaEditor *self = HEARD_AREA_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_AREA_EDITOR);
  g_clear_object (&self->draft);
  g_clear_object (&self->case_file);

  G_OBJECT_CLASS (heard_area_editor_parent_class)->dispose (object);
}

static void
heard_area_editor_class_init (HeardAreaEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeardDialogClass *dialog_class = HEARD_DIALOG_CLASS (klass);

  object_class->dispose = heard_area_editor_dispose;
  dialog_class->save = heard_area_editor_save;

  g_type_ensure (HEARD_TYPE_LANGUAGE_HINT);
  g_type_ensure (HEARD_TYPE_FOR_THEM_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-area-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardAreaEditor, name_group);
  gtk_widget_class_bind_template_child (widget_class, HeardAreaEditor, label_row);
  gtk_widget_class_bind_template_child (widget_class, HeardAreaEditor, goal_own_words_view);
  gtk_widget_class_bind_template_child (widget_class, HeardAreaEditor, goal_worker_view);
  gtk_widget_class_bind_template_child (widget_class, HeardAreaEditor, area_for_them_row);
  gtk_widget_class_bind_template_child (widget_class, HeardAreaEditor, goal_for_them_row);
  gtk_widget_class_bind_template_child (widget_class, HeardAreaEditor, worried_view);
  gtk_widget_class_bind_template_child (widget_class, HeardAreaEditor, working_well_view);
  gtk_widget_class_bind_template_child (widget_class, HeardAreaEditor, needs_to_happen_view);
}

static void
heard_area_editor_init (HeardAreaEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_accessibility_name_entry_rows (GTK_WIDGET (self));
  /* Staff wording only, through the hints in the template: the young
   * person's own words are never marked. */
}

/* Edits @area, or adds it to its plan when its id is 0. */
HeardAreaEditor *
heard_area_editor_new (GtkWindow     *parent,
                       HeardCaseFile *case_file,
                       HeardPlanArea *area)
{
  HeardAreaEditor *self;
  HeardAreaKind kind;
  GBindingFlags flags = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);
  g_return_val_if_fail (HEARD_IS_PLAN_AREA (area), NULL);

  kind = heard_plan_area_get_kind (area);
  heading = heard_plan_area_get_id (area) == 0
            /* TRANSLATORS: %s is an area of life, e.g. "Add Safety to the Plan" */
            ? g_strdup_printf (_("Add %s to the Plan"), heard_area_kind_label (kind))
            : g_strdup_printf (_("Edit %s"), heard_plan_area_get_text (area, HEARD_AREA_LABEL));

  self = g_object_new (HEARD_TYPE_AREA_EDITOR, "transient-for", parent, "heading", heading, NULL);
  self->case_file = g_object_ref (case_file);
  /* A new area is known by its plan and its area of life. */
  if (heard_plan_area_get_id (area) != 0)
    heard_dialog_keep_drafts (HEARD_DIALOG (self), heard_case_file_get_context (case_file),
                              HEARD_DRAFT_AREA, heard_case_file_get_person_id (case_file),
                              heard_plan_area_get_id (area), 0);
  else
    heard_dialog_keep_drafts (HEARD_DIALOG (self), heard_case_file_get_context (case_file),
                              HEARD_DRAFT_NEW_AREA, heard_case_file_get_person_id (case_file),
                              heard_plan_area_get_plan_id (area), kind);
  self->draft = heard_plan_area_copy (area);
  adw_preferences_group_set_description (self->name_group, heard_area_kind_description (kind));

  g_object_bind_property (self->draft, "label", self->label_row, "text", flags);
  heard_entry_row_limit (self->label_row, G_OBJECT (self->draft), "label");
  g_object_bind_property (self->draft, "goal-own-words",
                          gtk_text_view_get_buffer (self->goal_own_words_view), "text", flags);
  g_object_bind_property (self->draft, "goal-worker",
                          gtk_text_view_get_buffer (self->goal_worker_view), "text", flags);
  g_object_bind_property (self->draft, "worried",
                          gtk_text_view_get_buffer (self->worried_view), "text", flags);
  g_object_bind_property (self->draft, "working-well",
                          gtk_text_view_get_buffer (self->working_well_view), "text", flags);
  g_object_bind_property (self->draft, "needs-to-happen",
                          gtk_text_view_get_buffer (self->needs_to_happen_view), "text", flags);
  g_signal_connect_object (self->draft, "notify", G_CALLBACK (draft_changed_cb), self,
                           G_CONNECT_SWAPPED);
  heard_for_them_row_load (self->area_for_them_row, case_file, HEARD_FOR_THEM_AREA,
                           heard_plan_area_get_id (area));
  heard_for_them_row_load (self->goal_for_them_row, case_file, HEARD_FOR_THEM_WORKER_GOAL,
                           heard_plan_area_get_id (area));
  g_signal_connect_object (self->area_for_them_row, "notify::active",
                           G_CALLBACK (draft_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->goal_for_them_row, "notify::active",
                           G_CALLBACK (draft_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_grab_focus (GTK_WIDGET (self->goal_own_words_view));

  return self;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-agency-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-agency-editor.h"
#include "heard-choice-row.h"
#include "heard-field-error.h"

/*
 * Adds an agency to the directory, or changes one: its name, its type, a
 * named contact and how to reach them. Preferences opens it, and so does
 * every agency picker, so that an agency missing from the directory is
 * added where it is needed. What is wrong with a field is said beside it.
 */

struct _HeardAgencyEditor
{
  HeardDialog           parent_instance;

  HeardContext         *context;
  HeardDirectoryAgency *draft;
  gint64                saved_id;

  AdwEntryRow          *name_row;
  HeardChoiceRow       *type_row;
  AdwEntryRow          *contact_name_row;
  AdwEntryRow          *contact_how_row;
};

G_DEFINE_FINAL_TYPE (HeardAgencyEditor, heard_agency_editor, HEARD_TYPE_DIALOG)

/* The rows of the free-text fields, by field. */
static AdwEntryRow *
text_row (HeardAgencyEditor        *self,
          HeardDirectoryAgencyText  field)
{
  switch (field)
    {
    case HEARD_DIRECTORY_AGENCY_NAME:
      return self->name_row;
    case HEARD_DIRECTORY_AGENCY_CONTACT_NAME:
      return self->contact_name_row;
    case HEARD_DIRECTORY_AGENCY_CONTACT_HOW:
      return self->contact_how_row;
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
changed_cb (HeardAgencyEditor *self)
{
  heard_dialog_set_changed (HEARD_DIALOG (self));
}

static void
agency_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HeardAgencyEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  self->saved_id = heard_context_save_agency_finish (HEARD_CONTEXT (object), result, &error);
  heard_dialog_finish_saving (HEARD_DIALOG (self), error);
}

static void
heard_agency_editor_save (HeardDialog *dialog)
{
  HeardAgencyEditor *self = HEARD_AGENCY_EDITOR (dialog);
  const char *type_code = heard_choice_row_get_chosen_id (self->type_row);
  HeardAgencyType type;

  for (HeardDirectoryAgencyText field = 0; field < HEARD_DIRECTORY_AGENCY_N_TEXTS; field++)
    heard_directory_agency_set_text (self->draft, field,
                                     gtk_editable_get_text (GTK_EDITABLE (text_row (self,
                                                                                    field))));
  if (type_code != NULL && heard_agency_type_from_code (type_code, &type))
    heard_directory_agency_set_agency_type (self->draft, type);

  /* Said at once, beside the field, without a trip to the store. */
  for (HeardDirectoryAgencyText field = 0; field < HEARD_DIRECTORY_AGENCY_N_TEXTS; field++)
    {
      g_autoptr(GError) error = NULL;

      if (!heard_directory_agency_validate_text (self->draft, field, &error))
        {
          heard_field_error_show (GTK_WIDGET (text_row (self, field)), error->message);
          heard_dialog_resume_saving (dialog);
          return;
        }
    }

  heard_context_save_agency_async (self->context, self->draft,
                                   heard_dialog_get_cancellable (dialog), agency_saved_cb,
                                   g_object_ref (self));
}

static void
heard_agency_editor_dispose (GObject *object)
{
  HeardAgencyEditor *self = HEARD_AGENCY_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_AGENCY_EDITOR);
  g_clear_object (&self->draft);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (heard_agency_editor_parent_class)->dispose (object);
}

static void
heard_agency_editor_class_init (HeardAgencyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeardDialogClass *dialog_class = HEARD_DIALOG_CLASS (klass);

  object_class->dispose = heard_agency_editor_dispose;
  dialog_class->save = heard_agency_editor_save;

  g_type_ensure (HEARD_TYPE_CHOICE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-agency-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardAgencyEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, HeardAgencyEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, HeardAgencyEditor, contact_name_row);
  gtk_widget_class_bind_template_child (widget_class, HeardAgencyEditor, contact_how_row);
}

static void
heard_agency_editor_init (HeardAgencyEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *codes[HEARD_AGENCY_N_TYPES + 1] = { NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  for (HeardAgencyType type = 0; type < HEARD_AGENCY_N_TYPES; type++)
    {
      gtk_string_list_append (labels, heard_agency_type_label (type));
      codes[type] = heard_agency_type_to_code (type);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->type_row), G_LIST_MODEL (labels));
  heard_choice_row_set_ids (self->type_row, codes);
  heard_accessibility_name_entry_rows (GTK_WIDGET (self));
  heard_accessibility_name_mnemonics (GTK_WIDGET (self));
}

/* Edits @agency, or adds a new one (a school, to start with) when it is
 * NULL. */
HeardAgencyEditor *
heard_agency_editor_new (GtkWindow            *parent,
                         HeardContext         *context,
                         HeardDirectoryAgency *agency)
{
  HeardAgencyEditor *self;

  g_return_val_if_fail (HEARD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (agency == NULL || HEARD_IS_DIRECTORY_AGENCY (agency), NULL);

  self = g_object_new (HEARD_TYPE_AGENCY_EDITOR, "transient-for", parent,
                       "heading", agency != NULL ? _("Agency") : _("Add an Agency"), NULL);
  self->context = g_object_ref (context);
  self->draft = agency != NULL ? heard_directory_agency_copy (agency)
                               : heard_directory_agency_new (HEARD_AGENCY_TYPE_SCHOOL, NULL);

  for (HeardDirectoryAgencyText field = 0; field < HEARD_DIRECTORY_AGENCY_N_TEXTS; field++)
    {
      GtkEditable *row = GTK_EDITABLE (text_row (self, field));

      gtk_editable_set_text (row, heard_directory_agency_get_text (self->draft, field));
      g_signal_connect_object (row, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
    }
  heard_choice_row_choose_id (self->type_row, heard_agency_type_to_code (
                                heard_directory_agency_get_agency_type (self->draft)));
  g_signal_connect_object (self->type_row, "notify::selected", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}

/* The id of the agency once saved (the "saved" signal), else 0. */
gint64
heard_agency_editor_get_saved_id (HeardAgencyEditor *self)
{
  g_return_val_if_fail (HEARD_IS_AGENCY_EDITOR (self), 0);

  return self->saved_id;
}

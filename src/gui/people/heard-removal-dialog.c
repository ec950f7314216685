/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-removal-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-removal-dialog.h"

/*
 * Removing a young person's record, which is only for a record made by
 * mistake: the dialog names them, says that nothing is deleted and where
 * the record can be restored, and asks why (a duplicate, the wrong person,
 * or in the worker's own words). While the case file's rules refuse (an
 * active plan, anything still open) it says so, points to closing the plan
 * instead and offers no removal; the case file refuses the same way, so no
 * path goes round this dialog.
 */

struct _HeardRemovalDialog
{
  HeardDialog          parent_instance;

  HeardCaseFile       *case_file;

  GtkLabel            *intro_label;
  GtkWidget           *refusal_group;
  GtkLabel            *refusal_label;
  GtkWidget           *reason_group;
  GtkCheckButton      *duplicate_check;
  GtkCheckButton      *wrong_person_check;
  GtkCheckButton      *other_check;
  GtkLabel            *reason_error_label;
  GtkWidget           *note_group;
  AdwEntryRow         *note_row;
};

G_DEFINE_FINAL_TYPE (HeardRemovalDialog, heard_removal_dialog, HEARD_TYPE_DIALOG)

static HeardRemovalReason
get_reason (HeardRemovalDialog *self)
{
  if (gtk_check_button_get_active (self->duplicate_check))
    return HEARD_REMOVAL_REASON_DUPLICATE;
  if (gtk_check_button_get_active (self->wrong_person_check))
    return HEARD_REMOVAL_REASON_WRONG_PERSON;
  if (gtk_check_button_get_active (self->other_check))
    return HEARD_REMOVAL_REASON_OTHER;

  return HEARD_REMOVAL_REASON_NONE;
}

/* Says beside the reason what is missing (or nothing, for NULL), linked so
 * that a screen reader reads it with the choices. */
static void
show_reason_error (HeardRemovalDialog *self,
                   const char         *message)
{
  GtkWidget *checks[] = {
    GTK_WIDGET (self->duplicate_check), GTK_WIDGET (self->wrong_person_check),
    GTK_WIDGET (self->other_check), GTK_WIDGET (self->note_row),
  };

  gtk_label_set_text (self->reason_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reason_error_label), message != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      if (message != NULL)
        {
          gtk_widget_add_css_class (checks[i], "error");
          gtk_accessible_update_relation (GTK_ACCESSIBLE (checks[i]),
                                          GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE,
                                          self->reason_error_label, -1);
        }
      else
        {
          gtk_widget_remove_css_class (checks[i], "error");
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (checks[i]),
                                         GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE);
        }
      gtk_accessible_update_state (GTK_ACCESSIBLE (checks[i]), GTK_ACCESSIBLE_STATE_INVALID,
                                   message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE
                                                   : GTK_ACCESSIBLE_INVALID_FALSE, -1);
    }
}

/* Follows the case file: while its rules refuse, the dialog says why and
 * offers no removal. */
static void
update_allowed (HeardRemovalDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean allowed = heard_case_file_check_removal (self->case_file, &error);
  /* Still reading: the question stays, and Remove waits until it is known. */
  gboolean refused = !allowed && !g_error_matches (error, HEARD_REMOVAL_ERROR,
                                                   HEARD_REMOVAL_ERROR_NOT_READY);

  gtk_label_set_text (self->refusal_label, refused ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->intro_label), !refused);
  gtk_widget_set_visible (self->refusal_group, refused);
  gtk_widget_set_visible (self->reason_group, !refused);
  gtk_widget_set_visible (self->note_group, !refused);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", allowed);
}

static void
changed_cb (HeardRemovalDialog *self)
{
  show_reason_error (self, NULL);
  heard_dialog_set_changed (HEARD_DIALOG (self));
}

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HeardRemovalDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error);
  /* Refused meanwhile (a plan signed off elsewhere): say why, as before. */
  if (g_error_matches (error, HEARD_REMOVAL_ERROR, HEARD_REMOVAL_ERROR_ACTIVE_PLAN) ||
      g_error_matches (error, HEARD_REMOVAL_ERROR, HEARD_REMOVAL_ERROR_OPEN_ITEMS))
    update_allowed (self);
  heard_dialog_finish_saving (HEARD_DIALOG (self), error);
}

static void
heard_removal_dialog_save (HeardDialog *dialog)
{
  HeardRemovalDialog *self = HEARD_REMOVAL_DIALOG (dialog);
  HeardRemovalReason reason = get_reason (self);
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  g_autoptr(GError) error = NULL;

  if (!heard_removal_rules_check_reason (reason, note, &error))
    {
      show_reason_error (self, error->message);
      if (reason == HEARD_REMOVAL_REASON_NONE)
        gtk_widget_grab_focus (GTK_WIDGET (self->duplicate_check));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->note_row));
      heard_dialog_resume_saving (dialog);
      return;
    }

  heard_case_file_remove_async (self->case_file, reason, note,
                                heard_dialog_get_cancellable (dialog), removed_cb,
                                g_object_ref (self));
}

static void
heard_removal_dialog_dispose (GObject *object)
{
  HeardRemovalDialog *self = HEARD_REMOVAL_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), HEARD_TYPE_REMOVAL_DIALOG);
  g_clear_object (&self->case_file);

  G_OBJECT_CLASS (heard_removal_dialog_parent_class)->dispose (object);
}

static void
heard_removal_dialog_class_init (HeardRemovalDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeardDialogClass *dialog_class = HEARD_DIALOG_CLASS (klass);

  object_class->dispose = heard_removal_dialog_dispose;
  dialog_class->save = heard_removal_dialog_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-removal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardRemovalDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, HeardRemovalDialog, refusal_group);
  gtk_widget_class_bind_template_child (widget_class, HeardRemovalDialog, refusal_label);
  gtk_widget_class_bind_template_child (widget_class, HeardRemovalDialog, reason_group);
  gtk_widget_class_bind_template_child (widget_class, HeardRemovalDialog, duplicate_check);
  gtk_widget_class_bind_template_child (widget_class, HeardRemovalDialog, wrong_person_check);
  gtk_widget_class_bind_template_child (widget_class, HeardRemovalDialog, other_check);
  gtk_widget_class_bind_template_child (widget_class, HeardRemovalDialog, reason_error_label);
  gtk_widget_class_bind_template_child (widget_class, HeardRemovalDialog, note_group);
  gtk_widget_class_bind_template_child (widget_class, HeardRemovalDialog, note_row);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
heard_removal_dialog_init (HeardRemovalDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_accessibility_name_entry_rows (GTK_WIDGET (self));
}

/* Asks why @case_file's young person's record is being removed, and
 * removes it; "saved" once it is. */
HeardRemovalDialog *
heard_removal_dialog_new (GtkWindow     *parent,
                          HeardCaseFile *case_file)
{
  HeardRemovalDialog *self;
  g_autofree char *intro = NULL;
  const char *name;

  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);

  name = heard_person_get_display_name (heard_case_file_get_person (case_file));
  self = g_object_new (HEARD_TYPE_REMOVAL_DIALOG, "transient-for", parent,
                       "heading", _("Remove Record Made by Mistake"), NULL);
  self->case_file = g_object_ref (case_file);
  heard_dialog_keep_drafts (HEARD_DIALOG (self), heard_case_file_get_context (case_file),
                            HEARD_DRAFT_REMOVAL, heard_case_file_get_person_id (case_file), 0, 0);

  /* TRANSLATORS: %s is the young person's name. */
  intro = g_strdup_printf (_("%s’s record will leave the list of young people. Nothing in it "
                             "is deleted, and it can be restored from Removed Records in the "
                             "main menu.\n\nRemove a record only when it was made by mistake. "
                             "To end the work with a young person, close their plan instead."),
                           name);
  gtk_label_set_text (self->intro_label, intro);

  g_signal_connect_object (heard_case_file_get_plans (case_file), "items-changed",
                           G_CALLBACK (update_allowed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (heard_case_file_get_open_items (case_file), "items-changed",
                           G_CALLBACK (update_allowed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (case_file, "notify::loading", G_CALLBACK (update_allowed), self,
                           G_CONNECT_SWAPPED);
  update_allowed (self);

  return self;
}

/* The young person whose record this removes. */
HeardPerson *
heard_removal_dialog_get_person (HeardRemovalDialog *self)
{
  g_return_val_if_fail (HEARD_IS_REMOVAL_DIALOG (self), NULL);

  return heard_case_file_get_person (self->case_file);
}

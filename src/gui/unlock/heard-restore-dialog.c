/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-restore-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-backup-summary.h"
#include "heard-date.h"
#include "heard-field-error.h"
#include "heard-recovery-code-entry.h"
#include "heard-restore-dialog-private.h"
#include "heard-widgets.h"

/*
 * Bringing records back from a backup, from the unlock screen or from
 * Preferences, in the order a person needs it: choose the file, give the
 * recovery code only if this computer's keyring does not hold its key,
 * see what the backup holds and how old it is, then Restore. Restoring
 * never deletes anything: the records here now are moved aside and kept,
 * which the dialog says before and names after. What goes wrong is said
 * beside the file or the code it concerns, and changes nothing.
 */

/* The name Heard gives its backups (heard-backup.c writes them). */
#define BACKUP_PATTERN "*.heardbackup"

struct _HeardRestoreDialog
{
  HeardDialog         parent_instance;

  HeardContext       *context;
  GtkFileChooserNative *chooser;
  char               *path;
  /* What the chosen file holds, once read; NULL before. */
  HeardBackupSummary *summary;
  gboolean            needs_code;
  gboolean            restoring;

  AdwActionRow       *file_row;
  GtkWidget          *busy_box;
  GtkSpinner         *spinner;
  GtkLabel           *busy_label;
  GtkWidget          *code_group;
  GtkEntry           *code_entry;
  GtkWidget          *summary_group;
  AdwActionRow       *made_row;
  AdwActionRow       *people_row;
  AdwActionRow       *statements_row;
  AdwActionRow       *newest_row;
  GtkWidget          *older_box;
  GtkLabel           *older_label;
  GtkLabel           *kept_label;
};

G_DEFINE_FINAL_TYPE (HeardRestoreDialog, heard_restore_dialog, HEARD_TYPE_DIALOG)

static void
set_busy (HeardRestoreDialog *self,
          const char         *doing)
{
  gtk_label_set_text (self->busy_label, doing != NULL ? doing : "");
  gtk_widget_set_visible (self->busy_box, doing != NULL);
  gtk_spinner_set_spinning (self->spinner, doing != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "restore.choose-file", doing == NULL);
}

/* The header button says what it does next. */
static void
update_save_label (HeardRestoreDialog *self)
{
  g_object_set (self, "save-label",
                self->needs_code && self->summary == NULL ? _("_Continue")
                                                          : C_("verb", "_Restore"),
                NULL);
}

static gboolean
made_today (GDateTime *created)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (created);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (local) == g_date_time_get_year (now) &&
         g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now);
}

static void
show_summary (HeardRestoreDialog *self)
{
  const HeardBackupSummary *summary = self->summary;
  g_autoptr(GDateTime) created = g_date_time_to_local (summary->created);
  g_autofree char *made = heard_date_format_moment (created);
  g_autofree char *people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u young person",
                                                          "%u young people",
                                                          summary->n_people),
                                             summary->n_people);
  g_autofree char *statements = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u statement",
                                                              "%u statements",
                                                              summary->n_statements),
                                                 summary->n_statements);
  g_autofree char *newest = NULL;
  g_autofree char *older = NULL;
  g_autofree char *kept = NULL;

  if (summary->newest_change != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (summary->newest_change);

      newest = heard_date_format_moment (local);
    }

  adw_action_row_set_subtitle (self->made_row, made);
  adw_action_row_set_subtitle (self->people_row, people);
  adw_action_row_set_subtitle (self->statements_row, statements);
  adw_action_row_set_subtitle (self->newest_row, newest != NULL ? newest : _("No changes yet"));

  /* Anything newer than the backup stays in the records moved aside. */
  older = g_strdup_printf (_("Changes made after %s are not in this backup. They stay in the "
                             "records moved aside."), made);
  gtk_label_set_text (self->older_label, older);
  gtk_widget_set_visible (self->older_box, !made_today (summary->created));

  if (heard_context_get_records_exist (self->context))
    {
      g_autofree char *parent = g_path_get_dirname (heard_context_get_data_dir (self->context));

      kept = g_strdup_printf (_("Nothing is deleted. The records on this computer now are "
                                "moved aside into a new folder in “%s” and kept there, "
                                "untouched, and the backup’s records open in their place."),
                              parent);
    }
  else
    kept = g_strdup (_("There are no records on this computer yet: the backup’s records "
                       "become them."));
  gtk_label_set_text (self->kept_label, kept);

  /* The code has opened the backup: what it holds takes its place. The
   * code is kept for the restore itself. */
  gtk_widget_set_visible (self->code_group, FALSE);
  gtk_widget_set_visible (self->summary_group, TRUE);
  update_save_label (self);
}

static void
forget_backup (HeardRestoreDialog *self)
{
  g_clear_pointer (&self->summary, heard_backup_summary_free);
  self->needs_code = FALSE;
  gtk_widget_set_visible (self->summary_group, FALSE);
  gtk_widget_set_visible (self->code_group, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->code_entry), "");
  heard_field_error_clear (GTK_WIDGET (self->file_row));
  heard_field_error_clear (GTK_WIDGET (self->code_entry));
  update_save_label (self);
}

/* What went wrong, kindly, beside what it concerns: the file or the code.
 * Returns FALSE for what no field owns. */
static gboolean
show_problem (HeardRestoreDialog *self,
              const GError       *error)
{
  GtkWidget *field = GTK_WIDGET (self->file_row);
  const char *message;

  if (error->domain != HEARD_BACKUP_ERROR)
    return FALSE;

  switch ((HeardBackupError) error->code)
    {
    case HEARD_BACKUP_ERROR_NOT_A_BACKUP:
      message = _("This file is not a Heard backup. Choose a file Heard made in your backup "
                  "folder. Nothing has been changed.");
      break;

    case HEARD_BACKUP_ERROR_TAMPERED:
      message = _("This backup has been changed or damaged since Heard made it, so it cannot "
                  "be trusted and will not be restored. Nothing has been changed. Try an "
                  "older backup.");
      break;

    case HEARD_BACKUP_ERROR_TOO_NEW:
      message = _("This backup was made by a newer version of Heard. Update Heard on this "
                  "computer, then try again. Nothing has been changed.");
      break;

    case HEARD_BACKUP_ERROR_IN_USE:
      message = _("These records are open in another Heard window or program. Close it, "
                  "then try again. Nothing has been changed.");
      break;

    case HEARD_BACKUP_ERROR_WRONG_KEY:
      field = GTK_WIDGET (self->code_entry);
      message = _("That recovery code does not open this backup. Check it against the one "
                  "your organisation kept, and try again. Nothing has been changed.");
      break;

    case HEARD_BACKUP_ERROR_NEEDS_KEY:
    case HEARD_BACKUP_ERROR_FOLDER:
    case HEARD_BACKUP_ERROR_DISK_FULL:
    case HEARD_BACKUP_ERROR_VERIFY_FAILED:
    default:
      return FALSE;
    }

  heard_field_error_show (field, message);
  return TRUE;
}

static void
inspected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HeardRestoreDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  HeardBackupSummary *summary;

  summary = heard_context_inspect_backup_finish (HEARD_CONTEXT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, NULL);
  heard_dialog_resume_saving (HEARD_DIALOG (self));

  if (summary != NULL)
    {
      self->summary = summary;
      show_summary (self);
      return;
    }

  if (g_error_matches (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_NEEDS_KEY))
    {
      /* Only now is the code asked for: most backups open without it. */
      self->needs_code = TRUE;
      gtk_widget_set_visible (self->code_group, TRUE);
      update_save_label (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));
      return;
    }

  if (!show_problem (self, error))
    heard_dialog_show_error (HEARD_DIALOG (self), error->message);
}

static const char *
get_code (HeardRestoreDialog *self)
{
  return self->needs_code ? gtk_editable_get_text (GTK_EDITABLE (self->code_entry)) : NULL;
}

static void
inspect (HeardRestoreDialog *self)
{
  heard_dialog_show_error (HEARD_DIALOG (self), NULL);
  set_busy (self, _("Checking the backup…"));
  heard_context_inspect_backup_async (self->context, self->path, get_code (self),
                                      heard_dialog_get_cancellable (HEARD_DIALOG (self)),
                                      inspected_cb, g_object_ref (self));
}

static void
file_chosen_cb (HeardRestoreDialog   *self,
                int                   response,
                GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && g_file_peek_path (file) != NULL)
    _heard_restore_dialog_choose_file (self, g_file_peek_path (file));
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HeardRestoreDialog *self = HEARD_RESTORE_DIALOG (widget);
  g_autoptr(GtkFileFilter) backups = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) everything = gtk_file_filter_new ();

  if (self->chooser == NULL)
    {
      self->chooser = gtk_file_chooser_native_new (_("Choose a Backup"), GTK_WINDOW (self),
                                                   GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                                   _("_Cancel"));
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
      gtk_file_filter_set_name (backups, _("Heard backups"));
      gtk_file_filter_add_pattern (backups, BACKUP_PATTERN);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), backups);
      gtk_file_filter_set_name (everything, _("All files"));
      gtk_file_filter_add_pattern (everything, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), everything);
      g_signal_connect_object (self->chooser, "response", G_CALLBACK (file_chosen_cb), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The last word: where the records that were here are kept. */
static void
say_restored (HeardRestoreDialog *self,
              const char         *moved_aside)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (moved_aside != NULL)
    body = g_strdup_printf (_("The records from the backup are in place. The records that "
                              "were on this computer before are kept, untouched, in “%s”."),
                            moved_aside);
  else
    body = g_strdup (_("The records from the backup are in place."));

  dialog = adw_message_dialog_new (parent, _("Backup Restored"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HeardRestoreDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *moved_aside = NULL;

  moved_aside = heard_context_restore_backup_finish (HEARD_CONTEXT (object), result, &error);
  self->restoring = FALSE;
  set_busy (self, NULL);

  if (error != NULL)
    {
      if (show_problem (self, error))
        heard_dialog_resume_saving (HEARD_DIALOG (self));
      else
        heard_dialog_finish_saving (HEARD_DIALOG (self), error);
      return;
    }

  /* The code has done its job: nothing of it stays behind. */
  gtk_editable_set_text (GTK_EDITABLE (self->code_entry), "");
  say_restored (self, moved_aside);
  heard_dialog_finish_saving (HEARD_DIALOG (self), NULL);
}

static void
heard_restore_dialog_save (HeardDialog *dialog)
{
  HeardRestoreDialog *self = HEARD_RESTORE_DIALOG (dialog);

  if (self->path == NULL)
    {
      heard_field_error_show (GTK_WIDGET (self->file_row),
                              _("Choose the backup to restore first."));
      heard_dialog_resume_saving (dialog);
      return;
    }

  /* With the code typed, the backup is read again before anything is
   * restored, so what it holds is seen first. */
  if (self->summary == NULL)
    {
      inspect (self);
      return;
    }

  self->restoring = TRUE;
  set_busy (self, _("Restoring… The records here are being moved aside first."));
  heard_context_restore_backup_async (self->context, self->path, get_code (self),
                                      NULL, restored_cb, g_object_ref (self));
}

/* A restore under way finishes with the dialog in view. */
static gboolean
heard_restore_dialog_close_request (GtkWindow *window)
{
  if (HEARD_RESTORE_DIALOG (window)->restoring)
    return TRUE;

  return GTK_WINDOW_CLASS (heard_restore_dialog_parent_class)->close_request (window);
}

static void
heard_restore_dialog_dispose (GObject *object)
{
  HeardRestoreDialog *self = HEARD_RESTORE_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  /* What is said beside the file sits in its list: taken away while the
   * list is whole. */
  if (self->file_row != NULL)
    heard_field_error_clear (GTK_WIDGET (self->file_row));
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_RESTORE_DIALOG);
  g_clear_object (&self->context);
  g_clear_pointer (&self->summary, heard_backup_summary_free);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (heard_restore_dialog_parent_class)->dispose (object);
}

static void
heard_restore_dialog_class_init (HeardRestoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  HeardDialogClass *dialog_class = HEARD_DIALOG_CLASS (klass);

  object_class->dispose = heard_restore_dialog_dispose;
  window_class->close_request = heard_restore_dialog_close_request;
  dialog_class->save = heard_restore_dialog_save;

  g_type_ensure (HEARD_TYPE_RECOVERY_CODE_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/heard-restore-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardRestoreDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, HeardRestoreDialog, busy_box);
  gtk_widget_class_bind_template_child (widget_class, HeardRestoreDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, HeardRestoreDialog, busy_label);
  gtk_widget_class_bind_template_child (widget_class, HeardRestoreDialog, code_group);
  gtk_widget_class_bind_template_child (widget_class, HeardRestoreDialog, code_entry);
  gtk_widget_class_bind_template_child (widget_class, HeardRestoreDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, HeardRestoreDialog, made_row);
  gtk_widget_class_bind_template_child (widget_class, HeardRestoreDialog, people_row);
  gtk_widget_class_bind_template_child (widget_class, HeardRestoreDialog, statements_row);
  gtk_widget_class_bind_template_child (widget_class, HeardRestoreDialog, newest_row);
  gtk_widget_class_bind_template_child (widget_class, HeardRestoreDialog, older_box);
  gtk_widget_class_bind_template_child (widget_class, HeardRestoreDialog, older_label);
  gtk_widget_class_bind_template_child (widget_class, HeardRestoreDialog, kept_label);

  gtk_widget_class_install_action (widget_class, "restore.choose-file", NULL,
                                   choose_file_action);
}

static void
heard_restore_dialog_init (HeardRestoreDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_accessibility_name_mnemonics (GTK_WIDGET (self));
}

/* Restores a backup into the records of @context, which are locked,
 * replaced and opened again; @context need not be open. */
HeardRestoreDialog *
heard_restore_dialog_new (GtkWindow    *parent,
                          HeardContext *context)
{
  HeardRestoreDialog *self;

  g_return_val_if_fail (HEARD_IS_CONTEXT (context), NULL);

  self = g_object_new (HEARD_TYPE_RESTORE_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  gtk_widget_grab_focus (GTK_WIDGET (self->file_row));

  return self;
}

/* The backup at @path was chosen: it is read at once. */
void
_heard_restore_dialog_choose_file (HeardRestoreDialog *self,
                                   const char         *path)
{
  g_autofree char *name = g_path_get_basename (path);

  forget_backup (self);
  g_free (self->path);
  self->path = g_strdup (path);
  adw_action_row_set_subtitle (self->file_row, name);
  inspect (self);
}

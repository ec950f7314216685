/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-backup-group"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-backup-group.h"
#include "heard-backup-service.h"
#include "heard-restore-dialog.h"

/*
 * Backups, in Preferences: the folder they go to, how old the last one
 * is, Back Up Now (which becomes its progress and a Cancel button while a
 * backup runs, whoever started it), why the last attempt failed, and the
 * way to restore one. Everything shown follows the context's backup
 * service, which does the work; this group only asks. Practice records
 * are never backed up, and the group says so instead.
 */

struct _HeardBackupGroup
{
  AdwPreferencesGroup   parent_instance;

  HeardContext         *context;
  HeardBackupService   *backups;
  GtkFileChooserNative *chooser;

  AdwActionRow         *folder_row;
  AdwActionRow         *status_row;
  GtkStack             *now_stack;
  GtkWidget            *now_button;
  GtkProgressBar       *progress_bar;
  GtkWidget            *cancel_button;
  AdwActionRow         *restore_row;
  GtkRevealer          *problem_revealer;
  GtkLabel             *problem_label;
};

G_DEFINE_FINAL_TYPE (HeardBackupGroup, heard_backup_group, ADW_TYPE_PREFERENCES_GROUP)

static void
update (HeardBackupGroup *self)
{
  g_autofree char *folder = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *status = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gboolean running = FALSE;
  gboolean was_running = g_strcmp0 (gtk_stack_get_visible_child_name (self->now_stack),
                                    "running") == 0;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  g_object_get (self->backups, "folder", &folder, "problem", &problem, "running", &running,
                NULL);
  status = heard_backup_service_dup_status (self->backups, now, NULL);

  adw_action_row_set_subtitle (self->folder_row, folder != NULL ? folder
                                                                : _("None chosen yet"));
  adw_action_row_set_subtitle (self->status_row, status != NULL ? status : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.back-up-now",
                                 folder != NULL && !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.cancel", running);

  if (problem != NULL)
    gtk_label_set_text (self->problem_label, problem);
  gtk_revealer_set_reveal_child (self->problem_revealer, problem != NULL);

  if (running != was_running)
    {
      gtk_stack_set_visible_child_name (self->now_stack, running ? "running" : "idle");
      /* The button pressed has gone: the keyboard goes to the one in its place. */
      if (focus != NULL && (focus == self->now_button || focus == self->cancel_button))
        gtk_widget_grab_focus (running ? self->cancel_button : self->now_button);
    }
}

static void
backed_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HeardBackupGroup) self = user_data;
  g_autoptr(HeardBackupSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  /* A failure is the service's "problem", shown beside the group. */
  summary = heard_backup_service_back_up_now_finish (HEARD_BACKUP_SERVICE (object), result,
                                                     &error);
}

static void
back_up_now_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HeardBackupGroup *self = HEARD_BACKUP_GROUP (widget);

  heard_backup_service_back_up_now_async (self->backups, NULL, backed_up_cb,
                                          g_object_ref (self));
}

/* Stops the backup running, the daily one too; the old backups stay as
 * they were. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HeardBackupGroup *self = HEARD_BACKUP_GROUP (widget);

  heard_backup_service_cancel (self->backups);
}

static void
folder_chosen_cb (HeardBackupGroup     *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) folder = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (folder != NULL && g_file_peek_path (folder) != NULL)
    g_object_set (self->backups, "folder", g_file_peek_path (folder), NULL);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HeardBackupGroup *self = HEARD_BACKUP_GROUP (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->chooser == NULL)
    {
      self->chooser = gtk_file_chooser_native_new (_("Choose a Backup Folder"),
                                                   GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                        : NULL,
                                                   GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                                   _("_Choose"), _("_Cancel"));
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
      g_signal_connect_object (self->chooser, "response", G_CALLBACK (folder_chosen_cb), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Restoring replaces the records Preferences shows: Preferences closes,
 * and the restore is asked over the main window. */
static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HeardBackupGroup *self = HEARD_BACKUP_GROUP (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *parent = GTK_IS_WINDOW (root) ? gtk_window_get_transient_for (GTK_WINDOW (root))
                                           : NULL;
  HeardRestoreDialog *dialog = heard_restore_dialog_new (parent, self->context);

  if (GTK_IS_WINDOW (root))
    gtk_window_close (GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Lets go of the records' backups, and of the records, once Preferences
 * has closed; libadwaita 1.2 may keep a closed window's groups alive a
 * while longer, and they must not keep the records from closing. A
 * backup started here goes on: it is the service's. */
static void
let_go (HeardBackupGroup *self)
{
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->backups != NULL)
    g_signal_handlers_disconnect_by_data (self->backups, self);
  g_clear_object (&self->backups);
  g_clear_object (&self->context);
}

static void
heard_backup_group_unroot (GtkWidget *widget)
{
  let_go (HEARD_BACKUP_GROUP (widget));

  GTK_WIDGET_CLASS (heard_backup_group_parent_class)->unroot (widget);
}

static void
heard_backup_group_dispose (GObject *object)
{
  HeardBackupGroup *self = HEARD_BACKUP_GROUP (object);

  let_go (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_BACKUP_GROUP);

  G_OBJECT_CLASS (heard_backup_group_parent_class)->dispose (object);
}

static void
heard_backup_group_class_init (HeardBackupGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_backup_group_dispose;
  widget_class->unroot = heard_backup_group_unroot;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/heard-backup-group.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardBackupGroup, folder_row);
  gtk_widget_class_bind_template_child (widget_class, HeardBackupGroup, status_row);
  gtk_widget_class_bind_template_child (widget_class, HeardBackupGroup, now_stack);
  gtk_widget_class_bind_template_child (widget_class, HeardBackupGroup, now_button);
  gtk_widget_class_bind_template_child (widget_class, HeardBackupGroup, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HeardBackupGroup, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HeardBackupGroup, restore_row);
  gtk_widget_class_bind_template_child (widget_class, HeardBackupGroup, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, HeardBackupGroup, problem_label);

  gtk_widget_class_install_action (widget_class, "backups.choose-folder", NULL,
                                   choose_folder_action);
  gtk_widget_class_install_action (widget_class, "backups.back-up-now", NULL,
                                   back_up_now_action);
  gtk_widget_class_install_action (widget_class, "backups.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "backups.restore", NULL, restore_action);
}

static void
heard_backup_group_init (HeardBackupGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_accessibility_name_mnemonics (GTK_WIDGET (self));
}

/* Shows the backups of @context's records from now on. */
void
heard_backup_group_set_context (HeardBackupGroup *self,
                                HeardContext     *context)
{
  g_return_if_fail (HEARD_IS_BACKUP_GROUP (self));
  g_return_if_fail (HEARD_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);

  if (heard_context_get_practice (context))
    {
      /* Nothing of a practice set ever goes near the backup folder. */
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                             _("Practice records are never backed up."));
      gtk_widget_set_visible (GTK_WIDGET (self->folder_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->status_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->restore_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_revealer), FALSE);
      return;
    }

  self->backups = g_object_ref (heard_context_get_backups (context));
  /* Any of the service's properties may change what the group shows. */
  g_signal_connect_object (self->backups, "notify", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_object_bind_property (self->backups, "fraction", self->progress_bar, "fraction",
                          G_BINDING_SYNC_CREATE);
  update (self);
}

/* The keyboard goes to the group's first control, as when Preferences
 * opens on it from the caseload overview. */
void
heard_backup_group_focus (HeardBackupGroup *self)
{
  g_return_if_fail (HEARD_IS_BACKUP_GROUP (self));

  if (!gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

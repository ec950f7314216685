/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-backup-service"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-backup.h"
#include "heard-backup-service-private.h"
#include "heard-backup-service.h"

/*
 * HeardBackupService keeps backups happening without anyone thinking of
 * them: the folder chosen for them (kept in backup.ini in the records
 * folder, so that each set of records has its own and a practice set has
 * none), a backup a day while the records are open and one on quit when
 * the last is older than a day, the old ones pruned after each, and a
 * status the overview can show. The writing itself is heard-backup.c's.
 * Locking takes the records away: a running backup is cancelled (the
 * engine leaves the old ones as they were) and one that is due waits for
 * the next unlock, saying so.
 */

#define SETTINGS_FILE "backup.ini"
#define SETTINGS_GROUP "backup"
/* How often a due backup is looked for while Heard runs. */
#define CHECK_INTERVAL_SECONDS (60 * 60)

struct _HeardBackupService
{
  GObject       parent_instance;

  char         *data_dir;
  char         *folder;
  GDateTime    *last_backup;
  char         *problem;
  double        fraction;
  gboolean      running;
  gboolean      waiting_for_unlock;
  gboolean      practice;
  /* Set once backup.ini has been read (or found missing). */
  gboolean      settings_loaded;
  /* backup.ini is being written; write it again when that is over. */
  gboolean      saving;
  gboolean      save_again;

  /* The open records, while unlocked. */
  HeardStore   *store;
  HeardKey     *key;
  char         *uuid;

  /* The backup running now: cancelled by a lock or by whoever asked for
   * it, through their own cancellable. */
  GCancellable *run_cancellable;
  GCancellable *caller_cancellable;
  gulong        caller_cancelled_id;
  gboolean      cancelled_by_lock;
  /* Those waiting for the running backup to end (GTask), the first being
   * the one that asked for it, if anyone did. */
  GPtrArray    *waiting_tasks;
  guint         check_source;
};

G_DEFINE_FINAL_TYPE (HeardBackupService, heard_backup_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_LAST_BACKUP,
  PROP_RUNNING,
  PROP_FRACTION,
  PROP_PROBLEM,
  PROP_WAITING_FOR_UNLOCK,
  PROP_PRACTICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void run_backup (HeardBackupService *self,
                        GTask              *task);

static void
set_boolean (HeardBackupService *self,
             gboolean           *field,
             gboolean            value,
             guint               prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_problem (HeardBackupService *self,
             const char         *problem)
{
  if (g_strcmp0 (self->problem, problem) == 0)
    return;
  g_free (self->problem);
  self->problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

static void
set_fraction (HeardBackupService *self,
              double              fraction)
{
  if (self->fraction == fraction)
    return;
  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

/* Takes @last if it is newer than what is known. */
static gboolean
note_last_backup (HeardBackupService *self,
                  GDateTime          *last)
{
  if (last == NULL ||
      (self->last_backup != NULL && g_date_time_compare (last, self->last_backup) <= 0))
    return FALSE;

  g_clear_pointer (&self->last_backup, g_date_time_unref);
  self->last_backup = g_date_time_ref (last);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_BACKUP]);
  return TRUE;
}

static void
forget_last_backup (HeardBackupService *self)
{
  if (self->last_backup == NULL)
    return;

  g_clear_pointer (&self->last_backup, g_date_time_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_BACKUP]);
}

static GFile *
settings_file (HeardBackupService *self)
{
  g_autofree char *path = g_build_filename (self->data_dir, SETTINGS_FILE, NULL);

  return g_file_new_for_path (path);
}

static void save_settings (HeardBackupService *self);

static void
settings_saved_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HeardBackupService) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_warning ("Could not keep the backup settings: %s", error->message);

  self->saving = FALSE;
  if (self->save_again)
    save_settings (self);
}

/* Writes backup.ini off the main thread, one write at a time. */
static void
save_settings (HeardBackupService *self)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GFile) file = NULL;
  char *text;
  gsize length;

  if (self->saving)
    {
      self->save_again = TRUE;
      return;
    }

  if (self->folder != NULL)
    g_key_file_set_string (key_file, SETTINGS_GROUP, "folder", self->folder);
  if (self->last_backup != NULL)
    {
      g_autofree char *when = g_date_time_format_iso8601 (self->last_backup);

      g_key_file_set_string (key_file, SETTINGS_GROUP, "last-backup", when);
    }

  text = g_key_file_to_data (key_file, &length, NULL);
  contents = g_bytes_new_take (text, length);
  file = settings_file (self);
  self->saving = TRUE;
  self->save_again = FALSE;
  g_file_replace_contents_bytes_async (file, contents, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                       NULL, settings_saved_cb, g_object_ref (self));
}

static gboolean
is_attached (HeardBackupService *self)
{
  return self->store != NULL;
}

/* A backup that is due runs now if the records are open, or waits for the
 * next unlock and says so. */
static void
back_up_if_due (HeardBackupService *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (!_heard_backup_service_is_due (self, now))
    return;

  if (is_attached (self))
    run_backup (self, NULL);
  else
    set_boolean (self, &self->waiting_for_unlock, TRUE, PROP_WAITING_FOR_UNLOCK);
}

static void
newest_found_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HeardBackupService) self = user_data;
  g_autoptr(HeardBackupSummary) newest = NULL;
  g_autoptr(GError) error = NULL;

  newest = heard_backup_find_newest_finish (result, &error);
  /* An unplugged drive is not a problem until a backup is due. */
  if (newest != NULL && note_last_backup (self, newest->created))
    save_settings (self);

  back_up_if_due (self);
}

/* What the folder holds may be newer than what this folder's note says
 * (records restored on a new machine, backups made by heard-cli). */
static void
look_in_folder (HeardBackupService *self)
{
  if (!is_attached (self) || self->folder == NULL || self->practice || !self->settings_loaded)
    return;

  heard_backup_find_newest_async (self->folder, self->uuid, NULL, newest_found_cb,
                                  g_object_ref (self));
}

static void
settings_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(HeardBackupService) self = user_data;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  self->settings_loaded = TRUE;
  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_warning ("Could not read the backup settings: %s", error->message);
    }
  else if (!g_key_file_load_from_data (key_file, contents, length, G_KEY_FILE_NONE, &error))
    g_warning ("The backup settings could not be read: %s", error->message);
  else
    {
      g_autofree char *folder = g_key_file_get_string (key_file, SETTINGS_GROUP, "folder", NULL);
      g_autofree char *when = g_key_file_get_string (key_file, SETTINGS_GROUP, "last-backup",
                                                     NULL);
      g_autoptr(GDateTime) last = when != NULL ? g_date_time_new_from_iso8601 (when, NULL) : NULL;

      /* A folder chosen while the file was read wins. */
      if (self->folder == NULL && folder != NULL)
        {
          self->folder = g_steal_pointer (&folder);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDER]);
        }
      note_last_backup (self, last);
    }

  look_in_folder (self);
}

static void
load_settings (HeardBackupService *self)
{
  g_autoptr(GFile) file = settings_file (self);

  self->settings_loaded = FALSE;
  g_file_load_contents_async (file, NULL, settings_loaded_cb, g_object_ref (self));
}

static gboolean
check_due_cb (gpointer user_data)
{
  back_up_if_due (user_data);
  return G_SOURCE_CONTINUE;
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  set_fraction (user_data, fraction);
}

static void
pruned_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The new backup is whole either way; pruning is tried again next time. */
  if (!heard_backup_prune_finish (result, NULL, &error))
    g_warning ("Could not remove old backups: %s", error->message);
}

/* Every task waiting for this backup learns how it went. */
static void
end_run (HeardBackupService *self,
         HeardBackupSummary *summary,
         const GError       *error)
{
  g_autoptr(GPtrArray) tasks = g_steal_pointer (&self->waiting_tasks);

  self->waiting_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->caller_cancellable != NULL)
    g_cancellable_disconnect (self->caller_cancellable, self->caller_cancelled_id);
  self->caller_cancelled_id = 0;
  g_clear_object (&self->caller_cancellable);
  g_clear_object (&self->run_cancellable);
  self->cancelled_by_lock = FALSE;
  set_boolean (self, &self->running, FALSE, PROP_RUNNING);

  for (guint i = 0; i < tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (tasks, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_pointer (task, heard_backup_summary_copy (summary),
                               (GDestroyNotify) heard_backup_summary_free);
    }
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HeardBackupService) self = user_data;
  g_autoptr(HeardBackupSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = heard_backup_write_finish (result, &error);
  if (summary != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      set_problem (self, NULL);
      note_last_backup (self, summary->created);
      save_settings (self);
      heard_backup_prune_async (self->folder, summary->uuid, now, NULL, pruned_cb, NULL);
    }
  else if (self->cancelled_by_lock)
    set_boolean (self, &self->waiting_for_unlock, TRUE, PROP_WAITING_FOR_UNLOCK);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_problem (self, error->message);

  end_run (self, summary, error);
}

static void
caller_cancelled_cb (GCancellable *cancellable,
                     GCancellable *run_cancellable)
{
  g_cancellable_cancel (run_cancellable);
}

/* Starts a backup of the open records, or, when one is running, lets
 * @task wait for it. */
static void
run_backup (HeardBackupService *self,
            GTask              *task)
{
  if (task != NULL)
    g_ptr_array_add (self->waiting_tasks, g_object_ref (task));
  if (self->running)
    return;

  g_assert (is_attached (self) && self->folder != NULL);

  self->run_cancellable = g_cancellable_new ();
  if (task != NULL && g_task_get_cancellable (task) != NULL)
    {
      self->caller_cancellable = g_object_ref (g_task_get_cancellable (task));
      self->caller_cancelled_id =
        g_cancellable_connect (self->caller_cancellable, G_CALLBACK (caller_cancelled_cb),
                               g_object_ref (self->run_cancellable), g_object_unref);
    }
  set_fraction (self, 0.0);
  set_boolean (self, &self->waiting_for_unlock, FALSE, PROP_WAITING_FOR_UNLOCK);
  set_boolean (self, &self->running, TRUE, PROP_RUNNING);
  heard_backup_write_async (self->store, self->key, self->uuid, self->folder,
                            progress_cb, g_object_ref (self), g_object_unref,
                            self->run_cancellable, written_cb, g_object_ref (self));
}

static void
heard_backup_service_dispose (GObject *object)
{
  HeardBackupService *self = HEARD_BACKUP_SERVICE (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  _heard_backup_service_detach (self);

  G_OBJECT_CLASS (heard_backup_service_parent_class)->dispose (object);
}

static void
heard_backup_service_finalize (GObject *object)
{
  HeardBackupService *self = HEARD_BACKUP_SERVICE (object);

  g_free (self->data_dir);
  g_free (self->folder);
  g_free (self->problem);
  g_clear_pointer (&self->last_backup, g_date_time_unref);
  g_clear_pointer (&self->waiting_tasks, g_ptr_array_unref);

  G_OBJECT_CLASS (heard_backup_service_parent_class)->finalize (object);
}

static void
heard_backup_service_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HeardBackupService *self = HEARD_BACKUP_SERVICE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_string (value, self->folder);
      break;
    case PROP_LAST_BACKUP:
      g_value_set_boxed (value, self->last_backup);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    case PROP_WAITING_FOR_UNLOCK:
      g_value_set_boolean (value, self->waiting_for_unlock);
      break;
    case PROP_PRACTICE:
      g_value_set_boolean (value, self->practice);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_backup_service_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  HeardBackupService *self = HEARD_BACKUP_SERVICE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      heard_backup_service_set_folder (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_backup_service_class_init (HeardBackupServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                G_PARAM_STATIC_STRINGS;

  object_class->dispose = heard_backup_service_dispose;
  object_class->finalize = heard_backup_service_finalize;
  object_class->get_property = heard_backup_service_get_property;
  object_class->set_property = heard_backup_service_set_property;

  properties[PROP_FOLDER] =
    g_param_spec_string ("folder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_BACKUP] =
    g_param_spec_boxed ("last-backup", NULL, NULL, G_TYPE_DATE_TIME, read_only);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE, read_only);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0, read_only);
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL, read_only);
  properties[PROP_WAITING_FOR_UNLOCK] =
    g_param_spec_boolean ("waiting-for-unlock", NULL, NULL, FALSE, read_only);
  properties[PROP_PRACTICE] =
    g_param_spec_boolean ("practice", NULL, NULL, FALSE, read_only);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_backup_service_init (HeardBackupService *self)
{
  self->waiting_tasks = g_ptr_array_new_with_free_func (g_object_unref);
}

HeardBackupService *
_heard_backup_service_new (const char *data_dir)
{
  HeardBackupService *self;

  g_return_val_if_fail (data_dir != NULL, NULL);

  self = g_object_new (HEARD_TYPE_BACKUP_SERVICE, NULL);
  self->data_dir = g_strdup (data_dir);
  load_settings (self);
  self->check_source = g_timeout_add_seconds (CHECK_INTERVAL_SECONDS, check_due_cb, self);

  return self;
}

void
_heard_backup_service_attach (HeardBackupService *self,
                              HeardStore         *store,
                              const HeardKey     *key,
                              const char         *uuid,
                              gboolean            practice)
{
  g_return_if_fail (HEARD_IS_BACKUP_SERVICE (self));
  g_return_if_fail (HEARD_IS_STORE (store));
  g_return_if_fail (key != NULL && uuid != NULL);

  _heard_backup_service_detach (self);
  self->store = g_object_ref (store);
  self->key = heard_key_copy (key);
  self->uuid = g_strdup (uuid);
  set_boolean (self, &self->practice, practice, PROP_PRACTICE);

  /* Records restored or opened afresh may have backups of their own. */
  look_in_folder (self);
}

void
_heard_backup_service_detach (HeardBackupService *self)
{
  g_return_if_fail (HEARD_IS_BACKUP_SERVICE (self));

  if (self->run_cancellable != NULL)
    {
      self->cancelled_by_lock = TRUE;
      g_cancellable_cancel (self->run_cancellable);
    }
  g_clear_object (&self->store);
  g_clear_pointer (&self->key, heard_key_free);
  g_clear_pointer (&self->uuid, g_free);
}

void
_heard_backup_service_records_replaced (HeardBackupService *self)
{
  g_return_if_fail (HEARD_IS_BACKUP_SERVICE (self));

  forget_last_backup (self);
  set_problem (self, NULL);
  if (!self->practice)
    save_settings (self);
}

gboolean
_heard_backup_service_is_due (HeardBackupService *self,
                              GDateTime          *now)
{
  g_return_val_if_fail (HEARD_IS_BACKUP_SERVICE (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (self->folder == NULL || self->practice || !self->settings_loaded || self->running)
    return FALSE;

  /* One a lock cancelled runs after the unlock, however recent the last. */
  return self->waiting_for_unlock || self->last_backup == NULL ||
         g_date_time_difference (now, self->last_backup) >= G_TIME_SPAN_DAY;
}

static void
quit_backup_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(HeardBackupSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = heard_backup_service_back_up_now_finish (HEARD_BACKUP_SERVICE (object), result,
                                                      &error);
  if (summary == NULL)
    g_warning ("The backup on quit did not finish: %s", error->message);
  g_task_return_boolean (task, TRUE);
}

void
_heard_backup_service_finish_async (HeardBackupService  *self,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_if_fail (HEARD_IS_BACKUP_SERVICE (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, _heard_backup_service_finish_async);

  if (is_attached (self) && (self->running || _heard_backup_service_is_due (self, now)))
    heard_backup_service_back_up_now_async (self, NULL, quit_backup_done_cb,
                                            g_steal_pointer (&task));
  else
    g_task_return_boolean (task, TRUE);
}

void
_heard_backup_service_finish_finish (HeardBackupService *self,
                                     GAsyncResult       *result)
{
  g_return_if_fail (g_task_is_valid (result, self));

  g_task_propagate_boolean (G_TASK (result), NULL);
}

const char *
heard_backup_service_get_folder (HeardBackupService *self)
{
  g_return_val_if_fail (HEARD_IS_BACKUP_SERVICE (self), NULL);

  return self->folder;
}

/* Chooses where backups go (NULL: nowhere). Practice records are never
 * backed up, so they have no folder. */
void
heard_backup_service_set_folder (HeardBackupService *self,
                                 const char         *folder)
{
  g_return_if_fail (HEARD_IS_BACKUP_SERVICE (self));

  if (self->practice || g_strcmp0 (self->folder, folder) == 0)
    return;

  g_free (self->folder);
  self->folder = g_strdup (folder);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDER]);
  /* The last backup is the new folder's, found in it: a drive chosen in
   * place of a lost one holds none, and one is made at once. */
  forget_last_backup (self);
  set_problem (self, NULL);
  save_settings (self);
  look_in_folder (self);
}

GDateTime *
heard_backup_service_get_last_backup (HeardBackupService *self)
{
  g_return_val_if_fail (HEARD_IS_BACKUP_SERVICE (self), NULL);

  return self->last_backup;
}

gboolean
heard_backup_service_get_running (HeardBackupService *self)
{
  g_return_val_if_fail (HEARD_IS_BACKUP_SERVICE (self), FALSE);

  return self->running;
}

double
heard_backup_service_get_fraction (HeardBackupService *self)
{
  g_return_val_if_fail (HEARD_IS_BACKUP_SERVICE (self), 0.0);

  return self->fraction;
}

const char *
heard_backup_service_get_problem (HeardBackupService *self)
{
  g_return_val_if_fail (HEARD_IS_BACKUP_SERVICE (self), NULL);

  return self->problem;
}

gboolean
heard_backup_service_get_waiting_for_unlock (HeardBackupService *self)
{
  g_return_val_if_fail (HEARD_IS_BACKUP_SERVICE (self), FALSE);

  return self->waiting_for_unlock;
}

gboolean
heard_backup_service_get_practice (HeardBackupService *self)
{
  g_return_val_if_fail (HEARD_IS_BACKUP_SERVICE (self), FALSE);

  return self->practice;
}

/* One sentence for the overview and heard-cli info; @stands_out says
 * whether it needs someone's attention. */
char *
heard_backup_service_dup_status (HeardBackupService *self,
                                 GDateTime          *now,
                                 gboolean           *stands_out)
{
  gboolean attention = FALSE;
  char *status;

  g_return_val_if_fail (HEARD_IS_BACKUP_SERVICE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (self->practice)
    status = g_strdup (_("Practice records are never backed up"));
  else if (self->running)
    status = g_strdup (_("Backing up…"));
  else if (self->waiting_for_unlock)
    {
      status = g_strdup (_("Backup waiting for unlock"));
      attention = TRUE;
    }
  else if (self->last_backup == NULL)
    {
      status = self->folder == NULL
               ? g_strdup (_("No backup yet: no backup folder is chosen"))
               : g_strdup (_("No backup yet"));
      attention = TRUE;
    }
  else
    {
      gint64 days = MAX (0, g_date_time_difference (now, self->last_backup) / G_TIME_SPAN_DAY);

      if (days == 0)
        status = g_strdup (_("Last backup: today"));
      else
        status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last backup: %d day ago",
                                               "Last backup: %d days ago", days),
                                  (int) days);
      attention = days > HEARD_BACKUP_OVERDUE_DAYS || self->folder == NULL ||
                  self->problem != NULL;
    }

  if (stands_out != NULL)
    *stands_out = attention;
  return status;
}

void
heard_backup_service_back_up_now_async (HeardBackupService  *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HEARD_IS_BACKUP_SERVICE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_backup_service_back_up_now_async);

  if (self->practice)
    g_task_return_new_error (task, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_FOLDER,
                             _("Practice records are never backed up."));
  else if (self->folder == NULL)
    g_task_return_new_error (task, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_FOLDER,
                             _("Choose a backup folder first."));
  else if (!is_attached (self))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                             _("Unlock Heard first; the backup will run then."));
  else
    run_backup (self, task);
}

void
heard_backup_service_cancel (HeardBackupService *self)
{
  g_return_if_fail (HEARD_IS_BACKUP_SERVICE (self));

  if (self->run_cancellable != NULL)
    g_cancellable_cancel (self->run_cancellable);
}

HeardBackupSummary *
heard_backup_service_back_up_now_finish (HeardBackupService  *self,
                                         GAsyncResult        *result,
                                         GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The backup folder chosen for the records in @data_dir, as backup.ini
 * notes it, or NULL. It reads the disk where it is called: for heard-cli,
 * never on a window's main thread. */
char *
_heard_backup_service_read_folder (const char *data_dir)
{
  g_autofree char *path = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  g_return_val_if_fail (data_dir != NULL, NULL);

  path = g_build_filename (data_dir, SETTINGS_FILE, NULL);
  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
    return NULL;

  return g_key_file_get_string (key_file, SETTINGS_GROUP, "folder", NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-context"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "heard-audit.h"
#include "heard-context.h"
#include "heard-context-private.h"
#include "heard-folder-lock.h"
#include "heard-keyring.h"
#include "heard-recovery-code.h"
#include "heard-secure.h"
#include "heard-store-people.h"

/*
 * HeardContext is what the windows share: the open store, the list of young
 * people, and the way from "just started" to "records open". That way runs
 * through the keyring, a recovery code or a passphrase, and it keeps one
 * promise above all: a key is only ever made for a database that does not
 * exist yet, so an existing file can never be locked away under a new key.
 *
 * "Does a database exist?" is asked in one place, inspect_data_dir_thread():
 * the records exist if heard.db holds anything, or its -wal or -journal
 * does, or the note says a database was made. Until the records' key is
 * confirmed, start-up only reads the folder (and takes heard.lock): it never
 * deletes or rewrites a file it did not make in this run.
 */

#define DATABASE_FILE "heard.db"
#define INFO_FILE "heard.ini"
#define INFO_GROUP "database"
#define WAL_SUFFIX "-wal"
#define JOURNAL_SUFFIX "-journal"

/* At most this often, the head of the audit trail is noted outside the file
 * (and on quit), rather than after every change. */
#define ANCHOR_INTERVAL_SECONDS (3 * 60)

/* What the data folder says about the database; read and written off the
 * main thread, copied whole between threads. */
typedef HeardDatabaseInfo DatabaseInfo;

/* One attempt at opening the records, carried through its asynchronous steps. */
typedef struct
{
  HeardKey            *key;
  HeardStoreOpenFlags  open_flags;
  gboolean             save_key_to_keyring;
  gboolean             write_info;
  char                *passphrase;
  char                *salt_base64;
} Attempt;

struct _HeardContext
{
  GObject         parent_instance;

  char           *data_dir;
  /* Held from the first start until the context goes: one Heard per folder. */
  HeardFolderLock *folder_lock;
  DatabaseInfo    info;
  HeardLockState  lock_state;
  char           *lock_message;
  HeardStore     *store;
  HeardKey       *key;
  GListStore     *people;
  /* Set while the keyring is locked: waiting for it to be unlocked. */
  GCancellable   *keyring_watch;
  /* The audit trail's head as last noted outside the file, and what the
   * last check found (NULL when nothing). */
  HeardAuditAnchor *anchor;
  char             *audit_problem;
  guint             anchor_timeout;
};

G_DEFINE_FINAL_TYPE (HeardContext, heard_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOCK_STATE,
  PROP_LOCK_MESSAGE,
  PROP_AUDIT_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the inspecting thread is asked to do. */
typedef struct
{
  char     *data_dir;
  gboolean  take_lock;
} InspectRequest;

/* What it found, and the folder's lock if it took it. */
typedef struct
{
  DatabaseInfo    *info;
  HeardFolderLock *lock;
} Inspection;

static void open_with_key (GTask *task);
static void watch_keyring (HeardContext *self);
static void stop_watching_keyring (HeardContext *self);
static void check_audit (GTask *task);

static void
database_info_clear (DatabaseInfo *info)
{
  g_clear_pointer (&info->uuid, g_free);
  g_clear_pointer (&info->salt_hex, g_free);
  g_clear_pointer (&info->audit_anchor, g_free);
  g_clear_pointer (&info->audit_anchor_mac, g_free);
}

static void
database_info_copy (DatabaseInfo       *to,
                    const DatabaseInfo *from)
{
  database_info_clear (to);
  *to = *from;
  to->uuid = g_strdup (from->uuid);
  to->salt_hex = g_strdup (from->salt_hex);
  to->audit_anchor = g_strdup (from->audit_anchor);
  to->audit_anchor_mac = g_strdup (from->audit_anchor_mac);
}

static void
database_info_free (DatabaseInfo *info)
{
  database_info_clear (info);
  g_free (info);
}

static void
inspect_request_free (InspectRequest *request)
{
  g_free (request->data_dir);
  g_free (request);
}

static void
inspection_free (Inspection *inspection)
{
  g_clear_pointer (&inspection->info, database_info_free);
  g_clear_pointer (&inspection->lock, heard_folder_lock_release);
  g_free (inspection);
}

static void
attempt_free (Attempt *attempt)
{
  heard_key_free (attempt->key);
  heard_secure_free_string (attempt->passphrase);
  g_free (attempt->salt_base64);
  g_free (attempt);
}

static char *
database_path (const char *data_dir)
{
  return g_build_filename (data_dir, DATABASE_FILE, NULL);
}

static void
set_lock_state (HeardContext   *self,
                HeardLockState  state,
                const char     *message)
{
  if (g_strcmp0 (self->lock_message, message) != 0)
    {
      g_free (self->lock_message);
      self->lock_message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCK_MESSAGE]);
    }

  if (self->lock_state != state)
    {
      self->lock_state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCK_STATE]);
    }

  /* However the keyring gets unlocked, the records open without a click. */
  if (state == HEARD_LOCK_STATE_KEYRING_LOCKED)
    watch_keyring (self);
  else
    stop_watching_keyring (self);
}

/* Ends an attempt in a new state that the window will show. */
static void
finish_in_state (GTask          *task,
                 HeardLockState  state,
                 const char     *message)
{
  set_lock_state (g_task_get_source_object (task), state, message);
  g_task_return_int (task, state);
}

static gboolean
ensure_private_folder (const char  *folder,
                       GError     **error)
{
  if (g_mkdir_with_parents (folder, 0700) != 0 || g_chmod (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Heard could not prepare its private records folder %s: %s"),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Whether @path holds anything. A file Heard cannot even look at might, so
 * it counts as holding something: that never leads to a first run. */
static gboolean
file_holds_data (const char *path)
{
  GStatBuf info;

  if (g_stat (path, &info) != 0)
    return errno != ENOENT;

  return info.st_size > 0;
}

/* A boolean in the note: absent is FALSE, anything but a boolean is damage. */
static gboolean
read_note_boolean (GKeyFile   *key_file,
                   const char *name,
                   gboolean   *value)
{
  g_autoptr(GError) error = NULL;

  *value = FALSE;
  if (!g_key_file_has_key (key_file, INFO_GROUP, name, NULL))
    return TRUE;

  *value = g_key_file_get_boolean (key_file, INFO_GROUP, name, &error);

  return error == NULL;
}

/* A salt as write_info_thread() writes it: base64 of exactly the right size. */
static gboolean
salt_is_valid (const char *salt)
{
  g_autofree guint8 *decoded = NULL;
  g_autofree char *encoded = NULL;
  gsize length = 0;

  if (salt == NULL || *salt == '\0')
    return FALSE;

  decoded = g_base64_decode (salt, &length);
  if (length != HEARD_KEY_SALT_SIZE)
    return FALSE;
  encoded = g_base64_encode (decoded, length);

  return strcmp (encoded, salt) == 0;
}

/* Reads heard.ini into @info. A missing or empty note is no note at all;
 * returns FALSE for a note that is there but cannot be trusted, which
 * leads to the recovery code, never to a guess. */
static gboolean
read_note (const char   *info_path,
           DatabaseInfo *info)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (info_path, &contents, &length, &error))
    return g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);

  return _heard_database_info_parse (info, contents, length);
}

/* Whether anything of the records is in the folder: only if nothing is
 * may a first run make a new key. */
static gboolean
records_exist (const DatabaseInfo *info)
{
  return info->database_exists || info->wal_has_records || info->journal_has_records ||
         info->database_created || info->note_damaged;
}

static void
inspect_data_dir_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  const InspectRequest *request = task_data;
  g_autofree char *db_path = database_path (request->data_dir);
  g_autofree char *wal_path = g_strconcat (db_path, WAL_SUFFIX, NULL);
  g_autofree char *journal_path = g_strconcat (db_path, JOURNAL_SUFFIX, NULL);
  g_autofree char *info_path = g_build_filename (request->data_dir, INFO_FILE, NULL);
  Inspection *inspection = g_new0 (Inspection, 1);
  DatabaseInfo *info;
  GError *error = NULL;

  /* The lock comes first: while another Heard holds the folder, nothing
   * in it is even looked at. */
  if (!ensure_private_folder (request->data_dir, &error) ||
      (request->take_lock &&
       (inspection->lock = heard_folder_lock_acquire (request->data_dir, &error)) == NULL))
    {
      inspection_free (inspection);
      g_task_return_error (task, error);
      return;
    }

  info = inspection->info = g_new0 (DatabaseInfo, 1);

  /* An empty file with nothing beside it is what an interrupted first run
   * leaves: no records yet. With a WAL or a journal that holds something,
   * the records are there, in that file. */
  info->database_exists = file_holds_data (db_path);
  info->wal_has_records = file_holds_data (wal_path);
  info->journal_has_records = file_holds_data (journal_path);

  /* A missing or damaged note leaves the uuid unknown, which leads to the
   * recovery code: never to a new key. */
  if (!read_note (info_path, info))
    {
      database_info_clear (info);
      info->passphrase_protected = FALSE;
      info->recovery_confirmed = FALSE;
      info->database_created = FALSE;
      info->note_damaged = TRUE;
    }

  g_task_return_pointer (task, inspection, (GDestroyNotify) inspection_free);
}

static void
write_info_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  HeardContext *self = source_object;
  const DatabaseInfo *info = task_data;
  g_autofree char *info_path = g_build_filename (self->data_dir, INFO_FILE, NULL);
  gsize length = 0;
  g_autofree char *contents = _heard_database_info_to_data (info, &length);
  GError *error = NULL;
  static GMutex writing;
  static guint64 written;
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&writing);

  /* Writes of the note can overlap (the audit anchor is noted in the
   * background): never let an older copy land over a newer one. */
  if (info->generation < written)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  written = info->generation;

  if (!ensure_private_folder (self->data_dir, &error) ||
      !g_file_set_contents_full (info_path, contents, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* Writes the context's info file off the main thread, then calls @callback. */
static void
write_info_async (HeardContext        *self,
                  GAsyncReadyCallback  callback,
                  GTask               *attempt_task)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, g_object_ref (attempt_task));
  DatabaseInfo *copy = g_new0 (DatabaseInfo, 1);

  static guint64 generation;

  database_info_copy (copy, &self->info);
  copy->generation = ++generation;
  g_task_set_source_tag (task, write_info_async);
  g_task_set_task_data (task, copy, (GDestroyNotify) database_info_free);
  g_task_run_in_thread (task, write_info_thread);
}

static int
compare_people_by_name (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  g_autofree char *key_a = g_utf8_collate_key (heard_person_get_display_name ((HeardPerson *) a),
                                               -1);
  g_autofree char *key_b = g_utf8_collate_key (heard_person_get_display_name ((HeardPerson *) b),
                                               -1);

  return strcmp (key_a, key_b);
}

static void
people_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardContext *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) people = NULL;
  GError *error = NULL;

  people = heard_store_list_people_finish (HEARD_STORE (object), result, &error);
  if (people == NULL)
    {
      finish_in_state (task, HEARD_LOCK_STATE_FAILED, error->message);
      g_error_free (error);
      return;
    }

  g_list_store_splice (self->people, 0, g_list_model_get_n_items (G_LIST_MODEL (self->people)),
                       people->pdata, people->len);
  g_list_store_sort (self->people, compare_people_by_name, NULL);

  finish_in_state (task, self->info.recovery_confirmed ? HEARD_LOCK_STATE_OPEN
                                                       : HEARD_LOCK_STATE_SHOW_RECOVERY_CODE,
                   NULL);
}

static void
list_people (GTask *task)
{
  HeardContext *self = g_task_get_source_object (task);

  heard_store_list_people_async (self->store, g_task_get_cancellable (task),
                                 people_loaded_cb, g_object_ref (task));
}

/* The records are open: check the audit trail, then list the young people. */
static void
load_people (GTask *task)
{
  check_audit (task);
}

static void
info_written_after_open_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      finish_in_state (task, HEARD_LOCK_STATE_FAILED, error->message);
      g_error_free (error);
      return;
    }

  load_people (task);
}

static void
key_restored_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The records are open either way; without a keyring the code is needed
   * again next time, which the unlock screen will say. */
  if (!heard_keyring_store_finish (result, &error))
    g_message ("Could not put the key back in the keyring: %s", error->message);
}

static void
store_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(HeardStore) store = HEARD_STORE (object);
  HeardContext *self = g_task_get_source_object (task);
  Attempt *attempt = g_task_get_task_data (task);
  GError *error = NULL;

  if (!heard_store_open_finish (store, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_set_object (&self->store, store);
  g_clear_pointer (&self->key, heard_key_free);
  self->key = heard_key_copy (attempt->key);

  /* Whoever opened the records with the recovery code has kept it. */
  if (g_task_get_source_tag (task) == heard_context_unlock_with_recovery_code_async)
    self->info.recovery_confirmed = TRUE;

  /* From now on a missing records file is a loss to report, not a first run. */
  if ((attempt->open_flags & HEARD_STORE_OPEN_CREATE) != 0)
    {
      self->info.database_created = TRUE;
      attempt->write_info = TRUE;
    }

  if (attempt->save_key_to_keyring && !self->info.passphrase_protected)
    heard_keyring_store_async (self->info.uuid, attempt->key, NULL, key_restored_cb, NULL);

  if (attempt->write_info)
    write_info_async (self, info_written_after_open_cb, task);
  else
    load_people (task);
}

static void
open_with_key (GTask *task)
{
  HeardContext *self = g_task_get_source_object (task);
  Attempt *attempt = g_task_get_task_data (task);
  g_autofree char *path = database_path (self->data_dir);
  HeardStore *store = heard_store_new (path);

  heard_store_open_async (store, attempt->key, attempt->open_flags,
                          g_task_get_cancellable (task), store_opened_cb, g_object_ref (task));
}

/* Turns a refusal from the store during start-up into a state to show. */
static void
finish_with_open_error (GTask  *task,
                        GError *error)
{
  if (g_error_matches (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_WRONG_KEY))
    finish_in_state (task, HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE, error->message);
  else
    finish_in_state (task, HEARD_LOCK_STATE_FAILED, error->message);
}

static void
start_store_opened_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  HeardLockState state = heard_context_unlock_finish (HEARD_CONTEXT (object), result, &error);

  if (error != NULL)
    finish_with_open_error (task, error);
  else
    g_task_return_int (task, state);
}

/* Runs an inner attempt whose refusals become states of the outer @task. */
static void
run_attempt (GTask   *task,
             Attempt *attempt)
{
  HeardContext *self = g_task_get_source_object (task);
  g_autoptr(GTask) inner = g_task_new (self, g_task_get_cancellable (task),
                                       start_store_opened_cb, g_object_ref (task));

  g_task_set_source_tag (inner, heard_context_start_async);
  g_task_set_task_data (inner, attempt, (GDestroyNotify) attempt_free);
  open_with_key (inner);
}

static void
first_run_info_written_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Attempt *first_run = g_task_get_task_data (task);
  Attempt *create;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      finish_in_state (task, HEARD_LOCK_STATE_FAILED, error->message);
      g_error_free (error);
      return;
    }

  create = g_new0 (Attempt, 1);
  create->key = heard_key_copy (first_run->key);
  create->open_flags = HEARD_STORE_OPEN_CREATE;
  run_attempt (task, create);
}

static void
first_key_stored_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardContext *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!heard_keyring_store_finish (result, &error))
    {
      if (g_error_matches (error, HEARD_KEYRING_ERROR, HEARD_KEYRING_ERROR_NO_SERVICE))
        finish_in_state (task, HEARD_LOCK_STATE_NEEDS_NEW_PASSPHRASE, error->message);
      else
        finish_in_state (task, HEARD_LOCK_STATE_FAILED, error->message);
      return;
    }

  /* The folder learns the uuid before the database exists, so a crash in
   * between can only ever leave a fresh start, never an orphaned file. */
  write_info_async (self, first_run_info_written_cb, task);
}

static Attempt *
new_first_run_attempt (HeardContext *self,
                       HeardKey     *key)
{
  Attempt *attempt = g_new0 (Attempt, 1);

  g_free (self->info.uuid);
  self->info.uuid = g_uuid_string_random ();
  self->info.recovery_confirmed = FALSE;
  attempt->key = key;
  attempt->open_flags = HEARD_STORE_OPEN_CREATE;

  return attempt;
}

static void
begin_first_run (GTask *task)
{
  HeardContext *self = g_task_get_source_object (task);
  Attempt *attempt = new_first_run_attempt (self, heard_key_new_random ());

  self->info.passphrase_protected = FALSE;
  g_clear_pointer (&self->info.salt_hex, g_free);
  g_task_set_task_data (task, attempt, (GDestroyNotify) attempt_free);
  heard_keyring_store_async (self->info.uuid, attempt->key, g_task_get_cancellable (task),
                             first_key_stored_cb, g_object_ref (task));
}

static void
keyring_looked_up_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  HeardKey *key = heard_keyring_lookup_finish (result, &error);
  Attempt *attempt;

  if (key == NULL)
    {
      if (g_error_matches (error, HEARD_KEYRING_ERROR, HEARD_KEYRING_ERROR_LOCKED))
        finish_in_state (task, HEARD_LOCK_STATE_KEYRING_LOCKED, error->message);
      else if (g_error_matches (error, HEARD_KEYRING_ERROR, HEARD_KEYRING_ERROR_FAILED))
        finish_in_state (task, HEARD_LOCK_STATE_FAILED, error->message);
      else
        finish_in_state (task, HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE, error->message);
      return;
    }

  attempt = g_new0 (Attempt, 1);
  attempt->key = key;
  run_attempt (task, attempt);
}

static void
continue_with_existing_database (GTask *task)
{
  HeardContext *self = g_task_get_source_object (task);

  if (self->info.note_damaged)
    finish_in_state (task, HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE,
                     _("Heard's note of which key belongs to these records (heard.ini) is "
                       "damaged, so Heard cannot tell which key to use. The recovery code "
                       "opens them, and Heard then writes the note afresh."));
  else if (self->info.passphrase_protected)
    finish_in_state (task, HEARD_LOCK_STATE_NEEDS_PASSPHRASE, NULL);
  else if (self->info.uuid == NULL)
    finish_in_state (task, HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE,
                     _("Heard's note of which key belongs to these records is missing."));
  else
    heard_keyring_lookup_async (self->info.uuid, g_task_get_cancellable (task),
                                keyring_looked_up_cb, g_object_ref (task));
}

/* The page for a folder whose records file is missing or empty although
 * something of the records is still there. Free with g_free(). */
static char *
describe_missing_database (const DatabaseInfo *info)
{
  if (info->wal_has_records || info->journal_has_records)
    return g_strdup_printf (_("The records file %s is missing or empty, but some of the "
                              "records are still in %s%s beside it. If %s was moved or is "
                              "being restored, put it back and choose Try Again. Heard has "
                              "not made new records in its place, and has not changed any "
                              "file, so nothing can be overwritten."),
                            DATABASE_FILE, DATABASE_FILE,
                            info->wal_has_records ? WAL_SUFFIX : JOURNAL_SUFFIX,
                            DATABASE_FILE);

  if (info->note_damaged)
    return g_strdup_printf (_("The records file %s is missing, and Heard's note about it (%s) "
                              "cannot be read. If the records are being restored, put them "
                              "back and choose Try Again. Heard has not made new records, "
                              "and has not changed any file, so nothing can be overwritten."),
                            DATABASE_FILE, INFO_FILE);

  return g_strdup_printf (_("The records file %s is missing or empty. If it was moved or is "
                            "being restored, put it back and choose Try Again. Heard has not "
                            "made new records in its place, so nothing can be overwritten."),
                          DATABASE_FILE);
}

static void
inspected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardContext *self = HEARD_CONTEXT (object);
  Inspection *inspection;
  GError *error = NULL;

  inspection = g_task_propagate_pointer (G_TASK (result), &error);
  if (inspection == NULL)
    {
      finish_in_state (task,
                       g_error_matches (error, HEARD_FOLDER_LOCK_ERROR,
                                        HEARD_FOLDER_LOCK_ERROR_BUSY)
                         ? HEARD_LOCK_STATE_ALREADY_OPEN : HEARD_LOCK_STATE_FAILED,
                       error->message);
      g_error_free (error);
      return;
    }

  if (self->folder_lock == NULL)
    self->folder_lock = g_steal_pointer (&inspection->lock);
  database_info_copy (&self->info, inspection->info);
  inspection_free (inspection);

  if (self->info.database_exists)
    continue_with_existing_database (task);
  else if (records_exist (&self->info))
    {
      g_autofree char *message = describe_missing_database (&self->info);

      finish_in_state (task, HEARD_LOCK_STATE_FAILED, message);
    }
  else
    begin_first_run (task);
}

static GTask *
new_attempt_task (HeardContext        *self,
                  gpointer             source_tag,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  set_lock_state (self, HEARD_LOCK_STATE_OPENING, NULL);

  return task;
}

static void
derive_key_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Attempt *attempt = task_data;
  guint8 salt[HEARD_KEY_SALT_SIZE];
  gsize salt_length = 0;
  g_autofree guint8 *decoded = NULL;
  GError *error = NULL;

  decoded = attempt->salt_base64 != NULL ? g_base64_decode (attempt->salt_base64, &salt_length)
                                         : NULL;
  if (salt_length != HEARD_KEY_SALT_SIZE)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s",
                               _("Heard's note of how the passphrase is used is damaged. "
                                 "Use the recovery code instead."));
      return;
    }
  memcpy (salt, decoded, sizeof salt);

  attempt->key = heard_key_derive_from_passphrase (attempt->passphrase, salt, &error);
  if (attempt->key == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
info_written_before_create_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  open_with_key (task);
}

static void
key_derived_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Attempt *attempt = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* As with the keyring, the folder learns the uuid and salt before the
   * database exists: a crash in between leaves a fresh start, never a file
   * that no passphrase can open. */
  if ((attempt->open_flags & HEARD_STORE_OPEN_CREATE) != 0 && attempt->write_info)
    {
      attempt->write_info = FALSE;
      write_info_async (g_task_get_source_object (task), info_written_before_create_cb, task);
      return;
    }

  open_with_key (task);
}

static void
derive_key_and_open (GTask *task)
{
  HeardContext *self = g_task_get_source_object (task);
  Attempt *attempt = g_task_get_task_data (task);
  g_autoptr(GTask) derive = g_task_new (self, g_task_get_cancellable (task), key_derived_cb,
                                        g_object_ref (task));

  g_task_set_source_tag (derive, derive_key_and_open);
  /* The worker gets its own copy: the main thread may replace the note's. */
  g_free (attempt->salt_base64);
  attempt->salt_base64 = g_strdup (self->info.salt_hex);
  g_task_set_task_data (derive, g_task_get_task_data (task), NULL);
  g_task_run_in_thread (derive, derive_key_thread);
}

static void
keyring_unlocked_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!heard_keyring_unlock_finish (result, &error))
    {
      finish_in_state (task, HEARD_LOCK_STATE_KEYRING_LOCKED, error->message);
      return;
    }

  continue_with_existing_database (task);
}

static void
keyring_watched_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  HeardContext *self = user_data;
  GTask *task;

  /* Cancelled means the context moved on, or is gone: leave it alone. */
  if (!heard_keyring_wait_unlocked_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* The page still offers to unlock; that starts a new watch. */
          g_message ("Cannot tell when the keyring is unlocked: %s", error->message);
          g_clear_object (&self->keyring_watch);
        }
      return;
    }

  g_clear_object (&self->keyring_watch);
  if (self->lock_state != HEARD_LOCK_STATE_KEYRING_LOCKED)
    return;

  task = new_attempt_task (self, keyring_watched_cb, NULL, NULL, NULL);
  continue_with_existing_database (task);
  g_object_unref (task);
}

/* Holds no reference: finalizing the context cancels the watch, and a
 * cancelled watch never touches the context. */
static void
watch_keyring (HeardContext *self)
{
  if (self->keyring_watch != NULL || self->info.uuid == NULL)
    return;

  self->keyring_watch = g_cancellable_new ();
  heard_keyring_wait_unlocked_async (self->info.uuid, self->keyring_watch, keyring_watched_cb,
                                     self);
}

static void
stop_watching_keyring (HeardContext *self)
{
  if (self->keyring_watch == NULL)
    return;

  g_cancellable_cancel (self->keyring_watch);
  g_clear_object (&self->keyring_watch);
}

static void
recovery_confirmed_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      HEARD_CONTEXT (object)->info.recovery_confirmed = FALSE;
      g_task_return_error (task, error);
      return;
    }

  finish_in_state (task, HEARD_LOCK_STATE_OPEN, NULL);
}

static int
find_person_index (HeardContext *self,
                   gint64        id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->people));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeardPerson) person = g_list_model_get_item (G_LIST_MODEL (self->people), i);

      if (heard_person_get_id (person) == id)
        return (int) i;
    }

  return -1;
}

static void
person_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardContext *self = g_task_get_source_object (task);
  HeardPerson *saved = g_task_get_task_data (task);
  g_autoptr(HeardPerson) listed = NULL;
  GError *error = NULL;
  gint64 id;
  int index;

  id = heard_store_save_person_finish (HEARD_STORE (object), result, &error);
  if (id == 0)
    {
      g_task_return_error (task, error);
      return;
    }

  heard_person_set_id (saved, id);
  index = find_person_index (self, id);
  if (index < 0)
    {
      listed = g_object_ref (saved);
      g_list_store_insert_sorted (self->people, listed, compare_people_by_name, NULL);
    }
  else
    {
      listed = g_list_model_get_item (G_LIST_MODEL (self->people), (guint) index);
      heard_person_update_from (listed, saved);
      /* A new name may belong elsewhere in the alphabet. */
      g_list_store_sort (self->people, compare_people_by_name, NULL);
    }

  g_task_return_pointer (task, g_steal_pointer (&listed), g_object_unref);
}

static void
person_removed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardContext *self = g_task_get_source_object (task);
  HeardPerson *person = g_task_get_task_data (task);
  gboolean removed = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "removed"));
  GError *error = NULL;
  int index;

  if (!heard_store_set_person_removed_finish (HEARD_STORE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  index = find_person_index (self, heard_person_get_id (person));
  if (removed && index >= 0)
    g_list_store_remove (self->people, (guint) index);
  else if (!removed && index < 0)
    g_list_store_insert_sorted (self->people, person, compare_people_by_name, NULL);

  g_task_return_boolean (task, TRUE);
}

/* The audit trail's anchor
 *
 * The head of the audit trail is noted outside the records file: beside
 * the key in the keyring, or in passphrase mode in heard.ini under a MAC
 * keyed from the database key. At open the trail is checked against it;
 * afterwards it is noted again at most every few minutes and on quit. A
 * problem holds writing (the store refuses) until someone with the
 * recovery code acknowledges it; reading is never held. */

static void
set_audit_problem (HeardContext *self,
                   const char   *problem)
{
  if (g_strcmp0 (self->audit_problem, problem) == 0)
    return;

  g_free (self->audit_problem);
  self->audit_problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIT_PROBLEM]);
}

static void
anchor_noted (GTask  *task,
              GError *error)
{
  HeardContext *self = g_task_get_source_object (task);

  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_clear_pointer (&self->anchor, heard_audit_anchor_free);
  self->anchor = heard_audit_anchor_copy (g_task_get_task_data (task));
  g_task_return_boolean (task, TRUE);
}

static void
anchor_written_to_info_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  anchor_noted (task, error);
}

static void
anchor_written_to_keyring_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  heard_keyring_store_anchor_finish (result, &error);
  anchor_noted (task, error);
}

/* Notes @anchor outside the file, then finishes @task. */
static void
note_anchor (HeardContext           *self,
             const HeardAuditAnchor *anchor,
             GTask                  *task)
{
  g_autofree char *text = heard_audit_anchor_to_string (anchor);

  g_task_set_task_data (task, heard_audit_anchor_copy (anchor),
                        (GDestroyNotify) heard_audit_anchor_free);

  if (self->info.passphrase_protected)
    {
      g_free (self->info.audit_anchor);
      self->info.audit_anchor = g_strdup (text);
      g_free (self->info.audit_anchor_mac);
      self->info.audit_anchor_mac = heard_audit_anchor_sign (text, self->info.uuid, self->key);
      write_info_async (self, anchor_written_to_info_cb, task);
    }
  else
    heard_keyring_store_anchor_async (self->info.uuid, text, NULL,
                                      anchor_written_to_keyring_cb, g_object_ref (task));
}

static void
head_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardContext *self = g_task_get_source_object (task);
  g_autoptr(HeardAuditAnchor) head = NULL;
  GError *error = NULL;

  head = heard_store_read_audit_head_finish (HEARD_STORE (object), result, &error);
  if (head == NULL)
    g_task_return_error (task, error);
  else if (heard_audit_anchor_equal (head, self->anchor))
    g_task_return_boolean (task, TRUE);
  else
    note_anchor (self, head, task);
}

static void
save_anchor (HeardContext        *self,
             gboolean             deliberately,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);

  /* While a problem is unseen the anchor stays where it was: moving it
   * would hide what was cut off. */
  if (self->store == NULL || self->key == NULL || self->info.uuid == NULL ||
      (self->audit_problem != NULL && !deliberately))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  heard_store_read_audit_head_async (self->store, cancellable, head_read_cb,
                                     g_steal_pointer (&task));
}

static gboolean
anchor_timeout_cb (gpointer user_data)
{
  heard_context_save_audit_anchor_async (user_data, NULL, NULL, NULL);

  return G_SOURCE_CONTINUE;
}

static void
open_verified_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardContext *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!heard_store_verify_audit_finish (HEARD_STORE (object), result, NULL, &error))
    {
      if (error->domain == HEARD_AUDIT_ERROR)
        set_audit_problem (self, error->message);
      else
        g_warning ("Could not check the audit trail: %s", error->message);
    }
  else if (self->audit_problem == NULL)
    {
      /* Nothing noted yet: a first run, records from before anchors, or the
       * recovery code on a new computer. Anchor them as they are now. */
      if (self->anchor == NULL)
        heard_context_reanchor_audit_async (self, NULL, NULL, NULL);
    }

  if (self->anchor_timeout == 0)
    self->anchor_timeout = g_timeout_add_seconds (ANCHOR_INTERVAL_SECONDS, anchor_timeout_cb,
                                                  self);

  /* Whatever was found, the records are read and shown. */
  list_people (task);
}

static void
verify_against (GTask                  *task,
                const HeardAuditAnchor *anchor,
                const char             *problem)
{
  HeardContext *self = g_task_get_source_object (task);

  g_clear_pointer (&self->anchor, heard_audit_anchor_free);
  self->anchor = heard_audit_anchor_copy (anchor);

  if (problem != NULL)
    {
      heard_store_hold_writes (self->store, problem);
      set_audit_problem (self, problem);
    }

  heard_store_verify_audit_async (self->store, anchor, NULL, open_verified_cb,
                                  g_object_ref (task));
}

static const char *
damaged_anchor_message (void)
{
  return _("Heard's note of the newest entry in the record of changes was altered outside "
           "Heard, so the records cannot be checked against it.");
}

static void
keyring_anchor_found_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = heard_keyring_lookup_anchor_finish (result, &error);
  g_autoptr(HeardAuditAnchor) anchor = NULL;

  if (error != NULL)
    g_message ("Could not read the audit anchor from the keyring: %s", error->message);

  anchor = heard_audit_anchor_new_from_string (text);
  verify_against (task, anchor, text != NULL && anchor == NULL ? damaged_anchor_message () : NULL);
}

static void
check_audit (GTask *task)
{
  HeardContext *self = g_task_get_source_object (task);
  g_autoptr(HeardAuditAnchor) anchor = NULL;
  g_autofree char *expected = NULL;

  set_audit_problem (self, NULL);
  if (!self->info.passphrase_protected)
    {
      heard_keyring_lookup_anchor_async (self->info.uuid, NULL, keyring_anchor_found_cb,
                                         g_object_ref (task));
      return;
    }

  if (self->info.audit_anchor == NULL)
    {
      verify_against (task, NULL, NULL);
      return;
    }

  expected = heard_audit_anchor_sign (self->info.audit_anchor, self->info.uuid, self->key);
  anchor = heard_audit_anchor_new_from_string (self->info.audit_anchor);
  if (anchor == NULL || g_strcmp0 (expected, self->info.audit_anchor_mac) != 0)
    verify_against (task, NULL, damaged_anchor_message ());
  else
    verify_against (task, anchor, NULL);
}

static void
audit_verified_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardContext *self = g_task_get_source_object (task);
  GError *error = NULL;
  guint n_entries = 0;

  if (!heard_store_verify_audit_finish (HEARD_STORE (object), result, &n_entries, &error))
    {
      if (error->domain == HEARD_AUDIT_ERROR)
        set_audit_problem (self, error->message);
      g_task_return_error (task, error);
      return;
    }

  /* A problem found outside the file (a damaged note) stays until seen. */
  g_task_return_int (task, n_entries);
}

static void
audit_acknowledged_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardContext *self = g_task_get_source_object (task);
  g_autoptr(HeardAuditAnchor) head = NULL;
  GError *error = NULL;

  head = heard_store_acknowledge_audit_finish (HEARD_STORE (object), result, &error);
  if (head == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  set_audit_problem (self, NULL);
  note_anchor (self, head, task);
}

static void
store_closed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!heard_store_close_finish (HEARD_STORE (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
heard_context_finalize (GObject *object)
{
  HeardContext *self = HEARD_CONTEXT (object);

  stop_watching_keyring (self);
  g_clear_handle_id (&self->anchor_timeout, g_source_remove);
  g_clear_pointer (&self->anchor, heard_audit_anchor_free);
  g_clear_pointer (&self->audit_problem, g_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->folder_lock, heard_folder_lock_release);
  g_clear_object (&self->people);
  g_clear_pointer (&self->key, heard_key_free);
  database_info_clear (&self->info);
  g_free (self->data_dir);
  g_free (self->lock_message);

  G_OBJECT_CLASS (heard_context_parent_class)->finalize (object);
}

static void
heard_context_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HeardContext *self = HEARD_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_LOCK_STATE:
      g_value_set_int (value, self->lock_state);
      break;

    case PROP_LOCK_MESSAGE:
      g_value_set_string (value, self->lock_message);
      break;

    case PROP_AUDIT_PROBLEM:
      g_value_set_string (value, self->audit_problem);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_context_class_init (HeardContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = heard_context_finalize;
  object_class->get_property = heard_context_get_property;

  properties[PROP_LOCK_STATE] =
    g_param_spec_int ("lock-state", NULL, NULL, HEARD_LOCK_STATE_OPENING,
                      HEARD_LOCK_STATE_FAILED, HEARD_LOCK_STATE_OPENING,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCK_MESSAGE] =
    g_param_spec_string ("lock-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUDIT_PROBLEM] =
    g_param_spec_string ("audit-problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_context_init (HeardContext *self)
{
  self->people = g_list_store_new (HEARD_TYPE_PERSON);
}

/* HEARD_DATA_DIR lets tests and trainers keep separate records. */
char *
heard_context_default_data_dir (void)
{
  const char *override = g_getenv ("HEARD_DATA_DIR");

  if (override != NULL && *override != '\0')
    return g_strdup (override);

  return g_build_filename (g_get_user_data_dir (), "heard", NULL);
}

HeardContext *
heard_context_new (const char *data_dir)
{
  HeardContext *self;

  g_return_val_if_fail (data_dir != NULL, NULL);

  self = g_object_new (HEARD_TYPE_CONTEXT, NULL);
  self->data_dir = g_strdup (data_dir);

  return self;
}

const char *
heard_context_get_data_dir (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);

  return self->data_dir;
}

HeardLockState
heard_context_get_lock_state (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), HEARD_LOCK_STATE_FAILED);

  return self->lock_state;
}

const char *
heard_context_get_lock_message (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);

  return self->lock_message;
}

HeardStore *
heard_context_get_store (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);

  return self->store;
}

GListModel *
heard_context_get_people (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);

  return G_LIST_MODEL (self->people);
}

/* Free with heard_secure_free_string(). NULL once the records are locked. */
char *
heard_context_dup_recovery_code (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);

  if (self->key == NULL)
    return NULL;

  return heard_recovery_code_format (self->key);
}

/* Whether anything of the records was found in the folder (or made since):
 * only then can a recovery code exist to open them. */
gboolean
heard_context_get_records_exist (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), FALSE);

  return records_exist (&self->info);
}

void
heard_context_start_async (HeardContext        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inspect = NULL;
  InspectRequest *request;

  g_return_if_fail (HEARD_IS_CONTEXT (self));

  task = new_attempt_task (self, heard_context_start_async, cancellable, callback, user_data);
  inspect = g_task_new (self, cancellable, inspected_cb, g_object_ref (task));
  g_task_set_source_tag (inspect, inspected_cb);
  request = g_new0 (InspectRequest, 1);
  request->data_dir = g_strdup (self->data_dir);
  request->take_lock = self->folder_lock == NULL;
  g_task_set_task_data (inspect, request, (GDestroyNotify) inspect_request_free);
  g_task_run_in_thread (inspect, inspect_data_dir_thread);
}

void
heard_context_unlock_keyring_async (HeardContext        *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (self->info.uuid != NULL);

  task = new_attempt_task (self, heard_context_unlock_keyring_async, cancellable, callback,
                           user_data);
  heard_keyring_unlock_async (self->info.uuid, cancellable, keyring_unlocked_cb,
                              g_steal_pointer (&task));
}

void
heard_context_unlock_with_recovery_code_async (HeardContext        *self,
                                               const char          *code,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Attempt *attempt;
  HeardKey *key;
  GError *error = NULL;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (code != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_unlock_with_recovery_code_async);

  key = heard_recovery_code_parse (code, &error);
  if (key == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  attempt = g_new0 (Attempt, 1);
  attempt->key = key;
  attempt->save_key_to_keyring = TRUE;
  /* Always, not only when the uuid is made up here: an earlier wrong code
   * may already have made it up, and the note was never written then. */
  attempt->write_info = TRUE;
  if (self->info.uuid == NULL)
    self->info.uuid = g_uuid_string_random ();
  g_task_set_task_data (task, attempt, (GDestroyNotify) attempt_free);
  open_with_key (task);
}

void
heard_context_unlock_with_passphrase_async (HeardContext        *self,
                                            const char          *passphrase,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Attempt *attempt;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (passphrase != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_unlock_with_passphrase_async);

  attempt = g_new0 (Attempt, 1);
  attempt->passphrase = g_strdup (passphrase);
  g_task_set_task_data (task, attempt, (GDestroyNotify) attempt_free);
  derive_key_and_open (task);
}

void
heard_context_create_with_passphrase_async (HeardContext        *self,
                                            const char          *passphrase,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  guint8 salt[HEARD_KEY_SALT_SIZE];
  Attempt *attempt;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (passphrase != NULL);
  g_return_if_fail (!records_exist (&self->info));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_create_with_passphrase_async);

  heard_secure_random (salt, sizeof salt);
  g_free (self->info.salt_hex);
  self->info.salt_hex = g_base64_encode (salt, sizeof salt);
  self->info.passphrase_protected = TRUE;

  attempt = new_first_run_attempt (self, NULL);
  attempt->passphrase = g_strdup (passphrase);
  attempt->write_info = TRUE;
  g_task_set_task_data (task, attempt, (GDestroyNotify) attempt_free);
  derive_key_and_open (task);
}

void
heard_context_confirm_recovery_code_kept_async (HeardContext        *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (self->store != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_confirm_recovery_code_kept_async);
  self->info.recovery_confirmed = TRUE;
  write_info_async (self, recovery_confirmed_cb, task);
}

HeardLockState
heard_context_unlock_finish (HeardContext  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  GError *local_error = NULL;
  gssize state;

  g_return_val_if_fail (HEARD_IS_CONTEXT (self), HEARD_LOCK_STATE_FAILED);
  g_return_val_if_fail (g_task_is_valid (result, self), HEARD_LOCK_STATE_FAILED);

  state = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return self->lock_state;
    }

  return (HeardLockState) state;
}

void
heard_context_save_person_async (HeardContext        *self,
                                 HeardPerson         *person,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (HEARD_IS_PERSON (person));
  g_return_if_fail (self->store != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_save_person_async);
  g_task_set_task_data (task, heard_person_copy (person), g_object_unref);
  /* Once a write is queued it happens; the shared list must hear of it even
   * if the caller has gone, so only the caller's task can be cancelled. */
  heard_store_save_person_async (self->store, person, NULL, person_saved_cb, task);
}

/* Returns the person as the shared list holds it, now saved. */
HeardPerson *
heard_context_save_person_finish (HeardContext  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
heard_context_set_person_removed_async (HeardContext        *self,
                                        HeardPerson         *person,
                                        gboolean             removed,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (HEARD_IS_PERSON (person));
  g_return_if_fail (self->store != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_set_person_removed_async);
  g_task_set_task_data (task, g_object_ref (person), g_object_unref);
  g_object_set_data (G_OBJECT (task), "removed", GINT_TO_POINTER (removed));
  heard_store_set_person_removed_async (self->store, heard_person_get_id (person), removed,
                                        NULL, person_removed_cb, task);
}

gboolean
heard_context_set_person_removed_finish (HeardContext  *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
heard_context_close_async (HeardContext        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HEARD_IS_CONTEXT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_close_async);

  if (self->store == NULL)
    g_task_return_boolean (task, TRUE);
  else
    heard_store_close_async (self->store, NULL, store_closed_cb, g_steal_pointer (&task));
}

gboolean
heard_context_close_finish (HeardContext  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == heard_context_close_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* What the last check of the audit trail found, in words; NULL for nothing.
 * While it is set, the store refuses every write and reading works. */
const char *
heard_context_get_audit_problem (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);

  return self->audit_problem;
}

/* Notes the audit trail's head outside the file if it moved; a no-op while
 * locked or while a problem is unseen. Called on quit and every few minutes. */
void
heard_context_save_audit_anchor_async (HeardContext        *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_CONTEXT (self));

  save_anchor (self, FALSE, heard_context_save_audit_anchor_async, cancellable, callback,
               user_data);
}

gboolean
heard_context_save_audit_anchor_finish (HeardContext  *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* An empty note is no note at all. Returns FALSE for one that is there but
 * cannot be trusted: not UTF-8, no key file, a missing or malformed uuid, an
 * unknown protection, a malformed salt or a value of the wrong type. */
gboolean
_heard_database_info_parse (HeardDatabaseInfo *info,
                            const char        *contents,
                            gsize              length)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *protection = NULL;

  g_return_val_if_fail (info != NULL, FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);

  if (length == 0)
    return TRUE;

  if (!g_utf8_validate (contents, (gssize) length, NULL) ||
      !g_key_file_load_from_data (key_file, contents, length, G_KEY_FILE_NONE, NULL))
    return FALSE;

  info->uuid = g_key_file_get_string (key_file, INFO_GROUP, "uuid", NULL);
  if (info->uuid == NULL || !g_uuid_string_is_valid (info->uuid))
    return FALSE;

  protection = g_key_file_get_value (key_file, INFO_GROUP, "protection", NULL);
  if (protection != NULL && strcmp (protection, "passphrase") != 0 &&
      strcmp (protection, "keyring") != 0)
    return FALSE;
  info->passphrase_protected = g_strcmp0 (protection, "passphrase") == 0;

  info->salt_hex = g_key_file_get_string (key_file, INFO_GROUP, "salt", NULL);
  if (info->passphrase_protected && !salt_is_valid (info->salt_hex))
    return FALSE;

  /* The audit anchor and its MAC come as a pair, checked once the key is known. */
  info->audit_anchor = g_key_file_get_string (key_file, INFO_GROUP, "audit-anchor", NULL);
  info->audit_anchor_mac = g_key_file_get_string (key_file, INFO_GROUP, "audit-anchor-mac", NULL);

  return read_note_boolean (key_file, "recovery-code-confirmed", &info->recovery_confirmed) &&
         read_note_boolean (key_file, "database-created", &info->database_created);
}

char *
_heard_database_info_to_data (const HeardDatabaseInfo *info,
                              gsize                   *length)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (info->uuid != NULL, NULL);

  g_key_file_set_string (key_file, INFO_GROUP, "uuid", info->uuid);
  g_key_file_set_string (key_file, INFO_GROUP, "protection",
                         info->passphrase_protected ? "passphrase" : "keyring");
  if (info->salt_hex != NULL)
    g_key_file_set_string (key_file, INFO_GROUP, "salt", info->salt_hex);
  g_key_file_set_boolean (key_file, INFO_GROUP, "recovery-code-confirmed",
                          info->recovery_confirmed);
  g_key_file_set_boolean (key_file, INFO_GROUP, "database-created", info->database_created);
  if (info->audit_anchor != NULL && info->audit_anchor_mac != NULL)
    {
      g_key_file_set_string (key_file, INFO_GROUP, "audit-anchor", info->audit_anchor);
      g_key_file_set_string (key_file, INFO_GROUP, "audit-anchor-mac", info->audit_anchor_mac);
    }

  return g_key_file_to_data (key_file, length, NULL);
}

void
_heard_database_info_clear (HeardDatabaseInfo *info)
{
  g_return_if_fail (info != NULL);

  database_info_clear (info);
}

/* Anchors the trail where it stands now, on purpose: after a restore the
 * user confirmed, or the recovery code on a new computer. */
void
heard_context_reanchor_audit_async (HeardContext        *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_CONTEXT (self));

  save_anchor (self, TRUE, heard_context_reanchor_audit_async, cancellable, callback,
               user_data);
}

gboolean
heard_context_reanchor_audit_finish (HeardContext  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Checks the whole audit trail against its anchor ("Check Now"). */
void
heard_context_verify_audit_async (HeardContext        *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (self->store != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_verify_audit_async);

  if (self->audit_problem != NULL && self->anchor == NULL)
    {
      /* The problem is with the note itself, outside the file. */
      g_task_return_new_error (task, HEARD_AUDIT_ERROR, HEARD_AUDIT_ERROR_ANCHOR_DAMAGED,
                               "%s", self->audit_problem);
      return;
    }

  heard_store_verify_audit_async (self->store, self->anchor, cancellable, audit_verified_cb,
                                  g_steal_pointer (&task));
}

gboolean
heard_context_verify_audit_finish (HeardContext  *self,
                                   GAsyncResult  *result,
                                   guint         *n_entries,
                                   GError       **error)
{
  gssize count;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  count = g_task_propagate_int (G_TASK (result), error);
  if (count < 0)
    return FALSE;
  if (n_entries != NULL)
    *n_entries = (guint) count;
  return TRUE;
}

/* Someone with the recovery code has seen the problem: it is written down
 * in the audit trail, the hold on writing is lifted and the trail is
 * anchored again where it now stands. Nothing is removed or rewritten. */
void
heard_context_acknowledge_audit_problem_async (HeardContext        *self,
                                               const char          *code,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(HeardKey) key = NULL;
  GError *error = NULL;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (code != NULL);
  g_return_if_fail (self->store != NULL && self->key != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_acknowledge_audit_problem_async);

  key = heard_recovery_code_parse (code, &error);
  if (key == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!heard_key_equal (key, self->key))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "%s",
                               _("That is not the recovery code of these records."));
      return;
    }

  heard_store_acknowledge_audit_async (self->store,
                                       self->audit_problem != NULL ? self->audit_problem
                                                                   : "",
                                       cancellable, audit_acknowledged_cb,
                                       g_steal_pointer (&task));
}

gboolean
heard_context_acknowledge_audit_problem_finish (HeardContext  *self,
                                                GAsyncResult  *result,
                                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

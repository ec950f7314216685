/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-unlock-flow"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "heard-caseworker-passphrase.h"
#include "heard-folder-lock.h"
#include "heard-keyring.h"
#include "heard-recovery-code.h"
#include "heard-secure.h"
#include "heard-sqlite-store.h"
#include "heard-unlock-flow.h"
#include "heard-unlock-flow-private.h"

/*
 * HeardUnlockFlow is the way from "just started" to "records open": the
 * data folder inspected and locked, heard.ini read and written, and the key
 * found in the keyring, typed as a recovery code, derived from a passphrase
 * or, on a first run, made. It ends by handing over the opened store and
 * its key (HeardOpenedRecords); what happens to the records then is the
 * context's business. It keeps one promise above all: a key is only ever
 * made for a database that does not exist yet, so an existing file can
 * never be locked away under a new key.
 *
 * "Does a database exist?" is asked in one place, inspect_data_dir_thread():
 * the records exist if heard.db holds anything, or its -wal or -journal
 * does, or the note says a database was made. Until the records' key is
 * confirmed, start-up only reads the folder (and takes heard.lock): it never
 * deletes or rewrites a file it did not make in this run.
 *
 * In keyring mode the caseworker's own passphrase comes first
 * (heard-caseworker-passphrase.h): once the folder is read, the seal is
 * looked up in the keyring; if it is there, the flow stops at
 * NEEDS_CASEWORKER_PASSPHRASE and only a right passphrase leads on to the
 * key. A seal without its note in the folder, a note without its seal, or
 * a note older than the generation kept with the seal, is refused as
 * changed outside Heard, and the recovery code is the way on.
 * With neither (records made before there was a caseworker passphrase),
 * and after the recovery code, the records open to
 * NEEDS_NEW_CASEWORKER_PASSPHRASE: whoever holds them shows nothing of them
 * until a new passphrase is set (heard_unlock_flow_set_caseworker_passphrase_async()).
 * Passphrase mode and practice records have no caseworker passphrase.
 *
 * A read-only flow (heard_unlock_flow_new_read_only()) is the same way for
 * a reader beside a Heard that has the records open (heard-cli's verify,
 * info and backup): it takes no lock, never writes heard.ini or a key to
 * the keyring, never makes records and opens them read-only, so a file a
 * reader would change is refused rather than changed. It does count wrong
 * caseworker passphrases in caseworker.ini (and raises the generation kept
 * with the seal to match), so that no reader becomes a way round the wait
 * after wrong tries.
 *
 * A flow for existing records (heard_unlock_flow_new_existing()) is the way
 * for heard-cli's writing commands (export): it takes heard.lock and opens
 * the records for writing as Heard does, but like a reader it never makes
 * records where there are none.
 *
 * A practice flow (heard_unlock_flow_new_practice()) is practice from the
 * start, before the folder is read: it opens practice records only, and
 * refuses a folder that holds other records or none, so it never makes
 * real records (and a real key) where practice ones were meant to be.
 */

#define INFO_GROUP "database"
#define WAL_SUFFIX "-wal"
#define JOURNAL_SUFFIX "-journal"

/* What the data folder says about the database; read and written off the
 * main thread, copied whole between threads. */
typedef HeardDatabaseInfo DatabaseInfo;

/* One attempt at opening the records, carried through its asynchronous steps. */
typedef struct
{
  HeardKey                  *key;
  HeardSqliteStoreOpenFlags  open_flags;
  gboolean                   save_key_to_keyring;
  gboolean                   write_info;
  /* The key came from the recovery code, so whoever typed it has kept it. */
  gboolean                   from_recovery_code;
  char                      *passphrase;
  char                      *salt_base64;
  /* Checking a passphrase only: the key the records are open with. */
  HeardKey                  *open_key;
  /* Set once the store has opened with the key. */
  HeardStore                *store;
} Attempt;

/* How a step ended: records opened, or a state to show. */
typedef struct
{
  HeardLockState      state;
  char               *message;
  HeardOpenedRecords *opened;
} Outcome;

struct _HeardUnlockFlow
{
  GObject          parent_instance;

  char            *data_dir;
  gboolean         read_only;
  /* Opens records that exist and never makes any (a writer all the same). */
  gboolean         existing_only;
  /* Opens practice records and nothing else. */
  gboolean         practice_only;
  /* Held from the first start until the flow goes: one Heard per folder. */
  HeardFolderLock *folder_lock;
  DatabaseInfo     info;

  /* The caseworker's seal as the keyring holds it (NULL: none found, or
   * not looked up since the start), whether the caseworker's passphrase
   * was given since the last start, and when the next try may be made
   * (monotonic time, 0: now). With the seal, the lowest generation of
   * caseworker.ini to take. */
  HeardKey        *seal;
  guint64          seal_generation;
  /* Since the last start these records are known never to have had a
   * caseworker passphrase: made in this run, or neither seal nor note. */
  gboolean         caseworker_never_set;
  gboolean         caseworker_passed;
  gint64           retry_at;
  /* Records under a passphrase: wrong tries in a row at leaving co-design
   * mode, which wait as the caseworker's do (retry_at). */
  guint            records_wrong_tries;
  /* The records were opened in a way that asks for a new caseworker
   * passphrase before anything of them is shown. */
  gboolean         needs_new_caseworker_passphrase;
};

G_DEFINE_FINAL_TYPE (HeardUnlockFlow, heard_unlock_flow, G_TYPE_OBJECT)

/* What the inspecting thread is asked to do. */
typedef struct
{
  char     *data_dir;
  gboolean  take_lock;
  /* A reader makes nothing: a missing folder holds no records. */
  gboolean  read_only;
} InspectRequest;

/* What it found, and the folder's lock if it took it. */
typedef struct
{
  DatabaseInfo    *info;
  HeardFolderLock *lock;
} Inspection;

static void open_with_key (GTask *task);

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
  heard_key_free (attempt->open_key);
  heard_secure_free_string (attempt->passphrase);
  g_free (attempt->salt_base64);
  g_clear_object (&attempt->store);
  g_free (attempt);
}

static void
outcome_free (Outcome *outcome)
{
  g_free (outcome->message);
  g_clear_pointer (&outcome->opened, heard_opened_records_free);
  g_free (outcome);
}

static char *
database_path (const char *data_dir)
{
  return g_build_filename (data_dir, HEARD_DATABASE_FILE, NULL);
}

/* Ends a step in a state that asks for something. */
static void
finish_in_state (GTask          *task,
                 HeardLockState  state,
                 const char     *message)
{
  Outcome *outcome = g_new0 (Outcome, 1);

  outcome->state = state;
  outcome->message = g_strdup (message);
  g_task_return_pointer (task, outcome, (GDestroyNotify) outcome_free);
}

/* Ends a step with the records open: they go to whoever asked. */
static void
finish_opened (GTask *task)
{
  HeardUnlockFlow *self = g_task_get_source_object (task);
  Attempt *attempt = g_task_get_task_data (task);
  Outcome *outcome = g_new0 (Outcome, 1);

  /* Practice records, and passphrase mode, have no caseworker passphrase:
   * one is asked for once the records opened without it. */
  self->needs_new_caseworker_passphrase = !self->info.practice &&
                                          !self->info.passphrase_protected &&
                                          !self->caseworker_passed;
  /* Practice records have no recovery code to show. */
  if (!self->info.recovery_confirmed && !self->info.practice)
    outcome->state = HEARD_LOCK_STATE_SHOW_RECOVERY_CODE;
  else if (self->needs_new_caseworker_passphrase)
    outcome->state = HEARD_LOCK_STATE_NEEDS_NEW_CASEWORKER_PASSPHRASE;
  else
    outcome->state = HEARD_LOCK_STATE_OPEN;
  outcome->opened = g_new0 (HeardOpenedRecords, 1);
  outcome->opened->store = g_steal_pointer (&attempt->store);
  outcome->opened->key = heard_key_copy (attempt->key);
  g_task_return_pointer (task, outcome, (GDestroyNotify) outcome_free);
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
  g_autofree char *info_path = g_build_filename (request->data_dir, HEARD_INFO_FILE, NULL);
  Inspection *inspection = g_new0 (Inspection, 1);
  DatabaseInfo *info;
  GError *error = NULL;

  /* The lock comes first: while another Heard holds the folder, nothing
   * in it is even looked at. */
  if ((!request->read_only && !ensure_private_folder (request->data_dir, &error)) ||
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
  info->caseworker_note_exists = heard_caseworker_passphrase_file_exists (request->data_dir);

  /* A missing or damaged note leaves the uuid unknown, which leads to the
   * recovery code: never to a new key. */
  if (!read_note (info_path, info))
    {
      database_info_clear (info);
      info->passphrase_protected = FALSE;
      info->practice = FALSE;
      info->recovery_confirmed = FALSE;
      info->database_created = FALSE;
      info->note_damaged = TRUE;
      info->caseworker_note_exists = heard_caseworker_passphrase_file_exists (request->data_dir);
    }

  g_task_return_pointer (task, inspection, (GDestroyNotify) inspection_free);
}

static void
write_info_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  HeardUnlockFlow *self = source_object;
  const DatabaseInfo *info = task_data;
  g_autofree char *info_path = g_build_filename (self->data_dir, HEARD_INFO_FILE, NULL);
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

/* Writes heard.ini off the main thread, then calls @callback with a
 * reference to @step_task. */
static void
write_info_async (HeardUnlockFlow     *self,
                  GAsyncReadyCallback  callback,
                  GTask               *step_task)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, g_object_ref (step_task));
  DatabaseInfo *copy = g_new0 (DatabaseInfo, 1);

  static guint64 generation;

  database_info_copy (copy, &self->info);
  copy->generation = ++generation;
  g_task_set_source_tag (task, write_info_async);
  g_task_set_task_data (task, copy, (GDestroyNotify) database_info_free);
  g_task_run_in_thread (task, write_info_thread);
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

  finish_opened (task);
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
  HeardUnlockFlow *self = g_task_get_source_object (task);
  Attempt *attempt = g_task_get_task_data (task);
  GError *error = NULL;

  if (!heard_sqlite_store_open_finish (HEARD_SQLITE_STORE (store), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  attempt->store = g_steal_pointer (&store);

  /* Whoever opened the records with the recovery code has kept it. */
  if (attempt->from_recovery_code)
    self->info.recovery_confirmed = TRUE;

  /* From now on a missing records file is a loss to report, not a first run. */
  if ((attempt->open_flags & HEARD_SQLITE_STORE_OPEN_CREATE) != 0)
    {
      self->info.database_created = TRUE;
      attempt->write_info = TRUE;
    }

  if (self->read_only)
    {
      finish_opened (task);
      return;
    }

  if (attempt->save_key_to_keyring && !self->info.passphrase_protected)
    heard_keyring_store_async (self->info.uuid, attempt->key, NULL, key_restored_cb, NULL);

  if (attempt->write_info)
    write_info_async (self, info_written_after_open_cb, task);
  else
    finish_opened (task);
}

static void
open_with_key (GTask *task)
{
  HeardUnlockFlow *self = g_task_get_source_object (task);
  Attempt *attempt = g_task_get_task_data (task);
  g_autofree char *path = database_path (self->data_dir);
  HeardStore *store = heard_sqlite_store_new (path);
  HeardSqliteStoreOpenFlags flags = attempt->open_flags;

  /* Records opened for writing are shown before SQLite's quick check: the
   * context has the audit guard run it with the check of the trail, before
   * any write. A reader checks them whole first. */
  if (self->read_only)
    flags |= HEARD_SQLITE_STORE_OPEN_READ_ONLY;
  else
    flags |= HEARD_SQLITE_STORE_OPEN_CHECK_LATER;
  heard_sqlite_store_open_async (HEARD_SQLITE_STORE (store), attempt->key, flags,
                                 g_task_get_cancellable (task), store_opened_cb,
                                 g_object_ref (task));
}

/* Turns a refusal from the store during start-up into a state to show. */
static void
finish_with_open_error (GTask  *task,
                        GError *error)
{
  HeardUnlockFlow *self = g_task_get_source_object (task);

  /* A practice set has its key beside it: no code could do better. */
  if (g_error_matches (error, HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_WRONG_KEY) &&
      !self->info.practice)
    finish_in_state (task, HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE, error->message);
  else
    finish_in_state (task, HEARD_LOCK_STATE_FAILED, error->message);
}

static void
attempt_finished_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  Outcome *outcome = g_task_propagate_pointer (G_TASK (result), &error);

  if (outcome == NULL)
    finish_with_open_error (task, error);
  else
    g_task_return_pointer (task, outcome, (GDestroyNotify) outcome_free);
}

/* Runs an inner attempt whose refusals become states of the outer @task. */
static void
run_attempt (GTask   *task,
             Attempt *attempt)
{
  HeardUnlockFlow *self = g_task_get_source_object (task);
  g_autoptr(GTask) inner = g_task_new (self, g_task_get_cancellable (task),
                                       attempt_finished_cb, g_object_ref (task));

  g_task_set_source_tag (inner, run_attempt);
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
  create->open_flags = HEARD_SQLITE_STORE_OPEN_CREATE;
  run_attempt (task, create);
}

static void
first_key_stored_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardUnlockFlow *self = g_task_get_source_object (task);
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
new_first_run_attempt (HeardUnlockFlow *self,
                       HeardKey        *key)
{
  Attempt *attempt = g_new0 (Attempt, 1);

  g_free (self->info.uuid);
  self->info.uuid = g_uuid_string_random ();
  self->info.recovery_confirmed = FALSE;
  attempt->key = key;
  attempt->open_flags = HEARD_SQLITE_STORE_OPEN_CREATE;

  return attempt;
}

static void
begin_first_run (GTask *task)
{
  HeardUnlockFlow *self = g_task_get_source_object (task);
  Attempt *attempt = new_first_run_attempt (self, heard_key_new_random ());

  self->info.passphrase_protected = FALSE;
  self->caseworker_never_set = TRUE;
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
      /* The locked keyring page says all there is to say; a message is
       * kept for an unlock that was tried and did not happen. */
      if (g_error_matches (error, HEARD_KEYRING_ERROR, HEARD_KEYRING_ERROR_LOCKED))
        finish_in_state (task, HEARD_LOCK_STATE_KEYRING_LOCKED, NULL);
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
read_practice_key_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  HeardUnlockFlow *self = source_object;
  g_autofree char *path = g_build_filename (self->data_dir, HEARD_PRACTICE_KEY_FILE, NULL);
  g_autoptr(HeardSecretString) hex = NULL;
  GError *error = NULL;
  HeardKey *key;

  if (!g_file_get_contents (path, &hex, NULL, &error))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("The key of these practice records (%s) cannot be read: %s. "
                                 "Make the practice records again."),
                               HEARD_PRACTICE_KEY_FILE, error->message);
      g_error_free (error);
      return;
    }

  key = heard_key_new_from_hex (g_strstrip (hex), &error);
  if (key == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The key of these practice records (%s) is damaged. "
                                 "Make the practice records again."), HEARD_PRACTICE_KEY_FILE);
      g_error_free (error);
      return;
    }

  g_task_return_pointer (task, key, (GDestroyNotify) heard_key_free);
}

static void
practice_key_read_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  HeardKey *key = g_task_propagate_pointer (G_TASK (result), &error);
  Attempt *attempt;

  if (key == NULL)
    {
      finish_in_state (task, HEARD_LOCK_STATE_FAILED, error->message);
      return;
    }

  attempt = g_new0 (Attempt, 1);
  attempt->key = key;
  run_attempt (task, attempt);
}

/* Practice records open silently with the key beside them: no keyring,
 * no passphrase, no recovery code. */
static void
open_practice_records (GTask *task)
{
  HeardUnlockFlow *self = g_task_get_source_object (task);
  g_autoptr(GTask) reading = g_task_new (self, g_task_get_cancellable (task),
                                         practice_key_read_cb, g_object_ref (task));

  g_task_set_source_tag (reading, open_practice_records);
  g_task_run_in_thread (reading, read_practice_key_thread);
}

static void
look_up_key (GTask *task)
{
  HeardUnlockFlow *self = g_task_get_source_object (task);

  heard_keyring_lookup_async (self->info.uuid, g_task_get_cancellable (task),
                              keyring_looked_up_cb, g_object_ref (task));
}

/* Notes when the next caseworker passphrase may be tried. */
static void
note_wait (HeardUnlockFlow *self,
           guint            wait_seconds)
{
  self->retry_at = wait_seconds > 0
                   ? g_get_monotonic_time () + (gint64) wait_seconds * G_USEC_PER_SEC : 0;
}

/* The note or its seal was changed outside Heard: no passphrase is taken
 * for these records any more, only the recovery code. */
static void
finish_changed_outside (GTask        *task,
                        const GError *error)
{
  HeardUnlockFlow *self = g_task_get_source_object (task);

  g_clear_pointer (&self->seal, heard_key_free);
  finish_in_state (task, HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE, error->message);
}

static void
caseworker_note_inspected_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardUnlockFlow *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  guint wait_seconds = 0;

  if (!heard_caseworker_passphrase_finish (result, &wait_seconds, &self->seal_generation,
                                           &error))
    {
      if (g_error_matches (error, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                           HEARD_CASEWORKER_PASSPHRASE_ERROR_CHANGED_OUTSIDE))
        finish_changed_outside (task, error);
      else
        finish_in_state (task, HEARD_LOCK_STATE_FAILED, error->message);
      return;
    }

  note_wait (self, wait_seconds);
  finish_in_state (task, HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE, NULL);
}

static void
seal_looked_up_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardUnlockFlow *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  guint64 generation = 0;
  gboolean unwritten = FALSE;
  HeardKey *seal = heard_keyring_lookup_seal_finish (result, &generation, &unwritten, &error);

  g_clear_pointer (&self->seal, heard_key_free);

  /* The first passphrase of records that never had one was being set when
   * Heard stopped, before its note was written: they still have none. A
   * seal that ever had a note written under it is never unwritten, so a
   * note deleted after it was set is still refused below. */
  if (seal != NULL && unwritten && !self->info.caseworker_note_exists)
    {
      heard_key_free (seal);
      self->caseworker_never_set = TRUE;
      look_up_key (task);
      return;
    }

  if (seal == NULL && g_error_matches (error, HEARD_KEYRING_ERROR, HEARD_KEYRING_ERROR_NOT_FOUND))
    {
      g_autoptr(GError) changed = NULL;

      /* No passphrase set yet, unless its note says otherwise. */
      if (!self->info.caseworker_note_exists)
        {
          self->caseworker_never_set = TRUE;
          look_up_key (task);
          return;
        }
      g_set_error_literal (&changed, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                           HEARD_CASEWORKER_PASSPHRASE_ERROR_CHANGED_OUTSIDE,
                           _("The keyring no longer holds the seal of your passphrase, so "
                             "Heard will not open the records with it: it was changed outside "
                             "Heard. The recovery code opens them, and then you can choose a "
                             "new passphrase."));
      finish_changed_outside (task, changed);
      return;
    }

  if (seal == NULL)
    {
      if (g_error_matches (error, HEARD_KEYRING_ERROR, HEARD_KEYRING_ERROR_LOCKED))
        finish_in_state (task, HEARD_LOCK_STATE_KEYRING_LOCKED, NULL);
      else if (g_error_matches (error, HEARD_KEYRING_ERROR, HEARD_KEYRING_ERROR_FAILED))
        finish_in_state (task, HEARD_LOCK_STATE_FAILED, error->message);
      else
        finish_in_state (task, HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE, error->message);
      return;
    }

  self->seal = seal;
  self->seal_generation = generation;
  heard_caseworker_passphrase_inspect_async (self->data_dir, self->info.uuid, self->seal,
                                             self->seal_generation,
                                             g_task_get_cancellable (task),
                                             caseworker_note_inspected_cb, g_object_ref (task));
}

static void
continue_with_existing_database (GTask *task)
{
  HeardUnlockFlow *self = g_task_get_source_object (task);

  if (self->info.practice && !self->info.note_damaged)
    open_practice_records (task);
  else if (self->info.note_damaged)
    finish_in_state (task, HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE,
                     _("Heard's note of which key belongs to these records (heard.ini) is "
                       "damaged, so Heard cannot tell which key to use. The recovery code "
                       "opens them, and Heard then writes the note afresh."));
  else if (self->info.passphrase_protected)
    finish_in_state (task, HEARD_LOCK_STATE_NEEDS_PASSPHRASE, NULL);
  else if (self->info.uuid == NULL)
    finish_in_state (task, HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE,
                     _("Heard's note of which key belongs to these records is missing."));
  else if (self->caseworker_passed)
    look_up_key (task);
  else
    heard_keyring_lookup_seal_async (self->info.uuid, g_task_get_cancellable (task),
                                     seal_looked_up_cb, g_object_ref (task));
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
                            HEARD_DATABASE_FILE, HEARD_DATABASE_FILE,
                            info->wal_has_records ? WAL_SUFFIX : JOURNAL_SUFFIX,
                            HEARD_DATABASE_FILE);

  if (info->note_damaged)
    return g_strdup_printf (_("The records file %s is missing, and Heard's note about it (%s) "
                              "cannot be read. If the records are being restored, put them "
                              "back and choose Try Again. Heard has not made new records, "
                              "and has not changed any file, so nothing can be overwritten."),
                            HEARD_DATABASE_FILE, HEARD_INFO_FILE);

  return g_strdup_printf (_("The records file %s is missing or empty. If it was moved or is "
                            "being restored, put it back and choose Try Again. Heard has not "
                            "made new records in its place, so nothing can be overwritten."),
                          HEARD_DATABASE_FILE);
}

static void
inspected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardUnlockFlow *self = HEARD_UNLOCK_FLOW (object);
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

  if (self->practice_only && !(self->info.database_exists && self->info.practice))
    {
      g_autofree char *message = g_strdup_printf (_("The practice records’ folder, “%s”, holds "
                                                    "no practice records."),
                                                  self->data_dir);

      finish_in_state (task, HEARD_LOCK_STATE_FAILED, message);
    }
  else if (self->info.database_exists)
    continue_with_existing_database (task);
  else if (records_exist (&self->info))
    {
      g_autofree char *message = describe_missing_database (&self->info);

      finish_in_state (task, HEARD_LOCK_STATE_FAILED, message);
    }
  else if (self->read_only || self->existing_only)
    {
      g_autofree char *message = g_strdup_printf (_("There are no records in %s."),
                                                  self->data_dir);

      finish_in_state (task, HEARD_LOCK_STATE_FAILED, message);
    }
  else
    begin_first_run (task);
}

/* In a worker thread: @attempt's key from its passphrase and salt. */
static gboolean
derive_attempt_key (Attempt  *attempt,
                    GError  **error)
{
  guint8 salt[HEARD_KEY_SALT_SIZE];
  gsize salt_length = 0;
  g_autofree guint8 *decoded = NULL;

  decoded = attempt->salt_base64 != NULL ? g_base64_decode (attempt->salt_base64, &salt_length)
                                         : NULL;
  if (salt_length != HEARD_KEY_SALT_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s",
                   _("Heard's note of how the passphrase is used is damaged. "
                     "Use the recovery code instead."));
      return FALSE;
    }
  memcpy (salt, decoded, sizeof salt);

  attempt->key = heard_key_derive_from_passphrase (attempt->passphrase, salt, error);
  return attempt->key != NULL;
}

static void
derive_key_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;

  if (!derive_attempt_key (task_data, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
check_records_passphrase_thread (GTask        *task,
                                 gpointer      source_object,
                                 gpointer      task_data,
                                 GCancellable *cancellable)
{
  Attempt *attempt = task_data;
  GError *error = NULL;

  if (!derive_attempt_key (attempt, &error))
    g_task_return_error (task, error);
  else if (!heard_key_equal (attempt->key, attempt->open_key))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "%s",
                             _("That is not the passphrase of these records. Try again."));
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
  if ((attempt->open_flags & HEARD_SQLITE_STORE_OPEN_CREATE) != 0 && attempt->write_info)
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
  HeardUnlockFlow *self = g_task_get_source_object (task);
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
keyring_waited_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!heard_keyring_wait_unlocked_finish (result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* heard.ini was written (write_info_async()) for a step that finishes as
 * a boolean. */
static void
info_written_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
recovery_confirmed_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  if (g_task_had_error (G_TASK (result)))
    HEARD_UNLOCK_FLOW (object)->info.recovery_confirmed = FALSE;

  info_written_cb (object, result, user_data);
}

static void
heard_unlock_flow_finalize (GObject *object)
{
  HeardUnlockFlow *self = HEARD_UNLOCK_FLOW (object);

  g_clear_pointer (&self->folder_lock, heard_folder_lock_release);
  database_info_clear (&self->info);
  g_clear_pointer (&self->seal, heard_key_free);
  g_free (self->data_dir);

  G_OBJECT_CLASS (heard_unlock_flow_parent_class)->finalize (object);
}

static void
heard_unlock_flow_class_init (HeardUnlockFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = heard_unlock_flow_finalize;
}

static void
heard_unlock_flow_init (HeardUnlockFlow *self)
{
}

void
heard_opened_records_free (HeardOpenedRecords *opened)
{
  if (opened == NULL)
    return;

  g_clear_object (&opened->store);
  g_clear_pointer (&opened->key, heard_key_free);
  g_free (opened);
}

HeardUnlockFlow *
heard_unlock_flow_new (const char *data_dir)
{
  HeardUnlockFlow *self;

  g_return_val_if_fail (data_dir != NULL, NULL);

  self = g_object_new (HEARD_TYPE_UNLOCK_FLOW, NULL);
  self->data_dir = g_strdup (data_dir);

  return self;
}

/* A flow for a reader beside whoever has the records open: see the top of
 * this file. It never makes records: a folder without any finishes FAILED
 * (heard_unlock_flow_get_records_exist() tells that case apart). */
HeardUnlockFlow *
heard_unlock_flow_new_read_only (const char *data_dir)
{
  HeardUnlockFlow *self = heard_unlock_flow_new (data_dir);

  if (self != NULL)
    self->read_only = TRUE;

  return self;
}

/* A flow that writes, for records that exist: see the top of this file.
 * A folder without any finishes FAILED, as a reader's does. */
HeardUnlockFlow *
heard_unlock_flow_new_existing (const char *data_dir)
{
  HeardUnlockFlow *self = heard_unlock_flow_new (data_dir);

  if (self != NULL)
    self->existing_only = TRUE;

  return self;
}

const char *
heard_unlock_flow_get_data_dir (HeardUnlockFlow *self)
{
  g_return_val_if_fail (HEARD_IS_UNLOCK_FLOW (self), NULL);

  return self->data_dir;
}

/* A flow for the practice records in @data_dir: see the top of this file. */
HeardUnlockFlow *
heard_unlock_flow_new_practice (const char *data_dir)
{
  HeardUnlockFlow *self = heard_unlock_flow_new (data_dir);

  if (self != NULL)
    self->practice_only = TRUE;

  return self;
}

/* The records' uuid as heard.ini notes it; NULL until known. */
const char *
heard_unlock_flow_get_uuid (HeardUnlockFlow *self)
{
  g_return_val_if_fail (HEARD_IS_UNLOCK_FLOW (self), NULL);

  return self->info.uuid;
}

/* Whether anything of the records was found in the folder (or made since):
 * only then can a recovery code exist to open them. */
gboolean
heard_unlock_flow_get_records_exist (HeardUnlockFlow *self)
{
  g_return_val_if_fail (HEARD_IS_UNLOCK_FLOW (self), FALSE);

  return records_exist (&self->info);
}

/* Whether the key comes from a passphrase rather than the keyring. */
gboolean
heard_unlock_flow_get_passphrase_protected (HeardUnlockFlow *self)
{
  g_return_val_if_fail (HEARD_IS_UNLOCK_FLOW (self), FALSE);

  return self->info.passphrase_protected;
}

/* Whether the folder holds practice records (heard.ini says so, or the
 * flow was made for them): they open with the key beside them, never
 * through the keyring. */
gboolean
heard_unlock_flow_get_practice (HeardUnlockFlow *self)
{
  g_return_val_if_fail (HEARD_IS_UNLOCK_FLOW (self), FALSE);

  return self->practice_only || self->info.practice;
}

static GTask *
new_step (HeardUnlockFlow     *self,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);

  return task;
}

/* A read-only flow notes nothing: @task finishes with an error saying so. */
static gboolean
refuse_if_read_only (HeardUnlockFlow *self,
                     GTask           *task)
{
  if (!self->read_only)
    return FALSE;

  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_READ_ONLY, "%s",
                           _("These records were opened only to be read."));
  return TRUE;
}

void
heard_unlock_flow_start_async (HeardUnlockFlow     *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inspect = NULL;
  InspectRequest *request;

  g_return_if_fail (HEARD_IS_UNLOCK_FLOW (self));

  task = new_step (self, heard_unlock_flow_start_async, cancellable, callback, user_data);
  /* Every start asks for the caseworker's passphrase again. */
  self->caseworker_passed = FALSE;
  self->caseworker_never_set = FALSE;
  self->needs_new_caseworker_passphrase = FALSE;
  inspect = g_task_new (self, cancellable, inspected_cb, g_object_ref (task));
  g_task_set_source_tag (inspect, inspected_cb);
  request = g_new0 (InspectRequest, 1);
  request->data_dir = g_strdup (self->data_dir);
  request->take_lock = !self->read_only && self->folder_lock == NULL;
  request->read_only = self->read_only;
  g_task_set_task_data (inspect, request, (GDestroyNotify) inspect_request_free);
  g_task_run_in_thread (inspect, inspect_data_dir_thread);
}

void
heard_unlock_flow_resume_async (HeardUnlockFlow     *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HEARD_IS_UNLOCK_FLOW (self));

  task = new_step (self, heard_unlock_flow_resume_async, cancellable, callback, user_data);
  continue_with_existing_database (task);
}

void
heard_unlock_flow_unlock_keyring_async (HeardUnlockFlow     *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HEARD_IS_UNLOCK_FLOW (self));
  g_return_if_fail (self->info.uuid != NULL);

  task = new_step (self, heard_unlock_flow_unlock_keyring_async, cancellable, callback,
                   user_data);
  heard_keyring_unlock_async (self->info.uuid, cancellable, keyring_unlocked_cb,
                              g_steal_pointer (&task));
}

void
heard_unlock_flow_unlock_with_recovery_code_async (HeardUnlockFlow     *self,
                                                   const char          *code,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Attempt *attempt;
  HeardKey *key;
  GError *error = NULL;

  g_return_if_fail (HEARD_IS_UNLOCK_FLOW (self));
  g_return_if_fail (code != NULL);

  task = new_step (self, heard_unlock_flow_unlock_with_recovery_code_async, cancellable,
                   callback, user_data);

  if (self->info.practice)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("Practice records open without a recovery code."));
      return;
    }

  key = heard_recovery_code_parse (code, &error);
  if (key == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  attempt = g_new0 (Attempt, 1);
  attempt->key = key;
  attempt->from_recovery_code = TRUE;
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
heard_unlock_flow_unlock_with_passphrase_async (HeardUnlockFlow     *self,
                                                const char          *passphrase,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Attempt *attempt;

  g_return_if_fail (HEARD_IS_UNLOCK_FLOW (self));
  g_return_if_fail (passphrase != NULL);

  task = new_step (self, heard_unlock_flow_unlock_with_passphrase_async, cancellable, callback,
                   user_data);

  attempt = g_new0 (Attempt, 1);
  attempt->passphrase = g_strdup (passphrase);
  g_task_set_task_data (task, attempt, (GDestroyNotify) attempt_free);
  derive_key_and_open (task);
}

void
heard_unlock_flow_create_with_passphrase_async (HeardUnlockFlow     *self,
                                                const char          *passphrase,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  guint8 salt[HEARD_KEY_SALT_SIZE];
  Attempt *attempt;

  g_return_if_fail (HEARD_IS_UNLOCK_FLOW (self));
  g_return_if_fail (passphrase != NULL);
  g_return_if_fail (!records_exist (&self->info));
  g_return_if_fail (!self->read_only);

  task = new_step (self, heard_unlock_flow_create_with_passphrase_async, cancellable, callback,
                   user_data);

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

static void
caseworker_checked_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardUnlockFlow *self = g_task_get_source_object (task);
  GError *error = NULL;
  guint wait_seconds = 0;

  if (!heard_caseworker_passphrase_finish (result, &wait_seconds, &self->seal_generation,
                                           &error))
    {
      note_wait (self, wait_seconds);
      if (g_error_matches (error, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                           HEARD_CASEWORKER_PASSPHRASE_ERROR_CHANGED_OUTSIDE))
        {
          finish_changed_outside (task, error);
          g_error_free (error);
        }
      else
        g_task_return_error (task, error);
      return;
    }

  note_wait (self, 0);
  self->caseworker_passed = TRUE;
  look_up_key (task);
}

/* Only a right passphrase leads on to the key; a wrong one finishes with
 * an error (HEARD_CASEWORKER_PASSPHRASE_ERROR) and the state unchanged. */
void
heard_unlock_flow_unlock_with_caseworker_passphrase_async (HeardUnlockFlow     *self,
                                                           const char          *passphrase,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HEARD_IS_UNLOCK_FLOW (self));
  g_return_if_fail (passphrase != NULL);

  task = new_step (self, heard_unlock_flow_unlock_with_caseworker_passphrase_async, cancellable,
                   callback, user_data);
  if (self->seal == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("These records have no passphrase of yours to give."));
      return;
    }

  heard_caseworker_passphrase_check_async (self->data_dir, self->info.uuid, self->seal,
                                           self->seal_generation, passphrase, cancellable,
                                           caseworker_checked_cb, g_steal_pointer (&task));
}

/* A new passphrase on its way: its seal, then its note. */
typedef struct
{
  HeardKey *seal;
  guint64   generation;
  char     *passphrase;
} NewPassphrase;

static void
new_passphrase_free (NewPassphrase *request)
{
  heard_key_free (request->seal);
  heard_secure_free_string (request->passphrase);
  g_free (request);
}

static void
caseworker_note_set_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardUnlockFlow *self = g_task_get_source_object (task);
  NewPassphrase *request = g_task_get_task_data (task);
  GError *error = NULL;
  guint64 generation = 0;

  if (!heard_caseworker_passphrase_finish (result, NULL, &generation, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  note_wait (self, 0);
  g_clear_pointer (&self->seal, heard_key_free);
  self->seal = g_steal_pointer (&request->seal);
  self->seal_generation = generation;
  self->caseworker_never_set = FALSE;
  self->needs_new_caseworker_passphrase = FALSE;
  self->caseworker_passed = TRUE;
  g_task_return_boolean (task, TRUE);
}

static void
seal_stored_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardUnlockFlow *self = g_task_get_source_object (task);
  NewPassphrase *request = g_task_get_task_data (task);
  GError *error = NULL;

  if (!heard_keyring_store_seal_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  heard_caseworker_passphrase_set_async (self->data_dir, self->info.uuid, request->seal,
                                         request->generation, request->passphrase,
                                         g_task_get_cancellable (task), caseworker_note_set_cb,
                                         g_object_ref (task));
}

/* Sets the caseworker's passphrase once the records opened asking for a
 * new one (NEEDS_NEW_CASEWORKER_PASSPHRASE): a new seal, then its note.
 * The seal comes first, so that a keyring that cannot keep it leaves
 * everything as it was, and the passphrase is set only once the keyring
 * holds the note's generation. Heard stopped in between leaves the new seal
 * without a note written under it. For records that never had a passphrase
 * the seal is kept unwritten (generation 0), and such a seal without any
 * note is taken as no passphrase yet, which is what they had; a seal that
 * ever had its note is never unwritten, so deleting the note is no way
 * round it. Records that had a passphrase before (the recovery code opened
 * them) get generation 1: there a missing note is refused as changed
 * outside Heard, and the recovery code opens them again. */
void
heard_unlock_flow_set_caseworker_passphrase_async (HeardUnlockFlow     *self,
                                                   const char          *passphrase,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  NewPassphrase *request;
  GError *error = NULL;

  g_return_if_fail (HEARD_IS_UNLOCK_FLOW (self));
  g_return_if_fail (passphrase != NULL);

  task = new_step (self, heard_unlock_flow_set_caseworker_passphrase_async, cancellable,
                   callback, user_data);
  if (refuse_if_read_only (self, task))
    return;
  if (!self->needs_new_caseworker_passphrase)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("Your passphrase can only be chosen once the records are open."));
      return;
    }
  if (!heard_caseworker_passphrase_is_usable (passphrase, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  request = g_new0 (NewPassphrase, 1);
  request->seal = heard_key_new_random ();
  request->passphrase = g_strdup (passphrase);
  g_task_set_task_data (task, request, (GDestroyNotify) new_passphrase_free);
  /* Generation 0, unwritten, only for records that never had a passphrase:
   * should Heard stop before the note is written, they still have none.
   * Otherwise generation 1, so that the note is needed from the start. */
  request->generation = self->caseworker_never_set ? 0 : 1;
  heard_keyring_store_seal_async (self->info.uuid, request->seal, request->generation,
                                  cancellable, seal_stored_cb, g_steal_pointer (&task));
}

gboolean
heard_unlock_flow_set_caseworker_passphrase_finish (HeardUnlockFlow  *self,
                                                    GAsyncResult     *result,
                                                    GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* A check or a change of the passphrase while open has finished. */
static void
caseworker_changed_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardUnlockFlow *self = g_task_get_source_object (task);
  GError *error = NULL;
  guint wait_seconds = 0;

  note_wait (self, heard_caseworker_passphrase_finish (result, &wait_seconds,
                                                       &self->seal_generation, &error)
                   ? 0 : wait_seconds);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Changes the caseworker's passphrase while the records are open: the old
 * one is checked (and a wrong one counted) as at an unlock. */
void
heard_unlock_flow_change_caseworker_passphrase_async (HeardUnlockFlow     *self,
                                                      const char          *old_passphrase,
                                                      const char          *new_passphrase,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HEARD_IS_UNLOCK_FLOW (self));
  g_return_if_fail (old_passphrase != NULL && new_passphrase != NULL);

  task = new_step (self, heard_unlock_flow_change_caseworker_passphrase_async, cancellable,
                   callback, user_data);
  if (refuse_if_read_only (self, task))
    return;
  if (self->seal == NULL || !self->caseworker_passed)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("These records have no passphrase of yours to change."));
      return;
    }

  heard_caseworker_passphrase_change_async (self->data_dir, self->info.uuid, self->seal,
                                            self->seal_generation, old_passphrase,
                                            new_passphrase, cancellable, caseworker_changed_cb,
                                            g_steal_pointer (&task));
}

gboolean
heard_unlock_flow_change_caseworker_passphrase_finish (HeardUnlockFlow  *self,
                                                       GAsyncResult     *result,
                                                       GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Checks the caseworker's passphrase while the records are open: a wrong
 * one is counted, and waits after too many, as at an unlock. */
void
heard_unlock_flow_check_caseworker_passphrase_async (HeardUnlockFlow     *self,
                                                     const char          *passphrase,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HEARD_IS_UNLOCK_FLOW (self));
  g_return_if_fail (passphrase != NULL);

  task = new_step (self, heard_unlock_flow_check_caseworker_passphrase_async, cancellable,
                   callback, user_data);
  if (refuse_if_read_only (self, task))
    return;
  if (self->seal == NULL || !self->caseworker_passed)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("These records have no passphrase of yours to check."));
      return;
    }

  heard_caseworker_passphrase_check_async (self->data_dir, self->info.uuid, self->seal,
                                           self->seal_generation, passphrase, cancellable,
                                           caseworker_changed_cb, g_steal_pointer (&task));
}

gboolean
heard_unlock_flow_check_caseworker_passphrase_finish (HeardUnlockFlow  *self,
                                                      GAsyncResult     *result,
                                                      GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Counts a wrong try, or clears the count on the right one, then ends
 * the caller's task. */
static void
records_passphrase_checked_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  HeardUnlockFlow *self = HEARD_UNLOCK_FLOW (object);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      self->records_wrong_tries = 0;
      note_wait (self, 0);
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    note_wait (self, heard_caseworker_passphrase_wait_after (++self->records_wrong_tries));
  g_task_return_error (task, error);
}

static void
check_records_passphrase (HeardUnlockFlow     *self,
                          const char          *passphrase,
                          const HeardKey      *open_key,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) check = NULL;
  Attempt *attempt;

  task = new_step (self, heard_unlock_flow_check_staff_passphrase_async, cancellable, callback,
                   user_data);
  /* The young person may be at the keyboard: guessing waits, as at an unlock. */
  if (self->retry_at > g_get_monotonic_time ())
    {
      g_task_return_new_error (task, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                               HEARD_CASEWORKER_PASSPHRASE_ERROR_TOO_SOON, "%s",
                               _("Too many wrong tries. Wait a little, then try again."));
      return;
    }

  attempt = g_new0 (Attempt, 1);
  attempt->passphrase = g_strdup (passphrase);
  attempt->salt_base64 = g_strdup (self->info.salt_hex);
  attempt->open_key = heard_key_copy (open_key);
  check = g_task_new (self, cancellable, records_passphrase_checked_cb, g_steal_pointer (&task));
  g_task_set_source_tag (check, check_records_passphrase);
  g_task_set_task_data (check, attempt, (GDestroyNotify) attempt_free);
  g_task_run_in_thread (check, check_records_passphrase_thread);
}

void
heard_unlock_flow_check_staff_passphrase_async (HeardUnlockFlow     *self,
                                                const char          *passphrase,
                                                const HeardKey      *open_key,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_UNLOCK_FLOW (self));
  g_return_if_fail (passphrase != NULL);

  if (!heard_unlock_flow_get_has_caseworker_passphrase (self) &&
      self->info.passphrase_protected && open_key != NULL)
    check_records_passphrase (self, passphrase, open_key, cancellable, callback, user_data);
  else
    heard_unlock_flow_check_caseworker_passphrase_async (self, passphrase, cancellable, callback,
                                                         user_data);
}

gboolean
heard_unlock_flow_check_staff_passphrase_finish (HeardUnlockFlow  *self,
                                                 GAsyncResult     *result,
                                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* When the next caseworker passphrase may be tried (monotonic time), or 0. */
gint64
heard_unlock_flow_get_caseworker_retry_at (HeardUnlockFlow *self)
{
  g_return_val_if_fail (HEARD_IS_UNLOCK_FLOW (self), 0);

  return self->retry_at;
}

/* Whether the records opened asking for a new caseworker passphrase. */
gboolean
heard_unlock_flow_get_needs_new_caseworker_passphrase (HeardUnlockFlow *self)
{
  g_return_val_if_fail (HEARD_IS_UNLOCK_FLOW (self), FALSE);

  return self->needs_new_caseworker_passphrase;
}

/* Whether the records have a caseworker passphrase, and it was given. */
gboolean
heard_unlock_flow_get_has_caseworker_passphrase (HeardUnlockFlow *self)
{
  g_return_val_if_fail (HEARD_IS_UNLOCK_FLOW (self), FALSE);

  return self->seal != NULL && self->caseworker_passed;
}

void
heard_unlock_flow_release_folder (HeardUnlockFlow *self)
{
  g_return_if_fail (HEARD_IS_UNLOCK_FLOW (self));

  g_clear_pointer (&self->folder_lock, heard_folder_lock_release);
}

HeardLockState
heard_unlock_flow_finish (HeardUnlockFlow     *self,
                          GAsyncResult        *result,
                          HeardOpenedRecords **opened,
                          char               **message,
                          GError             **error)
{
  Outcome *outcome;
  HeardLockState state;

  g_return_val_if_fail (HEARD_IS_UNLOCK_FLOW (self), HEARD_LOCK_STATE_FAILED);
  g_return_val_if_fail (g_task_is_valid (result, self), HEARD_LOCK_STATE_FAILED);
  g_return_val_if_fail (opened != NULL && *opened == NULL, HEARD_LOCK_STATE_FAILED);

  outcome = g_task_propagate_pointer (G_TASK (result), error);
  if (outcome == NULL)
    return HEARD_LOCK_STATE_FAILED;

  state = outcome->state;
  *opened = g_steal_pointer (&outcome->opened);
  if (message != NULL)
    *message = g_steal_pointer (&outcome->message);
  outcome_free (outcome);

  return state;
}

void
heard_unlock_flow_wait_for_keyring_async (HeardUnlockFlow     *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HEARD_IS_UNLOCK_FLOW (self));
  g_return_if_fail (self->info.uuid != NULL);

  task = new_step (self, heard_unlock_flow_wait_for_keyring_async, cancellable, callback,
                   user_data);
  heard_keyring_wait_unlocked_async (self->info.uuid, cancellable, keyring_waited_cb,
                                     g_steal_pointer (&task));
}

gboolean
heard_unlock_flow_wait_for_keyring_finish (HeardUnlockFlow  *self,
                                           GAsyncResult     *result,
                                           GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
heard_unlock_flow_confirm_recovery_code_kept_async (HeardUnlockFlow     *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HEARD_IS_UNLOCK_FLOW (self));

  task = new_step (self, heard_unlock_flow_confirm_recovery_code_kept_async, cancellable,
                   callback, user_data);
  if (refuse_if_read_only (self, task))
    return;
  self->info.recovery_confirmed = TRUE;
  write_info_async (self, recovery_confirmed_cb, task);
}

gboolean
heard_unlock_flow_confirm_recovery_code_kept_finish (HeardUnlockFlow  *self,
                                                     GAsyncResult     *result,
                                                     GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The anchor is checked against its MAC by whoever knows the key. */
const char *
heard_unlock_flow_get_audit_anchor (HeardUnlockFlow  *self,
                                    const char      **mac)
{
  g_return_val_if_fail (HEARD_IS_UNLOCK_FLOW (self), NULL);
  g_return_val_if_fail (mac != NULL, NULL);

  *mac = self->info.audit_anchor_mac;

  return self->info.audit_anchor;
}

void
heard_unlock_flow_note_audit_anchor_async (HeardUnlockFlow     *self,
                                           const char          *anchor,
                                           const char          *mac,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HEARD_IS_UNLOCK_FLOW (self));
  g_return_if_fail (anchor != NULL && mac != NULL);
  g_return_if_fail (self->info.uuid != NULL);

  task = new_step (self, heard_unlock_flow_note_audit_anchor_async, cancellable, callback,
                   user_data);
  if (refuse_if_read_only (self, task))
    return;
  g_free (self->info.audit_anchor);
  self->info.audit_anchor = g_strdup (anchor);
  g_free (self->info.audit_anchor_mac);
  self->info.audit_anchor_mac = g_strdup (mac);
  write_info_async (self, info_written_cb, task);
}

gboolean
heard_unlock_flow_note_audit_anchor_finish (HeardUnlockFlow  *self,
                                            GAsyncResult     *result,
                                            GError          **error)
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
      strcmp (protection, "keyring") != 0 && strcmp (protection, "practice") != 0)
    return FALSE;
  info->passphrase_protected = g_strcmp0 (protection, "passphrase") == 0;
  info->practice = g_strcmp0 (protection, "practice") == 0;

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
                         info->practice ? "practice"
                         : info->passphrase_protected ? "passphrase" : "keyring");
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

gboolean
_heard_database_info_read (HeardDatabaseInfo *info,
                           const char        *data_dir)
{
  g_autofree char *info_path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (info != NULL, FALSE);
  g_return_val_if_fail (data_dir != NULL, FALSE);

  info_path = g_build_filename (data_dir, HEARD_INFO_FILE, NULL);
  return g_file_get_contents (info_path, &contents, &length, NULL) && length > 0 &&
         _heard_database_info_parse (info, contents, length);
}

void
_heard_database_info_clear (HeardDatabaseInfo *info)
{
  g_return_if_fail (info != NULL);

  database_info_clear (info);
}

void
heard_unlock_flow_forget_caseworker (HeardUnlockFlow *self)
{
  g_return_if_fail (HEARD_IS_UNLOCK_FLOW (self));

  g_clear_pointer (&self->seal, heard_key_free);
  self->caseworker_passed = FALSE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-restore"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "heard-audit.h"
#include "heard-backup-private.h"
#include "heard-caseworker-passphrase.h"
#include "heard-files.h"
#include "heard-folder-lock.h"
#include "heard-keyring.h"
#include "heard-secure.h"
#include "heard-unlock-flow-private.h"

/*
 * Restore: a backup's records put back in place of the current ones, which
 * are never overwritten or removed but moved aside, whole, into a folder
 * beside them that the caller names to the user.
 *
 * Nothing is moved until the backup is known to be unchanged since it was
 * made (its MAC) and its records have been written to a new folder beside
 * the data folder, opened with their key and checked in full there. That
 * folder is then made ready to start from: heard.ini names the backup's
 * records, the audit trail says they were restored (and from when), and
 * the trail's anchor is set to its new head in heard.ini, so that an older
 * backup restored over the same records raises no audit problem. Only then
 * are the two folders swapped, in one step where the system allows it
 * (renameat2's RENAME_EXCHANGE), so that there is never a moment without a
 * records folder; and only once the restored records are in place does the
 * keyring learn their anchor (and key), so that a restore that fails leaves
 * the keyring as it was.
 *
 * A practice folder (protection=practice) is never restored into: real
 * records would end up among fictional ones, shown as practice.
 */

#define STAGING_INFIX "-restoring-"
#define ASIDE_INFIX "-before-restore-"

typedef struct
{
  char *data_dir;
  char *backup_path;
  char *recovery_code;
} RestoreRequest;

static void
restore_request_free (RestoreRequest *request)
{
  g_free (request->data_dir);
  g_free (request->backup_path);
  heard_secure_free_string (request->recovery_code);
  g_free (request);
}

static void
set_errno_error (GError     **error,
                 const char  *what,
                 int          saved_errno)
{
  g_set_error (error, HEARD_BACKUP_ERROR,
               saved_errno == ENOSPC ? HEARD_BACKUP_ERROR_DISK_FULL : HEARD_BACKUP_ERROR_FOLDER,
               _("Heard could not restore the backup, because %s could not be prepared: %s. "
                 "The current records have not been moved or changed."),
               what, g_strerror (saved_errno));
}

/* What the data folder's note says now, if anything. */
static void
read_current_note (const char        *data_dir,
                   HeardDatabaseInfo *info)
{
  g_autofree char *path = g_build_filename (data_dir, HEARD_INFO_FILE, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL) ||
      !_heard_database_info_parse (info, contents, length))
    {
      _heard_database_info_clear (info);
      memset (info, 0, sizeof *info);
    }
}

/* The note for the restored records. They keep the protection the current
 * note gives the same records (a passphrase and its salt); other records
 * are opened through the keyring, or the recovery code. */
static gboolean
write_note (const char               *staging,
            const HeardBackupHeader  *header,
            const HeardKey           *key,
            const HeardAuditAnchor   *head,
            const HeardDatabaseInfo  *current,
            gboolean                  from_recovery_code,
            GError                  **error)
{
  g_autofree char *path = g_build_filename (staging, HEARD_INFO_FILE, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *anchor = heard_audit_anchor_to_string (head);
  gboolean same_records = g_strcmp0 (current->uuid, header->uuid) == 0;
  HeardDatabaseInfo info = { 0 };
  gsize length = 0;
  int saved_errno;

  info.uuid = header->uuid;
  info.passphrase_protected = same_records && current->passphrase_protected;
  info.salt_hex = info.passphrase_protected ? current->salt_hex : NULL;
  info.recovery_confirmed = from_recovery_code || (same_records && current->recovery_confirmed);
  info.database_created = TRUE;
  info.audit_anchor = anchor;
  info.audit_anchor_mac = heard_audit_anchor_sign (anchor, header->uuid, key);

  contents = _heard_database_info_to_data (&info, &length);
  g_free (info.audit_anchor_mac);

  if (g_file_set_contents_full (path, contents, (gssize) length,
                                G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                0600, NULL))
    return TRUE;

  saved_errno = errno;
  set_errno_error (error, path, saved_errno);
  return FALSE;
}

/* The keyring learns the restored records' key (when it came from the
 * recovery code, as unlocking with the code does) and their new anchor.
 * Neither is needed to open them, so a keyring that refuses is noted only. */
static void
update_keyring (const HeardBackupHeader *header,
                const HeardKey          *key,
                const HeardAuditAnchor  *head,
                gboolean                 from_recovery_code)
{
  g_autofree char *anchor = heard_audit_anchor_to_string (head);
  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(GAsyncResult) anchored = NULL;
  g_autoptr(GError) error = NULL;

  if (from_recovery_code)
    {
      heard_keyring_store_async (header->uuid, key, NULL, _heard_backup_result_cb, &stored);
      if (!heard_keyring_store_finish (_heard_backup_wait_for (&stored), &error))
        {
          g_message ("Could not put the restored records' key in the keyring: %s",
                     error->message);
          return;
        }
    }

  heard_keyring_store_anchor_async (header->uuid, anchor, NULL, _heard_backup_result_cb, &anchored);
  if (!heard_keyring_store_anchor_finish (_heard_backup_wait_for (&anchored), &error))
    g_message ("Could not note the restored records' audit anchor in the keyring: %s",
               error->message);
}

/* A name beside @data_dir that is not taken yet. */
static char *
aside_name (const char *data_dir)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *base = g_strconcat (data_dir, ASIDE_INFIX, time, NULL);
  char *name = g_strdup (base);

  for (guint i = 2; g_file_test (name, G_FILE_TEST_EXISTS); i++)
    {
      g_free (name);
      name = g_strdup_printf ("%s-%u", base, i);
    }

  return name;
}

/* Swaps @staging into @data_dir's place; the records that were there end
 * up in @aside. On failure, @in_place says whether the restored records
 * are in @data_dir all the same. */
static gboolean
swap_in (const char  *staging,
         const char  *data_dir,
         const char  *aside,
         gboolean    *in_place,
         GError     **error)
{
  int saved_errno;

  *in_place = heard_files_exchange (staging, data_dir);
  if (*in_place)
    {
      if (heard_files_rename_no_replace (staging, aside))
        return TRUE;

      /* The restored records are in place; the current ones are whole, in
       * the folder named for the restore. Say where. */
      saved_errno = errno;
      g_set_error (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_FAILED,
                   _("The backup was restored, but the records that were there before are "
                     "in %s and could not be renamed to %s: %s."),
                   staging, aside, g_strerror (saved_errno));
      return FALSE;
    }
  if (errno != EINVAL && errno != ENOSYS)
    {
      saved_errno = errno;
      set_errno_error (error, data_dir, saved_errno);
      return FALSE;
    }

  if (!heard_files_rename_no_replace (data_dir, aside))
    {
      saved_errno = errno;
      set_errno_error (error, data_dir, saved_errno);
      return FALSE;
    }
  if (!heard_files_rename_no_replace (staging, data_dir))
    {
      saved_errno = errno;
      g_set_error (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_FAILED,
                   _("The current records were moved to %s, but the restored ones could not "
                     "be put in their place (%s). Nothing was removed: move %s back to %s "
                     "to carry on with them."),
                   aside, g_strerror (saved_errno), aside, data_dir);
      return FALSE;
    }

  return TRUE;
}

/* A folder with nothing in it but a lock file held no records. */
static gboolean
held_records (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_strcmp0 (name, HEARD_FOLDER_LOCK_FILE) != 0)
      return TRUE;

  return FALSE;
}

static gboolean
lock_current (const char       *data_dir,
              HeardFolderLock **lock,
              GError          **error)
{
  GError *local_error = NULL;

  *lock = NULL;
  if (!g_file_test (data_dir, G_FILE_TEST_EXISTS))
    return TRUE;

  *lock = heard_folder_lock_acquire (data_dir, &local_error);
  if (*lock != NULL)
    return TRUE;

  if (g_error_matches (local_error, HEARD_FOLDER_LOCK_ERROR, HEARD_FOLDER_LOCK_ERROR_BUSY))
    g_set_error_literal (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_IN_USE,
                         _("These records are open in another Heard. Close it, then restore "
                           "the backup again; nothing has been moved or changed."));
  else
    g_set_error (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_FOLDER, "%s",
                 local_error->message);
  g_error_free (local_error);

  return FALSE;
}

/* The caseworker's passphrase stays with the same records: its note goes
 * into @staging as it is (its seal in the keyring still fits it). Without
 * it, records whose seal is in the keyring would be refused as changed
 * outside Heard. */
static gboolean
keep_caseworker_note (const char  *data_dir,
                      const char  *staging,
                      GError     **error)
{
  g_autofree char *from = g_build_filename (data_dir, HEARD_CASEWORKER_FILE, NULL);
  g_autofree char *to = g_build_filename (staging, HEARD_CASEWORKER_FILE, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (from, &contents, &length, NULL))
    return TRUE;

  return heard_secure_write_file (to, contents, length, error);
}

/* Makes the restored records ready in @staging and gives their audit
 * trail's @head; FALSE leaves it to remove. */
static gboolean
stage (const char               *data_dir,
       const char               *staging,
       const char               *backup_path,
       const HeardBackupHeader  *header,
       const HeardKey           *key,
       gboolean                  from_recovery_code,
       const HeardDatabaseInfo  *current,
       HeardAuditAnchor        **head,
       GCancellable             *cancellable,
       GError                  **error)
{
  g_autofree char *database = g_build_filename (staging, HEARD_DATABASE_FILE, NULL);
  g_autoptr(HeardStoreCopyInfo) info = NULL;
  GError *local_error = NULL;

  if (_heard_backup_extract (backup_path, header, database, &local_error))
    info = _heard_backup_describe_copy (database, key, header->created, head, cancellable,
                                        &local_error);
  if (info == NULL)
    {
      _heard_backup_take_error (error, local_error, HEARD_BACKUP_PURPOSE_READ);
      return FALSE;
    }

  if (!write_note (staging, header, key, *head, current, from_recovery_code, error))
    return FALSE;

  if (g_strcmp0 (current->uuid, header->uuid) == 0 &&
      !keep_caseworker_note (data_dir, staging, error))
    return FALSE;

  if (!heard_files_sync (staging))
    g_message ("Could not flush the folder %s: %s", staging, g_strerror (errno));

  return TRUE;
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RestoreRequest *request = task_data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  G_GNUC_UNUSED g_autoptr(GMainContextPusher) pusher = g_main_context_pusher_new (context);
  g_autoptr(HeardBackupHeader) header = NULL;
  g_autoptr(HeardKey) key = NULL;
  g_autoptr(HeardFolderLock) current_lock = NULL;
  g_autoptr(HeardFolderLock) staging_lock = NULL;
  g_autoptr(HeardAuditAnchor) head = NULL;
  g_autofree char *parent = g_path_get_dirname (request->data_dir);
  g_autofree char *base = g_path_get_basename (request->data_dir);
  g_autofree char *template = NULL;
  g_autofree char *staging = NULL;
  g_autofree char *aside = NULL;
  HeardDatabaseInfo current = { 0 };
  gboolean from_recovery_code = FALSE;
  gboolean keyring_learns;
  gboolean in_place = FALSE;
  gboolean had_folder;
  GError *error = NULL;

  /* A folder another Heard has open, or practice records, are refused
   * before anything else is asked (a recovery code) or read. */
  if (!lock_current (request->data_dir, &current_lock, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  had_folder = current_lock != NULL;
  read_current_note (request->data_dir, &current);
  if (current.practice)
    {
      g_set_error (&error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_PRACTICE_FOLDER,
                   _("%s holds practice records, made up for training, so a backup of real "
                     "records is not restored there. Nothing has been moved or changed."),
                   request->data_dir);
      _heard_database_info_clear (&current);
      g_task_return_error (task, error);
      return;
    }

  /* Nothing is touched before the backup is known to be whole and ours. */
  header = _heard_backup_read_header (request->backup_path, &error);
  if (header != NULL)
    key = _heard_backup_find_key (header, NULL, request->recovery_code, &from_recovery_code,
                                  cancellable, &error);
  if (key == NULL ||
      !_heard_backup_check (request->backup_path, header, key, cancellable, &error))
    {
      _heard_database_info_clear (&current);
      g_task_return_error (task, error);
      return;
    }

  /* Records kept under a passphrase keep their anchor in heard.ini alone. */
  keyring_learns = !current.passphrase_protected || g_strcmp0 (current.uuid, header->uuid) != 0;

  template = g_strconcat (parent, G_DIR_SEPARATOR_S ".", base, STAGING_INFIX, "XXXXXX", NULL);
  staging = g_mkdtemp_full (template, 0700);
  if (staging == NULL)
    {
      set_errno_error (&error, parent, errno);
      _heard_database_info_clear (&current);
      g_task_return_error (task, error);
      return;
    }
  template = NULL;

  if (!stage (request->data_dir, staging, request->backup_path, header, key, from_recovery_code,
              &current, &head, cancellable, &error) ||
      (staging_lock = heard_folder_lock_acquire (staging, &error)) == NULL ||
      g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_clear_pointer (&staging_lock, heard_folder_lock_release);
      heard_files_remove_tree (staging);
      _heard_database_info_clear (&current);
      g_task_return_error (task, error);
      return;
    }
  _heard_database_info_clear (&current);

  if (had_folder)
    {
      aside = aside_name (request->data_dir);
      if (!swap_in (staging, request->data_dir, aside, &in_place, &error))
        {
          /* In place, the restored records need their anchor known; else
           * @staging holds only the restored copy, which the backup keeps. */
          if (in_place && keyring_learns)
            update_keyring (header, key, head, from_recovery_code);
          else if (!in_place)
            {
              g_clear_pointer (&staging_lock, heard_folder_lock_release);
              heard_files_remove_tree (staging);
            }
          g_task_return_error (task, error);
          return;
        }
    }
  else if (!heard_files_rename_no_replace (staging, request->data_dir))
    {
      set_errno_error (&error, request->data_dir, errno);
      heard_files_remove_tree (staging);
      g_task_return_error (task, error);
      return;
    }

  if (!heard_files_sync (parent))
    g_message ("Could not flush the folder %s: %s", parent, g_strerror (errno));

  if (keyring_learns)
    update_keyring (header, key, head, from_recovery_code);

  /* A folder that held nothing but its lock file was no records to keep. */
  if (aside != NULL && !held_records (aside))
    {
      g_clear_pointer (&current_lock, heard_folder_lock_release);
      heard_files_remove_tree (aside);
      g_clear_pointer (&aside, g_free);
    }

  g_task_return_pointer (task, g_steal_pointer (&aside), g_free);
}

/* Puts the records of the backup at @backup_path in @data_dir. Nobody may
 * hold the folder's lock (the caller lets go of its own first): otherwise
 * HEARD_BACKUP_ERROR_IN_USE. A folder of practice records is refused
 * (HEARD_BACKUP_ERROR_PRACTICE_FOLDER). The key is the one @recovery_code gives, or
 * else the keyring's (HEARD_BACKUP_ERROR_NEEDS_KEY when it has none). A
 * backup changed since it was made is refused before anything is moved.
 * Nothing is overwritten or removed: the records that were in @data_dir
 * are moved whole to a folder beside it, whose path this finishes with. */
void
heard_restore_async (const char          *data_dir,
                     const char          *backup_path,
                     const char          *recovery_code,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RestoreRequest *request;

  g_return_if_fail (data_dir != NULL);
  g_return_if_fail (backup_path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_restore_async);
  /* Once the folders are swapped, the caller hears where the old records went. */
  g_task_set_check_cancellable (task, FALSE);

  request = g_new0 (RestoreRequest, 1);
  request->data_dir = g_canonicalize_filename (data_dir, NULL);
  request->backup_path = g_strdup (backup_path);
  request->recovery_code = g_strdup (recovery_code);
  g_task_set_task_data (task, request, (GDestroyNotify) restore_request_free);
  g_task_run_in_thread (task, restore_thread);
}

char *
heard_restore_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == heard_restore_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-key.h"
#include "heard-store.h"

G_BEGIN_DECLS

#define HEARD_BACKUP_ERROR (heard_backup_error_quark ())

/* Why a backup could not be made, read or restored; every message says so
 * in words a caseworker can act on. */
typedef enum
{
  HEARD_BACKUP_ERROR_NOT_A_BACKUP,
  HEARD_BACKUP_ERROR_TAMPERED,
  HEARD_BACKUP_ERROR_WRONG_KEY,
  /* This computer's keyring holds no key for the backup's records: ask for
   * the recovery code. */
  HEARD_BACKUP_ERROR_NEEDS_KEY,
  HEARD_BACKUP_ERROR_TOO_NEW,
  /* The folder is missing (a drive unplugged), read-only or not writable. */
  HEARD_BACKUP_ERROR_FOLDER,
  HEARD_BACKUP_ERROR_DISK_FULL,
  HEARD_BACKUP_ERROR_VERIFY_FAILED,
  /* Another Heard holds the records folder a restore would replace. */
  HEARD_BACKUP_ERROR_IN_USE,
  HEARD_BACKUP_ERROR_FAILED,
} HeardBackupError;

/* What one backup file holds. Without its key only the file's plain header
 * is known (path, uuid, created, schema version); the counts are then 0
 * and newest_change NULL. */
typedef struct
{
  char      *path;
  char      *uuid;
  /* When it was made, UTC. */
  GDateTime *created;
  guint      schema_version;
  guint      n_people;
  guint      n_statements;
  /* The newest change in it, or NULL when there is none. */
  GDateTime *newest_change;
  /* Practice records, which are never backed up into the real backup
   * folder: FALSE for every backup this module writes today. */
  gboolean   practice;
} HeardBackupSummary;

/* How far a backup has come, 0 to 1, on the caller's main context. */
typedef void (*HeardBackupProgressFunc) (double   fraction,
                                         gpointer user_data);

#define HEARD_TYPE_BACKUP_SUMMARY (heard_backup_summary_get_type ())

GQuark              heard_backup_error_quark      (void);
GType               heard_backup_summary_get_type (void) G_GNUC_CONST;
HeardBackupSummary *heard_backup_summary_copy     (const HeardBackupSummary *summary)
                                                  G_GNUC_WARN_UNUSED_RESULT;
void                heard_backup_summary_free     (HeardBackupSummary       *summary);

/* Writes a backup of the open records of @store (opened with @key, the
 * records of @uuid) into @folder, as one new file named after @uuid and the
 * time; it is written under a temporary name, flushed, checked, and only
 * then renamed. A failed or cancelled backup leaves no new file and never
 * touches an old one. */
void                heard_backup_write_async      (HeardStore               *store,
                                                   const HeardKey           *key,
                                                   const char               *uuid,
                                                   const char               *folder,
                                                   HeardBackupProgressFunc   progress,
                                                   gpointer                  progress_data,
                                                   GDestroyNotify            progress_free,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
HeardBackupSummary *heard_backup_write_finish     (GAsyncResult             *result,
                                                   GError                  **error)
                                                  G_GNUC_WARN_UNUSED_RESULT;

/* Removes the backups of @uuid in @folder that are not kept: the newest 14
 * are, and the newest of each month for a year before @now. Other files
 * are never touched. Finishes with how many it removed. */
void                heard_backup_prune_async      (const char               *folder,
                                                   const char               *uuid,
                                                   GDateTime                *now,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
gboolean            heard_backup_prune_finish     (GAsyncResult             *result,
                                                   guint                    *n_removed,
                                                   GError                  **error);

/* The newest backup of @uuid in @folder, from its name and plain header
 * (no key needed), or NULL with no error when there is none. */
void                heard_backup_find_newest_async  (const char             *folder,
                                                     const char             *uuid,
                                                     GCancellable           *cancellable,
                                                     GAsyncReadyCallback     callback,
                                                     gpointer                user_data);
HeardBackupSummary *heard_backup_find_newest_finish (GAsyncResult           *result,
                                                     GError                **error)
                                                    G_GNUC_WARN_UNUSED_RESULT;

/* Everything the backup at @path holds, once it is known to be unchanged
 * since it was made. The key is @key, else the one @recovery_code gives,
 * else the keyring's for the backup's records (HEARD_BACKUP_ERROR_NEEDS_KEY
 * when it has none). */
void                heard_backup_inspect_async    (const char               *path,
                                                   const HeardKey           *key,
                                                   const char               *recovery_code,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
HeardBackupSummary *heard_backup_inspect_finish   (GAsyncResult             *result,
                                                   GError                  **error)
                                                  G_GNUC_WARN_UNUSED_RESULT;

/* Puts the records of the backup at @backup_path in @data_dir, the way
 * heard-restore.c describes; finishes with the folder the records that were
 * there have been moved to (NULL when there were none). */
void                heard_restore_async           (const char               *data_dir,
                                                   const char               *backup_path,
                                                   const char               *recovery_code,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
char               *heard_restore_finish          (GAsyncResult             *result,
                                                   GError                  **error)
                                                  G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeardBackupSummary, heard_backup_summary_free)

G_END_DECLS

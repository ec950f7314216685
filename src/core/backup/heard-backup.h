/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-backup-summary.h"
#include "heard-key.h"
#include "heard-store.h"

G_BEGIN_DECLS

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

G_END_DECLS

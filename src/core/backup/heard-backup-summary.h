/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a backup is and why one failed, apart from the engine
 * (heard-backup.h) that needs the store: the windows read these. */

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
  /* The folder a restore would fill holds practice records: real records
   * are never put among them. */
  HEARD_BACKUP_ERROR_PRACTICE_FOLDER,
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeardBackupSummary, heard_backup_summary_free)

G_END_DECLS

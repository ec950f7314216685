/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-backup.h"
#include "heard-store-copy.h"

G_BEGIN_DECLS

/*
 * The backup file, for heard-backup.c and heard-restore.c, on a worker
 * thread. A backup is: the magic "HEARDBAK"; the format version and the
 * length of the header text, each four bytes little-endian; the header
 * text (a key file: the records' uuid, when it was made, their schema
 * version and a check value of the key, none of it secret); the length of
 * the database as eight bytes little-endian; the database as SQLCipher
 * wrote it; and a keyed BLAKE2b MAC over all of that, with a key derived
 * from the database key.
 */

/* The plain header, readable without the key. */
typedef struct
{
  char      *uuid;
  GDateTime *created;
  guint      schema_version;
  gboolean   practice;
  guint8     key_check[16];
  /* Where the database starts in the file, and its length. */
  goffset    database_offset;
  guint64    database_length;
} HeardBackupHeader;

void      _heard_backup_header_free  (HeardBackupHeader  *header);

/* Reads the plain header of @path: NOT_A_BACKUP, TOO_NEW, or FOLDER when
 * it cannot be read at all. */
HeardBackupHeader *_heard_backup_read_header (const char     *path,
                                              GError        **error) G_GNUC_WARN_UNUSED_RESULT;

/* Checks that @key is the backup's (else WRONG_KEY) and that the file is
 * whole and unchanged since it was made (else TAMPERED), reading all of it. */
gboolean  _heard_backup_check        (const char         *path,
                                      const HeardBackupHeader *header,
                                      const HeardKey     *key,
                                      GCancellable       *cancellable,
                                      GError            **error);

/* Writes the database held in the backup to @target, a new private file,
 * flushed to the disk; a G_IO_ERROR when it cannot. */
gboolean  _heard_backup_extract      (const char         *path,
                                      const HeardBackupHeader *header,
                                      const char         *target,
                                      GError            **error);

/* On a worker thread with a main context of its own: pass
 * _heard_backup_result_cb with &slot, then _heard_backup_wait_for (&slot)
 * runs that context until the call has finished, and returns its result. */
void          _heard_backup_result_cb (GObject       *object,
                                       GAsyncResult  *result,
                                       gpointer       user_data);
GAsyncResult *_heard_backup_wait_for  (GAsyncResult **slot);

/* The key for the backup: @key when set, else the one @recovery_code gives,
 * else the keyring's for its records (NEEDS_KEY when it has none). Only on
 * a worker thread that has its own main context. */
HeardKey *_heard_backup_find_key     (const HeardBackupHeader *header,
                                      const HeardKey     *key,
                                      const char         *recovery_code,
                                      gboolean           *from_recovery_code,
                                      GCancellable       *cancellable,
                                      GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* Opens the records file at @path with @key, checks it in full and says what
 * it holds. With @restored_from, it first notes in the audit trail that the
 * records were restored from a backup made then, and sets @head to the
 * trail's new head. Only on a worker thread with its own main context. */
HeardStoreCopyInfo *_heard_backup_describe_copy (const char        *path,
                                                 const HeardKey    *key,
                                                 GDateTime         *restored_from,
                                                 HeardAuditAnchor **head,
                                                 GCancellable      *cancellable,
                                                 GError           **error)
                                                 G_GNUC_WARN_UNUSED_RESULT;

/* Whether a backup is being written, or read (inspected or restored). */
typedef enum
{
  HEARD_BACKUP_PURPOSE_WRITE,
  HEARD_BACKUP_PURPOSE_READ,
} HeardBackupPurpose;

/* Turns a store's or the disk's refusal (@cause, taken) into the backup's
 * own words for @purpose. */
void      _heard_backup_take_error   (GError            **error,
                                      GError             *cause,
                                      HeardBackupPurpose  purpose);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeardBackupHeader, _heard_backup_header_free)

G_END_DECLS

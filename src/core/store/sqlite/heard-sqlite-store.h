/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-key.h"
#include "heard-store.h"

G_BEGIN_DECLS

#define HEARD_SQLITE_STORE_ERROR (heard_sqlite_store_error_quark ())

/* What only a records file can say: seen by the unlock flow, which opens
 * the file, and by the tests and fixture tools. A store's other refusals
 * are HEARD_STORE_ERROR. */
typedef enum
{
  HEARD_SQLITE_STORE_ERROR_WRONG_KEY,
  HEARD_SQLITE_STORE_ERROR_NOT_ENCRYPTED,
  HEARD_SQLITE_STORE_ERROR_FOREIGN,
  HEARD_SQLITE_STORE_ERROR_DAMAGED,
  HEARD_SQLITE_STORE_ERROR_NO_CIPHER,
  HEARD_SQLITE_STORE_ERROR_TOO_NEW,
  HEARD_SQLITE_STORE_ERROR_MISSING,
  /* Only when opened read-only: the records need updating first. */
  HEARD_SQLITE_STORE_ERROR_TOO_OLD,
} HeardSqliteStoreError;

/* FICTIONAL, only with CREATE: a new file of fictional records (practice
 * records) made in one go, and thrown away whole if that is interrupted.
 * Its writes are made in large batches, unsynced (closing commits and
 * syncs everything); a refused write spoils its batch, which the close
 * then reports, so its maker stops at the first refusal. A staff
 * passphrase set in it is hashed at the lowest cost, since it guards
 * nothing real. Real records never use it.
 *
 * READ_ONLY opens the records beside another Heard that has them open
 * (heard-cli's reading commands): nothing is ever written, made or
 * migrated, the file is not even made private, and records of an older
 * version are refused rather than updated.
 *
 * CHECK_LATER, not with READ_ONLY: records that a clean close left whole
 * and that need no migrating open without waiting for SQLite's quick
 * check (about a second on a large file); the key, whose records these
 * are and their version are still checked first. The quick check then
 * runs on the store's thread before anything is written, or with the first
 * check of the audit trail (heard_store_verify_audit_async()), which fails
 * with HEARD_SQLITE_STORE_ERROR_DAMAGED when it finds damage; from then on
 * every write is refused. Reading is never held. */
typedef enum
{
  HEARD_SQLITE_STORE_OPEN_NONE        = 0,
  HEARD_SQLITE_STORE_OPEN_CREATE      = 1 << 0,
  HEARD_SQLITE_STORE_OPEN_FICTIONAL   = 1 << 1,
  HEARD_SQLITE_STORE_OPEN_READ_ONLY   = 1 << 2,
  HEARD_SQLITE_STORE_OPEN_CHECK_LATER = 1 << 3,
} HeardSqliteStoreOpenFlags;

/* What can be told about a records file without telling anything of the
 * people in it: for heard-cli info. */
typedef struct
{
  char   *cipher_version;
  guint   schema_version;
  guint   n_people;
  guint   n_removed_people;
  guint   n_plans;
  guint   n_statements;
  guint   n_audit_entries;
} HeardSqliteStoreFacts;

void heard_sqlite_store_facts_free (HeardSqliteStoreFacts *facts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeardSqliteStoreFacts, heard_sqlite_store_facts_free)

#define HEARD_TYPE_SQLITE_STORE (heard_sqlite_store_get_type ())

G_DECLARE_FINAL_TYPE (HeardSqliteStore, heard_sqlite_store, HEARD, SQLITE_STORE, HeardStore)

GQuark        heard_sqlite_store_error_quark        (void);

HeardStore   *heard_sqlite_store_new                (const char                 *path)
                                                    G_GNUC_WARN_UNUSED_RESULT;
const char   *heard_sqlite_store_get_path           (HeardSqliteStore           *self);
guint         heard_sqlite_store_get_schema_version (void);
void          heard_sqlite_store_open_async         (HeardSqliteStore           *self,
                                                     const HeardKey             *key,
                                                     HeardSqliteStoreOpenFlags   flags,
                                                     GCancellable               *cancellable,
                                                     GAsyncReadyCallback         callback,
                                                     gpointer                    user_data);
gboolean      heard_sqlite_store_open_finish        (HeardSqliteStore           *self,
                                                     GAsyncResult               *result,
                                                     GError                    **error);
void          heard_sqlite_store_read_facts_async   (HeardSqliteStore           *self,
                                                     GCancellable               *cancellable,
                                                     GAsyncReadyCallback         callback,
                                                     gpointer                    user_data);
HeardSqliteStoreFacts *heard_sqlite_store_read_facts_finish (HeardSqliteStore      *self,
                                                             GAsyncResult          *result,
                                                             GError               **error)
                                                             G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

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
} HeardSqliteStoreError;

/* FICTIONAL, only with CREATE: a new file of fictional records (practice
 * records) made in one go, and thrown away whole if that is interrupted.
 * Its writes are made in large batches, unsynced (closing commits and
 * syncs everything); a refused write spoils its batch, which the close
 * then reports, so its maker stops at the first refusal. A staff
 * passphrase set in it is hashed at the lowest cost, since it guards
 * nothing real. Real records never use it. */
typedef enum
{
  HEARD_SQLITE_STORE_OPEN_NONE      = 0,
  HEARD_SQLITE_STORE_OPEN_CREATE    = 1 << 0,
  HEARD_SQLITE_STORE_OPEN_FICTIONAL = 1 << 1,
} HeardSqliteStoreOpenFlags;

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

G_END_DECLS

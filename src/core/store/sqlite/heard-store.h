/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-key.h"
#include "heard-record-kind.h"
#include "heard-store-enums.h"

G_BEGIN_DECLS

#define HEARD_STORE_ERROR (heard_store_error_quark ())

typedef enum
{
  HEARD_STORE_ERROR_WRONG_KEY,
  HEARD_STORE_ERROR_NOT_ENCRYPTED,
  HEARD_STORE_ERROR_FOREIGN,
  HEARD_STORE_ERROR_DAMAGED,
  HEARD_STORE_ERROR_NO_CIPHER,
  HEARD_STORE_ERROR_TOO_NEW,
  HEARD_STORE_ERROR_MISSING,
  HEARD_STORE_ERROR_NOT_OPEN,
  HEARD_STORE_ERROR_NOT_FOUND,
  HEARD_STORE_ERROR_INVALID,
  HEARD_STORE_ERROR_DISK_FULL,
  HEARD_STORE_ERROR_READ_ONLY,
  HEARD_STORE_ERROR_FAILED,
} HeardStoreError;

typedef enum
{
  HEARD_STORE_OPEN_NONE   = 0,
  HEARD_STORE_OPEN_CREATE = 1 << 0,
} HeardStoreOpenFlags;

#define HEARD_TYPE_STORE (heard_store_get_type ())

G_DECLARE_FINAL_TYPE (HeardStore, heard_store, HEARD, STORE, GObject)

/*
 * "changed" (HeardStore *store, HeardRecordKind kind, gint64 person_id,
 *            gint64 record_id)
 *
 * Emitted once per successful write, on the thread-default main context the
 * store was created on (the one its callers use), before the write's own
 * callback runs. @record_id is the young person's id (PERSON), the plan
 * version's (PLAN: anything in a plan), the statement's (STATEMENT: recorded,
 * amended, answered, told, read) or the member of staff's (STAFF, with
 * @person_id 0). A refused write emits nothing.
 */

GQuark       heard_store_error_quark    (void);

HeardStore  *heard_store_new            (const char           *path) G_GNUC_WARN_UNUSED_RESULT;
const char  *heard_store_get_path       (HeardStore           *self);
gboolean     heard_store_is_open        (HeardStore           *self);
guint        heard_store_get_schema_version (void);
void         heard_store_open_async     (HeardStore           *self,
                                         const HeardKey       *key,
                                         HeardStoreOpenFlags   flags,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean     heard_store_open_finish    (HeardStore           *self,
                                         GAsyncResult         *result,
                                         GError              **error);
void         heard_store_close_async    (HeardStore           *self,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean     heard_store_close_finish   (HeardStore           *self,
                                         GAsyncResult         *result,
                                         GError              **error);
void         heard_store_check_integrity_async  (HeardStore          *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean     heard_store_check_integrity_finish (HeardStore          *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-sqlite-store-private.h"

G_BEGIN_DECLS

/* Helpers for work on the database thread. */

/* One change: it sets @written's id to what the operation finishes with
 * (the row it concerns) and, when that is not the record the "changed"
 * signal names (the plan of an area, the statement of an answer), its
 * record_id; it returns FALSE with @error set to have everything rolled
 * back. */
typedef gboolean (*HeardStoreWriteFunc) (sqlite3            *db,
                                         gpointer            data,
                                         HeardStoreWritten  *written,
                                         GError            **error);

/* Called for each row a query gives. */
typedef void     (*HeardStoreRowFunc)   (sqlite3_stmt  *statement,
                                         gpointer       data);

gpointer _heard_store_write       (sqlite3              *db,
                                   HeardRecordKind       kind,
                                   HeardStoreWriteFunc   write,
                                   gpointer              data,
                                   GError              **error);
void     _heard_store_write_async (HeardStore           *self,
                                   HeardRecordKind       kind,
                                   HeardStoreWriteFunc   write,
                                   gpointer              data,
                                   GDestroyNotify        data_free,
                                   gpointer              source_tag,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gint64   _heard_store_finish_id   (HeardStore           *self,
                                   GAsyncResult         *result,
                                   gpointer              source_tag,
                                   GError              **error);
char    *_heard_store_placeholders (guint                 first,
                                   guint                 n) G_GNUC_WARN_UNUSED_RESULT;
gint64  *_heard_store_dup_id      (gint64                id) G_GNUC_WARN_UNUSED_RESULT;
gboolean _heard_store_each_row    (sqlite3              *db,
                                   const char           *sql,
                                   gint64                id,
                                   const char           *text,
                                   HeardStoreRowFunc     func,
                                   gpointer              data,
                                   GError              **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-sqlite-store-private.h"
#include "heard-store-exports.h"

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
/* The objects @add makes of the rows @sql gives for @id and @text (as
 * _heard_store_each_row() binds them), each added to the array it is
 * given; NULL with @error set when the query fails. */
GPtrArray *_heard_store_list_objects (sqlite3             *db,
                                     const char          *sql,
                                     gint64               id,
                                     const char          *text,
                                     HeardStoreRowFunc    add,
                                     GError             **error);
/* The number @sql gives for @id and @text (as _heard_store_each_row()
 * binds them) in @number, or -1 when it gives no row. */
gboolean _heard_store_query_number (sqlite3             *db,
                                   const char           *sql,
                                   gint64                id,
                                   const char           *text,
                                   gint64               *number,
                                   GError              **error);
/* SQL true for an "exported" audit entry @entry (an alias of audit) whose
 * file was written: no "export unwritten" entry names it. */
#define HEARD_STORE_EXPORT_WRITTEN_SQL(entry) \
  " NOT EXISTS (SELECT 1 FROM audit AS unwritten" \
  "             WHERE unwritten.target_kind = 'person'" \
  "               AND unwritten.target_id = " entry ".target_id" \
  "               AND unwritten.action = '" HEARD_EXPORT_UNWRITTEN_ACTION "'" \
  "               AND unwritten.detail = CAST (" entry ".id AS TEXT)) "

/* Sets a HEARD_STORE_ERROR_INVALID @message; returns FALSE. */
gboolean _heard_store_set_invalid (GError              **error,
                                   const char           *message);

/* Records kept in versions, never changed in place (a warning sign, a
 * sharing entry): an entry row in @entry_table (id, person_id), and
 * versions in @version_table (entry_id, version), the first the original.
 * Adding one: @version must be 1 and the young person there; the new
 * entry row's id goes in @entry_id. */
gboolean _heard_store_add_versioned_entry (sqlite3       *db,
                                           const char    *entry_table,
                                           gint64         person_id,
                                           guint          version,
                                           gint64        *entry_id,
                                           GError       **error);
/* Amending one: the entry is @person_id's and @version the next. */
gboolean _heard_store_check_amendment     (sqlite3       *db,
                                           const char    *entry_table,
                                           const char    *version_table,
                                           gint64         entry_id,
                                           gint64         person_id,
                                           guint          version,
                                           GError       **error);

G_END_DECLS

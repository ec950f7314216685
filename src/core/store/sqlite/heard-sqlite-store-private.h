/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "heard-sqlite-store.h"
#include "heard-store-private.h"

G_BEGIN_DECLS

/*
 * Work that runs on the store's own database thread. It receives the
 * connection and state that the caller copied for it, and must never touch
 * an object the main thread still uses. It returns the task's result, or
 * NULL with @error set.
 */
typedef gpointer (*HeardStoreWorkFunc) (sqlite3  *db,
                                        gpointer  data,
                                        GError  **error);

/* What a write did (_heard_store_write() makes it): the id its operation
 * finishes with (first, so that it is the number heard-store-private.h says
 * a task returns), and the record the "changed" signal names; or, for a
 * write to the audit trail alone (a statement read), that no record
 * changed and nothing is emitted. */
typedef struct
{
  gint64           id;
  HeardRecordKind  kind;
  gint64           person_id;
  gint64           record_id;
  gboolean         audit_only;
} HeardStoreWritten;

void      _heard_store_run_async  (HeardStore          *self,
                                   HeardStoreWorkFunc   work,
                                   gpointer             data,
                                   GDestroyNotify       data_free,
                                   GDestroyNotify       result_free,
                                   gpointer             source_tag,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
/* Like _heard_store_run_async(), for @work returning a HeardStoreWritten
 * (to g_free()): once it succeeded, "changed" is emitted, then @callback runs. */
void      _heard_store_run_write_async (HeardStore          *self,
                                        HeardStoreWorkFunc   work,
                                        gpointer             data,
                                        GDestroyNotify       data_free,
                                        gpointer             source_tag,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gpointer  _heard_store_run_finish (HeardStore          *self,
                                   GAsyncResult        *result,
                                   gpointer             source_tag,
                                   GError             **error);

/* Whether the store was opened with HEARD_SQLITE_STORE_OPEN_FICTIONAL;
 * asked on the main thread. */
gboolean  _heard_sqlite_store_is_fictional (HeardStore     *self);

/* Each part of the SQLCipher store fills in its operations. */
void      _heard_sqlite_store_init_audit      (HeardStoreClass     *klass);
void      _heard_sqlite_store_init_people     (HeardStoreClass     *klass);
void      _heard_sqlite_store_init_plans      (HeardStoreClass     *klass);
void      _heard_sqlite_store_init_staff      (HeardStoreClass     *klass);
void      _heard_sqlite_store_init_statements (HeardStoreClass     *klass);
void      _heard_sqlite_store_init_open_items (HeardStoreClass     *klass);
void      _heard_sqlite_store_init_copy       (HeardStoreClass     *klass);
void      _heard_sqlite_store_init_drafts     (HeardStoreClass     *klass);
void      _heard_sqlite_store_init_check_ins  (HeardStoreClass     *klass);
void      _heard_sqlite_store_init_codesign   (HeardStoreClass     *klass);
void      _heard_sqlite_store_init_exports    (HeardStoreClass     *klass);
void      _heard_sqlite_store_init_agencies   (HeardStoreClass     *klass);
void      _heard_sqlite_store_init_chronology (HeardStoreClass     *klass);
void      _heard_sqlite_store_init_story      (HeardStoreClass     *klass);
void      _heard_sqlite_store_init_sharing    (HeardStoreClass     *klass);

/* A connection of its own (a copy's, say) is given @key as the store's is,
 * and checked to hold Heard's records of a version this Heard can read. */
gboolean  _heard_store_apply_key      (sqlite3             *db,
                                       const HeardKey      *key,
                                       GError             **error);
gboolean  _heard_store_check_identity (sqlite3             *db,
                                       GError             **error);
/* The quick check an open with HEARD_SQLITE_STORE_OPEN_CHECK_LATER left
 * for later, run now if it has not run yet; FALSE with @error set when it
 * found the file damaged, then and every time after: nothing may be
 * written. Writes call it first. */
gboolean  _heard_store_run_deferred_check (sqlite3         *db,
                                           GError         **error);

/* Helpers for work functions, all called on the database thread. */
gboolean  _heard_store_exec          (sqlite3             *db,
                                      const char          *sql,
                                      GError             **error);
gboolean  _heard_store_begin_write   (sqlite3             *db,
                                      GError             **error);
gboolean  _heard_store_commit        (sqlite3             *db,
                                      GError             **error);
void      _heard_store_rollback      (sqlite3             *db);
sqlite3_stmt *_heard_store_prepare   (sqlite3             *db,
                                      const char          *sql,
                                      GError             **error);
gboolean  _heard_store_step_done     (sqlite3             *db,
                                      sqlite3_stmt        *statement,
                                      GError             **error);
void      _heard_store_set_error     (GError             **error,
                                      sqlite3             *db,
                                      int                  code);
void      _heard_store_bind_text     (sqlite3_stmt        *statement,
                                      int                  index,
                                      const char          *text);
char     *_heard_store_dup_column    (sqlite3_stmt        *statement,
                                      int                  column) G_GNUC_WARN_UNUSED_RESULT;
char     *_heard_store_now_iso8601   (void) G_GNUC_WARN_UNUSED_RESULT;

/* Finalizes a statement from _heard_store_prepare(), or keeps it for
 * reuse while fictional records are made in a batch. */
void      _heard_store_finalize      (sqlite3_stmt        *statement);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, _heard_store_finalize)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-store"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-audit-private.h"
#include "heard-recipient.h"
#include "heard-store-exports.h"
#include "heard-store-util.h"

/*
 * Exports in the SQLCipher store (heard-store-exports.h): one audit entry
 * per export, added in its own write transaction as every audited change
 * is, so that it is chained and sealed like the rest of the trail. What
 * the note names is checked to be the young person's first: an entry the
 * sharing log will read must not point at someone else's records.
 */

typedef struct
{
  gint64           person_id;
  HeardExportNote *note;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  heard_export_note_free (request->note);
  g_free (request);
}

/* Fails with NOT_FOUND and @message unless @sql, with the young person's
 * id as ?1 and, when it asks for them, @id as ?2 and @version as ?3, finds
 * a row. */
static gboolean
check_row (sqlite3     *db,
           const char  *sql,
           gint64       person_id,
           gint64       id,
           guint        version,
           const char  *message,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = _heard_store_prepare (db, sql, error);
  int rc;

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, person_id);
  if (sqlite3_bind_parameter_count (statement) >= 2)
    sqlite3_bind_int64 (statement, 2, id);
  if (sqlite3_bind_parameter_count (statement) >= 3)
    sqlite3_bind_int64 (statement, 3, version);
  rc = sqlite3_step (statement);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    _heard_store_set_error (error, db, rc);
  else
    g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND, message);

  return FALSE;
}

static gboolean
check_note (sqlite3               *db,
            gint64                 person_id,
            const HeardExportNote *note,
            GError               **error)
{
  if (!check_row (db, "SELECT 1 FROM person WHERE id = ?1", person_id, 0, 0,
                  _("This young person could not be found."), error))
    return FALSE;

  if (note->plan_id != 0 &&
      !check_row (db, "SELECT 1 FROM plan WHERE person_id = ?1 AND id = ?2 AND version = ?3",
                  person_id, note->plan_id, note->plan_version,
                  _("This version of the plan could not be found."), error))
    return FALSE;

  for (guint i = 0; i < note->statements->len; i++)
    {
      const HeardExportedStatement *exported =
        &g_array_index (note->statements, HeardExportedStatement, i);

      if (!check_row (db, "SELECT 1 FROM statement_version JOIN statement"
                          " ON statement.id = statement_id WHERE person_id = ?1"
                          " AND statement_id = ?2 AND version = ?3",
                      person_id, exported->id, exported->version,
                      _("A statement in this export could not be found."), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
note_export_write (sqlite3            *db,
                   gpointer            data,
                   HeardStoreWritten  *written,
                   GError            **error)
{
  ExportRequest *request = data;
  g_autofree char *detail = heard_export_note_to_detail (request->note);

  /* Nobody's view of the records changes: views are not told. */
  written->audit_only = TRUE;

  if (!check_note (db, request->person_id, request->note, error) ||
      !_heard_audit_append (db, NULL, "exported", "person", request->person_id, detail, error))
    return FALSE;

  written->id = sqlite3_last_insert_rowid (db);
  return TRUE;
}

static void
note_export_async (HeardStore            *self,
                   gint64                 person_id,
                   const HeardExportNote *note,
                   GCancellable          *cancellable,
                   GAsyncReadyCallback    callback,
                   gpointer               user_data)
{
  g_autoptr(HeardRecipient) recipient = heard_recipient_from_code (note->recipient);
  ExportRequest *request;

  if (recipient == NULL)
    {
      g_task_report_new_error (self, callback, user_data, heard_store_note_export_async,
                               HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID, "%s",
                               _("Who this export is for is not one Heard knows."));
      return;
    }

  /* The database thread gets its own copy: @note stays the caller's. */
  request = g_new0 (ExportRequest, 1);
  request->person_id = person_id;
  request->note = heard_export_note_copy (note);
  _heard_store_write_async (self, HEARD_RECORD_KIND_PERSON, note_export_write, request,
                            (GDestroyNotify) export_request_free, heard_store_note_export_async,
                            cancellable, callback, user_data);
}

typedef struct
{
  gint64 person_id;
  gint64 export_entry;
} UnwrittenRequest;

static gboolean
note_unwritten_write (sqlite3            *db,
                      gpointer            data,
                      HeardStoreWritten  *written,
                      GError            **error)
{
  UnwrittenRequest *request = data;
  g_autofree char *detail = g_strdup_printf ("%" G_GINT64_FORMAT, request->export_entry);

  written->audit_only = TRUE;

  if (!check_row (db, "SELECT 1 FROM audit WHERE id = ?2 AND action = 'exported'"
                      " AND target_kind = 'person' AND target_id = ?1",
                  request->person_id, request->export_entry, 0,
                  _("The export to note could not be found."), error) ||
      !_heard_audit_append (db, NULL, HEARD_EXPORT_UNWRITTEN_ACTION, "person", request->person_id,
                            detail, error))
    return FALSE;

  written->id = sqlite3_last_insert_rowid (db);
  return TRUE;
}

static void
note_export_unwritten_async (HeardStore          *self,
                             gint64               person_id,
                             gint64               export_entry,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  UnwrittenRequest *request = g_new0 (UnwrittenRequest, 1);

  request->person_id = person_id;
  request->export_entry = export_entry;
  _heard_store_write_async (self, HEARD_RECORD_KIND_PERSON, note_unwritten_write, request, g_free,
                            heard_store_note_export_unwritten_async, cancellable, callback,
                            user_data);
}

void
_heard_sqlite_store_init_exports (HeardStoreClass *klass)
{
  klass->note_export_async = note_export_async;
  klass->note_export_unwritten_async = note_export_unwritten_async;
}

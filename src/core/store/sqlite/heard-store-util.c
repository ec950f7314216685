/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-store"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-store-util.h"

typedef struct
{
  HeardRecordKind      kind;
  HeardStoreWriteFunc  write;
  gpointer             data;
  GDestroyNotify       data_free;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  g_free (job);
}

static gpointer
write_work (sqlite3  *db,
            gpointer  data,
            GError  **error)
{
  WriteJob *job = data;

  return _heard_store_write (db, job->kind, job->write, job->data, error);
}

/* "?3, ?4, ?5" for @first 3 and @n 3. */
char *
_heard_store_placeholders (guint first,
                           guint n)
{
  g_autoptr(GString) marks = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (marks, "%s?%u", i > 0 ? ", " : "", first + i);

  return g_string_free (g_steal_pointer (&marks), FALSE);
}

gint64 *
_heard_store_dup_id (gint64 id)
{
  gint64 *copy = g_new (gint64, 1);

  *copy = id;
  return copy;
}

static void
read_person_id_cb (sqlite3_stmt *statement,
                   gpointer      data)
{
  *(gint64 *) data = sqlite3_column_int64 (statement, 0);
}

/* Sets @written's person_id: the young person whose record changed. */
static gboolean
find_person (sqlite3            *db,
             HeardStoreWritten  *written,
             GError            **error)
{
  const char *sql = NULL;

  switch (written->kind)
    {
    case HEARD_RECORD_KIND_PERSON:
    case HEARD_RECORD_KIND_CODESIGN:
      written->person_id = written->record_id;
      return TRUE;

    case HEARD_RECORD_KIND_STAFF:
    case HEARD_RECORD_KIND_AGENCY:
    case HEARD_RECORD_KIND_CLUSTER_NUMBERS:
      written->person_id = 0;
      return TRUE;

    case HEARD_RECORD_KIND_PLAN:
      sql = "SELECT person_id FROM plan WHERE id = ?1";
      break;

    case HEARD_RECORD_KIND_STATEMENT:
      sql = "SELECT person_id FROM statement WHERE id = ?1";
      break;

    case HEARD_RECORD_KIND_CHECK_IN:
      sql = "SELECT plan.person_id FROM check_in JOIN plan ON plan.id = check_in.plan_id"
            " WHERE check_in.id = ?1";
      break;

    case HEARD_RECORD_KIND_CHRONOLOGY:
      sql = "SELECT person_id FROM chronology_entry WHERE id = ?1";
      break;

    case HEARD_RECORD_KIND_SHARING:
      sql = "SELECT person_id FROM sharing_entry WHERE id = ?1";
      break;

    case HEARD_RECORD_KIND_CLUSTER_DECISION:
      sql = "SELECT person_id FROM cluster_decision WHERE id = ?1";
      break;

    default:
      g_assert_not_reached ();
    }

  return _heard_store_each_row (db, sql, written->record_id, NULL, read_person_id_cb,
                                &written->person_id, error);
}

/* Runs @write in one immediate transaction, with its audit rows, and
 * returns what it did (a HeardStoreWritten of @kind, to free), or NULL
 * with nothing changed. */
gpointer
_heard_store_write (sqlite3              *db,
                    HeardRecordKind       kind,
                    HeardStoreWriteFunc   write,
                    gpointer              data,
                    GError              **error)
{
  g_autofree HeardStoreWritten *written = g_new0 (HeardStoreWritten, 1);

  if (!_heard_store_begin_write (db, error))
    return NULL;

  written->kind = kind;
  if (!write (db, data, written, error))
    {
      _heard_store_rollback (db);
      return NULL;
    }

  if (written->record_id == 0)
    written->record_id = written->id;

  if (!find_person (db, written, error) || !_heard_store_commit (db, error))
    {
      _heard_store_rollback (db);
      return NULL;
    }

  return g_steal_pointer (&written);
}

/* Queues @write, with @data, to run in its own transaction on the database
 * thread; once it succeeded the store emits "changed" for a record of
 * @kind. Finish with _heard_store_finish_id(). */
void
_heard_store_write_async (HeardStore           *self,
                          HeardRecordKind       kind,
                          HeardStoreWriteFunc   write,
                          gpointer              data,
                          GDestroyNotify        data_free,
                          gpointer              source_tag,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  WriteJob *job = g_new0 (WriteJob, 1);

  job->kind = kind;
  job->write = write;
  job->data = data;
  job->data_free = data_free;
  _heard_store_run_write_async (self, write_work, job, (GDestroyNotify) write_job_free,
                                source_tag, cancellable, callback, user_data);
}

/* The id a _heard_store_write() work finished with, or 0 with @error set. */
gint64
_heard_store_finish_id (HeardStore    *self,
                        GAsyncResult  *result,
                        gpointer       source_tag,
                        GError       **error)
{
  g_autofree HeardStoreWritten *written = _heard_store_run_finish (self, result, source_tag,
                                                                   error);

  return written != NULL ? written->id : 0;
}

/* Runs @sql with @id as ?1 and @text as ?2 (where it has them), calling
 * @func (if any) for each row. */
gboolean
_heard_store_each_row (sqlite3            *db,
                       const char         *sql,
                       gint64              id,
                       const char         *text,
                       HeardStoreRowFunc   func,
                       gpointer            data,
                       GError            **error)
{
  g_autoptr(sqlite3_stmt) statement = _heard_store_prepare (db, sql, error);
  int parameters;
  int rc;

  if (statement == NULL)
    return FALSE;

  parameters = sqlite3_bind_parameter_count (statement);
  if (parameters >= 1)
    sqlite3_bind_int64 (statement, 1, id);
  if (parameters >= 2)
    _heard_store_bind_text (statement, 2, text);

  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      if (func != NULL)
        func (statement, data);
    }

  if (rc != SQLITE_DONE)
    {
      _heard_store_set_error (error, db, rc);
      return FALSE;
    }

  return TRUE;
}

GPtrArray *
_heard_store_list_objects (sqlite3            *db,
                           const char         *sql,
                           gint64              id,
                           const char         *text,
                           HeardStoreRowFunc   add,
                           GError            **error)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);

  if (!_heard_store_each_row (db, sql, id, text, add, objects, error))
    return NULL;

  return g_steal_pointer (&objects);
}

static void
read_number_cb (sqlite3_stmt *statement,
                gpointer      data)
{
  *(gint64 *) data = sqlite3_column_int64 (statement, 0);
}

gboolean
_heard_store_query_number (sqlite3     *db,
                           const char  *sql,
                           gint64       id,
                           const char  *text,
                           gint64      *number,
                           GError     **error)
{
  *number = -1;
  return _heard_store_each_row (db, sql, id, text, read_number_cb, number, error);
}

gboolean
_heard_store_set_invalid (GError     **error,
                          const char  *message)
{
  g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
_heard_store_add_versioned_entry (sqlite3     *db,
                                  const char  *entry_table,
                                  gint64       person_id,
                                  guint        version,
                                  gint64      *entry_id,
                                  GError     **error)
{
  g_autofree char *insert = g_strdup_printf ("INSERT INTO %s (person_id) VALUES (?1)",
                                             entry_table);
  gint64 found;

  if (version != 1)
    return _heard_store_set_invalid (error, _("A new entry is its first version."));
  if (!_heard_store_query_number (db, "SELECT id FROM person WHERE id = ?1", person_id, NULL,
                                  &found, error))
    return FALSE;
  if (found < 0)
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND,
                           _("This young person’s record could not be found, so nothing was "
                             "saved."));
      return FALSE;
    }
  if (!_heard_store_each_row (db, insert, person_id, NULL, NULL, NULL, error))
    return FALSE;

  *entry_id = sqlite3_last_insert_rowid (db);
  return TRUE;
}

gboolean
_heard_store_check_amendment (sqlite3     *db,
                              const char  *entry_table,
                              const char  *version_table,
                              gint64       entry_id,
                              gint64       person_id,
                              guint        version,
                              GError     **error)
{
  g_autofree char *owner = g_strdup_printf ("SELECT person_id FROM %s WHERE id = ?1",
                                            entry_table);
  g_autofree char *newest_sql = g_strdup_printf ("SELECT max (version) FROM %s"
                                                 " WHERE entry_id = ?1", version_table);
  gint64 owner_id, newest;

  if (!_heard_store_query_number (db, owner, entry_id, NULL, &owner_id, error) ||
      !_heard_store_query_number (db, newest_sql, entry_id, NULL, &newest, error))
    return FALSE;
  if (owner_id < 0 || owner_id != person_id)
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND,
                           _("The entry to correct could not be found, so nothing was saved."));
      return FALSE;
    }
  if ((gint64) version != newest + 1)
    return _heard_store_set_invalid (error, _("This entry was corrected while you were writing. "
                                              "Please look at the newest version and try "
                                              "again."));
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-store"

#include "config.h"

#include "heard-store-util.h"

typedef struct
{
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

  return _heard_store_write (db, job->write, job->data, error);
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

/* Runs @write in one immediate transaction, with its audit rows, and
 * returns the id it set (a gint64 to free), or NULL with nothing changed. */
gpointer
_heard_store_write (sqlite3              *db,
                    HeardStoreWriteFunc   write,
                    gpointer              data,
                    GError              **error)
{
  gint64 id = 0;

  if (!_heard_store_begin_write (db, error))
    return NULL;

  if (!write (db, data, &id, error) || !_heard_store_commit (db, error))
    {
      _heard_store_rollback (db);
      return NULL;
    }

  return _heard_store_dup_id (id);
}

/* Queues @write, with @data, to run in its own transaction on the database
 * thread; finish with _heard_store_finish_id(). */
void
_heard_store_write_async (HeardStore           *self,
                          HeardStoreWriteFunc   write,
                          gpointer              data,
                          GDestroyNotify        data_free,
                          gpointer              source_tag,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  WriteJob *job = g_new0 (WriteJob, 1);

  job->write = write;
  job->data = data;
  job->data_free = data_free;
  _heard_store_run_async (self, write_work, job, (GDestroyNotify) write_job_free, g_free,
                          source_tag, cancellable, callback, user_data);
}

/* The id a _heard_store_write() work returned, or 0 with @error set. */
gint64
_heard_store_finish_id (HeardStore    *self,
                        GAsyncResult  *result,
                        gpointer       source_tag,
                        GError       **error)
{
  g_autofree gint64 *id = _heard_store_run_finish (self, result, source_tag, error);

  return id != NULL ? *id : 0;
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

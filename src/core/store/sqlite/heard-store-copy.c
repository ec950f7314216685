/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-store-copy"

#include "config.h"

/* Declares the codec's ATTACH … KEY support in SQLCipher's header. */
#define SQLITE_HAS_CODEC 1

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "heard-audit-private.h"
#include "heard-files.h"
#include "heard-secure.h"
#include "heard-store-copy.h"
#include "heard-store-util.h"

/*
 * Copies of the SQLCipher records, for backups. SQLCipher 3.4 (Debian 12)
 * has neither sqlite3_backup between encrypted databases nor VACUUM INTO,
 * so the copy is made the way it offers: the new file is ATTACHed with the
 * same key and filled by sqlcipher_export(), inside one read transaction,
 * so that it holds the records as they stood at one moment.
 *
 * The copy runs on a connection and a thread of its own, not on the store's
 * database thread: in WAL mode a reader holds its snapshot without holding
 * up writers, so a caseworker saving while a large backup runs waits for
 * nothing. The copy is then flushed, opened again with the key, checked in
 * full and counted; the counts must equal the records' at that moment.
 */

/* Of the whole copy, the share the export takes; checking it takes the rest. */
#define EXPORT_SHARE 0.7
/* SQLite calls the progress handler after this many virtual machine steps. */
#define PROGRESS_STEPS 4000
#define COPY_SCHEMA "heard_copy"

/* Progress shared by the copying thread and the main context it reports
 * on: an atomic reference-counted box (g_atomic_rc_box_*). */
typedef struct
{
  HeardStoreProgressFunc  func;
  gpointer                data;
  GDestroyNotify          data_free;
  GMainContext           *context;
  GCancellable           *cancellable;
  /* Touched only on the copying thread. */
  const char             *watched_path;
  gint64                  expected_bytes;
  double                  base;
  double                  share;
  double                  last_sent;
} Progress;

typedef struct
{
  Progress *progress;
  double    fraction;
} Delivery;

typedef struct
{
  char     *source;
  char     *target;
  HeardKey *key;
  Progress *progress;
} CopyRequest;

static void
progress_clear (Progress *progress)
{
  if (progress->data_free != NULL)
    progress->data_free (progress->data);
  g_main_context_unref (progress->context);
  g_clear_object (&progress->cancellable);
}

static void
progress_unref (Progress *progress)
{
  g_atomic_rc_box_release_full (progress, (GDestroyNotify) progress_clear);
}

static void
delivery_free (Delivery *delivery)
{
  progress_unref (delivery->progress);
  g_free (delivery);
}

static gboolean
deliver_cb (gpointer user_data)
{
  Delivery *delivery = user_data;

  delivery->progress->func (delivery->fraction, delivery->progress->data);

  return G_SOURCE_REMOVE;
}

/* From the copying thread: tells the caller, on its own main context, at
 * most once per hundredth. */
static void
report (Progress *progress,
        double    fraction)
{
  Delivery *delivery;

  if (progress->func == NULL || fraction < progress->last_sent + 0.01)
    return;

  progress->last_sent = fraction;
  delivery = g_new0 (Delivery, 1);
  delivery->progress = g_atomic_rc_box_acquire (progress);
  delivery->fraction = MIN (fraction, 1.0);
  g_main_context_invoke_full (progress->context, G_PRIORITY_DEFAULT, deliver_cb, delivery,
                              (GDestroyNotify) delivery_free);
}

/* SQLite's progress handler: how far the file being written has grown,
 * or, while checking, only whether to stop. Non-zero interrupts. */
static int
progress_handler (void *user_data)
{
  Progress *progress = user_data;
  GStatBuf info;

  if (g_cancellable_is_cancelled (progress->cancellable))
    return 1;

  if (progress->watched_path != NULL && progress->expected_bytes > 0 &&
      g_stat (progress->watched_path, &info) == 0)
    report (progress, progress->base +
                      progress->share * MIN (1.0, (double) info.st_size /
                                                  (double) progress->expected_bytes));

  return 0;
}

static void
copy_request_free (CopyRequest *request)
{
  g_free (request->source);
  g_free (request->target);
  heard_key_free (request->key);
  progress_unref (request->progress);
  g_free (request);
}

static gboolean
query_number (sqlite3     *db,
              const char  *sql,
              gint64      *value,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = _heard_store_prepare (db, sql, error);
  int rc;

  if (statement == NULL)
    return FALSE;

  rc = sqlite3_step (statement);
  if (rc != SQLITE_ROW)
    {
      _heard_store_set_error (error, db, rc);
      return FALSE;
    }

  *value = sqlite3_column_int64 (statement, 0);
  return TRUE;
}

/* What the records on @db hold. Inside a transaction, as of its snapshot. */
static HeardStoreCopyInfo *
read_info (sqlite3  *db,
           GError  **error)
{
  g_autoptr(HeardStoreCopyInfo) info = g_new0 (HeardStoreCopyInfo, 1);
  g_autoptr(HeardAuditAnchor) head = NULL;
  g_autoptr(sqlite3_stmt) newest = NULL;
  gint64 version = 0;
  gint64 n_people = 0;
  gint64 n_statements = 0;
  const char *at;

  if (!query_number (db, "PRAGMA user_version", &version, error) ||
      !query_number (db, "SELECT count(*) FROM person", &n_people, error) ||
      !query_number (db, "SELECT count(*) FROM statement", &n_statements, error))
    return NULL;

  /* Reading a sensitive statement is noted in the trail but changes nothing. */
  newest = _heard_store_prepare (db, "SELECT max (at) FROM audit WHERE action <> 'read'", error);
  if (newest == NULL || !_heard_store_step_done (db, newest, error))
    return NULL;
  at = (const char *) sqlite3_column_text (newest, 0);
  if (at != NULL)
    info->newest_change = g_date_time_new_from_iso8601 (at, NULL);

  head = _heard_audit_read_head (db, error);
  if (head == NULL)
    return NULL;

  info->schema_version = (guint) version;
  info->n_people = (guint) n_people;
  info->n_statements = (guint) n_statements;
  info->audit_head = *head;

  return g_steal_pointer (&info);
}

static void
set_changed_error (GError **error)
{
  g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_FAILED,
                       _("The copy of the records does not hold what the records held "
                         "when it was made."));
}

/* The copy and the records hold the same, as far as counting can tell. */
static gboolean
info_equal (const HeardStoreCopyInfo *a,
            const HeardStoreCopyInfo *b)
{
  return a->schema_version == b->schema_version &&
         a->n_people == b->n_people &&
         a->n_statements == b->n_statements &&
         heard_audit_anchor_equal (&a->audit_head, &b->audit_head) &&
         ((a->newest_change == NULL && b->newest_change == NULL) ||
          (a->newest_change != NULL && b->newest_change != NULL &&
           g_date_time_equal (a->newest_change, b->newest_change)));
}

static void
set_sqlite_error (GError  **error,
                  sqlite3  *db,
                  int       rc)
{
  if ((rc & 0xff) == SQLITE_INTERRUPT)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                         _("The copy was stopped before it was finished."));
  else
    _heard_store_set_error (error, db, rc);
}

static gboolean
exec_step (sqlite3     *db,
           const char  *sql,
           GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc);
      return FALSE;
    }

  return TRUE;
}

static sqlite3 *
open_keyed (const char      *path,
            int              flags,
            const HeardKey  *key,
            GError         **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      _heard_store_set_error (error, db, rc);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, 5000);
  sqlite3_extended_result_codes (db, 1);
  if (!_heard_store_apply_key (db, key, error) ||
      !_heard_store_check_identity (db, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

/* The new file, ATTACHed with the key as the store applies it: a raw key
 * bound as a value, never SQL text. */
static gboolean
attach_target (sqlite3         *db,
               const char      *target,
               const HeardKey  *key,
               GError         **error)
{
  g_autoptr(HeardSecretString) hex = heard_key_to_hex (key);
  g_autoptr(HeardSecretString) raw_key = g_strdup_printf ("x'%s'", hex);
  g_autoptr(sqlite3_stmt) attach = NULL;

  attach = _heard_store_prepare (db, "ATTACH DATABASE ?1 AS " COPY_SCHEMA " KEY ?2", error);
  if (attach == NULL)
    return FALSE;

  _heard_store_bind_text (attach, 1, target);
  sqlite3_bind_blob (attach, 2, raw_key, (int) strlen (raw_key), SQLITE_STATIC);

  return _heard_store_step_done (sqlite3_db_handle (attach), attach, error);
}

/* Fills @target from @db, as of one snapshot, and finishes with what the
 * records held then. */
static HeardStoreCopyInfo *
export (sqlite3      *db,
        CopyRequest  *request,
        GError      **error)
{
  g_autoptr(HeardStoreCopyInfo) info = NULL;
  g_autofree char *stamp = NULL;
  gint64 application_id = 0;
  gint64 page_count = 0;
  gint64 page_size = 0;
  int rc;

  /* The copy is thrown away if anything goes wrong: no journal, and it is
   * flushed once, when whole. */
  if (!attach_target (db, request->target, request->key, error) ||
      !exec_step (db, "PRAGMA " COPY_SCHEMA ".journal_mode = OFF;"
                      "PRAGMA " COPY_SCHEMA ".synchronous = OFF;"
                      "BEGIN", error))
    return NULL;

  /* The first read fixes the snapshot everything below sees. */
  info = read_info (db, error);
  if (info == NULL ||
      !query_number (db, "PRAGMA main.application_id", &application_id, error) ||
      !query_number (db, "PRAGMA main.page_count", &page_count, error) ||
      !query_number (db, "PRAGMA main.page_size", &page_size, error))
    {
      _heard_store_rollback (db);
      return NULL;
    }

  request->progress->watched_path = request->target;
  request->progress->expected_bytes = page_count * page_size;
  request->progress->share = EXPORT_SHARE;
  sqlite3_progress_handler (db, PROGRESS_STEPS, progress_handler, request->progress);

  /* sqlcipher_export() copies neither of these. Drafts are left out: they
   * are unsaved typing, not records, and one thrown away since must not
   * come back, offered as if just written, when a backup is restored. */
  stamp = g_strdup_printf ("SELECT sqlcipher_export ('" COPY_SCHEMA "');"
                           "DELETE FROM " COPY_SCHEMA ".draft_field;"
                           "DELETE FROM " COPY_SCHEMA ".draft;"
                           "PRAGMA " COPY_SCHEMA ".user_version = %u;"
                           "PRAGMA " COPY_SCHEMA ".application_id = %" G_GINT64_FORMAT ";",
                           info->schema_version, application_id);
  rc = sqlite3_exec (db, stamp, NULL, NULL, NULL);
  sqlite3_progress_handler (db, 0, NULL, NULL);
  request->progress->watched_path = NULL;
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc);
      _heard_store_rollback (db);
      return NULL;
    }

  if (!exec_step (db, "COMMIT", error))
    {
      _heard_store_rollback (db);
      return NULL;
    }

  return g_steal_pointer (&info);
}

static gboolean
sync_file (const char  *path,
           GError     **error)
{
  if (!heard_files_sync (path))
    {
      int saved_errno = errno;

      g_set_error (error, HEARD_STORE_ERROR,
                   saved_errno == ENOSPC ? HEARD_STORE_ERROR_DISK_FULL
                                         : HEARD_STORE_ERROR_FAILED,
                   _("The copy of the records could not be written to the disk: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Opens the copy afresh and checks it whole; it must hold what @expected says. */
static gboolean
check_copy (CopyRequest               *request,
            const HeardStoreCopyInfo  *expected,
            GError                   **error)
{
  g_autoptr(HeardStoreCopyInfo) found = NULL;
  g_autoptr(sqlite3_stmt) check = NULL;
  sqlite3 *db;
  int rc;

  db = open_keyed (request->target, SQLITE_OPEN_READONLY, request->key, error);
  if (db == NULL)
    return FALSE;

  request->progress->base = EXPORT_SHARE;
  report (request->progress, EXPORT_SHARE);
  sqlite3_progress_handler (db, PROGRESS_STEPS, progress_handler, request->progress);
  check = _heard_store_prepare (db, "PRAGMA integrity_check", error);
  rc = check != NULL ? sqlite3_step (check) : SQLITE_ERROR;
  if (check != NULL && rc != SQLITE_ROW)
    set_sqlite_error (error, db, rc);
  else if (check != NULL &&
           g_strcmp0 ((const char *) sqlite3_column_text (check, 0), "ok") != 0)
    g_set_error_literal (error, HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_DAMAGED,
                         _("The copy of the records failed its full health check."));
  else if (check != NULL)
    found = read_info (db, error);
  sqlite3_progress_handler (db, 0, NULL, NULL);
  g_clear_pointer (&check, sqlite3_finalize);
  sqlite3_close (db);

  if (found == NULL)
    return FALSE;

  if (!info_equal (found, expected))
    {
      set_changed_error (error);
      return FALSE;
    }

  report (request->progress, 1.0);
  return TRUE;
}

/* Makes the file the copy goes into, private; it must not exist yet. */
static gboolean
create_target (const char  *path,
               GError     **error)
{
  int fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, HEARD_STORE_ERROR,
                   saved_errno == ENOSPC ? HEARD_STORE_ERROR_DISK_FULL
                                         : HEARD_STORE_ERROR_READ_ONLY,
                   _("Heard could not make the copy of the records %s: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

static void
copy_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  CopyRequest *request = task_data;
  g_autoptr(HeardStoreCopyInfo) info = NULL;
  g_autofree char *journal = g_strconcat (request->target, "-journal", NULL);
  GError *error = NULL;
  sqlite3 *db;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!create_target (request->target, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  db = open_keyed (request->source, SQLITE_OPEN_READWRITE, request->key, &error);
  if (db != NULL)
    {
      info = export (db, request, &error);
      sqlite3_close (db);
    }

  if (info == NULL || !sync_file (request->target, &error) ||
      !check_copy (request, info, &error))
    {
      g_clear_pointer (&info, heard_store_copy_info_free);
      if (g_unlink (request->target) != 0 && errno != ENOENT)
        g_warning ("Could not remove the unfinished copy %s: %s", request->target,
                   g_strerror (errno));
      g_unlink (journal);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&info),
                         (GDestroyNotify) heard_store_copy_info_free);
}

static void
copy_async (HeardStore             *self,
            const HeardKey         *key,
            const char             *path,
            HeardStoreProgressFunc  progress,
            gpointer                progress_data,
            GDestroyNotify          progress_free,
            GCancellable           *cancellable,
            GAsyncReadyCallback     callback,
            gpointer                user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  CopyRequest *request;

  g_task_set_source_tag (task, heard_store_copy_async);
  /* A copy made whole is kept and reported, even if cancelled too late. */
  g_task_set_check_cancellable (task, FALSE);

  request = g_new0 (CopyRequest, 1);
  request->progress = g_atomic_rc_box_new0 (Progress);
  request->progress->func = progress;
  request->progress->data = progress_data;
  request->progress->data_free = progress_free;
  request->progress->context = g_main_context_ref_thread_default ();
  request->progress->cancellable = cancellable != NULL ? g_object_ref (cancellable)
                                                       : g_cancellable_new ();
  request->progress->last_sent = -1.0;
  g_task_set_task_data (task, request, (GDestroyNotify) copy_request_free);

  if (!heard_store_is_open (self))
    {
      g_task_return_new_error (task, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_OPEN, "%s",
                               _("The records are locked. Unlock Heard and try again."));
      return;
    }

  request->source = g_strdup (heard_sqlite_store_get_path (HEARD_SQLITE_STORE (self)));
  request->target = g_strdup (path);
  request->key = heard_key_copy (key);
  g_task_run_in_thread (task, copy_thread);
}

static gpointer
describe_work (sqlite3  *db,
               gpointer  data,
               GError  **error)
{
  HeardStoreCopyInfo *info;

  if (!_heard_store_exec (db, "BEGIN", error))
    return NULL;
  info = read_info (db, error);
  _heard_store_rollback (db);

  return info;
}

static void
describe_async (HeardStore          *self,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  _heard_store_run_async (self, describe_work, NULL, NULL,
                          (GDestroyNotify) heard_store_copy_info_free,
                          heard_store_describe_async, cancellable, callback, user_data);
}

static gpointer
note_restored_work (sqlite3  *db,
                    gpointer  data,
                    GError  **error)
{
  g_autofree char *made_at = g_date_time_format (data, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *detail = g_strdup_printf ("restored from a backup made at %s", made_at);

  if (!_heard_store_begin_write (db, error))
    return NULL;

  if (!_heard_audit_append (db, NULL, "restored", "records", 0, detail, error) ||
      !_heard_store_commit (db, error))
    {
      _heard_store_rollback (db);
      return NULL;
    }

  return _heard_audit_read_head (db, error);
}

static void
note_restored_async (HeardStore          *self,
                     GDateTime           *made_at,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (made_at);

  _heard_store_run_async (self, note_restored_work, g_steal_pointer (&utc),
                          (GDestroyNotify) g_date_time_unref,
                          (GDestroyNotify) heard_audit_anchor_free,
                          heard_store_note_restored_async, cancellable, callback, user_data);
}

void
_heard_sqlite_store_init_copy (HeardStoreClass *klass)
{
  klass->copy_async = copy_async;
  klass->describe_async = describe_async;
  klass->note_restored_async = note_restored_async;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-sqlite-store"

#include "config.h"

/* Declares sqlite3_key() in SQLCipher's header. */
#define SQLITE_HAS_CODEC 1

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "heard-audit-private.h"
#include "heard-files.h"
#include "heard-secure.h"
#include "heard-sqlite-store-private.h"
#include "heard-store-migrations.h"
#include "heard-store-util.h"

/*
 * HeardSqliteStore, the store kept in one SQLCipher file: it opens the file
 * with its key, and owns the one connection and the one thread that may use
 * it. Everything else reaches the database by queueing work for that thread;
 * the queue is first in, first out, so a read queued after a write sees it.
 */

/* "HEAR" in ASCII: marks a database file as Heard's own. */
#define HEARD_APPLICATION_ID 0x48454152
#define BUSY_TIMEOUT_MS 5000
/* The smallest SQLCipher page; anything shorter was cut off part-way. */
#define MIN_DATABASE_SIZE 1024
/* Private folders for checking a copy, named after the process checking. */
#define CHECK_DIR_PREFIX "heard-check-"

typedef enum
{
  JOB_WORK,
  JOB_OPEN,
  JOB_CLOSE,
  JOB_QUIT,
} JobKind;

typedef struct
{
  JobKind             kind;
  GTask              *task;
  HeardStoreWorkFunc  work;
  gpointer            data;
  GDestroyNotify      data_free;
  GDestroyNotify      result_free;
} Job;

typedef struct
{
  char                      *path;
  HeardKey                  *key;
  HeardSqliteStoreOpenFlags  flags;
} OpenRequest;

struct _HeardSqliteStore
{
  HeardStore   parent_instance;

  char        *path;
  GThread     *thread;
  GAsyncQueue *jobs;
  gboolean     open;
  gboolean     fictional;
};

G_DEFINE_FINAL_TYPE (HeardSqliteStore, heard_sqlite_store, HEARD_TYPE_STORE)

G_DEFINE_QUARK (heard-sqlite-store-error-quark, heard_sqlite_store_error)

/* Set on a database thread whose connection fills a new file of fictional
 * records (HEARD_SQLITE_STORE_OPEN_FICTIONAL): its writes run inside one
 * long transaction, committed every BATCH_WRITES pieces of work and on
 * close, so that pages are written once a batch rather than once a write.
 * Every write is still audited and sealed as ever. Not even a savepoint
 * separates them: SQLCipher encrypts every page a savepoint keeps, which
 * was most of a write's cost; so a refused write spoils the batch instead
 * (batch_lost). A connection to real records never batches. */
static __thread gboolean batching;
/* The write in progress is part of the batch. */
static __thread gboolean in_batch;
/* A batch could not be committed: what was written since is lost. */
static __thread gboolean batch_lost;
static __thread guint batch_size;
#define BATCH_WRITES 20000

/* While batching, statements are prepared once and reused, SQL text to
 * CachedStatement: preparing is most of a small write's cost. */
typedef struct
{
  sqlite3_stmt *statement;
  gboolean      in_use;
} CachedStatement;

/* Set on a database thread whose connection was opened with
 * HEARD_SQLITE_STORE_OPEN_CHECK_LATER while its quick check has not run:
 * it runs before anything is written (_heard_store_run_deferred_check()). */
static __thread gboolean quick_check_due;
/* What that check found wrong: every write is refused with it. */
static __thread GError *quick_check_failed;

static __thread GHashTable *statement_cache;
/* The same CachedStatement by its statement, to give it back quickly. */
static __thread GHashTable *cached_statements;

static void
job_free (Job *job)
{
  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  g_clear_object (&job->task);
  g_free (job);
}

static void
open_request_free (OpenRequest *request)
{
  g_free (request->path);
  heard_key_free (request->key);
  g_free (request);
}

void
_heard_store_set_error (GError  **error,
                        sqlite3  *db,
                        int       code)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (code);

  switch (code & 0xff)
    {
    case SQLITE_FULL:
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_DISK_FULL,
                           _("The disk is full, so nothing was saved. "
                             "Free some space and try again; your work is still here."));
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_READ_ONLY,
                   _("Heard is not allowed to write to its records folder (%s). "
                     "Nothing was saved."), detail);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error_literal (error, HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_DAMAGED,
                           _("The records file is damaged. Nothing was changed; "
                             "restore it from a backup or ask for technical help."));
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID,
                   _("This change was refused to protect the records (%s)."), detail);
      break;

    default:
      g_set_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_FAILED,
                   _("Heard could not reach its records (%s)."), detail);
      break;
    }
}

gboolean
_heard_store_exec (sqlite3     *db,
                   const char  *sql,
                   GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _heard_store_set_error (error, db, rc);
      return FALSE;
    }

  return TRUE;
}

gboolean
_heard_store_begin_write (sqlite3  *db,
                          GError  **error)
{
  if (!_heard_store_run_deferred_check (db, error))
    return FALSE;

  in_batch = batching && !sqlite3_get_autocommit (db);

  /* IMMEDIATE takes the write lock up front, so a busy database fails here
   * rather than half-way through the change. */
  if (!in_batch && !_heard_store_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* A problem with the audit trail holds every write (never a read). */
  if (!_heard_audit_before_write (db, error))
    {
      _heard_store_rollback (db);
      return FALSE;
    }

  return TRUE;
}

gboolean
_heard_store_commit (sqlite3  *db,
                     GError  **error)
{
  if (!_heard_audit_before_commit (db, error) ||
      (!in_batch && !_heard_store_exec (db, "COMMIT", error)))
    {
      _heard_store_rollback (db);
      return FALSE;
    }

  return TRUE;
}

void
_heard_store_rollback (sqlite3 *db)
{
  if (sqlite3_get_autocommit (db))
    return;

  /* A write of a batch cannot be undone alone: the batch is spoilt, and
   * the close says so. */
  if (in_batch)
    batch_lost = TRUE;
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

/* Commits the batch so far and, unless @last, begins the next. */
static void
commit_batch (sqlite3  *db,
              gboolean  last)
{
  if (!batching)
    return;

  if (!sqlite3_get_autocommit (db) &&
      sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_warning ("Could not save a batch of fictional records: %s", sqlite3_errmsg (db));
      batch_lost = TRUE;
      _heard_store_rollback (db);
    }

  if (!last && sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    batch_lost = TRUE;
  batching = !last;
}

static void
cached_statement_free (CachedStatement *cached)
{
  sqlite3_finalize (cached->statement);
  g_free (cached);
}

/* Starts making fictional records in batches (see "batching" above). */
static void
begin_batch (sqlite3 *db)
{
  batching = TRUE;
  batch_lost = FALSE;
  batch_size = 0;
  statement_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) cached_statement_free);
  cached_statements = g_hash_table_new (NULL, NULL);
  commit_batch (db, FALSE);
  if (sqlite3_exec (db, _heard_store_get_statement_search_pause (), NULL, NULL, NULL) !=
      SQLITE_OK)
    batch_lost = TRUE;
}

/* Fills the paused index and commits the last batch. */
static void
end_batch (sqlite3 *db)
{
  if (!batching)
    return;

  if (!batch_lost &&
      sqlite3_exec (db, _heard_store_get_statement_search_resume (), NULL, NULL, NULL) !=
      SQLITE_OK)
    {
      g_warning ("Could not index the fictional statements: %s", sqlite3_errmsg (db));
      batch_lost = TRUE;
    }
  commit_batch (db, TRUE);
  g_clear_pointer (&cached_statements, g_hash_table_destroy);
  g_clear_pointer (&statement_cache, g_hash_table_destroy);
}

sqlite3_stmt *
_heard_store_prepare (sqlite3     *db,
                      const char  *sql,
                      GError     **error)
{
  CachedStatement *cached = statement_cache != NULL
                            ? g_hash_table_lookup (statement_cache, sql) : NULL;
  sqlite3_stmt *statement = NULL;
  int rc;

  if (cached != NULL && !cached->in_use)
    {
      cached->in_use = TRUE;
      return cached->statement;
    }

  rc = sqlite3_prepare_v2 (db, sql, -1, &statement, NULL);
  if (rc != SQLITE_OK)
    {
      _heard_store_set_error (error, db, rc);
      sqlite3_finalize (statement);
      return NULL;
    }

  if (statement_cache != NULL && cached == NULL)
    {
      cached = g_new0 (CachedStatement, 1);
      cached->statement = statement;
      cached->in_use = TRUE;
      g_hash_table_insert (statement_cache, g_strdup (sql), cached);
      g_hash_table_insert (cached_statements, statement, cached);
    }

  return statement;
}

void
_heard_store_finalize (sqlite3_stmt *statement)
{
  CachedStatement *cached = cached_statements != NULL
                            ? g_hash_table_lookup (cached_statements, statement) : NULL;

  if (cached != NULL)
    {
      sqlite3_reset (statement);
      sqlite3_clear_bindings (statement);
      cached->in_use = FALSE;
      return;
    }

  sqlite3_finalize (statement);
}

gboolean
_heard_store_step_done (sqlite3       *db,
                        sqlite3_stmt  *statement,
                        GError       **error)
{
  int rc = sqlite3_step (statement);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _heard_store_set_error (error, db, rc);
      return FALSE;
    }

  return TRUE;
}

void
_heard_store_bind_text (sqlite3_stmt *statement,
                        int           index,
                        const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (statement, index);
  else
    sqlite3_bind_text (statement, index, text, -1, SQLITE_TRANSIENT);
}

char *
_heard_store_dup_column (sqlite3_stmt *statement,
                         int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (statement, column));
}

char *
_heard_store_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
query_int (sqlite3     *db,
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

static void
set_wrong_key_error (GError **error)
{
  g_set_error_literal (error, HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_WRONG_KEY,
                       _("This records file cannot be opened with this key. "
                         "The key may not be the right one, or the file may be damaged "
                         "or not Heard's. The file has not been changed."));
}

/* SQLite's own files beside the database, which hold records that may
 * not be in the database file yet. (The -shm is only an index, rebuilt
 * from the WAL whenever it is missing.) */
static const char *const side_suffixes[] = { "-wal", "-journal" };

static gboolean
file_has_content (const char *path)
{
  GStatBuf info;

  return g_stat (path, &info) == 0 && info.st_size > 0;
}

static gboolean
side_file_has_content (const char *path,
                       const char *suffix)
{
  g_autofree char *side = g_strconcat (path, suffix, NULL);

  return file_has_content (side);
}

static gboolean
has_side_file_content (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    if (side_file_has_content (path, side_suffixes[i]))
      return TRUE;

  return FALSE;
}

/* Looks at the file before SQLCipher does, so that a refused file is never
 * touched and each kind of refusal gets its own explanation. */
static gboolean
check_file_before_open (const char                 *path,
                        HeardSqliteStoreOpenFlags   flags,
                        GError                    **error)
{
  GStatBuf info;
  char header[16] = { 0 };
  int fd;

  if (g_stat (path, &info) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT && (flags & HEARD_SQLITE_STORE_OPEN_CREATE) != 0)
        {
          fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
          if (fd < 0)
            {
              saved_errno = errno;
              g_set_error (error, HEARD_STORE_ERROR,
                           saved_errno == ENOSPC ? HEARD_STORE_ERROR_DISK_FULL
                                                 : HEARD_STORE_ERROR_READ_ONLY,
                           _("Heard could not create its records file: %s"),
                           g_strerror (saved_errno));
              return FALSE;
            }
          close (fd);
          return TRUE;
        }

      g_set_error (error, HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_MISSING,
                   _("The records file could not be found: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  /* An empty file beside a WAL or journal that is not: the records are in
   * there, and SQLite would delete such a WAL on open. Nobody may open it. */
  if (info.st_size == 0 && has_side_file_content (path))
    {
      g_set_error_literal (error, HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_DAMAGED,
                           _("The records file is empty, but the records are still in the log "
                             "file beside it (its name ends in “-wal” or “-journal”), perhaps "
                             "after a failed copy. Heard has not used or changed either file; "
                             "keep both and ask for technical help, or restore from a backup."));
      return FALSE;
    }

  /* Only a first run may take an empty file: anywhere else it means the
   * records were lost, and opening it would look like having no one. */
  if (info.st_size == 0)
    {
      if ((flags & HEARD_SQLITE_STORE_OPEN_CREATE) != 0)
        return TRUE;

      g_set_error_literal (error, HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_DAMAGED,
                           _("The records file is empty, perhaps emptied by a failed copy. "
                             "Heard has not used or changed it; restore it from a backup."));
      return FALSE;
    }

  if (info.st_size < MIN_DATABASE_SIZE || info.st_size % 512 != 0)
    {
      g_set_error_literal (error, HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_DAMAGED,
                           _("The records file is incomplete: it looks cut short, "
                             "perhaps by a failed copy. It has not been changed."));
      return FALSE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || read (fd, header, sizeof header) != sizeof header)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_READ_ONLY,
                   _("Heard could not read its records file: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  if (memcmp (header, "SQLite format 3", 16) == 0)
    {
      g_set_error_literal (error, HEARD_SQLITE_STORE_ERROR,
                           HEARD_SQLITE_STORE_ERROR_NOT_ENCRYPTED,
                           _("This file is an unencrypted database, not Heard's records. "
                             "Heard will not use it, and it has not been changed."));
      return FALSE;
    }

  return TRUE;
}

gboolean
_heard_store_apply_key (sqlite3         *db,
                        const HeardKey  *key,
                        GError         **error)
{
  g_autoptr(HeardSecretString) hex = heard_key_to_hex (key);
  g_autoptr(HeardSecretString) raw_key = g_strdup_printf ("x'%s'", hex);
  g_autoptr(sqlite3_stmt) version = NULL;
  const char *cipher_version;
  int rc;

  /* Through the API rather than a PRAGMA, so that the key never becomes SQL
   * text that SQLite would copy and free without wiping. */
  rc = sqlite3_key (db, raw_key, (int) strlen (raw_key));
  if (rc != SQLITE_OK)
    {
      _heard_store_set_error (error, db, rc);
      return FALSE;
    }

  /* A plain SQLite silently ignores the key and would write children's
   * records in the clear: refuse unless the cipher answers. */
  version = _heard_store_prepare (db, "PRAGMA cipher_version", error);
  if (version == NULL)
    return FALSE;
  cipher_version = sqlite3_step (version) == SQLITE_ROW
                   ? (const char *) sqlite3_column_text (version, 0) : NULL;
  if (cipher_version == NULL || *cipher_version == '\0')
    {
      g_set_error_literal (error, HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_NO_CIPHER,
                           _("This copy of Heard was built without database encryption, "
                             "so it refuses to open the records."));
      return FALSE;
    }

  return TRUE;
}

gboolean
_heard_store_check_identity (sqlite3  *db,
                             GError  **error)
{
  gint64 tables = 0;
  gint64 application_id = 0;
  gint64 version = 0;
  int rc;

  /* The first read decrypts page one: this is where a wrong key shows, as
   * "not a database". A file that decrypts but does not add up (cut short
   * on a page boundary, say) is SQLITE_CORRUPT: damaged, not a wrong key. */
  rc = sqlite3_exec (db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
  if ((rc & 0xff) == SQLITE_NOTADB)
    {
      set_wrong_key_error (error);
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      _heard_store_set_error (error, db, rc);
      return FALSE;
    }

  if (!query_int (db, "SELECT count(*) FROM sqlite_master", &tables, error) ||
      !query_int (db, "PRAGMA application_id", &application_id, error) ||
      !query_int (db, "PRAGMA user_version", &version, error))
    return FALSE;

  if (tables > 0 && application_id != HEARD_APPLICATION_ID)
    {
      g_set_error_literal (error, HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_FOREIGN,
                           _("This encrypted database belongs to another program, "
                             "not Heard. It has not been changed."));
      return FALSE;
    }

  if (version > (gint64) heard_sqlite_store_get_schema_version ())
    {
      g_set_error_literal (error, HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_TOO_NEW,
                           _("These records were saved by a newer version of Heard. "
                             "Update Heard to open them; they have not been changed."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_quick_integrity (sqlite3  *db,
                       GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = _heard_store_prepare (db, "PRAGMA quick_check", error);
  const char *verdict;

  if (statement == NULL)
    return FALSE;

  verdict = sqlite3_step (statement) == SQLITE_ROW
            ? (const char *) sqlite3_column_text (statement, 0) : NULL;
  if (g_strcmp0 (verdict, "ok") != 0)
    {
      g_set_error_literal (error, HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_DAMAGED,
                           _("The records file failed its health check. Nothing was "
                             "changed; restore it from a backup or ask for technical help."));
      return FALSE;
    }

  return TRUE;
}

/* Whether the quick check may wait until the records are read and shown:
 * only when the caller allows it (@checked_later is not NULL) and nothing
 * is to be migrated, since migrating writes. Sets *@checked_later. */
static gboolean
defer_quick_check (sqlite3  *db,
                   gboolean *checked_later)
{
  gint64 version = 0;

  if (checked_later == NULL)
    return FALSE;

  *checked_later = query_int (db, "PRAGMA user_version", &version, NULL) &&
                   version == (gint64) heard_sqlite_store_get_schema_version ();

  return *checked_later;
}

gboolean
_heard_store_run_deferred_check (sqlite3  *db,
                                 GError  **error)
{
  if (quick_check_due)
    {
      quick_check_due = FALSE;
      if (!check_quick_integrity (db, &quick_check_failed))
        g_message ("Writing is held: %s", quick_check_failed->message);
    }

  if (quick_check_failed != NULL)
    {
      g_propagate_error (error, g_error_copy (quick_check_failed));
      return FALSE;
    }

  return TRUE;
}

/* Runs every check that can refuse the records on a connection of its own
 * that cannot write: the key, whose records these are, their version, and
 * a quick health check, unless defer_quick_check() lets it wait. */
static gboolean
verify_on_connection (const char      *filename,
                      int              open_flags,
                      const HeardKey  *key,
                      gboolean        *checked_later,
                      GError         **error)
{
  sqlite3 *db = NULL;
  gboolean verified;
  int rc;

  rc = sqlite3_open_v2 (filename, &db, open_flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _heard_store_set_error (error, db, rc);
      sqlite3_close (db);
      return FALSE;
    }

  sqlite3_extended_result_codes (db, 1);
  verified = _heard_store_apply_key (db, key, error) &&
             _heard_store_check_identity (db, error) &&
             (defer_quick_check (db, checked_later) || check_quick_integrity (db, error));
  sqlite3_close (db);

  return verified;
}

/* The URI of @path opened read-only, and with @sealed as a sealed file. */
static char *
read_only_uri (const char *path,
               gboolean    sealed)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, NULL);

  g_assert (file_uri != NULL);
  return g_strconcat (file_uri, sealed ? "?mode=ro&immutable=1" : "?mode=ro", NULL);
}

/* With nothing beside it, the database file alone is the whole story.
 * "immutable" makes SQLite read it as a sealed file: no lock, no -shm, no
 * WAL, and nothing written on close. (On SQLite 3.15 a plain read-only
 * connection would still make a -shm and could fold a WAL in.) */
static gboolean
verify_in_place (const char      *path,
                 const HeardKey  *key,
                 gboolean        *checked_later,
                 GError         **error)
{
  g_autofree char *uri = read_only_uri (path, TRUE);

  return verify_on_connection (uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, key, checked_later,
                               error);
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);

  return g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, error);
}

/* A check cut short (Heard killed while checking) leaves its copy behind;
 * the next check removes those of processes that are gone. Only folders
 * of this user, named as Heard names them, are touched. */
static void
remove_abandoned_checks (void)
{
  const char *tmp_dir = g_get_tmp_dir ();
  g_autoptr(GDir) listing = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      const char *digits;
      char *end = NULL;
      guint64 pid;
      GStatBuf info;

      if (!g_str_has_prefix (name, CHECK_DIR_PREFIX))
        continue;
      digits = name + strlen (CHECK_DIR_PREFIX);
      pid = g_ascii_strtoull (digits, &end, 10);
      if (end == digits || *end != '-' || pid == 0 || pid > G_MAXINT)
        continue;
      if (kill ((pid_t) pid, 0) == 0 || errno != ESRCH)
        continue;

      path = g_build_filename (tmp_dir, name, NULL);
      if (g_lstat (path, &info) == 0 && S_ISDIR (info.st_mode) && info.st_uid == getuid ())
        heard_files_remove_tree (path);
    }
}

static void
set_copy_error (GError **error,
                GError  *cause)
{
  g_set_error (error, HEARD_STORE_ERROR,
               g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NO_SPACE)
               ? HEARD_STORE_ERROR_DISK_FULL : HEARD_STORE_ERROR_FAILED,
               _("Heard could not check the records before opening them, because it "
                 "could not copy them to a temporary folder (%s). Nothing was changed."),
               cause->message);
}

/* With records in a WAL or journal beside it, the database file alone
 * may not even hold the tables yet, and immutable would ignore the rest.
 * So the files are copied to a private temporary folder (0700) and checked
 * there, where recovering the WAL touches only the copy, which is then
 * removed. The copies hold only pages SQLCipher encrypted, as the
 * originals do. This happens only after Heard did not close cleanly; the
 * temporary folder needs room for one copy of the records. */
static gboolean
verify_private_copy (const char      *path,
                     const HeardKey  *key,
                     GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *template = g_strdup_printf (CHECK_DIR_PREFIX "%d-XXXXXX", (int) getpid ());
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  gboolean verified = FALSE;
  gboolean copied;

  remove_abandoned_checks ();

  dir = g_dir_make_tmp (template, &local_error);
  if (dir == NULL)
    {
      set_copy_error (error, local_error);
      return FALSE;
    }

  copy = g_build_filename (dir, "heard.db", NULL);
  copied = copy_file (path, copy, &local_error);
  for (guint i = 0; copied && i < G_N_ELEMENTS (side_suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, side_suffixes[i], NULL);
      g_autofree char *side_copy = g_strconcat (copy, side_suffixes[i], NULL);

      if (g_file_test (side, G_FILE_TEST_EXISTS))
        copied = copy_file (side, side_copy, &local_error);
    }

  /* Read-only, SQLite still recovers the WAL (into the copy's own -shm)
   * but never folds it in on close, which would only cost time here. A
   * journal, though, can only be rolled back read-write. */
  if (!copied)
    set_copy_error (error, local_error);
  else
    verified = verify_on_connection (copy,
                                     side_file_has_content (path, "-journal")
                                     ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY,
                                     key, NULL, error);

  heard_files_remove_tree (dir);

  return verified;
}

/* Everything that can refuse the records is checked before Heard opens
 * them for writing, without writing a byte or making a file in their
 * folder: a refused open leaves the folder exactly as it was. The quick
 * check alone may wait (*@checked_later set, when @checked_later is not
 * NULL), for records left whole by a clean close that need no migrating:
 * it then runs on the open connection before anything is written. */
static gboolean
verify_before_writing (const char      *path,
                       const HeardKey  *key,
                       gboolean        *checked_later,
                       GError         **error)
{
  GStatBuf info;

  /* An empty file in a first run: nothing there to refuse. */
  if (g_stat (path, &info) == 0 && info.st_size == 0)
    return TRUE;

  if (has_side_file_content (path))
    return verify_private_copy (path, key, error);

  return verify_in_place (path, key, checked_later, error);
}

static gboolean
migrate (sqlite3  *db,
         GError  **error)
{
  gint64 version = 0;
  guint n_migrations = 0;
  const char *const *migrations = _heard_store_get_migrations (&n_migrations);

  if (!query_int (db, "PRAGMA user_version", &version, error))
    return FALSE;

  /* Forward only, one transaction each: a crash leaves a whole version. */
  for (guint target = (guint) version + 1; target <= n_migrations; target++)
    {
      g_autofree char *stamp = g_strdup_printf ("PRAGMA user_version = %u; "
                                                "PRAGMA application_id = %d;",
                                                target, HEARD_APPLICATION_ID);

      if (!_heard_store_begin_write (db, error))
        return FALSE;

      if (!_heard_store_exec (db, migrations[target - 1], error) ||
          !_heard_audit_after_migration (db, target, error) ||
          !_heard_store_exec (db, stamp, error) ||
          !_heard_store_commit (db, error))
        {
          _heard_store_rollback (db);
          g_prefix_error (error, _("Heard could not update its records to version %u: "), target);
          return FALSE;
        }
    }

  return TRUE;
}

/* A new database is only ever made where nothing of another one is left:
 * SQLite would take a -wal or -journal beside it for its own, and then
 * throw it away. */
static gboolean
check_nothing_beside (const char  *path,
                      GError     **error)
{
  const char *suffixes[] = { "-wal", "-journal" };
  GStatBuf main_info;

  /* A file that holds something is an existing database, checked as one. */
  if (g_stat (path, &main_info) == 0 && main_info.st_size > 0)
    return TRUE;

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *beside = g_strconcat (path, suffixes[i], NULL);
      GStatBuf info;

      if (g_stat (beside, &info) != 0 ? errno != ENOENT : info.st_size > 0)
        {
          g_set_error (error, HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_DAMAGED,
                       _("Heard did not make new records, because some records are still "
                         "in %s. Nothing has been changed."), beside);
          return FALSE;
        }
    }

  return TRUE;
}

/* Records of an older version are updated by Heard, never read as they
 * are: a connection that may not write refuses them instead. */
static gboolean
check_current_version (sqlite3  *db,
                       GError  **error)
{
  gint64 version = 0;

  if (!query_int (db, "PRAGMA user_version", &version, error))
    return FALSE;

  if (version < (gint64) heard_sqlite_store_get_schema_version ())
    {
      g_set_error_literal (error, HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_TOO_OLD,
                           _("These records were saved by an older version of Heard. Open "
                             "them once in Heard to update them; they have not been changed."));
      return FALSE;
    }

  return TRUE;
}

/* A connection that reads beside whoever else has the records open, on
 * which SQLite itself refuses every write to the records (mode=ro); a file
 * of its own ATTACHed to it (a backup being written) may still be written.
 * While a WAL is there (Heard has the records open, or did not close
 * cleanly) it shares it, so it sees what was committed there; only
 * SQLite's shared-memory index (heard.db-shm) is touched, as any reader
 * touches it. Without one, heard.db alone holds
 * every record and is read as a sealed file ("immutable"), so that no
 * -wal or -shm is made beside it, which a reader (root, say) could not
 * even remove. A Heard that starts meanwhile writes to a WAL of its own,
 * and changes heard.db only at a checkpoint: a reader taking longer than
 * that may see the file move under it and fail, never change it. */
static sqlite3 *
open_read_only_connection (OpenRequest  *request,
                           GError      **error)
{
  g_autofree char *wal = g_strconcat (request->path, "-wal", NULL);
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  int rc;

  if (!check_file_before_open (request->path, request->flags, error))
    return NULL;

  uri = read_only_uri (request->path, !g_file_test (wal, G_FILE_TEST_EXISTS));
  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI |
                        SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _heard_store_set_error (error, db, rc);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db, 1);

  if (!_heard_store_apply_key (db, request->key, error) ||
      !_heard_audit_attach (db, request->key, error) ||
      !_heard_store_check_identity (db, error) ||
      !check_current_version (db, error) ||
      !check_quick_integrity (db, error) ||
      !_heard_store_exec (db,
                          "PRAGMA foreign_keys = ON;"
                          "PRAGMA temp_store = MEMORY;", error))
    {
      sqlite3_close (db);
      return NULL;
    }

  _heard_audit_open_checks (db);

  return db;
}

static sqlite3 *
open_connection (OpenRequest  *request,
                 GError      **error)
{
  gboolean checked_later = FALSE;
  sqlite3 *db = NULL;
  int rc;

  if ((request->flags & HEARD_SQLITE_STORE_OPEN_READ_ONLY) != 0)
    return open_read_only_connection (request, error);

  if ((request->flags & HEARD_SQLITE_STORE_OPEN_CREATE) != 0 &&
      !check_nothing_beside (request->path, error))
    return NULL;

  /* Unsynced writes only ever go into a file made here and now. */
  if ((request->flags & HEARD_SQLITE_STORE_OPEN_FICTIONAL) != 0 &&
      ((request->flags & HEARD_SQLITE_STORE_OPEN_CREATE) == 0 ||
       file_has_content (request->path)))
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID,
                           _("Fictional records are only ever made into a new, empty file."));
      return NULL;
    }

  if (!check_file_before_open (request->path, request->flags, error))
    return NULL;

  if (!verify_before_writing (request->path, request->key,
                              (request->flags & HEARD_SQLITE_STORE_OPEN_CHECK_LATER) != 0
                              ? &checked_later : NULL, error))
    return NULL;

  /* The file already exists (created 0600 above): never let SQLite create one. */
  rc = sqlite3_open_v2 (request->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _heard_store_set_error (error, db, rc);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db, 1);

  if (!_heard_store_apply_key (db, request->key, error) ||
      !_heard_audit_attach (db, request->key, error) ||
      !_heard_store_check_identity (db, error) ||
      !_heard_store_exec (db,
                          "PRAGMA journal_mode = WAL;"
                          "PRAGMA synchronous = FULL;"
                          "PRAGMA foreign_keys = ON;"
                          "PRAGMA secure_delete = ON;"
                          "PRAGMA temp_store = MEMORY;", error) ||
      ((request->flags & HEARD_SQLITE_STORE_OPEN_FICTIONAL) != 0 &&
       !_heard_store_exec (db, "PRAGMA synchronous = OFF;"
                               "PRAGMA cache_size = -131072;"
                               "PRAGMA cache_spill = OFF;", error)) ||
      !migrate (db, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  _heard_audit_open_checks (db);
  quick_check_due = checked_later;

  /* A file copied in with looser permissions is made private again, now
   * that it is known to be Heard's. */
  if (g_chmod (request->path, 0600) != 0)
    g_warning ("Could not make %s private: %s", request->path, g_strerror (errno));

  return db;
}

/* Folds the WAL into the database file, then closes: after a clean close
 * heard.db alone holds every record, so a copy of that one file (a backup
 * by hand, a move to a new computer) is whole. The records are safe in the
 * WAL either way, so a checkpoint that cannot finish is only reported. */
static gboolean
close_connection (sqlite3  *db,
                  GError  **error)
{
  gboolean checkpointed = TRUE;
  int rc;

  if (db == NULL)
    return TRUE;

  quick_check_due = FALSE;
  g_clear_error (&quick_check_failed);
  end_batch (db);
  if (batch_lost)
    {
      batch_lost = FALSE;
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_FAILED,
                           _("Some of the fictional records could not be saved."));
      checkpointed = FALSE;
    }

  /* A reader has nothing to fold in, and may not. A writer syncs whatever
   * its writes were (fictional records are not synced one by one): the
   * checkpoint then syncs the log and the file. */
  if (sqlite3_db_readonly (db, "main") == 1)
    rc = SQLITE_OK;
  else
    {
      sqlite3_exec (db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
      rc = sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    }
  if (rc != SQLITE_OK && checkpointed)
    {
      _heard_store_set_error (error, db, rc);
      checkpointed = FALSE;
    }

  rc = sqlite3_close (db);
  if (rc != SQLITE_OK)
    {
      /* A statement someone forgot to finalize: close once it is. */
      g_warning ("The records file was closed with work still open: %s", sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
    }

  return checkpointed;
}

static void
clear_connection (sqlite3 **db)
{
  g_autoptr(GError) error = NULL;

  if (!close_connection (g_steal_pointer (db), &error))
    g_message ("The records were closed, but not folded into one file: %s", error->message);
}

static gpointer
database_thread (gpointer data)
{
  GAsyncQueue *jobs = data;
  sqlite3 *db = NULL;
  Job *job;

  while ((job = g_async_queue_pop (jobs))->kind != JOB_QUIT)
    {
      GError *error = NULL;

      /* Closing runs even when its caller has given up waiting. */
      if (job->kind != JOB_CLOSE && g_task_return_error_if_cancelled (job->task))
        {
          job_free (job);
          continue;
        }

      if (job->kind == JOB_CLOSE)
        {
          if (close_connection (g_steal_pointer (&db), &error))
            g_task_return_boolean (job->task, TRUE);
          else
            g_task_return_error (job->task, error);
        }
      else if (job->kind == JOB_OPEN)
        {
          sqlite3 *opened;

          clear_connection (&db);
          opened = open_connection (job->data, &error);
          if (opened == NULL)
            g_task_return_error (job->task, error);
          else
            {
              const OpenRequest *request = job->data;

              db = opened;
              if ((request->flags & HEARD_SQLITE_STORE_OPEN_FICTIONAL) != 0)
                begin_batch (db);
              g_task_return_boolean (job->task, TRUE);
            }
        }
      else if (db == NULL)
        g_task_return_new_error (job->task, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_OPEN,
                                 _("The records are locked. Unlock Heard and try again."));
      else
        {
          gpointer result = job->work (db, job->data, &error);

          if (error != NULL)
            g_task_return_error (job->task, error);
          else
            g_task_return_pointer (job->task, result, job->result_free);

          /* A batch ends after BATCH_WRITES pieces of work. */
          if (batching && ++batch_size >= BATCH_WRITES)
            {
              commit_batch (db, FALSE);
              batch_size = 0;
            }
        }

      job_free (job);
    }

  job_free (job);
  clear_connection (&db);
  g_async_queue_unref (jobs);

  return NULL;
}

static void
queue_job (HeardSqliteStore *self,
           Job              *job)
{
  if (self->thread == NULL)
    self->thread = g_thread_new ("heard-database", database_thread,
                                 g_async_queue_ref (self->jobs));

  g_async_queue_push (self->jobs, job);
}

static void
open_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  HeardSqliteStore *self = HEARD_SQLITE_STORE (object);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  self->open = g_task_propagate_boolean (G_TASK (result), &error);
  self->fictional = self->open &&
                    (GPOINTER_TO_UINT (g_task_get_task_data (task)) &
                     HEARD_SQLITE_STORE_OPEN_FICTIONAL) != 0;
  if (!self->open)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
close_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  HeardSqliteStore *self = HEARD_SQLITE_STORE (object);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* Closed either way: only the checkpoint can have failed. */
  self->open = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, _heard_store_dup_id (TRUE), g_free);
}

static gpointer
check_integrity_work (sqlite3  *db,
                      gpointer  data,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = _heard_store_prepare (db, "PRAGMA integrity_check", error);

  if (statement == NULL)
    return NULL;

  if (sqlite3_step (statement) != SQLITE_ROW ||
      g_strcmp0 ((const char *) sqlite3_column_text (statement, 0), "ok") != 0)
    {
      g_set_error_literal (error, HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_DAMAGED,
                           _("The records file failed its full health check."));
      return NULL;
    }

  return _heard_store_dup_id (TRUE);
}

static gpointer
read_facts_work (sqlite3  *db,
                 gpointer  data,
                 GError  **error)
{
  g_autoptr(HeardSqliteStoreFacts) facts = g_new0 (HeardSqliteStoreFacts, 1);
  g_autoptr(sqlite3_stmt) statement = NULL;
  const struct
  {
    const char *sql;
    guint      *count;
  } counts[] = {
    { "SELECT count(*) FROM person WHERE removed_at IS NULL", &facts->n_people },
    { "SELECT count(*) FROM person WHERE removed_at IS NOT NULL", &facts->n_removed_people },
    { "SELECT count(*) FROM plan", &facts->n_plans },
    { "SELECT count(*) FROM statement", &facts->n_statements },
    { "SELECT count(*) FROM audit", &facts->n_audit_entries },
  };
  gint64 value = 0;

  statement = _heard_store_prepare (db, "PRAGMA cipher_version", error);
  if (statement == NULL)
    return NULL;
  if (sqlite3_step (statement) == SQLITE_ROW)
    facts->cipher_version = _heard_store_dup_column (statement, 0);

  if (!query_int (db, "PRAGMA user_version", &value, error))
    return NULL;
  facts->schema_version = (guint) value;

  for (gsize i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      if (!query_int (db, counts[i].sql, &value, error))
        return NULL;
      *counts[i].count = (guint) value;
    }

  return g_steal_pointer (&facts);
}

static gboolean
is_open (HeardStore *store)
{
  return HEARD_SQLITE_STORE (store)->open;
}

static void
close_async (HeardStore          *store,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  Job *job;

  g_task_set_source_tag (task, heard_store_close_async);

  job = g_new0 (Job, 1);
  job->kind = JOB_CLOSE;
  job->task = g_task_new (store, NULL, close_done_cb, g_steal_pointer (&task));
  queue_job (HEARD_SQLITE_STORE (store), job);
}

static void
check_integrity_async (HeardStore          *store,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  _heard_store_run_async (store, check_integrity_work, NULL, NULL, g_free,
                          heard_store_check_integrity_async, cancellable, callback, user_data);
}

static void
heard_sqlite_store_finalize (GObject *object)
{
  HeardSqliteStore *self = HEARD_SQLITE_STORE (object);

  if (self->thread != NULL)
    {
      Job *quit = g_new0 (Job, 1);

      quit->kind = JOB_QUIT;
      g_async_queue_push (self->jobs, quit);

      /* The last reference can drop on the database thread itself, when it
       * releases a finished task: it must not wait for itself there. */
      if (g_thread_self () == self->thread)
        g_thread_unref (self->thread);
      else
        g_thread_join (self->thread);
    }

  g_async_queue_unref (self->jobs);
  g_free (self->path);

  G_OBJECT_CLASS (heard_sqlite_store_parent_class)->finalize (object);
}

static void
heard_sqlite_store_class_init (HeardSqliteStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HeardStoreClass *store_class = HEARD_STORE_CLASS (klass);

  object_class->finalize = heard_sqlite_store_finalize;

  store_class->is_open = is_open;
  store_class->close_async = close_async;
  store_class->check_integrity_async = check_integrity_async;
  _heard_sqlite_store_init_audit (store_class);
  _heard_sqlite_store_init_people (store_class);
  _heard_sqlite_store_init_plans (store_class);
  _heard_sqlite_store_init_staff (store_class);
  _heard_sqlite_store_init_statements (store_class);
  _heard_sqlite_store_init_open_items (store_class);
  _heard_sqlite_store_init_drafts (store_class);
  _heard_sqlite_store_init_check_ins (store_class);
  _heard_sqlite_store_init_codesign (store_class);
  _heard_sqlite_store_init_exports (store_class);
  _heard_sqlite_store_init_agencies (store_class);
  _heard_sqlite_store_init_chronology (store_class);
  _heard_sqlite_store_init_story (store_class);
  _heard_sqlite_store_init_sharing (store_class);
  _heard_sqlite_store_init_copy (store_class);
}

static void
heard_sqlite_store_init (HeardSqliteStore *self)
{
  self->jobs = g_async_queue_new ();
}

/* A store for the records file at @path, closed until opened with its key. */
HeardStore *
heard_sqlite_store_new (const char *path)
{
  HeardSqliteStore *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (HEARD_TYPE_SQLITE_STORE, NULL);
  self->path = g_strdup (path);

  return HEARD_STORE (self);
}

gboolean
_heard_sqlite_store_is_fictional (HeardStore *self)
{
  g_return_val_if_fail (HEARD_IS_SQLITE_STORE (self), FALSE);

  return HEARD_SQLITE_STORE (self)->fictional;
}

const char *
heard_sqlite_store_get_path (HeardSqliteStore *self)
{
  g_return_val_if_fail (HEARD_IS_SQLITE_STORE (self), NULL);

  return self->path;
}

guint
heard_sqlite_store_get_schema_version (void)
{
  guint n_migrations = 0;

  _heard_store_get_migrations (&n_migrations);

  return n_migrations;
}

void
heard_sqlite_store_open_async (HeardSqliteStore          *self,
                               const HeardKey            *key,
                               HeardSqliteStoreOpenFlags  flags,
                               GCancellable              *cancellable,
                               GAsyncReadyCallback        callback,
                               gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenRequest *request;
  Job *job;

  g_return_if_fail (HEARD_IS_SQLITE_STORE (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail ((flags & HEARD_SQLITE_STORE_OPEN_CREATE) == 0 ||
                    (flags & HEARD_SQLITE_STORE_OPEN_READ_ONLY) == 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_sqlite_store_open_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (flags), NULL);

  request = g_new0 (OpenRequest, 1);
  request->path = g_strdup (self->path);
  request->key = heard_key_copy (key);
  request->flags = flags;

  /* The inner task completes on the database thread's terms; the outer one
   * records the outcome on the main thread before telling the caller. */
  job = g_new0 (Job, 1);
  job->kind = JOB_OPEN;
  job->task = g_task_new (self, cancellable, open_done_cb, g_steal_pointer (&task));
  job->data = request;
  job->data_free = (GDestroyNotify) open_request_free;
  queue_job (self, job);
}

gboolean
heard_sqlite_store_open_finish (HeardSqliteStore  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (HEARD_IS_SQLITE_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        heard_sqlite_store_open_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
queue_work (HeardStore          *store,
            GTask               *task,
            HeardStoreWorkFunc   work,
            gpointer             data,
            GDestroyNotify       data_free,
            GDestroyNotify       result_free)
{
  Job *job = g_new0 (Job, 1);

  job->kind = JOB_WORK;
  job->task = task;
  job->work = work;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  queue_job (HEARD_SQLITE_STORE (store), job);
}

void
_heard_store_run_async (HeardStore          *self,
                        HeardStoreWorkFunc   work,
                        gpointer             data,
                        GDestroyNotify       data_free,
                        GDestroyNotify       result_free,
                        gpointer             source_tag,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_SQLITE_STORE (self));
  g_return_if_fail (work != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  queue_work (self, task, work, data, data_free, result_free);
}

/* Back on the caller's main context: announces the change, then tells the
 * caller. */
static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  HeardStoreWritten *written = g_task_propagate_pointer (G_TASK (result), &error);

  if (written == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (!written->audit_only)
    _heard_store_emit_changed (HEARD_STORE (object), written->kind, written->person_id,
                               written->record_id);
  g_task_return_pointer (task, written, g_free);
}

void
_heard_store_run_write_async (HeardStore          *self,
                              HeardStoreWorkFunc   work,
                              gpointer             data,
                              GDestroyNotify       data_free,
                              gpointer             source_tag,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GTask *inner;

  g_return_if_fail (HEARD_IS_SQLITE_STORE (self));
  g_return_if_fail (work != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  inner = g_task_new (self, cancellable, write_done_cb, g_steal_pointer (&task));
  /* A write that was made is announced even when its caller gave up. */
  g_task_set_check_cancellable (inner, FALSE);
  queue_work (self, inner, work, data, data_free, g_free);
}

/* What a task of this store's own finished with, for the steps that chain
 * tasks inside it (the public operations finish in the base). */
gpointer
_heard_store_run_finish (HeardStore    *self,
                         GAsyncResult  *result,
                         gpointer       source_tag,
                         GError       **error)
{
  g_return_val_if_fail (HEARD_IS_SQLITE_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
heard_sqlite_store_facts_free (HeardSqliteStoreFacts *facts)
{
  if (facts == NULL)
    return;

  g_free (facts->cipher_version);
  g_free (facts);
}

void
heard_sqlite_store_read_facts_async (HeardSqliteStore    *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_SQLITE_STORE (self));

  _heard_store_run_async (HEARD_STORE (self), read_facts_work, NULL, NULL,
                          (GDestroyNotify) heard_sqlite_store_facts_free,
                          heard_sqlite_store_read_facts_async, cancellable, callback, user_data);
}

HeardSqliteStoreFacts *
heard_sqlite_store_read_facts_finish (HeardSqliteStore  *self,
                                      GAsyncResult      *result,
                                      GError           **error)
{
  g_return_val_if_fail (HEARD_IS_SQLITE_STORE (self), NULL);

  return _heard_store_run_finish (HEARD_STORE (self), result,
                                  heard_sqlite_store_read_facts_async, error);
}

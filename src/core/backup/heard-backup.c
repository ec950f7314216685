/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "heard-backup-private.h"
#include "heard-audit.h"
#include "heard-files.h"
#include "heard-keyring.h"
#include "heard-recovery-code.h"
#include "heard-secure.h"
#include "heard-sqlite-store.h"
#include "heard-store-copy.h"

/*
 * Backups: one file per backup, encrypted with the database key, so that
 * the organisation's recovery code opens it on any computer. A backup is
 * only ever written under a temporary name that no listing takes for a
 * backup, flushed to the disk, read back and checked, and then renamed
 * into place without replacing anything; a backup that fails, is cancelled
 * or is killed half-way never replaces or removes a good one. Names carry
 * the records' uuid and the time, so that listing and keeping backups need
 * no key. The file format is in heard-backup-private.h.
 */

#define MAGIC "HEARDBAK"
#define MAGIC_SIZE 8
#define FORMAT_VERSION 1
#define HEADER_GROUP "backup"
#define MAX_HEADER_TEXT 4096
#define MAC_SIZE crypto_generichash_BYTES
#define MAC_KEY_CONTEXT "io.github.heardapp.Heard backup file v1"
#define KEY_CHECK_CONTEXT "io.github.heardapp.Heard backup key check v1"
#define NAME_PREFIX "heard-backup-"
#define NAME_SUFFIX ".heardbackup"
#define NAME_TIME_FORMAT "%Y%m%dT%H%M%SZ"
/* Hidden, and ending otherwise than a backup: never taken for one. */
#define TEMP_PREFIX ".heard-backup-"
#define TEMP_SUFFIX ".partial"
#define TEMP_DATABASE_SUFFIX ".partial-db"
#define KEEP_NEWEST 14
#define KEEP_MONTHS 12
#define CHUNK_SIZE (1024 * 1024)
/* Of a backup, the share the copy of the records takes; sealing it the rest. */
#define COPY_SHARE 0.95

G_DEFINE_QUARK (heard-backup-error-quark, heard_backup_error)

G_DEFINE_BOXED_TYPE (HeardBackupSummary, heard_backup_summary,
                     heard_backup_summary_copy, heard_backup_summary_free)

/* The caller's progress function, shared by the copy and the backup: an
 * atomic reference-counted box (g_atomic_rc_box_*). */
typedef struct
{
  HeardBackupProgressFunc  func;
  gpointer                 data;
  GDestroyNotify           data_free;
} Progress;

typedef struct
{
  HeardStore         *store;
  HeardKey           *key;
  char               *uuid;
  char               *folder;
  Progress           *progress;
  /* Set by prepare_thread(). */
  GDateTime          *created;
  char               *final_path;
  char               *database_path;
  /* Set once the copy is made. */
  HeardStoreCopyInfo *info;
} WriteJob;

/* A backup file named as Heard names them. */
typedef struct
{
  char      *path;
  GDateTime *created;
} Listed;

static void
progress_clear (Progress *progress)
{
  if (progress->data_free != NULL)
    progress->data_free (progress->data);
}

static void
progress_unref (Progress *progress)
{
  g_atomic_rc_box_release_full (progress, (GDestroyNotify) progress_clear);
}

static void
report (Progress *progress,
        double    fraction)
{
  if (progress->func != NULL)
    progress->func (fraction, progress->data);
}

static void
copy_progress_cb (double   fraction,
                  gpointer user_data)
{
  report (user_data, COPY_SHARE * fraction);
}

static void
write_job_free (WriteJob *job)
{
  g_clear_object (&job->store);
  heard_key_free (job->key);
  g_free (job->uuid);
  g_free (job->folder);
  progress_unref (job->progress);
  g_clear_pointer (&job->created, g_date_time_unref);
  g_free (job->final_path);
  g_free (job->database_path);
  heard_store_copy_info_free (job->info);
  g_free (job);
}

static void
listed_free (Listed *listed)
{
  g_free (listed->path);
  g_date_time_unref (listed->created);
  g_free (listed);
}

void
_heard_backup_header_free (HeardBackupHeader *header)
{
  if (header == NULL)
    return;

  g_free (header->uuid);
  g_clear_pointer (&header->created, g_date_time_unref);
  g_free (header);
}

/* Errors */

static void
set_folder_error (GError     **error,
                  const char  *folder,
                  int          saved_errno)
{
  if (saved_errno == ENOENT || saved_errno == ENOTDIR)
    g_set_error (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_FOLDER,
                 _("The backup folder %s cannot be found. If it is on a USB drive or a "
                   "network share, connect it and try again. Your earlier backups have "
                   "not been changed."), folder);
  else if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_DISK_FULL,
                 _("There is no room left in the backup folder %s, so no backup was made. "
                   "Your earlier backups have not been changed. Free some space there or "
                   "choose another folder, then try again."), folder);
  else
    g_set_error (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_FOLDER,
                 _("Heard cannot write to the backup folder %s (%s). It may be read-only, "
                   "or on a drive that was unplugged. Your earlier backups have not been "
                   "changed."), folder, g_strerror (saved_errno));
}

void
_heard_backup_take_error (GError            **error,
                          GError             *cause,
                          HeardBackupPurpose  purpose)
{
  gboolean writing = purpose == HEARD_BACKUP_PURPOSE_WRITE;

  if (cause->domain == HEARD_BACKUP_ERROR ||
      g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, cause);
      return;
    }

  if (g_error_matches (cause, HEARD_STORE_ERROR, HEARD_STORE_ERROR_DISK_FULL) ||
      g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    g_set_error_literal (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_DISK_FULL,
                         writing
                         ? _("There is no room left for the backup, so none was made. "
                             "Your earlier backups have not been changed. Free some space "
                             "or choose another folder, then try again.")
                         : _("There is no room left on this computer's disk to open the "
                             "backup. Nothing has been moved or changed. Free some space, "
                             "then try again."));
  else if (g_error_matches (cause, HEARD_STORE_ERROR, HEARD_STORE_ERROR_READ_ONLY) ||
           g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
           g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_READ_ONLY) ||
           g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      if (writing)
        g_set_error_literal (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_FOLDER,
                             _("Heard cannot write to the backup folder. It may be read-only, "
                               "or on a drive that was unplugged. Your earlier backups have "
                               "not been changed."));
      else
        g_set_error (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_FOLDER,
                     _("Heard cannot make the folder it opens the backup in (%s). Nothing "
                       "has been moved or changed."), cause->message);
    }
  else if (g_error_matches (cause, HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_TOO_NEW))
    g_set_error_literal (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_TOO_NEW,
                         _("This backup was made by a newer version of Heard. Update Heard "
                           "to use it; nothing has been changed."));
  else if (g_error_matches (cause, HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_WRONG_KEY))
    g_set_error_literal (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_WRONG_KEY,
                         _("This backup cannot be opened with this key: it belongs to other "
                           "records. Nothing has been changed."));
  else if (cause->domain == HEARD_SQLITE_STORE_ERROR ||
           cause->domain == HEARD_AUDIT_ERROR ||
           g_error_matches (cause, HEARD_STORE_ERROR, HEARD_STORE_ERROR_FAILED))
    g_set_error (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_VERIFY_FAILED,
                 writing
                 ? _("The backup did not pass its check, so it was not kept. Your earlier "
                     "backups have not been changed. (%s)")
                 : _("The records in this backup did not pass their check, so Heard will "
                     "not use them. Nothing has been moved or changed. (%s)"),
                 cause->message);
  else
    g_set_error (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_FAILED,
                 writing
                 ? _("The backup could not be made: %s. Your earlier backups have not been "
                     "changed.")
                 : _("Heard could not open the backup: %s. Nothing has been moved or "
                     "changed."),
                 cause->message);

  g_error_free (cause);
}

static void
set_tampered_error (GError **error)
{
  g_set_error_literal (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_TAMPERED,
                       _("This backup has been changed since it was made, so Heard will not "
                         "restore it: its records could not be trusted. Choose another "
                         "backup. Nothing has been moved or changed."));
}

static void
set_incomplete_error (GError **error)
{
  g_set_error_literal (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_NOT_A_BACKUP,
                       _("This file is not a whole Heard backup: it may not be a backup at "
                         "all, or it was cut short, perhaps by a failed copy. Nothing has "
                         "been changed."));
}

/* Keys */

static void
derive (guint8         *out,
        gsize           length,
        const char     *context,
        const HeardKey *key)
{
  crypto_generichash (out, length, (const guint8 *) context, strlen (context),
                      heard_key_get_bytes (key), HEARD_KEY_SIZE);
}

/* Files */

static gboolean
write_all (int           fd,
           const guint8 *bytes,
           gsize         length)
{
  while (length > 0)
    {
      ssize_t written = write (fd, bytes, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          if (written == 0)
            errno = EIO;
          return FALSE;
        }
      bytes += written;
      length -= (gsize) written;
    }

  return TRUE;
}

static gboolean
read_all (int     fd,
          guint8 *bytes,
          gsize   length)
{
  while (length > 0)
    {
      ssize_t got = read (fd, bytes, length);

      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        {
          if (got == 0)
            errno = 0;
          return FALSE;
        }
      bytes += got;
      length -= (gsize) got;
    }

  return TRUE;
}

static void
put_le (guint8  *out,
        guint64  value,
        gsize    length)
{
  for (gsize i = 0; i < length; i++)
    out[i] = (value >> (8 * i)) & 0xff;
}

static guint64
get_le (const guint8 *in,
        gsize         length)
{
  guint64 value = 0;

  for (gsize i = length; i > 0; i--)
    value = (value << 8) | in[i - 1];

  return value;
}

static char *
format_time (GDateTime  *time,
             const char *format)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, format);
}

HeardBackupHeader *
_heard_backup_read_header (const char  *path,
                           GError     **error)
{
  g_autoptr(HeardBackupHeader) header = g_new0 (HeardBackupHeader, 1);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *text = NULL;
  g_autofree char *created = NULL;
  g_autofree char *check_hex = NULL;
  guint8 start[MAGIC_SIZE + 8];
  guint8 length[8];
  guint32 version;
  guint32 text_length;
  GStatBuf info;
  gint64 schema;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &info) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_FOLDER,
                   _("Heard cannot read the backup %s: %s. If it is on a USB drive or a "
                     "network share, connect it and try again."), path,
                   g_strerror (saved_errno));
      return NULL;
    }

  if (!read_all (fd, start, sizeof start) || memcmp (start, MAGIC, MAGIC_SIZE) != 0)
    {
      close (fd);
      set_incomplete_error (error);
      return NULL;
    }

  version = (guint32) get_le (start + MAGIC_SIZE, 4);
  text_length = (guint32) get_le (start + MAGIC_SIZE + 4, 4);
  if (version > FORMAT_VERSION)
    {
      close (fd);
      g_set_error_literal (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_TOO_NEW,
                           _("This backup was made by a newer version of Heard. Update "
                             "Heard to use it; nothing has been changed."));
      return NULL;
    }

  text = text_length <= MAX_HEADER_TEXT ? g_malloc0 (text_length + 1) : NULL;
  if (text == NULL || !read_all (fd, (guint8 *) text, text_length) ||
      !read_all (fd, length, sizeof length))
    {
      close (fd);
      set_incomplete_error (error);
      return NULL;
    }
  close (fd);

  header->database_offset = (goffset) (sizeof start + text_length + sizeof length);
  header->database_length = get_le (length, sizeof length);

  if (!g_utf8_validate (text, text_length, NULL) ||
      !g_key_file_load_from_data (key_file, text, text_length, G_KEY_FILE_NONE, NULL) ||
      (header->uuid = g_key_file_get_string (key_file, HEADER_GROUP, "uuid", NULL)) == NULL ||
      !g_uuid_string_is_valid (header->uuid) ||
      (created = g_key_file_get_string (key_file, HEADER_GROUP, "created", NULL)) == NULL ||
      (header->created = g_date_time_new_from_iso8601 (created, NULL)) == NULL ||
      (check_hex = g_key_file_get_string (key_file, HEADER_GROUP, "key-check",
                                          NULL)) == NULL ||
      sodium_hex2bin (header->key_check, sizeof header->key_check, check_hex,
                      strlen (check_hex), NULL, NULL, NULL) != 0 ||
      (schema = g_key_file_get_int64 (key_file, HEADER_GROUP, "schema-version", NULL)) <= 0 ||
      header->database_length > G_MAXINT64 ||
      (guint64) info.st_size != (guint64) header->database_offset +
                                header->database_length + MAC_SIZE)
    {
      set_incomplete_error (error);
      return NULL;
    }

  header->schema_version = (guint) schema;
  if (header->schema_version > heard_sqlite_store_get_schema_version ())
    {
      g_set_error_literal (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_TOO_NEW,
                           _("This backup was made by a newer version of Heard. Update "
                             "Heard to use it; nothing has been changed."));
      return NULL;
    }

  return g_steal_pointer (&header);
}

gboolean
_heard_backup_check (const char               *path,
                     const HeardBackupHeader  *header,
                     const HeardKey           *key,
                     GCancellable             *cancellable,
                     GError                  **error)
{
  g_autofree guint8 *buffer = NULL;
  guint8 key_check[sizeof header->key_check];
  guint8 mac_key[crypto_generichash_KEYBYTES];
  guint8 expected[MAC_SIZE];
  guint8 found[MAC_SIZE];
  crypto_generichash_state hash;
  guint64 left;
  gboolean read_ok = TRUE;
  int fd;

  derive (key_check, sizeof key_check, KEY_CHECK_CONTEXT, key);
  if (sodium_memcmp (key_check, header->key_check, sizeof key_check) != 0)
    {
      g_set_error_literal (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_WRONG_KEY,
                           _("This backup was made of other records: the key or recovery "
                             "code given does not open it. Nothing has been changed."));
      return FALSE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_FOLDER,
                   _("Heard cannot read the backup %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  derive (mac_key, sizeof mac_key, MAC_KEY_CONTEXT, key);
  crypto_generichash_init (&hash, mac_key, sizeof mac_key, MAC_SIZE);
  sodium_memzero (mac_key, sizeof mac_key);
  buffer = g_malloc (CHUNK_SIZE);
  for (left = (guint64) header->database_offset + header->database_length; left > 0 && read_ok;)
    {
      gsize chunk = (gsize) MIN (left, CHUNK_SIZE);

      read_ok = !g_cancellable_is_cancelled (cancellable) && read_all (fd, buffer, chunk);
      crypto_generichash_update (&hash, buffer, chunk);
      left -= chunk;
    }
  read_ok = read_ok && read_all (fd, found, sizeof found);
  close (fd);
  crypto_generichash_final (&hash, expected, sizeof expected);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!read_ok)
    {
      set_incomplete_error (error);
      return FALSE;
    }
  if (sodium_memcmp (expected, found, sizeof expected) != 0)
    {
      set_tampered_error (error);
      return FALSE;
    }

  return TRUE;
}

/* Copies @length bytes from @from to @to, feeding them to @hash too when
 * it is not NULL. */
static gboolean
copy_bytes (int                       from,
            int                       to,
            guint64                   length,
            crypto_generichash_state *hash)
{
  g_autofree guint8 *buffer = g_malloc (CHUNK_SIZE);

  while (length > 0)
    {
      gsize chunk = (gsize) MIN (length, CHUNK_SIZE);

      if (!read_all (from, buffer, chunk))
        {
          if (errno == 0)
            errno = EIO;
          return FALSE;
        }
      if (hash != NULL)
        crypto_generichash_update (hash, buffer, chunk);
      if (!write_all (to, buffer, chunk))
        return FALSE;
      length -= chunk;
    }

  return TRUE;
}

gboolean
_heard_backup_extract (const char               *path,
                       const HeardBackupHeader  *header,
                       const char               *target,
                       GError                  **error)
{
  int from = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int to = g_open (target, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  gboolean copied;
  int saved_errno;

  copied = from >= 0 && to >= 0 &&
           lseek (from, header->database_offset, SEEK_SET) == header->database_offset &&
           copy_bytes (from, to, header->database_length, NULL) &&
           fsync (to) == 0;
  saved_errno = errno;
  if (from >= 0)
    close (from);
  if (to >= 0)
    close (to);

  if (!copied)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s", target,
                   g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* The header text: nothing in it is secret. */
static char *
header_text (const WriteJob *job,
             gsize          *length)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *created = format_time (job->created, "%Y-%m-%dT%H:%M:%SZ");
  guint8 key_check[16];
  char check_hex[sizeof key_check * 2 + 1];

  derive (key_check, sizeof key_check, KEY_CHECK_CONTEXT, job->key);
  sodium_bin2hex (check_hex, sizeof check_hex, key_check, sizeof key_check);

  g_key_file_set_string (key_file, HEADER_GROUP, "uuid", job->uuid);
  g_key_file_set_string (key_file, HEADER_GROUP, "created", created);
  g_key_file_set_int64 (key_file, HEADER_GROUP, "schema-version", job->info->schema_version);
  g_key_file_set_string (key_file, HEADER_GROUP, "key-check", check_hex);

  return g_key_file_to_data (key_file, length, NULL);
}

/* Writes the backup file at @temp_path from the copied database. */
static gboolean
write_file (const WriteJob  *job,
            int              to,
            GError         **error)
{
  g_autofree char *text = NULL;
  guint8 start[MAGIC_SIZE + 8];
  guint8 length[8];
  guint8 mac_key[crypto_generichash_KEYBYTES];
  guint8 mac[MAC_SIZE];
  crypto_generichash_state hash;
  gsize text_length = 0;
  GStatBuf info;
  gboolean written;
  int from;

  from = g_open (job->database_path, O_RDONLY | O_CLOEXEC, 0);
  if (from < 0 || fstat (from, &info) != 0)
    {
      int saved_errno = errno;

      if (from >= 0)
        close (from);
      set_folder_error (error, job->folder, saved_errno);
      return FALSE;
    }

  text = header_text (job, &text_length);
  memcpy (start, MAGIC, MAGIC_SIZE);
  put_le (start + MAGIC_SIZE, FORMAT_VERSION, 4);
  put_le (start + MAGIC_SIZE + 4, text_length, 4);
  put_le (length, (guint64) info.st_size, sizeof length);

  derive (mac_key, sizeof mac_key, MAC_KEY_CONTEXT, job->key);
  crypto_generichash_init (&hash, mac_key, sizeof mac_key, MAC_SIZE);
  sodium_memzero (mac_key, sizeof mac_key);
  crypto_generichash_update (&hash, start, sizeof start);
  crypto_generichash_update (&hash, (const guint8 *) text, text_length);
  crypto_generichash_update (&hash, length, sizeof length);

  written = write_all (to, start, sizeof start) &&
            write_all (to, (const guint8 *) text, text_length) &&
            write_all (to, length, sizeof length) &&
            copy_bytes (from, to, (guint64) info.st_size, &hash);
  if (written)
    {
      crypto_generichash_final (&hash, mac, sizeof mac);
      written = write_all (to, mac, sizeof mac) && fsync (to) == 0;
    }
  if (!written)
    set_folder_error (error, job->folder, errno);
  close (from);

  return written;
}

/* Removes what a backup killed half-way left behind: only Heard's own
 * temporary files, of processes of this computer that are gone, or a week
 * old (the folder may be shared with other computers, backing up now). */
static void
remove_abandoned (const char *folder)
{
  g_autoptr(GDir) listing = g_dir_open (folder, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, TEMP_PREFIX))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (!heard_files_temp_abandoned (path, name + strlen (TEMP_PREFIX)))
        continue;

      if (g_unlink (path) != 0)
        g_message ("Could not remove the unfinished backup %s: %s", path, g_strerror (errno));
    }
}

/* A new temporary file's name, tagged with this process and computer. */
static char *
temp_name (const char *suffix)
{
  g_autofree char *tag = heard_files_temp_tag (getpid ());
  g_autofree char *random = g_uuid_string_random ();

  return g_strconcat (TEMP_PREFIX, tag, random, suffix, NULL);
}

static char *
backup_name (const char *uuid,
             GDateTime  *created)
{
  g_autofree char *time = format_time (created, NAME_TIME_FORMAT);

  return g_strconcat (NAME_PREFIX, uuid, "-", time, NAME_SUFFIX, NULL);
}

/* When the file at @name says it was made, if it is a backup of @uuid. */
static GDateTime *
parse_name (const char *name,
            const char *uuid)
{
  g_autofree char *prefix = g_strconcat (NAME_PREFIX, uuid, "-", NULL);
  const char *time;
  int year, month, day, hour, minute, second;
  char end[sizeof NAME_SUFFIX + 1];

  if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, NAME_SUFFIX))
    return NULL;

  time = name + strlen (prefix);
  if (strlen (time) != 16 + strlen (NAME_SUFFIX) ||
      sscanf (time, "%4d%2d%2dT%2d%2d%2dZ%13s", &year, &month, &day, &hour, &minute, &second,
              end) != 7 || strcmp (end, NAME_SUFFIX) != 0)
    return NULL;

  return g_date_time_new_utc (year, month, day, hour, minute, second);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Listed *x = *(Listed *const *) a;
  const Listed *y = *(Listed *const *) b;

  return -g_date_time_compare (x->created, y->created);
}

/* Every backup of @uuid in @folder, newest first. */
static GPtrArray *
list_backups (const char  *folder,
              const char  *uuid,
              GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) listed_free);
  g_autoptr(GDir) listing = NULL;
  const char *name;

  listing = g_dir_open (folder, 0, NULL);
  if (listing == NULL)
    {
      set_folder_error (error, folder, errno);
      return NULL;
    }

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      GDateTime *created = parse_name (name, uuid);
      Listed *listed;

      if (created == NULL)
        continue;
      listed = g_new0 (Listed, 1);
      listed->path = g_build_filename (folder, name, NULL);
      listed->created = created;
      g_ptr_array_add (found, listed);
    }

  g_ptr_array_sort (found, compare_newest_first);

  return g_steal_pointer (&found);
}

/* Waiting, on a worker thread */

void
_heard_backup_result_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

GAsyncResult *
_heard_backup_wait_for (GAsyncResult **slot)
{
  GMainContext *context = g_main_context_get_thread_default ();

  g_assert (context != NULL);
  while (*slot == NULL)
    g_main_context_iteration (context, TRUE);

  return *slot;
}

HeardKey *
_heard_backup_find_key (const HeardBackupHeader  *header,
                        const HeardKey           *key,
                        const char               *recovery_code,
                        gboolean                 *from_recovery_code,
                        GCancellable             *cancellable,
                        GError                  **error)
{
  g_autoptr(GAsyncResult) found = NULL;
  g_autoptr(GError) local_error = NULL;
  HeardKey *looked_up;

  if (from_recovery_code != NULL)
    *from_recovery_code = key == NULL && recovery_code != NULL;
  if (key != NULL)
    return heard_key_copy (key);
  if (recovery_code != NULL)
    return heard_recovery_code_parse (recovery_code, error);

  heard_keyring_lookup_async (header->uuid, cancellable, _heard_backup_result_cb, &found);
  looked_up = heard_keyring_lookup_finish (_heard_backup_wait_for (&found), &local_error);
  if (looked_up == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_NEEDS_KEY,
                     _("This computer does not hold the key of the records in this backup. "
                       "%s Type their recovery code to open it."), local_error->message);
    }

  return looked_up;
}

HeardStoreCopyInfo *
_heard_backup_describe_copy (const char         *path,
                             const HeardKey     *key,
                             GDateTime          *restored_from,
                             HeardAuditAnchor  **head,
                             GCancellable       *cancellable,
                             GError            **error)
{
  g_autoptr(HeardStore) store = heard_sqlite_store_new (path);
  g_autoptr(GAsyncResult) opened = NULL;
  g_autoptr(GAsyncResult) noted = NULL;
  g_autoptr(GAsyncResult) described = NULL;
  g_autoptr(GAsyncResult) checked = NULL;
  g_autoptr(GAsyncResult) closed = NULL;
  g_autoptr(HeardStoreCopyInfo) info = NULL;
  GError *close_error = NULL;

  heard_sqlite_store_open_async (HEARD_SQLITE_STORE (store), key, HEARD_SQLITE_STORE_OPEN_NONE,
                                 cancellable, _heard_backup_result_cb, &opened);
  if (!heard_sqlite_store_open_finish (HEARD_SQLITE_STORE (store), _heard_backup_wait_for (&opened), error))
    return NULL;

  if (restored_from != NULL)
    {
      heard_store_note_restored_async (store, restored_from, cancellable, _heard_backup_result_cb, &noted);
      *head = heard_store_note_restored_finish (store, _heard_backup_wait_for (&noted), error);
    }

  if (restored_from == NULL || *head != NULL)
    {
      heard_store_check_integrity_async (store, cancellable, _heard_backup_result_cb, &checked);
      if (heard_store_check_integrity_finish (store, _heard_backup_wait_for (&checked), error))
        {
          heard_store_describe_async (store, cancellable, _heard_backup_result_cb, &described);
          info = heard_store_describe_finish (store, _heard_backup_wait_for (&described), error);
        }
    }

  /* Folded into the one file, so that a restored folder holds no WAL. */
  heard_store_close_async (store, NULL, _heard_backup_result_cb, &closed);
  if (!heard_store_close_finish (store, _heard_backup_wait_for (&closed), &close_error) && info != NULL)
    {
      g_propagate_error (error, close_error);
      return NULL;
    }
  g_clear_error (&close_error);

  return g_steal_pointer (&info);
}

/* Writing a backup */

static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  WriteJob *job = task_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *name = NULL;
  GStatBuf info;
  int problem = 0;

  if (g_stat (job->folder, &info) != 0)
    problem = errno;
  else if (!S_ISDIR (info.st_mode))
    problem = ENOTDIR;
  else if (access (job->folder, W_OK | X_OK) != 0)
    problem = errno;

  if (problem != 0)
    {
      GError *error = NULL;

      set_folder_error (&error, job->folder, problem);
      g_task_return_error (task, error);
      return;
    }

  remove_abandoned (job->folder);

  /* One name per second: a second backup within it waits for the next. */
  job->created = g_date_time_new_utc (g_date_time_get_year (now), g_date_time_get_month (now),
                                      g_date_time_get_day_of_month (now),
                                      g_date_time_get_hour (now), g_date_time_get_minute (now),
                                      g_date_time_get_second (now));
  for (;;)
    {
      GDateTime *next;

      name = backup_name (job->uuid, job->created);
      job->final_path = g_build_filename (job->folder, name, NULL);
      if (!g_file_test (job->final_path, G_FILE_TEST_EXISTS))
        break;
      next = g_date_time_add_seconds (job->created, 1);
      g_date_time_unref (job->created);
      job->created = next;
      g_clear_pointer (&name, g_free);
      g_clear_pointer (&job->final_path, g_free);
    }

  name = temp_name (TEMP_DATABASE_SUFFIX);
  job->database_path = g_build_filename (job->folder, name, NULL);

  g_task_return_boolean (task, TRUE);
}

static HeardBackupSummary *
summary_from_job (const WriteJob *job)
{
  HeardBackupSummary *summary = g_new0 (HeardBackupSummary, 1);

  summary->path = g_strdup (job->final_path);
  summary->uuid = g_strdup (job->uuid);
  summary->created = g_date_time_ref (job->created);
  summary->schema_version = job->info->schema_version;
  summary->n_people = job->info->n_people;
  summary->n_statements = job->info->n_statements;
  if (job->info->newest_change != NULL)
    summary->newest_change = g_date_time_ref (job->info->newest_change);

  return summary;
}

/* Seals the copied records into the backup file, checks it and puts it in
 * place under its final name. */
static void
seal_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  WriteJob *job = task_data;
  g_autoptr(HeardBackupHeader) header = NULL;
  g_autofree char *name = temp_name (TEMP_SUFFIX);
  g_autofree char *temp_path = g_build_filename (job->folder, name, NULL);
  GError *error = NULL;
  gboolean sealed = FALSE;
  int fd;

  fd = g_open (temp_path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    set_folder_error (&error, job->folder, errno);
  else
    {
      sealed = write_file (job, fd, &error);
      if (close (fd) != 0 && sealed)
        {
          set_folder_error (&error, job->folder, errno);
          sealed = FALSE;
        }
    }
  g_unlink (job->database_path);

  /* Read back from the disk as restore will read it. */
  sealed = sealed &&
           !g_cancellable_set_error_if_cancelled (cancellable, &error) &&
           (header = _heard_backup_read_header (temp_path, &error)) != NULL &&
           _heard_backup_check (temp_path, header, job->key, cancellable, &error);
  if (g_error_matches (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_TAMPERED) ||
      g_error_matches (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_NOT_A_BACKUP))
    {
      g_clear_error (&error);
      g_set_error_literal (&error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_VERIFY_FAILED,
                           _("The backup read back from its folder was not what Heard wrote, "
                             "so it was not kept; the drive may be failing. Your earlier "
                             "backups have not been changed."));
    }
  if (sealed && !heard_files_rename_no_replace (temp_path, job->final_path))
    {
      set_folder_error (&error, job->folder, errno);
      sealed = FALSE;
    }

  if (!sealed)
    {
      g_unlink (temp_path);
      g_task_return_error (task, error);
      return;
    }

  if (!heard_files_sync (job->folder))
    g_message ("Could not flush the backup folder %s: %s", job->folder, g_strerror (errno));

  g_task_return_pointer (task, summary_from_job (job),
                         (GDestroyNotify) heard_backup_summary_free);
}

static void
sealed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WriteJob *job = g_task_get_task_data (task);
  GError *error = NULL;
  HeardBackupSummary *summary = g_task_propagate_pointer (G_TASK (result), &error);

  if (summary == NULL)
    {
      GError *taken = NULL;

      _heard_backup_take_error (&taken, error, HEARD_BACKUP_PURPOSE_WRITE);
      g_task_return_error (task, taken);
      return;
    }

  report (job->progress, 1.0);
  g_task_return_pointer (task, summary, (GDestroyNotify) heard_backup_summary_free);
}

static void
copied_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WriteJob *job = g_task_get_task_data (task);
  g_autoptr(GTask) seal = NULL;
  GError *error = NULL;
  GError *taken = NULL;

  job->info = heard_store_copy_finish (HEARD_STORE (object), result, &error);
  /* The store is not needed any more: whoever closes it is not held up. */
  g_clear_object (&job->store);
  if (job->info == NULL)
    {
      _heard_backup_take_error (&taken, error, HEARD_BACKUP_PURPOSE_WRITE);
      g_task_return_error (task, taken);
      return;
    }

  seal = g_task_new (NULL, g_task_get_cancellable (task), sealed_cb, g_object_ref (task));
  g_task_set_source_tag (seal, seal_thread);
  g_task_set_task_data (seal, job, NULL);
  g_task_run_in_thread (seal, seal_thread);
}

static void
prepared_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WriteJob *job = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  heard_store_copy_async (job->store, job->key, job->database_path, copy_progress_cb,
                          g_atomic_rc_box_acquire (job->progress), (GDestroyNotify) progress_unref,
                          g_task_get_cancellable (task), copied_cb, g_object_ref (task));
}

/* Keeping backups */

/* Which of @listed (newest first) are kept at @now: the newest KEEP_NEWEST,
 * and the newest of each month for a year. */
static GHashTable *
choose_kept (GPtrArray *listed,
             GDateTime *now)
{
  g_autoptr(GDateTime) year_ago = g_date_time_add_years (now, -1);
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *kept = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < listed->len; i++)
    {
      Listed *backup = g_ptr_array_index (listed, i);
      char *month = g_date_time_format (backup->created, "%Y-%m");

      if (i < KEEP_NEWEST)
        g_hash_table_add (kept, backup);
      if (g_date_time_compare (backup->created, year_ago) > 0 &&
          !g_hash_table_contains (months, month))
        {
          g_hash_table_add (kept, backup);
          g_hash_table_add (months, g_steal_pointer (&month));
        }
      g_free (month);
    }

  return kept;
}

typedef struct
{
  char      *folder;
  char      *uuid;
  GDateTime *now;
} PruneRequest;

static void
prune_request_free (PruneRequest *request)
{
  g_free (request->folder);
  g_free (request->uuid);
  g_clear_pointer (&request->now, g_date_time_unref);
  g_free (request);
}

static void
prune_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  PruneRequest *request = task_data;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GHashTable) kept = NULL;
  GError *error = NULL;
  gint64 removed = 0;

  listed = list_backups (request->folder, request->uuid, &error);
  if (listed == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  kept = choose_kept (listed, request->now);
  for (guint i = 0; i < listed->len; i++)
    {
      Listed *backup = g_ptr_array_index (listed, i);

      if (g_hash_table_contains (kept, backup))
        continue;
      if (g_unlink (backup->path) != 0)
        {
          set_folder_error (&error, request->folder, errno);
          g_task_return_error (task, error);
          return;
        }
      removed++;
    }

  if (removed > 0 && !heard_files_sync (request->folder))
    g_message ("Could not flush the backup folder %s: %s", request->folder, g_strerror (errno));

  g_task_return_int (task, (gssize) removed);
}

static void
find_newest_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  PruneRequest *request = task_data;
  g_autoptr(GPtrArray) listed = NULL;
  GError *error = NULL;

  listed = list_backups (request->folder, request->uuid, &error);
  if (listed == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* A file that only looks like a backup (cut short, say) is passed over. */
  for (guint i = 0; i < listed->len; i++)
    {
      Listed *backup = g_ptr_array_index (listed, i);
      g_autoptr(HeardBackupHeader) header = _heard_backup_read_header (backup->path, NULL);
      HeardBackupSummary *summary;

      if (header == NULL || g_strcmp0 (header->uuid, request->uuid) != 0)
        continue;

      summary = g_new0 (HeardBackupSummary, 1);
      summary->path = g_strdup (backup->path);
      summary->uuid = g_strdup (header->uuid);
      summary->created = g_date_time_ref (header->created);
      summary->schema_version = header->schema_version;
      g_task_return_pointer (task, summary, (GDestroyNotify) heard_backup_summary_free);
      return;
    }

  g_task_return_pointer (task, NULL, NULL);
}

/* Inspecting a backup */

typedef struct
{
  char     *path;
  HeardKey *key;
  char     *recovery_code;
} InspectRequest;

static void
inspect_request_free (InspectRequest *request)
{
  g_free (request->path);
  heard_key_free (request->key);
  heard_secure_free_string (request->recovery_code);
  g_free (request);
}

static void
inspect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  InspectRequest *request = task_data;
  g_autoptr(HeardBackupHeader) header = NULL;
  g_autoptr(HeardKey) key = NULL;
  g_autoptr(HeardStoreCopyInfo) info = NULL;
  g_autofree char *dir = NULL;
  HeardBackupSummary *summary;
  GError *error = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  G_GNUC_UNUSED g_autoptr(GMainContextPusher) pusher = g_main_context_pusher_new (context);

  header = _heard_backup_read_header (request->path, &error);
  key = header != NULL ? _heard_backup_find_key (header, request->key, request->recovery_code,
                                                 NULL, cancellable, &error)
                       : NULL;
  if (key == NULL ||
      !_heard_backup_check (request->path, header, key, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* The records are opened from a private copy, which is then removed. */
  dir = g_dir_make_tmp ("heard-inspect-XXXXXX", &error);
  if (dir != NULL)
    {
      g_autofree char *copy = g_build_filename (dir, "heard.db", NULL);

      if (_heard_backup_extract (request->path, header, copy, &error))
        info = _heard_backup_describe_copy (copy, key, NULL, NULL, cancellable, &error);
      heard_files_remove_tree (dir);
    }

  if (info == NULL)
    {
      GError *taken = NULL;

      _heard_backup_take_error (&taken, error, HEARD_BACKUP_PURPOSE_READ);
      g_task_return_error (task, taken);
      return;
    }

  summary = g_new0 (HeardBackupSummary, 1);
  summary->path = g_strdup (request->path);
  summary->uuid = g_strdup (header->uuid);
  summary->created = g_date_time_ref (header->created);
  summary->schema_version = header->schema_version;
  summary->n_people = info->n_people;
  summary->n_statements = info->n_statements;
  if (info->newest_change != NULL)
    summary->newest_change = g_date_time_ref (info->newest_change);
  g_task_return_pointer (task, summary, (GDestroyNotify) heard_backup_summary_free);
}

/* Public API */

HeardBackupSummary *
heard_backup_summary_copy (const HeardBackupSummary *summary)
{
  HeardBackupSummary *copy;

  g_return_val_if_fail (summary != NULL, NULL);

  copy = g_memdup2 (summary, sizeof *summary);
  copy->path = g_strdup (summary->path);
  copy->uuid = g_strdup (summary->uuid);
  if (summary->created != NULL)
    copy->created = g_date_time_ref (summary->created);
  if (summary->newest_change != NULL)
    copy->newest_change = g_date_time_ref (summary->newest_change);

  return copy;
}

void
heard_backup_summary_free (HeardBackupSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->path);
  g_free (summary->uuid);
  g_clear_pointer (&summary->created, g_date_time_unref);
  g_clear_pointer (&summary->newest_change, g_date_time_unref);
  g_free (summary);
}

void
heard_backup_write_async (HeardStore              *store,
                          const HeardKey          *key,
                          const char              *uuid,
                          const char              *folder,
                          HeardBackupProgressFunc  progress,
                          gpointer                 progress_data,
                          GDestroyNotify           progress_free,
                          GCancellable            *cancellable,
                          GAsyncReadyCallback      callback,
                          gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) prepare = NULL;
  WriteJob *job;

  g_return_if_fail (HEARD_IS_STORE (store));
  g_return_if_fail (key != NULL);
  g_return_if_fail (uuid != NULL && g_uuid_string_is_valid (uuid));
  g_return_if_fail (folder != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_backup_write_async);

  job = g_new0 (WriteJob, 1);
  job->store = g_object_ref (store);
  job->key = heard_key_copy (key);
  job->uuid = g_strdup (uuid);
  job->folder = g_strdup (folder);
  job->progress = g_atomic_rc_box_new0 (Progress);
  job->progress->func = progress;
  job->progress->data = progress_data;
  job->progress->data_free = progress_free;
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);

  prepare = g_task_new (NULL, cancellable, prepared_cb, g_object_ref (task));
  g_task_set_source_tag (prepare, prepare_thread);
  g_task_set_task_data (prepare, job, NULL);
  g_task_run_in_thread (prepare, prepare_thread);
}

HeardBackupSummary *
heard_backup_write_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == heard_backup_write_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static GTask *
run_on_folder (const char          *folder,
               const char          *uuid,
               GDateTime           *now,
               gpointer             source_tag,
               GTaskThreadFunc      thread,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  PruneRequest *request = g_new0 (PruneRequest, 1);

  request->folder = g_strdup (folder);
  request->uuid = g_strdup (uuid);
  request->now = now != NULL ? g_date_time_ref (now) : NULL;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, request, (GDestroyNotify) prune_request_free);
  g_task_run_in_thread (task, thread);

  return task;
}

void
heard_backup_prune_async (const char          *folder,
                          const char          *uuid,
                          GDateTime           *now,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (folder != NULL);
  g_return_if_fail (uuid != NULL && g_uuid_string_is_valid (uuid));
  g_return_if_fail (now != NULL);

  g_object_unref (run_on_folder (folder, uuid, now, heard_backup_prune_async, prune_thread,
                                 cancellable, callback, user_data));
}

gboolean
heard_backup_prune_finish (GAsyncResult  *result,
                           guint         *n_removed,
                           GError       **error)
{
  gssize removed;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == heard_backup_prune_async,
                        FALSE);

  removed = g_task_propagate_int (G_TASK (result), error);
  if (n_removed != NULL)
    *n_removed = removed > 0 ? (guint) removed : 0;

  return removed >= 0;
}

void
heard_backup_find_newest_async (const char          *folder,
                                const char          *uuid,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (folder != NULL);
  g_return_if_fail (uuid != NULL && g_uuid_string_is_valid (uuid));

  g_object_unref (run_on_folder (folder, uuid, NULL, heard_backup_find_newest_async,
                                 find_newest_thread, cancellable, callback, user_data));
}

HeardBackupSummary *
heard_backup_find_newest_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        heard_backup_find_newest_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
heard_backup_inspect_async (const char          *path,
                            const HeardKey      *key,
                            const char          *recovery_code,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  InspectRequest *request;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_backup_inspect_async);
  request = g_new0 (InspectRequest, 1);
  request->path = g_strdup (path);
  request->key = key != NULL ? heard_key_copy (key) : NULL;
  request->recovery_code = g_strdup (recovery_code);
  g_task_set_task_data (task, request, (GDestroyNotify) inspect_request_free);
  g_task_run_in_thread (task, inspect_thread);
}

HeardBackupSummary *
heard_backup_inspect_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == heard_backup_inspect_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

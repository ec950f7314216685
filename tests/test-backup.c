/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-backup"

#include "config.h"

/* renameat2() and RENAME_EXCHANGE, which this test stands in for. */
#define _GNU_SOURCE 1

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "heard-backup.h"
#include "heard-context-private.h"
#include "heard-fault-vfs.h"
#include "heard-files.h"
#include "heard-keyring.h"
#include "heard-recovery-code.h"
#include "heard-secure.h"
#include "heard-store-copy.h"
#include "heard-store-people.h"
#include "heard-test-keyring.h"
#include "heard-test-utils.h"

/*
 * Backups and restore, as a caseworker meets them: a backup taken while
 * work is being saved holds the records of one moment and opens, with the
 * recovery code alone, on a computer that never saw them; a backup killed
 * at any point leaves the earlier ones whole and no half-written file under
 * a backup's name; a full disk or a read-only folder is said plainly and
 * harms nothing; a backup changed by even one byte is refused before
 * anything is moved; restoring never overwrites the records that were
 * there; and the right backups are kept. Runs in build-aux/test-session,
 * with a real keyring.
 */

/* While set, swapping two folders in one step fails as on a drive that
 * went away at that moment: see renameat2() below. */
static gboolean fail_exchange;

/* Every renameat2() of this program comes here (Heard's core is linked in
 * statically, so this one is the one it calls). */
int
renameat2 (int           olddirfd,
           const char   *oldpath,
           int           newdirfd,
           const char   *newpath,
           unsigned int  flags)
{
  if (fail_exchange && (flags & RENAME_EXCHANGE) != 0)
    {
      errno = EIO;
      return -1;
    }

  return (int) syscall (SYS_renameat2, olddirfd, oldpath, newdirfd, newpath, flags);
}

#define N_WRITES 40
#define KILL_ROUNDS 30
#define CHILD_ARG "--backup-child"
#define CHILD_UUID "5f0b7a52-3c1e-4d7a-9f0e-2b8c1d6a4e11"

typedef struct
{
  HeardTestRecords  records;
  char             *folder;
  char             *uuid;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  heard_test_records_init (&fixture->records);
  fixture->folder = g_build_filename (fixture->records.root, "backups", NULL);
  g_assert_cmpint (g_mkdir (fixture->folder, 0700), ==, 0);
}

static void
clear_keyring (const char *uuid)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  heard_keyring_clear_async (uuid, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  heard_keyring_clear_finish (result, &error);
  g_assert_no_error (error);
  heard_test_keyring_forget_seal (uuid);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->uuid != NULL)
    clear_keyring (fixture->uuid);
  g_free (fixture->uuid);
  g_free (fixture->folder);
  heard_test_records_clear (&fixture->records);
}

static char *
read_uuid (const char *info_path)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  char *uuid;

  g_assert_true (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, &error));
  uuid = g_key_file_get_string (info, "database", "uuid", &error);
  g_assert_no_error (error);

  return uuid;
}

/* Records with three young people, as Heard leaves them on quit, and their
 * recovery code. */
static char *
set_up_records (Fixture *fixture)
{
  g_autoptr(HeardContext) context =
    heard_test_start_context (fixture->records.data_dir, HEARD_LOCK_STATE_SHOW_RECOVERY_CODE);
  char *code = heard_test_keep_recovery_code (context);

  heard_test_context_add_person (context, "Amara Okafor");
  heard_test_context_add_person (context, "Bea Lindqvist");
  heard_test_context_add_person (context, "Chidi Eze");
  heard_test_close_context (&context);
  fixture->uuid = read_uuid (fixture->records.info_path);

  return code;
}

static HeardKey *
key_of (const char *code)
{
  g_autoptr(GError) error = NULL;
  HeardKey *key = heard_recovery_code_parse (code, &error);

  g_assert_no_error (error);
  return key;
}

/* Backups and restores, waited for */

static HeardBackupSummary *
try_backup (HeardStore      *store,
            const HeardKey  *key,
            const char      *uuid,
            const char      *folder,
            GCancellable    *cancellable,
            GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_backup_write_async (store, key, uuid, folder, NULL, NULL, NULL, cancellable,
                            heard_test_store_result_cb, &result);
  heard_test_wait (&result);

  return heard_backup_write_finish (result, error);
}

static HeardBackupSummary *
back_up (HeardContext *context,
         const char   *code,
         const char   *uuid,
         const char   *folder)
{
  g_autoptr(HeardKey) key = key_of (code);
  g_autoptr(GError) error = NULL;
  HeardBackupSummary *summary = try_backup (_heard_context_get_store (context), key, uuid,
                                            folder, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (summary);

  return summary;
}

static HeardBackupSummary *
inspect (const char      *path,
         const HeardKey  *key,
         const char      *code,
         GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_backup_inspect_async (path, key, code, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);

  return heard_backup_inspect_finish (result, error);
}

static char *
restore (const char  *data_dir,
         const char  *path,
         const char  *code,
         GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_restore_async (data_dir, path, code, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);

  return heard_restore_finish (result, error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The young people the context lists, by name, in order. */
static GPtrArray *
people_names (HeardContext *context)
{
  GListModel *people = heard_context_get_people (context);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(HeardPerson) person = g_list_model_get_item (people, i);

      g_ptr_array_add (names, g_strdup (heard_person_get_text (person,
                                                              HEARD_PERSON_DISPLAY_NAME)));
    }
  g_ptr_array_sort (names, compare_names);

  return names;
}

static void
assert_no_audit_problem (HeardContext *context)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (heard_context_get_audit_problem (context));
  heard_context_verify_audit_async (context, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_context_verify_audit_finish (context, result, NULL, &error));
  g_assert_no_error (error);
}

#define PASSPHRASE "a kettle of tea for the night shift"

/* The anchor the keyring holds for the records @uuid, if any. */
static char *
keyring_anchor (const char *uuid)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *anchor;

  heard_keyring_lookup_anchor_async (uuid, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  anchor = heard_keyring_lookup_anchor_finish (result, &error);
  g_assert_no_error (error);

  return anchor;
}

/* A restore whose last step, the swap, fails: the records, the folder
 * around them and the keyring (key and anchor) are all as they were. Once
 * the swap works, the keyring learns the restored records' anchor. */
static void
test_failed_restore_keeps_keyring (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(HeardSecretString) code = set_up_records (fixture);
  g_autoptr(HeardContext) context = heard_test_start_context (fixture->records.data_dir,
                                                              HEARD_LOCK_STATE_OPEN);
  g_autoptr(HeardBackupSummary) older = back_up (context, code, fixture->uuid, fixture->folder);
  g_autoptr(GError) error = NULL;
  g_autofree char *anchor = NULL;
  g_autofree char *anchor_after = NULL;
  g_autofree char *records = NULL;
  g_autofree char *records_after = NULL;
  g_autofree char *names = NULL;
  g_autofree char *names_after = NULL;
  g_autofree char *aside = NULL;
  guint n_items;

  heard_test_context_add_person (context, "Dana Rossi");
  heard_test_save_anchor (context);
  heard_test_close_context (&context);
  anchor = keyring_anchor (fixture->uuid);
  g_assert_nonnull (anchor);
  n_items = heard_test_keyring_count (fixture->uuid);
  records = heard_test_describe_folder (fixture->records.data_dir);
  names = heard_test_list_names (fixture->records.root);

  fail_exchange = TRUE;
  aside = restore (fixture->records.data_dir, older->path, NULL, &error);
  fail_exchange = FALSE;
  g_assert_error (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_FOLDER);
  g_assert_nonnull (strstr (error->message, "have not been moved or changed"));
  g_assert_null (aside);
  g_clear_error (&error);

  anchor_after = keyring_anchor (fixture->uuid);
  g_assert_cmpstr (anchor_after, ==, anchor);
  g_assert_cmpuint (heard_test_keyring_count (fixture->uuid), ==, n_items);
  records_after = heard_test_describe_folder (fixture->records.data_dir);
  g_assert_cmpstr (records_after, ==, records);
  names_after = heard_test_list_names (fixture->records.root);
  g_assert_cmpstr (names_after, ==, names);

  aside = restore (fixture->records.data_dir, older->path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_clear_pointer (&anchor_after, g_free);
  anchor_after = keyring_anchor (fixture->uuid);
  g_assert_nonnull (anchor_after);
  g_assert_cmpstr (anchor_after, !=, anchor);

  context = heard_test_start_context (fixture->records.data_dir, HEARD_LOCK_STATE_OPEN);
  g_assert_cmpuint (g_list_model_get_n_items (heard_context_get_people (context)), ==, 3);
  assert_no_audit_problem (context);
  heard_test_close_context (&context);
}

/* Records kept under a passphrase (no keyring): restored over themselves
 * with the recovery code, they keep their passphrase, the keyring learns
 * nothing, and the passphrase opens them with no audit problem. */
static void
test_restore_passphrase_records (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(HeardContext) context = heard_context_new (fixture->records.data_dir);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeardSecretString) code = NULL;
  g_autoptr(HeardBackupSummary) older = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;

  heard_context_create_with_passphrase_async (context, PASSPHRASE, NULL,
                                              heard_test_store_result_cb, &result);
  g_assert_cmpint (heard_test_unlock_state (context, &result), ==,
                   HEARD_LOCK_STATE_SHOW_RECOVERY_CODE);
  code = heard_test_keep_recovery_code (context);
  heard_test_context_add_person (context, "Amara Okafor");
  fixture->uuid = read_uuid (fixture->records.info_path);
  older = back_up (context, code, fixture->uuid, fixture->folder);
  heard_test_context_add_person (context, "Bea Lindqvist");
  heard_test_save_anchor (context);
  heard_test_close_context (&context);

  aside = restore (fixture->records.data_dir, older->path, NULL, &error);
  g_assert_error (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_NEEDS_KEY);
  g_clear_error (&error);
  aside = restore (fixture->records.data_dir, older->path, code, &error);
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_assert_cmpuint (heard_test_keyring_count (fixture->uuid), ==, 0);

  context = heard_test_start_context (fixture->records.data_dir,
                                      HEARD_LOCK_STATE_NEEDS_PASSPHRASE);
  heard_context_unlock_with_passphrase_async (context, PASSPHRASE, NULL,
                                              heard_test_store_result_cb, &result);
  g_assert_cmpint (heard_test_unlock_state (context, &result), ==, HEARD_LOCK_STATE_OPEN);
  g_assert_cmpuint (g_list_model_get_n_items (heard_context_get_people (context)), ==, 1);
  assert_no_audit_problem (context);
  heard_test_close_context (&context);
}

/* Saves queued on the store's own thread while the backup copies on its. */
static void
save_queued_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardPerson) saved = heard_context_save_person_finish (HEARD_CONTEXT (object),
                                                                   result, &error);
  guint *pending = user_data;

  g_assert_no_error (error);
  g_assert_nonnull (saved);
  (*pending)--;
}

/* A backup taken while young people are being saved holds the records of
 * one moment: a first run of them, each whole. On a computer that never
 * saw them (a fresh data folder, no key in the keyring) the recovery code
 * alone restores them, and Heard then starts as usual, with the same
 * records and a sound audit trail that says they were restored. */
static void
test_consistent_and_restored_elsewhere (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(HeardSecretString) code = set_up_records (fixture);
  g_autoptr(HeardContext) context = heard_test_start_context (fixture->records.data_dir,
                                                              HEARD_LOCK_STATE_OPEN);
  g_autoptr(HeardKey) key = key_of (code);
  g_autoptr(HeardBackupSummary) summary = NULL;
  g_autoptr(HeardBackupSummary) inspected = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *elsewhere = g_build_filename (fixture->records.root, "new-laptop", NULL);
  g_autofree char *aside = NULL;
  g_autofree char *db_path = NULL;
  guint pending = 0;
  sqlite3 *db;

  /* Enough statements that the copy takes a while, with saves on either
   * side; put in behind Heard's back, so seen with the recovery code. */
  heard_test_close_context (&context);
  db = heard_test_raw_open (fixture->records.db_path, key);
  heard_test_fill_statements (db, 1, 600, 5);
  sqlite3_close (db);
  context = heard_test_start_context (fixture->records.data_dir, HEARD_LOCK_STATE_OPEN);
  g_assert_nonnull (heard_context_get_audit_problem (context));
  heard_context_acknowledge_audit_problem_async (context, code, NULL, heard_test_store_result_cb,
                                                 &result);
  heard_test_wait (&result);
  g_assert_true (heard_context_acknowledge_audit_problem_finish (context, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  for (guint i = 0; i < N_WRITES; i++)
    {
      g_autofree char *name = g_strdup_printf ("Written meanwhile %03u", i);
      g_autoptr(HeardPerson) person = heard_test_person_new (name);

      pending++;
      heard_context_save_person_async (context, person, NULL, save_queued_cb, &pending);
    }
  /* Half of them saved, the other half still to come as the copy runs. */
  while (pending > N_WRITES / 2)
    g_main_context_iteration (NULL, TRUE);
  /* An editor's unsaved typing is not a record, and is not backed up. */
  {
    g_autoptr(HeardDraft) draft = heard_draft_new (HEARD_DRAFT_STATEMENT, 1, 0);

    heard_draft_set_field (draft, "words", "Typed but never saved");
    g_assert_true (heard_test_save_draft (_heard_context_get_store (context), draft, &error));
    g_assert_no_error (error);
  }
  heard_backup_write_async (_heard_context_get_store (context), key, fixture->uuid,
                            fixture->folder, NULL, NULL, NULL, NULL,
                            heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  summary = heard_backup_write_finish (result, &error);
  g_assert_no_error (error);
  g_test_message ("backed up %u of %u young people, %u saves still to come", summary->n_people,
                  3 + N_WRITES, pending);
  while (pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (summary->n_people, >=, 3 + N_WRITES / 2);
  g_assert_cmpuint (summary->n_people, <=, 3 + N_WRITES);
  g_assert_cmpstr (summary->uuid, ==, fixture->uuid);
  g_assert_true (g_str_has_prefix (summary->path, fixture->folder));
  g_assert_true (g_file_test (summary->path, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (summary->newest_change);

  db_path = g_strdup (fixture->records.db_path);
  heard_test_close_context (&context);

  /* A new computer: nothing of these records in its keyring. */
  clear_keyring (fixture->uuid);
  inspected = inspect (summary->path, NULL, NULL, &error);
  g_assert_error (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_NEEDS_KEY);
  g_clear_error (&error);
  inspected = inspect (summary->path, NULL, code, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (inspected->n_people, ==, summary->n_people);
  g_assert_cmpuint (inspected->n_statements, ==, summary->n_statements);
  g_assert_true (g_date_time_equal (inspected->created, summary->created));

  /* The new computer's Heard made its folder and lock file, and stopped at
   * "Restore From a Backup…": an empty folder, nothing to keep. */
  {
    g_autofree char *lock = g_build_filename (elsewhere, "heard.lock", NULL);

    g_assert_cmpint (g_mkdir (elsewhere, 0700), ==, 0);
    heard_test_write_file (lock, "", 0);
  }
  aside = restore (elsewhere, summary->path, code, &error);
  g_assert_no_error (error);
  g_assert_null (aside);
  {
    g_autofree char *names = heard_test_list_names (fixture->records.root);

    g_assert_cmpstr (names, ==, "backups\nnew-laptop\nrecords");
  }

  context = heard_test_start_context (elsewhere, HEARD_LOCK_STATE_OPEN);
  restored = people_names (context);
  g_assert_cmpuint (restored->len, ==, summary->n_people);
  assert_no_audit_problem (context);
  heard_test_close_context (&context);

  /* The same young people as the records held at that moment, by name. */
  {
    g_autofree char *restored_db = g_build_filename (elsewhere, "heard.db", NULL);
    sqlite3 *original = heard_test_raw_open (db_path, key);
    sqlite3 *copy = heard_test_raw_open (restored_db, key);

    for (guint id = 1; id <= summary->n_people; id++)
      {
        g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM person WHERE id = %u"
                                                " AND display_name = (SELECT display_name"
                                                " FROM person WHERE id = %u)", id, id);

        g_assert_cmpint (heard_test_raw_count (copy, sql), ==,
                         heard_test_raw_count (original, sql));
      }
    g_assert_cmpint (heard_test_raw_count (copy, "SELECT count (*) FROM audit"
                                                 " WHERE action = 'restored'"), ==, 1);
    g_assert_cmpint (heard_test_raw_count (original, "SELECT count (*) FROM draft"), ==, 1);
    g_assert_cmpint (heard_test_raw_count (copy, "SELECT count (*) FROM draft"), ==, 0);
    g_assert_cmpint (heard_test_raw_count (copy, "SELECT count (*) FROM draft_field"), ==, 0);
    sqlite3_close (original);
    sqlite3_close (copy);
  }
}

/* Restoring an older backup over the same records: the records there are
 * moved aside whole and still open; Heard starts on the backup's, with no
 * audit problem although their trail is shorter than the one anchored. */
static void
test_restore_never_overwrites (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(HeardSecretString) code = set_up_records (fixture);
  g_autoptr(HeardContext) context = heard_test_start_context (fixture->records.data_dir,
                                                              HEARD_LOCK_STATE_OPEN);
  g_autoptr(HeardBackupSummary) older = back_up (context, code, fixture->uuid, fixture->folder);
  g_autoptr(HeardKey) key = key_of (code);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *aside_db = NULL;
  sqlite3 *db;

  heard_test_context_add_person (context, "Dana Rossi");
  heard_test_context_add_person (context, "Eli Novak");
  heard_test_save_anchor (context);

  /* Not while this Heard holds the folder. */
  aside = restore (fixture->records.data_dir, older->path, NULL, &error);
  g_assert_error (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_IN_USE);
  g_assert_null (aside);
  g_clear_error (&error);
  heard_test_close_context (&context);

  aside = restore (fixture->records.data_dir, older->path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_test_message ("moved aside to %s", aside);
  g_assert_true (g_str_has_prefix (aside, fixture->records.root));

  /* The records that were there: whole, and still open. */
  aside_db = g_build_filename (aside, "heard.db", NULL);
  db = heard_test_raw_open (aside_db, key);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM person"), ==, 5);
  sqlite3_close (db);
  context = heard_test_start_context (aside, HEARD_LOCK_STATE_OPEN);
  g_assert_cmpuint (g_list_model_get_n_items (heard_context_get_people (context)), ==, 5);
  heard_test_close_context (&context);

  context = heard_test_start_context (fixture->records.data_dir, HEARD_LOCK_STATE_OPEN);
  names = people_names (context);
  g_assert_cmpuint (names->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "Amara Okafor");
  assert_no_audit_problem (context);
  heard_test_context_add_person (context, "Written after the restore");
  heard_test_close_context (&context);
}

static void
flip_byte (const char *path,
           goffset     offset)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  if (offset < 0)
    offset += (goffset) length;
  g_assert_cmpint (offset, <, (goffset) length);
  contents[offset] ^= 0x10;
  heard_test_write_file (path, contents, length);
}

/* Where the database starts in a backup: after the magic, two numbers,
 * the header text and the database's length. */
static goffset
database_offset (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint32 text_length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  text_length = (guint8) contents[12] | (guint8) contents[13] << 8 |
                (guint8) contents[14] << 16 | (guint32) (guint8) contents[15] << 24;

  return 16 + text_length + 8;
}

/* One byte changed anywhere (the header, the first, a middle or the last
 * page of the database, the MAC) and the backup is refused, in plain words,
 * before anything is moved: the MAC is checked first, as SQLCipher 3.4's
 * own integrity check misses a changed byte in a page it never reads. */
static void
test_tampered_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(HeardSecretString) code = set_up_records (fixture);
  g_autoptr(HeardContext) context = heard_test_start_context (fixture->records.data_dir,
                                                              HEARD_LOCK_STATE_OPEN);
  g_autoptr(HeardBackupSummary) good = back_up (context, code, fixture->uuid, fixture->folder);
  g_autofree char *pristine = NULL;
  g_autofree char *tampered = g_build_filename (fixture->folder, "tampered.heardbackup", NULL);
  goffset start = database_offset (good->path);
  gsize length = 0;
  const goffset positions[] = { 20, start, start + 1024 + 100, -33 - 700, -33, -1 };
  g_autoptr(HeardKey) key = key_of (code);

  heard_test_close_context (&context);
  g_assert_true (g_file_get_contents (good->path, &pristine, &length, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      g_autofree char *before = heard_test_list_names (fixture->records.root);
      g_autofree char *records_before = heard_test_describe_folder (fixture->records.data_dir);
      g_autofree char *after = NULL;
      g_autofree char *records_after = NULL;
      g_autofree char *aside = NULL;
      g_autoptr(HeardBackupSummary) summary = NULL;
      g_autoptr(GError) error = NULL;

      heard_test_write_file (tampered, pristine, length);
      flip_byte (tampered, positions[i]);

      aside = restore (fixture->records.data_dir, tampered, NULL, &error);
      g_test_message ("byte %" G_GOFFSET_FORMAT ": %s", positions[i],
                      error != NULL ? error->message : "(accepted)");
      g_assert_nonnull (error);
      g_assert_true (g_error_matches (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_TAMPERED) ||
                     g_error_matches (error, HEARD_BACKUP_ERROR,
                                      HEARD_BACKUP_ERROR_NOT_A_BACKUP));
      g_assert_null (aside);
      g_clear_error (&error);

      summary = inspect (tampered, key, NULL, &error);
      g_assert_nonnull (error);
      g_assert_null (summary);

      after = heard_test_list_names (fixture->records.root);
      records_after = heard_test_describe_folder (fixture->records.data_dir);
      g_assert_cmpstr (before, ==, after);
      g_assert_cmpstr (records_before, ==, records_after);
    }

  /* The words say what happened and that nothing was moved. */
  {
    g_autoptr(GError) error = NULL;

    heard_test_write_file (tampered, pristine, length);
    flip_byte (tampered, -33 - 2000);
    g_free (restore (fixture->records.data_dir, tampered, NULL, &error));
    g_assert_error (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_TAMPERED);
    g_assert_nonnull (strstr (error->message, "changed since it was made"));
    g_assert_nonnull (strstr (error->message, "Nothing has been moved"));
  }

  /* Untouched, it restores. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *aside = restore (fixture->records.data_dir, good->path, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (aside);
  }
}

/* Another computer's records: the wrong recovery code is named as such. */
static void
test_wrong_key (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(HeardSecretString) code = set_up_records (fixture);
  g_autoptr(HeardContext) context = heard_test_start_context (fixture->records.data_dir,
                                                              HEARD_LOCK_STATE_OPEN);
  g_autoptr(HeardBackupSummary) good = back_up (context, code, fixture->uuid, fixture->folder);
  g_autoptr(HeardKey) other = heard_test_key_new (7);
  g_autofree char *other_code = heard_recovery_code_format (other);
  g_autoptr(HeardBackupSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;

  heard_test_close_context (&context);
  summary = inspect (good->path, NULL, other_code, &error);
  g_assert_error (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_WRONG_KEY);
  g_clear_error (&error);
  aside = restore (fixture->records.data_dir, good->path, other_code, &error);
  g_assert_error (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_WRONG_KEY);
  g_assert_null (aside);
}

/* Keyless records for the tests that need no keyring. */
static HeardStore *
make_plain_records (Fixture        *fixture,
                    const HeardKey *key)
{
  HeardStore *store;

  g_assert_cmpint (g_mkdir (fixture->records.data_dir, 0700), ==, 0);
  store = heard_test_create_store (fixture->records.db_path, key);
  heard_test_add_person (store, "Amara Okafor");
  heard_test_add_person (store, "Bea Lindqvist");

  return store;
}

/* Temporary files in a backup folder that other computers share too: a
 * backup removes only what it can tell was abandoned (this computer's, of
 * a process that is gone, and anyone's a week old), never another
 * computer's recent one nor that of a backup still running. */
static void
test_shared_folder_temps (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(HeardKey) key = heard_test_key_new (1);
  g_autoptr(HeardStore) store = make_plain_records (fixture, key);
  g_autoptr(HeardBackupSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  GPid gone = heard_test_gone_pid ();
  g_autofree char *gone_tag = heard_files_temp_tag (gone);
  g_autofree char *own_tag = heard_files_temp_tag (getpid ());
  struct
  {
    char     *name;
    guint     days_old;
    gboolean  kept;
  } temps[] = {
    { g_strdup_printf (".heard-backup-%sa.partial", gone_tag), 0, FALSE },
    { g_strdup_printf (".heard-backup-%sb.partial-db", own_tag), 0, TRUE },
    { g_strdup_printf (".heard-backup-%d@elsewhere.example-c.partial", gone), 0, TRUE },
    { g_strdup_printf (".heard-backup-%d@elsewhere.example-d.partial", gone), 8, FALSE },
    { g_strdup_printf (".heard-backup-%d-e.partial", (int) getpid ()), 8, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (temps); i++)
    {
      g_autofree char *path = g_build_filename (fixture->folder, temps[i].name, NULL);

      heard_test_write_file (path, "half", 4);
      if (temps[i].days_old > 0)
        heard_test_set_age (path, temps[i].days_old);
    }

  summary = try_backup (store, key, CHILD_UUID, fixture->folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);

  for (gsize i = 0; i < G_N_ELEMENTS (temps); i++)
    {
      g_autofree char *path = g_build_filename (fixture->folder, temps[i].name, NULL);

      g_test_message ("%s: %s", temps[i].name, temps[i].kept ? "kept" : "removed");
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS) == temps[i].kept);
      g_free (temps[i].name);
    }
  heard_test_close_store (&store);
}

static void
assert_verifies (const char     *path,
                 const HeardKey *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardBackupSummary) summary = inspect (path, key, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (summary);
}

/* Every file under a backup's name in @folder verifies. */
static guint
assert_named_backups_verify (const char     *folder,
                             const HeardKey *key,
                             GHashTable     *checked)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (!g_str_has_prefix (name, "heard-backup-") || !g_str_has_suffix (name, ".heardbackup"))
        continue;
      n++;
      if (checked != NULL && g_hash_table_contains (checked, name))
        continue;
      assert_verifies (path, key);
      if (checked != NULL)
        g_hash_table_add (checked, g_strdup (name));
    }

  return n;
}

/* A full disk and a folder Heard may not write to (a read-only USB drive),
 * through the fault VFS, since the tests run as root; and a folder that is
 * not there (a drive unplugged). Each is said plainly; the backups there
 * are untouched and nothing is left behind. */
static void
test_full_disk_and_read_only (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(HeardKey) key = heard_test_key_new (1);
  g_autoptr(HeardStore) store = make_plain_records (fixture, key);
  g_autoptr(HeardBackupSummary) good = NULL;
  g_autofree char *before = NULL;
  g_autofree char *missing = g_build_filename (fixture->records.root, "unplugged", NULL);
  g_autoptr(GError) error = NULL;
  struct
  {
    HeardFaultOps   ops;
    HeardFaultKind  kind;
    int             code;
  } faults[] = {
    { HEARD_FAULT_WRITE, HEARD_FAULT_DISK_FULL, HEARD_BACKUP_ERROR_DISK_FULL },
    { HEARD_FAULT_SYNC | HEARD_FAULT_WRITE, HEARD_FAULT_DISK_FULL, HEARD_BACKUP_ERROR_DISK_FULL },
    { HEARD_FAULT_WRITE, HEARD_FAULT_READ_ONLY, HEARD_BACKUP_ERROR_FOLDER },
    { HEARD_FAULT_WRITE, HEARD_FAULT_DENIED, HEARD_BACKUP_ERROR_FOLDER },
  };

  good = try_backup (store, key, CHILD_UUID, fixture->folder, NULL, &error);
  g_assert_no_error (error);
  before = heard_test_describe_folder (fixture->folder);

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(HeardBackupSummary) none = NULL;
      g_autofree char *after = NULL;

      heard_fault_vfs_arm (faults[i].ops, 1, faults[i].kind, TRUE);
      none = try_backup (store, key, CHILD_UUID, fixture->folder, NULL, &error);
      g_assert_cmpuint (heard_fault_vfs_get_injected (), >, 0);
      heard_fault_vfs_disarm ();
      g_test_message ("%s", error != NULL ? error->message : "(made)");
      g_assert_error (error, HEARD_BACKUP_ERROR, faults[i].code);
      g_assert_nonnull (strstr (error->message, "earlier backups have not been changed"));
      g_assert_null (none);
      g_clear_error (&error);

      after = heard_test_describe_folder (fixture->folder);
      g_assert_cmpstr (before, ==, after);
      assert_verifies (good->path, key);
    }

  g_assert_null (try_backup (store, key, CHILD_UUID, missing, NULL, &error));
  g_assert_error (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_FOLDER);
  g_assert_nonnull (strstr (error->message, "cannot be found"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  heard_test_close_store (&store);
}

/* Cancelled before it starts and half-way: no new file, the old untouched. */
static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(HeardKey) key = heard_test_key_new (1);
  g_autoptr(HeardStore) store = make_plain_records (fixture, key);
  g_autoptr(HeardBackupSummary) good = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  sqlite3 *db = heard_test_raw_open (fixture->records.db_path, key);

  heard_test_fill_statements (db, 1, 3000, 1);
  sqlite3_close (db);
  good = try_backup (store, key, CHILD_UUID, fixture->folder, NULL, &error);
  g_assert_no_error (error);
  before = heard_test_describe_folder (fixture->folder);

  for (guint delay_ms = 0; delay_ms <= 40; delay_ms += 20)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(HeardBackupSummary) none = NULL;
      g_autofree char *after = NULL;

      heard_backup_write_async (store, key, CHILD_UUID, fixture->folder, NULL, NULL, NULL,
                                cancellable, heard_test_store_result_cb, &result);
      if (delay_ms == 0)
        g_cancellable_cancel (cancellable);
      else
        {
          g_usleep (delay_ms * 1000);
          g_cancellable_cancel (cancellable);
        }
      heard_test_wait (&result);
      none = heard_backup_write_finish (result, &error);
      if (none != NULL)
        {
          /* Finished before the cancel came: it is a whole, good backup. */
          assert_verifies (none->path, key);
          g_assert_cmpint (g_unlink (none->path), ==, 0);
          continue;
        }
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      after = heard_test_describe_folder (fixture->folder);
      g_assert_cmpstr (before, ==, after);
    }

  heard_test_close_store (&store);
}

/* The newest 14, and the newest of each month for a year: backups of other
 * records and other files are never touched. */
static void
test_retention (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 7, 12, 0, 0);
  g_autoptr(GDateTime) year_ago = g_date_time_add_years (now, -1);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *other_uuid = "0e5d7f3a-9b1c-4c2d-8e6f-7a8b9c0d1e2f";
  const char *others[] = { "notes.txt", "heard-backup-not-a-uuid.heardbackup",
                           ".heard-backup-1-x.partial" };
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_removed = 0;
  guint n_left = 0;

  /* One a day for 400 days, newest first, and a second one on some days. */
  for (int day = 0; day < 400; day++)
    for (int extra = 0; extra < (day % 9 == 0 ? 2 : 1); extra++)
      {
        g_autoptr(GDateTime) when = g_date_time_add_seconds (now, -(gint64) day * 86400 -
                                                                   extra * 3600);
        g_autofree char *time = g_date_time_format (when, "%Y%m%dT%H%M%SZ");
        g_autofree char *file = g_strdup_printf ("heard-backup-%s-%s.heardbackup",
                                                 CHILD_UUID, time);
        g_autofree char *other = g_strdup_printf ("heard-backup-%s-%s.heardbackup",
                                                  other_uuid, time);
        g_autofree char *path = g_build_filename (fixture->folder, file, NULL);
        g_autofree char *other_path = g_build_filename (fixture->folder, other, NULL);
        g_autofree char *month = g_date_time_format (when, "%Y-%m");

        heard_test_write_file (path, "x", 1);
        heard_test_write_file (other_path, "x", 1);
        /* Made newest first: the first of a month met is its newest. */
        if (g_hash_table_size (expected) < 14 ||
            (g_date_time_compare (when, year_ago) > 0 && !g_hash_table_contains (months, month)))
          g_hash_table_add (expected, g_strdup (file));
        if (g_date_time_compare (when, year_ago) > 0)
          g_hash_table_add (months, g_steal_pointer (&month));
      }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *path = g_build_filename (fixture->folder, others[i], NULL);

      heard_test_write_file (path, "x", 1);
    }

  heard_backup_prune_async (fixture->folder, CHILD_UUID, now, NULL, heard_test_store_result_cb,
                            &result);
  heard_test_wait (&result);
  g_assert_true (heard_backup_prune_finish (result, &n_removed, &error));
  g_assert_no_error (error);
  /* The newest 14 run back into November; then the newest of the eleven
   * months before, back to December 2025 (after the 7th). */
  g_assert_cmpuint (g_hash_table_size (expected), ==, 14 + 11);

  dir = g_dir_open (fixture->folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (!g_str_has_prefix (name, "heard-backup-" CHILD_UUID))
        continue;
      g_assert_true (g_hash_table_contains (expected, name));
      n_left++;
    }
  g_assert_cmpuint (n_left, ==, g_hash_table_size (expected));
  g_assert_cmpuint (n_removed, ==, 400 + 45 - n_left);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *path = g_build_filename (fixture->folder, others[i], NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  {
    g_autofree char *time = g_date_time_format (year_ago, "%Y%m%dT%H%M%SZ");
    g_autofree char *other = g_strdup_printf ("heard-backup-%s-%s.heardbackup", other_uuid,
                                              time);
    g_autofree char *other_path = g_build_filename (fixture->folder, other, NULL);

    g_assert_true (g_file_test (other_path, G_FILE_TEST_EXISTS));
  }
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  GArray *fractions = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_array_append_val (fractions, fraction);
}

/* Progress comes on the caller's main context, only ever forward, and ends
 * at 1 once the backup is in place. */
static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(HeardKey) key = heard_test_key_new (1);
  g_autoptr(HeardStore) store = make_plain_records (fixture, key);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(HeardBackupSummary) summary = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = heard_test_raw_open (fixture->records.db_path, key);

  heard_test_fill_statements (db, 1, 3000, 9);
  sqlite3_close (db);
  heard_backup_write_async (store, key, CHILD_UUID, fixture->folder, progress_cb,
                            g_array_ref (fractions), (GDestroyNotify) g_array_unref, NULL,
                            heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  summary = heard_backup_write_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_statements, ==, 3000);

  g_test_message ("%u progress reports", fractions->len);
  g_assert_cmpuint (fractions->len, >=, 3);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=,
                       g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, 0), <, 0.5);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
  heard_test_close_store (&store);
}

/* The newest backup is found from names and headers alone, no key needed. */
static void
test_find_newest (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(HeardKey) key = heard_test_key_new (1);
  g_autoptr(HeardStore) store = make_plain_records (fixture, key);
  g_autoptr(HeardBackupSummary) first = NULL;
  g_autoptr(HeardBackupSummary) second = NULL;
  g_autoptr(HeardBackupSummary) found = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  heard_backup_find_newest_async (fixture->folder, CHILD_UUID, NULL, heard_test_store_result_cb,
                                  &result);
  heard_test_wait (&result);
  g_assert_null (heard_backup_find_newest_finish (result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  first = try_backup (store, key, CHILD_UUID, fixture->folder, NULL, &error);
  g_assert_no_error (error);
  second = try_backup (store, key, CHILD_UUID, fixture->folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->path, !=, second->path);
  g_assert_cmpint (g_date_time_compare (second->created, first->created), >, 0);

  heard_backup_find_newest_async (fixture->folder, CHILD_UUID, NULL, heard_test_store_result_cb,
                                  &result);
  heard_test_wait (&result);
  found = heard_backup_find_newest_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->path, ==, second->path);
  g_assert_cmpuint (found->schema_version, ==, heard_sqlite_store_get_schema_version ());
  heard_test_close_store (&store);
}

/* The child: one backup, killed by the test at a random moment. */
static int
run_child (const char *db_path,
           const char *folder)
{
  g_autoptr(HeardKey) key = heard_test_key_new (1);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardStore) store = heard_test_open_store (db_path, key,
                                                       HEARD_SQLITE_STORE_OPEN_NONE, &error);
  g_autoptr(HeardBackupSummary) summary = NULL;

  g_assert_no_error (error);
  summary = try_backup (store, key, CHILD_UUID, folder, NULL, &error);
  g_assert_no_error (error);
  heard_test_close_store (&store);

  return 0;
}

static GPid
spawn_child (const char *db_path,
             const char *folder)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { self, CHILD_ARG, db_path, folder, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                NULL, &pid, &error));
  g_assert_no_error (error);

  return pid;
}

static int
wait_child (GPid pid)
{
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return status;
}

/* A backup killed at any moment: the earlier good backup is untouched and
 * verifies, and no half-written file ever carries a backup's name. */
static void
test_killed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(HeardKey) key = heard_test_key_new (1);
  g_autoptr(HeardStore) store = make_plain_records (fixture, key);
  g_autoptr(HeardBackupSummary) good = NULL;
  g_autoptr(GHashTable) checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *good_bytes = NULL;
  gsize good_length = 0;
  guint n_killed = 0;
  gint64 whole_us;
  gint64 start;
  sqlite3 *db = heard_test_raw_open (fixture->records.db_path, key);
  GPid pid;

  heard_test_fill_statements (db, 1, 2000, 3);
  sqlite3_close (db);
  good = try_backup (store, key, CHILD_UUID, fixture->folder, NULL, &error);
  g_assert_no_error (error);
  heard_test_close_store (&store);
  g_assert_true (g_file_get_contents (good->path, &good_bytes, &good_length, NULL));

  /* How long one backup takes, start to end, to kill inside it. */
  start = g_get_monotonic_time ();
  pid = spawn_child (fixture->records.db_path, fixture->folder);
  g_assert_true (g_spawn_check_wait_status (wait_child (pid), NULL));
  whole_us = g_get_monotonic_time () - start;
  g_test_message ("one backup in a new process: %.0f ms", whole_us / 1000.0);

  for (guint round = 0; round < KILL_ROUNDS; round++)
    {
      g_autofree char *bytes = NULL;
      gsize length = 0;
      int status;

      pid = spawn_child (fixture->records.db_path, fixture->folder);
      g_usleep (g_test_rand_int_range (0, (gint32) whole_us));
      kill (pid, SIGKILL);
      status = wait_child (pid);
      if (WIFSIGNALED (status))
        n_killed++;

      g_assert_true (g_file_get_contents (good->path, &bytes, &length, NULL));
      g_assert_cmpmem (bytes, length, good_bytes, good_length);
      assert_named_backups_verify (fixture->folder, key, checked);
    }

  g_test_message ("%u of %u backups killed part-way", n_killed, KILL_ROUNDS);
  g_assert_cmpuint (n_killed, >=, KILL_ROUNDS / 2);
  assert_verifies (good->path, key);

  /* The next backup clears what the killed ones left. */
  store = heard_test_open_store (fixture->records.db_path, key, HEARD_SQLITE_STORE_OPEN_NONE,
                                 &error);
  g_assert_no_error (error);
  g_clear_pointer (&good, heard_backup_summary_free);
  good = try_backup (store, key, CHILD_UUID, fixture->folder, NULL, &error);
  g_assert_no_error (error);
  heard_test_close_store (&store);
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->folder, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".heard-backup-"));
  }
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && strcmp (argv[1], CHILD_ARG) == 0)
    {
      g_autoptr(GError) error = NULL;

      if (!heard_secure_init (&error))
        g_error ("%s", error->message);
      return run_child (argv[2], argv[3]);
    }

  heard_test_init (&argc, &argv);
  heard_fault_vfs_install ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/backup/full-disk-and-read-only", test_full_disk_and_read_only);
  ADD ("/backup/cancelled", test_cancelled);
  ADD ("/backup/retention", test_retention);
  ADD ("/backup/progress", test_progress);
  ADD ("/backup/find-newest", test_find_newest);
  ADD ("/backup/killed", test_killed);
  ADD ("/backup/shared-folder-temps", test_shared_folder_temps);

  if (heard_test_in_keyring_session ())
    {
      ADD ("/backup/consistent-and-restored-elsewhere", test_consistent_and_restored_elsewhere);
      ADD ("/backup/restore-never-overwrites", test_restore_never_overwrites);
      ADD ("/backup/restore-passphrase-records", test_restore_passphrase_records);
      ADD ("/backup/tampered-refused", test_tampered_refused);
      ADD ("/backup/wrong-key", test_wrong_key);
      ADD ("/backup/failed-restore-keeps-keyring", test_failed_restore_keeps_keyring);
    }
  else
    g_test_message ("restore tests need build-aux/test-session");

  return g_test_run ();
}

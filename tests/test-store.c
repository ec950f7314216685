/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-store"
#define _GNU_SOURCE /* memmem() */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "heard-search.h"
#include "heard-secure.h"
#include "heard-sqlite-store.h"
#include "heard-store-exports.h"
#include "heard-store-people.h"
#include "heard-test-utils.h"

/* Never appears in a young person's record unless a test put it there. */
#define MARKER_SECRET "7f3a9c41d2e8b6054c1f"
#define MARKER "MARKER-" MARKER_SECRET

typedef struct
{
  char     *dir;
  char     *path;
  HeardKey *key;
} Fixture;

/* What a refused open must leave exactly as it was: every file in the
 * records folder, by name, with the SHA-256 of its bytes. */
typedef struct
{
  char *folder;
} Snapshot;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = heard_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "heard.db", NULL);
  fixture->key = heard_test_key_new (1);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  heard_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  heard_key_free (fixture->key);
}

static HeardStore *
create_store (Fixture *fixture)
{
  return heard_test_create_store (fixture->path, fixture->key);
}

static HeardPerson *
person_new (const char *display_name)
{
  return heard_test_person_new (display_name);
}

static HeardPerson *
person_new_full (void)
{
  HeardPerson *person = person_new ("Zoë Ó Briain-Nakamura");

  heard_person_set_text (person, HEARD_PERSON_PREFERRED_NAME, "Zo");
  heard_person_set_text (person, HEARD_PERSON_PRONOUNS, "she/they");
  heard_person_set_text (person, HEARD_PERSON_DATE_OF_BIRTH, "2009-04-23");
  heard_person_set_text (person, HEARD_PERSON_FIRST_LANGUAGE, "Irish");
  heard_person_set_text (person, HEARD_PERSON_ETHNICITY, "white-irish");
  heard_person_set_text (person, HEARD_PERSON_NATIONALITY, "Irish");
  heard_person_set_text (person, HEARD_PERSON_KEY_WORKER, "Priya Shah");
  heard_person_set_text (person, HEARD_PERSON_AGENCIES, "school,health");
  heard_person_set_text (person, HEARD_PERSON_WHAT_HELPS,
                         "Being told what happens next.\nA quiet room; no \"surprises\".\n"
                         "Music 🎧 and walking the dog — 'Biscuit'.");
  heard_person_set_text (person, HEARD_PERSON_WHAT_IS_HARD,
                         "Being asked the same questions again.\tRaised voices.");
  heard_person_set_interpreter_needed (person, TRUE);
  heard_person_set_nationality_answer (person, HEARD_ANSWER_GIVEN);

  return person;
}

static void
assert_person_equal (HeardPerson *actual,
                     HeardPerson *expected)
{
  g_assert_nonnull (actual);
  g_assert_cmpint (heard_person_get_id (actual), ==, heard_person_get_id (expected));
  for (guint i = 0; i < HEARD_PERSON_N_TEXTS; i++)
    g_assert_cmpstr (heard_person_get_text (actual, i), ==, heard_person_get_text (expected, i));
  g_assert_cmpint (heard_person_get_interpreter_needed (actual), ==,
                   heard_person_get_interpreter_needed (expected));
  g_assert_cmpint (heard_person_get_nationality_answer (actual), ==,
                   heard_person_get_nationality_answer (expected));
}

static GPtrArray *
list_people (HeardStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *people = heard_test_list_people (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (people);

  return people;
}

static void
save_person (HeardStore  *store,
             HeardPerson *person)
{
  g_autoptr(GError) error = NULL;
  gint64 id = heard_test_save_person (store, person, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (heard_person_get_id (person), ==, id);
}

static void
set_removed (HeardStore *store,
             gint64      id,
             gboolean    removed)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (heard_test_set_removed (store, id, removed, &error));
  g_assert_no_error (error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The folder's file names, sorted, on one line. */
static char *
list_dir (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static void
snapshot_take (Snapshot   *snapshot,
               const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  snapshot->folder = heard_test_describe_folder (dir);
}

static void
snapshot_assert_unchanged (Snapshot   *snapshot,
                           const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *folder = heard_test_describe_folder (dir);

  g_assert_cmpstr (folder, ==, snapshot->folder);
  g_clear_pointer (&snapshot->folder, g_free);
}

/* Opens @path and expects the refusal @code, with the file and its folder
 * left exactly as they were. */
static void
assert_open_refused (const char                *path,
                     const HeardKey            *key,
                     HeardSqliteStoreOpenFlags  flags,
                     HeardSqliteStoreError      code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardStore) store = NULL;
  Snapshot snapshot;

  snapshot_take (&snapshot, path);
  store = heard_test_open_store (path, key, flags, &error);
  g_assert_error (error, HEARD_SQLITE_STORE_ERROR, (gint) code);
  g_assert_null (store);
  g_test_message ("Refused as expected: %s", error->message);
  snapshot_assert_unchanged (&snapshot, path);
}

/* Raw SQLCipher, as another program would use it. */
static sqlite3 *
raw_open (const char     *path,
          const HeardKey *key)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  if (key != NULL)
    {
      g_autoptr(HeardSecretString) hex = heard_key_to_hex (key);
      g_autoptr(HeardSecretString) pragma = g_strdup_printf ("PRAGMA key = \"x'%s'\";", hex);

      g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
    }

  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
raw_query_int (sqlite3    *db,
               const char *sql)
{
  return heard_test_raw_count (db, sql);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

static guint
file_mode (const char *path)
{
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);

  return info.st_mode & 07777;
}

/* A database with real content, spread over many pages. */
static void
fill_store (Fixture *fixture,
            guint    n_people)
{
  g_autoptr(HeardStore) store = create_store (fixture);

  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *name = g_strdup_printf ("Young person %u", i);
      g_autofree char *helps = g_strnfill (2000 + i * 10, 'a' + (char) (i % 26));
      g_autoptr(HeardPerson) person = person_new (name);

      heard_person_set_text (person, HEARD_PERSON_WHAT_HELPS, helps);
      save_person (store, person);
    }

  heard_test_close_store (&store);
}

static gsize
file_size (const char *path)
{
  GStatBuf info;

  if (g_stat (path, &info) != 0)
    return 0;

  return (gsize) info.st_size;
}

/* Copies every file of @from into the new folder @to, byte for byte, while
 * whoever writes there may still have the database open: the state a
 * SIGKILL or a power cut leaves, with the newest records in the WAL. */
static void
copy_dir_files (const char *from,
                const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (from, 0, &error);
  const char *name;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (to, 0700), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_test (source, G_FILE_TEST_IS_REGULAR))
        continue;
      g_file_get_contents (source, &contents, &length, &error);
      g_assert_no_error (error);
      g_file_set_contents_full (target, contents, (gssize) length, G_FILE_SET_CONTENTS_NONE,
                                0600, &error);
      g_assert_no_error (error);
    }
}

static void
close_store_async (HeardStore *store)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  heard_store_close_async (store, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_store_close_finish (store, result, &error));
  g_assert_no_error (error);
  g_assert_false (heard_store_is_open (store));
}

static void
test_people_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(HeardStore) store = create_store (fixture);
  g_autoptr(HeardPerson) person = person_new_full ();
  g_autoptr(HeardPerson) other = person_new ("Sam");
  g_autoptr(GPtrArray) people = NULL;
  gint64 id;

  save_person (store, person);
  save_person (store, other);
  id = heard_person_get_id (person);
  g_assert_cmpint (heard_person_get_id (other), !=, id);

  people = list_people (store);
  g_assert_cmpuint (people->len, ==, 2);
  assert_person_equal (heard_test_find_person (people, id), person);
  g_clear_pointer (&people, g_ptr_array_unref);

  /* An update changes every field and keeps the record's id. */
  heard_person_set_text (person, HEARD_PERSON_DISPLAY_NAME, "Zoe O'Brien");
  heard_person_set_text (person, HEARD_PERSON_PREFERRED_NAME, "");
  heard_person_set_text (person, HEARD_PERSON_PRONOUNS, "she/her");
  heard_person_set_text (person, HEARD_PERSON_DATE_OF_BIRTH, "23/04/2009");
  heard_person_set_text (person, HEARD_PERSON_FIRST_LANGUAGE, "English");
  heard_person_set_text (person, HEARD_PERSON_ETHNICITY, "prefers-not-to-say");
  heard_person_set_text (person, HEARD_PERSON_NATIONALITY, "");
  heard_person_set_text (person, HEARD_PERSON_KEY_WORKER, "Tom Okafor");
  heard_person_set_text (person, HEARD_PERSON_AGENCIES, "");
  heard_person_set_text (person, HEARD_PERSON_WHAT_HELPS, "Texts, not calls.");
  heard_person_set_text (person, HEARD_PERSON_WHAT_IS_HARD, "");
  heard_person_set_interpreter_needed (person, FALSE);
  heard_person_set_nationality_answer (person, HEARD_ANSWER_PREFERS_NOT_TO_SAY);
  save_person (store, person);
  g_assert_cmpint (heard_person_get_id (person), ==, id);
  /* The date of birth is kept in the stored form, to read the same in any locale. */
  heard_person_set_text (person, HEARD_PERSON_DATE_OF_BIRTH, "2009-04-23");

  people = list_people (store);
  g_assert_cmpuint (people->len, ==, 2);
  assert_person_equal (heard_test_find_person (people, id), person);
  assert_person_equal (heard_test_find_person (people, heard_person_get_id (other)), other);
  g_clear_pointer (&people, g_ptr_array_unref);

  /* Removing hides the record; restoring brings it back unchanged. */
  set_removed (store, id, TRUE);
  people = list_people (store);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_null (heard_test_find_person (people, id));
  g_clear_pointer (&people, g_ptr_array_unref);

  set_removed (store, id, FALSE);
  people = list_people (store);
  g_assert_cmpuint (people->len, ==, 2);
  assert_person_equal (heard_test_find_person (people, id), person);

  heard_test_close_store (&store);
}

static void
test_people_order (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *names[] = { "bella", "Cara", "Adam", "aaron" };
  const char *expected[] = { "aaron", "Adam", "bella", "Cara" };
  g_autoptr(HeardStore) store = create_store (fixture);
  g_autoptr(GPtrArray) people = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(HeardPerson) person = person_new (names[i]);

      save_person (store, person);
    }

  people = list_people (store);
  g_assert_cmpuint (people->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (heard_person_get_display_name (g_ptr_array_index (people, i)), ==,
                     expected[i]);

  heard_test_close_store (&store);
}

static void
test_people_update_missing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(HeardStore) store = create_store (fixture);
  g_autoptr(HeardPerson) person = person_new ("Nobody");
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  heard_person_set_id (person, 4242);
  g_assert_cmpint (heard_test_save_person (store, person, &error), ==, 0);
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);

  people = list_people (store);
  g_assert_cmpuint (people->len, ==, 0);

  /* Removing someone who is not there is an error too, not a silent success. */
  g_clear_error (&error);
  g_assert_false (heard_test_set_removed (store, 4242, TRUE, &error));
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);

  heard_test_close_store (&store);
}

static void
test_store_not_open (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(HeardStore) store = heard_sqlite_store_new (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = heard_test_list_people (store, &error);

  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_OPEN);
  g_assert_null (people);
  g_assert_false (heard_store_is_open (store));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  heard_test_close_store (&store);
}

static void
test_open_reopen (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(HeardStore) store = create_store (fixture);
  g_autoptr(HeardPerson) person = person_new_full ();
  g_autoptr(HeardPerson) removed = person_new ("Removed Person");
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  save_person (store, person);
  save_person (store, removed);
  set_removed (store, heard_person_get_id (removed), TRUE);
  heard_test_close_store (&store);

  /* Everything is on disk: no WAL is left behind after a clean close. */
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));

  store = heard_test_open_store (fixture->path, fixture->key, HEARD_SQLITE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  people = list_people (store);
  g_assert_cmpuint (people->len, ==, 1);
  assert_person_equal (g_ptr_array_index (people, 0), person);
  g_assert_true (heard_test_check_integrity (store, &error));
  g_assert_no_error (error);

  heard_test_close_store (&store);
}

static void
test_open_empty_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(HeardStore) store = NULL;
  g_autoptr(HeardPerson) person = person_new ("Ayesha");
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  heard_test_write_file (fixture->path, "", 0);
  g_assert_cmpint (g_chmod (fixture->path, 0600), ==, 0);

  /* Outside a first run an empty file is lost records: refused, untouched. */
  store = heard_test_open_store (fixture->path, fixture->key, HEARD_SQLITE_STORE_OPEN_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_DAMAGED);
  g_clear_error (&error);
  {
    GStatBuf info;

    g_assert_cmpint (g_stat (fixture->path, &info), ==, 0);
    g_assert_cmpint (info.st_size, ==, 0);
  }

  /* A first run, interrupted after making the file, takes it up. */
  store = heard_test_open_store (fixture->path, fixture->key, HEARD_SQLITE_STORE_OPEN_CREATE,
                                 &error);
  g_assert_no_error (error);
  people = list_people (store);
  g_assert_cmpuint (people->len, ==, 0);
  heard_test_close_store (&store);

  /* The empty file became a whole, encrypted, current Heard database. */
  db = raw_open (fixture->path, fixture->key);
  g_assert_cmpint (raw_query_int (db, "PRAGMA user_version"), ==,
                   heard_sqlite_store_get_schema_version ());
  g_assert_cmpint (raw_query_int (db, "PRAGMA application_id"), ==, 0x48454152);
  g_assert_cmpint (raw_query_int (db, "SELECT count(*) FROM person"), ==, 0);
  sqlite3_close (db);
  g_assert_false (file_contains (fixture->path, "SQLite format 3"));

  /* A second open finds nothing to migrate, and saving works. */
  store = heard_test_open_store (fixture->path, fixture->key, HEARD_SQLITE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  save_person (store, person);
  g_clear_pointer (&people, g_ptr_array_unref);
  people = list_people (store);
  g_assert_cmpuint (people->len, ==, 1);
  assert_person_equal (g_ptr_array_index (people, 0), person);

  heard_test_close_store (&store);
}

static void
test_open_wrong_key (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(HeardKey) wrong_key = heard_test_key_new (2);
  g_autoptr(HeardStore) store = create_store (fixture);
  g_autoptr(HeardPerson) person = person_new_full ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  Snapshot snapshot;

  save_person (store, person);
  heard_test_close_store (&store);

  assert_open_refused (fixture->path, wrong_key, HEARD_SQLITE_STORE_OPEN_NONE,
                       HEARD_SQLITE_STORE_ERROR_WRONG_KEY);
  /* CREATE must not make it start again over the records. */
  assert_open_refused (fixture->path, wrong_key, HEARD_SQLITE_STORE_OPEN_CREATE,
                       HEARD_SQLITE_STORE_ERROR_WRONG_KEY);

  /* Someone who mistyped can try again on the same store. */
  store = heard_sqlite_store_new (fixture->path);
  snapshot_take (&snapshot, fixture->path);
  heard_sqlite_store_open_async (HEARD_SQLITE_STORE (store), wrong_key,
                                 HEARD_SQLITE_STORE_OPEN_NONE, NULL,
                                 heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_false (heard_sqlite_store_open_finish (HEARD_SQLITE_STORE (store), result, &error));
  g_assert_error (error, HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_WRONG_KEY);
  g_assert_false (heard_store_is_open (store));
  snapshot_assert_unchanged (&snapshot, fixture->path);
  g_clear_object (&result);
  g_clear_error (&error);

  heard_sqlite_store_open_async (HEARD_SQLITE_STORE (store), fixture->key,
                                 HEARD_SQLITE_STORE_OPEN_NONE, NULL,
                                 heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_sqlite_store_open_finish (HEARD_SQLITE_STORE (store), result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  people = list_people (store);
  g_assert_cmpuint (people->len, ==, 1);
  assert_person_equal (g_ptr_array_index (people, 0), person);

  heard_test_close_store (&store);
}

static void
test_open_too_new (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(HeardStore) store = create_store (fixture);
  sqlite3 *db;

  heard_test_close_store (&store);
  db = raw_open (fixture->path, fixture->key);
  raw_exec (db, "PRAGMA user_version = 999");
  sqlite3_close (db);

  assert_open_refused (fixture->path, fixture->key, HEARD_SQLITE_STORE_OPEN_NONE,
                       HEARD_SQLITE_STORE_ERROR_TOO_NEW);
}

/* An export's audit entry holds what the sharing log will need: what was
 * made, for whom, what went in, and who made it when (the entry's own). */
static void
test_export_entry (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(HeardStore) store = create_store (fixture);
  g_autoptr(HeardExportNote) note = heard_export_note_new (HEARD_EXPORT_CHECK_INS_CSV,
                                                           "own-team");
  g_autoptr(HeardExportNote) kept = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *row = NULL;
  sqlite3 *db;
  gint64 person_id, entry;

  person_id = heard_test_add_person (store, "Amira Haddad");
  note->n_check_ins = 52;
  heard_store_note_export_async (store, person_id, note, NULL, heard_test_store_result_cb,
                                 &result);
  heard_test_wait (&result);
  entry = heard_store_note_export_finish (store, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  heard_test_close_store (&store);

  db = heard_test_raw_open (fixture->path, fixture->key);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT action, target_kind, target_id, detail,"
                                           " actor, at FROM audit WHERE id = ?", -1, &row,
                                       NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (row, 1, entry);
  g_assert_cmpint (sqlite3_step (row), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 0), ==, "exported");
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 1), ==, "person");
  g_assert_cmpint (sqlite3_column_int64 (row, 2), ==, person_id);
  kept = heard_export_note_from_detail ((const char *) sqlite3_column_text (row, 3));
  g_assert_nonnull (kept);
  g_assert_cmpint (kept->kind, ==, HEARD_EXPORT_CHECK_INS_CSV);
  g_assert_cmpstr (kept->recipient, ==, "own-team");
  g_assert_cmpuint (kept->n_check_ins, ==, 52);
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 4), !=, "");
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 5), !=, "");
  sqlite3_finalize (row);
  sqlite3_close (db);
}

/* A reader (heard-cli's verify, info and backup): it sees the records,
 * SQLite refuses its writes, and it leaves every file as it found it. */
static void
test_read_only_writes_nothing (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(HeardStore) store = create_store (fixture);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(HeardPerson) person = person_new ("Tomas Berg");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  heard_test_add_person (store, "Amara Okafor");
  heard_test_close_store (&store);
  before = heard_test_describe_folder (fixture->dir);

  store = heard_test_open_store (fixture->path, fixture->key,
                                 HEARD_SQLITE_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  people = list_people (store);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpint (heard_test_save_person (store, person, &error), <=, 0);
  g_assert_nonnull (error);
  heard_test_close_store (&store);

  after = heard_test_describe_folder (fixture->dir);
  g_assert_cmpstr (before, ==, after);
}

/* Beside a writer that has the records open, a reader sees each commit. */
static void
test_read_only_beside_writer (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(HeardStore) writer = create_store (fixture);
  g_autoptr(HeardStore) reader = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  heard_test_add_person (writer, "Amara Okafor");
  reader = heard_test_open_store (fixture->path, fixture->key,
                                  HEARD_SQLITE_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  people = list_people (reader);
  g_assert_cmpuint (people->len, ==, 1);
  g_clear_pointer (&people, g_ptr_array_unref);

  heard_test_add_person (writer, "Bea Lindqvist");
  people = list_people (reader);
  g_assert_cmpuint (people->len, ==, 2);

  heard_test_close_store (&reader);
  heard_test_add_person (writer, "Chidi Eze");
  heard_test_close_store (&writer);
}

/* Records of an older version are refused, not updated. */
static void
test_read_only_too_old (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(HeardKey) key = heard_test_key_new (1);

  heard_test_copy_fixture ("heard-v1.db", fixture->path);
  assert_open_refused (fixture->path, key, HEARD_SQLITE_STORE_OPEN_READ_ONLY,
                       HEARD_SQLITE_STORE_ERROR_TOO_OLD);
}

static void
test_open_missing (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(HeardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = list_dir (fixture->dir);
  g_autofree char *after = NULL;

  store = heard_test_open_store (fixture->path, fixture->key, HEARD_SQLITE_STORE_OPEN_NONE, &error);
  g_assert_error (error, HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_MISSING);
  g_assert_null (store);

  after = list_dir (fixture->dir);
  g_assert_cmpstr (after, ==, listing);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_file_no_plaintext (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(HeardStore) store = create_store (fixture);
  g_autoptr(HeardPerson) person = person_new (MARKER " Name");
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *control = g_build_filename (fixture->dir, "control.db", NULL);
  g_autofree char *control_sql = NULL;
  guint n_scanned = 0;
  sqlite3 *db;

  heard_person_set_text (person, HEARD_PERSON_PREFERRED_NAME, MARKER);
  heard_person_set_text (person, HEARD_PERSON_WHAT_HELPS, "What helps: " MARKER);
  heard_person_set_text (person, HEARD_PERSON_WHAT_IS_HARD, MARKER " is hard");
  save_person (store, person);

  /* The record really is there ... */
  people = list_people (store);
  g_assert_cmpuint (people->len, ==, 1);
  assert_person_equal (g_ptr_array_index (people, 0), person);

  /* ... but not readable in any file while the store is open ... */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (fixture->path, suffixes[i], NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      n_scanned++;
      g_assert_false (file_contains (path, MARKER_SECRET));
      g_assert_false (file_contains (path, "MARKER"));
    }
  /* The database and its write-ahead log at least. */
  g_assert_cmpuint (n_scanned, >=, 2);

  /* ... nor after it is closed. */
  heard_test_close_store (&store);
  g_assert_false (file_contains (fixture->path, MARKER_SECRET));

  /* The scan does find the marker where it is stored in the clear. */
  db = raw_open (control, NULL);
  control_sql = g_strdup_printf ("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('%s');", MARKER);
  raw_exec (db, control_sql);
  sqlite3_close (db);
  g_assert_true (file_contains (control, MARKER_SECRET));
}

static void
test_file_permissions (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(HeardStore) store = NULL;
  g_autoptr(HeardPerson) person = person_new ("Kemi");
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  mode_t old_umask = umask (0);

  store = create_store (fixture);
  save_person (store, person);

  g_assert_cmpuint (file_mode (fixture->path), ==, 0600);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  if (g_file_test (shm, G_FILE_TEST_EXISTS))
    g_assert_cmpuint (file_mode (shm), ==, 0600);

  heard_test_close_store (&store);
  g_assert_cmpuint (file_mode (fixture->path), ==, 0600);
  umask (old_umask);
}

static void
test_refuse_not_encrypted (Fixture       *fixture,
                           gconstpointer  data)
{
  sqlite3 *db = raw_open (fixture->path, NULL);

  raw_exec (db, "CREATE TABLE person (id INTEGER PRIMARY KEY, display_name TEXT);"
                "INSERT INTO person (display_name) VALUES ('Plain Text');");
  sqlite3_close (db);
  g_assert_true (file_contains (fixture->path, "SQLite format 3"));

  assert_open_refused (fixture->path, fixture->key, HEARD_SQLITE_STORE_OPEN_NONE,
                       HEARD_SQLITE_STORE_ERROR_NOT_ENCRYPTED);
  assert_open_refused (fixture->path, fixture->key, HEARD_SQLITE_STORE_OPEN_CREATE,
                       HEARD_SQLITE_STORE_ERROR_NOT_ENCRYPTED);
}

static void
test_refuse_foreign (Fixture       *fixture,
                     gconstpointer  data)
{
  sqlite3 *db = raw_open (fixture->path, fixture->key);

  raw_exec (db, "PRAGMA application_id = 1869116517;"
                "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                "INSERT INTO notes (body) VALUES ('not Heard''s');");
  sqlite3_close (db);
  g_assert_false (file_contains (fixture->path, "SQLite format 3"));

  assert_open_refused (fixture->path, fixture->key, HEARD_SQLITE_STORE_OPEN_NONE,
                       HEARD_SQLITE_STORE_ERROR_FOREIGN);
}

static void
test_refuse_random_bytes (Fixture       *fixture,
                          gconstpointer  data)
{
  guint8 noise[8192];

  heard_secure_random (noise, sizeof noise);
  heard_test_write_file (fixture->path, (const char *) noise, sizeof noise);

  assert_open_refused (fixture->path, fixture->key, HEARD_SQLITE_STORE_OPEN_NONE,
                       HEARD_SQLITE_STORE_ERROR_WRONG_KEY);
  assert_open_refused (fixture->path, fixture->key, HEARD_SQLITE_STORE_OPEN_CREATE,
                       HEARD_SQLITE_STORE_ERROR_WRONG_KEY);
}

/* A copy of a real database cut short, as by a failed copy or a full disk. */
static void
test_refuse_truncated (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(HeardStore) store = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  gsize cuts[] = { 700, 4096 + 100, 4096, 0 };
  gsize length = 0;

  fill_store (fixture, 40);
  g_file_get_contents (fixture->path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 16 * 4096);
  /* Half-way, on a page boundary, where the size alone looks plausible. */
  cuts[G_N_ELEMENTS (cuts) - 1] = length / 2 - (length / 2) % 4096;

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_test_message ("A copy cut at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes",
                      cuts[i], length);
      heard_test_write_file (copy, contents, cuts[i]);
      assert_open_refused (copy, fixture->key, HEARD_SQLITE_STORE_OPEN_NONE,
                           HEARD_SQLITE_STORE_ERROR_DAMAGED);
      assert_open_refused (copy, fixture->key, HEARD_SQLITE_STORE_OPEN_CREATE,
                           HEARD_SQLITE_STORE_ERROR_DAMAGED);
    }

  /* The original still opens, with everyone in it. */
  store = heard_test_open_store (fixture->path, fixture->key, HEARD_SQLITE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  people = list_people (store);
  g_assert_cmpuint (people->len, ==, 40);
  heard_test_close_store (&store);
}

/* Quitting leaves the records in heard.db itself: a copy of that one file,
 * as a person backing up by hand would take, holds everything. */
static void
test_close_checkpoints (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(HeardStore) store = create_store (fixture);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *copy_dir = g_build_filename (fixture->dir, "copy", NULL);
  g_autofree char *copy = g_build_filename (copy_dir, "heard.db", NULL);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  sqlite3 *db;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("Young person %u", i);
      g_autoptr(HeardPerson) person = person_new (name);

      save_person (store, person);
    }

  /* While open, the newest records are in the WAL, not in heard.db. */
  g_assert_cmpuint (file_size (wal), >, 0);

  close_store_async (store);

  /* The WAL was folded into heard.db and is gone (or empty). */
  g_assert_cmpuint (file_size (wal), ==, 0);

  g_assert_cmpint (g_mkdir (copy_dir, 0700), ==, 0);
  g_file_get_contents (fixture->path, &contents, &length, &error);
  g_assert_no_error (error);
  heard_test_write_file (copy, contents, length);
  db = raw_open (copy, fixture->key);
  g_assert_cmpint (raw_query_int (db, "SELECT count(*) FROM person"), ==, 30);
  g_assert_cmpint (raw_query_int (db, "PRAGMA application_id"), ==, 0x48454152);
  g_assert_cmpint (raw_query_int (db, "PRAGMA user_version"), ==,
                   heard_sqlite_store_get_schema_version ());
  sqlite3_close (db);

  /* A closed store opens again, and closing twice is harmless. */
  close_store_async (store);
  {
    g_autoptr(GAsyncResult) result = NULL;

    heard_sqlite_store_open_async (HEARD_SQLITE_STORE (store), fixture->key,
                                   HEARD_SQLITE_STORE_OPEN_NONE, NULL,
                                   heard_test_store_result_cb, &result);
    heard_test_wait (&result);
    g_assert_true (heard_sqlite_store_open_finish (HEARD_SQLITE_STORE (store), result, &error));
    g_assert_no_error (error);
  }
  people = list_people (store);
  g_assert_cmpuint (people->len, ==, 30);
  close_store_async (store);

  /* Once closed, work is refused rather than run on a closed file. */
  g_clear_pointer (&people, g_ptr_array_unref);
  people = heard_test_list_people (store, &error);
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_OPEN);
  g_assert_null (people);

  heard_test_close_store (&store);
}

/* Records left with their newest changes in the WAL, as after a crash:
 * @make writes them through a connection that is still open when the
 * folder is copied. Returns the copy's heard.db. */
typedef void (*MakeRecords) (Fixture *fixture);

static char *
copy_with_wal (Fixture     *fixture,
               MakeRecords  make)
{
  g_autofree char *copy_dir = g_build_filename (fixture->dir, "crashed", NULL);
  char *copy = g_build_filename (copy_dir, "heard.db", NULL);
  g_autofree char *wal = g_strconcat (copy, "-wal", NULL);

  make (fixture);
  g_assert_cmpuint (file_size (wal), >, 0);

  return copy;
}

static void
make_people_in_wal (Fixture *fixture)
{
  g_autoptr(HeardStore) store = create_store (fixture);
  g_autofree char *copy_dir = g_build_filename (fixture->dir, "crashed", NULL);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Young person %u", i);
      g_autoptr(HeardPerson) person = person_new (name);

      save_person (store, person);
    }

  copy_dir_files (fixture->dir, copy_dir);
  heard_test_close_store (&store);
}

static void
make_foreign_in_wal (Fixture *fixture)
{
  g_autofree char *copy_dir = g_build_filename (fixture->dir, "crashed", NULL);
  sqlite3 *db = raw_open (fixture->path, fixture->key);

  /* Another program's database under the same key, all of it in the WAL. */
  raw_exec (db, "PRAGMA journal_mode = WAL;"
                "PRAGMA application_id = 1869116517;"
                "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                "INSERT INTO notes (body) VALUES ('not Heard''s');");
  copy_dir_files (fixture->dir, copy_dir);
  sqlite3_close (db);
}

static void
make_too_new_in_wal (Fixture *fixture)
{
  g_autoptr(HeardStore) store = create_store (fixture);
  g_autofree char *copy_dir = g_build_filename (fixture->dir, "crashed", NULL);
  sqlite3 *db;

  heard_test_close_store (&store);
  db = raw_open (fixture->path, fixture->key);
  raw_exec (db, "PRAGMA user_version = 999");
  copy_dir_files (fixture->dir, copy_dir);
  sqlite3_close (db);
}

/* A wrong key (a stale keyring entry, a mistyped passphrase) meets records
 * whose newest changes are still in the WAL: the refusal must neither fold
 * the WAL into heard.db nor delete it, nor leave a -shm behind. */
static void
test_refuse_wal_wrong_key (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(HeardKey) wrong_key = heard_test_key_new (2);
  g_autofree char *copy = copy_with_wal (fixture, make_people_in_wal);
  g_autofree char *shm = g_strconcat (copy, "-shm", NULL);
  g_autoptr(HeardStore) store = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  assert_open_refused (copy, wrong_key, HEARD_SQLITE_STORE_OPEN_NONE,
                       HEARD_SQLITE_STORE_ERROR_WRONG_KEY);
  assert_open_refused (copy, wrong_key, HEARD_SQLITE_STORE_OPEN_CREATE,
                       HEARD_SQLITE_STORE_ERROR_WRONG_KEY);

  /* Without its -shm too, as after a reboot. */
  g_assert_cmpint (g_unlink (shm), ==, 0);
  assert_open_refused (copy, wrong_key, HEARD_SQLITE_STORE_OPEN_NONE,
                       HEARD_SQLITE_STORE_ERROR_WRONG_KEY);

  /* The right key then finds all three, recovered from the WAL. */
  store = heard_test_open_store (copy, fixture->key, HEARD_SQLITE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  people = list_people (store);
  g_assert_cmpuint (people->len, ==, 3);
  heard_test_close_store (&store);
}

/* Whose tables and application id exist only in the WAL: heard.db alone
 * looks like an empty database and cannot tell. */
static void
test_refuse_wal_foreign (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *copy = copy_with_wal (fixture, make_foreign_in_wal);

  assert_open_refused (copy, fixture->key, HEARD_SQLITE_STORE_OPEN_NONE,
                       HEARD_SQLITE_STORE_ERROR_FOREIGN);
  assert_open_refused (copy, fixture->key, HEARD_SQLITE_STORE_OPEN_CREATE,
                       HEARD_SQLITE_STORE_ERROR_FOREIGN);
}

static void
test_refuse_wal_too_new (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *copy = copy_with_wal (fixture, make_too_new_in_wal);

  assert_open_refused (copy, fixture->key, HEARD_SQLITE_STORE_OPEN_NONE,
                       HEARD_SQLITE_STORE_ERROR_TOO_NEW);
}

/* heard.db emptied by a failed copy, its records still in the WAL: SQLite
 * would delete such a WAL on open, so Heard must not open it at all, not
 * even in a first run. */
static void
test_refuse_wal_empty_database (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *copy = copy_with_wal (fixture, make_people_in_wal);

  heard_test_write_file (copy, "", 0);
  assert_open_refused (copy, fixture->key, HEARD_SQLITE_STORE_OPEN_NONE,
                       HEARD_SQLITE_STORE_ERROR_DAMAGED);
  assert_open_refused (copy, fixture->key, HEARD_SQLITE_STORE_OPEN_CREATE,
                       HEARD_SQLITE_STORE_ERROR_DAMAGED);
}

static void
test_input_invalid_utf8 (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(HeardStore) store = create_store (fixture);
  g_autoptr(HeardPerson) person = person_new ("Zo\xc3 \xff\xfe");
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (heard_test_save_person (store, person, &error), ==, 0);
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_assert_cmpint (heard_person_get_id (person), ==, 0);

  people = list_people (store);
  g_assert_cmpuint (people->len, ==, 0);

  heard_test_close_store (&store);
}

static void
test_input_long_name (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(HeardStore) store = create_store (fixture);
  g_autofree char *name = g_strnfill (1024 * 1024, 'n');
  g_autofree char *longest = g_strnfill (HEARD_PERSON_MAX_NAME_CHARS, 'n');
  g_autoptr(HeardPerson) person = person_new (name);
  g_autoptr(HeardPerson) fits = person_new (longest);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (heard_test_save_person (store, person, &error), ==, 0);
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);

  people = list_people (store);
  g_assert_cmpuint (people->len, ==, 0);
  g_clear_pointer (&people, g_ptr_array_unref);

  /* The longest allowed name is kept whole. */
  save_person (store, fits);
  people = list_people (store);
  g_assert_cmpuint (people->len, ==, 1);
  assert_person_equal (g_ptr_array_index (people, 0), fits);

  heard_test_close_store (&store);
}

static char *
make_text (glong n_chars)
{
  /* Emoji (four bytes), Arabic (right to left, two bytes), and plain text. */
  const char *pieces[] = { "Feels safe with her sister 🫶🏽. ", "يحب كرة القدم. ",
                           "Don't ask about \"home\" first.\n" };
  g_autoptr(GString) text = g_string_new (NULL);
  glong length = 0;

  for (guint i = 0; length < n_chars; i++)
    {
      const char *piece = pieces[i % G_N_ELEMENTS (pieces)];
      glong piece_length = g_utf8_strlen (piece, -1);

      if (length + piece_length > n_chars)
        {
          g_string_append_len (text, piece,
                               g_utf8_offset_to_pointer (piece, n_chars - length) - piece);
          length = n_chars;
        }
      else
        {
          g_string_append (text, piece);
          length += piece_length;
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_input_long_text (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(HeardStore) store = create_store (fixture);
  g_autofree char *text = make_text (90000);
  g_autoptr(HeardPerson) person = person_new ("Layla");
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_utf8_strlen (text, -1), ==, 90000);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  heard_person_set_text (person, HEARD_PERSON_WHAT_HELPS, text);
  heard_person_set_text (person, HEARD_PERSON_WHAT_IS_HARD, text);
  save_person (store, person);
  heard_test_close_store (&store);

  store = heard_test_open_store (fixture->path, fixture->key, HEARD_SQLITE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  people = list_people (store);
  g_assert_cmpuint (people->len, ==, 1);
  assert_person_equal (g_ptr_array_index (people, 0), person);

  heard_test_close_store (&store);
}

static void
test_input_too_long_text (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(HeardStore) store = create_store (fixture);
  g_autofree char *text = make_text (200000);
  g_autoptr(HeardPerson) person = person_new ("Layla");
  g_autoptr(HeardPerson) edited = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  heard_person_set_text (person, HEARD_PERSON_WHAT_HELPS, "Short and kept.");
  save_person (store, person);

  /* Too long for a new record ... */
  edited = heard_person_copy (person);
  heard_person_set_id (edited, 0);
  heard_person_set_text (edited, HEARD_PERSON_WHAT_HELPS, text);
  g_assert_cmpint (heard_test_save_person (store, edited, &error), ==, 0);
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* ... and for an edit, which leaves what was saved before. */
  heard_person_set_id (edited, heard_person_get_id (person));
  g_assert_cmpint (heard_test_save_person (store, edited, &error), ==, 0);
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);

  people = list_people (store);
  g_assert_cmpuint (people->len, ==, 1);
  assert_person_equal (g_ptr_array_index (people, 0), person);

  heard_test_close_store (&store);
}

/* What someone sees: the names of the listed people that the search keeps,
 * NULL-terminated. A NULL set from the search means everyone. */
static GPtrArray *
search_visible (HeardStore *store,
                const char *typed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ids = heard_test_search_people (store, typed, &error);
  g_autoptr(GPtrArray) people = list_people (store);
  GPtrArray *visible = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);

  for (guint i = 0; i < people->len; i++)
    {
      HeardPerson *person = g_ptr_array_index (people, i);
      gint64 id = heard_person_get_id (person);

      if (ids == NULL || g_hash_table_contains (ids, &id))
        g_ptr_array_add (visible, g_strdup (heard_person_get_display_name (person)));
    }
  g_ptr_array_add (visible, NULL);

  return visible;
}

static void
assert_search (HeardStore *store,
               const char *typed,
               const char *expected)
{
  g_autoptr(GPtrArray) visible = search_visible (store, typed);
  g_autofree char *joined = g_strjoinv (", ", (char **) visible->pdata);

  g_assert_cmpstr (joined, ==, expected);
}

static HeardStore *
create_search_store (Fixture  *fixture,
                     gint64   *annabel_id)
{
  const char *names[][2] = {
    { "Zoë Clarke", "" },
    { "Annabel Smith", "" },
    { "Elizabeth Turner", "Betty" },
    { "Sam O'Neil", "" },
    { "Mohammed Ali", "Mo" },
  };
  HeardStore *store = create_store (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(HeardPerson) person = person_new (names[i][0]);

      heard_person_set_text (person, HEARD_PERSON_PREFERRED_NAME, names[i][1]);
      save_person (store, person);
      if (i == 1)
        *annabel_id = heard_person_get_id (person);
    }

  return store;
}

static void
test_search_names (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 annabel_id = 0;
  g_autoptr(HeardStore) store = create_search_store (fixture, &annabel_id);
  g_autoptr(HeardPerson) annabel = person_new ("Annabelle Wright");

  /* Accents, case and prefixes do not get in the way. */
  assert_search (store, "zoe", "Zoë Clarke");
  assert_search (store, "ZOË", "Zoë Clarke");
  assert_search (store, "Zoe Cla", "Zoë Clarke");
  assert_search (store, "Ann", "Annabel Smith");
  assert_search (store, "smi", "Annabel Smith");
  assert_search (store, "  ann   SMITH ", "Annabel Smith");
  assert_search (store, "Ann Clarke", "");
  assert_search (store, "o'neil", "Sam O'Neil");
  assert_search (store, "neil", "Sam O'Neil");
  /* The name they prefer finds them too. */
  assert_search (store, "betty", "Elizabeth Turner");
  assert_search (store, "Mo", "Mohammed Ali");
  assert_search (store, "nobody", "");

  /* A new name is found at once, and the old one no longer is. */
  heard_person_set_id (annabel, annabel_id);
  save_person (store, annabel);
  assert_search (store, "smith", "");
  assert_search (store, "wright", "Annabelle Wright");

  heard_test_close_store (&store);
}

static void
test_search_syntax (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *nothing_searchable[] = { "", " ", "\"", "*", "-", "(", ")", "\"\"", "'", "^",
                                       ":", "(*)", "\"*\"", "- - -", "\\" };
  const char *no_error[] = { "OR", "NEAR", "AND", "NOT", "ann OR zoe", "ann NEAR zoe",
                             "NEAR(ann zoe)", "ann AND", "display_name:ann", "ann*zoe",
                             "\"ann", "ann\"", "zo\"e", "ann -smith", "{ann}", "[ann]",
                             "ann^", "'; DROP TABLE person; --", "ann\\\"" };
  gint64 annabel_id = 0;
  g_autoptr(HeardStore) store = create_search_store (fixture, &annabel_id);
  g_autoptr(GPtrArray) people = list_people (store);

  for (guint i = 0; i < G_N_ELEMENTS (nothing_searchable); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GHashTable) ids = heard_test_search_people (store, nothing_searchable[i],
                                                            &error);

      g_assert_no_error (error);
      g_assert_null (ids);
    }

  for (guint i = 0; i < G_N_ELEMENTS (no_error); i++)
    {
      g_autoptr(GPtrArray) visible = search_visible (store, no_error[i]);

      /* Every one is a real search, never "everyone" by accident. */
      g_assert_cmpuint (visible->len - 1, <, people->len);
    }

  /* Search syntax is taken as plain text. */
  assert_search (store, "\"Ann\"", "Annabel Smith");
  assert_search (store, "Ann*", "Annabel Smith");
  assert_search (store, "(zoe)", "Zoë Clarke");
  assert_search (store, "-zoe", "Zoë Clarke");
  assert_search (store, "ann OR zoe", "");
  assert_search (store, "ann -smith", "Annabel Smith");
  assert_search (store, "NEAR", "");

  /* The store still works after all of that. */
  g_clear_pointer (&people, g_ptr_array_unref);
  people = list_people (store);
  g_assert_cmpuint (people->len, ==, 5);

  heard_test_close_store (&store);
}

static void
test_search_removed (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 annabel_id = 0;
  g_autoptr(HeardStore) store = create_search_store (fixture, &annabel_id);

  /* Someone removed does not turn up in a search ... */
  set_removed (store, annabel_id, TRUE);
  assert_search (store, "ann", "");
  assert_search (store, "", "Elizabeth Turner, Mohammed Ali, Sam O'Neil, Zoë Clarke");

  /* ... and is found by name again once restored. */
  set_removed (store, annabel_id, FALSE);
  assert_search (store, "ann", "Annabel Smith");
  assert_search (store, "smith", "Annabel Smith");

  heard_test_close_store (&store);
}

static void
test_search_build_match (void)
{
  const struct
  {
    const char *typed;
    const char *match;
  } cases[] = {
    { NULL, NULL },
    { "", NULL },
    { "   \t\n", NULL },
    { "\"*()-:^'", NULL },
    { "\xff\xfe", NULL },
    { "Ann", "\"ann*\"" },
    { "  Ann   Smith ", "\"ann*\" \"smith*\"" },
    { "Zoë", "\"zoë*\"" },
    { "O'Neil", "\"o*\" \"neil*\"" },
    { "OR", "\"or*\"" },
    { "ann OR zoe", "\"ann*\" \"or*\" \"zoe*\"" },
    { "NEAR(ann", "\"near*\" \"ann*\"" },
    { "\"ann\"", "\"ann*\"" },
    { "-smith*", "\"smith*\"" },
    { "display_name:ann", "\"display*\" \"name*\" \"ann*\"" },
    { "2009", "\"2009*\"" },
    { "محمد", "\"محمد*\"" },
    { "ÉLODIE", "\"élodie*\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *match = heard_search_build_match (cases[i].typed);

      g_assert_cmpstr (match, ==, cases[i].match);
    }
}

static void
add_test (const char *path,
          void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  heard_test_init (&argc, &argv);

  add_test ("/store/people/round-trip", test_people_round_trip);
  add_test ("/store/people/order", test_people_order);
  add_test ("/store/people/update-missing", test_people_update_missing);
  add_test ("/store/open/not-open", test_store_not_open);
  add_test ("/store/open/reopen", test_open_reopen);
  add_test ("/store/open/empty-file", test_open_empty_file);
  add_test ("/store/open/wrong-key", test_open_wrong_key);
  add_test ("/store/open/too-new", test_open_too_new);
  add_test ("/store/open/missing", test_open_missing);
  add_test ("/store/read-only/writes-nothing", test_read_only_writes_nothing);
  add_test ("/store/audit/export-entry", test_export_entry);
  add_test ("/store/read-only/beside-writer", test_read_only_beside_writer);
  add_test ("/store/read-only/too-old", test_read_only_too_old);
  add_test ("/store/file/no-plaintext", test_file_no_plaintext);
  add_test ("/store/file/permissions", test_file_permissions);
  add_test ("/store/refuse/not-encrypted", test_refuse_not_encrypted);
  add_test ("/store/refuse/foreign", test_refuse_foreign);
  add_test ("/store/refuse/random-bytes", test_refuse_random_bytes);
  add_test ("/store/refuse/truncated", test_refuse_truncated);
  add_test ("/store/refuse/wal/wrong-key", test_refuse_wal_wrong_key);
  add_test ("/store/refuse/wal/foreign", test_refuse_wal_foreign);
  add_test ("/store/refuse/wal/too-new", test_refuse_wal_too_new);
  add_test ("/store/refuse/wal/empty-database", test_refuse_wal_empty_database);
  add_test ("/store/close/checkpoints", test_close_checkpoints);
  add_test ("/store/input/invalid-utf8", test_input_invalid_utf8);
  add_test ("/store/input/long-name", test_input_long_name);
  add_test ("/store/input/long-text", test_input_long_text);
  add_test ("/store/input/too-long-text", test_input_too_long_text);
  add_test ("/store/search/names", test_search_names);
  add_test ("/store/search/syntax", test_search_syntax);
  add_test ("/store/search/removed", test_search_removed);
  g_test_add_func ("/store/search/build-match", test_search_build_match);

  return g_test_run ();
}

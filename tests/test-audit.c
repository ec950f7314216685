/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-audit"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "heard-audit.h"
#include "heard-context.h"
#include "heard-recovery-code.h"
#include "heard-secure.h"
#include "heard-keyring.h"
#include "heard-test-keyring.h"
#include "heard-test-utils.h"

/*
 * An audit trail that cannot be quietly cut short, as a team lead relies on
 * it: the newest entry is anchored outside the records file (beside the key
 * in the real keyring of build-aux/test-session, or in heard.ini under a MAC
 * in passphrase mode), so removing the newest entries, or all of them, is
 * found at the next start.
 *
 * What a problem blocks: writing. Every save is refused with a clear error
 * until someone with the recovery code has seen the problem and
 * acknowledged it, which is itself written in the trail and anchors it
 * again. What it never does: hide or delete records. The young people are
 * still listed and can be read while writing is held.
 */

#define PASSPHRASE "a kettle of tea for the night shift"
#define INFO_GROUP "database"

typedef struct
{
  HeardTestRecords records;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  heard_test_records_init (&fixture->records);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  heard_test_records_clear (&fixture->records);
}

/* Driving the context */

static HeardContext *
start (Fixture *fixture)
{
  return heard_test_start_context (fixture->records.data_dir, HEARD_LOCK_STATE_OPEN);
}

static HeardContext *
unlock_with_passphrase (Fixture *fixture)
{
  HeardContext *context = heard_context_new (fixture->records.data_dir);
  g_autoptr(GAsyncResult) result = NULL;

  heard_context_start_async (context, NULL, heard_test_store_result_cb, &result);
  g_assert_cmpint (heard_test_unlock_state (context, &result), ==,
                   HEARD_LOCK_STATE_NEEDS_PASSPHRASE);
  heard_context_unlock_with_passphrase_async (context, PASSPHRASE, NULL,
                                              heard_test_store_result_cb, &result);
  g_assert_cmpint (heard_test_unlock_state (context, &result), ==, HEARD_LOCK_STATE_OPEN);

  return context;
}

static gboolean
acknowledge (HeardContext  *context,
             const char    *code,
             GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_context_acknowledge_audit_problem_async (context, code, NULL,
                                                 heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  return heard_context_acknowledge_audit_problem_finish (context, result, error);
}

/* "Check Now" in Preferences. */
static GError *
check_now (HeardContext *context)
{
  g_autoptr(GAsyncResult) result = NULL;
  GError *error = NULL;

  heard_context_verify_audit_async (context, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  heard_context_verify_audit_finish (context, result, NULL, &error);

  return error;
}

static guint
n_people (HeardContext *context)
{
  return g_list_model_get_n_items (heard_context_get_people (context));
}

/* Records with three young people, anchored as on quit. Returns the code. */
static char *
set_up_records (Fixture  *fixture,
                gboolean  passphrase)
{
  g_autoptr(HeardContext) context = heard_context_new (fixture->records.data_dir);
  g_autoptr(GAsyncResult) result = NULL;
  char *code;

  if (passphrase)
    heard_context_create_with_passphrase_async (context, PASSPHRASE, NULL,
                                                heard_test_store_result_cb, &result);
  else
    heard_context_start_async (context, NULL, heard_test_store_result_cb, &result);
  g_assert_cmpint (heard_test_unlock_state (context, &result), ==,
                   HEARD_LOCK_STATE_SHOW_RECOVERY_CODE);
  code = heard_context_dup_recovery_code (context);
  heard_context_confirm_recovery_code_kept_async (context, NULL, heard_test_store_result_cb,
                                                  &result);
  g_assert_cmpint (heard_test_unlock_state (context, &result), ==, HEARD_LOCK_STATE_OPEN);

  heard_test_context_add_person (context, "Amara Okafor");
  heard_test_context_add_person (context, "Bea Lindqvist");
  heard_test_context_add_person (context, "Chidi Eze");
  heard_test_save_anchor (context);
  heard_test_close_context (&context);

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

/* Deletes audit entries behind Heard's back, triggers and all. */
static void
remove_entries (Fixture    *fixture,
                const char *code,
                const char *where)
{
  g_autoptr(HeardKey) key = key_of (code);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM audit WHERE %s", where);
  sqlite3 *db = heard_test_raw_open (fixture->records.db_path, key);

  heard_test_exec_behind_trigger (db, "audit_no_delete", sql);
  sqlite3_close (db);
}

/* The start after the cut finds it, names it, holds writing and shows
 * every record; the recovery code lifts the hold. */
static void
assert_found_and_acknowledged (HeardContext *context,
                               const char   *code,
                               const char   *expected)
{
  g_autoptr(HeardPerson) refused = heard_test_person_new ("Dana Rossi");
  g_autoptr(GError) error = NULL;
  const char *problem = heard_context_get_audit_problem (context);

  g_assert_nonnull (problem);
  g_test_message ("found: %s", problem);
  g_assert_nonnull (strstr (problem, expected));
  g_assert_cmpuint (n_people (context), ==, 3);

  g_assert_cmpint (heard_test_context_save_person (context, refused, &error), ==, 0);
  g_assert_error (error, HEARD_AUDIT_ERROR, HEARD_AUDIT_ERROR_ON_HOLD);
  g_clear_error (&error);

  error = check_now (context);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, expected));
  g_clear_error (&error);

  /* Only the recovery code of these records will do. */
  g_assert_false (acknowledge (context, "not a code", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_nonnull (heard_context_get_audit_problem (context));

  g_assert_true (acknowledge (context, code, &error));
  g_assert_no_error (error);
  g_assert_null (heard_context_get_audit_problem (context));
  heard_test_context_add_person (context, "Dana Rossi");
  g_assert_null (check_now (context));
}

static void
test_newest_removed (Fixture       *fixture,
                     gconstpointer  data)
{
  gboolean passphrase = GPOINTER_TO_INT (data);
  g_autoptr(HeardSecretString) code = set_up_records (fixture, passphrase);
  g_autoptr(HeardContext) context = NULL;

  remove_entries (fixture, code, "id > (SELECT max (id) - 2 FROM audit)");

  context = passphrase ? unlock_with_passphrase (fixture) : start (fixture);
  assert_found_and_acknowledged (context, code, "The newest 2 entries of the record of changes "
                                                "are missing");
  heard_test_close_context (&context);

  /* Acknowledged and anchored again: the next start is clean. */
  context = passphrase ? unlock_with_passphrase (fixture) : start (fixture);
  g_assert_null (heard_context_get_audit_problem (context));
  g_assert_cmpuint (n_people (context), ==, 4);
  heard_test_context_add_person (context, "Eli Novak");
  heard_test_close_context (&context);
}

static void
test_all_removed (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(HeardSecretString) code = set_up_records (fixture, FALSE);
  g_autoptr(HeardContext) context = NULL;

  remove_entries (fixture, code, "1");

  context = start (fixture);
  assert_found_and_acknowledged (context, code, "Every entry of the record of changes");
  heard_test_close_context (&context);
}

/* A write asked for the moment the young people are listed. The list is
 * read before the trail is checked, so that it shows at once; the write
 * must still wait behind the check and be refused when it finds a cut. */
typedef struct
{
  gboolean      asked;
  guint         listed;
  gboolean      problem_known;
  GAsyncResult *saved;
} EarlyWrite;

static void
listed_cb (HeardContext *context,
           GParamSpec   *pspec,
           EarlyWrite   *early)
{
  g_autoptr(HeardPerson) person = NULL;

  if (early->asked || heard_context_get_lock_state (context) != HEARD_LOCK_STATE_OPEN)
    return;

  early->asked = TRUE;
  early->listed = n_people (context);
  early->problem_known = heard_context_get_audit_problem (context) != NULL;
  person = heard_person_new ();
  heard_person_set_text (person, HEARD_PERSON_DISPLAY_NAME, "Dana Rossi");
  heard_context_save_person_async (context, person, NULL, heard_test_store_result_cb,
                                   &early->saved);
}

static void
test_write_as_listed (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(HeardSecretString) code = set_up_records (fixture, FALSE);
  g_autoptr(HeardKey) key = key_of (code);
  g_autoptr(HeardContext) context = heard_context_new (fixture->records.data_dir);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeardPerson) saved = NULL;
  g_autoptr(GError) error = NULL;
  EarlyWrite early = { 0 };
  sqlite3 *db;
  gint64 n_entries;

  remove_entries (fixture, code, "id > (SELECT max (id) - 2 FROM audit)");
  db = heard_test_raw_open (fixture->records.db_path, key);
  n_entries = heard_test_raw_count (db, "SELECT count (*) FROM audit");
  sqlite3_close (db);

  g_signal_connect (context, "notify::lock-state", G_CALLBACK (listed_cb), &early);
  heard_context_start_async (context, NULL, heard_test_store_result_cb, &result);
  g_assert_cmpint (heard_test_unlock_state (context, &result), ==, HEARD_LOCK_STATE_OPEN);
  g_signal_handlers_disconnect_by_func (context, listed_cb, &early);

  /* Asked with everyone shown, before the check's result was known. */
  g_assert_true (early.asked);
  g_assert_cmpuint (early.listed, ==, 3);
  g_assert_false (early.problem_known);

  heard_test_wait (&early.saved);
  saved = heard_context_save_person_finish (context, early.saved, &error);
  g_clear_object (&early.saved);
  g_assert_null (saved);
  g_assert_error (error, HEARD_AUDIT_ERROR, HEARD_AUDIT_ERROR_ON_HOLD);
  g_assert_nonnull (strstr (heard_context_get_audit_problem (context),
                            "The newest 2 entries of the record of changes are missing"));
  g_assert_cmpuint (n_people (context), ==, 3);
  heard_test_close_context (&context);

  /* Nothing landed in the file either. */
  db = heard_test_raw_open (fixture->records.db_path, key);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM person"), ==, 3);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM audit"), ==, n_entries);
  sqlite3_close (db);
}

/* In passphrase mode the anchor lives in heard.ini under a MAC keyed from
 * the database key: rewriting the note to fit an older file is found. */
static void
test_ini_note_tampered (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(HeardSecretString) code = set_up_records (fixture, TRUE);
  g_autoptr(HeardContext) context = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardAuditAnchor) anchor = NULL;
  g_autofree char *text = NULL;
  g_autofree char *older = NULL;

  g_assert_true (g_key_file_load_from_file (info, fixture->records.info_path, G_KEY_FILE_NONE,
                                            &error));
  text = g_key_file_get_string (info, INFO_GROUP, "audit-anchor", &error);
  g_assert_no_error (error);
  anchor = heard_audit_anchor_new_from_string (text);
  g_assert_nonnull (anchor);
  g_assert_cmpint (anchor->entry, ==, 3);

  /* Someone cuts the trail and moves the note back to match. */
  remove_entries (fixture, code, "id > 2");
  {
    g_autoptr(HeardKey) key = key_of (code);
    sqlite3 *db = heard_test_raw_open (fixture->records.db_path, key);
    sqlite3_stmt *statement = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT hash FROM audit WHERE id = 2", -1,
                                         &statement, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_bytes (statement, 0), ==, sizeof anchor->mac);
    memcpy (anchor->mac, sqlite3_column_blob (statement, 0), sizeof anchor->mac);
    sqlite3_finalize (statement);
    sqlite3_close (db);
  }
  anchor->entry = 2;
  older = heard_audit_anchor_to_string (anchor);
  g_key_file_set_string (info, INFO_GROUP, "audit-anchor", older);
  g_assert_true (g_key_file_save_to_file (info, fixture->records.info_path, &error));

  context = unlock_with_passphrase (fixture);
  assert_found_and_acknowledged (context, code, "was altered outside Heard");
  heard_test_close_context (&context);
}

/* The keyring's note and the newest entries removed together: heard.ini's
 * signed note still finds the cut, and removing that note alone is found
 * by the keyring's. */
static char *
read_info_uuid (Fixture *fixture)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  char *uuid;

  g_assert_true (g_key_file_load_from_file (info, fixture->records.info_path, G_KEY_FILE_NONE,
                                            &error));
  uuid = g_key_file_get_string (info, INFO_GROUP, "uuid", &error);
  g_assert_no_error (error);

  return uuid;
}

static void
remove_keyring_anchor (const char *uuid)
{
  g_autoptr(GError) error = NULL;
  static const SecretSchema anchor_schema = {
    "io.github.heardapp.Heard.AuditAnchor", SECRET_SCHEMA_NONE,
    { { "db-uuid", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "item", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 } },
  };

  g_assert_true (secret_password_clear_sync (&anchor_schema, NULL, &error, "db-uuid", uuid,
                                             "item", "audit-anchor", NULL));
  g_assert_no_error (error);
}

static void
remove_info_anchor (Fixture *fixture)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_key_file_load_from_file (info, fixture->records.info_path, G_KEY_FILE_NONE,
                                            &error));
  g_assert_true (g_key_file_remove_key (info, INFO_GROUP, "audit-anchor", &error));
  g_assert_true (g_key_file_remove_key (info, INFO_GROUP, "audit-anchor-mac", &error));
  g_assert_true (g_key_file_save_to_file (info, fixture->records.info_path, &error));
}

static void
test_one_note_removed (Fixture       *fixture,
                       gconstpointer  data)
{
  gboolean keyring_note = GPOINTER_TO_INT (data);
  g_autoptr(HeardSecretString) code = set_up_records (fixture, FALSE);
  g_autofree char *uuid = read_info_uuid (fixture);
  g_autoptr(HeardContext) context = NULL;

  remove_entries (fixture, code, "id > (SELECT max (id) - 2 FROM audit)");
  if (keyring_note)
    remove_keyring_anchor (uuid);
  else
    remove_info_anchor (fixture);

  context = start (fixture);
  assert_found_and_acknowledged (context, code, "The newest 2 entries of the record of changes "
                                                "are missing");
  heard_test_close_context (&context);
}

int
main (int   argc,
      char *argv[])
{
  heard_test_init (&argc, &argv);

  if (!heard_test_in_keyring_session ())
    {
      g_test_skip ("needs build-aux/test-session");
      return g_test_run ();
    }

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/audit/anchor/newest-removed", test_newest_removed, GINT_TO_POINTER (FALSE));
  ADD ("/audit/anchor/all-removed", test_all_removed, NULL);
  ADD ("/audit/anchor/write-as-listed", test_write_as_listed, NULL);
  ADD ("/audit/anchor/passphrase-newest-removed", test_newest_removed, GINT_TO_POINTER (TRUE));
  ADD ("/audit/anchor/passphrase-note-tampered", test_ini_note_tampered, NULL);
  ADD ("/audit/anchor/keyring-note-removed-too", test_one_note_removed, GINT_TO_POINTER (TRUE));
  ADD ("/audit/anchor/ini-note-removed-too", test_one_note_removed, GINT_TO_POINTER (FALSE));

  return g_test_run ();
}

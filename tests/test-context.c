/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-context"

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "heard-case-file.h"
#include "heard-caseload-model.h"
#include "heard-context-private.h"
#include "heard-context.h"
#include "heard-keyring.h"
#include "heard-recovery-code.h"
#include "heard-secure.h"
#include "heard-sqlite-store.h"
#include "heard-store-staff.h"
#include "heard-test-keyring.h"
#include "heard-test-utils.h"

/*
 * The way from "just started" to "records open", as a caseworker meets it:
 * through the real keyring of build-aux/test-session, a recovery code, or a
 * passphrase where there is no keyring at all. Above everything, an existing
 * records file must never end up under a new key, and a refused attempt must
 * leave the file exactly as it was.
 *
 * With HEARD_TEST_NO_KEYRING set (and the session bus pointed at nothing)
 * only the cases for a computer without a Secret Service are registered.
 */

#define DATABASE_FILE "heard.db"
#define INFO_FILE     "heard.ini"
#define INFO_GROUP    "database"
#define WAL_FILE      "heard.db-wal"
#define JOURNAL_FILE  "heard.db-journal"
#define LOCK_FILE     "heard.lock"

#define PERSON_NAME   "Amara Okafor"
#define LATER_NAME    "Kai Morgan"
#define PASSPHRASE    "a kettle of tea for the night shift"

/* How long the keyring may take to take back a key restored from a code. */
#define KEYRING_WAIT_USEC (20 * G_USEC_PER_SEC)

/* How often two first runs race for one empty folder. */
#define N_RACES 30

typedef struct
{
  /* The records folder is not there yet: Heard makes its own. */
  HeardTestRecords  records;
  /* Keyring entries this test made, removed at the end. */
  GPtrArray        *uuids;
} Fixture;

/* What a refused or failed attempt must leave exactly as it was. */
typedef struct
{
  char  *folder;
  guint  n_heard_keys;
} Snapshot;

typedef enum
{
  STEP_START,
  STEP_UNLOCK_KEYRING,
  STEP_RECOVERY_CODE,
  STEP_PASSPHRASE,
  STEP_CREATE_WITH_PASSPHRASE,
  STEP_CONFIRM_CODE_KEPT,
} Step;

typedef enum
{
  LOSE_KEYRING_ENTRY,
  LOSE_INFO_FILE,
} Loss;

typedef enum
{
  DAMAGE_OVERWRITE_MIDDLE,
  DAMAGE_TRUNCATE_AT_PAGE,
  DAMAGE_TRUNCATE_ODD,
} Damage;

/* What each file of the records can be found as, for the table of folders. */
typedef enum
{
  FILE_MISSING,
  FILE_EMPTY,
  FILE_FULL,
  N_FILE_STATES
} FileState;

typedef enum
{
  NOTE_MISSING,
  NOTE_EMPTY,
  NOTE_VALID,
  NOTE_MALFORMED,
  N_NOTE_STATES
} NoteState;

/* Ways heard.ini can be damaged, each once leading to a hang or a guess. */
typedef enum
{
  BAD_NOTE_EMPTY_FILE,
  BAD_NOTE_EMPTY_UUID,
  BAD_NOTE_MALFORMED_UUID,
  BAD_NOTE_INVALID_UTF8,
  BAD_NOTE_GARBAGE,
  BAD_NOTE_MALFORMED_SALT,
  BAD_NOTE_UNKNOWN_PROTECTION,
  BAD_NOTE_MALFORMED_BOOLEAN,
} BadNote;

static gboolean keyring_available;

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  heard_test_records_init (&fixture->records);
  fixture->uuids = g_ptr_array_new_with_free_func (g_free);
}

static gboolean
clear_keyring_entry (const char  *uuid,
                     GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_keyring_clear_async (uuid, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);

  return heard_keyring_clear_finish (result, error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < fixture->uuids->len; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (clear_keyring_entry (g_ptr_array_index (fixture->uuids, i), &error));
      g_assert_no_error (error);
    }

  heard_test_records_clear (&fixture->records);
  g_ptr_array_unref (fixture->uuids);
}

/* Looking at the files */

/* Records only their owner can reach: files 0600 in a 0700 folder. */
static void
assert_private (Fixture *fixture)
{
  const char *paths[] = { fixture->records.data_dir, fixture->records.db_path,
                          fixture->records.info_path };
  const guint modes[] = { 0700, 0600, 0600 };

  for (gsize i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      GStatBuf info;

      g_assert_cmpint (g_stat (paths[i], &info), ==, 0);
      g_assert_cmpuint (info.st_mode & 07777, ==, modes[i]);
    }
}

static char *
read_uuid_at (const char *info_path)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  char *uuid;

  g_key_file_load_from_file (key_file, info_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  uuid = g_key_file_get_string (key_file, INFO_GROUP, "uuid", &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (uuid));

  return uuid;
}

static char *
read_info_uuid (Fixture *fixture)
{
  return read_uuid_at (fixture->records.info_path);
}

/* Remembers the database's keyring entry for removal at the end. */
static const char *
note_uuid (Fixture *fixture)
{
  g_autofree char *uuid = read_info_uuid (fixture);
  guint index;

  if (!g_ptr_array_find_with_equal_func (fixture->uuids, uuid, g_str_equal, &index))
    {
      index = fixture->uuids->len;
      g_ptr_array_add (fixture->uuids, g_steal_pointer (&uuid));
    }

  return g_ptr_array_index (fixture->uuids, index);
}

static void
snapshot_take (Snapshot   *snapshot,
               Fixture    *fixture)
{
  snapshot->folder = heard_test_describe_folder (fixture->records.data_dir);
  snapshot->n_heard_keys = keyring_available ? heard_test_keyring_count (NULL) : 0;
}

static void
snapshot_clear (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->folder, g_free);
}

/* Not a byte of the records or of the note of their key, no new file and
 * no new key anywhere in the keyring. */
static void
snapshot_assert_unchanged (Snapshot *snapshot,
                           Fixture  *fixture)
{
  Snapshot now = { 0, };

  snapshot_take (&now, fixture);
  g_assert_cmpstr (now.folder, ==, snapshot->folder);
  g_assert_cmpuint (now.n_heard_keys, ==, snapshot->n_heard_keys);
  snapshot_clear (&now);
}

/* The folder as heard_test_describe_folder() gives it, less heard.lock,
 * which start-up may make: it is no part of the records. */
static char *
describe_records (const char *path)
{
  g_autofree char *all = heard_test_describe_folder (path);
  g_auto(GStrv) lines = g_strsplit (all, "\n", -1);
  GString *records = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && !g_str_has_prefix (lines[i], LOCK_FILE " "))
      g_string_append_printf (records, "%s\n", lines[i]);

  return g_string_free (records, FALSE);
}

/* heard.lock is private and holds nothing. */
static void
assert_lock_file_private (const char *data_dir)
{
  g_autofree char *path = g_build_filename (data_dir, LOCK_FILE, NULL);
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpuint (info.st_mode & 07777, ==, 0600);
  g_assert_cmpint (info.st_size, ==, 0);
}

static GBytes *
load_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);

  return bytes;
}

/* Driving the context */

static HeardLockState
run_step (HeardContext  *context,
          Step           step,
          const char    *text,
          GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncReadyCallback callback = heard_test_store_result_cb;
  HeardLockState state;

  switch (step)
    {
    case STEP_START:
      heard_context_start_async (context, NULL, callback, &result);
      break;

    case STEP_UNLOCK_KEYRING:
      heard_context_unlock_keyring_async (context, NULL, callback, &result);
      break;

    case STEP_RECOVERY_CODE:
      heard_context_unlock_with_recovery_code_async (context, text, NULL, callback, &result);
      break;

    case STEP_PASSPHRASE:
      heard_context_unlock_with_passphrase_async (context, text, NULL, callback, &result);
      break;

    case STEP_CREATE_WITH_PASSPHRASE:
      heard_context_create_with_passphrase_async (context, text, NULL, callback, &result);
      break;

    case STEP_CONFIRM_CODE_KEPT:
      heard_context_confirm_recovery_code_kept_async (context, NULL, callback, &result);
      break;

    default:
      g_assert_not_reached ();
    }

  heard_test_wait (&result);
  state = heard_test_unlock_finish (context, result, error);

  /* The window shows the context's state: it must be the one reported. */
  g_assert_cmpint (state, ==, heard_context_get_lock_state (context));

  return state;
}

/* A step that moves on to @expected; a state that asks the person for
 * something comes with an explanation. */
static void
expect_state (HeardContext   *context,
              Step            step,
              const char     *text,
              HeardLockState  expected)
{
  g_autoptr(GError) error = NULL;
  HeardLockState state = run_step (context, step, text, &error);
  const char *message = heard_context_get_lock_message (context);

  g_assert_no_error (error);
  g_assert_cmpint (state, ==, expected);

  if (state == HEARD_LOCK_STATE_OPEN || state == HEARD_LOCK_STATE_SHOW_RECOVERY_CODE)
    {
      g_assert_null (message);
      g_assert_nonnull (_heard_context_get_store (context));
      g_assert_true (heard_store_is_open (_heard_context_get_store (context)));
    }
  else if (state == HEARD_LOCK_STATE_KEYRING_LOCKED && step == STEP_START)
    {
      /* The locked-keyring page says it all; no second line repeats it. */
      g_assert_null (message);
    }
  else if (state != HEARD_LOCK_STATE_NEEDS_PASSPHRASE)
    {
      g_assert_nonnull (message);
      g_assert_cmpstr (message, !=, "");
      g_test_message ("state %d says: %s", state, message);
    }
}

/* A step that is refused with @domain/@code and leaves the state alone. */
static void
expect_refusal (HeardContext *context,
                Step          step,
                const char   *text,
                GQuark        domain,
                int           code)
{
  g_autoptr(GError) error = NULL;
  HeardLockState before = heard_context_get_lock_state (context);
  HeardLockState state = run_step (context, step, text, &error);

  g_assert_error (error, domain, code);
  g_assert_cmpstr (error->message, !=, "");
  g_test_message ("refused: %s", error->message);
  g_assert_cmpint (state, ==, before);
  g_assert_null (_heard_context_get_store (context));
}

static HeardContext *
start_context (Fixture        *fixture,
               HeardLockState  expected)
{
  HeardContext *context = heard_context_new (fixture->records.data_dir);

  expect_state (context, STEP_START, NULL, expected);

  return context;
}

static void
save_person (HeardContext *context,
             const char   *name,
             gsize         extra_text)
{
  g_autoptr(HeardPerson) person = heard_test_person_new (name);
  g_autoptr(GError) error = NULL;
  g_autofree char *helps = g_strnfill (extra_text, 'k');

  if (extra_text > 0)
    heard_person_set_text (person, HEARD_PERSON_WHAT_HELPS, helps);

  g_assert_cmpint (heard_test_context_save_person (context, person, &error), >, 0);
  g_assert_no_error (error);
}

/* The names in the sidebar's list, joined by "; ". */
static char *
people_names (HeardContext *context)
{
  GListModel *people = heard_context_get_people (context);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(HeardPerson) person = g_list_model_get_item (people, i);

      g_string_append_printf (names, "%s%s", i > 0 ? "; " : "",
                              heard_person_get_display_name (person));
    }

  return g_string_free (names, FALSE);
}

static void
assert_people (HeardContext *context,
               const char   *expected)
{
  g_autofree char *names = people_names (context);

  g_assert_cmpstr (names, ==, expected);
}

static HeardKey *
parse_code (const char *code)
{
  g_autoptr(GError) error = NULL;
  HeardKey *key = heard_recovery_code_parse (code, &error);

  g_assert_no_error (error);
  g_assert_nonnull (key);

  return key;
}

/* Looking in the keyring */

/* The key in the one keyring item for @uuid, read straight from the item
 * as any other program would. */
static HeardKey *
keyring_item_key (const char *uuid)
{
  GList *items = heard_test_keyring_search_all (uuid);
  g_autoptr(GError) error = NULL;
  SecretValue *value;
  HeardKey *key;

  g_assert_cmpuint (g_list_length (items), ==, 1);
  g_assert_false (secret_item_get_locked (items->data));
  g_assert_true (secret_item_load_secret_sync (items->data, NULL, &error));
  g_assert_no_error (error);
  value = secret_item_get_secret (items->data);
  g_assert_nonnull (value);

  key = heard_key_new_from_hex (secret_value_get_text (value), &error);
  g_assert_no_error (error);

  secret_value_unref (value);
  g_list_free_full (items, g_object_unref);

  return key;
}

/* A key restored from a recovery code goes back to the keyring in the
 * background, so give it a moment. */
static void
wait_for_keyring_entry (const char *uuid)
{
  gint64 deadline = g_get_monotonic_time () + KEYRING_WAIT_USEC;

  while (heard_test_keyring_count (uuid) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10000);
    }
}

/* Ends a first run the way a caseworker does: the recovery code kept, one
 * person added, Heard closed. Returns the code. */
static char *
keep_code_and_close (HeardContext *context,
                     gsize         extra_text)
{
  char *code = heard_context_dup_recovery_code (context);

  g_assert_nonnull (code);
  expect_state (context, STEP_CONFIRM_CODE_KEPT, NULL, HEARD_LOCK_STATE_OPEN);
  save_person (context, PERSON_NAME, extra_text);
  heard_test_close_context (&context);

  return code;
}

/* Records as a first run with the keyring leaves them. */
static char *
set_up_records (Fixture *fixture,
                gsize    extra_text)
{
  HeardContext *context = start_context (fixture, HEARD_LOCK_STATE_SHOW_RECOVERY_CODE);

  note_uuid (fixture);

  return keep_code_and_close (context, extra_text);
}

/* Records as a first run leaves them, open, for a test that needs no
 * recovery code. */
static HeardContext *
start_on_new_records (Fixture *fixture)
{
  heard_secure_free_string (set_up_records (fixture, 0));
  return start_context (fixture, HEARD_LOCK_STATE_OPEN);
}

/* Keyring cases */

static void
test_first_run (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(HeardContext) context = NULL;
  g_autoptr(HeardContext) again = NULL;
  g_autoptr(HeardSecretString) code = NULL;
  g_autoptr(HeardKey) code_key = NULL;
  g_autoptr(HeardKey) stored_key = NULL;
  guint n_heard_keys = heard_test_keyring_count (NULL);
  const char *uuid;

  /* A folder someone made by hand, readable by others: Heard closes it. */
  g_assert_cmpint (g_mkdir (fixture->records.data_dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (fixture->records.data_dir, 0755), ==, 0);

  context = start_context (fixture, HEARD_LOCK_STATE_SHOW_RECOVERY_CODE);
  code = heard_context_dup_recovery_code (context);
  g_assert_nonnull (code);
  g_assert_cmpuint (strlen (code), ==,
                    HEARD_RECOVERY_CODE_CHARS + HEARD_RECOVERY_CODE_GROUPS - 1);

  /* The code shown is the key the keyring holds for this very database. */
  uuid = note_uuid (fixture);
  code_key = parse_code (code);
  stored_key = keyring_item_key (uuid);
  g_assert_true (heard_key_equal (stored_key, code_key));
  g_assert_cmpuint (heard_test_keyring_count (uuid), ==, 1);

  g_assert_true (g_file_test (fixture->records.db_path, G_FILE_TEST_IS_REGULAR));
  assert_private (fixture);

  assert_people (context, "");
  expect_state (context, STEP_CONFIRM_CODE_KEPT, NULL, HEARD_LOCK_STATE_OPEN);
  save_person (context, PERSON_NAME, 0);
  assert_people (context, PERSON_NAME);
  heard_test_close_context (&context);

  /* The next start opens without asking anything. */
  again = start_context (fixture, HEARD_LOCK_STATE_OPEN);
  assert_people (again, PERSON_NAME);
  g_assert_cmpuint (heard_test_keyring_count (uuid), ==, 1);
  g_assert_cmpuint (heard_test_keyring_count (NULL), ==, n_heard_keys + 1);
  heard_test_close_context (&again);
}

/* Loses what opens the records silently, as a new computer, a reset
 * keyring or a tidied-up folder would. */
static void
lose (Fixture *fixture,
      Loss     loss)
{
  g_autofree char *uuid = read_info_uuid (fixture);
  g_autoptr(GError) error = NULL;

  if (loss == LOSE_INFO_FILE)
    {
      g_assert_cmpint (g_unlink (fixture->records.info_path), ==, 0);
      return;
    }

  g_assert_true (clear_keyring_entry (uuid, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (heard_test_keyring_count (uuid), ==, 0);
}

static void
test_no_new_key (Fixture       *fixture,
                 gconstpointer  data)
{
  Loss loss = GPOINTER_TO_INT (data);
  g_autoptr(HeardSecretString) code G_GNUC_UNUSED = set_up_records (fixture, 0);
  g_autoptr(HeardContext) context = NULL;
  Snapshot before = { 0, };

  lose (fixture, loss);
  snapshot_take (&before, fixture);

  /* The key is out of reach, the records are not: ask for the code. That
   * is not a first run: no new key, no new note, no new file. (The snapshot
   * holds heard.ini's bytes, so its uuid too, and every key in the keyring.) */
  context = start_context (fixture, HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE);
  g_assert_null (heard_context_dup_recovery_code (context));
  g_assert_null (_heard_context_get_store (context));
  assert_people (context, "");
  snapshot_assert_unchanged (&before, fixture);
  g_assert_cmpint (g_file_test (fixture->records.info_path, G_FILE_TEST_EXISTS), ==,
                   loss != LOSE_INFO_FILE);

  /* Nor on the next start. */
  expect_state (context, STEP_START, NULL, HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE);
  snapshot_assert_unchanged (&before, fixture);

  heard_test_close_context (&context);
  snapshot_clear (&before);
}

/* The records file goes missing, or is emptied, after Heard made it: a
 * backup being restored, a sync tool holding it. Heard must not start over
 * with a new key and a new note over the old ones, in either case. */
static void
test_records_file_gone (Fixture       *fixture,
                        gconstpointer  data)
{
  gboolean emptied = GPOINTER_TO_INT (data);
  g_autoptr(HeardSecretString) code G_GNUC_UNUSED = set_up_records (fixture, 0);
  g_autoptr(HeardContext) context = NULL;
  g_autofree char *moved_path = g_strconcat (fixture->records.root, "/moved.db", NULL);
  Snapshot before = { 0, };

  g_assert_cmpint (g_rename (fixture->records.db_path, moved_path), ==, 0);
  if (emptied)
    g_assert_true (g_file_set_contents (fixture->records.db_path, "", 0, NULL));
  snapshot_take (&before, fixture);

  context = start_context (fixture, HEARD_LOCK_STATE_FAILED);
  g_assert_nonnull (heard_context_get_lock_message (context));
  g_assert_null (_heard_context_get_store (context));
  snapshot_assert_unchanged (&before, fixture);

  /* Put back, the same records open as before, silently. */
  g_assert_cmpint (g_rename (moved_path, fixture->records.db_path), ==, 0);
  expect_state (context, STEP_START, NULL, HEARD_LOCK_STATE_OPEN);
  assert_people (context, PERSON_NAME);

  heard_test_close_context (&context);
  snapshot_clear (&before);
}

/* A save whose window closes while it is under way still lands, and the
 * shared list shows it: nothing saved is missing, nothing is saved twice. */
static void
test_save_outlives_caller (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(HeardSecretString) code G_GNUC_UNUSED = set_up_records (fixture, 0);
  g_autoptr(HeardContext) context = start_context (fixture, HEARD_LOCK_STATE_OPEN);
  g_autoptr(HeardContext) again = NULL;
  g_autoptr(HeardPerson) person = heard_person_new ();
  g_autoptr(HeardPerson) saved = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *both = g_strconcat (PERSON_NAME, "; Kai Morgan", NULL);

  heard_person_set_text (person, HEARD_PERSON_DISPLAY_NAME, "Kai Morgan");
  heard_context_save_person_async (context, person, cancellable, heard_test_store_result_cb,
                                   &result);
  g_cancellable_cancel (cancellable);
  heard_test_wait (&result);
  saved = heard_context_save_person_finish (context, result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_people (context, both);
  g_clear_object (&result);
  heard_test_close_context (&context);

  again = start_context (fixture, HEARD_LOCK_STATE_OPEN);
  assert_people (again, both);
  heard_test_close_context (&again);
}

/* The live models */

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main context until @done says so, without a reload anywhere. */
static void
wait_until (gboolean    (*done) (gpointer data),
            gpointer      data,
            const char   *what)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, wake_cb, NULL);

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Gave up waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);
}

typedef struct
{
  HeardContext *context;
  const char   *names;
} PeopleWanted;

static gboolean
people_are (gpointer data)
{
  PeopleWanted *wanted = data;
  g_autofree char *names = people_names (wanted->context);

  return g_strcmp0 (names, wanted->names) == 0;
}

static void
wait_for_people (HeardContext *context,
                 const char   *names)
{
  PeopleWanted wanted = { context, names };

  wait_until (people_are, &wanted, names);
}

/* A young person saved, renamed or removed straight on the store shows in
 * the shared list without a reload, and whoever stays keeps their row. */
static void
test_people_follow_the_store (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(HeardSecretString) code G_GNUC_UNUSED = set_up_records (fixture, 0);
  g_autoptr(HeardContext) context = start_context (fixture, HEARD_LOCK_STATE_OPEN);
  GListModel *people = heard_context_get_people (context);
  HeardStore *store = _heard_context_get_store (context);
  g_autoptr(HeardPerson) amara = g_list_model_get_item (people, 0);
  g_autoptr(HeardPerson) kai = heard_person_new ();
  g_autoptr(HeardPerson) renamed = heard_person_copy (amara);
  g_autoptr(HeardPerson) still = NULL;
  g_autoptr(GError) error = NULL;
  gint64 kai_id;

  assert_people (context, PERSON_NAME);

  heard_person_set_text (kai, HEARD_PERSON_DISPLAY_NAME, LATER_NAME);
  kai_id = heard_test_save_person (store, kai, &error);
  g_assert_no_error (error);
  wait_for_people (context, PERSON_NAME "; " LATER_NAME);

  heard_person_set_text (renamed, HEARD_PERSON_DISPLAY_NAME, "Zara Okafor");
  heard_test_save_person (store, renamed, &error);
  g_assert_no_error (error);
  wait_for_people (context, LATER_NAME "; Zara Okafor");
  still = g_list_model_get_item (people, 1);
  g_assert_true (still == amara);

  g_assert_true (heard_test_set_removed (store, kai_id, TRUE, &error));
  g_assert_no_error (error);
  wait_for_people (context, "Zara Okafor");
  g_clear_object (&still);
  still = g_list_model_get_item (people, 0);
  g_assert_true (still == amara);

  heard_test_close_context (&context);
}

static gboolean
is_loaded (gpointer data)
{
  gboolean loaded = FALSE;

  g_object_get (data, "loaded", &loaded, NULL);
  return loaded;
}

static gint64
save_staff (HeardContext *context,
            HeardStaff   *staff,
            const char   *passphrase)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  heard_context_save_staff_async (context, staff, passphrase, NULL, heard_test_store_result_cb,
                                  &result);
  heard_test_wait (&result);
  id = heard_context_save_staff_finish (context, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static char *
staff_names (GListModel *staff)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(HeardStaff) member = g_list_model_get_item (staff, i);

      g_string_append_printf (names, "%s%s", i > 0 ? "; " : "", heard_staff_get_name (member));
    }

  return g_string_free (names, FALSE);
}

static gboolean
staff_has_two (gpointer data)
{
  return g_list_model_get_n_items (data) == 2;
}

/* Staff saved and retired through the context show in its staff list as
 * soon as the call finishes; one saved straight on the store soon after. */
static void
test_staff_follow_the_store (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(HeardSecretString) code G_GNUC_UNUSED = set_up_records (fixture, 0);
  g_autoptr(HeardContext) context = start_context (fixture, HEARD_LOCK_STATE_OPEN);
  GListModel *staff = heard_context_get_staff (context);
  g_autoptr(HeardStaff) supervisor = heard_staff_new (HEARD_STAFF_SUPERVISOR);
  g_autoptr(HeardStaff) caseworker = heard_staff_new (HEARD_STAFF_CASEWORKER);
  g_autoptr(HeardStaff) listed = NULL;
  g_autoptr(HeardStaff) still = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  gint64 id;

  wait_until (is_loaded, staff, "the staff");
  g_assert_cmpuint (g_list_model_get_n_items (staff), ==, 0);

  heard_staff_set_name (supervisor, "Sam Okafor");
  id = save_staff (context, supervisor, PASSPHRASE);
  g_assert_cmpuint (g_list_model_get_n_items (staff), ==, 1);
  listed = g_list_model_get_item (staff, 0);
  g_assert_cmpint (heard_staff_get_id (listed), ==, id);
  g_assert_cmpstr (heard_staff_get_name (listed), ==, "Sam Okafor");

  /* Written behind the context's back: the list still hears of it. */
  heard_staff_set_name (caseworker, "Priya Shah");
  heard_store_save_staff_async (_heard_context_get_store (context), caseworker, NULL, NULL,
                                heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_cmpint (heard_store_save_staff_finish (_heard_context_get_store (context), result,
                                                  &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&result);
  wait_until (staff_has_two, staff, "the caseworker");
  names = staff_names (staff);
  g_assert_cmpstr (names, ==, "Priya Shah; Sam Okafor");
  still = g_list_model_get_item (staff, 1);
  g_assert_true (still == listed);

  heard_context_retire_staff_async (context, id, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_context_retire_staff_finish (context, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_clear_pointer (&names, g_free);
  names = staff_names (staff);
  g_assert_cmpstr (names, ==, "Priya Shah");

  heard_test_close_context (&context);
}

/* The titles of the caseload's sections and how many each holds. */
static char *
describe_caseload (GListModel *caseload)
{
  GString *described = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (caseload); i++)
    {
      g_autoptr(HeardCaseloadGroup) group = g_list_model_get_item (caseload, i);

      g_string_append_printf (described, "%s%s: %u", i > 0 ? "; " : "",
                              heard_caseload_group_get_title (group),
                              heard_caseload_group_get_n_open_items (group));
    }

  return g_string_free (described, FALSE);
}

static gboolean
caseload_has_something (gpointer data)
{
  return g_list_model_get_n_items (data) > 0;
}

/* A statement recorded through a case file puts the young person in the
 * caseload's "waiting for an answer" without anyone asking it again; a
 * lock empties every model the context keeps. */
static void
test_caseload_follows_the_store (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(HeardSecretString) code G_GNUC_UNUSED = set_up_records (fixture, 0);
  g_autoptr(HeardContext) context = start_context (fixture, HEARD_LOCK_STATE_OPEN);
  GListModel *caseload = heard_context_get_caseload (context);
  g_autoptr(HeardPerson) amara = g_list_model_get_item (heard_context_get_people (context), 0);
  g_autoptr(HeardCaseFile) case_file = heard_case_file_open (context, amara);
  g_autoptr(HeardStatement) statement = heard_statement_new ();
  g_autoptr(HeardCaseloadGroup) group = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;

  wait_until (is_loaded, caseload, "the caseload");
  g_assert_cmpuint (g_list_model_get_n_items (caseload), ==, 0);

  heard_statement_set_person_id (statement, heard_person_get_id (amara));
  heard_statement_set_text (statement, HEARD_STATEMENT_WORDS, "He waits by the gates.");
  heard_statement_set_text (statement, HEARD_STATEMENT_GIVEN_ON, "03/05/2024");
  heard_case_file_record_statement_async (case_file, statement, NULL, heard_test_store_result_cb,
                                          &result);
  heard_test_wait (&result);
  g_assert_cmpint (heard_case_file_write_finish (case_file, result, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&result);

  wait_until (caseload_has_something, caseload, "the statement in the caseload");
  described = describe_caseload (caseload);
  g_assert_cmpstr (described, ==, "Statements Waiting for an Answer: 1");
  group = g_list_model_get_item (caseload, 0);
  g_assert_cmpint (heard_open_item_get_person_id (heard_caseload_group_get_open_item (group, 0)),
                   ==, heard_person_get_id (amara));

  heard_context_lock_async (context, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_context_lock_finish (context, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (g_list_model_get_n_items (caseload), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (heard_context_get_staff (context)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (heard_context_get_people (context)), ==, 0);
  g_assert_false (is_loaded (caseload));

  g_clear_object (&case_file);
  heard_test_close_context (&context);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* Locking empties the list, lets go of every young person fetched before,
 * closes the records into heard.db alone and wipes the key; a start then
 * opens them again with every record. */
static void
test_lock (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(HeardSecretString) code G_GNUC_UNUSED = set_up_records (fixture, 0);
  g_autoptr(HeardContext) context = start_context (fixture, HEARD_LOCK_STATE_OPEN);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal_path = g_build_filename (fixture->records.data_dir, WAL_FILE, NULL);
  g_autofree char *both = g_strconcat (PERSON_NAME, "; " LATER_NAME, NULL);
  HeardPerson *fetched[2] = { NULL, NULL };
  guint n_locking = 0;
  GStatBuf info;

  save_person (context, LATER_NAME, 0);
  assert_people (context, both);
  for (guint i = 0; i < G_N_ELEMENTS (fetched); i++)
    {
      fetched[i] = g_list_model_get_item (heard_context_get_people (context), i);
      g_object_add_weak_pointer (G_OBJECT (fetched[i]), (gpointer *) &fetched[i]);
      g_object_unref (fetched[i]);
      g_assert_nonnull (fetched[i]);
    }

  g_signal_connect_swapped (context, "locking", G_CALLBACK (count_cb), &n_locking);
  heard_context_lock_async (context, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_context_lock_finish (context, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  g_assert_cmpuint (n_locking, ==, 1);
  g_assert_cmpint (heard_context_get_lock_state (context), ==, HEARD_LOCK_STATE_LOCKED);
  g_assert_cmpuint (g_list_model_get_n_items (heard_context_get_people (context)), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (fetched); i++)
    g_assert_null (fetched[i]);
  g_assert_null (_heard_context_get_store (context));
  g_assert_null (heard_context_dup_recovery_code (context));
  /* heard.db alone holds the records: the WAL is folded in. */
  g_assert_true (g_stat (wal_path, &info) != 0 || info.st_size == 0);

  /* Unlocked again from the keyring, silently, with every record. */
  expect_state (context, STEP_START, NULL, HEARD_LOCK_STATE_OPEN);
  assert_people (context, both);
  heard_test_close_context (&context);
}

/* Changes the first symbol of @code to another one. */
static char *
make_typo (const char *code)
{
  char *typo = g_strdup (code);

  typo[0] = typo[0] == 'X' ? 'Y' : 'X';

  return typo;
}

/* How people type a code from paper: lower case, spaces between groups. */
static char *
type_casually (const char *code)
{
  char *typed = g_ascii_strdown (code, -1);

  g_strdelimit (typed, "-", ' ');

  return typed;
}

/* Refusals at the recovery code screen: neither changes a thing. */
static void
assert_wrong_codes_refused (HeardContext *context,
                            Fixture      *fixture,
                            const char   *code)
{
  g_autoptr(HeardKey) other_key = heard_key_new_random ();
  g_autoptr(HeardSecretString) other_code = heard_recovery_code_format (other_key);
  g_autoptr(HeardSecretString) typo = make_typo (code);
  Snapshot before = { 0, };

  snapshot_take (&before, fixture);

  /* Well formed, but the key of other records. */
  expect_refusal (context, STEP_RECOVERY_CODE, other_code,
                  HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_WRONG_KEY);
  snapshot_assert_unchanged (&before, fixture);

  /* One symbol mistyped: caught before any key is tried. */
  expect_refusal (context, STEP_RECOVERY_CODE, typo,
                  HEARD_RECOVERY_CODE_ERROR, HEARD_RECOVERY_CODE_ERROR_CHECKSUM);
  snapshot_assert_unchanged (&before, fixture);

  snapshot_clear (&before);
}

/* After the right code, the keyring has the key back: the next start is
 * silent again. */
static void
assert_restored (Fixture    *fixture,
                 const char *code)
{
  g_autoptr(HeardKey) key = parse_code (code);
  g_autoptr(HeardKey) stored_key = NULL;
  g_autoptr(HeardContext) next = NULL;
  const char *uuid = note_uuid (fixture);

  assert_private (fixture);
  wait_for_keyring_entry (uuid);
  stored_key = keyring_item_key (uuid);
  g_assert_true (heard_key_equal (stored_key, key));

  next = start_context (fixture, HEARD_LOCK_STATE_OPEN);
  assert_people (next, PERSON_NAME);
  heard_test_close_context (&next);
}

static void
test_recovery (Fixture       *fixture,
               gconstpointer  data)
{
  Loss loss = GPOINTER_TO_INT (data);
  g_autoptr(HeardSecretString) code = set_up_records (fixture, 0);
  g_autoptr(HeardSecretString) typed = type_casually (code);
  g_autoptr(HeardSecretString) shown = NULL;
  g_autoptr(HeardContext) context = NULL;
  g_autofree char *uuid = read_info_uuid (fixture);
  g_autofree char *uuid_after = NULL;

  lose (fixture, loss);

  context = start_context (fixture, HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE);
  assert_wrong_codes_refused (context, fixture, code);

  /* Typing the code proves it was kept: it is not shown again. */
  expect_state (context, STEP_RECOVERY_CODE, typed, HEARD_LOCK_STATE_OPEN);
  assert_people (context, PERSON_NAME);
  shown = heard_context_dup_recovery_code (context);
  g_assert_cmpstr (shown, ==, code);

  /* The note names the keyring entry that holds the key again: the same
   * one, or where the note was lost a new one, written afresh. */
  uuid_after = read_info_uuid (fixture);
  if (loss == LOSE_KEYRING_ENTRY)
    g_assert_cmpstr (uuid_after, ==, uuid);

  heard_test_close_context (&context);
  assert_restored (fixture, code);
}

static void
damage_file (const char *path,
             Damage      damage)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  gsize written = 0;
  gsize quarter;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  /* Big enough that a quarter of it is well past the first page. */
  g_assert_cmpuint (length, >=, 32768);
  quarter = length / 4 / 4096 * 4096;

  switch (damage)
    {
    case DAMAGE_OVERWRITE_MIDDLE:
      heard_secure_random ((guint8 *) contents + quarter, length - 2 * quarter);
      break;

    case DAMAGE_TRUNCATE_AT_PAGE:
      length = 2 * quarter;
      break;

    case DAMAGE_TRUNCATE_ODD:
      length -= 1000;
      break;

    default:
      g_assert_not_reached ();
    }

  /* Not written in place: GLib 2.74 does not cut a file short that way. */
  g_file_set_contents_full (path, contents, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT,
                            0600, &error);
  g_assert_no_error (error);

  g_clear_pointer (&contents, g_free);
  g_file_get_contents (path, &contents, &written, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written, ==, length);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents_full (to, contents, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT,
                            0600, &error);
  g_assert_no_error (error);
}

/* Heard killed while open: the folder as it stands, newest records still
 * in the WAL, becomes the records the next start finds. */
static void
crash (Fixture       *fixture,
       HeardContext **context)
{
  g_autofree char *crashed = g_build_filename (fixture->records.root, "crashed", NULL);
  g_autofree char *wal = g_build_filename (fixture->records.data_dir, DATABASE_FILE "-wal", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GStatBuf info;

  g_assert_cmpint (g_stat (wal, &info), ==, 0);
  g_assert_cmpint (info.st_size, >, 0);

  g_assert_cmpint (g_mkdir (crashed, 0700), ==, 0);
  dir = g_dir_open (fixture->records.data_dir, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *from = g_build_filename (fixture->records.data_dir, name, NULL);
      g_autofree char *to = g_build_filename (crashed, name, NULL);

      copy_file (from, to);
    }
  g_clear_pointer (&dir, g_dir_close);

  heard_test_close_context (context);
  heard_test_remove_dir (fixture->records.data_dir);
  g_assert_cmpint (g_rename (crashed, fixture->records.data_dir), ==, 0);
}

static void
store_key (const char     *uuid,
           const HeardKey *key)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  heard_keyring_store_async (uuid, key, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_keyring_store_finish (result, &error));
  g_assert_no_error (error);
}

/* The keyring holds a wrong key (a stale entry, another machine's) for
 * records whose newest changes are still in the WAL: refusing them must not
 * fold the WAL in or delete it, and the recovery code then finds them. */
static void
test_wal_wrong_keyring_key (Fixture       *fixture,
                            gconstpointer  data)
{
  HeardContext *context = start_context (fixture, HEARD_LOCK_STATE_SHOW_RECOVERY_CODE);
  g_autoptr(HeardContext) again = NULL;
  g_autoptr(HeardKey) wrong_key = heard_key_new_random ();
  g_autoptr(HeardSecretString) code = heard_context_dup_recovery_code (context);
  g_autoptr(HeardSecretString) typed = type_casually (code);
  const char *uuid = note_uuid (fixture);
  Snapshot before = { 0, };

  expect_state (context, STEP_CONFIRM_CODE_KEPT, NULL, HEARD_LOCK_STATE_OPEN);
  save_person (context, PERSON_NAME, 0);
  crash (fixture, &context);

  store_key (uuid, wrong_key);
  snapshot_take (&before, fixture);

  again = start_context (fixture, HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE);
  g_assert_null (_heard_context_get_store (again));
  snapshot_assert_unchanged (&before, fixture);
  assert_wrong_codes_refused (again, fixture, code);
  snapshot_assert_unchanged (&before, fixture);

  expect_state (again, STEP_RECOVERY_CODE, typed, HEARD_LOCK_STATE_OPEN);
  assert_people (again, PERSON_NAME);
  heard_test_close_context (&again);

  snapshot_clear (&before);
}

static void
test_damaged_database (Fixture       *fixture,
                       gconstpointer  data)
{
  Damage damage = GPOINTER_TO_INT (data);
  g_autoptr(HeardSecretString) code = set_up_records (fixture, 60000);
  g_autoptr(HeardContext) context = NULL;
  g_autoptr(HeardContext) original = NULL;
  g_autoptr(HeardKey) key = parse_code (code);
  g_autoptr(HeardKey) stored_key = NULL;
  g_autofree char *uuid = read_info_uuid (fixture);
  g_autofree char *original_dir = g_build_filename (fixture->records.root, "original", NULL);
  g_autofree char *original_db = g_build_filename (original_dir, DATABASE_FILE, NULL);
  g_autofree char *original_info = g_build_filename (original_dir, INFO_FILE, NULL);
  g_autofree char *caseworker_note = g_build_filename (fixture->records.data_dir,
                                                       HEARD_CASEWORKER_FILE, NULL);
  g_autofree char *original_caseworker_note = g_build_filename (original_dir,
                                                                HEARD_CASEWORKER_FILE, NULL);
  Snapshot before = { 0, };
  HeardLockState state;

  /* Keep a good copy, then damage the records Heard will find. */
  g_assert_cmpint (g_mkdir (original_dir, 0700), ==, 0);
  copy_file (fixture->records.db_path, original_db);
  copy_file (fixture->records.info_path, original_info);
  copy_file (caseworker_note, original_caseworker_note);
  damage_file (fixture->records.db_path, damage);
  snapshot_take (&before, fixture);

  context = heard_context_new (fixture->records.data_dir);
  state = run_step (context, STEP_START, NULL, NULL);
  g_test_message ("damaged records: state %d: %s", state,
                  heard_context_get_lock_message (context));
  g_assert_true (state == HEARD_LOCK_STATE_FAILED ||
                 state == HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE);
  g_assert_cmpstr (heard_context_get_lock_message (context), !=, NULL);
  g_assert_cmpstr (heard_context_get_lock_message (context), !=, "");
  g_assert_null (_heard_context_get_store (context));
  assert_people (context, "");
  heard_test_close_context (&context);

  /* Nothing rewritten, and no new key made for damaged records. */
  snapshot_assert_unchanged (&before, fixture);
  stored_key = keyring_item_key (uuid);
  g_assert_true (heard_key_equal (stored_key, key));

  /* The same key still opens the undamaged copy. */
  original = heard_context_new (original_dir);
  expect_state (original, STEP_START, NULL, HEARD_LOCK_STATE_OPEN);
  assert_people (original, PERSON_NAME);
  heard_test_close_context (&original);

  snapshot_clear (&before);
}

/* Overwrites the page that holds the audit trail's first rows: nothing
 * start-up reads before the list of young people touches it, but SQLite's
 * quick check reads every page. */
static void
damage_audit_page (Fixture        *fixture,
                   const HeardKey *key)
{
  sqlite3 *db = heard_test_raw_open (fixture->records.db_path, key);
  sqlite3_stmt *statement = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gint64 root = 0, page_size = 0;
  gsize length = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_master"
                                           " WHERE name = 'audit'", -1, &statement, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  root = sqlite3_column_int64 (statement, 0);
  sqlite3_finalize (statement);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &statement, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  page_size = sqlite3_column_int64 (statement, 0);
  sqlite3_finalize (statement);
  sqlite3_close (db);

  g_file_get_contents (fixture->records.db_path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (root, >, 1);
  g_assert_cmpuint (length, >=, (gsize) (root * page_size));
  heard_secure_random ((guint8 *) contents + (root - 1) * page_size, (gsize) page_size);
  g_file_set_contents_full (fixture->records.db_path, contents, (gssize) length,
                            G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);
}

/* A write asked for the moment the young people are listed. */
typedef struct
{
  gboolean      asked;
  char         *listed;
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
  early->listed = people_names (context);
  person = heard_person_new ();
  heard_person_set_text (person, HEARD_PERSON_DISPLAY_NAME, "Dana Rossi");
  heard_context_save_person_async (context, person, NULL, heard_test_store_result_cb,
                                   &early->saved);
}

/* Damage only SQLite's quick check finds, in records that opened without
 * waiting for it: the list shows first, then the check at open finds the
 * damage before anything is written, and the records are let go of as a
 * refused open would leave them. A write asked for meanwhile never lands. */
static void
test_damage_found_after_listing (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(HeardSecretString) code = set_up_records (fixture, 0);
  g_autoptr(HeardKey) key = parse_code (code);
  g_autoptr(HeardContext) context = NULL;
  g_autoptr(HeardPerson) saved = NULL;
  g_autoptr(GError) error = NULL;
  EarlyWrite early = { 0 };
  Snapshot before = { 0, };
  HeardLockState state;

  damage_audit_page (fixture, key);
  snapshot_take (&before, fixture);

  context = heard_context_new (fixture->records.data_dir);
  g_signal_connect (context, "notify::lock-state", G_CALLBACK (listed_cb), &early);
  state = run_step (context, STEP_START, NULL, NULL);
  g_signal_handlers_disconnect_by_func (context, listed_cb, &early);

  g_assert_true (early.asked);
  g_assert_cmpstr (early.listed, ==, PERSON_NAME);
  g_clear_pointer (&early.listed, g_free);
  g_assert_cmpint (state, ==, HEARD_LOCK_STATE_FAILED);
  g_assert_cmpint (heard_context_get_lock_state (context), ==, HEARD_LOCK_STATE_FAILED);
  g_assert_nonnull (strstr (heard_context_get_lock_message (context), "health check"));
  g_assert_null (_heard_context_get_store (context));
  assert_people (context, "");

  heard_test_wait (&early.saved);
  saved = heard_context_save_person_finish (context, early.saved, &error);
  g_clear_object (&early.saved);
  g_assert_null (saved);
  g_assert_error (error, HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_DAMAGED);
  heard_test_close_context (&context);

  /* Nothing rewritten. */
  snapshot_assert_unchanged (&before, fixture);
  snapshot_clear (&before);
}

/* Every lock state the context passes through, in order. */
static void
record_state_cb (HeardContext *context,
                 GParamSpec   *pspec,
                 GArray       *states)
{
  HeardLockState state = heard_context_get_lock_state (context);

  g_array_append_val (states, state);
}

static gboolean
states_include (GArray         *states,
                HeardLockState  wanted)
{
  for (guint i = 0; i < states->len; i++)
    {
      if (g_array_index (states, HeardLockState, i) == wanted)
        return TRUE;
    }

  return FALSE;
}

/* Runs the main context for @usec, or until the context is in @until. */
static void
run_main_context (HeardContext   *context,
                  gint64          usec,
                  HeardLockState  until)
{
  gint64 deadline = g_get_monotonic_time () + usec;

  while (g_get_monotonic_time () < deadline &&
         heard_context_get_lock_state (context) != until)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      /* The caseworker is there to give their passphrase when asked. */
      heard_test_pass_caseworker (context, NULL);
      g_usleep (10 * 1000);
    }
}

static void
run_keyring_locked (Fixture  *fixture,
                    gboolean  from_disk)
{
  g_autoptr(HeardSecretString) code = set_up_records (fixture, 0);
  g_autoptr(HeardContext) context = NULL;
  g_autoptr(HeardKey) key = parse_code (code);
  g_autoptr(HeardKey) stored_key = NULL;
  g_autoptr(GArray) states = g_array_new (FALSE, FALSE, sizeof (HeardLockState));
  g_autofree char *uuid = read_info_uuid (fixture);
  g_autofree char *locked_message = NULL;
  Snapshot before = { 0, };

  snapshot_take (&before, fixture);
  /* From disk is how the login keyring is after an automatic log-in. */
  if (from_disk)
    heard_test_lock_default_collection_from_disk ();
  else
    heard_test_lock_default_collection ();
  g_assert_true (heard_test_default_collection_is_locked ());

  /* Locked is not lost: ask to unlock, never for the code, never a new key. */
  context = start_context (fixture, HEARD_LOCK_STATE_KEYRING_LOCKED);
  g_assert_null (_heard_context_get_store (context));
  snapshot_assert_unchanged (&before, fixture);

  /* test-session's keyring answers every password prompt with Cancel. */
  expect_state (context, STEP_UNLOCK_KEYRING, NULL, HEARD_LOCK_STATE_KEYRING_LOCKED);
  g_assert_true (heard_test_default_collection_is_locked ());
  snapshot_assert_unchanged (&before, fixture);
  locked_message = g_strdup (heard_context_get_lock_message (context));

  /* While the keyring stays locked, Heard waits quietly on that page. */
  g_signal_connect (context, "notify::lock-state", G_CALLBACK (record_state_cb), states);
  run_main_context (context, G_USEC_PER_SEC / 2, HEARD_LOCK_STATE_OPEN);
  g_assert_cmpuint (states->len, ==, 0);
  g_assert_cmpint (heard_context_get_lock_state (context), ==, HEARD_LOCK_STATE_KEYRING_LOCKED);

  /* Unlocked elsewhere (here with the keyring's password, as the desktop's
   * own prompt would), the records open by themselves: no call to Heard. */
  heard_test_unlock_default_collection ();
  g_assert_false (heard_test_default_collection_is_locked ());
  run_main_context (context, KEYRING_WAIT_USEC, HEARD_LOCK_STATE_OPEN);
  g_assert_cmpint (heard_context_get_lock_state (context), ==, HEARD_LOCK_STATE_OPEN);
  g_assert_false (states_include (states, HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE));
  g_assert_null (heard_context_get_lock_message (context));
  g_assert_nonnull (_heard_context_get_store (context));
  g_assert_true (heard_store_is_open (_heard_context_get_store (context)));
  assert_people (context, PERSON_NAME);

  stored_key = keyring_item_key (uuid);
  g_assert_true (heard_key_equal (stored_key, key));
  g_assert_cmpuint (heard_test_keyring_count (NULL), ==, before.n_heard_keys);

  g_signal_handlers_disconnect_by_data (context, states);
  heard_test_close_context (&context);
  snapshot_clear (&before);
}

/* Runs in a subprocess, so that however it ends the keyring is unlocked
 * again for the tests that come after. */
static void
test_keyring_locked (Fixture       *fixture,
                     gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      run_keyring_locked (fixture, GPOINTER_TO_INT (data));
      return;
    }

  g_test_trap_subprocess (NULL, 100 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (heard_test_default_collection_is_locked ())
    heard_test_unlock_default_collection ();
  g_assert_false (heard_test_default_collection_is_locked ());
  g_test_trap_assert_passed ();
}

/* Every state of the folder */

static const char *file_state_names[] = { "missing", "empty", "full" };
static const char *note_state_names[] = { "missing", "empty", "valid", "malformed" };

static void
place_file (const char *path,
            FileState   state,
            GBytes     *full)
{
  if (state == FILE_EMPTY)
    heard_test_write_file (path, "", 0);
  else if (state == FILE_FULL)
    heard_test_write_file (path, g_bytes_get_data (full, NULL), g_bytes_get_size (full));
}

/* A first run may only ever take a file that held nothing. */
static void
assert_every_file_was_empty (const char *description)
{
  g_autofree char *empty = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) "",
                                                        0);
  g_auto(GStrv) lines = g_strsplit (description, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_assert_true (g_str_has_suffix (lines[i], empty));
}

/* heard.db, its WAL and its journal each missing, empty or holding
 * something, and heard.ini missing, empty, valid or malformed (the "uuid="
 * that used to hang): a first run only where nothing of the records is
 * there; otherwise the records open, or a page says what is wrong; and
 * before the key is confirmed not a byte of any file is changed, nor any
 * file removed, nor a key made. */
static void
test_folder_states (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(HeardContext) writer = start_on_new_records (fixture);
  g_autofree char *uuid = read_info_uuid (fixture);
  g_autofree char *wal_path = g_build_filename (fixture->records.data_dir, WAL_FILE, NULL);
  g_autofree char *valid_line = g_strconcat ("uuid=", uuid, "\n", NULL);
  g_autoptr(GBytes) database = NULL;
  g_autoptr(GBytes) wal = NULL;
  g_autoptr(GBytes) note = NULL;
  g_autoptr(GBytes) caseworker_note = NULL;
  g_autoptr(GBytes) malformed = NULL;
  g_autoptr(GBytes) journal = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *filler = g_strnfill (4096, 'j');
  guint n_first_runs = 0;

  /* heard.db as it is while Heard has it open holds the first person; the
   * second is still only in the WAL beside it. */
  save_person (writer, LATER_NAME, 0);
  database = load_file (fixture->records.db_path);
  wal = load_file (wal_path);
  g_assert_cmpuint (g_bytes_get_size (wal), >, 0);
  heard_test_close_context (&writer);

  note = load_file (fixture->records.info_path);
  {
    g_autofree char *path = g_build_filename (fixture->records.data_dir, HEARD_CASEWORKER_FILE,
                                              NULL);

    caseworker_note = load_file (path);
  }
  text = g_string_new_len (g_bytes_get_data (note, NULL), (gssize) g_bytes_get_size (note));
  g_assert_cmpuint (g_string_replace (text, valid_line, "uuid=\n", 0), ==, 1);
  malformed = g_bytes_new (text->str, text->len);
  /* A journal is never Heard's own (it keeps a WAL): what it holds does not
   * matter, only that it holds something. */
  journal = g_bytes_new (filler, 4096);

  for (FileState db = 0; db < N_FILE_STATES; db++)
    for (FileState wal_state = 0; wal_state < N_FILE_STATES; wal_state++)
      for (FileState journal_state = 0; journal_state < N_FILE_STATES; journal_state++)
        for (NoteState note_state = 0; note_state < N_NOTE_STATES; note_state++)
          {
            g_autofree char *name = g_strdup_printf ("db-%s-wal-%s-journal-%s-ini-%s",
                                                     file_state_names[db],
                                                     file_state_names[wal_state],
                                                     file_state_names[journal_state],
                                                     note_state_names[note_state]);
            g_autofree char *dir = g_build_filename (fixture->records.root, name, NULL);
            g_autofree char *db_path = g_build_filename (dir, DATABASE_FILE, NULL);
            g_autofree char *info_path = g_build_filename (dir, INFO_FILE, NULL);
            g_autofree char *in_wal = g_build_filename (dir, WAL_FILE, NULL);
            g_autofree char *in_journal = g_build_filename (dir, JOURNAL_FILE, NULL);
            g_autofree char *before = NULL;
            g_autofree char *after = NULL;
            g_autoptr(HeardContext) context = NULL;
            g_autoptr(GError) error = NULL;
            gboolean anything_there;
            guint n_heard_keys;
            HeardLockState expected;
            HeardLockState state;

            g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
            place_file (db_path, db, database);
            place_file (in_wal, wal_state, wal);
            place_file (in_journal, journal_state, journal);
            if (note_state == NOTE_EMPTY)
              heard_test_write_file (info_path, "", 0);
            else if (note_state != NOTE_MISSING)
              {
                GBytes *bytes = note_state == NOTE_VALID ? note : malformed;

                heard_test_write_file (info_path, g_bytes_get_data (bytes, NULL),
                                       g_bytes_get_size (bytes));
              }
            /* The note of the caseworker's passphrase goes with a valid heard.ini. */
            if (note_state == NOTE_VALID)
              {
                g_autofree char *caseworker_path = g_build_filename (dir, HEARD_CASEWORKER_FILE,
                                                                     NULL);

                heard_test_write_file (caseworker_path, g_bytes_get_data (caseworker_note, NULL),
                                       g_bytes_get_size (caseworker_note));
              }

            anything_there = db == FILE_FULL || wal_state == FILE_FULL ||
                             journal_state == FILE_FULL || note_state == NOTE_VALID ||
                             note_state == NOTE_MALFORMED;
            if (db == FILE_FULL)
              expected = note_state == NOTE_VALID ? HEARD_LOCK_STATE_OPEN
                                                  : HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE;
            else
              expected = anything_there ? HEARD_LOCK_STATE_FAILED
                                        : HEARD_LOCK_STATE_SHOW_RECOVERY_CODE;

            before = describe_records (dir);
            n_heard_keys = heard_test_keyring_count (NULL);

            context = heard_context_new (dir);
            state = run_step (context, STEP_START, NULL, &error);
            g_test_message ("%s: state %d: %s", name, state,
                            heard_context_get_lock_message (context));
            g_assert_no_error (error);
            g_assert_cmpint (state, ==, expected);
            assert_lock_file_private (dir);

            if (state == HEARD_LOCK_STATE_SHOW_RECOVERY_CODE)
              {
                g_autoptr(HeardSecretString) shown = heard_context_dup_recovery_code (context);
                g_autoptr(HeardKey) shown_key = parse_code (shown);
                g_autoptr(HeardKey) stored_key = NULL;
                char *new_uuid = read_uuid_at (info_path);

                n_first_runs++;
                g_ptr_array_add (fixture->uuids, new_uuid);
                assert_every_file_was_empty (before);
                stored_key = keyring_item_key (new_uuid);
                g_assert_true (heard_key_equal (stored_key, shown_key));
              }
            else if (state == HEARD_LOCK_STATE_OPEN)
              {
                g_autofree char *uuid_now = read_uuid_at (info_path);

                /* The WAL's records are part of them. */
                assert_people (context, wal_state == FILE_FULL ? PERSON_NAME "; " LATER_NAME
                                                               : PERSON_NAME);
                g_assert_cmpstr (uuid_now, ==, uuid);
                g_assert_cmpuint (heard_test_keyring_count (NULL), ==, n_heard_keys);
              }
            else
              {
                after = describe_records (dir);
                g_assert_cmpstr (after, ==, before);
                g_assert_cmpuint (heard_test_keyring_count (NULL), ==, n_heard_keys);
                g_assert_null (_heard_context_get_store (context));
                g_assert_true (heard_context_get_records_exist (context));
              }

            heard_test_close_context (&context);

            if (state != HEARD_LOCK_STATE_OPEN && state != HEARD_LOCK_STATE_SHOW_RECOVERY_CODE)
              {
                g_clear_pointer (&after, g_free);
                after = describe_records (dir);
                g_assert_cmpstr (after, ==, before);
              }
          }

  /* Heard's own empty leftovers in every combination, and nothing else. */
  g_assert_cmpuint (n_first_runs, ==, 16);
}

/* A note that is there but cannot be trusted leads to the recovery code,
 * as a missing one does: never to a hang, a guess or a new key. */
static void
write_bad_note (Fixture    *fixture,
                BadNote     bad,
                const char *uuid)
{
  const char *tail = "protection=keyring\nrecovery-code-confirmed=true\n"
                     "database-created=true\n";
  g_autofree char *short_uuid = g_strndup (uuid, 20);
  g_autofree char *text = NULL;
  guint8 garbage[300];

  switch (bad)
    {
    case BAD_NOTE_EMPTY_FILE:
      text = g_strdup ("");
      break;

    case BAD_NOTE_EMPTY_UUID:
      text = g_strdup_printf ("[database]\nuuid=\n%s", tail);
      break;

    case BAD_NOTE_MALFORMED_UUID:
      text = g_strdup_printf ("[database]\nuuid=%s\n%s", short_uuid, tail);
      break;

    case BAD_NOTE_INVALID_UTF8:
      text = g_strdup_printf ("[database]\nuuid=%s\xff\xfe\n%s", uuid, tail);
      break;

    case BAD_NOTE_GARBAGE:
      heard_secure_random (garbage, sizeof garbage);
      heard_test_write_file (fixture->records.info_path, garbage, sizeof garbage);
      return;

    case BAD_NOTE_MALFORMED_SALT:
      text = g_strdup_printf ("[database]\nuuid=%s\nprotection=passphrase\nsalt=not*base64\n"
                              "recovery-code-confirmed=true\ndatabase-created=true\n", uuid);
      break;

    case BAD_NOTE_UNKNOWN_PROTECTION:
      text = g_strdup_printf ("[database]\nuuid=%s\nprotection=vault\n"
                              "recovery-code-confirmed=true\ndatabase-created=true\n", uuid);
      break;

    case BAD_NOTE_MALFORMED_BOOLEAN:
      text = g_strdup_printf ("[database]\nuuid=%s\nprotection=keyring\n"
                              "recovery-code-confirmed=true\ndatabase-created=perhaps\n", uuid);
      break;

    default:
      g_assert_not_reached ();
    }

  heard_test_write_file (fixture->records.info_path, text, strlen (text));
}

static void
test_damaged_note (Fixture       *fixture,
                   gconstpointer  data)
{
  BadNote bad = GPOINTER_TO_INT (data);
  g_autoptr(HeardSecretString) code = set_up_records (fixture, 0);
  g_autoptr(HeardContext) context = NULL;
  g_autoptr(HeardContext) next = NULL;
  g_autofree char *uuid = read_info_uuid (fixture);
  Snapshot before = { 0, };

  write_bad_note (fixture, bad, uuid);
  snapshot_take (&before, fixture);

  context = start_context (fixture, HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE);
  g_assert_null (_heard_context_get_store (context));
  g_assert_true (heard_context_get_records_exist (context));
  assert_people (context, "");
  snapshot_assert_unchanged (&before, fixture);

  /* The code opens the records and the note is written afresh. */
  expect_state (context, STEP_RECOVERY_CODE, code, HEARD_LOCK_STATE_OPEN);
  assert_people (context, PERSON_NAME);
  heard_test_close_context (&context);
  wait_for_keyring_entry (note_uuid (fixture));

  next = start_context (fixture, HEARD_LOCK_STATE_OPEN);
  assert_people (next, PERSON_NAME);
  heard_test_close_context (&next);
  snapshot_clear (&before);
}

/* Two Heards set up the same empty folder at the same moment: one does, the
 * other says Heard is already open, and the records are under the key that
 * the note names. */
static void
test_two_first_runs (Fixture       *fixture,
                     gconstpointer  data)
{
  for (guint round = 0; round < N_RACES; round++)
    {
      g_autofree char *name = g_strdup_printf ("race-%u", round);
      g_autofree char *dir = g_build_filename (fixture->records.root, name, NULL);
      g_autofree char *db_path = g_build_filename (dir, DATABASE_FILE, NULL);
      g_autofree char *info_path = g_build_filename (dir, INFO_FILE, NULL);
      g_autoptr(HeardSecretString) code = NULL;
      g_autoptr(HeardKey) code_key = NULL;
      g_autoptr(HeardKey) stored_key = NULL;
      g_autoptr(HeardStore) store = NULL;
      g_autoptr(GPtrArray) people = NULL;
      g_autoptr(GError) error = NULL;
      HeardContext *contexts[2];
      GAsyncResult *results[2] = { NULL, NULL };
      HeardLockState states[2];
      char *uuid;
      guint winner;

      for (guint i = 0; i < 2; i++)
        contexts[i] = heard_context_new (dir);
      for (guint i = 0; i < 2; i++)
        heard_context_start_async (contexts[i], NULL, heard_test_store_result_cb, &results[i]);
      for (guint i = 0; i < 2; i++)
        {
          heard_test_wait (&results[i]);
          states[i] = heard_test_unlock_finish (contexts[i], results[i], &error);
          g_assert_no_error (error);
          g_clear_object (&results[i]);
        }

      g_test_message ("round %u: states %d and %d", round, states[0], states[1]);
      winner = states[0] == HEARD_LOCK_STATE_SHOW_RECOVERY_CODE ? 0 : 1;
      g_assert_cmpint (states[winner], ==, HEARD_LOCK_STATE_SHOW_RECOVERY_CODE);
      g_assert_cmpint (states[1 - winner], ==, HEARD_LOCK_STATE_ALREADY_OPEN);
      g_assert_cmpstr (heard_context_get_lock_message (contexts[1 - winner]), !=, NULL);
      g_assert_null (_heard_context_get_store (contexts[1 - winner]));
      g_assert_null (heard_context_dup_recovery_code (contexts[1 - winner]));

      code = heard_context_dup_recovery_code (contexts[winner]);
      code_key = parse_code (code);
      uuid = read_uuid_at (info_path);
      g_ptr_array_add (fixture->uuids, uuid);
      stored_key = keyring_item_key (uuid);
      g_assert_true (heard_key_equal (stored_key, code_key));
      g_assert_cmpuint (heard_test_keyring_count (uuid), ==, 1);

      expect_state (contexts[winner], STEP_CONFIRM_CODE_KEPT, NULL, HEARD_LOCK_STATE_OPEN);
      save_person (contexts[winner], PERSON_NAME, 0);
      heard_test_close_context (&contexts[1 - winner]);
      heard_test_close_context (&contexts[winner]);

      /* The key the note names opens the records. */
      store = heard_test_open_store (db_path, stored_key, HEARD_SQLITE_STORE_OPEN_NONE, &error);
      g_assert_no_error (error);
      people = heard_test_list_people (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (people->len, ==, 1);
      heard_test_close_store (&store);
    }
}

/* While Heard has the records open, a second one touches nothing and says
 * so; once the first has gone, Try Again opens them. */
static void
test_already_open (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(HeardContext) first = start_on_new_records (fixture);
  g_autoptr(HeardContext) second = NULL;
  Snapshot before = { 0, };

  assert_lock_file_private (fixture->records.data_dir);
  snapshot_take (&before, fixture);

  second = start_context (fixture, HEARD_LOCK_STATE_ALREADY_OPEN);
  g_assert_null (_heard_context_get_store (second));
  g_assert_false (heard_context_get_records_exist (second));
  assert_people (second, "");
  snapshot_assert_unchanged (&before, fixture);

  /* Still open there: asking again changes nothing either. */
  expect_state (second, STEP_START, NULL, HEARD_LOCK_STATE_ALREADY_OPEN);
  snapshot_assert_unchanged (&before, fixture);

  heard_test_close_context (&first);
  expect_state (second, STEP_START, NULL, HEARD_LOCK_STATE_OPEN);
  assert_people (second, PERSON_NAME);
  heard_test_close_context (&second);
  snapshot_clear (&before);
}

/* Cases without a Secret Service */

/* Records as a first run without a keyring leaves them, with a passphrase. */
static char *
set_up_passphrase_records (Fixture *fixture)
{
  HeardContext *context = start_context (fixture, HEARD_LOCK_STATE_NEEDS_NEW_PASSPHRASE);

  expect_state (context, STEP_CREATE_WITH_PASSPHRASE, PASSPHRASE,
                HEARD_LOCK_STATE_SHOW_RECOVERY_CODE);

  return keep_code_and_close (context, 0);
}

static void
test_no_keyring_first_run (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(HeardContext) context = NULL;
  g_autoptr(HeardSecretString) code = NULL;
  g_autoptr(HeardKey) code_key = NULL;
  g_autoptr(HeardKey) passphrase_key = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *protection = NULL;
  g_autofree char *salt_text = NULL;
  g_autofree guint8 *salt = NULL;
  gsize salt_length = 0;

  /* Nowhere to keep a key: ask for a passphrase before making anything. */
  context = start_context (fixture, HEARD_LOCK_STATE_NEEDS_NEW_PASSPHRASE);
  g_assert_false (g_file_test (fixture->records.db_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (fixture->records.info_path, G_FILE_TEST_EXISTS));
  g_assert_null (_heard_context_get_store (context));

  expect_state (context, STEP_CREATE_WITH_PASSPHRASE, PASSPHRASE,
                HEARD_LOCK_STATE_SHOW_RECOVERY_CODE);
  assert_private (fixture);

  /* The code shown is the key the passphrase makes with the noted salt. */
  g_key_file_load_from_file (info, fixture->records.info_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  protection = g_key_file_get_string (info, INFO_GROUP, "protection", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (protection, ==, "passphrase");
  salt_text = g_key_file_get_string (info, INFO_GROUP, "salt", &error);
  g_assert_no_error (error);
  salt = g_base64_decode (salt_text, &salt_length);
  g_assert_cmpuint (salt_length, ==, HEARD_KEY_SALT_SIZE);
  passphrase_key = heard_key_derive_from_passphrase (PASSPHRASE, salt, &error);
  g_assert_no_error (error);
  code = heard_context_dup_recovery_code (context);
  code_key = parse_code (code);
  g_assert_true (heard_key_equal (code_key, passphrase_key));

  expect_state (context, STEP_CONFIRM_CODE_KEPT, NULL, HEARD_LOCK_STATE_OPEN);
  heard_test_close_context (&context);
}

static void
test_no_keyring_passphrase (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(HeardSecretString) code G_GNUC_UNUSED = set_up_passphrase_records (fixture);
  g_autoptr(HeardContext) context = NULL;
  Snapshot before = { 0, };

  snapshot_take (&before, fixture);
  context = start_context (fixture, HEARD_LOCK_STATE_NEEDS_PASSPHRASE);
  g_assert_null (_heard_context_get_store (context));
  snapshot_assert_unchanged (&before, fixture);

  expect_refusal (context, STEP_PASSPHRASE, "a kettle of tea for the day shift",
                  HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_WRONG_KEY);
  snapshot_assert_unchanged (&before, fixture);

  expect_state (context, STEP_PASSPHRASE, PASSPHRASE, HEARD_LOCK_STATE_OPEN);
  assert_people (context, PERSON_NAME);
  heard_test_close_context (&context);

  snapshot_clear (&before);
}

static gboolean
check_staff_passphrase (HeardContext  *context,
                        const char    *passphrase,
                        GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_context_check_staff_passphrase_async (context, passphrase, NULL,
                                              heard_test_store_result_cb, &result);
  heard_test_wait (&result);

  return heard_context_check_staff_passphrase_finish (context, result, error);
}

/* Records under a passphrase have no caseworker passphrase: leaving
 * co-design mode asks the records' own, and a wrong one is refused. */
static void
test_no_keyring_staff_passphrase (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(HeardSecretString) code G_GNUC_UNUSED = set_up_passphrase_records (fixture);
  g_autoptr(HeardContext) context = NULL;
  g_autoptr(GError) error = NULL;

  context = start_context (fixture, HEARD_LOCK_STATE_NEEDS_PASSPHRASE);
  expect_state (context, STEP_PASSPHRASE, PASSPHRASE, HEARD_LOCK_STATE_OPEN);
  g_assert_false (heard_context_get_has_caseworker_passphrase (context));

  g_assert_false (check_staff_passphrase (context, "a kettle of tea for the day shift", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_true (check_staff_passphrase (context, PASSPHRASE, &error));
  g_assert_no_error (error);
  /* Still open, as it was. */
  assert_people (context, PERSON_NAME);

  /* Guessing waits, as at an unlock: after the free tries, even the
   * right passphrase must wait. */
  for (guint i = 0; i < HEARD_CASEWORKER_FREE_TRIES; i++)
    {
      g_assert_false (check_staff_passphrase (context, "a guess at it", &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
    }
  g_assert_cmpint (heard_context_get_caseworker_retry_at (context), >, g_get_monotonic_time ());
  g_assert_false (check_staff_passphrase (context, PASSPHRASE, &error));
  g_assert_error (error, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                  HEARD_CASEWORKER_PASSPHRASE_ERROR_TOO_SOON);
  heard_test_close_context (&context);
}

/* A mistyped passphrase meets records still in the WAL after a crash. */
static void
test_no_keyring_passphrase_wal (Fixture       *fixture,
                                gconstpointer  data)
{
  HeardContext *context = start_context (fixture, HEARD_LOCK_STATE_NEEDS_NEW_PASSPHRASE);
  g_autoptr(HeardContext) again = NULL;
  Snapshot before = { 0, };

  expect_state (context, STEP_CREATE_WITH_PASSPHRASE, PASSPHRASE,
                HEARD_LOCK_STATE_SHOW_RECOVERY_CODE);
  expect_state (context, STEP_CONFIRM_CODE_KEPT, NULL, HEARD_LOCK_STATE_OPEN);
  save_person (context, PERSON_NAME, 0);
  crash (fixture, &context);

  again = start_context (fixture, HEARD_LOCK_STATE_NEEDS_PASSPHRASE);
  snapshot_take (&before, fixture);
  expect_refusal (again, STEP_PASSPHRASE, "a kettle of tea for the day shift",
                  HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_WRONG_KEY);
  snapshot_assert_unchanged (&before, fixture);

  expect_state (again, STEP_PASSPHRASE, PASSPHRASE, HEARD_LOCK_STATE_OPEN);
  assert_people (again, PERSON_NAME);
  heard_test_close_context (&again);

  snapshot_clear (&before);
}

static void
test_no_keyring_recovery_code (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(HeardSecretString) code = set_up_passphrase_records (fixture);
  g_autoptr(HeardSecretString) typed = type_casually (code);
  g_autoptr(HeardContext) context = NULL;
  g_autoptr(HeardContext) next = NULL;

  context = start_context (fixture, HEARD_LOCK_STATE_NEEDS_PASSPHRASE);
  assert_wrong_codes_refused (context, fixture, code);
  expect_state (context, STEP_RECOVERY_CODE, typed, HEARD_LOCK_STATE_OPEN);
  assert_people (context, PERSON_NAME);
  heard_test_close_context (&context);

  /* The passphrase still works after the code was used. */
  next = start_context (fixture, HEARD_LOCK_STATE_NEEDS_PASSPHRASE);
  expect_state (next, STEP_PASSPHRASE, PASSPHRASE, HEARD_LOCK_STATE_OPEN);
  heard_test_close_context (&next);
}

/* Refusing to run */

static void
test_not_in_test_session (void)
{
  g_test_fail_printf ("test-context needs a private, throw-away keyring and will not touch "
                      "yours. Run it through build-aux/test-session, for example: "
                      "build-aux/test-session meson test -C BUILDDIR --suite keyring");
}

static void
test_bus_reachable (void)
{
  g_test_fail_printf ("HEARD_TEST_NO_KEYRING is set, but a session bus answers. Point "
                      "DBUS_SESSION_BUS_ADDRESS at nothing, as tests/meson.build does.");
}

static gboolean
session_bus_reachable (void)
{
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);

  return connection != NULL;
}

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  heard_test_init (&argc, &argv);

  if (g_getenv ("HEARD_TEST_NO_KEYRING") != NULL)
    {
      if (session_bus_reachable ())
        {
          g_test_add_func ("/context/no-keyring/bus-unreachable", test_bus_reachable);
          return g_test_run ();
        }

      ADD ("/context/no-keyring/first-run", test_no_keyring_first_run, NULL);
      ADD ("/context/no-keyring/passphrase", test_no_keyring_passphrase, NULL);
      ADD ("/context/no-keyring/passphrase-wal", test_no_keyring_passphrase_wal, NULL);
      ADD ("/context/no-keyring/staff-passphrase", test_no_keyring_staff_passphrase, NULL);
      ADD ("/context/no-keyring/recovery-code", test_no_keyring_recovery_code, NULL);
      return g_test_run ();
    }

  if (!g_test_subprocess () && !heard_test_in_keyring_session ())
    {
      g_test_add_func ("/context/test-session", test_not_in_test_session);
      return g_test_run ();
    }

  keyring_available = TRUE;

  ADD ("/context/start/first-run", test_first_run, NULL);
  ADD ("/context/no-new-key/keyring-entry-lost", test_no_new_key,
       GINT_TO_POINTER (LOSE_KEYRING_ENTRY));
  ADD ("/context/no-new-key/info-file-lost", test_no_new_key, GINT_TO_POINTER (LOSE_INFO_FILE));
  ADD ("/context/records-file/moved", test_records_file_gone, GINT_TO_POINTER (FALSE));
  ADD ("/context/records-file/emptied", test_records_file_gone, GINT_TO_POINTER (TRUE));
  ADD ("/context/save/outlives-caller", test_save_outlives_caller, NULL);
  ADD ("/context/lock/drops-everything", test_lock, NULL);
  ADD ("/context/models/people", test_people_follow_the_store, NULL);
  ADD ("/context/models/staff", test_staff_follow_the_store, NULL);
  ADD ("/context/models/caseload", test_caseload_follows_the_store, NULL);
  ADD ("/context/recovery/keyring-entry-lost", test_recovery,
       GINT_TO_POINTER (LOSE_KEYRING_ENTRY));
  ADD ("/context/recovery/info-file-lost", test_recovery, GINT_TO_POINTER (LOSE_INFO_FILE));
  ADD ("/context/wal/wrong-keyring-key", test_wal_wrong_keyring_key, NULL);
  ADD ("/context/damaged/pages-overwritten", test_damaged_database,
       GINT_TO_POINTER (DAMAGE_OVERWRITE_MIDDLE));
  ADD ("/context/damaged/cut-at-a-page", test_damaged_database,
       GINT_TO_POINTER (DAMAGE_TRUNCATE_AT_PAGE));
  ADD ("/context/damaged/cut-mid-page", test_damaged_database,
       GINT_TO_POINTER (DAMAGE_TRUNCATE_ODD));
  ADD ("/context/damaged/found-after-listing", test_damage_found_after_listing, NULL);
  ADD ("/context/folder/every-state", test_folder_states, NULL);
  ADD ("/context/folder/two-first-runs", test_two_first_runs, NULL);
  ADD ("/context/folder/already-open", test_already_open, NULL);
  ADD ("/context/damaged-note/empty-file", test_damaged_note,
       GINT_TO_POINTER (BAD_NOTE_EMPTY_FILE));
  ADD ("/context/damaged-note/empty-uuid", test_damaged_note,
       GINT_TO_POINTER (BAD_NOTE_EMPTY_UUID));
  ADD ("/context/damaged-note/malformed-uuid", test_damaged_note,
       GINT_TO_POINTER (BAD_NOTE_MALFORMED_UUID));
  ADD ("/context/damaged-note/invalid-utf8", test_damaged_note,
       GINT_TO_POINTER (BAD_NOTE_INVALID_UTF8));
  ADD ("/context/damaged-note/garbage", test_damaged_note, GINT_TO_POINTER (BAD_NOTE_GARBAGE));
  ADD ("/context/damaged-note/malformed-salt", test_damaged_note,
       GINT_TO_POINTER (BAD_NOTE_MALFORMED_SALT));
  ADD ("/context/damaged-note/unknown-protection", test_damaged_note,
       GINT_TO_POINTER (BAD_NOTE_UNKNOWN_PROTECTION));
  ADD ("/context/damaged-note/malformed-boolean", test_damaged_note,
       GINT_TO_POINTER (BAD_NOTE_MALFORMED_BOOLEAN));
  /* Last: it locks the keyring that all the others use. (GLib runs a
   * suite's own cases before its sub-suites, so every case is in one.) */
  ADD ("/context/locked/keyring-locked", test_keyring_locked, GINT_TO_POINTER (FALSE));
  ADD ("/context/locked/keyring-locked-from-disk", test_keyring_locked, GINT_TO_POINTER (TRUE));

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-caseworker-passphrase"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sodium.h>

#include "heard-caseworker-passphrase.h"
#include "heard-caseworker-passphrase-private.h"
#include "heard-context-private.h"
#include "heard-keyring.h"
#include "heard-secure.h"
#include "heard-test-keyring.h"
#include "heard-test-utils.h"
#include "heard-unlock-flow-private.h"

/*
 * The caseworker's own passphrase, through the context as the window uses
 * it, in the test session's real keyring: asked at every start and after a
 * lock before anything of the records is read; wrong tries slow the next
 * ones and change nothing but its own note; the recovery code still opens
 * the records and lets a new passphrase be chosen; a note changed or lost
 * outside Heard is refused, never taken for "no passphrase".
 *
 * These drive the context step by step (heard_context_unlock_finish()),
 * not through heard_test_unlock_finish(), which would give the passphrase.
 */

#define PERSON_NAME "Ifeoma Castellanos-Brandt"
#define NEW_PASSPHRASE "a different sentence for the new laptop"

typedef struct
{
  HeardTestRecords  records;
  char             *code;
  char             *note_path;
} Fixture;

/* The clock wrong tries are timed by, moved on by the tests. */
static gint64 fake_now = 1700000000;

static gint64
get_fake_now (void)
{
  return fake_now;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  heard_test_records_init (&fixture->records);
  fixture->note_path = g_build_filename (fixture->records.data_dir, HEARD_CASEWORKER_FILE, NULL);
  _heard_caseworker_passphrase_set_clock (get_fake_now);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  _heard_caseworker_passphrase_set_clock (NULL);
  heard_secure_free_string (fixture->code);
  g_free (fixture->note_path);
  heard_test_records_clear (&fixture->records);
}

/* One step's state, or its refusal in @error. */
static HeardLockState
finish_step (HeardContext  *context,
             GAsyncResult **result,
             GError       **error)
{
  HeardLockState state;

  heard_test_wait (result);
  state = heard_context_unlock_finish (context, *result, error);
  g_clear_object (result);
  g_assert_cmpint (state, ==, heard_context_get_lock_state (context));

  return state;
}

static HeardLockState
start (HeardContext *context)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeardLockState state;

  heard_context_start_async (context, NULL, heard_test_store_result_cb, &result);
  state = finish_step (context, &result, &error);
  g_assert_no_error (error);

  return state;
}

static HeardLockState
give_passphrase (HeardContext  *context,
                 const char    *passphrase,
                 GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_context_unlock_with_caseworker_passphrase_async (context, passphrase, NULL,
                                                         heard_test_store_result_cb, &result);
  return finish_step (context, &result, error);
}

/* @passphrase is refused as not theirs, and the records stay unopened. */
static void
assert_refused_as_wrong (HeardContext *context,
                         const char   *passphrase)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (give_passphrase (context, passphrase, &error), ==,
                   HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE);
  g_assert_error (error, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                  HEARD_CASEWORKER_PASSPHRASE_ERROR_WRONG);
}

static HeardLockState
choose_passphrase (HeardContext  *context,
                   const char    *passphrase,
                   GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_context_set_caseworker_passphrase_async (context, passphrase, NULL,
                                                 heard_test_store_result_cb, &result);
  return finish_step (context, &result, error);
}

static void
save_person (HeardContext *context,
             const char   *name)
{
  g_autoptr(HeardPerson) person = heard_test_person_new (name);
  g_autoptr(HeardPerson) saved = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  heard_context_save_person_async (context, person, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  saved = heard_context_save_person_finish (context, result, &error);
  g_assert_no_error (error);
}

/* Nothing of the records is held: no store, no young person listed. */
static void
assert_nothing_shown (HeardContext *context)
{
  g_assert_null (_heard_context_get_store (context));
  g_assert_cmpuint (g_list_model_get_n_items (heard_context_get_people (context)), ==, 0);
}

/* A first run as the window makes it, up to the recovery code kept: the
 * records are open, asking for the caseworker's passphrase. */
static HeardContext *
start_first_run (Fixture *fixture)
{
  HeardContext *context = heard_context_new (fixture->records.data_dir);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (start (context), ==, HEARD_LOCK_STATE_SHOW_RECOVERY_CODE);
  fixture->code = heard_context_dup_recovery_code (context);
  heard_context_confirm_recovery_code_kept_async (context, NULL, heard_test_store_result_cb,
                                                  &result);
  g_assert_cmpint (finish_step (context, &result, &error), ==,
                   HEARD_LOCK_STATE_NEEDS_NEW_CASEWORKER_PASSPHRASE);
  g_assert_no_error (error);
  g_assert_false (g_file_test (fixture->note_path, G_FILE_TEST_EXISTS));

  return context;
}

/* A first run as the window makes it: the recovery code kept, then the
 * caseworker's passphrase chosen (only then are the records shown), and
 * one young person; closed as on quit. */
static void
make_records (Fixture *fixture)
{
  g_autoptr(HeardContext) context = start_first_run (fixture);
  g_autoptr(GError) error = NULL;

  /* Too short, then two that do not match are the window's to catch. */
  g_assert_cmpint (choose_passphrase (context, "short", &error), ==,
                   HEARD_LOCK_STATE_NEEDS_NEW_CASEWORKER_PASSPHRASE);
  g_assert_error (error, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                  HEARD_CASEWORKER_PASSPHRASE_ERROR_UNUSABLE);
  g_clear_error (&error);
  g_assert_false (g_file_test (fixture->note_path, G_FILE_TEST_EXISTS));

  g_assert_cmpint (choose_passphrase (context, HEARD_TEST_CASEWORKER_PASSPHRASE, &error), ==,
                   HEARD_LOCK_STATE_OPEN);
  g_assert_no_error (error);
  g_assert_true (g_file_test (fixture->note_path, G_FILE_TEST_EXISTS));
  g_assert_true (heard_context_get_has_caseworker_passphrase (context));
  save_person (context, PERSON_NAME);
  heard_test_close_context (&context);
}

static void
assert_opened_with_person (HeardContext *context)
{
  GListModel *people = heard_context_get_people (context);
  g_autoptr(HeardPerson) person = NULL;

  g_assert_cmpint (heard_context_get_lock_state (context), ==, HEARD_LOCK_STATE_OPEN);
  g_assert_nonnull (_heard_context_get_store (context));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1);
  person = g_list_model_get_item (people, 0);
  g_assert_cmpstr (heard_person_get_display_name (person), ==, PERSON_NAME);
}

/* The folder as heard_test_describe_folder() says, without @left_out. */
static char *
describe_folder_without (const char *folder,
                         const char *left_out)
{
  g_autofree char *all = heard_test_describe_folder (folder);
  g_auto(GStrv) lines = g_strsplit (all, "\n", -1);
  GString *kept = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!g_str_has_prefix (lines[i], left_out))
        g_string_append_printf (kept, "%s\n", lines[i]);
    }

  return g_string_free (kept, FALSE);
}

static void
test_wait_after (void)
{
  for (guint tries = 0; tries < HEARD_CASEWORKER_FREE_TRIES; tries++)
    g_assert_cmpuint (heard_caseworker_passphrase_wait_after (tries), ==, 0);
  g_assert_cmpuint (heard_caseworker_passphrase_wait_after (5), ==, 30);
  g_assert_cmpuint (heard_caseworker_passphrase_wait_after (6), ==, 60);
  g_assert_cmpuint (heard_caseworker_passphrase_wait_after (7), ==, 120);
  g_assert_cmpuint (heard_caseworker_passphrase_wait_after (9), ==, 480);
  g_assert_cmpuint (heard_caseworker_passphrase_wait_after (10), ==, 15 * 60);
  g_assert_cmpuint (heard_caseworker_passphrase_wait_after (1000), ==, 15 * 60);
}

/* Every start, and every unlock after a lock, asks before anything of the
 * records is read; only the right passphrase opens them. */
static void
test_asked_at_start_and_after_lock (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(HeardContext) context = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  make_records (fixture);

  context = heard_context_new (fixture->records.data_dir);
  g_assert_cmpint (start (context), ==, HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE);
  assert_nothing_shown (context);
  g_assert_null (heard_context_dup_recovery_code (context));

  g_assert_cmpint (give_passphrase (context, HEARD_TEST_CASEWORKER_PASSPHRASE, &error), ==,
                   HEARD_LOCK_STATE_OPEN);
  g_assert_no_error (error);
  assert_opened_with_person (context);

  heard_context_lock_async (context, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_context_lock_finish (context, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  /* Unlocking after a lock is a start: the passphrase again. */
  g_assert_cmpint (start (context), ==, HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE);
  assert_nothing_shown (context);
  assert_refused_as_wrong (context, "not my passphrase at all");
  assert_nothing_shown (context);

  g_assert_cmpint (give_passphrase (context, HEARD_TEST_CASEWORKER_PASSPHRASE, &error), ==,
                   HEARD_LOCK_STATE_OPEN);
  g_assert_no_error (error);
  assert_opened_with_person (context);
  heard_test_close_context (&context);
}

/* Five wrong tries: the sixth, too soon, is refused and not counted;
 * nothing in the folder changes but the passphrase's own note; after the
 * wait the right passphrase opens the records, and the count starts over. */
static void
test_wrong_tries_slow_down (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(HeardContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *note_after_five = NULL;
  g_autofree char *note_after_sixth = NULL;

  make_records (fixture);
  context = heard_context_new (fixture->records.data_dir);
  g_assert_cmpint (start (context), ==, HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE);
  before = describe_folder_without (fixture->records.data_dir, HEARD_CASEWORKER_FILE);

  for (guint i = 1; i <= HEARD_CASEWORKER_FREE_TRIES; i++)
    {
      g_autofree char *wrong = g_strdup_printf ("wrong passphrase number %u", i);

      fake_now += 2;
      g_assert_cmpint (give_passphrase (context, wrong, &error), ==,
                       HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE);
      g_assert_error (error, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                      HEARD_CASEWORKER_PASSPHRASE_ERROR_WRONG);
      g_clear_error (&error);
      /* The first four leave no wait; the fifth does, and says how long. */
      if (i < HEARD_CASEWORKER_FREE_TRIES)
        g_assert_cmpint (heard_context_get_caseworker_retry_at (context), ==, 0);
    }
  g_assert_cmpint (heard_context_get_caseworker_retry_at (context), >,
                   g_get_monotonic_time () + 25 * G_USEC_PER_SEC);
  g_file_get_contents (fixture->note_path, &note_after_five, NULL, NULL);

  /* Ten seconds on: too soon, even for the right passphrase; not counted. */
  fake_now += 10;
  g_assert_cmpint (give_passphrase (context, HEARD_TEST_CASEWORKER_PASSPHRASE, &error), ==,
                   HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE);
  g_assert_error (error, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                  HEARD_CASEWORKER_PASSPHRASE_ERROR_TOO_SOON);
  g_assert_nonnull (strstr (error->message, "Try again in 20 seconds"));
  g_clear_error (&error);
  assert_nothing_shown (context);
  g_file_get_contents (fixture->note_path, &note_after_sixth, NULL, NULL);
  g_assert_cmpstr (note_after_five, ==, note_after_sixth);

  /* Nothing destroyed, nothing else written. */
  after = describe_folder_without (fixture->records.data_dir, HEARD_CASEWORKER_FILE);
  g_assert_cmpstr (before, ==, after);

  /* A restart does not make the wait go away. */
  heard_test_close_context (&context);
  context = heard_context_new (fixture->records.data_dir);
  g_assert_cmpint (start (context), ==, HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE);
  g_assert_cmpint (heard_context_get_caseworker_retry_at (context), >,
                   g_get_monotonic_time () + 15 * G_USEC_PER_SEC);

  /* Once the wait is over, the right passphrase opens the records. */
  fake_now += 30;
  g_assert_cmpint (give_passphrase (context, HEARD_TEST_CASEWORKER_PASSPHRASE, &error), ==,
                   HEARD_LOCK_STATE_OPEN);
  g_assert_no_error (error);
  g_assert_cmpint (heard_context_get_caseworker_retry_at (context), ==, 0);
  assert_opened_with_person (context);
  heard_test_close_context (&context);

  /* The count started over: one wrong try leaves no wait. */
  context = heard_context_new (fixture->records.data_dir);
  g_assert_cmpint (start (context), ==, HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE);
  g_assert_cmpint (heard_context_get_caseworker_retry_at (context), ==, 0);
  assert_refused_as_wrong (context, "one more wrong one");
  g_assert_cmpint (heard_context_get_caseworker_retry_at (context), ==, 0);
  heard_test_close_context (&context);
}

/* "Forgot your passphrase?": the recovery code opens the records, which
 * stay unshown until a new passphrase is chosen; the old one is gone. */
static void
test_recovery_code_sets_new_passphrase (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(HeardContext) context = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  make_records (fixture);
  context = heard_context_new (fixture->records.data_dir);
  g_assert_cmpint (start (context), ==, HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE);

  heard_context_unlock_with_recovery_code_async (context, fixture->code, NULL,
                                                 heard_test_store_result_cb, &result);
  g_assert_cmpint (finish_step (context, &result, &error), ==,
                   HEARD_LOCK_STATE_NEEDS_NEW_CASEWORKER_PASSPHRASE);
  g_assert_no_error (error);
  /* Open, but nothing of them listed until the new passphrase is set. */
  g_assert_cmpuint (g_list_model_get_n_items (heard_context_get_people (context)), ==, 0);

  g_assert_cmpint (choose_passphrase (context, NEW_PASSPHRASE, &error), ==,
                   HEARD_LOCK_STATE_OPEN);
  g_assert_no_error (error);
  assert_opened_with_person (context);
  heard_test_close_context (&context);

  context = heard_context_new (fixture->records.data_dir);
  g_assert_cmpint (start (context), ==, HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE);
  assert_refused_as_wrong (context, HEARD_TEST_CASEWORKER_PASSPHRASE);
  g_assert_cmpint (give_passphrase (context, NEW_PASSPHRASE, &error), ==, HEARD_LOCK_STATE_OPEN);
  g_assert_no_error (error);
  assert_opened_with_person (context);
  heard_test_close_context (&context);
}

/* Changed in Preferences: the old passphrase first (a wrong one counted
 * and refused), then the new one is the one asked for. */
static void
test_change_passphrase (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(HeardContext) context = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  make_records (fixture);
  context = heard_context_new (fixture->records.data_dir);
  g_assert_cmpint (start (context), ==, HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE);
  g_assert_cmpint (give_passphrase (context, HEARD_TEST_CASEWORKER_PASSPHRASE, &error), ==,
                   HEARD_LOCK_STATE_OPEN);

  heard_context_change_caseworker_passphrase_async (context, "not the old one, sorry",
                                                    NEW_PASSPHRASE, NULL,
                                                    heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_false (heard_context_change_caseworker_passphrase_finish (context, result, &error));
  g_assert_error (error, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                  HEARD_CASEWORKER_PASSPHRASE_ERROR_WRONG);
  g_clear_error (&error);
  g_clear_object (&result);

  heard_context_change_caseworker_passphrase_async (context, HEARD_TEST_CASEWORKER_PASSPHRASE,
                                                    NEW_PASSPHRASE, NULL,
                                                    heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_context_change_caseworker_passphrase_finish (context, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  heard_test_close_context (&context);

  context = heard_context_new (fixture->records.data_dir);
  g_assert_cmpint (start (context), ==, HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE);
  g_assert_cmpint (give_passphrase (context, NEW_PASSPHRASE, &error), ==, HEARD_LOCK_STATE_OPEN);
  g_assert_no_error (error);
  heard_test_close_context (&context);
}

typedef enum
{
  TAMPER_FLIP_BYTE,
  TAMPER_DELETE,
  TAMPER_FEWER_TRIES,
  TAMPER_FORGET_SEAL,
  TAMPER_OLDER_AFTER_WRONG_TRIES,
  TAMPER_OLDER_AFTER_CHANGE,
} Tamper;

/* Five wrong tries at a start, as someone guessing would make them. */
static void
make_wrong_tries (Fixture *fixture)
{
  g_autoptr(HeardContext) context = heard_context_new (fixture->records.data_dir);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (start (context), ==, HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE);
  for (guint i = 1; i <= HEARD_CASEWORKER_FREE_TRIES; i++)
    {
      g_autofree char *wrong = g_strdup_printf ("a guess at the passphrase, %u", i);

      fake_now += 2;
      g_assert_cmpint (give_passphrase (context, wrong, &error), ==,
                       HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE);
      g_assert_error (error, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                      HEARD_CASEWORKER_PASSPHRASE_ERROR_WRONG);
      g_clear_error (&error);
    }
  g_assert_cmpint (heard_context_get_caseworker_retry_at (context), >, 0);
  heard_test_close_context (&context);
}

/* The passphrase changed in Preferences to NEW_PASSPHRASE. */
static void
change_to_new_passphrase (Fixture *fixture)
{
  g_autoptr(HeardContext) context = heard_context_new (fixture->records.data_dir);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (start (context), ==, HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE);
  g_assert_cmpint (give_passphrase (context, HEARD_TEST_CASEWORKER_PASSPHRASE, &error), ==,
                   HEARD_LOCK_STATE_OPEN);
  g_assert_no_error (error);
  heard_context_change_caseworker_passphrase_async (context, HEARD_TEST_CASEWORKER_PASSPHRASE,
                                                    NEW_PASSPHRASE, NULL,
                                                    heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_context_change_caseworker_passphrase_finish (context, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  heard_test_close_context (&context);
}

/* A note changed or removed outside Heard, or its seal gone from the
 * keyring, is refused plainly at the start: the recovery code is asked
 * for, nothing of the records opens, and no passphrase gets past it. */
static void
test_tampered_note_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  Tamper tamper = GPOINTER_TO_INT (data);
  g_autoptr(HeardContext) context = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *uuid = NULL;
  HeardDatabaseInfo info = { 0 };
  gsize length = 0;

  make_records (fixture);
  g_assert_true (_heard_database_info_read (&info, fixture->records.data_dir));
  uuid = g_strdup (info.uuid);
  _heard_database_info_clear (&info);
  g_assert_true (g_file_get_contents (fixture->note_path, &contents, &length, NULL));

  switch (tamper)
    {
    case TAMPER_FLIP_BYTE:
      {
        /* A byte of the verifier's hash (its last field), which the MAC covers. */
        char *verifier = strstr (contents, "$argon2id$");
        char *end;

        g_assert_nonnull (verifier);
        end = strchr (verifier, '\n');
        g_assert_nonnull (end);
        /* Base64, so a letter, a digit, "+" or "/". */
        g_assert_nonnull (strchr ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                  "0123456789+/", end[-3]));
        end[-3] = end[-3] == 'A' ? 'B' : 'A';
        heard_test_write_file (fixture->note_path, contents, length);
      }
      break;
    case TAMPER_DELETE:
      g_assert_cmpint (g_unlink (fixture->note_path), ==, 0);
      break;
    case TAMPER_FEWER_TRIES:
      {
        /* As if an older copy, with fewer wrong tries, were put back. */
        g_autoptr(GString) text = g_string_new (contents);

        g_assert_cmpuint (g_string_replace (text, "last-wrong-try=0", "last-wrong-try=1", 1),
                          ==, 1);
        heard_test_write_file (fixture->note_path, text->str, text->len);
      }
      break;
    case TAMPER_FORGET_SEAL:
      heard_test_keyring_forget_seal (uuid);
      break;
    case TAMPER_OLDER_AFTER_WRONG_TRIES:
      /* An older copy of Heard's own (its MAC good) put back to undo the
       * wait after wrong tries, and so guess on without end. */
      make_wrong_tries (fixture);
      heard_test_write_file (fixture->note_path, contents, length);
      break;
    case TAMPER_OLDER_AFTER_CHANGE:
      /* An older copy put back to bring back the passphrase changed since:
       * the old passphrase, below, must not open the records. */
      change_to_new_passphrase (fixture);
      heard_test_write_file (fixture->note_path, contents, length);
      break;
    default:
      g_assert_not_reached ();
    }

  context = heard_context_new (fixture->records.data_dir);
  g_assert_cmpint (start (context), ==, HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE);
  g_assert_nonnull (strstr (heard_context_get_lock_message (context), "changed outside Heard"));
  assert_nothing_shown (context);

  /* No passphrase gets past it, not even the right one. */
  g_assert_cmpint (give_passphrase (context, HEARD_TEST_CASEWORKER_PASSPHRASE, &error), ==,
                   HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE);
  g_assert_nonnull (error);
  g_clear_error (&error);
  assert_nothing_shown (context);

  /* The recovery code is the way back, with a new passphrase. */
  heard_context_unlock_with_recovery_code_async (context, fixture->code, NULL,
                                                 heard_test_store_result_cb, &result);
  g_assert_cmpint (finish_step (context, &result, &error), ==,
                   HEARD_LOCK_STATE_NEEDS_NEW_CASEWORKER_PASSPHRASE);
  g_assert_no_error (error);
  g_assert_cmpint (choose_passphrase (context, NEW_PASSPHRASE, &error), ==,
                   HEARD_LOCK_STATE_OPEN);
  g_assert_no_error (error);
  assert_opened_with_person (context);
  heard_test_close_context (&context);

  context = heard_context_new (fixture->records.data_dir);
  g_assert_cmpint (start (context), ==, HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE);
  g_assert_cmpint (give_passphrase (context, NEW_PASSPHRASE, &error), ==, HEARD_LOCK_STATE_OPEN);
  g_assert_no_error (error);
  heard_test_close_context (&context);
}

/* Records made before there was a caseworker passphrase (no note, no
 * seal) open to a page that asks for one before anything is listed. */
static void
test_records_from_before (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(HeardContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  HeardDatabaseInfo info = { 0 };

  make_records (fixture);
  g_assert_true (_heard_database_info_read (&info, fixture->records.data_dir));
  uuid = g_strdup (info.uuid);
  _heard_database_info_clear (&info);
  g_assert_cmpint (g_unlink (fixture->note_path), ==, 0);
  heard_test_keyring_forget_seal (uuid);

  context = heard_context_new (fixture->records.data_dir);
  g_assert_cmpint (start (context), ==, HEARD_LOCK_STATE_NEEDS_NEW_CASEWORKER_PASSPHRASE);
  g_assert_cmpuint (g_list_model_get_n_items (heard_context_get_people (context)), ==, 0);
  g_assert_false (heard_context_get_has_caseworker_passphrase (context));
  g_assert_cmpint (choose_passphrase (context, NEW_PASSPHRASE, &error), ==,
                   HEARD_LOCK_STATE_OPEN);
  g_assert_no_error (error);
  assert_opened_with_person (context);
  heard_test_close_context (&context);

  context = heard_context_new (fixture->records.data_dir);
  g_assert_cmpint (start (context), ==, HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE);
  heard_test_close_context (&context);
}

/* caseworker.ini and its seal as Heard kept them before there were
 * generations: no generation line, the first MAC, the seal's hex alone. */
static void
keep_note_as_before_generations (Fixture    *fixture,
                                 const char *uuid)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) note = g_key_file_new ();
  g_autoptr(HeardKey) seal = NULL;
  g_autofree char *verifier = NULL;
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  guint8 mac[crypto_generichash_BYTES];
  char hex[crypto_generichash_BYTES * 2 + 1];
  gsize length = 0;

  heard_keyring_lookup_seal_async (uuid, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  seal = heard_keyring_lookup_seal_finish (result, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (g_key_file_load_from_file (note, fixture->note_path, G_KEY_FILE_NONE, NULL));
  verifier = g_key_file_get_string (note, "caseworker", "verifier", NULL);
  g_assert_nonnull (verifier);
  text = g_strdup_printf ("heard-caseworker-passphrase-1\n%s\n0\n0\n", verifier);
  crypto_generichash (mac, sizeof mac, (const guint8 *) text, strlen (text),
                      heard_key_get_bytes (seal), HEARD_KEY_SIZE);
  sodium_bin2hex (hex, sizeof hex, mac, sizeof mac);

  g_assert_true (g_key_file_remove_key (note, "caseworker", "generation", NULL));
  g_key_file_set_int64 (note, "caseworker", "wrong-tries", 0);
  g_key_file_set_int64 (note, "caseworker", "last-wrong-try", 0);
  g_key_file_set_string (note, "caseworker", "mac", hex);
  contents = g_key_file_to_data (note, &length, NULL);
  heard_test_write_file (fixture->note_path, contents, length);

  heard_test_keyring_drop_seal_generation (uuid);
}

/* A note and seal from before there were generations are taken as the
 * first generation; once Heard writes the note again, that older copy put
 * back is refused like any other. */
static void
test_note_from_before_generations (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(HeardContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *old_note = NULL;
  HeardDatabaseInfo info = { 0 };
  gsize length = 0;

  make_records (fixture);
  g_assert_true (_heard_database_info_read (&info, fixture->records.data_dir));
  uuid = g_strdup (info.uuid);
  _heard_database_info_clear (&info);
  keep_note_as_before_generations (fixture, uuid);
  g_assert_true (g_file_get_contents (fixture->note_path, &old_note, &length, NULL));

  context = heard_context_new (fixture->records.data_dir);
  g_assert_cmpint (start (context), ==, HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE);
  g_assert_cmpint (give_passphrase (context, "not the passphrase, a guess", &error), ==,
                   HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE);
  g_assert_error (error, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                  HEARD_CASEWORKER_PASSPHRASE_ERROR_WRONG);
  g_clear_error (&error);
  g_assert_cmpint (give_passphrase (context, HEARD_TEST_CASEWORKER_PASSPHRASE, &error), ==,
                   HEARD_LOCK_STATE_OPEN);
  g_assert_no_error (error);
  assert_opened_with_person (context);
  heard_test_close_context (&context);

  heard_test_write_file (fixture->note_path, old_note, length);
  context = heard_context_new (fixture->records.data_dir);
  g_assert_cmpint (start (context), ==, HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE);
  g_assert_nonnull (strstr (heard_context_get_lock_message (context), "changed outside Heard"));
  assert_nothing_shown (context);
  heard_test_close_context (&context);
}

/* A keyring that cannot keep the new seal leaves everything as it was:
 * no note written without its seal, so the next start is not taken for a
 * note changed outside Heard, and the passphrase can be chosen again. */
static void
test_seal_not_kept (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(HeardContext) context = start_first_run (fixture);
  g_autoptr(GError) error = NULL;

  /* Locked, and its prompt dismissed at once (see build-aux/test-session). */
  heard_test_lock_default_collection ();
  choose_passphrase (context, HEARD_TEST_CASEWORKER_PASSPHRASE, &error);
  g_assert_nonnull (error);
  g_clear_error (&error);
  heard_test_unlock_default_collection ();
  g_assert_false (g_file_test (fixture->note_path, G_FILE_TEST_EXISTS));
  g_assert_false (heard_context_get_has_caseworker_passphrase (context));
  heard_test_close_context (&context);

  context = heard_context_new (fixture->records.data_dir);
  g_assert_cmpint (start (context), ==, HEARD_LOCK_STATE_NEEDS_NEW_CASEWORKER_PASSPHRASE);
  g_assert_cmpint (choose_passphrase (context, HEARD_TEST_CASEWORKER_PASSPHRASE, &error), ==,
                   HEARD_LOCK_STATE_OPEN);
  g_assert_no_error (error);
  heard_test_close_context (&context);

  context = heard_context_new (fixture->records.data_dir);
  g_assert_cmpint (start (context), ==, HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE);
  heard_test_close_context (&context);
}

/* Stores a new seal for @uuid as the unlock flow does before the note. */
static void
store_new_seal (const char *uuid,
                guint64     generation)
{
  g_autoptr(HeardKey) seal = heard_key_new_random ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  heard_keyring_store_seal_async (uuid, seal, generation, NULL, heard_test_store_result_cb,
                                  &result);
  heard_test_wait (&result);
  g_assert_true (heard_keyring_store_seal_finish (result, &error));
  g_assert_no_error (error);
}

/* Heard stopped while the first passphrase was being set, after its seal
 * was kept and before its note was written: the records still have no
 * passphrase, as before, and one can be chosen; no "changed outside". */
static void
test_first_set_interrupted (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(HeardContext) context = start_first_run (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  HeardDatabaseInfo info = { 0 };

  g_assert_true (_heard_database_info_read (&info, fixture->records.data_dir));
  uuid = g_strdup (info.uuid);
  _heard_database_info_clear (&info);
  store_new_seal (uuid, 0);
  heard_test_close_context (&context);

  context = heard_context_new (fixture->records.data_dir);
  g_assert_cmpint (start (context), ==, HEARD_LOCK_STATE_NEEDS_NEW_CASEWORKER_PASSPHRASE);
  g_assert_cmpint (choose_passphrase (context, HEARD_TEST_CASEWORKER_PASSPHRASE, &error), ==,
                   HEARD_LOCK_STATE_OPEN);
  g_assert_no_error (error);
  heard_test_close_context (&context);

  /* Set now: its note deleted is refused, not taken for none. */
  g_assert_cmpint (g_unlink (fixture->note_path), ==, 0);
  context = heard_context_new (fixture->records.data_dir);
  g_assert_cmpint (start (context), ==, HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE);
  g_assert_nonnull (strstr (heard_context_get_lock_message (context), "changed outside Heard"));
  assert_nothing_shown (context);
  heard_test_close_context (&context);
}

/* The same for records that had a passphrase (a new one chosen after the
 * recovery code): the new seal without its note is refused. */
static void
test_later_set_interrupted (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(HeardContext) context = NULL;
  g_autofree char *uuid = NULL;
  HeardDatabaseInfo info = { 0 };

  make_records (fixture);
  g_assert_true (_heard_database_info_read (&info, fixture->records.data_dir));
  uuid = g_strdup (info.uuid);
  _heard_database_info_clear (&info);
  g_assert_cmpint (g_unlink (fixture->note_path), ==, 0);
  store_new_seal (uuid, 1);

  context = heard_context_new (fixture->records.data_dir);
  g_assert_cmpint (start (context), ==, HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE);
  assert_nothing_shown (context);
  heard_test_close_context (&context);
}

int
main (int   argc,
      char *argv[])
{
  heard_test_init (&argc, &argv);

  g_test_add_func ("/caseworker-passphrase/wait-after", test_wait_after);

  if (!heard_test_in_keyring_session ())
    {
      g_test_message ("Not inside build-aux/test-session: no keyring to test with.");
      return g_test_run ();
    }

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/caseworker-passphrase/asked-at-start-and-after-lock",
       test_asked_at_start_and_after_lock, NULL);
  ADD ("/caseworker-passphrase/wrong-tries-slow-down", test_wrong_tries_slow_down, NULL);
  ADD ("/caseworker-passphrase/recovery-code-sets-new", test_recovery_code_sets_new_passphrase,
       NULL);
  ADD ("/caseworker-passphrase/change", test_change_passphrase, NULL);
  ADD ("/caseworker-passphrase/tampered/flipped-byte", test_tampered_note_refused,
       GINT_TO_POINTER (TAMPER_FLIP_BYTE));
  ADD ("/caseworker-passphrase/tampered/deleted", test_tampered_note_refused,
       GINT_TO_POINTER (TAMPER_DELETE));
  ADD ("/caseworker-passphrase/tampered/count-changed", test_tampered_note_refused,
       GINT_TO_POINTER (TAMPER_FEWER_TRIES));
  ADD ("/caseworker-passphrase/tampered/seal-forgotten", test_tampered_note_refused,
       GINT_TO_POINTER (TAMPER_FORGET_SEAL));
  ADD ("/caseworker-passphrase/tampered/older-copy-after-wrong-tries",
       test_tampered_note_refused, GINT_TO_POINTER (TAMPER_OLDER_AFTER_WRONG_TRIES));
  ADD ("/caseworker-passphrase/tampered/older-copy-after-change", test_tampered_note_refused,
       GINT_TO_POINTER (TAMPER_OLDER_AFTER_CHANGE));
  ADD ("/caseworker-passphrase/records-from-before", test_records_from_before, NULL);
  ADD ("/caseworker-passphrase/note-from-before-generations",
       test_note_from_before_generations, NULL);
  ADD ("/caseworker-passphrase/seal-not-kept", test_seal_not_kept, NULL);
  ADD ("/caseworker-passphrase/first-set-interrupted", test_first_set_interrupted, NULL);
  ADD ("/caseworker-passphrase/later-set-interrupted", test_later_set_interrupted, NULL);

  return g_test_run ();
}

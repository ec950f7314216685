/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-cli"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "heard-backup.h"
#include "heard-backup-service.h"
#include "heard-context.h"
#include "heard-context-private.h"
#include "heard-export-note.h"
#include "heard-folder-lock.h"
#include "heard-keyring.h"
#include "heard-plan-document.h"
#include "heard-unlock-flow-private.h"
#include "heard-recovery-code.h"
#include "heard-secure.h"
#include "heard-store-agencies.h"
#include "heard-store-statements.h"
#include "heard-test-keyring.h"
#include "heard-test-utils.h"

/*
 * heard-cli as an administrator or a script meets it: the built program
 * run as a child process (HEARD_CLI) on records a HeardContext made in the
 * test session's real keyring. Its exit status says what happened, one per
 * kind of failure; secrets come on standard input only; nothing personal
 * is ever printed; and its reading commands run beside a Heard that has
 * the same records open, changing nothing.
 */

#define PASSPHRASE "a kettle of tea for the night shift"
/* A name no message could hold by chance. */
#define DISTINCT_NAME "Zephyrine Quillfeather-Oyelaran"

/* Exit statuses, as heard-cli --help lists them. */
enum
{
  EXIT_OK            = 0,
  EXIT_USAGE         = 1,
  EXIT_LOCKED        = 2,
  EXIT_VERIFY_FAILED = 3,
  EXIT_IN_USE        = 4,
  EXIT_FILE          = 5,
  EXIT_NO_RECORDS    = 6,
  EXIT_REFUSED       = 8,
};

typedef struct
{
  HeardTestRecords  records;
  char             *code;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

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
  heard_secure_free_string (fixture->code);
  heard_test_records_clear (&fixture->records);
}

/* Whether heard-cli asks for the caseworker's passphrase first: a
 * command that reads the records of a --data-dir that has one. */
static gboolean
asks_caseworker_passphrase (GPtrArray *argv)
{
  const char *command = argv->len > 1 ? argv->pdata[1] : NULL;

  if (g_strcmp0 (command, "verify") != 0 && g_strcmp0 (command, "info") != 0 &&
      g_strcmp0 (command, "backup") != 0 && g_strcmp0 (command, "export") != 0)
    return FALSE;

  for (guint i = 2; i + 1 < argv->len; i++)
    {
      if (g_strcmp0 (argv->pdata[i], "--data-dir") == 0)
        {
          g_autofree char *note = g_build_filename (argv->pdata[i + 1], "caseworker.ini", NULL);

          return g_file_test (note, G_FILE_TEST_EXISTS);
        }
    }

  return FALSE;
}

/* Runs heard-cli with the NULL-terminated @args after @stdin_text (NULL:
 * standard input closed at once) and HEARD_DATA_DIR unset; with
 * @caseworker, the caseworker's passphrase comes first, as the caseworker
 * would type it, when the command asks for it. */
static void
run_cli_va (Run        *run,
            gboolean    caseworker,
            const char *stdin_text,
            va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;
  const char *cli = g_getenv ("HEARD_CLI");
  const char *arg;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);
  if (caseworker && asks_caseworker_passphrase (argv))
    stdin_text = typed = g_strconcat (HEARD_TEST_CASEWORKER_PASSPHRASE "\n", stdin_text, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "HEARD_DATA_DIR");
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, stdin_text, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("heard-cli %s → %d\nout: %s\nerr: %s", (const char *) argv->pdata[1],
                  run->status, run->out, run->err);
}

static void
run_cli (Run        *run,
         const char *stdin_text,
         ...)
{
  va_list args;

  va_start (args, stdin_text);
  run_cli_va (run, TRUE, stdin_text, args);
  va_end (args);
}

/* As run_cli(), but @stdin_text alone: no caseworker's passphrase first. */
static void
run_cli_without_passphrase (Run        *run,
                            const char *stdin_text,
                            ...)
{
  va_list args;

  va_start (args, stdin_text);
  run_cli_va (run, FALSE, stdin_text, args);
  va_end (args);
}

/* Records with three young people, one of them DISTINCT_NAME, made as
 * Heard makes them (in the keyring, or under PASSPHRASE); returned open. */
static HeardContext *
open_new_records (Fixture  *fixture,
                  gboolean  passphrase)
{
  HeardContext *context = heard_context_new (fixture->records.data_dir);
  g_autoptr(GAsyncResult) result = NULL;

  if (passphrase)
    heard_context_create_with_passphrase_async (context, PASSPHRASE, NULL,
                                                heard_test_store_result_cb, &result);
  else
    heard_context_start_async (context, NULL, heard_test_store_result_cb, &result);
  g_assert_cmpint (heard_test_unlock_state (context, &result), ==,
                   HEARD_LOCK_STATE_SHOW_RECOVERY_CODE);
  fixture->code = heard_test_keep_recovery_code (context);

  heard_test_context_add_person (context, "Amara Okafor");
  heard_test_context_add_person (context, DISTINCT_NAME);
  heard_test_context_add_person (context, "Chidi Eze");

  return context;
}

/* The same, closed as on quit. */
static void
make_records (Fixture  *fixture,
              gboolean  passphrase)
{
  g_autoptr(HeardContext) context = open_new_records (fixture, passphrase);

  heard_test_close_context (&context);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
assert_says_nothing_personal (const Run *run)
{
  g_assert_null (strstr (run->out, "Zephyrine"));
  g_assert_null (strstr (run->err, "Zephyrine"));
  g_assert_null (strstr (run->out, "Quillfeather"));
  g_assert_null (strstr (run->err, "Quillfeather"));
}

/* Every line of @text fits a terminal 80 columns wide. */
static void
assert_fits_terminal (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_test_message ("%s", lines[i]);
      g_assert_cmpint (g_utf8_strlen (lines[i], -1), <=, 80);
    }
}

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  const char *commands[] = { "verify", "info", "backup", "restore", "practice" };

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "--help", NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
    g_assert_nonnull (strstr (run.out, "Exit status"));
    assert_fits_terminal (run.out);
    for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
      g_assert_nonnull (strstr (run.out, commands[i]));
  }

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, NULL, commands[i], "--help", NULL);
      g_assert_cmpint (run.status, ==, EXIT_OK);
      g_assert_nonnull (strstr (run.out, commands[i]));
      g_assert_nonnull (strstr (run.out, "--data-dir"));
      assert_fits_terminal (run.out);
      /* Only practice records have a folder of their own. */
      g_assert_true ((strstr (run.out, "-practice added") != NULL) ==
                     (strcmp (commands[i], "practice") == 0));
    }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "export-everything", NULL);
    g_assert_cmpint (run.status, ==, EXIT_USAGE);
    g_assert_nonnull (strstr (run.err, "export-everything"));
  }
}

/* A folder without records is said to have none: nothing is made there. */
static void
test_no_records (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, NULL, "verify", "--data-dir", fixture->records.data_dir, NULL);
  g_assert_cmpint (run.status, ==, EXIT_NO_RECORDS);
  g_assert_nonnull (strstr (run.err, "no records"));
  g_assert_false (g_file_test (fixture->records.data_dir, G_FILE_TEST_EXISTS));
}

static void
test_verify_good (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  make_records (fixture, FALSE);
  before = heard_test_describe_folder (fixture->records.data_dir);

  run_cli (&run, NULL, "verify", "--data-dir", fixture->records.data_dir, NULL);
  g_assert_cmpint (run.status, ==, EXIT_OK);
  g_assert_nonnull (strstr (run.out, "holds"));
  assert_says_nothing_personal (&run);

  /* Read, not written: every file is as it was. */
  after = heard_test_describe_folder (fixture->records.data_dir);
  g_assert_cmpstr (before, ==, after);
}

/* An entry of the record of changes altered in the file, past the
 * triggers that keep it append-only, as someone with the key could. */
static void
test_verify_tampered (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(HeardKey) key = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  make_records (fixture, FALSE);
  key = heard_recovery_code_parse (fixture->code, &error);
  g_assert_no_error (error);
  db = heard_test_raw_open (fixture->records.db_path, key);
  heard_test_exec_behind_trigger (db, "audit_no_update",
                                  "UPDATE audit SET detail = 'nothing happened' WHERE id = 2");
  sqlite3_close (db);

  run_cli (&run, NULL, "verify", "--data-dir", fixture->records.data_dir, NULL);
  g_assert_cmpint (run.status, ==, EXIT_VERIFY_FAILED);
  g_assert_nonnull (strstr (run.err, "from entry 2 on"));
  g_assert_cmpstr (run.out, ==, "");
}

static void
test_info (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  make_records (fixture, FALSE);

  run_cli (&run, NULL, "info", "--data-dir", fixture->records.data_dir, NULL);
  g_assert_cmpint (run.status, ==, EXIT_OK);
  g_assert_nonnull (strstr (run.out, "Young people: 3 "));
  g_assert_nonnull (strstr (run.out, "Cipher: SQLCipher 3"));
  assert_says_nothing_personal (&run);
}

/* Beside a Heard that has the records open (and writes while they are
 * read), verify and info work, and change nothing it holds. */
static void
test_beside_open_heard (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(HeardContext) context = open_new_records (fixture, FALSE);
  g_autofree char *info_before = read_file (fixture->records.info_path);
  g_autofree char *info_after = NULL;
  const char *commands[] = { "verify", "info" };

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, NULL, commands[i], "--data-dir", fixture->records.data_dir, NULL);
      g_assert_cmpint (run.status, ==, EXIT_OK);
      assert_says_nothing_personal (&run);
      heard_test_context_add_person (context, "Dana Rossi");
    }

  {
    g_auto(Run) run = { 0 };

    /* What the open Heard wrote is seen. */
    run_cli (&run, NULL, "info", "--data-dir", fixture->records.data_dir, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
    g_assert_nonnull (strstr (run.out, "Young people: 5 "));
  }

  info_after = read_file (fixture->records.info_path);
  g_assert_cmpstr (info_before, ==, info_after);
  heard_test_context_add_person (context, "Eli Novak");
  heard_test_close_context (&context);
}

/* The passphrase comes on standard input, and only there. */
static void
test_passphrase_on_stdin (Fixture       *fixture,
                          gconstpointer  data)
{
  make_records (fixture, TRUE);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, PASSPHRASE "\n", "verify", "--data-dir", fixture->records.data_dir, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
    /* A pipe gets no prompt. */
    g_assert_null (strstr (run.err, "Passphrase"));
  }
  /* The line is read as typed: ended by a Windows line end, or by the end
   * of the input, and however long. */
  {
    g_auto(Run) crlf = { 0 };
    g_auto(Run) unended = { 0 };
    g_auto(Run) longer = { 0 };
    g_autofree char *padding = g_strnfill (1000, 'k');
    g_autofree char *long_line = g_strconcat (padding, PASSPHRASE "\n", NULL);

    run_cli (&crlf, PASSPHRASE "\r\n", "verify", "--data-dir", fixture->records.data_dir, NULL);
    g_assert_cmpint (crlf.status, ==, EXIT_OK);
    run_cli (&unended, PASSPHRASE, "verify", "--data-dir", fixture->records.data_dir, NULL);
    g_assert_cmpint (unended.status, ==, EXIT_OK);
    run_cli (&longer, long_line, "verify", "--data-dir", fixture->records.data_dir, NULL);
    g_assert_cmpint (longer.status, ==, EXIT_LOCKED);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "verify", "--data-dir", fixture->records.data_dir, NULL);
    g_assert_cmpint (run.status, ==, EXIT_LOCKED);
    g_assert_nonnull (strstr (run.err, "standard input"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "not the passphrase\n", "info", "--data-dir", fixture->records.data_dir,
             NULL);
    g_assert_cmpint (run.status, ==, EXIT_LOCKED);
    g_assert_cmpstr (run.out, ==, "");
  }
  {
    g_auto(Run) run = { 0 };

    /* On the command line it is refused, never used. */
    run_cli (&run, NULL, "verify", "--data-dir", fixture->records.data_dir, PASSPHRASE, NULL);
    g_assert_cmpint (run.status, ==, EXIT_USAGE);
    g_assert_null (strstr (run.err, PASSPHRASE));
  }
}

static char *
read_uuid (Fixture *fixture)
{
  g_autoptr(GKeyFile) note = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  char *uuid;

  g_key_file_load_from_file (note, fixture->records.info_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  uuid = g_key_file_get_string (note, "database", "uuid", &error);
  g_assert_no_error (error);

  return uuid;
}

/* On a computer whose keyring lacks the key: the recovery code on
 * standard input opens the records, and a reader puts nothing in the
 * keyring or heard.ini. */
static void
test_recovery_code_on_stdin (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *uuid = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *code_line = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  make_records (fixture, FALSE);
  uuid = read_uuid (fixture);
  heard_keyring_clear_async (uuid, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_keyring_clear_finish (result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (heard_test_keyring_count (uuid), ==, 0);
  before = heard_test_describe_folder (fixture->records.data_dir);
  code_line = g_strconcat (fixture->code, "\n", NULL);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "verify", "--data-dir", fixture->records.data_dir, NULL);
    g_assert_cmpint (run.status, ==, EXIT_LOCKED);
    g_assert_nonnull (strstr (run.err, "recovery code on standard input"));
  }
  {
    g_auto(Run) run = { 0 };

    /* On the command line it is refused, never used. */
    run_cli (&run, NULL, "verify", "--data-dir", fixture->records.data_dir, fixture->code,
             NULL);
    g_assert_cmpint (run.status, ==, EXIT_USAGE);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, code_line, "verify", "--data-dir", fixture->records.data_dir, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
  }

  g_assert_cmpuint (heard_test_keyring_count (uuid), ==, 0);
  after = heard_test_describe_folder (fixture->records.data_dir);
  g_assert_cmpstr (before, ==, after);
}

/* Records with a caseworker's passphrase: heard-cli info without it on
 * standard input refuses kindly (locked), a wrong one is refused too, and
 * with it info works. */
static void
test_caseworker_passphrase_on_stdin (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *note = g_build_filename (fixture->records.data_dir, HEARD_CASEWORKER_FILE,
                                            NULL);

  make_records (fixture, FALSE);
  g_assert_true (g_file_test (note, G_FILE_TEST_EXISTS));

  {
    g_auto(Run) run = { 0 };

    run_cli_without_passphrase (&run, NULL, "info", "--data-dir", fixture->records.data_dir,
                                NULL);
    g_assert_cmpint (run.status, ==, EXIT_LOCKED);
    g_assert_nonnull (strstr (run.err, "passphrase"));
    g_assert_nonnull (strstr (run.err, "standard input"));
    g_assert_null (strstr (run.out, "Young people"));
    assert_says_nothing_personal (&run);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli_without_passphrase (&run, "not the caseworker's passphrase\n", "info",
                                "--data-dir", fixture->records.data_dir, NULL);
    g_assert_cmpint (run.status, ==, EXIT_LOCKED);
    g_assert_nonnull (strstr (run.err, "not your passphrase"));
    g_assert_null (strstr (run.out, "Young people"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli_without_passphrase (&run, HEARD_TEST_CASEWORKER_PASSPHRASE "\n", "info",
                                "--data-dir", fixture->records.data_dir, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
    g_assert_nonnull (strstr (run.out, "Young people: 3 "));
    assert_says_nothing_personal (&run);
  }
}

/* Holds @data_dir as a running Heard does (heard.lock), for the caller to release. */
static HeardFolderLock *
hold_folder (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  HeardFolderLock *lock;

  g_assert_cmpint (g_mkdir_with_parents (data_dir, 0700), ==, 0);
  lock = heard_folder_lock_acquire (data_dir, &error);
  g_assert_no_error (error);

  return lock;
}

/* Makes a backup with heard-cli into a new folder under the test's root,
 * returning its path. */
static char *
back_up (Fixture *fixture)
{
  g_auto(Run) run = { 0 };
  g_autofree char *folder = g_build_filename (fixture->records.root, "backups", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  run_cli (&run, NULL, "backup", "--data-dir", fixture->records.data_dir, folder, NULL);
  g_assert_cmpint (run.status, ==, EXIT_OK);
  g_strchomp (run.out);
  g_assert_true (g_str_has_prefix (run.out, folder));
  g_assert_true (g_file_test (run.out, G_FILE_TEST_IS_REGULAR));

  return g_steal_pointer (&run.out);
}

/* Backing up runs beside an open Heard, through the same engine: the file
 * it names opens and holds what the records held. */
static void
test_backup_beside_open_heard (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(HeardContext) context = open_new_records (fixture, FALSE);
  g_autoptr(HeardBackupSummary) summary = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = back_up (fixture);

  heard_backup_inspect_async (path, NULL, fixture->code, NULL, heard_test_store_result_cb,
                              &result);
  heard_test_wait (&result);
  summary = heard_backup_inspect_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_people, ==, 3);

  heard_test_context_add_person (context, "Dana Rossi");
  heard_test_close_context (&context);
}

static void
test_backup_without_folder (Fixture       *fixture,
                            gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  make_records (fixture, FALSE);
  run_cli (&run, NULL, "backup", "--data-dir", fixture->records.data_dir, NULL);
  g_assert_cmpint (run.status, ==, EXIT_USAGE);
  g_assert_nonnull (strstr (run.err, "backup folder"));
}

/* A backup made by hand into a folder, with none chosen in Heard: info
 * does not say there is no backup, but why it knows of none. */
static void
test_info_after_backup_by_hand (Fixture       *fixture,
                                gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *backup = NULL;

  make_records (fixture, FALSE);
  backup = back_up (fixture);
  run_cli (&run, NULL, "info", "--data-dir", fixture->records.data_dir, NULL);
  g_assert_cmpint (run.status, ==, EXIT_OK);
  g_assert_null (strstr (run.out, "Last backup: none"));
  g_assert_nonnull (strstr (run.out, "No backup folder is chosen in Heard"));
  g_assert_nonnull (strstr (run.out, "automatic backups are off"));
  g_assert_nonnull (strstr (run.out, "is not tracked"));
}

/* Restore and practice write into the folder: one another Heard holds is
 * refused with the in-use status, and left as it was. */
static void
test_writers_refuse_held_folder (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *backup = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  HeardFolderLock *lock;

  make_records (fixture, FALSE);
  backup = back_up (fixture);
  lock = hold_folder (fixture->records.data_dir);
  before = heard_test_describe_folder (fixture->records.data_dir);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "restore", "--data-dir", fixture->records.data_dir, backup, NULL);
    g_assert_cmpint (run.status, ==, EXIT_IN_USE);
  }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *practice_dir = g_build_filename (fixture->records.root, "practice", NULL);
    HeardFolderLock *practice_lock = hold_folder (practice_dir);

    run_cli (&run, NULL, "practice", "--people", "2", "--data-dir", practice_dir, NULL);
    g_assert_cmpint (run.status, ==, EXIT_IN_USE);
    heard_folder_lock_release (practice_lock);
  }

  after = heard_test_describe_folder (fixture->records.data_dir);
  g_assert_cmpstr (before, ==, after);
  heard_folder_lock_release (lock);
}

/* A restore moves the records there aside, says where, and the restored
 * records open. */
static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *backup = NULL;
  g_auto(Run) run = { 0 };
  g_autofree char *moved = NULL;
  const char *kept;

  make_records (fixture, FALSE);
  backup = back_up (fixture);

  run_cli (&run, NULL, "restore", "--data-dir", fixture->records.data_dir, backup, NULL);
  g_assert_cmpint (run.status, ==, EXIT_OK);
  kept = strstr (run.out, fixture->records.root);
  g_assert_nonnull (kept);
  moved = g_strchomp (g_strdup (kept));
  g_assert_true (g_file_test (moved, G_FILE_TEST_IS_DIR));

  {
    g_auto(Run) verify = { 0 };

    run_cli (&verify, NULL, "verify", "--data-dir", fixture->records.data_dir, NULL);
    g_assert_cmpint (verify.status, ==, EXIT_OK);
  }
}

/* A backup of real records is never restored into a practice folder: the
 * refused status, a sentence saying why, and the folder as it was. */
static void
test_restore_refuses_practice_folder (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *practice_dir = g_build_filename (fixture->records.root, "practice", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *names_before = NULL;
  g_autofree char *names_after = NULL;
  g_autofree char *code_line = NULL;

  make_records (fixture, FALSE);
  backup = back_up (fixture);
  code_line = g_strconcat (fixture->code, "\n", NULL);
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "practice", "--people", "2", "--data-dir", practice_dir, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
  }
  /* Its lock file, never part of the records, is there as after any use. */
  heard_folder_lock_release (hold_folder (practice_dir));
  before = heard_test_describe_folder (practice_dir);
  names_before = heard_test_list_names (fixture->records.root);

  for (guint with_code = 0; with_code < 2; with_code++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, with_code ? code_line : NULL, "restore", "--data-dir", practice_dir,
               backup, NULL);
      g_assert_cmpint (run.status, ==, EXIT_REFUSED);
      g_assert_nonnull (strstr (run.err, "holds practice records"));
      g_assert_nonnull (strstr (run.err, "Nothing has been moved or changed"));
      g_assert_cmpstr (run.out, ==, "");
    }

  after = heard_test_describe_folder (practice_dir);
  names_after = heard_test_list_names (fixture->records.root);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (names_before, ==, names_after);
}

/* Practice records: made without any secret, opened without any, never
 * backed up, and refused over real records. */
static void
test_practice (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *practice_dir = g_build_filename (fixture->records.root, "practice", NULL);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "practice", "--people", "3", "--seed", "7", "--today", "2025-03-14",
             "--data-dir", practice_dir, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "info", "--data-dir", practice_dir, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
    g_assert_nonnull (strstr (run.out, "Practice records: yes"));
    g_assert_nonnull (strstr (run.out, "Young people: 3 "));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "verify", "--data-dir", practice_dir, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
  }
  {
    g_auto(Run) run = { 0 };

    /* Nothing of practice records goes to a backup folder. */
    run_cli (&run, NULL, "backup", "--data-dir", practice_dir, fixture->records.root, NULL);
    g_assert_cmpint (run.status, ==, EXIT_REFUSED);
  }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;

    make_records (fixture, FALSE);
    before = heard_test_describe_folder (fixture->records.data_dir);
    run_cli (&run, NULL, "practice", "--people", "3", "--data-dir", fixture->records.data_dir,
             NULL);
    g_assert_cmpint (run.status, ==, EXIT_REFUSED);
    after = heard_test_describe_folder (fixture->records.data_dir);
    g_assert_cmpstr (before, ==, after);
  }
}

/* The practice records in @folder opened behind heard-cli's back, with
 * the key beside them, read-only; and the same file raw, for its audit. */
static HeardKey *
read_practice_key (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, HEARD_PRACTICE_KEY_FILE, NULL);
  g_autofree char *hex = read_file (path);
  g_autoptr(GError) error = NULL;
  HeardKey *key = heard_key_new_from_hex (g_strstrip (hex), &error);

  g_assert_no_error (error);
  return key;
}

/* @csv read back by Python's csv module (Debian's own python3): each row
 * with its fields joined by tabs, one a line. */
static char **
parse_csv (const char *csv)
{
  const char *argv[] = {
    "/usr/bin/python3", "-c",
    "import csv, io, sys\n"
    "data = sys.stdin.buffer.read().decode('utf-8')\n"
    "for row in csv.reader(io.StringIO(data, newline='')):\n"
    "    print('\\t'.join(row))\n",
    NULL
  };
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  char **rows;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                     G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, csv, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));

  rows = g_strsplit (out, "\n", -1);
  /* The last line's end leaves an empty string after it. */
  g_assert_cmpstr (rows[g_strv_length (rows) - 1], ==, "");
  g_free (rows[g_strv_length (rows) - 1]);
  rows[g_strv_length (rows) - 1] = NULL;

  return rows;
}

/* Every line of @csv ends with CRLF, the last one too. */
static void
assert_crlf (const char *csv)
{
  g_assert_true (g_str_has_suffix (csv, "\r\n"));
  for (const char *c = strchr (csv, '\n'); c != NULL; c = strchr (c + 1, '\n'))
    g_assert_true (c > csv && c[-1] == '\r');
}

/* The audit entries of exports in the records at @db_path, read back. */
static GPtrArray *
list_export_entries (const char     *db_path,
                     const HeardKey *key)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func ((GDestroyNotify) heard_export_note_free);
  sqlite3 *db = heard_test_raw_open (db_path, key);
  sqlite3_stmt *row = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT detail FROM audit WHERE action = 'exported'"
                                           " ORDER BY id", -1, &row, NULL), ==, SQLITE_OK);
  while (sqlite3_step (row) == SQLITE_ROW)
    {
      HeardExportNote *note =
        heard_export_note_from_detail ((const char *) sqlite3_column_text (row, 0));

      g_assert_nonnull (note);
      g_ptr_array_add (notes, note);
    }
  sqlite3_finalize (row);
  sqlite3_close (db);

  return notes;
}

/* How many exports noted in the records at @db_path are noted again as
 * never written. */
static guint
count_unwritten_exports (const char     *db_path,
                         const HeardKey *key)
{
  sqlite3 *db = heard_test_raw_open (db_path, key);
  sqlite3_stmt *row = NULL;
  guint n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count (*) FROM audit AS e JOIN audit AS u"
                                           " ON u.action = 'export unwritten'"
                                           " AND u.detail = CAST (e.id AS TEXT)"
                                           " WHERE e.action = 'exported'", -1, &row, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (row), ==, SQLITE_ROW);
  n = (guint) sqlite3_column_int (row, 0);
  sqlite3_finalize (row);
  sqlite3_close (db);

  return n;
}

/* Practice records of three made-up young people in @practice_dir, as the
 * export tests use them: their key, with the name young person 1 likes to
 * be called and their check-ins read back, to compare exports with. */
static HeardKey *
make_practice_records (const char  *practice_dir,
                       char       **name,
                       GPtrArray  **check_ins)
{
  g_autofree char *db_path = g_build_filename (practice_dir, "heard.db", NULL);
  g_autoptr(HeardStore) store = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  HeardPerson *person;
  HeardKey *key;

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "practice", "--people", "3", "--seed", "7", "--today", "2025-03-14",
             "--data-dir", practice_dir, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
  }

  key = read_practice_key (practice_dir);
  store = heard_test_open_store (db_path, key, HEARD_SQLITE_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  people = heard_test_list_people (store, &error);
  g_assert_no_error (error);
  person = heard_test_find_person (people, 1);
  g_assert_nonnull (person);
  *name = g_strdup (heard_person_get_preferred_name (person)[0] != '\0'
                    ? heard_person_get_preferred_name (person)
                    : heard_person_get_display_name (person));
  *check_ins = heard_test_list_check_ins (store, 1, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint ((*check_ins)->len, >, 0);
  heard_test_close_store (&store);

  return key;
}

/* heard-cli export check-ins on practice records: CSV that Python's csv
 * module reads, one header, one row per area, rater and check-in plus the
 * safety scale, a rating not given said as such (never 0); a pseudonym in
 * place of the name, the same each time; refused while the folder is
 * held; and each export in an audit trail that still verifies. */
static void
test_export_check_ins (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *practice_dir = g_build_filename (fixture->records.root, "practice", NULL);
  g_autofree char *db_path = g_build_filename (practice_dir, "heard.db", NULL);
  g_autofree char *out_path = g_build_filename (fixture->records.root, "check-ins.csv", NULL);
  g_autofree char *pseudonym = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *name = NULL;
  g_autoptr(HeardKey) key = NULL;
  g_autoptr(GPtrArray) check_ins = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_auto(GStrv) rows = NULL;
  guint n_ratings = 0, n_skipped = 0, n_rows_skipped = 0;

  /* What the records hold, to compare with. */
  key = make_practice_records (practice_dir, &name, &check_ins);
  for (guint i = 0; i < check_ins->len; i++)
    {
      HeardCheckIn *check_in = g_ptr_array_index (check_ins, i);
      HeardRating rating;

      for (guint a = 0; a < heard_check_in_get_n_areas (check_in); a++)
        for (HeardRater rater = 0; rater < HEARD_N_RATERS; rater++)
          {
            heard_check_in_get_rating (check_in, heard_check_in_get_area (check_in, a), rater,
                                       &rating);
            n_skipped += rating.state == HEARD_RATING_SKIPPED;
            n_ratings++;
          }
      heard_check_in_get_safety (check_in, &rating);
      n_skipped += rating.state == HEARD_RATING_SKIPPED;
      n_ratings++;
    }
  g_assert_cmpuint (n_skipped, >, 0);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "export", "check-ins", "--with-names", "--data-dir", practice_dir, "1",
             out_path, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
    g_assert_null (strstr (run.out, name));
    g_assert_null (strstr (run.err, name));
    g_assert_nonnull (strstr (run.err, "practice records"));
  }

  csv = read_file (out_path);
  assert_crlf (csv);
  rows = parse_csv (csv);
  g_assert_cmpstr (rows[0], ==, "person\tday\tcheck_in\tmeasure\trater\tstate\trating");
  g_assert_cmpuint (g_strv_length (rows), ==, 1 + n_ratings);
  for (guint i = 1; rows[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (rows[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 7);
      g_assert_cmpstr (fields[0], ==, name);
      g_assert_true (g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}$", fields[1], 0, 0));
      if (g_str_equal (fields[5], "given"))
        g_assert_true (g_regex_match_simple ("^([0-9]|10)$", fields[6], 0, 0));
      else
        g_assert_cmpstr (fields[6], ==, "");
      n_rows_skipped += g_str_equal (fields[5], "skipped");
    }
  g_assert_cmpuint (n_rows_skipped, ==, n_skipped);

  /* Pseudonymised, to standard output: no name, and the same pseudonym twice. */
  for (guint round = 0; round < 2; round++)
    {
      g_auto(Run) run = { 0 };
      g_auto(GStrv) pseudonymised = NULL;
      g_auto(GStrv) fields = NULL;

      run_cli (&run, NULL, "export", "check-ins", "--pseudonymise", "--data-dir", practice_dir,
               "1", "-", NULL);
      g_assert_cmpint (run.status, ==, EXIT_OK);
      g_assert_null (strstr (run.out, name));
      g_assert_null (strstr (run.err, name));
      pseudonymised = parse_csv (run.out);
      g_assert_cmpuint (g_strv_length (pseudonymised), ==, 1 + n_ratings);
      fields = g_strsplit (pseudonymised[1], "\t", -1);
      g_assert_true (g_regex_match_simple ("^p-[0-9a-f]{16}$", fields[0], 0, 0));
      if (pseudonym == NULL)
        pseudonym = g_strdup (fields[0]);
      g_assert_cmpstr (fields[0], ==, pseudonym);
    }

  /* Never beside another that has the folder. */
  {
    g_auto(Run) run = { 0 };
    HeardFolderLock *lock = hold_folder (practice_dir);
    g_autofree char *before = heard_test_describe_folder (practice_dir);
    g_autofree char *after = NULL;

    run_cli (&run, NULL, "export", "check-ins", "--data-dir", practice_dir, "1", "-", NULL);
    g_assert_cmpint (run.status, ==, EXIT_IN_USE);
    g_assert_cmpstr (run.out, ==, "");
    after = heard_test_describe_folder (practice_dir);
    g_assert_cmpstr (before, ==, after);
    heard_folder_lock_release (lock);
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "verify", "--data-dir", practice_dir, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
  }

  entries = list_export_entries (db_path, key);
  g_assert_cmpuint (entries->len, ==, 3);
  for (guint i = 0; i < entries->len; i++)
    {
      HeardExportNote *note = g_ptr_array_index (entries, i);

      g_assert_cmpint (note->kind, ==, HEARD_EXPORT_CHECK_INS_CSV);
      g_assert_cmpstr (note->recipient, ==, "own-team");
      g_assert_cmpuint (note->n_check_ins, ==, check_ins->len);
    }
}

/* On real records: the caseworker's passphrase first, as for a reader; the
 * name goes only into the file; refused while Heard has them open. */
static void
test_export_real_records (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(HeardContext) context = open_new_records (fixture, FALSE);
  g_autofree char *out_path = g_build_filename (fixture->records.root, "check-ins.csv", NULL);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "export", "check-ins", "--data-dir", fixture->records.data_dir, "2",
             out_path, NULL);
    g_assert_cmpint (run.status, ==, EXIT_IN_USE);
    assert_says_nothing_personal (&run);
  }

  heard_test_close_context (&context);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "export", "check-ins", "--data-dir", fixture->records.data_dir, "2",
             out_path, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
    assert_says_nothing_personal (&run);
    g_assert_null (strstr (run.err, "practice"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "export", "check-ins", "--data-dir", fixture->records.data_dir, "99",
             "-", NULL);
    g_assert_cmpint (run.status, ==, EXIT_USAGE);
    g_assert_cmpstr (run.out, ==, "");
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "verify", "--data-dir", fixture->records.data_dir, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
  }

  /* The folder is Heard's again: it opens, its anchor where the export left it. */
  context = heard_test_start_context (fixture->records.data_dir, HEARD_LOCK_STATE_OPEN);
  g_assert_null (heard_context_get_audit_problem (context));
  heard_test_close_context (&context);
}

/* The PDF tests' statements, each with words no other holds. */
#define SCHOOL_ONLY_WORDS "Only my form tutor may know about the bus stop."
#define SENSITIVE_WORDS   "The man at the takeaway gave me a phone."
#define SENSITIVE_NOTE    "Mentions a gift used to groom"
#define FIRST_WORDS       "I want to walk to school alone."
#define BOTH_WORDS        "I want to walk to college with my sister"
#define BOTH_MORE         " 🚗 أريد أن أشعر بالراحة"

typedef struct
{
  gint64 plan;
  gint64 school_only;
  gint64 sensitive;
  gint64 both;
  /* A school of the agencies directory. */
  gint64 northgate;
} PdfRecords;

static gint64
record_statement (HeardStore  *store,
                  const char  *words,
                  const char  *share_with,
                  const char  *content_note)
{
  g_autoptr(HeardStatement) statement = heard_test_statement_new (2, words);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  heard_statement_set_text (statement, HEARD_STATEMENT_SHARE_WITH, share_with);
  if (content_note != NULL)
    {
      heard_statement_set_sensitive (statement, TRUE);
      heard_statement_set_text (statement, HEARD_STATEMENT_CONTENT_NOTE, content_note);
    }
  heard_store_record_statement_async (store, statement, NULL, heard_test_store_result_cb,
                                      &result);
  heard_test_wait (&result);
  id = heard_store_record_statement_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

/* Amends the statement @id to @words: its version 2. */
static void
amend_statement (HeardStore *store,
                 gint64      id,
                 const char *words)
{
  g_autoptr(HeardStatement) amended = heard_test_statement_new (2, words);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  heard_statement_set_id (amended, id);
  heard_statement_set_version (amended, 1);
  heard_statement_set_text (amended, HEARD_STATEMENT_SHARE_WITH, "school,police");
  heard_statement_set_text (amended, HEARD_STATEMENT_REASON, "She said it was college.");
  heard_store_amend_statement_async (store, amended, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_cmpuint (heard_store_amend_statement_finish (store, result, &error), ==, 2);
  g_assert_no_error (error);
}

/* Real records in which DISTINCT_NAME (id 2) has a plan with one area and
 * three statements: one they consented to share with school only, a
 * sensitive one for school, and one (amended once, with emoji and Arabic)
 * for school and police. Closed as on quit. */
static void
make_pdf_records (Fixture    *fixture,
                  PdfRecords *made)
{
  g_autoptr(HeardContext) context = open_new_records (fixture, FALSE);
  HeardStore *store = _heard_context_get_store (context);

  made->plan = heard_test_start_plan_with_area (store, 2, HEARD_AREA_EDUCATION);
  made->school_only = record_statement (store, SCHOOL_ONLY_WORDS, "school", NULL);
  made->sensitive = record_statement (store, SENSITIVE_WORDS, "school", SENSITIVE_NOTE);
  made->both = record_statement (store, FIRST_WORDS, "school,police", NULL);
  amend_statement (store, made->both, BOTH_WORDS BOTH_MORE);
  {
    g_autoptr(HeardDirectoryAgency) northgate = heard_directory_agency_new (
      HEARD_AGENCY_TYPE_SCHOOL, "Northgate Academy");
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;

    heard_store_save_agency_async (store, northgate, NULL, heard_test_store_result_cb, &result);
    heard_test_wait (&result);
    made->northgate = heard_store_save_agency_finish (store, result, &error);
    g_assert_no_error (error);
  }
  heard_test_close_context (&context);
}

static void
assert_private (const char *path)
{
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
}

/* heard-cli export pdf --for @recipient [@option [@more]] … 2 @path; its
 * exit status. Nothing personal is said, and the file it wrote is private. */
static int
export_pdf (Fixture    *fixture,
            const char *recipient,
            const char *path,
            const char *option,
            const char *more)
{
  g_auto(Run) run = { 0 };

  if (more != NULL)
    run_cli (&run, NULL, "export", "pdf", "--for", recipient, option, more, "--data-dir",
             fixture->records.data_dir, "2", path, NULL);
  else if (option != NULL)
    run_cli (&run, NULL, "export", "pdf", "--for", recipient, option, "--data-dir",
             fixture->records.data_dir, "2", path, NULL);
  else
    run_cli (&run, NULL, "export", "pdf", "--for", recipient, "--data-dir",
             fixture->records.data_dir, "2", path, NULL);
  assert_says_nothing_personal (&run);
  g_assert_null (strstr (run.err, "practice"));
  if (run.status == EXIT_OK)
    assert_private (path);
  return run.status;
}

/* The key of the real records in @fixture, from the test session's keyring. */
static HeardKey *
lookup_key (Fixture *fixture)
{
  g_autofree char *uuid = read_uuid (fixture);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeardKey *key;

  heard_keyring_lookup_async (uuid, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  key = heard_keyring_lookup_finish (result, &error);
  g_assert_no_error (error);
  return key;
}

static void
assert_note (HeardExportNote  *note,
             const char       *recipient,
             const PdfRecords *made,
             ...)
{
  va_list args;
  guint n = 0;
  gint64 id;

  g_assert_cmpint (note->kind, ==, HEARD_EXPORT_PDF);
  g_assert_cmpstr (note->recipient, ==, recipient);
  g_assert_cmpint (note->plan_id, ==, made->plan);
  g_assert_cmpuint (note->plan_version, ==, 1);

  va_start (args, made);
  while ((id = va_arg (args, gint64)) != 0)
    {
      guint version = va_arg (args, guint);
      gboolean found = FALSE;

      for (guint i = 0; i < note->statements->len; i++)
        {
          HeardExportedStatement *went = &g_array_index (note->statements,
                                                         HeardExportedStatement, i);

          found |= went->id == id && went->version == version;
        }
      g_assert_true (found);
      n++;
    }
  va_end (args);
  g_assert_cmpuint (note->statements->len, ==, n);
}

/* heard-cli export pdf: only the statements whose sharing consent covers
 * who it is for go in (for a meeting, every agency attending), a sensitive
 * one only when asked for, their latest words before the plan's areas;
 * "Page N of M" right; a statement asked for that may not go refused with
 * no file written; each export in the audit trail with its recipient and
 * what went in, and the trail still verifies. */
static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->records.root, "exports", NULL);
  g_autofree char *police = g_build_filename (folder, "police.pdf", NULL);
  g_autofree char *school = g_build_filename (folder, "school.pdf", NULL);
  g_autofree char *sensitive = g_build_filename (folder, "sensitive.pdf", NULL);
  g_autofree char *refused = g_build_filename (folder, "refused.pdf", NULL);
  g_autofree char *meeting = NULL;
  g_autofree char *today = NULL;
  g_autofree char *suggested = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first_page = NULL;
  g_autofree char *last_page = NULL;
  g_autofree char *last_number = NULL;
  g_autofree char *school_only_id = NULL;
  g_autofree char *sensitive_id = NULL;
  g_autofree char *chosen = g_build_filename (folder, "chosen.pdf", NULL);
  g_autofree char *db_path = g_build_filename (fixture->records.data_dir, "heard.db", NULL);
  g_autoptr(HeardKey) key = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  const char *words, *area;
  PdfRecords made = { 0 };
  guint n_pages, of = 0;
  GDate day;

  make_pdf_records (fixture, &made);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  /* For the police: only the statement consented for police too, as amended. */
  g_assert_cmpint (export_pdf (fixture, "agency:police", police, "--all-offered", NULL), ==,
                   EXIT_OK);
  text = heard_test_pdf_text (police);
  g_assert_nonnull (strstr (text, BOTH_WORDS));
  g_assert_nonnull (strstr (text, "🚗"));
  g_assert_nonnull (strstr (text, "بالراحة"));
  g_assert_nonnull (strstr (text, "أريد"));
  g_assert_null (strstr (text, FIRST_WORDS));
  g_assert_null (strstr (text, SCHOOL_ONLY_WORDS));
  g_assert_null (strstr (text, SENSITIVE_WORDS));
  g_clear_pointer (&text, g_free);

  /* For school: the sensitive one only when asked for, with its content note. */
  g_assert_cmpint (export_pdf (fixture, "agency:school", school, "--all-offered", NULL), ==,
                   EXIT_OK);
  text = heard_test_pdf_text (school);
  g_assert_nonnull (strstr (text, BOTH_WORDS));
  g_assert_nonnull (strstr (text, SCHOOL_ONLY_WORDS));
  g_assert_null (strstr (text, SENSITIVE_WORDS));
  g_assert_null (strstr (text, SENSITIVE_NOTE));
  g_clear_pointer (&text, g_free);

  g_assert_cmpint (export_pdf (fixture, "agency:school", sensitive, "--all-offered",
                               "--include-sensitive"), ==, EXIT_OK);
  text = heard_test_pdf_text (sensitive);
  g_assert_nonnull (strstr (text, BOTH_WORDS));
  g_assert_nonnull (strstr (text, SCHOOL_ONLY_WORDS));
  g_assert_nonnull (strstr (text, SENSITIVE_WORDS));
  g_assert_nonnull (strstr (text, SENSITIVE_NOTE));
  g_clear_pointer (&text, g_free);

  /* For a meeting of school and police, into a folder: the file is named
   * as Heard suggests, with no name in it; only the statement consented
   * for both, before the first area. */
  heard_date_today (&day);
  today = heard_date_to_iso (&day);
  suggested = heard_plan_document_suggest_file_name (today);
  g_assert_null (strstr (suggested, "Zephyrine"));
  g_assert_null (strstr (suggested, "Quillfeather"));
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "export", "pdf", "--for", "meeting:school,police", "--all-offered",
             "--data-dir", fixture->records.data_dir, "2", folder, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
    assert_says_nothing_personal (&run);
    g_assert_nonnull (strstr (run.out, suggested));
  }
  meeting = g_build_filename (folder, suggested, NULL);
  assert_private (meeting);
  text = heard_test_pdf_text (meeting);
  g_assert_null (strstr (text, SCHOOL_ONLY_WORDS));
  g_assert_null (strstr (text, SENSITIVE_WORDS));
  words = strstr (text, BOTH_WORDS);
  area = strstr (text, heard_area_kind_label (HEARD_AREA_EDUCATION));
  g_assert_nonnull (words);
  g_assert_nonnull (area);
  g_assert_true (words < area);

  n_pages = heard_test_pdf_pages (meeting);
  first_page = heard_test_pdf_page_text (meeting, 1);
  g_assert_nonnull (strstr (first_page, "Page 1 of "));
  of = (guint) g_ascii_strtoull (strstr (first_page, "Page 1 of ") + strlen ("Page 1 of "),
                                 NULL, 10);
  g_assert_cmpuint (of, ==, n_pages);
  last_page = heard_test_pdf_page_text (meeting, n_pages);
  last_number = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  g_assert_nonnull (strstr (last_page, last_number));

  /* One statement picked by its id, sensitive or not, goes in alone. */
  sensitive_id = g_strdup_printf ("%" G_GINT64_FORMAT, made.sensitive);
  g_assert_cmpint (export_pdf (fixture, "agency:school", chosen, "--statement", sensitive_id),
                   ==, EXIT_OK);
  g_clear_pointer (&text, g_free);
  text = heard_test_pdf_text (chosen);
  g_assert_nonnull (strstr (text, SENSITIVE_WORDS));
  g_assert_null (strstr (text, SCHOOL_ONLY_WORDS));
  g_assert_null (strstr (text, BOTH_WORDS));
  g_clear_pointer (&text, g_free);

  /* A statement whose consent does not cover them is refused: no file. */
  school_only_id = g_strdup_printf ("%" G_GINT64_FORMAT, made.school_only);
  g_assert_cmpint (export_pdf (fixture, "agency:police", refused, "--statement",
                               school_only_id), ==, EXIT_REFUSED);
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
  /* Nor is a PDF said to no one, or to standard output. */
  g_assert_cmpint (export_pdf (fixture, "own-team", refused, NULL, NULL), ==, EXIT_USAGE);
  g_assert_cmpint (export_pdf (fixture, "agency:police", "-", NULL, NULL), ==, EXIT_USAGE);
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "verify", "--data-dir", fixture->records.data_dir, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
  }

  key = lookup_key (fixture);
  entries = list_export_entries (db_path, key);
  g_assert_cmpuint (entries->len, ==, 5);
  assert_note (entries->pdata[0], "agency:police", &made, made.both, 2, (gint64) 0);
  assert_note (entries->pdata[1], "agency:school", &made, made.both, 2, made.school_only, 1,
               (gint64) 0);
  assert_note (entries->pdata[2], "agency:school", &made, made.both, 2, made.school_only, 1,
               made.sensitive, 1, (gint64) 0);
  assert_note (entries->pdata[3], "meeting:school,police", &made, made.both, 2, (gint64) 0);
  assert_note (entries->pdata[4], "agency:school", &made, made.sensitive, 1, (gint64) 0);
}

static void
set_consent (HeardStore *store,
             gint64      statement_id,
             const char *ends_on,
             const char *withdrawn_on)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  heard_store_set_statement_consent_async (store, statement_id, ends_on, withdrawn_on, NULL,
                                           heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_cmpint (heard_store_set_statement_consent_finish (store, result, &error), >, 0);
  g_assert_no_error (error);
}

/* heard-cli export my-record and subject-access: every name given with
 * --redact gone from the PDF, their own words included; subject access
 * leaves out each item withheld and lists the decision on its cover;
 * withholding without saying who decided is refused with no file written;
 * each export noted, for the young person, before it was written, and the
 * trail still verifies. */
static void
test_export_my_record (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->records.root, "exports", NULL);
  g_autofree char *mine = g_build_filename (folder, "mine.pdf", NULL);
  g_autofree char *everything = g_build_filename (folder, "everything.pdf", NULL);
  g_autofree char *refused = g_build_filename (folder, "refused.pdf", NULL);
  g_autofree char *db_path = g_build_filename (fixture->records.data_dir, "heard.db", NULL);
  g_autofree char *withhold = NULL;
  g_autofree char *text = NULL;
  g_autofree char *cover = NULL;
  g_autoptr(HeardKey) key = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  PdfRecords made = { 0 };

  make_pdf_records (fixture, &made);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "export", "my-record", "--redact", "Sister", "--data-dir",
             fixture->records.data_dir, "2", mine, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
    assert_says_nothing_personal (&run);
  }
  assert_private (mine);
  text = heard_test_pdf_text (mine);
  g_assert_nonnull (strstr (text, "My record"));
  g_assert_nonnull (strstr (text, "We took out the names of some other people."));
  g_assert_nonnull (strstr (text, "I want to walk to college with my [name removed]"));
  g_assert_null (strstr (text, "sister"));
  /* All their own words are theirs to keep. */
  g_assert_nonnull (strstr (text, SCHOOL_ONLY_WORDS));
  g_assert_nonnull (strstr (text, SENSITIVE_WORDS));
  g_clear_pointer (&text, g_free);

  {
    g_auto(Run) run = { 0 };

    withhold = g_strdup_printf ("statement:%" G_GINT64_FORMAT ":third-party:About another child",
                                made.sensitive);
    run_cli (&run, NULL, "export", "subject-access", "--redact", "sister", "--withhold", withhold,
             "--data-dir", fixture->records.data_dir, "2", refused, NULL);
    g_assert_cmpint (run.status, ==, EXIT_USAGE);
    g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "export", "subject-access", "--redact", "sister", "--withhold", withhold,
             "--decided-by", "Sam Okafor", "--data-dir", fixture->records.data_dir, "2",
             everything, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
    assert_says_nothing_personal (&run);
  }
  assert_private (everything);
  text = heard_test_pdf_text (everything);
  cover = heard_test_pdf_page_text (everything, 1);
  g_assert_nonnull (strstr (text, "Subject access export"));
  g_assert_nonnull (strstr (text, "I want to walk to college with my [name removed]"));
  g_assert_null (strstr (text, "sister"));
  g_assert_nonnull (strstr (text, SCHOOL_ONLY_WORDS));
  g_assert_null (strstr (text, SENSITIVE_WORDS));
  g_assert_nonnull (strstr (cover, "Exemption: Information about someone else"));
  g_assert_nonnull (strstr (cover, "Reason: About another child"));
  g_assert_nonnull (strstr (cover, "Decided by: Sam Okafor"));

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "verify", "--data-dir", fixture->records.data_dir, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
  }
  key = lookup_key (fixture);
  entries = list_export_entries (db_path, key);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpint (((HeardExportNote *) entries->pdata[0])->kind, ==, HEARD_EXPORT_MY_RECORD);
  g_assert_cmpstr (((HeardExportNote *) entries->pdata[0])->recipient, ==, "young-person");
  g_assert_cmpint (((HeardExportNote *) entries->pdata[1])->kind, ==,
                   HEARD_EXPORT_SUBJECT_ACCESS);
  {
    sqlite3 *db = heard_test_raw_open (db_path, key);
    sqlite3_stmt *row = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM withholding", -1, &row,
                                         NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (row), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (row, 0), ==, 1);
    sqlite3_finalize (row);
    sqlite3_close (db);
  }
}

/* Consent is asked on the day the export runs: a statement whose consent
 * ended yesterday, or was withdrawn today, is refused like one without
 * consent (nothing written) and left out of all that is offered; the
 * young person may still have their own words. */
static void
test_export_pdf_consent_ended (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->records.root, "exports", NULL);
  g_autofree char *offered = g_build_filename (folder, "offered.pdf", NULL);
  g_autofree char *refused = g_build_filename (folder, "refused.pdf", NULL);
  g_autofree char *theirs = g_build_filename (folder, "theirs.pdf", NULL);
  g_autoptr(HeardContext) context = open_new_records (fixture, FALSE);
  HeardStore *store = _heard_context_get_store (context);
  g_autofree char *today = NULL;
  g_autofree char *yesterday = NULL;
  g_autofree char *ended_id = NULL;
  g_autofree char *withdrawn_id = NULL;
  g_autofree char *text = NULL;
  gint64 ended, withdrawn;
  GDate day;

  heard_date_today (&day);
  today = heard_date_to_iso (&day);
  g_date_subtract_days (&day, 1);
  yesterday = heard_date_to_iso (&day);
  heard_test_start_plan_with_area (store, 2, HEARD_AREA_EDUCATION);
  ended = record_statement (store, SCHOOL_ONLY_WORDS, "school", NULL);
  withdrawn = record_statement (store, FIRST_WORDS, "school", NULL);
  record_statement (store, BOTH_WORDS, "school,police", NULL);
  set_consent (store, ended, yesterday, "");
  set_consent (store, withdrawn, "", today);
  heard_test_close_context (&context);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  ended_id = g_strdup_printf ("%" G_GINT64_FORMAT, ended);
  withdrawn_id = g_strdup_printf ("%" G_GINT64_FORMAT, withdrawn);
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "export", "pdf", "--for", "agency:school", "--statement", ended_id,
             "--data-dir", fixture->records.data_dir, "2", refused, NULL);
    g_assert_cmpint (run.status, ==, EXIT_REFUSED);
    g_assert_nonnull (strstr (run.err, "consent ended on"));
  }
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
  g_assert_cmpint (export_pdf (fixture, "agency:school", refused, "--statement", withdrawn_id),
                   ==, EXIT_REFUSED);
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));

  g_assert_cmpint (export_pdf (fixture, "agency:school", offered, "--all-offered", NULL), ==,
                   EXIT_OK);
  text = heard_test_pdf_text (offered);
  g_assert_nonnull (strstr (text, BOTH_WORDS));
  g_assert_null (strstr (text, SCHOOL_ONLY_WORDS));
  g_assert_null (strstr (text, FIRST_WORDS));
  g_clear_pointer (&text, g_free);

  g_assert_cmpint (export_pdf (fixture, "young-person", theirs, "--statement", ended_id), ==,
                   EXIT_OK);
  text = heard_test_pdf_text (theirs);
  g_assert_nonnull (strstr (text, SCHOOL_ONLY_WORDS));
}

/* heard-cli export pdf --for an agency of the directory, by its id as
 * "agency:ID": the statements agreed for its kind go in, the cover names
 * it, and the trail keeps its kind and id; an id not in the directory is
 * no one. */
static void
test_export_pdf_for_directory_agency (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->records.root, "exports", NULL);
  g_autofree char *path = g_build_filename (folder, "northgate.pdf", NULL);
  g_autofree char *again = g_build_filename (folder, "northgate-again.pdf", NULL);
  g_autofree char *refused = g_build_filename (folder, "refused.pdf", NULL);
  g_autofree char *db_path = g_build_filename (fixture->records.data_dir, "heard.db", NULL);
  g_autofree char *asked_for = NULL;
  g_autofree char *code = NULL;
  g_autofree char *text = NULL;
  g_autoptr(HeardKey) key = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  PdfRecords made = { 0 };

  make_pdf_records (fixture, &made);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  asked_for = g_strdup_printf ("agency:%" G_GINT64_FORMAT, made.northgate);
  code = g_strdup_printf ("agency:school:%" G_GINT64_FORMAT, made.northgate);

  g_assert_cmpint (export_pdf (fixture, asked_for, path, "--all-offered", NULL), ==, EXIT_OK);
  text = heard_test_pdf_text (path);
  g_assert_nonnull (strstr (text, "Northgate Academy (School or college)"));
  g_assert_nonnull (strstr (text, SCHOOL_ONLY_WORDS));
  g_assert_nonnull (strstr (text, BOTH_WORDS));
  g_assert_null (strstr (text, SENSITIVE_WORDS));

  /* As the trail writes it, too (into a file of its own: one there is
   * never replaced unasked). */
  g_assert_cmpint (export_pdf (fixture, code, again, "--all-offered", NULL), ==, EXIT_OK);
  g_assert_cmpint (export_pdf (fixture, "agency:999", refused, "--all-offered", NULL), ==,
                   EXIT_USAGE);
  g_assert_cmpint (export_pdf (fixture, "agency:police:1", refused, "--all-offered", NULL), ==,
                   EXIT_USAGE);
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));

  key = lookup_key (fixture);
  entries = list_export_entries (db_path, key);
  g_assert_cmpuint (entries->len, ==, 2);
  assert_note (entries->pdata[0], code, &made, made.both, 2, made.school_only, 1, (gint64) 0);
  assert_note (entries->pdata[1], code, &made, made.both, 2, made.school_only, 1, (gint64) 0);
}

/* heard-cli export check-ins names no one unless asked: a pseudonym by
 * default, the name with --with-names; with --with-words, what they said
 * and the worker's note once a check-in, quoted right; the audit note says
 * whether names and words went. */
static void
test_export_check_ins_names (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *practice_dir = g_build_filename (fixture->records.root, "practice", NULL);
  g_autofree char *db_path = g_build_filename (practice_dir, "heard.db", NULL);
  g_autoptr(HeardKey) key = NULL;
  g_autoptr(GPtrArray) check_ins = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *name = NULL;
  const char *words = NULL;
  HeardExportNote *note;

  key = make_practice_records (practice_dir, &name, &check_ins);
  for (guint i = 0; i < check_ins->len && words == NULL; i++)
    {
      const char *said = heard_check_in_get_text (check_ins->pdata[i],
                                                  HEARD_CHECK_IN_THEIR_WORDS);

      if (said != NULL && said[0] != '\0')
        words = said;
    }
  g_assert_nonnull (words);

  /* By default: a pseudonym, no name, no words. */
  {
    g_auto(Run) run = { 0 };
    g_auto(GStrv) rows = NULL;
    g_auto(GStrv) fields = NULL;

    run_cli (&run, NULL, "export", "check-ins", "--data-dir", practice_dir, "1", "-", NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
    g_assert_null (strstr (run.out, name));
    g_assert_null (strstr (run.out, words));
    rows = parse_csv (run.out);
    g_assert_cmpstr (rows[0], ==, "person\tday\tcheck_in\tmeasure\trater\tstate\trating");
    fields = g_strsplit (rows[1], "\t", -1);
    g_assert_true (g_regex_match_simple ("^p-[0-9a-f]{16}$", fields[0], 0, 0));
  }

  /* With words: two more columns, their words on the safety-scale row. */
  {
    g_auto(Run) run = { 0 };
    g_auto(GStrv) rows = NULL;
    gboolean found = FALSE;

    run_cli (&run, NULL, "export", "check-ins", "--with-words", "--data-dir", practice_dir,
             "1", "-", NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
    g_assert_null (strstr (run.out, name));
    rows = parse_csv (run.out);
    g_assert_cmpstr (rows[0], ==, "person\tday\tcheck_in\tmeasure\trater\tstate\trating\t"
                                  "their_words\tworker_note");
    for (guint i = 1; rows[i] != NULL; i++)
      {
        g_auto(GStrv) fields = g_strsplit (rows[i], "\t", -1);

        g_assert_cmpuint (g_strv_length (fields), ==, 9);
        if (!g_str_equal (fields[3], "safety-scale"))
          {
            g_assert_cmpstr (fields[7], ==, "");
            g_assert_cmpstr (fields[8], ==, "");
          }
        found |= g_str_equal (fields[7], words);
      }
    g_assert_true (found);
  }

  /* With names: the name they like to be called. */
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "export", "check-ins", "--with-names", "--data-dir", practice_dir,
             "1", "-", NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
    g_assert_nonnull (strstr (run.out, name));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "export", "check-ins", "--with-names", "--pseudonymise", "--data-dir",
             practice_dir, "1", "-", NULL);
    g_assert_cmpint (run.status, ==, EXIT_USAGE);
    g_assert_cmpstr (run.out, ==, "");
  }

  entries = list_export_entries (db_path, key);
  g_assert_cmpuint (entries->len, ==, 3);
  note = entries->pdata[0];
  g_assert_cmpint (note->names, ==, HEARD_EXPORT_NO);
  g_assert_cmpint (note->words, ==, HEARD_EXPORT_NO);
  note = entries->pdata[1];
  g_assert_cmpint (note->names, ==, HEARD_EXPORT_NO);
  g_assert_cmpint (note->words, ==, HEARD_EXPORT_YES);
  note = entries->pdata[2];
  g_assert_cmpint (note->names, ==, HEARD_EXPORT_YES);
  g_assert_cmpint (note->words, ==, HEARD_EXPORT_NO);
}

/* tests/check-exports.py @format on the files and options in @args (with
 * Debian's own python3, which has python3-icalendar): its standard output,
 * or NULL with what it found wrong in @problem. */
static char *
check_exports (const char        *format,
               const char *const *args,
               char             **problem)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_nonnull (g_getenv ("HEARD_CHECK_EXPORTS"));
  g_ptr_array_add (argv, (gpointer) "/usr/bin/python3");
  g_ptr_array_add (argv, (gpointer) g_getenv ("HEARD_CHECK_EXPORTS"));
  g_ptr_array_add (argv, (gpointer) format);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  g_test_message ("check-exports.py %s: %s%s", format, out, err);
  if (g_spawn_check_wait_status (status, NULL))
    return out;

  g_free (out);
  *problem = g_steal_pointer (&err);
  return NULL;
}

/* Every name (on record, and the one they like to be called) of every
 * young person in the practice records at @practice_dir. */
static GPtrArray *
list_practice_names (const char     *practice_dir,
                     const HeardKey *key)
{
  g_autofree char *db_path = g_build_filename (practice_dir, "heard.db", NULL);
  g_autoptr(HeardStore) store = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  store = heard_test_open_store (db_path, key, HEARD_SQLITE_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  people = heard_test_list_people (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    {
      const char *shown = heard_person_get_display_name (people->pdata[i]);
      const char *called = heard_person_get_preferred_name (people->pdata[i]);

      g_ptr_array_add (names, g_strdup (shown));
      if (called != NULL && called[0] != '\0')
        g_ptr_array_add (names, g_strdup (called));
    }
  heard_test_close_store (&store);
  g_assert_cmpuint (names->len, >=, people->len);

  return names;
}

/* heard-cli export ics on practice records: a calendar Python's icalendar
 * reads, lines folded at 75 octets with CRLF, each event with a UID, a
 * DTSTAMP, an all-day date and a reminder; the same UIDs when exported
 * again; no one's name in it unless --with-names (--initials: "Review:
 * J.T."); --person keeps to one young person, and between them the young
 * people have everyone's events; each young person whose dates went in
 * noted in the audit trail, and no one else. */
static void
test_export_ics (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *practice_dir = g_build_filename (fixture->records.root, "practice", NULL);
  g_autofree char *db_path = g_build_filename (practice_dir, "heard.db", NULL);
  g_autofree char *first = g_build_filename (fixture->records.root, "first.ics", NULL);
  g_autofree char *again = g_build_filename (fixture->records.root, "again.ics", NULL);
  g_autofree char *initials = g_build_filename (fixture->records.root, "initials.ics", NULL);
  g_autofree char *named = g_build_filename (fixture->records.root, "named.ics", NULL);
  g_autofree char *one = g_build_filename (fixture->records.root, "one.ics", NULL);
  g_autofree char *name = NULL;
  g_autofree char *n_events = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *initials_text = NULL;
  g_autoptr(HeardKey) key = NULL;
  g_autoptr(GPtrArray) check_ins = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GPtrArray) entries = NULL;
  const char *runs[][2] = {
    { first, NULL }, { again, NULL }, { initials, "--initials" }, { named, "--with-names" },
  };
  guint n_noted = 0, n_named = 0, n_people = 0;
  guint64 n_one_total = 0;

  key = make_practice_records (practice_dir, &name, &check_ins);
  names = list_practice_names (practice_dir, key);

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_auto(Run) run = { 0 };

      if (runs[i][1] != NULL)
        run_cli (&run, NULL, "export", "ics", runs[i][1], "--data-dir", practice_dir,
                 runs[i][0], NULL);
      else
        run_cli (&run, NULL, "export", "ics", "--data-dir", practice_dir, runs[i][0], NULL);
      g_assert_cmpint (run.status, ==, EXIT_OK);
      for (guint n = 0; n < names->len; n++)
        {
          g_assert_null (strstr (run.out, names->pdata[n]));
          g_assert_null (strstr (run.err, names->pdata[n]));
        }
    }

  /* Names nowhere in the default and initials exports, the same UIDs in all
   * three (and in the named one). */
  g_ptr_array_add (args, first);
  g_ptr_array_add (args, again);
  g_ptr_array_add (args, initials);
  g_ptr_array_add (args, named);
  g_ptr_array_add (args, NULL);
  n_events = check_exports ("ics", (const char *const *) args->pdata, &problem);
  g_assert_null (problem);
  g_assert_cmpuint (g_ascii_strtoull (n_events, NULL, 10), >, 3);

  g_ptr_array_set_size (args, 3);
  g_ptr_array_add (args, (gpointer) "--forbid");
  for (guint n = 0; n < names->len; n++)
    g_ptr_array_add (args, names->pdata[n]);
  g_ptr_array_add (args, NULL);
  g_clear_pointer (&n_events, g_free);
  n_events = check_exports ("ics", (const char *const *) args->pdata, &problem);
  g_assert_null (problem);

  /* With --with-names, the same check finds them. */
  args->pdata[0] = named;
  g_ptr_array_remove_range (args, 1, 2);
  g_assert_null (check_exports ("ics", (const char *const *) args->pdata, &problem));
  g_assert_nonnull (strstr (problem, "names someone"));
  g_clear_pointer (&problem, g_free);

  initials_text = read_file (initials);
  g_assert_true (g_regex_match_simple ("\r\nSUMMARY:Review: (\\w\\.)+\r\n", initials_text, 0,
                                       0));

  /* One young person at a time: between them, everyone's events. */
  for (guint person = 1; person <= 3; person++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *id = g_strdup_printf ("%u", person);
      const char *one_args[] = { one, NULL };
      g_autofree char *n_theirs = NULL;
      g_autofree char *text = NULL;

      run_cli (&run, NULL, "export", "ics", "--person", id, "--data-dir", practice_dir, one,
               NULL);
      g_assert_cmpint (run.status, ==, EXIT_OK);
      text = read_file (one);
      if (strstr (text, "BEGIN:VEVENT") == NULL)
        {
          g_assert_nonnull (strstr (run.out, "no review or due dates"));
          continue;
        }
      n_theirs = check_exports ("ics", one_args, &problem);
      g_assert_null (problem);
      n_one_total += g_ascii_strtoull (n_theirs, NULL, 10);
      n_people++;
    }
  g_assert_cmpuint (n_one_total, ==, g_ascii_strtoull (n_events, NULL, 10));
  g_assert_cmpuint (n_people, >, 0);

  entries = list_export_entries (db_path, key);
  for (guint i = 0; i < entries->len; i++)
    {
      HeardExportNote *note = g_ptr_array_index (entries, i);

      g_assert_cmpint (note->kind, ==, HEARD_EXPORT_ICS);
      g_assert_cmpstr (note->recipient, ==, "own-team");
      g_assert_cmpint (note->plan_id, >, 0);
      n_named += note->names == HEARD_EXPORT_YES;
      n_noted++;
    }
  /* Four exports of the same young people, one of them named, then each
   * alone. */
  g_assert_cmpuint (n_noted, ==, 5 * n_people);
  g_assert_cmpuint (n_named, ==, n_people);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "verify", "--data-dir", practice_dir, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
  }
}

/* heard-cli export csv --of sharing on practice records: a row per entry
 * of their sharing log with a pseudonym and no one's name, the worker's
 * words only when asked, noted in the audit trail as a sharing-log CSV. */
static void
test_export_csv_sharing (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *practice_dir = g_build_filename (fixture->records.root, "practice", NULL);
  g_autofree char *db_path = g_build_filename (practice_dir, "heard.db", NULL);
  g_autofree char *sharing = g_build_filename (fixture->records.root, "sharing.csv", NULL);
  g_autofree char *name = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(HeardKey) key = NULL;
  g_autoptr(GPtrArray) check_ins = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_auto(GStrv) lines = NULL;

  key = make_practice_records (practice_dir, &name, &check_ins);
  names = list_practice_names (practice_dir, key);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "export", "csv", "--of", "sharing", "--data-dir", practice_dir, "1",
             sharing, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
  }
  g_ptr_array_add (args, sharing);
  g_ptr_array_add (args, (gpointer) "--forbid");
  for (guint n = 0; n < names->len; n++)
    g_ptr_array_add (args, names->pdata[n]);
  g_ptr_array_add (args, NULL);
  rows = check_exports ("csv", (const char *const *) args->pdata, &problem);
  g_assert_null (problem);
  lines = g_strsplit (rows, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "person\tentry\tversion\tday\tdecision\tagency\tagency_type"
                                 "\tmethod\tlawful_basis\tagreed\ttold\tlinks");
  /* The practice log: a share they agreed to and a decision not to share. */
  g_assert_true (g_strv_length (lines) >= 3);
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    g_assert_true (g_regex_match_simple ("^p-[0-9a-f]{16}\t\\d+\t\\d+\t\\d{4}-\\d{2}-\\d{2}\t"
                                         "(shared\t[^\t]+\t[a-z-]+\t[a-z-]+\t[a-z-]+\t"
                                         "(yes|no|not-asked)\t(yes|no)|"
                                         /* Not asked of a decision not to share. */
                                         "not-shared\t[^\t]+\t[a-z-]+\t[a-z-]+\t\t\t)\t",
                                         lines[i], 0, 0));

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "export", "csv", "--of", "sharing", "--with-words", "--data-dir",
             practice_dir, "1", "-", NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
    g_assert_nonnull (strstr (run.out, ",what,contact,purpose,agreement_reason,decided_by,"
                                       "not_told_reason,necessary,not_shared_reason\r\n"));
    g_assert_nonnull (strstr (run.out, "She asked us not to, and sharing it would not make "
                                       "anyone safer."));
  }

  /* A folder that is not there: nothing written, and noted so. */
  {
    g_auto(Run) run = { 0 };

    g_assert_cmpuint (count_unwritten_exports (db_path, key), ==, 0);
    run_cli (&run, NULL, "export", "csv", "--of", "sharing", "--data-dir", practice_dir, "1",
             "/nonexistent-heard-folder/sharing.csv", NULL);
    g_assert_cmpint (run.status, ==, EXIT_FILE);
    g_assert_cmpuint (count_unwritten_exports (db_path, key), ==, 1);
  }

  entries = list_export_entries (db_path, key);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpint (((HeardExportNote *) entries->pdata[0])->kind, ==, HEARD_EXPORT_SHARING_CSV);
  g_assert_cmpint (((HeardExportNote *) entries->pdata[0])->names, ==, HEARD_EXPORT_NO);
  g_assert_cmpint (((HeardExportNote *) entries->pdata[0])->words, ==, HEARD_EXPORT_NO);
  g_assert_cmpint (((HeardExportNote *) entries->pdata[1])->words, ==, HEARD_EXPORT_YES);
}

/* heard-cli export csv --of signs on practice records: a pseudonym and no
 * one's name, words only when asked, noted as such; --of check-ins gives
 * what export check-ins gives; an unknown kind refused. */
static void
test_export_csv_signs (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *practice_dir = g_build_filename (fixture->records.root, "practice", NULL);
  g_autofree char *db_path = g_build_filename (practice_dir, "heard.db", NULL);
  g_autofree char *signs = g_build_filename (fixture->records.root, "signs.csv", NULL);
  g_autofree char *named = g_build_filename (fixture->records.root, "named.csv", NULL);
  g_autofree char *name = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(HeardKey) key = NULL;
  g_autoptr(GPtrArray) check_ins = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_auto(GStrv) lines = NULL;

  key = make_practice_records (practice_dir, &name, &check_ins);
  names = list_practice_names (practice_dir, key);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "export", "csv", "--of", "signs", "--data-dir", practice_dir, "1",
             signs, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
    g_assert_null (strstr (run.out, name));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "export", "csv", "--of", "signs", "--with-names", "--with-words",
             "--data-dir", practice_dir, "1", named, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
  }

  g_ptr_array_add (args, signs);
  g_ptr_array_add (args, (gpointer) "--forbid");
  for (guint n = 0; n < names->len; n++)
    g_ptr_array_add (args, names->pdata[n]);
  g_ptr_array_add (args, NULL);
  rows = check_exports ("csv", (const char *const *) args->pdata, &problem);
  g_assert_null (problem);
  lines = g_strsplit (rows, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "person\tentry\tversion\tearliest_day\tlatest_day\tprecision"
                                 "\tnature\tkind\tagency\tagency_type");
  g_assert_nonnull (lines[1]);
  g_assert_true (g_regex_match_simple ("^p-[0-9a-f]{16}\t\\d+\t\\d+\t\\d{4}-\\d{2}-\\d{2}\t"
                                       "\\d{4}-\\d{2}-\\d{2}\t(day|month|year|around)\t"
                                       "(harm|vulnerability|strength)\t", lines[1], 0, 0));

  /* The named export holds their name, so the same check can fail. */
  args->pdata[0] = named;
  g_assert_null (check_exports ("csv", (const char *const *) args->pdata, &problem));
  g_assert_nonnull (strstr (problem, "names someone"));

  {
    g_auto(Run) run = { 0 };
    g_auto(Run) alias = { 0 };

    run_cli (&run, NULL, "export", "csv", "--of", "check-ins", "--data-dir", practice_dir,
             "1", "-", NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
    run_cli (&alias, NULL, "export", "check-ins", "--data-dir", practice_dir, "1", "-", NULL);
    g_assert_cmpint (alias.status, ==, EXIT_OK);
    g_assert_cmpstr (run.out, ==, alias.out);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "export", "csv", "--of", "gossip", "--data-dir", practice_dir, "1",
             "-", NULL);
    g_assert_cmpint (run.status, ==, EXIT_USAGE);
    g_assert_cmpstr (run.out, ==, "");
    /* Said to be unknown, with the kinds there are. */
    g_assert_nonnull (strstr (run.err, "There is no kind of CSV “gossip”"));
    g_assert_nonnull (strstr (run.err, "check-ins, signs, sharing"));
  }

  entries = list_export_entries (db_path, key);
  g_assert_cmpuint (entries->len, ==, 4);
  g_assert_cmpint (((HeardExportNote *) entries->pdata[0])->kind, ==, HEARD_EXPORT_SIGNS_CSV);
  g_assert_cmpint (((HeardExportNote *) entries->pdata[0])->names, ==, HEARD_EXPORT_NO);
  g_assert_cmpint (((HeardExportNote *) entries->pdata[0])->words, ==, HEARD_EXPORT_NO);
  g_assert_cmpint (((HeardExportNote *) entries->pdata[1])->kind, ==, HEARD_EXPORT_SIGNS_CSV);
  g_assert_cmpint (((HeardExportNote *) entries->pdata[1])->names, ==, HEARD_EXPORT_YES);
  g_assert_cmpint (((HeardExportNote *) entries->pdata[1])->words, ==, HEARD_EXPORT_YES);
  g_assert_cmpint (((HeardExportNote *) entries->pdata[2])->kind, ==,
                   HEARD_EXPORT_CHECK_INS_CSV);
}

/* heard-cli export pdf leaves out what they said at check-ins and the
 * worker's notes unless the plan is for the young person, or --with-words
 * asks for them; the audit note says so, and that the cover names them. */
static void
test_export_pdf_check_in_words (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *practice_dir = g_build_filename (fixture->records.root, "practice", NULL);
  g_autofree char *db_path = g_build_filename (practice_dir, "heard.db", NULL);
  const char *absent = "are not in this copy";
  const char *const runs[][2] = {
    { "agency:school", NULL }, { "agency:school", "--with-words" }, { "young-person", NULL },
  };
  const gboolean with[] = { FALSE, TRUE, TRUE };
  g_autoptr(HeardKey) key = NULL;
  g_autoptr(GPtrArray) check_ins = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *name = NULL;

  key = make_practice_records (practice_dir, &name, &check_ins);
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *file = g_strdup_printf ("plan-%u.pdf", i);
      g_autofree char *path = g_build_filename (fixture->records.root, file, NULL);
      g_autofree char *text = NULL;

      if (runs[i][1] != NULL)
        run_cli (&run, NULL, "export", "pdf", "--for", runs[i][0], runs[i][1], "--data-dir",
                 practice_dir, "1", path, NULL);
      else
        run_cli (&run, NULL, "export", "pdf", "--for", runs[i][0], "--data-dir", practice_dir,
                 "1", path, NULL);
      g_assert_cmpint (run.status, ==, EXIT_OK);
      text = heard_test_pdf_text (path);
      g_assert_nonnull (strstr (text, "Each check-in"));
      g_assert_true ((strstr (text, "In their words\n") != NULL) == with[i]);
      g_assert_true ((strstr (text, "Worker’s note:") != NULL) == with[i]);
      g_assert_true ((strstr (text, absent) == NULL) == with[i]);
    }

  entries = list_export_entries (db_path, key);
  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (runs));
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      HeardExportNote *note = entries->pdata[i];

      g_assert_cmpint (note->names, ==, HEARD_EXPORT_YES);
      g_assert_cmpint (note->words, ==, with[i] ? HEARD_EXPORT_YES : HEARD_EXPORT_NO);
    }
}

/* heard-cli export pdf into a folder never replaces an earlier export:
 * two young people into one folder leave two files ("practice-" first for
 * practice records, then "-2"); a FILE that exists is refused unless
 * --replace is given, and left as it was. */
static void
test_export_pdf_no_replace (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *practice_dir = g_build_filename (fixture->records.root, "practice", NULL);
  g_autofree char *folder = g_build_filename (fixture->records.root, "exports", NULL);
  g_autofree char *existing = g_build_filename (folder, "plan.pdf", NULL);
  g_autofree char *today = NULL;
  g_autofree char *suggested = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *stem = NULL;
  GDate day;

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "practice", "--people", "3", "--seed", "7", "--data-dir", practice_dir,
             NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
  }
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  heard_date_today (&day);
  today = heard_date_to_iso (&day);
  suggested = heard_plan_document_suggest_file_name (today);
  stem = g_strndup (suggested, strlen (suggested) - strlen (".pdf"));
  first = g_strdup_printf ("%s/practice-%s.pdf", folder, stem);
  second = g_strdup_printf ("%s/practice-%s-2.pdf", folder, stem);

  for (guint person = 1; person <= 2; person++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *person_arg = g_strdup_printf ("%u", person);
      g_autofree char *base = g_path_get_basename (person == 1 ? first : second);

      run_cli (&run, NULL, "export", "pdf", "--for", "young-person", "--data-dir", practice_dir,
               person_arg, folder, NULL);
      g_assert_cmpint (run.status, ==, EXIT_OK);
      g_assert_nonnull (strstr (run.out, base));
    }
  first_text = heard_test_pdf_text (first);
  second_text = heard_test_pdf_text (second);
  g_assert_cmpstr (first_text, !=, second_text);

  /* A file named that exists is refused, untouched, unless --replace. */
  g_assert_true (g_file_set_contents (existing, "kept", -1, NULL));
  {
    g_auto(Run) run = { 0 };
    g_autofree char *contents = NULL;

    run_cli (&run, NULL, "export", "pdf", "--for", "young-person", "--data-dir", practice_dir,
             "1", existing, NULL);
    g_assert_cmpint (run.status, ==, EXIT_REFUSED);
    g_assert_nonnull (strstr (run.err, "--replace"));
    contents = read_file (existing);
    g_assert_cmpstr (contents, ==, "kept");
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "export", "pdf", "--for", "young-person", "--replace", "--data-dir",
             practice_dir, "1", existing, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
  }
  replaced = heard_test_pdf_text (existing);
  g_assert_cmpstr (replaced, ==, first_text);
}

/* heard-cli export lists its formats; each format's help fits a terminal. */
static void
test_export_help (Fixture       *fixture,
                  gconstpointer  data)
{
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "export", "--help", NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
    g_assert_nonnull (strstr (run.out, "check-ins"));
    g_assert_nonnull (strstr (run.out, "pdf"));
    /* csv's kinds, the sharing log among them. */
    g_assert_nonnull (strstr (run.out, "--of KIND, one of: check-ins, signs, sharing"));
    assert_fits_terminal (run.out);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "export", "check-ins", "--help", NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
    g_assert_nonnull (strstr (run.out, "heard-cli export check-ins"));
    g_assert_nonnull (strstr (run.out, "--pseudonymise"));
    g_assert_nonnull (strstr (run.out, "--data-dir"));
    g_assert_nonnull (strstr (run.out, "--with-names"));
    g_assert_nonnull (strstr (run.out, "record number on their Record page"));
    assert_fits_terminal (run.out);
  }
  {
    g_auto(Run) run = { 0 };

    /* Who a PDF may be for is said in its help. */
    run_cli (&run, NULL, "export", "pdf", "--help", NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
    g_assert_nonnull (strstr (run.out, "heard-cli export pdf"));
    g_assert_nonnull (strstr (run.out, "agency:school"));
    g_assert_nonnull (strstr (run.out, "meeting:school,police"));
    g_assert_nonnull (strstr (run.out, "young-person"));
    g_assert_nonnull (strstr (run.out, "social-care"));
    g_assert_nonnull (strstr (run.out, "--include-sensitive"));
    g_assert_nonnull (strstr (run.out, "--replace"));
    g_assert_nonnull (strstr (run.out, "record number on their Record page"));
    g_assert_nonnull (strstr (run.out, "--data-dir"));
    assert_fits_terminal (run.out);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "export", "ics", NULL);
    g_assert_cmpint (run.status, ==, EXIT_USAGE);
    g_assert_nonnull (strstr (run.err, "ics"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "export", NULL);
    g_assert_cmpint (run.status, ==, EXIT_USAGE);
  }
}

/* Whether the file at @path names @folder. */
static gboolean
settings_name (const char *path,
               const char *folder)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, folder) != NULL;
}

/* Without FOLDER, the backup goes where Heard's Preferences chose for these
 * records, and info names it as the last backup. */
static void
test_backup_to_chosen_folder (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(HeardContext) context = open_new_records (fixture, FALSE);
  HeardBackupService *backups = heard_context_get_backups (context);
  g_autofree char *folder = g_build_filename (fixture->records.root, "chosen", NULL);
  g_autofree char *settings = g_build_filename (fixture->records.data_dir, "backup.ini", NULL);
  g_auto(Run) backup = { 0 };
  g_auto(Run) info = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  heard_backup_service_set_folder (backups, folder);
  /* Choosing the folder notes it, and makes Heard's own first backup. */
  while (!settings_name (settings, folder) ||
         heard_backup_service_get_last_backup (backups) == NULL ||
         heard_backup_service_get_running (backups))
    g_main_context_iteration (NULL, TRUE);

  run_cli (&backup, NULL, "backup", "--data-dir", fixture->records.data_dir, NULL);
  g_assert_cmpint (backup.status, ==, EXIT_OK);
  g_strchomp (backup.out);
  g_assert_true (g_str_has_prefix (backup.out, folder));

  run_cli (&info, NULL, "info", "--data-dir", fixture->records.data_dir, NULL);
  g_assert_cmpint (info.status, ==, EXIT_OK);
  g_assert_nonnull (strstr (info.out, "Last backup: "));
  g_assert_nonnull (strstr (info.out, backup.out));
  assert_says_nothing_personal (&info);

  heard_test_close_context (&context);
}

/* On a computer whose keyring lacks the backup's key, the recovery code
 * comes on standard input. */
static void
test_restore_with_recovery_code (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *backup = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *code_line = NULL;
  g_autofree char *elsewhere = g_build_filename (fixture->records.root, "elsewhere", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  make_records (fixture, FALSE);
  backup = back_up (fixture);
  uuid = read_uuid (fixture);
  heard_keyring_clear_async (uuid, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_keyring_clear_finish (result, &error));
  g_assert_no_error (error);
  /* A computer that never had these records has no seal of them either. */
  heard_test_keyring_forget_seal (uuid);
  code_line = g_strconcat (fixture->code, "\n", NULL);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "restore", "--data-dir", elsewhere, backup, NULL);
    g_assert_cmpint (run.status, ==, EXIT_LOCKED);
    g_assert_nonnull (strstr (run.err, "recovery code on standard input"));
    g_assert_null (strstr (run.err, ".)"));
    g_assert_null (strstr (run.err, ".."));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, code_line, "restore", "--data-dir", elsewhere, backup, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
    g_assert_nonnull (strstr (run.out, "no records there before"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "verify", "--data-dir", elsewhere, NULL);
    g_assert_cmpint (run.status, ==, EXIT_OK);
  }
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

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/help", test_help);
  ADD ("/cli/no-records", test_no_records);
  ADD ("/cli/verify/good", test_verify_good);
  ADD ("/cli/verify/tampered", test_verify_tampered);
  ADD ("/cli/info/nothing-personal", test_info);
  ADD ("/cli/beside-open-heard", test_beside_open_heard);
  ADD ("/cli/passphrase-on-stdin", test_passphrase_on_stdin);
  ADD ("/cli/recovery-code-on-stdin", test_recovery_code_on_stdin);
  ADD ("/cli/caseworker-passphrase-on-stdin", test_caseworker_passphrase_on_stdin);
  ADD ("/cli/backup/beside-open-heard", test_backup_beside_open_heard);
  ADD ("/cli/backup/without-folder", test_backup_without_folder);
  ADD ("/cli/writers-refuse-held-folder", test_writers_refuse_held_folder);
  ADD ("/cli/backup/to-chosen-folder", test_backup_to_chosen_folder);
  ADD ("/cli/restore", test_restore);
  ADD ("/cli/restore/with-recovery-code", test_restore_with_recovery_code);
  ADD ("/cli/practice", test_practice);
  ADD ("/cli/restore/refuses-practice-folder", test_restore_refuses_practice_folder);
  ADD ("/cli/info/after-backup-by-hand", test_info_after_backup_by_hand);
  ADD ("/cli/export/help", test_export_help);
  ADD ("/cli/export/check-ins", test_export_check_ins);
  ADD ("/cli/export/real-records", test_export_real_records);
  ADD ("/cli/export/pdf", test_export_pdf);
  ADD ("/cli/export/my-record", test_export_my_record);
  ADD ("/cli/export/pdf-for-directory-agency", test_export_pdf_for_directory_agency);
  ADD ("/cli/export/pdf-consent-ended", test_export_pdf_consent_ended);
  ADD ("/cli/export/check-ins-names", test_export_check_ins_names);
  ADD ("/cli/export/pdf-no-replace", test_export_pdf_no_replace);
  ADD ("/cli/export/pdf-check-in-words", test_export_pdf_check_in_words);
  ADD ("/cli/export/ics", test_export_ics);
  ADD ("/cli/export/csv-signs", test_export_csv_signs);
  ADD ("/cli/export/csv-sharing", test_export_csv_sharing);

  return g_test_run ();
}

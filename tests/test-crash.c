/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-crash"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "heard-secure.h"
#include "heard-store-people.h"
#include "heard-test-utils.h"

/*
 * Kills a writer at random moments while it saves, again and again, then
 * checks that every save it reported as done is still there, whole, and that
 * the file passes a full integrity check. SIGKILL stops the process but not
 * the kernel, so this shows that a commit is atomic and that the store opens
 * after any interruption; it cannot show what a power cut would do.
 */

#define MIN_ROUNDS 50
#define MAX_ROUNDS 500
#define MIN_REPORTED 200
#define MIN_DELAY_MS 5
#define MAX_DELAY_MS 150

typedef struct
{
  gint64 id;
  guint  round;
  guint  seq;
} Report;

/* Runs one writer for @delay_ms, kills it, and adds what it reported. */
static void
run_round (const char *writer,
           const char *path,
           const char *key_hex,
           guint       round,
           guint       delay_ms,
           GArray     *reports)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *round_text = g_strdup_printf ("%u", round);
  g_autofree char *text = NULL;
  gsize length = 0;
  const char *data;

  g_subprocess_launcher_setenv (launcher, "HEARD_CRASH_KEY", key_hex, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, writer, path, round_text, NULL);
  g_assert_no_error (error);

  g_usleep (delay_ms * 1000);
  g_subprocess_send_signal (process, SIGKILL);

  /* Reads what reached the pipe before the kill, then reaps the writer. */
  g_subprocess_communicate (process, NULL, NULL, &output, NULL, &error);
  g_assert_no_error (error);

  /* A writer that stopped by itself could not open or save: that is a failure. */
  if (!g_subprocess_get_if_signaled (process))
    g_error ("Round %u: the writer exited with status %d before it was killed",
             round, g_subprocess_get_exit_status (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);

  data = g_bytes_get_data (output, &length);
  text = g_strndup (data != NULL ? data : "", length);

  /* Each line was one write(), so the output ends with a whole line. */
  g_assert_true (length == 0 || text[length - 1] == '\n');
  for (const char *line = text; *line != '\0'; line = strchr (line, '\n') + 1)
    {
      Report report = { 0 };
      char *end = NULL;

      report.id = g_ascii_strtoll (line, &end, 10);
      report.round = (guint) g_ascii_strtoull (end, &end, 10);
      report.seq = (guint) g_ascii_strtoull (end, &end, 10);
      g_assert_cmpint (*end, ==, '\n');
      g_assert_cmpint (report.id, >, 0);
      g_assert_cmpuint (report.round, ==, round);
      g_array_append_val (reports, report);
    }
}

static void
assert_person_is (HeardPerson *person,
                  guint        round,
                  guint        seq)
{
  g_autoptr(HeardPerson) expected = heard_test_crash_person_new (round, seq);

  g_assert_nonnull (person);
  g_assert_cmpstr (heard_person_get_display_name (person), ==,
                   heard_person_get_display_name (expected));
  g_assert_cmpstr (heard_person_get_text (person, HEARD_PERSON_WHAT_HELPS), ==,
                   heard_person_get_text (expected, HEARD_PERSON_WHAT_HELPS));
}

static void
test_crash_kill_writer (void)
{
  const char *writer = g_getenv ("HEARD_CRASH_WRITER");
  const char *seed_text = g_getenv ("HEARD_CRASH_SEED");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HeardKey) key = heard_test_key_new (7);
  g_autoptr(HeardSecretString) key_hex = heard_key_to_hex (key);
  g_autoptr(HeardStore) store = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GArray) reports = g_array_new (FALSE, TRUE, sizeof (Report));
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  guint32 seed;
  guint round;
  guint found = 0;
  gint64 started = g_get_monotonic_time ();

  if (writer == NULL)
    g_error ("HEARD_CRASH_WRITER is not set: run this test through meson test");

  dir = heard_test_make_dir ();
  path = g_build_filename (dir, "heard.db", NULL);

  seed = seed_text != NULL ? (guint32) g_ascii_strtoull (seed_text, NULL, 10) : g_random_int ();
  g_test_message ("seed %u (set HEARD_CRASH_SEED=%u to repeat this run)", seed, seed);
  rand = g_rand_new_with_seed (seed);

  store = heard_test_open_store (path, key, HEARD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  heard_test_close_store (&store);

  /* At least MIN_ROUNDS, and more on a slow disk until enough was saved. */
  for (round = 0;
       round < MAX_ROUNDS && (round < MIN_ROUNDS || reports->len < MIN_REPORTED);
       round++)
    run_round (writer, path, key_hex, round,
               (guint) g_rand_int_range (rand, MIN_DELAY_MS, MAX_DELAY_MS + 1), reports);

  store = heard_test_open_store (path, key, HEARD_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (heard_test_check_integrity (store, &error));
  g_assert_no_error (error);
  people = heard_test_list_people (store, &error);
  g_assert_no_error (error);

  /* Every save reported as done is there, whole. */
  for (guint i = 0; i < reports->len; i++)
    {
      Report *report = &g_array_index (reports, Report, i);
      HeardPerson *person = heard_test_find_person (people, report->id);

      if (person != NULL)
        found++;
      assert_person_is (person, report->round, report->seq);
    }

  /* Nothing else but whole records, and in each round at most the one save
   * that committed just before the kill and was not reported yet. */
  for (guint i = 0; i < people->len; i++)
    {
      HeardPerson *person = g_ptr_array_index (people, i);
      guint person_round = G_MAXUINT;
      guint seq = G_MAXUINT;

      g_assert_cmpint (sscanf (heard_person_get_display_name (person), "Crash round %u, save %u",
                               &person_round, &seq), ==, 2);
      assert_person_is (person, person_round, seq);
    }

  g_test_message ("rounds %u, ids reported %u, ids found %u, records in the file %u, "
                  "%.1f s", round, reports->len, found, people->len,
                  (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);

  g_assert_cmpuint (found, ==, reports->len);
  g_assert_cmpuint (reports->len, >=, MIN_REPORTED);
  g_assert_cmpuint (round, >=, MIN_ROUNDS);
  g_assert_cmpuint (people->len, >=, reports->len);
  g_assert_cmpuint (people->len, <=, reports->len + round);

  heard_test_close_store (&store);
  heard_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  if (!heard_secure_init (&error))
    g_error ("%s", error->message);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/crash/kill-writer", test_crash_kill_writer);

  return g_test_run ();
}

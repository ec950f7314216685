/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-crash"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "heard-audit.h"
#include "heard-plan-rules.h"
#include "heard-secure.h"
#include "heard-sqlite-store.h"
#include "heard-store-people.h"
#include "heard-store-plans.h"
#include "heard-store-staff.h"
#include "heard-store-statements.h"
#include "heard-test-utils.h"

/*
 * Kills a writer at random moments while it saves, again and again, then
 * checks that every write it reported as done is still there, whole, and that
 * the file passes a full integrity check. The writer makes one-row saves
 * (young people) and writes of many rows in one transaction: amendments,
 * new plan versions copied with all their areas and actions, and sign-offs
 * that supersede the version before. None may be found half-applied.
 * SIGKILL stops the process but not the kernel, so this shows that a commit
 * is atomic and that the store opens after any interruption; it cannot
 * show what a power cut would do.
 */

#define MIN_ROUNDS 50
#define MAX_ROUNDS 500
#define MIN_REPORTED 200
#define MIN_REPORTED_SIGN_OFFS 10
#define MIN_DELAY_MS 5
#define MAX_DELAY_MS 250
#define PLAN_AREAS 3
#define PLAN_ACTIONS 2

typedef enum
{
  REPORT_PERSON,
  REPORT_AMEND,
  REPORT_PLAN_STARTED,
  REPORT_PLAN_SIGNED,
  N_REPORT_KINDS,
} ReportKind;

static const char *const report_kinds[N_REPORT_KINDS] = {
  "person", "amend", "plan-started", "plan-signed",
};

typedef struct
{
  ReportKind kind;
  gint64     id;
  guint      round;
  guint      seq;
} Report;

/* The records the writer works on, made before the first round. */
typedef struct
{
  gint64 person_id;
  gint64 statement_id;
  gint64 supervisor_id;
} Setup;

#define ASYNC(slot) NULL, heard_test_store_result_cb, (slot)

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  heard_test_wait (slot);
  return *slot;
}

/* Runs one writer for @delay_ms once it has opened the records, kills it,
 * and adds what it reported. */
static void
run_round (const char  *writer,
           const char  *path,
           const char  *key_hex,
           const Setup *setup,
           guint        round,
           guint        delay_ms,
           GArray      *reports)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) stdout_pipe = NULL;
  g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ready = NULL;
  g_autofree char *round_text = g_strdup_printf ("%u", round);
  g_autofree char *person_text = g_strdup_printf ("%" G_GINT64_FORMAT, setup->person_id);
  g_autofree char *statement_text = g_strdup_printf ("%" G_GINT64_FORMAT, setup->statement_id);
  g_autofree char *supervisor_text = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                      setup->supervisor_id);
  g_autofree char *text = NULL;
  gsize length = 0;

  g_subprocess_launcher_setenv (launcher, "HEARD_CRASH_KEY", key_hex, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, writer, path, round_text,
                                        person_text, statement_text, supervisor_text, NULL);
  g_assert_no_error (error);

  /* The delay runs from when the writer has opened the records, so a busy
   * machine that is slow to start it still gives it time to write. */
  stdout_pipe = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  ready = g_data_input_stream_read_line (stdout_pipe, NULL, NULL, &error);
  g_assert_no_error (error);
  if (g_strcmp0 (ready, "ready") != 0)
    {
      g_subprocess_wait (process, NULL, &error);
      g_error ("Round %u: the writer did not open the records (exit status %d)", round,
               g_subprocess_get_exit_status (process));
    }

  g_usleep (delay_ms * 1000);
  g_subprocess_send_signal (process, SIGKILL);

  /* Reads what reached the pipe before the kill, then reaps the writer. */
  g_output_stream_splice (output, G_INPUT_STREAM (stdout_pipe),
                          G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  /* A writer that stopped by itself could not save: that is a failure. */
  if (!g_subprocess_get_if_signaled (process))
    g_error ("Round %u: the writer exited with status %d before it was killed",
             round, g_subprocess_get_exit_status (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);

  /* A writer killed before its first save wrote nothing more. */
  length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (output));
  text = length > 0 ? g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (output)),
                                 length)
                    : g_strdup ("");

  /* Each line was one write(), so the output ends with a whole line. */
  g_assert_true (length == 0 || text[length - 1] == '\n');
  for (const char *line = text; *line != '\0'; line = strchr (line, '\n') + 1)
    {
      Report report = { 0 };
      const char *space = strchr (line, ' ');
      char *end = NULL;

      g_assert_nonnull (space);
      for (report.kind = 0; report.kind < N_REPORT_KINDS; report.kind++)
        if (strncmp (line, report_kinds[report.kind], (gsize) (space - line)) == 0 &&
            report_kinds[report.kind][space - line] == '\0')
          break;
      g_assert_cmpint (report.kind, <, N_REPORT_KINDS);

      report.id = g_ascii_strtoll (space, &end, 10);
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

/* A young person with a statement and a signed-off plan of PLAN_AREAS
 * areas and PLAN_ACTIONS actions, and a supervisor who signs. */
static Setup
make_setup (HeardStore *store)
{
  g_autoptr(HeardPerson) person = heard_person_new ();
  g_autoptr(HeardStaff) supervisor = heard_staff_new (HEARD_STAFF_SUPERVISOR);
  g_autoptr(HeardStatement) statement = heard_statement_new ();
  g_autoptr(HeardPlanDecision) decision = NULL;
  g_autoptr(GError) error = NULL;
  static const HeardAreaKind kinds[PLAN_AREAS] = {
    HEARD_AREA_EDUCATION, HEARD_AREA_SAFETY, HEARD_AREA_HOME,
  };
  gint64 area_ids[PLAN_AREAS];
  Setup setup = { 0 };
  gint64 plan_id;

  heard_person_set_text (person, HEARD_PERSON_DISPLAY_NAME, "Amira Khan");
  setup.person_id = heard_test_save_person (store, person, &error);
  g_assert_no_error (error);

  {
    g_autoptr(GAsyncResult) result = NULL;

    heard_staff_set_name (supervisor, "Sam Okafor");
    heard_store_save_staff_async (store, supervisor, HEARD_TEST_CRASH_PASSPHRASE,
                                  ASYNC (&result));
    setup.supervisor_id = heard_store_save_staff_finish (store, wait_for (&result), &error);
    g_assert_no_error (error);
  }

  {
    g_autoptr(GAsyncResult) result = NULL;

    heard_statement_set_person_id (statement, setup.person_id);
    heard_statement_set_text (statement, HEARD_STATEMENT_WORDS, "He said I owe him.");
    heard_statement_set_text (statement, HEARD_STATEMENT_GIVEN_ON, "03/05/2024");
    heard_store_record_statement_async (store, statement, ASYNC (&result));
    setup.statement_id = heard_store_record_statement_finish (store, wait_for (&result),
                                                              &error);
    g_assert_no_error (error);
  }

  {
    g_autoptr(GAsyncResult) result = NULL;

    heard_store_start_plan_async (store, setup.person_id, ASYNC (&result));
    plan_id = heard_store_start_plan_finish (store, wait_for (&result), &error);
    g_assert_no_error (error);
  }

  for (guint i = 0; i < PLAN_AREAS; i++)
    {
      g_autoptr(HeardPlanArea) area = heard_plan_area_new (plan_id, kinds[i]);
      g_autoptr(GAsyncResult) result = NULL;

      heard_plan_area_set_text (area, HEARD_AREA_GOAL_OWN_WORDS, "Feel safe on the bus.");
      heard_store_save_area_async (store, area, ASYNC (&result));
      area_ids[i] = heard_store_save_area_finish (store, wait_for (&result), &error);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < PLAN_ACTIONS; i++)
    {
      g_autoptr(HeardPlanAction) action = heard_plan_action_new (plan_id, area_ids[i]);
      g_autoptr(GAsyncResult) result = NULL;

      heard_plan_action_set_text (action, HEARD_ACTION_WHAT, "Meet the pastoral lead");
      heard_plan_action_set_text (action, HEARD_ACTION_DUE_DATE, "2030-01-15");
      heard_plan_action_set_owner (action, HEARD_AGENCY_SCHOOL);
      heard_store_save_action_async (store, action, ASYNC (&result));
      heard_store_save_action_finish (store, wait_for (&result), &error);
      g_assert_no_error (error);
    }

  {
    g_autoptr(GAsyncResult) result = NULL;

    heard_store_submit_plan_async (store, plan_id, ASYNC (&result));
    g_assert_true (heard_store_submit_plan_finish (store, wait_for (&result), &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(GAsyncResult) result = NULL;

    decision = heard_plan_decision_new (HEARD_PLAN_EVENT_SIGN_OFF, setup.supervisor_id);
    heard_store_decide_plan_async (store, plan_id, decision, HEARD_TEST_CRASH_PASSPHRASE,
                                   ASYNC (&result));
    g_assert_true (heard_store_decide_plan_finish (store, wait_for (&result), &error));
    g_assert_no_error (error);
  }

  return setup;
}

/* Every version of the statement is whole, numbered without gaps, and each
 * amendment reported as saved is there with its words. */
static void
check_amendments (HeardStore  *store,
                  const Setup *setup,
                  GArray      *reports)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;

  heard_store_list_statement_history_async (store, setup->statement_id, ASYNC (&result));
  versions = heard_store_list_statement_history_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, >, 0);

  for (guint i = 0; i < versions->len; i++)
    {
      HeardStatement *version = g_ptr_array_index (versions, i);
      guint round = 0, seq = 0;

      g_assert_cmpuint (heard_statement_get_version (version), ==, i + 1);
      if (i == 0)
        continue;
      g_assert_cmpint (sscanf (heard_statement_get_text (version, HEARD_STATEMENT_REASON),
                               "Crash round %u, save %u", &round, &seq), ==, 2);
      {
        g_autofree char *words = heard_test_crash_amended_words (round, seq);

        g_assert_cmpstr (heard_statement_get_words (version), ==, words);
      }
    }

  for (guint i = 0; i < reports->len; i++)
    {
      Report *report = &g_array_index (reports, Report, i);
      g_autofree char *words = NULL;

      if (report->kind != REPORT_AMEND)
        continue;
      g_assert_cmpint (report->id, <=, (gint64) versions->len);
      words = heard_test_crash_amended_words (report->round, report->seq);
      g_assert_cmpstr (heard_statement_get_words (g_ptr_array_index (versions, report->id - 1)),
                       ==, words);
    }
}

/* Every plan version has all the areas and actions it was copied with;
 * one is in use, every one before it superseded with the review that
 * signed it off, and at most the newest still in progress. */
static void
check_plans (HeardStore  *store,
             const Setup *setup,
             GArray      *reports,
             guint       *n_versions)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  gboolean seen_active = FALSE;

  heard_store_load_plans_async (store, setup->person_id, ASYNC (&result));
  plans = heard_store_load_plans_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, >, 0);

  /* Newest first. */
  for (guint i = 0; i < plans->len; i++)
    {
      HeardPlan *plan = g_ptr_array_index (plans, i);
      HeardPlanState state = heard_plan_get_state (plan);

      g_assert_cmpuint (heard_plan_get_version (plan), ==, plans->len - i);
      g_assert_cmpuint (g_list_model_get_n_items (heard_plan_get_areas (plan)), ==, PLAN_AREAS);
      g_assert_cmpuint (heard_plan_count_actions (plan, NULL), ==, PLAN_ACTIONS);

      if (state == HEARD_PLAN_STATE_DRAFT || state == HEARD_PLAN_STATE_AWAITING_REVIEW)
        {
          g_assert_cmpuint (i, ==, 0);
          continue;
        }
      g_assert_cmpuint (g_list_model_get_n_items (heard_plan_get_reviews (plan)), >, 0);
      if (!seen_active)
        {
          g_assert_cmpint (state, ==, HEARD_PLAN_STATE_ACTIVE);
          seen_active = TRUE;
        }
      else
        g_assert_cmpint (state, ==, HEARD_PLAN_STATE_SUPERSEDED);
    }
  g_assert_true (seen_active);

  for (guint i = 0; i < reports->len; i++)
    {
      Report *report = &g_array_index (reports, Report, i);
      HeardPlan *found = NULL;

      if (report->kind != REPORT_PLAN_STARTED && report->kind != REPORT_PLAN_SIGNED)
        continue;
      for (guint j = 0; j < plans->len; j++)
        if (heard_plan_get_id (g_ptr_array_index (plans, j)) == report->id)
          found = g_ptr_array_index (plans, j);
      g_assert_nonnull (found);
      if (report->kind == REPORT_PLAN_SIGNED)
        g_assert_true (heard_plan_get_state (found) == HEARD_PLAN_STATE_ACTIVE ||
                       heard_plan_get_state (found) == HEARD_PLAN_STATE_SUPERSEDED);
    }

  *n_versions = plans->len;
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
  g_autoptr(GAsyncResult) verified = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  guint n_reported[N_REPORT_KINDS] = { 0 };
  guint n_audit = 0;
  guint n_versions = 0;
  Setup setup;
  guint32 seed;
  guint round;
  guint found = 0;
  guint crash_people = 0;
  gint64 started = g_get_monotonic_time ();

  if (writer == NULL)
    g_error ("HEARD_CRASH_WRITER is not set: run this test through meson test");

  dir = heard_test_make_dir ();
  path = g_build_filename (dir, "heard.db", NULL);

  seed = seed_text != NULL ? (guint32) g_ascii_strtoull (seed_text, NULL, 10) : g_random_int ();
  g_test_message ("seed %u (set HEARD_CRASH_SEED=%u to repeat this run)", seed, seed);
  rand = g_rand_new_with_seed (seed);

  store = heard_test_open_store (path, key, HEARD_SQLITE_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  setup = make_setup (store);
  heard_test_close_store (&store);

  /* At least MIN_ROUNDS, and more on a slow disk until enough was saved. */
  for (round = 0;
       round < MAX_ROUNDS && (round < MIN_ROUNDS || n_reported[REPORT_PERSON] < MIN_REPORTED ||
                              n_reported[REPORT_PLAN_SIGNED] < MIN_REPORTED_SIGN_OFFS);
       round++)
    {
      guint before = reports->len;
      /* A busy machine hashes a supervisor's passphrase slowly: every
       * MIN_ROUNDS rounds that leave too few sign-offs, the writer gets up
       * to twice as long, so kills still land in and after sign-offs. */
      guint stretch = MIN (round / MIN_ROUNDS, 4);
      gint max_delay = MAX_DELAY_MS << stretch;

      run_round (writer, path, key_hex, &setup, round,
                 (guint) g_rand_int_range (rand, MIN_DELAY_MS, max_delay + 1), reports);
      for (guint i = before; i < reports->len; i++)
        n_reported[g_array_index (reports, Report, i).kind]++;
    }

  store = heard_test_open_store (path, key, HEARD_SQLITE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (heard_test_check_integrity (store, &error));
  g_assert_no_error (error);
  heard_store_verify_audit_async (store, NULL, ASYNC (&verified));
  g_assert_true (heard_store_verify_audit_finish (store, wait_for (&verified), &n_audit, &error));
  g_assert_no_error (error);
  g_clear_object (&verified);
  people = heard_test_list_people (store, &error);
  g_assert_no_error (error);

  /* Every save reported as done is there, whole. */
  for (guint i = 0; i < reports->len; i++)
    {
      Report *report = &g_array_index (reports, Report, i);
      HeardPerson *person;

      if (report->kind != REPORT_PERSON)
        continue;
      person = heard_test_find_person (people, report->id);
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

      if (heard_person_get_id (person) == setup.person_id)
        continue;
      g_assert_cmpint (sscanf (heard_person_get_display_name (person), "Crash round %u, save %u",
                               &person_round, &seq), ==, 2);
      assert_person_is (person, person_round, seq);
      crash_people++;
    }

  /* The writes of many rows: none half-applied, every reported one there. */
  check_amendments (store, &setup, reports);
  check_plans (store, &setup, reports, &n_versions);

  g_test_message ("rounds %u, reported: %u people, %u amendments, %u plan versions started, "
                  "%u sign-offs superseding the one before; people found %u, in the file %u, "
                  "plan versions %u, audit entries %u, %.1f s",
                  round, n_reported[REPORT_PERSON], n_reported[REPORT_AMEND],
                  n_reported[REPORT_PLAN_STARTED], n_reported[REPORT_PLAN_SIGNED], found,
                  crash_people, n_versions, n_audit,
                  (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);

  g_assert_cmpuint (found, ==, n_reported[REPORT_PERSON]);
  g_assert_cmpuint (n_reported[REPORT_PERSON], >=, MIN_REPORTED);
  g_assert_cmpuint (n_reported[REPORT_PLAN_SIGNED], >=, MIN_REPORTED_SIGN_OFFS);
  g_assert_cmpuint (n_reported[REPORT_AMEND], >, 0);
  g_assert_cmpuint (round, >=, MIN_ROUNDS);
  g_assert_cmpuint (crash_people, >=, n_reported[REPORT_PERSON]);
  g_assert_cmpuint (crash_people, <=, n_reported[REPORT_PERSON] + round);

  heard_test_close_store (&store);
  heard_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  heard_test_init (&argc, &argv);

  g_test_add_func ("/store/crash/kill-writer", test_crash_kill_writer);

  return g_test_run ();
}

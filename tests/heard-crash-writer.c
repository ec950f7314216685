/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-crash-writer"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "heard-plan-rules.h"
#include "heard-secure.h"
#include "heard-sqlite-store.h"
#include "heard-store-plans.h"
#include "heard-store-statements.h"
#include "heard-test-utils.h"

/*
 * Used by test-crash: heard-crash-writer PATH ROUND PERSON STATEMENT
 * SUPERVISOR, with the database key in hex in HEARD_CRASH_KEY. Opens the
 * existing store and, until it is killed, goes round: it saves a new young
 * person, amends statement STATEMENT of young person PERSON, and takes
 * PERSON's plan one step on (starts a new version, a copy of the signed-off
 * one with all its areas and actions; submits it; has SUPERVISOR sign it
 * off, which supersedes the one before). Only once a write has committed
 * does it print a line of its own, so every line is a promise to the user.
 * Its first line says the records are open:
 *   ready
 *   person ID ROUND SEQ
 *   amend VERSION ROUND SEQ
 *   plan-started PLAN ROUND SEQ
 *   plan-signed PLAN ROUND SEQ
 */

typedef struct
{
  HeardStore *store;
  guint       round;
  gint64      person_id;
  gint64      statement_id;
  gint64      supervisor_id;
} Writer;

static void
write_line (const char *line)
{
  gsize length = strlen (line);
  gsize written = 0;

  /* One short write(): a line is either all in the pipe or not at all. */
  while (written < length)
    {
      ssize_t n = write (STDOUT_FILENO, line + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        g_error ("Could not report a saved id: %s", g_strerror (errno));
      written += (gsize) n;
    }
}

static void
report (const char *kind,
        gint64      id,
        guint       round,
        guint       seq)
{
  g_autofree char *line = g_strdup_printf ("%s %" G_GINT64_FORMAT " %u %u\n", kind, id, round,
                                           seq);

  write_line (line);
}

static G_NORETURN void
fail (Writer     *writer,
      const char *what,
      guint       seq,
      GError     *error)
{
  g_printerr ("Round %u: %s %u failed: %s\n", writer->round, what, seq, error->message);
  exit (1);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  heard_test_wait (slot);
  return *slot;
}

#define ASYNC(slot) NULL, heard_test_store_result_cb, (slot)

static void
amend_statement (Writer *writer,
                 guint   seq)
{
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GAsyncResult) amended = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *words = heard_test_crash_amended_words (writer->round, seq);
  g_autofree char *reason = g_strdup_printf ("Crash round %u, save %u", writer->round, seq);
  HeardStatement *statement = NULL;
  guint version;

  heard_store_list_statements_async (writer->store, writer->person_id, ASYNC (&listed));
  statements = heard_store_list_statements_finish (writer->store, wait_for (&listed), &error);
  if (statements == NULL)
    fail (writer, "listing statements", seq, error);
  for (guint i = 0; i < statements->len; i++)
    if (heard_statement_get_id (g_ptr_array_index (statements, i)) == writer->statement_id)
      statement = g_ptr_array_index (statements, i);
  g_assert_nonnull (statement);

  heard_statement_set_text (statement, HEARD_STATEMENT_WORDS, words);
  heard_statement_set_text (statement, HEARD_STATEMENT_REASON, reason);
  heard_store_amend_statement_async (writer->store, statement, ASYNC (&amended));
  version = heard_store_amend_statement_finish (writer->store, wait_for (&amended), &error);
  if (version == 0)
    fail (writer, "amendment", seq, error);
  report ("amend", version, writer->round, seq);
}

/* One step of the plan's life: start a version, submit it, or sign it off. */
static void
step_plan (Writer *writer,
           guint   seq)
{
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  HeardPlan *newest;
  gint64 plan_id;

  heard_store_load_plans_async (writer->store, writer->person_id, ASYNC (&loaded));
  plans = heard_store_load_plans_finish (writer->store, wait_for (&loaded), &error);
  if (plans == NULL)
    fail (writer, "loading plans", seq, error);
  g_assert_cmpuint (plans->len, >, 0);
  newest = g_ptr_array_index (plans, 0);
  plan_id = heard_plan_get_id (newest);

  switch (heard_plan_get_state (newest))
    {
    case HEARD_PLAN_STATE_ACTIVE:
      heard_store_start_plan_async (writer->store, writer->person_id, ASYNC (&result));
      plan_id = heard_store_start_plan_finish (writer->store, wait_for (&result), &error);
      if (plan_id == 0)
        fail (writer, "starting a plan version", seq, error);
      report ("plan-started", plan_id, writer->round, seq);
      break;

    case HEARD_PLAN_STATE_DRAFT:
      heard_store_submit_plan_async (writer->store, plan_id, ASYNC (&result));
      if (!heard_store_submit_plan_finish (writer->store, wait_for (&result), &error))
        fail (writer, "submitting a plan", seq, error);
      break;

    case HEARD_PLAN_STATE_AWAITING_REVIEW:
      {
        g_autoptr(HeardPlanDecision) decision =
          heard_plan_decision_new (HEARD_PLAN_EVENT_SIGN_OFF, writer->supervisor_id);

        heard_store_decide_plan_async (writer->store, plan_id, decision,
                                       HEARD_TEST_CRASH_PASSPHRASE, ASYNC (&result));
        if (!heard_store_decide_plan_finish (writer->store, wait_for (&result), &error))
          fail (writer, "signing off a plan", seq, error);
        report ("plan-signed", plan_id, writer->round, seq);
      }
      break;

    default:
      g_error ("Round %u: the plan is in an unexpected state", writer->round);
    }
}

int
main (int   argc,
      char *argv[])
{
  Writer writer = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardKey) key = NULL;
  g_autoptr(HeardStore) store = NULL;
  const char *hex = g_getenv ("HEARD_CRASH_KEY");

  if (!heard_secure_init (&error))
    g_error ("%s", error->message);

  if (argc != 6 || hex == NULL)
    {
      g_printerr ("Usage: HEARD_CRASH_KEY=HEX %s PATH ROUND PERSON STATEMENT SUPERVISOR\n",
                  argv[0]);
      return 2;
    }
  writer.round = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  writer.person_id = g_ascii_strtoll (argv[3], NULL, 10);
  writer.statement_id = g_ascii_strtoll (argv[4], NULL, 10);
  writer.supervisor_id = g_ascii_strtoll (argv[5], NULL, 10);

  key = heard_key_new_from_hex (hex, &error);
  if (key == NULL)
    g_error ("%s", error->message);

  store = heard_test_open_store (argv[1], key, HEARD_SQLITE_STORE_OPEN_NONE, &error);
  if (store == NULL)
    {
      g_printerr ("Round %u: the store did not open after the last crash: %s\n",
                  writer.round, error->message);
      return 1;
    }
  writer.store = store;
  write_line ("ready\n");

  for (guint seq = 0; ; seq++)
    {
      g_autoptr(HeardPerson) person = heard_test_crash_person_new (writer.round, seq);
      gint64 id = heard_test_save_person (store, person, &error);

      if (id == 0)
        fail (&writer, "save", seq, error);
      report ("person", id, writer.round, seq);

      amend_statement (&writer, seq);
      step_plan (&writer, seq);
    }
}

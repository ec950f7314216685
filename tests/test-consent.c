/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-consent"

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "heard-recipient.h"
#include "heard-sqlite-store.h"
#include "heard-store-statements.h"
#include "heard-test-utils.h"

/*
 * Consent with an end, through the real store: an end day or a withdrawal
 * is kept as a new consent row (the rows before stay, and the database
 * refuses to change them), read back with the statements, audited, and
 * asked by the one rule every export asks on the day it runs: consent that
 * ended yesterday or was withdrawn keeps a statement out of today's
 * export, consent ending today still holds today.
 */

typedef struct
{
  char         *dir;
  char         *path;
  HeardKey     *key;
  HeardStore   *store;
  GAsyncResult *result;
  GAsyncResult *last;
  gint64        person_id;
  GDate         today;
  char         *yesterday;
  char         *today_iso;
  char         *tomorrow;
} Fixture;

#define ASYNC(f) NULL, heard_test_store_result_cb, &(f)->result

static char *
day_from_today (const GDate *today,
                int          days)
{
  GDate day = *today;

  if (days < 0)
    g_date_subtract_days (&day, (guint) -days);
  else
    g_date_add_days (&day, (guint) days);
  return heard_date_to_iso (&day);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = heard_test_make_dir ();
  f->path = g_build_filename (f->dir, "heard.db", NULL);
  f->key = heard_test_key_new (4);
  f->store = heard_test_create_store (f->path, f->key);
  f->person_id = heard_test_add_person (f->store, "Amira Khan");
  heard_date_today (&f->today);
  f->yesterday = day_from_today (&f->today, -1);
  f->today_iso = day_from_today (&f->today, 0);
  f->tomorrow = day_from_today (&f->today, 1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->last);
  heard_test_close_store (&f->store);
  heard_test_clear_dir (&f->dir);
  g_free (f->path);
  heard_key_free (f->key);
  g_free (f->yesterday);
  g_free (f->today_iso);
  g_free (f->tomorrow);
}

static GAsyncResult *
result_of (Fixture *f)
{
  return heard_test_result_of (&f->result, &f->last);
}

/* A statement given on 3 May 2024 that they agree school may see. */
static gint64
record (Fixture    *f,
        const char *ends_on)
{
  g_autoptr(HeardStatement) statement = heard_test_statement_new (f->person_id, "My words.");
  g_autoptr(GError) error = NULL;
  gint64 id;

  heard_statement_set_text (statement, HEARD_STATEMENT_SHARE_WITH, "school");
  heard_statement_set_consent_ends_on (statement, ends_on);
  heard_store_record_statement_async (f->store, statement, ASYNC (f));
  id = heard_store_record_statement_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static gint64
try_set_consent (Fixture     *f,
                 gint64       id,
                 const char  *ends_on,
                 const char  *withdrawn_on,
                 GError     **error)
{
  heard_store_set_statement_consent_async (f->store, id, ends_on, withdrawn_on, ASYNC (f));
  return heard_store_set_statement_consent_finish (f->store, result_of (f), error);
}

static void
set_consent (Fixture    *f,
             gint64      id,
             const char *ends_on,
             const char *withdrawn_on)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (try_set_consent (f, id, ends_on, withdrawn_on, &error), >, 0);
  g_assert_no_error (error);
}

static GPtrArray *
list (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *statements = heard_test_list_statements (f->store, f->person_id, &error);

  g_assert_no_error (error);
  return statements;
}

static HeardStatement *
find (GPtrArray *statements,
      gint64     id)
{
  for (guint i = 0; i < statements->len; i++)
    {
      if (heard_statement_get_id (statements->pdata[i]) == id)
        return statements->pdata[i];
    }
  g_assert_not_reached ();
}

/* Whether @id is among the statements today's export to school offers. */
static gboolean
offered_to_school_today (Fixture *f,
                         gint64   id)
{
  g_autoptr(GPtrArray) statements = list (f);
  g_autoptr(GListStore) model = g_list_store_new (HEARD_TYPE_STATEMENT);
  g_autoptr(HeardRecipient) school = heard_recipient_new_agency (HEARD_AGENCY_SCHOOL);
  g_autoptr(HeardRecipient) young_person = heard_recipient_new_young_person ();
  g_autoptr(GPtrArray) offered = NULL;
  g_autoptr(GPtrArray) theirs = NULL;
  gboolean found;

  g_list_store_splice (model, 0, 0, statements->pdata, statements->len);
  offered = heard_recipient_offered_statements (school, G_LIST_MODEL (model), &f->today);
  found = g_ptr_array_find (offered, find (statements, id), NULL);
  /* Their own words stay theirs, whatever they agreed others may see. */
  theirs = heard_recipient_offered_statements (young_person, G_LIST_MODEL (model), &f->today);
  g_assert_cmpuint (theirs->len, ==, statements->len);

  return found;
}

static void
test_ended_yesterday (Fixture       *f,
                      gconstpointer  data)
{
  gint64 ended = record (f, "");
  gint64 ends_today = record (f, "");
  gint64 open = record (f, "");
  g_autoptr(GPtrArray) statements = NULL;
  g_autofree char *lapse = NULL;

  set_consent (f, ended, f->yesterday, "");
  set_consent (f, ends_today, f->today_iso, "");

  g_assert_false (offered_to_school_today (f, ended));
  g_assert_true (offered_to_school_today (f, ends_today));
  g_assert_true (offered_to_school_today (f, open));

  statements = list (f);
  g_assert_cmpstr (heard_statement_get_consent_ends_on (find (statements, ended)), ==,
                   f->yesterday);
  g_assert_cmpint (heard_statement_get_consent_state (find (statements, ended), &f->today), ==,
                   HEARD_CONSENT_ENDED);
  lapse = heard_statement_dup_consent_lapse (find (statements, ended), &f->today);
  g_assert_true (g_str_has_prefix (lapse, "consent ended on "));
  g_assert_null (heard_statement_dup_consent_lapse (find (statements, ends_today), &f->today));
  g_assert_cmpstr (heard_statement_get_consent_ends_on (find (statements, open)), ==, "");
}

static void
test_withdrawn (Fixture       *f,
                gconstpointer  data)
{
  gint64 withdrawn = record (f, f->tomorrow);
  g_autoptr(GPtrArray) statements = NULL;
  g_autofree char *lapse = NULL;
  GDate yesterday;

  g_assert_true (offered_to_school_today (f, withdrawn));
  set_consent (f, withdrawn, f->tomorrow, f->today_iso);
  g_assert_false (offered_to_school_today (f, withdrawn));

  statements = list (f);
  g_assert_cmpstr (heard_statement_get_consent_withdrawn_on (find (statements, withdrawn)), ==,
                   f->today_iso);
  g_assert_cmpint (heard_statement_get_consent_state (find (statements, withdrawn), &f->today),
                   ==, HEARD_CONSENT_WITHDRAWN);
  lapse = heard_statement_dup_consent_lapse (find (statements, withdrawn), &f->today);
  g_assert_true (g_str_has_prefix (lapse, "they withdrew consent on "));
  /* The day before they withdrew it, it held. */
  yesterday = f->today;
  g_date_subtract_days (&yesterday, 1);
  g_assert_true (heard_statement_consent_holds_on (find (statements, withdrawn), &yesterday));
}

static void
test_recorded_with_end (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(HeardStatement) early = heard_test_statement_new (f->person_id, "Too early.");
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = record (f, "1/6/2024");
  sqlite3 *db;

  statements = list (f);
  g_assert_cmpstr (heard_statement_get_consent_ends_on (find (statements, id)), ==,
                   "2024-06-01");
  g_assert_false (offered_to_school_today (f, id));

  /* An end before the day it was given is refused, and nothing is kept. */
  heard_statement_set_consent_ends_on (early, "2/5/2024");
  heard_store_record_statement_async (f->store, early, ASYNC (f));
  g_assert_cmpint (heard_store_record_statement_finish (f->store, result_of (f), &error), ==, 0);
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "The last day their consent holds"));

  g_clear_object (&f->last);
  heard_test_close_store (&f->store);
  db = heard_test_raw_open (f->path, f->key);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM statement_consent"), ==, 1);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM statement"), ==, 1);
  sqlite3_close (db);
}

static void
test_history_kept (Fixture       *f,
                   gconstpointer  data)
{
  gint64 id = record (f, "");
  g_autofree char *sql = NULL;
  sqlite3 *db;

  set_consent (f, id, "1/1/2030", "");
  set_consent (f, id, "", "");
  set_consent (f, id, "", f->today_iso);
  g_assert_false (offered_to_school_today (f, id));

  g_clear_object (&f->last);
  heard_test_close_store (&f->store);
  db = heard_test_raw_open (f->path, f->key);
  sql = g_strdup_printf ("SELECT count (*) FROM statement_consent WHERE statement_id = %"
                         G_GINT64_FORMAT, id);
  g_assert_cmpint (heard_test_raw_count (db, sql), ==, 3);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM statement_consent"
                                             " WHERE ends_on = '2030-01-01'"), ==, 1);
  /* Every change is audited, with who made it. */
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM audit"
                                             " WHERE action = 'consent changed'"
                                             " AND target_kind = 'statement'"), ==, 2);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM audit"
                                             " WHERE action = 'consent withdrawn'"
                                             " AND detail LIKE 'withdrawn on %'"), ==, 1);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM statement_consent AS c"
                                             " WHERE NOT EXISTS (SELECT 1 FROM audit"
                                             "  WHERE audit.actor = c.saved_by"
                                             "  AND audit.at = c.saved_at)"), ==, 0);
  /* Nobody changes or removes a consent row behind Heard's back. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE statement_consent SET withdrawn_on = ''",
                                 NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM statement_consent", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (heard_test_raw_count (db, sql), ==, 3);
  sqlite3_close (db);
}

static void
assert_refused (Fixture    *f,
                gint64      id,
                const char *ends_on,
                const char *withdrawn_on,
                int         code,
                const char *says)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (try_set_consent (f, id, ends_on, withdrawn_on, &error), ==, 0);
  g_assert_error (error, HEARD_STORE_ERROR, code);
  if (says != NULL)
    g_assert_nonnull (strstr (error->message, says));
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  gint64 id = record (f, "");
  g_autoptr(GPtrArray) statements = NULL;

  assert_refused (f, id, "2/5/2024", "", HEARD_STORE_ERROR_INVALID,
                  "The last day their consent holds");
  assert_refused (f, id, "", f->tomorrow, HEARD_STORE_ERROR_INVALID,
                  "The day they withdrew consent is in the future");
  assert_refused (f, id, "", "2/5/2024", HEARD_STORE_ERROR_INVALID,
                  "The day they withdrew consent");
  assert_refused (f, id, "31/2/2030", "", HEARD_STORE_ERROR_INVALID,
                  "The last day their consent holds");
  assert_refused (f, id, "", "", HEARD_STORE_ERROR_INVALID, "already");
  assert_refused (f, id + 100, "", f->today_iso, HEARD_STORE_ERROR_NOT_FOUND, NULL);

  /* The day it was given is the first it may end on or be withdrawn. */
  set_consent (f, id, "3/5/2024", "3/5/2024");
  statements = list (f);
  g_assert_cmpstr (heard_statement_get_consent_withdrawn_on (find (statements, id)), ==,
                   "2024-05-03");
}

static void
add_test (const char *path,
          void (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  heard_test_init (&argc, &argv);

  add_test ("/consent/ended-yesterday", test_ended_yesterday);
  add_test ("/consent/withdrawn", test_withdrawn);
  add_test ("/consent/recorded-with-end", test_recorded_with_end);
  add_test ("/consent/history-kept", test_history_kept);
  add_test ("/consent/refused", test_refused);

  return g_test_run ();
}

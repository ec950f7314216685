/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-statements"

#include "config.h"

#include <string.h>

#include <pango/pango.h>
#include <sqlite3.h>

#include "heard-audit.h"
#include "heard-store-open-items.h"
#include "heard-model-enums.h"
#include "heard-plan-action.h"
#include "heard-plan-area.h"
#include "heard-plan.h"
#include "heard-staff.h"
#include "heard-plan-rules.h"
#include "heard-sqlite-store.h"
#include "heard-store-people.h"
#include "heard-store-statements.h"
#include "heard-test-utils.h"

/*
 * Statements through the real store: their words kept exactly and never
 * overwritten (by Heard or by anyone writing to the file), amendments with
 * their history, "You said — we did" answers and what stays outstanding,
 * full-text search with highlighted matches, and the audit trail.
 */

#define WORDS "He said I'm \"his\" <girl> & I owe him for the phone 📱. هو قال لا تخبري أحداً."

typedef struct
{
  char         *dir;
  char         *path;
  HeardKey     *key;
  HeardStore   *store;
  GAsyncResult *result;
  GAsyncResult *last;
  gint64        person_id;
} Fixture;

#define ASYNC(f) NULL, heard_test_store_result_cb, &(f)->result

/* Waits for the pending call's result; it stays valid until the next one. */
static GAsyncResult *
result_of (Fixture *f)
{
  return heard_test_result_of (&f->result, &f->last);
}

static gint64
add_person (Fixture    *f,
            const char *name)
{
  return heard_test_add_person (f->store, name);
}

static HeardStatement *
statement_new (gint64      person_id,
               const char *words)
{
  return heard_test_statement_new (person_id, words);
}

/* A write while a problem with the audit trail is unseen is refused. */
static void
add_person_refused (Fixture *f)
{
  g_autoptr(HeardPerson) person = heard_test_person_new ("Someone New");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (heard_test_save_person (f->store, person, &error), ==, 0);
  g_assert_error (error, HEARD_AUDIT_ERROR, HEARD_AUDIT_ERROR_ON_HOLD);
  g_assert_nonnull (strstr (error->message, "recovery code"));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = heard_test_make_dir ();
  f->path = g_build_filename (f->dir, "heard.db", NULL);
  f->key = heard_test_key_new (4);
  f->store = heard_test_create_store (f->path, f->key);
  f->person_id = add_person (f, "Amira Khan");
}

/* Lets go of the store, and of the last result that still holds it. */
static void
close_store (Fixture *f)
{
  g_clear_object (&f->last);
  heard_test_close_store (&f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_store (f);
  heard_test_clear_dir (&f->dir);
  g_free (f->path);
  heard_key_free (f->key);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  close_store (f);
  f->store = heard_test_open_store (f->path, f->key, HEARD_SQLITE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
}

static gint64
try_record (Fixture         *f,
            HeardStatement  *statement,
            GError         **error)
{
  heard_store_record_statement_async (f->store, statement, ASYNC (f));
  return heard_store_record_statement_finish (f->store, result_of (f), error);
}

static gint64
record (Fixture    *f,
        const char *words)
{
  g_autoptr(HeardStatement) statement = statement_new (f->person_id, words);
  g_autoptr(GError) error = NULL;
  gint64 id = try_record (f, statement, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static GPtrArray *
list_statements (Fixture *f,
                 gint64   person_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *statements = heard_test_list_statements (f->store, person_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (statements);

  return statements;
}

static HeardStatement *
find_current (Fixture *f,
              gint64   id)
{
  g_autoptr(GPtrArray) statements = list_statements (f, f->person_id);

  for (guint i = 0; i < statements->len; i++)
    {
      HeardStatement *statement = g_ptr_array_index (statements, i);

      if (heard_statement_get_id (statement) == id)
        return g_object_ref (statement);
    }

  g_assert_not_reached ();
}

static GPtrArray *
history (Fixture *f,
         gint64   id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *versions = heard_test_list_statement_history (f->store, id, &error);

  g_assert_no_error (error);

  return versions;
}

static guint
try_amend (Fixture         *f,
           HeardStatement  *amended,
           GError         **error)
{
  heard_store_amend_statement_async (f->store, amended, ASYNC (f));
  return heard_store_amend_statement_finish (f->store, result_of (f), error);
}

static void
amend_words (Fixture    *f,
             gint64      id,
             const char *words,
             const char *reason)
{
  g_autoptr(HeardStatement) amended = find_current (f, id);
  g_autoptr(GError) error = NULL;
  guint before = heard_statement_get_version (amended);

  heard_statement_set_text (amended, HEARD_STATEMENT_WORDS, words);
  heard_statement_set_text (amended, HEARD_STATEMENT_REASON, reason);
  g_assert_cmpuint (try_amend (f, amended, &error), ==, before + 1);
  g_assert_no_error (error);
}

static gint64
try_answer (Fixture     *f,
            gint64       statement_id,
            const char  *what,
            const char  *told_on,
            gint64       action_id,
            GError     **error)
{
  g_autoptr(HeardStatementResponse) response = heard_statement_response_new ();

  heard_statement_response_set_statement_id (response, statement_id);
  heard_statement_response_set_what_we_did (response, what);
  heard_statement_response_set_told_on (response, told_on);
  if (action_id != 0)
    heard_statement_response_add_action (response, action_id, NULL);
  heard_store_answer_statement_async (f->store, response, ASYNC (f));
  return heard_store_answer_statement_finish (f->store, result_of (f), error);
}

static gint64
answer (Fixture    *f,
        gint64      statement_id,
        const char *told_on)
{
  g_autoptr(GError) error = NULL;
  gint64 id = try_answer (f, statement_id, "We asked the school to change your bus.", told_on, 0,
                          &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static gboolean
try_mark_told (Fixture     *f,
               gint64       response_id,
               const char  *day,
               GError     **error)
{
  heard_store_mark_response_told_async (f->store, response_id, day, ASYNC (f));
  return heard_store_mark_response_told_finish (f->store, result_of (f), error);
}

/* How many of @person_id's statements the closure check lists as waiting. */
static guint
outstanding_for (Fixture *f,
                 gint64   person_id)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  heard_store_list_open_items_async (f->store, person_id, ASYNC (f));
  items = heard_store_list_open_items_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);

  return items->len;
}

/* The caseload's list of statements waiting, across everyone on the list. */
static guint
waiting_in_caseload (Fixture *f)
{
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GError) error = NULL;

  heard_store_load_caseload_async (f->store, ASYNC (f));
  sections = heard_store_load_caseload_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < sections->len; i++)
    {
      HeardCaseloadSection *section = g_ptr_array_index (sections, i);

      if (g_strcmp0 (section->title, "Statements Waiting for an Answer") == 0)
        return section->items->len;
    }

  g_assert_not_reached ();
}

static GPtrArray *
search (Fixture    *f,
        const char *typed)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *matches;

  heard_store_search_statements_async (f->store, typed, ASYNC (f));
  matches = heard_store_search_statements_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);

  return matches;
}

static int
keep_first_int (void  *data,
                int    n_columns,
                char **values,
                char **names)
{
  *(gint64 *) data = g_ascii_strtoll (values[0], NULL, 10);
  return 0;
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  gint64 value = -1;

  g_assert_cmpint (sqlite3_exec (db, sql, keep_first_int, &value, NULL), ==, SQLITE_OK);
  return value;
}

/* Runs @sql, which the database must refuse as a constraint. */
static void
assert_refused (sqlite3    *db,
                const char *sql)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if ((rc & 0xff) != SQLITE_CONSTRAINT)
    g_error ("Not refused (%d, %s): %s", rc, sqlite3_errmsg (db), sql);
}

static void
test_record_and_list (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(HeardStatement) statement = statement_new (f->person_id, WORDS);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  HeardStatement *saved;
  gint64 id;

  heard_statement_set_text (statement, HEARD_STATEMENT_GIVEN_TIME, "16:05");
  heard_statement_set_text (statement, HEARD_STATEMENT_PLACE, "The drop-in, back room");
  heard_statement_set_text (statement, HEARD_STATEMENT_PRESENT, "Priya Shah; Dr Nasser (Arabic)");
  heard_statement_set_text (statement, HEARD_STATEMENT_THEIR_NOTE, "I want Mum to know. Not Dad.");
  heard_statement_set_text (statement, HEARD_STATEMENT_CONTEXT, "Quiet, then talked for an hour.");
  heard_statement_set_text (statement, HEARD_STATEMENT_SHARE_WITH, "police,health");
  heard_statement_set_text (statement, HEARD_STATEMENT_CONTENT_NOTE, "Describes threats.");
  heard_statement_set_given_how (statement, HEARD_GIVEN_INTERPRETED);
  heard_statement_set_read_back (statement, HEARD_READ_BACK_DISAGREED);
  heard_statement_set_sensitive (statement, TRUE);
  id = try_record (f, statement, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* What comes back after a restart is exactly what was said, to the byte. */
  reopen (f);
  listed = list_statements (f, f->person_id);
  g_assert_cmpuint (listed->len, ==, 1);
  saved = g_ptr_array_index (listed, 0);
  g_assert_cmpint (heard_statement_get_id (saved), ==, id);
  g_assert_cmpuint (heard_statement_get_version (saved), ==, 1);
  g_assert_cmpstr (heard_statement_get_words (saved), ==, WORDS);
  /* The day is kept in one form, whichever way it was typed. */
  g_assert_cmpstr (heard_statement_get_text (saved, HEARD_STATEMENT_GIVEN_ON), ==, "2024-05-03");
  for (guint i = HEARD_STATEMENT_GIVEN_TIME; i < HEARD_STATEMENT_REASON; i++)
    g_assert_cmpstr (heard_statement_get_text (saved, i), ==,
                     heard_statement_get_text (statement, i));
  g_assert_cmpint (heard_statement_get_given_how (saved), ==, HEARD_GIVEN_INTERPRETED);
  g_assert_cmpint (heard_statement_get_read_back (saved), ==, HEARD_READ_BACK_DISAGREED);
  g_assert_true (heard_statement_get_sensitive (saved));
  g_assert_cmpstr (heard_statement_get_saved_by (saved), !=, "");
  g_assert_true (g_str_has_suffix (heard_statement_get_saved_at (saved), "Z"));
  g_assert_cmpint (heard_statement_get_reply_state (saved), ==, HEARD_REPLY_WAITING);

  /* Someone else's statements are theirs alone. */
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = list_statements (f, add_person (f, "Jordan Lee"));
  g_assert_cmpuint (listed->len, ==, 0);
}

static void
test_amend_keeps_original (Fixture       *f,
                           gconstpointer  data)
{
  gint64 id = record (f, "I was at Tariq's flat on Friday.");
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(HeardStatement) current = NULL;
  g_auto(GStrv) changes = NULL;
  HeardStatement *original, *first, *second;

  amend_words (f, id, "I was at Tariq's flat on Thursday.", "She corrected the day when "
               "it was read back.");
  amend_words (f, id, "I was at Tariq's flat on Thursday night.", "She added that it was "
               "at night.");

  /* The list shows the newest version… */
  current = find_current (f, id);

  g_assert_cmpstr (heard_statement_get_words (current), ==,
                   "I was at Tariq's flat on Thursday night.");
  g_assert_cmpuint (heard_statement_get_version (current), ==, 3);

  /* …and the history keeps every version, the original first, untouched. */
  reopen (f);
  versions = history (f, id);
  g_assert_cmpuint (versions->len, ==, 3);
  original = g_ptr_array_index (versions, 0);
  first = g_ptr_array_index (versions, 1);
  second = g_ptr_array_index (versions, 2);
  g_assert_cmpuint (heard_statement_get_version (original), ==, 1);
  g_assert_cmpuint (heard_statement_get_version (first), ==, 2);
  g_assert_cmpuint (heard_statement_get_version (second), ==, 3);
  g_assert_cmpstr (heard_statement_get_words (original), ==, "I was at Tariq's flat on Friday.");
  g_assert_cmpstr (heard_statement_get_text (original, HEARD_STATEMENT_REASON), ==, "");
  g_assert_cmpstr (heard_statement_get_words (first), ==, "I was at Tariq's flat on Thursday.");
  g_assert_cmpstr (heard_statement_get_text (first, HEARD_STATEMENT_REASON), ==,
                   "She corrected the day when it was read back.");
  g_assert_cmpstr (heard_statement_get_text (second, HEARD_STATEMENT_REASON), ==,
                   "She added that it was at night.");
  /* Who and when, for each. */
  for (guint i = 0; i < versions->len; i++)
    {
      HeardStatement *version = g_ptr_array_index (versions, i);
      g_autoptr(GDateTime) saved_at =
        g_date_time_new_from_iso8601 (heard_statement_get_saved_at (version), NULL);

      g_assert_cmpstr (heard_statement_get_saved_by (version), !=, "");
      g_assert_nonnull (saved_at);
    }
  g_assert_cmpstr (heard_statement_get_saved_at (original), <=,
                   heard_statement_get_saved_at (second));

  changes = heard_statement_list_changes (first, original);
  g_assert_cmpuint (g_strv_length (changes), ==, 1);
  g_assert_cmpstr (changes[0], ==, "their words");
}

static void
test_amend_refused (Fixture       *f,
                    gconstpointer  data)
{
  gint64 id = record (f, "Nobody listens.");
  g_autoptr(HeardStatement) stale = find_current (f, id);
  g_autoptr(HeardStatement) amended = find_current (f, id);
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;

  /* No reason. */
  heard_statement_set_text (amended, HEARD_STATEMENT_WORDS, "Nobody listens to me.");
  g_assert_cmpuint (try_amend (f, amended, &error), ==, 0);
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "why"));
  g_clear_error (&error);

  /* Nothing changed. */
  heard_statement_set_text (amended, HEARD_STATEMENT_WORDS, "Nobody listens.");
  heard_statement_set_text (amended, HEARD_STATEMENT_REASON, "Checking.");
  g_assert_cmpuint (try_amend (f, amended, &error), ==, 0);
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Amended by someone else meanwhile: the later one is not laid over it. */
  amend_words (f, id, "Nobody listens to me.", "Read back: she added \"to me\".");
  heard_statement_set_text (stale, HEARD_STATEMENT_WORDS, "Nobody ever listens.");
  heard_statement_set_text (stale, HEARD_STATEMENT_REASON, "Typo.");
  g_assert_cmpuint (try_amend (f, stale, &error), ==, 0);
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  versions = history (f, id);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpstr (heard_statement_get_words (g_ptr_array_index (versions, 1)), ==,
                   "Nobody listens to me.");
}

static void
test_database_refuses_overwrite (Fixture       *f,
                                 gconstpointer  data)
{
  gint64 id = record (f, "They made me keep the phone.");
  gint64 response_id = answer (f, id, "");
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  sqlite3 *db;

  close_store (f);
  db = heard_test_raw_open (f->path, f->key);

  /* Nobody, not even another program with the key, overwrites their words. */
  assert_refused (db, "UPDATE statement_version SET words = 'Something else.'");
  assert_refused (db, "UPDATE statement_version SET context = 'Rewritten.'");
  assert_refused (db, "DELETE FROM statement_version");
  assert_refused (db, "UPDATE statement SET person_id = person_id");
  assert_refused (db, "DELETE FROM statement");
  assert_refused (db, "UPDATE statement_response SET what_we_did = 'Nothing.'");
  assert_refused (db, "DELETE FROM statement_response");
  /* An amendment needs a reason, and comes in turn. */
  assert_refused (db, "INSERT INTO statement_version (statement_id, version, words, given_on,"
                      " given_how, read_back, sensitive, saved_by, saved_at)"
                      " SELECT statement_id, 2, 'Changed.', given_on, given_how, read_back,"
                      " sensitive, saved_by, saved_at FROM statement_version");
  assert_refused (db, "INSERT INTO statement_version (statement_id, version, words, given_on,"
                      " given_how, read_back, sensitive, saved_by, saved_at, reason)"
                      " SELECT statement_id, 5, 'Changed.', given_on, given_how, read_back,"
                      " sensitive, saved_by, saved_at, 'Skipping ahead' FROM statement_version");
  /* The day they were told can be added once, and only that. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE statement_response SET told_on = '2024-05-06'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  assert_refused (db, "UPDATE statement_response SET told_on = '2024-05-07'");
  g_assert_cmpint (raw_int (db, "SELECT count (*) FROM statement_version"), ==, 1);
  sqlite3_close (db);

  reopen (f);
  listed = list_statements (f, f->person_id);
  g_assert_cmpstr (heard_statement_get_words (g_ptr_array_index (listed, 0)), ==,
                   "They made me keep the phone.");
  versions = history (f, id);
  g_assert_cmpuint (versions->len, ==, 1);
  g_assert_cmpint (response_id, >, 0);
}

static void
test_outstanding (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *today = heard_today_iso_date ();
  g_autoptr(GError) error = NULL;
  gint64 first, second, response_id;

  g_assert_cmpuint (outstanding_for (f, f->person_id), ==, 0);

  first = record (f, "I don't want to go back there.");
  g_assert_cmpuint (outstanding_for (f, f->person_id), ==, 1);
  second = record (f, "Can I have a woman worker?");
  g_assert_cmpuint (outstanding_for (f, f->person_id), ==, 2);

  /* Answered and told: one fewer. */
  answer (f, first, today);
  g_assert_cmpuint (outstanding_for (f, f->person_id), ==, 1);

  /* Answered but not yet told still waits, until they are told. */
  response_id = answer (f, second, "");
  g_assert_cmpuint (outstanding_for (f, f->person_id), ==, 1);
  {
    g_autoptr(HeardStatement) waiting = find_current (f, second);

    g_assert_cmpint (heard_statement_get_reply_state (waiting), ==, HEARD_REPLY_NOT_TOLD);
  }
  g_assert_true (try_mark_told (f, response_id, today, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (outstanding_for (f, f->person_id), ==, 0);

  /* Told once is told: it cannot be told again on another day. */
  g_assert_false (try_mark_told (f, response_id, today, &error));
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A new statement counts again. */
  record (f, "He is outside the school again.");
  g_assert_cmpuint (outstanding_for (f, f->person_id), ==, 1);

  /* Someone removed from the list is not counted in the caseload. */
  g_assert_cmpuint (waiting_in_caseload (f), ==, 1);
  g_assert_true (heard_test_set_removed (f->store, f->person_id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (waiting_in_caseload (f), ==, 0);
}

static void
test_answers (Fixture       *f,
              gconstpointer  data)
{
  gint64 id = record (f, "I want to stay at Nan's.");
  g_autoptr(HeardStatement) answered = NULL;
  g_autoptr(GError) error = NULL;
  HeardStatementResponse *response;

  /* An empty answer, a day not yet come, or a missing statement are refused. */
  g_assert_cmpint (try_answer (f, id, "   \n", "", 0, &error), ==, 0);
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (try_answer (f, id, "Asked Nan.", "2999-01-01", 0, &error), ==, 0);
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (try_answer (f, id + 100, "Asked Nan.", "", 0, &error), ==, 0);
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  answer (f, id, "06/05/2024");
  answered = find_current (f, id);
  g_assert_cmpuint (heard_statement_get_responses (answered)->len, ==, 1);
  response = g_ptr_array_index (heard_statement_get_responses (answered), 0);
  g_assert_cmpstr (heard_statement_response_get_what_we_did (response), ==,
                   "We asked the school to change your bus.");
  g_assert_cmpstr (heard_statement_response_get_told_on (response), ==, "2024-05-06");
  g_assert_cmpstr (heard_statement_response_get_saved_by (response), !=, "");
  g_assert_cmpint (heard_statement_get_reply_state (answered), ==, HEARD_REPLY_TOLD);
}

/* A plan as the plans part of Heard keeps it, written straight in. */
static gint64
add_plan_action (sqlite3        *db,
                 gint64          person_id,
                 HeardPlanState  state,
                 const char     *what)
{
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("INSERT INTO plan (person_id, version, state, created_at, updated_at)"
                         " VALUES (%" G_GINT64_FORMAT ", (SELECT count (*) + 1 FROM plan), %d,"
                         " '2024-01-01T09:00:00Z', '2024-01-01T09:00:00Z');"
                         "INSERT INTO plan_area (plan_id, kind, position, label)"
                         " VALUES (last_insert_rowid (), 0, 0, 'Safety');"
                         "INSERT INTO plan_action (plan_id, area_id, what, owner, due_date,"
                         " created_at, updated_at)"
                         " SELECT plan_id, id, '%s', 'school', '2030-01-01',"
                         " '2024-01-01T09:00:00Z', '2024-01-01T09:00:00Z'"
                         " FROM plan_area WHERE id = last_insert_rowid ();",
                         person_id, state, what);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);

  return sqlite3_last_insert_rowid (db);
}

static void
test_answer_links_actions (Fixture       *f,
                           gconstpointer  data)
{
  gint64 id = record (f, "I want to feel safe on the bus.");
  gint64 other_person = add_person (f, "Jordan Lee");
  g_autoptr(HeardStatement) answered = NULL;
  g_autoptr(GPtrArray) linkable = NULL;
  g_autoptr(GError) error = NULL;
  gint64 action, draft_action, others_action;
  HeardStatementResponse *response;
  sqlite3 *db;

  close_store (f);
  db = heard_test_raw_open (f->path, f->key);
  action = add_plan_action (db, f->person_id, HEARD_PLAN_STATE_ACTIVE, "Travel with a buddy");
  draft_action = add_plan_action (db, f->person_id, HEARD_PLAN_STATE_DRAFT, "Draft idea");
  others_action = add_plan_action (db, other_person, HEARD_PLAN_STATE_ACTIVE, "Not hers");
  sqlite3_close (db);
  reopen (f);

  /* Only the signed-off plan's actions are offered… */
  heard_store_list_linkable_actions_async (f->store, f->person_id, ASYNC (f));
  linkable = heard_store_list_linkable_actions_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (linkable->len, ==, 1);
  g_assert_cmpint (heard_plan_action_get_id (g_ptr_array_index (linkable, 0)), ==, action);

  /* …and only they are accepted. */
  g_assert_cmpint (try_answer (f, id, "Linked.", "", others_action, &error), ==, 0);
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (try_answer (f, id, "Linked.", "", draft_action, &error), ==, 0);
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (try_answer (f, id, "A buddy travels with you from Monday.", "", action,
                               &error), >, 0);
  g_assert_no_error (error);
  answered = find_current (f, id);
  g_assert_cmpuint (heard_statement_get_responses (answered)->len, ==, 1);
  response = g_ptr_array_index (heard_statement_get_responses (answered), 0);
  g_assert_cmpuint (heard_statement_response_get_action_ids (response)->len, ==, 1);
  g_assert_cmpint (g_array_index (heard_statement_response_get_action_ids (response), gint64, 0),
                   ==, action);
  g_assert_cmpstr (heard_statement_response_get_action_titles (response)[0], ==,
                   "Travel with a buddy");
}

static void
test_refuse_bad_input (Fixture       *f,
                       gconstpointer  data)
{
  static const struct
  {
    HeardStatementText  field;
    const char         *text;
  } bad[] = {
    { HEARD_STATEMENT_WORDS, "Half a word \xc3" },
    { HEARD_STATEMENT_CONTEXT, "\xff\xfe" },
    { HEARD_STATEMENT_WORDS, " \t\n " },
    { HEARD_STATEMENT_GIVEN_ON, "last Tuesday" },
    { HEARD_STATEMENT_GIVEN_ON, "2999-12-31" },
    { HEARD_STATEMENT_GIVEN_TIME, "25:61" },
    { HEARD_STATEMENT_SHARE_WITH, "police,newspaper" },
  };
  g_autofree char *huge = g_strnfill (HEARD_STATEMENT_MAX_WORDS_CHARS + 1, 'a');
  g_autofree char *largest = g_strnfill (HEARD_STATEMENT_MAX_WORDS_CHARS, 'a');
  g_autoptr(GPtrArray) listed = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad) + 1; i++)
    {
      g_autoptr(HeardStatement) statement = statement_new (f->person_id, "Words.");
      g_autoptr(GError) error = NULL;

      if (i < G_N_ELEMENTS (bad))
        heard_statement_set_text (statement, bad[i].field, bad[i].text);
      else
        heard_statement_set_text (statement, HEARD_STATEMENT_WORDS, huge);

      /* Refused kindly, in words a person can act on; the draft keeps what was typed. */
      g_assert_cmpint (try_record (f, statement, &error), ==, 0);
      g_assert_nonnull (error);
      g_assert_false (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpuint (strlen (error->message), >, 20);
      g_assert_cmpint (heard_statement_get_id (statement), ==, 0);
    }

  listed = list_statements (f, f->person_id);
  g_assert_cmpuint (listed->len, ==, 0);

  /* The longest words allowed are kept whole. */
  record (f, largest);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = list_statements (f, f->person_id);
  g_assert_cmpstr (heard_statement_get_words (g_ptr_array_index (listed, 0)), ==, largest);
}

static void
test_search_among_many (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(HeardStatement) statement = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GPtrArray) many = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  HeardStatementMatch *match;
  gint64 id, answered;
  sqlite3 *db;

  close_store (f);
  db = heard_test_raw_open (f->path, f->key);
  heard_test_fill_statements (db, f->person_id, 10000, 7);
  g_assert_cmpint (raw_int (db, "SELECT count (*) FROM statement"), ==, 10000);
  sqlite3_close (db);
  reopen (f);

  statement = statement_new (f->person_id, "The man with the <b>kaleidoscope</b> tattoo & "
                                           "the silver car waited by the school.");
  heard_statement_set_text (statement, HEARD_STATEMENT_CONTEXT, "Her friend saw it too.");
  id = try_record (f, statement, &error);
  g_assert_no_error (error);

  /* One word among ten thousand statements finds the one that has it… */
  matches = search (f, "KALEIDOSCOPE");
  g_assert_cmpuint (matches->len, ==, 1);
  match = g_ptr_array_index (matches, 0);
  g_assert_cmpint (heard_statement_match_get_statement_id (match), ==, id);
  g_assert_cmpint (heard_statement_match_get_person_id (match), ==, f->person_id);
  g_assert_cmpstr (heard_statement_match_get_person_name (match), ==, "Amira Khan");
  g_assert_cmpint (heard_statement_match_get_found_in (match), ==, HEARD_FOUND_IN_WORDS);

  /* …with the word in bold and everything else shown as typed, never as markup. */
  g_assert_nonnull (strstr (heard_statement_match_get_markup (match), "<b>kaleidoscope</b>"));
  g_assert_nonnull (strstr (heard_statement_match_get_markup (match), "&lt;b&gt;"));
  g_assert_nonnull (strstr (heard_statement_match_get_markup (match), "&amp;"));
  g_assert_true (pango_parse_markup (heard_statement_match_get_markup (match), -1, 0, NULL,
                                     &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "<b>kaleidoscope</b> tattoo & the silver car"));

  /* Part of a word finds it too, as people type. */
  g_clear_pointer (&matches, g_ptr_array_unref);
  matches = search (f, "kaleido");
  g_assert_cmpuint (matches->len, ==, 1);

  /* The answers are searched as well. */
  answered = record (f, "Can I change school?");
  g_assert_cmpint (try_answer (f, answered, "We arranged a visit to Westfield Academy.", "", 0,
                               &error), >, 0);
  g_clear_pointer (&matches, g_ptr_array_unref);
  matches = search (f, "westfield");
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpint (heard_statement_match_get_statement_id (g_ptr_array_index (matches, 0)), ==,
                   answered);
  g_assert_cmpint (heard_statement_match_get_found_in (g_ptr_array_index (matches, 0)), ==,
                   HEARD_FOUND_IN_ANSWERS);

  /* A common word stops at the limit, one over to say there are more. */
  many = search (f, "school");
  g_assert_cmpuint (many->len, ==, HEARD_STATEMENT_SEARCH_LIMIT + 1);
  /* The newest first. */
  g_assert_cmpint (heard_statement_match_get_statement_id (g_ptr_array_index (many, 0)), ==,
                   answered);
}

static void
test_search_amended_and_removed (Fixture       *f,
                                 gconstpointer  data)
{
  gint64 id = record (f, "It happened near the canal.");
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;

  /* The words as they stand now are found, not the ones corrected away. */
  amend_words (f, id, "It happened near the railway.", "Misheard when typing.");
  matches = search (f, "canal");
  g_assert_cmpuint (matches->len, ==, 0);
  g_clear_pointer (&matches, g_ptr_array_unref);
  matches = search (f, "railway");
  g_assert_cmpuint (matches->len, ==, 1);

  /* Someone removed from the list is not found. */
  g_assert_true (heard_test_set_removed (f->store, f->person_id, TRUE, &error));
  g_clear_pointer (&matches, g_ptr_array_unref);
  matches = search (f, "railway");
  g_assert_cmpuint (matches->len, ==, 0);
}

static void
test_search_typed_syntax (Fixture       *f,
                          gconstpointer  data)
{
  static const char *const typed[] = {
    "\"", "\"\"", "\"near", "near\"", "*", "**", "-", "- -", "(", ")", "(railway",
    "NEAR", "railway NEAR canal", "NEAR/2", "railway OR", "OR AND NOT", "AND", "^", "^railway",
    "words:railway", "context:", ":", "railway*", "rail*way", "'", "it's", "\\", "%", "_",
    "' OR 1=1 --", "\"; DROP TABLE statement; --", "{", "}", "[", "]", "@", "#", "✓", "🚂",
    "سكة", "\xff", "", "   ",
  };

  record (f, "It's by the railway (near the canal).");

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(GPtrArray) matches = NULL;
      g_autoptr(GError) error = NULL;

      heard_store_search_statements_async (f->store, typed[i], ASYNC (f));
      matches = heard_store_search_statements_finish (f->store, result_of (f), &error);
      g_assert_no_error (error);
    }

  /* What looks like syntax is searched as plain words. */
  {
    g_autoptr(GPtrArray) matches = search (f, "\"railway\" NEAR (canal");

    g_assert_cmpuint (matches->len, ==, 1);
  }
}

static void
test_snippet_markup (void)
{
  static const struct
  {
    const char *snippet;
    const char *markup;
  } cases[] = {
    { "a \001word\002 b", "a <b>word</b> b" },
    { "<i>&\001x\002", "&lt;i&gt;&amp;<b>x</b>" },
    { "\001open only", "<b>open only</b>" },
    { "close\002 only", "close only" },
    { "\001\001double\002\002", "<b>double</b>" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markup = heard_snippet_to_markup (cases[i].snippet);

      g_assert_cmpstr (markup, ==, cases[i].markup);
      g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
    }
}

static gboolean
audit_has (sqlite3    *db,
           const char *action,
           gint64      statement_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM audit WHERE action = '%s'"
                                          " AND target_kind = 'statement'"
                                          " AND target_id = %" G_GINT64_FORMAT,
                                          action, statement_id);

  return raw_int (db, sql) == 1;
}

static void
test_audit (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *today = heard_today_iso_date ();
  gint64 id = record (f, "The secret word is marigold.");
  g_autoptr(GError) error = NULL;
  gint64 response_id;
  guint n_entries = 0;
  sqlite3 *db;

  amend_words (f, id, "The secret word is marigolds.", "Spelling, as she wrote it.");
  response_id = answer (f, id, "");
  g_assert_true (try_mark_told (f, response_id, today, &error));
  heard_store_note_statement_read (f->store, id);

  heard_store_verify_audit_async (f->store, NULL, ASYNC (f));
  g_assert_true (heard_store_verify_audit_finish (f->store, result_of (f), &n_entries, &error));
  g_assert_no_error (error);

  close_store (f);
  db = heard_test_raw_open (f->path, f->key);
  g_assert_true (audit_has (db, "recorded", id));
  g_assert_true (audit_has (db, "amended", id));
  g_assert_true (audit_has (db, "answered", id));
  g_assert_true (audit_has (db, "told", id));
  g_assert_true (audit_has (db, "read", id));
  /* The audit trail says what happened, never what they said. */
  g_assert_cmpint (raw_int (db, "SELECT count (*) FROM audit WHERE detail LIKE '%marigold%'"),
                   ==, 0);
  /* Who saved each version is who the audit trail names. */
  g_assert_cmpint (raw_int (db, "SELECT count (*) FROM statement_version AS v"
                                " WHERE NOT EXISTS (SELECT 1 FROM audit"
                                "  WHERE audit.actor = v.saved_by AND audit.at = v.saved_at)"),
                   ==, 0);
  sqlite3_close (db);
  reopen (f);
}

static void
test_closure_and_caseload (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *today = heard_today_iso_date ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  HeardOpenItem *item;
  gint64 first;

  first = record (f, "Please don't tell my brother.");
  record (f, "I'm scared of the car.");
  answer (f, first, today);

  /* Before anything closes, the waiting statement is listed — never its words. */
  heard_store_list_open_items_async (f->store, f->person_id, ASYNC (f));
  items = heard_store_list_open_items_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpint (heard_open_item_get_person_id (item), ==, f->person_id);
  g_assert_cmpstr (heard_open_item_get_view (item), ==, "statements");
  g_assert_nonnull (strstr (heard_open_item_get_summary (item), "3 May 2024"));
  g_assert_null (strstr (heard_open_item_get_summary (item), "car"));
  /* Two statements of one day: the row says which one waits. */
  g_assert_nonnull (strstr (heard_open_item_get_summary (item), "statement 2 of 2 that day"));
  g_assert_cmpint (heard_open_item_get_urgency (item), ==, HEARD_URGENCY_NONE);
  g_assert_cmpstr (heard_open_item_get_detail (item), ==, "Recorded today");

  g_assert_cmpuint (waiting_in_caseload (f), ==, 1);
}

static void
test_outstanding_grows_urgent (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  HeardOpenItem *item;
  sqlite3 *db;

  /* A statement recorded long ago, never answered, is overdue for one. */
  close_store (f);
  db = heard_test_raw_open (f->path, f->key);
  heard_test_fill_statements (db, f->person_id, 1, 3);
  sqlite3_close (db);
  reopen (f);

  heard_store_list_open_items_async (f->store, f->person_id, ASYNC (f));
  items = heard_store_list_open_items_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpint (heard_open_item_get_urgency (item), ==, HEARD_URGENCY_OVERDUE);
  g_assert_true (g_str_has_suffix (heard_open_item_get_detail (item), "days ago"));
}


/* Verifies the trail with no anchor; returns the error, if any. */
static GError *
verify_error (Fixture *f)
{
  GError *error = NULL;
  guint n_entries = 0;

  heard_store_verify_audit_async (f->store, NULL, ASYNC (f));
  heard_store_verify_audit_finish (f->store, result_of (f), &n_entries, &error);

  return error;
}

/* A young person's words changed behind the triggers (drop, edit, put the
 * trigger back exactly) are found by their content hash, and the check
 * names the statement. What it blocks: writing, until someone with the
 * recovery code has seen it. What it never does: hide a record; the
 * changed words are still listed as they now stand. */
static void
test_content_changed_behind_triggers (Fixture       *f,
                                      gconstpointer  data)
{
  gint64 id = record (f, "I told my teacher on the Monday.");
  gint64 answered = record (f, "Nobody listened at the station.");
  g_autofree char *edit = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardStatement) current = NULL;
  sqlite3 *db;

  answer (f, answered, "");
  g_assert_null (verify_error (f));

  db = heard_test_raw_open (f->path, f->key);
  edit = g_strdup_printf ("UPDATE statement_version SET words = 'I never told anyone.'"
                          " WHERE statement_id = %" G_GINT64_FORMAT, id);
  heard_test_exec_behind_trigger (db, "statement_version_no_update", edit);
  sqlite3_close (db);

  error = verify_error (f);
  g_assert_error (error, HEARD_AUDIT_ERROR, HEARD_AUDIT_ERROR_CONTENT_CHANGED);
  name = g_strdup_printf ("statement %" G_GINT64_FORMAT ", version 1 ", id);
  g_assert_nonnull (strstr (error->message, name));
  g_clear_error (&error);

  /* Reading still works; writing is held. */
  current = find_current (f, id);
  g_assert_cmpstr (heard_statement_get_text (current, HEARD_STATEMENT_WORDS), ==,
                   "I never told anyone.");
  add_person_refused (f);

  /* An answer rewritten the same way is named too. */
  close_store (f);
  db = heard_test_raw_open (f->path, f->key);
  heard_test_exec_behind_trigger (db, "statement_response_kept",
                                  "UPDATE statement_response SET what_we_did = 'Nothing.'");
  heard_test_exec_behind_trigger (db, "statement_version_no_update",
                                  "UPDATE statement_version SET words = 'I told my teacher on"
                                  " the Monday.' WHERE statement_id = 1");
  sqlite3_close (db);
  reopen (f);
  error = verify_error (f);
  g_assert_error (error, HEARD_AUDIT_ERROR, HEARD_AUDIT_ERROR_CONTENT_CHANGED);
  g_assert_nonnull (strstr (error->message, "the answer 1 to statement"));
}

/* A protecting trigger dropped and left dropped: the store finds it at
 * open and refuses every write with a clear error, while reading works. */
static void
test_trigger_dropped (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = record (f, "I was scared to go home.");
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardStatement) current = NULL;
  sqlite3 *db;

  close_store (f);
  db = heard_test_raw_open (f->path, f->key);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER statement_version_no_update", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  reopen (f);

  add_person_refused (f);
  current = find_current (f, id);
  g_assert_cmpstr (heard_statement_get_text (current, HEARD_STATEMENT_WORDS), ==,
                   "I was scared to go home.");

  error = verify_error (f);
  g_assert_error (error, HEARD_AUDIT_ERROR, HEARD_AUDIT_ERROR_UNPROTECTED);
  g_assert_nonnull (strstr (error->message, "young people's own words"));
  g_assert_nonnull (strstr (error->message, "statement_version_no_update"));
}

static void
add_test (const char *path,
          void (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

/* Every code stored as a word is the nick of its registered GEnum, with the
 * same number: the types name what the records already hold. */
static void
test_codes_are_enum_nicks (void)
{
  g_autoptr(GEnumClass) agencies = g_type_class_ref (HEARD_TYPE_AGENCY);
  g_autoptr(GEnumClass) hows = g_type_class_ref (HEARD_TYPE_GIVEN_HOW);
  g_autoptr(GEnumClass) read_backs = g_type_class_ref (HEARD_TYPE_READ_BACK);
  g_autoptr(GEnumClass) states = g_type_class_ref (HEARD_TYPE_PLAN_STATE);
  g_autoptr(GEnumClass) statuses = g_type_class_ref (HEARD_TYPE_ACTION_STATUS);

  g_assert_cmpuint (agencies->n_values, ==, HEARD_AGENCY_N_AGENCIES);
  for (guint i = 0; i < HEARD_AGENCY_N_AGENCIES; i++)
    g_assert_cmpstr (g_enum_get_value (agencies, (int) i)->value_nick, ==,
                     heard_agency_to_code (i));

  g_assert_cmpuint (hows->n_values, ==, HEARD_GIVEN_N_WAYS);
  for (guint i = 0; i < HEARD_GIVEN_N_WAYS; i++)
    g_assert_cmpstr (g_enum_get_value (hows, (int) i)->value_nick, ==,
                     heard_given_how_to_code (i));

  g_assert_cmpuint (read_backs->n_values, ==, HEARD_READ_BACK_N_ANSWERS);
  for (guint i = 0; i < HEARD_READ_BACK_N_ANSWERS; i++)
    g_assert_cmpstr (g_enum_get_value (read_backs, (int) i)->value_nick, ==,
                     heard_read_back_to_code (i));

  /* Codes stored as numbers keep them. */
  g_assert_cmpint (g_enum_get_value_by_nick (states, "superseded")->value, ==, 5);
  g_assert_cmpint (g_enum_get_value_by_nick (statuses, "done")->value, ==, 2);
}

/* Every property that holds a stored code is typed with its GEnum: it
 * refuses a number outside the enum, and a record read back from the file
 * hands out the enum value, not a bare number. */
static void
test_properties_are_enums (Fixture       *f,
                           gconstpointer  data)
{
  const struct
  {
    GType       object_type;
    const char *property;
    GType       enum_type;
  } typed[] = {
    { HEARD_TYPE_STATEMENT, "given-how", HEARD_TYPE_GIVEN_HOW },
    { HEARD_TYPE_STATEMENT, "read-back", HEARD_TYPE_READ_BACK },
    { HEARD_TYPE_PERSON, "nationality-answer", HEARD_TYPE_ANSWER },
    { HEARD_TYPE_PLAN_ACTION, "owner", HEARD_TYPE_AGENCY },
    { HEARD_TYPE_PLAN_ACTION, "status", HEARD_TYPE_ACTION_STATUS },
    { HEARD_TYPE_PLAN_AREA, "kind", HEARD_TYPE_AREA_KIND },
    { HEARD_TYPE_PLAN, "state", HEARD_TYPE_PLAN_STATE },
    { HEARD_TYPE_STAFF, "role", HEARD_TYPE_STAFF_ROLE },
  };
  g_autoptr(HeardStatement) statement = statement_new (f->person_id, WORDS);
  g_autoptr(GPtrArray) listed = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  HeardStatement *saved;

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(GTypeClass) object_class = g_type_class_ref (typed[i].object_type);
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (object_class),
                                                        typed[i].property);

      g_test_message ("%s:%s", g_type_name (typed[i].object_type), typed[i].property);
      g_assert_nonnull (pspec);
      g_assert_true (G_IS_PARAM_SPEC_ENUM (pspec));
      g_assert_true (G_PARAM_SPEC_VALUE_TYPE (pspec) == typed[i].enum_type);
    }

  g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*out of range*given-how*");
  g_object_set (statement, "given-how", HEARD_GIVEN_N_WAYS + 3, NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpint (heard_statement_get_given_how (statement), ==, HEARD_GIVEN_SPOKEN);

  g_object_set (statement, "given-how", HEARD_GIVEN_SIGNED, "read-back", HEARD_READ_BACK_DECLINED,
                NULL);
  g_assert_cmpint (try_record (f, statement, &error), >, 0);
  g_assert_no_error (error);

  reopen (f);
  listed = list_statements (f, f->person_id);
  g_assert_cmpuint (listed->len, ==, 1);
  saved = g_ptr_array_index (listed, 0);
  g_object_get_property (G_OBJECT (saved), "given-how", &value);
  g_assert_true (G_VALUE_HOLDS (&value, HEARD_TYPE_GIVEN_HOW));
  g_assert_cmpint (g_value_get_enum (&value), ==, HEARD_GIVEN_SIGNED);
  g_value_unset (&value);
  g_object_get_property (G_OBJECT (saved), "read-back", &value);
  g_assert_true (G_VALUE_HOLDS (&value, HEARD_TYPE_READ_BACK));
  g_assert_cmpint (g_value_get_enum (&value), ==, HEARD_READ_BACK_DECLINED);
}

int
main (int   argc,
      char *argv[])
{
  heard_test_init (&argc, &argv);

  add_test ("/statements/record-and-list", test_record_and_list);
  add_test ("/statements/amend/keeps-original", test_amend_keeps_original);
  add_test ("/statements/amend/refused", test_amend_refused);
  add_test ("/statements/database-refuses-overwrite", test_database_refuses_overwrite);
  add_test ("/statements/outstanding", test_outstanding);
  add_test ("/statements/answers", test_answers);
  add_test ("/statements/answer-links-actions", test_answer_links_actions);
  add_test ("/statements/refuse-bad-input", test_refuse_bad_input);
  add_test ("/statements/search/among-10000", test_search_among_many);
  add_test ("/statements/search/amended-and-removed", test_search_amended_and_removed);
  add_test ("/statements/search/typed-syntax", test_search_typed_syntax);
  g_test_add_func ("/statements/search/snippet-markup", test_snippet_markup);
  g_test_add_func ("/statements/codes-are-enum-nicks", test_codes_are_enum_nicks);
  add_test ("/statements/properties-are-enums", test_properties_are_enums);
  add_test ("/statements/audit", test_audit);
  add_test ("/statements/audit/content-changed", test_content_changed_behind_triggers);
  add_test ("/statements/audit/trigger-dropped", test_trigger_dropped);
  add_test ("/statements/closure-and-caseload", test_closure_and_caseload);
  add_test ("/statements/outstanding-grows-urgent", test_outstanding_grows_urgent);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-store-contract"

/*
 * What every store promises, whatever keeps the records: each operation's
 * result, its refusals (not found, invalid, not open) and the one "changed"
 * each successful write gives, before its own callback, and none for a
 * refused one. Written only against the abstract HeardStore; a store comes
 * from new_store(), the one place that knows which store it is.
 */

#include "config.h"

#include "heard-audit.h"
#include "heard-check-in-rules.h"
#include "heard-store-agencies.h"
#include "heard-store-check-ins.h"
#include "heard-store-chronology.h"
#include "heard-store-codesign.h"
#include "heard-store-drafts.h"
#include "heard-store-exports.h"
#include "heard-store-open-items.h"
#include "heard-sqlite-store.h"
#include "heard-store-people.h"
#include "heard-store-plans.h"
#include "heard-store-sharing.h"
#include "heard-store-staff.h"
#include "heard-store-statements.h"
#include "heard-test-utils.h"

#define SUPERVISOR_PASSPHRASE "a long supervisor passphrase"

typedef struct
{
  char         *dir;
  HeardStore   *store;
  GAsyncResult *result;
  GAsyncResult *last;
  /* The "changed" emissions since the last check. */
  guint            n_changes;
  HeardRecordKind  kind;
  gint64           person_id;
  gint64           record_id;
  gboolean         after_callback;
} Fixture;

#define ASYNC(f) NULL, heard_test_store_result_cb, &(f)->result

/* A fresh, opened store in @dir: today the SQLCipher store with a random
 * key. A future team store adds its own factory and runs these cases too. */
static HeardStore *
new_store (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "heard.db", NULL);
  g_autoptr(HeardKey) key = heard_key_new_random ();

  return heard_test_create_store (path, key);
}

static void
changed_cb (HeardStore      *store,
            HeardRecordKind  kind,
            gint64           person_id,
            gint64           record_id,
            Fixture         *f)
{
  f->n_changes++;
  f->kind = kind;
  f->person_id = person_id;
  f->record_id = record_id;
  /* The write's callback fills f->result: it must not have run yet. */
  f->after_callback = f->result != NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = heard_test_make_dir ();
  f->store = new_store (f->dir);
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->last);
  heard_test_close_store (&f->store);
  heard_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* Waits for the pending call's result; it stays valid until the next one. */
static GAsyncResult *
result_of (Fixture *f)
{
  return heard_test_result_of (&f->result, &f->last);
}

/* Exactly one "changed" since the last check, with these, before the callback. */
static void
assert_changed (Fixture         *f,
                HeardRecordKind  kind,
                gint64           person_id,
                gint64           record_id)
{
  g_assert_cmpuint (f->n_changes, ==, 1);
  g_assert_cmpint (f->kind, ==, kind);
  g_assert_cmpint (f->person_id, ==, person_id);
  g_assert_cmpint (f->record_id, ==, record_id);
  g_assert_false (f->after_callback);
  f->n_changes = 0;
}

static void
assert_unchanged (Fixture *f)
{
  g_assert_cmpuint (f->n_changes, ==, 0);
}

/* Refused with @domain @code, and nothing announced. */
static void
assert_refused (Fixture *f,
                GError  *error,
                GQuark   domain,
                int      code)
{
  g_assert_error (error, domain, code);
  assert_unchanged (f);
}

static gint64
save_person (Fixture    *f,
             gint64      id,
             const char *name)
{
  g_autoptr(HeardPerson) person = heard_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 saved;

  heard_person_set_id (person, id);
  heard_person_set_text (person, HEARD_PERSON_DISPLAY_NAME, name);
  heard_store_save_person_async (f->store, person, ASYNC (f));
  saved = heard_store_save_person_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  assert_changed (f, HEARD_RECORD_KIND_PERSON, saved, saved);

  return saved;
}

static gint64
save_supervisor (Fixture *f)
{
  g_autoptr(HeardStaff) staff = heard_staff_new (HEARD_STAFF_SUPERVISOR);
  g_autoptr(GError) error = NULL;
  gint64 id;

  heard_staff_set_name (staff, "Dana Okafor");
  heard_store_save_staff_async (f->store, staff, SUPERVISOR_PASSPHRASE, ASYNC (f));
  id = heard_store_save_staff_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  assert_changed (f, HEARD_RECORD_KIND_STAFF, 0, id);

  return id;
}

static gint64
start_plan (Fixture *f,
            gint64   person_id)
{
  g_autoptr(GError) error = NULL;
  gint64 plan_id;

  heard_store_start_plan_async (f->store, person_id, ASYNC (f));
  plan_id = heard_store_start_plan_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan_id, >, 0);
  assert_changed (f, HEARD_RECORD_KIND_PLAN, person_id, plan_id);

  return plan_id;
}

static HeardPlanArea *
area_new (gint64 plan_id)
{
  HeardPlanArea *area = heard_plan_area_new (plan_id, HEARD_AREA_EDUCATION);

  heard_plan_area_set_text (area, HEARD_AREA_WORRIED, "Missing school on Mondays.");
  heard_plan_area_set_text (area, HEARD_AREA_GOAL_OWN_WORDS, "Go to school with Jo.");
  heard_plan_area_set_text (area, HEARD_AREA_GOAL_WORKER, "Regular attendance with support.");

  return area;
}

static gint64
save_area (Fixture *f,
           gint64   person_id,
           gint64   plan_id)
{
  g_autoptr(HeardPlanArea) area = area_new (plan_id);
  g_autoptr(GError) error = NULL;
  gint64 id;

  heard_store_save_area_async (f->store, area, ASYNC (f));
  id = heard_store_save_area_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  assert_changed (f, HEARD_RECORD_KIND_PLAN, person_id, plan_id);

  return id;
}

static HeardPlanAction *
action_new (gint64 plan_id,
            gint64 area_id)
{
  HeardPlanAction *action = heard_plan_action_new (plan_id, area_id);

  heard_plan_action_set_text (action, HEARD_ACTION_WHAT, "Walk to school together");
  heard_plan_action_set_text (action, HEARD_ACTION_DUE_DATE, "01/09/2031");
  heard_plan_action_set_text (action, HEARD_ACTION_OWNER_NAME, "Ms Patel");
  heard_plan_action_set_owner (action, HEARD_AGENCY_SCHOOL);

  return action;
}

static gint64
save_action_object (Fixture         *f,
                    gint64           person_id,
                    HeardPlanAction *action)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  heard_store_save_action_async (f->store, action, ASYNC (f));
  id = heard_store_save_action_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  assert_changed (f, HEARD_RECORD_KIND_PLAN, person_id, heard_plan_action_get_plan_id (action));

  return id;
}

static gint64
save_action (Fixture *f,
             gint64   person_id,
             gint64   plan_id,
             gint64   area_id)
{
  g_autoptr(HeardPlanAction) action = action_new (plan_id, area_id);

  return save_action_object (f, person_id, action);
}

static void
decide (Fixture        *f,
        gint64          person_id,
        gint64          plan_id,
        gint64          supervisor_id,
        HeardPlanEvent  event)
{
  g_autoptr(HeardPlanDecision) decision = heard_plan_decision_new (event, supervisor_id);
  g_autoptr(GError) error = NULL;

  decision->comments = g_strdup ("Clear, in their words.");
  heard_store_decide_plan_async (f->store, plan_id, decision, SUPERVISOR_PASSPHRASE, ASYNC (f));
  g_assert_true (heard_store_decide_plan_finish (f->store, result_of (f), &error));
  g_assert_no_error (error);
  assert_changed (f, HEARD_RECORD_KIND_PLAN, person_id, plan_id);
}

static gint64
record_statement (Fixture *f,
                  gint64   person_id)
{
  g_autoptr(HeardStatement) statement = heard_test_statement_new (person_id,
                                                                  "Nobody listens to me.");
  g_autoptr(GError) error = NULL;
  gint64 id;

  heard_store_record_statement_async (f->store, statement, ASYNC (f));
  id = heard_store_record_statement_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  assert_changed (f, HEARD_RECORD_KIND_STATEMENT, person_id, id);

  return id;
}

/* People */

static void
test_people (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(HeardPerson) nameless = heard_person_new ();
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = save_person (f, 0, "Amira Haddad");

  g_assert_cmpint (save_person (f, id, "Amira H."), ==, id);

  heard_store_list_people_async (f->store, ASYNC (f));
  people = heard_store_list_people_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (heard_person_get_display_name (g_ptr_array_index (people, 0)), ==,
                   "Amira H.");

  heard_store_search_people_async (f->store, "amir", ASYNC (f));
  found = heard_store_search_people_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_true (g_hash_table_contains (found, &id));

  heard_store_set_person_removed_async (f->store, id, TRUE, "reason: duplicate", ASYNC (f));
  g_assert_true (heard_store_set_person_removed_finish (f->store, result_of (f), &error));
  g_assert_no_error (error);
  assert_changed (f, HEARD_RECORD_KIND_PERSON, id, id);

  heard_store_set_person_removed_async (f->store, id, FALSE, NULL, ASYNC (f));
  g_assert_true (heard_store_set_person_removed_finish (f->store, result_of (f), &error));
  g_assert_no_error (error);
  assert_changed (f, HEARD_RECORD_KIND_PERSON, id, id);

  heard_store_set_person_removed_async (f->store, id + 1, TRUE, "reason: duplicate",
                                        ASYNC (f));
  g_assert_false (heard_store_set_person_removed_finish (f->store, result_of (f), &error));
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  heard_person_set_id (nameless, id + 1);
  heard_person_set_text (nameless, HEARD_PERSON_DISPLAY_NAME, "Nobody");
  heard_store_save_person_async (f->store, nameless, ASYNC (f));
  g_assert_cmpint (heard_store_save_person_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  heard_person_set_id (nameless, 0);
  heard_person_set_text (nameless, HEARD_PERSON_DISPLAY_NAME, "");
  heard_store_save_person_async (f->store, nameless, ASYNC (f));
  g_assert_cmpint (heard_store_save_person_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
}

/* Plans */

static void
test_plans (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(HeardPlanArea) second = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) caseload = NULL;
  g_autoptr(GError) error = NULL;
  gint64 person_id = save_person (f, 0, "Amira Haddad");
  gint64 supervisor_id = save_supervisor (f);
  gint64 plan_id, area_id, action_id, spare_area_id;

  heard_store_start_plan_async (f->store, person_id + 1, ASYNC (f));
  g_assert_cmpint (heard_store_start_plan_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  plan_id = start_plan (f, person_id);
  area_id = save_area (f, person_id, plan_id);
  action_id = save_action (f, person_id, plan_id, area_id);

  /* An area the plan already has is refused. */
  second = area_new (plan_id);
  heard_store_save_area_async (f->store, second, ASYNC (f));
  g_assert_cmpint (heard_store_save_area_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_INCOMPLETE);
  g_clear_error (&error);

  /* Another area and its action, taken out again. */
  {
    g_autoptr(HeardPlanArea) home = heard_plan_area_new (plan_id, HEARD_AREA_HOME);

    heard_plan_area_set_text (home, HEARD_AREA_WORRIED, "Moving again.");
    heard_plan_area_set_text (home, HEARD_AREA_GOAL_OWN_WORDS, "Stay put.");
    heard_plan_area_set_text (home, HEARD_AREA_GOAL_WORKER, "A settled home.");
    heard_store_save_area_async (f->store, home, ASYNC (f));
    spare_area_id = heard_store_save_area_finish (f->store, result_of (f), &error);
    g_assert_no_error (error);
    assert_changed (f, HEARD_RECORD_KIND_PLAN, person_id, plan_id);
  }

  heard_store_remove_action_async (f->store, save_action (f, person_id, plan_id, spare_area_id),
                                   ASYNC (f));
  g_assert_true (heard_store_remove_action_finish (f->store, result_of (f), &error));
  g_assert_no_error (error);
  assert_changed (f, HEARD_RECORD_KIND_PLAN, person_id, plan_id);

  heard_store_remove_area_async (f->store, spare_area_id, ASYNC (f));
  g_assert_true (heard_store_remove_area_finish (f->store, result_of (f), &error));
  g_assert_no_error (error);
  assert_changed (f, HEARD_RECORD_KIND_PLAN, person_id, plan_id);

  heard_store_remove_area_async (f->store, spare_area_id, ASYNC (f));
  g_assert_false (heard_store_remove_area_finish (f->store, result_of (f), &error));
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  heard_store_remove_action_async (f->store, action_id + 100, ASYNC (f));
  g_assert_false (heard_store_remove_action_finish (f->store, result_of (f), &error));
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  heard_store_submit_plan_async (f->store, plan_id, ASYNC (f));
  g_assert_true (heard_store_submit_plan_finish (f->store, result_of (f), &error));
  g_assert_no_error (error);
  assert_changed (f, HEARD_RECORD_KIND_PLAN, person_id, plan_id);

  heard_store_submit_plan_async (f->store, plan_id + 100, ASYNC (f));
  g_assert_false (heard_store_submit_plan_finish (f->store, result_of (f), &error));
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A wrong passphrase is written down, but changes nothing a view shows. */
  {
    g_autoptr(HeardPlanDecision) decision = heard_plan_decision_new (HEARD_PLAN_EVENT_SIGN_OFF,
                                                                     supervisor_id);

    heard_store_decide_plan_async (f->store, plan_id, decision, "not the passphrase",
                                   ASYNC (f));
    g_assert_false (heard_store_decide_plan_finish (f->store, result_of (f), &error));
    assert_refused (f, error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_WRONG_PASSPHRASE);
    g_clear_error (&error);
  }

  decide (f, person_id, plan_id, supervisor_id, HEARD_PLAN_EVENT_SIGN_OFF);

  heard_store_set_next_review_async (f->store, plan_id, "tomorrow", ASYNC (f));
  g_assert_false (heard_store_set_next_review_finish (f->store, result_of (f), &error));
  assert_refused (f, error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_BAD_DATE);
  g_clear_error (&error);

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) soon = g_date_time_add_days (now, 7);
    g_autofree char *date = g_date_time_format (soon, "%d/%m/%Y");

    heard_store_set_next_review_async (f->store, plan_id, date, ASYNC (f));
    g_assert_true (heard_store_set_next_review_finish (f->store, result_of (f), &error));
    g_assert_no_error (error);
    assert_changed (f, HEARD_RECORD_KIND_PLAN, person_id, plan_id);
  }

  heard_store_load_plans_async (f->store, person_id, ASYNC (f));
  plans = heard_store_load_plans_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_cmpint (heard_plan_get_id (g_ptr_array_index (plans, 0)), ==, plan_id);
  g_assert_cmpint (heard_plan_get_state (g_ptr_array_index (plans, 0)), ==,
                   HEARD_PLAN_STATE_ACTIVE);

  heard_store_list_open_items_async (f->store, person_id, ASYNC (f));
  items = heard_store_list_open_items_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, >=, 1);

  heard_store_load_caseload_async (f->store, ASYNC (f));
  caseload = heard_store_load_caseload_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_nonnull (caseload);
  assert_unchanged (f);
}

/* Statements */

static void
test_statements (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HeardStatement) amended = NULL;
  g_autoptr(HeardStatementResponse) response = heard_statement_response_new ();
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) linkable = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  gint64 person_id = save_person (f, 0, "Amira Haddad");
  /* One statement first, so that no answer's id is its statement's. */
  gint64 earlier_id = record_statement (f, save_person (f, 0, "Jo Brennan"));
  gint64 statement_id = record_statement (f, person_id);
  gint64 response_id;

  heard_store_list_statements_async (f->store, person_id, ASYNC (f));
  statements = heard_store_list_statements_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (statements->len, ==, 1);

  amended = heard_statement_copy (g_ptr_array_index (statements, 0));
  heard_statement_set_text (amended, HEARD_STATEMENT_WORDS, "Nobody ever listens to me.");
  heard_statement_set_text (amended, HEARD_STATEMENT_REASON, "Said again, in full.");
  heard_store_amend_statement_async (f->store, amended, ASYNC (f));
  g_assert_cmpuint (heard_store_amend_statement_finish (f->store, result_of (f), &error), ==, 2);
  g_assert_no_error (error);
  assert_changed (f, HEARD_RECORD_KIND_STATEMENT, person_id, statement_id);

  /* The same amendment again is made on an old version: refused. */
  heard_store_amend_statement_async (f->store, amended, ASYNC (f));
  g_assert_cmpuint (heard_store_amend_statement_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  heard_store_list_statement_history_async (f->store, statement_id, ASYNC (f));
  history = heard_store_list_statement_history_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);

  heard_statement_response_set_statement_id (response, statement_id);
  heard_statement_response_set_what_we_did (response, "We asked school to call you first.");
  heard_statement_response_set_told_on (response, "");
  heard_store_answer_statement_async (f->store, response, ASYNC (f));
  response_id = heard_store_answer_statement_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpint (response_id, >, 0);
  g_assert_cmpint (response_id, !=, statement_id);
  g_assert_cmpint (earlier_id, !=, statement_id);
  assert_changed (f, HEARD_RECORD_KIND_STATEMENT, person_id, statement_id);

  heard_statement_response_set_statement_id (response, statement_id + 100);
  heard_store_answer_statement_async (f->store, response, ASYNC (f));
  g_assert_cmpint (heard_store_answer_statement_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  heard_store_mark_response_told_async (f->store, response_id, "04/05/2024", ASYNC (f));
  g_assert_true (heard_store_mark_response_told_finish (f->store, result_of (f), &error));
  g_assert_no_error (error);
  assert_changed (f, HEARD_RECORD_KIND_STATEMENT, person_id, statement_id);

  /* Once only. */
  heard_store_mark_response_told_async (f->store, response_id, "04/05/2024", ASYNC (f));
  g_assert_false (heard_store_mark_response_told_finish (f->store, result_of (f), &error));
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A read is noted in the audit trail only: no record changed, so no view
   * is told (the read after it runs once the note is written). */
  heard_store_note_statement_read (f->store, statement_id);
  heard_store_list_linkable_actions_async (f->store, person_id, ASYNC (f));
  linkable = heard_store_list_linkable_actions_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (linkable->len, ==, 0);
  g_assert_cmpuint (f->n_changes, ==, 0);

  heard_store_search_statements_async (f->store, "ever", ASYNC (f));
  matches = heard_store_search_statements_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 1);

  {
    g_autoptr(HeardStatement) orphan = heard_statement_new ();

    heard_statement_set_person_id (orphan, person_id + 100);
    heard_statement_set_text (orphan, HEARD_STATEMENT_WORDS, "Words.");
    heard_statement_set_text (orphan, HEARD_STATEMENT_GIVEN_ON, "03/05/2024");
    heard_store_record_statement_async (f->store, orphan, ASYNC (f));
    g_assert_cmpint (heard_store_record_statement_finish (f->store, result_of (f), &error), ==,
                     0);
    assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);

    heard_statement_set_person_id (orphan, person_id);
    heard_statement_set_text (orphan, HEARD_STATEMENT_WORDS, "");
    heard_store_record_statement_async (f->store, orphan, ASYNC (f));
    g_assert_cmpint (heard_store_record_statement_finish (f->store, result_of (f), &error), ==,
                     0);
    assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  }
}

/* Staff */

static void
test_staff (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(HeardStaff) caseworker = heard_staff_new (HEARD_STAFF_CASEWORKER);
  g_autoptr(HeardStaff) no_passphrase = heard_staff_new (HEARD_STAFF_SUPERVISOR);
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;
  gint64 supervisor_id = save_supervisor (f);
  gint64 caseworker_id;

  heard_staff_set_name (caseworker, "Priya Shah");
  heard_store_save_staff_async (f->store, caseworker, NULL, ASYNC (f));
  caseworker_id = heard_store_save_staff_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  assert_changed (f, HEARD_RECORD_KIND_STAFF, 0, caseworker_id);

  heard_staff_set_name (no_passphrase, "Sam Reid");
  heard_store_save_staff_async (f->store, no_passphrase, NULL, ASYNC (f));
  g_assert_cmpint (heard_store_save_staff_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_INCOMPLETE);
  g_clear_error (&error);

  heard_store_list_staff_async (f->store, ASYNC (f));
  staff = heard_store_list_staff_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, ==, 2);

  heard_store_retire_staff_async (f->store, supervisor_id, ASYNC (f));
  g_assert_true (heard_store_retire_staff_finish (f->store, result_of (f), &error));
  g_assert_no_error (error);
  assert_changed (f, HEARD_RECORD_KIND_STAFF, 0, supervisor_id);

  heard_store_retire_staff_async (f->store, supervisor_id, ASYNC (f));
  g_assert_false (heard_store_retire_staff_finish (f->store, result_of (f), &error));
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
}

/* The store's own health, and its audit trail */

static void
test_checks (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(HeardAuditAnchor) head = NULL;
  g_autoptr(GError) error = NULL;
  guint n_entries = 0;

  save_person (f, 0, "Amira Haddad");

  heard_store_check_integrity_async (f->store, ASYNC (f));
  g_assert_true (heard_store_check_integrity_finish (f->store, result_of (f), &error));
  g_assert_no_error (error);

  heard_store_read_audit_head_async (f->store, ASYNC (f));
  head = heard_store_read_audit_head_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_nonnull (head);

  heard_store_verify_audit_async (f->store, head, ASYNC (f));
  g_assert_true (heard_store_verify_audit_finish (f->store, result_of (f), &n_entries, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_entries, >, 0);
  assert_unchanged (f);
}

/* Once closed, every operation is refused as not open, and nothing is
 * announced. */
static void
test_not_open (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(HeardPerson) person = heard_person_new ();
  g_autoptr(HeardStaff) staff = heard_staff_new (HEARD_STAFF_CASEWORKER);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) caseload = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(HeardDraft) draft = heard_draft_new (HEARD_DRAFT_STATEMENT, 1, 0);
  g_autoptr(GError) error = NULL;

  heard_store_close_async (f->store, ASYNC (f));
  g_assert_true (heard_store_close_finish (f->store, result_of (f), &error));
  g_assert_no_error (error);
  g_assert_false (heard_store_is_open (f->store));

  heard_store_list_people_async (f->store, ASYNC (f));
  people = heard_store_list_people_finish (f->store, result_of (f), &error);
  g_assert_null (people);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_OPEN);
  g_clear_error (&error);

  heard_person_set_text (person, HEARD_PERSON_DISPLAY_NAME, "Amira Haddad");
  heard_store_save_person_async (f->store, person, ASYNC (f));
  g_assert_cmpint (heard_store_save_person_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_OPEN);
  g_clear_error (&error);

  heard_store_start_plan_async (f->store, 1, ASYNC (f));
  g_assert_cmpint (heard_store_start_plan_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_OPEN);
  g_clear_error (&error);

  heard_staff_set_name (staff, "Priya Shah");
  heard_store_save_staff_async (f->store, staff, NULL, ASYNC (f));
  g_assert_cmpint (heard_store_save_staff_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_OPEN);
  g_clear_error (&error);

  heard_store_check_integrity_async (f->store, ASYNC (f));
  g_assert_false (heard_store_check_integrity_finish (f->store, result_of (f), &error));
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_OPEN);
  g_clear_error (&error);

  heard_store_load_caseload_async (f->store, ASYNC (f));
  caseload = heard_store_load_caseload_finish (f->store, result_of (f), &error);
  g_assert_null (caseload);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_OPEN);
  g_clear_error (&error);

  heard_store_list_open_items_async (f->store, 1, ASYNC (f));
  items = heard_store_list_open_items_finish (f->store, result_of (f), &error);
  g_assert_null (items);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_OPEN);
  g_clear_error (&error);

  heard_store_save_draft_async (f->store, draft, ASYNC (f));
  g_assert_false (heard_store_save_draft_finish (f->store, result_of (f), &error));
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_OPEN);
  g_clear_error (&error);

  heard_store_list_drafts_async (f->store, ASYNC (f));
  drafts = heard_store_list_drafts_finish (f->store, result_of (f), &error);
  g_assert_null (drafts);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_OPEN);
}

static GPtrArray *
list_drafts (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *drafts;

  heard_store_list_drafts_async (f->store, ASYNC (f));
  drafts = heard_store_list_drafts_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_nonnull (drafts);

  return drafts;
}

static void
save_draft (Fixture    *f,
            HeardDraft *draft)
{
  g_autoptr(GError) error = NULL;

  heard_store_save_draft_async (f->store, draft, ASYNC (f));
  g_assert_true (heard_store_save_draft_finish (f->store, result_of (f), &error));
  g_assert_no_error (error);
}

static void
delete_draft (Fixture    *f,
              HeardDraft *draft)
{
  g_autoptr(GError) error = NULL;

  heard_store_delete_draft_async (f->store, draft, ASYNC (f));
  g_assert_true (heard_store_delete_draft_finish (f->store, result_of (f), &error));
  g_assert_no_error (error);
}

/* One draft per editor, replaced whole, listed newest first with every
 * field, the focus and the cursor; deleted when asked (twice is no error).
 * Drafts are not records: no "changed" and no audit entry. */
static void
test_drafts (Fixture       *f,
             gconstpointer  data)
{
  gint64 person_id = save_person (f, 0, "Jade Mensah");
  g_autoptr(HeardDraft) statement = heard_draft_new (HEARD_DRAFT_STATEMENT, person_id, 0);
  g_autoptr(HeardDraft) again = heard_draft_new (HEARD_DRAFT_STATEMENT, person_id, 0);
  g_autoptr(HeardDraft) amendment = heard_draft_new (HEARD_DRAFT_AMENDMENT, person_id, 7);
  g_autoptr(HeardDraft) safety = heard_draft_new (HEARD_DRAFT_NEW_AREA, person_id, 3);
  g_autoptr(HeardDraft) health = heard_draft_new (HEARD_DRAFT_NEW_AREA, person_id, 3);
  g_autoptr(GPtrArray) drafts = NULL;
  HeardDraft *listed;
  guint n_entries = 0;
  guint n_after = 0;

  g_assert_null (heard_test_verify_audit (f->store, &n_entries));
  drafts = list_drafts (f);
  g_assert_cmpuint (drafts->len, ==, 0);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  heard_draft_set_field (statement, "words", "I was scared");
  heard_draft_set_field (statement, "context", "At the bus stop");
  heard_draft_set_focus (statement, "words", 5);
  save_draft (f, statement);
  heard_draft_set_field (amendment, "reason", "");
  save_draft (f, amendment);
  /* The same editor again replaces its draft: a field gone is gone. */
  heard_draft_set_field (again, "words", "I was scared of him");
  heard_draft_set_focus (again, "words", 19);
  save_draft (f, again);
  assert_unchanged (f);

  drafts = list_drafts (f);
  g_assert_cmpuint (drafts->len, ==, 2);
  listed = g_ptr_array_index (drafts, 0);
  g_assert_true (heard_draft_same_editor (listed, statement));
  g_assert_cmpint (heard_draft_get_kind (listed), ==, HEARD_DRAFT_STATEMENT);
  g_assert_cmpint (heard_draft_get_person_id (listed), ==, person_id);
  g_assert_cmpint (heard_draft_get_subject_id (listed), ==, 0);
  g_assert_cmpuint (g_hash_table_size (heard_draft_get_fields (listed)), ==, 1);
  g_assert_cmpstr (heard_draft_get_field (listed, "words"), ==, "I was scared of him");
  g_assert_cmpstr (heard_draft_get_focus (listed), ==, "words");
  g_assert_cmpint (heard_draft_get_cursor (listed), ==, 19);
  g_assert_nonnull (heard_draft_get_saved_at (listed));
  listed = g_ptr_array_index (drafts, 1);
  g_assert_true (heard_draft_same_editor (listed, amendment));
  g_assert_cmpstr (heard_draft_get_field (listed, "reason"), ==, "");
  g_assert_cmpint (heard_draft_get_subject_id (listed), ==, 7);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  delete_draft (f, statement);
  delete_draft (f, statement);
  assert_unchanged (f);
  drafts = list_drafts (f);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_true (heard_draft_same_editor (g_ptr_array_index (drafts, 0), amendment));
  g_clear_pointer (&drafts, g_ptr_array_unref);

  /* Two new areas of one plan are two editors, told apart by their part. */
  heard_draft_set_part (safety, HEARD_AREA_SAFETY);
  heard_draft_set_part (health, HEARD_AREA_HEALTH);
  heard_draft_set_field (safety, "worried_view", "Going out at night");
  heard_draft_set_field (health, "worried_view", "Not sleeping");
  save_draft (f, safety);
  save_draft (f, health);
  delete_draft (f, amendment);
  drafts = list_drafts (f);
  g_assert_cmpuint (drafts->len, ==, 2);
  g_assert_true (heard_draft_same_editor (g_ptr_array_index (drafts, 0), health));
  g_assert_cmpint (heard_draft_get_part (g_ptr_array_index (drafts, 0)), ==, HEARD_AREA_HEALTH);
  g_assert_cmpstr (heard_draft_get_field (g_ptr_array_index (drafts, 1), "worried_view"), ==,
                   "Going out at night");

  g_assert_null (heard_test_verify_audit (f->store, &n_after));
  g_assert_cmpuint (n_after, ==, n_entries);
}

static GPtrArray *
list_check_ins (Fixture *f,
                gint64   person_id,
                gint64   plan_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *check_ins;

  heard_store_list_check_ins_async (f->store, person_id, plan_id, ASYNC (f));
  check_ins = heard_store_list_check_ins_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_nonnull (check_ins);
  assert_unchanged (f);

  return check_ins;
}

/* Saved or refused: the id, or 0 with @error set and nothing announced. */
static gint64
save_check_in (Fixture       *f,
               HeardCheckIn  *check_in,
               GError       **error)
{
  heard_store_save_check_in_async (f->store, check_in, ASYNC (f));
  return heard_store_save_check_in_finish (f->store, result_of (f), error);
}

static void
assert_rating (HeardCheckIn     *check_in,
               HeardAreaKind     area,
               HeardRater        rater,
               HeardRatingState  state,
               guint             value)
{
  HeardRating rating;

  g_assert_true (heard_check_in_get_rating (check_in, area, rater, &rating));
  g_assert_cmpint (rating.state, ==, state);
  g_assert_cmpuint (rating.value, ==, value);
}

/* A check-in is saved whole, with both raters' ratings kept apart (a
 * skipped one is not "rather not say", neither is a zero), their words
 * exactly as typed, and who saved it and when; listed oldest day first,
 * for one plan or all of a young person's; refused for a day in the
 * future, an area the plan lacks, a rating out of range or a plan that is
 * not there; and never changed behind the store's back unnoticed. */
static void
test_check_ins (Fixture       *f,
                gconstpointer  data)
{
  const char *words = "  It’s better at school now,\n\"mostly\" — I go on Mondays  ";
  g_autoptr(HeardCheckIn) check_in = NULL;
  g_autoptr(HeardCheckIn) earlier = NULL;
  g_autoptr(HeardCheckIn) other = NULL;
  g_autoptr(HeardCheckIn) refused = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  HeardCheckIn *read;
  HeardRating safety;
  gint64 person_id, other_person_id, plan_id, other_plan_id, id, earlier_id;
  guint n_entries = 0, n_after = 0;

  person_id = save_person (f, 0, "Amira Haddad");
  other_person_id = save_person (f, 0, "Ben Carter");
  plan_id = start_plan (f, person_id);
  save_area (f, person_id, plan_id);
  other_plan_id = start_plan (f, other_person_id);
  save_area (f, other_person_id, other_plan_id);
  g_assert_null (heard_test_verify_audit (f->store, &n_entries));

  check_in = heard_check_in_new (plan_id);
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_DAY, "12/03/2026");
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_THEIR_WORDS, words);
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_WORKER_NOTE, "Calmer than last time.");
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_PRESENT, "Amira, Priya (key worker)");
  heard_check_in_set_rating (check_in, HEARD_AREA_EDUCATION, HEARD_RATER_YOUNG_PERSON,
                             HEARD_RATING_GIVEN, 8);
  heard_check_in_set_rating (check_in, HEARD_AREA_EDUCATION, HEARD_RATER_WORKER,
                             HEARD_RATING_GIVEN, 4);
  heard_check_in_set_safety (check_in, HEARD_RATING_RATHER_NOT_SAY, 0);
  id = save_check_in (f, check_in, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  assert_changed (f, HEARD_RECORD_KIND_CHECK_IN, person_id, id);
  /* The caller's object is theirs: the store saved a copy. */
  g_assert_cmpint (heard_check_in_get_id (check_in), ==, 0);

  /* An earlier day, saved later, lists first; skipped is not "rather not
   * say", and 0 is a rating like any other. */
  earlier = heard_check_in_new (plan_id);
  heard_check_in_set_text (earlier, HEARD_CHECK_IN_DAY, "2026-02-26");
  heard_check_in_set_rating (earlier, HEARD_AREA_EDUCATION, HEARD_RATER_YOUNG_PERSON,
                             HEARD_RATING_SKIPPED, 0);
  heard_check_in_set_rating (earlier, HEARD_AREA_EDUCATION, HEARD_RATER_WORKER,
                             HEARD_RATING_GIVEN, 0);
  heard_check_in_set_safety (earlier, HEARD_RATING_GIVEN, 0);
  earlier_id = save_check_in (f, earlier, &error);
  g_assert_no_error (error);
  assert_changed (f, HEARD_RECORD_KIND_CHECK_IN, person_id, earlier_id);

  other = heard_check_in_new (other_plan_id);
  heard_check_in_set_text (other, HEARD_CHECK_IN_DAY, "2026-01-05");
  heard_check_in_set_rating (other, HEARD_AREA_EDUCATION, HEARD_RATER_WORKER,
                             HEARD_RATING_GIVEN, 5);
  save_check_in (f, other, &error);
  g_assert_no_error (error);
  f->n_changes = 0;

  listed = list_check_ins (f, person_id, 0);
  g_assert_cmpuint (listed->len, ==, 2);
  read = g_ptr_array_index (listed, 0);
  g_assert_cmpint (heard_check_in_get_id (read), ==, earlier_id);
  g_assert_cmpstr (heard_check_in_get_day (read), ==, "2026-02-26");
  assert_rating (read, HEARD_AREA_EDUCATION, HEARD_RATER_YOUNG_PERSON, HEARD_RATING_SKIPPED, 0);
  assert_rating (read, HEARD_AREA_EDUCATION, HEARD_RATER_WORKER, HEARD_RATING_GIVEN, 0);
  heard_check_in_get_safety (read, &safety);
  g_assert_cmpint (safety.state, ==, HEARD_RATING_GIVEN);
  g_assert_cmpuint (safety.value, ==, 0);
  g_assert_false (heard_check_in_area_to_talk_about (read, HEARD_AREA_EDUCATION));

  read = g_ptr_array_index (listed, 1);
  g_assert_cmpint (heard_check_in_get_id (read), ==, id);
  g_assert_cmpint (heard_check_in_get_plan_id (read), ==, plan_id);
  g_assert_cmpint (heard_check_in_get_person_id (read), ==, person_id);
  g_assert_cmpstr (heard_check_in_get_day (read), ==, "2026-03-12");
  g_assert_cmpstr (heard_check_in_get_text (read, HEARD_CHECK_IN_THEIR_WORDS), ==, words);
  g_assert_cmpstr (heard_check_in_get_text (read, HEARD_CHECK_IN_WORKER_NOTE), ==,
                   "Calmer than last time.");
  g_assert_cmpstr (heard_check_in_get_text (read, HEARD_CHECK_IN_PRESENT), ==,
                   "Amira, Priya (key worker)");
  g_assert_cmpuint (heard_check_in_get_n_areas (read), ==, 1);
  g_assert_cmpint (heard_check_in_get_area (read, 0), ==, HEARD_AREA_EDUCATION);
  assert_rating (read, HEARD_AREA_EDUCATION, HEARD_RATER_YOUNG_PERSON, HEARD_RATING_GIVEN, 8);
  assert_rating (read, HEARD_AREA_EDUCATION, HEARD_RATER_WORKER, HEARD_RATING_GIVEN, 4);
  g_assert_true (heard_check_in_area_to_talk_about (read, HEARD_AREA_EDUCATION));
  heard_check_in_get_safety (read, &safety);
  g_assert_cmpint (safety.state, ==, HEARD_RATING_RATHER_NOT_SAY);
  g_assert_nonnull (heard_check_in_get_saved_by (read));
  g_assert_true (g_str_has_prefix (heard_check_in_get_saved_at (read), "20"));
  g_clear_pointer (&listed, g_ptr_array_unref);

  listed = list_check_ins (f, person_id, plan_id + 1000);
  g_assert_cmpuint (listed->len, ==, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = list_check_ins (f, other_person_id, other_plan_id);
  g_assert_cmpuint (listed->len, ==, 1);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* Refusals: nothing saved, nothing announced. */
  refused = heard_check_in_new (plan_id);
  heard_check_in_set_text (refused, HEARD_CHECK_IN_DAY, "01/01/2199");
  heard_check_in_set_rating (refused, HEARD_AREA_EDUCATION, HEARD_RATER_WORKER,
                             HEARD_RATING_GIVEN, 5);
  g_assert_cmpint (save_check_in (f, refused, &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  heard_check_in_set_text (refused, HEARD_CHECK_IN_DAY, "2026-03-13");
  heard_check_in_set_rating (refused, HEARD_AREA_EDUCATION, HEARD_RATER_WORKER,
                             HEARD_RATING_GIVEN, 11);
  g_assert_cmpint (save_check_in (f, refused, &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  heard_check_in_set_rating (refused, HEARD_AREA_EDUCATION, HEARD_RATER_WORKER,
                             HEARD_RATING_GIVEN, 10);
  heard_check_in_set_rating (refused, HEARD_AREA_HOME, HEARD_RATER_WORKER,
                             HEARD_RATING_GIVEN, 3);
  g_assert_cmpint (save_check_in (f, refused, &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_object (&refused);
  refused = heard_check_in_new (plan_id + 1000);
  heard_check_in_set_text (refused, HEARD_CHECK_IN_DAY, "2026-03-13");
  heard_check_in_set_rating (refused, HEARD_AREA_EDUCATION, HEARD_RATER_WORKER,
                             HEARD_RATING_GIVEN, 5);
  g_assert_cmpint (save_check_in (f, refused, &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  listed = list_check_ins (f, person_id, plan_id);
  g_assert_cmpuint (listed->len, ==, 2);

  /* Each save is in the trail: an entry for it and its seal. */
  g_assert_null (heard_test_verify_audit (f->store, &n_after));
  g_assert_cmpuint (n_after, ==, n_entries + 2 * 3);
}

/* An export noted: an audit entry of its own, which the whole trail's check
 * still holds with, and no "changed" (no record anyone sees changed). What
 * it names must be the young person's: another's statement or plan, a
 * version that is not there, an unknown young person or recipient are
 * refused, and nothing is written. */
static void
test_exports (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(HeardExportNote) note = heard_export_note_new (HEARD_EXPORT_PDF,
                                                           "meeting:school,police");
  g_autoptr(HeardExportNote) refused = NULL;
  g_autoptr(GError) error = NULL;
  gint64 person_id, other_person_id, plan_id, statement_id, other_statement_id, entry, later;
  guint n_entries = 0, n_after = 0;

  person_id = save_person (f, 0, "Amira Haddad");
  other_person_id = save_person (f, 0, "Ben Carter");
  plan_id = start_plan (f, person_id);
  statement_id = record_statement (f, person_id);
  other_statement_id = record_statement (f, other_person_id);
  f->n_changes = 0;
  g_assert_null (heard_test_verify_audit (f->store, &n_entries));

  note->plan_id = plan_id;
  note->plan_version = 1;
  note->n_check_ins = 3;
  heard_export_note_add_statement (note, statement_id, 1);
  heard_store_note_export_async (f->store, person_id, note, ASYNC (f));
  entry = heard_store_note_export_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpint (entry, >, 0);
  assert_unchanged (f);
  g_assert_null (heard_test_verify_audit (f->store, &n_after));
  g_assert_cmpuint (n_after, ==, n_entries + 1);

  /* A second export is an entry after the first. */
  heard_store_note_export_async (f->store, person_id, note, ASYNC (f));
  later = heard_store_note_export_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpint (later, >, entry);

  refused = heard_export_note_copy (note);
  heard_export_note_add_statement (refused, other_statement_id, 1);
  heard_store_note_export_async (f->store, person_id, refused, ASYNC (f));
  g_assert_cmpint (heard_store_note_export_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&refused, heard_export_note_free);

  refused = heard_export_note_copy (note);
  heard_export_note_add_statement (refused, statement_id, 2);
  heard_store_note_export_async (f->store, person_id, refused, ASYNC (f));
  g_assert_cmpint (heard_store_note_export_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&refused, heard_export_note_free);

  refused = heard_export_note_copy (note);
  refused->plan_version = 2;
  heard_store_note_export_async (f->store, person_id, refused, ASYNC (f));
  g_assert_cmpint (heard_store_note_export_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&refused, heard_export_note_free);

  heard_store_note_export_async (f->store, other_person_id, note, ASYNC (f));
  g_assert_cmpint (heard_store_note_export_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  refused = heard_export_note_new (HEARD_EXPORT_CHECK_INS_CSV, "own-team");
  heard_store_note_export_async (f->store, person_id + 100, refused, ASYNC (f));
  g_assert_cmpint (heard_store_note_export_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&refused, heard_export_note_free);

  refused = heard_export_note_new (HEARD_EXPORT_PRINT, "agency:nobody");
  heard_store_note_export_async (f->store, person_id, refused, ASYNC (f));
  g_assert_cmpint (heard_store_note_export_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (heard_test_verify_audit (f->store, &n_after));
  g_assert_cmpuint (n_after, ==, n_entries + 2);
}

/* HeardStore is only an interface: there is no store without a backend. */
/* The agencies directory */

static gint64
save_agency (Fixture              *f,
             HeardDirectoryAgency *agency)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  heard_store_save_agency_async (f->store, agency, ASYNC (f));
  id = heard_store_save_agency_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  assert_changed (f, HEARD_RECORD_KIND_AGENCY, 0, id);

  return id;
}

static gint64
add_agency (Fixture         *f,
            HeardAgencyType  type,
            const char      *name)
{
  g_autoptr(HeardDirectoryAgency) agency = heard_directory_agency_new (type, name);

  return save_agency (f, agency);
}

static GPtrArray *
list_agencies (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *agencies;

  heard_store_list_agencies_async (f->store, ASYNC (f));
  agencies = heard_store_list_agencies_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);

  return agencies;
}

/* Two schools are two entries; a change is kept, a retired entry stays
 * listed (records name it) and is retired once only; a bad name is refused
 * naming the field. */
static void
test_agencies (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(HeardDirectoryAgency) school = heard_directory_agency_new (HEARD_AGENCY_TYPE_SCHOOL,
                                                                       "Northgate Academy");
  g_autoptr(HeardDirectoryAgency) bad = heard_directory_agency_new (HEARD_AGENCY_TYPE_HEALTH,
                                                                    "Clinic \xff");
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (501, 'a');
  gint64 school_id, other_id;
  HeardDirectoryAgency *listed;

  heard_directory_agency_set_text (school, HEARD_DIRECTORY_AGENCY_CONTACT_NAME, "Ms Adeyemi");
  heard_directory_agency_set_text (school, HEARD_DIRECTORY_AGENCY_CONTACT_HOW, "01632 960123");
  school_id = save_agency (f, school);
  other_id = add_agency (f, HEARD_AGENCY_TYPE_SCHOOL, "Riverside College");
  g_assert_cmpint (other_id, !=, school_id);

  heard_directory_agency_set_id (school, school_id);
  heard_directory_agency_set_text (school, HEARD_DIRECTORY_AGENCY_CONTACT_NAME, "Mr Lindqvist");
  g_assert_cmpint (save_agency (f, school), ==, school_id);

  heard_store_retire_agency_async (f->store, other_id, ASYNC (f));
  g_assert_true (heard_store_retire_agency_finish (f->store, result_of (f), &error));
  g_assert_no_error (error);
  assert_changed (f, HEARD_RECORD_KIND_AGENCY, 0, other_id);
  heard_store_retire_agency_async (f->store, other_id, ASYNC (f));
  g_assert_false (heard_store_retire_agency_finish (f->store, result_of (f), &error));
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  agencies = list_agencies (f);
  g_assert_cmpuint (agencies->len, ==, 2);
  listed = g_ptr_array_index (agencies, 0);
  g_assert_cmpstr (heard_directory_agency_get_text (listed, HEARD_DIRECTORY_AGENCY_NAME), ==,
                   "Northgate Academy");
  g_assert_cmpstr (heard_directory_agency_get_text (listed, HEARD_DIRECTORY_AGENCY_CONTACT_NAME),
                   ==, "Mr Lindqvist");
  g_assert_cmpint (heard_directory_agency_get_agency_type (listed), ==, HEARD_AGENCY_TYPE_SCHOOL);
  g_assert_false (heard_directory_agency_get_retired (listed));
  g_assert_true (heard_directory_agency_get_retired (g_ptr_array_index (agencies, 1)));

  /* Changed while retired, it stays retired; saved as not retired, it is
   * offered again. */
  listed = g_ptr_array_index (agencies, 1);
  heard_directory_agency_set_text (listed, HEARD_DIRECTORY_AGENCY_CONTACT_HOW, "Reception");
  g_assert_cmpint (save_agency (f, listed), ==, other_id);
  g_clear_pointer (&agencies, g_ptr_array_unref);
  agencies = list_agencies (f);
  listed = g_ptr_array_index (agencies, 1);
  g_assert_true (heard_directory_agency_get_retired (listed));
  g_assert_cmpstr (heard_directory_agency_get_text (listed, HEARD_DIRECTORY_AGENCY_CONTACT_HOW),
                   ==, "Reception");
  heard_directory_agency_set_retired (listed, FALSE);
  g_assert_cmpint (save_agency (f, listed), ==, other_id);
  g_clear_pointer (&agencies, g_ptr_array_unref);
  agencies = list_agencies (f);
  g_assert_false (heard_directory_agency_get_retired (g_ptr_array_index (agencies, 1)));

  heard_store_save_agency_async (f->store, bad, ASYNC (f));
  g_assert_cmpint (heard_store_save_agency_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  heard_directory_agency_set_text (bad, HEARD_DIRECTORY_AGENCY_NAME, long_name);
  heard_store_save_agency_async (f->store, bad, ASYNC (f));
  g_assert_cmpint (heard_store_save_agency_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Agency"));
  g_clear_error (&error);
  g_assert_null (heard_test_verify_audit (f->store, NULL));
}

/* The one action of @plan_id's first area, as loaded. */
static HeardPlanAction *
load_first_action (Fixture *f,
                   gint64   person_id,
                   gint64   plan_id)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;

  heard_store_load_plans_async (f->store, person_id, ASYNC (f));
  plans = heard_store_load_plans_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < plans->len; i++)
    if (heard_plan_get_id (g_ptr_array_index (plans, i)) == plan_id)
      {
        g_autoptr(HeardPlanArea) area = g_list_model_get_item (
          heard_plan_get_areas (g_ptr_array_index (plans, i)), 0);

        return g_list_model_get_item (heard_plan_area_get_actions (area), 0);
      }
  g_assert_not_reached ();
}

/* An action's owner and a young person's agencies involved name directory
 * entries beside their kinds: kept and listed, refused when the entry does
 * not serve the kind, fixed with the rest once the plan is signed off, and
 * carried into the plan's next version. */
static void
test_agency_owners (Fixture       *f,
                    gconstpointer  data)
{
  gint64 northgate = add_agency (f, HEARD_AGENCY_TYPE_SCHOOL, "Northgate Academy");
  gint64 riverside = add_agency (f, HEARD_AGENCY_TYPE_SCHOOL, "Riverside College");
  gint64 clinic = add_agency (f, HEARD_AGENCY_TYPE_HEALTH, "Eastfield Clinic");
  g_autoptr(HeardPerson) person = heard_person_new ();
  g_autoptr(HeardPlanAction) action = NULL;
  g_autoptr(HeardPlanAction) loaded = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { riverside, northgate };
  const gint64 *listed;
  gint64 person_id, supervisor_id, plan_id, area_id, next_id;
  guint n_listed;

  heard_person_set_text (person, HEARD_PERSON_DISPLAY_NAME, "Amira Haddad");
  heard_person_set_text (person, HEARD_PERSON_AGENCIES, "school,police");
  heard_person_set_agency_ids (person, ids, G_N_ELEMENTS (ids));
  heard_store_save_person_async (f->store, person, ASYNC (f));
  person_id = heard_store_save_person_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  assert_changed (f, HEARD_RECORD_KIND_PERSON, person_id, person_id);

  heard_store_list_people_async (f->store, ASYNC (f));
  people = heard_store_list_people_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  listed = heard_person_get_agency_ids (g_ptr_array_index (people, 0), &n_listed);
  g_assert_cmpuint (n_listed, ==, 2);
  g_assert_cmpint (listed[0], ==, northgate);
  g_assert_cmpint (listed[1], ==, riverside);
  g_assert_cmpstr (heard_person_get_text (g_ptr_array_index (people, 0), HEARD_PERSON_AGENCIES),
                   ==, "school,police");

  /* A health entry for a record that names no health agency. */
  heard_person_set_id (person, person_id);
  heard_person_set_agency_ids (person, &clinic, 1);
  heard_store_save_person_async (f->store, person, ASYNC (f));
  g_assert_cmpint (heard_store_save_person_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  supervisor_id = save_supervisor (f);
  plan_id = start_plan (f, person_id);
  area_id = save_area (f, person_id, plan_id);
  action = action_new (plan_id, area_id);
  heard_plan_action_set_owner_agency_id (action, riverside);
  heard_store_save_action_async (f->store, action, ASYNC (f));
  heard_plan_action_set_id (action, heard_store_save_action_finish (f->store, result_of (f),
                                                                    &error));
  g_assert_no_error (error);
  assert_changed (f, HEARD_RECORD_KIND_PLAN, person_id, plan_id);
  loaded = load_first_action (f, person_id, plan_id);
  g_assert_cmpint (heard_plan_action_get_owner (loaded), ==, HEARD_AGENCY_SCHOOL);
  g_assert_cmpint (heard_plan_action_get_owner_agency_id (loaded), ==, riverside);
  g_clear_object (&loaded);

  /* A school does not serve an action the police own. */
  heard_plan_action_set_owner (action, HEARD_AGENCY_POLICE);
  heard_store_save_action_async (f->store, action, ASYNC (f));
  g_assert_cmpint (heard_store_save_action_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  loaded = load_first_action (f, person_id, plan_id);
  g_assert_cmpint (heard_plan_action_get_owner (loaded), ==, HEARD_AGENCY_SCHOOL);
  g_assert_cmpint (heard_plan_action_get_owner_agency_id (loaded), ==, riverside);
  g_clear_object (&loaded);

  heard_plan_action_set_owner (action, HEARD_AGENCY_SCHOOL);
  heard_plan_action_set_owner_agency_id (action, northgate);
  g_assert_cmpint (save_action_object (f, person_id, action), ==,
                   heard_plan_action_get_id (action));

  heard_store_submit_plan_async (f->store, plan_id, ASYNC (f));
  g_assert_true (heard_store_submit_plan_finish (f->store, result_of (f), &error));
  g_assert_no_error (error);
  assert_changed (f, HEARD_RECORD_KIND_PLAN, person_id, plan_id);
  decide (f, person_id, plan_id, supervisor_id, HEARD_PLAN_EVENT_SIGN_OFF);

  /* Signed off, the owner is fixed: the other school is refused. */
  heard_plan_action_set_owner_agency_id (action, riverside);
  heard_store_save_action_async (f->store, action, ASYNC (f));
  g_assert_cmpint (heard_store_save_action_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_NOT_EDITABLE);
  g_clear_error (&error);
  heard_plan_action_set_owner_agency_id (action, northgate);
  heard_plan_action_set_status (action, HEARD_ACTION_IN_PROGRESS);
  g_assert_cmpint (save_action_object (f, person_id, action), ==,
                   heard_plan_action_get_id (action));

  /* The open action on the caseload names the school, not the kind. */
  {
    g_autoptr(GPtrArray) items = NULL;
    gboolean named = FALSE;

    heard_store_list_open_items_async (f->store, person_id, ASYNC (f));
    items = heard_store_list_open_items_finish (f->store, result_of (f), &error);
    g_assert_no_error (error);
    for (guint i = 0; i < items->len; i++)
      named = named || strstr (heard_open_item_get_detail (g_ptr_array_index (items, i)),
                               "Northgate Academy (Ms Patel)") != NULL;
    g_assert_true (named);
  }

  next_id = start_plan (f, person_id);
  loaded = load_first_action (f, person_id, next_id);
  g_assert_cmpint (heard_plan_action_get_id (loaded), !=, heard_plan_action_get_id (action));
  g_assert_cmpint (heard_plan_action_get_owner_agency_id (loaded), ==, northgate);
  g_assert_null (heard_test_verify_audit (f->store, NULL));
}

/* Warning signs and strengths */

static HeardChronologyEntry *
sign_new (gint64      person_id,
          gint64      agency_id,
          const char *day)
{
  HeardChronologyEntry *entry = heard_chronology_entry_new (person_id, HEARD_ENTRY_SIGN_OF_HARM,
                                                            "missing-episode");
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, day);
  g_assert_true (g_date_valid (&date));
  heard_chronology_entry_set_when (entry, HEARD_DATE_PRECISION_DAY, &date, NULL);
  heard_chronology_entry_set_agency_id (entry, agency_id);
  heard_chronology_entry_set_text (entry, HEARD_CHRONOLOGY_REPORTER, "PC Harlow");
  heard_chronology_entry_set_text (entry, HEARD_CHRONOLOGY_SEEN,
                                   "Found at the bus station at 2am, cold and quiet.");
  return entry;
}

static gint64
record_entry (Fixture              *f,
              HeardChronologyEntry *entry)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  heard_store_record_chronology_entry_async (f->store, entry, ASYNC (f));
  id = heard_store_record_chronology_entry_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  assert_changed (f, HEARD_RECORD_KIND_CHRONOLOGY,
                  heard_chronology_entry_get_person_id (entry), id);

  return id;
}

static void
refuse_entry (Fixture              *f,
              HeardChronologyEntry *entry,
              int                   code)
{
  g_autoptr(GError) error = NULL;

  heard_store_record_chronology_entry_async (f->store, entry, ASYNC (f));
  g_assert_cmpint (heard_store_record_chronology_entry_finish (f->store, result_of (f), &error),
                   ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, code);
}

static GPtrArray *
list_chronology (Fixture *f,
                 gint64   person_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;

  heard_store_list_chronology_async (f->store, person_id, ASYNC (f));
  entries = heard_store_list_chronology_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);

  return entries;
}

/* Recorded and listed earliest first (an approximate day from its earliest
 * day, said so); an amendment keeps the original; a link to another young
 * person's statement, a kind not of the entry's nature, invalid UTF-8 or
 * words too long are refused, naming the field; and the file refuses to
 * change a version. */
static void
test_chronology (Fixture       *f,
                 gconstpointer  data)
{
  gint64 person_id = save_person (f, 0, "Kezia Obi");
  gint64 other_id = save_person (f, 0, "Tom Reyes");
  gint64 police_id = add_agency (f, HEARD_AGENCY_TYPE_POLICE, "Eastside police team");
  gint64 theirs = record_statement (f, other_id);
  gint64 mine = record_statement (f, person_id);
  g_autoptr(HeardChronologyEntry) sign = sign_new (person_id, police_id, "2024-06-20");
  g_autoptr(HeardChronologyEntry) strength = NULL;
  g_autoptr(HeardChronologyEntry) amended = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) kinds = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *too_long = g_strnfill (HEARD_STATEMENT_MAX_WORDS_CHARS + 1, 'x');
  GDate may;
  gint64 sign_id, strength_id;

  heard_store_list_chronology_kinds_async (f->store, ASYNC (f));
  kinds = heard_store_list_chronology_kinds_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kinds->len, ==, 19);
  g_assert_cmpstr (((HeardEntryKind *) g_ptr_array_index (kinds, 0))->code, ==,
                   "missing-episode");

  heard_chronology_entry_set_statement_id (sign, mine);
  sign_id = record_entry (f, sign);

  strength = heard_chronology_entry_new (person_id, HEARD_ENTRY_STRENGTH, "relationship");
  g_date_clear (&may, 1);
  g_date_set_dmy (&may, 15, G_DATE_MAY, 2024);
  heard_chronology_entry_set_when (strength, HEARD_DATE_PRECISION_MONTH, &may, NULL);
  heard_chronology_entry_set_agency_id (strength, police_id);
  heard_chronology_entry_set_text (strength, HEARD_CHRONOLOGY_SEEN, "Reconnected with her nan.");
  strength_id = record_entry (f, strength);

  entries = list_chronology (f, person_id);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpint (heard_chronology_entry_get_id (g_ptr_array_index (entries, 0)), ==,
                   strength_id);
  g_assert_cmpstr (heard_chronology_entry_get_earliest_day (g_ptr_array_index (entries, 0)), ==,
                   "2024-05-01");
  g_assert_cmpstr (heard_chronology_entry_get_latest_day (g_ptr_array_index (entries, 0)), ==,
                   "2024-05-31");
  when = heard_chronology_entry_describe_when (g_ptr_array_index (entries, 0));
  g_assert_cmpstr (when, ==, "some time in May 2024");
  g_assert_cmpint (heard_chronology_entry_get_statement_id (g_ptr_array_index (entries, 1)), ==,
                   mine);

  amended = heard_chronology_entry_copy (g_ptr_array_index (entries, 1));
  heard_chronology_entry_set_version (amended, 2);
  heard_chronology_entry_set_text (amended, HEARD_CHRONOLOGY_SEEN,
                                   "Found at the coach station at 2am, cold and quiet.");
  heard_store_amend_chronology_entry_async (f->store, amended, ASYNC (f));
  g_assert_cmpint (heard_store_amend_chronology_entry_finish (f->store, result_of (f), &error),
                   ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  heard_chronology_entry_set_text (amended, HEARD_CHRONOLOGY_REASON, "The station was wrong.");
  heard_store_amend_chronology_entry_async (f->store, amended, ASYNC (f));
  g_assert_cmpint (heard_store_amend_chronology_entry_finish (f->store, result_of (f), &error),
                   ==, sign_id);
  g_assert_no_error (error);
  assert_changed (f, HEARD_RECORD_KIND_CHRONOLOGY, person_id, sign_id);
  /* The same amendment again is made on an old version: refused. */
  heard_store_amend_chronology_entry_async (f->store, amended, ASYNC (f));
  g_assert_cmpint (heard_store_amend_chronology_entry_finish (f->store, result_of (f), &error),
                   ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  heard_store_list_chronology_history_async (f->store, sign_id, ASYNC (f));
  history = heard_store_list_chronology_history_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (heard_chronology_entry_get_text (g_ptr_array_index (history, 0),
                                                    HEARD_CHRONOLOGY_SEEN), ==,
                   "Found at the bus station at 2am, cold and quiet.");
  g_assert_cmpstr (heard_chronology_entry_get_text (g_ptr_array_index (history, 1),
                                                    HEARD_CHRONOLOGY_SEEN), ==,
                   "Found at the coach station at 2am, cold and quiet.");
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = list_chronology (f, person_id);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpuint (heard_chronology_entry_get_version (g_ptr_array_index (entries, 1)), ==, 2);

  /* Another young person's statement, or an action that is not theirs. */
  heard_chronology_entry_set_statement_id (sign, theirs);
  refuse_entry (f, sign, HEARD_STORE_ERROR_INVALID);
  heard_chronology_entry_set_statement_id (sign, 0);
  heard_chronology_entry_set_action_id (sign, 4242);
  refuse_entry (f, sign, HEARD_STORE_ERROR_INVALID);
  heard_chronology_entry_set_action_id (sign, 0);
  /* A strength's kind for a sign; a kind the records do not list. */
  heard_chronology_entry_set_kind (sign, "turning-point");
  refuse_entry (f, sign, HEARD_STORE_ERROR_INVALID);
  heard_chronology_entry_set_kind (sign, "no-such-kind");
  refuse_entry (f, sign, HEARD_STORE_ERROR_INVALID);
  heard_chronology_entry_set_kind (sign, "self-harm");
  /* An agency not in the directory. */
  heard_chronology_entry_set_agency_id (sign, police_id + 100);
  refuse_entry (f, sign, HEARD_STORE_ERROR_NOT_FOUND);
  heard_chronology_entry_set_agency_id (sign, police_id);
  /* Invalid UTF-8 and words too long, each naming the field. */
  heard_chronology_entry_set_text (sign, HEARD_CHRONOLOGY_SEEN, "Seen \xc3\x28 there");
  heard_store_record_chronology_entry_async (f->store, sign, ASYNC (f));
  g_assert_cmpint (heard_store_record_chronology_entry_finish (f->store, result_of (f), &error),
                   ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  heard_chronology_entry_set_text (sign, HEARD_CHRONOLOGY_SEEN, too_long);
  heard_store_record_chronology_entry_async (f->store, sign, ASYNC (f));
  g_assert_cmpint (heard_store_record_chronology_entry_finish (f->store, result_of (f), &error),
                   ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "What was seen"));
  g_clear_error (&error);

  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = list_chronology (f, person_id);
  g_assert_cmpuint (entries->len, ==, 2);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = list_chronology (f, other_id);
  g_assert_cmpuint (entries->len, ==, 0);
  g_assert_null (heard_test_verify_audit (f->store, NULL));
}

static GPtrArray *
list_decisions (Fixture *f,
                gint64   person_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *decisions;

  heard_store_list_cluster_decisions_async (f->store, person_id, ASYNC (f));
  decisions = heard_store_list_cluster_decisions_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);

  return decisions;
}

/* A meeting held is kept with the signs it covered; "no further action"
 * without a supervisor's passphrase, or with a wrong one, is refused; with
 * it, kept with the supervisor's name. A strength or another young
 * person's sign cannot be covered. */
static void
test_cluster_decisions (Fixture       *f,
                        gconstpointer  data)
{
  gint64 person_id = save_person (f, 0, "Kezia Obi");
  gint64 other_id = save_person (f, 0, "Tom Reyes");
  gint64 supervisor_id = save_supervisor (f);
  gint64 school_id = add_agency (f, HEARD_AGENCY_TYPE_SCHOOL, "Northgate Academy");
  g_autoptr(HeardChronologyEntry) first = sign_new (person_id, school_id, "2024-06-01");
  g_autoptr(HeardChronologyEntry) second = sign_new (person_id, school_id, "2024-06-09");
  g_autoptr(HeardChronologyEntry) theirs = sign_new (other_id, school_id, "2024-06-09");
  g_autoptr(HeardClusterDecision) meeting = heard_cluster_decision_new (person_id,
                                                                        HEARD_CLUSTER_MEETING_HELD);
  g_autoptr(HeardClusterDecision) nfa = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first_id = record_entry (f, first);
  gint64 second_id = record_entry (f, second);
  gint64 their_id = record_entry (f, theirs);
  gint64 meeting_id, nfa_id;
  const gint64 *ids;
  gsize n_ids;

  heard_cluster_decision_add_sign_id (meeting, second_id);
  heard_cluster_decision_add_sign_id (meeting, first_id);
  heard_cluster_decision_set_text (meeting, HEARD_CLUSTER_DECISION_DECIDED_BY, "Sam Patel");
  heard_cluster_decision_set_text (meeting, HEARD_CLUSTER_DECISION_DECIDED_ON, "2024-06-12");
  heard_store_record_cluster_decision_async (f->store, meeting, NULL, ASYNC (f));
  meeting_id = heard_store_record_cluster_decision_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpint (meeting_id, >, 0);
  assert_changed (f, HEARD_RECORD_KIND_CLUSTER_DECISION, person_id, meeting_id);

  nfa = heard_cluster_decision_new (person_id, HEARD_CLUSTER_NO_FURTHER_ACTION);
  heard_cluster_decision_add_sign_id (nfa, first_id);
  heard_cluster_decision_set_text (nfa, HEARD_CLUSTER_DECISION_DECIDED_BY, "Sam Patel");
  heard_cluster_decision_set_text (nfa, HEARD_CLUSTER_DECISION_DECIDED_ON, "2024-06-12");
  heard_cluster_decision_set_text (nfa, HEARD_CLUSTER_DECISION_WHY,
                                   "Already known; the plan covers it.");
  /* No supervisor, then a supervisor without a passphrase, then a wrong one. */
  heard_store_record_cluster_decision_async (f->store, nfa, SUPERVISOR_PASSPHRASE, ASYNC (f));
  g_assert_cmpint (heard_store_record_cluster_decision_finish (f->store, result_of (f), &error),
                   ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  heard_cluster_decision_set_supervisor (nfa, supervisor_id, NULL);
  heard_store_record_cluster_decision_async (f->store, nfa, NULL, ASYNC (f));
  g_assert_cmpint (heard_store_record_cluster_decision_finish (f->store, result_of (f), &error),
                   ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  heard_store_record_cluster_decision_async (f->store, nfa, "not the passphrase", ASYNC (f));
  g_assert_cmpint (heard_store_record_cluster_decision_finish (f->store, result_of (f), &error),
                   ==, 0);
  assert_refused (f, error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  heard_store_record_cluster_decision_async (f->store, nfa, SUPERVISOR_PASSPHRASE, ASYNC (f));
  nfa_id = heard_store_record_cluster_decision_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  assert_changed (f, HEARD_RECORD_KIND_CLUSTER_DECISION, person_id, nfa_id);

  /* Another young person's sign. */
  heard_cluster_decision_add_sign_id (meeting, their_id);
  heard_store_record_cluster_decision_async (f->store, meeting, NULL, ASYNC (f));
  g_assert_cmpint (heard_store_record_cluster_decision_finish (f->store, result_of (f), &error),
                   ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  decisions = list_decisions (f, person_id);
  g_assert_cmpuint (decisions->len, ==, 2);
  ids = heard_cluster_decision_get_sign_ids (g_ptr_array_index (decisions, 0), &n_ids);
  g_assert_cmpuint (n_ids, ==, 2);
  g_assert_cmpint (ids[0], ==, first_id);
  g_assert_cmpint (ids[1], ==, second_id);
  g_assert_cmpint (heard_cluster_decision_get_outcome (g_ptr_array_index (decisions, 1)), ==,
                   HEARD_CLUSTER_NO_FURTHER_ACTION);
  g_assert_cmpstr (heard_cluster_decision_get_supervisor_name (g_ptr_array_index (decisions, 1)),
                   ==, "Dana Okafor");
  g_clear_pointer (&decisions, g_ptr_array_unref);
  decisions = list_decisions (f, other_id);
  g_assert_cmpuint (decisions->len, ==, 0);
  g_assert_null (heard_test_verify_audit (f->store, NULL));
}

static void
get_numbers (Fixture             *f,
             HeardClusterNumbers *numbers)
{
  g_autoptr(GError) error = NULL;

  heard_store_get_cluster_numbers_async (f->store, ASYNC (f));
  g_assert_true (heard_store_get_cluster_numbers_finish (f->store, result_of (f), numbers,
                                                         &error));
  g_assert_no_error (error);
}

/* The three numbers start at 3, 2 and 28; without a supervisor's
 * passphrase, or with a wrong one, nothing changes; with it they change,
 * audited with the old and new values. */
static void
test_cluster_numbers (Fixture       *f,
                      gconstpointer  data)
{
  HeardClusterNumbers numbers, read;
  HeardClusterNumbers stricter = { 4, 2, 21 };
  HeardClusterNumbers silly = { 1, 0, 0 };
  g_autoptr(GError) error = NULL;
  gint64 supervisor_id = save_supervisor (f);
  guint n_before = 0, n_after = 0;

  get_numbers (f, &numbers);
  g_assert_cmpuint (numbers.min_signs, ==, 3);
  g_assert_cmpuint (numbers.min_agencies, ==, 2);
  g_assert_cmpuint (numbers.max_span_days, ==, 28);

  heard_store_set_cluster_numbers_async (f->store, &stricter, supervisor_id, NULL, ASYNC (f));
  g_assert_false (heard_store_set_cluster_numbers_finish (f->store, result_of (f), &error));
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  heard_store_set_cluster_numbers_async (f->store, &stricter, 0, SUPERVISOR_PASSPHRASE,
                                         ASYNC (f));
  g_assert_false (heard_store_set_cluster_numbers_finish (f->store, result_of (f), &error));
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  heard_store_set_cluster_numbers_async (f->store, &stricter, supervisor_id, "wrong words",
                                         ASYNC (f));
  g_assert_false (heard_store_set_cluster_numbers_finish (f->store, result_of (f), &error));
  assert_refused (f, error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  heard_store_set_cluster_numbers_async (f->store, &silly, supervisor_id, SUPERVISOR_PASSPHRASE,
                                         ASYNC (f));
  g_assert_false (heard_store_set_cluster_numbers_finish (f->store, result_of (f), &error));
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  get_numbers (f, &read);
  g_assert_cmpuint (read.min_signs, ==, 3);
  g_assert_cmpuint (read.max_span_days, ==, 28);

  g_assert_null (heard_test_verify_audit (f->store, &n_before));
  heard_store_set_cluster_numbers_async (f->store, &stricter, supervisor_id,
                                         SUPERVISOR_PASSPHRASE, ASYNC (f));
  g_assert_true (heard_store_set_cluster_numbers_finish (f->store, result_of (f), &error));
  g_assert_no_error (error);
  assert_changed (f, HEARD_RECORD_KIND_CLUSTER_NUMBERS, 0, 1);
  get_numbers (f, &read);
  g_assert_cmpuint (read.min_signs, ==, 4);
  g_assert_cmpuint (read.min_agencies, ==, 2);
  g_assert_cmpuint (read.max_span_days, ==, 21);
  g_assert_null (heard_test_verify_audit (f->store, &n_after));
  g_assert_cmpuint (n_after, ==, n_before + 1);
}

/* The sharing log */

static HeardSharingEntry *
share_new (gint64 person_id,
           gint64 agency_id)
{
  HeardSharingEntry *entry = heard_sharing_entry_new (person_id, HEARD_SHARING_SHARED);

  heard_sharing_entry_set_agency_id (entry, agency_id);
  heard_sharing_entry_set_shared_on (entry, "2026-01-05");
  heard_sharing_entry_set_lawful_basis (entry, "consent");
  heard_sharing_entry_set_text (entry, HEARD_SHARING_WHAT, "The support plan");
  heard_sharing_entry_set_text (entry, HEARD_SHARING_NECESSARY, "School can help her settle.");
  heard_sharing_entry_set_text (entry, HEARD_SHARING_PURPOSE, "Support at school");
  heard_sharing_entry_set_agreed (entry, HEARD_SHARING_AGREED_YES);
  heard_sharing_entry_set_told (entry, TRUE);
  return entry;
}

static GPtrArray *
list_sharing (Fixture *f,
              gint64   person_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;

  heard_store_list_sharing_async (f->store, person_id, ASYNC (f));
  entries = heard_store_list_sharing_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  return entries;
}

static GPtrArray *
list_unlogged (Fixture *f,
               gint64   person_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *drafts;

  heard_store_list_unlogged_exports_async (f->store, person_id, ASYNC (f));
  drafts = heard_store_list_unlogged_exports_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  return drafts;
}

/* Recording and amending give one "changed" each; the log lists the newest
 * version with its links, the history every version; the lawful bases are
 * listed; what is another young person's, or not in the records, is
 * refused; an export is a draft until an entry completes it, and only one
 * entry may. */
static void
test_sharing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(HeardSharingEntry) entry = NULL;
  g_autoptr(HeardSharingEntry) amended = NULL;
  g_autoptr(HeardSharingEntry) refused = NULL;
  g_autoptr(HeardExportNote) note = NULL;
  g_autoptr(GPtrArray) bases = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *recipient = NULL;
  const HeardSharingLink *links;
  HeardSharingEntry *draft;
  gint64 person_id, other_id, agency_id, statement_id, other_statement_id, plan_id, id, export_id;
  guint n_links, n_entries = 0;

  person_id = save_person (f, 0, "Amira Haddad");
  other_id = save_person (f, 0, "Ben Carter");
  agency_id = add_agency (f, HEARD_AGENCY_TYPE_SCHOOL, "Northgate Academy");
  statement_id = record_statement (f, person_id);
  other_statement_id = record_statement (f, other_id);
  plan_id = start_plan (f, person_id);
  f->n_changes = 0;

  heard_store_list_lawful_bases_async (f->store, ASYNC (f));
  bases = heard_store_list_lawful_bases_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bases->len, ==, 6);
  g_assert_cmpstr (heard_lawful_basis_get_code (g_ptr_array_index (bases, 0)), ==, "consent");
  g_assert_cmpstr (heard_lawful_basis_get_label (g_ptr_array_index (bases, 0)), ==, "Consent");
  g_assert_cmpstr (heard_lawful_basis_get_explanation (g_ptr_array_index (bases, 5)), !=, "");

  entry = share_new (person_id, agency_id);
  heard_sharing_entry_add_link (entry, HEARD_SHARING_LINK_STATEMENT, statement_id);
  heard_sharing_entry_add_link (entry, HEARD_SHARING_LINK_PLAN, plan_id);
  heard_store_record_sharing_entry_async (f->store, entry, ASYNC (f));
  id = heard_store_record_sharing_entry_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  assert_changed (f, HEARD_RECORD_KIND_SHARING, person_id, id);

  entries = list_sharing (f, person_id);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpint (heard_sharing_entry_get_id (g_ptr_array_index (entries, 0)), ==, id);
  g_assert_cmpstr (heard_sharing_entry_get_lawful_basis (g_ptr_array_index (entries, 0)), ==,
                   "consent");
  g_assert_cmpstr (heard_sharing_entry_get_saved_by (g_ptr_array_index (entries, 0)), !=, "");
  links = heard_sharing_entry_get_links (g_ptr_array_index (entries, 0), &n_links);
  g_assert_cmpuint (n_links, ==, 2);
  g_assert_cmpint (links[0].kind, ==, HEARD_SHARING_LINK_PLAN);
  g_assert_cmpint (links[0].id, ==, plan_id);
  g_assert_cmpint (links[1].kind, ==, HEARD_SHARING_LINK_STATEMENT);
  g_assert_cmpint (links[1].id, ==, statement_id);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = list_sharing (f, other_id);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  amended = heard_sharing_entry_copy (entry);
  heard_sharing_entry_set_id (amended, id);
  heard_sharing_entry_set_version (amended, 2);
  heard_sharing_entry_set_text (amended, HEARD_SHARING_WHAT, "The support plan, version 1");
  heard_sharing_entry_set_text (amended, HEARD_SHARING_REASON, "Which version it was.");
  heard_store_amend_sharing_entry_async (f->store, amended, ASYNC (f));
  g_assert_cmpint (heard_store_amend_sharing_entry_finish (f->store, result_of (f), &error), ==,
                   id);
  g_assert_no_error (error);
  assert_changed (f, HEARD_RECORD_KIND_SHARING, person_id, id);
  /* The same version again is out of turn. */
  heard_store_amend_sharing_entry_async (f->store, amended, ASYNC (f));
  g_assert_cmpint (heard_store_amend_sharing_entry_finish (f->store, result_of (f), &error), ==,
                   0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  heard_store_list_sharing_history_async (f->store, id, ASYNC (f));
  history = heard_store_list_sharing_history_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (heard_sharing_entry_get_text (g_ptr_array_index (history, 0),
                                                 HEARD_SHARING_WHAT), ==, "The support plan");
  g_assert_cmpstr (heard_sharing_entry_get_text (g_ptr_array_index (history, 1),
                                                 HEARD_SHARING_REASON), ==,
                   "Which version it was.");

  /* Another young person's statement; an agency or a basis not in the records. */
  refused = share_new (person_id, agency_id);
  heard_sharing_entry_add_link (refused, HEARD_SHARING_LINK_STATEMENT, other_statement_id);
  heard_store_record_sharing_entry_async (f->store, refused, ASYNC (f));
  g_assert_cmpint (heard_store_record_sharing_entry_finish (f->store, result_of (f), &error), ==,
                   0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&refused);
  refused = share_new (person_id, agency_id + 100);
  heard_store_record_sharing_entry_async (f->store, refused, ASYNC (f));
  g_assert_cmpint (heard_store_record_sharing_entry_finish (f->store, result_of (f), &error), ==,
                   0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  heard_sharing_entry_set_agency_id (refused, agency_id);
  heard_sharing_entry_set_lawful_basis (refused, "a hunch");
  heard_store_record_sharing_entry_async (f->store, refused, ASYNC (f));
  g_assert_cmpint (heard_store_record_sharing_entry_finish (f->store, result_of (f), &error), ==,
                   0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* An export is a draft to complete until an entry completes it. */
  recipient = g_strdup_printf ("agency:school:%" G_GINT64_FORMAT, agency_id);
  note = heard_export_note_new (HEARD_EXPORT_PRINT, recipient);
  note->plan_id = plan_id;
  note->plan_version = 1;
  heard_export_note_add_statement (note, statement_id, 1);
  heard_store_note_export_async (f->store, person_id, note, ASYNC (f));
  export_id = heard_store_note_export_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  drafts = list_unlogged (f, person_id);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);
  g_assert_cmpint (heard_sharing_entry_get_export_audit_id (draft), ==, export_id);
  g_assert_cmpint (heard_sharing_entry_get_agency_id (draft), ==, agency_id);
  g_assert_cmpint (heard_sharing_entry_get_method (draft), ==,
                   HEARD_SHARING_METHOD_PRINTED_REPORT);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = list_unlogged (f, other_id);
  g_assert_cmpuint (drafts->len, ==, 0);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  /* Another young person cannot complete it. */
  g_clear_object (&refused);
  refused = share_new (other_id, agency_id);
  heard_sharing_entry_set_export_audit_id (refused, export_id);
  heard_store_record_sharing_entry_async (f->store, refused, ASYNC (f));
  g_assert_cmpint (heard_store_record_sharing_entry_finish (f->store, result_of (f), &error), ==,
                   0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  drafts = list_unlogged (f, person_id);
  draft = g_object_ref (g_ptr_array_index (drafts, 0));
  heard_sharing_entry_set_lawful_basis (draft, "consent");
  heard_sharing_entry_set_text (draft, HEARD_SHARING_NECESSARY, "For the review meeting.");
  heard_sharing_entry_set_text (draft, HEARD_SHARING_PURPOSE, "The review");
  heard_sharing_entry_set_agreed (draft, HEARD_SHARING_AGREED_YES);
  heard_sharing_entry_set_told (draft, TRUE);
  heard_store_record_sharing_entry_async (f->store, draft, ASYNC (f));
  id = heard_store_record_sharing_entry_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  assert_changed (f, HEARD_RECORD_KIND_SHARING, person_id, id);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = list_unlogged (f, person_id);
  g_assert_cmpuint (drafts->len, ==, 0);
  /* A second entry completing the same export is refused. */
  heard_store_record_sharing_entry_async (f->store, draft, ASYNC (f));
  g_assert_cmpint (heard_store_record_sharing_entry_finish (f->store, result_of (f), &error), ==,
                   0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_object_unref (draft);

  g_assert_null (heard_test_verify_audit (f->store, &n_entries));
}

static void
test_codesign (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(HeardOwnWords) words = NULL;
  g_autoptr(HeardPlanSay) say = NULL;
  g_autoptr(HeardForThemMark) mark = NULL;
  g_autoptr(HeardCheckIn) check_in = NULL;
  g_autoptr(HeardExportNote) note = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) withholdings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  gint64 person_id, other_id, plan_id, other_plan_id, check_in_id, export_id, id;
  guint n_entries = 0;

  person_id = save_person (f, 0, "Amira Haddad");
  other_id = save_person (f, 0, "Ben Carter");
  plan_id = start_plan (f, person_id);
  save_area (f, person_id, plan_id);
  other_plan_id = start_plan (f, other_id);
  check_in = heard_test_check_in_new (plan_id, "2026-03-01", HEARD_AREA_EDUCATION, 7, 5);
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_WORKER_NOTE, "Tired today.");
  check_in_id = heard_test_save_check_in (f->store, check_in, &error);
  g_assert_no_error (error);
  f->n_changes = 0;

  /* Their own words: versions in turn, for an area of their own plan. */
  for (guint version = 1; version <= 2; version++)
    {
      g_autofree char *goal = g_strdup_printf ("Go to school %u days a week.", version + 2);

      g_clear_object (&words);
      words = heard_own_words_new (person_id, plan_id, HEARD_AREA_EDUCATION, HEARD_OWN_GOAL,
                                   goal);
      heard_store_record_own_words_async (f->store, words, ASYNC (f));
      id = heard_store_record_own_words_finish (f->store, result_of (f), &error);
      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
      assert_changed (f, HEARD_RECORD_KIND_CODESIGN, person_id, person_id);
    }
  heard_store_list_own_words_async (f->store, person_id, ASYNC (f));
  listed = heard_store_list_own_words_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpuint (heard_own_words_get_version (g_ptr_array_index (listed, 1)), ==, 2);
  g_assert_cmpstr (heard_own_words_get_words (g_ptr_array_index (listed, 0)), ==,
                   "Go to school 3 days a week.");
  g_assert_cmpint (heard_own_words_get_part (g_ptr_array_index (listed, 1)), ==, HEARD_OWN_GOAL);
  g_assert_cmpstr (heard_own_words_get_saved_at (g_ptr_array_index (listed, 1)), !=, "");
  g_clear_pointer (&listed, g_ptr_array_unref);
  g_clear_object (&words);
  words = heard_own_words_new (person_id, plan_id, HEARD_AREA_HOME, HEARD_OWN_WHAT_HELPS,
                               "Music.");
  heard_store_record_own_words_async (f->store, words, ASYNC (f));
  g_assert_cmpint (heard_store_record_own_words_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&words);
  words = heard_own_words_new (other_id, plan_id, HEARD_AREA_EDUCATION, HEARD_OWN_GOAL, "Mine.");
  heard_store_record_own_words_async (f->store, words, ASYNC (f));
  g_assert_cmpint (heard_store_record_own_words_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&words);
  words = heard_own_words_new (person_id, plan_id, HEARD_AREA_EDUCATION, HEARD_OWN_GOAL, "  ");
  heard_store_record_own_words_async (f->store, words, ASYNC (f));
  g_assert_cmpint (heard_store_record_own_words_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Their say on a plan version: on a draft too, every one kept. */
  say = heard_plan_say_new (plan_id, HEARD_SAY_DOES_NOT_AGREE, "Not the bit about Mondays.");
  heard_store_record_plan_say_async (f->store, say, ASYNC (f));
  id = heard_store_record_plan_say_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  assert_changed (f, HEARD_RECORD_KIND_CODESIGN, person_id, person_id);
  g_clear_object (&say);
  say = heard_plan_say_new (plan_id + other_plan_id + 100, HEARD_SAY_AGREES, "");
  heard_store_record_plan_say_async (f->store, say, ASYNC (f));
  g_assert_cmpint (heard_store_record_plan_say_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  heard_store_list_plan_says_async (f->store, person_id, ASYNC (f));
  listed = heard_store_list_plan_says_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpint (heard_plan_say_get_kind (g_ptr_array_index (listed, 0)), ==,
                   HEARD_SAY_DOES_NOT_AGREE);
  g_assert_cmpstr (heard_plan_say_get_words (g_ptr_array_index (listed, 0)), ==,
                   "Not the bit about Mondays.");
  g_clear_pointer (&listed, g_ptr_array_unref);
  heard_store_list_plan_says_async (f->store, other_id, ASYNC (f));
  listed = heard_store_list_plan_says_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* A check-in's note is kept for staff until marked, with a reason. */
  mark = heard_for_them_mark_new (person_id, HEARD_FOR_THEM_CHECK_IN_NOTE, check_in_id, TRUE, "");
  heard_store_set_for_them_async (f->store, mark, ASYNC (f));
  g_assert_cmpint (heard_store_set_for_them_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&mark);
  mark = heard_for_them_mark_new (other_id, HEARD_FOR_THEM_CHECK_IN_NOTE, check_in_id, TRUE,
                                  "She asked to read it.");
  heard_store_set_for_them_async (f->store, mark, ASYNC (f));
  g_assert_cmpint (heard_store_set_for_them_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&mark);
  mark = heard_for_them_mark_new (person_id, HEARD_FOR_THEM_CHECK_IN_NOTE, check_in_id, TRUE,
                                  "She asked to read it.");
  heard_store_set_for_them_async (f->store, mark, ASYNC (f));
  id = heard_store_set_for_them_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  assert_changed (f, HEARD_RECORD_KIND_CODESIGN, person_id, person_id);
  /* The same again would change nothing. */
  heard_store_set_for_them_async (f->store, mark, ASYNC (f));
  g_assert_cmpint (heard_store_set_for_them_finish (f->store, result_of (f), &error), ==, 0);
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  heard_store_list_for_them_marks_async (f->store, person_id, ASYNC (f));
  listed = heard_store_list_for_them_marks_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpint (heard_for_them_mark_get_what (g_ptr_array_index (listed, 0)), ==,
                   HEARD_FOR_THEM_CHECK_IN_NOTE);
  g_assert_cmpint (heard_for_them_mark_get_record_id (g_ptr_array_index (listed, 0)), ==,
                   check_in_id);
  g_assert_true (heard_for_them_mark_get_for_them (g_ptr_array_index (listed, 0)));
  g_assert_cmpstr (heard_for_them_mark_get_reason (g_ptr_array_index (listed, 0)), ==,
                   "She asked to read it.");
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* Withholding decisions belong to an export of theirs, all or none. */
  note = heard_export_note_new (HEARD_EXPORT_PDF, "young-person");
  heard_store_note_export_async (f->store, person_id, note, ASYNC (f));
  export_id = heard_store_note_export_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_ptr_array_add (withholdings,
                   heard_withholding_new (HEARD_WITHHELD_CHECK_IN, check_in_id,
                                          "The worker's note of 1 March",
                                          HEARD_EXEMPTION_THIRD_PARTY, "It is about her mum.",
                                          "Dana Okafor"));
  g_ptr_array_add (withholdings,
                   heard_withholding_new (HEARD_WITHHELD_OTHER, 0, "A police letter",
                                          HEARD_EXEMPTION_CRIME, "", "Dana Okafor"));
  heard_store_record_withholdings_async (f->store, person_id, export_id, withholdings, ASYNC (f));
  g_assert_false (heard_store_record_withholdings_finish (f->store, result_of (f), &error));
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_ptr_array_remove_index (withholdings, 1);
  heard_store_record_withholdings_async (f->store, other_id, export_id, withholdings, ASYNC (f));
  g_assert_false (heard_store_record_withholdings_finish (f->store, result_of (f), &error));
  assert_refused (f, error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  heard_store_record_withholdings_async (f->store, person_id, export_id, withholdings, ASYNC (f));
  g_assert_true (heard_store_record_withholdings_finish (f->store, result_of (f), &error));
  g_assert_no_error (error);
  assert_changed (f, HEARD_RECORD_KIND_CODESIGN, person_id, person_id);
  heard_store_list_withholdings_async (f->store, export_id, ASYNC (f));
  listed = heard_store_list_withholdings_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpint (heard_withholding_get_export_audit_id (g_ptr_array_index (listed, 0)), ==,
                   export_id);
  g_assert_cmpint (heard_withholding_get_exemption (g_ptr_array_index (listed, 0)), ==,
                   HEARD_EXEMPTION_THIRD_PARTY);
  g_assert_cmpstr (heard_withholding_get_reason (g_ptr_array_index (listed, 0)), ==,
                   "It is about her mum.");
  g_assert_cmpstr (heard_withholding_get_decided_by (g_ptr_array_index (listed, 0)), ==,
                   "Dana Okafor");

  g_assert_null (heard_test_verify_audit (f->store, &n_entries));
}

static void
test_abstract (void)
{
  g_assert_true (G_TYPE_IS_ABSTRACT (HEARD_TYPE_STORE));

  if (g_test_subprocess ())
    {
      GObject *store = g_object_new (HEARD_TYPE_STORE, NULL);

      g_assert_null (store);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_stderr ("*cannot create instance of abstract*HeardStore*");
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

  g_test_add_func ("/store-contract/abstract", test_abstract);
  add_test ("/store-contract/people", test_people);
  add_test ("/store-contract/plans", test_plans);
  add_test ("/store-contract/statements", test_statements);
  add_test ("/store-contract/staff", test_staff);
  add_test ("/store-contract/checks", test_checks);
  add_test ("/store-contract/not-open", test_not_open);
  add_test ("/store-contract/drafts", test_drafts);
  add_test ("/store-contract/check-ins", test_check_ins);
  add_test ("/store-contract/exports", test_exports);
  add_test ("/store-contract/agencies", test_agencies);
  add_test ("/store-contract/agency-owners", test_agency_owners);
  add_test ("/store-contract/chronology", test_chronology);
  add_test ("/store-contract/cluster-decisions", test_cluster_decisions);
  add_test ("/store-contract/cluster-numbers", test_cluster_numbers);
  add_test ("/store-contract/sharing", test_sharing);
  add_test ("/store-contract/codesign", test_codesign);

  return g_test_run ();
}

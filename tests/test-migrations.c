/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-migrations"

#include "config.h"

#include <string.h>

#include "heard-audit.h"
#include "heard-export-note.h"
#include "heard-fixture-records.h"
#include "heard-for-them.h"
#include "heard-sqlite-store.h"
#include "heard-store-codesign.h"
#include "heard-store-sharing.h"
#include "heard-staff.h"
#include "heard-statement.h"
#include "heard-test-utils.h"

/*
 * Records kept by earlier versions of Heard open with today's and lose
 * nothing. Each fixture in tests/fixtures (schema 1 to 4, made by
 * make-fixture.c under a known test key) is copied, opened as Heard opens
 * its records, and read back through the store's own calls, record by
 * record and word by word: names in Arabic and with emoji, the young
 * person's goals beside the worker's, signed reviews, statements with their
 * amendments and answers. The audit trail written before the update still
 * verifies and none of its entries is rewritten. And the records go on
 * working: someone removed long ago can be restored, a supervisor from
 * schema 2 still signs with their own passphrase (and only with it), and
 * every change after the update is chained on to the old entries.
 */

typedef struct
{
  char       *dir;
  char       *path;
  guint       version;
  HeardKey   *key;
  HeardStore *store;
} Fixture;

/* What each number stored at schemas 1 and 2 meant, in today's words: if
 * today's code read them differently, the fixture's values would show it. */
static const HeardAnswer stored_answers[] = {
  HEARD_ANSWER_NOT_ASKED, HEARD_ANSWER_GIVEN, HEARD_ANSWER_NOT_KNOWN,
  HEARD_ANSWER_PREFERS_NOT_TO_SAY,
};
static const HeardStaffRole stored_roles[] = { HEARD_STAFF_CASEWORKER, HEARD_STAFF_SUPERVISOR };
static const HeardPlanState stored_states[] = {
  HEARD_PLAN_STATE_DRAFT, HEARD_PLAN_STATE_AWAITING_REVIEW, HEARD_PLAN_STATE_ACTIVE,
  HEARD_PLAN_STATE_CHANGES_REQUESTED, HEARD_PLAN_STATE_CLOSED, HEARD_PLAN_STATE_SUPERSEDED,
};
static const HeardPlanEvent stored_decisions[] = {
  [1] = HEARD_PLAN_EVENT_SIGN_OFF, [2] = HEARD_PLAN_EVENT_REQUEST_CHANGES,
  [3] = HEARD_PLAN_EVENT_REVIEW, [4] = HEARD_PLAN_EVENT_CLOSE,
};
static const HeardAreaKind stored_kinds[] = {
  HEARD_AREA_SAFETY, HEARD_AREA_HEALTH, HEARD_AREA_EMOTIONAL_WELLBEING, HEARD_AREA_EDUCATION,
  HEARD_AREA_RELATIONSHIPS, HEARD_AREA_HOME, HEARD_AREA_IDENTITY, HEARD_AREA_JUSTICE,
};
static const HeardActionStatus stored_statuses[] = {
  HEARD_ACTION_NOT_STARTED, HEARD_ACTION_IN_PROGRESS, HEARD_ACTION_DONE, HEARD_ACTION_STUCK,
};

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *name = NULL;

  fixture->version = GPOINTER_TO_UINT (data);
  fixture->dir = heard_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "heard.db", NULL);
  fixture->key = heard_test_key_new ((guint8) fixture->version);
  name = g_strdup_printf ("heard-v%u.db", fixture->version);
  heard_test_copy_fixture (name, fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  heard_test_close_store (&fixture->store);
  heard_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  heard_key_free (fixture->key);
}

/* Opens the copy as Heard opens its records, updating it to today's schema. */
static void
open_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (fixture->store);
  fixture->store = heard_test_open_store (fixture->path, fixture->key, HEARD_SQLITE_STORE_OPEN_NONE,
                                          &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static sqlite3 *
raw_open (Fixture *fixture)
{
  return heard_test_raw_open (fixture->path, fixture->key);
}

static guint
verified_entries (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  guint n_entries = 0;

  error = heard_test_verify_audit (fixture->store, &n_entries);
  g_assert_no_error (error);

  return n_entries;
}

/* Young people */

static void
assert_person (HeardPerson              *actual,
               const HeardFixturePerson *expected)
{
  const struct { HeardPersonText field; const char *text; } texts[] = {
    { HEARD_PERSON_DISPLAY_NAME, expected->display_name },
    { HEARD_PERSON_PREFERRED_NAME, expected->preferred_name },
    { HEARD_PERSON_PRONOUNS, expected->pronouns },
    { HEARD_PERSON_DATE_OF_BIRTH, expected->date_of_birth },
    { HEARD_PERSON_FIRST_LANGUAGE, expected->first_language },
    { HEARD_PERSON_ETHNICITY, expected->ethnicity },
    { HEARD_PERSON_NATIONALITY, expected->nationality },
    { HEARD_PERSON_KEY_WORKER, expected->key_worker },
    { HEARD_PERSON_AGENCIES, expected->agencies },
    { HEARD_PERSON_WHAT_HELPS, expected->what_helps },
    { HEARD_PERSON_WHAT_IS_HARD, expected->what_is_hard },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (texts) == HEARD_PERSON_N_TEXTS);

  g_assert_nonnull (actual);
  g_assert_cmpint (heard_person_get_id (actual), ==, expected->id);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_cmpstr (heard_person_get_text (actual, texts[i].field), ==, texts[i].text);
  g_assert_cmpint (heard_person_get_interpreter_needed (actual), ==,
                   expected->interpreter_needed != 0);
  g_assert_cmpint (heard_person_get_nationality_answer (actual), ==,
                   stored_answers[expected->nationality_answer]);
}

static GPtrArray *
list_people (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *people = heard_test_list_people (fixture->store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (people);

  return people;
}

/* Everyone still on the caseload is listed with every detail as it was
 * saved; whoever was removed is not listed. */
static void
assert_people (Fixture *fixture)
{
  guint n = 0;
  const HeardFixturePerson *expected = heard_fixture_people (fixture->version, &n);
  g_autoptr(GPtrArray) people = list_people (fixture);
  guint n_listed = 0;

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      HeardPerson *person = heard_test_find_person (people, expected[i].id);

      if (expected[i].removed_at != NULL)
        {
          g_assert_null (person);
          continue;
        }
      assert_person (person, &expected[i]);
      n_listed++;
    }
  g_assert_cmpuint (people->len, ==, n_listed);
}

/* Whom typing @typed finds: their ids, in order, joined by spaces. */
static char *
search (Fixture    *fixture,
        const char *typed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ids = heard_test_search_people (fixture->store, typed, &error);
  g_autoptr(GString) found = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  for (gint64 id = 1; id <= 10; id++)
    if (g_hash_table_contains (ids, &id))
      g_string_append_printf (found, "%s%" G_GINT64_FORMAT, found->len > 0 ? " " : "", id);

  return g_string_free (g_steal_pointer (&found), FALSE);
}

/* The name index made at schema 1 still finds them, in any script. */
static void
assert_search (Fixture *fixture)
{
  const char *const cases[][2] = {
    { "مريم", "1" },
    { "الحسن", "1" },
    { "maryam", "1" },
    { "jess", "2" },
    { "taylor", "2" },
    { "zoe", "3" },
    { "Ó Briain", "3" },
    { "nakamura", "3" },
    /* Removed, so not found. */
    { "kai", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *found = search (fixture, cases[i][0]);

      g_assert_cmpstr (found, ==, cases[i][1]);
    }
}

/* Someone removed before the update comes back as they were. */
static void
assert_restores_removed (Fixture *fixture)
{
  guint n = 0;
  const HeardFixturePerson *expected = heard_fixture_people (fixture->version, &n);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *found = NULL;
  const HeardFixturePerson *kai = &expected[3];

  g_assert_nonnull (kai->removed_at);
  g_assert_true (heard_test_set_removed (fixture->store, kai->id, FALSE, &error));
  g_assert_no_error (error);

  people = list_people (fixture);
  g_assert_cmpuint (people->len, ==, n);
  assert_person (heard_test_find_person (people, kai->id), kai);
  found = search (fixture, "kai");
  g_assert_cmpstr (found, ==, "4");
}

/* Staff */

static void
assert_staff (Fixture *fixture)
{
  guint n = 0;
  const HeardFixtureStaff *expected = heard_fixture_staff (fixture->version, &n);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = heard_test_list_staff (fixture->store, &error);
  guint n_listed = 0;

  g_assert_no_error (error);
  g_assert_nonnull (staff);

  /* Those still working are listed, by role; someone retired is kept. */
  for (guint i = 0; i < n; i++)
    {
      HeardStaff *member = NULL;

      for (guint j = 0; j < staff->len; j++)
        if (heard_staff_get_id (g_ptr_array_index (staff, j)) == expected[i].id)
          member = g_ptr_array_index (staff, j);

      if (expected[i].retired_at != NULL)
        {
          g_assert_null (member);
          continue;
        }
      g_assert_nonnull (member);
      g_assert_cmpstr (heard_staff_get_name (member), ==, expected[i].name);
      g_assert_cmpint (heard_staff_get_role (member), ==, stored_roles[expected[i].role]);
      n_listed++;
    }
  g_assert_cmpuint (staff->len, ==, n_listed);
}

/* Support plans */

static gint
compare_areas (gconstpointer a,
               gconstpointer b)
{
  const HeardFixtureArea *x = *(const HeardFixtureArea *const *) a;
  const HeardFixtureArea *y = *(const HeardFixtureArea *const *) b;

  return x->position != y->position ? x->position - y->position : (int) (x->id - y->id);
}

static gint
compare_actions (gconstpointer a,
                 gconstpointer b)
{
  const HeardFixtureAction *x = *(const HeardFixtureAction *const *) a;
  const HeardFixtureAction *y = *(const HeardFixtureAction *const *) b;
  int by_date = strcmp (x->due_date, y->due_date);

  return by_date != 0 ? by_date : (int) (x->id - y->id);
}

static void
assert_action (HeardPlanAction          *actual,
               const HeardFixtureAction *expected)
{
  g_assert_cmpint (heard_plan_action_get_id (actual), ==, expected->id);
  g_assert_cmpint (heard_plan_action_get_plan_id (actual), ==, expected->plan_id);
  g_assert_cmpint (heard_plan_action_get_area_id (actual), ==, expected->area_id);
  g_assert_cmpstr (heard_agency_to_code (heard_plan_action_get_owner (actual)), ==,
                   expected->owner);
  g_assert_cmpint (heard_plan_action_get_status (actual), ==, stored_statuses[expected->status]);
  g_assert_cmpstr (heard_plan_action_get_text (actual, HEARD_ACTION_WHAT), ==, expected->what);
  g_assert_cmpstr (heard_plan_action_get_text (actual, HEARD_ACTION_OWNER_NAME), ==,
                   expected->owner_name);
  g_assert_cmpstr (heard_plan_action_get_text (actual, HEARD_ACTION_DUE_DATE), ==,
                   expected->due_date);
  g_assert_cmpstr (heard_plan_action_get_text (actual, HEARD_ACTION_ACKNOWLEDGED_ON), ==,
                   expected->acknowledged_on);
}

static void
assert_area (HeardPlanArea          *actual,
             const HeardFixtureArea *expected,
             guint                   version)
{
  const struct { HeardAreaText field; const char *text; } texts[] = {
    { HEARD_AREA_LABEL, expected->label },
    { HEARD_AREA_WORRIED, expected->worried },
    { HEARD_AREA_WORKING_WELL, expected->working_well },
    { HEARD_AREA_NEEDS_TO_HAPPEN, expected->needs_to_happen },
    { HEARD_AREA_GOAL_OWN_WORDS, expected->goal_own_words },
    { HEARD_AREA_GOAL_WORKER, expected->goal_worker },
  };
  guint n = 0;
  const HeardFixtureAction *all = heard_fixture_actions (version, &n);
  g_autoptr(GPtrArray) actions = g_ptr_array_new ();
  GListModel *listed = heard_plan_area_get_actions (actual);

  G_STATIC_ASSERT (G_N_ELEMENTS (texts) == HEARD_AREA_N_TEXTS);

  g_assert_cmpint (heard_plan_area_get_id (actual), ==, expected->id);
  g_assert_cmpint (heard_plan_area_get_plan_id (actual), ==, expected->plan_id);
  g_assert_cmpint (heard_plan_area_get_kind (actual), ==, stored_kinds[expected->kind]);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_cmpstr (heard_plan_area_get_text (actual, texts[i].field), ==, texts[i].text);

  for (guint i = 0; i < n; i++)
    if (all[i].area_id == expected->id)
      g_ptr_array_add (actions, (gpointer) &all[i]);
  g_ptr_array_sort (actions, compare_actions);

  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, actions->len);
  for (guint i = 0; i < actions->len; i++)
    {
      g_autoptr(HeardPlanAction) action = g_list_model_get_item (listed, i);

      assert_action (action, g_ptr_array_index (actions, i));
    }
}

static void
assert_plan (HeardPlan              *actual,
             const HeardFixturePlan *expected,
             guint                   version)
{
  guint n_areas = 0, n_reviews = 0;
  const HeardFixtureArea *all_areas = heard_fixture_areas (version, &n_areas);
  const HeardFixtureReview *all_reviews = heard_fixture_reviews (version, &n_reviews);
  g_autoptr(GPtrArray) areas = g_ptr_array_new ();
  GListModel *listed_areas = heard_plan_get_areas (actual);
  GListModel *listed_reviews = heard_plan_get_reviews (actual);
  guint n_listed_reviews = 0;

  g_assert_cmpint (heard_plan_get_id (actual), ==, expected->id);
  g_assert_cmpint (heard_plan_get_person_id (actual), ==, expected->person_id);
  g_assert_cmpuint (heard_plan_get_version (actual), ==, (guint) expected->version);
  g_assert_cmpint (heard_plan_get_state (actual), ==, stored_states[expected->state]);
  g_assert_cmpstr (heard_plan_get_created_at (actual), ==, expected->created_at);
  g_assert_cmpstr (heard_plan_get_signed_off_at (actual), ==, expected->signed_off_at);
  g_assert_cmpstr (heard_plan_get_next_review (actual), ==, expected->next_review);
  g_assert_cmpstr (heard_plan_get_review_limit (actual), ==, expected->review_limit);
  g_assert_cmpstr (heard_plan_get_closed_at (actual), ==, expected->closed_at);
  g_assert_cmpstr (heard_plan_get_closure_text (actual, HEARD_CLOSURE_VIEW), ==,
                   expected->closure_view);
  g_assert_cmpstr (heard_plan_get_closure_text (actual, HEARD_CLOSURE_WHY_NO_VIEW), ==,
                   expected->closure_view_missing);
  g_assert_cmpstr (heard_plan_get_closure_text (actual, HEARD_CLOSURE_REASON), ==,
                   expected->closure_reason);
  g_assert_cmpint (heard_plan_get_closes_case (actual), ==, expected->closes_case != 0);

  for (guint i = 0; i < n_areas; i++)
    if (all_areas[i].plan_id == expected->id)
      g_ptr_array_add (areas, (gpointer) &all_areas[i]);
  g_ptr_array_sort (areas, compare_areas);
  g_assert_cmpuint (areas->len, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (listed_areas), ==, areas->len);
  for (guint i = 0; i < areas->len; i++)
    {
      g_autoptr(HeardPlanArea) area = g_list_model_get_item (listed_areas, i);

      assert_area (area, g_ptr_array_index (areas, i), version);
    }

  /* Every signed decision, in the order it was made. */
  for (guint i = 0; i < n_reviews; i++)
    {
      const HeardFixtureReview *expected_review = &all_reviews[i];
      g_autoptr(HeardPlanReview) review = NULL;

      if (expected_review->plan_id != expected->id)
        continue;

      review = g_list_model_get_item (listed_reviews, n_listed_reviews++);
      g_assert_nonnull (review);
      g_assert_cmpint (heard_plan_review_get_decision (review), ==,
                       stored_decisions[expected_review->decision]);
      g_assert_cmpstr (heard_plan_review_get_reviewer (review), ==,
                       expected_review->reviewer_name);
      g_assert_cmpstr (heard_plan_review_get_comments (review), ==, expected_review->comments);
      g_assert_cmpstr (heard_plan_review_get_decided_at (review), ==,
                       expected_review->decided_at);
    }
  g_assert_cmpuint (g_list_model_get_n_items (listed_reviews), ==, n_listed_reviews);
}

static GPtrArray *
load_plans (Fixture *fixture,
            gint64   person_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *plans = heard_test_load_plans (fixture->store, person_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plans);

  return plans;
}

/* Each young person's plans, newest version first, as they were. */
static void
assert_plans (Fixture *fixture)
{
  guint n_people = 0, n_plans = 0;
  const HeardFixturePerson *people = heard_fixture_people (fixture->version, &n_people);
  const HeardFixturePlan *expected = heard_fixture_plans (fixture->version, &n_plans);

  for (guint p = 0; p < n_people; p++)
    {
      g_autoptr(GPtrArray) plans = load_plans (fixture, people[p].id);
      guint n_listed = 0;

      for (gint i = (gint) n_plans - 1; i >= 0; i--)
        if (expected[i].person_id == people[p].id)
          {
            g_assert_cmpuint (n_listed, <, plans->len);
            assert_plan (g_ptr_array_index (plans, n_listed++), &expected[i], fixture->version);
          }
      g_assert_cmpuint (plans->len, ==, n_listed);
    }
}

static void
assert_no_statements (Fixture *fixture)
{
  guint n_people = 0;
  const HeardFixturePerson *people = heard_fixture_people (fixture->version, &n_people);

  for (guint p = 0; p < n_people; p++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) statements = heard_test_list_statements (fixture->store,
                                                                    people[p].id, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (statements->len, ==, 0);
    }
}

/* The audit trail, behind Heard's back */

/* Each entry as it was written, in order, with nothing new before the end. */
static void
assert_audit_entries (sqlite3 *db,
                      guint    version)
{
  guint n = 0;
  const HeardFixtureAudit *expected = heard_fixture_audit (version, &n);
  sqlite3_stmt *statement = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, at, actor, action, target_kind,"
                                           " target_id, detail FROM audit WHERE id <= ?1"
                                           " ORDER BY id", -1, &statement, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (statement, 1, n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int64 (statement, 0), ==, i + 1);
      g_assert_cmpstr ((const char *) sqlite3_column_text (statement, 1), ==, expected[i].at);
      g_assert_cmpstr ((const char *) sqlite3_column_text (statement, 2), ==, expected[i].actor);
      g_assert_cmpstr ((const char *) sqlite3_column_text (statement, 3), ==,
                       expected[i].action);
      g_assert_cmpstr ((const char *) sqlite3_column_text (statement, 4), ==,
                       expected[i].target_kind);
      g_assert_cmpint (sqlite3_column_int64 (statement, 5), ==, expected[i].target_id);
      g_assert_cmpstr ((const char *) sqlite3_column_text (statement, 6), ==,
                       expected[i].detail);
    }
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_DONE);
  sqlite3_finalize (statement);
}

/* Tests */

/* Schema 1: young people and their name index, nothing else yet. */
static void
test_from_v1 (Fixture       *fixture,
              gconstpointer  data)
{
  sqlite3 *db = raw_open (fixture);
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (heard_test_raw_count (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM sqlite_master"
                                             " WHERE name IN ('audit', 'staff', 'plan')"), ==, 0);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM person"), ==, 4);
  sqlite3_close (db);

  open_store (fixture);
  assert_people (fixture);
  assert_search (fixture);
  staff = heard_test_list_staff (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, ==, 0);
  assert_plans (fixture);
  assert_no_statements (fixture);

  /* The trail begins empty, and the first change after the update is
   * chained and checks out. */
  g_assert_cmpuint (verified_entries (fixture), ==, 0);
  assert_restores_removed (fixture);
  g_assert_cmpuint (verified_entries (fixture), ==, 1);
  heard_test_close_store (&fixture->store);

  db = raw_open (fixture);
  g_assert_cmpint (heard_test_raw_count (db, "PRAGMA user_version"), ==,
                   heard_sqlite_store_get_schema_version ());
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM audit WHERE id = 1"
                                             " AND action = 'restored'"
                                             " AND target_kind = 'person' AND target_id = 4"),
                   ==, 1);
  sqlite3_close (db);
}

/* Schema 2: the same people with staff, plans, signed reviews and the
 * hash-chained audit trail. */
static void
test_from_v2 (Fixture       *fixture,
              gconstpointer  data)
{
  guint n_entries = 0, n_reviews = 0;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(HeardPlanDecision) decision = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(HeardPlanReview) review = NULL;
  g_autoptr(GError) error = NULL;
  const HeardFixturePlan *expected_plans;
  guint n_plans = 0;
  guint n_verified;
  sqlite3 *db;

  heard_fixture_audit (2, &n_entries);
  heard_fixture_reviews (2, &n_reviews);
  expected_plans = heard_fixture_plans (2, &n_plans);
  g_assert_cmpuint (n_entries, >, 0);

  db = raw_open (fixture);
  g_assert_cmpint (heard_test_raw_count (db, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM audit"), ==, n_entries);
  before = heard_test_audit_hashes (db, n_entries);
  sqlite3_close (db);

  open_store (fixture);
  assert_people (fixture);
  assert_search (fixture);
  assert_staff (fixture);
  assert_plans (fixture);
  assert_no_statements (fixture);

  /* The old entries check out, and each signed review kept before content
   * hashes existed is sealed by one new entry. */
  g_assert_cmpuint (verified_entries (fixture), ==, n_entries + n_reviews);
  heard_test_close_store (&fixture->store);

  db = raw_open (fixture);
  g_assert_cmpint (heard_test_raw_count (db, "PRAGMA user_version"), ==,
                   heard_sqlite_store_get_schema_version ());
  after = heard_test_audit_hashes (db, n_entries);
  g_assert_cmpstr (after, ==, before);
  assert_audit_entries (db, 2);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM audit"
                                             " WHERE action = 'sealed' AND content_kind = 'review'"
                                             " AND content_hash IS NOT NULL"), ==, n_reviews);
  /* Someone who retired is kept with the day they left. */
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM staff WHERE id = 3"
                                             " AND retired_at = '2024-04-30T17:00:00Z'"), ==, 1);
  sqlite3_close (db);

  /* The supervisor of schema 2 signs off Maryam's waiting version with
   * their own passphrase, and not with another. */
  open_store (fixture);
  decision = heard_plan_decision_new (HEARD_PLAN_EVENT_SIGN_OFF, HEARD_FIXTURE_SUPERVISOR_ID);
  g_free (decision->comments);
  decision->comments = g_strdup ("Signed off after the update — مبروك.");
  g_assert_false (heard_test_decide_plan (fixture->store, 2, decision, "not my passphrase",
                                          &error));
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (heard_test_decide_plan (fixture->store, 2, decision,
                                         HEARD_FIXTURE_SUPERVISOR_PASSPHRASE, &error));
  g_assert_no_error (error);

  /* Version 2 takes version 1's place and keeps the review it was due. */
  plans = load_plans (fixture, 1);
  g_assert_cmpuint (plans->len, ==, 2);
  g_assert_cmpint (heard_plan_get_id (g_ptr_array_index (plans, 0)), ==, 2);
  g_assert_cmpint (heard_plan_get_state (g_ptr_array_index (plans, 0)), ==,
                   HEARD_PLAN_STATE_ACTIVE);
  g_assert_cmpstr (heard_plan_get_next_review (g_ptr_array_index (plans, 0)), ==,
                   expected_plans[0].next_review);
  g_assert_cmpint (heard_plan_get_state (g_ptr_array_index (plans, 1)), ==,
                   HEARD_PLAN_STATE_SUPERSEDED);
  review = g_list_model_get_item (heard_plan_get_reviews (g_ptr_array_index (plans, 0)), 0);
  g_assert_nonnull (review);
  g_assert_cmpstr (heard_plan_review_get_reviewer (review), ==, "Sam Okafor");
  g_assert_cmpstr (heard_plan_review_get_comments (review), ==, decision->comments);

  /* Every change since is chained on to the old entries. */
  n_verified = verified_entries (fixture);
  g_assert_cmpuint (n_verified, >, n_entries + n_reviews);
  assert_restores_removed (fixture);
  g_assert_cmpuint (verified_entries (fixture), ==, n_verified + 1);
  heard_test_close_store (&fixture->store);

  db = raw_open (fixture);
  g_clear_pointer (&after, g_free);
  after = heard_test_audit_hashes (db, n_entries);
  g_assert_cmpstr (after, ==, before);
  sqlite3_close (db);
}

/* Schema 3 (tests/fixtures/heard-v3.db): statements besides, before audit
 * entries carried content hashes. Every record survives; the eight entries
 * already in the chain are left exactly as they were and still check out,
 * and each kept record (two statement versions, an answer, a review) is
 * sealed by a new entry, so an edit behind the triggers is found in old
 * records too. */
static void
test_from_v3 (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(HeardPerson) person = heard_person_new ();
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(HeardPlanArea) area = NULL;
  g_autoptr(HeardPlanAction) action = NULL;
  g_autoptr(HeardPlanReview) review = NULL;
  g_autoptr(GError) error = NULL;
  HeardStatement *statement;
  HeardStatementResponse *response;
  HeardPlan *plan;
  GPtrArray *responses;
  guint n_entries = 0;
  sqlite3 *db;

  db = raw_open (fixture);
  g_assert_cmpint (heard_test_raw_count (db, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM audit"), ==, 8);
  before = heard_test_audit_hashes (db, 8);
  sqlite3_close (db);

  open_store (fixture);
  g_assert_null (heard_test_verify_audit (fixture->store, &n_entries));
  g_assert_cmpuint (n_entries, ==, 8 + 4);

  /* Read back as Heard shows them. */
  people = list_people (fixture);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (heard_person_get_display_name (g_ptr_array_index (people, 0)), ==,
                   "Amara Okafor");
  staff = heard_test_list_staff (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, ==, 2);
  g_assert_cmpstr (heard_staff_get_name (g_ptr_array_index (staff, 0)), ==, "Priya Shah");
  g_assert_cmpstr (heard_staff_get_name (g_ptr_array_index (staff, 1)), ==, "Sam Okafor");

  statements = heard_test_list_statements (fixture->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (statements->len, ==, 1);
  statement = g_ptr_array_index (statements, 0);
  g_assert_cmpuint (heard_statement_get_version (statement), ==, 2);
  g_assert_cmpstr (heard_statement_get_words (statement), ==,
                   "I told my teacher on the Tuesday.");
  g_assert_cmpstr (heard_statement_get_text (statement, HEARD_STATEMENT_REASON), ==,
                   "She remembered the day");
  g_assert_cmpstr (heard_statement_get_text (statement, HEARD_STATEMENT_GIVEN_ON), ==,
                   "2024-05-02");
  g_assert_cmpint (heard_statement_get_given_how (statement), ==, HEARD_GIVEN_SPOKEN);
  g_assert_cmpint (heard_statement_get_read_back (statement), ==, HEARD_READ_BACK_AGREED);
  g_assert_false (heard_statement_get_sensitive (statement));
  g_assert_cmpstr (heard_statement_get_saved_by (statement), ==, "Priya Shah");
  g_assert_cmpstr (heard_statement_get_saved_at (statement), ==, "2024-05-03T11:00:00Z");
  responses = heard_statement_get_responses (statement);
  g_assert_cmpuint (responses->len, ==, 1);
  response = g_ptr_array_index (responses, 0);
  g_assert_cmpstr (heard_statement_response_get_what_we_did (response), ==,
                   "We asked the school to change your bus.");
  g_assert_cmpstr (heard_statement_response_get_saved_at (response), ==, "2024-05-04T10:00:00Z");
  g_assert_cmpstr (heard_statement_response_get_told_on (response), ==, "");
  g_assert_cmpuint (heard_statement_response_get_action_ids (response)->len, ==, 1);
  g_assert_cmpstr (heard_statement_response_get_action_titles (response)[0], ==,
                   "Change the bus route");

  /* The original is kept beneath the amendment. */
  history = heard_test_list_statement_history (fixture->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (heard_statement_get_words (g_ptr_array_index (history, 0)), ==,
                   "I told my teacher on the Monday.");
  g_assert_cmpstr (heard_statement_get_words (g_ptr_array_index (history, 1)), ==,
                   "I told my teacher on the Tuesday.");

  plans = load_plans (fixture, 1);
  g_assert_cmpuint (plans->len, ==, 1);
  plan = g_ptr_array_index (plans, 0);
  g_assert_cmpint (heard_plan_get_state (plan), ==, HEARD_PLAN_STATE_CHANGES_REQUESTED);
  g_assert_cmpuint (g_list_model_get_n_items (heard_plan_get_areas (plan)), ==, 1);
  area = g_list_model_get_item (heard_plan_get_areas (plan), 0);
  g_assert_cmpint (heard_plan_area_get_kind (area), ==, HEARD_AREA_SAFETY);
  g_assert_cmpstr (heard_plan_area_get_text (area, HEARD_AREA_LABEL), ==, "Safety");
  action = g_list_model_get_item (heard_plan_area_get_actions (area), 0);
  g_assert_nonnull (action);
  g_assert_cmpstr (heard_plan_action_get_text (action, HEARD_ACTION_WHAT), ==,
                   "Change the bus route");
  g_assert_cmpint (heard_plan_action_get_owner (action), ==, HEARD_AGENCY_SCHOOL);
  g_assert_cmpstr (heard_plan_action_get_text (action, HEARD_ACTION_DUE_DATE), ==, "2024-06-01");
  g_assert_cmpuint (g_list_model_get_n_items (heard_plan_get_reviews (plan)), ==, 1);
  review = g_list_model_get_item (heard_plan_get_reviews (plan), 0);
  /* Stored as decision 1 (a sign-off) though its audit entry says changes
   * were asked for: kept as it was written, not put right by the update. */
  g_assert_cmpint (heard_plan_review_get_decision (review), ==, HEARD_PLAN_EVENT_SIGN_OFF);
  g_assert_cmpstr (heard_plan_review_get_reviewer (review), ==, "Sam Okafor");
  g_assert_cmpstr (heard_plan_review_get_comments (review), ==, "Please add who tells her.");
  g_assert_cmpstr (heard_plan_review_get_decided_at (review), ==, "2024-05-05T15:00:00Z");

  heard_person_set_text (person, HEARD_PERSON_DISPLAY_NAME, "Bea Lindqvist");
  g_assert_cmpint (heard_test_save_person (fixture->store, person, &error), >, 0);
  g_assert_no_error (error);
  heard_test_close_store (&fixture->store);

  db = raw_open (fixture);
  g_assert_cmpint (heard_test_raw_count (db, "PRAGMA user_version"), ==,
                   heard_sqlite_store_get_schema_version ());
  after = heard_test_audit_hashes (db, 8);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM audit WHERE action = 'sealed'"
                                             " AND content_hash IS NOT NULL AND content_kind IN"
                                             " ('statement version', 'answer', 'review')"), ==, 4);

  /* The backfilled seals protect the old words as well. */
  heard_test_exec_behind_trigger (db, "statement_version_no_update",
                                  "UPDATE statement_version SET words = 'Nothing happened.'"
                                  " WHERE id = 1");
  sqlite3_close (db);
  open_store (fixture);
  error = heard_test_verify_audit (fixture->store, NULL);
  g_assert_error (error, HEARD_AUDIT_ERROR, HEARD_AUDIT_ERROR_CONTENT_CHANGED);
  g_assert_nonnull (strstr (error->message, "statement 1, version 1 "));
}

/* Schema 4, made by that day's store through its own calls (make-fixture
 * --current): the update adds drafts and changes nothing else. The records
 * read back as they were, the trail verifies with not one entry more or
 * rewritten, and a draft kept afterwards adds no entry either, so that the
 * checks at the next open find nothing wrong. */
static void
test_from_v4 (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(HeardDraft) draft = heard_draft_new (HEARD_DRAFT_STATEMENT, 1, 0);
  g_autoptr(GError) error = NULL;
  HeardDraft *kept;
  guint n_entries = 0;
  gint64 n_before;
  sqlite3 *db;

  db = raw_open (fixture);
  g_assert_cmpint (heard_test_raw_count (db, "PRAGMA user_version"), ==, 4);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM sqlite_master"
                                             " WHERE name = 'draft'"), ==, 0);
  n_before = heard_test_raw_count (db, "SELECT count (*) FROM audit");
  g_assert_cmpint (n_before, >, 0);
  before = heard_test_audit_hashes (db, n_before);
  sqlite3_close (db);

  open_store (fixture);
  g_assert_null (heard_test_verify_audit (fixture->store, &n_entries));
  g_assert_cmpuint (n_entries, ==, n_before);

  people = list_people (fixture);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (heard_person_get_display_name (g_ptr_array_index (people, 0)), ==,
                   "Jade Mensah");
  g_assert_cmpstr (heard_person_get_text (g_ptr_array_index (people, 0),
                                          HEARD_PERSON_PREFERRED_NAME), ==, "Jade");
  statements = heard_test_list_statements (fixture->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (statements->len, ==, 1);
  g_assert_cmpstr (heard_statement_get_words (g_ptr_array_index (statements, 0)), ==,
                   "I want to stay at my nan’s.");

  /* Drafts work on the updated records, and stay out of the trail. */
  heard_draft_set_field (draft, "words", "I want to go back to school");
  heard_draft_set_focus (draft, "words", 9);
  g_assert_true (heard_test_save_draft (fixture->store, draft, &error));
  g_assert_no_error (error);
  heard_test_close_store (&fixture->store);

  db = raw_open (fixture);
  g_assert_cmpint (heard_test_raw_count (db, "PRAGMA user_version"), ==,
                   heard_sqlite_store_get_schema_version ());
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM audit"), ==, n_before);
  after = heard_test_audit_hashes (db, n_before);
  g_assert_cmpstr (after, ==, before);
  sqlite3_close (db);

  open_store (fixture);
  g_assert_null (heard_test_verify_audit (fixture->store, &n_entries));
  g_assert_cmpuint (n_entries, ==, n_before);
  drafts = heard_test_list_drafts (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  kept = g_ptr_array_index (drafts, 0);
  g_assert_true (heard_draft_same_editor (kept, draft));
  g_assert_cmpstr (heard_draft_get_field (kept, "words"), ==, "I want to go back to school");
  g_assert_cmpstr (heard_draft_get_focus (kept), ==, "words");
  g_assert_cmpint (heard_draft_get_cursor (kept), ==, 9);
  /* Writing is not held: a record saved now goes through. */
  g_assert_cmpint (heard_test_add_person (fixture->store, "Ama Boateng"), >, 0);
}

/* Schema 5, made by that day's store (make-fixture --current): the update
 * adds check-ins and changes nothing else. The records read back as they
 * were and the trail verifies, not one entry more or rewritten; a check-in
 * saved afterwards is audited and sealed, the file refuses to change it,
 * and a change made with the safeguard taken away is found. */
static void
test_from_v5 (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GPtrArray) check_ins = NULL;
  g_autoptr(HeardCheckIn) check_in = NULL;
  g_autoptr(GError) error = NULL;
  guint n_entries = 0;
  gint64 n_before, plan_id, check_in_id;
  sqlite3 *db;

  db = raw_open (fixture);
  g_assert_cmpint (heard_test_raw_count (db, "PRAGMA user_version"), ==, 5);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM sqlite_master"
                                             " WHERE name = 'check_in'"), ==, 0);
  n_before = heard_test_raw_count (db, "SELECT count (*) FROM audit");
  g_assert_cmpint (n_before, >, 0);
  before = heard_test_audit_hashes (db, n_before);
  sqlite3_close (db);

  open_store (fixture);
  g_assert_null (heard_test_verify_audit (fixture->store, &n_entries));
  g_assert_cmpuint (n_entries, ==, n_before);
  people = list_people (fixture);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (heard_person_get_display_name (g_ptr_array_index (people, 0)), ==,
                   "Jade Mensah");
  statements = heard_test_list_statements (fixture->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (statements->len, ==, 1);
  g_assert_cmpstr (heard_statement_get_words (g_ptr_array_index (statements, 0)), ==,
                   "I want to stay at my nan’s.");
  check_ins = heard_test_list_check_ins (fixture->store, 1, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (check_ins->len, ==, 0);
  g_clear_pointer (&check_ins, g_ptr_array_unref);
  heard_test_close_store (&fixture->store);

  db = raw_open (fixture);
  g_assert_cmpint (heard_test_raw_count (db, "PRAGMA user_version"), ==,
                   heard_sqlite_store_get_schema_version ());
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM audit"), ==, n_before);
  after = heard_test_audit_hashes (db, n_before);
  g_assert_cmpstr (after, ==, before);
  sqlite3_close (db);

  /* Check-ins work on the updated records, each with its entry and seal. */
  open_store (fixture);
  plan_id = heard_test_start_plan_with_area (fixture->store, 1, HEARD_AREA_HOME);
  check_in = heard_test_check_in_new (plan_id, "2026-06-01", HEARD_AREA_HOME, 7, -2);
  check_in_id = heard_test_save_check_in (fixture->store, check_in, &error);
  g_assert_no_error (error);
  g_assert_cmpint (check_in_id, >, 0);
  g_assert_null (heard_test_verify_audit (fixture->store, NULL));
  heard_test_close_store (&fixture->store);

  db = raw_open (fixture);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM audit"
                                             " WHERE target_kind = 'check-in'"
                                             " AND action = 'recorded'"), ==, 1);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM audit"
                                             " WHERE content_kind = 'check-in'"
                                             " AND content_hash IS NOT NULL"), ==, 1);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE check_in_rating SET value = 9", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM check_in", NULL, NULL, NULL), ==,
                   SQLITE_CONSTRAINT);
  heard_test_exec_behind_trigger (db, "check_in_rating_no_update",
                                  "UPDATE check_in_rating SET value = 2"
                                  " WHERE rater = 'young-person'");
  sqlite3_close (db);
  open_store (fixture);
  error = heard_test_verify_audit (fixture->store, NULL);
  g_assert_error (error, HEARD_AUDIT_ERROR, HEARD_AUDIT_ERROR_CONTENT_CHANGED);
  g_assert_nonnull (strstr (error->message, "check-in"));
}

/* Schema 6, made by that day's store (make-fixture --current) with agencies
 * on the young person, on a statement's sharing and on plan actions: the
 * update keeps every stored code as it was and gives each agency in use
 * (school, health, police; not the young person or family, owner kinds of
 * their own) one directory entry serving it. The statement's seal still
 * verifies, not one audit entry is added or rewritten, and no row of an
 * older table changes. */
static void
test_from_v6 (Fixture       *f,
              gconstpointer  data)
{
  const char *const tables[] = { "person", "statement_version", "plan_action", "plan",
                                 "plan_area", "staff" };
  g_autoptr(GPtrArray) before_rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) statements = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  guint n_entries = 0;
  gint64 n_before;
  sqlite3 *db;

  db = raw_open (f);
  g_assert_cmpint (heard_test_raw_count (db, "PRAGMA user_version"), ==, 6);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM plan_action"), ==, 3);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM statement_version"
                                             " WHERE share_with = 'school,health'"), ==, 1);
  n_before = heard_test_raw_count (db, "SELECT count (*) FROM audit");
  before = heard_test_audit_hashes (db, n_before);
  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    g_ptr_array_add (before_rows, heard_test_dump_table (db, tables[i]));
  sqlite3_close (db);

  open_store (f);
  g_assert_null (heard_test_verify_audit (f->store, &n_entries));
  g_assert_cmpuint (n_entries, ==, n_before);
  statements = heard_test_list_statements (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (statements->len, ==, 1);
  g_assert_cmpstr (heard_statement_get_text (g_ptr_array_index (statements, 0),
                                             HEARD_STATEMENT_SHARE_WITH), ==, "school,health");
  heard_test_close_store (&f->store);

  db = raw_open (f);
  g_assert_cmpint (heard_test_raw_count (db, "PRAGMA user_version"), ==,
                   heard_sqlite_store_get_schema_version ());
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM audit"), ==, n_before);
  after = heard_test_audit_hashes (db, n_before);
  g_assert_cmpstr (after, ==, before);
  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *rows = heard_test_dump_table (db, tables[i]);

      g_assert_cmpstr (rows, ==, g_ptr_array_index (before_rows, i));
    }
  /* Every agency code in use has an entry of its own type serving it. */
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM agency"), ==, 3);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM agency"
                                             " JOIN agency_kind ON agency_kind.agency_id = agency.id"
                                             " AND agency_kind.kind = agency.type"
                                             " WHERE (type = 'school' AND name = 'School')"
                                             "    OR (type = 'health' AND name = 'Health')"
                                             "    OR (type = 'police' AND name = 'Police')"), ==, 3);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM plan_action"
                                             " WHERE owner NOT IN ('young-person', 'family')"
                                             " AND owner NOT IN (SELECT kind FROM agency_kind)"),
                   ==, 0);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM agency_kind"
                                             " WHERE kind IN ('young-person', 'family')"), ==, 0);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM cluster_numbers"
                                             " WHERE min_signs = 3 AND min_agencies = 2"
                                             " AND max_span_days = 28"), ==, 1);
  sqlite3_close (db);
}

/* Schema 7, made by that day's store (make-fixture --current) with a
 * directory of one school (Northgate Academy) and two police forces, a
 * young person involved with school and police, and actions owned by
 * police, the young person, family and a school. The update keeps every
 * stored kind, names the one school where a school is meant (the only
 * entry that can be), leaves police unnamed (two forces: Heard cannot
 * know which), adds no audit entry and the trail still verifies. */
static void
test_from_v7 (Fixture       *f,
              gconstpointer  data)
{
  const char *const tables[] = { "person", "plan_action", "agency", "agency_kind" };
  g_autoptr(GPtrArray) before_rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardPlanArea) area = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const gint64 *agency_ids;
  guint n_agency_ids;
  guint n_entries = 0;
  gint64 n_before, school_id;
  sqlite3 *db;

  db = raw_open (f);
  g_assert_cmpint (heard_test_raw_count (db, "PRAGMA user_version"), ==, 7);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM plan_action"), ==, 4);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM agency"), ==, 3);
  school_id = heard_test_raw_count (db, "SELECT id FROM agency WHERE name = 'Northgate Academy'");
  n_before = heard_test_raw_count (db, "SELECT count (*) FROM audit");
  before = heard_test_audit_hashes (db, n_before);
  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    g_ptr_array_add (before_rows, heard_test_dump_table (db, tables[i]));
  sqlite3_close (db);

  open_store (f);
  g_assert_null (heard_test_verify_audit (f->store, &n_entries));
  g_assert_cmpuint (n_entries, ==, n_before);

  people = heard_test_list_people (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (heard_person_get_text (g_ptr_array_index (people, 0), HEARD_PERSON_AGENCIES),
                   ==, "school,police");
  agency_ids = heard_person_get_agency_ids (g_ptr_array_index (people, 0), &n_agency_ids);
  g_assert_cmpuint (n_agency_ids, ==, 1);
  g_assert_cmpint (agency_ids[0], ==, school_id);

  plans = heard_test_load_plans (f->store, heard_person_get_id (g_ptr_array_index (people, 0)),
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  area = g_list_model_get_item (heard_plan_get_areas (g_ptr_array_index (plans, 0)), 0);
  g_assert_cmpuint (g_list_model_get_n_items (heard_plan_area_get_actions (area)), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(HeardPlanAction) action = g_list_model_get_item (heard_plan_area_get_actions (area),
                                                                 i);

      g_assert_cmpint (heard_plan_action_get_owner_agency_id (action), ==,
                       heard_plan_action_get_owner (action) == HEARD_AGENCY_SCHOOL ? school_id
                                                                                    : 0);
    }
  heard_test_close_store (&f->store);

  db = raw_open (f);
  g_assert_cmpint (heard_test_raw_count (db, "PRAGMA user_version"), ==,
                   heard_sqlite_store_get_schema_version ());
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM audit"), ==, n_before);
  after = heard_test_audit_hashes (db, n_before);
  g_assert_cmpstr (after, ==, before);
  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *rows = heard_test_dump_table (db, tables[i]);

      g_assert_cmpstr (rows, ==, g_ptr_array_index (before_rows, i));
    }
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM plan_action_agency"), ==, 1);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM person_agency"), ==, 1);
  /* The schema keeps kind and entry together from now on. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO plan_action_agency (action_id, agency_id)"
                                     " SELECT id, 2 FROM plan_action WHERE owner = 'family'",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

/* Schema 8, made by that day's store (make-fixture --current) with the
 * records of schema 7 and a PDF made for Northgate Academy, noted in the
 * audit trail. The update keeps every record and every audit entry (the
 * trail still verifies, the export note still reads back), seeds the
 * lawful bases, and the new tables hold what the core would hold and
 * refuse what it refuses: a share without a lawful basis, a not-asked
 * without who decided, any change to a sealed version or consent row. */
static void
test_from_v8 (Fixture       *f,
              gconstpointer  data)
{
  const char *const tables[] = { "person", "plan_action", "agency", "statement_version",
                                 "chronology_version", "audit" };
  g_autoptr(GPtrArray) before_rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardExportNote) note = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  sqlite3_stmt *statement = NULL;
  guint n_entries = 0;
  gint64 n_before, school_id, person_id, statement_id, export_id;
  sqlite3 *db;
  char *sql;

  db = raw_open (f);
  g_assert_cmpint (heard_test_raw_count (db, "PRAGMA user_version"), ==, 8);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM plan_action"), ==, 4);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM agency"), ==, 3);
  export_id = heard_test_raw_count (db, "SELECT max (id) FROM audit WHERE action = 'exported'");
  g_assert_cmpint (export_id, >, 0);
  n_before = heard_test_raw_count (db, "SELECT count (*) FROM audit");
  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    g_ptr_array_add (before_rows, heard_test_dump_table (db, tables[i]));
  sqlite3_close (db);

  open_store (f);
  g_assert_null (heard_test_verify_audit (f->store, &n_entries));
  g_assert_cmpuint (n_entries, ==, n_before);
  people = heard_test_list_people (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  /* The export made before the sharing log waits to be logged. */
  heard_store_list_unlogged_exports_async (f->store,
                                           heard_person_get_id (g_ptr_array_index (people, 0)),
                                           NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  drafts = heard_store_list_unlogged_exports_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpint (heard_sharing_entry_get_export_audit_id (g_ptr_array_index (drafts, 0)), ==,
                   export_id);
  g_assert_cmpint (heard_sharing_entry_get_method (g_ptr_array_index (drafts, 0)), ==,
                   HEARD_SHARING_METHOD_SECURE_TRANSFER);
  g_clear_object (&result);
  heard_test_close_store (&f->store);

  db = raw_open (f);
  g_assert_cmpint (heard_test_raw_count (db, "PRAGMA user_version"), ==,
                   heard_sqlite_store_get_schema_version ());
  g_assert_cmpint (heard_sharing_entry_get_agency_id (g_ptr_array_index (drafts, 0)), ==,
                   heard_test_raw_count (db, "SELECT id FROM agency"
                                             " WHERE name = 'Northgate Academy'"));
  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *rows = heard_test_dump_table (db, tables[i]);

      g_assert_cmpstr (rows, ==, g_ptr_array_index (before_rows, i));
    }
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT detail FROM audit WHERE id = ?", -1,
                                       &statement, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (statement, 1, export_id);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  note = heard_export_note_from_detail ((const char *) sqlite3_column_text (statement, 0));
  sqlite3_finalize (statement);
  g_assert_nonnull (note);
  g_assert_cmpint (note->kind, ==, HEARD_EXPORT_PDF);
  g_assert_cmpuint (note->statements->len, ==, 1);

  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM lawful_basis"), ==, 6);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM lawful_basis"
                                             " WHERE code IN ('consent', 'legal-obligation',"
                                             " 'public-task', 'vital-interests',"
                                             " 'legitimate-interests', 'safeguarding')"
                                             " AND length (explanation) > 0"), ==, 6);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM sharing_version"), ==, 0);
  school_id = heard_test_raw_count (db, "SELECT id FROM agency WHERE name = 'Northgate Academy'");
  person_id = heard_test_raw_count (db, "SELECT id FROM person");
  statement_id = heard_test_raw_count (db, "SELECT id FROM statement");

  /* The new tables keep a share, its links and consent... */
  sql = sqlite3_mprintf (
    "INSERT INTO sharing_entry (id, person_id) VALUES (1, %lld);"
    "INSERT INTO sharing_version (id, entry_id, version, decision, what, agency_id, shared_on,"
    "  method, lawful_basis, agreed, told, necessary, export_audit_id, saved_by, saved_at)"
    "  VALUES (1, 1, 1, 'shared', 'The plan', %lld, '2026-01-05', 'printed-report', 'consent',"
    "          'yes', 'yes', 'So school can help.', %lld, 'test', '2026-01-05T10:00:00Z');"
    "INSERT INTO sharing_link (version_id, what, record_id) VALUES (1, 'statement', %lld);"
    "INSERT INTO statement_consent (statement_id, ends_on, saved_by, saved_at)"
    "  VALUES (%lld, '2026-06-30', 'test', '2026-01-05T10:00:00Z');",
    (long long) person_id, (long long) school_id, (long long) export_id,
    (long long) statement_id, (long long) statement_id);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_free (sql);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM sharing_link"), ==, 1);

  /* ...and refuse what the core refuses, and every change to what is kept. */
  {
    const char *const refused[] = {
      /* A share without a lawful basis. */
      "INSERT INTO sharing_version (entry_id, version, decision, what, agency_id, shared_on,"
      "  method, agreed, told, necessary, reason, saved_by, saved_at)"
      "  VALUES (1, 2, 'shared', 'The plan', 1, '2026-01-05', 'email', 'yes', 'yes', 'Needed.',"
      "          'Typo', 'test', 'now')",
      /* Not asked, with no one who decided. */
      "INSERT INTO sharing_version (entry_id, version, decision, what, agency_id, shared_on,"
      "  method, lawful_basis, agreed, agreement_reason, told, necessary, reason, saved_by,"
      "  saved_at)"
      "  VALUES (1, 2, 'shared', 'The plan', 1, '2026-01-05', 'email', 'safeguarding',"
      "          'not-asked', 'No time.', 'yes', 'Needed.', 'Typo', 'test', 'now')",
      /* Not shared, with no reason. */
      "INSERT INTO sharing_version (entry_id, version, decision, what, agency_id, shared_on,"
      "  method, agreed, told, reason, saved_by, saved_at)"
      "  VALUES (1, 2, 'not-shared', 'The plan', 1, '2026-01-05', 'email', 'yes', 'yes',"
      "          'Typo', 'test', 'now')",
      /* Not told, with no reason. */
      "INSERT INTO sharing_version (entry_id, version, decision, what, agency_id, shared_on,"
      "  method, lawful_basis, agreed, told, necessary, reason, saved_by, saved_at)"
      "  VALUES (1, 2, 'shared', 'The plan', 1, '2026-01-05', 'email', 'consent', 'yes', 'no',"
      "          'Needed.', 'Typo', 'test', 'now')",
      /* An amendment with no reason, and one out of turn. */
      "INSERT INTO sharing_version (entry_id, version, decision, what, agency_id, shared_on,"
      "  method, lawful_basis, agreed, told, necessary, saved_by, saved_at)"
      "  VALUES (1, 2, 'shared', 'The plan', 1, '2026-01-05', 'email', 'consent', 'yes', 'yes',"
      "          'Needed.', 'test', 'now')",
      "INSERT INTO sharing_version (entry_id, version, decision, what, agency_id, shared_on,"
      "  method, lawful_basis, agreed, told, necessary, reason, saved_by, saved_at)"
      "  VALUES (1, 3, 'shared', 'The plan', 1, '2026-01-05', 'email', 'consent', 'yes', 'yes',"
      "          'Needed.', 'Typo', 'test', 'now')",
      "UPDATE sharing_version SET what = 'Nothing'",
      "DELETE FROM sharing_version",
      "UPDATE sharing_entry SET person_id = 0",
      "DELETE FROM sharing_entry",
      "DELETE FROM sharing_link",
      "INSERT INTO sharing_link (version_id, what, record_id) VALUES (1, 'diary', 1)",
      "UPDATE statement_consent SET withdrawn_on = '2026-02-01'",
      "DELETE FROM statement_consent",
    };

    for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_test_message ("%s", refused[i]);
        g_assert_cmpint (sqlite3_exec (db, refused[i], NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
      }
  }
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM sharing_version"), ==, 1);
  sqlite3_close (db);
}

/* Every written-for-them mark on the one young person's records. */
static GListModel *
list_marks (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  GListStore *marks = g_list_store_new (HEARD_TYPE_FOR_THEM_MARK);

  people = heard_test_list_people (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  heard_store_list_for_them_marks_async (f->store,
                                         heard_person_get_id (g_ptr_array_index (people, 0)),
                                         NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  listed = heard_store_list_for_them_marks_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_list_store_splice (marks, 0, 0, listed->pdata, listed->len);

  return G_LIST_MODEL (marks);
}

static void
test_from_v9 (Fixture       *f,
              gconstpointer  data)
{
  const char *const tables[] = { "person", "plan_area", "plan_action", "statement_version",
                                 "statement_response", "check_in", "check_in_rating",
                                 "audit" };
  const struct { HeardForThemText what; const char *sql; gboolean for_them; } defaults[] = {
    { HEARD_FOR_THEM_AREA, "SELECT id FROM plan_area", TRUE },
    { HEARD_FOR_THEM_WORKER_GOAL, "SELECT id FROM plan_area", TRUE },
    { HEARD_FOR_THEM_ACTION, "SELECT min (id) FROM plan_action", TRUE },
    { HEARD_FOR_THEM_ANSWER, "SELECT id FROM statement_response", TRUE },
    { HEARD_FOR_THEM_STATEMENT_CONTEXT, "SELECT id FROM statement", FALSE },
    { HEARD_FOR_THEM_CHECK_IN_NOTE, "SELECT id FROM check_in", FALSE },
  };
  g_autoptr(GPtrArray) before_rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) marks = NULL;
  guint n_entries = 0;
  gint64 n_before, person_id, other_id, plan_id, area_id, answer_id, statement_id, check_in_id,
         export_id;
  sqlite3 *db;
  char *sql;

  db = raw_open (f);
  g_assert_cmpint (heard_test_raw_count (db, "PRAGMA user_version"), ==, 9);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM statement_response"), ==, 1);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM check_in"
                                             " WHERE length (worker_note) > 0"), ==, 1);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM statement_version"
                                             " WHERE length (context) > 0"), ==, 1);
  n_before = heard_test_raw_count (db, "SELECT count (*) FROM audit");
  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    g_ptr_array_add (before_rows, heard_test_dump_table (db, tables[i]));
  sqlite3_close (db);

  open_store (f);
  g_assert_null (heard_test_verify_audit (f->store, &n_entries));
  g_assert_cmpuint (n_entries, ==, n_before);
  marks = list_marks (f);
  heard_test_close_store (&f->store);

  db = raw_open (f);
  g_assert_cmpint (heard_test_raw_count (db, "PRAGMA user_version"), ==,
                   heard_sqlite_store_get_schema_version ());
  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *rows = heard_test_dump_table (db, tables[i]);

      g_assert_cmpstr (rows, ==, g_ptr_array_index (before_rows, i));
    }
  /* Records written before take the defaults: the plan's area, goals and
   * actions and the answer are written for them, the statement's context
   * and the check-in's note are not. */
  g_assert_cmpuint (g_list_model_get_n_items (marks), ==, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      gint64 record_id = heard_test_raw_count (db, defaults[i].sql);

      g_assert_cmpint (record_id, >, 0);
      g_assert_cmpint (heard_written_for_them (marks, defaults[i].what, record_id), ==,
                       defaults[i].for_them);
    }
  /* No record had a mark written: each takes its kind's default. */
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM for_them_mark"), ==, 0);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM own_words"), ==, 0);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM plan_say"), ==, 0);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM withholding"), ==, 0);

  person_id = heard_test_raw_count (db, "SELECT id FROM person");
  plan_id = heard_test_raw_count (db, "SELECT id FROM plan");
  area_id = heard_test_raw_count (db, "SELECT id FROM plan_area");
  answer_id = heard_test_raw_count (db, "SELECT id FROM statement_response");
  statement_id = heard_test_raw_count (db, "SELECT id FROM statement");
  check_in_id = heard_test_raw_count (db, "SELECT id FROM check_in");
  export_id = heard_test_raw_count (db, "SELECT max (id) FROM audit WHERE action = 'exported'");
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO person (display_name, created_at, updated_at)"
                                     " VALUES ('Someone Else', 'now', 'now')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  other_id = sqlite3_last_insert_rowid (db);

  /* The new tables keep marks, their words, their say and a withholding... */
  sql = sqlite3_mprintf (
    "INSERT INTO for_them_mark (person_id, what, record_id, for_them, reason, saved_by, saved_at)"
    "  VALUES (%lld, 'check-in-note', %lld, 1, 'She asked to see it.', 'test', 'now'),"
    "         (%lld, 'area', %lld, 0, '', 'test', 'now');"
    "INSERT INTO own_words (person_id, area_kind, part, version, words, plan_id, written_by,"
    "                       saved_by, saved_at)"
    "  VALUES (%lld, %d, 'goal', 1, 'Live at my nan''s.', %lld, 'young-person', 'test', 'now'),"
    "         (%lld, %d, 'goal', 2, 'Live at nan''s for good.', %lld, 'young-person', 'test',"
    "          'now');"
    "INSERT INTO plan_say (plan_id, say, words, saved_by, saved_at)"
    "  VALUES (%lld, 'does-not-agree', 'Not the bit about school.', 'test', 'now');"
    "INSERT INTO withholding (person_id, export_audit_id, what, record_id, item, exemption,"
    "                         reason, decided_by, saved_by, saved_at)"
    "  VALUES (%lld, %lld, 'check-in', %lld, 'The worker''s note', 'third-party',"
    "          'It is about her mum.', 'A. Manager', 'test', 'now');",
    (long long) person_id, (long long) check_in_id, (long long) person_id, (long long) area_id,
    (long long) person_id, HEARD_AREA_HOME, (long long) plan_id,
    (long long) person_id, HEARD_AREA_HOME, (long long) plan_id,
    (long long) plan_id, (long long) person_id, (long long) export_id, (long long) check_in_id);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_free (sql);

  /* ...and refuse what the core refuses, and every change to what is kept. */
  {
    g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (sqlite3_free);

    /* An amendment of a sealed record's mark with no reason. */
    g_ptr_array_add (refused, sqlite3_mprintf (
      "INSERT INTO for_them_mark (person_id, what, record_id, for_them, saved_by, saved_at)"
      "  VALUES (%lld, 'answer', %lld, 0, 'test', 'now')",
      (long long) person_id, (long long) answer_id));
    /* A mark on another young person's record, or on no record. */
    g_ptr_array_add (refused, sqlite3_mprintf (
      "INSERT INTO for_them_mark (person_id, what, record_id, for_them, reason, saved_by,"
      "  saved_at) VALUES (%lld, 'statement-context', %lld, 1, 'Asked.', 'test', 'now')",
      (long long) other_id, (long long) statement_id));
    g_ptr_array_add (refused, sqlite3_mprintf (
      "INSERT INTO for_them_mark (person_id, what, record_id, for_them, saved_by, saved_at)"
      "  VALUES (%lld, 'action', 999, 1, 'test', 'now')", (long long) person_id));
    /* Their words out of turn, for an area their plan has not, not theirs. */
    g_ptr_array_add (refused, sqlite3_mprintf (
      "INSERT INTO own_words (person_id, area_kind, part, version, words, plan_id, written_by,"
      "  saved_by, saved_at) VALUES (%lld, %d, 'goal', 4, 'Late.', %lld, 'young-person',"
      "  'test', 'now')", (long long) person_id, HEARD_AREA_HOME, (long long) plan_id));
    g_ptr_array_add (refused, sqlite3_mprintf (
      "INSERT INTO own_words (person_id, area_kind, part, version, words, plan_id, written_by,"
      "  saved_by, saved_at) VALUES (%lld, %d, 'goal', 1, 'Elsewhere.', %lld, 'young-person',"
      "  'test', 'now')", (long long) person_id, HEARD_AREA_JUSTICE, (long long) plan_id));
    g_ptr_array_add (refused, sqlite3_mprintf (
      "INSERT INTO own_words (person_id, area_kind, part, version, words, plan_id, written_by,"
      "  saved_by, saved_at) VALUES (%lld, %d, 'what-helps', 1, 'Music.', %lld, 'worker',"
      "  'test', 'now')", (long long) person_id, HEARD_AREA_HOME, (long long) plan_id));
    g_ptr_array_add (refused, sqlite3_mprintf (
      "INSERT INTO plan_say (plan_id, say, saved_by, saved_at)"
      "  VALUES (%lld, 'maybe', 'test', 'now')", (long long) plan_id));
    /* A withholding with no reason, or not for an export of theirs. */
    g_ptr_array_add (refused, sqlite3_mprintf (
      "INSERT INTO withholding (person_id, export_audit_id, what, item, exemption, reason,"
      "  decided_by, saved_by, saved_at) VALUES (%lld, %lld, 'other', 'A letter',"
      "  'third-party', ' ', 'A. Manager', 'test', 'now')",
      (long long) person_id, (long long) export_id));
    g_ptr_array_add (refused, sqlite3_mprintf (
      "INSERT INTO withholding (person_id, export_audit_id, what, item, exemption, reason,"
      "  decided_by, saved_by, saved_at) VALUES (%lld, %lld, 'other', 'A letter',"
      "  'third-party', 'About her mum.', 'A. Manager', 'test', 'now')",
      (long long) other_id, (long long) export_id));
    g_ptr_array_add (refused, sqlite3_mprintf ("UPDATE for_them_mark SET for_them = 1"));
    g_ptr_array_add (refused, sqlite3_mprintf ("DELETE FROM for_them_mark"));
    g_ptr_array_add (refused, sqlite3_mprintf ("UPDATE own_words SET words = 'Other words'"));
    g_ptr_array_add (refused, sqlite3_mprintf ("DELETE FROM own_words"));
    g_ptr_array_add (refused, sqlite3_mprintf ("UPDATE plan_say SET say = 'agrees'"));
    g_ptr_array_add (refused, sqlite3_mprintf ("DELETE FROM plan_say"));
    g_ptr_array_add (refused, sqlite3_mprintf ("UPDATE withholding SET reason = 'None'"));
    g_ptr_array_add (refused, sqlite3_mprintf ("DELETE FROM withholding"));

    for (guint i = 0; i < refused->len; i++)
      {
        const char *sql_text = g_ptr_array_index (refused, i);

        g_test_message ("%s", sql_text);
        g_assert_cmpint (sqlite3_exec (db, sql_text, NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
      }
  }
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM own_words"), ==, 2);
  g_assert_cmpint (heard_test_raw_count (db, "SELECT count (*) FROM for_them_mark"), ==, 2);
  sqlite3_close (db);
}

static void
add_test (const char *path,
          guint       version,
          void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, GUINT_TO_POINTER (version), fixture_set_up, test,
              fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  heard_test_init (&argc, &argv);

  add_test ("/migrations/from-v1", 1, test_from_v1);
  add_test ("/migrations/from-v2", 2, test_from_v2);
  add_test ("/migrations/from-v3", 3, test_from_v3);
  add_test ("/migrations/from-v4", 4, test_from_v4);
  add_test ("/migrations/from-v5", 5, test_from_v5);
  add_test ("/migrations/from-v6", 6, test_from_v6);
  add_test ("/migrations/from-v7", 7, test_from_v7);
  add_test ("/migrations/from-v8", 8, test_from_v8);
  add_test ("/migrations/from-v9", 9, test_from_v9);

  return g_test_run ();
}

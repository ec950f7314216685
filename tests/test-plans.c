/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-plans"

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "heard-audit.h"
#include "heard-caseload.h"
#include "heard-closure-check.h"
#include "heard-date.h"
#include "heard-sqlite-store.h"
#include "heard-store-people.h"
#include "heard-store-plans.h"
#include "heard-store-staff.h"
#include "heard-test-utils.h"

/*
 * Support plans through the real store: the lifecycle rules, review dates,
 * supervisors' passphrases, closure, the open-items check, the caseload
 * overview, and the audit trail that records all of it.
 */

#define SUPERVISOR_PASSPHRASE "correct horse battery"

typedef struct
{
  char         *dir;
  char         *path;
  HeardKey     *key;
  HeardStore   *store;
  GAsyncResult *result;
  GAsyncResult *last;
  gint64        person_id;
  gint64        supervisor_id;
  gint64        caseworker_id;
} Fixture;

/* Waits for the pending call's result; it stays valid until the next one. */
static GAsyncResult *
result_of (Fixture *f)
{
  return heard_test_result_of (&f->result, &f->last);
}

#define ASYNC(f) NULL, heard_test_store_result_cb, &(f)->result

static gint64
save_staff (Fixture        *f,
            HeardStaffRole  role,
            const char     *name,
            const char     *passphrase)
{
  g_autoptr(HeardStaff) staff = heard_staff_new (role);
  g_autoptr(GError) error = NULL;
  gint64 id;

  heard_staff_set_name (staff, name);
  heard_store_save_staff_async (f->store, staff, passphrase, ASYNC (f));
  id = heard_store_save_staff_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = heard_test_make_dir ();
  f->path = g_build_filename (f->dir, "heard.db", NULL);
  f->key = heard_test_key_new (3);
  f->store = heard_test_create_store (f->path, f->key);
  f->person_id = heard_test_add_person (f->store, "Amira Khan");
  f->caseworker_id = save_staff (f, HEARD_STAFF_CASEWORKER, "Priya Shah", NULL);
  f->supervisor_id = save_staff (f, HEARD_STAFF_SUPERVISOR, "Sam Okafor", SUPERVISOR_PASSPHRASE);
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
}

static HeardPlan *
newest_plan (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = heard_test_load_plans (f->store, f->person_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, >, 0);

  return g_object_ref (g_ptr_array_index (plans, 0));
}

static GPtrArray *
load_plans (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *plans = heard_test_load_plans (f->store, f->person_id, &error);

  g_assert_no_error (error);

  return plans;
}

static gint64
start_plan (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  heard_store_start_plan_async (f->store, f->person_id, ASYNC (f));
  id = heard_store_start_plan_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static gint64
try_save_area (Fixture        *f,
               HeardPlanArea  *area,
               GError        **error)
{
  heard_store_save_area_async (f->store, area, ASYNC (f));
  return heard_store_save_area_finish (f->store, result_of (f), error);
}

static gint64
add_area (Fixture       *f,
          gint64         plan_id,
          HeardAreaKind  kind,
          const char    *own_words)
{
  g_autoptr(HeardPlanArea) area = heard_plan_area_new (plan_id, kind);
  g_autoptr(GError) error = NULL;
  gint64 id;

  heard_plan_area_set_text (area, HEARD_AREA_WORRIED, "Missing school on Mondays.");
  heard_plan_area_set_text (area, HEARD_AREA_GOAL_OWN_WORDS, own_words);
  heard_plan_area_set_text (area, HEARD_AREA_GOAL_WORKER, "Regular attendance with support.");
  id = try_save_area (f, area, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static gint64
try_save_action (Fixture          *f,
                 HeardPlanAction  *action,
                 GError          **error)
{
  heard_store_save_action_async (f->store, action, ASYNC (f));
  return heard_store_save_action_finish (f->store, result_of (f), error);
}

static HeardPlanAction *
action_new (gint64      plan_id,
            gint64      area_id,
            const char *what,
            const char *due)
{
  HeardPlanAction *action = heard_plan_action_new (plan_id, area_id);

  heard_plan_action_set_text (action, HEARD_ACTION_WHAT, what);
  heard_plan_action_set_text (action, HEARD_ACTION_DUE_DATE, due);
  heard_plan_action_set_text (action, HEARD_ACTION_OWNER_NAME, "Ms Patel");
  heard_plan_action_set_owner (action, HEARD_AGENCY_SCHOOL);

  return action;
}

static gint64
add_action (Fixture    *f,
            gint64      plan_id,
            gint64      area_id,
            const char *what,
            const char *due)
{
  g_autoptr(HeardPlanAction) action = action_new (plan_id, area_id, what, due);
  g_autoptr(GError) error = NULL;
  gint64 id = try_save_action (f, action, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static gboolean
try_submit (Fixture  *f,
            gint64    plan_id,
            GError  **error)
{
  heard_store_submit_plan_async (f->store, plan_id, ASYNC (f));
  return heard_store_submit_plan_finish (f->store, result_of (f), error);
}

static gboolean
try_decide (Fixture            *f,
            gint64              plan_id,
            HeardPlanDecision  *decision,
            const char         *passphrase,
            GError            **error)
{
  heard_store_decide_plan_async (f->store, plan_id, decision, passphrase, ASYNC (f));
  return heard_store_decide_plan_finish (f->store, result_of (f), error);
}

static void
decide (Fixture        *f,
        gint64          plan_id,
        HeardPlanEvent  event,
        const char     *comments)
{
  g_autoptr(HeardPlanDecision) decision = heard_plan_decision_new (event, f->supervisor_id);
  g_autoptr(GError) error = NULL;

  g_free (decision->comments);
  decision->comments = g_strdup (comments);
  g_assert_true (try_decide (f, plan_id, decision, SUPERVISOR_PASSPHRASE, &error));
  g_assert_no_error (error);
}

/* A plan with two areas and an action, submitted for review. */
static gint64
submitted_plan (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 plan_id = start_plan (f);
  gint64 area_id = add_area (f, plan_id, HEARD_AREA_EDUCATION, "I want to go back to college.");

  add_area (f, plan_id, HEARD_AREA_SAFETY, "Feel safe on the bus.");
  add_action (f, plan_id, area_id, "Meet the college's pastoral lead", "2030-01-15");
  g_assert_true (try_submit (f, plan_id, &error));
  g_assert_no_error (error);

  return plan_id;
}

static gint64
active_plan (Fixture *f)
{
  gint64 plan_id = submitted_plan (f);

  decide (f, plan_id, HEARD_PLAN_EVENT_SIGN_OFF, "A clear plan, in Amira's words.");
  return plan_id;
}

static char *
months_from_today (guint months)
{
  GDate date;

  heard_plan_rules_today (&date);
  g_date_add_months (&date, months);
  return heard_date_to_iso (&date);
}

static sqlite3 *
open_behind_heards_back (Fixture *f)
{
  return heard_test_raw_open (f->path, f->key);
}

/* The pure rules */

static void
test_rules_transitions (void)
{
  static const struct
  {
    HeardPlanState from;
    HeardPlanEvent event;
    HeardPlanState to;
  } legal[] = {
    { HEARD_PLAN_STATE_DRAFT, HEARD_PLAN_EVENT_SUBMIT, HEARD_PLAN_STATE_AWAITING_REVIEW },
    { HEARD_PLAN_STATE_AWAITING_REVIEW, HEARD_PLAN_EVENT_SIGN_OFF, HEARD_PLAN_STATE_ACTIVE },
    { HEARD_PLAN_STATE_AWAITING_REVIEW, HEARD_PLAN_EVENT_REQUEST_CHANGES,
      HEARD_PLAN_STATE_CHANGES_REQUESTED },
    { HEARD_PLAN_STATE_CHANGES_REQUESTED, HEARD_PLAN_EVENT_SUBMIT,
      HEARD_PLAN_STATE_AWAITING_REVIEW },
    { HEARD_PLAN_STATE_ACTIVE, HEARD_PLAN_EVENT_REVIEW, HEARD_PLAN_STATE_ACTIVE },
    { HEARD_PLAN_STATE_ACTIVE, HEARD_PLAN_EVENT_CLOSE, HEARD_PLAN_STATE_CLOSED },
    { HEARD_PLAN_STATE_ACTIVE, HEARD_PLAN_EVENT_SUPERSEDE, HEARD_PLAN_STATE_SUPERSEDED },
  };
  guint n_legal = 0;

  for (HeardPlanState from = 0; from < HEARD_PLAN_N_STATES; from++)
    for (HeardPlanEvent event = 0; event < HEARD_PLAN_N_EVENTS; event++)
      {
        g_autoptr(GError) error = NULL;
        HeardPlanState to = HEARD_PLAN_N_STATES;
        int expected = -1;

        for (guint i = 0; i < G_N_ELEMENTS (legal); i++)
          if (legal[i].from == from && legal[i].event == event)
            expected = (int) legal[i].to;

        if (expected >= 0)
          {
            g_assert_true (heard_plan_rules_transition (from, event, &to, &error));
            g_assert_no_error (error);
            g_assert_cmpint (to, ==, expected);
            g_assert_true (heard_plan_rules_allows (from, event));
            n_legal++;
          }
        else
          {
            g_assert_false (heard_plan_rules_transition (from, event, &to, &error));
            g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_ILLEGAL_TRANSITION);
            g_assert_cmpint (to, ==, HEARD_PLAN_N_STATES);
            g_assert_false (heard_plan_rules_allows (from, event));
          }
      }

  g_assert_cmpuint (n_legal, ==, G_N_ELEMENTS (legal));

  /* Only a version still being written can have its contents changed. */
  g_assert_true (heard_plan_rules_is_editable (HEARD_PLAN_STATE_DRAFT));
  g_assert_true (heard_plan_rules_is_editable (HEARD_PLAN_STATE_CHANGES_REQUESTED));
  g_assert_false (heard_plan_rules_is_editable (HEARD_PLAN_STATE_AWAITING_REVIEW));
  g_assert_false (heard_plan_rules_is_editable (HEARD_PLAN_STATE_ACTIVE));
  g_assert_false (heard_plan_rules_is_editable (HEARD_PLAN_STATE_CLOSED));
}

static void
assert_limit (const char *decided,
              gboolean    first_review,
              const char *expected)
{
  g_autofree char *limit_text = NULL;
  GDate date, limit;

  g_assert_true (heard_date_parse (decided, &date, NULL));
  heard_plan_rules_review_limit (&date, first_review, &limit);
  limit_text = heard_date_to_iso (&limit);
  g_assert_cmpstr (limit_text, ==, expected);
}

static void
test_rules_review_dates (void)
{
  /* Three months after sign-off for the first review. */
  assert_limit ("2025-01-15", TRUE, "2025-04-15");
  assert_limit ("2024-11-30", TRUE, "2025-02-28");
  assert_limit ("2023-11-30", TRUE, "2024-02-29");
  assert_limit ("2024-05-31", TRUE, "2024-08-31");
  assert_limit ("2023-10-31", TRUE, "2024-01-31");
  assert_limit ("31/12/2024", TRUE, "2025-03-31");

  /* At most six months after that: month ends stay month ends. */
  assert_limit ("2023-08-31", FALSE, "2024-02-29");
  assert_limit ("2022-08-31", FALSE, "2023-02-28");
  assert_limit ("2100-08-31", FALSE, "2101-02-28");
  assert_limit ("1999-08-31", FALSE, "2000-02-29");
  assert_limit ("2024-02-29", FALSE, "2024-08-29");
  assert_limit ("2023-12-31", FALSE, "2024-06-30");
  assert_limit ("2024-03-31", FALSE, "2024-09-30");
  assert_limit ("2024-07-01", FALSE, "2025-01-01");
}

static void
test_rules_review_brought_forward (void)
{
  GDate today, limit, proposed;
  g_autoptr(GError) error = NULL;

  g_assert_true (heard_date_parse ("2025-01-10", &today, NULL));
  g_assert_true (heard_date_parse ("2025-04-10", &limit, NULL));

  g_assert_true (heard_date_parse ("2025-02-01", &proposed, NULL));
  g_assert_true (heard_plan_rules_check_review_date (&proposed, &today, &limit, &error));
  g_assert_no_error (error);
  g_assert_true (heard_plan_rules_check_review_date (&today, &today, &limit, &error));
  g_assert_true (heard_plan_rules_check_review_date (&limit, &today, &limit, &error));
  g_assert_no_error (error);

  /* Never put off beyond what the rule allows, never into the past. */
  g_assert_true (heard_date_parse ("2025-04-11", &proposed, NULL));
  g_assert_false (heard_plan_rules_check_review_date (&proposed, &today, &limit, &error));
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_BAD_DATE);
  g_assert_nonnull (strstr (error->message, "10 April 2025"));
  g_clear_error (&error);

  g_assert_true (heard_date_parse ("2025-01-09", &proposed, NULL));
  g_assert_false (heard_plan_rules_check_review_date (&proposed, &today, &limit, &error));
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_BAD_DATE);
  g_clear_error (&error);

  g_date_clear (&proposed, 1);
  g_assert_false (heard_plan_rules_check_review_date (&proposed, &today, &limit, &error));
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_BAD_DATE);
}

static void
test_rules_closure (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (heard_plan_rules_check_closure ("", "", "Moved to another area", &error));
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_NEEDS_VIEW);
  g_clear_error (&error);

  /* Spaces and line breaks are not a view. */
  g_assert_false (heard_plan_rules_check_closure (" \n\t", NULL, "Moved away", &error));
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_NEEDS_VIEW);
  g_clear_error (&error);

  g_assert_false (heard_plan_rules_check_closure ("I'm ready to stop.", "", "  ", &error));
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_NEEDS_REASON);
  g_clear_error (&error);

  g_assert_true (heard_plan_rules_check_closure ("I'm ready to stop.", "", "Goals met", &error));
  g_assert_true (heard_plan_rules_check_closure ("", "Moved abroad; no contact possible",
                                                 "Left the area", &error));
  g_assert_no_error (error);
}

/* Through the store */

static void
test_lifecycle (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardPlan) plan = NULL;
  g_autoptr(HeardPlanReview) review = NULL;
  g_autofree char *expected_review = months_from_today (HEARD_PLAN_FIRST_REVIEW_MONTHS);
  gint64 plan_id = submitted_plan (f);

  plan = newest_plan (f);
  g_assert_cmpint (heard_plan_get_state (plan), ==, HEARD_PLAN_STATE_AWAITING_REVIEW);
  g_assert_cmpuint (heard_plan_get_version (plan), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (heard_plan_get_areas (plan)), ==, 2);
  g_assert_cmpuint (heard_plan_count_actions (plan, NULL), ==, 1);

  /* Awaiting review: not submitted twice, not closed, not changed. */
  g_assert_false (try_submit (f, plan_id, &error));
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  {
    g_autoptr(HeardPlanArea) area = heard_plan_area_new (plan_id, HEARD_AREA_HOME);

    g_assert_cmpint (try_save_area (f, area, &error), ==, 0);
    g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_NOT_EDITABLE);
    g_clear_error (&error);
  }

  decide (f, plan_id, HEARD_PLAN_EVENT_SIGN_OFF, "Signed off with thanks.");
  g_clear_object (&plan);
  plan = newest_plan (f);
  g_assert_cmpint (heard_plan_get_state (plan), ==, HEARD_PLAN_STATE_ACTIVE);
  g_assert_nonnull (heard_plan_get_signed_off_at (plan));
  g_assert_cmpstr (heard_plan_get_next_review (plan), ==, expected_review);
  g_assert_cmpstr (heard_plan_get_review_limit (plan), ==, expected_review);

  /* The decision is kept for everyone to read. */
  g_assert_cmpuint (g_list_model_get_n_items (heard_plan_get_reviews (plan)), ==, 1);
  review = g_list_model_get_item (heard_plan_get_reviews (plan), 0);
  g_assert_cmpint (heard_plan_review_get_decision (review), ==, HEARD_PLAN_EVENT_SIGN_OFF);
  g_assert_cmpstr (heard_plan_review_get_reviewer (review), ==, "Sam Okafor");
  g_assert_cmpstr (heard_plan_review_get_comments (review), ==, "Signed off with thanks.");
  g_assert_true (g_str_has_suffix (heard_plan_review_get_decided_at (review), "Z"));

  /* Active: not signed off again, not sent back for changes. */
  {
    g_autoptr(HeardPlanDecision) again = heard_plan_decision_new (HEARD_PLAN_EVENT_SIGN_OFF,
                                                                  f->supervisor_id);

    g_assert_false (try_decide (f, plan_id, again, SUPERVISOR_PASSPHRASE, &error));
    g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_ILLEGAL_TRANSITION);
    g_clear_error (&error);
  }

  /* A review held keeps the plan going, next review at most six months on. */
  decide (f, plan_id, HEARD_PLAN_EVENT_REVIEW, "Going well.");
  g_clear_object (&plan);
  plan = newest_plan (f);
  g_free (expected_review);
  expected_review = months_from_today (HEARD_PLAN_REVIEW_INTERVAL_MONTHS);
  g_assert_cmpint (heard_plan_get_state (plan), ==, HEARD_PLAN_STATE_ACTIVE);
  g_assert_cmpstr (heard_plan_get_next_review (plan), ==, expected_review);
  g_assert_cmpuint (g_list_model_get_n_items (heard_plan_get_reviews (plan)), ==, 2);
}

static void
test_changes_requested (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardPlan) plan = NULL;
  g_autoptr(HeardPlanDecision) silent = NULL;
  gint64 plan_id = submitted_plan (f);

  /* Asking for changes without saying which is refused. */
  silent = heard_plan_decision_new (HEARD_PLAN_EVENT_REQUEST_CHANGES, f->supervisor_id);
  g_assert_false (try_decide (f, plan_id, silent, SUPERVISOR_PASSPHRASE, &error));
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_INCOMPLETE);
  g_clear_error (&error);

  decide (f, plan_id, HEARD_PLAN_EVENT_REQUEST_CHANGES, "Add who meets her from the bus.");
  plan = newest_plan (f);
  g_assert_cmpint (heard_plan_get_state (plan), ==, HEARD_PLAN_STATE_CHANGES_REQUESTED);
  g_assert_null (heard_plan_get_signed_off_at (plan));

  /* The worker can change it again, and submit it again. */
  add_area (f, plan_id, HEARD_AREA_RELATIONSHIPS, "My nan.");
  g_assert_true (try_submit (f, plan_id, &error));
  g_assert_no_error (error);
  g_clear_object (&plan);
  plan = newest_plan (f);
  g_assert_cmpint (heard_plan_get_state (plan), ==, HEARD_PLAN_STATE_AWAITING_REVIEW);
  g_assert_cmpuint (g_list_model_get_n_items (heard_plan_get_areas (plan)), ==, 3);
}

static void
test_wrong_passphrase (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardPlan) plan = NULL;
  g_autoptr(HeardPlanDecision) decision = NULL;
  gint64 plan_id = submitted_plan (f);

  decision = heard_plan_decision_new (HEARD_PLAN_EVENT_SIGN_OFF, f->supervisor_id);
  g_assert_false (try_decide (f, plan_id, decision, "correct horse battery!", &error));
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_WRONG_PASSPHRASE);
  g_assert_nonnull (strstr (error->message, "Sam Okafor"));
  g_clear_error (&error);

  g_assert_false (try_decide (f, plan_id, decision, "", &error));
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  /* Nothing changed: still waiting, no decision on record. */
  plan = newest_plan (f);
  g_assert_cmpint (heard_plan_get_state (plan), ==, HEARD_PLAN_STATE_AWAITING_REVIEW);
  g_assert_cmpuint (g_list_model_get_n_items (heard_plan_get_reviews (plan)), ==, 0);
  g_assert_cmpstr (heard_plan_get_next_review (plan), ==, "");

  /* A caseworker cannot sign, whatever they type. */
  decision->reviewer_id = f->caseworker_id;
  g_assert_false (try_decide (f, plan_id, decision, SUPERVISOR_PASSPHRASE, &error));
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_NOT_A_SUPERVISOR);
}

static void
test_closure (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardPlan) plan = NULL;
  g_autoptr(HeardPlanDecision) closing = NULL;
  gint64 plan_id;

  /* Only an active plan can close. */
  plan_id = submitted_plan (f);
  closing = heard_plan_decision_new (HEARD_PLAN_EVENT_CLOSE, f->supervisor_id);
  g_free (closing->texts[HEARD_CLOSURE_VIEW]);
  closing->texts[HEARD_CLOSURE_VIEW] = g_strdup ("I feel ready.");
  g_free (closing->texts[HEARD_CLOSURE_REASON]);
  closing->texts[HEARD_CLOSURE_REASON] = g_strdup ("Goals met.");
  g_assert_false (try_decide (f, plan_id, closing, SUPERVISOR_PASSPHRASE, &error));
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);

  decide (f, plan_id, HEARD_PLAN_EVENT_SIGN_OFF, "");

  /* Without the young person's view (or why not), refused. */
  g_free (closing->texts[HEARD_CLOSURE_VIEW]);
  closing->texts[HEARD_CLOSURE_VIEW] = g_strdup ("   ");
  g_assert_false (try_decide (f, plan_id, closing, SUPERVISOR_PASSPHRASE, &error));
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_NEEDS_VIEW);
  g_clear_error (&error);

  /* Without a reason, refused. */
  g_free (closing->texts[HEARD_CLOSURE_WHY_NO_VIEW]);
  closing->texts[HEARD_CLOSURE_WHY_NO_VIEW] = g_strdup ("Moved abroad; not reachable.");
  g_free (closing->texts[HEARD_CLOSURE_REASON]);
  closing->texts[HEARD_CLOSURE_REASON] = g_strdup ("");
  g_assert_false (try_decide (f, plan_id, closing, SUPERVISOR_PASSPHRASE, &error));
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_NEEDS_REASON);
  g_clear_error (&error);

  plan = newest_plan (f);
  g_assert_cmpint (heard_plan_get_state (plan), ==, HEARD_PLAN_STATE_ACTIVE);

  /* With why the view could not be had and a reason, a supervisor closes it. */
  g_free (closing->texts[HEARD_CLOSURE_REASON]);
  closing->texts[HEARD_CLOSURE_REASON] = g_strdup ("Left the country with family.");
  closing->closes_case = TRUE;
  g_assert_true (try_decide (f, plan_id, closing, SUPERVISOR_PASSPHRASE, &error));
  g_assert_no_error (error);

  g_clear_object (&plan);
  plan = newest_plan (f);
  g_assert_cmpint (heard_plan_get_state (plan), ==, HEARD_PLAN_STATE_CLOSED);
  g_assert_cmpstr (heard_plan_get_closure_text (plan, HEARD_CLOSURE_WHY_NO_VIEW), ==,
                   "Moved abroad; not reachable.");
  g_assert_cmpstr (heard_plan_get_closure_text (plan, HEARD_CLOSURE_REASON), ==,
                   "Left the country with family.");
  g_assert_true (heard_plan_get_closes_case (plan));
  g_assert_nonnull (heard_plan_get_closed_at (plan));

  /* Closed is closed. */
  g_assert_false (try_decide (f, plan_id, closing, SUPERVISOR_PASSPHRASE, &error));
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_ILLEGAL_TRANSITION);
}

static void
test_versions (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autofree char *six_months = months_from_today (HEARD_PLAN_REVIEW_INTERVAL_MONTHS);
  g_autofree char *three_months = months_from_today (HEARD_PLAN_FIRST_REVIEW_MONTHS);
  g_autoptr(HeardPlan) third = NULL;
  HeardPlan *first, *second;
  gint64 first_id = active_plan (f);
  gint64 second_id, third_id;

  /* The new version starts as a copy of the one in use. */
  second_id = start_plan (f);
  g_assert_cmpint (second_id, !=, first_id);
  plans = load_plans (f);
  g_assert_cmpuint (plans->len, ==, 2);
  second = g_ptr_array_index (plans, 0);
  first = g_ptr_array_index (plans, 1);
  g_assert_cmpuint (heard_plan_get_version (second), ==, 2);
  g_assert_cmpint (heard_plan_get_state (second), ==, HEARD_PLAN_STATE_DRAFT);
  g_assert_cmpint (heard_plan_get_state (first), ==, HEARD_PLAN_STATE_ACTIVE);
  g_assert_cmpuint (g_list_model_get_n_items (heard_plan_get_areas (second)), ==, 2);
  g_assert_cmpuint (heard_plan_count_actions (second, NULL), ==, 1);
  g_assert_cmpstr (heard_plan_area_get_text (heard_plan_find_area (second, HEARD_AREA_SAFETY),
                                             HEARD_AREA_GOAL_OWN_WORDS), ==,
                   "Feel safe on the bus.");

  /* One version in progress at a time. */
  heard_store_start_plan_async (f->store, f->person_id, ASYNC (f));
  g_assert_cmpint (heard_store_start_plan_finish (f->store, result_of (f), &error), ==, 0);
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_IN_PROGRESS);
  g_clear_error (&error);

  /* Changing the copy leaves the version in use as it was. */
  add_area (f, second_id, HEARD_AREA_HOME, "My own room.");
  g_assert_true (try_submit (f, second_id, &error));
  decide (f, second_id, HEARD_PLAN_EVENT_SIGN_OFF, "");

  g_clear_pointer (&plans, g_ptr_array_unref);
  plans = load_plans (f);
  second = g_ptr_array_index (plans, 0);
  first = g_ptr_array_index (plans, 1);
  g_assert_cmpint (heard_plan_get_state (second), ==, HEARD_PLAN_STATE_ACTIVE);
  g_assert_cmpint (heard_plan_get_state (first), ==, HEARD_PLAN_STATE_SUPERSEDED);
  g_assert_cmpuint (g_list_model_get_n_items (heard_plan_get_areas (first)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (heard_plan_get_areas (second)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (heard_plan_get_reviews (first)), ==, 1);
  /* No review has happened yet, so the replacement keeps the first one, due
   * three months after the first sign-off: a new version never delays it. */
  g_assert_cmpstr (heard_plan_get_next_review (second), ==, three_months);

  /* Once a review has happened the rhythm is six-monthly, and a version
   * signed off after that keeps the review already due. */
  decide (f, second_id, HEARD_PLAN_EVENT_REVIEW, "Going well.");
  third_id = start_plan (f);
  g_assert_true (try_submit (f, third_id, &error));
  decide (f, third_id, HEARD_PLAN_EVENT_SIGN_OFF, "");
  third = newest_plan (f);
  g_assert_cmpint (heard_plan_get_id (third), ==, third_id);
  g_assert_cmpstr (heard_plan_get_next_review (third), ==, six_months);
}

static void
test_active_plan_progress_only (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardPlan) plan = NULL;
  g_autoptr(HeardPlanAction) action = NULL;
  HeardPlanArea *area;
  gint64 plan_id = active_plan (f);

  plan = newest_plan (f);
  area = heard_plan_find_area (plan, HEARD_AREA_EDUCATION);
  {
    g_autoptr(HeardPlanAction) stored = g_list_model_get_item (heard_plan_area_get_actions (area),
                                                               0);

    action = heard_plan_action_copy (stored);
  }

  /* How an action is going can be recorded on a plan in use… */
  heard_plan_action_set_status (action, HEARD_ACTION_STUCK);
  heard_plan_action_set_text (action, HEARD_ACTION_ACKNOWLEDGED_ON, "02/03/2025");
  g_assert_cmpint (try_save_action (f, action, &error), ==, heard_plan_action_get_id (action));
  g_assert_no_error (error);

  /* …but not what it is, or new actions: those need a new version. */
  heard_plan_action_set_text (action, HEARD_ACTION_WHAT, "Something else entirely");
  g_assert_cmpint (try_save_action (f, action, &error), ==, 0);
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_NOT_EDITABLE);
  g_clear_error (&error);
  {
    g_autoptr(HeardPlanAction) added = action_new (plan_id, heard_plan_area_get_id (area),
                                                   "New", "2031-01-01");

    g_assert_cmpint (try_save_action (f, added, &error), ==, 0);
    g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_NOT_EDITABLE);
    g_clear_error (&error);
  }

  g_clear_object (&plan);
  plan = newest_plan (f);
  area = heard_plan_find_area (plan, HEARD_AREA_EDUCATION);
  g_clear_object (&action);
  action = g_list_model_get_item (heard_plan_area_get_actions (area), 0);
  g_assert_cmpint (heard_plan_action_get_status (action), ==, HEARD_ACTION_STUCK);
  g_assert_cmpstr (heard_plan_action_get_text (action, HEARD_ACTION_ACKNOWLEDGED_ON), ==,
                   "2025-03-02");
  g_assert_cmpstr (heard_plan_action_get_text (action, HEARD_ACTION_WHAT), ==,
                   "Meet the college's pastoral lead");
  g_assert_cmpuint (heard_plan_count_actions (plan, NULL), ==, 1);
}

static void
test_bad_input_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardPlan) plan = NULL;
  g_autoptr(HeardPlanArea) area = NULL;
  g_autoptr(HeardPlanAction) action = NULL;
  g_autofree char *huge = g_strnfill (HEARD_PLAN_MAX_TEXT_CHARS + 1, 'x');
  gint64 plan_id = start_plan (f);
  gint64 area_id = add_area (f, plan_id, HEARD_AREA_HEALTH, "Sleep better.");

  area = heard_plan_area_new (plan_id, HEARD_AREA_HOME);
  heard_plan_area_set_text (area, HEARD_AREA_WORRIED, "caf\xc3 broken");
  g_assert_cmpint (try_save_area (f, area, &error), ==, 0);
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  heard_plan_area_set_text (area, HEARD_AREA_WORRIED, huge);
  g_assert_cmpint (try_save_area (f, area, &error), ==, 0);
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  heard_plan_area_set_text (area, HEARD_AREA_WORRIED, "");
  heard_plan_area_set_text (area, HEARD_AREA_LABEL, "  ");
  g_assert_cmpint (try_save_area (f, area, &error), ==, 0);
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_INCOMPLETE);
  g_clear_error (&error);

  /* The same area twice in one plan. */
  g_clear_object (&area);
  area = heard_plan_area_new (plan_id, HEARD_AREA_HEALTH);
  g_assert_cmpint (try_save_area (f, area, &error), ==, 0);
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_INCOMPLETE);
  g_clear_error (&error);

  /* An action needs what and when. */
  action = action_new (plan_id, area_id, "", "2030-01-01");
  g_assert_cmpint (try_save_action (f, action, &error), ==, 0);
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_INCOMPLETE);
  g_clear_error (&error);
  heard_plan_action_set_text (action, HEARD_ACTION_WHAT, "See the GP");
  heard_plan_action_set_text (action, HEARD_ACTION_DUE_DATE, "next Tuesday");
  g_assert_cmpint (try_save_action (f, action, &error), ==, 0);
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_BAD_DATE);
  g_clear_error (&error);

  /* An empty plan is not sent for review. */
  {
    gint64 other_person = heard_test_add_person (f->store, "Jordan Lee");

    heard_store_start_plan_async (f->store, other_person, ASYNC (f));
    plan_id = heard_store_start_plan_finish (f->store, result_of (f), &error);
    g_assert_false (try_submit (f, plan_id, &error));
    g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_INCOMPLETE);
  }

  /* Nothing of the refused changes reached the plan. */
  plan = newest_plan (f);
  g_assert_cmpuint (g_list_model_get_n_items (heard_plan_get_areas (plan)), ==, 1);
  g_assert_cmpuint (heard_plan_count_actions (plan, NULL), ==, 0);
}

static void
test_review_brought_forward (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardPlan) plan = NULL;
  g_autofree char *limit = months_from_today (HEARD_PLAN_FIRST_REVIEW_MONTHS);
  g_autofree char *sooner = months_from_today (1);
  g_autofree char *later = months_from_today (4);
  gint64 plan_id = active_plan (f);

  heard_store_set_next_review_async (f->store, plan_id, sooner, ASYNC (f));
  g_assert_true (heard_store_set_next_review_finish (f->store, result_of (f), &error));
  g_assert_no_error (error);

  heard_store_set_next_review_async (f->store, plan_id, later, ASYNC (f));
  g_assert_false (heard_store_set_next_review_finish (f->store, result_of (f), &error));
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_BAD_DATE);
  g_clear_error (&error);

  heard_store_set_next_review_async (f->store, plan_id, "2001-01-01", ASYNC (f));
  g_assert_false (heard_store_set_next_review_finish (f->store, result_of (f), &error));
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_BAD_DATE);
  g_clear_error (&error);

  plan = newest_plan (f);
  g_assert_cmpstr (heard_plan_get_next_review (plan), ==, sooner);
  g_assert_cmpstr (heard_plan_get_review_limit (plan), ==, limit);

  /* Back out again, up to what the rule allows, is fine. */
  heard_store_set_next_review_async (f->store, plan_id, limit, ASYNC (f));
  g_assert_true (heard_store_set_next_review_finish (f->store, result_of (f), &error));
  g_assert_no_error (error);
}

static GPtrArray *
list_open_items (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  heard_store_list_open_items_async (f->store, f->person_id, ASYNC (f));
  items = heard_store_list_open_items_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_nonnull (items);

  return items;
}

static void
test_open_items (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardPlanAction) done = NULL;
  HeardOpenItem *item;
  gint64 plan_id = start_plan (f);
  gint64 area_id = add_area (f, plan_id, HEARD_AREA_HEALTH, "Sleep better.");

  items = list_open_items (f);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  add_action (f, plan_id, area_id, "Book a GP appointment", "2020-02-03");
  add_action (f, plan_id, area_id, "Sleep diary with the youth worker", "2031-05-06");
  done = action_new (plan_id, area_id, "Ask about a quieter room", "2020-01-01");
  heard_plan_action_set_status (done, HEARD_ACTION_DONE);
  g_assert_cmpint (try_save_action (f, done, &error), >, 0);

  /* Open actions are listed, soonest first, the overdue one marked; done
   * ones are not. */
  items = list_open_items (f);
  g_assert_cmpuint (items->len, ==, 2);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (heard_open_item_get_summary (item), ==, "Book a GP appointment");
  g_assert_cmpint (heard_open_item_get_urgency (item), ==, HEARD_URGENCY_OVERDUE);
  g_assert_cmpstr (heard_open_item_get_view (item), ==, "plan");
  g_assert_cmpint (heard_open_item_get_person_id (item), ==, f->person_id);
  g_assert_nonnull (strstr (heard_open_item_get_detail (item), "3 February 2020"));
  g_assert_nonnull (strstr (heard_open_item_get_detail (item), "School or college (Ms Patel)"));
  item = g_ptr_array_index (items, 1);
  g_assert_cmpstr (heard_open_item_get_summary (item), ==, "Sleep diary with the youth worker");
  g_assert_cmpint (heard_open_item_get_urgency (item), ==, HEARD_URGENCY_NONE);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* A newer version on its way counts as open too, once one is in use; its
   * copied actions are not listed twice. */
  g_assert_true (try_submit (f, plan_id, &error));
  decide (f, plan_id, HEARD_PLAN_EVENT_SIGN_OFF, "");
  start_plan (f);
  items = list_open_items (f);
  g_assert_cmpuint (items->len, ==, 3);
  item = g_ptr_array_index (items, 2);
  g_assert_nonnull (strstr (heard_open_item_get_summary (item), "Version 2"));
}

static HeardCaseloadSection *
find_section (GPtrArray  *sections,
              const char *title)
{
  for (guint i = 0; i < sections->len; i++)
    {
      HeardCaseloadSection *section = g_ptr_array_index (sections, i);

      if (g_strcmp0 (section->title, title) == 0)
        return section;
    }

  g_error ("No caseload section called %s", title);
}

static GPtrArray *
load_caseload (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *sections;

  heard_store_load_caseload_async (f->store, ASYNC (f));
  sections = heard_store_load_caseload_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);

  return sections;
}

static void
test_caseload (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GError) error = NULL;
  HeardCaseloadSection *section;
  HeardOpenItem *item;
  sqlite3 *db;
  gint64 plan_id = start_plan (f);
  gint64 area_id = add_area (f, plan_id, HEARD_AREA_SAFETY, "Safe on the bus.");

  add_action (f, plan_id, area_id, "Bus pass in her own name", "2020-02-03");
  g_assert_true (try_submit (f, plan_id, &error));

  sections = load_caseload (f);
  section = find_section (sections, "Plans Awaiting Review");
  g_assert_cmpuint (section->items->len, ==, 1);
  item = g_ptr_array_index (section->items, 0);
  g_assert_cmpstr (heard_open_item_get_person_name (item), ==, "Amira Khan");
  g_assert_cmpint (heard_open_item_get_person_id (item), ==, f->person_id);
  /* An action in a plan not yet in use is not counted as overdue. */
  g_assert_cmpuint (find_section (sections, "Overdue Actions")->items->len, ==, 0);
  g_clear_pointer (&sections, g_ptr_array_unref);

  decide (f, plan_id, HEARD_PLAN_EVENT_SIGN_OFF, "");
  sections = load_caseload (f);
  g_assert_cmpuint (find_section (sections, "Plans Awaiting Review")->items->len, ==, 0);
  section = find_section (sections, "Overdue Actions");
  g_assert_cmpuint (section->items->len, ==, 1);
  item = g_ptr_array_index (section->items, 0);
  g_assert_cmpstr (heard_open_item_get_summary (item), ==, "Bus pass in her own name");
  g_assert_cmpint (heard_open_item_get_urgency (item), ==, HEARD_URGENCY_OVERDUE);
  g_assert_cmpuint (find_section (sections, "Reviews Overdue")->items->len, ==, 0);
  g_assert_cmpuint (find_section (sections, "Reviews Due Soon")->items->len, ==, 0);
  g_clear_pointer (&sections, g_ptr_array_unref);

  /* Time passes: the review falls overdue. */
  db = open_behind_heards_back (f);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE plan SET next_review = '2021-06-30'", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  sections = load_caseload (f);
  section = find_section (sections, "Reviews Overdue");
  g_assert_cmpuint (section->items->len, ==, 1);
  item = g_ptr_array_index (section->items, 0);
  g_assert_nonnull (strstr (heard_open_item_get_summary (item), "30 June 2021"));
  g_clear_pointer (&sections, g_ptr_array_unref);

  /* A review brought forward to within four weeks is due soon. */
  {
    g_autofree char *soon = NULL;
    GDate date;

    heard_plan_rules_today (&date);
    g_date_add_days (&date, 10);
    soon = heard_date_to_iso (&date);
    db = open_behind_heards_back (f);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE plan SET next_review = '2099-01-01'", NULL, NULL,
                                   NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    heard_store_set_next_review_async (f->store, plan_id, soon, ASYNC (f));
    g_assert_true (heard_store_set_next_review_finish (f->store, result_of (f), &error));
    sections = load_caseload (f);
    g_assert_cmpuint (find_section (sections, "Reviews Overdue")->items->len, ==, 0);
    g_assert_cmpuint (find_section (sections, "Reviews Due Soon")->items->len, ==, 1);
    g_clear_pointer (&sections, g_ptr_array_unref);
  }

  /* Someone removed from the list drops out of the overview. */
  g_assert_true (heard_test_set_removed (f->store, f->person_id, TRUE, &error));
  sections = load_caseload (f);
  g_assert_cmpuint (find_section (sections, "Overdue Actions")->items->len, ==, 0);
  g_assert_cmpuint (find_section (sections, "Reviews Due Soon")->items->len, ==, 0);
}

/* The audit trail */

static guint
verify_audit (Fixture  *f,
              GError  **error)
{
  guint n_entries = 0;

  heard_store_verify_audit_async (f->store, NULL, ASYNC (f));
  heard_store_verify_audit_finish (f->store, result_of (f), &n_entries, error);

  return n_entries;
}

static gint64
count_audit (sqlite3    *db,
             const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE %s", where);

  return heard_test_raw_count (db, sql);
}

static void
test_audit_records_changes (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardPlanDecision) decision = NULL;
  gint64 plan_id = submitted_plan (f);
  sqlite3 *db;

  decision = heard_plan_decision_new (HEARD_PLAN_EVENT_SIGN_OFF, f->supervisor_id);
  g_assert_false (try_decide (f, plan_id, decision, "not it at all", &error));
  g_clear_error (&error);
  decide (f, plan_id, HEARD_PLAN_EVENT_SIGN_OFF, "");
  g_assert_true (heard_test_set_removed (f->store, f->person_id, TRUE, &error));

  db = open_behind_heards_back (f);
  /* Who did what: the caseworker set up in Preferences, the supervisor who signed. */
  {
    /* Before any caseworker was set up, the computer account's name stands in. */
    g_autofree char *where = g_strdup_printf ("target_kind = 'person' AND action = 'created'"
                                              " AND actor = '%s'", g_get_user_name ());

    g_assert_cmpint (count_audit (db, where), ==, 1);
  }
  g_assert_cmpint (count_audit (db, "target_kind = 'person' AND action = 'removed'"
                                    " AND actor = 'Priya Shah'"), ==, 1);
  g_assert_cmpint (count_audit (db, "target_kind = 'staff' AND action = 'created'"), ==, 2);
  g_assert_cmpint (count_audit (db, "target_kind = 'plan' AND action = 'added area'"), ==, 2);
  g_assert_cmpint (count_audit (db, "target_kind = 'plan' AND action = 'added action'"), ==, 1);
  g_assert_cmpint (count_audit (db, "target_kind = 'plan' AND action = 'submitted'"), ==, 1);
  g_assert_cmpint (count_audit (db, "action = 'passphrase refused' AND actor = 'Sam Okafor'"),
                   ==, 1);
  g_assert_cmpint (count_audit (db, "action = 'signed off' AND actor = 'Sam Okafor'"
                                    " AND detail LIKE '%awaiting review to active%'"), ==, 1);
  /* Never a passphrase, never a young person's words. */
  g_assert_cmpint (count_audit (db, "detail LIKE '%horse%' OR detail LIKE '%college%'"), ==, 0);
  sqlite3_close (db);
}

static void
test_audit_append_only (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  guint n_entries;

  active_plan (f);
  n_entries = verify_audit (f, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_entries, >=, 8);

  db = open_behind_heards_back (f);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit SET actor = 'someone else' WHERE id = 2",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit WHERE id = 3", NULL, NULL, NULL), ==,
                   SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM plan_review", NULL, NULL, NULL), ==,
                   SQLITE_CONSTRAINT);
  g_assert_cmpint (count_audit (db, "actor = 'someone else'"), ==, 0);
  sqlite3_close (db);

  g_assert_cmpuint (verify_audit (f, &error), ==, n_entries);
  g_assert_no_error (error);
}

static void
test_audit_tamper_detected (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  active_plan (f);
  g_assert_cmpuint (verify_audit (f, &error), >, 5);
  g_assert_no_error (error);

  /* Someone with the key and a SQL prompt works round the triggers… */
  db = open_behind_heards_back (f);
  heard_test_exec_behind_trigger (db, "audit_no_update",
                                  "UPDATE audit SET actor = 'Nobody' WHERE id = 4");
  sqlite3_close (db);

  /* …and the chain shows where. */
  verify_audit (f, &error);
  g_assert_error (error, HEARD_AUDIT_ERROR, HEARD_AUDIT_ERROR_TAMPERED);
  g_assert_nonnull (strstr (error->message, "entry 4 "));
  g_clear_error (&error);

  /* A row taken out is found as well. */
  db = open_behind_heards_back (f);
  heard_test_exec_behind_trigger (db, "audit_no_delete", "DELETE FROM audit WHERE id = 2");
  sqlite3_close (db);
  verify_audit (f, &error);
  g_assert_error (error, HEARD_AUDIT_ERROR, HEARD_AUDIT_ERROR_TAMPERED);
  g_assert_nonnull (strstr (error->message, "entry 2 "));
}

static void
test_staff (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(HeardStaff) nameless = heard_staff_new (HEARD_STAFF_SUPERVISOR);
  g_autoptr(HeardStaff) second = heard_staff_new (HEARD_STAFF_SUPERVISOR);

  /* A supervisor needs a passphrase of a decent length, and a name. */
  heard_staff_set_name (second, "Ruth Adeyemi");
  heard_store_save_staff_async (f->store, second, NULL, ASYNC (f));
  g_assert_cmpint (heard_store_save_staff_finish (f->store, result_of (f), &error), ==, 0);
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_INCOMPLETE);
  g_clear_error (&error);

  heard_store_save_staff_async (f->store, second, "short", ASYNC (f));
  g_assert_cmpint (heard_store_save_staff_finish (f->store, result_of (f), &error), ==, 0);
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_INCOMPLETE);
  g_clear_error (&error);

  heard_store_save_staff_async (f->store, nameless, "long enough passphrase", ASYNC (f));
  g_assert_cmpint (heard_store_save_staff_finish (f->store, result_of (f), &error), ==, 0);
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_INCOMPLETE);
  g_clear_error (&error);

  heard_staff_set_id (second, save_staff (f, HEARD_STAFF_SUPERVISOR, "Ruth Adeyemi",
                                          "another long passphrase"));

  heard_store_list_staff_async (f->store, ASYNC (f));
  staff = heard_store_list_staff_finish (f->store, result_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, ==, 3);
  g_assert_cmpint (heard_staff_get_role (g_ptr_array_index (staff, 0)), ==,
                   HEARD_STAFF_CASEWORKER);
  g_assert_cmpstr (heard_staff_get_name (g_ptr_array_index (staff, 1)), ==, "Ruth Adeyemi");
  g_assert_cmpstr (heard_staff_get_name (g_ptr_array_index (staff, 2)), ==, "Sam Okafor");
  g_clear_pointer (&staff, g_ptr_array_unref);

  /* A retired supervisor can no longer sign. */
  heard_store_retire_staff_async (f->store, f->supervisor_id, ASYNC (f));
  g_assert_true (heard_store_retire_staff_finish (f->store, result_of (f), &error));
  g_assert_no_error (error);
  {
    gint64 plan_id = submitted_plan (f);
    g_autoptr(HeardPlanDecision) decision =
      heard_plan_decision_new (HEARD_PLAN_EVENT_SIGN_OFF, f->supervisor_id);

    g_assert_false (try_decide (f, plan_id, decision, SUPERVISOR_PASSPHRASE, &error));
    g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_NOT_A_SUPERVISOR);
  }

  heard_store_list_staff_async (f->store, ASYNC (f));
  staff = heard_store_list_staff_finish (f->store, result_of (f), NULL);
  g_assert_cmpuint (staff->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  heard_test_init (&argc, &argv);

  g_test_add_func ("/plans/rules/transitions", test_rules_transitions);
  g_test_add_func ("/plans/rules/review-dates", test_rules_review_dates);
  g_test_add_func ("/plans/rules/review-brought-forward", test_rules_review_brought_forward);
  g_test_add_func ("/plans/rules/closure", test_rules_closure);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/plans/store/lifecycle", test_lifecycle);
  ADD ("/plans/store/changes-requested", test_changes_requested);
  ADD ("/plans/store/wrong-passphrase", test_wrong_passphrase);
  ADD ("/plans/store/closure", test_closure);
  ADD ("/plans/store/versions", test_versions);
  ADD ("/plans/store/active-plan-progress-only", test_active_plan_progress_only);
  ADD ("/plans/store/bad-input-refused", test_bad_input_refused);
  ADD ("/plans/store/review-brought-forward", test_review_brought_forward);
  ADD ("/plans/open-items", test_open_items);
  ADD ("/plans/caseload", test_caseload);
  ADD ("/plans/staff", test_staff);
  ADD ("/audit/records-changes", test_audit_records_changes);
  ADD ("/audit/append-only", test_audit_append_only);
  ADD ("/audit/tamper-detected", test_audit_tamper_detected);

#undef ADD

  return g_test_run ();
}

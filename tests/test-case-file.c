/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-case-file"

#include "config.h"

#include <string.h>

#include <libical/ical.h>

#include "heard-case-file.h"
#include "heard-caseload-model.h"
#include "heard-context-private.h"
#include "heard-context.h"
#include "heard-date.h"
#include "heard-directory-list.h"
#include "heard-keyring.h"
#include "heard-plan-private.h"
#include "heard-recipient.h"
#include "heard-removed-person.h"
#include "heard-secure.h"
#include "heard-store-people.h"
#include "heard-store-statements.h"
#include "heard-test-utils.h"

/*
 * One young person's case file, as the windows share it: the same object
 * for everyone who asks while anyone holds it; models that show every
 * change to the records, whoever made it, without anyone asking for a
 * reload, and keep the rows that did not change; a write that lands even
 * when whoever asked for it stopped listening; and, once the records lock,
 * nothing of them left in memory.
 *
 * The context is opened the way a first run with the keyring opens it.
 */

#define PERSON_NAME "Amara Okafor"

typedef struct
{
  HeardTestRecords  records;
  HeardContext     *context;
  HeardSecretString *code;
  gint64            person_id;
} Fixture;

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  heard_test_records_init (&f->records);
  f->context = heard_test_start_context (f->records.data_dir,
                                         HEARD_LOCK_STATE_SHOW_RECOVERY_CODE);
  f->code = heard_test_keep_recovery_code (f->context);
  f->person_id = heard_test_context_add_person (f->context, PERSON_NAME);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  heard_test_close_context (&f->context);
  g_clear_pointer (&f->code, heard_secure_free_string);

  /* The test's key goes from the keyring with its records. */
  g_key_file_load_from_file (info, f->records.info_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  uuid = g_key_file_get_string (info, "database", "uuid", &error);
  g_assert_no_error (error);
  heard_keyring_clear_async (uuid, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_keyring_clear_finish (result, &error));
  g_assert_no_error (error);

  heard_test_records_clear (&f->records);
}

/* Helpers */

static HeardPerson *
get_person (Fixture *f)
{
  GListModel *people = heard_context_get_people (f->context);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(HeardPerson) person = g_list_model_get_item (people, i);

      if (heard_person_get_id (person) == f->person_id)
        return person;
    }

  g_assert_not_reached ();
}

static HeardCaseFile *
open_case_file (Fixture *f)
{
  HeardCaseFile *case_file = heard_case_file_open (f->context, get_person (f));

  g_assert_nonnull (case_file);
  while (heard_case_file_get_loading (case_file))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (heard_case_file_get_failed (case_file));

  return case_file;
}

/* Runs the main loop until @model holds @n rows, or fails after a while. */
static void
wait_for_rows (GListModel *model,
               guint       n)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_list_model_get_n_items (model) != n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static gint64
finish_write (HeardCaseFile *case_file,
              GAsyncResult **result)
{
  g_autoptr(GError) error = NULL;
  gint64 outcome;

  heard_test_wait (result);
  outcome = heard_case_file_write_finish (case_file, *result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, >, 0);
  g_clear_object (result);

  return outcome;
}

static HeardStatement *
statement_new (gint64      person_id,
               const char *words)
{
  HeardStatement *statement = heard_statement_new ();

  heard_statement_set_person_id (statement, person_id);
  heard_statement_set_text (statement, HEARD_STATEMENT_WORDS, words);
  heard_statement_set_text (statement, HEARD_STATEMENT_GIVEN_ON, "03/05/2024");

  return statement;
}

static gint64
record_statement (HeardCaseFile *case_file,
                  const char    *words)
{
  g_autoptr(HeardStatement) statement = statement_new (heard_case_file_get_person_id (case_file),
                                                       words);
  g_autoptr(GAsyncResult) result = NULL;

  heard_case_file_record_statement_async (case_file, statement, NULL,
                                          heard_test_store_result_cb, &result);
  return finish_write (case_file, &result);
}

static void
wait_for_loads (HeardCaseFile *case_file)
{
  while (heard_case_file_get_loading (case_file))
    g_main_context_iteration (NULL, TRUE);
}

/* Saves @person on the store itself, as another program would, and waits
 * for @case_file to have read what changed. */
static void
save_on_store (Fixture       *f,
               HeardCaseFile *case_file,
               HeardPerson   *person)
{
  HeardStore *store = _heard_context_get_store (f->context);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  heard_store_save_person_async (store, person, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_cmpint (heard_store_save_person_finish (store, result, &error), ==, f->person_id);
  g_assert_no_error (error);
  wait_for_loads (case_file);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static gpointer
get_row (GListModel *model,
         guint       position)
{
  g_autoptr(GObject) row = g_list_model_get_item (model, position);

  g_assert_nonnull (row);
  return row;
}

static gint64
add_area (HeardCaseFile *case_file,
          gint64         plan_id,
          HeardAreaKind  kind)
{
  g_autoptr(HeardPlanArea) area = heard_plan_area_new (plan_id, kind);
  g_autoptr(GAsyncResult) result = NULL;

  heard_plan_area_set_text (area, HEARD_AREA_GOAL_OWN_WORDS, "Go to college on Mondays.");
  heard_case_file_save_area_async (case_file, area, NULL, heard_test_store_result_cb, &result);
  return finish_write (case_file, &result);
}

static HeardPlanAction *
action_new (gint64 plan_id,
            gint64 area_id)
{
  HeardPlanAction *action = heard_plan_action_new (plan_id, area_id);

  heard_plan_action_set_text (action, HEARD_ACTION_WHAT, "Meet the pastoral lead");
  heard_plan_action_set_text (action, HEARD_ACTION_DUE_DATE, "2030-01-15");
  heard_plan_action_set_owner (action, HEARD_AGENCY_SCHOOL);

  return action;
}

/* A plan with two areas and an action in the first: the plan's id. */
static gint64
set_up_plan (HeardCaseFile *case_file,
             gint64        *area_ids,
             gint64        *action_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeardPlanAction) action = NULL;
  gint64 plan_id;

  heard_case_file_start_plan_async (case_file, NULL, heard_test_store_result_cb, &result);
  plan_id = finish_write (case_file, &result);
  area_ids[0] = add_area (case_file, plan_id, HEARD_AREA_EDUCATION);
  area_ids[1] = add_area (case_file, plan_id, HEARD_AREA_SAFETY);
  action = action_new (plan_id, area_ids[0]);
  heard_case_file_save_action_async (case_file, action, NULL, heard_test_store_result_cb,
                                     &result);
  *action_id = finish_write (case_file, &result);

  return plan_id;
}

/* Submits the plan @plan_id and has the supervisor @supervisor_id sign
 * it off: it is in force. */
static void
sign_off (HeardCaseFile *case_file,
          gint64         plan_id,
          gint64         supervisor_id)
{
  g_autoptr(HeardPlanDecision) decision = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  heard_case_file_submit_plan_async (case_file, plan_id, NULL, heard_test_store_result_cb,
                                     &result);
  finish_write (case_file, &result);
  decision = heard_plan_decision_new (HEARD_PLAN_EVENT_SIGN_OFF, supervisor_id);
  heard_case_file_decide_plan_async (case_file, plan_id, decision, "a supervisor's passphrase",
                                     NULL, heard_test_store_result_cb, &result);
  finish_write (case_file, &result);
  g_assert_cmpint (heard_plan_get_state (heard_case_file_find_plan (case_file, plan_id)), ==,
                   HEARD_PLAN_STATE_ACTIVE);
}

/* A supervisor, saved: their id. */
static gint64
add_supervisor (Fixture *f)
{
  g_autoptr(HeardStaff) supervisor = heard_staff_new (HEARD_STAFF_SUPERVISOR);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  heard_staff_set_name (supervisor, "Sam Okafor");
  heard_context_save_staff_async (f->context, supervisor, "a supervisor's passphrase", NULL,
                                  heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  id = heard_context_save_staff_finish (f->context, result, &error);
  g_assert_no_error (error);
  return id;
}

static HeardPlanArea *
find_area (HeardPlan *plan,
           gint64     area_id)
{
  GListModel *areas = heard_plan_get_areas (plan);

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      HeardPlanArea *area = get_row (areas, i);

      if (heard_plan_area_get_id (area) == area_id)
        return area;
    }

  return NULL;
}

/* Asks @case_file to remove its young person: whether it did, with @error
 * set if not. */
static gboolean
try_remove (HeardCaseFile       *case_file,
            HeardRemovalReason   reason,
            const char          *note,
            GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_case_file_remove_async (case_file, reason, note, NULL, heard_test_store_result_cb,
                                &result);
  heard_test_wait (&result);
  return heard_case_file_write_finish (case_file, result, error) > 0;
}

static gboolean
is_listed (Fixture *f)
{
  GListModel *people = heard_context_get_people (f->context);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(HeardPerson) person = g_list_model_get_item (people, i);

      if (heard_person_get_id (person) == f->person_id)
        return TRUE;
    }

  return FALSE;
}

/* Tests */

/* Everyone who asks while anyone holds it gets the one case file; once
 * all have let go it is gone, and the next asker gets a new one. */
static void
test_shared (Fixture       *f,
             gconstpointer  data)
{
  HeardCaseFile *first = open_case_file (f);
  HeardCaseFile *second = open_case_file (f);
  HeardCaseFile *again = NULL;

  g_assert_true (first == second);
  g_assert_true (heard_case_file_get_person (first) == get_person (f));
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);

  g_object_unref (second);
  g_assert_nonnull (first);
  g_object_unref (first);
  g_assert_null (first);

  again = open_case_file (f);
  g_assert_nonnull (again);
  g_assert_cmpint (heard_case_file_get_person_id (again), ==, f->person_id);
  g_assert_false (heard_case_file_get_failed (again));
  g_object_unref (again);
}

/* A statement recorded through one holder shows in the other's models at
 * once; the statement already there stays the same object. */
static void
test_statement_shows (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(HeardCaseFile) writer = open_case_file (f);
  g_autoptr(HeardCaseFile) reader = open_case_file (f);
  GListModel *statements = heard_case_file_get_statements (reader);
  HeardStatement *first;
  gint64 second_id;

  record_statement (writer, "Nobody asked me what I wanted.");
  g_assert_cmpuint (g_list_model_get_n_items (statements), ==, 1);
  first = get_row (statements, 0);
  g_assert_cmpuint (heard_case_file_get_n_outstanding (reader), ==, 1);

  second_id = record_statement (writer, "I want to stay at my nan's.");
  g_assert_cmpuint (g_list_model_get_n_items (statements), ==, 2);
  g_assert_true (heard_case_file_find_statement (reader, second_id) != NULL);
  /* Newest first; the first is still the very same row. */
  g_assert_true (get_row (statements, 1) == first);
  g_assert_cmpuint (heard_case_file_get_n_outstanding (reader), ==, 2);
}

/* A plan action changed through one holder shows in the other's plan; the
 * rest of the plan (the other area, the earlier version) keeps its objects. */
static void
test_plan_action_shows (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(HeardCaseFile) writer = open_case_file (f);
  g_autoptr(HeardCaseFile) reader = open_case_file (f);
  g_autoptr(HeardPlanAction) changed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GListModel *plans = heard_case_file_get_plans (reader);
  gint64 area_ids[2];
  gint64 action_id;
  gint64 plan_id = set_up_plan (writer, area_ids, &action_id);
  HeardPlan *plan;
  HeardPlanArea *other_area;
  HeardPlanArea *area;
  HeardPlanAction *action;

  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 1);
  plan = get_row (plans, 0);
  other_area = find_area (plan, area_ids[1]);
  g_assert_nonnull (other_area);

  action = get_row (heard_plan_area_get_actions (find_area (plan, area_ids[0])), 0);
  changed = heard_plan_action_copy (action);
  heard_plan_action_set_status (changed, HEARD_ACTION_STUCK);
  heard_case_file_save_action_async (writer, changed, NULL, heard_test_store_result_cb, &result);
  g_assert_cmpint (finish_write (writer, &result), ==, action_id);

  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 1);
  g_assert_true (get_row (plans, 0) == plan);
  g_assert_true (heard_case_file_find_plan (reader, plan_id) == plan);
  area = find_area (plan, area_ids[0]);
  action = get_row (heard_plan_area_get_actions (area), 0);
  g_assert_cmpint (heard_plan_action_get_status (action), ==, HEARD_ACTION_STUCK);
  /* Only the area that changed is a new row. */
  g_assert_true (find_area (plan, area_ids[1]) == other_area);
}

/* The young person shown is brought up to date by a save through the case
 * file, the context or the store itself, and says so only when something
 * changed. */
static void
test_person_shows (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HeardCaseFile) case_file = open_case_file (f);
  HeardPerson *shown = heard_case_file_get_person (case_file);
  g_autoptr(HeardPerson) edited = heard_person_copy (shown);
  g_autoptr(GAsyncResult) result = NULL;
  guint n_person_notes = 0;
  guint n_changes = 0;

  g_signal_connect_swapped (case_file, "notify::person", G_CALLBACK (count_cb), &n_person_notes);
  g_signal_connect_swapped (shown, "notify", G_CALLBACK (count_cb), &n_changes);

  heard_person_set_text (edited, HEARD_PERSON_PREFERRED_NAME, "Mara");
  heard_case_file_save_person_async (case_file, edited, NULL, heard_test_store_result_cb,
                                     &result);
  finish_write (case_file, &result);
  wait_for_loads (case_file);
  g_assert_cmpstr (heard_person_get_text (shown, HEARD_PERSON_PREFERRED_NAME), ==, "Mara");

  /* Another program renames her: the one shown takes the new name. */
  heard_person_set_text (edited, HEARD_PERSON_PREFERRED_NAME, "Ama");
  save_on_store (f, case_file, edited);
  g_assert_true (heard_case_file_get_person (case_file) == shown);
  g_assert_cmpstr (heard_person_get_text (shown, HEARD_PERSON_PREFERRED_NAME), ==, "Ama");

  /* A save that changes nothing says nothing. */
  n_changes = 0;
  save_on_store (f, case_file, edited);
  g_assert_cmpuint (n_changes, ==, 0);
  g_assert_cmpuint (n_person_notes, ==, 0);
}

/* What is still open shows as it opens and closes, without a reload; the
 * items that did not change stay the same objects. */
static void
test_open_items_show (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(HeardCaseFile) case_file = open_case_file (f);
  g_autoptr(HeardPlanAction) changed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GListModel *open_items = heard_case_file_get_open_items (case_file);
  guint n_before;
  gint64 area_ids[2];
  gint64 action_id;
  gint64 plan_id;
  HeardOpenItem *kept;

  g_assert_cmpuint (g_list_model_get_n_items (open_items), ==, 0);
  record_statement (case_file, "Nobody asked me what I wanted.");
  g_assert_cmpuint (g_list_model_get_n_items (open_items), ==, 1);
  kept = get_row (open_items, 0);
  g_assert_true (HEARD_IS_OPEN_ITEM (kept));
  g_assert_cmpint (heard_open_item_get_person_id (kept), ==, f->person_id);

  /* An open action adds its item; the statement's stays the same object. */
  plan_id = set_up_plan (case_file, area_ids, &action_id);
  n_before = g_list_model_get_n_items (open_items);
  g_assert_cmpuint (n_before, >, 1);
  g_assert_true (g_list_store_find (G_LIST_STORE (open_items), kept, NULL));

  /* Done, it goes. */
  changed = action_new (plan_id, area_ids[0]);
  heard_plan_action_set_id (changed, action_id);
  heard_plan_action_set_status (changed, HEARD_ACTION_DONE);
  heard_case_file_save_action_async (case_file, changed, NULL, heard_test_store_result_cb,
                                     &result);
  finish_write (case_file, &result);
  g_assert_cmpuint (g_list_model_get_n_items (open_items), ==, n_before - 1);
  g_assert_true (g_list_store_find (G_LIST_STORE (open_items), kept, NULL));
}

/* Anything still open says work with the young person goes on: their
 * record cannot be removed, however it is asked for. */
static void
test_removal_refused_with_open_items (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(HeardCaseFile) case_file = open_case_file (f);
  g_autoptr(GError) error = NULL;

  record_statement (case_file, "Nobody asked me what I wanted.");
  g_assert_cmpuint (g_list_model_get_n_items (heard_case_file_get_open_items (case_file)), ==, 1);

  g_assert_false (heard_case_file_check_removal (case_file, &error));
  g_assert_error (error, HEARD_REMOVAL_ERROR, HEARD_REMOVAL_ERROR_OPEN_ITEMS);
  g_clear_error (&error);
  g_assert_false (try_remove (case_file, HEARD_REMOVAL_REASON_DUPLICATE, "", &error));
  g_assert_error (error, HEARD_REMOVAL_ERROR, HEARD_REMOVAL_ERROR_OPEN_ITEMS);
  g_assert_nonnull (strstr (error->message, "close the plan"));
  g_assert_true (is_listed (f));
  g_assert_cmpuint (g_list_model_get_n_items (heard_context_get_removed_people (f->context)), ==,
                    0);
}

/* An active plan too, whatever else is open: closing it is how work ends. */
static void
test_removal_refused_with_active_plan (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(HeardCaseFile) case_file = open_case_file (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) plans = g_list_store_new (HEARD_TYPE_PLAN);
  g_autoptr(GListStore) nothing_open = g_list_store_new (HEARD_TYPE_OPEN_ITEM);
  g_autoptr(HeardPlan) plan = _heard_plan_new ();
  gint64 area_ids[2];
  gint64 action_id;
  gint64 plan_id;
  gint64 supervisor_id;

  /* The rule alone: an active plan refuses even with nothing open; a
   * closed one does not. */
  plan->state = HEARD_PLAN_STATE_ACTIVE;
  g_list_store_append (plans, plan);
  g_assert_false (heard_removal_rules_check_allowed (G_LIST_MODEL (plans),
                                                     G_LIST_MODEL (nothing_open), &error));
  g_assert_error (error, HEARD_REMOVAL_ERROR, HEARD_REMOVAL_ERROR_ACTIVE_PLAN);
  g_clear_error (&error);
  plan->state = HEARD_PLAN_STATE_CLOSED;
  g_assert_true (heard_removal_rules_check_allowed (G_LIST_MODEL (plans),
                                                   G_LIST_MODEL (nothing_open), &error));
  g_assert_no_error (error);

  /* Through the case file, with a plan signed off. */
  supervisor_id = add_supervisor (f);

  plan_id = set_up_plan (case_file, area_ids, &action_id);
  sign_off (case_file, plan_id, supervisor_id);

  g_assert_false (try_remove (case_file, HEARD_REMOVAL_REASON_WRONG_PERSON, "", &error));
  g_assert_error (error, HEARD_REMOVAL_ERROR, HEARD_REMOVAL_ERROR_ACTIVE_PLAN);
  g_assert_nonnull (strstr (error->message, "close the plan"));
  g_assert_true (is_listed (f));
}

/* A removal needs its reason, which the audit trail keeps (the list of
 * removed records reads it from there); restoring brings the young person
 * back into the list, and is audited too. */
static void
test_removal_audited_and_restored (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(HeardCaseFile) case_file = open_case_file (f);
  g_autoptr(HeardRemovedPerson) removed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *removed_people = heard_context_get_removed_people (f->context);

  g_assert_false (try_remove (case_file, HEARD_REMOVAL_REASON_NONE, "", &error));
  g_assert_error (error, HEARD_REMOVAL_ERROR, HEARD_REMOVAL_ERROR_NEEDS_REASON);
  g_clear_error (&error);
  g_assert_false (try_remove (case_file, HEARD_REMOVAL_REASON_OTHER, "  ", &error));
  g_assert_error (error, HEARD_REMOVAL_ERROR, HEARD_REMOVAL_ERROR_NEEDS_REASON);
  g_clear_error (&error);
  g_assert_true (is_listed (f));

  g_assert_true (try_remove (case_file, HEARD_REMOVAL_REASON_WRONG_PERSON,
                             "Typed in under the wrong name; see Amara O.", &error));
  g_assert_no_error (error);
  g_assert_false (is_listed (f));

  wait_for_rows (removed_people, 1);
  removed = g_list_model_get_item (removed_people, 0);
  g_assert_cmpint (heard_removed_person_get_id (removed), ==, f->person_id);
  g_assert_cmpstr (heard_removed_person_get_display_name (removed), ==, PERSON_NAME);
  g_assert_cmpint (heard_removed_person_get_reason (removed), ==,
                   HEARD_REMOVAL_REASON_WRONG_PERSON);
  g_assert_cmpstr (heard_removed_person_get_note (removed), ==,
                   "Typed in under the wrong name; see Amara O.");
  g_assert_true (g_str_has_prefix (heard_removed_person_get_removed_at (removed), "20"));

  heard_context_restore_person_async (f->context, f->person_id, NULL,
                                      heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_context_restore_person_finish (f->context, result, &error));
  g_assert_no_error (error);
  g_assert_true (is_listed (f));
  wait_for_rows (removed_people, 0);
}

/* An export is noted through the case file, for its young person: an entry
 * in the audit trail, which still verifies, and no model changes. */
static void
test_export_noted (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HeardCaseFile) case_file = open_case_file (f);
  g_autoptr(HeardExportNote) note = heard_export_note_new (HEARD_EXPORT_PRINT, "young-person");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) problem = NULL;
  HeardStore *store = _heard_context_get_store (f->context);
  guint n_before = 0, n_after = 0;
  gint64 entry;

  problem = heard_test_verify_audit (store, &n_before);
  g_assert_no_error (problem);
  heard_case_file_note_export_async (case_file, note, NULL, heard_test_store_result_cb,
                                     &result);
  entry = finish_write (case_file, &result);
  g_assert_cmpint (entry, >, 0);
  problem = heard_test_verify_audit (store, &n_after);
  g_assert_no_error (problem);
  g_assert_cmpuint (n_after, ==, n_before + 1);
  g_assert_cmpuint (g_list_model_get_n_items (heard_case_file_get_statements (case_file)), ==, 0);
}

/* The export notes in the records, oldest first. */
static GPtrArray *
read_export_notes (Fixture *f)
{
  return heard_test_read_export_notes (f->records.data_dir, f->code);
}

static char *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

/* A calendar exported through the case file: noted in the audit trail as
 * a calendar without their name, then written; libical reads it back with
 * its review and its action's due date, each with a UID, and initials in
 * the summary, never the name. With no dates, nothing is noted or
 * written. */
static void
test_export_calendar (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(HeardCaseFile) case_file = open_case_file (f);
  g_autofree char *path = g_build_filename (f->records.data_dir, "dates.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *text = NULL;
  icalcomponent *calendar;
  icalcomponent *event;
  HeardExportNote *note;
  gint64 area_ids[2];
  gint64 action_id, plan_id;
  guint n_reviews, n_due, n_events = 0;
  g_autoptr(HeardPerson) named = NULL;

  /* Initials are of the name on record, not of "Ami" alone. */
  named = heard_person_copy (heard_case_file_get_person (case_file));
  heard_person_set_text (named, HEARD_PERSON_PREFERRED_NAME, "Ami");
  heard_case_file_save_person_async (case_file, named, NULL, heard_test_store_result_cb, &result);
  finish_write (case_file, &result);

  plan_id = set_up_plan (case_file, area_ids, &action_id);
  heard_case_file_count_calendar_dates (case_file, &n_reviews, &n_due);
  g_assert_cmpuint (n_reviews + n_due, ==, 0);
  heard_case_file_export_calendar_async (case_file, HEARD_ICAL_NAMES_INITIALS, file, NULL,
                                         heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_false (heard_case_file_export_calendar_finish (case_file, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_false (g_file_query_exists (file, NULL));

  sign_off (case_file, plan_id, add_supervisor (f));
  heard_case_file_count_calendar_dates (case_file, &n_reviews, &n_due);
  g_assert_cmpuint (n_reviews, ==, 1);
  g_assert_cmpuint (n_due, ==, 1);
  heard_case_file_export_calendar_async (case_file, HEARD_ICAL_NAMES_INITIALS, file, NULL,
                                         heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_case_file_export_calendar_finish (case_file, result, &error));
  g_assert_no_error (error);

  notes = read_export_notes (f);
  g_assert_cmpuint (notes->len, ==, 1);
  note = notes->pdata[0];
  g_assert_cmpint (note->kind, ==, HEARD_EXPORT_ICS);
  g_assert_cmpint (note->plan_id, ==, plan_id);
  g_assert_cmpint (note->names, ==, HEARD_EXPORT_NO);

  text = read_file (file);
  g_assert_null (strstr (text, "Amara"));
  g_assert_null (strstr (text, "Okafor"));
  calendar = icalcomponent_new_from_string (text);
  g_assert_nonnull (calendar);
  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL; event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      g_assert_nonnull (icalcomponent_get_uid (event));
      g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_DTSTAMP_PROPERTY));
      g_assert_true (g_str_has_suffix (icalcomponent_get_summary (event), ": A.O."));
      n_events++;
    }
  icalcomponent_free (calendar);
  g_assert_cmpuint (n_events, ==, 2);
}

/* Check-ins as CSV through the case file: noted as a CSV without names,
 * written with the records' pseudonym and never the name; with names
 * asked for, the name is there. A folder that is not there fails kindly,
 * with no file. */
static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HeardCaseFile) case_file = open_case_file (f);
  g_autofree char *path = g_build_filename (f->records.data_dir, "check-ins.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *nowhere_path = g_build_filename (f->records.data_dir, "gone", "signs.csv",
                                                    NULL);
  g_autoptr(GFile) nowhere = g_file_new_for_path (nowhere_path);
  g_autoptr(HeardCheckIn) check_in = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pseudonym = NULL;
  g_auto(GStrv) lines = NULL;
  HeardExportNote *note;
  gint64 area_ids[2];
  gint64 action_id, plan_id;

  plan_id = set_up_plan (case_file, area_ids, &action_id);
  check_in = heard_test_check_in_new (plan_id, "2026-04-20", HEARD_AREA_SAFETY, 6, -1);
  heard_case_file_save_check_in_async (case_file, check_in, NULL, heard_test_store_result_cb,
                                       &result);
  finish_write (case_file, &result);

  heard_case_file_export_csv_async (case_file, HEARD_CSV_OF_CHECK_INS, FALSE, FALSE, file, NULL,
                                    heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_case_file_export_csv_finish (case_file, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  notes = read_export_notes (f);
  g_assert_cmpuint (notes->len, ==, 1);
  note = notes->pdata[0];
  g_assert_cmpint (note->kind, ==, HEARD_EXPORT_CHECK_INS_CSV);
  g_assert_cmpuint (note->n_check_ins, ==, 1);
  g_assert_cmpint (note->names, ==, HEARD_EXPORT_NO);
  g_assert_cmpint (note->words, ==, HEARD_EXPORT_NO);

  text = read_file (file);
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "person,day,check_in,measure"));
  pseudonym = _heard_context_dup_pseudonym (f->context, f->person_id);
  g_assert_true (g_str_has_prefix (pseudonym, "p-"));
  g_assert_true (g_str_has_prefix (lines[1], pseudonym));
  g_assert_null (strstr (text, "Amara"));
  g_clear_pointer (&text, g_free);

  heard_case_file_export_csv_async (case_file, HEARD_CSV_OF_CHECK_INS, TRUE, FALSE, file, NULL,
                                    heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_case_file_export_csv_finish (case_file, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  text = read_file (file);
  g_assert_nonnull (strstr (text, PERSON_NAME));

  /* A folder that is not there: the error says so, no file is made, and
   * the export was noted all the same (one too many, never one too few). */
  heard_case_file_export_csv_async (case_file, HEARD_CSV_OF_SIGNS, FALSE, FALSE, nowhere, NULL,
                                    heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_false (heard_case_file_export_csv_finish (case_file, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_query_exists (nowhere, NULL));
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = read_export_notes (f);
  g_assert_cmpuint (notes->len, ==, 3);
  g_assert_cmpint (((HeardExportNote *) notes->pdata[2])->kind, ==, HEARD_EXPORT_SIGNS_CSV);
  g_clear_error (&error);
  g_clear_object (&result);

  /* The sharing log too: its header, and nothing logged yet. */
  heard_case_file_export_csv_async (case_file, HEARD_CSV_OF_SHARING, FALSE, FALSE, file, NULL,
                                    heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_case_file_export_csv_finish (case_file, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_free (text);
  text = read_file (file);
  g_assert_cmpstr (text, ==, "person,entry,version,day,decision,agency,agency_type,method,"
                             "lawful_basis,agreed,told,links\r\n");
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = read_export_notes (f);
  g_assert_cmpint (((HeardExportNote *) notes->pdata[3])->kind, ==, HEARD_EXPORT_SHARING_CSV);
}

static gint64
save_agency (Fixture         *f,
             HeardAgencyType  type,
             const char      *name)
{
  g_autoptr(HeardDirectoryAgency) agency = heard_directory_agency_new (type, name);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  heard_context_save_agency_async (f->context, agency, NULL, heard_test_store_result_cb,
                                   &result);
  heard_test_wait (&result);
  id = heard_context_save_agency_finish (f->context, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static GListModel *
list_story (HeardCaseFile *case_file)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *story;

  heard_case_file_list_story_async (case_file, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  story = heard_case_file_list_story_finish (case_file, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (story);

  return story;
}

static gint64
record_sensitive (HeardCaseFile *case_file,
                  const char    *words,
                  const char    *content_note)
{
  g_autoptr(HeardStatement) statement = statement_new (heard_case_file_get_person_id (case_file),
                                                       words);
  g_autoptr(GAsyncResult) result = NULL;

  heard_statement_set_sensitive (statement, TRUE);
  heard_statement_set_text (statement, HEARD_STATEMENT_CONTENT_NOTE, content_note);
  heard_case_file_record_statement_async (case_file, statement, NULL,
                                          heard_test_store_result_cb, &result);
  return finish_write (case_file, &result);
}

/* Asserts that @event is of @kind, by the caseworker, with a time. */
static HeardStoryEvent *
story_event (GListModel     *story,
             guint           position,
             HeardStoryKind  kind)
{
  g_autoptr(HeardStoryEvent) event = g_list_model_get_item (story, position);

  g_assert_nonnull (event);
  g_assert_cmpint (heard_story_event_get_kind (event), ==, kind);
  g_assert_cmpstr (heard_story_event_get_who (event), ==, "Alex Morgan");
  g_assert_cmpint (heard_story_event_get_by (event), ==, HEARD_STORY_BY_CASEWORKER);
  g_assert_true (g_str_has_prefix (heard_story_event_get_at (event), "20"));

  return event;
}

/* "Who has seen my story": one young person's story lists the opening of
 * their record, the reading of their sensitive statement (its content note,
 * never its words) and an export for them, newest first, with who and
 * when; and nothing of another young person, opened and read after. */
static void
test_story (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(HeardCaseFile) case_file = open_case_file (f);
  g_autoptr(HeardCaseFile) other_file = NULL;
  g_autoptr(HeardStaff) caseworker = heard_staff_new (HEARD_STAFF_CASEWORKER);
  g_autoptr(HeardExportNote) note = heard_export_note_new (HEARD_EXPORT_PDF, "agency:school");
  g_autoptr(HeardRecipient) school = heard_recipient_from_code ("agency:school");
  g_autofree char *school_name = heard_recipient_describe (school);
  g_autoptr(GListModel) story = NULL;
  g_autoptr(GListModel) other_story = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeardStoryEvent *event;
  gint64 other_id;
  gint64 statement_id;
  gint64 other_statement_id;
  g_autoptr(HeardSharingEntry) share = NULL;
  g_autoptr(HeardSharingEntry) untold = NULL;
  g_autoptr(HeardExportNote) team_note = NULL;
  g_autoptr(HeardExportNote) police_note = NULL;
  gint64 police_entry;
  g_autofree char *shared_on = NULL;
  GDate yesterday;

  heard_staff_set_name (caseworker, "Alex Morgan");
  heard_context_save_staff_async (f->context, caseworker, NULL, NULL,
                                  heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  heard_context_save_staff_finish (f->context, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  other_id = heard_test_context_add_person (f->context, "Bea Lindqvist");
  for (guint i = 0; other_file == NULL; i++)
    {
      g_autoptr(HeardPerson) person =
        g_list_model_get_item (heard_context_get_people (f->context), i);

      if (heard_person_get_id (person) == other_id)
        other_file = heard_case_file_open (f->context, person);
    }
  wait_for_loads (other_file);

  statement_id = record_sensitive (case_file, "What they did at the park.",
                                   "About a night at the park");
  other_statement_id = record_sensitive (other_file, "Something of Bea's own.",
                                         "About Bea's school");
  g_assert_cmpuint (g_list_model_get_n_items (list_story (case_file)), ==, 0);

  heard_case_file_note_opened_async (case_file, NULL, heard_test_store_result_cb, &result);
  finish_write (case_file, &result);
  heard_case_file_note_statement_read (case_file, statement_id);
  heard_export_note_add_statement (note, statement_id, 1);
  heard_case_file_note_export_async (case_file, note, NULL, heard_test_store_result_cb,
                                     &result);
  finish_write (case_file, &result);
  heard_case_file_note_opened_async (other_file, NULL, heard_test_store_result_cb, &result);
  finish_write (other_file, &result);
  heard_case_file_note_statement_read (other_file, other_statement_id);

  /* A share written down the day after it happened comes after today's. */
  share = heard_sharing_entry_new (heard_person_get_id (heard_case_file_get_person (case_file)),
                                   HEARD_SHARING_SHARED);
  heard_date_today (&yesterday);
  g_date_subtract_days (&yesterday, 1);
  shared_on = heard_date_to_iso (&yesterday);
  heard_sharing_entry_set_shared_on (share, shared_on);
  heard_sharing_entry_set_agency_id (share, save_agency (f, HEARD_AGENCY_TYPE_HEALTH,
                                                         "Riverside Clinic"));
  heard_sharing_entry_set_lawful_basis (share, "consent");
  heard_sharing_entry_set_agreed (share, HEARD_SHARING_AGREED_YES);
  heard_sharing_entry_set_told (share, TRUE);
  heard_sharing_entry_set_text (share, HEARD_SHARING_WHAT, "your health plan");
  heard_sharing_entry_set_text (share, HEARD_SHARING_PURPOSE, "so the nurse knows");
  heard_sharing_entry_set_text (share, HEARD_SHARING_NECESSARY, "The nurse sees her weekly.");
  heard_sharing_entry_set_agreed (share, HEARD_SHARING_AGREED_YES);
  heard_sharing_entry_set_told (share, TRUE);
  heard_case_file_record_sharing_entry_async (case_file, share, NULL, heard_test_store_result_cb,
                                              &result);
  finish_write (case_file, &result);

  /* None of these is news to them: their record opened again the same
   * day, a share they were not told of (the worker judged telling them
   * unsafe for now), a spreadsheet for their own team. */
  heard_case_file_note_opened_async (case_file, NULL, heard_test_store_result_cb, &result);
  finish_write (case_file, &result);
  untold = heard_sharing_entry_copy (share);
  heard_sharing_entry_set_id (untold, 0);
  heard_sharing_entry_set_told (untold, FALSE);
  heard_sharing_entry_set_text (untold, HEARD_SHARING_NOT_TOLD_REASON,
                                "Telling her tonight could alert the adult involved.");
  heard_case_file_record_sharing_entry_async (case_file, untold, NULL,
                                              heard_test_store_result_cb, &result);
  finish_write (case_file, &result);
  team_note = heard_export_note_new (HEARD_EXPORT_CHECK_INS_CSV, "own-team");
  heard_case_file_note_export_async (case_file, team_note, NULL, heard_test_store_result_cb,
                                     &result);
  finish_write (case_file, &result);
  /* Nor a PDF for the police that the disk never took: it reached no one,
   * and no sharing entry waits for it. */
  police_note = heard_export_note_new (HEARD_EXPORT_PDF, "agency:police");
  heard_case_file_note_export_async (case_file, police_note, NULL, heard_test_store_result_cb,
                                     &result);
  police_entry = finish_write (case_file, &result);
  g_assert_cmpuint (g_list_model_get_n_items (heard_case_file_get_unlogged_exports (case_file)),
                    ==, 2);
  heard_case_file_note_export_unwritten_async (case_file, police_entry, NULL,
                                               heard_test_store_result_cb, &result);
  finish_write (case_file, &result);
  g_assert_cmpuint (g_list_model_get_n_items (heard_case_file_get_unlogged_exports (case_file)),
                    ==, 1);

  story = list_story (case_file);
  g_assert_cmpuint (g_list_model_get_n_items (story), ==, 4);
  event = story_event (story, 3, HEARD_STORY_SHARED);
  g_assert_cmpstr (heard_story_event_get_at (event), ==, shared_on);
  g_assert_cmpstr (heard_story_event_get_who (event), ==, "Alex Morgan");
  g_assert_cmpstr (heard_story_event_get_text (event, HEARD_STORY_AGENCY), ==, "Riverside Clinic");
  g_assert_cmpstr (heard_story_event_get_text (event, HEARD_STORY_WHAT), ==, "your health plan");
  g_assert_cmpstr (heard_story_event_get_text (event, HEARD_STORY_WHY), ==, "so the nurse knows");
  g_assert_cmpstr (heard_story_event_get_text (event, HEARD_STORY_AGREED), ==, "yes");
  /* The one opening, at the newest time they were opened that day. */
  event = story_event (story, 0, HEARD_STORY_OPENED);
  g_assert_cmpstr (heard_story_event_get_text (event, HEARD_STORY_AGENCY), ==, "");
  g_assert_cmpint (heard_story_event_get_record_id (event), ==, 0);
  event = story_event (story, 1, HEARD_STORY_EXPORTED);
  g_assert_cmpstr (heard_story_event_get_text (event, HEARD_STORY_AGENCY), ==, school_name);
  g_assert_cmpstr (heard_story_event_get_text (event, HEARD_STORY_WHAT), ==,
                   "1 thing you said");
  event = story_event (story, 2, HEARD_STORY_READ_SENSITIVE);
  g_assert_cmpint (heard_story_event_get_record_id (event), ==, statement_id);
  g_assert_cmpstr (heard_story_event_get_text (event, HEARD_STORY_WHAT), ==,
                   "About a night at the park");

  /* The other young person's story is theirs alone. */
  other_story = list_story (other_file);
  g_assert_cmpuint (g_list_model_get_n_items (other_story), ==, 2);
  event = story_event (other_story, 0, HEARD_STORY_READ_SENSITIVE);
  g_assert_cmpint (heard_story_event_get_record_id (event), ==, other_statement_id);
  story_event (other_story, 1, HEARD_STORY_OPENED);
}

/* A write made on the store itself, not through the case file (as a team
 * store would push one), shows too. */
static void
test_store_write_shows (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(HeardCaseFile) case_file = open_case_file (f);
  g_autoptr(HeardStatement) statement = statement_new (f->person_id, "Ask me first.");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeardStore *store = _heard_context_get_store (f->context);
  gint64 id;

  heard_store_record_statement_async (store, statement, NULL, heard_test_store_result_cb,
                                      &result);
  heard_test_wait (&result);
  id = heard_store_record_statement_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  wait_for_rows (heard_case_file_get_statements (case_file), 1);
  g_assert_nonnull (heard_case_file_find_statement (case_file, id));
}

/* A dialog closed mid-save cancels its cancellable: the write still lands
 * and shows, though its asker hears only that it stopped listening. */
static void
test_cancelled_write_lands (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(HeardCaseFile) case_file = open_case_file (f);
  g_autoptr(HeardStatement) statement = statement_new (f->person_id, "Don't tell my dad.");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *statements = heard_case_file_get_statements (case_file);
  g_autoptr(HeardStatement) shown = NULL;

  heard_case_file_record_statement_async (case_file, statement, cancellable,
                                          heard_test_store_result_cb, &result);
  g_cancellable_cancel (cancellable);
  heard_test_wait (&result);
  g_assert_cmpint (heard_case_file_write_finish (case_file, result, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  wait_for_rows (statements, 1);
  shown = g_list_model_get_item (statements, 0);
  g_assert_cmpstr (heard_statement_get_text (shown, HEARD_STATEMENT_WORDS), ==,
                   "Don't tell my dad.");
}

/* A check-in saved through one holder shows in the other's check-ins,
 * oldest day first; one saved on the store itself shows too, and the rows
 * already there stay the same objects. Locking empties the model. */
static void
test_check_ins_show (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(HeardCaseFile) writer = open_case_file (f);
  g_autoptr(HeardCaseFile) reader = open_case_file (f);
  g_autoptr(HeardCheckIn) check_in = NULL;
  g_autoptr(HeardCheckIn) earlier = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *check_ins = heard_case_file_get_check_ins (reader);
  HeardCheckIn *first;
  HeardRating rating;
  gint64 area_ids[2];
  gint64 action_id, plan_id, id;

  plan_id = set_up_plan (writer, area_ids, &action_id);
  g_assert_cmpuint (g_list_model_get_n_items (check_ins), ==, 0);

  check_in = heard_test_check_in_new (plan_id, "2026-04-20", HEARD_AREA_SAFETY, 6, -1);
  heard_case_file_save_check_in_async (writer, check_in, NULL, heard_test_store_result_cb,
                                       &result);
  id = finish_write (writer, &result);
  g_assert_cmpuint (g_list_model_get_n_items (check_ins), ==, 1);
  first = get_row (check_ins, 0);
  g_assert_cmpint (heard_check_in_get_id (first), ==, id);
  g_assert_true (heard_check_in_get_rating (first, HEARD_AREA_SAFETY, HEARD_RATER_WORKER,
                                            &rating));
  g_assert_cmpint (rating.state, ==, HEARD_RATING_SKIPPED);

  earlier = heard_test_check_in_new (plan_id, "2026-04-06", HEARD_AREA_EDUCATION, -2, 5);
  g_assert_cmpint (heard_test_save_check_in (_heard_context_get_store (f->context), earlier,
                                             &error), >, 0);
  g_assert_no_error (error);
  wait_for_rows (check_ins, 2);
  g_assert_cmpstr (heard_check_in_get_day (get_row (check_ins, 0)), ==, "2026-04-06");
  g_assert_true (get_row (check_ins, 1) == first);

  heard_context_lock_async (f->context, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_context_lock_finish (f->context, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (check_ins), ==, 0);
}

/* The directory in the context and the chronology in two case files:
 * an agency saved through the context is listed once saved; a sign
 * recorded through one case file shows in the other's model, earliest day
 * first, and an amendment replaces its row with the new version (the
 * original kept in the history); a decision shows in its model. */
static void
test_chronology_shows (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(HeardCaseFile) writer = open_case_file (f);
  g_autoptr(HeardCaseFile) reader = open_case_file (f);
  g_autoptr(HeardDirectoryAgency) school = heard_directory_agency_new (HEARD_AGENCY_TYPE_SCHOOL,
                                                                       "Northgate Academy");
  g_autoptr(HeardChronologyEntry) sign = NULL;
  g_autoptr(HeardChronologyEntry) earlier = NULL;
  g_autoptr(HeardChronologyEntry) amended = NULL;
  g_autoptr(HeardClusterDecision) decision = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *agencies = heard_context_get_agencies (f->context);
  GListModel *chronology = heard_case_file_get_chronology (reader);
  GListModel *decisions = heard_case_file_get_cluster_decisions (reader);
  gint64 agency_id, sign_id, earlier_id;
  GDate day;

  heard_context_save_agency_async (f->context, school, NULL, heard_test_store_result_cb,
                                   &result);
  heard_test_wait (&result);
  agency_id = heard_context_save_agency_finish (f->context, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (g_list_model_get_n_items (agencies), ==, 1);
  g_assert_cmpint (heard_directory_agency_get_id (get_row (agencies, 0)), ==, agency_id);
  g_assert_true (heard_directory_list_lookup (HEARD_DIRECTORY_LIST (agencies), agency_id) ==
                 get_row (agencies, 0));
  /* A consent to a kind is said with the directory's agencies of it. */
  {
    g_autofree char *described =
      heard_directory_list_describe_kinds (HEARD_DIRECTORY_LIST (agencies), "school,police");
    g_autofree char *none = heard_directory_list_dup_names (HEARD_DIRECTORY_LIST (agencies),
                                                            HEARD_AGENCY_HEALTH);

    g_assert_cmpstr (described, ==, "School or college (Northgate Academy), Police");
    g_assert_null (none);
  }

  g_assert_cmpuint (g_list_model_get_n_items (chronology), ==, 0);
  sign = heard_chronology_entry_new (f->person_id, HEARD_ENTRY_VULNERABILITY, "school-absence");
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 10, G_DATE_MARCH, 2026);
  heard_chronology_entry_set_when (sign, HEARD_DATE_PRECISION_DAY, &day, NULL);
  heard_chronology_entry_set_agency_id (sign, agency_id);
  heard_chronology_entry_set_text (sign, HEARD_CHRONOLOGY_SEEN, "Missed three mornings.");
  heard_case_file_record_chronology_entry_async (writer, sign, NULL, heard_test_store_result_cb,
                                                 &result);
  sign_id = finish_write (writer, &result);
  wait_for_rows (chronology, 1);
  g_assert_cmpint (heard_chronology_entry_get_id (get_row (chronology, 0)), ==, sign_id);

  earlier = heard_chronology_entry_copy (sign);
  g_date_set_dmy (&day, 1, G_DATE_FEBRUARY, 2026);
  heard_chronology_entry_set_when (earlier, HEARD_DATE_PRECISION_AROUND, &day, &day);
  heard_case_file_record_chronology_entry_async (writer, earlier, NULL,
                                                 heard_test_store_result_cb, &result);
  earlier_id = finish_write (writer, &result);
  wait_for_rows (chronology, 2);
  g_assert_cmpint (heard_chronology_entry_get_id (get_row (chronology, 0)), ==, earlier_id);
  g_assert_true (heard_chronology_entry_is_approximate (get_row (chronology, 0)));
  {
    g_autofree char *when = heard_chronology_entry_describe_when (get_row (chronology, 0));

    g_assert_cmpstr (when, ==, "around February 2026");
  }

  amended = heard_chronology_entry_copy (get_row (chronology, 1));
  heard_chronology_entry_set_version (amended, 2);
  heard_chronology_entry_set_text (amended, HEARD_CHRONOLOGY_SEEN, "Missed four mornings.");
  heard_chronology_entry_set_text (amended, HEARD_CHRONOLOGY_REASON, "Miscounted.");
  heard_case_file_amend_chronology_entry_async (writer, amended, NULL,
                                                heard_test_store_result_cb, &result);
  g_assert_cmpint (finish_write (writer, &result), ==, sign_id);
  wait_for_loads (reader);
  g_assert_cmpuint (g_list_model_get_n_items (chronology), ==, 2);
  g_assert_cmpuint (heard_chronology_entry_get_version (get_row (chronology, 1)), ==, 2);
  g_assert_cmpstr (heard_chronology_entry_get_text (get_row (chronology, 1),
                                                    HEARD_CHRONOLOGY_SEEN), ==,
                   "Missed four mornings.");
  heard_case_file_list_chronology_history_async (reader, sign_id, NULL,
                                                 heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  history = heard_case_file_read_finish (reader, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (heard_chronology_entry_get_text (g_ptr_array_index (history, 0),
                                                    HEARD_CHRONOLOGY_SEEN), ==,
                   "Missed three mornings.");

  g_assert_cmpuint (g_list_model_get_n_items (decisions), ==, 0);
  decision = heard_cluster_decision_new (f->person_id, HEARD_CLUSTER_REFERRAL_MADE);
  heard_cluster_decision_add_sign_id (decision, sign_id);
  heard_cluster_decision_add_sign_id (decision, earlier_id);
  heard_cluster_decision_set_text (decision, HEARD_CLUSTER_DECISION_DECIDED_BY, "Sam Patel");
  heard_cluster_decision_set_text (decision, HEARD_CLUSTER_DECISION_DECIDED_ON, "2026-03-12");
  heard_case_file_record_cluster_decision_async (writer, decision, NULL, NULL,
                                                 heard_test_store_result_cb, &result);
  finish_write (writer, &result);
  wait_for_rows (decisions, 1);
  g_assert_cmpint (heard_cluster_decision_get_outcome (get_row (decisions, 0)), ==,
                   HEARD_CLUSTER_REFERRAL_MADE);

  heard_context_lock_async (f->context, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_context_lock_finish (f->context, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (chronology), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (decisions), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (agencies), ==, 0);
}

/* Locking empties every model of every case file and lets go of every
 * record fetched before. */
static void
test_lock_drops_everything (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(HeardCaseFile) case_file = open_case_file (f);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 area_ids[2];
  gint64 action_id;
  HeardStatement *statement;
  HeardPlan *plan;
  HeardPerson *person;
  HeardCaseFile *reopened;

  record_statement (case_file, "I'd like a woman worker.");
  set_up_plan (case_file, area_ids, &action_id);
  statement = get_row (heard_case_file_get_statements (case_file), 0);
  plan = get_row (heard_case_file_get_plans (case_file), 0);
  person = heard_case_file_get_person (case_file);
  g_assert_nonnull (person);
  g_object_add_weak_pointer (G_OBJECT (statement), (gpointer *) &statement);
  g_object_add_weak_pointer (G_OBJECT (plan), (gpointer *) &plan);
  g_object_add_weak_pointer (G_OBJECT (person), (gpointer *) &person);

  heard_context_lock_async (f->context, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_context_lock_finish (f->context, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  g_assert_cmpuint (g_list_model_get_n_items (heard_case_file_get_statements (case_file)), ==,
                    0);
  g_assert_cmpuint (g_list_model_get_n_items (heard_case_file_get_plans (case_file)), ==, 0);
  g_assert_cmpuint (heard_case_file_get_n_outstanding (case_file), ==, 0);
  g_assert_null (heard_case_file_get_person (case_file));
  g_assert_null (statement);
  g_assert_null (plan);
  g_assert_null (person);

  /* Open again: the young person's case file is a new one, with it all. */
  heard_context_start_async (f->context, NULL, heard_test_store_result_cb, &result);
  g_assert_cmpint (heard_test_unlock_state (f->context, &result), ==, HEARD_LOCK_STATE_OPEN);
  reopened = open_case_file (f);
  g_assert_true (reopened != case_file);
  wait_for_rows (heard_case_file_get_statements (reopened), 1);
  wait_for_rows (heard_case_file_get_plans (reopened), 1);
  g_object_unref (reopened);
}


/* The sharing log: every export made for this young person waits as a
 * draft, pre-filled from what went in; recording it takes it off that list
 * and into the log, an amendment replaces its row and the history keeps
 * both; the lawful bases come from the context. */
static void
test_sharing_log (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(HeardCaseFile) case_file = open_case_file (f);
  g_autoptr(HeardExportNote) note = NULL;
  g_autoptr(HeardSharingEntry) draft = NULL;
  g_autoptr(HeardSharingEntry) amended = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) bases = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *recipient = NULL;
  GListModel *log = heard_case_file_get_sharing_log (case_file);
  GListModel *unlogged = heard_case_file_get_unlogged_exports (case_file);
  const HeardSharingLink *links;
  gint64 school_id, statement_id, id;
  guint n_links;

  heard_context_list_lawful_bases_async (f->context, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  bases = heard_context_list_lawful_bases_finish (f->context, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bases->len, ==, 6);
  g_clear_object (&result);

  school_id = save_agency (f, HEARD_AGENCY_TYPE_SCHOOL, "Northgate Academy");
  statement_id = record_statement (case_file, "Tell school I am safe.");
  g_assert_cmpuint (g_list_model_get_n_items (unlogged), ==, 0);

  /* Their own copy, and a spreadsheet for their own team, told no agency:
   * no share waits to be logged. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(HeardExportNote) unshared =
        heard_export_note_new (i == 0 ? HEARD_EXPORT_PDF : HEARD_EXPORT_CHECK_INS_CSV,
                               i == 0 ? "young-person" : "own-team");

      heard_case_file_note_export_async (case_file, unshared, NULL, heard_test_store_result_cb,
                                         &result);
      finish_write (case_file, &result);
    }
  g_assert_cmpuint (g_list_model_get_n_items (unlogged), ==, 0);

  recipient = g_strdup_printf ("agency:school:%" G_GINT64_FORMAT, school_id);
  note = heard_export_note_new (HEARD_EXPORT_PDF, recipient);
  heard_export_note_add_statement (note, statement_id, 1);
  note->words = HEARD_EXPORT_YES;
  heard_case_file_note_export_async (case_file, note, NULL, heard_test_store_result_cb, &result);
  finish_write (case_file, &result);
  /* The write finishes once the list shows it. */
  g_assert_cmpuint (g_list_model_get_n_items (unlogged), ==, 1);
  draft = heard_sharing_entry_copy (get_row (unlogged, 0));
  g_assert_cmpint (heard_sharing_entry_get_decision (draft), ==, HEARD_SHARING_SHARED);
  g_assert_cmpint (heard_sharing_entry_get_agency_id (draft), ==, school_id);
  g_assert_cmpint (heard_sharing_entry_get_method (draft), ==,
                   HEARD_SHARING_METHOD_SECURE_TRANSFER);
  g_assert_cmpint (heard_sharing_entry_get_export_audit_id (draft), >, 0);
  g_assert_cmpstr (heard_sharing_entry_get_text (draft, HEARD_SHARING_WHAT), ==,
                   "1 statement, with their words");
  links = heard_sharing_entry_get_links (draft, &n_links);
  g_assert_cmpuint (n_links, ==, 1);
  g_assert_cmpint (links[0].id, ==, statement_id);

  heard_sharing_entry_set_lawful_basis (draft, "consent");
  heard_sharing_entry_set_text (draft, HEARD_SHARING_NECESSARY, "School asked how she is.");
  heard_sharing_entry_set_text (draft, HEARD_SHARING_PURPOSE, "The review");
  heard_sharing_entry_set_agreed (draft, HEARD_SHARING_AGREED_YES);
  heard_sharing_entry_set_told (draft, TRUE);
  heard_case_file_record_sharing_entry_async (case_file, draft, NULL, heard_test_store_result_cb,
                                              &result);
  id = finish_write (case_file, &result);
  g_assert_cmpuint (g_list_model_get_n_items (unlogged), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, 1);
  g_assert_cmpint (heard_sharing_entry_get_id (get_row (log, 0)), ==, id);

  amended = heard_sharing_entry_copy (get_row (log, 0));
  heard_sharing_entry_set_version (amended, 2);
  heard_sharing_entry_set_text (amended, HEARD_SHARING_CONTACT, "Ms Patel, designated lead");
  heard_sharing_entry_set_text (amended, HEARD_SHARING_REASON, "Who received it.");
  heard_case_file_amend_sharing_entry_async (case_file, amended, NULL,
                                             heard_test_store_result_cb, &result);
  g_assert_cmpint (finish_write (case_file, &result), ==, id);
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, 1);
  g_assert_cmpuint (heard_sharing_entry_get_version (get_row (log, 0)), ==, 2);

  heard_case_file_list_sharing_history_async (case_file, id, NULL, heard_test_store_result_cb,
                                              &result);
  heard_test_wait (&result);
  history = heard_case_file_read_finish (case_file, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (heard_sharing_entry_get_text (g_ptr_array_index (history, 0),
                                                 HEARD_SHARING_CONTACT), ==, "");
}

/* Logs a sign of harm @days_ago days before today from @agency_id. */
static gint64
log_sign (Fixture       *f,
          HeardCaseFile *case_file,
          gint64         agency_id,
          guint          days_ago)
{
  g_autoptr(HeardChronologyEntry) sign = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GDate day;

  sign = heard_chronology_entry_new (f->person_id, HEARD_ENTRY_SIGN_OF_HARM, "missing-episode");
  heard_date_today (&day);
  g_date_subtract_days (&day, days_ago);
  heard_chronology_entry_set_when (sign, HEARD_DATE_PRECISION_DAY, &day, NULL);
  heard_chronology_entry_set_agency_id (sign, agency_id);
  heard_chronology_entry_set_text (sign, HEARD_CHRONOLOGY_SEEN, "Not home overnight.");
  heard_case_file_record_chronology_entry_async (case_file, sign, NULL,
                                                 heard_test_store_result_cb, &result);
  return finish_write (case_file, &result);
}

/* The open items of the caseload section @title naming the young person. */
static guint
count_in_caseload (Fixture    *f,
                   const char *title)
{
  GListModel *caseload = heard_context_get_caseload (f->context);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (caseload); i++)
    {
      g_autoptr(HeardCaseloadGroup) group = g_list_model_get_item (caseload, i);

      if (g_strcmp0 (heard_caseload_group_get_title (group), title) != 0)
        continue;
      for (guint j = 0; j < heard_caseload_group_get_n_open_items (group); j++)
        n += heard_open_item_get_person_id (heard_caseload_group_get_open_item (group, j)) ==
             f->person_id;
    }

  return n;
}

/* Waits for the caseload to read every write so far. */
static void
wait_for_caseload (Fixture *f,
                   guint    n_gathering)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (count_in_caseload (f, "Warning Signs Gathering") != n_gathering)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* Whether an open item of the case file says @words. */
static gboolean
has_open_item (HeardCaseFile *case_file,
               const char    *words)
{
  GListModel *items = heard_case_file_get_open_items (case_file);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(HeardOpenItem) item = g_list_model_get_item (items, i);

      if (strstr (heard_open_item_get_summary (item), words) != NULL ||
          strstr (heard_open_item_get_detail (item), words) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* The case file works out the open clusters itself: two signs from a
 * school and one from the police within a fortnight make one, named in
 * words; the caseload and the closure check list it; a decision clears
 * it; a sign the next week brings it back; numbers that ask for more
 * signs, set with a supervisor's passphrase, clear it again. */
static void
test_open_clusters (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HeardCaseFile) case_file = open_case_file (f);
  g_autoptr(HeardClusterDecision) decision = NULL;
  g_autoptr(HeardStaff) supervisor = heard_staff_new (HEARD_STAFF_SUPERVISOR);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *clusters = heard_case_file_get_open_clusters (case_file);
  HeardClusterNumbers numbers = { 5, 2, 28 };
  gint64 school, police, sign_ids[3], supervisor_id;
  const HeardCluster *cluster;
  const char *words;

  school = save_agency (f, HEARD_AGENCY_TYPE_SCHOOL, "Northgate Academy");
  police = save_agency (f, HEARD_AGENCY_TYPE_POLICE, "Eastgate Police");

  sign_ids[0] = log_sign (f, case_file, school, 20);
  sign_ids[1] = log_sign (f, case_file, school, 15);
  wait_for_loads (case_file);
  g_assert_cmpuint (g_list_model_get_n_items (clusters), ==, 0);
  sign_ids[2] = log_sign (f, case_file, police, 8);
  wait_for_rows (clusters, 1);

  cluster = heard_open_cluster_get_cluster (get_row (clusters, 0));
  g_assert_cmpuint (cluster->sign_ids->len, ==, 3);
  g_assert_cmpuint (cluster->agency_ids->len, ==, 2);
  words = heard_open_cluster_get_description (get_row (clusters, 0));
  g_assert_nonnull (strstr (words, "Northgate Academy"));
  g_assert_nonnull (strstr (words, "Eastgate Police"));
  g_assert_nonnull (strstr (words, "strategy discussion"));
  wait_for_caseload (f, 1);
  g_assert_true (has_open_item (case_file, "no decision is recorded yet"));
  g_assert_true (has_open_item (case_file, "Missing episode"));

  decision = heard_cluster_decision_new (f->person_id, HEARD_CLUSTER_MEETING_HELD);
  for (guint i = 0; i < G_N_ELEMENTS (sign_ids); i++)
    heard_cluster_decision_add_sign_id (decision, sign_ids[i]);
  heard_cluster_decision_set_text (decision, HEARD_CLUSTER_DECISION_DECIDED_BY, "Sam Patel");
  heard_cluster_decision_set_text (decision, HEARD_CLUSTER_DECISION_DECIDED_ON,
                                   heard_chronology_entry_get_earliest_day (
                                     get_row (heard_case_file_get_chronology (case_file), 2)));
  heard_case_file_record_cluster_decision_async (case_file, decision, NULL, NULL,
                                                 heard_test_store_result_cb, &result);
  finish_write (case_file, &result);
  wait_for_rows (clusters, 0);
  wait_for_caseload (f, 0);
  g_assert_false (has_open_item (case_file, "no decision is recorded yet"));
  /* The signs themselves are still recent. */
  g_assert_true (has_open_item (case_file, "Missing episode"));

  log_sign (f, case_file, school, 1);
  wait_for_rows (clusters, 1);
  g_assert_cmpuint (heard_open_cluster_get_cluster (get_row (clusters, 0))->sign_ids->len, ==,
                    4);
  wait_for_caseload (f, 1);

  heard_staff_set_name (supervisor, "Sam Okafor");
  heard_context_save_staff_async (f->context, supervisor, "a supervisor's passphrase", NULL,
                                  heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  supervisor_id = heard_context_save_staff_finish (f->context, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  heard_context_set_cluster_numbers_async (f->context, &numbers, supervisor_id,
                                           "a supervisor's passphrase", NULL,
                                           heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_context_set_cluster_numbers_finish (f->context, result, &error));
  g_assert_no_error (error);
  wait_for_rows (clusters, 0);
  wait_for_caseload (f, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  if (!heard_secure_init (&error))
    g_error ("%s", error->message);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)
  ADD ("/case-file/shared", test_shared);
  ADD ("/case-file/statement-shows", test_statement_shows);
  ADD ("/case-file/plan-action-shows", test_plan_action_shows);
  ADD ("/case-file/store-write-shows", test_store_write_shows);
  ADD ("/case-file/person-shows", test_person_shows);
  ADD ("/case-file/open-items-show", test_open_items_show);
  ADD ("/case-file/removal-refused-with-open-items", test_removal_refused_with_open_items);
  ADD ("/case-file/removal-refused-with-active-plan", test_removal_refused_with_active_plan);
  ADD ("/case-file/removal-audited-and-restored", test_removal_audited_and_restored);
  ADD ("/case-file/cancelled-write-lands", test_cancelled_write_lands);
  ADD ("/case-file/lock-drops-everything", test_lock_drops_everything);
  ADD ("/case-file/check-ins-show", test_check_ins_show);
  ADD ("/case-file/export-noted", test_export_noted);
  ADD ("/case-file/export-calendar", test_export_calendar);
  ADD ("/case-file/export-csv", test_export_csv);
  ADD ("/case-file/story", test_story);
  ADD ("/case-file/chronology-shows", test_chronology_shows);
  ADD ("/case-file/open-clusters", test_open_clusters);
  ADD ("/case-file/sharing-log", test_sharing_log);
#undef ADD

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-codesign"

#include "config.h"

#include "heard-case-file.h"
#include "heard-context.h"
#include "heard-keyring.h"
#include "heard-secure.h"
#include "heard-test-utils.h"

/*
 * Co-design's records through the case file the co-design window will
 * use, on real records: what the young person writes or rates there is
 * kept as theirs, beside the worker's and never over it, with their
 * earlier wording kept; and staff-only text stays out of their view
 * until someone marks it written for them.
 */

#define PERSON_NAME "Amara Okafor"

typedef struct
{
  HeardTestRecords  records;
  HeardContext     *context;
  HeardCaseFile    *case_file;
  gint64            plan_id;
} Fixture;

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

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(HeardSecretString) code = NULL;
  g_autoptr(HeardPlanArea) area = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GListModel *people;
  gint64 person_id;

  heard_test_records_init (&f->records);
  f->context = heard_test_start_context (f->records.data_dir,
                                         HEARD_LOCK_STATE_SHOW_RECOVERY_CODE);
  code = heard_test_keep_recovery_code (f->context);
  person_id = heard_test_context_add_person (f->context, PERSON_NAME);
  people = heard_context_get_people (f->context);
  for (guint i = 0; f->case_file == NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(HeardPerson) person = g_list_model_get_item (people, i);

      if (heard_person_get_id (person) == person_id)
        f->case_file = heard_case_file_open (f->context, person);
    }
  g_assert_nonnull (f->case_file);

  /* A plan with the worker's goal for education. */
  heard_case_file_start_plan_async (f->case_file, NULL, heard_test_store_result_cb, &result);
  f->plan_id = finish_write (f->case_file, &result);
  area = heard_plan_area_new (f->plan_id, HEARD_AREA_EDUCATION);
  heard_plan_area_set_text (area, HEARD_AREA_GOAL_WORKER, "Regular attendance with support.");
  heard_case_file_save_area_async (f->case_file, area, NULL, heard_test_store_result_cb, &result);
  finish_write (f->case_file, &result);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  g_clear_object (&f->case_file);
  heard_test_close_context (&f->context);

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

static const char *
worker_goal (Fixture *f)
{
  HeardPlan *plan = heard_case_file_find_plan (f->case_file, f->plan_id);
  HeardPlanArea *area;

  g_assert_nonnull (plan);
  area = heard_plan_find_area (plan, HEARD_AREA_EDUCATION);
  g_assert_nonnull (area);

  return heard_plan_area_get_text (area, HEARD_AREA_GOAL_WORKER);
}

static void
write_own_goal (Fixture    *f,
                const char *words)
{
  g_autoptr(HeardOwnWords) goal = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  goal = heard_own_words_new (heard_case_file_get_person_id (f->case_file), f->plan_id,
                              HEARD_AREA_EDUCATION, HEARD_OWN_GOAL, words);
  heard_case_file_record_own_words_async (f->case_file, goal, NULL, heard_test_store_result_cb,
                                          &result);
  finish_write (f->case_file, &result);
}

static HeardCheckIn *
find_check_in (Fixture *f,
               gint64   id)
{
  GListModel *check_ins = heard_case_file_get_check_ins (f->case_file);

  for (guint i = 0; i < g_list_model_get_n_items (check_ins); i++)
    {
      g_autoptr(HeardCheckIn) check_in = g_list_model_get_item (check_ins, i);

      if (heard_check_in_get_id (check_in) == id)
        return check_in;
    }

  g_assert_not_reached ();
}

static gint64
save_check_in (Fixture      *f,
               HeardCheckIn *check_in)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_case_file_save_check_in_async (f->case_file, check_in, NULL, heard_test_store_result_cb,
                                       &result);
  return finish_write (f->case_file, &result);
}

/* Their goal, in their words, goes beside the worker's: the worker's goal
 * is as it was, and what they wrote first is kept when they change it. */
static void
test_own_goal (Fixture       *f,
               gconstpointer  data)
{
  GListModel *own_words = heard_case_file_get_own_words (f->case_file);
  HeardOwnWords *in_force;

  g_assert_null (heard_case_file_find_own_words (f->case_file, HEARD_AREA_EDUCATION,
                                                 HEARD_OWN_GOAL));
  write_own_goal (f, "Go to school on Mondays.");
  write_own_goal (f, "Go to school every day, with Jo.");

  in_force = heard_case_file_find_own_words (f->case_file, HEARD_AREA_EDUCATION, HEARD_OWN_GOAL);
  g_assert_nonnull (in_force);
  g_assert_cmpstr (heard_own_words_get_words (in_force), ==, "Go to school every day, with Jo.");
  g_assert_cmpuint (heard_own_words_get_version (in_force), ==, 2);
  g_assert_cmpstr (worker_goal (f), ==, "Regular attendance with support.");
  g_assert_cmpuint (g_list_model_get_n_items (own_words), ==, 2);
  {
    g_autoptr(HeardOwnWords) first = g_list_model_get_item (own_words, 0);

    g_assert_cmpstr (heard_own_words_get_words (first), ==, "Go to school on Mondays.");
    g_assert_cmpuint (heard_own_words_get_version (first), ==, 1);
  }
  g_assert_null (heard_case_file_find_own_words (f->case_file, HEARD_AREA_EDUCATION,
                                                 HEARD_OWN_WHAT_HELPS));
}

/* A rating given in co-design is theirs: the worker's rating of the same
 * area, saved before, is kept as it was. */
static void
test_rating_theirs (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HeardCheckIn) worker = heard_check_in_new (f->plan_id);
  g_autoptr(HeardCheckIn) theirs = heard_check_in_new (f->plan_id);
  HeardRating rating;
  gint64 worker_id, theirs_id;

  heard_check_in_set_text (worker, HEARD_CHECK_IN_DAY, "2026-03-01");
  heard_check_in_set_rating (worker, HEARD_AREA_EDUCATION, HEARD_RATER_WORKER,
                             HEARD_RATING_GIVEN, 4);
  worker_id = save_check_in (f, worker);
  heard_check_in_set_text (theirs, HEARD_CHECK_IN_DAY, "2026-03-01");
  heard_check_in_set_rating (theirs, HEARD_AREA_EDUCATION, HEARD_RATER_YOUNG_PERSON,
                             HEARD_RATING_GIVEN, 8);
  theirs_id = save_check_in (f, theirs);
  g_assert_cmpint (theirs_id, !=, worker_id);

  g_assert_true (heard_check_in_get_rating (find_check_in (f, theirs_id), HEARD_AREA_EDUCATION,
                                            HEARD_RATER_YOUNG_PERSON, &rating));
  g_assert_cmpint (rating.state, ==, HEARD_RATING_GIVEN);
  g_assert_cmpuint (rating.value, ==, 8);
  g_assert_true (heard_check_in_get_rating (find_check_in (f, theirs_id), HEARD_AREA_EDUCATION,
                                            HEARD_RATER_WORKER, &rating));
  g_assert_cmpint (rating.state, !=, HEARD_RATING_GIVEN);
  g_assert_true (heard_check_in_get_rating (find_check_in (f, worker_id), HEARD_AREA_EDUCATION,
                                            HEARD_RATER_WORKER, &rating));
  g_assert_cmpint (rating.state, ==, HEARD_RATING_GIVEN);
  g_assert_cmpuint (rating.value, ==, 4);
  g_assert_true (heard_check_in_get_rating (find_check_in (f, worker_id), HEARD_AREA_EDUCATION,
                                            HEARD_RATER_YOUNG_PERSON, &rating));
  g_assert_cmpint (rating.state, !=, HEARD_RATING_GIVEN);
}

/* A check-in's note, a statement's context: kept for staff until marked
 * for them, with a reason; plan text and answers are theirs to read. */
static void
test_staff_only (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HeardCheckIn) check_in = heard_check_in_new (f->plan_id);
  g_autoptr(HeardStatement) statement = heard_statement_new ();
  g_autoptr(HeardForThemMark) mark = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeardPlanArea *area;
  gint64 person_id = heard_case_file_get_person_id (f->case_file);
  gint64 check_in_id, statement_id;

  heard_check_in_set_text (check_in, HEARD_CHECK_IN_DAY, "2026-03-01");
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_WORKER_NOTE, "Quiet; check on mum.");
  heard_check_in_set_rating (check_in, HEARD_AREA_EDUCATION, HEARD_RATER_WORKER,
                             HEARD_RATING_GIVEN, 5);
  check_in_id = save_check_in (f, check_in);
  heard_statement_set_person_id (statement, person_id);
  heard_statement_set_text (statement, HEARD_STATEMENT_WORDS, "I want to stay at my nan’s.");
  heard_statement_set_text (statement, HEARD_STATEMENT_GIVEN_ON, "03/05/2024");
  heard_statement_set_text (statement, HEARD_STATEMENT_CONTEXT, "Said after the meeting.");
  heard_case_file_record_statement_async (f->case_file, statement, NULL,
                                          heard_test_store_result_cb, &result);
  statement_id = finish_write (f->case_file, &result);
  area = heard_plan_find_area (heard_case_file_find_plan (f->case_file, f->plan_id),
                               HEARD_AREA_EDUCATION);

  g_assert_false (heard_case_file_written_for_them (f->case_file, HEARD_FOR_THEM_CHECK_IN_NOTE,
                                                    check_in_id));
  g_assert_false (heard_case_file_written_for_them (f->case_file,
                                                    HEARD_FOR_THEM_STATEMENT_CONTEXT,
                                                    statement_id));
  g_assert_true (heard_case_file_written_for_them (f->case_file, HEARD_FOR_THEM_WORKER_GOAL,
                                                   heard_plan_area_get_id (area)));
  g_assert_true (heard_case_file_written_for_them (f->case_file, HEARD_FOR_THEM_AREA,
                                                   heard_plan_area_get_id (area)));

  /* Marking a check-in's note is an amendment: without a reason, refused. */
  mark = heard_for_them_mark_new (person_id, HEARD_FOR_THEM_CHECK_IN_NOTE, check_in_id, TRUE,
                                  "");
  heard_case_file_set_for_them_async (f->case_file, mark, NULL, heard_test_store_result_cb,
                                      &result);
  heard_test_wait (&result);
  g_assert_cmpint (heard_case_file_write_finish (f->case_file, result, &error), ==, 0);
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&result);
  g_clear_object (&mark);
  mark = heard_for_them_mark_new (person_id, HEARD_FOR_THEM_CHECK_IN_NOTE, check_in_id, TRUE,
                                  "She asked to read it.");
  heard_case_file_set_for_them_async (f->case_file, mark, NULL, heard_test_store_result_cb,
                                      &result);
  finish_write (f->case_file, &result);
  g_assert_true (heard_case_file_written_for_them (f->case_file, HEARD_FOR_THEM_CHECK_IN_NOTE,
                                                   check_in_id));
  g_assert_false (heard_case_file_written_for_them (f->case_file,
                                                    HEARD_FOR_THEM_STATEMENT_CONTEXT,
                                                    statement_id));

  /* And the worker's goal can be kept back; the newest mark wins. */
  g_clear_object (&mark);
  mark = heard_for_them_mark_new (person_id, HEARD_FOR_THEM_WORKER_GOAL,
                                  heard_plan_area_get_id (area), FALSE, "");
  heard_case_file_set_for_them_async (f->case_file, mark, NULL, heard_test_store_result_cb,
                                      &result);
  finish_write (f->case_file, &result);
  g_assert_false (heard_case_file_written_for_them (f->case_file, HEARD_FOR_THEM_WORKER_GOAL,
                                                    heard_plan_area_get_id (area)));
  g_assert_true (heard_case_file_written_for_them (f->case_file, HEARD_FOR_THEM_AREA,
                                                   heard_plan_area_get_id (area)));
}

/* "My plan, my say": their newest say on this version is the one shown,
 * every one is kept. */
static void
test_plan_say (Fixture       *f,
               gconstpointer  data)
{
  const struct { HeardSayKind kind; const char *words; } says[] = {
    { HEARD_SAY_NOT_SURE, "" },
    { HEARD_SAY_DOES_NOT_AGREE, "Not the bit about Mondays." },
  };
  HeardPlanSay *shown;

  g_assert_null (heard_case_file_find_plan_say (f->case_file, f->plan_id));
  for (gsize i = 0; i < G_N_ELEMENTS (says); i++)
    {
      g_autoptr(HeardPlanSay) say = heard_plan_say_new (f->plan_id, says[i].kind, says[i].words);
      g_autoptr(GAsyncResult) result = NULL;

      heard_case_file_record_plan_say_async (f->case_file, say, NULL,
                                             heard_test_store_result_cb, &result);
      finish_write (f->case_file, &result);
    }
  shown = heard_case_file_find_plan_say (f->case_file, f->plan_id);
  g_assert_nonnull (shown);
  g_assert_cmpint (heard_plan_say_get_kind (shown), ==, HEARD_SAY_DOES_NOT_AGREE);
  g_assert_cmpstr (heard_plan_say_get_words (shown), ==, "Not the bit about Mondays.");
  g_assert_cmpuint (g_list_model_get_n_items (heard_case_file_get_plan_says (f->case_file)), ==,
                    2);
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

  add_test ("/codesign/own-goal", test_own_goal);
  add_test ("/codesign/rating-theirs", test_rating_theirs);
  add_test ("/codesign/staff-only", test_staff_only);
  add_test ("/codesign/plan-say", test_plan_say);

  return g_test_run ();
}

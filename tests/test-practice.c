/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-practice"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include "heard-date.h"
#include "heard-audit.h"
#include "heard-backup-service.h"
#include "heard-check-in-rules.h"
#include "heard-context.h"
#include "heard-context-private.h"
#include "heard-files.h"
#include "heard-folder-lock.h"
#include "heard-keyring.h"
#include "heard-practice.h"
#include "heard-recovery-code.h"
#include "heard-secure.h"
#include "heard-store-agencies.h"
#include "heard-store-chronology.h"
#include "heard-store-codesign.h"
#include "heard-store-sharing.h"
#include "heard-store-people.h"
#include "heard-store-plans.h"
#include "heard-store-staff.h"
#include "heard-store-statements.h"
#include "heard-test-keyring.h"
#include "heard-test-utils.h"
#include "heard-unlock-flow-private.h"

/*
 * Practice records: what a trainer relies on. The same seed and day give
 * the same records; practice and real records never share a folder or a
 * key; real records are never touched; a practice set opens silently,
 * says it is practice, and passes every check real records must; and its
 * words stay clear of anything graphic.
 */

#define N_PEOPLE 6
#define SEED 7

/* Terms that must never appear in practice records: the harm is never
 * described. Kept short and clinical; matched as whole words. */
static const char *const never_words[] = {
  "rape", "raped", "intercourse", "genitals", "naked", "pornography", "penetration",
};

typedef struct
{
  char *root;
  char *data_dir;
  char *practice_dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->root = heard_test_make_dir ();
  fixture->data_dir = g_build_filename (fixture->root, "heard", NULL);
  g_setenv ("HEARD_DATA_DIR", fixture->data_dir, TRUE);
  fixture->practice_dir = heard_practice_default_dir ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_unsetenv ("HEARD_DATA_DIR");
  heard_test_clear_dir (&fixture->root);
  g_free (fixture->data_dir);
  g_free (fixture->practice_dir);
}

static void
practice_day (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_dmy (today, 14, G_DATE_MARCH, 2026);
}

static gboolean
generate (const char  *folder,
          guint        n_people,
          guint64      seed,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GDate today;

  practice_day (&today);
  heard_practice_generate_async (folder, n_people, seed, &today, NULL,
                                 heard_test_store_result_cb, &result);
  heard_test_wait (&result);

  return heard_practice_generate_finish (result, error);
}

static void
generate_ok (const char *folder,
             guint       n_people,
             guint64     seed)
{
  g_autoptr(GError) error = NULL;
  gboolean made = generate (folder, n_people, seed, &error);

  g_assert_no_error (error);
  g_assert_true (made);
}

static HeardKey *
read_practice_key (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, HEARD_PRACTICE_KEY_FILE, NULL);
  g_autoptr(HeardSecretString) hex = NULL;
  g_autoptr(GError) error = NULL;
  HeardKey *key;

  g_file_get_contents (path, &hex, NULL, &error);
  g_assert_no_error (error);
  key = heard_key_new_from_hex (g_strstrip (hex), &error);
  g_assert_no_error (error);

  return key;
}

static HeardStore *
open_practice_store (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, HEARD_DATABASE_FILE, NULL);
  g_autoptr(HeardKey) key = read_practice_key (folder);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeardStore *store = heard_sqlite_store_new (path);

  heard_sqlite_store_open_async (HEARD_SQLITE_STORE (store), key, HEARD_SQLITE_STORE_OPEN_NONE,
                                 NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  heard_sqlite_store_open_finish (HEARD_SQLITE_STORE (store), result, &error);
  g_assert_no_error (error);

  return store;
}

/* Every property a GObject has, except those @skip names (the times the
 * audit trail gives, which are when the set was made, not records). */
static void
dump_object (GString    *dump,
             const char *label,
             GObject    *object)
{
  static const char *const skip[] = {
    "saved-at", "created-at", "signed-off-at", "closed-at", "decided-at", "next-review",
    "review-limit", "saved-by",
  };
  guint n = 0;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object),
                                                                    &n);

  g_string_append_printf (dump, "%s:", label);
  for (guint i = 0; i < n; i++)
    {
      GValue value = G_VALUE_INIT;
      g_autofree char *text = NULL;

      if (g_strv_contains ((const char *const *) skip, pspecs[i]->name) ||
          (pspecs[i]->flags & G_PARAM_READABLE) == 0 ||
          G_TYPE_IS_OBJECT (pspecs[i]->value_type) ||
          G_TYPE_IS_INTERFACE (pspecs[i]->value_type) ||
          pspecs[i]->value_type == G_TYPE_POINTER)
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      /* Strings as they are, not escaped: the words are checked too. */
      text = G_VALUE_HOLDS_STRING (&value) ? g_value_dup_string (&value)
                                           : g_strdup_value_contents (&value);
      g_string_append_printf (dump, " %s=%s", pspecs[i]->name, text);
      g_value_unset (&value);
    }
  g_string_append_c (dump, '\n');
}

static void
dump_plans (GString    *dump,
            HeardStore *store,
            gint64      person_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;

  heard_store_load_plans_async (store, person_id, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  plans = heard_store_load_plans_finish (store, result, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < plans->len; i++)
    {
      HeardPlan *plan = g_ptr_array_index (plans, i);
      GListModel *areas = heard_plan_get_areas (plan);
      GListModel *reviews = heard_plan_get_reviews (plan);

      dump_object (dump, "plan", G_OBJECT (plan));
      for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
        {
          g_autoptr(HeardPlanArea) area = g_list_model_get_item (areas, a);
          GListModel *actions = heard_plan_area_get_actions (area);

          dump_object (dump, " area", G_OBJECT (area));
          for (guint b = 0; b < g_list_model_get_n_items (actions); b++)
            {
              g_autoptr(GObject) action = g_list_model_get_item (actions, b);

              dump_object (dump, "  action", action);
            }
        }
      for (guint r = 0; r < g_list_model_get_n_items (reviews); r++)
        {
          g_autoptr(HeardPlanReview) review = g_list_model_get_item (reviews, r);

          g_string_append_printf (dump, " review: %d %s %s\n",
                                  heard_plan_review_get_decision (review),
                                  heard_plan_review_get_reviewer (review),
                                  heard_plan_review_get_comments (review));
        }
    }
}

static void
dump_statements (GString    *dump,
                 HeardStore *store,
                 gint64      person_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statements = NULL;

  heard_store_list_statements_async (store, person_id, NULL, heard_test_store_result_cb,
                                     &result);
  heard_test_wait (&result);
  statements = heard_store_list_statements_finish (store, result, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < statements->len; i++)
    {
      HeardStatement *statement = g_ptr_array_index (statements, i);
      GPtrArray *responses = heard_statement_get_responses (statement);
      g_autoptr(GAsyncResult) history_result = NULL;
      g_autoptr(GPtrArray) history = NULL;

      dump_object (dump, "statement", G_OBJECT (statement));
      for (guint r = 0; r < responses->len; r++)
        {
          HeardStatementResponse *response = g_ptr_array_index (responses, r);
          GArray *action_ids = heard_statement_response_get_action_ids (response);

          dump_object (dump, " answer", G_OBJECT (response));
          for (guint a = 0; a < action_ids->len; a++)
            g_string_append_printf (dump, "  action %" G_GINT64_FORMAT "\n",
                                    g_array_index (action_ids, gint64, a));
        }

      heard_store_list_statement_history_async (store, heard_statement_get_id (statement), NULL,
                                                heard_test_store_result_cb, &history_result);
      heard_test_wait (&history_result);
      history = heard_store_list_statement_history_finish (store, history_result, &error);
      g_assert_no_error (error);
      for (guint v = 0; v + 1 < history->len; v++)
        dump_object (dump, " earlier", g_ptr_array_index (history, v));
    }
}

static void
dump_rating (GString           *dump,
             const char        *who,
             const HeardRating *rating)
{
  g_string_append_printf (dump, " %s=%s", who, heard_rating_state_to_code (rating->state));
  if (rating->state == HEARD_RATING_GIVEN)
    g_string_append_printf (dump, ":%u", rating->value);
}

/* Each check-in, its words, and every rating: " area 3 theirs=given:6
 * worker=rather-not-say", then "talk" when the gap is worth talking about. */
static void
dump_check_ins (GString    *dump,
                HeardStore *store,
                gint64      person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) check_ins = heard_test_list_check_ins (store, person_id, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < check_ins->len; i++)
    {
      HeardCheckIn *check_in = g_ptr_array_index (check_ins, i);
      HeardRating rating;

      dump_object (dump, "check-in", G_OBJECT (check_in));
      heard_check_in_get_safety (check_in, &rating);
      g_string_append (dump, " safety");
      dump_rating (dump, "theirs", &rating);
      g_string_append_c (dump, '\n');
      for (guint a = 0; a < heard_check_in_get_n_areas (check_in); a++)
        {
          HeardAreaKind kind = heard_check_in_get_area (check_in, a);

          g_string_append_printf (dump, " area %u", kind);
          heard_check_in_get_rating (check_in, kind, HEARD_RATER_YOUNG_PERSON, &rating);
          dump_rating (dump, "theirs", &rating);
          heard_check_in_get_rating (check_in, kind, HEARD_RATER_WORKER, &rating);
          dump_rating (dump, "worker", &rating);
          if (heard_check_in_area_to_talk_about (check_in, kind))
            g_string_append (dump, " talk");
          g_string_append_c (dump, '\n');
        }
    }
}

static GPtrArray *
list_chronology (HeardStore *store,
                 gint64      person_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;

  heard_store_list_chronology_async (store, person_id, NULL, heard_test_store_result_cb,
                                     &result);
  heard_test_wait (&result);
  entries = heard_store_list_chronology_finish (store, result, &error);
  g_assert_no_error (error);

  return entries;
}

/* Each warning sign or strength: its day in words, nature, kind, agency and
 * what was seen. */
static void
dump_chronology (GString    *dump,
                 HeardStore *store,
                 gint64      person_id)
{
  g_autoptr(GPtrArray) entries = list_chronology (store, person_id);

  for (guint i = 0; i < entries->len; i++)
    {
      HeardChronologyEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *when = heard_chronology_entry_describe_when (entry);

      g_string_append_printf (dump, "entry %s %s %s agency=%" G_GINT64_FORMAT " %s: %s\n", when,
                              heard_entry_nature_to_code (heard_chronology_entry_get_nature (entry)),
                              heard_chronology_entry_get_kind (entry),
                              heard_chronology_entry_get_agency_id (entry),
                              heard_chronology_entry_get_text (entry, HEARD_CHRONOLOGY_REPORTER),
                              heard_chronology_entry_get_text (entry, HEARD_CHRONOLOGY_SEEN));
    }
}

static GPtrArray *
list_sharing (HeardStore *store,
              gint64      person_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;

  heard_store_list_sharing_async (store, person_id, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  entries = heard_store_list_sharing_finish (store, result, &error);
  g_assert_no_error (error);

  return entries;
}

/* Each sharing entry: its day, decision, agency, lawful basis, agreement
 * and what was shared. */
static void
dump_sharing (GString    *dump,
              HeardStore *store,
              gint64      person_id)
{
  g_autoptr(GPtrArray) entries = list_sharing (store, person_id);

  for (guint i = 0; i < entries->len; i++)
    {
      HeardSharingEntry *entry = g_ptr_array_index (entries, i);
      guint n_links;

      heard_sharing_entry_get_links (entry, &n_links);
      g_string_append_printf (dump, "sharing %s %s %" G_GINT64_FORMAT " %s %s %s %u %s\n",
                              heard_sharing_entry_get_shared_on (entry),
                              heard_sharing_decision_to_code (heard_sharing_entry_get_decision (entry)),
                              heard_sharing_entry_get_agency_id (entry),
                              heard_sharing_entry_get_lawful_basis (entry),
                              heard_sharing_agreed_to_code (heard_sharing_entry_get_agreed (entry)),
                              heard_sharing_method_to_code (heard_sharing_entry_get_method (entry)),
                              n_links, heard_sharing_entry_get_text (entry, HEARD_SHARING_WHAT));
    }
}

static GPtrArray *
list_own_words (HeardStore *store,
                gint64      person_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *words;

  heard_store_list_own_words_async (store, person_id, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  words = heard_store_list_own_words_finish (store, result, &error);
  g_assert_no_error (error);

  return words;
}

static GPtrArray *
list_plan_says (HeardStore *store,
                gint64      person_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *says;

  heard_store_list_plan_says_async (store, person_id, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  says = heard_store_list_plan_says_finish (store, result, &error);
  g_assert_no_error (error);

  return says;
}

static GPtrArray *
list_marks (HeardStore *store,
            gint64      person_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *marks;

  heard_store_list_for_them_marks_async (store, person_id, NULL, heard_test_store_result_cb,
                                         &result);
  heard_test_wait (&result);
  marks = heard_store_list_for_them_marks_finish (store, result, &error);
  g_assert_no_error (error);

  return marks;
}

/* What they wrote in co-design (their goals, what helps them), their say
 * on their plan, and what staff kept from them. */
static void
dump_codesign (GString    *dump,
               HeardStore *store,
               gint64      person_id)
{
  g_autoptr(GPtrArray) words = list_own_words (store, person_id);
  g_autoptr(GPtrArray) says = list_plan_says (store, person_id);
  g_autoptr(GPtrArray) marks = list_marks (store, person_id);

  for (guint i = 0; i < words->len; i++)
    dump_object (dump, "own words", g_ptr_array_index (words, i));
  for (guint i = 0; i < says->len; i++)
    dump_object (dump, "plan say", g_ptr_array_index (says, i));
  for (guint i = 0; i < marks->len; i++)
    dump_object (dump, "for-them mark", g_ptr_array_index (marks, i));
}

/* Everything the store gives back about the set, in a stable order. */
static char *
dump_practice_set (const char *folder)
{
  g_autoptr(HeardStore) store = open_practice_store (folder);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  GString *dump = g_string_new (NULL);

  heard_store_list_staff_async (store, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  staff = heard_store_list_staff_finish (store, result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < staff->len; i++)
    dump_object (dump, "staff", g_ptr_array_index (staff, i));
  g_clear_object (&result);

  heard_store_list_people_async (store, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  people = heard_store_list_people_finish (store, result, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < people->len; i++)
    {
      HeardPerson *person = g_ptr_array_index (people, i);

      dump_object (dump, "person", G_OBJECT (person));
      dump_plans (dump, store, heard_person_get_id (person));
      dump_statements (dump, store, heard_person_get_id (person));
      dump_check_ins (dump, store, heard_person_get_id (person));
      dump_chronology (dump, store, heard_person_get_id (person));
      dump_sharing (dump, store, heard_person_get_id (person));
      dump_codesign (dump, store, heard_person_get_id (person));
    }

  g_clear_object (&result);
  heard_test_close_store (&store);

  return g_string_free (dump, FALSE);
}

static guint
count_lines_starting (const char *dump,
                      const char *start)
{
  g_auto(GStrv) lines = g_strsplit (dump, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_has_prefix (lines[i], start);

  return n;
}

/* The files of @folder with their contents' checksums, but for the lock
 * file, which is never part of the records. */
static char *
describe_records (const char *folder)
{
  g_autofree char *description = heard_test_describe_folder (folder);
  g_auto(GStrv) lines = g_strsplit (description, "\n", -1);
  GString *records = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!g_str_has_prefix (lines[i], HEARD_FOLDER_LOCK_FILE " "))
        g_string_append_printf (records, "%s\n", lines[i]);
    }

  return g_string_free (records, FALSE);
}

static gboolean
folder_has_making_sibling (const char *folder)
{
  g_autofree char *parent = g_path_get_dirname (folder);
  g_autofree char *base = g_path_get_basename (folder);
  g_autofree char *prefix = g_strconcat (base, ".making-", NULL);
  g_autoptr(GDir) dir = g_dir_open (parent, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, prefix))
        return TRUE;
    }

  return FALSE;
}

static void
test_same_seed_same_records (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *first = g_build_filename (fixture->root, "first", NULL);
  g_autofree char *second = g_build_filename (fixture->root, "second", NULL);
  g_autofree char *other = g_build_filename (fixture->root, "other", NULL);
  g_autofree char *first_slash = g_strconcat (first, G_DIR_SEPARATOR_S, NULL);
  g_autofree char *dump_first = NULL;
  g_autofree char *dump_second = NULL;
  g_autofree char *dump_other = NULL;
  g_autofree char *dump_replaced = NULL;

  generate_ok (first, N_PEOPLE, SEED);
  generate_ok (second, N_PEOPLE, SEED);
  generate_ok (other, N_PEOPLE, SEED + 1);

  dump_first = dump_practice_set (first);
  dump_second = dump_practice_set (second);
  dump_other = dump_practice_set (other);

  /* A plausible set: everyone, with plans, statements and answers. */
  g_assert_cmpuint (count_lines_starting (dump_first, "person:"), ==, N_PEOPLE);
  g_assert_cmpuint (count_lines_starting (dump_first, "plan:"), >=, N_PEOPLE);
  g_assert_cmpuint (count_lines_starting (dump_first, "statement:"), ==,
                    N_PEOPLE * HEARD_PRACTICE_STATEMENTS_PER_PERSON);
  g_assert_cmpuint (count_lines_starting (dump_first, " answer:"), >, 0);
  g_assert_cmpuint (count_lines_starting (dump_first, " earlier:"), >, 0);
  g_assert_cmpuint (count_lines_starting (dump_first, " review:"), >, 0);
  g_assert_nonnull (strstr (dump_first, "sensitive=TRUE"));
  /* A year and more of check-ins each, every two to four weeks: the young
   * person sometimes skips a rating or would rather not say, and now and
   * then the two ratings differ enough to talk about. */
  g_assert_cmpuint (count_lines_starting (dump_first, "check-in:"), >=, N_PEOPLE * 14);
  g_assert_cmpuint (count_lines_starting (dump_first, "check-in:"), <=, N_PEOPLE * 32);
  g_assert_nonnull (strstr (dump_first, "theirs=skipped"));
  g_assert_nonnull (strstr (dump_first, "theirs=rather-not-say"));
  g_assert_nonnull (strstr (dump_first, " talk\n"));
  g_assert_cmpuint (count_lines_starting (dump_first, "check-in:"), ==,
                    count_lines_starting (dump_second, "check-in:"));

  g_assert_cmpstr (dump_first, ==, dump_second);
  g_assert_cmpstr (dump_first, !=, dump_other);

  /* Made again over a practice set, with the other seed (and the folder
   * named as a shell completes it): the new set replaces the old whole,
   * and nothing is left beside it. */
  generate_ok (first_slash, N_PEOPLE, SEED + 1);
  dump_replaced = dump_practice_set (first);
  g_assert_cmpstr (dump_replaced, ==, dump_other);
  g_assert_false (folder_has_making_sibling (first));
}

/* A context made for practice records, started on @folder, which holds
 * none: it says so, practice all along, and leaves no records behind. */
static void
refuse_as_practice (const char *folder)
{
  g_autoptr(HeardContext) context = heard_context_new_practice (folder);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = g_build_filename (folder, HEARD_DATABASE_FILE, NULL);
  gboolean existed = g_file_test (db_path, G_FILE_TEST_EXISTS);

  g_assert_true (heard_context_get_practice (context));
  heard_context_start_async (context, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_cmpint (heard_context_unlock_finish (context, result, &error), ==,
                   HEARD_LOCK_STATE_FAILED);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (heard_context_get_lock_message (context), "no practice records"));
  g_assert_true (heard_context_get_practice (context));
  g_assert_true (g_file_test (db_path, G_FILE_TEST_EXISTS) == existed);
  heard_test_close_context (&context);
}

static const char *
read_uuid (const char        *folder,
           HeardDatabaseInfo *info)
{
  g_assert_true (_heard_database_info_read (info, folder));

  return info->uuid;
}

static void
test_own_folder_and_key (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *expected_dir = g_strconcat (fixture->data_dir, "-practice", NULL);
  g_autofree char *real_key_file = g_build_filename (fixture->data_dir,
                                                     HEARD_PRACTICE_KEY_FILE, NULL);
  g_autoptr(HeardContext) real = NULL;
  g_autoptr(HeardContext) practice = NULL;
  g_autoptr(HeardKey) real_key = NULL;
  g_autoptr(HeardKey) practice_key = NULL;
  g_autoptr(HeardSecretString) code = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(HeardDatabaseInfo) real_info = { 0 };
  g_auto(HeardDatabaseInfo) practice_info = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeardPerson) trainee_person = heard_person_new ();
  g_autoptr(HeardPerson) saved = NULL;
  g_autofree char *anchor = NULL;
  gboolean service_says_practice = FALSE;
  guint keyring_entries;

  g_assert_cmpstr (fixture->practice_dir, ==, expected_dir);

  /* Real records first, as on a first run. */
  real = heard_test_start_context (fixture->data_dir, HEARD_LOCK_STATE_SHOW_RECOVERY_CODE);
  g_assert_false (heard_context_get_practice (real));
  code = heard_context_dup_recovery_code (real);
  real_key = heard_recovery_code_parse (code, &error);
  g_assert_no_error (error);
  keyring_entries = heard_test_keyring_count (read_uuid (fixture->data_dir, &real_info));

  generate_ok (fixture->practice_dir, N_PEOPLE, SEED);
  g_assert_true (heard_practice_folder_is_practice (fixture->practice_dir));
  g_assert_false (heard_practice_folder_is_practice (fixture->data_dir));

  /* Their own key, beside them only, never in the keyring. */
  practice_key = read_practice_key (fixture->practice_dir);
  g_assert_false (heard_key_equal (practice_key, real_key));
  g_assert_false (g_file_test (real_key_file, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (read_uuid (fixture->practice_dir, &practice_info), !=, real_info.uuid);
  g_assert_cmpuint (heard_test_keyring_count (practice_info.uuid), ==, 0);

  /* Opened silently: no passphrase (not even the caseworker's own), no
   * recovery code to show or ask for. */
  practice = heard_test_start_context (fixture->practice_dir, HEARD_LOCK_STATE_OPEN);
  g_assert_false (heard_context_get_has_caseworker_passphrase (practice));
  {
    g_autofree char *note = g_build_filename (fixture->practice_dir, HEARD_CASEWORKER_FILE, NULL);

    g_assert_false (g_file_test (note, G_FILE_TEST_EXISTS));
  }
  g_assert_true (heard_context_get_practice (practice));
  g_assert_false (heard_context_get_practice (real));
  g_assert_cmpuint (g_list_model_get_n_items (heard_context_get_people (practice)), ==,
                    N_PEOPLE);
  g_assert_null (heard_context_dup_recovery_code (practice));
  /* Never backed up with the real records. */
  g_object_get (heard_context_get_backups (practice), "practice", &service_says_practice, NULL);
  g_assert_true (service_says_practice);
  g_assert_null (heard_context_get_audit_problem (practice));
  g_assert_cmpuint (heard_test_keyring_count (practice_info.uuid), ==, 0);
  g_assert_cmpuint (heard_test_keyring_count (real_info.uuid), ==, keyring_entries);

  /* A trainee's change, then a lock, which notes the audit trail's new
   * anchor: beside the records, not in the keyring. */
  heard_person_set_text (trainee_person, HEARD_PERSON_DISPLAY_NAME, "Trainee's Young Person");
  heard_context_save_person_async (practice, trainee_person, NULL, heard_test_store_result_cb,
                                   &result);
  heard_test_wait (&result);
  saved = heard_context_save_person_finish (practice, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  heard_context_lock_async (practice, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_context_lock_finish (practice, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  heard_keyring_lookup_anchor_async (practice_info.uuid, NULL, heard_test_store_result_cb,
                                     &result);
  heard_test_wait (&result);
  anchor = heard_keyring_lookup_anchor_finish (result, &error);
  g_assert_no_error (error);
  g_assert_null (anchor);
  g_clear_object (&result);

  heard_test_close_context (&practice);
  heard_test_close_context (&real);
}

static void
test_refuses_real_records (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(HeardContext) real = NULL;
  g_autoptr(HeardContext) practice = NULL;
  g_autoptr(HeardPerson) person = heard_person_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeardPerson) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *parent_before = NULL;
  g_autofree char *parent_after = NULL;
  g_autofree char *empty = g_build_filename (fixture->root, "empty", NULL);

  real = heard_test_start_context (fixture->data_dir, HEARD_LOCK_STATE_SHOW_RECOVERY_CODE);
  heard_person_set_text (person, HEARD_PERSON_DISPLAY_NAME, "Real Young Person");
  heard_context_save_person_async (real, person, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  saved = heard_context_save_person_finish (real, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  heard_test_close_context (&real);

  parent = g_path_get_dirname (fixture->data_dir);
  before = heard_test_describe_folder (fixture->data_dir);
  parent_before = heard_test_list_names (parent);

  g_assert_false (generate (fixture->data_dir, N_PEOPLE, SEED, &error));
  g_assert_error (error, HEARD_PRACTICE_ERROR, HEARD_PRACTICE_ERROR_REAL_RECORDS);
  g_clear_error (&error);

  /* Not a byte changed, and nothing made beside them. */
  after = heard_test_describe_folder (fixture->data_dir);
  parent_after = heard_test_list_names (parent);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (heard_practice_folder_is_practice (fixture->data_dir));
  g_assert_cmpstr (parent_before, ==, parent_after);

  /* Heard's practice records, opened on them, refuse them, as they refuse
   * a folder with none: practice from the start, they make nothing. */
  refuse_as_practice (fixture->data_dir);
  g_clear_pointer (&after, g_free);
  after = heard_test_describe_folder (fixture->data_dir);
  g_assert_cmpstr (before, ==, after);
  /* (A folder of its own: the refused context's folder lock can be let
   * go a moment after the context, and the practice folder is used next.) */
  refuse_as_practice (empty);
  g_assert_false (heard_practice_folder_is_practice (empty));

  /* A practice set open in Heard is not replaced under it. */
  generate_ok (fixture->practice_dir, N_PEOPLE, SEED);
  practice = heard_test_start_context (fixture->practice_dir, HEARD_LOCK_STATE_OPEN);
  g_clear_pointer (&before, g_free);
  before = dump_practice_set (fixture->practice_dir);
  g_assert_false (generate (fixture->practice_dir, N_PEOPLE, SEED + 1, &error));
  g_assert_error (error, HEARD_PRACTICE_ERROR, HEARD_PRACTICE_ERROR_IN_USE);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = dump_practice_set (fixture->practice_dir);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (folder_has_making_sibling (fixture->practice_dir));
  heard_test_close_context (&practice);
}

static void
test_cancelled_leaves_old_set (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GDate today;

  generate_ok (fixture->practice_dir, N_PEOPLE, SEED);
  before = describe_records (fixture->practice_dir);

  /* Stopped part-way through a bigger set. */
  practice_day (&today);
  heard_practice_generate_async (fixture->practice_dir, 400, SEED + 1, &today, cancellable,
                                 heard_test_store_result_cb, &result);
  g_timeout_add_once (300, (GSourceOnceFunc) g_cancellable_cancel, cancellable);
  heard_test_wait (&result);
  g_assert_false (heard_practice_generate_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  after = describe_records (fixture->practice_dir);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (folder_has_making_sibling (fixture->practice_dir));
}

/* What a generator killed part-way left beside the folder is cleared the
 * next time a set is made there, when it can tell it was abandoned (this
 * computer's, of a process that is gone, or anyone's a week old); another
 * computer's recent one, and one still being made, stay. */
static void
test_clears_abandoned_sets (Fixture       *fixture,
                            gconstpointer  data)
{
  GPid gone = heard_test_gone_pid ();
  g_autofree char *gone_tag = heard_files_temp_tag (gone);
  g_autofree char *own_tag = heard_files_temp_tag (getpid ());
  struct
  {
    char     *suffix;
    guint     days_old;
    gboolean  kept;
  } sets[] = {
    { g_strdup_printf (".making-%sAbCdEf", gone_tag), 0, FALSE },
    { g_strdup_printf (".making-%sGhIjKl", own_tag), 0, TRUE },
    { g_strdup_printf (".making-%d@elsewhere.example-MnOpQr", gone), 0, TRUE },
    { g_strdup_printf (".making-%d@elsewhere.example-StUvWx", gone), 8, FALSE },
    { g_strdup (".making-YzAbCd"), 8, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (sets); i++)
    {
      g_autofree char *path = g_strconcat (fixture->practice_dir, sets[i].suffix, NULL);
      g_autofree char *inside = g_build_filename (path, "heard.db", NULL);

      g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
      heard_test_write_file (inside, "half", 4);
      if (sets[i].days_old > 0)
        heard_test_set_age (path, sets[i].days_old);
    }

  generate_ok (fixture->practice_dir, N_PEOPLE, SEED);

  for (gsize i = 0; i < G_N_ELEMENTS (sets); i++)
    {
      g_autofree char *path = g_strconcat (fixture->practice_dir, sets[i].suffix, NULL);

      g_test_message ("%s: %s", sets[i].suffix, sets[i].kept ? "kept" : "removed");
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS) == sets[i].kept);
      if (sets[i].kept)
        heard_test_remove_dir (path);
      g_free (sets[i].suffix);
    }
}

static void
test_passes_verification (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(HeardContext) practice = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  guint n_entries = 0;

  generate_ok (fixture->practice_dir, N_PEOPLE, SEED);

  practice = heard_test_start_context (fixture->practice_dir, HEARD_LOCK_STATE_OPEN);
  g_assert_null (heard_context_get_audit_problem (practice));
  g_assert_true (heard_test_check_integrity (_heard_context_get_store (practice), &error));
  g_assert_no_error (error);

  heard_context_verify_audit_async (practice, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_context_verify_audit_finish (practice, result, &n_entries, &error));
  g_assert_no_error (error);
  /* Every record's making is in the trail. */
  g_assert_cmpuint (n_entries, >, N_PEOPLE * HEARD_PRACTICE_STATEMENTS_PER_PERSON);

  /* The words are found by search, as any statement's are. */
  g_clear_object (&result);
  heard_context_search_statements_async (practice, "college", NULL, heard_test_store_result_cb,
                                         &result);
  heard_test_wait (&result);
  matches = heard_context_search_statements_finish (practice, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, >, 0);

  g_clear_object (&result);
  heard_test_close_context (&practice);
}

/* Whether @entries (earliest first) hold 3 signs from at least 2 agencies,
 * the last at most 28 days after the first, counted from earliest days. */
static gboolean
has_cluster (GPtrArray *entries)
{
  for (guint i = 0; i < entries->len; i++)
    {
      g_autoptr(GHashTable) agencies = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      HeardChronologyEntry *first = g_ptr_array_index (entries, i);
      guint n_signs = 0;
      GDate start;

      if (!heard_chronology_entry_is_sign (first))
        continue;
      g_date_clear (&start, 1);
      g_date_set_parse (&start, heard_chronology_entry_get_earliest_day (first));
      for (guint j = i; j < entries->len; j++)
        {
          HeardChronologyEntry *entry = g_ptr_array_index (entries, j);
          gint64 agency_id = heard_chronology_entry_get_agency_id (entry);
          GDate day;

          g_date_clear (&day, 1);
          g_date_set_parse (&day, heard_chronology_entry_get_earliest_day (entry));
          if (g_date_days_between (&start, &day) > 28)
            break;
          if (!heard_chronology_entry_is_sign (entry))
            continue;
          n_signs++;
          g_array_append_val (ids, agency_id);
        }
      for (guint k = 0; k < ids->len; k++)
        g_hash_table_add (agencies, &g_array_index (ids, gint64, k));
      if (n_signs >= 3 && g_hash_table_size (agencies) >= 2)
        return TRUE;
    }

  return FALSE;
}

/* The practice set holds a directory with two schools among several
 * agencies; warning signs of both natures and strengths from several of
 * them, some on approximate days, one linked to a statement; and at least
 * one young person with a cluster. */
static void
test_chronology (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(HeardStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GHashTable) reporting = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) reporting_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  guint n_schools = 0, n_clusters = 0, n_natures[HEARD_ENTRY_N_NATURES] = { 0 };
  guint n_approximate = 0, n_linked = 0;

  generate_ok (fixture->practice_dir, N_PEOPLE, SEED);
  store = open_practice_store (fixture->practice_dir);

  heard_store_list_agencies_async (store, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  agencies = heard_store_list_agencies_finish (store, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  for (guint i = 0; i < agencies->len; i++)
    n_schools += heard_directory_agency_get_agency_type (g_ptr_array_index (agencies, i)) ==
                 HEARD_AGENCY_TYPE_SCHOOL;
  g_assert_cmpuint (n_schools, >=, 2);
  g_assert_cmpuint (agencies->len, >=, 4);

  people = heard_test_list_people (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    {
      g_autoptr(GPtrArray) entries = list_chronology (store,
                                                      heard_person_get_id (g_ptr_array_index (people,
                                                                                              i)));

      for (guint j = 0; j < entries->len; j++)
        {
          HeardChronologyEntry *entry = g_ptr_array_index (entries, j);
          gint64 agency_id = heard_chronology_entry_get_agency_id (entry);

          n_natures[heard_chronology_entry_get_nature (entry)]++;
          n_approximate += heard_chronology_entry_is_approximate (entry);
          n_linked += heard_chronology_entry_get_statement_id (entry) != 0;
          g_array_append_val (reporting_ids, agency_id);
        }
      n_clusters += has_cluster (entries);
    }
  for (guint k = 0; k < reporting_ids->len; k++)
    g_hash_table_add (reporting, &g_array_index (reporting_ids, gint64, k));

  g_assert_cmpuint (n_natures[HEARD_ENTRY_SIGN_OF_HARM], >, 0);
  g_assert_cmpuint (n_natures[HEARD_ENTRY_VULNERABILITY], >, 0);
  g_assert_cmpuint (n_natures[HEARD_ENTRY_STRENGTH], >, 0);
  g_assert_cmpuint (n_approximate, >, 0);
  g_assert_cmpuint (n_linked, >, 0);
  g_assert_cmpuint (g_hash_table_size (reporting), >=, 4);
  g_assert_cmpuint (n_clusters, >=, 1);
  heard_test_close_store (&store);
}

static void
test_respectful_words (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *pattern = NULL;
  g_autoptr(GRegex) never = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *joined = g_strjoinv ("|", (char **) never_words);

  generate_ok (fixture->practice_dir, 40, SEED);
  dump = dump_practice_set (fixture->practice_dir);

  pattern = g_strdup_printf ("\\b(%s)\\b", joined);
  never = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &error);
  g_assert_no_error (error);
  if (g_regex_match (never, dump, 0, &match))
    {
      g_autofree char *word = g_match_info_fetch (match, 0);

      g_error ("Practice records say “%s”", word);
    }

  /* Names in several scripts, so every screen is tried with them. */
  g_assert_true (g_regex_match_simple ("[\\x{0600}-\\x{06FF}]", dump, 0, 0));
  g_assert_true (g_regex_match_simple ("[éèöüąłőşñá]", dump, 0, 0));
}

/* Actions and young people name the practice directory's entries: some
 * actions belong to Northgate Academy and some to Riverside College, and
 * young people involved with a school name which one. */
static void
test_agency_owners (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(HeardStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  gint64 northgate = 0, riverside = 0;
  guint n_northgate = 0, n_riverside = 0, n_people_named = 0;

  generate_ok (fixture->practice_dir, N_PEOPLE, SEED);
  store = open_practice_store (fixture->practice_dir);

  heard_store_list_agencies_async (store, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  agencies = heard_store_list_agencies_finish (store, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  for (guint i = 0; i < agencies->len; i++)
    {
      HeardDirectoryAgency *agency = g_ptr_array_index (agencies, i);
      const char *name = heard_directory_agency_get_text (agency, HEARD_DIRECTORY_AGENCY_NAME);

      if (g_strcmp0 (name, "Northgate Academy") == 0)
        northgate = heard_directory_agency_get_id (agency);
      else if (g_strcmp0 (name, "Riverside College") == 0)
        riverside = heard_directory_agency_get_id (agency);
    }
  g_assert_cmpint (northgate, >, 0);
  g_assert_cmpint (riverside, >, 0);

  people = heard_test_list_people (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    {
      HeardPerson *person = g_ptr_array_index (people, i);
      g_autoptr(GPtrArray) plans = heard_test_load_plans (store, heard_person_get_id (person),
                                                          &error);
      guint n_ids;

      g_assert_no_error (error);
      heard_person_get_agency_ids (person, &n_ids);
      n_people_named += n_ids > 0;
      for (guint p = 0; p < plans->len; p++)
        {
          GListModel *areas = heard_plan_get_areas (g_ptr_array_index (plans, p));

          for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
            {
              g_autoptr(HeardPlanArea) area = g_list_model_get_item (areas, a);
              GListModel *actions = heard_plan_area_get_actions (area);

              for (guint x = 0; x < g_list_model_get_n_items (actions); x++)
                {
                  g_autoptr(HeardPlanAction) action = g_list_model_get_item (actions, x);
                  gint64 owner = heard_plan_action_get_owner_agency_id (action);

                  n_northgate += owner == northgate;
                  n_riverside += owner == riverside;
                  if (owner == northgate || owner == riverside)
                    g_assert_cmpint (heard_plan_action_get_owner (action), ==,
                                     HEARD_AGENCY_SCHOOL);
                }
            }
        }
    }
  g_assert_cmpuint (n_northgate, >, 0);
  g_assert_cmpuint (n_riverside, >, 0);
  g_assert_cmpuint (n_people_named, >, 0);
  heard_test_close_store (&store);
}

/* Everyone has a share they agreed to and a decision not to share; some
 * shares include a statement; and some were made without the young
 * person's agreement, each with the reason and who decided. */
static void
test_sharing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(HeardStore) store = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  guint n_overrides = 0, n_linked = 0;
  guint n_consent[HEARD_CONSENT_WITHDRAWN + 1] = { 0 };
  guint n_ending = 0;
  GPtrArray *statements = NULL;
  GDate today;

  heard_date_today (&today);
  generate_ok (fixture->practice_dir, N_PEOPLE, SEED);
  store = open_practice_store (fixture->practice_dir);
  people = heard_test_list_people (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    {
      g_autoptr(GPtrArray) entries = list_sharing (store,
                                                   heard_person_get_id (g_ptr_array_index (people,
                                                                                           i)));
      guint n_consented = 0, n_not_shared = 0;

      for (guint j = 0; j < entries->len; j++)
        {
          HeardSharingEntry *entry = g_ptr_array_index (entries, j);
          g_autoptr(GPtrArray) problems = heard_sharing_entry_check (entry);
          guint n_links;

          g_assert_null (problems);
          heard_sharing_entry_get_links (entry, &n_links);
          n_linked += n_links > 0;
          if (heard_sharing_entry_get_decision (entry) == HEARD_SHARING_NOT_SHARED)
            n_not_shared++;
          else if (heard_sharing_entry_get_agreed (entry) == HEARD_SHARING_AGREED_YES)
            n_consented += g_strcmp0 (heard_sharing_entry_get_lawful_basis (entry),
                                      "consent") == 0;
          else
            {
              g_assert_cmpstr (heard_sharing_entry_get_text (entry,
                                                             HEARD_SHARING_AGREEMENT_REASON),
                               !=, "");
              g_assert_cmpstr (heard_sharing_entry_get_text (entry, HEARD_SHARING_DECIDED_BY),
                               !=, "");
              n_overrides++;
            }
        }
      g_assert_cmpuint (n_consented, >=, 1);
      g_assert_cmpuint (n_not_shared, >=, 1);

      /* Consent with an end: running until a day to come, ended, withdrawn. */
      statements = heard_test_list_statements (store,
                                               heard_person_get_id (g_ptr_array_index (people, i)),
                                               &error);
      g_assert_no_error (error);
      for (guint j = 0; j < statements->len; j++)
        {
          HeardStatement *statement = g_ptr_array_index (statements, j);

          n_consent[heard_statement_get_consent_state (statement, &today)]++;
          n_ending += heard_statement_get_consent_state (statement, &today) ==
                        HEARD_CONSENT_HOLDS &&
                      heard_statement_get_consent_ends_on (statement)[0] != '\0';
        }
      g_clear_pointer (&statements, g_ptr_array_unref);
    }
  g_assert_cmpuint (n_ending, >=, 1);
  g_assert_cmpuint (n_consent[HEARD_CONSENT_ENDED], >=, 1);
  g_assert_cmpuint (n_consent[HEARD_CONSENT_WITHDRAWN], >=, 1);
  g_assert_cmpuint (n_overrides, >=, 1);
  g_assert_cmpuint (n_overrides, <, people->len);
  g_assert_cmpuint (n_linked, >=, 1);
  heard_test_close_store (&store);
}

/* Co-design sessions: ratings that are theirs alone (the worker rated
 * nothing that day), a statement they typed and agreed when read back,
 * their own goal in their words (changed later by some, the first wording
 * kept), what helps them, and whether they agree with their plan. */
static void
test_codesign (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(HeardStore) store = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  guint n_sessions = 0, n_typed = 0, n_goals = 0, n_changed = 0, n_helps = 0, n_says = 0;
  guint n_staff_only = 0;

  generate_ok (fixture->practice_dir, N_PEOPLE, SEED);
  store = open_practice_store (fixture->practice_dir);
  people = heard_test_list_people (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    {
      gint64 person_id = heard_person_get_id (g_ptr_array_index (people, i));
      g_autoptr(GPtrArray) check_ins = heard_test_list_check_ins (store, person_id, 0, &error);
      g_autoptr(GPtrArray) statements = heard_test_list_statements (store, person_id, &error);
      g_autoptr(GPtrArray) words = list_own_words (store, person_id);
      g_autoptr(GPtrArray) says = list_plan_says (store, person_id);
      g_autoptr(GPtrArray) marks = list_marks (store, person_id);

      g_assert_no_error (error);
      for (guint j = 0; j < marks->len; j++)
        {
          HeardForThemMark *mark = g_ptr_array_index (marks, j);

          g_assert_cmpint (heard_for_them_mark_get_what (mark), ==, HEARD_FOR_THEM_ACTION);
          n_staff_only += !heard_for_them_mark_get_for_them (mark);
        }
      for (guint j = 0; j < check_ins->len; j++)
        {
          HeardCheckIn *check_in = g_ptr_array_index (check_ins, j);
          guint n_theirs = 0, n_worker = 0;

          for (guint a = 0; a < heard_check_in_get_n_areas (check_in); a++)
            {
              HeardAreaKind kind = heard_check_in_get_area (check_in, a);
              HeardRating rating;

              heard_check_in_get_rating (check_in, kind, HEARD_RATER_YOUNG_PERSON, &rating);
              n_theirs += rating.state == HEARD_RATING_GIVEN;
              heard_check_in_get_rating (check_in, kind, HEARD_RATER_WORKER, &rating);
              n_worker += rating.state == HEARD_RATING_GIVEN;
            }
          n_sessions += n_theirs > 0 && n_worker == 0;
        }
      for (guint j = 0; j < statements->len; j++)
        {
          HeardStatement *statement = g_ptr_array_index (statements, j);

          if (heard_statement_get_given_how (statement) == HEARD_GIVEN_TYPED &&
              g_strcmp0 (heard_statement_get_text (statement, HEARD_STATEMENT_PLACE),
                         "Co-design, at the project") == 0)
            {
              g_assert_cmpint (heard_statement_get_read_back (statement), ==,
                               HEARD_READ_BACK_AGREED);
              n_typed++;
            }
        }
      for (guint j = 0; j < words->len; j++)
        {
          HeardOwnWords *own = g_ptr_array_index (words, j);

          g_assert_cmpstr (heard_own_words_get_words (own), !=, "");
          n_goals += heard_own_words_get_part (own) == HEARD_OWN_GOAL &&
                     heard_own_words_get_version (own) == 1;
          n_changed += heard_own_words_get_part (own) == HEARD_OWN_GOAL &&
                       heard_own_words_get_version (own) == 2;
          n_helps += heard_own_words_get_part (own) == HEARD_OWN_WHAT_HELPS;
        }
      n_says += says->len;
    }
  /* Every second young person, the first among them. */
  g_assert_cmpuint (n_sessions, ==, (N_PEOPLE + 1) / 2);
  g_assert_cmpuint (n_typed, ==, (N_PEOPLE + 1) / 2);
  g_assert_cmpuint (n_goals, ==, (N_PEOPLE + 1) / 2);
  g_assert_cmpuint (n_says, ==, (N_PEOPLE + 1) / 2);
  g_assert_cmpuint (n_staff_only, >=, 1);
  g_assert_cmpuint (n_changed, >=, 1);
  g_assert_cmpuint (n_changed, <, n_goals);
  g_assert_cmpuint (n_helps, >=, 1);
  heard_test_close_store (&store);
}

#define add_test(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  heard_test_init (&argc, &argv);

  add_test ("/practice/same-seed-same-records", test_same_seed_same_records);
  add_test ("/practice/own-folder-and-key", test_own_folder_and_key);
  add_test ("/practice/refuses-real-records", test_refuses_real_records);
  add_test ("/practice/cancelled-leaves-old-set", test_cancelled_leaves_old_set);
  add_test ("/practice/clears-abandoned-sets", test_clears_abandoned_sets);
  add_test ("/practice/passes-verification", test_passes_verification);
  add_test ("/practice/respectful-words", test_respectful_words);
  add_test ("/practice/codesign", test_codesign);
  add_test ("/practice/chronology", test_chronology);
  add_test ("/practice/agency-owners", test_agency_owners);
  add_test ("/practice/sharing", test_sharing);

  return g_test_run ();
}

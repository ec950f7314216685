/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test"

#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "heard-audit.h"
#include "heard-caseworker-passphrase-private.h"
#include "heard-export-note.h"
#include "heard-recovery-code.h"
#include "heard-context-private.h"
#include "heard-secure.h"
#include "heard-sqlite-store.h"
#include "heard-store-check-ins.h"
#include "heard-store-drafts.h"
#include "heard-store-people.h"
#include "heard-store-plans.h"
#include "heard-store-staff.h"
#include "heard-store-statements.h"
#include "heard-practice.h"
#include "heard-test-utils.h"

/*
 * What the test suites share: private folders, blocking wrappers around the
 * store's async calls, the records file opened behind Heard's back, and the
 * fixtures of earlier versions' records.
 */

/* How long a store may take to let go of its last database job. */
#define CLOSE_TIMEOUT_USEC (30 * G_USEC_PER_SEC)

void
heard_test_store_result_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

void
heard_test_wait (GAsyncResult **slot)
{
  g_assert_nonnull (slot);

  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
}

GAsyncResult *
heard_test_result_of (GAsyncResult **pending,
                      GAsyncResult **last)
{
  heard_test_wait (pending);
  g_clear_object (last);
  *last = g_steal_pointer (pending);

  return *last;
}

void
heard_test_init (int    *argc,
                 char ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!heard_secure_init (&error))
    g_error ("%s", error->message);
  _heard_caseworker_passphrase_set_cheap_cost (TRUE);

  g_test_init (argc, argv, NULL);
}

HeardLockState
heard_test_pass_caseworker (HeardContext  *context,
                            GError       **error)
{
  HeardLockState state = heard_context_get_lock_state (context);
  GError *local_error = NULL;

  while (local_error == NULL &&
         (state == HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE ||
          state == HEARD_LOCK_STATE_NEEDS_NEW_CASEWORKER_PASSPHRASE))
    {
      g_autoptr(GAsyncResult) next = NULL;

      if (state == HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE)
        heard_context_unlock_with_caseworker_passphrase_async (context,
                                                               HEARD_TEST_CASEWORKER_PASSPHRASE,
                                                               NULL, heard_test_store_result_cb,
                                                               &next);
      else
        heard_context_set_caseworker_passphrase_async (context, HEARD_TEST_CASEWORKER_PASSPHRASE,
                                                       NULL, heard_test_store_result_cb, &next);
      heard_test_wait (&next);
      state = heard_context_unlock_finish (context, next, &local_error);
    }

  if (local_error != NULL)
    g_propagate_error (error, local_error);

  return state;
}

HeardLockState
heard_test_unlock_finish (HeardContext  *context,
                          GAsyncResult  *result,
                          GError       **error)
{
  GError *local_error = NULL;
  HeardLockState state = heard_context_unlock_finish (context, result, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return state;
    }

  return heard_test_pass_caseworker (context, error);
}

char *
heard_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("heard-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (path);

  return path;
}

void
heard_test_remove_dir (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  const char *name;

  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        heard_test_remove_dir (child);
      else
        g_assert_cmpint (g_unlink (child), ==, 0);
    }

  g_assert_cmpint (g_rmdir (path), ==, 0);
}

void
heard_test_records_init (HeardTestRecords *records)
{
  records->root = heard_test_make_dir ();
  records->data_dir = g_build_filename (records->root, "records", NULL);
  records->db_path = g_build_filename (records->data_dir, "heard.db", NULL);
  records->info_path = g_build_filename (records->data_dir, "heard.ini", NULL);
}

void
heard_test_records_clear (HeardTestRecords *records)
{
  heard_test_remove_dir (records->root);
  g_clear_pointer (&records->root, g_free);
  g_clear_pointer (&records->data_dir, g_free);
  g_clear_pointer (&records->db_path, g_free);
  g_clear_pointer (&records->info_path, g_free);
}

void
heard_test_close_context (HeardContext **context)
{
  g_autoptr(HeardStore) store = NULL;

  if (*context == NULL)
    return;

  if (_heard_context_get_store (*context) != NULL)
    store = g_object_ref (_heard_context_get_store (*context));
  g_clear_object (context);
  heard_test_close_store (&store);
}

HeardContext *
heard_test_start_context (const char     *data_dir,
                          HeardLockState  expected)
{
  HeardContext *context = heard_context_new (data_dir);
  g_autoptr(GAsyncResult) result = NULL;

  heard_context_start_async (context, NULL, heard_test_store_result_cb, &result);
  g_assert_cmpint (heard_test_unlock_state (context, &result), ==, expected);

  return context;
}

HeardLockState
heard_test_unlock_state (HeardContext  *context,
                         GAsyncResult **result)
{
  g_autoptr(GError) error = NULL;
  HeardLockState state;

  heard_test_wait (result);
  state = heard_test_unlock_finish (context, *result, &error);
  g_assert_no_error (error);
  g_clear_object (result);

  return state;
}

char *
heard_test_keep_recovery_code (HeardContext *context)
{
  g_autoptr(GAsyncResult) result = NULL;
  char *code = heard_context_dup_recovery_code (context);

  g_assert_nonnull (code);
  heard_context_confirm_recovery_code_kept_async (context, NULL, heard_test_store_result_cb,
                                                  &result);
  g_assert_cmpint (heard_test_unlock_state (context, &result), ==, HEARD_LOCK_STATE_OPEN);

  return code;
}

void
heard_test_save_anchor (HeardContext *context)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  heard_context_save_audit_anchor_async (context, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_context_save_audit_anchor_finish (context, result, &error));
  g_assert_no_error (error);
}

gint64
heard_test_context_save_person (HeardContext  *context,
                                HeardPerson   *person,
                                GError       **error)
{
  g_autoptr(HeardPerson) saved = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  heard_context_save_person_async (context, person, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  saved = heard_context_save_person_finish (context, result, error);

  return saved != NULL ? heard_person_get_id (saved) : 0;
}

gint64
heard_test_context_add_person (HeardContext *context,
                               const char   *display_name)
{
  g_autoptr(HeardPerson) person = heard_test_person_new (display_name);
  g_autoptr(GError) error = NULL;
  gint64 id = heard_test_context_save_person (context, person, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

void
heard_test_write_file (const char *path,
                       const void *data,
                       gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents_full (path, data, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT,
                            0600, &error);
  g_assert_no_error (error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The names in the folder @path, sorted; the test fails if it cannot be read. */
static GPtrArray *
sorted_names (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  return names;
}

char *
heard_test_list_names (const char *path)
{
  g_autoptr(GPtrArray) names = sorted_names (path);

  g_ptr_array_add (names, NULL);

  return g_strjoinv ("\n", (char **) names->pdata);
}

char *
heard_test_run_tool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

char *
heard_test_pdf_text (const char *path)
{
  const char *argv[] = { "/usr/bin/pdftotext", "-layout", path, "-", NULL };

  return heard_test_run_tool (argv);
}

char *
heard_test_pdf_page_text (const char *path,
                          guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "/usr/bin/pdftotext", "-f", number, "-l", number, path, "-", NULL };

  return heard_test_run_tool (argv);
}

guint
heard_test_pdf_pages (const char *path)
{
  const char *argv[] = { "/usr/bin/pdfinfo", path, NULL };
  g_autofree char *info = heard_test_run_tool (argv);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

GPid
heard_test_gone_pid (void)
{
  const char *argv[] = { "true", NULL };
  g_autoptr(GError) error = NULL;
  GPid pid = 0;
  int status = 0;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, &error));
  g_assert_no_error (error);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

  return pid;
}

void
heard_test_set_age (const char *path,
                    guint       days)
{
  time_t then = time (NULL) - (time_t) days * 24 * 60 * 60;
  struct utimbuf times = { then, then };

  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

char *
heard_test_describe_folder (const char *path)
{
  g_autoptr(GPtrArray) names = sorted_names (path);
  GString *description = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      g_autofree char *contents = NULL;
      g_autofree char *checksum = NULL;
      g_autoptr(GError) error = NULL;
      gsize length = 0;

      g_file_get_contents (child, &contents, &length, &error);
      g_assert_no_error (error);
      checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents,
                                              length);
      g_string_append_printf (description, "%s %" G_GSIZE_FORMAT " %s\n",
                              (const char *) g_ptr_array_index (names, i), length, checksum);
    }

  return g_string_free (description, FALSE);
}

void
heard_test_copy_fixture (const char *name,
                         const char *path)
{
  g_autofree char *source = g_build_filename (g_getenv ("HEARD_FIXTURES_DIR"), name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_nonnull (g_getenv ("HEARD_FIXTURES_DIR"));
  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  heard_test_write_file (path, contents, length);
}

void
heard_test_clear_dir (char **path)
{
  if (*path == NULL)
    return;

  heard_test_remove_dir (*path);
  g_clear_pointer (path, g_free);
}

HeardKey *
heard_test_key_new (guint8 variant)
{
  guint8 bytes[HEARD_KEY_SIZE];

  for (guint i = 0; i < HEARD_KEY_SIZE; i++)
    bytes[i] = (guint8) (variant * 31 + i * 7 + 1);

  return heard_key_new_from_bytes (bytes, sizeof bytes);
}

HeardStore *
heard_test_open_store (const char                 *path,
                       const HeardKey             *key,
                       HeardSqliteStoreOpenFlags   flags,
                       GError                    **error)
{
  g_autoptr(HeardStore) store = heard_sqlite_store_new (path);
  g_autoptr(GAsyncResult) result = NULL;

  heard_sqlite_store_open_async (HEARD_SQLITE_STORE (store), key, flags, NULL,
                                 heard_test_store_result_cb, &result);
  heard_test_wait (&result);

  if (!heard_sqlite_store_open_finish (HEARD_SQLITE_STORE (store), result, error))
    {
      g_clear_object (&result);
      heard_test_close_store (&store);
      return NULL;
    }

  g_assert_true (heard_store_is_open (store));

  return g_steal_pointer (&store);
}

/* Drops the store and returns once its database connection is closed.
 *
 * The database thread releases each finished job's task (which holds a
 * reference to the store) only after the main thread may already have seen
 * the result, so the last reference can drop on that thread and the
 * connection close a moment after the caller's unref. Tests that look at the
 * files next wait here until theirs is the only reference left, so that the
 * unref finalizes the store on this thread, which joins the database thread. */
void
heard_test_close_store (HeardStore **store)
{
  gint64 deadline = g_get_monotonic_time () + CLOSE_TIMEOUT_USEC;

  if (*store == NULL)
    return;

  while (g_atomic_int_get ((gint *) &G_OBJECT (*store)->ref_count) > 1)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  g_clear_object (store);
}

HeardStore *
heard_test_create_store (const char     *path,
                         const HeardKey *key)
{
  g_autoptr(GError) error = NULL;
  HeardStore *store = heard_test_open_store (path, key, HEARD_SQLITE_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

HeardPerson *
heard_test_person_new (const char *display_name)
{
  HeardPerson *person = heard_person_new ();

  heard_person_set_text (person, HEARD_PERSON_DISPLAY_NAME, display_name);

  return person;
}

gint64
heard_test_add_person (HeardStore *store,
                       const char *display_name)
{
  g_autoptr(HeardPerson) person = heard_test_person_new (display_name);
  g_autoptr(GError) error = NULL;
  gint64 id = heard_test_save_person (store, person, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

HeardStatement *
heard_test_statement_new (gint64      person_id,
                          const char *words)
{
  HeardStatement *statement = heard_statement_new ();

  heard_statement_set_person_id (statement, person_id);
  heard_statement_set_text (statement, HEARD_STATEMENT_WORDS, words);
  heard_statement_set_text (statement, HEARD_STATEMENT_GIVEN_ON, "03/05/2024");

  return statement;
}

/* Saves @person and, when it was new, gives it the id it was saved under. */
gint64
heard_test_save_person (HeardStore   *store,
                        HeardPerson  *person,
                        GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  gint64 id;

  heard_store_save_person_async (store, person, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);

  id = heard_store_save_person_finish (store, result, error);
  if (id != 0)
    heard_person_set_id (person, id);

  return id;
}

GPtrArray *
heard_test_list_people (HeardStore  *store,
                        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_store_list_people_async (store, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);

  return heard_store_list_people_finish (store, result, error);
}

gboolean
heard_test_set_removed (HeardStore  *store,
                        gint64       id,
                        gboolean     removed,
                        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_store_set_person_removed_async (store, id, removed, removed ? "reason: duplicate" : NULL,
                                        NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);

  return heard_store_set_person_removed_finish (store, result, error);
}

GHashTable *
heard_test_search_people (HeardStore  *store,
                          const char  *typed,
                          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_store_search_people_async (store, typed, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);

  return heard_store_search_people_finish (store, result, error);
}

gboolean
heard_test_check_integrity (HeardStore  *store,
                            GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_store_check_integrity_async (store, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);

  return heard_store_check_integrity_finish (store, result, error);
}

GPtrArray *
heard_test_list_staff (HeardStore  *store,
                       GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_store_list_staff_async (store, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);

  return heard_store_list_staff_finish (store, result, error);
}

GPtrArray *
heard_test_load_plans (HeardStore  *store,
                       gint64       person_id,
                       GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_store_load_plans_async (store, person_id, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);

  return heard_store_load_plans_finish (store, result, error);
}

gint64
heard_test_start_plan_with_area (HeardStore    *store,
                                 gint64         person_id,
                                 HeardAreaKind  kind)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeardPlanArea) area = NULL;
  g_autoptr(GError) error = NULL;
  gint64 plan_id;

  heard_store_start_plan_async (store, person_id, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  plan_id = heard_store_start_plan_finish (store, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  area = heard_plan_area_new (plan_id, kind);
  heard_plan_area_set_text (area, HEARD_AREA_GOAL_OWN_WORDS, "Feel OK at school.");
  heard_store_save_area_async (store, area, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_cmpint (heard_store_save_area_finish (store, result, &error), >, 0);
  g_assert_no_error (error);

  return plan_id;
}

static void
set_test_rating (HeardCheckIn  *check_in,
                 HeardAreaKind  area,
                 HeardRater     rater,
                 int            value)
{
  HeardRatingState state = value == -1 ? HEARD_RATING_SKIPPED
                           : value == -2 ? HEARD_RATING_RATHER_NOT_SAY : HEARD_RATING_GIVEN;

  heard_check_in_set_rating (check_in, area, rater, state, value >= 0 ? (guint) value : 0);
}

HeardCheckIn *
heard_test_check_in_new (gint64         plan_id,
                         const char    *day,
                         HeardAreaKind  area,
                         int            theirs,
                         int            worker)
{
  HeardCheckIn *check_in = heard_check_in_new (plan_id);

  heard_check_in_set_text (check_in, HEARD_CHECK_IN_DAY, day);
  set_test_rating (check_in, area, HEARD_RATER_YOUNG_PERSON, theirs);
  set_test_rating (check_in, area, HEARD_RATER_WORKER, worker);

  return check_in;
}

gint64
heard_test_save_check_in (HeardStore    *store,
                          HeardCheckIn  *check_in,
                          GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_store_save_check_in_async (store, check_in, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);

  return heard_store_save_check_in_finish (store, result, error);
}

GPtrArray *
heard_test_list_check_ins (HeardStore  *store,
                           gint64       person_id,
                           gint64       plan_id,
                           GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_store_list_check_ins_async (store, person_id, plan_id, NULL, heard_test_store_result_cb,
                                    &result);
  heard_test_wait (&result);

  return heard_store_list_check_ins_finish (store, result, error);
}

gboolean
heard_test_decide_plan (HeardStore               *store,
                        gint64                    plan_id,
                        const HeardPlanDecision  *decision,
                        const char               *passphrase,
                        GError                  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_store_decide_plan_async (store, plan_id, decision, passphrase, NULL,
                                 heard_test_store_result_cb, &result);
  heard_test_wait (&result);

  return heard_store_decide_plan_finish (store, result, error);
}

GPtrArray *
heard_test_list_statements (HeardStore  *store,
                            gint64       person_id,
                            GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_store_list_statements_async (store, person_id, NULL, heard_test_store_result_cb,
                                     &result);
  heard_test_wait (&result);

  return heard_store_list_statements_finish (store, result, error);
}

GPtrArray *
heard_test_list_statement_history (HeardStore  *store,
                                   gint64       statement_id,
                                   GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_store_list_statement_history_async (store, statement_id, NULL,
                                            heard_test_store_result_cb, &result);
  heard_test_wait (&result);

  return heard_store_list_statement_history_finish (store, result, error);
}

gboolean
heard_test_save_draft (HeardStore  *store,
                       HeardDraft  *draft,
                       GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_store_save_draft_async (store, draft, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);

  return heard_store_save_draft_finish (store, result, error);
}

GPtrArray *
heard_test_list_drafts (HeardStore  *store,
                        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_store_list_drafts_async (store, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);

  return heard_store_list_drafts_finish (store, result, error);
}

gboolean
heard_test_delete_draft (HeardStore  *store,
                         HeardDraft  *draft,
                         GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_store_delete_draft_async (store, draft, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);

  return heard_store_delete_draft_finish (store, result, error);
}

GError *
heard_test_verify_audit (HeardStore *store,
                         guint      *n_entries)
{
  g_autoptr(GAsyncResult) result = NULL;
  GError *error = NULL;

  heard_store_verify_audit_async (store, NULL, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  heard_store_verify_audit_finish (store, result, n_entries, &error);

  return error;
}

sqlite3 *
heard_test_raw_open (const char     *path,
                     const HeardKey *key)
{
  return heard_test_raw_open_vfs (path, key, NULL);
}

sqlite3 *
heard_test_raw_open_vfs (const char     *path,
                         const HeardKey *key,
                         const char     *vfs)
{
  g_autoptr(HeardSecretString) hex = heard_key_to_hex (key);
  g_autoptr(HeardSecretString) pragma = g_strdup_printf ("PRAGMA key = \"x'%s'\";", hex);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, vfs), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);

  return db;
}

gint64
heard_test_raw_count (sqlite3    *db,
                      const char *sql)
{
  sqlite3_stmt *statement = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (statement, 0);
  sqlite3_finalize (statement);

  return count;
}

char *
heard_test_audit_hashes (sqlite3 *db,
                         gint64   up_to)
{
  GString *hashes = g_string_new (NULL);
  sqlite3_stmt *statement = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, hex (hash) FROM audit WHERE id <= ?1"
                                           " ORDER BY id", -1, &statement, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (statement, 1, up_to);
  while (sqlite3_step (statement) == SQLITE_ROW)
    g_string_append_printf (hashes, "%lld:%s\n", (long long) sqlite3_column_int64 (statement, 0),
                            sqlite3_column_text (statement, 1));
  sqlite3_finalize (statement);

  return g_string_free (hashes, FALSE);
}

/* Every row of @table, each value as SQL quotes it, in order of the first
 * column: two dumps are equal only if no value changed. */
char *
heard_test_dump_table (sqlite3    *db,
                       const char *table)
{
  g_autofree char *info = g_strdup_printf ("PRAGMA table_info (\"%s\")", table);
  g_autoptr(GString) query = g_string_new ("SELECT ");
  GString *rows = g_string_new (NULL);
  sqlite3_stmt *statement = NULL;
  guint n_columns = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, info, -1, &statement, NULL), ==, SQLITE_OK);
  while (sqlite3_step (statement) == SQLITE_ROW)
    g_string_append_printf (query, "%squote (\"%s\")", n_columns++ > 0 ? " || ', ' || " : "",
                            sqlite3_column_text (statement, 1));
  sqlite3_finalize (statement);
  g_assert_cmpuint (n_columns, >, 0);
  g_string_append_printf (query, " FROM \"%s\" ORDER BY 1", table);

  g_assert_cmpint (sqlite3_prepare_v2 (db, query->str, -1, &statement, NULL), ==, SQLITE_OK);
  while (sqlite3_step (statement) == SQLITE_ROW)
    g_string_append_printf (rows, "%s\n", (const char *) sqlite3_column_text (statement, 0));
  sqlite3_finalize (statement);

  return g_string_free (rows, FALSE);
}

static char *
make_sentence (GRand *rand,
               guint  n_words)
{
  static const char *const words[] = {
    "school", "bus", "home", "mum", "dad", "sister", "friend", "phone", "money", "party",
    "night", "car", "park", "shop", "scared", "happy", "tired", "angry", "quiet", "loud",
    "teacher", "police", "doctor", "room", "door", "window", "food", "music", "dog", "cat",
    "told", "said", "asked", "went", "came", "stayed", "left", "ran", "walked", "waited",
    "Monday", "Friday", "weekend", "morning", "evening", "late", "early", "again", "never",
    "always", "sometimes", "maybe", "because", "after", "before", "with", "without", "about",
    "older", "younger", "new", "old", "big", "small", "red", "blue", "town", "city",
    "station", "bridge", "river", "flat", "house", "kitchen", "garden", "street", "corner",
  };
  g_autoptr(GString) sentence = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    g_string_append_printf (sentence, "%s%s", i > 0 ? " " : "",
                            words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
  g_string_append_c (sentence, '.');

  return g_string_free (g_steal_pointer (&sentence), FALSE);
}

void
heard_test_fill_statements (sqlite3 *db,
                            gint64   person_id,
                            guint    n,
                            guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  sqlite3_stmt *statement = NULL;
  sqlite3_stmt *version = NULL;

  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO statement (person_id) VALUES (?)", -1,
                                       &statement, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "INSERT INTO statement_version (statement_id, version, words, given_on, context, given_how,"
    " read_back, sensitive, saved_by, saved_at)"
    " VALUES (?, 1, ?, ?, ?, 'spoken', 'agreed', 0, 'Test Worker', '2024-01-01T09:00:00Z')",
    -1, &version, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *words = make_sentence (rand, (guint) g_rand_int_range (rand, 8, 40));
      g_autofree char *context = make_sentence (rand, (guint) g_rand_int_range (rand, 5, 25));
      g_autofree char *day = g_strdup_printf ("20%02u-%02u-%02u", 15 + i % 9, 1 + i % 12,
                                              1 + i % 28);

      sqlite3_reset (statement);
      sqlite3_bind_int64 (statement, 1, person_id);
      g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_DONE);

      sqlite3_reset (version);
      sqlite3_bind_int64 (version, 1, sqlite3_last_insert_rowid (db));
      sqlite3_bind_text (version, 2, words, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (version, 3, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (version, 4, context, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (version), ==, SQLITE_DONE);
    }

  sqlite3_finalize (statement);
  sqlite3_finalize (version);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
}

HeardPerson *
heard_test_find_person (GPtrArray *people,
                        gint64     id)
{
  for (guint i = 0; i < people->len; i++)
    {
      HeardPerson *person = g_ptr_array_index (people, i);

      if (heard_person_get_id (person) == id)
        return person;
    }

  return NULL;
}

HeardPerson *
heard_test_crash_person_new (guint round,
                             guint seq)
{
  HeardPerson *person = heard_person_new ();
  g_autofree char *name = g_strdup_printf ("Crash round %u, save %u", round, seq);
  /* Up to 24 KB, so that one save spans many pages and a kill can land
   * part-way through writing them. */
  g_autofree char *helps = g_strnfill ((seq * 7919 + round * 104729) % 24000 + 1,
                                       (char) ('a' + (seq + round) % 26));

  heard_person_set_text (person, HEARD_PERSON_DISPLAY_NAME, name);
  heard_person_set_text (person, HEARD_PERSON_WHAT_HELPS, helps);

  return person;
}

char *
heard_test_crash_amended_words (guint round,
                                guint seq)
{
  return g_strdup_printf ("Amended in crash round %u, save %u: I told them again.", round, seq);
}

/* What someone with the key and a SQL prompt can do: take a trigger away,
 * run @sql, and put the trigger back exactly as it was. */
void
heard_test_exec_behind_trigger (sqlite3    *db,
                                const char *trigger,
                                const char *sql)
{
  g_autofree char *drop = g_strdup_printf ("DROP TRIGGER %s", trigger);
  g_autofree char *create = NULL;
  sqlite3_stmt *statement = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_master WHERE name = ?1",
                                       -1, &statement, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (statement, 1, trigger, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  create = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  sqlite3_finalize (statement);

  g_assert_cmpint (sqlite3_exec (db, drop, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, create, NULL, NULL, NULL), ==, SQLITE_OK);
}

char *
heard_test_big_practice_set (gboolean  fresh,
                             double   *seconds)
{
  const char *cache = g_getenv ("HEARD_TEST_CACHE_DIR");
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;
  gint64 start;

  g_assert_nonnull (cache);
  /* Named after what makes it, so a newer schema makes a new one. */
  name = g_strdup_printf ("practice-%u-seed%u-2026-03-14-v%u", HEARD_TEST_BIG_SET_PEOPLE,
                          HEARD_PRACTICE_DEFAULT_SEED, heard_sqlite_store_get_schema_version ());
  folder = g_build_filename (cache, name, NULL);
  db_path = g_build_filename (folder, "heard.db", NULL);

  if (seconds != NULL)
    *seconds = 0;
  if (!fresh && heard_practice_folder_is_practice (folder) &&
      g_file_test (db_path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&folder);

  g_assert_cmpint (g_mkdir_with_parents (cache, 0700), ==, 0);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 14, G_DATE_MARCH, 2026);
  start = g_get_monotonic_time ();
  heard_practice_generate_async (folder, HEARD_TEST_BIG_SET_PEOPLE, HEARD_PRACTICE_DEFAULT_SEED,
                                 &today, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  heard_practice_generate_finish (result, &error);
  g_assert_no_error (error);
  if (seconds != NULL)
    *seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  return g_steal_pointer (&folder);
}

/* Waits until @name has an owner on @bus. */
void
heard_test_wait_for_bus_name (GDBusConnection *bus,
                              const char      *name)
{
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GVariant) reply =
        g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                     "org.freedesktop.DBus", "NameHasOwner",
                                     g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                     G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
      gboolean has = FALSE;

      g_variant_get (reply, "(b)", &has);
      if (has)
        return;
      g_usleep (50 * 1000);
    }
  g_error ("%s did not appear on the bus", name);
}

/* Calls @method and asserts that it answered without an error. */
void
heard_test_bus_call (GDBusConnection *bus,
                     const char      *name,
                     const char      *path,
                     const char      *interface,
                     const char      *method,
                     GVariant        *parameters)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply = g_dbus_connection_call_sync (bus, name, path, interface, method, parameters,
                                                 NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);

  g_assert_no_error (error);
  g_variant_unref (reply);
}

GPtrArray *
heard_test_read_export_notes (const char *data_dir,
                              const char *recovery_code)
{
  g_autofree char *db_path = g_build_filename (data_dir, "heard.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardKey) key = heard_recovery_code_parse (recovery_code, &error);
  GPtrArray *notes = g_ptr_array_new_with_free_func ((GDestroyNotify) heard_export_note_free);
  sqlite3_stmt *statement = NULL;
  sqlite3 *db;

  g_assert_no_error (error);
  db = heard_test_raw_open (db_path, key);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT detail FROM audit ORDER BY id", -1,
                                       &statement, NULL), ==, SQLITE_OK);
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      HeardExportNote *note =
        heard_export_note_from_detail ((const char *) sqlite3_column_text (statement, 0));

      if (note != NULL)
        g_ptr_array_add (notes, note);
    }
  sqlite3_finalize (statement);
  sqlite3_close (db);

  return notes;
}

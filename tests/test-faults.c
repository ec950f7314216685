/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-faults"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "heard-fault-vfs.h"
#include "heard-sqlite-store.h"
#include "heard-store-people.h"
#include "heard-store-plans.h"
#include "heard-store-staff.h"
#include "heard-store-statements.h"
#include "heard-test-utils.h"

/*
 * The disk fills up, fails or refuses while Heard writes. For each kind of
 * write a caseworker or supervisor makes, the fault-injecting VFS fails its
 * 1st, 2nd, … Nth file write, sync or truncate in turn, until the write gets
 * through untouched. After every fault:
 *  - the write was refused with the store's own error (disk full says so),
 *    or else it is there in full: the files hold the records as they were
 *    before it or as they are after it, never anything in between, both as
 *    a crash at that moment would leave them and after Heard carried on;
 *  - what was saved before, even moments before, is still there;
 *  - the file passes PRAGMA integrity_check, opened without the fault VFS,
 *    and Heard opens it again;
 *  - Heard saves again as soon as there is room, without a restart.
 * Then a folder that refuses writes or opening (EROFS, EACCES) is refused
 * clearly, with nothing changed or lost. Runs as root too: no mode bits.
 */

#define SUPERVISOR_PASSPHRASE "correct horse battery"
#define MAX_FAULTS_PER_WRITE 400

typedef struct
{
  gint64 person_id;
  gint64 statement_id;
  gint64 supervisor_id;
  gint64 planning_person_id;  /* has a signed-off plan: a new version copies it */
  gint64 submitted_plan_id;   /* a second version awaiting review: signing supersedes */
} Template;

/* One write a user makes; returns whether the store said it was saved. */
typedef gboolean (*WriteFunc) (HeardStore      *store,
                               const Template  *template,
                               GError         **error);

typedef struct
{
  const char *name;
  WriteFunc   write;
} Scenario;

typedef struct
{
  const char     *name;
  HeardFaultKind  kind;
  gboolean        persistent;
} FaultMode;

static const FaultMode fault_modes[] = {
  { "disk-full", HEARD_FAULT_DISK_FULL, TRUE },
  { "io-error", HEARD_FAULT_IO_ERROR, FALSE },
  { "io-error-persistent", HEARD_FAULT_IO_ERROR, TRUE },
};

typedef struct
{
  const Scenario  *scenario;
  const FaultMode *mode;
} Case;

static char *template_dir;
static char *template_path;
static HeardKey *template_key;
static Template template;

static guint total_runs;
static guint total_faults;
static guint total_corruptions;
static guint total_refused_but_kept;

/* Waits for one async store call. */
static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  heard_test_wait (slot);
  return *slot;
}

#define ASYNC(slot) NULL, heard_test_store_result_cb, (slot)

static HeardStatement *
statement_new (gint64      person_id,
               const char *words)
{
  return heard_test_statement_new (person_id, words);
}

static gint64
save_person_named (HeardStore  *store,
                   const char  *name,
                   GError     **error)
{
  g_autoptr(HeardPerson) person = heard_test_person_new (name);

  heard_person_set_text (person, HEARD_PERSON_WHAT_HELPS,
                         "Being asked before anyone is told. Music on the bus.");
  return heard_test_save_person (store, person, error);
}

static gint64
record_statement (HeardStore  *store,
                  gint64       person_id,
                  const char  *words,
                  GError     **error)
{
  g_autoptr(HeardStatement) statement = statement_new (person_id, words);
  g_autoptr(GAsyncResult) result = NULL;

  heard_store_record_statement_async (store, statement, ASYNC (&result));
  return heard_store_record_statement_finish (store, wait_for (&result), error);
}

static gint64
start_plan (HeardStore  *store,
            gint64       person_id,
            GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_store_start_plan_async (store, person_id, ASYNC (&result));
  return heard_store_start_plan_finish (store, wait_for (&result), error);
}

static gint64
add_area (HeardStore    *store,
          gint64         plan_id,
          HeardAreaKind  kind,
          const char    *own_words)
{
  g_autoptr(HeardPlanArea) area = heard_plan_area_new (plan_id, kind);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  heard_plan_area_set_text (area, HEARD_AREA_WORRIED, "Missing school on Mondays.");
  heard_plan_area_set_text (area, HEARD_AREA_GOAL_OWN_WORDS, own_words);
  heard_store_save_area_async (store, area, ASYNC (&result));
  id = heard_store_save_area_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);

  return id;
}

static void
add_action (HeardStore *store,
            gint64      plan_id,
            gint64      area_id)
{
  g_autoptr(HeardPlanAction) action = heard_plan_action_new (plan_id, area_id);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  heard_plan_action_set_text (action, HEARD_ACTION_WHAT, "Meet the college's pastoral lead");
  heard_plan_action_set_text (action, HEARD_ACTION_DUE_DATE, "2030-01-15");
  heard_plan_action_set_owner (action, HEARD_AGENCY_SCHOOL);
  heard_store_save_action_async (store, action, ASYNC (&result));
  g_assert_cmpint (heard_store_save_action_finish (store, wait_for (&result), &error), >, 0);
  g_assert_no_error (error);
}

static void
submit_plan (HeardStore *store,
             gint64      plan_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  heard_store_submit_plan_async (store, plan_id, ASYNC (&result));
  g_assert_true (heard_store_submit_plan_finish (store, wait_for (&result), &error));
  g_assert_no_error (error);
}

static gboolean
sign_off (HeardStore  *store,
          gint64       plan_id,
          gint64       supervisor_id,
          GError     **error)
{
  g_autoptr(HeardPlanDecision) decision =
    heard_plan_decision_new (HEARD_PLAN_EVENT_SIGN_OFF, supervisor_id);
  g_autoptr(GAsyncResult) result = NULL;

  g_free (decision->comments);
  decision->comments = g_strdup ("A clear plan, in her own words.");
  heard_store_decide_plan_async (store, plan_id, decision, SUPERVISOR_PASSPHRASE,
                                 ASYNC (&result));
  return heard_store_decide_plan_finish (store, wait_for (&result), error);
}

/* A signed-off plan with two areas and an action, for @person_id. */
static gint64
make_active_plan (HeardStore *store,
                  gint64      person_id,
                  gint64      supervisor_id)
{
  g_autoptr(GError) error = NULL;
  gint64 plan_id = start_plan (store, person_id, &error);
  gint64 area_id;

  g_assert_no_error (error);
  area_id = add_area (store, plan_id, HEARD_AREA_EDUCATION, "I want to go back to college.");
  add_area (store, plan_id, HEARD_AREA_SAFETY, "Feel safe on the bus.");
  add_action (store, plan_id, area_id);
  submit_plan (store, plan_id);
  g_assert_true (sign_off (store, plan_id, supervisor_id, &error));
  g_assert_no_error (error);

  return plan_id;
}

/* The records every case starts from, made once and copied for each fault. */
static void
make_template (void)
{
  g_autoptr(HeardStore) store = NULL;
  g_autoptr(HeardStaff) supervisor = heard_staff_new (HEARD_STAFF_SUPERVISOR);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = NULL;
  gint64 deciding_person_id;

  template_dir = heard_test_make_dir ();
  template_path = g_build_filename (template_dir, "heard.db", NULL);
  template_key = heard_test_key_new (9);

  store = heard_test_open_store (template_path, template_key, HEARD_SQLITE_STORE_OPEN_CREATE,
                                 &error);
  g_assert_no_error (error);

  heard_staff_set_name (supervisor, "Sam Okafor");
  heard_store_save_staff_async (store, supervisor, SUPERVISOR_PASSPHRASE, ASYNC (&result));
  template.supervisor_id = heard_store_save_staff_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  template.person_id = save_person_named (store, "Amira Khan", &error);
  g_assert_no_error (error);
  template.statement_id = record_statement (store, template.person_id,
                                            "He said I owe him for the phone.", &error);
  g_assert_no_error (error);

  template.planning_person_id = save_person_named (store, "Jade Morris", &error);
  g_assert_no_error (error);
  make_active_plan (store, template.planning_person_id, template.supervisor_id);

  deciding_person_id = save_person_named (store, "Lena Nowak", &error);
  g_assert_no_error (error);
  make_active_plan (store, deciding_person_id, template.supervisor_id);
  template.submitted_plan_id = start_plan (store, deciding_person_id, &error);
  g_assert_no_error (error);
  add_area (store, template.submitted_plan_id, HEARD_AREA_HOME, "My own room.");
  submit_plan (store, template.submitted_plan_id);

  heard_test_close_store (&store);

  /* A clean close leaves one file to copy. */
  wal = g_strconcat (template_path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents_full (to, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
}

/* Copies the records files as they are on disk this moment: what a crash
 * right now would leave behind. */
static void
copy_records (const char *from_dir,
              const char *to_dir)
{
  static const char *const names[] = { "heard.db", "heard.db-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *from = g_build_filename (from_dir, names[i], NULL);
      g_autofree char *to = g_build_filename (to_dir, names[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        copy_file (from, to);
    }
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *statement = NULL;
  char *text = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &statement, NULL);

  if (rc == SQLITE_OK && sqlite3_step (statement) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  else
    text = g_strdup_printf ("(%s)", sqlite3_errmsg (db));
  sqlite3_finalize (statement);

  return text != NULL ? text : g_strdup ("");
}

/* Everything a write can change, apart from the times it was made: how many
 * rows each table has, and the lasting content of the records. */
static char *
describe_records (sqlite3 *db)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *content = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                           " ORDER BY name", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", name);
      g_autofree char *count = query_text (db, sql);

      g_string_append_printf (text, "%s=%s ", name, count);
    }
  sqlite3_finalize (tables);

  content = query_text (db,
    "SELECT (SELECT group_concat(x, '|') FROM (SELECT id || ':' || display_name || ':' ||"
    "          what_helps || ':' || (removed_at IS NULL) AS x FROM person ORDER BY id))"
    " || '#' || (SELECT group_concat(x, '|') FROM (SELECT statement_id || '.' || version ||"
    "          ':' || words || ':' || reason AS x FROM statement_version ORDER BY id))"
    " || '#' || (SELECT group_concat(x, '|') FROM (SELECT id || ':' || person_id || '.' ||"
    "          version || ':' || state || ':' || next_review AS x FROM plan ORDER BY id))"
    " || '#' || (SELECT group_concat(x, '|') FROM (SELECT plan_id || ':' || kind || ':' ||"
    "          goal_own_words AS x FROM plan_area ORDER BY id))"
    " || '#' || (SELECT group_concat(x, '|') FROM (SELECT plan_id || ':' || what AS x"
    "          FROM plan_action ORDER BY id))"
    " || '#' || (SELECT group_concat(x, '|') FROM (SELECT plan_id || ':' || decision || ':' ||"
    "          comments AS x FROM plan_review ORDER BY id))");
  g_string_append (text, content);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Opens the records as another program would, without the fault VFS. */
static sqlite3 *
open_real (const char *path)
{
  return heard_test_raw_open_vfs (path, template_key, heard_fault_vfs_real_name ());
}

/* What a check found wrong, or NULL; @records gets what the file holds. */
static char *
check_records (const char  *dir,
               char       **records)
{
  g_autofree char *path = g_build_filename (dir, "heard.db", NULL);
  g_autoptr(HeardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *verdict = NULL;
  sqlite3 *db = open_real (path);

  verdict = query_text (db, "PRAGMA integrity_check");
  *records = describe_records (db);
  sqlite3_close (db);
  if (g_strcmp0 (verdict, "ok") != 0)
    return g_strdup_printf ("integrity_check says %s", verdict);

  store = heard_test_open_store (path, template_key, HEARD_SQLITE_STORE_OPEN_NONE, &error);
  if (store == NULL)
    return g_strdup_printf ("Heard does not open the records again: %s", error->message);
  heard_test_close_store (&store);

  return NULL;
}

/* Runs the case's write on a fresh copy of the template, with the earlier
 * save @before_name just acknowledged, and fills @records with the records
 * as they are afterwards; for the reference run without any fault. */
static void
reference_run (const Case *c,
               char      **before,
               char      **after)
{
  g_autofree char *dir = heard_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "heard.db", NULL);
  g_autoptr(HeardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;

  copy_file (template_path, path);
  store = heard_test_open_store (path, template_key, HEARD_SQLITE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (save_person_named (store, "Acknowledged before the fault", &error), >, 0);
  g_assert_no_error (error);
  heard_test_close_store (&store);

  problem = check_records (dir, before);
  g_assert_null (problem);
  g_clear_pointer (&problem, g_free);

  store = heard_test_open_store (path, template_key, HEARD_SQLITE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (c->scenario->write (store, &template, &error));
  g_assert_no_error (error);
  heard_test_close_store (&store);

  problem = check_records (dir, after);
  g_assert_null (problem);
  g_assert_cmpstr (*before, !=, *after);

  heard_test_remove_dir (dir);
}

static gboolean
records_are_one_of (const char *records,
                    const char *before,
                    const char *after)
{
  return g_strcmp0 (records, before) == 0 || g_strcmp0 (records, after) == 0;
}

/* One fault at the @nth operation; returns FALSE when the write needed
 * fewer operations, so that no fault was injected. */
static gboolean
run_with_fault (const Case *c,
                guint       nth,
                const char *before,
                const char *after,
                guint      *corruptions,
                guint      *refused_but_kept)
{
  g_autofree char *dir = heard_test_make_dir ();
  g_autofree char *crash_dir = heard_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "heard.db", NULL);
  g_autofree char *crash_records = NULL;
  g_autofree char *live_records = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(HeardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) write_error = NULL;
  gboolean saved;
  guint injected;

  copy_file (template_path, path);
  store = heard_test_open_store (path, template_key, HEARD_SQLITE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (save_person_named (store, "Acknowledged before the fault", &error), >, 0);
  g_assert_no_error (error);

  heard_fault_vfs_arm (HEARD_FAULT_CHANGES, nth, c->mode->kind, c->mode->persistent);
  saved = c->scenario->write (store, &template, &write_error);
  injected = heard_fault_vfs_get_injected ();
  copy_records (dir, crash_dir);
  heard_fault_vfs_disarm ();

  if (injected == 0)
    {
      g_assert_true (saved);
      g_assert_no_error (write_error);
      heard_test_close_store (&store);
      heard_test_remove_dir (dir);
      heard_test_remove_dir (crash_dir);
      return FALSE;
    }
  total_faults += injected;

  /* Refused in words the user can act on, or saved. */
  if (!saved)
    {
      g_assert_nonnull (write_error);
      g_assert_true (write_error->domain == HEARD_STORE_ERROR);
      if (c->mode->kind == HEARD_FAULT_DISK_FULL)
        g_assert_error (write_error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_DISK_FULL);
      else
        g_assert_error (write_error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_FAILED);
      g_assert_cmpuint (strlen (write_error->message), >, 0);
    }
  else
    g_assert_no_error (write_error);

  /* As a crash at that moment would leave the files. */
  problem = check_records (crash_dir, &crash_records);
  if (problem == NULL && !records_are_one_of (crash_records, before, after))
    problem = g_strdup_printf ("half a write, or an earlier one lost: %s", crash_records);
  if (problem == NULL && saved && g_strcmp0 (crash_records, after) != 0)
    problem = g_strdup ("a write reported as saved is missing");
  if (problem != NULL)
    {
      g_test_message ("%s/%s, fault %u, after a crash: %s", c->scenario->name, c->mode->name,
                      nth, problem);
      (*corruptions)++;
      g_clear_pointer (&problem, g_free);
    }
  else if (!saved && g_strcmp0 (crash_records, after) == 0)
    {
      (*refused_but_kept)++;
      g_test_message ("%s/%s, fault %u: refused, but whole after a crash", c->scenario->name,
                      c->mode->name, nth);
    }

  /* Heard carries on: once there is room it saves again, and after a clean
   * close the file holds the records before or after the write, whole. */
  heard_test_close_store (&store);
  problem = check_records (dir, &live_records);
  if (problem == NULL && !records_are_one_of (live_records, before, after))
    problem = g_strdup_printf ("half a write, or an earlier one lost: %s", live_records);
  if (problem == NULL && saved && g_strcmp0 (live_records, after) != 0)
    problem = g_strdup ("a write reported as saved is missing");
  if (problem == NULL && !saved && g_strcmp0 (live_records, after) == 0)
    g_test_message ("%s/%s, fault %u: refused, but whole after closing", c->scenario->name,
                    c->mode->name, nth);
  if (problem == NULL)
    {
      store = heard_test_open_store (path, template_key, HEARD_SQLITE_STORE_OPEN_NONE, &error);
      g_assert_no_error (error);
      if (save_person_named (store, "Saved after the fault", &error) == 0)
        problem = g_strdup_printf ("no save once the disk was fine: %s", error->message);
      heard_test_close_store (&store);
    }
  if (problem != NULL)
    {
      g_test_message ("%s/%s, fault %u, carrying on: %s", c->scenario->name, c->mode->name,
                      nth, problem);
      (*corruptions)++;
    }

  heard_test_remove_dir (dir);
  heard_test_remove_dir (crash_dir);

  return TRUE;
}

static void
test_fault_sweep (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint corruptions = 0;
  guint refused_but_kept = 0;
  guint faults_before = total_faults;
  guint nth;

  reference_run (c, &before, &after);

  for (nth = 1; run_with_fault (c, nth, before, after, &corruptions, &refused_but_kept); nth++)
    g_assert_cmpuint (nth, <, MAX_FAULTS_PER_WRITE);

  total_runs += nth - 1;
  total_corruptions += corruptions;
  total_refused_but_kept += refused_but_kept;
  g_test_message ("%s/%s: %u operations faulted one by one, %u faults injected, "
                  "%u corruptions, %u refused writes found whole after a crash",
                  c->scenario->name, c->mode->name, nth - 1, total_faults - faults_before,
                  corruptions, refused_but_kept);
  g_assert_cmpuint (nth, >, 1);
  g_assert_cmpuint (corruptions, ==, 0);
}

static gboolean
write_save_person (HeardStore      *store,
                   const Template  *t,
                   GError         **error)
{
  return save_person_named (store, "Noor Ahmed", error) != 0;
}

static gboolean
write_record_statement (HeardStore      *store,
                        const Template  *t,
                        GError         **error)
{
  return record_statement (store, t->person_id,
                           "I told the teacher and she said to stop making things up.",
                           error) != 0;
}

static gboolean
write_amend_statement (HeardStore      *store,
                       const Template  *t,
                       GError         **error)
{
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GError) list_error = NULL;
  HeardStatement *amended;

  heard_store_list_statements_async (store, t->person_id, ASYNC (&listed));
  statements = heard_store_list_statements_finish (store, wait_for (&listed), &list_error);
  g_assert_no_error (list_error);
  g_assert_cmpuint (statements->len, ==, 1);
  amended = g_ptr_array_index (statements, 0);
  g_assert_cmpint (heard_statement_get_id (amended), ==, t->statement_id);

  heard_statement_set_text (amended, HEARD_STATEMENT_WORDS,
                            "He said I owe him for the phone and the trainers.");
  heard_statement_set_text (amended, HEARD_STATEMENT_REASON, "She added the trainers.");
  heard_store_amend_statement_async (store, amended, ASYNC (&result));
  return heard_store_amend_statement_finish (store, wait_for (&result), error) != 0;
}

static gboolean
write_start_plan_version (HeardStore      *store,
                          const Template  *t,
                          GError         **error)
{
  return start_plan (store, t->planning_person_id, error) != 0;
}

static gboolean
write_supersede_plan (HeardStore      *store,
                      const Template  *t,
                      GError         **error)
{
  return sign_off (store, t->submitted_plan_id, t->supervisor_id, error);
}

static const Scenario scenarios[] = {
  { "save-person", write_save_person },
  { "record-statement", write_record_statement },
  { "amend-statement", write_amend_statement },
  { "start-plan-version", write_start_plan_version },
  { "sign-off-superseding", write_supersede_plan },
};

/* The template with one more person and a new plan version, saved but
 * still in the WAL; closes the store after arming a fault at @nth (0: none).
 * Returns how many faults were injected. */
static guint
close_with_fault (const char     *dir,
                  const FaultMode *mode,
                  guint           nth)
{
  g_autofree char *path = g_build_filename (dir, "heard.db", NULL);
  g_autoptr(HeardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint injected = 0;

  copy_file (template_path, path);
  store = heard_test_open_store (path, template_key, HEARD_SQLITE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (save_person_named (store, "Acknowledged before closing", &error), >, 0);
  g_assert_true (write_start_plan_version (store, &template, &error));
  g_assert_no_error (error);

  if (nth > 0)
    heard_fault_vfs_arm (HEARD_FAULT_CHANGES, nth, mode->kind, mode->persistent);
  heard_test_close_store (&store);
  if (nth > 0)
    injected = heard_fault_vfs_get_injected ();
  heard_fault_vfs_disarm ();

  return injected;
}

/* Faults while Heard closes the records (the checkpoint of the WAL): all
 * that was saved is there when Heard opens them again. */
static void
test_fault_on_close (void)
{
  g_autofree char *reference_dir = heard_test_make_dir ();
  g_autofree char *expected = NULL;
  g_autofree char *problem = NULL;
  guint corruptions = 0;
  guint faults = 0;
  guint runs = 0;

  close_with_fault (reference_dir, NULL, 0);
  problem = check_records (reference_dir, &expected);
  g_assert_null (problem);
  heard_test_remove_dir (reference_dir);

  for (guint m = 0; m < G_N_ELEMENTS (fault_modes); m++)
    for (guint nth = 1; ; nth++)
      {
        g_autofree char *dir = heard_test_make_dir ();
        g_autofree char *records = NULL;
        guint injected;

        g_assert_cmpuint (nth, <, MAX_FAULTS_PER_WRITE);
        injected = close_with_fault (dir, &fault_modes[m], nth);
        if (injected > 0)
          {
            problem = check_records (dir, &records);
            if (problem == NULL && g_strcmp0 (records, expected) != 0)
              problem = g_strdup_printf ("a save made before closing is missing: %s", records);
            if (problem != NULL)
              {
                g_test_message ("closing/%s, fault %u: %s", fault_modes[m].name, nth, problem);
                corruptions++;
                g_clear_pointer (&problem, g_free);
              }
            faults += injected;
            runs++;
          }
        heard_test_remove_dir (dir);
        if (injected == 0)
          break;
      }

  total_faults += faults;
  total_runs += runs;
  total_corruptions += corruptions;
  g_test_message ("closing: %u operations faulted one by one, %u faults injected, "
                  "%u corruptions", runs, faults, corruptions);
  g_assert_cmpuint (runs, >, 0);
  g_assert_cmpuint (corruptions, ==, 0);
}

static gboolean
contains_bytes (const char *contents,
                gsize       length,
                const char *wanted)
{
  gsize wanted_length = strlen (wanted);

  for (gsize i = 0; i + wanted_length <= length; i++)
    if (memcmp (contents + i, wanted, wanted_length) == 0)
      return TRUE;

  return FALSE;
}

/* SQLCipher encrypts above the VFS: what passes through it is ciphertext. */
static void
test_vfs_sees_ciphertext (void)
{
  g_autofree char *dir = heard_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "heard.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(HeardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *marker = "Marker-Zq7Xv3 never in the clear";

  copy_file (template_path, path);
  store = heard_test_open_store (path, template_key, HEARD_SQLITE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);

  /* Counting every write shows the store's writes do pass through here. */
  heard_fault_vfs_arm (HEARD_FAULT_CHANGES, G_MAXUINT, HEARD_FAULT_IO_ERROR, FALSE);
  g_assert_cmpint (save_person_named (store, marker, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (heard_fault_vfs_get_seen (), >, 0);
  heard_fault_vfs_disarm ();

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (i == 0 ? path : wal, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 0);
      g_assert_false (contains_bytes (contents, length, marker));
      g_assert_false (contains_bytes (contents, length, "SQLite format 3"));
    }

  heard_test_close_store (&store);
  heard_test_remove_dir (dir);
}

/* A sha256 of every records file, to show a refusal changed nothing. */
static char *
checksum_folder (const char *dir)
{
  g_autoptr(GString) sums = g_string_new (NULL);
  static const char *const names[] = { "heard.db", "heard.db-wal", "heard.db-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *contents = NULL;
      g_autofree char *sum = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        {
          g_string_append_printf (sums, "%s: none\n", names[i]);
          continue;
        }
      sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
      g_string_append_printf (sums, "%s: %s\n", names[i], sum);
    }

  return g_string_free (g_steal_pointer (&sums), FALSE);
}

static void
assert_refused_read_only (GError *error)
{
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_READ_ONLY);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, "not allowed to write"));
}

/* The records folder turns read-only (EROFS) or refuses writes (EACCES)
 * under a running Heard: saving is refused clearly, what was saved stays,
 * and saving works again once the folder may be written to. */
static void
test_folder_refuses_writes (void)
{
  static const HeardFaultKind kinds[] = { HEARD_FAULT_READ_ONLY, HEARD_FAULT_DENIED };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *dir = heard_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "heard.db", NULL);
      g_autofree char *records = NULL;
      g_autofree char *problem = NULL;
      g_autoptr(HeardStore) store = NULL;
      g_autoptr(GError) error = NULL;

      copy_file (template_path, path);
      store = heard_test_open_store (path, template_key, HEARD_SQLITE_STORE_OPEN_NONE, &error);
      g_assert_no_error (error);
      g_assert_cmpint (save_person_named (store, "Acknowledged before the fault", &error), >, 0);
      g_assert_no_error (error);

      heard_fault_vfs_arm (HEARD_FAULT_CHANGES | HEARD_FAULT_OPEN, 1, kinds[i], TRUE);
      g_assert_cmpint (save_person_named (store, "Refused", &error), ==, 0);
      assert_refused_read_only (error);
      g_clear_error (&error);
      g_assert_false (write_start_plan_version (store, &template, &error));
      assert_refused_read_only (error);
      g_clear_error (&error);
      total_faults += heard_fault_vfs_get_injected ();
      heard_fault_vfs_disarm ();

      g_assert_cmpint (save_person_named (store, "Saved once allowed", &error), >, 0);
      g_assert_no_error (error);
      heard_test_close_store (&store);

      problem = check_records (dir, &records);
      g_assert_null (problem);
      g_assert_nonnull (strstr (records, "Acknowledged before the fault"));
      g_assert_nonnull (strstr (records, "Saved once allowed"));
      g_assert_null (strstr (records, "Refused"));
      heard_test_remove_dir (dir);
    }
}

/* Heard starts on a folder it may not write to (a read-only mount, or
 * files it is not allowed to open): it refuses clearly and changes nothing. */
static void
test_folder_refuses_opening (void)
{
  static const HeardFaultKind kinds[] = { HEARD_FAULT_READ_ONLY, HEARD_FAULT_DENIED };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *dir = heard_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "heard.db", NULL);
      g_autofree char *sums_before = NULL;
      g_autofree char *sums_after = NULL;
      g_autoptr(HeardStore) store = NULL;
      g_autoptr(GPtrArray) people = NULL;
      g_autoptr(GError) error = NULL;

      copy_file (template_path, path);
      sums_before = checksum_folder (dir);

      heard_fault_vfs_arm (HEARD_FAULT_CHANGES | HEARD_FAULT_OPEN, 1, kinds[i], TRUE);
      store = heard_test_open_store (path, template_key, HEARD_SQLITE_STORE_OPEN_NONE, &error);
      if (store != NULL)
        {
          /* Opened for reading only: any save is refused. */
          g_assert_cmpint (save_person_named (store, "Refused", &error), ==, 0);
          heard_test_close_store (&store);
        }
      assert_refused_read_only (error);
      g_clear_error (&error);
      total_faults += heard_fault_vfs_get_injected ();
      heard_fault_vfs_disarm ();

      sums_after = checksum_folder (dir);
      g_assert_cmpstr (sums_after, ==, sums_before);

      store = heard_test_open_store (path, template_key, HEARD_SQLITE_STORE_OPEN_NONE, &error);
      g_assert_no_error (error);
      people = heard_test_list_people (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (people->len, ==, 3);
      heard_test_close_store (&store);
      heard_test_remove_dir (dir);
    }
}

static void
test_totals (void)
{
  g_test_message ("fault-injection totals: %u runs, %u faults injected, %u corruptions found, "
                  "%u refused writes found whole after a crash",
                  total_runs, total_faults, total_corruptions, total_refused_but_kept);
  g_assert_cmpuint (total_faults, >, 0);
  g_assert_cmpuint (total_corruptions, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int status;

  heard_test_init (&argc, &argv);

  heard_fault_vfs_install ();
  make_template ();

  g_test_add_func ("/faults/vfs-sees-ciphertext", test_vfs_sees_ciphertext);
  for (guint s = 0; s < G_N_ELEMENTS (scenarios); s++)
    for (guint m = 0; m < G_N_ELEMENTS (fault_modes); m++)
      {
        Case *c = g_new0 (Case, 1);
        char *name = g_strdup_printf ("/faults/%s/%s", scenarios[s].name, fault_modes[m].name);

        c->scenario = &scenarios[s];
        c->mode = &fault_modes[m];
        g_ptr_array_add (cases, c);
        g_ptr_array_add (names, name);
        g_test_add_data_func (name, c, test_fault_sweep);
      }
  g_test_add_func ("/faults/closing", test_fault_on_close);
  g_test_add_func ("/faults/folder-refuses-writes", test_folder_refuses_writes);
  g_test_add_func ("/faults/folder-refuses-opening", test_folder_refuses_opening);
  g_test_add_func ("/summary/faults-and-corruptions", test_totals);

  status = g_test_run ();

  heard_test_remove_dir (template_dir);
  g_free (template_dir);
  g_free (template_path);
  heard_key_free (template_key);

  return status;
}

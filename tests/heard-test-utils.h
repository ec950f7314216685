/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "heard-check-in.h"
#include "heard-context.h"
#include "heard-key.h"
#include "heard-person.h"
#include "heard-draft.h"
#include "heard-plan.h"
#include "heard-sqlite-store.h"
#include "heard-statement.h"
#include "heard-store.h"

G_BEGIN_DECLS

/* Async results: pass heard_test_store_result_cb with &slot as user data,
 * then heard_test_wait (&slot) runs the default main context until the
 * callback has stored its result there. The slot owns a reference. */
void         heard_test_store_result_cb  (GObject             *object,
                                          GAsyncResult        *result,
                                          gpointer             user_data);
void         heard_test_wait             (GAsyncResult       **slot);
/* Waits for the call whose result lands in *@pending, then keeps it in
 * *@last in place of the one before: it stays valid until the next call. */
GAsyncResult *heard_test_result_of       (GAsyncResult       **pending,
                                          GAsyncResult       **last);

/* What every suite's main() does first: the secure memory Heard's keys
 * need, then g_test_init(). */
void         heard_test_init             (int                 *argc,
                                          char              ***argv);

/* The caseworker's own passphrase every suite's records get: a first run
 * or a recovery code sets it, and a start gives it, through
 * heard_test_unlock_finish(). heard_test_init() makes it cheap to hash. */
#define HEARD_TEST_CASEWORKER_PASSPHRASE "the caseworker's own test passphrase"
/* heard_context_unlock_finish(), then on past the caseworker's passphrase
 * as the caseworker would: giving it when it is asked for, choosing it
 * when a new one is. Returns the state after that. */
HeardLockState heard_test_unlock_finish  (HeardContext        *context,
                                          GAsyncResult        *result,
                                          GError             **error);
/* The same from the state @context is in now. */
HeardLockState heard_test_pass_caseworker (HeardContext       *context,
                                           GError            **error);
/* A fresh private folder for one test, and its removal with everything in it. */
char        *heard_test_make_dir         (void) G_GNUC_WARN_UNUSED_RESULT;
void         heard_test_remove_dir       (const char          *path);
/* Removes the folder *@path (when set) with everything in it, and frees it. */
void         heard_test_clear_dir        (char               **path);

/* A records folder for one test: @root is made; @data_dir, "records" inside
 * it, is left for Heard to make, with heard.db and heard.ini in it. */
typedef struct
{
  char *root;
  char *data_dir;
  char *db_path;
  char *info_path;
} HeardTestRecords;

void         heard_test_records_init     (HeardTestRecords    *records);
void         heard_test_records_clear    (HeardTestRecords    *records);

/* Lets go of @context and returns once its records file is closed, as when
 * Heard quits. */
void         heard_test_close_context    (HeardContext       **context);

/* A context for @data_dir, started as Heard starts: the test fails unless
 * it comes to @expected. */
HeardContext *heard_test_start_context   (const char          *data_dir,
                                          HeardLockState       expected) G_GNUC_WARN_UNUSED_RESULT;
/* Waits for the unlock step whose result lands in *@result and returns
 * where it came to, past the caseworker's passphrase as
 * heard_test_unlock_finish() goes (the test fails on an error); *@result
 * is cleared. */
HeardLockState heard_test_unlock_state   (HeardContext        *context,
                                          GAsyncResult       **result);
/* Once @context shows new records' recovery code: says it was kept and
 * returns it (secure memory); the test fails unless the records open. */
char        *heard_test_keep_recovery_code (HeardContext      *context) G_GNUC_WARN_UNUSED_RESULT;
/* As on quit: @context notes its audit trail's head outside the records
 * file (the test fails if it cannot). */
void         heard_test_save_anchor      (HeardContext        *context);
/* Saves @person through @context, as Heard's windows do: its id, or 0 with
 * @error set. */
gint64       heard_test_context_save_person (HeardContext     *context,
                                             HeardPerson      *person,
                                             GError          **error);
/* A young person known only by @display_name, saved through @context (the
 * test fails if it is refused), by its id. */
gint64       heard_test_context_add_person (HeardContext      *context,
                                            const char        *display_name);

/* Writes @length bytes of @data at @path, private (0600), in place of
 * whatever was there. */
void         heard_test_write_file       (const char          *path,
                                          const void          *data,
                                          gsize                length);
/* Each file in the folder with its size and the SHA-256 of its bytes, one a
 * line, by name: a file added, removed or changed by a single byte shows. */
char        *heard_test_describe_folder  (const char          *path) G_GNUC_WARN_UNUSED_RESULT;

/* The names in the folder @path, sorted, one a line. */
char        *heard_test_list_names       (const char          *path) G_GNUC_WARN_UNUSED_RESULT;

/* What the program @argv (a NULL-terminated list, a full path first) said
 * on standard output; the test fails when it fails. */
char        *heard_test_run_tool         (const char *const   *argv) G_GNUC_WARN_UNUSED_RESULT;
/* The PDF at @path read back with poppler-utils: its text (pdftotext
 * -layout), one page's text (1-based), and its page count (pdfinfo). */
char        *heard_test_pdf_text         (const char          *path) G_GNUC_WARN_UNUSED_RESULT;
char        *heard_test_pdf_page_text    (const char          *path,
                                          guint                page) G_GNUC_WARN_UNUSED_RESULT;
guint        heard_test_pdf_pages        (const char          *path);
/* The id of a process of this computer that has ended. */
GPid         heard_test_gone_pid         (void);
/* Makes @path look last changed @days days ago. */
void         heard_test_set_age          (const char          *path,
                                          guint                days);

/* Copies tests/fixtures/@name (from HEARD_FIXTURES_DIR) to @path, private,
 * as the records someone kept from an earlier version of Heard. */
void         heard_test_copy_fixture     (const char          *name,
                                          const char          *path);

/* A fixed key: the same @variant always gives the same key. */
HeardKey    *heard_test_key_new          (guint8               variant) G_GNUC_WARN_UNUSED_RESULT;

/* Blocking wrappers around the store's async API, for tests only. */
HeardStore  *heard_test_open_store       (const char                 *path,
                                          const HeardKey             *key,
                                          HeardSqliteStoreOpenFlags   flags,
                                          GError                    **error)
                                          G_GNUC_WARN_UNUSED_RESULT;
void         heard_test_close_store      (HeardStore         **store);
/* A new store at @path with @key, created and opened, or the test fails. */
HeardStore  *heard_test_create_store     (const char          *path,
                                          const HeardKey      *key) G_GNUC_WARN_UNUSED_RESULT;

/* The records tests make most: a young person known only by @display_name;
 * one saved through @store (the test fails if it is refused), by its id;
 * and a statement of @words by @person_id, given on 3 May 2024 (typed
 * 03/05/2024, as a worker in the UK would). */
HeardPerson *heard_test_person_new       (const char          *display_name)
                                          G_GNUC_WARN_UNUSED_RESULT;
gint64       heard_test_add_person       (HeardStore          *store,
                                          const char          *display_name);
HeardStatement *heard_test_statement_new (gint64               person_id,
                                          const char          *words) G_GNUC_WARN_UNUSED_RESULT;
gint64       heard_test_save_person      (HeardStore          *store,
                                          HeardPerson         *person,
                                          GError             **error);
GPtrArray   *heard_test_list_people      (HeardStore          *store,
                                          GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean     heard_test_set_removed      (HeardStore          *store,
                                          gint64               id,
                                          gboolean             removed,
                                          GError             **error);
GHashTable  *heard_test_search_people    (HeardStore          *store,
                                          const char          *typed,
                                          GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean     heard_test_check_integrity  (HeardStore          *store,
                                          GError             **error);
GPtrArray   *heard_test_list_staff       (HeardStore          *store,
                                          GError             **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray   *heard_test_load_plans       (HeardStore          *store,
                                          gint64               person_id,
                                          GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean     heard_test_decide_plan      (HeardStore          *store,
                                          gint64               plan_id,
                                          const HeardPlanDecision *decision,
                                          const char          *passphrase,
                                          GError             **error);
GPtrArray   *heard_test_list_statements  (HeardStore          *store,
                                          gint64               person_id,
                                          GError             **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray   *heard_test_list_statement_history (HeardStore    *store,
                                                gint64         statement_id,
                                                GError       **error) G_GNUC_WARN_UNUSED_RESULT;
/* Drafts of editors (heard-store-drafts.h). */
gboolean     heard_test_save_draft       (HeardStore          *store,
                                          HeardDraft          *draft,
                                          GError             **error);
GPtrArray   *heard_test_list_drafts      (HeardStore          *store,
                                          GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean     heard_test_delete_draft     (HeardStore          *store,
                                          HeardDraft          *draft,
                                          GError             **error);
/* Checks the whole audit trail (no anchor): NULL when it holds, or what is
 * wrong. Sets @n_entries, when not NULL, to the entries it checked. */
GError      *heard_test_verify_audit     (HeardStore          *store,
                                          guint               *n_entries) G_GNUC_WARN_UNUSED_RESULT;

/* The records file opened behind Heard's back, as another program could,
 * with @key; close with sqlite3_close(). */
sqlite3     *heard_test_raw_open         (const char          *path,
                                          const HeardKey      *key) G_GNUC_WARN_UNUSED_RESULT;
/* The same through the SQLite VFS named @vfs (NULL: the default one). */
sqlite3     *heard_test_raw_open_vfs     (const char          *path,
                                          const HeardKey      *key,
                                          const char          *vfs) G_GNUC_WARN_UNUSED_RESULT;
/* Every export noted in the audit trail of the records at @data_dir,
 * oldest first (HeardExportNote), read from the file as another program
 * would, with the key that @recovery_code stands for. */
GPtrArray   *heard_test_read_export_notes (const char         *data_dir,
                                           const char         *recovery_code)
                                           G_GNUC_WARN_UNUSED_RESULT;
/* The first column of the first row @sql gives, as a number. */
gint64       heard_test_raw_count        (sqlite3             *db,
                                          const char          *sql);
/* Every audit entry's id and hash up to entry @up_to, in order, one a line. */
char        *heard_test_dump_table       (sqlite3             *db,
                                          const char          *table) G_GNUC_WARN_UNUSED_RESULT;
char        *heard_test_audit_hashes     (sqlite3             *db,
                                          gint64               up_to) G_GNUC_WARN_UNUSED_RESULT;

/* Adds @n made-up statements for @person_id straight into the database, in
 * one transaction, each a different mix of ordinary words; the same @seed
 * always gives the same words. None contains a word longer than 12 letters. */
void         heard_test_fill_statements  (sqlite3             *db,
                                          gint64               person_id,
                                          guint                n,
                                          guint32              seed);

/* Starts a plan for @person_id with one area of @kind; its id. */
gint64       heard_test_start_plan_with_area (HeardStore      *store,
                                              gint64           person_id,
                                              HeardAreaKind    kind);
/* A check-in on @plan_id on @day rating @area: the young person @theirs,
 * the worker @worker (each -1 for skipped, -2 for "rather not say"). */
HeardCheckIn *heard_test_check_in_new    (gint64               plan_id,
                                          const char          *day,
                                          HeardAreaKind        area,
                                          int                  theirs,
                                          int                  worker) G_GNUC_WARN_UNUSED_RESULT;
gint64       heard_test_save_check_in    (HeardStore          *store,
                                          HeardCheckIn        *check_in,
                                          GError             **error);
GPtrArray   *heard_test_list_check_ins   (HeardStore          *store,
                                          gint64               person_id,
                                          gint64               plan_id,
                                          GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* Runs @sql with @trigger taken away, then puts it back exactly as it was. */
void         heard_test_exec_behind_trigger (sqlite3          *db,
                                             const char       *trigger,
                                             const char       *sql);

HeardPerson *heard_test_find_person      (GPtrArray           *people,
                                          gint64               id);

/* The record heard-crash-writer saves as save @seq of round @round. */
HeardPerson *heard_test_crash_person_new (guint                round,
                                          guint                seq) G_GNUC_WARN_UNUSED_RESULT;
/* The words heard-crash-writer amends its statement to in save @seq of
 * round @round; its supervisor signs off with HEARD_TEST_CRASH_PASSPHRASE. */
char        *heard_test_crash_amended_words (guint             round,
                                             guint             seq) G_GNUC_WARN_UNUSED_RESULT;
#define HEARD_TEST_CRASH_PASSPHRASE "crash test supervisor"

/* The practice set the benchmarks share: 2,000 young people and 100,000
 * statements, made by the practice generator from a fixed seed and day
 * and kept under the build folder (HEARD_TEST_CACHE_DIR), so that it is
 * made once. Returns its folder (open it through a HeardContext, or with
 * the key in its practice.key). With @fresh, it is made again whatever
 * is there; @seconds, when not NULL, is set to how long making it took
 * (0 when it was reused). */
#define HEARD_TEST_BIG_SET_PEOPLE 2000
char        *heard_test_big_practice_set (gboolean             fresh,
                                          double              *seconds) G_GNUC_WARN_UNUSED_RESULT;

/* D-Bus services the tests stand up (python3-dbusmock). */
void         heard_test_wait_for_bus_name (GDBusConnection     *bus,
                                           const char          *name);
void         heard_test_bus_call         (GDBusConnection     *bus,
                                          const char          *name,
                                          const char          *path,
                                          const char          *interface,
                                          const char          *method,
                                          GVariant            *parameters);

G_END_DECLS

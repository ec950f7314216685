/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-store"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-audit-private.h"
#include "heard-for-them.h"
#include "heard-model-enums.h"
#include "heard-store-codesign.h"
#include "heard-store-util.h"

/*
 * Co-design's records in the SQLCipher store (heard-store-codesign.h).
 * Each write adds its audit entry first (its actor and time are the
 * record's own), then the row, sealed at commit (heard-audit.c); the
 * file's triggers refuse any change afterwards, and refuse a row naming
 * someone else's record even if this code let one through.
 */

#define OWN_WORDS_COLUMNS \
  "SELECT id, person_id, plan_id, area_kind, part, version, words, saved_by, saved_at" \
  " FROM own_words"
#define SAY_COLUMNS \
  "SELECT s.id, s.plan_id, s.say, s.words, s.saved_by, s.saved_at" \
  " FROM plan_say AS s JOIN plan AS p ON p.id = s.plan_id"
#define MARK_COLUMNS \
  "SELECT id, person_id, what, record_id, for_them, reason, saved_by, saved_at" \
  " FROM for_them_mark"
#define WITHHOLDING_COLUMNS \
  "SELECT id, export_audit_id, what, record_id, item, exemption, reason, decided_by," \
  "       saved_by, saved_at" \
  " FROM withholding"

/* Which young person's record a mark is on: the record's owner, ?1 its id. */
static const char *const mark_owner[HEARD_FOR_THEM_N_TEXTS] = {
  [HEARD_FOR_THEM_AREA] = "SELECT p.person_id FROM plan_area AS a JOIN plan AS p"
                          " ON p.id = a.plan_id WHERE a.id = ?1",
  [HEARD_FOR_THEM_WORKER_GOAL] = "SELECT p.person_id FROM plan_area AS a JOIN plan AS p"
                                 " ON p.id = a.plan_id WHERE a.id = ?1",
  [HEARD_FOR_THEM_ACTION] = "SELECT p.person_id FROM plan_action AS x JOIN plan AS p"
                            " ON p.id = x.plan_id WHERE x.id = ?1",
  [HEARD_FOR_THEM_ANSWER] = "SELECT s.person_id FROM statement_response AS r"
                            " JOIN statement AS s ON s.id = r.statement_id WHERE r.id = ?1",
  [HEARD_FOR_THEM_STATEMENT_CONTEXT] = "SELECT person_id FROM statement WHERE id = ?1",
  [HEARD_FOR_THEM_CHECK_IN_NOTE] = "SELECT p.person_id FROM check_in AS c JOIN plan AS p"
                                   " ON p.id = c.plan_id WHERE c.id = ?1",
};

typedef struct
{
  gint64     person_id;
  gint64     export_audit_id;
  GPtrArray *withholdings;
} WithholdingRequest;

static void
withholding_request_free (WithholdingRequest *request)
{
  g_ptr_array_unref (request->withholdings);
  g_free (request);
}

static const char *
column_text (sqlite3_stmt *statement,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (statement, column);

  return text != NULL ? text : "";
}

static int
column_code (sqlite3_stmt *statement,
             int           column,
             GType         type)
{
  int value = 0;

  heard_codesign_from_code (type, column_text (statement, column), &value);
  return value;
}

static gboolean
fail (GError     **error,
      int          code,
      const char  *message)
{
  g_set_error_literal (error, HEARD_STORE_ERROR, code, message);
  return FALSE;
}

/* The first column of the first row @sql gives with @params bound as ?1,
 * ?2, …, or -1 when it gives no row. */
static gboolean
query_number (sqlite3       *db,
              const char    *sql,
              const gint64  *params,
              guint          n_params,
              gint64        *number,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) statement = _heard_store_prepare (db, sql, error);
  int rc;

  if (statement == NULL)
    return FALSE;

  for (guint i = 0; i < n_params; i++)
    sqlite3_bind_int64 (statement, (int) i + 1, params[i]);
  rc = sqlite3_step (statement);
  *number = rc == SQLITE_ROW ? sqlite3_column_int64 (statement, 0) : -1;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _heard_store_set_error (error, db, rc);
      return FALSE;
    }

  return TRUE;
}

/* Adds the audit entry, and gives back its actor and time for the row. */
static gboolean
audit (sqlite3     *db,
       const char  *action,
       const char  *target_kind,
       gint64       target_id,
       const char  *detail,
       char       **actor,
       char       **at,
       GError     **error)
{
  return _heard_audit_append (db, NULL, action, target_kind, target_id, detail, error) &&
         _heard_audit_read_newest (db, actor, at, error);
}

/* Their own words */

static void
add_own_words_cb (sqlite3_stmt *statement,
                  gpointer      data)
{
  HeardOwnWords *words;

  words = heard_own_words_new (sqlite3_column_int64 (statement, 1),
                               sqlite3_column_int64 (statement, 2),
                               (HeardAreaKind) sqlite3_column_int (statement, 3),
                               column_code (statement, 4, HEARD_TYPE_OWN_PART),
                               column_text (statement, 6));
  heard_own_words_set_saved (words, sqlite3_column_int64 (statement, 0),
                             (guint) sqlite3_column_int (statement, 5),
                             column_text (statement, 7), column_text (statement, 8));
  g_ptr_array_add (data, words);
}

static gboolean
own_words_write (sqlite3            *db,
                 gpointer            data,
                 HeardStoreWritten  *written,
                 GError            **error)
{
  HeardOwnWords *words = data;
  gint64 person_id = heard_own_words_get_person_id (words);
  const char *part = heard_codesign_to_code (HEARD_TYPE_OWN_PART,
                                             heard_own_words_get_part (words));
  const gint64 params[] = { heard_own_words_get_plan_id (words), person_id,
                            heard_own_words_get_area (words) };
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *at = NULL;
  gint64 found, version;

  if (!heard_own_words_check (words, error) ||
      !query_number (db, "SELECT 1 FROM plan AS p JOIN plan_area AS a ON a.plan_id = p.id"
                         " WHERE p.id = ?1 AND p.person_id = ?2 AND a.kind = ?3",
                     params, G_N_ELEMENTS (params), &found, error))
    return FALSE;
  if (found < 0)
    return fail (error, HEARD_STORE_ERROR_NOT_FOUND,
                 _("This area could not be found in their plan, so their words were not "
                   "saved."));

  statement = _heard_store_prepare (db, "SELECT count (*) + 1 FROM own_words WHERE person_id = ?1"
                                        " AND area_kind = ?2 AND part = ?3", error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, person_id);
  sqlite3_bind_int (statement, 2, (int) heard_own_words_get_area (words));
  _heard_store_bind_text (statement, 3, part);
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      _heard_store_set_error (error, db, sqlite3_errcode (db));
      return FALSE;
    }
  version = sqlite3_column_int64 (statement, 0);
  g_clear_pointer (&statement, _heard_store_finalize);

  /* Plain words about the record, never their own. */
  detail = g_strdup_printf ("their %s for area %d, version %" G_GINT64_FORMAT
                            ", written by the young person", part,
                            (int) heard_own_words_get_area (words), version);
  if (!audit (db, "their words", "person", person_id, detail, &actor, &at, error))
    return FALSE;

  statement = _heard_store_prepare (db, "INSERT INTO own_words (person_id, area_kind, part,"
                                        " version, words, plan_id, written_by, saved_by,"
                                        " saved_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                                        " 'young-person', ?7, ?8)", error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, person_id);
  sqlite3_bind_int (statement, 2, (int) heard_own_words_get_area (words));
  _heard_store_bind_text (statement, 3, part);
  sqlite3_bind_int64 (statement, 4, version);
  _heard_store_bind_text (statement, 5, heard_own_words_get_words (words));
  sqlite3_bind_int64 (statement, 6, heard_own_words_get_plan_id (words));
  _heard_store_bind_text (statement, 7, actor);
  _heard_store_bind_text (statement, 8, at);
  if (!_heard_store_step_done (db, statement, error))
    return FALSE;

  written->id = sqlite3_last_insert_rowid (db);
  written->record_id = person_id;
  return TRUE;
}

static gpointer
list_own_words_work (sqlite3  *db,
                     gpointer  data,
                     GError  **error)
{
  return _heard_store_list_objects (db, OWN_WORDS_COLUMNS " WHERE person_id = ?1 ORDER BY id",
                                    *(gint64 *) data, NULL, add_own_words_cb, error);
}

/* Their say on a plan */

static void
add_say_cb (sqlite3_stmt *statement,
            gpointer      data)
{
  HeardPlanSay *say = heard_plan_say_new (sqlite3_column_int64 (statement, 1),
                                          column_code (statement, 2, HEARD_TYPE_SAY_KIND),
                                          column_text (statement, 3));

  heard_plan_say_set_saved (say, sqlite3_column_int64 (statement, 0), column_text (statement, 4),
                            column_text (statement, 5));
  g_ptr_array_add (data, say);
}

static gboolean
plan_say_write (sqlite3            *db,
                gpointer            data,
                HeardStoreWritten  *written,
                GError            **error)
{
  HeardPlanSay *say = data;
  const char *code = heard_codesign_to_code (HEARD_TYPE_SAY_KIND, heard_plan_say_get_kind (say));
  const gint64 plan_id = heard_plan_say_get_plan_id (say);
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *at = NULL;
  gint64 person_id;

  if (!heard_plan_say_check (say, error) ||
      !query_number (db, "SELECT person_id FROM plan WHERE id = ?1", &plan_id, 1, &person_id,
                     error))
    return FALSE;
  if (person_id < 0)
    return fail (error, HEARD_STORE_ERROR_NOT_FOUND,
                 _("This version of their plan could not be found, so their say was not "
                   "saved."));

  if (!audit (db, "their say", "plan", plan_id, code, &actor, &at, error))
    return FALSE;
  statement = _heard_store_prepare (db, "INSERT INTO plan_say (plan_id, say, words, saved_by,"
                                        " saved_at) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, plan_id);
  _heard_store_bind_text (statement, 2, code);
  _heard_store_bind_text (statement, 3, heard_plan_say_get_words (say));
  _heard_store_bind_text (statement, 4, actor);
  _heard_store_bind_text (statement, 5, at);
  if (!_heard_store_step_done (db, statement, error))
    return FALSE;

  written->id = sqlite3_last_insert_rowid (db);
  written->record_id = person_id;
  return TRUE;
}

static gpointer
list_plan_says_work (sqlite3  *db,
                     gpointer  data,
                     GError  **error)
{
  return _heard_store_list_objects (db, SAY_COLUMNS " WHERE p.person_id = ?1 ORDER BY s.id",
                                    *(gint64 *) data, NULL, add_say_cb, error);
}

/* Written for them to read */

static void
add_mark_cb (sqlite3_stmt *statement,
             gpointer      data)
{
  HeardForThemMark *mark;

  mark = heard_for_them_mark_new (sqlite3_column_int64 (statement, 1),
                                  column_code (statement, 2, HEARD_TYPE_FOR_THEM_TEXT),
                                  sqlite3_column_int64 (statement, 3),
                                  sqlite3_column_int (statement, 4) != 0,
                                  column_text (statement, 5));
  heard_for_them_mark_set_saved (mark, sqlite3_column_int64 (statement, 0),
                                 column_text (statement, 6), column_text (statement, 7));
  g_ptr_array_add (data, mark);
}

static gboolean
for_them_write (sqlite3            *db,
                gpointer            data,
                HeardStoreWritten  *written,
                GError            **error)
{
  HeardForThemMark *mark = data;
  HeardForThemText what = heard_for_them_mark_get_what (mark);
  const char *code = heard_codesign_to_code (HEARD_TYPE_FOR_THEM_TEXT, what);
  gint64 person_id = heard_for_them_mark_get_person_id (mark);
  gint64 record_id = heard_for_them_mark_get_record_id (mark);
  gboolean for_them = heard_for_them_mark_get_for_them (mark);
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *at = NULL;
  gint64 owner, current;
  int rc;

  if (!heard_for_them_mark_check (mark, error) ||
      !query_number (db, mark_owner[what], &record_id, 1, &owner, error))
    return FALSE;
  if (owner < 0 || owner != person_id)
    return fail (error, HEARD_STORE_ERROR_NOT_FOUND,
                 _("This record could not be found in their records, so nothing was "
                   "changed."));

  statement = _heard_store_prepare (db, "SELECT for_them FROM for_them_mark WHERE what = ?1"
                                        " AND record_id = ?2 ORDER BY id DESC LIMIT 1", error);
  if (statement == NULL)
    return FALSE;
  _heard_store_bind_text (statement, 1, code);
  sqlite3_bind_int64 (statement, 2, record_id);
  rc = sqlite3_step (statement);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _heard_store_set_error (error, db, rc);
      return FALSE;
    }
  current = rc == SQLITE_ROW ? sqlite3_column_int (statement, 0) : heard_for_them_default (what);
  g_clear_pointer (&statement, _heard_store_finalize);
  if ((current != 0) == for_them)
    return fail (error, HEARD_STORE_ERROR_INVALID,
                 for_them ? _("This is already written for them to read, so nothing was "
                              "changed.")
                          : _("This is already kept for staff, so nothing was changed."));

  if (!audit (db, for_them ? "written for them" : "kept for staff", code, record_id,
              for_them ? "now written for them to read" : "now kept for staff",
              &actor, &at, error))
    return FALSE;
  statement = _heard_store_prepare (db, "INSERT INTO for_them_mark (person_id, what, record_id,"
                                        " for_them, reason, saved_by, saved_at)"
                                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, person_id);
  _heard_store_bind_text (statement, 2, code);
  sqlite3_bind_int64 (statement, 3, record_id);
  sqlite3_bind_int (statement, 4, for_them ? 1 : 0);
  _heard_store_bind_text (statement, 5, heard_for_them_mark_get_reason (mark));
  _heard_store_bind_text (statement, 6, actor);
  _heard_store_bind_text (statement, 7, at);
  if (!_heard_store_step_done (db, statement, error))
    return FALSE;

  written->id = sqlite3_last_insert_rowid (db);
  written->record_id = person_id;
  return TRUE;
}

static gpointer
list_marks_work (sqlite3  *db,
                 gpointer  data,
                 GError  **error)
{
  return _heard_store_list_objects (db, MARK_COLUMNS " WHERE person_id = ?1 ORDER BY id",
                                    *(gint64 *) data, NULL, add_mark_cb, error);
}

/* Withheld from a subject access export */

static void
add_withholding_cb (sqlite3_stmt *statement,
                    gpointer      data)
{
  HeardWithholding *withholding;

  withholding = heard_withholding_new (column_code (statement, 2, HEARD_TYPE_WITHHELD_KIND),
                                       sqlite3_column_int64 (statement, 3),
                                       column_text (statement, 4),
                                       column_code (statement, 5, HEARD_TYPE_EXEMPTION),
                                       column_text (statement, 6), column_text (statement, 7));
  heard_withholding_set_saved (withholding, sqlite3_column_int64 (statement, 0),
                               sqlite3_column_int64 (statement, 1), column_text (statement, 8),
                               column_text (statement, 9));
  g_ptr_array_add (data, withholding);
}

static gboolean
insert_withholding (sqlite3           *db,
                    gint64             person_id,
                    gint64             export_audit_id,
                    HeardWithholding  *withholding,
                    GError           **error)
{
  const char *what = heard_codesign_to_code (HEARD_TYPE_WITHHELD_KIND,
                                             heard_withholding_get_what (withholding));
  const char *exemption = heard_codesign_to_code (HEARD_TYPE_EXEMPTION,
                                                  heard_withholding_get_exemption (withholding));
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *at = NULL;

  detail = g_strdup_printf ("from export %" G_GINT64_FORMAT ": %s %" G_GINT64_FORMAT
                            " under %s", export_audit_id, what,
                            heard_withholding_get_record_id (withholding), exemption);
  if (!audit (db, "withheld", "person", person_id, detail, &actor, &at, error))
    return FALSE;

  statement = _heard_store_prepare (db, "INSERT INTO withholding (person_id, export_audit_id,"
                                        " what, record_id, item, exemption, reason, decided_by,"
                                        " saved_by, saved_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                                        " ?7, ?8, ?9, ?10)", error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, person_id);
  sqlite3_bind_int64 (statement, 2, export_audit_id);
  _heard_store_bind_text (statement, 3, what);
  sqlite3_bind_int64 (statement, 4, heard_withholding_get_record_id (withholding));
  _heard_store_bind_text (statement, 5, heard_withholding_get_item (withholding));
  _heard_store_bind_text (statement, 6, exemption);
  _heard_store_bind_text (statement, 7, heard_withholding_get_reason (withholding));
  _heard_store_bind_text (statement, 8, heard_withholding_get_decided_by (withholding));
  _heard_store_bind_text (statement, 9, actor);
  _heard_store_bind_text (statement, 10, at);

  return _heard_store_step_done (db, statement, error);
}

static gboolean
withholdings_write (sqlite3            *db,
                    gpointer            data,
                    HeardStoreWritten  *written,
                    GError            **error)
{
  WithholdingRequest *request = data;
  gint64 owner;

  if (!query_number (db, "SELECT target_id FROM audit WHERE id = ?1 AND action = 'exported'"
                         " AND target_kind = 'person'",
                     &request->export_audit_id, 1, &owner, error))
    return FALSE;
  if (owner < 0 || owner != request->person_id)
    return fail (error, HEARD_STORE_ERROR_NOT_FOUND,
                 _("This export of their records could not be found, so nothing was "
                   "saved."));

  for (guint i = 0; i < request->withholdings->len; i++)
    {
      HeardWithholding *withholding = g_ptr_array_index (request->withholdings, i);

      if (!heard_withholding_check (withholding, error) ||
          !insert_withholding (db, request->person_id, request->export_audit_id, withholding,
                               error))
        return FALSE;
    }

  written->id = 1;
  written->record_id = request->person_id;
  return TRUE;
}

static gpointer
list_withholdings_work (sqlite3  *db,
                        gpointer  data,
                        GError  **error)
{
  return _heard_store_list_objects (db, WITHHOLDING_COLUMNS
                                    " WHERE export_audit_id = ?1 ORDER BY id",
                                    *(gint64 *) data, NULL, add_withholding_cb, error);
}

/* vfuncs: the database thread gets its own copy of each record, so the
 * caller's stays theirs. */

static void
record_own_words_async (HeardStore          *self,
                        HeardOwnWords       *words,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  HeardOwnWords *copy = heard_own_words_new (heard_own_words_get_person_id (words),
                                             heard_own_words_get_plan_id (words),
                                             heard_own_words_get_area (words),
                                             heard_own_words_get_part (words),
                                             heard_own_words_get_words (words));

  _heard_store_write_async (self, HEARD_RECORD_KIND_CODESIGN, own_words_write, copy,
                            g_object_unref, heard_store_record_own_words_async, cancellable,
                            callback, user_data);
}

static void
list_own_words_async (HeardStore          *self,
                      gint64               person_id,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  _heard_store_run_async (self, list_own_words_work, _heard_store_dup_id (person_id), g_free,
                          (GDestroyNotify) g_ptr_array_unref, heard_store_list_own_words_async,
                          cancellable, callback, user_data);
}

static void
record_plan_say_async (HeardStore          *self,
                       HeardPlanSay        *say,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  HeardPlanSay *copy = heard_plan_say_new (heard_plan_say_get_plan_id (say),
                                           heard_plan_say_get_kind (say),
                                           heard_plan_say_get_words (say));

  _heard_store_write_async (self, HEARD_RECORD_KIND_CODESIGN, plan_say_write, copy,
                            g_object_unref, heard_store_record_plan_say_async, cancellable,
                            callback, user_data);
}

static void
list_plan_says_async (HeardStore          *self,
                      gint64               person_id,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  _heard_store_run_async (self, list_plan_says_work, _heard_store_dup_id (person_id), g_free,
                          (GDestroyNotify) g_ptr_array_unref, heard_store_list_plan_says_async,
                          cancellable, callback, user_data);
}

static void
set_for_them_async (HeardStore          *self,
                    HeardForThemMark    *mark,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  HeardForThemMark *copy = heard_for_them_mark_new (heard_for_them_mark_get_person_id (mark),
                                                    heard_for_them_mark_get_what (mark),
                                                    heard_for_them_mark_get_record_id (mark),
                                                    heard_for_them_mark_get_for_them (mark),
                                                    heard_for_them_mark_get_reason (mark));

  _heard_store_write_async (self, HEARD_RECORD_KIND_CODESIGN, for_them_write, copy,
                            g_object_unref, heard_store_set_for_them_async, cancellable,
                            callback, user_data);
}

static void
list_for_them_marks_async (HeardStore          *self,
                           gint64               person_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  _heard_store_run_async (self, list_marks_work, _heard_store_dup_id (person_id), g_free,
                          (GDestroyNotify) g_ptr_array_unref,
                          heard_store_list_for_them_marks_async, cancellable, callback,
                          user_data);
}

static void
record_withholdings_async (HeardStore          *self,
                           gint64               person_id,
                           gint64               export_audit_id,
                           GPtrArray           *withholdings,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  WithholdingRequest *request = g_new0 (WithholdingRequest, 1);

  request->person_id = person_id;
  request->export_audit_id = export_audit_id;
  request->withholdings = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < withholdings->len; i++)
    {
      HeardWithholding *each = g_ptr_array_index (withholdings, i);

      g_ptr_array_add (request->withholdings,
                       heard_withholding_new (heard_withholding_get_what (each),
                                              heard_withholding_get_record_id (each),
                                              heard_withholding_get_item (each),
                                              heard_withholding_get_exemption (each),
                                              heard_withholding_get_reason (each),
                                              heard_withholding_get_decided_by (each)));
    }
  _heard_store_write_async (self, HEARD_RECORD_KIND_CODESIGN, withholdings_write, request,
                            (GDestroyNotify) withholding_request_free,
                            heard_store_record_withholdings_async, cancellable, callback,
                            user_data);
}

static void
list_withholdings_async (HeardStore          *self,
                         gint64               export_audit_id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  _heard_store_run_async (self, list_withholdings_work, _heard_store_dup_id (export_audit_id),
                          g_free, (GDestroyNotify) g_ptr_array_unref,
                          heard_store_list_withholdings_async, cancellable, callback, user_data);
}

void
_heard_sqlite_store_init_codesign (HeardStoreClass *klass)
{
  klass->record_own_words_async = record_own_words_async;
  klass->list_own_words_async = list_own_words_async;
  klass->record_plan_say_async = record_plan_say_async;
  klass->list_plan_says_async = list_plan_says_async;
  klass->set_for_them_async = set_for_them_async;
  klass->list_for_them_marks_async = list_for_them_marks_async;
  klass->record_withholdings_async = record_withholdings_async;
  klass->list_withholdings_async = list_withholdings_async;
}

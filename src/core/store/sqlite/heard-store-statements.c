/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "heard-audit-private.h"
#include "heard-date.h"
#include "heard-plan-action.h"
#include "heard-plan-rules.h"
#include "heard-search.h"
#include "heard-store-statements-private.h"
#include "heard-store-util.h"

/* Columns after the text fields of a version, in SELECT order. */
enum {
  COLUMN_STATEMENT_ID = HEARD_STATEMENT_N_TEXTS,
  COLUMN_PERSON_ID,
  COLUMN_VERSION,
  COLUMN_GIVEN_HOW,
  COLUMN_READ_BACK,
  COLUMN_SENSITIVE,
  COLUMN_SAVED_BY,
  COLUMN_SAVED_AT,
};

#define VERSION_COLUMNS_AFTER_TEXTS \
  "statement_id, person_id, version, given_how, read_back, sensitive, saved_by, saved_at"

/* The newest version of each statement: join statement_version on this. */
#define NEWEST_VERSION \
  "version = (SELECT max (version) FROM statement_version AS newer" \
  "           WHERE newer.statement_id = statement.id)"

/* A statement still waits while none of its answers has been told to them. */
#define OUTSTANDING \
  "NOT EXISTS (SELECT 1 FROM statement_response AS r" \
  "            WHERE r.statement_id = statement.id AND r.told_on <> '')"

/* What the closure check and the caseload list about waiting statements:
 * every statement where %s holds, waiting or not (the last column), read
 * once in the order of each young person's days, so that which of its
 * day's statements each one is can be counted as they come. The first
 * version is looked up again only for amended statements. */
#define OUTSTANDING_ITEMS_SQL \
  "SELECT person.id, person.display_name, given_on, statement.id," \
  "  EXISTS (SELECT 1 FROM statement_response AS r WHERE r.statement_id = statement.id)," \
  "  CAST (julianday (?2) - julianday (substr (" \
  "    CASE WHEN statement_version.version = 1 THEN statement_version.saved_at" \
  "    ELSE (SELECT saved_at FROM statement_version AS first" \
  "          WHERE first.statement_id = statement.id AND first.version = 1) END," \
  "    1, 10)) AS INTEGER)," \
  "  given_time, " OUTSTANDING \
  " FROM statement JOIN person ON person.id = statement.person_id" \
  " JOIN statement_version ON statement_version.statement_id = statement.id" \
  " WHERE " NEWEST_VERSION " AND %s" \
  " ORDER BY statement.person_id, given_on, statement.id"

typedef struct
{
  gint64  id;
  char   *text;
} IdAndText;

static void
id_and_text_free (IdAndText *request)
{
  g_free (request->text);
  g_free (request);
}

/* A change of a statement's consent, as typed. */
typedef struct
{
  gint64  statement_id;
  char   *ends_on;
  char   *withdrawn_on;
} ConsentChange;

static void
consent_change_free (ConsentChange *change)
{
  g_free (change->ends_on);
  g_free (change->withdrawn_on);
  g_free (change);
}

/* "SELECT <text columns>, <the rest> <from>": one version per row. */
static char *
versions_sql (const char *from)
{
  g_autofree char *columns = heard_statement_text_columns ("");

  return g_strdup_printf ("SELECT %s, " VERSION_COLUMNS_AFTER_TEXTS " %s", columns, from);
}

static void
add_version_cb (sqlite3_stmt *statement,
                gpointer      data)
{
  GPtrArray *versions = data;
  HeardStatement *version = heard_statement_new ();
  HeardGivenHow how = HEARD_GIVEN_SPOKEN;
  HeardReadBack read_back = HEARD_READ_BACK_NOT_YET;

  for (guint i = 0; i < HEARD_STATEMENT_N_TEXTS; i++)
    heard_statement_set_text (version, i, (const char *) sqlite3_column_text (statement, i));
  heard_statement_set_id (version, sqlite3_column_int64 (statement, COLUMN_STATEMENT_ID));
  heard_statement_set_person_id (version, sqlite3_column_int64 (statement, COLUMN_PERSON_ID));
  heard_statement_set_version (version, (guint) sqlite3_column_int (statement, COLUMN_VERSION));
  /* The table's CHECKs allow only known codes, so the defaults stay unused. */
  heard_given_how_from_code ((const char *) sqlite3_column_text (statement, COLUMN_GIVEN_HOW),
                             &how);
  heard_read_back_from_code ((const char *) sqlite3_column_text (statement, COLUMN_READ_BACK),
                             &read_back);
  heard_statement_set_given_how (version, how);
  heard_statement_set_read_back (version, read_back);
  heard_statement_set_sensitive (version, sqlite3_column_int (statement, COLUMN_SENSITIVE));
  heard_statement_set_saved (version,
                             (const char *) sqlite3_column_text (statement, COLUMN_SAVED_BY),
                             (const char *) sqlite3_column_text (statement, COLUMN_SAVED_AT));

  g_ptr_array_add (versions, version);
}

/* Runs @sql, with @id as ?1 and @text as ?2, and gathers what @add makes of
 * each row into a new array that frees them with @free_item; or NULL with
 * @error set. */
static GPtrArray *
collect_rows (sqlite3            *db,
              const char         *sql,
              gint64              id,
              const char         *text,
              HeardStoreRowFunc   add,
              GDestroyNotify      free_item,
              GError            **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_item);

  if (!_heard_store_each_row (db, sql, id, text, add, rows, error))
    return NULL;

  return g_steal_pointer (&rows);
}

/* The versions that versions_sql (@from) finds with @id as ?1. */
static GPtrArray *
load_versions (sqlite3     *db,
               const char  *from,
               gint64       id,
               GError     **error)
{
  g_autofree char *sql = versions_sql (from);

  return collect_rows (db, sql, id, NULL, add_version_cb, g_object_unref, error);
}

/* Audits a change inside its transaction, and hands back the audit row's
 * actor and time, which the change then keeps as its own "who and when". */
static gboolean
audit_change (sqlite3     *db,
              const char  *action,
              gint64       statement_id,
              const char  *detail,
              char       **actor,
              char       **at,
              GError     **error)
{
  if (!_heard_audit_append (db, NULL, action, "statement", statement_id, detail, error))
    return FALSE;

  return actor == NULL || _heard_audit_read_newest (db, actor, at, error);
}

static void
note_found_cb (sqlite3_stmt *statement,
               gpointer      data)
{
  *(gboolean *) data = TRUE;
}

/* Fails with NOT_FOUND and @message unless @sql, with @id as ?1, finds a row. */
static gboolean
check_exists (sqlite3     *db,
              const char  *sql,
              gint64       id,
              const char  *message,
              GError     **error)
{
  gboolean found = FALSE;

  if (!_heard_store_each_row (db, sql, id, NULL, note_found_cb, &found, error))
    return FALSE;

  if (!found)
    g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND, message);
  return found;
}

static gboolean
insert_version (sqlite3         *db,
                HeardStatement  *version,
                const char      *saved_by,
                const char      *saved_at,
                GError         **error)
{
  const int n = HEARD_STATEMENT_N_TEXTS;
  g_autofree char *columns = heard_statement_text_columns ("");
  /* One mark per text, then statement, version, how, read back, sensitive, who, when. */
  g_autofree char *marks = _heard_store_placeholders (1, n + 7);
  g_autofree char *sql = NULL;
  g_autofree char *given_on = NULL;
  g_autoptr(sqlite3_stmt) statement = NULL;

  sql = g_strdup_printf ("INSERT INTO statement_version (%s, statement_id, version, given_how,"
                         " read_back, sensitive, saved_by, saved_at) VALUES (%s)",
                         columns, marks);
  statement = _heard_store_prepare (db, sql, error);
  if (statement == NULL)
    return FALSE;

  given_on = heard_normalize_date (heard_statement_get_text (version, HEARD_STATEMENT_GIVEN_ON));
  for (int i = 0; i < n; i++)
    _heard_store_bind_text (statement, i + 1, i == HEARD_STATEMENT_GIVEN_ON
                                              ? given_on : heard_statement_get_text (version, i));
  sqlite3_bind_int64 (statement, n + 1, heard_statement_get_id (version));
  sqlite3_bind_int (statement, n + 2, (int) heard_statement_get_version (version));
  _heard_store_bind_text (statement, n + 3,
                          heard_given_how_to_code (heard_statement_get_given_how (version)));
  _heard_store_bind_text (statement, n + 4,
                          heard_read_back_to_code (heard_statement_get_read_back (version)));
  sqlite3_bind_int (statement, n + 5, heard_statement_get_sensitive (version));
  _heard_store_bind_text (statement, n + 6, saved_by);
  _heard_store_bind_text (statement, n + 7, saved_at);

  return _heard_store_step_done (db, statement, error);
}

/* A day as typed, kept as YYYY-MM-DD; "" stays "". Checked before. */
static char *
normalize_day (const char *typed)
{
  char *day = *typed != '\0' ? heard_normalize_date (typed) : NULL;

  return day != NULL ? day : g_strdup ("");
}

/* Adds a consent row: the statement's consent from now on. */
static gboolean
insert_consent (sqlite3     *db,
                gint64       statement_id,
                const char  *ends_on,
                const char  *withdrawn_on,
                const char  *saved_by,
                const char  *saved_at,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;

  insert = _heard_store_prepare (db, "INSERT INTO statement_consent"
                                     " (statement_id, ends_on, withdrawn_on, saved_by, saved_at)"
                                     " VALUES (?, ?, ?, ?, ?)", error);
  if (insert == NULL)
    return FALSE;

  sqlite3_bind_int64 (insert, 1, statement_id);
  _heard_store_bind_text (insert, 2, ends_on);
  _heard_store_bind_text (insert, 3, withdrawn_on);
  _heard_store_bind_text (insert, 4, saved_by);
  _heard_store_bind_text (insert, 5, saved_at);

  return _heard_store_step_done (db, insert, error);
}

static gboolean
record_write (sqlite3            *db,
              gpointer            data,
              HeardStoreWritten  *written,
              GError            **error)
{
  HeardStatement *draft = data;
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *at = NULL;
  g_autofree char *ends_on = NULL;
  g_autofree char *detail = NULL;

  if (!heard_statement_validate (draft, error) ||
      !heard_statement_check_consent (draft, heard_statement_get_consent_ends_on (draft), "",
                                      error))
    return FALSE;

  statement = _heard_store_prepare (db, "INSERT INTO statement (person_id) VALUES (?)", error);
  if (statement == NULL ||
      !check_exists (db, "SELECT 1 FROM person WHERE id = ?", heard_statement_get_person_id (draft),
                     _("This young person's record could not be found, so their words were "
                       "not saved."), error))
    return FALSE;

  sqlite3_bind_int64 (statement, 1, heard_statement_get_person_id (draft));
  if (!_heard_store_step_done (db, statement, error))
    return FALSE;

  written->id = sqlite3_last_insert_rowid (db);
  heard_statement_set_id (draft, written->id);
  heard_statement_set_version (draft, 1);
  heard_statement_set_text (draft, HEARD_STATEMENT_REASON, "");

  /* Consent with an end starts the statement's consent rows; without
   * one, no row says "until they say otherwise", as it always has. */
  ends_on = normalize_day (heard_statement_get_consent_ends_on (draft));
  if (*ends_on == '\0')
    return audit_change (db, "recorded", written->id, "their words, as they gave them", &actor,
                         &at, error) &&
           insert_version (db, draft, actor, at, error);

  detail = g_strdup_printf ("their words, as they gave them; consent until %s", ends_on);
  return audit_change (db, "recorded", written->id, detail, &actor, &at, error) &&
         insert_version (db, draft, actor, at, error) &&
         insert_consent (db, written->id, ends_on, "", actor, at, error);
}

static gboolean
amend_write (sqlite3            *db,
             gpointer            data,
             HeardStoreWritten  *written,
             GError            **error)
{
  HeardStatement *amended = data;
  gint64 id = heard_statement_get_id (amended);
  g_autoptr(GPtrArray) newest = NULL;
  g_auto(GStrv) changes = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *at = NULL;
  HeardStatement *current;

  newest = load_versions (db, "FROM statement JOIN statement_version ON statement_id = statement.id"
                              " WHERE statement.id = ?1 AND " NEWEST_VERSION, id, error);
  if (newest == NULL)
    return FALSE;

  if (newest->len == 0)
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND,
                           _("This statement could not be found, so the amendment was not "
                             "saved."));
      return FALSE;
    }

  current = g_ptr_array_index (newest, 0);
  if (heard_statement_get_version (current) != heard_statement_get_version (amended))
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID,
                           _("Someone amended this statement while you were writing, so "
                             "yours was not saved over theirs. What you typed is still here: "
                             "copy it, close this window and amend the newest version."));
      return FALSE;
    }

  if (!heard_statement_validate_amendment (amended, current, error))
    return FALSE;

  /* It finishes with the new version number; the statement is what changed. */
  written->id = heard_statement_get_version (current) + 1;
  written->record_id = id;
  heard_statement_set_version (amended, (guint) written->id);
  changes = heard_statement_list_changes (amended, current);
  joined = g_strjoinv (", ", changes);
  detail = g_strdup_printf ("version %" G_GINT64_FORMAT ", changing %s", written->id, joined);

  return audit_change (db, "amended", id, detail, &actor, &at, error) &&
         insert_version (db, amended, actor, at, error);
}

static gboolean
link_actions (sqlite3                 *db,
              HeardStatementResponse  *response,
              GError                 **error)
{
  GArray *action_ids = heard_statement_response_get_action_ids (response);
  g_autofree char *check_sql = NULL;
  g_autoptr(sqlite3_stmt) check = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (action_ids->len == 0)
    return TRUE;

  /* Only an action in the same young person's signed-off plan can carry
   * the answer: a draft's actions may still be taken out. */
  check_sql = g_strdup_printf ("SELECT 1 FROM plan_action AS a JOIN plan ON plan.id = a.plan_id"
                               " JOIN statement ON statement.person_id = plan.person_id"
                               " WHERE a.id = ? AND statement.id = ? AND plan.state = %d",
                               HEARD_PLAN_STATE_ACTIVE);
  check = _heard_store_prepare (db, check_sql, error);
  insert = _heard_store_prepare (db, "INSERT INTO statement_response_action"
                                     " (response_id, action_id) VALUES (?, ?)", error);
  if (check == NULL || insert == NULL)
    return FALSE;

  for (guint i = 0; i < action_ids->len; i++)
    {
      gint64 action_id = g_array_index (action_ids, gint64, i);

      sqlite3_reset (check);
      sqlite3_bind_int64 (check, 1, action_id);
      sqlite3_bind_int64 (check, 2, heard_statement_response_get_statement_id (response));
      if (sqlite3_step (check) != SQLITE_ROW)
        {
          g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND,
                               _("One of the plan actions could not be found in this young "
                                 "person's signed-off plan, so the answer was not saved."));
          return FALSE;
        }

      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, heard_statement_response_get_id (response));
      sqlite3_bind_int64 (insert, 2, action_id);
      if (!_heard_store_step_done (db, insert, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
answer_write (sqlite3            *db,
              gpointer            data,
              HeardStoreWritten  *written,
              GError            **error)
{
  HeardStatementResponse *response = data;
  gint64 statement_id = heard_statement_response_get_statement_id (response);
  const char *told_on = heard_statement_response_get_told_on (response);
  g_autofree char *told_day = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *at = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (!heard_statement_response_validate (response, error))
    return FALSE;

  told_day = *told_on != '\0' ? heard_normalize_date (told_on) : g_strdup ("");
  detail = g_strdup_printf ("what was done, linked to %u plan actions; %s",
                            heard_statement_response_get_action_ids (response)->len,
                            *told_day != '\0' ? "they were told" : "not told yet");
  insert = _heard_store_prepare (db, "INSERT INTO statement_response"
                                     " (statement_id, what_we_did, told_on, saved_by, saved_at)"
                                     " VALUES (?, ?, ?, ?, ?)", error);
  if (insert == NULL ||
      !check_exists (db, "SELECT 1 FROM statement WHERE id = ?", statement_id,
                     _("This statement could not be found, so the answer was not saved."),
                     error) ||
      !audit_change (db, "answered", statement_id, detail, &actor, &at, error))
    return FALSE;

  sqlite3_bind_int64 (insert, 1, statement_id);
  _heard_store_bind_text (insert, 2, heard_statement_response_get_what_we_did (response));
  _heard_store_bind_text (insert, 3, told_day);
  _heard_store_bind_text (insert, 4, actor);
  _heard_store_bind_text (insert, 5, at);
  if (!_heard_store_step_done (db, insert, error))
    return FALSE;

  written->id = sqlite3_last_insert_rowid (db);
  written->record_id = statement_id;
  heard_statement_response_set_id (response, written->id);

  return link_actions (db, response, error);
}

static gboolean
mark_told_write (sqlite3            *db,
                 gpointer            data,
                 HeardStoreWritten  *written,
                 GError            **error)
{
  IdAndText *request = data;
  g_autofree char *told_on = heard_normalize_date (request->text);
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;

  if (!heard_check_date (request->text, HEARD_DATE_KIND_TOLD, error))
    return FALSE;

  find = _heard_store_prepare (db, "SELECT statement_id FROM statement_response"
                                   " WHERE id = ? AND told_on = ''", error);
  update = _heard_store_prepare (db, "UPDATE statement_response SET told_on = ? WHERE id = ?",
                                 error);
  if (find == NULL || update == NULL)
    return FALSE;

  sqlite3_bind_int64 (find, 1, request->id);
  if (sqlite3_step (find) != SQLITE_ROW)
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND,
                           _("This answer could not be found, or they have already been "
                             "told about it. Nothing was changed."));
      return FALSE;
    }

  written->id = request->id;
  written->record_id = sqlite3_column_int64 (find, 0);
  _heard_store_bind_text (update, 1, told_on);
  sqlite3_bind_int64 (update, 2, request->id);

  return _heard_store_step_done (db, update, error) &&
         audit_change (db, "told", sqlite3_column_int64 (find, 0),
                       "the young person was told what was done", NULL, NULL, error);
}

/* A consent row's end and withdrawal, the first two columns, into @data. */
static void
read_consent_cb (sqlite3_stmt *statement,
                 gpointer      data)
{
  HeardStatement *current = data;

  heard_statement_set_consent_ends_on (current, (const char *) sqlite3_column_text (statement, 0));
  heard_statement_set_consent_withdrawn_on (current,
                                            (const char *) sqlite3_column_text (statement, 1));
}

/* "until they say otherwise", "until 2027-03-03", "withdrawn on
 * 2027-03-05": the audit's words for a consent, never translated. */
static char *
describe_consent (const char *ends_on,
                  const char *withdrawn_on)
{
  if (*withdrawn_on != '\0')
    return g_strdup_printf ("withdrawn on %s", withdrawn_on);
  if (*ends_on != '\0')
    return g_strdup_printf ("until %s", ends_on);

  return g_strdup ("until they say otherwise");
}

static gboolean
consent_write (sqlite3            *db,
               gpointer            data,
               HeardStoreWritten  *written,
               GError            **error)
{
  ConsentChange *change = data;
  g_autoptr(GPtrArray) newest = NULL;
  g_autofree char *ends_on = NULL;
  g_autofree char *withdrawn_on = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *at = NULL;
  HeardStatement *current;
  gboolean withdrawing;

  newest = load_versions (db, "FROM statement JOIN statement_version ON statement_id = statement.id"
                              " WHERE statement.id = ?1 AND " NEWEST_VERSION,
                          change->statement_id, error);
  if (newest == NULL)
    return FALSE;

  if (newest->len == 0)
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND,
                           _("This statement could not be found, so its consent was not "
                             "changed."));
      return FALSE;
    }

  current = g_ptr_array_index (newest, 0);
  if (!_heard_store_each_row (db, "SELECT ends_on, withdrawn_on FROM statement_consent"
                                  " WHERE statement_id = ?1 ORDER BY id DESC LIMIT 1",
                              change->statement_id, NULL, read_consent_cb, current, error) ||
      !heard_statement_check_consent (current, change->ends_on, change->withdrawn_on, error))
    return FALSE;

  ends_on = normalize_day (change->ends_on);
  withdrawn_on = normalize_day (change->withdrawn_on);
  before = describe_consent (heard_statement_get_consent_ends_on (current),
                             heard_statement_get_consent_withdrawn_on (current));
  after = describe_consent (ends_on, withdrawn_on);
  if (g_str_equal (before, after))
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID,
                           _("Their consent already stands like this, so nothing was "
                             "changed."));
      return FALSE;
    }

  withdrawing = *withdrawn_on != '\0' &&
                *heard_statement_get_consent_withdrawn_on (current) == '\0';
  detail = g_strdup_printf ("%s, was %s", after, before);
  if (!audit_change (db, withdrawing ? "consent withdrawn" : "consent changed",
                     change->statement_id, detail, &actor, &at, error) ||
      !insert_consent (db, change->statement_id, ends_on, withdrawn_on, actor, at, error))
    return FALSE;

  written->id = sqlite3_last_insert_rowid (db);
  written->record_id = change->statement_id;
  return TRUE;
}

static gboolean
note_read_write (sqlite3            *db,
                 gpointer            data,
                 HeardStoreWritten  *written,
                 GError            **error)
{
  written->id = *(gint64 *) data;
  /* Nobody's view of the records changes: views are not told. */
  written->audit_only = TRUE;

  return check_exists (db, "SELECT 1 FROM statement WHERE id = ?", written->id,
                       _("This statement could not be found."), error) &&
         audit_change (db, "read", written->id, "chose to read a sensitive statement", NULL, NULL,
                       error);
}

static gpointer
history_work (sqlite3  *db,
              gpointer  data,
              GError  **error)
{
  return load_versions (db, "FROM statement_version JOIN statement ON statement.id = statement_id"
                            " WHERE statement_id = ?1 ORDER BY version", *(gint64 *) data,
                        error);
}

typedef struct
{
  /* Response id to response, and statement id to its responses in order. */
  GHashTable *by_id;
  GHashTable *by_statement;
} Answers;

static void
add_response_cb (sqlite3_stmt *statement,
                 gpointer      data)
{
  Answers *answers = data;
  HeardStatementResponse *response = heard_statement_response_new ();
  gint64 statement_id = sqlite3_column_int64 (statement, 1);
  GPtrArray *list = g_hash_table_lookup (answers->by_statement, &statement_id);

  heard_statement_response_set_id (response, sqlite3_column_int64 (statement, 0));
  heard_statement_response_set_statement_id (response, statement_id);
  heard_statement_response_set_what_we_did (response,
                                            (const char *) sqlite3_column_text (statement, 2));
  heard_statement_response_set_told_on (response,
                                        (const char *) sqlite3_column_text (statement, 3));
  heard_statement_response_set_saved (response, (const char *) sqlite3_column_text (statement, 4),
                                      (const char *) sqlite3_column_text (statement, 5));

  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (answers->by_statement, _heard_store_dup_id (statement_id), list);
    }
  g_ptr_array_add (list, response);
  g_hash_table_insert (answers->by_id,
                       _heard_store_dup_id (heard_statement_response_get_id (response)), response);
}

static void
add_link_cb (sqlite3_stmt *statement,
             gpointer      data)
{
  Answers *answers = data;
  gint64 response_id = sqlite3_column_int64 (statement, 0);
  HeardStatementResponse *response = g_hash_table_lookup (answers->by_id, &response_id);

  if (response != NULL)
    heard_statement_response_add_action (response, sqlite3_column_int64 (statement, 1),
                                         (const char *) sqlite3_column_text (statement, 2));
}

/* Gives each of one young person's @statements its answers, oldest first,
 * with the plan actions they link to. */
static gboolean
attach_responses (sqlite3    *db,
                  gint64      person_id,
                  GPtrArray  *statements,
                  GError    **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       NULL);
  g_autoptr(GHashTable) by_statement = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                              g_free,
                                                              (GDestroyNotify) g_ptr_array_unref);
  Answers answers = { by_id, by_statement };

  if (!_heard_store_each_row (db, "SELECT r.id, r.statement_id, r.what_we_did, r.told_on,"
                                  " r.saved_by, r.saved_at FROM statement_response AS r"
                                  " JOIN statement ON statement.id = r.statement_id"
                                  " WHERE statement.person_id = ?1 ORDER BY r.id",
                              person_id, NULL, add_response_cb, &answers, error) ||
      !_heard_store_each_row (db, "SELECT l.response_id, a.id, a.what"
                                  " FROM statement_response_action AS l"
                                  " JOIN plan_action AS a ON a.id = l.action_id"
                                  " JOIN statement_response AS r ON r.id = l.response_id"
                                  " JOIN statement ON statement.id = r.statement_id"
                                  " WHERE statement.person_id = ?1 ORDER BY a.id",
                              person_id, NULL, add_link_cb, &answers, error))
    return FALSE;

  for (guint i = 0; i < statements->len; i++)
    {
      HeardStatement *current = g_ptr_array_index (statements, i);
      gint64 id = heard_statement_get_id (current);
      GPtrArray *list = g_hash_table_lookup (by_statement, &id);

      if (list != NULL)
        heard_statement_set_responses (current, list);
    }

  return TRUE;
}

static void
attach_consent_cb (sqlite3_stmt *statement,
                   gpointer      data)
{
  gint64 id = sqlite3_column_int64 (statement, 2);
  HeardStatement *current = g_hash_table_lookup (data, &id);

  if (current != NULL)
    read_consent_cb (statement, current);
}

/* Gives each of one young person's @statements its consent as it stands:
 * the newest consent row of each, read in one query. */
static gboolean
attach_consent (sqlite3    *db,
                gint64      person_id,
                GPtrArray  *statements,
                GError    **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < statements->len; i++)
    {
      HeardStatement *current = g_ptr_array_index (statements, i);

      g_hash_table_insert (by_id, _heard_store_dup_id (heard_statement_get_id (current)),
                           current);
    }

  return _heard_store_each_row (db, "SELECT c.ends_on, c.withdrawn_on, c.statement_id"
                                    " FROM statement_consent AS c"
                                    " JOIN statement ON statement.id = c.statement_id"
                                    " WHERE statement.person_id = ?1"
                                    " AND c.id = (SELECT max (id) FROM statement_consent AS newer"
                                    "             WHERE newer.statement_id = c.statement_id)",
                                person_id, NULL, attach_consent_cb, by_id, error);
}

static gpointer
list_work (sqlite3  *db,
           gpointer  data,
           GError  **error)
{
  gint64 person_id = *(gint64 *) data;
  g_autoptr(GPtrArray) statements = NULL;

  statements = load_versions (db, "FROM statement JOIN statement_version"
                                  " ON statement_id = statement.id"
                                  " WHERE person_id = ?1 AND " NEWEST_VERSION
                                  " ORDER BY given_on DESC, given_time DESC, statement.id DESC",
                              person_id, error);
  if (statements == NULL || !attach_responses (db, person_id, statements, error) ||
      !attach_consent (db, person_id, statements, error))
    return NULL;

  return g_steal_pointer (&statements);
}

static void
add_action_cb (sqlite3_stmt *statement,
               gpointer      data)
{
  GPtrArray *actions = data;
  HeardPlanAction *action = heard_plan_action_new (sqlite3_column_int64 (statement, 1),
                                                   sqlite3_column_int64 (statement, 2));

  heard_plan_action_set_id (action, sqlite3_column_int64 (statement, 0));
  heard_plan_action_set_text (action, HEARD_ACTION_WHAT,
                              (const char *) sqlite3_column_text (statement, 3));
  heard_plan_action_set_status (action, CLAMP (sqlite3_column_int (statement, 4), 0,
                                               HEARD_ACTION_N_STATUSES - 1));
  g_ptr_array_add (actions, action);
}

static gpointer
linkable_actions_work (sqlite3  *db,
                       gpointer  data,
                       GError  **error)
{
  /* Only a signed-off plan's actions: they are never removed, so the link holds. */
  g_autofree char *sql = g_strdup_printf ("SELECT a.id, a.plan_id, a.area_id, a.what, a.status"
                                          " FROM plan_action AS a"
                                          " JOIN plan ON plan.id = a.plan_id"
                                          " WHERE plan.person_id = ?1 AND plan.state = %d"
                                          " ORDER BY a.id", HEARD_PLAN_STATE_ACTIVE);

  return collect_rows (db, sql, *(gint64 *) data, NULL, add_action_cb, g_object_unref, error);
}

/* Which columns an FTS4 offsets() list names: "column term offset size …". */
static HeardFoundIn
parse_found_in (const char *offsets)
{
  static const HeardFoundIn columns[] = {
    HEARD_FOUND_IN_WORDS, HEARD_FOUND_IN_CONTEXT, HEARD_FOUND_IN_THEIR_NOTE,
    HEARD_FOUND_IN_ANSWERS,
  };
  g_auto(GStrv) numbers = g_strsplit (offsets != NULL ? offsets : "", " ", -1);
  HeardFoundIn found = 0;

  /* Every fourth number, from the first, is a column. */
  for (guint i = 0; numbers[i] != NULL; i++)
    {
      guint64 column = g_ascii_strtoull (numbers[i], NULL, 10);

      if (i % 4 == 0 && column < G_N_ELEMENTS (columns))
        found |= columns[column];
    }

  return found;
}

static void
add_match_cb (sqlite3_stmt *statement,
              gpointer      data)
{
  GPtrArray *matches = data;

  g_ptr_array_add (matches,
                   heard_statement_match_new (sqlite3_column_int64 (statement, 0),
                                              sqlite3_column_int64 (statement, 1),
                                              (const char *) sqlite3_column_text (statement, 2),
                                              (const char *) sqlite3_column_text (statement, 3),
                                              sqlite3_column_int (statement, 4),
                                              (const char *) sqlite3_column_text (statement, 5),
                                              (const char *) sqlite3_column_text (statement, 6),
                                              parse_found_in ((const char *)
                                                              sqlite3_column_text (statement,
                                                                                   7))));
}

static gpointer
search_work (sqlite3  *db,
             gpointer  data,
             GError  **error)
{
  g_autofree char *sql = NULL;

  if (data == NULL)
    return NULL;

  /* One more than the limit, to tell whether there are more. */
  sql = g_strdup_printf (
    "SELECT statement.id, statement.person_id, person.display_name, given_on, sensitive,"
    "  content_note, snippet (statement_search, char (1), char (2), '…', -1, 16),"
    "  offsets (statement_search)"
    " FROM statement_search"
    " JOIN statement ON statement.id = statement_search.docid"
    " JOIN person ON person.id = statement.person_id"
    " JOIN statement_version ON statement_version.statement_id = statement.id"
    " WHERE statement_search MATCH ?2 AND person.removed_at IS NULL AND " NEWEST_VERSION
    " ORDER BY statement_search.docid DESC LIMIT %d", HEARD_STATEMENT_SEARCH_LIMIT + 1);

  return collect_rows (db, sql, 0, data, add_match_cb, g_object_unref, error);
}

/* A waiting statement, kept until the end of its day says how many
 * statements the young person gave that day; then its open item. */
typedef struct
{
  gint64         id;
  gint64         person_id;
  char          *name;
  char          *given_on;
  char          *given_time;
  gboolean       answered;
  int            waited;
  /* Which of its day's statements it is, from 0. */
  int            index;
  HeardOpenItem *item;
} Waiting;

static void
waiting_clear (Waiting *waiting)
{
  g_free (waiting->name);
  g_free (waiting->given_on);
  g_free (waiting->given_time);
  g_clear_object (&waiting->item);
}

typedef struct
{
  /* The day being read: its young person, its date, its statements so far. */
  gint64   person_id;
  char    *given_on;
  int      n_that_day;
  /* Waiting, in the order read; those from first_of_day on are the day's. */
  GArray  *waiting;
  guint    first_of_day;
} Outstanding;

static HeardOpenItem *
new_waiting_item (const Waiting *waiting,
                  int            of)
{
  g_autofree char *day = heard_date_describe_day_time (waiting->given_on, waiting->given_time);
  HeardUrgency urgency = HEARD_URGENCY_NONE;
  g_autofree char *summary = NULL;
  g_autofree char *detail = NULL;

  if (waiting->waited > HEARD_STATEMENT_ANSWER_DAYS)
    urgency = HEARD_URGENCY_OVERDUE;
  else if (waiting->waited > HEARD_STATEMENT_ANSWER_DUE_SOON_DAYS)
    urgency = HEARD_URGENCY_SOON;

  /* Two statements of one day read apart, even with no time given. */
  if (of > 1)
    {
      /* TRANSLATORS: a day, then which of that day's statements:
       * "3 May 2024 (statement 2 of 3 that day)" */
      g_autofree char *which = g_strdup_printf (_("%s (statement %d of %d that day)"), day,
                                                waiting->index + 1, of);

      g_free (day);
      day = g_steal_pointer (&which);
    }

  /* Never their words here: this list is seen away from any content note. */
  summary = g_strdup_printf (waiting->answered
                             /* TRANSLATORS: %s is a date, e.g. "3 May 2024" */
                             ? _("What they said on %s was answered, but they have not "
                                 "been told")
                             : _("What they said on %s is waiting for an answer"), day);
  detail = waiting->waited <= 0
           ? g_strdup (_("Recorded today"))
           : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Recorded %d day ago",
                                           "Recorded %d days ago", waiting->waited),
                              waiting->waited);

  return heard_open_item_new (waiting->person_id, waiting->name, "statements", urgency,
                              summary, detail);
}

/* The day read so far is over: its waiting statements become items. */
static void
end_day (Outstanding *outstanding)
{
  for (guint i = outstanding->first_of_day; i < outstanding->waiting->len; i++)
    {
      Waiting *waiting = &g_array_index (outstanding->waiting, Waiting, i);

      waiting->item = new_waiting_item (waiting, outstanding->n_that_day);
    }
  outstanding->first_of_day = outstanding->waiting->len;
  outstanding->n_that_day = 0;
}

static void
add_statement_cb (sqlite3_stmt *statement,
                  gpointer      data)
{
  Outstanding *outstanding = data;
  gint64 person_id = sqlite3_column_int64 (statement, 0);
  const char *given_on = (const char *) sqlite3_column_text (statement, 2);
  Waiting waiting = { 0 };

  if (person_id != outstanding->person_id || g_strcmp0 (given_on, outstanding->given_on) != 0)
    {
      end_day (outstanding);
      outstanding->person_id = person_id;
      g_free (outstanding->given_on);
      outstanding->given_on = g_strdup (given_on);
    }

  waiting.index = outstanding->n_that_day++;
  if (!sqlite3_column_int (statement, 7))
    return;

  waiting.id = sqlite3_column_int64 (statement, 3);
  waiting.person_id = person_id;
  waiting.name = g_strdup ((const char *) sqlite3_column_text (statement, 1));
  waiting.given_on = g_strdup (given_on);
  waiting.given_time = g_strdup ((const char *) sqlite3_column_text (statement, 6));
  waiting.answered = sqlite3_column_int (statement, 4);
  waiting.waited = sqlite3_column_int (statement, 5);
  g_array_append_val (outstanding->waiting, waiting);
}

/* Oldest day first, then in the order they were recorded. */
static int
compare_waiting (gconstpointer a,
                 gconstpointer b)
{
  const Waiting *x = a;
  const Waiting *y = b;
  int by_day = strcmp (x->given_on, y->given_on);

  return by_day != 0 ? by_day : (x->id > y->id) - (x->id < y->id);
}

/* Every statement waiting where @where holds (?1 is @person_id), as open items. */
static GPtrArray *
gather_outstanding (sqlite3      *db,
                    const char   *where,
                    gint64        person_id,
                    const GDate  *today,
                    GError      **error)
{
  g_autofree char *sql = g_strdup_printf (OUTSTANDING_ITEMS_SQL, where);
  g_autofree char *day = heard_date_to_iso (today);
  g_autoptr(GArray) waiting = g_array_new (FALSE, FALSE, sizeof (Waiting));
  Outstanding outstanding = { 0, NULL, 0, waiting, 0 };
  GPtrArray *items;
  gboolean read;

  g_array_set_clear_func (waiting, (GDestroyNotify) waiting_clear);
  read = _heard_store_each_row (db, sql, person_id, day, add_statement_cb, &outstanding, error);
  end_day (&outstanding);
  g_free (outstanding.given_on);
  if (!read)
    return NULL;

  g_array_sort (waiting, compare_waiting);
  items = g_ptr_array_new_full (waiting->len, g_object_unref);
  for (guint i = 0; i < waiting->len; i++)
    g_ptr_array_add (items, g_steal_pointer (&g_array_index (waiting, Waiting, i).item));

  return items;
}

GPtrArray *
_heard_statement_open_items (sqlite3      *db,
                             gint64        person_id,
                             const GDate  *today,
                             GError      **error)
{
  return gather_outstanding (db, "person.id = ?1", person_id, today, error);
}

GPtrArray *
_heard_statement_outstanding (sqlite3      *db,
                              const GDate  *today,
                              GError      **error)
{
  return gather_outstanding (db, "person.removed_at IS NULL", 0, today, error);
}

static void
list_statements_async (HeardStore          *self,
                       gint64               person_id,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  _heard_store_run_async (self, list_work, _heard_store_dup_id (person_id), g_free,
                          (GDestroyNotify) g_ptr_array_unref, heard_store_list_statements_async,
                          cancellable, callback, user_data);
}

static void
list_statement_history_async (HeardStore          *self,
                              gint64               statement_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  _heard_store_run_async (self, history_work, _heard_store_dup_id (statement_id), g_free,
                          (GDestroyNotify) g_ptr_array_unref,
                          heard_store_list_statement_history_async, cancellable, callback,
                          user_data);
}

static void
record_statement_async (HeardStore          *self,
                        HeardStatement      *statement,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STATEMENT (statement));
  g_return_if_fail (heard_statement_get_id (statement) == 0);

  /* The database thread gets its own copy: @statement stays the caller's. */
  _heard_store_write_async (self, HEARD_RECORD_KIND_STATEMENT, record_write,
                            heard_statement_copy (statement), g_object_unref,
                            heard_store_record_statement_async, cancellable, callback, user_data);
}

static void
amend_statement_async (HeardStore          *self,
                       HeardStatement      *amended,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STATEMENT (amended));
  g_return_if_fail (heard_statement_get_id (amended) != 0);

  _heard_store_write_async (self, HEARD_RECORD_KIND_STATEMENT, amend_write,
                            heard_statement_copy (amended), g_object_unref,
                            heard_store_amend_statement_async, cancellable, callback, user_data);
}

static void
answer_statement_async (HeardStore             *self,
                        HeardStatementResponse *response,
                        GCancellable           *cancellable,
                        GAsyncReadyCallback     callback,
                        gpointer                user_data)
{
  g_return_if_fail (HEARD_IS_STATEMENT_RESPONSE (response));
  g_return_if_fail (heard_statement_response_get_id (response) == 0);

  _heard_store_write_async (self, HEARD_RECORD_KIND_STATEMENT, answer_write,
                            heard_statement_response_copy (response), g_object_unref,
                            heard_store_answer_statement_async, cancellable, callback, user_data);
}

static void
mark_response_told_async (HeardStore          *self,
                          gint64               response_id,
                          const char          *told_on,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  IdAndText *request = g_new0 (IdAndText, 1);

  request->id = response_id;
  request->text = g_strdup (told_on != NULL ? told_on : "");
  _heard_store_write_async (self, HEARD_RECORD_KIND_STATEMENT, mark_told_write, request,
                            (GDestroyNotify) id_and_text_free,
                            heard_store_mark_response_told_async, cancellable, callback,
                            user_data);
}

static void
set_statement_consent_async (HeardStore          *self,
                             gint64               statement_id,
                             const char          *ends_on,
                             const char          *withdrawn_on,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  ConsentChange *change = g_new0 (ConsentChange, 1);

  change->statement_id = statement_id;
  change->ends_on = g_strdup (ends_on != NULL ? ends_on : "");
  change->withdrawn_on = g_strdup (withdrawn_on != NULL ? withdrawn_on : "");
  _heard_store_write_async (self, HEARD_RECORD_KIND_STATEMENT, consent_write, change,
                            (GDestroyNotify) consent_change_free,
                            heard_store_set_statement_consent_async, cancellable, callback,
                            user_data);
}

static void
noted_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (_heard_store_finish_id (HEARD_STORE (object), result, heard_store_note_statement_read,
                              &error) == 0)
    g_warning ("Could not note in the audit trail that a statement was read: %s",
               error->message);
}

static void
note_statement_read (HeardStore *self,
                     gint64      statement_id)
{
  _heard_store_write_async (self, HEARD_RECORD_KIND_STATEMENT, note_read_write,
                            _heard_store_dup_id (statement_id), g_free,
                            heard_store_note_statement_read, NULL, noted_read_cb, NULL);
}

static void
list_linkable_actions_async (HeardStore          *self,
                             gint64               person_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  _heard_store_run_async (self, linkable_actions_work, _heard_store_dup_id (person_id), g_free,
                          (GDestroyNotify) g_ptr_array_unref,
                          heard_store_list_linkable_actions_async, cancellable, callback,
                          user_data);
}

static void
search_statements_async (HeardStore          *self,
                         const char          *typed,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  /* Nothing searchable (only spaces or punctuation) finishes with NULL. */
  _heard_store_run_async (self, search_work, heard_search_build_match (typed), g_free,
                          (GDestroyNotify) g_ptr_array_unref,
                          heard_store_search_statements_async, cancellable, callback,
                          user_data);
}

void
_heard_sqlite_store_init_statements (HeardStoreClass *klass)
{
  klass->list_statements_async = list_statements_async;
  klass->list_statement_history_async = list_statement_history_async;
  klass->record_statement_async = record_statement_async;
  klass->amend_statement_async = amend_statement_async;
  klass->answer_statement_async = answer_statement_async;
  klass->mark_response_told_async = mark_response_told_async;
  klass->set_statement_consent_async = set_statement_consent_async;
  klass->note_statement_read = note_statement_read;
  klass->list_linkable_actions_async = list_linkable_actions_async;
  klass->search_statements_async = search_statements_async;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-store"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "heard-audit-private.h"
#include "heard-plan.h"
#include "heard-date.h"
#include "heard-store-chronology.h"
#include "heard-store-chronology-private.h"
#include "heard-store-staff-private.h"
#include "heard-store-util.h"

/*
 * Warning signs, strengths and cluster decisions in the SQLCipher store.
 * An entry is a chronology_entry row (whose young person it is) and its
 * versions, added as statements' are: the audit entry first (its actor and
 * time are the version's own), then the row, sealed at commit
 * (heard-audit.c); triggers refuse any change afterwards. A decision and
 * the signs it covered are added the same way. The three numbers are one
 * row, changed only inside a supervisor's signed work.
 */

typedef struct
{
  const HeardSigner    *signer;
  HeardClusterDecision *decision;
} DecisionWrite;

typedef struct
{
  const HeardSigner         *signer;
  const HeardClusterNumbers *numbers;
} NumbersWrite;

#define VERSION_COLUMNS \
  "SELECT e.id, e.person_id, v.version, v.earliest_day, v.latest_day, v.precision, v.nature," \
  "       v.kind, v.agency_id, v.reporter, v.seen, coalesce (v.statement_id, 0)," \
  "       coalesce (v.action_id, 0), v.reason, v.saved_by, v.saved_at" \
  " FROM chronology_version AS v JOIN chronology_entry AS e ON e.id = v.entry_id"

static void
read_id_cb (sqlite3_stmt *statement,
            gpointer      data)
{
  *(gint64 *) data = sqlite3_column_int64 (statement, 0);
}

static gboolean
parse_stored_day (const char *stored,
                  GDate      *day)
{
  guint year = 0, month = 0, mday = 0;

  g_date_clear (day, 1);
  if (stored == NULL || sscanf (stored, "%4u-%2u-%2u", &year, &month, &mday) != 3 ||
      !g_date_valid_dmy ((GDateDay) mday, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_set_dmy (day, (GDateDay) mday, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static void
add_entry_cb (sqlite3_stmt *statement,
              gpointer      data)
{
  HeardEntryNature nature = HEARD_ENTRY_SIGN_OF_HARM;
  HeardDatePrecision precision = HEARD_DATE_PRECISION_DAY;
  HeardChronologyEntry *entry;
  GDate earliest, latest;

  heard_entry_nature_from_code ((const char *) sqlite3_column_text (statement, 6), &nature);
  entry = heard_chronology_entry_new (sqlite3_column_int64 (statement, 1), nature,
                                      (const char *) sqlite3_column_text (statement, 7));
  heard_chronology_entry_set_id (entry, sqlite3_column_int64 (statement, 0));
  heard_chronology_entry_set_version (entry, (guint) sqlite3_column_int (statement, 2));
  heard_date_precision_from_code ((const char *) sqlite3_column_text (statement, 5), &precision);
  if (parse_stored_day ((const char *) sqlite3_column_text (statement, 3), &earliest) &&
      parse_stored_day ((const char *) sqlite3_column_text (statement, 4), &latest))
    heard_chronology_entry_set_when (entry, precision, &earliest, &latest);
  heard_chronology_entry_set_agency_id (entry, sqlite3_column_int64 (statement, 8));
  heard_chronology_entry_set_text (entry, HEARD_CHRONOLOGY_REPORTER,
                                   (const char *) sqlite3_column_text (statement, 9));
  heard_chronology_entry_set_text (entry, HEARD_CHRONOLOGY_SEEN,
                                   (const char *) sqlite3_column_text (statement, 10));
  heard_chronology_entry_set_statement_id (entry, sqlite3_column_int64 (statement, 11));
  heard_chronology_entry_set_action_id (entry, sqlite3_column_int64 (statement, 12));
  heard_chronology_entry_set_text (entry, HEARD_CHRONOLOGY_REASON,
                                   (const char *) sqlite3_column_text (statement, 13));
  heard_chronology_entry_set_saved (entry, (const char *) sqlite3_column_text (statement, 14),
                                    (const char *) sqlite3_column_text (statement, 15));
  g_ptr_array_add (data, entry);
}

static gpointer
list_work (sqlite3  *db,
           gpointer  data,
           GError  **error)
{
  return _heard_store_list_objects (db, VERSION_COLUMNS
                                    " WHERE e.person_id = ?1 AND v.version = (SELECT max (version)"
                                    "   FROM chronology_version WHERE entry_id = e.id)"
                                    " ORDER BY v.earliest_day, e.id",
                                    *(gint64 *) data, NULL, add_entry_cb, error);
}

static gpointer
history_work (sqlite3  *db,
              gpointer  data,
              GError  **error)
{
  return _heard_store_list_objects (db, VERSION_COLUMNS " WHERE e.id = ?1 ORDER BY v.version",
                                    *(gint64 *) data, NULL, add_entry_cb, error);
}

static void
add_kind_cb (sqlite3_stmt *statement,
             gpointer      data)
{
  g_ptr_array_add (data, heard_entry_kind_new ((const char *) sqlite3_column_text (statement,
                                                                                        0),
                                                    (const char *) sqlite3_column_text (statement,
                                                                                        1),
                                                    sqlite3_column_int (statement, 2) != 0));
}

static gpointer
kinds_work (sqlite3  *db,
            gpointer  data,
            GError  **error)
{
  g_autoptr(GPtrArray) kinds = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                               heard_entry_kind_free);

  if (!_heard_store_each_row (db, "SELECT code, label, strength FROM chronology_kind"
                                  " ORDER BY strength, position, code",
                              0, NULL, add_kind_cb, kinds, error))
    return NULL;

  return g_steal_pointer (&kinds);
}

/* What the records must agree with: the kind is one they list and of the
 * entry's nature, the agency is in the directory, and a linked statement or
 * action is the same young person's. */
static gboolean
check_entry (sqlite3               *db,
             HeardChronologyEntry  *entry,
             gint64                 person_id,
             GError               **error)
{
  gint64 strength, found;
  gint64 statement_id = heard_chronology_entry_get_statement_id (entry);
  gint64 action_id = heard_chronology_entry_get_action_id (entry);

  if (!heard_chronology_entry_validate (entry, error))
    return FALSE;

  if (!_heard_store_query_number (db, "SELECT strength FROM chronology_kind WHERE code = ?2", 0,
                                  heard_chronology_entry_get_kind (entry), &strength, error))
    return FALSE;
  if (strength < 0)
    return _heard_store_set_invalid (error, _("This kind of entry is not one the records "
                                              "list. Nothing was saved."));
  if ((strength != 0) != (heard_chronology_entry_get_nature (entry) == HEARD_ENTRY_STRENGTH))
    return _heard_store_set_invalid (error, _("A strength is logged with a kind of strength, "
                                              "and a warning sign with a kind of sign. "
                                              "Nothing was saved."));

  if (!_heard_store_query_number (db, "SELECT id FROM agency WHERE id = ?1",
                                  heard_chronology_entry_get_agency_id (entry), NULL, &found,
                                  error))
    return FALSE;
  if (found < 0)
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND,
                           _("The agency that reported this is not in the directory. Nothing "
                             "was saved."));
      return FALSE;
    }

  if (statement_id != 0)
    {
      if (!_heard_store_query_number (db, "SELECT person_id FROM statement WHERE id = ?1",
                                      statement_id, NULL, &found, error))
        return FALSE;
      if (found != person_id)
        return _heard_store_set_invalid (error, _("The statement this is linked to is not "
                                                  "this young person’s. Nothing was saved."));
    }
  if (action_id != 0)
    {
      if (!_heard_store_query_number (db, "SELECT plan.person_id FROM plan_action"
                                          " JOIN plan ON plan.id = plan_action.plan_id"
                                          " WHERE plan_action.id = ?1", action_id, NULL,
                                      &found, error))
        return FALSE;
      if (found != person_id)
        return _heard_store_set_invalid (error, _("The plan action this is linked to is not "
                                                  "this young person’s. Nothing was saved."));
    }

  return TRUE;
}

static void
bind_link (sqlite3_stmt *statement,
           int           index,
           gint64        id)
{
  if (id != 0)
    sqlite3_bind_int64 (statement, index, id);
  else
    sqlite3_bind_null (statement, index);
}

/* Audits and adds @entry as version @version of entry @entry_id. */
static gboolean
insert_version (sqlite3               *db,
                HeardChronologyEntry  *entry,
                gint64                 entry_id,
                const char            *action,
                GError               **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *at = NULL;

  /* Plain words about the record, never the reporter's own. */
  detail = g_strdup_printf ("version %u: %s, %s, from agency %" G_GINT64_FORMAT,
                            heard_chronology_entry_get_version (entry),
                            heard_entry_nature_to_code (heard_chronology_entry_get_nature (entry)),
                            heard_chronology_entry_get_kind (entry),
                            heard_chronology_entry_get_agency_id (entry));
  if (!_heard_audit_append (db, NULL, action, "chronology entry", entry_id, detail, error) ||
      !_heard_audit_read_newest (db, &actor, &at, error))
    return FALSE;

  statement = _heard_store_prepare (db, "INSERT INTO chronology_version (entry_id, version,"
                                        " earliest_day, latest_day, precision, nature, kind,"
                                        " agency_id, reporter, seen, statement_id, action_id,"
                                        " reason, saved_by, saved_at) VALUES (?1, ?2, ?3, ?4,"
                                        " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                                    error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, entry_id);
  sqlite3_bind_int (statement, 2, (int) heard_chronology_entry_get_version (entry));
  _heard_store_bind_text (statement, 3, heard_chronology_entry_get_earliest_day (entry));
  _heard_store_bind_text (statement, 4, heard_chronology_entry_get_latest_day (entry));
  _heard_store_bind_text (statement, 5,
                          heard_date_precision_to_code (heard_chronology_entry_get_precision (entry)));
  _heard_store_bind_text (statement, 6,
                          heard_entry_nature_to_code (heard_chronology_entry_get_nature (entry)));
  _heard_store_bind_text (statement, 7, heard_chronology_entry_get_kind (entry));
  sqlite3_bind_int64 (statement, 8, heard_chronology_entry_get_agency_id (entry));
  _heard_store_bind_text (statement, 9,
                          heard_chronology_entry_get_text (entry, HEARD_CHRONOLOGY_REPORTER));
  _heard_store_bind_text (statement, 10,
                          heard_chronology_entry_get_text (entry, HEARD_CHRONOLOGY_SEEN));
  bind_link (statement, 11, heard_chronology_entry_get_statement_id (entry));
  bind_link (statement, 12, heard_chronology_entry_get_action_id (entry));
  _heard_store_bind_text (statement, 13,
                          heard_chronology_entry_get_version (entry) > 1
                          ? heard_chronology_entry_get_text (entry, HEARD_CHRONOLOGY_REASON) : "");
  _heard_store_bind_text (statement, 14, actor);
  _heard_store_bind_text (statement, 15, at);
  return _heard_store_step_done (db, statement, error);
}

static gboolean
record_write (sqlite3            *db,
              gpointer            data,
              HeardStoreWritten  *written,
              GError            **error)
{
  HeardChronologyEntry *entry = data;
  gint64 person_id = heard_chronology_entry_get_person_id (entry);

  if (!_heard_store_add_versioned_entry (db, "chronology_entry", person_id,
                                         heard_chronology_entry_get_version (entry),
                                         &written->id, error) ||
      !check_entry (db, entry, person_id, error))
    return FALSE;

  return insert_version (db, entry, written->id, "recorded", error);
}

static gboolean
amend_write (sqlite3            *db,
             gpointer            data,
             HeardStoreWritten  *written,
             GError            **error)
{
  HeardChronologyEntry *amended = data;
  gint64 person_id = heard_chronology_entry_get_person_id (amended);

  written->id = heard_chronology_entry_get_id (amended);
  if (!_heard_store_check_amendment (db, "chronology_entry", "chronology_version",
                                     written->id, person_id,
                                     heard_chronology_entry_get_version (amended), error) ||
      !check_entry (db, amended, person_id, error))
    return FALSE;

  return insert_version (db, amended, written->id, "amended", error);
}

/* Decisions */

static void
add_decision_cb (sqlite3_stmt *statement,
                 gpointer      data)
{
  HeardClusterOutcome outcome = HEARD_CLUSTER_MEETING_HELD;
  HeardClusterDecision *decision;

  heard_cluster_outcome_from_code ((const char *) sqlite3_column_text (statement, 2), &outcome);
  decision = heard_cluster_decision_new (sqlite3_column_int64 (statement, 1), outcome);
  heard_cluster_decision_set_id (decision, sqlite3_column_int64 (statement, 0));
  heard_cluster_decision_set_text (decision, HEARD_CLUSTER_DECISION_WHY,
                                   (const char *) sqlite3_column_text (statement, 3));
  heard_cluster_decision_set_text (decision, HEARD_CLUSTER_DECISION_DECIDED_BY,
                                   (const char *) sqlite3_column_text (statement, 4));
  heard_cluster_decision_set_text (decision, HEARD_CLUSTER_DECISION_DECIDED_ON,
                                   (const char *) sqlite3_column_text (statement, 5));
  heard_cluster_decision_set_supervisor (decision, sqlite3_column_int64 (statement, 6),
                                         (const char *) sqlite3_column_text (statement, 7));
  heard_cluster_decision_set_saved_at (decision,
                                       (const char *) sqlite3_column_text (statement, 8));
  g_ptr_array_add (data, decision);
}

static void
add_decision_sign_cb (sqlite3_stmt *statement,
                      gpointer      data)
{
  GPtrArray *decisions = data;
  gint64 decision_id = sqlite3_column_int64 (statement, 0);

  for (guint i = 0; i < decisions->len; i++)
    if (heard_cluster_decision_get_id (g_ptr_array_index (decisions, i)) == decision_id)
      heard_cluster_decision_add_sign_id (g_ptr_array_index (decisions, i),
                                          sqlite3_column_int64 (statement, 1));
}

static gpointer
list_decisions_work (sqlite3  *db,
                     gpointer  data,
                     GError  **error)
{
  g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 person_id = *(gint64 *) data;

  if (!_heard_store_each_row (db, "SELECT id, person_id, outcome, why, decided_by, decided_on,"
                                  " coalesce (supervisor_id, 0), supervisor_name, saved_at"
                                  " FROM cluster_decision WHERE person_id = ?1 ORDER BY id",
                              person_id, NULL, add_decision_cb, decisions, error) ||
      !_heard_store_each_row (db, "SELECT s.decision_id, s.entry_id FROM cluster_decision_sign"
                                  " AS s JOIN cluster_decision AS d ON d.id = s.decision_id"
                                  " WHERE d.person_id = ?1 ORDER BY s.decision_id, s.entry_id",
                              person_id, NULL, add_decision_sign_cb, decisions, error))
    return NULL;

  return g_steal_pointer (&decisions);
}

static gboolean
decision_write (sqlite3            *db,
                gpointer            data,
                HeardStoreWritten  *written,
                GError            **error)
{
  DecisionWrite *job = data;
  HeardClusterDecision *decision = job->decision;
  HeardClusterOutcome outcome = heard_cluster_decision_get_outcome (decision);
  gint64 person_id = heard_cluster_decision_get_person_id (decision);
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *at = NULL;
  const gint64 *sign_ids;
  gsize n_signs;

  if (!heard_cluster_decision_validate (decision, error))
    return FALSE;
  if (outcome == HEARD_CLUSTER_NO_FURTHER_ACTION && job->signer == NULL)
    return _heard_store_set_invalid (error, _("“No further action” needs a supervisor’s "
                                              "passphrase."));
  if (job->signer != NULL && !_heard_signer_confirm (db, job->signer, error))
    return FALSE;

  sign_ids = heard_cluster_decision_get_sign_ids (decision, &n_signs);
  for (gsize i = 0; i < n_signs; i++)
    {
      gint64 found;

      if (!_heard_store_query_number (db, "SELECT e.person_id FROM chronology_entry AS e"
                                          " JOIN chronology_version AS v ON v.entry_id = e.id"
                                          " AND v.version = (SELECT max (version)"
                                          "                  FROM chronology_version"
                                          "                  WHERE entry_id = e.id)"
                                          " WHERE e.id = ?1 AND v.nature <> 'strength'",
                                      sign_ids[i], NULL, &found, error))
        return FALSE;
      if (found != person_id)
        return _heard_store_set_invalid (error, _("A decision covers this young person’s "
                                                  "warning signs only. Nothing was saved."));
    }

  if (!_heard_store_each_row (db, "SELECT coalesce (max (id), 0) + 1 FROM cluster_decision", 0,
                              NULL, read_id_cb, &written->id, error))
    return FALSE;
  detail = g_strdup_printf ("%s on %" G_GSIZE_FORMAT " signs%s",
                            heard_cluster_outcome_to_code (outcome), n_signs,
                            job->signer != NULL ? "; signed by a supervisor" : "");
  if (!_heard_audit_append (db, NULL, "decided", "cluster decision", written->id, detail,
                            error) ||
      !_heard_audit_read_newest (db, &actor, &at, error))
    return FALSE;

  statement = _heard_store_prepare (db, "INSERT INTO cluster_decision (id, person_id, outcome,"
                                        " why, decided_by, decided_on, supervisor_id,"
                                        " supervisor_name, saved_by, saved_at) VALUES (?1, ?2,"
                                        " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, written->id);
  sqlite3_bind_int64 (statement, 2, person_id);
  _heard_store_bind_text (statement, 3, heard_cluster_outcome_to_code (outcome));
  _heard_store_bind_text (statement, 4,
                          heard_cluster_decision_get_text (decision, HEARD_CLUSTER_DECISION_WHY));
  _heard_store_bind_text (statement, 5,
                          heard_cluster_decision_get_text (decision,
                                                           HEARD_CLUSTER_DECISION_DECIDED_BY));
  _heard_store_bind_text (statement, 6,
                          heard_cluster_decision_get_text (decision,
                                                           HEARD_CLUSTER_DECISION_DECIDED_ON));
  bind_link (statement, 7, job->signer != NULL ? job->signer->staff_id : 0);
  _heard_store_bind_text (statement, 8, job->signer != NULL ? job->signer->name : "");
  _heard_store_bind_text (statement, 9, actor);
  _heard_store_bind_text (statement, 10, at);
  if (!_heard_store_step_done (db, statement, error))
    return FALSE;
  g_clear_pointer (&statement, _heard_store_finalize);

  statement = _heard_store_prepare (db, "INSERT INTO cluster_decision_sign (decision_id,"
                                        " entry_id) VALUES (?1, ?2)", error);
  if (statement == NULL)
    return FALSE;
  for (gsize i = 0; i < n_signs; i++)
    {
      sqlite3_reset (statement);
      sqlite3_bind_int64 (statement, 1, written->id);
      sqlite3_bind_int64 (statement, 2, sign_ids[i]);
      if (!_heard_store_step_done (db, statement, error))
        return FALSE;
    }

  return TRUE;
}

static gpointer
decision_work (sqlite3  *db,
               gpointer  data,
               GError  **error)
{
  DecisionWrite job = { NULL, data };

  return _heard_store_write (db, HEARD_RECORD_KIND_CLUSTER_DECISION, decision_write, &job,
                             error);
}

static gpointer
signed_decision_work (sqlite3            *db,
                      const HeardSigner  *signer,
                      gpointer            data,
                      GError            **error)
{
  DecisionWrite job = { signer, data };

  return _heard_store_write (db, HEARD_RECORD_KIND_CLUSTER_DECISION, decision_write, &job,
                             error);
}

/* The three numbers */

static void
read_numbers_cb (sqlite3_stmt *statement,
                 gpointer      data)
{
  HeardClusterNumbers *numbers = data;

  numbers->min_signs = (guint) sqlite3_column_int (statement, 0);
  numbers->min_agencies = (guint) sqlite3_column_int (statement, 1);
  numbers->max_span_days = (guint) sqlite3_column_int (statement, 2);
}

static gboolean
read_numbers (sqlite3              *db,
              HeardClusterNumbers  *numbers,
              GError              **error)
{
  numbers->min_signs = 0;
  if (!_heard_store_each_row (db, "SELECT min_signs, min_agencies, max_span_days"
                                  " FROM cluster_numbers WHERE id = 1",
                              0, NULL, read_numbers_cb, numbers, error))
    return FALSE;
  if (numbers->min_signs == 0)
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND,
                           _("The numbers of the cluster prompt are missing from the records."));
      return FALSE;
    }

  return TRUE;
}

static gpointer
get_numbers_work (sqlite3  *db,
                  gpointer  data,
                  GError  **error)
{
  g_autofree HeardClusterNumbers *numbers = g_new0 (HeardClusterNumbers, 1);

  if (!read_numbers (db, numbers, error))
    return NULL;

  return g_steal_pointer (&numbers);
}

static gboolean
numbers_write (sqlite3            *db,
               gpointer            data,
               HeardStoreWritten  *written,
               GError            **error)
{
  NumbersWrite *job = data;
  const HeardClusterNumbers *numbers = job->numbers;
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *detail = NULL;
  HeardClusterNumbers old;

  if (!heard_cluster_numbers_validate (numbers, error) ||
      !_heard_signer_confirm (db, job->signer, error) || !read_numbers (db, &old, error))
    return FALSE;

  statement = _heard_store_prepare (db, "UPDATE cluster_numbers SET min_signs = ?1,"
                                        " min_agencies = ?2, max_span_days = ?3 WHERE id = 1",
                                    error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int (statement, 1, (int) numbers->min_signs);
  sqlite3_bind_int (statement, 2, (int) numbers->min_agencies);
  sqlite3_bind_int (statement, 3, (int) numbers->max_span_days);
  if (!_heard_store_step_done (db, statement, error))
    return FALSE;

  written->id = 1;
  detail = g_strdup_printf ("at least %u signs from %u agencies within %u days"
                            " (were %u, %u and %u)",
                            numbers->min_signs, numbers->min_agencies, numbers->max_span_days,
                            old.min_signs, old.min_agencies, old.max_span_days);
  return _heard_audit_append (db, job->signer->name, "changed", "cluster numbers", 1, detail,
                              error);
}

static gpointer
set_numbers_work (sqlite3            *db,
                  const HeardSigner  *signer,
                  gpointer            data,
                  GError            **error)
{
  NumbersWrite job = { signer, data };

  return _heard_store_write (db, HEARD_RECORD_KIND_CLUSTER_NUMBERS, numbers_write, &job, error);
}

/* Vfuncs */

/* Clusters still open, for the closure check and the caseload overview */

/* What the rule and the words need, read in a few queries: the signs (the
 * newest version of each, by young person), the signs decisions covered,
 * the directory's names and the kinds' labels. */
typedef struct
{
  HeardClusterRule  rule;
  GPtrArray        *signs;     /* HeardChronologyEntry, by person */
  GHashTable       *decided;   /* person id -> GArray of gint64 */
  GHashTable       *names;     /* person id -> display name */
  GHashTable       *agencies;  /* agency id -> name */
  GHashTable       *kinds;     /* code -> stored label */
} Gathering;

static void
gathering_clear (Gathering *gathering)
{
  g_clear_pointer (&gathering->signs, g_ptr_array_unref);
  g_clear_pointer (&gathering->decided, g_hash_table_unref);
  g_clear_pointer (&gathering->names, g_hash_table_unref);
  g_clear_pointer (&gathering->agencies, g_hash_table_unref);
  g_clear_pointer (&gathering->kinds, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Gathering, gathering_clear)

static void
add_decided_cb (sqlite3_stmt *statement,
                gpointer      data)
{
  gint64 person_id = sqlite3_column_int64 (statement, 0);
  gint64 sign_id = sqlite3_column_int64 (statement, 1);
  GArray *ids = g_hash_table_lookup (data, &person_id);

  if (ids == NULL)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (data, g_memdup2 (&person_id, sizeof person_id), ids);
    }
  g_array_append_val (ids, sign_id);
}

static void
add_name_cb (sqlite3_stmt *statement,
             gpointer      data)
{
  gint64 id = sqlite3_column_int64 (statement, 0);

  g_hash_table_insert (data, g_memdup2 (&id, sizeof id),
                       g_strdup ((const char *) sqlite3_column_text (statement, 1)));
}

static void
add_label_cb (sqlite3_stmt *statement,
              gpointer      data)
{
  g_hash_table_insert (data, g_strdup ((const char *) sqlite3_column_text (statement, 0)),
                       g_strdup ((const char *) sqlite3_column_text (statement, 1)));
}

static const char *
gathering_agency_name (gint64   agency_id,
                       gpointer user_data)
{
  Gathering *gathering = user_data;

  return g_hash_table_lookup (gathering->agencies, &agency_id);
}

/* Reads what the rule needs about the young people where @where holds (?1
 * is @person_id; the person table is "person"). */
static gboolean
read_gathering (sqlite3      *db,
                const char   *where,
                gint64        person_id,
                Gathering    *gathering,
                GError      **error)
{
  g_autofree char *signs_sql = NULL;
  g_autofree char *decided_sql = NULL;
  g_autofree char *names_sql = NULL;
  HeardClusterNumbers numbers;

  if (!read_numbers (db, &numbers, error))
    return FALSE;
  gathering->rule.min_signs = numbers.min_signs;
  gathering->rule.min_agencies = numbers.min_agencies;
  gathering->rule.max_span_days = numbers.max_span_days;

  signs_sql = g_strdup_printf (VERSION_COLUMNS " JOIN person ON person.id = e.person_id"
                               " WHERE %s AND v.nature <> 'strength'"
                               " AND v.version = (SELECT max (version) FROM chronology_version"
                               "                  WHERE entry_id = e.id)"
                               " ORDER BY e.person_id, v.earliest_day, e.id", where);
  decided_sql = g_strdup_printf ("SELECT d.person_id, s.entry_id FROM cluster_decision_sign AS s"
                                 " JOIN cluster_decision AS d ON d.id = s.decision_id"
                                 " JOIN person ON person.id = d.person_id WHERE %s", where);
  names_sql = g_strdup_printf ("SELECT id, display_name FROM person WHERE %s", where);

  gathering->signs = _heard_store_list_objects (db, signs_sql, person_id, NULL, add_entry_cb,
                                                error);
  if (gathering->signs == NULL)
    return FALSE;
  gathering->decided = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                              (GDestroyNotify) g_array_unref);
  gathering->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gathering->agencies = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gathering->kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return _heard_store_each_row (db, decided_sql, person_id, NULL, add_decided_cb,
                                gathering->decided, error) &&
         _heard_store_each_row (db, names_sql, person_id, NULL, add_name_cb, gathering->names,
                                error) &&
         _heard_store_each_row (db, "SELECT id, name FROM agency", 0, NULL, add_name_cb,
                                gathering->agencies, error) &&
         _heard_store_each_row (db, "SELECT code, label FROM chronology_kind", 0, NULL,
                                add_label_cb, gathering->kinds, error);
}

/* The open clusters of the young person whose signs are @first to @end
 * (exclusive) in the gathering's list, as items: with @for_caseload the
 * words of the prompt, otherwise as a closure check says them. */
static void
add_open_clusters (Gathering *gathering,
                   guint      first,
                   guint      end,
                   gboolean   for_caseload,
                   GPtrArray *items)
{
  HeardChronologyEntry *entry = g_ptr_array_index (gathering->signs, first);
  gint64 person_id = heard_chronology_entry_get_person_id (entry);
  GArray *decided = g_hash_table_lookup (gathering->decided, &person_id);
  g_autoptr(GArray) signs = g_array_sized_new (FALSE, FALSE, sizeof (HeardClusterSign),
                                               end - first);
  g_autoptr(GPtrArray) clusters = NULL;

  for (guint i = first; i < end; i++)
    {
      HeardClusterSign sign;

      if (heard_chronology_entry_to_cluster_sign (g_ptr_array_index (gathering->signs, i),
                                                  &sign))
        g_array_append_val (signs, sign);
    }

  clusters = heard_cluster_find_open ((const HeardClusterSign *) signs->data, signs->len,
                                      &gathering->rule,
                                      decided != NULL ? (const gint64 *) decided->data : NULL,
                                      decided != NULL ? decided->len : 0);
  for (guint i = 0; i < clusters->len; i++)
    {
      g_autofree char *words = heard_cluster_describe (g_ptr_array_index (clusters, i),
                                                       gathering_agency_name, gathering);
      const char *name = g_hash_table_lookup (gathering->names, &person_id);

      g_ptr_array_add (items,
                       heard_open_item_new (person_id, name, "chronology", HEARD_URGENCY_NONE,
                                            for_caseload
                                            ? words
                                            : _("Warning signs gathered, and no decision is "
                                                "recorded yet"),
                                            for_caseload
                                            ? _("No decision is recorded yet.")
                                            : words));
    }
}

/* A warning sign of the last months, for the closure check: what, when and
 * who said so, never what was seen. */
static HeardOpenItem *
new_recent_sign_item (Gathering            *gathering,
                      HeardChronologyEntry *entry)
{
  const char *code = heard_chronology_entry_get_kind (entry);
  gint64 agency_id = heard_chronology_entry_get_agency_id (entry);
  gint64 person_id = heard_chronology_entry_get_person_id (entry);
  const char *agency = gathering_agency_name (agency_id, gathering);
  g_autofree char *when = heard_chronology_entry_describe_when (entry);
  g_autofree char *summary = NULL;
  g_autofree char *detail = NULL;

  /* TRANSLATORS: a kind of warning sign and when:
   * "Warning sign: missing episode, 3 May 2024" */
  summary = g_strdup_printf (_("Warning sign: %s, %s"),
                             heard_entry_kind_label (code,
                                                     g_hash_table_lookup (gathering->kinds, code)),
                             when);
  /* TRANSLATORS: "A sign of harm, reported by Northside School" */
  detail = g_strdup_printf (_("%s, reported by %s"),
                            heard_entry_nature_label (heard_chronology_entry_get_nature (entry)),
                            agency != NULL ? agency : _("an agency not in the directory"));

  return heard_open_item_new (person_id, g_hash_table_lookup (gathering->names, &person_id),
                              "chronology", HEARD_URGENCY_NONE, summary, detail);
}

GPtrArray *
_heard_chronology_open_items (sqlite3      *db,
                              gint64        person_id,
                              const GDate  *today,
                              GError      **error)
{
  g_auto(Gathering) gathering = { 0 };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *since = NULL;
  GDate from = *today;

  if (!read_gathering (db, "person.id = ?1", person_id, &gathering, error))
    return NULL;
  if (gathering.signs->len == 0)
    return g_steal_pointer (&items);

  add_open_clusters (&gathering, 0, gathering.signs->len, FALSE, items);

  /* Newest first: what happened lately matters most before closing. */
  g_date_subtract_months (&from, HEARD_CLUSTER_CLOSURE_RECENT_MONTHS);
  since = heard_date_to_iso (&from);
  for (guint i = gathering.signs->len; i > 0; i--)
    {
      HeardChronologyEntry *entry = g_ptr_array_index (gathering.signs, i - 1);

      if (g_strcmp0 (heard_chronology_entry_get_latest_day (entry), since) >= 0)
        g_ptr_array_add (items, new_recent_sign_item (&gathering, entry));
    }

  return g_steal_pointer (&items);
}

GPtrArray *
_heard_chronology_gathering (sqlite3      *db,
                             const GDate  *today,
                             GError      **error)
{
  g_auto(Gathering) gathering = { 0 };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint first = 0;

  if (!read_gathering (db, "person.removed_at IS NULL", 0, &gathering, error))
    return NULL;

  /* One young person at a time: the signs come by person. */
  for (guint i = 1; i <= gathering.signs->len; i++)
    {
      if (i < gathering.signs->len &&
          heard_chronology_entry_get_person_id (g_ptr_array_index (gathering.signs, i)) ==
          heard_chronology_entry_get_person_id (g_ptr_array_index (gathering.signs, first)))
        continue;
      add_open_clusters (&gathering, first, i, TRUE, items);
      first = i;
    }

  return g_steal_pointer (&items);
}

static void
list_chronology_kinds_async (HeardStore          *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  _heard_store_run_async (self, kinds_work, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
                          heard_store_list_chronology_kinds_async, cancellable, callback,
                          user_data);
}

static void
list_chronology_async (HeardStore          *self,
                       gint64               person_id,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  _heard_store_run_async (self, list_work, _heard_store_dup_id (person_id), g_free,
                          (GDestroyNotify) g_ptr_array_unref, heard_store_list_chronology_async,
                          cancellable, callback, user_data);
}

static void
list_chronology_history_async (HeardStore          *self,
                               gint64               entry_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  _heard_store_run_async (self, history_work, _heard_store_dup_id (entry_id), g_free,
                          (GDestroyNotify) g_ptr_array_unref,
                          heard_store_list_chronology_history_async, cancellable, callback,
                          user_data);
}

static void
record_chronology_entry_async (HeardStore           *self,
                               HeardChronologyEntry *entry,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  /* The database thread gets its own copy: @entry stays the caller's. */
  _heard_store_write_async (self, HEARD_RECORD_KIND_CHRONOLOGY, record_write,
                            heard_chronology_entry_copy (entry), g_object_unref,
                            heard_store_record_chronology_entry_async, cancellable, callback,
                            user_data);
}

static void
amend_chronology_entry_async (HeardStore           *self,
                              HeardChronologyEntry *amended,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  _heard_store_write_async (self, HEARD_RECORD_KIND_CHRONOLOGY, amend_write,
                            heard_chronology_entry_copy (amended), g_object_unref,
                            heard_store_amend_chronology_entry_async, cancellable, callback,
                            user_data);
}

static void
list_cluster_decisions_async (HeardStore          *self,
                              gint64               person_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  _heard_store_run_async (self, list_decisions_work, _heard_store_dup_id (person_id), g_free,
                          (GDestroyNotify) g_ptr_array_unref,
                          heard_store_list_cluster_decisions_async, cancellable, callback,
                          user_data);
}

static gboolean
refuse_unsigned (HeardStore          *self,
                 gint64               supervisor_id,
                 const char          *passphrase,
                 gpointer             source_tag,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  if (supervisor_id > 0 && passphrase != NULL && *passphrase != '\0')
    return FALSE;

  g_task_report_new_error (self, callback, user_data, source_tag, HEARD_STORE_ERROR,
                           HEARD_STORE_ERROR_INVALID, "%s",
                           _("This needs a supervisor’s passphrase. Nothing was changed."));
  return TRUE;
}

static void
record_cluster_decision_async (HeardStore           *self,
                               HeardClusterDecision *decision,
                               const char           *passphrase,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  gint64 supervisor_id = heard_cluster_decision_get_supervisor_id (decision);

  if (heard_cluster_decision_get_outcome (decision) != HEARD_CLUSTER_NO_FURTHER_ACTION)
    {
      _heard_store_run_write_async (self, decision_work, heard_cluster_decision_copy (decision),
                                    g_object_unref, heard_store_record_cluster_decision_async,
                                    cancellable, callback, user_data);
      return;
    }

  if (refuse_unsigned (self, supervisor_id, passphrase,
                       heard_store_record_cluster_decision_async, callback, user_data))
    return;
  _heard_store_run_signed_async (self, supervisor_id, passphrase, "person",
                                 heard_cluster_decision_get_person_id (decision),
                                 signed_decision_work, heard_cluster_decision_copy (decision),
                                 g_object_unref, heard_store_record_cluster_decision_async,
                                 cancellable, callback, user_data);
}

static void
get_cluster_numbers_async (HeardStore          *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  _heard_store_run_async (self, get_numbers_work, NULL, NULL, g_free,
                          heard_store_get_cluster_numbers_async, cancellable, callback,
                          user_data);
}

static void
set_cluster_numbers_async (HeardStore                *self,
                           const HeardClusterNumbers *numbers,
                           gint64                     supervisor_id,
                           const char                *passphrase,
                           GCancellable              *cancellable,
                           GAsyncReadyCallback        callback,
                           gpointer                   user_data)
{
  if (refuse_unsigned (self, supervisor_id, passphrase, heard_store_set_cluster_numbers_async,
                       callback, user_data))
    return;
  _heard_store_run_signed_async (self, supervisor_id, passphrase, "cluster numbers", 1,
                                 set_numbers_work, g_memdup2 (numbers, sizeof *numbers), g_free,
                                 heard_store_set_cluster_numbers_async, cancellable, callback,
                                 user_data);
}

void
_heard_sqlite_store_init_chronology (HeardStoreClass *klass)
{
  klass->list_chronology_kinds_async = list_chronology_kinds_async;
  klass->list_chronology_async = list_chronology_async;
  klass->list_chronology_history_async = list_chronology_history_async;
  klass->record_chronology_entry_async = record_chronology_entry_async;
  klass->amend_chronology_entry_async = amend_chronology_entry_async;
  klass->list_cluster_decisions_async = list_cluster_decisions_async;
  klass->record_cluster_decision_async = record_cluster_decision_async;
  klass->get_cluster_numbers_async = get_cluster_numbers_async;
  klass->set_cluster_numbers_async = set_cluster_numbers_async;
}

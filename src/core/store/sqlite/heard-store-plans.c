/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-store"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-audit-private.h"
#include "heard-date.h"
#include "heard-plan-private.h"
#include "heard-store-plans.h"
#include "heard-store-staff-private.h"
#include "heard-store-util.h"

/*
 * Support plans in the store. Every change runs in one write transaction
 * with its audit row, after the lifecycle rules have agreed to it; the
 * database's own constraints (one active plan, one version in progress, a
 * closure with its reasons) stand behind them.
 */

typedef struct
{
  GPtrArray  *plans;
  GHashTable *plans_by_id;
  GHashTable *areas_by_id;
} LoadState;

/* What the store needs to know about a plan it is about to change. */
typedef struct
{
  gint64          id;
  gint64          person_id;
  guint           version;
  HeardPlanState  state;
  char           *review_limit;
} PlanRow;

typedef struct
{
  gint64             plan_id;
  HeardPlanDecision *decision;
} DecideRequest;

typedef struct
{
  const HeardSigner *signer;
  DecideRequest     *request;
} SignedDecision;

typedef struct
{
  gint64  plan_id;
  char   *date;
} ReviewDateRequest;

/* Stable English words for the audit trail, which is not translated. */
static const char *const area_codes[HEARD_AREA_N_KINDS] = {
  [HEARD_AREA_SAFETY] = "safety",
  [HEARD_AREA_HEALTH] = "health",
  [HEARD_AREA_EMOTIONAL_WELLBEING] = "emotional wellbeing",
  [HEARD_AREA_EDUCATION] = "education and training",
  [HEARD_AREA_RELATIONSHIPS] = "relationships",
  [HEARD_AREA_HOME] = "home",
  [HEARD_AREA_IDENTITY] = "identity and belonging",
  [HEARD_AREA_JUSTICE] = "justice process",
};

static const char *const state_codes[HEARD_PLAN_N_STATES] = {
  [HEARD_PLAN_STATE_DRAFT] = "draft",
  [HEARD_PLAN_STATE_AWAITING_REVIEW] = "awaiting review",
  [HEARD_PLAN_STATE_ACTIVE] = "active",
  [HEARD_PLAN_STATE_CHANGES_REQUESTED] = "changes requested",
  [HEARD_PLAN_STATE_CLOSED] = "closed",
  [HEARD_PLAN_STATE_SUPERSEDED] = "superseded",
};

static const char *const event_verbs[HEARD_PLAN_N_EVENTS] = {
  [HEARD_PLAN_EVENT_SUBMIT] = "submitted",
  [HEARD_PLAN_EVENT_SIGN_OFF] = "signed off",
  [HEARD_PLAN_EVENT_REQUEST_CHANGES] = "changes requested",
  [HEARD_PLAN_EVENT_REVIEW] = "reviewed",
  [HEARD_PLAN_EVENT_CLOSE] = "closed",
  [HEARD_PLAN_EVENT_SUPERSEDE] = "superseded",
};

static void
plan_row_clear (PlanRow *row)
{
  g_clear_pointer (&row->review_limit, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PlanRow, plan_row_clear)

static void
decide_request_free (DecideRequest *request)
{
  heard_plan_decision_free (request->decision);
  g_free (request);
}

static void
review_date_request_free (ReviewDateRequest *request)
{
  g_free (request->date);
  g_free (request);
}

static HeardAreaKind
column_kind (sqlite3_stmt *statement,
             int           column)
{
  return (HeardAreaKind) CLAMP (sqlite3_column_int (statement, column), 0,
                                HEARD_AREA_N_KINDS - 1);
}

/* Reading plans */

static void
read_plan_cb (sqlite3_stmt *statement,
              gpointer      data)
{
  LoadState *load = data;
  HeardPlan *plan = _heard_plan_new ();

  plan->id = sqlite3_column_int64 (statement, 0);
  plan->person_id = sqlite3_column_int64 (statement, 1);
  plan->version = (guint) sqlite3_column_int (statement, 2);
  plan->state = (HeardPlanState) CLAMP (sqlite3_column_int (statement, 3), 0,
                                        HEARD_PLAN_N_STATES - 1);
  plan->created_at = _heard_store_dup_column (statement, 4);
  plan->signed_off_at = _heard_store_dup_column (statement, 5);
  plan->next_review = _heard_store_dup_column (statement, 6);
  plan->review_limit = _heard_store_dup_column (statement, 7);
  plan->closed_at = _heard_store_dup_column (statement, 8);
  for (guint i = 0; i < HEARD_CLOSURE_N_TEXTS; i++)
    plan->closure[i] = _heard_store_dup_column (statement, 9 + (int) i);
  plan->closes_case = sqlite3_column_int (statement, 9 + HEARD_CLOSURE_N_TEXTS) != 0;

  g_ptr_array_add (load->plans, plan);
  g_hash_table_insert (load->plans_by_id, &plan->id, plan);
}

static void
read_area_cb (sqlite3_stmt *statement,
              gpointer      data)
{
  LoadState *load = data;
  gint64 plan_id = sqlite3_column_int64 (statement, 1);
  HeardPlan *plan = g_hash_table_lookup (load->plans_by_id, &plan_id);
  g_autoptr(HeardPlanArea) area = NULL;

  if (plan == NULL)
    return;

  area = heard_plan_area_new (plan_id, column_kind (statement, 2));
  heard_plan_area_set_id (area, sqlite3_column_int64 (statement, 0));
  for (guint i = 0; i < HEARD_AREA_N_TEXTS; i++)
    heard_plan_area_set_text (area, i, (const char *) sqlite3_column_text (statement, 3 + (int) i));

  g_list_store_append (plan->areas, area);
  g_hash_table_insert (load->areas_by_id, _heard_store_dup_id (heard_plan_area_get_id (area)),
                       area);
}

static void
read_action_cb (sqlite3_stmt *statement,
                gpointer      data)
{
  LoadState *load = data;
  gint64 area_id = sqlite3_column_int64 (statement, 2);
  HeardPlanArea *area = g_hash_table_lookup (load->areas_by_id, &area_id);
  g_autoptr(HeardPlanAction) action = NULL;
  HeardAgency owner = HEARD_AGENCY_OTHER;

  if (area == NULL)
    return;

  action = heard_plan_action_new (sqlite3_column_int64 (statement, 1), area_id);
  heard_plan_action_set_id (action, sqlite3_column_int64 (statement, 0));
  heard_agency_from_code ((const char *) sqlite3_column_text (statement, 3), &owner);
  heard_plan_action_set_owner (action, owner);
  heard_plan_action_set_status (action, CLAMP (sqlite3_column_int (statement, 4), 0,
                                               HEARD_ACTION_N_STATUSES - 1));
  heard_plan_action_set_owner_agency_id (action, sqlite3_column_int64 (statement, 5));
  for (guint i = 0; i < HEARD_ACTION_N_TEXTS; i++)
    heard_plan_action_set_text (action, i,
                                (const char *) sqlite3_column_text (statement, 6 + (int) i));

  _heard_plan_area_append_action (area, action);
}

static void
read_review_cb (sqlite3_stmt *statement,
                gpointer      data)
{
  LoadState *load = data;
  gint64 plan_id = sqlite3_column_int64 (statement, 0);
  HeardPlan *plan = g_hash_table_lookup (load->plans_by_id, &plan_id);
  g_autoptr(HeardPlanReview) review = NULL;

  if (plan == NULL)
    return;

  review = heard_plan_review_new (CLAMP (sqlite3_column_int (statement, 1), 0,
                                         HEARD_PLAN_N_EVENTS - 1),
                                  (const char *) sqlite3_column_text (statement, 2),
                                  (const char *) sqlite3_column_text (statement, 3),
                                  (const char *) sqlite3_column_text (statement, 4));
  g_list_store_append (plan->reviews, review);
}

static gpointer
load_plans_work (sqlite3  *db,
                 gpointer  data,
                 GError  **error)
{
  gint64 person_id = *(gint64 *) data;
  g_autofree char *area_columns = heard_area_text_columns ();
  g_autofree char *action_columns = heard_action_text_columns ();
  g_autofree char *area_sql = NULL;
  g_autofree char *action_sql = NULL;
  g_autoptr(GHashTable) plans_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) areas_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                             g_free, NULL);
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  LoadState load = { plans, plans_by_id, areas_by_id };

  area_sql = g_strdup_printf ("SELECT a.id, a.plan_id, a.kind, %s FROM plan_area AS a"
                              " JOIN plan AS p ON p.id = a.plan_id WHERE p.person_id = ?1"
                              " ORDER BY a.position, a.id", area_columns);
  action_sql = g_strdup_printf ("SELECT x.id, x.plan_id, x.area_id, x.owner, x.status,"
                                " coalesce (l.agency_id, 0), %s"
                                " FROM plan_action AS x JOIN plan AS p ON p.id = x.plan_id"
                                " LEFT JOIN plan_action_agency AS l ON l.action_id = x.id"
                                " WHERE p.person_id = ?1 ORDER BY x.due_date, x.id",
                                action_columns);

  if (!_heard_store_each_row (db, "SELECT id, person_id, version, state, created_at,"
                                  " signed_off_at, next_review, review_limit, closed_at,"
                                  " closure_view, closure_view_missing, closure_reason,"
                                  " closes_case FROM plan WHERE person_id = ?1"
                                  " ORDER BY version DESC",
                              person_id, NULL, read_plan_cb, &load, error) ||
      !_heard_store_each_row (db, area_sql, person_id, NULL, read_area_cb, &load, error) ||
      !_heard_store_each_row (db, action_sql, person_id, NULL, read_action_cb, &load, error) ||
      !_heard_store_each_row (db, "SELECT r.plan_id, r.decision, r.reviewer_name, r.comments,"
                                  " r.decided_at FROM plan_review AS r"
                                  " JOIN plan AS p ON p.id = r.plan_id"
                                  " WHERE p.person_id = ?1 ORDER BY r.id",
                              person_id, NULL, read_review_cb, &load, error))
    return NULL;

  return g_steal_pointer (&plans);
}

/* Checks that come before a change */

static gboolean
read_plan_row (sqlite3  *db,
               gint64    plan_id,
               PlanRow  *row,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  statement = _heard_store_prepare (db, "SELECT person_id, version, state, review_limit"
                                        " FROM plan WHERE id = ?", error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, plan_id);
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND,
                           _("This plan could not be found, so nothing was changed."));
      return FALSE;
    }

  row->id = plan_id;
  row->person_id = sqlite3_column_int64 (statement, 0);
  row->version = (guint) sqlite3_column_int (statement, 1);
  row->state = (HeardPlanState) CLAMP (sqlite3_column_int (statement, 2), 0,
                                       HEARD_PLAN_N_STATES - 1);
  row->review_limit = _heard_store_dup_column (statement, 3);

  return TRUE;
}

static gboolean
refuse_not_editable (const PlanRow  *plan,
                     GError        **error)
{
  g_set_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_NOT_EDITABLE,
               _("Version %u of this plan is “%s”, so this cannot be changed in it. "
                 "Nothing was changed."), plan->version, heard_plan_state_label (plan->state));
  return FALSE;
}

static gboolean
read_editable_plan (sqlite3  *db,
                    gint64    plan_id,
                    PlanRow  *plan,
                    GError  **error)
{
  if (!read_plan_row (db, plan_id, plan, error))
    return FALSE;

  if (!heard_plan_rules_is_editable (plan->state))
    return refuse_not_editable (plan, error);

  return TRUE;
}

/* Runs one statement with @id as ?1 and @text as ?2, and counts what changed. */
static gboolean
run_sql (sqlite3     *db,
         const char  *sql,
         gint64       id,
         const char  *text,
         GError     **error)
{
  return _heard_store_each_row (db, sql, id, text, NULL, NULL, error);
}

static gboolean
has_row (sqlite3     *db,
         const char  *sql,
         gint64       id,
         gint64       other,
         gboolean    *found,
         GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = _heard_store_prepare (db, sql, error);
  int rc;

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, id);
  if (sqlite3_bind_parameter_count (statement) >= 2)
    sqlite3_bind_int64 (statement, 2, other);

  rc = sqlite3_step (statement);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _heard_store_set_error (error, db, rc);
      return FALSE;
    }

  *found = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
touch_plan (sqlite3  *db,
            gint64    plan_id,
            GError  **error)
{
  g_autofree char *now = _heard_store_now_iso8601 ();

  return run_sql (db, "UPDATE plan SET updated_at = ?2 WHERE id = ?1", plan_id, now, error);
}

/* Starting a version */

static gboolean
copy_contents (sqlite3  *db,
               gint64    from_plan,
               gint64    to_plan,
               GError  **error)
{
  g_autofree char *area_columns = heard_area_text_columns ();
  g_autofree char *action_columns = heard_action_text_columns ();
  g_autofree char *now = _heard_store_now_iso8601 ();
  g_autofree char *areas_sql = NULL;
  g_autofree char *actions_sql = NULL;
  g_autoptr(sqlite3_stmt) areas = NULL;
  g_autoptr(sqlite3_stmt) actions = NULL;
  g_autoptr(sqlite3_stmt) links = NULL;

  areas_sql = g_strdup_printf ("INSERT INTO plan_area (plan_id, kind, position, %s)"
                               " SELECT ?1, kind, position, %s FROM plan_area"
                               " WHERE plan_id = ?2", area_columns, area_columns);
  /* Each action follows its area, matched by kind, into the new version. */
  actions_sql = g_strdup_printf ("INSERT INTO plan_action (plan_id, area_id, owner, status,"
                                 " created_at, updated_at, %s)"
                                 " SELECT ?1, (SELECT n.id FROM plan_area AS n"
                                 "   JOIN plan_area AS o ON o.kind = n.kind"
                                 "   WHERE n.plan_id = ?1 AND o.id = x.area_id),"
                                 " owner, status, created_at, ?3, %s"
                                 " FROM plan_action AS x WHERE x.plan_id = ?2 ORDER BY x.id",
                                 action_columns, action_columns);

  areas = _heard_store_prepare (db, areas_sql, error);
  if (areas == NULL)
    return FALSE;
  sqlite3_bind_int64 (areas, 1, to_plan);
  sqlite3_bind_int64 (areas, 2, from_plan);
  if (!_heard_store_step_done (db, areas, error))
    return FALSE;

  actions = _heard_store_prepare (db, actions_sql, error);
  if (actions == NULL)
    return FALSE;
  sqlite3_bind_int64 (actions, 1, to_plan);
  sqlite3_bind_int64 (actions, 2, from_plan);
  _heard_store_bind_text (actions, 3, now);
  if (!_heard_store_step_done (db, actions, error))
    return FALSE;

  /* The copies were added in order of id, so the nth action of the new
   * version is the nth of the old: it keeps the old one's directory entry
   * while that entry still serves the owner's kind. */
  links = _heard_store_prepare (db,
                                "INSERT INTO plan_action_agency (action_id, agency_id)"
                                " SELECT n.id, l.agency_id FROM plan_action AS o"
                                " JOIN plan_action_agency AS l ON l.action_id = o.id"
                                " JOIN plan_action AS n ON n.plan_id = ?1"
                                "  AND (SELECT count (*) FROM plan_action"
                                "       WHERE plan_id = ?1 AND id < n.id)"
                                "    = (SELECT count (*) FROM plan_action"
                                "       WHERE plan_id = ?2 AND id < o.id)"
                                " WHERE o.plan_id = ?2"
                                "  AND EXISTS (SELECT 1 FROM agency_kind AS k"
                                "              WHERE k.kind = o.owner"
                                "                AND k.agency_id = l.agency_id)"
                                " ORDER BY n.id", error);
  if (links == NULL)
    return FALSE;
  sqlite3_bind_int64 (links, 1, to_plan);
  sqlite3_bind_int64 (links, 2, from_plan);

  return _heard_store_step_done (db, links, error);
}

static gboolean
start_plan (sqlite3            *db,
            gpointer            data,
            HeardStoreWritten  *written,
            GError            **error)
{
  gint64 person_id = *(gint64 *) data;
  g_autofree char *now = _heard_store_now_iso8601 ();
  g_autofree char *detail = NULL;
  g_autoptr(sqlite3_stmt) facts = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  gint64 active_id;
  guint version, in_progress;

  facts = _heard_store_prepare (db, "SELECT"
                                    " (SELECT count(*) FROM person"
                                    "    WHERE id = ?1 AND removed_at IS NULL),"
                                    " (SELECT version FROM plan"
                                    "    WHERE person_id = ?1 AND state IN (0, 1, 3)),"
                                    " (SELECT id FROM plan WHERE person_id = ?1 AND state = 2),"
                                    " (SELECT coalesce (max (version), 0) + 1 FROM plan"
                                    "    WHERE person_id = ?1)", error);
  if (facts == NULL)
    return FALSE;

  sqlite3_bind_int64 (facts, 1, person_id);
  if (sqlite3_step (facts) != SQLITE_ROW || sqlite3_column_int (facts, 0) == 0)
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND,
                           _("This young person's record could not be found, so no plan "
                             "was started."));
      return FALSE;
    }

  in_progress = (guint) sqlite3_column_int (facts, 1);
  active_id = sqlite3_column_int64 (facts, 2);
  version = (guint) sqlite3_column_int (facts, 3);
  if (in_progress > 0)
    {
      g_set_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_IN_PROGRESS,
                   _("Version %u of this plan is still being written or reviewed. Carry on "
                     "with it rather than starting another."), in_progress);
      return FALSE;
    }

  insert = _heard_store_prepare (db, "INSERT INTO plan (person_id, version, based_on, state,"
                                     " created_at, updated_at) VALUES (?1, ?2, ?3, 0, ?4, ?4)",
                                 error);
  if (insert == NULL)
    return FALSE;

  sqlite3_bind_int64 (insert, 1, person_id);
  sqlite3_bind_int (insert, 2, (int) version);
  if (active_id != 0)
    sqlite3_bind_int64 (insert, 3, active_id);
  _heard_store_bind_text (insert, 4, now);
  if (!_heard_store_step_done (db, insert, error))
    return FALSE;

  /* A new version begins as a copy of the one in use, never a blank page. */
  written->id = sqlite3_last_insert_rowid (db);
  if (active_id != 0 && !copy_contents (db, active_id, written->id, error))
    return FALSE;

  detail = g_strdup_printf ("version %u for person %" G_GINT64_FORMAT "%s", version, person_id,
                            active_id != 0 ? ", copied from the active version" : "");
  return _heard_audit_append (db, NULL, "created", "plan", written->id, detail, error);
}

/* Areas and actions */

static gboolean
save_area (sqlite3            *db,
           gpointer            data,
           HeardStoreWritten  *written,
           GError            **error)
{
  HeardPlanArea *area = data;
  gint64 plan_id = heard_plan_area_get_plan_id (area);
  HeardAreaKind kind = heard_plan_area_get_kind (area);
  g_autofree char *sql = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_auto(PlanRow) plan = { 0 };
  gboolean exists = FALSE;

  if (!heard_plan_area_validate (area, error) ||
      !read_editable_plan (db, plan_id, &plan, error))
    return FALSE;

  written->id = heard_plan_area_get_id (area);
  written->record_id = plan_id;
  if (written->id == 0)
    {
      g_autofree char *columns = heard_area_text_columns ();
      g_autofree char *marks = _heard_store_placeholders (3, HEARD_AREA_N_TEXTS);

      if (!has_row (db, "SELECT 1 FROM plan_area WHERE plan_id = ?1 AND kind = ?2", plan_id,
                    kind, &exists, error))
        return FALSE;

      if (exists)
        {
          g_set_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_INCOMPLETE,
                       _("This plan already has an area for %s."), heard_area_kind_label (kind));
          return FALSE;
        }

      sql = g_strdup_printf ("INSERT INTO plan_area (plan_id, kind, position, %s)"
                             " VALUES (?1, ?2, (SELECT coalesce (max (position), 0) + 1"
                             " FROM plan_area WHERE plan_id = ?1), %s)", columns, marks);
    }
  else
    {
      g_autofree char *assignments = heard_area_text_assignments (3);

      sql = g_strdup_printf ("UPDATE plan_area SET %s WHERE plan_id = ?1 AND id = ?2",
                             assignments);
    }

  statement = _heard_store_prepare (db, sql, error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, plan_id);
  sqlite3_bind_int64 (statement, 2, written->id == 0 ? kind : written->id);
  for (guint i = 0; i < HEARD_AREA_N_TEXTS; i++)
    _heard_store_bind_text (statement, 3 + (int) i, heard_plan_area_get_text (area, i));

  if (!_heard_store_step_done (db, statement, error))
    return FALSE;

  if (written->id != 0 && sqlite3_changes (db) == 0)
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND,
                           _("This area is no longer in the plan, so nothing was changed."));
      return FALSE;
    }

  detail = g_strdup_printf ("area: %s", area_codes[kind]);
  if (written->id == 0)
    written->id = sqlite3_last_insert_rowid (db);

  return touch_plan (db, plan_id, error) &&
         _heard_audit_append (db, NULL, heard_plan_area_get_id (area) == 0 ? "added area"
                                                                           : "changed area",
                              "plan", plan_id, detail, error);
}

static gboolean
remove_area (sqlite3            *db,
             gpointer            data,
             HeardStoreWritten  *written,
             GError            **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *detail = NULL;
  g_auto(PlanRow) plan = { 0 };
  HeardAreaKind kind;

  written->id = *(gint64 *) data;
  statement = _heard_store_prepare (db, "SELECT plan_id, kind FROM plan_area WHERE id = ?", error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, written->id);
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND,
                           _("This area is no longer in the plan."));
      return FALSE;
    }

  kind = column_kind (statement, 1);
  if (!read_editable_plan (db, sqlite3_column_int64 (statement, 0), &plan, error))
    return FALSE;

  written->record_id = plan.id;

  /* Only a version still being written can lose an area, with its actions. */
  detail = g_strdup_printf ("area: %s, with its actions", area_codes[kind]);
  return run_sql (db, "DELETE FROM plan_action WHERE area_id = ?1", written->id, NULL, error) &&
         run_sql (db, "DELETE FROM plan_area WHERE id = ?1", written->id, NULL, error) &&
         touch_plan (db, plan.id, error) &&
         _heard_audit_append (db, NULL, "removed area", "plan", plan.id, detail, error);
}

/* In a signed-off plan an action's progress moves on; nothing else may. */
static gboolean
check_progress_only (sqlite3          *db,
                     HeardPlanAction  *action,
                     const PlanRow    *plan,
                     GError          **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  HeardActionText fixed[] = { HEARD_ACTION_WHAT, HEARD_ACTION_OWNER_NAME, HEARD_ACTION_DUE_DATE };
  gboolean same;

  statement = _heard_store_prepare (db, "SELECT x.owner, x.what, x.owner_name, x.due_date,"
                                        " coalesce (l.agency_id, 0)"
                                        " FROM plan_action AS x"
                                        " LEFT JOIN plan_action_agency AS l"
                                        "   ON l.action_id = x.id"
                                        " WHERE x.id = ? AND x.plan_id = ?", error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, heard_plan_action_get_id (action));
  sqlite3_bind_int64 (statement, 2, plan->id);
  if (sqlite3_step (statement) != SQLITE_ROW)
    return refuse_not_editable (plan, error);

  same = g_strcmp0 ((const char *) sqlite3_column_text (statement, 0),
                    heard_agency_to_code (heard_plan_action_get_owner (action))) == 0;
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    same = same && g_strcmp0 ((const char *) sqlite3_column_text (statement, 1 + (int) i),
                              heard_plan_action_get_text (action, fixed[i])) == 0;
  same = same && sqlite3_column_int64 (statement, 4) ==
                 heard_plan_action_get_owner_agency_id (action);

  if (!same)
    {
      g_set_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_NOT_EDITABLE,
                   _("Version %u of this plan is signed off: only how its actions are going "
                     "can change. Start a new version to change the rest. Nothing was "
                     "changed."), plan->version);
      return FALSE;
    }

  return TRUE;
}

/* The action's directory entry, replacing any it had; the schema refuses
 * an entry that does not serve the owner's kind. */
static gboolean
link_owner_agency (sqlite3  *db,
                   gint64    action_id,
                   gint64    agency_id,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) removed = NULL;
  g_autoptr(sqlite3_stmt) added = NULL;
  gboolean serves = FALSE;

  removed = _heard_store_prepare (db, "DELETE FROM plan_action_agency WHERE action_id = ?1",
                                  error);
  if (removed == NULL)
    return FALSE;
  sqlite3_bind_int64 (removed, 1, action_id);
  if (!_heard_store_step_done (db, removed, error))
    return FALSE;
  if (agency_id == 0)
    return TRUE;

  if (!has_row (db, "SELECT 1 FROM plan_action AS x JOIN agency_kind AS k ON k.kind = x.owner"
                    " WHERE x.id = ?1 AND k.agency_id = ?2", action_id, agency_id, &serves,
                error))
    return FALSE;
  if (!serves)
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID,
                           _("The agency chosen to own this action is not of the kind that "
                             "owns it. Choose the agency again. Nothing was changed."));
      return FALSE;
    }

  added = _heard_store_prepare (db, "INSERT INTO plan_action_agency (action_id, agency_id)"
                                    " VALUES (?1, ?2)", error);
  if (added == NULL)
    return FALSE;
  sqlite3_bind_int64 (added, 1, action_id);
  sqlite3_bind_int64 (added, 2, agency_id);
  return _heard_store_step_done (db, added, error);
}

static gboolean
save_action (sqlite3            *db,
             gpointer            data,
             HeardStoreWritten  *written,
             GError            **error)
{
  HeardPlanAction *action = data;
  gint64 plan_id = heard_plan_action_get_plan_id (action);
  gint64 area_id = heard_plan_action_get_area_id (action);
  HeardActionStatus status = heard_plan_action_get_status (action);
  g_autofree char *now = _heard_store_now_iso8601 ();
  g_autofree char *sql = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_auto(PlanRow) plan = { 0 };
  gboolean in_plan = FALSE;
  gboolean progress_only;
  gint64 agency_id = heard_plan_action_get_owner_agency_id (action);
  g_autofree char *owner_entry = agency_id != 0
    ? g_strdup_printf (" (agency %" G_GINT64_FORMAT ")", agency_id) : g_strdup ("");

  if (!heard_plan_action_prepare (action, error) ||
      !read_plan_row (db, plan_id, &plan, error) ||
      !has_row (db, "SELECT 1 FROM plan_area WHERE id = ?1 AND plan_id = ?2", area_id, plan_id,
                &in_plan, error))
    return FALSE;

  written->id = heard_plan_action_get_id (action);
  written->record_id = plan_id;
  progress_only = plan.state == HEARD_PLAN_STATE_ACTIVE && written->id != 0;
  if (!in_plan || (!heard_plan_rules_is_editable (plan.state) && !progress_only))
    return refuse_not_editable (&plan, error);

  if (progress_only && !check_progress_only (db, action, &plan, error))
    return FALSE;

  if (written->id == 0)
    {
      g_autofree char *columns = heard_action_text_columns ();
      g_autofree char *marks = _heard_store_placeholders (6, HEARD_ACTION_N_TEXTS);

      sql = g_strdup_printf ("INSERT INTO plan_action (plan_id, area_id, owner, status,"
                             " created_at, updated_at, %s) VALUES (?1, ?2, ?3, ?4, ?5, ?5, %s)",
                             columns, marks);
    }
  else
    {
      g_autofree char *assignments = heard_action_text_assignments (6);

      sql = g_strdup_printf ("UPDATE plan_action SET owner = ?3, status = ?4, updated_at = ?5,"
                             " %s WHERE plan_id = ?1 AND area_id = ?2 AND id = ?%d",
                             assignments, 6 + HEARD_ACTION_N_TEXTS);
    }

  statement = _heard_store_prepare (db, sql, error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, plan_id);
  sqlite3_bind_int64 (statement, 2, area_id);
  _heard_store_bind_text (statement, 3,
                          heard_agency_to_code (heard_plan_action_get_owner (action)));
  sqlite3_bind_int (statement, 4, status);
  _heard_store_bind_text (statement, 5, now);
  for (guint i = 0; i < HEARD_ACTION_N_TEXTS; i++)
    _heard_store_bind_text (statement, 6 + (int) i, heard_plan_action_get_text (action, i));
  if (written->id != 0)
    sqlite3_bind_int64 (statement, 6 + HEARD_ACTION_N_TEXTS, written->id);

  if (!_heard_store_step_done (db, statement, error))
    return FALSE;

  if (written->id != 0 && sqlite3_changes (db) == 0)
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND,
                           _("This action is no longer in the plan, so nothing was changed."));
      return FALSE;
    }

  if (written->id == 0)
    written->id = sqlite3_last_insert_rowid (db);

  if (!progress_only && !link_owner_agency (db, written->id, agency_id, error))
    return FALSE;

  detail = g_strdup_printf ("action %" G_GINT64_FORMAT ": %s, owner %s%s, due %s%s%s",
                            written->id, heard_plan_action_is_open (action) ? "open" : "done",
                            heard_agency_to_code (heard_plan_action_get_owner (action)),
                            owner_entry,
                            heard_plan_action_get_text (action, HEARD_ACTION_DUE_DATE),
                            *heard_plan_action_get_text (action, HEARD_ACTION_ACKNOWLEDGED_ON)
                            != '\0' ? ", acknowledged " : "",
                            heard_plan_action_get_text (action, HEARD_ACTION_ACKNOWLEDGED_ON));

  return touch_plan (db, plan_id, error) &&
         _heard_audit_append (db, NULL, heard_plan_action_get_id (action) == 0
                                        ? "added action"
                                        : progress_only ? "updated action progress"
                                                        : "changed action",
                              "plan", plan_id, detail, error);
}

static gboolean
remove_action (sqlite3            *db,
               gpointer            data,
               HeardStoreWritten  *written,
               GError            **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *detail = NULL;
  g_auto(PlanRow) plan = { 0 };

  written->id = *(gint64 *) data;
  statement = _heard_store_prepare (db, "SELECT plan_id FROM plan_action WHERE id = ?", error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, written->id);
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND,
                           _("This action is no longer in the plan."));
      return FALSE;
    }

  if (!read_editable_plan (db, sqlite3_column_int64 (statement, 0), &plan, error))
    return FALSE;

  written->record_id = plan.id;
  detail = g_strdup_printf ("action %" G_GINT64_FORMAT, written->id);
  return run_sql (db, "DELETE FROM plan_action WHERE id = ?1", written->id, NULL, error) &&
         touch_plan (db, plan.id, error) &&
         _heard_audit_append (db, NULL, "removed action", "plan", plan.id, detail, error);
}

/* Moving a plan through its life */

/* One statement for every step: each sets the state and what goes with it. */
static gboolean
apply_state (sqlite3                  *db,
             const PlanRow            *plan,
             HeardPlanState            state,
             const char               *review_date,
             const HeardPlanDecision  *decision,
             GError                  **error)
{
  g_autofree char *now = _heard_store_now_iso8601 ();
  g_autoptr(sqlite3_stmt) statement = NULL;
  gboolean closing = decision != NULL && decision->event == HEARD_PLAN_EVENT_CLOSE;

  statement = _heard_store_prepare (db,
    "UPDATE plan SET state = ?2, updated_at = ?3,"
    " submitted_at = CASE WHEN ?2 = 1 THEN ?3 ELSE submitted_at END,"
    " signed_off_at = CASE WHEN ?2 = 2 AND state <> 2 THEN ?3 ELSE signed_off_at END,"
    " next_review = coalesce (?4, next_review), review_limit = coalesce (?4, review_limit),"
    " closed_at = CASE WHEN ?2 = 4 THEN ?3 ELSE closed_at END,"
    " closure_view = coalesce (?5, closure_view),"
    " closure_view_missing = coalesce (?6, closure_view_missing),"
    " closure_reason = coalesce (?7, closure_reason),"
    " closes_case = coalesce (?8, closes_case)"
    " WHERE id = ?1", error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, plan->id);
  sqlite3_bind_int (statement, 2, state);
  _heard_store_bind_text (statement, 3, now);
  _heard_store_bind_text (statement, 4, review_date);
  if (closing)
    {
      for (guint i = 0; i < HEARD_CLOSURE_N_TEXTS; i++)
        _heard_store_bind_text (statement, 5 + (int) i, decision->texts[i]);
      sqlite3_bind_int (statement, 8, decision->closes_case);
    }

  return _heard_store_step_done (db, statement, error);
}

static gboolean
audit_step (sqlite3         *db,
            const char      *actor,
            const PlanRow   *plan,
            HeardPlanEvent   event,
            HeardPlanState   to,
            const char      *review_date,
            GError         **error)
{
  g_autofree char *detail = g_strdup_printf ("version %u: %s to %s%s%s", plan->version,
                                             state_codes[plan->state], state_codes[to],
                                             review_date != NULL ? "; next review " : "",
                                             review_date != NULL ? review_date : "");

  return _heard_audit_append (db, actor, event_verbs[event], "plan", plan->id, detail, error);
}

static gboolean
submit_plan (sqlite3            *db,
             gpointer            data,
             HeardStoreWritten  *written,
             GError            **error)
{
  g_auto(PlanRow) plan = { 0 };
  HeardPlanState to;
  gboolean has_area = FALSE;

  written->id = *(gint64 *) data;
  if (!read_plan_row (db, written->id, &plan, error) ||
      !heard_plan_rules_transition (plan.state, HEARD_PLAN_EVENT_SUBMIT, &to, error) ||
      !has_row (db, "SELECT 1 FROM plan_area WHERE plan_id = ?1", written->id, 0, &has_area, error))
    return FALSE;

  if (!has_area)
    {
      g_set_error_literal (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_INCOMPLETE,
                           _("Add at least one area of the young person's life before asking "
                             "for a review."));
      return FALSE;
    }

  return apply_state (db, &plan, to, NULL, NULL, error) &&
         audit_step (db, NULL, &plan, HEARD_PLAN_EVENT_SUBMIT, to, NULL, error);
}

/* Signing off puts any version in use aside: one active plan at a time.
 * Sets @active_next_review to the review that version was waiting for. */
static gboolean
supersede_active (sqlite3   *db,
                  gint64     person_id,
                  char     **active_next_review,
                  GError   **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_auto(PlanRow) active = { 0 };
  HeardPlanState to;

  statement = _heard_store_prepare (db, "SELECT id, next_review FROM plan"
                                        " WHERE person_id = ? AND state = 2", error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, person_id);
  if (sqlite3_step (statement) != SQLITE_ROW)
    return TRUE;

  *active_next_review = _heard_store_dup_column (statement, 1);
  return read_plan_row (db, sqlite3_column_int64 (statement, 0), &active, error) &&
         heard_plan_rules_transition (active.state, HEARD_PLAN_EVENT_SUPERSEDE, &to, error) &&
         apply_state (db, &active, to, NULL, NULL, error) &&
         audit_step (db, NULL, &active, HEARD_PLAN_EVENT_SUPERSEDE, to, NULL, error);
}

/* Whether any of the young person's plans has had a review since sign-off. */
static gboolean
person_was_reviewed (sqlite3   *db,
                     gint64     person_id,
                     gboolean  *reviewed,
                     GError   **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  statement = _heard_store_prepare (db, "SELECT 1 FROM plan_review"
                                        " JOIN plan ON plan.id = plan_review.plan_id"
                                        " WHERE plan.person_id = ? AND plan_review.decision = ?"
                                        " LIMIT 1", error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, person_id);
  sqlite3_bind_int (statement, 2, HEARD_PLAN_EVENT_REVIEW);
  *reviewed = sqlite3_step (statement) == SQLITE_ROW;

  return TRUE;
}

static gboolean
record_review (sqlite3                  *db,
               gint64                    plan_id,
               const HeardSigner        *signer,
               const HeardPlanDecision  *decision,
               GError                  **error)
{
  g_autofree char *now = _heard_store_now_iso8601 ();
  g_autoptr(sqlite3_stmt) statement = NULL;

  statement = _heard_store_prepare (db, "INSERT INTO plan_review (plan_id, decision, reviewer_id,"
                                        " reviewer_name, comments, decided_at)"
                                        " VALUES (?, ?, ?, ?, ?, ?)", error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, plan_id);
  sqlite3_bind_int (statement, 2, decision->event);
  sqlite3_bind_int64 (statement, 3, signer->staff_id);
  _heard_store_bind_text (statement, 4, signer->name);
  _heard_store_bind_text (statement, 5, decision->comments);
  _heard_store_bind_text (statement, 6, now);

  return _heard_store_step_done (db, statement, error);
}

static gboolean
decide_plan (sqlite3            *db,
             gpointer            data,
             HeardStoreWritten  *written,
             GError            **error)
{
  SignedDecision *signed_decision = data;
  const HeardPlanDecision *decision = signed_decision->request->decision;
  g_autofree char *review_date = NULL;
  g_auto(PlanRow) plan = { 0 };
  HeardPlanState to;
  GDate today, limit;

  written->id = signed_decision->request->plan_id;
  if (!heard_plan_decision_validate (decision, error) ||
      !_heard_signer_confirm (db, signed_decision->signer, error) ||
      !read_plan_row (db, written->id, &plan, error) ||
      !heard_plan_rules_transition (plan.state, decision->event, &to, error))
    return FALSE;

  heard_plan_rules_today (&today);
  if (decision->event == HEARD_PLAN_EVENT_SIGN_OFF)
    {
      g_autofree char *active_next_review = NULL;
      gboolean reviewed = FALSE;
      GDate due;

      if (!supersede_active (db, plan.person_id, &active_next_review, error) ||
          !person_was_reviewed (db, plan.person_id, &reviewed, error))
        return FALSE;

      /* Reviews follow the young person, not the version: the first within
       * three months until one has happened, then at most six; and a new
       * version never pushes back a review the one it replaces was due. */
      heard_plan_rules_review_limit (&today, !reviewed, &limit);
      if (heard_date_parse (active_next_review, &due, NULL) && g_date_compare (&due, &limit) < 0)
        limit = due;
      review_date = heard_date_to_iso (&limit);
    }
  else if (decision->event == HEARD_PLAN_EVENT_REVIEW)
    {
      heard_plan_rules_review_limit (&today, FALSE, &limit);
      review_date = heard_date_to_iso (&limit);
    }

  return apply_state (db, &plan, to, review_date, decision, error) &&
         record_review (db, plan.id, signed_decision->signer, decision, error) &&
         audit_step (db, signed_decision->signer->name, &plan, decision->event, to, review_date,
                     error);
}

static gboolean
set_next_review (sqlite3            *db,
                 gpointer            data,
                 HeardStoreWritten  *written,
                 GError            **error)
{
  ReviewDateRequest *request = data;
  g_autofree char *date = NULL;
  g_autofree char *detail = NULL;
  g_auto(PlanRow) plan = { 0 };
  GDate proposed, today, limit;

  written->id = request->plan_id;
  if (!read_plan_row (db, written->id, &plan, error))
    return FALSE;

  if (plan.state != HEARD_PLAN_STATE_ACTIVE)
    {
      g_set_error_literal (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_ILLEGAL_TRANSITION,
                           _("Only a plan in use has a review to bring forward."));
      return FALSE;
    }

  if (!heard_date_parse_field (request->date, _("The review date"), HEARD_PLAN_ERROR,
                               HEARD_PLAN_ERROR_BAD_DATE, &proposed, error))
    return FALSE;

  heard_plan_rules_today (&today);
  if (!heard_date_parse (plan.review_limit, &limit, NULL))
    limit = today;

  if (!heard_plan_rules_check_review_date (&proposed, &today, &limit, error))
    return FALSE;

  date = heard_date_to_iso (&proposed);
  detail = g_strdup_printf ("version %u: next review %s", plan.version, date);

  return run_sql (db, "UPDATE plan SET next_review = ?2 WHERE id = ?1", written->id, date, error) &&
         touch_plan (db, written->id, error) &&
         _heard_audit_append (db, NULL, "review date brought forward", "plan", written->id, detail,
                              error);
}

static gpointer
decide_plan_work (sqlite3            *db,
                  const HeardSigner  *signer,
                  gpointer            data,
                  GError            **error)
{
  SignedDecision signed_decision = { signer, data };

  return _heard_store_write (db, HEARD_RECORD_KIND_PLAN, decide_plan, &signed_decision, error);
}

/* Runs @write on a copy of @id; it finishes with the id it concerns. */
static void
write_with_id (HeardStore          *self,
               HeardStoreWriteFunc  write,
               gint64               id,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  _heard_store_write_async (self, HEARD_RECORD_KIND_PLAN, write, _heard_store_dup_id (id), g_free,
                            source_tag, cancellable, callback, user_data);
}

/* Public API */

/* Finishes with every version of the young person's plan, newest first. */
static void
load_plans_async (HeardStore          *self,
                  gint64               person_id,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  _heard_store_run_async (self, load_plans_work, _heard_store_dup_id (person_id), g_free,
                          (GDestroyNotify) g_ptr_array_unref, heard_store_load_plans_async,
                          cancellable, callback, user_data);
}

/* Starts a new draft version: a copy of the one in use, or a blank plan. */
static void
start_plan_async (HeardStore          *self,
                  gint64               person_id,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  write_with_id (self, start_plan, person_id, heard_store_start_plan_async, cancellable,
                 callback, user_data);
}

/* Adds @area (id 0) to its plan, or saves its texts; the plan must still be
 * being written. */
static void
save_area_async (HeardStore          *self,
                 HeardPlanArea       *area,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_PLAN_AREA (area));

  _heard_store_write_async (self, HEARD_RECORD_KIND_PLAN, save_area, heard_plan_area_copy (area),
                            g_object_unref, heard_store_save_area_async, cancellable, callback,
                            user_data);
}

static void
remove_area_async (HeardStore          *self,
                   gint64               area_id,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  write_with_id (self, remove_area, area_id, heard_store_remove_area_async, cancellable,
                 callback, user_data);
}

/* Adds or saves @action. In a plan still being written everything may
 * change; in a signed-off plan only its status and acknowledgement. */
static void
save_action_async (HeardStore          *self,
                   HeardPlanAction     *action,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_PLAN_ACTION (action));

  _heard_store_write_async (self, HEARD_RECORD_KIND_PLAN, save_action,
                            heard_plan_action_copy (action), g_object_unref,
                            heard_store_save_action_async, cancellable, callback, user_data);
}

static void
remove_action_async (HeardStore          *self,
                     gint64               action_id,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  write_with_id (self, remove_action, action_id, heard_store_remove_action_async, cancellable,
                 callback, user_data);
}

static void
submit_plan_async (HeardStore          *self,
                   gint64               plan_id,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  write_with_id (self, submit_plan, plan_id, heard_store_submit_plan_async, cancellable,
                 callback, user_data);
}

/* Carries out a supervisor's @decision, signed with their @passphrase. A
 * wrong passphrase changes nothing and fails with
 * HEARD_PLAN_ERROR_WRONG_PASSPHRASE. */
static void
decide_plan_async (HeardStore              *self,
                   gint64                   plan_id,
                   const HeardPlanDecision *decision,
                   const char              *passphrase,
                   GCancellable            *cancellable,
                   GAsyncReadyCallback      callback,
                   gpointer                 user_data)
{
  DecideRequest *request;

  g_return_if_fail (decision != NULL);

  request = g_new0 (DecideRequest, 1);
  request->plan_id = plan_id;
  request->decision = heard_plan_decision_copy (decision);
  _heard_store_run_signed_async (self, decision->reviewer_id, passphrase, "plan", plan_id,
                                 decide_plan_work, request, (GDestroyNotify) decide_request_free,
                                 heard_store_decide_plan_async, cancellable, callback, user_data);
}

/* Brings the next review of an active plan forward to @date; it can never
 * be put off beyond what the review rules allow. */
static void
set_next_review_async (HeardStore          *self,
                       gint64               plan_id,
                       const char          *date,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  ReviewDateRequest *request = g_new0 (ReviewDateRequest, 1);

  request->plan_id = plan_id;
  request->date = g_strdup (date);
  _heard_store_write_async (self, HEARD_RECORD_KIND_PLAN, set_next_review, request,
                            (GDestroyNotify) review_date_request_free,
                            heard_store_set_next_review_async, cancellable, callback, user_data);
}

void
_heard_sqlite_store_init_plans (HeardStoreClass *klass)
{
  klass->load_plans_async = load_plans_async;
  klass->start_plan_async = start_plan_async;
  klass->save_area_async = save_area_async;
  klass->remove_area_async = remove_area_async;
  klass->save_action_async = save_action_async;
  klass->remove_action_async = remove_action_async;
  klass->submit_plan_async = submit_plan_async;
  klass->decide_plan_async = decide_plan_async;
  klass->set_next_review_async = set_next_review_async;
}

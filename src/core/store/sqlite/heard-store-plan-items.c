/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-agency.h"
#include "heard-date.h"
#include "heard-open-item.h"
#include "heard-plan-action.h"
#include "heard-store-plan-items-private.h"
#include "heard-plan-rules.h"
#include "heard-store-util.h"

/*
 * What support plans leave open: actions not done, reviews overdue or
 * coming up, versions waiting for a supervisor. A query takes the young
 * person as ?1 (where it is about one) and today as ?2 (where it needs it).
 */

#define ACTION_QUERY \
  "SELECT p.person_id, person.display_name, x.what, x.owner, x.owner_name, x.due_date," \
  " x.status, owner_agency.name FROM plan_action AS x JOIN plan AS p ON p.id = x.plan_id" \
  " JOIN person ON person.id = p.person_id" \
  " LEFT JOIN plan_action_agency AS link ON link.action_id = x.id" \
  " LEFT JOIN agency AS owner_agency ON owner_agency.id = link.agency_id" \
  " WHERE x.status <> 2 AND person.removed_at IS NULL AND "

#define PLAN_QUERY \
  "SELECT p.person_id, person.display_name, p.version, p.next_review, p.submitted_at" \
  " FROM plan AS p JOIN person ON person.id = p.person_id" \
  " WHERE person.removed_at IS NULL AND "

typedef struct
{
  GPtrArray    *items;
  const GDate  *today;
  HeardUrgency  urgency;
} Gathering;

static void
add_item (Gathering    *gathering,
          sqlite3_stmt *statement,
          HeardUrgency  urgency,
          const char   *summary,
          const char   *detail)
{
  g_ptr_array_add (gathering->items,
                   heard_open_item_new (sqlite3_column_int64 (statement, 0),
                                        (const char *) sqlite3_column_text (statement, 1),
                                        "plan", urgency, summary, detail));
}

static void
add_action_cb (sqlite3_stmt *statement,
               gpointer      data)
{
  Gathering *gathering = data;
  const char *owner_name = (const char *) sqlite3_column_text (statement, 4);
  const char *due_text = (const char *) sqlite3_column_text (statement, 5);
  const char *entry_name = (const char *) sqlite3_column_text (statement, 7);
  g_autofree char *due = heard_date_describe (due_text);
  g_autofree char *owner = NULL;
  HeardActionStatus status = CLAMP (sqlite3_column_int (statement, 6), 0,
                                    HEARD_ACTION_N_STATUSES - 1);
  HeardAgency agency = HEARD_AGENCY_OTHER;
  g_autofree char *summary = _heard_store_dup_column (statement, 2);
  g_autofree char *detail = NULL;
  gboolean overdue;
  GDate due_date;

  heard_agency_from_code ((const char *) sqlite3_column_text (statement, 3), &agency);
  overdue = heard_date_parse (due_text, &due_date, NULL) &&
            g_date_compare (&due_date, gathering->today) < 0;
  /* The directory entry's name where the action names one, else the kind. */
  if (entry_name == NULL)
    entry_name = heard_agency_label (agency);
  owner = owner_name != NULL && *owner_name != '\0'
          /* TRANSLATORS: an agency and the person there, e.g. "Police (DC Shaw)" */
          ? g_strdup_printf (_("%s (%s)"), entry_name, owner_name)
          : g_strdup (entry_name);

  /* TRANSLATORS: e.g. "Overdue since 3 March 2025 · Police (DC Shaw) · Stuck" */
  detail = g_strdup_printf (overdue ? _("Overdue since %s · %s · %s") : _("Due %s · %s · %s"),
                            due, owner, heard_action_status_label (status));
  add_item (gathering, statement, overdue ? HEARD_URGENCY_OVERDUE : HEARD_URGENCY_NONE,
            summary, detail);
}

static void
add_review_cb (sqlite3_stmt *statement,
               gpointer      data)
{
  Gathering *gathering = data;
  g_autofree char *date =
    heard_date_describe ((const char *) sqlite3_column_text (statement, 3));
  g_autofree char *summary =
    g_strdup_printf (gathering->urgency == HEARD_URGENCY_OVERDUE
                     ? _("Review overdue since %s") : _("Review due on %s"), date);
  g_autofree char *detail = g_strdup_printf (_("Version %d of the support plan"),
                                             sqlite3_column_int (statement, 2));

  add_item (gathering, statement, gathering->urgency, summary, detail);
}

static void
add_version_cb (sqlite3_stmt *statement,
                gpointer      data)
{
  Gathering *gathering = data;
  const char *submitted = (const char *) sqlite3_column_text (statement, 4);
  g_autofree char *summary = g_strdup_printf (_("Version %d of the support plan is waiting "
                                                "for a supervisor"),
                                              sqlite3_column_int (statement, 2));
  g_autofree char *detail = NULL;

  if (submitted != NULL && *submitted != '\0')
    {
      g_autofree char *day = heard_date_describe_moment_day (submitted);

      /* TRANSLATORS: %s is a date, e.g. "Submitted on 14 March 2025" */
      detail = g_strdup_printf (_("Submitted on %s"), day);
    }

  add_item (gathering, statement, gathering->urgency, summary, detail);
}

static void
add_in_progress_cb (sqlite3_stmt *statement,
                    gpointer      data)
{
  Gathering *gathering = data;
  g_autofree char *summary = g_strdup_printf (_("Version %d of the support plan is still "
                                                "being written or reviewed"),
                                              sqlite3_column_int (statement, 2));

  add_item (gathering, statement, HEARD_URGENCY_NONE, summary, NULL);
}

static GPtrArray *
gather (sqlite3            *db,
        const char         *sql,
        gint64              person_id,
        const GDate        *today,
        HeardStoreRowFunc   func,
        HeardUrgency        urgency,
        GError            **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *today_text = heard_date_to_iso (today);
  Gathering gathering = { items, today, urgency };

  if (!_heard_store_each_row (db, sql, person_id, today_text, func, &gathering, error))
    return NULL;

  return g_steal_pointer (&items);
}

/* The actions of the plan in use (or, with none in use, of the version on
 * its way), and any newer version not yet signed off. */
GPtrArray *
_heard_plan_open_items (sqlite3      *db,
                        gint64        person_id,
                        const GDate  *today,
                        GError      **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) versions = NULL;

  items = gather (db, ACTION_QUERY
                  "p.id = coalesce ((SELECT id FROM plan WHERE person_id = ?1 AND state = 2),"
                  "  (SELECT id FROM plan WHERE person_id = ?1 AND state IN (0, 1, 3)))"
                  " ORDER BY x.due_date, x.id",
                  person_id, today, add_action_cb, HEARD_URGENCY_NONE, error);
  if (items == NULL)
    return NULL;

  versions = gather (db, PLAN_QUERY
                     "p.person_id = ?1 AND p.state IN (0, 1, 3)"
                     " AND EXISTS (SELECT 1 FROM plan WHERE person_id = ?1 AND state = 2)",
                     person_id, today, add_in_progress_cb, HEARD_URGENCY_NONE, error);
  if (versions == NULL)
    return NULL;

  g_ptr_array_extend_and_steal (items, g_steal_pointer (&versions));
  return g_steal_pointer (&items);
}

GPtrArray *
_heard_plan_reviews_overdue (sqlite3      *db,
                             const GDate  *today,
                             GError      **error)
{
  return gather (db, PLAN_QUERY "p.state = 2 AND p.next_review < ?2"
                 " ORDER BY p.next_review",
                 0, today, add_review_cb, HEARD_URGENCY_OVERDUE, error);
}

GPtrArray *
_heard_plan_reviews_due (sqlite3      *db,
                         const GDate  *today,
                         GError      **error)
{
  return gather (db, PLAN_QUERY "p.state = 2 AND p.next_review >= ?2"
                 " AND p.next_review <= date (?2, '+" G_STRINGIFY (HEARD_PLAN_REVIEW_DUE_DAYS) " days')"
                 " ORDER BY p.next_review",
                 0, today, add_review_cb, HEARD_URGENCY_SOON, error);
}

GPtrArray *
_heard_plan_overdue_actions (sqlite3      *db,
                             const GDate  *today,
                             GError      **error)
{
  return gather (db, ACTION_QUERY "p.state = 2 AND x.due_date < ?2"
                 " ORDER BY x.due_date, x.id",
                 0, today, add_action_cb, HEARD_URGENCY_OVERDUE, error);
}

GPtrArray *
_heard_plan_awaiting_review (sqlite3      *db,
                             const GDate  *today,
                             GError      **error)
{
  return gather (db, PLAN_QUERY "p.state = 1"
                 " ORDER BY p.submitted_at",
                 0, today, add_version_cb, HEARD_URGENCY_NONE, error);
}

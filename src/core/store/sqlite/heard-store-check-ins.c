/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-store"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-audit-private.h"
#include "heard-store-check-ins.h"
#include "heard-store-util.h"

/*
 * Check-ins in the SQLCipher store: a check_in row and one check_in_rating
 * row per area and rater, added in one transaction with the audit entry
 * whose actor and time they keep; the audit trail seals them at commit
 * (heard-audit.c) and triggers refuse any change afterwards.
 */

typedef struct
{
  gint64 person_id;
  gint64 plan_id;
} ListRequest;

static void
note_found_cb (sqlite3_stmt *statement,
               gpointer      data)
{
  *(gboolean *) data = TRUE;
}

static void
read_id_cb (sqlite3_stmt *statement,
            gpointer      data)
{
  *(gint64 *) data = sqlite3_column_int64 (statement, 0);
}

static void
add_area_cb (sqlite3_stmt *statement,
             gpointer      data)
{
  g_hash_table_add (data, GINT_TO_POINTER (sqlite3_column_int (statement, 0) + 1));
}

/* Refuses an area the plan does not have: a rating belongs to an area of
 * the plan it was given in. */
static gboolean
check_areas (sqlite3       *db,
             HeardCheckIn  *check_in,
             GError       **error)
{
  g_autoptr(GHashTable) areas = g_hash_table_new (NULL, NULL);
  guint n = heard_check_in_get_n_areas (check_in);

  if (!_heard_store_each_row (db, "SELECT kind FROM plan_area WHERE plan_id = ?1",
                              heard_check_in_get_plan_id (check_in), NULL, add_area_cb, areas,
                              error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      HeardAreaKind kind = heard_check_in_get_area (check_in, i);

      if (!g_hash_table_contains (areas, GINT_TO_POINTER (kind + 1)))
        {
          g_set_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID,
                       /* TRANSLATORS: %s is an area of a plan, e.g. "Health" */
                       _("This plan has no area “%s” any more, so its ratings could not be "
                         "kept. Nothing was saved."), heard_area_kind_label (kind));
          return FALSE;
        }
    }

  return TRUE;
}

static void
bind_rating (sqlite3_stmt      *statement,
             int                index,
             const HeardRating *rating)
{
  _heard_store_bind_text (statement, index, heard_rating_state_to_code (rating->state));
  if (rating->state == HEARD_RATING_GIVEN)
    sqlite3_bind_int (statement, index + 1, (int) rating->value);
  else
    sqlite3_bind_null (statement, index + 1);
}

static gboolean
insert_ratings (sqlite3       *db,
                HeardCheckIn  *check_in,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  guint n = heard_check_in_get_n_areas (check_in);

  statement = _heard_store_prepare (db, "INSERT INTO check_in_rating (check_in_id, area_kind,"
                                        " rater, state, value) VALUES (?1, ?2, ?3, ?4, ?5)",
                                    error);
  if (statement == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    for (HeardRater rater = 0; rater < HEARD_N_RATERS; rater++)
      {
        HeardAreaKind kind = heard_check_in_get_area (check_in, i);
        HeardRating rating;

        heard_check_in_get_rating (check_in, kind, rater, &rating);
        sqlite3_reset (statement);
        sqlite3_clear_bindings (statement);
        sqlite3_bind_int64 (statement, 1, heard_check_in_get_id (check_in));
        sqlite3_bind_int (statement, 2, (int) kind);
        _heard_store_bind_text (statement, 3, heard_rater_to_code (rater));
        bind_rating (statement, 4, &rating);
        if (!_heard_store_step_done (db, statement, error))
          return FALSE;
      }

  return TRUE;
}

static gboolean
save_write (sqlite3            *db,
            gpointer            data,
            HeardStoreWritten  *written,
            GError            **error)
{
  HeardCheckIn *check_in = data;
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *day = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *at = NULL;
  g_autofree char *detail = NULL;
  gboolean found = FALSE;
  HeardRating safety;

  if (!heard_check_in_validate (check_in, error))
    return FALSE;

  if (!_heard_store_each_row (db, "SELECT 1 FROM plan WHERE id = ?1",
                              heard_check_in_get_plan_id (check_in), NULL, note_found_cb, &found,
                              error))
    return FALSE;
  if (!found)
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND,
                           _("The plan this check-in belongs to could not be found, so it was "
                             "not saved."));
      return FALSE;
    }
  if (!check_areas (db, check_in, error))
    return FALSE;

  /* Who and when are the audit entry's own, and the row is never updated
   * (its trigger would refuse): so the entry comes first, naming the id the
   * row will have. The transaction is immediate; nobody else adds one. */
  if (!_heard_store_each_row (db, "SELECT coalesce (max (id), 0) + 1 FROM check_in", 0, NULL,
                              read_id_cb, &written->id, error))
    return FALSE;
  day = heard_normalize_date (heard_check_in_get_day (check_in));
  detail = g_strdup_printf ("a check-in on %s, %u areas", day,
                            heard_check_in_get_n_areas (check_in));
  if (!_heard_audit_append (db, NULL, "recorded", "check-in", written->id, detail, error) ||
      !_heard_audit_read_newest (db, &actor, &at, error))
    return FALSE;

  statement = _heard_store_prepare (db, "INSERT INTO check_in (id, plan_id, day, safety_state,"
                                        " safety, their_words, worker_note, present, saved_by,"
                                        " saved_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                                        " ?10)", error);
  if (statement == NULL)
    return FALSE;

  heard_check_in_get_safety (check_in, &safety);
  sqlite3_bind_int64 (statement, 1, written->id);
  sqlite3_bind_int64 (statement, 2, heard_check_in_get_plan_id (check_in));
  _heard_store_bind_text (statement, 3, day);
  bind_rating (statement, 4, &safety);
  _heard_store_bind_text (statement, 6,
                          heard_check_in_get_text (check_in, HEARD_CHECK_IN_THEIR_WORDS));
  _heard_store_bind_text (statement, 7,
                          heard_check_in_get_text (check_in, HEARD_CHECK_IN_WORKER_NOTE));
  _heard_store_bind_text (statement, 8,
                          heard_check_in_get_text (check_in, HEARD_CHECK_IN_PRESENT));
  _heard_store_bind_text (statement, 9, actor);
  _heard_store_bind_text (statement, 10, at);
  if (!_heard_store_step_done (db, statement, error))
    return FALSE;

  heard_check_in_set_id (check_in, written->id);
  return insert_ratings (db, check_in, error);
}

#define CHECK_IN_SCOPE \
  " JOIN plan ON plan.id = check_in.plan_id" \
  " WHERE plan.person_id = ?1 AND (?2 = 0 OR check_in.plan_id = ?2)"

/* Runs @sql with the request's young person as ?1 and plan as ?2. */
static gboolean
each_listed (sqlite3            *db,
             const char         *sql,
             const ListRequest  *request,
             HeardStoreRowFunc   func,
             gpointer            data,
             GError            **error)
{
  g_autoptr(sqlite3_stmt) statement = _heard_store_prepare (db, sql, error);
  int rc;

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, request->person_id);
  sqlite3_bind_int64 (statement, 2, request->plan_id);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    func (statement, data);
  if (rc != SQLITE_DONE)
    {
      _heard_store_set_error (error, db, rc);
      return FALSE;
    }

  return TRUE;
}

/* A stored state and value; the table's CHECKs allow only known codes. */
static void
read_rating (sqlite3_stmt *statement,
             int           column,
             HeardRating  *rating)
{
  rating->state = HEARD_RATING_SKIPPED;
  heard_rating_state_from_code ((const char *) sqlite3_column_text (statement, column),
                                &rating->state);
  rating->value = rating->state == HEARD_RATING_GIVEN
                  ? (guint) sqlite3_column_int (statement, column + 1) : 0;
}

typedef struct
{
  GPtrArray  *check_ins;
  GHashTable *by_id;
} Listing;

static void
add_check_in_cb (sqlite3_stmt *statement,
                 gpointer      data)
{
  Listing *listing = data;
  HeardCheckIn *check_in = heard_check_in_new (sqlite3_column_int64 (statement, 1));
  HeardRating safety;

  heard_check_in_set_id (check_in, sqlite3_column_int64 (statement, 0));
  heard_check_in_set_person_id (check_in, sqlite3_column_int64 (statement, 2));
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_DAY,
                           (const char *) sqlite3_column_text (statement, 3));
  read_rating (statement, 4, &safety);
  heard_check_in_set_safety (check_in, safety.state, safety.value);
  for (HeardCheckInText t = HEARD_CHECK_IN_THEIR_WORDS; t < HEARD_CHECK_IN_N_TEXTS; t++)
    heard_check_in_set_text (check_in, t,
                             (const char *) sqlite3_column_text (statement, 6 + t - 1));
  heard_check_in_set_saved (check_in, (const char *) sqlite3_column_text (statement, 9),
                            (const char *) sqlite3_column_text (statement, 10));

  g_ptr_array_add (listing->check_ins, check_in);
  g_hash_table_insert (listing->by_id, GINT_TO_POINTER (heard_check_in_get_id (check_in)),
                       check_in);
}

static void
add_rating_cb (sqlite3_stmt *statement,
               gpointer      data)
{
  Listing *listing = data;
  HeardCheckIn *check_in = g_hash_table_lookup (listing->by_id,
                                                GINT_TO_POINTER (sqlite3_column_int64 (statement,
                                                                                       0)));
  HeardRater rater = HEARD_RATER_YOUNG_PERSON;
  HeardRating rating;
  int kind = sqlite3_column_int (statement, 1);

  if (check_in == NULL || kind >= HEARD_AREA_N_KINDS ||
      !heard_rater_from_code ((const char *) sqlite3_column_text (statement, 2), &rater))
    return;

  read_rating (statement, 3, &rating);
  heard_check_in_set_rating (check_in, kind, rater, rating.state, rating.value);
}

static gpointer
list_work (sqlite3  *db,
           gpointer  data,
           GError  **error)
{
  Listing listing = {
    g_ptr_array_new_with_free_func (g_object_unref),
    g_hash_table_new (g_direct_hash, g_direct_equal),
  };
  gboolean ok;

  ok = each_listed (db, "SELECT check_in.id, check_in.plan_id, plan.person_id, day,"
                        " safety_state, safety, their_words, worker_note, present, saved_by,"
                        " saved_at FROM check_in" CHECK_IN_SCOPE
                        " ORDER BY check_in.day, check_in.id",
                    data, add_check_in_cb, &listing, error) &&
       each_listed (db, "SELECT check_in_id, area_kind, rater, check_in_rating.state, value"
                        " FROM check_in_rating"
                        " JOIN check_in ON check_in.id = check_in_rating.check_in_id"
                        CHECK_IN_SCOPE,
                    data, add_rating_cb, &listing, error);

  g_hash_table_unref (listing.by_id);
  if (!ok)
    g_clear_pointer (&listing.check_ins, g_ptr_array_unref);
  return listing.check_ins;
}

static void
save_check_in_async (HeardStore          *self,
                     HeardCheckIn        *check_in,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  /* The database thread gets its own copy: @check_in stays the caller's. */
  _heard_store_write_async (self, HEARD_RECORD_KIND_CHECK_IN, save_write,
                            heard_check_in_copy (check_in), g_object_unref,
                            heard_store_save_check_in_async, cancellable, callback, user_data);
}

static void
list_check_ins_async (HeardStore          *self,
                      gint64               person_id,
                      gint64               plan_id,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  ListRequest *request = g_new0 (ListRequest, 1);

  request->person_id = person_id;
  request->plan_id = plan_id;
  _heard_store_run_async (self, list_work, request, g_free, (GDestroyNotify) g_ptr_array_unref,
                          heard_store_list_check_ins_async, cancellable, callback, user_data);
}

void
_heard_sqlite_store_init_check_ins (HeardStoreClass *klass)
{
  klass->save_check_in_async = save_check_in_async;
  klass->list_check_ins_async = list_check_ins_async;
}

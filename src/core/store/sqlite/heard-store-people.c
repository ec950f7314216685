/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-store"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-audit-private.h"
#include "heard-removed-person.h"
#include "heard-search.h"
#include "heard-store-people.h"
#include "heard-store-util.h"

typedef struct
{
  gint64    id;
  gboolean  removed;
  char     *detail;
} RemoveRequest;

/* Columns after the text fields, in SELECT order. */
enum {
  COLUMN_ID = HEARD_PERSON_N_TEXTS,
  COLUMN_INTERPRETER_NEEDED,
  COLUMN_NATIONALITY_ANSWER,
  COLUMN_AGENCY_IDS,
};

/* The directory entries involved, as "3,7". */
static void
read_agency_ids (HeardPerson *person,
                 const char  *list)
{
  g_auto(GStrv) parts = g_strsplit (list != NULL ? list : "", ",", -1);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (parts[i], NULL, 10);

      if (id > 0)
        g_array_append_val (ids, id);
    }
  heard_person_set_agency_ids (person, (const gint64 *) (gpointer) ids->data, ids->len);
}

static HeardPerson *
read_person (sqlite3_stmt *statement)
{
  HeardPerson *person = heard_person_new ();

  for (guint i = 0; i < HEARD_PERSON_N_TEXTS; i++)
    heard_person_set_text (person, i, (const char *) sqlite3_column_text (statement, i));
  heard_person_set_id (person, sqlite3_column_int64 (statement, COLUMN_ID));
  heard_person_set_interpreter_needed (person,
                                       sqlite3_column_int (statement, COLUMN_INTERPRETER_NEEDED));
  heard_person_set_nationality_answer (person,
                                       CLAMP (sqlite3_column_int (statement,
                                                                  COLUMN_NATIONALITY_ANSWER),
                                              HEARD_ANSWER_NOT_ASKED,
                                              HEARD_ANSWER_PREFERS_NOT_TO_SAY));
  read_agency_ids (person, (const char *) sqlite3_column_text (statement, COLUMN_AGENCY_IDS));

  return person;
}

static void
add_person_cb (sqlite3_stmt *statement,
               gpointer      data)
{
  g_ptr_array_add (data, read_person (statement));
}

static gpointer
list_people_work (sqlite3  *db,
                  gpointer  data,
                  GError  **error)
{
  g_autofree char *columns = heard_person_text_columns ("");
  g_autofree char *sql = g_strdup_printf ("SELECT %s, id, interpreter_needed, nationality_answer,"
                                          " (SELECT group_concat (agency_id, ',') FROM"
                                          "    (SELECT agency_id FROM person_agency"
                                          "     WHERE person_id = person.id"
                                          "     ORDER BY agency_id))"
                                          " FROM person WHERE removed_at IS NULL"
                                          " ORDER BY display_name COLLATE NOCASE", columns);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);

  if (!_heard_store_each_row (db, sql, 0, NULL, add_person_cb, people, error))
    return NULL;

  return g_steal_pointer (&people);
}

static void
bind_person (sqlite3_stmt *statement,
             HeardPerson  *person,
             const char   *now)
{
  for (guint i = 0; i < HEARD_PERSON_N_TEXTS; i++)
    _heard_store_bind_text (statement, i + 1, heard_person_get_text (person, i));
  sqlite3_bind_int (statement, HEARD_PERSON_N_TEXTS + 1,
                    heard_person_get_interpreter_needed (person));
  sqlite3_bind_int (statement, HEARD_PERSON_N_TEXTS + 2,
                    heard_person_get_nationality_answer (person));
  _heard_store_bind_text (statement, HEARD_PERSON_N_TEXTS + 3, now);
}

/* The entries involved replace the ones saved before; each must serve a
 * kind the record names (the schema refuses one that does not). */
static gboolean
save_agency_ids (sqlite3      *db,
                 HeardPerson  *person,
                 gint64        person_id,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) removed = NULL;
  g_autoptr(sqlite3_stmt) added = NULL;
  const gint64 *ids;
  guint n_ids;

  removed = _heard_store_prepare (db, "DELETE FROM person_agency WHERE person_id = ?1", error);
  if (removed == NULL)
    return FALSE;
  sqlite3_bind_int64 (removed, 1, person_id);
  if (!_heard_store_step_done (db, removed, error))
    return FALSE;

  ids = heard_person_get_agency_ids (person, &n_ids);
  if (n_ids == 0)
    return TRUE;

  added = _heard_store_prepare (db, "INSERT INTO person_agency (person_id, agency_id)"
                                    " SELECT ?1, ?2 WHERE EXISTS"
                                    "  (SELECT 1 FROM agency_kind WHERE agency_id = ?2"
                                    "   AND ',' || ?3 || ',' LIKE '%,' || kind || ',%')",
                                error);
  if (added == NULL)
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      sqlite3_bind_int64 (added, 1, person_id);
      sqlite3_bind_int64 (added, 2, ids[i]);
      _heard_store_bind_text (added, 3, heard_person_get_text (person, HEARD_PERSON_AGENCIES));
      if (!_heard_store_step_done (db, added, error))
        return FALSE;
      if (sqlite3_changes (db) == 0)
        {
          g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID,
                               _("An agency ticked as involved is not of a kind ticked "
                                 "for this young person. Nothing was changed."));
          return FALSE;
        }
      sqlite3_reset (added);
    }

  return TRUE;
}

static gboolean
save_person (sqlite3            *db,
             gpointer            data,
             HeardStoreWritten  *written,
             GError            **error)
{
  HeardPerson *person = data;
  gint64 id = heard_person_get_id (person);
  g_autofree char *now = _heard_store_now_iso8601 ();
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) statement = NULL;

  if (!heard_person_prepare (person, error))
    return FALSE;

  if (id == 0)
    {
      g_autofree char *columns = heard_person_text_columns ("");
      /* One mark per text, then interpreter, answer and the time twice. */
      g_autofree char *marks = _heard_store_placeholders (1, HEARD_PERSON_N_TEXTS + 3);

      sql = g_strdup_printf ("INSERT INTO person (%s, interpreter_needed, nationality_answer,"
                             " updated_at, created_at) VALUES (%s, ?%d)",
                             columns, marks, HEARD_PERSON_N_TEXTS + 3);
    }
  else
    {
      g_autofree char *assignments = heard_person_text_columns (" = ?");

      sql = g_strdup_printf ("UPDATE person SET %s, interpreter_needed = ?,"
                             " nationality_answer = ?, updated_at = ? WHERE id = ?%d",
                             assignments, HEARD_PERSON_N_TEXTS + 4);
    }

  statement = _heard_store_prepare (db, sql, error);
  if (statement == NULL)
    return FALSE;

  bind_person (statement, person, now);
  if (id != 0)
    sqlite3_bind_int64 (statement, HEARD_PERSON_N_TEXTS + 4, id);
  if (!_heard_store_step_done (db, statement, error))
    return FALSE;

  if (id != 0 && sqlite3_changes (db) == 0)
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND,
                           _("This young person's record could not be found, "
                             "so the change was not saved."));
      return FALSE;
    }

  written->id = id != 0 ? id : sqlite3_last_insert_rowid (db);

  return save_agency_ids (db, person, written->id, error) &&
         _heard_audit_append (db, NULL, id == 0 ? "created" : "changed", "person", written->id,
                              "", error);
}

static gboolean
set_removed (sqlite3            *db,
             gpointer            data,
             HeardStoreWritten  *written,
             GError            **error)
{
  RemoveRequest *request = data;
  g_autofree char *now = _heard_store_now_iso8601 ();
  g_autoptr(sqlite3_stmt) statement = NULL;

  /* Removal hides a record; it never destroys one, so it can be undone. */
  statement = _heard_store_prepare (db, "UPDATE person SET removed_at = ?, updated_at = ?"
                                        " WHERE id = ?", error);
  if (statement == NULL)
    return FALSE;

  _heard_store_bind_text (statement, 1, request->removed ? now : NULL);
  _heard_store_bind_text (statement, 2, now);
  sqlite3_bind_int64 (statement, 3, request->id);
  if (!_heard_store_step_done (db, statement, error))
    return FALSE;

  if (sqlite3_changes (db) == 0)
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND,
                           _("This young person's record could not be found."));
      return FALSE;
    }

  written->id = request->id;

  /* The reason for a removal stays in its audit entry, beside who and when. */
  return _heard_audit_append (db, NULL, request->removed ? "removed" : "restored", "person",
                              request->id, request->detail, error);
}

static void
remove_request_free (RemoveRequest *request)
{
  g_free (request->detail);
  g_free (request);
}

static void
add_removed_cb (sqlite3_stmt *statement,
                gpointer      data)
{
  g_autofree char *note = NULL;
  HeardRemovalReason reason;

  reason = heard_removal_rules_parse_detail ((const char *) sqlite3_column_text (statement, 3),
                                             &note);
  g_ptr_array_add (data,
                   heard_removed_person_new (sqlite3_column_int64 (statement, 0),
                                             (const char *) sqlite3_column_text (statement, 1),
                                             (const char *) sqlite3_column_text (statement, 2),
                                             reason, note));
}

static gpointer
list_removed_people_work (sqlite3  *db,
                          gpointer  data,
                          GError  **error)
{
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_object_unref);

  /* Why: the newest removal's audit entry, which holds the reason. */
  if (!_heard_store_each_row (db, "SELECT id, display_name, removed_at,"
                                  " (SELECT detail FROM audit WHERE target_kind = 'person'"
                                  "  AND target_id = person.id AND action = 'removed'"
                                  "  ORDER BY audit.id DESC LIMIT 1)"
                                  " FROM person WHERE removed_at IS NOT NULL"
                                  " ORDER BY removed_at DESC, id DESC", 0, NULL,
                              add_removed_cb, removed, error))
    return NULL;

  return g_steal_pointer (&removed);
}

static void
add_id_cb (sqlite3_stmt *statement,
           gpointer      data)
{
  g_hash_table_add (data, _heard_store_dup_id (sqlite3_column_int64 (statement, 0)));
}

static gpointer
search_people_work (sqlite3  *db,
                    gpointer  data,
                    GError  **error)
{
  const char *match = data;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (!_heard_store_each_row (db, "SELECT docid FROM person_search"
                                  " JOIN person ON person.id = person_search.docid"
                                  " WHERE person_search MATCH ?2"
                                  " AND person.removed_at IS NULL", 0, match, add_id_cb, ids,
                              error))
    return NULL;

  return g_steal_pointer (&ids);
}

static void
list_people_async (HeardStore          *self,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  _heard_store_run_async (self, list_people_work, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
                          heard_store_list_people_async, cancellable, callback, user_data);
}

static void
save_person_async (HeardStore          *self,
                   HeardPerson         *person,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_PERSON (person));

  /* The database thread gets its own copy: @person stays the main thread's. */
  _heard_store_write_async (self, HEARD_RECORD_KIND_PERSON, save_person,
                            heard_person_copy (person), g_object_unref,
                            heard_store_save_person_async, cancellable, callback, user_data);
}

static void
set_person_removed_async (HeardStore          *self,
                          gint64               id,
                          gboolean             removed,
                          const char          *detail,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  RemoveRequest *request = g_new0 (RemoveRequest, 1);

  request->id = id;
  request->removed = removed;
  request->detail = g_strdup (detail != NULL ? detail : "");
  _heard_store_write_async (self, HEARD_RECORD_KIND_PERSON, set_removed, request,
                            (GDestroyNotify) remove_request_free,
                            heard_store_set_person_removed_async, cancellable, callback,
                            user_data);
}

static void
list_removed_people_async (HeardStore          *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  _heard_store_run_async (self, list_removed_people_work, NULL, NULL,
                          (GDestroyNotify) g_ptr_array_unref,
                          heard_store_list_removed_people_async, cancellable, callback,
                          user_data);
}

/* Finishes with the set of matching ids (gint64 keys), or NULL when nothing
 * searchable was typed, meaning "show everyone". */
static void
search_people_async (HeardStore          *self,
                     const char          *typed,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  char *match = heard_search_build_match (typed);

  if (match == NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

      g_task_set_source_tag (task, heard_store_search_people_async);
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  _heard_store_run_async (self, search_people_work, match, g_free,
                          (GDestroyNotify) g_hash_table_unref, heard_store_search_people_async,
                          cancellable, callback, user_data);
}

void
_heard_sqlite_store_init_people (HeardStoreClass *klass)
{
  klass->list_people_async = list_people_async;
  klass->save_person_async = save_person_async;
  klass->set_person_removed_async = set_person_removed_async;
  klass->list_removed_people_async = list_removed_people_async;
  klass->search_people_async = search_people_async;
}

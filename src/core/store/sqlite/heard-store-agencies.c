/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-store"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-audit-private.h"
#include "heard-store-agencies.h"
#include "heard-store-util.h"

/*
 * The agencies directory in the SQLCipher store: an agency row per entry,
 * audited in the transaction that adds or changes it, and the agency_kind
 * rows that say which stored agency code each entry serves (kept to its
 * type). Entries are retired, never removed (a trigger refuses).
 */

static void
add_agency_cb (sqlite3_stmt *statement,
               gpointer      data)
{
  HeardAgencyType type = HEARD_AGENCY_TYPE_OTHER;
  HeardDirectoryAgency *agency;

  heard_agency_type_from_code ((const char *) sqlite3_column_text (statement, 2), &type);
  agency = heard_directory_agency_new (type, (const char *) sqlite3_column_text (statement, 1));
  heard_directory_agency_set_id (agency, sqlite3_column_int64 (statement, 0));
  heard_directory_agency_set_text (agency, HEARD_DIRECTORY_AGENCY_CONTACT_NAME,
                                   (const char *) sqlite3_column_text (statement, 3));
  heard_directory_agency_set_text (agency, HEARD_DIRECTORY_AGENCY_CONTACT_HOW,
                                   (const char *) sqlite3_column_text (statement, 4));
  heard_directory_agency_set_retired (agency, sqlite3_column_type (statement, 5) != SQLITE_NULL);
  g_ptr_array_add (data, agency);
}

static gpointer
list_work (sqlite3  *db,
           gpointer  data,
           GError  **error)
{
  g_autoptr(GPtrArray) agencies = g_ptr_array_new_with_free_func (g_object_unref);

  if (!_heard_store_each_row (db, "SELECT id, name, type, contact_name, contact_how, retired_at"
                                  " FROM agency ORDER BY name COLLATE NOCASE, id",
                              0, NULL, add_agency_cb, agencies, error))
    return NULL;

  return g_steal_pointer (&agencies);
}

/* The entry serves the stored code of its type, and only that. */
static gboolean
map_kind (sqlite3               *db,
          HeardDirectoryAgency  *agency,
          gint64                 id,
          GError               **error)
{
  g_autoptr(sqlite3_stmt) removed = NULL;
  g_autoptr(sqlite3_stmt) added = NULL;
  HeardAgency kind = heard_agency_type_to_kind (heard_directory_agency_get_agency_type (agency));

  removed = _heard_store_prepare (db, "DELETE FROM agency_kind WHERE agency_id = ?1", error);
  if (removed == NULL)
    return FALSE;
  sqlite3_bind_int64 (removed, 1, id);
  if (!_heard_store_step_done (db, removed, error))
    return FALSE;

  added = _heard_store_prepare (db, "INSERT INTO agency_kind (kind, agency_id) VALUES (?1, ?2)",
                                error);
  if (added == NULL)
    return FALSE;
  _heard_store_bind_text (added, 1, heard_agency_to_code (kind));
  sqlite3_bind_int64 (added, 2, id);
  return _heard_store_step_done (db, added, error);
}

static gboolean
save_write (sqlite3            *db,
            gpointer            data,
            HeardStoreWritten  *written,
            GError            **error)
{
  HeardDirectoryAgency *agency = data;
  g_autofree char *now = _heard_store_now_iso8601 ();
  g_autofree char *detail = NULL;
  g_autoptr(sqlite3_stmt) statement = NULL;
  const char *type;

  if (!heard_directory_agency_validate (agency, error))
    return FALSE;

  written->id = heard_directory_agency_get_id (agency);
  if (written->id == 0)
    statement = _heard_store_prepare (db, "INSERT INTO agency (name, type, contact_name,"
                                          " contact_how, created_at, updated_at, retired_at)"
                                          " VALUES (?1, ?2, ?3, ?4, ?5, ?5,"
                                          "         CASE WHEN ?6 THEN ?5 END)", error);
  else
    statement = _heard_store_prepare (db, "UPDATE agency SET name = ?1, type = ?2,"
                                          " contact_name = ?3, contact_how = ?4,"
                                          " updated_at = ?5,"
                                          " retired_at = CASE WHEN ?6 THEN"
                                          "   coalesce (retired_at, ?5) END"
                                          " WHERE id = ?7", error);
  if (statement == NULL)
    return FALSE;

  type = heard_agency_type_to_code (heard_directory_agency_get_agency_type (agency));
  _heard_store_bind_text (statement, 1,
                          heard_directory_agency_get_text (agency, HEARD_DIRECTORY_AGENCY_NAME));
  _heard_store_bind_text (statement, 2, type);
  _heard_store_bind_text (statement, 3,
                          heard_directory_agency_get_text (agency,
                                                           HEARD_DIRECTORY_AGENCY_CONTACT_NAME));
  _heard_store_bind_text (statement, 4,
                          heard_directory_agency_get_text (agency,
                                                           HEARD_DIRECTORY_AGENCY_CONTACT_HOW));
  _heard_store_bind_text (statement, 5, now);
  sqlite3_bind_int (statement, 6, heard_directory_agency_get_retired (agency));
  if (written->id != 0)
    sqlite3_bind_int64 (statement, 7, written->id);
  if (!_heard_store_step_done (db, statement, error))
    return FALSE;

  if (written->id != 0 && sqlite3_changes (db) == 0)
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND,
                           _("This agency is no longer in the directory."));
      return FALSE;
    }
  if (written->id == 0)
    written->id = sqlite3_last_insert_rowid (db);

  /* The name is the organisation's, not a young person's: it may be in
   * the trail. */
  detail = g_strdup_printf ("%s: %s", type,
                            heard_directory_agency_get_text (agency, HEARD_DIRECTORY_AGENCY_NAME));
  return map_kind (db, agency, written->id, error) &&
         _heard_audit_append (db, NULL,
                              heard_directory_agency_get_id (agency) == 0 ? "created" : "changed",
                              "agency", written->id, detail, error);
}

static gboolean
retire_write (sqlite3            *db,
              gpointer            data,
              HeardStoreWritten  *written,
              GError            **error)
{
  g_autofree char *now = _heard_store_now_iso8601 ();
  g_autoptr(sqlite3_stmt) statement = NULL;

  written->id = *(gint64 *) data;
  statement = _heard_store_prepare (db, "UPDATE agency SET retired_at = ?1, updated_at = ?1"
                                        " WHERE id = ?2 AND retired_at IS NULL", error);
  if (statement == NULL)
    return FALSE;

  _heard_store_bind_text (statement, 1, now);
  sqlite3_bind_int64 (statement, 2, written->id);
  if (!_heard_store_step_done (db, statement, error))
    return FALSE;

  if (sqlite3_changes (db) == 0)
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND,
                           _("This agency is no longer in the directory."));
      return FALSE;
    }

  return _heard_audit_append (db, NULL, "retired", "agency", written->id, "", error);
}

static void
list_agencies_async (HeardStore          *self,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  _heard_store_run_async (self, list_work, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
                          heard_store_list_agencies_async, cancellable, callback, user_data);
}

static void
save_agency_async (HeardStore           *self,
                   HeardDirectoryAgency *agency,
                   GCancellable         *cancellable,
                   GAsyncReadyCallback   callback,
                   gpointer              user_data)
{
  /* The database thread gets its own copy: @agency stays the caller's. */
  _heard_store_write_async (self, HEARD_RECORD_KIND_AGENCY, save_write,
                            heard_directory_agency_copy (agency), g_object_unref,
                            heard_store_save_agency_async, cancellable, callback, user_data);
}

static void
retire_agency_async (HeardStore          *self,
                     gint64               id,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  _heard_store_write_async (self, HEARD_RECORD_KIND_AGENCY, retire_write,
                            _heard_store_dup_id (id), g_free, heard_store_retire_agency_async,
                            cancellable, callback, user_data);
}

void
_heard_sqlite_store_init_agencies (HeardStoreClass *klass)
{
  klass->list_agencies_async = list_agencies_async;
  klass->save_agency_async = save_agency_async;
  klass->retire_agency_async = retire_agency_async;
}

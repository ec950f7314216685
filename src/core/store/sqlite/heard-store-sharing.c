/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-store"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-audit-private.h"
#include "heard-recipient.h"
#include "heard-store-sharing.h"
#include "heard-store-util.h"

/*
 * The sharing log in the SQLCipher store (heard-store-sharing.h). An entry
 * is a sharing_entry row (whose young person it is) and its versions, each
 * with the records it included (sharing_link), added as chronology
 * entries' are: the audit entry first (its actor and time are the
 * version's own), then the rows, sealed at commit (heard-audit.c);
 * triggers refuse any change afterwards. Exports are read from the audit
 * trail, where heard-store-exports.c noted them.
 */

#define VERSION_COLUMNS \
  "SELECT e.id, e.person_id, v.version, v.decision, v.what, v.agency_id, v.contact," \
  "       v.shared_on, v.method, v.purpose, coalesce (v.lawful_basis, ''), v.agreed," \
  "       v.agreement_reason, v.decided_by, v.told, v.not_told_reason, v.necessary," \
  "       v.not_shared_reason, coalesce (v.export_audit_id, 0), v.reason, v.saved_by," \
  "       v.saved_at," \
  "       (SELECT group_concat (link, ',') FROM" \
  "          (SELECT what || ':' || record_id AS link FROM sharing_link" \
  "           WHERE version_id = v.id ORDER BY what, record_id))" \
  " FROM sharing_version AS v JOIN sharing_entry AS e ON e.id = v.entry_id"

/* Where VERSION_COLUMNS gives each text. */
static const struct
{
  int               column;
  HeardSharingField field;
} text_columns[] = {
  { 4, HEARD_SHARING_WHAT },
  { 6, HEARD_SHARING_CONTACT },
  { 9, HEARD_SHARING_PURPOSE },
  { 12, HEARD_SHARING_AGREEMENT_REASON },
  { 13, HEARD_SHARING_DECIDED_BY },
  { 15, HEARD_SHARING_NOT_TOLD_REASON },
  { 16, HEARD_SHARING_NECESSARY },
  { 17, HEARD_SHARING_NOT_SHARED_REASON },
  { 19, HEARD_SHARING_REASON },
};

static const char *
column_text (sqlite3_stmt *statement,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (statement, column);

  return text != NULL ? text : "";
}

static void
add_links (HeardSharingEntry *entry,
           const char        *links)
{
  g_auto(GStrv) each = g_strsplit (links, ",", -1);

  for (guint i = 0; each[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (each[i], ":", 2);
      HeardSharingLinkKind kind;

      if (g_strv_length (parts) == 2 && heard_sharing_link_kind_from_code (parts[0], &kind))
        heard_sharing_entry_add_link (entry, kind, g_ascii_strtoll (parts[1], NULL, 10));
    }
}

static void
add_entry_cb (sqlite3_stmt *statement,
              gpointer      data)
{
  HeardSharingDecision decision = HEARD_SHARING_SHARED;
  HeardSharingMethod method = HEARD_SHARING_METHOD_OTHER;
  HeardSharingAgreed agreed = HEARD_SHARING_AGREED_NOT_ASKED;
  HeardSharingEntry *entry;

  heard_sharing_decision_from_code (column_text (statement, 3), &decision);
  entry = heard_sharing_entry_new (sqlite3_column_int64 (statement, 1), decision);
  heard_sharing_entry_set_id (entry, sqlite3_column_int64 (statement, 0));
  heard_sharing_entry_set_version (entry, (guint) sqlite3_column_int (statement, 2));
  heard_sharing_entry_set_agency_id (entry, sqlite3_column_int64 (statement, 5));
  heard_sharing_entry_set_shared_on (entry, column_text (statement, 7));
  heard_sharing_method_from_code (column_text (statement, 8), &method);
  heard_sharing_entry_set_method (entry, method);
  heard_sharing_entry_set_lawful_basis (entry, column_text (statement, 10));
  heard_sharing_agreed_from_code (column_text (statement, 11), &agreed);
  heard_sharing_entry_set_agreed (entry, agreed);
  heard_sharing_entry_set_told (entry, g_strcmp0 (column_text (statement, 14), "yes") == 0);
  for (gsize i = 0; i < G_N_ELEMENTS (text_columns); i++)
    heard_sharing_entry_set_text (entry, text_columns[i].field,
                                  column_text (statement, text_columns[i].column));
  heard_sharing_entry_set_export_audit_id (entry, sqlite3_column_int64 (statement, 18));
  heard_sharing_entry_set_saved (entry, column_text (statement, 20), column_text (statement, 21));
  add_links (entry, column_text (statement, 22));
  g_ptr_array_add (data, entry);
}

static gpointer
list_work (sqlite3  *db,
           gpointer  data,
           GError  **error)
{
  return _heard_store_list_objects (db, VERSION_COLUMNS
                                    " WHERE e.person_id = ?1 AND v.version = (SELECT max (version)"
                                    "   FROM sharing_version WHERE entry_id = e.id)"
                                    " ORDER BY v.shared_on, e.id",
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
add_basis_cb (sqlite3_stmt *statement,
              gpointer      data)
{
  g_ptr_array_add (data, heard_lawful_basis_new (column_text (statement, 0),
                                                 column_text (statement, 1),
                                                 column_text (statement, 2)));
}

static gpointer
bases_work (sqlite3  *db,
            gpointer  data,
            GError  **error)
{
  g_autoptr(GPtrArray) bases = g_ptr_array_new_with_free_func (g_object_unref);

  if (!_heard_store_each_row (db, "SELECT code, label, explanation FROM lawful_basis"
                                  " ORDER BY sort, code",
                              0, NULL, add_basis_cb, bases, error))
    return NULL;

  return g_steal_pointer (&bases);
}

typedef struct
{
  gint64     person_id;
  GPtrArray *drafts;
} UnloggedRead;

static void
add_export_cb (sqlite3_stmt *statement,
               gpointer      data)
{
  UnloggedRead *read = data;
  g_autoptr(HeardExportNote) note = heard_export_note_from_detail (column_text (statement, 2));

  g_autoptr(HeardRecipient) recipient = NULL;

  /* A damaged note is the audit view's to show, not a draft to complete. */
  if (note == NULL)
    return;
  /* What went to the young person themself or stayed in their own team
   * (a spreadsheet for the team's analysis) told no other agency: "who has
   * seen my story" shows it as an export, and there is no share to log. */
  recipient = heard_recipient_from_code (note->recipient);
  if (recipient != NULL && !heard_recipient_kind_is_sharing (recipient->kind))
    return;
  g_ptr_array_add (read->drafts,
                   heard_sharing_entry_new_from_export_note (read->person_id,
                                                             sqlite3_column_int64 (statement, 0),
                                                             column_text (statement, 1), note));
}

static gpointer
unlogged_work (sqlite3  *db,
               gpointer  data,
               GError  **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  UnloggedRead read = { *(gint64 *) data, drafts };

  if (!_heard_store_each_row (db, "SELECT a.id, a.at, a.detail FROM audit AS a"
                                  " WHERE a.action = 'exported' AND a.target_kind = 'person'"
                                  "   AND a.target_id = ?1"
                                  "   AND NOT EXISTS (SELECT 1 FROM sharing_version"
                                  "                   WHERE export_audit_id = a.id)"
                                  "   AND" HEARD_STORE_EXPORT_WRITTEN_SQL ("a")
                                  " ORDER BY a.id",
                              read.person_id, NULL, add_export_cb, &read, error))
    return NULL;

  return g_steal_pointer (&drafts);
}

/* What the records must agree with: the agency is in the directory, the
 * lawful basis is one they list, each linked record and the export it
 * completes are the same young person's. */
static gboolean
check_entry (sqlite3            *db,
             HeardSharingEntry  *entry,
             gint64              person_id,
             GError            **error)
{
  static const char *const link_owner[HEARD_SHARING_N_LINK_KINDS] = {
    [HEARD_SHARING_LINK_STATEMENT] = "SELECT person_id FROM statement WHERE id = ?1",
    [HEARD_SHARING_LINK_PLAN] = "SELECT person_id FROM plan WHERE id = ?1",
    [HEARD_SHARING_LINK_CHECK_IN] = "SELECT plan.person_id FROM check_in"
                                    " JOIN plan ON plan.id = check_in.plan_id"
                                    " WHERE check_in.id = ?1",
  };
  const char *basis = heard_sharing_entry_get_lawful_basis (entry);
  gint64 export_id = heard_sharing_entry_get_export_audit_id (entry);
  const HeardSharingLink *links;
  guint n_links;
  gint64 found;

  if (!heard_sharing_entry_validate (entry, error))
    return FALSE;

  if (!_heard_store_query_number (db, "SELECT id FROM agency WHERE id = ?1",
                                  heard_sharing_entry_get_agency_id (entry), NULL, &found, error))
    return FALSE;
  if (found < 0)
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND,
                           _("This agency is not in the directory. Nothing was saved."));
      return FALSE;
    }

  if (*basis != '\0')
    {
      if (!_heard_store_query_number (db, "SELECT 1 FROM lawful_basis WHERE code = ?2", 0,
                                      basis, &found, error))
        return FALSE;
      if (found < 0)
        return _heard_store_set_invalid (error, _("This lawful basis is not one the records "
                                                  "list. Nothing was saved."));
    }

  links = heard_sharing_entry_get_links (entry, &n_links);
  for (guint i = 0; i < n_links; i++)
    {
      if (!_heard_store_query_number (db, link_owner[links[i].kind], links[i].id, NULL, &found,
                                      error))
        return FALSE;
      if (found != person_id)
        return _heard_store_set_invalid (error, _("A record this entry includes is not this "
                                                  "young person’s. Nothing was saved."));
    }

  if (export_id != 0)
    {
      if (!_heard_store_query_number (db, "SELECT target_id FROM audit WHERE id = ?1"
                                          " AND action = 'exported' AND target_kind = 'person'",
                                      export_id, NULL, &found, error))
        return FALSE;
      if (found != person_id)
        return _heard_store_set_invalid (error, _("The export this entry completes is not this "
                                                  "young person’s. Nothing was saved."));
    }

  return TRUE;
}

/* Whether another entry than @entry_id completes export @export_id. */
static gboolean
check_export_free (sqlite3  *db,
                   gint64    export_id,
                   gint64    entry_id,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  int rc;

  if (export_id == 0)
    return TRUE;
  statement = _heard_store_prepare (db, "SELECT 1 FROM sharing_version WHERE export_audit_id = ?1"
                                        " AND entry_id <> ?2", error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, export_id);
  sqlite3_bind_int64 (statement, 2, entry_id);
  rc = sqlite3_step (statement);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      _heard_store_set_error (error, db, rc);
      return FALSE;
    }

  return _heard_store_set_invalid (error, _("Another entry of the sharing log already records this "
                                            "export. Nothing was saved."));
}

static void
bind_optional_text (sqlite3_stmt *statement,
                    int           index,
                    const char   *text)
{
  if (text != NULL && *text != '\0')
    _heard_store_bind_text (statement, index, text);
  else
    sqlite3_bind_null (statement, index);
}

/* Audits and adds @entry as version @version of entry @entry_id, with its
 * links. */
static gboolean
insert_version (sqlite3            *db,
                HeardSharingEntry  *entry,
                gint64              entry_id,
                const char         *action,
                GError            **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *at = NULL;
  HeardSharingDecision decision = heard_sharing_entry_get_decision (entry);
  gint64 export_id = heard_sharing_entry_get_export_audit_id (entry);
  const HeardSharingLink *links;
  gint64 version_id;
  guint n_links;

  links = heard_sharing_entry_get_links (entry, &n_links);
  /* Plain words about the record, never the worker's own. */
  detail = g_strdup_printf ("version %u: %s with agency %" G_GINT64_FORMAT ", %u records",
                            heard_sharing_entry_get_version (entry),
                            heard_sharing_decision_to_code (decision),
                            heard_sharing_entry_get_agency_id (entry), n_links);
  if (!_heard_audit_append (db, NULL, action, "sharing entry", entry_id, detail, error) ||
      !_heard_audit_read_newest (db, &actor, &at, error))
    return FALSE;

  statement = _heard_store_prepare (db, "INSERT INTO sharing_version (entry_id, version,"
                                        " decision, what, agency_id, contact, shared_on, method,"
                                        " purpose, lawful_basis, agreed, agreement_reason,"
                                        " decided_by, told, not_told_reason, necessary,"
                                        " not_shared_reason, export_audit_id, reason, saved_by,"
                                        " saved_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                                        " ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,"
                                        " ?21)", error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, entry_id);
  sqlite3_bind_int (statement, 2, (int) heard_sharing_entry_get_version (entry));
  _heard_store_bind_text (statement, 3, heard_sharing_decision_to_code (decision));
  _heard_store_bind_text (statement, 4, heard_sharing_entry_get_text (entry, HEARD_SHARING_WHAT));
  sqlite3_bind_int64 (statement, 5, heard_sharing_entry_get_agency_id (entry));
  _heard_store_bind_text (statement, 6,
                          heard_sharing_entry_get_text (entry, HEARD_SHARING_CONTACT));
  _heard_store_bind_text (statement, 7, heard_sharing_entry_get_shared_on (entry));
  _heard_store_bind_text (statement, 8,
                          heard_sharing_method_to_code (heard_sharing_entry_get_method (entry)));
  _heard_store_bind_text (statement, 9,
                          heard_sharing_entry_get_text (entry, HEARD_SHARING_PURPOSE));
  bind_optional_text (statement, 10, heard_sharing_entry_get_lawful_basis (entry));
  _heard_store_bind_text (statement, 11,
                          heard_sharing_agreed_to_code (heard_sharing_entry_get_agreed (entry)));
  _heard_store_bind_text (statement, 12,
                          heard_sharing_entry_get_text (entry, HEARD_SHARING_AGREEMENT_REASON));
  _heard_store_bind_text (statement, 13,
                          heard_sharing_entry_get_text (entry, HEARD_SHARING_DECIDED_BY));
  _heard_store_bind_text (statement, 14, heard_sharing_entry_get_told (entry) ? "yes" : "no");
  _heard_store_bind_text (statement, 15,
                          heard_sharing_entry_get_text (entry, HEARD_SHARING_NOT_TOLD_REASON));
  _heard_store_bind_text (statement, 16,
                          heard_sharing_entry_get_text (entry, HEARD_SHARING_NECESSARY));
  _heard_store_bind_text (statement, 17,
                          heard_sharing_entry_get_text (entry, HEARD_SHARING_NOT_SHARED_REASON));
  if (export_id != 0)
    sqlite3_bind_int64 (statement, 18, export_id);
  else
    sqlite3_bind_null (statement, 18);
  _heard_store_bind_text (statement, 19,
                          heard_sharing_entry_get_version (entry) > 1
                          ? heard_sharing_entry_get_text (entry, HEARD_SHARING_REASON) : "");
  _heard_store_bind_text (statement, 20, actor);
  _heard_store_bind_text (statement, 21, at);
  if (!_heard_store_step_done (db, statement, error))
    return FALSE;
  g_clear_pointer (&statement, _heard_store_finalize);

  version_id = sqlite3_last_insert_rowid (db);
  statement = _heard_store_prepare (db, "INSERT INTO sharing_link (version_id, what, record_id)"
                                        " VALUES (?1, ?2, ?3)", error);
  if (statement == NULL)
    return FALSE;
  for (guint i = 0; i < n_links; i++)
    {
      sqlite3_reset (statement);
      sqlite3_bind_int64 (statement, 1, version_id);
      _heard_store_bind_text (statement, 2, heard_sharing_link_kind_to_code (links[i].kind));
      sqlite3_bind_int64 (statement, 3, links[i].id);
      if (!_heard_store_step_done (db, statement, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
record_write (sqlite3            *db,
              gpointer            data,
              HeardStoreWritten  *written,
              GError            **error)
{
  HeardSharingEntry *entry = data;
  gint64 person_id = heard_sharing_entry_get_person_id (entry);

  if (!_heard_store_add_versioned_entry (db, "sharing_entry", person_id,
                                         heard_sharing_entry_get_version (entry), &written->id,
                                         error) ||
      !check_entry (db, entry, person_id, error) ||
      !check_export_free (db, heard_sharing_entry_get_export_audit_id (entry), 0, error))
    return FALSE;

  return insert_version (db, entry, written->id, "recorded", error);
}

static gboolean
amend_write (sqlite3            *db,
             gpointer            data,
             HeardStoreWritten  *written,
             GError            **error)
{
  HeardSharingEntry *amended = data;
  gint64 person_id = heard_sharing_entry_get_person_id (amended);

  written->id = heard_sharing_entry_get_id (amended);
  if (!_heard_store_check_amendment (db, "sharing_entry", "sharing_version", written->id,
                                     person_id, heard_sharing_entry_get_version (amended),
                                     error) ||
      !check_entry (db, amended, person_id, error) ||
      !check_export_free (db, heard_sharing_entry_get_export_audit_id (amended), written->id,
                          error))
    return FALSE;

  return insert_version (db, amended, written->id, "amended", error);
}

/* Vfuncs */

static void
list_lawful_bases_async (HeardStore          *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  _heard_store_run_async (self, bases_work, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
                          heard_store_list_lawful_bases_async, cancellable, callback, user_data);
}

static void
list_sharing_async (HeardStore          *self,
                    gint64               person_id,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  _heard_store_run_async (self, list_work, _heard_store_dup_id (person_id), g_free,
                          (GDestroyNotify) g_ptr_array_unref, heard_store_list_sharing_async,
                          cancellable, callback, user_data);
}

static void
list_sharing_history_async (HeardStore          *self,
                            gint64               entry_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  _heard_store_run_async (self, history_work, _heard_store_dup_id (entry_id), g_free,
                          (GDestroyNotify) g_ptr_array_unref,
                          heard_store_list_sharing_history_async, cancellable, callback,
                          user_data);
}

static void
record_sharing_entry_async (HeardStore          *self,
                            HeardSharingEntry   *entry,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  /* The database thread gets its own copy: @entry stays the caller's. */
  _heard_store_write_async (self, HEARD_RECORD_KIND_SHARING, record_write,
                            heard_sharing_entry_copy (entry), g_object_unref,
                            heard_store_record_sharing_entry_async, cancellable, callback,
                            user_data);
}

static void
amend_sharing_entry_async (HeardStore          *self,
                           HeardSharingEntry   *amended,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  _heard_store_write_async (self, HEARD_RECORD_KIND_SHARING, amend_write,
                            heard_sharing_entry_copy (amended), g_object_unref,
                            heard_store_amend_sharing_entry_async, cancellable, callback,
                            user_data);
}

static void
list_unlogged_exports_async (HeardStore          *self,
                             gint64               person_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  _heard_store_run_async (self, unlogged_work, _heard_store_dup_id (person_id), g_free,
                          (GDestroyNotify) g_ptr_array_unref,
                          heard_store_list_unlogged_exports_async, cancellable, callback,
                          user_data);
}

void
_heard_sqlite_store_init_sharing (HeardStoreClass *klass)
{
  klass->list_lawful_bases_async = list_lawful_bases_async;
  klass->list_sharing_async = list_sharing_async;
  klass->list_sharing_history_async = list_sharing_history_async;
  klass->record_sharing_entry_async = record_sharing_entry_async;
  klass->amend_sharing_entry_async = amend_sharing_entry_async;
  klass->list_unlogged_exports_async = list_unlogged_exports_async;
}

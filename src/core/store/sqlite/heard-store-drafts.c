/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-sqlite-store"

#include "config.h"

#include "heard-model-enums.h"
#include "heard-store-drafts.h"
#include "heard-store-util.h"

/*
 * Drafts, as the SQLCipher store keeps them: in the records file, under
 * the same key as every record, never in a file or setting of their own.
 *
 * They stay out of the audit trail on purpose. A draft is not a record:
 * nobody decided to keep it, it is replaced every few seconds while someone
 * types and removed once they save or throw it away. An entry for each would
 * fill the append-only trail with noise, and worse, keep for ever (in the
 * entries' details) words that the caseworker chose to throw away. The
 * trail records what was saved, as it always has. So a draft is written in
 * a transaction of its own, outside _heard_store_begin_write(): it adds no
 * entry, seals nothing, and is not held by an audit problem, since keeping
 * what someone typed is never the harm a hold prevents. The draft tables
 * have no triggers, so the check of Heard's triggers at open is unchanged.
 */

typedef struct
{
  char       *kind;
  gint64      person_id;
  gint64      subject_id;
  gint64      part;
  GHashTable *fields;
  char       *focus;
  int         cursor;
} DraftCopy;

static void
draft_copy_free (DraftCopy *copy)
{
  g_free (copy->kind);
  g_clear_pointer (&copy->fields, g_hash_table_unref);
  g_free (copy->focus);
  g_free (copy);
}

static const char *
kind_nick (HeardDraftKind kind)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (HEARD_TYPE_DRAFT_KIND);
  GEnumValue *value = g_enum_get_value (enum_class, kind);

  g_assert (value != NULL);
  return value->value_nick;
}

/* The kind a stored word names; FALSE for a word this Heard does not know. */
static gboolean
kind_from_nick (const char     *nick,
                HeardDraftKind *kind)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (HEARD_TYPE_DRAFT_KIND);
  GEnumValue *value = g_enum_get_value_by_nick (enum_class, nick);

  if (value == NULL)
    return FALSE;

  *kind = value->value;
  return TRUE;
}

/* Which editor @draft is from: what a draft is replaced and deleted by. */
static DraftCopy *
copy_identity (HeardDraft *draft)
{
  DraftCopy *copy = g_new0 (DraftCopy, 1);

  copy->kind = g_strdup (kind_nick (heard_draft_get_kind (draft)));
  copy->person_id = heard_draft_get_person_id (draft);
  copy->subject_id = heard_draft_get_subject_id (draft);
  copy->part = heard_draft_get_part (draft);

  return copy;
}

static gboolean
delete_draft (sqlite3    *db,
              DraftCopy  *copy,
              GError    **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  /* Its fields go with it (ON DELETE CASCADE). */
  statement = _heard_store_prepare (db, "DELETE FROM draft WHERE kind = ?1 AND person_id = ?2"
                                        " AND subject_id = ?3 AND part = ?4", error);
  if (statement == NULL)
    return FALSE;
  _heard_store_bind_text (statement, 1, copy->kind);
  sqlite3_bind_int64 (statement, 2, copy->person_id);
  sqlite3_bind_int64 (statement, 3, copy->subject_id);
  sqlite3_bind_int64 (statement, 4, copy->part);

  return _heard_store_step_done (db, statement, error);
}

static gboolean
insert_draft (sqlite3    *db,
              DraftCopy  *copy,
              GError    **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *now = _heard_store_now_iso8601 ();
  GHashTableIter iter;
  gpointer name, text;
  gint64 draft_id;

  statement = _heard_store_prepare (db, "INSERT INTO draft (kind, person_id, subject_id, part,"
                                        " focus, cursor, saved_at)"
                                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (statement == NULL)
    return FALSE;
  _heard_store_bind_text (statement, 1, copy->kind);
  sqlite3_bind_int64 (statement, 2, copy->person_id);
  sqlite3_bind_int64 (statement, 3, copy->subject_id);
  sqlite3_bind_int64 (statement, 4, copy->part);
  _heard_store_bind_text (statement, 5, copy->focus);
  sqlite3_bind_int (statement, 6, copy->cursor);
  _heard_store_bind_text (statement, 7, now);
  if (!_heard_store_step_done (db, statement, error))
    return FALSE;
  g_clear_pointer (&statement, _heard_store_finalize);
  draft_id = sqlite3_last_insert_rowid (db);

  statement = _heard_store_prepare (db, "INSERT INTO draft_field (draft_id, name, text)"
                                        " VALUES (?1, ?2, ?3)", error);
  if (statement == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, copy->fields);
  while (g_hash_table_iter_next (&iter, &name, &text))
    {
      sqlite3_reset (statement);
      sqlite3_bind_int64 (statement, 1, draft_id);
      _heard_store_bind_text (statement, 2, name);
      _heard_store_bind_text (statement, 3, text);
      if (!_heard_store_step_done (db, statement, error))
        return FALSE;
    }

  return TRUE;
}

/* Runs @copy's change (with @insert, the draft is put in place of any
 * earlier one) in a transaction of its own: see the top of this file. */
static gpointer
change_draft (sqlite3    *db,
              DraftCopy  *copy,
              gboolean    insert,
              GError    **error)
{
  if (!_heard_store_exec (db, "BEGIN IMMEDIATE", error))
    return NULL;

  if (!delete_draft (db, copy, error) ||
      (insert && !insert_draft (db, copy, error)) ||
      !_heard_store_exec (db, "COMMIT", error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return NULL;
    }

  return _heard_store_dup_id (1);
}

static gpointer
save_draft_work (sqlite3  *db,
                 gpointer  data,
                 GError  **error)
{
  return change_draft (db, data, TRUE, error);
}

static gpointer
delete_draft_work (sqlite3  *db,
                   gpointer  data,
                   GError  **error)
{
  return change_draft (db, data, FALSE, error);
}

static void
read_field_cb (sqlite3_stmt *statement,
               gpointer      data)
{
  heard_draft_set_field (data, (const char *) sqlite3_column_text (statement, 0),
                         (const char *) sqlite3_column_text (statement, 1));
}

static gpointer
list_drafts_work (sqlite3  *db,
                  gpointer  data,
                  GError  **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) statement = NULL;
  int rc;

  statement = _heard_store_prepare (db, "SELECT id, kind, person_id, subject_id, focus, cursor,"
                                        " saved_at, part FROM draft"
                                        " ORDER BY saved_at DESC, id DESC",
                                    error);
  if (statement == NULL)
    return NULL;

  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      g_autoptr(HeardDraft) draft = NULL;
      HeardDraftKind kind;

      /* A draft of an editor a later Heard added is left for that Heard. */
      if (!kind_from_nick ((const char *) sqlite3_column_text (statement, 1), &kind))
        continue;

      draft = heard_draft_new (kind, sqlite3_column_int64 (statement, 2),
                               sqlite3_column_int64 (statement, 3));
      heard_draft_set_focus (draft, (const char *) sqlite3_column_text (statement, 4),
                             sqlite3_column_int (statement, 5));
      heard_draft_set_saved_at (draft, (const char *) sqlite3_column_text (statement, 6));
      heard_draft_set_part (draft, sqlite3_column_int64 (statement, 7));
      if (!_heard_store_each_row (db, "SELECT name, text FROM draft_field WHERE draft_id = ?1",
                                  sqlite3_column_int64 (statement, 0), NULL, read_field_cb,
                                  draft, error))
        return NULL;
      g_ptr_array_add (drafts, g_steal_pointer (&draft));
    }
  if (rc != SQLITE_DONE)
    {
      _heard_store_set_error (error, db, rc);
      return NULL;
    }

  return g_steal_pointer (&drafts);
}

static void
save_draft_async (HeardStore          *self,
                  HeardDraft          *draft,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  DraftCopy *copy = copy_identity (draft);
  GHashTableIter iter;
  gpointer name, text;

  copy->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, heard_draft_get_fields (draft));
  while (g_hash_table_iter_next (&iter, &name, &text))
    g_hash_table_insert (copy->fields, g_strdup (name), g_strdup (text));
  copy->focus = g_strdup (heard_draft_get_focus (draft));
  copy->cursor = heard_draft_get_cursor (draft);

  _heard_store_run_async (self, save_draft_work, copy, (GDestroyNotify) draft_copy_free, g_free,
                          heard_store_save_draft_async, cancellable, callback, user_data);
}

static void
list_drafts_async (HeardStore          *self,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  _heard_store_run_async (self, list_drafts_work, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
                          heard_store_list_drafts_async, cancellable, callback, user_data);
}

static void
delete_draft_async (HeardStore          *self,
                    HeardDraft          *draft,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  _heard_store_run_async (self, delete_draft_work, copy_identity (draft),
                          (GDestroyNotify) draft_copy_free, g_free,
                          heard_store_delete_draft_async, cancellable, callback, user_data);
}

void
_heard_sqlite_store_init_drafts (HeardStoreClass *klass)
{
  klass->save_draft_async = save_draft_async;
  klass->list_drafts_async = list_drafts_async;
  klass->delete_draft_async = delete_draft_async;
}

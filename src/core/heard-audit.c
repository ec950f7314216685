/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-audit"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <sodium.h>

#include "heard-audit-private.h"
#include "heard-store-private.h"

/*
 * The audit trail: who changed what, and when. Rows are only ever added
 * (triggers refuse UPDATE and DELETE), and each carries a keyed hash over
 * its own fields and the hash of the row before it. The key is derived from
 * the database key, lives only in the connection that uses it, and never
 * reaches the disk, so a row edited by any other means breaks the chain
 * from that row on, and heard_store_verify_audit_async() says where.
 */

#define AUDIT_KEY_SIZE crypto_generichash_KEYBYTES
#define AUDIT_MAC_SIZE crypto_generichash_BYTES
#define AUDIT_KEY_CONTEXT "io.github.heardapp.Heard audit chain v1"
/* The previous row's hash, the row's id, and its six fields. */
#define AUDIT_MAC_ARGS 8

G_DEFINE_QUARK (heard-audit-error-quark, heard_audit_error)

/* heard_audit_mac (previous_hash, id, at, actor, action, target_kind,
 * target_id, detail): each value goes in with its type and length, so no
 * two different rows can run together into the same input. */
static void
audit_mac_function (sqlite3_context  *context,
                    int               argc,
                    sqlite3_value   **argv)
{
  const guint8 *key = sqlite3_user_data (context);
  crypto_generichash_state state;
  guint8 mac[AUDIT_MAC_SIZE];

  if (argc != AUDIT_MAC_ARGS)
    {
      sqlite3_result_error (context, "heard_audit_mac takes eight values", -1);
      return;
    }

  crypto_generichash_init (&state, key, AUDIT_KEY_SIZE, sizeof mac);
  for (int i = 0; i < argc; i++)
    {
      int type = sqlite3_value_type (argv[i]);
      const void *bytes = type == SQLITE_BLOB ? sqlite3_value_blob (argv[i])
                                              : (const void *) sqlite3_value_text (argv[i]);
      guint32 length = (guint32) sqlite3_value_bytes (argv[i]);
      guint8 header[5] = { (guint8) type,
                           length & 0xff, (length >> 8) & 0xff,
                           (length >> 16) & 0xff, (length >> 24) & 0xff };

      crypto_generichash_update (&state, header, sizeof header);
      if (bytes != NULL && length > 0)
        crypto_generichash_update (&state, bytes, length);
    }
  crypto_generichash_final (&state, mac, sizeof mac);
  sodium_memzero (&state, sizeof state);

  sqlite3_result_blob (context, mac, sizeof mac, SQLITE_TRANSIENT);
}

gboolean
_heard_audit_attach (sqlite3         *db,
                     const HeardKey  *database_key,
                     GError         **error)
{
  guint8 *audit_key = sodium_malloc (AUDIT_KEY_SIZE);
  int rc;

  if (audit_key == NULL)
    g_error ("Out of guarded memory for the audit key");

  crypto_generichash (audit_key, AUDIT_KEY_SIZE,
                      (const guint8 *) AUDIT_KEY_CONTEXT, strlen (AUDIT_KEY_CONTEXT),
                      heard_key_get_bytes (database_key), HEARD_KEY_SIZE);

  /* The connection owns the key from here and wipes it when it closes. */
  rc = sqlite3_create_function_v2 (db, "heard_audit_mac", AUDIT_MAC_ARGS,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC, audit_key,
                                   audit_mac_function, NULL, NULL, sodium_free);
  if (rc != SQLITE_OK)
    {
      _heard_store_set_error (error, db, rc);
      return FALSE;
    }

  return TRUE;
}

static char *
dup_default_actor (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  statement = _heard_store_prepare (db, "SELECT name FROM staff"
                                        " WHERE role = 0 AND retired_at IS NULL", NULL);
  if (statement != NULL && sqlite3_step (statement) == SQLITE_ROW)
    return _heard_store_dup_column (statement, 0);

  return g_strdup (g_get_user_name ());
}

gboolean
_heard_audit_append (sqlite3     *db,
                     const char  *actor,
                     const char  *action,
                     const char  *target_kind,
                     gint64       target_id,
                     const char  *detail,
                     GError     **error)
{
  g_autofree char *at = _heard_store_now_iso8601 ();
  g_autofree char *default_actor = NULL;
  g_autoptr(sqlite3_stmt) statement = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (action != NULL && target_kind != NULL, FALSE);

  if (actor == NULL)
    actor = default_actor = dup_default_actor (db);

  /* Ids run 1, 2, 3… with no gaps, so a removed row shows as a gap too. */
  statement = _heard_store_prepare (db,
    "INSERT INTO audit (id, at, actor, action, target_kind, target_id, detail, hash)"
    " SELECT next.id, ?1, ?2, ?3, ?4, ?5, ?6,"
    "   heard_audit_mac (last.hash, next.id, ?1, ?2, ?3, ?4, ?5, ?6)"
    " FROM (SELECT coalesce (max (id), 0) + 1 AS id FROM audit) AS next"
    " LEFT JOIN audit AS last ON last.id = next.id - 1", error);
  if (statement == NULL)
    return FALSE;

  _heard_store_bind_text (statement, 1, at);
  _heard_store_bind_text (statement, 2, actor);
  _heard_store_bind_text (statement, 3, action);
  _heard_store_bind_text (statement, 4, target_kind);
  sqlite3_bind_int64 (statement, 5, target_id);
  _heard_store_bind_text (statement, 6, detail != NULL ? detail : "");

  return _heard_store_step_done (db, statement, error);
}

static gpointer
verify_work (sqlite3  *db,
             gpointer  data,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  gint64 expected = 1;
  guint *n_entries;
  int rc;

  statement = _heard_store_prepare (db,
    "SELECT a.id, a.hash = heard_audit_mac (p.hash, a.id, a.at, a.actor, a.action,"
    "                                       a.target_kind, a.target_id, a.detail)"
    " FROM audit AS a LEFT JOIN audit AS p ON p.id = a.id - 1"
    " ORDER BY a.id", error);
  if (statement == NULL)
    return NULL;

  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (statement, 0);

      if (id != expected || sqlite3_column_int (statement, 1) != 1)
        {
          g_autofree char *entry = g_strdup_printf ("%" G_GINT64_FORMAT, MIN (id, expected));

          g_set_error (error, HEARD_AUDIT_ERROR, HEARD_AUDIT_ERROR_TAMPERED,
                       _("The audit trail has been changed outside Heard, from entry %s on. "
                         "Keep this copy of the records as it is and tell whoever looks "
                         "after information security."), entry);
          return NULL;
        }
      expected++;
    }

  if (rc != SQLITE_DONE)
    {
      _heard_store_set_error (error, db, rc);
      return NULL;
    }

  n_entries = g_new (guint, 1);
  *n_entries = (guint) (expected - 1);
  return n_entries;
}

/* Checks every audit row against the chain. */
void
heard_store_verify_audit_async (HeardStore          *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  _heard_store_run_async (self, verify_work, NULL, NULL, g_free, heard_store_verify_audit_async,
                          cancellable, callback, user_data);
}

/* TRUE when the chain is whole, with @n_entries set to its length. */
gboolean
heard_store_verify_audit_finish (HeardStore    *self,
                                 GAsyncResult  *result,
                                 guint         *n_entries,
                                 GError       **error)
{
  g_autofree guint *count = _heard_store_run_finish (self, result,
                                                     heard_store_verify_audit_async, error);

  if (count == NULL)
    return FALSE;

  if (n_entries != NULL)
    *n_entries = *count;
  return TRUE;
}

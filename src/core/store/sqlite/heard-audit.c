/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-audit"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <sodium.h>

#include "heard-audit-private.h"
#include "heard-store-migrations.h"
#include "heard-store-util.h"

/*
 * The audit trail: who changed what, and when. Rows are only ever added
 * (triggers refuse UPDATE and DELETE), and each carries a keyed hash over
 * its own fields and the hash of the row before it. The key is derived from
 * the database key, lives only in the connection that uses it, and never
 * reaches the disk, so a row edited by any other means breaks the chain
 * from that row on, and heard_store_verify_audit_async() says where.
 *
 * Three things make the trail hard to cut short or work round: the newest
 * entry is anchored outside the file (the context keeps the anchor), every
 * record Heard promises never to change is sealed by a content hash in an
 * audit entry of the transaction that added it, and the triggers are
 * compared with the ones Heard's own migrations make. Whatever the check
 * finds holds writing on this connection until someone with the recovery
 * code acknowledges it; reading is never held.
 */

#define AUDIT_KEY_SIZE crypto_generichash_KEYBYTES
#define AUDIT_MAC_SIZE crypto_generichash_BYTES
#define AUDIT_KEY_CONTEXT "io.github.heardapp.Heard audit chain v1"
#define ANCHOR_NOTE_CONTEXT "io.github.heardapp.Heard audit anchor note v1"
/* The previous row's hash, the row's id and its six fields; then, from
 * schema 4, the sealed record's kind, id and content hash. */
#define AUDIT_MAC_ARGS_V1 8
#define AUDIT_MAC_ARGS 11
#define ANCHOR_PREFIX "v1 "
/* The schema that added content hashes to the trail. */
#define CONTENT_SCHEMA_VERSION 4

G_DEFINE_QUARK (heard-audit-error-quark, heard_audit_error)

/* How many kinds of record are sealed (content_kinds). */
#define N_CONTENT_KINDS 11

/* What one connection knows about its trail: the chain key, whether kept
 * records are sealed yet (not while migrating), what holds writing, and
 * where each kind of kept record stood when the transaction began. */
typedef struct
{
  sqlite3  *db;
  guint8   *key;
  gboolean  sealing;
  char     *hold;
  gint64    sealed_up_to[N_CONTENT_KINDS];
} AuditState;

/* A kind of record Heard promises never to change, and the one canonical
 * form its content hash is taken over. The SELECT lists the fields in the
 * serialisation's fixed order; never change a shipped one: add a new tag. */
typedef struct
{
  const char *kind;
  const char *tag;
  guint       since;
  const char *max_sql;
  const char *select_sql;
} ContentKind;

static const ContentKind content_kinds[N_CONTENT_KINDS] = {
  { "statement version", "heard statement version v1", CONTENT_SCHEMA_VERSION,
    "SELECT coalesce (max (id), 0) FROM statement_version",
    "SELECT v.id, v.statement_id, s.person_id, v.version, v.words, v.given_on, v.given_time,"
    "       v.place, v.present, v.their_note, v.context, v.share_with, v.content_note,"
    "       v.reason, v.given_how, v.read_back, v.sensitive, v.saved_by, v.saved_at"
    " FROM statement_version AS v LEFT JOIN statement AS s ON s.id = v.statement_id"
    " WHERE v.id > ?1 ORDER BY v.id" },
  /* The day they were told is the one thing an answer gains later (its
   * trigger allows it once), so it is not part of the answer's content. */
  { "answer", "heard answer v1", CONTENT_SCHEMA_VERSION,
    "SELECT coalesce (max (id), 0) FROM statement_response",
    "SELECT r.id, r.statement_id, r.what_we_did, r.saved_by, r.saved_at,"
    "       (SELECT group_concat (action_id, ',') FROM"
    "          (SELECT action_id FROM statement_response_action"
    "           WHERE response_id = r.id ORDER BY action_id))"
    " FROM statement_response AS r WHERE r.id > ?1 ORDER BY r.id" },
  { "review", "heard plan review v1", CONTENT_SCHEMA_VERSION,
    "SELECT coalesce (max (id), 0) FROM plan_review",
    "SELECT id, plan_id, decision, reviewer_id, reviewer_name, comments, decided_at"
    " FROM plan_review WHERE id > ?1 ORDER BY id" },
  /* Schema 6: a check-in with its ratings, area by area, rater by rater. */
  { "check-in", "heard check-in v1", 6,
    "SELECT coalesce (max (id), 0) FROM check_in",
    "SELECT c.id, c.plan_id, c.day, c.safety_state, c.safety, c.their_words, c.worker_note,"
    "       c.present, c.saved_by, c.saved_at,"
    "       (SELECT group_concat (rating, ';') FROM"
    "          (SELECT area_kind || ':' || rater || ':' || state || ':' || coalesce (value, '')"
    "             AS rating FROM check_in_rating"
    "           WHERE check_in_id = c.id ORDER BY area_kind, rater))"
    " FROM check_in AS c WHERE c.id > ?1 ORDER BY c.id" },
  /* Schema 7: a version of a warning sign or strength, and a decision on a
   * cluster with the signs it covered. */
  { "chronology version", "heard chronology version v1", 7,
    "SELECT coalesce (max (id), 0) FROM chronology_version",
    "SELECT v.id, v.entry_id, e.person_id, v.version, v.earliest_day, v.latest_day,"
    "       v.precision, v.nature, v.kind, v.agency_id, v.reporter, v.seen, v.statement_id,"
    "       v.action_id, v.reason, v.saved_by, v.saved_at"
    " FROM chronology_version AS v LEFT JOIN chronology_entry AS e ON e.id = v.entry_id"
    " WHERE v.id > ?1 ORDER BY v.id" },
  { "cluster decision", "heard cluster decision v1", 7,
    "SELECT coalesce (max (id), 0) FROM cluster_decision",
    "SELECT d.id, d.person_id, d.outcome, d.why, d.decided_by, d.decided_on, d.supervisor_id,"
    "       d.supervisor_name, d.saved_by, d.saved_at,"
    "       (SELECT group_concat (entry_id, ',') FROM"
    "          (SELECT entry_id FROM cluster_decision_sign"
    "           WHERE decision_id = d.id ORDER BY entry_id))"
    " FROM cluster_decision AS d WHERE d.id > ?1 ORDER BY d.id" },
  /* Schema 9: a version of a sharing entry with the records it included. */
  { "sharing version", "heard sharing version v1", 9,
    "SELECT coalesce (max (id), 0) FROM sharing_version",
    "SELECT v.id, v.entry_id, e.person_id, v.version, v.decision, v.what, v.agency_id,"
    "       v.contact, v.shared_on, v.method, v.purpose, v.lawful_basis, v.agreed,"
    "       v.agreement_reason, v.decided_by, v.told, v.not_told_reason, v.necessary,"
    "       v.not_shared_reason, v.export_audit_id, v.reason, v.saved_by, v.saved_at,"
    "       (SELECT group_concat (link, ',') FROM"
    "          (SELECT what || ':' || record_id AS link FROM sharing_link"
    "           WHERE version_id = v.id ORDER BY what, record_id))"
    " FROM sharing_version AS v LEFT JOIN sharing_entry AS e ON e.id = v.entry_id"
    " WHERE v.id > ?1 ORDER BY v.id" },
  /* Schema 10: co-design. A change of a "written for them to read" mark,
   * a version of a young person's own goal or "what helps me", their say
   * on a version of their plan, and a decision to withhold an item from a
   * subject access export. */
  { "for-them mark", "heard for-them mark v1", 10,
    "SELECT coalesce (max (id), 0) FROM for_them_mark",
    "SELECT id, person_id, what, record_id, for_them, reason, saved_by, saved_at"
    " FROM for_them_mark WHERE id > ?1 ORDER BY id" },
  { "own words", "heard own words v1", 10,
    "SELECT coalesce (max (id), 0) FROM own_words",
    "SELECT id, person_id, area_kind, part, version, words, plan_id, written_by, saved_by,"
    "       saved_at"
    " FROM own_words WHERE id > ?1 ORDER BY id" },
  { "plan say", "heard plan say v1", 10,
    "SELECT coalesce (max (id), 0) FROM plan_say",
    "SELECT id, plan_id, say, words, saved_by, saved_at FROM plan_say WHERE id > ?1 ORDER BY id" },
  { "withholding", "heard withholding v1", 10,
    "SELECT coalesce (max (id), 0) FROM withholding",
    "SELECT id, person_id, export_audit_id, what, record_id, item, exemption, reason, decided_by,"
    "       saved_by, saved_at"
    " FROM withholding WHERE id > ?1 ORDER BY id" },
};

G_LOCK_DEFINE_STATIC (connections);
static GHashTable *connections;

static AuditState *
lookup_state (sqlite3 *db)
{
  AuditState *state;

  G_LOCK (connections);
  state = connections != NULL ? g_hash_table_lookup (connections, db) : NULL;
  G_UNLOCK (connections);

  return state;
}

static void
audit_state_free (gpointer data)
{
  AuditState *state = data;

  G_LOCK (connections);
  g_hash_table_remove (connections, state->db);
  G_UNLOCK (connections);

  sodium_free (state->key);
  g_free (state->hold);
  g_free (state);
}

static void
update_mac (crypto_generichash_state *hash,
            int                       type,
            const void               *bytes,
            guint32                   length)
{
  guint8 header[5] = { (guint8) type,
                       length & 0xff, (length >> 8) & 0xff,
                       (length >> 16) & 0xff, (length >> 24) & 0xff };

  crypto_generichash_update (hash, header, sizeof header);
  if (bytes != NULL && length > 0)
    crypto_generichash_update (hash, bytes, length);
}

/* heard_audit_mac (previous_hash, id, at, actor, action, target_kind,
 * target_id, detail, content_kind, content_id, content_hash): each value
 * goes in with its type and length, so no two different rows can run
 * together into the same input. Rows that seal nothing (all three content
 * values NULL) hash exactly as they did before schema 4, so entries written
 * then keep their hashes. */
static void
audit_mac_function (sqlite3_context  *context,
                    int               argc,
                    sqlite3_value   **argv)
{
  AuditState *state = sqlite3_user_data (context);
  crypto_generichash_state hash;
  guint8 mac[AUDIT_MAC_SIZE];
  int n_values = argc;

  if (argc != AUDIT_MAC_ARGS)
    {
      sqlite3_result_error (context, "heard_audit_mac takes eleven values", -1);
      return;
    }

  if (sqlite3_value_type (argv[8]) == SQLITE_NULL &&
      sqlite3_value_type (argv[9]) == SQLITE_NULL &&
      sqlite3_value_type (argv[10]) == SQLITE_NULL)
    n_values = AUDIT_MAC_ARGS_V1;

  crypto_generichash_init (&hash, state->key, AUDIT_KEY_SIZE, sizeof mac);
  for (int i = 0; i < n_values; i++)
    {
      int type = sqlite3_value_type (argv[i]);
      const void *bytes = type == SQLITE_BLOB ? sqlite3_value_blob (argv[i])
                                              : (const void *) sqlite3_value_text (argv[i]);

      update_mac (&hash, type, bytes, (guint32) sqlite3_value_bytes (argv[i]));
    }
  crypto_generichash_final (&hash, mac, sizeof mac);
  sodium_memzero (&hash, sizeof hash);

  sqlite3_result_blob (context, mac, sizeof mac, SQLITE_TRANSIENT);
}

gboolean
_heard_audit_attach (sqlite3         *db,
                     const HeardKey  *database_key,
                     GError         **error)
{
  AuditState *state = g_new0 (AuditState, 1);
  int rc;

  state->db = db;
  state->key = sodium_malloc (AUDIT_KEY_SIZE);
  if (state->key == NULL)
    g_error ("Out of guarded memory for the audit key");

  crypto_generichash (state->key, AUDIT_KEY_SIZE,
                      (const guint8 *) AUDIT_KEY_CONTEXT, strlen (AUDIT_KEY_CONTEXT),
                      heard_key_get_bytes (database_key), HEARD_KEY_SIZE);

  G_LOCK (connections);
  if (connections == NULL)
    connections = g_hash_table_new (NULL, NULL);
  g_hash_table_insert (connections, db, state);
  G_UNLOCK (connections);

  /* The connection owns the state from here and wipes the key when it closes. */
  rc = sqlite3_create_function_v2 (db, "heard_audit_mac", AUDIT_MAC_ARGS,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC, state,
                                   audit_mac_function, NULL, NULL, audit_state_free);
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

/* Adds one row, sealing a record when @content_kind is not NULL (schema 4). */
static gboolean
append_entry (sqlite3       *db,
              const char    *actor,
              const char    *action,
              const char    *target_kind,
              gint64         target_id,
              const char    *detail,
              const char    *content_kind,
              gint64         content_id,
              const guint8  *content_hash,
              GError       **error)
{
  g_autofree char *at = _heard_store_now_iso8601 ();
  g_autofree char *default_actor = NULL;
  g_autoptr(sqlite3_stmt) last = NULL;
  g_autoptr(sqlite3_stmt) statement = NULL;
  AuditState *state = lookup_state (db);
  gboolean with_content = state != NULL && state->sealing;
  int rc;

  if (actor == NULL)
    actor = default_actor = dup_default_actor (db);

  /* Ids run 1, 2, 3… with no gaps, so a removed row shows as a gap too.
   * The newest entry is read first, in the same transaction: an INSERT
   * that read the table it writes would need a statement journal, whose
   * every page SQLCipher encrypts (most of a small write's cost). */
  last = _heard_store_prepare (db, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
                               error);
  if (last == NULL)
    return FALSE;
  rc = sqlite3_step (last);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _heard_store_set_error (error, db, rc);
      return FALSE;
    }

  statement = _heard_store_prepare (db, with_content
    ? "INSERT INTO audit (id, at, actor, action, target_kind, target_id, detail, hash,"
      "                   content_kind, content_id, content_hash)"
      " VALUES (?10, ?1, ?2, ?3, ?4, ?5, ?6,"
      "   heard_audit_mac (?11, ?10, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9), ?7, ?8, ?9)"
    : "INSERT INTO audit (id, at, actor, action, target_kind, target_id, detail, hash)"
      " VALUES (?10, ?1, ?2, ?3, ?4, ?5, ?6,"
      "   heard_audit_mac (?11, ?10, ?1, ?2, ?3, ?4, ?5, ?6, NULL, NULL, NULL))", error);
  if (statement == NULL)
    return FALSE;

  /* The first entry chains from nothing (NULL), as the join gave before. */
  sqlite3_bind_int64 (statement, 10, rc == SQLITE_ROW ? sqlite3_column_int64 (last, 0) + 1 : 1);
  if (rc == SQLITE_ROW)
    sqlite3_bind_value (statement, 11, sqlite3_column_value (last, 1));

  _heard_store_bind_text (statement, 1, at);
  _heard_store_bind_text (statement, 2, actor);
  _heard_store_bind_text (statement, 3, action);
  _heard_store_bind_text (statement, 4, target_kind);
  sqlite3_bind_int64 (statement, 5, target_id);
  _heard_store_bind_text (statement, 6, detail != NULL ? detail : "");
  if (with_content && content_kind != NULL)
    {
      _heard_store_bind_text (statement, 7, content_kind);
      sqlite3_bind_int64 (statement, 8, content_id);
      if (content_hash != NULL)
        sqlite3_bind_blob (statement, 9, content_hash, AUDIT_MAC_SIZE, SQLITE_TRANSIENT);
    }

  return _heard_store_step_done (db, statement, error);
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
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (action != NULL && target_kind != NULL, FALSE);

  return append_entry (db, actor, action, target_kind, target_id, detail, NULL, 0, NULL, error);
}

gboolean
_heard_audit_read_newest (sqlite3  *db,
                          char    **actor,
                          char    **at,
                          GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  statement = _heard_store_prepare (db, "SELECT actor, at FROM audit"
                                        " WHERE id = (SELECT max (id) FROM audit)", error);
  if (statement == NULL)
    return FALSE;

  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      _heard_store_set_error (error, db, sqlite3_errcode (db));
      return FALSE;
    }

  *actor = _heard_store_dup_column (statement, 0);
  *at = _heard_store_dup_column (statement, 1);
  return TRUE;
}

/* Kept records and their content */

/* The canonical form: the kind's tag, then every field as its UTF-8 text,
 * each preceded by its length as four bytes, little-endian; a NULL field is
 * the length 0xffffffff alone. Integers go in as SQLite's decimal text. */
static void
hash_record (const ContentKind *kind,
             sqlite3_stmt      *row,
             guint8             hash[AUDIT_MAC_SIZE])
{
  crypto_generichash_state state;
  int n_columns = sqlite3_column_count (row);

  crypto_generichash_init (&state, NULL, 0, AUDIT_MAC_SIZE);
  for (int i = -1; i < n_columns; i++)
    {
      const char *text = i < 0 ? kind->tag : (const char *) sqlite3_column_text (row, i);
      guint32 length = text == NULL ? G_MAXUINT32
                       : i < 0 ? (guint32) strlen (text) : (guint32) sqlite3_column_bytes (row, i);
      guint8 prefix[4] = { length & 0xff, (length >> 8) & 0xff,
                           (length >> 16) & 0xff, (length >> 24) & 0xff };

      crypto_generichash_update (&state, prefix, sizeof prefix);
      if (text != NULL && length > 0)
        crypto_generichash_update (&state, (const guint8 *) text, length);
    }
  crypto_generichash_final (&state, hash, AUDIT_MAC_SIZE);
}

static gboolean
query_max (sqlite3     *db,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = _heard_store_prepare (db, sql, error);

  if (statement == NULL)
    return FALSE;
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      _heard_store_set_error (error, db, sqlite3_errcode (db));
      return FALSE;
    }

  *value = sqlite3_column_int64 (statement, 0);
  return TRUE;
}

/* Seals every record of @kind with an id above @after (or only the next
 * one, with @only_one), one entry each. */
static gboolean
seal_records (sqlite3            *db,
              const ContentKind  *kind,
              gint64              after,
              gboolean            only_one,
              const char         *action,
              const char         *detail,
              GError            **error)
{
  g_autoptr(sqlite3_stmt) rows = _heard_store_prepare (db, kind->select_sql, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GByteArray) hashes = g_byte_array_new ();
  int rc;

  if (rows == NULL)
    return FALSE;

  /* Read first, then write: the audit table is not read while it grows. */
  sqlite3_bind_int64 (rows, 1, after);
  while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (rows, 0);
      guint8 hash[AUDIT_MAC_SIZE];

      hash_record (kind, rows, hash);
      g_array_append_val (ids, id);
      g_byte_array_append (hashes, hash, sizeof hash);
      if (only_one)
        {
          rc = SQLITE_DONE;
          break;
        }
    }
  if (rc != SQLITE_DONE)
    {
      _heard_store_set_error (error, db, rc);
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (!append_entry (db, NULL, action, kind->kind, id, detail, kind->kind, id,
                         hashes->data + i * AUDIT_MAC_SIZE, error))
        return FALSE;
    }

  return TRUE;
}

/* A record's id and content hash, as its newest sealing entry has it. */
static GHashTable *
load_seals (sqlite3            *db,
            const ContentKind  *kind,
            GError            **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GHashTable) seals = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                       g_free, (GDestroyNotify) g_bytes_unref);
  int rc;

  statement = _heard_store_prepare (db, "SELECT content_id, content_hash FROM audit"
                                        " WHERE content_kind = ?1 ORDER BY id", error);
  if (statement == NULL)
    return NULL;

  _heard_store_bind_text (statement, 1, kind->kind);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);
      const void *hash = sqlite3_column_blob (statement, 1);
      int length = sqlite3_column_bytes (statement, 1);

      *id = sqlite3_column_int64 (statement, 0);
      /* A NULL hash: acknowledged as removed outside Heard. */
      g_hash_table_replace (seals, id, hash != NULL ? g_bytes_new (hash, (gsize) length)
                                                    : g_bytes_new (NULL, 0));
    }
  if (rc != SQLITE_DONE)
    {
      _heard_store_set_error (error, db, rc);
      return NULL;
    }

  return g_steal_pointer (&seals);
}

typedef enum
{
  CONTENT_CHANGED,
  CONTENT_UNSEALED,
  CONTENT_REMOVED,
} ContentProblem;

/* Called for each kept record that does not match its seal; return FALSE
 * (with @error set) to stop. */
typedef gboolean (*ContentProblemFunc) (sqlite3            *db,
                                        const ContentKind  *kind,
                                        gint64              id,
                                        const char         *description,
                                        ContentProblem      problem,
                                        gpointer            data,
                                        GError            **error);

static char *
describe_record (const ContentKind *kind,
                 sqlite3_stmt      *row,
                 gint64             id)
{
  if (row != NULL && strcmp (kind->kind, "statement version") == 0)
    return g_strdup_printf (_("statement %s, version %s"),
                            (const char *) sqlite3_column_text (row, 1),
                            (const char *) sqlite3_column_text (row, 3));
  if (row != NULL && strcmp (kind->kind, "answer") == 0)
    return g_strdup_printf (_("the answer %" G_GINT64_FORMAT " to statement %s"), id,
                            (const char *) sqlite3_column_text (row, 1));
  if (row != NULL && strcmp (kind->kind, "check-in") == 0)
    return g_strdup_printf (_("check-in %" G_GINT64_FORMAT " on plan %s"), id,
                            (const char *) sqlite3_column_text (row, 1));
  if (row != NULL && strcmp (kind->kind, "chronology version") == 0)
    return g_strdup_printf (_("chronology entry %s, version %s"),
                            (const char *) sqlite3_column_text (row, 1),
                            (const char *) sqlite3_column_text (row, 3));
  if (row != NULL && strcmp (kind->kind, "cluster decision") == 0)
    return g_strdup_printf (_("the decision %" G_GINT64_FORMAT " on warning signs"), id);
  if (row != NULL && strcmp (kind->kind, "sharing version") == 0)
    return g_strdup_printf (_("sharing entry %s, version %s"),
                            (const char *) sqlite3_column_text (row, 1),
                            (const char *) sqlite3_column_text (row, 3));
  if (row != NULL && strcmp (kind->kind, "for-them mark") == 0)
    return g_strdup_printf (_("the mark %" G_GINT64_FORMAT " on what is written for them"), id);
  if (row != NULL && strcmp (kind->kind, "own words") == 0)
    return g_strdup_printf (_("their own words %" G_GINT64_FORMAT ", version %s"), id,
                            (const char *) sqlite3_column_text (row, 4));
  if (row != NULL && strcmp (kind->kind, "plan say") == 0)
    return g_strdup_printf (_("their say %" G_GINT64_FORMAT " on plan %s"), id,
                            (const char *) sqlite3_column_text (row, 1));
  if (row != NULL && strcmp (kind->kind, "withholding") == 0)
    return g_strdup_printf (_("the decision %" G_GINT64_FORMAT " to withhold an item"), id);
  if (row != NULL)
    return g_strdup_printf (_("review %" G_GINT64_FORMAT " of plan %s"), id,
                            (const char *) sqlite3_column_text (row, 1));
  return g_strdup_printf ("%s %" G_GINT64_FORMAT, kind->kind, id);
}

static gboolean
check_contents (sqlite3             *db,
                ContentProblemFunc   report,
                gpointer             data,
                GError             **error)
{
  for (gsize k = 0; k < G_N_ELEMENTS (content_kinds); k++)
    {
      const ContentKind *kind = &content_kinds[k];
      g_autoptr(GHashTable) seals = load_seals (db, kind, error);
      g_autoptr(sqlite3_stmt) rows = NULL;
      GHashTableIter iter;
      gpointer key, value;
      int rc;

      if (seals == NULL)
        return FALSE;

      rows = _heard_store_prepare (db, kind->select_sql, error);
      if (rows == NULL)
        return FALSE;
      sqlite3_bind_int64 (rows, 1, 0);

      while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (rows, 0);
          GBytes *seal = g_hash_table_lookup (seals, &id);
          guint8 hash[AUDIT_MAC_SIZE];
          gsize length = 0;
          const guint8 *sealed = seal != NULL ? g_bytes_get_data (seal, &length) : NULL;

          hash_record (kind, rows, hash);
          if (seal == NULL || length != sizeof hash || memcmp (sealed, hash, sizeof hash) != 0)
            {
              g_autofree char *description = describe_record (kind, rows, id);

              if (!report (db, kind, id, description,
                           seal == NULL ? CONTENT_UNSEALED : CONTENT_CHANGED, data, error))
                return FALSE;
            }
          g_hash_table_remove (seals, &id);
        }
      if (rc != SQLITE_DONE)
        {
          _heard_store_set_error (error, db, rc);
          return FALSE;
        }

      g_hash_table_iter_init (&iter, seals);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_autofree char *description = NULL;

          if (g_bytes_get_size (value) == 0)
            continue;
          description = describe_record (kind, NULL, *(gint64 *) key);
          if (!report (db, kind, *(gint64 *) key, description, CONTENT_REMOVED, data, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Triggers */

/* Every trigger Heard's migrations make, by name, with its SQL exactly as
 * SQLite keeps it: made once by running the migrations in memory, so the
 * list can never disagree with them. */
static GHashTable *
get_expected_triggers (void)
{
  static GHashTable *expected;

  if (g_once_init_enter (&expected))
    {
      GHashTable *triggers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      guint n_migrations = 0;
      const char *const *migrations = _heard_store_get_migrations (&n_migrations);
      sqlite3 *memory = NULL;
      sqlite3_stmt *statement = NULL;

      if (sqlite3_open_v2 (":memory:", &memory, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
        g_error ("Could not open an in-memory database");
      for (guint i = 0; i < n_migrations; i++)
        if (sqlite3_exec (memory, migrations[i], NULL, NULL, NULL) != SQLITE_OK)
          g_error ("Migration %u does not run in memory: %s", i + 1, sqlite3_errmsg (memory));

      sqlite3_prepare_v2 (memory, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'",
                          -1, &statement, NULL);
      while (sqlite3_step (statement) == SQLITE_ROW)
        g_hash_table_insert (triggers,
                             g_strdup ((const char *) sqlite3_column_text (statement, 0)),
                             g_strdup ((const char *) sqlite3_column_text (statement, 1)));
      sqlite3_finalize (statement);
      sqlite3_close (memory);

      g_once_init_leave (&expected, triggers);
    }

  return expected;
}

/* What a trigger protects, in words, for the message. */
static const char *
describe_trigger (const char *name)
{
  if (g_str_has_prefix (name, "audit_"))
    return _("the record of changes");
  if (g_str_has_prefix (name, "statement_response"))
    return _("the answers given to young people");
  if (g_str_has_prefix (name, "statement_search") || g_str_has_prefix (name, "person_search"))
    return _("the search index");
  if (g_str_has_prefix (name, "statement"))
    return _("young people's own words");
  if (g_str_has_prefix (name, "plan_review"))
    return _("signed reviews");
  if (g_str_has_prefix (name, "check_in"))
    return _("check-ins");
  if (g_str_has_prefix (name, "chronology"))
    return _("warning signs and strengths");
  if (g_str_has_prefix (name, "cluster"))
    return _("decisions on warning signs and their numbers");
  if (g_str_has_prefix (name, "agency"))
    return _("the agencies directory");
  return name;
}

/* Finds the first trigger that is missing, altered or not Heard's; with
 * @repair, puts back Heard's own and removes the others instead. */
static gboolean
check_triggers (sqlite3   *db,
                gboolean   repair,
                GError   **error)
{
  GHashTable *expected = get_expected_triggers ();
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) statement = NULL;
  GHashTableIter iter;
  gpointer name, sql;

  statement = _heard_store_prepare (db, "SELECT name, sql FROM sqlite_master"
                                        " WHERE type = 'trigger'", error);
  if (statement == NULL)
    return FALSE;
  while (sqlite3_step (statement) == SQLITE_ROW)
    g_hash_table_insert (found, _heard_store_dup_column (statement, 0),
                         _heard_store_dup_column (statement, 1));
  g_clear_pointer (&statement, sqlite3_finalize);

  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, &name, &sql))
    {
      if (g_strcmp0 (g_hash_table_lookup (expected, name), sql) == 0)
        continue;

      if (!repair)
        {
          g_set_error (error, HEARD_AUDIT_ERROR, HEARD_AUDIT_ERROR_UNPROTECTED,
                       _("A safeguard that protects %s was changed outside Heard "
                         "(trigger %s)."), describe_trigger (name), (const char *) name);
          return FALSE;
        }
      else
        {
          g_autofree char *drop = g_strdup_printf ("DROP TRIGGER \"%s\"", (const char *) name);

          if (!_heard_store_exec (db, drop, error))
            return FALSE;
        }
    }

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &name, &sql))
    {
      if (g_strcmp0 (g_hash_table_lookup (found, name), sql) == 0)
        continue;

      if (!repair)
        {
          g_set_error (error, HEARD_AUDIT_ERROR, HEARD_AUDIT_ERROR_UNPROTECTED,
                       _("A safeguard that protects %s was removed outside Heard "
                         "(trigger %s), so they could have been changed without a trace."),
                       describe_trigger (name), (const char *) name);
          return FALSE;
        }
      else if (!_heard_store_exec (db, sql, error))
        return FALSE;
    }

  return TRUE;
}

static void
set_hold (sqlite3    *db,
          const char *problem)
{
  AuditState *state = lookup_state (db);

  if (state != NULL && state->hold == NULL)
    state->hold = g_strdup (problem);
}

void
_heard_audit_open_checks (sqlite3 *db)
{
  AuditState *state = lookup_state (db);
  g_autoptr(GError) error = NULL;

  g_assert (state != NULL);

  state->sealing = TRUE;
  if (!check_triggers (db, FALSE, &error))
    {
      g_message ("Writing is held: %s", error->message);
      set_hold (db, error->message);
    }
}

gboolean
_heard_audit_after_migration (sqlite3  *db,
                              guint     version,
                              GError  **error)
{
  AuditState *state = lookup_state (db);
  gboolean sealing;
  gboolean ok = TRUE;

  if (version != CONTENT_SCHEMA_VERSION)
    return TRUE;

  /* Entries already in the chain cannot be rewritten: each record kept
   * before content hashes existed gets a new entry sealing it as it is now. */
  g_assert (state != NULL);
  sealing = state->sealing;
  state->sealing = TRUE;
  for (gsize k = 0; ok && k < G_N_ELEMENTS (content_kinds); k++)
    if (content_kinds[k].since <= version)
      ok = seal_records (db, &content_kinds[k], 0, FALSE, "sealed",
                         "kept before content hashes; sealed as found when Heard was updated",
                         error);
  state->sealing = sealing;

  return ok;
}

gboolean
_heard_audit_before_write (sqlite3  *db,
                           GError  **error)
{
  AuditState *state = lookup_state (db);

  if (state == NULL || !state->sealing)
    return TRUE;

  if (state->hold != NULL)
    {
      g_set_error (error, HEARD_AUDIT_ERROR, HEARD_AUDIT_ERROR_ON_HOLD,
                   _("Heard is not saving changes until someone with the recovery code has "
                     "seen a problem with the records: %s Everything can still be read."),
                   state->hold);
      return FALSE;
    }

  for (gsize k = 0; k < G_N_ELEMENTS (content_kinds); k++)
    if (!query_max (db, content_kinds[k].max_sql, &state->sealed_up_to[k], error))
      return FALSE;

  return TRUE;
}

gboolean
_heard_audit_before_commit (sqlite3  *db,
                            GError  **error)
{
  AuditState *state = lookup_state (db);

  if (state == NULL || !state->sealing)
    return TRUE;

  /* Only what this transaction added: a record slipped in behind Heard's
   * back before it began stays unsealed, and the check names it. */
  for (gsize k = 0; k < G_N_ELEMENTS (content_kinds); k++)
    if (!seal_records (db, &content_kinds[k], state->sealed_up_to[k], FALSE, "sealed", "",
                       error))
      return FALSE;

  return TRUE;
}

/* Anchors */

HeardAuditAnchor *
heard_audit_anchor_copy (const HeardAuditAnchor *anchor)
{
  return anchor != NULL ? g_memdup2 (anchor, sizeof *anchor) : NULL;
}

void
heard_audit_anchor_free (HeardAuditAnchor *anchor)
{
  g_free (anchor);
}

gboolean
heard_audit_anchor_equal (const HeardAuditAnchor *a,
                          const HeardAuditAnchor *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->entry == b->entry && sodium_memcmp (a->mac, b->mac, sizeof a->mac) == 0;
}

/* "v1 ENTRY HEX": what the keyring and heard.ini hold. */
char *
heard_audit_anchor_to_string (const HeardAuditAnchor *anchor)
{
  char hex[sizeof anchor->mac * 2 + 1];

  g_return_val_if_fail (anchor != NULL, NULL);

  sodium_bin2hex (hex, sizeof hex, anchor->mac, sizeof anchor->mac);
  return g_strdup_printf (ANCHOR_PREFIX "%" G_GINT64_FORMAT " %s", anchor->entry, hex);
}

HeardAuditAnchor *
heard_audit_anchor_new_from_string (const char *text)
{
  g_autoptr(HeardAuditAnchor) anchor = g_new0 (HeardAuditAnchor, 1);
  g_auto(GStrv) parts = NULL;
  gsize mac_length = 0;
  guint64 entry = 0;

  if (text == NULL || !g_str_has_prefix (text, ANCHOR_PREFIX))
    return NULL;

  parts = g_strsplit (text + strlen (ANCHOR_PREFIX), " ", -1);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXINT64, &entry, NULL) ||
      strlen (parts[1]) != sizeof anchor->mac * 2 ||
      sodium_hex2bin (anchor->mac, sizeof anchor->mac, parts[1], strlen (parts[1]),
                      NULL, &mac_length, NULL) != 0 ||
      mac_length != sizeof anchor->mac)
    return NULL;

  anchor->entry = (gint64) entry;
  return g_steal_pointer (&anchor);
}

/* A keyed hash of an anchor's text and its database, for heard.ini in
 * passphrase mode: without the database key, no one can write a note that
 * passes, so editing the note to match an older file is found out. */
char *
heard_audit_anchor_sign (const char     *text,
                         const char     *db_uuid,
                         const HeardKey *key)
{
  guint8 note_key[crypto_generichash_KEYBYTES];
  guint8 mac[crypto_generichash_BYTES];
  char hex[sizeof mac * 2 + 1];
  crypto_generichash_state state;

  g_return_val_if_fail (text != NULL && db_uuid != NULL && key != NULL, NULL);

  crypto_generichash (note_key, sizeof note_key,
                      (const guint8 *) ANCHOR_NOTE_CONTEXT, strlen (ANCHOR_NOTE_CONTEXT),
                      heard_key_get_bytes (key), HEARD_KEY_SIZE);
  crypto_generichash_init (&state, note_key, sizeof note_key, sizeof mac);
  update_mac (&state, SQLITE_TEXT, db_uuid, (guint32) strlen (db_uuid));
  update_mac (&state, SQLITE_TEXT, text, (guint32) strlen (text));
  crypto_generichash_final (&state, mac, sizeof mac);
  sodium_memzero (note_key, sizeof note_key);

  sodium_bin2hex (hex, sizeof hex, mac, sizeof mac);
  return g_strdup (hex);
}

/* Checking */

static void
set_tampered_error (GError **error,
                    gint64   entry)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, entry);

  g_set_error (error, HEARD_AUDIT_ERROR, HEARD_AUDIT_ERROR_TAMPERED,
               _("The record of changes was altered outside Heard, from entry %s on. "
                 "Keep this copy of the records as it is and tell whoever looks "
                 "after information security."), number);
}

/* Breaks in the chain that someone with the recovery code has seen. */
static GHashTable *
load_acknowledged_breaks (sqlite3  *db,
                          GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  GHashTable *breaks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  statement = _heard_store_prepare (db, "SELECT target_id FROM audit"
                                        " WHERE action = 'acknowledged' AND target_kind = 'audit'",
                                    error);
  if (statement == NULL)
    {
      g_hash_table_unref (breaks);
      return NULL;
    }
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (statement, 0);
      g_hash_table_add (breaks, id);
    }

  return breaks;
}

/* Walks the chain; sets @n_entries to its length, @first_break to the first
 * entry nobody has acknowledged a break at (0 for none) and @anchor_mac to
 * the hash of @anchor_entry if it is there. */
static gboolean
walk_chain (sqlite3  *db,
            gint64    anchor_entry,
            gint64   *n_entries,
            gint64   *first_break,
            guint8   *anchor_mac,
            gboolean *anchor_found,
            GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GHashTable) acknowledged = load_acknowledged_breaks (db, error);
  gint64 expected = 1;
  int rc;

  if (acknowledged == NULL)
    return FALSE;

  statement = _heard_store_prepare (db,
    "SELECT a.id, a.hash = heard_audit_mac (p.hash, a.id, a.at, a.actor, a.action,"
    "                                       a.target_kind, a.target_id, a.detail,"
    "                                       a.content_kind, a.content_id, a.content_hash),"
    "       a.hash"
    " FROM audit AS a LEFT JOIN audit AS p ON p.id = a.id - 1"
    " ORDER BY a.id", error);
  if (statement == NULL)
    return FALSE;

  *first_break = 0;
  *anchor_found = FALSE;
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (statement, 0);

      if (id != expected || sqlite3_column_int (statement, 1) != 1)
        {
          gint64 at = MIN (id, expected);

          if (*first_break == 0 && !g_hash_table_contains (acknowledged, &at))
            *first_break = at;
        }
      if (id == anchor_entry && sqlite3_column_bytes (statement, 2) == AUDIT_MAC_SIZE)
        {
          memcpy (anchor_mac, sqlite3_column_blob (statement, 2), AUDIT_MAC_SIZE);
          *anchor_found = TRUE;
        }
      expected = id + 1;
    }

  if (rc != SQLITE_DONE)
    {
      _heard_store_set_error (error, db, rc);
      return FALSE;
    }

  *n_entries = expected - 1;
  return TRUE;
}

static gboolean
first_content_problem_cb (sqlite3            *db,
                          const ContentKind  *kind,
                          gint64              id,
                          const char         *description,
                          ContentProblem      problem,
                          gpointer            data,
                          GError            **error)
{
  switch (problem)
    {
    case CONTENT_CHANGED:
      g_set_error (error, HEARD_AUDIT_ERROR, HEARD_AUDIT_ERROR_CONTENT_CHANGED,
                   _("A record Heard never changes was changed outside Heard: %s no longer "
                     "matches what was recorded."), description);
      break;

    case CONTENT_UNSEALED:
      g_set_error (error, HEARD_AUDIT_ERROR, HEARD_AUDIT_ERROR_CONTENT_CHANGED,
                   _("A record was added outside Heard: %s is not in the record of changes."),
                   description);
      break;

    case CONTENT_REMOVED:
      g_set_error (error, HEARD_AUDIT_ERROR, HEARD_AUDIT_ERROR_CONTENT_CHANGED,
                   _("A record Heard never removes is missing: %s."), description);
      break;
    }

  return FALSE;
}

/* The whole check, first problem first; a problem also holds writing. */
static gboolean
check_trail (sqlite3                 *db,
             const HeardAuditAnchor  *anchor,
             gint64                  *n_entries,
             GError                 **error)
{
  guint8 anchor_mac[AUDIT_MAC_SIZE];
  gboolean anchor_found = FALSE;
  gint64 first_break = 0;

  if (!check_triggers (db, FALSE, error))
    return FALSE;

  if (!walk_chain (db, anchor != NULL ? anchor->entry : 0, n_entries, &first_break,
                   anchor_mac, &anchor_found, error))
    return FALSE;

  if (first_break != 0)
    {
      set_tampered_error (error, first_break);
      return FALSE;
    }

  if (anchor != NULL && anchor->entry > *n_entries)
    {
      if (*n_entries == 0)
        g_set_error (error, HEARD_AUDIT_ERROR, HEARD_AUDIT_ERROR_CUT_SHORT,
                     _("Every entry of the record of changes is missing (Heard noted %"
                       G_GINT64_FORMAT "): the file may have been replaced by an empty "
                       "or older copy."), anchor->entry);
      else
        g_set_error (error, HEARD_AUDIT_ERROR, HEARD_AUDIT_ERROR_CUT_SHORT,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "The newest entry of the record of changes is missing: "
                                  "the file may have been replaced by an older copy.",
                                  "The newest %" G_GINT64_FORMAT " entries of the record of "
                                  "changes are missing: the file may have been replaced by "
                                  "an older copy.",
                                  (gulong) (anchor->entry - *n_entries)),
                     anchor->entry - *n_entries);
      return FALSE;
    }

  if (anchor != NULL && anchor->entry > 0 &&
      (!anchor_found || sodium_memcmp (anchor_mac, anchor->mac, sizeof anchor_mac) != 0))
    {
      g_set_error_literal (error, HEARD_AUDIT_ERROR, HEARD_AUDIT_ERROR_CUT_SHORT,
                           _("The record of changes is not the one Heard noted last time: "
                             "the file may have been swapped for another copy."));
      return FALSE;
    }

  return check_contents (db, first_content_problem_cb, NULL, error);
}

static gpointer
verify_work (sqlite3  *db,
             gpointer  data,
             GError  **error)
{
  GError *local_error = NULL;
  gint64 n_entries = 0;

  /* The health of the file first, if the open left it for now. */
  if (!_heard_store_run_deferred_check (db, error))
    return NULL;

  if (!check_trail (db, data, &n_entries, &local_error))
    {
      if (local_error->domain == HEARD_AUDIT_ERROR)
        set_hold (db, local_error->message);
      g_propagate_error (error, local_error);
      return NULL;
    }

  return _heard_store_dup_id (n_entries);
}

static void
verify_audit_async (HeardStore             *self,
                    const HeardAuditAnchor *anchor,
                    GCancellable           *cancellable,
                    GAsyncReadyCallback     callback,
                    gpointer                user_data)
{
  _heard_store_run_async (self, verify_work, heard_audit_anchor_copy (anchor),
                          (GDestroyNotify) heard_audit_anchor_free, g_free,
                          heard_store_verify_audit_async, cancellable, callback, user_data);
}

HeardAuditAnchor *
_heard_audit_read_head (sqlite3  *db,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  HeardAuditAnchor *anchor = g_new0 (HeardAuditAnchor, 1);
  int rc;

  statement = _heard_store_prepare (db, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
                                    error);
  if (statement == NULL)
    {
      g_free (anchor);
      return NULL;
    }

  rc = sqlite3_step (statement);
  if (rc == SQLITE_ROW && sqlite3_column_bytes (statement, 1) == AUDIT_MAC_SIZE)
    {
      anchor->entry = sqlite3_column_int64 (statement, 0);
      memcpy (anchor->mac, sqlite3_column_blob (statement, 1), AUDIT_MAC_SIZE);
    }
  else if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _heard_store_set_error (error, db, rc);
      g_free (anchor);
      return NULL;
    }

  return anchor;
}

static gpointer
read_head_work (sqlite3  *db,
                gpointer  data,
                GError  **error)
{
  return _heard_audit_read_head (db, error);
}

static void
read_audit_head_async (HeardStore          *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  _heard_store_run_async (self, read_head_work, NULL, NULL,
                          (GDestroyNotify) heard_audit_anchor_free,
                          heard_store_read_audit_head_async, cancellable, callback, user_data);
}

/* Acknowledging */

static gboolean
acknowledge_content_cb (sqlite3            *db,
                        const ContentKind  *kind,
                        gint64              id,
                        const char         *description,
                        ContentProblem      problem,
                        gpointer            data,
                        GError            **error)
{
  GArray *found = data;
  struct { const ContentKind *kind; gint64 id; ContentProblem problem; } item = { kind, id,
                                                                                   problem };

  g_array_append_val (found, item);
  return TRUE;
}

static gpointer
acknowledge_work (sqlite3  *db,
                  gpointer  data,
                  GError  **error)
{
  const char *problem = data;
  AuditState *state = lookup_state (db);
  struct { const ContentKind *kind; gint64 id; ContentProblem problem; } *items;
  g_autoptr(GArray) found = NULL;
  gint64 n_entries = 0, first_break = 0;
  guint8 unused[AUDIT_MAC_SIZE];
  gboolean unused_found;

  g_assert (state != NULL);

  found = g_array_new (FALSE, FALSE, sizeof *items);
  if (!_heard_store_run_deferred_check (db, error) ||
      !_heard_store_exec (db, "BEGIN IMMEDIATE", error))
    return NULL;

  if (!check_triggers (db, TRUE, error) ||
      !walk_chain (db, 0, &n_entries, &first_break, unused, &unused_found, error) ||
      !check_contents (db, acknowledge_content_cb, found, error) ||
      !append_entry (db, NULL, "acknowledged", "audit", first_break, problem,
                     NULL, 0, NULL, error))
    goto failed;

  /* Every record as it is now, so the next check starts from what was seen. */
  items = (gpointer) found->data;
  for (guint i = 0; i < found->len; i++)
    {
      const ContentKind *kind = items[i].kind;

      if (items[i].problem == CONTENT_REMOVED)
        {
          if (!append_entry (db, NULL, "acknowledged removed", kind->kind, items[i].id,
                             "missing when checked; acknowledged with the recovery code",
                             kind->kind, items[i].id, NULL, error))
            goto failed;
        }
      else if (!seal_records (db, kind, items[i].id - 1, TRUE, "acknowledged changed",
                              "changed outside Heard; acknowledged with the recovery code",
                              error))
        goto failed;
    }

  if (!_heard_store_exec (db, "COMMIT", error))
    goto failed;

  g_clear_pointer (&state->hold, g_free);
  return _heard_audit_read_head (db, error);

failed:
  _heard_store_rollback (db);
  return NULL;
}

static void
acknowledge_audit_async (HeardStore          *self,
                         const char          *problem,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (problem != NULL);

  _heard_store_run_async (self, acknowledge_work, g_strdup (problem), g_free,
                          (GDestroyNotify) heard_audit_anchor_free,
                          heard_store_acknowledge_audit_async, cancellable, callback, user_data);
}

static gpointer
hold_work (sqlite3  *db,
           gpointer  data,
           GError  **error)
{
  set_hold (db, data);
  return GINT_TO_POINTER (TRUE);
}

static void
hold_writes (HeardStore *self,
             const char *problem)
{
  g_return_if_fail (problem != NULL);

  /* The queue is first in, first out: every later write sees the hold. */
  _heard_store_run_async (self, hold_work, g_strdup (problem), g_free, NULL,
                          heard_store_hold_writes, NULL, NULL, NULL);
}

void
_heard_sqlite_store_init_audit (HeardStoreClass *klass)
{
  klass->verify_audit_async = verify_audit_async;
  klass->read_audit_head_async = read_audit_head_async;
  klass->acknowledge_audit_async = acknowledge_audit_async;
  klass->hold_writes = hold_writes;
}

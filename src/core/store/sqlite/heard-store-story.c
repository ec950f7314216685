/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-store"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-audit-private.h"
#include "heard-export-note.h"
#include "heard-recipient.h"
#include "heard-staff.h"
#include "heard-store-story.h"
#include "heard-store-util.h"

/*
 * "Who has seen my story" in the SQLCipher store (heard-store-story.h): the
 * audit entry of each opening of a young person's record, added in its own
 * write transaction so that it is chained like every other entry; and the
 * story read back from the trail and the sharing log, filtered by the young person's id in the
 * SQL itself (their statements joined by statement.person_id), so that no
 * entry of anyone else is ever read, let alone shown.
 */

/* Their openings (one a day for each person who opened it: selecting
 * them again in a list is no news to them), the exports no sharing entry
 * tells of yet (once one does, the share says it), then the reads of their
 * sensitive statements, newest first. Who did it is named by the audit
 * trail; the staff list says in what role (a retired member is still who
 * they were, a name on no list is "other"). */
#define STORY_SQL \
  "SELECT max (a.id), max (a.at), a.actor, a.action, '', 0, '', " \
  "       (SELECT role FROM staff WHERE name = a.actor" \
  "        ORDER BY retired_at IS NOT NULL LIMIT 1)" \
  " FROM audit a" \
  " WHERE a.target_kind = 'person' AND a.target_id = ?1 AND a.action = 'opened'" \
  " GROUP BY a.actor, substr (a.at, 1, 10)" \
  " UNION ALL " \
  "SELECT a.id, a.at, a.actor, a.action, a.detail, 0, '', " \
  "       (SELECT role FROM staff WHERE name = a.actor" \
  "        ORDER BY retired_at IS NOT NULL LIMIT 1)" \
  " FROM audit a" \
  " WHERE a.target_kind = 'person' AND a.target_id = ?1 AND a.action = 'exported'" \
  "   AND NOT EXISTS (SELECT 1 FROM sharing_version WHERE export_audit_id = a.id)" \
  "   AND" HEARD_STORE_EXPORT_WRITTEN_SQL ("a") \
  " UNION ALL " \
  "SELECT a.id, a.at, a.actor, a.action, '', st.id," \
  "       (SELECT content_note FROM statement_version WHERE statement_id = st.id" \
  "        ORDER BY version DESC LIMIT 1)," \
  "       (SELECT role FROM staff WHERE name = a.actor" \
  "        ORDER BY retired_at IS NOT NULL LIMIT 1)" \
  " FROM statement st JOIN audit a" \
  "   ON a.target_kind = 'statement' AND a.target_id = st.id AND a.action = 'read'" \
  " WHERE st.person_id = ?1" \
  " ORDER BY 1 DESC"

/* Their sharing log as it now stands (each entry's newest version): when it
 * happened, with whom, what, why, whether they agreed; who decided is who
 * first wrote it down. A share they have not been told of stays out: the
 * worker decided, with a reason, that telling them now is not safe, and
 * this view is the telling (co-design mode shows it to them). */
#define SHARING_SQL \
  "SELECT v.shared_on, v.decision, coalesce (ag.name, ''), v.what, v.purpose," \
  "       v.not_shared_reason, first.saved_by," \
  "       (SELECT role FROM staff WHERE name = first.saved_by" \
  "        ORDER BY retired_at IS NOT NULL LIMIT 1)," \
  "       e.id, v.agreed" \
  " FROM sharing_entry e" \
  " JOIN sharing_version v ON v.entry_id = e.id" \
  "   AND v.version = (SELECT max (version) FROM sharing_version WHERE entry_id = e.id)" \
  " JOIN sharing_version first ON first.entry_id = e.id AND first.version = 1" \
  " LEFT JOIN agency ag ON ag.id = v.agency_id" \
  " WHERE e.person_id = ?1 AND (v.decision = 'not-shared' OR v.told = 'yes')"

typedef struct
{
  sqlite3   *db;
  GPtrArray *events;
} StoryRead;


static gboolean
note_opened_write (sqlite3            *db,
                   gpointer            data,
                   HeardStoreWritten  *written,
                   GError            **error)
{
  gint64 person_id = *(gint64 *) data;
  g_autoptr(sqlite3_stmt) find = NULL;
  int rc;

  /* Nobody's view of the records changes: views are not told. */
  written->audit_only = TRUE;

  find = _heard_store_prepare (db, "SELECT 1 FROM person WHERE id = ?", error);
  if (find == NULL)
    return FALSE;
  sqlite3_bind_int64 (find, 1, person_id);
  rc = sqlite3_step (find);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        _heard_store_set_error (error, db, rc);
      else
        g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND,
                             _("This young person could not be found."));
      return FALSE;
    }

  if (!_heard_audit_append (db, NULL, "opened", "person", person_id,
                            "opened the young person's record", error))
    return FALSE;

  written->id = sqlite3_last_insert_rowid (db);
  return TRUE;
}

static void
note_person_opened_async (HeardStore          *self,
                          gint64               person_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  _heard_store_write_async (self, HEARD_RECORD_KIND_PERSON, note_opened_write,
                            _heard_store_dup_id (person_id), g_free,
                            heard_store_note_person_opened_async, cancellable, callback,
                            user_data);
}

/* The directory's names of the agencies a recipient's code numbers. */
static void
name_entries (sqlite3        *db,
              HeardRecipient *recipient)
{
  g_autoptr(sqlite3_stmt) find = NULL;

  if (recipient->entries == NULL)
    return;

  find = _heard_store_prepare (db, "SELECT name FROM agency WHERE id = ?", NULL);
  if (find == NULL)
    return;

  for (guint i = 0; i < recipient->entries->len; i++)
    {
      HeardRecipientEntry *entry = &g_array_index (recipient->entries, HeardRecipientEntry, i);

      if (entry->id == 0 || entry->name != NULL)
        continue;
      sqlite3_reset (find);
      sqlite3_bind_int64 (find, 1, entry->id);
      if (sqlite3_step (find) == SQLITE_ROW)
        entry->name = _heard_store_dup_column (find, 0);
    }
}

/* What an export held, in words the young person reads: "your support
 * plan, 2 things you said and 20 check-ins". */
static char *
describe_export (const HeardExportNote *note)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *head = NULL;
  g_autofree char *last = NULL;

  if (note->plan_id != 0)
    g_ptr_array_add (parts, g_strdup (_("your support plan")));
  if (note->statements->len > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u thing you said",
                                                          "%u things you said",
                                                          note->statements->len),
                                             note->statements->len));
  if (note->n_check_ins > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check-in",
                                                          "%u check-ins", note->n_check_ins),
                                             note->n_check_ins));
  if (parts->len == 0)
    return g_strdup (_("some of your records"));
  if (parts->len == 1)
    return g_strdup (g_ptr_array_index (parts, 0));

  /* All but the last with commas, then the last with "and". */
  last = g_ptr_array_steal_index (parts, parts->len - 1);
  g_ptr_array_add (parts, NULL);
  head = g_strjoinv (", ", (char **) parts->pdata);
  /* TRANSLATORS: the end of a list of what left Heard, e.g. "your support
   * plan, 2 things you said" and "20 check-ins". */
  return g_strdup_printf (_("%s and %s"), head, last);
}

/* Fills in who an export went to and what it held; FALSE for one that
 * stayed in their own team (a spreadsheet or calendar for the team: no one
 * new saw their story, and the team's openings are listed already). */
static gboolean
fill_export (sqlite3         *db,
             HeardStoryEvent *event,
             const char      *detail)
{
  g_autoptr(HeardExportNote) note = heard_export_note_from_detail (detail);
  g_autoptr(HeardRecipient) recipient = NULL;
  g_autofree char *what = NULL;

  /* A damaged detail still says that something went out, and when. */
  if (note == NULL)
    return TRUE;

  recipient = heard_recipient_from_code (note->recipient);
  if (recipient != NULL && recipient->kind == HEARD_RECIPIENT_OWN_TEAM)
    return FALSE;
  if (recipient != NULL && recipient->kind != HEARD_RECIPIENT_YOUNG_PERSON)
    {
      g_autofree char *to = NULL;

      name_entries (db, recipient);
      to = heard_recipient_describe (recipient);
      heard_story_event_set_text (event, HEARD_STORY_AGENCY, to);
    }
  what = describe_export (note);
  heard_story_event_set_text (event, HEARD_STORY_WHAT, what);
  return TRUE;
}

static HeardStoryBy
by_role (sqlite3_stmt *statement,
         int           column)
{
  if (sqlite3_column_type (statement, column) == SQLITE_NULL)
    return HEARD_STORY_BY_OTHER;

  return sqlite3_column_int (statement, column) == HEARD_STAFF_SUPERVISOR
    ? HEARD_STORY_BY_SUPERVISOR : HEARD_STORY_BY_CASEWORKER;
}

static void
add_event_cb (sqlite3_stmt *statement,
              gpointer      data)
{
  StoryRead *read = data;
  const char *action = (const char *) sqlite3_column_text (statement, 3);
  HeardStoryKind kind = HEARD_STORY_OPENED;
  HeardStoryEvent *event;

  if (g_str_equal (action, "read"))
    kind = HEARD_STORY_READ_SENSITIVE;
  else if (g_str_equal (action, "exported"))
    kind = HEARD_STORY_EXPORTED;

  event = heard_story_event_new (kind, (const char *) sqlite3_column_text (statement, 1),
                                 (const char *) sqlite3_column_text (statement, 2),
                                 by_role (statement, 7));
  if (kind == HEARD_STORY_READ_SENSITIVE)
    {
      heard_story_event_set_record_id (event, sqlite3_column_int64 (statement, 5));
      heard_story_event_set_text (event, HEARD_STORY_WHAT,
                                  (const char *) sqlite3_column_text (statement, 6));
    }
  else if (kind == HEARD_STORY_EXPORTED &&
           !fill_export (read->db, event, (const char *) sqlite3_column_text (statement, 4)))
    {
      g_object_unref (event);
      return;
    }
  g_ptr_array_add (read->events, event);
}

static void
add_sharing_cb (sqlite3_stmt *statement,
                gpointer      data)
{
  StoryRead *read = data;
  gboolean shared = g_str_equal ((const char *) sqlite3_column_text (statement, 1), "shared");
  HeardStoryEvent *event;

  event = heard_story_event_new (shared ? HEARD_STORY_SHARED : HEARD_STORY_NOT_SHARED,
                                 (const char *) sqlite3_column_text (statement, 0),
                                 (const char *) sqlite3_column_text (statement, 6),
                                 by_role (statement, 7));
  heard_story_event_set_record_id (event, sqlite3_column_int64 (statement, 8));
  heard_story_event_set_text (event, HEARD_STORY_AGENCY,
                              (const char *) sqlite3_column_text (statement, 2));
  heard_story_event_set_text (event, HEARD_STORY_WHAT,
                              (const char *) sqlite3_column_text (statement, 3));
  heard_story_event_set_text (event, HEARD_STORY_WHY,
                              (const char *) sqlite3_column_text (statement, shared ? 4 : 5));
  if (shared)
    heard_story_event_set_text (event, HEARD_STORY_AGREED,
                                (const char *) sqlite3_column_text (statement, 9));
  g_ptr_array_add (read->events, event);
}

/* Newest first. A day ("2026-03-05") sorts before the moments of that day
 * ("2026-03-05T09:30:00Z"), which is close enough for a list of days. */
static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  HeardStoryEvent *first = *(HeardStoryEvent **) a;
  HeardStoryEvent *second = *(HeardStoryEvent **) b;

  return g_strcmp0 (heard_story_event_get_at (second), heard_story_event_get_at (first));
}

static gpointer
story_work (sqlite3  *db,
            gpointer  data,
            GError  **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  StoryRead read = { db, events };

  if (!_heard_store_each_row (db, STORY_SQL, *(gint64 *) data, NULL, add_event_cb, &read, error) ||
      !_heard_store_each_row (db, SHARING_SQL, *(gint64 *) data, NULL, add_sharing_cb, &read,
                              error))
    return NULL;
  g_ptr_array_sort (events, compare_newest_first);

  return g_steal_pointer (&events);
}

static void
list_story_async (HeardStore          *self,
                  gint64               person_id,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  _heard_store_run_async (self, story_work, _heard_store_dup_id (person_id), g_free,
                          (GDestroyNotify) g_ptr_array_unref, heard_store_list_story_async,
                          cancellable, callback, user_data);
}

void
_heard_sqlite_store_init_story (HeardStoreClass *klass)
{
  klass->note_person_opened_async = note_person_opened_async;
  klass->list_story_async = list_story_async;
}

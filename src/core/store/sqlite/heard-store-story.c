/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-store"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-audit-private.h"
#include "heard-store-story.h"
#include "heard-store-util.h"

/*
 * "Who has seen my story" in the SQLCipher store (heard-store-story.h): the
 * audit entry of each opening of a young person's record, added in its own
 * write transaction so that it is chained like every other entry.
 */

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

void
_heard_sqlite_store_init_story (HeardStoreClass *klass)
{
  klass->note_person_opened_async = note_person_opened_async;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-story-event.h"
#include "heard-store.h"

G_BEGIN_DECLS

/*
 * "Who has seen my story" in the store: every opening of a young person's
 * record is put in the audit trail, as reads of sensitive words and exports
 * already are, so that the young person can be told who looked and when.
 * A note changes no record anyone sees: "changed" is not emitted.
 *
 * The story itself is read back from the audit trail for one young person
 * only: their record's openings and exports (entries on "person" with
 * their id) and the reads of their own sensitive statements (entries on
 * "statement" joined to statements of theirs), so that nothing of another
 * young person can appear in it.
 */

/* Notes in the audit trail that the record of the young person @person_id
 * was opened (shown to whoever is using Heard). Finishes with the audit
 * entry's number, or 0 with @error set (NOT_FOUND: no such young person). */
void        heard_store_note_person_opened_async  (HeardStore           *self,
                                                   gint64                person_id,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gint64      heard_store_note_person_opened_finish (HeardStore           *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

/* Everything in the story of the young person @person_id, newest first,
 * as HeardStoryEvent objects: each opening of their record, each reading
 * of a sensitive statement of theirs (its content note, never its words),
 * each export made for someone about them. */
void        heard_store_list_story_async          (HeardStore           *self,
                                                   gint64                person_id,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
GPtrArray  *heard_store_list_story_finish         (HeardStore           *self,
                                                   GAsyncResult         *result,
                                                   GError              **error)
                                                   G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-store.h"

G_BEGIN_DECLS

/*
 * "Who has seen my story" in the store: every opening of a young person's
 * record is put in the audit trail, as reads of sensitive words and exports
 * already are, so that the young person can be told who looked and when.
 * A note changes no record anyone sees: "changed" is not emitted.
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

G_END_DECLS

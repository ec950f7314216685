/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-export-note.h"
#include "heard-store.h"

G_BEGIN_DECLS

/*
 * Exports in the store: nothing leaves Heard unrecorded. Every PDF, print
 * or CSV made is noted in the audit trail, chained and sealed like every
 * other entry, with what went in and who it was for (HeardExportNote, kept
 * as the entry's detail, heard_export_note_from_detail() reads it back);
 * the entry's own actor and time say who made it and when. The sharing log
 * turns these entries into sharing entries. A note changes no record
 * anyone sees: "changed" is not emitted.
 */

/* Notes that @note left Heard about the young person @person_id. Finishes
 * with the audit entry's number, or 0 with @error set: NOT_FOUND when
 * there is no such young person, or the plan or a statement version in
 * @note is not theirs; INVALID when its recipient is no recipient code. */
void        heard_store_note_export_async  (HeardStore             *self,
                                            gint64                  person_id,
                                            const HeardExportNote  *note,
                                            GCancellable           *cancellable,
                                            GAsyncReadyCallback     callback,
                                            gpointer                user_data);
gint64      heard_store_note_export_finish (HeardStore             *self,
                                            GAsyncResult           *result,
                                            GError                **error);

G_END_DECLS

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

/* Notes that the export noted as @export_entry (the audit entry number
 * heard_store_note_export_finish() gave) was never written: the disk was
 * full, the folder gone, the user cancelled. The first note stays, as
 * every audit entry does; this one says it came to nothing, so that no
 * one is told it reached anybody and no sharing entry waits for it.
 * Finishes with this entry's number. */
void        heard_store_note_export_unwritten_async  (HeardStore          *self,
                                                      gint64               person_id,
                                                      gint64               export_entry,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gint64      heard_store_note_export_unwritten_finish (HeardStore          *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* The action of such an entry; its detail is the export entry's number. */
#define HEARD_EXPORT_UNWRITTEN_ACTION "export unwritten"

G_END_DECLS

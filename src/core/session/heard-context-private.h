/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-case-file.h"
#include "heard-context.h"
#include "heard-store.h"

G_BEGIN_DECLS

/* The open store, NULL while the records are not open. Not public: views
 * bind to the context's models and case files, never to the store (the
 * validate-layers test keeps it so); case files and tests use it. */
HeardStore *_heard_context_get_store (HeardContext *self);

/* The uuid of the records open (what a calendar export's UIDs are made
 * from), and the stable pseudonym of the young person @person_id in them
 * (heard_csv_pseudonym(), with the records' key, which stays here); NULL
 * while the records are not open. */
const char    *_heard_context_get_records_uuid     (HeardContext  *self);
char          *_heard_context_dup_pseudonym        (HeardContext  *self,
                                                    gint64         person_id)
                                                    G_GNUC_WARN_UNUSED_RESULT;

/* The case files open on the context, one per young person. The context
 * holds no reference: a case file registers as it opens and unregisters as
 * it goes. On "locking" the context drops every one of them and forgets
 * them, so that the next asker after an unlock gets a fresh one. */
HeardCaseFile *_heard_context_lookup_case_file     (HeardContext  *self,
                                                    gint64         person_id);
void           _heard_context_register_case_file   (HeardContext  *self,
                                                    HeardCaseFile *case_file);
void           _heard_context_unregister_case_file (HeardContext  *self,
                                                    HeardCaseFile *case_file);

/* Removes a young person's record, with @detail for the audit entry; the
 * case file's removal calls it once its rules allow. Finishes through
 * heard_context_restore_person_finish(). */
void           _heard_context_remove_person_async  (HeardContext        *self,
                                                    gint64               person_id,
                                                    const char          *detail,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);

G_END_DECLS

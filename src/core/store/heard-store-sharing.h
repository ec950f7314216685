/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-sharing-entry.h"
#include "heard-store.h"

G_BEGIN_DECLS

/*
 * The sharing log in the store (HeardSharingEntry): every decision to
 * share something about a young person, or not to, and the lawful bases
 * the records list (HeardLawfulBasis).
 *
 * An entry is never edited in place: recording adds version 1, amending
 * adds the next version with a reason, each with its audit entry in the
 * same transaction and sealed by a content hash with the records it
 * included; the file's triggers refuse any change afterwards. The agency,
 * the lawful basis, the linked statements, plans and check-ins and the
 * export it completes must be in the records and the same young person's.
 * Writes emit "changed" with HEARD_RECORD_KIND_SHARING (the entry's id).
 */

/* The lawful bases (HeardLawfulBasis), in the records' order. */
void        heard_store_list_lawful_bases_async      (HeardStore          *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray  *heard_store_list_lawful_bases_finish     (HeardStore          *self,
                                                      GAsyncResult        *result,
                                                      GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* The newest version of each of the young person's entries
 * (HeardSharingEntry), by day, then in the order they were recorded. */
void        heard_store_list_sharing_async           (HeardStore          *self,
                                                      gint64               person_id,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray  *heard_store_list_sharing_finish          (HeardStore          *self,
                                                      GAsyncResult        *result,
                                                      GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* Every version of entry @entry_id, the original first. */
void        heard_store_list_sharing_history_async   (HeardStore          *self,
                                                      gint64               entry_id,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray  *heard_store_list_sharing_history_finish  (HeardStore          *self,
                                                      GAsyncResult        *result,
                                                      GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* Records @entry (id 0, version 1) and finishes with its new id, or 0 with
 * HEARD_STORE_ERROR_INVALID (it does not validate, its lawful basis is not
 * one the records list, a link or its export is another young person's or
 * an export another entry completes) or NOT_FOUND (no such young person or
 * agency). */
void        heard_store_record_sharing_entry_async   (HeardStore          *self,
                                                      HeardSharingEntry   *entry,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gint64      heard_store_record_sharing_entry_finish  (HeardStore          *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* Adds @amended as the next version of its entry (its id set, its version
 * one more than the newest, a reason given); the original is kept. */
void        heard_store_amend_sharing_entry_async    (HeardStore          *self,
                                                      HeardSharingEntry   *amended,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gint64      heard_store_amend_sharing_entry_finish   (HeardStore          *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* The exports made for the young person (their "exported" audit entries,
 * those noted before the sharing log too) that no entry completes yet,
 * oldest first, each as a draft to complete
 * (heard_sharing_entry_new_from_export_note()). */
void        heard_store_list_unlogged_exports_async  (HeardStore          *self,
                                                      gint64               person_id,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray  *heard_store_list_unlogged_exports_finish (HeardStore          *self,
                                                      GAsyncResult        *result,
                                                      GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

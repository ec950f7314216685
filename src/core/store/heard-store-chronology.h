/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-chronology-entry.h"
#include "heard-cluster-decision.h"
#include "heard-store.h"

G_BEGIN_DECLS

/*
 * Early warning signs and strengths in the store (HeardChronologyEntry),
 * the decisions recorded when signs gathered (HeardClusterDecision) and the
 * cluster prompt's three numbers (HeardClusterNumbers).
 *
 * An entry is never edited in place: recording adds version 1, amending
 * adds the next version with a reason, each with its audit entry in the same
 * transaction and sealed by a content hash; the file's triggers refuse any
 * change afterwards. A link to a statement or a plan action must be the
 * same young person's. Writes emit "changed" with
 * HEARD_RECORD_KIND_CHRONOLOGY (the entry's id), CLUSTER_DECISION (the
 * decision's) or CLUSTER_NUMBERS (person 0, record 1).
 *
 * The cluster rule itself is not here (heard-cluster-rules.h): the store
 * keeps what it reads and what was decided.
 */

/* The kinds an entry can be (HeardEntryKind), signs first, in order. */
void        heard_store_list_chronology_kinds_async     (HeardStore                *self,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
GPtrArray  *heard_store_list_chronology_kinds_finish    (HeardStore                *self,
                                                         GAsyncResult              *result,
                                                         GError                    **error) G_GNUC_WARN_UNUSED_RESULT;

/* The newest version of each of the young person's entries, earliest day
 * first (then in the order they were recorded). */
void        heard_store_list_chronology_async           (HeardStore                *self,
                                                         gint64                    person_id,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
GPtrArray  *heard_store_list_chronology_finish          (HeardStore                *self,
                                                         GAsyncResult              *result,
                                                         GError                    **error) G_GNUC_WARN_UNUSED_RESULT;

/* Every version of entry @entry_id, the original first. */
void        heard_store_list_chronology_history_async   (HeardStore                *self,
                                                         gint64                    entry_id,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
GPtrArray  *heard_store_list_chronology_history_finish  (HeardStore                *self,
                                                         GAsyncResult              *result,
                                                         GError                    **error) G_GNUC_WARN_UNUSED_RESULT;

/* Records @entry (id 0, version 1) and finishes with its new id, or 0 with
 * HEARD_STORE_ERROR_INVALID (it does not validate, its kind is unknown or
 * not of its nature, its link is another young person's) or NOT_FOUND (no
 * such young person or agency). */
void        heard_store_record_chronology_entry_async   (HeardStore                *self,
                                                         HeardChronologyEntry      *entry,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
gint64      heard_store_record_chronology_entry_finish  (HeardStore                *self,
                                                         GAsyncResult              *result,
                                                         GError                    **error);

/* Adds @amended as the next version of its entry (its id set, its version
 * one more than the newest, a reason given); the original is kept. */
void        heard_store_amend_chronology_entry_async    (HeardStore                *self,
                                                         HeardChronologyEntry      *amended,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
gint64      heard_store_amend_chronology_entry_finish   (HeardStore                *self,
                                                         GAsyncResult              *result,
                                                         GError                    **error);

/* The decisions recorded for the young person, oldest first. */
void        heard_store_list_cluster_decisions_async    (HeardStore                *self,
                                                         gint64                    person_id,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
GPtrArray  *heard_store_list_cluster_decisions_finish   (HeardStore                *self,
                                                         GAsyncResult              *result,
                                                         GError                    **error) G_GNUC_WARN_UNUSED_RESULT;

/* Records @decision on signs of its young person. "No further action"
 * needs the supervisor named in it (heard_cluster_decision_set_supervisor())
 * and their @passphrase: without them HEARD_STORE_ERROR_INVALID, with a
 * wrong one HEARD_PLAN_ERROR_WRONG_PASSPHRASE (the attempt audited);
 * the other outcomes take no passphrase (NULL). */
void        heard_store_record_cluster_decision_async   (HeardStore                *self,
                                                         HeardClusterDecision      *decision,
                                                         const char                *passphrase,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
gint64      heard_store_record_cluster_decision_finish  (HeardStore                *self,
                                                         GAsyncResult              *result,
                                                         GError                    **error);

/* The three numbers in force. */
void        heard_store_get_cluster_numbers_async       (HeardStore                *self,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
gboolean    heard_store_get_cluster_numbers_finish      (HeardStore                *self,
                                                         GAsyncResult              *result,
                                                         HeardClusterNumbers       *numbers,
                                                         GError                    **error);

/* Changes the numbers, signed by supervisor @supervisor_id with their
 * @passphrase and audited with the old and new values; a wrong or missing
 * passphrase changes nothing. */
void        heard_store_set_cluster_numbers_async       (HeardStore                *self,
                                                         const HeardClusterNumbers *numbers,
                                                         gint64                    supervisor_id,
                                                         const char                *passphrase,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
gboolean    heard_store_set_cluster_numbers_finish      (HeardStore                *self,
                                                         GAsyncResult              *result,
                                                         GError                    **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-for-them-mark.h"
#include "heard-own-words.h"
#include "heard-plan-say.h"
#include "heard-store.h"
#include "heard-withholding.h"

G_BEGIN_DECLS

/*
 * Co-design's records in the store (schema 10): the young person's own
 * goal and "what helps me" per area (HeardOwnWords), their say on a
 * version of their plan (HeardPlanSay), the changes of what staff text is
 * written for them to read (HeardForThemMark), and the items withheld from
 * a subject access export (HeardWithholding).
 *
 * Each is only ever added, with its audit entry in the same transaction
 * (whose actor and time are the record's saved_by and saved_at) and sealed
 * by a content hash; the file's triggers refuse any change afterwards.
 * Whatever a record names (the plan and its area, the record a mark is on,
 * the export) must be in the records and the same young person's. Writes
 * emit "changed" with HEARD_RECORD_KIND_CODESIGN and the young person's
 * id. Ratings from co-design are check-ins (heard-store-check-ins.h), rated
 * by HEARD_RATER_YOUNG_PERSON; statements they type are statements given
 * HEARD_GIVEN_TYPED.
 */

/* Adds @words (id 0) as the next version of their words for its area and
 * part; finishes with the new id, or 0 with @error set:
 * HEARD_STORE_ERROR_INVALID when blank or too long, NOT_FOUND when the plan
 * is not theirs or has no such area. */
void        heard_store_record_own_words_async     (HeardStore          *self,
                                                    HeardOwnWords       *words,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gint64      heard_store_record_own_words_finish    (HeardStore          *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* Every version of the young person's own words (HeardOwnWords), oldest
 * first: the newest of an area's part is the one in force. */
void        heard_store_list_own_words_async       (HeardStore          *self,
                                                    gint64               person_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray  *heard_store_list_own_words_finish      (HeardStore          *self,
                                                    GAsyncResult        *result,
                                                    GError             **error)
                                                    G_GNUC_WARN_UNUSED_RESULT;

/* Adds @say (id 0) to its plan version, whatever the plan's state (their
 * say is never required, and never refused for being late); finishes with
 * the new id, or 0 with @error set (NOT_FOUND: no such plan). */
void        heard_store_record_plan_say_async      (HeardStore          *self,
                                                    HeardPlanSay        *say,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gint64      heard_store_record_plan_say_finish     (HeardStore          *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* Every say on any version of the young person's plan (HeardPlanSay),
 * oldest first. */
void        heard_store_list_plan_says_async       (HeardStore          *self,
                                                    gint64               person_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray  *heard_store_list_plan_says_finish      (HeardStore          *self,
                                                    GAsyncResult        *result,
                                                    GError             **error)
                                                    G_GNUC_WARN_UNUSED_RESULT;

/* Adds @mark (id 0): from now on its text is, or is not, written for
 * them. Finishes with the new id, or 0 with @error set: INVALID for an
 * amendment with no reason, or a mark that would change nothing; NOT_FOUND
 * when the record is not the young person's. */
void        heard_store_set_for_them_async         (HeardStore          *self,
                                                    HeardForThemMark    *mark,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gint64      heard_store_set_for_them_finish        (HeardStore          *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* Every change of a mark on the young person's records (HeardForThemMark),
 * in the order they were saved (heard_written_for_them() reads them). */
void        heard_store_list_for_them_marks_async  (HeardStore          *self,
                                                    gint64               person_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray  *heard_store_list_for_them_marks_finish (HeardStore          *self,
                                                    GAsyncResult        *result,
                                                    GError             **error)
                                                    G_GNUC_WARN_UNUSED_RESULT;

/* Adds the decisions @withholdings (HeardWithholding, ids 0, at least one)
 * for the export noted as audit entry @export_audit_id (see
 * heard_store_note_export_async()) of the young person @person_id, all or
 * none; finishes TRUE, or FALSE with @error set. */
void        heard_store_record_withholdings_async  (HeardStore          *self,
                                                    gint64               person_id,
                                                    gint64               export_audit_id,
                                                    GPtrArray           *withholdings,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean    heard_store_record_withholdings_finish (HeardStore          *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* The decisions kept for one export, in the order they were made. */
void        heard_store_list_withholdings_async    (HeardStore          *self,
                                                    gint64               export_audit_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray  *heard_store_list_withholdings_finish   (HeardStore          *self,
                                                    GAsyncResult        *result,
                                                    GError             **error)
                                                    G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

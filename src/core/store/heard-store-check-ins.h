/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-check-in.h"
#include "heard-store.h"

G_BEGIN_DECLS

/*
 * Check-ins in the store (HeardCheckIn). A check-in is a record: saving
 * adds it, audited in the same transaction (who saved it and when are the
 * audit trail's own) and sealed, and it is never changed or removed
 * afterwards. Saving one emits "changed" with HEARD_RECORD_KIND_CHECK_IN
 * and the new check-in's id.
 */

/* Saves @check_in (its plan id set, its id 0) and finishes with the new
 * id, or 0 with @error set: HEARD_STORE_ERROR_INVALID when it does not
 * validate or rates an area its plan does not have, NOT_FOUND when there
 * is no such plan. */
void        heard_store_save_check_in_async   (HeardStore           *self,
                                               HeardCheckIn         *check_in,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gint64      heard_store_save_check_in_finish  (HeardStore           *self,
                                               GAsyncResult         *result,
                                               GError              **error);

/* One young person's check-ins, oldest day first (then in the order they
 * were saved): those of the plan @plan_id, or of every plan of theirs
 * when @plan_id is 0. */
void        heard_store_list_check_ins_async  (HeardStore           *self,
                                               gint64                person_id,
                                               gint64                plan_id,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
GPtrArray  *heard_store_list_check_ins_finish (HeardStore           *self,
                                               GAsyncResult         *result,
                                               GError              **error)
                                               G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-live-list.h"
#include "heard-store.h"

G_BEGIN_DECLS

/* Reads the list from @store and follows its changes; NULL (locking)
 * empties it. Only the context hands a list its store. */
void        _heard_live_list_set_store    (HeardLiveList       *self,
                                           HeardStore          *store);
HeardStore *_heard_live_list_get_store    (HeardLiveList       *self);
/* Reads the list again, as a write to a record it follows would. */
void        _heard_live_list_read         (HeardLiveList       *self);
/* Finishes (a boolean) once the list shows every write made so far. */
void        _heard_live_list_wait_async   (HeardLiveList       *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean    _heard_live_list_wait_finish  (HeardLiveList       *self,
                                           GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-staff-list.h"
#include "heard-store.h"

G_BEGIN_DECLS

/* Only the context makes the list and hands it the open store (NULL on
 * locking, which empties it). */
HeardStaffList *_heard_staff_list_new       (void) G_GNUC_WARN_UNUSED_RESULT;
void            _heard_staff_list_set_store (HeardStaffList      *self,
                                             HeardStore          *store);
/* Finishes (a boolean) once the list shows every write made so far. */
void            _heard_staff_list_wait_async  (HeardStaffList      *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean        _heard_staff_list_wait_finish (HeardStaffList      *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS

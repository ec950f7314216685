/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-caseload.h"
#include "heard-open-item.h"
#include "heard-store.h"

G_BEGIN_DECLS

/* What is still open about one young person (HeardOpenItem), before a plan
 * or their case can close. */
void       heard_store_list_open_items_async  (HeardStore           *self,
                                               gint64                person_id,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
GPtrArray *heard_store_list_open_items_finish (HeardStore           *self,
                                               GAsyncResult         *result,
                                               GError              **error)
                                               G_GNUC_WARN_UNUSED_RESULT;

/* Finishes with every section (HeardCaseloadSection) in order, empty ones
 * included. */
void        heard_store_load_caseload_async  (HeardStore           *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GPtrArray  *heard_store_load_caseload_finish (HeardStore           *self,
                                              GAsyncResult         *result,
                                              GError              **error)
                                              G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

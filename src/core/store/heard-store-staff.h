/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-staff.h"
#include "heard-store.h"

G_BEGIN_DECLS

void        heard_store_list_staff_async    (HeardStore           *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GPtrArray  *heard_store_list_staff_finish   (HeardStore           *self,
                                             GAsyncResult         *result,
                                             GError              **error) G_GNUC_WARN_UNUSED_RESULT;
void        heard_store_save_staff_async    (HeardStore           *self,
                                             HeardStaff           *staff,
                                             const char           *passphrase,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gint64      heard_store_save_staff_finish   (HeardStore           *self,
                                             GAsyncResult         *result,
                                             GError              **error);
void        heard_store_retire_staff_async  (HeardStore           *self,
                                             gint64                id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean    heard_store_retire_staff_finish (HeardStore           *self,
                                             GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS

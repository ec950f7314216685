/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-store.h"

G_BEGIN_DECLS

#define HEARD_AUDIT_ERROR (heard_audit_error_quark ())

typedef enum
{
  HEARD_AUDIT_ERROR_TAMPERED,
} HeardAuditError;

GQuark   heard_audit_error_quark          (void);

void     heard_store_verify_audit_async   (HeardStore           *self,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean heard_store_verify_audit_finish  (HeardStore           *self,
                                           GAsyncResult         *result,
                                           guint                *n_entries,
                                           GError              **error);

G_END_DECLS

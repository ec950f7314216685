/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-key.h"
#include "heard-store.h"
#include "heard-unlock-flow.h"

G_BEGIN_DECLS

#define HEARD_TYPE_AUDIT_GUARD (heard_audit_guard_get_type ())

G_DECLARE_FINAL_TYPE (HeardAuditGuard, heard_audit_guard, HEARD, AUDIT_GUARD, GObject)

HeardAuditGuard *heard_audit_guard_new            (HeardUnlockFlow     *flow) G_GNUC_WARN_UNUSED_RESULT;
/* What the last check found, in words ("problem" property); NULL for
 * nothing. While it is set, the store refuses every write. */
const char      *heard_audit_guard_get_problem    (HeardAuditGuard     *self);

/* Guards records just opened, in two steps. The first finds the trail's
 * anchor outside the file (a damaged note is a problem found: writing is
 * held at once) and touches nothing in the records. The second,
 * heard_audit_guard_check_opened_async(), queues the check of the trail
 * against it on the store's thread at the moment it is called, so that
 * every write asked for later waits behind it (a problem found is not an
 * error: reading goes on, writing is held), and notes the anchor every few
 * minutes until heard_audit_guard_close(). It fails when the records could
 * not be checked at all (a damaged file, which the store then refuses to
 * write to). @unanchored says that nothing was noted yet and all is well:
 * the owner then anchors the trail as it stands
 * (heard_audit_guard_reanchor_async()). */
void             heard_audit_guard_open_async     (HeardAuditGuard     *self,
                                                   HeardStore          *store,
                                                   const HeardKey      *key,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean         heard_audit_guard_open_finish    (HeardAuditGuard     *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
void             heard_audit_guard_check_opened_async  (HeardAuditGuard     *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean         heard_audit_guard_check_opened_finish (HeardAuditGuard     *self,
                                                        GAsyncResult        *result,
                                                        gboolean            *unanchored,
                                                        GError             **error);
/* Stops noting the anchor, lets go of the store and wipes its copy of the
 * key; the problem is forgotten too, and found again at the next open. */
void             heard_audit_guard_close          (HeardAuditGuard     *self);

void             heard_audit_guard_save_anchor_async  (HeardAuditGuard     *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean         heard_audit_guard_save_anchor_finish (HeardAuditGuard     *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
void             heard_audit_guard_reanchor_async     (HeardAuditGuard     *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean         heard_audit_guard_reanchor_finish    (HeardAuditGuard     *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
void             heard_audit_guard_verify_async       (HeardAuditGuard     *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean         heard_audit_guard_verify_finish      (HeardAuditGuard     *self,
                                                       GAsyncResult        *result,
                                                       guint               *n_entries,
                                                       GError             **error);
void             heard_audit_guard_acknowledge_async  (HeardAuditGuard     *self,
                                                       const char          *code,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean         heard_audit_guard_acknowledge_finish (HeardAuditGuard     *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_END_DECLS

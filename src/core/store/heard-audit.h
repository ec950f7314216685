/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-key.h"
#include "heard-store.h"

G_BEGIN_DECLS

#define HEARD_AUDIT_ERROR (heard_audit_error_quark ())

/* What a check of the records found, first problem first. Every one of them
 * holds writing (HEARD_AUDIT_ERROR_ON_HOLD) until someone with the recovery
 * code has seen it; none of them ever hides or removes a record. */
typedef enum
{
  HEARD_AUDIT_ERROR_TAMPERED,
  HEARD_AUDIT_ERROR_CUT_SHORT,
  HEARD_AUDIT_ERROR_CONTENT_CHANGED,
  HEARD_AUDIT_ERROR_UNPROTECTED,
  HEARD_AUDIT_ERROR_ANCHOR_DAMAGED,
  HEARD_AUDIT_ERROR_ON_HOLD,
} HeardAuditError;

/* The head of the audit chain as noted outside the records file: an entry's
 * number and its keyed hash. The file may run ahead of its anchor, never
 * behind it. Entry 0 is the empty chain. */
struct _HeardAuditAnchor
{
  gint64 entry;
  guint8 mac[32];
};

GQuark            heard_audit_error_quark          (void);

HeardAuditAnchor *heard_audit_anchor_copy          (const HeardAuditAnchor *anchor)
                                                   G_GNUC_WARN_UNUSED_RESULT;
void              heard_audit_anchor_free          (HeardAuditAnchor       *anchor);
gboolean          heard_audit_anchor_equal         (const HeardAuditAnchor *a,
                                                    const HeardAuditAnchor *b);
char             *heard_audit_anchor_to_string     (const HeardAuditAnchor *anchor)
                                                   G_GNUC_WARN_UNUSED_RESULT;
HeardAuditAnchor *heard_audit_anchor_new_from_string (const char           *text)
                                                   G_GNUC_WARN_UNUSED_RESULT;
char             *heard_audit_anchor_sign          (const char             *text,
                                                    const char             *db_uuid,
                                                    const HeardKey         *key)
                                                   G_GNUC_WARN_UNUSED_RESULT;

/* Checks the whole trail: the protecting triggers, the chain, the chain
 * against @anchor (NULL when none was noted yet) and every kept record
 * against its content hash. A problem also holds writing. */
void              heard_store_verify_audit_async   (HeardStore             *self,
                                                    const HeardAuditAnchor *anchor,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
gboolean          heard_store_verify_audit_finish  (HeardStore             *self,
                                                    GAsyncResult           *result,
                                                    guint                  *n_entries,
                                                    GError                **error);

/* The newest entry, to note outside the file. */
void              heard_store_read_audit_head_async  (HeardStore           *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
HeardAuditAnchor *heard_store_read_audit_head_finish (HeardStore           *self,
                                                      GAsyncResult         *result,
                                                      GError              **error)
                                                     G_GNUC_WARN_UNUSED_RESULT;

/* Someone with the recovery code has seen what the check found (@problem,
 * in words): Heard puts back the triggers it made, notes every record found
 * changed as it now stands, writes that down in the trail, lifts the hold
 * and returns the new head to anchor. Nothing is removed or rewritten. */
void              heard_store_acknowledge_audit_async  (HeardStore         *self,
                                                        const char         *problem,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
HeardAuditAnchor *heard_store_acknowledge_audit_finish (HeardStore         *self,
                                                        GAsyncResult       *result,
                                                        GError            **error)
                                                       G_GNUC_WARN_UNUSED_RESULT;

/* Holds writing because of @problem found outside the file (a damaged
 * anchor note, say), as a failed check would. */
void              heard_store_hold_writes          (HeardStore             *self,
                                                    const char             *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeardAuditAnchor, heard_audit_anchor_free)

G_END_DECLS

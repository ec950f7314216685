/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-key.h"
#include "heard-lock-state.h"
#include "heard-store.h"

G_BEGIN_DECLS

/* What an unlock hands over once the records are open: the store and the
 * key that opened it (in guarded memory, wiped when freed). */
typedef struct
{
  HeardStore *store;
  HeardKey   *key;
} HeardOpenedRecords;

void heard_opened_records_free (HeardOpenedRecords *opened);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeardOpenedRecords, heard_opened_records_free)

#define HEARD_TYPE_UNLOCK_FLOW (heard_unlock_flow_get_type ())

G_DECLARE_FINAL_TYPE (HeardUnlockFlow, heard_unlock_flow, HEARD, UNLOCK_FLOW, GObject)

HeardUnlockFlow *heard_unlock_flow_new                (const char       *data_dir) G_GNUC_WARN_UNUSED_RESULT;
HeardUnlockFlow *heard_unlock_flow_new_read_only      (const char       *data_dir) G_GNUC_WARN_UNUSED_RESULT;
HeardUnlockFlow *heard_unlock_flow_new_existing       (const char       *data_dir) G_GNUC_WARN_UNUSED_RESULT;
HeardUnlockFlow *heard_unlock_flow_new_practice       (const char       *data_dir) G_GNUC_WARN_UNUSED_RESULT;
const char      *heard_unlock_flow_get_data_dir       (HeardUnlockFlow  *self);
const char      *heard_unlock_flow_get_uuid           (HeardUnlockFlow  *self);
gboolean         heard_unlock_flow_get_records_exist  (HeardUnlockFlow  *self);
gboolean         heard_unlock_flow_get_passphrase_protected (HeardUnlockFlow *self);
gboolean         heard_unlock_flow_get_practice       (HeardUnlockFlow  *self);

/* Each step finishes with heard_unlock_flow_finish(): either the records
 * opened (@opened set; the state is OPEN, or SHOW_RECOVERY_CODE while the
 * code has not been confirmed as kept), or a state that asks for
 * something, with @message saying why. A refusal (wrong code, wrong
 * passphrase) finishes with an error instead, and nothing has changed. */
void             heard_unlock_flow_start_async        (HeardUnlockFlow     *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
/* Carries on with the records the last start found (keyring, passphrase or
 * recovery code, as the note says): after the keyring was unlocked. */
void             heard_unlock_flow_resume_async       (HeardUnlockFlow     *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
void             heard_unlock_flow_unlock_keyring_async (HeardUnlockFlow     *self,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
void             heard_unlock_flow_unlock_with_recovery_code_async (HeardUnlockFlow     *self,
                                                                    const char          *code,
                                                                    GCancellable        *cancellable,
                                                                    GAsyncReadyCallback  callback,
                                                                    gpointer             user_data);
void             heard_unlock_flow_unlock_with_passphrase_async    (HeardUnlockFlow     *self,
                                                                    const char          *passphrase,
                                                                    GCancellable        *cancellable,
                                                                    GAsyncReadyCallback  callback,
                                                                    gpointer             user_data);
void             heard_unlock_flow_create_with_passphrase_async    (HeardUnlockFlow     *self,
                                                                    const char          *passphrase,
                                                                    GCancellable        *cancellable,
                                                                    GAsyncReadyCallback  callback,
                                                                    gpointer             user_data);
/* The caseworker's own passphrase (heard-caseworker-passphrase.h), in
 * keyring mode: given at NEEDS_CASEWORKER_PASSPHRASE (finishes as the
 * steps above), set at NEEDS_NEW_CASEWORKER_PASSPHRASE, changed while the
 * records are open. */
void             heard_unlock_flow_unlock_with_caseworker_passphrase_async (HeardUnlockFlow     *self,
                                                                            const char          *passphrase,
                                                                            GCancellable        *cancellable,
                                                                            GAsyncReadyCallback  callback,
                                                                            gpointer             user_data);
HeardLockState   heard_unlock_flow_finish             (HeardUnlockFlow     *self,
                                                       GAsyncResult        *result,
                                                       HeardOpenedRecords **opened,
                                                       char               **message,
                                                       GError             **error);

void             heard_unlock_flow_set_caseworker_passphrase_async     (HeardUnlockFlow     *self,
                                                                        const char          *passphrase,
                                                                        GCancellable        *cancellable,
                                                                        GAsyncReadyCallback  callback,
                                                                        gpointer             user_data);
gboolean         heard_unlock_flow_set_caseworker_passphrase_finish    (HeardUnlockFlow     *self,
                                                                        GAsyncResult        *result,
                                                                        GError             **error);
void             heard_unlock_flow_change_caseworker_passphrase_async  (HeardUnlockFlow     *self,
                                                                        const char          *old_passphrase,
                                                                        const char          *new_passphrase,
                                                                        GCancellable        *cancellable,
                                                                        GAsyncReadyCallback  callback,
                                                                        gpointer             user_data);
gboolean         heard_unlock_flow_change_caseworker_passphrase_finish (HeardUnlockFlow     *self,
                                                                        GAsyncResult        *result,
                                                                        GError             **error);
gint64           heard_unlock_flow_get_caseworker_retry_at             (HeardUnlockFlow     *self);
/* Checks the caseworker's passphrase while the records are open (to let
 * them leave co-design mode): a wrong one is counted as at an unlock. */
void             heard_unlock_flow_check_caseworker_passphrase_async   (HeardUnlockFlow     *self,
                                                                        const char          *passphrase,
                                                                        GCancellable        *cancellable,
                                                                        GAsyncReadyCallback  callback,
                                                                        gpointer             user_data);
gboolean         heard_unlock_flow_check_caseworker_passphrase_finish  (HeardUnlockFlow     *self,
                                                                        GAsyncResult        *result,
                                                                        GError             **error);
/* A member of staff's passphrase while the records are open (to leave
 * co-design mode): the caseworker's, as just above; or, for records kept
 * under a passphrase (no keyring, so no caseworker passphrase), the
 * records' own, checked by deriving the key again off the main thread and
 * comparing it with @open_key. Wrong tries wait as the caseworker's do
 * (get_caseworker_retry_at). */
void             heard_unlock_flow_check_staff_passphrase_async        (HeardUnlockFlow     *self,
                                                                        const char          *passphrase,
                                                                        const HeardKey      *open_key,
                                                                        GCancellable        *cancellable,
                                                                        GAsyncReadyCallback  callback,
                                                                        gpointer             user_data);
gboolean         heard_unlock_flow_check_staff_passphrase_finish       (HeardUnlockFlow     *self,
                                                                        GAsyncResult        *result,
                                                                        GError             **error);
gboolean         heard_unlock_flow_get_needs_new_caseworker_passphrase (HeardUnlockFlow     *self);
gboolean         heard_unlock_flow_get_has_caseworker_passphrase       (HeardUnlockFlow     *self);
/* On a lock: the caseworker's seal is wiped from memory and their
 * passphrase counts as not given; the next start asks for it again. */
void             heard_unlock_flow_forget_caseworker                   (HeardUnlockFlow     *self);

/* Lets go of the folder (heard.lock) until the next start, so that
 * something else may replace the records in it (a restore). */
void             heard_unlock_flow_release_folder     (HeardUnlockFlow     *self);
/* Finishes once the keyring holding the records' key is unlocked, however
 * that happens; cancel it to stop waiting. */
void             heard_unlock_flow_wait_for_keyring_async  (HeardUnlockFlow     *self,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean         heard_unlock_flow_wait_for_keyring_finish (HeardUnlockFlow     *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

/* Notes in heard.ini that the recovery code has been kept. */
void             heard_unlock_flow_confirm_recovery_code_kept_async  (HeardUnlockFlow     *self,
                                                                      GCancellable        *cancellable,
                                                                      GAsyncReadyCallback  callback,
                                                                      gpointer             user_data);
gboolean         heard_unlock_flow_confirm_recovery_code_kept_finish (HeardUnlockFlow     *self,
                                                                      GAsyncResult        *result,
                                                                      GError             **error);

/* The audit trail's anchor as heard.ini holds it (text and MAC, NULL when
 * not noted; in keyring mode the keyring holds a second note), and a new
 * one noted there. */
const char      *heard_unlock_flow_get_audit_anchor   (HeardUnlockFlow     *self,
                                                       const char         **mac);
void             heard_unlock_flow_note_audit_anchor_async  (HeardUnlockFlow     *self,
                                                             const char          *anchor,
                                                             const char          *mac,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
gboolean         heard_unlock_flow_note_audit_anchor_finish (HeardUnlockFlow     *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-backup-service.h"
#include "heard-caseworker-passphrase.h"
#include "heard-draft.h"
#include "heard-lock-state.h"
#include "heard-person.h"
#include "heard-cluster-decision.h"
#include "heard-directory-agency.h"
#include "heard-staff.h"

G_BEGIN_DECLS

#define HEARD_TYPE_CONTEXT (heard_context_get_type ())

G_DECLARE_FINAL_TYPE (HeardContext, heard_context, HEARD, CONTEXT, GObject)

char          *heard_context_default_data_dir   (void) G_GNUC_WARN_UNUSED_RESULT;
HeardContext  *heard_context_new                (const char          *data_dir) G_GNUC_WARN_UNUSED_RESULT;
HeardContext  *heard_context_new_practice       (const char          *data_dir) G_GNUC_WARN_UNUSED_RESULT;
const char    *heard_context_get_data_dir       (HeardContext        *self);
HeardLockState heard_context_get_lock_state     (HeardContext        *self);
const char    *heard_context_get_lock_message   (HeardContext        *self);
GListModel    *heard_context_get_people         (HeardContext        *self);
char          *heard_context_dup_recovery_code  (HeardContext        *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean       heard_context_get_records_exist  (HeardContext        *self);
gboolean       heard_context_get_practice       (HeardContext        *self);

/* Each of these moves the lock state on and finishes with the new state;
 * a refusal (wrong code, wrong passphrase) finishes with an error and
 * leaves the state where it was. */
void           heard_context_start_async        (HeardContext        *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
void           heard_context_unlock_keyring_async (HeardContext      *self,
                                                   GCancellable      *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer           user_data);
void           heard_context_unlock_with_recovery_code_async (HeardContext        *self,
                                                              const char          *code,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
void           heard_context_unlock_with_passphrase_async    (HeardContext        *self,
                                                              const char          *passphrase,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
void           heard_context_create_with_passphrase_async    (HeardContext        *self,
                                                              const char          *passphrase,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
void           heard_context_confirm_recovery_code_kept_async (HeardContext       *self,
                                                               GCancellable       *cancellable,
                                                               GAsyncReadyCallback callback,
                                                               gpointer            user_data);
/* The caseworker's own passphrase (keyring mode; none for practice
 * records or in passphrase mode): given at NEEDS_CASEWORKER_PASSPHRASE,
 * chosen at NEEDS_NEW_CASEWORKER_PASSPHRASE (both finish with
 * heard_context_unlock_finish()). A wrong one is refused with
 * HEARD_CASEWORKER_PASSPHRASE_ERROR and counted; after too many in a row,
 * "caseworker-retry-at" says when the next may be tried. */
void           heard_context_unlock_with_caseworker_passphrase_async (HeardContext        *self,
                                                                      const char          *passphrase,
                                                                      GCancellable        *cancellable,
                                                                      GAsyncReadyCallback  callback,
                                                                      gpointer             user_data);
void           heard_context_set_caseworker_passphrase_async  (HeardContext        *self,
                                                               const char          *passphrase,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
/* While the records are open: the old passphrase, then the new one. */
void           heard_context_change_caseworker_passphrase_async  (HeardContext        *self,
                                                                  const char          *old_passphrase,
                                                                  const char          *new_passphrase,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
gboolean       heard_context_change_caseworker_passphrase_finish (HeardContext        *self,
                                                                  GAsyncResult        *result,
                                                                  GError             **error);
/* While the records are open, for leaving co-design mode: whether
 * @passphrase is the caseworker's (a wrong one is counted as at an
 * unlock) or, for records kept under a passphrase, the records' own. */
void           heard_context_check_staff_passphrase_async  (HeardContext        *self,
                                                            const char          *passphrase,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean       heard_context_check_staff_passphrase_finish (HeardContext        *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
gint64         heard_context_get_caseworker_retry_at       (HeardContext        *self);
gboolean       heard_context_get_has_caseworker_passphrase (HeardContext        *self);
HeardLockState heard_context_unlock_finish      (HeardContext        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

void           heard_context_save_person_async  (HeardContext        *self,
                                                 HeardPerson         *person,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
HeardPerson   *heard_context_save_person_finish (HeardContext        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error) G_GNUC_WARN_UNUSED_RESULT;
/* Removing goes through the young person's case file, which checks that
 * it may (heard_case_file_remove_async()); restoring comes here. */
void           heard_context_restore_person_async  (HeardContext        *self,
                                                    gint64               person_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean       heard_context_restore_person_finish (HeardContext        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* The live models that cross young people, bindable and read-only: they
 * follow every write, whoever made it, and are empty while locked. The
 * people list holds HeardPerson, the staff HeardStaff (a HeardStaffList),
 * the caseload the overview's sections (a HeardCaseloadModel of
 * HeardCaseloadGroup), the removed records HeardRemovedPerson. */
GListModel    *heard_context_get_staff          (HeardContext        *self);
GListModel    *heard_context_get_caseload       (HeardContext        *self);
GListModel    *heard_context_get_removed_people (HeardContext        *self);

void           heard_context_save_staff_async   (HeardContext        *self,
                                                 HeardStaff          *staff,
                                                 const char          *passphrase,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gint64         heard_context_save_staff_finish  (HeardContext        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
void           heard_context_retire_staff_async (HeardContext        *self,
                                                 gint64               id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean       heard_context_retire_staff_finish (HeardContext       *self,
                                                  GAsyncResult       *result,
                                                  GError            **error);

/* The agencies directory (HeardDirectoryAgency in a HeardDirectoryList),
 * live like the staff; saving and retiring finish once it shows them. */
GListModel    *heard_context_get_agencies        (HeardContext         *self);
void           heard_context_save_agency_async   (HeardContext         *self,
                                                  HeardDirectoryAgency *agency,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gint64         heard_context_save_agency_finish  (HeardContext         *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void           heard_context_retire_agency_async (HeardContext         *self,
                                                  gint64                id,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean       heard_context_retire_agency_finish (HeardContext        *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* The cluster prompt's three numbers, kept in the records: read, and
 * changed only with a supervisor's passphrase (audited). */
void           heard_context_get_cluster_numbers_async  (HeardContext              *self,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback        callback,
                                                         gpointer                   user_data);
gboolean       heard_context_get_cluster_numbers_finish (HeardContext              *self,
                                                         GAsyncResult              *result,
                                                         HeardClusterNumbers       *numbers,
                                                         GError                   **error);
void           heard_context_set_cluster_numbers_async  (HeardContext              *self,
                                                         const HeardClusterNumbers *numbers,
                                                         gint64                     supervisor_id,
                                                         const char                *passphrase,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback        callback,
                                                         gpointer                   user_data);
gboolean       heard_context_set_cluster_numbers_finish (HeardContext              *self,
                                                         GAsyncResult              *result,
                                                         GError                   **error);

/* Reads that cross young people. */
void           heard_context_search_statements_async  (HeardContext        *self,
                                                       const char          *typed,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
GPtrArray     *heard_context_search_statements_finish (HeardContext        *self,
                                                       GAsyncResult        *result,
                                                       GError             **error)
                                                       G_GNUC_WARN_UNUSED_RESULT;
void           heard_context_search_people_async      (HeardContext        *self,
                                                       const char          *typed,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
GHashTable    *heard_context_search_people_finish     (HeardContext        *self,
                                                       GAsyncResult        *result,
                                                       GError             **error)
                                                       G_GNUC_WARN_UNUSED_RESULT;

/* Drafts of open editors (HeardDraft), kept in the encrypted records: see
 * heard-store-drafts.h. An editor saves its draft a moment after typing
 * stops and on "locking" (the write lands before the store closes), and
 * deletes it once it saves or its text is thrown away. Listing finishes
 * with every draft, newest first: after a lock the editors they belong to
 * open again; after a crash Heard offers them. Without open records, each
 * finishes with HEARD_STORE_ERROR_NOT_OPEN. */
void           heard_context_save_draft_async   (HeardContext        *self,
                                                 HeardDraft          *draft,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean       heard_context_save_draft_finish  (HeardContext        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
void           heard_context_list_drafts_async  (HeardContext        *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GPtrArray     *heard_context_list_drafts_finish (HeardContext        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error) G_GNUC_WARN_UNUSED_RESULT;
void           heard_context_delete_draft_async (HeardContext        *self,
                                                 HeardDraft          *draft,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean       heard_context_delete_draft_finish (HeardContext       *self,
                                                  GAsyncResult       *result,
                                                  GError            **error);

/* The lawful bases a sharing entry can give (HeardLawfulBasis), in the
 * records' order (heard-store-sharing.h). */
void           heard_context_list_lawful_bases_async  (HeardContext        *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
GPtrArray     *heard_context_list_lawful_bases_finish (HeardContext        *self,
                                                       GAsyncResult        *result,
                                                       GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* What a refused write means, for widgets that never see the store's own
 * error domains: held while an audit problem is unseen; or the record is
 * no longer there (removed or changed elsewhere). */
gboolean       heard_context_error_is_on_hold   (const GError        *error);
gboolean       heard_context_error_is_gone      (const GError        *error);

/* After the work already asked for, closes the records file so that it
 * alone holds every record (as on quit); there is nothing to close before
 * the records are open. */
void           heard_context_close_async        (HeardContext        *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean       heard_context_close_finish       (HeardContext        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* Locking, in one call: emits "locking" (see below), empties every model
 * the context holds, wipes the key, moves to HEARD_LOCK_STATE_LOCKED, then
 * notes the audit anchor and closes the store so that heard.db alone holds
 * every record (as on quit). Writes already asked for land first. From
 * LOCKED, heard_context_start_async() opens the records as a start does:
 * asking for the caseworker's passphrase before the key is read from the
 * keyring, or for the passphrase where there is no keyring. Finishes at
 * once when nothing is open.
 *
 * The "locking" signal (no arguments) is emitted first, on the main
 * thread: whoever holds records of their own (cached HeardPerson, plans,
 * statements, case files) drops them there and cancels their reads, so
 * that nothing of the records stays in memory. */
void           heard_context_lock_async         (HeardContext        *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean       heard_context_lock_finish        (HeardContext        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* The audit trail: its anchor outside the file, its check and a problem's
 * acknowledgement with the recovery code. */
const char    *heard_context_get_audit_problem  (HeardContext        *self);
void           heard_context_save_audit_anchor_async  (HeardContext        *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean       heard_context_save_audit_anchor_finish (HeardContext        *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
void           heard_context_reanchor_audit_async     (HeardContext        *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean       heard_context_reanchor_audit_finish    (HeardContext        *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
void           heard_context_verify_audit_async       (HeardContext        *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean       heard_context_verify_audit_finish      (HeardContext        *self,
                                                       GAsyncResult        *result,
                                                       guint               *n_entries,
                                                       GError             **error);
void           heard_context_acknowledge_audit_problem_async  (HeardContext        *self,
                                                               const char          *code,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
gboolean       heard_context_acknowledge_audit_problem_finish (HeardContext        *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);


/* Backups: the service that keeps them (its folder, status and Back Up
 * Now), and restoring one. Inspecting checks the backup is whole and says
 * what it holds (HEARD_BACKUP_ERROR_NEEDS_KEY: ask for the recovery code,
 * then inspect again with it). Restoring locks, moves the records there
 * are aside (kept, never overwritten), puts the backup's in their place
 * and starts again as Heard does; it finishes with the folder the earlier
 * records were moved to (NULL when there were none) once the restored
 * records are open, or with an error and the records as they were. */
HeardBackupService *heard_context_get_backups   (HeardContext        *self);
void           heard_context_inspect_backup_async  (HeardContext        *self,
                                                    const char          *path,
                                                    const char          *recovery_code,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
HeardBackupSummary *heard_context_inspect_backup_finish (HeardContext   *self,
                                                         GAsyncResult   *result,
                                                         GError        **error)
                                                         G_GNUC_WARN_UNUSED_RESULT;
void           heard_context_restore_backup_async  (HeardContext        *self,
                                                    const char          *path,
                                                    const char          *recovery_code,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
char          *heard_context_restore_backup_finish (HeardContext        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error)
                                                    G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

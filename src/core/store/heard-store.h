/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-check-in.h"
#include "heard-chronology-entry.h"
#include "heard-cluster-decision.h"
#include "heard-directory-agency.h"
#include "heard-draft.h"
#include "heard-export-note.h"
#include "heard-for-them-mark.h"
#include "heard-key.h"
#include "heard-own-words.h"
#include "heard-person.h"
#include "heard-plan.h"
#include "heard-plan-say.h"
#include "heard-record-kind.h"
#include "heard-sharing-entry.h"
#include "heard-staff.h"
#include "heard-statement.h"
#include "heard-store-enums.h"
#include "heard-withholding.h"

G_BEGIN_DECLS

#define HEARD_STORE_ERROR (heard_store_error_quark ())

/* What any store can answer. What only a records file can say (a wrong key,
 * a foreign or newer file) is HEARD_SQLITE_STORE_ERROR, which the unlock
 * flow sees as it opens one; a file damaged while open can also refuse any
 * later operation with HEARD_SQLITE_STORE_ERROR_DAMAGED, whose message says
 * so in words a caseworker can act on. */
typedef enum
{
  HEARD_STORE_ERROR_NOT_OPEN,
  HEARD_STORE_ERROR_NOT_FOUND,
  HEARD_STORE_ERROR_INVALID,
  HEARD_STORE_ERROR_DISK_FULL,
  HEARD_STORE_ERROR_READ_ONLY,
  HEARD_STORE_ERROR_FAILED,
} HeardStoreError;

/* Declared in heard-audit.h. */
typedef struct _HeardAuditAnchor HeardAuditAnchor;
/* How far a long operation has come, 0 to 1 (heard-store-copy.h). */
typedef void (*HeardStoreProgressFunc) (double   fraction,
                                        gpointer user_data);

#define HEARD_TYPE_STORE (heard_store_get_type ())

G_DECLARE_DERIVABLE_TYPE (HeardStore, heard_store, HEARD, STORE, GObject)

/*
 * Where the records are kept, whatever keeps them: an abstract type with one
 * vfunc per operation. The heard_store_*() functions (here and in
 * heard-audit.h, heard-store-copy.h, heard-store-people.h, heard-store-plans.h,
 * heard-store-staff.h, heard-store-statements.h, heard-store-open-items.h,
 * heard-store-drafts.h, heard-store-check-ins.h, heard-store-exports.h,
 * heard-store-sharing.h, heard-store-codesign.h,
 * heard-store-agencies.h and heard-store-chronology.h)
 * call them, and their _finish functions live in the
 * base, so that every backend finishes the same way. A backend (today the
 * SQLCipher store, HeardSqliteStore) fills in every vfunc and follows
 * heard-store-private.h. Opening belongs to a backend; closing does not.
 *
 * "changed" (HeardStore *store, HeardRecordKind kind, gint64 person_id,
 *            gint64 record_id)
 *
 * Emitted once per successful write, on the thread-default main context the
 * store was created on (the one its callers use), before the write's own
 * callback runs. @record_id is the young person's id (PERSON), the plan
 * version's (PLAN: anything in a plan), the statement's (STATEMENT: recorded,
 * amended, answered, told, its consent changed), the check-in's (CHECK_IN) or the member of
 * staff's (STAFF, with @person_id 0), the young person's again (CODESIGN: their own words,
 * their say on a plan, a written-for-them mark or a withholding decision). A refused write emits nothing, and so does a write to the audit trail
 * alone (a sensitive statement read, an export), which changes no record anyone sees,
 * nor does a draft (heard-store-drafts.h), which is no record.
 */
struct _HeardStoreClass
{
  GObjectClass parent_class;

  /* The store itself */
  gboolean (*is_open)                       (HeardStore                   *self);
  void     (*close_async)                   (HeardStore                   *self,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*check_integrity_async)         (HeardStore                   *self,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);

  /* Copies of the records (heard-store-copy.h) */
  void     (*copy_async)                    (HeardStore                   *self,
                                             const HeardKey               *key,
                                             const char                   *path,
                                             HeardStoreProgressFunc        progress,
                                             gpointer                      progress_data,
                                             GDestroyNotify                progress_free,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*describe_async)                (HeardStore                   *self,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*note_restored_async)           (HeardStore                   *self,
                                             GDateTime                    *made_at,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);

  /* The audit trail (heard-audit.h) */
  void     (*verify_audit_async)            (HeardStore                   *self,
                                             const HeardAuditAnchor        *anchor,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*read_audit_head_async)         (HeardStore                   *self,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*acknowledge_audit_async)       (HeardStore                   *self,
                                             const char                   *problem,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*hold_writes)                   (HeardStore                   *self,
                                             const char                   *problem);

  /* Young people (heard-store-people.h) */
  void     (*list_people_async)             (HeardStore                   *self,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*save_person_async)             (HeardStore                   *self,
                                             HeardPerson                  *person,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*set_person_removed_async)      (HeardStore                   *self,
                                             gint64                        id,
                                             gboolean                      removed,
                                             const char                   *detail,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*list_removed_people_async)     (HeardStore                   *self,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*search_people_async)           (HeardStore                   *self,
                                             const char                   *typed,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);

  /* Support plans (heard-store-plans.h) */
  void     (*load_plans_async)              (HeardStore                   *self,
                                             gint64                        person_id,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*start_plan_async)              (HeardStore                   *self,
                                             gint64                        person_id,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*save_area_async)               (HeardStore                   *self,
                                             HeardPlanArea                *area,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*remove_area_async)             (HeardStore                   *self,
                                             gint64                        area_id,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*save_action_async)             (HeardStore                   *self,
                                             HeardPlanAction              *action,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*remove_action_async)           (HeardStore                   *self,
                                             gint64                        action_id,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*submit_plan_async)             (HeardStore                   *self,
                                             gint64                        plan_id,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*decide_plan_async)             (HeardStore                   *self,
                                             gint64                        plan_id,
                                             const HeardPlanDecision      *decision,
                                             const char                   *passphrase,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*set_next_review_async)         (HeardStore                   *self,
                                             gint64                        plan_id,
                                             const char                   *date,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);

  /* Staff (heard-store-staff.h) */
  void     (*list_staff_async)              (HeardStore                   *self,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*save_staff_async)              (HeardStore                   *self,
                                             HeardStaff                   *staff,
                                             const char                   *passphrase,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*retire_staff_async)            (HeardStore                   *self,
                                             gint64                        id,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);

  /* Statements (heard-store-statements.h) */
  void     (*list_statements_async)         (HeardStore                   *self,
                                             gint64                        person_id,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*list_statement_history_async)  (HeardStore                   *self,
                                             gint64                        statement_id,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*record_statement_async)        (HeardStore                   *self,
                                             HeardStatement               *statement,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*amend_statement_async)         (HeardStore                   *self,
                                             HeardStatement               *amended,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*answer_statement_async)        (HeardStore                   *self,
                                             HeardStatementResponse       *response,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*mark_response_told_async)      (HeardStore                   *self,
                                             gint64                        response_id,
                                             const char                   *told_on,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*set_statement_consent_async)   (HeardStore                   *self,
                                             gint64                        statement_id,
                                             const char                   *ends_on,
                                             const char                   *withdrawn_on,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*note_statement_read)           (HeardStore                   *self,
                                             gint64                        statement_id);
  void     (*list_linkable_actions_async)   (HeardStore                   *self,
                                             gint64                        person_id,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*search_statements_async)       (HeardStore                   *self,
                                             const char                   *typed,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);

  /* What is open (heard-store-open-items.h) */
  void     (*load_caseload_async)           (HeardStore                   *self,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*list_open_items_async)         (HeardStore                   *self,
                                             gint64                        person_id,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);

  /* Drafts of open editors (heard-store-drafts.h) */
  void     (*save_draft_async)              (HeardStore                   *self,
                                             HeardDraft                   *draft,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*list_drafts_async)             (HeardStore                   *self,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*delete_draft_async)            (HeardStore                   *self,
                                             HeardDraft                   *draft,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);

  /* Check-ins (heard-store-check-ins.h) */
  void     (*save_check_in_async)           (HeardStore                   *self,
                                             HeardCheckIn                 *check_in,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*list_check_ins_async)          (HeardStore                   *self,
                                             gint64                        person_id,
                                             gint64                        plan_id,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);

  /* Exports (heard-store-exports.h) */
  void     (*note_export_async)             (HeardStore                   *self,
                                             gint64                        person_id,
                                             const HeardExportNote        *note,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);
  void     (*note_export_unwritten_async)   (HeardStore                   *self,
                                             gint64                        person_id,
                                             gint64                        export_entry,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data);

  /* The agencies directory (heard-store-agencies.h) */
  void     (*list_agencies_async)             (HeardStore                    *self,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);
  void     (*save_agency_async)               (HeardStore                    *self,
                                               HeardDirectoryAgency          *agency,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);
  void     (*retire_agency_async)             (HeardStore                    *self,
                                               gint64                        id,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);

  /* Warning signs, strengths and clusters (heard-store-chronology.h) */
  void     (*list_chronology_kinds_async)     (HeardStore                    *self,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);
  void     (*list_chronology_async)           (HeardStore                    *self,
                                               gint64                        person_id,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);
  void     (*list_chronology_history_async)   (HeardStore                    *self,
                                               gint64                        entry_id,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);
  void     (*record_chronology_entry_async)   (HeardStore                    *self,
                                               HeardChronologyEntry          *entry,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);
  void     (*amend_chronology_entry_async)    (HeardStore                    *self,
                                               HeardChronologyEntry          *amended,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);
  void     (*list_cluster_decisions_async)    (HeardStore                    *self,
                                               gint64                        person_id,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);
  void     (*record_cluster_decision_async)   (HeardStore                    *self,
                                               HeardClusterDecision          *decision,
                                               const char                    *passphrase,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);
  void     (*get_cluster_numbers_async)       (HeardStore                    *self,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);
  void     (*set_cluster_numbers_async)       (HeardStore                    *self,
                                               const HeardClusterNumbers     *numbers,
                                               gint64                        supervisor_id,
                                               const char                    *passphrase,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);

  /* Who has seen my story (heard-store-story.h) */
  void     (*note_person_opened_async)        (HeardStore                    *self,
                                               gint64                        person_id,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);
  void     (*list_story_async)                (HeardStore                    *self,
                                               gint64                        person_id,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);

  /* The sharing log (heard-store-sharing.h) */
  void     (*list_lawful_bases_async)         (HeardStore                    *self,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);
  void     (*list_sharing_async)              (HeardStore                    *self,
                                               gint64                        person_id,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);
  void     (*list_sharing_history_async)      (HeardStore                    *self,
                                               gint64                        entry_id,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);
  void     (*record_sharing_entry_async)      (HeardStore                    *self,
                                               HeardSharingEntry             *entry,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);
  void     (*amend_sharing_entry_async)       (HeardStore                    *self,
                                               HeardSharingEntry             *amended,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);
  void     (*list_unlogged_exports_async)     (HeardStore                    *self,
                                               gint64                        person_id,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);

  /* Co-design's records (heard-store-codesign.h) */
  void     (*record_own_words_async)          (HeardStore                    *self,
                                               HeardOwnWords                 *words,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);
  void     (*list_own_words_async)            (HeardStore                    *self,
                                               gint64                        person_id,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);
  void     (*record_plan_say_async)           (HeardStore                    *self,
                                               HeardPlanSay                  *say,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);
  void     (*list_plan_says_async)            (HeardStore                    *self,
                                               gint64                        person_id,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);
  void     (*set_for_them_async)              (HeardStore                    *self,
                                               HeardForThemMark              *mark,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);
  void     (*list_for_them_marks_async)       (HeardStore                    *self,
                                               gint64                        person_id,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);
  void     (*record_withholdings_async)       (HeardStore                    *self,
                                               gint64                        person_id,
                                               gint64                        export_audit_id,
                                               GPtrArray                     *withholdings,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);
  void     (*list_withholdings_async)         (HeardStore                    *self,
                                               gint64                        export_audit_id,
                                               GCancellable                  *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data);
};

GQuark       heard_store_error_quark    (void);

gboolean     heard_store_is_open        (HeardStore           *self);
/* Waits for the work queued before it, then closes the records. The store
 * can be opened again afterwards; until then, work is refused
 * (HEARD_STORE_ERROR_NOT_OPEN). */
void         heard_store_close_async    (HeardStore           *self,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean     heard_store_close_finish   (HeardStore           *self,
                                         GAsyncResult         *result,
                                         GError              **error);
void         heard_store_check_integrity_async  (HeardStore          *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean     heard_store_check_integrity_finish (HeardStore          *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

G_END_DECLS

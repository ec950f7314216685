/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-check-in.h"
#include "heard-chronology-entry.h"
#include "heard-cluster-decision.h"
#include "heard-export-note.h"
#include "heard-for-them-mark.h"
#include "heard-context.h"
#include "heard-csv.h"
#include "heard-ical.h"
#include "heard-open-cluster.h"
#include "heard-open-item.h"
#include "heard-own-words.h"
#include "heard-person.h"
#include "heard-plan.h"
#include "heard-plan-say.h"
#include "heard-removal-rules.h"
#include "heard-sharing-entry.h"
#include "heard-statement.h"
#include "heard-statement-response.h"
#include "heard-story-event.h"
#include "heard-withholding.h"

G_BEGIN_DECLS

#define HEARD_TYPE_CASE_FILE (heard_case_file_get_type ())

G_DECLARE_FINAL_TYPE (HeardCaseFile, heard_case_file, HEARD, CASE_FILE, GObject)

HeardCaseFile *heard_case_file_open            (HeardContext         *context,
                                                HeardPerson          *person)
                                                G_GNUC_WARN_UNUSED_RESULT;

/* What a case file shows; all of it read-only, all of it bindable. */
gint64       heard_case_file_get_person_id     (HeardCaseFile        *self);
HeardContext *heard_case_file_get_context      (HeardCaseFile        *self);
HeardPerson *heard_case_file_get_person        (HeardCaseFile        *self);
GListModel  *heard_case_file_get_plans         (HeardCaseFile        *self);
GListModel  *heard_case_file_get_statements    (HeardCaseFile        *self);
GListModel  *heard_case_file_get_check_ins     (HeardCaseFile        *self);
GListModel  *heard_case_file_get_chronology    (HeardCaseFile        *self);
GListModel  *heard_case_file_get_cluster_decisions (HeardCaseFile    *self);
GListModel  *heard_case_file_get_open_clusters (HeardCaseFile        *self);
GListModel  *heard_case_file_get_open_items    (HeardCaseFile        *self);
/* The sharing log: the newest version of each entry (HeardSharingEntry),
 * by day. */
GListModel  *heard_case_file_get_sharing_log   (HeardCaseFile        *self);
/* Exports made for this young person (before the sharing log too) that
 * no entry of the log completes yet, oldest first, each a draft
 * HeardSharingEntry to complete and record
 * (heard_sharing_entry_new_from_export_note()). */
GListModel  *heard_case_file_get_unlogged_exports (HeardCaseFile     *self);
/* Co-design (heard-store-codesign.h), oldest first: every version of their
 * own goal and "what helps me" (HeardOwnWords), every say on any version
 * of their plan (HeardPlanSay), every change of what staff text is
 * written for them (HeardForThemMark). */
GListModel  *heard_case_file_get_own_words     (HeardCaseFile        *self);
GListModel  *heard_case_file_get_plan_says     (HeardCaseFile        *self);
GListModel  *heard_case_file_get_for_them_marks (HeardCaseFile       *self);
HeardOwnWords *heard_case_file_find_own_words  (HeardCaseFile        *self,
                                                HeardAreaKind         area,
                                                HeardOwnPart          part);
HeardPlanSay *heard_case_file_find_plan_say    (HeardCaseFile        *self,
                                                gint64                plan_id);
gboolean     heard_case_file_written_for_them  (HeardCaseFile        *self,
                                                HeardForThemText      what,
                                                gint64                record_id);
guint        heard_case_file_get_n_outstanding (HeardCaseFile        *self);
gboolean     heard_case_file_get_loading       (HeardCaseFile        *self);
gboolean     heard_case_file_get_failed        (HeardCaseFile        *self);
const char  *heard_case_file_get_failure       (HeardCaseFile        *self);
HeardPlan   *heard_case_file_find_plan         (HeardCaseFile        *self,
                                                gint64                plan_id);
HeardStatement *heard_case_file_find_statement (HeardCaseFile        *self,
                                                gint64                statement_id);
gboolean     heard_case_file_check_removal     (HeardCaseFile        *self,
                                                GError              **error);

/*
 * Every change to the young person's records. Each finishes through
 * heard_case_file_write_finish(). The write belongs to the case file: once
 * asked for it happens and shows in the models even if @cancellable is
 * cancelled (which only stops the caller hearing of it), and it finishes
 * only once the models show it.
 */
void         heard_case_file_save_person_async     (HeardCaseFile            *self,
                                                    HeardPerson              *person,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
void         heard_case_file_remove_async          (HeardCaseFile            *self,
                                                    HeardRemovalReason        reason,
                                                    const char               *note,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
void         heard_case_file_start_plan_async      (HeardCaseFile            *self,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
void         heard_case_file_save_area_async       (HeardCaseFile            *self,
                                                    HeardPlanArea            *area,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
void         heard_case_file_remove_area_async     (HeardCaseFile            *self,
                                                    gint64                    area_id,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
void         heard_case_file_save_action_async     (HeardCaseFile            *self,
                                                    HeardPlanAction          *action,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
void         heard_case_file_remove_action_async   (HeardCaseFile            *self,
                                                    gint64                    action_id,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
void         heard_case_file_submit_plan_async     (HeardCaseFile            *self,
                                                    gint64                    plan_id,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
void         heard_case_file_decide_plan_async     (HeardCaseFile            *self,
                                                    gint64                    plan_id,
                                                    const HeardPlanDecision  *decision,
                                                    const char               *passphrase,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
void         heard_case_file_set_next_review_async (HeardCaseFile            *self,
                                                    gint64                    plan_id,
                                                    const char               *date,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
void         heard_case_file_record_statement_async (HeardCaseFile           *self,
                                                     HeardStatement          *statement,
                                                     GCancellable            *cancellable,
                                                     GAsyncReadyCallback      callback,
                                                     gpointer                 user_data);
/* Saves @check_in (on one of their plans) as a new check-in. */
void         heard_case_file_save_check_in_async   (HeardCaseFile            *self,
                                                    HeardCheckIn             *check_in,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
void         heard_case_file_amend_statement_async (HeardCaseFile            *self,
                                                    HeardStatement           *amended,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
/* Their consent to share @statement_id from now on (see
 * heard_store_set_statement_consent_async()); the statement in the list
 * shows it in place. */
void         heard_case_file_set_statement_consent_async (HeardCaseFile      *self,
                                                          gint64              statement_id,
                                                          const char         *ends_on,
                                                          const char         *withdrawn_on,
                                                          GCancellable       *cancellable,
                                                          GAsyncReadyCallback callback,
                                                          gpointer            user_data);
void         heard_case_file_answer_statement_async (HeardCaseFile           *self,
                                                     HeardStatementResponse  *response,
                                                     GCancellable            *cancellable,
                                                     GAsyncReadyCallback      callback,
                                                     gpointer                 user_data);
void         heard_case_file_mark_told_async       (HeardCaseFile            *self,
                                                    gint64                    response_id,
                                                    const char               *told_on,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
/* Notes in the audit trail that @note (what, for whom, what went in) left
 * Heard about this young person: the entry's number. It changes no model. */
void         heard_case_file_note_export_async     (HeardCaseFile            *self,
                                                    const HeardExportNote    *note,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
/* Notes that the export noted as @export_entry was never written (a full
 * disk, a folder gone, a cancel): it then tells no one it reached anybody
 * and waits for no sharing entry. The entry's number. */
void         heard_case_file_note_export_unwritten_async (HeardCaseFile      *self,
                                                          gint64              export_entry,
                                                          GCancellable       *cancellable,
                                                          GAsyncReadyCallback callback,
                                                          gpointer            user_data);
/* Notes in the audit trail that the young person's record was opened:
 * shown to whoever uses Heard, once each time it is shown. It changes no
 * model; the entry's number. */
void         heard_case_file_note_opened_async     (HeardCaseFile            *self,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
/* Warning signs and strengths: recording adds version 1, amending the next
 * version with a reason (heard-store-chronology.h); both finish with the
 * entry's id. A decision on a cluster: "no further action" needs the
 * supervisor named in @decision and their @passphrase (NULL otherwise). */
void         heard_case_file_record_chronology_entry_async (HeardCaseFile        *self,
                                                            HeardChronologyEntry *entry,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void         heard_case_file_amend_chronology_entry_async  (HeardCaseFile        *self,
                                                            HeardChronologyEntry *amended,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void         heard_case_file_record_cluster_decision_async (HeardCaseFile        *self,
                                                            HeardClusterDecision *decision,
                                                            const char           *passphrase,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
/* The sharing log: recording adds version 1, amending the next version
 * with a reason (heard-store-sharing.h); both finish with the entry's id.
 * Recording a draft from heard_case_file_get_unlogged_exports() takes it
 * off that list. */
void         heard_case_file_record_sharing_entry_async (HeardCaseFile        *self,
                                                         HeardSharingEntry    *entry,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
void         heard_case_file_amend_sharing_entry_async  (HeardCaseFile        *self,
                                                         HeardSharingEntry    *amended,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
/* Co-design: their own words for an area (the next version; the worker's
 * goal is never touched), their say on a plan version, a change of what
 * is written for them (an amendment, with a reason, on a record never
 * changed in place); each finishes with the new record's id. Withholding
 * decisions for a subject access export noted as audit entry
 * @export_audit_id, all or none, finish with 1. Ratings they give are
 * check-ins rated by HEARD_RATER_YOUNG_PERSON (save_check_in); a
 * statement they type is recorded with HEARD_GIVEN_TYPED. */
void         heard_case_file_record_own_words_async    (HeardCaseFile       *self,
                                                        HeardOwnWords       *words,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
void         heard_case_file_record_plan_say_async     (HeardCaseFile       *self,
                                                        HeardPlanSay        *say,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
void         heard_case_file_set_for_them_async        (HeardCaseFile       *self,
                                                        HeardForThemMark    *mark,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
void         heard_case_file_record_withholdings_async (HeardCaseFile       *self,
                                                        gint64               export_audit_id,
                                                        GPtrArray           *withholdings,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
/* Finishes any write above: the new record's id (or the amendment's
 * version number), 1 for a write that makes no record, 0 with @error set. */
gint64       heard_case_file_write_finish          (HeardCaseFile            *self,
                                                    GAsyncResult             *result,
                                                    GError                  **error);

/* Puts in the audit trail that someone chose to read a sensitive
 * statement. Nothing waits for it; a failure is logged. */
void         heard_case_file_note_statement_read   (HeardCaseFile            *self,
                                                    gint64                    statement_id);

/* Reads a widget asks for now and then, not kept. Each finishes with a
 * GPtrArray: every version of one statement, the original first; or the
 * plan actions an answer can link to (HeardPlanAction). The staff are the
 * context's (heard_context_get_staff). */
void         heard_case_file_list_statement_history_async (HeardCaseFile       *self,
                                                           gint64               statement_id,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
void         heard_case_file_list_linkable_actions_async  (HeardCaseFile       *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
/* Every version of one warning sign or strength, the original first; the
 * kinds an entry can be (HeardEntryKind). */
void         heard_case_file_list_chronology_history_async (HeardCaseFile      *self,
                                                            gint64              entry_id,
                                                            GCancellable       *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer            user_data);
void         heard_case_file_list_chronology_kinds_async  (HeardCaseFile       *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
/* The withholding decisions kept for one export (HeardWithholding), in
 * the order they were made. */
void         heard_case_file_list_withholdings_async      (HeardCaseFile       *self,
                                                           gint64               export_audit_id,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
/* Every version of one sharing entry, the original first. */
void         heard_case_file_list_sharing_history_async   (HeardCaseFile       *self,
                                                           gint64               entry_id,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GPtrArray   *heard_case_file_read_finish                  (HeardCaseFile       *self,
                                                           GAsyncResult        *result,
                                                           GError             **error)
                                                           G_GNUC_WARN_UNUSED_RESULT;

/*
 * Exports other tools open (heard-case-file-exports.c), made from what the
 * case file shows now and written to @file whole or not at all, off the
 * main thread, private to its owner. Each is noted in the audit trail
 * first, as made for our own team with what went in: an export that then
 * fails to be written is an entry too many, never one too few.
 *
 * A calendar of their review and action due dates (heard-ical.h): what
 * its summaries say of them is @names. Refused (G_IO_ERROR_INVALID_DATA)
 * when there are no dates to export, so nothing is noted.
 */
void         heard_case_file_count_calendar_dates    (HeardCaseFile       *self,
                                                      guint               *n_reviews,
                                                      guint               *n_due);
void         heard_case_file_export_calendar_async   (HeardCaseFile       *self,
                                                      HeardIcalNames       names,
                                                      GFile               *file,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean     heard_case_file_export_calendar_finish  (HeardCaseFile       *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
/* Their records of kind @of as CSV (heard-csv.h): with their name, or
 * (!@with_names) the records' stable pseudonym for them; typed words only
 * @with_words. */
void         heard_case_file_export_csv_async        (HeardCaseFile       *self,
                                                      HeardCsvOf           of,
                                                      gboolean             with_names,
                                                      gboolean             with_words,
                                                      GFile               *file,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean     heard_case_file_export_csv_finish       (HeardCaseFile       *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* "Who has seen my story": everything in it, newest first, as a
 * GListModel of HeardStoryEvent (heard-store-story.h says what is in it).
 * A snapshot, not kept up to date: ask again to refresh. */
void         heard_case_file_list_story_async      (HeardCaseFile            *self,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
GListModel  *heard_case_file_list_story_finish     (HeardCaseFile            *self,
                                                    GAsyncResult             *result,
                                                    GError                  **error)
                                                    G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

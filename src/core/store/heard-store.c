/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-store"

#include "config.h"

#include "heard-audit.h"
#include "heard-store-agencies.h"
#include "heard-store-chronology.h"
#include "heard-store-codesign.h"
#include "heard-store-check-ins.h"
#include "heard-store-copy.h"
#include "heard-store-drafts.h"
#include "heard-store-exports.h"
#include "heard-store-open-items.h"
#include "heard-store-people.h"
#include "heard-store-plans.h"
#include "heard-store-private.h"
#include "heard-store-sharing.h"
#include "heard-store-staff.h"
#include "heard-store-statements.h"
#include "heard-store-story.h"

/*
 * The store as every part of Heard sees it, whichever backend keeps the
 * records: each operation goes to the backend's vfunc, and every _finish
 * reads the backend's result the one way heard-store-private.h describes.
 * The base also owns the "changed" signal, which only a backend emits.
 */

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_ABSTRACT_TYPE (HeardStore, heard_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (heard-store-error-quark, heard_store_error)

/* The records, as the backend's task returned them, or NULL with @error set
 * (or for an operation whose records may be none, such as a search). */
static gpointer
propagate (HeardStore    *self,
           GAsyncResult  *result,
           gpointer       source_tag,
           GError       **error)
{
  g_return_val_if_fail (HEARD_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The number the backend's task returned, in @number (0 on failure). */
static gboolean
propagate_number (HeardStore    *self,
                  GAsyncResult  *result,
                  gpointer       source_tag,
                  gint64        *number,
                  GError       **error)
{
  g_autofree gint64 *value = propagate (self, result, source_tag, error);

  *number = value != NULL ? *value : 0;
  return value != NULL;
}

static void
heard_store_class_init (HeardStoreClass *klass)
{
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 3, HEARD_TYPE_RECORD_KIND,
                                   G_TYPE_INT64, G_TYPE_INT64);
}

static void
heard_store_init (HeardStore *self)
{
}

void
_heard_store_emit_changed (HeardStore      *self,
                           HeardRecordKind  kind,
                           gint64           person_id,
                           gint64           record_id)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  g_signal_emit (self, signals[CHANGED], 0, kind, person_id, record_id);
}

/* The store itself */

gboolean
heard_store_is_open (HeardStore *self)
{
  g_return_val_if_fail (HEARD_IS_STORE (self), FALSE);

  return HEARD_STORE_GET_CLASS (self)->is_open (self);
}

void
heard_store_close_async (HeardStore          *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->close_async (self, cancellable, callback, user_data);
}

gboolean
heard_store_close_finish (HeardStore   *self,
                          GAsyncResult *result,
                          GError      **error)
{
  gint64 done = 0;

  return propagate_number (self, result, heard_store_close_async, &done, error) && done != 0;
}

void
heard_store_check_integrity_async (HeardStore          *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->check_integrity_async (self, cancellable, callback, user_data);
}

/* TRUE when the whole of the records passed a full health check. */
gboolean
heard_store_check_integrity_finish (HeardStore   *self,
                                    GAsyncResult *result,
                                    GError      **error)
{
  gint64 done = 0;

  return propagate_number (self, result, heard_store_check_integrity_async, &done,
                           error) && done != 0;
}

/* The audit trail (heard-audit.h) */

void
heard_store_verify_audit_async (HeardStore             *self,
                                const HeardAuditAnchor *anchor,
                                GCancellable           *cancellable,
                                GAsyncReadyCallback     callback,
                                gpointer                user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->verify_audit_async (self, anchor, cancellable, callback, user_data);
}

/* TRUE when the trail is whole, with @n_entries set to its length. */
gboolean
heard_store_verify_audit_finish (HeardStore   *self,
                                 GAsyncResult *result,
                                 guint        *n_entries,
                                 GError      **error)
{
  gint64 count = 0;

  if (!propagate_number (self, result, heard_store_verify_audit_async, &count, error))
    return FALSE;

  if (n_entries != NULL)
    *n_entries = (guint) count;
  return TRUE;
}

void
heard_store_read_audit_head_async (HeardStore          *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->read_audit_head_async (self, cancellable, callback, user_data);
}

HeardAuditAnchor *
heard_store_read_audit_head_finish (HeardStore   *self,
                                    GAsyncResult *result,
                                    GError      **error)
{
  return propagate (self, result, heard_store_read_audit_head_async, error);
}

void
heard_store_acknowledge_audit_async (HeardStore          *self,
                                     const char          *problem,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->acknowledge_audit_async (self, problem, cancellable, callback,
                                                         user_data);
}

HeardAuditAnchor *
heard_store_acknowledge_audit_finish (HeardStore   *self,
                                      GAsyncResult *result,
                                      GError      **error)
{
  return propagate (self, result, heard_store_acknowledge_audit_async, error);
}

void
heard_store_hold_writes (HeardStore *self,
                         const char *problem)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->hold_writes (self, problem);
}

/* Young people (heard-store-people.h) */

void
heard_store_list_people_async (HeardStore          *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->list_people_async (self, cancellable, callback, user_data);
}

GPtrArray *
heard_store_list_people_finish (HeardStore   *self,
                                GAsyncResult *result,
                                GError      **error)
{
  return propagate (self, result, heard_store_list_people_async, error);
}

void
heard_store_save_person_async (HeardStore          *self,
                               HeardPerson         *person,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->save_person_async (self, person, cancellable, callback, user_data);
}

/* Returns the saved record's id, or 0 with @error set. */
gint64
heard_store_save_person_finish (HeardStore   *self,
                                GAsyncResult *result,
                                GError      **error)
{
  gint64 id = 0;

  propagate_number (self, result, heard_store_save_person_async, &id, error);
  return id;
}

void
heard_store_set_person_removed_async (HeardStore          *self,
                                      gint64               id,
                                      gboolean             removed,
                                      const char          *detail,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));
  g_return_if_fail (!removed || detail != NULL);

  HEARD_STORE_GET_CLASS (self)->set_person_removed_async (self, id, removed, detail, cancellable,
                                                          callback, user_data);
}

gboolean
heard_store_set_person_removed_finish (HeardStore   *self,
                                       GAsyncResult *result,
                                       GError      **error)
{
  gint64 done = 0;

  return propagate_number (self, result, heard_store_set_person_removed_async, &done,
                           error) && done != 0;
}

void
heard_store_list_removed_people_async (HeardStore          *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->list_removed_people_async (self, cancellable, callback,
                                                           user_data);
}

GPtrArray *
heard_store_list_removed_people_finish (HeardStore   *self,
                                        GAsyncResult *result,
                                        GError      **error)
{
  return propagate (self, result, heard_store_list_removed_people_async, error);
}

void
heard_store_search_people_async (HeardStore          *self,
                                 const char          *typed,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->search_people_async (self, typed, cancellable, callback, user_data);
}

GHashTable *
heard_store_search_people_finish (HeardStore   *self,
                                  GAsyncResult *result,
                                  GError      **error)
{
  return propagate (self, result, heard_store_search_people_async, error);
}

/* Support plans (heard-store-plans.h) */

void
heard_store_load_plans_async (HeardStore          *self,
                              gint64               person_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->load_plans_async (self, person_id, cancellable, callback,
                                                  user_data);
}

GPtrArray *
heard_store_load_plans_finish (HeardStore   *self,
                               GAsyncResult *result,
                               GError      **error)
{
  return propagate (self, result, heard_store_load_plans_async, error);
}

void
heard_store_start_plan_async (HeardStore          *self,
                              gint64               person_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->start_plan_async (self, person_id, cancellable, callback,
                                                  user_data);
}

/* Returns the new version's plan id, or 0 with @error set. */
gint64
heard_store_start_plan_finish (HeardStore   *self,
                               GAsyncResult *result,
                               GError      **error)
{
  gint64 id = 0;

  propagate_number (self, result, heard_store_start_plan_async, &id, error);
  return id;
}

void
heard_store_save_area_async (HeardStore          *self,
                             HeardPlanArea       *area,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->save_area_async (self, area, cancellable, callback, user_data);
}

gint64
heard_store_save_area_finish (HeardStore   *self,
                              GAsyncResult *result,
                              GError      **error)
{
  gint64 id = 0;

  propagate_number (self, result, heard_store_save_area_async, &id, error);
  return id;
}

void
heard_store_remove_area_async (HeardStore          *self,
                               gint64               area_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->remove_area_async (self, area_id, cancellable, callback, user_data);
}

gboolean
heard_store_remove_area_finish (HeardStore   *self,
                                GAsyncResult *result,
                                GError      **error)
{
  gint64 done = 0;

  return propagate_number (self, result, heard_store_remove_area_async, &done, error) && done != 0;
}

void
heard_store_save_action_async (HeardStore          *self,
                               HeardPlanAction     *action,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->save_action_async (self, action, cancellable, callback, user_data);
}

gint64
heard_store_save_action_finish (HeardStore   *self,
                                GAsyncResult *result,
                                GError      **error)
{
  gint64 id = 0;

  propagate_number (self, result, heard_store_save_action_async, &id, error);
  return id;
}

void
heard_store_remove_action_async (HeardStore          *self,
                                 gint64               action_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->remove_action_async (self, action_id, cancellable, callback,
                                                     user_data);
}

gboolean
heard_store_remove_action_finish (HeardStore   *self,
                                  GAsyncResult *result,
                                  GError      **error)
{
  gint64 done = 0;

  return propagate_number (self, result, heard_store_remove_action_async, &done,
                           error) && done != 0;
}

void
heard_store_submit_plan_async (HeardStore          *self,
                               gint64               plan_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->submit_plan_async (self, plan_id, cancellable, callback, user_data);
}

gboolean
heard_store_submit_plan_finish (HeardStore   *self,
                                GAsyncResult *result,
                                GError      **error)
{
  gint64 done = 0;

  return propagate_number (self, result, heard_store_submit_plan_async, &done, error) && done != 0;
}

void
heard_store_decide_plan_async (HeardStore              *self,
                               gint64                   plan_id,
                               const HeardPlanDecision *decision,
                               const char              *passphrase,
                               GCancellable            *cancellable,
                               GAsyncReadyCallback      callback,
                               gpointer                 user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->decide_plan_async (self, plan_id, decision, passphrase,
                                                   cancellable, callback, user_data);
}

gboolean
heard_store_decide_plan_finish (HeardStore   *self,
                                GAsyncResult *result,
                                GError      **error)
{
  gint64 done = 0;

  return propagate_number (self, result, heard_store_decide_plan_async, &done, error) && done != 0;
}

void
heard_store_set_next_review_async (HeardStore          *self,
                                   gint64               plan_id,
                                   const char          *date,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->set_next_review_async (self, plan_id, date, cancellable, callback,
                                                       user_data);
}

gboolean
heard_store_set_next_review_finish (HeardStore   *self,
                                    GAsyncResult *result,
                                    GError      **error)
{
  gint64 done = 0;

  return propagate_number (self, result, heard_store_set_next_review_async, &done,
                           error) && done != 0;
}

/* Staff (heard-store-staff.h) */

void
heard_store_list_staff_async (HeardStore          *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->list_staff_async (self, cancellable, callback, user_data);
}

/* The staff still set up: the caseworker first, then supervisors by name. */
GPtrArray *
heard_store_list_staff_finish (HeardStore   *self,
                               GAsyncResult *result,
                               GError      **error)
{
  return propagate (self, result, heard_store_list_staff_async, error);
}

void
heard_store_save_staff_async (HeardStore          *self,
                              HeardStaff          *staff,
                              const char          *passphrase,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->save_staff_async (self, staff, passphrase, cancellable, callback,
                                                  user_data);
}

/* Returns the saved id, or 0 with @error set. */
gint64
heard_store_save_staff_finish (HeardStore   *self,
                               GAsyncResult *result,
                               GError      **error)
{
  gint64 id = 0;

  propagate_number (self, result, heard_store_save_staff_async, &id, error);
  return id;
}

void
heard_store_retire_staff_async (HeardStore          *self,
                                gint64               id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->retire_staff_async (self, id, cancellable, callback, user_data);
}

gboolean
heard_store_retire_staff_finish (HeardStore   *self,
                                 GAsyncResult *result,
                                 GError      **error)
{
  gint64 done = 0;

  return propagate_number (self, result, heard_store_retire_staff_async, &done, error) && done != 0;
}

/* Statements (heard-store-statements.h) */

void
heard_store_list_statements_async (HeardStore          *self,
                                   gint64               person_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->list_statements_async (self, person_id, cancellable, callback,
                                                       user_data);
}

GPtrArray *
heard_store_list_statements_finish (HeardStore   *self,
                                    GAsyncResult *result,
                                    GError      **error)
{
  return propagate (self, result, heard_store_list_statements_async, error);
}

void
heard_store_list_statement_history_async (HeardStore          *self,
                                          gint64               statement_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->list_statement_history_async (self, statement_id, cancellable,
                                                              callback, user_data);
}

GPtrArray *
heard_store_list_statement_history_finish (HeardStore   *self,
                                           GAsyncResult *result,
                                           GError      **error)
{
  return propagate (self, result, heard_store_list_statement_history_async, error);
}

void
heard_store_record_statement_async (HeardStore          *self,
                                    HeardStatement      *statement,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->record_statement_async (self, statement, cancellable, callback,
                                                        user_data);
}

gint64
heard_store_record_statement_finish (HeardStore   *self,
                                     GAsyncResult *result,
                                     GError      **error)
{
  gint64 id = 0;

  propagate_number (self, result, heard_store_record_statement_async, &id, error);
  return id;
}

void
heard_store_amend_statement_async (HeardStore          *self,
                                   HeardStatement      *amended,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->amend_statement_async (self, amended, cancellable, callback,
                                                       user_data);
}

guint
heard_store_amend_statement_finish (HeardStore   *self,
                                    GAsyncResult *result,
                                    GError      **error)
{
  gint64 version = 0;

  propagate_number (self, result, heard_store_amend_statement_async, &version, error);
  return (guint) version;
}

void
heard_store_answer_statement_async (HeardStore             *self,
                                    HeardStatementResponse *response,
                                    GCancellable           *cancellable,
                                    GAsyncReadyCallback     callback,
                                    gpointer                user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->answer_statement_async (self, response, cancellable, callback,
                                                        user_data);
}

gint64
heard_store_answer_statement_finish (HeardStore   *self,
                                     GAsyncResult *result,
                                     GError      **error)
{
  gint64 id = 0;

  propagate_number (self, result, heard_store_answer_statement_async, &id, error);
  return id;
}

void
heard_store_mark_response_told_async (HeardStore          *self,
                                      gint64               response_id,
                                      const char          *told_on,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->mark_response_told_async (self, response_id, told_on, cancellable,
                                                          callback, user_data);
}

gboolean
heard_store_mark_response_told_finish (HeardStore   *self,
                                       GAsyncResult *result,
                                       GError      **error)
{
  gint64 done = 0;

  return propagate_number (self, result, heard_store_mark_response_told_async, &done,
                           error) && done != 0;
}

void
heard_store_set_statement_consent_async (HeardStore          *self,
                                         gint64               statement_id,
                                         const char          *ends_on,
                                         const char          *withdrawn_on,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->set_statement_consent_async (self, statement_id, ends_on,
                                                             withdrawn_on, cancellable, callback,
                                                             user_data);
}

gint64
heard_store_set_statement_consent_finish (HeardStore   *self,
                                          GAsyncResult *result,
                                          GError      **error)
{
  gint64 id = 0;

  propagate_number (self, result, heard_store_set_statement_consent_async, &id, error);
  return id;
}

void
heard_store_note_statement_read (HeardStore *self,
                                 gint64      statement_id)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->note_statement_read (self, statement_id);
}

void
heard_store_list_linkable_actions_async (HeardStore          *self,
                                         gint64               person_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->list_linkable_actions_async (self, person_id, cancellable,
                                                             callback, user_data);
}

GPtrArray *
heard_store_list_linkable_actions_finish (HeardStore   *self,
                                          GAsyncResult *result,
                                          GError      **error)
{
  return propagate (self, result, heard_store_list_linkable_actions_async, error);
}

void
heard_store_search_statements_async (HeardStore          *self,
                                     const char          *typed,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->search_statements_async (self, typed, cancellable, callback,
                                                         user_data);
}

GPtrArray *
heard_store_search_statements_finish (HeardStore   *self,
                                      GAsyncResult *result,
                                      GError      **error)
{
  return propagate (self, result, heard_store_search_statements_async, error);
}

/* What is open (heard-store-open-items.h) */

void
heard_store_load_caseload_async (HeardStore          *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->load_caseload_async (self, cancellable, callback, user_data);
}

/* Finishes with every section (HeardCaseloadSection) in order, empty ones
 * included. */
GPtrArray *
heard_store_load_caseload_finish (HeardStore   *self,
                                  GAsyncResult *result,
                                  GError      **error)
{
  return propagate (self, result, heard_store_load_caseload_async, error);
}

void
heard_store_list_open_items_async (HeardStore          *self,
                                   gint64               person_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->list_open_items_async (self, person_id, cancellable, callback,
                                                       user_data);
}

/* Finishes with everything still open about the young person, as
 * HeardOpenItem, or an empty array when nothing is. */
GPtrArray *
heard_store_list_open_items_finish (HeardStore   *self,
                                    GAsyncResult *result,
                                    GError      **error)
{
  return propagate (self, result, heard_store_list_open_items_async, error);
}

/* Copies of the records (heard-store-copy.h) */

G_DEFINE_BOXED_TYPE (HeardStoreCopyInfo, heard_store_copy_info,
                     heard_store_copy_info_copy, heard_store_copy_info_free)

HeardStoreCopyInfo *
heard_store_copy_info_copy (const HeardStoreCopyInfo *info)
{
  HeardStoreCopyInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_memdup2 (info, sizeof *info);
  if (info->newest_change != NULL)
    copy->newest_change = g_date_time_ref (info->newest_change);

  return copy;
}

void
heard_store_copy_info_free (HeardStoreCopyInfo *info)
{
  if (info == NULL)
    return;

  g_clear_pointer (&info->newest_change, g_date_time_unref);
  g_free (info);
}

void
heard_store_copy_async (HeardStore             *self,
                        const HeardKey         *key,
                        const char             *path,
                        HeardStoreProgressFunc  progress,
                        gpointer                progress_data,
                        GDestroyNotify          progress_free,
                        GCancellable           *cancellable,
                        GAsyncReadyCallback     callback,
                        gpointer                user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail (path != NULL);

  HEARD_STORE_GET_CLASS (self)->copy_async (self, key, path, progress, progress_data,
                                            progress_free, cancellable, callback, user_data);
}

HeardStoreCopyInfo *
heard_store_copy_finish (HeardStore    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return propagate (self, result, heard_store_copy_async, error);
}

void
heard_store_describe_async (HeardStore          *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->describe_async (self, cancellable, callback, user_data);
}

HeardStoreCopyInfo *
heard_store_describe_finish (HeardStore    *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return propagate (self, result, heard_store_describe_async, error);
}

void
heard_store_note_restored_async (HeardStore          *self,
                                 GDateTime           *made_at,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));
  g_return_if_fail (made_at != NULL);

  HEARD_STORE_GET_CLASS (self)->note_restored_async (self, made_at, cancellable, callback,
                                                     user_data);
}

HeardAuditAnchor *
heard_store_note_restored_finish (HeardStore    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return propagate (self, result, heard_store_note_restored_async, error);
}

/* Drafts of open editors (heard-store-drafts.h) */

void
heard_store_save_draft_async (HeardStore          *self,
                              HeardDraft          *draft,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));
  g_return_if_fail (HEARD_IS_DRAFT (draft));

  HEARD_STORE_GET_CLASS (self)->save_draft_async (self, draft, cancellable, callback, user_data);
}

gboolean
heard_store_save_draft_finish (HeardStore   *self,
                               GAsyncResult *result,
                               GError      **error)
{
  gint64 done = 0;

  return propagate_number (self, result, heard_store_save_draft_async, &done, error);
}

void
heard_store_list_drafts_async (HeardStore          *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->list_drafts_async (self, cancellable, callback, user_data);
}

GPtrArray *
heard_store_list_drafts_finish (HeardStore   *self,
                                GAsyncResult *result,
                                GError      **error)
{
  return propagate (self, result, heard_store_list_drafts_async, error);
}

void
heard_store_delete_draft_async (HeardStore          *self,
                                HeardDraft          *draft,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));
  g_return_if_fail (HEARD_IS_DRAFT (draft));

  HEARD_STORE_GET_CLASS (self)->delete_draft_async (self, draft, cancellable, callback,
                                                    user_data);
}

gboolean
heard_store_delete_draft_finish (HeardStore   *self,
                                 GAsyncResult *result,
                                 GError      **error)
{
  gint64 done = 0;

  return propagate_number (self, result, heard_store_delete_draft_async, &done, error);
}

/* Check-ins (heard-store-check-ins.h) */

void
heard_store_save_check_in_async (HeardStore          *self,
                                 HeardCheckIn        *check_in,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));
  g_return_if_fail (HEARD_IS_CHECK_IN (check_in));
  g_return_if_fail (heard_check_in_get_id (check_in) == 0);

  HEARD_STORE_GET_CLASS (self)->save_check_in_async (self, check_in, cancellable, callback,
                                                     user_data);
}

gint64
heard_store_save_check_in_finish (HeardStore   *self,
                                  GAsyncResult *result,
                                  GError      **error)
{
  gint64 id = 0;

  propagate_number (self, result, heard_store_save_check_in_async, &id, error);
  return id;
}

void
heard_store_list_check_ins_async (HeardStore          *self,
                                  gint64               person_id,
                                  gint64               plan_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->list_check_ins_async (self, person_id, plan_id, cancellable,
                                                      callback, user_data);
}

GPtrArray *
heard_store_list_check_ins_finish (HeardStore   *self,
                                   GAsyncResult *result,
                                   GError      **error)
{
  return propagate (self, result, heard_store_list_check_ins_async, error);
}

/* Exports (heard-store-exports.h) */

void
heard_store_note_export_async (HeardStore            *self,
                               gint64                 person_id,
                               const HeardExportNote *note,
                               GCancellable          *cancellable,
                               GAsyncReadyCallback    callback,
                               gpointer               user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));
  g_return_if_fail (note != NULL);

  HEARD_STORE_GET_CLASS (self)->note_export_async (self, person_id, note, cancellable, callback,
                                                   user_data);
}

gint64
heard_store_note_export_finish (HeardStore   *self,
                                GAsyncResult *result,
                                GError      **error)
{
  gint64 entry = 0;

  propagate_number (self, result, heard_store_note_export_async, &entry, error);
  return entry;
}

void
heard_store_note_export_unwritten_async (HeardStore          *self,
                                         gint64               person_id,
                                         gint64               export_entry,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));
  g_return_if_fail (export_entry > 0);

  HEARD_STORE_GET_CLASS (self)->note_export_unwritten_async (self, person_id, export_entry,
                                                             cancellable, callback, user_data);
}

gint64
heard_store_note_export_unwritten_finish (HeardStore   *self,
                                          GAsyncResult *result,
                                          GError      **error)
{
  gint64 entry = 0;

  propagate_number (self, result, heard_store_note_export_unwritten_async, &entry, error);
  return entry;
}

/* The agencies directory (heard-store-agencies.h) */

void
heard_store_list_agencies_async (HeardStore          *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->list_agencies_async (self, cancellable, callback, user_data);
}

GPtrArray *
heard_store_list_agencies_finish (HeardStore    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return propagate (self, result, heard_store_list_agencies_async, error);
}

void
heard_store_save_agency_async (HeardStore           *self,
                               HeardDirectoryAgency *agency,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));
  g_return_if_fail (HEARD_IS_DIRECTORY_AGENCY (agency));

  HEARD_STORE_GET_CLASS (self)->save_agency_async (self, agency, cancellable, callback, user_data);
}

gint64
heard_store_save_agency_finish (HeardStore    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  gint64 id = 0;

  propagate_number (self, result, heard_store_save_agency_async, &id, error);
  return id;
}

void
heard_store_retire_agency_async (HeardStore          *self,
                                 gint64              id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->retire_agency_async (self, id, cancellable, callback, user_data);
}

gboolean
heard_store_retire_agency_finish (HeardStore    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  gint64 done = 0;

  return propagate_number (self, result, heard_store_retire_agency_async, &done, error);
}

/* Warning signs, strengths and clusters (heard-store-chronology.h) */

void
heard_store_list_chronology_kinds_async (HeardStore          *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->list_chronology_kinds_async (self, cancellable, callback, user_data);
}

GPtrArray *
heard_store_list_chronology_kinds_finish (HeardStore    *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return propagate (self, result, heard_store_list_chronology_kinds_async, error);
}

void
heard_store_list_chronology_async (HeardStore          *self,
                                   gint64              person_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->list_chronology_async (self, person_id, cancellable, callback, user_data);
}

GPtrArray *
heard_store_list_chronology_finish (HeardStore    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return propagate (self, result, heard_store_list_chronology_async, error);
}

void
heard_store_list_chronology_history_async (HeardStore          *self,
                                           gint64              entry_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->list_chronology_history_async (self, entry_id, cancellable, callback, user_data);
}

GPtrArray *
heard_store_list_chronology_history_finish (HeardStore    *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  return propagate (self, result, heard_store_list_chronology_history_async, error);
}

void
heard_store_record_chronology_entry_async (HeardStore           *self,
                                           HeardChronologyEntry *entry,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));
  g_return_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (entry));
  g_return_if_fail (heard_chronology_entry_get_id (entry) == 0);

  HEARD_STORE_GET_CLASS (self)->record_chronology_entry_async (self, entry, cancellable, callback, user_data);
}

gint64
heard_store_record_chronology_entry_finish (HeardStore    *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  gint64 id = 0;

  propagate_number (self, result, heard_store_record_chronology_entry_async, &id, error);
  return id;
}

void
heard_store_amend_chronology_entry_async (HeardStore           *self,
                                          HeardChronologyEntry *amended,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));
  g_return_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (amended));
  g_return_if_fail (heard_chronology_entry_get_id (amended) > 0);

  HEARD_STORE_GET_CLASS (self)->amend_chronology_entry_async (self, amended, cancellable, callback, user_data);
}

gint64
heard_store_amend_chronology_entry_finish (HeardStore    *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  gint64 id = 0;

  propagate_number (self, result, heard_store_amend_chronology_entry_async, &id, error);
  return id;
}

void
heard_store_list_cluster_decisions_async (HeardStore          *self,
                                          gint64              person_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer            user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->list_cluster_decisions_async (self, person_id, cancellable, callback, user_data);
}

GPtrArray *
heard_store_list_cluster_decisions_finish (HeardStore    *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return propagate (self, result, heard_store_list_cluster_decisions_async, error);
}

void
heard_store_record_cluster_decision_async (HeardStore           *self,
                                           HeardClusterDecision *decision,
                                           const char           *passphrase,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));
  g_return_if_fail (HEARD_IS_CLUSTER_DECISION (decision));
  g_return_if_fail (heard_cluster_decision_get_id (decision) == 0);

  HEARD_STORE_GET_CLASS (self)->record_cluster_decision_async (self, decision, passphrase, cancellable, callback, user_data);
}

gint64
heard_store_record_cluster_decision_finish (HeardStore    *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  gint64 id = 0;

  propagate_number (self, result, heard_store_record_cluster_decision_async, &id, error);
  return id;
}

void
heard_store_get_cluster_numbers_async (HeardStore          *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->get_cluster_numbers_async (self, cancellable, callback, user_data);
}

gboolean
heard_store_get_cluster_numbers_finish (HeardStore           *self,
                                        GAsyncResult         *result,
                                        HeardClusterNumbers  *numbers,
                                        GError              **error)
{
  g_autofree HeardClusterNumbers *found = propagate (self, result, heard_store_get_cluster_numbers_async, error);

  g_return_val_if_fail (numbers != NULL, FALSE);

  if (found != NULL)
    *numbers = *found;
  return found != NULL;
}

void
heard_store_set_cluster_numbers_async (HeardStore                *self,
                                       const HeardClusterNumbers *numbers,
                                       gint64                    supervisor_id,
                                       const char                *passphrase,
                                       GCancellable              *cancellable,
                                       GAsyncReadyCallback       callback,
                                       gpointer                  user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));
  g_return_if_fail (numbers != NULL);

  HEARD_STORE_GET_CLASS (self)->set_cluster_numbers_async (self, numbers, supervisor_id, passphrase, cancellable, callback, user_data);
}

gboolean
heard_store_set_cluster_numbers_finish (HeardStore    *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  gint64 done = 0;

  return propagate_number (self, result, heard_store_set_cluster_numbers_async, &done, error);
}

/* Who has seen my story (heard-store-story.h) */

void
heard_store_note_person_opened_async (HeardStore          *self,
                                      gint64               person_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));
  g_return_if_fail (person_id > 0);

  HEARD_STORE_GET_CLASS (self)->note_person_opened_async (self, person_id, cancellable, callback,
                                                          user_data);
}

gint64
heard_store_note_person_opened_finish (HeardStore   *self,
                                       GAsyncResult *result,
                                       GError      **error)
{
  gint64 entry = 0;

  propagate_number (self, result, heard_store_note_person_opened_async, &entry, error);
  return entry;
}

void
heard_store_list_story_async (HeardStore          *self,
                              gint64               person_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->list_story_async (self, person_id, cancellable, callback,
                                                  user_data);
}

GPtrArray *
heard_store_list_story_finish (HeardStore   *self,
                               GAsyncResult *result,
                               GError      **error)
{
  return propagate (self, result, heard_store_list_story_async, error);
}

/* The sharing log (heard-store-sharing.h) */

void
heard_store_list_lawful_bases_async (HeardStore          *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->list_lawful_bases_async (self, cancellable, callback, user_data);
}

GPtrArray *
heard_store_list_lawful_bases_finish (HeardStore    *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return propagate (self, result, heard_store_list_lawful_bases_async, error);
}

void
heard_store_list_sharing_async (HeardStore          *self,
                                gint64               person_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->list_sharing_async (self, person_id, cancellable, callback, user_data);
}

GPtrArray *
heard_store_list_sharing_finish (HeardStore    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return propagate (self, result, heard_store_list_sharing_async, error);
}

void
heard_store_list_sharing_history_async (HeardStore          *self,
                                        gint64               entry_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->list_sharing_history_async (self, entry_id, cancellable, callback, user_data);
}

GPtrArray *
heard_store_list_sharing_history_finish (HeardStore    *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return propagate (self, result, heard_store_list_sharing_history_async, error);
}

void
heard_store_record_sharing_entry_async (HeardStore          *self,
                                        HeardSharingEntry   *entry,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));
  g_return_if_fail (HEARD_IS_SHARING_ENTRY (entry));
  g_return_if_fail (heard_sharing_entry_get_id (entry) == 0);

  HEARD_STORE_GET_CLASS (self)->record_sharing_entry_async (self, entry, cancellable, callback, user_data);
}

gint64
heard_store_record_sharing_entry_finish (HeardStore    *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  gint64 id = 0;

  propagate_number (self, result, heard_store_record_sharing_entry_async, &id, error);
  return id;
}

void
heard_store_amend_sharing_entry_async (HeardStore          *self,
                                       HeardSharingEntry   *amended,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));
  g_return_if_fail (HEARD_IS_SHARING_ENTRY (amended));
  g_return_if_fail (heard_sharing_entry_get_id (amended) > 0);

  HEARD_STORE_GET_CLASS (self)->amend_sharing_entry_async (self, amended, cancellable, callback, user_data);
}

gint64
heard_store_amend_sharing_entry_finish (HeardStore    *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  gint64 id = 0;

  propagate_number (self, result, heard_store_amend_sharing_entry_async, &id, error);
  return id;
}

void
heard_store_list_unlogged_exports_async (HeardStore          *self,
                                         gint64               person_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->list_unlogged_exports_async (self, person_id, cancellable, callback, user_data);
}

GPtrArray *
heard_store_list_unlogged_exports_finish (HeardStore    *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return propagate (self, result, heard_store_list_unlogged_exports_async, error);
}

/* Co-design's records (heard-store-codesign.h) */

void
heard_store_record_own_words_async (HeardStore          *self,
                                    HeardOwnWords       *words,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));
  g_return_if_fail (HEARD_IS_OWN_WORDS (words));

  HEARD_STORE_GET_CLASS (self)->record_own_words_async (self, words, cancellable, callback, user_data);
}

gint64
heard_store_record_own_words_finish (HeardStore    *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  gint64 id = 0;

  propagate_number (self, result, heard_store_record_own_words_async, &id, error);
  return id;
}

void
heard_store_list_own_words_async (HeardStore          *self,
                                  gint64              person_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->list_own_words_async (self, person_id, cancellable, callback, user_data);
}

GPtrArray *
heard_store_list_own_words_finish (HeardStore    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return propagate (self, result, heard_store_list_own_words_async, error);
}

void
heard_store_record_plan_say_async (HeardStore          *self,
                                   HeardPlanSay        *say,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));
  g_return_if_fail (HEARD_IS_PLAN_SAY (say));

  HEARD_STORE_GET_CLASS (self)->record_plan_say_async (self, say, cancellable, callback, user_data);
}

gint64
heard_store_record_plan_say_finish (HeardStore    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  gint64 id = 0;

  propagate_number (self, result, heard_store_record_plan_say_async, &id, error);
  return id;
}

void
heard_store_list_plan_says_async (HeardStore          *self,
                                  gint64              person_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->list_plan_says_async (self, person_id, cancellable, callback, user_data);
}

GPtrArray *
heard_store_list_plan_says_finish (HeardStore    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return propagate (self, result, heard_store_list_plan_says_async, error);
}

void
heard_store_set_for_them_async (HeardStore          *self,
                                HeardForThemMark    *mark,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));
  g_return_if_fail (HEARD_IS_FOR_THEM_MARK (mark));

  HEARD_STORE_GET_CLASS (self)->set_for_them_async (self, mark, cancellable, callback, user_data);
}

gint64
heard_store_set_for_them_finish (HeardStore    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  gint64 id = 0;

  propagate_number (self, result, heard_store_set_for_them_async, &id, error);
  return id;
}

void
heard_store_list_for_them_marks_async (HeardStore          *self,
                                       gint64              person_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->list_for_them_marks_async (self, person_id, cancellable, callback, user_data);
}

GPtrArray *
heard_store_list_for_them_marks_finish (HeardStore    *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return propagate (self, result, heard_store_list_for_them_marks_async, error);
}

void
heard_store_record_withholdings_async (HeardStore          *self,
                                       gint64               person_id,
                                       gint64               export_audit_id,
                                       GPtrArray           *withholdings,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));
  g_return_if_fail (withholdings != NULL && withholdings->len > 0);

  HEARD_STORE_GET_CLASS (self)->record_withholdings_async (self, person_id, export_audit_id,
                                                          withholdings, cancellable, callback,
                                                          user_data);
}

gboolean
heard_store_record_withholdings_finish (HeardStore    *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  gint64 done = 0;

  return propagate_number (self, result, heard_store_record_withholdings_async, &done, error) &&
         done != 0;
}

void
heard_store_list_withholdings_async (HeardStore          *self,
                                     gint64              export_audit_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_STORE (self));

  HEARD_STORE_GET_CLASS (self)->list_withholdings_async (self, export_audit_id, cancellable, callback, user_data);
}

GPtrArray *
heard_store_list_withholdings_finish (HeardStore    *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return propagate (self, result, heard_store_list_withholdings_async, error);
}

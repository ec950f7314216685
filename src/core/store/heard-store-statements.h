/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-statement.h"
#include "heard-statement-match.h"
#include "heard-statement-response.h"
#include "heard-store.h"

G_BEGIN_DECLS

/*
 * Statements in the store. Words are never overwritten: recording adds
 * version 1, amending adds the next version with its reason, answering adds
 * a "You said — we did" answer. Every change is audited in the same
 * transaction, and who saved it and when are the audit trail's own.
 */

/* Current versions of one young person's statements, newest first, each
 * with its answers and its consent as it stands. */
void        heard_store_list_statements_async   (HeardStore              *self,
                                                 gint64                   person_id,
                                                 GCancellable            *cancellable,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data);
GPtrArray  *heard_store_list_statements_finish  (HeardStore              *self,
                                                 GAsyncResult            *result,
                                                 GError                 **error)
                                                 G_GNUC_WARN_UNUSED_RESULT;

/* Every version of one statement, the original first. */
void        heard_store_list_statement_history_async  (HeardStore        *self,
                                                       gint64             statement_id,
                                                       GCancellable      *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer           user_data);
GPtrArray  *heard_store_list_statement_history_finish (HeardStore        *self,
                                                       GAsyncResult      *result,
                                                       GError           **error)
                                                       G_GNUC_WARN_UNUSED_RESULT;

/* Saves @statement (its person id set, its id 0) as a new statement and
 * finishes with the new id, or 0 with @error set. */
void        heard_store_record_statement_async  (HeardStore              *self,
                                                 HeardStatement          *statement,
                                                 GCancellable            *cancellable,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data);
gint64      heard_store_record_statement_finish (HeardStore              *self,
                                                 GAsyncResult            *result,
                                                 GError                 **error);

/* Adds @amended, with its reason, as the version after the one it was made
 * from (heard_statement_get_version()). Refused when nothing changed, when
 * there is no reason, or when someone else amended it in the meantime.
 * Finishes with the new version number, or 0 with @error set. */
void        heard_store_amend_statement_async   (HeardStore              *self,
                                                 HeardStatement          *amended,
                                                 GCancellable            *cancellable,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data);
guint       heard_store_amend_statement_finish  (HeardStore              *self,
                                                 GAsyncResult            *result,
                                                 GError                 **error);

/* Adds @response to its statement, with its links to plan actions. Finishes
 * with the answer's id, or 0 with @error set. */
void        heard_store_answer_statement_async  (HeardStore              *self,
                                                 HeardStatementResponse  *response,
                                                 GCancellable            *cancellable,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data);
gint64      heard_store_answer_statement_finish (HeardStore              *self,
                                                 GAsyncResult            *result,
                                                 GError                 **error);

/* Records the day the young person was told about an answer; once only. */
void        heard_store_mark_response_told_async  (HeardStore            *self,
                                                   gint64                 response_id,
                                                   const char            *told_on,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
gboolean    heard_store_mark_response_told_finish (HeardStore            *self,
                                                   GAsyncResult          *result,
                                                   GError               **error);

/* Adds the statement's consent from now on: its last day @ends_on ("" for
 * until they say otherwise) and, when they withdrew it, @withdrawn_on (""
 * for not withdrawn), each as typed. The rows before are kept. Refused
 * when a day is not one, lies before the day the statement was given, is
 * a withdrawal after today, or when nothing changes. Audited as "consent
 * changed" or "consent withdrawn". Finishes with the consent row's id, or
 * 0 with @error set. */
void        heard_store_set_statement_consent_async  (HeardStore         *self,
                                                      gint64              statement_id,
                                                      const char         *ends_on,
                                                      const char         *withdrawn_on,
                                                      GCancellable       *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer            user_data);
gint64      heard_store_set_statement_consent_finish (HeardStore         *self,
                                                      GAsyncResult       *result,
                                                      GError            **error);

/* Puts in the audit trail that someone chose to read a sensitive statement.
 * Nothing waits for it; a failure is logged. */
void        heard_store_note_statement_read     (HeardStore              *self,
                                                 gint64                   statement_id);

/* The young person's plan actions that an answer can link to, as
 * HeardPlanAction objects: those of their signed-off plan, which are never
 * removed, so that a link always leads somewhere. */
void        heard_store_list_linkable_actions_async  (HeardStore         *self,
                                                      gint64              person_id,
                                                      GCancellable       *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer            user_data);
GPtrArray  *heard_store_list_linkable_actions_finish (HeardStore         *self,
                                                      GAsyncResult       *result,
                                                      GError            **error)
                                                      G_GNUC_WARN_UNUSED_RESULT;

/* Full-text search of the words, the context, their notes and the answers
 * of everyone not removed. Finishes with at most HEARD_STATEMENT_SEARCH_LIMIT
 * + 1 HeardStatementMatch objects, newest first (one more than the limit
 * says there are more), or NULL when nothing searchable was typed. */
void        heard_store_search_statements_async  (HeardStore             *self,
                                                  const char             *typed,
                                                  GCancellable           *cancellable,
                                                  GAsyncReadyCallback     callback,
                                                  gpointer                user_data);
GPtrArray  *heard_store_search_statements_finish (HeardStore             *self,
                                                  GAsyncResult           *result,
                                                  GError                **error)
                                                  G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

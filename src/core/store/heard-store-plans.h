/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-plan.h"
#include "heard-store.h"

G_BEGIN_DECLS

void        heard_store_load_plans_async      (HeardStore               *self,
                                               gint64                    person_id,
                                               GCancellable             *cancellable,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  user_data);
GPtrArray  *heard_store_load_plans_finish     (HeardStore               *self,
                                               GAsyncResult             *result,
                                               GError                  **error)
                                               G_GNUC_WARN_UNUSED_RESULT;
void        heard_store_start_plan_async      (HeardStore               *self,
                                               gint64                    person_id,
                                               GCancellable             *cancellable,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  user_data);
gint64      heard_store_start_plan_finish     (HeardStore               *self,
                                               GAsyncResult             *result,
                                               GError                  **error);
void        heard_store_save_area_async       (HeardStore               *self,
                                               HeardPlanArea            *area,
                                               GCancellable             *cancellable,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  user_data);
gint64      heard_store_save_area_finish      (HeardStore               *self,
                                               GAsyncResult             *result,
                                               GError                  **error);
void        heard_store_remove_area_async     (HeardStore               *self,
                                               gint64                    area_id,
                                               GCancellable             *cancellable,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  user_data);
gboolean    heard_store_remove_area_finish    (HeardStore               *self,
                                               GAsyncResult             *result,
                                               GError                  **error);
void        heard_store_save_action_async     (HeardStore               *self,
                                               HeardPlanAction          *action,
                                               GCancellable             *cancellable,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  user_data);
gint64      heard_store_save_action_finish    (HeardStore               *self,
                                               GAsyncResult             *result,
                                               GError                  **error);
void        heard_store_remove_action_async   (HeardStore               *self,
                                               gint64                    action_id,
                                               GCancellable             *cancellable,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  user_data);
gboolean    heard_store_remove_action_finish  (HeardStore               *self,
                                               GAsyncResult             *result,
                                               GError                  **error);
void        heard_store_submit_plan_async     (HeardStore               *self,
                                               gint64                    plan_id,
                                               GCancellable             *cancellable,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  user_data);
gboolean    heard_store_submit_plan_finish    (HeardStore               *self,
                                               GAsyncResult             *result,
                                               GError                  **error);
void        heard_store_decide_plan_async     (HeardStore               *self,
                                               gint64                    plan_id,
                                               const HeardPlanDecision  *decision,
                                               const char               *passphrase,
                                               GCancellable             *cancellable,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  user_data);
gboolean    heard_store_decide_plan_finish    (HeardStore               *self,
                                               GAsyncResult             *result,
                                               GError                  **error);
void        heard_store_set_next_review_async (HeardStore               *self,
                                               gint64                    plan_id,
                                               const char               *date,
                                               GCancellable             *cancellable,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  user_data);
gboolean    heard_store_set_next_review_finish (HeardStore              *self,
                                                GAsyncResult            *result,
                                                GError                 **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-caseload-model.h"
#include "heard-store.h"

G_BEGIN_DECLS

/* Only the context makes the model and hands it the open store (NULL on
 * locking, which empties it). */
HeardCaseloadModel *_heard_caseload_model_new       (void) G_GNUC_WARN_UNUSED_RESULT;
void                _heard_caseload_model_set_store (HeardCaseloadModel *self,
                                                     HeardStore         *store);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-caseload-group.h"
#include "heard-live-list.h"

G_BEGIN_DECLS

#define HEARD_TYPE_CASELOAD_MODEL (heard_caseload_model_get_type ())

G_DECLARE_FINAL_TYPE (HeardCaseloadModel, heard_caseload_model, HEARD, CASELOAD_MODEL, HeardLiveList)

/* The caseload overview's sections that have something in them
 * (HeardCaseloadGroup), in the order the rules give: a GListModel that
 * the context keeps live. */
gboolean    heard_caseload_model_get_loaded  (HeardCaseloadModel *self);
const char *heard_caseload_model_get_failure (HeardCaseloadModel *self);

G_END_DECLS

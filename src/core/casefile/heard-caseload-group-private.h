/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-caseload-group.h"

G_BEGIN_DECLS

/* Only the caseload model makes groups: it takes the title and the items
 * (HeardOpenItem) of a section just read. */
HeardCaseloadGroup *_heard_caseload_group_new (char      *title,
                                               GPtrArray *items) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

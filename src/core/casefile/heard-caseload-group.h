/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "heard-open-item.h"

G_BEGIN_DECLS

#define HEARD_TYPE_CASELOAD_GROUP (heard_caseload_group_get_type ())

G_DECLARE_FINAL_TYPE (HeardCaseloadGroup, heard_caseload_group, HEARD, CASELOAD_GROUP, GObject)

/* One section of the caseload overview as it stands: read-only. */
const char          *heard_caseload_group_get_title        (HeardCaseloadGroup *self);
guint                heard_caseload_group_get_n_open_items (HeardCaseloadGroup *self);
HeardOpenItem       *heard_caseload_group_get_open_item    (HeardCaseloadGroup *self,
                                                           guint               position);
/* Whether the two say the same: the same title and the same items. */
gboolean             heard_caseload_group_equal            (HeardCaseloadGroup *self,
                                                           HeardCaseloadGroup *other);

G_END_DECLS

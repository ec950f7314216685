/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "heard-open-item.h"
#include "heard-store-chronology.h"

G_BEGIN_DECLS

/* What warning signs contribute to the closure check and to the caseload
 * overview (heard-store-open-items.c): for one young person, the signs of
 * the last months (HEARD_CLUSTER_CLOSURE_RECENT_MONTHS) and the clusters no
 * decision covers yet; across everyone on the list, those clusters.
 * Database thread only. */
GPtrArray *_heard_chronology_open_items (sqlite3      *db,
                                         gint64        person_id,
                                         const GDate  *today,
                                         GError      **error);
GPtrArray *_heard_chronology_gathering  (sqlite3      *db,
                                         const GDate  *today,
                                         GError      **error);

G_END_DECLS

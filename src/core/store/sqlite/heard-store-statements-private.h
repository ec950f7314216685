/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "heard-open-item.h"
#include "heard-store-statements.h"

G_BEGIN_DECLS

/* What statements contribute to the closure check and
 * to the caseload overview (heard-store-open-items.c): each statement still
 * waiting for an answer the young person was told about, oldest first,
 * never with their words. Database thread only. */
GPtrArray *_heard_statement_open_items  (sqlite3      *db,
                                         gint64        person_id,
                                         const GDate  *today,
                                         GError      **error);
GPtrArray *_heard_statement_outstanding (sqlite3      *db,
                                         const GDate  *today,
                                         GError      **error);

G_END_DECLS

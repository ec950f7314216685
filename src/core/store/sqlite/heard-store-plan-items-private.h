/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include <glib.h>

G_BEGIN_DECLS

/* What plans contribute to the closure check and to the caseload overview
 * (the tables in heard-store-open-items.c). Database thread only. */
GPtrArray *_heard_plan_open_items       (sqlite3      *db,
                                         gint64        person_id,
                                         const GDate  *today,
                                         GError      **error);
GPtrArray *_heard_plan_reviews_overdue  (sqlite3      *db,
                                         const GDate  *today,
                                         GError      **error);
GPtrArray *_heard_plan_reviews_due      (sqlite3      *db,
                                         const GDate  *today,
                                         GError      **error);
GPtrArray *_heard_plan_overdue_actions  (sqlite3      *db,
                                         const GDate  *today,
                                         GError      **error);
GPtrArray *_heard_plan_awaiting_review  (sqlite3      *db,
                                         const GDate  *today,
                                         GError      **error);

G_END_DECLS

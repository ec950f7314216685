/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "heard-closure-check.h"

G_BEGIN_DECLS

/*
 * A part of Heard that can leave something open about a young person
 * provides one of these, and adds it to the table in heard-closure-check.c.
 * It runs on the database thread and returns the open items (HeardOpenItem,
 * with g_object_unref as the array's free function), or NULL with
 * @error set.
 */
typedef GPtrArray *(*HeardOpenItemsFunc) (sqlite3      *db,
                                          gint64        person_id,
                                          const GDate  *today,
                                          GError      **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "heard-caseload.h"

G_BEGIN_DECLS

/*
 * A section of the caseload overview is a title and one of these, added to
 * the table in heard-caseload.c. It runs on the database thread and returns
 * the section's items across all young people still on the list
 * (HeardOpenItem, with g_object_unref as the array's free function),
 * or NULL with @error set.
 */
typedef GPtrArray *(*HeardCaseloadFunc) (sqlite3      *db,
                                         const GDate  *today,
                                         GError      **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-live-list.h"
#include "heard-staff.h"

G_BEGIN_DECLS

#define HEARD_TYPE_STAFF_LIST (heard_staff_list_get_type ())

G_DECLARE_FINAL_TYPE (HeardStaffList, heard_staff_list, HEARD, STAFF_LIST, HeardLiveList)

/* The staff set up and not retired (HeardStaff), caseworker first, then the
 * supervisors by name: a GListModel that the context keeps live. */
gboolean    heard_staff_list_get_loaded    (HeardStaffList *self);
HeardStaff *heard_staff_list_find_by_role  (HeardStaffList *self,
                                            HeardStaffRole  role);

G_END_DECLS

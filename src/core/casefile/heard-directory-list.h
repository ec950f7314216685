/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-directory-agency.h"
#include "heard-live-list.h"

G_BEGIN_DECLS

#define HEARD_TYPE_DIRECTORY_LIST (heard_directory_list_get_type ())

G_DECLARE_FINAL_TYPE (HeardDirectoryList, heard_directory_list, HEARD, DIRECTORY_LIST,
                      HeardLiveList)

/* The agencies directory (HeardDirectoryAgency), retired entries too (a
 * record may name one), by name: a GListModel that the context keeps live. */
HeardDirectoryAgency *heard_directory_list_lookup (HeardDirectoryList *self,
                                                   gint64              id);

G_END_DECLS

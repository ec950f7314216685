/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-context.h"

G_BEGIN_DECLS

#define HEARD_TYPE_CLUSTER_NUMBERS_GROUP (heard_cluster_numbers_group_get_type ())

G_DECLARE_FINAL_TYPE (HeardClusterNumbersGroup, heard_cluster_numbers_group, HEARD,
                      CLUSTER_NUMBERS_GROUP, AdwPreferencesGroup)

void heard_cluster_numbers_group_set_context (HeardClusterNumbersGroup *self,
                                              HeardContext             *context);

G_END_DECLS

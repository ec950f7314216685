/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-case-file.h"

G_BEGIN_DECLS

#define HEARD_TYPE_CLUSTER_STRIP (heard_cluster_strip_get_type ())

G_DECLARE_FINAL_TYPE (HeardClusterStrip, heard_cluster_strip, HEARD, CLUSTER_STRIP, AdwBin)

void heard_cluster_strip_set_case_file (HeardClusterStrip *self,
                                        HeardCaseFile     *case_file);

G_END_DECLS

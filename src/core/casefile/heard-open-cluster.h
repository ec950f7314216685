/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "heard-cluster-rules.h"

G_BEGIN_DECLS

#define HEARD_TYPE_OPEN_CLUSTER (heard_open_cluster_get_type ())

G_DECLARE_FINAL_TYPE (HeardOpenCluster, heard_open_cluster, HEARD, OPEN_CLUSTER, GObject)

/* One gathering of warning signs no decision covers yet, as the case file
 * finds it (heard_case_file_get_open_clusters()): read-only. */
HeardOpenCluster   *heard_open_cluster_new             (HeardCluster     *cluster,
                                                        const char       *description)
                                                        G_GNUC_WARN_UNUSED_RESULT;
const HeardCluster *heard_open_cluster_get_cluster     (HeardOpenCluster *self);
/* The prompt in words (heard_cluster_describe()). */
const char         *heard_open_cluster_get_description (HeardOpenCluster *self);
/* Whether the two name the same signs in the same words. */
gboolean            heard_open_cluster_equal           (HeardOpenCluster *self,
                                                        HeardOpenCluster *other);

G_END_DECLS

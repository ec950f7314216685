/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-case-file.h"
#include "heard-dialog.h"

G_BEGIN_DECLS

#define HEARD_TYPE_CLUSTER_DECISION_DIALOG (heard_cluster_decision_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HeardClusterDecisionDialog, heard_cluster_decision_dialog, HEARD,
                      CLUSTER_DECISION_DIALOG, HeardDialog)

/* Records what was decided about @cluster, one of @case_file's open ones. */
HeardClusterDecisionDialog *heard_cluster_decision_dialog_new (GtkWindow        *parent,
                                                               HeardCaseFile    *case_file,
                                                               HeardOpenCluster *cluster);

G_END_DECLS

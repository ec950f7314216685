/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-cluster-decision.h"
#include "heard-context.h"
#include "heard-dialog.h"

G_BEGIN_DECLS

#define HEARD_TYPE_CLUSTER_NUMBERS_DIALOG (heard_cluster_numbers_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HeardClusterNumbersDialog, heard_cluster_numbers_dialog, HEARD,
                      CLUSTER_NUMBERS_DIALOG, HeardDialog)

HeardClusterNumbersDialog *heard_cluster_numbers_dialog_new (GtkWindow                 *parent,
                                                             HeardContext              *context,
                                                             const HeardClusterNumbers *numbers);

G_END_DECLS

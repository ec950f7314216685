/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-dialog.h"
#include "heard-plan.h"
#include "heard-case-file.h"

G_BEGIN_DECLS

#define HEARD_TYPE_DECISION_DIALOG (heard_decision_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HeardDecisionDialog, heard_decision_dialog, HEARD, DECISION_DIALOG,
                      HeardDialog)

HeardDecisionDialog *heard_decision_dialog_new (GtkWindow  *parent,
                                                HeardCaseFile *case_file,
                                                HeardPlan  *plan);

G_END_DECLS

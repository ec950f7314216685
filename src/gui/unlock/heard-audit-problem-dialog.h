/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-context.h"
#include "heard-dialog.h"

G_BEGIN_DECLS

#define HEARD_TYPE_AUDIT_PROBLEM_DIALOG (heard_audit_problem_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HeardAuditProblemDialog, heard_audit_problem_dialog, HEARD,
                      AUDIT_PROBLEM_DIALOG, HeardDialog)

HeardAuditProblemDialog *heard_audit_problem_dialog_new (GtkWindow    *parent,
                                                         HeardContext *context);

G_END_DECLS

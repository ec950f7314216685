/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-dialog.h"
#include "heard-statement.h"
#include "heard-case-file.h"

G_BEGIN_DECLS

/* "You said — we did": answers a statement with what was done, the plan
 * actions that carry it, and when the young person was told. Emits "saved"
 * once the answer is stored. */

#define HEARD_TYPE_RESPONSE_DIALOG (heard_response_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HeardResponseDialog, heard_response_dialog, HEARD, RESPONSE_DIALOG,
                      HeardDialog)

HeardResponseDialog *heard_response_dialog_new (GtkWindow      *parent,
                                                HeardCaseFile *case_file,
                                                HeardStatement *statement);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-dialog.h"
#include "heard-statement.h"
#include "heard-case-file.h"

G_BEGIN_DECLS

/* Amends a statement: a corrected copy of its newest version, with a
 * reason, saved as the next version. The original is never touched. Emits
 * "saved" once it is stored. */

#define HEARD_TYPE_AMENDMENT_DIALOG (heard_amendment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HeardAmendmentDialog, heard_amendment_dialog, HEARD, AMENDMENT_DIALOG,
                      HeardDialog)

HeardAmendmentDialog *heard_amendment_dialog_new       (GtkWindow            *parent,
                                                        HeardCaseFile *case_file,
                                                        HeardStatement       *current);

G_END_DECLS

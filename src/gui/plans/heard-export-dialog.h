/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-case-file.h"
#include "heard-dialog.h"
#include "heard-export-note.h"
#include "heard-plan.h"

G_BEGIN_DECLS

#define HEARD_TYPE_EXPORT_DIALOG (heard_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HeardExportDialog, heard_export_dialog, HEARD, EXPORT_DIALOG, HeardDialog)

/* Asks who @plan is for and which of the young person's words go in, then
 * exports it as a PDF (@kind HEARD_EXPORT_PDF) or prints it
 * (HEARD_EXPORT_PRINT): its main button does @kind, another the other. */
HeardExportDialog *heard_export_dialog_new (GtkWindow       *parent,
                                            HeardCaseFile   *case_file,
                                            HeardPlan       *plan,
                                            HeardExportKind  kind);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-case-file.h"
#include "heard-dialog.h"
#include "heard-plan-document.h"

G_BEGIN_DECLS

#define HEARD_TYPE_RECORD_EXPORT_DIALOG (heard_record_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HeardRecordExportDialog, heard_record_export_dialog, HEARD,
                      RECORD_EXPORT_DIALOG, HeardDialog)

/* "Export My Record…" or "Subject Access Export…" for the young person of
 * @case_file: the names of other people to remove, then where the PDF
 * goes. */
HeardRecordExportDialog *heard_record_export_dialog_new (GtkWindow               *parent,
                                                         HeardCaseFile           *case_file,
                                                         HeardRecordDocumentKind  kind)
                                                         G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

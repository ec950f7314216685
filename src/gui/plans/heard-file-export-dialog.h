/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-case-file.h"
#include "heard-dialog.h"

G_BEGIN_DECLS

#define HEARD_TYPE_FILE_EXPORT_DIALOG (heard_file_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HeardFileExportDialog, heard_file_export_dialog, HEARD,
                      FILE_EXPORT_DIALOG, HeardDialog)

/* What the dialog exports. */
typedef enum
{
  /* Review and action due dates, as an iCalendar file. */
  HEARD_FILE_EXPORT_CALENDAR,
  /* Check-ins, or warning signs and strengths, as CSV. */
  HEARD_FILE_EXPORT_SPREADSHEET,
} HeardFileExportKind;

/* Asks what goes in a calendar or a spreadsheet of the young person's
 * records, and where it goes, then exports it. */
HeardFileExportDialog *heard_file_export_dialog_new (GtkWindow           *parent,
                                                     HeardCaseFile       *case_file,
                                                     HeardFileExportKind  kind);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-file-export-dialog.h"

G_BEGIN_DECLS

/* For tests: exports as chosen to @file, as the file chooser's answer
 * would, without showing it. */
void _heard_file_export_dialog_export_to (HeardFileExportDialog *self,
                                          GFile                 *file);

G_END_DECLS

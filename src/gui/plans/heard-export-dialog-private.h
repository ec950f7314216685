/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-export-dialog.h"

G_BEGIN_DECLS

/* For tests: prints as Print… does, with the same recipient, words and
 * audit note, but into a PDF at @path without asking (the print
 * operation's export action, which draws through the same signals). */
void _heard_export_dialog_print_to_file (HeardExportDialog *self,
                                         const char        *path);

G_END_DECLS

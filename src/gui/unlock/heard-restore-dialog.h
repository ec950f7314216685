/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-context.h"
#include "heard-dialog.h"

G_BEGIN_DECLS

#define HEARD_TYPE_RESTORE_DIALOG (heard_restore_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HeardRestoreDialog, heard_restore_dialog, HEARD, RESTORE_DIALOG, HeardDialog)

HeardRestoreDialog *heard_restore_dialog_new (GtkWindow    *parent,
                                              HeardContext *context);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-restore-dialog.h"

G_BEGIN_DECLS

/* What choosing @path in the file chooser does; the UI tests call it, as
 * they cannot drive a native chooser. */
void _heard_restore_dialog_choose_file (HeardRestoreDialog *self,
                                        const char         *path);

G_END_DECLS

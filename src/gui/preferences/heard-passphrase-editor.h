/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-context.h"
#include "heard-dialog.h"

G_BEGIN_DECLS

#define HEARD_TYPE_PASSPHRASE_EDITOR (heard_passphrase_editor_get_type ())

G_DECLARE_FINAL_TYPE (HeardPassphraseEditor, heard_passphrase_editor, HEARD, PASSPHRASE_EDITOR,
                      HeardDialog)

HeardPassphraseEditor *heard_passphrase_editor_new (GtkWindow    *parent,
                                                    HeardContext *context);

G_END_DECLS

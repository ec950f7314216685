/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HEARD_TYPE_RECOVERY_CODE_ENTRY (heard_recovery_code_entry_get_type ())

G_DECLARE_FINAL_TYPE (HeardRecoveryCodeEntry, heard_recovery_code_entry, HEARD,
                      RECOVERY_CODE_ENTRY, GtkEntry)

G_END_DECLS

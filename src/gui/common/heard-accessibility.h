/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void heard_accessibility_name_entry_rows (GtkWidget *root);
void heard_accessibility_name_mnemonics  (GtkWidget *root);

G_END_DECLS

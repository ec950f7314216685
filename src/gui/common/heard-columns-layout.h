/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HEARD_TYPE_COLUMNS_LAYOUT (heard_columns_layout_get_type ())

G_DECLARE_FINAL_TYPE (HeardColumnsLayout, heard_columns_layout, HEARD, COLUMNS_LAYOUT,
                      GtkLayoutManager)

/* Set up in .ui files, through its min-column-width and spacing properties. */

G_END_DECLS

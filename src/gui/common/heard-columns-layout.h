/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HEARD_TYPE_COLUMNS_LAYOUT (heard_columns_layout_get_type ())

G_DECLARE_FINAL_TYPE (HeardColumnsLayout, heard_columns_layout, HEARD, COLUMNS_LAYOUT,
                      GtkLayoutManager)

GtkLayoutManager *heard_columns_layout_new                  (void);

int               heard_columns_layout_get_min_column_width (HeardColumnsLayout *self);
void              heard_columns_layout_set_min_column_width (HeardColumnsLayout *self,
                                                             int                 width);
int               heard_columns_layout_get_spacing          (HeardColumnsLayout *self);
void              heard_columns_layout_set_spacing          (HeardColumnsLayout *self,
                                                             int                 spacing);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-open-item.h"

G_BEGIN_DECLS

GtkWidget *heard_open_item_row_new (HeardOpenItem *item,
                                    gboolean       show_person);

G_END_DECLS

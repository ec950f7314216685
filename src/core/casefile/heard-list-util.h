/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Whether the row already shown (@old) can stay for the row just read. */
typedef gboolean (*HeardSameFunc) (gpointer old,
                                   gpointer fresh);

gboolean heard_list_store_update (GListStore    *model,
                                  GPtrArray     *fresh,
                                  HeardSameFunc  same);

G_END_DECLS

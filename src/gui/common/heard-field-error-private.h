/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkLabel *_heard_field_error_get_label (GtkWidget *field);

G_END_DECLS

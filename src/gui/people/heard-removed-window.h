/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-context.h"

G_BEGIN_DECLS

#define HEARD_TYPE_REMOVED_WINDOW (heard_removed_window_get_type ())

G_DECLARE_FINAL_TYPE (HeardRemovedWindow, heard_removed_window, HEARD, REMOVED_WINDOW, AdwWindow)

HeardRemovedWindow *heard_removed_window_new (GtkWindow    *parent,
                                              HeardContext *context) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-context.h"

G_BEGIN_DECLS

#define HEARD_TYPE_PREFERENCES_WINDOW (heard_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (HeardPreferencesWindow, heard_preferences_window, HEARD,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

HeardPreferencesWindow *heard_preferences_window_new (GtkWindow    *parent,
                                                      HeardContext *context);
void                    heard_preferences_window_show_backups (HeardPreferencesWindow *self);

G_END_DECLS

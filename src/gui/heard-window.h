/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-application.h"
#include "heard-context.h"

G_BEGIN_DECLS

#define HEARD_TYPE_WINDOW (heard_window_get_type ())

G_DECLARE_FINAL_TYPE (HeardWindow, heard_window, HEARD, WINDOW, AdwApplicationWindow)

HeardWindow  *heard_window_new         (HeardApplication *application,
                                        HeardContext     *context) G_GNUC_WARN_UNUSED_RESULT;
HeardContext *heard_window_get_context (HeardWindow      *self);

G_END_DECLS

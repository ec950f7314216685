/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-codesign-window.h"

G_BEGIN_DECLS

/* For the UI tests: the page shown ("together", "paused", "leave",
 * "edit", "say") and the field where staff type their passphrase to leave. */
const char *_heard_codesign_window_get_visible_page (HeardCodesignWindow *self);
GtkWidget  *_heard_codesign_window_get_passphrase_entry (HeardCodesignWindow *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-desktop-watch.h"

G_BEGIN_DECLS

/* For tests: how many bus calls of the watch's setting up are still under
 * way (0 once it listens for everything there is to listen to), and
 * whether it holds logind's sleep inhibitor now. */
guint    _heard_desktop_watch_get_pending        (HeardDesktopWatch *self);
gboolean _heard_desktop_watch_holds_inhibitor    (HeardDesktopWatch *self);

G_END_DECLS

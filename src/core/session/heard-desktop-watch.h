/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HEARD_TYPE_DESKTOP_WATCH (heard_desktop_watch_get_type ())

G_DECLARE_FINAL_TYPE (HeardDesktopWatch, heard_desktop_watch, HEARD, DESKTOP_WATCH, GObject)

/* Watches the desktop for the moments Heard must lock: the screen saver
 * coming on, the session being locked, the computer going to sleep. Emits
 * "lock-requested" (no arguments) for each. Before sleep, it holds the
 * sleep back (a logind delay inhibitor) until heard_desktop_watch_lock_finished()
 * says the records are locked. A desktop without these services is no error. */
HeardDesktopWatch *heard_desktop_watch_new           (void) G_GNUC_WARN_UNUSED_RESULT;
void               heard_desktop_watch_lock_finished (HeardDesktopWatch *self);

G_END_DECLS

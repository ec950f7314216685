/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HEARD_TYPE_IDLE_TIMER (heard_idle_timer_get_type ())

G_DECLARE_FINAL_TYPE (HeardIdleTimer, heard_idle_timer, HEARD, IDLE_TIMER, GObject)

HeardIdleTimer *heard_idle_timer_new          (void) G_GNUC_WARN_UNUSED_RESULT;
/* How long without input before "idle" is emitted, in minutes; 0 never. */
guint           heard_idle_timer_get_minutes  (HeardIdleTimer *self);
void            heard_idle_timer_set_minutes  (HeardIdleTimer *self,
                                               guint           minutes);
/* Someone used Heard (a key, the pointer): the count starts again. */
void            heard_idle_timer_note_activity (HeardIdleTimer *self);

G_END_DECLS

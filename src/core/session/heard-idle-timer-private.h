/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-idle-timer.h"

G_BEGIN_DECLS

/* For tests: a clock of their own (monotonic microseconds) in place of
 * g_get_monotonic_time(), and a look at it now rather than when the
 * timer's own timeout would. */
typedef gint64 (*HeardIdleClock) (gpointer data);

void _heard_idle_timer_set_clock (HeardIdleTimer *self,
                                  HeardIdleClock  clock,
                                  gpointer        data);
void _heard_idle_timer_check     (HeardIdleTimer *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-application.h"
#include "heard-idle-timer.h"

G_BEGIN_DECLS

void _heard_application_add_actions  (HeardApplication *self);
void _heard_application_open_practice (HeardApplication *self);
/* app.quick-hide: every window neutral at once, then every lock. */
void _heard_application_quick_hide    (HeardApplication *self);
/* For tests, which move its clock. */
HeardIdleTimer *_heard_application_get_idle_timer (HeardApplication *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-timeline.h"

G_BEGIN_DECLS

/* For the tests: what is shown, and the drawing as laid out last. */
const HeardChronologyView *_heard_timeline_get_view       (HeardTimeline *self);
const HeardChronology     *_heard_timeline_get_chronology (HeardTimeline *self);

G_END_DECLS

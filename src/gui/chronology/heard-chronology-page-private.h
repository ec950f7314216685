/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-chronology-page.h"
#include "heard-timeline.h"

G_BEGIN_DECLS

/* For the tests: the drawing and the list that tells it in words. */
HeardTimeline *_heard_chronology_page_get_timeline (HeardChronologyPage *self);
GtkListBox    *_heard_chronology_page_get_list     (HeardChronologyPage *self);

G_END_DECLS

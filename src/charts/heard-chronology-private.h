/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-chronology.h"

G_BEGIN_DECLS

/* Where the latest layout put things, so tests can look for pixels where an
 * event's mark should be. */
gboolean _heard_chronology_get_mark      (const HeardChronology *chronology,
                                          gint64                 event_id,
                                          double                *x,
                                          double                *y,
                                          double                *radius);
void     _heard_chronology_get_lane_band (const HeardChronology *chronology,
                                          guint                  lane,
                                          double                *top,
                                          double                *bottom);

G_END_DECLS

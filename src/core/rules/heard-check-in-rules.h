/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-check-in.h"

G_BEGIN_DECLS

/* How far apart the young person's and the worker's ratings of one area
 * are before Heard points the gap out: something to talk about together,
 * not a mistake to correct. */
#define HEARD_CHECK_IN_GAP_TO_TALK_ABOUT 3

gboolean heard_ratings_worth_talking_about (const HeardRating *young_person,
                                            const HeardRating *worker);
gboolean heard_check_in_area_to_talk_about (HeardCheckIn      *check_in,
                                            HeardAreaKind      area);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Shift pressed three times on its own within a few seconds, as GOV.UK's
 * "Exit this page" taught survivors and workers, asks for a quick hide.
 * This is the counting alone, with no toolkit: a window feeds it what the
 * keyboard did and when, and acts when it says the pattern is complete. */

/* How many taps of Shift on its own make the pattern, and within how long
 * of the first of them (microseconds). */
#define HEARD_SHIFT_TALLY_TAPS   3
#define HEARD_SHIFT_TALLY_WINDOW (3 * G_USEC_PER_SEC)

typedef enum
{
  /* A Shift key went down while no other key was held. */
  HEARD_SHIFT_EVENT_SHIFT_PRESSED,
  /* A Shift key came up. */
  HEARD_SHIFT_EVENT_SHIFT_RELEASED,
  /* Any other key went down: Shift was (or would be) a modifier. */
  HEARD_SHIFT_EVENT_OTHER_KEY,
} HeardShiftEvent;

typedef struct
{
  /*< private >*/
  guint   taps;
  gint64  first_tap;
  /* Shift is down and no other key has been pressed since it went down. */
  gboolean shift_alone;
} HeardShiftTally;

void     heard_shift_tally_reset (HeardShiftTally *tally);
/* Feeds one event, at @time (monotonic, microseconds). Returns TRUE when
 * this event completes the pattern; the tally then starts again. */
gboolean heard_shift_tally_feed  (HeardShiftTally *tally,
                                  HeardShiftEvent  event,
                                  gint64           time);

G_END_DECLS

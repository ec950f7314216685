/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-shift-tally"

#include "config.h"

#include "heard-shift-tally.h"

/*
 * The Shift×3 quick-hide pattern as a small state machine, so that what
 * counts as a tap can be tested on event sequences without a display: a
 * tap is a Shift press and its release with no other key between them;
 * any other key, pressed at any time, starts the count again; the taps
 * must all fall within HEARD_SHIFT_TALLY_WINDOW of the first.
 */

void
heard_shift_tally_reset (HeardShiftTally *tally)
{
  g_return_if_fail (tally != NULL);

  tally->taps = 0;
  tally->first_tap = 0;
  tally->shift_alone = FALSE;
}

gboolean
heard_shift_tally_feed (HeardShiftTally *tally,
                        HeardShiftEvent  event,
                        gint64           time)
{
  g_return_val_if_fail (tally != NULL, FALSE);

  switch (event)
    {
    case HEARD_SHIFT_EVENT_SHIFT_PRESSED:
      tally->shift_alone = TRUE;
      return FALSE;

    case HEARD_SHIFT_EVENT_OTHER_KEY:
      heard_shift_tally_reset (tally);
      return FALSE;

    case HEARD_SHIFT_EVENT_SHIFT_RELEASED:
      if (!tally->shift_alone)
        return FALSE;
      tally->shift_alone = FALSE;

      /* Too slow: this tap is the first of a new count. */
      if (tally->taps > 0 && time - tally->first_tap > HEARD_SHIFT_TALLY_WINDOW)
        tally->taps = 0;
      if (tally->taps == 0)
        tally->first_tap = time;
      tally->taps++;

      if (tally->taps < HEARD_SHIFT_TALLY_TAPS)
        return FALSE;

      heard_shift_tally_reset (tally);
      return TRUE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

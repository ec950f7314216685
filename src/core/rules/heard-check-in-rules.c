/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-check-in"

#include "config.h"

#include "heard-check-in-rules.h"

/*
 * The one rule about a check-in's two ratings: they are never averaged,
 * and a gap of HEARD_CHECK_IN_GAP_TO_TALK_ABOUT or more is worth talking
 * about. The view, the PDF and the charts all ask here, so they agree.
 */

/* Only two given ratings can differ: a skipped one or "I'd rather not
 * say" is no disagreement. */
gboolean
heard_ratings_worth_talking_about (const HeardRating *young_person,
                                   const HeardRating *worker)
{
  guint gap;

  g_return_val_if_fail (young_person != NULL && worker != NULL, FALSE);

  if (young_person->state != HEARD_RATING_GIVEN || worker->state != HEARD_RATING_GIVEN)
    return FALSE;

  gap = young_person->value > worker->value ? young_person->value - worker->value
                                            : worker->value - young_person->value;
  return gap >= HEARD_CHECK_IN_GAP_TO_TALK_ABOUT;
}

gboolean
heard_check_in_area_to_talk_about (HeardCheckIn  *check_in,
                                   HeardAreaKind  area)
{
  HeardRating theirs, worker;

  g_return_val_if_fail (HEARD_IS_CHECK_IN (check_in), FALSE);

  return heard_check_in_get_rating (check_in, area, HEARD_RATER_YOUNG_PERSON, &theirs) &&
         heard_check_in_get_rating (check_in, area, HEARD_RATER_WORKER, &worker) &&
         heard_ratings_worth_talking_about (&theirs, &worker);
}

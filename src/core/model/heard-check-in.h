/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "heard-plan-area.h"

G_BEGIN_DECLS

/*
 * A check-in: on one day, how each area of a plan is going, rated 0 to 10
 * by the young person and, separately, by their worker; the young person's
 * own safety scale; what they said about it, in their words; the worker's
 * note; who was there. The two ratings are kept side by side and never
 * averaged. A check-in is a record: once saved it is never changed.
 */

/* The free-text parts of a check-in, in column order. */
typedef enum /*< skip >*/
{
  HEARD_CHECK_IN_DAY,
  HEARD_CHECK_IN_THEIR_WORDS,
  HEARD_CHECK_IN_WORKER_NOTE,
  HEARD_CHECK_IN_PRESENT,
  HEARD_CHECK_IN_N_TEXTS
} HeardCheckInText;

/* Whether a rating was given. Skipped (not asked, or passed over) and
 * "I'd rather not say" (asked, and they chose not to answer) mean different
 * things, so they are kept apart. The nicks are what the records keep. */
typedef enum
{
  HEARD_RATING_GIVEN,           /*< nick=given >*/
  HEARD_RATING_SKIPPED,         /*< nick=skipped >*/
  HEARD_RATING_RATHER_NOT_SAY,  /*< nick=rather-not-say >*/
} HeardRatingState;

/* Who gave a rating. */
typedef enum
{
  HEARD_RATER_YOUNG_PERSON,     /*< nick=young-person >*/
  HEARD_RATER_WORKER,           /*< nick=worker >*/
} HeardRater;

#define HEARD_N_RATERS 2
#define HEARD_RATING_MAX 10
#define HEARD_CHECK_IN_MAX_WORDS_CHARS 100000

/* One rating: its value (0 to HEARD_RATING_MAX) means something only when
 * @state is HEARD_RATING_GIVEN, and is 0 otherwise. */
typedef struct
{
  HeardRatingState state;
  guint            value;
} HeardRating;

#define HEARD_TYPE_CHECK_IN (heard_check_in_get_type ())

G_DECLARE_FINAL_TYPE (HeardCheckIn, heard_check_in, HEARD, CHECK_IN, GObject)

HeardCheckIn  *heard_check_in_new             (gint64             plan_id) G_GNUC_WARN_UNUSED_RESULT;
HeardCheckIn  *heard_check_in_copy            (HeardCheckIn      *self) G_GNUC_WARN_UNUSED_RESULT;

gint64         heard_check_in_get_id          (HeardCheckIn      *self);
void           heard_check_in_set_id          (HeardCheckIn      *self,
                                               gint64             id);
gint64         heard_check_in_get_plan_id     (HeardCheckIn      *self);
/* The young person whose plan it is; set by the store. */
gint64         heard_check_in_get_person_id   (HeardCheckIn      *self);
void           heard_check_in_set_person_id   (HeardCheckIn      *self,
                                               gint64             person_id);
const char    *heard_check_in_get_text        (HeardCheckIn      *self,
                                               HeardCheckInText   field);
void           heard_check_in_set_text        (HeardCheckIn      *self,
                                               HeardCheckInText   field,
                                               const char        *text);
/* The day, as YYYY-MM-DD once saved. */
const char    *heard_check_in_get_day         (HeardCheckIn      *self);

/* The areas rated, in the order of HeardAreaKind. Setting a rating adds
 * its area; an area once added has both raters' ratings (skipped until
 * set). */
guint          heard_check_in_get_n_areas     (HeardCheckIn      *self);
HeardAreaKind  heard_check_in_get_area        (HeardCheckIn      *self,
                                               guint              index);
void           heard_check_in_set_rating      (HeardCheckIn      *self,
                                               HeardAreaKind      area,
                                               HeardRater         rater,
                                               HeardRatingState   state,
                                               guint              value);
gboolean       heard_check_in_get_rating      (HeardCheckIn      *self,
                                               HeardAreaKind      area,
                                               HeardRater         rater,
                                               HeardRating       *rating);
/* Whether @rater rated any area (or said they would rather not): a check-in
 * the young person rated alone has no worker's rating to show. */
gboolean       heard_check_in_rated_by        (HeardCheckIn      *self,
                                               HeardRater         rater);
/* The young person's own "how safe do you feel", 0 to 10. */
void           heard_check_in_set_safety      (HeardCheckIn      *self,
                                               HeardRatingState   state,
                                               guint              value);
void           heard_check_in_get_safety      (HeardCheckIn      *self,
                                               HeardRating       *rating);

/* Who saved it and when (an ISO 8601 UTC time); set by the store. */
const char    *heard_check_in_get_saved_by    (HeardCheckIn      *self);
const char    *heard_check_in_get_saved_at    (HeardCheckIn      *self);
void           heard_check_in_set_saved       (HeardCheckIn      *self,
                                               const char        *saved_by,
                                               const char        *saved_at);

gboolean       heard_check_in_validate        (HeardCheckIn      *self,
                                               GError           **error);

const char    *heard_rating_state_to_code     (HeardRatingState   state);
gboolean       heard_rating_state_from_code   (const char        *code,
                                               HeardRatingState  *state);
const char    *heard_rater_to_code            (HeardRater         rater);
gboolean       heard_rater_from_code          (const char        *code,
                                               HeardRater        *rater);

G_END_DECLS

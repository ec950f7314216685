/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-check-ins"

/*
 * A check-in on its own, before any store: what may be saved (a real day,
 * not in the future; ratings 0 to 10 or not given), that skipped and "I'd
 * rather not say" stay apart, that their words are kept exactly, and the
 * one rule about the two ratings: never averaged, a gap of 3 or more is
 * something to talk about, and a rating not given is no gap at all.
 */

#include "config.h"

#include "heard-check-in-rules.h"
#include "heard-store.h"
#include "heard-test-utils.h"

static HeardCheckIn *
valid_check_in (void)
{
  return heard_test_check_in_new (1, "2026-05-04", HEARD_AREA_HEALTH, 5, 5);
}

static void
assert_invalid (HeardCheckIn *check_in)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (heard_check_in_validate (check_in, &error));
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_validate (void)
{
  g_autoptr(HeardCheckIn) check_in = valid_check_in ();
  g_autoptr(HeardCheckIn) empty = heard_check_in_new (1);
  g_autoptr(GError) error = NULL;

  g_assert_true (heard_check_in_validate (check_in, &error));
  g_assert_no_error (error);

  /* Days as Heard reads them everywhere; none after today. */
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_DAY, "31/02/2026");
  assert_invalid (check_in);
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_DAY, "2199-01-01");
  assert_invalid (check_in);
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_DAY, "");
  assert_invalid (check_in);
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_DAY, "04/05/2026");
  g_assert_true (heard_check_in_validate (check_in, NULL));

  /* 0 and 10 are ratings; 11 is not. */
  heard_check_in_set_rating (check_in, HEARD_AREA_HEALTH, HEARD_RATER_WORKER,
                             HEARD_RATING_GIVEN, 0);
  heard_check_in_set_safety (check_in, HEARD_RATING_GIVEN, 10);
  g_assert_true (heard_check_in_validate (check_in, NULL));
  heard_check_in_set_rating (check_in, HEARD_AREA_HEALTH, HEARD_RATER_YOUNG_PERSON,
                             HEARD_RATING_GIVEN, 11);
  assert_invalid (check_in);
  heard_check_in_set_rating (check_in, HEARD_AREA_HEALTH, HEARD_RATER_YOUNG_PERSON,
                             HEARD_RATING_SKIPPED, 0);
  heard_check_in_set_safety (check_in, HEARD_RATING_GIVEN, 11);
  assert_invalid (check_in);

  /* A check-in rates at least one area. */
  heard_check_in_set_text (empty, HEARD_CHECK_IN_DAY, "2026-05-04");
  assert_invalid (empty);
}

static void
test_ratings_kept_apart (void)
{
  g_autoptr(HeardCheckIn) check_in = valid_check_in ();
  g_autoptr(HeardCheckIn) copy = NULL;
  const char *words = "  I'm OK,\n\"honestly\"  — mostly ";
  HeardRating rating;

  heard_check_in_set_rating (check_in, HEARD_AREA_HOME, HEARD_RATER_YOUNG_PERSON,
                             HEARD_RATING_RATHER_NOT_SAY, 7);
  heard_check_in_set_rating (check_in, HEARD_AREA_SAFETY, HEARD_RATER_WORKER,
                             HEARD_RATING_GIVEN, 2);
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_THEIR_WORDS, words);
  copy = heard_check_in_copy (check_in);

  /* Areas in the order of the kinds, each with both raters. */
  g_assert_cmpuint (heard_check_in_get_n_areas (copy), ==, 3);
  g_assert_cmpint (heard_check_in_get_area (copy, 0), ==, HEARD_AREA_SAFETY);
  g_assert_cmpint (heard_check_in_get_area (copy, 1), ==, HEARD_AREA_HEALTH);
  g_assert_cmpint (heard_check_in_get_area (copy, 2), ==, HEARD_AREA_HOME);

  g_assert_true (heard_check_in_get_rating (copy, HEARD_AREA_HOME, HEARD_RATER_YOUNG_PERSON,
                                            &rating));
  g_assert_cmpint (rating.state, ==, HEARD_RATING_RATHER_NOT_SAY);
  g_assert_cmpuint (rating.value, ==, 0);
  g_assert_true (heard_check_in_get_rating (copy, HEARD_AREA_HOME, HEARD_RATER_WORKER, &rating));
  g_assert_cmpint (rating.state, ==, HEARD_RATING_SKIPPED);
  g_assert_true (heard_check_in_get_rating (copy, HEARD_AREA_SAFETY, HEARD_RATER_WORKER,
                                            &rating));
  g_assert_cmpint (rating.state, ==, HEARD_RATING_GIVEN);
  g_assert_cmpuint (rating.value, ==, 2);
  g_assert_false (heard_check_in_get_rating (copy, HEARD_AREA_JUSTICE, HEARD_RATER_WORKER,
                                             &rating));
  g_assert_true (heard_check_in_validate (copy, NULL));
  g_assert_cmpstr (heard_check_in_get_text (copy, HEARD_CHECK_IN_THEIR_WORDS), ==, words);

  g_assert_cmpstr (heard_rating_state_to_code (HEARD_RATING_SKIPPED), ==, "skipped");
  g_assert_cmpstr (heard_rating_state_to_code (HEARD_RATING_RATHER_NOT_SAY), ==,
                   "rather-not-say");
}

static void
test_gap_to_talk_about (void)
{
  const struct { HeardRatingState theirs_state; guint theirs; HeardRatingState worker_state;
                 guint worker; gboolean talk; } cases[] = {
    { HEARD_RATING_GIVEN, 8, HEARD_RATING_GIVEN, 5, TRUE },
    { HEARD_RATING_GIVEN, 5, HEARD_RATING_GIVEN, 8, TRUE },
    { HEARD_RATING_GIVEN, 0, HEARD_RATING_GIVEN, 10, TRUE },
    { HEARD_RATING_GIVEN, 7, HEARD_RATING_GIVEN, 5, FALSE },
    { HEARD_RATING_GIVEN, 4, HEARD_RATING_GIVEN, 4, FALSE },
    { HEARD_RATING_SKIPPED, 0, HEARD_RATING_GIVEN, 9, FALSE },
    { HEARD_RATING_GIVEN, 9, HEARD_RATING_RATHER_NOT_SAY, 0, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HeardCheckIn) check_in = heard_check_in_new (1);

      heard_check_in_set_rating (check_in, HEARD_AREA_EDUCATION, HEARD_RATER_YOUNG_PERSON,
                                 cases[i].theirs_state, cases[i].theirs);
      heard_check_in_set_rating (check_in, HEARD_AREA_EDUCATION, HEARD_RATER_WORKER,
                                 cases[i].worker_state, cases[i].worker);
      g_assert_cmpint (heard_check_in_area_to_talk_about (check_in, HEARD_AREA_EDUCATION), ==,
                       cases[i].talk);
    }
}

int
main (int   argc,
      char *argv[])
{
  heard_test_init (&argc, &argv);

  g_test_add_func ("/check-ins/validate", test_validate);
  g_test_add_func ("/check-ins/ratings-kept-apart", test_ratings_kept_apart);
  g_test_add_func ("/check-ins/gap-to-talk-about", test_gap_to_talk_about);

  return g_test_run ();
}

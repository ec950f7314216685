/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-redaction"

#include "config.h"

#include <glib.h>

#include "heard-redaction.h"

/*
 * Other people's names taken out of an export: whole words only, whatever
 * the case, accents or encoding, names of several words across spaces and
 * line breaks, inside the young person's own words too; a name that is
 * part of a longer word stays, and everything else is copied unchanged.
 */

#define REMOVED "[name removed]"

static char *
redact (const char *const *names,
        const char        *text)
{
  g_autoptr(HeardRedaction) redaction = heard_redaction_new (names);

  return heard_redaction_apply (redaction, text);
}

static void
test_whole_words (void)
{
  const char *names[] = { "Sam", NULL };
  g_autofree char *text = redact (names, "Sam said Samantha and sam, Sam's mum, SAM.");

  g_assert_cmpstr (text, ==, REMOVED " said Samantha and " REMOVED ", " REMOVED "'s mum, "
                   REMOVED ".");
}

static void
test_part_of_longer_word (void)
{
  const char *names[] = { "Ali", NULL };
  g_autofree char *text = redact (names, "Alice and Khalid talked about Alison.");

  g_assert_cmpstr (text, ==, "Alice and Khalid talked about Alison.");
}

static void
test_their_own_words (void)
{
  const char *names[] = { "Jordan Price", "Kev", NULL };
  g_autofree char *text = redact (names, "I told jordan price and then kev came round. "
                                  "Jordan\n  Price was there.");

  g_assert_cmpstr (text, ==, "I told " REMOVED " and then " REMOVED " came round. "
                   REMOVED " was there.");
}

static void
test_diacritics (void)
{
  /* Listed precomposed; written decomposed (e + combining diaeresis), in
   * capitals, and without the accent. */
  const char *names[] = { "Zo\303\253", "Jos\303\251 Mar\303\255a", NULL };
  g_autofree char *text = redact (names, "Zoe\314\210 and ZO\303\213 and Zoe met "
                                  "JOSE MARIA and Jos\303\251 Mar\303\255a; Zo\303\253l stayed.");

  g_assert_cmpstr (text, ==, REMOVED " and " REMOVED " and " REMOVED " met " REMOVED " and "
                   REMOVED "; Zo\303\253l stayed.");
}

static void
test_longest_first (void)
{
  const char *names[] = { "Mary", "Mary Ann", NULL };
  g_autofree char *text = redact (names, "Mary Ann and Mary.");

  g_assert_cmpstr (text, ==, REMOVED " and " REMOVED ".");
}

static void
test_nothing_to_remove (void)
{
  const char *names[] = { "  ", "", NULL };
  g_autoptr(HeardRedaction) redaction = heard_redaction_new (names);
  g_autofree char *text = heard_redaction_apply (redaction, "Nothing changes here.");
  g_autofree char *none = heard_redaction_apply (redaction, NULL);

  g_assert_cmpuint (heard_redaction_get_n_names (redaction), ==, 0);
  g_assert_cmpstr (text, ==, "Nothing changes here.");
  g_assert_null (none);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/redaction/whole-words", test_whole_words);
  g_test_add_func ("/redaction/part-of-longer-word", test_part_of_longer_word);
  g_test_add_func ("/redaction/their-own-words", test_their_own_words);
  g_test_add_func ("/redaction/diacritics", test_diacritics);
  g_test_add_func ("/redaction/longest-first", test_longest_first);
  g_test_add_func ("/redaction/nothing-to-remove", test_nothing_to_remove);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-language-check"

#include "config.h"

#include "heard-fuzz.h"
#include "heard-language-check.h"

/*
 * The language checker runs on everything staff type, as they type it, in
 * any script. For any text it must not crash, and each suggestion it makes
 * must sit where a text view can underline it: inside the text, in order,
 * never overlapping, on whole words, and on words that by themselves are
 * that same phrase again.
 */

/* As the checker reads a word: letters, digits and combining marks. */
static gboolean
is_letter (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static void
assert_whole_words (const char *text,
                    glong       n_chars,
                    guint       start,
                    guint       end)
{
  if (start > 0)
    {
      gunichar before = g_utf8_get_char (g_utf8_offset_to_pointer (text, start - 1));

      g_assert_false (is_letter (before));
    }

  if (end < n_chars)
    {
      const char *at = g_utf8_offset_to_pointer (text, end);
      gunichar after = g_utf8_get_char (at);

      /* A soft hyphen or a joiner would still be inside the word. */
      g_assert_false (is_letter (after));
      g_assert_cmpint (g_unichar_type (after), !=, G_UNICODE_FORMAT);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = heard_fuzz_dup_text (data, size);
  g_autoptr(GArray) matches = heard_language_check (text);
  guint n_phrases = heard_language_get_n_phrases ();
  guint previous_end = 0;
  glong n_chars;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_assert_cmpuint (matches->len, ==, 0);
      return 0;
    }

  n_chars = g_utf8_strlen (text, -1);

  for (guint i = 0; i < matches->len; i++)
    {
      const HeardLanguageMatch *match = &g_array_index (matches, HeardLanguageMatch, i);
      const char *from = g_utf8_offset_to_pointer (text, match->start);
      const char *to = g_utf8_offset_to_pointer (text, match->end);
      g_autofree char *words = g_strndup (from, (gsize) (to - from));
      g_autoptr(GArray) again = NULL;
      g_autofree char *replacement = NULL;
      const HeardLanguageMatch *alone;
      guint start = 0, end = 0;

      g_assert_cmpuint (match->start, <, match->end);
      g_assert_cmpuint (match->end, <=, n_chars);
      g_assert_cmpuint (match->start, >=, previous_end);
      g_assert_cmpuint (match->phrase, <, n_phrases);
      g_assert_nonnull (heard_language_get_suggestion (match->phrase));
      assert_whole_words (text, n_chars, match->start, match->end);
      previous_end = match->end;

      /* What would stand in its place covers the match and stays inside the text. */
      replacement = heard_language_dup_replacement (text, match, &start, &end);
      g_assert_true (g_utf8_validate (replacement, -1, NULL));
      g_assert_cmpuint (start, <=, match->start);
      g_assert_cmpuint (end, >=, match->end);
      g_assert_cmpuint (end, <=, n_chars);

      again = heard_language_check (words);
      g_assert_cmpuint (again->len, ==, 1);
      alone = &g_array_index (again, HeardLanguageMatch, 0);
      g_assert_cmpuint (alone->start, ==, 0);
      g_assert_cmpuint (alone->end, ==, match->end - match->start);
      g_assert_cmpuint (alone->phrase, ==, match->phrase);
    }

  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-language-check"

#include "config.h"

#include <string.h>

#include "heard-language-check.h"

/*
 * The language checker on its own: every phrase it knows is found, whole
 * words only, in any case, among emoji and right-to-left scripts, with the
 * places in characters that a text view needs.
 */

typedef struct
{
  guint start;
  guint end;
} Span;

/* The one match @text should have, as the characters it covers. */
static char *
dup_only_match (const char *text,
                guint      *phrase)
{
  g_autoptr(GArray) matches = heard_language_check (text);
  const HeardLanguageMatch *match;
  const char *start, *end;

  g_assert_cmpuint (matches->len, ==, 1);
  match = &g_array_index (matches, HeardLanguageMatch, 0);
  if (phrase != NULL)
    *phrase = match->phrase;

  start = g_utf8_offset_to_pointer (text, match->start);
  end = g_utf8_offset_to_pointer (text, match->end);
  return g_strndup (start, end - start);
}

static guint
count_matches (const char *text)
{
  g_autoptr(GArray) matches = heard_language_check (text);

  return matches->len;
}

/* The phrase whose wordings include @wording. */
static guint
phrase_of (const char *wording)
{
  for (guint i = 0; i < heard_language_get_n_phrases (); i++)
    {
      if (g_strv_contains (heard_language_get_wordings (i), wording))
        return i;
    }

  g_error ("No phrase has the wording “%s”", wording);
}

static void
test_listed_phrases (void)
{
  /* The phrases the issue names, each found where a worker might write it. */
  static const char *const named[] = {
    "putting themselves at risk", "boyfriend", "consented", "sexually active",
    "child prostitute", "risk-taking behaviour", "lifestyle choice", "absconded",
  };

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      g_autofree char *text = g_strdup_printf ("Staff noted that %s, per the file.", named[i]);
      g_autofree char *found = NULL;
      guint phrase = 0;

      found = dup_only_match (text, &phrase);
      g_assert_cmpstr (found, ==, named[i]);
      g_assert_cmpuint (phrase, ==, phrase_of (named[i]));
      g_assert_cmpstr (heard_language_get_suggestion (phrase), !=, "");
      g_assert_cmpstr (heard_language_get_reason (phrase), !=, "");
    }
}

static void
test_every_wording (void)
{
  guint n = heard_language_get_n_phrases ();

  /* At least 25 phrases, each with a suggestion and a reason. */
  g_assert_cmpuint (n, >=, 25);

  for (guint i = 0; i < n; i++)
    {
      const char *const *wordings = heard_language_get_wordings (i);

      g_assert_cmpstr (heard_language_get_phrase (i), ==, wordings[0]);
      g_assert_cmpuint (strlen (heard_language_get_suggestion (i)), >, 2);
      g_assert_cmpuint (strlen (heard_language_get_reason (i)), >, 20);

      /* The suggestion itself never needs a suggestion. */
      g_assert_cmpuint (count_matches (heard_language_get_suggestion (i)), ==, 0);

      for (guint j = 0; wordings[j] != NULL; j++)
        {
          g_autofree char *text = g_strdup_printf ("On Monday: %s. Nothing else.", wordings[j]);
          g_autofree char *found = NULL;
          guint phrase = 0;

          found = dup_only_match (text, &phrase);
          g_assert_cmpstr (found, ==, wordings[j]);
          g_assert_cmpuint (phrase, ==, i);
        }
    }
}

static void
test_word_boundaries (void)
{
  static const struct
  {
    const char *text;
    const char *found;  /* NULL when nothing should be */
  } cases[] = {
    /* Listed forms of the word are found… */
    { "She says the boyfriends drive her home.", "boyfriends" },
    { "A boy friend is 24.", "boy friend" },
    { "A boy-friend is 24.", "boy-friend" },
    { "A boy  \n friend is 24.", "boy  \n friend" },
    { "Her ex-boyfriend is 24.", "boyfriend" },
    /* A possessive goes with it, so that other wording can stand in its place. */
    { "She says her boyfriend drives her home.", "her boyfriend" },
    /* …in any case… */
    { "BOYFRIEND", "BOYFRIEND" },
    { "He Absconded again.", "Absconded" },
    /* …but not inside other words, or across punctuation. */
    { "A tomboy friend from school.", NULL },
    { "A boyfriendless summer.", NULL },
    { "The boy, friend of her cousin.", NULL },
    { "The boy. Friend of her cousin.", NULL },
    { "Unconsented searches are unlawful.", NULL },
    { "The boys friend.", NULL },
    /* The longest phrase wins where phrases overlap. */
    { "Her older boyfriend collects her.", "Her older boyfriend" },
    { "An older boyfriend collects her.", "older boyfriend" },
    { "risk-taking behaviours were noted", "risk-taking behaviours" },
    { "risk taking behaviour", "risk taking behaviour" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (cases[i].found == NULL)
        {
          g_assert_cmpuint (count_matches (cases[i].text), ==, 0);
        }
      else
        {
          g_autofree char *found = dup_only_match (cases[i].text, NULL);

          g_assert_cmpstr (found, ==, cases[i].found);
        }
    }

  /* Several in one note, in order, never overlapping. */
  {
    g_autoptr(GArray) matches =
      heard_language_check ("She absconded with her boyfriend, who says she consented.");

    g_assert_cmpuint (matches->len, ==, 3);
    g_assert_cmpuint (g_array_index (matches, HeardLanguageMatch, 0).start, ==, 4);
    g_assert_cmpuint (g_array_index (matches, HeardLanguageMatch, 0).end, ==, 13);
    g_assert_cmpuint (g_array_index (matches, HeardLanguageMatch, 1).start, <,
                      g_array_index (matches, HeardLanguageMatch, 2).start);
  }
}

static void
test_emoji_and_scripts (void)
{
  static const char *const texts[] = {
    /* Emoji, including joined sequences and skin tones, before and after. */
    "😢👨‍👧 the boyfriend🚗 picks her up 👋🏽",
    "🙂absconded🙂",
    /* Right-to-left scripts around the English phrase. */
    "قالت إن boyfriend لها يأخذها",
    "היא אמרה שה-boyfriend שלה מסיע אותה",
    /* Combining accents and a soft hyphen inside a word. */
    "Café notes: she abs\u00adconded on Friday",
  };
  static const char *const expected[] = {
    "boyfriend", "absconded", "boyfriend", "boyfriend", "abs\u00adconded",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *found = dup_only_match (texts[i], NULL);

      /* Offsets are in characters: the text they cover is the phrase. */
      g_assert_cmpstr (found, ==, expected[i]);
    }

  /* Text in other scripts, and emoji between words, is left alone. */
  g_assert_cmpuint (count_matches ("هو قال لا تخبري أحداً. 我很害怕。 Боюсь."), ==, 0);
  g_assert_cmpuint (count_matches ("boy 🙂 friend"), ==, 0);
}

static void
test_odd_input (void)
{
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GArray) matches = NULL;

  g_assert_cmpuint (count_matches (NULL), ==, 0);
  g_assert_cmpuint (count_matches (""), ==, 0);
  g_assert_cmpuint (count_matches ("boyfriend \xff"), ==, 0);
  g_assert_cmpuint (count_matches ("   \n\t "), ==, 0);

  /* A long note is checked whole. */
  for (guint i = 0; i < 5000; i++)
    g_string_append (long_text, "We met at the library and talked about college. ");
  g_string_append (long_text, "She went missing, not absconded.");
  matches = heard_language_check (long_text->str);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpuint (g_array_index (matches, HeardLanguageMatch, 0).start, ==,
                    g_utf8_strlen (long_text->str, -1) - strlen ("absconded."));
}

/* Choice language about going back to an abuser, and an adult's age beside
 * "boyfriend", "girlfriend" or "partner". */
static void
test_choice_and_adult_age (void)
{
  static const struct
  {
    const char *text;
    const char *found;
    const char *wording;  /* of the phrase it should be */
  } cases[] = {
    { "She chose to go back to him on Friday.", "chose to go back", "chose to go back" },
    { "She keeps going back to him.", "keeps going back", "chooses to go back" },
    { "She is staying with her boyfriend, 34, in town.", "her boyfriend, 34",
      "boyfriend, 18" },
    { "Her girlfriend (27) collects her.", "Her girlfriend (27", "boyfriend, 18" },
    { "Picked up by her partner aged 45.", "her partner aged 45", "boyfriend, 18" },
    /* Without an adult's age it is the plain rule, or nothing at all. */
    { "She is staying with her boyfriend, 15, in town.", "her boyfriend", "boyfriend" },
    { "Her boyfriend, 2024 was hard.", "Her boyfriend", "boyfriend" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *found = NULL;
      guint phrase = 0;

      found = dup_only_match (cases[i].text, &phrase);
      g_assert_cmpstr (found, ==, cases[i].found);
      g_assert_cmpuint (phrase, ==, phrase_of (cases[i].wording));
    }

  /* A girlfriend or partner of a child's own age is nobody's business. */
  g_assert_cmpuint (count_matches ("Her girlfriend, 15, came too."), ==, 0);
  g_assert_cmpuint (count_matches ("Her girlfriend came too."), ==, 0);
  g_assert_cmpuint (count_matches ("The partner agency, 2025 report."), ==, 0);
}

/* A suggestion used in place of the phrase leaves a sentence that reads. */
static void
test_replacement_reads (void)
{
  static const struct
  {
    const char *text;
    const char *reads;
  } cases[] = {
    { "She chose to go back to him.", "She was drawn back to him." },
    { "Her boyfriend, 34, picks her up.",
      "An adult of 34 who is abusing them picks her up." },
    { "Seen with her boyfriend (34) at noon.",
      "Seen with an adult of 34 who is abusing them at noon." },
    { "She says the boyfriends drive her home.",
      "She says the adults who are exploiting them drive her home." },
    { "A boy friend is 24.", "The adult who is exploiting them is 24." },
    { "She absconds at weekends.", "She goes missing at weekends." },
    { "She was absconding again.", "She was going missing again." },
    { "It was consensual.", "It was coerced." },
    { "She sold sex for a place to stay.",
      "She was sexually exploited for a place to stay." },
    { "She puts herself at risk.", "She is put at risk by adults." },
    { "She was a willing participant.",
      "She was a child who was groomed into going along." },
    { "He is in an inappropriate relationship with her.",
      "He is in an abusive situation with her." },
    { "She is streetwise.", "She is used to surviving harm." },
    { "She is difficult to engage.", "She is not yet reached by us." },
    { "Absconded on Friday.", "Went missing on Friday." },
    { "She met her pimp there.", "She met the person trafficking them there." },
    { "He is a drug runner.", "He is a child being criminally exploited." },
    { "She is in a relationship with a man of 40.",
      "She is being abused by a man of 40." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) matches = heard_language_check (cases[i].text);
      g_autoptr(GString) result = g_string_new (NULL);
      g_autofree char *replacement = NULL;
      const char *from, *to;
      guint start = 0, end = 0;

      g_assert_cmpuint (matches->len, ==, 1);
      replacement = heard_language_dup_replacement (cases[i].text,
                                                    &g_array_index (matches,
                                                                    HeardLanguageMatch, 0),
                                                    &start, &end);
      from = g_utf8_offset_to_pointer (cases[i].text, start);
      to = g_utf8_offset_to_pointer (cases[i].text, end);
      g_string_append_len (result, cases[i].text, from - cases[i].text);
      g_string_append (result, replacement);
      g_string_append (result, to);
      g_assert_cmpstr (result->str, ==, cases[i].reads);
      /* What is put in place needs no suggestion of its own. */
      g_assert_cmpuint (count_matches (result->str), ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/language/listed-phrases", test_listed_phrases);
  g_test_add_func ("/language/every-wording", test_every_wording);
  g_test_add_func ("/language/word-boundaries", test_word_boundaries);
  g_test_add_func ("/language/emoji-and-scripts", test_emoji_and_scripts);
  g_test_add_func ("/language/odd-input", test_odd_input);
  g_test_add_func ("/language/choice-and-adult-age", test_choice_and_adult_age);
  g_test_add_func ("/language/replacement-reads", test_replacement_reads);

  return g_test_run ();
}

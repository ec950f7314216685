/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The language checker: finds wording in what staff write that blames a
 * child for their own exploitation, and suggests respectful wording with a
 * short reason. It only ever suggests. Never run it on the young person's
 * own words: those are kept exactly as they were said.
 *
 * A phrase matches as whole words, ignoring case, with any run of spaces or
 * hyphens between its words: "boy friend" and "boy-friend" match the
 * wording "boy friend", while "tomboy friend", "boy, friend" and
 * "boyfriendless" match nothing. Plural and other forms are listed as
 * wordings of their own ("boyfriend", "boyfriends", …), so nothing is
 * guessed. Letters are Unicode letters, so any script and emoji are fine.
 */

typedef struct
{
  guint start;   /* in characters (Unicode code points) from the start */
  guint end;     /* in characters, just after the last one */
  guint phrase;  /* which phrase, for the functions below */
} HeardLanguageMatch;

guint              heard_language_get_n_phrases  (void);
const char        *heard_language_get_phrase     (guint       phrase);
const char *const *heard_language_get_wordings   (guint       phrase);
const char        *heard_language_get_suggestion (guint       phrase);
const char        *heard_language_get_reason     (guint       phrase);

/* Every match in @text, in order and never overlapping; an empty array for
 * text that is NULL or not valid UTF-8. */
GArray            *heard_language_check          (const char *text) G_GNUC_WARN_UNUSED_RESULT;

/* The words to put in place of @match so that @text still reads as a
 * sentence, and the characters they replace (which may begin before the
 * match, to take in a word such as "the" that the suggestion brings). */
char              *heard_language_dup_replacement (const char               *text,
                                                   const HeardLanguageMatch *match,
                                                   guint                    *start,
                                                   guint                    *end) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

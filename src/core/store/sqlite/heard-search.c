/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-search"

#include "config.h"

#include "heard-search.h"

/*
 * Turns what someone typed into an FTS4 MATCH expression that can never be
 * a syntax error: only letters and digits survive, each word becomes a
 * quoted prefix term ("ann*"), and all words must match. Quotes, stars,
 * hyphens and words like OR or NEAR are taken as plain text.
 *
 * Returns NULL when nothing searchable was typed.
 */
char *
heard_search_build_match (const char *typed)
{
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  const char *p;

  if (typed == NULL || !g_utf8_validate (typed, -1, NULL))
    return NULL;

  for (p = typed; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, g_unichar_tolower (c));
          continue;
        }

      if (word->len > 0)
        {
          if (match->len > 0)
            g_string_append_c (match, ' ');
          g_string_append_printf (match, "\"%s*\"", word->str);
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }

  if (match->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&match), FALSE);
}

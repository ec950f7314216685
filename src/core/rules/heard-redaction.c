/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-redaction"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "heard-redaction.h"

/*
 * Names are found by comparing folded letters: each character is fully
 * decomposed (compatibility too), its combining marks dropped and the rest
 * case-folded, and every run of white space becomes one space. Each folded
 * letter remembers the bytes of the text it came from, so that what is
 * replaced is exactly the original spelling, marks and spaces included, and
 * the rest of the text is copied untouched.
 */

struct _HeardRedaction
{
  /* Each a GArray of gunichar, folded; longest first, so that "Mary Ann"
   * is removed whole before "Mary" is tried. */
  GPtrArray *names;
};

typedef struct
{
  gunichar c;
  gsize    start; /* the bytes of the original character it came from */
  gsize    end;
} Unit;

/* Folds @text into @units (GArray of Unit). */
static void
fold (const char *text,
      GArray     *units)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize start = (gsize) (p - text);
      gsize end = (gsize) (g_utf8_next_char (p) - text);
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n;
      gboolean any = FALSE;

      if (g_unichar_isspace (c))
        {
          if (units->len > 0 && g_array_index (units, Unit, units->len - 1).c == ' ')
            g_array_index (units, Unit, units->len - 1).end = end;
          else
            g_array_append_val (units, ((Unit) { ' ', start, end }));
          continue;
        }

      n = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));
      for (gsize i = 0; i < n; i++)
        {
          char utf8[8] = { 0 };
          g_autofree char *folded = NULL;

          if (g_unichar_ismark (decomposed[i]))
            continue;
          g_unichar_to_utf8 (decomposed[i], utf8);
          folded = g_utf8_casefold (utf8, -1);
          for (const char *f = folded; *f != '\0'; f = g_utf8_next_char (f))
            {
              g_array_append_val (units, ((Unit) { g_utf8_get_char (f), start, end }));
              any = TRUE;
            }
        }
      /* A combining mark belongs to the letter before it. */
      if (!any && units->len > 0)
        g_array_index (units, Unit, units->len - 1).end = end;
    }
}

static gboolean
is_word (gunichar c)
{
  return g_unichar_isalnum (c);
}

static int
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  const GArray *first = *(const GArray *const *) a;
  const GArray *second = *(const GArray *const *) b;

  return (int) second->len - (int) first->len;
}

/* Whether @units[@at…] spells @name, starting and ending at whole words;
 * the index of its last unit in @last. */
static gboolean
matches_at (const GArray *units,
            guint         at,
            const GArray *name,
            guint        *last)
{
  const Unit *u = (const Unit *) units->data;
  guint end;

  if (at + name->len > units->len)
    return FALSE;
  if (at > 0 && (is_word (u[at - 1].c) || u[at - 1].start == u[at].start))
    return FALSE;
  for (guint i = 0; i < name->len; i++)
    if (u[at + i].c != g_array_index (name, gunichar, i))
      return FALSE;
  end = at + name->len - 1;
  if (end + 1 < units->len && (is_word (u[end + 1].c) || u[end + 1].start == u[end].start))
    return FALSE;

  *last = end;
  return TRUE;
}

HeardRedaction *
heard_redaction_new (const char *const *names)
{
  HeardRedaction *self = g_new0 (HeardRedaction, 1);

  self->names = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (gsize i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *valid = g_utf8_make_valid (names[i], -1);
      g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (Unit));
      GArray *name = g_array_new (FALSE, FALSE, sizeof (gunichar));
      guint from = 0, to;

      fold (valid, units);
      to = units->len;
      while (from < to && g_array_index (units, Unit, from).c == ' ')
        from++;
      while (to > from && g_array_index (units, Unit, to - 1).c == ' ')
        to--;
      for (guint u = from; u < to; u++)
        g_array_append_val (name, g_array_index (units, Unit, u).c);

      if (name->len == 0)
        g_array_unref (name);
      else
        g_ptr_array_add (self->names, name);
    }
  g_ptr_array_sort (self->names, compare_longest_first);

  return self;
}

void
heard_redaction_free (HeardRedaction *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->names);
  g_free (self);
}

guint
heard_redaction_get_n_names (const HeardRedaction *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->names->len;
}

char *
heard_redaction_apply (const HeardRedaction *self,
                       const char           *text)
{
  g_autofree char *valid = NULL;
  g_autoptr(GArray) units = NULL;
  GString *out;
  gsize copied = 0;

  g_return_val_if_fail (self != NULL, NULL);

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  if (self->names->len == 0)
    return g_steal_pointer (&valid);

  units = g_array_new (FALSE, FALSE, sizeof (Unit));
  fold (valid, units);
  out = g_string_sized_new (strlen (valid));
  for (guint at = 0; at < units->len; at++)
    {
      for (guint n = 0; n < self->names->len; n++)
        {
          guint last;

          if (!matches_at (units, at, g_ptr_array_index (self->names, n), &last))
            continue;

          g_string_append_len (out, valid + copied,
                               (gssize) (g_array_index (units, Unit, at).start - copied));
          /* TRANSLATORS: stands where someone else's name was taken out of
           * a young person's record before it left Heard */
          g_string_append (out, _("[name removed]"));
          copied = g_array_index (units, Unit, last).end;
          at = last;
          break;
        }
    }
  g_string_append (out, valid + copied);

  return g_string_free (out, FALSE);
}

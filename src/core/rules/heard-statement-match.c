/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-statement"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-statement-match.h"

struct _HeardStatementMatch
{
  GObject       parent_instance;

  gint64        statement_id;
  gint64        person_id;
  char         *person_name;
  char         *given_on;
  gboolean      sensitive;
  char         *content_note;
  char         *markup;
  HeardFoundIn  found_in;
};

G_DEFINE_FINAL_TYPE (HeardStatementMatch, heard_statement_match, G_TYPE_OBJECT)

static const struct
{
  HeardFoundIn  flag;
  const char   *name;
} places[] = {
  { HEARD_FOUND_IN_WORDS, N_("their words") },
  { HEARD_FOUND_IN_CONTEXT, N_("the worker's context") },
  { HEARD_FOUND_IN_THEIR_NOTE, N_("their own note") },
  { HEARD_FOUND_IN_ANSWERS, N_("what we did") },
};

static void
heard_statement_match_finalize (GObject *object)
{
  HeardStatementMatch *self = HEARD_STATEMENT_MATCH (object);

  g_free (self->person_name);
  g_free (self->given_on);
  g_free (self->content_note);
  g_free (self->markup);

  G_OBJECT_CLASS (heard_statement_match_parent_class)->finalize (object);
}

static void
heard_statement_match_class_init (HeardStatementMatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = heard_statement_match_finalize;
}

static void
heard_statement_match_init (HeardStatementMatch *self)
{
}

HeardStatementMatch *
heard_statement_match_new (gint64        statement_id,
                           gint64        person_id,
                           const char   *person_name,
                           const char   *given_on,
                           gboolean      sensitive,
                           const char   *content_note,
                           const char   *snippet,
                           HeardFoundIn  found_in)
{
  HeardStatementMatch *self = g_object_new (HEARD_TYPE_STATEMENT_MATCH, NULL);

  self->statement_id = statement_id;
  self->person_id = person_id;
  self->person_name = g_strdup (person_name != NULL ? person_name : "");
  self->given_on = g_strdup (given_on != NULL ? given_on : "");
  self->sensitive = sensitive;
  self->content_note = g_strdup (content_note != NULL ? content_note : "");
  self->markup = heard_snippet_to_markup (snippet != NULL ? snippet : "");
  self->found_in = found_in;

  return self;
}

gint64
heard_statement_match_get_statement_id (HeardStatementMatch *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_MATCH (self), 0);

  return self->statement_id;
}

gint64
heard_statement_match_get_person_id (HeardStatementMatch *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_MATCH (self), 0);

  return self->person_id;
}

const char *
heard_statement_match_get_person_name (HeardStatementMatch *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_MATCH (self), NULL);

  return self->person_name;
}

const char *
heard_statement_match_get_given_on (HeardStatementMatch *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_MATCH (self), NULL);

  return self->given_on;
}

gboolean
heard_statement_match_get_sensitive (HeardStatementMatch *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_MATCH (self), FALSE);

  return self->sensitive;
}

const char *
heard_statement_match_get_content_note (HeardStatementMatch *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_MATCH (self), NULL);

  return self->content_note;
}

/* Pango markup of the text around the match, the matching words in bold. */
const char *
heard_statement_match_get_markup (HeardStatementMatch *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_MATCH (self), NULL);

  return self->markup;
}

HeardFoundIn
heard_statement_match_get_found_in (HeardStatementMatch *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_MATCH (self), 0);

  return self->found_in;
}

/* "Found in their words and what we did". */
char *
heard_statement_match_dup_found_in_text (HeardStatementMatch *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  g_return_val_if_fail (HEARD_IS_STATEMENT_MATCH (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      if ((self->found_in & places[i].flag) != 0)
        g_ptr_array_add (names, (gpointer) _(places[i].name));
    }
  g_ptr_array_add (names, NULL);

  /* TRANSLATORS: separates places in a list, e.g. "their words, what we did" */
  joined = g_strjoinv (_(", "), (char **) names->pdata);

  /* TRANSLATORS: %s lists places, e.g. "their words, what we did" */
  return g_strdup_printf (_("Found in %s"), joined);
}

/* Escapes everything in @snippet for Pango markup and turns the match
 * markers into bold, so nothing a young person or worker typed (a "<", an
 * "&") can ever be read as markup. */
char *
heard_snippet_to_markup (const char *snippet)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *valid = NULL;
  gboolean open = FALSE;
  const char *start;

  g_return_val_if_fail (snippet != NULL, NULL);

  valid = g_utf8_make_valid (snippet, -1);
  start = valid;
  for (const char *p = valid; ; p++)
    {
      g_autofree char *escaped = NULL;
      char c = *p;

      if (c != '\0' && c != HEARD_SNIPPET_OPEN[0] && c != HEARD_SNIPPET_CLOSE[0])
        continue;

      escaped = g_markup_escape_text (start, p - start);
      g_string_append (markup, escaped);

      /* A stray or doubled marker is dropped; an open one is always closed. */
      if (c == HEARD_SNIPPET_OPEN[0] && !open)
        {
          g_string_append (markup, "<b>");
          open = TRUE;
        }
      else if (c != HEARD_SNIPPET_OPEN[0] && open)
        {
          g_string_append (markup, "</b>");
          open = FALSE;
        }

      if (c == '\0')
        break;
      start = p + 1;
    }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

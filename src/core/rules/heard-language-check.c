/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-language"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "heard-language-check.h"

/*
 * The phrases, in Heard's own words. Each has its wordings (separated by
 * "|"), a suggestion that could stand in its place, and why it matters.
 * Translators give the wordings that carry the same blame in their language.
 */
static const struct
{
  const char *wordings;
  const char *suggestion;
  const char *reason;
} phrases[] = {
  {
    /* TRANSLATORS: wordings separated by "|"; give the forms used in your language */
    N_("putting themselves at risk|putting herself at risk|putting himself at risk|"
       "puts themselves at risk|puts herself at risk|puts himself at risk|"
       "put themselves at risk|put herself at risk|put himself at risk|"
       "placing themselves at risk|placing herself at risk|placing himself at risk"),
    N_("being put at risk by adults"),
    N_("A child does not make the danger: the adults who exploit them do. "
       "Say who is doing what to the child."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("exposing themselves to risk|exposing herself to risk|exposing himself to risk"),
    N_("being exposed to harm by others"),
    N_("Harm is done to a child by others; this wording makes it sound chosen."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("boyfriend|boyfriends|boy friend|boy friends|"
       "her boyfriend|his boyfriend|their boyfriend|her boyfriends|his boyfriends|"
       "their boyfriends|her boy friend|his boy friend|their boy friend"),
    N_("the adult who is exploiting them"),
    N_("An adult who sexually exploits a child is not their boyfriend, whatever the child "
       "calls him. Keep the child's own word only inside their quoted words."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("older boyfriend|older boyfriends|her older boyfriend|his older boyfriend|"
       "their older boyfriend|older man she is seeing|older man he is seeing"),
    N_("an adult who is abusing them"),
    N_("An age gap with a child is a warning sign of abuse, not a relationship."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("consented|consenting|consensual|gave consent|agreed to sex"),
    N_("complied under pressure"),
    N_("A child cannot consent to their own abuse or exploitation. If this is about "
       "agreeing to support, such as a referral, the wording is fine."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("sexually active"),
    N_("being sexually abused"),
    N_("Said of a child who is being exploited, this hides the abuse and suggests choice."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("child prostitute|child prostitutes|teenage prostitute|teenage prostitutes|"
       "young prostitute|young prostitutes"),
    N_("child who is being sexually exploited"),
    N_("There is no such thing as a child prostitute: there are children being sexually "
       "exploited by adults."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("child prostitution|prostituting herself|prostituting himself|"
       "prostituting themselves"),
    N_("child sexual exploitation"),
    N_("This is abuse of a child, not work the child chose to do."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("selling sex|sells sex|sold sex|trading sex|trades sex|exchanging sex|"
       "sex for money"),
    N_("being sexually exploited"),
    N_("A child cannot sell sex. Adults who pay for or arrange it are abusing the child."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("risk-taking behaviour|risk-taking behaviours|risk-taking behavior|"
       "risk-taking behaviors|risky behaviour|risky behaviours|risky behavior|"
       "risky behaviors"),
    N_("signs that they are being exploited"),
    N_("This makes harm sound like the child's behaviour. Describe the signs you saw and "
       "what adults are doing."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("lifestyle choice|lifestyle choices|chosen lifestyle|chose this lifestyle"),
    N_("the exploitation they are living with"),
    N_("Children do not choose to be exploited. Calling it a lifestyle has been used to "
       "stop protecting them."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("making her own choices|making his own choices|making their own choices|"
       "making informed choices"),
    N_("being groomed and controlled"),
    N_("Grooming takes choice away. What looks like a choice is often fear or control."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("absconded|absconding|absconds|absconder|absconders"),
    N_("went missing"),
    N_("'Absconded' sounds like an escape from custody. Say they went missing, and ask "
       "where and with whom."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("chose to go missing|chooses to go missing|choosing to go missing|"
       "choose to go missing"),
    N_("went missing"),
    N_("Children who go missing are often being pulled away by the adults who exploit them."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("promiscuous|promiscuity"),
    N_("being sexually exploited"),
    N_("This judges the child's character and hides what adults are doing to them."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("sleeping around|sleeps around|slept around"),
    N_("being passed between abusers"),
    N_("This blames the child for abuse and echoes what abusers say."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("sugar daddy|sugar daddies"),
    N_("an adult exploiting them with money or gifts"),
    N_("Gifts and money from an adult are grooming, not a relationship."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("pimp|pimps|pimped"),
    N_("the person trafficking them"),
    N_("This word makes a trafficker sound like part of a trade. Name it as trafficking."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("willing participant|willing participants|went willingly|went voluntarily"),
    N_("was groomed into going"),
    N_("Going along with an abuser is not willingness: fear, grooming and dependence look "
       "like it."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("let it happen|allowed it to happen|was asking for it|were asking for it"),
    N_("was abused"),
    N_("This puts the responsibility for abuse on the child. It is always the adult's."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("underage sex|under-age sex"),
    N_("sexual abuse of a child"),
    N_("Sex with a child is abuse; this makes it sound like something the child did."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("inappropriate relationship|inappropriate relationships"),
    N_("abuse"),
    N_("'Inappropriate' understates abuse. Call it what it is."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("streetwise|street-wise|street smart|street-smart"),
    N_("has had to learn to survive harm"),
    N_("Calling a child streetwise suggests they can keep themselves safe, and has been "
       "used to hold back help."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("mature for her age|mature for his age|mature for their age"),
    N_("a child who has had to cope with too much"),
    N_("This has been used to excuse adults treating a child as an adult. They are still "
       "a child."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("attention seeking|attention-seeking"),
    N_("asking for help"),
    N_("What a child does often tells us they are in distress. Treat it as a request for "
       "help."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("difficult to engage|hard to engage|refuses to engage|refused to engage|"
       "not engaging|non-engaging|non-compliant"),
    N_("we have not yet found a way to reach them"),
    N_("Trust is ours to earn. Say what was tried and what might help next."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("out of control|beyond control|beyond parental control"),
    N_("being controlled by others"),
    N_("A child who seems out of control may be under someone else's control."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("hanging around with older men|hanging around with older males|"
       "associating with older men|associating with older males"),
    N_("being targeted by older men"),
    N_("It is the adults who seek out the child. Say so."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("manipulative"),
    N_("trying to get their needs met"),
    N_("A child who has been abused may use what has kept them safe. Describe what they "
       "did and what they needed."),
  },
};

typedef struct
{
  char  *key;    /* the word folded for comparison */
  guint  start;  /* in characters */
  guint  end;
  /* Only spaces and hyphens stand between this word and the one before. */
  gboolean joined;
} Token;

typedef struct
{
  GPtrArray *keys;   /* of char *, the words of one wording */
  guint      phrase;
} Wording;

typedef struct
{
  /* The first word of each wording, to the wordings that start with it. */
  GHashTable *by_first_word;
  GStrv      *wordings;
} Prepared;

static void
token_clear (Token *token)
{
  g_free (token->key);
}

static void
wording_free (Wording *wording)
{
  g_ptr_array_unref (wording->keys);
  g_free (wording);
}

static gboolean
is_joiner (gunichar c)
{
  return g_unichar_isspace (c) || c == '-' || c == 0x2010 || c == 0x2011;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

/* Letters, digits and combining marks make words; invisible formatting
 * characters (a soft hyphen, a zero-width joiner) may sit inside one. */
static gboolean
is_word_char (gunichar c,
              gboolean in_word)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) ||
         (in_word && g_unichar_type (c) == G_UNICODE_FORMAT);
}

static void
end_word (GArray  *tokens,
          GString *word,
          guint    start,
          guint    end,
          gboolean joined)
{
  g_autofree char *folded = g_utf8_casefold (word->str, (gssize) word->len);
  Token token = {
    .key = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE),
    .start = start,
    .end = end,
    .joined = joined,
  };

  g_array_append_val (tokens, token);
  g_string_truncate (word, 0);
}

/* Splits valid UTF-8 @text into words with their places in characters. */
static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr(GString) word = g_string_new (NULL);
  gboolean in_word = FALSE;
  gboolean gap_joins = FALSE;
  guint start = 0;
  guint offset = 0;

  g_array_set_clear_func (tokens, (GDestroyNotify) token_clear);

  for (const char *p = text; ; p = g_utf8_next_char (p), offset++)
    {
      gunichar c = g_utf8_get_char (p);
      gboolean inner_apostrophe = in_word && is_apostrophe (c) &&
                                  g_unichar_isalnum (g_utf8_get_char (g_utf8_next_char (p)));

      if (c != 0 && (is_word_char (c, in_word) || inner_apostrophe))
        {
          if (!in_word)
            {
              in_word = TRUE;
              start = offset;
            }
          if (inner_apostrophe)
            g_string_append_c (word, '\'');
          else if (g_unichar_type (c) != G_UNICODE_FORMAT)
            g_string_append_unichar (word, c);
          continue;
        }

      if (in_word)
        {
          end_word (tokens, word, start, offset, gap_joins);
          in_word = FALSE;
          gap_joins = TRUE;
        }

      if (c == 0)
        break;

      /* Anything but spaces and hyphens (a comma, an emoji) breaks a phrase. */
      if (!is_joiner (c))
        gap_joins = FALSE;
    }

  /* The first word joins nothing before it. */
  if (tokens->len > 0)
    g_array_index (tokens, Token, 0).joined = FALSE;

  return tokens;
}

static Prepared *
prepare (void)
{
  static Prepared *prepared;

  if (g_once_init_enter (&prepared))
    {
      Prepared *ready = g_new0 (Prepared, 1);

      ready->by_first_word = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                    (GDestroyNotify) g_ptr_array_unref);
      ready->wordings = g_new0 (GStrv, G_N_ELEMENTS (phrases));

      for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
        {
          ready->wordings[i] = g_strsplit (_(phrases[i].wordings), "|", -1);

          for (guint j = 0; ready->wordings[i][j] != NULL; j++)
            {
              g_autoptr(GArray) tokens = tokenize (ready->wordings[i][j]);
              Wording *wording;
              GPtrArray *list;

              if (tokens->len == 0)
                continue;

              wording = g_new0 (Wording, 1);
              wording->keys = g_ptr_array_new_with_free_func (g_free);
              wording->phrase = i;
              for (guint k = 0; k < tokens->len; k++)
                g_ptr_array_add (wording->keys, g_strdup (g_array_index (tokens, Token, k).key));

              list = g_hash_table_lookup (ready->by_first_word, wording->keys->pdata[0]);
              if (list == NULL)
                {
                  list = g_ptr_array_new_with_free_func ((GDestroyNotify) wording_free);
                  g_hash_table_insert (ready->by_first_word, g_strdup (wording->keys->pdata[0]),
                                       list);
                }
              g_ptr_array_add (list, wording);
            }
        }

      /* Kept for the life of the program, like the translations it came from. */
      g_once_init_leave (&prepared, ready);
    }

  return prepared;
}

/* How many tokens from @first the wording covers, or 0 when it does not fit. */
static guint
match_length (GArray  *tokens,
              guint    first,
              Wording *wording)
{
  guint n = wording->keys->len;

  if (first + n > tokens->len)
    return 0;

  for (guint k = 1; k < n; k++)
    {
      Token *token = &g_array_index (tokens, Token, first + k);

      if (!token->joined || strcmp (token->key, wording->keys->pdata[k]) != 0)
        return 0;
    }

  return n;
}

guint
heard_language_get_n_phrases (void)
{
  return G_N_ELEMENTS (phrases);
}

/* The phrase as a person would name it: its first wording. */
const char *
heard_language_get_phrase (guint phrase)
{
  g_return_val_if_fail (phrase < G_N_ELEMENTS (phrases), NULL);

  return prepare ()->wordings[phrase][0];
}

const char *const *
heard_language_get_wordings (guint phrase)
{
  g_return_val_if_fail (phrase < G_N_ELEMENTS (phrases), NULL);

  return (const char *const *) prepare ()->wordings[phrase];
}

const char *
heard_language_get_suggestion (guint phrase)
{
  g_return_val_if_fail (phrase < G_N_ELEMENTS (phrases), NULL);

  return _(phrases[phrase].suggestion);
}

const char *
heard_language_get_reason (guint phrase)
{
  g_return_val_if_fail (phrase < G_N_ELEMENTS (phrases), NULL);

  return _(phrases[phrase].reason);
}

GArray *
heard_language_check (const char *text)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (HeardLanguageMatch));
  g_autoptr(GArray) tokens = NULL;
  Prepared *prepared = prepare ();
  guint i = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return matches;

  tokens = tokenize (text);
  while (i < tokens->len)
    {
      GPtrArray *candidates = g_hash_table_lookup (prepared->by_first_word,
                                                   g_array_index (tokens, Token, i).key);
      HeardLanguageMatch found = { 0 };
      guint longest = 0;

      for (guint c = 0; candidates != NULL && c < candidates->len; c++)
        {
          Wording *wording = g_ptr_array_index (candidates, c);
          guint length = match_length (tokens, i, wording);

          if (length > longest)
            {
              longest = length;
              found.phrase = wording->phrase;
            }
        }

      if (longest == 0)
        {
          i++;
          continue;
        }

      found.start = g_array_index (tokens, Token, i).start;
      found.end = g_array_index (tokens, Token, i + longest - 1).end;
      g_array_append_val (matches, found);
      i += longest;
    }

  return matches;
}

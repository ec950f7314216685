/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-language"

#include "config.h"

#include <stdlib.h>
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
       "placing themselves at risk|placing herself at risk|placing himself at risk"),
    N_("being put at risk by adults"),
    N_("A child does not make the danger: the adults who exploit them do. "
       "Say who is doing what to the child."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("puts themselves at risk|puts herself at risk|puts himself at risk|"
       "put themselves at risk|put herself at risk|put himself at risk"),
    N_("is put at risk by adults"),
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
    N_("boyfriend|boy friend|her boyfriend|his boyfriend|their boyfriend|"
       "her boy friend|his boy friend|their boy friend"),
    N_("the adult who is exploiting them"),
    N_("An adult who sexually exploits a child is not their boyfriend, whatever the child "
       "calls him. Keep the child's own word only inside their quoted words."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("boyfriends|boy friends|her boyfriends|his boyfriends|their boyfriends|"
       "older boyfriends"),
    N_("the adults who are exploiting them"),
    N_("Adults who sexually exploit a child are not their boyfriends, whatever the child "
       "calls them. Keep the child's own word only inside their quoted words."),
  },
  {
    /* TRANSLATORS: wordings separated by "|". A number in a wording stands for
     * any adult's age written there, so keep "18" as it is. */
    N_("boyfriend, 18|boyfriend aged 18|her boyfriend, 18|her boyfriend aged 18|"
       "his boyfriend, 18|his boyfriend aged 18|their boyfriend, 18|their boyfriend aged 18|"
       "girlfriend, 18|girlfriend aged 18|her girlfriend, 18|her girlfriend aged 18|"
       "his girlfriend, 18|his girlfriend aged 18|their girlfriend, 18|"
       "their girlfriend aged 18|partner, 18|partner aged 18|her partner, 18|"
       "her partner aged 18|his partner, 18|his partner aged 18|their partner, 18|"
       "their partner aged 18"),
    /* TRANSLATORS: keep {age}: it becomes the age that was written */
    N_("an adult of {age} who is abusing them"),
    N_("A child cannot be in a relationship with an adult. Whatever either of them calls "
       "it, an adult of this age with a child is abusing them."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("older boyfriend|her older boyfriend|his older boyfriend|"
       "their older boyfriend|older man she is seeing|older man he is seeing"),
    N_("an adult who is abusing them"),
    N_("An age gap with a child is a warning sign of abuse, not a relationship."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("in a relationship with"),
    N_("being abused by"),
    N_("When the other person is an adult, or holds power over the child, this is abuse, "
       "however the child describes it."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("chose to go back|chose to return|decided to go back|decided to return"),
    N_("was drawn back"),
    N_("Going back to someone who abuses them is what grooming, fear and dependence do; it "
       "is not a free choice. Say what pulls the child back."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("chooses to go back|chooses to return|keeps going back|keeps choosing to go back"),
    N_("is drawn back"),
    N_("Going back to someone who abuses them is what grooming, fear and dependence do; it "
       "is not a free choice. Say what pulls the child back."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("consented|gave consent|agreed to sex"),
    N_("complied under pressure"),
    N_("A child cannot consent to their own abuse or exploitation. If this is about "
       "agreeing to support, such as a referral, the wording is fine."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("consenting|consensual"),
    N_("coerced"),
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
    N_("child prostitute|teenage prostitute|young prostitute"),
    N_("child who is being sexually exploited"),
    N_("There is no such thing as a child prostitute: there are children being sexually "
       "exploited by adults."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("child prostitutes|teenage prostitutes|young prostitutes"),
    N_("children who are being sexually exploited"),
    N_("There is no such thing as a child prostitute: there are children being sexually "
       "exploited by adults."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("child prostitution"),
    N_("child sexual exploitation"),
    N_("This is abuse of a child, not work the child chose to do."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("prostituting herself|prostituting himself|prostituting themselves"),
    N_("being sexually exploited"),
    N_("This is abuse of a child, not work the child chose to do."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("selling sex|trading sex|exchanging sex|offering sex"),
    N_("being sexually exploited"),
    N_("A child cannot sell sex. Adults who pay for or arrange it are abusing the child."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("sold sex|traded sex|exchanged sex|offered sex"),
    N_("was sexually exploited"),
    N_("A child cannot sell sex. Adults who pay for or arrange it are abusing the child."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("sells sex|trades sex|exchanges sex|offers sex"),
    N_("is sexually exploited"),
    N_("A child cannot sell sex. Adults who pay for or arrange it are abusing the child."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("sex for money|sex for gifts"),
    N_("abuse paid for by adults"),
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
    N_("absconded"),
    N_("went missing"),
    N_("'Absconded' sounds like an escape from custody. Say they went missing, and ask "
       "where and with whom."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("absconding"),
    N_("going missing"),
    N_("'Absconding' sounds like an escape from custody. Say they are going missing, and "
       "ask where and with whom."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("absconds"),
    N_("goes missing"),
    N_("'Absconds' sounds like an escape from custody. Say they go missing, and ask "
       "where and with whom."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("absconder|absconders"),
    N_("child who goes missing"),
    N_("'Absconder' makes a child sound like an escaped prisoner. They are a child who "
       "goes missing, often pulled away by adults."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("chose to go missing"),
    N_("was pulled away"),
    N_("Children who go missing are often being pulled away by the adults who exploit them."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("chooses to go missing"),
    N_("is pulled away"),
    N_("Children who go missing are often being pulled away by the adults who exploit them."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("choosing to go missing"),
    N_("being pulled away"),
    N_("Children who go missing are often being pulled away by the adults who exploit them."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("choose to go missing"),
    N_("are pulled away"),
    N_("Children who go missing are often being pulled away by the adults who exploit them."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("promiscuous"),
    N_("being sexually exploited"),
    N_("This judges the child's character and hides what adults are doing to them."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("promiscuity"),
    N_("sexual exploitation"),
    N_("This judges the child's character and hides what adults are doing to them."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("sleeping around"),
    N_("being passed between abusers"),
    N_("This blames the child for abuse and echoes what abusers say."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("sleeps around|slept around"),
    N_("is passed between abusers"),
    N_("This blames the child for abuse and echoes what abusers say."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("sugar daddy"),
    N_("an adult exploiting them with money or gifts"),
    N_("Gifts and money from an adult are grooming, not a relationship."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("sugar daddies"),
    N_("adults exploiting them with money or gifts"),
    N_("Gifts and money from an adult are grooming, not a relationship."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("pimp"),
    N_("the person trafficking them"),
    N_("This word makes a trafficker sound like part of a trade. Name it as trafficking."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("pimps"),
    N_("the people trafficking them"),
    N_("This word makes a trafficker sound like part of a trade. Name it as trafficking."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("pimped"),
    N_("trafficked"),
    N_("This word makes trafficking sound like part of a trade. Name it as trafficking."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("willing participant|willing victim"),
    N_("a child who was groomed into going along"),
    N_("Going along with an abuser is not willingness: fear, grooming and dependence look "
       "like it."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("went willingly|went voluntarily"),
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
    N_("inappropriate relationship"),
    N_("an abusive situation"),
    N_("'Inappropriate' understates abuse. Call it what it is."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("inappropriate relationships"),
    N_("abusive situations"),
    N_("'Inappropriate' understates abuse. Call it what it is."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("streetwise|street-wise|street smart|street-smart"),
    N_("used to surviving harm"),
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
    N_("difficult to engage|hard to engage|not engaging|non-engaging|non-compliant"),
    N_("not yet reached by us"),
    N_("Trust is ours to earn. Say what was tried and what might help next."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("refuses to engage|refused to engage|won't engage|will not engage"),
    N_("has not yet been reached by us"),
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
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("drug runner|drug mule|drugs runner"),
    N_("a child being criminally exploited"),
    N_("Children carrying drugs or money for adults are being exploited; the adults "
       "directing them are the ones to name."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("drug runners|drug mules|drugs runners"),
    N_("children being criminally exploited"),
    N_("Children carrying drugs or money for adults are being exploited; the adults "
       "directing them are the ones to name."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("involved in gang activity|involved in gangs|involved with gangs"),
    N_("being criminally exploited by a gang"),
    N_("A child in a gang's hands is being used by it. Say who is exploiting them and how."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("recruiting other girls|recruiting other boys|recruiting other children|"
       "recruiting others|recruiting friends"),
    N_("being used to reach other children"),
    N_("Abusers make exploited children bring in others. The child is still a victim, "
       "used by the same adults."),
  },
  {
    /* TRANSLATORS: wordings separated by "|" */
    N_("sexting"),
    N_("pressured to share images"),
    N_("Images of a child made or passed on under pressure are abuse. Say who asked for "
       "them and who has them."),
  },
};

typedef struct
{
  char  *key;    /* the word folded for comparison */
  guint  start;  /* in characters */
  guint  end;
  /* Only spaces and hyphens stand between this word and the one before. */
  gboolean joined;
  /* The one comma or opening bracket among spaces before it, or 0: what
   * may stand before an age. */
  gunichar mark;
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
          gboolean joined,
          gunichar mark)
{
  g_autofree char *folded = g_utf8_casefold (word->str, (gssize) word->len);
  Token token = {
    .key = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE),
    .start = start,
    .end = end,
    .joined = joined,
    .mark = mark,
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
  gunichar gap_mark = 0;
  guint gap_marks = 0;
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
          end_word (tokens, word, start, offset, gap_joins, gap_marks == 1 ? gap_mark : 0);
          in_word = FALSE;
          gap_joins = TRUE;
          gap_mark = 0;
          gap_marks = 0;
        }

      if (c == 0)
        break;

      /* Anything but spaces and hyphens (a comma, an emoji) breaks a phrase. */
      if (!is_joiner (c))
        {
          gap_joins = FALSE;
          gap_mark = c;
          gap_marks++;
        }
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

static gboolean
is_number (const char *key)
{
  if (*key == '\0')
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

/* A number in a wording stands for an adult's age: 18 to 99, after a space,
 * a comma or an opening bracket ("boyfriend, 34", "boyfriend (34)"). */
static gboolean
is_adult_age (const Token *token)
{
  return strlen (token->key) == 2 && is_number (token->key) && token->key[0] != '0' &&
         atoi (token->key) >= 18 &&
         (token->joined || token->mark == ',' || token->mark == '(');
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
      const char *key = wording->keys->pdata[k];

      if (is_number (key))
        {
          if (!is_adult_age (token))
            return 0;
        }
      else if (!token->joined || strcmp (token->key, key) != 0)
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

static gboolean
is_determiner (const gunichar *chars,
               glong           length)
{
  /* TRANSLATORS: the words, separated by "|", that may stand before a noun
   * and that a suggestion beginning with one of them takes the place of */
  g_auto(GStrv) determiners = g_strsplit (_("a|an|the|her|his|their|this|that"), "|", -1);
  g_autofree char *word = g_ucs4_to_utf8 (chars, length, NULL, NULL, NULL);
  g_autofree char *folded = NULL;

  if (word == NULL)
    return FALSE;

  folded = g_utf8_casefold (word, -1);
  for (guint i = 0; determiners[i] != NULL; i++)
    {
      g_autofree char *listed = g_utf8_casefold (determiners[i], -1);

      if (strcmp (folded, listed) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The word that ends at @offset after at least one space: where it starts,
 * and its length; FALSE when there is none. */
static gboolean
find_word_before (const gunichar *chars,
                  glong           offset,
                  glong          *start,
                  glong          *length)
{
  glong end = offset;
  glong first;

  while (end > 0 && g_unichar_isspace (chars[end - 1]))
    end--;
  if (end == offset)
    return FALSE;

  first = end;
  while (first > 0 && g_unichar_isalpha (chars[first - 1]))
    first--;
  /* A whole word, not the end of "ex-" or "don't". */
  if (first == end)
    return FALSE;
  if (first > 0 && !g_unichar_isspace (chars[first - 1]) &&
      (g_unichar_isalnum (chars[first - 1]) || is_joiner (chars[first - 1]) ||
       is_apostrophe (chars[first - 1])))
    return FALSE;

  *start = first;
  *length = end - first;
  return TRUE;
}

/*
 * The words to put in place of @match in @text so that the sentence still
 * reads, and the characters they take the place of, from @start to @end:
 * - a determiner just before the phrase ("a", "the", "her") goes when the
 *   suggestion brings its own ("A boy friend" becomes "The adult…");
 * - an adult's age is kept, with the comma or bracket that closed it
 *   ("her boyfriend, 34, drives" becomes "an adult of 34 who… drives");
 * - a sentence that began with a capital still does.
 */
char *
heard_language_dup_replacement (const char               *text,
                                const HeardLanguageMatch *match,
                                guint                    *start,
                                guint                    *end)
{
  g_autofree gunichar *chars = NULL;
  g_autofree gunichar *suggested = NULL;
  g_autoptr(GString) replacement = NULL;
  const char *suggestion;
  glong n_chars = 0;
  glong n_suggested = 0;
  glong first_word = 0;
  glong before = 0;
  glong before_length = 0;
  guint from, to;

  g_return_val_if_fail (text != NULL && g_utf8_validate (text, -1, NULL), NULL);
  g_return_val_if_fail (match != NULL && match->phrase < G_N_ELEMENTS (phrases), NULL);

  chars = g_utf8_to_ucs4_fast (text, -1, &n_chars);
  g_return_val_if_fail (match->start < match->end && match->end <= (guint) n_chars, NULL);

  from = match->start;
  to = match->end;
  suggestion = _(phrases[match->phrase].suggestion);
  replacement = g_string_new (suggestion);

  if (strstr (suggestion, "{age}") != NULL)
    {
      guint age_start = to;
      guint mark;
      g_autofree char *age = NULL;

      while (age_start > from && g_unichar_isdigit (chars[age_start - 1]))
        age_start--;
      age = g_ucs4_to_utf8 (chars + age_start, to - age_start, NULL, NULL, NULL);
      g_string_replace (replacement, "{age}", age != NULL ? age : "", 0);

      mark = age_start;
      while (mark > from && g_unichar_isspace (chars[mark - 1]))
        mark--;
      if (mark > from && to < (guint) n_chars &&
          ((chars[mark - 1] == ',' && chars[to] == ',') ||
           (chars[mark - 1] == '(' && chars[to] == ')')))
        to++;
    }

  suggested = g_utf8_to_ucs4_fast (replacement->str, -1, &n_suggested);
  while (first_word < n_suggested && g_unichar_isalpha (suggested[first_word]))
    first_word++;
  if (first_word < n_suggested && is_determiner (suggested, first_word) &&
      find_word_before (chars, from, &before, &before_length) &&
      is_determiner (chars + before, before_length))
    from = (guint) before;

  if (g_unichar_isupper (chars[from]) || g_unichar_istitle (chars[from]))
    {
      gunichar capital = g_unichar_totitle (g_utf8_get_char (replacement->str));
      char bytes[6];
      int length = g_unichar_to_utf8 (capital, bytes);
      gsize old = (gsize) (g_utf8_next_char (replacement->str) - replacement->str);

      g_string_erase (replacement, 0, (gssize) old);
      g_string_insert_len (replacement, 0, bytes, length);
    }

  *start = from;
  *end = to;

  return g_string_free (g_steal_pointer (&replacement), FALSE);
}

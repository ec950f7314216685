/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-search"

#include "config.h"

#include <string.h>

#include <pango/pango.h>
#include <sqlite3.h>

#include "heard-fuzz.h"
#include "heard-search.h"
#include "heard-statement-match.h"

/*
 * Whatever someone types into a search box, and whatever a record holds,
 * search must neither fail nor show markup that was typed. So for any text:
 * the FTS4 query Heard builds from it is only quoted prefix words, joined by
 * single spaces, never an operator or an unbalanced quote outside them; a
 * real FTS4 table with the statements' tokenizer runs it without an error;
 * plain ASCII text finds the record it came from; and a snippet of that text
 * turns into Pango markup that parses back to exactly the text.
 */

static sqlite3 *db;
static sqlite3_stmt *clear_statement;
static sqlite3_stmt *insert_statement;
static sqlite3_stmt *match_statement;

static void
prepare (sqlite3_stmt **statement,
         const char    *sql)
{
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, statement, NULL), ==, SQLITE_OK);
}

static void
open_table (void)
{
  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE VIRTUAL TABLE search USING fts4 ("
                                 "  words, tokenize=unicode61 \"remove_diacritics=1\""
                                 ")", NULL, NULL, NULL), ==, SQLITE_OK);
  prepare (&clear_statement, "DELETE FROM search");
  prepare (&insert_statement, "INSERT INTO search (docid, words) VALUES (1, ?1)");
  prepare (&match_statement, "SELECT count(*) FROM search WHERE search MATCH ?1");
}

static void
run (sqlite3_stmt *statement)
{
  int result = sqlite3_step (statement);

  if (result != SQLITE_DONE)
    g_error ("FTS4 refused: %s", sqlite3_errmsg (db));
  sqlite3_reset (statement);
}

/* A query is "word*" terms, each word lower-case letters and digits only,
 * joined by single spaces: nothing FTS4 could read as syntax. */
static void
assert_plain_query (const char *match)
{
  const char *p = match;

  g_assert_true (g_utf8_validate (match, -1, NULL));

  while (TRUE)
    {
      g_assert_cmpint (*p, ==, '"');
      p++;
      g_assert_cmpint (*p, !=, '*');
      while (*p != '*')
        {
          gunichar c = g_utf8_get_char (p);

          g_assert_true (g_unichar_isalnum (c));
          g_assert_cmpuint (g_unichar_tolower (c), ==, c);
          p = g_utf8_next_char (p);
        }
      p++;
      g_assert_cmpint (*p, ==, '"');
      p++;
      if (*p == '\0')
        break;
      g_assert_cmpint (*p, ==, ' ');
      p++;
    }
}

static gboolean
has_alnum (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;

  return TRUE;
}

static void
check_match (const char *text)
{
  g_autofree char *match = heard_search_build_match (text);
  int found;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_assert_null (match);
      return;
    }

  if (match == NULL)
    {
      g_assert_false (has_alnum (text));
      return;
    }

  assert_plain_query (match);

  run (clear_statement);
  sqlite3_bind_text (insert_statement, 1, text, -1, SQLITE_TRANSIENT);
  run (insert_statement);

  sqlite3_bind_text (match_statement, 1, match, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (match_statement) != SQLITE_ROW)
    g_error ("FTS4 refused the query %s: %s", match, sqlite3_errmsg (db));
  found = sqlite3_column_int (match_statement, 0);
  sqlite3_reset (match_statement);

  /* GLib and FTS4's tokenizer agree on what a word is in ASCII. */
  if (is_ascii (text))
    g_assert_cmpint (found, ==, 1);
}

/* @text without the bytes in @drop. */
static char *
dup_without (const char *text,
             const char *drop)
{
  GString *kept = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (strchr (drop, *p) == NULL)
      g_string_append_c (kept, *p);

  return g_string_free (kept, FALSE);
}

static void
check_snippet (const char *text)
{
  g_autofree char *markup = heard_snippet_to_markup (text);
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;

  if (!pango_parse_markup (markup, -1, 0, NULL, &parsed, NULL, &error))
    g_error ("The snippet's markup does not parse: %s\n%s", error->message, markup);

  /* Markup, like XML, reads a carriage return as a line feed: line breaks
   * aside, what is shown is the text without its match markers. */
  shown = dup_without (parsed, "\r\n");
  expected = dup_without (valid, "\r\n" HEARD_SNIPPET_OPEN HEARD_SNIPPET_CLOSE);
  g_assert_cmpstr (shown, ==, expected);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = heard_fuzz_dup_text (data, size);

  if (db == NULL)
    open_table ();

  check_match (text);
  check_snippet (text);

  return 0;
}

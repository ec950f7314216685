/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Where in a statement the searched words were found. */
typedef enum
{
  HEARD_FOUND_IN_WORDS      = 1 << 0,
  HEARD_FOUND_IN_CONTEXT    = 1 << 1,
  HEARD_FOUND_IN_THEIR_NOTE = 1 << 2,
  HEARD_FOUND_IN_ANSWERS    = 1 << 3,
} HeardFoundIn;

/* How many statements a search lists at most; a search finds one more to
 * say that there are more. */
#define HEARD_STATEMENT_SEARCH_LIMIT 100

/* One statement found by a full-text search, ready to be listed. */
#define HEARD_TYPE_STATEMENT_MATCH (heard_statement_match_get_type ())

G_DECLARE_FINAL_TYPE (HeardStatementMatch, heard_statement_match, HEARD, STATEMENT_MATCH, GObject)

HeardStatementMatch *heard_statement_match_new (gint64         statement_id,
                                                gint64         person_id,
                                                const char    *person_name,
                                                const char    *given_on,
                                                gboolean       sensitive,
                                                const char    *content_note,
                                                const char    *snippet,
                                                HeardFoundIn   found_in) G_GNUC_WARN_UNUSED_RESULT;

gint64        heard_statement_match_get_statement_id  (HeardStatementMatch *self);
gint64        heard_statement_match_get_person_id     (HeardStatementMatch *self);
const char   *heard_statement_match_get_person_name   (HeardStatementMatch *self);
const char   *heard_statement_match_get_given_on      (HeardStatementMatch *self);
gboolean      heard_statement_match_get_sensitive     (HeardStatementMatch *self);
const char   *heard_statement_match_get_content_note  (HeardStatementMatch *self);
const char   *heard_statement_match_get_markup        (HeardStatementMatch *self);
HeardFoundIn  heard_statement_match_get_found_in      (HeardStatementMatch *self);
char         *heard_statement_match_dup_found_in_text (HeardStatementMatch *self)
                                                       G_GNUC_WARN_UNUSED_RESULT;

/* The bytes that mark where a match starts and ends inside a snippet. */
#define HEARD_SNIPPET_OPEN "\x01"
#define HEARD_SNIPPET_CLOSE "\x02"

char         *heard_snippet_to_markup (const char *snippet) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "heard-key.h"

G_BEGIN_DECLS

/*
 * Records as CSV for a team's analysis in a spreadsheet (RFC 4180: one
 * header row, fields holding a comma, a quote or a line break quoted, CRLF
 * line ends, UTF-8, ISO dates). The column names and codes are stable and
 * never translated, so that a team's formulas keep working.
 */

/* Adds one row of @n_fields fields to @csv, quoted as RFC 4180 asks, and
 * its CRLF. A field starting as a spreadsheet formula would (=, +, -, @, a
 * tab or a carriage return) gets an apostrophe first, as OWASP advises
 * against formula injection: a spreadsheet shows it as text. */
void     heard_csv_append_row       (GString             *csv,
                                     const char *const   *fields,
                                     guint                n_fields);

/* A stable pseudonym for the young person @person_id in the records whose
 * key is @key ("p-" and 16 hex digits): a keyed hash (BLAKE2b, with a key
 * derived from the records' own), so the same young person gets the same
 * pseudonym in every export from these records, another set of records
 * gives another, and nothing leads back from it without the key. */
char    *heard_csv_pseudonym        (const HeardKey      *key,
                                     gint64               person_id) G_GNUC_WARN_UNUSED_RESULT;

/* Which columns a check-ins CSV has: the ratings only, or their words
 * too. Free text can name people and places, so it goes only when asked. */
typedef enum
{
  HEARD_CSV_RATINGS_ONLY,
  HEARD_CSV_WITH_WORDS,
} HeardCsvCheckIns;

/* One young person's check-ins (HeardCheckIn, as the store lists them) as
 * CSV: columns person, day, check_in, measure, rater, state, rating; one
 * row per check-in per area rated per rater (measure: the area's code),
 * then one for their safety scale (measure "safety-scale"). A rating not
 * given says "skipped" or "rather-not-say" in state and leaves rating
 * empty, never 0. @person fills the person column (a name or a pseudonym).
 * Typed text (the name, their words, the note) that starts as a spreadsheet
 * formula would (=, +, -, @, a tab or a carriage return) gets an apostrophe
 * first, as OWASP advises against formula injection. With
 * HEARD_CSV_WITH_WORDS every row has two more columns, their_words (what
 * they said, in their words) and worker_note, filled once per check-in, on
 * its safety-scale row, and empty on the others, so that a count of rows
 * with words counts check-ins. */
GBytes  *heard_csv_check_ins        (const char          *person,
                                     GPtrArray           *check_ins,
                                     HeardCsvCheckIns     columns) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

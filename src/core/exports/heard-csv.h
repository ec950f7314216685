/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-export-note.h"
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

/* The CSV exports Heard makes, one row each of a table, so that another
 * kind of records to export is one more row (and one more writer). */
typedef enum
{
  HEARD_CSV_OF_CHECK_INS,
  HEARD_CSV_OF_SIGNS,
  HEARD_CSV_OF_SHARING,
  HEARD_CSV_N_KINDS /*< skip >*/
} HeardCsvOf;

/* The records an export is made from. */
typedef enum /*< flags,skip >*/
{
  HEARD_CSV_NEEDS_CHECK_INS  = 1 << 0,
  HEARD_CSV_NEEDS_CHRONOLOGY = 1 << 1,
  HEARD_CSV_NEEDS_AGENCIES   = 1 << 2,
  HEARD_CSV_NEEDS_SHARING    = 1 << 3,
} HeardCsvNeeds;

/* What one export is made from: how the young person is named in it (a
 * name or a pseudonym), the records its kind needs (the others may be
 * NULL), and whether free text goes too. */
typedef struct
{
  const char *person;
  /* HeardCheckIn, oldest first. */
  GPtrArray  *check_ins;
  /* HeardChronologyEntry, as the store lists them. */
  GPtrArray  *chronology;
  /* HeardDirectoryAgency: the directory, to name who reported a sign or
   * was shared with. */
  GListModel *agencies;
  /* HeardSharingEntry, each entry's newest version. */
  GPtrArray  *sharing;
  gboolean    with_words;
} HeardCsvContent;

typedef struct
{
  /* Stable, never translated: "check-ins", "signs", "sharing" (heard-cli
   * export csv --of). */
  const char      *code;
  /* What it holds, and what with_words adds (N_(): pass through gettext). */
  const char      *summary;
  const char      *words;
  /* What the audit trail calls it. */
  HeardExportKind  note_kind;
  HeardCsvNeeds    needs;
} HeardCsvExport;

const HeardCsvExport *heard_csv_export_get    (HeardCsvOf              of);
/* The export whose code is @code, with its kind in @of; FALSE if none. */
gboolean              heard_csv_export_lookup (const char             *code,
                                               HeardCsvOf             *of);

/* The export @of of @content as CSV: heard_csv_check_ins() for check-ins;
 * for warning signs and strengths one row per chronology entry, columns
 * person, entry, version, earliest_day, latest_day, precision (day, month,
 * year or around: an approximate day has earliest and latest a span
 * apart), nature (harm, vulnerability, strength), kind (its code), agency
 * (the directory's name for who reported it), agency_type; with_words adds
 * reporter and seen (who told the agency, and what was seen), which can
 * name people; for the sharing log one row per entry (its newest
 * version), columns person, entry, version, day, decision (shared or
 * not-shared), agency, agency_type, method, lawful_basis, agreed (yes, no,
 * not-asked; empty for a decision not to share), told (yes, no; likewise), links (what it included, e.g.
 * "statement:12;plan:3"); with_words adds contact, what, purpose,
 * agreement_reason, decided_by, not_told_reason, necessary and
 * not_shared_reason, the worker's words. */
GBytes               *heard_csv_write         (HeardCsvOf              of,
                                               const HeardCsvContent  *content)
                                               G_GNUC_WARN_UNUSED_RESULT;

/* The audit note of the export @of of @content, made for our own team's
 * analysis: how many check-ins went, whether their name went (@with_names,
 * else a pseudonym) and whether typed words did. */
HeardExportNote      *heard_csv_export_note_new (HeardCsvOf             of,
                                                 const HeardCsvContent *content,
                                                 gboolean               with_names)
                                                 G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

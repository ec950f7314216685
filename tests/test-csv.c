/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-csv"

#include "config.h"

#include <string.h>

#include "heard-check-in.h"
#include "heard-chronology-entry.h"
#include "heard-csv.h"
#include "heard-directory-agency.h"
#include "heard-test-utils.h"

/*
 * CSV as RFC 4180 asks: a field holding a comma, a quote or a line break
 * quoted (quotes doubled), CRLF after every row, UTF-8 as it came (emoji,
 * right-to-left text), as Python's csv module reads it back; warning signs
 * with their dates as precise as they are known; and pseudonyms that stay the same for one young
 * person in one set of records and differ across people and records.
 */

static void
test_quoting (void)
{
  const char *const fields[] = {
    "plain", "a, b", "she said \"no\"", "two\nlines", "\r", "🙂 كنت بأمان", "",
  };
  g_autoptr(GString) csv = g_string_new (NULL);

  heard_csv_append_row (csv, fields, G_N_ELEMENTS (fields));
  g_assert_cmpstr (csv->str, ==,
                   "plain,\"a, b\",\"she said \"\"no\"\"\",\"two\nlines\",\"\r\","
                   "🙂 كنت بأمان,\r\n");
}

static void
test_pseudonym (void)
{
  g_autoptr(HeardKey) key = heard_test_key_new (1);
  g_autoptr(HeardKey) other_key = heard_test_key_new (2);
  g_autofree char *first = heard_csv_pseudonym (key, 7);
  g_autofree char *again = heard_csv_pseudonym (key, 7);
  g_autofree char *other_person = heard_csv_pseudonym (key, 8);
  g_autofree char *other_records = heard_csv_pseudonym (other_key, 7);

  g_assert_true (g_regex_match_simple ("^p-[0-9a-f]{16}$", first, 0, 0));
  g_assert_cmpstr (first, ==, again);
  g_assert_cmpstr (first, !=, other_person);
  g_assert_cmpstr (first, !=, other_records);
}

static void
test_no_check_ins (void)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GBytes) csv = heard_csv_check_ins ("Sam", none, HEARD_CSV_RATINGS_ONLY);
  gsize length;
  const char *data = g_bytes_get_data (csv, &length);

  g_assert_cmpmem (data, length, "person,day,check_in,measure,rater,state,rating\r\n", 48);
}

static HeardCheckIn *
new_check_in (gint64      id,
              const char *day,
              const char *their_words,
              const char *worker_note)
{
  HeardCheckIn *check_in = heard_check_in_new (1);

  heard_check_in_set_id (check_in, id);
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_DAY, day);
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_THEIR_WORDS, their_words);
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_WORKER_NOTE, worker_note);
  heard_check_in_set_rating (check_in, HEARD_AREA_HOME, HEARD_RATER_YOUNG_PERSON,
                             HEARD_RATING_GIVEN, 6);
  heard_check_in_set_rating (check_in, HEARD_AREA_HOME, HEARD_RATER_WORKER,
                             HEARD_RATING_SKIPPED, 0);
  heard_check_in_set_safety (check_in, HEARD_RATING_GIVEN, 7);
  return check_in;
}

static char *
csv_text (GBytes *csv)
{
  gsize length;
  const char *data = g_bytes_get_data (csv, &length);

  return g_strndup (data, length);
}

/* With their words asked for: two more columns on every row, filled once a
 * check-in (its safety-scale row), quoted where they hold a comma, a quote
 * or a line break; without, neither the columns nor the words. */
static void
test_with_words (void)
{
  g_autoptr(GPtrArray) check_ins = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) with = NULL;
  g_autoptr(GBytes) without = NULL;
  g_autofree char *with_text = NULL;
  g_autofree char *without_text = NULL;

  g_ptr_array_add (check_ins, new_check_in (4, "2026-03-01", "I said \"no\", twice\nand left",
                                            "Calm, 🙂 كنت بأمان"));
  with = heard_csv_check_ins ("p-0123456789abcdef", check_ins, HEARD_CSV_WITH_WORDS);
  with_text = csv_text (with);
  g_assert_cmpstr (with_text, ==,
                   "person,day,check_in,measure,rater,state,rating,their_words,worker_note\r\n"
                   "p-0123456789abcdef,2026-03-01,4,home,young-person,given,6,,\r\n"
                   "p-0123456789abcdef,2026-03-01,4,home,worker,skipped,,,\r\n"
                   "p-0123456789abcdef,2026-03-01,4,safety-scale,young-person,given,7,"
                   "\"I said \"\"no\"\", twice\nand left\",\"Calm, 🙂 كنت بأمان\"\r\n");

  without = heard_csv_check_ins ("p-0123456789abcdef", check_ins, HEARD_CSV_RATINGS_ONLY);
  without_text = csv_text (without);
  g_assert_null (strstr (without_text, "twice"));
  g_assert_null (strstr (without_text, "Calm"));
  g_assert_null (strstr (without_text, "their_words"));
}

/* Typed text that a spreadsheet would run as a formula is made text with
 * an apostrophe; Heard's own codes, numbers and dates are left alone. */
static void
test_formula_guard (void)
{
  const char *const formulas[] = { "=1+1", "+44 7700", "-2", "@SUM(A1)", "\tx", "\rx" };

  for (guint i = 0; i < G_N_ELEMENTS (formulas); i++)
    {
      g_autoptr(GPtrArray) check_ins = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GBytes) csv = NULL;
      g_autofree char *text = NULL;
      g_autofree char *guarded = g_strconcat ("'", formulas[i], NULL);
      g_auto(GStrv) lines = NULL;

      g_ptr_array_add (check_ins, new_check_in (4, "2026-03-01", formulas[i], formulas[i]));
      csv = heard_csv_check_ins (formulas[i], check_ins, HEARD_CSV_WITH_WORDS);
      text = csv_text (csv);
      lines = g_strsplit (text, "\r\n", -1);
      /* Every row starts with the person, guarded. */
      for (guint l = 1; lines[l] != NULL && lines[l][0] != '\0'; l++)
        g_assert_true (g_str_has_prefix (lines[l], guarded) ||
                       (g_str_has_prefix (lines[l], "\"") &&
                        g_str_has_prefix (lines[l] + 1, guarded)));
      g_assert_nonnull (strstr (text, ",2026-03-01,4,home,young-person,given,6,"));
    }

  {
    g_autoptr(GPtrArray) check_ins = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GBytes) csv = NULL;
    g_autofree char *text = NULL;

    g_ptr_array_add (check_ins, new_check_in (4, "2026-03-01", "=HYPERLINK(\"x\")", "fine"));
    csv = heard_csv_check_ins ("Sam", check_ins, HEARD_CSV_WITH_WORDS);
    text = csv_text (csv);
    g_assert_true (g_str_has_suffix (text, ",\"'=HYPERLINK(\"\"x\"\")\",fine\r\n"));
    g_assert_null (strstr (text, ",=HYPERLINK"));
  }
}

/* @csv as Python's csv module reads it (tests/check-exports.py, with
 * Debian's own python3): one line a row, fields joined by tabs, line
 * breaks in them as "\n". */
static char **
read_back (GBytes *csv)
{
  const char *argv[] = {
    "/usr/bin/python3", g_getenv ("HEARD_CHECK_EXPORTS"), "csv", "-", NULL
  };
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (argv[1]);
  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                     G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, csv, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  text = g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
  g_assert_true (g_utf8_validate (text, -1, NULL));

  return g_strsplit (text, "\n", -1);
}

static HeardChronologyEntry *
new_entry (gint64              id,
           HeardEntryNature    nature,
           const char         *kind,
           HeardDatePrecision  precision,
           const char         *day,
           const char         *latest,
           gint64              agency_id,
           const char         *reporter,
           const char         *seen)
{
  HeardChronologyEntry *entry = heard_chronology_entry_new (1, nature, kind);
  GDate earliest, last;

  g_date_set_parse (&earliest, day);
  g_date_set_parse (&last, latest != NULL ? latest : day);
  heard_chronology_entry_set_id (entry, id);
  heard_chronology_entry_set_when (entry, precision, &earliest, &last);
  heard_chronology_entry_set_agency_id (entry, agency_id);
  heard_chronology_entry_set_text (entry, HEARD_CHRONOLOGY_REPORTER, reporter);
  heard_chronology_entry_set_text (entry, HEARD_CHRONOLOGY_SEEN, seen);
  return entry;
}

/* Warning signs and strengths as CSV, read back by Python: ISO dates, an
 * approximate day as its span and precision, the agency by the
 * directory's name; typed text holding commas, quotes, line breaks, emoji
 * and Arabic comes back as typed, a formula made text; and the words only
 * when asked. */
static void
test_signs (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) agencies = g_list_store_new (HEARD_TYPE_DIRECTORY_AGENCY);
  g_autoptr(HeardDirectoryAgency) college = NULL;
  g_autoptr(HeardDirectoryAgency) police = NULL;
  g_autoptr(GBytes) with = NULL;
  g_autoptr(GBytes) without = NULL;
  g_auto(GStrv) rows = NULL;
  g_auto(GStrv) fact_rows = NULL;
  HeardCsvContent content = {
    .person = "p-0123456789abcdef",
    .chronology = entries,
    .agencies = G_LIST_MODEL (agencies),
    .with_words = TRUE,
  };
  HeardCsvOf of;

  college = heard_directory_agency_new (HEARD_AGENCY_TYPE_SCHOOL, "Riverside College, \"North\"");
  heard_directory_agency_set_id (college, 3);
  police = heard_directory_agency_new (HEARD_AGENCY_TYPE_POLICE, "Eastside Police");
  heard_directory_agency_set_id (police, 8);
  g_list_store_append (agencies, college);
  g_list_store_append (agencies, police);

  g_ptr_array_add (entries, new_entry (5, HEARD_ENTRY_SIGN_OF_HARM, "missing-episode",
                                       HEARD_DATE_PRECISION_DAY, "2024-05-03", NULL, 8,
                                       "PC O'Neil, \"night shift\"",
                                       "Found at 2am, said:\n\"I'm fine\" 🙂 كنت بأمان"));
  g_ptr_array_add (entries, new_entry (9, HEARD_ENTRY_STRENGTH, "education-work",
                                       HEARD_DATE_PRECISION_AROUND, "2023-04-01", "2023-06-30",
                                       3, "", "=HYPERLINK(\"x\")"));

  g_assert_true (heard_csv_export_lookup ("signs", &of));
  g_assert_cmpint (of, ==, HEARD_CSV_OF_SIGNS);
  g_assert_cmpint (heard_csv_export_get (of)->note_kind, ==, HEARD_EXPORT_SIGNS_CSV);
  g_assert_false (heard_csv_export_lookup ("gossip", &of));

  with = heard_csv_write (HEARD_CSV_OF_SIGNS, &content);
  rows = read_back (with);
  g_assert_cmpstr (rows[0], ==, "person\tentry\tversion\tearliest_day\tlatest_day\tprecision"
                                "\tnature\tkind\tagency\tagency_type\treporter\tseen");
  g_assert_cmpstr (rows[1], ==, "p-0123456789abcdef\t5\t1\t2024-05-03\t2024-05-03\tday\tharm"
                                "\tmissing-episode\tEastside Police\tpolice"
                                "\tPC O'Neil, \"night shift\""
                                "\tFound at 2am, said:\\n\"I'm fine\" 🙂 كنت بأمان");
  g_assert_cmpstr (rows[2], ==, "p-0123456789abcdef\t9\t1\t2023-04-01\t2023-06-30\taround"
                                "\tstrength\teducation-work\tRiverside College, \"North\""
                                "\tschool\t\t'=HYPERLINK(\"x\")");
  g_assert_cmpstr (rows[3], ==, "");
  g_assert_null (rows[4]);

  content.with_words = FALSE;
  without = heard_csv_write (HEARD_CSV_OF_SIGNS, &content);
  fact_rows = read_back (without);
  g_assert_cmpstr (fact_rows[0], ==, "person\tentry\tversion\tearliest_day\tlatest_day"
                                     "\tprecision\tnature\tkind\tagency\tagency_type");
  g_assert_true (g_str_has_prefix (rows[1], fact_rows[1]));
  g_assert_null (strstr (g_bytes_get_data (without, NULL), "O'Neil"));
  g_assert_null (strstr (g_bytes_get_data (without, NULL), "Found"));
}

int
main (int    argc,
      char **argv)
{
  heard_test_init (&argc, &argv);

  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/pseudonym", test_pseudonym);
  g_test_add_func ("/csv/no-check-ins", test_no_check_ins);
  g_test_add_func ("/csv/with-words", test_with_words);
  g_test_add_func ("/csv/formula-guard", test_formula_guard);
  g_test_add_func ("/csv/signs", test_signs);

  return g_test_run ();
}

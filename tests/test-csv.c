/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-csv"

#include "config.h"

#include "heard-csv.h"
#include "heard-test-utils.h"

/*
 * CSV as RFC 4180 asks: a field holding a comma, a quote or a line break
 * quoted (quotes doubled), CRLF after every row, UTF-8 as it came (emoji,
 * right-to-left text); and pseudonyms that stay the same for one young
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
  g_autoptr(GBytes) csv = heard_csv_check_ins ("Sam", none);
  gsize length;
  const char *data = g_bytes_get_data (csv, &length);

  g_assert_cmpmem (data, length, "person,day,check_in,measure,rater,state,rating\r\n", 48);
}

int
main (int    argc,
      char **argv)
{
  heard_test_init (&argc, &argv);

  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/pseudonym", test_pseudonym);
  g_test_add_func ("/csv/no-check-ins", test_no_check_ins);

  return g_test_run ();
}

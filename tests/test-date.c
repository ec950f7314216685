/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-date"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "heard-date.h"
#include "heard-date-private.h"
#include "heard-person.h"
#include "heard-plan-action.h"
#include "heard-plan-rules.h"
#include "heard-store.h"
#include "heard-test-utils.h"

/*
 * Dates as people type them: what is read, to which day, and what is
 * refused and why; and that every date shown has its year in full. Run under
 * C.UTF-8 and C, which every machine has, and under en_US and de_DE when this
 * machine can build them (they are compiled into a private folder, so the
 * test never depends on which locales happen to be installed).
 */

typedef struct
{
  const char *text;
  guint       day, month, year;
} Good;

typedef struct
{
  const char     *text;
  HeardDateError  code;
} Bad;

static char *locale_dir;

static void
assert_reads (const char *text,
              guint       day,
              guint       month,
              guint       year)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  if (!heard_date_parse (text, &date, &error))
    g_error ("“%s” was refused: %s", text, error->message);
  g_assert_cmpuint (g_date_get_day (&date), ==, day);
  g_assert_cmpuint (g_date_get_month (&date), ==, month);
  g_assert_cmpuint (g_date_get_year (&date), ==, year);
}

static void
assert_refused (const char     *text,
                HeardDateError  code)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  if (heard_date_parse (text, &date, &error))
    g_error ("“%s” was read as %04u-%02u-%02u", text, g_date_get_year (&date),
             g_date_get_month (&date), g_date_get_day (&date));
  g_assert_error (error, HEARD_DATE_ERROR, (int) code);
  g_assert_false (g_date_valid (&date));
}

/* Every refusal says how to write the date, in this locale's order. */
static void
assert_refusal_explains (const char *text,
                         const char *example)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_false (heard_date_parse (text, &date, &error));
  g_assert_nonnull (error);
  if (strstr (error->message, example) == NULL)
    g_error ("Refusing “%s” said “%s”, without the example %s", text, error->message, example);
}

static void
assert_shown (guint       day,
              guint       month,
              guint       year,
              const char *expected)
{
  g_autofree char *shown = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  shown = heard_date_format (&date);
  g_assert_cmpstr (shown, ==, expected);
}

/* The inputs, and the mistakes near them, in any locale. */
static const Bad refused_everywhere[] = {
  { "-322-3-3", HEARD_DATE_ERROR_UNREADABLE },
  { "31/12/-1", HEARD_DATE_ERROR_UNREADABLE },
  { "1/1/1", HEARD_DATE_ERROR_YEAR_DIGITS },
  { "", HEARD_DATE_ERROR_EMPTY },
  { "+2025-03-14", HEARD_DATE_ERROR_UNREADABLE },
  { "2025-03-14x", HEARD_DATE_ERROR_UNREADABLE },
  { "2025-03", HEARD_DATE_ERROR_UNREADABLE },
  { "2025-03-14-01", HEARD_DATE_ERROR_UNREADABLE },
  { "2025--03-14", HEARD_DATE_ERROR_UNREADABLE },
  { "2025-03/14", HEARD_DATE_ERROR_UNREADABLE },
  { "2025-003-14", HEARD_DATE_ERROR_UNREADABLE },
  { "2025-03-014", HEARD_DATE_ERROR_UNREADABLE },
  { "2025-3-14.", HEARD_DATE_ERROR_UNREADABLE },
  { "14 March 2025", HEARD_DATE_ERROR_UNREADABLE },
  { "last Tuesday", HEARD_DATE_ERROR_UNREADABLE },
  { " 2025-03-14", HEARD_DATE_ERROR_SPACES },
  { "2025-03-14 ", HEARD_DATE_ERROR_SPACES },
  { "2025-03-14\n", HEARD_DATE_ERROR_SPACES },
  { "2025 -03-14", HEARD_DATE_ERROR_SPACES },
  { "２０２５-03-14", HEARD_DATE_ERROR_UNREADABLE },
  { "\xff\xfe-03-14", HEARD_DATE_ERROR_UNREADABLE },
  { "2025-03-14\xc0", HEARD_DATE_ERROR_UNREADABLE },
  { "322-03-03", HEARD_DATE_ERROR_YEAR_DIGITS },
  { "65214-03-03", HEARD_DATE_ERROR_YEAR_DIGITS },
  { "4294967295-01-01", HEARD_DATE_ERROR_YEAR_DIGITS },
  { "0001-01-01", HEARD_DATE_ERROR_YEAR_RANGE },
  { "1899-12-31", HEARD_DATE_ERROR_YEAR_RANGE },
  { "2201-01-01", HEARD_DATE_ERROR_YEAR_RANGE },
  { "9999-12-31", HEARD_DATE_ERROR_YEAR_RANGE },
  { "2025-00-10", HEARD_DATE_ERROR_MONTH },
  { "2025-13-01", HEARD_DATE_ERROR_MONTH },
  { "2025-04-31", HEARD_DATE_ERROR_DAY },
  { "2025-02-29", HEARD_DATE_ERROR_DAY },
  { "1900-02-29", HEARD_DATE_ERROR_DAY },
  { "2100-02-29", HEARD_DATE_ERROR_DAY },
  { "2025-01-00", HEARD_DATE_ERROR_DAY },
  { "2025-01-32", HEARD_DATE_ERROR_DAY },
};

static const Good read_everywhere[] = {
  { "2025-03-14", 14, 3, 2025 },
  { "2025-3-4", 4, 3, 2025 },
  { "2024-02-29", 29, 2, 2024 },
  { "2000-02-29", 29, 2, 2000 },
  { "1900-01-01", 1, 1, 1900 },
  { "2200-12-31", 31, 12, 2200 },
  { "2009/04/23", 23, 4, 2009 },
};

static void
check_everywhere (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refused_everywhere); i++)
    assert_refused (refused_everywhere[i].text, refused_everywhere[i].code);
  assert_refused (NULL, HEARD_DATE_ERROR_EMPTY);

  for (guint i = 0; i < G_N_ELEMENTS (read_everywhere); i++)
    assert_reads (read_everywhere[i].text, read_everywhere[i].day, read_everywhere[i].month,
                  read_everywhere[i].year);

  /* The year is always shown in full: 2005 as 2005, never 05. */
  assert_shown (7, 6, 2005, "7 June 2005");
  assert_shown (1, 1, 1900, "1 January 1900");
}

/* With no locale chosen, Heard reads day first, as it always has, and
 * never uses C's two-digit "%x" to show a date. */
static void
check_day_first (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *numeric = NULL;
  g_autofree char *moment_text = NULL;
  g_autofree char *hint = heard_date_dup_hint ();
  g_autoptr(GDateTime) moment = g_date_time_new_utc (2005, 6, 7, 8, 9, 0);
  GDate date;

  check_everywhere ();

  assert_reads ("14/03/2025", 14, 3, 2025);
  assert_reads ("1/2/2008", 1, 2, 2008);
  assert_reads ("29/02/2024", 29, 2, 2024);
  assert_reads ("14.03.2025", 14, 3, 2025);
  assert_reads ("14-03-2025", 14, 3, 2025);
  assert_refused ("03/14/2025", HEARD_DATE_ERROR_MONTH);
  assert_refused ("31/04/2025", HEARD_DATE_ERROR_DAY);
  assert_refused ("29/02/2025", HEARD_DATE_ERROR_DAY);
  assert_refused ("14/03/25", HEARD_DATE_ERROR_YEAR_DIGITS);
  assert_refused ("14/03/02025", HEARD_DATE_ERROR_YEAR_DIGITS);
  assert_refused ("14/03.2025", HEARD_DATE_ERROR_UNREADABLE);
  assert_refused ("014/03/2025", HEARD_DATE_ERROR_YEAR_DIGITS);
  assert_refused ("14/003/2025", HEARD_DATE_ERROR_UNREADABLE);
  assert_refused ("1/1/0001", HEARD_DATE_ERROR_YEAR_RANGE);
  assert_refused ("/03/2025", HEARD_DATE_ERROR_UNREADABLE);

  g_assert_cmpstr (hint, ==, "Write it like 14/03/2025 or 2025-03-14.");
  assert_refusal_explains ("-322-3-3", "14/03/2025 or 2025-03-14");
  assert_refusal_explains ("1/1/1", "14/03/2025 or 2025-03-14");
  assert_refusal_explains ("31/12/-1", "14/03/2025 or 2025-03-14");
  assert_refusal_explains ("1/1/1800", "between 1900 and 2200");

  /* A day that does not exist is named with its month and year. */
  g_assert_false (heard_date_parse ("29/02/2025", &date, &error));
  g_assert_cmpstr (error->message, ==, "February 2025 has only 28 days. Please check the day.");
  g_clear_error (&error);
  g_assert_false (heard_date_parse ("31/04/2024", &date, &error));
  g_assert_cmpstr (error->message, ==, "April 2024 has only 30 days. Please check the day.");

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 7, G_DATE_JUNE, 2005);
  numeric = heard_date_format_numeric (&date);
  g_assert_cmpstr (numeric, ==, "07/06/2005");
  moment_text = heard_date_format_moment (moment);
  g_assert_cmpstr (moment_text, ==, "7 June 2005, 08:09");
}

static void
test_c_utf8 (void)
{
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  check_day_first ();
}

static void
test_c (void)
{
  g_assert_nonnull (setlocale (LC_ALL, "C"));
  check_day_first ();
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
}

/* The order read from a locale's D_FMT, for the ways locales write it. */
static void
test_order_from_format (void)
{
  static const struct
  {
    const char     *d_fmt;
    HeardDateOrder  order;
    char            separator;
  } formats[] = {
    { "%d/%m/%Y", HEARD_DATE_ORDER_DAY_FIRST, '/' },     /* en_GB */
    { "%m/%d/%Y", HEARD_DATE_ORDER_MONTH_FIRST, '/' },   /* en_US */
    { "%m/%d/%y", HEARD_DATE_ORDER_MONTH_FIRST, '/' },   /* C */
    { "%d.%m.%Y", HEARD_DATE_ORDER_DAY_FIRST, '.' },     /* de_DE */
    { "%d-%m-%Y", HEARD_DATE_ORDER_DAY_FIRST, '-' },     /* nl_NL */
    { "%Y-%m-%d", HEARD_DATE_ORDER_YEAR_FIRST, '-' },    /* sv_SE */
    { "%Y. %m. %d.", HEARD_DATE_ORDER_YEAR_FIRST, '.' }, /* hu_HU */
    { "%Y年%m月%d日", HEARD_DATE_ORDER_YEAR_FIRST, '/' }, /* ja_JP */
    { "%e/%-m/%Ey", HEARD_DATE_ORDER_DAY_FIRST, '/' },
    { "%D", HEARD_DATE_ORDER_MONTH_FIRST, '/' },
    { "%F", HEARD_DATE_ORDER_YEAR_FIRST, '-' },
    { "", HEARD_DATE_ORDER_DAY_FIRST, '/' },
    { "%H:%M", HEARD_DATE_ORDER_DAY_FIRST, '/' },
    { "%", HEARD_DATE_ORDER_DAY_FIRST, '/' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      char separator = '\0';

      g_test_message ("D_FMT %s", formats[i].d_fmt);
      g_assert_cmpint (_heard_date_order_from_format (formats[i].d_fmt, &separator), ==,
                       formats[i].order);
      g_assert_cmpint (separator, ==, formats[i].separator);
    }
}

/* Compiles @name (e.g. "en_US") into the private locale folder and
 * switches to it; FALSE, with the test skipped, when this machine cannot. */
static gboolean
use_built_locale (const char *name)
{
  g_autofree char *localedef = g_find_program_in_path ("localedef");
  g_autofree char *source = g_build_filename ("/usr/share/i18n/locales", name, NULL);
  g_autofree char *full_name = g_strconcat (name, ".UTF-8", NULL);
  g_autofree char *target = g_build_filename (locale_dir, full_name, NULL);
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (localedef == NULL || !g_file_test (source, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("localedef or the locale sources (Debian package “locales”) are not "
                   "installed, so only C.UTF-8 and C were tried");
      return FALSE;
    }

  if (!g_file_test (target, G_FILE_TEST_IS_DIR))
    {
      const char *argv[] = { localedef, "-i", name, "-f", "UTF-8", target, NULL };

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL |
                         G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error) ||
          !g_file_test (target, G_FILE_TEST_IS_DIR))
        {
          g_test_skip ("localedef could not build the locale");
          return FALSE;
        }
    }

  g_setenv ("LOCPATH", locale_dir, TRUE);
  g_assert_nonnull (setlocale (LC_ALL, full_name));
  return TRUE;
}

static void
restore_locale (void)
{
  g_unsetenv ("LOCPATH");
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
}

static void
test_en_us (void)
{
  g_autofree char *hint = NULL;
  g_autofree char *numeric = NULL;
  GDate date;

  if (!use_built_locale ("en_US"))
    return;

  check_everywhere ();
  assert_reads ("03/14/2025", 14, 3, 2025);
  assert_reads ("2/1/2008", 1, 2, 2008);
  assert_refused ("14/03/2025", HEARD_DATE_ERROR_MONTH);
  assert_refused ("04/31/2025", HEARD_DATE_ERROR_DAY);
  assert_refused ("03/14/25", HEARD_DATE_ERROR_YEAR_DIGITS);

  hint = heard_date_dup_hint ();
  g_assert_cmpstr (hint, ==, "Write it like 03/14/2025 or 2025-03-14.");
  assert_refusal_explains ("1/1/1", "03/14/2025 or 2025-03-14");

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 7, G_DATE_JUNE, 2005);
  numeric = heard_date_format_numeric (&date);
  g_assert_cmpstr (numeric, ==, "06/07/2005");

  restore_locale ();
}

static void
test_de_de (void)
{
  g_autofree char *hint = NULL;
  g_autofree char *shown = NULL;
  GDate date;

  if (!use_built_locale ("de_DE"))
    return;

  assert_reads ("14.03.2025", 14, 3, 2025);
  assert_reads ("14/03/2025", 14, 3, 2025);
  assert_reads ("2025-03-14", 14, 3, 2025);
  assert_refused ("-322-3-3", HEARD_DATE_ERROR_UNREADABLE);
  assert_refused ("1.1.1", HEARD_DATE_ERROR_YEAR_DIGITS);
  assert_refused ("31.04.2025", HEARD_DATE_ERROR_DAY);

  hint = heard_date_dup_hint ();
  g_assert_cmpstr (hint, ==, "Write it like 14.03.2025 or 2025-03-14.");

  /* Month names in the locale's language, the year in full. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 7, G_DATE_MARCH, 2005);
  shown = heard_date_format (&date);
  g_assert_cmpstr (shown, ==, "7 März 2005");

  restore_locale ();
}

/* Each form keeps its own rule about the future and names its field. */
static void
test_fields (void)
{
  g_autoptr(HeardPerson) person = heard_person_new ();
  g_autoptr(HeardPlanAction) action = heard_plan_action_new (1, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *tomorrow_text = NULL;
  GDate tomorrow;

  heard_plan_rules_today (&tomorrow);
  g_date_add_days (&tomorrow, 1);
  tomorrow_text = heard_date_to_iso (&tomorrow);

  heard_person_set_text (person, HEARD_PERSON_DISPLAY_NAME, "Amira");
  heard_person_set_text (person, HEARD_PERSON_DATE_OF_BIRTH, "-322-3-3");
  g_assert_false (heard_person_validate (person, &error));
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "The date of birth: "));
  g_assert_nonnull (strstr (error->message, "14/03/2025 or 2025-03-14"));
  g_clear_error (&error);

  /* Nobody is born tomorrow. */
  heard_person_set_text (person, HEARD_PERSON_DATE_OF_BIRTH, tomorrow_text);
  g_assert_false (heard_person_validate (person, &error));
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Kept in the stored form, whatever order it was typed in. */
  heard_person_set_text (person, HEARD_PERSON_DATE_OF_BIRTH, "23/04/2009");
  g_assert_true (heard_person_prepare (person, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (heard_person_get_text (person, HEARD_PERSON_DATE_OF_BIRTH), ==,
                   "2009-04-23");

  /* An action may be due tomorrow, but not on a wrapped year. */
  heard_plan_action_set_text (action, HEARD_ACTION_WHAT, "Call the school");
  heard_plan_action_set_text (action, HEARD_ACTION_DUE_DATE, "31/12/-1");
  g_assert_false (heard_plan_action_prepare (action, &error));
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_BAD_DATE);
  g_clear_error (&error);
  heard_plan_action_set_text (action, HEARD_ACTION_DUE_DATE, tomorrow_text);
  g_assert_true (heard_plan_action_prepare (action, &error));
  g_assert_no_error (error);
  heard_plan_action_set_text (action, HEARD_ACTION_DUE_DATE, "1/1/1");
  g_assert_false (heard_plan_action_prepare (action, &error));
  g_assert_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_BAD_DATE);
}

/* Every moment is shown one way: a stored save time in local time, its
 * local day, and a day with the time it was given, all with the year in
 * full and in the same words. */
static void
test_moments (void)
{
  const char *saved_tz = g_getenv ("TZ");
  g_autofree char *tz = g_strdup (saved_tz);
  g_autofree char *summer = NULL;
  g_autofree char *late = NULL;
  g_autofree char *late_day = NULL;
  g_autofree char *given = NULL;
  g_autofree char *given_day = NULL;
  g_autofree char *given_loose = NULL;
  g_autofree char *not_a_moment = NULL;

  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  /* Saved in UTC, shown as the clock on the wall said. */
  g_setenv ("TZ", "Europe/London", TRUE);
  summer = heard_date_describe_moment ("2024-05-03T13:30:00Z");
  g_assert_cmpstr (summer, ==, "3 May 2024, 14:30");
  late = heard_date_describe_moment ("2024-12-31T23:59:59Z");
  g_assert_cmpstr (late, ==, "31 December 2024, 23:59");
  g_setenv ("TZ", "America/New_York", TRUE);
  /* Late on New Year's Eve in London is still that day in New York, and
   * early on New Year's Day in UTC is the day before there. */
  late_day = heard_date_describe_moment_day ("2025-01-01T03:00:00Z");
  g_assert_cmpstr (late_day, ==, "31 December 2024");
  /* A time given beside a day is never moved between zones. */
  given = heard_date_describe_day_time ("2024-05-03", "14:30");
  g_assert_cmpstr (given, ==, "3 May 2024, 14:30");
  given_day = heard_date_describe_day_time ("2024-05-03", "");
  g_assert_cmpstr (given_day, ==, "3 May 2024");
  given_loose = heard_date_describe_day_time ("2024-05-03", "after school");
  g_assert_cmpstr (given_loose, ==, "3 May 2024, after school");
  not_a_moment = heard_date_describe_moment ("not yet");
  g_assert_cmpstr (not_a_moment, ==, "not yet");

  if (tz != NULL)
    g_setenv ("TZ", tz, TRUE);
  else
    g_unsetenv ("TZ");
}

/* A birth, the day something was said and the day someone was told are
 * never after today; a review or a due date may be. Today itself passes. */
static void
test_future_by_kind (void)
{
  static const HeardDateKind past_only[] = {
    HEARD_DATE_KIND_BIRTH, HEARD_DATE_KIND_SAID, HEARD_DATE_KIND_TOLD,
  };
  static const HeardDateKind may_be_future[] = {
    HEARD_DATE_KIND_REVIEW, HEARD_DATE_KIND_DUE,
  };
  GDate today, day;

  setlocale (LC_ALL, "C.UTF-8");
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 14, G_DATE_MARCH, 2025);

  for (guint i = 0; i < G_N_ELEMENTS (past_only); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (heard_date_kind_may_be_future (past_only[i]));
      g_assert_false (heard_date_check ("2025-03-15", past_only[i], &today, HEARD_DATE_ERROR,
                                        HEARD_DATE_ERROR_FUTURE, &day, &error));
      g_assert_error (error, HEARD_DATE_ERROR, HEARD_DATE_ERROR_FUTURE);
      g_assert_nonnull (strstr (error->message, "is in the future (15 March 2025)"));
      g_clear_error (&error);

      g_assert_false (heard_date_check ("2099-01-01", past_only[i], &today, HEARD_DATE_ERROR,
                                        HEARD_DATE_ERROR_FUTURE, &day, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);

      g_assert_true (heard_date_check ("14/03/2025", past_only[i], &today, HEARD_DATE_ERROR,
                                       HEARD_DATE_ERROR_FUTURE, &day, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (g_date_get_day (&day), ==, 14);
    }

  for (guint i = 0; i < G_N_ELEMENTS (may_be_future); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (heard_date_kind_may_be_future (may_be_future[i]));
      g_assert_true (heard_date_check ("2099-01-01", may_be_future[i], &today, HEARD_DATE_ERROR,
                                       HEARD_DATE_ERROR_FUTURE, &day, &error));
      g_assert_no_error (error);
    }

  {
    g_autoptr(GError) error = NULL;

    /* The name of the date starts every message, unreadable or not. */
    g_assert_false (heard_date_check ("2099-02-30", HEARD_DATE_KIND_BIRTH, &today,
                                      HEARD_DATE_ERROR, HEARD_DATE_ERROR_FUTURE, &day, &error));
    g_assert_true (g_str_has_prefix (error->message, "The date of birth: "));
  }
}

/* A record refuses a birth in 2099 (whose age would vanish), and an age
 * goes up on the birthday itself, not the day before or after. */
static void
test_birth_and_age (void)
{
  g_autoptr(HeardPerson) person = heard_person_new ();
  g_autoptr(GError) error = NULL;
  struct { int year, month, day; const char *age; } days[] = {
    { 2025, 4, 22, "15 years old" },
    { 2025, 4, 23, "16 years old" },
    { 2025, 4, 24, "16 years old" },
    { 2024, 2, 29, "14 years old" },
    { 2009, 4, 23, "0 years old" },
  };

  setlocale (LC_ALL, "C.UTF-8");
  heard_person_set_text (person, HEARD_PERSON_DISPLAY_NAME, "Amira");
  heard_person_set_text (person, HEARD_PERSON_DATE_OF_BIRTH, "2099-04-23");
  g_assert_false (heard_person_validate (person, &error));
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "The date of birth is in the future"));
  g_clear_error (&error);

  heard_person_set_text (person, HEARD_PERSON_DATE_OF_BIRTH, "2009-04-23");
  g_assert_true (heard_person_validate (person, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(GDateTime) today = g_date_time_new_utc (days[i].year, days[i].month,
                                                        days[i].day, 12, 0, 0);
      g_autofree char *age = heard_person_dup_age_text (person, today);

      g_assert_cmpstr (age, ==, days[i].age);
    }
}

int
main (int   argc,
      char *argv[])
{
  int result;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  locale_dir = heard_test_make_dir ();

  g_test_add_func ("/date/c-utf8", test_c_utf8);
  g_test_add_func ("/date/c", test_c);
  g_test_add_func ("/date/order-from-format", test_order_from_format);
  g_test_add_func ("/date/en-us", test_en_us);
  g_test_add_func ("/date/de-de", test_de_de);
  g_test_add_func ("/date/fields", test_fields);
  g_test_add_func ("/date/moments", test_moments);
  g_test_add_func ("/date/future-by-kind", test_future_by_kind);
  g_test_add_func ("/date/birth-and-age", test_birth_and_age);

  result = g_test_run ();

  heard_test_remove_dir (locale_dir);
  g_free (locale_dir);
  return result;
}

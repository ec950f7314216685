/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-date"

#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <glib/gi18n.h>

#include "heard-date.h"
#include "heard-date-private.h"

/*
 * Every date a person types into Heard is read here, and every date Heard
 * shows is written here, so that a birth date, a due date and the day a
 * young person was told all follow one set of rules. A date is typed as
 * 2025-03-14 or in numbers in the order of the user's locale (14/03/2025 in
 * Britain, 03/14/2025 in the United States), always with a four-digit year:
 * a two-digit year, a sign or a stray space is refused with a message that
 * says how to write it, never guessed at. Dates are kept as 2025-03-14 and
 * shown with the year in full ("14 March 2025"); "%x" is never used, as it
 * shows a two-digit year in some locales, C.UTF-8 among them. Every moment
 * (a save, a decision, the time a statement was given) is shown one way
 * too, in local time: "14 March 2025, 15:20". Nothing else in Heard
 * formats a date or a time for people to read.
 */

/* The day used in examples: its day is above 12, so the order shows. */
#define EXAMPLE_YEAR  2025
#define EXAMPLE_MONTH G_DATE_MARCH
#define EXAMPLE_DAY   14

#define SEPARATORS "/.-"

G_DEFINE_QUARK (heard-date-error-quark, heard_date_error)

G_DEFINE_ENUM_TYPE (HeardDateKind, heard_date_kind,
  G_DEFINE_ENUM_VALUE (HEARD_DATE_KIND_BIRTH, "birth"),
  G_DEFINE_ENUM_VALUE (HEARD_DATE_KIND_SAID, "said"),
  G_DEFINE_ENUM_VALUE (HEARD_DATE_KIND_TOLD, "told"),
  G_DEFINE_ENUM_VALUE (HEARD_DATE_KIND_REVIEW, "review"),
  G_DEFINE_ENUM_VALUE (HEARD_DATE_KIND_DUE, "due"),
  G_DEFINE_ENUM_VALUE (HEARD_DATE_KIND_CHECK_IN, "check-in"),
  G_DEFINE_ENUM_VALUE (HEARD_DATE_KIND_HAPPENED, "happened"),
  G_DEFINE_ENUM_VALUE (HEARD_DATE_KIND_DECIDED, "decided"),
  G_DEFINE_ENUM_VALUE (HEARD_DATE_KIND_CONSENT_ENDS, "consent-ends"),
  G_DEFINE_ENUM_VALUE (HEARD_DATE_KIND_WITHDRAWN, "withdrawn"))

/* One row per HeardDateKind: how messages name it, and whether it may lie
 * after today. This table is the only place the rule is written. */
static const struct
{
  const char *name;
  gboolean    may_be_future;
} kinds[HEARD_DATE_N_KINDS] = {
  [HEARD_DATE_KIND_BIRTH] = { N_("The date of birth"), FALSE },
  [HEARD_DATE_KIND_SAID] = { N_("The day they said it"), FALSE },
  [HEARD_DATE_KIND_TOLD] = { N_("The day they were told"), FALSE },
  [HEARD_DATE_KIND_REVIEW] = { N_("The review date"), TRUE },
  [HEARD_DATE_KIND_DUE] = { N_("The date this should be done by"), TRUE },
  [HEARD_DATE_KIND_CHECK_IN] = { N_("The day of the check-in"), FALSE },
  [HEARD_DATE_KIND_HAPPENED] = { N_("The day it happened"), FALSE },
  [HEARD_DATE_KIND_DECIDED] = { N_("The day it was decided"), FALSE },
  [HEARD_DATE_KIND_CONSENT_ENDS] = { N_("The last day their consent holds"), TRUE },
  [HEARD_DATE_KIND_WITHDRAWN] = { N_("The day they withdrew consent"), FALSE },
};

/* Where a conversion of @d_fmt puts a field, as the field's letter. */
static char
field_of_conversion (char conversion)
{
  switch (conversion)
    {
    case 'd':
    case 'e':
      return 'd';
    case 'm':
    case 'b':
    case 'B':
    case 'h':
      return 'm';
    case 'y':
    case 'Y':
    case 'C':
    case 'G':
      return 'y';
    default:
      return '\0';
    }
}

static HeardDateOrder
locale_order (char *separator)
{
  const char *time_locale = setlocale (LC_TIME, NULL);

  /* No locale chosen: read dates day first, as Heard always has. C's own
   * "%m/%d/%y" is an American default, not anyone's preference. */
  if (time_locale == NULL || strcmp (time_locale, "C") == 0 ||
      strcmp (time_locale, "POSIX") == 0 || g_str_has_prefix (time_locale, "C."))
    {
      *separator = '/';
      return HEARD_DATE_ORDER_DAY_FIRST;
    }

  return _heard_date_order_from_format (nl_langinfo (D_FMT), separator);
}

static char *
format_in_order (guint          day,
                 guint          month,
                 guint          year,
                 HeardDateOrder order,
                 char           separator)
{
  switch (order)
    {
    case HEARD_DATE_ORDER_MONTH_FIRST:
      return g_strdup_printf ("%02u%c%02u%c%04u", month, separator, day, separator, year);
    case HEARD_DATE_ORDER_YEAR_FIRST:
      return g_strdup_printf ("%04u%c%02u%c%02u", year, separator, month, separator, day);
    case HEARD_DATE_ORDER_DAY_FIRST:
    default:
      return g_strdup_printf ("%02u%c%02u%c%04u", day, separator, month, separator, year);
    }
}

/* Says what is wrong (@problem, one sentence), then how to write a date. */
static void
set_parse_error (GError         **error,
                 HeardDateError   code,
                 const char      *problem)
{
  g_autofree char *hint = heard_date_dup_hint ();

  /* TRANSLATORS: what is wrong with a date someone typed, then how to write one,
   * e.g. "That is not a date Heard understands. Write it like 14/03/2025 or 2025-03-14." */
  g_set_error (error, HEARD_DATE_ERROR, code, _("%s %s"), problem, hint);
}

static void
set_day_error (GError **error,
               guint    month,
               guint    year)
{
  guint8 days = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
  g_autoptr(GDateTime) first = g_date_time_new_utc ((int) year, (int) month, 1, 0, 0, 0);
  /* TRANSLATORS: a month and its year, e.g. "April 2025"; %OB is the month's name
   * on its own (nominative). Keep %Y: the year is always shown with four digits. */
  g_autofree char *month_name = g_date_time_format (first, _("%OB %Y"));

  g_set_error (error, HEARD_DATE_ERROR, HEARD_DATE_ERROR_DAY,
               /* TRANSLATORS: %s is a month and year, e.g. "April 2025 has only 30 days." */
               g_dngettext (GETTEXT_PACKAGE, "%s has only %u day. Please check the day.",
                            "%s has only %u days. Please check the day.", days),
               month_name, (guint) days);
}

/* Reads which of day, month and year a locale's date format (as from
 * nl_langinfo (D_FMT)) puts first, and the character between them.
 * Unreadable formats give day first and "/". */
HeardDateOrder
_heard_date_order_from_format (const char *d_fmt,
                               char       *separator)
{
  int day = -1, month = -1, year = -1, position = 0;
  char found_separator = '\0';

  for (const char *p = d_fmt != NULL ? d_fmt : ""; *p != '\0'; p++)
    {
      char field;

      if (*p != '%')
        {
          if (found_separator == '\0' && position > 0 && strchr (SEPARATORS, *p) != NULL)
            found_separator = *p;
          continue;
        }

      p++;
      while (*p != '\0' && strchr ("-_0^#EO", *p) != NULL)
        p++;
      while (g_ascii_isdigit (*p))
        p++;
      if (*p == '\0')
        break;

      if (*p == 'D')
        {
          month = month < 0 ? position++ : month;
          day = day < 0 ? position++ : day;
          year = year < 0 ? position++ : year;
          found_separator = found_separator != '\0' ? found_separator : '/';
          continue;
        }
      if (*p == 'F')
        {
          year = year < 0 ? position++ : year;
          month = month < 0 ? position++ : month;
          day = day < 0 ? position++ : day;
          found_separator = found_separator != '\0' ? found_separator : '-';
          continue;
        }

      field = field_of_conversion (*p);
      if (field == 'd' && day < 0)
        day = position++;
      else if (field == 'm' && month < 0)
        month = position++;
      else if (field == 'y' && year < 0)
        year = position++;
    }

  if (separator != NULL)
    *separator = found_separator != '\0' ? found_separator : '/';

  if (day < 0 || month < 0 || year < 0)
    {
      if (separator != NULL)
        *separator = '/';
      return HEARD_DATE_ORDER_DAY_FIRST;
    }

  if (year < day && year < month)
    return HEARD_DATE_ORDER_YEAR_FIRST;

  return month < day ? HEARD_DATE_ORDER_MONTH_FIRST : HEARD_DATE_ORDER_DAY_FIRST;
}

/**
 * heard_date_parse:
 * @text: what someone typed, in UTF-8 or not
 * @out_date: (out): the day, when it is one
 * @error: what is wrong and how to write it
 *
 * Reads 2025-03-14, or three numbers in the order of the user's locale
 * separated by one of "/", "." or "-" used twice (14/03/2025). The year has
 * four digits and lies from %HEARD_DATE_FIRST_YEAR to %HEARD_DATE_LAST_YEAR;
 * the day exists in its month. Nothing else is accepted: no signs, spaces,
 * names of months or two-digit years.
 */
gboolean
heard_date_parse (const char  *text,
                  GDate       *out_date,
                  GError     **error)
{
  guint values[3] = { 0 }, digits[3] = { 0 };
  char separators[2] = { 0 }, locale_separator;
  guint n = 0, day_at, month_at, year_at;
  gboolean has_space = FALSE;
  HeardDateOrder order;
  const char *p;

  g_return_val_if_fail (out_date != NULL, FALSE);

  if (text == NULL || *text == '\0')
    {
      set_parse_error (error, HEARD_DATE_ERROR_EMPTY, _("No date was given."));
      return FALSE;
    }

  /* Spaces are named only in what would otherwise be a date in numbers;
   * "last Tuesday" is simply not a date. */
  for (p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        has_space = TRUE;
      else if (!g_ascii_isdigit (*p) && strchr (SEPARATORS, *p) == NULL)
        goto unreadable;
    }
  if (has_space)
    {
      set_parse_error (error, HEARD_DATE_ERROR_SPACES,
                       _("There is a space in the date; please leave spaces out."));
      return FALSE;
    }

  for (p = text;; p++)
    {
      if (!g_ascii_isdigit (*p))
        goto unreadable;

      for (; g_ascii_isdigit (*p); p++)
        if (++digits[n] <= 4)
          values[n] = values[n] * 10 + (guint) (*p - '0');
      n++;

      if (*p == '\0')
        break;
      if (n == 3 || strchr (SEPARATORS, *p) == NULL)
        goto unreadable;
      separators[n - 1] = *p;
    }

  if (n != 3 || separators[0] != separators[1])
    goto unreadable;

  order = locale_order (&locale_separator);
  if (digits[0] > 2)
    order = HEARD_DATE_ORDER_YEAR_FIRST;
  else if (order == HEARD_DATE_ORDER_YEAR_FIRST)
    {
      /* 14/03/2025 where dates are written 2025-03-14: refuse to guess. */
      if (digits[2] == 4)
        goto unreadable;
      goto short_year;
    }

  switch (order)
    {
    case HEARD_DATE_ORDER_YEAR_FIRST:
      year_at = 0;
      month_at = 1;
      day_at = 2;
      break;
    case HEARD_DATE_ORDER_MONTH_FIRST:
      month_at = 0;
      day_at = 1;
      year_at = 2;
      break;
    case HEARD_DATE_ORDER_DAY_FIRST:
    default:
      day_at = 0;
      month_at = 1;
      year_at = 2;
      break;
    }

  if (digits[year_at] != 4)
    goto short_year;
  if (digits[month_at] > 2 || digits[day_at] > 2)
    goto unreadable;

  if (values[year_at] < HEARD_DATE_FIRST_YEAR || values[year_at] > HEARD_DATE_LAST_YEAR)
    {
      g_autofree char *problem =
        g_strdup_printf (_("The year must be between %d and %d."), HEARD_DATE_FIRST_YEAR,
                         HEARD_DATE_LAST_YEAR);

      set_parse_error (error, HEARD_DATE_ERROR_YEAR_RANGE, problem);
      return FALSE;
    }

  if (values[month_at] < 1 || values[month_at] > 12)
    {
      set_parse_error (error, HEARD_DATE_ERROR_MONTH,
                       _("The month must be a number from 1 to 12."));
      return FALSE;
    }

  if (values[day_at] < 1 || values[day_at] > 31)
    {
      set_parse_error (error, HEARD_DATE_ERROR_DAY, _("The day must be a number from 1 to 31."));
      return FALSE;
    }

  if (!g_date_valid_dmy ((GDateDay) values[day_at], (GDateMonth) values[month_at],
                         (GDateYear) values[year_at]))
    {
      set_day_error (error, values[month_at], values[year_at]);
      return FALSE;
    }

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, (GDateDay) values[day_at], (GDateMonth) values[month_at],
                  (GDateYear) values[year_at]);
  return TRUE;

unreadable:
  set_parse_error (error, HEARD_DATE_ERROR_UNREADABLE, _("That is not a date Heard understands."));
  return FALSE;

short_year:
  set_parse_error (error, HEARD_DATE_ERROR_YEAR_DIGITS,
                   _("Please write the year in full, with all four digits."));
  return FALSE;
}

/* As heard_date_parse(), for a form that shows its errors away from the
 * field: the message starts with @field ("The date of birth"), and the
 * error is in the form's own @domain and @code. */
gboolean
heard_date_parse_field (const char  *text,
                        const char  *field,
                        GQuark       domain,
                        int          code,
                        GDate       *out_date,
                        GError     **error)
{
  g_autoptr(GError) date_error = NULL;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  if (heard_date_parse (text, out_date, &date_error))
    return TRUE;

  g_set_error (error, domain, code,
               /* TRANSLATORS: a date field, e.g. "The date of birth", then what is wrong
                * with the date typed in it */
               _("%s: %s"), field, date_error->message);
  return FALSE;
}

/**
 * heard_date_check:
 * @text: what someone typed
 * @kind: what the date is of
 * @today: (nullable): the day to compare with; %NULL for today on this
 *   computer's calendar
 * @domain: the error domain of the form the date is in
 * @code: the error code in @domain
 * @out_date: (out): the day, when it is one that may be kept
 * @error: what is wrong, starting with the name of the date
 *
 * As heard_date_parse_field(), naming the date after @kind, and refusing a
 * day after @today for a kind that cannot lie in the future: nobody is
 * born, says something or is told it tomorrow.
 */
gboolean
heard_date_check (const char     *text,
                  HeardDateKind   kind,
                  const GDate    *today,
                  GQuark          domain,
                  int             code,
                  GDate          *out_date,
                  GError        **error)
{
  GDate now;

  g_return_val_if_fail (kind < HEARD_DATE_N_KINDS, FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  if (!heard_date_parse_field (text, _(kinds[kind].name), domain, code, out_date, error))
    return FALSE;

  if (kinds[kind].may_be_future)
    return TRUE;

  if (today == NULL)
    {
      heard_date_today (&now);
      today = &now;
    }

  if (g_date_compare (out_date, today) > 0)
    {
      g_autofree char *day = heard_date_format (out_date);

      g_set_error (error, domain, code,
                   /* TRANSLATORS: the first %s names a date, e.g. "The date of birth";
                    * the second is the day typed, e.g. "14 March 2099" */
                   _("%s is in the future (%s). Please check the date."),
                   _(kinds[kind].name), day);
      return FALSE;
    }

  return TRUE;
}

/* Whether a date of @kind may lie after today. */
gboolean
heard_date_kind_may_be_future (HeardDateKind kind)
{
  g_return_val_if_fail (kind < HEARD_DATE_N_KINDS, FALSE);

  return kinds[kind].may_be_future;
}

/* Today, on this computer's calendar. */
void
heard_date_today (GDate *today)
{
  g_return_if_fail (today != NULL);

  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
}

/* The month of a day as people read it, e.g. "March 2025" (an approximate
 * day in a chronology). */
char *
heard_date_format_month (const GDate *date)
{
  g_autoptr(GDateTime) moment = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  moment = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date), 1, 0, 0, 0);
  /* TRANSLATORS: a month and year, as strftime() writes them: "March 2025" */
  return g_date_time_format (moment, _("%OB %Y"));
}

/* A day as people read it, e.g. "14 March 2025", with the year in full. */
char *
heard_date_format (const GDate *date)
{
  g_autoptr(GDateTime) moment = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  moment = g_date_time_new_utc ((int) g_date_get_year (date), (int) g_date_get_month (date),
                                (int) g_date_get_day (date), 0, 0, 0);
  if (moment == NULL)
    return heard_date_to_iso (date);

  /* TRANSLATORS: how a day is shown, e.g. "14 March 2025" (g_date_time_format).
   * Keep %Y, the year in full; never use %x or %y. */
  return g_date_time_format (moment, _("%-d %B %Y"));
}

/* A day in numbers, in the locale's order, e.g. "14/03/2025". */
char *
heard_date_format_numeric (const GDate *date)
{
  HeardDateOrder order;
  char separator;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  order = locale_order (&separator);
  return format_in_order (g_date_get_day (date), g_date_get_month (date),
                          g_date_get_year (date), order, separator);
}

/* A moment in local time as people read it, e.g. "14 March 2025, 15:20". */
char *
heard_date_format_moment (GDateTime *moment)
{
  g_return_val_if_fail (moment != NULL, NULL);

  /* TRANSLATORS: a day and time, e.g. "14 March 2025, 15:20" (g_date_time_format).
   * Keep %Y, the year in full; never use %x or %y. */
  return g_date_time_format (moment, _("%-d %B %Y, %H:%M"));
}

/* The form dates are stored in: 2025-03-14. */
char *
heard_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* A stored date as people read it: "14 March 2025". Anything that is not
 * a date comes back as it was. */
char *
heard_date_describe (const char *stored)
{
  GDate date;

  if (!heard_date_parse (stored, &date, NULL))
    return g_strdup (stored != NULL ? stored : "");

  return heard_date_format (&date);
}

/* A stored moment (ISO 8601 in UTC, as records are saved) in local time,
 * e.g. "14 March 2025, 15:20". Anything that is not a moment comes back as
 * it was. */
char *
heard_date_describe_moment (const char *stored)
{
  g_autoptr(GDateTime) moment = stored != NULL ? g_date_time_new_from_iso8601 (stored, NULL)
                                               : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (moment == NULL)
    return g_strdup (stored != NULL ? stored : "");

  local = g_date_time_to_local (moment);
  return heard_date_format_moment (local);
}

/* The local day of a stored moment, e.g. "14 March 2025". Anything that is
 * not a moment comes back as it was. */
char *
heard_date_describe_moment_day (const char *stored)
{
  g_autoptr(GDateTime) moment = stored != NULL ? g_date_time_new_from_iso8601 (stored, NULL)
                                               : NULL;
  g_autoptr(GDateTime) local = NULL;
  GDate day;

  if (moment == NULL)
    return g_strdup (stored != NULL ? stored : "");

  local = g_date_time_to_local (moment);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
  return heard_date_format (&day);
}

/* A stored day and a wall-clock time written beside it ("14:30", or empty),
 * shown as every other moment is: "14 March 2025, 14:30". The time is the
 * one people gave, never moved between zones. */
char *
heard_date_describe_day_time (const char *stored_day,
                              const char *time)
{
  g_autoptr(GDateTime) moment = NULL;
  g_autofree char *day_text = NULL;
  guint hours = 0, minutes = 0;
  char tail;
  GDate day;

  if (time == NULL || *time == '\0')
    return heard_date_describe (stored_day);

  if (heard_date_parse (stored_day, &day, NULL) &&
      sscanf (time, "%2u:%2u%c", &hours, &minutes, &tail) == 2 && hours < 24 && minutes < 60)
    moment = g_date_time_new_utc ((int) g_date_get_year (&day), (int) g_date_get_month (&day),
                                  (int) g_date_get_day (&day), (int) hours, (int) minutes, 0);
  if (moment != NULL)
    return heard_date_format_moment (moment);

  day_text = heard_date_describe (stored_day);
  /* TRANSLATORS: a day and a time that could not be read together, e.g.
   * "14 March 2025, after school"; the same separator as in "%-d %B %Y, %H:%M" */
  return g_strdup_printf (_("%s, %s"), day_text, time);
}

/* How to write a date here: "Write it like 14/03/2025 or 2025-03-14." */
char *
heard_date_dup_hint (void)
{
  GDate example;
  g_autofree char *numeric = NULL;
  g_autofree char *iso = NULL;

  g_date_clear (&example, 1);
  g_date_set_dmy (&example, EXAMPLE_DAY, EXAMPLE_MONTH, EXAMPLE_YEAR);
  numeric = heard_date_format_numeric (&example);
  iso = heard_date_to_iso (&example);

  if (strcmp (numeric, iso) == 0)
    /* TRANSLATORS: %s is an example date, e.g. "2025-03-14" */
    return g_strdup_printf (_("Write it like %s."), iso);

  /* TRANSLATORS: two examples of the same date, e.g. "14/03/2025" and "2025-03-14" */
  return g_strdup_printf (_("Write it like %s or %s."), numeric, iso);
}

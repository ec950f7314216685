/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-fuzz-date"

#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>

#include <glib.h>

#include "heard-date.h"

/*
 * libFuzzer target for heard_date_parse(), the one reader of every date a
 * person types. Any bytes, valid UTF-8 or not, must either be refused with
 * a readable message or give a real day in Heard's range, and that day
 * must come back the same when written out in each of Heard's numeric
 * forms and read again. The seed corpus is tests/fuzz/corpus/date/.
 */

#define CHECK(condition)                                                        \
  G_STMT_START                                                                  \
  {                                                                             \
    if (!(condition))                                                           \
      {                                                                         \
        g_printerr ("fuzz-date: %s failed for “%s”\n", #condition, text);       \
        abort ();                                                               \
      }                                                                         \
  }                                                                             \
  G_STMT_END

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Reads @written back and checks it is @date. */
static gboolean
reads_back (const char  *written,
            const GDate *date)
{
  GDate again;

  return written != NULL && heard_date_parse (written, &again, NULL) &&
         g_date_compare (&again, date) == 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialised = FALSE;
  /* The text stops at the first NUL, as a GtkEditable's would. */
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *numeric = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *year = NULL;
  GDate date;

  if (!initialised)
    {
      setlocale (LC_ALL, "C.UTF-8");
      initialised = TRUE;
    }

  g_date_clear (&date, 1);
  if (!heard_date_parse (text, &date, &error))
    {
      CHECK (error != NULL && error->domain == HEARD_DATE_ERROR);
      CHECK (g_utf8_validate (error->message, -1, NULL) && *error->message != '\0');
      CHECK (!g_date_valid (&date));
      return 0;
    }

  CHECK (error == NULL);
  CHECK (g_date_valid (&date));
  CHECK (g_date_get_year (&date) >= HEARD_DATE_FIRST_YEAR);
  CHECK (g_date_get_year (&date) <= HEARD_DATE_LAST_YEAR);

  iso = heard_date_to_iso (&date);
  numeric = heard_date_format_numeric (&date);
  CHECK (reads_back (iso, &date));
  CHECK (reads_back (numeric, &date));

  /* Shown with the year in full. */
  shown = heard_date_format (&date);
  year = g_strdup_printf ("%04u", g_date_get_year (&date));
  CHECK (shown != NULL && g_utf8_validate (shown, -1, NULL));
  CHECK (g_strstr_len (shown, -1, year) != NULL);

  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-csv"

#include "config.h"

#include <string.h>

#include <glib-object.h>
#include <sodium.h>

#include "heard-check-in.h"
#include "heard-csv.h"
#include "heard-model-enums.h"

/*
 * CSV exports (heard-csv.h): one writer for every CSV Heard makes, so that
 * each follows RFC 4180 the same way.
 */

#define PSEUDONYM_KEY_CONTEXT "io.github.heardapp.Heard export pseudonym v1"
#define PSEUDONYM_BYTES 8
#define SAFETY_SCALE_MEASURE "safety-scale"

enum
{
  COLUMN_PERSON,
  COLUMN_DAY,
  COLUMN_CHECK_IN,
  COLUMN_MEASURE,
  COLUMN_RATER,
  COLUMN_STATE,
  COLUMN_RATING,
  N_RATING_COLUMNS,
  /* With HEARD_CSV_WITH_WORDS only. */
  COLUMN_THEIR_WORDS = N_RATING_COLUMNS,
  COLUMN_WORKER_NOTE,
  N_COLUMNS
};

static const char *const check_in_header[N_COLUMNS] = {
  "person", "day", "check_in", "measure", "rater", "state", "rating", "their_words",
  "worker_note",
};

/* Text someone typed, safe in a spreadsheet: one starting as a formula
 * would (=, +, -, @, a tab or a carriage return; OWASP's "CSV injection")
 * gets an apostrophe first, which spreadsheets show as text and never run.
 * Only typed text needs it: Heard's own codes, numbers (never negative)
 * and ISO dates cannot start so. */
static char *
dup_typed_text (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    return g_strconcat ("'", text, NULL);
  return g_strdup (text);
}

static void
append_field (GString    *csv,
              const char *field)
{
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (csv, field);
      return;
    }

  g_string_append_c (csv, '"');
  for (const char *c = field; *c != '\0'; c++)
    {
      if (*c == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *c);
    }
  g_string_append_c (csv, '"');
}

static const char *
area_code (HeardAreaKind area)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (HEARD_TYPE_AREA_KIND);

  /* Enum classes stay alive once made, so the nick outlives the ref. */
  return g_enum_get_value (klass, area)->value_nick;
}

static void
append_rating (GString            *csv,
               const char *const  *fields,
               guint               n_columns,
               const char         *measure,
               HeardRater          rater,
               const HeardRating  *rating)
{
  const char *row[N_COLUMNS];
  g_autofree char *value = NULL;

  memcpy (row, fields, sizeof row);
  if (rating->state == HEARD_RATING_GIVEN)
    value = g_strdup_printf ("%u", rating->value);
  row[COLUMN_MEASURE] = measure;
  row[COLUMN_RATER] = heard_rater_to_code (rater);
  row[COLUMN_STATE] = heard_rating_state_to_code (rating->state);
  row[COLUMN_RATING] = value != NULL ? value : "";
  heard_csv_append_row (csv, row, n_columns);
}

void
heard_csv_append_row (GString           *csv,
                      const char *const *fields,
                      guint              n_fields)
{
  g_return_if_fail (csv != NULL);
  g_return_if_fail (fields != NULL || n_fields == 0);

  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (csv, ',');
      append_field (csv, fields[i] != NULL ? fields[i] : "");
    }
  g_string_append (csv, "\r\n");
}

char *
heard_csv_pseudonym (const HeardKey *key,
                     gint64          person_id)
{
  guint8 pseudonym_key[crypto_generichash_KEYBYTES];
  guint8 hash[PSEUDONYM_BYTES];
  char id[24];
  GString *text;

  g_return_val_if_fail (key != NULL, NULL);

  crypto_generichash (pseudonym_key, sizeof pseudonym_key,
                      (const guint8 *) PSEUDONYM_KEY_CONTEXT, strlen (PSEUDONYM_KEY_CONTEXT),
                      heard_key_get_bytes (key), HEARD_KEY_SIZE);
  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, person_id);
  crypto_generichash (hash, sizeof hash, (const guint8 *) id, strlen (id), pseudonym_key,
                      sizeof pseudonym_key);
  sodium_memzero (pseudonym_key, sizeof pseudonym_key);

  text = g_string_new ("p-");
  for (guint i = 0; i < sizeof hash; i++)
    g_string_append_printf (text, "%02x", hash[i]);

  return g_string_free (text, FALSE);
}

GBytes *
heard_csv_check_ins (const char        *person,
                     GPtrArray         *check_ins,
                     HeardCsvCheckIns   columns)
{
  guint n_columns = columns == HEARD_CSV_WITH_WORDS ? N_COLUMNS : N_RATING_COLUMNS;
  g_autofree char *typed_person = NULL;
  GString *csv;

  g_return_val_if_fail (person != NULL, NULL);
  g_return_val_if_fail (check_ins != NULL, NULL);

  typed_person = dup_typed_text (person);
  csv = g_string_new (NULL);
  heard_csv_append_row (csv, check_in_header, n_columns);

  for (guint i = 0; i < check_ins->len; i++)
    {
      HeardCheckIn *check_in = g_ptr_array_index (check_ins, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             heard_check_in_get_id (check_in));
      g_autofree char *their_words = NULL;
      g_autofree char *worker_note = NULL;
      const char *fields[N_COLUMNS] = {
        [COLUMN_PERSON] = typed_person,
        [COLUMN_DAY] = heard_check_in_get_day (check_in),
        [COLUMN_CHECK_IN] = id,
      };
      HeardRating rating;

      for (guint a = 0; a < heard_check_in_get_n_areas (check_in); a++)
        {
          HeardAreaKind area = heard_check_in_get_area (check_in, a);

          for (HeardRater rater = 0; rater < HEARD_N_RATERS; rater++)
            {
              heard_check_in_get_rating (check_in, area, rater, &rating);
              append_rating (csv, fields, n_columns, area_code (area), rater, &rating);
            }
        }

      /* The words once a check-in, on its last row. */
      their_words = dup_typed_text (heard_check_in_get_text (check_in,
                                                             HEARD_CHECK_IN_THEIR_WORDS));
      worker_note = dup_typed_text (heard_check_in_get_text (check_in,
                                                             HEARD_CHECK_IN_WORKER_NOTE));
      fields[COLUMN_THEIR_WORDS] = their_words;
      fields[COLUMN_WORKER_NOTE] = worker_note;
      heard_check_in_get_safety (check_in, &rating);
      append_rating (csv, fields, n_columns, SAFETY_SCALE_MEASURE, HEARD_RATER_YOUNG_PERSON,
                     &rating);
    }

  return g_string_free_to_bytes (csv);
}

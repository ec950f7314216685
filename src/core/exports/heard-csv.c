/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <sodium.h>

#include "heard-check-in.h"
#include "heard-chronology-entry.h"
#include "heard-csv.h"
#include "heard-directory-agency.h"
#include "heard-model-enums.h"
#include "heard-recipient.h"
#include "heard-sharing-entry.h"

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

enum
{
  SIGN_PERSON,
  SIGN_ENTRY,
  SIGN_VERSION,
  SIGN_EARLIEST_DAY,
  SIGN_LATEST_DAY,
  SIGN_PRECISION,
  SIGN_NATURE,
  SIGN_KIND,
  SIGN_AGENCY,
  SIGN_AGENCY_TYPE,
  N_SIGN_FACT_COLUMNS,
  /* With words only. */
  SIGN_REPORTER = N_SIGN_FACT_COLUMNS,
  SIGN_SEEN,
  N_SIGN_COLUMNS
};

static const char *const sign_header[N_SIGN_COLUMNS] = {
  "person", "entry", "version", "earliest_day", "latest_day", "precision", "nature", "kind",
  "agency", "agency_type", "reporter", "seen",
};

enum
{
  SHARING_PERSON,
  SHARING_ENTRY,
  SHARING_VERSION,
  SHARING_DAY,
  SHARING_DECISION,
  SHARING_AGENCY,
  SHARING_AGENCY_TYPE,
  SHARING_METHOD,
  SHARING_LAWFUL_BASIS,
  SHARING_AGREED,
  SHARING_TOLD,
  SHARING_LINKS,
  N_SHARING_FACT_COLUMNS,
  /* With words only: the worker's own, in HeardSharingField order. */
  SHARING_FIRST_WORDS = N_SHARING_FACT_COLUMNS,
  N_SHARING_COLUMNS = SHARING_FIRST_WORDS + HEARD_SHARING_REASON
};

/* The words columns are the HeardSharingField texts before the
 * amendment's reason. */
static const char *const sharing_header[N_SHARING_COLUMNS] = {
  "person", "entry", "version", "day", "decision", "agency", "agency_type", "method",
  "lawful_basis", "agreed", "told", "links", "what", "contact", "purpose", "agreement_reason",
  "decided_by", "not_told_reason", "necessary", "not_shared_reason",
};

static GBytes *write_check_ins (const HeardCsvContent *content);
static GBytes *write_signs     (const HeardCsvContent *content);
static GBytes *write_sharing   (const HeardCsvContent *content);

/* Every CSV export. */
static const struct
{
  HeardCsvExport   export;
  GBytes        *(*write) (const HeardCsvContent *content);
} exports[HEARD_CSV_N_KINDS] = {
  [HEARD_CSV_OF_CHECK_INS] = {
    { "check-ins", N_("Check-ins: a row per area and rater, and the safety scale"),
      N_("what they said and the worker's note"), HEARD_EXPORT_CHECK_INS_CSV,
      HEARD_CSV_NEEDS_CHECK_INS },
    write_check_ins,
  },
  [HEARD_CSV_OF_SIGNS] = {
    { "signs", N_("Warning signs and strengths: a row per chronology entry"),
      N_("who told the agency and what was seen"), HEARD_EXPORT_SIGNS_CSV,
      HEARD_CSV_NEEDS_CHRONOLOGY | HEARD_CSV_NEEDS_AGENCIES },
    write_signs,
  },
  [HEARD_CSV_OF_SHARING] = {
    { "sharing", N_("The sharing log: a row per decision to share or not"),
      N_("what was shared, why, and the reasons given"), HEARD_EXPORT_SHARING_CSV,
      HEARD_CSV_NEEDS_SHARING | HEARD_CSV_NEEDS_AGENCIES },
    write_sharing,
  },
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

static GBytes *
write_check_ins (const HeardCsvContent *content)
{
  g_assert (content->check_ins != NULL);

  return heard_csv_check_ins (content->person, content->check_ins,
                              content->with_words ? HEARD_CSV_WITH_WORDS
                                                  : HEARD_CSV_RATINGS_ONLY);
}

static HeardDirectoryAgency *
find_agency (GListModel *agencies,
             gint64      id)
{
  for (guint i = 0; agencies != NULL && i < g_list_model_get_n_items (agencies); i++)
    {
      g_autoptr(HeardDirectoryAgency) agency = g_list_model_get_item (agencies, i);

      if (heard_directory_agency_get_id (agency) == id)
        return agency;
    }
  return NULL;
}

static GBytes *
write_signs (const HeardCsvContent *content)
{
  guint n_columns = content->with_words ? N_SIGN_COLUMNS : N_SIGN_FACT_COLUMNS;
  g_autofree char *typed_person = NULL;
  GString *csv;

  g_assert (content->chronology != NULL);

  typed_person = dup_typed_text (content->person);
  csv = g_string_new (NULL);
  heard_csv_append_row (csv, sign_header, n_columns);

  for (guint i = 0; i < content->chronology->len; i++)
    {
      HeardChronologyEntry *entry = g_ptr_array_index (content->chronology, i);
      /* The directory keeps its agencies alive, retired ones too. */
      HeardDirectoryAgency *agency =
        find_agency (content->agencies, heard_chronology_entry_get_agency_id (entry));
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             heard_chronology_entry_get_id (entry));
      g_autofree char *version = g_strdup_printf ("%u",
                                                  heard_chronology_entry_get_version (entry));
      g_autofree char *agency_name = NULL;
      g_autofree char *reporter = NULL;
      g_autofree char *seen = NULL;
      const char *fields[N_SIGN_COLUMNS] = {
        [SIGN_PERSON] = typed_person,
        [SIGN_ENTRY] = id,
        [SIGN_VERSION] = version,
        [SIGN_EARLIEST_DAY] = heard_chronology_entry_get_earliest_day (entry),
        [SIGN_LATEST_DAY] = heard_chronology_entry_get_latest_day (entry),
        [SIGN_PRECISION] =
          heard_date_precision_to_code (heard_chronology_entry_get_precision (entry)),
        [SIGN_NATURE] = heard_entry_nature_to_code (heard_chronology_entry_get_nature (entry)),
        [SIGN_KIND] = heard_chronology_entry_get_kind (entry),
        [SIGN_AGENCY_TYPE] = agency != NULL ? heard_agency_type_to_code (
                                                heard_directory_agency_get_agency_type (agency))
                                            : "",
      };

      agency_name = dup_typed_text (agency != NULL ? heard_directory_agency_get_text (
                                                       agency, HEARD_DIRECTORY_AGENCY_NAME)
                                                   : NULL);
      reporter = dup_typed_text (heard_chronology_entry_get_text (entry,
                                                                  HEARD_CHRONOLOGY_REPORTER));
      seen = dup_typed_text (heard_chronology_entry_get_text (entry, HEARD_CHRONOLOGY_SEEN));
      fields[SIGN_AGENCY] = agency_name;
      fields[SIGN_REPORTER] = reporter;
      fields[SIGN_SEEN] = seen;
      heard_csv_append_row (csv, fields, n_columns);
    }

  return g_string_free_to_bytes (csv);
}

/* "statement:12;plan:3": the records a share included. */
static char *
describe_links (HeardSharingEntry *entry)
{
  guint n_links;
  const HeardSharingLink *links = heard_sharing_entry_get_links (entry, &n_links);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_links; i++)
    g_string_append_printf (text, "%s%s:%" G_GINT64_FORMAT, i > 0 ? ";" : "",
                            heard_sharing_link_kind_to_code (links[i].kind), links[i].id);
  return g_string_free (text, FALSE);
}

static GBytes *
write_sharing (const HeardCsvContent *content)
{
  guint n_columns = content->with_words ? N_SHARING_COLUMNS : N_SHARING_FACT_COLUMNS;
  g_autofree char *typed_person = NULL;
  GString *csv;

  g_assert (content->sharing != NULL);

  typed_person = dup_typed_text (content->person);
  csv = g_string_new (NULL);
  heard_csv_append_row (csv, sharing_header, n_columns);

  for (guint i = 0; i < content->sharing->len; i++)
    {
      HeardSharingEntry *entry = g_ptr_array_index (content->sharing, i);
      HeardDirectoryAgency *agency =
        find_agency (content->agencies, heard_sharing_entry_get_agency_id (entry));
      gboolean shared = heard_sharing_entry_get_decision (entry) == HEARD_SHARING_SHARED;
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             heard_sharing_entry_get_id (entry));
      g_autofree char *version = g_strdup_printf ("%u", heard_sharing_entry_get_version (entry));
      g_autofree char *links = describe_links (entry);
      g_autofree char *agency_name = dup_typed_text (
        agency != NULL ? heard_directory_agency_get_text (agency, HEARD_DIRECTORY_AGENCY_NAME)
                       : NULL);
      g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
      const char *fields[N_SHARING_COLUMNS] = {
        [SHARING_PERSON] = typed_person,
        [SHARING_ENTRY] = id,
        [SHARING_VERSION] = version,
        [SHARING_DAY] = heard_sharing_entry_get_shared_on (entry),
        [SHARING_DECISION] = heard_sharing_decision_to_code (heard_sharing_entry_get_decision (entry)),
        [SHARING_AGENCY] = agency_name,
        [SHARING_AGENCY_TYPE] = agency != NULL ? heard_agency_type_to_code (
                                                   heard_directory_agency_get_agency_type (agency))
                                               : "",
        [SHARING_METHOD] = heard_sharing_method_to_code (heard_sharing_entry_get_method (entry)),
        [SHARING_LAWFUL_BASIS] = heard_sharing_entry_get_lawful_basis (entry),
        /* Asked of a share only: a decision not to share leaves them empty. */
        [SHARING_AGREED] = shared ? heard_sharing_agreed_to_code (
                                      heard_sharing_entry_get_agreed (entry)) : "",
        [SHARING_TOLD] = !shared ? "" : heard_sharing_entry_get_told (entry) ? "yes" : "no",
        [SHARING_LINKS] = links,
      };

      for (HeardSharingField field = 0; field < HEARD_SHARING_REASON; field++)
        {
          char *typed = dup_typed_text (heard_sharing_entry_get_text (entry, field));

          g_ptr_array_add (words, typed);
          fields[SHARING_FIRST_WORDS + field] = typed;
        }
      heard_csv_append_row (csv, fields, n_columns);
    }

  return g_string_free_to_bytes (csv);
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

const HeardCsvExport *
heard_csv_export_get (HeardCsvOf of)
{
  g_return_val_if_fail (of < HEARD_CSV_N_KINDS, NULL);

  return &exports[of].export;
}

gboolean
heard_csv_export_lookup (const char *code,
                         HeardCsvOf *of)
{
  g_return_val_if_fail (of != NULL, FALSE);

  for (HeardCsvOf i = 0; i < HEARD_CSV_N_KINDS; i++)
    {
      if (g_strcmp0 (exports[i].export.code, code) == 0)
        {
          *of = i;
          return TRUE;
        }
    }
  return FALSE;
}

GBytes *
heard_csv_write (HeardCsvOf             of,
                 const HeardCsvContent *content)
{
  g_return_val_if_fail (of < HEARD_CSV_N_KINDS, NULL);
  g_return_val_if_fail (content != NULL && content->person != NULL, NULL);
  g_return_val_if_fail ((exports[of].export.needs & HEARD_CSV_NEEDS_CHECK_INS) == 0 ||
                        content->check_ins != NULL, NULL);
  g_return_val_if_fail ((exports[of].export.needs & HEARD_CSV_NEEDS_CHRONOLOGY) == 0 ||
                        content->chronology != NULL, NULL);

  return exports[of].write (content);
}

HeardExportNote *
heard_csv_export_note_new (HeardCsvOf             of,
                           const HeardCsvContent *content,
                           gboolean               with_names)
{
  g_autoptr(HeardRecipient) own_team = heard_recipient_new_own_team ();
  g_autofree char *recipient = heard_recipient_to_code (own_team);
  HeardExportNote *note;

  g_return_val_if_fail (of < HEARD_CSV_N_KINDS, NULL);
  g_return_val_if_fail (content != NULL, NULL);

  note = heard_export_note_new (exports[of].export.note_kind, recipient);
  note->n_check_ins = content->check_ins != NULL ? content->check_ins->len : 0;
  note->names = with_names ? HEARD_EXPORT_YES : HEARD_EXPORT_NO;
  note->words = content->with_words ? HEARD_EXPORT_YES : HEARD_EXPORT_NO;
  return note;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-chronology-entry"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "heard-chronology-entry.h"
#include "heard-date.h"
#include "heard-statement.h"
#include "heard-store.h"
#include "heard-text-fields.h"

/*
 * A warning sign or a strength, one version of it, as an editor gathers it
 * and the store reads it back. What may be saved is
 * heard_chronology_entry_validate()'s; what belongs to the records (the
 * kind exists, the agency, the statement or action is this young
 * person's) is the store's.
 */

struct _HeardChronologyEntry
{
  GObject             parent_instance;

  gint64              id;
  gint64              person_id;
  guint               version;
  HeardEntryNature    nature;
  char               *kind;
  HeardDatePrecision  precision;
  char               *earliest_day;
  char               *latest_day;
  gint64              agency_id;
  char               *texts[HEARD_CHRONOLOGY_N_TEXTS];
  gint64              statement_id;
  gint64              action_id;
  char               *saved_by;
  char               *saved_at;
};

G_DEFINE_FINAL_TYPE (HeardChronologyEntry, heard_chronology_entry, G_TYPE_OBJECT)

#define SHORT_TEXT_CHARS 500

static const HeardTextField text_fields[HEARD_CHRONOLOGY_N_TEXTS] = {
  [HEARD_CHRONOLOGY_REPORTER] = { "reporter", "reporter", SHORT_TEXT_CHARS },
  [HEARD_CHRONOLOGY_SEEN] = { "seen", "seen", HEARD_STATEMENT_MAX_WORDS_CHARS },
  [HEARD_CHRONOLOGY_REASON] = { "reason", "reason", HEARD_STATEMENT_MAX_REASON_CHARS },
};

/* The kinds the records are made with (schema 7 seeds the same codes);
 * one added to the records later shows its stored label. */
static const struct
{
  const char *code;
  const char *label;
} kind_labels[] = {
  { "missing-episode", N_("Missing episode") },
  { "school-absence", N_("School absence or exclusion") },
  { "gifts-money-phone", N_("Unexplained gifts, money or phone") },
  { "older-adults", N_("Older or unknown adults") },
  { "vehicles", N_("Vehicles") },
  { "substance-use", N_("Substance use") },
  { "behaviour-change", N_("Sudden change in behaviour") },
  { "self-harm", N_("Self-harm") },
  { "sexual-health", N_("Sexual health concern") },
  { "police-contact", N_("Police contact") },
  { "online-contact", N_("Worrying online contact") },
  { "missing-from-care", N_("Going missing from care") },
  { "other", N_("Other") },
  { "education-work", N_("Education, training or work") },
  { "relationship", N_("A relationship that helps") },
  { "home", N_("Settled at home") },
  { "health", N_("Looking after their health") },
  { "achievement", N_("Something they are proud of") },
  { "turning-point", N_("A turning point") },
};

static const char *const precision_codes[HEARD_DATE_N_PRECISIONS] = {
  [HEARD_DATE_PRECISION_DAY] = "day",
  [HEARD_DATE_PRECISION_MONTH] = "month",
  [HEARD_DATE_PRECISION_YEAR] = "year",
  [HEARD_DATE_PRECISION_AROUND] = "around",
};

static const struct
{
  const char *code;
  const char *label;
} natures[HEARD_ENTRY_N_NATURES] = {
  [HEARD_ENTRY_SIGN_OF_HARM] = { "harm", N_("Sign of harm") },
  [HEARD_ENTRY_VULNERABILITY] = { "vulnerability", N_("Vulnerability") },
  [HEARD_ENTRY_STRENGTH] = { "strength", N_("Strength or turning point") },
};

static gboolean
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
parse_day (const char *stored,
           GDate      *day)
{
  guint year, month, mday;
  char end;

  g_date_clear (day, 1);
  if (stored == NULL || strlen (stored) != 10 ||
      sscanf (stored, "%4u-%2u-%2u%c", &year, &month, &mday, &end) != 3 ||
      !g_date_valid_dmy (mday, month, year))
    return FALSE;
  g_date_set_dmy (day, mday, month, year);
  return TRUE;
}

static void
heard_chronology_entry_finalize (GObject *object)
{
  HeardChronologyEntry *self = HEARD_CHRONOLOGY_ENTRY (object);

  g_free (self->kind);
  g_free (self->earliest_day);
  g_free (self->latest_day);
  heard_text_fields_clear (self->texts, HEARD_CHRONOLOGY_N_TEXTS);
  g_free (self->saved_by);
  g_free (self->saved_at);

  G_OBJECT_CLASS (heard_chronology_entry_parent_class)->finalize (object);
}

static void
heard_chronology_entry_class_init (HeardChronologyEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = heard_chronology_entry_finalize;
}

static void
heard_chronology_entry_init (HeardChronologyEntry *self)
{
  self->version = 1;
  self->kind = g_strdup ("");
  self->earliest_day = g_strdup ("");
  self->latest_day = g_strdup ("");
  heard_text_fields_init (self->texts, HEARD_CHRONOLOGY_N_TEXTS);
  self->saved_by = g_strdup ("");
  self->saved_at = g_strdup ("");
}

HeardEntryKind *
heard_entry_kind_new (const char *code,
                           const char *label,
                           gboolean    strength)
{
  HeardEntryKind *kind = g_new0 (HeardEntryKind, 1);

  kind->code = g_strdup (code);
  kind->label = g_strdup (label);
  kind->strength = strength;
  return kind;
}

void
heard_entry_kind_free (HeardEntryKind *kind)
{
  if (kind == NULL)
    return;

  g_free (kind->code);
  g_free (kind->label);
  g_free (kind);
}

const char *
heard_entry_kind_label (const char *code,
                             const char *stored_label)
{
  for (gsize i = 0; i < G_N_ELEMENTS (kind_labels); i++)
    if (g_strcmp0 (kind_labels[i].code, code) == 0)
      return _(kind_labels[i].label);

  return stored_label != NULL ? stored_label : code;
}

const char *
heard_date_precision_to_code (HeardDatePrecision precision)
{
  g_return_val_if_fail (precision < HEARD_DATE_N_PRECISIONS, NULL);

  return precision_codes[precision];
}

gboolean
heard_date_precision_from_code (const char         *code,
                                HeardDatePrecision *precision)
{
  for (guint i = 0; i < HEARD_DATE_N_PRECISIONS; i++)
    if (g_strcmp0 (precision_codes[i], code) == 0)
      {
        *precision = (HeardDatePrecision) i;
        return TRUE;
      }

  return FALSE;
}

const char *
heard_entry_nature_to_code (HeardEntryNature nature)
{
  g_return_val_if_fail (nature < HEARD_ENTRY_N_NATURES, NULL);

  return natures[nature].code;
}

gboolean
heard_entry_nature_from_code (const char       *code,
                              HeardEntryNature *nature)
{
  for (guint i = 0; i < HEARD_ENTRY_N_NATURES; i++)
    if (g_strcmp0 (natures[i].code, code) == 0)
      {
        *nature = (HeardEntryNature) i;
        return TRUE;
      }

  return FALSE;
}

const char *
heard_entry_nature_label (HeardEntryNature nature)
{
  g_return_val_if_fail (nature < HEARD_ENTRY_N_NATURES, NULL);

  return _(natures[nature].label);
}

HeardChronologyEntry *
heard_chronology_entry_new (gint64            person_id,
                            HeardEntryNature  nature,
                            const char       *kind)
{
  HeardChronologyEntry *self = g_object_new (HEARD_TYPE_CHRONOLOGY_ENTRY, NULL);

  self->person_id = person_id;
  self->nature = nature;
  heard_chronology_entry_set_kind (self, kind);
  return self;
}

HeardChronologyEntry *
heard_chronology_entry_copy (HeardChronologyEntry *self)
{
  HeardChronologyEntry *copy;

  g_return_val_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self), NULL);

  copy = heard_chronology_entry_new (self->person_id, self->nature, self->kind);
  copy->id = self->id;
  copy->version = self->version;
  copy->precision = self->precision;
  g_free (copy->earliest_day);
  copy->earliest_day = g_strdup (self->earliest_day);
  g_free (copy->latest_day);
  copy->latest_day = g_strdup (self->latest_day);
  copy->agency_id = self->agency_id;
  for (guint i = 0; i < HEARD_CHRONOLOGY_N_TEXTS; i++)
    heard_chronology_entry_set_text (copy, i, self->texts[i]);
  copy->statement_id = self->statement_id;
  copy->action_id = self->action_id;
  heard_chronology_entry_set_saved (copy, self->saved_by, self->saved_at);
  return copy;
}

gint64
heard_chronology_entry_get_id (HeardChronologyEntry *self)
{
  g_return_val_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self), 0);

  return self->id;
}

void
heard_chronology_entry_set_id (HeardChronologyEntry *self,
                               gint64                id)
{
  g_return_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self));

  self->id = id;
}

gint64
heard_chronology_entry_get_person_id (HeardChronologyEntry *self)
{
  g_return_val_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self), 0);

  return self->person_id;
}

guint
heard_chronology_entry_get_version (HeardChronologyEntry *self)
{
  g_return_val_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self), 0);

  return self->version;
}

void
heard_chronology_entry_set_version (HeardChronologyEntry *self,
                                    guint                 version)
{
  g_return_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self));

  self->version = version;
}

HeardEntryNature
heard_chronology_entry_get_nature (HeardChronologyEntry *self)
{
  g_return_val_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self), HEARD_ENTRY_STRENGTH);

  return self->nature;
}

void
heard_chronology_entry_set_nature (HeardChronologyEntry *self,
                                   HeardEntryNature      nature)
{
  g_return_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self));
  g_return_if_fail (nature < HEARD_ENTRY_N_NATURES);

  self->nature = nature;
}

gboolean
heard_chronology_entry_is_sign (HeardChronologyEntry *self)
{
  g_return_val_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self), FALSE);

  return self->nature != HEARD_ENTRY_STRENGTH;
}

const char *
heard_chronology_entry_get_kind (HeardChronologyEntry *self)
{
  g_return_val_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self), NULL);

  return self->kind;
}

void
heard_chronology_entry_set_kind (HeardChronologyEntry *self,
                                 const char           *kind)
{
  g_return_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self));

  g_free (self->kind);
  self->kind = g_strdup (kind != NULL ? kind : "");
}

void
heard_chronology_entry_set_when (HeardChronologyEntry *self,
                                 HeardDatePrecision    precision,
                                 const GDate          *day,
                                 const GDate          *latest)
{
  GDate first, last;

  g_return_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self));
  g_return_if_fail (precision < HEARD_DATE_N_PRECISIONS);
  g_return_if_fail (day != NULL && g_date_valid (day));
  g_return_if_fail (precision != HEARD_DATE_PRECISION_AROUND ||
                    (latest != NULL && g_date_valid (latest)));

  first = *day;
  last = precision == HEARD_DATE_PRECISION_AROUND ? *latest : *day;
  switch (precision)
    {
    case HEARD_DATE_PRECISION_MONTH:
      g_date_set_day (&first, 1);
      g_date_set_day (&last, g_date_get_days_in_month (g_date_get_month (day),
                                                       g_date_get_year (day)));
      break;

    case HEARD_DATE_PRECISION_YEAR:
      g_date_set_dmy (&first, 1, G_DATE_JANUARY, g_date_get_year (day));
      g_date_set_dmy (&last, 31, G_DATE_DECEMBER, g_date_get_year (day));
      break;

    case HEARD_DATE_PRECISION_DAY:
    case HEARD_DATE_PRECISION_AROUND:
    case HEARD_DATE_N_PRECISIONS:
    default:
      break;
    }

  self->precision = precision;
  g_free (self->earliest_day);
  self->earliest_day = heard_date_to_iso (&first);
  g_free (self->latest_day);
  self->latest_day = heard_date_to_iso (&last);
}

/* For the store: the days and precision as they were kept. */
HeardDatePrecision
heard_chronology_entry_get_precision (HeardChronologyEntry *self)
{
  g_return_val_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self), HEARD_DATE_PRECISION_DAY);

  return self->precision;
}

const char *
heard_chronology_entry_get_earliest_day (HeardChronologyEntry *self)
{
  g_return_val_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self), NULL);

  return self->earliest_day;
}

const char *
heard_chronology_entry_get_latest_day (HeardChronologyEntry *self)
{
  g_return_val_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self), NULL);

  return self->latest_day;
}

gboolean
heard_chronology_entry_is_approximate (HeardChronologyEntry *self)
{
  g_return_val_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self), FALSE);

  return self->precision != HEARD_DATE_PRECISION_DAY;
}

char *
heard_chronology_entry_describe_when (HeardChronologyEntry *self)
{
  g_autofree char *month = NULL;
  GDate first, last;

  g_return_val_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self), NULL);

  if (!parse_day (self->earliest_day, &first) || !parse_day (self->latest_day, &last))
    return g_strdup ("");

  switch (self->precision)
    {
    case HEARD_DATE_PRECISION_MONTH:
      month = heard_date_format_month (&first);
      /* TRANSLATORS: a day not known exactly; %s is a month, e.g. "May 2024" */
      return g_strdup_printf (_("some time in %s"), month);

    case HEARD_DATE_PRECISION_YEAR:
      /* TRANSLATORS: a day not known exactly; %d is a year, e.g. 2024 */
      return g_strdup_printf (_("some time in %d"), g_date_get_year (&first));

    case HEARD_DATE_PRECISION_AROUND:
      /* The month in the middle of the span names it. */
      g_date_add_days (&first, (g_date_get_julian (&last) - g_date_get_julian (&first)) / 2);
      month = heard_date_format_month (&first);
      /* TRANSLATORS: a day not known exactly; %s is a month, e.g. "May 2024" */
      return g_strdup_printf (_("around %s"), month);

    case HEARD_DATE_PRECISION_DAY:
    case HEARD_DATE_N_PRECISIONS:
    default:
      return heard_date_format (&first);
    }
}

gint64
heard_chronology_entry_get_agency_id (HeardChronologyEntry *self)
{
  g_return_val_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self), 0);

  return self->agency_id;
}

void
heard_chronology_entry_set_agency_id (HeardChronologyEntry *self,
                                      gint64                agency_id)
{
  g_return_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self));

  self->agency_id = agency_id;
}

const char *
heard_chronology_entry_get_text (HeardChronologyEntry *self,
                                 HeardChronologyText   field)
{
  g_return_val_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self), NULL);
  g_return_val_if_fail (field < HEARD_CHRONOLOGY_N_TEXTS, NULL);

  return self->texts[field];
}

void
heard_chronology_entry_set_text (HeardChronologyEntry *self,
                                 HeardChronologyText   field,
                                 const char           *text)
{
  g_return_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self));
  g_return_if_fail (field < HEARD_CHRONOLOGY_N_TEXTS);

  g_free (self->texts[field]);
  self->texts[field] = g_strdup (text != NULL ? text : "");
}

gint64
heard_chronology_entry_get_statement_id (HeardChronologyEntry *self)
{
  g_return_val_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self), 0);

  return self->statement_id;
}

void
heard_chronology_entry_set_statement_id (HeardChronologyEntry *self,
                                         gint64                id)
{
  g_return_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self));

  self->statement_id = id;
}

gint64
heard_chronology_entry_get_action_id (HeardChronologyEntry *self)
{
  g_return_val_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self), 0);

  return self->action_id;
}

void
heard_chronology_entry_set_action_id (HeardChronologyEntry *self,
                                      gint64                id)
{
  g_return_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self));

  self->action_id = id;
}

const char *
heard_chronology_entry_get_saved_by (HeardChronologyEntry *self)
{
  g_return_val_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self), NULL);

  return self->saved_by;
}

const char *
heard_chronology_entry_get_saved_at (HeardChronologyEntry *self)
{
  g_return_val_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self), NULL);

  return self->saved_at;
}

void
heard_chronology_entry_set_saved (HeardChronologyEntry *self,
                                  const char           *saved_by,
                                  const char           *saved_at)
{
  g_return_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self));

  g_free (self->saved_by);
  self->saved_by = g_strdup (saved_by != NULL ? saved_by : "");
  g_free (self->saved_at);
  self->saved_at = g_strdup (saved_at != NULL ? saved_at : "");
}

gboolean
heard_chronology_entry_validate (HeardChronologyEntry  *self,
                                 GError               **error)
{
  const char *names[HEARD_CHRONOLOGY_N_TEXTS] = {
    _("Who reported it"), _("What was seen"), _("Reason for the change"),
  };
  GDate first, last, today;

  g_return_val_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self), FALSE);

  for (guint i = 0; i < HEARD_CHRONOLOGY_N_TEXTS; i++)
    if (!heard_text_fields_check_one (self->texts, text_fields, HEARD_CHRONOLOGY_N_TEXTS,
                                      text_fields[i].property, names[i], error))
      return FALSE;

  if (self->nature >= HEARD_ENTRY_N_NATURES || self->precision >= HEARD_DATE_N_PRECISIONS)
    return set_invalid (error, _("This entry is not one Heard knows how to keep."));
  if (!parse_day (self->earliest_day, &first) || !parse_day (self->latest_day, &last) ||
      g_date_compare (&first, &last) > 0)
    return set_invalid (error, _("Please give the day, or roughly when it was."));
  heard_date_today (&today);
  if (g_date_compare (&first, &today) > 0)
    return set_invalid (error, _("This day is in the future. Please check the date."));
  if (heard_text_is_blank (self->kind))
    return set_invalid (error, _("Please choose what kind of entry this is."));
  if (self->agency_id <= 0)
    return set_invalid (error, _("Please choose the agency that reported it."));
  if (heard_text_is_blank (self->texts[HEARD_CHRONOLOGY_SEEN]))
    return set_invalid (error, _("Please write what was seen, in the reporter’s words."));
  if (self->version > 1 && heard_text_is_blank (self->texts[HEARD_CHRONOLOGY_REASON]))
    return set_invalid (error, _("A correction needs a reason, so that the original "
                                 "and the change can both be understood."));

  return TRUE;
}

gboolean
heard_chronology_entry_to_cluster_sign (HeardChronologyEntry *self,
                                        HeardClusterSign     *sign)
{
  g_return_val_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (self), FALSE);
  g_return_val_if_fail (sign != NULL, FALSE);

  if (!heard_chronology_entry_is_sign (self) ||
      !heard_date_parse (self->earliest_day, &sign->earliest_day, NULL) ||
      !heard_date_parse (self->latest_day, &sign->latest_day, NULL))
    return FALSE;

  sign->id = self->id;
  sign->agency_id = self->agency_id;
  sign->is_harm = self->nature == HEARD_ENTRY_SIGN_OF_HARM;

  return TRUE;
}

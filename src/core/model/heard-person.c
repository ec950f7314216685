/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-person"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "heard-date.h"
#include "heard-model-enums.h"
#include "heard-person.h"
#include "heard-plan-rules.h"
#include "heard-store.h"
#include "heard-text-fields.h"

struct _HeardPerson
{
  GObject      parent_instance;

  gint64       id;
  char        *texts[HEARD_PERSON_N_TEXTS];
  gboolean     interpreter_needed;
  HeardAnswer  nationality_answer;
  GArray      *agency_ids;
};

G_DEFINE_FINAL_TYPE (HeardPerson, heard_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_INTERPRETER_NEEDED,
  PROP_NATIONALITY_ANSWER,
  PROP_FIRST_TEXT,
  N_PROPS = PROP_FIRST_TEXT + HEARD_PERSON_N_TEXTS
};

static GParamSpec *properties[N_PROPS];

static const HeardTextField text_fields[HEARD_PERSON_N_TEXTS] = {
  [HEARD_PERSON_DISPLAY_NAME] = { "display-name", "display_name", HEARD_PERSON_MAX_NAME_CHARS },
  [HEARD_PERSON_PREFERRED_NAME] = { "preferred-name", "preferred_name",
                                    HEARD_PERSON_MAX_NAME_CHARS },
  [HEARD_PERSON_PRONOUNS] = { "pronouns", "pronouns", HEARD_PERSON_MAX_NAME_CHARS },
  [HEARD_PERSON_DATE_OF_BIRTH] = { "date-of-birth", "date_of_birth", 10 },
  [HEARD_PERSON_FIRST_LANGUAGE] = { "first-language", "first_language",
                                    HEARD_PERSON_MAX_NAME_CHARS },
  [HEARD_PERSON_ETHNICITY] = { "ethnicity", "ethnicity", HEARD_PERSON_MAX_NAME_CHARS },
  [HEARD_PERSON_NATIONALITY] = { "nationality", "nationality", HEARD_PERSON_MAX_NAME_CHARS },
  [HEARD_PERSON_KEY_WORKER] = { "key-worker", "key_worker", HEARD_PERSON_MAX_NAME_CHARS },
  [HEARD_PERSON_AGENCIES] = { "agencies", "agencies", HEARD_PERSON_MAX_NAME_CHARS },
  [HEARD_PERSON_WHAT_HELPS] = { "what-helps", "what_helps", HEARD_PERSON_MAX_TEXT_CHARS },
  [HEARD_PERSON_WHAT_IS_HARD] = { "what-is-hard", "what_is_hard", HEARD_PERSON_MAX_TEXT_CHARS },
};

/* The ethnic group categories of the 2021 census of England and Wales, with
 * the two answers the national audit asked to be recorded distinctly. */
static const HeardChoice ethnicities[] = {
  { "", N_("Not recorded yet") },
  { "asian-bangladeshi", N_("Asian or Asian British: Bangladeshi") },
  { "asian-chinese", N_("Asian or Asian British: Chinese") },
  { "asian-indian", N_("Asian or Asian British: Indian") },
  { "asian-pakistani", N_("Asian or Asian British: Pakistani") },
  { "asian-other", N_("Asian or Asian British: any other Asian background") },
  { "black-african", N_("Black, Black British, Caribbean or African: African") },
  { "black-caribbean", N_("Black, Black British, Caribbean or African: Caribbean") },
  { "black-other", N_("Black, Black British, Caribbean or African: any other background") },
  { "mixed-white-asian", N_("Mixed or multiple: White and Asian") },
  { "mixed-white-black-african", N_("Mixed or multiple: White and Black African") },
  { "mixed-white-black-caribbean", N_("Mixed or multiple: White and Black Caribbean") },
  { "mixed-other", N_("Mixed or multiple: any other background") },
  { "white-british", N_("White: English, Welsh, Scottish, Northern Irish or British") },
  { "white-irish", N_("White: Irish") },
  { "white-gypsy-traveller", N_("White: Gypsy or Irish Traveller") },
  { "white-roma", N_("White: Roma") },
  { "white-other", N_("White: any other White background") },
  { "other-arab", N_("Other ethnic group: Arab") },
  { "other-any", N_("Other ethnic group: any other") },
  { "not-known", N_("Not known") },
  { "prefers-not-to-say", N_("Prefers not to say") },
};

static gboolean
set_text_field (HeardPerson     *self,
                HeardPersonText  field,
                const char      *text)
{
  return heard_text_fields_set (G_OBJECT (self), self->texts, field, text,
                                properties[PROP_FIRST_TEXT + field]);
}

static void
heard_person_finalize (GObject *object)
{
  HeardPerson *self = HEARD_PERSON (object);

  heard_text_fields_clear (self->texts, HEARD_PERSON_N_TEXTS);
  g_array_unref (self->agency_ids);

  G_OBJECT_CLASS (heard_person_parent_class)->finalize (object);
}

static void
heard_person_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HeardPerson *self = HEARD_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_INTERPRETER_NEEDED:
      g_value_set_boolean (value, self->interpreter_needed);
      break;

    case PROP_NATIONALITY_ANSWER:
      g_value_set_enum (value, self->nationality_answer);
      break;

    default:
      if (!heard_text_fields_get_property (self->texts, PROP_FIRST_TEXT, HEARD_PERSON_N_TEXTS,
                                           prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_person_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HeardPerson *self = HEARD_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      heard_person_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_INTERPRETER_NEEDED:
      heard_person_set_interpreter_needed (self, g_value_get_boolean (value));
      break;

    case PROP_NATIONALITY_ANSWER:
      heard_person_set_nationality_answer (self, g_value_get_enum (value));
      break;

    default:
      if (!heard_text_fields_set_property (object, self->texts, PROP_FIRST_TEXT,
                                           HEARD_PERSON_N_TEXTS, prop_id, value, pspec))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_person_class_init (HeardPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = heard_person_finalize;
  object_class->get_property = heard_person_get_property;
  object_class->set_property = heard_person_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_INTERPRETER_NEEDED] =
    g_param_spec_boolean ("interpreter-needed", NULL, NULL, FALSE, flags);
  properties[PROP_NATIONALITY_ANSWER] =
    g_param_spec_enum ("nationality-answer", NULL, NULL, HEARD_TYPE_ANSWER,
                       HEARD_ANSWER_NOT_ASKED, flags);

  heard_text_fields_install (object_class, properties, PROP_FIRST_TEXT, text_fields,
                             HEARD_PERSON_N_TEXTS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_person_init (HeardPerson *self)
{
  heard_text_fields_init (self->texts, HEARD_PERSON_N_TEXTS);
  self->agency_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

HeardPerson *
heard_person_new (void)
{
  return g_object_new (HEARD_TYPE_PERSON, NULL);
}

HeardPerson *
heard_person_copy (HeardPerson *self)
{
  HeardPerson *copy;

  g_return_val_if_fail (HEARD_IS_PERSON (self), NULL);

  copy = heard_person_new ();
  heard_person_update_from (copy, self);

  return copy;
}

/* Takes on every value of @other, notifying only what changed, so that rows
 * bound to @self redraw just the parts that differ. */
void
heard_person_update_from (HeardPerson *self,
                          HeardPerson *other)
{
  g_return_if_fail (HEARD_IS_PERSON (self));
  g_return_if_fail (HEARD_IS_PERSON (other));

  g_object_freeze_notify (G_OBJECT (self));
  heard_person_set_id (self, other->id);
  for (guint i = 0; i < HEARD_PERSON_N_TEXTS; i++)
    set_text_field (self, i, other->texts[i]);
  heard_person_set_interpreter_needed (self, other->interpreter_needed);
  heard_person_set_nationality_answer (self, other->nationality_answer);
  heard_person_set_agency_ids (self, (const gint64 *) (gpointer) other->agency_ids->data,
                               other->agency_ids->len);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
heard_person_get_id (HeardPerson *self)
{
  g_return_val_if_fail (HEARD_IS_PERSON (self), 0);

  return self->id;
}

void
heard_person_set_id (HeardPerson *self,
                     gint64       id)
{
  g_return_if_fail (HEARD_IS_PERSON (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The directory entries among the agencies involved (each serves one of the
 * kinds in HEARD_PERSON_AGENCIES), in order of id, each once. */
const gint64 *
heard_person_get_agency_ids (HeardPerson *self,
                             guint       *n_ids)
{
  g_return_val_if_fail (HEARD_IS_PERSON (self), NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  *n_ids = self->agency_ids->len;
  return (const gint64 *) (gpointer) self->agency_ids->data;
}

gboolean
heard_person_has_agency_id (HeardPerson *self,
                            gint64       agency_id)
{
  g_return_val_if_fail (HEARD_IS_PERSON (self), FALSE);

  for (guint i = 0; i < self->agency_ids->len; i++)
    if (g_array_index (self->agency_ids, gint64, i) == agency_id)
      return TRUE;

  return FALSE;
}

void
heard_person_set_agency_ids (HeardPerson  *self,
                             const gint64 *ids,
                             guint         n_ids)
{
  g_autoptr(GArray) sorted = NULL;

  g_return_if_fail (HEARD_IS_PERSON (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  sorted = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  if (n_ids > 0)
    g_array_append_vals (sorted, ids, n_ids);
  g_array_sort (sorted, compare_ids);
  for (guint i = 1; i < sorted->len;)
    if (g_array_index (sorted, gint64, i) == g_array_index (sorted, gint64, i - 1))
      g_array_remove_index (sorted, i);
    else
      i++;

  if (sorted->len == self->agency_ids->len &&
      (sorted->len == 0 ||
       memcmp (sorted->data, self->agency_ids->data, sorted->len * sizeof (gint64)) == 0))
    return;

  g_array_unref (self->agency_ids);
  self->agency_ids = g_steal_pointer (&sorted);
  /* The entries are part of the agencies involved: whoever shows those
   * hears of a change to either. */
  g_object_notify_by_pspec (G_OBJECT (self),
                            properties[PROP_FIRST_TEXT + HEARD_PERSON_AGENCIES]);
}

const char *
heard_person_get_text (HeardPerson     *self,
                       HeardPersonText  field)
{
  g_return_val_if_fail (HEARD_IS_PERSON (self), NULL);
  g_return_val_if_fail (field < HEARD_PERSON_N_TEXTS, NULL);

  return self->texts[field];
}

void
heard_person_set_text (HeardPerson     *self,
                       HeardPersonText  field,
                       const char      *text)
{
  g_return_if_fail (HEARD_IS_PERSON (self));
  g_return_if_fail (field < HEARD_PERSON_N_TEXTS);

  set_text_field (self, field, text);
}

const char *
heard_person_get_display_name (HeardPerson *self)
{
  return heard_person_get_text (self, HEARD_PERSON_DISPLAY_NAME);
}

const char *
heard_person_get_preferred_name (HeardPerson *self)
{
  return heard_person_get_text (self, HEARD_PERSON_PREFERRED_NAME);
}

const char *
heard_person_get_called_name (HeardPerson *self)
{
  const char *preferred = heard_person_get_preferred_name (self);

  return preferred != NULL && preferred[0] != '\0' ? preferred
                                                   : heard_person_get_display_name (self);
}

gboolean
heard_person_get_interpreter_needed (HeardPerson *self)
{
  g_return_val_if_fail (HEARD_IS_PERSON (self), FALSE);

  return self->interpreter_needed;
}

void
heard_person_set_interpreter_needed (HeardPerson *self,
                                     gboolean     needed)
{
  g_return_if_fail (HEARD_IS_PERSON (self));

  needed = !!needed;
  if (self->interpreter_needed == needed)
    return;

  self->interpreter_needed = needed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERPRETER_NEEDED]);
}

HeardAnswer
heard_person_get_nationality_answer (HeardPerson *self)
{
  g_return_val_if_fail (HEARD_IS_PERSON (self), HEARD_ANSWER_NOT_ASKED);

  return self->nationality_answer;
}

void
heard_person_set_nationality_answer (HeardPerson *self,
                                     HeardAnswer  answer)
{
  g_return_if_fail (HEARD_IS_PERSON (self));
  g_return_if_fail (answer <= HEARD_ANSWER_PREFERS_NOT_TO_SAY);

  if (self->nationality_answer == answer)
    return;

  self->nationality_answer = answer;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NATIONALITY_ANSWER]);
}

gboolean
heard_person_validate (HeardPerson  *self,
                       GError      **error)
{
  g_return_val_if_fail (HEARD_IS_PERSON (self), FALSE);

  if (!heard_text_fields_validate (self->texts, text_fields, HEARD_PERSON_N_TEXTS, error))
    return FALSE;

  if (heard_text_is_blank (self->texts[HEARD_PERSON_DISPLAY_NAME]))
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID,
                           _("Please give a name to show for this young person."));
      return FALSE;
    }

  if (*self->texts[HEARD_PERSON_DATE_OF_BIRTH] != '\0')
    {
      GDate birth;

      if (!heard_date_check (self->texts[HEARD_PERSON_DATE_OF_BIRTH], HEARD_DATE_KIND_BIRTH,
                             NULL, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID, &birth, error))
        return FALSE;
    }

  return TRUE;
}

/* Checks the one text field @property, called @name on screen: see
 * heard_text_fields_check_one(). */
gboolean
heard_person_check_text_field (HeardPerson  *self,
                               const char   *property,
                               const char   *name,
                               GError      **error)
{
  g_return_val_if_fail (HEARD_IS_PERSON (self), FALSE);

  return heard_text_fields_check_one (self->texts, text_fields, HEARD_PERSON_N_TEXTS, property,
                                      name, error);
}

/* Checks the record can be kept, and writes the date of birth in the
 * stored form, so that it reads the same whatever the computer's locale. */
gboolean
heard_person_prepare (HeardPerson  *self,
                      GError      **error)
{
  GDate birth;

  g_return_val_if_fail (HEARD_IS_PERSON (self), FALSE);

  if (!heard_person_validate (self, error))
    return FALSE;

  if (heard_date_parse (self->texts[HEARD_PERSON_DATE_OF_BIRTH], &birth, NULL))
    {
      g_autofree char *stored = heard_date_to_iso (&birth);

      heard_person_set_text (self, HEARD_PERSON_DATE_OF_BIRTH, stored);
    }

  return TRUE;
}

char *
heard_person_dup_age_text (HeardPerson *self,
                           GDateTime   *today)
{
  GDate birth;
  int years;

  g_return_val_if_fail (HEARD_IS_PERSON (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (!heard_date_parse (self->texts[HEARD_PERSON_DATE_OF_BIRTH], &birth, NULL))
    return NULL;

  years = g_date_time_get_year (today) - (int) g_date_get_year (&birth);
  if (g_date_time_get_month (today) < (int) g_date_get_month (&birth) ||
      (g_date_time_get_month (today) == (int) g_date_get_month (&birth) &&
       g_date_time_get_day_of_month (today) < (int) g_date_get_day (&birth)))
    years--;

  if (years < 0)
    return NULL;

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year old", "%d years old",
                                       years), years);
}

/* The text columns in field order, "a, b, c", with @suffix after each. */
char *
heard_person_text_columns (const char *suffix)
{
  return heard_text_fields_columns (text_fields, HEARD_PERSON_N_TEXTS, suffix);
}

const HeardChoice *
heard_person_get_ethnicities (guint *n_choices)
{
  *n_choices = G_N_ELEMENTS (ethnicities);

  return ethnicities;
}

const char *
heard_person_ethnicity_label (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (ethnicities); i++)
    {
      if (g_strcmp0 (ethnicities[i].code, code) == 0)
        return _(ethnicities[i].label);
    }

  return code;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-statement"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "heard-agency.h"
#include "heard-date.h"
#include "heard-model-enums.h"
#include "heard-plan-rules.h"
#include "heard-statement.h"
#include "heard-store.h"
#include "heard-text-fields.h"

struct _HeardStatement
{
  GObject        parent_instance;

  gint64         id;
  gint64         person_id;
  guint          version;
  char          *texts[HEARD_STATEMENT_N_TEXTS];
  HeardGivenHow  given_how;
  HeardReadBack  read_back;
  gboolean       sensitive;
  char          *saved_by;
  char          *saved_at;
  GPtrArray     *responses;
  char          *consent_ends_on;
  char          *consent_withdrawn_on;
};

G_DEFINE_FINAL_TYPE (HeardStatement, heard_statement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_GIVEN_HOW,
  PROP_READ_BACK,
  PROP_SENSITIVE,
  PROP_CONSENT_ENDS_ON,
  PROP_FIRST_TEXT,
  N_PROPS = PROP_FIRST_TEXT + HEARD_STATEMENT_N_TEXTS
};

static GParamSpec *properties[N_PROPS];

#define SHORT_TEXT_CHARS 500

static const HeardTextField text_fields[HEARD_STATEMENT_N_TEXTS] = {
  [HEARD_STATEMENT_WORDS] = { "words", "words", HEARD_STATEMENT_MAX_WORDS_CHARS },
  [HEARD_STATEMENT_GIVEN_ON] = { "given-on", "given_on", SHORT_TEXT_CHARS },
  [HEARD_STATEMENT_GIVEN_TIME] = { "given-time", "given_time", SHORT_TEXT_CHARS },
  [HEARD_STATEMENT_PLACE] = { "place", "place", SHORT_TEXT_CHARS },
  [HEARD_STATEMENT_PRESENT] = { "present", "present", SHORT_TEXT_CHARS },
  [HEARD_STATEMENT_THEIR_NOTE] = { "their-note", "their_note", HEARD_STATEMENT_MAX_WORDS_CHARS },
  [HEARD_STATEMENT_CONTEXT] = { "context", "context", HEARD_STATEMENT_MAX_WORDS_CHARS },
  [HEARD_STATEMENT_SHARE_WITH] = { "share-with", "share_with", SHORT_TEXT_CHARS },
  [HEARD_STATEMENT_CONTENT_NOTE] = { "content-note", "content_note", SHORT_TEXT_CHARS },
  [HEARD_STATEMENT_REASON] = { "reason", "reason", HEARD_STATEMENT_MAX_REASON_CHARS },
};

/* How a change to each field is named in the history; the reason is not a change. */
static const char *const change_names[HEARD_STATEMENT_N_TEXTS] = {
  [HEARD_STATEMENT_WORDS] = N_("their words"),
  [HEARD_STATEMENT_GIVEN_ON] = N_("the day"),
  [HEARD_STATEMENT_GIVEN_TIME] = N_("the time"),
  [HEARD_STATEMENT_PLACE] = N_("where"),
  [HEARD_STATEMENT_PRESENT] = N_("who was there"),
  [HEARD_STATEMENT_THEIR_NOTE] = N_("their own note"),
  [HEARD_STATEMENT_CONTEXT] = N_("the worker's context"),
  [HEARD_STATEMENT_SHARE_WITH] = N_("who it may be shared with"),
  [HEARD_STATEMENT_CONTENT_NOTE] = N_("the content note"),
};

static const HeardChoice given_hows[HEARD_GIVEN_N_WAYS] = {
  [HEARD_GIVEN_SPOKEN] = { "spoken", N_("Said out loud") },
  [HEARD_GIVEN_WRITTEN] = { "written", N_("Written by them") },
  [HEARD_GIVEN_TYPED] = { "typed", N_("Typed by them") },
  [HEARD_GIVEN_DRAWN] = { "drawn", N_("Drawn by them") },
  [HEARD_GIVEN_SIGNED] = { "signed", N_("Signed (sign language)") },
  [HEARD_GIVEN_INTERPRETED] = { "interpreted", N_("Through an interpreter") },
};

static const HeardChoice read_backs[HEARD_READ_BACK_N_ANSWERS] = {
  [HEARD_READ_BACK_NOT_YET] = { "not-yet", N_("Not read back yet") },
  [HEARD_READ_BACK_AGREED] = { "agreed", N_("Read back, and they agreed") },
  [HEARD_READ_BACK_DISAGREED] = { "disagreed", N_("Read back, and they did not agree") },
  [HEARD_READ_BACK_DECLINED] = { "declined", N_("They chose not to hear it read back") },
};

static gboolean
find_code (const HeardChoice *choices,
           guint              n_choices,
           const char        *code,
           guint             *index)
{
  for (guint i = 0; i < n_choices; i++)
    {
      if (g_strcmp0 (choices[i].code, code) == 0)
        {
          *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_time (const char *text)
{
  guint hours = 0, minutes = 0;
  char tail;

  return *text == '\0' ||
         (sscanf (text, "%2u:%2u%c", &hours, &minutes, &tail) == 2 &&
          strlen (text) == 5 && hours < 24 && minutes < 60);
}

static gboolean
check_agencies (const char *list)
{
  g_auto(GStrv) codes = g_strsplit (list, ",", -1);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      HeardAgency agency;

      if (*codes[i] != '\0' && !heard_agency_from_code (codes[i], &agency))
        return FALSE;
    }

  return TRUE;
}

static void
heard_statement_finalize (GObject *object)
{
  HeardStatement *self = HEARD_STATEMENT (object);

  heard_text_fields_clear (self->texts, HEARD_STATEMENT_N_TEXTS);
  g_free (self->saved_by);
  g_free (self->saved_at);
  g_clear_pointer (&self->responses, g_ptr_array_unref);
  g_free (self->consent_ends_on);
  g_free (self->consent_withdrawn_on);

  G_OBJECT_CLASS (heard_statement_parent_class)->finalize (object);
}

static void
heard_statement_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HeardStatement *self = HEARD_STATEMENT (object);

  switch (prop_id)
    {
    case PROP_GIVEN_HOW:
      g_value_set_enum (value, self->given_how);
      break;

    case PROP_READ_BACK:
      g_value_set_enum (value, self->read_back);
      break;

    case PROP_SENSITIVE:
      g_value_set_boolean (value, self->sensitive);
      break;

    case PROP_CONSENT_ENDS_ON:
      g_value_set_string (value, self->consent_ends_on);
      break;

    default:
      if (!heard_text_fields_get_property (self->texts, PROP_FIRST_TEXT, HEARD_STATEMENT_N_TEXTS,
                                           prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_statement_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HeardStatement *self = HEARD_STATEMENT (object);

  switch (prop_id)
    {
    case PROP_GIVEN_HOW:
      heard_statement_set_given_how (self, g_value_get_enum (value));
      break;

    case PROP_READ_BACK:
      heard_statement_set_read_back (self, g_value_get_enum (value));
      break;

    case PROP_SENSITIVE:
      heard_statement_set_sensitive (self, g_value_get_boolean (value));
      break;

    case PROP_CONSENT_ENDS_ON:
      heard_statement_set_consent_ends_on (self, g_value_get_string (value));
      break;

    default:
      if (!heard_text_fields_set_property (object, self->texts, PROP_FIRST_TEXT,
                                           HEARD_STATEMENT_N_TEXTS, prop_id, value, pspec))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_statement_class_init (HeardStatementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = heard_statement_finalize;
  object_class->get_property = heard_statement_get_property;
  object_class->set_property = heard_statement_set_property;

  /* Unsigned, like a list position, so that choosers bind to them directly. */
  properties[PROP_GIVEN_HOW] =
    g_param_spec_enum ("given-how", NULL, NULL, HEARD_TYPE_GIVEN_HOW, HEARD_GIVEN_SPOKEN, flags);
  properties[PROP_READ_BACK] =
    g_param_spec_enum ("read-back", NULL, NULL, HEARD_TYPE_READ_BACK, HEARD_READ_BACK_NOT_YET,
                       flags);
  properties[PROP_SENSITIVE] = g_param_spec_boolean ("sensitive", NULL, NULL, FALSE, flags);
  properties[PROP_CONSENT_ENDS_ON] = g_param_spec_string ("consent-ends-on", NULL, NULL, "",
                                                          flags);

  heard_text_fields_install (object_class, properties, PROP_FIRST_TEXT, text_fields,
                             HEARD_STATEMENT_N_TEXTS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_statement_init (HeardStatement *self)
{
  heard_text_fields_init (self->texts, HEARD_STATEMENT_N_TEXTS);
  self->responses = g_ptr_array_new_with_free_func (g_object_unref);
  self->consent_ends_on = g_strdup ("");
  self->consent_withdrawn_on = g_strdup ("");
}

HeardStatement *
heard_statement_new (void)
{
  return g_object_new (HEARD_TYPE_STATEMENT, NULL);
}

/* A copy of everything, sharing the (never changed) answers. */
HeardStatement *
heard_statement_copy (HeardStatement *self)
{
  HeardStatement *copy;

  g_return_val_if_fail (HEARD_IS_STATEMENT (self), NULL);

  copy = heard_statement_new ();
  copy->id = self->id;
  copy->person_id = self->person_id;
  copy->version = self->version;
  for (guint i = 0; i < HEARD_STATEMENT_N_TEXTS; i++)
    heard_statement_set_text (copy, i, self->texts[i]);
  copy->given_how = self->given_how;
  copy->read_back = self->read_back;
  copy->sensitive = self->sensitive;
  heard_statement_set_saved (copy, self->saved_by, self->saved_at);
  heard_statement_set_responses (copy, self->responses);
  heard_statement_set_consent_ends_on (copy, self->consent_ends_on);
  heard_statement_set_consent_withdrawn_on (copy, self->consent_withdrawn_on);

  return copy;
}

gint64
heard_statement_get_id (HeardStatement *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT (self), 0);

  return self->id;
}

void
heard_statement_set_id (HeardStatement *self,
                        gint64          id)
{
  g_return_if_fail (HEARD_IS_STATEMENT (self));

  self->id = id;
}

gint64
heard_statement_get_person_id (HeardStatement *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT (self), 0);

  return self->person_id;
}

void
heard_statement_set_person_id (HeardStatement *self,
                               gint64          person_id)
{
  g_return_if_fail (HEARD_IS_STATEMENT (self));

  self->person_id = person_id;
}

/* 0 for a statement not saved yet, 1 for the original, then 2, 3… */
guint
heard_statement_get_version (HeardStatement *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT (self), 0);

  return self->version;
}

void
heard_statement_set_version (HeardStatement *self,
                             guint           version)
{
  g_return_if_fail (HEARD_IS_STATEMENT (self));

  self->version = version;
}

const char *
heard_statement_get_text (HeardStatement     *self,
                          HeardStatementText  field)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT (self), NULL);
  g_return_val_if_fail (field < HEARD_STATEMENT_N_TEXTS, NULL);

  return self->texts[field];
}

void
heard_statement_set_text (HeardStatement     *self,
                          HeardStatementText  field,
                          const char         *text)
{
  g_return_if_fail (HEARD_IS_STATEMENT (self));
  g_return_if_fail (field < HEARD_STATEMENT_N_TEXTS);

  heard_text_fields_set (G_OBJECT (self), self->texts, field, text,
                         properties[PROP_FIRST_TEXT + field]);
}

const char *
heard_statement_get_words (HeardStatement *self)
{
  return heard_statement_get_text (self, HEARD_STATEMENT_WORDS);
}

HeardGivenHow
heard_statement_get_given_how (HeardStatement *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT (self), HEARD_GIVEN_SPOKEN);

  return self->given_how;
}

void
heard_statement_set_given_how (HeardStatement *self,
                               HeardGivenHow   how)
{
  g_return_if_fail (HEARD_IS_STATEMENT (self));
  g_return_if_fail (how < HEARD_GIVEN_N_WAYS);

  if (self->given_how == how)
    return;

  self->given_how = how;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GIVEN_HOW]);
}

HeardReadBack
heard_statement_get_read_back (HeardStatement *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT (self), HEARD_READ_BACK_NOT_YET);

  return self->read_back;
}

void
heard_statement_set_read_back (HeardStatement *self,
                               HeardReadBack   read_back)
{
  g_return_if_fail (HEARD_IS_STATEMENT (self));
  g_return_if_fail (read_back < HEARD_READ_BACK_N_ANSWERS);

  if (self->read_back == read_back)
    return;

  self->read_back = read_back;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_BACK]);
}

gboolean
heard_statement_get_sensitive (HeardStatement *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT (self), FALSE);

  return self->sensitive;
}

void
heard_statement_set_sensitive (HeardStatement *self,
                               gboolean        sensitive)
{
  g_return_if_fail (HEARD_IS_STATEMENT (self));

  sensitive = !!sensitive;
  if (self->sensitive == sensitive)
    return;

  self->sensitive = sensitive;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENSITIVE]);
}

const char *
heard_statement_get_saved_by (HeardStatement *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT (self), NULL);

  return self->saved_by;
}

const char *
heard_statement_get_saved_at (HeardStatement *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT (self), NULL);

  return self->saved_at;
}

void
heard_statement_set_saved (HeardStatement *self,
                           const char     *saved_by,
                           const char     *saved_at)
{
  g_return_if_fail (HEARD_IS_STATEMENT (self));

  g_free (self->saved_by);
  self->saved_by = g_strdup (saved_by);
  g_free (self->saved_at);
  self->saved_at = g_strdup (saved_at);
}

GPtrArray *
heard_statement_get_responses (HeardStatement *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT (self), NULL);

  return self->responses;
}

void
heard_statement_set_responses (HeardStatement *self,
                               GPtrArray      *responses)
{
  g_return_if_fail (HEARD_IS_STATEMENT (self));
  g_return_if_fail (responses != NULL);

  g_ptr_array_ref (responses);
  g_ptr_array_unref (self->responses);
  self->responses = responses;
}

HeardReplyState
heard_statement_get_reply_state (HeardStatement *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT (self), HEARD_REPLY_WAITING);

  if (self->responses->len == 0)
    return HEARD_REPLY_WAITING;

  for (guint i = 0; i < self->responses->len; i++)
    {
      HeardStatementResponse *response = g_ptr_array_index (self->responses, i);

      if (*heard_statement_response_get_told_on (response) != '\0')
        return HEARD_REPLY_TOLD;
    }

  return HEARD_REPLY_NOT_TOLD;
}

const char *
heard_statement_get_consent_ends_on (HeardStatement *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT (self), NULL);

  return self->consent_ends_on;
}

void
heard_statement_set_consent_ends_on (HeardStatement *self,
                                     const char     *ends_on)
{
  g_return_if_fail (HEARD_IS_STATEMENT (self));

  if (ends_on == NULL)
    ends_on = "";
  if (g_strcmp0 (self->consent_ends_on, ends_on) == 0)
    return;

  g_free (self->consent_ends_on);
  self->consent_ends_on = g_strdup (ends_on);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSENT_ENDS_ON]);
}

const char *
heard_statement_get_consent_withdrawn_on (HeardStatement *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT (self), NULL);

  return self->consent_withdrawn_on;
}

void
heard_statement_set_consent_withdrawn_on (HeardStatement *self,
                                          const char     *withdrawn_on)
{
  g_return_if_fail (HEARD_IS_STATEMENT (self));

  g_free (self->consent_withdrawn_on);
  self->consent_withdrawn_on = g_strdup (withdrawn_on != NULL ? withdrawn_on : "");
}

HeardConsentState
heard_statement_get_consent_state (HeardStatement *self,
                                   const GDate    *day)
{
  g_autofree char *on = NULL;

  g_return_val_if_fail (HEARD_IS_STATEMENT (self), HEARD_CONSENT_HOLDS);
  g_return_val_if_fail (day != NULL && g_date_valid (day), HEARD_CONSENT_HOLDS);

  /* Kept as YYYY-MM-DD, so that days compare as text. */
  on = heard_date_to_iso (day);
  if (*self->consent_withdrawn_on != '\0' && strcmp (self->consent_withdrawn_on, on) <= 0)
    return HEARD_CONSENT_WITHDRAWN;
  if (*self->consent_ends_on != '\0' && strcmp (self->consent_ends_on, on) < 0)
    return HEARD_CONSENT_ENDED;

  return HEARD_CONSENT_HOLDS;
}

gboolean
heard_statement_consent_holds_on (HeardStatement *self,
                                  const GDate    *day)
{
  return heard_statement_get_consent_state (self, day) == HEARD_CONSENT_HOLDS;
}

char *
heard_statement_dup_consent_lapse (HeardStatement *self,
                                   const GDate    *day)
{
  g_autofree char *when = NULL;

  switch (heard_statement_get_consent_state (self, day))
    {
    case HEARD_CONSENT_ENDED:
      when = heard_date_describe (self->consent_ends_on);
      /* TRANSLATORS: why a statement is left out of an export; %s is a day,
       * "3 March 2027" */
      return g_strdup_printf (_("consent ended on %s"), when);

    case HEARD_CONSENT_WITHDRAWN:
      when = heard_date_describe (self->consent_withdrawn_on);
      /* TRANSLATORS: why a statement is left out of an export; %s is a day,
       * "5 March 2027" */
      return g_strdup_printf (_("they withdrew consent on %s"), when);

    case HEARD_CONSENT_HOLDS:
    default:
      return NULL;
    }
}

/* Reads @typed as the consent's day of @kind into a day; FALSE with
 * @error set, naming the field, when it is not one or lies before @given
 * (when known). */
static gboolean
check_consent_day (const char     *typed,
                   HeardDateKind   kind,
                   const GDate    *given,
                   GError        **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *given_shown = NULL;
  GDate day;

  if (*typed == '\0')
    return TRUE;

  if (!heard_date_check (typed, kind, NULL, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID, &day,
                         error))
    return FALSE;

  if (!g_date_valid (given) || g_date_compare (&day, given) >= 0)
    return TRUE;

  shown = heard_date_format (&day);
  given_shown = heard_date_format (given);
  if (kind == HEARD_DATE_KIND_WITHDRAWN)
    g_set_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID,
                 /* TRANSLATORS: two days, "2 March 2027" then "3 March 2027" */
                 _("The day they withdrew consent (%s) is before the day they gave this "
                   "statement (%s). Please check the date."), shown, given_shown);
  else
    g_set_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID,
                 /* TRANSLATORS: two days, "2 March 2027" then "3 March 2027" */
                 _("The last day their consent holds (%s) is before the day they gave this "
                   "statement (%s). Please check the date."), shown, given_shown);
  return FALSE;
}

gboolean
heard_statement_check_consent (HeardStatement  *self,
                               const char      *ends_on,
                               const char      *withdrawn_on,
                               GError         **error)
{
  GDate given;

  g_return_val_if_fail (HEARD_IS_STATEMENT (self), FALSE);

  g_date_clear (&given, 1);
  heard_date_parse (self->texts[HEARD_STATEMENT_GIVEN_ON], &given, NULL);

  return check_consent_day (ends_on != NULL ? ends_on : "", HEARD_DATE_KIND_CONSENT_ENDS, &given,
                            error) &&
         check_consent_day (withdrawn_on != NULL ? withdrawn_on : "", HEARD_DATE_KIND_WITHDRAWN,
                            &given, error);
}

gboolean
heard_statement_validate (HeardStatement  *self,
                          GError         **error)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT (self), FALSE);

  if (!heard_text_fields_validate (self->texts, text_fields, HEARD_STATEMENT_N_TEXTS, error))
    return FALSE;

  if (heard_text_is_blank (self->texts[HEARD_STATEMENT_WORDS]))
    return set_invalid (error, _("Please write down their words: a statement keeps what "
                                 "the young person said, exactly as they said it."));

  if (!heard_check_date (self->texts[HEARD_STATEMENT_GIVEN_ON], HEARD_DATE_KIND_SAID, error))
    return FALSE;

  if (!check_time (self->texts[HEARD_STATEMENT_GIVEN_TIME]))
    return set_invalid (error, _("The time is not one Heard understands. Write it like "
                                 "14:30, or leave it empty."));

  if (!check_agencies (self->texts[HEARD_STATEMENT_SHARE_WITH]))
    return set_invalid (error, _("One of the agencies to share with is not one Heard "
                                 "knows. Nothing was saved."));

  return TRUE;
}

/* An amendment must say why, and must change something. */
gboolean
heard_statement_validate_amendment (HeardStatement  *self,
                                    HeardStatement  *current,
                                    GError         **error)
{
  g_auto(GStrv) changes = NULL;

  g_return_val_if_fail (HEARD_IS_STATEMENT (self), FALSE);
  g_return_val_if_fail (HEARD_IS_STATEMENT (current), FALSE);

  if (!heard_statement_validate (self, error))
    return FALSE;

  if (heard_text_is_blank (self->texts[HEARD_STATEMENT_REASON]))
    return set_invalid (error, _("Please say why this is being amended, for example "
                                 "\"They told us we had misheard a name\". The original "
                                 "stays in the history with your reason."));

  changes = heard_statement_list_changes (self, current);
  if (changes[0] == NULL)
    return set_invalid (error, _("Nothing has been changed yet, so there is nothing to "
                                 "amend."));

  return TRUE;
}

/* What differs from @before, named for the history, e.g. "their words". */
char **
heard_statement_list_changes (HeardStatement *self,
                              HeardStatement *before)
{
  g_autoptr(GStrvBuilder) changes = g_strv_builder_new ();

  g_return_val_if_fail (HEARD_IS_STATEMENT (self), NULL);
  g_return_val_if_fail (HEARD_IS_STATEMENT (before), NULL);

  for (guint i = 0; i < HEARD_STATEMENT_N_TEXTS; i++)
    {
      if (change_names[i] != NULL && g_strcmp0 (self->texts[i], before->texts[i]) != 0)
        g_strv_builder_add (changes, _(change_names[i]));
    }
  if (self->given_how != before->given_how)
    g_strv_builder_add (changes, _("how it was given"));
  if (self->read_back != before->read_back)
    g_strv_builder_add (changes, _("reading it back"));
  if (self->sensitive != before->sensitive)
    g_strv_builder_add (changes, _("whether it is sensitive"));

  return g_strv_builder_end (changes);
}

/* "3 May 2024, 14:30", or just the day when no time was given. */
char *
heard_statement_dup_when_text (HeardStatement *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT (self), NULL);

  return heard_date_describe_day_time (self->texts[HEARD_STATEMENT_GIVEN_ON],
                                       self->texts[HEARD_STATEMENT_GIVEN_TIME]);
}

/* The note shown in place of sensitive words: the worker's, or a general one. */
const char *
heard_statement_get_content_note (HeardStatement *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT (self), NULL);

  if (!heard_text_is_blank (self->texts[HEARD_STATEMENT_CONTENT_NOTE]))
    return self->texts[HEARD_STATEMENT_CONTENT_NOTE];

  return _("This may describe harm and could be upsetting to read.");
}

/* The text columns in field order, each followed by @suffix, e.g. " = ?". */
char *
heard_statement_text_columns (const char *suffix)
{
  return heard_text_fields_columns (text_fields, HEARD_STATEMENT_N_TEXTS, suffix);
}

const char *
heard_given_how_to_code (HeardGivenHow how)
{
  g_return_val_if_fail (how < HEARD_GIVEN_N_WAYS, NULL);

  return given_hows[how].code;
}

gboolean
heard_given_how_from_code (const char    *code,
                           HeardGivenHow *how)
{
  guint index;

  if (!find_code (given_hows, HEARD_GIVEN_N_WAYS, code, &index))
    return FALSE;

  *how = (HeardGivenHow) index;
  return TRUE;
}

const char *
heard_given_how_label (HeardGivenHow how)
{
  g_return_val_if_fail (how < HEARD_GIVEN_N_WAYS, NULL);

  return _(given_hows[how].label);
}

const char *
heard_given_how_label_yours (HeardGivenHow how)
{
  switch (how)
    {
    case HEARD_GIVEN_SPOKEN:
      return C_("co-design", "You said it out loud");
    case HEARD_GIVEN_WRITTEN:
      return C_("co-design", "You wrote it");
    case HEARD_GIVEN_TYPED:
      return C_("co-design", "You typed it");
    case HEARD_GIVEN_DRAWN:
      return C_("co-design", "You drew it");
    case HEARD_GIVEN_SIGNED:
      return C_("co-design", "You signed it");
    case HEARD_GIVEN_INTERPRETED:
      return C_("co-design", "An interpreter helped you");
    case HEARD_GIVEN_N_WAYS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
heard_read_back_to_code (HeardReadBack read_back)
{
  g_return_val_if_fail (read_back < HEARD_READ_BACK_N_ANSWERS, NULL);

  return read_backs[read_back].code;
}

gboolean
heard_read_back_from_code (const char    *code,
                           HeardReadBack *read_back)
{
  guint index;

  if (!find_code (read_backs, HEARD_READ_BACK_N_ANSWERS, code, &index))
    return FALSE;

  *read_back = (HeardReadBack) index;
  return TRUE;
}

const char *
heard_read_back_label (HeardReadBack read_back)
{
  g_return_val_if_fail (read_back < HEARD_READ_BACK_N_ANSWERS, NULL);

  return _(read_backs[read_back].label);
}

/* Returns YYYY-MM-DD, or NULL when @typed is not a real day. */
char *
heard_normalize_date (const char *typed)
{
  GDate date;

  if (!heard_date_parse (typed, &date, NULL))
    return NULL;

  return heard_date_to_iso (&date);
}

/* A day of @kind that must be given, checked by heard_date_check(): a
 * birth, a day said or a day told is never in the future. */
gboolean
heard_check_date (const char     *typed,
                  HeardDateKind   kind,
                  GError        **error)
{
  GDate day;

  return heard_date_check (typed, kind, NULL, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID, &day,
                           error);
}

char *
heard_today_iso_date (void)
{
  GDate today;

  heard_plan_rules_today (&today);
  return heard_date_to_iso (&today);
}

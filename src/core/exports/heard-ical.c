/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-ical"

#include "config.h"

#include <string.h>
#include <time.h>

#include <glib/gi18n.h>
#include <libical/ical.h>

#include "heard-date.h"
#include "heard-ical.h"
#include "heard-plan.h"
#include "heard-recipient.h"

/*
 * iCalendar exports (heard-ical.h): every line of the file is libical's, so
 * that folding, escaping and the date forms are what calendar apps read.
 */

#define PRODID "-//Heard//Heard " PACKAGE_VERSION "//EN"
#define UID_DOMAIN "heard.invalid"
/* An action's words in a summary, at most, before an ellipsis. */
#define MAX_TITLE_CHARS 60

struct _HeardIcal
{
  char          *records_uuid;
  icalcomponent *calendar;
  guint          n_events;
  guint          n_reviews;
};

/* What a date is of, as its UID says: never change one, or calendar apps
 * would keep the old events beside new ones. */
static const char *const uid_kinds[] = { "review", "action" };

typedef enum
{
  DATE_REVIEW,
  DATE_ACTION,
} DateKind;

static char *
make_uid (HeardIcal *self,
          DateKind   kind,
          gint64     id)
{
  g_autofree char *identity = g_strdup_printf ("%s\n%s\n%" G_GINT64_FORMAT, self->records_uuid,
                                               uid_kinds[kind], id);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, identity, -1);

  return g_strdup_printf ("%.32s@" UID_DOMAIN, hash);
}

static struct icaltimetype
make_day (const GDate *date)
{
  struct icaltimetype day = icaltime_null_date ();

  day.year = g_date_get_year (date);
  day.month = g_date_get_month (date);
  day.day = g_date_get_day (date);
  return day;
}

/* What a summary says of the young person after its words, as @names
 * has it: the name they like to be called (else the one on record), the
 * initials of the name on record (a first name alone would give one
 * letter, shared by many), or nothing (NULL). */
static char *
describe_person (HeardPerson    *person,
                 HeardIcalNames  names)
{
  const char *name = names == HEARD_ICAL_NAMES_INITIALS
                     ? heard_person_get_display_name (person)
                     : heard_person_get_called_name (person);

  if (name == NULL || name[0] == '\0' || names == HEARD_ICAL_NAMES_NONE)
    return NULL;
  if (names == HEARD_ICAL_NAMES_INITIALS)
    return heard_ical_initials (name);
  return g_strdup (name);
}

static char *
summarise (const char     *what,
           const char     *who,
           const char     *detail)
{
  GString *summary = g_string_new (what);

  if (who != NULL && who[0] != '\0')
    g_string_append_printf (summary, ": %s", who);
  if (detail != NULL && detail[0] != '\0')
    g_string_append_printf (summary, ": %s", detail);
  return g_string_free (summary, FALSE);
}

/* The first line of an action's words, cut short with an ellipsis. */
static char *
make_title (const char *what)
{
  g_autofree char *line = g_strndup (what, strcspn (what, "\r\n"));
  g_autofree char *stripped = g_strstrip (g_strdup (line));
  g_autofree char *cut = NULL;

  if (g_utf8_strlen (stripped, -1) <= MAX_TITLE_CHARS)
    return g_steal_pointer (&stripped);
  cut = g_utf8_substring (stripped, 0, MAX_TITLE_CHARS - 1);
  return g_strconcat (cut, "…", NULL);
}

static void
add_event (HeardIcal   *self,
           DateKind     kind,
           gint64       id,
           const GDate *date,
           const char  *summary)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  icalcomponent *alarm = icalcomponent_new_valarm ();
  g_autofree char *uid = make_uid (self, kind, id);
  struct icaltriggertype trigger = icaltriggertype_from_int (0);
  GDate after = *date;

  g_date_add_days (&after, 1);
  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (
                                icaltime_from_timet_with_zone (time (NULL), FALSE,
                                                               icaltimezone_get_utc_timezone ())));
  icalcomponent_add_property (event, icalproperty_new_dtstart (make_day (date)));
  icalcomponent_add_property (event, icalproperty_new_dtend (make_day (&after)));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  /* A reminder, not time taken: the day stays free in the user's diary. */
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));

  trigger.duration = icaldurationtype_from_int (-24 * 60 * 60);
  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
  icalcomponent_add_property (alarm, icalproperty_new_description (summary));
  icalcomponent_add_component (event, alarm);

  icalcomponent_add_component (self->calendar, event);
  self->n_events++;
  if (kind == DATE_REVIEW)
    self->n_reviews++;
}

static guint
add_actions (HeardIcal      *self,
             HeardPlan      *plan,
             const char     *who,
             HeardIcalNames  names)
{
  GListModel *areas = heard_plan_get_areas (plan);
  guint n_added = 0;

  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(HeardPlanArea) area = g_list_model_get_item (areas, a);
      GListModel *actions = heard_plan_area_get_actions (area);

      for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
        {
          g_autoptr(HeardPlanAction) action = g_list_model_get_item (actions, i);
          g_autofree char *title = NULL;
          g_autofree char *summary = NULL;
          GDate due;

          if (!heard_plan_action_is_open (action) ||
              !heard_date_parse (heard_plan_action_get_text (action, HEARD_ACTION_DUE_DATE),
                                 &due, NULL))
            continue;

          if (names == HEARD_ICAL_NAMES_FULL)
            title = make_title (heard_plan_action_get_text (action, HEARD_ACTION_WHAT));
          /* TRANSLATORS: a calendar event's summary, before a name or initials */
          summary = summarise (_("Action due"), who, title);
          add_event (self, DATE_ACTION, heard_plan_action_get_id (action), &due, summary);
          n_added++;
        }
    }

  return n_added;
}

HeardExportNote *
heard_ical_export_note_new (GListModel     *plans,
                            HeardIcalNames  names)
{
  g_autoptr(HeardRecipient) own_team = heard_recipient_new_own_team ();
  g_autofree char *recipient = heard_recipient_to_code (own_team);
  HeardExportNote *note;

  g_return_val_if_fail (G_IS_LIST_MODEL (plans), NULL);

  note = heard_export_note_new (HEARD_EXPORT_ICS, recipient);
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(HeardPlan) plan = g_list_model_get_item (plans, i);

      if (heard_plan_get_state (plan) == HEARD_PLAN_STATE_ACTIVE)
        {
          note->plan_id = heard_plan_get_id (plan);
          note->plan_version = heard_plan_get_version (plan);
          break;
        }
    }
  /* Initials are not a name; a full name brings the actions' words. */
  note->names = names == HEARD_ICAL_NAMES_FULL ? HEARD_EXPORT_YES : HEARD_EXPORT_NO;
  note->words = names == HEARD_ICAL_NAMES_FULL ? HEARD_EXPORT_YES : HEARD_EXPORT_NO;
  return note;
}

char *
heard_ical_initials (const char *name)
{
  GString *initials = g_string_new (NULL);
  gboolean word_start = TRUE;

  g_return_val_if_fail (name != NULL, NULL);

  for (const char *c = name; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar letter = g_utf8_get_char (c);

      if (g_unichar_isspace (letter) || letter == '-')
        word_start = TRUE;
      else if (word_start && g_unichar_isalnum (letter))
        {
          g_string_append_unichar (initials, g_unichar_totitle (letter));
          g_string_append_c (initials, '.');
          word_start = FALSE;
        }
    }

  return g_string_free (initials, FALSE);
}

char *
heard_ical_review_summary (HeardPerson    *person,
                           HeardIcalNames  names)
{
  g_autofree char *who = NULL;

  g_return_val_if_fail (HEARD_IS_PERSON (person), NULL);

  who = describe_person (person, names);
  /* TRANSLATORS: a calendar event's summary, before a name or initials */
  return summarise (_("Review"), who, NULL);
}

HeardIcal *
heard_ical_new (const char *records_uuid)
{
  HeardIcal *self;

  g_return_val_if_fail (records_uuid != NULL, NULL);

  self = g_new0 (HeardIcal, 1);
  self->records_uuid = g_strdup (records_uuid);
  self->calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (self->calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (self->calendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (self->calendar, icalproperty_new_calscale ("GREGORIAN"));

  return self;
}

void
heard_ical_free (HeardIcal *self)
{
  if (self == NULL)
    return;

  icalcomponent_free (self->calendar);
  g_free (self->records_uuid);
  g_free (self);
}

guint
heard_ical_add_plans (HeardIcal      *self,
                      HeardPerson    *person,
                      GListModel     *plans,
                      HeardIcalNames  names)
{
  g_autofree char *who = NULL;
  g_autofree char *review = NULL;
  guint n_added = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (HEARD_IS_PERSON (person), 0);
  g_return_val_if_fail (G_IS_LIST_MODEL (plans), 0);

  who = describe_person (person, names);
  review = heard_ical_review_summary (person, names);

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(HeardPlan) plan = g_list_model_get_item (plans, i);
      GDate next;

      /* A draft's dates are not yet agreed; a closed or superseded plan's
       * are over. */
      if (heard_plan_get_state (plan) != HEARD_PLAN_STATE_ACTIVE)
        continue;

      if (heard_date_parse (heard_plan_get_next_review (plan), &next, NULL))
        {
          add_event (self, DATE_REVIEW, heard_plan_get_id (plan), &next, review);
          n_added++;
        }
      n_added += add_actions (self, plan, who, names);
    }

  return n_added;
}

guint
heard_ical_get_n_events (HeardIcal *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_events;
}

guint
heard_ical_get_n_reviews (HeardIcal *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_reviews;
}

GBytes *
heard_ical_to_bytes (HeardIcal *self)
{
  char *text;
  GBytes *bytes;

  g_return_val_if_fail (self != NULL, NULL);

  text = icalcomponent_as_ical_string_r (self->calendar);
  bytes = g_bytes_new (text, strlen (text));
  icalmemory_free_buffer (text);

  return bytes;
}

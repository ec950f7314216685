/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-story-event"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "heard-date.h"
#include "heard-model-enums.h"
#include "heard-story-event.h"

/*
 * One thing in "Who has seen my story" (heard-story-event.h): who did what,
 * when, and, for what went out of Heard, to whom and why. Made whole by the
 * store and never changed afterwards, so its properties are read-only.
 */

struct _HeardStoryEvent
{
  GObject         parent_instance;

  HeardStoryKind  kind;
  /* ISO 8601, UTC, as the audit trail keeps it. */
  char           *at;
  char           *who;
  HeardStoryBy    by;
  char           *texts[HEARD_STORY_N_TEXTS];
  gint64          record_id;
};

G_DEFINE_FINAL_TYPE (HeardStoryEvent, heard_story_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_AT,
  PROP_WHO,
  PROP_BY,
  PROP_AGENCY,
  PROP_WHAT,
  PROP_WHY,
  PROP_AGREED,
  PROP_RECORD_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Who did it. Where it went out of Heard, their role says who they are
 * to the young person ("Alex Morgan (your worker)"). */
static char *
describe_who (HeardStoryEvent *event,
              gboolean         with_role)
{
  const char *who = heard_story_event_get_who (event);

  if (who[0] == '\0')
    return g_strdup (C_("co-design", "Someone"));
  if (!with_role)
    return g_strdup (who);

  switch (heard_story_event_get_by (event))
    {
    case HEARD_STORY_BY_CASEWORKER:
      /* TRANSLATORS: a worker's name, for a young person to read. */
      return g_strdup_printf (C_("co-design", "%s (your worker)"), who);

    case HEARD_STORY_BY_SUPERVISOR:
      /* TRANSLATORS: a supervisor's name, for a young person to read. */
      return g_strdup_printf (C_("co-design", "%s (your worker’s manager)"), who);

    case HEARD_STORY_BY_OTHER:
    default:
      return g_strdup (who);
    }
}

/* What went, "your story" when nothing more is said. */
static const char *
describe_what (HeardStoryEvent *event)
{
  const char *what = heard_story_event_get_text (event, HEARD_STORY_WHAT);

  return what[0] != '\0' ? what : C_("co-design", "your story");
}

/* A share's what and why on lines of their own, whether they agreed,
 * then who did it. */
static char *
describe_share (HeardStoryEvent *event,
                const char      *what_label,
                const char      *why_label,
                const char      *doer)
{
  const char *what = heard_story_event_get_text (event, HEARD_STORY_WHAT);
  const char *why = heard_story_event_get_text (event, HEARD_STORY_WHY);
  const char *agreed = heard_story_event_get_text (event, HEARD_STORY_AGREED);
  g_autoptr(GString) lines = g_string_new (NULL);

  if (what[0] != '\0')
    g_string_append_printf (lines, "%s %s", what_label, what);
  if (why[0] != '\0')
    {
      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      g_string_append_printf (lines, "%s %s", why_label, why);
    }
  /* Never hidden: a share made without their agreement says so. */
  if (g_str_equal (agreed, "no") || g_str_equal (agreed, "not-asked"))
    {
      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      g_string_append (lines, g_str_equal (agreed, "no") ? C_("co-design", "You did not agree to this.")
                                                         : C_("co-design", "You were not asked first."));
    }
  if (doer != NULL)
    {
      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      /* TRANSLATORS: who shared something, for a young person to read. */
      g_string_append_printf (lines, C_("co-design", "%s did this."), doer);
    }
  return lines->len > 0 ? g_string_free (g_steal_pointer (&lines), FALSE) : NULL;
}

static void
heard_story_event_finalize (GObject *object)
{
  HeardStoryEvent *self = HEARD_STORY_EVENT (object);

  g_free (self->at);
  g_free (self->who);
  for (guint i = 0; i < HEARD_STORY_N_TEXTS; i++)
    g_free (self->texts[i]);

  G_OBJECT_CLASS (heard_story_event_parent_class)->finalize (object);
}

static void
heard_story_event_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HeardStoryEvent *self = HEARD_STORY_EVENT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_AT:
      g_value_set_string (value, self->at);
      break;

    case PROP_WHO:
      g_value_set_string (value, self->who);
      break;

    case PROP_BY:
      g_value_set_enum (value, self->by);
      break;

    case PROP_AGENCY:
      g_value_set_string (value, self->texts[HEARD_STORY_AGENCY]);
      break;

    case PROP_WHAT:
      g_value_set_string (value, self->texts[HEARD_STORY_WHAT]);
      break;

    case PROP_WHY:
      g_value_set_string (value, self->texts[HEARD_STORY_WHY]);
      break;

    case PROP_AGREED:
      g_value_set_string (value, self->texts[HEARD_STORY_AGREED]);
      break;

    case PROP_RECORD_ID:
      g_value_set_int64 (value, self->record_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_story_event_class_init (HeardStoryEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = heard_story_event_finalize;
  object_class->get_property = heard_story_event_get_property;

  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, HEARD_TYPE_STORY_KIND,
                                             HEARD_STORY_OPENED, flags);
  properties[PROP_AT] = g_param_spec_string ("at", NULL, NULL, "", flags);
  properties[PROP_WHO] = g_param_spec_string ("who", NULL, NULL, "", flags);
  properties[PROP_BY] = g_param_spec_enum ("by", NULL, NULL, HEARD_TYPE_STORY_BY,
                                           HEARD_STORY_BY_OTHER, flags);
  properties[PROP_AGENCY] = g_param_spec_string ("agency", NULL, NULL, "", flags);
  properties[PROP_WHAT] = g_param_spec_string ("what", NULL, NULL, "", flags);
  properties[PROP_WHY] = g_param_spec_string ("why", NULL, NULL, "", flags);
  properties[PROP_AGREED] = g_param_spec_string ("agreed", NULL, NULL, "", flags);
  properties[PROP_RECORD_ID] = g_param_spec_int64 ("record-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                   flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_story_event_init (HeardStoryEvent *self)
{
  for (guint i = 0; i < HEARD_STORY_N_TEXTS; i++)
    self->texts[i] = g_strdup ("");
}

HeardStoryEvent *
heard_story_event_new (HeardStoryKind  kind,
                       const char     *at,
                       const char     *who,
                       HeardStoryBy    by)
{
  HeardStoryEvent *self = g_object_new (HEARD_TYPE_STORY_EVENT, NULL);

  self->kind = kind;
  self->at = g_strdup (at != NULL ? at : "");
  self->who = g_strdup (who != NULL ? who : "");
  self->by = by;

  return self;
}

void
heard_story_event_set_text (HeardStoryEvent *self,
                            HeardStoryText   text,
                            const char      *value)
{
  g_return_if_fail (HEARD_IS_STORY_EVENT (self));
  g_return_if_fail (text < HEARD_STORY_N_TEXTS);

  g_free (self->texts[text]);
  self->texts[text] = g_strdup (value != NULL ? value : "");
}

void
heard_story_event_set_record_id (HeardStoryEvent *self,
                                 gint64           record_id)
{
  g_return_if_fail (HEARD_IS_STORY_EVENT (self));

  self->record_id = record_id;
}

HeardStoryKind
heard_story_event_get_kind (HeardStoryEvent *self)
{
  g_return_val_if_fail (HEARD_IS_STORY_EVENT (self), HEARD_STORY_OPENED);

  return self->kind;
}

/* When, as the audit trail keeps it (ISO 8601, UTC). */
const char *
heard_story_event_get_at (HeardStoryEvent *self)
{
  g_return_val_if_fail (HEARD_IS_STORY_EVENT (self), NULL);

  return self->at;
}

/* Who, by the name the audit trail keeps (a member of staff's name). */
const char *
heard_story_event_get_who (HeardStoryEvent *self)
{
  g_return_val_if_fail (HEARD_IS_STORY_EVENT (self), NULL);

  return self->who;
}

HeardStoryBy
heard_story_event_get_by (HeardStoryEvent *self)
{
  g_return_val_if_fail (HEARD_IS_STORY_EVENT (self), HEARD_STORY_BY_OTHER);

  return self->by;
}

const char *
heard_story_event_get_text (HeardStoryEvent *self,
                            HeardStoryText   text)
{
  g_return_val_if_fail (HEARD_IS_STORY_EVENT (self), NULL);
  g_return_val_if_fail (text < HEARD_STORY_N_TEXTS, NULL);

  return self->texts[text];
}

gint64
heard_story_event_get_record_id (HeardStoryEvent *self)
{
  g_return_val_if_fail (HEARD_IS_STORY_EVENT (self), 0);

  return self->record_id;
}

/* The event in one or two short sentences, for a reading age of about
 * nine: what happened and when first, then who did it and why. */
void
heard_story_event_describe (HeardStoryEvent  *event,
          char            **sentence,
          char            **detail)
{
  const char *at = heard_story_event_get_at (event);
  /* A share is dated by the day it happened, the rest by their moment. */
  g_autofree char *day = strlen (at) == 10 ? heard_date_describe (at)
                                           : heard_date_describe_moment_day (at);
  g_autofree char *who = describe_who (event, FALSE);
  g_autofree char *doer = describe_who (event, TRUE);
  const char *agency = heard_story_event_get_text (event, HEARD_STORY_AGENCY);
  const char *what = heard_story_event_get_text (event, HEARD_STORY_WHAT);
  const char *why = heard_story_event_get_text (event, HEARD_STORY_WHY);

  *detail = NULL;
  switch (heard_story_event_get_kind (event))
    {
    case HEARD_STORY_OPENED:
      *sentence = g_strdup_printf (C_("co-design", "%s looked at your record on %s."), who, day);
      return;

    case HEARD_STORY_READ_SENSITIVE:
      *sentence = g_strdup_printf (C_("co-design", "%s read something private you said, on %s."), who, day);
      if (what[0] != '\0')
        *detail = g_strdup_printf (C_("co-design", "The note on it says: “%s”"), what);
      return;

    case HEARD_STORY_EXPORTED:
      if (agency[0] != '\0')
        *sentence = g_strdup_printf (C_("co-design", "%s was sent %s on %s."), agency, describe_what (event),
                                     day);
      else
        *sentence = g_strdup_printf (C_("co-design", "You were given %s on %s."), describe_what (event), day);
      break;

    /* The worker's own words about a share are whole sentences: they
     * go on lines of their own rather than inside one of ours. */
    case HEARD_STORY_SHARED:
      *sentence = g_strdup_printf (C_("co-design", "%s was told about you on %s."), agency, day);
      *detail = describe_share (event, C_("co-design", "What they were told:"), C_("co-design", "Why:"),
                                doer);
      return;

    case HEARD_STORY_NOT_SHARED:
      *sentence = g_strdup_printf (C_("co-design", "%s chose not to tell %s about you, on %s."), doer, agency,
                                   day);
      *detail = describe_share (event, C_("co-design", "What was not told:"), C_("co-design", "This was because:"),
                                NULL);
      return;

    default:
      g_assert_not_reached ();
    }

  if (why[0] != '\0')
    *detail = g_strdup_printf (C_("co-design", "%s did this because: %s"), doer, why);
  else
    *detail = g_strdup_printf (C_("co-design", "%s did this."), doer);
}

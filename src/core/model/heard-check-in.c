/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-check-in"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-check-in.h"
#include "heard-date.h"
#include "heard-model-enums.h"
#include "heard-statement.h"
#include "heard-store.h"
#include "heard-text-fields.h"

/*
 * One check-in, as the young person and their worker gave it. The object
 * holds what an editor gathers and what the store reads back; the rules of
 * what may be saved are heard_check_in_validate()'s, and what a gap between
 * the two ratings means is heard-check-in-rules.c's.
 */

typedef struct
{
  HeardAreaKind kind;
  HeardRating   ratings[HEARD_N_RATERS];
} AreaRatings;

struct _HeardCheckIn
{
  GObject      parent_instance;

  gint64       id;
  gint64       plan_id;
  gint64       person_id;
  char        *texts[HEARD_CHECK_IN_N_TEXTS];
  GArray      *areas;
  HeardRating  safety;
  char        *saved_by;
  char        *saved_at;
};

G_DEFINE_FINAL_TYPE (HeardCheckIn, heard_check_in, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIRST_TEXT,
  N_PROPS = PROP_FIRST_TEXT + HEARD_CHECK_IN_N_TEXTS
};

static GParamSpec *properties[N_PROPS];

#define SHORT_TEXT_CHARS 500

static const HeardTextField text_fields[HEARD_CHECK_IN_N_TEXTS] = {
  [HEARD_CHECK_IN_DAY] = { "day", "day", SHORT_TEXT_CHARS },
  [HEARD_CHECK_IN_THEIR_WORDS] = { "their-words", "their_words",
                                   HEARD_CHECK_IN_MAX_WORDS_CHARS },
  [HEARD_CHECK_IN_WORKER_NOTE] = { "worker-note", "worker_note",
                                   HEARD_CHECK_IN_MAX_WORDS_CHARS },
  [HEARD_CHECK_IN_PRESENT] = { "present", "present", SHORT_TEXT_CHARS },
};

static gboolean
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_rating (const HeardRating *rating)
{
  switch (rating->state)
    {
    case HEARD_RATING_GIVEN:
      return rating->value <= HEARD_RATING_MAX;

    case HEARD_RATING_SKIPPED:
    case HEARD_RATING_RATHER_NOT_SAY:
      return rating->value == 0;

    default:
      return FALSE;
    }
}

static void
store_rating (HeardRating      *rating,
              HeardRatingState  state,
              guint             value)
{
  rating->state = state;
  rating->value = state == HEARD_RATING_GIVEN ? value : 0;
}

static AreaRatings *
find_area (HeardCheckIn  *self,
           HeardAreaKind  kind)
{
  for (guint i = 0; i < self->areas->len; i++)
    {
      AreaRatings *area = &g_array_index (self->areas, AreaRatings, i);

      if (area->kind == kind)
        return area;
    }

  return NULL;
}

static const char *
enum_to_nick (GType type,
              int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  return found != NULL ? found->value_nick : NULL;
}

static gboolean
enum_from_nick (GType       type,
                const char *nick,
                int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (found != NULL)
    *value = found->value;
  return found != NULL;
}

static void
heard_check_in_finalize (GObject *object)
{
  HeardCheckIn *self = HEARD_CHECK_IN (object);

  heard_text_fields_clear (self->texts, HEARD_CHECK_IN_N_TEXTS);
  g_clear_pointer (&self->areas, g_array_unref);
  g_free (self->saved_by);
  g_free (self->saved_at);

  G_OBJECT_CLASS (heard_check_in_parent_class)->finalize (object);
}

static void
heard_check_in_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HeardCheckIn *self = HEARD_CHECK_IN (object);

  if (!heard_text_fields_get_property (self->texts, PROP_FIRST_TEXT, HEARD_CHECK_IN_N_TEXTS,
                                       prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
heard_check_in_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HeardCheckIn *self = HEARD_CHECK_IN (object);

  if (!heard_text_fields_set_property (object, self->texts, PROP_FIRST_TEXT,
                                       HEARD_CHECK_IN_N_TEXTS, prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
heard_check_in_class_init (HeardCheckInClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = heard_check_in_finalize;
  object_class->get_property = heard_check_in_get_property;
  object_class->set_property = heard_check_in_set_property;

  heard_text_fields_install (object_class, properties, PROP_FIRST_TEXT, text_fields,
                             HEARD_CHECK_IN_N_TEXTS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_check_in_init (HeardCheckIn *self)
{
  heard_text_fields_init (self->texts, HEARD_CHECK_IN_N_TEXTS);
  self->areas = g_array_new (FALSE, TRUE, sizeof (AreaRatings));
  store_rating (&self->safety, HEARD_RATING_SKIPPED, 0);
}

HeardCheckIn *
heard_check_in_new (gint64 plan_id)
{
  HeardCheckIn *self = g_object_new (HEARD_TYPE_CHECK_IN, NULL);

  self->plan_id = plan_id;
  return self;
}

HeardCheckIn *
heard_check_in_copy (HeardCheckIn *self)
{
  HeardCheckIn *copy;

  g_return_val_if_fail (HEARD_IS_CHECK_IN (self), NULL);

  copy = heard_check_in_new (self->plan_id);
  copy->id = self->id;
  copy->person_id = self->person_id;
  for (guint i = 0; i < HEARD_CHECK_IN_N_TEXTS; i++)
    heard_check_in_set_text (copy, i, self->texts[i]);
  g_array_append_vals (copy->areas, self->areas->data, self->areas->len);
  copy->safety = self->safety;
  heard_check_in_set_saved (copy, self->saved_by, self->saved_at);

  return copy;
}

gint64
heard_check_in_get_id (HeardCheckIn *self)
{
  g_return_val_if_fail (HEARD_IS_CHECK_IN (self), 0);

  return self->id;
}

void
heard_check_in_set_id (HeardCheckIn *self,
                       gint64        id)
{
  g_return_if_fail (HEARD_IS_CHECK_IN (self));

  self->id = id;
}

gint64
heard_check_in_get_plan_id (HeardCheckIn *self)
{
  g_return_val_if_fail (HEARD_IS_CHECK_IN (self), 0);

  return self->plan_id;
}

gint64
heard_check_in_get_person_id (HeardCheckIn *self)
{
  g_return_val_if_fail (HEARD_IS_CHECK_IN (self), 0);

  return self->person_id;
}

void
heard_check_in_set_person_id (HeardCheckIn *self,
                              gint64        person_id)
{
  g_return_if_fail (HEARD_IS_CHECK_IN (self));

  self->person_id = person_id;
}

const char *
heard_check_in_get_text (HeardCheckIn     *self,
                         HeardCheckInText  field)
{
  g_return_val_if_fail (HEARD_IS_CHECK_IN (self), NULL);
  g_return_val_if_fail (field < HEARD_CHECK_IN_N_TEXTS, NULL);

  return self->texts[field];
}

/* Kept exactly as given: their words are never tidied or checked here. */
void
heard_check_in_set_text (HeardCheckIn     *self,
                         HeardCheckInText  field,
                         const char       *text)
{
  g_return_if_fail (HEARD_IS_CHECK_IN (self));
  g_return_if_fail (field < HEARD_CHECK_IN_N_TEXTS);

  heard_text_fields_set (G_OBJECT (self), self->texts, field, text,
                         properties[PROP_FIRST_TEXT + field]);
}

const char *
heard_check_in_get_day (HeardCheckIn *self)
{
  return heard_check_in_get_text (self, HEARD_CHECK_IN_DAY);
}

guint
heard_check_in_get_n_areas (HeardCheckIn *self)
{
  g_return_val_if_fail (HEARD_IS_CHECK_IN (self), 0);

  return self->areas->len;
}

HeardAreaKind
heard_check_in_get_area (HeardCheckIn *self,
                         guint         index)
{
  g_return_val_if_fail (HEARD_IS_CHECK_IN (self), HEARD_AREA_SAFETY);
  g_return_val_if_fail (index < self->areas->len, HEARD_AREA_SAFETY);

  return g_array_index (self->areas, AreaRatings, index).kind;
}

void
heard_check_in_set_rating (HeardCheckIn     *self,
                           HeardAreaKind     area,
                           HeardRater        rater,
                           HeardRatingState  state,
                           guint             value)
{
  AreaRatings *found;

  g_return_if_fail (HEARD_IS_CHECK_IN (self));
  g_return_if_fail (area < HEARD_AREA_N_KINDS);
  g_return_if_fail (rater < HEARD_N_RATERS);

  found = find_area (self, area);
  if (found == NULL)
    {
      AreaRatings added = { .kind = area };
      guint at = 0;

      for (guint r = 0; r < HEARD_N_RATERS; r++)
        store_rating (&added.ratings[r], HEARD_RATING_SKIPPED, 0);
      while (at < self->areas->len && g_array_index (self->areas, AreaRatings, at).kind < area)
        at++;
      g_array_insert_val (self->areas, at, added);
      found = &g_array_index (self->areas, AreaRatings, at);
    }

  store_rating (&found->ratings[rater], state, value);
}

gboolean
heard_check_in_get_rating (HeardCheckIn  *self,
                           HeardAreaKind  area,
                           HeardRater     rater,
                           HeardRating   *rating)
{
  AreaRatings *found;

  g_return_val_if_fail (HEARD_IS_CHECK_IN (self), FALSE);
  g_return_val_if_fail (rater < HEARD_N_RATERS, FALSE);
  g_return_val_if_fail (rating != NULL, FALSE);

  found = find_area (self, area);
  if (found == NULL)
    {
      store_rating (rating, HEARD_RATING_SKIPPED, 0);
      return FALSE;
    }

  *rating = found->ratings[rater];
  return TRUE;
}

gboolean
heard_check_in_rated_by (HeardCheckIn *self,
                         HeardRater    rater)
{
  g_return_val_if_fail (HEARD_IS_CHECK_IN (self), FALSE);
  g_return_val_if_fail (rater < HEARD_N_RATERS, FALSE);

  for (guint i = 0; i < self->areas->len; i++)
    if (g_array_index (self->areas, AreaRatings, i).ratings[rater].state != HEARD_RATING_SKIPPED)
      return TRUE;

  return FALSE;
}

void
heard_check_in_set_safety (HeardCheckIn     *self,
                           HeardRatingState  state,
                           guint             value)
{
  g_return_if_fail (HEARD_IS_CHECK_IN (self));

  store_rating (&self->safety, state, value);
}

void
heard_check_in_get_safety (HeardCheckIn *self,
                           HeardRating  *rating)
{
  g_return_if_fail (HEARD_IS_CHECK_IN (self));
  g_return_if_fail (rating != NULL);

  *rating = self->safety;
}

const char *
heard_check_in_get_saved_by (HeardCheckIn *self)
{
  g_return_val_if_fail (HEARD_IS_CHECK_IN (self), NULL);

  return self->saved_by;
}

const char *
heard_check_in_get_saved_at (HeardCheckIn *self)
{
  g_return_val_if_fail (HEARD_IS_CHECK_IN (self), NULL);

  return self->saved_at;
}

void
heard_check_in_set_saved (HeardCheckIn *self,
                          const char   *saved_by,
                          const char   *saved_at)
{
  g_return_if_fail (HEARD_IS_CHECK_IN (self));

  g_free (self->saved_by);
  self->saved_by = g_strdup (saved_by);
  g_free (self->saved_at);
  self->saved_at = g_strdup (saved_at);
}

/* What may be saved: a real day that is not in the future, at least one
 * area, and every rating either given (0 to 10) or not given with no value.
 * Their words may be anything, or nothing: they are theirs. */
gboolean
heard_check_in_validate (HeardCheckIn  *self,
                         GError       **error)
{
  g_return_val_if_fail (HEARD_IS_CHECK_IN (self), FALSE);

  if (!heard_text_fields_validate (self->texts, text_fields, HEARD_CHECK_IN_N_TEXTS, error))
    return FALSE;

  if (!heard_check_date (self->texts[HEARD_CHECK_IN_DAY], HEARD_DATE_KIND_CHECK_IN, error))
    return FALSE;

  if (self->areas->len == 0)
    return set_invalid (error, _("A check-in needs at least one area of the plan, even if "
                                 "every rating in it is skipped. Nothing was saved."));

  if (!check_rating (&self->safety))
    return set_invalid (error, _("The safety scale goes from 0 to 10. Please choose a number "
                                 "in that range, or skip it. Nothing was saved."));

  for (guint i = 0; i < self->areas->len; i++)
    {
      const AreaRatings *area = &g_array_index (self->areas, AreaRatings, i);

      for (guint r = 0; r < HEARD_N_RATERS; r++)
        if (!check_rating (&area->ratings[r]))
          {
            g_set_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID,
                         /* TRANSLATORS: %s is an area of a plan, e.g. "Health" */
                         _("Ratings go from 0 to 10, and one for “%s” does not. Please "
                           "choose a number in that range, or skip it. Nothing was saved."),
                         heard_area_kind_label (area->kind));
            return FALSE;
          }
    }

  return TRUE;
}

const char *
heard_rating_state_to_code (HeardRatingState state)
{
  return enum_to_nick (HEARD_TYPE_RATING_STATE, state);
}

gboolean
heard_rating_state_from_code (const char       *code,
                              HeardRatingState *state)
{
  int value = 0;

  g_return_val_if_fail (state != NULL, FALSE);

  if (!enum_from_nick (HEARD_TYPE_RATING_STATE, code, &value))
    return FALSE;
  *state = value;
  return TRUE;
}

const char *
heard_rater_to_code (HeardRater rater)
{
  return enum_to_nick (HEARD_TYPE_RATER, rater);
}

gboolean
heard_rater_from_code (const char *code,
                       HeardRater *rater)
{
  int value = 0;

  g_return_val_if_fail (rater != NULL, FALSE);

  if (!enum_from_nick (HEARD_TYPE_RATER, code, &value))
    return FALSE;
  *rater = value;
  return TRUE;
}

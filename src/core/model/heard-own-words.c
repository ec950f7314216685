/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-own-words"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-model-enums.h"
#include "heard-own-words.h"
#include "heard-store.h"
#include "heard-text-fields.h"

/*
 * A version of the young person's own goal or "what helps me" for an area
 * (heard-own-words.h). Made to be saved, then filled in by the store and
 * never changed, so its properties are read-only.
 */

struct _HeardOwnWords
{
  GObject        parent_instance;

  gint64         id;
  gint64         person_id;
  gint64         plan_id;
  HeardAreaKind  area;
  HeardOwnPart   part;
  guint          version;
  char          *words;
  char          *saved_by;
  char          *saved_at;
};

G_DEFINE_FINAL_TYPE (HeardOwnWords, heard_own_words, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AREA,
  PROP_PART,
  PROP_VERSION,
  PROP_WORDS,
  PROP_SAVED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
heard_own_words_finalize (GObject *object)
{
  HeardOwnWords *self = HEARD_OWN_WORDS (object);

  g_free (self->words);
  g_free (self->saved_by);
  g_free (self->saved_at);

  G_OBJECT_CLASS (heard_own_words_parent_class)->finalize (object);
}

static void
heard_own_words_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HeardOwnWords *self = HEARD_OWN_WORDS (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_AREA:
      g_value_set_enum (value, self->area);
      break;

    case PROP_PART:
      g_value_set_enum (value, self->part);
      break;

    case PROP_VERSION:
      g_value_set_uint (value, self->version);
      break;

    case PROP_WORDS:
      g_value_set_string (value, self->words);
      break;

    case PROP_SAVED_AT:
      g_value_set_string (value, self->saved_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_own_words_class_init (HeardOwnWordsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = heard_own_words_finalize;
  object_class->get_property = heard_own_words_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_AREA] = g_param_spec_enum ("area", NULL, NULL, HEARD_TYPE_AREA_KIND,
                                             HEARD_AREA_SAFETY, flags);
  properties[PROP_PART] = g_param_spec_enum ("part", NULL, NULL, HEARD_TYPE_OWN_PART,
                                             HEARD_OWN_GOAL, flags);
  properties[PROP_VERSION] = g_param_spec_uint ("version", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_WORDS] = g_param_spec_string ("words", NULL, NULL, "", flags);
  properties[PROP_SAVED_AT] = g_param_spec_string ("saved-at", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_own_words_init (HeardOwnWords *self)
{
  self->words = g_strdup ("");
  self->saved_by = g_strdup ("");
  self->saved_at = g_strdup ("");
}

HeardOwnWords *
heard_own_words_new (gint64         person_id,
                     gint64         plan_id,
                     HeardAreaKind  area,
                     HeardOwnPart   part,
                     const char    *words)
{
  HeardOwnWords *self;

  g_return_val_if_fail (area < HEARD_AREA_N_KINDS, NULL);
  g_return_val_if_fail (part < HEARD_OWN_N_PARTS, NULL);

  self = g_object_new (HEARD_TYPE_OWN_WORDS, NULL);
  self->person_id = person_id;
  self->plan_id = plan_id;
  self->area = area;
  self->part = part;
  g_free (self->words);
  self->words = g_strdup (words != NULL ? words : "");

  return self;
}

gboolean
heard_own_words_check (HeardOwnWords  *self,
                       GError        **error)
{
  g_return_val_if_fail (HEARD_IS_OWN_WORDS (self), FALSE);

  if (!heard_text_check (self->words, HEARD_OWN_WORDS_MAX_CHARS, error))
    return FALSE;

  if (heard_text_is_blank (self->words))
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID,
                           self->part == HEARD_OWN_GOAL
                           ? _("Please write their goal in their words first.")
                           : _("Please write what helps them in their words first."));
      return FALSE;
    }

  return TRUE;
}

void
heard_own_words_set_saved (HeardOwnWords *self,
                           gint64         id,
                           guint          version,
                           const char    *saved_by,
                           const char    *saved_at)
{
  g_return_if_fail (HEARD_IS_OWN_WORDS (self));

  self->id = id;
  self->version = version;
  g_free (self->saved_by);
  self->saved_by = g_strdup (saved_by != NULL ? saved_by : "");
  g_free (self->saved_at);
  self->saved_at = g_strdup (saved_at != NULL ? saved_at : "");
}

gint64
heard_own_words_get_id (HeardOwnWords *self)
{
  g_return_val_if_fail (HEARD_IS_OWN_WORDS (self), 0);

  return self->id;
}

gint64
heard_own_words_get_person_id (HeardOwnWords *self)
{
  g_return_val_if_fail (HEARD_IS_OWN_WORDS (self), 0);

  return self->person_id;
}

gint64
heard_own_words_get_plan_id (HeardOwnWords *self)
{
  g_return_val_if_fail (HEARD_IS_OWN_WORDS (self), 0);

  return self->plan_id;
}

HeardAreaKind
heard_own_words_get_area (HeardOwnWords *self)
{
  g_return_val_if_fail (HEARD_IS_OWN_WORDS (self), HEARD_AREA_SAFETY);

  return self->area;
}

HeardOwnPart
heard_own_words_get_part (HeardOwnWords *self)
{
  g_return_val_if_fail (HEARD_IS_OWN_WORDS (self), HEARD_OWN_GOAL);

  return self->part;
}

guint
heard_own_words_get_version (HeardOwnWords *self)
{
  g_return_val_if_fail (HEARD_IS_OWN_WORDS (self), 0);

  return self->version;
}

const char *
heard_own_words_get_words (HeardOwnWords *self)
{
  g_return_val_if_fail (HEARD_IS_OWN_WORDS (self), NULL);

  return self->words;
}

const char *
heard_own_words_get_saved_by (HeardOwnWords *self)
{
  g_return_val_if_fail (HEARD_IS_OWN_WORDS (self), NULL);

  return self->saved_by;
}

const char *
heard_own_words_get_saved_at (HeardOwnWords *self)
{
  g_return_val_if_fail (HEARD_IS_OWN_WORDS (self), NULL);

  return self->saved_at;
}

HeardOwnWords *
heard_own_words_find_newest (GListModel    *own_words,
                             HeardAreaKind  area,
                             HeardOwnPart   part)
{
  return heard_own_words_find_for_plan (own_words, G_MAXINT64, area, part);
}

HeardOwnWords *
heard_own_words_find_for_plan (GListModel    *own_words,
                               gint64         plan_id,
                               HeardAreaKind  area,
                               HeardOwnPart   part)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (own_words), NULL);

  for (guint i = g_list_model_get_n_items (own_words); i > 0; i--)
    {
      g_autoptr(HeardOwnWords) words = g_list_model_get_item (own_words, i - 1);

      if (words->area == area && words->part == part && words->plan_id <= plan_id)
        return words;
    }

  return NULL;
}

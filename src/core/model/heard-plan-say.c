/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-plan-say"

#include "config.h"

#include "heard-model-enums.h"
#include "heard-plan-say.h"
#include "heard-text-fields.h"

/*
 * The young person's say on a version of their plan (heard-plan-say.h).
 * Made to be saved, then filled in by the store and never changed, so its
 * properties are read-only.
 */

struct _HeardPlanSay
{
  GObject       parent_instance;

  gint64        id;
  gint64        plan_id;
  HeardSayKind  kind;
  char         *words;
  char         *saved_by;
  char         *saved_at;
};

G_DEFINE_FINAL_TYPE (HeardPlanSay, heard_plan_say, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_WORDS,
  PROP_SAVED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
heard_plan_say_finalize (GObject *object)
{
  HeardPlanSay *self = HEARD_PLAN_SAY (object);

  g_free (self->words);
  g_free (self->saved_by);
  g_free (self->saved_at);

  G_OBJECT_CLASS (heard_plan_say_parent_class)->finalize (object);
}

static void
heard_plan_say_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HeardPlanSay *self = HEARD_PLAN_SAY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
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
heard_plan_say_class_init (HeardPlanSayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = heard_plan_say_finalize;
  object_class->get_property = heard_plan_say_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, HEARD_TYPE_SAY_KIND,
                                             HEARD_SAY_AGREES, flags);
  properties[PROP_WORDS] = g_param_spec_string ("words", NULL, NULL, "", flags);
  properties[PROP_SAVED_AT] = g_param_spec_string ("saved-at", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_plan_say_init (HeardPlanSay *self)
{
  self->words = g_strdup ("");
  self->saved_by = g_strdup ("");
  self->saved_at = g_strdup ("");
}

HeardPlanSay *
heard_plan_say_new (gint64        plan_id,
                    HeardSayKind  kind,
                    const char   *words)
{
  HeardPlanSay *self;

  g_return_val_if_fail (kind < HEARD_SAY_N_KINDS, NULL);

  self = g_object_new (HEARD_TYPE_PLAN_SAY, NULL);
  self->plan_id = plan_id;
  self->kind = kind;
  g_free (self->words);
  self->words = g_strdup (words != NULL ? words : "");

  return self;
}

gboolean
heard_plan_say_check (HeardPlanSay  *self,
                      GError       **error)
{
  g_return_val_if_fail (HEARD_IS_PLAN_SAY (self), FALSE);

  return heard_text_check (self->words, HEARD_PLAN_SAY_MAX_CHARS, error);
}

void
heard_plan_say_set_saved (HeardPlanSay *self,
                          gint64        id,
                          const char   *saved_by,
                          const char   *saved_at)
{
  g_return_if_fail (HEARD_IS_PLAN_SAY (self));

  self->id = id;
  g_free (self->saved_by);
  self->saved_by = g_strdup (saved_by != NULL ? saved_by : "");
  g_free (self->saved_at);
  self->saved_at = g_strdup (saved_at != NULL ? saved_at : "");
}

gint64
heard_plan_say_get_id (HeardPlanSay *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN_SAY (self), 0);

  return self->id;
}

gint64
heard_plan_say_get_plan_id (HeardPlanSay *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN_SAY (self), 0);

  return self->plan_id;
}

HeardSayKind
heard_plan_say_get_kind (HeardPlanSay *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN_SAY (self), HEARD_SAY_NOT_SURE);

  return self->kind;
}

const char *
heard_plan_say_get_words (HeardPlanSay *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN_SAY (self), NULL);

  return self->words;
}

const char *
heard_plan_say_get_saved_by (HeardPlanSay *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN_SAY (self), NULL);

  return self->saved_by;
}

const char *
heard_plan_say_get_saved_at (HeardPlanSay *self)
{
  g_return_val_if_fail (HEARD_IS_PLAN_SAY (self), NULL);

  return self->saved_at;
}

HeardPlanSay *
heard_plan_say_find_newest (GListModel *says,
                            gint64      plan_id)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (says), NULL);

  for (guint i = g_list_model_get_n_items (says); i > 0; i--)
    {
      g_autoptr(HeardPlanSay) say = g_list_model_get_item (says, i - 1);

      if (say->plan_id == plan_id)
        return say;
    }

  return NULL;
}

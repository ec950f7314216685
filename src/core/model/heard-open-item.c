/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-open-item"

#include "config.h"

#include "heard-model-enums.h"
#include "heard-open-item.h"

/*
 * Something about a young person that is still open or needs attention:
 * listed before a plan or case closes, and in the caseload overview. It is
 * made whole by whoever finds it and never changes afterwards, so its
 * properties are read-only.
 */

struct _HeardOpenItem
{
  GObject       parent_instance;

  gint64        person_id;
  char         *person_name;
  /* The person page view that shows it, e.g. "plan". */
  char         *view;
  HeardUrgency  urgency;
  /* One line, in the user's language; and a second with dates and owners. */
  char         *summary;
  char         *detail;
};

G_DEFINE_FINAL_TYPE (HeardOpenItem, heard_open_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERSON_ID,
  PROP_PERSON_NAME,
  PROP_VIEW,
  PROP_URGENCY,
  PROP_SUMMARY,
  PROP_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
heard_open_item_finalize (GObject *object)
{
  HeardOpenItem *self = HEARD_OPEN_ITEM (object);

  g_free (self->person_name);
  g_free (self->view);
  g_free (self->summary);
  g_free (self->detail);

  G_OBJECT_CLASS (heard_open_item_parent_class)->finalize (object);
}

static void
heard_open_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HeardOpenItem *self = HEARD_OPEN_ITEM (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_PERSON_NAME:
      g_value_set_string (value, self->person_name);
      break;

    case PROP_VIEW:
      g_value_set_string (value, self->view);
      break;

    case PROP_URGENCY:
      g_value_set_enum (value, self->urgency);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_open_item_class_init (HeardOpenItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = heard_open_item_finalize;
  object_class->get_property = heard_open_item_get_property;

  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PERSON_NAME] = g_param_spec_string ("person-name", NULL, NULL, "", flags);
  properties[PROP_VIEW] = g_param_spec_string ("view", NULL, NULL, NULL, flags);
  properties[PROP_URGENCY] =
    g_param_spec_enum ("urgency", NULL, NULL, HEARD_TYPE_URGENCY, HEARD_URGENCY_NONE, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, "", flags);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_open_item_init (HeardOpenItem *self)
{
}

/* A missing name, summary or detail reads as empty. */
HeardOpenItem *
heard_open_item_new (gint64        person_id,
                     const char   *person_name,
                     const char   *view,
                     HeardUrgency  urgency,
                     const char   *summary,
                     const char   *detail)
{
  HeardOpenItem *self = g_object_new (HEARD_TYPE_OPEN_ITEM, NULL);

  self->person_id = person_id;
  self->person_name = g_strdup (person_name != NULL ? person_name : "");
  self->view = g_strdup (view);
  self->urgency = urgency;
  self->summary = g_strdup (summary != NULL ? summary : "");
  self->detail = g_strdup (detail != NULL ? detail : "");

  return self;
}

gint64
heard_open_item_get_person_id (HeardOpenItem *self)
{
  g_return_val_if_fail (HEARD_IS_OPEN_ITEM (self), 0);

  return self->person_id;
}

const char *
heard_open_item_get_person_name (HeardOpenItem *self)
{
  g_return_val_if_fail (HEARD_IS_OPEN_ITEM (self), NULL);

  return self->person_name;
}

const char *
heard_open_item_get_view (HeardOpenItem *self)
{
  g_return_val_if_fail (HEARD_IS_OPEN_ITEM (self), NULL);

  return self->view;
}

HeardUrgency
heard_open_item_get_urgency (HeardOpenItem *self)
{
  g_return_val_if_fail (HEARD_IS_OPEN_ITEM (self), HEARD_URGENCY_NONE);

  return self->urgency;
}

const char *
heard_open_item_get_summary (HeardOpenItem *self)
{
  g_return_val_if_fail (HEARD_IS_OPEN_ITEM (self), NULL);

  return self->summary;
}

const char *
heard_open_item_get_detail (HeardOpenItem *self)
{
  g_return_val_if_fail (HEARD_IS_OPEN_ITEM (self), NULL);

  return self->detail;
}

/* Whether two items say the same thing about the same young person, so a
 * list recomputed after a change keeps the rows that did not change. */
gboolean
heard_open_item_equal (HeardOpenItem *self,
                       HeardOpenItem *other)
{
  g_return_val_if_fail (HEARD_IS_OPEN_ITEM (self), FALSE);
  g_return_val_if_fail (HEARD_IS_OPEN_ITEM (other), FALSE);

  return self->person_id == other->person_id && self->urgency == other->urgency &&
         g_strcmp0 (self->person_name, other->person_name) == 0 &&
         g_strcmp0 (self->view, other->view) == 0 &&
         g_strcmp0 (self->summary, other->summary) == 0 &&
         g_strcmp0 (self->detail, other->detail) == 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-removed-person"

#include "config.h"

#include "heard-model-enums.h"
#include "heard-removed-person.h"

/*
 * A young person whose record was removed as made by mistake, as the list
 * of removed records shows them: who, when, and why (from the audit entry
 * of the removal). Nothing of the record itself is here, and nothing of it
 * was deleted: restoring brings it back whole. Made whole by the store and
 * never changed afterwards, so its properties are read-only.
 */

struct _HeardRemovedPerson
{
  GObject             parent_instance;

  gint64              id;
  char               *display_name;
  /* ISO 8601, UTC, as the store wrote it. */
  char               *removed_at;
  HeardRemovalReason  reason;
  char               *note;
};

G_DEFINE_FINAL_TYPE (HeardRemovedPerson, heard_removed_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DISPLAY_NAME,
  PROP_REMOVED_AT,
  PROP_REASON,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
heard_removed_person_finalize (GObject *object)
{
  HeardRemovedPerson *self = HEARD_REMOVED_PERSON (object);

  g_free (self->display_name);
  g_free (self->removed_at);
  g_free (self->note);

  G_OBJECT_CLASS (heard_removed_person_parent_class)->finalize (object);
}

static void
heard_removed_person_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HeardRemovedPerson *self = HEARD_REMOVED_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_REMOVED_AT:
      g_value_set_string (value, self->removed_at);
      break;

    case PROP_REASON:
      g_value_set_enum (value, self->reason);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_removed_person_class_init (HeardRemovedPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = heard_removed_person_finalize;
  object_class->get_property = heard_removed_person_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, "", flags);
  properties[PROP_REMOVED_AT] = g_param_spec_string ("removed-at", NULL, NULL, "", flags);
  properties[PROP_REASON] = g_param_spec_enum ("reason", NULL, NULL, HEARD_TYPE_REMOVAL_REASON,
                                               HEARD_REMOVAL_REASON_NONE, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_removed_person_init (HeardRemovedPerson *self)
{
}

HeardRemovedPerson *
heard_removed_person_new (gint64              id,
                          const char         *display_name,
                          const char         *removed_at,
                          HeardRemovalReason  reason,
                          const char         *note)
{
  HeardRemovedPerson *self = g_object_new (HEARD_TYPE_REMOVED_PERSON, NULL);

  self->id = id;
  self->display_name = g_strdup (display_name != NULL ? display_name : "");
  self->removed_at = g_strdup (removed_at != NULL ? removed_at : "");
  self->reason = reason;
  self->note = g_strdup (note != NULL ? note : "");

  return self;
}

gint64
heard_removed_person_get_id (HeardRemovedPerson *self)
{
  g_return_val_if_fail (HEARD_IS_REMOVED_PERSON (self), 0);

  return self->id;
}

const char *
heard_removed_person_get_display_name (HeardRemovedPerson *self)
{
  g_return_val_if_fail (HEARD_IS_REMOVED_PERSON (self), NULL);

  return self->display_name;
}

/* When, as the store wrote it (ISO 8601, UTC). */
const char *
heard_removed_person_get_removed_at (HeardRemovedPerson *self)
{
  g_return_val_if_fail (HEARD_IS_REMOVED_PERSON (self), NULL);

  return self->removed_at;
}

HeardRemovalReason
heard_removed_person_get_reason (HeardRemovedPerson *self)
{
  g_return_val_if_fail (HEARD_IS_REMOVED_PERSON (self), HEARD_REMOVAL_REASON_NONE);

  return self->reason;
}

/* The words written with the reason, or "". */
const char *
heard_removed_person_get_note (HeardRemovedPerson *self)
{
  g_return_val_if_fail (HEARD_IS_REMOVED_PERSON (self), NULL);

  return self->note;
}

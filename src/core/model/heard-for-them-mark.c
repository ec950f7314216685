/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-for-them-mark"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-for-them.h"
#include "heard-for-them-mark.h"
#include "heard-model-enums.h"
#include "heard-store.h"
#include "heard-text-fields.h"

/*
 * A change of a "written for them to read" mark (heard-for-them-mark.h).
 * Made to be saved, then filled in by the store and never changed, so its
 * properties are read-only.
 */

struct _HeardForThemMark
{
  GObject           parent_instance;

  gint64            id;
  gint64            person_id;
  HeardForThemText  what;
  gint64            record_id;
  gboolean          for_them;
  char             *reason;
  char             *saved_by;
  char             *saved_at;
};

G_DEFINE_FINAL_TYPE (HeardForThemMark, heard_for_them_mark, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_WHAT,
  PROP_RECORD_ID,
  PROP_FOR_THEM,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
heard_for_them_mark_finalize (GObject *object)
{
  HeardForThemMark *self = HEARD_FOR_THEM_MARK (object);

  g_free (self->reason);
  g_free (self->saved_by);
  g_free (self->saved_at);

  G_OBJECT_CLASS (heard_for_them_mark_parent_class)->finalize (object);
}

static void
heard_for_them_mark_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HeardForThemMark *self = HEARD_FOR_THEM_MARK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_WHAT:
      g_value_set_enum (value, self->what);
      break;

    case PROP_RECORD_ID:
      g_value_set_int64 (value, self->record_id);
      break;

    case PROP_FOR_THEM:
      g_value_set_boolean (value, self->for_them);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_for_them_mark_class_init (HeardForThemMarkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = heard_for_them_mark_finalize;
  object_class->get_property = heard_for_them_mark_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_WHAT] = g_param_spec_enum ("what", NULL, NULL, HEARD_TYPE_FOR_THEM_TEXT,
                                             HEARD_FOR_THEM_AREA, flags);
  properties[PROP_RECORD_ID] = g_param_spec_int64 ("record-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                   flags);
  properties[PROP_FOR_THEM] = g_param_spec_boolean ("for-them", NULL, NULL, FALSE, flags);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_for_them_mark_init (HeardForThemMark *self)
{
  self->reason = g_strdup ("");
  self->saved_by = g_strdup ("");
  self->saved_at = g_strdup ("");
}

HeardForThemMark *
heard_for_them_mark_new (gint64            person_id,
                         HeardForThemText  what,
                         gint64            record_id,
                         gboolean          for_them,
                         const char       *reason)
{
  HeardForThemMark *self;

  g_return_val_if_fail (what < HEARD_FOR_THEM_N_TEXTS, NULL);

  self = g_object_new (HEARD_TYPE_FOR_THEM_MARK, NULL);
  self->person_id = person_id;
  self->what = what;
  self->record_id = record_id;
  self->for_them = !!for_them;
  g_free (self->reason);
  self->reason = g_strdup (reason != NULL ? reason : "");

  return self;
}

gboolean
heard_for_them_mark_check (HeardForThemMark  *self,
                           GError           **error)
{
  g_return_val_if_fail (HEARD_IS_FOR_THEM_MARK (self), FALSE);

  if (!heard_text_check (self->reason, HEARD_FOR_THEM_REASON_MAX_CHARS, error))
    return FALSE;

  if (heard_for_them_needs_reason (self->what) && heard_text_is_blank (self->reason))
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID,
                           _("This record is never changed once written, so changing who it "
                             "is written for is an amendment: please give the reason."));
      return FALSE;
    }

  return TRUE;
}

void
heard_for_them_mark_set_saved (HeardForThemMark *self,
                               gint64            id,
                               const char       *saved_by,
                               const char       *saved_at)
{
  g_return_if_fail (HEARD_IS_FOR_THEM_MARK (self));

  self->id = id;
  g_free (self->saved_by);
  self->saved_by = g_strdup (saved_by != NULL ? saved_by : "");
  g_free (self->saved_at);
  self->saved_at = g_strdup (saved_at != NULL ? saved_at : "");
}

gint64
heard_for_them_mark_get_id (HeardForThemMark *self)
{
  g_return_val_if_fail (HEARD_IS_FOR_THEM_MARK (self), 0);

  return self->id;
}

gint64
heard_for_them_mark_get_person_id (HeardForThemMark *self)
{
  g_return_val_if_fail (HEARD_IS_FOR_THEM_MARK (self), 0);

  return self->person_id;
}

HeardForThemText
heard_for_them_mark_get_what (HeardForThemMark *self)
{
  g_return_val_if_fail (HEARD_IS_FOR_THEM_MARK (self), HEARD_FOR_THEM_AREA);

  return self->what;
}

gint64
heard_for_them_mark_get_record_id (HeardForThemMark *self)
{
  g_return_val_if_fail (HEARD_IS_FOR_THEM_MARK (self), 0);

  return self->record_id;
}

gboolean
heard_for_them_mark_get_for_them (HeardForThemMark *self)
{
  g_return_val_if_fail (HEARD_IS_FOR_THEM_MARK (self), FALSE);

  return self->for_them;
}

const char *
heard_for_them_mark_get_reason (HeardForThemMark *self)
{
  g_return_val_if_fail (HEARD_IS_FOR_THEM_MARK (self), NULL);

  return self->reason;
}

const char *
heard_for_them_mark_get_saved_by (HeardForThemMark *self)
{
  g_return_val_if_fail (HEARD_IS_FOR_THEM_MARK (self), NULL);

  return self->saved_by;
}

const char *
heard_for_them_mark_get_saved_at (HeardForThemMark *self)
{
  g_return_val_if_fail (HEARD_IS_FOR_THEM_MARK (self), NULL);

  return self->saved_at;
}

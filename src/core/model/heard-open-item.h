/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  HEARD_URGENCY_NONE,
  HEARD_URGENCY_SOON,
  HEARD_URGENCY_OVERDUE,
} HeardUrgency;

#define HEARD_TYPE_OPEN_ITEM (heard_open_item_get_type ())

G_DECLARE_FINAL_TYPE (HeardOpenItem, heard_open_item, HEARD, OPEN_ITEM, GObject)

HeardOpenItem *heard_open_item_new             (gint64         person_id,
                                                const char    *person_name,
                                                const char    *view,
                                                HeardUrgency   urgency,
                                                const char    *summary,
                                                const char    *detail) G_GNUC_WARN_UNUSED_RESULT;
gint64         heard_open_item_get_person_id   (HeardOpenItem *self);
const char    *heard_open_item_get_person_name (HeardOpenItem *self);
const char    *heard_open_item_get_view        (HeardOpenItem *self);
HeardUrgency   heard_open_item_get_urgency     (HeardOpenItem *self);
const char    *heard_open_item_get_summary     (HeardOpenItem *self);
const char    *heard_open_item_get_detail      (HeardOpenItem *self);
gboolean       heard_open_item_equal           (HeardOpenItem *self,
                                                HeardOpenItem *other);

G_END_DECLS

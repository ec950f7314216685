/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "heard-removal-rules.h"

G_BEGIN_DECLS

#define HEARD_TYPE_REMOVED_PERSON (heard_removed_person_get_type ())

G_DECLARE_FINAL_TYPE (HeardRemovedPerson, heard_removed_person, HEARD, REMOVED_PERSON, GObject)

HeardRemovedPerson *heard_removed_person_new        (gint64              id,
                                                     const char         *display_name,
                                                     const char         *removed_at,
                                                     HeardRemovalReason  reason,
                                                     const char         *note)
                                                     G_GNUC_WARN_UNUSED_RESULT;
gint64              heard_removed_person_get_id           (HeardRemovedPerson *self);
const char         *heard_removed_person_get_display_name (HeardRemovedPerson *self);
const char         *heard_removed_person_get_removed_at   (HeardRemovedPerson *self);
HeardRemovalReason  heard_removed_person_get_reason       (HeardRemovedPerson *self);
const char         *heard_removed_person_get_note         (HeardRemovedPerson *self);

G_END_DECLS

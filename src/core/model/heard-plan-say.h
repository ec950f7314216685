/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-codesign.h"

G_BEGIN_DECLS

/*
 * "My plan, my say": whether the young person agrees with a version of
 * their plan, in their words, kept with that version. Every say is kept;
 * the newest is the one shown. Never required for sign-off, and a "does
 * not agree" is never hidden.
 */

#define HEARD_PLAN_SAY_MAX_CHARS 5000

#define HEARD_TYPE_PLAN_SAY (heard_plan_say_get_type ())

G_DECLARE_FINAL_TYPE (HeardPlanSay, heard_plan_say, HEARD, PLAN_SAY, GObject)

/* A say to save on the plan version @plan_id; @words may be "". */
HeardPlanSay *heard_plan_say_new          (gint64         plan_id,
                                           HeardSayKind   kind,
                                           const char    *words)
                                           G_GNUC_WARN_UNUSED_RESULT;
gboolean      heard_plan_say_check        (HeardPlanSay  *self,
                                           GError       **error);
/* For the store, once saved: afterwards it never changes. */
void          heard_plan_say_set_saved    (HeardPlanSay  *self,
                                           gint64         id,
                                           const char    *saved_by,
                                           const char    *saved_at);

gint64        heard_plan_say_get_id       (HeardPlanSay  *self);
gint64        heard_plan_say_get_plan_id  (HeardPlanSay  *self);
HeardSayKind  heard_plan_say_get_kind     (HeardPlanSay  *self);
const char   *heard_plan_say_get_words    (HeardPlanSay  *self);
const char   *heard_plan_say_get_saved_by (HeardPlanSay  *self);
const char   *heard_plan_say_get_saved_at (HeardPlanSay  *self);

/* The say to show for the plan version @plan_id: the newest of @says
 * (HeardPlanSay, oldest first) on it, or NULL; owned by @says. */
HeardPlanSay *heard_plan_say_find_newest  (GListModel    *says,
                                           gint64         plan_id);

G_END_DECLS

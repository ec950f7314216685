/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-codesign.h"
#include "heard-plan-area.h"

G_BEGIN_DECLS

/*
 * The young person's own words for an area of their plan, written by them
 * in co-design: their goal, or "what helps me". One HeardOwnWords is one
 * version; a change adds the next version and earlier wording is kept.
 * They stay beside the worker's goal and never replace it.
 */

#define HEARD_OWN_WORDS_MAX_CHARS 2000

#define HEARD_TYPE_OWN_WORDS (heard_own_words_get_type ())

G_DECLARE_FINAL_TYPE (HeardOwnWords, heard_own_words, HEARD, OWN_WORDS, GObject)

/* New words to save, for @area of the plan @plan_id (the version they were
 * written beside) of the young person @person_id. */
HeardOwnWords *heard_own_words_new           (gint64          person_id,
                                              gint64          plan_id,
                                              HeardAreaKind   area,
                                              HeardOwnPart    part,
                                              const char     *words)
                                              G_GNUC_WARN_UNUSED_RESULT;
/* Refuses blank or overlong words, in plain words (HEARD_STORE_ERROR_INVALID). */
gboolean       heard_own_words_check         (HeardOwnWords  *self,
                                              GError        **error);
/* For the store, once saved: afterwards they never change. */
void           heard_own_words_set_saved     (HeardOwnWords  *self,
                                              gint64          id,
                                              guint           version,
                                              const char     *saved_by,
                                              const char     *saved_at);

gint64         heard_own_words_get_id        (HeardOwnWords  *self);
gint64         heard_own_words_get_person_id (HeardOwnWords  *self);
gint64         heard_own_words_get_plan_id   (HeardOwnWords  *self);
HeardAreaKind  heard_own_words_get_area      (HeardOwnWords  *self);
HeardOwnPart   heard_own_words_get_part      (HeardOwnWords  *self);
/* 1 for the first wording, then 2, 3, …; 0 before it is saved. */
guint          heard_own_words_get_version   (HeardOwnWords  *self);
const char    *heard_own_words_get_words     (HeardOwnWords  *self);
/* Who was at the screen beside them, and when (ISO 8601, UTC). */
const char    *heard_own_words_get_saved_by  (HeardOwnWords  *self);
const char    *heard_own_words_get_saved_at  (HeardOwnWords  *self);

/* The newest of @own_words (HeardOwnWords, oldest first) for @part of
 * @area, or NULL; owned by @own_words. Their words stay theirs from one
 * version of the plan to the next. */
HeardOwnWords *heard_own_words_find_newest   (GListModel     *own_words,
                                              HeardAreaKind   area,
                                              HeardOwnPart    part);
/* The same, among the words written beside the plan version @plan_id or an
 * earlier one, or NULL: a version shows what they had written by then, not
 * words written later beside a newer version. (A new version of a plan is
 * always stored with a larger id than every earlier one.) */
HeardOwnWords *heard_own_words_find_for_plan (GListModel     *own_words,
                                              gint64          plan_id,
                                              HeardAreaKind   area,
                                              HeardOwnPart    part);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "heard-codesign.h"

G_BEGIN_DECLS

/*
 * A change of whether a piece of staff text is "written for them to
 * read": shown in co-design mode and in the young person's own record, or
 * kept for staff. Text that has never had its mark changed takes its
 * kind's default (heard_written_for_them() in heard-for-them.h). Changes
 * are only ever added, the newest the one in force; on text that is never
 * changed in place (an answer, a statement's context, a check-in's note)
 * a change is an amendment and needs a reason.
 */

#define HEARD_FOR_THEM_REASON_MAX_CHARS 2000

#define HEARD_TYPE_FOR_THEM_MARK (heard_for_them_mark_get_type ())

G_DECLARE_FINAL_TYPE (HeardForThemMark, heard_for_them_mark, HEARD, FOR_THEM_MARK, GObject)

/* A change to save: the text @what of the record @record_id (a plan area,
 * an action, an answer, a statement (its context, in every version), a
 * check-in) of the young person @person_id is, or is not, written for
 * them. */
HeardForThemMark *heard_for_them_mark_new           (gint64             person_id,
                                                     HeardForThemText   what,
                                                     gint64             record_id,
                                                     gboolean           for_them,
                                                     const char        *reason)
                                                     G_GNUC_WARN_UNUSED_RESULT;
/* Refuses an amendment with no reason, or an overlong reason. */
gboolean          heard_for_them_mark_check         (HeardForThemMark  *self,
                                                     GError           **error);
/* For the store, once saved: afterwards it never changes. */
void              heard_for_them_mark_set_saved     (HeardForThemMark  *self,
                                                     gint64             id,
                                                     const char        *saved_by,
                                                     const char        *saved_at);

gint64            heard_for_them_mark_get_id        (HeardForThemMark  *self);
gint64            heard_for_them_mark_get_person_id (HeardForThemMark  *self);
HeardForThemText  heard_for_them_mark_get_what      (HeardForThemMark  *self);
gint64            heard_for_them_mark_get_record_id (HeardForThemMark  *self);
gboolean          heard_for_them_mark_get_for_them  (HeardForThemMark  *self);
const char       *heard_for_them_mark_get_reason    (HeardForThemMark  *self);
const char       *heard_for_them_mark_get_saved_by  (HeardForThemMark  *self);
const char       *heard_for_them_mark_get_saved_at  (HeardForThemMark  *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-case-file.h"

G_BEGIN_DECLS

#define HEARD_TYPE_FOR_THEM_ROW (heard_for_them_row_get_type ())

G_DECLARE_FINAL_TYPE (HeardForThemRow, heard_for_them_row, HEARD, FOR_THEM_ROW, AdwActionRow)

/* Starts at the mark of the text @what of @record_id (0: not written yet,
 * its kind's default). */
void     heard_for_them_row_load        (HeardForThemRow     *self,
                                         HeardCaseFile       *case_file,
                                         HeardForThemText     what,
                                         gint64               record_id);
gboolean heard_for_them_row_get_active  (HeardForThemRow     *self);
void     heard_for_them_row_set_active  (HeardForThemRow     *self,
                                         gboolean             active);
/* Whether the mark differs from the one it started at. */
gboolean heard_for_them_row_get_changed (HeardForThemRow     *self);
/* Refuses, beside the row, a change on text already written that is never
 * changed in place with no @reason. */
gboolean heard_for_them_row_check       (HeardForThemRow     *self,
                                         const char          *reason);
/* Saves the mark on @record_id (the record's id once saved) if it changed;
 * finishes with TRUE at once if not. */
void     heard_for_them_row_save_async  (HeardForThemRow     *self,
                                         gint64               record_id,
                                         const char          *reason,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean heard_for_them_row_save_finish (HeardForThemRow     *self,
                                         GAsyncResult        *result,
                                         GError             **error);

/* A quiet tag where staff read the text @what of @record_id: "For them"
 * or "Staff only", as @marks (the case file's "for-them-marks") say, kept
 * in step with them. */
GtkWidget *heard_for_them_tag_new       (GListModel          *marks,
                                         HeardForThemText     what,
                                         gint64               record_id);

G_END_DECLS

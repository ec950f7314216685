/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-codesign.h"

G_BEGIN_DECLS

/*
 * What a co-design view, or the young person's own record, may show of
 * what staff wrote: only text "written for them to read". Every view and
 * export asks this one rule, so none can show what another keeps back.
 * Their own words (statements, their goals, what helps them, their notes)
 * are theirs and need no mark; text of a kind not named here (a warning
 * sign, a sharing decision) is never written for them.
 */

/* The default of text with no mark: plan areas, the worker's goal,
 * actions and "You said — we did" answers are about the young person and
 * meant for them (TRUE); a statement's context and a check-in's note are
 * staff's (FALSE). */
gboolean heard_for_them_default      (HeardForThemText  what);
/* Whether changing the mark of @what is an amendment of a record that is
 * never changed in place, and so needs a reason. */
gboolean heard_for_them_needs_reason (HeardForThemText  what);
/* Whether the text @what of the record @record_id is written for them:
 * the newest of @marks (HeardForThemMark, in the order they were saved,
 * as the case file's "for-them-marks" lists them) on it, else the
 * default. */
gboolean heard_written_for_them      (GListModel       *marks,
                                      HeardForThemText  what,
                                      gint64            record_id);

G_END_DECLS

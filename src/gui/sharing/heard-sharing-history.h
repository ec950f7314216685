/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-case-file.h"

G_BEGIN_DECLS

/* A sharing log entry's history: the original and every amendment, oldest
 * first, each with who saved it, when and why. */

#define HEARD_TYPE_SHARING_HISTORY (heard_sharing_history_get_type ())

G_DECLARE_FINAL_TYPE (HeardSharingHistory, heard_sharing_history, HEARD, SHARING_HISTORY,
                      AdwWindow)

/* @bases: the lawful bases (HeardLawfulBasis) to name them by, or NULL. */
HeardSharingHistory *heard_sharing_history_new (GtkWindow     *parent,
                                                HeardCaseFile *case_file,
                                                gint64         entry_id,
                                                GPtrArray     *bases);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-case-file.h"
#include "heard-dialog.h"

G_BEGIN_DECLS

#define HEARD_TYPE_SIGN_EDITOR (heard_sign_editor_get_type ())

G_DECLARE_FINAL_TYPE (HeardSignEditor, heard_sign_editor, HEARD, SIGN_EDITOR, HeardDialog)

/* Logs a new early warning sign, or with @strength a strength or turning
 * point, for the young person of @case_file. */
HeardSignEditor *heard_sign_editor_new           (GtkWindow            *parent,
                                                  HeardCaseFile        *case_file,
                                                  gboolean              strength);
/* Amends @current (the newest version of an entry) with a reason. */
HeardSignEditor *heard_sign_editor_new_amendment (GtkWindow            *parent,
                                                  HeardCaseFile        *case_file,
                                                  HeardChronologyEntry *current);

G_END_DECLS

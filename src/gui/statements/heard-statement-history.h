/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-case-file.h"

G_BEGIN_DECLS

/* A statement's history: the original and every amendment, oldest first,
 * each with who saved it, when, why and what it changed. */

#define HEARD_TYPE_STATEMENT_HISTORY (heard_statement_history_get_type ())

G_DECLARE_FINAL_TYPE (HeardStatementHistory, heard_statement_history, HEARD, STATEMENT_HISTORY,
                      AdwWindow)

HeardStatementHistory *heard_statement_history_new        (GtkWindow             *parent,
                                                           HeardCaseFile *case_file,
                                                           gint64                 statement_id);
guint                  heard_statement_history_get_n_versions (HeardStatementHistory *self);
GtkWidget             *heard_statement_history_get_card   (HeardStatementHistory *self,
                                                           guint                  index);

G_END_DECLS

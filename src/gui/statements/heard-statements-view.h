/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-case-file.h"

G_BEGIN_DECLS

/*
 * A young person's statements, newest first, each in their own words with
 * its "You said — we did" answers, and the ways to record, amend, answer
 * and look back. n-outstanding counts those still waiting for an answer
 * they were told about.
 */

#define HEARD_TYPE_STATEMENTS_VIEW (heard_statements_view_get_type ())

G_DECLARE_FINAL_TYPE (HeardStatementsView, heard_statements_view, HEARD, STATEMENTS_VIEW, AdwBin)

void        heard_statements_view_set_case_file      (HeardStatementsView *self,
                                                      HeardCaseFile       *case_file);
void        heard_statements_view_show_statement     (HeardStatementsView *self,
                                                      gint64               statement_id);
GListModel *heard_statements_view_get_statements     (HeardStatementsView *self);
guint       heard_statements_view_get_n_outstanding  (HeardStatementsView *self);
GtkWidget  *heard_statements_view_get_card           (HeardStatementsView *self,
                                                      gint64               statement_id);

G_END_DECLS

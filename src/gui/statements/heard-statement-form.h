/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-for-them-row.h"
#include "heard-statement.h"

G_BEGIN_DECLS

/*
 * Every field of a statement, bound to a draft: the young person's words
 * first and apart, then how, when and where, reading back, their own note,
 * the worker's context (with wording suggestions, and whether it is written
 * for them to read), sharing and sensitivity.
 * Used to record a statement and to amend one.
 */

#define HEARD_TYPE_STATEMENT_FORM (heard_statement_form_get_type ())

G_DECLARE_FINAL_TYPE (HeardStatementForm, heard_statement_form, HEARD, STATEMENT_FORM, AdwBin)

void         heard_statement_form_bind            (HeardStatementForm *self,
                                                   HeardStatement     *draft);
void         heard_statement_form_set_directory   (HeardStatementForm *self,
                                                   GListModel         *directory);
gboolean     heard_statement_form_check           (HeardStatementForm *self);
GtkTextView *heard_statement_form_get_words_view  (HeardStatementForm *self);
GtkTextView *heard_statement_form_get_context_view (HeardStatementForm *self);
HeardForThemRow *heard_statement_form_get_context_for_them_row (HeardStatementForm *self);

G_END_DECLS

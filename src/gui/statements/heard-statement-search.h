/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-context.h"

G_BEGIN_DECLS

/*
 * Full-text search of every young person's statements: their words, the
 * worker's context, their own notes and the answers. Matching words are
 * shown in bold; a sensitive statement shows only its content note. Choosing
 * a result emits "statement-activated" (person id, statement id) and hides
 * the window, which keeps its search for next time.
 */

#define HEARD_TYPE_STATEMENT_SEARCH (heard_statement_search_get_type ())

G_DECLARE_FINAL_TYPE (HeardStatementSearch, heard_statement_search, HEARD, STATEMENT_SEARCH,
                      AdwWindow)

HeardStatementSearch *heard_statement_search_new         (GtkWindow            *parent,
                                                          HeardContext         *context);
GtkEditable          *heard_statement_search_get_entry   (HeardStatementSearch *self);
GListModel           *heard_statement_search_get_results (HeardStatementSearch *self);
GtkListBox           *heard_statement_search_get_list    (HeardStatementSearch *self);

G_END_DECLS

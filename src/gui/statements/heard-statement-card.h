/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-statement.h"

G_BEGIN_DECLS

/*
 * Shows one version of a statement: their words apart and first (behind a
 * content note when sensitive), then how, when and where, their own note,
 * the worker's context and who it may be shared with.
 *
 * In a list it also shows "You said — we did" and buttons for the
 * statements.answer, statements.amend, statements.history and
 * statements.told actions (each with the id as an int64 target). In a
 * history it shows who saved the version, when and why. Choosing to read
 * a sensitive statement activates statements.read with its id. With the
 * marks shown, the worker's context and each answer say whether they are
 * written for the young person to read.
 */

typedef enum
{
  HEARD_STATEMENT_CARD_LIST,
  HEARD_STATEMENT_CARD_HISTORY,
} HeardStatementCardMode;

#define HEARD_TYPE_STATEMENT_CARD (heard_statement_card_get_type ())

G_DECLARE_FINAL_TYPE (HeardStatementCard, heard_statement_card, HEARD, STATEMENT_CARD, AdwBin)

GtkWidget      *heard_statement_card_new           (HeardStatement         *statement,
                                                    HeardStatement         *before,
                                                    HeardStatementCardMode  mode,
                                                    GListModel             *directory);
void            heard_statement_card_show_marks    (HeardStatementCard     *self,
                                                    GListModel             *marks);
char           *heard_statement_card_dup_row_name  (HeardStatement         *statement);
gboolean        heard_statement_card_get_words_shown (HeardStatementCard   *self);
void            heard_statement_card_show_words    (HeardStatementCard     *self);
void            heard_statement_card_hide_words    (HeardStatementCard     *self,
                                                    const char             *content_note);

G_END_DECLS

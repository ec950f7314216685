/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-dialog.h"
#include "heard-person.h"
#include "heard-statement.h"
#include "heard-case-file.h"

G_BEGIN_DECLS

/* Records a new statement in the young person's own words. Emits "saved"
 * once it is safely stored. */

#define HEARD_TYPE_STATEMENT_EDITOR (heard_statement_editor_get_type ())

G_DECLARE_FINAL_TYPE (HeardStatementEditor, heard_statement_editor, HEARD, STATEMENT_EDITOR,
                      HeardDialog)

HeardStatementEditor *heard_statement_editor_new       (GtkWindow            *parent,
                                                        HeardCaseFile        *case_file);
gint64                heard_statement_editor_get_saved_id (HeardStatementEditor *self);

G_END_DECLS

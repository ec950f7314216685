/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-case-file.h"

G_BEGIN_DECLS

#define HEARD_TYPE_CODESIGN_STATEMENT (heard_codesign_statement_get_type ())

G_DECLARE_FINAL_TYPE (HeardCodesignStatement, heard_codesign_statement, HEARD,
                      CODESIGN_STATEMENT, AdwBin)

/* One of their statements, as co-design mode shows it to them. */
GtkWidget *heard_codesign_statement_new (HeardCaseFile  *case_file,
                                         HeardStatement *statement);
/* Just their words on @statement, headed by the day they said them: a
 * sensitive one behind its content note until they choose Read It (the
 * reading audited), as on its card. */
GtkWidget *heard_codesign_statement_new_words (HeardCaseFile  *case_file,
                                               HeardStatement *statement);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-case-file.h"
#include "heard-dialog.h"

G_BEGIN_DECLS

#define HEARD_TYPE_SHARING_EDITOR (heard_sharing_editor_get_type ())

G_DECLARE_FINAL_TYPE (HeardSharingEditor, heard_sharing_editor, HEARD, SHARING_EDITOR,
                      HeardDialog)

/* Records a new entry of the sharing log of @case_file's young person: a
 * share (@decision HEARD_SHARING_SHARED) or a decision not to share. */
HeardSharingEditor *heard_sharing_editor_new           (GtkWindow            *parent,
                                                        HeardCaseFile        *case_file,
                                                        HeardSharingDecision  decision);
/* Completes @draft, an export no entry completes yet
 * (heard_case_file_get_unlogged_exports()): the form starts filled from it. */
HeardSharingEditor *heard_sharing_editor_new_completing (GtkWindow           *parent,
                                                         HeardCaseFile       *case_file,
                                                         HeardSharingEntry   *draft);
/* Opens the editor completing the export noted as audit entry @audit_id,
 * when it is one of heard_case_file_get_unlogged_exports(); else NULL. */
HeardSharingEditor *heard_sharing_editor_complete_export (GtkWindow         *parent,
                                                          HeardCaseFile     *case_file,
                                                          gint64             audit_id);
/* Amends @current (the newest version of an entry) with a reason. */
HeardSharingEditor *heard_sharing_editor_new_amendment (GtkWindow            *parent,
                                                        HeardCaseFile        *case_file,
                                                        HeardSharingEntry    *current);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-case-file.h"
#include "heard-dialog.h"

G_BEGIN_DECLS

#define HEARD_TYPE_CHECK_IN_EDITOR (heard_check_in_editor_get_type ())

G_DECLARE_FINAL_TYPE (HeardCheckInEditor, heard_check_in_editor, HEARD, CHECK_IN_EDITOR,
                      HeardDialog)

HeardCheckInEditor *heard_check_in_editor_new (GtkWindow     *parent,
                                               HeardCaseFile *case_file,
                                               HeardPlan     *plan);

G_END_DECLS

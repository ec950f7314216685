/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-dialog.h"
#include "heard-plan.h"
#include "heard-case-file.h"

G_BEGIN_DECLS

#define HEARD_TYPE_ACTION_EDITOR (heard_action_editor_get_type ())

G_DECLARE_FINAL_TYPE (HeardActionEditor, heard_action_editor, HEARD, ACTION_EDITOR, HeardDialog)

HeardActionEditor *heard_action_editor_new (GtkWindow       *parent,
                                            HeardCaseFile *case_file,
                                            HeardPlanAction *action,
                                            gboolean         progress_only);

G_END_DECLS

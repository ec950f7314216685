/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-context.h"
#include "heard-dialog.h"
#include "heard-staff.h"

G_BEGIN_DECLS

#define HEARD_TYPE_SUPERVISOR_EDITOR (heard_supervisor_editor_get_type ())

G_DECLARE_FINAL_TYPE (HeardSupervisorEditor, heard_supervisor_editor, HEARD, SUPERVISOR_EDITOR,
                      HeardDialog)

HeardSupervisorEditor *heard_supervisor_editor_new (GtkWindow    *parent,
                                                    HeardContext *context,
                                                    HeardStaff   *supervisor);

G_END_DECLS

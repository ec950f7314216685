/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-dialog.h"
#include "heard-plan.h"
#include "heard-case-file.h"

G_BEGIN_DECLS

#define HEARD_TYPE_AREA_EDITOR (heard_area_editor_get_type ())

G_DECLARE_FINAL_TYPE (HeardAreaEditor, heard_area_editor, HEARD, AREA_EDITOR, HeardDialog)

HeardAreaEditor *heard_area_editor_new (GtkWindow     *parent,
                                        HeardCaseFile *case_file,
                                        HeardPlanArea *area);

G_END_DECLS

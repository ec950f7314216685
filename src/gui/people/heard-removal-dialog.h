/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-case-file.h"
#include "heard-dialog.h"

G_BEGIN_DECLS

#define HEARD_TYPE_REMOVAL_DIALOG (heard_removal_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HeardRemovalDialog, heard_removal_dialog, HEARD, REMOVAL_DIALOG, HeardDialog)

HeardRemovalDialog *heard_removal_dialog_new        (GtkWindow          *parent,
                                                     HeardCaseFile      *case_file)
                                                     G_GNUC_WARN_UNUSED_RESULT;
HeardPerson        *heard_removal_dialog_get_person (HeardRemovalDialog *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-context.h"
#include "heard-dialog.h"

G_BEGIN_DECLS

#define HEARD_TYPE_PERSON_EDITOR (heard_person_editor_get_type ())

G_DECLARE_FINAL_TYPE (HeardPersonEditor, heard_person_editor, HEARD, PERSON_EDITOR, HeardDialog)

HeardPersonEditor *heard_person_editor_new (GtkWindow    *parent,
                                            HeardContext *context,
                                            HeardPerson  *person) G_GNUC_WARN_UNUSED_RESULT;
HeardPerson       *heard_person_editor_get_saved_person (HeardPersonEditor *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-context.h"

G_BEGIN_DECLS

#define HEARD_TYPE_PERSON_EDITOR (heard_person_editor_get_type ())

G_DECLARE_FINAL_TYPE (HeardPersonEditor, heard_person_editor, HEARD, PERSON_EDITOR, AdwWindow)

HeardPersonEditor *heard_person_editor_new (GtkWindow    *parent,
                                            HeardContext *context,
                                            HeardPerson  *person) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

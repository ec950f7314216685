/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-case-file.h"

G_BEGIN_DECLS

#define HEARD_TYPE_CODESIGN_WINDOW (heard_codesign_window_get_type ())

G_DECLARE_FINAL_TYPE (HeardCodesignWindow, heard_codesign_window, HEARD, CODESIGN_WINDOW,
                      AdwWindow)

/* Co-design mode for @case_file's young person, over @staff_window (the
 * staff window it keeps out of reach until a member of staff ends it). */
HeardCodesignWindow *heard_codesign_window_new (GtkWindow     *staff_window,
                                                HeardCaseFile *case_file)
                                                G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

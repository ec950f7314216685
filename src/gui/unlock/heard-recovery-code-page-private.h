/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-recovery-code-page.h"

G_BEGIN_DECLS

/* The printed sheet, for tests: its blocks of text as laid out for a page
 * @width wide, and the drawing of them. */
GPtrArray *_heard_recovery_code_sheet_layouts (PangoContext *context,
                                               double        width,
                                               const char   *code);
void       _heard_recovery_code_sheet_draw    (cairo_t      *cr,
                                               PangoContext *context,
                                               double        width,
                                               const char   *code);

G_END_DECLS

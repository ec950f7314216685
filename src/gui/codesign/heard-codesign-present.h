/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-case-file.h"

G_BEGIN_DECLS

/* Sets @draft's "present" (a statement's or a check-in's "who was there")
 * to who was with them in co-design: their key worker. */
void heard_codesign_set_present (GObject       *draft,
                                 HeardCaseFile *case_file);

G_END_DECLS

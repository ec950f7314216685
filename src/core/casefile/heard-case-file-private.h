/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-case-file.h"
#include "heard-context.h"

G_BEGIN_DECLS

/* Only heard_case_file_open() makes case files (one per young person,
 * shared, through the context's registry); the context drops them when the
 * records lock. */
void _heard_case_file_drop (HeardCaseFile *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-case-file.h"
#include "heard-context.h"

G_BEGIN_DECLS

/* Only the context makes case files (one per young person, shared) and
 * drops them when the records lock. */
HeardCaseFile *_heard_case_file_new  (HeardContext  *context,
                                      HeardPerson   *person) G_GNUC_WARN_UNUSED_RESULT;
void           _heard_case_file_drop (HeardCaseFile *self);
void           _heard_case_file_drop_all (HeardContext *context);

G_END_DECLS

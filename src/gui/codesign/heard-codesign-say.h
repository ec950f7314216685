/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-case-file.h"

G_BEGIN_DECLS

#define HEARD_TYPE_CODESIGN_SAY (heard_codesign_say_get_type ())

G_DECLARE_FINAL_TYPE (HeardCodesignSay, heard_codesign_say, HEARD, CODESIGN_SAY, AdwBin)

/* Co-design's "say something" page, for the young person of the case
 * file it is given (once). It emits "saved" once what they wrote is kept. */
void heard_codesign_say_set_case_file   (HeardCodesignSay *self,
                                         HeardCaseFile    *case_file);
/* Readies the page for a new statement, typed by them (what they typed
 * and did not save yet in the box). */
void heard_codesign_say_start_statement (HeardCodesignSay *self);
/* Readies the page for their own note on @statement, its words quoted
 * above (their note so far in the box, or what they typed and did not
 * save yet). */
void heard_codesign_say_start_note      (HeardCodesignSay *self,
                                         HeardStatement   *statement);

G_END_DECLS

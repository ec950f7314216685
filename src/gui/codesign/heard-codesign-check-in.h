/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-case-file.h"

G_BEGIN_DECLS

#define HEARD_TYPE_CODESIGN_CHECK_IN (heard_codesign_check_in_get_type ())

G_DECLARE_FINAL_TYPE (HeardCodesignCheckIn, heard_codesign_check_in, HEARD, CODESIGN_CHECK_IN,
                      AdwBin)

/* Co-design mode's check-in page; "saved" once their check-in is kept. */
GtkWidget *heard_codesign_check_in_new   (void) G_GNUC_WARN_UNUSED_RESULT;
/* Asks afresh about each area of @plan written for them to read, then
 * how safe they feel. */
void       heard_codesign_check_in_start (HeardCodesignCheckIn *self,
                                          HeardCaseFile        *case_file,
                                          HeardPlan            *plan);

G_END_DECLS

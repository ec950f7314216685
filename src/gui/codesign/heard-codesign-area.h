/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-case-file.h"

G_BEGIN_DECLS

#define HEARD_TYPE_CODESIGN_AREA (heard_codesign_area_get_type ())

G_DECLARE_FINAL_TYPE (HeardCodesignArea, heard_codesign_area, HEARD, CODESIGN_AREA, AdwBin)

/* One area of their plan, as co-design mode shows it to them. Its buttons
 * activate "codesign.edit-own-words" with (area kind, HeardOwnPart). */
GtkWidget *heard_codesign_area_new (HeardCaseFile *case_file,
                                    HeardPlanArea *area);

G_END_DECLS

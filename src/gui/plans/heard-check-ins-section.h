/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-case-file.h"

G_BEGIN_DECLS

#define HEARD_TYPE_CHECK_INS_SECTION (heard_check_ins_section_get_type ())

G_DECLARE_FINAL_TYPE (HeardCheckInsSection, heard_check_ins_section, HEARD, CHECK_INS_SECTION,
                      AdwBin)

void heard_check_ins_section_set_plan (HeardCheckInsSection *self,
                                       HeardCaseFile        *case_file,
                                       HeardPlan            *plan);

G_END_DECLS

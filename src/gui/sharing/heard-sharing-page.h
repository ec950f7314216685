/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-case-file.h"

G_BEGIN_DECLS

#define HEARD_TYPE_SHARING_PAGE (heard_sharing_page_get_type ())

G_DECLARE_FINAL_TYPE (HeardSharingPage, heard_sharing_page, HEARD, SHARING_PAGE, AdwBin)

/* The young person's sharing log, newest first, with the exports not in
 * it yet above it; @case_file NULL shows nobody's. */
void heard_sharing_page_set_case_file (HeardSharingPage *self,
                                       HeardCaseFile    *case_file);

G_END_DECLS

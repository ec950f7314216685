/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-context.h"

G_BEGIN_DECLS

#define HEARD_TYPE_CASELOAD_PAGE (heard_caseload_page_get_type ())

G_DECLARE_FINAL_TYPE (HeardCaseloadPage, heard_caseload_page, HEARD, CASELOAD_PAGE, AdwBin)

void     heard_caseload_page_set_context (HeardCaseloadPage *self,
                                          HeardContext      *context);
gboolean heard_caseload_page_is_loaded   (HeardCaseloadPage *self);

G_END_DECLS

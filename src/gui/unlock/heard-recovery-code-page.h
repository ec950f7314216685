/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-context.h"

G_BEGIN_DECLS

#define HEARD_TYPE_RECOVERY_CODE_PAGE (heard_recovery_code_page_get_type ())

G_DECLARE_FINAL_TYPE (HeardRecoveryCodePage, heard_recovery_code_page, HEARD, RECOVERY_CODE_PAGE,
                      AdwBin)

void heard_recovery_code_page_set_context (HeardRecoveryCodePage *self,
                                           HeardContext          *context);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-context.h"

G_BEGIN_DECLS

#define HEARD_TYPE_UNLOCK_PAGE (heard_unlock_page_get_type ())

G_DECLARE_FINAL_TYPE (HeardUnlockPage, heard_unlock_page, HEARD, UNLOCK_PAGE, AdwBin)

void heard_unlock_page_set_context (HeardUnlockPage *self,
                                    HeardContext    *context);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-context.h"

G_BEGIN_DECLS

#define HEARD_TYPE_AGENCIES_PAGE (heard_agencies_page_get_type ())

G_DECLARE_FINAL_TYPE (HeardAgenciesPage, heard_agencies_page, HEARD, AGENCIES_PAGE,
                      AdwPreferencesPage)

void heard_agencies_page_set_context (HeardAgenciesPage *self,
                                      HeardContext      *context);

G_END_DECLS

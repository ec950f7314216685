/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "heard-case-file.h"
#include "heard-chronology-rows.h"

G_BEGIN_DECLS

#define HEARD_TYPE_CHRONOLOGY_PAGE (heard_chronology_page_get_type ())

G_DECLARE_FINAL_TYPE (HeardChronologyPage, heard_chronology_page, HEARD, CHRONOLOGY_PAGE,
                      GtkWidget)

/* Shows the chronology of @case_file's young person, following it as it
 * changes. "open-record" (source as a HeardChronologySource, record id) asks
 * for a statement, check-in or plan to be shown where it lives. */
void heard_chronology_page_set_case_file (HeardChronologyPage *self,
                                          HeardCaseFile       *case_file);

G_END_DECLS

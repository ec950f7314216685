/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-context.h"

G_BEGIN_DECLS

#define HEARD_TYPE_PERSON_PAGE (heard_person_page_get_type ())

G_DECLARE_FINAL_TYPE (HeardPersonPage, heard_person_page, HEARD, PERSON_PAGE, AdwBin)

void         heard_person_page_set_context (HeardPersonPage *self,
                                            HeardContext    *context);
HeardPerson *heard_person_page_get_person  (HeardPersonPage *self);
void         heard_person_page_set_person  (HeardPersonPage *self,
                                            HeardPerson     *person);
gboolean     heard_person_page_get_sensitive_text_shown (HeardPersonPage *self);
void         heard_person_page_show_view   (HeardPersonPage *self,
                                            const char      *name);
void         heard_person_page_show_statement (HeardPersonPage *self,
                                               gint64           statement_id);
GtkWidget   *heard_person_page_get_statements_view (HeardPersonPage *self);

G_END_DECLS

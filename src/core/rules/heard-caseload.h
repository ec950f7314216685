/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-open-item.h"
#include "heard-store.h"

G_BEGIN_DECLS

/* One part of the caseload overview: a title and what falls under it. */
typedef struct
{
  char      *title;
  GPtrArray *items;
} HeardCaseloadSection;

HeardCaseloadSection *heard_caseload_section_new (const char           *title,
                                                  GPtrArray            *items)
                                                  G_GNUC_WARN_UNUSED_RESULT;
void        heard_caseload_section_free      (HeardCaseloadSection *section);

/* Finishes with every section (HeardCaseloadSection) in order, empty ones
 * included. */
void        heard_store_load_caseload_async  (HeardStore           *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GPtrArray  *heard_store_load_caseload_finish (HeardStore           *self,
                                              GAsyncResult         *result,
                                              GError              **error)
                                              G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-date.h"

G_BEGIN_DECLS

#define HEARD_TYPE_DATE_ROW (heard_date_row_get_type ())

G_DECLARE_FINAL_TYPE (HeardDateRow, heard_date_row, HEARD, DATE_ROW, AdwEntryRow)

HeardDateKind heard_date_row_get_kind (HeardDateRow  *self);
void          heard_date_row_set_kind (HeardDateRow  *self,
                                       HeardDateKind  kind);
gboolean      heard_date_row_check    (HeardDateRow  *self);
void          heard_date_row_set_stored (HeardDateRow *self,
                                         const char   *stored);
void          heard_date_row_bind     (HeardDateRow  *self,
                                       gpointer       source,
                                       const char    *property);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HEARD_TYPE_CHOICE_ROW (heard_choice_row_get_type ())

G_DECLARE_FINAL_TYPE (HeardChoiceRow, heard_choice_row, HEARD, CHOICE_ROW, AdwComboRow)

char *heard_choice_row_dup_item_text (HeardChoiceRow *self,
                                      gpointer        item) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HEARD_TYPE_CHOICE_ROW (heard_choice_row_get_type ())

G_DECLARE_DERIVABLE_TYPE (HeardChoiceRow, heard_choice_row, HEARD, CHOICE_ROW, AdwComboRow)

/* Derivable so that a row that chooses among records (an agency of the
 * directory) reads as every other choice does. */
struct _HeardChoiceRowClass
{
  AdwComboRowClass parent_class;
};

char *heard_choice_row_dup_item_text (HeardChoiceRow *self,
                                      gpointer        item) G_GNUC_WARN_UNUSED_RESULT;
void        heard_choice_row_set_ids       (HeardChoiceRow     *self,
                                            const char * const *ids);
const char *heard_choice_row_get_chosen_id (HeardChoiceRow     *self);
gboolean    heard_choice_row_choose_id     (HeardChoiceRow     *self,
                                            const char         *id);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HEARD_TYPE_START_CHOICES (heard_start_choices_get_type ())

G_DECLARE_FINAL_TYPE (HeardStartChoices, heard_start_choices, HEARD, START_CHOICES, AdwBin)

gboolean heard_start_choices_get_offer_restore  (HeardStartChoices *self);
void     heard_start_choices_set_offer_restore  (HeardStartChoices *self,
                                                 gboolean           offer_restore);
gboolean heard_start_choices_get_offer_practice (HeardStartChoices *self);
void     heard_start_choices_set_offer_practice (HeardStartChoices *self,
                                                 gboolean           offer_practice);

G_END_DECLS

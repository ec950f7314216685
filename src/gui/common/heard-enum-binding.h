/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A combo row that lists an enum's values in the order they are declared,
 * bound to an enum-typed property: the stored code and the row's position
 * are told apart, so neither side has to be a plain number. */

GBinding *heard_bind_enum_to_combo (gpointer     source,
                                    const char  *property,
                                    AdwComboRow *row);

G_END_DECLS

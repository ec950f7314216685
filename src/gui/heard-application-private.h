/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-application.h"

G_BEGIN_DECLS

void _heard_application_add_actions  (HeardApplication *self);
void _heard_application_open_practice (HeardApplication *self);

G_END_DECLS

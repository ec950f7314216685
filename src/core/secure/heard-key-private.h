/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-key.h"

G_BEGIN_DECLS

/* For tests: how many keys are in guarded memory now. A lock must leave 0. */
guint _heard_key_get_n_alive (void);

G_END_DECLS

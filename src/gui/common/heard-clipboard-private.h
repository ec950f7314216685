/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-clipboard.h"

G_BEGIN_DECLS

/* For tests: how long a secret stays on the clipboard. */
void _heard_clipboard_set_clear_after_ms (guint ms);

G_END_DECLS

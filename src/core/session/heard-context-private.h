/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-context.h"
#include "heard-store.h"

G_BEGIN_DECLS

/* The open store, NULL while the records are not open. Not public: views
 * bind to the context's models (and case files), never to the store; the
 * few widgets still calling it are on their way off it. */
HeardStore *_heard_context_get_store (HeardContext *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *const *_heard_store_get_migrations (guint *n_migrations);
/* A batch of fictional records pauses the full-text index of statements
 * while it is made, and fills it in one go at the end: SQL to run inside
 * the batch's transaction, at its start and at its end. */
const char        *_heard_store_get_statement_search_pause  (void);
const char        *_heard_store_get_statement_search_resume (void);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-store.h"

G_BEGIN_DECLS

/*
 * For backends only: what a HeardStore subclass must do besides filling in
 * the vfuncs.
 *
 * One result convention, so that the _finish functions in the base serve
 * every backend: each operation completes a GTask whose source object is
 * the store and whose source tag is the public heard_store_*_async()
 * function, with g_task_return_pointer() or an error. The pointer is what
 * the _finish function hands over (a GPtrArray, a GHashTable, a
 * HeardAuditAnchor) or, for an operation that finishes with an id, a count
 * or a yes, a g_malloc()ed block that starts with that number as a gint64
 * (a yes is any number but 0); the base frees it with g_free().
 *
 * After every successful write, before completing its task, a backend calls
 * _heard_store_emit_changed() once, on the main context its caller is on.
 */
void _heard_store_emit_changed (HeardStore      *self,
                                HeardRecordKind  kind,
                                gint64           person_id,
                                gint64           record_id);

G_END_DECLS

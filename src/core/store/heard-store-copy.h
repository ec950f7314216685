/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-audit.h"
#include "heard-key.h"
#include "heard-store.h"

G_BEGIN_DECLS

/* HeardStoreProgressFunc (heard-store.h) hears how far a copy has come,
 * 0 to 1, on the main context of the thread that started it. */

/* What a copy of the records holds, counted in the copy and found equal to
 * the records it was taken from at that moment. */
typedef struct
{
  guint             schema_version;
  guint             n_people;
  guint             n_statements;
  /* When the newest change (the newest audit entry) was made; NULL for none. */
  GDateTime        *newest_change;
  /* The audit trail's head in the copy. */
  HeardAuditAnchor  audit_head;
} HeardStoreCopyInfo;

#define HEARD_TYPE_STORE_COPY_INFO (heard_store_copy_info_get_type ())

GType               heard_store_copy_info_get_type (void) G_GNUC_CONST;
HeardStoreCopyInfo *heard_store_copy_info_copy     (const HeardStoreCopyInfo *info)
                                                   G_GNUC_WARN_UNUSED_RESULT;
void                heard_store_copy_info_free     (HeardStoreCopyInfo       *info);

/* Writes an encrypted copy of the open records, as they stand at one
 * moment (writes made meanwhile wait for none of it and are not in it), to
 * a new file at @path with @key, the key the records were opened with.
 * The copy is flushed to the disk, opened again with @key, passes a full
 * integrity check and holds as many young people and statements as the
 * records did; only then does this finish with what it holds. @progress
 * (may be NULL) hears how far it has come; cancelling stops it. On any
 * failure the file at @path is removed, and nothing else is touched. */
void                heard_store_copy_async         (HeardStore               *self,
                                                    const HeardKey           *key,
                                                    const char               *path,
                                                    HeardStoreProgressFunc    progress,
                                                    gpointer                  progress_data,
                                                    GDestroyNotify            progress_free,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
HeardStoreCopyInfo *heard_store_copy_finish        (HeardStore               *self,
                                                    GAsyncResult             *result,
                                                    GError                  **error)
                                                   G_GNUC_WARN_UNUSED_RESULT;

/* What the open records hold now, counted as a copy's are. */
void                heard_store_describe_async     (HeardStore               *self,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
HeardStoreCopyInfo *heard_store_describe_finish    (HeardStore               *self,
                                                    GAsyncResult             *result,
                                                    GError                  **error)
                                                   G_GNUC_WARN_UNUSED_RESULT;

/* Notes in the audit trail of these (just restored) records that they were
 * restored from a backup made at @made_at, and finishes with the trail's
 * new head, to anchor. */
void                heard_store_note_restored_async  (HeardStore             *self,
                                                      GDateTime              *made_at,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
HeardAuditAnchor   *heard_store_note_restored_finish (HeardStore             *self,
                                                      GAsyncResult           *result,
                                                      GError                **error)
                                                     G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeardStoreCopyInfo, heard_store_copy_info_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-list-util.h"
#include "heard-record-kind.h"

G_BEGIN_DECLS

#define HEARD_TYPE_LIVE_LIST (heard_live_list_get_type ())

G_DECLARE_DERIVABLE_TYPE (HeardLiveList, heard_live_list, HEARD, LIVE_LIST, GObject)

struct _HeardLiveListClass
{
  GObjectClass parent_class;

  /* What the list holds. */
  GType         item_type;

  /* Reads the whole list from the store (_heard_live_list_get_store()). */
  void       (*read_async)  (HeardLiveList       *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data);
  /* What was read from @store: objects of the list's item type, in order. */
  GPtrArray *(*read_finish) (GObject             *store,
                             GAsyncResult        *result,
                             GError             **error);
  /* Whether a write to a record of @kind calls for reading again. */
  gboolean   (*follows)     (HeardLiveList       *self,
                             HeardRecordKind      kind);
  /* Whether an object listed can stay for the one just read. */
  HeardSameFunc same;
};

/* Whether the list has been read since the records opened, and why the
 * last read failed (NULL if it did not). */
gboolean    heard_live_list_get_loaded  (HeardLiveList *self);
const char *heard_live_list_get_failure (HeardLiveList *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-draft.h"
#include "heard-store.h"

G_BEGIN_DECLS

/* Drafts of open editors (HeardDraft), kept in the records so that they are
 * encrypted like them. They are not records: writing one emits no
 * "changed", adds nothing to the audit trail and is not held by an audit
 * problem (what someone typed is kept whatever the trail says). Saving
 * replaces the draft of the same editor (heard_draft_same_editor()) and
 * sets its saved-at; deleting one that is not there is no error. */
void        heard_store_save_draft_async    (HeardStore           *self,
                                             HeardDraft           *draft,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean    heard_store_save_draft_finish   (HeardStore           *self,
                                             GAsyncResult         *result,
                                             GError              **error);
/* Finishes with every draft, the newest first. */
void        heard_store_list_drafts_async   (HeardStore           *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GPtrArray  *heard_store_list_drafts_finish  (HeardStore           *self,
                                             GAsyncResult         *result,
                                             GError              **error) G_GNUC_WARN_UNUSED_RESULT;
/* Deletes the draft of @draft's editor (its kind, young person, subject
 * and part). */
void        heard_store_delete_draft_async  (HeardStore           *self,
                                             HeardDraft           *draft,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean    heard_store_delete_draft_finish (HeardStore           *self,
                                             GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS

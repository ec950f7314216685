/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-person.h"
#include "heard-store.h"

G_BEGIN_DECLS

void        heard_store_list_people_async    (HeardStore           *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GPtrArray  *heard_store_list_people_finish   (HeardStore           *self,
                                              GAsyncResult         *result,
                                              GError              **error) G_GNUC_WARN_UNUSED_RESULT;
void        heard_store_save_person_async    (HeardStore           *self,
                                              HeardPerson          *person,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gint64      heard_store_save_person_finish   (HeardStore           *self,
                                              GAsyncResult         *result,
                                              GError              **error);
/* Removes a young person's record from the list (never deleting any of
 * it), with @detail for its audit entry (see heard-removal-rules.h), or
 * restores it (@detail NULL). Neither asks whether it should: the case
 * file's removal does (heard_case_file_remove_async()). */
void        heard_store_set_person_removed_async  (HeardStore          *self,
                                                   gint64               id,
                                                   gboolean             removed,
                                                   const char          *detail,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean    heard_store_set_person_removed_finish (HeardStore          *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
/* Finishes with everyone removed (HeardRemovedPerson), newest removal first. */
void        heard_store_list_removed_people_async  (HeardStore          *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray  *heard_store_list_removed_people_finish (HeardStore          *self,
                                                    GAsyncResult        *result,
                                                    GError             **error)
                                                    G_GNUC_WARN_UNUSED_RESULT;
void        heard_store_search_people_async  (HeardStore           *self,
                                              const char           *typed,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GHashTable *heard_store_search_people_finish (HeardStore           *self,
                                              GAsyncResult         *result,
                                              GError              **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

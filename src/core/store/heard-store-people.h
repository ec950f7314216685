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
void        heard_store_set_person_removed_async  (HeardStore          *self,
                                                   gint64               id,
                                                   gboolean             removed,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean    heard_store_set_person_removed_finish (HeardStore          *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
void        heard_store_search_people_async  (HeardStore           *self,
                                              const char           *typed,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GHashTable *heard_store_search_people_finish (HeardStore           *self,
                                              GAsyncResult         *result,
                                              GError              **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-directory-agency.h"
#include "heard-store.h"

G_BEGIN_DECLS

/*
 * The agencies directory in the store (HeardDirectoryAgency). An entry is
 * added or changed with its audit entry in the same transaction, and
 * retired, never removed, since records name it. Each entry serves the
 * stored agency kind of its type (heard_agency_type_to_kind()), kept in a
 * table that maps kinds to entries. Every write emits "changed" with
 * HEARD_RECORD_KIND_AGENCY, person 0 and the entry's id.
 */

/* Every entry, retired ones too, by name. */
void        heard_store_list_agencies_async             (HeardStore                *self,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
GPtrArray  *heard_store_list_agencies_finish            (HeardStore                *self,
                                                         GAsyncResult              *result,
                                                         GError                    **error) G_GNUC_WARN_UNUSED_RESULT;

/* Adds @agency (id 0) or saves its changes, retired or not as it says (a
 * retired entry saved as not retired is offered again); finishes with its
 * id, or 0 with HEARD_STORE_ERROR_INVALID (naming the field) or NOT_FOUND. */
void        heard_store_save_agency_async               (HeardStore                *self,
                                                         HeardDirectoryAgency      *agency,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
gint64      heard_store_save_agency_finish              (HeardStore                *self,
                                                         GAsyncResult              *result,
                                                         GError                    **error);

/* Retires entry @id: it stays in the records that name it, and is offered
 * no more. */
void        heard_store_retire_agency_async             (HeardStore                *self,
                                                         gint64                    id,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
gboolean    heard_store_retire_agency_finish            (HeardStore                *self,
                                                         GAsyncResult              *result,
                                                         GError                    **error);

G_END_DECLS

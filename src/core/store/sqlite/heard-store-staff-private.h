/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-sqlite-store-private.h"
#include "heard-store-staff.h"

G_BEGIN_DECLS

/* The supervisor whose passphrase was checked, as they were at that moment. */
typedef struct
{
  gint64  staff_id;
  char   *name;
  char   *hash;
} HeardSigner;

/* Work that a supervisor's passphrase allows, run on the database thread
 * once the passphrase has been checked (off the main thread, since Argon2id
 * is slow on purpose). It must call _heard_signer_confirm() inside its write
 * transaction, so that a passphrase changed in between does not count, and
 * return what it did as a HeardStoreWritten to free (_heard_store_write()
 * does), or NULL with @error set. */
typedef gpointer (*HeardSignedWorkFunc) (sqlite3            *db,
                                         const HeardSigner  *signer,
                                         gpointer            data,
                                         GError            **error);

/* A wrong passphrase never reaches @work: the attempt is written to the
 * audit trail against @target_kind @target_id and the task fails with
 * HEARD_PLAN_ERROR_WRONG_PASSPHRASE. Finish with _heard_store_finish_id(). */
void      _heard_store_run_signed_async  (HeardStore           *self,
                                          gint64                signer_id,
                                          const char           *passphrase,
                                          const char           *target_kind,
                                          gint64                target_id,
                                          HeardSignedWorkFunc   work,
                                          gpointer              data,
                                          GDestroyNotify        data_free,
                                          gpointer              source_tag,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean  _heard_signer_confirm          (sqlite3              *db,
                                          const HeardSigner    *signer,
                                          GError              **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-backup-service.h"
#include "heard-key.h"
#include "heard-store.h"

G_BEGIN_DECLS

/* The context's side of the service: it is made with the records folder,
 * given the open records after every unlock and has them taken away on
 * every lock. */
HeardBackupService *_heard_backup_service_new     (const char          *data_dir)
                                                  G_GNUC_WARN_UNUSED_RESULT;
void                _heard_backup_service_attach  (HeardBackupService  *self,
                                                   HeardStore          *store,
                                                   const HeardKey      *key,
                                                   const char          *uuid,
                                                   gboolean             practice);
void                _heard_backup_service_detach  (HeardBackupService  *self);
/* On quit: backs up first when the last backup is older than a day. */
void                _heard_backup_service_finish_async  (HeardBackupService  *self,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
void                _heard_backup_service_finish_finish (HeardBackupService  *self,
                                                         GAsyncResult        *result);
/* The records in the folder were replaced by a restore: the chosen backup
 * folder stays, noted in the new records folder, and the last backup is
 * found again from what the folder holds for the restored records. */
void                _heard_backup_service_records_replaced (HeardBackupService *self);
/* Whether a backup is due at @now (a folder is chosen and the last backup
 * is a day old or there is none). */
gboolean            _heard_backup_service_is_due  (HeardBackupService  *self,
                                                   GDateTime           *now);

/* The folder backup.ini in @data_dir names, or NULL: reads the disk. */
char               *_heard_backup_service_read_folder (const char          *data_dir)
                                                      G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

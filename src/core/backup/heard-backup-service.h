/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-backup-summary.h"

G_BEGIN_DECLS

#define HEARD_TYPE_BACKUP_SERVICE (heard_backup_service_get_type ())

G_DECLARE_FINAL_TYPE (HeardBackupService, heard_backup_service, HEARD, BACKUP_SERVICE, GObject)

/* A last backup older than this many days stands out on the overview. */
#define HEARD_BACKUP_OVERDUE_DAYS 7

const char         *heard_backup_service_get_folder      (HeardBackupService  *self);
void                heard_backup_service_set_folder      (HeardBackupService  *self,
                                                          const char          *folder);
GDateTime          *heard_backup_service_get_last_backup (HeardBackupService  *self);
gboolean            heard_backup_service_get_running     (HeardBackupService  *self);
double              heard_backup_service_get_fraction    (HeardBackupService  *self);
const char         *heard_backup_service_get_problem     (HeardBackupService  *self);
gboolean            heard_backup_service_get_waiting_for_unlock (HeardBackupService *self);
gboolean            heard_backup_service_get_practice    (HeardBackupService  *self);
char               *heard_backup_service_dup_status      (HeardBackupService  *self,
                                                          GDateTime           *now,
                                                          gboolean            *stands_out)
                                                          G_GNUC_WARN_UNUSED_RESULT;
void                heard_backup_service_back_up_now_async  (HeardBackupService  *self,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
/* Stops the backup running now, whoever started it (the schedule or Back
 * Up Now); the backups made before stay as they were. */
void                heard_backup_service_cancel          (HeardBackupService  *self);
HeardBackupSummary *heard_backup_service_back_up_now_finish (HeardBackupService  *self,
                                                             GAsyncResult        *result,
                                                             GError             **error)
                                                             G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

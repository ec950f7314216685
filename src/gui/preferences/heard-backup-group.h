/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-context.h"

G_BEGIN_DECLS

#define HEARD_TYPE_BACKUP_GROUP (heard_backup_group_get_type ())

G_DECLARE_FINAL_TYPE (HeardBackupGroup, heard_backup_group, HEARD, BACKUP_GROUP,
                      AdwPreferencesGroup)

void heard_backup_group_set_context (HeardBackupGroup *self,
                                     HeardContext     *context);
void heard_backup_group_focus       (HeardBackupGroup *self);

G_END_DECLS

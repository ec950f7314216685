/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HEARD_FOLDER_LOCK_ERROR (heard_folder_lock_error_quark ())

typedef enum
{
  HEARD_FOLDER_LOCK_ERROR_BUSY,
  HEARD_FOLDER_LOCK_ERROR_FAILED,
} HeardFolderLockError;

/* The name of the lock file in a data folder; it is never part of the records. */
#define HEARD_FOLDER_LOCK_FILE "heard.lock"

typedef struct _HeardFolderLock HeardFolderLock;

GQuark           heard_folder_lock_error_quark (void);
HeardFolderLock *heard_folder_lock_acquire     (const char       *data_dir,
                                                GError          **error) G_GNUC_WARN_UNUSED_RESULT;
void             heard_folder_lock_release     (HeardFolderLock  *lock);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeardFolderLock, heard_folder_lock_release)

G_END_DECLS

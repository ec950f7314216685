/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-folder-lock"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "heard-folder-lock.h"

/*
 * One Heard at a time per records folder. Two first runs at once could each
 * make a key, and the records would end up under the key that heard.ini does
 * not name; a restore under an open Heard would pull the records from under
 * it. So whoever may change which records the folder holds (Heard for as
 * long as it is open, and so its first run; later a restore or practice
 * records made into the folder) holds an exclusive flock() on heard.lock.
 *
 * Exclusive, not shared, for the open Heard: a shared lock would let two
 * Heards open side by side without either noticing, and both would then
 * believe they are the only writer. Commands that only read or copy the
 * records take no lock of this kind: they go through SQLite's own locking.
 *
 * flock() belongs to the open file, not to the process, so two contexts in
 * one process shut each other out as two processes do; the kernel lets go
 * when the holder ends however it ends, so a crash never leaves the folder
 * locked. The file is empty, made 0600 and never removed (removing a lock
 * file opens a race between its holders).
 *
 * Taking the lock touches the disk: call it off the main thread.
 */

struct _HeardFolderLock
{
  int fd;
};

G_DEFINE_QUARK (heard-folder-lock-error-quark, heard_folder_lock_error)

/* Never blocks: a folder in use is reported at once with
 * %HEARD_FOLDER_LOCK_ERROR_BUSY. */
HeardFolderLock *
heard_folder_lock_acquire (const char  *data_dir,
                           GError     **error)
{
  g_autofree char *path = NULL;
  HeardFolderLock *lock;
  int saved_errno;
  int fd;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_build_filename (data_dir, HEARD_FOLDER_LOCK_FILE, NULL);
  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, HEARD_FOLDER_LOCK_ERROR, HEARD_FOLDER_LOCK_ERROR_FAILED,
                   _("Heard could not make sure it is the only one using these records "
                     "(%s): %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      saved_errno = errno;
      close (fd);

      if (saved_errno == EWOULDBLOCK)
        g_set_error_literal (error, HEARD_FOLDER_LOCK_ERROR, HEARD_FOLDER_LOCK_ERROR_BUSY,
                             _("Heard is already open with these records, perhaps in "
                               "another window. Carry on there; nothing here has been "
                               "opened or changed. Once that Heard is closed, choose "
                               "Try Again."));
      else
        g_set_error (error, HEARD_FOLDER_LOCK_ERROR, HEARD_FOLDER_LOCK_ERROR_FAILED,
                     _("Heard could not make sure it is the only one using these records "
                       "(%s): %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  /* A lock file left with looser permissions by someone else is closed up. */
  if (fchmod (fd, 0600) != 0)
    g_debug ("Could not make %s private: %s", path, g_strerror (errno));

  lock = g_new0 (HeardFolderLock, 1);
  lock->fd = fd;

  return lock;
}

/* Lets go of the folder. Closing an empty file never waits on the disk. */
void
heard_folder_lock_release (HeardFolderLock *lock)
{
  if (lock == NULL)
    return;

  close (lock->fd);
  g_free (lock);
}

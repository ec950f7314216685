/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-fault-vfs"

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "heard-fault-vfs.h"

/*
 * A disk that fills up, fails or refuses, on any machine and without root:
 * a thin SQLite VFS in front of the default one that passes every call
 * through, except that, when armed, the Nth write, sync, truncate or open
 * fails as the operating system would have made it fail. SQLCipher encrypts
 * pages above the VFS, so what passes through here is already ciphertext.
 * Test-only; Heard itself never sees it except as the process's default.
 */

#define FAULT_VFS_NAME "heard-fault"

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;
} FaultFile;

typedef struct
{
  GMutex          lock;
  HeardFaultOps   ops;
  guint           nth;
  HeardFaultKind  kind;
  gboolean        persistent;
  guint           seen;
  guint           injected;
} FaultPlan;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs fault_vfs;
static FaultPlan plan;

/* Counts @op if it is armed, and says whether it is to fail. */
static gboolean
should_fail (HeardFaultOps   op,
             HeardFaultKind *kind)
{
  gboolean fail = FALSE;

  g_mutex_lock (&plan.lock);
  if ((plan.ops & op) != 0)
    {
      plan.seen++;
      fail = plan.seen == plan.nth || (plan.persistent && plan.seen > plan.nth);
      if (fail)
        {
          plan.injected++;
          *kind = plan.kind;
        }
    }
  g_mutex_unlock (&plan.lock);

  return fail;
}

static int
fault_code (HeardFaultKind kind,
            int            io_error)
{
  switch (kind)
    {
    case HEARD_FAULT_DISK_FULL:
      return SQLITE_FULL;
    case HEARD_FAULT_IO_ERROR:
      return io_error;
    case HEARD_FAULT_READ_ONLY:
      return SQLITE_READONLY;
    case HEARD_FAULT_DENIED:
      return SQLITE_PERM;
    default:
      g_assert_not_reached ();
    }
}

static sqlite3_file *
real_file (sqlite3_file *file)
{
  return ((FaultFile *) file)->real;
}

static int
fault_close (sqlite3_file *file)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xClose (real);
}

static int
fault_read (sqlite3_file *file,
            void         *buffer,
            int           amount,
            sqlite3_int64 offset)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xRead (real, buffer, amount, offset);
}

static int
fault_write (sqlite3_file *file,
             const void   *buffer,
             int           amount,
             sqlite3_int64 offset)
{
  sqlite3_file *real = real_file (file);
  HeardFaultKind kind;

  if (should_fail (HEARD_FAULT_WRITE, &kind))
    {
      /* A full disk takes what fits and refuses the rest: a torn write. */
      if (kind == HEARD_FAULT_DISK_FULL && amount > 1)
        real->pMethods->xWrite (real, buffer, amount / 2, offset);
      return fault_code (kind, SQLITE_IOERR_WRITE);
    }

  return real->pMethods->xWrite (real, buffer, amount, offset);
}

static int
fault_truncate (sqlite3_file  *file,
                sqlite3_int64  size)
{
  sqlite3_file *real = real_file (file);
  HeardFaultKind kind;

  if (should_fail (HEARD_FAULT_TRUNCATE, &kind))
    return fault_code (kind, SQLITE_IOERR_TRUNCATE);

  return real->pMethods->xTruncate (real, size);
}

static int
fault_sync (sqlite3_file *file,
            int           flags)
{
  sqlite3_file *real = real_file (file);
  HeardFaultKind kind;

  if (should_fail (HEARD_FAULT_SYNC, &kind))
    return fault_code (kind, SQLITE_IOERR_FSYNC);

  return real->pMethods->xSync (real, flags);
}

static int
fault_file_size (sqlite3_file  *file,
                 sqlite3_int64 *size)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xFileSize (real, size);
}

static int
fault_lock (sqlite3_file *file,
            int           level)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xLock (real, level);
}

static int
fault_unlock (sqlite3_file *file,
              int           level)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xUnlock (real, level);
}

static int
fault_check_reserved_lock (sqlite3_file *file,
                           int          *reserved)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xCheckReservedLock (real, reserved);
}

static int
fault_file_control (sqlite3_file *file,
                    int           op,
                    void         *arg)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xFileControl (real, op, arg);
}

static int
fault_sector_size (sqlite3_file *file)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xSectorSize (real);
}

static int
fault_device_characteristics (sqlite3_file *file)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xDeviceCharacteristics (real);
}

static int
fault_shm_map (sqlite3_file  *file,
               int            region,
               int            size,
               int            extend,
               void volatile **memory)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xShmMap (real, region, size, extend, memory);
}

static int
fault_shm_lock (sqlite3_file *file,
                int           offset,
                int           n,
                int           flags)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xShmLock (real, offset, n, flags);
}

static void
fault_shm_barrier (sqlite3_file *file)
{
  sqlite3_file *real = real_file (file);

  real->pMethods->xShmBarrier (real);
}

static int
fault_shm_unmap (sqlite3_file *file,
                 int           delete_flag)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xShmUnmap (real, delete_flag);
}

static int
fault_fetch (sqlite3_file  *file,
             sqlite3_int64  offset,
             int            amount,
             void         **pointer)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xFetch (real, offset, amount, pointer);
}

static int
fault_unfetch (sqlite3_file  *file,
               sqlite3_int64  offset,
               void          *pointer)
{
  sqlite3_file *real = real_file (file);

  return real->pMethods->xUnfetch (real, offset, pointer);
}

static const sqlite3_io_methods fault_methods = {
  .iVersion = 3,
  .xClose = fault_close,
  .xRead = fault_read,
  .xWrite = fault_write,
  .xTruncate = fault_truncate,
  .xSync = fault_sync,
  .xFileSize = fault_file_size,
  .xLock = fault_lock,
  .xUnlock = fault_unlock,
  .xCheckReservedLock = fault_check_reserved_lock,
  .xFileControl = fault_file_control,
  .xSectorSize = fault_sector_size,
  .xDeviceCharacteristics = fault_device_characteristics,
  .xShmMap = fault_shm_map,
  .xShmLock = fault_shm_lock,
  .xShmBarrier = fault_shm_barrier,
  .xShmUnmap = fault_shm_unmap,
  .xFetch = fault_fetch,
  .xUnfetch = fault_unfetch,
};

static int
fault_open (sqlite3_vfs  *vfs,
            const char   *name,
            sqlite3_file *file,
            int           flags,
            int          *out_flags)
{
  FaultFile *self = (FaultFile *) file;
  HeardFaultKind kind;
  int rc;

  self->base.pMethods = NULL;
  self->real = (sqlite3_file *) (self + 1);

  if (should_fail (HEARD_FAULT_OPEN, &kind))
    {
      /* On a read-only file system the unix VFS opens an existing database
       * read-only instead; anything it would have to create cannot be. */
      if (kind == HEARD_FAULT_READ_ONLY && (flags & SQLITE_OPEN_MAIN_DB) != 0 &&
          (flags & SQLITE_OPEN_READWRITE) != 0)
        flags = (flags & ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_READONLY;
      else
        return SQLITE_CANTOPEN;
    }

  rc = real_vfs->xOpen (real_vfs, name, self->real, flags, out_flags);
  /* SQLite closes a file whose methods are set, even after a failed open. */
  if (self->real->pMethods != NULL)
    self->base.pMethods = &fault_methods;

  return rc;
}

static int
fault_delete (sqlite3_vfs *vfs,
              const char  *name,
              int          sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
fault_access (sqlite3_vfs *vfs,
              const char  *name,
              int          flags,
              int         *result)
{
  return real_vfs->xAccess (real_vfs, name, flags, result);
}

static int
fault_full_pathname (sqlite3_vfs *vfs,
                     const char  *name,
                     int          size,
                     char        *out)
{
  return real_vfs->xFullPathname (real_vfs, name, size, out);
}

static void *
fault_dl_open (sqlite3_vfs *vfs,
               const char  *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
fault_dl_error (sqlite3_vfs *vfs,
                int          size,
                char        *message)
{
  real_vfs->xDlError (real_vfs, size, message);
}

static void (*fault_dl_sym (sqlite3_vfs *vfs,
                            void        *handle,
                            const char  *symbol)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, symbol);
}

static void
fault_dl_close (sqlite3_vfs *vfs,
                void        *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
fault_randomness (sqlite3_vfs *vfs,
                  int          size,
                  char        *out)
{
  return real_vfs->xRandomness (real_vfs, size, out);
}

static int
fault_sleep (sqlite3_vfs *vfs,
             int          microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
fault_current_time (sqlite3_vfs *vfs,
                    double      *now)
{
  return real_vfs->xCurrentTime (real_vfs, now);
}

static int
fault_get_last_error (sqlite3_vfs *vfs,
                      int          size,
                      char        *message)
{
  return real_vfs->xGetLastError (real_vfs, size, message);
}

static int
fault_current_time_int64 (sqlite3_vfs   *vfs,
                          sqlite3_int64 *now)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, now);
}

void
heard_fault_vfs_install (void)
{
  if (real_vfs != NULL)
    return;

  g_assert_cmpint (sqlite3_initialize (), ==, SQLITE_OK);
  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  g_assert_cmpint (real_vfs->iVersion, >=, 2);

  fault_vfs.iVersion = 2;
  fault_vfs.szOsFile = (int) sizeof (FaultFile) + real_vfs->szOsFile;
  fault_vfs.mxPathname = real_vfs->mxPathname;
  fault_vfs.zName = FAULT_VFS_NAME;
  fault_vfs.xOpen = fault_open;
  fault_vfs.xDelete = fault_delete;
  fault_vfs.xAccess = fault_access;
  fault_vfs.xFullPathname = fault_full_pathname;
  fault_vfs.xDlOpen = fault_dl_open;
  fault_vfs.xDlError = fault_dl_error;
  fault_vfs.xDlSym = fault_dl_sym;
  fault_vfs.xDlClose = fault_dl_close;
  fault_vfs.xRandomness = fault_randomness;
  fault_vfs.xSleep = fault_sleep;
  fault_vfs.xCurrentTime = fault_current_time;
  fault_vfs.xGetLastError = fault_get_last_error;
  fault_vfs.xCurrentTimeInt64 = fault_current_time_int64;

  g_assert_cmpint (sqlite3_vfs_register (&fault_vfs, 1), ==, SQLITE_OK);
  g_assert_true (sqlite3_vfs_find (NULL) == &fault_vfs);
}

const char *
heard_fault_vfs_real_name (void)
{
  g_assert_nonnull (real_vfs);

  return real_vfs->zName;
}

void
heard_fault_vfs_arm (HeardFaultOps  ops,
                     guint          nth,
                     HeardFaultKind kind,
                     gboolean       persistent)
{
  g_assert_nonnull (real_vfs);
  g_assert_cmpuint (nth, >, 0);

  g_mutex_lock (&plan.lock);
  plan.ops = ops;
  plan.nth = nth;
  plan.kind = kind;
  plan.persistent = persistent;
  plan.seen = 0;
  plan.injected = 0;
  g_mutex_unlock (&plan.lock);
}

void
heard_fault_vfs_disarm (void)
{
  g_mutex_lock (&plan.lock);
  plan.ops = 0;
  g_mutex_unlock (&plan.lock);
}

guint
heard_fault_vfs_get_seen (void)
{
  guint seen;

  g_mutex_lock (&plan.lock);
  seen = plan.seen;
  g_mutex_unlock (&plan.lock);

  return seen;
}

guint
heard_fault_vfs_get_injected (void)
{
  guint injected;

  g_mutex_lock (&plan.lock);
  injected = plan.injected;
  g_mutex_unlock (&plan.lock);

  return injected;
}

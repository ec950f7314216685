/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The file operations a fault can hit; or them together. */
typedef enum
{
  HEARD_FAULT_WRITE    = 1 << 0,
  HEARD_FAULT_SYNC     = 1 << 1,
  HEARD_FAULT_TRUNCATE = 1 << 2,
  HEARD_FAULT_OPEN     = 1 << 3,
} HeardFaultOps;

#define HEARD_FAULT_CHANGES (HEARD_FAULT_WRITE | HEARD_FAULT_SYNC | HEARD_FAULT_TRUNCATE)

/* What the operating system answers. */
typedef enum
{
  HEARD_FAULT_DISK_FULL,  /* ENOSPC: SQLITE_FULL; a write puts half its bytes down first */
  HEARD_FAULT_IO_ERROR,   /* EIO: SQLITE_IOERR_WRITE, _FSYNC, _TRUNCATE */
  HEARD_FAULT_READ_ONLY,  /* EROFS: SQLITE_READONLY; an open for writing falls back to
                           * read-only as the unix VFS does, a new file cannot be made */
  HEARD_FAULT_DENIED,     /* EACCES: SQLITE_PERM; an open is SQLITE_CANTOPEN */
} HeardFaultKind;

/* Puts the fault-injecting VFS in front of SQLite's default one, as the new
 * default of this process, so that every connection (the store's too) goes
 * through it. It passes everything through until armed. Idempotent. */
void         heard_fault_vfs_install   (void);

/* The VFS underneath, to open a file exactly as Heard would without faults. */
const char  *heard_fault_vfs_real_name (void);

/* From now on, the @nth (1-based) operation among @ops fails with @kind,
 * and, when @persistent, every one of @ops after it too (a disk that stays
 * full), until heard_fault_vfs_disarm(). Resets the counters. */
void         heard_fault_vfs_arm       (HeardFaultOps  ops,
                                        guint          nth,
                                        HeardFaultKind kind,
                                        gboolean       persistent);
void         heard_fault_vfs_disarm    (void);

/* Operations among the armed ones seen since heard_fault_vfs_arm(), and
 * how many of them failed. */
guint        heard_fault_vfs_get_seen     (void);
guint        heard_fault_vfs_get_injected (void);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-files"

#include "config.h"

/* renameat2() and its RENAME_NOREPLACE and RENAME_EXCHANGE. */
#define _GNU_SOURCE 1

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "heard-files.h"

/*
 * The few file-system steps that the records, their backups, a restore and
 * the practice records all take to leave nothing half-done behind a crash
 * or a full disk: flush a file or folder, rename without replacing, swap
 * two folders in one step, remove a private folder, and tell what a killed
 * process left behind. One home for them, so that each is done the same
 * careful way everywhere.
 */

/* A temporary file untouched for this long is abandoned, whoever made it. */
#define TEMP_ABANDONED_AFTER (7 * G_TIME_SPAN_DAY)

gboolean
heard_files_sync (const char *path)
{
  int fd;
  int saved_errno = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  if (fsync (fd) != 0 && errno != EINVAL)
    saved_errno = errno;
  close (fd);

  errno = saved_errno;
  return saved_errno == 0;
}

gboolean
heard_files_rename_no_replace (const char *from,
                               const char *to)
{
  g_return_val_if_fail (from != NULL, FALSE);
  g_return_val_if_fail (to != NULL, FALSE);

#ifdef RENAME_NOREPLACE
  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return TRUE;
  if (errno != EINVAL && errno != ENOSYS)
    return FALSE;
#endif

  /* Where the file system cannot, a hard link refuses an existing name
   * too; a folder has none, so the name is looked at first. */
  if (!g_file_test (from, G_FILE_TEST_IS_DIR))
    {
      if (link (from, to) != 0)
        return FALSE;
      g_unlink (from);
      return TRUE;
    }
  if (g_file_test (to, G_FILE_TEST_EXISTS))
    {
      errno = EEXIST;
      return FALSE;
    }

  return g_rename (from, to) == 0;
}

gboolean
heard_files_exchange (const char *a,
                      const char *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

#ifdef RENAME_EXCHANGE
  return renameat2 (AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) == 0;
#else
  errno = ENOSYS;
  return FALSE;
#endif
}

void
heard_files_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  GStatBuf info;
  const char *name;

  g_return_if_fail (path != NULL);

  if (g_lstat (path, &info) != 0)
    return;

  if (!S_ISDIR (info.st_mode))
    {
      if (g_unlink (path) != 0)
        g_warning ("Could not remove %s: %s", path, g_strerror (errno));
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      heard_files_remove_tree (child);
    }

  if (g_rmdir (path) != 0)
    g_warning ("Could not remove %s: %s", path, g_strerror (errno));
}

/* This computer's name as it stands in a tag: never a '-' or '@', which
 * end the tag's parts, nor a '/'. */
static const char *
tag_host (void)
{
  static char *host;

  if (g_once_init_enter (&host))
    {
      char *name = g_strdup (g_get_host_name ());

      g_strcanon (name, G_CSET_A_2_Z G_CSET_a_2_z G_CSET_DIGITS ".", '_');
      g_once_init_leave (&host, name);
    }

  return host;
}

char *
heard_files_temp_tag (GPid pid)
{
  return g_strdup_printf ("%d@%s-", (int) pid, tag_host ());
}

gboolean
heard_files_temp_abandoned (const char *path,
                            const char *tagged)
{
  const char *host = tag_host ();
  GStatBuf info;
  char *end = NULL;
  guint64 pid;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (tagged != NULL, FALSE);

  if (g_lstat (path, &info) != 0)
    return FALSE;
  if (g_get_real_time () - (gint64) info.st_mtime * G_USEC_PER_SEC > TEMP_ABANDONED_AFTER)
    return TRUE;

  /* Only a process of this computer can be known to be gone. */
  pid = g_ascii_strtoull (tagged, &end, 10);
  if (end == tagged || pid == 0 || pid > G_MAXINT || *end != '@' ||
      !g_str_has_prefix (end + 1, host) || end[1 + strlen (host)] != '-')
    return FALSE;

  return kill ((pid_t) pid, 0) != 0 && errno == ESRCH;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-secure"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <sodium.h>

#include "heard-files.h"
#include "heard-secure.h"

/*
 * Process-wide protections for a program that holds children's records in
 * memory: no core dumps (they would write decrypted pages to disk) and an
 * initialised libsodium for key handling.
 */
gboolean
heard_secure_init (GError **error)
{
  struct rlimit no_core = { 0, 0 };

  if (sodium_init () < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Heard could not start its encryption library."));
      return FALSE;
    }

  if (setrlimit (RLIMIT_CORE, &no_core) != 0)
    g_warning ("Could not disable core dumps: %s", g_strerror (errno));

  if (prctl (PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
    g_warning ("Could not mark the process undumpable: %s", g_strerror (errno));

  return TRUE;
}

void
heard_secure_free_string (char *secret)
{
  if (secret == NULL)
    return;

  sodium_memzero (secret, strlen (secret));
  g_free (secret);
}

void
heard_secure_random (guint8 *buffer,
                     gsize   length)
{
  gsize filled = 0;

  /* getrandom() blocks only until the kernel pool is first seeded. */
  while (filled < length)
    {
      ssize_t got = getrandom (buffer + filled, length - filled, 0);

      if (got < 0)
        {
          if (errno == EINTR)
            continue;
          g_error ("The system random number generator failed: %s", g_strerror (errno));
        }
      filled += (gsize) got;
    }
}

gboolean
heard_secure_write_file (const char  *path,
                         const char  *contents,
                         gsize        length,
                         GError     **error)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);

  if (!g_file_set_contents_full (path, contents != NULL ? contents : "", (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;

  /* The rename itself is only durable once the folder is. */
  folder = g_path_get_dirname (path);
  if (!heard_files_sync (folder))
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Heard could not finish writing %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

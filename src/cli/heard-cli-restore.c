/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-backup.h"
#include "heard-cli.h"
#include "heard-context.h"
#include "heard-secure.h"

/*
 * heard-cli restore FILE: the records of a backup put in the records
 * folder by the same code as Heard's (heard_restore_async()): the records
 * that were there are moved aside, never overwritten, and the folder they
 * went to is printed. When this computer's keyring has no key for the
 * backup, the recovery code is read from standard input. A folder another
 * Heard has open is refused, and so is a practice folder: real records are
 * never put among fictional ones.
 */

static char *
restore (const char  *data_dir,
         const char  *path,
         const char  *code,
         GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_restore_async (data_dir, path, code, NULL, heard_cli_result_cb, &result);
  heard_cli_wait (&result);

  return heard_restore_finish (result, error);
}

int
heard_cli_restore (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *moved_to = NULL;
  int status;

  g_option_context_set_summary (context,
                                _("Restores the records of the backup FILE. The records there "
                                  "now are moved aside\nand kept, never overwritten. When this "
                                  "computer's keyring lacks the backup's\nkey, give the "
                                  "recovery code on standard input. Close Heard first."));
  status = heard_cli_parse (context, &data_dir, heard_context_default_data_dir, NULL, &argc,
                            &argv, 1, 1);
  if (status >= 0)
    return status;

  moved_to = restore (data_dir, argv[1], NULL, &error);
  if (g_error_matches (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_NEEDS_KEY))
    {
      g_autoptr(HeardSecretString) code = heard_cli_read_secret (_("Recovery code: "));

      if (code == NULL)
        return heard_cli_fail (HEARD_CLI_EXIT_LOCKED, "%s %s", error->message,
                               _("Give the records' recovery code on standard input."));
      g_clear_error (&error);
      moved_to = restore (data_dir, argv[1], code, &error);
    }
  if (g_error_matches (error, HEARD_BACKUP_ERROR, HEARD_BACKUP_ERROR_PRACTICE_FOLDER))
    return heard_cli_fail (HEARD_CLI_EXIT_REFUSED, "%s %s", error->message,
                           _("Leave out --data-dir for Heard's own folder, or name the "
                             "real records' folder with it."));
  if (error != NULL)
    return heard_cli_fail_with_error (error);

  if (moved_to != NULL)
    g_print (_("Restored. The records that were there are kept in %s\n"), moved_to);
  else
    g_print ("%s\n", _("Restored. There were no records there before."));

  return HEARD_CLI_EXIT_OK;
}

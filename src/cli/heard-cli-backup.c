/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-cli"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <glib-unix.h>
#include <glib/gi18n.h>

#include "heard-backup.h"
#include "heard-backup-service-private.h"
#include "heard-cli.h"
#include "heard-context.h"

/*
 * heard-cli backup [FOLDER]: a backup made by the same code as Heard's own
 * (heard_backup_write_async(), then the same pruning), of the records
 * opened read-only, so it runs beside a Heard that has them open. Without
 * FOLDER it goes to the folder chosen in Heard's Preferences for these
 * records. Progress goes to standard error when that is a terminal; the
 * new file's path to standard output. Ctrl+C (or SIGTERM) stops it as a
 * lock stops Heard's: no new file, the old ones as they were.
 */

static gboolean
interrupted_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);

  return G_SOURCE_CONTINUE;
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  g_printerr ("\r%s %3d%%", _("Backing up…"), (int) (fraction * 100.0 + 0.5));
}

int
heard_cli_backup (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[FOLDER]"));
  g_autoptr(HeardBackupSummary) summary = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  HeardCliRecords records = { 0 };
  guint interrupt, terminate;
  gboolean show_progress = isatty (STDERR_FILENO);
  int status;

  g_option_context_set_summary (context,
                                _("Backs the records up into FOLDER (else the backup folder "
                                  "chosen in Heard's\nPreferences), as Heard does: one "
                                  "encrypted file, checked before it gets its\nname, and the "
                                  "old backups pruned. Works while Heard is open."));
  status = heard_cli_parse (context, &data_dir, heard_context_default_data_dir, NULL, &argc,
                            &argv, 0, 1);
  if (status >= 0)
    return status;

  status = heard_cli_open_records (data_dir, &records);
  if (status >= 0)
    return status;

  if (heard_unlock_flow_get_practice (records.flow))
    status = heard_cli_fail (HEARD_CLI_EXIT_REFUSED, "%s",
                             _("Practice records are never backed up."));
  else if ((folder = argc > 1 ? g_strdup (argv[1])
                              : _heard_backup_service_read_folder (data_dir)) == NULL)
    status = heard_cli_fail (HEARD_CLI_EXIT_USAGE, "%s",
                             _("No backup folder is chosen for these records; name one, as "
                               "in heard-cli backup FOLDER."));
  if (status >= 0)
    {
      heard_cli_records_clear (&records);
      return status;
    }

  interrupt = g_unix_signal_add (SIGINT, interrupted_cb, cancellable);
  terminate = g_unix_signal_add (SIGTERM, interrupted_cb, cancellable);
  heard_backup_write_async (records.opened->store, records.opened->key,
                            heard_unlock_flow_get_uuid (records.flow), folder,
                            show_progress ? progress_cb : NULL, NULL, NULL, cancellable,
                            heard_cli_result_cb, &result);
  heard_cli_wait (&result);
  summary = heard_backup_write_finish (result, &error);
  g_clear_object (&result);
  g_source_remove (interrupt);
  g_source_remove (terminate);
  if (show_progress)
    g_printerr ("\n");
  heard_cli_records_clear (&records);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return heard_cli_fail (HEARD_CLI_EXIT_IO, "%s",
                           _("The backup was stopped: no new file was made, and the old "
                             "backups are as they were."));
  if (summary == NULL)
    return heard_cli_fail_with_error (error);

  /* The new backup is whole whatever pruning finds, as in Heard. */
  now = g_date_time_new_now_utc ();
  heard_backup_prune_async (folder, summary->uuid, now, NULL, heard_cli_result_cb, &result);
  heard_cli_wait (&result);
  if (!heard_backup_prune_finish (result, NULL, &error))
    g_printerr (_("heard-cli: The backup is made, but old backups could not be removed: %s\n"),
                error->message);

  g_print ("%s\n", summary->path);

  return HEARD_CLI_EXIT_OK;
}

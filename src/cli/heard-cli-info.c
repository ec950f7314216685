/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-backup.h"
#include "heard-backup-service-private.h"
#include "heard-cli.h"
#include "heard-context.h"
#include "heard-sqlite-store.h"

/*
 * heard-cli info: what the records are, for whoever looks after them:
 * their folder, whether they are practice records, versions, how many
 * records of each kind there are and their newest backup.
 * Numbers only: never a name, a date of birth or anyone's words.
 */

/* The newest backup of these records in their backup folder, found as
 * Heard finds it (from the files' names and plain headers, no key). */
static char *
describe_last_backup (const char *data_dir,
                      const char *uuid,
                      gboolean    practice)
{
  g_autofree char *folder = NULL;
  g_autoptr(HeardBackupSummary) newest = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;

  if (practice)
    return g_strdup (_("never (practice records are not backed up)"));

  folder = _heard_backup_service_read_folder (data_dir);
  if (folder == NULL || uuid == NULL)
    return g_strdup (_("not known. No backup folder is chosen in Heard, so automatic "
                       "backups are off; a backup made by hand into a folder (heard-cli "
                       "backup FOLDER) is not tracked."));

  heard_backup_find_newest_async (folder, uuid, NULL, heard_cli_result_cb, &result);
  heard_cli_wait (&result);
  newest = heard_backup_find_newest_finish (result, &error);
  if (error != NULL)
    return g_strdup_printf (_("unknown (%s)"), error->message);
  if (newest == NULL)
    return g_strdup_printf (_("none in %s"), folder);

  when = g_date_time_format_iso8601 (newest->created);
  return g_strdup_printf ("%s (%s)", when, newest->path);
}

int
heard_cli_info (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(HeardSqliteStoreFacts) facts = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  HeardCliRecords records = { 0 };
  g_autofree char *uuid = NULL;
  g_autofree char *last_backup = NULL;
  HeardSqliteStore *store;
  gboolean practice;
  int status;

  g_option_context_set_summary (context,
                                _("Says what the records are: their folder, the versions of "
                                  "their schema and\ncipher, and how many records of each "
                                  "kind they hold. Nothing personal is shown."));
  status = heard_cli_parse (context, &data_dir, heard_context_default_data_dir, NULL, &argc,
                            &argv, 0, 0);
  if (status >= 0)
    return status;

  status = heard_cli_open_records (data_dir, &records);
  if (status >= 0)
    return status;

  store = HEARD_SQLITE_STORE (records.opened->store);
  heard_sqlite_store_read_facts_async (store, NULL, heard_cli_result_cb, &result);
  heard_cli_wait (&result);
  facts = heard_sqlite_store_read_facts_finish (store, result, &error);
  practice = heard_unlock_flow_get_practice (records.flow);
  uuid = g_strdup (heard_unlock_flow_get_uuid (records.flow));
  heard_cli_records_clear (&records);
  if (facts == NULL)
    return heard_cli_fail_with_error (error);

  last_backup = describe_last_backup (data_dir, uuid, practice);

  g_print (_("Folder: %s\n"), data_dir);
  g_print (_("Practice records: %s\n"), practice ? _("yes") : _("no"));
  g_print (_("Schema version: %u\n"), facts->schema_version);
  g_print (_("Cipher: SQLCipher %s\n"),
           facts->cipher_version != NULL ? facts->cipher_version : "");
  g_print (_("Young people: %u (and %u removed)\n"), facts->n_people, facts->n_removed_people);
  g_print (_("Plans: %u\n"), facts->n_plans);
  g_print (_("Statements: %u\n"), facts->n_statements);
  g_print (_("Entries in the record of changes: %u\n"), facts->n_audit_entries);
  g_print (_("Last backup: %s\n"), last_backup);

  return HEARD_CLI_EXIT_OK;
}

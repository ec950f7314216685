/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-cli.h"
#include "heard-context.h"
#include "heard-sqlite-store.h"

/*
 * heard-cli info: what the records are, for whoever looks after them:
 * their folder, versions and how many records of each kind there are.
 * Numbers only: never a name, a date of birth or anyone's words.
 */

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
  HeardSqliteStore *store;
  int status;

  g_option_context_set_summary (context,
                                _("Says what the records are: their folder, the versions of "
                                  "their schema and\ncipher, and how many records of each "
                                  "kind they hold. Nothing personal is shown."));
  status = heard_cli_parse (context, &data_dir, heard_context_default_data_dir, &argc,
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
  heard_cli_records_clear (&records);
  if (facts == NULL)
    return heard_cli_fail_with_error (error);

  g_print (_("Folder: %s\n"), data_dir);
  g_print (_("Schema version: %u\n"), facts->schema_version);
  g_print (_("Cipher: SQLCipher %s\n"), facts->cipher_version != NULL ? facts->cipher_version : "");
  g_print (_("Young people: %u (and %u removed)\n"), facts->n_people, facts->n_removed_people);
  g_print (_("Plans: %u\n"), facts->n_plans);
  g_print (_("Statements: %u\n"), facts->n_statements);
  g_print (_("Entries in the record of changes: %u\n"), facts->n_audit_entries);

  return HEARD_CLI_EXIT_OK;
}

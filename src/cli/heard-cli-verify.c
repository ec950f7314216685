/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-audit-guard.h"
#include "heard-cli.h"
#include "heard-context.h"
#include "heard-store.h"

/*
 * heard-cli verify: the full health check of the records file, then the
 * audit trail checked as Heard checks it at every start (the audit guard:
 * the chain, its anchor outside the file, every kept record against its
 * seal). Exit status 0 only if both hold; otherwise the first problem,
 * which names the first broken entry of the record of changes.
 */

static int
check_integrity (HeardStore *store)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  heard_store_check_integrity_async (store, NULL, heard_cli_result_cb, &result);
  heard_cli_wait (&result);
  if (!heard_store_check_integrity_finish (store, result, &error))
    return heard_cli_fail (error->domain == HEARD_STORE_ERROR ? HEARD_CLI_EXIT_IO
                                                              : HEARD_CLI_EXIT_VERIFY_FAILED,
                           "%s", error->message);

  return -1;
}

static int
check_audit (HeardCliRecords *records,
             guint           *n_entries)
{
  g_autoptr(HeardAuditGuard) guard = heard_audit_guard_new (records->flow);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  /* Opening finds the anchor as a start does (a damaged note is a problem
   * kept, not returned); the check below checks the trail against it and
   * returns any problem. */
  heard_audit_guard_open_async (guard, records->opened->store, records->opened->key, NULL,
                                heard_cli_result_cb, &result);
  heard_cli_wait (&result);
  if (!heard_audit_guard_open_finish (guard, result, &error))
    status = heard_cli_fail_with_error (error);
  g_clear_object (&result);

  if (status < 0)
    {
      heard_audit_guard_verify_async (guard, NULL, heard_cli_result_cb, &result);
      heard_cli_wait (&result);
      if (!heard_audit_guard_verify_finish (guard, result, n_entries, &error))
        status = heard_cli_fail_with_error (error);
    }

  heard_audit_guard_close (guard);

  return status;
}

int
heard_cli_verify (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autofree char *data_dir = NULL;
  HeardCliRecords records = { 0 };
  guint n_entries = 0;
  int status;

  g_option_context_set_summary (context,
                                _("Runs the full health check of the records file and checks "
                                  "their record of\nchanges (the audit trail) against its "
                                  "anchor. Exits with 0 only if both hold;\notherwise names "
                                  "the first problem, such as the first altered entry."));
  status = heard_cli_parse (context, &data_dir, heard_context_default_data_dir, NULL, &argc,
                            &argv, 0, 0);
  if (status >= 0)
    return status;

  status = heard_cli_open_records (data_dir, &records);
  if (status < 0)
    status = check_integrity (records.opened->store);
  if (status < 0)
    status = check_audit (&records, &n_entries);
  heard_cli_records_clear (&records);

  if (status >= 0)
    return status;

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "The records file is healthy and its record of changes holds "
                        "(%u entry).\n",
                        "The records file is healthy and its record of changes holds "
                        "(%u entries).\n", n_entries), n_entries);

  return HEARD_CLI_EXIT_OK;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-audit-guard.h"
#include "heard-cli.h"
#include "heard-secure.h"
#include "heard-store.h"

/*
 * The records opened for heard-cli's commands, the way Heard opens them:
 * the unlock flow takes the key from the keyring once the caseworker's own
 * passphrase is given, or asks here for the recovery code or passphrase on
 * standard input (the first line).
 *
 * For reading (heard_unlock_flow_new_read_only()) it takes no lock, so it
 * works beside a Heard that has the same records open, and it writes
 * nothing: no heard.ini, no keyring entry, never new records.
 *
 * For writing (heard_unlock_flow_new_existing(), heard-cli export) it is
 * Heard itself as far as the records can tell: it takes the folder's lock
 * (refused while Heard has them open), its audit guard checks the trail
 * against its anchor before anything is written (a problem found holds
 * writing), and once the writes are done the guard notes the new anchor,
 * as Heard does when it locks or quits. It never makes records either.
 */

static HeardLockState
finish_step (HeardCliRecords  *records,
             GAsyncResult    **result,
             char            **message,
             GError          **error)
{
  HeardLockState state;

  heard_cli_wait (result);
  g_clear_pointer (message, g_free);
  state = heard_unlock_flow_finish (records->flow, *result, &records->opened, message, error);
  g_clear_object (result);

  return state;
}

/* Asks for what @state needs on standard input and tries it once. */
static int
unlock_with_secret (HeardCliRecords  *records,
                    HeardLockState    state,
                    const char       *why)
{
  gboolean passphrase = state == HEARD_LOCK_STATE_NEEDS_PASSPHRASE;
  g_autoptr(HeardSecretString) secret = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  secret = heard_cli_read_secret (passphrase ? _("Passphrase: ") : _("Recovery code: "));
  if (secret == NULL && passphrase)
    return heard_cli_fail (HEARD_CLI_EXIT_LOCKED, "%s",
                           _("These records are protected by a passphrase; give it on "
                             "standard input."));
  if (secret == NULL)
    return heard_cli_fail (HEARD_CLI_EXIT_LOCKED, "%s %s",
                           why != NULL ? why : _("The keyring that holds their key is locked."),
                           _("Give the records' recovery code on standard input."));

  if (passphrase)
    heard_unlock_flow_unlock_with_passphrase_async (records->flow, secret, NULL,
                                                    heard_cli_result_cb, &result);
  else
    heard_unlock_flow_unlock_with_recovery_code_async (records->flow, secret, NULL,
                                                       heard_cli_result_cb, &result);
  state = finish_step (records, &result, &message, &error);

  if (error != NULL)
    return heard_cli_fail (HEARD_CLI_EXIT_LOCKED, "%s", error->message);
  if (records->opened != NULL)
    return -1;
  if (state == HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE || state == HEARD_LOCK_STATE_NEEDS_PASSPHRASE)
    return heard_cli_fail (HEARD_CLI_EXIT_LOCKED, "%s",
                           message != NULL ? message : _("That does not open these records."));

  return heard_cli_fail (HEARD_CLI_EXIT_UNUSABLE, "%s",
                         message != NULL ? message : _("The records could not be opened."));
}

/* Asks for the caseworker's passphrase on standard input and tries it
 * once: only then is the key read from the keyring. */
static int
unlock_with_caseworker_passphrase (HeardCliRecords *records)
{
  g_autoptr(HeardSecretString) secret = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  HeardLockState state;

  secret = heard_cli_read_secret (_("Your passphrase: "));
  if (secret == NULL)
    return heard_cli_fail (HEARD_CLI_EXIT_LOCKED, "%s",
                           _("These records are locked with the caseworker's own passphrase. "
                             "Give it as the first line of standard input."));

  heard_unlock_flow_unlock_with_caseworker_passphrase_async (records->flow, secret, NULL,
                                                             heard_cli_result_cb, &result);
  state = finish_step (records, &result, &message, &error);

  if (error != NULL)
    return heard_cli_fail (HEARD_CLI_EXIT_LOCKED, "%s", error->message);
  if (records->opened != NULL)
    return -1;
  /* The passphrase was right, but the key is not to be had from the
   * keyring: the recovery code may come on the next line. */
  if (state == HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE || state == HEARD_LOCK_STATE_KEYRING_LOCKED)
    return unlock_with_secret (records, state, message);

  return heard_cli_fail (HEARD_CLI_EXIT_UNUSABLE, "%s",
                         message != NULL ? message : _("The records could not be opened."));
}

/* Returns -1 with @records open through @flow (taken), or the status to
 * exit with (said). */
static int
open_with_flow (HeardCliRecords *records,
                HeardUnlockFlow *flow)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  HeardLockState state;

  records->flow = flow;
  heard_unlock_flow_start_async (records->flow, NULL, heard_cli_result_cb, &result);
  state = finish_step (records, &result, &message, &error);

  if (error != NULL)
    return heard_cli_fail_with_error (error);
  if (records->opened != NULL)
    return -1;

  switch (state)
    {
    case HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE:
    case HEARD_LOCK_STATE_KEYRING_LOCKED:
    case HEARD_LOCK_STATE_NEEDS_PASSPHRASE:
      return unlock_with_secret (records, state, message);

    case HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE:
      return unlock_with_caseworker_passphrase (records);

    case HEARD_LOCK_STATE_FAILED:
      if (!heard_unlock_flow_get_records_exist (records->flow))
        return heard_cli_fail (HEARD_CLI_EXIT_NO_RECORDS, "%s", message);
      return heard_cli_fail (HEARD_CLI_EXIT_UNUSABLE, "%s", message);

    /* Only a writer takes the lock, and so finds it taken. */
    case HEARD_LOCK_STATE_ALREADY_OPEN:
      return heard_cli_fail (HEARD_CLI_EXIT_IN_USE, "%s",
                             message != NULL ? message
                                             : _("Heard has these records open. Close it, "
                                                 "then try again."));

    case HEARD_LOCK_STATE_OPENING:
    case HEARD_LOCK_STATE_OPEN:
    case HEARD_LOCK_STATE_SHOW_RECOVERY_CODE:
    case HEARD_LOCK_STATE_NEEDS_NEW_PASSPHRASE:
    case HEARD_LOCK_STATE_NEEDS_NEW_CASEWORKER_PASSPHRASE:
    case HEARD_LOCK_STATE_LOCKED:
    default:
      return heard_cli_fail (HEARD_CLI_EXIT_UNUSABLE, "%s",
                             message != NULL ? message : _("The records could not be opened."));
    }
}

int
heard_cli_open_records (const char      *data_dir,
                        HeardCliRecords *records)
{
  g_return_val_if_fail (records != NULL && records->flow == NULL, HEARD_CLI_EXIT_USAGE);

  return open_with_flow (records, heard_unlock_flow_new_read_only (data_dir));
}

/* The audit guard's two steps, as Heard's context takes them on open:
 * the anchor found, then the trail checked against it; a trail that was
 * never anchored is anchored as it stands. */
static int
guard_records (HeardCliRecords *records)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean unanchored = FALSE;

  records->guard = heard_audit_guard_new (records->flow);
  heard_audit_guard_open_async (records->guard, records->opened->store, records->opened->key,
                                NULL, heard_cli_result_cb, &result);
  heard_cli_wait (&result);
  if (!heard_audit_guard_open_finish (records->guard, result, &error))
    return heard_cli_fail_with_error (error);
  g_clear_object (&result);

  heard_audit_guard_check_opened_async (records->guard, NULL, heard_cli_result_cb, &result);
  heard_cli_wait (&result);
  if (!heard_audit_guard_check_opened_finish (records->guard, result, &unanchored, &error))
    return heard_cli_fail_with_error (error);
  g_clear_object (&result);

  if (unanchored)
    {
      heard_audit_guard_reanchor_async (records->guard, NULL, heard_cli_result_cb, &result);
      heard_cli_wait (&result);
      if (!heard_audit_guard_reanchor_finish (records->guard, result, &error))
        return heard_cli_fail_with_error (error);
    }

  return -1;
}

int
heard_cli_open_records_for_writing (const char      *data_dir,
                                    HeardCliRecords *records)
{
  int status;

  g_return_val_if_fail (records != NULL && records->flow == NULL, HEARD_CLI_EXIT_USAGE);

  status = open_with_flow (records, heard_unlock_flow_new_existing (data_dir));
  if (status < 0)
    status = guard_records (records);

  return status;
}

int
heard_cli_records_save_anchor (HeardCliRecords *records)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (records != NULL && records->guard != NULL, HEARD_CLI_EXIT_USAGE);

  heard_audit_guard_save_anchor_async (records->guard, NULL, heard_cli_result_cb, &result);
  heard_cli_wait (&result);
  if (!heard_audit_guard_save_anchor_finish (records->guard, result, &error))
    return heard_cli_fail_with_error (error);

  return -1;
}

/* Closes the records (a reader folds nothing in), lets go of the folder's
 * lock, if taken, and wipes the key. */
void
heard_cli_records_clear (HeardCliRecords *records)
{
  if (records->guard != NULL)
    heard_audit_guard_close (records->guard);
  g_clear_object (&records->guard);

  if (records->opened != NULL)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      heard_store_close_async (records->opened->store, NULL, heard_cli_result_cb, &result);
      heard_cli_wait (&result);
      if (!heard_store_close_finish (records->opened->store, result, &error))
        g_debug ("Closing the records: %s", error->message);
    }

  g_clear_pointer (&records->opened, heard_opened_records_free);
  g_clear_object (&records->flow);
}

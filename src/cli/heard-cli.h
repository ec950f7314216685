/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-audit-guard.h"
#include "heard-unlock-flow.h"

G_BEGIN_DECLS

/*
 * What heard-cli's commands share: the exit statuses, one per kind of
 * failure (heard-cli --help prints the same table), errors said as one
 * sentence on standard error, waiting for an asynchronous call, secrets
 * read from standard input only, and the records opened read-only beside
 * any Heard that has them open, or for writing as Heard itself.
 *
 *   0  success
 *   1  usage: an unknown command, option or argument
 *   2  locked: no key for the records (the keyring lacks it, or the
 *      recovery code or passphrase on standard input is missing or wrong)
 *   3  verification failed: the records file or its record of changes
 *      does not hold
 *   4  in use: another Heard has the folder open
 *   5  input/output: a file or folder could not be read or written, or the
 *      disk is full
 *   6  no records: the folder holds no records
 *   7  unusable: the records (or a backup) are damaged, not Heard's, or of
 *      another version of Heard
 *   8  refused: the command would touch real records it must leave alone
 */
typedef enum
{
  HEARD_CLI_EXIT_OK            = 0,
  HEARD_CLI_EXIT_USAGE         = 1,
  HEARD_CLI_EXIT_LOCKED        = 2,
  HEARD_CLI_EXIT_VERIFY_FAILED = 3,
  HEARD_CLI_EXIT_IN_USE        = 4,
  HEARD_CLI_EXIT_IO            = 5,
  HEARD_CLI_EXIT_NO_RECORDS    = 6,
  HEARD_CLI_EXIT_UNUSABLE      = 7,
  HEARD_CLI_EXIT_REFUSED       = 8,
} HeardCliExit;

/* One command: its name, a line for heard-cli --help, and its body, which
 * gets the arguments after heard-cli (argv[0] is the command's name). */
typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (int    argc,
                    char **argv);
} HeardCliCommand;

int           heard_cli_verify   (int    argc,
                                  char **argv);
int           heard_cli_info     (int    argc,
                                  char **argv);
int           heard_cli_backup   (int    argc,
                                  char **argv);
int           heard_cli_restore  (int    argc,
                                  char **argv);
int           heard_cli_practice (int    argc,
                                  char **argv);
int           heard_cli_export   (int    argc,
                                  char **argv);

/* Says @format on standard error as "heard-cli: …" and returns @status. */
int           heard_cli_fail     (HeardCliExit  status,
                                  const char   *format,
                                  ...) G_GNUC_PRINTF (2, 3);
/* The status that fits @error, said on standard error. */
int           heard_cli_fail_with_error (const GError *error);

/* Parses a command's options, with --data-dir added (else the folder
 * @default_dir gives; @data_dir_help says which in --help, NULL for
 * HEARD_DATA_DIR or Heard's own), and leaves its positional arguments in
 * argv[1..]. Returns -1 to go on, or the status to exit with (0 after
 * --help). */
int           heard_cli_parse    (GOptionContext  *context,
                                  char           **data_dir,
                                  char          *(*default_dir) (void),
                                  const char      *data_dir_help,
                                  int             *argc,
                                  char          ***argv,
                                  int              min_args,
                                  int              max_args);

/* Runs the main context until the call whose result lands in *@slot
 * (through heard_cli_result_cb) has finished. */
void          heard_cli_result_cb (GObject      *object,
                                   GAsyncResult *result,
                                   gpointer      user_data);
void          heard_cli_wait      (GAsyncResult **slot);

/* A secret from standard input: prompted for on standard error without
 * echo when it is a terminal, else one line. NULL when there is none.
 * Free with heard_secure_free_string(). */
char         *heard_cli_read_secret (const char *prompt) G_GNUC_WARN_UNUSED_RESULT;

/* Records opened through the unlock flow, as Heard opens them (keyring, or
 * recovery code or passphrase on standard input). Read-only, beside any
 * Heard that has them open, nothing is written; or for writing, as Heard
 * itself: the folder's lock taken (HEARD_CLI_EXIT_IN_USE while Heard has
 * them open), the audit trail checked first by @guard, and its new anchor
 * noted by heard_cli_records_save_anchor() once the writes are done. Each
 * open returns -1 with the records open, or the status to exit with
 * (said); clear them either way. */
typedef struct
{
  HeardUnlockFlow    *flow;
  HeardOpenedRecords *opened;
  HeardAuditGuard    *guard;
} HeardCliRecords;

int           heard_cli_open_records  (const char      *data_dir,
                                       HeardCliRecords *records);
int           heard_cli_open_records_for_writing (const char      *data_dir,
                                                  HeardCliRecords *records);
int           heard_cli_records_save_anchor      (HeardCliRecords *records);
void          heard_cli_records_clear (HeardCliRecords *records);

G_END_DECLS

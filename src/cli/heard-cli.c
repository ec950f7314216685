/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-cli"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <sodium.h>

#include "heard-audit.h"
#include "heard-backup.h"
#include "heard-cli.h"
#include "heard-context.h"
#include "heard-folder-lock.h"
#include "heard-practice.h"
#include "heard-recovery-code.h"
#include "heard-secure.h"
#include "heard-sqlite-store.h"
#include "heard-store.h"

/*
 * heard-cli: Heard for the people who look after it (IT, a team lead) and
 * for scripts. Each command lives in a file of its own; this one chooses
 * the command and holds what they share (heard-cli.h): the exit statuses,
 * errors on standard error, secrets from standard input only. It links the
 * core alone, never GTK, and prints nothing personal.
 */

static const HeardCliCommand commands[] = {
  { "verify", N_("Check the records file and its record of changes"), heard_cli_verify },
  { "info", N_("Say what the records are, without anything personal"), heard_cli_info },
  { "backup", N_("Back the records up into a folder, as Heard does"), heard_cli_backup },
  { "restore", N_("Restore records from a backup, keeping the ones there"), heard_cli_restore },
  { "practice", N_("Make a set of fictional records for training"), heard_cli_practice },
  { "export", N_("Export records for someone, noted in the record of changes"),
    heard_cli_export },
};

/* The table in heard-cli.h, for heard-cli --help. */
static const char *
exit_status_text (void)
{
  return _("Exit status:\n"
           "  0  success\n"
           "  1  usage: an unknown command, option or argument\n"
           "  2  locked: no key for the records (not in the keyring, or the caseworker's\n"
           "     passphrase, recovery code or passphrase on standard input is missing\n"
           "     or wrong)\n"
           "  3  verification failed: the records file or its record of changes does not\n"
           "     hold\n"
           "  4  in use: another Heard has the folder open\n"
           "  5  input/output: a file or folder could not be read or written, or the disk\n"
           "     is full\n"
           "  6  no records: the folder holds no records\n"
           "  7  unusable: the records or the backup are damaged, not Heard's, or of another\n"
           "     version of Heard\n"
           "  8  refused: the command would touch real records it must leave alone\n");
}

static void
print_help (FILE *to)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append (text, _("Usage: heard-cli COMMAND [OPTION…] [ARGUMENT…]\n\n"
                           "Looks after Heard's records from the command line.\n\n"
                           "Commands:\n"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append (text, _("\nEvery command takes --help, and --data-dir DIR to choose the "
                           "records\n(else HEARD_DATA_DIR, else Heard's own folder). "
                           "The caseworker's\npassphrase, a recovery code or a passphrase is read from "
                           "standard input,\nnever from the command line.\n\n"));
  g_string_append (text, exit_status_text ());
  fputs (text->str, to);
}

int
heard_cli_fail (HeardCliExit  status,
                const char   *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("heard-cli: %s\n", message);

  return status;
}

static HeardCliExit
status_for_error (const GError *error)
{
  if (error->domain == HEARD_AUDIT_ERROR)
    return HEARD_CLI_EXIT_VERIFY_FAILED;

  if (error->domain == HEARD_BACKUP_ERROR)
    switch ((HeardBackupError) error->code)
      {
      case HEARD_BACKUP_ERROR_WRONG_KEY:
      case HEARD_BACKUP_ERROR_NEEDS_KEY:
        return HEARD_CLI_EXIT_LOCKED;
      case HEARD_BACKUP_ERROR_VERIFY_FAILED:
        return HEARD_CLI_EXIT_VERIFY_FAILED;
      case HEARD_BACKUP_ERROR_IN_USE:
        return HEARD_CLI_EXIT_IN_USE;
      case HEARD_BACKUP_ERROR_PRACTICE_FOLDER:
        return HEARD_CLI_EXIT_REFUSED;
      case HEARD_BACKUP_ERROR_NOT_A_BACKUP:
      case HEARD_BACKUP_ERROR_TAMPERED:
      case HEARD_BACKUP_ERROR_TOO_NEW:
        return HEARD_CLI_EXIT_UNUSABLE;
      case HEARD_BACKUP_ERROR_FOLDER:
      case HEARD_BACKUP_ERROR_DISK_FULL:
      case HEARD_BACKUP_ERROR_FAILED:
      default:
        return HEARD_CLI_EXIT_IO;
      }

  if (error->domain == HEARD_PRACTICE_ERROR)
    switch ((HeardPracticeError) error->code)
      {
      case HEARD_PRACTICE_ERROR_REAL_RECORDS:
        return HEARD_CLI_EXIT_REFUSED;
      case HEARD_PRACTICE_ERROR_IN_USE:
        return HEARD_CLI_EXIT_IN_USE;
      case HEARD_PRACTICE_ERROR_INVALID:
        return HEARD_CLI_EXIT_USAGE;
      case HEARD_PRACTICE_ERROR_FAILED:
      default:
        return HEARD_CLI_EXIT_IO;
      }

  if (error->domain == HEARD_RECOVERY_CODE_ERROR ||
      g_error_matches (error, HEARD_SQLITE_STORE_ERROR, HEARD_SQLITE_STORE_ERROR_WRONG_KEY))
    return HEARD_CLI_EXIT_LOCKED;

  if (error->domain == HEARD_SQLITE_STORE_ERROR)
    return HEARD_CLI_EXIT_UNUSABLE;

  if (g_error_matches (error, HEARD_FOLDER_LOCK_ERROR, HEARD_FOLDER_LOCK_ERROR_BUSY))
    return HEARD_CLI_EXIT_IN_USE;

  return HEARD_CLI_EXIT_IO;
}

int
heard_cli_fail_with_error (const GError *error)
{
  return heard_cli_fail (status_for_error (error), "%s", error->message);
}

int
heard_cli_parse (GOptionContext  *context,
                 char           **data_dir,
                 char          *(*default_dir) (void),
                 const char      *data_dir_help,
                 int             *argc,
                 char          ***argv,
                 int              min_args,
                 int              max_args)
{
  const GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, data_dir,
      data_dir_help != NULL ? data_dir_help
                            : N_("The records' folder (else HEARD_DATA_DIR, else Heard's own)"),
      N_("DIR") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;

  g_autofree char *name = g_strdup_printf ("heard-cli %s", (*argv)[0]);

  /* The help's usage line names the command. */
  g_set_prgname (name);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, exit_status_text ());

  if (!g_option_context_parse (context, argc, argv, &error))
    return heard_cli_fail (HEARD_CLI_EXIT_USAGE, "%s", error->message);

  if (*argc - 1 < min_args)
    return heard_cli_fail (HEARD_CLI_EXIT_USAGE, _("Too few arguments; %s --help says which."),
                           name);
  if (*argc - 1 > max_args)
    return heard_cli_fail (HEARD_CLI_EXIT_USAGE, _("Too many arguments; %s --help says which."),
                           name);

  if (*data_dir == NULL)
    *data_dir = default_dir ();

  return -1;
}

void
heard_cli_result_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

void
heard_cli_wait (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* Reads one line from standard input, without the line's end (a "\r"
 * before it too). The bytes are read from the file descriptor one at a
 * time, past stdio, so no stdio buffer holds them; the one buffer they are
 * gathered in here is wiped, and so is each smaller one it outgrew. The
 * line is returned in ordinary memory (not locked: it can reach swap, though
 * never a core dump, see heard_secure_init()); heard_secure_free_string()
 * wipes it when it is freed. */
static char *
read_line (void)
{
  gsize size = 128;
  gsize length = 0;
  char *buffer = g_malloc (size);
  char *secret = NULL;
  char c = '\0';
  ssize_t got;

  while ((got = read (STDIN_FILENO, &c, 1)) == 1 || (got < 0 && errno == EINTR))
    {
      if (got < 0)
        continue;
      if (c == '\n')
        break;
      if (length + 1 == size)
        {
          char *larger = g_malloc (size * 2);

          memcpy (larger, buffer, length);
          sodium_memzero (buffer, size);
          g_free (buffer);
          buffer = larger;
          size *= 2;
        }
      buffer[length++] = c;
    }
  sodium_memzero (&c, sizeof c);

  while (length > 0 && buffer[length - 1] == '\r')
    length--;
  if (length > 0)
    secret = g_strndup (buffer, length);

  sodium_memzero (buffer, size);
  g_free (buffer);

  return secret;
}

char *
heard_cli_read_secret (const char *prompt)
{
  struct termios saved, quiet;
  gboolean on_terminal = isatty (STDIN_FILENO) && tcgetattr (STDIN_FILENO, &saved) == 0;
  char *secret;

  if (!on_terminal)
    return read_line ();

  g_printerr ("%s", prompt);
  quiet = saved;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
  secret = read_line ();
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
  g_printerr ("\n");

  return secret;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  /* Before anything sensitive is in memory: no core dumps, keys wiped. */
  if (!heard_secure_init (&error))
    return heard_cli_fail (HEARD_CLI_EXIT_IO, "%s", error->message);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("heard-cli");

  if (argc < 2)
    {
      print_help (stderr);
      return HEARD_CLI_EXIT_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_help (stdout);
      return HEARD_CLI_EXIT_OK;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  return heard_cli_fail (HEARD_CLI_EXIT_USAGE,
                         _("There is no command “%s”; heard-cli --help lists them."), argv[1]);
}

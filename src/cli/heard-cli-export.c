/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "heard-cli.h"
#include "heard-context.h"
#include "heard-csv.h"
#include "heard-recipient.h"
#include "heard-store-check-ins.h"
#include "heard-store-exports.h"
#include "heard-store-people.h"

/*
 * heard-cli export FORMAT: records out of Heard in a format other tools
 * open, one format word per kind of export (check-ins today). Whatever
 * leaves is noted in the audit trail first, with who it is for and what
 * went in, so the records are opened for writing, as Heard opens them:
 * never beside a Heard that has them open. Nothing personal is said on
 * standard output or error; only the export itself, when FILE is "-",
 * goes to standard output.
 */

typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (int    argc,
                    char **argv);
} ExportFormat;

static int export_check_ins (int    argc,
                             char **argv);

static const ExportFormat formats[] = {
  { "check-ins", N_("One young person's check-ins as CSV, for a team's analysis"),
    export_check_ins },
};

static void
print_formats (FILE *to)
{
  g_autoptr(GString) text = g_string_new (_("Usage: heard-cli export FORMAT [OPTION…] "
                                            "[ARGUMENT…]\n\n"
                                            "Exports records in a format other tools open. "
                                            "Every export is noted\nin the record of changes "
                                            "with who it is for and what went in.\n\n"
                                            "Formats:\n"));

  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    g_string_append_printf (text, "  %-10s %s\n", formats[i].name, _(formats[i].summary));
  g_string_append (text, _("\nheard-cli export FORMAT --help says more.\n"));
  fputs (text->str, to);
}

/* The young person @id, or NULL with the status to exit with in @status. */
static HeardPerson *
find_person (HeardStore *store,
             gint64      id,
             int        *status)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;

  heard_store_list_people_async (store, NULL, heard_cli_result_cb, &result);
  heard_cli_wait (&result);
  people = heard_store_list_people_finish (store, result, &error);
  if (people == NULL)
    {
      *status = heard_cli_fail_with_error (error);
      return NULL;
    }

  for (guint i = 0; i < people->len; i++)
    {
      HeardPerson *person = g_ptr_array_index (people, i);

      if (heard_person_get_id (person) == id)
        return g_object_ref (person);
    }

  *status = heard_cli_fail (HEARD_CLI_EXIT_USAGE,
                            _("No young person in these records has the id %" G_GINT64_FORMAT
                              "."), id);
  return NULL;
}

static GPtrArray *
list_check_ins (HeardStore *store,
                gint64      person_id,
                int        *status)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *check_ins;

  heard_store_list_check_ins_async (store, person_id, 0, NULL, heard_cli_result_cb, &result);
  heard_cli_wait (&result);
  check_ins = heard_store_list_check_ins_finish (store, result, &error);
  if (check_ins == NULL)
    *status = heard_cli_fail_with_error (error);

  return check_ins;
}

static int
note_export (HeardStore            *store,
             gint64                 person_id,
             const HeardExportNote *note)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  heard_store_note_export_async (store, person_id, note, NULL, heard_cli_result_cb, &result);
  heard_cli_wait (&result);
  if (heard_store_note_export_finish (store, result, &error) == 0)
    return heard_cli_fail_with_error (error);

  return -1;
}

/* Writes @contents to @path ("-": standard output); a file is replaced
 * whole or not at all, private to its owner. */
static int
write_out (const char *path,
           GBytes     *contents)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (contents, &length);

  if (g_strcmp0 (path, "-") == 0)
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        return heard_cli_fail (HEARD_CLI_EXIT_IO, "%s",
                               _("The export could not be written to standard output."));
      return -1;
    }

  file = g_file_new_for_commandline_arg (path);
  if (!g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL,
                                NULL, &error))
    return heard_cli_fail (HEARD_CLI_EXIT_IO, _("The export could not be written: %s"),
                           error->message);

  return -1;
}

/* The name the young person likes to be called, else the one on record. */
static const char *
called (HeardPerson *person)
{
  const char *preferred = heard_person_get_preferred_name (person);

  return preferred != NULL && preferred[0] != '\0' ? preferred
                                                   : heard_person_get_display_name (person);
}

static int
run_check_ins (HeardCliRecords *records,
               gint64           person_id,
               gboolean         pseudonymise,
               const char      *path)
{
  HeardStore *store = records->opened->store;
  g_autoptr(HeardRecipient) own_team = heard_recipient_new_own_team ();
  g_autofree char *recipient = heard_recipient_to_code (own_team);
  g_autoptr(HeardExportNote) note = heard_export_note_new (HEARD_EXPORT_CHECK_INS_CSV,
                                                           recipient);
  g_autoptr(HeardPerson) person = NULL;
  g_autoptr(GPtrArray) check_ins = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autofree char *pseudonym = NULL;
  int status = -1;

  if ((person = find_person (store, person_id, &status)) == NULL ||
      (check_ins = list_check_ins (store, person_id, &status)) == NULL)
    return status;

  if (pseudonymise)
    pseudonym = heard_csv_pseudonym (records->opened->key, person_id);
  csv = heard_csv_check_ins (pseudonymise ? pseudonym : called (person), check_ins);

  /* Noted before it leaves: an export that then failed to be written is
   * an entry too many, never one too few. */
  note->n_check_ins = check_ins->len;
  status = note_export (store, person_id, note);
  if (status < 0)
    status = write_out (path, csv);
  if (status < 0)
    status = heard_cli_records_save_anchor (records);
  if (status >= 0)
    return status;

  if (heard_unlock_flow_get_practice (records->flow))
    g_printerr ("heard-cli: %s\n", _("These are practice records: every young person in "
                                     "the export is made up."));
  if (g_strcmp0 (path, "-") != 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %u check-in; the export is noted in the "
                                           "record of changes.\n",
                          "Exported %u check-ins; the export is noted in the record of "
                          "changes.\n", check_ins->len), check_ins->len);

  return HEARD_CLI_EXIT_OK;
}

static int
export_check_ins (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("PERSON-ID FILE"));
  g_autofree char *data_dir = NULL;
  gboolean pseudonymise = FALSE;
  const GOptionEntry entries[] = {
    { "pseudonymise", 0, 0, G_OPTION_ARG_NONE, &pseudonymise,
      N_("A stable pseudonym in place of the young person's name"), NULL },
    { NULL }
  };
  HeardCliRecords records = { 0 };
  gint64 person_id = 0;
  int status;

  g_option_context_set_summary (context,
                                _("Writes one young person's check-ins to FILE (\"-\" for "
                                  "standard output) as CSV:\none row per area and rater, and "
                                  "one for their safety scale; a rating\nnot given says "
                                  "skipped or rather-not-say. Noted in the record of\nchanges "
                                  "as made for our own team's analysis. Heard must be "
                                  "closed."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = heard_cli_parse (context, &data_dir, heard_context_default_data_dir, NULL, &argc,
                            &argv, 2, 2);
  if (status >= 0)
    return status;

  if (!g_ascii_string_to_signed (argv[1], 10, 1, G_MAXINT64, &person_id, NULL))
    return heard_cli_fail (HEARD_CLI_EXIT_USAGE, "%s",
                           _("PERSON-ID is the young person's number, as Heard shows it."));

  status = heard_cli_open_records_for_writing (data_dir, &records);
  if (status < 0)
    status = run_check_ins (&records, person_id, pseudonymise, argv[2]);
  heard_cli_records_clear (&records);

  return status;
}

int
heard_cli_export (int    argc,
                  char **argv)
{
  if (argc < 2 || g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0)
    {
      print_formats (argc < 2 ? stderr : stdout);
      return argc < 2 ? HEARD_CLI_EXIT_USAGE : HEARD_CLI_EXIT_OK;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_strcmp0 (argv[1], formats[i].name) == 0)
        {
          /* The format's own options and arguments follow its word; its
           * --help names it as "heard-cli export FORMAT". */
          g_autofree char *name = g_strdup_printf ("export %s", formats[i].name);
          g_autofree char **format_argv = g_new0 (char *, argc);

          format_argv[0] = name;
          for (int j = 2; j < argc; j++)
            format_argv[j - 1] = argv[j];
          return formats[i].run (argc - 1, format_argv);
        }
    }

  return heard_cli_fail (HEARD_CLI_EXIT_USAGE,
                         _("There is no export format “%s”; heard-cli export --help lists "
                           "them."), argv[1]);
}

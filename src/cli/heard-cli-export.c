/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "heard-cli.h"
#include "heard-context.h"
#include "heard-csv.h"
#include "heard-ical.h"
#include "heard-model-enums.h"
#include "heard-plan-document.h"
#include "heard-recipient.h"
#include "heard-store-agencies.h"
#include "heard-store-check-ins.h"
#include "heard-store-chronology.h"
#include "heard-store-codesign.h"
#include "heard-store-exports.h"
#include "heard-store-people.h"
#include "heard-store-plans.h"
#include "heard-store-sharing.h"
#include "heard-store-staff.h"
#include "heard-store-story.h"
#include "heard-store-statements.h"

/*
 * heard-cli export FORMAT: records out of Heard in a format other tools
 * open, one format word per kind of export (a CSV of check-ins or warning
 * signs, review and due dates as a calendar, the plan as a PDF).
 * Whatever leaves is noted in the audit trail first, with who it is for
 * and what went in, so the records are opened for writing, as Heard opens
 * them: never beside a Heard that has them open. Nothing personal is said
 * on standard output or error; only a CSV or calendar export, when FILE is
 * "-", goes to standard output (a PDF always goes to a file).
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
static int export_csv       (int    argc,
                             char **argv);
static int export_ics       (int    argc,
                             char **argv);
static int export_pdf       (int    argc,
                             char **argv);
static int export_my_record (int    argc,
                             char **argv);
static int export_subject_access (int    argc,
                                  char **argv);

static const ExportFormat formats[] = {
  { "check-ins", N_("One young person's check-ins as CSV (csv --of check-ins)"),
    export_check_ins },
  { "csv", N_("One young person's records as CSV, for a team's analysis"), export_csv },
  { "ics", N_("Review and due dates as a calendar that calendar apps open"), export_ics },
  { "my-record", N_("A young person's own record as a PDF, for them to keep"),
    export_my_record },
  { "pdf", N_("A young person's support plan as a PDF, for whom it is for"), export_pdf },
  { "subject-access", N_("All held about a young person, for a subject access request"),
    export_subject_access },
};

/* "check-ins, signs, sharing": what csv --of takes. */
static char *
dup_csv_kinds (void)
{
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  for (HeardCsvOf of = 0; of < HEARD_CSV_N_KINDS; of++)
    g_strv_builder_add (codes, heard_csv_export_get (of)->code);
  list = g_strv_builder_end (codes);
  return g_strjoinv (", ", list);
}

static void
print_formats (FILE *to)
{
  g_autofree char *csv_kinds = dup_csv_kinds ();
  g_autoptr(GString) text = g_string_new (_("Usage: heard-cli export FORMAT [OPTION…] "
                                            "[ARGUMENT…]\n\n"
                                            "Exports records in a format other tools open. "
                                            "Every export is noted\nin the record of changes "
                                            "with who it is for and what went in.\n\n"
                                            "Formats:\n"));

  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_string_append_printf (text, "  %-10s %s\n", formats[i].name, _(formats[i].summary));
      if (formats[i].run == export_csv)
        /* TRANSLATORS: under csv's summary, what --of takes: "check-ins, signs, sharing" */
        g_string_append_printf (text, _("  %-10s --of KIND, one of: %s\n"), "", csv_kinds);
    }
  g_string_append (text, _("\nheard-cli export FORMAT --help says more.\n"));
  fputs (text->str, to);
}

/* Every young person in the records; NULL with the status to exit with. */
static GPtrArray *
list_people (HeardStore *store,
             int        *status)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *people;

  heard_store_list_people_async (store, NULL, heard_cli_result_cb, &result);
  heard_cli_wait (&result);
  people = heard_store_list_people_finish (store, result, &error);
  if (people == NULL)
    *status = heard_cli_fail_with_error (error);

  return people;
}

/* The young person @id, or NULL with the status to exit with. */
static HeardPerson *
find_person (HeardStore *store,
             gint64      id,
             int        *status)
{
  g_autoptr(GPtrArray) people = list_people (store, status);

  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      HeardPerson *person = g_ptr_array_index (people, i);

      if (heard_person_get_id (person) == id)
        return g_object_ref (person);
    }

  if (people != NULL)
    *status = heard_cli_fail (HEARD_CLI_EXIT_USAGE,
                              _("No young person in these records has the id %" G_GINT64_FORMAT
                                "."), id);
  return NULL;
}

/* An export noted in the audit trail: whose, and the entry's number. */
typedef struct
{
  gint64 person_id;
  gint64 entry;
} NotedExport;

/* The check-ins of the young person @person_id: of the plan @plan_id, or
 * of all theirs when it is 0; oldest first. */
static GPtrArray *
list_check_ins (HeardStore *store,
                gint64      person_id,
                gint64      plan_id,
                int        *status)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *check_ins;

  heard_store_list_check_ins_async (store, person_id, plan_id, NULL, heard_cli_result_cb,
                                    &result);
  heard_cli_wait (&result);
  check_ins = heard_store_list_check_ins_finish (store, result, &error);
  if (check_ins == NULL)
    *status = heard_cli_fail_with_error (error);

  return check_ins;
}

static int
note_export (HeardStore            *store,
             gint64                 person_id,
             const HeardExportNote *note,
             GArray                *noted)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  NotedExport entry = { person_id, 0 };

  heard_store_note_export_async (store, person_id, note, NULL, heard_cli_result_cb, &result);
  heard_cli_wait (&result);
  entry.entry = heard_store_note_export_finish (store, result, &error);
  if (entry.entry == 0)
    return heard_cli_fail_with_error (error);

  g_array_append_val (noted, entry);
  return -1;
}

/* After the write failed: each export noted in @noted is noted again as
 * never written, so that it tells the young person of no one and waits for
 * no sharing entry. */
static void
note_unwritten (HeardStore *store,
                GArray     *noted)
{
  for (guint i = 0; i < noted->len; i++)
    {
      NotedExport *entry = &g_array_index (noted, NotedExport, i);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      heard_store_note_export_unwritten_async (store, entry->person_id, entry->entry, NULL,
                                               heard_cli_result_cb, &result);
      heard_cli_wait (&result);
      if (heard_store_note_export_unwritten_finish (store, result, &error) == 0)
        g_printerr ("heard-cli: %s\n", error->message);
    }
}

/* After an export was noted and written (@status -1, else the status it
 * failed with): the records' new anchor, and a word that practice records
 * are made up. -1 when all went well. */
static int
close_export (HeardCliRecords *records,
              int              status)
{
  if (status < 0)
    status = heard_cli_records_save_anchor (records);
  if (status < 0 && heard_unlock_flow_get_practice (records->flow))
    g_printerr ("heard-cli: %s\n", _("These are practice records: every young person in "
                                     "the export is made up."));
  return status;
}

/* The young person's number @person_arg read into @person_id, and the
 * records opened for writing: -1 then, else the status to exit with.
 * Clear @records either way. */
static int
open_for_export (const char      *data_dir,
                 const char      *person_arg,
                 HeardCliRecords *records,
                 gint64          *person_id)
{
  if (!g_ascii_string_to_signed (person_arg, 10, 1, G_MAXINT64, person_id, NULL))
    return heard_cli_fail (HEARD_CLI_EXIT_USAGE, "%s",
                           _("PERSON-ID is the young person's record number, shown on their "
                             "Record page in Heard."));

  return heard_cli_open_records_for_writing (data_dir, records);
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

/* @items (a GPtrArray of @type) as a list model. */
static GListModel *
list_model_of (GType      type,
               GPtrArray *items)
{
  GListStore *model = g_list_store_new (type);

  g_list_store_splice (model, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (model);
}

/* What a CSV carries beyond the facts. */
typedef struct
{
  gboolean with_names;
  gboolean with_words;
  gboolean pseudonymise;
} CsvChoice;

/* The records @needs asks for into @content's check-ins, chronology,
 * sharing log and agencies; -1, else the status to exit with. */
static int
read_csv_records (HeardStore      *store,
                  gint64           person_id,
                  HeardCsvNeeds    needs,
                  HeardCsvContent *content)
{
  g_autoptr(GAsyncResult) chronology = NULL;
  g_autoptr(GAsyncResult) agencies = NULL;
  g_autoptr(GAsyncResult) sharing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) directory = NULL;
  int status = -1;

  if ((needs & HEARD_CSV_NEEDS_CHECK_INS) != 0 &&
      (content->check_ins = list_check_ins (store, person_id, 0, &status)) == NULL)
    return status;

  if ((needs & HEARD_CSV_NEEDS_CHRONOLOGY) != 0)
    {
      heard_store_list_chronology_async (store, person_id, NULL, heard_cli_result_cb,
                                         &chronology);
      heard_cli_wait (&chronology);
      content->chronology = heard_store_list_chronology_finish (store, chronology, &error);
      if (content->chronology == NULL)
        return heard_cli_fail_with_error (error);
    }

  if ((needs & HEARD_CSV_NEEDS_SHARING) != 0)
    {
      heard_store_list_sharing_async (store, person_id, NULL, heard_cli_result_cb, &sharing);
      heard_cli_wait (&sharing);
      content->sharing = heard_store_list_sharing_finish (store, sharing, &error);
      if (content->sharing == NULL)
        return heard_cli_fail_with_error (error);
    }

  if ((needs & HEARD_CSV_NEEDS_AGENCIES) != 0)
    {
      heard_store_list_agencies_async (store, NULL, heard_cli_result_cb, &agencies);
      heard_cli_wait (&agencies);
      directory = heard_store_list_agencies_finish (store, agencies, &error);
      if (directory == NULL)
        return heard_cli_fail_with_error (error);
      content->agencies = list_model_of (HEARD_TYPE_DIRECTORY_AGENCY, directory);
    }

  return -1;
}

static void
clear_csv_content (HeardCsvContent *content)
{
  g_clear_pointer (&content->check_ins, g_ptr_array_unref);
  g_clear_pointer (&content->chronology, g_ptr_array_unref);
  g_clear_pointer (&content->sharing, g_ptr_array_unref);
  g_clear_object (&content->agencies);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HeardCsvContent, clear_csv_content)

static int
run_csv (HeardCliRecords *records,
         gint64           person_id,
         HeardCsvOf       of,
         const CsvChoice *choice,
         const char      *path)
{
  g_autoptr(GArray) noted = g_array_new (FALSE, FALSE, sizeof (NotedExport));
  const HeardCsvExport *export = heard_csv_export_get (of);
  HeardStore *store = records->opened->store;
  g_autoptr(HeardExportNote) note = NULL;
  g_autoptr(HeardPerson) person = NULL;
  g_auto(HeardCsvContent) content = { .with_words = choice->with_words };
  g_autoptr(GBytes) csv = NULL;
  g_autofree char *pseudonym = NULL;
  guint n_exported;
  int status = -1;

  if ((person = find_person (store, person_id, &status)) == NULL ||
      (status = read_csv_records (store, person_id, export->needs, &content)) >= 0)
    return status;

  if (!choice->with_names)
    pseudonym = heard_csv_pseudonym (records->opened->key, person_id);
  content.person = choice->with_names ? heard_person_get_called_name (person) : pseudonym;
  csv = heard_csv_write (of, &content);

  /* Noted before it leaves: an export that then failed to be written is
   * an entry too many, never one too few. */
  note = heard_csv_export_note_new (of, &content, choice->with_names);
  status = note_export (store, person_id, note, noted);
  if (status < 0 && (status = write_out (path, csv)) >= 0)
    note_unwritten (store, noted);
  status = close_export (records, status);
  if (status >= 0 || g_strcmp0 (path, "-") == 0)
    return status >= 0 ? status : HEARD_CLI_EXIT_OK;

  if (content.check_ins != NULL)
    n_exported = content.check_ins->len;
  else if (content.sharing != NULL)
    n_exported = content.sharing->len;
  else
    n_exported = content.chronology->len;
  if (of == HEARD_CSV_OF_CHECK_INS)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %u check-in; the export is noted in the "
                                           "record of changes.\n",
                          "Exported %u check-ins; the export is noted in the record of "
                          "changes.\n", n_exported), n_exported);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %u entry; the export is noted in the "
                                           "record of changes.\n",
                          "Exported %u entries; the export is noted in the record of "
                          "changes.\n", n_exported), n_exported);

  return HEARD_CLI_EXIT_OK;
}

/* Exports @context's CSV: of check-ins, or (when @asks_of) of the kind
 * --of names. */
static int
export_csv_of (GOptionContext  *context,
               gboolean         asks_of,
               int              argc,
               char           **argv)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *kind = NULL;
  CsvChoice choice = { 0 };
  const GOptionEntry entries[] = {
    { "with-names", 0, 0, G_OPTION_ARG_NONE, &choice.with_names,
      N_("Their name in place of the pseudonym"), NULL },
    { "with-words", 0, 0, G_OPTION_ARG_NONE, &choice.with_words,
      asks_of ? N_("Typed words too (see above)")
              : N_("What they said and the worker's note too"), NULL },
    { "pseudonymise", 0, 0, G_OPTION_ARG_NONE, &choice.pseudonymise,
      N_("A stable pseudonym, not their name (the default)"), NULL },
    { NULL }
  };
  const GOptionEntry of_entries[] = {
    { "of", 0, 0, G_OPTION_ARG_STRING, &kind, N_("What to export (needed; see above)"),
      N_("KIND") },
    { NULL }
  };
  HeardCsvOf of = HEARD_CSV_OF_CHECK_INS;
  HeardCliRecords records = { 0 };
  gint64 person_id = 0;
  int status;

  if (asks_of)
    g_option_context_add_main_entries (context, of_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = heard_cli_parse (context, &data_dir, heard_context_default_data_dir, NULL, &argc,
                            &argv, 2, 2);
  if (status >= 0)
    return status;

  if (asks_of && kind == NULL)
    return heard_cli_fail (HEARD_CLI_EXIT_USAGE, "%s",
                           _("Say what to export with --of; heard-cli export csv --help "
                             "lists the kinds."));
  if (asks_of && !heard_csv_export_lookup (kind, &of))
    {
      g_autofree char *kinds = dup_csv_kinds ();

      /* TRANSLATORS: the kind asked for, then every kind: "check-ins, signs, sharing" */
      return heard_cli_fail (HEARD_CLI_EXIT_USAGE, _("There is no kind of CSV “%s”; --of "
                                                     "takes one of: %s."), kind, kinds);
    }
  if (choice.pseudonymise && choice.with_names)
    return heard_cli_fail (HEARD_CLI_EXIT_USAGE, "%s",
                           _("--pseudonymise and --with-names ask for opposites; give one."));

  status = open_for_export (data_dir, argv[1], &records, &person_id);
  if (status < 0)
    status = run_csv (&records, person_id, of, &choice, argv[2]);
  heard_cli_records_clear (&records);

  return status;
}

static int
export_check_ins (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("PERSON-ID FILE"));

  g_option_context_set_summary (context,
                                _("Writes one young person's check-ins to FILE (\"-\" for "
                                  "standard output) as CSV:\none row per area and rater, and "
                                  "one for their safety scale; a rating\nnot given says "
                                  "skipped or rather-not-say. A stable pseudonym stands\nfor "
                                  "the young person unless --with-names is given. With "
                                  "--with-words,\ncolumns their_words and worker_note are "
                                  "filled on each check-in's\nsafety-scale row. Noted in the "
                                  "record of changes as made for our own\nteam's analysis, "
                                  "saying whether names and words went. Heard must\nbe "
                                  "closed. PERSON-ID is the record number on their Record "
                                  "page in Heard."));
  return export_csv_of (context, FALSE, argc, argv);
}

/* export csv --help's summary: what it does, and every kind. */
static char *
describe_csv_export (void)
{
  GString *text = g_string_new (_("Writes one young person's records to FILE (\"-\" for "
                                  "standard output) as CSV\n(RFC 4180, UTF-8, one header row, "
                                  "ISO dates). A stable pseudonym\nstands for the young person "
                                  "unless --with-names is given; typed words,\nwhich can name "
                                  "people, go only with --with-words. Noted in the record\nof "
                                  "changes as made for our own team's analysis, saying whether "
                                  "names\nand words went. Heard must be closed. PERSON-ID is "
                                  "the record number\non their Record page in Heard.\n"
                                  "\nKIND is one of:"));

  for (HeardCsvOf of = 0; of < HEARD_CSV_N_KINDS; of++)
    {
      const HeardCsvExport *export = heard_csv_export_get (of);

      g_string_append_printf (text, "\n  %-10s %s", export->code, _(export->summary));
      /* TRANSLATORS: what --with-words adds to one kind of CSV, under its summary */
      g_string_append_printf (text, _("\n  %-10s with --with-words, %s"), "",
                              _(export->words));
    }

  return g_string_free (text, FALSE);
}

static int
export_csv (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("--of KIND PERSON-ID FILE"));
  g_autofree char *summary = describe_csv_export ();

  g_option_context_set_summary (context, summary);
  return export_csv_of (context, TRUE, argc, argv);
}

/* The plans of the young person @person_id, newest first, as a list
 * model; NULL with the status to exit with. */
static GListModel *
load_plans (HeardStore *store,
            gint64      person_id,
            int        *status)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;

  heard_store_load_plans_async (store, person_id, NULL, heard_cli_result_cb, &result);
  heard_cli_wait (&result);
  plans = heard_store_load_plans_finish (store, result, &error);
  if (plans == NULL)
    {
      *status = heard_cli_fail_with_error (error);
      return NULL;
    }

  return list_model_of (HEARD_TYPE_PLAN, plans);
}

static int
run_ics (HeardCliRecords *records,
         gint64           person_id,
         HeardIcalNames   names,
         const char      *path)
{
  g_autoptr(GArray) noted = g_array_new (FALSE, FALSE, sizeof (NotedExport));
  HeardStore *store = records->opened->store;
  g_autoptr(HeardIcal) calendar = heard_ical_new (heard_unlock_flow_get_uuid (records->flow));
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (
    (GDestroyNotify) heard_export_note_free);
  g_autoptr(GArray) noted_people = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GBytes) ics = NULL;
  guint n_events;
  int status = -1;

  if (person_id != 0)
    {
      HeardPerson *person = find_person (store, person_id, &status);

      if (person == NULL)
        return status;
      people = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (people, person);
    }
  else if ((people = list_people (store, &status)) == NULL)
    return status;

  for (guint i = 0; i < people->len; i++)
    {
      HeardPerson *person = g_ptr_array_index (people, i);
      gint64 id = heard_person_get_id (person);
      g_autoptr(GListModel) plans = load_plans (store, id, &status);

      if (plans == NULL)
        return status;
      /* Only those whose dates went in are in the export. */
      if (heard_ical_add_plans (calendar, person, plans, names) == 0)
        continue;
      g_ptr_array_add (notes, heard_ical_export_note_new (plans, names));
      g_array_append_val (noted_people, id);
    }

  ics = heard_ical_to_bytes (calendar);
  /* Noted before it leaves, as every export. */
  for (guint i = 0; i < notes->len && status < 0; i++)
    status = note_export (store, g_array_index (noted_people, gint64, i), notes->pdata[i], noted);
  if (status < 0 && (status = write_out (path, ics)) >= 0)
    note_unwritten (store, noted);
  status = close_export (records, status);
  if (status >= 0 || g_strcmp0 (path, "-") == 0)
    return status >= 0 ? status : HEARD_CLI_EXIT_OK;

  n_events = heard_ical_get_n_events (calendar);
  if (n_events == 0)
    {
      g_print ("%s\n", _("There were no review or due dates to export, so nothing was "
                          "noted."));
      return HEARD_CLI_EXIT_OK;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %u date; the export is noted in the "
                                         "record of changes.\n",
                        "Exported %u dates; the export is noted in the record of "
                        "changes.\n", n_events), n_events);
  return HEARD_CLI_EXIT_OK;
}

static int
export_ics (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autofree char *data_dir = NULL;
  gint64 person_id = 0;
  gboolean initials = FALSE;
  gboolean with_names = FALSE;
  const GOptionEntry entries[] = {
    { "person", 0, 0, G_OPTION_ARG_INT64, &person_id,
      N_("Only this young person's dates (else everyone's)"), N_("PERSON-ID") },
    { "initials", 0, 0, G_OPTION_ARG_NONE, &initials,
      N_("Their initials in each summary: “Review: J.T.”"), NULL },
    { "with-names", 0, 0, G_OPTION_ARG_NONE, &with_names,
      N_("Their name, and what each action is, in summaries"), NULL },
    { NULL }
  };
  HeardCliRecords records = { 0 };
  int status;

  g_option_context_set_summary (context,
                                _("Writes review dates and open actions' due dates to FILE "
                                  "(\"-\" for standard\noutput) as an iCalendar file that "
                                  "calendar apps open: one all-day event\nper date, each with "
                                  "a reminder the day before, for every plan in\nforce. "
                                  "Exporting again gives the same events, so a calendar app\n"
                                  "updates the ones it has. By default a summary says only "
                                  "“Review” or\n“Action due” and names no one: a calendar "
                                  "is often on a phone or\nshared. Noted in the record of "
                                  "changes for each young person whose\ndates went in. Heard "
                                  "must be closed. PERSON-ID is the record number\non their "
                                  "Record page in Heard."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Shorter than the usual words: --person=PERSON-ID widens the column. */
  status = heard_cli_parse (context, &data_dir, heard_context_default_data_dir,
                            N_("The records' folder (else HEARD_DATA_DIR or Heard's)"), &argc,
                            &argv, 1, 1);
  if (status >= 0)
    return status;

  if (initials && with_names)
    return heard_cli_fail (HEARD_CLI_EXIT_USAGE, "%s",
                           _("--initials and --with-names ask for different summaries; give "
                             "one."));
  if (person_id < 0)
    return heard_cli_fail (HEARD_CLI_EXIT_USAGE, "%s",
                           _("PERSON-ID is the young person's record number, shown on their "
                             "Record page in Heard."));

  status = heard_cli_open_records_for_writing (data_dir, &records);
  if (status < 0)
    status = run_ics (&records, person_id,
                      with_names ? HEARD_ICAL_NAMES_FULL
                                 : initials ? HEARD_ICAL_NAMES_INITIALS : HEARD_ICAL_NAMES_NONE,
                      argv[1]);
  heard_cli_records_clear (&records);

  return status;
}

/* The support plan @plan_id of the young person (0: their newest), from
 * @plans (newest first); NULL with the status to exit with. */
static HeardPlan *
choose_plan (GPtrArray *plans,
             gint64     plan_id,
             int       *status)
{
  for (guint i = 0; i < plans->len; i++)
    {
      HeardPlan *plan = g_ptr_array_index (plans, i);

      if (plan_id == 0 || heard_plan_get_id (plan) == plan_id)
        return g_object_ref (plan);
    }

  if (plan_id == 0)
    *status = heard_cli_fail (HEARD_CLI_EXIT_USAGE, "%s",
                              _("This young person has no support plan yet, so there is "
                                "nothing to export."));
  else
    *status = heard_cli_fail (HEARD_CLI_EXIT_USAGE,
                              _("This young person has no support plan with the id %"
                                G_GINT64_FORMAT "."), plan_id);
  return NULL;
}

static HeardStatement *
find_statement (GPtrArray *statements,
                gint64     id)
{
  for (guint i = 0; i < statements->len; i++)
    if (heard_statement_get_id (g_ptr_array_index (statements, i)) == id)
      return g_ptr_array_index (statements, i);
  return NULL;
}

/* What the user asked to go in. */
typedef struct
{
  /* --for as typed, and who that is in the agencies directory. */
  const char      *asked_for;
  HeardRecipient  *recipient;
  gint64           plan_id;
  char           **statements;
  gboolean         all_offered;
  gboolean         include_sensitive;
  /* --with-words: what they said at check-ins and the worker's notes,
   * which go to the young person without asking. */
  gboolean         with_words;
} PdfChoice;

/* The statements of @statements that go to @choice's recipient, in the
 * order they were offered: those asked for by id, and with all_offered
 * every one ticked by default (every offered one with include_sensitive).
 * NULL with the status to exit with when one asked for may not go. */
static GPtrArray *
choose_statements (const PdfChoice *choice,
                   GPtrArray       *statements,
                   int             *status)
{
  g_autoptr(GListModel) all = list_model_of (HEARD_TYPE_STATEMENT, statements);
  g_autoptr(GPtrArray) offered = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) asked = g_hash_table_new (NULL, NULL);
  GDate today;

  /* Consent is asked on the day the export is made. */
  heard_date_today (&today);
  offered = heard_recipient_offered_statements (choice->recipient, all, &today);

  for (guint i = 0; choice->statements != NULL && choice->statements[i] != NULL; i++)
    {
      gint64 id = 0;
      HeardStatement *statement;

      if (!g_ascii_string_to_signed (choice->statements[i], 10, 1, G_MAXINT64, &id, NULL) ||
          (statement = find_statement (statements, id)) == NULL)
        {
          *status = heard_cli_fail (HEARD_CLI_EXIT_USAGE,
                                    _("“%s” is not the id of one of this young person's "
                                      "statements."), choice->statements[i]);
          return NULL;
        }
      if (!g_ptr_array_find (offered, statement, NULL) &&
          heard_recipient_may_receive (choice->recipient, statement))
        {
          g_autofree char *lapse = heard_statement_dup_consent_lapse (statement, &today);

          *status = heard_cli_fail (HEARD_CLI_EXIT_REFUSED,
                                    /* TRANSLATORS: the second %s says why, "consent ended
                                     * on 3 March 2027" */
                                    _("Statement %" G_GINT64_FORMAT " cannot go in: %s. "
                                      "Nothing was exported."), id, lapse);
          return NULL;
        }
      if (!g_ptr_array_find (offered, statement, NULL))
        {
          g_autofree char *recipient = heard_recipient_describe (choice->recipient);

          *status = heard_cli_fail (HEARD_CLI_EXIT_REFUSED,
                                    _("Statement %" G_GINT64_FORMAT " cannot go in: the "
                                      "young person's consent to share it does not cover "
                                      "%s. Nothing was exported."), id, recipient);
          return NULL;
        }
      g_hash_table_add (asked, statement);
    }

  for (guint i = 0; i < offered->len; i++)
    {
      HeardStatement *statement = g_ptr_array_index (offered, i);

      if (g_hash_table_contains (asked, statement) ||
          (choice->all_offered &&
           (choice->include_sensitive || heard_statement_ticked_by_default (statement))))
        g_ptr_array_add (chosen, g_object_ref (statement));
    }

  return g_steal_pointer (&chosen);
}

/* Whatever a PDF needs, read from the store. */
typedef struct
{
  HeardPerson *person;
  GPtrArray   *plans;
  GPtrArray   *statements;
  GPtrArray   *staff;
  GPtrArray   *chronology;
  GPtrArray   *agencies;
  /* What they wrote in co-design: their own goals and says. */
  GPtrArray   *own_words;
  GPtrArray   *plan_says;
} PdfRecords;

static void
pdf_records_clear (PdfRecords *records)
{
  g_clear_object (&records->person);
  g_clear_pointer (&records->plans, g_ptr_array_unref);
  g_clear_pointer (&records->statements, g_ptr_array_unref);
  g_clear_pointer (&records->staff, g_ptr_array_unref);
  g_clear_pointer (&records->chronology, g_ptr_array_unref);
  g_clear_pointer (&records->agencies, g_ptr_array_unref);
  g_clear_pointer (&records->own_words, g_ptr_array_unref);
  g_clear_pointer (&records->plan_says, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PdfRecords, pdf_records_clear)

/* Reads the young person @person_id, their plans, statements, chronology
 * and what they wrote in co-design, the staff and the agencies directory
 * into @records; -1, or the status to exit with. */
static int
read_pdf_records (HeardStore *store,
                  gint64      person_id,
                  PdfRecords *records)
{
  g_autoptr(GAsyncResult) plans = NULL;
  g_autoptr(GAsyncResult) statements = NULL;
  g_autoptr(GAsyncResult) staff = NULL;
  g_autoptr(GAsyncResult) chronology = NULL;
  g_autoptr(GAsyncResult) agencies = NULL;
  g_autoptr(GAsyncResult) own_words = NULL;
  g_autoptr(GAsyncResult) plan_says = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  if ((records->person = find_person (store, person_id, &status)) == NULL)
    return status;

  heard_store_load_plans_async (store, person_id, NULL, heard_cli_result_cb, &plans);
  heard_store_list_statements_async (store, person_id, NULL, heard_cli_result_cb, &statements);
  heard_store_list_staff_async (store, NULL, heard_cli_result_cb, &staff);
  heard_store_list_chronology_async (store, person_id, NULL, heard_cli_result_cb, &chronology);
  heard_store_list_agencies_async (store, NULL, heard_cli_result_cb, &agencies);
  heard_store_list_own_words_async (store, person_id, NULL, heard_cli_result_cb, &own_words);
  heard_store_list_plan_says_async (store, person_id, NULL, heard_cli_result_cb, &plan_says);
  heard_cli_wait (&plans);
  heard_cli_wait (&statements);
  heard_cli_wait (&staff);
  heard_cli_wait (&chronology);
  heard_cli_wait (&agencies);
  heard_cli_wait (&own_words);
  heard_cli_wait (&plan_says);

  if ((records->plans = heard_store_load_plans_finish (store, plans, &error)) == NULL ||
      (records->statements = heard_store_list_statements_finish (store, statements,
                                                                 &error)) == NULL ||
      (records->staff = heard_store_list_staff_finish (store, staff, &error)) == NULL ||
      (records->chronology = heard_store_list_chronology_finish (store, chronology,
                                                                 &error)) == NULL ||
      (records->agencies = heard_store_list_agencies_finish (store, agencies, &error)) == NULL ||
      (records->own_words = heard_store_list_own_words_finish (store, own_words,
                                                               &error)) == NULL ||
      (records->plan_says = heard_store_list_plan_says_finish (store, plan_says,
                                                               &error)) == NULL)
    return heard_cli_fail_with_error (error);

  return -1;
}

static void
show_progress_cb (guint    pages_done,
                  guint    pages_total,
                  gpointer user_data)
{
  /* TRANSLATORS: progress of heard-cli export pdf, on a terminal */
  g_printerr (_("\rWriting page %u of %u…"), pages_done, pages_total);
  if (pages_done == pages_total)
    g_printerr ("\n");
}

/* Writes @document into @path atomically, progress on standard error when
 * it is a terminal; -1, or the status to exit with. */
static int
write_pdf (HeardPlanDocument *document,
           const char        *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  heard_plan_document_write_pdf_async (document, file,
                                       isatty (STDERR_FILENO) ? show_progress_cb : NULL, NULL,
                                       NULL, heard_cli_result_cb, &result);
  heard_cli_wait (&result);
  if (!heard_plan_document_write_pdf_finish (document, result, &error))
    return heard_cli_fail (HEARD_CLI_EXIT_IO, "%s", error->message);

  return -1;
}

/* Who --for @asked_for names, its agencies named from the directory;
 * NULL with the status to exit with when it is no one a PDF can be for. */
static HeardRecipient *
find_recipient (HeardStore *store,
                const char *asked_for,
                int        *status)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(GListModel) directory = NULL;
  g_autoptr(HeardRecipient) recipient = NULL;

  heard_store_list_agencies_async (store, NULL, heard_cli_result_cb, &result);
  heard_cli_wait (&result);
  agencies = heard_store_list_agencies_finish (store, result, &error);
  if (agencies == NULL)
    {
      *status = heard_cli_fail_with_error (error);
      return NULL;
    }

  directory = list_model_of (HEARD_TYPE_DIRECTORY_AGENCY, agencies);
  recipient = heard_recipient_from_code_in (asked_for, directory);
  if (recipient == NULL || recipient->kind == HEARD_RECIPIENT_OWN_TEAM)
    {
      *status = heard_cli_fail (HEARD_CLI_EXIT_USAGE,
                                _("“%s” is not someone a PDF can be for; heard-cli export pdf "
                                  "--help lists the choices."), asked_for);
      return NULL;
    }

  return g_steal_pointer (&recipient);
}

static int
run_pdf (HeardCliRecords *records,
         gint64           person_id,
         PdfChoice       *choice,
         const char      *path)
{
  g_autoptr(GArray) noted = g_array_new (FALSE, FALSE, sizeof (NotedExport));
  HeardStore *store = records->opened->store;
  g_auto(PdfRecords) found = { 0 };
  g_autoptr(HeardPlan) plan = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GPtrArray) check_ins = NULL;
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GListModel) chronology = NULL;
  g_autoptr(GListModel) agencies = NULL;
  g_autoptr(GListModel) own_words = NULL;
  g_autoptr(GListModel) plan_says = NULL;
  g_autoptr(HeardPlanDocument) document = NULL;
  g_autoptr(HeardExportNote) note = NULL;
  g_autofree char *recipient_code = NULL;
  g_autofree char *recipient = NULL;
  g_autofree char *today = NULL;
  GDate day;
  gboolean words;
  int status = -1;

  choice->recipient = find_recipient (store, choice->asked_for, &status);
  if (choice->recipient == NULL)
    return status;
  words = choice->with_words ||
          heard_recipient_kind_gets_check_in_words (choice->recipient->kind);
  recipient_code = heard_recipient_to_code (choice->recipient);
  recipient = heard_recipient_describe (choice->recipient);
  status = read_pdf_records (store, person_id, &found);

  if (status >= 0 ||
      (plan = choose_plan (found.plans, choice->plan_id, &status)) == NULL ||
      (statements = choose_statements (choice, found.statements, &status)) == NULL ||
      (check_ins = list_check_ins (store, person_id, heard_plan_get_id (plan),
                                   &status)) == NULL)
    return status;

  heard_date_today (&day);
  today = heard_date_to_iso (&day);
  staff = list_model_of (HEARD_TYPE_STAFF, found.staff);
  chronology = list_model_of (HEARD_TYPE_CHRONOLOGY_ENTRY, found.chronology);
  agencies = list_model_of (HEARD_TYPE_DIRECTORY_AGENCY, found.agencies);
  own_words = list_model_of (HEARD_TYPE_OWN_WORDS, found.own_words);
  plan_says = list_model_of (HEARD_TYPE_PLAN_SAY, found.plan_says);
  document = heard_plan_document_new (&(HeardPlanDocumentContent) {
    .person = found.person,
    .plan = plan,
    .statements = statements,
    .check_ins = check_ins,
    .staff = staff,
    .chronology = chronology,
    .agencies = agencies,
    .recipient = recipient,
    .printed_on = today,
    .practice = heard_unlock_flow_get_practice (records->flow),
    .check_in_words = words,
    .own_words = own_words,
    .plan_says = plan_says,
  });

  note = heard_export_note_new (HEARD_EXPORT_PDF, recipient_code);
  note->plan_id = heard_plan_get_id (plan);
  note->plan_version = heard_plan_get_version (plan);
  for (guint i = 0; i < statements->len; i++)
    heard_export_note_add_statement (note, heard_statement_get_id (statements->pdata[i]),
                                     heard_statement_get_version (statements->pdata[i]));
  note->n_check_ins = check_ins->len;
  /* The cover names them; the check-ins carry their words and the notes
   * when chosen. */
  note->names = HEARD_EXPORT_YES;
  note->words = words && check_ins->len > 0 ? HEARD_EXPORT_YES : HEARD_EXPORT_NO;

  /* Noted before it leaves, as every export. */
  status = note_export (store, person_id, note, noted);
  if (status < 0 && (status = write_pdf (document, path)) >= 0)
    note_unwritten (store, noted);
  status = close_export (records, status);
  if (status >= 0)
    return status;

  g_print (g_dngettext (GETTEXT_PACKAGE, "Exported the support plan with %u statement; the "
                                         "export is noted in the record of changes.\n",
                        "Exported the support plan with %u statements; the export is noted "
                        "in the record of changes.\n", statements->len), statements->len);
  return HEARD_CLI_EXIT_OK;
}

/* What @suggest (a heard_plan_document_suggest_*() of one date) suggests
 * for today. */
static char *
suggest_today (char *(*suggest) (const char *printed_on))
{
  g_autofree char *today = NULL;
  GDate day;

  heard_date_today (&day);
  today = heard_date_to_iso (&day);
  return suggest (today);
}

/* Where the PDF goes: FILE itself, refused when a file is there already
 * unless @replace; or, when FILE is a folder, the name Heard suggests there
 * (never the young person's; "practice-" first for practice records), with
 * "-2", "-3"… before ".pdf" until it names nothing there, so that one export
 * never replaces another; @suggested is that name (it ends in ".pdf"). NULL
 * with the status to exit with. */
static char *
choose_pdf_path (const char *file,
                 const char *suggested,
                 gboolean    practice,
                 gboolean    replace,
                 int        *status)
{
  g_autofree char *stem = NULL;
  char *path;

  if (!g_file_test (file, G_FILE_TEST_IS_DIR))
    {
      if (!replace && g_file_test (file, G_FILE_TEST_EXISTS))
        {
          *status = heard_cli_fail (HEARD_CLI_EXIT_REFUSED, "%s",
                                    _("FILE already exists, and an export never replaces a "
                                      "file unasked: give --replace to replace it, or a "
                                      "folder to have a new name chosen there. Nothing was "
                                      "exported."));
          return NULL;
        }
      return g_strdup (file);
    }

  stem = g_strconcat (practice ? HEARD_PLAN_DOCUMENT_PRACTICE_PREFIX : "", suggested, NULL);
  stem[strlen (stem) - strlen (".pdf")] = '\0';
  path = g_strdup_printf ("%s" G_DIR_SEPARATOR_S "%s.pdf", file, stem);
  for (guint n = 2; g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (path);
      path = g_strdup_printf ("%s" G_DIR_SEPARATOR_S "%s-%u.pdf", file, stem, n);
    }

  return path;
}

/* export pdf --help's summary: what it does, and every recipient code. */
static char *
describe_pdf_export (void)
{
  GString *text = g_string_new (_("Writes a young person's support plan as a PDF into FILE "
                                  "(or, when FILE is\na folder, into a new file there whose "
                                  "name says no name; a FILE that\nexists is replaced only "
                                  "with --replace). It says who it is for, and\ntakes only "
                                  "statements whose sharing consent covers them. Noted in\nthe "
                                  "record of changes with what went in. Heard must be closed.\n"
                                  "PERSON-ID is the record number on their Record page in "
                                  "Heard.\n"
                                  "\nRECIPIENT is one of:\n"
                                  "  agency:KIND          one agency, e.g. agency:school\n"
                                  "  agency:ID            one of the agencies directory, "
                                  "e.g. agency:12\n"
                                  "  meeting:KIND,KIND…   a review meeting, e.g. "
                                  "meeting:school,police\n"
                                  "  young-person         the young person themself\n"
                                  "KIND is one of:"));
  gsize line_start = text->len - strlen (_("KIND is one of:"));

  for (HeardAgency agency = 0; agency < HEARD_AGENCY_N_AGENCIES; agency++)
    {
      const char *code = heard_agency_to_code (agency);

      /* The young person is a recipient of their own. */
      if (agency == HEARD_AGENCY_YOUNG_PERSON)
        continue;
      if (text->len - line_start + 1 + strlen (code) + 1 > 78)
        {
          g_string_append (text, "\n ");
          line_start = text->len - 1;
        }
      g_string_append_printf (text, " %s", code);
    }

  return g_string_free (text, FALSE);
}

static int
export_pdf (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("PERSON-ID FILE"));
  g_autofree char *data_dir = NULL;
  g_autofree char *recipient = NULL;
  g_autofree char *path = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *suggested = NULL;
  g_auto(GStrv) statements = NULL;
  PdfChoice choice = { 0 };
  gboolean replace = FALSE;
  const GOptionEntry entries[] = {
    { "for", 0, 0, G_OPTION_ARG_STRING, &recipient,
      N_("Who it is for (needed; see above)"), N_("RECIPIENT") },
    { "statement", 0, 0, G_OPTION_ARG_STRING_ARRAY, &statements,
      N_("A statement to put in, by id (again for more)"), N_("ID") },
    { "all-offered", 0, 0, G_OPTION_ARG_NONE, &choice.all_offered,
      N_("Every statement offered but sensitive ones"), NULL },
    { "include-sensitive", 0, 0, G_OPTION_ARG_NONE, &choice.include_sensitive,
      N_("With --all-offered, the sensitive ones too"), NULL },
    { "with-words", 0, 0, G_OPTION_ARG_NONE, &choice.with_words,
      N_("Check-in words and notes (else for young-person only)"), NULL },
    { "plan", 0, 0, G_OPTION_ARG_INT64, &choice.plan_id,
      N_("The plan to export (else their newest)"), N_("ID") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace FILE when it exists"), NULL },
    { NULL }
  };
  HeardCliRecords records = { 0 };
  gint64 person_id = 0;
  int status;

  summary = describe_pdf_export ();
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Shorter than the usual words: --include-sensitive widens the column. */
  status = heard_cli_parse (context, &data_dir, heard_context_default_data_dir,
                            N_("The records' folder (else HEARD_DATA_DIR or Heard's)"), &argc,
                            &argv, 2, 2);
  if (status >= 0)
    return status;

  if (recipient == NULL)
    return heard_cli_fail (HEARD_CLI_EXIT_USAGE, "%s",
                           _("Say who the PDF is for with --for; heard-cli export pdf --help "
                             "lists the choices."));
  if (choice.include_sensitive && !choice.all_offered)
    return heard_cli_fail (HEARD_CLI_EXIT_USAGE, "%s",
                           _("--include-sensitive goes with --all-offered; a single "
                             "sensitive statement goes in with --statement."));
  if (g_strcmp0 (argv[2], "-") == 0)
    return heard_cli_fail (HEARD_CLI_EXIT_USAGE, "%s",
                           _("A PDF is written to a file, not to standard output."));

  choice.asked_for = recipient;
  choice.statements = statements;
  suggested = suggest_today (heard_plan_document_suggest_file_name);
  status = open_for_export (data_dir, argv[1], &records, &person_id);
  if (status < 0 &&
      (path = choose_pdf_path (argv[2], suggested, heard_unlock_flow_get_practice (records.flow),
                               replace, &status)) != NULL)
    status = run_pdf (&records, person_id, &choice, path);
  heard_cli_records_clear (&records);
  g_clear_pointer (&choice.recipient, heard_recipient_free);
  /* The name Heard chose says no name, so it may be said. */
  if (status == HEARD_CLI_EXIT_OK && g_strcmp0 (path, argv[2]) != 0)
    {
      g_autofree char *name = g_path_get_basename (path);

      g_print (_("The PDF is %s in that folder.\n"), name);
    }

  return status;
}

/* Everything a young person's own record or a subject access export
 * shows, read from the store. */
typedef struct
{
  PdfRecords  base;
  GPtrArray  *check_ins;
  GPtrArray  *marks;
  GPtrArray  *story;
} RecordRecords;

static void
record_records_clear (RecordRecords *records)
{
  pdf_records_clear (&records->base);
  g_clear_pointer (&records->check_ins, g_ptr_array_unref);
  g_clear_pointer (&records->marks, g_ptr_array_unref);
  g_clear_pointer (&records->story, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RecordRecords, record_records_clear)

static int
read_record_records (HeardStore    *store,
                     gint64         person_id,
                     RecordRecords *records)
{
  g_autoptr(GAsyncResult) marks = NULL;
  g_autoptr(GAsyncResult) story = NULL;
  g_autoptr(GError) error = NULL;
  int status = read_pdf_records (store, person_id, &records->base);

  if (status >= 0 ||
      (records->check_ins = list_check_ins (store, person_id, 0, &status)) == NULL)
    return status;

  heard_store_list_for_them_marks_async (store, person_id, NULL, heard_cli_result_cb, &marks);
  heard_store_list_story_async (store, person_id, NULL, heard_cli_result_cb, &story);
  heard_cli_wait (&marks);
  heard_cli_wait (&story);
  if ((records->marks = heard_store_list_for_them_marks_finish (store, marks, &error)) == NULL ||
      (records->story = heard_store_list_story_finish (store, story, &error)) == NULL)
    return heard_cli_fail_with_error (error);

  return -1;
}

/* --withhold KIND:ID:EXEMPTION:REASON, decided by @decided_by; NULL with
 * the status to exit with when one is not such. */
static GPtrArray *
parse_withholdings (char       **asked,
                    const char  *decided_by,
                    int         *status)
{
  g_autoptr(GPtrArray) withholdings = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; asked != NULL && asked[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (asked[i], ":", 4);
      int what = 0, exemption = 0;
      gint64 id = 0;
      g_autoptr(HeardWithholding) withholding = NULL;
      g_autoptr(GError) error = NULL;

      if (g_strv_length (parts) != 4 ||
          !heard_codesign_from_code (HEARD_TYPE_WITHHELD_KIND, parts[0], &what) ||
          !g_ascii_string_to_signed (parts[1], 10, 0, G_MAXINT64, &id, NULL) ||
          !heard_codesign_from_code (HEARD_TYPE_EXEMPTION, parts[2], &exemption))
        {
          *status = heard_cli_fail (HEARD_CLI_EXIT_USAGE,
                                    _("“%s” is not KIND:ID:EXEMPTION:REASON; heard-cli export "
                                      "subject-access --help lists the kinds and exemptions."),
                                    asked[i]);
          return NULL;
        }
      withholding = heard_withholding_new_for_record (what, id, NULL, exemption, parts[3],
                                                      decided_by);
      if (!heard_withholding_check (withholding, &error))
        {
          *status = heard_cli_fail_with_error (error);
          return NULL;
        }
      g_ptr_array_add (withholdings, g_steal_pointer (&withholding));
    }
  return g_steal_pointer (&withholdings);
}

static int
run_record (HeardCliRecords         *records,
            gint64                   person_id,
            HeardRecordDocumentKind  kind,
            const char *const       *redact,
            GPtrArray               *withholdings,
            const char              *path)
{
  HeardStore *store = records->opened->store;
  g_auto(RecordRecords) found = { 0 };
  g_autoptr(GListModel) plans = NULL;
  g_autoptr(GListModel) statements = NULL;
  g_autoptr(GListModel) check_ins = NULL;
  g_autoptr(GListModel) own_words = NULL;
  g_autoptr(GListModel) plan_says = NULL;
  g_autoptr(GListModel) marks = NULL;
  g_autoptr(GListModel) story = NULL;
  g_autoptr(GListModel) chronology = NULL;
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GListModel) agencies = NULL;
  g_autoptr(HeardPlanDocument) document = NULL;
  g_autoptr(HeardExportNote) note = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  gboolean mine = kind == HEARD_RECORD_DOCUMENT_MINE;
  gint64 audit_id;
  GDate day;
  int status = read_record_records (store, person_id, &found);

  if (status >= 0)
    return status;

  heard_date_today (&day);
  today = heard_date_to_iso (&day);
  plans = list_model_of (HEARD_TYPE_PLAN, found.base.plans);
  statements = list_model_of (HEARD_TYPE_STATEMENT, found.base.statements);
  check_ins = list_model_of (HEARD_TYPE_CHECK_IN, found.check_ins);
  own_words = list_model_of (HEARD_TYPE_OWN_WORDS, found.base.own_words);
  plan_says = list_model_of (HEARD_TYPE_PLAN_SAY, found.base.plan_says);
  marks = list_model_of (HEARD_TYPE_FOR_THEM_MARK, found.marks);
  story = list_model_of (HEARD_TYPE_STORY_EVENT, found.story);
  chronology = list_model_of (HEARD_TYPE_CHRONOLOGY_ENTRY, found.base.chronology);
  staff = list_model_of (HEARD_TYPE_STAFF, found.base.staff);
  agencies = list_model_of (HEARD_TYPE_DIRECTORY_AGENCY, found.base.agencies);
  document = heard_plan_document_new_record (&(HeardRecordDocumentContent) {
    .kind = kind,
    .person = found.base.person,
    .plans = plans,
    .statements = statements,
    .check_ins = check_ins,
    .own_words = own_words,
    .plan_says = plan_says,
    .for_them_marks = marks,
    .story = story,
    .chronology = mine ? NULL : chronology,
    .staff = staff,
    .agencies = agencies,
    .withholdings = withholdings,
    .redact = redact,
    .printed_on = today,
    .practice = heard_unlock_flow_get_practice (records->flow),
  });

  /* For the young person themself, whichever it is. */
  note = heard_export_note_new (mine ? HEARD_EXPORT_MY_RECORD : HEARD_EXPORT_SUBJECT_ACCESS,
                                "young-person");
  if (found.base.plans->len > 0)
    {
      HeardPlan *newest = g_ptr_array_index (found.base.plans, 0);

      note->plan_id = heard_plan_get_id (newest);
      note->plan_version = heard_plan_get_version (newest);
    }
  for (guint i = 0; i < found.base.statements->len; i++)
    heard_export_note_add_statement (note,
                                     heard_statement_get_id (found.base.statements->pdata[i]),
                                     heard_statement_get_version (found.base.statements->pdata[i]));
  note->n_check_ins = found.check_ins->len;
  note->names = HEARD_EXPORT_YES;
  note->words = HEARD_EXPORT_YES;

  /* Noted before it leaves, and the decisions to withhold with it. */
  heard_store_note_export_async (store, person_id, note, NULL, heard_cli_result_cb, &result);
  heard_cli_wait (&result);
  audit_id = heard_store_note_export_finish (store, result, &error);
  if (audit_id == 0)
    status = heard_cli_fail_with_error (error);
  else if (withholdings != NULL && withholdings->len > 0)
    {
      g_clear_object (&result);
      heard_store_record_withholdings_async (store, person_id, audit_id, withholdings, NULL,
                                             heard_cli_result_cb, &result);
      heard_cli_wait (&result);
      if (!heard_store_record_withholdings_finish (store, result, &error))
        status = heard_cli_fail_with_error (error);
    }
  if (status < 0)
    status = write_pdf (document, path);
  status = close_export (records, status);
  if (status >= 0)
    return status;

  if (mine)
    g_print ("%s\n", _("Exported their record for the young person; the export is noted in "
                       "the record of changes."));
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Exported everything held about them, %u item "
                                           "withheld; the export and each decision are noted in "
                                           "the record of changes.\n",
                          "Exported everything held about them, %u items withheld; the export "
                          "and each decision are noted in the record of changes.\n",
                          withholdings->len), withholdings->len);
  return HEARD_CLI_EXIT_OK;
}

/* export subject-access --help's summary: the kinds and exemptions. */
static char *
describe_record_export (HeardRecordDocumentKind kind)
{
  GString *text = g_string_new (kind == HEARD_RECORD_DOCUMENT_MINE
                                ? _("Writes the young person's own record as a PDF into FILE (or "
                                    "a new file in\nthe folder FILE): their words, their plan, "
                                    "their check-ins and who was\ntold about them, with only what "
                                    "staff wrote for them to read. Each\n--redact NAME is replaced "
                                    "by “[name removed]” everywhere. Noted in the\nrecord of "
                                    "changes. Heard must be closed.")
                                : _("Writes everything held about a young person, staff notes "
                                    "included, as a\nPDF into FILE (or a new file in the folder "
                                    "FILE), for a subject access\nrequest. Each --redact NAME is "
                                    "replaced by “[name removed]”; each\n--withhold leaves an item "
                                    "out, with the decision kept in the record of\nchanges and "
                                    "listed on the cover. Heard must be closed.\n\nITEM is "
                                    "KIND:ID:EXEMPTION:REASON.\nKIND is one "
                                    "of:"));

  if (kind == HEARD_RECORD_DOCUMENT_MINE)
    return g_string_free (text, FALSE);
  for (int what = 0; what < HEARD_WITHHELD_N_KINDS; what++)
    g_string_append_printf (text, " %s", heard_codesign_to_code (HEARD_TYPE_WITHHELD_KIND, what));
  g_string_append (text, _("\nEXEMPTION is one of:"));
  for (int exemption = 0; exemption < HEARD_EXEMPTION_N_KINDS; exemption++)
    g_string_append_printf (text, " %s", heard_codesign_to_code (HEARD_TYPE_EXEMPTION, exemption));
  return g_string_free (text, FALSE);
}

static int
export_record (int                      argc,
               char                   **argv,
               HeardRecordDocumentKind  kind)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("PERSON-ID FILE"));
  g_autofree char *data_dir = NULL;
  g_autofree char *decided_by = NULL;
  g_autofree char *path = NULL;
  g_autofree char *summary = describe_record_export (kind);
  g_autofree char *suggested = NULL;
  g_auto(GStrv) redact = NULL;
  g_auto(GStrv) withhold = NULL;
  g_autoptr(GPtrArray) withholdings = NULL;
  gboolean replace = FALSE;
  GOptionEntry entries[] = {
    { "redact", 0, 0, G_OPTION_ARG_STRING_ARRAY, &redact,
      N_("Another person's name to remove (again for more)"), N_("NAME") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace FILE when it exists"), NULL },
    { "withhold", 0, 0, G_OPTION_ARG_STRING_ARRAY, &withhold,
      N_("An item to withhold, and why (again for more)"), N_("ITEM") },
    { "decided-by", 0, 0, G_OPTION_ARG_STRING, &decided_by,
      N_("Who decided to withhold (needed with --withhold)"), N_("NAME") },
    { NULL }
  };
  HeardCliRecords records = { 0 };
  gint64 person_id = 0;
  GDate day;
  g_autofree char *today = NULL;
  int status = -1;

  /* Only subject access withholds. */
  if (kind == HEARD_RECORD_DOCUMENT_MINE)
    entries[2] = entries[4];
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = heard_cli_parse (context, &data_dir, heard_context_default_data_dir,
                            N_("The records' folder (else HEARD_DATA_DIR or Heard's)"), &argc,
                            &argv, 2, 2);
  if (status >= 0)
    return status;

  if (withhold != NULL && (decided_by == NULL || *g_strstrip (decided_by) == '\0'))
    return heard_cli_fail (HEARD_CLI_EXIT_USAGE, "%s",
                           _("Say who decided to withhold with --decided-by."));
  if (g_strcmp0 (argv[2], "-") == 0)
    return heard_cli_fail (HEARD_CLI_EXIT_USAGE, "%s",
                           _("A PDF is written to a file, not to standard output."));
  status = -1;
  if ((withholdings = parse_withholdings (withhold, decided_by, &status)) == NULL)
    return status;

  heard_date_today (&day);
  today = heard_date_to_iso (&day);
  suggested = heard_plan_document_suggest_record_file_name (kind, today);
  status = open_for_export (data_dir, argv[1], &records, &person_id);
  if (status < 0 &&
      (path = choose_pdf_path (argv[2], suggested, heard_unlock_flow_get_practice (records.flow),
                               replace, &status)) != NULL)
    status = run_record (&records, person_id, kind, (const char *const *) redact, withholdings,
                         path);
  heard_cli_records_clear (&records);
  if (status == HEARD_CLI_EXIT_OK && g_strcmp0 (path, argv[2]) != 0)
    {
      g_autofree char *name = g_path_get_basename (path);

      g_print (_("The PDF is %s in that folder.\n"), name);
    }

  return status;
}

static int
export_my_record (int    argc,
                  char **argv)
{
  return export_record (argc, argv, HEARD_RECORD_DOCUMENT_MINE);
}

static int
export_subject_access (int    argc,
                       char **argv)
{
  return export_record (argc, argv, HEARD_RECORD_DOCUMENT_SUBJECT_ACCESS);
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

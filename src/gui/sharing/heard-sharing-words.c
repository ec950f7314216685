/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-sharing-words"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-date.h"
#include "heard-directory-list.h"
#include "heard-statement.h"
#include "heard-sharing-words.h"

/*
 * The sharing log is read by workers, managers and, one day, the young
 * person: each entry says in whole words what was decided, with whom and
 * why, and never leaves out that they did not agree or were not told.
 */

char *
heard_sharing_words_title (HeardSharingEntry *entry,
                           GListModel        *directory)
{
  HeardDirectoryAgency *agency = NULL;
  const char *name = NULL;
  g_autofree char *described = NULL;

  g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (entry), NULL);

  if (directory != NULL && heard_sharing_entry_get_agency_id (entry) != 0)
    agency = heard_directory_list_lookup (HEARD_DIRECTORY_LIST (directory),
                                          heard_sharing_entry_get_agency_id (entry));
  if (agency != NULL)
    name = heard_directory_agency_get_text (agency, HEARD_DIRECTORY_AGENCY_NAME);
  described = heard_sharing_entry_describe (entry, name);
  if (heard_sharing_entry_get_decision (entry) == HEARD_SHARING_SHARED)
    return g_steal_pointer (&described);

  /* TRANSLATORS: "Decided not to share with Eastgate Police: <their reason>" */
  return g_strdup_printf (_("%s: %s"), described,
                          heard_sharing_entry_get_text (entry, HEARD_SHARING_NOT_SHARED_REASON));
}

static const char *
basis_label (HeardSharingEntry *entry,
             GPtrArray         *bases)
{
  const char *code = heard_sharing_entry_get_lawful_basis (entry);

  for (guint i = 0; bases != NULL && i < bases->len; i++)
    if (g_strcmp0 (heard_lawful_basis_get_code (g_ptr_array_index (bases, i)), code) == 0)
      return heard_lawful_basis_get_label (g_ptr_array_index (bases, i));

  return code;
}

/* "They did not agree: <why> (decided by <who>)". */
static char *
describe_agreement (HeardSharingEntry *entry)
{
  const char *why = heard_sharing_entry_get_text (entry, HEARD_SHARING_AGREEMENT_REASON);
  const char *who = heard_sharing_entry_get_text (entry, HEARD_SHARING_DECIDED_BY);

  switch (heard_sharing_entry_get_agreed (entry))
    {
    case HEARD_SHARING_AGREED_NO:
      /* TRANSLATORS: why it was shared although they did not agree, and who decided */
      return g_strdup_printf (_("They did not agree: %s (decided by %s)"), why, who);
    case HEARD_SHARING_AGREED_NOT_ASKED:
      /* TRANSLATORS: why they were not asked, and who decided */
      return g_strdup_printf (_("They were not asked: %s (decided by %s)"), why, who);
    case HEARD_SHARING_AGREED_YES:
    case HEARD_SHARING_N_AGREED:
    default:
      return g_strdup (_("They agreed"));
    }
}

/* What links to @record. */
static HeardSharingLink
link_to (GObject *record)
{
  if (HEARD_IS_STATEMENT (record))
    return (HeardSharingLink) { HEARD_SHARING_LINK_STATEMENT,
                                heard_statement_get_id (HEARD_STATEMENT (record)) };
  if (HEARD_IS_PLAN (record))
    return (HeardSharingLink) { HEARD_SHARING_LINK_PLAN, heard_plan_get_id (HEARD_PLAN (record)) };
  return (HeardSharingLink) { HEARD_SHARING_LINK_CHECK_IN,
                              heard_check_in_get_id (HEARD_CHECK_IN (record)) };
}

char *
heard_sharing_words_record (GObject          *record,
                            gboolean          several_plans,
                            HeardSharingLink *link)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT (record) || HEARD_IS_PLAN (record) ||
                        HEARD_IS_CHECK_IN (record), NULL);

  if (link != NULL)
    *link = link_to (record);

  if (HEARD_IS_STATEMENT (record))
    {
      HeardStatement *statement = HEARD_STATEMENT (record);
      g_autofree char *day =
        heard_date_describe (heard_statement_get_text (statement, HEARD_STATEMENT_GIVEN_ON));
      const char *text = heard_statement_get_text (statement, HEARD_STATEMENT_WORDS);
      glong length = g_utf8_strlen (text, -1);
      g_autofree char *words = NULL;

      if (heard_statement_get_sensitive (statement))
        /* TRANSLATORS: a sensitive statement by its content note: "Their words of 3 May 2024 (content note: about the night out)" */
        return g_strdup_printf (_("Their words of %s (content note: %s)"), day,
                                heard_statement_get_content_note (statement));

      words = g_utf8_substring (text, 0, MIN (length, 60));
      /* TRANSLATORS: a statement by its first words: "Their words of 3 May 2024: “I want to go back to school…”" */
      return g_strdup_printf (length > 60 ? _("Their words of %s: “%s…”")
                                          : _("Their words of %s: “%s”"), day, words);
    }
  if (HEARD_IS_PLAN (record))
    {
      g_autofree char *day =
        heard_date_describe_moment_day (heard_plan_get_created_at (HEARD_PLAN (record)));

      /* TRANSLATORS: one of several plans, by the day it was made */
      return several_plans ? g_strdup_printf (_("The support plan of %s"), day)
                           : g_strdup (_("The support plan"));
    }
  {
    g_autofree char *day = heard_date_describe (heard_check_in_get_day (HEARD_CHECK_IN (record)));

    /* TRANSLATORS: a check-in by its day: "Check-in of 3 May 2024" */
    return g_strdup_printf (_("Check-in of %s"), day);
  }
}

/* @link by name, from @records (the case file's of its kind). */
static char *
name_link (const HeardSharingLink *link,
           GListModel             *records,
           gboolean                several_plans)
{
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (records, i);

      if (link_to (record).id == link->id)
        return heard_sharing_words_record (record, several_plans, NULL);
    }

  return g_strdup (_("a record no longer in their file"));
}

/* "Records included: The support plan; Check-in of 3 May 2024", or NULL. */
static char *
describe_links (HeardSharingEntry *entry,
                HeardCaseFile     *case_file)
{
  GListModel *plans = heard_case_file_get_plans (case_file);
  GListModel *models[HEARD_SHARING_N_LINK_KINDS] = {
    [HEARD_SHARING_LINK_STATEMENT] = heard_case_file_get_statements (case_file),
    [HEARD_SHARING_LINK_PLAN] = plans,
    [HEARD_SHARING_LINK_CHECK_IN] = heard_case_file_get_check_ins (case_file),
  };
  guint n_links;
  const HeardSharingLink *links = heard_sharing_entry_get_links (entry, &n_links);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  g_autofree char *joined = NULL;

  if (n_links == 0)
    return NULL;
  for (guint i = 0; i < n_links; i++)
    {
      g_autofree char *name = name_link (&links[i], models[links[i].kind],
                                         g_list_model_get_n_items (plans) > 1);

      g_strv_builder_add (names, name);
    }
  list = g_strv_builder_end (names);
  joined = g_strjoinv ("; ", list);
  /* TRANSLATORS: the records a share included, by name, separated by ";" */
  return g_strdup_printf (_("Records included: %s"), joined);
}

char *
heard_sharing_words_details (HeardSharingEntry *entry,
                             HeardCaseFile     *case_file,
                             GPtrArray         *bases)
{
  g_autofree char *day = NULL;
  g_autofree char *agreement = NULL;
  g_autofree char *told = NULL;
  g_autofree char *records = NULL;
  const char *contact;
  GString *details;

  g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (entry), NULL);
  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);

  day = heard_date_describe (heard_sharing_entry_get_shared_on (entry));
  if (heard_sharing_entry_get_decision (entry) != HEARD_SHARING_SHARED)
    /* TRANSLATORS: a decision not to share: its day, then what was not shared */
    return g_strdup_printf (_("%s · Not shared: %s"), day,
                            heard_sharing_entry_get_text (entry, HEARD_SHARING_WHAT));

  agreement = describe_agreement (entry);
  told = heard_sharing_entry_get_told (entry)
         ? g_strdup (_("They were told"))
         /* TRANSLATORS: why the young person was not told it was shared */
         : g_strdup_printf (_("They were not told: %s"),
                            heard_sharing_entry_get_text (entry,
                                                          HEARD_SHARING_NOT_TOLD_REASON));
  details = g_string_new (NULL);
  /* TRANSLATORS: "3 May 2024 · Meeting · Lawful basis: Consent" */
  g_string_append_printf (details, _("%s · %s · Lawful basis: %s"), day,
                          heard_sharing_method_label (heard_sharing_entry_get_method (entry)),
                          basis_label (entry, bases));
  contact = heard_sharing_entry_get_text (entry, HEARD_SHARING_CONTACT);
  if (*contact != '\0')
    /* TRANSLATORS: the person at the agency it was shared with */
    g_string_append_printf (details, _("\nWith: %s"), contact);
  /* TRANSLATORS: what it was shared for */
  g_string_append_printf (details, _("\nPurpose: %s"),
                          heard_sharing_entry_get_text (entry, HEARD_SHARING_PURPOSE));
  records = describe_links (entry, case_file);
  if (records != NULL)
    g_string_append_printf (details, "\n%s", records);
  g_string_append_printf (details, "\n%s\n%s", agreement, told);
  return g_string_free (details, FALSE);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-sharing-words"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-date.h"
#include "heard-directory-list.h"
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

char *
heard_sharing_words_details (HeardSharingEntry *entry,
                             GPtrArray         *bases)
{
  g_autofree char *day = NULL;
  g_autofree char *agreement = NULL;
  g_autofree char *told = NULL;

  g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (entry), NULL);

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
  /* TRANSLATORS: "3 May 2024 · Meeting · Lawful basis: Consent", then on
   * the next line whether they agreed, then whether they were told */
  return g_strdup_printf (_("%s · %s · Lawful basis: %s\n%s\n%s"), day,
                          heard_sharing_method_label (heard_sharing_entry_get_method (entry)),
                          basis_label (entry, bases), agreement, told);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-recipient"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "heard-recipient.h"

/*
 * The rules of who an export is for (heard-recipient.h): what may go to
 * them, and how they are named in words and in the audit trail.
 */

#define AGENCY_PREFIX "agency:"
#define MEETING_PREFIX "meeting:"
#define YOUNG_PERSON_CODE "young-person"
#define OWN_TEAM_CODE "own-team"

static HeardRecipient *
new_of_kind (HeardRecipientKind kind)
{
  HeardRecipient *recipient = g_new0 (HeardRecipient, 1);

  recipient->kind = kind;

  return recipient;
}

static gboolean
may_be_sent_to (HeardAgency agency)
{
  return agency < HEARD_AGENCY_N_AGENCIES && agency != HEARD_AGENCY_YOUNG_PERSON;
}

/* @agencies in canonical order, or NULL unless it is a non-empty list of
 * agencies that may be sent to, each known. */
static char *
canonical_meeting (const char *agencies)
{
  g_auto(GStrv) codes = g_strsplit (agencies, ",", -1);
  g_autofree char *list = g_strdup ("");

  if (codes[0] == NULL)
    return NULL;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      HeardAgency agency;
      char *longer;

      if (!heard_agency_from_code (codes[i], &agency) || !may_be_sent_to (agency))
        return NULL;
      longer = heard_agency_list_add (list, agency);
      g_free (list);
      list = longer;
    }

  return g_steal_pointer (&list);
}

HeardRecipient *
heard_recipient_new_agency (HeardAgency agency)
{
  HeardRecipient *recipient;

  g_return_val_if_fail (may_be_sent_to (agency), NULL);

  recipient = new_of_kind (HEARD_RECIPIENT_AGENCY);
  recipient->agency = agency;

  return recipient;
}

HeardRecipient *
heard_recipient_new_meeting (const char *agencies)
{
  g_autofree char *list = NULL;
  HeardRecipient *recipient;

  g_return_val_if_fail (agencies != NULL, NULL);
  list = canonical_meeting (agencies);
  g_return_val_if_fail (list != NULL, NULL);

  recipient = new_of_kind (HEARD_RECIPIENT_MEETING);
  recipient->agencies = g_steal_pointer (&list);

  return recipient;
}

HeardRecipient *
heard_recipient_new_young_person (void)
{
  return new_of_kind (HEARD_RECIPIENT_YOUNG_PERSON);
}

HeardRecipient *
heard_recipient_new_own_team (void)
{
  return new_of_kind (HEARD_RECIPIENT_OWN_TEAM);
}

HeardRecipient *
heard_recipient_copy (const HeardRecipient *recipient)
{
  HeardRecipient *copy;

  g_return_val_if_fail (recipient != NULL, NULL);

  copy = new_of_kind (recipient->kind);
  copy->agency = recipient->agency;
  copy->agencies = g_strdup (recipient->agencies);

  return copy;
}

void
heard_recipient_free (HeardRecipient *recipient)
{
  if (recipient == NULL)
    return;

  g_free (recipient->agencies);
  g_free (recipient);
}

char *
heard_recipient_describe (const HeardRecipient *recipient)
{
  g_autofree char *attending = NULL;

  g_return_val_if_fail (recipient != NULL, NULL);

  switch (recipient->kind)
    {
    case HEARD_RECIPIENT_AGENCY:
      return g_strdup (heard_agency_label (recipient->agency));

    case HEARD_RECIPIENT_MEETING:
      attending = heard_agency_list_to_label (recipient->agencies);
      /* TRANSLATORS: who a plan is for; %s lists the agencies attending,
       * e.g. "Review meeting: School or college, Police" */
      return g_strdup_printf (_("Review meeting: %s"), attending);

    case HEARD_RECIPIENT_YOUNG_PERSON:
      return g_strdup (_("The young person"));

    case HEARD_RECIPIENT_OWN_TEAM:
      return g_strdup (_("Our own team, for analysis"));

    default:
      g_return_val_if_reached (NULL);
    }
}

char *
heard_recipient_to_code (const HeardRecipient *recipient)
{
  g_return_val_if_fail (recipient != NULL, NULL);

  switch (recipient->kind)
    {
    case HEARD_RECIPIENT_AGENCY:
      return g_strconcat (AGENCY_PREFIX, heard_agency_to_code (recipient->agency), NULL);

    case HEARD_RECIPIENT_MEETING:
      return g_strconcat (MEETING_PREFIX, recipient->agencies, NULL);

    case HEARD_RECIPIENT_YOUNG_PERSON:
      return g_strdup (YOUNG_PERSON_CODE);

    case HEARD_RECIPIENT_OWN_TEAM:
      return g_strdup (OWN_TEAM_CODE);

    default:
      g_return_val_if_reached (NULL);
    }
}

HeardRecipient *
heard_recipient_from_code (const char *code)
{
  HeardAgency agency;

  if (code == NULL)
    return NULL;

  if (g_str_equal (code, YOUNG_PERSON_CODE))
    return heard_recipient_new_young_person ();
  if (g_str_equal (code, OWN_TEAM_CODE))
    return heard_recipient_new_own_team ();
  if (g_str_has_prefix (code, AGENCY_PREFIX) &&
      heard_agency_from_code (code + strlen (AGENCY_PREFIX), &agency) && may_be_sent_to (agency))
    return heard_recipient_new_agency (agency);
  if (g_str_has_prefix (code, MEETING_PREFIX))
    {
      g_autofree char *list = canonical_meeting (code + strlen (MEETING_PREFIX));

      if (list != NULL)
        return heard_recipient_new_meeting (list);
    }

  return NULL;
}

gboolean
heard_recipient_may_receive (const HeardRecipient *recipient,
                             HeardStatement       *statement)
{
  const char *consent;

  g_return_val_if_fail (recipient != NULL, FALSE);
  g_return_val_if_fail (HEARD_IS_STATEMENT (statement), FALSE);

  consent = heard_statement_get_text (statement, HEARD_STATEMENT_SHARE_WITH);
  switch (recipient->kind)
    {
    case HEARD_RECIPIENT_AGENCY:
      return heard_agency_list_has (consent, recipient->agency);

    case HEARD_RECIPIENT_MEETING:
      for (guint i = 0; i < HEARD_AGENCY_N_AGENCIES; i++)
        {
          if (heard_agency_list_has (recipient->agencies, (HeardAgency) i) &&
              !heard_agency_list_has (consent, (HeardAgency) i))
            return FALSE;
        }
      return TRUE;

    case HEARD_RECIPIENT_YOUNG_PERSON:
      return TRUE;

    case HEARD_RECIPIENT_OWN_TEAM:
      return FALSE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

GPtrArray *
heard_recipient_offered_statements (const HeardRecipient *recipient,
                                    GListModel           *statements)
{
  GPtrArray *offered;
  guint n;

  g_return_val_if_fail (recipient != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (statements), NULL);

  n = g_list_model_get_n_items (statements);
  offered = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeardStatement) statement = g_list_model_get_item (statements, i);

      if (heard_recipient_may_receive (recipient, statement))
        g_ptr_array_add (offered, g_steal_pointer (&statement));
    }

  return offered;
}

gboolean
heard_statement_ticked_by_default (HeardStatement *statement)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT (statement), FALSE);

  return !heard_statement_get_sensitive (statement);
}

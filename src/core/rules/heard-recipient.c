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

static void
clear_entry (gpointer data)
{
  HeardRecipientEntry *entry = data;

  g_clear_pointer (&entry->name, g_free);
}

static GArray *
new_entries (void)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (HeardRecipientEntry));

  g_array_set_clear_func (entries, clear_entry);
  return entries;
}

/* Adds @kind's entry @id to @entries in the order of kinds then ids, once. */
static void
add_entry (GArray      *entries,
           HeardAgency  kind,
           gint64       id,
           const char  *name)
{
  HeardRecipientEntry entry = { kind, id, g_strdup (name) };
  guint at = 0;

  for (; at < entries->len; at++)
    {
      HeardRecipientEntry *listed = &g_array_index (entries, HeardRecipientEntry, at);

      if (listed->kind == kind && listed->id == id)
        {
          g_free (entry.name);
          return;
        }
      if (listed->kind > kind || (listed->kind == kind && listed->id > id))
        break;
    }

  g_array_insert_val (entries, at, entry);
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
  return heard_recipient_new_entry (agency, 0, NULL);
}

HeardRecipient *
heard_recipient_new_entry (HeardAgency  kind,
                           gint64       id,
                           const char  *name)
{
  HeardRecipient *recipient;

  g_return_val_if_fail (may_be_sent_to (kind), NULL);
  g_return_val_if_fail (id >= 0, NULL);

  recipient = new_of_kind (HEARD_RECIPIENT_AGENCY);
  recipient->agency = kind;
  recipient->entries = new_entries ();
  add_entry (recipient->entries, kind, id, name);

  return recipient;
}

HeardRecipient *
heard_recipient_new_directory_agency (HeardDirectoryAgency *agency)
{
  g_return_val_if_fail (HEARD_IS_DIRECTORY_AGENCY (agency), NULL);

  return heard_recipient_new_entry (
    heard_agency_type_to_kind (heard_directory_agency_get_agency_type (agency)),
    heard_directory_agency_get_id (agency),
    heard_directory_agency_get_text (agency, HEARD_DIRECTORY_AGENCY_NAME));
}

HeardRecipient *
heard_recipient_new_meeting (const char *agencies)
{
  g_autofree char *list = NULL;
  g_auto(GStrv) codes = NULL;
  g_autoptr(GArray) attending = new_entries ();

  g_return_val_if_fail (agencies != NULL, NULL);
  list = canonical_meeting (agencies);
  g_return_val_if_fail (list != NULL, NULL);

  codes = g_strsplit (list, ",", -1);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      HeardAgency agency;

      heard_agency_from_code (codes[i], &agency);
      add_entry (attending, agency, 0, NULL);
    }

  return heard_recipient_new_meeting_of ((HeardRecipientEntry *) attending->data, attending->len);
}

HeardRecipient *
heard_recipient_new_meeting_of (const HeardRecipientEntry *attending,
                                guint                      n)
{
  HeardRecipient *recipient;
  g_autofree char *list = g_strdup ("");

  g_return_val_if_fail (attending != NULL && n > 0, NULL);
  for (guint i = 0; i < n; i++)
    g_return_val_if_fail (may_be_sent_to (attending[i].kind) && attending[i].id >= 0, NULL);

  recipient = new_of_kind (HEARD_RECIPIENT_MEETING);
  recipient->entries = new_entries ();
  for (guint i = 0; i < n; i++)
    {
      char *longer = heard_agency_list_add (list, attending[i].kind);

      g_free (list);
      list = longer;
      add_entry (recipient->entries, attending[i].kind, attending[i].id, attending[i].name);
    }
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
  if (recipient->entries != NULL)
    {
      copy->entries = new_entries ();
      for (guint i = 0; i < recipient->entries->len; i++)
        {
          HeardRecipientEntry *entry = &g_array_index (recipient->entries, HeardRecipientEntry, i);

          add_entry (copy->entries, entry->kind, entry->id, entry->name);
        }
    }

  return copy;
}

void
heard_recipient_free (HeardRecipient *recipient)
{
  if (recipient == NULL)
    return;

  g_free (recipient->agencies);
  g_clear_pointer (&recipient->entries, g_array_unref);
  g_free (recipient);
}

gboolean
heard_recipient_name_entries (HeardRecipient *recipient,
                              GListModel     *directory)
{
  guint n;

  g_return_val_if_fail (recipient != NULL, FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (directory), FALSE);

  n = g_list_model_get_n_items (directory);
  for (guint i = 0; recipient->entries != NULL && i < recipient->entries->len; i++)
    {
      HeardRecipientEntry *entry = &g_array_index (recipient->entries, HeardRecipientEntry, i);
      gboolean found = entry->id == 0;

      for (guint j = 0; !found && j < n; j++)
        {
          g_autoptr(HeardDirectoryAgency) agency = g_list_model_get_item (directory, j);

          if (heard_directory_agency_get_id (agency) != entry->id)
            continue;
          if (heard_agency_type_to_kind (heard_directory_agency_get_agency_type (agency)) !=
              entry->kind)
            return FALSE;
          g_free (entry->name);
          entry->name = g_strdup (heard_directory_agency_get_text (agency,
                                                                   HEARD_DIRECTORY_AGENCY_NAME));
          found = TRUE;
        }
      if (!found)
        return FALSE;
    }

  return TRUE;
}

static char *
describe_entry (const HeardRecipientEntry *entry)
{
  if (entry->name == NULL || *entry->name == '\0')
    return g_strdup (heard_agency_label (entry->kind));

  /* TRANSLATORS: an agency of the directory and its kind, e.g.
   * "Northgate Academy (School or college)" */
  return g_strdup_printf (_("%s (%s)"), entry->name, heard_agency_label (entry->kind));
}

char *
heard_recipient_describe (const HeardRecipient *recipient)
{
  g_autoptr(GPtrArray) described = NULL;
  g_autofree char *attending = NULL;

  g_return_val_if_fail (recipient != NULL, NULL);

  switch (recipient->kind)
    {
    case HEARD_RECIPIENT_AGENCY:
      return describe_entry (&g_array_index (recipient->entries, HeardRecipientEntry, 0));

    case HEARD_RECIPIENT_MEETING:
      described = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < recipient->entries->len; i++)
        g_ptr_array_add (described, describe_entry (&g_array_index (recipient->entries,
                                                                    HeardRecipientEntry, i)));
      g_ptr_array_add (described, NULL);
      /* TRANSLATORS: separates agency names in a list, e.g. "Police, Health" */
      attending = g_strjoinv (_(", "), (char **) described->pdata);
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

/* "school", or "school:12" for a directory entry. */
static void
append_entry_code (GString                   *code,
                   const HeardRecipientEntry *entry)
{
  g_string_append (code, heard_agency_to_code (entry->kind));
  if (entry->id != 0)
    g_string_append_printf (code, ":%" G_GINT64_FORMAT, entry->id);
}

char *
heard_recipient_to_code (const HeardRecipient *recipient)
{
  GString *code;

  g_return_val_if_fail (recipient != NULL, NULL);

  switch (recipient->kind)
    {
    case HEARD_RECIPIENT_AGENCY:
    case HEARD_RECIPIENT_MEETING:
      code = g_string_new (recipient->kind == HEARD_RECIPIENT_AGENCY ? AGENCY_PREFIX
                                                                     : MEETING_PREFIX);
      for (guint i = 0; i < recipient->entries->len; i++)
        {
          if (i > 0)
            g_string_append_c (code, ',');
          append_entry_code (code, &g_array_index (recipient->entries, HeardRecipientEntry, i));
        }
      return g_string_free (code, FALSE);

    case HEARD_RECIPIENT_YOUNG_PERSON:
      return g_strdup (YOUNG_PERSON_CODE);

    case HEARD_RECIPIENT_OWN_TEAM:
      return g_strdup (OWN_TEAM_CODE);

    default:
      g_return_val_if_reached (NULL);
    }
}

/* "school" or "school:12" read back, unnamed; FALSE when it is neither. */
static gboolean
parse_entry (const char          *code,
             HeardRecipientEntry *entry)
{
  g_auto(GStrv) parts = g_strsplit (code, ":", 2);
  guint64 id = 0;

  if (parts[0] == NULL || !heard_agency_from_code (parts[0], &entry->kind) ||
      !may_be_sent_to (entry->kind))
    return FALSE;
  if (parts[1] != NULL &&
      (!g_ascii_isdigit (parts[1][0]) ||
       !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXINT64, &id, NULL)))
    return FALSE;

  entry->id = (gint64) id;
  entry->name = NULL;
  return TRUE;
}

HeardRecipient *
heard_recipient_from_code (const char *code)
{
  HeardRecipientEntry entry;

  if (code == NULL)
    return NULL;

  if (g_str_equal (code, YOUNG_PERSON_CODE))
    return heard_recipient_new_young_person ();
  if (g_str_equal (code, OWN_TEAM_CODE))
    return heard_recipient_new_own_team ();
  if (g_str_has_prefix (code, AGENCY_PREFIX) && parse_entry (code + strlen (AGENCY_PREFIX), &entry))
    return heard_recipient_new_entry (entry.kind, entry.id, NULL);
  if (g_str_has_prefix (code, MEETING_PREFIX))
    {
      g_auto(GStrv) codes = g_strsplit (code + strlen (MEETING_PREFIX), ",", -1);
      g_autoptr(GArray) attending = new_entries ();

      for (guint i = 0; codes[i] != NULL; i++)
        {
          if (!parse_entry (codes[i], &entry))
            return NULL;
          g_array_append_val (attending, entry);
        }
      if (attending->len > 0)
        return heard_recipient_new_meeting_of ((HeardRecipientEntry *) attending->data,
                                               attending->len);
    }

  return NULL;
}

HeardRecipient *
heard_recipient_from_code_in (const char *code,
                              GListModel *directory)
{
  g_autoptr(HeardRecipient) recipient = NULL;
  guint64 id;

  g_return_val_if_fail (G_IS_LIST_MODEL (directory), NULL);

  if (code != NULL && g_str_has_prefix (code, AGENCY_PREFIX) &&
      g_ascii_isdigit (code[strlen (AGENCY_PREFIX)]) &&
      g_ascii_string_to_unsigned (code + strlen (AGENCY_PREFIX), 10, 1, G_MAXINT64, &id, NULL))
    {
      for (guint i = 0; i < g_list_model_get_n_items (directory); i++)
        {
          g_autoptr(HeardDirectoryAgency) agency = g_list_model_get_item (directory, i);

          if (heard_directory_agency_get_id (agency) == (gint64) id)
            return heard_recipient_new_directory_agency (agency);
        }
      return NULL;
    }

  recipient = heard_recipient_from_code (code);
  if (recipient == NULL || !heard_recipient_name_entries (recipient, directory))
    return NULL;

  return g_steal_pointer (&recipient);
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

gboolean
heard_recipient_may_receive_on (const HeardRecipient *recipient,
                                HeardStatement       *statement,
                                const GDate          *day)
{
  g_return_val_if_fail (recipient != NULL, FALSE);

  /* Their own words are theirs, whatever they agreed others may see. */
  return heard_recipient_may_receive (recipient, statement) &&
         (recipient->kind == HEARD_RECIPIENT_YOUNG_PERSON ||
          heard_statement_consent_holds_on (statement, day));
}

GPtrArray *
heard_recipient_offered_statements (const HeardRecipient *recipient,
                                    GListModel           *statements,
                                    const GDate          *day)
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

      if (heard_recipient_may_receive_on (recipient, statement, day))
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

gboolean
heard_recipient_kind_gets_check_in_words (HeardRecipientKind kind)
{
  return kind == HEARD_RECIPIENT_YOUNG_PERSON;
}

gboolean
heard_recipient_kind_is_sharing (HeardRecipientKind kind)
{
  return kind == HEARD_RECIPIENT_AGENCY || kind == HEARD_RECIPIENT_MEETING;
}

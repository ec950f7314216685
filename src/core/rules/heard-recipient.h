/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-agency.h"
#include "heard-directory-agency.h"
#include "heard-statement.h"

G_BEGIN_DECLS

/*
 * Who an export is for, and so which of a young person's statements may go
 * in it: only those whose sharing consent covers the recipient. The PDF
 * export, print and heard-cli ask the same rules, and the audit entry of
 * every export keeps the recipient's code, so that the sharing log can tell
 * the young person later who received what. An agency may be an entry of
 * the agencies directory ("Northgate Academy"): consent still goes by its
 * kind (statements were agreed for a kind of agency), while the cover and
 * the audit name the entry.
 */

typedef enum
{
  /* One agency. Any agency kind but the young person themself (who is a
   * recipient of their own): a caseworker sends a plan to a parent or
   * carer as often as to a school, so the family is an agency a statement
   * may be shared with, and "other" stands for one not yet in the list. */
  HEARD_RECIPIENT_AGENCY,
  /* A review meeting, with the agencies attending. */
  HEARD_RECIPIENT_MEETING,
  /* The young person themself: their own words are theirs. */
  HEARD_RECIPIENT_YOUNG_PERSON,
  /* Our own team, for analysis (counts and trends, heard-cli export): no
   * one outside the organisation, and never anyone's words. */
  HEARD_RECIPIENT_OWN_TEAM,
} HeardRecipientKind;

/* One agency an export goes to: its kind, and the directory entry chosen
 * (id 0 for the kind alone; name NULL when not known, as when read back
 * from a code). */
typedef struct
{
  HeardAgency  kind;
  gint64       id;
  char        *name;
} HeardRecipientEntry;

typedef struct
{
  HeardRecipientKind  kind;
  /* For HEARD_RECIPIENT_AGENCY. */
  HeardAgency         agency;
  /* For HEARD_RECIPIENT_MEETING: the agencies attending, as a comma list of
   * codes (heard_agency_list_add()), in canonical order, never empty. */
  char               *agencies;
  /* For an agency, the one entry; for a meeting, every one attending, in
   * the order of kinds then ids (HeardRecipientEntry); NULL otherwise. */
  GArray             *entries;
} HeardRecipient;

HeardRecipient *heard_recipient_new_agency       (HeardAgency            agency)
                                                  G_GNUC_WARN_UNUSED_RESULT;
HeardRecipient *heard_recipient_new_meeting      (const char            *agencies)
                                                  G_GNUC_WARN_UNUSED_RESULT;
/* An agency of the directory, or a meeting of those attending (@n > 0;
 * the same entry twice counts once). */
HeardRecipient *heard_recipient_new_entry        (HeardAgency            kind,
                                                  gint64                 id,
                                                  const char            *name)
                                                  G_GNUC_WARN_UNUSED_RESULT;
HeardRecipient *heard_recipient_new_directory_agency (HeardDirectoryAgency *agency)
                                                      G_GNUC_WARN_UNUSED_RESULT;
HeardRecipient *heard_recipient_new_meeting_of   (const HeardRecipientEntry *attending,
                                                  guint                  n)
                                                  G_GNUC_WARN_UNUSED_RESULT;
HeardRecipient *heard_recipient_new_young_person (void) G_GNUC_WARN_UNUSED_RESULT;
HeardRecipient *heard_recipient_new_own_team     (void) G_GNUC_WARN_UNUSED_RESULT;
HeardRecipient *heard_recipient_copy             (const HeardRecipient  *recipient)
                                                  G_GNUC_WARN_UNUSED_RESULT;
void            heard_recipient_free             (HeardRecipient        *recipient);

/* Names the entries of @recipient from @directory (HeardDirectoryAgency,
 * retired ones too), as after reading a code back; FALSE when an entry is
 * not in it, or is there as another kind. */
gboolean        heard_recipient_name_entries     (HeardRecipient        *recipient,
                                                  GListModel            *directory);

/* Words for the cover and the audit view: "Police", "Northgate Academy
 * (School or college)", "Review meeting: Northgate Academy (School or
 * college), Police", "The young person". */
char           *heard_recipient_describe         (const HeardRecipient  *recipient)
                                                  G_GNUC_WARN_UNUSED_RESULT;
/* A stable code for the audit trail, never translated ("agency:school",
 * "meeting:school,police", "young-person", "own-team"; with directory
 * entries "agency:school:12", "meeting:school:12,police"), and the
 * recipient read back from one, entries unnamed (NULL when @code is none). */
char           *heard_recipient_to_code          (const HeardRecipient  *recipient)
                                                  G_GNUC_WARN_UNUSED_RESULT;
HeardRecipient *heard_recipient_from_code        (const char            *code)
                                                  G_GNUC_WARN_UNUSED_RESULT;
/* As heard_recipient_from_code(), with its entries named from @directory,
 * and "agency:12" read as the entry 12 of @directory, as a user may type
 * it; NULL when an entry is not there. */
HeardRecipient *heard_recipient_from_code_in     (const char            *code,
                                                  GListModel            *directory)
                                                  G_GNUC_WARN_UNUSED_RESULT;

/* Whether @statement's sharing consent covers @recipient: for an agency,
 * consent for it; for a meeting, consent for every agency attending; the
 * young person may always have their own words; our own team's analysis
 * never takes anyone's words. */
gboolean        heard_recipient_may_receive      (const HeardRecipient  *recipient,
                                                  HeardStatement        *statement);
/* Whether @statement may go to @recipient on @day, the day an export
 * runs: its consent covers the recipient and, for anyone but the young
 * person themself, still holds on @day (heard_statement_consent_holds_on():
 * consent that ended or was withdrawn keeps it out). */
gboolean        heard_recipient_may_receive_on   (const HeardRecipient  *recipient,
                                                  HeardStatement        *statement,
                                                  const GDate           *day);
/* The statements of @statements (HeardStatement) that may go to
 * @recipient on @day (today, as the export runs), in their order, to offer
 * in the export dialog and heard-cli. */
GPtrArray      *heard_recipient_offered_statements (const HeardRecipient *recipient,
                                                    GListModel           *statements,
                                                    const GDate          *day)
                                                    G_GNUC_WARN_UNUSED_RESULT;
/* Whether an offered statement starts ticked: a sensitive one goes only if
 * the user ticks it. */
gboolean        heard_statement_ticked_by_default (HeardStatement       *statement);
/* Whether what they said at check-ins, and the worker's notes, go to a
 * recipient of @kind unless the user says otherwise: only to the young
 * person themself (no consent was asked for those words). */
gboolean        heard_recipient_kind_gets_check_in_words (HeardRecipientKind kind);
/* Whether what goes to a recipient of @kind tells another agency, and so
 * belongs in the sharing log: an agency or a meeting, not the young person
 * themself nor their own team. */
gboolean        heard_recipient_kind_is_sharing (HeardRecipientKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeardRecipient, heard_recipient_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "heard-export-note.h"

G_BEGIN_DECLS

/*
 * One entry of a young person's sharing log: a decision to share something
 * about them with an agency, or not to share it, with everything guidance
 * asks to be written down (what, with whom, when, how, why, on what lawful
 * basis, whether they agreed and were told, and why it was necessary). One
 * HeardSharingEntry holds one version: version 1 is the original, every
 * later one an amendment with a reason; versions are only ever added.
 *
 * An export made for a recipient is sharing too: an entry can complete one
 * (its audit entry's number), and heard_sharing_entry_new_from_export_note()
 * pre-fills a draft from it for the worker to finish.
 */

/* The nicks are the stored codes. */
typedef enum
{
  HEARD_SHARING_SHARED,     /*< nick=shared >*/
  HEARD_SHARING_NOT_SHARED, /*< nick=not-shared >*/
  HEARD_SHARING_N_DECISIONS /*< skip >*/
} HeardSharingDecision;

typedef enum
{
  HEARD_SHARING_METHOD_MEETING,         /*< nick=meeting >*/
  HEARD_SHARING_METHOD_PHONE,           /*< nick=phone >*/
  HEARD_SHARING_METHOD_EMAIL,           /*< nick=email >*/
  HEARD_SHARING_METHOD_SECURE_TRANSFER, /*< nick=secure-transfer >*/
  HEARD_SHARING_METHOD_PRINTED_REPORT,  /*< nick=printed-report >*/
  HEARD_SHARING_METHOD_OTHER,           /*< nick=other >*/
  HEARD_SHARING_N_METHODS               /*< skip >*/
} HeardSharingMethod;

/* Whether the young person agreed. */
typedef enum
{
  HEARD_SHARING_AGREED_YES,       /*< nick=yes >*/
  HEARD_SHARING_AGREED_NO,        /*< nick=no >*/
  HEARD_SHARING_AGREED_NOT_ASKED, /*< nick=not-asked >*/
  HEARD_SHARING_N_AGREED          /*< skip >*/
} HeardSharingAgreed;

/* A record an entry included. */
typedef enum
{
  HEARD_SHARING_LINK_STATEMENT, /*< nick=statement >*/
  HEARD_SHARING_LINK_PLAN,      /*< nick=plan >*/
  HEARD_SHARING_LINK_CHECK_IN,  /*< nick=check-in >*/
  HEARD_SHARING_N_LINK_KINDS    /*< skip >*/
} HeardSharingLinkKind;

typedef struct
{
  HeardSharingLinkKind kind;
  gint64               id;
} HeardSharingLink;

/* The parts of a version a form shows, and which one a problem is in (the
 * code of a HEARD_SHARING_ERROR). The first HEARD_SHARING_N_TEXTS are free
 * text (heard_sharing_entry_get_text()). */
typedef enum /*< skip >*/
{
  HEARD_SHARING_WHAT,
  HEARD_SHARING_CONTACT,
  HEARD_SHARING_PURPOSE,
  HEARD_SHARING_AGREEMENT_REASON,
  HEARD_SHARING_DECIDED_BY,
  HEARD_SHARING_NOT_TOLD_REASON,
  HEARD_SHARING_NECESSARY,
  HEARD_SHARING_NOT_SHARED_REASON,
  HEARD_SHARING_REASON,
  HEARD_SHARING_N_TEXTS,
  HEARD_SHARING_AGENCY = HEARD_SHARING_N_TEXTS,
  HEARD_SHARING_SHARED_ON,
  HEARD_SHARING_LAWFUL_BASIS,
  HEARD_SHARING_AGREED,
  HEARD_SHARING_TOLD,
  HEARD_SHARING_CODES,
  HEARD_SHARING_N_FIELDS
} HeardSharingField;

/* heard_sharing_entry_check()'s errors: the code is the HeardSharingField
 * the problem is in, the message says what to do in plain words. */
#define HEARD_SHARING_ERROR (heard_sharing_error_quark ())
GQuark      heard_sharing_error_quark          (void);

const char *heard_sharing_decision_to_code     (HeardSharingDecision  decision);
gboolean    heard_sharing_decision_from_code   (const char           *code,
                                                HeardSharingDecision *decision);
const char *heard_sharing_method_to_code       (HeardSharingMethod    method);
gboolean    heard_sharing_method_from_code     (const char           *code,
                                                HeardSharingMethod   *method);
/* "Meeting", "Phone", "Email", "Secure transfer", "Printed report", "Other". */
const char *heard_sharing_method_label         (HeardSharingMethod    method);
const char *heard_sharing_agreed_to_code       (HeardSharingAgreed    agreed);
gboolean    heard_sharing_agreed_from_code     (const char           *code,
                                                HeardSharingAgreed   *agreed);
const char *heard_sharing_link_kind_to_code    (HeardSharingLinkKind  kind);
gboolean    heard_sharing_link_kind_from_code  (const char           *code,
                                                HeardSharingLinkKind *kind);

/* A lawful basis for sharing, as the records list them (a table, extended
 * by adding rows): its stable code, its name and a one-sentence
 * explanation, translated when Heard knows them, else as stored; the
 * same as read-only properties "code", "label" and "explanation". */
#define HEARD_TYPE_LAWFUL_BASIS (heard_lawful_basis_get_type ())

G_DECLARE_FINAL_TYPE (HeardLawfulBasis, heard_lawful_basis, HEARD, LAWFUL_BASIS, GObject)

HeardLawfulBasis *heard_lawful_basis_new             (const char       *code,
                                                      const char       *stored_label,
                                                      const char       *stored_explanation)
                                                      G_GNUC_WARN_UNUSED_RESULT;
const char       *heard_lawful_basis_get_code        (HeardLawfulBasis *self);
const char       *heard_lawful_basis_get_label       (HeardLawfulBasis *self);
const char       *heard_lawful_basis_get_explanation (HeardLawfulBasis *self);

#define HEARD_TYPE_SHARING_ENTRY (heard_sharing_entry_get_type ())

G_DECLARE_FINAL_TYPE (HeardSharingEntry, heard_sharing_entry, HEARD, SHARING_ENTRY, GObject)

/* A new entry: method meeting, shared today, no agency, and whether they
 * agreed and were told not answered yet (heard_sharing_entry_is_answered()). */
HeardSharingEntry   *heard_sharing_entry_new             (gint64                 person_id,
                                                          HeardSharingDecision   decision)
                                                          G_GNUC_WARN_UNUSED_RESULT;
/* A draft completing the export @audit_id (the audit entry noting @note,
 * made on @made_at, an ISO 8601 moment): decision shared, what went in in
 * words, the agency of its recipient when it names a directory entry,
 * printed report for a print and secure transfer for a file, the plan and
 * statements as links (the note counts check-ins without naming them, and
 * the words say so), whether they agreed and were told not answered, and
 * export_audit_id set. */
HeardSharingEntry   *heard_sharing_entry_new_from_export_note (gint64                 person_id,
                                                               gint64                 audit_id,
                                                               const char            *made_at,
                                                               const HeardExportNote *note)
                                                               G_GNUC_WARN_UNUSED_RESULT;
HeardSharingEntry   *heard_sharing_entry_copy            (HeardSharingEntry     *self)
                                                          G_GNUC_WARN_UNUSED_RESULT;

gint64               heard_sharing_entry_get_id          (HeardSharingEntry     *self);
void                 heard_sharing_entry_set_id          (HeardSharingEntry     *self,
                                                          gint64                 id);
gint64               heard_sharing_entry_get_person_id   (HeardSharingEntry     *self);
guint                heard_sharing_entry_get_version     (HeardSharingEntry     *self);
void                 heard_sharing_entry_set_version     (HeardSharingEntry     *self,
                                                          guint                  version);
HeardSharingDecision heard_sharing_entry_get_decision    (HeardSharingEntry     *self);
void                 heard_sharing_entry_set_decision    (HeardSharingEntry     *self,
                                                          HeardSharingDecision   decision);
/* The directory agency (heard-directory-agency.h), 0 until chosen. */
gint64               heard_sharing_entry_get_agency_id   (HeardSharingEntry     *self);
void                 heard_sharing_entry_set_agency_id   (HeardSharingEntry     *self,
                                                          gint64                 agency_id);
/* The day, YYYY-MM-DD ("" when not set or not a day). */
const char          *heard_sharing_entry_get_shared_on   (HeardSharingEntry     *self);
void                 heard_sharing_entry_set_shared_on   (HeardSharingEntry     *self,
                                                          const char            *day);
HeardSharingMethod   heard_sharing_entry_get_method      (HeardSharingEntry     *self);
void                 heard_sharing_entry_set_method      (HeardSharingEntry     *self,
                                                          HeardSharingMethod     method);
/* A lawful basis code (heard_lawful_basis_get_code()), "" for none. */
const char          *heard_sharing_entry_get_lawful_basis (HeardSharingEntry    *self);
void                 heard_sharing_entry_set_lawful_basis (HeardSharingEntry    *self,
                                                           const char           *code);
/* Whether they agreed and were told are answered by their setters; until
 * then a share is refused (heard_sharing_entry_check()). A decision not to
 * share asks neither: its getters then give what the records keep (agreed,
 * told), which is never shown. */
gboolean             heard_sharing_entry_is_answered     (HeardSharingEntry     *self,
                                                          HeardSharingField      field);
HeardSharingAgreed   heard_sharing_entry_get_agreed      (HeardSharingEntry     *self);
void                 heard_sharing_entry_set_agreed      (HeardSharingEntry     *self,
                                                          HeardSharingAgreed     agreed);
gboolean             heard_sharing_entry_get_told        (HeardSharingEntry     *self);
void                 heard_sharing_entry_set_told        (HeardSharingEntry     *self,
                                                          gboolean               told);
const char          *heard_sharing_entry_get_text        (HeardSharingEntry     *self,
                                                          HeardSharingField      field);
void                 heard_sharing_entry_set_text        (HeardSharingEntry     *self,
                                                          HeardSharingField      field,
                                                          const char            *text);
/* The audit entry of the export this entry completes, or 0. */
gint64               heard_sharing_entry_get_export_audit_id (HeardSharingEntry *self);
void                 heard_sharing_entry_set_export_audit_id (HeardSharingEntry *self,
                                                              gint64             audit_id);

/* The records it included (HeardSharingLink), in the order added; the same
 * record twice counts once. */
const HeardSharingLink *heard_sharing_entry_get_links    (HeardSharingEntry     *self,
                                                          guint                 *n_links);
void                 heard_sharing_entry_add_link        (HeardSharingEntry     *self,
                                                          HeardSharingLinkKind   kind,
                                                          gint64                 id);
void                 heard_sharing_entry_clear_links     (HeardSharingEntry     *self);

/* Who saved this version and when; set by the store. */
const char          *heard_sharing_entry_get_saved_by    (HeardSharingEntry     *self);
const char          *heard_sharing_entry_get_saved_at    (HeardSharingEntry     *self);
void                 heard_sharing_entry_set_saved       (HeardSharingEntry     *self,
                                                          const char            *saved_by,
                                                          const char            *saved_at);

/* Every problem that keeps it from being saved, one GError per field in
 * the order of HeardSharingField (HEARD_SHARING_ERROR, the code the
 * field): what was shared and with whom, a day not in the future, a
 * purpose, a lawful basis, why it was necessary and whether they agreed
 * and were told when shared, a reason when not shared, a reason and who
 * decided when they did not agree or were not asked, a reason when they
 * were not told, a reason for an amendment, and every text valid UTF-8
 * within its limit. NULL when there is none. */
GPtrArray           *heard_sharing_entry_check           (HeardSharingEntry     *self)
                                                          G_GNUC_WARN_UNUSED_RESULT;
/* The first of them as HEARD_STORE_ERROR_INVALID, as the store refuses. */
gboolean             heard_sharing_entry_validate        (HeardSharingEntry     *self,
                                                          GError               **error);

/* In plain words, for the chronology and the log: "Shared with Northgate
 * Academy: the support plan" or "Decided not to share with Northgate
 * Academy"; @agency_name NULL for "an agency". */
char                *heard_sharing_entry_describe        (HeardSharingEntry     *self,
                                                          const char            *agency_name)
                                                          G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

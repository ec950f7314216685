/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * What left Heard in one export, as the audit trail keeps it: what was made
 * (a PDF, a print, a CSV, a calendar), who it was for (a recipient code,
 * heard-recipient.h), the plan and its version, each statement and version
 * that went in, and how many check-ins. The entry's own actor and time say
 * who made it and when, so that the sharing log can later turn every export
 * into a sharing entry without asking anyone to remember.
 */

/* What was made. The codes are stable: the audit trail keeps them. */
typedef enum
{
  HEARD_EXPORT_PDF,
  HEARD_EXPORT_PRINT,
  HEARD_EXPORT_CHECK_INS_CSV,
  HEARD_EXPORT_ICS,
  HEARD_EXPORT_SIGNS_CSV,
  HEARD_EXPORT_SHARING_CSV,
  HEARD_EXPORT_MY_RECORD,       /* the young person's own record, as a PDF */
  HEARD_EXPORT_SUBJECT_ACCESS,  /* everything held about them, asked for formally */
  HEARD_EXPORT_N_KINDS /*< skip >*/
} HeardExportKind;

typedef struct
{
  gint64 id;
  guint  version;
} HeardExportedStatement;

/* Whether something went out, as far as the note says: a note written
 * before Heard said so (or by code that does not) leaves it unsaid. */
typedef enum
{
  HEARD_EXPORT_UNSAID,
  HEARD_EXPORT_YES,
  HEARD_EXPORT_NO,
} HeardExportSaid;

typedef struct
{
  HeardExportKind  kind;
  /* heard_recipient_to_code() of who it is for. */
  char            *recipient;
  /* The plan and its version, 0 and 0 when no plan went in. */
  gint64           plan_id;
  guint            plan_version;
  /* HeardExportedStatement, in the order they went in. */
  GArray          *statements;
  guint            n_check_ins;
  /* Whether the young person's name went out (else a pseudonym or
   * nothing), and whether free text did: what they said at check-ins and
   * the worker's notes. */
  HeardExportSaid  names;
  HeardExportSaid  words;
} HeardExportNote;

const char      *heard_export_kind_to_code       (HeardExportKind         kind);
gboolean         heard_export_kind_from_code     (const char             *code,
                                                  HeardExportKind        *kind);

HeardExportNote *heard_export_note_new           (HeardExportKind         kind,
                                                  const char             *recipient)
                                                  G_GNUC_WARN_UNUSED_RESULT;
HeardExportNote *heard_export_note_copy          (const HeardExportNote  *note)
                                                  G_GNUC_WARN_UNUSED_RESULT;
void             heard_export_note_free          (HeardExportNote        *note);
void             heard_export_note_add_statement (HeardExportNote        *note,
                                                  gint64                  id,
                                                  guint                   version);

/* The note as the audit entry's detail, one line of key=value words
 * ("what=pdf for=agency:school plan=12 plan-version=3 statements=4:1,7:2
 * check-ins=20 names=yes words=yes", names and words only when said), and
 * read back from it: NULL when @detail is not such a line (an entry of
 * another kind, or damaged). */
char            *heard_export_note_to_detail     (const HeardExportNote  *note)
                                                  G_GNUC_WARN_UNUSED_RESULT;
HeardExportNote *heard_export_note_from_detail   (const char             *detail)
                                                  G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeardExportNote, heard_export_note_free)

G_END_DECLS

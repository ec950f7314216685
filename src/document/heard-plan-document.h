/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "heard-person.h"
#include "heard-plan.h"

G_BEGIN_DECLS

/* What goes into the document. Everything is copied by heard_plan_document_new(). */
typedef struct
{
  HeardPerson  *person;      /* the cover uses the name they like to be called */
  HeardPlan    *plan;        /* areas (three columns, both goals), actions, reviews */
  GPtrArray    *statements;  /* HeardStatement: only those chosen to go in, in order */
  GPtrArray    *check_ins;   /* HeardCheckIn of this plan, oldest first (may be empty) */
  GListModel   *staff;       /* HeardStaff, to say which reviewers are supervisors (may be NULL) */
  GListModel   *chronology;  /* HeardChronologyEntry: signs and strengths (NULL: no chronology) */
  GListModel   *agencies;    /* HeardDirectoryAgency, naming who reported each (may be NULL) */
  const char   *recipient;   /* who it is for, in words ("Review meeting: school, police") */
  const char   *printed_on;  /* ISO date "2026-12-07", printed on every page */
  gboolean      practice;    /* practice records: every page says "Practice — fictional records" */
  /* Whether what they said at check-ins and the worker's notes go in; without, the
   * check-ins are their dates and ratings, and one line says the words are not in
   * this copy (their own copy has them; an agency's only when chosen). */
  gboolean      check_in_words;
  /* What they wrote in co-design (may be NULL): their newest goal and what
   * helps them beside each area, and their say on this plan version. */
  GListModel   *own_words;   /* HeardOwnWords, oldest first */
  GListModel   *plan_says;   /* HeardPlanSay, oldest first */
} HeardPlanDocumentContent;

/* The young person's own records as one document
 * (heard_plan_document_new_record()). */
typedef enum
{
  /* "My record", for them to keep, in plain words: their statements, their
   * plan with their goal beside the worker's, their check-ins and charts,
   * and who was told about them; of what staff wrote only what is written
   * for them (heard-for-them.h). */
  HEARD_RECORD_DOCUMENT_MINE,
  /* Everything held about them, staff text included, for a subject access
   * request; the cover lists each item withheld under an exemption, which
   * is left out. */
  HEARD_RECORD_DOCUMENT_SUBJECT_ACCESS,
} HeardRecordDocumentKind;

/* Everything is copied by heard_plan_document_new_record(). */
typedef struct
{
  HeardRecordDocumentKind  kind;
  HeardPerson             *person;
  GListModel              *plans;         /* HeardPlan, newest first (may be empty) */
  GListModel              *statements;    /* HeardStatement, all of theirs */
  GListModel              *check_ins;     /* HeardCheckIn of all their plans, oldest first */
  GListModel              *own_words;     /* HeardOwnWords, oldest first (may be NULL) */
  GListModel              *plan_says;     /* HeardPlanSay, oldest first (may be NULL) */
  GListModel              *for_them_marks; /* HeardForThemMark, oldest first (may be NULL) */
  GListModel              *story;         /* HeardStoryEvent, newest first (may be NULL) */
  GListModel              *chronology;    /* HeardChronologyEntry: subject access (may be NULL) */
  GListModel              *staff;         /* HeardStaff (may be NULL) */
  GListModel              *agencies;      /* HeardDirectoryAgency (may be NULL) */
  GPtrArray               *withholdings;  /* HeardWithholding: subject access (may be NULL) */
  /* Other people's names, each replaced by "[name removed]" in every
   * text of the document (heard-redaction.h); NULL-terminated, may be NULL. */
  const char *const       *redact;
  const char              *printed_on;    /* ISO date */
  gboolean                 practice;
} HeardRecordDocumentContent;

/* Called on the caller's main context as pages are written. */
typedef void (*HeardDocumentProgress) (guint    pages_done,
                                       guint    pages_total,
                                       gpointer user_data);

#define HEARD_TYPE_PLAN_DOCUMENT (heard_plan_document_get_type ())

G_DECLARE_FINAL_TYPE (HeardPlanDocument, heard_plan_document, HEARD, PLAN_DOCUMENT, GObject)

HeardPlanDocument *heard_plan_document_new             (const HeardPlanDocumentContent *content)
                                                        G_GNUC_WARN_UNUSED_RESULT;
HeardPlanDocument *heard_plan_document_new_record      (const HeardRecordDocumentContent *content)
                                                        G_GNUC_WARN_UNUSED_RESULT;
/* Lays the document out for pages of @width × @height points using
 * @layout_context (a PangoContext from the target: the PDF surface's, or
 * GtkPrintContext's); returns the page count. */
guint              heard_plan_document_paginate        (HeardPlanDocument     *self,
                                                        PangoContext          *layout_context,
                                                        double                 width,
                                                        double                 height);
/* Draws page @page (0-based) after paginate() onto @cr, whose origin is the
 * page's top-left. */
void               heard_plan_document_draw_page       (HeardPlanDocument     *self,
                                                        cairo_t               *cr,
                                                        guint                  page);
/* Writes the whole document as an A4 PDF into @file (a local file)
 * atomically, in a worker thread: a temporary file beside it, flushed, then
 * renamed over it; nothing is left behind on failure or cancel, and a file
 * already at @file stays as it was. A temporary that a writer killed
 * half-way left in that folder is removed by the next write there (as
 * backups do: one of a process of this computer that is gone, or a week
 * old). */
void               heard_plan_document_write_pdf_async (HeardPlanDocument     *self,
                                                        GFile                 *file,
                                                        HeardDocumentProgress  progress,
                                                        gpointer               progress_data,
                                                        GCancellable          *cancellable,
                                                        GAsyncReadyCallback    callback,
                                                        gpointer               user_data);
gboolean           heard_plan_document_write_pdf_finish (HeardPlanDocument    *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
/* What goes before the suggested name for practice records, so that a
 * made-up plan is never taken for a real one. */
#define HEARD_PLAN_DOCUMENT_PRACTICE_PREFIX "practice-"

/* "support-plan-2026-12-07.pdf": never the young person's name. */
char              *heard_plan_document_suggest_file_name (const char          *printed_on)
                                                          G_GNUC_WARN_UNUSED_RESULT;
/* "my-record-2026-12-07.pdf", "subject-access-2026-12-07.pdf". */
char              *heard_plan_document_suggest_record_file_name (HeardRecordDocumentKind  kind,
                                                                 const char      *printed_on)
                                                                 G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

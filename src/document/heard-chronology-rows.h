/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-chronology.h"
#include "heard-chronology-entry.h"
#include "heard-sharing-entry.h"

G_BEGIN_DECLS

/* Where an event on a young person's chronology comes from. */
typedef enum
{
  HEARD_CHRONOLOGY_FROM_ENTRY,     /* a warning sign or a strength */
  HEARD_CHRONOLOGY_FROM_STATEMENT, /* their words */
  HEARD_CHRONOLOGY_FROM_CHECK_IN,
  HEARD_CHRONOLOGY_FROM_PLAN,      /* a sign-off, review or closure */
  HEARD_CHRONOLOGY_FROM_SHARING,   /* information shared (issue 14) */
  HEARD_CHRONOLOGY_N_SOURCES,
} HeardChronologySource;

/* The records a chronology is built from, all copies (or immutable): a
 * thread may read them while the live models change. */
typedef struct
{
  GPtrArray  *entries;    /* HeardChronologyEntry */
  GPtrArray  *statements; /* HeardStatement; sensitive ones by content note only */
  GPtrArray  *check_ins;  /* HeardCheckIn */
  GPtrArray  *reviews;    /* HeardPlanReview: sign-off, reviews, closure */
  GPtrArray  *sharing;    /* HeardSharingEntry: shared, or decided not to */
  GHashTable *agencies;   /* directory id (gint64 *) → name (char *) */
} HeardChronologyRecords;

HeardChronologyRecords *heard_chronology_records_new  (void) G_GNUC_WARN_UNUSED_RESULT;
void                    heard_chronology_records_free (HeardChronologyRecords *records);
/* Copies what the live models hold now; any of them may be NULL. Only the
 * main thread (or the models' owner) calls these. */
void heard_chronology_records_add_entries    (HeardChronologyRecords *records,
                                              GListModel             *entries);
void heard_chronology_records_add_statements (HeardChronologyRecords *records,
                                              GListModel             *statements);
void heard_chronology_records_add_check_ins  (HeardChronologyRecords *records,
                                              GListModel             *check_ins);
void heard_chronology_records_add_plans      (HeardChronologyRecords *records,
                                              GListModel             *plans);
void heard_chronology_records_add_agencies   (HeardChronologyRecords *records,
                                              GListModel             *agencies);
void heard_chronology_records_add_sharing    (HeardChronologyRecords *records,
                                              GListModel             *sharing);

/* One event in words, as the list shows it and the PDF prints it. */
typedef struct
{
  gint64                id;          /* the event's, unique across sources */
  HeardChronologySource source;
  gint64                record_id;   /* the entry's, statement's, check-in's, plan's or sharing entry's */
  HeardChronologyKind   kind;
  GDate                 earliest_day;
  GDate                 latest_day;
  gboolean              approximate;
  gint64                agency_id;   /* a directory agency, or 0 */
  char                 *when;        /* "3 May 2024", "around May 2024" */
  char                 *lane;        /* the agency, "The young person", "Support plan" */
  char                 *who;         /* who reported or recorded it */
  char                 *what;        /* what was seen; a content note for sensitive words */
} HeardChronologyRow;

void        heard_chronology_row_free   (HeardChronologyRow *row);
const char *heard_chronology_kind_label (HeardChronologyKind kind);

/* Every event, oldest first (then by lane), as rows. Safe in a thread. */
GPtrArray  *heard_chronology_rows_build (const HeardChronologyRecords *records)
                                         G_GNUC_WARN_UNUSED_RESULT;
/* The drawing of @rows, one lane per agency, the young person's first and the plan's last. */
HeardChronology *heard_chronology_rows_draw (GPtrArray *rows) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeardChronologyRecords, heard_chronology_records_free)

G_END_DECLS

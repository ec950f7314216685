/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-export-note.h"
#include "heard-person.h"

G_BEGIN_DECLS

/*
 * Review dates and action due dates as an iCalendar file (RFC 5545), built
 * with libical, so that GNOME Calendar and other calendar apps open them.
 * One all-day event per date, each with a reminder the day before: the
 * next review of every plan in force, and the due date of each of its open
 * actions. A calendar lives outside Heard's encryption, on phones and in
 * shared accounts, so an event says no more about the young person than the
 * user chose (HeardIcalNames), and never what an action is about unless
 * the user chose their name too: an action's words can be as personal.
 */

/* What an event's summary says of the young person. The codes are stable. */
typedef enum
{
  /* "Review", "Action due". */
  HEARD_ICAL_NAMES_NONE,
  /* "Review: J.T.", "Action due: J.T.". */
  HEARD_ICAL_NAMES_INITIALS,
  /* "Review: Jordan Taylor", "Action due: Jordan Taylor: <what the action
   * is>". */
  HEARD_ICAL_NAMES_FULL,
} HeardIcalNames;

typedef struct _HeardIcal HeardIcal;

/* A calendar for the records whose uuid is @records_uuid: each event's UID
 * is a hash of it, the kind of date and the record's id, so exporting again
 * gives the same UIDs (a calendar app updates the events it has) and no two
 * young people, or two sets of records, share one. */
HeardIcal *heard_ical_new              (const char      *records_uuid) G_GNUC_WARN_UNUSED_RESULT;
void       heard_ical_free             (HeardIcal       *self);

/* Adds @person's dates from @plans (HeardPlan, as heard_case_file_get_plans()
 * lists them): only plans in force (active) have dates to keep. Returns how
 * many events it added. */
guint      heard_ical_add_plans        (HeardIcal       *self,
                                        HeardPerson     *person,
                                        GListModel      *plans,
                                        HeardIcalNames   names);

/* How many events the calendar has, and how many of them are reviews
 * (the others are actions' due dates). */
guint      heard_ical_get_n_events     (HeardIcal       *self);
guint      heard_ical_get_n_reviews    (HeardIcal       *self);

/* The calendar as text/calendar: UTF-8, lines folded at 75 octets, CRLF. */
GBytes    *heard_ical_to_bytes         (HeardIcal       *self) G_GNUC_WARN_UNUSED_RESULT;

/* A review's summary for @person as @names has it ("Review: J.T."), for a
 * dialog to show what the choice means. */
char      *heard_ical_review_summary   (HeardPerson     *person,
                                        HeardIcalNames   names) G_GNUC_WARN_UNUSED_RESULT;

/* The audit note of a calendar export of one young person's @plans, made
 * for our own team: their plan in force, and whether their name, or an
 * action's words, went in (both only with HEARD_ICAL_NAMES_FULL). */
HeardExportNote *heard_ical_export_note_new (GListModel     *plans,
                                             HeardIcalNames  names) G_GNUC_WARN_UNUSED_RESULT;

/* @name's initials: the first letter of each word, capitalised, each with
 * a full stop ("Jordan Taylor" "J.T.", "Anne-Marie O'Neil" "A.M.O."). */
char      *heard_ical_initials         (const char      *name) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeardIcal, heard_ical_free)

G_END_DECLS

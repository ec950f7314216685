/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * One thing in "Who has seen my story": someone opened the young person's
 * record, read something private they said, made an export for someone,
 * or shared (or decided not to share) what was known about them. The
 * store makes each one whole from the audit trail (and, for sharing, from
 * the sharing log): a new source is one more kind and one more query, the
 * view already knows every field.
 */

/* What happened. */
typedef enum
{
  HEARD_STORY_OPENED,          /*< nick=opened >*/
  HEARD_STORY_READ_SENSITIVE,  /*< nick=read-sensitive >*/
  HEARD_STORY_EXPORTED,        /*< nick=exported >*/
  HEARD_STORY_SHARED,          /*< nick=shared >*/
  HEARD_STORY_NOT_SHARED,      /*< nick=not-shared >*/
} HeardStoryKind;

/* Who did it, as the staff list knows them: the caseworker, a supervisor,
 * or someone who is not (or no longer) on it, such as the computer's
 * account before the staff were set up. */
typedef enum
{
  HEARD_STORY_BY_OTHER,        /*< nick=other >*/
  HEARD_STORY_BY_CASEWORKER,   /*< nick=caseworker >*/
  HEARD_STORY_BY_SUPERVISOR,   /*< nick=supervisor >*/
} HeardStoryBy;

/* The words that go with an event, "" when it has none. */
typedef enum /*< skip >*/
{
  /* Who it went to: the agency, or who an export was for ("Northgate
   * Academy (School or college)"); "" when it went to the young person
   * themself, or when nothing went anywhere (an opening, a reading). */
  HEARD_STORY_AGENCY,
  /* What: the content note of a private statement that was read (never
   * its words), what an export held ("your support plan, 2 things you
   * said"), what was shared. */
  HEARD_STORY_WHAT,
  /* Why: the purpose of a share, the reason for not sharing. */
  HEARD_STORY_WHY,
  /* Whether they agreed to a share: "yes", "no" or "not-asked" (the
   * sharing log's codes); "" for anything else. */
  HEARD_STORY_AGREED,
  HEARD_STORY_N_TEXTS
} HeardStoryText;

#define HEARD_TYPE_STORY_EVENT (heard_story_event_get_type ())

G_DECLARE_FINAL_TYPE (HeardStoryEvent, heard_story_event, HEARD, STORY_EVENT, GObject)

/* @at is when, ISO 8601 in UTC as the audit trail keeps it; @who the name
 * it keeps. */
HeardStoryEvent *heard_story_event_new        (HeardStoryKind    kind,
                                               const char       *at,
                                               const char       *who,
                                               HeardStoryBy      by)
                                               G_GNUC_WARN_UNUSED_RESULT;
/* For the store, while it makes the event: afterwards it never changes. */
void             heard_story_event_set_text   (HeardStoryEvent  *self,
                                               HeardStoryText    text,
                                               const char       *value);
void             heard_story_event_set_record_id (HeardStoryEvent *self,
                                                  gint64           record_id);

HeardStoryKind   heard_story_event_get_kind   (HeardStoryEvent  *self);
const char      *heard_story_event_get_at     (HeardStoryEvent  *self);
const char      *heard_story_event_get_who    (HeardStoryEvent  *self);
HeardStoryBy     heard_story_event_get_by     (HeardStoryEvent  *self);
const char      *heard_story_event_get_text   (HeardStoryEvent  *self,
                                               HeardStoryText    text);
/* The statement read, for HEARD_STORY_READ_SENSITIVE; the sharing entry,
 * for HEARD_STORY_SHARED and HEARD_STORY_NOT_SHARED; else 0. */
gint64           heard_story_event_get_record_id (HeardStoryEvent *self);

/* The event in one or two short sentences for the young person to read
 * (a reading age of about nine): what happened and when in @sentence;
 * who did it and why in @detail, or NULL. "Who has seen my story" and
 * their own record say it in these same words. */
void             heard_story_event_describe   (HeardStoryEvent  *self,
                                               char            **sentence,
                                               char            **detail);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What an editor was for, so that the same editor can be opened again. The
 * nicks are what the records file keeps: never change a shipped one. */
typedef enum
{
  HEARD_DRAFT_STATEMENT,      /*< nick=statement >*/
  HEARD_DRAFT_AMENDMENT,      /*< nick=amendment >*/
  HEARD_DRAFT_RESPONSE,       /*< nick=response >*/
  HEARD_DRAFT_PERSON,         /*< nick=person >*/
  HEARD_DRAFT_REMOVAL,        /*< nick=removal >*/
  HEARD_DRAFT_AREA,           /*< nick=area >*/
  HEARD_DRAFT_ACTION,         /*< nick=action >*/
  HEARD_DRAFT_DECISION,       /*< nick=decision >*/
  HEARD_DRAFT_CLOSURE,        /*< nick=closure >*/
  HEARD_DRAFT_NEW_AREA,       /*< nick=new-area >*/
  HEARD_DRAFT_NEW_ACTION,     /*< nick=new-action >*/
  HEARD_DRAFT_CHECK_IN,       /*< nick=check-in >*/
  HEARD_DRAFT_CHRONOLOGY_ENTRY, /*< nick=chronology-entry >*/
  HEARD_DRAFT_CLUSTER_DECISION, /*< nick=cluster-decision >*/
} HeardDraftKind;

#define HEARD_TYPE_DRAFT (heard_draft_get_type ())

G_DECLARE_FINAL_TYPE (HeardDraft, heard_draft, HEARD, DRAFT, GObject)

HeardDraft     *heard_draft_new            (HeardDraftKind  kind,
                                            gint64          person_id,
                                            gint64          subject_id) G_GNUC_WARN_UNUSED_RESULT;
HeardDraftKind  heard_draft_get_kind       (HeardDraft     *self);
gint64          heard_draft_get_person_id  (HeardDraft     *self);
gint64          heard_draft_get_subject_id (HeardDraft     *self);
gint64          heard_draft_get_part       (HeardDraft     *self);
void            heard_draft_set_part       (HeardDraft     *self,
                                            gint64          part);
gboolean        heard_draft_same_editor    (HeardDraft     *self,
                                            HeardDraft     *other);
/* Each field by its name, to its text (both strings), in no order. */
GHashTable     *heard_draft_get_fields     (HeardDraft     *self);
void            heard_draft_set_field      (HeardDraft     *self,
                                            const char     *name,
                                            const char     *text);
const char     *heard_draft_get_field      (HeardDraft     *self,
                                            const char     *name);
const char     *heard_draft_get_focus      (HeardDraft     *self);
int             heard_draft_get_cursor     (HeardDraft     *self);
void            heard_draft_set_focus      (HeardDraft     *self,
                                            const char     *focus,
                                            int             cursor);
/* When it was last kept, as ISO 8601 (the store sets it); NULL before. */
const char     *heard_draft_get_saved_at   (HeardDraft     *self);
void            heard_draft_set_saved_at   (HeardDraft     *self,
                                            const char     *saved_at);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-draft"

#include "config.h"

#include "heard-draft.h"
#include "heard-model-enums.h"

/*
 * What someone was typing in an editor that is not saved yet: which editor
 * (its kind, the young person and the record it is about), the text of each
 * of its fields by name, which field had the focus and where the cursor
 * was. It lets Heard lock, or be killed, without losing a word: the editor
 * keeps one in the encrypted records a moment after typing stops and when
 * Heard locks, and opens again from it. A draft is not a record: nobody
 * decided to keep it yet, so it is replaced whole each time and removed
 * once the editor saves or the text is thrown away.
 */

struct _HeardDraft
{
  GObject         parent_instance;

  HeardDraftKind  kind;
  gint64          person_id;
  /* The record the editor works on (statement, plan, area, action); for a
   * new area the plan it goes in, for a new action its area; 0 when it
   * makes a new record about the young person. */
  gint64          subject_id;
  /* Which part of the subject, when that tells two editors apart: the
   * area of life (HeardAreaKind) of a new area. 0 otherwise. */
  gint64          part;
  GHashTable     *fields;
  char           *focus;
  int             cursor;
  char           *saved_at;
};

G_DEFINE_FINAL_TYPE (HeardDraft, heard_draft, G_TYPE_OBJECT)

static void
heard_draft_finalize (GObject *object)
{
  HeardDraft *self = HEARD_DRAFT (object);

  g_hash_table_unref (self->fields);
  g_free (self->focus);
  g_free (self->saved_at);

  G_OBJECT_CLASS (heard_draft_parent_class)->finalize (object);
}

static void
heard_draft_class_init (HeardDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = heard_draft_finalize;
}

static void
heard_draft_init (HeardDraft *self)
{
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->focus = g_strdup ("");
}

HeardDraft *
heard_draft_new (HeardDraftKind kind,
                 gint64         person_id,
                 gint64         subject_id)
{
  HeardDraft *self = g_object_new (HEARD_TYPE_DRAFT, NULL);

  self->kind = kind;
  self->person_id = person_id;
  self->subject_id = subject_id;

  return self;
}

HeardDraftKind
heard_draft_get_kind (HeardDraft *self)
{
  g_return_val_if_fail (HEARD_IS_DRAFT (self), HEARD_DRAFT_STATEMENT);

  return self->kind;
}

gint64
heard_draft_get_person_id (HeardDraft *self)
{
  g_return_val_if_fail (HEARD_IS_DRAFT (self), 0);

  return self->person_id;
}

gint64
heard_draft_get_subject_id (HeardDraft *self)
{
  g_return_val_if_fail (HEARD_IS_DRAFT (self), 0);

  return self->subject_id;
}

/* Whether both were written in the same editor: one draft each. */
gboolean
heard_draft_same_editor (HeardDraft *self,
                         HeardDraft *other)
{
  g_return_val_if_fail (HEARD_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (HEARD_IS_DRAFT (other), FALSE);

  return self->kind == other->kind && self->person_id == other->person_id &&
         self->subject_id == other->subject_id && self->part == other->part;
}

gint64
heard_draft_get_part (HeardDraft *self)
{
  g_return_val_if_fail (HEARD_IS_DRAFT (self), 0);

  return self->part;
}

/* Part of which editor it is, so set before it is kept. */
void
heard_draft_set_part (HeardDraft *self,
                      gint64      part)
{
  g_return_if_fail (HEARD_IS_DRAFT (self));

  self->part = part;
}

GHashTable *
heard_draft_get_fields (HeardDraft *self)
{
  g_return_val_if_fail (HEARD_IS_DRAFT (self), NULL);

  return self->fields;
}

void
heard_draft_set_field (HeardDraft *self,
                       const char *name,
                       const char *text)
{
  g_return_if_fail (HEARD_IS_DRAFT (self));
  g_return_if_fail (name != NULL && text != NULL);

  g_hash_table_replace (self->fields, g_strdup (name), g_strdup (text));
}

/* The text of field @name, or NULL when the draft has none. */
const char *
heard_draft_get_field (HeardDraft *self,
                       const char *name)
{
  g_return_val_if_fail (HEARD_IS_DRAFT (self), NULL);

  return g_hash_table_lookup (self->fields, name);
}

/* The name of the field that had the focus, "" when none did. */
const char *
heard_draft_get_focus (HeardDraft *self)
{
  g_return_val_if_fail (HEARD_IS_DRAFT (self), NULL);

  return self->focus;
}

/* Where the cursor was in it, in characters. */
int
heard_draft_get_cursor (HeardDraft *self)
{
  g_return_val_if_fail (HEARD_IS_DRAFT (self), 0);

  return self->cursor;
}

void
heard_draft_set_focus (HeardDraft *self,
                       const char *focus,
                       int         cursor)
{
  g_return_if_fail (HEARD_IS_DRAFT (self));

  g_free (self->focus);
  self->focus = g_strdup (focus != NULL ? focus : "");
  self->cursor = MAX (cursor, 0);
}

const char *
heard_draft_get_saved_at (HeardDraft *self)
{
  g_return_val_if_fail (HEARD_IS_DRAFT (self), NULL);

  return self->saved_at;
}

void
heard_draft_set_saved_at (HeardDraft *self,
                          const char *saved_at)
{
  g_return_if_fail (HEARD_IS_DRAFT (self));

  g_free (self->saved_at);
  self->saved_at = g_strdup (saved_at);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HEARD_TYPE_CONTENT_NOTE (heard_content_note_get_type ())

G_DECLARE_FINAL_TYPE (HeardContentNote, heard_content_note, HEARD, CONTENT_NOTE, GtkWidget)

GtkWidget  *heard_content_note_new          (void);

const char *heard_content_note_get_heading  (HeardContentNote *self);
void        heard_content_note_set_heading  (HeardContentNote *self,
                                             const char       *heading);
const char *heard_content_note_get_note     (HeardContentNote *self);
void        heard_content_note_set_note     (HeardContentNote *self,
                                             const char       *note);
GtkWidget  *heard_content_note_get_child    (HeardContentNote *self);
void        heard_content_note_set_child    (HeardContentNote *self,
                                             GtkWidget        *child);
gboolean    heard_content_note_get_revealed (HeardContentNote *self);
void        heard_content_note_set_revealed (HeardContentNote *self,
                                             gboolean          revealed);
gboolean    heard_content_note_get_can_hide (HeardContentNote *self);
void        heard_content_note_set_can_hide (HeardContentNote *self,
                                             gboolean          can_hide);

G_END_DECLS

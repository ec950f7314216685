/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * The line under a text view where staff write that says how many phrases
 * the language checker underlined there and how to read its suggestions.
 * Setting its view attaches the checker, so one line in a .ui file both
 * checks a view and explains it:
 *
 *   <object class="HeardLanguageHint">
 *     <property name="view">worried_view</property>
 *   </object>
 *
 * It is hidden while nothing is underlined.
 */

#define HEARD_TYPE_LANGUAGE_HINT (heard_language_hint_get_type ())

G_DECLARE_FINAL_TYPE (HeardLanguageHint, heard_language_hint, HEARD, LANGUAGE_HINT, GtkWidget)

GtkTextView *heard_language_hint_get_view (HeardLanguageHint *self);
void         heard_language_hint_set_view (HeardLanguageHint *self,
                                           GtkTextView       *view);

G_END_DECLS

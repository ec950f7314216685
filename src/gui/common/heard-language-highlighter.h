/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Underlines victim-blaming wording in a text view where staff write, and
 * offers respectful wording. It suggests and never blocks: nothing stops the
 * text being saved.
 *
 * One call is all it takes, for example on a plan's text view once its
 * template is built:
 *
 *   heard_language_highlighter_attach (GTK_TEXT_VIEW (self->worried_view));
 *
 * The highlighter then lives as long as the view and follows its buffer.
 * An underlined phrase explains itself in a tooltip and in the view's
 * context menu (right-click, or Shift+F10 / the Menu key from the
 * keyboard), where "Suggest Other Wording…" explains why and offers to put
 * the suggestion in its place (Ctrl+Z takes it back). The view's accessible
 * description says how many suggestions there are.
 *
 * Never attach it to the young person's own words.
 */

#define HEARD_TYPE_LANGUAGE_HIGHLIGHTER (heard_language_highlighter_get_type ())

G_DECLARE_FINAL_TYPE (HeardLanguageHighlighter, heard_language_highlighter, HEARD,
                      LANGUAGE_HIGHLIGHTER, GObject)

HeardLanguageHighlighter *heard_language_highlighter_attach        (GtkTextView              *view);
guint                     heard_language_highlighter_get_n_matches (HeardLanguageHighlighter *self);
void                      heard_language_highlighter_check_now     (HeardLanguageHighlighter *self);

/* The name of the tag that marks the phrases, for tests and styling. */
#define HEARD_LANGUAGE_TAG "heard-language-suggestion"

G_END_DECLS

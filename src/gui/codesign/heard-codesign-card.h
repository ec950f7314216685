/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The pieces co-design mode's cards are made of, in one place so that
 * every card reads the same: a card, and a short heading with its text. */
GtkWidget *heard_codesign_card_new      (void);
/* Appends @heading (may be NULL) and @text to @box; returns the text's label. */
GtkWidget *heard_codesign_card_add_text (GtkWidget  *box,
                                         const char *heading,
                                         const char *text);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "heard-context.h"

G_BEGIN_DECLS

/* Opens the editor @draft was written in again, over @parent, with its text,
 * focus and cursor, once what it is about is read; gives up quietly if
 * Heard locks first or the record is gone (the draft stays for later). */
void  heard_draft_opener_open     (GtkWindow    *parent,
                                   HeardContext *context,
                                   HeardDraft   *draft);
/* Asks, for each of @drafts left when Heard last closed, whether to carry
 * on writing (the editor opens) or throw it away (the draft goes). */
void  heard_draft_opener_offer    (GtkWindow    *parent,
                                   HeardContext *context,
                                   GPtrArray    *drafts);
/* "You were writing a statement for Jade when Heard closed." */
char *heard_draft_opener_describe (HeardContext *context,
                                   HeardDraft   *draft) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

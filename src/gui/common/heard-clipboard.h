/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "heard-context.h"

G_BEGIN_DECLS

/*
 * The one way Heard puts something sensitive on the clipboard: a recovery
 * code, a sensitive statement's words, what is hard for a young person.
 * What it copies is offered as text and marked secret (the
 * "x-kde-passwordManagerHint: secret" type that clipboard managers read as
 * "do not keep a history of this"), and it is taken off the clipboard again
 * after 30 seconds if it is still Heard's, when any context given to
 * heard_clipboard_clear_on_lock() locks, and when Heard quits.
 */

void heard_clipboard_copy_secret   (GtkWidget    *widget,
                                    const char   *text);
void heard_clipboard_clear_secret  (void);
void heard_clipboard_clear_on_lock (HeardContext *context);

/* Whether what someone copies (or cuts) out of @widget, a GtkLabel or a
 * GtkTextView, goes through heard_clipboard_copy_secret() rather than onto
 * the clipboard plainly. */
void heard_clipboard_set_copies_secret (GtkWidget *widget,
                                        gboolean   secret);

/* The MIME type, and its value, that mark clipboard content as secret. */
#define HEARD_CLIPBOARD_SECRET_HINT "x-kde-passwordManagerHint"
#define HEARD_CLIPBOARD_SECRET_VALUE "secret"

G_END_DECLS

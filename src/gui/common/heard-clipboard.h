/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "heard-context.h"

G_BEGIN_DECLS

/*
 * The one way Heard puts something sensitive on the clipboard (a recovery
 * code, and anything else that must not linger). What it copies is offered
 * as text and marked secret (the "x-kde-passwordManagerHint: secret" type
 * that clipboard managers read as "do not keep a history of this"), and it
 * is taken off the clipboard again after 30 seconds if it is still Heard's,
 * when @context locks, and when Heard quits.
 */

void heard_clipboard_copy_secret  (GtkWidget    *widget,
                                   HeardContext *context,
                                   const char   *text);
void heard_clipboard_clear_secret (void);

/* The MIME type, and its value, that mark clipboard content as secret. */
#define HEARD_CLIPBOARD_SECRET_HINT "x-kde-passwordManagerHint"
#define HEARD_CLIPBOARD_SECRET_VALUE "secret"

G_END_DECLS

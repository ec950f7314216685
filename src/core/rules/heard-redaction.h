/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Other people's names taken out of a young person's record before it
 * leaves Heard (their own copy, or a subject access export): each name
 * staff list is replaced by "[name removed]" wherever it stands as a
 * whole word or words, whatever its case, its accents or how its letters
 * are encoded (a name listed as "Zoë" removes "ZOË", "Zoe" and a "Zoë"
 * written with a combining mark), and a name of several words across any
 * spaces or line breaks. A name inside a longer word ("Sam" in "Samantha")
 * stays: it is not that name. Every export asks this one place, so none
 * can leave a name another removes.
 */

typedef struct _HeardRedaction HeardRedaction;

/* The names of @names (NULL-terminated, may be NULL) to remove; blank
 * ones are ignored. */
HeardRedaction *heard_redaction_new        (const char *const    *names)
                                            G_GNUC_WARN_UNUSED_RESULT;
void            heard_redaction_free       (HeardRedaction       *self);
/* How many names it removes (blank ones not counted). */
guint           heard_redaction_get_n_names (const HeardRedaction *self);
/* @text with every name replaced by "[name removed]"; NULL for NULL. */
char           *heard_redaction_apply      (const HeardRedaction *self,
                                            const char           *text)
                                            G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeardRedaction, heard_redaction_free)

G_END_DECLS

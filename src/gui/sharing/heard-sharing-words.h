/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-sharing-entry.h"

G_BEGIN_DECLS

/* A sharing log entry in plain words, as the log and its history show it:
 * the line that says what was decided ("Shared with Northgate Academy: the
 * support plan", "Decided not to share with Eastgate Police: …"), and the
 * rest (when, how, the lawful basis by its name from @bases, whether they
 * agreed and were told, and why not). @directory is the context's agencies. */
char *heard_sharing_words_title   (HeardSharingEntry *entry,
                                   GListModel        *directory) G_GNUC_WARN_UNUSED_RESULT;
char *heard_sharing_words_details (HeardSharingEntry *entry,
                                   GPtrArray         *bases) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

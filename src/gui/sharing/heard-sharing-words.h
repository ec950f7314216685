/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-case-file.h"
#include "heard-sharing-entry.h"

G_BEGIN_DECLS

/* A sharing log entry in plain words, as the log and its history show it:
 * the line that says what was decided ("Shared with Northgate Academy: the
 * support plan", "Decided not to share with Eastgate Police: …"), and the
 * rest (when, how, the lawful basis by its name from @bases, the person
 * there, what for, the records it included by name from @case_file,
 * whether they agreed and were told, and why not; a decision not to share
 * asks neither, and says neither). @directory is the context's agencies. */
char *heard_sharing_words_title   (HeardSharingEntry *entry,
                                   GListModel        *directory) G_GNUC_WARN_UNUSED_RESULT;
char *heard_sharing_words_details (HeardSharingEntry *entry,
                                   HeardCaseFile     *case_file,
                                   GPtrArray         *bases) G_GNUC_WARN_UNUSED_RESULT;
/* A record an entry can include, as the editor offers it and the log
 * names it: a statement by its first words, or by its content note alone
 * when sensitive; a plan ("The support plan", with its day when
 * @several_plans); a check-in by its day. @record is a HeardStatement,
 * HeardPlan or HeardCheckIn; @link, if not NULL, is set to what links to it. */
char *heard_sharing_words_record  (GObject           *record,
                                   gboolean           several_plans,
                                   HeardSharingLink  *link) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

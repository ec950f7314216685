/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HEARD_PRACTICE_ERROR (heard_practice_error_quark ())

typedef enum
{
  /* The folder holds real records, or anything that is not a practice set. */
  HEARD_PRACTICE_ERROR_REAL_RECORDS,
  /* Another Heard has the folder open. */
  HEARD_PRACTICE_ERROR_IN_USE,
  /* A size of 0, or a "today" after the computer's today. */
  HEARD_PRACTICE_ERROR_INVALID,
  /* The folder could not be written. */
  HEARD_PRACTICE_ERROR_FAILED,
} HeardPracticeError;

/* What a trainer gets without choosing: a caseload one person can learn on. */
#define HEARD_PRACTICE_DEFAULT_PEOPLE 24
#define HEARD_PRACTICE_DEFAULT_SEED 1
/* Every young person has this many statements on average (exactly, for an
 * even number of young people). */
#define HEARD_PRACTICE_STATEMENTS_PER_PERSON 50
/* The practice supervisor who signs off plans, and their passphrase: the
 * records are fictional, so it is no secret. */
#define HEARD_PRACTICE_SUPERVISOR_NAME "Jo Marlowe"
#define HEARD_PRACTICE_SUPERVISOR_PASSPHRASE "practice records"

GQuark    heard_practice_error_quark        (void);

char     *heard_practice_default_dir        (void) G_GNUC_WARN_UNUSED_RESULT;
/* Reads the folder's heard.ini: call it off the main thread. */
gboolean  heard_practice_folder_is_practice (const char          *data_dir);

/* Makes @n_people fictional young people, with their plans, statements
 * and reviews, in @data_dir, from @seed and @today (NULL for the
 * computer's today; never later than it): the same seed and day give the
 * same records. Refuses a folder that holds anything but a practice set,
 * or that another Heard holds, and changes nothing there. A practice set
 * already there is replaced only once the new one is complete. */
void      heard_practice_generate_async     (const char          *data_dir,
                                             guint                n_people,
                                             guint64              seed,
                                             const GDate         *today,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean  heard_practice_generate_finish    (GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS

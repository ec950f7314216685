/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-key.h"

G_BEGIN_DECLS

/*
 * The caseworker's own passphrase: what proves that the person at the
 * keyboard is the caseworker, at every start and after every lock, before
 * the records' key is read from the keyring. Its Argon2id verifier and the
 * count of wrong tries in a row live beside heard.ini in caseworker.ini
 * (the database is closed while locked), under a keyed BLAKE2b MAC whose
 * key, the seal, is kept in the keyring beside the database key, with the
 * note's generation: an older note than the keyring's generation is
 * refused. Every call works off the main thread.
 *
 * Each call takes the records' uuid, the seal and the generation the
 * keyring holds with it; a call that reads or writes a note ahead of that
 * generation raises the keyring's to it before it finishes.
 */

/* The note of the passphrase, beside heard.ini. */
#define HEARD_CASEWORKER_FILE "caseworker.ini"
/* The shortest passphrase Heard accepts, in characters. */
#define HEARD_CASEWORKER_MIN_PASSPHRASE_CHARS 12
/* Wrong tries in a row that are free; each one after them waits longer. */
#define HEARD_CASEWORKER_FREE_TRIES 5

#define HEARD_CASEWORKER_PASSPHRASE_ERROR (heard_caseworker_passphrase_error_quark ())

typedef enum
{
  /* Not the passphrase: counted as a wrong try. */
  HEARD_CASEWORKER_PASSPHRASE_ERROR_WRONG,
  /* Tried before the wait after too many wrong tries was over: not counted. */
  HEARD_CASEWORKER_PASSPHRASE_ERROR_TOO_SOON,
  /* caseworker.ini is missing, damaged or fails its MAC: changed outside Heard. */
  HEARD_CASEWORKER_PASSPHRASE_ERROR_CHANGED_OUTSIDE,
  /* A new passphrase Heard cannot accept (too short, not text). */
  HEARD_CASEWORKER_PASSPHRASE_ERROR_UNUSABLE,
  /* The note could not be read or written. */
  HEARD_CASEWORKER_PASSPHRASE_ERROR_FAILED,
} HeardCaseworkerPassphraseError;

GQuark   heard_caseworker_passphrase_error_quark  (void);

/* Whether @passphrase may be chosen: text, and long enough. */
gboolean heard_caseworker_passphrase_is_usable    (const char          *passphrase,
                                                   GError             **error);
/* How long, in seconds, the next try waits after @wrong_tries wrong tries
 * in a row: 0 for the first HEARD_CASEWORKER_FREE_TRIES, then 30 s,
 * doubling each time, at most 15 minutes. */
guint    heard_caseworker_passphrase_wait_after   (guint                wrong_tries);
/* Whether caseworker.ini is in @data_dir (blocking: call it off the main thread). */
gboolean heard_caseworker_passphrase_file_exists  (const char          *data_dir);

/* Reads and checks the note against @seal and @generation without trying
 * any passphrase: finishes with the seconds still to wait before the next
 * try (0 when none), or CHANGED_OUTSIDE. */
void     heard_caseworker_passphrase_inspect_async  (const char          *data_dir,
                                                     const char          *db_uuid,
                                                     const HeardKey      *seal,
                                                     guint64              generation,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* Tries @passphrase: counts a wrong try (WRONG), refuses one made too soon
 * (TOO_SOON, not counted) and resets the count on the right one. For both
 * refusals @wait_seconds says how long the next try must wait. */
void     heard_caseworker_passphrase_check_async    (const char          *data_dir,
                                                     const char          *db_uuid,
                                                     const HeardKey      *seal,
                                                     guint64              generation,
                                                     const char          *passphrase,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* Sets @passphrase as the new one, with no wrong tries, in place of any. */
void     heard_caseworker_passphrase_set_async      (const char          *data_dir,
                                                     const char          *db_uuid,
                                                     const HeardKey      *seal,
                                                     guint64              generation,
                                                     const char          *passphrase,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* Checks @old_passphrase as heard_caseworker_passphrase_check_async()
 * does, then sets @new_passphrase. */
void     heard_caseworker_passphrase_change_async   (const char          *data_dir,
                                                     const char          *db_uuid,
                                                     const HeardKey      *seal,
                                                     guint64              generation,
                                                     const char          *old_passphrase,
                                                     const char          *new_passphrase,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* Finishes any of the four; @wait_seconds may be NULL, and so may
 * @generation: the lowest generation to take from now on. */
gboolean heard_caseworker_passphrase_finish         (GAsyncResult        *result,
                                                     guint               *wait_seconds,
                                                     guint64             *generation,
                                                     GError             **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-caseworker-passphrase"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <sodium.h>

#include "heard-caseworker-passphrase.h"
#include "heard-caseworker-passphrase-private.h"
#include "heard-keyring.h"
#include "heard-secure.h"

/*
 * caseworker.ini holds four things and a MAC over them:
 *
 *   [caseworker]
 *   verifier=$argon2id$…        crypto_pwhash_str_alg()
 *   wrong-tries=0               wrong tries in a row
 *   last-wrong-try=0            when the last one was, seconds since the epoch
 *   generation=1                one more on every write
 *   mac=…                       BLAKE2b keyed with the seal, as hex
 *
 * Without the seal (kept in the keyring) nobody can write a note that
 * passes, so a verifier of one's own or a changed count is found out. The
 * MAC alone cannot tell an older note of Heard's own from the newest, so
 * the keyring keeps a generation beside the seal: every write makes the
 * file's generation one higher first, and then raises the keyring's to it.
 * A note older than the keyring's generation (put back to undo wrong tries,
 * or to bring back a passphrase changed since) is refused as changed
 * outside Heard, as a missing note or a bad MAC is; the recovery code is
 * the way back. A crash between the two writes leaves the file ahead of the
 * keyring, which is taken (and the keyring raised on the next read); so
 * only the one write being made when Heard stopped can be undone. A note
 * and a seal from before there were generations are generation 0.
 *
 * Nothing here ever deletes anything: wrong tries only make the next ones
 * wait. One mutex keeps tries in a row: two at once could otherwise both
 * read the same count.
 */

#define GROUP "caseworker"
/* A note of generation 0 has no generation line and the first MAC. */
#define MAC_CONTEXT_UNNUMBERED "heard-caseworker-passphrase-1"
#define MAC_CONTEXT "heard-caseworker-passphrase-2"
#define FIRST_WAIT_SECONDS 30
#define LONGEST_WAIT_SECONDS (15 * 60)
#define MAX_PASSPHRASE_BYTES 1024

typedef struct
{
  char   *verifier;
  guint   wrong_tries;
  gint64  last_wrong_try;
  guint64 generation;
} Note;

typedef enum
{
  JOB_INSPECT,
  JOB_CHECK,
  JOB_SET,
  JOB_CHANGE,
} JobKind;

/* What a worker is given: its own copies. */
typedef struct
{
  JobKind   kind;
  char     *data_dir;
  char     *db_uuid;
  HeardKey *seal;
  /* The keyring's generation, the lowest note taken; then the note's. */
  guint64   generation;
  guint64   note_generation;
  char     *passphrase;
  char     *new_passphrase;
  guint     wait_seconds;
  /* How the work on the note ended. */
  gboolean  done;
  GError   *error;
} Job;

G_DEFINE_QUARK (heard-caseworker-passphrase-error-quark, heard_caseworker_passphrase_error)

static gboolean cheap_cost;
static gint64 (*clock_now) (void);
static GMutex tries_lock;

static void
note_clear (Note *note)
{
  g_clear_pointer (&note->verifier, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Note, note_clear)

static void
job_free (Job *job)
{
  g_free (job->data_dir);
  g_free (job->db_uuid);
  heard_key_free (job->seal);
  g_clear_error (&job->error);
  heard_secure_free_string (job->passphrase);
  heard_secure_free_string (job->new_passphrase);
  g_free (job);
}

static gint64
now_seconds (void)
{
  return clock_now != NULL ? clock_now () : g_get_real_time () / G_USEC_PER_SEC;
}

static char *
note_path (const char *data_dir)
{
  return g_build_filename (data_dir, HEARD_CASEWORKER_FILE, NULL);
}

/* The MAC over everything the note says, as hex. */
static char *
compute_mac (const Note     *note,
             const HeardKey *seal)
{
  g_autofree char *text = NULL;
  guint8 mac[crypto_generichash_BYTES];
  char hex[crypto_generichash_BYTES * 2 + 1];

  if (note->generation == 0)
    text = g_strdup_printf ("%s\n%s\n%u\n%" G_GINT64_FORMAT "\n", MAC_CONTEXT_UNNUMBERED,
                            note->verifier, note->wrong_tries, note->last_wrong_try);
  else
    text = g_strdup_printf ("%s\n%s\n%u\n%" G_GINT64_FORMAT "\n%" G_GUINT64_FORMAT "\n",
                            MAC_CONTEXT, note->verifier, note->wrong_tries,
                            note->last_wrong_try, note->generation);

  crypto_generichash (mac, sizeof mac, (const guint8 *) text, strlen (text),
                      heard_key_get_bytes (seal), HEARD_KEY_SIZE);
  sodium_bin2hex (hex, sizeof hex, mac, sizeof mac);

  return g_strdup (hex);
}

static gboolean
set_changed_outside (GError **error)
{
  g_set_error_literal (error, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                       HEARD_CASEWORKER_PASSPHRASE_ERROR_CHANGED_OUTSIDE,
                       _("Heard's record of your passphrase (caseworker.ini) is missing or was "
                         "changed outside Heard, so Heard will not open the records with it. "
                         "The recovery code opens them, and then you can choose a new "
                         "passphrase."));
  return FALSE;
}

/* Reads the note and checks its MAC and that its generation is at least
 * @lowest_generation; any doubt is "changed outside". */
static gboolean
read_note (const char      *data_dir,
           const HeardKey  *seal,
           guint64          lowest_generation,
           Note            *note,
           GError         **error)
{
  g_autofree char *path = note_path (data_dir);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *mac = NULL;
  g_autofree char *expected = NULL;
  gsize length = 0;
  gint64 tries;

  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return set_changed_outside (error);
      g_set_error (error, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                   HEARD_CASEWORKER_PASSPHRASE_ERROR_FAILED,
                   _("Heard could not read its record of your passphrase: %s"), local->message);
      return FALSE;
    }

  if (!g_utf8_validate (contents, (gssize) length, NULL) ||
      !g_key_file_load_from_data (key_file, contents, length, G_KEY_FILE_NONE, NULL))
    return set_changed_outside (error);

  note->verifier = g_key_file_get_string (key_file, GROUP, "verifier", NULL);
  tries = g_key_file_get_int64 (key_file, GROUP, "wrong-tries", &local);
  if (local == NULL)
    note->last_wrong_try = g_key_file_get_int64 (key_file, GROUP, "last-wrong-try", &local);
  if (local == NULL && g_key_file_has_key (key_file, GROUP, "generation", NULL))
    {
      note->generation = g_key_file_get_uint64 (key_file, GROUP, "generation", &local);
      if (note->generation == 0)
        return set_changed_outside (error);
    }
  mac = g_key_file_get_string (key_file, GROUP, "mac", NULL);
  if (note->verifier == NULL || mac == NULL || local != NULL || tries < 0 || tries > G_MAXINT)
    return set_changed_outside (error);
  note->wrong_tries = (guint) tries;

  expected = compute_mac (note, seal);
  if (strlen (mac) != strlen (expected) ||
      sodium_memcmp (mac, expected, strlen (expected)) != 0 ||
      note->generation < lowest_generation)
    return set_changed_outside (error);

  return TRUE;
}

/* Writes @note as the job's next generation. */
static gboolean
write_note (Job      *job,
            Note     *note,
            GError  **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local = NULL;
  g_autofree char *mac = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  note->generation = job->note_generation + 1;
  mac = compute_mac (note, job->seal);
  path = note_path (job->data_dir);

  g_key_file_set_string (key_file, GROUP, "verifier", note->verifier);
  g_key_file_set_int64 (key_file, GROUP, "wrong-tries", note->wrong_tries);
  g_key_file_set_int64 (key_file, GROUP, "last-wrong-try", note->last_wrong_try);
  g_key_file_set_uint64 (key_file, GROUP, "generation", note->generation);
  g_key_file_set_string (key_file, GROUP, "mac", mac);
  contents = g_key_file_to_data (key_file, &length, NULL);

  if (!heard_secure_write_file (path, contents, length, &local))
    {
      g_set_error (error, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                   HEARD_CASEWORKER_PASSPHRASE_ERROR_FAILED,
                   _("Heard could not keep its record of your passphrase: %s"), local->message);
      return FALSE;
    }

  job->note_generation = note->generation;
  return TRUE;
}

/* Seconds still to wait before @note allows a try at @now. A clock set
 * back counts the whole wait from now. */
static guint
seconds_to_wait (const Note *note,
                 gint64      now)
{
  guint wait = heard_caseworker_passphrase_wait_after (note->wrong_tries);
  gint64 since = now - note->last_wrong_try;

  if (wait == 0)
    return 0;
  if (since < 0)
    return wait;

  return since >= wait ? 0 : (guint) (wait - since);
}

static void
set_too_soon (GError **error,
              guint    seconds)
{
  g_set_error (error, HEARD_CASEWORKER_PASSPHRASE_ERROR,
               HEARD_CASEWORKER_PASSPHRASE_ERROR_TOO_SOON,
               g_dngettext (GETTEXT_PACKAGE,
                            "There have been several wrong tries, so Heard waits a little "
                            "before the next. Try again in %u second.",
                            "There have been several wrong tries, so Heard waits a little "
                            "before the next. Try again in %u seconds.", seconds),
               seconds);
}

/* Tries @passphrase against the note, counting a wrong try. */
static gboolean
check_passphrase (Job     *job,
                  GError **error)
{
  g_auto(Note) note = { 0 };
  gint64 now = now_seconds ();
  gboolean right;

  if (!read_note (job->data_dir, job->seal, job->generation, &note, error))
    return FALSE;
  job->note_generation = note.generation;

  job->wait_seconds = seconds_to_wait (&note, now);
  if (job->wait_seconds > 0)
    {
      set_too_soon (error, job->wait_seconds);
      return FALSE;
    }

  right = strlen (job->passphrase) <= MAX_PASSPHRASE_BYTES &&
          crypto_pwhash_str_verify (note.verifier, job->passphrase,
                                    strlen (job->passphrase)) == 0;
  if (right)
    {
      if (note.wrong_tries == 0)
        return TRUE;
      note.wrong_tries = 0;
      note.last_wrong_try = 0;
      return write_note (job, &note, error);
    }

  note.wrong_tries++;
  note.last_wrong_try = now;
  if (!write_note (job, &note, error))
    return FALSE;
  job->wait_seconds = heard_caseworker_passphrase_wait_after (note.wrong_tries);
  g_set_error_literal (error, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                       HEARD_CASEWORKER_PASSPHRASE_ERROR_WRONG,
                       _("That is not your passphrase. Please try again."));

  return FALSE;
}

static gboolean
set_passphrase (Job         *job,
                const char  *passphrase,
                GError     **error)
{
  g_auto(Note) note = { 0 };
  char verifier[crypto_pwhash_STRBYTES];
  gboolean cheap = g_atomic_int_get (&cheap_cost);

  if (!heard_caseworker_passphrase_is_usable (passphrase, error))
    return FALSE;

  if (crypto_pwhash_str_alg (verifier, passphrase, strlen (passphrase),
                             cheap ? crypto_pwhash_OPSLIMIT_MIN
                                   : crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             cheap ? crypto_pwhash_MEMLIMIT_MIN
                                   : crypto_pwhash_MEMLIMIT_INTERACTIVE,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                           HEARD_CASEWORKER_PASSPHRASE_ERROR_FAILED,
                           _("This computer ran short of memory while protecting the "
                             "passphrase. Close some programs and try again."));
      return FALSE;
    }

  note.verifier = g_strdup (verifier);

  return write_note (job, &note, error);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_auto(Note) note = { 0 };
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&tries_lock);

  job->note_generation = job->generation;
  switch (job->kind)
    {
    case JOB_INSPECT:
      job->done = read_note (job->data_dir, job->seal, job->generation, &note, &job->error);
      if (job->done)
        {
          job->note_generation = note.generation;
          job->wait_seconds = seconds_to_wait (&note, now_seconds ());
        }
      break;
    case JOB_CHECK:
      job->done = check_passphrase (job, &job->error);
      break;
    case JOB_SET:
      job->done = set_passphrase (job, job->passphrase, &job->error);
      break;
    case JOB_CHANGE:
      job->done = heard_caseworker_passphrase_is_usable (job->new_passphrase, &job->error) &&
                  check_passphrase (job, &job->error) &&
                  set_passphrase (job, job->new_passphrase, &job->error);
      break;
    default:
      g_assert_not_reached ();
    }

  g_task_return_boolean (task, TRUE);
}

static void
return_job (GTask *task)
{
  Job *job = g_task_get_task_data (task);

  if (job->done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&job->error));
}

static void
generation_raised_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* The note is still taken (it is ahead), and the next read raises the
   * keyring's generation again. A new passphrase is not set until the
   * keyring holds its generation, though: until then its seal may still be
   * unwritten (heard-keyring.c), and its note not yet needed. */
  if (!heard_keyring_store_seal_finish (result, &error))
    {
      if (job->kind == JOB_SET && job->done)
        {
          job->done = FALSE;
          job->error = g_steal_pointer (&error);
        }
      else
        g_message ("Could not keep the generation of caseworker.ini in the keyring: %s",
                   error->message);
    }

  return_job (task);
}

/* Back on the caller's context once the note was read or written: a note
 * ahead of the keyring raises the keyring's generation to it. */
static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);

  if (job->note_generation > job->generation)
    {
      heard_keyring_store_seal_async (job->db_uuid, job->seal, job->note_generation, NULL,
                                      generation_raised_cb, g_steal_pointer (&task));
      return;
    }

  return_job (task);
}

static void
run_job (JobKind              kind,
         const char          *data_dir,
         const char          *db_uuid,
         const HeardKey      *seal,
         guint64              generation,
         const char          *passphrase,
         const char          *new_passphrase,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GTask) work = NULL;
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->data_dir = g_strdup (data_dir);
  job->db_uuid = g_strdup (db_uuid);
  job->seal = heard_key_copy (seal);
  job->generation = generation;
  job->passphrase = g_strdup (passphrase);
  job->new_passphrase = g_strdup (new_passphrase);
  g_task_set_source_tag (task, run_job);
  g_task_set_name (task, "heard-caseworker-passphrase");
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);

  /* Whoever waits needs the answer even if they gave up: a try counts, and
   * the keyring must hear of it. So the work itself is never cancelled. */
  work = g_task_new (NULL, NULL, job_done_cb, g_steal_pointer (&task));
  g_task_set_name (work, "heard-caseworker-passphrase-note");
  g_task_set_task_data (work, job, NULL);
  g_task_run_in_thread (work, job_thread);
}

gboolean
heard_caseworker_passphrase_is_usable (const char  *passphrase,
                                       GError     **error)
{
  if (passphrase == NULL || !g_utf8_validate (passphrase, -1, NULL) ||
      strlen (passphrase) > MAX_PASSPHRASE_BYTES)
    {
      g_set_error_literal (error, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                           HEARD_CASEWORKER_PASSPHRASE_ERROR_UNUSABLE,
                           _("That passphrase cannot be used. Type it again by hand."));
      return FALSE;
    }

  if (g_utf8_strlen (passphrase, -1) < HEARD_CASEWORKER_MIN_PASSPHRASE_CHARS)
    {
      g_set_error (error, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                   HEARD_CASEWORKER_PASSPHRASE_ERROR_UNUSABLE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Please use at least %d character. A short sentence you will "
                                "remember works well.",
                                "Please use at least %d characters. A short sentence you will "
                                "remember works well.",
                                HEARD_CASEWORKER_MIN_PASSPHRASE_CHARS),
                   HEARD_CASEWORKER_MIN_PASSPHRASE_CHARS);
      return FALSE;
    }

  return TRUE;
}

guint
heard_caseworker_passphrase_wait_after (guint wrong_tries)
{
  guint wait = FIRST_WAIT_SECONDS;

  if (wrong_tries < HEARD_CASEWORKER_FREE_TRIES)
    return 0;

  for (guint i = HEARD_CASEWORKER_FREE_TRIES; i < wrong_tries && wait < LONGEST_WAIT_SECONDS; i++)
    wait *= 2;

  return MIN (wait, LONGEST_WAIT_SECONDS);
}

gboolean
heard_caseworker_passphrase_file_exists (const char *data_dir)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (data_dir != NULL, FALSE);

  path = note_path (data_dir);
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

void
heard_caseworker_passphrase_inspect_async (const char          *data_dir,
                                           const char          *db_uuid,
                                           const HeardKey      *seal,
                                           guint64              generation,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (data_dir != NULL && db_uuid != NULL && seal != NULL);

  run_job (JOB_INSPECT, data_dir, db_uuid, seal, generation, NULL, NULL, cancellable, callback,
           user_data);
}

void
heard_caseworker_passphrase_check_async (const char          *data_dir,
                                         const char          *db_uuid,
                                         const HeardKey      *seal,
                                         guint64              generation,
                                         const char          *passphrase,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (data_dir != NULL && db_uuid != NULL && seal != NULL && passphrase != NULL);

  run_job (JOB_CHECK, data_dir, db_uuid, seal, generation, passphrase, NULL, cancellable,
           callback, user_data);
}

void
heard_caseworker_passphrase_set_async (const char          *data_dir,
                                       const char          *db_uuid,
                                       const HeardKey      *seal,
                                       guint64              generation,
                                       const char          *passphrase,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (data_dir != NULL && db_uuid != NULL && seal != NULL && passphrase != NULL);

  run_job (JOB_SET, data_dir, db_uuid, seal, generation, passphrase, NULL, cancellable,
           callback, user_data);
}

void
heard_caseworker_passphrase_change_async (const char          *data_dir,
                                          const char          *db_uuid,
                                          const HeardKey      *seal,
                                          guint64              generation,
                                          const char          *old_passphrase,
                                          const char          *new_passphrase,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (data_dir != NULL && db_uuid != NULL && seal != NULL);
  g_return_if_fail (old_passphrase != NULL && new_passphrase != NULL);

  run_job (JOB_CHANGE, data_dir, db_uuid, seal, generation, old_passphrase, new_passphrase,
           cancellable, callback, user_data);
}

gboolean
heard_caseworker_passphrase_finish (GAsyncResult  *result,
                                    guint         *wait_seconds,
                                    guint64       *generation,
                                    GError       **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == run_job, FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (wait_seconds != NULL)
    *wait_seconds = job->wait_seconds;
  if (generation != NULL)
    *generation = MAX (job->generation, job->note_generation);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
_heard_caseworker_passphrase_set_cheap_cost (gboolean cheap)
{
  g_atomic_int_set (&cheap_cost, cheap);
}

void
_heard_caseworker_passphrase_set_clock (gint64 (*now) (void))
{
  clock_now = now;
}

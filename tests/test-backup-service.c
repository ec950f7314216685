/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-backup-service"

#include "config.h"

#include <glib/gstdio.h>

#include "heard-backup.h"
#include "heard-backup-service-private.h"
#include "heard-context.h"
#include "heard-context-private.h"
#include "heard-test-utils.h"

/*
 * What a caseworker sees of backups without ever thinking of them: the
 * overview's sentence about the last one, a backup made as soon as one is
 * due and the records are open, one that a lock cancels leaving the old
 * ones whole and running after the unlock, and one made on quit.
 */

typedef struct
{
  HeardTestRecords  records;
  char             *folder;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  heard_test_records_init (&fixture->records);
  fixture->folder = g_build_filename (fixture->records.root, "usb-drive", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->folder);
  heard_test_records_clear (&fixture->records);
}

/* backup.ini as Heard leaves it: the folder chosen and, when @days_ago is
 * not negative, a backup made that many days (and an hour) ago. */
static void
write_settings (Fixture *fixture,
                int      days_ago)
{
  g_autoptr(GString) text = g_string_new ("[backup]\n");
  g_autofree char *path = NULL;

  g_string_append_printf (text, "folder=%s\n", fixture->folder);
  if (days_ago >= 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) then = g_date_time_add (now, -(days_ago * G_TIME_SPAN_DAY +
                                                          G_TIME_SPAN_HOUR));
      g_autofree char *when = g_date_time_format_iso8601 (then);

      g_string_append_printf (text, "last-backup=%s\n", when);
    }

  g_mkdir_with_parents (fixture->records.data_dir, 0700);
  path = g_build_filename (fixture->records.data_dir, "backup.ini", NULL);
  heard_test_write_file (path, text->str, text->len);
}

static void
notified_cb (GObject    *object,
             GParamSpec *pspec,
             gboolean   *notified)
{
  *notified = TRUE;
}

/* Runs the main context until @object says @property changed. */
static void
wait_for_notify (gpointer    object,
                 const char *property)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);
  gboolean notified = FALSE;
  gulong id = g_signal_connect (object, signal, G_CALLBACK (notified_cb), &notified);
  /* A backup that never comes fails the test rather than hanging it. */
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!notified)
    {
      g_main_context_iteration (NULL, FALSE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (1000);
    }
  g_signal_handler_disconnect (object, id);
}

/* Runs the main context until the backup @service is about to start has
 * started and ended. */
static void
wait_for_backup (HeardBackupService *service)
{
  if (!heard_backup_service_get_running (service))
    wait_for_notify (service, "running");
  while (heard_backup_service_get_running (service))
    g_main_context_iteration (NULL, TRUE);
}

static char *
status_now (HeardBackupService *service,
            gboolean           *stands_out)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return heard_backup_service_dup_status (service, now, stands_out);
}

static guint
count_backups (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      /* A file still being written never carries a backup's name. */
      if (g_str_has_suffix (name, ".heardbackup"))
        n++;
    }
  return n;
}

/* Records opened as a start opens them: a fresh folder is made, its
 * recovery code noted as kept, and @n_people young people saved. */
static HeardContext *
open_records (Fixture *fixture,
              guint    n_people)
{
  HeardContext *context = heard_context_new (fixture->records.data_dir);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeardStore *store;

  heard_context_start_async (context, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  heard_test_unlock_finish (context, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  heard_context_confirm_recovery_code_kept_async (context, NULL, heard_test_store_result_cb,
                                                  &result);
  heard_test_wait (&result);
  g_assert_cmpint (heard_test_unlock_finish (context, result, &error), ==,
                   HEARD_LOCK_STATE_OPEN);
  g_assert_no_error (error);
  store = _heard_context_get_store (context);
  g_assert_nonnull (store);

  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *name = g_strdup_printf ("Practice Person %u", i);

      heard_test_add_person (store, name);
    }
  return context;
}

static void
start_again (HeardContext *context)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  heard_context_start_async (context, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_cmpint (heard_test_unlock_finish (context, result, &error), ==,
                   HEARD_LOCK_STATE_OPEN);
  g_assert_no_error (error);
}

static void
lock (HeardContext *context)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  heard_context_lock_async (context, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_context_lock_finish (context, result, &error));
  g_assert_no_error (error);
}

/* What the application does as it quits. */
static void
quit (HeardContext *context)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  heard_context_close_async (context, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_context_close_finish (context, result, &error));
  g_assert_no_error (error);
}

/* The newest backup in the folder, checked whole with the records' key
 * from the keyring. */
static HeardBackupSummary *
inspect_newest (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HeardBackupSummary) newest = NULL;
  g_autoptr(GError) error = NULL;
  HeardBackupSummary *summary;
  g_autofree char *uuid = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();

  g_assert_true (g_key_file_load_from_file (info, fixture->records.info_path, G_KEY_FILE_NONE,
                                            NULL));
  uuid = g_key_file_get_string (info, "database", "uuid", NULL);
  heard_backup_find_newest_async (fixture->folder, uuid, NULL, heard_test_store_result_cb,
                                  &result);
  heard_test_wait (&result);
  newest = heard_backup_find_newest_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (newest);

  g_clear_object (&result);
  heard_backup_inspect_async (newest->path, NULL, NULL, NULL, heard_test_store_result_cb,
                              &result);
  heard_test_wait (&result);
  summary = heard_backup_inspect_finish (result, &error);
  g_assert_no_error (error);
  return summary;
}

/* What the overview says, from backup.ini alone. */
static void
test_status (Fixture       *fixture,
             gconstpointer  data)
{
  static const struct
  {
    int         days_ago;
    const char *status;
    gboolean    stands_out;
  } cases[] = {
    { -1, "No backup yet", TRUE },
    { 0, "Last backup: today", FALSE },
    { 2, "Last backup: 2 days ago", FALSE },
    { 7, "Last backup: 7 days ago", FALSE },
    { 9, "Last backup: 9 days ago", TRUE },
  };

  /* Nothing chosen yet: say what to do. */
  {
    g_autoptr(HeardBackupService) service = _heard_backup_service_new (fixture->records.data_dir);
    g_autofree char *status = NULL;
    gboolean stands_out = FALSE;

    status = status_now (service, &stands_out);
    g_assert_cmpstr (status, ==, "No backup yet: no backup folder is chosen");
    g_assert_true (stands_out);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HeardBackupService) service = NULL;
      g_autofree char *status = NULL;
      gboolean stands_out = !cases[i].stands_out;

      write_settings (fixture, cases[i].days_ago);
      service = _heard_backup_service_new (fixture->records.data_dir);
      wait_for_notify (service, "folder");
      g_assert_cmpstr (heard_backup_service_get_folder (service), ==, fixture->folder);

      status = status_now (service, &stands_out);
      g_assert_cmpstr (status, ==, cases[i].status);
      g_assert_cmpint (stands_out, ==, cases[i].stands_out);
    }
}

/* Due when the records open: it is made at once, whole, and the overview
 * says so. */
static void
test_due_after_unlock (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(HeardContext) context = open_records (fixture, 3);
  g_autoptr(HeardBackupSummary) summary = NULL;
  g_autofree char *status = NULL;
  HeardBackupService *service;

  heard_test_close_context (&context);
  write_settings (fixture, 3);
  g_mkdir_with_parents (fixture->folder, 0700);
  context = heard_context_new (fixture->records.data_dir);
  service = heard_context_get_backups (context);
  g_assert_cmpuint (count_backups (fixture->folder), ==, 0);

  start_again (context);
  wait_for_backup (service);

  g_assert_null (heard_backup_service_get_problem (service));
  g_assert_cmpuint (count_backups (fixture->folder), ==, 1);
  summary = inspect_newest (fixture);
  g_assert_cmpuint (summary->n_people, ==, 3);
  status = status_now (service, NULL);
  g_assert_cmpstr (status, ==, "Last backup: today");
  heard_test_close_context (&context);
}

static void
backed_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr(HeardBackupSummary) summary = NULL;

  summary = heard_backup_service_back_up_now_finish (HEARD_BACKUP_SERVICE (object), result,
                                                     error);
  g_assert_true ((summary == NULL) == (*error != NULL));
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

typedef enum
{
  LET_IT_RUN,
  LOCK_AT_ONCE,
  CANCEL_AT_ONCE,
} Interruption;

/* Back Up Now, to the end: NULL when it was made, or why not. */
static GError *
back_up_now (HeardBackupService *service,
             Interruption        interruption,
             HeardContext       *context)
{
  GError *error = NULL;

  heard_backup_service_back_up_now_async (service, NULL, backed_up_cb, &error);
  if (interruption == LOCK_AT_ONCE)
    lock (context);
  else if (interruption == CANCEL_AT_ONCE)
    heard_backup_service_cancel (service);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    g_clear_error (&error);
  return error;
}

/* A lock cancels the backup running, leaves the one before whole, says the
 * backup waits, and it runs once the records are open again. */
static void
test_lock_cancels (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(HeardContext) context = open_records (fixture, 2);
  HeardBackupService *service = heard_context_get_backups (context);
  g_autoptr(HeardBackupSummary) before = NULL;
  g_autoptr(HeardBackupSummary) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;

  g_mkdir_with_parents (fixture->folder, 0700);
  heard_backup_service_set_folder (service, fixture->folder);
  wait_for_backup (service);
  g_assert_cmpuint (count_backups (fixture->folder), ==, 1);
  before = inspect_newest (fixture);

  heard_test_add_person (_heard_context_get_store (context), "Added after the backup");
  /* Cancel: nothing new, nothing waiting, no problem to show. */
  error = back_up_now (service, CANCEL_AT_ONCE, context);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (heard_backup_service_get_waiting_for_unlock (service));
  g_assert_null (heard_backup_service_get_problem (service));
  g_assert_cmpuint (count_backups (fixture->folder), ==, 1);
  g_clear_error (&error);

  error = back_up_now (service, LOCK_AT_ONCE, context);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (heard_backup_service_get_waiting_for_unlock (service));
  g_assert_null (heard_backup_service_get_problem (service));
  status = status_now (service, NULL);
  g_assert_cmpstr (status, ==, "Backup waiting for unlock");
  g_assert_cmpuint (count_backups (fixture->folder), ==, 1);
  after = inspect_newest (fixture);
  g_assert_cmpstr (after->path, ==, before->path);
  g_assert_cmpuint (after->n_people, ==, 2);
  g_clear_pointer (&after, heard_backup_summary_free);

  /* Within the second the first was made, a new one could take its name. */
  g_usleep (G_USEC_PER_SEC);
  start_again (context);
  wait_for_backup (service);
  g_assert_false (heard_backup_service_get_waiting_for_unlock (service));
  g_assert_cmpuint (count_backups (fixture->folder), ==, 2);
  after = inspect_newest (fixture);
  g_assert_cmpuint (after->n_people, ==, 3);
  heard_test_close_context (&context);
}

/* A drive chosen in place of a lost one: the last backup is the new
 * drive's (none), and one is made there at once. */
static void
test_new_folder (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(HeardContext) context = open_records (fixture, 1);
  HeardBackupService *service = heard_context_get_backups (context);
  g_autofree char *first_folder = g_strdup (fixture->folder);
  g_autofree char *status = NULL;

  g_mkdir_with_parents (first_folder, 0700);
  heard_backup_service_set_folder (service, first_folder);
  wait_for_backup (service);
  g_assert_cmpuint (count_backups (first_folder), ==, 1);

  g_free (fixture->folder);
  fixture->folder = g_build_filename (fixture->records.root, "new-drive", NULL);
  g_mkdir_with_parents (fixture->folder, 0700);
  heard_backup_service_set_folder (service, fixture->folder);
  g_assert_null (heard_backup_service_get_last_backup (service));
  wait_for_backup (service);
  g_assert_cmpuint (count_backups (fixture->folder), ==, 1);
  g_assert_cmpuint (count_backups (first_folder), ==, 1);
  status = status_now (service, NULL);
  g_assert_cmpstr (status, ==, "Last backup: today");
  heard_test_close_context (&context);
}

/* A backup due when the drive was away is made on quit once it is back. */
static void
test_on_quit (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(HeardContext) context = open_records (fixture, 1);
  HeardBackupService *service = heard_context_get_backups (context);
  g_autofree char *status = NULL;
  gboolean stands_out = FALSE;

  heard_backup_service_set_folder (service, fixture->folder);
  wait_for_backup (service);
  /* The drive is not there: a clear reason, and the overview stands out. */
  g_assert_nonnull (heard_backup_service_get_problem (service));
  g_test_message ("unplugged: %s", heard_backup_service_get_problem (service));
  status = status_now (service, &stands_out);
  g_assert_cmpstr (status, ==, "No backup yet");
  g_assert_true (stands_out);

  g_mkdir_with_parents (fixture->folder, 0700);
  quit (context);
  g_assert_cmpuint (count_backups (fixture->folder), ==, 1);
  heard_test_close_context (&context);
}

int
main (int   argc,
      char *argv[])
{
  heard_test_init (&argc, &argv);

  g_test_add ("/backup-service/status", Fixture, NULL, fixture_set_up, test_status,
              fixture_tear_down);
  g_test_add ("/backup-service/due-after-unlock", Fixture, NULL, fixture_set_up,
              test_due_after_unlock, fixture_tear_down);
  g_test_add ("/backup-service/lock-cancels", Fixture, NULL, fixture_set_up,
              test_lock_cancels, fixture_tear_down);
  g_test_add ("/backup-service/new-folder", Fixture, NULL, fixture_set_up, test_new_folder,
              fixture_tear_down);
  g_test_add ("/backup-service/on-quit", Fixture, NULL, fixture_set_up, test_on_quit,
              fixture_tear_down);

  return g_test_run ();
}

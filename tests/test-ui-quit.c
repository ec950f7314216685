/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-ui-quit"

#include "config.h"

#include <glib/gstdio.h>

#include "heard-keyring.h"
#include "heard-secure.h"
#include "heard-sqlite-store.h"
#include "heard-test-ui.h"
#include "heard-test-utils.h"

/*
 * Runs the whole application, as the desktop starts it, on its own records
 * folder: a first start, one person added, then Ctrl+Q. Once Heard has
 * exited, heard.db on its own (copied without its -wal and -shm, as a person
 * backing up by hand would) must hold that person: quitting folds the
 * write-ahead log into the database file.
 */

#define PERSON_NAME "Amira Khan"

static gboolean
shows_one_person (gpointer data)
{
  HeardWindow *window = heard_test_ui_active_window (data);

  return g_list_model_get_n_items (_heard_window_get_shown_people (window)) == 1;
}

/* Runs inside the application's main loop, as a caseworker would use it. */
static gboolean
use_then_quit_cb (gpointer data)
{
  HeardApplication *app = data;
  g_auto(GStrv) actions = NULL;

  heard_test_ui_wait_for_state (app, "recovery-code");
  heard_test_ui_confirm_recovery_code (app);
  heard_test_ui_add_person (app, PERSON_NAME, "");
  heard_test_ui_wait_until (shows_one_person, app, "the new person in the list");

  /* Ctrl+Q is app.quit. */
  actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>q");
  g_assert_true (g_strv_contains ((const char *const *) actions, "app.quit"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);

  return G_SOURCE_REMOVE;
}

static void
activated_cb (GApplication *app)
{
  g_idle_add (use_then_quit_cb, app);
}

static char *
read_uuid (const char *data_dir)
{
  g_autofree char *path = g_build_filename (data_dir, "heard.ini", NULL);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  char *uuid;

  g_key_file_load_from_file (info, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  uuid = g_key_file_get_string (info, "database", "uuid", &error);
  g_assert_no_error (error);

  return uuid;
}

static HeardKey *
look_up_key (const char *uuid)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeardKey *key;

  heard_keyring_lookup_async (uuid, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  key = heard_keyring_lookup_finish (result, &error);
  g_assert_no_error (error);

  return key;
}

static void
forget_key (const char *uuid)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  heard_keyring_clear_async (uuid, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_keyring_clear_finish (result, &error));
  g_assert_no_error (error);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  return heard_test_raw_count (db, sql);
}

static void
test_quit_leaves_one_file (void)
{
  g_autofree char *root = heard_test_make_dir ();
  g_autofree char *data_dir = g_build_filename (root, "records", NULL);
  g_autofree char *db_path = g_build_filename (data_dir, "heard.db", NULL);
  g_autofree char *wal_path = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *copy_dir = g_build_filename (root, "copy", NULL);
  g_autofree char *copy_path = g_build_filename (copy_dir, "heard.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(HeardApplication) app = NULL;
  g_autoptr(HeardKey) key = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  GStatBuf info;
  sqlite3 *db;
  int status;

  g_setenv ("HEARD_DATA_DIR", data_dir, TRUE);
  app = heard_application_new ();
  g_application_set_application_id (G_APPLICATION (app), NULL);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), NULL);

  status = g_application_run (G_APPLICATION (app), 0, NULL);
  g_assert_cmpint (status, ==, 0);

  /* Heard has quit: no write-ahead log holds anything any more. */
  if (g_stat (wal_path, &info) == 0)
    g_assert_cmpint (info.st_size, ==, 0);

  /* heard.db alone, with the key from the keyring, holds the person. */
  g_assert_cmpint (g_mkdir (copy_dir, 0700), ==, 0);
  g_file_get_contents (db_path, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (copy_path, contents, (gssize) length, &error);
  g_assert_no_error (error);

  uuid = read_uuid (data_dir);
  key = look_up_key (uuid);
  db = heard_test_raw_open (copy_path, key);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE display_name = '"
                                  PERSON_NAME "'"), ==, 1);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==,
                   heard_sqlite_store_get_schema_version ());
  sqlite3_close (db);

  forget_key (uuid);
  g_unsetenv ("HEARD_DATA_DIR");
  heard_test_remove_dir (root);
}

int
main (int   argc,
      char *argv[])
{
  g_assert_true (heard_secure_init (NULL));
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/quit/leaves-one-file", test_quit_leaves_one_file);

  return g_test_run ();
}

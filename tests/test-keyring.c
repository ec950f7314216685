/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-keyring"

#include "config.h"

#include <gio/gio.h>
#include <libsecret/secret.h>

#include "heard-key.h"
#include "heard-keyring.h"
#include "heard-recovery-code.h"
#include "heard-secure.h"
#include "heard-test-keyring.h"
#include "heard-test-utils.h"

/*
 * These tests talk to a real gnome-keyring-daemon. They lock the default
 * collection, so they must never run against a person's own keyring:
 * build-aux/test-session starts a throw-away one, marks the environment with
 * HEARD_TEST_SESSION, passes its password in HEARD_TEST_KEYRING_PASSWORD and
 * names the (absent) password prompter in GNOME_KEYRING_TEST_PROMPTER.
 */

/* Running async calls to completion */

static void
keep_result_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
  g_main_context_wakeup (NULL);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

static HeardKey *
lookup (const char  *uuid,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_keyring_lookup_async (uuid, NULL, keep_result_cb, &result);
  return heard_keyring_lookup_finish (wait_for (&result), error);
}

static void
store (const char     *uuid,
       const HeardKey *key)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  heard_keyring_store_async (uuid, key, NULL, keep_result_cb, &result);
  g_assert_true (heard_keyring_store_finish (wait_for (&result), &error));
  g_assert_no_error (error);
}

static gboolean
clear (const char  *uuid,
       GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_keyring_clear_async (uuid, NULL, keep_result_cb, &result);
  return heard_keyring_clear_finish (wait_for (&result), error);
}

static void
assert_lookup_equals (const char     *uuid,
                      const HeardKey *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardKey) found = NULL;

  found = lookup (uuid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_true (heard_key_equal (found, expected));
}

static void
assert_lookup_fails (const char *uuid,
                     int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardKey) found = NULL;

  found = lookup (uuid, &error);
  g_assert_null (found);
  g_assert_error (error, HEARD_KEYRING_ERROR, code);
  g_test_message ("lookup said: %s", error->message);
}

static void
clear_ok (const char *uuid)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (clear (uuid, &error));
  g_assert_no_error (error);
}

/* Tests */

static void
test_store_lookup (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *expected_label = NULL;
  g_autoptr(HeardKey) key = heard_key_new_random ();
  g_autoptr(HeardKey) second = heard_key_new_random ();
  g_autoptr(HeardSecretString) expected_hex = heard_key_to_hex (key);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  SecretValue *stored;
  GList *items;

  store (uuid, key);
  assert_lookup_equals (uuid, key);

  /* What other tools see: one readable entry holding the key as hex. (Not
   * through secret_password_lookup_sync(), which leaks the reply in
   * libsecret 0.20.5.) */
  items = heard_test_keyring_search_all (uuid);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  g_assert_true (secret_item_load_secret_sync (items->data, NULL, &error));
  g_assert_no_error (error);
  stored = secret_item_get_secret (items->data);
  g_assert_nonnull (stored);
  g_assert_cmpstr (secret_value_get_content_type (stored), ==, "text/plain");
  g_assert_cmpstr (secret_value_get_text (stored), ==, expected_hex);
  secret_value_unref (stored);

  label = secret_item_get_label (items->data);
  expected_label = g_strdup_printf ("Heard database key (%.8s)", uuid);
  g_assert_cmpstr (label, ==, expected_label);
  g_list_free_full (items, g_object_unref);

  /* Storing again replaces the key rather than adding a second entry. */
  store (uuid, second);
  assert_lookup_equals (uuid, second);
  items = heard_test_keyring_search_all (uuid);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  g_list_free_full (items, g_object_unref);

  clear_ok (uuid);
}

static void
test_databases_kept_apart (void)
{
  g_autofree char *uuid_a = g_uuid_string_random ();
  g_autofree char *uuid_b = g_uuid_string_random ();
  g_autoptr(HeardKey) key_a = heard_key_new_random ();
  g_autoptr(HeardKey) key_b = heard_key_new_random ();

  store (uuid_a, key_a);
  store (uuid_b, key_b);
  assert_lookup_equals (uuid_a, key_a);
  assert_lookup_equals (uuid_b, key_b);

  clear_ok (uuid_a);
  assert_lookup_fails (uuid_a, HEARD_KEYRING_ERROR_NOT_FOUND);
  assert_lookup_equals (uuid_b, key_b);
  clear_ok (uuid_b);
}

static void
test_caller_may_free_key (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HeardKey *key = heard_key_new_random ();
  g_autoptr(HeardKey) copy = heard_key_copy (key);

  heard_keyring_store_async (uuid, key, NULL, keep_result_cb, &result);
  heard_key_free (key);

  g_assert_true (heard_keyring_store_finish (wait_for (&result), &error));
  g_assert_no_error (error);
  assert_lookup_equals (uuid, copy);

  clear_ok (uuid);
}

static void
test_not_found (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  assert_lookup_fails (uuid, HEARD_KEYRING_ERROR_NOT_FOUND);
}

static void
test_damaged (void)
{
  static const char *bad_contents[] = {
    "not a key",
    "",
    "00112233445566778899aabbccddeeff00112233445566778899aabbccddeefg",
    "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff00",
  };
  g_autofree char *uuid = g_uuid_string_random ();
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (bad_contents); i++)
    {
      g_autoptr(GError) error = NULL;

      secret_password_store_sync (heard_keyring_get_schema (), SECRET_COLLECTION_DEFAULT,
                                  "damaged entry", bad_contents[i], NULL, &error,
                                  "db-uuid", uuid, NULL);
      g_assert_no_error (error);

      assert_lookup_fails (uuid, HEARD_KEYRING_ERROR_DAMAGED);
    }

  clear_ok (uuid);
}

static void
test_clear (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(HeardKey) key = heard_key_new_random ();
  GList *items;

  store (uuid, key);
  clear_ok (uuid);

  assert_lookup_fails (uuid, HEARD_KEYRING_ERROR_NOT_FOUND);
  items = heard_test_keyring_search_all (uuid);
  g_assert_null (items);

  /* Nothing left to remove is no failure. */
  clear_ok (uuid);
}

static void
test_recovery_code_round_trip (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(HeardKey) key = heard_key_new_random ();
  g_autoptr(HeardKey) restored = NULL;
  g_autoptr(HeardSecretString) code = NULL;
  g_autofree char *typed = NULL;
  g_autoptr(GError) error = NULL;

  store (uuid, key);
  code = heard_recovery_code_format (key);

  /* The keyring entry is lost; the organisation still has the printed code. */
  clear_ok (uuid);
  assert_lookup_fails (uuid, HEARD_KEYRING_ERROR_NOT_FOUND);

  typed = g_ascii_strdown (code, -1);
  restored = heard_recovery_code_parse (typed, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);

  store (uuid, restored);
  assert_lookup_equals (uuid, key);

  clear_ok (uuid);
}

static void
test_cancelled (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardKey) found = NULL;

  g_cancellable_cancel (cancellable);
  heard_keyring_lookup_async (uuid, cancellable, keep_result_cb, &result);
  found = heard_keyring_lookup_finish (wait_for (&result), &error);

  g_assert_null (found);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
run_lookup_without_service (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  assert_lookup_fails (uuid, HEARD_KEYRING_ERROR_NO_SERVICE);
}

static void
test_no_service (void)
{
  if (g_test_subprocess ())
    {
      /* A session bus on which nobody provides a Secret Service. */
      g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);

      g_test_dbus_up (bus);
      run_lookup_without_service ();
      g_test_dbus_down (bus);
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_no_session_bus (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *nowhere = g_build_filename (g_get_tmp_dir (), "heard-no-such-bus", NULL);
      g_autofree char *address = g_strconcat ("unix:path=", nowhere, NULL);

      g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
      run_lookup_without_service ();
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static gboolean
unlock (const char  *uuid,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  heard_keyring_unlock_async (uuid, NULL, keep_result_cb, &result);
  return heard_keyring_unlock_finish (wait_for (&result), error);
}

/* Runs last: if unlocking again failed, the other tests would fail for a
 * reason that has nothing to do with them. */
static void
test_locked_is_not_missing (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *other_uuid = g_uuid_string_random ();
  g_autoptr(HeardKey) key = heard_key_new_random ();
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) clear_error = NULL;
  g_autoptr(GError) unlock_error = NULL;
  g_autoptr(GError) missing_error = NULL;
  const char *prompter = g_getenv ("GNOME_KEYRING_TEST_PROMPTER");

  store (uuid, key);
  heard_test_lock_default_collection ();

  /* The entry is there but out of reach: that must not look like no key. */
  assert_lookup_fails (uuid, HEARD_KEYRING_ERROR_LOCKED);
  /* A database that never had a key is still told apart. */
  assert_lookup_fails (other_uuid, HEARD_KEYRING_ERROR_NOT_FOUND);

  /* Clearing must not claim success while the entry stays behind. */
  g_assert_false (clear (uuid, &clear_error));
  g_assert_error (clear_error, HEARD_KEYRING_ERROR, HEARD_KEYRING_ERROR_LOCKED);

  /* test-session sends the keyring's password prompts to a bus name that
   * nobody owns, so a prompt ends at once, as if the person had pressed
   * Cancel. Unlocking must then report the keyring as still locked. */
  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (prompter);
  g_assert_false (heard_test_name_has_owner (connection, prompter));

  g_assert_false (unlock (uuid, &unlock_error));
  g_assert_error (unlock_error, HEARD_KEYRING_ERROR, HEARD_KEYRING_ERROR_LOCKED);
  g_test_message ("unlock said: %s", unlock_error->message);
  assert_lookup_fails (uuid, HEARD_KEYRING_ERROR_LOCKED);

  /* Unlocked with the keyring password, the same entry is found again. */
  heard_test_unlock_default_collection ();
  assert_lookup_equals (uuid, key);

  /* Nothing left to unlock is a success; no entry at all is not. */
  g_assert_true (unlock (uuid, &error));
  g_assert_no_error (error);
  g_assert_false (unlock (other_uuid, &missing_error));
  g_assert_error (missing_error, HEARD_KEYRING_ERROR, HEARD_KEYRING_ERROR_NOT_FOUND);

  clear_ok (uuid);
}

static gboolean
wait_unlocked (const char    *uuid,
               GCancellable  *cancellable,
               GAsyncResult **result)
{
  heard_keyring_wait_unlocked_async (uuid, cancellable, keep_result_cb, result);

  /* Long enough for any answer the keyring had to give by itself. */
  for (int i = 0; i < 50 && *result == NULL; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10 * 1000);
    }

  return *result != NULL;
}

/* The login keyring after an automatic log-in: the daemon has read it from
 * disk but has not been given its password, so it knows only hashed
 * attributes. A search that matches the schema's name finds nothing there. */
static void
run_locked_from_disk (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *other_uuid = g_uuid_string_random ();
  g_autoptr(HeardKey) key = heard_key_new_random ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) cancelled_result = NULL;
  g_autoptr(GAsyncResult) unlocked_result = NULL;
  g_autoptr(GAsyncResult) already_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) clear_error = NULL;
  g_autoptr(GError) unlock_error = NULL;

  store (uuid, key);
  heard_test_lock_default_collection_from_disk ();

  assert_lookup_fails (uuid, HEARD_KEYRING_ERROR_LOCKED);
  assert_lookup_fails (other_uuid, HEARD_KEYRING_ERROR_NOT_FOUND);
  g_assert_false (clear (uuid, &clear_error));
  g_assert_error (clear_error, HEARD_KEYRING_ERROR, HEARD_KEYRING_ERROR_LOCKED);
  /* The prompt is cancelled here; the entry was found, so it is "locked". */
  g_assert_false (unlock (uuid, &unlock_error));
  g_assert_error (unlock_error, HEARD_KEYRING_ERROR, HEARD_KEYRING_ERROR_LOCKED);

  /* Waiting ends only when the keyring is unlocked, or when asked to. */
  g_assert_false (wait_unlocked (uuid, cancellable, &cancelled_result));
  g_cancellable_cancel (cancellable);
  wait_for (&cancelled_result);
  g_assert_false (heard_keyring_wait_unlocked_finish (cancelled_result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_false (wait_unlocked (uuid, NULL, &unlocked_result));
  g_assert_true (heard_test_default_collection_is_locked ());
  /* Not through Heard: as the desktop's own prompt would. */
  heard_test_unlock_default_collection ();
  wait_for (&unlocked_result);
  g_assert_true (heard_keyring_wait_unlocked_finish (unlocked_result, &error));
  g_assert_no_error (error);
  assert_lookup_equals (uuid, key);

  /* Nothing locked: nothing to wait for. */
  g_assert_true (wait_unlocked (uuid, NULL, &already_result));
  g_assert_true (heard_keyring_wait_unlocked_finish (already_result, &error));
  g_assert_no_error (error);

  clear_ok (uuid);
}

/* In a subprocess, so that however it ends the keyring is unlocked again. */
static void
test_locked_from_disk (void)
{
  if (g_test_subprocess ())
    {
      run_locked_from_disk ();
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (heard_test_default_collection_is_locked ())
    heard_test_unlock_default_collection ();
  g_assert_false (heard_test_default_collection_is_locked ());
  g_test_trap_assert_passed ();
}

static void
test_not_in_test_session (void)
{
  g_test_fail_printf ("test-keyring needs a private, throw-away keyring and will not touch "
                      "yours. Run it through build-aux/test-session, for example: "
                      "build-aux/test-session meson test -C BUILDDIR --suite keyring");
}

int
main (int   argc,
      char *argv[])
{
  heard_test_init (&argc, &argv);

  /* Subprocesses set up their own (missing) service. */
  if (!g_test_subprocess () && !heard_test_in_keyring_session ())
    {
      g_test_add_func ("/keyring/test-session", test_not_in_test_session);
      return g_test_run ();
    }

  g_test_add_func ("/keyring/store-lookup", test_store_lookup);
  g_test_add_func ("/keyring/databases-kept-apart", test_databases_kept_apart);
  g_test_add_func ("/keyring/caller-may-free-key", test_caller_may_free_key);
  g_test_add_func ("/keyring/not-found", test_not_found);
  g_test_add_func ("/keyring/damaged", test_damaged);
  g_test_add_func ("/keyring/clear", test_clear);
  g_test_add_func ("/keyring/recovery-code-round-trip", test_recovery_code_round_trip);
  g_test_add_func ("/keyring/cancelled", test_cancelled);
  g_test_add_func ("/keyring/no-service", test_no_service);
  g_test_add_func ("/keyring/no-session-bus", test_no_session_bus);
  g_test_add_func ("/keyring/locked-is-not-missing", test_locked_is_not_missing);
  g_test_add_func ("/keyring/locked-from-disk", test_locked_from_disk);

  return g_test_run ();
}

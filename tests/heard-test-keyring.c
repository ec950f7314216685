/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test"

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "heard-keyring.h"
#include "heard-test-keyring.h"

#define SECRETS_NAME     "org.freedesktop.secrets"
#define SECRETS_PATH     "/org/freedesktop/secrets"
#define SERVICE_IFACE    "org.freedesktop.Secret.Service"
#define GUILTY_IFACE     "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"

#ifdef __SANITIZE_ADDRESS__
/* libsecret 0.20.5, as in Debian 12, leaks about 100 bytes each time the
 * keyring answers an unlock with a prompt: a GPtrArray in on_xlock_called()
 * and an extra reference on the prompt's result. Upstream fixed both in
 * October 2023 (libsecret commits e9818571 and f83cd268); nothing outside
 * libsecret can free them, so LeakSanitizer is told to look away. Every test
 * that uses the helpers below links this file, and so gets these too. */
const char *__lsan_default_suppressions (void);
const char *__asan_default_options (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:g_ptr_array_new_with_free_func\n"
         "leak:g_dbus_message_new_from_blob\n";
}

/* GLib is built without frame pointers; the slow unwinder sees the whole
 * stack, which the suppressions above need. */
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}
#endif

gboolean
heard_test_name_has_owner (GDBusConnection *connection,
                           const char      *name)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(b)", &has_owner);

  return has_owner;
}

gboolean
heard_test_in_keyring_session (void)
{
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("HEARD_TEST_SESSION") == NULL ||
      g_getenv ("HEARD_TEST_KEYRING_PASSWORD") == NULL ||
      g_getenv ("GNOME_KEYRING_TEST_PROMPTER") == NULL)
    return FALSE;

  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (connection == NULL)
    {
      g_printerr ("# No session bus: %s\n", error->message);
      return FALSE;
    }

  if (!heard_test_name_has_owner (connection, SECRETS_NAME))
    {
      g_printerr ("# No Secret Service on the session bus\n");
      return FALSE;
    }

  return TRUE;
}

SecretService *
heard_test_get_secret_service (void)
{
  g_autoptr(GError) error = NULL;
  SecretService *service;

  service = secret_service_get_sync (SECRET_SERVICE_OPEN_SESSION, NULL, &error);
  g_assert_no_error (error);

  return service;
}

/* gnome-keyring shows an item of a collection still locked from disk with
 * hashed attributes only, "gkr:compat:hashed:NAME" = MD5 of the value, and
 * with the schema "org.freedesktop.Secret.Generic". */
static gboolean
attribute_is (GHashTable *attributes,
              const char *name,
              const char *value)
{
  g_autofree char *hashed_name = g_strconcat ("gkr:compat:hashed:", name, NULL);
  g_autofree char *hashed_value = g_compute_checksum_for_string (G_CHECKSUM_MD5, value, -1);
  const char *hashed = g_hash_table_lookup (attributes, hashed_name);

  if (hashed != NULL)
    return g_strcmp0 (hashed, hashed_value) == 0;

  return g_strcmp0 (g_hash_table_lookup (attributes, name), value) == 0;
}

static gboolean
is_heard_key (SecretItem *item,
              const char *db_uuid)
{
  g_autoptr(GHashTable) attributes = secret_item_get_attributes (item);
  g_autofree char *schema_name = secret_item_get_schema_name (item);

  if (g_hash_table_contains (attributes, "gkr:compat:hashed:xdg:schema"))
    {
      if (!attribute_is (attributes, "xdg:schema", heard_keyring_get_schema ()->name))
        return FALSE;
    }
  else if (g_strcmp0 (schema_name, heard_keyring_get_schema ()->name) != 0)
    {
      return FALSE;
    }

  return db_uuid == NULL || attribute_is (attributes, "db-uuid", db_uuid);
}

GList *
heard_test_keyring_search_all (const char *db_uuid)
{
  g_autoptr(SecretService) service = heard_test_get_secret_service ();
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) error = NULL;
  GList *items;
  GList *heard_keys = NULL;

  /* Not by the schema's name, which a collection locked from disk cannot
   * match; with NULL, every item is looked at. */
  if (db_uuid != NULL)
    attributes = secret_attributes_build (heard_keyring_get_schema (), "db-uuid", db_uuid, NULL);
  else
    attributes = g_hash_table_new (g_str_hash, g_str_equal);

  items = secret_service_search_sync (service, NULL, attributes, SECRET_SEARCH_ALL, NULL,
                                      &error);
  g_assert_no_error (error);

  for (GList *l = items; l != NULL; l = l->next)
    {
      if (is_heard_key (l->data, db_uuid))
        heard_keys = g_list_prepend (heard_keys, g_object_ref (l->data));
    }
  g_list_free_full (items, g_object_unref);

  return g_list_reverse (heard_keys);
}

guint
heard_test_keyring_count (const char *db_uuid)
{
  GList *items = heard_test_keyring_search_all (db_uuid);
  guint n = g_list_length (items);

  g_list_free_full (items, g_object_unref);

  return n;
}

void
heard_test_keyring_forget_seal (const char *db_uuid)
{
  g_autoptr(SecretService) service = heard_test_get_secret_service ();
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (attributes, (gpointer) "db-uuid", (gpointer) db_uuid);
  g_hash_table_insert (attributes, (gpointer) "item", (gpointer) "caseworker-seal");
  secret_service_clear_sync (service, NULL, attributes, NULL, &error);
  g_assert_no_error (error);
}

void
heard_test_keyring_drop_seal_generation (const char *db_uuid)
{
  g_autoptr(SecretService) service = heard_test_get_secret_service ();
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretValue) value = NULL;
  g_autoptr(SecretValue) shorter = NULL;
  GList *items;
  const char *secret;
  gsize length = 0;

  g_hash_table_insert (attributes, (gpointer) "db-uuid", (gpointer) db_uuid);
  g_hash_table_insert (attributes, (gpointer) "item", (gpointer) "caseworker-seal");
  items = secret_service_search_sync (service, NULL, attributes, SECRET_SEARCH_LOAD_SECRETS,
                                      NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_length (items), ==, 1);

  value = secret_item_get_secret (items->data);
  g_assert_nonnull (value);
  secret = secret_value_get (value, &length);
  g_assert_cmpuint (length, >, HEARD_KEY_SIZE * 2);
  g_assert_cmpint (secret[HEARD_KEY_SIZE * 2], ==, ':');
  shorter = secret_value_new (secret, HEARD_KEY_SIZE * 2, "text/plain");
  secret_item_set_secret_sync (items->data, shorter, NULL, &error);
  g_assert_no_error (error);
  g_list_free_full (items, g_object_unref);
}

static SecretCollection *
get_default_collection (void)
{
  g_autoptr(SecretService) service = heard_test_get_secret_service ();
  g_autoptr(GError) error = NULL;
  SecretCollection *collection;

  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);

  return collection;
}

gboolean
heard_test_default_collection_is_locked (void)
{
  g_autoptr(SecretCollection) collection = get_default_collection ();
  GDBusProxy *proxy = G_DBUS_PROXY (collection);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) locked = NULL;
  g_autoptr(GError) error = NULL;

  /* Asked afresh: the proxy's cached property may be out of date. */
  reply = g_dbus_connection_call_sync (g_dbus_proxy_get_connection (proxy), SECRETS_NAME,
                                       g_dbus_proxy_get_object_path (proxy),
                                       "org.freedesktop.DBus.Properties", "Get",
                                       g_variant_new ("(ss)", "org.freedesktop.Secret.Collection",
                                                      "Locked"),
                                       G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(v)", &locked);

  return g_variant_get_boolean (locked);
}

void
heard_test_lock_default_collection (void)
{
  g_autoptr(SecretService) service = heard_test_get_secret_service ();
  g_autoptr(SecretCollection) collection = get_default_collection ();
  g_autoptr(GError) error = NULL;
  GList *objects = NULL;
  GList *locked = NULL;
  int n_locked;

  objects = g_list_append (objects, collection);
  n_locked = secret_service_lock_sync (service, objects, NULL, &locked, &error);
  g_list_free (objects);
  g_list_free_full (locked, g_object_unref);

  g_assert_no_error (error);
  g_assert_cmpint (n_locked, ==, 1);
}

/* gnome-keyring unlocks through a password prompt. A test cannot type into
 * one, so it uses the daemon's own interface for unlocking with a known
 * password (what its PAM module does at log-in), over a "plain" session:
 * the bytes never leave this private bus. */
void
heard_test_unlock_default_collection (void)
{
  g_autoptr(SecretCollection) collection = get_default_collection ();
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *session_path = NULL;
  const char *password = g_getenv ("HEARD_TEST_KEYRING_PASSWORD");
  GVariant *secret;

  g_assert_nonnull (password);

  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  reply = g_dbus_connection_call_sync (connection, SECRETS_NAME, SECRETS_PATH, SERVICE_IFACE,
                                       "OpenSession",
                                       g_variant_new ("(sv)", "plain", g_variant_new_string ("")),
                                       G_VARIANT_TYPE ("(vo)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(vo)", NULL, &session_path);
  g_clear_pointer (&reply, g_variant_unref);

  secret = g_variant_new ("(o@ay@ays)", session_path,
                          g_variant_new_array (G_VARIANT_TYPE_BYTE, NULL, 0),
                          g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, password,
                                                     strlen (password), 1),
                          "text/plain");
  reply = g_dbus_connection_call_sync (connection, SECRETS_NAME, SECRETS_PATH, GUILTY_IFACE,
                                       "UnlockWithMasterPassword",
                                       g_variant_new ("(o@(oayays))",
                                                      g_dbus_proxy_get_object_path (
                                                        G_DBUS_PROXY (collection)),
                                                      secret),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&reply, g_variant_unref);

  reply = g_dbus_connection_call_sync (connection, SECRETS_NAME, session_path,
                                       "org.freedesktop.Secret.Session", "Close", NULL, NULL,
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

static gboolean
shows_hashed_attributes_only (SecretItem *item)
{
  g_autoptr(GHashTable) attributes = secret_item_get_attributes (item);

  return g_hash_table_contains (attributes, "gkr:compat:hashed:xdg:schema") &&
         !g_hash_table_contains (attributes, "db-uuid");
}

/* gnome-keyring reads a keyring file again when it and its folder look
 * changed. Read while locked, the collection is as the daemon finds it at
 * log-in: only its items' hashed attributes are known. */
void
heard_test_lock_default_collection_from_disk (void)
{
  g_autoptr(SecretCollection) collection = get_default_collection ();
  g_autofree char *name = g_path_get_basename (
    g_dbus_proxy_get_object_path (G_DBUS_PROXY (collection)));
  g_autofree char *file_name = g_strconcat (name, ".keyring", NULL);
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "keyrings", NULL);
  g_autofree char *path = g_build_filename (folder, file_name, NULL);
  const char *paths[] = { path, folder };
  GList *items;
  guint n_hashed = 0;

  g_assert_true (g_str_has_prefix (folder, g_getenv ("HEARD_TEST_SESSION")));
  heard_test_lock_default_collection ();

  for (gsize i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      GStatBuf info;
      struct timespec times[2];

      g_assert_cmpint (g_stat (paths[i], &info), ==, 0);
      times[0].tv_sec = info.st_mtime - 1;
      times[0].tv_nsec = 0;
      times[1] = times[0];
      g_assert_cmpint (utimensat (AT_FDCWD, paths[i], times, 0), ==, 0);
    }

  /* The next request reads the file; every Heard item then shows hashed. */
  items = heard_test_keyring_search_all (NULL);
  for (GList *l = items; l != NULL; l = l->next)
    {
      g_assert_true (secret_item_get_locked (l->data));
      if (shows_hashed_attributes_only (l->data))
        n_hashed++;
    }
  g_assert_cmpuint (n_hashed, >, 0);
  g_assert_cmpuint (n_hashed, ==, g_list_length (items));
  g_list_free_full (items, g_object_unref);
}

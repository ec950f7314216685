/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-keyring"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <sodium.h>

#include "heard-keyring.h"
#include "heard-secure.h"

/*
 * Database keys live in the Secret Service as the 64-character hex form of
 * the key, one item per database, found by its "db-uuid" attribute.
 *
 * A plain secret_password_lookup() answers "nothing" both when there is no
 * item and when the item sits in a locked collection. Heard must never take
 * a locked keyring for a missing key (it would ask for the recovery code, or
 * worse, for a database that exists), so every operation searches with
 * SECRET_SEARCH_ALL, which lists locked items without unlocking them, and
 * looks at each item's Locked property.
 *
 * The search matches on "db-uuid" alone, not on the schema's name: a
 * collection that is still locked from disk (the login keyring after an
 * automatic log-in) only knows hashed attributes, and gnome-keyring then
 * calls every item "org.freedesktop.Secret.Generic", so a search that also
 * asks for the schema finds nothing. Unlocked items of another schema are
 * left out afterwards; a locked item of that database counts as locked.
 *
 * Each operation is a chain of libsecret's own async calls on the main
 * context: connect to the service, then one or two steps.
 */

typedef void (*OperationStep) (GTask *task);

typedef struct
{
  char          *db_uuid;
  /* What the item holds: the database key, or the caseworker's seal. */
  const SecretSchema *schema;
  const char    *item;
  HeardKey      *key;
  /* The seal's generation: given to a store, found by a lookup, which
   * also tells whether it was kept as generation 0 (see below). */
  guint64        generation;
  gboolean       unwritten;
  SecretService *service;
  GList         *items;
  OperationStep  next;

  /* Only while waiting for a locked collection to be unlocked. */
  GPtrArray     *collections;
  GSource       *cancelled_source;
  guint          n_pending;
  gboolean       waited;
} Operation;

#define KEY_HEX_LENGTH (HEARD_KEY_SIZE * 2)
/* A seal's secret is its hex, then this and its generation in decimal. */
#define GENERATION_SEPARATOR ':'

G_DEFINE_QUARK (heard-keyring-error-quark, heard_keyring_error)

#define SEAL_ITEM "caseworker-seal"

static const SecretSchema *get_seal_schema (void);

static void
operation_free (Operation *op)
{
  g_clear_pointer (&op->db_uuid, g_free);
  g_clear_pointer (&op->key, heard_key_free);
  g_clear_object (&op->service);
  g_list_free_full (g_steal_pointer (&op->items), g_object_unref);
  g_clear_pointer (&op->collections, g_ptr_array_unref);
  g_assert (op->cancelled_source == NULL);
  g_free (op);
}

static GHashTable *
build_attributes (Operation *op)
{
  g_assert (op != NULL);
  g_assert (op->db_uuid != NULL);

  if (op->item != NULL)
    return secret_attributes_build (op->schema, "db-uuid", op->db_uuid, "item", op->item, NULL);

  return secret_attributes_build (op->schema, "db-uuid", op->db_uuid, NULL);
}

static gboolean
is_service_missing (const GError *error)
{
  static const int missing_codes[] = {
    G_DBUS_ERROR_SERVICE_UNKNOWN,
    G_DBUS_ERROR_NAME_HAS_NO_OWNER,
    G_DBUS_ERROR_NO_SERVER,
    G_DBUS_ERROR_DISCONNECTED,
    G_DBUS_ERROR_FILE_NOT_FOUND,
    G_DBUS_ERROR_SPAWN_EXEC_FAILED,
    G_DBUS_ERROR_SPAWN_FORK_FAILED,
    G_DBUS_ERROR_SPAWN_CHILD_EXITED,
    G_DBUS_ERROR_SPAWN_CHILD_SIGNALED,
    G_DBUS_ERROR_SPAWN_FAILED,
    G_DBUS_ERROR_SPAWN_SETUP_FAILED,
    G_DBUS_ERROR_SPAWN_CONFIG_INVALID,
    G_DBUS_ERROR_SPAWN_SERVICE_INVALID,
    G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND,
    G_DBUS_ERROR_SPAWN_PERMISSIONS_INVALID,
    G_DBUS_ERROR_SPAWN_FILE_INVALID,
    G_DBUS_ERROR_SPAWN_NO_MEMORY,
  };
  gsize i;

  if (error->domain != G_DBUS_ERROR)
    return FALSE;

  for (i = 0; i < G_N_ELEMENTS (missing_codes); i++)
    {
      if (error->code == missing_codes[i])
        return TRUE;
    }

  return FALSE;
}

/* Turns what libsecret and GDBus report into a HEARD_KEYRING_ERROR that a
 * caseworker can act on. Cancellation is passed on untouched. While
 * @connecting, failing to reach the session bus at all also means there is
 * no Secret Service. */
static GError *
translate_error (GError   *error,
                 gboolean  connecting)
{
  g_autoptr(GError) original = error;

  g_assert (error != NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_steal_pointer (&original);

  g_debug ("Secret Service error: %s (%s, %d)",
           error->message, g_quark_to_string (error->domain), error->code);

  if (is_service_missing (error) ||
      (connecting && error->domain == G_IO_ERROR) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CLOSED))
    return g_error_new_literal (HEARD_KEYRING_ERROR, HEARD_KEYRING_ERROR_NO_SERVICE,
                                _("Heard cannot reach a keyring on this computer, so it cannot "
                                  "look up or save the database key."));

  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return g_error_new_literal (HEARD_KEYRING_ERROR, HEARD_KEYRING_ERROR_LOCKED,
                                _("Your keyring is locked. Unlock it to open the database."));

  return g_error_new (HEARD_KEYRING_ERROR, HEARD_KEYRING_ERROR_FAILED,
                      _("Heard could not use your keyring. Please try again. (%s)"),
                      error->message);
}

static void
return_error (GTask    *task,
              GError   *error,
              gboolean  connecting)
{
  /* Not every libsecret call says why it failed. */
  if (error == NULL)
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "unknown Secret Service error");

  g_task_return_error (task, translate_error (error, connecting));
}

static void
return_not_found (GTask *task)
{
  g_task_return_new_error (task, HEARD_KEYRING_ERROR, HEARD_KEYRING_ERROR_NOT_FOUND,
                           "%s", _("The key for this database is not in your keyring."));
}

static void
return_locked (GTask *task)
{
  g_task_return_new_error (task, HEARD_KEYRING_ERROR, HEARD_KEYRING_ERROR_LOCKED,
                           "%s", _("Your keyring is locked. Unlock it to open the database."));
}

static void
return_damaged (GTask *task)
{
  g_task_return_new_error (task, HEARD_KEYRING_ERROR, HEARD_KEYRING_ERROR_DAMAGED,
                           "%s", _("The database key saved in your keyring is damaged. "
                                   "You can open the database with its recovery code instead."));
}

/* Counts the locked and unlocked items of a search, and returns the first
 * unlocked one (not a new reference). */
static SecretItem *
sort_items (GList *items,
            guint *n_locked,
            guint *n_unlocked)
{
  SecretItem *first_unlocked = NULL;
  GList *l;

  *n_locked = 0;
  *n_unlocked = 0;

  for (l = items; l != NULL; l = l->next)
    {
      SecretItem *item = l->data;

      if (secret_item_get_locked (item))
        {
          (*n_locked)++;
        }
      else
        {
          (*n_unlocked)++;
          if (first_unlocked == NULL)
            first_unlocked = item;
        }
    }

  return first_unlocked;
}

/* Whether @item is of the kind @op looks for. */
static gboolean
is_wanted_item (Operation  *op,
                SecretItem *item)
{
  g_autofree char *schema_name = NULL;

  /* A locked item's real schema may be hidden; see the top of the file. */
  if (secret_item_get_locked (item))
    return TRUE;

  schema_name = secret_item_get_schema_name (item);

  return g_strcmp0 (schema_name, op->schema->name) == 0;
}

/* Every item holding this database's key, locked or not, without any prompt. */
static void
search_database_items (GTask               *task,
                       GAsyncReadyCallback  callback)
{
  Operation *op = g_task_get_task_data (task);
  g_autoptr(GHashTable) attributes = build_attributes (op);

  secret_service_search (op->service, NULL, attributes, SECRET_SEARCH_ALL,
                         g_task_get_cancellable (task), callback, task);
}

/* Keeps the items of search_database_items() in @op->items. */
static gboolean
finish_search (Operation     *op,
               GAsyncResult  *result,
               GError       **error)
{
  GError *search_error = NULL;
  GList *items;
  GList *l;

  items = secret_service_search_finish (op->service, result, &search_error);
  if (search_error != NULL)
    {
      g_propagate_error (error, search_error);
      return FALSE;
    }

  for (l = items; l != NULL; l = l->next)
    {
      if (is_wanted_item (op, l->data))
        op->items = g_list_prepend (op->items, g_object_ref (l->data));
    }
  op->items = g_list_reverse (op->items);
  g_list_free_full (items, g_object_unref);

  return TRUE;
}

static void
service_ready_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Operation *op = g_task_get_task_data (task);
  GError *error = NULL;

  op->service = secret_service_get_finish (result, &error);
  if (op->service == NULL)
    {
      return_error (task, error, TRUE);
      return;
    }

  op->next (g_steal_pointer (&task));
}

/* Connects to the Secret Service, then hands the task to @next, which owns
 * the task's reference from then on. @item NULL works on the database key,
 * SEAL_ITEM on the caseworker's seal. */
static void
start_operation (const char          *db_uuid,
                 const char          *item,
                 const HeardKey      *key,
                 guint64              generation,
                 OperationStep        next,
                 gpointer             source_tag,
                 const char          *name,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Operation *op;

  op = g_new0 (Operation, 1);
  op->db_uuid = g_strdup (db_uuid);
  op->schema = item != NULL ? get_seal_schema () : heard_keyring_get_schema ();
  op->item = item;
  op->key = key != NULL ? heard_key_copy (key) : NULL;
  op->generation = generation;
  op->next = next;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, name);
  g_task_set_task_data (task, op, (GDestroyNotify) operation_free);

  secret_service_get (SECRET_SERVICE_OPEN_SESSION, cancellable, service_ready_cb,
                      g_steal_pointer (&task));
}

static gboolean
check_uuid (const char *db_uuid)
{
  return db_uuid != NULL && db_uuid[0] != '\0' && g_utf8_validate (db_uuid, -1, NULL);
}

/* Lookup */

/* Reads what follows a seal's hex into @op->generation: a seal kept before
 * there were generations has none, which is generation 0. A key has none. */
static gboolean
read_generation (Operation  *op,
                 const char *data,
                 gsize       length)
{
  /* The most a guint64 takes in decimal, and the end of the string. */
  char digits[21] = { 0 };

  if (op->item == NULL || data[0] != GENERATION_SEPARATOR || length < 2 ||
      length - 1 >= sizeof digits)
    return FALSE;

  memcpy (digits, data + 1, length - 1);
  if (!g_ascii_string_to_unsigned (digits, 10, 0, G_MAXUINT64, &op->generation, NULL))
    return FALSE;
  op->unwritten = op->generation == 0;

  return TRUE;
}

static void
lookup_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Operation *op = g_task_get_task_data (task);
  SecretItem *item = SECRET_ITEM (object);
  GError *error = NULL;
  SecretValue *value;
  const char *data;
  gsize length = 0;
  char hex[KEY_HEX_LENGTH + 1];
  HeardKey *key;

  if (!secret_item_load_secret_finish (item, result, &error))
    {
      /* Removed between the search and now. */
      if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_NO_SUCH_OBJECT))
        {
          g_error_free (error);
          return_not_found (task);
        }
      else
        {
          return_error (task, error, FALSE);
        }
      return;
    }

  /* The item may have been locked again between the search and the load. */
  value = secret_item_get_secret (item);
  if (value == NULL)
    {
      if (secret_item_get_locked (item))
        return_locked (task);
      else
        return_damaged (task);
      return;
    }

  data = secret_value_get (value, &length);
  if (data == NULL || length < KEY_HEX_LENGTH ||
      (length > KEY_HEX_LENGTH &&
       !read_generation (op, data + KEY_HEX_LENGTH, length - KEY_HEX_LENGTH)))
    {
      secret_value_unref (value);
      return_damaged (task);
      return;
    }

  memcpy (hex, data, KEY_HEX_LENGTH);
  hex[KEY_HEX_LENGTH] = '\0';
  secret_value_unref (value);

  key = heard_key_new_from_hex (hex, NULL);
  sodium_memzero (hex, sizeof hex);

  if (key == NULL)
    {
      return_damaged (task);
      return;
    }

  g_task_return_pointer (task, key, (GDestroyNotify) heard_key_free);
}

static void
lookup_searched_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Operation *op = g_task_get_task_data (task);
  GError *error = NULL;
  SecretItem *unlocked;
  guint n_locked;
  guint n_unlocked;

  if (!finish_search (op, result, &error))
    {
      return_error (task, error, FALSE);
      return;
    }

  unlocked = sort_items (op->items, &n_locked, &n_unlocked);
  g_debug ("Keyring items for %s: %u unlocked, %u locked", op->db_uuid, n_unlocked, n_locked);

  if (unlocked != NULL)
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      if (n_unlocked > 1)
        g_debug ("%u keyring items hold the key of database %s; using the first",
                 n_unlocked, op->db_uuid);

      secret_item_load_secret (unlocked, cancellable, lookup_loaded_cb, g_steal_pointer (&task));
    }
  else if (n_locked > 0)
    {
      return_locked (task);
    }
  else
    {
      return_not_found (task);
    }
}

static void
lookup_step (GTask *task)
{
  search_database_items (task, lookup_searched_cb);
}

/* Store */

static void
store_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_service_store_finish (SECRET_SERVICE (object), result, &error))
    {
      return_error (task, error, FALSE);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
store_step (GTask *task)
{
  Operation *op = g_task_get_task_data (task);
  g_autoptr(GHashTable) attributes = build_attributes (op);
  g_autoptr(HeardSecretString) hex = NULL;
  g_autofree char *short_uuid = NULL;
  g_autofree char *label = NULL;
  SecretValue *value;

  g_assert (op->key != NULL);

  /* libsecret copies the secret into its own wiped memory straight away. */
  hex = heard_key_to_hex (op->key);
  if (op->item != NULL)
    {
      g_autoptr(HeardSecretString) sealed = NULL;

      sealed = g_strdup_printf ("%s%c%" G_GUINT64_FORMAT, hex, GENERATION_SEPARATOR,
                                op->generation);
      value = secret_value_new (sealed, -1, "text/plain");
    }
  else
    value = secret_value_new (hex, KEY_HEX_LENGTH, "text/plain");
  g_clear_pointer (&op->key, heard_key_free);

  short_uuid = g_utf8_substring (op->db_uuid, 0, MIN (8, g_utf8_strlen (op->db_uuid, -1)));
  if (op->item != NULL)
    /* Translators: the label of the keyring entry that seals the record of
     * the caseworker's passphrase, as shown in Passwords and Keys
     * (Seahorse); %s is the start of the database's identifier. */
    label = g_strdup_printf (_("Heard passphrase seal (%s)"), short_uuid);
  else
    /* Translators: the label of the keyring entry, as shown in Passwords and
     * Keys (Seahorse); %s is the start of the database's identifier. */
    label = g_strdup_printf (_("Heard database key (%s)"), short_uuid);

  secret_service_store (op->service, op->schema, attributes,
                        SECRET_COLLECTION_DEFAULT, label, value,
                        g_task_get_cancellable (task), store_done_cb, task);
  secret_value_unref (value);
}

/* Unlock */

static void
unlock_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GList *unlocked = NULL;
  int n_unlocked;

  n_unlocked = secret_service_unlock_finish (SECRET_SERVICE (object), result, &unlocked, &error);
  g_list_free_full (unlocked, g_object_unref);

  if (error != NULL)
    {
      return_error (task, error, FALSE);
      return;
    }

  /* A dismissed prompt is no error to libsecret, but the key stays locked. */
  if (n_unlocked <= 0)
    {
      g_task_return_new_error (task, HEARD_KEYRING_ERROR, HEARD_KEYRING_ERROR_LOCKED,
                               "%s", _("Your keyring is still locked. Unlock it to open the "
                                       "database."));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
unlock_searched_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Operation *op = g_task_get_task_data (task);
  GCancellable *cancellable;
  GError *error = NULL;
  GList *locked = NULL;
  GList *l;

  if (!finish_search (op, result, &error))
    {
      return_error (task, error, FALSE);
      return;
    }

  if (op->items == NULL)
    {
      return_not_found (task);
      return;
    }

  for (l = op->items; l != NULL; l = l->next)
    {
      if (secret_item_get_locked (l->data))
        locked = g_list_prepend (locked, l->data);
    }

  if (locked == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* This is where the desktop asks for the keyring password. */
  cancellable = g_task_get_cancellable (task);
  secret_service_unlock (op->service, locked, cancellable, unlock_done_cb,
                         g_steal_pointer (&task));
  g_list_free (locked);
}

static void
unlock_step (GTask *task)
{
  search_database_items (task, unlock_searched_cb);
}

/* Clear */

static void
clear_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error only means there was nothing left to remove. */
  if (!secret_service_clear_finish (SECRET_SERVICE (object), result, &error) && error != NULL)
    {
      return_error (task, error, FALSE);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
clear_searched_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GHashTable) attributes = NULL;
  Operation *op = g_task_get_task_data (task);
  GCancellable *cancellable;
  GError *error = NULL;
  guint n_locked;
  guint n_unlocked;

  if (!finish_search (op, result, &error))
    {
      return_error (task, error, FALSE);
      return;
    }

  sort_items (op->items, &n_locked, &n_unlocked);

  /* libsecret would quietly skip locked items and leave them behind. */
  if (n_locked > 0)
    {
      return_locked (task);
      return;
    }

  if (n_unlocked == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  attributes = build_attributes (op);
  cancellable = g_task_get_cancellable (task);
  secret_service_clear (op->service, heard_keyring_get_schema (), attributes, cancellable,
                        clear_done_cb, g_steal_pointer (&task));
}

static void
clear_step (GTask *task)
{
  search_database_items (task, clear_searched_cb);
}

/* Waiting for an unlock */

/* Ends the wait once: lets go of the collections and of the wait's own
 * reference to @task. Takes @error. */
static void
end_wait (GTask  *task,
          GError *error)
{
  Operation *op = g_task_get_task_data (task);

  if (op->waited)
    {
      g_clear_error (&error);
      return;
    }
  op->waited = TRUE;

  for (guint i = 0; op->collections != NULL && i < op->collections->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (op->collections, i), task);

  if (op->cancelled_source != NULL)
    {
      g_source_destroy (op->cancelled_source);
      g_clear_pointer (&op->cancelled_source, g_source_unref);
    }

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);

  g_object_unref (task);
}

static gboolean
wait_cancelled_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  end_wait (user_data, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                            "Stopped waiting for the keyring"));

  return G_SOURCE_REMOVE;
}

static void
collection_locked_changed_cb (SecretCollection *collection,
                              GParamSpec       *pspec,
                              gpointer          user_data)
{
  GTask *task = user_data;

  if (!secret_collection_get_locked (collection))
    {
      g_debug ("Keyring collection %s was unlocked",
               g_dbus_proxy_get_object_path (G_DBUS_PROXY (collection)));
      end_wait (task, NULL);
    }
}

static void
wait_collection_ready_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Operation *op = g_task_get_task_data (task);
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GError) error = NULL;

  op->n_pending--;
  collection = secret_collection_new_for_dbus_path_finish (result, &error);

  if (op->waited)
    return;

  if (collection == NULL)
    {
      g_debug ("Cannot watch a keyring collection: %s", error->message);
      /* Nothing left to watch: waiting would never end. */
      if (op->n_pending == 0 && op->collections->len == 0)
        end_wait (task, translate_error (g_steal_pointer (&error), FALSE));
      return;
    }

  /* It may have been unlocked between the search and now: the proxy holds
   * the collection's properties as they are, and follows them from here. */
  if (!secret_collection_get_locked (collection))
    {
      end_wait (task, NULL);
      return;
    }

  g_signal_connect (collection, "notify::locked", G_CALLBACK (collection_locked_changed_cb),
                    task);
  g_ptr_array_add (op->collections, g_steal_pointer (&collection));
}

static void
wait_searched_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  Operation *op = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;
  GList *l;

  if (!finish_search (op, result, &error))
    {
      return_error (task, error, FALSE);
      return;
    }

  /* Items live at their collection's path plus one more element. */
  for (l = op->items; l != NULL; l = l->next)
    {
      const char *item_path = g_dbus_proxy_get_object_path (l->data);
      const char *slash = strrchr (item_path, '/');
      g_autofree char *path = NULL;

      if (!secret_item_get_locked (l->data) || slash == NULL || slash == item_path)
        continue;

      path = g_strndup (item_path, (gsize) (slash - item_path));
      if (!g_ptr_array_find_with_equal_func (paths, path, g_str_equal, NULL))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }

  if (paths->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* From here the wait owns a reference, given back by end_wait(). */
  op->collections = g_ptr_array_new_with_free_func (g_object_unref);
  if (cancellable != NULL)
    {
      op->cancelled_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (op->cancelled_source, G_SOURCE_FUNC (wait_cancelled_cb), task,
                             NULL);
      g_source_attach (op->cancelled_source, g_task_get_context (task));
    }

  for (guint i = 0; i < paths->len; i++)
    {
      op->n_pending++;
      secret_collection_new_for_dbus_path (op->service, g_ptr_array_index (paths, i),
                                           SECRET_COLLECTION_NONE, cancellable,
                                           wait_collection_ready_cb, g_object_ref (task));
    }

  g_steal_pointer (&task);
}

static void
wait_step (GTask *task)
{
  search_database_items (task, wait_searched_cb);
}

/* Public API */

/**
 * heard_keyring_get_schema:
 *
 * Returns: the schema of Heard's database keys in the Secret Service
 */
const SecretSchema *
heard_keyring_get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.heardapp.Heard.DatabaseKey",
    SECRET_SCHEMA_NONE,
    {
      { "db-uuid", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

static gboolean
finish_operation (GAsyncResult  *result,
                  gpointer       source_tag,
                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * heard_keyring_lookup_async:
 * @db_uuid: the identifier of the database
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Looks up the key of a database without unlocking anything, so no prompt
 * is shown. A locked keyring gives %HEARD_KEYRING_ERROR_LOCKED, never
 * %HEARD_KEYRING_ERROR_NOT_FOUND.
 */
void
heard_keyring_lookup_async (const char          *db_uuid,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (check_uuid (db_uuid));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_operation (db_uuid, NULL, NULL, 0, lookup_step, heard_keyring_lookup_async,
                   "heard_keyring_lookup_async", cancellable, callback, user_data);
}

/**
 * heard_keyring_lookup_finish:
 * @result: the result given to the callback
 * @error: return location for a #HEARD_KEYRING_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full) (nullable): the key, or %NULL with @error set
 */
HeardKey *
heard_keyring_lookup_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == heard_keyring_lookup_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * heard_keyring_store_async:
 * @db_uuid: the identifier of the database
 * @key: the key; it is copied, so the caller may free it at once
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Saves the key in the default collection, replacing any earlier key of the
 * same database there. If that collection is locked the desktop asks to
 * unlock it.
 */
void
heard_keyring_store_async (const char          *db_uuid,
                           const HeardKey      *key,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (check_uuid (db_uuid));
  g_return_if_fail (key != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_operation (db_uuid, NULL, key, 0, store_step, heard_keyring_store_async,
                   "heard_keyring_store_async", cancellable, callback, user_data);
}

gboolean
heard_keyring_store_finish (GAsyncResult  *result,
                            GError       **error)
{
  return finish_operation (result, heard_keyring_store_async, error);
}

/**
 * heard_keyring_unlock_async:
 * @db_uuid: the identifier of the database
 * @cancellable: (nullable): a #GCancellable; cancelling dismisses the prompt
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Unlocks the keyring entry of a database. The desktop shows its own prompt
 * for the keyring password. Finishes with %HEARD_KEYRING_ERROR_LOCKED if the
 * prompt was dismissed and %HEARD_KEYRING_ERROR_NOT_FOUND if there is no
 * entry at all; an entry that is already unlocked is a success.
 */
void
heard_keyring_unlock_async (const char          *db_uuid,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (check_uuid (db_uuid));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_operation (db_uuid, NULL, NULL, 0, unlock_step, heard_keyring_unlock_async,
                   "heard_keyring_unlock_async", cancellable, callback, user_data);
}

gboolean
heard_keyring_unlock_finish (GAsyncResult  *result,
                             GError       **error)
{
  return finish_operation (result, heard_keyring_unlock_async, error);
}

/**
 * heard_keyring_clear_async:
 * @db_uuid: the identifier of the database
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Removes the key of a database from the keyring. Nothing to remove is a
 * success; an entry in a locked collection gives %HEARD_KEYRING_ERROR_LOCKED.
 */
void
heard_keyring_clear_async (const char          *db_uuid,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (check_uuid (db_uuid));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_operation (db_uuid, NULL, NULL, 0, clear_step, heard_keyring_clear_async,
                   "heard_keyring_clear_async", cancellable, callback, user_data);
}

gboolean
heard_keyring_clear_finish (GAsyncResult  *result,
                            GError       **error)
{
  return finish_operation (result, heard_keyring_clear_async, error);
}

/**
 * heard_keyring_wait_unlocked_async:
 * @db_uuid: the identifier of the database
 * @cancellable: (nullable): a #GCancellable; the only way to stop waiting
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Waits, without any prompt, until a keyring collection holding the key of
 * a database is unlocked, however that happens: Heard's own prompt, the
 * desktop's, or a password tool. Finishes at once if none of its entries is
 * locked (or there are none).
 */
void
heard_keyring_wait_unlocked_async (const char          *db_uuid,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (check_uuid (db_uuid));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_operation (db_uuid, NULL, NULL, 0, wait_step, heard_keyring_wait_unlocked_async,
                   "heard_keyring_wait_unlocked_async", cancellable, callback, user_data);
}

gboolean
heard_keyring_wait_unlocked_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return finish_operation (result, heard_keyring_wait_unlocked_async, error);
}

/* Audit anchors
 *
 * Beside each database key, a second item holds the head of that
 * database's audit trail (see heard-audit.h), so that cutting the newest
 * entries from the records file cannot go unnoticed. It has its own schema
 * and an "item" attribute, so that no search for a key can take it for one:
 * whoever searches keys by db-uuid alone must skip items whose "item" is
 * "audit-anchor". The anchor is written after the key was found, so its
 * collection is open; a missing anchor is not an error. */

static const SecretSchema *
get_anchor_schema (void)
{
  static const SecretSchema schema = {
    "io.github.heardapp.Heard.AuditAnchor",
    SECRET_SCHEMA_NONE,
    {
      { "db-uuid", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "item", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

static void
anchor_stored_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, translate_error (error, FALSE));
  else
    g_task_return_boolean (task, TRUE);
}

/* Notes @anchor_text (heard_audit_anchor_to_string()) for @db_uuid. */
void
heard_keyring_store_anchor_async (const char          *db_uuid,
                                  const char          *anchor_text,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (check_uuid (db_uuid));
  g_return_if_fail (anchor_text != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_keyring_store_anchor_async);
  secret_password_store (get_anchor_schema (), SECRET_COLLECTION_DEFAULT,
                         _("Heard audit anchor"), anchor_text, cancellable,
                         anchor_stored_cb, g_steal_pointer (&task),
                         "db-uuid", db_uuid, "item", "audit-anchor", NULL);
}

gboolean
heard_keyring_store_anchor_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return finish_operation (result, heard_keyring_store_anchor_async, error);
}

static void
anchor_looked_up_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *text = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, translate_error (error, FALSE));
  else
    {
      g_task_return_pointer (task, g_strdup (text), g_free);
      secret_password_free (text);
    }
}

/* Finishes with the noted anchor's text, or NULL and no error when none. */
void
heard_keyring_lookup_anchor_async (const char          *db_uuid,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (check_uuid (db_uuid));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_keyring_lookup_anchor_async);
  secret_password_lookup (get_anchor_schema (), cancellable, anchor_looked_up_cb,
                          g_steal_pointer (&task),
                          "db-uuid", db_uuid, "item", "audit-anchor", NULL);
}

char *
heard_keyring_lookup_anchor_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        heard_keyring_lookup_anchor_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The caseworker's seal
 *
 * The key of the MAC over caseworker.ini (heard-caseworker-passphrase.h),
 * 32 random bytes kept as hex like a database key, in an item of its own
 * schema with "item" set to "caseworker-seal". Its presence means that a
 * caseworker passphrase has been set for these records. It is looked up as
 * a key is: a locked keyring is told apart from a missing seal.
 *
 * After the hex and a ':' comes the note's generation in decimal: the
 * lowest generation of caseworker.ini that Heard still takes, so that an
 * older copy of the note put back is refused although its MAC is good. A
 * seal kept before there were generations has none: generation 0. Notes
 * are written from generation 1, so a seal kept as generation 0 is one no
 * note has been written under yet ("unwritten"): the first passphrase of
 * records that never had one, stored before its note. */

static const SecretSchema *
get_seal_schema (void)
{
  static const SecretSchema schema = {
    "io.github.heardapp.Heard.CaseworkerSeal",
    SECRET_SCHEMA_NONE,
    {
      { "db-uuid", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "item", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

/**
 * heard_keyring_lookup_seal_async:
 *
 * Looks up the caseworker's seal of a database without any prompt. A locked
 * keyring gives %HEARD_KEYRING_ERROR_LOCKED, no seal
 * %HEARD_KEYRING_ERROR_NOT_FOUND.
 */
void
heard_keyring_lookup_seal_async (const char          *db_uuid,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (check_uuid (db_uuid));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_operation (db_uuid, SEAL_ITEM, NULL, 0, lookup_step, heard_keyring_lookup_seal_async,
                   "heard_keyring_lookup_seal_async", cancellable, callback, user_data);
}

/* Finishes with the seal, in @generation the generation kept with it, and
 * in @unwritten whether it was kept as one no note was written under yet. */
HeardKey *
heard_keyring_lookup_seal_finish (GAsyncResult  *result,
                                  guint64       *generation,
                                  gboolean      *unwritten,
                                  GError       **error)
{
  Operation *op;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        heard_keyring_lookup_seal_async, NULL);

  op = g_task_get_task_data (G_TASK (result));
  if (generation != NULL)
    *generation = op->generation;
  if (unwritten != NULL)
    *unwritten = op->unwritten;

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Saves @seal (copied) and @generation for @db_uuid, in place of any
 * earlier seal. */
void
heard_keyring_store_seal_async (const char          *db_uuid,
                                const HeardKey      *seal,
                                guint64              generation,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (check_uuid (db_uuid));
  g_return_if_fail (seal != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_operation (db_uuid, SEAL_ITEM, seal, generation, store_step,
                   heard_keyring_store_seal_async, "heard_keyring_store_seal_async",
                   cancellable, callback, user_data);
}

gboolean
heard_keyring_store_seal_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return finish_operation (result, heard_keyring_store_seal_async, error);
}

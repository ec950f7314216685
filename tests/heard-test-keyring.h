/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

G_BEGIN_DECLS

/* Looking behind Heard's back at the keyring, straight through libsecret and
 * gnome-keyring's own D-Bus interface. These lock and unlock the default
 * collection, so they are only for the throw-away keyring that
 * build-aux/test-session starts: check heard_test_in_keyring_session() first. */

/* TRUE inside build-aux/test-session with its Secret Service on the bus. */
gboolean       heard_test_in_keyring_session         (void);
gboolean       heard_test_name_has_owner             (GDBusConnection *connection,
                                                      const char      *name);

SecretService *heard_test_get_secret_service         (void) G_GNUC_WARN_UNUSED_RESULT;

/* Every item of Heard's schema for @db_uuid (or, with NULL, for any
 * database), locked or not, even in a collection locked from disk. Free with g_list_free_full (…, g_object_unref). */
GList         *heard_test_keyring_search_all         (const char      *db_uuid)
                                                     G_GNUC_WARN_UNUSED_RESULT;
guint          heard_test_keyring_count              (const char      *db_uuid);
/* Removes the caseworker's seal of @db_uuid, as on a computer that never
 * had these records. */
void           heard_test_keyring_forget_seal        (const char      *db_uuid);
/* Keeps the caseworker's seal of @db_uuid as Heard kept it before the
 * seal held a generation: its hex alone. */
void           heard_test_keyring_drop_seal_generation (const char    *db_uuid);

void           heard_test_lock_default_collection    (void);
/* Locked as after a log-in without the keyring's password (an automatic
 * one): the daemon reads the file again and knows only hashed attributes.
 * Needs at least one Heard key in the collection. */
void           heard_test_lock_default_collection_from_disk (void);
/* With the session's password, as gnome-keyring's PAM module does at log-in:
 * no prompt is involved. */
void           heard_test_unlock_default_collection  (void);
gboolean       heard_test_default_collection_is_locked (void);

G_END_DECLS

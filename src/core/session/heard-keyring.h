/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

#include "heard-key.h"

G_BEGIN_DECLS

/* Database keys in the Secret Service (GNOME Keyring, KWallet, …). This is
 * the only module that talks to libsecret. Every call is asynchronous. */

#define HEARD_KEYRING_ERROR (heard_keyring_error_quark ())

typedef enum
{
  HEARD_KEYRING_ERROR_NOT_FOUND,
  HEARD_KEYRING_ERROR_LOCKED,
  HEARD_KEYRING_ERROR_NO_SERVICE,
  HEARD_KEYRING_ERROR_DAMAGED,
  HEARD_KEYRING_ERROR_FAILED,
} HeardKeyringError;

GQuark              heard_keyring_error_quark   (void);
const SecretSchema *heard_keyring_get_schema    (void);

void                heard_keyring_lookup_async  (const char          *db_uuid,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
HeardKey           *heard_keyring_lookup_finish (GAsyncResult        *result,
                                                 GError             **error)
                                                G_GNUC_WARN_UNUSED_RESULT;

void                heard_keyring_store_async   (const char          *db_uuid,
                                                 const HeardKey      *key,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean            heard_keyring_store_finish  (GAsyncResult        *result,
                                                 GError             **error);

void                heard_keyring_unlock_async  (const char          *db_uuid,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean            heard_keyring_unlock_finish (GAsyncResult        *result,
                                                 GError             **error);

void                heard_keyring_clear_async   (const char          *db_uuid,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean            heard_keyring_clear_finish  (GAsyncResult        *result,
                                                 GError             **error);

void                heard_keyring_wait_unlocked_async  (const char          *db_uuid,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean            heard_keyring_wait_unlocked_finish (GAsyncResult        *result,
                                                        GError             **error);

/* The head of a database's audit trail, kept beside its key. */
void                heard_keyring_store_anchor_async   (const char          *db_uuid,
                                                        const char          *anchor_text,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean            heard_keyring_store_anchor_finish  (GAsyncResult        *result,
                                                        GError             **error);
void                heard_keyring_lookup_anchor_async  (const char          *db_uuid,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
char               *heard_keyring_lookup_anchor_finish (GAsyncResult        *result,
                                                        GError             **error)
                                                       G_GNUC_WARN_UNUSED_RESULT;

/* The caseworker's seal (see heard-caseworker-passphrase.h), kept beside
 * the key with the generation of caseworker.ini it vouches for; looked up
 * as a key is (LOCKED and NOT_FOUND told apart). */
void                heard_keyring_lookup_seal_async    (const char          *db_uuid,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
HeardKey           *heard_keyring_lookup_seal_finish   (GAsyncResult        *result,
                                                        guint64             *generation,
                                                        gboolean            *unwritten,
                                                        GError             **error)
                                                       G_GNUC_WARN_UNUSED_RESULT;
void                heard_keyring_store_seal_async     (const char          *db_uuid,
                                                        const HeardKey      *seal,
                                                        guint64              generation,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean            heard_keyring_store_seal_finish    (GAsyncResult        *result,
                                                        GError             **error);

G_END_DECLS

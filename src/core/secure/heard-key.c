/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-key"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <sodium.h>

#include "heard-key-private.h"
#include "heard-secure.h"

struct _HeardKey
{
  guint8 bytes[HEARD_KEY_SIZE];
};

/* Keys in guarded memory now, for the tests that check a lock frees them;
 * keys are made and freed on several threads. */
static gint n_alive;

static HeardKey *
allocate_key (void)
{
  HeardKey *key = sodium_malloc (sizeof *key);

  if (key == NULL)
    g_error ("Out of memory for a database key");
  g_atomic_int_inc (&n_alive);

  return key;
}

HeardKey *
heard_key_new_random (void)
{
  HeardKey *key = allocate_key ();

  heard_secure_random (key->bytes, HEARD_KEY_SIZE);

  return key;
}

HeardKey *
heard_key_new_from_bytes (const guint8 *bytes,
                          gsize         length)
{
  HeardKey *key;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (length == HEARD_KEY_SIZE, NULL);

  key = allocate_key ();
  memcpy (key->bytes, bytes, HEARD_KEY_SIZE);

  return key;
}

HeardKey *
heard_key_new_from_hex (const char  *hex,
                        GError     **error)
{
  HeardKey *key;
  size_t decoded = 0;
  const char *end = NULL;

  g_return_val_if_fail (hex != NULL, NULL);

  key = allocate_key ();
  if (sodium_hex2bin (key->bytes, HEARD_KEY_SIZE, hex, strlen (hex), NULL, &decoded, &end) != 0 ||
      decoded != HEARD_KEY_SIZE || *end != '\0')
    {
      heard_key_free (key);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The stored key is damaged."));
      return NULL;
    }

  return key;
}

HeardKey *
heard_key_derive_from_passphrase (const char    *passphrase,
                                  const guint8  *salt,
                                  GError       **error)
{
  HeardKey *key;

  g_return_val_if_fail (passphrase != NULL, NULL);
  g_return_val_if_fail (salt != NULL, NULL);

  key = allocate_key ();
  if (crypto_pwhash (key->bytes, HEARD_KEY_SIZE, passphrase, strlen (passphrase), salt,
                     crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE,
                     crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      heard_key_free (key);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           _("There was not enough memory to check the passphrase."));
      return NULL;
    }

  return key;
}

HeardKey *
heard_key_copy (const HeardKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return heard_key_new_from_bytes (key->bytes, HEARD_KEY_SIZE);
}

const guint8 *
heard_key_get_bytes (const HeardKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return key->bytes;
}

/* Free the result with heard_secure_free_string(). */
char *
heard_key_to_hex (const HeardKey *key)
{
  char *hex;

  g_return_val_if_fail (key != NULL, NULL);

  hex = g_malloc (HEARD_KEY_SIZE * 2 + 1);
  sodium_bin2hex (hex, HEARD_KEY_SIZE * 2 + 1, key->bytes, HEARD_KEY_SIZE);

  return hex;
}

gboolean
heard_key_equal (const HeardKey *a,
                 const HeardKey *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return sodium_memcmp (a->bytes, b->bytes, HEARD_KEY_SIZE) == 0;
}

void
heard_key_free (HeardKey *key)
{
  /* sodium_free() wipes the guarded pages before releasing them. */
  if (key != NULL)
    {
      sodium_free (key);
      g_atomic_int_dec_and_test (&n_alive);
    }
}

guint
_heard_key_get_n_alive (void)
{
  return (guint) g_atomic_int_get (&n_alive);
}

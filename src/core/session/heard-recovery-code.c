/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-recovery-code"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <sodium.h>

#include "heard-recovery-code.h"

/*
 * A recovery code carries the 32 key bytes and a 3-byte checksum (the first
 * bytes of the BLAKE2b-256 hash of the key): 35 bytes, 280 bits, 56 symbols of
 * Crockford base32, most significant bit first. The checksum catches typing
 * mistakes before anyone tries a wrong key on a database.
 */
#define CHECKSUM_SIZE 3
#define PAYLOAD_SIZE  (HEARD_KEY_SIZE + CHECKSUM_SIZE)
#define FORMATTED_SIZE \
  (HEARD_RECOVERY_CODE_CHARS + HEARD_RECOVERY_CODE_GROUPS - 1 + 1)

G_STATIC_ASSERT (PAYLOAD_SIZE * 8 == HEARD_RECOVERY_CODE_CHARS * 5);
G_STATIC_ASSERT (HEARD_RECOVERY_CODE_CHARS % HEARD_RECOVERY_CODE_GROUP_SIZE == 0);

static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

G_DEFINE_QUARK (heard-recovery-code-error-quark, heard_recovery_code_error)

static void
compute_checksum (const guint8 *key_bytes,
                  guint8       *checksum)
{
  guint8 digest[crypto_generichash_BYTES];

  crypto_generichash (digest, sizeof digest, key_bytes, HEARD_KEY_SIZE, NULL, 0);
  memcpy (checksum, digest, CHECKSUM_SIZE);
  sodium_memzero (digest, sizeof digest);
}

/* The value of one typed symbol, or -1. Crockford base32 reads O as 0 and
 * I and L as 1, in either case, because people mistake them for each other. */
static int
decode_symbol (gunichar c)
{
  const char *found;

  if (c >= 0x80 || c == '\0')
    return -1;

  c = g_ascii_toupper ((char) c);
  if (c == 'O')
    c = '0';
  else if (c == 'I' || c == 'L')
    c = '1';

  found = strchr (alphabet, (int) c);
  if (found == NULL)
    return -1;

  return (int) (found - alphabet);
}

/* Spaces, line breaks and dashes only make a code easier to read. Word
 * processors turn them into their typographic cousins or add invisible
 * formatting characters, so those are skipped too. */
static gboolean
is_separator (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return c == '-' ||
         g_unichar_isspace (c) ||
         type == G_UNICODE_DASH_PUNCTUATION ||
         type == G_UNICODE_FORMAT;
}

static void
set_character_error (GError   **error,
                     gunichar   c,
                     gsize      n_symbols)
{
  guint group = (guint) (n_symbols / HEARD_RECOVERY_CODE_GROUP_SIZE) + 1;

  if (g_unichar_isgraph (c))
    {
      char text[7] = { 0, };

      g_unichar_to_utf8 (c, text);
      g_set_error (error, HEARD_RECOVERY_CODE_ERROR, HEARD_RECOVERY_CODE_ERROR_CHARACTER,
                   _("Group %u has “%s”, which is never part of a recovery code. "
                     "Codes use only numbers and letters, and never the letter U."),
                   group, text);
    }
  else
    {
      g_set_error (error, HEARD_RECOVERY_CODE_ERROR, HEARD_RECOVERY_CODE_ERROR_CHARACTER,
                   _("Group %u has a hidden character (U+%04X) that is not part of a "
                     "recovery code. Please type that group again by hand."),
                   group, (guint) c);
    }
}

/* Reads the symbols of @text into @symbols (at most HEARD_RECOVERY_CODE_CHARS
 * of them) and counts all of them in @n_symbols, so a wrong length can say
 * how many were typed. */
static gboolean
read_symbols (const char  *text,
              guint8      *symbols,
              gsize       *n_symbols,
              GError     **error)
{
  const char *p;

  g_assert (text != NULL);
  g_assert (symbols != NULL);
  g_assert (n_symbols != NULL);

  *n_symbols = 0;

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      int value;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_set_error_literal (error, HEARD_RECOVERY_CODE_ERROR,
                               HEARD_RECOVERY_CODE_ERROR_CHARACTER,
                               _("The code has a character that cannot be read. "
                                 "Please type the code again by hand."));
          return FALSE;
        }

      if (is_separator (c))
        continue;

      value = decode_symbol (c);
      if (value < 0)
        {
          set_character_error (error, c, *n_symbols);
          return FALSE;
        }

      if (*n_symbols < HEARD_RECOVERY_CODE_CHARS)
        symbols[*n_symbols] = (guint8) value;
      (*n_symbols)++;
    }

  return TRUE;
}

static void
set_length_error (GError **error,
                  gsize    n_symbols)
{
  if (n_symbols == 0)
    {
      g_set_error (error, HEARD_RECOVERY_CODE_ERROR, HEARD_RECOVERY_CODE_ERROR_LENGTH,
                   _("No recovery code was typed. A recovery code has %d numbers and letters."),
                   HEARD_RECOVERY_CODE_CHARS);
      return;
    }

  g_set_error (error, HEARD_RECOVERY_CODE_ERROR, HEARD_RECOVERY_CODE_ERROR_LENGTH,
               ngettext ("This code has %u number or letter, but a recovery code has %d. "
                         "Check that no group is missing or typed twice.",
                         "This code has %u numbers and letters, but a recovery code has %d. "
                         "Check that no group is missing or typed twice.",
                         (unsigned long) n_symbols),
               (guint) MIN (n_symbols, G_MAXUINT), HEARD_RECOVERY_CODE_CHARS);
}

/**
 * heard_recovery_code_format:
 * @key: the database key
 *
 * Writes @key as a recovery code: 56 characters in 14 groups of 4 joined by
 * dashes, such as "0123-4567-…".
 *
 * Returns: (transfer full): the code; free it with heard_secure_free_string()
 */
char *
heard_recovery_code_format (const HeardKey *key)
{
  guint8 payload[PAYLOAD_SIZE];
  char *code;
  guint32 buffer = 0;
  guint bits = 0;
  gsize n_symbols = 0;
  gsize out = 0;
  gsize i;

  g_return_val_if_fail (key != NULL, NULL);

  memcpy (payload, heard_key_get_bytes (key), HEARD_KEY_SIZE);
  compute_checksum (payload, payload + HEARD_KEY_SIZE);

  code = g_malloc (FORMATTED_SIZE);

  for (i = 0; i < PAYLOAD_SIZE; i++)
    {
      buffer = (buffer << 8) | payload[i];
      bits += 8;

      while (bits >= 5)
        {
          bits -= 5;
          if (n_symbols > 0 && n_symbols % HEARD_RECOVERY_CODE_GROUP_SIZE == 0)
            code[out++] = '-';
          code[out++] = alphabet[(buffer >> bits) & 0x1f];
          n_symbols++;
        }
    }
  code[out] = '\0';

  g_assert (bits == 0);
  g_assert (n_symbols == HEARD_RECOVERY_CODE_CHARS);
  g_assert (out + 1 == FORMATTED_SIZE);

  sodium_memzero (payload, sizeof payload);
  sodium_memzero (&buffer, sizeof buffer);

  return code;
}

/**
 * heard_recovery_code_parse:
 * @text: what the person typed
 * @error: return location for a #HEARD_RECOVERY_CODE_ERROR
 *
 * Reads a recovery code back into a key. Upper or lower case, spaces, line
 * breaks and dashes in any place are all fine, and O, I and L are read as 0,
 * 1 and 1.
 *
 * Returns: (transfer full) (nullable): the key, or %NULL with @error set
 */
HeardKey *
heard_recovery_code_parse (const char  *text,
                           GError     **error)
{
  guint8 symbols[HEARD_RECOVERY_CODE_CHARS];
  guint8 payload[PAYLOAD_SIZE];
  guint8 checksum[CHECKSUM_SIZE];
  HeardKey *key = NULL;
  guint32 buffer = 0;
  guint bits = 0;
  gsize n_symbols = 0;
  gsize out = 0;
  gsize i;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_symbols (text, symbols, &n_symbols, error))
    goto out;

  if (n_symbols != HEARD_RECOVERY_CODE_CHARS)
    {
      set_length_error (error, n_symbols);
      goto out;
    }

  for (i = 0; i < HEARD_RECOVERY_CODE_CHARS; i++)
    {
      buffer = (buffer << 5) | symbols[i];
      bits += 5;

      if (bits >= 8)
        {
          bits -= 8;
          payload[out++] = (guint8) ((buffer >> bits) & 0xff);
        }
    }
  g_assert (out == PAYLOAD_SIZE);

  compute_checksum (payload, checksum);
  if (sodium_memcmp (checksum, payload + HEARD_KEY_SIZE, CHECKSUM_SIZE) != 0)
    {
      g_set_error_literal (error, HEARD_RECOVERY_CODE_ERROR, HEARD_RECOVERY_CODE_ERROR_CHECKSUM,
                           _("This code has a typing mistake somewhere. "
                             "Check each group against the printed code."));
      goto out;
    }

  key = heard_key_new_from_bytes (payload, HEARD_KEY_SIZE);

out:
  sodium_memzero (symbols, sizeof symbols);
  sodium_memzero (payload, sizeof payload);
  sodium_memzero (checksum, sizeof checksum);
  sodium_memzero (&buffer, sizeof buffer);

  return key;
}

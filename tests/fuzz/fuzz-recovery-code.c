/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-recovery-code"

#include "config.h"

#include <string.h>

#include <sodium.h>

#include "heard-fuzz.h"
#include "heard-recovery-code.h"
#include "heard-secure.h"

/*
 * The recovery code is typed by hand from paper, or pasted from a word
 * processor, so its parser meets anything. Whatever it is fed, it must not
 * crash, must either return a key or say why not, and a key it accepts must
 * be the one whose printed code holds exactly the symbols that were typed.
 * The other way round, any 32 bytes of key come back from their own code,
 * and that code with one slip in it (corpus/recovery-code/slip-*) is either
 * refused or read as exactly what it spells.
 */

/* The code's symbols as Crockford base32 reads them: only the ASCII letters
 * and digits of @text, in upper case, with O read as 0 and I and L as 1. */
static char *
dup_symbols (const char *text)
{
  GString *symbols = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = g_ascii_toupper (*p);

      if (!g_ascii_isalnum (c))
        continue;
      if (c == 'O')
        c = '0';
      else if (c == 'I' || c == 'L')
        c = '1';
      g_string_append_c (symbols, c);
    }

  return g_string_free (symbols, FALSE);
}

static char *
dup_without_dashes (const char *code)
{
  char **groups = g_strsplit (code, "-", -1);
  char *joined = g_strjoinv (NULL, groups);

  g_strfreev (groups);
  return joined;
}

static void
check_round_trip (const HeardKey *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardSecretString) code = heard_recovery_code_format (key);
  g_autoptr(HeardSecretString) casual = NULL;
  g_autoptr(HeardKey) again = NULL;
  g_autoptr(HeardKey) typed = NULL;

  g_assert_cmpuint (strlen (code), ==,
                    HEARD_RECOVERY_CODE_CHARS + HEARD_RECOVERY_CODE_GROUPS - 1);

  again = heard_recovery_code_parse (code, &error);
  g_assert_no_error (error);
  g_assert_true (heard_key_equal (again, key));

  /* As people type it from paper: lower case, a space for each dash. */
  casual = g_ascii_strdown (code, -1);
  g_strdelimit (casual, "-", ' ');
  typed = heard_recovery_code_parse (casual, &error);
  g_assert_no_error (error);
  g_assert_true (heard_key_equal (typed, key));
}

/* Whatever is accepted is exactly the code it spells; a refusal says why. */
static void
check_parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardKey) key = heard_recovery_code_parse (text, &error);

  g_assert_true ((key == NULL) != (error == NULL));

  if (key == NULL)
    {
      /* A refusal always says why, in words that can be shown. */
      g_assert_true (error->domain == HEARD_RECOVERY_CODE_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpuint (strlen (error->message), >, 0);
    }
  else
    {
      g_autoptr(HeardSecretString) code = heard_recovery_code_format (key);
      g_autoptr(HeardSecretString) symbols = dup_symbols (text);
      g_autoptr(HeardSecretString) printed = dup_without_dashes (code);

      g_assert_cmpstr (symbols, ==, printed);
      check_round_trip (key);
    }
}

/* One slip of the pen in a real code: a character replaced, added or left
 * out at some place. Random bytes almost never spell a code whose checksum
 * fits, so this is how the fuzzer reaches codes that are nearly right. */
static void
check_slip (const HeardKey *key,
            const uint8_t  *slip,
            size_t          size)
{
  /* What a hand or a word processor puts in: symbols and their look-alikes
   * in both cases, the letter U that codes never use, spaces, dashes and
   * invisible marks. A byte from 128 up goes in as it is. */
  static const char *const slips[] = {
    "0", "1", "5", "8", "A", "B", "S", "V", "Z", "a", "b", "s", "v", "z",
    "O", "o", "I", "i", "L", "l", "U", "u", " ", "-", "\t", "\n", "_", ".",
    "\u2013", "\u2014", "\u00a0", "\u200b", "\u00ad", "\ufeff", "\u0130", "\uff10",
  };
  g_autoptr(HeardSecretString) code = heard_recovery_code_format (key);
  GString *typed = g_string_new (code);
  char raw[2] = { (char) slip[2], '\0' };
  const char *put = slip[2] >= 0x80 ? raw : slips[slip[2] % G_N_ELEMENTS (slips)];
  gsize at;

  g_assert_cmpuint (size, >=, 3);
  at = slip[1] % (typed->len + 1);

  switch (slip[0] % 3)
    {
    case 0:
      if (at < typed->len)
        {
          g_string_erase (typed, (gssize) at, 1);
          g_string_insert (typed, (gssize) at, put);
        }
      break;
    case 1:
      g_string_insert (typed, (gssize) at, put);
      break;
    default:
      if (at < typed->len)
        g_string_erase (typed, (gssize) at, 1);
      break;
    }

  check_parse (typed->str);
  sodium_memzero (typed->str, typed->len);
  g_string_free (typed, TRUE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialized;
  g_autoptr(HeardSecretString) text = heard_fuzz_dup_text (data, size);

  /* Keys live in libsodium's guarded memory. */
  if (!initialized)
    {
      g_assert_cmpint (sodium_init (), >=, 0);
      initialized = TRUE;
    }

  check_parse (text);

  /* The other way round: any 32 bytes are a key that its code gives back. */
  if (size >= HEARD_KEY_SIZE)
    {
      g_autoptr(HeardKey) from_bytes = heard_key_new_from_bytes (data, HEARD_KEY_SIZE);

      check_round_trip (from_bytes);
      if (size >= HEARD_KEY_SIZE + 3)
        check_slip (from_bytes, data + HEARD_KEY_SIZE, size - HEARD_KEY_SIZE);
    }

  return 0;
}

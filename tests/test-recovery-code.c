/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-recovery-code"

#include "config.h"

#include <string.h>

#include <glib.h>

#include "heard-key.h"
#include "heard-recovery-code.h"
#include "heard-secure.h"
#include "heard-test-utils.h"

#define ALPHABET "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

typedef struct
{
  guint8      bytes[HEARD_KEY_SIZE];
  const char *code;
} KnownAnswer;

/* Worked out independently (Python's hashlib.blake2b, digest_size=32). */
static const KnownAnswer known_answers[] = {
  {
    { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e,
      0x0f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d,
      0x1e, 0x1f },
    "000G-40R4-0M30-E209-185G-R38E-1W81-24GK-2GAH-C5RR-34D1-P70X-3RFW-PBTH",
  },
  {
    { 0, },
    "0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0008-KTRD",
  },
  {
    { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
      0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
      0xff, 0xff },
    "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZY-40GH",
  },
};

/* Keys from a fixed seed, so that a test about the checksum gives the same
 * answer on every run instead of failing once in millions of runs. */
static HeardKey *
new_seeded_key (GRand *rand)
{
  guint8 bytes[HEARD_KEY_SIZE];
  gsize i;

  for (i = 0; i < HEARD_KEY_SIZE; i++)
    bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);

  return heard_key_new_from_bytes (bytes, HEARD_KEY_SIZE);
}

static HeardKey *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  HeardKey *key;

  key = heard_recovery_code_parse (text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (key);

  return key;
}

static void
assert_parse_fails (const char *text,
                    int         code,
                    const char *must_mention)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardKey) key = NULL;

  key = heard_recovery_code_parse (text, &error);
  g_assert_null (key);
  g_assert_error (error, HEARD_RECOVERY_CODE_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (must_mention != NULL)
    g_assert_nonnull (strstr (error->message, must_mention));
}

static char *
without_separators (const char *code)
{
  GString *out = g_string_new (NULL);
  const char *p;

  for (p = code; *p != '\0'; p++)
    {
      if (*p != '-')
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static void
test_known_answers (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (known_answers); i++)
    {
      g_autoptr(HeardKey) key = heard_key_new_from_bytes (known_answers[i].bytes, HEARD_KEY_SIZE);
      g_autoptr(HeardKey) parsed = NULL;
      g_autoptr(HeardSecretString) code = heard_recovery_code_format (key);

      g_assert_cmpstr (code, ==, known_answers[i].code);

      parsed = parse_ok (known_answers[i].code);
      g_assert_cmpmem (heard_key_get_bytes (parsed), HEARD_KEY_SIZE,
                       known_answers[i].bytes, HEARD_KEY_SIZE);
    }
}

static void
test_round_trip (void)
{
  guint i;

  for (i = 0; i < 500; i++)
    {
      g_autoptr(HeardKey) key = heard_key_new_random ();
      g_autoptr(HeardKey) parsed = NULL;
      g_autoptr(HeardSecretString) code = heard_recovery_code_format (key);

      parsed = parse_ok (code);
      g_assert_true (heard_key_equal (key, parsed));
    }
}

static void
test_shape (void)
{
  guint i;

  for (i = 0; i < 50; i++)
    {
      g_autoptr(HeardKey) key = heard_key_new_random ();
      g_autoptr(HeardSecretString) code = heard_recovery_code_format (key);
      g_auto(GStrv) groups = NULL;
      guint g;

      g_assert_cmpuint (strlen (code), ==, 56 + 13);

      groups = g_strsplit (code, "-", -1);
      g_assert_cmpuint (g_strv_length (groups), ==, 14);

      for (g = 0; groups[g] != NULL; g++)
        {
          guint c;

          g_assert_cmpuint (strlen (groups[g]), ==, 4);
          for (c = 0; c < 4; c++)
            g_assert_nonnull (strchr (ALPHABET, groups[g][c]));
        }
    }
}

static void
test_tolerant_input (void)
{
  g_autoptr(HeardKey) key = heard_key_new_random ();
  g_autoptr(HeardSecretString) code = heard_recovery_code_format (key);
  g_autofree char *lower = g_ascii_strdown (code, -1);
  g_autofree char *bare = without_separators (code);
  g_auto(GStrv) groups = g_strsplit (code, "-", -1);
  g_autofree char *spaced = g_strjoinv (" ", groups);
  g_autofree char *lines = NULL;
  g_autofree char *typographic = g_strjoinv ("\u2013", groups);
  g_autofree char *nbsp = g_strjoinv ("\u00a0", groups);
  g_autofree char *padded = g_strdup_printf ("  \t%s\r\n\n", code);
  g_autofree char *messy = NULL;
  const char *inputs[8];
  guint i;

  lines = g_strdup_printf ("%s-%s-%s-%s\n%s-%s-%s-%s\n%s-%s-%s-%s\n%s-%s\n",
                           groups[0], groups[1], groups[2], groups[3],
                           groups[4], groups[5], groups[6], groups[7],
                           groups[8], groups[9], groups[10], groups[11],
                           groups[12], groups[13]);

  /* Dashes and spaces in odd places, some groups run together. */
  messy = g_strdup_printf ("%s %s%s - - %s", groups[0], groups[1], groups[2], bare + 12);

  inputs[0] = lower;
  inputs[1] = bare;
  inputs[2] = spaced;
  inputs[3] = lines;
  inputs[4] = typographic;
  inputs[5] = nbsp;
  inputs[6] = padded;
  inputs[7] = messy;

  for (i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(HeardKey) parsed = NULL;

      g_test_message ("input %u: %s", i, inputs[i]);
      parsed = parse_ok (inputs[i]);
      g_assert_true (heard_key_equal (key, parsed));
    }
}

static void
test_confusable_letters (void)
{
  /* Key bytes 08 42 10 84 21 repeat the 5-bit symbol 00001, and zero bytes
   * give 00000, so this code is mostly 1s and 0s. */
  static const guint8 pattern[] = { 0x08, 0x42, 0x10, 0x84, 0x21 };
  static const char ones[] = "IiLl";
  static const char zeros[] = "Oo";
  guint8 bytes[HEARD_KEY_SIZE] = { 0, };
  g_autoptr(HeardKey) key = NULL;
  g_autoptr(HeardKey) parsed = NULL;
  g_autoptr(HeardSecretString) code = NULL;
  g_autofree char *typed = NULL;
  guint n_ones = 0;
  guint n_zeros = 0;
  gsize i;

  for (i = 0; i < 15; i++)
    bytes[i] = pattern[i % G_N_ELEMENTS (pattern)];

  key = heard_key_new_from_bytes (bytes, HEARD_KEY_SIZE);
  code = heard_recovery_code_format (key);
  typed = g_strdup (code);

  for (i = 0; typed[i] != '\0'; i++)
    {
      if (typed[i] == '1')
        typed[i] = ones[n_ones++ % 4];
      else if (typed[i] == '0')
        typed[i] = zeros[n_zeros++ % 2];
    }

  g_test_message ("printed %s, typed %s", code, typed);
  g_assert_cmpuint (n_ones, >=, 8);
  g_assert_cmpuint (n_zeros, >=, 8);

  parsed = parse_ok (typed);
  g_assert_true (heard_key_equal (key, parsed));
}

static void
test_single_change_refused (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);
  guint k;

  for (k = 0; k < 20; k++)
    {
      g_autoptr(HeardKey) key = new_seeded_key (rand);
      g_autoptr(HeardSecretString) code = heard_recovery_code_format (key);
      g_autofree char *typed = g_strdup (code);
      gsize i;

      for (i = 0; typed[i] != '\0'; i++)
        {
          const char *found;
          guint shift;

          if (typed[i] == '-')
            continue;

          /* Any other symbol of the alphabet, in a different place each time. */
          found = strchr (ALPHABET, typed[i]);
          shift = 1 + (guint) g_rand_int_range (rand, 0, 31);
          typed[i] = ALPHABET[((found - ALPHABET) + shift) % 32];

          assert_parse_fails (typed, HEARD_RECOVERY_CODE_ERROR_CHECKSUM, "typing mistake");

          typed[i] = code[i];
        }

      /* Two neighbouring symbols swapped, the commonest slip after a typo. */
      for (i = 0; typed[i + 1] != '\0'; i++)
        {
          char c = typed[i];

          if (c == '-' || typed[i + 1] == '-' || c == typed[i + 1])
            continue;

          typed[i] = typed[i + 1];
          typed[i + 1] = c;
          assert_parse_fails (typed, HEARD_RECOVERY_CODE_ERROR_CHECKSUM, NULL);
          typed[i + 1] = typed[i];
          typed[i] = c;
        }
    }
}

static void
test_wrong_length (void)
{
  g_autoptr(HeardKey) key = heard_key_new_random ();
  g_autoptr(HeardSecretString) code = heard_recovery_code_format (key);
  g_autofree char *one_group_missing = g_strndup (code, strlen (code) - 5);
  g_autofree char *one_extra = g_strdup_printf ("%sA", code);
  g_autofree char *one_short = g_strndup (code, strlen (code) - 1);
  g_autofree char *twice = g_strdup_printf ("%s-%s", code, code);

  assert_parse_fails (one_group_missing, HEARD_RECOVERY_CODE_ERROR_LENGTH, "52");
  assert_parse_fails (one_group_missing, HEARD_RECOVERY_CODE_ERROR_LENGTH, "56");
  assert_parse_fails (one_extra, HEARD_RECOVERY_CODE_ERROR_LENGTH, "57");
  assert_parse_fails (one_short, HEARD_RECOVERY_CODE_ERROR_LENGTH, "55");
  assert_parse_fails (twice, HEARD_RECOVERY_CODE_ERROR_LENGTH, "112");
  assert_parse_fails ("", HEARD_RECOVERY_CODE_ERROR_LENGTH, "56");
  assert_parse_fails (" - \n", HEARD_RECOVERY_CODE_ERROR_LENGTH, "56");
  assert_parse_fails ("A", HEARD_RECOVERY_CODE_ERROR_LENGTH, "1 number or letter");
}

static void
test_bad_character (void)
{
  g_autoptr(HeardKey) key = heard_key_new_random ();
  g_autoptr(HeardSecretString) code = heard_recovery_code_format (key);
  static const char *bad[] = { "U", "u", "*", "#", "_", ".", "é", "\u00df", "\U0001F600" };
  static const char *invalid_utf8[] = {
    "\xff", "\xfe\xff", "\xc3", "\xc3\x28", "\xe2\x82", "\xed\xa0\x80", "\xc0\xaf",
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *typed = g_strdup_printf ("%.10s%s%s", code, bad[i], code + 11);

      g_test_message ("typed %s", typed);
      assert_parse_fails (typed, HEARD_RECOVERY_CODE_ERROR_CHARACTER, bad[i]);
      /* The 11th character is in the third group. */
      assert_parse_fails (typed, HEARD_RECOVERY_CODE_ERROR_CHARACTER, "3");
    }

  for (i = 0; i < G_N_ELEMENTS (invalid_utf8); i++)
    {
      g_autofree char *typed = g_strdup_printf ("%.20s%s%s", code, invalid_utf8[i], code + 20);
      g_autofree char *at_end = g_strdup_printf ("%.68s%s", code, invalid_utf8[i]);

      assert_parse_fails (typed, HEARD_RECOVERY_CODE_ERROR_CHARACTER, NULL);
      assert_parse_fails (at_end, HEARD_RECOVERY_CODE_ERROR_CHARACTER, NULL);
      assert_parse_fails (invalid_utf8[i], HEARD_RECOVERY_CODE_ERROR_CHARACTER, NULL);
    }

  /* A control character is named by its number rather than printed. */
  {
    g_autofree char *typed = g_strdup_printf ("%.10s\x07%s", code, code + 10);

    assert_parse_fails (typed, HEARD_RECOVERY_CODE_ERROR_CHARACTER, "U+0007");
  }
}

int
main (int   argc,
      char *argv[])
{
  heard_test_init (&argc, &argv);

  g_test_add_func ("/recovery-code/known-answers", test_known_answers);
  g_test_add_func ("/recovery-code/round-trip", test_round_trip);
  g_test_add_func ("/recovery-code/shape", test_shape);
  g_test_add_func ("/recovery-code/tolerant-input", test_tolerant_input);
  g_test_add_func ("/recovery-code/confusable-letters", test_confusable_letters);
  g_test_add_func ("/recovery-code/single-change-refused", test_single_change_refused);
  g_test_add_func ("/recovery-code/wrong-length", test_wrong_length);
  g_test_add_func ("/recovery-code/bad-character", test_bad_character);

  return g_test_run ();
}

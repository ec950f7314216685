/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-info-file"

#include "config.h"

#include <string.h>

#include "heard-unlock-flow-private.h"
#include "heard-fuzz.h"

/*
 * heard.ini is a plain file beside the database that people copy, restore
 * and sometimes edit by hand, so Heard's reader of it meets truncated,
 * doubled and garbage notes. It must not crash or leak, must hand on only
 * valid UTF-8, and whatever it read, Heard must be able to write back and
 * read again unchanged, so that a note never drifts across starts.
 */

static void
assert_info_equal (const HeardDatabaseInfo *a,
                   const HeardDatabaseInfo *b)
{
  g_assert_cmpstr (a->uuid, ==, b->uuid);
  g_assert_cmpstr (a->salt_hex, ==, b->salt_hex);
  g_assert_cmpint (a->passphrase_protected, ==, b->passphrase_protected);
  g_assert_cmpint (a->recovery_confirmed, ==, b->recovery_confirmed);
  g_assert_cmpint (a->database_created, ==, b->database_created);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  HeardDatabaseInfo info = { 0, };
  HeardDatabaseInfo again = { 0, };
  HeardDatabaseInfo twice = { 0, };
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  gsize written_length = 0;
  gsize rewritten_length = 0;
  gboolean trusted;

  trusted = _heard_database_info_parse (&info, (const char *) data, size);
  g_assert_false (info.database_exists);
  g_assert_true (info.uuid == NULL || g_utf8_validate (info.uuid, -1, NULL));
  g_assert_true (info.salt_hex == NULL || g_utf8_validate (info.salt_hex, -1, NULL));

  /* Reading is all the parser does: the same bytes always say the same. */
  g_assert_cmpint (_heard_database_info_parse (&twice, (const char *) data, size), ==, trusted);
  assert_info_equal (&info, &twice);

  /* A trusted note names its database, and what Heard writes of it reads
   * back as trusted and the same. */
  g_assert_true (!trusted || size == 0 || info.uuid != NULL);
  if (trusted && info.uuid != NULL)
    {
      written = _heard_database_info_to_data (&info, &written_length);
      g_assert_nonnull (written);
      g_assert_cmpuint (strlen (written), ==, written_length);

      g_assert_true (_heard_database_info_parse (&again, written, written_length));
      assert_info_equal (&info, &again);

      rewritten = _heard_database_info_to_data (&again, &rewritten_length);
      g_assert_cmpuint (rewritten_length, ==, written_length);
      g_assert_cmpstr (rewritten, ==, written);
    }

  _heard_database_info_clear (&info);
  _heard_database_info_clear (&again);
  _heard_database_info_clear (&twice);

  return 0;
}

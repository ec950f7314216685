/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-disk-full"

#include "config.h"

#include <glib/gstdio.h>

#include "heard-sqlite-store.h"
#include "heard-store-people.h"
#include "heard-test-utils.h"

/*
 * A caseworker's disk fills up while they are typing. Heard must say so
 * kindly, keep everything already saved, and save again once there is room.
 * Runs on a real, tiny filesystem (tests/with-small-disk). Where the
 * operating system will not make one, the test says so and is skipped:
 * test-faults covers a full disk everywhere, through its fault VFS.
 */

#define FILLER_BYTES (256 * 1024)
#define TEXT_CHARS 40000

static HeardPerson *
person_with_long_story (guint number)
{
  HeardPerson *person = heard_person_new ();
  g_autofree char *name = g_strdup_printf ("Young person %u", number);
  g_autoptr(GString) story = g_string_sized_new (TEXT_CHARS);

  /* Text that does not compress away in the page cipher. */
  while (story->len < TEXT_CHARS)
    g_string_append_printf (story, "%08x ", g_random_int ());

  heard_person_set_text (person, HEARD_PERSON_DISPLAY_NAME, name);
  heard_person_set_text (person, HEARD_PERSON_WHAT_HELPS, story->str);

  return person;
}

static void
test_disk_full (void)
{
  const char *disk = g_getenv ("HEARD_SMALL_DISK");
  g_autofree char *path = NULL;
  g_autofree char *filler_path = NULL;
  g_autofree char *filler = g_malloc0 (FILLER_BYTES);
  g_autoptr(HeardKey) key = heard_test_key_new (7);
  g_autoptr(HeardStore) store = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(HeardPerson) last = NULL;
  g_autoptr(GError) error = NULL;
  guint saved = 0;

  if (disk == NULL && g_getenv ("HEARD_SMALL_DISK_REFUSED") != NULL)
    {
      g_autofree char *refused = g_strdup (g_getenv ("HEARD_SMALL_DISK_REFUSED"));
      g_autofree char *why = NULL;

      /* One line, as TAP wants it. */
      g_strdelimit (refused, "\r\n", ' ');
      why = g_strdup_printf ("not run: the operating system refused a small file system (%s); "
                             "test-faults covers a full disk instead", g_strstrip (refused));
      g_test_skip (why);
      return;
    }
  if (disk == NULL)
    g_error ("Run this test through tests/with-small-disk");

  path = g_build_filename (disk, "heard.db", NULL);
  filler_path = g_build_filename (disk, "filler", NULL);
  g_assert_true (g_file_set_contents (filler_path, filler, FILLER_BYTES, NULL));

  store = heard_test_open_store (path, key, HEARD_SQLITE_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  /* Save until the disk is full: the refusal names the problem. */
  for (;;)
    {
      g_autoptr(HeardPerson) person = person_with_long_story (saved + 1);

      if (heard_test_save_person (store, person, &error) == 0)
        break;
      saved++;
      g_assert_cmpuint (saved, <, 1000);
    }
  g_test_message ("saved %u people before the disk was full: %s", saved, error->message);
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_DISK_FULL);
  g_assert_cmpuint (saved, >, 0);
  g_clear_error (&error);

  /* Everything saved before is still there, whole; nothing half-saved. */
  people = heard_test_list_people (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, saved);
  g_assert_true (heard_test_check_integrity (store, &error));
  g_assert_no_error (error);

  /* Once there is room again, saving works without restarting Heard. */
  g_assert_cmpint (g_unlink (filler_path), ==, 0);
  last = person_with_long_story (saved + 1);
  g_assert_cmpint (heard_test_save_person (store, last, &error), >, 0);
  g_assert_no_error (error);

  heard_test_close_store (&store);
  store = heard_test_open_store (path, key, HEARD_SQLITE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_clear_pointer (&people, g_ptr_array_unref);
  people = heard_test_list_people (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, saved + 1);
  heard_test_close_store (&store);
}

int
main (int   argc,
      char *argv[])
{
  heard_test_init (&argc, &argv);

  g_test_add_func ("/store/disk-full", test_disk_full);

  return g_test_run ();
}

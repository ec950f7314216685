/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-crash-writer"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "heard-secure.h"
#include "heard-test-utils.h"

/*
 * Used by test-crash: heard-crash-writer PATH ROUND, with the database key in
 * hex in HEARD_CRASH_KEY. Opens the existing store and saves new young people
 * until it is killed. Only once a save has committed does it print
 * "ID ROUND SEQ" on a line of its own, so every printed id was promised to
 * the user as saved.
 */

static void
write_line (const char *line)
{
  gsize length = strlen (line);
  gsize written = 0;

  /* One short write(): a line is either all in the pipe or not at all. */
  while (written < length)
    {
      ssize_t n = write (STDOUT_FILENO, line + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        g_error ("Could not report a saved id: %s", g_strerror (errno));
      written += (gsize) n;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeardKey) key = NULL;
  g_autoptr(HeardStore) store = NULL;
  const char *hex = g_getenv ("HEARD_CRASH_KEY");
  guint round;

  if (!heard_secure_init (&error))
    g_error ("%s", error->message);

  if (argc != 3 || hex == NULL)
    {
      g_printerr ("Usage: HEARD_CRASH_KEY=HEX %s PATH ROUND\n", argv[0]);
      return 2;
    }
  round = (guint) g_ascii_strtoull (argv[2], NULL, 10);

  key = heard_key_new_from_hex (hex, &error);
  if (key == NULL)
    g_error ("%s", error->message);

  store = heard_test_open_store (argv[1], key, HEARD_STORE_OPEN_NONE, &error);
  if (store == NULL)
    {
      g_printerr ("Round %u: the store did not open after the last crash: %s\n",
                  round, error->message);
      return 1;
    }

  for (guint seq = 0; ; seq++)
    {
      g_autoptr(HeardPerson) person = heard_test_crash_person_new (round, seq);
      g_autofree char *line = NULL;
      gint64 id = heard_test_save_person (store, person, &error);

      if (id == 0)
        {
          g_printerr ("Round %u: save %u failed: %s\n", round, seq, error->message);
          return 1;
        }

      line = g_strdup_printf ("%" G_GINT64_FORMAT " %u %u\n", id, round, seq);
      write_line (line);
    }
}

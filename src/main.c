/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "heard-application.h"
#include "heard-secure.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HeardApplication) app = NULL;
  g_autoptr(GError) error = NULL;

  /* Before anything sensitive is in memory: no core dumps, keys wiped. */
  if (!heard_secure_init (&error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = heard_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-cli.h"
#include "heard-date.h"
#include "heard-practice.h"

/*
 * heard-cli practice: a set of fictional records for training, made by the
 * same seeded generator as Heard's "Practice Records"
 * (heard_practice_generate_async()), in the practice folder unless
 * --data-dir names another. A folder with real records, or one another
 * Heard has open, is refused and left as it was.
 */

int
heard_cli_practice (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *today_text = NULL;
  g_autoptr(GDate) today = NULL;
  int n_people = HEARD_PRACTICE_DEFAULT_PEOPLE;
  gint64 seed = HEARD_PRACTICE_DEFAULT_SEED;
  const GOptionEntry entries[] = {
    { "people", 0, 0, G_OPTION_ARG_INT, &n_people,
      N_("How many fictional young people to make"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
      N_("The same seed and day give the same records"), N_("S") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("The day the records are placed around (else today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  int status;

  g_option_context_set_summary (context,
                                _("Makes a set of fictional records for training in the "
                                  "practice folder, unless\n--data-dir names another: "
                                  "HEARD_DATA_DIR or else Heard's own folder, with\n"
                                  "-practice added to its name. A folder holding real records "
                                  "is refused."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = heard_cli_parse (context, &data_dir, heard_practice_default_dir,
                            N_("The folder (else the practice folder, said above)"), &argc,
                            &argv, 0, 0);
  if (status >= 0)
    return status;

  if (n_people <= 0)
    return heard_cli_fail (HEARD_CLI_EXIT_USAGE, "%s", _("--people takes a number above 0."));
  if (seed < 0)
    return heard_cli_fail (HEARD_CLI_EXIT_USAGE, "%s", _("--seed takes a number of 0 or more."));
  if (today_text != NULL)
    {
      today = g_date_new ();
      if (!heard_date_parse (today_text, today, &error))
        return heard_cli_fail (HEARD_CLI_EXIT_USAGE, "--today: %s", error->message);
    }

  heard_practice_generate_async (data_dir, (guint) n_people, (guint64) seed, today, NULL,
                                 heard_cli_result_cb, &result);
  heard_cli_wait (&result);
  if (!heard_practice_generate_finish (result, &error))
    return heard_cli_fail_with_error (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Made practice records of %d fictional young person "
                                         "in %s\n",
                        "Made practice records of %d fictional young people in %s\n",
                        (gulong) n_people), n_people, data_dir);

  return HEARD_CLI_EXIT_OK;
}

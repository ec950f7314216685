/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-open-item-row"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-open-item-row.h"
#include "heard-widgets.h"

/*
 * Rows for things still open, as the closure dialog and the caseload
 * overview list them: what it is, the dates and owners, and whether it is
 * overdue or due soon, said in words with the theme's colours beside them.
 */

/* With @show_person, the row is titled with the young person's name and
 * opens their record when activated (win.open-person). */
GtkWidget *
heard_open_item_row_new (const HeardOpenItem *item,
                         gboolean             show_person)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (item != NULL, NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (show_person)
    {
      subtitle = *item->detail != '\0' ? g_strdup_printf ("%s\n%s", item->summary, item->detail)
                                       : g_strdup (item->summary);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->person_name);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-person");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(xs)", item->person_id,
                                        item->view);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    }
  else
    {
      subtitle = g_strdup (item->detail);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->summary);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (item->urgency == HEARD_URGENCY_OVERDUE)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), heard_status_badge_new (_("Overdue"),
                                                                             "error"));
  else if (item->urgency == HEARD_URGENCY_SOON)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), heard_status_badge_new (_("Due soon"),
                                                                             "warning"));

  if (show_person)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

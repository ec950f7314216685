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
heard_open_item_row_new (HeardOpenItem *item,
                         gboolean       show_person)
{
  GtkWidget *row;
  const char *summary;
  const char *detail;
  HeardUrgency urgency;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (HEARD_IS_OPEN_ITEM (item), NULL);

  row = adw_action_row_new ();
  summary = heard_open_item_get_summary (item);
  detail = heard_open_item_get_detail (item);
  urgency = heard_open_item_get_urgency (item);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (show_person)
    {
      subtitle = *detail != '\0' ? g_strdup_printf ("%s\n%s", summary, detail)
                                 : g_strdup (summary);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     heard_open_item_get_person_name (item));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-person");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(xs)",
                                        heard_open_item_get_person_id (item),
                                        heard_open_item_get_view (item));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    }
  else
    {
      subtitle = g_strdup (detail);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), summary);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (urgency == HEARD_URGENCY_OVERDUE)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), heard_status_badge_new (_("Overdue"),
                                                                             "error"));
  else if (urgency == HEARD_URGENCY_SOON)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), heard_status_badge_new (_("Due soon"),
                                                                             "warning"));

  if (show_person)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-accessibility"

#include "config.h"

#include "heard-accessibility.h"

/*
 * libadwaita 1.2's AdwEntryRow shows its title on screen but does not tell
 * screen readers that the text field inside it is named by that title, so
 * a reader says only "text". Call this on a form once its template is built
 * to give every entry row's field its row's title as its accessible name.
 */
void
heard_accessibility_name_entry_rows (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (ADW_IS_ENTRY_ROW (root))
    {
      GtkEditable *field = gtk_editable_get_delegate (GTK_EDITABLE (root));
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));

      if (field != NULL && title != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        title, -1);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    heard_accessibility_name_entry_rows (child);
}

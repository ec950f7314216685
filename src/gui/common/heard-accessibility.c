/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-accessibility"

#include "config.h"

#include <string.h>

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

/* "_Edit" as it is shown: "__" is an underscore, any other one goes. */
static char *
strip_mnemonic (const char *label)
{
  GString *shown = g_string_sized_new (strlen (label));

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (shown, *p);
    }

  return g_string_free (shown, FALSE);
}

static void
name_by_mnemonic (GtkWidget *widget)
{
  const char *label = NULL;
  g_autofree char *shown = NULL;

  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    label = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_CHECK_BUTTON (widget) &&
           gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget)))
    label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));

  if (label == NULL)
    return;

  shown = strip_mnemonic (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  shown, -1);
}

/*
 * GTK 4.8 gives a button or check button whose label has a mnemonic that
 * label as its accessible name, underscore and all, so a screen reader says
 * "_Edit". Call this on a widget once its template is built (and on a
 * button made later) to name every such control by the words it shows,
 * now and whenever its label changes. A name set afterwards, like
 * "Edit Safety", wins until the label changes.
 */
void
heard_accessibility_name_mnemonics (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if ((GTK_IS_BUTTON (root) || GTK_IS_CHECK_BUTTON (root)) &&
      g_object_get_data (G_OBJECT (root), "heard-named-by-mnemonic") == NULL)
    {
      g_object_set_data (G_OBJECT (root), "heard-named-by-mnemonic", GINT_TO_POINTER (TRUE));
      g_signal_connect (root, "notify::label", G_CALLBACK (name_by_mnemonic), NULL);
      g_signal_connect (root, "notify::use-underline", G_CALLBACK (name_by_mnemonic), NULL);
      name_by_mnemonic (root);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    heard_accessibility_name_mnemonics (child);
}

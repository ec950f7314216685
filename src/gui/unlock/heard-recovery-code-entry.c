/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-recovery-code-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-recovery-code-entry.h"
#include "heard-recovery-code.h"

/*
 * The field the recovery code is typed into, wherever Heard asks for it
 * (unlocking, reviewing an audit trail problem): the same look, hints and
 * spoken name every time, so the code is typed the same way everywhere.
 * Enter in it activates the window's default button. It is wide enough
 * for the whole code where there is room, and masked like a passphrase
 * until someone chooses to show it (the eye icon, or Show Text in its
 * context menu from the keyboard).
 */

/* All the groups and the dashes between them. */
#define CODE_CHARS (HEARD_RECOVERY_CODE_GROUPS * (HEARD_RECOVERY_CODE_GROUP_SIZE + 1) - 1)
/* Narrower than that it scrolls, so a narrow window still fits it. */
#define MIN_CHARS 24

struct _HeardRecoveryCodeEntry
{
  GtkEntry parent_instance;
};

G_DEFINE_FINAL_TYPE (HeardRecoveryCodeEntry, heard_recovery_code_entry, GTK_TYPE_ENTRY)

/* The eye says what it would do, in its icon, tooltip and spoken name. */
static void
visibility_changed_cb (HeardRecoveryCodeEntry *self)
{
  gboolean visible = gtk_entry_get_visibility (GTK_ENTRY (self));
  const char *name = visible ? _("Hide the recovery code") : _("Show the recovery code");

  gtk_entry_set_icon_from_icon_name (GTK_ENTRY (self), GTK_ENTRY_ICON_SECONDARY,
                                     visible ? "view-conceal-symbolic" : "view-reveal-symbolic");
  gtk_entry_set_icon_tooltip_text (GTK_ENTRY (self), GTK_ENTRY_ICON_SECONDARY, name);

  /* GTK 4.8 gives an entry's icons no name of their own. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_IMAGE (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
}

static void
icon_released_cb (HeardRecoveryCodeEntry *self,
                  GtkEntryIconPosition    position,
                  gpointer                user_data)
{
  gtk_entry_set_visibility (GTK_ENTRY (self), !gtk_entry_get_visibility (GTK_ENTRY (self)));
}

static void
heard_recovery_code_entry_class_init (HeardRecoveryCodeEntryClass *klass)
{
}

static void
heard_recovery_code_entry_init (HeardRecoveryCodeEntry *self)
{
  /* The printed code is groups of four, upper case, joined by dashes. */
  gtk_entry_set_placeholder_text (GTK_ENTRY (self), "XXXX-XXXX-XXXX-…");
  gtk_entry_set_activates_default (GTK_ENTRY (self), TRUE);
  gtk_entry_set_input_hints (GTK_ENTRY (self),
                             GTK_INPUT_HINT_UPPERCASE_CHARS | GTK_INPUT_HINT_NO_SPELLCHECK);
  gtk_widget_add_css_class (GTK_WIDGET (self), "monospace");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Recovery code"), -1);
  gtk_editable_set_width_chars (GTK_EDITABLE (self), MIN_CHARS);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self), CODE_CHARS);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);

  gtk_entry_set_visibility (GTK_ENTRY (self), FALSE);
  gtk_entry_set_icon_activatable (GTK_ENTRY (self), GTK_ENTRY_ICON_SECONDARY, TRUE);
  g_signal_connect (self, "icon-release", G_CALLBACK (icon_released_cb), NULL);
  g_signal_connect (self, "notify::visibility", G_CALLBACK (visibility_changed_cb), NULL);
  visibility_changed_cb (self);
}

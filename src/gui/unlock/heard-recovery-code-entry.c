/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-recovery-code-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-recovery-code-entry.h"

/*
 * The field the recovery code is typed into, wherever Heard asks for it
 * (unlocking, reviewing an audit trail problem): the same look, hints and
 * spoken name every time, so the code is typed the same way everywhere.
 * Enter in it activates the window's default button.
 */

struct _HeardRecoveryCodeEntry
{
  GtkEntry parent_instance;
};

G_DEFINE_FINAL_TYPE (HeardRecoveryCodeEntry, heard_recovery_code_entry, GTK_TYPE_ENTRY)

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
}

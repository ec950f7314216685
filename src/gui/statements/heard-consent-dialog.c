/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-consent-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-choice-row.h"
#include "heard-consent-dialog.h"
#include "heard-date-row.h"
#include "heard-directory-list.h"
#include "heard-field-error.h"

/*
 * Consent given with a statement can end, and can be withdrawn: this is
 * where either is said, on the statement's card. Each field says beside it
 * what is wrong (a day that is not one, before the day they gave the
 * statement, a withdrawal in the future) through the statement's own rule,
 * before anything is written; the store asks the same again.
 */

struct _HeardConsentDialog
{
  HeardDialog     parent_instance;

  HeardCaseFile  *case_file;
  HeardStatement *statement;

  GtkLabel       *now_label;
  HeardChoiceRow *until_row;
  HeardDateRow   *ends_on_row;
  GtkSwitch      *withdrawn_switch;
  HeardDateRow   *withdrawn_on_row;
};

G_DEFINE_FINAL_TYPE (HeardConsentDialog, heard_consent_dialog, HEARD_TYPE_DIALOG)

/* The ids of "Until": until they say otherwise, or until a day. */
#define UNTIL_OPEN "open"
#define UNTIL_DAY  "day"

static gboolean
until_a_day (HeardConsentDialog *self)
{
  return g_strcmp0 (heard_choice_row_get_chosen_id (self->until_row), UNTIL_DAY) == 0;
}

static void
changed_cb (HeardConsentDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->ends_on_row), until_a_day (self));
  heard_dialog_set_changed (HEARD_DIALOG (self));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HeardConsentDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error);
  heard_dialog_finish_saving (HEARD_DIALOG (self), error);
}

/* Says beside @row what is wrong with consent ending on @ends_on and
 * withdrawn on @withdrawn_on; TRUE when nothing is. */
static gboolean
check_field (HeardConsentDialog *self,
             HeardDateRow       *row,
             const char         *ends_on,
             const char         *withdrawn_on)
{
  g_autoptr(GError) error = NULL;

  if (heard_statement_check_consent (self->statement, ends_on, withdrawn_on, &error))
    {
      heard_field_error_clear (GTK_WIDGET (row));
      return TRUE;
    }

  heard_field_error_show (GTK_WIDGET (row), error->message);
  return FALSE;
}

static void
heard_consent_dialog_save (HeardDialog *dialog)
{
  HeardConsentDialog *self = HEARD_CONSENT_DIALOG (dialog);
  const char *ends_on = until_a_day (self)
                        ? gtk_editable_get_text (GTK_EDITABLE (self->ends_on_row)) : "";
  const char *withdrawn_on = gtk_switch_get_active (self->withdrawn_switch)
                             ? gtk_editable_get_text (GTK_EDITABLE (self->withdrawn_on_row))
                             : "";
  gboolean ends_ok;
  gboolean withdrawn_ok;

  if (until_a_day (self) && *ends_on == '\0')
    {
      heard_field_error_show (GTK_WIDGET (self->ends_on_row),
                              _("Choose the last day their consent holds, or “Until they say "
                                "otherwise”."));
      ends_ok = FALSE;
    }
  else
    ends_ok = check_field (self, self->ends_on_row, ends_on, "");

  if (gtk_switch_get_active (self->withdrawn_switch) && *withdrawn_on == '\0')
    {
      heard_field_error_show (GTK_WIDGET (self->withdrawn_on_row),
                              _("Choose the day they withdrew consent."));
      withdrawn_ok = FALSE;
    }
  else
    withdrawn_ok = check_field (self, self->withdrawn_on_row, "", withdrawn_on);

  if (!ends_ok || !withdrawn_ok)
    {
      heard_dialog_resume_saving (dialog);
      return;
    }

  heard_case_file_set_statement_consent_async (self->case_file,
                                               heard_statement_get_id (self->statement),
                                               ends_on, withdrawn_on,
                                               heard_dialog_get_cancellable (dialog), saved_cb,
                                               g_object_ref (self));
}

static void
heard_consent_dialog_dispose (GObject *object)
{
  HeardConsentDialog *self = HEARD_CONSENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_CONSENT_DIALOG);
  g_clear_object (&self->statement);
  g_clear_object (&self->case_file);

  G_OBJECT_CLASS (heard_consent_dialog_parent_class)->dispose (object);
}

static void
heard_consent_dialog_class_init (HeardConsentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeardDialogClass *dialog_class = HEARD_DIALOG_CLASS (klass);

  object_class->dispose = heard_consent_dialog_dispose;
  dialog_class->save = heard_consent_dialog_save;

  g_type_ensure (HEARD_TYPE_CHOICE_ROW);
  g_type_ensure (HEARD_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-consent-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardConsentDialog, now_label);
  gtk_widget_class_bind_template_child (widget_class, HeardConsentDialog, until_row);
  gtk_widget_class_bind_template_child (widget_class, HeardConsentDialog, ends_on_row);
  gtk_widget_class_bind_template_child (widget_class, HeardConsentDialog, withdrawn_switch);
  gtk_widget_class_bind_template_child (widget_class, HeardConsentDialog, withdrawn_on_row);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
heard_consent_dialog_init (HeardConsentDialog *self)
{
  const char *const until_ids[] = { UNTIL_OPEN, UNTIL_DAY, NULL };
  const char *const untils[] = { _("Until they say otherwise"), _("Until a day"), NULL };
  g_autoptr(GtkStringList) until_list = gtk_string_list_new (untils);

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->until_row), G_LIST_MODEL (until_list));
  heard_choice_row_set_ids (self->until_row, until_ids);
  heard_accessibility_name_entry_rows (GTK_WIDGET (self));
}

HeardConsentDialog *
heard_consent_dialog_new (GtkWindow      *parent,
                          HeardCaseFile  *case_file,
                          HeardStatement *statement)
{
  HeardConsentDialog *self;
  const char *ends_on;
  const char *withdrawn_on;
  g_autofree char *today = NULL;
  g_autofree char *when = NULL;
  g_autofree char *now = NULL;
  g_autofree char *agencies = NULL;
  HeardContext *context;

  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);
  g_return_val_if_fail (HEARD_IS_STATEMENT (statement), NULL);

  self = g_object_new (HEARD_TYPE_CONSENT_DIALOG, "transient-for", parent, NULL);
  self->case_file = g_object_ref (case_file);
  self->statement = g_object_ref (statement);

  ends_on = heard_statement_get_consent_ends_on (statement);
  withdrawn_on = heard_statement_get_consent_withdrawn_on (statement);
  today = heard_today_iso_date ();
  when = heard_statement_dup_when_text (statement);
  context = heard_case_file_get_context (case_file);
  agencies = heard_directory_list_describe_kinds (
    HEARD_DIRECTORY_LIST (heard_context_get_agencies (context)),
    heard_statement_get_text (statement, HEARD_STATEMENT_SHARE_WITH));
  /* TRANSLATORS: %s is when the statement was given, "3 May 2024, 14:30",
   * then the agencies the consent covers, "School or college (Northgate
   * Academy), Police" */
  now = g_strdup_printf (_("Their consent for what they said on %s to be shared with %s. Every "
                           "change is kept beside the ones before."), when, agencies);
  gtk_label_set_text (self->now_label, now);

  heard_choice_row_choose_id (self->until_row, *ends_on != '\0' ? UNTIL_DAY : UNTIL_OPEN);
  heard_date_row_set_stored (self->ends_on_row, ends_on);
  gtk_widget_set_visible (GTK_WIDGET (self->ends_on_row), *ends_on != '\0');
  gtk_switch_set_active (self->withdrawn_switch, *withdrawn_on != '\0');
  heard_date_row_set_stored (self->withdrawn_on_row, *withdrawn_on != '\0' ? withdrawn_on : today);

  /* Connected once filled in, so that what was there is no change. */
  g_signal_connect_object (self->until_row, "notify::selected", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ends_on_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->withdrawn_switch, "notify::active", G_CALLBACK (changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->withdrawn_on_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_grab_focus (GTK_WIDGET (self->until_row));

  return self;
}

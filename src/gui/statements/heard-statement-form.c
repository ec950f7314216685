/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-statement-form"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-choice-row.h"
#include "heard-date-row.h"
#include "heard-accessibility.h"
#include "heard-agency.h"
#include "heard-enum-binding.h"
#include "heard-field-error.h"
#include "heard-language-hint.h"
#include "heard-clipboard.h"
#include "heard-directory-list.h"
#include "heard-statement-form.h"
#include "heard-widgets.h"

struct _HeardStatementForm
{
  AdwBin          parent_instance;

  HeardStatement *draft;
  GPtrArray      *share_checks;
  /* The agencies directory, which names the agencies of each kind. */
  GListModel     *directory;

  GtkTextView    *words_view;
  AdwComboRow    *given_how_row;
  HeardDateRow   *given_on_row;
  AdwEntryRow    *given_time_row;
  AdwEntryRow    *place_row;
  AdwEntryRow    *present_row;
  AdwComboRow    *read_back_row;
  GtkTextView    *their_note_view;
  GtkTextView    *context_view;
  HeardForThemRow *context_for_them_row;
  AdwExpanderRow *share_row;
  HeardChoiceRow *until_row;
  HeardDateRow   *ends_on_row;
  GtkSwitch      *sensitive_switch;
  AdwEntryRow    *content_note_row;
};

G_DEFINE_FINAL_TYPE (HeardStatementForm, heard_statement_form, ADW_TYPE_BIN)

static void
bind_field (HeardStatementForm *self,
            const char         *property,
            gpointer            target,
            const char         *target_property)
{
  g_object_bind_property (self->draft, property, target, target_property,
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  /* A one-line field stops at what its field keeps. */
  if (ADW_IS_ENTRY_ROW (target))
    heard_entry_row_limit (target, G_OBJECT (self->draft), property);
}

static void
show_sharing (HeardStatementForm *self)
{
  const char *list = heard_statement_get_text (self->draft, HEARD_STATEMENT_SHARE_WITH);
  g_autofree char *label = heard_agency_list_to_label (list);

  adw_expander_row_set_subtitle (self->share_row,
                                 *label != '\0' ? label : _("No agency yet: it stays with us"));

  for (guint i = 0; i < self->share_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->share_checks, i);
      HeardAgency agency = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "agency"));

      gtk_check_button_set_active (check, heard_agency_list_has (list, agency));
    }
}

static void
share_toggled_cb (GtkCheckButton     *check,
                  HeardStatementForm *self)
{
  HeardAgency agency = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "agency"));
  const char *list = heard_statement_get_text (self->draft, HEARD_STATEMENT_SHARE_WITH);
  g_autofree char *changed = NULL;

  if (gtk_check_button_get_active (check) == heard_agency_list_has (list, agency))
    return;

  changed = gtk_check_button_get_active (check) ? heard_agency_list_add (list, agency)
                                                : heard_agency_list_remove (list, agency);
  heard_statement_set_text (self->draft, HEARD_STATEMENT_SHARE_WITH, changed);
}

static void
sharing_changed_cb (HeardStatementForm *self)
{
  show_sharing (self);
}

/* The ids of "Until": until they say otherwise, or until a day. */
#define UNTIL_OPEN "open"
#define UNTIL_DAY  "day"

static gboolean
until_a_day (HeardStatementForm *self)
{
  return g_strcmp0 (heard_choice_row_get_chosen_id (self->until_row), UNTIL_DAY) == 0;
}

/* Consent until they say otherwise has no last day. */
static void
until_changed_cb (HeardStatementForm *self)
{
  gboolean day = until_a_day (self);

  gtk_widget_set_visible (GTK_WIDGET (self->ends_on_row), day);
  if (!day && self->draft != NULL)
    heard_statement_set_consent_ends_on (self->draft, "");
}

/* One row per agency the young person might agree to share with. */
/* Words kept behind a content note, and what is written about them, are
 * copied out of the editor only as a secret. */
static void
sensitive_changed_cb (HeardStatementForm *self)
{
  gboolean sensitive = heard_statement_get_sensitive (self->draft);

  heard_clipboard_set_copies_secret (GTK_WIDGET (self->words_view), sensitive);
  heard_clipboard_set_copies_secret (GTK_WIDGET (self->their_note_view), sensitive);
  heard_clipboard_set_copies_secret (GTK_WIDGET (self->context_view), sensitive);
}

static void
add_share_rows (HeardStatementForm *self)
{
  for (HeardAgency agency = 0; agency < HEARD_AGENCY_N_AGENCIES; agency++)
    {
      g_autofree char *name = NULL;
      GtkWidget *check;
      GtkWidget *row;

      /* They can always see their own words. */
      if (agency == HEARD_AGENCY_YOUNG_PERSON)
        continue;

      check = gtk_check_button_new ();
      row = adw_action_row_new ();
      name = g_strconcat ("share-", heard_agency_to_code (agency), NULL);
      /* Its name in a draft, which keeps whether it is ticked. */
      gtk_widget_set_name (check, name);
      g_object_set_data (G_OBJECT (check), "agency", GUINT_TO_POINTER (agency));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      heard_agency_label (agency), -1);
      g_signal_connect_object (check, "toggled", G_CALLBACK (share_toggled_cb), self, 0);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), heard_agency_label (agency));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (self->share_row, row);
      g_ptr_array_add (self->share_checks, check);
    }
}

static void
heard_statement_form_dispose (GObject *object)
{
  HeardStatementForm *self = HEARD_STATEMENT_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_STATEMENT_FORM);
  g_clear_object (&self->draft);
  g_clear_object (&self->directory);
  g_clear_pointer (&self->share_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (heard_statement_form_parent_class)->dispose (object);
}

static void
heard_statement_form_class_init (HeardStatementFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_statement_form_dispose;

  g_type_ensure (HEARD_TYPE_LANGUAGE_HINT);
  g_type_ensure (HEARD_TYPE_CHOICE_ROW);
  g_type_ensure (HEARD_TYPE_DATE_ROW);
  g_type_ensure (HEARD_TYPE_FOR_THEM_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-statement-form.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardStatementForm, words_view);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementForm, given_how_row);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementForm, given_on_row);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementForm, given_time_row);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementForm, place_row);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementForm, present_row);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementForm, read_back_row);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementForm, their_note_view);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementForm, context_view);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementForm, context_for_them_row);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementForm, share_row);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementForm, until_row);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementForm, ends_on_row);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementForm, sensitive_switch);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementForm, content_note_row);
  gtk_widget_class_bind_template_callback (widget_class, until_changed_cb);
}

static void
heard_statement_form_init (HeardStatementForm *self)
{
  g_autoptr(GtkStringList) ways = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) read_backs = gtk_string_list_new (NULL);
  const char *const until_ids[] = { UNTIL_OPEN, UNTIL_DAY, NULL };
  const char *const untils[] = { _("Until they say otherwise"), _("Until a day"), NULL };
  g_autoptr(GtkStringList) until_list = gtk_string_list_new (untils);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->share_checks = g_ptr_array_new ();

  for (HeardGivenHow how = 0; how < HEARD_GIVEN_N_WAYS; how++)
    gtk_string_list_append (ways, heard_given_how_label (how));
  for (HeardReadBack answer = 0; answer < HEARD_READ_BACK_N_ANSWERS; answer++)
    gtk_string_list_append (read_backs, heard_read_back_label (answer));
  adw_combo_row_set_model (self->given_how_row, G_LIST_MODEL (ways));
  adw_combo_row_set_model (self->read_back_row, G_LIST_MODEL (read_backs));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->until_row), G_LIST_MODEL (until_list));
  heard_choice_row_set_ids (self->until_row, until_ids);
  add_share_rows (self);
  heard_accessibility_name_entry_rows (GTK_WIDGET (self));
  /* Only the worker's own words are checked, through the hint beside them
   * in the template: never the young person's. */
}

/* Binds every field to @draft, which the form keeps up to date as people type. */
void
heard_statement_form_bind (HeardStatementForm *self,
                           HeardStatement     *draft)
{
  g_return_if_fail (HEARD_IS_STATEMENT_FORM (self));
  g_return_if_fail (HEARD_IS_STATEMENT (draft));
  g_return_if_fail (self->draft == NULL);

  self->draft = g_object_ref (draft);

  bind_field (self, "words", gtk_text_view_get_buffer (self->words_view), "text");
  heard_date_row_bind (self->given_on_row, draft, "given-on");
  heard_entry_row_limit (ADW_ENTRY_ROW (self->given_on_row), G_OBJECT (draft), "given-on");
  bind_field (self, "given-time", self->given_time_row, "text");
  bind_field (self, "place", self->place_row, "text");
  bind_field (self, "present", self->present_row, "text");
  bind_field (self, "their-note", gtk_text_view_get_buffer (self->their_note_view), "text");
  bind_field (self, "context", gtk_text_view_get_buffer (self->context_view), "text");
  bind_field (self, "sensitive", self->sensitive_switch, "active");
  bind_field (self, "content-note", self->content_note_row, "text");
  g_object_bind_property (draft, "sensitive", self->content_note_row, "sensitive",
                          G_BINDING_SYNC_CREATE);
  heard_bind_enum_to_combo (draft, "given-how", self->given_how_row);
  heard_bind_enum_to_combo (draft, "read-back", self->read_back_row);

  g_signal_connect_object (draft, "notify::share-with", G_CALLBACK (sharing_changed_cb), self,
                           G_CONNECT_SWAPPED);
  show_sharing (self);
  /* Only a new statement's consent is given here: once it is kept, its
   * consent changes on its card, with every change kept. */
  heard_date_row_bind (self->ends_on_row, draft, "consent-ends-on");
  heard_choice_row_choose_id (self->until_row,
                              *heard_statement_get_consent_ends_on (draft) != '\0'
                              ? UNTIL_DAY : UNTIL_OPEN);
  gtk_widget_set_visible (GTK_WIDGET (self->until_row), heard_statement_get_version (draft) == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->ends_on_row),
                          heard_statement_get_version (draft) == 0 && until_a_day (self));
  g_signal_connect_object (draft, "notify::sensitive", G_CALLBACK (sensitive_changed_cb), self,
                           G_CONNECT_SWAPPED);
  sensitive_changed_cb (self);
}

/* Under each kind of agency, the directory's agencies of it: what their
 * consent to that kind covers today. */
static void
name_share_rows (HeardStatementForm *self)
{
  for (guint i = 0; i < self->share_checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->share_checks, i);
      HeardAgency agency = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "agency"));
      g_autofree char *names = heard_directory_list_dup_names (
        HEARD_DIRECTORY_LIST (self->directory), agency);
      g_autofree char *subtitle = NULL;

      if (names != NULL)
        /* TRANSLATORS: under a kind of agency a statement may be shared
         * with; %s names the agencies of that kind in the directory */
        subtitle = g_strdup_printf (_("Today that is %s"), names);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (gtk_widget_get_ancestor (check,
                                                                            ADW_TYPE_ACTION_ROW)),
                                   subtitle);
    }
}

/* Names the agencies of each kind from @directory (the context's
 * agencies), kept in step with it. */
void
heard_statement_form_set_directory (HeardStatementForm *self,
                                    GListModel         *directory)
{
  g_return_if_fail (HEARD_IS_STATEMENT_FORM (self));
  g_return_if_fail (HEARD_IS_DIRECTORY_LIST (directory));
  g_return_if_fail (self->directory == NULL);

  self->directory = g_object_ref (directory);
  g_signal_connect_object (directory, "items-changed", G_CALLBACK (name_share_rows), self,
                           G_CONNECT_SWAPPED);
  name_share_rows (self);
}

/* The last day of their consent, when it has one: a day, not before the
 * day they said it. */
static gboolean
check_ends_on (HeardStatementForm *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *row = GTK_WIDGET (self->ends_on_row);

  if (!gtk_widget_get_visible (row))
    return TRUE;

  if (*heard_statement_get_consent_ends_on (self->draft) == '\0')
    {
      heard_field_error_show (row, _("Choose the last day their consent holds, or “Until they "
                                     "say otherwise”."));
      return FALSE;
    }

  if (!heard_statement_check_consent (self->draft, heard_statement_get_consent_ends_on (
                                        self->draft), "", &error))
    {
      heard_field_error_show (row, error->message);
      return FALSE;
    }

  heard_field_error_clear (row);
  return TRUE;
}

/* Says beside a field what is wrong with it that the form can tell by
 * itself (a box holding more than is kept, the day they said it); TRUE
 * when nothing is. */
gboolean
heard_statement_form_check (HeardStatementForm *self)
{
  GObject *draft;

  g_return_val_if_fail (HEARD_IS_STATEMENT_FORM (self), FALSE);
  g_return_val_if_fail (self->draft != NULL, FALSE);

  draft = G_OBJECT (self->draft);
  return heard_field_error_check_text (GTK_WIDGET (self->words_view), draft, "words",
                                       _("Their words")) &&
         heard_date_row_check (self->given_on_row) &&
         heard_field_error_check_text (GTK_WIDGET (self->given_time_row), draft, "given-time",
                                       NULL) &&
         heard_field_error_check_text (GTK_WIDGET (self->place_row), draft, "place", NULL) &&
         heard_field_error_check_text (GTK_WIDGET (self->present_row), draft, "present", NULL) &&
         heard_field_error_check_text (GTK_WIDGET (self->their_note_view), draft, "their-note",
                                       _("Their own note or disagreement")) &&
         heard_field_error_check_text (GTK_WIDGET (self->context_view), draft, "context",
                                       _("Your context and observations")) &&
         heard_field_error_check_text (GTK_WIDGET (self->content_note_row), draft,
                                       "content-note", NULL) &&
         check_ends_on (self);
}

GtkTextView *
heard_statement_form_get_words_view (HeardStatementForm *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_FORM (self), NULL);

  return self->words_view;
}

GtkTextView *
heard_statement_form_get_context_view (HeardStatementForm *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_FORM (self), NULL);

  return self->context_view;
}

HeardForThemRow *
heard_statement_form_get_context_for_them_row (HeardStatementForm *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_FORM (self), NULL);

  return self->context_for_them_row;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-sign-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-choice-row.h"
#include "heard-date-row.h"
#include "heard-directory-list.h"
#include "heard-field-error.h"
#include "heard-language-hint.h"
#include "heard-sign-editor.h"
#include "heard-widgets.h"

/*
 * Logging an early warning sign, or a strength, in a few seconds: the day
 * starts at today (or a month, a year, or "around" two days when the
 * reporter is not sure), the agency at the one last used for this young
 * person, and focus in the first field. A sign is a sign of harm or a
 * vulnerability, never both and never left unsaid. What was seen is the
 * reporter's words, checked for language like all staff writing. An entry
 * is never changed in place: amending adds a version with a reason, the
 * first kept (the statements' pattern).
 */

struct _HeardSignEditor
{
  HeardDialog           parent_instance;

  HeardCaseFile        *case_file;
  /* While Heard fills in choices and first values: no change of the user's,
   * so closing untouched asks nothing. */
  gboolean              filling;
  /* The entry amended, or NULL for a new one. */
  HeardChronologyEntry *current;
  gboolean              strength;

  AdwPreferencesGroup  *reason_group;
  GtkTextView          *reason_view;
  HeardDateRow         *day_row;
  GtkSwitch            *approximate_switch;
  HeardChoiceRow       *precision_row;
  HeardDateRow         *latest_row;
  HeardChoiceRow       *kind_row;
  AdwPreferencesGroup  *nature_group;
  GtkCheckButton       *harm_check;
  GtkCheckButton       *vulnerability_check;
  HeardChoiceRow       *agency_row;
  AdwEntryRow          *reporter_row;
  GtkTextView          *seen_view;
  HeardChoiceRow       *link_row;
};

G_DEFINE_FINAL_TYPE (HeardSignEditor, heard_sign_editor, HEARD_TYPE_DIALOG)

#define NO_LINK_ID "none"

/* How sure of the day, when not of the exact one, in the choice's order. */
static const struct
{
  HeardDatePrecision  precision;
  const char         *label;
} precisions[] = {
  { HEARD_DATE_PRECISION_MONTH, N_("Some time in that month") },
  { HEARD_DATE_PRECISION_YEAR, N_("Some time in that year") },
  { HEARD_DATE_PRECISION_AROUND, N_("Between that day and a later one") },
};

static char *
dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_text (GtkTextView *view,
          const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

/* Gives @row its options: @labels (taken) named by @ids. */
static void
set_options (HeardChoiceRow *row,
             GtkStringList  *labels,
             GStrvBuilder   *ids)
{
  g_auto(GStrv) id_list = g_strv_builder_end (ids);

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  heard_choice_row_set_ids (row, (const char *const *) id_list);
  g_object_unref (labels);
}

static HeardDatePrecision
chosen_precision (HeardSignEditor *self)
{
  guint chosen = adw_combo_row_get_selected (ADW_COMBO_ROW (self->precision_row));

  if (!gtk_switch_get_active (self->approximate_switch) || chosen >= G_N_ELEMENTS (precisions))
    return HEARD_DATE_PRECISION_DAY;

  return precisions[chosen].precision;
}

static void
show_precision (HeardSignEditor *self)
{
  gboolean approximate = gtk_switch_get_active (self->approximate_switch);
  HeardDatePrecision precision = chosen_precision (self);

  gtk_widget_set_visible (GTK_WIDGET (self->precision_row), approximate);
  gtk_widget_set_visible (GTK_WIDGET (self->latest_row),
                          precision == HEARD_DATE_PRECISION_AROUND);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->day_row),
                                 precision == HEARD_DATE_PRECISION_AROUND
                                 ? _("Earliest day it could be")
                                 : approximate ? _("Any day in it") : _("Day"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->day_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->day_row)),
                                  -1);
}

static void
changed_cb (HeardSignEditor *self)
{
  if (!self->filling)
    heard_dialog_set_changed (HEARD_DIALOG (self));
}

static void
precision_changed_cb (HeardSignEditor *self)
{
  show_precision (self);
  changed_cb (self);
}

/* The agencies to choose from: the directory's current entries, and the
 * one an amended entry names even once retired. The agency last used for
 * this young person comes first chosen. */
static void
fill_agencies (HeardSignEditor *self)
{
  HeardContext *context = heard_case_file_get_context (self->case_file);
  GListModel *agencies = heard_context_get_agencies (context);
  GListModel *chronology = heard_case_file_get_chronology (self->case_file);
  GtkStringList *labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autofree char *chosen = NULL;
  gint64 wanted = 0, newest = 0;

  if (self->current != NULL)
    wanted = heard_chronology_entry_get_agency_id (self->current);
  else
    for (guint i = 0; i < g_list_model_get_n_items (chronology); i++)
      {
        g_autoptr(HeardChronologyEntry) entry = g_list_model_get_item (chronology, i);

        if (heard_chronology_entry_get_id (entry) > newest)
          {
            newest = heard_chronology_entry_get_id (entry);
            wanted = heard_chronology_entry_get_agency_id (entry);
          }
      }

  for (guint i = 0; i < g_list_model_get_n_items (agencies); i++)
    {
      g_autoptr(HeardDirectoryAgency) agency = g_list_model_get_item (agencies, i);
      gint64 id = heard_directory_agency_get_id (agency);
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      if (heard_directory_agency_get_retired (agency) && id != wanted)
        continue;
      gtk_string_list_append (labels,
                              heard_directory_agency_get_text (agency,
                                                               HEARD_DIRECTORY_AGENCY_NAME));
      g_strv_builder_add (ids, text);
    }
  self->filling = TRUE;
  set_options (self->agency_row, labels, ids);
  chosen = g_strdup_printf ("%" G_GINT64_FORMAT, wanted);
  heard_choice_row_choose_id (self->agency_row, chosen);
  self->filling = FALSE;
}

static void
kinds_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HeardSignEditor) self = user_data;
  g_autoptr(GPtrArray) kinds = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  GtkStringList *labels;

  kinds = heard_case_file_read_finish (HEARD_CASE_FILE (object), result, &error);
  if (kinds == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        heard_dialog_show_error (HEARD_DIALOG (self), heard_describe_save_error (error));
      return;
    }

  labels = gtk_string_list_new (NULL);
  for (guint i = 0; i < kinds->len; i++)
    {
      HeardEntryKind *kind = g_ptr_array_index (kinds, i);

      if (kind->strength != self->strength)
        continue;
      gtk_string_list_append (labels, heard_entry_kind_label (kind->code, kind->label));
      g_strv_builder_add (ids, kind->code);
    }
  self->filling = TRUE;
  set_options (self->kind_row, labels, ids);
  if (self->current != NULL)
    heard_choice_row_choose_id (self->kind_row, heard_chronology_entry_get_kind (self->current));
  self->filling = FALSE;
  heard_dialog_apply_draft_under (HEARD_DIALOG (self), GTK_WIDGET (self->kind_row));
}

/* What an entry can be linked to: one of their statements or plan
 * actions, or nothing. */
static void
actions_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HeardSignEditor) self = user_data;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  GListModel *statements = heard_case_file_get_statements (self->case_file);
  GtkStringList *labels = gtk_string_list_new (NULL);
  g_autofree char *wanted = NULL;

  actions = heard_case_file_read_finish (HEARD_CASE_FILE (object), result, &error);
  if (actions == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_object_unref (labels);
      return;
    }

  gtk_string_list_append (labels, _("Nothing"));
  g_strv_builder_add (ids, NO_LINK_ID);
  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(HeardStatement) statement = g_list_model_get_item (statements, i);
      g_autofree char *day = heard_date_describe (heard_statement_get_text (statement,
                                                                          HEARD_STATEMENT_GIVEN_ON));
      /* TRANSLATORS: a statement, by the day it was given: "Their words of 3 May 2024" */
      g_autofree char *label = g_strdup_printf (_("Their words of %s"), day);
      g_autofree char *id = g_strdup_printf ("statement:%" G_GINT64_FORMAT,
                                             heard_statement_get_id (statement));

      gtk_string_list_append (labels, label);
      g_strv_builder_add (ids, id);
    }
  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      HeardPlanAction *action = g_ptr_array_index (actions, i);
      /* TRANSLATORS: a plan action: "Action: Meet the school nurse" */
      g_autofree char *label = g_strdup_printf (_("Action: %s"),
                                                heard_plan_action_get_text (action,
                                                                            HEARD_ACTION_WHAT));
      g_autofree char *id = g_strdup_printf ("action:%" G_GINT64_FORMAT,
                                             heard_plan_action_get_id (action));

      gtk_string_list_append (labels, label);
      g_strv_builder_add (ids, id);
    }
  self->filling = TRUE;
  set_options (self->link_row, labels, ids);

  if (self->current != NULL && heard_chronology_entry_get_statement_id (self->current) != 0)
    wanted = g_strdup_printf ("statement:%" G_GINT64_FORMAT,
                              heard_chronology_entry_get_statement_id (self->current));
  else if (self->current != NULL && heard_chronology_entry_get_action_id (self->current) != 0)
    wanted = g_strdup_printf ("action:%" G_GINT64_FORMAT,
                              heard_chronology_entry_get_action_id (self->current));
  if (wanted != NULL)
    heard_choice_row_choose_id (self->link_row, wanted);
  self->filling = FALSE;
  heard_dialog_apply_draft_under (HEARD_DIALOG (self), GTK_WIDGET (self->link_row));
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HeardSignEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error);
  heard_dialog_finish_saving (HEARD_DIALOG (self), error);
}

/* Says beside the first field that is not right what is wrong with it. */
static gboolean
check_fields (HeardSignEditor *self)
{
  g_autofree char *seen = dup_text (self->seen_view);
  g_autofree char *reason = dup_text (self->reason_view);
  GDate first, last;

  if (self->current != NULL && *g_strstrip (reason) == '\0')
    {
      heard_field_error_show (GTK_WIDGET (self->reason_view),
                              _("Say why it is being amended. The entry as it was is kept."));
      return FALSE;
    }
  if (!heard_date_row_check (self->day_row))
    return FALSE;
  if (chosen_precision (self) == HEARD_DATE_PRECISION_AROUND)
    {
      if (!heard_date_row_check (self->latest_row))
        return FALSE;
      heard_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->day_row)), &first, NULL);
      heard_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->latest_row)), &last, NULL);
      if (g_date_compare (&last, &first) < 0)
        {
          heard_field_error_show (GTK_WIDGET (self->latest_row),
                                  _("The latest day it could be comes after the earliest."));
          return FALSE;
        }
    }
  if (heard_choice_row_get_chosen_id (self->kind_row) == NULL)
    {
      heard_field_error_show (GTK_WIDGET (self->kind_row), _("Choose what kind it is."));
      return FALSE;
    }
  if (!self->strength && !gtk_check_button_get_active (self->harm_check) &&
      !gtk_check_button_get_active (self->vulnerability_check))
    {
      heard_field_error_show (GTK_WIDGET (self->harm_check),
                              _("Choose whether it is a sign of harm or a vulnerability. "
                                "The two are kept apart."));
      return FALSE;
    }
  if (heard_choice_row_get_chosen_id (self->agency_row) == NULL)
    {
      heard_field_error_show (GTK_WIDGET (self->agency_row),
                              _("Choose the agency that reported it. If it is not listed, "
                                "add it to the directory in Preferences first."));
      return FALSE;
    }
  if (*g_strstrip (seen) == '\0')
    {
      heard_field_error_show (GTK_WIDGET (self->seen_view),
                              _("Write what was seen, in the reporter’s words."));
      return FALSE;
    }

  return TRUE;
}

/* The entry as the fields say it. */
static HeardChronologyEntry *
read_entry (HeardSignEditor *self)
{
  HeardEntryNature nature = HEARD_ENTRY_STRENGTH;
  HeardDatePrecision precision = chosen_precision (self);
  const char *link = heard_choice_row_get_chosen_id (self->link_row);
  HeardChronologyEntry *entry;
  g_autofree char *seen = dup_text (self->seen_view);
  g_autofree char *reason = dup_text (self->reason_view);
  GDate first, last;

  if (!self->strength)
    nature = gtk_check_button_get_active (self->harm_check) ? HEARD_ENTRY_SIGN_OF_HARM
                                                             : HEARD_ENTRY_VULNERABILITY;
  if (self->current != NULL)
    {
      entry = heard_chronology_entry_copy (self->current);
      heard_chronology_entry_set_version (entry, heard_chronology_entry_get_version (entry) + 1);
      heard_chronology_entry_set_nature (entry, nature);
      heard_chronology_entry_set_kind (entry, heard_choice_row_get_chosen_id (self->kind_row));
      heard_chronology_entry_set_text (entry, HEARD_CHRONOLOGY_REASON, g_strstrip (reason));
    }
  else
    entry = heard_chronology_entry_new (heard_case_file_get_person_id (self->case_file), nature,
                                        heard_choice_row_get_chosen_id (self->kind_row));

  heard_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->day_row)), &first, NULL);
  last = first;
  if (precision == HEARD_DATE_PRECISION_AROUND)
    heard_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->latest_row)), &last, NULL);
  heard_chronology_entry_set_when (entry, precision, &first, &last);
  heard_chronology_entry_set_agency_id (entry,
    g_ascii_strtoll (heard_choice_row_get_chosen_id (self->agency_row), NULL, 10));
  heard_chronology_entry_set_text (entry, HEARD_CHRONOLOGY_REPORTER,
                                   gtk_editable_get_text (GTK_EDITABLE (self->reporter_row)));
  heard_chronology_entry_set_text (entry, HEARD_CHRONOLOGY_SEEN, seen);
  heard_chronology_entry_set_statement_id (entry, 0);
  heard_chronology_entry_set_action_id (entry, 0);
  if (link != NULL && g_str_has_prefix (link, "statement:"))
    heard_chronology_entry_set_statement_id (entry,
                                             g_ascii_strtoll (link + strlen ("statement:"),
                                                              NULL, 10));
  else if (link != NULL && g_str_has_prefix (link, "action:"))
    heard_chronology_entry_set_action_id (entry,
                                          g_ascii_strtoll (link + strlen ("action:"), NULL, 10));

  return entry;
}

static void
heard_sign_editor_save (HeardDialog *dialog)
{
  HeardSignEditor *self = HEARD_SIGN_EDITOR (dialog);
  g_autoptr(HeardChronologyEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  if (!check_fields (self))
    {
      heard_dialog_resume_saving (dialog);
      return;
    }

  entry = read_entry (self);
  if (!heard_chronology_entry_validate (entry, &error))
    {
      heard_dialog_finish_saving (dialog, error);
      return;
    }

  if (self->current != NULL)
    heard_case_file_amend_chronology_entry_async (self->case_file, entry,
                                                  heard_dialog_get_cancellable (dialog),
                                                  written_cb, g_object_ref (self));
  else
    heard_case_file_record_chronology_entry_async (self->case_file, entry,
                                                   heard_dialog_get_cancellable (dialog),
                                                   written_cb, g_object_ref (self));
}

static void
heard_sign_editor_dispose (GObject *object)
{
  HeardSignEditor *self = HEARD_SIGN_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_SIGN_EDITOR);
  g_clear_object (&self->current);
  g_clear_object (&self->case_file);

  G_OBJECT_CLASS (heard_sign_editor_parent_class)->dispose (object);
}

static void
heard_sign_editor_class_init (HeardSignEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeardDialogClass *dialog_class = HEARD_DIALOG_CLASS (klass);

  object_class->dispose = heard_sign_editor_dispose;
  dialog_class->save = heard_sign_editor_save;

  g_type_ensure (HEARD_TYPE_CHOICE_ROW);
  g_type_ensure (HEARD_TYPE_DATE_ROW);
  g_type_ensure (HEARD_TYPE_LANGUAGE_HINT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-sign-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardSignEditor, reason_group);
  gtk_widget_class_bind_template_child (widget_class, HeardSignEditor, reason_view);
  gtk_widget_class_bind_template_child (widget_class, HeardSignEditor, day_row);
  gtk_widget_class_bind_template_child (widget_class, HeardSignEditor, approximate_switch);
  gtk_widget_class_bind_template_child (widget_class, HeardSignEditor, precision_row);
  gtk_widget_class_bind_template_child (widget_class, HeardSignEditor, latest_row);
  gtk_widget_class_bind_template_child (widget_class, HeardSignEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, HeardSignEditor, nature_group);
  gtk_widget_class_bind_template_child (widget_class, HeardSignEditor, harm_check);
  gtk_widget_class_bind_template_child (widget_class, HeardSignEditor, vulnerability_check);
  gtk_widget_class_bind_template_child (widget_class, HeardSignEditor, agency_row);
  gtk_widget_class_bind_template_child (widget_class, HeardSignEditor, reporter_row);
  gtk_widget_class_bind_template_child (widget_class, HeardSignEditor, seen_view);
  gtk_widget_class_bind_template_child (widget_class, HeardSignEditor, link_row);
}

static void
heard_sign_editor_init (HeardSignEditor *self)
{
  GtkStringList *labels;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  labels = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (precisions); i++)
    {
      gtk_string_list_append (labels, _(precisions[i].label));
      g_strv_builder_add (ids, heard_date_precision_to_code (precisions[i].precision));
    }
  set_options (self->precision_row, labels, ids);

  heard_accessibility_name_entry_rows (GTK_WIDGET (self));
  g_signal_connect_object (self->approximate_switch, "notify::active",
                           G_CALLBACK (precision_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->precision_row, "notify::selected",
                           G_CALLBACK (precision_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->agency_row, "notify::selected", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->link_row, "notify::selected", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->harm_check, "toggled", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->vulnerability_check, "toggled", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->day_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->latest_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reporter_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->seen_view), "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->reason_view), "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
}

static HeardSignEditor *
create (GtkWindow            *parent,
        HeardCaseFile        *case_file,
        HeardChronologyEntry *current,
        gboolean              strength)
{
  HeardSignEditor *self;
  const char *heading;

  if (current != NULL)
    heading = strength ? _("Amend a Strength") : _("Amend a Warning Sign");
  else
    heading = strength ? _("Log a Strength") : _("Log a Warning Sign");

  self = g_object_new (HEARD_TYPE_SIGN_EDITOR, "transient-for", parent, "heading", heading,
                       "save-label", current != NULL ? _("_Save Amendment") : _("_Log"),
                       NULL);
  self->case_file = g_object_ref (case_file);
  self->current = current != NULL ? g_object_ref (current) : NULL;
  self->strength = strength;

  gtk_widget_set_visible (GTK_WIDGET (self->nature_group), !strength);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_group), current != NULL);
  fill_agencies (self);
  heard_case_file_list_chronology_kinds_async (case_file, heard_dialog_get_cancellable (HEARD_DIALOG (self)),
                                               kinds_read_cb, g_object_ref (self));
  heard_case_file_list_linkable_actions_async (case_file,
                                               heard_dialog_get_cancellable (HEARD_DIALOG (self)),
                                               actions_read_cb, g_object_ref (self));

  heard_dialog_keep_drafts (HEARD_DIALOG (self), heard_case_file_get_context (case_file),
                            HEARD_DRAFT_CHRONOLOGY_ENTRY,
                            heard_case_file_get_person_id (case_file),
                            current != NULL ? heard_chronology_entry_get_id (current) : 0,
                            strength ? 1 : 0);
  return self;
}

HeardSignEditor *
heard_sign_editor_new (GtkWindow     *parent,
                       HeardCaseFile *case_file,
                       gboolean       strength)
{
  HeardSignEditor *self;
  g_autofree char *today = NULL;
  GDate day;

  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);

  self = create (parent, case_file, NULL, strength);
  heard_date_today (&day);
  today = heard_date_to_iso (&day);
  self->filling = TRUE;
  heard_date_row_set_stored (self->day_row, today);
  heard_date_row_set_stored (self->latest_row, today);
  self->filling = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->day_row));

  return self;
}

HeardSignEditor *
heard_sign_editor_new_amendment (GtkWindow            *parent,
                                 HeardCaseFile        *case_file,
                                 HeardChronologyEntry *current)
{
  HeardSignEditor *self;
  HeardEntryNature nature;

  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);
  g_return_val_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (current), NULL);

  nature = heard_chronology_entry_get_nature (current);
  self = create (parent, case_file, current, nature == HEARD_ENTRY_STRENGTH);
  self->filling = TRUE;
  heard_date_row_set_stored (self->day_row, heard_chronology_entry_get_earliest_day (current));
  heard_date_row_set_stored (self->latest_row, heard_chronology_entry_get_latest_day (current));
  if (heard_chronology_entry_is_approximate (current))
    {
      for (guint i = 0; i < G_N_ELEMENTS (precisions); i++)
        if (precisions[i].precision == heard_chronology_entry_get_precision (current))
          adw_combo_row_set_selected (ADW_COMBO_ROW (self->precision_row), i);
      gtk_switch_set_active (self->approximate_switch, TRUE);
    }
  gtk_check_button_set_active (nature == HEARD_ENTRY_VULNERABILITY ? self->vulnerability_check
                                                                   : self->harm_check,
                               nature != HEARD_ENTRY_STRENGTH);
  gtk_editable_set_text (GTK_EDITABLE (self->reporter_row),
                         heard_chronology_entry_get_text (current, HEARD_CHRONOLOGY_REPORTER));
  set_text (self->seen_view, heard_chronology_entry_get_text (current, HEARD_CHRONOLOGY_SEEN));
  self->filling = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->reason_view));

  return self;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-record-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-date.h"
#include "heard-field-error.h"
#include "heard-record-export-dialog.h"
#include "heard-widgets.h"

/*
 * "Export My Record…" and "Subject Access Export…": the young person's own
 * record for them to keep, or everything held about them for a subject
 * access request, as a PDF. Staff first list the names of other people to
 * remove (whoever was present, anyone named in the words); then where the
 * PDF goes. What the case file shows now and who has seen their story
 * (read off the main thread) are made into the document; the export is
 * noted in the audit trail, and only then is the PDF written, whole or not
 * at all, in a worker thread. For subject access, staff may withhold
 * items under an exemption, each with its reason and who decided; the
 * decisions are kept with the export's audit entry before the PDF is
 * written, as heard-cli export subject-access --withhold does.
 */

struct _HeardRecordExportDialog
{
  HeardDialog              parent_instance;

  HeardCaseFile           *case_file;
  HeardRecordDocumentKind  kind;
  GtkStringList           *names;
  GtkFileChooserNative    *chooser;
  GtkWindow               *chooser_window;

  /* Withholdable: every item that can be withheld, for subject access. */
  GPtrArray               *withholdable;
  /* HeardWithholding: the decisions of the export on its way. */
  GPtrArray               *withholdings;

  AdwEntryRow             *name_row;
  GtkListBox              *names_list;
  AdwPreferencesGroup     *withhold_group;
  AdwEntryRow             *decided_by_row;
  GtkListBox              *withhold_list;
};

/* One item that can be withheld, and the controls of its decision. */
typedef struct
{
  HeardWithheldKind  what;
  gint64             record_id;
  GObject           *record;
  AdwExpanderRow    *row;
  GtkSwitch         *withhold;
  AdwComboRow       *exemption;
  AdwEntryRow       *reason;
} Withholdable;

G_DEFINE_FINAL_TYPE (HeardRecordExportDialog, heard_record_export_dialog, HEARD_TYPE_DIALOG)

static void
withholdable_free (Withholdable *item)
{
  g_object_unref (item->record);
  g_free (item);
}

/* One export on its way: the dialog, where it goes, and what it is once made. */
typedef struct
{
  HeardRecordExportDialog *self;
  GFile                   *file;
  HeardPlanDocument       *document;
} Exporting;

static void
exporting_free (Exporting *exporting)
{
  g_object_unref (exporting->self);
  g_object_unref (exporting->file);
  g_clear_object (&exporting->document);
  g_free (exporting);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Exporting, exporting_free)

/* The name of the row the button is on goes: rows are the names, in order. */
static void
remove_name_cb (GtkButton               *button,
                HeardRecordExportDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_string_list_remove (self->names,
                          (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

static GtkWidget *
create_name_row (gpointer item,
                 gpointer user_data)
{
  HeardRecordExportDialog *self = user_data;
  const char *name = gtk_string_object_get_string (GTK_STRING_OBJECT (item));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  g_autofree char *label = g_strdup_printf (_("Keep “%s”"), name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_name_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
add_name_cb (HeardRecordExportDialog *self)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));

  if (*g_strstrip (name) != '\0')
    gtk_string_list_append (self->names, name);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
}

/* How @words start, on one line, for staff to tell items apart. */
static char *
dup_start (const char *words)
{
  g_autofree char *start = g_utf8_substring (words, 0, MIN (g_utf8_strlen (words, -1), 60));

  g_strdelimit (start, "\n\r\t", ' ');
  /* TRANSLATORS: the start of someone's words, quoted */
  return g_strdup_printf (_("“%s%s”"), start, g_utf8_strlen (words, -1) > 60 ? "…" : "");
}

/* A row for @record, of kind @what and id @record_id, named as the
 * export's cover will name it, then @about (may be NULL) so staff tell
 * items of a day apart: "Withhold", then the exemption and the reason,
 * asked only once it is withheld. */
static void
add_withholdable (HeardRecordExportDialog *self,
                  HeardWithheldKind        what,
                  gint64                   record_id,
                  gpointer                 record,
                  const char              *about)
{
  Withholdable *item = g_new0 (Withholdable, 1);
  g_autofree char *cover_name = heard_withholding_name_item (what, record_id, record);
  /* TRANSLATORS: a withheld item's name, then how its words start */
  g_autofree char *name = about != NULL ? g_strdup_printf (_("%s: %s"), cover_name, about)
                                        : g_strdup (cover_name);
  g_autofree char *withhold_label = g_strdup_printf (_("Withhold %s"), name);
  g_autofree char *exemption_label = g_strdup_printf (_("Exemption for %s"), name);
  g_autofree char *reason_label = g_strdup_printf (_("Reason for withholding %s"), name);
  g_autoptr(GtkStringList) exemptions = gtk_string_list_new (NULL);
  GtkWidget *withhold_row = adw_action_row_new ();

  item->what = what;
  item->record_id = record_id;
  item->record = g_object_ref (record);
  item->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (item->row), FALSE);

  item->withhold = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (item->withhold), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (item->withhold),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, withhold_label, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (withhold_row), _("Withhold"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (withhold_row), GTK_WIDGET (item->withhold));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (withhold_row),
                                         GTK_WIDGET (item->withhold));
  adw_expander_row_add_row (item->row, withhold_row);

  /* Nothing chosen for them: staff choose why, each time. */
  gtk_string_list_append (exemptions, _("Choose why"));
  for (int exemption = 0; exemption < HEARD_EXEMPTION_N_KINDS; exemption++)
    gtk_string_list_append (exemptions, heard_exemption_label (exemption));
  item->exemption = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->exemption), _("Exemption"));
  adw_combo_row_set_model (item->exemption, G_LIST_MODEL (exemptions));
  gtk_accessible_update_property (GTK_ACCESSIBLE (item->exemption),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, exemption_label, -1);
  adw_expander_row_add_row (item->row, GTK_WIDGET (item->exemption));

  item->reason = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->reason), _("Reason"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (item->reason),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, reason_label, -1);
  adw_expander_row_add_row (item->row, GTK_WIDGET (item->reason));

  g_object_bind_property (item->withhold, "active", item->exemption, "sensitive",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (item->withhold, "active", item->reason, "sensitive",
                          G_BINDING_SYNC_CREATE);
  gtk_list_box_append (self->withhold_list, GTK_WIDGET (item->row));
  g_ptr_array_add (self->withholdable, item);
}

/* Everything held about them that can be withheld, as the case file
 * shows it now. */
static void
list_withholdable (HeardRecordExportDialog *self)
{
  GListModel *statements = heard_case_file_get_statements (self->case_file);
  GListModel *plans = heard_case_file_get_plans (self->case_file);
  GListModel *check_ins = heard_case_file_get_check_ins (self->case_file);
  GListModel *chronology = heard_case_file_get_chronology (self->case_file);
  GListModel *sharing = heard_case_file_get_sharing_log (self->case_file);

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(HeardStatement) statement = g_list_model_get_item (statements, i);
      GPtrArray *responses = heard_statement_get_responses (statement);
      /* Which one it is: a sensitive one by its content note, never its words. */
      g_autofree char *about = dup_start (heard_statement_get_sensitive (statement)
                                          ? heard_statement_get_content_note (statement)
                                          : heard_statement_get_words (statement));

      add_withholdable (self, HEARD_WITHHELD_STATEMENT, heard_statement_get_id (statement),
                        statement, about);
      for (guint r = 0; responses != NULL && r < responses->len; r++)
        {
          HeardStatementResponse *response = g_ptr_array_index (responses, r);
          g_autofree char *answer = dup_start (heard_statement_response_get_what_we_did (
                                                 response));

          add_withholdable (self, HEARD_WITHHELD_ANSWER, heard_statement_response_get_id (response),
                            response, answer);
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(HeardPlan) plan = g_list_model_get_item (plans, i);

      add_withholdable (self, HEARD_WITHHELD_PLAN, heard_plan_get_id (plan), plan, NULL);
    }
  for (guint i = 0; i < g_list_model_get_n_items (check_ins); i++)
    {
      g_autoptr(HeardCheckIn) check_in = g_list_model_get_item (check_ins, i);

      add_withholdable (self, HEARD_WITHHELD_CHECK_IN, heard_check_in_get_id (check_in),
                        check_in, NULL);
    }
  for (guint i = 0; i < g_list_model_get_n_items (chronology); i++)
    {
      g_autoptr(HeardChronologyEntry) entry = g_list_model_get_item (chronology, i);

      add_withholdable (self, HEARD_WITHHELD_CHRONOLOGY, heard_chronology_entry_get_id (entry),
                        entry, NULL);
    }
  for (guint i = 0; i < g_list_model_get_n_items (sharing); i++)
    {
      g_autoptr(HeardSharingEntry) entry = g_list_model_get_item (sharing, i);

      add_withholdable (self, HEARD_WITHHELD_SHARING, heard_sharing_entry_get_id (entry),
                        entry, NULL);
    }
}

/* The decisions asked for, each with its reason and who decided; FALSE,
 * said beside the field, when one is missing. */
static gboolean
collect_withholdings (HeardRecordExportDialog *self)
{
  g_autoptr(GPtrArray) withholdings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *decided_by = NULL;

  decided_by = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->decided_by_row))));
  for (guint i = 0; i < self->withholdable->len; i++)
    {
      Withholdable *item = g_ptr_array_index (self->withholdable, i);
      g_autofree char *reason = NULL;
      g_autoptr(HeardWithholding) withholding = NULL;
      g_autoptr(GError) error = NULL;

      if (!gtk_switch_get_active (item->withhold))
        continue;
      if (adw_combo_row_get_selected (item->exemption) == 0)
        {
          adw_expander_row_set_expanded (item->row, TRUE);
          heard_field_error_show (GTK_WIDGET (item->exemption),
                                  _("Choose why this is withheld."));
          return FALSE;
        }
      reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (item->reason))));
      if (*reason == '\0')
        {
          adw_expander_row_set_expanded (item->row, TRUE);
          heard_field_error_show (GTK_WIDGET (item->reason),
                                  _("Give the reason this is withheld."));
          return FALSE;
        }
      if (*decided_by == '\0')
        {
          heard_field_error_show (GTK_WIDGET (self->decided_by_row),
                                  _("Say who decided to withhold."));
          return FALSE;
        }
      /* The first choice is "Choose why". */
      withholding = heard_withholding_new_for_record (item->what, item->record_id, item->record,
                                                      adw_combo_row_get_selected (item->exemption)
                                                      - 1, reason, decided_by);
      if (!heard_withholding_check (withholding, &error))
        {
          heard_field_error_show (GTK_WIDGET (item->reason), error->message);
          return FALSE;
        }
      g_ptr_array_add (withholdings, g_steal_pointer (&withholding));
    }
  g_clear_pointer (&self->withholdings, g_ptr_array_unref);
  self->withholdings = g_steal_pointer (&withholdings);
  return TRUE;
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Exporting) exporting = user_data;
  g_autoptr(GError) error = NULL;

  heard_plan_document_write_pdf_finish (HEARD_PLAN_DOCUMENT (object), result, &error);
  heard_dialog_finish_saving (HEARD_DIALOG (exporting->self), error);
}

/* The decisions to withhold are kept (or there were none): the PDF goes. */
static void
withheld_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Exporting) exporting = user_data;
  g_autoptr(GError) error = NULL;
  HeardPlanDocument *document = exporting->document;
  GFile *file = exporting->file;
  GCancellable *cancellable = heard_dialog_get_cancellable (HEARD_DIALOG (exporting->self));

  if (result != NULL &&
      heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error) == 0)
    {
      heard_dialog_finish_saving (HEARD_DIALOG (exporting->self), error);
      return;
    }
  heard_plan_document_write_pdf_async (document, file, NULL, NULL, cancellable, written_cb,
                                       g_steal_pointer (&exporting));
}

/* The export is noted: the decisions to withhold go with its entry. */
static void
noted_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Exporting) exporting = user_data;
  g_autoptr(GError) error = NULL;
  HeardRecordExportDialog *self = exporting->self;
  gint64 audit_id = heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error);

  if (audit_id == 0)
    {
      heard_dialog_finish_saving (HEARD_DIALOG (self), error);
      return;
    }
  if (self->withholdings == NULL || self->withholdings->len == 0)
    {
      withheld_cb (object, NULL, g_steal_pointer (&exporting));
      return;
    }
  heard_case_file_record_withholdings_async (self->case_file, audit_id, self->withholdings,
                                             heard_dialog_get_cancellable (HEARD_DIALOG (self)),
                                             withheld_cb, g_steal_pointer (&exporting));
}

/* What the export holds, as the audit trail keeps it: for the young
 * person, their newest plan, every statement and check-in. */
static HeardExportNote *
make_note (HeardRecordExportDialog *self)
{
  GListModel *plans = heard_case_file_get_plans (self->case_file);
  GListModel *statements = heard_case_file_get_statements (self->case_file);
  HeardExportNote *note = heard_export_note_new (self->kind == HEARD_RECORD_DOCUMENT_MINE
                                                 ? HEARD_EXPORT_MY_RECORD
                                                 : HEARD_EXPORT_SUBJECT_ACCESS,
                                                 "young-person");

  if (g_list_model_get_n_items (plans) > 0)
    {
      g_autoptr(HeardPlan) newest = g_list_model_get_item (plans, 0);

      note->plan_id = heard_plan_get_id (newest);
      note->plan_version = heard_plan_get_version (newest);
    }
  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(HeardStatement) statement = g_list_model_get_item (statements, i);

      heard_export_note_add_statement (note, heard_statement_get_id (statement),
                                       heard_statement_get_version (statement));
    }
  note->n_check_ins = g_list_model_get_n_items (heard_case_file_get_check_ins (self->case_file));
  note->names = HEARD_EXPORT_YES;
  note->words = HEARD_EXPORT_YES;
  return note;
}

static void
story_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Exporting) exporting = user_data;
  HeardRecordExportDialog *self = exporting->self;
  HeardContext *context = heard_case_file_get_context (self->case_file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) story = heard_case_file_list_story_finish (self->case_file, result,
                                                                   &error);
  g_autoptr(HeardExportNote) note = NULL;
  g_autoptr(GPtrArray) redact = g_ptr_array_new ();
  g_autofree char *today = NULL;
  GDate day;

  if (story == NULL)
    {
      heard_dialog_finish_saving (HEARD_DIALOG (self), error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->names)); i++)
    g_ptr_array_add (redact, (gpointer) gtk_string_list_get_string (self->names, i));
  g_ptr_array_add (redact, NULL);
  heard_date_today (&day);
  today = heard_date_to_iso (&day);
  exporting->document = heard_plan_document_new_record (&(HeardRecordDocumentContent) {
    .kind = self->kind,
    .person = heard_case_file_get_person (self->case_file),
    .plans = heard_case_file_get_plans (self->case_file),
    .statements = heard_case_file_get_statements (self->case_file),
    .check_ins = heard_case_file_get_check_ins (self->case_file),
    .own_words = heard_case_file_get_own_words (self->case_file),
    .plan_says = heard_case_file_get_plan_says (self->case_file),
    .for_them_marks = heard_case_file_get_for_them_marks (self->case_file),
    .story = story,
    .chronology = self->kind == HEARD_RECORD_DOCUMENT_SUBJECT_ACCESS
                  ? heard_case_file_get_chronology (self->case_file) : NULL,
    .staff = heard_context_get_staff (context),
    .agencies = heard_context_get_agencies (context),
    .withholdings = self->withholdings,
    .redact = (const char *const *) redact->pdata,
    .printed_on = today,
    .practice = heard_context_get_practice (context),
  });

  /* Noted before it leaves, as every export. */
  note = make_note (self);
  heard_case_file_note_export_async (self->case_file, note,
                                     heard_dialog_get_cancellable (HEARD_DIALOG (self)), noted_cb,
                                     g_steal_pointer (&exporting));
}

static void
chooser_response_cb (HeardRecordExportDialog *self,
                     int                      response)
{
  g_autoptr(GFile) file = heard_save_chooser_take_file (&self->chooser, &self->chooser_window,
                                                       response);
  Exporting *exporting;

  if (file == NULL)
    {
      heard_dialog_resume_saving (HEARD_DIALOG (self));
      return;
    }

  exporting = g_new0 (Exporting, 1);
  exporting->self = g_object_ref (self);
  exporting->file = g_steal_pointer (&file);
  heard_case_file_list_story_async (self->case_file,
                                    heard_dialog_get_cancellable (HEARD_DIALOG (self)),
                                    story_cb, exporting);
}

static void
heard_record_export_dialog_save (HeardDialog *dialog)
{
  HeardRecordExportDialog *self = HEARD_RECORD_EXPORT_DIALOG (dialog);
  g_autofree char *today = NULL;
  g_autofree char *name = NULL;
  GDate day;

  if (!collect_withholdings (self))
    {
      heard_dialog_resume_saving (dialog);
      return;
    }
  /* A name typed but not yet added is meant to go too. */
  add_name_cb (self);
  heard_date_today (&day);
  today = heard_date_to_iso (&day);
  name = heard_plan_document_suggest_record_file_name (self->kind, today);
  heard_save_chooser_show (GTK_WINDOW (self),
                           self->kind == HEARD_RECORD_DOCUMENT_MINE ? _("Export My Record")
                                                                    : _("Subject Access Export"),
                           _("PDF documents"), "application/pdf", "pdf", name,
                           G_CALLBACK (chooser_response_cb), &self->chooser,
                           &self->chooser_window);
}

static void
heard_record_export_dialog_dispose (GObject *object)
{
  HeardRecordExportDialog *self = HEARD_RECORD_EXPORT_DIALOG (object);

  g_clear_object (&self->chooser);
  g_clear_pointer (&self->chooser_window, gtk_window_destroy);
  g_clear_object (&self->case_file);
  g_clear_object (&self->names);
  g_clear_pointer (&self->withholdable, g_ptr_array_unref);
  g_clear_pointer (&self->withholdings, g_ptr_array_unref);

  G_OBJECT_CLASS (heard_record_export_dialog_parent_class)->dispose (object);
}

static void
heard_record_export_dialog_class_init (HeardRecordExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeardDialogClass *dialog_class = HEARD_DIALOG_CLASS (klass);

  object_class->dispose = heard_record_export_dialog_dispose;
  dialog_class->save = heard_record_export_dialog_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX
                                               "/ui/heard-record-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardRecordExportDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, HeardRecordExportDialog, names_list);
  gtk_widget_class_bind_template_child (widget_class, HeardRecordExportDialog, withhold_group);
  gtk_widget_class_bind_template_child (widget_class, HeardRecordExportDialog, decided_by_row);
  gtk_widget_class_bind_template_child (widget_class, HeardRecordExportDialog, withhold_list);
  gtk_widget_class_bind_template_callback (widget_class, add_name_cb);
}

static void
heard_record_export_dialog_init (HeardRecordExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->names = gtk_string_list_new (NULL);
  self->withholdable = g_ptr_array_new_with_free_func ((GDestroyNotify) withholdable_free);
  gtk_list_box_bind_model (self->names_list, G_LIST_MODEL (self->names), create_name_row, self,
                           NULL);
}

HeardRecordExportDialog *
heard_record_export_dialog_new (GtkWindow               *parent,
                                HeardCaseFile           *case_file,
                                HeardRecordDocumentKind  kind)
{
  HeardRecordExportDialog *self;
  gboolean mine = kind == HEARD_RECORD_DOCUMENT_MINE;

  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);

  self = g_object_new (HEARD_TYPE_RECORD_EXPORT_DIALOG, "transient-for", parent,
                       "heading", mine ? _("Export My Record") : _("Subject Access Export"),
                       "save-label", _("_Export…"), NULL);
  self->case_file = g_object_ref (case_file);
  self->kind = kind;
  if (!mine)
    {
      list_withholdable (self);
      gtk_widget_set_visible (GTK_WIDGET (self->withhold_group), TRUE);
    }
  heard_accessibility_name_mnemonics (GTK_WIDGET (self));
  heard_accessibility_name_entry_rows (GTK_WIDGET (self));
  return self;
}

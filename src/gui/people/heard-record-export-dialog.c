/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-record-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-date.h"
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
 * at all, in a worker thread. Decisions to withhold items are made with
 * heard-cli export subject-access (--withhold), which records each.
 */

struct _HeardRecordExportDialog
{
  HeardDialog              parent_instance;

  HeardCaseFile           *case_file;
  HeardRecordDocumentKind  kind;
  GtkStringList           *names;
  GtkFileChooserNative    *chooser;
  GtkWindow               *chooser_window;

  AdwEntryRow             *name_row;
  GtkListBox              *names_list;
};

G_DEFINE_FINAL_TYPE (HeardRecordExportDialog, heard_record_export_dialog, HEARD_TYPE_DIALOG)

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

static void
noted_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Exporting) exporting = user_data;
  g_autoptr(GError) error = NULL;
  HeardPlanDocument *document = exporting->document;
  GFile *file = exporting->file;
  GCancellable *cancellable = heard_dialog_get_cancellable (HEARD_DIALOG (exporting->self));

  if (heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error) == 0)
    {
      heard_dialog_finish_saving (HEARD_DIALOG (exporting->self), error);
      return;
    }
  heard_plan_document_write_pdf_async (document, file, NULL, NULL, cancellable, written_cb,
                                       g_steal_pointer (&exporting));
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
  gtk_widget_class_bind_template_callback (widget_class, add_name_cb);
}

static void
heard_record_export_dialog_init (HeardRecordExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->names = gtk_string_list_new (NULL);
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
  heard_accessibility_name_mnemonics (GTK_WIDGET (self));
  heard_accessibility_name_entry_rows (GTK_WIDGET (self));
  return self;
}

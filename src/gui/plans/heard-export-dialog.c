/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-agency-picker.h"
#include "heard-check-in.h"
#include "heard-date.h"
#include "heard-export-dialog-private.h"
#include "heard-plan-document.h"
#include "heard-recipient.h"
#include "heard-sharing-editor.h"
#include "heard-widgets.h"
#include "heard-window-private.h"

/*
 * The support plan leaving Heard, as a PDF or on paper: who it is for (an
 * agency, a review meeting with the agencies attending, or the young
 * person), and which of their words go in. Only words whose sharing
 * consent covers that recipient are offered, sensitive ones by their
 * content note alone and unticked; the dialog says how many were left out
 * and why. Nobody is chosen for the user: it opens with no recipient.
 * What they said at check-ins (asked without any consent to share) goes
 * in by default only for the young person themself. The PDF is written
 * in a worker thread with its progress shown and a way to stop it; a
 * lock or a quick hide stops it too, and leaves no file. Every export and
 * print is noted in the audit trail with who it was for and what went
 * in, before it leaves: an entry too many, never one too few.
 */

struct _HeardExportDialog
{
  HeardDialog            parent_instance;

  HeardCaseFile         *case_file;
  gint64                 plan_id;
  /* What the main button does; the other button does the other. */
  HeardExportKind        kind;
  /* The statements offered for the recipient now (HeardStatement). */
  GListStore            *offered;
  /* Statement id → whether it goes in, once the dialog has offered it. */
  GHashTable            *ticked;
  /* The agencies that may attend a meeting, from the directory
   * (HeardDirectoryAgency), and those ticked, by choice id. */
  GListStore            *attending_choices;
  GHashTable            *attending;

  /* While a PDF is written: stops it. */
  GCancellable          *exporting;
  GtkFileChooserNative  *chooser;
  /* The chooser's own window, when it has one (no portal): see
   * heard_file_chooser_dup_window(). */
  GtkWindow             *chooser_window;
  /* While a print is noted, before it runs: stops it. */
  GCancellable          *print_noting;
  /* While printing: the operation, and what it draws. */
  GtkPrintOperation     *printing;
  HeardPlanDocument     *print_document;
  /* The audit entry of the last export noted, which the sharing log
   * entry offered after it completes. */
  gint64                 noted_audit_id;
  /* Gone: a callback finishing later touches nothing. */
  gboolean               gone;
  /* The user set the check-in words switch: a new recipient keeps it. */
  gboolean               words_touched;
  /* The dialog sets the switch itself (not the user's touch). */
  gboolean               setting_words;

  GtkCheckButton        *agency_check;
  HeardAgencyPicker     *agency_row;
  GtkCheckButton        *meeting_check;
  GtkCheckButton        *young_person_check;
  AdwPreferencesGroup   *recipient_group;
  AdwPreferencesGroup   *meeting_group;
  GtkListBox            *attending_list;
  AdwPreferencesGroup   *statements_group;
  GtkListBox            *statements_list;
  AdwPreferencesGroup   *progress_group;
  GtkProgressBar        *progress_bar;
  GtkWidget             *cancel_export_button;
  GtkWidget             *print_button;
  GtkSwitch             *words_switch;
};

G_DEFINE_FINAL_TYPE (HeardExportDialog, heard_export_dialog, HEARD_TYPE_DIALOG)

/* How much of a statement's words its row shows, at most. */
#define ROW_WORDS_CHARS 300

/* A PDF being written: what and where. */
typedef struct
{
  HeardExportDialog *self;
  HeardPlanDocument *document;
  GFile             *file;
} Exporting;

static void
exporting_free (Exporting *exporting)
{
  g_object_unref (exporting->self);
  g_object_unref (exporting->document);
  g_object_unref (exporting->file);
  g_free (exporting);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Exporting, exporting_free)

/* A print being noted: how it runs once the note is in. */
typedef struct
{
  HeardExportDialog       *self;
  GtkPrintOperationAction  action;
  char                    *export_path;
} PrintStart;

static void
print_start_free (PrintStart *start)
{
  g_object_unref (start->self);
  g_free (start->export_path);
  g_free (start);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrintStart, print_start_free)

/* A statement's tick, told to the dialog by id. */
typedef struct
{
  HeardExportDialog *self;
  gint64             id;
} Tick;

static void recipient_changed_cb (HeardExportDialog *self);
static void refresh              (HeardExportDialog *self);
static void attending_toggled_cb (GtkCheckButton    *check,
                                  HeardExportDialog *self);
static void start_print (HeardExportDialog       *self,
                         GtkPrintOperationAction  action,
                         const char              *export_path);

/* One agency that may attend a meeting: a tick, its name and its type. */
static GtkWidget *
create_attending_row (gpointer item,
                      gpointer user_data)
{
  HeardExportDialog *self = user_data;
  HeardDirectoryAgency *choice = item;
  g_autofree char *id = heard_agency_choice_dup_id (choice);
  const char *title = heard_agency_choice_get_title (choice);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               heard_directory_agency_get_id (choice) != 0
                               ? heard_agency_type_label (
                                   heard_directory_agency_get_agency_type (choice))
                               : _("Not in the agencies directory"));
  gtk_widget_set_name (check, id);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               g_hash_table_contains (self->attending, id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  g_signal_connect_object (check, "toggled", G_CALLBACK (attending_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  return row;
}

/* The agencies that may attend, as the directory has them now; a tick
 * stays with its agency, and goes with it when it is retired. */
static void
fill_attending (HeardExportDialog *self)
{
  GListModel *directory = heard_context_get_agencies (heard_case_file_get_context (
                                                        self->case_file));
  g_autoptr(GPtrArray) choices = heard_agency_choices (directory);
  g_autoptr(GHashTable) offered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer id;

  for (guint i = 0; i < choices->len; i++)
    g_hash_table_add (offered, heard_agency_choice_dup_id (choices->pdata[i]));
  g_hash_table_iter_init (&iter, self->attending);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_hash_table_contains (offered, id))
      g_hash_table_iter_remove (&iter);

  g_list_store_splice (self->attending_choices, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->attending_choices)),
                       choices->pdata, choices->len);
  refresh (self);
}

/* Who the plan is for as chosen now; NULL for a meeting no agency attends. */
static HeardRecipient *
dup_recipient (HeardExportDialog *self)
{
  g_autoptr(GArray) attending = g_array_new (FALSE, TRUE, sizeof (HeardRecipientEntry));
  GListModel *choices = G_LIST_MODEL (self->attending_choices);

  if (gtk_check_button_get_active (self->young_person_check))
    return heard_recipient_new_young_person ();

  if (gtk_check_button_get_active (self->agency_check))
    {
      HeardDirectoryAgency *chosen = heard_agency_picker_get_chosen (self->agency_row);

      return chosen != NULL ? heard_recipient_new_directory_agency (chosen) : NULL;
    }

  if (!gtk_check_button_get_active (self->meeting_check))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(HeardDirectoryAgency) choice = g_list_model_get_item (choices, i);
      g_autofree char *id = heard_agency_choice_dup_id (choice);
      HeardRecipientEntry entry = { 0 };

      if (!g_hash_table_contains (self->attending, id))
        continue;
      entry.kind = heard_agency_type_to_kind (heard_directory_agency_get_agency_type (choice));
      entry.id = heard_directory_agency_get_id (choice);
      /* Named by the recipient only when it is an entry; the array lends it. */
      entry.name = entry.id != 0 ? (char *) heard_directory_agency_get_text (
                                     choice, HEARD_DIRECTORY_AGENCY_NAME) : NULL;
      g_array_append_val (attending, entry);
    }

  return attending->len > 0
         ? heard_recipient_new_meeting_of ((HeardRecipientEntry *) attending->data,
                                           attending->len)
         : NULL;
}

static gboolean
is_ticked (HeardExportDialog *self,
           HeardStatement    *statement)
{
  gint64 id = heard_statement_get_id (statement);
  gpointer ticked;

  if (g_hash_table_lookup_extended (self->ticked, &id, NULL, &ticked))
    return GPOINTER_TO_INT (ticked);

  return heard_statement_ticked_by_default (statement);
}

static void
tick_toggled_cb (GtkCheckButton *check,
                 Tick           *tick)
{
  gint64 *id = g_new (gint64, 1);

  *id = tick->id;
  g_hash_table_insert (tick->self->ticked, id,
                       GINT_TO_POINTER (gtk_check_button_get_active (check)));
}

static void
tick_free (gpointer  data,
           GClosure *closure)
{
  g_free (data);
}

/* The start of @words, enough to know them by: a row shows three lines,
 * and laying out pages of words to show three would stall the dialog. */
static char *
shorten (const char *words)
{
  const char *end;

  if (g_utf8_strlen (words, ROW_WORDS_CHARS + 1) <= ROW_WORDS_CHARS)
    return g_strdup (words);

  end = g_utf8_offset_to_pointer (words, ROW_WORDS_CHARS);
  return g_strdup_printf ("%.*s…", (int) (end - words), words);
}

/* One offered statement: its words, or only its content note when it is
 * sensitive, and a tick that says whether it goes in. */
static GtkWidget *
create_statement_row (gpointer item,
                      gpointer user_data)
{
  HeardExportDialog *self = user_data;
  HeardStatement *statement = item;
  gboolean sensitive = heard_statement_get_sensitive (statement);
  g_autofree char *when = heard_statement_dup_when_text (statement);
  g_autofree char *subtitle = NULL;
  g_autofree char *shortened = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *title;
  Tick *tick = g_new0 (Tick, 1);

  if (sensitive)
    {
      title = heard_statement_get_content_note (statement);
      /* TRANSLATORS: under a sensitive statement's content note; %s is when it was said */
      subtitle = g_strdup_printf (_("Sensitive, so its words are not shown here. Said %s."),
                                  when);
    }
  else
    {
      title = shortened = shorten (heard_statement_get_words (statement));
      /* TRANSLATORS: under a statement's words; %s is when it was said */
      subtitle = g_strdup_printf (_("Said %s"), when);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_ticked (self, statement));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  tick->self = self;
  tick->id = heard_statement_get_id (statement);
  g_signal_connect_data (check, "toggled", G_CALLBACK (tick_toggled_cb), tick, tick_free, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  return row;
}

/* Which kind of recipient is chosen; FALSE while none is. */
static gboolean
get_recipient_kind (HeardExportDialog  *self,
                    HeardRecipientKind *kind)
{
  if (gtk_check_button_get_active (self->agency_check))
    *kind = HEARD_RECIPIENT_AGENCY;
  else if (gtk_check_button_get_active (self->meeting_check))
    *kind = HEARD_RECIPIENT_MEETING;
  else if (gtk_check_button_get_active (self->young_person_check))
    *kind = HEARD_RECIPIENT_YOUNG_PERSON;
  else
    return FALSE;

  return TRUE;
}

/* One sentence per statement that their consent covers for @recipient
 * but not on @today: "What they said on 1 March 2027 is not offered:
 * consent ended on 3 March 2027." */
static void
add_lapsed (GString              *text,
            const HeardRecipient *recipient,
            GListModel           *statements,
            const GDate          *today)
{
  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(HeardStatement) statement = g_list_model_get_item (statements, i);
      g_autofree char *lapse = NULL;
      g_autofree char *when = NULL;

      if (!heard_recipient_may_receive (recipient, statement) ||
          heard_recipient_may_receive_on (recipient, statement, today))
        continue;

      lapse = heard_statement_dup_consent_lapse (statement, today);
      when = heard_statement_dup_when_text (statement);
      if (text->len > 0)
        g_string_append_c (text, ' ');
      /* TRANSLATORS: %s is when a statement was given ("1 March 2027"), then
       * why it is left out ("consent ended on 3 March 2027") */
      g_string_append_printf (text, _("What they said on %s is not offered: %s."), when, lapse);
    }
}

/* What the list of their words says above it: how many were left out and
 * why, or that there is nothing to choose. */
static void
describe_statements (HeardExportDialog    *self,
                     const HeardRecipient *recipient,
                     GListModel           *statements,
                     const GDate          *today)
{
  HeardRecipientKind kind;

  guint n_recorded = g_list_model_get_n_items (statements);
  guint n_offered = g_list_model_get_n_items (G_LIST_MODEL (self->offered));
  guint n_not_agreed = 0;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; recipient != NULL && i < n_recorded; i++)
    {
      g_autoptr(HeardStatement) statement = g_list_model_get_item (statements, i);

      n_not_agreed += !heard_recipient_may_receive (recipient, statement);
    }

  if (n_recorded == 0)
    g_string_assign (text, _("No words of theirs are recorded yet, so none go in."));
  else if (!get_recipient_kind (self, &kind))
    g_string_assign (text, _("Which of their words may go in depends on who this is for."));
  else if (recipient == NULL)
    g_string_assign (text, _("Tick the agencies attending to see which of their words may go "
                             "in."));
  else if (n_offered == n_recorded)
    g_string_assign (text, _("Ticked statements go in. A sensitive one is shown here only by "
                             "its content note, and goes in only if you tick it."));
  else
    {
      if (n_not_agreed > 0)
        {
          g_autofree char *who = recipient->kind == HEARD_RECIPIENT_AGENCY
                                 ? g_strdup (heard_agency_label (recipient->agency))
                                 : g_strdup (_("every agency attending"));

          /* TRANSLATORS: %u is a number of statements, %s an agency ("Police") or
           * "every agency attending" */
          g_string_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                              "%u statement is not offered: they have not "
                                              "agreed to share it with %s.",
                                              "%u statements are not offered: they have not "
                                              "agreed to share them with %s.", n_not_agreed),
                           n_not_agreed, who);
        }
      add_lapsed (text, recipient, statements, today);
      if (n_offered == 0)
        g_string_append_printf (text, " %s", _("None of their words will go in."));
    }

  adw_preferences_group_set_description (self->statements_group, text->str);
}

static gboolean
is_busy (HeardExportDialog *self)
{
  return self->exporting != NULL || self->print_noting != NULL || self->printing != NULL;
}

/* Offers what the recipient chosen now may have, and what can be done. */
static void
refresh (HeardExportDialog *self)
{
  g_autoptr(HeardRecipient) recipient = NULL;
  HeardRecipientKind kind;
  GListModel *statements;
  gboolean meeting;
  gboolean ready;
  GDate today;

  if (self->gone || self->case_file == NULL)
    return;

  /* Consent is asked on the day the export is made. */
  heard_date_today (&today);
  recipient = dup_recipient (self);
  statements = heard_case_file_get_statements (self->case_file);
  meeting = gtk_check_button_get_active (self->meeting_check);
  adw_preferences_group_set_description (self->recipient_group,
                                         !get_recipient_kind (self, &kind)
                                         ? _("Choose who this is for.") : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->meeting_group), meeting);
  adw_preferences_group_set_description (self->meeting_group,
                                         meeting && recipient == NULL
                                         ? _("Tick at least one agency attending.") : NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->agency_row),
                            gtk_check_button_get_active (self->agency_check));

  if (recipient != NULL)
    {
      g_autoptr(GPtrArray) offered = heard_recipient_offered_statements (recipient, statements,
                                                                         &today);

      g_list_store_splice (self->offered, 0,
                           g_list_model_get_n_items (G_LIST_MODEL (self->offered)),
                           offered->pdata, offered->len);
    }
  else
    g_list_store_remove_all (self->offered);
  gtk_widget_set_visible (GTK_WIDGET (self->statements_list),
                          g_list_model_get_n_items (G_LIST_MODEL (self->offered)) > 0);
  describe_statements (self, recipient, statements, &today);

  ready = recipient != NULL && !is_busy (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.other", ready);
}

/* A new kind of recipient: what they said at check-ins goes in as that
 * kind gets it by default, unless the user has set the switch. */
static void
recipient_changed_cb (HeardExportDialog *self)
{
  HeardRecipientKind kind;

  if (!self->words_touched && get_recipient_kind (self, &kind))
    {
      self->setting_words = TRUE;
      gtk_switch_set_active (self->words_switch, heard_recipient_kind_gets_check_in_words (kind));
      self->setting_words = FALSE;
    }
  refresh (self);
}

static void
words_toggled_cb (HeardExportDialog *self)
{
  if (!self->setting_words)
    self->words_touched = TRUE;
}

static void
attending_toggled_cb (GtkCheckButton    *check,
                      HeardExportDialog *self)
{
  const char *id = gtk_widget_get_name (GTK_WIDGET (check));

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->attending, g_strdup (id));
  else
    g_hash_table_remove (self->attending, id);
  refresh (self);
}

/* While a PDF is written or a print runs, what goes in stays as chosen;
 * a PDF's progress shows, with a way to stop it. */
static void
set_busy (HeardExportDialog *self,
          gboolean           show_progress)
{
  gboolean busy = is_busy (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->recipient_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->meeting_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->statements_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->words_switch), !busy);
  gtk_widget_set_sensitive (self->print_button, !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_group), busy && show_progress);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.cancel", busy);
  if (busy && show_progress)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_progress_bar_set_text (self->progress_bar, _("Noting the export…"));
      gtk_widget_grab_focus (self->cancel_export_button);
    }
  refresh (self);
}

/* "2026-12-07", the day the document says it was made. */
static char *
dup_today (void)
{
  GDate today;

  heard_date_today (&today);
  return heard_date_to_iso (&today);
}

/* The plan as chosen, ready to draw, and the audit note of making it as
 * @kind; NULL when the plan is no longer in the case file. */
static HeardPlanDocument *
prepare (HeardExportDialog  *self,
         HeardExportKind     kind,
         HeardExportNote   **note)
{
  HeardContext *context = heard_case_file_get_context (self->case_file);
  HeardPlan *plan = heard_case_file_find_plan (self->case_file, self->plan_id);
  GListModel *check_ins = heard_case_file_get_check_ins (self->case_file);
  g_autoptr(HeardRecipient) recipient = dup_recipient (self);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) plan_check_ins = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *code = NULL;
  g_autofree char *who = NULL;
  g_autofree char *today = dup_today ();
  gboolean words = gtk_switch_get_active (self->words_switch);
  HeardPlanDocumentContent content = { 0 };

  if (plan == NULL || recipient == NULL)
    return NULL;

  code = heard_recipient_to_code (recipient);
  who = heard_recipient_describe (recipient);
  *note = heard_export_note_new (kind, code);
  (*note)->plan_id = heard_plan_get_id (plan);
  (*note)->plan_version = heard_plan_get_version (plan);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->offered)); i++)
    {
      g_autoptr(HeardStatement) statement = g_list_model_get_item (G_LIST_MODEL (self->offered),
                                                                   i);

      if (!is_ticked (self, statement))
        continue;
      heard_export_note_add_statement (*note, heard_statement_get_id (statement),
                                       heard_statement_get_version (statement));
      g_ptr_array_add (chosen, g_steal_pointer (&statement));
    }

  /* The case file keeps them oldest first, as the document wants them. */
  for (guint i = 0; i < g_list_model_get_n_items (check_ins); i++)
    {
      g_autoptr(HeardCheckIn) check_in = g_list_model_get_item (check_ins, i);

      if (heard_check_in_get_plan_id (check_in) == self->plan_id)
        g_ptr_array_add (plan_check_ins, g_steal_pointer (&check_in));
    }
  (*note)->n_check_ins = plan_check_ins->len;
  /* The cover names them; what they said at check-ins goes when chosen. */
  (*note)->names = HEARD_EXPORT_YES;
  (*note)->words = words && plan_check_ins->len > 0 ? HEARD_EXPORT_YES : HEARD_EXPORT_NO;

  content.person = heard_case_file_get_person (self->case_file);
  content.plan = plan;
  content.own_words = heard_case_file_get_own_words (self->case_file);
  content.plan_says = heard_case_file_get_plan_says (self->case_file);
  content.statements = chosen;
  content.check_ins = plan_check_ins;
  content.staff = heard_context_get_staff (context);
  content.recipient = who;
  content.printed_on = today;
  content.practice = heard_context_get_practice (context);
  content.chronology = heard_case_file_get_chronology (self->case_file);
  content.agencies = heard_context_get_agencies (context);
  content.check_in_words = words;

  return heard_plan_document_new (&content);
}

static GError *
plan_gone_error (void)
{
  return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                              _("This version of the plan is no longer in the records."));
}

/* What went wrong writing the PDF, in words a caseworker can act on. */
static GError *
describe_write_failure (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                                _("The PDF was not saved: the disk is full. Make some room, "
                                  "or choose another place."));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                                _("The PDF was not saved: Heard may not write in that folder. "
                                  "Choose another place."));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                _("The PDF was not saved: that folder is no longer there. "
                                  "Choose another place."));

  return g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, _("The PDF was not saved: %s"),
                      error->message);
}

/* The audit trail refused the note of an export or a print: nothing left
 * Heard. */
static GError *
describe_note_failure (const GError    *error,
                       HeardExportKind  kind)
{
  if (heard_context_error_is_on_hold (error))
    return g_error_copy (error);

  if (kind == HEARD_EXPORT_PRINT)
    return g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                        _("Nothing was printed: the print could not be noted in the audit "
                          "trail: %s"), error->message);

  return g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                      _("Nothing was exported: the export could not be noted in the audit "
                        "trail: %s"), error->message);
}

/* The export a toast offers to complete the sharing log entry of. */
typedef struct
{
  GWeakRef   case_file;
  GtkWindow *window;
  gint64     audit_id;
} Offered;

static void
offered_free (gpointer data,
              GClosure *closure)
{
  Offered *offered = data;

  g_weak_ref_clear (&offered->case_file);
  g_free (offered);
}

/* Opens the sharing log entry the export pre-filled, while the young
 * person's case file is still open (not after a lock). */
static void
complete_sharing_cb (AdwToast *toast,
                     Offered  *offered)
{
  g_autoptr(HeardCaseFile) case_file = g_weak_ref_get (&offered->case_file);

  if (case_file != NULL)
    heard_sharing_editor_complete_export (offered->window, case_file, offered->audit_id);
}

/* Says in the window the dialog is over that the plan left Heard (never
 * where: a folder may be named after the young person), and offers at
 * once to complete its sharing log entry: an export is sharing. */
static void
toast_exported (HeardExportDialog *self,
                const char        *text)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  HeardRecipientKind kind;
  AdwToast *toast;
  Offered *offered;

  if (!HEARD_IS_WINDOW (parent))
    return;

  toast = adw_toast_new (text);
  /* Only what told another agency has a sharing entry to complete. */
  if (self->noted_audit_id > 0 && get_recipient_kind (self, &kind) &&
      heard_recipient_kind_is_sharing (kind))
    {
      offered = g_new0 (Offered, 1);
      g_weak_ref_init (&offered->case_file, self->case_file);
      offered->window = parent;
      offered->audit_id = self->noted_audit_id;
      adw_toast_set_button_label (toast, _("Complete Sharing Log…"));
      adw_toast_set_timeout (toast, 10);
      /* Now, not after toasts waiting before it. */
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (complete_sharing_cb), offered,
                             offered_free, 0);
    }
  _heard_window_show_toast (HEARD_WINDOW (parent), toast);
}

static void
progress_cb (guint    pages_done,
             guint    pages_total,
             gpointer user_data)
{
  HeardExportDialog *self = user_data;
  g_autofree char *text = NULL;

  if (self->gone || self->exporting == NULL)
    return;

  /* TRANSLATORS: while the PDF is written, e.g. "Page 3 of 12" */
  text = g_strdup_printf (_("Page %u of %u"), pages_done, pages_total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 pages_total > 0 ? (double) pages_done / pages_total : 0);
}

/* Ends an export: with @error (already in words) the dialog stays and
 * says it; cancelled, it simply offers the export again. */
static void
export_done (HeardExportDialog *self,
             const GError      *error)
{
  if (self->gone)
    return;

  g_clear_object (&self->exporting);
  set_busy (self, TRUE);
  heard_dialog_finish_saving (HEARD_DIALOG (self), error);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Exporting) exporting = user_data;
  HeardExportDialog *self = exporting->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) described = NULL;

  if (!heard_plan_document_write_pdf_finish (HEARD_PLAN_DOCUMENT (object), result, &error))
    {
      /* Noted already: now noted as never written, so that no one is told
       * it reached anybody. A lock may have taken the records first. */
      if (self->case_file != NULL && self->noted_audit_id > 0)
        heard_case_file_note_export_unwritten_async (self->case_file, self->noted_audit_id,
                                                     NULL, NULL, NULL);
      self->noted_audit_id = 0;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        described = describe_write_failure (error);
      export_done (self, described != NULL ? described : error);
      return;
    }

  if (self->gone)
    return;
  toast_exported (self, _("The PDF is saved."));
  export_done (self, NULL);
}

static void
noted_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Exporting) exporting = user_data;
  HeardExportDialog *self = exporting->self;
  HeardPlanDocument *document;
  GFile *file;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) described = NULL;
  gint64 noted = heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error);

  if (noted == 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        described = describe_note_failure (error, HEARD_EXPORT_PDF);
      export_done (self, described != NULL ? described : error);
      return;
    }
  if (self->gone)
    return;
  self->noted_audit_id = noted;
  if (g_cancellable_set_error_if_cancelled (self->exporting, &error))
    {
      heard_case_file_note_export_unwritten_async (self->case_file, noted, NULL, NULL, NULL);
      self->noted_audit_id = 0;
      export_done (self, error);
      return;
    }

  /* Read before the arguments: the last one takes @exporting away. */
  document = exporting->document;
  file = exporting->file;
  heard_plan_document_write_pdf_async (document, file, progress_cb, self, self->exporting,
                                       written_cb, g_steal_pointer (&exporting));
}

/* Writes the plan as chosen to @file. The export is noted in the audit
 * trail first, as heard-cli does, and the PDF written only once the note
 * is in: an export stopped or failed after that is an entry too many,
 * never one too few. The PDF itself appears whole or not at all. */
static void
start_export (HeardExportDialog *self,
              GFile             *file)
{
  g_autoptr(HeardExportNote) note = NULL;
  g_autoptr(HeardPlanDocument) document = prepare (self, HEARD_EXPORT_PDF, &note);
  g_autoptr(GError) error = NULL;
  Exporting *exporting;

  if (document == NULL)
    {
      error = plan_gone_error ();
      heard_dialog_finish_saving (HEARD_DIALOG (self), error);
      return;
    }

  self->exporting = g_cancellable_new ();
  set_busy (self, TRUE);
  exporting = g_new0 (Exporting, 1);
  exporting->self = g_object_ref (self);
  exporting->document = g_steal_pointer (&document);
  exporting->file = g_object_ref (file);
  heard_case_file_note_export_async (self->case_file, note, self->exporting, noted_cb,
                                     exporting);
}

static void
chooser_response_cb (HeardExportDialog *self,
                     int                response)
{
  g_autoptr(GFile) file = heard_save_chooser_take_file (&self->chooser, &self->chooser_window,
                                                       response);

  if (file == NULL)
    {
      heard_dialog_resume_saving (HEARD_DIALOG (self));
      refresh (self);
      return;
    }

  start_export (self, file);
}

/* Asks where the PDF goes, suggesting a name that says what it is and
 * when, never whose. */
static void
choose_file (HeardExportDialog *self)
{
  g_autofree char *today = dup_today ();
  g_autofree char *suggested = heard_plan_document_suggest_file_name (today);
  g_autofree char *name = NULL;

  /* Practice records say so in the name, so the file is never taken for
   * a real plan. */
  name = heard_context_get_practice (heard_case_file_get_context (self->case_file))
         ? g_strconcat (HEARD_PLAN_DOCUMENT_PRACTICE_PREFIX, suggested, NULL)
         : g_steal_pointer (&suggested);

  heard_save_chooser_show (GTK_WINDOW (self), _("Export the Support Plan"), _("PDF documents"),
                           "application/pdf", "pdf", name, G_CALLBACK (chooser_response_cb),
                           &self->chooser, &self->chooser_window);
}

/* Printing */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                HeardExportDialog *self)
{
  /* Pango 1.50 has no autoptr for its context. */
  PangoContext *layout_context = gtk_print_context_create_pango_context (context);
  guint n_pages = heard_plan_document_paginate (self->print_document, layout_context,
                                                gtk_print_context_get_width (context),
                                                gtk_print_context_get_height (context));

  g_object_unref (layout_context);
  gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              HeardExportDialog *self)
{
  heard_plan_document_draw_page (self->print_document, gtk_print_context_get_cairo_context (context),
                                 (guint) page);
}

/* A print ends; it was noted before it ran. */
static void
finish_print (HeardExportDialog       *self,
              GtkPrintOperationResult  result,
              const GError            *error)
{
  g_clear_object (&self->print_document);
  g_clear_object (&self->printing);
  if (self->gone)
    return;

  set_busy (self, FALSE);
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      toast_exported (self, _("The plan is sent to print."));
      heard_dialog_finish_saving (HEARD_DIALOG (self), NULL);
      return;
    }
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    {
      g_autoptr(GError) described = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                 _("The plan was not printed: %s"),
                                                 error->message);

      heard_dialog_finish_saving (HEARD_DIALOG (self), described);
      return;
    }
  heard_dialog_resume_saving (HEARD_DIALOG (self));
  refresh (self);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               HeardExportDialog       *self)
{
  g_autoptr(GError) error = NULL;

  if (operation != self->printing)
    return;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);
  finish_print (self, result, error);
}

/* Runs the print, noted already: with @export_path, into that PDF
 * without a print dialog. */
static void
run_print (HeardExportDialog       *self,
           GtkPrintOperationAction  action,
           const char              *export_path)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  /* What a print queue shows: never whose plan it is. */
  gtk_print_operation_set_job_name (operation, _("Support plan"));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print_cb), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), self, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  self->printing = g_object_ref (operation);
  set_busy (self, FALSE);

  result = gtk_print_operation_run (operation, action, GTK_WINDOW (self), &error);
  /* Finished already (a print run without its own loop, or refused at
   * once) unless "done" said so. */
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS && self->printing == operation)
    finish_print (self, result, error);
}

static void
print_noted_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PrintStart) start = user_data;
  HeardExportDialog *self = start->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) described = NULL;
  gint64 noted;

  noted = heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error);
  if (self->gone)
    return;

  self->noted_audit_id = noted;
  if (noted != 0 && !g_cancellable_set_error_if_cancelled (self->print_noting, &error))
    {
      g_clear_object (&self->print_noting);
      run_print (self, start->action, start->export_path);
      return;
    }

  g_clear_object (&self->print_noting);
  g_clear_object (&self->print_document);
  set_busy (self, FALSE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      heard_dialog_resume_saving (HEARD_DIALOG (self));
      refresh (self);
      return;
    }
  described = describe_note_failure (error, HEARD_EXPORT_PRINT);
  heard_dialog_finish_saving (HEARD_DIALOG (self), described);
}

/* Prints the plan as chosen, through the same drawing as the PDF. As an
 * export, it is noted in the audit trail before it runs, and runs only
 * once the note is in: a print cancelled after that is an entry too many,
 * never one too few. */
static void
start_print (HeardExportDialog       *self,
             GtkPrintOperationAction  action,
             const char              *export_path)
{
  g_autoptr(HeardExportNote) note = NULL;
  g_autoptr(GError) error = NULL;
  PrintStart *start;

  self->print_document = prepare (self, HEARD_EXPORT_PRINT, &note);
  if (self->print_document == NULL)
    {
      error = plan_gone_error ();
      heard_dialog_finish_saving (HEARD_DIALOG (self), error);
      return;
    }

  self->print_noting = g_cancellable_new ();
  set_busy (self, FALSE);
  start = g_new0 (PrintStart, 1);
  start->self = g_object_ref (self);
  start->action = action;
  start->export_path = g_strdup (export_path);
  heard_case_file_note_export_async (self->case_file, note, self->print_noting, print_noted_cb,
                                     start);
}

/* Actions */

static void
do_kind (HeardExportDialog *self,
         HeardExportKind    kind)
{
  if (kind == HEARD_EXPORT_PDF)
    choose_file (self);
  else
    start_print (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL);
}

static void
heard_export_dialog_save (HeardDialog *dialog)
{
  HeardExportDialog *self = HEARD_EXPORT_DIALOG (dialog);

  do_kind (self, self->kind);
}

static void
other_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HeardExportDialog *self = HEARD_EXPORT_DIALOG (widget);

  heard_dialog_show_error (HEARD_DIALOG (self), NULL);
  gtk_widget_action_set_enabled (widget, "dialog.save", FALSE);
  do_kind (self, self->kind == HEARD_EXPORT_PDF ? HEARD_EXPORT_PRINT : HEARD_EXPORT_PDF);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HeardExportDialog *self = HEARD_EXPORT_DIALOG (widget);

  if (self->exporting != NULL)
    g_cancellable_cancel (self->exporting);
  if (self->print_noting != NULL)
    g_cancellable_cancel (self->print_noting);
  if (self->printing != NULL)
    gtk_print_operation_cancel (self->printing);
}

/* Nothing is written once the dialog is out of sight: a quick hide stops
 * an export as a lock does. */
static void
stop_everything (HeardExportDialog *self)
{
  if (self->exporting != NULL)
    g_cancellable_cancel (self->exporting);
  if (self->print_noting != NULL)
    g_cancellable_cancel (self->print_noting);
  if (self->printing != NULL)
    gtk_print_operation_cancel (self->printing);
}

static void
heard_export_dialog_unmap (GtkWidget *widget)
{
  stop_everything (HEARD_EXPORT_DIALOG (widget));

  GTK_WIDGET_CLASS (heard_export_dialog_parent_class)->unmap (widget);
}

static void
heard_export_dialog_dispose (GObject *object)
{
  HeardExportDialog *self = HEARD_EXPORT_DIALOG (object);

  self->gone = TRUE;
  stop_everything (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->chooser_window);
  g_clear_object (&self->exporting);
  g_clear_object (&self->print_noting);
  g_clear_object (&self->printing);
  g_clear_object (&self->print_document);
  if (self->case_file != NULL)
    g_signal_handlers_disconnect_by_data (heard_case_file_get_statements (self->case_file), self);
  g_clear_object (&self->case_file);
  gtk_widget_dispose_template (GTK_WIDGET (object), HEARD_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->offered);
  g_clear_object (&self->attending_choices);
  g_clear_pointer (&self->ticked, g_hash_table_unref);
  g_clear_pointer (&self->attending, g_hash_table_unref);

  G_OBJECT_CLASS (heard_export_dialog_parent_class)->dispose (object);
}

static void
heard_export_dialog_class_init (HeardExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeardDialogClass *dialog_class = HEARD_DIALOG_CLASS (klass);

  object_class->dispose = heard_export_dialog_dispose;
  widget_class->unmap = heard_export_dialog_unmap;
  dialog_class->save = heard_export_dialog_save;

  g_type_ensure (HEARD_TYPE_AGENCY_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardExportDialog, agency_check);
  gtk_widget_class_bind_template_child (widget_class, HeardExportDialog, agency_row);
  gtk_widget_class_bind_template_child (widget_class, HeardExportDialog, meeting_check);
  gtk_widget_class_bind_template_child (widget_class, HeardExportDialog, young_person_check);
  gtk_widget_class_bind_template_child (widget_class, HeardExportDialog, recipient_group);
  gtk_widget_class_bind_template_child (widget_class, HeardExportDialog, meeting_group);
  gtk_widget_class_bind_template_child (widget_class, HeardExportDialog, attending_list);
  gtk_widget_class_bind_template_child (widget_class, HeardExportDialog, statements_group);
  gtk_widget_class_bind_template_child (widget_class, HeardExportDialog, statements_list);
  gtk_widget_class_bind_template_child (widget_class, HeardExportDialog, progress_group);
  gtk_widget_class_bind_template_child (widget_class, HeardExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HeardExportDialog, cancel_export_button);
  gtk_widget_class_bind_template_child (widget_class, HeardExportDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, HeardExportDialog, words_switch);
  gtk_widget_class_bind_template_callback (widget_class, recipient_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, words_toggled_cb);

  gtk_widget_class_install_action (widget_class, "export.other", NULL, other_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
}

static void
heard_export_dialog_init (HeardExportDialog *self)
{
  self->offered = g_list_store_new (HEARD_TYPE_STATEMENT);
  self->ticked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->attending_choices = g_list_store_new (HEARD_TYPE_DIRECTORY_AGENCY);
  self->attending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->print_button), "export.other");
  gtk_list_box_bind_model (self->attending_list, G_LIST_MODEL (self->attending_choices),
                           create_attending_row, self, NULL);
  gtk_list_box_bind_model (self->statements_list, G_LIST_MODEL (self->offered),
                           create_statement_row, self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.cancel", FALSE);
}

/* See heard-export-dialog.h. */
HeardExportDialog *
heard_export_dialog_new (GtkWindow       *parent,
                         HeardCaseFile   *case_file,
                         HeardPlan       *plan,
                         HeardExportKind  kind)
{
  HeardExportDialog *self;
  gboolean pdf = kind == HEARD_EXPORT_PDF;

  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);
  g_return_val_if_fail (HEARD_IS_PLAN (plan), NULL);
  g_return_val_if_fail (kind == HEARD_EXPORT_PDF || kind == HEARD_EXPORT_PRINT, NULL);

  self = g_object_new (HEARD_TYPE_EXPORT_DIALOG, "transient-for", parent,
                       "heading", pdf ? _("Export the Support Plan") : _("Print the Support Plan"),
                       "save-label", pdf ? _("_Export…") : _("_Print…"), NULL);
  self->case_file = g_object_ref (case_file);
  self->plan_id = heard_plan_get_id (plan);
  self->kind = kind;
  gtk_button_set_label (GTK_BUTTON (self->print_button),
                        pdf ? _("_Print…") : _("Export as _PDF…"));
  heard_accessibility_name_mnemonics (GTK_WIDGET (self));
  heard_agency_picker_set_context (self->agency_row, heard_case_file_get_context (case_file));
  g_signal_connect_object (heard_context_get_agencies (heard_case_file_get_context (case_file)),
                           "items-changed", G_CALLBACK (fill_attending), self,
                           G_CONNECT_SWAPPED);
  fill_attending (self);
  /* Their words may change while it is open: what is offered follows. */
  g_signal_connect_object (heard_case_file_get_statements (case_file), "items-changed",
                           G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
  /* Start at the first choice, never on Cancel. */
  gtk_widget_grab_focus (GTK_WIDGET (self->agency_check));

  return self;
}

/* See heard-export-dialog-private.h. */
void
_heard_export_dialog_print_to_file (HeardExportDialog *self,
                                    const char        *path)
{
  g_return_if_fail (HEARD_IS_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  start_print (self, GTK_PRINT_OPERATION_ACTION_EXPORT, path);
}

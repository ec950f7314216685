/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-sharing-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-agency-picker.h"
#include "heard-choice-row.h"
#include "heard-date-row.h"
#include "heard-directory-list.h"
#include "heard-field-error.h"
#include "heard-sharing-editor.h"
#include "heard-sharing-words.h"
#include "heard-widgets.h"

/*
 * Writing down a decision to share something about a young person, or not
 * to share it, with everything guidance asks for: what (in words, and the
 * records it included), with which agency and person, the day, how, why,
 * on what lawful basis (its explanation beside it), whether they agreed
 * and were told, and why it was necessary. What the law asks when they did
 * not agree or were not told appears as soon as the answer is given, and
 * is required. Each problem heard_sharing_entry_check() finds is said
 * beside its field; nothing typed is lost. An entry is never changed in
 * place: amending adds a version with a reason, the original kept.
 */

struct _HeardSharingEditor
{
  HeardDialog          parent_instance;

  HeardCaseFile       *case_file;
  /* The entry the form started from: a new one, an export's draft, or the
   * newest version of the one amended. */
  HeardSharingEntry   *base;
  gboolean             amending;
  /* While Heard fills in the form: no change of the user's. */
  gboolean             filling;
  /* The lawful bases (HeardLawfulBasis), once read. */
  GPtrArray           *bases;
  /* The ticks for the records it can include (LinkCheck). */
  GArray              *link_checks;
  GtkWidget           *fields[HEARD_SHARING_N_FIELDS];

  AdwPreferencesGroup *reason_group;
  GtkTextView         *reason_view;
  AdwPreferencesGroup *what_group;
  GtkTextView         *what_view;
  AdwPreferencesGroup *links_group;
  AdwExpanderRow      *links_row;
  AdwPreferencesGroup *with_group;
  HeardAgencyPicker   *agency_row;
  AdwEntryRow         *contact_row;
  HeardDateRow        *day_row;
  HeardChoiceRow      *method_row;
  AdwPreferencesGroup *why_group;
  AdwEntryRow         *purpose_row;
  HeardChoiceRow      *basis_row;
  GtkLabel            *basis_label;
  AdwPreferencesGroup *agreed_group;
  HeardChoiceRow      *agreed_row;
  GtkWidget           *agreement_box;
  GtkTextView         *agreement_view;
  AdwEntryRow         *decided_by_row;
  AdwPreferencesGroup *told_group;
  HeardChoiceRow      *told_row;
  GtkWidget           *not_told_box;
  GtkTextView         *not_told_view;
  AdwPreferencesGroup *necessary_group;
  GtkTextView         *necessary_view;
  AdwPreferencesGroup *not_shared_group;
  GtkTextView         *not_shared_view;
};

G_DEFINE_FINAL_TYPE (HeardSharingEditor, heard_sharing_editor, HEARD_TYPE_DIALOG)

/* A tick for a record it can include, and that record. */
typedef struct
{
  GtkCheckButton   *check;
  HeardSharingLink  link;
} LinkCheck;

/* The fields in the order the form shows them: the first problem in it
 * is the one focused. */
static const HeardSharingField form_order[] = {
  HEARD_SHARING_REASON, HEARD_SHARING_WHAT, HEARD_SHARING_AGENCY, HEARD_SHARING_CONTACT,
  HEARD_SHARING_SHARED_ON, HEARD_SHARING_PURPOSE, HEARD_SHARING_LAWFUL_BASIS,
  HEARD_SHARING_AGREED, HEARD_SHARING_AGREEMENT_REASON, HEARD_SHARING_DECIDED_BY,
  HEARD_SHARING_TOLD, HEARD_SHARING_NOT_TOLD_REASON, HEARD_SHARING_NECESSARY,
  HEARD_SHARING_NOT_SHARED_REASON,
};

/* The lawful basis option before one is chosen. */
#define NO_BASIS_ID "none"
#define TOLD_ID "yes"
#define NOT_TOLD_ID "no"
/* Whether they agreed or were told, before someone has said. */
#define UNANSWERED_ID "unanswered"

static char *
dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
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

static gboolean
is_shared (HeardSharingEditor *self)
{
  return heard_sharing_entry_get_decision (self->base) == HEARD_SHARING_SHARED;
}

/* Whether they agreed, as chosen; FALSE while not answered. */
static gboolean
chosen_agreed (HeardSharingEditor *self,
               HeardSharingAgreed *agreed)
{
  return heard_sharing_agreed_from_code (heard_choice_row_get_chosen_id (self->agreed_row),
                                         agreed);
}

/* Whether they were told, as chosen; FALSE while not answered. */
static gboolean
chosen_told (HeardSharingEditor *self,
             gboolean           *told)
{
  const char *id = heard_choice_row_get_chosen_id (self->told_row);

  *told = g_strcmp0 (id, TOLD_ID) == 0;
  return *told || g_strcmp0 (id, NOT_TOLD_ID) == 0;
}

static HeardLawfulBasis *
chosen_basis (HeardSharingEditor *self)
{
  const char *code = heard_choice_row_get_chosen_id (self->basis_row);

  for (guint i = 0; self->bases != NULL && i < self->bases->len; i++)
    if (g_strcmp0 (heard_lawful_basis_get_code (g_ptr_array_index (self->bases, i)), code) == 0)
      return g_ptr_array_index (self->bases, i);

  return NULL;
}

/* What is asked follows the answers given: why and who decided when they
 * did not agree, why not when they were not told; and the basis's
 * explanation under it. */
static void
show_answers (HeardSharingEditor *self)
{
  HeardLawfulBasis *basis = chosen_basis (self);
  HeardSharingAgreed agreed;
  gboolean told;

  gtk_widget_set_visible (self->agreement_box,
                          chosen_agreed (self, &agreed) && agreed != HEARD_SHARING_AGREED_YES);
  gtk_widget_set_visible (self->not_told_box, chosen_told (self, &told) && !told);
  gtk_label_set_text (self->basis_label,
                      basis != NULL ? heard_lawful_basis_get_explanation (basis)
                                    : _("Choose the basis the law gives for sharing."));
}

static void
changed_cb (HeardSharingEditor *self)
{
  if (!self->filling)
    heard_dialog_set_changed (HEARD_DIALOG (self));
}

static void
answer_changed_cb (HeardSharingEditor *self)
{
  show_answers (self);
  changed_cb (self);
}

static void
watch_view (HeardSharingEditor *self,
            GtkTextView        *view)
{
  g_signal_connect_object (gtk_text_view_get_buffer (view), "changed", G_CALLBACK (changed_cb),
                           self, G_CONNECT_SWAPPED);
}

/* A share asks more than a decision not to share. */
static void
show_decision (HeardSharingEditor *self)
{
  gboolean shared = is_shared (self);
  const char *what = shared ? _("What was shared") : _("What was not shared");

  adw_preferences_group_set_title (self->what_group,
                                   shared ? _("What Was Shared") : _("What Was Not Shared"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->what_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  what, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->links_group), shared);
  gtk_widget_set_visible (GTK_WIDGET (self->contact_row), shared);
  gtk_widget_set_visible (GTK_WIDGET (self->method_row), shared);
  gtk_widget_set_visible (GTK_WIDGET (self->why_group), shared);
  gtk_widget_set_visible (GTK_WIDGET (self->agreed_group), shared);
  gtk_widget_set_visible (GTK_WIDGET (self->told_group), shared);
  gtk_widget_set_visible (GTK_WIDGET (self->necessary_group), shared);
  gtk_widget_set_visible (GTK_WIDGET (self->not_shared_group), !shared);
}

/* Link ticks */

/* "2 ticked" under Choose Records…, so that what went is seen closed. */
static void
count_ticks (HeardSharingEditor *self)
{
  guint ticked = 0;
  g_autofree char *words = NULL;

  for (guint i = 0; i < self->link_checks->len; i++)
    if (gtk_check_button_get_active (g_array_index (self->link_checks, LinkCheck, i).check))
      ticked++;
  words = ticked == 0 ? g_strdup (_("None ticked"))
                      /* TRANSLATORS: how many records are ticked as included */
                      : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u ticked", "%u ticked",
                                                      ticked), ticked);
  adw_expander_row_set_subtitle (self->links_row, words);
}

static void
tick_toggled_cb (HeardSharingEditor *self)
{
  count_ticks (self);
  changed_cb (self);
}

static void
add_link_check (HeardSharingEditor   *self,
                HeardSharingLinkKind  kind,
                gint64                id,
                const char           *title)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *name = g_strdup_printf ("link-%s-%" G_GINT64_FORMAT,
                                           heard_sharing_link_kind_to_code (kind), id);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (check, name);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_action_row_add_prefix (row, check);
  adw_action_row_set_activatable_widget (row, check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (tick_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  adw_expander_row_add_row (self->links_row, GTK_WIDGET (row));
  g_array_append_val (self->link_checks,
                      ((LinkCheck) { GTK_CHECK_BUTTON (check), { kind, id } }));
}

/* Every record it can include, named as the log names them. */
static void
fill_links (HeardSharingEditor *self)
{
  GListModel *plans = heard_case_file_get_plans (self->case_file);
  GListModel *kinds[] = { heard_case_file_get_statements (self->case_file), plans,
                          heard_case_file_get_check_ins (self->case_file) };
  gboolean several_plans = g_list_model_get_n_items (plans) > 1;

  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint i = 0; i < g_list_model_get_n_items (kinds[k]); i++)
      {
        g_autoptr(GObject) record = g_list_model_get_item (kinds[k], i);
        HeardSharingLink link;
        g_autofree char *title = heard_sharing_words_record (record, several_plans, &link);

        add_link_check (self, link.kind, link.id, title);
      }
  if (self->link_checks->len == 0)
    {
      adw_preferences_group_set_description (self->links_group,
                                             _("There are no statements, plans or check-ins "
                                               "recorded for them yet."));
      gtk_widget_set_visible (GTK_WIDGET (self->links_row), FALSE);
    }
}

static gboolean
is_linked (HeardSharingEntry    *entry,
           HeardSharingLinkKind  kind,
           gint64                id)
{
  guint n_links;
  const HeardSharingLink *links = heard_sharing_entry_get_links (entry, &n_links);

  for (guint i = 0; i < n_links; i++)
    if (links[i].kind == kind && links[i].id == id)
      return TRUE;

  return FALSE;
}

/* Filling and reading */

/* Whether they agreed and were told: "Not answered yet" first while
 * @entry has no answer, so that nothing is said for them until someone
 * does. */
static void
fill_answer_options (HeardSharingEditor *self,
                     HeardSharingEntry  *entry)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  if (!heard_sharing_entry_is_answered (entry, HEARD_SHARING_AGREED))
    {
      gtk_string_list_append (labels, _("Not answered yet"));
      g_strv_builder_add (ids, UNANSWERED_ID);
    }
  gtk_string_list_append (labels, _("Yes"));
  g_strv_builder_add (ids, heard_sharing_agreed_to_code (HEARD_SHARING_AGREED_YES));
  gtk_string_list_append (labels, _("No"));
  g_strv_builder_add (ids, heard_sharing_agreed_to_code (HEARD_SHARING_AGREED_NO));
  gtk_string_list_append (labels, _("Not asked"));
  g_strv_builder_add (ids, heard_sharing_agreed_to_code (HEARD_SHARING_AGREED_NOT_ASKED));
  set_options (self->agreed_row, labels, ids);

  labels = gtk_string_list_new (NULL);
  g_clear_pointer (&ids, g_strv_builder_unref);
  ids = g_strv_builder_new ();
  if (!heard_sharing_entry_is_answered (entry, HEARD_SHARING_TOLD))
    {
      gtk_string_list_append (labels, _("Not answered yet"));
      g_strv_builder_add (ids, UNANSWERED_ID);
    }
  gtk_string_list_append (labels, _("Yes"));
  g_strv_builder_add (ids, TOLD_ID);
  gtk_string_list_append (labels, _("No"));
  g_strv_builder_add (ids, NOT_TOLD_ID);
  set_options (self->told_row, labels, ids);
}

static void
fill_bases (HeardSharingEditor *self)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  const char *wanted = heard_sharing_entry_get_lawful_basis (self->base);

  gtk_string_list_append (labels, _("Not chosen yet"));
  g_strv_builder_add (ids, NO_BASIS_ID);
  for (guint i = 0; self->bases != NULL && i < self->bases->len; i++)
    {
      HeardLawfulBasis *basis = g_ptr_array_index (self->bases, i);

      gtk_string_list_append (labels, heard_lawful_basis_get_label (basis));
      g_strv_builder_add (ids, heard_lawful_basis_get_code (basis));
    }
  self->filling = TRUE;
  set_options (self->basis_row, labels, ids);
  if (*wanted != '\0')
    heard_choice_row_choose_id (self->basis_row, wanted);
  show_answers (self);
  self->filling = FALSE;
}

static void
bases_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HeardSharingEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *bases;

  bases = heard_context_list_lawful_bases_finish (HEARD_CONTEXT (object), result, &error);
  if (bases == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        heard_dialog_show_error (HEARD_DIALOG (self), error->message);
      return;
    }
  g_clear_pointer (&self->bases, g_ptr_array_unref);
  self->bases = bases;
  fill_bases (self);
}

static void
set_view (GtkTextView *view,
          const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

/* Shows @entry in the form. */
static void
fill_form (HeardSharingEditor *self,
           HeardSharingEntry  *entry)
{
  gint64 agency_id = heard_sharing_entry_get_agency_id (entry);
  HeardContext *context = heard_case_file_get_context (self->case_file);
  HeardDirectoryAgency *agency =
    agency_id != 0 ? heard_directory_list_lookup (HEARD_DIRECTORY_LIST (
                                                    heard_context_get_agencies (context)),
                                                  agency_id)
                   : NULL;

  self->filling = TRUE;
  set_view (self->what_view, heard_sharing_entry_get_text (entry, HEARD_SHARING_WHAT));
  for (guint i = 0; i < self->link_checks->len; i++)
    {
      LinkCheck *tick = &g_array_index (self->link_checks, LinkCheck, i);

      gtk_check_button_set_active (tick->check,
                                   is_linked (entry, tick->link.kind, tick->link.id));
    }
  count_ticks (self);
  if (agency != NULL)
    heard_agency_picker_choose (self->agency_row,
                                heard_agency_type_to_kind (
                                  heard_directory_agency_get_agency_type (agency)),
                                agency_id);
  gtk_editable_set_text (GTK_EDITABLE (self->contact_row),
                         heard_sharing_entry_get_text (entry, HEARD_SHARING_CONTACT));
  heard_date_row_set_stored (self->day_row, heard_sharing_entry_get_shared_on (entry));
  heard_choice_row_choose_id (self->method_row,
                              heard_sharing_method_to_code (heard_sharing_entry_get_method (entry)));
  gtk_editable_set_text (GTK_EDITABLE (self->purpose_row),
                         heard_sharing_entry_get_text (entry, HEARD_SHARING_PURPOSE));
  heard_choice_row_choose_id (self->agreed_row,
                              heard_sharing_entry_is_answered (entry, HEARD_SHARING_AGREED)
                              ? heard_sharing_agreed_to_code (heard_sharing_entry_get_agreed (entry))
                              : UNANSWERED_ID);
  set_view (self->agreement_view,
            heard_sharing_entry_get_text (entry, HEARD_SHARING_AGREEMENT_REASON));
  gtk_editable_set_text (GTK_EDITABLE (self->decided_by_row),
                         heard_sharing_entry_get_text (entry, HEARD_SHARING_DECIDED_BY));
  if (!heard_sharing_entry_is_answered (entry, HEARD_SHARING_TOLD))
    heard_choice_row_choose_id (self->told_row, UNANSWERED_ID);
  else
    heard_choice_row_choose_id (self->told_row,
                                heard_sharing_entry_get_told (entry) ? TOLD_ID : NOT_TOLD_ID);
  set_view (self->not_told_view,
            heard_sharing_entry_get_text (entry, HEARD_SHARING_NOT_TOLD_REASON));
  set_view (self->necessary_view, heard_sharing_entry_get_text (entry, HEARD_SHARING_NECESSARY));
  set_view (self->not_shared_view,
            heard_sharing_entry_get_text (entry, HEARD_SHARING_NOT_SHARED_REASON));
  show_answers (self);
  self->filling = FALSE;
}

static void
set_entry_text (HeardSharingEntry *entry,
                HeardSharingField  field,
                gboolean           asked,
                const char        *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (asked ? text : ""));

  heard_sharing_entry_set_text (entry, field, stripped);
}

static void
set_entry_view (HeardSharingEntry *entry,
                HeardSharingField  field,
                gboolean           asked,
                GtkTextView       *view)
{
  g_autofree char *text = dup_text (view);

  set_entry_text (entry, field, asked, text);
}

/* The entry as the form says it; what the form does not ask (why they
 * did not agree, when they did) is left empty. Whether they agreed and
 * were told stay unanswered until chosen, and a decision not to share
 * keeps what it held (the form neither asks nor shows them). */
static HeardSharingEntry *
read_entry (HeardSharingEditor *self)
{
  HeardSharingEntry *entry = heard_sharing_entry_copy (self->base);
  gboolean shared = is_shared (self);
  HeardSharingAgreed agreed = HEARD_SHARING_AGREED_YES;
  gboolean agreed_answered = chosen_agreed (self, &agreed);
  gboolean told = TRUE;
  gboolean told_answered = chosen_told (self, &told);
  HeardSharingMethod method = HEARD_SHARING_METHOD_MEETING;
  HeardLawfulBasis *basis = chosen_basis (self);
  GDate day;
  g_autofree char *stored = NULL;

  if (self->amending)
    heard_sharing_entry_set_version (entry, heard_sharing_entry_get_version (entry) + 1);
  set_entry_view (entry, HEARD_SHARING_REASON, self->amending, self->reason_view);
  set_entry_view (entry, HEARD_SHARING_WHAT, TRUE, self->what_view);
  heard_sharing_entry_clear_links (entry);
  for (guint i = 0; shared && i < self->link_checks->len; i++)
    {
      LinkCheck *tick = &g_array_index (self->link_checks, LinkCheck, i);

      if (gtk_check_button_get_active (tick->check))
        heard_sharing_entry_add_link (entry, tick->link.kind, tick->link.id);
    }
  heard_sharing_entry_set_agency_id (entry,
                                     heard_agency_picker_get_chosen_agency_id (self->agency_row));
  set_entry_text (entry, HEARD_SHARING_CONTACT, shared,
                  gtk_editable_get_text (GTK_EDITABLE (self->contact_row)));
  stored = heard_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->day_row)), &day, NULL)
           ? heard_date_to_iso (&day) : g_strdup ("");
  heard_sharing_entry_set_shared_on (entry, stored);
  heard_sharing_method_from_code (heard_choice_row_get_chosen_id (self->method_row), &method);
  heard_sharing_entry_set_method (entry, method);
  set_entry_text (entry, HEARD_SHARING_PURPOSE, shared,
                  gtk_editable_get_text (GTK_EDITABLE (self->purpose_row)));
  heard_sharing_entry_set_lawful_basis (entry,
                                        shared && basis != NULL
                                        ? heard_lawful_basis_get_code (basis) : "");
  if (shared && agreed_answered)
    heard_sharing_entry_set_agreed (entry, agreed);
  agreed = heard_sharing_entry_get_agreed (entry);
  set_entry_view (entry, HEARD_SHARING_AGREEMENT_REASON,
                  shared && agreed != HEARD_SHARING_AGREED_YES, self->agreement_view);
  set_entry_text (entry, HEARD_SHARING_DECIDED_BY, shared && agreed != HEARD_SHARING_AGREED_YES,
                  gtk_editable_get_text (GTK_EDITABLE (self->decided_by_row)));
  if (shared && told_answered)
    heard_sharing_entry_set_told (entry, told);
  told = heard_sharing_entry_get_told (entry);
  set_entry_view (entry, HEARD_SHARING_NOT_TOLD_REASON, shared && !told, self->not_told_view);
  set_entry_view (entry, HEARD_SHARING_NECESSARY, shared, self->necessary_view);
  set_entry_view (entry, HEARD_SHARING_NOT_SHARED_REASON, !shared, self->not_shared_view);

  return entry;
}

/* Saving */

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HeardSharingEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error);
  heard_dialog_finish_saving (HEARD_DIALOG (self), error);
}

/* Scrolls the form so that @field shows. */
static void
scroll_to (GtkWidget *field)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (field, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  graphene_rect_t bounds;

  if (scrolled == NULL)
    return;
  /* The scrolled content itself, not the viewport that moves it. */
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (content != NULL && gtk_widget_compute_bounds (field, content, &bounds))
    gtk_adjustment_clamp_page (gtk_scrolled_window_get_vadjustment (
                                 GTK_SCROLLED_WINDOW (scrolled)),
                               bounds.origin.y, bounds.origin.y + bounds.size.height);
}

static const GError *
problem_in (GPtrArray         *problems,
            HeardSharingField  field)
{
  for (guint i = 0; i < problems->len; i++)
    if (((GError *) g_ptr_array_index (problems, i))->code == (int) field)
      return g_ptr_array_index (problems, i);

  return NULL;
}

/* Says each problem beside its field, in the form's order from the end,
 * so that focus ends on the first, scrolled to; one no field shows goes
 * in the banner. */
static void
show_problems (HeardSharingEditor *self,
               GPtrArray          *problems)
{
  GtkWidget *first = NULL;

  for (guint i = 0; i < problems->len; i++)
    {
      GError *problem = g_ptr_array_index (problems, i);
      GtkWidget *field = problem->code >= 0 && problem->code < HEARD_SHARING_N_FIELDS
                         ? self->fields[problem->code] : NULL;

      if (field == NULL || !gtk_widget_is_visible (field))
        {
          heard_dialog_show_error (HEARD_DIALOG (self), problem->message);
          return;
        }
    }
  for (gsize i = G_N_ELEMENTS (form_order); i > 0; i--)
    {
      const GError *problem = problem_in (problems, form_order[i - 1]);

      if (problem == NULL)
        continue;
      first = self->fields[problem->code];
      heard_field_error_show (first, problem->message);
    }
  if (first != NULL)
    scroll_to (first);
}

static void
heard_sharing_editor_save (HeardDialog *dialog)
{
  HeardSharingEditor *self = HEARD_SHARING_EDITOR (dialog);
  g_autoptr(HeardSharingEntry) entry = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (!heard_date_row_check (self->day_row))
    {
      heard_dialog_resume_saving (dialog);
      return;
    }

  entry = read_entry (self);
  problems = heard_sharing_entry_check (entry);
  if (problems != NULL)
    {
      show_problems (self, problems);
      heard_dialog_resume_saving (dialog);
      return;
    }

  if (self->amending)
    heard_case_file_amend_sharing_entry_async (self->case_file, entry,
                                               heard_dialog_get_cancellable (dialog), written_cb,
                                               g_object_ref (self));
  else
    heard_case_file_record_sharing_entry_async (self->case_file, entry,
                                                heard_dialog_get_cancellable (dialog), written_cb,
                                                g_object_ref (self));
}

static void
heard_sharing_editor_dispose (GObject *object)
{
  HeardSharingEditor *self = HEARD_SHARING_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_SHARING_EDITOR);
  g_clear_pointer (&self->link_checks, g_array_unref);
  g_clear_pointer (&self->bases, g_ptr_array_unref);
  g_clear_object (&self->base);
  g_clear_object (&self->case_file);

  G_OBJECT_CLASS (heard_sharing_editor_parent_class)->dispose (object);
}

static void
heard_sharing_editor_class_init (HeardSharingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeardDialogClass *dialog_class = HEARD_DIALOG_CLASS (klass);

  object_class->dispose = heard_sharing_editor_dispose;
  dialog_class->save = heard_sharing_editor_save;

  g_type_ensure (HEARD_TYPE_AGENCY_PICKER);
  g_type_ensure (HEARD_TYPE_CHOICE_ROW);
  g_type_ensure (HEARD_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-sharing-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, HeardSharingEditor, name)
  BIND (reason_group);
  BIND (reason_view);
  BIND (what_group);
  BIND (what_view);
  BIND (links_group);
  BIND (links_row);
  BIND (with_group);
  BIND (agency_row);
  BIND (contact_row);
  BIND (day_row);
  BIND (method_row);
  BIND (why_group);
  BIND (purpose_row);
  BIND (basis_row);
  BIND (basis_label);
  BIND (agreed_group);
  BIND (agreed_row);
  BIND (agreement_box);
  BIND (agreement_view);
  BIND (decided_by_row);
  BIND (told_group);
  BIND (told_row);
  BIND (not_told_box);
  BIND (not_told_view);
  BIND (necessary_group);
  BIND (necessary_view);
  BIND (not_shared_group);
  BIND (not_shared_view);
#undef BIND
}

static void
heard_sharing_editor_init (HeardSharingEditor *self)
{
  GtkStringList *labels;
  g_autoptr(GStrvBuilder) ids = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->link_checks = g_array_new (FALSE, FALSE, sizeof (LinkCheck));

  labels = gtk_string_list_new (NULL);
  ids = g_strv_builder_new ();
  for (HeardSharingMethod method = 0; method < HEARD_SHARING_N_METHODS; method++)
    {
      gtk_string_list_append (labels, heard_sharing_method_label (method));
      g_strv_builder_add (ids, heard_sharing_method_to_code (method));
    }
  set_options (self->method_row, labels, g_steal_pointer (&ids));


  self->fields[HEARD_SHARING_WHAT] = GTK_WIDGET (self->what_view);
  self->fields[HEARD_SHARING_CONTACT] = GTK_WIDGET (self->contact_row);
  self->fields[HEARD_SHARING_PURPOSE] = GTK_WIDGET (self->purpose_row);
  self->fields[HEARD_SHARING_AGREEMENT_REASON] = GTK_WIDGET (self->agreement_view);
  self->fields[HEARD_SHARING_DECIDED_BY] = GTK_WIDGET (self->decided_by_row);
  self->fields[HEARD_SHARING_NOT_TOLD_REASON] = GTK_WIDGET (self->not_told_view);
  self->fields[HEARD_SHARING_NECESSARY] = GTK_WIDGET (self->necessary_view);
  self->fields[HEARD_SHARING_NOT_SHARED_REASON] = GTK_WIDGET (self->not_shared_view);
  self->fields[HEARD_SHARING_REASON] = GTK_WIDGET (self->reason_view);
  self->fields[HEARD_SHARING_AGENCY] = GTK_WIDGET (self->agency_row);
  self->fields[HEARD_SHARING_SHARED_ON] = GTK_WIDGET (self->day_row);
  self->fields[HEARD_SHARING_LAWFUL_BASIS] = GTK_WIDGET (self->basis_row);
  self->fields[HEARD_SHARING_AGREED] = GTK_WIDGET (self->agreed_row);
  self->fields[HEARD_SHARING_TOLD] = GTK_WIDGET (self->told_row);

  heard_accessibility_name_entry_rows (GTK_WIDGET (self));
  heard_accessibility_name_mnemonics (GTK_WIDGET (self));
  g_signal_connect_object (self->agreed_row, "notify::selected", G_CALLBACK (answer_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->told_row, "notify::selected", G_CALLBACK (answer_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->basis_row, "notify::selected", G_CALLBACK (answer_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->agency_row, "notify::selected", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->method_row, "notify::selected", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->day_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->contact_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->purpose_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->decided_by_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  watch_view (self, self->reason_view);
  watch_view (self, self->what_view);
  watch_view (self, self->agreement_view);
  watch_view (self, self->not_told_view);
  watch_view (self, self->necessary_view);
  watch_view (self, self->not_shared_view);
}

/* The form for @base (taken), filled from it. */
static HeardSharingEditor *
create (GtkWindow         *parent,
        HeardCaseFile     *case_file,
        HeardSharingEntry *base,
        gboolean           amending)
{
  HeardSharingEditor *self;
  gboolean shared = heard_sharing_entry_get_decision (base) == HEARD_SHARING_SHARED;
  const char *heading;

  if (amending)
    heading = _("Amend a Sharing Log Entry");
  else
    heading = shared ? _("Record Sharing") : _("Record a Decision Not to Share");

  self = g_object_new (HEARD_TYPE_SHARING_EDITOR, "transient-for", parent, "heading", heading,
                       "save-label", amending ? _("_Save Amendment") : _("_Record"), NULL);
  self->case_file = g_object_ref (case_file);
  self->base = base;
  self->amending = amending;

  self->filling = TRUE;
  heard_agency_picker_offer_none (self->agency_row);
  heard_agency_picker_set_context (self->agency_row, heard_case_file_get_context (case_file));
  fill_answer_options (self, base);
  self->filling = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->reason_group), amending);
  show_decision (self);
  fill_links (self);
  fill_form (self, base);
  fill_bases (self);
  heard_context_list_lawful_bases_async (heard_case_file_get_context (case_file),
                                         heard_dialog_get_cancellable (HEARD_DIALOG (self)),
                                         bases_read_cb, g_object_ref (self));
  gtk_widget_grab_focus (amending ? GTK_WIDGET (self->reason_view) : GTK_WIDGET (self->what_view));

  return self;
}

HeardSharingEditor *
heard_sharing_editor_new (GtkWindow            *parent,
                          HeardCaseFile        *case_file,
                          HeardSharingDecision  decision)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);

  return create (parent, case_file,
                 heard_sharing_entry_new (heard_case_file_get_person_id (case_file), decision),
                 FALSE);
}

HeardSharingEditor *
heard_sharing_editor_new_completing (GtkWindow         *parent,
                                     HeardCaseFile     *case_file,
                                     HeardSharingEntry *draft)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);
  g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (draft), NULL);

  return create (parent, case_file, heard_sharing_entry_copy (draft), FALSE);
}

HeardSharingEditor *
heard_sharing_editor_new_amendment (GtkWindow         *parent,
                                    HeardCaseFile     *case_file,
                                    HeardSharingEntry *current)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);
  g_return_val_if_fail (HEARD_IS_SHARING_ENTRY (current), NULL);

  return create (parent, case_file, heard_sharing_entry_copy (current), TRUE);
}

HeardSharingEditor *
heard_sharing_editor_complete_export (GtkWindow     *parent,
                                      HeardCaseFile *case_file,
                                      gint64         audit_id)
{
  GListModel *unlogged;

  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);

  unlogged = heard_case_file_get_unlogged_exports (case_file);
  for (guint i = 0; i < g_list_model_get_n_items (unlogged); i++)
    {
      g_autoptr(HeardSharingEntry) draft = g_list_model_get_item (unlogged, i);

      if (heard_sharing_entry_get_export_audit_id (draft) == audit_id)
        {
          HeardSharingEditor *self = heard_sharing_editor_new_completing (parent, case_file,
                                                                          draft);

          gtk_window_present (GTK_WINDOW (self));
          return self;
        }
    }

  return NULL;
}

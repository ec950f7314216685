/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-person-page"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-agency.h"
#include "heard-directory-list.h"
#include "heard-cluster-strip.h"
#include "heard-chronology-page.h"
#include "heard-content-note.h"
#include "heard-date.h"
#include "heard-person-page.h"
#include "heard-plan-view.h"
#include "heard-record-export-dialog.h"
#include "heard-sharing-page.h"
#include "heard-sign-editor.h"
#include "heard-statements-view.h"
#include "heard-story-view.h"
#include "heard-widgets.h"

struct _HeardPersonPage
{
  AdwBin          parent_instance;

  HeardContext   *context;
  HeardPerson    *person;
  HeardCaseFile  *case_file;
  gulong          notify_handler;

  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack   *view_stack;
  HeardClusterStrip *cluster_strip;
  GtkWidget      *back_button;
  GtkLabel       *name_label;
  GtkLabel       *summary_label;
  AdwActionRow   *preferred_name_row;
  AdwActionRow   *pronouns_row;
  AdwActionRow   *birth_row;
  AdwActionRow   *language_row;
  AdwActionRow   *ethnicity_row;
  AdwActionRow   *nationality_row;
  AdwActionRow   *key_worker_row;
  AdwActionRow   *agencies_row;
  AdwActionRow   *record_number_row;
  GtkLabel       *record_number_label;
  GtkLabel       *what_helps_label;
  GtkLabel       *what_is_hard_label;
  HeardContentNote *hard_note;
  HeardPlanView  *plan_view;
  HeardStatementsView *statements_view;
  HeardChronologyPage *chronology_page;
  HeardStoryView *story_view;
  HeardSharingPage *sharing_page;
};

G_DEFINE_FINAL_TYPE (HeardPersonPage, heard_person_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PERSON,
  PROP_SHOW_BACK_BUTTON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
or_not_recorded (const char *text)
{
  return text != NULL && *text != '\0' ? text : _("Not recorded");
}

static void
set_row (AdwActionRow *row,
         const char   *value)
{
  adw_action_row_set_subtitle (row, or_not_recorded (value));
}

static char *
describe_nationality (HeardPerson *person)
{
  switch (heard_person_get_nationality_answer (person))
    {
    case HEARD_ANSWER_GIVEN:
      return g_strdup (heard_person_get_text (person, HEARD_PERSON_NATIONALITY));
    case HEARD_ANSWER_NOT_KNOWN:
      return g_strdup (_("Not known"));
    case HEARD_ANSWER_PREFERS_NOT_TO_SAY:
      return g_strdup (_("Prefers not to say"));
    case HEARD_ANSWER_NOT_ASKED:
    default:
      return NULL;
    }
}

static char *
describe_language (HeardPerson *person)
{
  const char *language = heard_person_get_text (person, HEARD_PERSON_FIRST_LANGUAGE);

  if (!heard_person_get_interpreter_needed (person))
    return g_strdup (language);

  /* TRANSLATORS: a first language, e.g. "Polish — needs an interpreter" */
  return g_strdup_printf (_("%s — needs an interpreter"), or_not_recorded (language));
}

static char *
describe_birth_date (HeardPerson *person)
{
  GDate date;

  if (!heard_date_parse (heard_person_get_text (person, HEARD_PERSON_DATE_OF_BIRTH), &date,
                         NULL))
    return NULL;

  return heard_date_format (&date);
}

static char *
describe_summary (HeardPerson *person)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *pronouns = heard_person_get_text (person, HEARD_PERSON_PRONOUNS);
  const char *preferred = heard_person_get_preferred_name (person);
  char *age = heard_person_dup_age_text (person, now);

  if (*preferred != '\0')
    g_ptr_array_add (parts, g_strdup_printf (_("Likes to be called %s"), preferred));
  if (*pronouns != '\0')
    g_ptr_array_add (parts, g_strdup (pronouns));
  if (age != NULL)
    g_ptr_array_add (parts, age);
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
refresh (HeardPersonPage *self)
{
  /* With nobody shown, nothing of the last person stays behind (a lock). */
  g_autoptr(HeardPerson) nobody = self->person == NULL ? heard_person_new () : NULL;
  HeardPerson *person = self->person != NULL ? self->person : nobody;
  g_autofree char *summary = NULL;
  g_autofree char *language = NULL;
  g_autofree char *nationality = NULL;
  g_autofree char *agencies = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *record_number = NULL;
  const char *ethnicity;
  const char *what_helps;

  summary = describe_summary (person);
  language = describe_language (person);
  nationality = describe_nationality (person);
  if (self->context != NULL)
    {
      const gint64 *agency_ids;
      guint n_ids;

      agency_ids = heard_person_get_agency_ids (person, &n_ids);
      agencies = heard_directory_list_describe_involved (
        HEARD_DIRECTORY_LIST (heard_context_get_agencies (self->context)),
        heard_person_get_text (person, HEARD_PERSON_AGENCIES), agency_ids, n_ids);
    }
  else
    agencies = heard_agency_list_to_label (heard_person_get_text (person,
                                                                  HEARD_PERSON_AGENCIES));
  what_helps = heard_person_get_text (person, HEARD_PERSON_WHAT_HELPS);
  ethnicity = heard_person_get_text (person, HEARD_PERSON_ETHNICITY);
  birth = describe_birth_date (person);

  adw_view_switcher_title_set_title (self->switcher_title, heard_person_get_display_name (person));
  gtk_label_set_text (self->name_label, heard_person_get_display_name (person));
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), *summary != '\0');

  set_row (self->preferred_name_row, heard_person_get_preferred_name (person));
  set_row (self->pronouns_row, heard_person_get_text (person, HEARD_PERSON_PRONOUNS));
  set_row (self->birth_row, birth);
  set_row (self->language_row, language);
  set_row (self->ethnicity_row, *ethnicity != '\0' ? heard_person_ethnicity_label (ethnicity)
                                                   : NULL);
  set_row (self->nationality_row, nationality);
  set_row (self->key_worker_row, heard_person_get_text (person, HEARD_PERSON_KEY_WORKER));
  set_row (self->agencies_row, agencies);
  /* Not personal data: the number heard-cli asks for. */
  record_number = heard_person_get_id (person) > 0
                  ? g_strdup_printf ("%" G_GINT64_FORMAT, heard_person_get_id (person)) : NULL;
  gtk_label_set_text (self->record_number_label, record_number != NULL ? record_number : "");
  gtk_widget_set_visible (GTK_WIDGET (self->record_number_row), record_number != NULL);

  heard_label_set_words (self->what_helps_label,
                         *what_helps != '\0' ? what_helps : _("Nothing written here yet."));
  heard_label_set_words (self->what_is_hard_label,
                         or_not_recorded (heard_person_get_text (person,
                                                                 HEARD_PERSON_WHAT_IS_HARD)));
}

static void
copy_record_number_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  HeardPersonPage *self = HEARD_PERSON_PAGE (widget);
  const char *number = gtk_label_get_text (self->record_number_label);

  if (*number != '\0')
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), number);
}

static void
person_notify_cb (HeardPersonPage *self)
{
  refresh (self);
}

/* Logging a sign or a strength is one dialog, two ways in. */
static void
log_entry_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HeardPersonPage *self = HEARD_PERSON_PAGE (widget);
  HeardSignEditor *editor;

  if (self->case_file == NULL)
    return;

  editor = heard_sign_editor_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->case_file,
                                  g_str_equal (action_name, "person.log-strength"));
  gtk_window_present (GTK_WINDOW (editor));
}

/* Amends the warning sign or strength whose id is the parameter: how the
 * chronology's entries are amended. */
static void
amend_entry_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HeardPersonPage *self = HEARD_PERSON_PAGE (widget);
  gint64 entry_id = g_variant_get_int64 (parameter);
  GListModel *entries;

  if (self->case_file == NULL)
    return;

  entries = heard_case_file_get_chronology (self->case_file);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(HeardChronologyEntry) entry = g_list_model_get_item (entries, i);

      if (heard_chronology_entry_get_id (entry) == entry_id)
        {
          HeardSignEditor *editor =
            heard_sign_editor_new_amendment (GTK_WINDOW (gtk_widget_get_root (widget)),
                                             self->case_file, entry);

          gtk_window_present (GTK_WINDOW (editor));
          return;
        }
    }
}

/* From the chronology: their words at that statement, a check-in or a
 * plan's decision in the Support Plan tab. */
static void
open_record_cb (HeardPersonPage *self,
                guint            source,
                gint64           record_id)
{
  if (source == HEARD_CHRONOLOGY_FROM_STATEMENT)
    heard_person_page_show_statement (self, record_id);
  else
    heard_person_page_show_view (self, "plan");
}

static void
opened_noted_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error) == 0)
    g_warning ("Could not note in the audit trail that a record was opened: %s",
               error->message);
}

static void
heard_person_page_dispose (GObject *object)
{
  HeardPersonPage *self = HEARD_PERSON_PAGE (object);

  heard_person_page_set_person (self, NULL);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_PERSON_PAGE);

  G_OBJECT_CLASS (heard_person_page_parent_class)->dispose (object);
}

static void
heard_person_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HeardPersonPage *self = HEARD_PERSON_PAGE (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;

    case PROP_SHOW_BACK_BUTTON:
      g_value_set_boolean (value, gtk_widget_get_visible (self->back_button));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_person_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HeardPersonPage *self = HEARD_PERSON_PAGE (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      heard_person_page_set_person (self, g_value_get_object (value));
      break;

    case PROP_SHOW_BACK_BUTTON:
      if (gtk_widget_get_visible (self->back_button) != g_value_get_boolean (value))
        {
          gtk_widget_set_visible (self->back_button, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Their own record to keep, or everything held about them. */
static void
export_record_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HeardPersonPage *self = HEARD_PERSON_PAGE (widget);
  HeardRecordDocumentKind kind = g_str_equal (action_name, "person.export-my-record")
                                 ? HEARD_RECORD_DOCUMENT_MINE
                                 : HEARD_RECORD_DOCUMENT_SUBJECT_ACCESS;
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (widget));

  if (self->case_file == NULL)
    return;
  gtk_window_present (GTK_WINDOW (heard_record_export_dialog_new (window, self->case_file,
                                                                  kind)));
}

static void
heard_person_page_class_init (HeardPersonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_person_page_dispose;
  object_class->get_property = heard_person_page_get_property;
  object_class->set_property = heard_person_page_set_property;

  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, HEARD_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_BACK_BUTTON] =
    g_param_spec_boolean ("show-back-button", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "person.log-sign", NULL, log_entry_cb);
  gtk_widget_class_install_action (widget_class, "person.log-strength", NULL, log_entry_cb);
  gtk_widget_class_install_action (widget_class, "person.amend-entry", "x", amend_entry_cb);
  gtk_widget_class_install_action (widget_class, "person.export-my-record", NULL,
                                   export_record_action);
  gtk_widget_class_install_action (widget_class, "person.export-subject-access", NULL,
                                   export_record_action);

  g_type_ensure (HEARD_TYPE_CLUSTER_STRIP);
  g_type_ensure (HEARD_TYPE_CONTENT_NOTE);
  g_type_ensure (HEARD_TYPE_PLAN_VIEW);
  g_type_ensure (HEARD_TYPE_STATEMENTS_VIEW);
  g_type_ensure (HEARD_TYPE_CHRONOLOGY_PAGE);
  g_type_ensure (HEARD_TYPE_STORY_VIEW);
  g_type_ensure (HEARD_TYPE_SHARING_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-person-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardPersonPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonPage, cluster_strip);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonPage, preferred_name_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonPage, pronouns_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonPage, birth_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonPage, ethnicity_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonPage, nationality_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonPage, key_worker_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonPage, agencies_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonPage, record_number_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonPage, record_number_label);
  gtk_widget_class_install_action (widget_class, "person.copy-record-number", NULL,
                                   copy_record_number_action);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonPage, what_helps_label);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonPage, what_is_hard_label);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonPage, hard_note);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonPage, plan_view);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonPage, statements_view);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonPage, chronology_page);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonPage, story_view);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonPage, sharing_page);
  gtk_widget_class_bind_template_callback (widget_class, open_record_cb);
}

static void
heard_person_page_init (HeardPersonPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_accessibility_name_mnemonics (GTK_WIDGET (self));
  gtk_widget_set_visible (self->back_button, FALSE);
}

void
heard_person_page_set_context (HeardPersonPage *self,
                               HeardContext    *context)
{
  g_return_if_fail (HEARD_IS_PERSON_PAGE (self));

  g_set_object (&self->context, context);
}

HeardPerson *
heard_person_page_get_person (HeardPersonPage *self)
{
  g_return_val_if_fail (HEARD_IS_PERSON_PAGE (self), NULL);

  return self->person;
}

/* Every scrolled part below @widget back at its top. */
static void
scroll_to_top (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkAdjustment *adjustment =
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    scroll_to_top (child);
}

void
heard_person_page_set_person (HeardPersonPage *self,
                              HeardPerson     *person)
{
  g_return_if_fail (HEARD_IS_PERSON_PAGE (self));

  if (self->person == person)
    return;

  if (self->person != NULL)
    g_clear_signal_handler (&self->notify_handler, self->person);
  g_set_object (&self->person, person);
  if (person != NULL)
    self->notify_handler = g_signal_connect_object (person, "notify",
                                                    G_CALLBACK (person_notify_cb), self,
                                                    G_CONNECT_SWAPPED);

  /* Sensitive text starts hidden again for every young person. */
  heard_content_note_set_revealed (self->hard_note, FALSE);
  /* The young person's one shared case file, for as long as they are shown. */
  g_clear_object (&self->case_file);
  if (person != NULL && self->context != NULL)
    {
      self->case_file = heard_case_file_open (self->context, person);
      /* Each showing of a young person's record is theirs to know of
       * ("Who has seen my story"), however long it stays shown. */
      heard_case_file_note_opened_async (self->case_file, NULL, opened_noted_cb, NULL);
    }
  heard_plan_view_set_case_file (self->plan_view, self->case_file);
  heard_statements_view_set_case_file (self->statements_view, self->case_file);
  heard_cluster_strip_set_case_file (self->cluster_strip, self->case_file);
  heard_chronology_page_set_case_file (self->chronology_page, self->case_file);
  heard_story_view_set_case_file (self->story_view, self->case_file);
  heard_sharing_page_set_case_file (self->sharing_page, self->case_file);
  /* Their record opens at its start, not where the last person's was left. */
  scroll_to_top (GTK_WIDGET (self));
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}

gboolean
heard_person_page_get_sensitive_text_shown (HeardPersonPage *self)
{
  g_return_val_if_fail (HEARD_IS_PERSON_PAGE (self), FALSE);

  return heard_content_note_get_revealed (self->hard_note);
}

/* Shows the view called @name ("record", "plan"…) of the person shown. */
void
heard_person_page_show_view (HeardPersonPage *self,
                             const char      *name)
{
  g_return_if_fail (HEARD_IS_PERSON_PAGE (self));

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* Shows the person's statements, with @statement_id brought into view. */
void
heard_person_page_show_statement (HeardPersonPage *self,
                                  gint64           statement_id)
{
  g_return_if_fail (HEARD_IS_PERSON_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "statements");
  heard_statements_view_show_statement (self->statements_view, statement_id);
}

GtkWidget *
heard_person_page_get_statements_view (HeardPersonPage *self)
{
  g_return_val_if_fail (HEARD_IS_PERSON_PAGE (self), NULL);

  return GTK_WIDGET (self->statements_view);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-person-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-choice-row.h"
#include "heard-date-row.h"
#include "heard-accessibility.h"
#include "heard-agency.h"
#include "heard-agency-picker.h"
#include "heard-directory-list.h"
#include "heard-content-note.h"
#include "heard-enum-binding.h"
#include "heard-field-error.h"
#include "heard-person-editor.h"
#include "heard-text-fields.h"
#include "heard-widgets.h"

/*
 * The editor works on a draft copy of the record, bound field by field, so
 * that nothing reaches the shared list until the store has saved it. It is
 * a HeardDialog: if saving fails, the draft and everything typed stay on
 * screen, and closing with changes asks first.
 */

struct _HeardPersonEditor
{
  HeardDialog   parent_instance;

  HeardContext *context;
  HeardPerson  *draft;
  HeardPerson  *saved_person;

  AdwEntryRow    *display_name_row;
  AdwEntryRow    *preferred_name_row;
  AdwEntryRow    *pronouns_row;
  HeardDateRow   *birth_row;
  AdwEntryRow    *language_row;
  GtkSwitch      *interpreter_switch;
  AdwComboRow    *ethnicity_row;
  AdwComboRow    *nationality_answer_row;
  AdwEntryRow    *nationality_row;
  AdwEntryRow    *key_worker_row;
  AdwExpanderRow *agencies_row;
  GtkTextView    *what_helps_view;
  GtkTextView    *what_is_hard_view;
  HeardContentNote *hard_note;

  /* The text boxes bound to the draft, checked one by one before saving
   * so that what is wrong is said beside its box. */
  GArray         *boxes;
  /* The tick boxes of the agencies involved (Involved), in row order. */
  GArray         *involved;
};

/* One tick box: a directory entry of @kind, or @kind alone (id 0). */
typedef struct
{
  GtkCheckButton *check;
  HeardAgency     kind;
  gint64          agency_id;
} Involved;

typedef struct
{
  const char *property;
  GtkWidget  *widget;
  const char *name;
} Box;

G_DEFINE_FINAL_TYPE (HeardPersonEditor, heard_person_editor, HEARD_TYPE_DIALOG)

static void
bind_field (HeardPersonEditor *self,
           const char        *property,
           gpointer           widget,
           const char        *widget_property)
{
  g_object_bind_property (self->draft, property, widget, widget_property,
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  /* A one-line field stops at what its field keeps. */
  if (ADW_IS_ENTRY_ROW (widget))
    heard_entry_row_limit (widget, G_OBJECT (self->draft), property);
}

/* Binds the text box @widget, called @name on screen (an entry row's own
 * title when NULL), to the draft's @property. */
static void
bind_box (HeardPersonEditor *self,
          const char        *property,
          GtkWidget         *widget,
          const char        *name)
{
  Box box = {
    property, widget,
    name != NULL ? name : adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
  };

  if (GTK_IS_TEXT_VIEW (widget))
    bind_field (self, property, gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "text");
  else
    bind_field (self, property, widget, "text");
  g_array_append_val (self->boxes, box);
}

/* Says beside the first box that is wrong what is wrong with it. */
static gboolean
check_boxes (HeardPersonEditor *self)
{
  for (guint i = 0; i < self->boxes->len; i++)
    {
      Box *box = &g_array_index (self->boxes, Box, i);
      g_autoptr(GError) error = NULL;

      if (!heard_person_check_text_field (self->draft, box->property, box->name, &error))
        {
          heard_field_error_show (box->widget, error->message);
          return FALSE;
        }
    }

  return heard_date_row_check (self->birth_row);
}

static gboolean
ethnicity_code_to_position (GBinding     *binding,
                            const GValue *from,
                            GValue       *to,
                            gpointer      user_data)
{
  guint n_choices = 0;
  const HeardChoice *choices = heard_person_get_ethnicities (&n_choices);

  for (guint i = 0; i < n_choices; i++)
    {
      if (g_strcmp0 (choices[i].code, g_value_get_string (from)) == 0)
        {
          g_value_set_uint (to, i);
          return TRUE;
        }
    }

  g_value_set_uint (to, 0);
  return TRUE;
}

static gboolean
ethnicity_position_to_code (GBinding     *binding,
                            const GValue *from,
                            GValue       *to,
                            gpointer      user_data)
{
  guint n_choices = 0;
  const HeardChoice *choices = heard_person_get_ethnicities (&n_choices);
  guint position = g_value_get_uint (from);

  if (position >= n_choices)
    return FALSE;

  g_value_set_string (to, choices[position].code);
  return TRUE;
}

static gboolean
answer_is_given (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_enum (from) == HEARD_ANSWER_GIVEN);
  return TRUE;
}

static void
fill_ethnicity_choices (HeardPersonEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  guint n_choices = 0;
  const HeardChoice *choices = heard_person_get_ethnicities (&n_choices);

  for (guint i = 0; i < n_choices; i++)
    {
      gtk_string_list_append (labels, _(choices[i].label));
      g_strv_builder_add (codes, choices[i].code);
    }

  adw_combo_row_set_model (self->ethnicity_row, G_LIST_MODEL (labels));
  /* A draft keeps the ethnicity by its code. */
  ids = g_strv_builder_end (codes);
  heard_choice_row_set_ids (HEARD_CHOICE_ROW (self->ethnicity_row), (const char * const *) ids);
}

/* The kinds and entries ticked go into the draft: an entry ticked names
 * its kind too, so that kind and entry never disagree. */
static void
agency_toggled_cb (HeardPersonEditor *self)
{
  g_autofree char *kinds = g_strdup ("");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->involved->len; i++)
    {
      Involved *involved = &g_array_index (self->involved, Involved, i);

      if (!gtk_check_button_get_active (involved->check))
        continue;
      if (!heard_agency_list_has (kinds, involved->kind))
        {
          char *longer = heard_agency_list_add (kinds, involved->kind);

          g_free (kinds);
          kinds = longer;
        }
      if (involved->agency_id != 0)
        g_array_append_val (ids, involved->agency_id);
    }

  g_object_freeze_notify (G_OBJECT (self->draft));
  heard_person_set_text (self->draft, HEARD_PERSON_AGENCIES, kinds);
  heard_person_set_agency_ids (self->draft, (const gint64 *) (gpointer) ids->data, ids->len);
  g_object_thaw_notify (G_OBJECT (self->draft));
}

static void
add_agency_row (HeardPersonEditor    *self,
                HeardDirectoryAgency *choice,
                gboolean              ticked)
{
  Involved involved;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *title = heard_agency_choice_get_title (choice);
  g_autofree char *code = heard_agency_choice_dup_id (choice);
  g_autofree char *name = NULL;

  involved.check = GTK_CHECK_BUTTON (check);
  involved.kind = heard_agency_type_to_kind (heard_directory_agency_get_agency_type (choice));
  involved.agency_id = heard_directory_agency_get_id (choice);
  g_array_append_val (self->involved, involved);

  /* Its name in a draft, which keeps whether it is ticked: "agency-police"
   * for a kind alone, "agency-school-12" for an entry. */
  g_strdelimit (code, ":", '-');
  name = g_strconcat ("agency-", code, NULL);
  gtk_widget_set_name (check, name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (involved.agency_id != 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), heard_agency_label (involved.kind));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), ticked);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  g_signal_connect_object (check, "toggled", G_CALLBACK (agency_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_expander_row_add_row (self->agencies_row, row);
}

/* The directory's entries grouped by kind, and the kinds without one, as
 * the agency picker offers them; and whatever the record holds that the
 * directory no longer offers (a retired entry, a kind ticked before its
 * entries were added), so that nothing ticked is lost. */
static void
add_agency_rows (HeardPersonEditor *self)
{
  HeardDirectoryList *directory = HEARD_DIRECTORY_LIST (heard_context_get_agencies (
                                                          self->context));
  g_autoptr(GPtrArray) choices = heard_agency_choices (G_LIST_MODEL (directory));
  const char *kinds = heard_person_get_text (self->draft, HEARD_PERSON_AGENCIES);
  const gint64 *ids;
  gboolean kind_shown[HEARD_AGENCY_N_AGENCIES] = { FALSE };
  guint n_ids;

  ids = heard_person_get_agency_ids (self->draft, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      HeardDirectoryAgency *entry = heard_directory_list_lookup (directory, ids[i]);

      if (entry != NULL && heard_directory_agency_get_retired (entry))
        g_ptr_array_add (choices, g_object_ref (entry));
    }

  for (guint i = 0; i < choices->len; i++)
    {
      HeardDirectoryAgency *choice = g_ptr_array_index (choices, i);
      HeardAgency kind = heard_agency_type_to_kind (heard_directory_agency_get_agency_type (
                                                      choice));
      gint64 id = heard_directory_agency_get_id (choice);
      gboolean ticked = id != 0 ? heard_person_has_agency_id (self->draft, id)
                                : heard_agency_list_has (kinds, kind);

      /* A kind stands for itself when no entry of it is ticked. */
      kind_shown[kind] = kind_shown[kind] || ticked;
      add_agency_row (self, choice, ticked);
    }

  for (HeardAgencyType type = 0; type < HEARD_AGENCY_N_TYPES; type++)
    {
      HeardAgency kind = heard_agency_type_to_kind (type);

      if (!kind_shown[kind] && heard_agency_list_has (kinds, kind))
        {
          g_autoptr(HeardDirectoryAgency) alone = heard_directory_agency_new (type, NULL);

          kind_shown[kind] = TRUE;
          add_agency_row (self, alone, TRUE);
        }
    }
}

static void
bind_draft (HeardPersonEditor *self)
{
  bind_box (self, "display-name", GTK_WIDGET (self->display_name_row), NULL);
  bind_box (self, "preferred-name", GTK_WIDGET (self->preferred_name_row), NULL);
  bind_box (self, "pronouns", GTK_WIDGET (self->pronouns_row), NULL);
  heard_date_row_bind (self->birth_row, self->draft, "date-of-birth");
  heard_entry_row_limit (ADW_ENTRY_ROW (self->birth_row), G_OBJECT (self->draft), "date-of-birth");
  bind_box (self, "first-language", GTK_WIDGET (self->language_row), NULL);
  bind_field (self, "interpreter-needed", self->interpreter_switch, "active");
  bind_box (self, "nationality", GTK_WIDGET (self->nationality_row), NULL);
  bind_box (self, "key-worker", GTK_WIDGET (self->key_worker_row), NULL);
  bind_box (self, "what-helps", GTK_WIDGET (self->what_helps_view), _("What helps me"));
  bind_box (self, "what-is-hard", GTK_WIDGET (self->what_is_hard_view),
            _("What is hard for me"));

  g_object_bind_property_full (self->draft, "ethnicity", self->ethnicity_row, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               ethnicity_code_to_position, ethnicity_position_to_code,
                               NULL, NULL);
  heard_bind_enum_to_combo (self->draft, "nationality-answer", self->nationality_answer_row);
  g_object_bind_property_full (self->draft, "nationality-answer", self->nationality_row,
                               "sensitive", G_BINDING_SYNC_CREATE, answer_is_given, NULL,
                               NULL, NULL);
}

static void
draft_changed_cb (HeardPersonEditor *self)
{
  heard_dialog_set_changed (HEARD_DIALOG (self));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HeardPersonEditor) self = user_data;
  g_autoptr(HeardPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  person = heard_context_save_person_finish (HEARD_CONTEXT (object), result, &error);
  g_set_object (&self->saved_person, person);
  heard_dialog_finish_saving (HEARD_DIALOG (self), error);
}

static void
heard_person_editor_save (HeardDialog *dialog)
{
  HeardPersonEditor *self = HEARD_PERSON_EDITOR (dialog);
  g_autoptr(HeardPerson) checked = heard_person_copy (self->draft);
  g_autoptr(GError) error = NULL;

  /* Check here first so the message appears at once, without a round trip,
   * beside the box it is about. What is saved has its date of birth in the
   * stored form; the draft keeps it as it was typed. */
  if (!check_boxes (self))
    {
      heard_dialog_resume_saving (dialog);
      return;
    }

  if (!heard_person_prepare (checked, &error))
    {
      /* Only a missing name is left for the record to refuse. */
      if (heard_text_is_blank (heard_person_get_display_name (self->draft)))
        heard_field_error_show (GTK_WIDGET (self->display_name_row), error->message);
      else
        heard_dialog_show_error (dialog, error->message);
      heard_dialog_resume_saving (dialog);
      return;
    }

  heard_context_save_person_async (self->context, checked, heard_dialog_get_cancellable (dialog),
                                   saved_cb, g_object_ref (self));
}

static void
heard_person_editor_dispose (GObject *object)
{
  HeardPersonEditor *self = HEARD_PERSON_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_PERSON_EDITOR);
  g_clear_object (&self->draft);
  g_clear_object (&self->saved_person);
  g_clear_object (&self->context);
  g_clear_pointer (&self->boxes, g_array_unref);
  g_clear_pointer (&self->involved, g_array_unref);

  G_OBJECT_CLASS (heard_person_editor_parent_class)->dispose (object);
}

static void
heard_person_editor_class_init (HeardPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeardDialogClass *dialog_class = HEARD_DIALOG_CLASS (klass);

  object_class->dispose = heard_person_editor_dispose;
  dialog_class->save = heard_person_editor_save;

  g_type_ensure (HEARD_TYPE_CONTENT_NOTE);
  g_type_ensure (HEARD_TYPE_CHOICE_ROW);
  g_type_ensure (HEARD_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardPersonEditor, display_name_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonEditor, preferred_name_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonEditor, pronouns_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonEditor, birth_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonEditor, interpreter_switch);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonEditor, ethnicity_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonEditor, nationality_answer_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonEditor, nationality_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonEditor, key_worker_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonEditor, agencies_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonEditor, what_helps_view);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonEditor, what_is_hard_view);
  gtk_widget_class_bind_template_child (widget_class, HeardPersonEditor, hard_note);
}

static void
heard_person_editor_init (HeardPersonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  self->involved = g_array_new (FALSE, FALSE, sizeof (Involved));
  fill_ethnicity_choices (self);
  heard_accessibility_name_entry_rows (GTK_WIDGET (self));
}

HeardPersonEditor *
heard_person_editor_new (GtkWindow    *parent,
                         HeardContext *context,
                         HeardPerson  *person)
{
  HeardPersonEditor *self;

  g_return_val_if_fail (HEARD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (person == NULL || HEARD_IS_PERSON (person), NULL);

  self = g_object_new (HEARD_TYPE_PERSON_EDITOR,
                       "transient-for", parent,
                       "heading", person != NULL ? _("Edit Record") : _("Add a Young Person"),
                       NULL);
  self->context = g_object_ref (context);
  heard_dialog_keep_drafts (HEARD_DIALOG (self), context, HEARD_DRAFT_PERSON,
                            person != NULL ? heard_person_get_id (person) : 0, 0, 0);
  self->draft = person != NULL ? heard_person_copy (person) : heard_person_new ();

  bind_draft (self);
  add_agency_rows (self);
  /* What is already written there stays behind its content note here too. */
  heard_content_note_set_revealed (self->hard_note,
                                   heard_text_is_blank (heard_person_get_text (
                                     self->draft, HEARD_PERSON_WHAT_IS_HARD)));
  g_signal_connect_object (self->draft, "notify", G_CALLBACK (draft_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_grab_focus (GTK_WIDGET (self->display_name_row));

  return self;
}

/* The record as it was saved, once "saved" was emitted; NULL before. */
HeardPerson *
heard_person_editor_get_saved_person (HeardPersonEditor *self)
{
  g_return_val_if_fail (HEARD_IS_PERSON_EDITOR (self), NULL);

  return self->saved_person;
}

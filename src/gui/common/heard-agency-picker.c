/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-agency-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-agency-editor.h"
#include "heard-agency-picker.h"
#include "heard-directory-list.h"
#include "heard-widgets.h"

/*
 * Chooses an agency from the agencies directory: a school by its name
 * ("Northgate Academy", with "School or college" beneath), never a
 * retired one. The directory is the context's live list, so an agency
 * added or retired anywhere shows here at once; "Add Agency…" beside it
 * opens the directory's own editor and chooses what was added.
 */

struct _HeardAgencyPicker
{
  HeardChoiceRow  parent_instance;

  HeardContext   *context;
  /* The choices offered, in the row's order (HeardDirectoryAgency). */
  GListStore     *choices;
  /* An agency just added here, chosen once the directory shows it. */
  gint64          choose_when_listed;
  /* Whether "The young person" is offered too (an action's owner). */
  gboolean        offer_young_person;
  /* Whether "Not chosen yet" is offered first, and chosen at first. */
  gboolean        offer_none;
  /* The choice a record holds (heard_agency_picker_choose), offered even
   * when the directory would not offer it now: a kind alone where entries
   * have been added since, or an entry retired since. */
  char           *kept_id;
};

G_DEFINE_FINAL_TYPE (HeardAgencyPicker, heard_agency_picker, HEARD_TYPE_CHOICE_ROW)

/* What names "Not chosen yet" (heard_agency_picker_offer_none()). */
#define NONE_ID "none"

static gboolean
is_offered (HeardDirectoryAgency *agency,
            HeardAgencyType       type)
{
  return !heard_directory_agency_get_retired (agency) &&
         heard_directory_agency_get_agency_type (agency) == type;
}

/* Whether an entry not retired serves @kind. */
static gboolean
kind_has_entry (GListModel  *directory,
                HeardAgency  kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (directory); i++)
    {
      g_autoptr(HeardDirectoryAgency) agency = g_list_model_get_item (directory, i);

      if (!heard_directory_agency_get_retired (agency) &&
          heard_agency_type_to_kind (heard_directory_agency_get_agency_type (agency)) == kind)
        return TRUE;
    }

  return FALSE;
}

GPtrArray *
heard_agency_choices (GListModel *directory)
{
  GPtrArray *choices;

  g_return_val_if_fail (G_IS_LIST_MODEL (directory), NULL);

  choices = g_ptr_array_new_with_free_func (g_object_unref);
  for (HeardAgencyType type = 0; type < HEARD_AGENCY_N_TYPES; type++)
    {
      HeardAgency kind = heard_agency_type_to_kind (type);

      for (guint i = 0; i < g_list_model_get_n_items (directory); i++)
        {
          g_autoptr(HeardDirectoryAgency) agency = g_list_model_get_item (directory, i);

          if (is_offered (agency, type))
            g_ptr_array_add (choices, g_steal_pointer (&agency));
        }
      /* The voluntary sector is agreed to as "other": its kind alone is
       * offered once, as Other. */
      if (type != HEARD_AGENCY_TYPE_VOLUNTARY_SECTOR && !kind_has_entry (directory, kind))
        g_ptr_array_add (choices, heard_directory_agency_new (type, NULL));
    }

  return choices;
}

char *
heard_agency_choice_dup_id (HeardDirectoryAgency *choice)
{
  HeardAgency kind;

  g_return_val_if_fail (HEARD_IS_DIRECTORY_AGENCY (choice), NULL);

  kind = heard_agency_type_to_kind (heard_directory_agency_get_agency_type (choice));
  if (heard_directory_agency_get_id (choice) == 0)
    return g_strdup (heard_agency_to_code (kind));

  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, heard_agency_to_code (kind),
                          heard_directory_agency_get_id (choice));
}

const char *
heard_agency_choice_get_title (HeardDirectoryAgency *choice)
{
  const char *name;

  g_return_val_if_fail (HEARD_IS_DIRECTORY_AGENCY (choice), NULL);

  name = heard_directory_agency_get_text (choice, HEARD_DIRECTORY_AGENCY_NAME);
  if (heard_directory_agency_get_id (choice) == 0 && (name == NULL || *name == '\0'))
    return heard_agency_label (heard_agency_type_to_kind (
                                 heard_directory_agency_get_agency_type (choice)));

  return heard_directory_agency_get_text (choice, HEARD_DIRECTORY_AGENCY_NAME);
}

/* The option's words: "School or college: Northgate Academy", which the
 * row shows as the name with its type beneath; a kind alone by its name. */
static char *
describe_choice (HeardDirectoryAgency *choice)
{
  if (choice == NULL)
    return g_strdup ("");
  if (heard_directory_agency_get_id (choice) == 0)
    return g_strdup (heard_agency_choice_get_title (choice));

  return g_strdup_printf ("%s: %s",
                          heard_agency_type_label (heard_directory_agency_get_agency_type (choice)),
                          heard_directory_agency_get_text (choice, HEARD_DIRECTORY_AGENCY_NAME));
}

/* Reads "school:12" or "police" back into a kind and an entry id. */
static gboolean
parse_choice_id (const char  *id,
                 HeardAgency *kind,
                 gint64      *agency_id)
{
  g_auto(GStrv) parts = NULL;

  if (id == NULL)
    return FALSE;

  parts = g_strsplit (id, ":", 2);
  *agency_id = parts[1] != NULL ? g_ascii_strtoll (parts[1], NULL, 10) : 0;
  return heard_agency_from_code (parts[0], kind);
}

/* The choice for the kept choice when the directory does not offer it:
 * the entry (retired, say) or the kind alone; NULL for the young person. */
static HeardDirectoryAgency *
kept_choice (HeardAgencyPicker *self,
             GListModel        *directory)
{
  HeardAgency kind;
  gint64 agency_id;

  if (!parse_choice_id (self->kept_id, &kind, &agency_id) || kind == HEARD_AGENCY_YOUNG_PERSON)
    return NULL;

  if (agency_id != 0)
    {
      HeardDirectoryAgency *entry = heard_directory_list_lookup (HEARD_DIRECTORY_LIST (directory),
                                                                 agency_id);

      return entry != NULL ? g_object_ref (entry) : NULL;
    }

  for (HeardAgencyType type = 0; type < HEARD_AGENCY_N_TYPES; type++)
    if (heard_agency_type_to_kind (type) == kind)
      return heard_directory_agency_new (type, NULL);

  return NULL;
}

/* Offers the directory as it is now, keeping the choice made when it is
 * still offered (else the first). */
static void
refill (HeardAgencyPicker *self)
{
  GListModel *directory = heard_context_get_agencies (self->context);
  g_autoptr(GPtrArray) choices = heard_agency_choices (directory);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *chosen = g_strdup (heard_choice_row_get_chosen_id (HEARD_CHOICE_ROW (self)));
  gboolean kept_offered = self->kept_id == NULL;

  for (guint i = 0; i < choices->len; i++)
    {
      char *id = heard_agency_choice_dup_id (choices->pdata[i]);

      kept_offered = kept_offered || g_strcmp0 (id, self->kept_id) == 0;
      g_ptr_array_add (ids, id);
    }
  if (!kept_offered)
    {
      HeardDirectoryAgency *kept = kept_choice (self, directory);

      if (kept != NULL)
        {
          g_ptr_array_add (choices, kept);
          g_ptr_array_add (ids, g_strdup (self->kept_id));
        }
    }
  if (self->offer_none)
    {
      g_ptr_array_insert (choices, 0, heard_directory_agency_new (HEARD_AGENCY_TYPE_OTHER,
                                                                  _("Not chosen yet")));
      g_ptr_array_insert (ids, 0, g_strdup (NONE_ID));
    }
  if (self->offer_young_person)
    {
      HeardAgency young_person = HEARD_AGENCY_YOUNG_PERSON;

      g_ptr_array_add (choices, heard_directory_agency_new (HEARD_AGENCY_TYPE_OTHER,
                                                            heard_agency_label (young_person)));
      g_ptr_array_add (ids, g_strdup (heard_agency_to_code (young_person)));
    }
  g_ptr_array_add (ids, NULL);

  g_list_store_splice (self->choices, 0, g_list_model_get_n_items (G_LIST_MODEL (self->choices)),
                       choices->pdata, choices->len);
  heard_choice_row_set_ids (HEARD_CHOICE_ROW (self), (const char * const *) ids->pdata);

  for (guint i = 0; self->choose_when_listed != 0 && i < choices->len; i++)
    if (heard_directory_agency_get_id (choices->pdata[i]) == self->choose_when_listed)
      {
        g_clear_pointer (&chosen, g_free);
        chosen = g_strdup (ids->pdata[i]);
        self->choose_when_listed = 0;
      }

  if (chosen == NULL || !heard_choice_row_choose_id (HEARD_CHOICE_ROW (self), chosen))
    adw_combo_row_set_selected (ADW_COMBO_ROW (self), 0);
}

static void
agency_added_cb (HeardAgencyEditor *editor,
                 HeardAgencyPicker *self)
{
  self->choose_when_listed = heard_agency_editor_get_saved_id (editor);
  refill (self);
}

static void
add_agency_cb (HeardAgencyPicker *self)
{
  HeardAgencyEditor *editor;

  g_return_if_fail (self->context != NULL);

  editor = heard_agency_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    self->context, NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (agency_added_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
heard_agency_picker_dispose (GObject *object)
{
  HeardAgencyPicker *self = HEARD_AGENCY_PICKER (object);

  g_clear_object (&self->context);
  g_clear_object (&self->choices);
  g_clear_pointer (&self->kept_id, g_free);

  G_OBJECT_CLASS (heard_agency_picker_parent_class)->dispose (object);
}

static void
heard_agency_picker_class_init (HeardAgencyPickerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = heard_agency_picker_dispose;
}

static void
heard_agency_picker_init (HeardAgencyPicker *self)
{
  g_autoptr(GtkExpression) words = NULL;
  GtkWidget *add;

  self->choices = g_list_store_new (HEARD_TYPE_DIRECTORY_AGENCY);
  words = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                       G_CALLBACK (describe_choice), NULL, NULL);
  adw_combo_row_set_expression (ADW_COMBO_ROW (self), words);
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (self->choices));

  add = gtk_button_new_with_mnemonic (_("Add _Agency…"));
  gtk_widget_set_name (add, "add-agency");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (add, _("Add an agency to the directory and choose it"));
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_agency_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), add);
}

/* Offers the agencies of @context's directory, kept in step with it. */
void
heard_agency_picker_set_context (HeardAgencyPicker *self,
                                 HeardContext      *context)
{
  g_return_if_fail (HEARD_IS_AGENCY_PICKER (self));
  g_return_if_fail (HEARD_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (heard_context_get_agencies (context), "items-changed",
                           G_CALLBACK (refill), self, G_CONNECT_SWAPPED);
  refill (self);
}

HeardDirectoryAgency *
heard_agency_picker_get_chosen (HeardAgencyPicker *self)
{
  g_return_val_if_fail (HEARD_IS_AGENCY_PICKER (self), NULL);

  if (g_strcmp0 (heard_choice_row_get_chosen_id (HEARD_CHOICE_ROW (self)), NONE_ID) == 0)
    return NULL;

  return adw_combo_row_get_selected_item (ADW_COMBO_ROW (self));
}

/* Offers "The young person" after the agencies: an action's owner may be
 * the young person themselves. Call before heard_agency_picker_set_context. */
void
heard_agency_picker_offer_young_person (HeardAgencyPicker *self)
{
  g_return_if_fail (HEARD_IS_AGENCY_PICKER (self));
  g_return_if_fail (self->context == NULL);

  self->offer_young_person = TRUE;
}

/* Offers "Not chosen yet" before the agencies, chosen until another is,
 * so that a record says which agency only once someone has chosen it (its
 * agency id is 0 meanwhile). Call before heard_agency_picker_set_context. */
void
heard_agency_picker_offer_none (HeardAgencyPicker *self)
{
  g_return_if_fail (HEARD_IS_AGENCY_PICKER (self));
  g_return_if_fail (self->context == NULL);

  self->offer_none = TRUE;
}

/* Chooses what a record holds: entry @agency_id of @kind, or @kind alone
 * (0), offered from now on even if the directory would not offer it. */
void
heard_agency_picker_choose (HeardAgencyPicker *self,
                            HeardAgency        kind,
                            gint64             agency_id)
{
  g_return_if_fail (HEARD_IS_AGENCY_PICKER (self));
  g_return_if_fail (kind < HEARD_AGENCY_N_AGENCIES);
  g_return_if_fail (self->context != NULL);

  g_free (self->kept_id);
  self->kept_id = agency_id != 0
                  ? g_strdup_printf ("%s:%" G_GINT64_FORMAT, heard_agency_to_code (kind),
                                     agency_id)
                  : g_strdup (heard_agency_to_code (kind));
  refill (self);
  heard_choice_row_choose_id (HEARD_CHOICE_ROW (self), self->kept_id);
}

/* The kind chosen (the young person too, when offered). */
HeardAgency
heard_agency_picker_get_chosen_kind (HeardAgencyPicker *self)
{
  HeardAgency kind = HEARD_AGENCY_OTHER;
  gint64 agency_id;

  g_return_val_if_fail (HEARD_IS_AGENCY_PICKER (self), HEARD_AGENCY_OTHER);

  parse_choice_id (heard_choice_row_get_chosen_id (HEARD_CHOICE_ROW (self)), &kind, &agency_id);
  return kind;
}

/* The directory entry chosen, or 0 for a kind alone. */
gint64
heard_agency_picker_get_chosen_agency_id (HeardAgencyPicker *self)
{
  HeardAgency kind;
  gint64 agency_id = 0;

  g_return_val_if_fail (HEARD_IS_AGENCY_PICKER (self), 0);

  parse_choice_id (heard_choice_row_get_chosen_id (HEARD_CHOICE_ROW (self)), &kind, &agency_id);
  return agency_id;
}

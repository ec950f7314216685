/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-check-in-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-check-in-editor.h"
#include "heard-check-in-rules.h"
#include "heard-check-in-series.h"
#include "heard-choice-row.h"
#include "heard-columns-layout.h"
#include "heard-date-row.h"
#include "heard-field-error.h"
#include "heard-for-them-row.h"
#include "heard-language-hint.h"
#include "heard-widgets.h"

/*
 * A new check-in on a plan: the day and who was there; for each area of
 * the plan the young person's rating and the worker's side by side, each
 * 0 to 10, skipped or "I'd rather not say" (kept apart: not asked is not
 * the same as not wanting to answer); their safety scale; what they said,
 * in their words; the worker's note, which the language checker reads and
 * which is kept for staff unless they tick it written for them.
 * Where the two ratings of an area are 3 or more apart the form says,
 * calmly, that it is something to talk about: not an error.
 */

struct _HeardCheckInEditor
{
  HeardDialog          parent_instance;

  HeardCaseFile       *case_file;
  HeardCheckIn        *draft;
  GArray              *areas;       /* of HeardAreaKind, in the plan's order */
  /* Once saved (check-ins never change): a second try saves only the mark. */
  gint64               saved_id;
  GPtrArray           *rating_rows; /* two HeardChoiceRows an area: theirs, the worker's */
  GPtrArray           *gap_labels;  /* one an area */

  HeardDateRow        *day_row;
  AdwEntryRow         *present_row;
  AdwPreferencesGroup *areas_group;
  HeardChoiceRow      *safety_row;
  GtkTextView         *their_words_view;
  GtkTextView         *worker_note_view;
  HeardForThemRow     *for_them_row;
};

G_DEFINE_FINAL_TYPE (HeardCheckInEditor, heard_check_in_editor, HEARD_TYPE_DIALOG)

/* A rating's choices by id, as a draft keeps them: whatever their order on
 * screen, a draft saved before reopens with the same choice. */
#define SKIPPED_ID "skipped"
#define RATHER_NOT_SAY_ID "rather-not-say"

/* How the ends of a scale are labelled. */
typedef enum
{
  SCALE_AREA,
  SCALE_SAFETY,
} Scale;

/* Not answering first, both ways of it together, then 0 to 10 with the
 * ends said in words, so that no one has to guess which end is good. */
static void
set_up_rating_row (HeardChoiceRow *row,
                   Scale           scale,
                   const char     *accessible_name)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) id_list = NULL;

  gtk_string_list_append (labels, _("Skipped"));
  g_strv_builder_add (ids, SKIPPED_ID);
  gtk_string_list_append (labels, _("I’d rather not say"));
  g_strv_builder_add (ids, RATHER_NOT_SAY_ID);
  for (guint value = 0; value <= HEARD_RATING_MAX; value++)
    {
      g_autofree char *id = g_strdup_printf ("%u", value);
      g_autofree char *text = NULL;

      if (value == 0)
        /* TRANSLATORS: the lowest rating of how an area of life is going */
        text = g_strdup_printf (scale == SCALE_SAFETY ? _("%u — not safe at all")
                                                      : _("%u — not at all"), value);
      else if (value == HEARD_RATING_MAX)
        /* TRANSLATORS: the highest rating of how an area of life is going */
        text = g_strdup_printf (scale == SCALE_SAFETY ? _("%u — completely safe")
                                                      : _("%u — completely"), value);
      else
        text = g_strdup (id);
      gtk_string_list_append (labels, text);
      g_strv_builder_add (ids, id);
    }

  id_list = g_strv_builder_end (ids);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  heard_choice_row_set_ids (row, (const char *const *) id_list);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
}

static HeardRating
read_rating (HeardChoiceRow *row)
{
  const char *id = heard_choice_row_get_chosen_id (row);
  guint64 value;

  if (g_strcmp0 (id, RATHER_NOT_SAY_ID) == 0)
    return (HeardRating) { HEARD_RATING_RATHER_NOT_SAY, 0 };
  if (id != NULL && g_ascii_string_to_unsigned (id, 10, 0, HEARD_RATING_MAX, &value, NULL))
    return (HeardRating) { HEARD_RATING_GIVEN, (guint) value };
  return (HeardRating) { HEARD_RATING_SKIPPED, 0 };
}

/* Puts the ratings chosen into the draft, and says beside each area whose
 * two ratings are far apart that it is worth talking about. */
static void
read_ratings (HeardCheckInEditor *self)
{
  HeardRating safety = read_rating (self->safety_row);

  for (guint i = 0; i < self->areas->len; i++)
    {
      HeardAreaKind area = g_array_index (self->areas, HeardAreaKind, i);
      HeardRating ratings[HEARD_N_RATERS];

      for (guint r = 0; r < HEARD_N_RATERS; r++)
        {
          ratings[r] = read_rating (g_ptr_array_index (self->rating_rows, i * HEARD_N_RATERS + r));
          heard_check_in_set_rating (self->draft, area, r, ratings[r].state, ratings[r].value);
        }
      gtk_widget_set_visible (g_ptr_array_index (self->gap_labels, i),
                              heard_ratings_worth_talking_about (&ratings[HEARD_RATER_YOUNG_PERSON],
                                                                 &ratings[HEARD_RATER_WORKER]));
    }
  heard_check_in_set_safety (self->draft, safety.state, safety.value);
}

static void
ratings_changed_cb (HeardCheckInEditor *self)
{
  read_ratings (self);
  heard_dialog_set_changed (HEARD_DIALOG (self));
}

static void
add_rating_column (HeardCheckInEditor *self,
                   GtkWidget          *columns,
                   HeardAreaKind       area,
                   const char         *area_name,
                   HeardRater          rater)
{
  GtkWidget *list = gtk_list_box_new ();
  HeardChoiceRow *row = g_object_new (HEARD_TYPE_CHOICE_ROW, NULL);
  g_autofree char *name = g_strdup_printf ("rating-%u-%s", (guint) area,
                                           heard_rater_to_code (rater));
  g_autofree char *accessible_name = NULL;

  if (rater == HEARD_RATER_YOUNG_PERSON)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Their rating"));
      /* TRANSLATORS: %s is an area of a plan, e.g. "Health" */
      accessible_name = g_strdup_printf (_("%s: their rating"), area_name);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Worker’s rating"));
      /* TRANSLATORS: %s is an area of a plan, e.g. "Health" */
      accessible_name = g_strdup_printf (_("%s: worker’s rating"), area_name);
    }
  gtk_widget_set_name (GTK_WIDGET (row), name);
  set_up_rating_row (row, SCALE_AREA, accessible_name);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (ratings_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
  gtk_widget_set_parent (list, columns);
  g_ptr_array_add (self->rating_rows, row);
}

/* An area's heading, its two ratings side by side (one above the other
 * where the window is narrow) and the line that points out a gap. */
static void
add_area (HeardCheckInEditor *self,
          HeardAreaKind       area,
          const char         *area_name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (area_name);
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *gap = gtk_label_new (NULL);
  g_autofree char *gap_text = NULL;

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_layout_manager (columns, g_object_new (HEARD_TYPE_COLUMNS_LAYOUT,
                                                        "min-column-width", 240,
                                                        "spacing", 12, NULL));
  add_rating_column (self, columns, area, area_name, HEARD_RATER_YOUNG_PERSON);
  add_rating_column (self, columns, area, area_name, HEARD_RATER_WORKER);

  gap_text = g_strdup_printf (_("These two ratings are %u or more apart: something to talk about "
                                "together."), HEARD_CHECK_IN_GAP_TO_TALK_ABOUT);
  gtk_label_set_label (GTK_LABEL (gap), gap_text);
  gtk_label_set_wrap (GTK_LABEL (gap), TRUE);
  gtk_label_set_xalign (GTK_LABEL (gap), 0);
  gtk_widget_set_name (gap, "talk-about");
  gtk_widget_add_css_class (gap, "talk-about");
  gtk_widget_set_visible (gap, FALSE);
  g_ptr_array_add (self->gap_labels, gap);

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), columns);
  gtk_box_append (GTK_BOX (box), gap);
  adw_preferences_group_add (self->areas_group, box);
  g_array_append_val (self->areas, area);
}

static void
draft_changed_cb (HeardCheckInEditor *self)
{
  heard_dialog_set_changed (HEARD_DIALOG (self));
}

static void
mark_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HeardCheckInEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  heard_for_them_row_save_finish (HEARD_FOR_THEM_ROW (object), result, &error);
  heard_dialog_finish_saving (HEARD_DIALOG (self), error);
}

static void
check_in_saved_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HeardCheckInEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error);

  if (id == 0)
    {
      heard_dialog_finish_saving (HEARD_DIALOG (self), error);
      return;
    }

  self->saved_id = id;
  heard_for_them_row_save_async (self->for_them_row, id, NULL,
                                 heard_dialog_get_cancellable (HEARD_DIALOG (self)),
                                 mark_saved_cb, g_object_ref (self));
}

static void
heard_check_in_editor_save (HeardDialog *dialog)
{
  HeardCheckInEditor *self = HEARD_CHECK_IN_EDITOR (dialog);
  g_autoptr(GError) error = NULL;

  if (self->saved_id != 0)
    {
      heard_for_them_row_save_async (self->for_them_row, self->saved_id, NULL,
                                     heard_dialog_get_cancellable (dialog), mark_saved_cb,
                                     g_object_ref (self));
      return;
    }

  /* Said beside the field, at once, without a trip to the store. */
  if (!heard_date_row_check (self->day_row) ||
      !heard_field_error_check_text (GTK_WIDGET (self->present_row), G_OBJECT (self->draft),
                                     "present", NULL) ||
      !heard_field_error_check_text (GTK_WIDGET (self->their_words_view), G_OBJECT (self->draft),
                                     "their-words", _("What they said")) ||
      !heard_field_error_check_text (GTK_WIDGET (self->worker_note_view), G_OBJECT (self->draft),
                                     "worker-note", _("Worker’s note")))
    {
      heard_dialog_resume_saving (dialog);
      return;
    }

  read_ratings (self);
  if (!heard_check_in_validate (self->draft, &error))
    {
      heard_dialog_finish_saving (dialog, error);
      return;
    }

  heard_case_file_save_check_in_async (self->case_file, self->draft,
                                       heard_dialog_get_cancellable (dialog), check_in_saved_cb,
                                       g_object_ref (self));
}

static void
heard_check_in_editor_dispose (GObject *object)
{
  HeardCheckInEditor *self = HEARD_CHECK_IN_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_CHECK_IN_EDITOR);
  g_clear_object (&self->draft);
  g_clear_object (&self->case_file);
  g_clear_pointer (&self->rating_rows, g_ptr_array_unref);
  g_clear_pointer (&self->gap_labels, g_ptr_array_unref);
  g_clear_pointer (&self->areas, g_array_unref);

  G_OBJECT_CLASS (heard_check_in_editor_parent_class)->dispose (object);
}

static void
heard_check_in_editor_class_init (HeardCheckInEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeardDialogClass *dialog_class = HEARD_DIALOG_CLASS (klass);

  object_class->dispose = heard_check_in_editor_dispose;
  dialog_class->save = heard_check_in_editor_save;

  g_type_ensure (HEARD_TYPE_LANGUAGE_HINT);
  g_type_ensure (HEARD_TYPE_CHOICE_ROW);
  g_type_ensure (HEARD_TYPE_DATE_ROW);
  g_type_ensure (HEARD_TYPE_FOR_THEM_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-check-in-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardCheckInEditor, day_row);
  gtk_widget_class_bind_template_child (widget_class, HeardCheckInEditor, present_row);
  gtk_widget_class_bind_template_child (widget_class, HeardCheckInEditor, areas_group);
  gtk_widget_class_bind_template_child (widget_class, HeardCheckInEditor, safety_row);
  gtk_widget_class_bind_template_child (widget_class, HeardCheckInEditor, their_words_view);
  gtk_widget_class_bind_template_child (widget_class, HeardCheckInEditor, worker_note_view);
  gtk_widget_class_bind_template_child (widget_class, HeardCheckInEditor, for_them_row);
}

static void
heard_check_in_editor_init (HeardCheckInEditor *self)
{
  self->areas = g_array_new (FALSE, FALSE, sizeof (HeardAreaKind));
  self->rating_rows = g_ptr_array_new ();
  self->gap_labels = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  set_up_rating_row (self->safety_row, SCALE_SAFETY, _("How safe do you feel? Their safety scale"));
  g_signal_connect_object (self->safety_row, "notify::selected", G_CALLBACK (ratings_changed_cb),
                           self, G_CONNECT_SWAPPED);
  heard_accessibility_name_entry_rows (GTK_WIDGET (self));
}

/* A new check-in on @plan, today unless the worker says otherwise. */
HeardCheckInEditor *
heard_check_in_editor_new (GtkWindow     *parent,
                           HeardCaseFile *case_file,
                           HeardPlan     *plan)
{
  HeardCheckInEditor *self;
  GBindingFlags flags = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;
  GListModel *areas;
  g_autofree char *today = NULL;
  GDate day;

  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);
  g_return_val_if_fail (HEARD_IS_PLAN (plan), NULL);

  self = g_object_new (HEARD_TYPE_CHECK_IN_EDITOR, "transient-for", parent, NULL);
  self->case_file = g_object_ref (case_file);
  self->draft = heard_check_in_new (heard_plan_get_id (plan));
  heard_date_today (&day);
  today = heard_date_to_iso (&day);
  heard_check_in_set_text (self->draft, HEARD_CHECK_IN_DAY, today);

  areas = heard_plan_get_areas (plan);
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(HeardPlanArea) area = g_list_model_get_item (areas, i);
      HeardAreaKind kind = heard_plan_area_get_kind (area);

      add_area (self, kind, heard_check_in_area_name (plan, kind));
    }
  read_ratings (self);

  heard_date_row_bind (self->day_row, self->draft, "day");
  g_object_bind_property (self->draft, "present", self->present_row, "text", flags);
  heard_entry_row_limit (self->present_row, G_OBJECT (self->draft), "present");
  g_object_bind_property (self->draft, "their-words",
                          gtk_text_view_get_buffer (self->their_words_view), "text", flags);
  g_object_bind_property (self->draft, "worker-note",
                          gtk_text_view_get_buffer (self->worker_note_view), "text", flags);
  g_signal_connect_object (self->draft, "notify", G_CALLBACK (draft_changed_cb), self,
                           G_CONNECT_SWAPPED);
  heard_for_them_row_load (self->for_them_row, case_file, HEARD_FOR_THEM_CHECK_IN_NOTE, 0);
  g_signal_connect_object (self->for_them_row, "notify::active", G_CALLBACK (draft_changed_cb),
                           self, G_CONNECT_SWAPPED);

  heard_dialog_keep_drafts (HEARD_DIALOG (self), heard_case_file_get_context (case_file),
                            HEARD_DRAFT_CHECK_IN, heard_case_file_get_person_id (case_file),
                            heard_plan_get_id (plan), 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->day_row));

  return self;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-check-ins-section"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-chart-card.h"
#include "heard-check-in-editor.h"
#include "heard-check-in-rules.h"
#include "heard-check-in-series.h"
#include "heard-check-ins-section.h"
#include "heard-date.h"
#include "heard-for-them-row.h"
#include "heard-widgets.h"

/*
 * The check-ins of the plan shown, in the Support Plan tab: New Check-In,
 * each check-in newest first with who was there, what they said in their
 * words, each area's two ratings side by side (never averaged, a gap of 3
 * pointed out calmly), their safety scale and the worker's note; and
 * the charts: one area over time, every area at a glance, and safety.
 * A year of weekly check-ins is long, so the newest few show until the
 * worker asks for them all.
 */

#define N_SHOWN_AT_FIRST 3

struct _HeardCheckInsSection
{
  AdwBin              parent_instance;

  HeardCaseFile      *case_file;
  HeardPlan          *plan;
  /* The plan's check-ins, newest first, then the few shown: each model
   * owns the one before it, and this owns the last. */
  GtkCustomFilter    *filter;
  GtkFilterListModel *plan_check_ins;
  GtkSortListModel   *newest_first;
  GtkSliceListModel  *shown;

  GtkLabel           *empty_label;
  GtkListBox         *list;
  GtkToggleButton    *show_all_button;
  GtkBox             *charts;
  GtkWidget          *cards[3];
};

G_DEFINE_FINAL_TYPE (HeardCheckInsSection, heard_check_ins_section, ADW_TYPE_BIN)

/* A titled piece of text in a row: the title dimmed, the text as typed. */
static void
add_text (GtkWidget  *box,
          const char *title,
          const char *text)
{
  GtkWidget *label;

  if (text == NULL || *text == '\0')
    return;

  gtk_box_append (GTK_BOX (box), heard_wrapped_label_new (title, "dim-label"));
  label = heard_wrapped_label_new (text, NULL);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
}

static GtkWidget *
create_check_in_row (gpointer item,
                     gpointer user_data)
{
  HeardCheckInsSection *self = user_data;
  HeardCheckIn *check_in = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  const char *present = heard_check_in_get_text (check_in, HEARD_CHECK_IN_PRESENT);
  const char *worker_note = heard_check_in_get_text (check_in, HEARD_CHECK_IN_WORKER_NOTE);
  gboolean by_worker = heard_check_in_rated_by (check_in, HEARD_RATER_WORKER);
  HeardRating safety;
  g_autofree char *day = NULL;
  g_autofree char *safety_words = NULL;
  g_autofree char *safety_line = NULL;
  GDate date;

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  day = heard_date_parse (heard_check_in_get_day (check_in), &date, NULL)
        ? heard_date_format (&date) : g_strdup (heard_check_in_get_day (check_in));
  gtk_box_append (GTK_BOX (box), heard_wrapped_label_new (day, "heading"));
  if (present != NULL && *present != '\0')
    {
      g_autofree char *with = g_strdup_printf (_("Who was there: %s"), present);

      gtk_box_append (GTK_BOX (box), heard_wrapped_label_new (with, "dim-label"));
    }
  /* Their voice first. */
  add_text (box, _("In their words"),
            heard_check_in_get_text (check_in, HEARD_CHECK_IN_THEIR_WORDS));

  /* Rated by them alone (in co-design, say): no worker's rating to show
   * beside each of theirs, and that said once. */
  if (!by_worker)
    gtk_box_append (GTK_BOX (box),
                    heard_wrapped_label_new (_("Rated by them alone: no worker’s ratings"),
                                             "dim-label"));
  for (guint i = 0; i < heard_check_in_get_n_areas (check_in); i++)
    {
      HeardAreaKind area = heard_check_in_get_area (check_in, i);
      HeardRating ratings[HEARD_N_RATERS];
      g_autofree char *theirs = NULL;
      g_autofree char *workers = NULL;
      g_autofree char *line = NULL;

      heard_check_in_get_rating (check_in, area, HEARD_RATER_YOUNG_PERSON, &ratings[0]);
      heard_check_in_get_rating (check_in, area, HEARD_RATER_WORKER, &ratings[1]);
      theirs = heard_check_in_dup_rating_words (&ratings[0]);
      workers = heard_check_in_dup_rating_words (&ratings[1]);
      if (!by_worker)
        /* TRANSLATORS: an area, then the young person's rating */
        line = g_strdup_printf (_("%s: their rating %s"),
                                heard_check_in_area_name (self->plan, area), theirs);
      else
        /* TRANSLATORS: an area, then the young person's rating and the worker's, side by side */
        line = g_strdup_printf (_("%s: their rating %s · worker’s rating %s"),
                                heard_check_in_area_name (self->plan, area), theirs, workers);
      gtk_box_append (GTK_BOX (box), heard_wrapped_label_new (line, NULL));
      if (heard_check_in_area_to_talk_about (check_in, area))
        {
          g_autofree char *note = g_strdup_printf (_("%u or more apart: something to talk about "
                                                     "together."),
                                                   HEARD_CHECK_IN_GAP_TO_TALK_ABOUT);

          gtk_box_append (GTK_BOX (box), heard_wrapped_label_new (note, "talk-about"));
        }
    }

  heard_check_in_get_safety (check_in, &safety);
  safety_words = heard_check_in_dup_rating_words (&safety);
  safety_line = g_strdup_printf (_("How safe they feel: %s"), safety_words);
  gtk_box_append (GTK_BOX (box), heard_wrapped_label_new (safety_line, NULL));
  add_text (box, _("Worker’s note"), worker_note);
  /* Whether they see it, said where staff read it. */
  if (worker_note != NULL && *worker_note != '\0')
    {
      GtkWidget *tag = heard_for_them_tag_new (heard_case_file_get_for_them_marks (
                                                 self->case_file),
                                               HEARD_FOR_THEM_CHECK_IN_NOTE,
                                               heard_check_in_get_id (check_in));

      gtk_widget_set_halign (tag, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), tag);
    }

  /* Read, not opened: a check-in is a record. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static gboolean
is_on_plan (gpointer item,
            gpointer user_data)
{
  HeardCheckInsSection *self = user_data;

  return self->plan != NULL &&
         heard_check_in_get_plan_id (item) == heard_plan_get_id (self->plan);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  int by_day = g_strcmp0 (heard_check_in_get_day ((gpointer) b),
                          heard_check_in_get_day ((gpointer) a));

  if (by_day != 0)
    return by_day;
  return (heard_check_in_get_id ((gpointer) b) > heard_check_in_get_id ((gpointer) a)) -
         (heard_check_in_get_id ((gpointer) b) < heard_check_in_get_id ((gpointer) a));
}

static void
count_changed_cb (HeardCheckInsSection *self)
{
  guint n_items = self->newest_first != NULL
                  ? g_list_model_get_n_items (G_LIST_MODEL (self->newest_first)) : 0;

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n_items == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), n_items > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->charts), n_items > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->show_all_button), n_items > N_SHOWN_AT_FIRST);
}

static void
show_all_toggled_cb (HeardCheckInsSection *self)
{
  gboolean all = gtk_toggle_button_get_active (self->show_all_button);

  gtk_button_set_label (GTK_BUTTON (self->show_all_button),
                        all ? _("Show _Fewer Check-Ins") : _("Show _All Check-Ins"));
  if (self->shown != NULL)
    gtk_slice_list_model_set_size (self->shown, all ? G_MAXUINT : N_SHOWN_AT_FIRST);
}

static void
new_check_in_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HeardCheckInsSection *self = HEARD_CHECK_INS_SECTION (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->case_file == NULL || self->plan == NULL)
    return;

  gtk_window_present (GTK_WINDOW (heard_check_in_editor_new (GTK_IS_WINDOW (root)
                                                             ? GTK_WINDOW (root) : NULL,
                                                             self->case_file, self->plan)));
}

static void
heard_check_ins_section_dispose (GObject *object)
{
  HeardCheckInsSection *self = HEARD_CHECK_INS_SECTION (object);

  /* The case file outlives this, and may still change its models. */
  if (self->newest_first != NULL)
    g_signal_handlers_disconnect_by_data (self->newest_first, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_CHECK_INS_SECTION);
  g_clear_object (&self->shown);
  g_clear_object (&self->case_file);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (heard_check_ins_section_parent_class)->dispose (object);
}

static void
heard_check_ins_section_class_init (HeardCheckInsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_check_ins_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-check-ins-section.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardCheckInsSection, empty_label);
  gtk_widget_class_bind_template_child (widget_class, HeardCheckInsSection, list);
  gtk_widget_class_bind_template_child (widget_class, HeardCheckInsSection, charts);
  gtk_widget_class_bind_template_child (widget_class, HeardCheckInsSection, show_all_button);
  gtk_widget_class_bind_template_callback (widget_class, show_all_toggled_cb);
  gtk_widget_class_install_action (widget_class, "check-ins.new", NULL, new_check_in_action);
}

static void
heard_check_ins_section_init (HeardCheckInsSection *self)
{
  const char *titles[] = {
    [HEARD_CHART_VIEW_PROGRESS] = _("Progress Over Time"),
    [HEARD_CHART_VIEW_RADIAL] = _("All Areas at a Glance"),
    [HEARD_CHART_VIEW_SAFETY] = _("How Safe They Feel"),
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (self->cards); i++)
    {
      self->cards[i] = heard_chart_card_new (i, titles[i]);
      gtk_box_append (self->charts, self->cards[i]);
    }
  count_changed_cb (self);
}

/* Shows the check-ins of @plan, one of @case_file's plans. */
void
heard_check_ins_section_set_plan (HeardCheckInsSection *self,
                                  HeardCaseFile        *case_file,
                                  HeardPlan            *plan)
{
  g_return_if_fail (HEARD_IS_CHECK_INS_SECTION (self));
  g_return_if_fail (case_file == NULL || HEARD_IS_CASE_FILE (case_file));

  if (self->case_file != case_file)
    {
      g_set_object (&self->case_file, case_file);
      g_clear_object (&self->shown);
      self->newest_first = NULL;
      self->filter = NULL;
      self->plan_check_ins = NULL;
      if (case_file != NULL)
        {
          self->filter = gtk_custom_filter_new (is_on_plan, self, NULL);
          self->plan_check_ins =
            gtk_filter_list_model_new (g_object_ref (heard_case_file_get_check_ins (case_file)),
                                       GTK_FILTER (self->filter));
          self->newest_first =
            gtk_sort_list_model_new (G_LIST_MODEL (self->plan_check_ins),
                                     GTK_SORTER (gtk_custom_sorter_new (compare_newest_first,
                                                                        NULL, NULL)));
          g_signal_connect_object (self->newest_first, "items-changed",
                                   G_CALLBACK (count_changed_cb), self, G_CONNECT_SWAPPED);
          self->shown = gtk_slice_list_model_new (G_LIST_MODEL (self->newest_first),
                                                  0, N_SHOWN_AT_FIRST);
          show_all_toggled_cb (self);
        }
      gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->shown),
                               create_check_in_row, self, NULL);
    }

  g_set_object (&self->plan, plan);
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  for (guint i = 0; i < G_N_ELEMENTS (self->cards); i++)
    heard_chart_card_set_plan (HEARD_CHART_CARD (self->cards[i]), case_file, plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "check-ins.new", plan != NULL);
  count_changed_cb (self);
}

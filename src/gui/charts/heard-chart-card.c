/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-chart-card"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "heard-chart.h"
#include "heard-chart-card.h"
#include "heard-check-in-series.h"

/*
 * A chart with what it needs around it: its title, a legend in words that
 * says how each line is drawn (style and marker, not colour alone), for a
 * progress chart the area it follows, and "Show as Table", which swaps the
 * chart for the same numbers in rows, skipped and "rather not say" in words.
 */

struct _HeardChartCard
{
  GtkWidget       parent_instance;

  HeardChartViewKind kind;
  HeardChartView *view;
  HeardPlan      *plan;
  GArray         *area_kinds; /* of HeardAreaKind, as the area drop-down lists them */

  GtkWidget      *box;
  GtkLabel       *title_label;
  GtkDropDown    *area_dropdown;
  GtkToggleButton *table_toggle;
  GtkWidget      *legend;
  GtkLabel       *their_legend;
  GtkLabel       *worker_legend;
  GtkStack       *stack;
  AdwBin         *chart_bin;
  GtkGrid        *table;
};

G_DEFINE_FINAL_TYPE (HeardChartCard, heard_chart_card, GTK_TYPE_WIDGET)

/* A legend's line: the sample of the line and marker drawn, which a screen
 * reader passes over, then the words; both from the charts' own key, so
 * the screen and paper say the same. */
static void
set_legend (GtkLabel         *label,
            HeardChartLegend  legend,
            guint             item)
{
  const char *words = heard_chart_legend_get_words (legend, item);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (label), words != NULL);
  if (words == NULL)
    return;
  text = g_strdup_printf ("%s  %s", heard_chart_legend_get_sample (legend, item), words);
  gtk_label_set_label (label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, words, -1);
}

static void
fill_table (HeardChartCard *self)
{
  GPtrArray *rows = heard_chart_view_get_rows (self->view);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);

  if (rows == NULL)
    return;

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          GtkWidget *label = gtk_label_new (cells[c]);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_selectable (GTK_LABEL (label), FALSE);
          if (r == 0)
            gtk_widget_add_css_class (label, "heading");
          gtk_grid_attach (self->table, label, c, r, 1, 1);
        }
    }
}

static void
area_selected_cb (HeardChartCard *self)
{
  guint selected = gtk_drop_down_get_selected (self->area_dropdown);

  if (selected < self->area_kinds->len)
    heard_chart_view_set_area (self->view, g_array_index (self->area_kinds, HeardAreaKind,
                                                          selected));
}

/* The table says in words what the legend explains of the lines, so the
 * legend goes with the chart. */
static void
table_toggled_cb (HeardChartCard *self)
{
  gboolean table = gtk_toggle_button_get_active (self->table_toggle);

  gtk_stack_set_visible_child_name (self->stack, table ? "table" : "chart");
  gtk_widget_set_visible (self->legend, !table);
}

/* The areas of the plan, offered for the progress chart. */
static void
fill_areas (HeardChartCard *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *areas = self->plan != NULL ? heard_plan_get_areas (self->plan) : NULL;
  guint n_areas = areas != NULL ? g_list_model_get_n_items (areas) : 0;
  guint selected = gtk_drop_down_get_selected (self->area_dropdown);
  HeardAreaKind shown = selected < self->area_kinds->len
                        ? g_array_index (self->area_kinds, HeardAreaKind, selected) : 0;
  guint keep = 0;

  g_array_set_size (self->area_kinds, 0);
  for (guint i = 0; i < n_areas; i++)
    {
      g_autoptr(HeardPlanArea) area = g_list_model_get_item (areas, i);
      HeardAreaKind kind = heard_plan_area_get_kind (area);

      if (kind == shown)
        keep = i;
      g_array_append_val (self->area_kinds, kind);
      gtk_string_list_append (names, heard_check_in_area_name (self->plan, kind));
    }

  g_signal_handlers_block_by_func (self->area_dropdown, area_selected_cb, self);
  gtk_drop_down_set_model (self->area_dropdown, G_LIST_MODEL (names));
  g_signal_handlers_unblock_by_func (self->area_dropdown, area_selected_cb, self);
  gtk_widget_set_visible (GTK_WIDGET (self->area_dropdown), n_areas > 1);
  /* The area being followed stays followed when the plan is shown again. */
  g_signal_handlers_block_by_func (self->area_dropdown, area_selected_cb, self);
  gtk_drop_down_set_selected (self->area_dropdown, keep);
  g_signal_handlers_unblock_by_func (self->area_dropdown, area_selected_cb, self);
  area_selected_cb (self);
}

static void
heard_chart_card_dispose (GObject *object)
{
  HeardChartCard *self = HEARD_CHART_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_CHART_CARD);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (heard_chart_card_parent_class)->dispose (object);
}

static void
heard_chart_card_finalize (GObject *object)
{
  HeardChartCard *self = HEARD_CHART_CARD (object);

  g_array_unref (self->area_kinds);

  G_OBJECT_CLASS (heard_chart_card_parent_class)->finalize (object);
}

static void
heard_chart_card_class_init (HeardChartCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_chart_card_dispose;
  object_class->finalize = heard_chart_card_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-chart-card.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardChartCard, box);
  gtk_widget_class_bind_template_child (widget_class, HeardChartCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, HeardChartCard, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HeardChartCard, table_toggle);
  gtk_widget_class_bind_template_child (widget_class, HeardChartCard, legend);
  gtk_widget_class_bind_template_child (widget_class, HeardChartCard, their_legend);
  gtk_widget_class_bind_template_child (widget_class, HeardChartCard, worker_legend);
  gtk_widget_class_bind_template_child (widget_class, HeardChartCard, stack);
  gtk_widget_class_bind_template_child (widget_class, HeardChartCard, chart_bin);
  gtk_widget_class_bind_template_child (widget_class, HeardChartCard, table);
  gtk_widget_class_bind_template_callback (widget_class, area_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_toggled_cb);
}

static void
heard_chart_card_init (HeardChartCard *self)
{
  self->area_kinds = g_array_new (FALSE, FALSE, sizeof (HeardAreaKind));
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
heard_chart_card_new (HeardChartViewKind  kind,
                      const char         *title)
{
  HeardChartCard *self = g_object_new (HEARD_TYPE_CHART_CARD, NULL);
  g_autofree char *toggle_name = g_strdup_printf (_("Show %s as a table"), title);
  HeardChartLegend legend;

  self->kind = kind;
  gtk_label_set_label (self->title_label, title);
  self->view = HEARD_CHART_VIEW (heard_chart_view_new (kind));
  adw_bin_set_child (self->chart_bin, GTK_WIDGET (self->view));
  g_signal_connect_object (self->view, "notify::description", G_CALLBACK (fill_table), self,
                           G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table_toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, toggle_name, -1);

  /* Each legend says how the chart it sits beside draws. */
  legend = kind == HEARD_CHART_VIEW_RADIAL ? HEARD_CHART_LEGEND_FIRST_LATEST
         : kind == HEARD_CHART_VIEW_SAFETY ? HEARD_CHART_LEGEND_SAFETY
         : HEARD_CHART_LEGEND_RATERS;
  set_legend (self->their_legend, legend, 0);
  set_legend (self->worker_legend, legend, 1);

  return GTK_WIDGET (self);
}

HeardChartView *
heard_chart_card_get_view (HeardChartCard *self)
{
  g_return_val_if_fail (HEARD_IS_CHART_CARD (self), NULL);

  return self->view;
}

/* Shows @plan's check-ins; a progress chart offers its areas to choose. */
void
heard_chart_card_set_plan (HeardChartCard *self,
                           HeardCaseFile  *case_file,
                           HeardPlan      *plan)
{
  g_return_if_fail (HEARD_IS_CHART_CARD (self));

  g_set_object (&self->plan, plan);
  if (self->kind == HEARD_CHART_VIEW_PROGRESS)
    fill_areas (self);
  heard_chart_view_set_plan (self->view, case_file, plan);
}

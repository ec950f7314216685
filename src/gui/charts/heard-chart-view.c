/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-chart-view"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-chart.h"
#include "heard-chart-style.h"
#include "heard-chart-view.h"
#include "heard-check-in-rules.h"
#include "heard-check-in-series.h"
#include "heard-date.h"

/*
 * One of the check-in charts of src/charts on screen, for the plan shown.
 * When the case file's check-ins change, the check-ins of the plan are
 * copied here on the main thread and turned into series, table rows and a
 * description in words in a thread; snapshot() only draws them, in the
 * colours of the style (light, dark or high contrast). The description is
 * the chart's accessible description, so a screen reader hears the trend.
 */

struct _HeardChartView
{
  GtkWidget           parent_instance;

  HeardChartViewKind  kind;
  HeardAreaKind       area;
  HeardCaseFile      *case_file;
  HeardPlan          *plan;
  GCancellable       *cancellable;

  /* What was built last: drawn and told. */
  GPtrArray          *series;  /* of HeardChartSeries */
  GArray             *markers; /* of HeardChartMarker, labels static */
  GPtrArray          *rows;    /* of GStrv, the first the headings */
  char               *description;
};

G_DEFINE_FINAL_TYPE (HeardChartView, heard_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the thread works from: copies, never the live models. */
typedef struct
{
  HeardChartViewKind  kind;
  HeardAreaKind       area;
  GPtrArray          *check_ins; /* of HeardCheckIn, copied */
  GArray             *areas;     /* of HeardAreaKind, the plan's */
  GStrv               names;     /* what the plan calls each of them */
} Snapshot;

typedef struct
{
  GPtrArray *series;
  GPtrArray *rows;
  char      *description;
} Built;

static void
snapshot_free (Snapshot *snapshot)
{
  g_ptr_array_unref (snapshot->check_ins);
  g_array_unref (snapshot->areas);
  g_strfreev (snapshot->names);
  g_free (snapshot);
}

static void
built_free (Built *built)
{
  g_clear_pointer (&built->series, g_ptr_array_unref);
  g_clear_pointer (&built->rows, g_ptr_array_unref);
  g_free (built->description);
  g_free (built);
}

static void
add_words (GStrvBuilder           *builder,
           const HeardChartRating *rating)
{
  g_autofree char *words = heard_chart_rating_dup_words (*rating, HEARD_CHART_WORDS_ALONE);

  g_strv_builder_add (builder, words);
}

static void
add_row (GPtrArray  *rows,
         const char *area,
         const GDate *day,
         const HeardChartEntry *entry,
         gboolean    with_worker)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  g_autofree char *shown_day = heard_date_format (day);

  if (area != NULL)
    g_strv_builder_add (builder, area);
  g_strv_builder_add (builder, shown_day);
  add_words (builder, &entry->rating[HEARD_CHART_RATER_YOUNG_PERSON]);
  if (with_worker)
    add_words (builder, &entry->rating[HEARD_CHART_RATER_WORKER]);
  g_ptr_array_add (rows, g_strv_builder_end (builder));
  g_strv_builder_unref (builder);
}

static void
add_headings (GPtrArray *rows,
              gboolean   with_area,
              gboolean   with_worker)
{
  GStrvBuilder *builder = g_strv_builder_new ();

  if (with_area)
    g_strv_builder_add (builder, _("Area"));
  g_strv_builder_add (builder, _("Day"));
  g_strv_builder_add (builder, _("Their rating"));
  if (with_worker)
    g_strv_builder_add (builder, _("Worker’s rating"));
  g_ptr_array_add (rows, g_strv_builder_end (builder));
  g_strv_builder_unref (builder);
}

/* How often the two raters of @area were far enough apart to talk about,
 * in words; NULL when never. */
static char *
describe_gaps (GPtrArray     *check_ins,
               HeardAreaKind  area)
{
  guint n_gaps = 0;

  for (guint i = 0; i < check_ins->len; i++)
    n_gaps += heard_check_in_area_to_talk_about (g_ptr_array_index (check_ins, i), area);

  if (n_gaps == 0)
    return NULL;

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "At %u check-in the two ratings were %u or more apart: "
                                       "something to talk about together.",
                                       "At %u check-ins the two ratings were %u or more apart: "
                                       "something to talk about together.", n_gaps),
                          n_gaps, HEARD_CHECK_IN_GAP_TO_TALK_ABOUT);
}

static char *
join_sentences (char *first,
                char *second)
{
  g_autofree char *owned_first = first;
  g_autofree char *owned_second = second;

  if (owned_second == NULL)
    return g_steal_pointer (&owned_first);

  /* TRANSLATORS: two sentences of a chart's description, one after the other */
  return g_strdup_printf (_("%s. %s"), owned_first, owned_second);
}

/* The name the plan gives @area, from the snapshot. */
static const char *
get_area_name (Snapshot      *snapshot,
               HeardAreaKind  area)
{
  for (guint i = 0; i < snapshot->areas->len; i++)
    if (g_array_index (snapshot->areas, HeardAreaKind, i) == area)
      return snapshot->names[i];
  return heard_area_kind_label (area);
}

/* The rows of @series newest first, as the list of check-ins shows them. */
static void
add_rows_newest_first (GPtrArray              *rows,
                       const HeardChartSeries *series,
                       gboolean                with_worker)
{
  for (guint i = heard_chart_series_get_n_entries (series); i > 0; i--)
    {
      const HeardChartEntry *entry = heard_chart_series_get_entry (series, i - 1);

      add_row (rows, NULL, &entry->date, entry, with_worker);
    }
}

static void
build_progress (Snapshot *snapshot,
                Built    *built)
{
  HeardChartSeries *series = heard_check_in_series_new_area (snapshot->check_ins, snapshot->area,
                                                             get_area_name (snapshot,
                                                                            snapshot->area));

  add_headings (built->rows, FALSE, TRUE);
  add_rows_newest_first (built->rows, series, TRUE);

  built->description =
    join_sentences (join_sentences (heard_chart_describe_progress (series,
                                                                   HEARD_CHART_RATER_YOUNG_PERSON),
                                    heard_chart_describe_progress (series,
                                                                   HEARD_CHART_RATER_WORKER)),
                    describe_gaps (snapshot->check_ins, snapshot->area));
  g_ptr_array_add (built->series, series);
}

static void
build_safety (Snapshot *snapshot,
              Built    *built)
{
  HeardChartSeries *series = heard_check_in_series_new_safety (snapshot->check_ins);

  add_headings (built->rows, FALSE, FALSE);
  add_rows_newest_first (built->rows, series, FALSE);

  built->description = heard_chart_describe_progress (series, HEARD_CHART_RATER_YOUNG_PERSON);
  g_ptr_array_add (built->series, series);
}

static void
build_radial (Snapshot *snapshot,
              Built    *built)
{
  add_headings (built->rows, TRUE, TRUE);
  for (guint i = 0; i < snapshot->areas->len; i++)
    {
      HeardAreaKind area = g_array_index (snapshot->areas, HeardAreaKind, i);
      HeardChartSeries *series = heard_check_in_series_new_area (snapshot->check_ins, area,
                                                                 snapshot->names[i]);
      guint n_entries = heard_chart_series_get_n_entries (series);

      /* The first and the latest, as the chart draws them. */
      for (guint e = 0; e < MIN (n_entries, 2); e++)
        {
          const HeardChartEntry *entry = heard_chart_series_get_entry (series,
                                                                       e == 0 ? 0 : n_entries - 1);

          add_row (built->rows, series->name, &entry->date, entry, TRUE);
        }
      g_ptr_array_add (built->series, series);
    }

  built->description =
    join_sentences (heard_chart_describe_radial ((HeardChartSeries *const *) built->series->pdata,
                                                 built->series->len,
                                                 HEARD_CHART_RATER_YOUNG_PERSON),
                    heard_chart_describe_radial ((HeardChartSeries *const *) built->series->pdata,
                                                 built->series->len, HEARD_CHART_RATER_WORKER));
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Snapshot *snapshot = task_data;
  Built *built = g_new0 (Built, 1);

  built->series = g_ptr_array_new_with_free_func ((GDestroyNotify) heard_chart_series_free);
  built->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  switch (snapshot->kind)
    {
    case HEARD_CHART_VIEW_PROGRESS:
      build_progress (snapshot, built);
      break;
    case HEARD_CHART_VIEW_SAFETY:
      build_safety (snapshot, built);
      break;
    case HEARD_CHART_VIEW_RADIAL:
    default:
      build_radial (snapshot, built);
      break;
    }

  g_task_return_pointer (task, built, (GDestroyNotify) built_free);
}

/* The days the safety chart marks, by the one rule the PDF follows too. */
static void
fill_markers (HeardChartView *self)
{
  g_array_set_size (self->markers, 0);
  if (self->kind == HEARD_CHART_VIEW_SAFETY && self->plan != NULL)
    heard_check_in_series_add_markers (self->plan, self->markers);
}

static void
built_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  HeardChartView *self = HEARD_CHART_VIEW (object);
  Built *built = g_task_propagate_pointer (G_TASK (result), NULL);

  if (built == NULL)
    return;

  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->series = g_steal_pointer (&built->series);
  self->rows = g_steal_pointer (&built->rows);
  fill_markers (self);

  if (g_strcmp0 (self->description, built->description) != 0)
    {
      g_free (self->description);
      self->description = g_steal_pointer (&built->description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description, -1);
    }
  built_free (built);
  /* The rows may differ even when the words do not. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Copies the plan's check-ins and areas, and builds from them in a thread. */
static void
rebuild (HeardChartView *self)
{
  g_autoptr(GTask) task = NULL;
  Snapshot *snapshot;
  g_autoptr(GStrvBuilder) names = NULL;
  GListModel *check_ins;
  GListModel *areas;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->case_file == NULL || self->plan == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  snapshot = g_new0 (Snapshot, 1);
  snapshot->kind = self->kind;
  snapshot->area = self->area;
  snapshot->check_ins = g_ptr_array_new_with_free_func (g_object_unref);
  snapshot->areas = g_array_new (FALSE, FALSE, sizeof (HeardAreaKind));

  check_ins = heard_case_file_get_check_ins (self->case_file);
  for (guint i = 0; i < g_list_model_get_n_items (check_ins); i++)
    {
      g_autoptr(HeardCheckIn) check_in = g_list_model_get_item (check_ins, i);

      if (heard_check_in_get_plan_id (check_in) == heard_plan_get_id (self->plan))
        g_ptr_array_add (snapshot->check_ins, heard_check_in_copy (check_in));
    }

  areas = heard_plan_get_areas (self->plan);
  names = g_strv_builder_new ();
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(HeardPlanArea) area = g_list_model_get_item (areas, i);
      HeardAreaKind kind = heard_plan_area_get_kind (area);

      g_array_append_val (snapshot->areas, kind);
      g_strv_builder_add (names, heard_check_in_area_name (self->plan, kind));
    }
  snapshot->names = g_strv_builder_end (names);

  task = g_task_new (self, self->cancellable, built_cb, NULL);
  g_task_set_source_tag (task, rebuild);
  g_task_set_task_data (task, snapshot, (GDestroyNotify) snapshot_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, build_thread);
}

static void
heard_chart_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  HeardChartView *self = HEARD_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  HeardChartPalette palette;
  cairo_t *cr;

  if (self->series == NULL || width <= 0 || height <= 0)
    return;

  heard_chart_style_init_palette (&palette, widget);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  switch (self->kind)
    {
    case HEARD_CHART_VIEW_PROGRESS:
      heard_chart_draw_progress (cr, gtk_widget_get_pango_context (widget), width, height,
                                 &palette, g_ptr_array_index (self->series, 0));
      break;
    case HEARD_CHART_VIEW_SAFETY:
      heard_chart_draw_safety (cr, gtk_widget_get_pango_context (widget), width, height,
                               &palette, g_ptr_array_index (self->series, 0),
                               (const HeardChartMarker *) (gpointer) self->markers->data,
                               self->markers->len);
      break;
    case HEARD_CHART_VIEW_RADIAL:
    default:
      heard_chart_draw_radial (cr, gtk_widget_get_pango_context (widget), width, height,
                               &palette, (HeardChartSeries *const *) self->series->pdata,
                               self->series->len, HEARD_CHART_RATER_YOUNG_PERSON);
      break;
    }
  cairo_destroy (cr);
}

static void
heard_chart_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  HeardChartView *self = HEARD_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 260;
      *natural = 560;
    }
  else
    {
      *minimum = self->kind == HEARD_CHART_VIEW_RADIAL ? 260 : 200;
      *natural = self->kind == HEARD_CHART_VIEW_RADIAL ? 320 : 240;
    }
}

static void
heard_chart_view_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (heard_chart_view_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
heard_chart_view_dispose (GObject *object)
{
  HeardChartView *self = HEARD_CHART_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->case_file != NULL)
    g_signal_handlers_disconnect_by_data (heard_case_file_get_check_ins (self->case_file), self);
  g_clear_object (&self->case_file);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (heard_chart_view_parent_class)->dispose (object);
}

static void
heard_chart_view_finalize (GObject *object)
{
  HeardChartView *self = HEARD_CHART_VIEW (object);

  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->markers, g_array_unref);
  g_free (self->description);

  G_OBJECT_CLASS (heard_chart_view_parent_class)->finalize (object);
}

static void
heard_chart_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HeardChartView *self = HEARD_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_chart_view_class_init (HeardChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_chart_view_dispose;
  object_class->finalize = heard_chart_view_finalize;
  object_class->get_property = heard_chart_view_get_property;
  widget_class->snapshot = heard_chart_view_snapshot;
  widget_class->measure = heard_chart_view_measure;
  widget_class->css_changed = heard_chart_view_css_changed;

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
heard_chart_view_init (HeardChartView *self)
{
  self->markers = g_array_new (FALSE, FALSE, sizeof (HeardChartMarker));
  heard_chart_style_follow (GTK_WIDGET (self));
}

GtkWidget *
heard_chart_view_new (HeardChartViewKind kind)
{
  HeardChartView *self = g_object_new (HEARD_TYPE_CHART_VIEW, NULL);
  const char *names[] = {
    [HEARD_CHART_VIEW_PROGRESS] = _("Progress chart"),
    [HEARD_CHART_VIEW_RADIAL] = _("All areas at a glance"),
    [HEARD_CHART_VIEW_SAFETY] = _("Safety chart"),
  };

  self->kind = kind;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  names[kind], -1);
  return GTK_WIDGET (self);
}

/* Shows the check-ins of @plan in @case_file, following them as they
 * change. */
void
heard_chart_view_set_plan (HeardChartView *self,
                           HeardCaseFile  *case_file,
                           HeardPlan      *plan)
{
  g_return_if_fail (HEARD_IS_CHART_VIEW (self));
  g_return_if_fail (case_file == NULL || HEARD_IS_CASE_FILE (case_file));
  g_return_if_fail (plan == NULL || HEARD_IS_PLAN (plan));

  if (self->case_file != case_file)
    {
      if (self->case_file != NULL)
        g_signal_handlers_disconnect_by_data (heard_case_file_get_check_ins (self->case_file),
                                              self);
      g_set_object (&self->case_file, case_file);
      if (case_file != NULL)
        g_signal_connect_object (heard_case_file_get_check_ins (case_file), "items-changed",
                                 G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
    }
  g_set_object (&self->plan, plan);
  rebuild (self);
}

/* Which area a progress chart follows. */
void
heard_chart_view_set_area (HeardChartView *self,
                           HeardAreaKind   area)
{
  g_return_if_fail (HEARD_IS_CHART_VIEW (self));

  if (self->area == area)
    return;

  self->area = area;
  rebuild (self);
}

GPtrArray *
heard_chart_view_get_rows (HeardChartView *self)
{
  g_return_val_if_fail (HEARD_IS_CHART_VIEW (self), NULL);

  return self->rows;
}

const char *
heard_chart_view_get_description (HeardChartView *self)
{
  g_return_val_if_fail (HEARD_IS_CHART_VIEW (self), NULL);

  return self->description;
}

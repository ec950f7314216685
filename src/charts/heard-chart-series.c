/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-charts"

#include "config.h"

#include "heard-chart.h"

/*
 * What every chart is drawn from: an area's check-ins, each with both raters'
 * ratings side by side. A plain copy of the numbers, so a widget can build it
 * off the main thread and hand it over to be drawn.
 */

HeardChartSeries *
heard_chart_series_new (const char *name)
{
  HeardChartSeries *series = g_new0 (HeardChartSeries, 1);

  series->name = g_strdup (name != NULL ? name : "");
  series->entries = g_array_new (FALSE, TRUE, sizeof (HeardChartEntry));
  return series;
}

void
heard_chart_series_free (HeardChartSeries *series)
{
  if (series == NULL)
    return;
  g_free (series->name);
  g_array_unref (series->entries);
  g_free (series);
}

/* Entries are kept oldest first whatever order they come in. */
void
heard_chart_series_add (HeardChartSeries *series,
                        const GDate      *date,
                        HeardChartRating  young_person,
                        HeardChartRating  worker)
{
  HeardChartEntry entry = { 0 };
  guint index;

  g_return_if_fail (series != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));

  entry.date = *date;
  entry.rating[HEARD_CHART_RATER_YOUNG_PERSON] = young_person;
  entry.rating[HEARD_CHART_RATER_WORKER] = worker;

  index = series->entries->len;
  while (index > 0 &&
         g_date_compare (&g_array_index (series->entries, HeardChartEntry, index - 1).date,
                         date) > 0)
    index--;
  g_array_insert_val (series->entries, index, entry);
}

guint
heard_chart_series_get_n_entries (const HeardChartSeries *series)
{
  g_return_val_if_fail (series != NULL, 0);
  return series->entries->len;
}

const HeardChartEntry *
heard_chart_series_get_entry (const HeardChartSeries *series,
                              guint                   index)
{
  g_return_val_if_fail (series != NULL, NULL);
  g_return_val_if_fail (index < series->entries->len, NULL);
  return &g_array_index (series->entries, HeardChartEntry, index);
}

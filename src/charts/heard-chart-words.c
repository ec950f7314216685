/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-charts"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-chart.h"
#include "heard-chart-private.h"

/*
 * The charts in words: the sentence drawn where there is too little to chart
 * ("One check-in so far: 6") and the trend for an accessible description, so
 * that someone who cannot see the lines hears what they show.
 */

/* Each key's items, in the order they are drawn and listed. */
static const struct
{
  const char *sample;
  const char *words;
} legend_items[][2] = {
  [HEARD_CHART_LEGEND_RATERS] = {
    { "━━ ●", N_("Their rating: solid line, round markers") },
    { "╍╍ ■", N_("Worker’s rating: dashed line, square markers") },
  },
  [HEARD_CHART_LEGEND_SAFETY] = {
    { "━━ ●", N_("Their rating: solid line, round markers") },
    { NULL, NULL },
  },
  [HEARD_CHART_LEGEND_FIRST_LATEST] = {
    { "━━ ●", N_("Latest check-in: solid line, filled markers") },
    { "╍╍ ○", N_("First check-in: dashed line, hollow markers") },
  },
};

const char *
heard_chart_legend_get_words (HeardChartLegend legend,
                              guint            item)
{
  g_return_val_if_fail (legend <= HEARD_CHART_LEGEND_FIRST_LATEST, NULL);

  if (item >= G_N_ELEMENTS (legend_items[legend]) || legend_items[legend][item].words == NULL)
    return NULL;
  return _(legend_items[legend][item].words);
}

const char *
heard_chart_legend_get_sample (HeardChartLegend legend,
                               guint            item)
{
  g_return_val_if_fail (legend <= HEARD_CHART_LEGEND_FIRST_LATEST, NULL);

  if (item >= G_N_ELEMENTS (legend_items[legend]))
    return NULL;
  return legend_items[legend][item].sample;
}

static const char *
get_rater_text (HeardChartRater rater)
{
  return rater == HEARD_CHART_RATER_YOUNG_PERSON
    ? _("their rating")
    : _("the worker’s rating");
}

char *
heard_chart_rating_dup_words (HeardChartRating     rating,
                              HeardChartWordsPlace place)
{
  gboolean alone = place == HEARD_CHART_WORDS_ALONE;

  switch (rating.kind)
    {
    case HEARD_CHART_RATING_VALUE:
      return g_strdup_printf ("%u", rating.value);
    case HEARD_CHART_RATING_SKIPPED:
      return g_strdup (alone ? _("Skipped") : _("skipped"));
    case HEARD_CHART_RATING_RATHER_NOT_SAY:
      return g_strdup (alone ? _("Rather not say") : _("rather not say"));
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
_heard_chart_dup_message (const HeardChartSeries *series,
                          gboolean                both_raters)
{
  const HeardChartEntry *entry;
  g_autofree char *young_person = NULL;
  g_autofree char *worker = NULL;

  g_assert (series != NULL);

  if (series->entries->len == 0)
    return g_strdup (_("No check-ins yet"));
  if (series->entries->len > 1)
    return NULL;

  entry = heard_chart_series_get_entry (series, 0);
  young_person = heard_chart_rating_dup_words (entry->rating[HEARD_CHART_RATER_YOUNG_PERSON],
                                               HEARD_CHART_WORDS_IN_SENTENCE);
  if (!both_raters)
    /* Translators: %s is a 0–10 rating, "skipped" or "rather not say". */
    return g_strdup_printf (_("One check-in so far: %s"), young_person);

  worker = heard_chart_rating_dup_words (entry->rating[HEARD_CHART_RATER_WORKER],
                                         HEARD_CHART_WORDS_IN_SENTENCE);
  /* Translators: the young person's rating, then the worker's. */
  return g_strdup_printf (_("One check-in so far: %s (worker: %s)"), young_person, worker);
}

char *
heard_chart_describe_progress (const HeardChartSeries *series,
                               HeardChartRater         rater)
{
  const HeardChartEntry *first = NULL;
  const HeardChartEntry *latest = NULL;
  g_autofree char *first_month = NULL;
  g_autofree char *latest_month = NULL;

  g_return_val_if_fail (series != NULL, NULL);
  g_return_val_if_fail (rater < HEARD_CHART_N_RATERS, NULL);

  for (guint i = 0; i < series->entries->len; i++)
    {
      const HeardChartEntry *entry = heard_chart_series_get_entry (series, i);

      if (entry->rating[rater].kind != HEARD_CHART_RATING_VALUE)
        continue;
      if (first == NULL)
        first = entry;
      latest = entry;
    }

  if (first == NULL)
    /* Translators: "Safety, their rating: none yet". */
    return g_strdup_printf (_("%s, %s: none yet"), series->name, get_rater_text (rater));

  first_month = _heard_chart_dup_month_text (&first->date);
  if (first == latest)
    /* Translators: "Safety, their rating: 6 in March 2026, the only one so far". */
    return g_strdup_printf (_("%s, %s: %u in %s, the only one so far"), series->name,
                            get_rater_text (rater), first->rating[rater].value, first_month);

  latest_month = _heard_chart_dup_month_text (&latest->date);
  /* Translators: "Safety, their rating: 3 in March 2026 to 7 in November 2026". */
  return g_strdup_printf (_("%s, %s: %u in %s to %u in %s"), series->name,
                          get_rater_text (rater), first->rating[rater].value, first_month,
                          latest->rating[rater].value, latest_month);
}

char *
heard_chart_describe_radial (HeardChartSeries *const *areas,
                             guint                    n_areas,
                             HeardChartRater          rater)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  g_return_val_if_fail (areas != NULL || n_areas == 0, NULL);
  g_return_val_if_fail (rater < HEARD_CHART_N_RATERS, NULL);

  for (guint i = 0; i < n_areas; i++)
    {
      const HeardChartSeries *area = areas[i];
      g_autofree char *first = NULL;
      g_autofree char *latest = NULL;
      guint n = area->entries->len;

      if (n == 0)
        continue;
      first = heard_chart_rating_dup_words (heard_chart_series_get_entry (area, 0)->rating[rater],
                                            HEARD_CHART_WORDS_IN_SENTENCE);
      latest = heard_chart_rating_dup_words (heard_chart_series_get_entry (area,
                                                                           n - 1)->rating[rater],
                                             HEARD_CHART_WORDS_IN_SENTENCE);
      /* Translators: an area, its first and its latest rating: "Home 3 to 6". */
      g_ptr_array_add (parts, g_strdup_printf (_("%s %s to %s"), area->name, first, latest));
    }

  if (parts->len == 0)
    return g_strdup (_("All areas: no check-ins yet"));

  g_ptr_array_add (parts, NULL);
  /* Translators: separates the areas in "Home 3 to 6; School 4 to 5". */
  joined = g_strjoinv (C_("chart description", "; "), (char **) parts->pdata);
  /* Translators: "All areas, their rating, first to latest check-in: Home 3 to 6; …". */
  return g_strdup_printf (_("All areas, %s, first to latest check-in: %s"),
                          get_rater_text (rater), joined);
}

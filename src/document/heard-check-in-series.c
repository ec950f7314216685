/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-check-in-series"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-check-in-series.h"
#include "heard-date.h"
#include "heard-plan-rules.h"
#include "heard-text-fields.h"

/*
 * The check-ins as charts and words (heard-check-in-series.h). Here rather
 * than in src/charts, which knows no records, and rather than in each of
 * the widgets and the PDF, so that the screen and paper cannot disagree on
 * a rating's words, an area's name or the days marked.
 */

/* The decisions marked on the safety chart: those that say how the plan
 * goes on, not the paperwork between them. */
static const HeardPlanEvent marked_events[] = {
  HEARD_PLAN_EVENT_SIGN_OFF,
  HEARD_PLAN_EVENT_REVIEW,
  HEARD_PLAN_EVENT_CLOSE,
};

/* A stored day ("2026-03-01") or moment ("2026-03-01T10:00:00Z") as a day. */
static gboolean
parse_day (const char *stored,
           GDate      *day)
{
  g_autoptr(GDateTime) moment = NULL;

  if (heard_text_is_blank (stored))
    return FALSE;
  if (heard_date_parse (stored, day, NULL))
    return TRUE;

  moment = g_date_time_new_from_iso8601 (stored, NULL);
  if (moment == NULL)
    return FALSE;

  g_date_clear (day, 1);
  g_date_set_dmy (day, (GDateDay) g_date_time_get_day_of_month (moment),
                  (GDateMonth) g_date_time_get_month (moment),
                  (GDateYear) g_date_time_get_year (moment));
  return TRUE;
}

static gboolean
is_marked (HeardPlanEvent event)
{
  for (gsize i = 0; i < G_N_ELEMENTS (marked_events); i++)
    if (marked_events[i] == event)
      return TRUE;
  return FALSE;
}

HeardChartRating
heard_check_in_chart_rating (const HeardRating *rating)
{
  g_return_val_if_fail (rating != NULL, heard_chart_rating_kind (HEARD_CHART_RATING_SKIPPED));

  switch (rating->state)
    {
    case HEARD_RATING_GIVEN:
      return heard_chart_rating_value (rating->value);
    case HEARD_RATING_RATHER_NOT_SAY:
      return heard_chart_rating_kind (HEARD_CHART_RATING_RATHER_NOT_SAY);
    case HEARD_RATING_SKIPPED:
    default:
      return heard_chart_rating_kind (HEARD_CHART_RATING_SKIPPED);
    }
}

char *
heard_check_in_dup_rating_words (const HeardRating *rating)
{
  g_return_val_if_fail (rating != NULL, NULL);

  return heard_chart_rating_dup_words (heard_check_in_chart_rating (rating),
                                       HEARD_CHART_WORDS_ALONE);
}

const char *
heard_check_in_area_name (HeardPlan     *plan,
                          HeardAreaKind  kind)
{
  HeardPlanArea *area;
  const char *label;

  g_return_val_if_fail (plan == NULL || HEARD_IS_PLAN (plan), NULL);

  area = plan != NULL ? heard_plan_find_area (plan, kind) : NULL;
  label = area != NULL ? heard_plan_area_get_text (area, HEARD_AREA_LABEL) : NULL;
  return heard_text_is_blank (label) ? heard_area_kind_label (kind) : label;
}

HeardChartSeries *
heard_check_in_series_new_area (GPtrArray     *check_ins,
                                HeardAreaKind  area,
                                const char    *name)
{
  HeardChartSeries *series;

  g_return_val_if_fail (check_ins != NULL, NULL);

  series = heard_chart_series_new (name);
  for (guint i = 0; i < check_ins->len; i++)
    {
      HeardCheckIn *check_in = g_ptr_array_index (check_ins, i);
      HeardRating young_person, worker;
      GDate day;

      if (parse_day (heard_check_in_get_day (check_in), &day) &&
          heard_check_in_get_rating (check_in, area, HEARD_RATER_YOUNG_PERSON, &young_person) &&
          heard_check_in_get_rating (check_in, area, HEARD_RATER_WORKER, &worker))
        heard_chart_series_add (series, &day, heard_check_in_chart_rating (&young_person),
                                heard_check_in_chart_rating (&worker));
    }

  return series;
}

HeardChartSeries *
heard_check_in_series_new_safety (GPtrArray *check_ins)
{
  HeardChartRating skipped = heard_chart_rating_kind (HEARD_CHART_RATING_SKIPPED);
  HeardChartSeries *series;

  g_return_val_if_fail (check_ins != NULL, NULL);

  series = heard_chart_series_new (_("Safety"));
  for (guint i = 0; i < check_ins->len; i++)
    {
      HeardCheckIn *check_in = g_ptr_array_index (check_ins, i);
      HeardRating safety;
      GDate day;

      if (!parse_day (heard_check_in_get_day (check_in), &day))
        continue;
      heard_check_in_get_safety (check_in, &safety);
      heard_chart_series_add (series, &day, heard_check_in_chart_rating (&safety), skipped);
    }

  return series;
}

void
heard_check_in_series_add_markers (HeardPlan *plan,
                                   GArray    *markers)
{
  GListModel *reviews;
  HeardChartMarker next = { .label = _("Next review") };

  g_return_if_fail (HEARD_IS_PLAN (plan));
  g_return_if_fail (markers != NULL);

  reviews = heard_plan_get_reviews (plan);
  for (guint i = 0; i < g_list_model_get_n_items (reviews); i++)
    {
      g_autoptr(HeardPlanReview) review = g_list_model_get_item (reviews, i);
      HeardPlanEvent event = heard_plan_review_get_decision (review);
      HeardChartMarker marker = { .label = heard_plan_event_label (event) };

      if (is_marked (event) && parse_day (heard_plan_review_get_decided_at (review), &marker.date))
        g_array_append_val (markers, marker);
    }

  if (parse_day (heard_plan_get_next_review (plan), &next.date))
    g_array_append_val (markers, next);
}

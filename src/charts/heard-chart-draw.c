/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-charts"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "heard-chart-private.h"

/*
 * What every drawing in the charts library shares: colours, text measured
 * and shown, and the date axis, so that the check-in charts and the
 * chronology label their days alike and a date format has one home.
 */

PangoLayout *
_heard_chart_create_layout (cairo_t      *cr,
                            PangoContext *pango)
{
  return pango != NULL ? pango_layout_new (pango) : pango_cairo_create_layout (cr);
}

void
_heard_chart_set_color (cairo_t               *cr,
                        const HeardChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

void
_heard_chart_measure (PangoLayout *layout,
                      const char  *text,
                      double      *width,
                      double      *height)
{
  PangoRectangle logical;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width;
  if (height != NULL)
    *height = logical.height;
}

static void
get_date_of_month (guint  month_index,
                   GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, 1, (GDateMonth) (month_index % 12 + 1), (GDateYear) (month_index / 12));
}

static char *
dup_date_label (const GDate *date,
                const char  *format)
{
  g_autoptr(GDateTime) moment = g_date_time_new_utc (g_date_get_year (date),
                                                     g_date_get_month (date),
                                                     g_date_get_day (date), 0, 0, 0);

  return g_date_time_format (moment, format);
}

/* "March 2026", for words about a chart. */
char *
_heard_chart_dup_month_text (const GDate *date)
{
  /* Translators: a month in a chart's description, "in March 2026"; a
   * g_date_time_format() format. */
  return dup_date_label (date, C_("chart description", "%B %Y"));
}

static double
get_label_width (PangoLayout *layout,
                 const GDate *sample,
                 const char  *format)
{
  g_autofree char *text = dup_date_label (sample, format);
  double width;

  _heard_chart_measure (layout, text, &width, NULL);
  return width;
}

/* Days of the month every step days from the 1st, while at least half a
 * step is left before the next month's 1st (no 31st crowding the 1st). */
static void
add_day_ticks (const HeardChartDateAxis *axis,
               guint                     step,
               GArray                   *ticks)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, axis->first_day);
  for (guint32 day = axis->first_day; day <= axis->last_day; day++, g_date_add_days (&date, 1))
    {
      guint day_of_month = g_date_get_day (&date);
      guint left = g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date)) -
                   day_of_month + 1;

      if ((day_of_month - 1) % step == 0 && 2 * left >= step)
        g_array_append_val (ticks, day);
    }
}

/* Chooses the axis's ticks: days of the month every 1, 2, 5 or 10 days when
 * the axis asks for day steps, else month starts every 1, 2, 3, 6… months:
 * the finest steps whose labels fit. With no month start in range, the first
 * and last day instead. Returns the labels' format. */
static const char *
choose_ticks (const HeardChartDateAxis *axis,
              PangoLayout              *layout,
              GArray                   *ticks)
{
  static const guint day_steps[] = { 1, 2, 5, 10 };
  static const guint month_steps[] = { 1, 2, 3, 6, 12, 24, 60, 120 };
  /* Translators: a day on a chart's axis, a g_date_time_format() format. */
  const char *day_format = C_("chart axis", "%-d %b %Y");
  GDate first, last;
  guint first_month, last_month;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_julian (&first, axis->first_day);
  g_date_set_julian (&last, axis->last_day);

  if (axis->day_steps)
    {
      double label_width = get_label_width (layout, &first, day_format);

      /* Day ticks lie evenly, but near a month's end: the label's width
       * apart is enough (one crowded at a month's end is left out). */
      for (guint i = 0; i < G_N_ELEMENTS (day_steps); i++)
        if (day_steps[i] * axis->pixels_per_day >= label_width + HEARD_CHART_LABEL_GAP)
          {
            add_day_ticks (axis, day_steps[i], ticks);
            if (ticks->len > 0)
              return day_format;
          }
    }

  first_month = g_date_get_year (&first) * 12 + g_date_get_month (&first) - 1 +
    (g_date_get_day (&first) > 1 ? 1 : 0);
  last_month = g_date_get_year (&last) * 12 + g_date_get_month (&last) - 1;

  for (guint i = 0; first_month <= last_month && i < G_N_ELEMENTS (month_steps); i++)
    {
      guint step = month_steps[i];
      guint start = (first_month + step - 1) / step * step;
      guint count = start <= last_month ? (last_month - start) / step + 1 : 0;
      const char *format;
      GDate sample;

      if (count == 0)
        break;
      /* Translators: a month on a chart's axis, a g_date_time_format() format;
       * the year alone below is for charts spanning many years. */
      format = step < 12 ? C_("chart axis", "%b %Y") : C_("chart axis", "%Y");
      get_date_of_month (start, &sample);
      if (count * (get_label_width (layout, &sample, format) + HEARD_CHART_LABEL_GAP) <=
          axis->span_width || i == G_N_ELEMENTS (month_steps) - 1)
        {
          for (guint month = start; month <= last_month; month += step)
            {
              GDate date;
              guint32 day;

              get_date_of_month (month, &date);
              day = g_date_get_julian (&date);
              g_array_append_val (ticks, day);
            }
          return format;
        }
    }

  g_array_append_val (ticks, axis->first_day);
  if (axis->last_day != axis->first_day)
    g_array_append_val (ticks, axis->last_day);
  return day_format;
}

/* Labels a day axis below axis->bottom: a tick and, where it fits, a label
 * centred on it; any label that would overlap the one before it or leave the
 * canvas is left out. The ticks' Julian days go into ticks when not NULL. */
void
_heard_chart_draw_date_axis (cairo_t                  *cr,
                             PangoLayout              *layout,
                             const HeardChartPalette  *palette,
                             double                    canvas_width,
                             const HeardChartDateAxis *axis,
                             GArray                   *ticks)
{
  g_autoptr(GArray) own_ticks = ticks == NULL ? g_array_new (FALSE, FALSE, sizeof (guint32)) : NULL;
  double previous_right = -G_MAXDOUBLE;
  const char *format;

  if (ticks == NULL)
    ticks = own_ticks;
  g_array_set_size (ticks, 0);
  format = choose_ticks (axis, layout, ticks);

  for (guint i = 0; i < ticks->len; i++)
    {
      guint32 day = g_array_index (ticks, guint32, i);
      double x = axis->x_first + ((double) day - axis->first_day) * axis->pixels_per_day;
      g_autofree char *text = NULL;
      double label_width, left;
      GDate date;

      cairo_move_to (cr, round (x) + 0.5, axis->bottom);
      cairo_line_to (cr, round (x) + 0.5, axis->bottom + HEARD_CHART_PAD / 2);
      cairo_set_line_width (cr, 1);
      _heard_chart_set_color (cr, &palette->foreground);
      cairo_stroke (cr);

      g_date_clear (&date, 1);
      g_date_set_julian (&date, day);
      text = dup_date_label (&date, format);
      _heard_chart_measure (layout, text, &label_width, NULL);
      left = x - label_width / 2;
      if (left < 0 || left + label_width > canvas_width ||
          left < previous_right + HEARD_CHART_LABEL_GAP)
        continue;
      cairo_move_to (cr, left, axis->bottom + HEARD_CHART_PAD);
      pango_cairo_show_layout (cr, layout);
      previous_right = left + label_width;
    }
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* What one rater gave one area at one check-in: a 0–10 rating, or that they
 * skipped it, or that they would rather not say. The last two mean different
 * things and are kept apart; neither is ever drawn as a zero. */
typedef enum
{
  HEARD_CHART_RATING_VALUE,
  HEARD_CHART_RATING_SKIPPED,
  HEARD_CHART_RATING_RATHER_NOT_SAY,
} HeardChartRatingKind;

typedef enum
{
  HEARD_CHART_RATER_YOUNG_PERSON,
  HEARD_CHART_RATER_WORKER,
  HEARD_CHART_N_RATERS,
} HeardChartRater;

#define HEARD_CHART_RATING_MAX 10

typedef struct
{
  HeardChartRatingKind kind;
  guint                value; /* 0–10, only when kind is HEARD_CHART_RATING_VALUE */
} HeardChartRating;

/* One check-in of one area: its day and both raters' ratings, side by side. */
typedef struct
{
  GDate            date;
  HeardChartRating rating[HEARD_CHART_N_RATERS];
} HeardChartEntry;

/* An area's check-ins (or the safety scale's, with the worker's ratings
 * skipped), oldest first, under the area's name. */
typedef struct
{
  char   *name;
  GArray *entries; /* of HeardChartEntry */
} HeardChartSeries;

HeardChartSeries *heard_chart_series_new  (const char             *name) G_GNUC_WARN_UNUSED_RESULT;
void              heard_chart_series_free (HeardChartSeries       *series);
void              heard_chart_series_add  (HeardChartSeries       *series,
                                           const GDate            *date,
                                           HeardChartRating        young_person,
                                           HeardChartRating        worker);
guint             heard_chart_series_get_n_entries (const HeardChartSeries *series);
const HeardChartEntry *
                  heard_chart_series_get_entry     (const HeardChartSeries *series,
                                                    guint                   index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeardChartSeries, heard_chart_series_free)

static inline HeardChartRating
heard_chart_rating_value (guint value)
{
  return (HeardChartRating) { HEARD_CHART_RATING_VALUE, MIN (value, HEARD_CHART_RATING_MAX) };
}

static inline HeardChartRating
heard_chart_rating_kind (HeardChartRatingKind kind)
{
  return (HeardChartRating) { kind, 0 };
}

/* A colour, laid out as GdkRGBA is, so a widget can copy the style's colours
 * straight in. */
typedef struct
{
  float red, green, blue, alpha;
} HeardChartColor;

/* Every colour a chart draws with. Callers fill it from the style; the
 * defaults below are what tests and the command line use. */
typedef struct
{
  HeardChartColor foreground;                   /* text, axes, date markers */
  HeardChartColor background;
  HeardChartColor grid;
  HeardChartColor rater[HEARD_CHART_N_RATERS];  /* each rater's line */
  HeardChartColor marker[HEARD_CHART_N_RATERS]; /* each rater's point markers */
} HeardChartPalette;

typedef enum
{
  HEARD_CHART_STYLE_LIGHT,
  HEARD_CHART_STYLE_DARK,
  HEARD_CHART_STYLE_HIGH_CONTRAST,
} HeardChartStyle;

void heard_chart_palette_init_default (HeardChartPalette *palette,
                                       HeardChartStyle    style);

/* A day marked across the safety chart (sign-off, a review) with its label. */
typedef struct
{
  GDate       date;
  const char *label;
} HeardChartMarker;

/* Each draws a whole chart into (0, 0, width, height) of cr, background
 * included. pango may be NULL (a context is made for cr); a widget passes its
 * own, so the chart's text follows the widget's font. */
void heard_chart_draw_progress (cairo_t                 *cr,
                                PangoContext            *pango,
                                double                   width,
                                double                   height,
                                const HeardChartPalette *palette,
                                const HeardChartSeries  *area);

/* The first and the latest check-in of every area, by one rater, as two
 * polygons on 0–10 spokes: the first dashed with hollow markers, the latest
 * solid and filled. Fewer than three areas make no polygon: only the
 * markers are drawn. */
void heard_chart_draw_radial   (cairo_t                 *cr,
                                PangoContext            *pango,
                                double                   width,
                                double                   height,
                                const HeardChartPalette *palette,
                                HeardChartSeries *const *areas,
                                guint                    n_areas,
                                HeardChartRater          rater);

/* The young person's own ratings of safety, with days marked. */
void heard_chart_draw_safety   (cairo_t                 *cr,
                                PangoContext            *pango,
                                double                   width,
                                double                   height,
                                const HeardChartPalette *palette,
                                const HeardChartSeries  *safety,
                                const HeardChartMarker  *markers,
                                guint                    n_markers);

/* Where a rating's words stand: alone (a table cell, after "their rating":
 * "Skipped") or inside a sentence ("3 to rather not say"). */
typedef enum
{
  HEARD_CHART_WORDS_ALONE,
  HEARD_CHART_WORDS_IN_SENTENCE,
} HeardChartWordsPlace;

/* A rating in words: its number, or that it was skipped or they would
 * rather not say. */
char *heard_chart_rating_dup_words  (HeardChartRating         rating,
                                     HeardChartWordsPlace     place) G_GNUC_WARN_UNUSED_RESULT;

/* A chart's key: what each line and marker stands for, drawn as a band
 * (a sample of the line with its marker, then the words) under a chart on
 * paper, and said by the widgets' own labels on screen, in the same words. */
typedef enum
{
  HEARD_CHART_LEGEND_RATERS,       /* a progress chart: their rating, the worker's */
  HEARD_CHART_LEGEND_SAFETY,       /* the safety chart: their rating alone */
  HEARD_CHART_LEGEND_FIRST_LATEST, /* the radial chart: the latest check-in, the first */
} HeardChartLegend;

/* The key's items: their words ("Their rating: solid line, round markers"),
 * and a sample of the line in text ("━━ ●") for a label on screen. NULL
 * past the last item. */
const char *heard_chart_legend_get_words  (HeardChartLegend         legend,
                                           guint                    item);
const char *heard_chart_legend_get_sample (HeardChartLegend         legend,
                                           guint                    item);

/* Draws the key into (0, 0, width, height) of cr, background included,
 * items side by side where they fit and one under another where not; the
 * radial chart's key in the colours and marker shape of @rater. */
void heard_chart_draw_legend   (cairo_t                 *cr,
                                PangoContext            *pango,
                                double                   width,
                                double                   height,
                                const HeardChartPalette *palette,
                                HeardChartLegend         legend,
                                HeardChartRater          rater);

/* The trend in words, for an accessible description: "Safety, their rating:
 * 3 in March 2026 to 7 in November 2026". */
char *heard_chart_describe_progress (const HeardChartSeries  *series,
                                     HeardChartRater          rater) G_GNUC_WARN_UNUSED_RESULT;
char *heard_chart_describe_radial   (HeardChartSeries *const *areas,
                                     guint                    n_areas,
                                     HeardChartRater          rater) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

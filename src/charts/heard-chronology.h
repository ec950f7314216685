/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-chart.h"

G_BEGIN_DECLS

/* What an event on the chronology is. Each kind has its own mark, told apart
 * by shape and fill, not colour alone. */
typedef enum
{
  HEARD_CHRONOLOGY_SIGN_OF_HARM,   /* filled triangle */
  HEARD_CHRONOLOGY_VULNERABILITY,  /* hollow diamond */
  HEARD_CHRONOLOGY_STRENGTH,       /* filled circle: a strength or turning point */
  HEARD_CHRONOLOGY_STATEMENT,      /* hollow square */
  HEARD_CHRONOLOGY_CHECK_IN,       /* hollow circle */
  HEARD_CHRONOLOGY_PLAN_EVENT,     /* filled square: sign-off, review, closure */
  HEARD_CHRONOLOGY_SHARING,        /* filled triangle pointing right */
  HEARD_CHRONOLOGY_NOT_SHARED,     /* hollow triangle pointing right: a decision not to share */
  HEARD_CHRONOLOGY_N_KINDS,
} HeardChronologyKind;

/* No event: ids are a record's, never 0. */
#define HEARD_CHRONOLOGY_NO_EVENT 0

/* One event: an exact day (latest_day == earliest_day) or an approximate one
 * spanning earliest_day…latest_day, drawn as a dashed span; the lane of the
 * agency it came from; a label for the words. */
typedef struct
{
  gint64              id;
  GDate               earliest_day;
  GDate               latest_day;
  guint               lane;
  HeardChronologyKind kind;
  const char         *label;
} HeardChronologyEvent;

/* Which days are shown: the (fractional) Julian day at the left edge and
 * the zoom, from days (tens of pixels a day) to years (a fraction of one). */
typedef struct
{
  double start_day;
  double pixels_per_day;
} HeardChronologyView;

#define HEARD_CHRONOLOGY_MIN_PIXELS_PER_DAY 0.02
#define HEARD_CHRONOLOGY_MAX_PIXELS_PER_DAY 200.0

typedef struct _HeardChronology HeardChronology;

HeardChronology *heard_chronology_new (const HeardChronologyEvent *events,
                                       guint                       n_events,
                                       const char *const          *lane_labels,
                                       guint                       n_lanes) G_GNUC_WARN_UNUSED_RESULT;
void             heard_chronology_free (HeardChronology           *chronology);

guint            heard_chronology_get_n_events (const HeardChronology *chronology);
const HeardChronologyEvent *
                 heard_chronology_get_event    (const HeardChronology *chronology,
                                                guint                  index);

/* Places every event for a view and a size; pango may be NULL (a default
 * context is used), a widget passes its own. Draw and event_at use the
 * latest layout. */
void             heard_chronology_layout (HeardChronology           *chronology,
                                          PangoContext              *pango,
                                          const HeardChronologyView *view,
                                          double                     width,
                                          double                     height);
/* Draws the laid-out chronology into (0, 0, width, height) of cr,
 * background included: lanes with their labels, the dated axis, a line at
 * today (may be NULL), the marks, and a ring round the selected event. */
void             heard_chronology_draw   (HeardChronology           *chronology,
                                          cairo_t                   *cr,
                                          const HeardChartPalette   *palette,
                                          gint64                     selected_id,
                                          const GDate               *today);

gint64           heard_chronology_event_at (const HeardChronology   *chronology,
                                            double                   x,
                                            double                   y);
gint64           heard_chronology_next     (const HeardChronology   *chronology,
                                            gint64                   selected_id);
gint64           heard_chronology_previous (const HeardChronology   *chronology,
                                            gint64                   selected_id);

double           heard_chronology_view_get_x        (const HeardChronologyView *view,
                                                     const GDate               *date);
void             heard_chronology_view_fit          (HeardChronologyView       *view,
                                                     const HeardChronology     *chronology,
                                                     const GDate               *today,
                                                     double                     width);
void             heard_chronology_view_center_on    (HeardChronologyView       *view,
                                                     const GDate               *date,
                                                     double                     width);
void             heard_chronology_zoom_around       (HeardChronologyView       *view,
                                                     double                     factor,
                                                     double                     anchor_x);
void             heard_chronology_view_keep_visible (HeardChronologyView       *view,
                                                     const HeardChronology     *chronology,
                                                     gint64                     event_id,
                                                     double                     width);

/* What is shown in words, for the drawing's accessible description: "12
 * events from 3 agencies between March 2024 and November 2026; 4 signs of
 * harm, …". Never a score. */
char            *heard_chronology_describe (const HeardChronology   *chronology) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeardChronology, heard_chronology_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-charts"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "heard-chart-private.h"
#include "heard-chronology-private.h"

/*
 * A young person's chronology as plain cairo: warning signs, strengths,
 * statements, check-ins, plan events and sharing from every agency on one
 * timeline, one lane per agency, so that signs from school, police and health
 * gathering in the same weeks are seen side by side rather than in
 * isolation. Events in, pixels out, with no GTK: the widget draws it in
 * snapshot(), hit-tests clicks and walks it with the keyboard through the
 * same functions. Kinds differ by the shape of their mark, not colour alone;
 * an approximate date is a dashed span, never a sharp point.
 */

#define PAD        HEARD_CHART_PAD
#define RADIUS     5.0
#define ROW        (2 * RADIUS + 4)
#define MAX_ROWS   4
#define LINE_WIDTH 2.0
#define RING_GAP   3.0
#define HIT_SLOP   3.0

typedef struct
{
  HeardChronologyEvent event; /* label owned */
  guint32              first, last; /* Julian days */
  /* In the latest layout: the mark's centre and the span it covers. */
  double               x, y;
  double               left, right;
} Item;

struct _HeardChronology
{
  GArray       *items; /* of Item, in time order: day, then lane, then id */
  GPtrArray    *lane_labels;
  guint         n_approximate;

  /* The latest layout. */
  PangoContext *pango;
  double        width, height;
  double        lanes_bottom, lane_height, line_height;
  HeardChronologyView view;
};

static const double span_dashes[] = { 3.0, 2.0 };
static const double today_dashes[] = { 6.0, 3.0 };

static int
compare_items (const void *a,
               const void *b)
{
  const Item *x = a;
  const Item *y = b;

  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  if (x->event.lane != y->event.lane)
    return x->event.lane < y->event.lane ? -1 : 1;
  return (x->event.id > y->event.id) - (x->event.id < y->event.id);
}

static void
clear_item (gpointer data)
{
  Item *item = data;

  g_free ((char *) item->event.label);
}

static const Item *
find_item (const HeardChronology *chronology,
           gint64                 id,
           guint                 *index)
{
  for (guint i = 0; id != HEARD_CHRONOLOGY_NO_EVENT && i < chronology->items->len; i++)
    if (g_array_index (chronology->items, Item, i).event.id == id)
      {
        if (index != NULL)
          *index = i;
        return &g_array_index (chronology->items, Item, i);
      }
  return NULL;
}

static double
get_day_x (const HeardChronologyView *view,
           double                     day)
{
  return (day - view->start_day) * view->pixels_per_day;
}

/* An exact day's mark sits where the day begins, under its tick; an
 * approximate one in the middle of its span. */
static void
place_item (const HeardChronologyView *view,
            Item                      *item)
{
  if (item->first == item->last)
    {
      item->x = get_day_x (view, item->first);
      item->left = item->x - RADIUS;
      item->right = item->x + RADIUS;
    }
  else
    {
      item->left = get_day_x (view, item->first);
      item->right = get_day_x (view, item->last + 1.0);
      item->x = (item->left + item->right) / 2;
    }
}

static double
get_lane_top (const HeardChronology *chronology,
              guint                  lane)
{
  return lane * chronology->lane_height;
}

/* Harm and vulnerability in the palette's worker colour, strengths in the
 * young person's, everything else in the text's: each also has its shape. */
static const HeardChartColor *
get_kind_color (const HeardChartPalette *palette,
                HeardChronologyKind      kind)
{
  switch (kind)
    {
    case HEARD_CHRONOLOGY_SIGN_OF_HARM:
    case HEARD_CHRONOLOGY_VULNERABILITY:
      return &palette->marker[HEARD_CHART_RATER_WORKER];
    case HEARD_CHRONOLOGY_STRENGTH:
      return &palette->marker[HEARD_CHART_RATER_YOUNG_PERSON];
    case HEARD_CHRONOLOGY_STATEMENT:
    case HEARD_CHRONOLOGY_CHECK_IN:
    case HEARD_CHRONOLOGY_PLAN_EVENT:
    case HEARD_CHRONOLOGY_SHARING:
    case HEARD_CHRONOLOGY_NOT_SHARED:
    case HEARD_CHRONOLOGY_N_KINDS:
    default:
      return &palette->foreground;
    }
}

static gboolean
is_filled (HeardChronologyKind kind)
{
  return kind == HEARD_CHRONOLOGY_SIGN_OF_HARM || kind == HEARD_CHRONOLOGY_STRENGTH ||
         kind == HEARD_CHRONOLOGY_PLAN_EVENT || kind == HEARD_CHRONOLOGY_SHARING;
}

/* Adds one mark's outline to the path. Hollow marks are a little smaller, so
 * that with their stroke they cover what a filled one does. */
static void
add_mark (cairo_t             *cr,
          HeardChronologyKind  kind,
          double               x,
          double               y)
{
  double r = is_filled (kind) ? RADIUS : RADIUS - LINE_WIDTH / 2;

  cairo_new_sub_path (cr);
  switch (kind)
    {
    case HEARD_CHRONOLOGY_SIGN_OF_HARM:
      cairo_move_to (cr, x, y - r - 1);
      cairo_line_to (cr, x + r + 1, y + r);
      cairo_line_to (cr, x - r - 1, y + r);
      break;
    case HEARD_CHRONOLOGY_VULNERABILITY:
      cairo_move_to (cr, x, y - r - 1);
      cairo_line_to (cr, x + r + 1, y);
      cairo_line_to (cr, x, y + r + 1);
      cairo_line_to (cr, x - r - 1, y);
      break;
    case HEARD_CHRONOLOGY_STRENGTH:
    case HEARD_CHRONOLOGY_CHECK_IN:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case HEARD_CHRONOLOGY_STATEMENT:
    case HEARD_CHRONOLOGY_PLAN_EVENT:
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      break;
    case HEARD_CHRONOLOGY_SHARING:
    case HEARD_CHRONOLOGY_NOT_SHARED:
      cairo_move_to (cr, x + r + 1, y);
      cairo_line_to (cr, x - r, y - r);
      cairo_line_to (cr, x - r, y + r);
      break;
    case HEARD_CHRONOLOGY_N_KINDS:
    default:
      g_assert_not_reached ();
    }
  cairo_close_path (cr);
}

static gboolean
is_visible (const HeardChronology *chronology,
            const Item            *item)
{
  return item->right + RING_GAP + LINE_WIDTH >= 0 &&
         item->left - RING_GAP - LINE_WIDTH <= chronology->width;
}

/* Lanes: a rule between each. */
static void
draw_lanes (HeardChronology         *chronology,
            cairo_t                 *cr,
            const HeardChartPalette *palette)
{
  for (guint lane = 1; lane < chronology->lane_labels->len; lane++)
    {
      double top = round (get_lane_top (chronology, lane));

      cairo_move_to (cr, 0, top + 0.5);
      cairo_line_to (cr, chronology->width, top + 0.5);
      cairo_set_line_width (cr, 1);
      _heard_chart_set_color (cr, &palette->grid);
      cairo_stroke (cr);
    }
}

/* Each lane's name at its top left, over the marks and on the background,
 * so that a lane too low for its name and a row of marks still reads. */
static void
draw_lane_labels (HeardChronology         *chronology,
                  cairo_t                 *cr,
                  PangoLayout             *layout,
                  const HeardChartPalette *palette)
{
  if (chronology->lane_height < chronology->line_height + PAD)
    return;

  for (guint lane = 0; lane < chronology->lane_labels->len; lane++)
    {
      double top = round (get_lane_top (chronology, lane));
      double width;

      _heard_chart_measure (layout, g_ptr_array_index (chronology->lane_labels, lane), &width,
                            NULL);
      _heard_chart_set_color (cr, &palette->background);
      cairo_rectangle (cr, PAD / 2, top + 1, width + PAD, chronology->line_height + PAD / 2);
      cairo_fill (cr);
      _heard_chart_set_color (cr, &palette->foreground);
      cairo_move_to (cr, PAD, top + PAD / 2);
      pango_cairo_show_layout (cr, layout);
    }
}

/* The dated axis below the lanes, and faint lines up from its ticks. */
static void
draw_axis (HeardChronology         *chronology,
           cairo_t                 *cr,
           PangoLayout             *layout,
           const HeardChartPalette *palette)
{
  const HeardChronologyView *view = &chronology->view;
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (guint32));
  HeardChartDateAxis axis = {
    .first_day = (guint32) MAX (1, ceil (view->start_day)),
    .pixels_per_day = view->pixels_per_day,
    .span_width = chronology->width,
    .bottom = chronology->lanes_bottom,
    .day_steps = TRUE,
  };
  HeardChartColor faint = palette->grid;

  axis.last_day = (guint32) MAX (axis.first_day,
                                 floor (view->start_day + chronology->width / view->pixels_per_day));
  axis.x_first = get_day_x (view, axis.first_day);
  _heard_chart_draw_date_axis (cr, layout, palette, chronology->width, &axis, ticks);

  faint.alpha *= 0.35f;
  _heard_chart_set_color (cr, &faint);
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < ticks->len; i++)
    {
      double x = round (get_day_x (view, g_array_index (ticks, guint32, i))) + 0.5;

      cairo_move_to (cr, x, 0);
      cairo_line_to (cr, x, chronology->lanes_bottom);
    }
  cairo_stroke (cr);

  cairo_move_to (cr, 0, chronology->lanes_bottom + 0.5);
  cairo_line_to (cr, chronology->width, chronology->lanes_bottom + 0.5);
  _heard_chart_set_color (cr, &palette->foreground);
  cairo_stroke (cr);
}

static void
draw_today (HeardChronology         *chronology,
            cairo_t                 *cr,
            PangoLayout             *layout,
            const HeardChartPalette *palette,
            const GDate             *today)
{
  double x = round (get_day_x (&chronology->view, g_date_get_julian (today))) + 0.5;
  double label_width, left, top;

  if (x < 0 || x > chronology->width)
    return;
  cairo_move_to (cr, x, 0);
  cairo_line_to (cr, x, chronology->lanes_bottom);
  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, today_dashes, G_N_ELEMENTS (today_dashes), 0);
  _heard_chart_set_color (cr, &palette->foreground);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* Translators: labels the line drawn at today's date on the chronology. */
  _heard_chart_measure (layout, C_("chronology", "Today"), &label_width, NULL);
  left = x + PAD / 2;
  if (left + label_width > chronology->width)
    left = x - PAD / 2 - label_width;
  top = chronology->lanes_bottom - chronology->line_height - PAD / 2;
  /* On the background, over any mark, and drawn after them. */
  _heard_chart_set_color (cr, &palette->background);
  cairo_rectangle (cr, left - 1, top, label_width + 2, chronology->line_height);
  cairo_fill (cr);
  _heard_chart_set_color (cr, &palette->foreground);
  cairo_move_to (cr, left, top);
  pango_cairo_show_layout (cr, layout);
}

/* Every visible mark of one kind as one path, filled or stroked once, and the
 * dashed spans of its approximate ones likewise: a thousand marks cost a
 * handful of cairo calls. */
static void
draw_kind (HeardChronology         *chronology,
           cairo_t                 *cr,
           const HeardChartPalette *palette,
           HeardChronologyKind      kind)
{
  gboolean any_span = FALSE;

  _heard_chart_set_color (cr, get_kind_color (palette, kind));
  cairo_new_path (cr);
  for (guint i = 0; i < chronology->items->len; i++)
    {
      const Item *item = &g_array_index (chronology->items, Item, i);

      if (item->event.kind != kind || item->first == item->last || !is_visible (chronology, item))
        continue;
      /* At least a little wider than the mark, so that it shows when zoomed out. */
      cairo_move_to (cr, MIN (item->left, item->x - RADIUS - 4), round (item->y) + 0.5);
      cairo_line_to (cr, MAX (item->right, item->x + RADIUS + 4), round (item->y) + 0.5);
      any_span = TRUE;
    }
  if (any_span)
    {
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, span_dashes, G_N_ELEMENTS (span_dashes), 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  cairo_new_path (cr);
  for (guint i = 0; i < chronology->items->len; i++)
    {
      const Item *item = &g_array_index (chronology->items, Item, i);

      if (item->event.kind == kind && is_visible (chronology, item))
        add_mark (cr, kind, item->x, item->y);
    }
  if (is_filled (kind))
    cairo_fill (cr);
  else
    {
      cairo_set_line_width (cr, LINE_WIDTH);
      cairo_stroke (cr);
    }
}

/* A ring round the selected mark, and its label beside it on the
 * background, so the selection shows without colour. */
static void
draw_selected (HeardChronology         *chronology,
               cairo_t                 *cr,
               PangoLayout             *layout,
               const HeardChartPalette *palette,
               const Item              *item)
{
  double ring = RADIUS + RING_GAP + LINE_WIDTH;
  double label_width, left;

  cairo_new_path (cr);
  cairo_arc (cr, item->x, item->y, ring, 0, 2 * G_PI);
  cairo_set_line_width (cr, LINE_WIDTH);
  _heard_chart_set_color (cr, &palette->foreground);
  cairo_stroke (cr);

  if (item->event.label == NULL || item->event.label[0] == '\0')
    return;
  _heard_chart_measure (layout, item->event.label, &label_width, NULL);
  left = item->x + ring + PAD;
  if (left + label_width > chronology->width - PAD)
    left = item->x - ring - PAD - label_width;
  left = MAX (left, PAD);
  _heard_chart_set_color (cr, &palette->background);
  cairo_rectangle (cr, left - PAD / 2, item->y - chronology->line_height / 2,
                   label_width + PAD, chronology->line_height);
  cairo_fill (cr);
  _heard_chart_set_color (cr, &palette->foreground);
  cairo_move_to (cr, left, item->y - chronology->line_height / 2);
  pango_cairo_show_layout (cr, layout);
}

/* "4 signs of harm", "1 check-in". */
static char *
dup_kind_words (HeardChronologyKind kind,
                guint               n)
{
  switch (kind)
    {
    case HEARD_CHRONOLOGY_SIGN_OF_HARM:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sign of harm",
                                           "%u signs of harm", n), n);
    case HEARD_CHRONOLOGY_VULNERABILITY:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u vulnerability",
                                           "%u vulnerabilities", n), n);
    case HEARD_CHRONOLOGY_STRENGTH:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u strength or turning point",
                                           "%u strengths or turning points", n), n);
    case HEARD_CHRONOLOGY_STATEMENT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u statement",
                                           "%u statements", n), n);
    case HEARD_CHRONOLOGY_CHECK_IN:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check-in",
                                           "%u check-ins", n), n);
    case HEARD_CHRONOLOGY_PLAN_EVENT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u plan event",
                                           "%u plan events", n), n);
    case HEARD_CHRONOLOGY_SHARING:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record of sharing",
                                           "%u records of sharing", n), n);
    case HEARD_CHRONOLOGY_NOT_SHARED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u decision not to share",
                                           "%u decisions not to share", n), n);
    case HEARD_CHRONOLOGY_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* Public API ---------------------------------------------------------------- */

/* Copies the events (labels too) and sorts them in time order: by earliest
 * day, then lane, then id. Every event's lane is below n_lanes. */
HeardChronology *
heard_chronology_new (const HeardChronologyEvent *events,
                      guint                       n_events,
                      const char *const          *lane_labels,
                      guint                       n_lanes)
{
  HeardChronology *chronology;

  g_return_val_if_fail (events != NULL || n_events == 0, NULL);
  g_return_val_if_fail (lane_labels != NULL || n_lanes == 0, NULL);

  chronology = g_new0 (HeardChronology, 1);
  chronology->items = g_array_sized_new (FALSE, TRUE, sizeof (Item), n_events);
  g_array_set_clear_func (chronology->items, clear_item);
  chronology->lane_labels = g_ptr_array_new_with_free_func (g_free);
  for (guint lane = 0; lane < n_lanes; lane++)
    g_ptr_array_add (chronology->lane_labels, g_strdup (lane_labels[lane]));

  for (guint i = 0; i < n_events; i++)
    {
      const HeardChronologyEvent *event = &events[i];
      Item item = { .event = *event };

      if (event->id == HEARD_CHRONOLOGY_NO_EVENT || event->lane >= n_lanes ||
          event->kind >= HEARD_CHRONOLOGY_N_KINDS || !g_date_valid (&event->earliest_day) ||
          !g_date_valid (&event->latest_day))
        {
          g_critical ("%s: event %u is not a valid event", G_STRFUNC, i);
          continue;
        }
      item.event.label = g_strdup (event->label);
      item.first = g_date_get_julian (&event->earliest_day);
      item.last = MAX (item.first, g_date_get_julian (&event->latest_day));
      chronology->n_approximate += item.last != item.first;
      g_array_append_val (chronology->items, item);
    }
  g_array_sort (chronology->items, compare_items);

  chronology->view.pixels_per_day = 1;
  return chronology;
}

void
heard_chronology_free (HeardChronology *chronology)
{
  if (chronology == NULL)
    return;
  g_array_unref (chronology->items);
  g_ptr_array_unref (chronology->lane_labels);
  g_clear_object (&chronology->pango);
  g_free (chronology);
}

guint
heard_chronology_get_n_events (const HeardChronology *chronology)
{
  g_return_val_if_fail (chronology != NULL, 0);
  return chronology->items->len;
}

/* The event at index in time order, as the list view shows them. */
const HeardChronologyEvent *
heard_chronology_get_event (const HeardChronology *chronology,
                            guint                  index)
{
  g_return_val_if_fail (chronology != NULL, NULL);
  g_return_val_if_fail (index < chronology->items->len, NULL);
  return &g_array_index (chronology->items, Item, index).event;
}

/* Lanes share the height above the axis; a lane's marks sit below its label
 * in up to MAX_ROWS rows, each mark in the first row where it overlaps
 * nothing (or the emptiest, when every row is taken). */
void
heard_chronology_layout (HeardChronology           *chronology,
                         PangoContext              *pango,
                         const HeardChronologyView *view,
                         double                     width,
                         double                     height)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree double *row_right = NULL;
  guint n_lanes, n_rows;
  double marks_top, marks_height;

  g_return_if_fail (chronology != NULL);
  g_return_if_fail (view != NULL && view->pixels_per_day > 0);

  if (pango != NULL)
    g_object_ref (pango);
  else
    pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_clear_object (&chronology->pango);
  chronology->pango = pango;

  layout = pango_layout_new (pango);
  _heard_chart_measure (layout, "Mg", NULL, &chronology->line_height);
  chronology->view = *view;
  chronology->width = width;
  chronology->height = height;
  chronology->lanes_bottom = floor (MAX (0, height - (PAD + chronology->line_height + PAD)));
  n_lanes = MAX (1, chronology->lane_labels->len);
  chronology->lane_height = chronology->lanes_bottom / n_lanes;

  marks_top = PAD / 2 + chronology->line_height + PAD / 2;
  marks_height = chronology->lane_height - marks_top - PAD / 2;
  if (marks_height < ROW)
    {
      /* Too low for its label and a row: the marks on its middle. */
      marks_top = 0;
      marks_height = chronology->lane_height;
    }
  n_rows = CLAMP ((guint) (marks_height / ROW), 1, MAX_ROWS);
  row_right = g_new (double, n_lanes * n_rows);
  for (guint i = 0; i < n_lanes * n_rows; i++)
    row_right[i] = -G_MAXDOUBLE;

  for (guint i = 0; i < chronology->items->len; i++)
    {
      Item *item = &g_array_index (chronology->items, Item, i);
      double *rights = row_right + item->event.lane * n_rows;
      guint row = 0;

      place_item (view, item);
      for (guint r = 0; r < n_rows; r++)
        {
          if (rights[r] + 2 < item->left)
            {
              row = r;
              break;
            }
          if (rights[r] < rights[row])
            row = r;
        }
      rights[row] = MAX (rights[row], item->right);
      item->y = get_lane_top (chronology, item->event.lane) + marks_top +
        (n_rows == 1 ? marks_height / 2 : ROW / 2 + row * (marks_height - ROW) / (n_rows - 1));
    }
}

void
heard_chronology_draw (HeardChronology         *chronology,
                       cairo_t                 *cr,
                       const HeardChartPalette *palette,
                       gint64                   selected_id,
                       const GDate             *today)
{
  g_autoptr(PangoLayout) layout = NULL;
  const Item *selected;

  g_return_if_fail (chronology != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (palette != NULL);
  g_return_if_fail (today == NULL || g_date_valid (today));

  layout = _heard_chart_create_layout (cr, chronology->pango);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, chronology->width, chronology->height);
  cairo_clip (cr);
  _heard_chart_set_color (cr, &palette->background);
  cairo_paint (cr);

  draw_lanes (chronology, cr, palette);
  draw_axis (chronology, cr, layout, palette);

  /* Marks stay above the axis and its labels. */
  cairo_rectangle (cr, 0, 0, chronology->width, chronology->lanes_bottom);
  cairo_clip (cr);
  cairo_set_tolerance (cr, 0.25);
  for (HeardChronologyKind kind = 0; kind < HEARD_CHRONOLOGY_N_KINDS; kind++)
    draw_kind (chronology, cr, palette, kind);
  draw_lane_labels (chronology, cr, layout, palette);
  if (today != NULL)
    draw_today (chronology, cr, layout, palette, today);
  selected = find_item (chronology, selected_id, NULL);
  if (selected != NULL && is_visible (chronology, selected))
    draw_selected (chronology, cr, layout, palette, selected);
  cairo_restore (cr);
}

/* The event whose mark (or dashed span) is under x, y in the latest layout,
 * the nearest when marks overlap; HEARD_CHRONOLOGY_NO_EVENT if none. */
gint64
heard_chronology_event_at (const HeardChronology *chronology,
                           double                 x,
                           double                 y)
{
  gint64 found = HEARD_CHRONOLOGY_NO_EVENT;
  double nearest = G_MAXDOUBLE;

  g_return_val_if_fail (chronology != NULL, HEARD_CHRONOLOGY_NO_EVENT);

  if (y < 0 || y >= chronology->lanes_bottom)
    return HEARD_CHRONOLOGY_NO_EVENT;
  for (guint i = 0; i < chronology->items->len; i++)
    {
      const Item *item = &g_array_index (chronology->items, Item, i);
      double distance = hypot (x - item->x, y - item->y);

      if (distance > RADIUS + HIT_SLOP &&
          !(x >= item->left && x <= item->right && fabs (y - item->y) <= HIT_SLOP))
        continue;
      if (distance < nearest)
        {
          nearest = distance;
          found = item->event.id;
        }
    }
  return found;
}

/* The event after selected_id in time order: the first with none selected,
 * the last again at the end. */
gint64
heard_chronology_next (const HeardChronology *chronology,
                       gint64                 selected_id)
{
  guint index;

  g_return_val_if_fail (chronology != NULL, HEARD_CHRONOLOGY_NO_EVENT);

  if (chronology->items->len == 0)
    return HEARD_CHRONOLOGY_NO_EVENT;
  if (find_item (chronology, selected_id, &index) == NULL)
    index = 0;
  else
    index = MIN (index + 1, chronology->items->len - 1);
  return g_array_index (chronology->items, Item, index).event.id;
}

/* The event before selected_id in time order: the last with none
 * selected, the first again at the start. */
gint64
heard_chronology_previous (const HeardChronology *chronology,
                           gint64                 selected_id)
{
  guint index;

  g_return_val_if_fail (chronology != NULL, HEARD_CHRONOLOGY_NO_EVENT);

  if (chronology->items->len == 0)
    return HEARD_CHRONOLOGY_NO_EVENT;
  if (find_item (chronology, selected_id, &index) == NULL)
    index = chronology->items->len - 1;
  else if (index > 0)
    index--;
  return g_array_index (chronology->items, Item, index).event.id;
}

/* Where a day begins on the view. */
double
heard_chronology_view_get_x (const HeardChronologyView *view,
                             const GDate               *date)
{
  g_return_val_if_fail (view != NULL, 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  return get_day_x (view, g_date_get_julian (date));
}

/* A view showing every event, with a little room either side; with no
 * events, the months around today. */
void
heard_chronology_view_fit (HeardChronologyView   *view,
                           const HeardChronology *chronology,
                           const GDate           *today,
                           double                 width)
{
  double first, last, margin;

  g_return_if_fail (view != NULL);
  g_return_if_fail (chronology != NULL);
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (width > 0);

  if (chronology->items->len == 0)
    {
      first = g_date_get_julian (today) - 90.0;
      last = g_date_get_julian (today) + 30.0;
    }
  else
    {
      first = g_array_index (chronology->items, Item, 0).first;
      last = first + 1;
      for (guint i = 0; i < chronology->items->len; i++)
        last = MAX (last, g_array_index (chronology->items, Item, i).last + 1.0);
    }
  margin = MAX (1.0, (last - first) * 0.05);
  view->pixels_per_day = CLAMP (width / (last - first + 2 * margin),
                                HEARD_CHRONOLOGY_MIN_PIXELS_PER_DAY,
                                HEARD_CHRONOLOGY_MAX_PIXELS_PER_DAY);
  view->start_day = (first + last) / 2 - width / 2 / view->pixels_per_day;
}

/* Puts date in the middle of the view ("Today"). */
void
heard_chronology_view_center_on (HeardChronologyView *view,
                                 const GDate         *date,
                                 double               width)
{
  g_return_if_fail (view != NULL && view->pixels_per_day > 0);
  g_return_if_fail (date != NULL && g_date_valid (date));

  view->start_day = g_date_get_julian (date) - width / 2 / view->pixels_per_day;
}

/* Zooms in (factor > 1) or out, keeping the day under anchor_x (the pointer,
 * or the selected event) where it is. */
void
heard_chronology_zoom_around (HeardChronologyView *view,
                              double               factor,
                              double               anchor_x)
{
  double anchor_day;

  g_return_if_fail (view != NULL && view->pixels_per_day > 0);
  g_return_if_fail (factor > 0);

  anchor_day = view->start_day + anchor_x / view->pixels_per_day;
  view->pixels_per_day = CLAMP (view->pixels_per_day * factor,
                                HEARD_CHRONOLOGY_MIN_PIXELS_PER_DAY,
                                HEARD_CHRONOLOGY_MAX_PIXELS_PER_DAY);
  view->start_day = anchor_day - anchor_x / view->pixels_per_day;
}

/* Scrolls the least that brings the event's mark into view, a little in
 * from the edge; a view already showing it stays as it is. */
void
heard_chronology_view_keep_visible (HeardChronologyView   *view,
                                    const HeardChronology *chronology,
                                    gint64                 event_id,
                                    double                 width)
{
  const Item *item;
  Item placed;
  double margin = MIN (width / 4, 3 * ROW);

  g_return_if_fail (view != NULL && view->pixels_per_day > 0);
  g_return_if_fail (chronology != NULL);

  item = find_item (chronology, event_id, NULL);
  if (item == NULL)
    return;
  placed = *item;
  place_item (view, &placed);
  if (placed.x < margin)
    view->start_day -= (margin - placed.x) / view->pixels_per_day;
  else if (placed.x > width - margin)
    view->start_day += (placed.x - (width - margin)) / view->pixels_per_day;
}

char *
heard_chronology_describe (const HeardChronology *chronology)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree gboolean *lanes_used = NULL;
  g_autofree char *first_month = NULL;
  g_autofree char *last_month = NULL;
  guint counts[HEARD_CHRONOLOGY_N_KINDS] = { 0 };
  guint n_events, n_lanes = 0;
  guint32 last = 0;
  GDate first_date, last_date;
  const char *separator = "";

  g_return_val_if_fail (chronology != NULL, NULL);

  n_events = chronology->items->len;
  if (n_events == 0)
    return g_strdup (_("No events yet"));

  lanes_used = g_new0 (gboolean, chronology->lane_labels->len);
  for (guint i = 0; i < n_events; i++)
    {
      const Item *item = &g_array_index (chronology->items, Item, i);

      counts[item->event.kind]++;
      n_lanes += !lanes_used[item->event.lane];
      lanes_used[item->event.lane] = TRUE;
      last = MAX (last, item->last);
    }

  g_date_clear (&first_date, 1);
  g_date_clear (&last_date, 1);
  g_date_set_julian (&first_date, g_array_index (chronology->items, Item, 0).first);
  g_date_set_julian (&last_date, last);
  first_month = _heard_chart_dup_month_text (&first_date);
  last_month = _heard_chart_dup_month_text (&last_date);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", n_events),
                          n_events);
  g_string_append_c (text, ' ');
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "from %u agency",
                                             "from %u agencies", n_lanes), n_lanes);
  g_string_append_c (text, ' ');
  if (g_strcmp0 (first_month, last_month) == 0)
    /* Translators: when all of a chronology's events fall in one month, "in March 2024". */
    g_string_append_printf (text, _("in %s"), first_month);
  else
    /* Translators: "between March 2024 and November 2026". */
    g_string_append_printf (text, _("between %s and %s"), first_month, last_month);
  /* Translators: between "12 events from 3 agencies between …" and the count of each kind. */
  g_string_append (text, C_("chronology description", "; "));

  for (HeardChronologyKind kind = 0; kind < HEARD_CHRONOLOGY_N_KINDS; kind++)
    {
      g_autofree char *words = NULL;

      if (counts[kind] == 0)
        continue;
      words = dup_kind_words (kind, counts[kind]);
      g_string_append (text, separator);
      g_string_append (text, words);
      /* Translators: between the counts of each kind, "4 signs of harm, 2 check-ins". */
      separator = C_("chronology description", ", ");
    }
  if (chronology->n_approximate > 0)
    {
      g_string_append (text, separator);
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u with an approximate date",
                                                 "%u with approximate dates",
                                                 chronology->n_approximate),
                              chronology->n_approximate);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
_heard_chronology_get_mark (const HeardChronology *chronology,
                            gint64                 event_id,
                            double                *x,
                            double                *y,
                            double                *radius)
{
  const Item *item = find_item (chronology, event_id, NULL);

  if (item == NULL)
    return FALSE;
  *x = item->x;
  *y = item->y;
  *radius = RADIUS;
  return TRUE;
}

void
_heard_chronology_get_lane_band (const HeardChronology *chronology,
                                 guint                  lane,
                                 double                *top,
                                 double                *bottom)
{
  *top = get_lane_top (chronology, lane);
  *bottom = *top + chronology->lane_height;
}

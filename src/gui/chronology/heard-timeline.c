/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-chart-style.h"
#include "heard-date.h"
#include "heard-timeline-private.h"

/*
 * A young person's chronology drawn on screen with src/charts: one lane an
 * agency, zoomed from days to years with Ctrl+scroll, a pinch or +/−,
 * scrolled sideways or dragged, Today to come back. It is focusable: Left
 * and Right move between events in time order and keep the selected one in
 * view, Enter opens it ("activate-event"). snapshot() only lays out and
 * draws what it was given; the events are built elsewhere, off the main
 * thread. GTK 4.8 cannot expose the marks as accessible objects: the
 * drawing's accessible description says what it shows, and a list beside
 * it holds every event.
 */

#define ZOOM_STEP 1.5

struct _HeardTimeline
{
  GtkWidget            parent_instance;

  HeardChronology     *chronology;
  char                *description;
  HeardChronologyView  view;
  gboolean             view_set;
  gboolean             view_moved; /* by the user: new events no longer refit it */
  gint64               selected_id;

  /* Where the pointer is (-1: elsewhere), where a drag and a pinch began. */
  double               pointer_x;
  double               drag_start_day;
  double               pinch_pixels_per_day;
};

G_DEFINE_FINAL_TYPE (HeardTimeline, heard_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_ID,
  N_PROPS
};

enum {
  ACTIVATE_EVENT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static double
get_width (HeardTimeline *self)
{
  return MAX (1, gtk_widget_get_width (GTK_WIDGET (self)));
}

/* Shows every event (or the last few months around today) once there is a
 * size to fit them in. */
static gboolean
ensure_view (HeardTimeline *self)
{
  GDate today;

  if (self->view_set)
    return TRUE;
  if (self->chronology == NULL || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return FALSE;

  heard_date_today (&today);
  heard_chronology_view_fit (&self->view, self->chronology, &today, get_width (self));
  self->view_set = TRUE;
  return TRUE;
}

static void
keep_selected_visible (HeardTimeline *self)
{
  if (self->selected_id != HEARD_CHRONOLOGY_NO_EVENT && ensure_view (self))
    heard_chronology_view_keep_visible (&self->view, self->chronology, self->selected_id,
                                        get_width (self));
}

/* The x of the selected event when it is in view, else the middle. */
static double
get_zoom_anchor (HeardTimeline *self)
{
  const HeardChronologyEvent *event = NULL;
  double x;

  for (guint i = 0; self->chronology != NULL &&
       i < heard_chronology_get_n_events (self->chronology); i++)
    if (heard_chronology_get_event (self->chronology, i)->id == self->selected_id)
      event = heard_chronology_get_event (self->chronology, i);

  if (event == NULL)
    return get_width (self) / 2;

  x = heard_chronology_view_get_x (&self->view, &event->earliest_day);
  return x >= 0 && x <= get_width (self) ? x : get_width (self) / 2;
}

static void
zoom_around (HeardTimeline *self,
             double         factor,
             double         anchor_x)
{
  if (!ensure_view (self))
    return;

  heard_chronology_zoom_around (&self->view, factor, anchor_x);
  self->view_moved = TRUE;
  keep_selected_visible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
move_selection (HeardTimeline *self,
                gboolean       forward)
{
  gint64 id;

  if (self->chronology == NULL)
    return;

  id = forward ? heard_chronology_next (self->chronology, self->selected_id)
               : heard_chronology_previous (self->chronology, self->selected_id);
  if (id != HEARD_CHRONOLOGY_NO_EVENT)
    heard_timeline_set_selected_id (self, id);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           HeardTimeline            *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!ensure_view (self))
    return FALSE;

  if (state & GDK_CONTROL_MASK)
    {
      /* Around the pointer, else the selected event. */
      zoom_around (self, dy < 0 ? ZOOM_STEP : 1 / ZOOM_STEP,
                   self->pointer_x >= 0 ? self->pointer_x : get_zoom_anchor (self));
      return TRUE;
    }

  /* Sideways: a horizontal scroll, or Shift and the wheel. */
  if (dx == 0 && (state & GDK_SHIFT_MASK))
    dx = dy;
  if (dx == 0)
    return FALSE;

  self->view.start_day += dx * 40 / self->view.pixels_per_day;
  self->view_moved = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           HeardTimeline            *self)
{
  self->pointer_x = x;
}

static void
leave_cb (GtkEventControllerMotion *controller,
          HeardTimeline            *self)
{
  self->pointer_x = -1;
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               HeardTimeline  *self)
{
  if (ensure_view (self))
    self->drag_start_day = self->view.start_day;
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                HeardTimeline  *self)
{
  if (!self->view_set)
    return;

  self->view.start_day = self->drag_start_day - dx / self->view.pixels_per_day;
  self->view_moved = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pinch_begin_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                HeardTimeline    *self)
{
  if (ensure_view (self))
    self->pinch_pixels_per_day = self->view.pixels_per_day;
}

static void
pinch_changed_cb (GtkGestureZoom *gesture,
                  double          scale,
                  HeardTimeline  *self)
{
  double x, y;

  if (!self->view_set || self->pinch_pixels_per_day <= 0)
    return;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = get_width (self) / 2;
  zoom_around (self, self->pinch_pixels_per_day * scale / self->view.pixels_per_day, x);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            HeardTimeline   *self)
{
  gint64 id;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->chronology == NULL)
    return;

  id = heard_chronology_event_at (self->chronology, x, y);
  if (id == HEARD_CHRONOLOGY_NO_EVENT)
    return;

  heard_timeline_set_selected_id (self, id);
  if (n_press == 2)
    g_signal_emit (self, signals[ACTIVATE_EVENT], 0, id);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move_selection (HEARD_TIMELINE (widget), g_variant_get_boolean (parameter));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  heard_timeline_zoom (HEARD_TIMELINE (widget),
                       g_variant_get_boolean (parameter) ? ZOOM_STEP : 1 / ZOOM_STEP);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HeardTimeline *self = HEARD_TIMELINE (widget);

  if (self->selected_id != HEARD_CHRONOLOGY_NO_EVENT)
    g_signal_emit (self, signals[ACTIVATE_EVENT], 0, self->selected_id);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  heard_timeline_show_today (HEARD_TIMELINE (widget));
}

static void
heard_timeline_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  HeardTimeline *self = HEARD_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  HeardChartPalette palette;
  GDate today;
  cairo_t *cr;

  if (width <= 0 || height <= 0 || !ensure_view (self))
    return;

  heard_chart_style_init_palette (&palette, widget);
  heard_date_today (&today);
  heard_chronology_layout (self->chronology, gtk_widget_get_pango_context (widget), &self->view,
                           width, height);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  heard_chronology_draw (self->chronology, cr, &palette, self->selected_id, &today);
  cairo_destroy (cr);
}

static void
heard_timeline_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 600;
    }
  else
    {
      HeardTimeline *self = HEARD_TIMELINE (widget);
      guint n_lanes = 1;

      /* Room for a label and two rows of marks in every lane, and the axis:
       * it scrolls with its list, so it need never be squeezed. */
      for (guint i = 0; self->chronology != NULL &&
           i < heard_chronology_get_n_events (self->chronology); i++)
        n_lanes = MAX (n_lanes, heard_chronology_get_event (self->chronology, i)->lane + 1);
      *minimum = MAX (200, (int) n_lanes * 56 + 40);
      *natural = *minimum;
    }
}

static void
heard_timeline_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (heard_timeline_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
heard_timeline_finalize (GObject *object)
{
  HeardTimeline *self = HEARD_TIMELINE (object);

  g_clear_pointer (&self->chronology, heard_chronology_free);
  g_free (self->description);

  G_OBJECT_CLASS (heard_timeline_parent_class)->finalize (object);
}

static void
heard_timeline_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HeardTimeline *self = HEARD_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      g_value_set_int64 (value, self->selected_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_timeline_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HeardTimeline *self = HEARD_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      heard_timeline_set_selected_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_timeline_class_init (HeardTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = heard_timeline_finalize;
  object_class->get_property = heard_timeline_get_property;
  object_class->set_property = heard_timeline_set_property;
  widget_class->snapshot = heard_timeline_snapshot;
  widget_class->measure = heard_timeline_measure;
  widget_class->css_changed = heard_timeline_css_changed;

  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Enter on the drawing, or a double click on a mark: open the event. */
  signals[ACTIVATE_EVENT] =
    g_signal_new ("activate-event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "timeline.move", "b", move_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom", "b", zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.open", NULL, activate_action);
  gtk_widget_class_install_action (widget_class, "timeline.today", NULL, today_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.move", "b", TRUE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.move", "b", FALSE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "timeline.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "timeline.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "timeline.today", NULL);
  for (guint i = 0; i < 2; i++)
    {
      GdkModifierType mods = i == 0 ? 0 : GDK_CONTROL_MASK;

      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, mods, "timeline.zoom", "b",
                                           TRUE);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, mods, "timeline.zoom", "b",
                                           TRUE);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, mods, "timeline.zoom",
                                           "b", TRUE);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, mods, "timeline.zoom",
                                           "b", FALSE);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, mods,
                                           "timeline.zoom", "b", FALSE);
    }

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
heard_timeline_init (HeardTimeline *self)
{
  GtkEventController *scroll;
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chronology"), -1);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  self->pointer_x = -1;
  g_signal_connect (motion, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (pinch, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (pinch_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));

  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  heard_chart_style_follow (GTK_WIDGET (self));
}

GtkWidget *
heard_timeline_new (void)
{
  return g_object_new (HEARD_TYPE_TIMELINE, NULL);
}

void
heard_timeline_forget (HeardTimeline *self)
{
  g_return_if_fail (HEARD_IS_TIMELINE (self));

  g_clear_pointer (&self->chronology, heard_chronology_free);
  self->selected_id = HEARD_CHRONOLOGY_NO_EVENT;
  self->view_moved = FALSE;
  self->view_set = FALSE;
  g_clear_pointer (&self->description, g_free);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
heard_timeline_set_chronology (HeardTimeline   *self,
                               HeardChronology *chronology,
                               const char      *description)
{
  g_return_if_fail (HEARD_IS_TIMELINE (self));
  g_return_if_fail (chronology != NULL);

  g_clear_pointer (&self->chronology, heard_chronology_free);
  self->chronology = chronology;
  /* Every event fits until the user zooms or scrolls; then it stays put. */
  if (!self->view_moved)
    self->view_set = FALSE;

  if (g_strcmp0 (self->description, description) != 0)
    {
      g_free (self->description);
      self->description = g_strdup (description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }

  /* An event no longer shown (filtered out, or gone) is no longer selected. */
  for (guint i = 0; i < heard_chronology_get_n_events (chronology); i++)
    if (heard_chronology_get_event (chronology, i)->id == self->selected_id)
      {
        gtk_widget_queue_resize (GTK_WIDGET (self));
        return;
      }
  heard_timeline_set_selected_id (self, HEARD_CHRONOLOGY_NO_EVENT);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

gint64
heard_timeline_get_selected_id (HeardTimeline *self)
{
  g_return_val_if_fail (HEARD_IS_TIMELINE (self), HEARD_CHRONOLOGY_NO_EVENT);

  return self->selected_id;
}

/* Selects @event_id and brings it into view. */
void
heard_timeline_set_selected_id (HeardTimeline *self,
                                gint64         event_id)
{
  g_return_if_fail (HEARD_IS_TIMELINE (self));

  if (self->selected_id == event_id)
    return;

  self->selected_id = event_id;
  keep_selected_visible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

void
heard_timeline_zoom (HeardTimeline *self,
                     double         factor)
{
  g_return_if_fail (HEARD_IS_TIMELINE (self));
  g_return_if_fail (factor > 0);

  if (ensure_view (self))
    zoom_around (self, factor, get_zoom_anchor (self));
}

void
heard_timeline_show_today (HeardTimeline *self)
{
  GDate today;

  g_return_if_fail (HEARD_IS_TIMELINE (self));

  if (!ensure_view (self))
    return;

  heard_date_today (&today);
  heard_chronology_view_center_on (&self->view, &today, get_width (self));
  self->view_moved = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
heard_timeline_get_description (HeardTimeline *self)
{
  g_return_val_if_fail (HEARD_IS_TIMELINE (self), NULL);

  return self->description;
}

const HeardChronologyView *
_heard_timeline_get_view (HeardTimeline *self)
{
  g_return_val_if_fail (HEARD_IS_TIMELINE (self), NULL);

  return &self->view;
}

const HeardChronology *
_heard_timeline_get_chronology (HeardTimeline *self)
{
  g_return_val_if_fail (HEARD_IS_TIMELINE (self), NULL);

  return self->chronology;
}

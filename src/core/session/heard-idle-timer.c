/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-idle-timer"

#include "config.h"

#include "heard-idle-timer-private.h"

/*
 * Heard locks itself after some minutes in which nobody used it, so that a
 * laptop left open in a café does not keep a young person's story on
 * screen. The windows report input; this counts the quiet time. Noting
 * input only stores a time (the pointer moves often); one timeout,
 * re-armed for what is left when it fires, does the rest.
 */

struct _HeardIdleTimer
{
  GObject         parent_instance;

  guint           minutes;
  gint64          last_activity;
  guint           timeout_id;
  HeardIdleClock  clock;
  gpointer        clock_data;
};

G_DEFINE_FINAL_TYPE (HeardIdleTimer, heard_idle_timer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MINUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IDLE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean timeout_cb (gpointer user_data);

static gint64
now (HeardIdleTimer *self)
{
  return self->clock != NULL ? self->clock (self->clock_data) : g_get_monotonic_time ();
}

static void
arm (HeardIdleTimer *self,
     gint64          remaining)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->minutes == 0)
    return;

  /* A second late is fine; waking up early only re-arms. */
  self->timeout_id = g_timeout_add_seconds ((guint) MAX (1, (remaining + G_USEC_PER_SEC - 1) /
                                                         G_USEC_PER_SEC),
                                            timeout_cb, self);
}

static void
check (HeardIdleTimer *self)
{
  gint64 limit = (gint64) self->minutes * 60 * G_USEC_PER_SEC;
  gint64 remaining;

  if (self->minutes == 0)
    return;

  remaining = self->last_activity + limit - now (self);
  if (remaining > 0)
    {
      arm (self, remaining);
      return;
    }

  /* Once per quiet spell: the next input starts a new count. */
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->last_activity = now (self);
  g_signal_emit (self, signals[IDLE], 0);
  arm (self, limit);
}

static gboolean
timeout_cb (gpointer user_data)
{
  HeardIdleTimer *self = user_data;

  self->timeout_id = 0;
  check (self);

  return G_SOURCE_REMOVE;
}

static void
heard_idle_timer_dispose (GObject *object)
{
  HeardIdleTimer *self = HEARD_IDLE_TIMER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  G_OBJECT_CLASS (heard_idle_timer_parent_class)->dispose (object);
}

static void
heard_idle_timer_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HeardIdleTimer *self = HEARD_IDLE_TIMER (object);

  switch (prop_id)
    {
    case PROP_MINUTES:
      g_value_set_uint (value, self->minutes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_idle_timer_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HeardIdleTimer *self = HEARD_IDLE_TIMER (object);

  switch (prop_id)
    {
    case PROP_MINUTES:
      heard_idle_timer_set_minutes (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_idle_timer_class_init (HeardIdleTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = heard_idle_timer_dispose;
  object_class->get_property = heard_idle_timer_get_property;
  object_class->set_property = heard_idle_timer_set_property;

  properties[PROP_MINUTES] =
    g_param_spec_uint ("minutes", NULL, NULL, 0, G_MAXUINT / 60, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Nobody used Heard for the set number of minutes. */
  signals[IDLE] =
    g_signal_new ("idle", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
heard_idle_timer_init (HeardIdleTimer *self)
{
  self->last_activity = now (self);
}

HeardIdleTimer *
heard_idle_timer_new (void)
{
  return g_object_new (HEARD_TYPE_IDLE_TIMER, NULL);
}

guint
heard_idle_timer_get_minutes (HeardIdleTimer *self)
{
  g_return_val_if_fail (HEARD_IS_IDLE_TIMER (self), 0);

  return self->minutes;
}

void
heard_idle_timer_set_minutes (HeardIdleTimer *self,
                              guint           minutes)
{
  g_return_if_fail (HEARD_IS_IDLE_TIMER (self));

  if (self->minutes == minutes)
    return;

  self->minutes = minutes;
  self->last_activity = now (self);
  arm (self, (gint64) minutes * 60 * G_USEC_PER_SEC);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINUTES]);
}

void
heard_idle_timer_note_activity (HeardIdleTimer *self)
{
  g_return_if_fail (HEARD_IS_IDLE_TIMER (self));

  self->last_activity = now (self);
}

void
_heard_idle_timer_set_clock (HeardIdleTimer *self,
                             HeardIdleClock  clock,
                             gpointer        data)
{
  g_return_if_fail (HEARD_IS_IDLE_TIMER (self));

  self->clock = clock;
  self->clock_data = data;
  self->last_activity = now (self);
}

void
_heard_idle_timer_check (HeardIdleTimer *self)
{
  g_return_if_fail (HEARD_IS_IDLE_TIMER (self));

  check (self);
}

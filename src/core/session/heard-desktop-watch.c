/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-desktop-watch"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <gio/gunixfdlist.h>

#include "heard-desktop-watch-private.h"

/*
 * When the caseworker walks away, the desktop often knows before Heard
 * does: the screen saver comes on, the session is locked, the lid closes.
 * This listens for each on D-Bus (the screen savers on the session bus;
 * logind on the system bus, which DBUS_SYSTEM_BUS_ADDRESS may point
 * elsewhere) and asks for a lock. Before sleep it holds logind's delay
 * inhibitor so that the lock finishes before the computer sleeps, and
 * takes it again after waking. Every call is asynchronous; a bus or a
 * service that is not there only means there is nothing to hear from it.
 */

#define LOGIND_NAME    "org.freedesktop.login1"
#define LOGIND_PATH    "/org/freedesktop/login1"
#define LOGIND_MANAGER "org.freedesktop.login1.Manager"
#define LOGIND_SESSION "org.freedesktop.login1.Session"

struct _HeardDesktopWatch
{
  GObject          parent_instance;

  GCancellable    *cancellable;
  GDBusConnection *session_bus;
  GDBusConnection *system_bus;
  guint            screensaver_ids[2];
  guint            sleep_id;
  guint            session_lock_id;
  /* logind's sleep inhibitor, or -1. */
  int              inhibitor_fd;
  gboolean         taking_inhibitor;
  /* Between PrepareForSleep(true) and the lock's end. */
  gboolean         sleep_waits;
  guint            pending;
};

G_DEFINE_FINAL_TYPE (HeardDesktopWatch, heard_desktop_watch, G_TYPE_OBJECT)

enum {
  LOCK_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const screensavers[] = { "org.gnome.ScreenSaver", "org.freedesktop.ScreenSaver" };

static void
release_inhibitor (HeardDesktopWatch *self)
{
  if (self->inhibitor_fd >= 0)
    {
      close (self->inhibitor_fd);
      self->inhibitor_fd = -1;
    }
}

static void
inhibitor_taken_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(HeardDesktopWatch) self = user_data;
  g_autoptr(GUnixFDList) fds = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  gint32 index = -1;

  self->pending--;
  self->taking_inhibitor = FALSE;
  reply = g_dbus_connection_call_with_unix_fd_list_finish (G_DBUS_CONNECTION (object), &fds,
                                                           result, &error);
  if (reply == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No sleep inhibitor from logind: %s", error->message);
      return;
    }

  g_variant_get (reply, "(h)", &index);
  release_inhibitor (self);
  if (fds != NULL)
    self->inhibitor_fd = g_unix_fd_list_get (fds, index, NULL);
}

static void
take_inhibitor (HeardDesktopWatch *self)
{
  if (self->system_bus == NULL || self->inhibitor_fd >= 0 || self->taking_inhibitor)
    return;

  self->taking_inhibitor = TRUE;
  self->pending++;
  g_dbus_connection_call_with_unix_fd_list (self->system_bus, LOGIND_NAME, LOGIND_PATH,
                                            LOGIND_MANAGER, "Inhibit",
                                            g_variant_new ("(ssss)", "sleep", "Heard",
                                                           "Locking the records before sleep",
                                                           "delay"),
                                            G_VARIANT_TYPE ("(h)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                            NULL, self->cancellable, inhibitor_taken_cb,
                                            g_object_ref (self));
}

static void
screensaver_changed_cb (GDBusConnection *connection,
                        const char      *sender,
                        const char      *path,
                        const char      *interface,
                        const char      *signal,
                        GVariant        *parameters,
                        gpointer         user_data)
{
  HeardDesktopWatch *self = user_data;
  gboolean active = FALSE;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  g_variant_get (parameters, "(b)", &active);
  if (active)
    g_signal_emit (self, signals[LOCK_REQUESTED], 0);
}

static void
session_locked_cb (GDBusConnection *connection,
                   const char      *sender,
                   const char      *path,
                   const char      *interface,
                   const char      *signal,
                   GVariant        *parameters,
                   gpointer         user_data)
{
  g_signal_emit (user_data, signals[LOCK_REQUESTED], 0);
}

static void
prepare_for_sleep_cb (GDBusConnection *connection,
                      const char      *sender,
                      const char      *path,
                      const char      *interface,
                      const char      *signal,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  HeardDesktopWatch *self = user_data;
  gboolean sleeping = FALSE;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  g_variant_get (parameters, "(b)", &sleeping);
  if (sleeping)
    {
      /* The inhibitor goes once the lock has finished. */
      self->sleep_waits = TRUE;
      g_signal_emit (self, signals[LOCK_REQUESTED], 0);
    }
  else
    {
      self->sleep_waits = FALSE;
      take_inhibitor (self);
    }
}

static void
session_found_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HeardDesktopWatch) self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *session_path = NULL;

  self->pending--;
  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No login session from logind: %s", error->message);
      return;
    }

  g_variant_get (reply, "(&o)", &session_path);
  self->session_lock_id =
    g_dbus_connection_signal_subscribe (self->system_bus, LOGIND_NAME, LOGIND_SESSION, "Lock",
                                        session_path, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                        session_locked_cb, self, NULL);
}

static void
system_bus_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HeardDesktopWatch) self = user_data;
  g_autoptr(GError) error = NULL;
  const char *session_id = g_getenv ("XDG_SESSION_ID");

  self->pending--;
  self->system_bus = g_bus_get_finish (result, &error);
  if (self->system_bus == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No system bus, so no word from logind: %s", error->message);
      return;
    }

  self->sleep_id =
    g_dbus_connection_signal_subscribe (self->system_bus, LOGIND_NAME, LOGIND_MANAGER,
                                        "PrepareForSleep", LOGIND_PATH, NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, prepare_for_sleep_cb, self,
                                        NULL);

  /* logind's "auto" is the caller's own session. */
  self->pending++;
  g_dbus_connection_call (self->system_bus, LOGIND_NAME, LOGIND_PATH, LOGIND_MANAGER,
                          "GetSession",
                          g_variant_new ("(s)", session_id != NULL && *session_id != '\0'
                                                ? session_id : "auto"),
                          G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable,
                          session_found_cb, g_object_ref (self));
  take_inhibitor (self);
}

static void
session_bus_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HeardDesktopWatch) self = user_data;
  g_autoptr(GError) error = NULL;

  self->pending--;
  self->session_bus = g_bus_get_finish (result, &error);
  if (self->session_bus == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No session bus, so no word from the screen saver: %s", error->message);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (screensavers); i++)
    self->screensaver_ids[i] =
      g_dbus_connection_signal_subscribe (self->session_bus, screensavers[i], screensavers[i],
                                          "ActiveChanged", NULL, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                          screensaver_changed_cb, self, NULL);
}

static void
heard_desktop_watch_dispose (GObject *object)
{
  HeardDesktopWatch *self = HEARD_DESKTOP_WATCH (object);

  g_cancellable_cancel (self->cancellable);
  if (self->session_bus != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (self->screensaver_ids); i++)
      if (self->screensaver_ids[i] != 0)
        g_dbus_connection_signal_unsubscribe (self->session_bus, self->screensaver_ids[i]);
  memset (self->screensaver_ids, 0, sizeof self->screensaver_ids);
  if (self->system_bus != NULL && self->sleep_id != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_id);
  if (self->system_bus != NULL && self->session_lock_id != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->session_lock_id);
  self->sleep_id = self->session_lock_id = 0;
  release_inhibitor (self);
  g_clear_object (&self->session_bus);
  g_clear_object (&self->system_bus);

  G_OBJECT_CLASS (heard_desktop_watch_parent_class)->dispose (object);
}

static void
heard_desktop_watch_finalize (GObject *object)
{
  HeardDesktopWatch *self = HEARD_DESKTOP_WATCH (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (heard_desktop_watch_parent_class)->finalize (object);
}

static void
heard_desktop_watch_class_init (HeardDesktopWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = heard_desktop_watch_dispose;
  object_class->finalize = heard_desktop_watch_finalize;

  signals[LOCK_REQUESTED] =
    g_signal_new ("lock-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
}

static void
heard_desktop_watch_init (HeardDesktopWatch *self)
{
  self->inhibitor_fd = -1;
  self->cancellable = g_cancellable_new ();

  self->pending = 2;
  g_bus_get (G_BUS_TYPE_SESSION, self->cancellable, session_bus_cb, g_object_ref (self));
  g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, system_bus_cb, g_object_ref (self));
}

HeardDesktopWatch *
heard_desktop_watch_new (void)
{
  return g_object_new (HEARD_TYPE_DESKTOP_WATCH, NULL);
}

/* The lock asked for has finished: a sleep waiting for it may go ahead. */
void
heard_desktop_watch_lock_finished (HeardDesktopWatch *self)
{
  g_return_if_fail (HEARD_IS_DESKTOP_WATCH (self));

  if (!self->sleep_waits)
    return;

  self->sleep_waits = FALSE;
  release_inhibitor (self);
}

guint
_heard_desktop_watch_get_pending (HeardDesktopWatch *self)
{
  return self->pending;
}

gboolean
_heard_desktop_watch_holds_inhibitor (HeardDesktopWatch *self)
{
  return self->inhibitor_fd >= 0;
}

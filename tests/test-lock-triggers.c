/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-lock-triggers"

#include "config.h"

#include "heard-desktop-watch-private.h"
#include "heard-idle-timer-private.h"
#include "heard-shift-tally.h"
#include "heard-test-utils.h"

/*
 * What asks Heard to lock, without a window: Shift pressed three times on
 * its own (and what does not count), quiet time on a clock the test moves,
 * and the desktop: a fake screen saver on the session bus and a fake
 * logind on a private "system" bus (python3-dbusmock), whose signals ask
 * for a lock and whose sleep waits for it.
 */

#define S HEARD_SHIFT_EVENT_SHIFT_PRESSED
#define R HEARD_SHIFT_EVENT_SHIFT_RELEASED
#define O HEARD_SHIFT_EVENT_OTHER_KEY
#define MS 1000
/* The helpers' chatter would mix with the test's TAP output, and a helper
 * left behind by a failed test must not hold the runner's pipes open. */
#define QUIET (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE)

typedef struct
{
  HeardShiftEvent event;
  gint64          time;
} Step;

/* Feeds @steps, returning the index of the step that completed the
 * pattern, or -1. */
static int
feed (const Step *steps,
      gsize       n_steps)
{
  HeardShiftTally tally;
  int done = -1;

  heard_shift_tally_reset (&tally);
  for (gsize i = 0; i < n_steps; i++)
    if (heard_shift_tally_feed (&tally, steps[i].event, steps[i].time))
      {
        g_assert_cmpint (done, ==, -1);
        done = (int) i;
      }

  return done;
}

static void
test_shift_alone_three_times (void)
{
  const Step steps[] = {
    { S, 0 }, { R, 80 * MS }, { S, 300 * MS }, { R, 380 * MS }, { S, 600 * MS }, { R, 680 * MS },
  };

  /* On the third release, not before. */
  g_assert_cmpint (feed (steps, G_N_ELEMENTS (steps)), ==, 5);
  g_assert_cmpint (feed (steps, 5), ==, -1);
}

static void
test_shift_as_modifier (void)
{
  /* Shift+A three times: capitals, not a request to hide. */
  const Step steps[] = {
    { S, 0 }, { O, 50 * MS }, { R, 80 * MS },
    { S, 300 * MS }, { O, 350 * MS }, { R, 380 * MS },
    { S, 600 * MS }, { O, 650 * MS }, { R, 680 * MS },
  };
  /* Two taps, then Shift+A, then one tap: the capital broke the count. */
  const Step broken[] = {
    { S, 0 }, { R, 80 * MS }, { S, 300 * MS }, { R, 380 * MS },
    { S, 600 * MS }, { O, 650 * MS }, { R, 680 * MS },
    { S, 900 * MS }, { R, 980 * MS },
  };

  g_assert_cmpint (feed (steps, G_N_ELEMENTS (steps)), ==, -1);
  g_assert_cmpint (feed (broken, G_N_ELEMENTS (broken)), ==, -1);
}

static void
test_shift_then_other_key (void)
{
  /* Two taps, a letter typed, one tap: no. Then two more taps: yes. */
  const Step steps[] = {
    { S, 0 }, { R, 80 * MS }, { S, 300 * MS }, { R, 380 * MS },
    { O, 450 * MS },
    { S, 600 * MS }, { R, 680 * MS },
    { S, 800 * MS }, { R, 880 * MS }, { S, 1000 * MS }, { R, 1080 * MS },
  };

  g_assert_cmpint (feed (steps, 7), ==, -1);
  g_assert_cmpint (feed (steps, G_N_ELEMENTS (steps)), ==, 10);
}

static void
test_shift_time_limit (void)
{
  gint64 late = HEARD_SHIFT_TALLY_WINDOW + 100 * MS;
  /* The third tap comes too late; it and two quick ones after it count. */
  const Step steps[] = {
    { S, 0 }, { R, 80 * MS }, { S, 300 * MS }, { R, 380 * MS },
    { S, late }, { R, late + 80 * MS },
    { S, late + 300 * MS }, { R, late + 380 * MS },
    { S, late + 600 * MS }, { R, late + 680 * MS },
  };
  const Step in_time[] = {
    { S, 0 }, { R, 80 * MS }, { S, 300 * MS }, { R, 380 * MS },
    { S, HEARD_SHIFT_TALLY_WINDOW - 200 * MS }, { R, HEARD_SHIFT_TALLY_WINDOW - 100 * MS },
  };

  g_assert_cmpint (feed (steps, 6), ==, -1);
  g_assert_cmpint (feed (steps, G_N_ELEMENTS (steps)), ==, 9);
  g_assert_cmpint (feed (in_time, G_N_ELEMENTS (in_time)), ==, 5);
}

static gint64
fake_clock (gpointer data)
{
  return *(gint64 *) data;
}

static void
count_cb (gpointer  object,
          guint    *count)
{
  (*count)++;
}

static void
test_idle_timer (void)
{
  g_autoptr(HeardIdleTimer) timer = heard_idle_timer_new ();
  gint64 now = 1000 * G_USEC_PER_SEC;
  guint idle = 0;

  _heard_idle_timer_set_clock (timer, fake_clock, &now);
  g_signal_connect (timer, "idle", G_CALLBACK (count_cb), &idle);
  heard_idle_timer_set_minutes (timer, 5);

  /* Four minutes of quiet, then a key: the count starts again. */
  now += 4 * 60 * G_USEC_PER_SEC;
  _heard_idle_timer_check (timer);
  g_assert_cmpuint (idle, ==, 0);
  heard_idle_timer_note_activity (timer);
  now += 4 * 60 * G_USEC_PER_SEC;
  _heard_idle_timer_check (timer);
  g_assert_cmpuint (idle, ==, 0);

  /* Five minutes since the key: idle, once. */
  now += 60 * G_USEC_PER_SEC;
  _heard_idle_timer_check (timer);
  g_assert_cmpuint (idle, ==, 1);
  _heard_idle_timer_check (timer);
  g_assert_cmpuint (idle, ==, 1);

  /* Never: however long. */
  heard_idle_timer_set_minutes (timer, 0);
  now += (gint64) 24 * 60 * 60 * G_USEC_PER_SEC;
  _heard_idle_timer_check (timer);
  g_assert_cmpuint (idle, ==, 1);
}

/* A process of the test's own, ended by the test. */
static GSubprocess *
spawn (GSubprocessFlags   flags,
       GError           **error,
       const char        *first,
       ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return g_subprocess_newv ((const char * const *) args->pdata, flags, error);
}

static guint
count_inhibitors (GDBusConnection *system_bus)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply =
    g_dbus_connection_call_sync (system_bus, "org.freedesktop.login1", "/org/freedesktop/login1",
                                 "org.freedesktop.login1.Manager", "ListInhibitors", NULL,
                                 G_VARIANT_TYPE ("(a(ssssuu))"), G_DBUS_CALL_FLAGS_NONE, -1,
                                 NULL, &error);
  g_autoptr(GVariant) list = NULL;

  g_assert_no_error (error);
  list = g_variant_get_child_value (reply, 0);
  return g_variant_n_children (list);
}

static void
wait_for_inhibitors (GDBusConnection *system_bus,
                     guint            count)
{
  for (guint i = 0; i < 200 && count_inhibitors (system_bus) != count; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20 * 1000);
    }
  g_assert_cmpuint (count_inhibitors (system_bus), ==, count);
}

static void
wait_for_inhibitor (HeardDesktopWatch *watch,
                    gboolean           held)
{
  for (guint i = 0; i < 500 && _heard_desktop_watch_holds_inhibitor (watch) != held; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (_heard_desktop_watch_holds_inhibitor (watch) == held);
}

static void
wait_for_count (guint *count,
                guint  expected)
{
  for (guint i = 0; i < 500 && *count < expected; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10 * 1000);
    }
  g_assert_cmpuint (*count, ==, expected);
}

static void
emit_prepare_for_sleep (GDBusConnection *system_bus,
                        gboolean         sleeping)
{
  GVariantBuilder args;

  g_variant_builder_init (&args, G_VARIANT_TYPE ("av"));
  g_variant_builder_add (&args, "v", g_variant_new_boolean (sleeping));
  heard_test_bus_call (system_bus, "org.freedesktop.login1", "/org/freedesktop/login1",
        "org.freedesktop.DBus.Mock", "EmitSignal",
        g_variant_new ("(sssav)", "org.freedesktop.login1.Manager", "PrepareForSleep", "b",
                       &args));
}

/* Without a system bus (or any logind on it), the watch still sets up,
 * quietly. Runs first: the process keeps its first system bus. */
static void
test_desktop_watch_no_system_bus (void)
{
  g_autoptr(HeardDesktopWatch) watch = NULL;

  g_setenv ("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent-heard-system-bus", TRUE);
  watch = heard_desktop_watch_new ();
  for (guint i = 0; i < 500 && _heard_desktop_watch_get_pending (watch) > 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (_heard_desktop_watch_get_pending (watch), ==, 0);
  g_assert_false (_heard_desktop_watch_holds_inhibitor (watch));
}

static void
test_desktop_watch (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) system_daemon = NULL;
  g_autoptr(GSubprocess) logind = NULL;
  g_autoptr(GSubprocess) screensaver = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *address = NULL;
  g_autoptr(GDBusConnection) session_bus = NULL;
  g_autoptr(GDBusConnection) system_bus = NULL;
  g_autoptr(HeardDesktopWatch) watch = NULL;
  guint requests = 0;

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ||
      g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("Needs Debian's /usr/bin/python3 with python3-dbusmock and a session bus");
      return;
    }

  /* A second private bus, standing in for the system bus. */
  system_daemon = spawn (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error, "dbus-daemon", "--session",
                         "--nofork", "--print-address=1", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (system_daemon));
  address = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (address);
  system_bus = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);
  session_bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  g_setenv ("DBUS_SYSTEM_BUS_ADDRESS", address, TRUE);
  logind = spawn (QUIET, &error, "/usr/bin/python3", "-m", "dbusmock",
                  "--system", "--template", "logind", NULL);
  g_assert_no_error (error);
  screensaver = spawn (QUIET, &error, "/usr/bin/python3", "-m", "dbusmock",
                       "--template", "gnome_screensaver", NULL);
  g_assert_no_error (error);
  heard_test_wait_for_bus_name (system_bus, "org.freedesktop.login1");
  heard_test_wait_for_bus_name (session_bus, "org.gnome.ScreenSaver");
  heard_test_bus_call (system_bus, "org.freedesktop.login1", "/org/freedesktop/login1",
        "org.freedesktop.DBus.Mock", "AddSession",
        g_variant_new ("(ssusb)", "heard1", "seat0", 1000, "caseworker", TRUE));
  g_setenv ("XDG_SESSION_ID", "heard1", TRUE);

  watch = heard_desktop_watch_new ();
  g_signal_connect (watch, "lock-requested", G_CALLBACK (count_cb), &requests);
  for (guint i = 0; i < 500 && _heard_desktop_watch_get_pending (watch) > 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (_heard_desktop_watch_get_pending (watch), ==, 0);
  g_assert_cmpuint (requests, ==, 0);

  /* Ready for sleep: the delay inhibitor is held. */
  g_assert_true (_heard_desktop_watch_holds_inhibitor (watch));
  wait_for_inhibitors (system_bus, 1);

  /* The screen saver comes on: a lock; going off asks for nothing. */
  heard_test_bus_call (session_bus, "org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver",
        "SetActive", g_variant_new ("(b)", TRUE));
  wait_for_count (&requests, 1);
  heard_test_bus_call (session_bus, "org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver",
        "SetActive", g_variant_new ("(b)", FALSE));

  /* The session is locked (loginctl lock-session). */
  heard_test_bus_call (system_bus, "org.freedesktop.login1", "/org/freedesktop/login1/session/heard1",
        "org.freedesktop.login1.Session", "Lock", NULL);
  wait_for_count (&requests, 2);

  /* Going to sleep: a lock, and the sleep waits until it has finished. */
  emit_prepare_for_sleep (system_bus, TRUE);
  wait_for_count (&requests, 3);
  g_assert_true (_heard_desktop_watch_holds_inhibitor (watch));
  wait_for_inhibitors (system_bus, 1);
  heard_desktop_watch_lock_finished (watch);
  g_assert_false (_heard_desktop_watch_holds_inhibitor (watch));
  wait_for_inhibitors (system_bus, 0);

  /* Awake again: held again, for the next sleep. */
  emit_prepare_for_sleep (system_bus, FALSE);
  wait_for_inhibitor (watch, TRUE);
  wait_for_inhibitors (system_bus, 1);
  g_assert_cmpuint (requests, ==, 3);

  g_clear_object (&watch);
  g_subprocess_force_exit (screensaver);
  g_subprocess_force_exit (logind);
  g_subprocess_force_exit (system_daemon);
  g_unsetenv ("XDG_SESSION_ID");
}

int
main (int   argc,
      char *argv[])
{
  heard_test_init (&argc, &argv);

  g_test_add_func ("/lock-triggers/shift/alone-three-times", test_shift_alone_three_times);
  g_test_add_func ("/lock-triggers/shift/as-modifier", test_shift_as_modifier);
  g_test_add_func ("/lock-triggers/shift/then-other-key", test_shift_then_other_key);
  g_test_add_func ("/lock-triggers/shift/time-limit", test_shift_time_limit);
  g_test_add_func ("/lock-triggers/idle", test_idle_timer);
  g_test_add_func ("/lock-triggers/desktop/no-system-bus", test_desktop_watch_no_system_bus);
  g_test_add_func ("/lock-triggers/desktop/screensaver-and-logind", test_desktop_watch);

  return g_test_run ();
}

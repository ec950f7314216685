/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-application"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-application-private.h"
#include "heard-clipboard.h"
#include "heard-date.h"
#include "heard-dialog.h"
#include "heard-desktop-watch.h"
#include "heard-idle-timer.h"
#include "heard-practice.h"
#include "heard-preferences-window.h"
#include "heard-restore-dialog.h"
#include "heard-shift-tally.h"
#include "heard-window-private.h"

/* How many young people a new practice set holds. */
#define PRACTICE_PEOPLE 12
/* A quick hide locks at the neutral page's first frame, or after this
 * long when no window is drawn. */
#define LOCK_AFTER_HIDE_MS 250

struct _HeardApplication
{
  AdwApplication  parent_instance;

  HeardContext   *context;
  /* The practice records, once opened; NULL before. Apart from the real
   * ones in everything: folder, key, window. */
  HeardContext   *practice_context;

  /* What asks for a lock besides the caseworker: quiet time (minutes from
   * the settings), the desktop, Shift pressed three times on its own. */
  GSettings         *settings;
  HeardIdleTimer    *idle_timer;
  HeardDesktopWatch *desktop_watch;
  HeardShiftTally    shift_tally;
  /* The windows a quick hide hid (not closed: editors keep their text),
   * shown again when their records open. */
  GPtrArray         *hidden_windows;
  /* A quick hide's locks, waiting for the neutral page's first frame;
   * then the locks under way, the windows staying neutral until 0. */
  GPtrArray         *contexts_to_lock;
  GdkFrameClock     *hide_clock;
  gulong             hide_frame_handler;
  guint              hide_timeout;
  guint              locks_pending;
};

typedef enum
{
  PRACTICE_ABSENT,
  PRACTICE_READY,
} PracticeFolder;

G_DEFINE_FINAL_TYPE (HeardApplication, heard_application, ADW_TYPE_APPLICATION)

/* The window showing @context's records, or NULL. */
static GtkWindow *
find_window (HeardApplication *self,
             HeardContext     *context)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (HEARD_IS_WINDOW (l->data) && heard_window_get_context (l->data) == context)
      return l->data;

  return NULL;
}

/* The HeardWindow @window belongs to (itself, or the one it is transient
 * for), or NULL. */
static HeardWindow *
owning_window (GtkWindow *window)
{
  for (; window != NULL; window = gtk_window_get_transient_for (window))
    if (HEARD_IS_WINDOW (window))
      return HEARD_WINDOW (window);

  return NULL;
}

static void
context_state_changed_cb (HeardApplication *self,
                          GParamSpec       *pspec,
                          HeardContext     *context)
{
  g_autoptr(GList) windows = NULL;

  if (heard_context_get_lock_state (context) != HEARD_LOCK_STATE_OPEN)
    return;

  windows = gtk_window_list_toplevels ();

  /* What a quick hide hid over these records comes back with them. */
  for (guint i = self->hidden_windows->len; i > 0; i--)
    {
      GtkWindow *window = g_ptr_array_index (self->hidden_windows, i - 1);
      HeardWindow *owner = owning_window (window);
      HeardContext *own_context = owner != NULL ? heard_window_get_context (owner) : self->context;

      if (own_context != context)
        continue;
      if (g_list_find (windows, window) != NULL)
        gtk_widget_set_visible (GTK_WIDGET (window), TRUE);
      g_ptr_array_remove_index (self->hidden_windows, i - 1);
    }
}

/* @context's records are locking: every window over them closes, a dialog
 * keeping a draft of what was typed first, so that nothing of the records
 * stays in memory. Two stay: Preferences, whose lists empty themselves,
 * and a restore, which locks the records itself to put others in their
 * place. */
static void
context_locking_cb (HeardApplication *self,
                    HeardContext     *context)
{
  GList *windows = gtk_window_list_toplevels ();

  /* Closing a window can close those over it: each is held until the end. */
  for (GList *l = windows; l != NULL; l = l->next)
    g_object_ref (l->data);
  for (GList *l = windows; l != NULL; l = l->next)
    {
      GtkWindow *window = l->data;
      HeardWindow *owner = owning_window (window);

      /* A window over no Heard window (a question asked at a start) may
       * hold records too, and goes with any lock. */
      if (HEARD_IS_WINDOW (window) || HEARD_IS_PREFERENCES_WINDOW (window) ||
          HEARD_IS_RESTORE_DIALOG (window) ||
          (owner != NULL && heard_window_get_context (owner) != context))
        continue;

      g_ptr_array_remove (self->hidden_windows, window);
      if (HEARD_IS_DIALOG (window))
        heard_dialog_close_for_lock (HEARD_DIALOG (window));
      else
        gtk_window_destroy (window);
    }
  g_list_free_full (windows, g_object_unref);
}

static void
watch_context (HeardApplication *self,
               HeardContext     *context)
{
  /* Once per context, however many windows show it. */
  if (g_signal_handler_find (context, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                             context_state_changed_cb, self) != 0)
    return;

  g_signal_connect_object (context, "notify::lock-state", G_CALLBACK (context_state_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "locking", G_CALLBACK (context_locking_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
hidden_and_locked_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(HeardApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Locked either way: only folding the records into one file failed. */
  if (!heard_context_lock_finish (HEARD_CONTEXT (object), result, &error))
    g_warning ("Heard locked its records, but could not fold them into one file: %s",
               error->message);

  if (--self->locks_pending > 0)
    return;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (HEARD_IS_WINDOW (l->data))
      _heard_window_reveal (l->data);
  heard_desktop_watch_lock_finished (self->desktop_watch);
}

static void
input_seen (HeardApplication *self,
            GdkEvent         *event)
{
  GdkEventType type = gdk_event_get_event_type (event);
  HeardShiftEvent shift_event;
  guint keyval;

  switch (type)
    {
    case GDK_KEY_PRESS:
    case GDK_KEY_RELEASE:
      break;

    case GDK_MOTION_NOTIFY:
    case GDK_BUTTON_PRESS:
    case GDK_BUTTON_RELEASE:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
    case GDK_TOUCHPAD_SWIPE:
    case GDK_TOUCHPAD_PINCH:
      heard_idle_timer_note_activity (self->idle_timer);
      return;

    default:
      return;
    }

  heard_idle_timer_note_activity (self->idle_timer);
  keyval = gdk_key_event_get_keyval (event);
  if (keyval == GDK_KEY_Shift_L || keyval == GDK_KEY_Shift_R)
    shift_event = type == GDK_KEY_PRESS ? HEARD_SHIFT_EVENT_SHIFT_PRESSED
                                        : HEARD_SHIFT_EVENT_SHIFT_RELEASED;
  else if (type == GDK_KEY_PRESS)
    shift_event = HEARD_SHIFT_EVENT_OTHER_KEY;
  else
    return;

  if (heard_shift_tally_feed (&self->shift_tally, shift_event,
                              (gint64) gdk_event_get_time (event) * 1000))
    g_action_group_activate_action (G_ACTION_GROUP (self), "quick-hide", NULL);
}

static gboolean
window_event_cb (GtkEventControllerLegacy *controller,
                 GdkEvent                 *event,
                 HeardApplication         *self)
{
  input_seen (self, event);

  return GDK_EVENT_PROPAGATE;
}

/* Every window of Heard, dialogs too, reports input before any widget in
 * it sees it: for the idle time and for Shift pressed three times. */
static void
hook_window (HeardApplication *self,
             GtkWindow        *window)
{
  GtkEventController *controller = gtk_event_controller_legacy_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (window_event_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

static void
window_added_cb (HeardApplication *self,
                 GtkWindow        *window)
{
  hook_window (self, window);
  if (HEARD_IS_WINDOW (window))
    watch_context (self, heard_window_get_context (HEARD_WINDOW (window)));
}

static gboolean
quick_hide_shortcut_cb (GtkWidget *widget,
                        GVariant  *args,
                        gpointer   user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quick-hide", NULL);

  return TRUE;
}

/* Ctrl+L in a dialog locks the records the dialog is over, as it does in
 * their window. */
static gboolean
lock_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  HeardWindow *owner = owning_window (GTK_WINDOW (widget));

  return owner != NULL && gtk_widget_activate_action (GTK_WIDGET (owner), "win.lock", NULL);
}

/* Adds a shortcut to @callback for each of @action's accelerators. */
static void
add_shortcuts (HeardApplication    *self,
               GtkShortcutController *shortcuts,
               const char          *action,
               GtkShortcutFunc      callback)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (self), action);

  for (guint i = 0; accels[i] != NULL; i++)
    gtk_shortcut_controller_add_shortcut (
      shortcuts, gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accels[i]),
                                   gtk_callback_action_new (callback, self, NULL)));
}

/* Heard's dialogs are windows of their own, outside the application (so
 * its accelerators do not reach them): each gets the input hook and the
 * quick hide's and the lock's accelerators, read from the application,
 * their one home. */
static void
toplevels_changed_cb (GListModel       *toplevels,
                      guint             position,
                      guint             removed,
                      guint             added,
                      HeardApplication *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      GtkEventController *shortcuts;

      /* Windows of the application are hooked as they join it. */
      if (HEARD_IS_WINDOW (window) || gtk_window_get_application (window) != NULL)
        continue;

      hook_window (self, window);
      shortcuts = gtk_shortcut_controller_new ();
      gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
      add_shortcuts (self, GTK_SHORTCUT_CONTROLLER (shortcuts), "app.quick-hide",
                     quick_hide_shortcut_cb);
      add_shortcuts (self, GTK_SHORTCUT_CONTROLLER (shortcuts), "win.lock", lock_shortcut_cb);
      gtk_widget_add_controller (GTK_WIDGET (window), shortcuts);
    }
}

/* Quiet time, the screen locking, sleep: the same as the caseworker's
 * own quick hide. */
static void
lock_requested_cb (HeardApplication *self)
{
  g_action_group_activate_action (G_ACTION_GROUP (self), "quick-hide", NULL);
}

static void
heard_application_startup (GApplication *application)
{
  HeardApplication *self = HEARD_APPLICATION (application);
  g_autofree char *data_dir = heard_context_default_data_dir ();

  G_APPLICATION_CLASS (heard_application_parent_class)->startup (application);

  gtk_window_set_default_icon_name (APPLICATION_ID);
  self->context = heard_context_new (data_dir);
  _heard_application_add_actions (self);

  /* Locked when nobody has used Heard for a while, when the screen locks
   * and before sleep, as a quick hide is: nothing left on show. */
  self->settings = g_settings_new (BASE_APPLICATION_ID);
  self->idle_timer = heard_idle_timer_new ();
  g_settings_bind (self->settings, "idle-lock-minutes", self->idle_timer, "minutes",
                   G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->idle_timer, "idle", G_CALLBACK (lock_requested_cb), self,
                           G_CONNECT_SWAPPED);
  self->desktop_watch = heard_desktop_watch_new ();
  g_signal_connect_object (self->desktop_watch, "lock-requested", G_CALLBACK (lock_requested_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "window-added", G_CALLBACK (window_added_cb), NULL);
  g_signal_connect_object (gtk_window_get_toplevels (), "items-changed",
                           G_CALLBACK (toplevels_changed_cb), self, G_CONNECT_DEFAULT);
}

static void
heard_application_activate (GApplication *application)
{
  HeardApplication *self = HEARD_APPLICATION (application);
  /* The real records' window, not the practice one. */
  GtkWindow *window = find_window (self, self->context);

  if (window == NULL)
    {
      window = GTK_WINDOW (heard_window_new (self, self->context));
      /* The window shows a quiet placeholder until the records answer. */
      if (heard_context_get_lock_state (self->context) == HEARD_LOCK_STATE_OPENING)
        heard_context_start_async (self->context, NULL, NULL, NULL);
    }

  gtk_window_present (window);
}

static void
context_closed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  guint *open = user_data;
  g_autoptr(GError) error = NULL;

  /* The records are safe in the WAL either way; the next start folds it in. */
  if (!heard_context_close_finish (HEARD_CONTEXT (object), result, &error))
    g_warning ("Heard closed its records, but could not fold them into one file: %s",
               error->message);
  (*open)--;
}

/* However Heard ends (Ctrl+Q, the last window closed), its main loop has
 * stopped by now but the records are still open. The database thread
 * finishes the saves already asked for, folds the WAL into heard.db and
 * closes it, while the main context keeps turning so that windows still
 * draw; only then does Heard exit, leaving heard.db whole on its own. */
static void
heard_application_shutdown (GApplication *application)
{
  HeardApplication *self = HEARD_APPLICATION (application);
  guint open = 1;

  /* A secret copied a moment ago does not outlive Heard. */
  heard_clipboard_clear_secret ();
  heard_context_close_async (self->context, NULL, context_closed_cb, &open);
  if (self->practice_context != NULL)
    {
      open++;
      heard_context_close_async (self->practice_context, NULL, context_closed_cb, &open);
    }
  while (open > 0)
    g_main_context_iteration (NULL, TRUE);

  G_APPLICATION_CLASS (heard_application_parent_class)->shutdown (application);
}

static void
heard_application_dispose (GObject *object)
{
  HeardApplication *self = HEARD_APPLICATION (object);

  g_clear_object (&self->context);
  g_clear_object (&self->practice_context);
  g_clear_object (&self->idle_timer);
  g_clear_object (&self->desktop_watch);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->hidden_windows, g_ptr_array_unref);
  g_clear_handle_id (&self->hide_timeout, g_source_remove);
  if (self->hide_clock != NULL)
    g_clear_signal_handler (&self->hide_frame_handler, self->hide_clock);
  g_clear_object (&self->hide_clock);
  g_clear_pointer (&self->contexts_to_lock, g_ptr_array_unref);

  G_OBJECT_CLASS (heard_application_parent_class)->dispose (object);
}

static void
heard_application_class_init (HeardApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = heard_application_dispose;
  application_class->startup = heard_application_startup;
  application_class->activate = heard_application_activate;
  application_class->shutdown = heard_application_shutdown;
}

static void
heard_application_init (HeardApplication *self)
{
  self->hidden_windows = g_ptr_array_new_with_free_func (g_object_unref);
  self->contexts_to_lock = g_ptr_array_new_with_free_func (g_object_unref);
  heard_shift_tally_reset (&self->shift_tally);
}

HeardApplication *
heard_application_new (void)
{
  return g_object_new (HEARD_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

HeardContext *
heard_application_get_context (HeardApplication *self)
{
  g_return_val_if_fail (HEARD_IS_APPLICATION (self), NULL);

  return self->context;
}

/* Whether the practice folder is there to open, off the main thread: a
 * folder that holds anything but practice records is refused. */
static void
look_at_practice_folder (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  const char *data_dir = task_data;

  if (!g_file_test (data_dir, G_FILE_TEST_EXISTS))
    g_task_return_int (task, PRACTICE_ABSENT);
  else if (heard_practice_folder_is_practice (data_dir))
    g_task_return_int (task, PRACTICE_READY);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_EXISTS,
                             _("The practice records’ folder, “%s”, holds other records, so "
                               "Heard will not use it for practice. Nothing has been changed."),
                             data_dir);
}

static void
say_practice_failed (HeardApplication *self,
                     const GError     *error)
{
  GtkWindow *practice = find_window (self, self->practice_context);
  GtkWidget *dialog;

  /* The practice window goes: it has nothing to show. */
  if (practice != NULL)
    gtk_window_destroy (practice);
  g_clear_object (&self->practice_context);

  dialog = adw_message_dialog_new (find_window (self, self->context),
                                   _("Practice Records Could Not Be Opened"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
practice_made_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HeardApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->practice_context == NULL)
    return;

  if (!heard_practice_generate_finish (result, &error))
    {
      say_practice_failed (self, error);
      return;
    }

  heard_context_start_async (self->practice_context, NULL, NULL, NULL);
}

static void
practice_folder_seen_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(HeardApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  GDate today;
  gssize seen = g_task_propagate_int (G_TASK (result), &error);

  if (self->practice_context == NULL)
    return;

  if (error != NULL)
    {
      say_practice_failed (self, error);
      return;
    }

  if (seen == PRACTICE_READY)
    {
      heard_context_start_async (self->practice_context, NULL, NULL, NULL);
      return;
    }

  /* Made the first time, fresh each time it is missing: a new seed gives
   * other young people, dated around today. */
  heard_date_today (&today);
  heard_practice_generate_async (heard_context_get_data_dir (self->practice_context),
                                 PRACTICE_PEOPLE,
                                 ((guint64) g_random_int () << 32) | g_random_int (), &today,
                                 NULL, practice_made_cb, g_object_ref (self));
}

/* Opens the practice records in a window of their own, making them first
 * if there are none; the window shows Heard's "opening" page, with its
 * spinner, until they are ready. */
void
_heard_application_open_practice (HeardApplication *self)
{
  g_autofree char *data_dir = NULL;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HEARD_IS_APPLICATION (self));

  if (self->practice_context != NULL)
    {
      GtkWindow *window = find_window (self, self->practice_context);

      if (window == NULL)
        window = GTK_WINDOW (heard_window_new (self, self->practice_context));
      gtk_window_present (window);
      return;
    }

  data_dir = heard_practice_default_dir ();
  self->practice_context = heard_context_new_practice (data_dir);
  gtk_window_present (GTK_WINDOW (heard_window_new (self, self->practice_context)));

  task = g_task_new (self, NULL, practice_folder_seen_cb, g_object_ref (self));
  g_task_set_source_tag (task, _heard_application_open_practice);
  g_task_set_task_data (task, g_steal_pointer (&data_dir), g_free);
  g_task_run_in_thread (task, look_at_practice_folder);
}

static gboolean
lock_after_hide_cb (gpointer user_data)
{
  HeardApplication *self = user_data;
  g_autoptr(GPtrArray) contexts = g_steal_pointer (&self->contexts_to_lock);

  self->contexts_to_lock = g_ptr_array_new_with_free_func (g_object_unref);
  g_clear_handle_id (&self->hide_timeout, g_source_remove);
  if (self->hide_clock != NULL)
    g_clear_signal_handler (&self->hide_frame_handler, self->hide_clock);
  g_clear_object (&self->hide_clock);

  self->locks_pending += contexts->len;
  for (guint i = 0; i < contexts->len; i++)
    heard_context_lock_async (g_ptr_array_index (contexts, i), NULL, hidden_and_locked_cb,
                              g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
hide_painted_cb (GdkFrameClock    *clock,
                 HeardApplication *self)
{
  lock_after_hide_cb (self);
}

/* Quick hide: within this frame every Heard window shows its neutral page
 * and every other window of Heard (dialogs, editors, searches) is hidden,
 * not closed; every set of records locks right after that frame. Nothing
 * here waits: the lock's own slow part (closing the file) runs on the
 * database thread. */
void
_heard_application_quick_hide (HeardApplication *self)
{
  g_autoptr(GList) windows = NULL;
  g_autoptr(GPtrArray) contexts = g_ptr_array_new ();

  g_return_if_fail (HEARD_IS_APPLICATION (self));

  /* Every window, dialogs outside the application too. */
  windows = gtk_window_list_toplevels ();
  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (HEARD_IS_WINDOW (l->data))
        {
          HeardContext *context = heard_window_get_context (l->data);

          _heard_window_hide (l->data);
          if (!g_ptr_array_find (contexts, context, NULL))
            g_ptr_array_add (contexts, context);
        }
      else if (gtk_widget_get_visible (l->data))
        {
          g_ptr_array_add (self->hidden_windows, g_object_ref (l->data));
          gtk_widget_set_visible (l->data, FALSE);
        }
    }
  heard_clipboard_clear_secret ();
  heard_shift_tally_reset (&self->shift_tally);

  /* Every set of records a window shows (the real ones, practice ones). */
  if (!g_ptr_array_find (contexts, self->context, NULL))
    g_ptr_array_add (contexts, self->context);
  if (self->practice_context != NULL && !g_ptr_array_find (contexts, self->practice_context, NULL))
    g_ptr_array_add (contexts, self->practice_context);
  for (guint i = 0; i < contexts->len; i++)
    if (!g_ptr_array_find (self->contexts_to_lock, contexts->pdata[i], NULL))
      g_ptr_array_add (self->contexts_to_lock, g_object_ref (contexts->pdata[i]));

  /* Locking empties every list on screen, which with a long record takes
   * longer than a frame: it waits for the neutral page's first frame (or
   * a moment, when no window is drawn), so that the hide itself is not
   * held back by it. */
  if (self->hide_timeout != 0)
    return;
  self->hide_timeout = g_timeout_add (LOCK_AFTER_HIDE_MS, lock_after_hide_cb, self);
  for (GList *l = windows; l != NULL; l = l->next)
    if (HEARD_IS_WINDOW (l->data) && gtk_widget_get_mapped (l->data))
      {
        self->hide_clock = g_object_ref (gtk_widget_get_frame_clock (l->data));
        self->hide_frame_handler = g_signal_connect (self->hide_clock, "after-paint",
                                                     G_CALLBACK (hide_painted_cb), self);
        break;
      }
}

HeardIdleTimer *
_heard_application_get_idle_timer (HeardApplication *self)
{
  return self->idle_timer;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-ui-hide"

#include "config.h"

#include <gdk/x11/gdkx.h>

#include "heard-application-private.h"
#include "heard-case-file.h"
#include "heard-clipboard.h"
#include "heard-context-private.h"
#include "heard-idle-timer-private.h"
#include "heard-key-private.h"
#include "heard-person-page.h"
#include "heard-plan.h"
#include "heard-store-people.h"
#include "heard-store-statements.h"
#include "heard-test-ui.h"
#include "heard-test-utils.h"

/*
 * Quick hide and locking, as a caseworker in a café meets them: real key
 * presses (xdotool under Xvfb) of Ctrl+Shift+H and of Shift three times,
 * from the main window and from inside an open editor; right after the
 * action, nothing on any window that is drawn names the young person or
 * repeats their words; dialogs are hidden, not closed, and come back after
 * the unlock. Then what a lock leaves behind (nothing of the records in
 * memory, no open file, a store that refuses), the idle lock on a clock the
 * test moves, and how long the neutral page takes to reach the screen.
 */

#define NAME "Jade Okonkwo-Marsh"
#define NAME_PART "Okonkwo"
#define WORDS "They took my phone at the bus station"
#define WORDS_PART "bus station"

static HeardApplication *the_app;
static HeardWindow *main_window;

/* Filled by the check run right after app.quick-hide, and by the one on
 * the first frame after it. */
static struct
{
  guint   checks;
  guint   frames;
  gulong  frame_handler;
  gint64  finished;
} hide;

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *all = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      all = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      g_string_append_printf (text, "%s\n", all);
    }
  else if (GTK_IS_EDITABLE (widget))
    g_string_append_printf (text, "%s\n", gtk_editable_get_text (GTK_EDITABLE (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

/* Every word drawn in every window of Heard now shown, with their titles. */
static char *
dup_shown_text (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();
  GString *text = g_string_new (NULL);

  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (!gtk_widget_get_mapped (l->data))
        continue;
      g_string_append_printf (text, "%s\n", gtk_window_get_title (l->data));
      collect_text (l->data, text);
    }

  return g_string_free (text, FALSE);
}

/* Renders @window as it is now to a texture, as a screen would get it. */
static void
render (GtkWindow *window)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         NULL);
  g_assert_cmpint (gdk_texture_get_width (texture), >, 0);
}

static void
assert_nothing_personal (void)
{
  g_autofree char *shown = dup_shown_text ();

  if (strstr (shown, NAME_PART) != NULL || strstr (shown, WORDS_PART) != NULL)
    g_error ("Personal text still on screen after a quick hide:\n%s", shown);
}

static void
assert_personal_shown (void)
{
  g_autofree char *shown = dup_shown_text ();

  /* The check above can fail: before the hide, both are there to see. */
  g_assert_nonnull (strstr (shown, NAME_PART));
  g_assert_nonnull (strstr (shown, WORDS_PART));
}

/* The first frame after the quick hide: every window Heard shows,
 * rendered as the screen gets it, and what it draws. */
static void
first_frame_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  g_clear_signal_handler (&hide.frame_handler, clock);
  g_assert_cmpstr (_heard_window_get_visible_state (main_window), ==, "hidden");
  for (GList *l = windows; l != NULL; l = l->next)
    if (gtk_widget_get_mapped (l->data))
      render (l->data);
  assert_nothing_personal ();
  hide.frames++;
}

/* Runs right after app.quick-hide's own handler, before any frame. */
static void
quick_hide_done_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (main_window));

  hide.finished = g_get_monotonic_time ();
  g_assert_cmpstr (_heard_window_get_visible_state (main_window), ==, "hidden");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (main_window)), ==, "Heard");
  assert_nothing_personal ();
  hide.checks++;

  g_clear_signal_handler (&hide.frame_handler, clock);
  hide.frame_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (first_frame_cb), NULL);
}

/* Live instances of the record types. GOBJECT_DEBUG=instance-count makes
 * g_type_get_instance_count() count, but only in a GLib built with
 * G_ENABLE_DEBUG, which Debian's is not: there, the test counts for itself,
 * wrapping each class's constructed and finalize. */
enum { PERSON, PLAN, STATEMENT, N_COUNTED };

static struct
{
  GType          type;
  gint           alive;
  void         (*constructed) (GObject *object);
  void         (*finalize) (GObject *object);
} counted[N_COUNTED];

static guint
find_counted (GObject *object)
{
  for (guint i = 0; i < N_COUNTED; i++)
    if (G_OBJECT_TYPE (object) == counted[i].type)
      return i;
  g_assert_not_reached ();
}

static void
counted_constructed (GObject *object)
{
  guint i = find_counted (object);

  g_atomic_int_inc (&counted[i].alive);
  if (counted[i].constructed != NULL)
    counted[i].constructed (object);
}

static void
counted_finalize (GObject *object)
{
  guint i = find_counted (object);

  g_atomic_int_dec_and_test (&counted[i].alive);
  counted[i].finalize (object);
}

static void
count_instances (void)
{
  GType types[N_COUNTED] = { HEARD_TYPE_PERSON, HEARD_TYPE_PLAN, HEARD_TYPE_STATEMENT };
  GObject *probe = g_object_new (HEARD_TYPE_PERSON, NULL);
  gboolean counts = g_type_get_instance_count (HEARD_TYPE_PERSON) == 1;

  g_object_unref (probe);
  if (counts)
    return;

  for (guint i = 0; i < N_COUNTED; i++)
    {
      GObjectClass *klass = g_type_class_ref (types[i]);

      counted[i].type = types[i];
      counted[i].constructed = klass->constructed;
      counted[i].finalize = klass->finalize;
      klass->constructed = counted_constructed;
      klass->finalize = counted_finalize;
    }
}

static int
instance_count (GType type)
{
  for (guint i = 0; i < N_COUNTED; i++)
    if (counted[i].type == type)
      return g_atomic_int_get (&counted[i].alive);

  return g_type_get_instance_count (type);
}

static HeardContext *
context (void)
{
  return heard_window_get_context (main_window);
}

static HeardCaseFile *
open_case_file (void)
{
  g_autoptr(HeardPerson) person = g_list_model_get_item (heard_context_get_people (context ()), 0);

  return heard_case_file_open (context (), person);
}

static void
wait_write (HeardCaseFile *case_file,
            GAsyncResult **result)
{
  g_autoptr(GError) error = NULL;

  heard_test_wait (result);
  heard_case_file_write_finish (case_file, *result, &error);
  g_assert_no_error (error);
  g_clear_object (result);
}

static void
recorded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  guint *recorded = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (heard_store_record_statement_finish (HEARD_STORE (object), result, &error),
                   >, 0);
  g_assert_no_error (error);
  (*recorded)++;
}


static void
note_paint_cb (GdkFrameClock *clock,
               gint64        *last_paint)
{
  *last_paint = g_get_monotonic_time ();
}

/* Until the window has been drawn as it now is and nothing is left to do,
 * as the caseworker would see it before reaching for the keys. */
static void
settle (void)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (main_window));
  gint64 last_paint = 0;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (note_paint_cb),
                                     &last_paint);

  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_widget_queue_draw (GTK_WIDGET (main_window));
  /* A spinner or a toast may keep drawing: a few seconds at most. */
  while ((last_paint == 0 || g_get_monotonic_time () - last_paint < 300 * 1000) &&
         g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_signal_handler_disconnect (clock, handler);
}

/* Records with one young person, NAME, a plan and @n_statements of their
 * words, shown on screen. */
static void
start_with_records (const char *data_dir,
                    guint       n_statements)
{
  g_autoptr(HeardCaseFile) case_file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  guint recorded = 0;
  gint64 person_id;

  heard_test_ui_start (the_app, data_dir);
  main_window = heard_test_ui_active_window (the_app);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  heard_test_ui_add_person (the_app, NAME, "");
  heard_test_ui_wait_for_shown_people (the_app, 1);

  /* The plan as the caseworker starts it; the words written straight to
   * the store with the caseload shown and no case file open (one would
   * reread them all after each), all asked for at once, then the record
   * opened on them. */
  gtk_widget_activate_action (GTK_WIDGET (main_window), "win.show-caseload", NULL);
  case_file = open_case_file ();
  person_id = heard_case_file_get_person_id (case_file);
  heard_case_file_start_plan_async (case_file, NULL, heard_test_store_result_cb, &result);
  wait_write (case_file, &result);
  g_clear_object (&case_file);
  for (guint i = 0; i < n_statements; i++)
    {
      g_autoptr(HeardStatement) statement = heard_statement_new ();
      g_autofree char *words = g_strdup_printf ("%s (%u)", WORDS, i + 1);

      heard_statement_set_person_id (statement, person_id);
      heard_statement_set_text (statement, HEARD_STATEMENT_WORDS, words);
      heard_statement_set_text (statement, HEARD_STATEMENT_GIVEN_ON, "03/05/2024");
      heard_store_record_statement_async (_heard_context_get_store (context ()), statement, NULL,
                                          recorded_cb, &recorded);
    }
  /* Each is a whole audited, synced write: longer than the usual wait. */
  for (gint64 deadline = g_get_monotonic_time () + 240 * G_USEC_PER_SEC;
       recorded < n_statements && g_get_monotonic_time () < deadline;)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_cmpuint (recorded, ==, n_statements);

  gtk_widget_activate_action (GTK_WIDGET (main_window), "win.open-person", "(xs)", person_id,
                              "statements");
  heard_test_ui_wait_until ((HeardTestCondition) gtk_widget_get_mapped,
                            _heard_window_get_person_page (main_window), "the record shown");
  settle ();
}

static void
stop (const char *data_dir)
{
  heard_test_ui_stop (the_app);
  main_window = NULL;
}

/* Presses keys on @window for real, through the X server. */
static void
press_keys (GtkWindow  *window,
            const char *keys)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = NULL;
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  command = g_strdup_printf ("xdotool windowfocus %s sleep 0.3 key --delay 150 %s", xid, keys);
  g_spawn_command_line_sync (command, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static gboolean
hidden_once (gpointer data)
{
  return hide.checks == GPOINTER_TO_UINT (data);
}

static gboolean
framed_once (gpointer data)
{
  return hide.frames == GPOINTER_TO_UINT (data);
}

static gboolean
shows_unlock (gpointer data)
{
  /* Locked, and straight on to asking for the caseworker's passphrase. */
  return g_strcmp0 (_heard_window_get_visible_state (main_window), "unlock") == 0 &&
         heard_context_get_lock_state (context ()) ==
           HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE &&
         _heard_context_get_store (context ()) == NULL;
}

static gboolean
is_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

/* Typed into an editor and never saved before Heard is hidden. */
#define TYPED_PRONOUNS "they/them, typed before hiding"

typedef struct
{
  gboolean    from_dialog;
  const char *keys;
} HideCase;

static void
test_quick_hide (gconstpointer data)
{
  const HideCase *hide_case = data;
  g_autofree char *data_dir = heard_test_make_dir ();
  GtkWindow *editor = NULL;
  GtkWindow *pressed_on;
  guint checks = hide.checks;
  guint frames = hide.frames;

  start_with_records (data_dir, 3);
  pressed_on = GTK_WINDOW (main_window);
  if (hide_case->from_dialog)
    {
      /* An editor open on the young person, with words typed and not saved. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window), "win.edit-person",
                                                 NULL));
      editor = heard_test_ui_wait_for_window ("HeardPersonEditor");
      heard_test_ui_wait_until ((HeardTestCondition) gtk_widget_get_mapped, editor,
                                "the editor shown");
      heard_test_ui_set_row_text (GTK_WIDGET (editor), "Pronouns", TYPED_PRONOUNS);
      pressed_on = editor;
      g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
    }
  else
    assert_personal_shown ();

  press_keys (pressed_on, hide_case->keys);
  heard_test_ui_wait_until (hidden_once, GUINT_TO_POINTER (checks + 1), "the quick hide");
  /* Hidden with its window at once, not closed: what was typed is still
   * there until the lock, after the first frame, keeps it as a draft. */
  if (hide_case->from_dialog)
    {
      g_assert_nonnull (editor);
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
    }
  heard_test_ui_wait_until (framed_once, GUINT_TO_POINTER (frames + 1),
                            "the first frame after the quick hide");

  /* Locked, then the usual page; the editor went with the records, its
   * typing kept as a draft. */
  heard_test_ui_wait_until (shows_unlock, NULL, "the lock to finish");
  assert_nothing_personal ();
  g_assert_null (editor);

  /* Unlocked again: the editor comes back as it was. */
  heard_test_ui_wait_for_state (the_app, "records");
  if (hide_case->from_dialog)
    {
      GtkWidget *row;

      editor = heard_test_ui_wait_for_window ("HeardPersonEditor");
      heard_test_ui_wait_until (is_visible, editor, "the editor back after the unlock");
      row = heard_test_ui_find_descendant (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                           "Pronouns");
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, TYPED_PRONOUNS);
      gtk_window_destroy (editor);
    }

  stop (data_dir);
  heard_test_remove_dir (data_dir);
}

static gboolean
path_is_open (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *link = g_build_filename ("/proc/self/fd", name, NULL);
      g_autofree char *target = g_file_read_link (link, NULL);

      if (target != NULL && g_str_has_prefix (target, path))
        return TRUE;
    }

  return FALSE;
}

static gboolean
clipboard_empty (gpointer data)
{
  GdkClipboard *clipboard = data;

  return gdk_clipboard_get_content (clipboard) == NULL;
}

/* What a lock leaves: no young person, plan or statement in memory, the
 * key's guarded memory freed, no descriptor on the records file, a store
 * that refuses until unlocked, no secret on the clipboard. */
static void
test_lock_leaves_nothing (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *db_path = g_build_filename (data_dir, "heard.db", NULL);
  g_autoptr(HeardPerson) stranger = heard_person_new ();
  HeardStore *store;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GdkClipboard *clipboard;

  g_assert_nonnull (g_getenv ("GOBJECT_DEBUG"));
  start_with_records (data_dir, 3);
  g_assert_cmpint (instance_count (HEARD_TYPE_PERSON), >, 1);
  g_assert_cmpint (instance_count (HEARD_TYPE_PLAN), >, 0);
  g_assert_cmpint (instance_count (HEARD_TYPE_STATEMENT), >, 0);
  /* The records' key (held by the context and the services that use it)
   * and the caseworker's seal. */
  g_assert_cmpuint (_heard_key_get_n_alive (), >, 1);
  g_assert_true (path_is_open (db_path));
  store = g_object_ref (_heard_context_get_store (context ()));

  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (main_window));
  heard_clipboard_copy_secret (GTK_WIDGET (main_window), WORDS);
  g_assert_nonnull (gdk_clipboard_get_content (clipboard));

  /* Ctrl+L, as the main menu's Lock. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window), "win.lock", NULL));
  /* A close waits for the lock under way to finish, and has nothing to add. */
  heard_context_close_async (context (), NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_true (heard_context_close_finish (context (), result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  heard_test_ui_wait_until (shows_unlock, NULL, "the unlock page");
  heard_test_ui_wait_until (clipboard_empty, clipboard, "the clipboard to be cleared");

  /* Only the test's own blank person is left. */
  g_assert_cmpint (instance_count (HEARD_TYPE_PERSON), ==, 1);
  g_assert_cmpint (instance_count (HEARD_TYPE_PLAN), ==, 0);
  g_assert_cmpint (instance_count (HEARD_TYPE_STATEMENT), ==, 0);
  /* The records' key is gone; the one key left is the caseworker's seal,
   * with which the page now asking for their passphrase counts wrong
   * tries (it opens nothing). */
  g_assert_cmpuint (_heard_key_get_n_alive (), ==, 1);
  g_assert_false (path_is_open (db_path));
  g_assert_cmpuint (g_list_model_get_n_items (heard_context_get_people (context ())), ==, 0);

  /* The store the records were open in refuses every call until unlocked:
   * a read and a write. */
  heard_store_list_people_async (store, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_null (heard_store_list_people_finish (store, result, &error));
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_OPEN);
  g_clear_error (&error);
  g_clear_object (&result);
  heard_person_set_text (stranger, HEARD_PERSON_DISPLAY_NAME, "Someone New");
  heard_store_save_person_async (store, stranger, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  g_assert_cmpint (heard_store_save_person_finish (store, result, &error), ==, 0);
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_OPEN);
  g_clear_object (&store);

  heard_test_ui_wait_for_state (the_app, "records");
  stop (data_dir);
  heard_test_remove_dir (data_dir);
}

static gint64 fake_now;

static gint64
fake_clock (gpointer data)
{
  return fake_now;
}

/* Five quiet minutes (the default) on the test's clock: Heard hides and locks. */
static void
test_idle_lock (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  HeardIdleTimer *timer = _heard_application_get_idle_timer (the_app);
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  guint checks = hide.checks;

  g_assert_cmpuint (g_settings_get_uint (settings, "idle-lock-minutes"), ==, 5);
  g_assert_cmpuint (heard_idle_timer_get_minutes (timer), ==, 5);
  start_with_records (data_dir, 1);

  fake_now = 1000 * G_USEC_PER_SEC;
  _heard_idle_timer_set_clock (timer, fake_clock, NULL);
  fake_now += 4 * 60 * G_USEC_PER_SEC;
  _heard_idle_timer_check (timer);
  g_assert_cmpuint (hide.checks, ==, checks);
  g_assert_cmpint (heard_context_get_lock_state (context ()), ==, HEARD_LOCK_STATE_OPEN);

  fake_now += 61 * G_USEC_PER_SEC;
  _heard_idle_timer_check (timer);
  g_assert_cmpuint (hide.checks, ==, checks + 1);
  heard_test_ui_wait_until (shows_unlock, NULL, "the idle lock to finish");

  _heard_idle_timer_set_clock (timer, NULL, NULL);
  heard_test_ui_wait_for_state (the_app, "records");
  stop (data_dir);
  heard_test_remove_dir (data_dir);
}

/* The desktop's screen saver comes on (a stand-in from python3-dbusmock on
 * the session bus): Heard hides and locks, as on Ctrl+Shift+H. */
static void
test_screen_saver_locks (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autoptr(GDBusConnection) session_bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GSubprocess) screensaver = NULL;
  g_autoptr(GError) error = NULL;
  guint checks = hide.checks;

  g_assert_nonnull (session_bus);
  start_with_records (data_dir, 1);
  screensaver = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                  G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                  "/usr/bin/python3", "-m", "dbusmock", "--template",
                                  "gnome_screensaver", NULL);
  g_assert_no_error (error);
  heard_test_wait_for_bus_name (session_bus, "org.gnome.ScreenSaver");
  g_assert_cmpint (heard_context_get_lock_state (context ()), ==, HEARD_LOCK_STATE_OPEN);

  heard_test_bus_call (session_bus, "org.gnome.ScreenSaver", "/org/gnome/ScreenSaver",
                       "org.gnome.ScreenSaver", "SetActive", g_variant_new ("(b)", TRUE));
  heard_test_ui_wait_until (hidden_once, GUINT_TO_POINTER (checks + 1), "the quick hide");
  heard_test_ui_wait_until (shows_unlock, NULL, "the screen saver's lock to finish");
  assert_nothing_personal ();

  g_subprocess_force_exit (screensaver);
  heard_test_ui_wait_for_state (the_app, "records");
  stop (data_dir);
  heard_test_remove_dir (data_dir);
}

static void
frame_starts_cb (GdkFrameClock *clock,
                 gint64        *frame_started)
{
  if (*frame_started == 0)
    *frame_started = g_get_monotonic_time ();
}

static void
painted_cb (GdkFrameClock *clock,
            gint64        *painted)
{
  if (*painted == 0 &&
      g_strcmp0 (_heard_window_get_visible_state (main_window), "hidden") == 0)
    *painted = g_get_monotonic_time ();
}

/* From app.quick-hide to the first frame painted with the neutral page,
 * with a plan and 200 statements on screen. */
static void
test_speed (void)
{
  guint n = 200;
  g_autofree char *data_dir = heard_test_make_dir ();
  GdkFrameClock *clock;
  gint64 started, frame_started = 0, painted = 0;
  gulong handler, frame_handler;

  start_with_records (data_dir, n);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (main_window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  frame_handler = g_signal_connect (clock, "before-paint", G_CALLBACK (frame_starts_cb),
                                    &frame_started);

  started = g_get_monotonic_time ();
  g_action_group_activate_action (G_ACTION_GROUP (the_app), "quick-hide", NULL);
  while (painted == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  g_signal_handler_disconnect (clock, frame_handler);

  g_test_message ("quick hide: %.2f ms in the action, %.2f ms waiting for the frame clock, "
                  "%.2f ms drawing the frame; %.2f ms to the first neutral frame "
                  "(%u statements and a plan on screen)",
                  (hide.finished - started) / 1000.0, (frame_started - hide.finished) / 1000.0,
                  (painted - frame_started) / 1000.0, (painted - started) / 1000.0, n);
  g_print ("# quick hide to the first neutral frame: %.2f ms\n", (painted - started) / 1000.0);

  heard_test_ui_wait_until (shows_unlock, NULL, "the lock to finish");
  heard_test_ui_wait_for_state (the_app, "records");
  stop (data_dir);
  heard_test_remove_dir (data_dir);
}

static const HideCase ctrl_shift_h_main = { FALSE, "ctrl+shift+h" };
static const HideCase ctrl_shift_h_dialog = { TRUE, "ctrl+shift+h" };
static const HideCase shift_three_times_main = { FALSE, "shift shift shift" };
static const HideCase shift_three_times_dialog = { TRUE, "shift shift shift" };

int
main (int   argc,
      char *argv[])
{
  GAction *action;

  the_app = heard_test_ui_init (&argc, &argv);
  count_instances ();
  action = g_action_map_lookup_action (G_ACTION_MAP (the_app), "quick-hide");
  g_signal_connect_after (action, "activate", G_CALLBACK (quick_hide_done_cb), NULL);

  g_test_add_data_func ("/ui/hide/ctrl-shift-h/main-window", &ctrl_shift_h_main,
                        test_quick_hide);
  g_test_add_data_func ("/ui/hide/ctrl-shift-h/dialog", &ctrl_shift_h_dialog, test_quick_hide);
  g_test_add_data_func ("/ui/hide/shift-three-times/main-window", &shift_three_times_main,
                        test_quick_hide);
  g_test_add_data_func ("/ui/hide/shift-three-times/dialog", &shift_three_times_dialog,
                        test_quick_hide);
  g_test_add_func ("/ui/hide/lock-leaves-nothing", test_lock_leaves_nothing);
  g_test_add_func ("/ui/hide/idle-lock", test_idle_lock);
  g_test_add_func ("/ui/hide/screen-saver-locks", test_screen_saver_locks);
  g_test_add_func ("/ui/hide/speed", test_speed);

  return g_test_run ();
}

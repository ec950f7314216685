/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-ui"

#include "config.h"

#include <adwaita.h>

#include "heard-application.h"
#include "heard-person-page.h"
#include "heard-secure.h"
#include "heard-test-utils.h"
#include "heard-window-private.h"

/*
 * Drives the real window under Xvfb the way a caseworker would: first start
 * with its recovery code, adding people through the same actions the buttons
 * and shortcuts use, finding them by search, and coming back to them after a
 * restart that unlocks silently from the keyring.
 */

#define WAIT_SECONDS 20

typedef gboolean (*Condition) (gpointer data);

static void
wait_until (Condition    condition,
            gpointer     data,
            const char  *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Gave up waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static GtkWidget *
find_descendant (GtkWidget  *root,
                 GType       type,
                 const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (title == NULL ||
       g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_by_css_class (GtkWidget  *root,
                   const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_css_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static HeardWindow *
active_window (HeardApplication *app)
{
  return HEARD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static gboolean
window_shows_records (gpointer data)
{
  HeardWindow *window = active_window (data);

  return window != NULL && g_strcmp0 (_heard_window_get_visible_state (window), "records") == 0;
}

static gboolean
window_shows_recovery_code (gpointer data)
{
  return g_strcmp0 (_heard_window_get_visible_state (active_window (data)),
                    "recovery-code") == 0;
}

static GtkWindow *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (G_OBJECT_TYPE_NAME (window), "HeardPersonEditor") == 0 &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
editor_is_open (gpointer data)
{
  return find_editor () != NULL;
}

static gboolean
editor_is_closed (gpointer data)
{
  return find_editor () == NULL;
}

typedef struct
{
  HeardApplication *app;
  guint             count;
} ShownCount;

static gboolean
shows_count (gpointer data)
{
  ShownCount *expected = data;
  GListModel *shown = _heard_window_get_shown_people (active_window (expected->app));

  return g_list_model_get_n_items (shown) == expected->count;
}

static void
wait_for_shown (HeardApplication *app,
                guint             count)
{
  ShownCount expected = { app, count };
  g_autofree char *what = g_strdup_printf ("%u people in the list", count);

  wait_until (shows_count, &expected, what);
}

static void
set_row_text (GtkWidget  *editor,
              const char *title,
              const char *text)
{
  GtkWidget *row = find_descendant (editor, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
add_person (HeardApplication *app,
            const char       *name,
            const char       *preferred_name)
{
  HeardWindow *window = active_window (app);
  GtkWindow *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-person", NULL));
  wait_until (editor_is_open, NULL, "the editor to open");
  editor = find_editor ();

  set_row_text (GTK_WIDGET (editor), "Name to show", name);
  set_row_text (GTK_WIDGET (editor), "Preferred name", preferred_name);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  wait_until (editor_is_closed, NULL, "the editor to close after saving");
}

/* One application for the whole run; each test opens its own window on its
 * own records folder, as the application does when it activates. */
static HeardApplication *the_app;

static void
start_heard (const char *data_dir)
{
  g_autoptr(HeardContext) context = heard_context_new (data_dir);
  HeardWindow *window = heard_window_new (the_app, context);

  gtk_window_present (GTK_WINDOW (window));
  heard_context_start_async (context, NULL, NULL, NULL);
}

static void
stop_heard (HeardApplication *application)
{
  HeardWindow *window = active_window (application);
  HeardContext *context = NULL;

  g_object_get (window, "context", &context, NULL);
  g_object_add_weak_pointer (G_OBJECT (context), (gpointer *) &context);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_unref (context);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Closing the window lets go of the records, and the store closes the file. */
  for (int i = 0; i < 100 && context != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (window);
  g_assert_null (context);
}

static void
confirm_recovery_code (HeardApplication *app)
{
  GtkWidget *page = _heard_window_get_recovery_page (active_window (app));
  GtkWidget *kept = find_descendant (page, GTK_TYPE_CHECK_BUTTON, NULL);
  GtkWidget *code = find_by_css_class (page, "recovery-code");

  /* The code is there to be written down: 14 groups of 4 on two lines. */
  g_assert_nonnull (code);
  g_assert_cmpuint (strlen (gtk_label_get_text (GTK_LABEL (code))), ==, 14 * 4 + 13);
  g_assert_nonnull (strchr (gtk_label_get_text (GTK_LABEL (code)), '\n'));

  g_assert_nonnull (kept);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (kept), TRUE);
  g_assert_true (gtk_widget_activate_action (page, "recovery.confirm", NULL));
  wait_until (window_shows_records, app, "the records after confirming the code");
}

static void
test_add_and_find_people (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  HeardWindow *window;
  GtkEditable *search;
  HeardPersonPage *page;

  start_heard (data_dir);
  window = active_window (the_app);
  /* The window is up before the keyring or database has answered. */
  g_assert_cmpstr (_heard_window_get_visible_state (window), ==, "opening");

  wait_until (window_shows_recovery_code, the_app, "the first-run recovery code");
  confirm_recovery_code (the_app);
  g_assert_cmpstr (_heard_window_get_visible_content (window), ==, "empty");

  add_person (the_app, "Amira Khan", "Mira");
  wait_for_shown (the_app, 1);
  add_person (the_app, "Jordan Lee", "");
  wait_for_shown (the_app, 2);

  /* The newest person is selected and shown, sensitive text still hidden. */
  page = HEARD_PERSON_PAGE (_heard_window_get_person_page (window));
  g_assert_cmpstr (_heard_window_get_visible_content (window), ==, "person");
  g_assert_cmpstr (heard_person_get_display_name (heard_person_page_get_person (page)), ==,
                   "Jordan Lee");
  g_assert_false (heard_person_page_get_sensitive_text_shown (page));

  search = _heard_window_get_search_entry (window);
  gtk_editable_set_text (search, "mir");
  wait_for_shown (the_app, 1);
  {
    g_autoptr(HeardPerson) found = g_list_model_get_item (_heard_window_get_shown_people (window),
                                                          0);

    g_assert_cmpstr (heard_person_get_display_name (found), ==, "Amira Khan");
  }

  gtk_editable_set_text (search, "nobody-called-this");
  wait_for_shown (the_app, 0);
  g_assert_cmpstr (_heard_window_get_visible_content (window), ==, "no-match");

  gtk_editable_set_text (search, "");
  wait_for_shown (the_app, 2);

  /* Removing takes the shown person off the list; Undo brings them back. */
  {
    HeardPerson *shown = heard_person_page_get_person (page);
    gint64 id = heard_person_get_id (shown);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-person", NULL));
    wait_for_shown (the_app, 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-person", "x",
                                               id));
    wait_for_shown (the_app, 2);
  }

  stop_heard (the_app);

  /* A second start unlocks silently from the keyring: no code, same people. */
  start_heard (data_dir);
  wait_until (window_shows_records, the_app, "the records on a second start");
  wait_for_shown (the_app, 2);
  stop_heard (the_app);

  heard_test_remove_dir (data_dir);
}

/* What a screen reader would say for @widget: its own label, a label it
 * points to, or the text it shows. */
static gboolean
has_spoken_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;

  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    return TRUE;
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)))
    return TRUE;
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)))
    return TRUE;

  /* A row or button whose content is a visible text label speaks that text. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && *gtk_label_get_text (GTK_LABEL (child)) != '\0')
        return TRUE;
      if (!GTK_IS_LABEL (child) && has_spoken_name (child))
        return TRUE;
    }

  return FALSE;
}

static void
collect_unnamed_controls (GtkWidget *root,
                          GPtrArray *unnamed)
{
  gboolean is_control = GTK_IS_BUTTON (root) || GTK_IS_MENU_BUTTON (root) ||
                        GTK_IS_CHECK_BUTTON (root) || GTK_IS_SWITCH (root) ||
                        GTK_IS_EDITABLE (root) || GTK_IS_TEXT_VIEW (root) ||
                        GTK_IS_LIST_VIEW (root) || GTK_IS_DROP_DOWN (root);

  if (!gtk_widget_get_visible (root))
    return;

  /* The text inside an entry is named by its entry. */
  if (is_control && GTK_IS_TEXT (root) && GTK_IS_EDITABLE (gtk_widget_get_parent (root)))
    is_control = FALSE;

  if (is_control && !has_spoken_name (root))
    g_ptr_array_add (unnamed, g_strdup_printf ("%s (%s)", G_OBJECT_TYPE_NAME (root),
                                               gtk_widget_get_name (root)));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed_controls (child, unnamed);
}

static void
assert_every_control_named (GtkWidget *root)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);

  collect_unnamed_controls (root, unnamed);
  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("No accessible name: %s", (char *) g_ptr_array_index (unnamed, i));
  g_assert_cmpuint (unnamed->len, ==, 0);
}

/* Also checks, while the window and an editor are open, that every control
 * has a name a screen reader can speak. */
static void
test_name_is_required (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  GtkWindow *editor;
  GtkWidget *error_label;

  start_heard (data_dir);
  wait_until (window_shows_recovery_code, the_app, "the first-run recovery code");
  confirm_recovery_code (the_app);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (active_window (the_app)), "win.add-person",
                                             NULL));
  wait_until (editor_is_open, NULL, "the editor to open");
  editor = find_editor ();
  /* Every control a screen reader meets, in the window and the editor, has a name. */
  assert_every_control_named (GTK_WIDGET (active_window (the_app)));
  assert_every_control_named (GTK_WIDGET (editor));

  set_row_text (GTK_WIDGET (editor), "Pronouns", "they/them");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));

  /* Refused kindly: the editor stays open with what was typed, and says why. */
  g_assert_nonnull (find_editor ());
  error_label = find_descendant (GTK_WIDGET (editor), GTK_TYPE_REVEALER, NULL);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (error_label)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_descendant (GTK_WIDGET (editor),
                                                                           ADW_TYPE_ENTRY_ROW,
                                                                           "Pronouns"))),
                   ==, "they/them");
  g_assert_cmpuint (g_list_model_get_n_items (_heard_window_get_shown_people (active_window (the_app))),
                    ==, 0);

  stop_heard (the_app);
  heard_test_remove_dir (data_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_assert_true (heard_secure_init (NULL));
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  the_app = heard_application_new ();
  g_application_set_application_id (G_APPLICATION (the_app), NULL);
  g_application_set_flags (G_APPLICATION (the_app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (the_app), NULL, NULL);
  /* Keep the application alive between windows, as a running Heard would. */
  g_application_hold (G_APPLICATION (the_app));

  g_test_add_func ("/ui/add-and-find-people", test_add_and_find_people);
  g_test_add_func ("/ui/name-is-required", test_name_is_required);

  return g_test_run ();
}

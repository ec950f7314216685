/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-ui"

#include "config.h"

#include <string.h>

#include "heard-choice-row.h"
#include "heard-clipboard.h"
#include "heard-date.h"
#include "heard-caseworker-passphrase-private.h"
#include "heard-field-error-private.h"
#include "heard-secure.h"
#include "heard-test-ui.h"
#include "heard-test-utils.h"

#define WAIT_SECONDS 30

typedef struct
{
  HeardApplication *app;
  const char       *name;
} Expected;

/* One application for the whole run; each test opens its own window on its
 * own records folder, as the application does when it activates. */
HeardApplication *
heard_test_ui_init (int    *argc,
                    char ***argv)
{
  HeardApplication *app;

  g_assert_true (heard_secure_init (NULL));
  _heard_caseworker_passphrase_set_cheap_cost (TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();

  app = heard_application_new ();
  g_application_set_application_id (G_APPLICATION (app), NULL);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  /* Keep the application alive between windows, as a running Heard would. */
  g_application_hold (G_APPLICATION (app));

  return app;
}

void
heard_test_ui_wait_until (HeardTestCondition  condition,
                          gpointer            data,
                          const char         *what)
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

void
heard_test_ui_hold (HeardTestCondition  condition,
                    gpointer            data,
                    guint               milliseconds,
                    const char         *what)
{
  gint64 end = g_get_monotonic_time () + milliseconds * (gint64) 1000;

  do
    {
      if (!condition (data))
        g_error ("No longer true: %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  while (g_get_monotonic_time () < end);

  if (!condition (data))
    g_error ("No longer true: %s", what);
}

typedef gboolean (*Match) (GtkWidget  *widget,
                           gconstpointer  data);

static GtkWidget *
find_first (GtkWidget     *root,
            Match          match,
            gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GType       type;
  const char *title;
} TypeAndTitle;

static gboolean
has_type_and_title (GtkWidget     *widget,
                    gconstpointer  data)
{
  const TypeAndTitle *wanted = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, wanted->type) &&
         (wanted->title == NULL ||
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                     wanted->title) == 0);
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, data);
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

/* The first widget of @type below @root; with @title, the preferences row
 * with that title. */
GtkWidget *
heard_test_ui_find_descendant (GtkWidget  *root,
                               GType       type,
                               const char *title)
{
  TypeAndTitle wanted = { type, title };

  return find_first (root, has_type_and_title, &wanted);
}

GtkWidget *
heard_test_ui_find_by_css_class (GtkWidget  *root,
                                 const char *css_class)
{
  return find_first (root, has_css_class, css_class);
}

GtkWidget *
heard_test_ui_find_by_name (GtkWidget  *root,
                            const char *name)
{
  return find_first (root, has_name, name);
}

/* A visible window of the class called @type_name, or NULL. */
GtkWindow *
heard_test_ui_find_window (const char *type_name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (G_OBJECT_TYPE_NAME (window), type_name) == 0 &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
window_is_open (gpointer data)
{
  return heard_test_ui_find_window (data) != NULL;
}

static gboolean
window_is_gone (gpointer data)
{
  return heard_test_ui_find_window (data) == NULL;
}

GtkWindow *
heard_test_ui_wait_for_window (const char *type_name)
{
  heard_test_ui_wait_until (window_is_open, (gpointer) type_name, type_name);

  return heard_test_ui_find_window (type_name);
}

void
heard_test_ui_wait_window_gone (const char *type_name)
{
  g_autofree char *what = g_strdup_printf ("%s to close", type_name);

  heard_test_ui_wait_until (window_is_gone, (gpointer) type_name, what);
}

HeardWindow *
heard_test_ui_active_window (HeardApplication *app)
{
  return HEARD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
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
  HeardWindow *window = heard_test_ui_active_window (expected->app);
  GListModel *shown = _heard_window_get_shown_people (window);

  return g_list_model_get_n_items (shown) == expected->count;
}

void
heard_test_ui_wait_for_shown_people (HeardApplication *app,
                                     guint             count)
{
  ShownCount expected = { app, count };
  g_autofree char *what = g_strdup_printf ("%u people in the list", count);

  heard_test_ui_wait_until (shows_count, &expected, what);
}

void
heard_test_ui_collect_text_views (GtkWidget *root,
                                  GPtrArray *views)
{
  if (GTK_IS_TEXT_VIEW (root))
    g_ptr_array_add (views, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    heard_test_ui_collect_text_views (child, views);
}

void
heard_test_ui_start (HeardApplication *app,
                     const char       *data_dir)
{
  g_autoptr(HeardContext) context = heard_context_new (data_dir);
  HeardWindow *window = heard_window_new (app, context);

  gtk_window_present (GTK_WINDOW (window));
  heard_context_start_async (context, NULL, NULL, NULL);
}

void
heard_test_ui_stop (HeardApplication *app)
{
  HeardWindow *window = heard_test_ui_active_window (app);
  HeardContext *context = NULL;

  g_object_get (window, "context", &context, NULL);
  g_object_add_weak_pointer (G_OBJECT (context), (gpointer *) &context);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_unref (context);
  /* A tooltip GTK is about to show (its delay is 500 ms from the pointer
   * last crossing into a widget) shows while the window is still there:
   * GTK 4.8 would ask a destroyed surface where the pointer is otherwise. */
  for (gint64 settled = g_get_monotonic_time () + 600 * G_TIME_SPAN_MILLISECOND;
       g_get_monotonic_time () < settled;)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  gtk_window_destroy (GTK_WINDOW (window));

  /* Closing the window lets go of the records, and the store closes the file
   * once the work already under way (such as noting the audit anchor in the
   * keyring) is done: that may take a few round trips to the keyring. */
  for (gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       context != NULL && g_get_monotonic_time () < deadline;)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_assert_null (window);
  g_assert_null (context);
}

/* Every password field below @root, in order. */
static void
collect_password_entries (GtkWidget *root,
                          GPtrArray *fields)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_PASSWORD_ENTRY (child))
        g_ptr_array_add (fields, child);
      else
        collect_password_entries (child, fields);
    }
}

/* Types the caseworker's passphrase where the unlock page asks for it (both
 * fields when a new one is chosen) and submits it, once per visit. Returns
 * whether the page asks for it. */
static gboolean
type_caseworker_passphrase (HeardWindow *window)
{
  g_autoptr(HeardContext) context = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  HeardLockState state;
  GtkWidget *page;

  g_object_get (window, "context", &context, NULL);
  state = heard_context_get_lock_state (context);
  if (state != HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE &&
      state != HEARD_LOCK_STATE_NEEDS_NEW_CASEWORKER_PASSPHRASE)
    return FALSE;

  page = _heard_window_get_unlock_page (window);
  collect_password_entries (page, fields);
  g_assert_cmpuint (fields->len, >=, 2);
  /* Typed already, and being checked. */
  if (!gtk_widget_is_sensitive (fields->pdata[0]) ||
      g_strcmp0 (gtk_editable_get_text (fields->pdata[0]), HEARD_TEST_CASEWORKER_PASSPHRASE) == 0)
    return TRUE;

  gtk_editable_set_text (fields->pdata[0], HEARD_TEST_CASEWORKER_PASSPHRASE);
  if (state == HEARD_LOCK_STATE_NEEDS_NEW_CASEWORKER_PASSPHRASE)
    gtk_editable_set_text (fields->pdata[1], HEARD_TEST_CASEWORKER_PASSPHRASE);
  g_assert_true (gtk_widget_activate_action (page, "unlock.passphrase", NULL));

  return TRUE;
}

/* The caseworker gives their passphrase whenever it is asked for on the
 * way: no test waits on that page unless it says so. */
static gboolean
window_shows_state (gpointer data)
{
  const Expected *expected = data;
  HeardWindow *window = heard_test_ui_active_window (expected->app);

  if (window == NULL || type_caseworker_passphrase (window))
    return FALSE;

  return g_strcmp0 (_heard_window_get_visible_state (window), expected->name) == 0;
}

/* Waits for the window to show @state: "records", "recovery-code"…; on the
 * way, gives or chooses the caseworker's passphrase
 * (HEARD_TEST_CASEWORKER_PASSPHRASE) as the caseworker would. */
void
heard_test_ui_wait_for_state (HeardApplication *app,
                              const char       *state)
{
  Expected expected = { app, state };

  heard_test_ui_wait_until (window_shows_state, &expected, state);
}

static gboolean
shows_locked (gpointer data)
{
  HeardWindow *window = heard_test_ui_active_window (data);
  g_autoptr(HeardContext) context = NULL;

  if (window == NULL)
    return FALSE;
  g_object_get (window, "context", &context, NULL);

  return heard_context_get_lock_state (context) == HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE &&
         g_strcmp0 (_heard_window_get_visible_state (window), "unlock") == 0;
}

/* Waits, after a lock, for the unlock page to ask for the caseworker's
 * passphrase, and types nothing. */
void
heard_test_ui_wait_for_lock (HeardApplication *app)
{
  heard_test_ui_wait_until (shows_locked, app, "the locked page asking for the passphrase");
}

char *
heard_test_ui_dup_recovery_code (HeardApplication *app)
{
  GtkWidget *page = _heard_window_get_recovery_page (heard_test_ui_active_window (app));
  GtkWidget *label = heard_test_ui_find_by_css_class (page, "recovery-code");
  char *code;

  g_assert_nonnull (label);
  code = g_strdup (gtk_label_get_text (GTK_LABEL (label)));
  g_strdelimit (code, "\n", '-');

  return code;
}

void
heard_test_ui_confirm_recovery_code (HeardApplication *app)
{
  GtkWidget *page = _heard_window_get_recovery_page (heard_test_ui_active_window (app));
  GtkWidget *kept = heard_test_ui_find_descendant (page, GTK_TYPE_CHECK_BUTTON, NULL);
  GtkWidget *code = heard_test_ui_find_by_css_class (page, "recovery-code");
  GtkWidget *focus;

  /* The code is there to be written down: 14 groups of 4 on two lines. */
  g_assert_nonnull (code);
  g_assert_cmpuint (strlen (gtk_label_get_text (GTK_LABEL (code))), ==, 14 * 4 + 13);
  g_assert_nonnull (strchr (gtk_label_get_text (GTK_LABEL (code)), '\n'));

  heard_test_ui_assert_every_control_named (page);
  g_assert_nonnull (kept);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (kept), TRUE);
  g_assert_true (gtk_widget_activate_action (page, "recovery.confirm", NULL));
  heard_test_ui_wait_for_state (app, "records");

  /* Continue has gone with its page: the focus is on what comes next,
   * adding the first young person. */
  focus = gtk_root_get_focus (GTK_ROOT (heard_test_ui_active_window (app)));
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_ACTIONABLE (focus));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), ==, "win.add-person");
}

void
heard_test_ui_set_row_text (GtkWidget  *root,
                            const char *title,
                            const char *text)
{
  GtkWidget *row = heard_test_ui_find_descendant (root, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

void
heard_test_ui_add_person (HeardApplication *app,
                          const char       *name,
                          const char       *preferred_name)
{
  HeardWindow *window = heard_test_ui_active_window (app);
  GtkWindow *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-person", NULL));
  editor = heard_test_ui_wait_for_window ("HeardPersonEditor");

  heard_test_ui_set_row_text (GTK_WIDGET (editor), "Name to show", name);
  heard_test_ui_set_row_text (GTK_WIDGET (editor), "Preferred name", preferred_name);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "dialog.save", NULL));
  heard_test_ui_wait_window_gone ("HeardPersonEditor");
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

/* The accessible label GTK holds for @widget, or NULL when it holds none.
 * GTK 4.8 has no getter: gtk_test_accessible_check_property() returns the
 * value it found when it differs from the one asked for, and no label is
 * ever "\x01". */
char *
heard_test_ui_dup_accessible_label (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;

  return gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, "\x01");
}

/* A name a screen reader should never say: a mnemonic's underscore, or the
 * name of a type ("HeardPersonEditor", "GtkBox", "AdwWindow"). */
static gboolean
is_unspeakable (const char *name)
{
  return strchr (name, '_') != NULL ||
         g_regex_match_simple ("(Heard|Gtk|Adw)[A-Z][a-z]", name, 0, 0);
}

/* Rows a person moves through: each must say what it holds once shown. */
static gboolean
is_row_to_name (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX_ROW (widget))
    return gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)) &&
           !ADW_IS_PREFERENCES_ROW (widget);

  /* The rows of a GtkListView are its children; a drop-down's own list
   * is read through the drop-down. */
  return GTK_IS_LIST_VIEW (gtk_widget_get_parent (widget)) &&
         gtk_widget_get_focusable (widget) &&
         gtk_widget_get_ancestor (widget, ADW_TYPE_COMBO_ROW) == NULL &&
         gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN) == NULL;
}

static void
collect_unspeakable_names (GtkWidget *root,
                           GPtrArray *problems)
{
  g_autofree char *label = NULL;

  if (!gtk_widget_get_visible (root))
    return;

  label = heard_test_ui_dup_accessible_label (root);
  if (label != NULL && is_unspeakable (label))
    g_ptr_array_add (problems, g_strdup_printf ("%s is named \"%s\"",
                                                G_OBJECT_TYPE_NAME (root), label));
  if (label == NULL && gtk_widget_get_mapped (root) && is_row_to_name (root))
    {
      GString *where = g_string_new (G_OBJECT_TYPE_NAME (root));

      for (GtkWidget *above = gtk_widget_get_parent (root); above != NULL;
           above = gtk_widget_get_parent (above))
        g_string_append_printf (where, " in %s", G_OBJECT_TYPE_NAME (above));
      g_ptr_array_add (problems, g_strdup_printf ("A row has no name: %s", where->str));
      g_string_free (where, TRUE);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unspeakable_names (child, problems);
}

/* Every control a screen reader meets below @root has a name it can speak,
 * every row says what it holds, no name holds an underscore or a type name,
 * and a window has a title. */
void
heard_test_ui_assert_every_control_named (GtkWidget *root)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  GtkRoot *window = gtk_widget_get_root (root);

  collect_unnamed_controls (root, unnamed);
  collect_unspeakable_names (root, problems);
  if (GTK_IS_WINDOW (window))
    {
      const char *title = gtk_window_get_title (GTK_WINDOW (window));

      if (title == NULL || *title == '\0' || is_unspeakable (title))
        g_ptr_array_add (problems, g_strdup_printf ("%s has no title to speak",
                                                    G_OBJECT_TYPE_NAME (window)));
    }

  g_test_message ("%s: %u interactive controls without a name",
                  G_OBJECT_TYPE_NAME (window), unnamed->len);
  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("No accessible name: %s", (char *) g_ptr_array_index (unnamed, i));
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (unnamed->len, ==, 0);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Presses Tab in @window, from @from, until the focus is in @to, and
 * returns how many presses that took; each widget that took the focus on
 * the way (@to's included) is added to @stops. Fails if the focus goes
 * round without reaching @to. */
guint
heard_test_ui_count_tabs (GtkWindow *window,
                          GtkWidget *from,
                          GtkWidget *to,
                          GPtrArray *stops)
{
  guint presses = 0;

  g_assert_true (gtk_widget_grab_focus (from));
  while (TRUE)
    {
      GtkWidget *focus;

      g_assert_cmpuint (presses, <, 100);
      /* As GtkWindow's Tab binding does: round again from the start. */
      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        {
          gtk_window_set_focus (window, NULL);
          g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
        }
      presses++;
      focus = gtk_window_get_focus (window);
      g_assert_nonnull (focus);
      g_ptr_array_add (stops, focus);
      if (focus == to || gtk_widget_is_ancestor (focus, to))
        return presses;
    }
}

void
heard_test_ui_save_dialog (GtkWindow  *dialog,
                           const char *type_name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  heard_test_ui_wait_window_gone (type_name);
}

static GtkAccessible *
accessible_of (GtkWidget *field)
{
  if (ADW_IS_ENTRY_ROW (field))
    return GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (field)));

  return GTK_ACCESSIBLE (field);
}

/* What is wrong with @field is said beside it, holding @contains: the
 * field is styled and marked invalid, the message shows and is linked as
 * its error message, and focus is on the field. */
void
heard_test_ui_assert_field_error (GtkWidget  *field,
                                  const char *contains)
{
  GtkLabel *label = _heard_field_error_get_label (field);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (field));

  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_text (label), contains));
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  /* Beside the field: in the same window, under the same list or box. */
  g_assert_true (gtk_widget_get_root (GTK_WIDGET (label)) == gtk_widget_get_root (field));
  gtk_test_accessible_assert_relation (accessible_of (field),
                                       GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, label);
  gtk_test_accessible_assert_state (accessible_of (field), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  g_assert_true (focus == field || (focus != NULL && gtk_widget_is_ancestor (focus, field)));
}

/* Nothing is said about @field any more. */
void
heard_test_ui_assert_no_field_error (GtkWidget *field)
{
  g_assert_null (_heard_field_error_get_label (field));
  g_assert_false (gtk_widget_has_css_class (field, "error"));
  g_assert_false (gtk_test_accessible_has_relation (accessible_of (field),
                                                    GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE));
}

static void
collect_labels (GtkWidget *root,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (root))
    g_ptr_array_add (labels, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static gboolean
has_label (GPtrArray  *labels,
           const char *text)
{
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
popover_filled (gpointer data)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (data, labels);
  return labels->len > 0;
}

static void
assert_labels_whole (GPtrArray *labels)
{
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = labels->pdata[i];

      if (*gtk_label_get_text (label) == '\0')
        continue;
      g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_NONE);
      g_assert_true (gtk_label_get_wrap (label));
    }
}

/* Every option of every list of choices below @root can be read in full:
 * in the open list, where labels wrap and are never cut short (an option
 * "Group: answer" shows both parts), and once chosen, shown whole. The
 * choice each row had is given back. */
void
heard_test_ui_assert_choices_readable (GtkWidget *root)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  /* Every combo row, not only the first. */
  {
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();

    g_ptr_array_add (stack, root);
    while (stack->len > 0)
      {
        GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

        if (ADW_IS_COMBO_ROW (widget))
          g_ptr_array_add (rows, widget);
        for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
             child = gtk_widget_get_next_sibling (child))
          g_ptr_array_add (stack, child);
      }
  }
  g_assert_cmpuint (rows->len, >, 0);

  for (guint r = 0; r < rows->len; r++)
    {
      AdwComboRow *row = rows->pdata[r];
      GListModel *model = adw_combo_row_get_model (row);
      guint was = adw_combo_row_get_selected (row);
      GtkWidget *popover = heard_test_ui_find_descendant (GTK_WIDGET (row), GTK_TYPE_POPOVER,
                                                          NULL);
      g_autoptr(GPtrArray) listed = g_ptr_array_new ();

      g_assert_true (HEARD_IS_CHOICE_ROW (row));
      g_assert_nonnull (popover);
      gtk_popover_popup (GTK_POPOVER (popover));
      heard_test_ui_wait_until (popover_filled, popover, "the options to be listed");
      collect_labels (popover, listed);
      assert_labels_whole (listed);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, i);
          g_autofree char *text = heard_choice_row_dup_item_text (HEARD_CHOICE_ROW (row), item);
          const char *split = strstr (text, ": ");
          g_autoptr(GPtrArray) shown = g_ptr_array_new ();

          if (split != NULL)
            {
              g_autofree char *group = g_strndup (text, (gsize) (split - text));

              g_assert_true (has_label (listed, split + 2));
              g_assert_true (has_label (listed, group));
            }
          else
            g_assert_true (has_label (listed, text));

          /* Once chosen, the option is shown whole. */
          adw_combo_row_set_selected (row, i);
          g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, text);
          collect_labels (GTK_WIDGET (row), shown);
          for (guint l = 0; l < shown->len; l++)
            {
              GtkLabel *label = shown->pdata[l];

              if (g_strcmp0 (gtk_label_get_text (label), text) == 0 &&
                  gtk_widget_get_mapped (GTK_WIDGET (label)) &&
                  !gtk_widget_is_ancestor (GTK_WIDGET (label), popover))
                {
                  g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_NONE);
                  g_assert_true (gtk_label_get_wrap (label));
                }
            }
        }

      gtk_popover_popdown (GTK_POPOVER (popover));
      adw_combo_row_set_selected (row, was);
    }
}

/* The day @stored (2025-03-14) as a date field shows it: in the locale's
 * numbers, the year in full. */
char *
heard_test_ui_dup_shown_day (const char *stored)
{
  GDate day;

  g_assert_true (heard_date_parse (stored, &day, NULL));
  return heard_date_format_numeric (&day);
}

static gboolean
is_settling (GtkWidget *root)
{
  if (GTK_IS_STACK (root) && gtk_stack_get_transition_running (GTK_STACK (root)))
    return TRUE;
  if (GTK_IS_REVEALER (root) &&
      gtk_revealer_get_reveal_child (GTK_REVEALER (root)) !=
      gtk_revealer_get_child_revealed (GTK_REVEALER (root)))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (is_settling (child))
      return TRUE;

  return FALSE;
}

static gboolean
has_settled (gpointer data)
{
  return !is_settling (data);
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

void
heard_test_ui_screenshot (GtkWindow  *window,
                          const char *name)
{
  const char *folder = g_getenv ("HEARD_SCREENSHOTS");
  const char *style = g_getenv ("HEARD_SCREENSHOT_STYLE");
  const char *width_asked = g_getenv ("HEARD_SCREENSHOT_WIDTH");
  gint64 settled = g_get_monotonic_time () + 300 * 1000;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  if (folder == NULL)
    return;

  /* As narrow as asked, to see how it folds. */
  if (width_asked != NULL)
    gtk_window_set_default_size (window, atoi (width_asked),
                                 gtk_widget_get_height (GTK_WIDGET (window)));
  /* Transitions (revealers, stacks) end before the picture is taken. */
  heard_test_ui_wait_until (time_passed, &settled, "a moment");
  heard_test_ui_wait_until (has_settled, window, "the window's transitions to end");
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s-%s%s%s.png", name, style != NULL ? style : "light",
                          width_asked != NULL ? "-" : "", width_asked != NULL ? width_asked : "");
  path = g_build_filename (folder, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

typedef struct
{
  char     *hint;
  gboolean  done;
} ReadHint;

static void
hint_bytes_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  ReadHint *read = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  g_assert_no_error (error);
  read->hint = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  read->done = TRUE;
}

/* The stream is fed from this same main loop, so it is read without
 * blocking it. */
static void
hint_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, NULL, &error);
  g_assert_no_error (error);
  g_input_stream_read_bytes_async (stream, 64, G_PRIORITY_DEFAULT, NULL, hint_bytes_cb,
                                   user_data);
}

static gboolean
hint_is_read (gpointer data)
{
  return ((ReadHint *) data)->done;
}

/* That @clipboard holds @text, offered as text and marked secret. */
void
heard_test_ui_assert_secret_on_clipboard (GdkClipboard *clipboard,
                                          const char   *text)
{
  const char *hint_type[] = { HEARD_CLIPBOARD_SECRET_HINT, NULL };
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  ReadHint read = { NULL, FALSE };

  g_assert_nonnull (gdk_clipboard_get_content (clipboard));
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value,
                                                 &error));
  g_assert_cmpstr (g_value_get_string (&value), ==, text);
  g_assert_true (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard),
                                                        "text/plain;charset=utf-8"));

  gdk_clipboard_read_async (clipboard, hint_type, G_PRIORITY_DEFAULT, NULL, hint_read_cb, &read);
  heard_test_ui_wait_until (hint_is_read, &read, "the clipboard's secret hint");
  g_assert_cmpstr (read.hint, ==, HEARD_CLIPBOARD_SECRET_VALUE);
  g_free (read.hint);
}

void
heard_test_ui_assert_no_title_names (const char *name)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    {
      const char *title = gtk_window_get_title (l->data);

      if (title != NULL && strstr (title, name) != NULL)
        g_error ("A %s is titled “%s”, naming %s", G_OBJECT_TYPE_NAME (l->data), title, name);
    }
}

static gboolean
clipboard_is_empty (gpointer data)
{
  return gdk_clipboard_get_content (data) == NULL;
}

void
heard_test_ui_wait_clipboard_empty (GdkClipboard *clipboard,
                                    const char   *what)
{
  heard_test_ui_wait_until (clipboard_is_empty, clipboard, what);
}

/* Presses @keyval with @modifiers on @window as its shortcuts would take the
 * key: whether a shortcut took it and could act. */
gboolean
heard_test_ui_press_shortcut (GtkWidget       *window,
                              guint            keyval,
                              GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, window,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

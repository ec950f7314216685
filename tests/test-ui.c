/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-ui"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "heard-clipboard-private.h"
#include "heard-content-note.h"
#include "heard-dialog.h"
#include "heard-date.h"
#include "heard-dialog.h"
#include "heard-enum-binding.h"
#include "heard-field-error.h"
#include "heard-recovery-code-page-private.h"
#include "heard-person-page.h"
#include "heard-plan-action.h"
#include "heard-test-keyring.h"
#include "heard-test-ui.h"
#include "heard-test-utils.h"

/*
 * Drives the real window under Xvfb the way a caseworker would: first start
 * with its recovery code, adding people through the same actions the buttons
 * and shortcuts use, finding them by search, and coming back to them after a
 * restart that unlocks silently from the keyring.
 */

/* One application for the whole run; each test opens its own window on its
 * own records folder, as the application does when it activates. */
static HeardApplication *the_app;

static void
wait_for_shown (HeardApplication *app,
                guint             count)
{
  heard_test_ui_wait_for_shown_people (app, count);
}

/* Ticks @reason in a removal dialog, as a click on its row would. */
static void
choose_reason (GtkWindow  *dialog,
               const char *reason)
{
  GtkWidget *row = heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                                  reason);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (row));
  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_assert_true (gtk_check_button_get_active (
    GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)))));
}

static gboolean
can_save (gpointer data)
{
  GtkWidget *save = heard_test_ui_find_by_css_class (data, "suggested-action");

  return save != NULL && gtk_widget_is_sensitive (save);
}

/* Removes as the dialog's button would, once it offers to (the case file
 * may still be reading the records just saved). */
static void
save_removal (GtkWindow *dialog)
{
  heard_test_ui_wait_until (can_save, dialog, "the removal offered");
  heard_test_ui_save_dialog (dialog, "HeardRemovalDialog");
}

static gboolean
item_is_sensitive (gpointer data)
{
  return gtk_widget_is_sensitive (data);
}

/* The content pane shows a young person's record. */
static gboolean
shows_person (gpointer data)
{
  return g_strcmp0 (_heard_window_get_visible_content (data), "person") == 0;
}

/* Both rows of the list of people are on screen, each named by its person. */
static gboolean
people_rows_named (gpointer data)
{
  GtkWidget *list = _heard_window_get_people_view (data);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_mapped (row) && gtk_widget_get_focusable (row))
      g_ptr_array_add (names, heard_test_ui_dup_accessible_label (row));

  /* Rows are reused, so in no set order. */
  return names->len == 2 &&
         g_ptr_array_find_with_equal_func (names, "Amira Khan", g_str_equal, NULL) &&
         g_ptr_array_find_with_equal_func (names, "Jordan Lee", g_str_equal, NULL);
}

/* The first label below @root that can be selected. */
static GtkWidget *
find_selectable_label (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_label_get_selectable (GTK_LABEL (root)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_selectable_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_add_and_find_people (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  HeardWindow *window;
  GtkEditable *search;
  HeardPersonPage *page;

  heard_test_ui_start (the_app, data_dir);
  window = heard_test_ui_active_window (the_app);
  /* The window is up before the keyring or database has answered. */
  g_assert_cmpstr (_heard_window_get_visible_state (window), ==, "opening");

  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  g_assert_cmpstr (_heard_window_get_visible_content (window), ==, "empty");

  heard_test_ui_add_person (the_app, "Amira Khan", "Mira");
  wait_for_shown (the_app, 1);
  heard_test_ui_add_person (the_app, "Jordan Lee", "");
  wait_for_shown (the_app, 2);

  /* The newest person is selected and shown, sensitive text still hidden. */
  page = HEARD_PERSON_PAGE (_heard_window_get_person_page (window));
  g_assert_cmpstr (_heard_window_get_visible_content (window), ==, "person");
  g_assert_cmpstr (heard_person_get_display_name (heard_person_page_get_person (page)), ==,
                   "Jordan Lee");
  g_assert_false (heard_person_page_get_sensitive_text_shown (page));
  /* Their record number, which heard-cli asks for, is on the Record page,
   * selectable and copied by its button. */
  {
    GtkWidget *row = heard_test_ui_find_by_name (GTK_WIDGET (page), "record-number");
    GtkWidget *label = find_selectable_label (row);
    HeardPerson *shown = heard_person_page_get_person (page);
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, heard_person_get_id (shown));
    GdkContentProvider *copied;
    g_auto(GValue) value = G_VALUE_INIT;

    g_assert_nonnull (row);
    g_assert_true (gtk_widget_get_visible (row));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                     "Record number");
    g_assert_nonnull (label);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, number);
    g_assert_cmpstr (number, !=, "0");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "person.copy-record-number",
                                               NULL));
    copied = gdk_clipboard_get_content (gtk_widget_get_clipboard (GTK_WIDGET (page)));
    g_assert_nonnull (copied);
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (copied, &value, NULL));
    g_assert_cmpstr (g_value_get_string (&value), ==, number);
  }
  /* A screen reader meets each row by the person's name (the list is beside
   * the record, or behind it when the window is folded). */
  adw_leaflet_navigate (ADW_LEAFLET (heard_test_ui_find_descendant (GTK_WIDGET (window),
                                                                    ADW_TYPE_LEAFLET, NULL)),
                        ADW_NAVIGATION_DIRECTION_BACK);
  heard_test_ui_wait_until (people_rows_named, window, "the people's rows named");

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
  /* The person chosen before the search is shown again before anything is
   * done to them (a slow machine takes a while to choose them again). */
  heard_test_ui_wait_until (shows_person, window, "a person shown again");

  /* Removing takes the shown person off the list; Undo brings them back. */
  {
    GtkWindow *dialog;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-person", NULL));
    dialog = heard_test_ui_wait_for_window ("HeardRemovalDialog");
    choose_reason (dialog, "A duplicate of another record");
    save_removal (dialog);
    wait_for_shown (the_app, 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-removal", NULL));
    wait_for_shown (the_app, 2);
  }

  heard_test_ui_stop (the_app);

  /* A second start unlocks silently from the keyring: no code, same people. */
  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "records");
  wait_for_shown (the_app, 2);
  heard_test_ui_stop (the_app);

  heard_test_remove_dir (data_dir);
}

/* The first widget below @root (itself included) that @match accepts. */
static GtkWidget *
find_widget (GtkWidget  *root,
             gboolean  (*match) (GtkWidget *widget, const char *text),
             const char *text)
{
  if (match (root, text))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
runs_action (GtkWidget  *widget,
             const char *action)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* A menu item (a GtkModelButton, whose type is private) with @label. */
static gboolean
is_menu_item (GtkWidget  *widget,
              const char *label)
{
  g_autofree char *text = NULL;

  if (g_strcmp0 (G_OBJECT_TYPE_NAME (widget), "GtkModelButton") != 0)
    return FALSE;

  g_object_get (widget, "text", &text, NULL);
  return g_strcmp0 (text, label) == 0;
}

static gboolean
shows_icon (GtkWidget  *widget,
            const char *icon)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon) == 0;
}

static gboolean
says (GtkWidget  *widget,
      const char *words)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), words) != NULL;
}

static gboolean
is_error_label (GtkWidget  *widget,
                const char *unused)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error");
}

static gboolean
removed_row_shown (gpointer data)
{
  return heard_test_ui_find_descendant (data, ADW_TYPE_ACTION_ROW, "Jordan Lee") != NULL;
}

static gboolean
removed_row_gone (gpointer data)
{
  return !removed_row_shown (data);
}

static gboolean
shows_none_removed (gpointer data)
{
  GtkWidget *label = find_widget (data, says, "No Removed Records");

  return label != NULL && gtk_widget_get_mapped (label);
}

/* Removing is one item in the record's menu, never a header button; it
 * names the person and needs a reason beside which a refusal is said;
 * Ctrl+Z undoes it while the toast shows, and Removed Records restores it
 * later. */
static void
test_remove_and_restore (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  HeardWindow *window;
  GtkWidget *page;
  GtkWidget *header;
  GtkWidget *menu_button;
  GtkWidget *item;
  GtkWindow *dialog;
  GtkWidget *error_label;
  GtkWindow *removed;
  GtkWidget *row;

  heard_test_ui_start (the_app, data_dir);
  window = heard_test_ui_active_window (the_app);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  heard_test_ui_add_person (the_app, "Amira Khan", "");
  wait_for_shown (the_app, 1);
  heard_test_ui_add_person (the_app, "Jordan Lee", "");
  wait_for_shown (the_app, 2);
  page = _heard_window_get_person_page (window);
  g_assert_cmpstr (heard_person_get_display_name (heard_person_page_get_person (
                     HEARD_PERSON_PAGE (page))), ==, "Jordan Lee");

  /* No bin in the header, on any tab. */
  header = heard_test_ui_find_descendant (page, ADW_TYPE_HEADER_BAR, NULL);
  g_assert_nonnull (header);
  g_assert_null (find_widget (header, runs_action, "win.remove-person"));
  g_assert_null (find_widget (header, shows_icon, "user-trash-symbolic"));

  /* The record's menu has it, and it opens the dialog naming them. */
  menu_button = heard_test_ui_find_descendant (page, GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_nonnull (menu_button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  item = find_widget (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button))),
                      is_menu_item, "Remove Record Made by Mistake…");
  g_assert_nonnull (item);
  /* Offered once the record just saved is chosen. The item runs the
   * window's win.remove-person (heard-person-page.ui); a synthetic click on
   * a popover that has not drawn yet is sometimes lost, so the test runs
   * that action itself. */
  heard_test_ui_wait_until (item_is_sensitive, item, "the removal offered in the menu");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-person", NULL));
  dialog = heard_test_ui_wait_for_window ("HeardRemovalDialog");
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), says, "Jordan Lee’s record"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), says, "made by mistake"));
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));

  /* Without a reason it stays open and says so beside the choices. */
  heard_test_ui_wait_until (can_save, dialog, "the removal offered");
  error_label = find_widget (GTK_WIDGET (dialog), is_error_label, NULL);
  g_assert_nonnull (error_label);
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  g_assert_true (heard_test_ui_find_window ("HeardRemovalDialog") == dialog);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                   "Choose why this record is being removed.");
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (
                     gtk_widget_get_ancestor (error_label, ADW_TYPE_PREFERENCES_GROUP))), ==,
                   "Why Is This Record Being Removed?");
  g_assert_null (heard_dialog_get_error (HEARD_DIALOG (dialog)));
  /* "Another reason" needs the words. */
  choose_reason (dialog, "Another reason, written below");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  g_assert_true (heard_test_ui_find_window ("HeardRemovalDialog") == dialog);
  g_assert_true (gtk_widget_get_visible (error_label));

  choose_reason (dialog, "A duplicate of another record");
  heard_test_ui_set_row_text (GTK_WIDGET (dialog), "What happened", "Same as Amira's record");
  save_removal (dialog);
  wait_for_shown (the_app, 1);

  /* Ctrl+Z brings them back while the toast shows; then there is nothing to undo. */
  g_assert_true (heard_test_ui_press_shortcut (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK));
  wait_for_shown (the_app, 2);
  g_assert_false (heard_test_ui_press_shortcut (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK));

  /* Removed again, they are listed under Removed Records, with when and why
   * (once they are shown again: a loaded machine takes a while to choose
   * them again after Undo). */
  heard_test_ui_wait_until (shows_person, window, "the person shown again after Undo");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-person", NULL));
  dialog = heard_test_ui_wait_for_window ("HeardRemovalDialog");
  choose_reason (dialog, "Recorded for the wrong person");
  save_removal (dialog);
  wait_for_shown (the_app, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-removed", NULL));
  removed = heard_test_ui_wait_for_window ("HeardRemovedWindow");
  heard_test_ui_wait_until (removed_row_shown, removed, "the removed record listed");
  row = heard_test_ui_find_descendant (GTK_WIDGET (removed), ADW_TYPE_ACTION_ROW, "Jordan Lee");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Removed on "));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "Recorded for the wrong person"));
  g_assert_null (heard_test_ui_find_descendant (GTK_WIDGET (removed), ADW_TYPE_ACTION_ROW,
                                                "Amira Khan"));
  heard_test_ui_assert_every_control_named (GTK_WIDGET (removed));

  /* Restore brings them back to the list, and off this one. */
  item = find_widget (row, runs_action, "removed.restore");
  g_assert_nonnull (item);
  gtk_widget_activate (item);
  wait_for_shown (the_app, 2);
  heard_test_ui_wait_until (removed_row_gone, removed, "the restored record gone from the list");
  heard_test_ui_wait_until (shows_none_removed, removed, "the list saying none is removed");
  gtk_window_close (removed);

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

/* Also checks, while the window and an editor are open, that every control
 * has a name a screen reader can speak. */
static void
test_name_is_required (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  HeardWindow *window;
  GtkWindow *editor;
  GtkWidget *pronouns;
  GtkWidget *birth;
  GtkWidget *name;
  GtkWindow *question;
  const char *message;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  window = heard_test_ui_active_window (the_app);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-person", NULL));
  editor = heard_test_ui_wait_for_window ("HeardPersonEditor");
  /* Every control a screen reader meets, in the window and the editor, has a name. */
  heard_test_ui_assert_every_control_named (GTK_WIDGET (window));
  heard_test_ui_assert_every_control_named (GTK_WIDGET (editor));

  heard_test_ui_set_row_text (GTK_WIDGET (editor), "Pronouns", "they/them");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "dialog.save", NULL));

  /* Refused kindly: the editor stays open with what was typed, and says why,
   * beside the name; typing a name takes the message away. */
  g_assert_nonnull (heard_test_ui_find_window ("HeardPersonEditor"));
  g_assert_nonnull (heard_dialog_get_error (HEARD_DIALOG (editor)));
  name = heard_test_ui_find_descendant (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Name to show");
  heard_test_ui_assert_field_error (name, "give a name to show");
  pronouns = heard_test_ui_find_descendant (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Pronouns");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pronouns)), ==, "they/them");
  g_assert_cmpuint (g_list_model_get_n_items (_heard_window_get_shown_people (window)), ==, 0);

  /* A birth date that once wrapped to the year 65214 is refused beside the
   * form, with how to write it, and nothing is saved. */
  heard_test_ui_set_row_text (GTK_WIDGET (editor), "Name to show", "Amira");
  heard_test_ui_assert_no_field_error (name);
  heard_test_ui_set_row_text (GTK_WIDGET (editor), "Date of birth", "-322-3-3");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "dialog.save", NULL));
  g_assert_nonnull (heard_test_ui_find_window ("HeardPersonEditor"));
  message = heard_dialog_get_error (HEARD_DIALOG (editor));
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "The date of birth: "));
  g_assert_nonnull (strstr (message, "2025-03-14"));
  birth = heard_test_ui_find_descendant (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                         "Date of birth");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (birth)), ==, "-322-3-3");
  g_assert_cmpuint (g_list_model_get_n_items (_heard_window_get_shown_people (window)), ==, 0);
  heard_test_ui_assert_field_error (birth, "The date of birth: ");

  /* A birth in the future is refused beside the field, and nothing is saved. */
  gtk_editable_set_text (GTK_EDITABLE (birth), "2099-04-23");
  heard_test_ui_assert_no_field_error (birth);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "dialog.save", NULL));
  g_assert_nonnull (heard_test_ui_find_window ("HeardPersonEditor"));
  heard_test_ui_assert_field_error (birth, "The date of birth is in the future (23 April 2099)");
  g_assert_cmpuint (g_list_model_get_n_items (_heard_window_get_shown_people (window)), ==, 0);

  /* A day chosen in the calendar beside it is written in the locale's way. */
  {
    GtkWidget *popover = heard_test_ui_find_descendant (birth, GTK_TYPE_POPOVER, NULL);
    GtkWidget *calendar = heard_test_ui_find_descendant (birth, GTK_TYPE_CALENDAR, NULL);
    g_autoptr(GDateTime) day = g_date_time_new_local (2009, 4, 23, 12, 0, 0);
    g_autofree char *expected = NULL;
    GDate date;

    g_assert_nonnull (popover);
    gtk_popover_popup (GTK_POPOVER (popover));
    gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
    g_signal_emit_by_name (calendar, "day-selected");
    g_date_clear (&date, 1);
    g_date_set_dmy (&date, 23, G_DATE_APRIL, 2009);
    expected = heard_date_format_numeric (&date);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (birth)), ==, expected);
    heard_test_ui_assert_no_field_error (birth);
  }

  /* A box that holds too much is named, and the message is beside it (a
   * one-line field never takes more than it can keep). */
  {
    g_autofree char *long_text = g_strnfill (HEARD_PERSON_MAX_TEXT_CHARS + 1, 'a');
    g_autoptr(GPtrArray) views = g_ptr_array_new ();
    GtkWidget *what_helps;

    heard_test_ui_collect_text_views (GTK_WIDGET (editor), views);
    g_assert_cmpuint (views->len, >=, 1);
    what_helps = g_ptr_array_index (views, 0);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (what_helps)), long_text,
                              -1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "dialog.save", NULL));
    heard_test_ui_assert_field_error (what_helps, "“What helps me” holds more than Heard can "
                                                  "keep (at most 100000 characters)");
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (what_helps)), "", -1);
    heard_test_ui_assert_no_field_error (what_helps);
  }

  /* Every choice can be read in full, in the list and once chosen. */
  heard_test_ui_assert_choices_readable (GTK_WIDGET (editor));

  /* Closing asks first; keeping writing keeps everything typed. */
  gtk_window_close (editor);
  question = heard_test_ui_wait_for_window ("AdwMessageDialog");
  /* As a click does: answer, then the question closes. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "keep");
  gtk_window_close (question);
  heard_test_ui_wait_window_gone ("AdwMessageDialog");
  g_assert_nonnull (heard_test_ui_find_window ("HeardPersonEditor"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pronouns)), ==, "they/them");

  /* Throwing it away closes the editor cleanly (criticals are fatal here). */
  gtk_window_close (editor);
  question = heard_test_ui_wait_for_window ("AdwMessageDialog");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "discard");
  gtk_window_close (question);
  heard_test_ui_wait_window_gone ("HeardPersonEditor");
  heard_test_ui_wait_window_gone ("AdwMessageDialog");

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

static gboolean
shows_error (gpointer data)
{
  return gtk_widget_get_visible (data);
}

/* The key is gone from the keyring: the recovery code is asked for. A code
 * that is refused leaves the caseworker in the field, ready to retype it. */
static void
test_refused_code_keeps_focus (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *info_path = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  GList *items;
  HeardWindow *window;
  GtkWidget *page;
  GtkWidget *code;
  GtkWidget *error_label;
  GtkWidget *focus;
  int start, end;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  heard_test_ui_stop (the_app);

  /* Only this test's key goes: the one for the uuid in its records' note. */
  info_path = g_build_filename (data_dir, "heard.ini", NULL);
  g_assert_true (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL));
  uuid = g_key_file_get_string (info, "database", "uuid", NULL);
  g_assert_true (g_uuid_string_is_valid (uuid));
  items = heard_test_keyring_search_all (uuid);
  g_assert_nonnull (items);
  for (GList *l = items; l != NULL; l = l->next)
    g_assert_true (secret_item_delete_sync (l->data, NULL, NULL));
  g_list_free_full (items, g_object_unref);

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "unlock");
  window = heard_test_ui_active_window (the_app);
  page = _heard_window_get_unlock_page (window);
  code = heard_test_ui_find_descendant (page, GTK_TYPE_ENTRY, NULL);
  error_label = heard_test_ui_find_by_css_class (page, "error");
  g_assert_nonnull (code);
  g_assert_nonnull (error_label);

  gtk_editable_set_text (GTK_EDITABLE (code), "ABCD-EFGH");
  g_assert_true (gtk_widget_activate_action (page, "unlock.recovery-code", NULL));
  heard_test_ui_wait_until (shows_error, error_label, "the code to be refused");
  g_assert_cmpstr (_heard_window_get_visible_state (window), ==, "unlock");

  /* Focus is back in the field, and all of what was typed is selected. */
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == code || gtk_widget_is_ancestor (focus, code));
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (code), &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, (int) strlen ("ABCD-EFGH"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code)), ==, "ABCD-EFGH");

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

/* A widget of @type on screen below @root; with @action, a button for it. */
static GtkWidget *
find_shown (GtkWidget  *root,
            GType       type,
            const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_mapped (child))
        continue;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (action == NULL ||
           g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0))
        return child;

      found = find_shown (child, type, action);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
run_locked_keyring (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  HeardWindow *window;
  GtkWidget *page;
  GtkWidget *status;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  heard_test_ui_add_person (the_app, "Amira Khan", "");
  wait_for_shown (the_app, 1);
  heard_test_ui_stop (the_app);

  heard_test_lock_default_collection_from_disk ();
  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "unlock");
  window = heard_test_ui_active_window (the_app);
  page = _heard_window_get_unlock_page (window);

  status = heard_test_ui_find_descendant (page, ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "Your Keyring Is Locked");
  g_assert_nonnull (find_shown (page, GTK_TYPE_BUTTON, "unlock.keyring"));
  /* No field for the recovery code is on screen. */
  g_assert_null (find_shown (page, GTK_TYPE_ENTRY, NULL));
  g_assert_null (find_shown (page, GTK_TYPE_BUTTON, "unlock.recovery-code"));

  /* Unlocked without touching Heard, as by the desktop's own prompt. */
  heard_test_unlock_default_collection ();
  heard_test_ui_wait_for_state (the_app, "records");
  wait_for_shown (the_app, 1);

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

static void
run_fresh_install_prompt_cancelled (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *db_path = g_build_filename (data_dir, "heard.db", NULL);
  g_autofree char *info_path = g_build_filename (data_dir, "heard.ini", NULL);
  HeardWindow *window;
  GtkWidget *page;

  /* Storing the first key asks to unlock the keyring; test-session's
   * keyring answers every prompt with Cancel. */
  heard_test_lock_default_collection ();
  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "unlock");
  window = heard_test_ui_active_window (the_app);
  page = _heard_window_get_unlock_page (window);

  /* Nothing was made, so there is no recovery code to offer: only Try Again. */
  g_assert_false (g_file_test (db_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (info_path, G_FILE_TEST_EXISTS));
  g_assert_null (find_shown (page, GTK_TYPE_BUTTON, "unlock.use-recovery-code"));
  g_assert_nonnull (find_shown (page, GTK_TYPE_BUTTON, "unlock.retry"));

  /* With the keyring unlocked, Try Again sets Heard up after all. */
  heard_test_unlock_default_collection ();
  g_assert_true (gtk_widget_activate_action (page, "unlock.retry", NULL));
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

/* Whether @text is anywhere below @root, shown or not: a label, a field. */
static gboolean
holds_text (GtkWidget  *root,
            const char *text)
{
  const char *shown = NULL;

  if (GTK_IS_LABEL (root))
    shown = gtk_label_get_text (GTK_LABEL (root));
  else if (GTK_IS_EDITABLE (root))
    shown = gtk_editable_get_text (GTK_EDITABLE (root));
  if (shown != NULL && strstr (shown, text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (holds_text (child, text))
      return TRUE;

  return FALSE;
}

static gboolean
names_nobody (gpointer data)
{
  return !holds_text (data, "Amira") && !holds_text (data, "Mira");
}

/* Ctrl+L locks: a calm page, no name anywhere in the window, and the
 * Unlock button (focused, for the keyboard) brings the records back. */
static void
test_lock_and_unlock (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_auto(GStrv) accels = NULL;
  HeardWindow *window;
  GtkWidget *page;
  g_autofree char *note_path = g_build_filename (data_dir, "caseworker.ini", NULL);
  g_autofree char *note = NULL;
  GtkWidget *status;
  GtkWidget *entry;
  GtkWidget *error;
  GtkWidget *focus;

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (the_app), "win.lock");
  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "<Control>l");

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  heard_test_ui_add_person (the_app, "Amira Khan", "Mira");
  wait_for_shown (the_app, 1);
  window = heard_test_ui_active_window (the_app);
  gtk_editable_set_text (_heard_window_get_search_entry (window), "Amira");
  g_assert_true (holds_text (GTK_WIDGET (window), "Amira"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  /* Straight to the passphrase: no page with one button before it. */
  heard_test_ui_wait_for_lock (the_app);
  page = _heard_window_get_unlock_page (window);
  status = heard_test_ui_find_descendant (page, ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "Heard Is Locked");
  /* Not even a toast that named them. */
  heard_test_ui_wait_until (names_nobody, window, "no name left in the window");
  g_assert_cmpuint (g_list_model_get_n_items (_heard_window_get_shown_people (window)), ==, 0);
  /* Nothing restored from the locked screen, over records someone else
   * may not open. */
  g_assert_null (find_shown (page, GTK_TYPE_BUTTON, "win.restore-backup"));

  /* What is typed goes into the passphrase field, spaces and all. */
  entry = find_shown (page, GTK_TYPE_PASSWORD_ENTRY, NULL);
  g_assert_nonnull (entry);
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  /* Enter on an empty field is no try: said beside it, never counted. */
  g_assert_true (gtk_widget_activate_action (page, "unlock.passphrase", NULL));
  error = heard_test_ui_find_by_css_class (page, "error");
  g_assert_nonnull (error);
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "Type your passphrase"));
  g_assert_true (g_file_get_contents (note_path, &note, NULL, NULL));
  g_assert_nonnull (strstr (note, "wrong-tries=0"));

  heard_test_ui_wait_for_state (the_app, "records");
  wait_for_shown (the_app, 1);

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

static gboolean
asks_caseworker_passphrase (gpointer data)
{
  HeardWindow *window = heard_test_ui_active_window (the_app);
  g_autoptr(HeardContext) context = NULL;

  if (window == NULL)
    return FALSE;
  g_object_get (window, "context", &context, NULL);

  return heard_context_get_lock_state (context) == HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE;
}

/* A restart while the caseworker has a passphrase asks for it before
 * anything is shown: no name in any widget, a wrong one refused kindly,
 * and Enter in the field with the right one opens the records. */
static void
test_restart_asks_caseworker_passphrase (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *field_name = NULL;
  HeardWindow *window;
  GtkWidget *page;
  GtkWidget *status;
  GtkWidget *field;
  GtkWidget *focus;
  GtkWidget *error_label;
  GtkWidget *forgot;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  heard_test_ui_add_person (the_app, "Amira Khan", "Mira");
  wait_for_shown (the_app, 1);
  heard_test_ui_stop (the_app);

  heard_test_ui_start (the_app, data_dir);
  window = heard_test_ui_active_window (the_app);
  heard_test_ui_wait_until (asks_caseworker_passphrase, NULL, "the caseworker's passphrase");
  g_assert_cmpstr (_heard_window_get_visible_state (window), ==, "unlock");
  g_assert_true (names_nobody (window));
  g_assert_cmpuint (g_list_model_get_n_items (_heard_window_get_shown_people (window)), ==, 0);

  page = _heard_window_get_unlock_page (window);
  status = heard_test_ui_find_descendant (page, ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "Enter Your Passphrase");
  field = find_shown (page, GTK_TYPE_PASSWORD_ENTRY, NULL);
  g_assert_nonnull (field);
  field_name = heard_test_ui_dup_accessible_label (field);
  g_assert_cmpstr (field_name, ==, "Your passphrase");
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (focus == field || gtk_widget_is_ancestor (focus, field));
  forgot = find_shown (page, GTK_TYPE_BUTTON, "unlock.use-recovery-code");
  g_assert_nonnull (forgot);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (forgot)), ==, "_Forgot Your Passphrase?");
  heard_test_ui_assert_every_control_named (page);

  /* "Forgot" chosen by mistake leads back again. */
  g_assert_true (gtk_widget_activate_action (forgot, "unlock.use-recovery-code", NULL));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "Unlock With Your Recovery Code");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (forgot)), ==, "_Back to Your Passphrase");
  g_assert_true (gtk_widget_activate_action (forgot, "unlock.use-recovery-code", NULL));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "Enter Your Passphrase");
  gtk_widget_grab_focus (field);

  /* However long it waits there, nothing of the records appears. */
  heard_test_ui_hold (names_nobody, window, 300, "no name while the passphrase is asked");

  /* A wrong one: said kindly beside the field, and still nothing shown. */
  error_label = heard_test_ui_find_by_css_class (page, "error");
  gtk_editable_set_text (GTK_EDITABLE (field), "not the right one at all");
  g_signal_emit_by_name (field, "activate");
  heard_test_ui_wait_until (shows_error, error_label, "the wrong passphrase to be refused");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "not your passphrase"));
  g_assert_true (asks_caseworker_passphrase (NULL));
  g_assert_true (names_nobody (window));

  /* The right one, with Enter, opens them. */
  gtk_editable_set_text (GTK_EDITABLE (field), HEARD_TEST_CASEWORKER_PASSPHRASE);
  g_signal_emit_by_name (field, "activate");
  heard_test_ui_wait_for_state (the_app, "records");
  wait_for_shown (the_app, 1);
  g_assert_true (holds_text (GTK_WIDGET (window), "Amira"));

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

static gboolean
says_field_error (gpointer data)
{
  return heard_field_error_find (data) != NULL;
}

/* Restarts Heard on @data_dir and waits until it asks for the caseworker's
 * passphrase; returns the field. */
static GtkWidget *
restart_to_passphrase (const char *data_dir)
{
  HeardWindow *window;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_until (asks_caseworker_passphrase, NULL, "the caseworker's passphrase");
  window = heard_test_ui_active_window (the_app);

  return find_shown (_heard_window_get_unlock_page (window), GTK_TYPE_PASSWORD_ENTRY, NULL);
}

/* Preferences' Change Passphrase…: the one used now first (a wrong one
 * said beside its field), a new one long enough, and the next start asks
 * for the new one. */
static void
test_change_passphrase_in_preferences (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  GtkWindow *preferences;
  GtkWindow *editor;
  GtkWidget *change;
  GtkWidget *current, *new_row, *repeat;
  GtkWidget *field;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);

  g_action_group_activate_action (G_ACTION_GROUP (the_app), "preferences", NULL);
  preferences = heard_test_ui_wait_for_window ("HeardPreferencesWindow");
  change = find_shown (GTK_WIDGET (preferences), GTK_TYPE_BUTTON, "prefs.change-passphrase");
  g_assert_nonnull (change);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (change)), ==, "Change _Passphrase…");
  g_assert_true (gtk_widget_activate (change));
  editor = heard_test_ui_wait_for_window ("HeardPassphraseEditor");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (editor));
  current = heard_test_ui_find_descendant (GTK_WIDGET (editor), ADW_TYPE_PASSWORD_ENTRY_ROW,
                                           "Your passphrase now");
  new_row = heard_test_ui_find_descendant (GTK_WIDGET (editor), ADW_TYPE_PASSWORD_ENTRY_ROW,
                                           "New passphrase");
  repeat = heard_test_ui_find_descendant (GTK_WIDGET (editor), ADW_TYPE_PASSWORD_ENTRY_ROW,
                                          "The same passphrase again");
  g_assert_nonnull (current);
  g_assert_nonnull (new_row);
  g_assert_nonnull (repeat);

  /* Too short: said beside the new one. */
  gtk_editable_set_text (GTK_EDITABLE (current), HEARD_TEST_CASEWORKER_PASSPHRASE);
  gtk_editable_set_text (GTK_EDITABLE (new_row), "short");
  gtk_editable_set_text (GTK_EDITABLE (repeat), "short");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "dialog.save", NULL));
  heard_test_ui_wait_until (says_field_error, editor, "the short passphrase to be refused");
  heard_test_ui_assert_field_error (new_row, "at least 12 characters");

  /* Not the one used now: said beside it. */
  gtk_editable_set_text (GTK_EDITABLE (current), "not the one I use now");
  gtk_editable_set_text (GTK_EDITABLE (new_row), "a brand new passphrase for Heard");
  gtk_editable_set_text (GTK_EDITABLE (repeat), "a brand new passphrase for Heard");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "dialog.save", NULL));
  heard_test_ui_wait_until (says_field_error, editor, "the wrong passphrase to be refused");
  heard_test_ui_assert_field_error (current, "not your passphrase");

  gtk_editable_set_text (GTK_EDITABLE (current), HEARD_TEST_CASEWORKER_PASSPHRASE);
  heard_test_ui_save_dialog (editor, "HeardPassphraseEditor");
  gtk_window_destroy (preferences);
  heard_test_ui_stop (the_app);

  field = restart_to_passphrase (data_dir);
  gtk_editable_set_text (GTK_EDITABLE (field), "a brand new passphrase for Heard");
  g_signal_emit_by_name (field, "activate");
  heard_test_ui_wait_for_state (the_app, "records");

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

static gboolean
is_sensitive (gpointer data)
{
  return gtk_widget_is_sensitive (data);
}

typedef struct
{
  GtkLabel   *label;
  const char *before;
} LabelChange;

static gboolean
label_changed (gpointer data)
{
  const LabelChange *change = data;

  return g_strcmp0 (gtk_label_get_text (change->label), change->before) != 0;
}

static gboolean
says_wait (gpointer data)
{
  return strstr (gtk_label_get_text (data), "Try again in") != NULL;
}

/* Five wrong tries: the page says how long to wait, counting down, with
 * Unlock out of reach meanwhile. */
static void
test_wrong_tries_show_wait (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *first = NULL;
  GtkWidget *field;
  GtkWidget *page;
  GtkWidget *error_label;
  GtkWidget *unlock;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  heard_test_ui_stop (the_app);

  field = restart_to_passphrase (data_dir);
  page = _heard_window_get_unlock_page (heard_test_ui_active_window (the_app));
  error_label = heard_test_ui_find_by_css_class (page, "error");
  unlock = find_shown (page, GTK_TYPE_BUTTON, "unlock.passphrase");
  g_assert_nonnull (unlock);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *wrong = g_strdup_printf ("wrong passphrase number %u", i);

      gtk_editable_set_text (GTK_EDITABLE (field), wrong);
      g_signal_emit_by_name (field, "activate");
      heard_test_ui_wait_until (shows_error, error_label, "a wrong passphrase to be refused");
      heard_test_ui_wait_until (is_sensitive, field, "the field to be back");
    }

  heard_test_ui_wait_until (says_wait, error_label, "the wait to be shown");
  first = g_strdup (gtk_label_get_text (GTK_LABEL (error_label)));
  g_assert_true (strstr (first, "Try again in 30 seconds.") != NULL ||
                 strstr (first, "Try again in 29 seconds.") != NULL);
  g_assert_false (gtk_widget_is_sensitive (unlock));
  g_assert_true (asks_caseworker_passphrase (NULL));

  /* It counts down. */
  {
    LabelChange change = { GTK_LABEL (error_label), first };

    heard_test_ui_wait_until (label_changed, &change, "the wait to count down");
  }
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "Try again in 2"));
  g_assert_false (gtk_widget_is_sensitive (unlock));

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

/* Copies the code from the recovery page, and checks it is on the
 * clipboard as text and marked secret. */
static GdkClipboard *
copy_code (GtkWidget  *page,
           const char *code)
{
  g_assert_true (gtk_widget_activate_action (page, "recovery.copy", NULL));
  heard_test_ui_assert_secret_on_clipboard (gtk_widget_get_clipboard (page), code);

  return gtk_widget_get_clipboard (page);
}

static void
locked_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  heard_context_lock_finish (HEARD_CONTEXT (object), result, &error);
  g_assert_no_error (error);
}

/* The recovery code can be copied as a secret that does not linger, and
 * printed with nothing on the sheet but the code and what it is for. */
static void
test_recovery_code_copy_and_print (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *code = NULL;
  g_autoptr(GString) printed = g_string_new (NULL);
  g_autoptr(GPtrArray) layouts = NULL;
  HeardContext *context = NULL;
  cairo_surface_t *surface;
  PangoContext *pango;
  GdkClipboard *clipboard;
  GtkWidget *page;
  GtkWidget *label;
  cairo_t *cr;
  guchar *pixels;
  gboolean inked = FALSE;

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  page = _heard_window_get_recovery_page (heard_test_ui_active_window (the_app));
  label = heard_test_ui_find_by_css_class (page, "recovery-code");
  code = g_strdup (gtk_label_get_text (GTK_LABEL (label)));
  g_strdelimit (code, "\n", '-');

  /* Copied, then gone when its time is up. */
  _heard_clipboard_set_clear_after_ms (500);
  clipboard = copy_code (page, code);
  heard_test_ui_wait_clipboard_empty (clipboard, "the copied code to be cleared");

  /* The sheet: the code in full, what it is, and no one's details. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 800);
  cr = cairo_create (surface);
  pango = pango_cairo_create_context (cr);
  layouts = _heard_recovery_code_sheet_layouts (pango, 560, code);
  for (guint i = 0; i < layouts->len; i++)
    g_string_append_printf (printed, "%s\n",
                            pango_layout_get_text (g_ptr_array_index (layouts, i)));
  g_assert_nonnull (strstr (printed->str, gtk_label_get_text (GTK_LABEL (label))));
  g_assert_nonnull (strstr (printed->str, "Recovery Code"));
  g_assert_nonnull (strstr (printed->str, "keyring"));
  g_assert_null (strstr (printed->str, data_dir));
  g_assert_null (strstr (printed->str, g_get_user_name ()));
  g_assert_null (strstr (printed->str, g_get_real_name ()));
  _heard_recovery_code_sheet_draw (cr, pango, 560, code);
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  for (int i = 0; i < 600 * 800 * 4 && !inked; i++)
    inked = pixels[i] != 0;
  g_assert_true (inked);
  g_object_unref (pango);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* Copied again, then gone when Heard locks, long before its time. */
  _heard_clipboard_set_clear_after_ms (60 * 1000);
  copy_code (page, code);
  heard_test_ui_confirm_recovery_code (the_app);
  g_object_get (heard_test_ui_active_window (the_app), "context", &context, NULL);
  heard_context_lock_async (context, NULL, locked_cb, NULL);
  heard_test_ui_wait_clipboard_empty (clipboard, "the code to be cleared on locking");
  g_object_unref (context);

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

/* Runs @run in a subprocess, so that however it ends the keyring is
 * unlocked again for the tests after it. */
static void
run_in_keyring_subprocess (void (*run) (void))
{
  if (g_test_subprocess ())
    {
      run ();
      return;
    }

  g_test_trap_subprocess (NULL, 100 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (heard_test_default_collection_is_locked ())
    heard_test_unlock_default_collection ();
  g_assert_false (heard_test_default_collection_is_locked ());
  g_test_trap_assert_passed ();
}

/* After an automatic log-in the login keyring is locked: the window offers
 * to unlock it, not the recovery code, and opens by itself once the
 * keyring is unlocked some other way. */
static void
test_locked_keyring (void)
{
  run_in_keyring_subprocess (run_locked_keyring);
}

/* A cancelled keyring prompt on a fresh install: no recovery code exists
 * yet, so none is offered. */
static void
test_fresh_install_offers_no_code (void)
{
  run_in_keyring_subprocess (run_fresh_install_prompt_cancelled);
}

/* Words kept behind a content note never size anything: a long hidden
 * text does not make the note, or the window around it, any wider. */
static void
test_content_note_hidden_text_has_no_width (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *note = heard_content_note_new ();
  GtkWidget *words = gtk_label_new (NULL);
  g_autofree char *hidden = g_strnfill (2000, 'x');
  int minimum = 0;
  int natural = 0;

  gtk_label_set_wrap (GTK_LABEL (words), TRUE);
  gtk_label_set_text (GTK_LABEL (words), hidden);
  g_object_set (note, "note", "Describes being held somewhere", "show-label", "_Show",
                "framed", TRUE, "child", words, NULL);
  gtk_window_set_child (GTK_WINDOW (window), note);
  g_assert_false (heard_content_note_get_revealed (HEARD_CONTENT_NOTE (note)));

  gtk_widget_measure (note, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_test_message ("hidden: minimum %d, natural %d", minimum, natural);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_cmpint (natural, <=, 360);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A combo row bound to an enum-typed property follows it both ways,
 * position for value, and an empty selection leaves the stored code alone. */
static void
test_enum_combo_follows_property (void)
{
  g_autoptr(HeardPlanAction) action = heard_plan_action_new (1, 1);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  AdwComboRow *row = ADW_COMBO_ROW (g_object_ref_sink (adw_combo_row_new ()));

  for (guint i = 0; i < HEARD_ACTION_N_STATUSES; i++)
    gtk_string_list_append (statuses, heard_action_status_label (i));
  adw_combo_row_set_model (row, G_LIST_MODEL (statuses));
  heard_plan_action_set_status (action, HEARD_ACTION_STUCK);
  heard_bind_enum_to_combo (action, "status", row);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, HEARD_ACTION_STUCK);

  adw_combo_row_set_selected (row, HEARD_ACTION_IN_PROGRESS);
  g_assert_cmpint (heard_plan_action_get_status (action), ==, HEARD_ACTION_IN_PROGRESS);
  heard_plan_action_set_status (action, HEARD_ACTION_DONE);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, HEARD_ACTION_DONE);

  adw_combo_row_set_selected (row, GTK_INVALID_LIST_POSITION);
  g_assert_cmpint (heard_plan_action_get_status (action), ==, HEARD_ACTION_DONE);

  g_object_unref (row);
}

/* Resident memory, in kB, from /proc/self/status. */
static guint64
resident_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmRSS:");
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen ("VmRSS:"), NULL, 10);
}

/* Lets the main loop run for at least a few frames. */
static gboolean
frames_drawn (gpointer data)
{
  guint *frames = data;

  return ++*frames > 100;
}

#define PASTED_BYTES (1024 * 1024)
/* Far less than a megabyte of text laid out on one line takes. */
#define MOST_KB_GROWN (48 * 1024)

/* A megabyte pasted into a name is cut at what a name keeps, says so beside
 * the field, and leaves memory much as it was, before and after discarding. */
static void
test_pasted_megabyte_is_cut (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *pasted = g_malloc (PASTED_BYTES + 1);
  GtkWindow *editor;
  GtkWindow *question;
  GtkWidget *name;
  GtkWidget *note;
  guint64 before, pasted_kb, discarded_kb;
  guint frames = 0;
  int position = 0;

  memset (pasted, 'a', PASTED_BYTES);
  pasted[PASTED_BYTES] = '\0';

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (heard_test_ui_active_window (the_app)),
                                             "win.add-person", NULL));
  editor = heard_test_ui_wait_for_window ("HeardPersonEditor");
  heard_test_ui_wait_until (frames_drawn, &frames, "the editor drawn");
  before = resident_kb ();

  /* As a paste does. */
  name = heard_test_ui_find_descendant (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Name to show");
  gtk_editable_insert_text (GTK_EDITABLE (name), pasted, PASTED_BYTES, &position);
  /* Laid out as it would be drawn, whatever the window manager does. */
  gtk_widget_measure (name, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  frames = 0;
  heard_test_ui_wait_until (frames_drawn, &frames, "the name drawn");
  pasted_kb = resident_kb ();
  g_test_message ("Resident memory: %" G_GUINT64_FORMAT " kB before, %" G_GUINT64_FORMAT
                  " kB with 1 MB pasted into a name", before, pasted_kb);

  g_assert_cmpint (g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (name)), -1), ==,
                   HEARD_PERSON_MAX_NAME_CHARS);
  note = heard_test_ui_find_by_css_class (name, "warning");
  g_assert_nonnull (note);
  g_assert_true (gtk_widget_get_visible (note));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (note)), "500 characters"));

  gtk_window_close (editor);
  question = heard_test_ui_wait_for_window ("AdwMessageDialog");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "discard");
  gtk_window_close (question);
  heard_test_ui_wait_window_gone ("HeardPersonEditor");
  heard_test_ui_wait_window_gone ("AdwMessageDialog");
  frames = 0;
  heard_test_ui_wait_until (frames_drawn, &frames, "the window drawn");
  discarded_kb = resident_kb ();

  g_test_message ("Resident memory: %" G_GUINT64_FORMAT " kB once discarded", discarded_kb);
  g_assert_cmpuint (pasted_kb, <, before + MOST_KB_GROWN);
  g_assert_cmpuint (discarded_kb, <, before + MOST_KB_GROWN);

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

int
main (int   argc,
      char *argv[])
{
  the_app = heard_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/add-and-find-people", test_add_and_find_people);
  g_test_add_func ("/ui/name-is-required", test_name_is_required);
  g_test_add_func ("/ui/remove-and-restore", test_remove_and_restore);
  g_test_add_func ("/ui/refused-code-keeps-focus", test_refused_code_keeps_focus);
  g_test_add_func ("/ui/lock-and-unlock", test_lock_and_unlock);
  g_test_add_func ("/ui/restart-asks-caseworker-passphrase",
                   test_restart_asks_caseworker_passphrase);
  g_test_add_func ("/ui/change-passphrase-in-preferences", test_change_passphrase_in_preferences);
  g_test_add_func ("/ui/wrong-tries-show-wait", test_wrong_tries_show_wait);
  g_test_add_func ("/ui/recovery-code-copy-and-print", test_recovery_code_copy_and_print);
  g_test_add_func ("/ui/locked-keyring-opens-by-itself", test_locked_keyring);
  g_test_add_func ("/ui/fresh-install-offers-no-code", test_fresh_install_offers_no_code);
  g_test_add_func ("/ui/content-note-hidden-text-has-no-width",
                   test_content_note_hidden_text_has_no_width);
  g_test_add_func ("/ui/enum-combo-follows-property", test_enum_combo_follows_property);
  g_test_add_func ("/ui/pasted-megabyte-is-cut", test_pasted_megabyte_is_cut);

  return g_test_run ();
}

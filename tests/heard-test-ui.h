/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-application.h"
#include "heard-window-private.h"

G_BEGIN_DECLS

/* Helpers for tests that drive the real window under Xvfb, the way a
 * caseworker would: through actions, dialogs and the widgets on screen. */

typedef gboolean (*HeardTestCondition) (gpointer data);

HeardApplication *heard_test_ui_init              (int                 *argc,
                                                   char              ***argv);
void              heard_test_ui_wait_until        (HeardTestCondition   condition,
                                                   gpointer             data,
                                                   const char          *what);
/* Runs the main loop for @milliseconds and fails the moment @condition stops
 * holding: for what must never happen, however long the user waits. */
void              heard_test_ui_hold              (HeardTestCondition   condition,
                                                   gpointer             data,
                                                   guint                milliseconds,
                                                   const char          *what);
GtkWidget        *heard_test_ui_find_descendant   (GtkWidget           *root,
                                                   GType                type,
                                                   const char          *title);
GtkWidget        *heard_test_ui_find_by_css_class (GtkWidget           *root,
                                                   const char          *css_class);
GtkWidget        *heard_test_ui_find_by_name      (GtkWidget           *root,
                                                   const char          *name);
GtkWindow        *heard_test_ui_find_window       (const char          *type_name);
GtkWindow        *heard_test_ui_wait_for_window   (const char          *type_name);
void              heard_test_ui_wait_window_gone  (const char          *type_name);
HeardWindow      *heard_test_ui_active_window     (HeardApplication    *app);
/* Waits until the active window's list of young people shows @count. */
void              heard_test_ui_wait_for_shown_people (HeardApplication *app,
                                                       guint             count);
/* Adds every GtkTextView below @root to @views, in the order they show. */
void              heard_test_ui_collect_text_views (GtkWidget          *root,
                                                    GPtrArray          *views);
void              heard_test_ui_start             (HeardApplication    *app,
                                                   const char          *data_dir);
void              heard_test_ui_stop              (HeardApplication    *app);
void              heard_test_ui_wait_for_state    (HeardApplication    *app,
                                                   const char          *state);
void              heard_test_ui_confirm_recovery_code (HeardApplication *app);
/* The recovery code the active window shows, on one line (groups joined
 * by "-"), before it is confirmed. */
char             *heard_test_ui_dup_recovery_code (HeardApplication *app);
void              heard_test_ui_wait_for_lock     (HeardApplication    *app);
void              heard_test_ui_set_row_text      (GtkWidget           *root,
                                                   const char          *title,
                                                   const char          *text);
void              heard_test_ui_add_person        (HeardApplication    *app,
                                                   const char          *name,
                                                   const char          *preferred_name);
void              heard_test_ui_assert_every_control_named (GtkWidget  *root);
/* The accessible label set on @widget, or NULL (free it). */
char             *heard_test_ui_dup_accessible_label (GtkWidget      *widget);
guint             heard_test_ui_count_tabs        (GtkWindow           *window,
                                                   GtkWidget           *from,
                                                   GtkWidget           *to,
                                                   GPtrArray           *stops);
void              heard_test_ui_assert_field_error (GtkWidget          *field,
                                                    const char         *contains);
void              heard_test_ui_assert_no_field_error (GtkWidget       *field);
char             *heard_test_ui_dup_shown_day (const char      *stored);
void              heard_test_ui_assert_choices_readable (GtkWidget     *root);
/* With HEARD_SCREENSHOTS set to a folder, saves what @window shows there as
 * NAME-STYLE.png (STYLE from HEARD_SCREENSHOT_STYLE, else "light"), to look
 * at; otherwise does nothing. With HEARD_SCREENSHOT_WIDTH, the window is
 * made that wide first (NAME-STYLE-WIDTH.png). */
void              heard_test_ui_screenshot        (GtkWindow           *window,
                                                   const char          *name);
/* Saves a HeardDialog as its save button would, and waits for it to close. */
void              heard_test_ui_save_dialog       (GtkWindow           *dialog,
                                                   const char          *type_name);

void              heard_test_ui_assert_secret_on_clipboard (GdkClipboard *clipboard,
                                                            const char   *text);
void              heard_test_ui_wait_clipboard_empty (GdkClipboard *clipboard,
                                                      const char   *what);
/* That no window of Heard has @name in its title (what a taskbar and an
 * app switcher show). */
void              heard_test_ui_assert_no_title_names (const char       *name);

gboolean          heard_test_ui_press_shortcut    (GtkWidget           *window,
                                                   guint                keyval,
                                                   GdkModifierType      modifiers);

G_END_DECLS

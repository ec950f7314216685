/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-context.h"

G_BEGIN_DECLS

/* Small widgets that several views build the same way. */

typedef void (*HeardRemoveFunc) (AdwMessageDialog *dialog,
                                 GtkWidget        *owner);

GtkWidget        *heard_status_badge_new (const char *text,
                                          const char *style_class);
/* A label of running text: start-aligned, wrapping at words (or inside a
 * long one), with @style_class (may be NULL). */
GtkWidget        *heard_wrapped_label_new (const char *text,
                                           const char *style_class);
GtkWidget        *heard_icon_button_new  (const char *icon_name,
                                          const char *tooltip,
                                          const char *accessible_label,
                                          const char *action_name,
                                          GVariant   *target);
AdwMessageDialog *heard_ask_to_remove    (GtkWidget       *owner,
                                          const char      *heading,
                                          const char      *body,
                                          HeardRemoveFunc  removed);

typedef void (*HeardDiscardFunc) (GtkWindow *window);

AdwToast         *heard_toast_new        (const char       *text) G_GNUC_WARN_UNUSED_RESULT;
/* Empties every toast heard_toast_new() made that is still shown, which
 * may name a young person: on a quick hide and on a lock. */
void              heard_toasts_blank     (void);

void              heard_label_set_words  (GtkLabel         *label,
                                          const char       *text);

const char       *heard_describe_save_error (const GError  *error);

GListModel       *heard_supervisors_new  (HeardContext     *context) G_GNUC_WARN_UNUSED_RESULT;
HeardContext     *heard_widget_get_context (GtkWidget      *widget);

void              heard_entry_row_limit  (AdwEntryRow      *row,
                                          GObject          *model,
                                          const char       *property);

void              heard_ask_to_discard   (GtkWindow        *window,
                                          HeardDiscardFunc  discarded);

void              heard_window_let_go_of_gone_parent (GtkWindow *window);

GtkWindow        *heard_file_chooser_dup_window (GtkWindow *parent) G_GNUC_WARN_UNUSED_RESULT;

/* Asks where an export's file goes: a modal save chooser over @parent, one
 * filter (@filter_name: @mime_type, *.@suffix) and @name suggested;
 * @on_response hears the answer with @parent as its first argument. The
 * chooser and its window go in *@chooser and *@chooser_window, in place of
 * any there before. */
void              heard_save_chooser_show      (GtkWindow              *parent,
                                                const char             *title,
                                                const char             *filter_name,
                                                const char             *mime_type,
                                                const char             *suffix,
                                                const char             *name,
                                                GCallback               on_response,
                                                GtkFileChooserNative  **chooser,
                                                GtkWindow             **chooser_window);
/* The file chosen with @response (NULL if none); lets go of the chooser and
 * its window at once, so that no chooser outlives its choice (a lock closes
 * every window it made). */
GFile            *heard_save_chooser_take_file (GtkFileChooserNative  **chooser,
                                                GtkWindow             **chooser_window,
                                                int                     response)
                                                G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-context.h"
#include "heard-staff.h"
#include "heard-text-fields.h"
#include "heard-widgets.h"
#include "heard-window.h"

/* A short word in a rounded badge, coloured by @style_class ("error",
 * "warning", "success"…), which only ever adds to what the word says. */
GtkWidget *
heard_wrapped_label_new (const char *text,
                         const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);

  return label;
}

GtkWidget *
heard_status_badge_new (const char *text,
                        const char *style_class)
{
  GtkWidget *badge = gtk_label_new (text);

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "status-badge");
  if (style_class != NULL)
    gtk_widget_add_css_class (badge, style_class);

  return badge;
}

/* A flat icon button for a row: a tooltip for those who see it, a label
 * for those who hear it, and an action with @target (floating, sunk). */
GtkWidget *
heard_icon_button_new (const char *icon_name,
                       const char *tooltip,
                       const char *accessible_label,
                       const char *action_name,
                       GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);

  return button;
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             GtkWidget        *owner)
{
  HeardRemoveFunc removed = (HeardRemoveFunc) g_object_get_data (G_OBJECT (dialog),
                                                                 "heard-removed");

  if (g_strcmp0 (response, "remove") == 0)
    removed (dialog, owner);
}

/* Asks before anything is taken out: Keep is the default, and Escape keeps.
 * On Remove, calls @removed with @owner, unless @owner has gone. Returns
 * the dialog, shown, for the caller to attach what @removed needs. */
AdwMessageDialog *
heard_ask_to_remove (GtkWidget       *owner,
                     const char      *heading,
                     const char      *body,
                     HeardRemoveFunc  removed)
{
  GtkRoot *root = gtk_widget_get_root (owner);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root),
                                                                         heading, body));

  adw_message_dialog_add_responses (dialog, "keep", _("_Keep"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_object_set_data (G_OBJECT (dialog), "heard-removed", (gpointer) removed);
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), owner, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GtkWindow        *window)
{
  HeardDiscardFunc discarded = g_object_get_data (G_OBJECT (dialog), "heard-discarded");

  if (g_strcmp0 (response, "discard") != 0)
    return;

  discarded (window);
  gtk_window_close (window);
}

/* Asks before what was typed in @window is thrown away; on "Throw Away"
 * calls @discarded, then closes @window. */
void
heard_ask_to_discard (GtkWindow        *window,
                      HeardDiscardFunc  discarded)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (discarded != NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Throw Away What You Wrote?"),
                                                       _("It has not been saved, and it "
                                                         "cannot be brought back.")));
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep Writing"),
                                    "discard", _("_Throw Away"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  /* The question outlives the window it closes, and lets go of it last. */
  g_object_set_data_full (G_OBJECT (dialog), "heard-parent", g_object_ref (window),
                          g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "heard-discarded", (gpointer) discarded);
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shows words someone wrote (above all a young person's own) in @label,
 * set from the side their script starts on: Arabic or Urdu from the
 * right, English from the left, whatever the language of Heard itself.
 * Every view of such words sets them through here. */
void
heard_label_set_words (GtkLabel   *label,
                       const char *text)
{
  PangoLayoutLine *first;
  gboolean text_rtl, widget_rtl;

  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_text (label, text);
  /* The direction pango gave the words' first paragraph, from their first
   * strong character (pango_find_base_dir() is deprecated); neutral words
   * (digits, emoji) take Heard's own. */
  first = pango_layout_get_line_readonly (gtk_label_get_layout (label), 0);
  text_rtl = first != NULL &&
             pango_layout_line_get_resolved_direction (first) == PANGO_DIRECTION_RTL;
  widget_rtl = gtk_widget_get_direction (GTK_WIDGET (label)) == GTK_TEXT_DIR_RTL;

  /* GTK mirrors xalign and justification in a right-to-left interface,
   * so only words running against the interface turn them round. */
  gtk_label_set_xalign (label, text_rtl != widget_rtl ? 1 : 0);
  gtk_label_set_justify (label, text_rtl != widget_rtl ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
  /* For the style sheet: the edge their words start from is marked. */
  if (text_rtl)
    gtk_widget_add_css_class (GTK_WIDGET (label), "right-to-left");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "right-to-left");
}

/* Every toast made here that is still alive: a quick hide or a lock blanks
 * them all at once, as libadwaita 1.2 can neither list an overlay's toasts
 * nor safely dismiss one during its own animation. */
static GPtrArray *live_toasts;

static void
toast_finalized_cb (gpointer  data,
                    GObject  *where_the_toast_was)
{
  g_ptr_array_remove_fast (live_toasts, where_the_toast_was);
}

/* A toast for plain text: names such as "Jo & Sam" are not markup. */
AdwToast *
heard_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (live_toasts == NULL)
    live_toasts = g_ptr_array_new ();
  g_ptr_array_add (live_toasts, toast);
  g_object_weak_ref (G_OBJECT (toast), toast_finalized_cb, NULL);

  return toast;
}

void
heard_toasts_blank (void)
{
  for (guint i = 0; live_toasts != NULL && i < live_toasts->len; i++)
    adw_toast_set_title (g_ptr_array_index (live_toasts, i), "");
}

/* What to tell someone whose save was refused. While the audit trail has a
 * problem nobody with the recovery code has seen, every save is refused:
 * the notice at the top of the main window says what was found and who
 * can lift the hold, so the refusal points there rather than repeat it. */
const char *
heard_describe_save_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (heard_context_error_is_on_hold (error))
    return _("Not saved: the audit trail has a problem, described at the top of Heard's "
             "main window. Nothing new can be saved until someone with the recovery code "
             "has reviewed it there. Nothing has been lost.");

  return error->message;
}

static gboolean
is_supervisor (gpointer item,
               gpointer user_data)
{
  return heard_staff_get_role (item) == HEARD_STAFF_SUPERVISOR;
}

/* The supervisors among the context's staff (HeardStaff), live: whoever
 * can sign a decision. */
GListModel *
heard_supervisors_new (HeardContext *context)
{
  GtkCustomFilter *filter;

  g_return_val_if_fail (HEARD_IS_CONTEXT (context), NULL);

  filter = gtk_custom_filter_new (is_supervisor, NULL, NULL);
  return G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (heard_context_get_staff (context)),
                                                  GTK_FILTER (filter)));
}

/* The context of the main window @widget is in (or that the dialog it is
 * in is over), for a widget deep inside a view that was handed only a case
 * file; NULL outside one. */
HeardContext *
heard_widget_get_context (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  for (GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL; window != NULL;
       window = gtk_window_get_transient_for (window))
    if (HEARD_IS_WINDOW (window))
      return heard_window_get_context (HEARD_WINDOW (window));

  return NULL;
}

typedef struct
{
  GtkWidget *note;
  guint      max_chars;
} FieldLimit;

/* Runs before the text takes what is typed or pasted, which it cuts at
 * the limit: the note says so whenever anything was cut. */
static void
limit_insert_cb (GtkEditable *text,
                 const char  *new_text,
                 int          length,
                 int         *position,
                 FieldLimit  *limit)
{
  glong held = g_utf8_strlen (gtk_editable_get_text (text), -1);
  const char *end = length < 0 ? NULL : new_text + length;
  glong adding = end == NULL ? g_utf8_strlen (new_text, -1)
                             : g_utf8_pointer_to_offset (new_text, end);

  if (held + adding > (glong) limit->max_chars)
    gtk_widget_set_visible (limit->note, TRUE);
}

static void
limit_changed_cb (GtkEditable *text,
                  FieldLimit  *limit)
{
  if (g_utf8_strlen (gtk_editable_get_text (text), -1) < (glong) limit->max_chars)
    gtk_widget_set_visible (limit->note, FALSE);
}

/*
 * A one-line field takes no more than @model's text field @property can
 * keep: a paste of a whole document is cut there, so the field never holds,
 * lays out or remembers for Undo the rest (1 MB in a name once took 200 MB
 * that stayed after the editor closed). A note beside the field, which it
 * is described by, says so until the text is shorter again.
 */
void
heard_entry_row_limit (AdwEntryRow *row,
                       GObject     *model,
                       const char  *property)
{
  GtkEditable *text;
  FieldLimit *limit;
  guint max_chars;
  g_autofree char *message = NULL;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  text = gtk_editable_get_delegate (GTK_EDITABLE (row));
  max_chars = heard_text_field_get_max_chars (model, property);
  g_return_if_fail (GTK_IS_TEXT (text) && max_chars > 0);

  limit = g_new0 (FieldLimit, 1);
  limit->max_chars = max_chars;

  /* TRANSLATORS: beside a field whose pasted text was cut short */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Only the first %u character is kept",
                                          "Only the first %u characters are kept",
                                          limit->max_chars),
                             limit->max_chars);
  limit->note = gtk_label_new (message);
  gtk_widget_add_css_class (limit->note, "caption");
  gtk_widget_add_css_class (limit->note, "warning");
  gtk_widget_set_visible (limit->note, FALSE);
  adw_entry_row_add_suffix (row, limit->note);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  limit->note, NULL, -1);

  gtk_text_set_max_length (GTK_TEXT (text), (int) limit->max_chars);
  g_signal_connect_data (text, "insert-text", G_CALLBACK (limit_insert_cb), limit,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  g_signal_connect (text, "changed", G_CALLBACK (limit_changed_cb), limit);
}

/* A window that belongs to another (set with transient-for) and outlives it. */
typedef struct
{
  GWeakRef window;
} ParentWatch;

static void
parent_gone_cb (gpointer  data,
                GObject  *where_the_parent_was)
{
  ParentWatch *watch = data;
  g_autoptr(GtkWindow) window = g_weak_ref_get (&watch->window);

  if (window != NULL && (GObject *) gtk_window_get_transient_for (window) == where_the_parent_was)
    gtk_window_set_transient_for (window, NULL);
  g_weak_ref_clear (&watch->window);
  g_free (watch);
}

static void
transient_for_changed_cb (GtkWindow *window)
{
  GtkWindow *parent = gtk_window_get_transient_for (window);
  ParentWatch *watch;

  if (parent == NULL)
    return;

  watch = g_new0 (ParentWatch, 1);
  g_weak_ref_init (&watch->window, window);
  g_object_weak_ref (G_OBJECT (parent), parent_gone_cb, watch);
}

/* A dialog or window closed while its work is in flight lives on until the
 * work finishes, which can be after the window it belonged to has gone (on
 * quit, say). GTK 4.8 does not notice a transient parent going and crashes
 * in the window's dispose, so @window lets go of its parent as it goes. */
void
heard_window_let_go_of_gone_parent (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  g_signal_connect (window, "notify::transient-for", G_CALLBACK (transient_for_changed_cb),
                    NULL);
  transient_for_changed_cb (window);
}

/* GTK 4.8's file chooser, with no portal, shows a window of its own that
 * it does not hold: a lock closes every window over the records, that one
 * too, and the chooser would later touch it freed. The window of the
 * chooser just shown over @parent (NULL with a portal), for the dialog
 * that showed it to hold until the chooser lets go of it. */
GtkWindow *
heard_file_chooser_dup_window (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_window_get_transient_for (window) == parent)
        return g_steal_pointer (&window);
    }

  return NULL;
}

void
heard_save_chooser_show (GtkWindow             *parent,
                         const char            *title,
                         const char            *filter_name,
                         const char            *mime_type,
                         const char            *suffix,
                         const char            *name,
                         GCallback              on_response,
                         GtkFileChooserNative **chooser,
                         GtkWindow            **chooser_window)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (GTK_IS_WINDOW (parent));

  g_clear_object (chooser);
  g_clear_object (chooser_window);
  *chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                          _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (*chooser), TRUE);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (*chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (*chooser), name);
  g_signal_connect_object (*chooser, "response", on_response, parent, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (*chooser));
  *chooser_window = heard_file_chooser_dup_window (parent);
}

GFile *
heard_save_chooser_take_file (GtkFileChooserNative **chooser,
                              GtkWindow            **chooser_window,
                              int                    response)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && *chooser != NULL)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (*chooser));
  g_clear_object (chooser);
  g_clear_object (chooser_window);
  return file;
}

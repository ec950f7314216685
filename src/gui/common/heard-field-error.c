/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-field-error"

#include "config.h"

#include <adwaita.h>

#include "heard-field-error.h"
#include "heard-field-error-private.h"
#include "heard-text-fields.h"

/*
 * What is wrong with one field is said beside that field, not in the
 * dialog's banner, which is left for problems no field owns. The field
 * takes the "error" style and is marked invalid for screen readers, a
 * message below it is linked as its error message, and focus moves to it
 * (GTK 4.8 has no way to announce, and a reader speaks the focused field
 * with its error). The first change made to the field takes it all away:
 * the person has acted on what was said, and Save checks again.
 */

typedef struct
{
  GtkWidget *field;
  /* What holds the message: the label itself, or a list row around it
   * when the field is a row in a list. */
  GtkWidget *holder;
  GtkLabel  *label;
  GObject   *watched;
  gulong     changed_id;
} FieldError;

G_DEFINE_QUARK (heard-field-error-quark, heard_field_error)

static GQuark
field_error_quark (void)
{
  return g_quark_from_static_string ("heard-field-error");
}

/* The widget the message sits after: the row of a list the field is in
 * (a check box at the start of a row, say), or else the field or the
 * ancestor of it that is a child of a box. */
static GtkWidget *
find_anchor (GtkWidget *field)
{
  GtkWidget *anchor = gtk_widget_get_ancestor (field, GTK_TYPE_LIST_BOX_ROW);

  if (anchor != NULL && GTK_IS_LIST_BOX (gtk_widget_get_parent (anchor)))
    return anchor;

  anchor = field;

  while (gtk_widget_get_parent (anchor) != NULL)
    {
      GtkWidget *parent = gtk_widget_get_parent (anchor);

      if (GTK_IS_LIST_BOX (parent) || GTK_IS_BOX (parent))
        return anchor;
      anchor = parent;
    }

  return NULL;
}

static GtkWidget *
accessible_of (GtkWidget *field)
{
  /* An entry row's text is what a screen reader lands on. */
  if (ADW_IS_ENTRY_ROW (field) && gtk_editable_get_delegate (GTK_EDITABLE (field)) != NULL)
    return GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (field)));

  return field;
}

static void
field_error_free (gpointer data)
{
  FieldError *error = data;

  /* A text view's buffer may outlive the view, whose going has already
   * taken the handler away (a window closed with the message shown). */
  if (error->watched != NULL && error->changed_id != 0 &&
      g_signal_handler_is_connected (error->watched, error->changed_id))
    g_signal_handler_disconnect (error->watched, error->changed_id);
  g_clear_object (&error->watched);
  if (error->holder != NULL && gtk_widget_get_parent (error->holder) != NULL)
    {
      GtkWidget *parent = gtk_widget_get_parent (error->holder);

      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), error->holder);
      else if (GTK_IS_BOX (parent))
        gtk_box_remove (GTK_BOX (parent), error->holder);
    }
  g_clear_object (&error->holder);
  g_free (error);
}

static void
field_changed_cb (GtkWidget *field)
{
  heard_field_error_clear (field);
}

/* Whatever signal says the field was changed by the person using it. */
static void
watch_field (FieldError *error)
{
  GObject *watched = G_OBJECT (error->field);
  const char *signal = NULL;

  if (GTK_IS_EDITABLE (error->field))
    signal = "changed";
  else if (GTK_IS_CHECK_BUTTON (error->field))
    signal = "toggled";
  else if (ADW_IS_COMBO_ROW (error->field))
    signal = "notify::selected";
  else if (GTK_IS_TEXT_VIEW (error->field))
    {
      watched = G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (error->field)));
      signal = "changed";
    }

  if (signal == NULL)
    return;

  error->watched = g_object_ref (watched);
  error->changed_id = g_signal_connect_object (watched, signal, G_CALLBACK (field_changed_cb),
                                               error->field,
                                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

static void
place_message (FieldError *error)
{
  GtkWidget *anchor = find_anchor (error->field);
  GtkWidget *parent = anchor != NULL ? gtk_widget_get_parent (anchor) : NULL;

  gtk_label_set_wrap (error->label, TRUE);
  gtk_label_set_wrap_mode (error->label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_ellipsize (error->label, PANGO_ELLIPSIZE_NONE);
  gtk_label_set_xalign (error->label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (error->label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (error->label), "field-error");

  if (GTK_IS_LIST_BOX (parent))
    {
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_widget_set_margin_start (GTK_WIDGET (error->label), 12);
      gtk_widget_set_margin_end (GTK_WIDGET (error->label), 12);
      gtk_widget_set_margin_top (GTK_WIDGET (error->label), 6);
      gtk_widget_set_margin_bottom (GTK_WIDGET (error->label), 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), GTK_WIDGET (error->label));
      gtk_list_box_insert (GTK_LIST_BOX (parent), row,
                           gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (anchor)) + 1);
      error->holder = g_object_ref (row);
    }
  else if (GTK_IS_BOX (parent))
    {
      error->holder = g_object_ref (GTK_WIDGET (error->label));
      gtk_box_insert_child_after (GTK_BOX (parent), error->holder, anchor);
    }
}

/* Says @message beside @field, marks @field as wrong, links the two for
 * screen readers and moves focus to @field. Showing a new message
 * replaces the old one; the next change to @field takes it away. */
void
heard_field_error_show (GtkWidget  *field,
                        const char *message)
{
  FieldError *error;

  g_return_if_fail (GTK_IS_WIDGET (field));
  g_return_if_fail (message != NULL);

  heard_field_error_clear (field);

  error = g_new0 (FieldError, 1);
  error->field = field;
  error->label = GTK_LABEL (gtk_label_new (message));
  place_message (error);
  if (error->holder == NULL)
    {
      /* Nowhere beside it to write: the label is kept for the link alone. */
      error->holder = g_object_ref_sink (GTK_WIDGET (error->label));
    }
  watch_field (error);
  g_object_set_qdata_full (G_OBJECT (field), field_error_quark (), error, field_error_free);

  gtk_widget_add_css_class (field, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (accessible_of (field)),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (accessible_of (field)),
                                  GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, error->label, -1);
  gtk_widget_grab_focus (field);
}

/* Takes away what heard_field_error_show() said about @field, if anything. */
void
heard_field_error_clear (GtkWidget *field)
{
  g_return_if_fail (GTK_IS_WIDGET (field));

  if (g_object_get_qdata (G_OBJECT (field), field_error_quark ()) == NULL)
    return;

  gtk_widget_remove_css_class (field, "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (accessible_of (field)),
                              GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (accessible_of (field)),
                                 GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE);
  g_object_set_qdata (G_OBJECT (field), field_error_quark (), NULL);
}

/* Shows @message beside @field, and sets @error to say it was shown there. */
void
heard_field_error_set (GError     **error,
                       GtkWidget   *field,
                       const char  *message)
{
  heard_field_error_show (field, message);
  g_set_error_literal (error, HEARD_FIELD_ERROR, HEARD_FIELD_ERROR_SHOWN, message);
}

/* The first message shown beside a field below @root, or NULL. */
const char *
heard_field_error_find (GtkWidget *root)
{
  GtkLabel *label;

  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  label = _heard_field_error_get_label (root);
  if (label != NULL)
    return gtk_label_get_text (label);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = heard_field_error_find (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The message shown beside @field, or NULL. */
GtkLabel *
_heard_field_error_get_label (GtkWidget *field)
{
  FieldError *error;

  g_return_val_if_fail (GTK_IS_WIDGET (field), NULL);

  error = g_object_get_qdata (G_OBJECT (field), field_error_quark ());
  return error != NULL ? error->label : NULL;
}

/* Checks the text @field shows, the text field @property of @draft, and
 * says beside @field what is wrong with it, naming it @name (an entry
 * row's own title when NULL); TRUE when nothing is. */
gboolean
heard_field_error_check_text (GtkWidget  *field,
                              GObject    *draft,
                              const char *property,
                              const char *name)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (field), FALSE);
  g_return_val_if_fail (name != NULL || ADW_IS_PREFERENCES_ROW (field), FALSE);

  if (name == NULL)
    name = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (field));

  if (heard_text_field_check (draft, property, name, &error))
    return TRUE;

  heard_field_error_show (field, error->message);
  return FALSE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-content-note"

#include "config.h"

#include "heard-accessibility.h"
#include "heard-clipboard.h"
#include "heard-content-note.h"

/*
 * Sensitive words stay collapsed behind a content note until someone
 * chooses to read them. Every view that holds such words (what is hard for
 * a young person, a sensitive statement, the dialogs that answer or amend
 * it) puts them in one of these, so they are hidden, revealed and hidden
 * again the same way everywhere, and copied out of it only as a secret that
 * does not linger on the clipboard. The words kept hidden are never measured:
 * they cannot widen a window before anyone chose to read them. Views that
 * audit a reading listen to notify::revealed.
 */

struct _HeardContentNote
{
  GtkWidget  parent_instance;

  GtkWidget *child;
  gboolean   framed;

  GtkStack  *stack;
  GtkWidget *note_box;
  GtkLabel  *heading_label;
  GtkLabel  *note_label;
  GtkButton *show_button;
  GtkWidget *shown_box;
  GtkWidget *hide_button;
};

G_DEFINE_FINAL_TYPE (HeardContentNote, heard_content_note, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HEADING,
  PROP_NOTE,
  PROP_SHOW_LABEL,
  PROP_CHILD,
  PROP_REVEALED,
  PROP_CAN_HIDE,
  PROP_FRAMED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_show_label (HeardContentNote *self,
                const char       *label)
{
  if (g_strcmp0 (gtk_button_get_label (self->show_button), label) == 0)
    return;

  gtk_button_set_label (self->show_button, label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LABEL]);
}

static void
set_framed (HeardContentNote *self,
            gboolean          framed)
{
  framed = !!framed;
  if (self->framed == framed)
    return;

  self->framed = framed;
  if (framed)
    gtk_widget_add_css_class (self->note_box, "card");
  else
    gtk_widget_remove_css_class (self->note_box, "card");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAMED]);
}

static void
show_clicked_cb (HeardContentNote *self)
{
  heard_content_note_set_revealed (self, TRUE);

  /* The button that had focus is gone: focus moves into what was shown. */
  if (gtk_widget_get_visible (self->hide_button))
    gtk_widget_grab_focus (self->hide_button);
  else if (self->child != NULL && gtk_widget_child_focus (self->child, GTK_DIR_TAB_FORWARD))
    {
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

      /* A selectable label selects all it holds as it takes focus: the
       * words revealed are there to be read, not highlighted. */
      if (GTK_IS_LABEL (focus) && gtk_label_get_selectable (GTK_LABEL (focus)))
        gtk_label_select_region (GTK_LABEL (focus), 0, 0);
    }
}

static void
hide_clicked_cb (HeardContentNote *self)
{
  heard_content_note_set_revealed (self, FALSE);
  /* The button that had focus is gone: give it to the one that reveals again. */
  gtk_widget_grab_focus (GTK_WIDGET (self->show_button));
}

static void
heard_content_note_dispose (GObject *object)
{
  HeardContentNote *self = HEARD_CONTENT_NOTE (object);

  self->child = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_CONTENT_NOTE);

  G_OBJECT_CLASS (heard_content_note_parent_class)->dispose (object);
}

static void
heard_content_note_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HeardContentNote *self = HEARD_CONTENT_NOTE (object);

  switch (prop_id)
    {
    case PROP_HEADING:
      g_value_set_string (value, heard_content_note_get_heading (self));
      break;

    case PROP_NOTE:
      g_value_set_string (value, heard_content_note_get_note (self));
      break;

    case PROP_SHOW_LABEL:
      g_value_set_string (value, gtk_button_get_label (self->show_button));
      break;

    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;

    case PROP_REVEALED:
      g_value_set_boolean (value, heard_content_note_get_revealed (self));
      break;

    case PROP_CAN_HIDE:
      g_value_set_boolean (value, heard_content_note_get_can_hide (self));
      break;

    case PROP_FRAMED:
      g_value_set_boolean (value, self->framed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_content_note_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HeardContentNote *self = HEARD_CONTENT_NOTE (object);

  switch (prop_id)
    {
    case PROP_HEADING:
      heard_content_note_set_heading (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      heard_content_note_set_note (self, g_value_get_string (value));
      break;

    case PROP_SHOW_LABEL:
      set_show_label (self, g_value_get_string (value));
      break;

    case PROP_CHILD:
      heard_content_note_set_child (self, g_value_get_object (value));
      break;

    case PROP_REVEALED:
      heard_content_note_set_revealed (self, g_value_get_boolean (value));
      break;

    case PROP_CAN_HIDE:
      heard_content_note_set_can_hide (self, g_value_get_boolean (value));
      break;

    case PROP_FRAMED:
      set_framed (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_content_note_class_init (HeardContentNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = heard_content_note_dispose;
  object_class->get_property = heard_content_note_get_property;
  object_class->set_property = heard_content_note_set_property;

  /* A first line above the note, or none. */
  properties[PROP_HEADING] = g_param_spec_string ("heading", NULL, NULL, NULL, flags);
  /* What the hidden words may hold, shown in their place. */
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  /* The mnemonic label of the button that reveals them. */
  properties[PROP_SHOW_LABEL] = g_param_spec_string ("show-label", NULL, NULL, NULL, flags);
  /* What is kept hidden. */
  properties[PROP_CHILD] = g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET, flags);
  /* Whether someone chose to read it (or there was nothing to hide). */
  properties[PROP_REVEALED] = g_param_spec_boolean ("revealed", NULL, NULL, FALSE, flags);
  /* Whether a "Hide Again" button follows what was revealed. */
  properties[PROP_CAN_HIDE] = g_param_spec_boolean ("can-hide", NULL, NULL, FALSE, flags);
  /* Whether the note stands in a card of its own. */
  properties[PROP_FRAMED] = g_param_spec_boolean ("framed", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-content-note.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardContentNote, stack);
  gtk_widget_class_bind_template_child (widget_class, HeardContentNote, note_box);
  gtk_widget_class_bind_template_child (widget_class, HeardContentNote, heading_label);
  gtk_widget_class_bind_template_child (widget_class, HeardContentNote, note_label);
  gtk_widget_class_bind_template_child (widget_class, HeardContentNote, show_button);
  gtk_widget_class_bind_template_child (widget_class, HeardContentNote, shown_box);
  gtk_widget_class_bind_template_child (widget_class, HeardContentNote, hide_button);
  gtk_widget_class_bind_template_callback (widget_class, show_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, hide_clicked_cb);
}

static void
heard_content_note_init (HeardContentNote *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_accessibility_name_mnemonics (GTK_WIDGET (self));
}

GtkWidget *
heard_content_note_new (void)
{
  return g_object_new (HEARD_TYPE_CONTENT_NOTE, NULL);
}

const char *
heard_content_note_get_heading (HeardContentNote *self)
{
  g_return_val_if_fail (HEARD_IS_CONTENT_NOTE (self), NULL);

  return gtk_label_get_text (self->heading_label);
}

void
heard_content_note_set_heading (HeardContentNote *self,
                                const char       *heading)
{
  g_return_if_fail (HEARD_IS_CONTENT_NOTE (self));

  if (g_strcmp0 (gtk_label_get_text (self->heading_label), heading != NULL ? heading : "") == 0)
    return;

  gtk_label_set_text (self->heading_label, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->heading_label), heading != NULL && *heading != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADING]);
}

const char *
heard_content_note_get_note (HeardContentNote *self)
{
  g_return_val_if_fail (HEARD_IS_CONTENT_NOTE (self), NULL);

  return gtk_label_get_text (self->note_label);
}

void
heard_content_note_set_note (HeardContentNote *self,
                             const char       *note)
{
  g_return_if_fail (HEARD_IS_CONTENT_NOTE (self));

  if (g_strcmp0 (gtk_label_get_text (self->note_label), note != NULL ? note : "") == 0)
    return;

  gtk_label_set_text (self->note_label, note);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

GtkWidget *
heard_content_note_get_child (HeardContentNote *self)
{
  g_return_val_if_fail (HEARD_IS_CONTENT_NOTE (self), NULL);

  return self->child;
}

void
heard_content_note_set_child (HeardContentNote *self,
                              GtkWidget        *child)
{
  g_return_if_fail (HEARD_IS_CONTENT_NOTE (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;

  if (self->child != NULL)
    gtk_box_remove (GTK_BOX (self->shown_box), self->child);
  self->child = child;
  if (child != NULL)
    gtk_box_prepend (GTK_BOX (self->shown_box), child);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

gboolean
heard_content_note_get_revealed (HeardContentNote *self)
{
  g_return_val_if_fail (HEARD_IS_CONTENT_NOTE (self), FALSE);

  return gtk_stack_get_visible_child (self->stack) == self->shown_box;
}

/* Shows the hidden child, or puts it back behind the note. */
/* Whatever is copied out of the words once shown is sensitive too. */
static void
guard_copies (GtkWidget *widget)
{
  if ((GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget))) ||
      GTK_IS_TEXT_VIEW (widget))
    heard_clipboard_set_copies_secret (widget, TRUE);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    guard_copies (child);
}

void
heard_content_note_set_revealed (HeardContentNote *self,
                                 gboolean          revealed)
{
  g_return_if_fail (HEARD_IS_CONTENT_NOTE (self));

  revealed = !!revealed;
  if (heard_content_note_get_revealed (self) == revealed)
    return;

  if (revealed)
    guard_copies (self->shown_box);
  gtk_stack_set_visible_child (self->stack, revealed ? self->shown_box : self->note_box);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}

gboolean
heard_content_note_get_can_hide (HeardContentNote *self)
{
  g_return_val_if_fail (HEARD_IS_CONTENT_NOTE (self), FALSE);

  return gtk_widget_get_visible (self->hide_button);
}

void
heard_content_note_set_can_hide (HeardContentNote *self,
                                 gboolean          can_hide)
{
  g_return_if_fail (HEARD_IS_CONTENT_NOTE (self));

  can_hide = !!can_hide;
  if (heard_content_note_get_can_hide (self) == can_hide)
    return;

  gtk_widget_set_visible (self->hide_button, can_hide);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_HIDE]);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-face-scale"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-face-scale.h"

/*
 * One check-in question in co-design mode, asked as a young person can
 * answer it at a glance: eleven faces from a frown (0) to a smile (10),
 * each with its number, words for the ends and the middle, then "Skip"
 * and "I'd rather not say". The faces are drawn in the text's own colour,
 * so they read in dark and high contrast too; they shrink to fit a
 * narrow window. For the keyboard the faces are one radio group: Tab
 * enters it on the face chosen (else on 0) and leaves it, the arrow keys
 * move along it and Home and End to its ends without choosing, and Space
 * or Enter chooses, so looking along it never changes an answer. "Skip"
 * and "I'd rather not say" are a Tab stop each, after the faces. A screen
 * reader hears the question, then each face as "7, Good".
 */

/* The faces 0 to HEARD_RATING_MAX, then these two. */
enum
{
  CHOICE_SKIP = HEARD_RATING_MAX + 1,
  CHOICE_RATHER_NOT_SAY,
  N_CHOICES
};

/* A face is drawn this big, and no smaller than FACE_MIN_SIZE when the
 * window is narrow. */
#define FACE_SIZE 30
#define FACE_MIN_SIZE 20

struct _HeardFaceScale
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkWidget *choices[N_CHOICES];
  GtkLabel  *chosen_label;
};

G_DEFINE_FINAL_TYPE (HeardFaceScale, heard_face_scale, GTK_TYPE_WIDGET)

/* Rising steadily, each a step above the one before, the ends alike: so
 * the word always agrees with the face and the number. */
static const char *const words[HEARD_RATING_MAX + 1] = {
  NC_("co-design", "The worst"),
  NC_("co-design", "Really bad"),
  NC_("co-design", "Very bad"),
  NC_("co-design", "Bad"),
  NC_("co-design", "Not so good"),
  NC_("co-design", "OK"),
  NC_("co-design", "Quite good"),
  NC_("co-design", "Good"),
  NC_("co-design", "Very good"),
  NC_("co-design", "Really good"),
  NC_("co-design", "The best"),
};

static const char *
get_word (guint value)
{
  return g_dpgettext2 (NULL, "co-design", words[value]);
}

/* A face in the colour of the text around it: its mouth curves from a
 * frown at 0, through a straight line at the middle, to a smile. */
static void
draw_face (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  double value = GPOINTER_TO_UINT (user_data);
  double curve = (value - HEARD_RATING_MAX / 2.0) / (HEARD_RATING_MAX / 2.0);
  double r = MIN (width, height) / 2.0 - 1.5;
  double cx = width / 2.0;
  double cy = height / 2.0;
  double mouth_y = cy + r * (0.4 - 0.12 * curve);
  GdkRGBA color;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, 2);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_stroke (cr);

  cairo_arc (cr, cx - r * 0.35, cy - r * 0.25, r * 0.11, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_arc (cr, cx + r * 0.35, cy - r * 0.25, r * 0.11, 0, 2 * G_PI);
  cairo_fill (cr);

  cairo_move_to (cr, cx - r * 0.45, mouth_y);
  cairo_curve_to (cr, cx - r * 0.2, mouth_y + curve * r * 0.35,
                  cx + r * 0.2, mouth_y + curve * r * 0.35, cx + r * 0.45, mouth_y);
  cairo_stroke (cr);
}

static int
get_chosen (HeardFaceScale *self)
{
  for (int i = 0; i < N_CHOICES; i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->choices[i])))
      return i;

  return CHOICE_SKIP;
}

static void
chosen_cb (HeardFaceScale *self)
{
  int chosen = get_chosen (self);
  g_autofree char *text = NULL;

  if (chosen <= HEARD_RATING_MAX)
    /* TRANSLATORS: the number they chose on the face scale, then its word */
    text = g_strdup_printf (C_("co-design", "%d: %s"), chosen, get_word (chosen));
  gtk_label_set_label (self->chosen_label, text != NULL ? text : "");
}

static GtkWidget *
new_choice (HeardFaceScale *self,
            int             index,
            GtkWidget      *child)
{
  GtkWidget *button = gtk_toggle_button_new ();

  if (child != NULL)
    gtk_button_set_child (GTK_BUTTON (button), child);
  else
    gtk_button_set_use_underline (GTK_BUTTON (button), TRUE);
  if (index > 0)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                 GTK_TOGGLE_BUTTON (self->choices[0]));
  g_signal_connect_object (button, "toggled", G_CALLBACK (chosen_cb), self, G_CONNECT_SWAPPED);
  self->choices[index] = button;

  return button;
}

static GtkWidget *
new_face (HeardFaceScale *self,
          guint           value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *face = gtk_drawing_area_new ();
  g_autofree char *number = g_strdup_printf ("%u", value);
  /* TRANSLATORS: a choice on the face scale as a screen reader says it: its number, then its word */
  g_autofree char *name = g_strdup_printf (C_("co-design", "%u, %s"), value, get_word (value));
  GtkWidget *button;

  /* As wide as the face's share of the row: drawn as big as fits. */
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (face), FACE_MIN_SIZE);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (face), FACE_SIZE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (face), draw_face, GUINT_TO_POINTER (value),
                                  NULL);
  gtk_box_append (GTK_BOX (box), face);
  gtk_box_append (GTK_BOX (box), gtk_label_new (number));

  button = new_choice (self, value, box);
  gtk_widget_add_css_class (button, "face");
  gtk_widget_set_tooltip_text (button, get_word (value));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);

  return button;
}

static GtkWidget *
new_word (const char *text,
          float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_add_css_class (label, "dim-label");
  /* Each face says its own word: these would only repeat three. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  return label;
}

static int
find_focused (HeardFaceScale *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (int i = 0; focus != NULL && i < N_CHOICES; i++)
    if (focus == self->choices[i] || gtk_widget_is_ancestor (focus, self->choices[i]))
      return i;

  return -1;
}

/* Where Tab lands in the faces: on the face chosen, else on the first. */
static gboolean
focus_faces (HeardFaceScale *self)
{
  int chosen = get_chosen (self);

  return gtk_widget_grab_focus (self->choices[chosen <= HEARD_RATING_MAX ? chosen : 0]);
}

/* Tab and Shift+Tab: the faces, then Skip, then "I'd rather not say";
 * the arrows: along the faces, or between the other two. Moving never
 * chooses. */
static gboolean
heard_face_scale_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  HeardFaceScale *self = HEARD_FACE_SCALE (widget);
  int focused = find_focused (self);
  int step;
  int next;

  if (focused < 0)
    return direction == GTK_DIR_TAB_BACKWARD
           ? gtk_widget_grab_focus (self->choices[CHOICE_RATHER_NOT_SAY])
           : focus_faces (self);

  switch (direction)
    {
    case GTK_DIR_TAB_FORWARD:
      if (focused == CHOICE_RATHER_NOT_SAY)
        return FALSE;
      return gtk_widget_grab_focus (self->choices[MAX (focused + 1, CHOICE_SKIP)]);
    case GTK_DIR_TAB_BACKWARD:
      if (focused <= HEARD_RATING_MAX)
        return FALSE;
      return focused == CHOICE_SKIP ? focus_faces (self)
             : gtk_widget_grab_focus (self->choices[CHOICE_SKIP]);
    case GTK_DIR_LEFT:
      step = -1;
      break;
    case GTK_DIR_RIGHT:
      step = 1;
      break;
    case GTK_DIR_UP:
    case GTK_DIR_DOWN:
    default:
      return FALSE;
    }
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    step = -step;

  /* The ends keep the focus, as the ends of a slider do. */
  next = focused <= HEARD_RATING_MAX ? CLAMP (focused + step, 0, HEARD_RATING_MAX)
         : CLAMP (focused + step, CHOICE_SKIP, CHOICE_RATHER_NOT_SAY);
  return gtk_widget_grab_focus (self->choices[next]);
}

/* Home and End: to the first face and the last, without choosing. */
static gboolean
jump_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  HeardFaceScale *self = HEARD_FACE_SCALE (widget);
  int focused = find_focused (self);

  if (focused < 0 || focused > HEARD_RATING_MAX)
    return FALSE;

  return gtk_widget_grab_focus (self->choices[g_variant_get_int32 (args)]);
}

static gboolean
heard_face_scale_grab_focus (GtkWidget *widget)
{
  return focus_faces (HEARD_FACE_SCALE (widget));
}

static void
heard_face_scale_dispose (GObject *object)
{
  HeardFaceScale *self = HEARD_FACE_SCALE (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (heard_face_scale_parent_class)->dispose (object);
}

static void
heard_face_scale_class_init (HeardFaceScaleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_face_scale_dispose;
  widget_class->focus = heard_face_scale_focus;
  widget_class->grab_focus = heard_face_scale_grab_focus;
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, 0, jump_cb, "i", 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Home, 0, jump_cb, "i", 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_End, 0, jump_cb, "i", HEARD_RATING_MAX);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_End, 0, jump_cb, "i", HEARD_RATING_MAX);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "facescale");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
heard_face_scale_init (HeardFaceScale *self)
{
  GtkWidget *faces = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *ends = gtk_center_box_new ();
  GtkWidget *others = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *button;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_box_set_homogeneous (GTK_BOX (faces), TRUE);
  for (guint value = 0; value <= HEARD_RATING_MAX; value++)
    gtk_box_append (GTK_BOX (faces), new_face (self, value));
  gtk_box_append (GTK_BOX (self->box), faces);

  gtk_center_box_set_start_widget (GTK_CENTER_BOX (ends), new_word (get_word (0), 0));
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (ends),
                                    new_word (get_word (HEARD_RATING_MAX / 2), 0.5));
  gtk_center_box_set_end_widget (GTK_CENTER_BOX (ends),
                                 new_word (get_word (HEARD_RATING_MAX), 1));
  gtk_box_append (GTK_BOX (self->box), ends);

  button = new_choice (self, CHOICE_SKIP, NULL);
  gtk_button_set_label (GTK_BUTTON (button), C_("co-design", "S_kip"));
  gtk_box_append (GTK_BOX (others), button);
  button = new_choice (self, CHOICE_RATHER_NOT_SAY, NULL);
  gtk_button_set_label (GTK_BUTTON (button), C_("co-design", "I’d _rather not say"));
  gtk_box_append (GTK_BOX (others), button);
  heard_accessibility_name_mnemonics (others);
  self->chosen_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->chosen_label), TRUE);
  gtk_label_set_xalign (self->chosen_label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->chosen_label), "heading");
  gtk_box_append (GTK_BOX (others), GTK_WIDGET (self->chosen_label));
  gtk_box_append (GTK_BOX (self->box), others);

  /* Skipped until they choose. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->choices[CHOICE_SKIP]), TRUE);
}

GtkWidget *
heard_face_scale_new (const char *question)
{
  HeardFaceScale *self;
  GtkWidget *label;

  g_return_val_if_fail (question != NULL, NULL);

  self = g_object_new (HEARD_TYPE_FACE_SCALE, NULL);
  label = gtk_label_new (question);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "title-4");
  gtk_box_prepend (GTK_BOX (self->box), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, question,
                                  -1);

  return GTK_WIDGET (self);
}

void
heard_face_scale_get_rating (HeardFaceScale *self,
                             HeardRating    *rating)
{
  int chosen;

  g_return_if_fail (HEARD_IS_FACE_SCALE (self));
  g_return_if_fail (rating != NULL);

  chosen = get_chosen (self);
  rating->state = chosen <= HEARD_RATING_MAX ? HEARD_RATING_GIVEN
                  : chosen == CHOICE_RATHER_NOT_SAY ? HEARD_RATING_RATHER_NOT_SAY
                  : HEARD_RATING_SKIPPED;
  rating->value = chosen <= HEARD_RATING_MAX ? (guint) chosen : 0;
}

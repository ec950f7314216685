/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-columns-layout"

#include "config.h"

#include "heard-columns-layout.h"

/*
 * Columns that belong together (a plan's "worried about", "working well"
 * and "needs to happen") stand all side by side where each can be at least
 * min-column-width wide, and all one above the other where they cannot:
 * never two beside each other and the third alone under them, which leaves
 * a hole and breaks the reading order. libadwaita 1.2 has no breakpoints,
 * and a GtkFlowBox wraps as it fits, so the choice is made here, from the
 * width the widget is given. Its minimum width is that of the widest
 * column alone, so the columns never hold a window open.
 */

struct _HeardColumnsLayout
{
  GtkLayoutManager parent_instance;

  int              min_column_width;
  int              spacing;
};

G_DEFINE_FINAL_TYPE (HeardColumnsLayout, heard_columns_layout, GTK_TYPE_LAYOUT_MANAGER)

enum {
  PROP_0,
  PROP_MIN_COLUMN_WIDTH,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
count_visible (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      n++;

  return n;
}

/* Whether @n columns stand side by side in @width. */
static gboolean
side_by_side (HeardColumnsLayout *self,
              guint               n,
              int                 width)
{
  return n > 1 && width >= (int) n * self->min_column_width + ((int) n - 1) * self->spacing;
}

/* Each column's width when @n share @width side by side. */
static int
column_width (HeardColumnsLayout *self,
              guint               n,
              int                 width)
{
  return (width - ((int) n - 1) * self->spacing) / (int) n;
}

static void
heard_columns_layout_measure (GtkLayoutManager *manager,
                              GtkWidget        *widget,
                              GtkOrientation    orientation,
                              int               for_size,
                              int              *minimum,
                              int              *natural,
                              int              *minimum_baseline,
                              int              *natural_baseline)
{
  HeardColumnsLayout *self = HEARD_COLUMNS_LAYOUT (manager);
  guint n = count_visible (widget);
  gboolean across = orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0 &&
                    side_by_side (self, n, for_size);
  int child_for_size = across ? column_width (self, n, for_size) : for_size;
  int min = 0, nat = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, orientation, child_for_size, &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* One above the other at the least; side by side at best. */
          min = MAX (min, child_min);
          nat += MAX (child_nat, self->min_column_width);
        }
      else if (across)
        {
          min = MAX (min, child_min);
          nat = MAX (nat, child_nat);
        }
      else
        {
          min += child_min;
          nat += child_nat;
        }
    }

  if (n > 1 && (orientation == GTK_ORIENTATION_HORIZONTAL || !across))
    nat += ((int) n - 1) * self->spacing;
  if (n > 1 && orientation == GTK_ORIENTATION_VERTICAL && !across)
    min += ((int) n - 1) * self->spacing;

  *minimum = min;
  *natural = MAX (min, nat);
  *minimum_baseline = -1;
  *natural_baseline = -1;
}

static void
heard_columns_layout_allocate (GtkLayoutManager *manager,
                               GtkWidget        *widget,
                               int               width,
                               int               height,
                               int               baseline)
{
  HeardColumnsLayout *self = HEARD_COLUMNS_LAYOUT (manager);
  guint n = count_visible (widget);
  gboolean across = side_by_side (self, n, width);
  int each = across ? column_width (self, n, width) : width;
  int x = 0, y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkAllocation allocation;
      int child_height, unused;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, each, &child_height, &unused, NULL,
                          NULL);
      allocation.x = x;
      allocation.y = y;
      allocation.width = each;
      /* Side by side, every column is as tall as the row, so their cards line up. */
      allocation.height = across ? height : child_height;
      gtk_widget_size_allocate (child, &allocation, -1);

      if (across)
        x += each + self->spacing;
      else
        y += child_height + self->spacing;
    }
}

static void
set_min_column_width (HeardColumnsLayout *self,
                      int                 width)
{
  if (self->min_column_width == width)
    return;

  self->min_column_width = width;
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_COLUMN_WIDTH]);
}

static void
set_spacing (HeardColumnsLayout *self,
             int                 spacing)
{
  if (self->spacing == spacing)
    return;

  self->spacing = spacing;
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

static void
heard_columns_layout_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HeardColumnsLayout *self = HEARD_COLUMNS_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_MIN_COLUMN_WIDTH:
      g_value_set_int (value, self->min_column_width);
      break;

    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_columns_layout_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  HeardColumnsLayout *self = HEARD_COLUMNS_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_MIN_COLUMN_WIDTH:
      set_min_column_width (self, g_value_get_int (value));
      break;

    case PROP_SPACING:
      set_spacing (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_columns_layout_class_init (HeardColumnsLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = heard_columns_layout_get_property;
  object_class->set_property = heard_columns_layout_set_property;
  layout_class->measure = heard_columns_layout_measure;
  layout_class->allocate = heard_columns_layout_allocate;

  /* The narrowest a column may be for the columns to stand side by side. */
  properties[PROP_MIN_COLUMN_WIDTH] = g_param_spec_int ("min-column-width", NULL, NULL,
                                                        0, G_MAXINT, 200, flags);
  /* The gap between columns, across or down. */
  properties[PROP_SPACING] = g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 12, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_columns_layout_init (HeardColumnsLayout *self)
{
  self->min_column_width = 200;
  self->spacing = 12;
}

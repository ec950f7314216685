/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-cluster-numbers-group"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-cluster-numbers-dialog.h"
#include "heard-cluster-numbers-group.h"

/*
 * The cluster prompt's three numbers in Preferences, read from the records
 * (not per-user settings), with Change… asking a supervisor to sign a new
 * set. Read again once a change is saved.
 */

struct _HeardClusterNumbersGroup
{
  AdwPreferencesGroup  parent_instance;

  HeardContext        *context;
  GCancellable        *cancellable;
  HeardClusterNumbers  numbers;

  GtkWidget           *change_button;
  AdwActionRow        *signs_row;
  AdwActionRow        *agencies_row;
  AdwActionRow        *days_row;
};

G_DEFINE_FINAL_TYPE (HeardClusterNumbersGroup, heard_cluster_numbers_group,
                     ADW_TYPE_PREFERENCES_GROUP)

static void load (HeardClusterNumbersGroup *self);

static void
show_number (AdwActionRow *row,
             guint         number)
{
  g_autofree char *text = g_strdup_printf ("%u", number);

  adw_action_row_set_subtitle (row, text);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  HeardClusterNumbersGroup *self;
  HeardClusterNumbers numbers;
  g_autoptr(GError) error = NULL;

  if (!heard_context_get_cluster_numbers_finish (HEARD_CONTEXT (object), result, &numbers,
                                                 &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the cluster numbers: %s", error->message);
      return;
    }

  self = HEARD_CLUSTER_NUMBERS_GROUP (user_data);
  self->numbers = numbers;
  show_number (self->signs_row, numbers.min_signs);
  show_number (self->agencies_row, numbers.min_agencies);
  show_number (self->days_row, numbers.max_span_days);
  gtk_widget_set_sensitive (self->change_button, TRUE);
}

static void
load (HeardClusterNumbersGroup *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->context == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  heard_context_get_cluster_numbers_async (self->context, self->cancellable, loaded_cb, self);
}

static void
change_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HeardClusterNumbersGroup *self = HEARD_CLUSTER_NUMBERS_GROUP (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  HeardClusterNumbersDialog *dialog;

  if (self->context == NULL)
    return;

  dialog = heard_cluster_numbers_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                             self->context, &self->numbers);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (load), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
let_go (HeardClusterNumbersGroup *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
}

/* Out of its window, it holds no records: GTK may keep a widget a while. */
static void
heard_cluster_numbers_group_unroot (GtkWidget *widget)
{
  let_go (HEARD_CLUSTER_NUMBERS_GROUP (widget));

  GTK_WIDGET_CLASS (heard_cluster_numbers_group_parent_class)->unroot (widget);
}

static void
heard_cluster_numbers_group_dispose (GObject *object)
{
  HeardClusterNumbersGroup *self = HEARD_CLUSTER_NUMBERS_GROUP (object);

  let_go (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_CLUSTER_NUMBERS_GROUP);

  G_OBJECT_CLASS (heard_cluster_numbers_group_parent_class)->dispose (object);
}

static void
heard_cluster_numbers_group_class_init (HeardClusterNumbersGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_cluster_numbers_group_dispose;
  widget_class->unroot = heard_cluster_numbers_group_unroot;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-cluster-numbers-group.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardClusterNumbersGroup, change_button);
  gtk_widget_class_bind_template_child (widget_class, HeardClusterNumbersGroup, signs_row);
  gtk_widget_class_bind_template_child (widget_class, HeardClusterNumbersGroup, agencies_row);
  gtk_widget_class_bind_template_child (widget_class, HeardClusterNumbersGroup, days_row);
  gtk_widget_class_install_action (widget_class, "cluster-numbers.change", NULL, change_action);
}

static void
heard_cluster_numbers_group_init (HeardClusterNumbersGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
heard_cluster_numbers_group_set_context (HeardClusterNumbersGroup *self,
                                         HeardContext             *context)
{
  g_return_if_fail (HEARD_IS_CLUSTER_NUMBERS_GROUP (self));
  g_return_if_fail (context == NULL || HEARD_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  load (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-cluster-strip"

#include "config.h"

#include "heard-cluster-decision-dialog.h"
#include "heard-cluster-strip.h"

/*
 * The cluster prompt on the young person's page: a calm strip, never a
 * score or a level, that names the agencies and the signs that gathered
 * and suggests a multi-agency strategy discussion, with a way to record
 * what was decided. libadwaita 1.2 has no AdwBanner, so it is a revealer.
 * It shows the case file's open clusters as they are: a decision clears
 * it, and a new sign that makes a new cluster brings it back.
 */

struct _HeardClusterStrip
{
  AdwBin         parent_instance;

  HeardCaseFile *case_file;
  GListModel    *clusters;

  GtkWidget     *strip;
  GtkLabel      *label;
};

G_DEFINE_FINAL_TYPE (HeardClusterStrip, heard_cluster_strip, ADW_TYPE_BIN)

static void
clusters_changed_cb (HeardClusterStrip *self)
{
  guint n = self->clusters != NULL ? g_list_model_get_n_items (self->clusters) : 0;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeardOpenCluster) cluster = g_list_model_get_item (self->clusters, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, heard_open_cluster_get_description (cluster));
    }

  gtk_label_set_text (self->label, text->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->strip),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
  /* The bin's own child, not a template child: the bin lets go of it. */
  gtk_revealer_set_reveal_child (GTK_REVEALER (adw_bin_get_child (ADW_BIN (self))), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
}

/* The decision covers the oldest gathering first; the strip stays for the
 * next until each has one. */
static void
decide_clicked_cb (HeardClusterStrip *self)
{
  g_autoptr(HeardOpenCluster) cluster = NULL;
  HeardClusterDecisionDialog *dialog;

  if (self->clusters == NULL || g_list_model_get_n_items (self->clusters) == 0)
    return;

  cluster = g_list_model_get_item (self->clusters, 0);
  dialog = heard_cluster_decision_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              self->case_file, cluster);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
heard_cluster_strip_dispose (GObject *object)
{
  HeardClusterStrip *self = HEARD_CLUSTER_STRIP (object);

  heard_cluster_strip_set_case_file (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_CLUSTER_STRIP);

  G_OBJECT_CLASS (heard_cluster_strip_parent_class)->dispose (object);
}

static void
heard_cluster_strip_class_init (HeardClusterStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_cluster_strip_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-cluster-strip.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardClusterStrip, strip);
  gtk_widget_class_bind_template_child (widget_class, HeardClusterStrip, label);
  gtk_widget_class_bind_template_callback (widget_class, decide_clicked_cb);
}

static void
heard_cluster_strip_init (HeardClusterStrip *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  clusters_changed_cb (self);
}

/* Shows the open clusters of @case_file (NULL: none). */
void
heard_cluster_strip_set_case_file (HeardClusterStrip *self,
                                   HeardCaseFile     *case_file)
{
  g_return_if_fail (HEARD_IS_CLUSTER_STRIP (self));
  g_return_if_fail (case_file == NULL || HEARD_IS_CASE_FILE (case_file));

  if (self->clusters != NULL)
    g_signal_handlers_disconnect_by_data (self->clusters, self);
  g_clear_object (&self->clusters);
  g_set_object (&self->case_file, case_file);
  if (case_file != NULL)
    {
      self->clusters = g_object_ref (heard_case_file_get_open_clusters (case_file));
      g_signal_connect_object (self->clusters, "items-changed", G_CALLBACK (clusters_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  if (self->label != NULL)
    clusters_changed_cb (self);
}

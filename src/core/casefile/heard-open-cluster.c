/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-open-cluster"

#include "config.h"

#include <string.h>

#include "heard-open-cluster.h"

/*
 * A gathering of early warning signs that still waits for a decision, as
 * the young person's page shows it: the rule's cluster (its signs and
 * agencies) and the words that name them. An object, so that a list model
 * can hold it and a view bind to it; it never changes once made.
 */

struct _HeardOpenCluster
{
  GObject       parent_instance;

  HeardCluster *cluster;
  char         *description;
};

G_DEFINE_FINAL_TYPE (HeardOpenCluster, heard_open_cluster, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
heard_open_cluster_finalize (GObject *object)
{
  HeardOpenCluster *self = HEARD_OPEN_CLUSTER (object);

  g_clear_pointer (&self->cluster, heard_cluster_free);
  g_free (self->description);

  G_OBJECT_CLASS (heard_open_cluster_parent_class)->finalize (object);
}

static void
heard_open_cluster_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HeardOpenCluster *self = HEARD_OPEN_CLUSTER (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_open_cluster_class_init (HeardOpenClusterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = heard_open_cluster_finalize;
  object_class->get_property = heard_open_cluster_get_property;

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_open_cluster_init (HeardOpenCluster *self)
{
}

/* Takes @cluster. */
HeardOpenCluster *
heard_open_cluster_new (HeardCluster *cluster,
                        const char   *description)
{
  HeardOpenCluster *self;

  g_return_val_if_fail (cluster != NULL, NULL);

  self = g_object_new (HEARD_TYPE_OPEN_CLUSTER, NULL);
  self->cluster = cluster;
  self->description = g_strdup (description);

  return self;
}

const HeardCluster *
heard_open_cluster_get_cluster (HeardOpenCluster *self)
{
  g_return_val_if_fail (HEARD_IS_OPEN_CLUSTER (self), NULL);

  return self->cluster;
}

const char *
heard_open_cluster_get_description (HeardOpenCluster *self)
{
  g_return_val_if_fail (HEARD_IS_OPEN_CLUSTER (self), NULL);

  return self->description;
}

gboolean
heard_open_cluster_equal (HeardOpenCluster *self,
                          HeardOpenCluster *other)
{
  GArray *a, *b;

  g_return_val_if_fail (HEARD_IS_OPEN_CLUSTER (self), FALSE);
  g_return_val_if_fail (HEARD_IS_OPEN_CLUSTER (other), FALSE);

  a = self->cluster->sign_ids;
  b = other->cluster->sign_ids;
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0 &&
         g_strcmp0 (self->description, other->description) == 0;
}

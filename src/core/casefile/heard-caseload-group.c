/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-caseload-group"

#include "config.h"

#include "heard-caseload-group-private.h"

/*
 * One section of the caseload overview ("Reviews Overdue", …) with what
 * falls under it, as an object the caseload model can list and a view can
 * keep while the section stays as it is.
 */

struct _HeardCaseloadGroup
{
  GObject    parent_instance;

  char      *title;
  GPtrArray *items;
};

G_DEFINE_FINAL_TYPE (HeardCaseloadGroup, heard_caseload_group, G_TYPE_OBJECT)

static void
heard_caseload_group_finalize (GObject *object)
{
  HeardCaseloadGroup *self = HEARD_CASELOAD_GROUP (object);

  g_free (self->title);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (heard_caseload_group_parent_class)->finalize (object);
}

static void
heard_caseload_group_class_init (HeardCaseloadGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = heard_caseload_group_finalize;
}

static void
heard_caseload_group_init (HeardCaseloadGroup *self)
{
}

const char *
heard_caseload_group_get_title (HeardCaseloadGroup *self)
{
  g_return_val_if_fail (HEARD_IS_CASELOAD_GROUP (self), NULL);

  return self->title;
}

guint
heard_caseload_group_get_n_open_items (HeardCaseloadGroup *self)
{
  g_return_val_if_fail (HEARD_IS_CASELOAD_GROUP (self), 0);

  return self->items->len;
}

HeardOpenItem *
heard_caseload_group_get_open_item (HeardCaseloadGroup *self,
                                    guint               position)
{
  g_return_val_if_fail (HEARD_IS_CASELOAD_GROUP (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return g_ptr_array_index (self->items, position);
}

gboolean
heard_caseload_group_equal (HeardCaseloadGroup *self,
                            HeardCaseloadGroup *other)
{
  g_return_val_if_fail (HEARD_IS_CASELOAD_GROUP (self), FALSE);
  g_return_val_if_fail (HEARD_IS_CASELOAD_GROUP (other), FALSE);

  if (g_strcmp0 (self->title, other->title) != 0 || self->items->len != other->items->len)
    return FALSE;

  for (guint i = 0; i < self->items->len; i++)
    if (!heard_open_item_equal (g_ptr_array_index (self->items, i),
                           g_ptr_array_index (other->items, i)))
      return FALSE;

  return TRUE;
}

HeardCaseloadGroup *
_heard_caseload_group_new (char      *title,
                           GPtrArray *items)
{
  HeardCaseloadGroup *self = g_object_new (HEARD_TYPE_CASELOAD_GROUP, NULL);

  self->title = title;
  self->items = items;

  return self;
}

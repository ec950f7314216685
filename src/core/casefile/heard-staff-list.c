/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-staff-list"

#include "config.h"

#include "heard-live-list-private.h"
#include "heard-staff-list-private.h"
#include "heard-store-staff.h"

/*
 * The staff set up in the records, as one live list that Preferences and
 * every signature group share: a HeardLiveList that reads the staff again
 * whenever the store says a member of staff changed. A member who did not
 * change keeps their object (and a view its row).
 */

struct _HeardStaffList
{
  HeardLiveList parent_instance;
};

G_DEFINE_FINAL_TYPE (HeardStaffList, heard_staff_list, HEARD_TYPE_LIVE_LIST)

static void
heard_staff_list_read_async (HeardLiveList       *list,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  heard_store_list_staff_async (_heard_live_list_get_store (list), cancellable, callback,
                                user_data);
}

static GPtrArray *
heard_staff_list_read_finish (GObject       *store,
                              GAsyncResult  *result,
                              GError       **error)
{
  return heard_store_list_staff_finish (HEARD_STORE (store), result, error);
}

static gboolean
heard_staff_list_follows (HeardLiveList   *list,
                          HeardRecordKind  kind)
{
  return kind == HEARD_RECORD_KIND_STAFF;
}

/* A member listed stays as they are; a renamed one is listed anew, so that
 * nobody's name changes under a row that shows it. */
static gboolean
heard_staff_list_same (gpointer listed,
                       gpointer fresh)
{
  return heard_staff_get_id (listed) == heard_staff_get_id (fresh) &&
         heard_staff_get_role (listed) == heard_staff_get_role (fresh) &&
         g_strcmp0 (heard_staff_get_name (listed), heard_staff_get_name (fresh)) == 0;
}

static void
heard_staff_list_class_init (HeardStaffListClass *klass)
{
  HeardLiveListClass *list_class = HEARD_LIVE_LIST_CLASS (klass);

  list_class->item_type = HEARD_TYPE_STAFF;
  list_class->read_async = heard_staff_list_read_async;
  list_class->read_finish = heard_staff_list_read_finish;
  list_class->follows = heard_staff_list_follows;
  list_class->same = heard_staff_list_same;
}

static void
heard_staff_list_init (HeardStaffList *self)
{
}

HeardStaffList *
_heard_staff_list_new (void)
{
  return g_object_new (HEARD_TYPE_STAFF_LIST, NULL);
}

gboolean
heard_staff_list_get_loaded (HeardStaffList *self)
{
  g_return_val_if_fail (HEARD_IS_STAFF_LIST (self), FALSE);

  return heard_live_list_get_loaded (HEARD_LIVE_LIST (self));
}

/* The first listed with @role (the caseworker is the only one), or NULL. */
HeardStaff *
heard_staff_list_find_by_role (HeardStaffList *self,
                               HeardStaffRole  role)
{
  guint n;

  g_return_val_if_fail (HEARD_IS_STAFF_LIST (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeardStaff) member = g_list_model_get_item (G_LIST_MODEL (self), i);

      if (heard_staff_get_role (member) == role)
        return member;
    }

  return NULL;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-caseload-model"

#include "config.h"

#include "heard-store-open-items.h"
#include "heard-caseload-group-private.h"
#include "heard-caseload-model-private.h"
#include "heard-live-list-private.h"

/*
 * The caseload overview as a live model: what needs attention across every
 * young person. The sections are worked out again off the main thread
 * after every write to the records, whoever made it, and once a day just
 * after midnight, when dates move on and an action becomes overdue without
 * anyone writing anything. A section that stays as it was keeps its object,
 * so a view rebuilds only what changed.
 */

struct _HeardCaseloadModel
{
  HeardLiveList parent_instance;

  guint         midnight_source;
};

G_DEFINE_FINAL_TYPE (HeardCaseloadModel, heard_caseload_model, HEARD_TYPE_LIVE_LIST)

static void
heard_caseload_model_read_async (HeardLiveList       *list,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  heard_store_load_caseload_async (_heard_live_list_get_store (list), cancellable, callback,
                                   user_data);
}

/* The sections that have something in them, as groups. */
static GPtrArray *
heard_caseload_model_read_finish (GObject       *store,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) groups = NULL;

  sections = heard_store_load_caseload_finish (HEARD_STORE (store), result, error);
  if (sections == NULL)
    return NULL;

  groups = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < sections->len; i++)
    {
      HeardCaseloadSection *section = g_ptr_array_index (sections, i);

      if (section->items->len == 0)
        continue;

      g_ptr_array_add (groups, _heard_caseload_group_new (g_steal_pointer (&section->title),
                                                          g_steal_pointer (&section->items)));
    }

  return g_steal_pointer (&groups);
}

/* Every write may move something into or out of a section. */
static gboolean
heard_caseload_model_follows (HeardLiveList   *list,
                              HeardRecordKind  kind)
{
  return TRUE;
}

/* A section that says what it said keeps its object. */
static gboolean
heard_caseload_model_same (gpointer listed,
                           gpointer fresh)
{
  return heard_caseload_group_equal (listed, fresh);
}

static void watch_midnight (HeardCaseloadModel *self);

static gboolean
midnight_cb (gpointer user_data)
{
  HeardCaseloadModel *self = user_data;

  self->midnight_source = 0;
  _heard_live_list_read (HEARD_LIVE_LIST (self));
  watch_midnight (self);

  return G_SOURCE_REMOVE;
}

/* Dates move on at midnight, local time: a review falls due, an action
 * becomes overdue. A second late, to be sure it is the new day. */
static void
watch_midnight (HeardCaseloadModel *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now),
                                                      0, 0, 0);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);
  GTimeSpan wait = g_date_time_difference (tomorrow, now);

  self->midnight_source = g_timeout_add_seconds ((guint) (wait / G_TIME_SPAN_SECOND) + 1,
                                                 midnight_cb, self);
  g_source_set_name_by_id (self->midnight_source, "[heard] caseload at midnight");
}

static void
heard_caseload_model_dispose (GObject *object)
{
  HeardCaseloadModel *self = HEARD_CASELOAD_MODEL (object);

  g_clear_handle_id (&self->midnight_source, g_source_remove);

  G_OBJECT_CLASS (heard_caseload_model_parent_class)->dispose (object);
}

static void
heard_caseload_model_class_init (HeardCaseloadModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HeardLiveListClass *list_class = HEARD_LIVE_LIST_CLASS (klass);

  object_class->dispose = heard_caseload_model_dispose;

  list_class->item_type = HEARD_TYPE_CASELOAD_GROUP;
  list_class->read_async = heard_caseload_model_read_async;
  list_class->read_finish = heard_caseload_model_read_finish;
  list_class->follows = heard_caseload_model_follows;
  list_class->same = heard_caseload_model_same;
}

static void
heard_caseload_model_init (HeardCaseloadModel *self)
{
}

HeardCaseloadModel *
_heard_caseload_model_new (void)
{
  return g_object_new (HEARD_TYPE_CASELOAD_MODEL, NULL);
}

/* Works out the sections from @store and follows its changes and the
 * days; NULL empties the model. */
void
_heard_caseload_model_set_store (HeardCaseloadModel *self,
                                 HeardStore         *store)
{
  g_return_if_fail (HEARD_IS_CASELOAD_MODEL (self));
  g_return_if_fail (store == NULL || HEARD_IS_STORE (store));

  g_clear_handle_id (&self->midnight_source, g_source_remove);
  _heard_live_list_set_store (HEARD_LIVE_LIST (self), store);
  if (store != NULL)
    watch_midnight (self);
}

gboolean
heard_caseload_model_get_loaded (HeardCaseloadModel *self)
{
  g_return_val_if_fail (HEARD_IS_CASELOAD_MODEL (self), FALSE);

  return heard_live_list_get_loaded (HEARD_LIVE_LIST (self));
}

const char *
heard_caseload_model_get_failure (HeardCaseloadModel *self)
{
  g_return_val_if_fail (HEARD_IS_CASELOAD_MODEL (self), NULL);

  return heard_live_list_get_failure (HEARD_LIVE_LIST (self));
}

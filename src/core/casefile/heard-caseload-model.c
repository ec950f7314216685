/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-caseload-model"

#include "config.h"

#include "heard-caseload.h"
#include "heard-caseload-group-private.h"
#include "heard-caseload-model-private.h"
#include "heard-list-util.h"

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
  GObject       parent_instance;

  GListStore   *groups;
  HeardStore   *store;
  GCancellable *cancellable;
  char         *failure;
  guint         midnight_source;
  gboolean      loaded;
  gboolean      loading;
  /* A write landed while the sections were worked out: again after. */
  gboolean      read_again;
};

static void heard_caseload_model_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HeardCaseloadModel, heard_caseload_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      heard_caseload_model_model_init))

enum {
  PROP_0,
  PROP_LOADED,
  PROP_FAILURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void read_caseload (HeardCaseloadModel *self);

static void
set_state (HeardCaseloadModel *self,
           gboolean            loaded,
           const char         *failure)
{
  if (g_strcmp0 (self->failure, failure) != 0)
    {
      g_free (self->failure);
      self->failure = g_strdup (failure);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILURE]);
    }

  if (self->loaded != loaded)
    {
      self->loaded = loaded;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
}

/* The group listed that says the same as @group, or @group itself. */
static HeardCaseloadGroup *
find_same (HeardCaseloadModel *self,
           HeardCaseloadGroup *group)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->groups));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeardCaseloadGroup) listed = g_list_model_get_item (G_LIST_MODEL (self->groups),
                                                                    i);

      if (heard_caseload_group_equal (listed, group))
        return listed;
    }

  return group;
}

static void
merge (HeardCaseloadModel *self,
       GPtrArray          *sections)
{
  g_autoptr(GPtrArray) merged = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < sections->len; i++)
    {
      HeardCaseloadSection *section = g_ptr_array_index (sections, i);
      g_autoptr(HeardCaseloadGroup) group = NULL;

      if (section->items->len == 0)
        continue;

      group = _heard_caseload_group_new (g_steal_pointer (&section->title),
                                         g_steal_pointer (&section->items));
      g_ptr_array_add (merged, g_object_ref (find_same (self, group)));
    }

  heard_list_store_replace (self->groups, merged);
}

static void
caseload_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HeardCaseloadModel) self = user_data;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GError) error = NULL;

  sections = heard_store_load_caseload_finish (HEARD_STORE (object), result, &error);
  /* Cancelled: the records were locked, and the model emptied with them. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  if (self->read_again)
    {
      self->read_again = FALSE;
      read_caseload (self);
      return;
    }

  /* What was shown stays after a failure, with the failure said. */
  if (sections != NULL)
    merge (self, sections);
  set_state (self, TRUE, error != NULL ? error->message : NULL);
}

static void
read_caseload (HeardCaseloadModel *self)
{
  if (self->loading)
    {
      self->read_again = TRUE;
      return;
    }

  self->loading = TRUE;
  heard_store_load_caseload_async (self->store, self->cancellable, caseload_read_cb,
                                   g_object_ref (self));
}

static void
store_changed_cb (HeardStore         *store,
                  HeardRecordKind     kind,
                  gint64              person_id,
                  gint64              record_id,
                  HeardCaseloadModel *self)
{
  read_caseload (self);
}

static void watch_midnight (HeardCaseloadModel *self);

static gboolean
midnight_cb (gpointer user_data)
{
  HeardCaseloadModel *self = user_data;

  self->midnight_source = 0;
  read_caseload (self);
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

/* The list inside changed: those watching this one hear of it. */
static void
items_changed_cb (GListModel         *inner,
                  guint               position,
                  guint               removed,
                  guint               added,
                  HeardCaseloadModel *self)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static GType
heard_caseload_model_get_item_type (GListModel *model)
{
  return HEARD_TYPE_CASELOAD_GROUP;
}

static guint
heard_caseload_model_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (HEARD_CASELOAD_MODEL (model)->groups));
}

static gpointer
heard_caseload_model_get_item (GListModel *model,
                               guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (HEARD_CASELOAD_MODEL (model)->groups), position);
}

static void
heard_caseload_model_model_init (GListModelInterface *iface)
{
  iface->get_item_type = heard_caseload_model_get_item_type;
  iface->get_n_items = heard_caseload_model_get_n_items;
  iface->get_item = heard_caseload_model_get_item;
}

static void
heard_caseload_model_dispose (GObject *object)
{
  HeardCaseloadModel *self = HEARD_CASELOAD_MODEL (object);

  _heard_caseload_model_set_store (self, NULL);
  g_clear_object (&self->groups);
  g_clear_pointer (&self->failure, g_free);

  G_OBJECT_CLASS (heard_caseload_model_parent_class)->dispose (object);
}

static void
heard_caseload_model_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HeardCaseloadModel *self = HEARD_CASELOAD_MODEL (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    case PROP_FAILURE:
      g_value_set_string (value, self->failure);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_caseload_model_class_init (HeardCaseloadModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = heard_caseload_model_dispose;
  object_class->get_property = heard_caseload_model_get_property;

  /* Whether the sections have been worked out since the records opened. */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Why the last attempt to work them out failed, in words; NULL if it did not. */
  properties[PROP_FAILURE] =
    g_param_spec_string ("failure", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_caseload_model_init (HeardCaseloadModel *self)
{
  self->groups = g_list_store_new (HEARD_TYPE_CASELOAD_GROUP);
  g_signal_connect (self->groups, "items-changed", G_CALLBACK (items_changed_cb), self);
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

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      g_clear_object (&self->store);
      g_clear_handle_id (&self->midnight_source, g_source_remove);
      self->loading = FALSE;
      self->read_again = FALSE;
      g_list_store_remove_all (self->groups);
      set_state (self, FALSE, NULL);
    }

  if (store == NULL)
    return;

  self->store = g_object_ref (store);
  self->cancellable = g_cancellable_new ();
  g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  watch_midnight (self);
  read_caseload (self);
}

gboolean
heard_caseload_model_get_loaded (HeardCaseloadModel *self)
{
  g_return_val_if_fail (HEARD_IS_CASELOAD_MODEL (self), FALSE);

  return self->loaded;
}

const char *
heard_caseload_model_get_failure (HeardCaseloadModel *self)
{
  g_return_val_if_fail (HEARD_IS_CASELOAD_MODEL (self), NULL);

  return self->failure;
}

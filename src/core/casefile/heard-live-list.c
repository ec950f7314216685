/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-live-list"

#include "config.h"

#include "heard-list-util.h"
#include "heard-live-list-private.h"

/*
 * What the context's live models (the staff, the caseload overview) have
 * in common: a list read whole from the store, read again whenever the
 * store says a record it follows changed, whoever changed it, so that
 * nothing showing it ever reloads by hand. An object that did not change
 * keeps its place (and a view its row). A subclass says how to read the
 * list and which objects can stay.
 */

typedef struct
{
  GListStore   *items;
  HeardStore   *store;
  GCancellable *cancellable;
  /* Tasks waiting for the list to show every write so far. */
  GPtrArray    *waiting;
  char         *failure;
  gboolean      loaded;
  gboolean      loading;
  /* A write landed while a read was under way: read once more after it. */
  gboolean      read_again;
} HeardLiveListPrivate;

static void heard_live_list_model_init (GListModelInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (HeardLiveList, heard_live_list, G_TYPE_OBJECT,
                                  G_ADD_PRIVATE (HeardLiveList)
                                  G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                         heard_live_list_model_init))

enum {
  PROP_0,
  PROP_LOADED,
  PROP_FAILURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_state (HeardLiveList *self,
           gboolean       loaded,
           const char    *failure)
{
  HeardLiveListPrivate *priv = heard_live_list_get_instance_private (self);

  if (g_strcmp0 (priv->failure, failure) != 0)
    {
      g_free (priv->failure);
      priv->failure = g_strdup (failure);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILURE]);
    }

  if (priv->loaded != loaded)
    {
      priv->loaded = loaded;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
}

/* Everyone waiting hears how the last read went; @error NULL for well. */
static void
finish_waiting (HeardLiveList *self,
                const GError  *error)
{
  HeardLiveListPrivate *priv = heard_live_list_get_instance_private (self);
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&priv->waiting);

  priv->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiting->len; i++)
    {
      GTask *task = g_ptr_array_index (waiting, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HeardLiveList) self = user_data;
  HeardLiveListPrivate *priv = heard_live_list_get_instance_private (self);
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GError) error = NULL;

  read = HEARD_LIVE_LIST_GET_CLASS (self)->read_finish (object, result, &error);
  /* Cancelled: the records were locked, and the list emptied with them. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  priv->loading = FALSE;
  if (priv->read_again)
    {
      priv->read_again = FALSE;
      _heard_live_list_read (self);
      return;
    }

  /* What was shown stays after a failure, with the failure said. */
  if (read == NULL)
    g_warning ("Could not read the %s: %s", G_OBJECT_TYPE_NAME (self), error->message);
  else
    heard_list_store_update (priv->items, read, HEARD_LIVE_LIST_GET_CLASS (self)->same);

  set_state (self, TRUE, error != NULL ? error->message : NULL);
  finish_waiting (self, error);
}

static void
store_changed_cb (HeardStore      *store,
                  HeardRecordKind  kind,
                  gint64           person_id,
                  gint64           record_id,
                  HeardLiveList   *self)
{
  if (HEARD_LIVE_LIST_GET_CLASS (self)->follows (self, kind))
    _heard_live_list_read (self);
}

/* The list inside changed: those watching this one hear of it. */
static void
items_changed_cb (GListModel    *inner,
                  guint          position,
                  guint          removed,
                  guint          added,
                  HeardLiveList *self)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static GType
heard_live_list_get_item_type (GListModel *model)
{
  return HEARD_LIVE_LIST_GET_CLASS (model)->item_type;
}

static guint
heard_live_list_get_n_items (GListModel *model)
{
  HeardLiveListPrivate *priv = heard_live_list_get_instance_private (HEARD_LIVE_LIST (model));

  return g_list_model_get_n_items (G_LIST_MODEL (priv->items));
}

static gpointer
heard_live_list_get_item (GListModel *model,
                          guint       position)
{
  HeardLiveListPrivate *priv = heard_live_list_get_instance_private (HEARD_LIVE_LIST (model));

  return g_list_model_get_item (G_LIST_MODEL (priv->items), position);
}

static void
heard_live_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = heard_live_list_get_item_type;
  iface->get_n_items = heard_live_list_get_n_items;
  iface->get_item = heard_live_list_get_item;
}

static void
heard_live_list_constructed (GObject *object)
{
  HeardLiveList *self = HEARD_LIVE_LIST (object);
  HeardLiveListPrivate *priv = heard_live_list_get_instance_private (self);

  G_OBJECT_CLASS (heard_live_list_parent_class)->constructed (object);

  priv->items = g_list_store_new (HEARD_LIVE_LIST_GET_CLASS (self)->item_type);
  g_signal_connect (priv->items, "items-changed", G_CALLBACK (items_changed_cb), self);
}

static void
heard_live_list_dispose (GObject *object)
{
  HeardLiveList *self = HEARD_LIVE_LIST (object);
  HeardLiveListPrivate *priv = heard_live_list_get_instance_private (self);

  _heard_live_list_set_store (self, NULL);
  g_clear_object (&priv->items);
  g_clear_pointer (&priv->waiting, g_ptr_array_unref);
  g_clear_pointer (&priv->failure, g_free);

  G_OBJECT_CLASS (heard_live_list_parent_class)->dispose (object);
}

static void
heard_live_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HeardLiveList *self = HEARD_LIVE_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, heard_live_list_get_loaded (self));
      break;

    case PROP_FAILURE:
      g_value_set_string (value, heard_live_list_get_failure (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_live_list_class_init (HeardLiveListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = heard_live_list_constructed;
  object_class->dispose = heard_live_list_dispose;
  object_class->get_property = heard_live_list_get_property;

  /* Whether the list has been read since the records opened. */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Why the last attempt to read it failed, in words; NULL if it did not. */
  properties[PROP_FAILURE] =
    g_param_spec_string ("failure", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_live_list_init (HeardLiveList *self)
{
  HeardLiveListPrivate *priv = heard_live_list_get_instance_private (self);

  priv->waiting = g_ptr_array_new_with_free_func (g_object_unref);
}

void
_heard_live_list_set_store (HeardLiveList *self,
                            HeardStore    *store)
{
  HeardLiveListPrivate *priv = heard_live_list_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HEARD_IS_LIVE_LIST (self));
  g_return_if_fail (store == NULL || HEARD_IS_STORE (store));

  if (priv->store == store)
    return;

  if (priv->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (priv->store, self);
      g_cancellable_cancel (priv->cancellable);
      g_clear_object (&priv->cancellable);
      g_clear_object (&priv->store);
      priv->loading = FALSE;
      priv->read_again = FALSE;
      g_list_store_remove_all (priv->items);
      set_state (self, FALSE, NULL);
      error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "The records were locked");
      finish_waiting (self, error);
    }

  if (store == NULL)
    return;

  priv->store = g_object_ref (store);
  priv->cancellable = g_cancellable_new ();
  g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  _heard_live_list_read (self);
}

HeardStore *
_heard_live_list_get_store (HeardLiveList *self)
{
  HeardLiveListPrivate *priv = heard_live_list_get_instance_private (self);

  g_return_val_if_fail (HEARD_IS_LIVE_LIST (self), NULL);

  return priv->store;
}

void
_heard_live_list_read (HeardLiveList *self)
{
  HeardLiveListPrivate *priv = heard_live_list_get_instance_private (self);

  g_return_if_fail (HEARD_IS_LIVE_LIST (self));
  g_return_if_fail (priv->store != NULL);

  if (priv->loading)
    {
      priv->read_again = TRUE;
      return;
    }

  priv->loading = TRUE;
  HEARD_LIVE_LIST_GET_CLASS (self)->read_async (self, priv->cancellable, read_cb,
                                                g_object_ref (self));
}

void
_heard_live_list_wait_async (HeardLiveList       *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  HeardLiveListPrivate *priv = heard_live_list_get_instance_private (self);
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HEARD_IS_LIVE_LIST (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, _heard_live_list_wait_async);

  if (priv->loading)
    g_ptr_array_add (priv->waiting, g_steal_pointer (&task));
  else
    g_task_return_boolean (task, TRUE);
}

gboolean
_heard_live_list_wait_finish (HeardLiveList  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
heard_live_list_get_loaded (HeardLiveList *self)
{
  HeardLiveListPrivate *priv = heard_live_list_get_instance_private (self);

  g_return_val_if_fail (HEARD_IS_LIVE_LIST (self), FALSE);

  return priv->loaded;
}

const char *
heard_live_list_get_failure (HeardLiveList *self)
{
  HeardLiveListPrivate *priv = heard_live_list_get_instance_private (self);

  g_return_val_if_fail (HEARD_IS_LIVE_LIST (self), NULL);

  return priv->failure;
}

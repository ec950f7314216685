/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-staff-list"

#include "config.h"

#include "heard-list-util.h"
#include "heard-staff-list-private.h"
#include "heard-store-staff.h"

/*
 * The staff set up in the records, as one live list that Preferences and
 * every signature group share. It reads the staff again whenever the store
 * says a member of staff changed, whoever changed them, so that nothing
 * showing staff ever reloads by hand. A member who did not change keeps
 * their object (and a view its row).
 */

struct _HeardStaffList
{
  GObject       parent_instance;

  GListStore   *staff;
  HeardStore   *store;
  GCancellable *cancellable;
  /* Tasks waiting for the list to show every write so far. */
  GPtrArray    *waiting;
  gboolean      loaded;
  gboolean      loading;
  /* A write landed while a read was under way: read once more after it. */
  gboolean      read_again;
};

static void heard_staff_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HeardStaffList, heard_staff_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      heard_staff_list_model_init))

enum {
  PROP_0,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void read_staff (HeardStaffList *self);

static void
set_loaded (HeardStaffList *self,
            gboolean        loaded)
{
  if (self->loaded == loaded)
    return;

  self->loaded = loaded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

/* Everyone waiting hears how the last read went; @error NULL for well. */
static void
finish_waiting (HeardStaffList *self,
                const GError   *error)
{
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->waiting);

  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiting->len; i++)
    {
      GTask *task = g_ptr_array_index (waiting, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

static HeardStaff *
find_by_id (HeardStaffList *self,
            gint64          id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->staff));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeardStaff) member = g_list_model_get_item (G_LIST_MODEL (self->staff), i);

      if (heard_staff_get_id (member) == id)
        return member;
    }

  return NULL;
}

/* The list becomes @read, keeping each member listed as they are. */
static void
merge (HeardStaffList *self,
       GPtrArray      *read)
{
  g_autoptr(GPtrArray) merged = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < read->len; i++)
    {
      HeardStaff *member = g_ptr_array_index (read, i);
      HeardStaff *listed = find_by_id (self, heard_staff_get_id (member));

      /* A member listed stays as they are; a renamed one is listed anew,
       * so that nobody's name changes under a row that shows it. */
      if (listed != NULL && heard_staff_get_role (listed) == heard_staff_get_role (member) &&
          g_strcmp0 (heard_staff_get_name (listed), heard_staff_get_name (member)) == 0)
        g_ptr_array_add (merged, g_object_ref (listed));
      else
        g_ptr_array_add (merged, g_object_ref (member));
    }

  heard_list_store_replace (self->staff, merged);
}

static void
staff_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HeardStaffList) self = user_data;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;

  staff = heard_store_list_staff_finish (HEARD_STORE (object), result, &error);
  /* Cancelled: the records were locked, and the list emptied with them. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  if (self->read_again)
    {
      self->read_again = FALSE;
      read_staff (self);
      return;
    }

  if (staff == NULL)
    g_warning ("Could not read the staff: %s", error->message);
  else
    merge (self, staff);

  set_loaded (self, TRUE);
  finish_waiting (self, error);
}

static void
read_staff (HeardStaffList *self)
{
  if (self->loading)
    {
      self->read_again = TRUE;
      return;
    }

  self->loading = TRUE;
  heard_store_list_staff_async (self->store, self->cancellable, staff_read_cb,
                                g_object_ref (self));
}

static void
store_changed_cb (HeardStore      *store,
                  HeardRecordKind  kind,
                  gint64           person_id,
                  gint64           record_id,
                  HeardStaffList  *self)
{
  if (kind == HEARD_RECORD_KIND_STAFF)
    read_staff (self);
}

/* The list inside changed: those watching this one hear of it. */
static void
items_changed_cb (GListModel     *inner,
                  guint           position,
                  guint           removed,
                  guint           added,
                  HeardStaffList *self)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static GType
heard_staff_list_get_item_type (GListModel *model)
{
  return HEARD_TYPE_STAFF;
}

static guint
heard_staff_list_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (HEARD_STAFF_LIST (model)->staff));
}

static gpointer
heard_staff_list_get_item (GListModel *model,
                           guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (HEARD_STAFF_LIST (model)->staff), position);
}

static void
heard_staff_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = heard_staff_list_get_item_type;
  iface->get_n_items = heard_staff_list_get_n_items;
  iface->get_item = heard_staff_list_get_item;
}

static void
heard_staff_list_dispose (GObject *object)
{
  HeardStaffList *self = HEARD_STAFF_LIST (object);

  _heard_staff_list_set_store (self, NULL);
  g_clear_object (&self->staff);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);

  G_OBJECT_CLASS (heard_staff_list_parent_class)->dispose (object);
}

static void
heard_staff_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HeardStaffList *self = HEARD_STAFF_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_staff_list_class_init (HeardStaffListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = heard_staff_list_dispose;
  object_class->get_property = heard_staff_list_get_property;

  /* Whether the staff have been read since the records opened. */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_staff_list_init (HeardStaffList *self)
{
  self->staff = g_list_store_new (HEARD_TYPE_STAFF);
  g_signal_connect (self->staff, "items-changed", G_CALLBACK (items_changed_cb), self);
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
}

HeardStaffList *
_heard_staff_list_new (void)
{
  return g_object_new (HEARD_TYPE_STAFF_LIST, NULL);
}

/* Reads the staff of @store and follows its changes; NULL empties the list. */
void
_heard_staff_list_set_store (HeardStaffList *self,
                             HeardStore     *store)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HEARD_IS_STAFF_LIST (self));
  g_return_if_fail (store == NULL || HEARD_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      g_clear_object (&self->store);
      self->loading = FALSE;
      self->read_again = FALSE;
      g_list_store_remove_all (self->staff);
      set_loaded (self, FALSE);
      error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "The records were locked");
      finish_waiting (self, error);
    }

  if (store == NULL)
    return;

  self->store = g_object_ref (store);
  self->cancellable = g_cancellable_new ();
  g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  read_staff (self);
}

void
_heard_staff_list_wait_async (HeardStaffList      *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HEARD_IS_STAFF_LIST (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, _heard_staff_list_wait_async);

  if (self->loading)
    g_ptr_array_add (self->waiting, g_steal_pointer (&task));
  else
    g_task_return_boolean (task, TRUE);
}

gboolean
_heard_staff_list_wait_finish (HeardStaffList  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
heard_staff_list_get_loaded (HeardStaffList *self)
{
  g_return_val_if_fail (HEARD_IS_STAFF_LIST (self), FALSE);

  return self->loaded;
}

/* The first listed with @role (the caseworker is the only one), or NULL. */
HeardStaff *
heard_staff_list_find_by_role (HeardStaffList *self,
                               HeardStaffRole  role)
{
  guint n;

  g_return_val_if_fail (HEARD_IS_STAFF_LIST (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->staff));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeardStaff) member = g_list_model_get_item (G_LIST_MODEL (self->staff), i);

      if (heard_staff_get_role (member) == role)
        return member;
    }

  return NULL;
}

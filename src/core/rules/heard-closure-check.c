/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-closure-check"

#include "config.h"

#include "heard-closure-check-private.h"
#include "heard-plan-items-private.h"
#include "heard-plan-rules.h"
#include "heard-store-private.h"
#include "heard-store-statements-private.h"
#include "heard-store-util.h"

/*
 * What is still open about a young person, gathered before their plan or
 * case closes. The inquiry found cases closed while disclosures went
 * unanswered and agencies still had work outstanding: whoever closes sees
 * all of it first.
 */

/* Each part of Heard that can leave something open adds its provider here. */
static const HeardOpenItemsFunc providers[] = {
  _heard_plan_open_items,
  _heard_statement_open_items,
};

static gpointer
list_open_items_work (sqlite3  *db,
                      gpointer  data,
                      GError  **error)
{
  gint64 person_id = *(gint64 *) data;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GDate today;

  heard_plan_rules_today (&today);
  for (guint i = 0; i < G_N_ELEMENTS (providers); i++)
    {
      g_autoptr(GPtrArray) found = providers[i] (db, person_id, &today, error);

      if (found == NULL)
        return NULL;

      g_ptr_array_extend_and_steal (items, g_steal_pointer (&found));
    }

  return g_steal_pointer (&items);
}

void
heard_store_list_open_items_async (HeardStore          *self,
                                   gint64               person_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  _heard_store_run_async (self, list_open_items_work, _heard_store_dup_id (person_id), g_free,
                          (GDestroyNotify) g_ptr_array_unref, heard_store_list_open_items_async,
                          cancellable, callback, user_data);
}

/* Finishes with everything still open about the young person, as
 * HeardOpenItem, or an empty array when nothing is. */
GPtrArray *
heard_store_list_open_items_finish (HeardStore    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _heard_store_run_finish (self, result, heard_store_list_open_items_async, error);
}

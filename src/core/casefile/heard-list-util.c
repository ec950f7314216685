/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-list-util"

#include "config.h"

#include "heard-list-util.h"

/*
 * The live models of the context (staff, caseload) are replaced by what a
 * new read found, keeping the objects that are still there: views then
 * hear only of the rows that really changed.
 */

/* Makes @store hold @items (objects of its type), in order, with one
 * splice of the part between the rows that are already as they should be. */
void
heard_list_store_replace (GListStore *store,
                          GPtrArray  *items)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n_old = g_list_model_get_n_items (model);
  guint first = 0;
  guint n_same_end = 0;

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (items != NULL);

  while (first < n_old && first < items->len)
    {
      g_autoptr(GObject) old = g_list_model_get_item (model, first);

      if (old != g_ptr_array_index (items, first))
        break;
      first++;
    }

  while (n_same_end < n_old - first && n_same_end < items->len - first)
    {
      g_autoptr(GObject) old = g_list_model_get_item (model, n_old - 1 - n_same_end);

      if (old != g_ptr_array_index (items, items->len - 1 - n_same_end))
        break;
      n_same_end++;
    }

  if (first == n_old && first == items->len)
    return;

  g_list_store_splice (store, first, n_old - first - n_same_end,
                       items->pdata + first, items->len - first - n_same_end);
}

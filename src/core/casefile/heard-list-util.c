/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-list-util"

#include "config.h"

#include "heard-list-util.h"

/*
 * Every live model (a case file's plans, statements and open items, the
 * context's staff and caseload) is brought up to date from what a new read
 * found in the same way: the rows that did not change keep their objects,
 * so views hear only of the rows that really changed.
 */

/* Makes @model hold @fresh (objects of its type), in its order, keeping
 * every row that @same says can stay, and telling views only about the
 * positions that changed; whether any did. */
gboolean
heard_list_store_update (GListStore    *model,
                         GPtrArray     *fresh,
                         HeardSameFunc  same)
{
  gboolean changed = FALSE;
  g_autoptr(GPtrArray) wanted = g_ptr_array_new_full (fresh->len, g_object_unref);
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint n;

  for (guint i = 0; i < fresh->len; i++)
    {
      gpointer item = g_ptr_array_index (fresh, i);
      g_autoptr(GObject) keep = NULL;

      for (guint j = 0; j < n_old && keep == NULL; j++)
        {
          g_autoptr(GObject) old = g_list_model_get_item (G_LIST_MODEL (model), j);

          if (!g_hash_table_contains (kept, old) && same (old, item))
            keep = g_steal_pointer (&old);
        }

      if (keep != NULL)
        g_hash_table_add (kept, keep);
      g_ptr_array_add (wanted, keep != NULL ? g_steal_pointer (&keep) : g_object_ref (item));
    }

  for (guint i = 0; i < wanted->len; i++)
    {
      gpointer want = g_ptr_array_index (wanted, i);

      while (i < g_list_model_get_n_items (G_LIST_MODEL (model)))
        {
          g_autoptr(GObject) here = g_list_model_get_item (G_LIST_MODEL (model), i);
          guint there;

          if ((gpointer) here == want)
            break;

          changed = TRUE;
          if (g_hash_table_contains (kept, here))
            {
              /* A row that stays, further on: the wanted one goes in before it. */
              if (g_list_store_find (model, want, &there))
                g_list_store_remove (model, there);
              g_list_store_insert (model, i, want);
              break;
            }

          if (!g_list_store_find (model, want, &there))
            {
              /* Changed: one row replaces another, in one go. */
              g_list_store_splice (model, i, 1, &want, 1);
              break;
            }

          g_list_store_remove (model, i);
        }

      if (i == g_list_model_get_n_items (G_LIST_MODEL (model)))
        {
          g_list_store_append (model, want);
          changed = TRUE;
        }
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  if (n > wanted->len)
    {
      g_list_store_splice (model, wanted->len, n - wanted->len, NULL, 0);
      changed = TRUE;
    }

  return changed;
}

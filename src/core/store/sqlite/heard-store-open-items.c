/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-sqlite-store"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-store-open-items.h"
#include "heard-plan-rules.h"
#include "heard-store-chronology-private.h"
#include "heard-store-plan-items-private.h"
#include "heard-store-statements-private.h"
#include "heard-store-util.h"

/*
 * What is still open, as the SQLCipher store finds it: about one young
 * person, gathered before their plan or case closes (the inquiry found
 * cases closed while disclosures went unanswered and agencies still had
 * work outstanding: whoever closes sees all of it first); and across
 * everyone, for the caseload overview, so that nothing waits unseen. Each
 * part of the records that can leave something open adds its query here.
 */

/* Runs on the database thread; returns the open items (HeardOpenItem, with
 * g_object_unref as the array's free function), or NULL with @error set. */
typedef GPtrArray *(*OpenItemsFunc) (sqlite3      *db,
                                     gint64        person_id,
                                     const GDate  *today,
                                     GError      **error);

/* Likewise, across all young people still on the list. */
typedef GPtrArray *(*CaseloadFunc)  (sqlite3      *db,
                                     const GDate  *today,
                                     GError      **error);

static const OpenItemsFunc providers[] = {
  _heard_plan_open_items,
  _heard_statement_open_items,
  _heard_chronology_open_items,
};

/* In the order shown. */
static const struct
{
  const char   *title;
  CaseloadFunc  collect;
} sections[] = {
  { N_("Warning Signs Gathering"), _heard_chronology_gathering },
  { N_("Reviews Overdue"), _heard_plan_reviews_overdue },
  { N_("Reviews Due Soon"), _heard_plan_reviews_due },
  { N_("Overdue Actions"), _heard_plan_overdue_actions },
  { N_("Plans Awaiting Review"), _heard_plan_awaiting_review },
  { N_("Statements Waiting for an Answer"), _heard_statement_outstanding },
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

static gpointer
load_caseload_work (sqlite3  *db,
                    gpointer  data,
                    GError  **error)
{
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                heard_caseload_section_free);
  GDate today;

  heard_plan_rules_today (&today);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GPtrArray *items = sections[i].collect (db, &today, error);

      if (items == NULL)
        return NULL;

      g_ptr_array_add (loaded, heard_caseload_section_new (_(sections[i].title), items));
    }

  return g_steal_pointer (&loaded);
}

static void
list_open_items_async (HeardStore          *self,
                       gint64               person_id,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  _heard_store_run_async (self, list_open_items_work, _heard_store_dup_id (person_id), g_free,
                          (GDestroyNotify) g_ptr_array_unref, heard_store_list_open_items_async,
                          cancellable, callback, user_data);
}

static void
load_caseload_async (HeardStore          *self,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  _heard_store_run_async (self, load_caseload_work, NULL, NULL,
                          (GDestroyNotify) g_ptr_array_unref, heard_store_load_caseload_async,
                          cancellable, callback, user_data);
}

void
_heard_sqlite_store_init_open_items (HeardStoreClass *klass)
{
  klass->list_open_items_async = list_open_items_async;
  klass->load_caseload_async = load_caseload_async;
}

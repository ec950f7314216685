/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-caseload"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-caseload-private.h"
#include "heard-plan-items-private.h"
#include "heard-plan-rules.h"
#include "heard-store-private.h"
#include "heard-store-statements-private.h"

/*
 * The caseload overview: what needs attention across every young person,
 * so that nothing waits unseen. Each section comes from the part of Heard
 * that knows about it.
 */

/* In the order shown. Other parts of Heard add their sections here. */
static const struct
{
  const char        *title;
  HeardCaseloadFunc  collect;
} sections[] = {
  { N_("Reviews Overdue"), _heard_plan_reviews_overdue },
  { N_("Reviews Due Soon"), _heard_plan_reviews_due },
  { N_("Overdue Actions"), _heard_plan_overdue_actions },
  { N_("Plans Awaiting Review"), _heard_plan_awaiting_review },
  { N_("Statements Waiting for an Answer"), _heard_statement_outstanding },
};

void
heard_caseload_section_free (HeardCaseloadSection *section)
{
  if (section == NULL)
    return;

  g_free (section->title);
  g_clear_pointer (&section->items, g_ptr_array_unref);
  g_free (section);
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
      HeardCaseloadSection *section;

      if (items == NULL)
        return NULL;

      section = g_new0 (HeardCaseloadSection, 1);
      section->title = g_strdup (_(sections[i].title));
      section->items = items;
      g_ptr_array_add (loaded, section);
    }

  return g_steal_pointer (&loaded);
}

void
heard_store_load_caseload_async (HeardStore          *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  _heard_store_run_async (self, load_caseload_work, NULL, NULL,
                          (GDestroyNotify) g_ptr_array_unref, heard_store_load_caseload_async,
                          cancellable, callback, user_data);
}

/* Finishes with every section (HeardCaseloadSection) in order, empty ones
 * included. */
GPtrArray *
heard_store_load_caseload_finish (HeardStore    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _heard_store_run_finish (self, result, heard_store_load_caseload_async, error);
}

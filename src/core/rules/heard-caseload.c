/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-caseload"

#include "config.h"

#include "heard-caseload.h"

/*
 * The caseload overview: what needs attention across every young person,
 * so that nothing waits unseen, in sections that a store fills in
 * (heard_store_load_caseload_async()).
 */

/* Takes @items (HeardOpenItem). */
HeardCaseloadSection *
heard_caseload_section_new (const char *title,
                            GPtrArray  *items)
{
  HeardCaseloadSection *section = g_new0 (HeardCaseloadSection, 1);

  section->title = g_strdup (title);
  section->items = items;

  return section;
}

void
heard_caseload_section_free (HeardCaseloadSection *section)
{
  if (section == NULL)
    return;

  g_free (section->title);
  g_clear_pointer (&section->items, g_ptr_array_unref);
  g_free (section);
}

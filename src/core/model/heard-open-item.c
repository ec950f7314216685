/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-open-item"

#include "config.h"

#include "heard-open-item.h"

/* The summary and detail start empty, for the caller to fill in. */
HeardOpenItem *
heard_open_item_new (gint64        person_id,
                     const char   *person_name,
                     const char   *view,
                     HeardUrgency  urgency)
{
  HeardOpenItem *item = g_new0 (HeardOpenItem, 1);

  item->person_id = person_id;
  item->person_name = g_strdup (person_name != NULL ? person_name : "");
  item->view = g_strdup (view);
  item->summary = g_strdup ("");
  item->detail = g_strdup ("");
  item->urgency = urgency;

  return item;
}

void
heard_open_item_free (HeardOpenItem *item)
{
  if (item == NULL)
    return;

  g_free (item->person_name);
  g_free (item->view);
  g_free (item->summary);
  g_free (item->detail);
  g_free (item);
}

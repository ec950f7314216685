/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HEARD_URGENCY_NONE,
  HEARD_URGENCY_SOON,
  HEARD_URGENCY_OVERDUE,
} HeardUrgency;

/* Something about a young person that is still open or needs attention:
 * listed before a plan or case closes, and in the caseload overview. */
typedef struct
{
  gint64        person_id;
  char         *person_name;
  /* The person page view that shows it, e.g. "plan". */
  char         *view;
  /* One line, in the user's language; and a second with dates and owners. */
  char         *summary;
  char         *detail;
  HeardUrgency  urgency;
} HeardOpenItem;

HeardOpenItem *heard_open_item_new  (gint64         person_id,
                                     const char    *person_name,
                                     const char    *view,
                                     HeardUrgency   urgency) G_GNUC_WARN_UNUSED_RESULT;
void           heard_open_item_free (HeardOpenItem *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeardOpenItem, heard_open_item_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-for-them"

#include "config.h"

#include "heard-for-them.h"
#include "heard-for-them-mark.h"

/*
 * Which staff text the young person may read (heard-for-them.h): the
 * defaults, and the newest mark winning over them.
 */

gboolean
heard_for_them_default (HeardForThemText what)
{
  g_return_val_if_fail (what < HEARD_FOR_THEM_N_TEXTS, FALSE);

  switch (what)
    {
    case HEARD_FOR_THEM_AREA:
    case HEARD_FOR_THEM_WORKER_GOAL:
    case HEARD_FOR_THEM_ACTION:
    case HEARD_FOR_THEM_ANSWER:
      return TRUE;

    case HEARD_FOR_THEM_STATEMENT_CONTEXT:
    case HEARD_FOR_THEM_CHECK_IN_NOTE:
    case HEARD_FOR_THEM_N_TEXTS:
    default:
      return FALSE;
    }
}

gboolean
heard_for_them_needs_reason (HeardForThemText what)
{
  g_return_val_if_fail (what < HEARD_FOR_THEM_N_TEXTS, FALSE);

  return what == HEARD_FOR_THEM_ANSWER || what == HEARD_FOR_THEM_STATEMENT_CONTEXT ||
         what == HEARD_FOR_THEM_CHECK_IN_NOTE;
}

gboolean
heard_written_for_them (GListModel       *marks,
                        HeardForThemText  what,
                        gint64            record_id)
{
  g_return_val_if_fail (marks == NULL || G_IS_LIST_MODEL (marks), FALSE);
  g_return_val_if_fail (what < HEARD_FOR_THEM_N_TEXTS, FALSE);

  for (guint i = marks != NULL ? g_list_model_get_n_items (marks) : 0; i > 0; i--)
    {
      g_autoptr(HeardForThemMark) mark = g_list_model_get_item (marks, i - 1);

      if (heard_for_them_mark_get_what (mark) == what &&
          heard_for_them_mark_get_record_id (mark) == record_id)
        return heard_for_them_mark_get_for_them (mark);
    }

  return heard_for_them_default (what);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-removal-rules"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "heard-plan.h"
#include "heard-removal-rules.h"

/*
 * Removing a young person's record is for a record made by mistake: a
 * duplicate, or someone recorded who is not the young person meant. It is
 * never how work with a young person ends (closing the plan, with its own
 * guard, is), so a record with an active plan or anything still open cannot
 * be removed. The case file and the removal dialog both ask these rules, so
 * the two cannot disagree; a removal always says why, and the why is kept
 * in the audit trail as the entry's detail.
 */

G_DEFINE_QUARK (heard-removal-error-quark, heard_removal_error)

/* Written into the audit trail: never change a code. */
static const char *const reason_codes[] = {
  [HEARD_REMOVAL_REASON_NONE] = "",
  [HEARD_REMOVAL_REASON_DUPLICATE] = "duplicate",
  [HEARD_REMOVAL_REASON_WRONG_PERSON] = "wrong person",
  [HEARD_REMOVAL_REASON_OTHER] = "other",
};

#define REASON_PREFIX "reason: "
#define NOTE_SEPARATOR "; note: "

static gboolean
has_active_plan (GListModel *plans)
{
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(HeardPlan) plan = g_list_model_get_item (plans, i);

      if (heard_plan_get_state (plan) == HEARD_PLAN_STATE_ACTIVE)
        return TRUE;
    }

  return FALSE;
}

/* Whether a young person with these plans (HeardPlan) and open items may be
 * removed; if not, @error says why and what to do instead. */
gboolean
heard_removal_rules_check_allowed (GListModel  *plans,
                                   GListModel  *open_items,
                                   GError     **error)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (plans), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (open_items), FALSE);

  if (has_active_plan (plans))
    {
      g_set_error_literal (error, HEARD_REMOVAL_ERROR, HEARD_REMOVAL_ERROR_ACTIVE_PLAN,
                           _("This young person has an active support plan, so their record "
                             "cannot be removed. Removing is only for a record made by "
                             "mistake. To end the work with them, close the plan from the "
                             "Support Plan tab."));
      return FALSE;
    }

  if (g_list_model_get_n_items (open_items) > 0)
    {
      g_set_error_literal (error, HEARD_REMOVAL_ERROR, HEARD_REMOVAL_ERROR_OPEN_ITEMS,
                           _("Things are still open for this young person (their words "
                             "waiting for an answer, or actions not done), so their record "
                             "cannot be removed. Removing is only for a record made by "
                             "mistake. To end the work with them, go through what is open "
                             "and close the plan."));
      return FALSE;
    }

  return TRUE;
}

/* A removal needs a reason; "Other" needs a few words to say what. */
gboolean
heard_removal_rules_check_reason (HeardRemovalReason   reason,
                                  const char          *note,
                                  GError             **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (note != NULL ? note : ""));

  if (reason <= HEARD_REMOVAL_REASON_NONE || reason > HEARD_REMOVAL_REASON_OTHER)
    {
      g_set_error_literal (error, HEARD_REMOVAL_ERROR, HEARD_REMOVAL_ERROR_NEEDS_REASON,
                           _("Choose why this record is being removed."));
      return FALSE;
    }

  if (reason == HEARD_REMOVAL_REASON_OTHER && *stripped == '\0')
    {
      g_set_error_literal (error, HEARD_REMOVAL_ERROR, HEARD_REMOVAL_ERROR_NEEDS_REASON,
                           _("Write in a few words why this record is being removed."));
      return FALSE;
    }

  if (g_utf8_strlen (stripped, -1) > HEARD_REMOVAL_MAX_NOTE_CHARS)
    {
      g_set_error (error, HEARD_REMOVAL_ERROR, HEARD_REMOVAL_ERROR_NEEDS_REASON,
                   _("The note on why is longer than Heard can keep (at most %d characters)."),
                   HEARD_REMOVAL_MAX_NOTE_CHARS);
      return FALSE;
    }

  return TRUE;
}

const char *
heard_removal_rules_describe_reason (HeardRemovalReason reason)
{
  switch (reason)
    {
    case HEARD_REMOVAL_REASON_DUPLICATE:
      return _("A duplicate of another record");
    case HEARD_REMOVAL_REASON_WRONG_PERSON:
      return _("Recorded for the wrong person");
    case HEARD_REMOVAL_REASON_OTHER:
      return _("Another reason");
    case HEARD_REMOVAL_REASON_NONE:
    default:
      return _("No reason was recorded");
    }
}

/* The audit entry's detail for a removal: "reason: duplicate; note: …". */
char *
heard_removal_rules_to_detail (HeardRemovalReason  reason,
                               const char         *note)
{
  g_autofree char *stripped = g_strstrip (g_strdup (note != NULL ? note : ""));

  g_return_val_if_fail (reason > HEARD_REMOVAL_REASON_NONE &&
                        reason <= HEARD_REMOVAL_REASON_OTHER, NULL);

  if (*stripped == '\0')
    return g_strconcat (REASON_PREFIX, reason_codes[reason], NULL);

  return g_strconcat (REASON_PREFIX, reason_codes[reason], NOTE_SEPARATOR, stripped, NULL);
}

/* Reads back what heard_removal_rules_to_detail() wrote: the reason, and
 * in @note (never NULL) the words written with it. */
HeardRemovalReason
heard_removal_rules_parse_detail (const char  *detail,
                                  char       **note)
{
  const char *rest;
  const char *separator;
  gsize length;

  g_return_val_if_fail (note != NULL, HEARD_REMOVAL_REASON_NONE);

  *note = g_strdup ("");
  if (detail == NULL || !g_str_has_prefix (detail, REASON_PREFIX))
    return HEARD_REMOVAL_REASON_NONE;

  rest = detail + strlen (REASON_PREFIX);
  separator = strstr (rest, NOTE_SEPARATOR);
  length = separator != NULL ? (gsize) (separator - rest) : strlen (rest);
  if (separator != NULL)
    {
      g_free (*note);
      *note = g_strdup (separator + strlen (NOTE_SEPARATOR));
    }

  for (guint i = HEARD_REMOVAL_REASON_DUPLICATE; i < G_N_ELEMENTS (reason_codes); i++)
    if (strlen (reason_codes[i]) == length && strncmp (rest, reason_codes[i], length) == 0)
      return i;

  return HEARD_REMOVAL_REASON_NONE;
}

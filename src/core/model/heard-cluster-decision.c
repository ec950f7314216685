/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-cluster-decision"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-cluster-decision.h"
#include "heard-statement.h"
#include "heard-store.h"
#include "heard-text-fields.h"

/*
 * A decision on a cluster of warning signs, as the dialog gathers it and
 * the store reads it back; the records' side (the signs are this young
 * person's, the supervisor's passphrase) is the store's.
 */

struct _HeardClusterDecision
{
  GObject              parent_instance;

  gint64               id;
  gint64               person_id;
  HeardClusterOutcome  outcome;
  char                *texts[HEARD_CLUSTER_DECISION_N_TEXTS];
  GArray              *sign_ids;
  gint64               supervisor_id;
  char                *supervisor_name;
  char                *saved_at;
};

G_DEFINE_FINAL_TYPE (HeardClusterDecision, heard_cluster_decision, G_TYPE_OBJECT)

#define SHORT_TEXT_CHARS 500

static const HeardTextField text_fields[HEARD_CLUSTER_DECISION_N_TEXTS] = {
  [HEARD_CLUSTER_DECISION_WHY] = { "why", "why", HEARD_STATEMENT_MAX_REASON_CHARS },
  [HEARD_CLUSTER_DECISION_DECIDED_BY] = { "decided-by", "decided_by", SHORT_TEXT_CHARS },
  [HEARD_CLUSTER_DECISION_DECIDED_ON] = { "decided-on", "decided_on", SHORT_TEXT_CHARS },
};

static const struct
{
  const char *code;
  const char *label;
} outcomes[HEARD_CLUSTER_N_OUTCOMES] = {
  [HEARD_CLUSTER_MEETING_HELD] = { "meeting", N_("A multi-agency meeting was held") },
  [HEARD_CLUSTER_REFERRAL_MADE] = { "referral", N_("A referral was made") },
  [HEARD_CLUSTER_NO_FURTHER_ACTION] = { "no-further-action", N_("No further action") },
};

static gboolean
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID, message);
  return FALSE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
heard_cluster_decision_finalize (GObject *object)
{
  HeardClusterDecision *self = HEARD_CLUSTER_DECISION (object);

  heard_text_fields_clear (self->texts, HEARD_CLUSTER_DECISION_N_TEXTS);
  g_array_unref (self->sign_ids);
  g_free (self->supervisor_name);
  g_free (self->saved_at);

  G_OBJECT_CLASS (heard_cluster_decision_parent_class)->finalize (object);
}

static void
heard_cluster_decision_class_init (HeardClusterDecisionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = heard_cluster_decision_finalize;
}

static void
heard_cluster_decision_init (HeardClusterDecision *self)
{
  heard_text_fields_init (self->texts, HEARD_CLUSTER_DECISION_N_TEXTS);
  self->sign_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->supervisor_name = g_strdup ("");
  self->saved_at = g_strdup ("");
}

const char *
heard_cluster_outcome_to_code (HeardClusterOutcome outcome)
{
  g_return_val_if_fail (outcome < HEARD_CLUSTER_N_OUTCOMES, NULL);

  return outcomes[outcome].code;
}

gboolean
heard_cluster_outcome_from_code (const char          *code,
                                 HeardClusterOutcome *outcome)
{
  for (guint i = 0; i < HEARD_CLUSTER_N_OUTCOMES; i++)
    if (g_strcmp0 (outcomes[i].code, code) == 0)
      {
        *outcome = (HeardClusterOutcome) i;
        return TRUE;
      }

  return FALSE;
}

const char *
heard_cluster_outcome_label (HeardClusterOutcome outcome)
{
  g_return_val_if_fail (outcome < HEARD_CLUSTER_N_OUTCOMES, NULL);

  return _(outcomes[outcome].label);
}

gboolean
heard_cluster_numbers_validate (const HeardClusterNumbers  *numbers,
                                GError                    **error)
{
  g_return_val_if_fail (numbers != NULL, FALSE);

  if (numbers->min_signs < 2 || numbers->min_agencies < 1 ||
      numbers->min_signs > 100 || numbers->min_agencies > 100 ||
      numbers->max_span_days < 1 || numbers->max_span_days > 3660)
    return set_invalid (error, _("A cluster needs at least 2 signs from at least 1 agency "
                                 "within at least 1 day. Nothing was changed."));
  return TRUE;
}

HeardClusterDecision *
heard_cluster_decision_new (gint64              person_id,
                            HeardClusterOutcome outcome)
{
  HeardClusterDecision *self = g_object_new (HEARD_TYPE_CLUSTER_DECISION, NULL);

  self->person_id = person_id;
  self->outcome = outcome;
  return self;
}

HeardClusterDecision *
heard_cluster_decision_copy (HeardClusterDecision *self)
{
  HeardClusterDecision *copy;

  g_return_val_if_fail (HEARD_IS_CLUSTER_DECISION (self), NULL);

  copy = heard_cluster_decision_new (self->person_id, self->outcome);
  copy->id = self->id;
  for (guint i = 0; i < HEARD_CLUSTER_DECISION_N_TEXTS; i++)
    heard_cluster_decision_set_text (copy, i, self->texts[i]);
  g_array_append_vals (copy->sign_ids, self->sign_ids->data, self->sign_ids->len);
  heard_cluster_decision_set_supervisor (copy, self->supervisor_id, self->supervisor_name);
  heard_cluster_decision_set_saved_at (copy, self->saved_at);
  return copy;
}

gint64
heard_cluster_decision_get_id (HeardClusterDecision *self)
{
  g_return_val_if_fail (HEARD_IS_CLUSTER_DECISION (self), 0);

  return self->id;
}

void
heard_cluster_decision_set_id (HeardClusterDecision *self,
                               gint64                id)
{
  g_return_if_fail (HEARD_IS_CLUSTER_DECISION (self));

  self->id = id;
}

gint64
heard_cluster_decision_get_person_id (HeardClusterDecision *self)
{
  g_return_val_if_fail (HEARD_IS_CLUSTER_DECISION (self), 0);

  return self->person_id;
}

HeardClusterOutcome
heard_cluster_decision_get_outcome (HeardClusterDecision *self)
{
  g_return_val_if_fail (HEARD_IS_CLUSTER_DECISION (self), HEARD_CLUSTER_MEETING_HELD);

  return self->outcome;
}

const char *
heard_cluster_decision_get_text (HeardClusterDecision     *self,
                                 HeardClusterDecisionText  field)
{
  g_return_val_if_fail (HEARD_IS_CLUSTER_DECISION (self), NULL);
  g_return_val_if_fail (field < HEARD_CLUSTER_DECISION_N_TEXTS, NULL);

  return self->texts[field];
}

void
heard_cluster_decision_set_text (HeardClusterDecision     *self,
                                 HeardClusterDecisionText  field,
                                 const char               *text)
{
  g_return_if_fail (HEARD_IS_CLUSTER_DECISION (self));
  g_return_if_fail (field < HEARD_CLUSTER_DECISION_N_TEXTS);

  g_free (self->texts[field]);
  self->texts[field] = g_strdup (text != NULL ? text : "");
}

const gint64 *
heard_cluster_decision_get_sign_ids (HeardClusterDecision *self,
                                     gsize                *n_ids)
{
  g_return_val_if_fail (HEARD_IS_CLUSTER_DECISION (self), NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  *n_ids = self->sign_ids->len;
  return (const gint64 *) (gpointer) self->sign_ids->data;
}

void
heard_cluster_decision_add_sign_id (HeardClusterDecision *self,
                                    gint64                sign_id)
{
  guint index;

  g_return_if_fail (HEARD_IS_CLUSTER_DECISION (self));

  if (g_array_binary_search (self->sign_ids, &sign_id, compare_ids, &index))
    return;
  g_array_append_val (self->sign_ids, sign_id);
  g_array_sort (self->sign_ids, compare_ids);
}

gint64
heard_cluster_decision_get_supervisor_id (HeardClusterDecision *self)
{
  g_return_val_if_fail (HEARD_IS_CLUSTER_DECISION (self), 0);

  return self->supervisor_id;
}

const char *
heard_cluster_decision_get_supervisor_name (HeardClusterDecision *self)
{
  g_return_val_if_fail (HEARD_IS_CLUSTER_DECISION (self), NULL);

  return self->supervisor_name;
}

void
heard_cluster_decision_set_supervisor (HeardClusterDecision *self,
                                       gint64                staff_id,
                                       const char           *name)
{
  g_return_if_fail (HEARD_IS_CLUSTER_DECISION (self));

  self->supervisor_id = staff_id;
  g_free (self->supervisor_name);
  self->supervisor_name = g_strdup (name != NULL ? name : "");
}

const char *
heard_cluster_decision_get_saved_at (HeardClusterDecision *self)
{
  g_return_val_if_fail (HEARD_IS_CLUSTER_DECISION (self), NULL);

  return self->saved_at;
}

void
heard_cluster_decision_set_saved_at (HeardClusterDecision *self,
                                     const char           *saved_at)
{
  g_return_if_fail (HEARD_IS_CLUSTER_DECISION (self));

  g_free (self->saved_at);
  self->saved_at = g_strdup (saved_at != NULL ? saved_at : "");
}

gboolean
heard_cluster_decision_validate (HeardClusterDecision  *self,
                                 GError               **error)
{
  const char *names[HEARD_CLUSTER_DECISION_N_TEXTS] = {
    _("Why"), _("Who decided"), _("When"),
  };

  g_return_val_if_fail (HEARD_IS_CLUSTER_DECISION (self), FALSE);

  for (guint i = 0; i < HEARD_CLUSTER_DECISION_N_TEXTS; i++)
    if (!heard_text_fields_check_one (self->texts, text_fields, HEARD_CLUSTER_DECISION_N_TEXTS,
                                      text_fields[i].property, names[i], error))
      return FALSE;

  if (self->outcome >= HEARD_CLUSTER_N_OUTCOMES)
    return set_invalid (error, _("This decision is not one Heard knows how to keep."));
  if (self->sign_ids->len == 0)
    return set_invalid (error, _("A decision is kept with the signs it was about; none "
                                 "were given."));
  if (heard_text_is_blank (self->texts[HEARD_CLUSTER_DECISION_DECIDED_BY]))
    return set_invalid (error, _("Please say who decided."));
  if (!heard_check_date (self->texts[HEARD_CLUSTER_DECISION_DECIDED_ON], HEARD_DATE_KIND_TOLD,
                         error))
    return FALSE;
  if (self->outcome == HEARD_CLUSTER_NO_FURTHER_ACTION &&
      heard_text_is_blank (self->texts[HEARD_CLUSTER_DECISION_WHY]))
    return set_invalid (error, _("“No further action” needs a reason, so that anyone who "
                                 "reads it later knows why."));

  return TRUE;
}

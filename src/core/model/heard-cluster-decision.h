/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * What was decided when warning signs gathered: the signs the cluster
 * covered, and a meeting held, a referral made, or no further action and
 * why (which a supervisor signs with their passphrase). Kept with the
 * cluster and never changed; the prompt clears for the signs it covers.
 */

typedef enum
{
  HEARD_CLUSTER_MEETING_HELD,       /*< nick=meeting >*/
  HEARD_CLUSTER_REFERRAL_MADE,      /*< nick=referral >*/
  HEARD_CLUSTER_NO_FURTHER_ACTION,  /*< nick=no-further-action >*/
  HEARD_CLUSTER_N_OUTCOMES          /*< skip >*/
} HeardClusterOutcome;

typedef enum /*< skip >*/
{
  HEARD_CLUSTER_DECISION_WHY,
  HEARD_CLUSTER_DECISION_DECIDED_BY,
  HEARD_CLUSTER_DECISION_DECIDED_ON,
  HEARD_CLUSTER_DECISION_N_TEXTS
} HeardClusterDecisionText;

/* The three numbers of the cluster prompt, kept in the records (the fields
 * of the cluster rule's own), changed only with a supervisor's passphrase. */
typedef struct
{
  guint min_signs;
  guint min_agencies;
  guint max_span_days;
} HeardClusterNumbers;

const char *heard_cluster_outcome_to_code   (HeardClusterOutcome  outcome);
gboolean    heard_cluster_outcome_from_code (const char          *code,
                                             HeardClusterOutcome *outcome);
const char *heard_cluster_outcome_label     (HeardClusterOutcome  outcome);
/* Whether the numbers can be kept: each at least 1, at least 2 signs. */
gboolean    heard_cluster_numbers_validate  (const HeardClusterNumbers *numbers,
                                             GError                   **error);

#define HEARD_TYPE_CLUSTER_DECISION (heard_cluster_decision_get_type ())

G_DECLARE_FINAL_TYPE (HeardClusterDecision, heard_cluster_decision, HEARD, CLUSTER_DECISION,
                      GObject)

HeardClusterDecision *heard_cluster_decision_new        (gint64                     person_id,
                                                         HeardClusterOutcome        outcome)
                                                         G_GNUC_WARN_UNUSED_RESULT;
HeardClusterDecision *heard_cluster_decision_copy       (HeardClusterDecision      *self)
                                                         G_GNUC_WARN_UNUSED_RESULT;
gint64                heard_cluster_decision_get_id     (HeardClusterDecision      *self);
void                  heard_cluster_decision_set_id     (HeardClusterDecision      *self,
                                                         gint64                     id);
gint64                heard_cluster_decision_get_person_id (HeardClusterDecision   *self);
HeardClusterOutcome   heard_cluster_decision_get_outcome (HeardClusterDecision     *self);
const char           *heard_cluster_decision_get_text   (HeardClusterDecision      *self,
                                                         HeardClusterDecisionText   field);
void                  heard_cluster_decision_set_text   (HeardClusterDecision      *self,
                                                         HeardClusterDecisionText   field,
                                                         const char                *text);
/* The ids of the warning signs (chronology entries) the cluster covered,
 * ascending, without repeats. */
const gint64         *heard_cluster_decision_get_sign_ids (HeardClusterDecision    *self,
                                                           gsize                   *n_ids);
void                  heard_cluster_decision_add_sign_id  (HeardClusterDecision    *self,
                                                           gint64                   sign_id);
/* The supervisor who signed "no further action" (0 for the others). */
gint64                heard_cluster_decision_get_supervisor_id (HeardClusterDecision *self);
const char           *heard_cluster_decision_get_supervisor_name (HeardClusterDecision *self);
void                  heard_cluster_decision_set_supervisor (HeardClusterDecision  *self,
                                                             gint64                 staff_id,
                                                             const char            *name);
const char           *heard_cluster_decision_get_saved_at (HeardClusterDecision    *self);
void                  heard_cluster_decision_set_saved_at (HeardClusterDecision    *self,
                                                           const char              *saved_at);
/* Signs covered, who decided and when (not in the future), and why when
 * there is to be no further action; HEARD_STORE_ERROR_INVALID otherwise. */
gboolean              heard_cluster_decision_validate   (HeardClusterDecision      *self,
                                                         GError                   **error);

G_END_DECLS

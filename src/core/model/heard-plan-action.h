/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "heard-agency.h"

G_BEGIN_DECLS

/* Stored as numbers: never reorder. */
typedef enum
{
  HEARD_ACTION_NOT_STARTED,
  HEARD_ACTION_IN_PROGRESS,
  HEARD_ACTION_DONE,
  HEARD_ACTION_STUCK,
  HEARD_ACTION_N_STATUSES /*< skip >*/
} HeardActionStatus;

/* The free-text parts of an action, in column order. Dates are written
 * 2025-03-14; the due date is required, the acknowledgement may be empty. */
typedef enum /*< skip >*/
{
  HEARD_ACTION_WHAT,
  HEARD_ACTION_OWNER_NAME,
  HEARD_ACTION_DUE_DATE,
  HEARD_ACTION_ACKNOWLEDGED_ON,
  HEARD_ACTION_N_TEXTS
} HeardActionText;

#define HEARD_TYPE_PLAN_ACTION (heard_plan_action_get_type ())

G_DECLARE_FINAL_TYPE (HeardPlanAction, heard_plan_action, HEARD, PLAN_ACTION, GObject)

HeardPlanAction  *heard_plan_action_new          (gint64             plan_id,
                                                  gint64             area_id)
                                                  G_GNUC_WARN_UNUSED_RESULT;
HeardPlanAction  *heard_plan_action_copy         (HeardPlanAction   *self)
                                                  G_GNUC_WARN_UNUSED_RESULT;
gint64            heard_plan_action_get_id       (HeardPlanAction   *self);
void              heard_plan_action_set_id       (HeardPlanAction   *self,
                                                  gint64             id);
gint64            heard_plan_action_get_plan_id  (HeardPlanAction   *self);
gint64            heard_plan_action_get_area_id  (HeardPlanAction   *self);
const char       *heard_plan_action_get_text     (HeardPlanAction   *self,
                                                  HeardActionText    field);
void              heard_plan_action_set_text     (HeardPlanAction   *self,
                                                  HeardActionText    field,
                                                  const char        *text);
HeardAgency       heard_plan_action_get_owner    (HeardPlanAction   *self);
void              heard_plan_action_set_owner    (HeardPlanAction   *self,
                                                  HeardAgency        owner);
gint64            heard_plan_action_get_owner_agency_id (HeardPlanAction *self);
void              heard_plan_action_set_owner_agency_id (HeardPlanAction *self,
                                                         gint64           agency_id);
HeardActionStatus heard_plan_action_get_status   (HeardPlanAction   *self);
void              heard_plan_action_set_status   (HeardPlanAction   *self,
                                                  HeardActionStatus  status);
gboolean          heard_plan_action_is_open      (HeardPlanAction   *self);
gboolean          heard_plan_action_is_overdue   (HeardPlanAction   *self,
                                                  const GDate       *today);
gboolean          heard_plan_action_prepare      (HeardPlanAction   *self,
                                                  GError           **error);

const char       *heard_action_text_column       (HeardActionText    field);
char             *heard_action_text_columns      (void) G_GNUC_WARN_UNUSED_RESULT;
char             *heard_action_text_assignments  (guint              first_parameter)
                                                  G_GNUC_WARN_UNUSED_RESULT;
const char       *heard_action_status_label      (HeardActionStatus  status);

G_END_DECLS

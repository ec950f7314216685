/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The areas of a young person's life a plan can cover. Stored as numbers:
 * never reorder. The wording is Heard's own. */
typedef enum
{
  HEARD_AREA_SAFETY,
  HEARD_AREA_HEALTH,
  HEARD_AREA_EMOTIONAL_WELLBEING,
  HEARD_AREA_EDUCATION,
  HEARD_AREA_RELATIONSHIPS,
  HEARD_AREA_HOME,
  HEARD_AREA_IDENTITY,
  HEARD_AREA_JUSTICE,
  HEARD_AREA_N_KINDS /*< skip >*/
} HeardAreaKind;

/* The free-text parts of an area, in column order. */
typedef enum /*< skip >*/
{
  HEARD_AREA_LABEL,
  HEARD_AREA_WORRIED,
  HEARD_AREA_WORKING_WELL,
  HEARD_AREA_NEEDS_TO_HAPPEN,
  HEARD_AREA_GOAL_OWN_WORDS,
  HEARD_AREA_GOAL_WORKER,
  HEARD_AREA_N_TEXTS
} HeardAreaText;

#define HEARD_TYPE_PLAN_AREA (heard_plan_area_get_type ())

G_DECLARE_FINAL_TYPE (HeardPlanArea, heard_plan_area, HEARD, PLAN_AREA, GObject)

HeardPlanArea *heard_plan_area_new          (gint64          plan_id,
                                             HeardAreaKind   kind) G_GNUC_WARN_UNUSED_RESULT;
HeardPlanArea *heard_plan_area_copy         (HeardPlanArea  *self) G_GNUC_WARN_UNUSED_RESULT;
gint64         heard_plan_area_get_id       (HeardPlanArea  *self);
void           heard_plan_area_set_id       (HeardPlanArea  *self,
                                             gint64          id);
gint64         heard_plan_area_get_plan_id  (HeardPlanArea  *self);
HeardAreaKind  heard_plan_area_get_kind     (HeardPlanArea  *self);
const char    *heard_plan_area_get_text     (HeardPlanArea  *self,
                                             HeardAreaText   field);
void           heard_plan_area_set_text     (HeardPlanArea  *self,
                                             HeardAreaText   field,
                                             const char     *text);
GListModel    *heard_plan_area_get_actions  (HeardPlanArea  *self);
gboolean       heard_plan_area_validate     (HeardPlanArea  *self,
                                             GError        **error);

const char    *heard_area_text_column       (HeardAreaText   field);
char          *heard_area_text_columns      (void) G_GNUC_WARN_UNUSED_RESULT;
char          *heard_area_text_assignments  (guint           first_parameter)
                                             G_GNUC_WARN_UNUSED_RESULT;
const char    *heard_area_kind_label        (HeardAreaKind   kind);
const char    *heard_area_kind_description  (HeardAreaKind   kind);

G_END_DECLS

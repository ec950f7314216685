/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * The codes co-design's records keep (schema 10): which staff text a mark
 * of "written for them to read" is on, which of their own words for an
 * area, what they said about a version of their plan, and, for a subject
 * access export, what kind of item was withheld and under which exemption.
 * Registered GEnums whose nicks are the stored codes; one pair of
 * functions turns any of them into its code and back.
 */

/* Staff text that can be written for the young person to read. */
typedef enum
{
  HEARD_FOR_THEM_AREA,              /*< nick=area >*/
  HEARD_FOR_THEM_WORKER_GOAL,       /*< nick=worker-goal >*/
  HEARD_FOR_THEM_ACTION,            /*< nick=action >*/
  HEARD_FOR_THEM_ANSWER,            /*< nick=answer >*/
  HEARD_FOR_THEM_STATEMENT_CONTEXT, /*< nick=statement-context >*/
  HEARD_FOR_THEM_CHECK_IN_NOTE,     /*< nick=check-in-note >*/
  HEARD_FOR_THEM_N_TEXTS            /*< skip >*/
} HeardForThemText;

/* Their own words for an area of their plan. */
typedef enum
{
  HEARD_OWN_GOAL,       /*< nick=goal >*/
  HEARD_OWN_WHAT_HELPS, /*< nick=what-helps >*/
  HEARD_OWN_N_PARTS     /*< skip >*/
} HeardOwnPart;

/* "My plan, my say". */
typedef enum
{
  HEARD_SAY_AGREES,         /*< nick=agrees >*/
  HEARD_SAY_DOES_NOT_AGREE, /*< nick=does-not-agree >*/
  HEARD_SAY_NOT_SURE,       /*< nick=not-sure >*/
  HEARD_SAY_N_KINDS         /*< skip >*/
} HeardSayKind;

/* What kind of item a subject access export withheld. */
typedef enum
{
  HEARD_WITHHELD_STATEMENT,  /*< nick=statement >*/
  HEARD_WITHHELD_ANSWER,     /*< nick=answer >*/
  HEARD_WITHHELD_PLAN,       /*< nick=plan >*/
  HEARD_WITHHELD_CHECK_IN,   /*< nick=check-in >*/
  HEARD_WITHHELD_CHRONOLOGY, /*< nick=chronology >*/
  HEARD_WITHHELD_SHARING,    /*< nick=sharing >*/
  HEARD_WITHHELD_OTHER,      /*< nick=other >*/
  HEARD_WITHHELD_N_KINDS     /*< skip >*/
} HeardWithheldKind;

/* Why: the exemptions data protection law allows for a subject access
 * request (information about someone else, serious harm, crime, legal
 * advice, court proceedings), or another the decision explains. */
typedef enum
{
  HEARD_EXEMPTION_THIRD_PARTY,     /*< nick=third-party >*/
  HEARD_EXEMPTION_SERIOUS_HARM,    /*< nick=serious-harm >*/
  HEARD_EXEMPTION_CRIME,           /*< nick=crime >*/
  HEARD_EXEMPTION_LEGAL_PRIVILEGE, /*< nick=legal-privilege >*/
  HEARD_EXEMPTION_COURT,           /*< nick=court >*/
  HEARD_EXEMPTION_OTHER,           /*< nick=other >*/
  HEARD_EXEMPTION_N_KINDS          /*< skip >*/
} HeardExemption;

/* The stored code of @value of the registered enum @type (one of the
 * above), or NULL when it has none; and back, FALSE for an unknown code. */
const char *heard_codesign_to_code   (GType       type,
                                      int         value);
gboolean    heard_codesign_from_code (GType       type,
                                      const char *code,
                                      int        *value);

/* In words, for the subject access export's cover and screens. */
const char *heard_exemption_label     (HeardExemption     exemption);
const char *heard_withheld_kind_label (HeardWithheldKind  what);
/* Their say on a plan as staff read it ("They agree with this plan."). */
const char *heard_say_kind_label      (HeardSayKind       kind);

G_END_DECLS

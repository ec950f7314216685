/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The agencies that share responsibility for a young person: the inquiry
 * found that each held part of the picture and none held all of it. */
typedef enum
{
  HEARD_AGENCY_SCHOOL,
  HEARD_AGENCY_SOCIAL_CARE,
  HEARD_AGENCY_HOUSING,
  HEARD_AGENCY_HEALTH,
  HEARD_AGENCY_POLICE,
  HEARD_AGENCY_YOUTH_WORK,
  HEARD_AGENCY_FAMILY,
  HEARD_AGENCY_YOUNG_PERSON,
  HEARD_AGENCY_OTHER,
  HEARD_AGENCY_N_AGENCIES /*< skip >*/
} HeardAgency;

const char *heard_agency_to_code   (HeardAgency  agency);
gboolean    heard_agency_from_code (const char  *code,
                                    HeardAgency *agency);
const char *heard_agency_label     (HeardAgency  agency);

/* A set of agencies is kept as a comma-separated list of codes. */
char       *heard_agency_list_add    (const char  *list,
                                      HeardAgency  agency) G_GNUC_WARN_UNUSED_RESULT;
char       *heard_agency_list_remove (const char  *list,
                                      HeardAgency  agency) G_GNUC_WARN_UNUSED_RESULT;
gboolean    heard_agency_list_has    (const char  *list,
                                      HeardAgency  agency);
char       *heard_agency_list_to_label (const char *list) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

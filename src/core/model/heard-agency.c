/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-agency"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-agency.h"

static const struct
{
  const char *code;
  const char *label;
} agencies[HEARD_AGENCY_N_AGENCIES] = {
  [HEARD_AGENCY_SCHOOL] = { "school", N_("School or college") },
  [HEARD_AGENCY_SOCIAL_CARE] = { "social-care", N_("Social care") },
  [HEARD_AGENCY_HOUSING] = { "housing", N_("Housing") },
  [HEARD_AGENCY_HEALTH] = { "health", N_("Health") },
  [HEARD_AGENCY_POLICE] = { "police", N_("Police") },
  [HEARD_AGENCY_YOUTH_WORK] = { "youth-work", N_("Youth work") },
  [HEARD_AGENCY_FAMILY] = { "family", N_("Family") },
  [HEARD_AGENCY_YOUNG_PERSON] = { "young-person", N_("The young person") },
  [HEARD_AGENCY_OTHER] = { "other", N_("Other") },
};

const char *
heard_agency_to_code (HeardAgency agency)
{
  g_return_val_if_fail (agency < HEARD_AGENCY_N_AGENCIES, NULL);

  return agencies[agency].code;
}

gboolean
heard_agency_from_code (const char  *code,
                        HeardAgency *agency)
{
  for (guint i = 0; i < HEARD_AGENCY_N_AGENCIES; i++)
    {
      if (g_strcmp0 (agencies[i].code, code) == 0)
        {
          *agency = (HeardAgency) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
heard_agency_label (HeardAgency agency)
{
  g_return_val_if_fail (agency < HEARD_AGENCY_N_AGENCIES, NULL);

  return _(agencies[agency].label);
}

gboolean
heard_agency_list_has (const char  *list,
                       HeardAgency  agency)
{
  g_auto(GStrv) codes = g_strsplit (list != NULL ? list : "", ",", -1);

  return g_strv_contains ((const char *const *) codes, heard_agency_to_code (agency));
}

/* Rebuilds the list in the canonical order, with @agency in or out. */
static char *
rebuild_list (const char  *list,
              HeardAgency  agency,
              gboolean     wanted)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) codes = NULL;

  for (guint i = 0; i < HEARD_AGENCY_N_AGENCIES; i++)
    {
      gboolean present = (HeardAgency) i == agency ? wanted
                                                   : heard_agency_list_has (list, (HeardAgency) i);

      if (present)
        g_strv_builder_add (builder, agencies[i].code);
    }

  codes = g_strv_builder_end (builder);
  return g_strjoinv (",", codes);
}

char *
heard_agency_list_add (const char  *list,
                       HeardAgency  agency)
{
  return rebuild_list (list, agency, TRUE);
}

char *
heard_agency_list_remove (const char  *list,
                          HeardAgency  agency)
{
  return rebuild_list (list, agency, FALSE);
}

char *
heard_agency_list_to_label (const char *list)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; i < HEARD_AGENCY_N_AGENCIES; i++)
    {
      if (heard_agency_list_has (list, (HeardAgency) i))
        g_ptr_array_add (labels, (gpointer) heard_agency_label ((HeardAgency) i));
    }
  g_ptr_array_add (labels, NULL);

  /* TRANSLATORS: separates agency names in a list, e.g. "Police, Health" */
  return g_strjoinv (_(", "), (char **) labels->pdata);
}

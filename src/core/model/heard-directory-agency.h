/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "heard-agency.h"

G_BEGIN_DECLS

/*
 * One agency in the directory: a named school, police team or clinic, with
 * a contact and how to reach them. Two schools are two entries. Stored
 * agency codes (HeardAgency on actions, statements and people) stay as
 * they are: each kind maps to the entries that serve it. "The young
 * person" is an owner kind of its own and never a directory entry.
 */

/* What sort of agency an entry is; the nicks are the stored codes. */
typedef enum
{
  HEARD_AGENCY_TYPE_SCHOOL,           /*< nick=school >*/
  HEARD_AGENCY_TYPE_SOCIAL_CARE,      /*< nick=social-care >*/
  HEARD_AGENCY_TYPE_HOUSING,          /*< nick=housing >*/
  HEARD_AGENCY_TYPE_HEALTH,           /*< nick=health >*/
  HEARD_AGENCY_TYPE_POLICE,           /*< nick=police >*/
  HEARD_AGENCY_TYPE_YOUTH_WORK,       /*< nick=youth-work >*/
  HEARD_AGENCY_TYPE_VOLUNTARY_SECTOR, /*< nick=voluntary-sector >*/
  HEARD_AGENCY_TYPE_FAMILY,           /*< nick=family >*/
  HEARD_AGENCY_TYPE_OTHER,            /*< nick=other >*/
  HEARD_AGENCY_N_TYPES                /*< skip >*/
} HeardAgencyType;

/* The free-text parts of an entry. */
typedef enum /*< skip >*/
{
  HEARD_DIRECTORY_AGENCY_NAME,
  HEARD_DIRECTORY_AGENCY_CONTACT_NAME,
  HEARD_DIRECTORY_AGENCY_CONTACT_HOW,
  HEARD_DIRECTORY_AGENCY_N_TEXTS
} HeardDirectoryAgencyText;

const char  *heard_agency_type_to_code   (HeardAgencyType  type);
gboolean     heard_agency_type_from_code (const char      *code,
                                          HeardAgencyType *type);
const char  *heard_agency_type_label     (HeardAgencyType  type);
/* The stored agency kind an entry of @type serves (voluntary sector: other). */
HeardAgency  heard_agency_type_to_kind   (HeardAgencyType  type);

#define HEARD_TYPE_DIRECTORY_AGENCY (heard_directory_agency_get_type ())

G_DECLARE_FINAL_TYPE (HeardDirectoryAgency, heard_directory_agency, HEARD, DIRECTORY_AGENCY,
                      GObject)

HeardDirectoryAgency *heard_directory_agency_new         (HeardAgencyType            type,
                                                          const char                *name)
                                                          G_GNUC_WARN_UNUSED_RESULT;
HeardDirectoryAgency *heard_directory_agency_copy        (HeardDirectoryAgency      *self)
                                                          G_GNUC_WARN_UNUSED_RESULT;
gint64                heard_directory_agency_get_id      (HeardDirectoryAgency      *self);
void                  heard_directory_agency_set_id      (HeardDirectoryAgency      *self,
                                                          gint64                     id);
HeardAgencyType       heard_directory_agency_get_agency_type (HeardDirectoryAgency  *self);
void                  heard_directory_agency_set_agency_type (HeardDirectoryAgency  *self,
                                                              HeardAgencyType        type);
const char           *heard_directory_agency_get_text    (HeardDirectoryAgency      *self,
                                                          HeardDirectoryAgencyText   field);
void                  heard_directory_agency_set_text    (HeardDirectoryAgency      *self,
                                                          HeardDirectoryAgencyText   field,
                                                          const char                *text);
gboolean              heard_directory_agency_get_retired (HeardDirectoryAgency      *self);
void                  heard_directory_agency_set_retired (HeardDirectoryAgency      *self,
                                                          gboolean                   retired);
/* Checks one field: valid UTF-8 within its limit, and for the name that
 * there is one; HEARD_STORE_ERROR_INVALID naming the field otherwise. */
gboolean              heard_directory_agency_validate_text (HeardDirectoryAgency     *self,
                                                            HeardDirectoryAgencyText  field,
                                                            GError                  **error);
/* Checks every field, as heard_directory_agency_validate_text(). */
gboolean              heard_directory_agency_validate    (HeardDirectoryAgency      *self,
                                                          GError                   **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-directory-agency"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-directory-agency.h"
#include "heard-store.h"
#include "heard-text-fields.h"

/*
 * An entry of the agencies directory, as an editor gathers it and the store
 * reads it back. Types are codes kept in the records; their names are
 * here, translated, in one table.
 */

struct _HeardDirectoryAgency
{
  GObject          parent_instance;

  gint64           id;
  HeardAgencyType  type;
  char            *texts[HEARD_DIRECTORY_AGENCY_N_TEXTS];
  gboolean         retired;
};

G_DEFINE_FINAL_TYPE (HeardDirectoryAgency, heard_directory_agency, G_TYPE_OBJECT)

#define SHORT_TEXT_CHARS 500

static const HeardTextField text_fields[HEARD_DIRECTORY_AGENCY_N_TEXTS] = {
  [HEARD_DIRECTORY_AGENCY_NAME] = { "name", "name", SHORT_TEXT_CHARS },
  [HEARD_DIRECTORY_AGENCY_CONTACT_NAME] = { "contact-name", "contact_name", SHORT_TEXT_CHARS },
  [HEARD_DIRECTORY_AGENCY_CONTACT_HOW] = { "contact-how", "contact_how", SHORT_TEXT_CHARS },
};

static const struct
{
  const char  *code;
  const char  *label;
  HeardAgency  kind;
} types[HEARD_AGENCY_N_TYPES] = {
  [HEARD_AGENCY_TYPE_SCHOOL] = { "school", N_("School or college"), HEARD_AGENCY_SCHOOL },
  [HEARD_AGENCY_TYPE_SOCIAL_CARE] = { "social-care", N_("Social care"), HEARD_AGENCY_SOCIAL_CARE },
  [HEARD_AGENCY_TYPE_HOUSING] = { "housing", N_("Housing"), HEARD_AGENCY_HOUSING },
  [HEARD_AGENCY_TYPE_HEALTH] = { "health", N_("Health"), HEARD_AGENCY_HEALTH },
  [HEARD_AGENCY_TYPE_POLICE] = { "police", N_("Police"), HEARD_AGENCY_POLICE },
  [HEARD_AGENCY_TYPE_YOUTH_WORK] = { "youth-work", N_("Youth work"), HEARD_AGENCY_YOUTH_WORK },
  [HEARD_AGENCY_TYPE_VOLUNTARY_SECTOR] = { "voluntary-sector", N_("Voluntary sector"),
                                           HEARD_AGENCY_OTHER },
  [HEARD_AGENCY_TYPE_FAMILY] = { "family", N_("Family"), HEARD_AGENCY_FAMILY },
  [HEARD_AGENCY_TYPE_OTHER] = { "other", N_("Other"), HEARD_AGENCY_OTHER },
};

static void
heard_directory_agency_finalize (GObject *object)
{
  HeardDirectoryAgency *self = HEARD_DIRECTORY_AGENCY (object);

  heard_text_fields_clear (self->texts, HEARD_DIRECTORY_AGENCY_N_TEXTS);

  G_OBJECT_CLASS (heard_directory_agency_parent_class)->finalize (object);
}

static void
heard_directory_agency_class_init (HeardDirectoryAgencyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = heard_directory_agency_finalize;
}

static void
heard_directory_agency_init (HeardDirectoryAgency *self)
{
  heard_text_fields_init (self->texts, HEARD_DIRECTORY_AGENCY_N_TEXTS);
}

const char *
heard_agency_type_to_code (HeardAgencyType type)
{
  g_return_val_if_fail (type < HEARD_AGENCY_N_TYPES, NULL);

  return types[type].code;
}

gboolean
heard_agency_type_from_code (const char      *code,
                             HeardAgencyType *type)
{
  for (guint i = 0; i < HEARD_AGENCY_N_TYPES; i++)
    if (g_strcmp0 (types[i].code, code) == 0)
      {
        *type = (HeardAgencyType) i;
        return TRUE;
      }

  return FALSE;
}

const char *
heard_agency_type_label (HeardAgencyType type)
{
  g_return_val_if_fail (type < HEARD_AGENCY_N_TYPES, NULL);

  return _(types[type].label);
}

HeardAgency
heard_agency_type_to_kind (HeardAgencyType type)
{
  g_return_val_if_fail (type < HEARD_AGENCY_N_TYPES, HEARD_AGENCY_OTHER);

  return types[type].kind;
}

HeardDirectoryAgency *
heard_directory_agency_new (HeardAgencyType  type,
                            const char      *name)
{
  HeardDirectoryAgency *self = g_object_new (HEARD_TYPE_DIRECTORY_AGENCY, NULL);

  self->type = type;
  heard_directory_agency_set_text (self, HEARD_DIRECTORY_AGENCY_NAME, name);
  return self;
}

HeardDirectoryAgency *
heard_directory_agency_copy (HeardDirectoryAgency *self)
{
  HeardDirectoryAgency *copy;

  g_return_val_if_fail (HEARD_IS_DIRECTORY_AGENCY (self), NULL);

  copy = heard_directory_agency_new (self->type, NULL);
  copy->id = self->id;
  copy->retired = self->retired;
  for (guint i = 0; i < HEARD_DIRECTORY_AGENCY_N_TEXTS; i++)
    heard_directory_agency_set_text (copy, i, self->texts[i]);
  return copy;
}

gint64
heard_directory_agency_get_id (HeardDirectoryAgency *self)
{
  g_return_val_if_fail (HEARD_IS_DIRECTORY_AGENCY (self), 0);

  return self->id;
}

void
heard_directory_agency_set_id (HeardDirectoryAgency *self,
                               gint64                id)
{
  g_return_if_fail (HEARD_IS_DIRECTORY_AGENCY (self));

  self->id = id;
}

HeardAgencyType
heard_directory_agency_get_agency_type (HeardDirectoryAgency *self)
{
  g_return_val_if_fail (HEARD_IS_DIRECTORY_AGENCY (self), HEARD_AGENCY_TYPE_OTHER);

  return self->type;
}

void
heard_directory_agency_set_agency_type (HeardDirectoryAgency *self,
                                        HeardAgencyType       type)
{
  g_return_if_fail (HEARD_IS_DIRECTORY_AGENCY (self));
  g_return_if_fail (type < HEARD_AGENCY_N_TYPES);

  self->type = type;
}

const char *
heard_directory_agency_get_text (HeardDirectoryAgency     *self,
                                 HeardDirectoryAgencyText  field)
{
  g_return_val_if_fail (HEARD_IS_DIRECTORY_AGENCY (self), NULL);
  g_return_val_if_fail (field < HEARD_DIRECTORY_AGENCY_N_TEXTS, NULL);

  return self->texts[field];
}

void
heard_directory_agency_set_text (HeardDirectoryAgency     *self,
                                 HeardDirectoryAgencyText  field,
                                 const char               *text)
{
  g_return_if_fail (HEARD_IS_DIRECTORY_AGENCY (self));
  g_return_if_fail (field < HEARD_DIRECTORY_AGENCY_N_TEXTS);

  g_free (self->texts[field]);
  self->texts[field] = g_strdup (text != NULL ? text : "");
}

gboolean
heard_directory_agency_get_retired (HeardDirectoryAgency *self)
{
  g_return_val_if_fail (HEARD_IS_DIRECTORY_AGENCY (self), FALSE);

  return self->retired;
}

void
heard_directory_agency_set_retired (HeardDirectoryAgency *self,
                                    gboolean              retired)
{
  g_return_if_fail (HEARD_IS_DIRECTORY_AGENCY (self));

  self->retired = !!retired;
}

gboolean
heard_directory_agency_validate_text (HeardDirectoryAgency      *self,
                                      HeardDirectoryAgencyText   field,
                                      GError                   **error)
{
  const char *names[HEARD_DIRECTORY_AGENCY_N_TEXTS] = {
    _("Agency"), _("Contact"), _("How to reach them"),
  };

  g_return_val_if_fail (HEARD_IS_DIRECTORY_AGENCY (self), FALSE);
  g_return_val_if_fail (field < HEARD_DIRECTORY_AGENCY_N_TEXTS, FALSE);

  if (!heard_text_fields_check_one (self->texts, text_fields, HEARD_DIRECTORY_AGENCY_N_TEXTS,
                                    text_fields[field].property, names[field], error))
    return FALSE;

  if (field == HEARD_DIRECTORY_AGENCY_NAME &&
      heard_text_is_blank (self->texts[HEARD_DIRECTORY_AGENCY_NAME]))
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID,
                           _("An agency needs a name, so that everyone knows which one it is."));
      return FALSE;
    }

  return TRUE;
}

gboolean
heard_directory_agency_validate (HeardDirectoryAgency  *self,
                                 GError               **error)
{
  g_return_val_if_fail (HEARD_IS_DIRECTORY_AGENCY (self), FALSE);

  for (guint i = 0; i < HEARD_DIRECTORY_AGENCY_N_TEXTS; i++)
    if (!heard_directory_agency_validate_text (self, i, error))
      return FALSE;

  return TRUE;
}

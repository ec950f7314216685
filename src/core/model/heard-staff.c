/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-staff"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <sodium.h>

#include "heard-model-enums.h"
#include "heard-plan-rules.h"
#include "heard-staff.h"
#include "heard-text-fields.h"

/*
 * The people who work with Heard on this computer: the caseworker who owns
 * it, and the supervisors who review plans. A supervisor signs decisions
 * with a passphrase that Heard keeps only as an Argon2id hash.
 */

struct _HeardStaff
{
  GObject         parent_instance;

  gint64          id;
  char           *name;
  HeardStaffRole  role;
};

G_DEFINE_FINAL_TYPE (HeardStaff, heard_staff, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
heard_staff_finalize (GObject *object)
{
  HeardStaff *self = HEARD_STAFF (object);

  g_free (self->name);

  G_OBJECT_CLASS (heard_staff_parent_class)->finalize (object);
}

static void
heard_staff_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HeardStaff *self = HEARD_STAFF (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_staff_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HeardStaff *self = HEARD_STAFF (object);

  switch (prop_id)
    {
    case PROP_NAME:
      heard_staff_set_name (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      self->role = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_staff_class_init (HeardStaffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = heard_staff_finalize;
  object_class->get_property = heard_staff_get_property;
  object_class->set_property = heard_staff_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, HEARD_TYPE_STAFF_ROLE, HEARD_STAFF_CASEWORKER,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_staff_init (HeardStaff *self)
{
  self->name = g_strdup ("");
}

HeardStaff *
heard_staff_new (HeardStaffRole role)
{
  return g_object_new (HEARD_TYPE_STAFF, "role", role, NULL);
}

HeardStaff *
heard_staff_copy (HeardStaff *self)
{
  HeardStaff *copy;

  g_return_val_if_fail (HEARD_IS_STAFF (self), NULL);

  copy = heard_staff_new (self->role);
  copy->id = self->id;
  heard_staff_set_name (copy, self->name);

  return copy;
}

gint64
heard_staff_get_id (HeardStaff *self)
{
  g_return_val_if_fail (HEARD_IS_STAFF (self), 0);

  return self->id;
}

void
heard_staff_set_id (HeardStaff *self,
                    gint64      id)
{
  g_return_if_fail (HEARD_IS_STAFF (self));

  self->id = id;
}

const char *
heard_staff_get_name (HeardStaff *self)
{
  g_return_val_if_fail (HEARD_IS_STAFF (self), NULL);

  return self->name;
}

void
heard_staff_set_name (HeardStaff *self,
                      const char *name)
{
  g_return_if_fail (HEARD_IS_STAFF (self));

  if (name == NULL)
    name = "";

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

HeardStaffRole
heard_staff_get_role (HeardStaff *self)
{
  g_return_val_if_fail (HEARD_IS_STAFF (self), HEARD_STAFF_CASEWORKER);

  return self->role;
}

gboolean
heard_staff_validate (HeardStaff  *self,
                      GError     **error)
{
  g_return_val_if_fail (HEARD_IS_STAFF (self), FALSE);

  if (!heard_text_check (self->name, HEARD_PLAN_MAX_LABEL_CHARS, error))
    return FALSE;

  if (heard_text_is_blank (self->name))
    {
      g_set_error_literal (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_INCOMPLETE,
                           _("Give a name, as it should appear beside decisions."));
      return FALSE;
    }

  return TRUE;
}

gboolean
heard_staff_passphrase_is_usable (const char  *passphrase,
                                  GError     **error)
{
  if (passphrase == NULL || !g_utf8_validate (passphrase, -1, NULL) ||
      strlen (passphrase) > HEARD_STAFF_MAX_PASSPHRASE_BYTES)
    {
      g_set_error_literal (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_INCOMPLETE,
                           _("That passphrase cannot be used. Type it again by hand."));
      return FALSE;
    }

  if (g_utf8_strlen (passphrase, -1) < HEARD_STAFF_MIN_PASSPHRASE_CHARS)
    {
      g_set_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_INCOMPLETE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "A supervisor's passphrase needs at least %d character.",
                                "A supervisor's passphrase needs at least %d characters.",
                                HEARD_STAFF_MIN_PASSPHRASE_CHARS),
                   HEARD_STAFF_MIN_PASSPHRASE_CHARS);
      return FALSE;
    }

  return TRUE;
}

/* Returns the Argon2id hash string to keep instead of @passphrase. In
 * @fictional records (practice records) a passphrase guards nothing real,
 * so it is hashed at the lowest cost: a practice set with thousands of
 * sign-offs is then made in seconds. Checking reads the cost from the hash. */
char *
heard_staff_hash_passphrase (const char  *passphrase,
                             gboolean     fictional,
                             GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (!heard_staff_passphrase_is_usable (passphrase, error))
    return NULL;

  if (crypto_pwhash_str_alg (hash, passphrase, strlen (passphrase),
                             fictional ? crypto_pwhash_OPSLIMIT_MIN
                                       : crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             fictional ? crypto_pwhash_MEMLIMIT_MIN
                                       : crypto_pwhash_MEMLIMIT_INTERACTIVE,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_INCOMPLETE,
                           _("This computer ran short of memory while protecting the "
                             "passphrase. Close some programs and try again."));
      return NULL;
    }

  return g_strdup (hash);
}

gboolean
heard_staff_check_passphrase (const char *hash,
                              const char *passphrase)
{
  if (hash == NULL || passphrase == NULL ||
      strlen (passphrase) > HEARD_STAFF_MAX_PASSPHRASE_BYTES)
    return FALSE;

  return crypto_pwhash_str_verify (hash, passphrase, strlen (passphrase)) == 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-statement"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-plan-rules.h"
#include "heard-statement.h"
#include "heard-statement-response.h"
#include "heard-store.h"
#include "heard-text-fields.h"

struct _HeardStatementResponse
{
  GObject    parent_instance;

  gint64     id;
  gint64     statement_id;
  char      *what_we_did;
  char      *told_on;
  char      *saved_by;
  char      *saved_at;
  GArray    *action_ids;
  GPtrArray *action_titles;
};

G_DEFINE_FINAL_TYPE (HeardStatementResponse, heard_statement_response, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WHAT_WE_DID,
  PROP_TOLD_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
replace_string (char       **field,
                const char  *text)
{
  if (text == NULL)
    text = "";

  if (g_strcmp0 (*field, text) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (text);
  return TRUE;
}

static void
heard_statement_response_finalize (GObject *object)
{
  HeardStatementResponse *self = HEARD_STATEMENT_RESPONSE (object);

  g_free (self->what_we_did);
  g_free (self->told_on);
  g_free (self->saved_by);
  g_free (self->saved_at);
  g_array_unref (self->action_ids);
  g_ptr_array_unref (self->action_titles);

  G_OBJECT_CLASS (heard_statement_response_parent_class)->finalize (object);
}

static void
heard_statement_response_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  HeardStatementResponse *self = HEARD_STATEMENT_RESPONSE (object);

  switch (prop_id)
    {
    case PROP_WHAT_WE_DID:
      g_value_set_string (value, self->what_we_did);
      break;

    case PROP_TOLD_ON:
      g_value_set_string (value, self->told_on);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_statement_response_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  HeardStatementResponse *self = HEARD_STATEMENT_RESPONSE (object);

  switch (prop_id)
    {
    case PROP_WHAT_WE_DID:
      heard_statement_response_set_what_we_did (self, g_value_get_string (value));
      break;

    case PROP_TOLD_ON:
      heard_statement_response_set_told_on (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_statement_response_class_init (HeardStatementResponseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = heard_statement_response_finalize;
  object_class->get_property = heard_statement_response_get_property;
  object_class->set_property = heard_statement_response_set_property;

  properties[PROP_WHAT_WE_DID] = g_param_spec_string ("what-we-did", NULL, NULL, "", flags);
  properties[PROP_TOLD_ON] = g_param_spec_string ("told-on", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_statement_response_init (HeardStatementResponse *self)
{
  self->what_we_did = g_strdup ("");
  self->told_on = g_strdup ("");
  self->action_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->action_titles = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->action_titles, NULL);
}

HeardStatementResponse *
heard_statement_response_new (void)
{
  return g_object_new (HEARD_TYPE_STATEMENT_RESPONSE, NULL);
}

HeardStatementResponse *
heard_statement_response_copy (HeardStatementResponse *self)
{
  HeardStatementResponse *copy;

  g_return_val_if_fail (HEARD_IS_STATEMENT_RESPONSE (self), NULL);

  copy = heard_statement_response_new ();
  copy->id = self->id;
  copy->statement_id = self->statement_id;
  heard_statement_response_set_what_we_did (copy, self->what_we_did);
  heard_statement_response_set_told_on (copy, self->told_on);
  heard_statement_response_set_saved (copy, self->saved_by, self->saved_at);
  for (guint i = 0; i < self->action_ids->len; i++)
    heard_statement_response_add_action (copy, g_array_index (self->action_ids, gint64, i),
                                         g_ptr_array_index (self->action_titles, i));

  return copy;
}

gint64
heard_statement_response_get_id (HeardStatementResponse *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_RESPONSE (self), 0);

  return self->id;
}

void
heard_statement_response_set_id (HeardStatementResponse *self,
                                 gint64                  id)
{
  g_return_if_fail (HEARD_IS_STATEMENT_RESPONSE (self));

  self->id = id;
}

gint64
heard_statement_response_get_statement_id (HeardStatementResponse *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_RESPONSE (self), 0);

  return self->statement_id;
}

void
heard_statement_response_set_statement_id (HeardStatementResponse *self,
                                           gint64                  id)
{
  g_return_if_fail (HEARD_IS_STATEMENT_RESPONSE (self));

  self->statement_id = id;
}

const char *
heard_statement_response_get_what_we_did (HeardStatementResponse *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_RESPONSE (self), NULL);

  return self->what_we_did;
}

void
heard_statement_response_set_what_we_did (HeardStatementResponse *self,
                                          const char             *text)
{
  g_return_if_fail (HEARD_IS_STATEMENT_RESPONSE (self));

  if (replace_string (&self->what_we_did, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHAT_WE_DID]);
}

const char *
heard_statement_response_get_told_on (HeardStatementResponse *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_RESPONSE (self), NULL);

  return self->told_on;
}

void
heard_statement_response_set_told_on (HeardStatementResponse *self,
                                      const char             *date)
{
  g_return_if_fail (HEARD_IS_STATEMENT_RESPONSE (self));

  if (replace_string (&self->told_on, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOLD_ON]);
}

const char *
heard_statement_response_get_saved_by (HeardStatementResponse *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_RESPONSE (self), NULL);

  return self->saved_by;
}

const char *
heard_statement_response_get_saved_at (HeardStatementResponse *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_RESPONSE (self), NULL);

  return self->saved_at;
}

void
heard_statement_response_set_saved (HeardStatementResponse *self,
                                    const char             *saved_by,
                                    const char             *saved_at)
{
  g_return_if_fail (HEARD_IS_STATEMENT_RESPONSE (self));

  replace_string (&self->saved_by, saved_by);
  replace_string (&self->saved_at, saved_at);
}

GArray *
heard_statement_response_get_action_ids (HeardStatementResponse *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_RESPONSE (self), NULL);

  return self->action_ids;
}

void
heard_statement_response_add_action (HeardStatementResponse *self,
                                     gint64                  action_id,
                                     const char             *title)
{
  g_return_if_fail (HEARD_IS_STATEMENT_RESPONSE (self));

  g_array_append_val (self->action_ids, action_id);
  /* The titles stay NULL-terminated. */
  g_ptr_array_insert (self->action_titles, (int) self->action_titles->len - 1,
                      g_strdup (title != NULL ? title : ""));
}

const char *const *
heard_statement_response_get_action_titles (HeardStatementResponse *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_RESPONSE (self), NULL);

  return (const char *const *) self->action_titles->pdata;
}

gboolean
heard_statement_response_validate (HeardStatementResponse  *self,
                                   GError                 **error)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_RESPONSE (self), FALSE);

  if (!heard_text_check (self->what_we_did, HEARD_RESPONSE_MAX_CHARS, error))
    return FALSE;

  if (heard_text_is_blank (self->what_we_did))
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID,
                           _("Please say what was done about what they said."));
      return FALSE;
    }

  if (*self->told_on != '\0' &&
      !heard_check_date (self->told_on, HEARD_DATE_KIND_TOLD, error))
    return FALSE;

  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-text-fields"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-store.h"
#include "heard-text-fields.h"

static G_DEFINE_QUARK (heard-text-field-max-chars, max_chars)

void
heard_text_fields_install (GObjectClass         *object_class,
                           GParamSpec          **properties,
                           guint                 first_property,
                           const HeardTextField *fields,
                           guint                 n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      properties[first_property + i] =
        g_param_spec_string (fields[i].property, NULL, NULL, "",
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
      g_param_spec_set_qdata (properties[first_property + i], max_chars_quark (),
                              GUINT_TO_POINTER (fields[i].max_chars));
    }
}

/* The most characters @object's text field @property may hold, so that a
 * form can stop there; 0 when @property is not such a field. */
guint
heard_text_field_get_max_chars (GObject    *object,
                                const char *property)
{
  GParamSpec *pspec;

  g_return_val_if_fail (G_IS_OBJECT (object), 0);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  if (pspec == NULL)
    return 0;

  return GPOINTER_TO_UINT (g_param_spec_get_qdata (pspec, max_chars_quark ()));
}

void
heard_text_fields_init (char  **texts,
                        guint   n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    texts[i] = g_strdup ("");
}

void
heard_text_fields_clear (char  **texts,
                         guint   n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    g_clear_pointer (&texts[i], g_free);
}

/* Stores @text (NULL meaning empty) and notifies @pspec if it changed. */
gboolean
heard_text_fields_set (GObject     *object,
                       char       **texts,
                       guint        field,
                       const char  *text,
                       GParamSpec  *pspec)
{
  if (text == NULL)
    text = "";

  if (g_strcmp0 (texts[field], text) == 0)
    return FALSE;

  g_free (texts[field]);
  texts[field] = g_strdup (text);
  g_object_notify_by_pspec (object, pspec);

  return TRUE;
}

/* For get_property(): fills @value if @prop_id is one of the text fields,
 * which are properties @first_property to @first_property + @n_fields - 1. */
gboolean
heard_text_fields_get_property (char   **texts,
                                guint    first_property,
                                guint    n_fields,
                                guint    prop_id,
                                GValue  *value)
{
  if (prop_id < first_property || prop_id >= first_property + n_fields)
    return FALSE;

  g_value_set_string (value, texts[prop_id - first_property]);
  return TRUE;
}

/* For set_property(), the same way round. */
gboolean
heard_text_fields_set_property (GObject       *object,
                                char         **texts,
                                guint          first_property,
                                guint          n_fields,
                                guint          prop_id,
                                const GValue  *value,
                                GParamSpec    *pspec)
{
  if (prop_id < first_property || prop_id >= first_property + n_fields)
    return FALSE;

  heard_text_fields_set (object, texts, prop_id - first_property, g_value_get_string (value),
                         pspec);
  return TRUE;
}

gboolean
heard_text_fields_validate (char                 **texts,
                            const HeardTextField  *fields,
                            guint                  n_fields,
                            GError               **error)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (!heard_text_check (texts[i], fields[i].max_chars, error))
        return FALSE;
    }

  return TRUE;
}

/* Refuses @text as heard_text_check() does, naming the box @name when it
 * is too long. */
static gboolean
check_named (const char  *text,
             guint        max_chars,
             const char  *name,
             GError     **error)
{
  if (text != NULL && g_utf8_validate (text, -1, NULL) &&
      g_utf8_strlen (text, -1) > (glong) max_chars)
    {
      g_set_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID,
                   /* TRANSLATORS: %s is the name of a box, e.g. "Pronouns" */
                   _("“%s” holds more than Heard can keep (at most %u characters), so "
                     "nothing was saved. Please shorten it; what you typed is still "
                     "there."), name, max_chars);
      return FALSE;
    }

  return heard_text_check (text, max_chars, error);
}

/* Checks the one field whose property is @property, naming it @name
 * (what the person filling it in sees, e.g. "Pronouns") when it is too
 * long, so they know which box to shorten. */
gboolean
heard_text_fields_check_one (char                 **texts,
                             const HeardTextField  *fields,
                             guint                  n_fields,
                             const char            *property,
                             const char            *name,
                             GError               **error)
{
  g_return_val_if_fail (property != NULL && name != NULL, FALSE);

  for (guint i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].property, property) == 0)
        return check_named (texts[i], fields[i].max_chars, name, error);
    }

  g_return_val_if_reached (FALSE);
}

/* Checks the text field @property of @object, one of those installed by
 * heard_text_fields_install(), naming it @name as
 * heard_text_fields_check_one() does. */
gboolean
heard_text_field_check (GObject     *object,
                        const char  *property,
                        const char  *name,
                        GError     **error)
{
  g_autofree char *text = NULL;
  guint max_chars;

  g_return_val_if_fail (G_IS_OBJECT (object) && property != NULL && name != NULL, FALSE);

  max_chars = heard_text_field_get_max_chars (object, property);
  g_return_val_if_fail (max_chars > 0, FALSE);

  g_object_get (object, property, &text, NULL);
  return check_named (text, max_chars, name, error);
}

/* "a, b, c" with @suffix after each column name. */
char *
heard_text_fields_columns (const HeardTextField *fields,
                           guint                 n_fields,
                           const char           *suffix)
{
  g_autoptr(GString) columns = g_string_new (NULL);

  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (columns, "%s%s%s", i > 0 ? ", " : "", fields[i].column, suffix);

  return g_string_free (g_steal_pointer (&columns), FALSE);
}

/* "a = ?3, b = ?4, c = ?5" for @first_parameter 3: numbered, so that the
 * other parameters of a statement can come before or after them. */
char *
heard_text_fields_assignments (const HeardTextField *fields,
                               guint                 n_fields,
                               guint                 first_parameter)
{
  g_autoptr(GString) assignments = g_string_new (NULL);

  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (assignments, "%s%s = ?%u", i > 0 ? ", " : "", fields[i].column,
                            first_parameter + i);

  return g_string_free (g_steal_pointer (&assignments), FALSE);
}

/* Empty, or nothing but spaces and line breaks. */
gboolean
heard_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* Refuses text that is not UTF-8 or is longer than @max_chars characters. */
gboolean
heard_text_check (const char  *text,
                  guint        max_chars,
                  GError     **error)
{
  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID,
                           _("Part of the text is not readable as letters (not valid "
                             "UTF-8), so nothing was saved. Please type it again rather "
                             "than pasting it."));
      return FALSE;
    }

  if (g_utf8_strlen (text, -1) > (glong) max_chars)
    {
      g_set_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID,
                   _("One box holds more than Heard can keep (at most %u characters), "
                     "so nothing was saved. Please shorten it; what you typed is still "
                     "there."), max_chars);
      return FALSE;
    }

  return TRUE;
}

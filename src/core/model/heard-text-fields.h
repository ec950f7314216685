/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * Helpers for objects whose free-text fields are a numbered set of string
 * properties, one per database column, each with a length limit.
 */
typedef struct
{
  const char *property;
  const char *column;
  guint       max_chars;
} HeardTextField;

void      heard_text_fields_install  (GObjectClass         *object_class,
                                      GParamSpec          **properties,
                                      guint                 first_property,
                                      const HeardTextField *fields,
                                      guint                 n_fields);
guint     heard_text_field_get_max_chars (GObject          *object,
                                          const char       *property);
void      heard_text_fields_init     (char                **texts,
                                      guint                 n_fields);
void      heard_text_fields_clear    (char                **texts,
                                      guint                 n_fields);
gboolean  heard_text_fields_set      (GObject              *object,
                                      char                **texts,
                                      guint                 field,
                                      const char           *text,
                                      GParamSpec           *pspec);
gboolean  heard_text_fields_get_property (char               **texts,
                                          guint                first_property,
                                          guint                n_fields,
                                          guint                prop_id,
                                          GValue              *value);
gboolean  heard_text_fields_set_property (GObject             *object,
                                          char               **texts,
                                          guint                first_property,
                                          guint                n_fields,
                                          guint                prop_id,
                                          const GValue        *value,
                                          GParamSpec          *pspec);
gboolean  heard_text_fields_validate (char                **texts,
                                      const HeardTextField *fields,
                                      guint                 n_fields,
                                      GError              **error);
gboolean  heard_text_fields_check_one (char               **texts,
                                       const HeardTextField *fields,
                                       guint                 n_fields,
                                       const char           *property,
                                       const char           *name,
                                       GError              **error);
gboolean  heard_text_field_check     (GObject              *object,
                                      const char           *property,
                                      const char           *name,
                                      GError              **error);
char     *heard_text_fields_columns  (const HeardTextField *fields,
                                      guint                 n_fields,
                                      const char           *suffix) G_GNUC_WARN_UNUSED_RESULT;
char     *heard_text_fields_assignments (const HeardTextField *fields,
                                         guint                 n_fields,
                                         guint                 first_parameter)
                                         G_GNUC_WARN_UNUSED_RESULT;

gboolean  heard_text_is_blank        (const char           *text);
gboolean  heard_text_check           (const char           *text,
                                      guint                 max_chars,
                                      GError              **error);

G_END_DECLS

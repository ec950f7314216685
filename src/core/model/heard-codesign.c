/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-codesign"

#include "config.h"

#include "heard-codesign.h"
#include "heard-model-enums.h"

/*
 * The codes of co-design's records (heard-codesign.h): one home for turning
 * them into what the records keep, so that no table of words repeats the
 * enums' nicks.
 */

const char *
heard_codesign_to_code (GType type,
                        int   value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *found;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), NULL);

  klass = g_type_class_ref (type);
  found = g_enum_get_value (klass, value);

  return found != NULL ? found->value_nick : NULL;
}

gboolean
heard_codesign_from_code (GType       type,
                          const char *code,
                          int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *found;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  klass = g_type_class_ref (type);
  found = code != NULL ? g_enum_get_value_by_nick (klass, code) : NULL;
  if (found != NULL)
    *value = found->value;

  return found != NULL;
}

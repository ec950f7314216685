/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-enum-binding"

#include "config.h"

#include "heard-choice-row.h"
#include "heard-enum-binding.h"

/*
 * The model's stored codes are registered GEnums; the dialogs show them in
 * combo rows whose "selected" is a list position. One pair of transforms
 * maps between the two through the enum's own table, so every dialog binds
 * the same way and a code the list does not hold is refused, not guessed.
 * A choice row learns the enum's nicks as the ids of its options, so a
 * draft keeps the choice by its nick, never by its translated label.
 */

/* An enum value to the position of that value in its type's table. */
static gboolean
enum_to_position (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (G_VALUE_TYPE (from));
  GEnumValue *value = g_enum_get_value (enum_class, g_value_get_enum (from));

  if (value == NULL)
    return FALSE;

  g_value_set_uint (to, (guint) (value - enum_class->values));
  return TRUE;
}

/* A list position back to the enum value at that place in its table;
 * no selection (GTK_INVALID_LIST_POSITION) leaves the property as it was. */
static gboolean
position_to_enum (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (G_VALUE_TYPE (to));
  guint position = g_value_get_uint (from);

  if (position >= enum_class->n_values)
    return FALSE;

  g_value_set_enum (to, enum_class->values[position].value);
  return TRUE;
}

/* The nicks of @enum_type's values, in its table's order. */
static GStrv
dup_nicks (GType enum_type)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (enum_type);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < enum_class->n_values; i++)
    g_strv_builder_add (builder, enum_class->values[i].value_nick);

  return g_strv_builder_end (builder);
}

/* Binds the enum @property of @source to the selected position of @row,
 * both ways, starting from the property. The binding lives as long as both. */
GBinding *
heard_bind_enum_to_combo (gpointer     source,
                          const char  *property,
                          AdwComboRow *row)
{
  g_return_val_if_fail (G_IS_OBJECT (source), NULL);
  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), NULL);

  if (HEARD_IS_CHOICE_ROW (row))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (source), property);
      g_auto(GStrv) nicks = NULL;

      g_return_val_if_fail (G_IS_PARAM_SPEC_ENUM (pspec), NULL);
      nicks = dup_nicks (pspec->value_type);
      heard_choice_row_set_ids (HEARD_CHOICE_ROW (row), (const char * const *) nicks);
    }

  return g_object_bind_property_full (source, property, row, "selected",
                                      G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                      enum_to_position, position_to_enum,
                                      NULL, NULL);
}

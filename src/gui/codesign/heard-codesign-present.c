/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-codesign-present"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-codesign-present.h"
#include "heard-text-fields.h"

/*
 * "Who was there" for what a young person records in co-design mode, a
 * statement they type or a check-in, by one rule: their key worker as
 * their record names them, "in co-design". It may be read in court, so it
 * never names anyone the record does not: with no key worker recorded, or
 * a name too long for the field, it says "Their worker".
 */

void
heard_codesign_set_present (GObject       *draft,
                            HeardCaseFile *case_file)
{
  const char *worker;
  g_autofree char *present = NULL;

  g_return_if_fail (G_IS_OBJECT (draft));
  g_return_if_fail (HEARD_IS_CASE_FILE (case_file));

  worker = heard_person_get_text (heard_case_file_get_person (case_file),
                                  HEARD_PERSON_KEY_WORKER);
  if (!heard_text_is_blank (worker))
    {
      g_autofree char *name = g_strstrip (g_strdup (worker));

      /* TRANSLATORS: who was there: %s is their key worker, "Dev Kapoor" */
      present = g_strdup_printf (C_("co-design", "%s, in co-design"), name);
      if ((guint) g_utf8_strlen (present, -1) > heard_text_field_get_max_chars (draft, "present"))
        g_clear_pointer (&present, g_free);
    }
  g_object_set (draft, "present",
                present != NULL ? present : C_("co-design", "Their worker, in co-design"), NULL);
}

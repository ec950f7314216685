/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-codesign"

#include "config.h"

#include <glib/gi18n.h>

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

const char *
heard_exemption_label (HeardExemption exemption)
{
  switch (exemption)
    {
    case HEARD_EXEMPTION_THIRD_PARTY:
      return _("Information about someone else");
    case HEARD_EXEMPTION_SERIOUS_HARM:
      return _("Likely to cause serious harm");
    case HEARD_EXEMPTION_CRIME:
      return _("Prevention or detection of crime");
    case HEARD_EXEMPTION_LEGAL_PRIVILEGE:
      return _("Legal professional privilege");
    case HEARD_EXEMPTION_COURT:
      return _("Court proceedings");
    case HEARD_EXEMPTION_OTHER:
    case HEARD_EXEMPTION_N_KINDS:
    default:
      return _("Another exemption (see the reason)");
    }
}

const char *
heard_withheld_kind_label (HeardWithheldKind what)
{
  switch (what)
    {
    case HEARD_WITHHELD_STATEMENT:
      return _("Statement");
    case HEARD_WITHHELD_ANSWER:
      return _("“You said — we did” answer");
    case HEARD_WITHHELD_PLAN:
      return _("Support plan");
    case HEARD_WITHHELD_CHECK_IN:
      return _("Check-in");
    case HEARD_WITHHELD_CHRONOLOGY:
      return _("Chronology entry");
    case HEARD_WITHHELD_SHARING:
      return _("Sharing log entry");
    case HEARD_WITHHELD_OTHER:
    case HEARD_WITHHELD_N_KINDS:
    default:
      return _("Other");
    }
}

const char *
heard_say_kind_label (HeardSayKind kind)
{
  switch (kind)
    {
    case HEARD_SAY_AGREES:
      return _("They agree with this plan.");
    case HEARD_SAY_DOES_NOT_AGREE:
      return _("They do not agree with this plan.");
    case HEARD_SAY_NOT_SURE:
    case HEARD_SAY_N_KINDS:
    default:
      return _("They are not sure about this plan.");
    }
}

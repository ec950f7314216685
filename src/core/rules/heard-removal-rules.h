/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HEARD_REMOVAL_ERROR (heard_removal_error_quark ())

typedef enum /*< skip >*/
{
  HEARD_REMOVAL_ERROR_ACTIVE_PLAN,
  HEARD_REMOVAL_ERROR_OPEN_ITEMS,
  HEARD_REMOVAL_ERROR_NEEDS_REASON,
  HEARD_REMOVAL_ERROR_NOT_READY,
} HeardRemovalError;

/* Why a young person's record was removed: it was made by mistake. Kept in
 * the audit trail by its code (see heard_removal_rules_to_detail()). */
typedef enum
{
  HEARD_REMOVAL_REASON_NONE,
  HEARD_REMOVAL_REASON_DUPLICATE,
  HEARD_REMOVAL_REASON_WRONG_PERSON,
  HEARD_REMOVAL_REASON_OTHER,
} HeardRemovalReason;

/* The longest note a removal may carry, in characters. */
#define HEARD_REMOVAL_MAX_NOTE_CHARS 500

GQuark             heard_removal_error_quark           (void);
gboolean           heard_removal_rules_check_allowed   (GListModel          *plans,
                                                        GListModel          *open_items,
                                                        GError             **error);
gboolean           heard_removal_rules_check_reason    (HeardRemovalReason   reason,
                                                        const char          *note,
                                                        GError             **error);
const char        *heard_removal_rules_describe_reason (HeardRemovalReason   reason);
char              *heard_removal_rules_to_detail       (HeardRemovalReason   reason,
                                                        const char          *note)
                                                       G_GNUC_WARN_UNUSED_RESULT;
HeardRemovalReason heard_removal_rules_parse_detail    (const char          *detail,
                                                        char               **note);

G_END_DECLS

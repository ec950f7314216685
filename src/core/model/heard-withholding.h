/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "heard-codesign.h"

G_BEGIN_DECLS

/*
 * A decision to withhold one item from a subject access export (everything
 * held about a young person, asked for formally): what was withheld, under
 * which exemption, why, and who decided. Kept per export (its "exported"
 * audit entry), sealed in the audit trail, listed in the export's cover;
 * never changed or removed.
 */

#define HEARD_WITHHOLDING_MAX_CHARS 5000

#define HEARD_TYPE_WITHHOLDING (heard_withholding_get_type ())

G_DECLARE_FINAL_TYPE (HeardWithholding, heard_withholding, HEARD, WITHHOLDING, GObject)

/* A decision to save about the record @record_id (0 when the item is not
 * one record) of kind @what, described in @item ("The worker's note of 3
 * May"). */
HeardWithholding  *heard_withholding_new          (HeardWithheldKind   what,
                                                   gint64              record_id,
                                                   const char         *item,
                                                   HeardExemption      exemption,
                                                   const char         *reason,
                                                   const char         *decided_by)
                                                   G_GNUC_WARN_UNUSED_RESULT;
/* The record @record_id of kind @what, as a person would find it, by its
 * kind and day: "Statement of 3 May 2026, 14:30", "Support plan, version 2",
 * "Check-in of 1 March 2026". @record is that record (a HeardStatement,
 * HeardStatementResponse, HeardPlan, HeardCheckIn, HeardChronologyEntry or
 * HeardSharingEntry), or NULL when only its id is known: then "Statement 12".
 * Never its words, which are what may be withheld: the name goes on the
 * export's cover. heard-cli's --withhold and the subject access dialog
 * alike. */
char              *heard_withholding_name_item      (HeardWithheldKind what,
                                                     gint64            record_id,
                                                     gpointer          record)
                                                     G_GNUC_WARN_UNUSED_RESULT;
/* A decision about the record @record_id of kind @what, so named (@record
 * may be NULL). */
HeardWithholding  *heard_withholding_new_for_record (HeardWithheldKind what,
                                                     gint64            record_id,
                                                     gpointer          record,
                                                     HeardExemption    exemption,
                                                     const char       *reason,
                                                     const char       *decided_by)
                                                     G_GNUC_WARN_UNUSED_RESULT;
/* Refuses a decision without an item, a reason or who decided. */
gboolean           heard_withholding_check        (HeardWithholding  *self,
                                                   GError           **error);
/* For the store, once saved: afterwards it never changes. */
void               heard_withholding_set_saved    (HeardWithholding  *self,
                                                   gint64             id,
                                                   gint64             export_audit_id,
                                                   const char        *saved_by,
                                                   const char        *saved_at);

gint64             heard_withholding_get_id              (HeardWithholding *self);
/* The export's "exported" audit entry; 0 before it is saved. */
gint64             heard_withholding_get_export_audit_id (HeardWithholding *self);
HeardWithheldKind  heard_withholding_get_what            (HeardWithholding *self);
gint64             heard_withholding_get_record_id       (HeardWithholding *self);
const char        *heard_withholding_get_item            (HeardWithholding *self);
HeardExemption     heard_withholding_get_exemption       (HeardWithholding *self);
const char        *heard_withholding_get_reason          (HeardWithholding *self);
const char        *heard_withholding_get_decided_by      (HeardWithholding *self);
const char        *heard_withholding_get_saved_by        (HeardWithholding *self);
const char        *heard_withholding_get_saved_at        (HeardWithholding *self);

G_END_DECLS

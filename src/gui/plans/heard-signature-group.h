/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-case-file.h"
#include "heard-staff.h"

G_BEGIN_DECLS

#define HEARD_TYPE_SIGNATURE_GROUP (heard_signature_group_get_type ())

G_DECLARE_FINAL_TYPE (HeardSignatureGroup, heard_signature_group, HEARD, SIGNATURE_GROUP,
                      AdwPreferencesGroup)

void        heard_signature_group_load             (HeardSignatureGroup *self,
                                                    HeardCaseFile       *case_file);
void        heard_signature_group_sign_async       (HeardSignatureGroup *self,
                                                    gint64               plan_id,
                                                    HeardPlanDecision   *decision,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean    heard_signature_group_sign_finish      (HeardSignatureGroup *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* For a signed write that is not a plan decision: the supervisor chosen
 * and the passphrase typed, or NULL with @error said (beside the field
 * when one is wrong); then, with the write's outcome, heard_signature_
 * group_signed(), which empties the field and puts a wrong passphrase's
 * error beside it. */
HeardStaff *heard_signature_group_check            (HeardSignatureGroup *self,
                                                    const char         **passphrase,
                                                    GError             **error);
void        heard_signature_group_signed           (HeardSignatureGroup *self,
                                                    GError             **error);

G_END_DECLS

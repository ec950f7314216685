/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-case-file.h"

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

/* For a signed change other than a plan decision. */
gboolean    heard_signature_group_get_signer       (HeardSignatureGroup  *self,
                                                    gint64               *supervisor_id,
                                                    GError              **error);
const char *heard_signature_group_get_passphrase   (HeardSignatureGroup  *self);
GError     *heard_signature_group_refuse           (HeardSignatureGroup  *self,
                                                    GError               *error);
void        heard_signature_group_clear            (HeardSignatureGroup  *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-case-file.h"
#include "heard-dialog.h"
#include "heard-statement.h"

G_BEGIN_DECLS

/* Their consent to share one statement, changed: the last day it holds
 * ("until they say otherwise" or a day), or that they withdrew it and on
 * which day. Every change is kept beside the ones before. Emits "saved"
 * once the change is stored. */

#define HEARD_TYPE_CONSENT_DIALOG (heard_consent_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HeardConsentDialog, heard_consent_dialog, HEARD, CONSENT_DIALOG,
                      HeardDialog)

HeardConsentDialog *heard_consent_dialog_new (GtkWindow      *parent,
                                              HeardCaseFile  *case_file,
                                              HeardStatement *statement);

G_END_DECLS

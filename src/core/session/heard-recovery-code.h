/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "heard-key.h"

G_BEGIN_DECLS

/* The recovery code is the database key written out for people: Crockford
 * base32 of the key followed by a short checksum, in groups of four, e.g.
 * "7K2M-…-QX4D". It is shown once at set-up and kept by the organisation. */
#define HEARD_RECOVERY_CODE_CHARS      56
#define HEARD_RECOVERY_CODE_GROUP_SIZE 4
#define HEARD_RECOVERY_CODE_GROUPS     (HEARD_RECOVERY_CODE_CHARS / HEARD_RECOVERY_CODE_GROUP_SIZE)

#define HEARD_RECOVERY_CODE_ERROR (heard_recovery_code_error_quark ())

typedef enum
{
  HEARD_RECOVERY_CODE_ERROR_LENGTH,
  HEARD_RECOVERY_CODE_ERROR_CHARACTER,
  HEARD_RECOVERY_CODE_ERROR_CHECKSUM,
} HeardRecoveryCodeError;

GQuark    heard_recovery_code_error_quark (void);

char     *heard_recovery_code_format      (const HeardKey  *key) G_GNUC_WARN_UNUSED_RESULT;
HeardKey *heard_recovery_code_parse       (const char      *text,
                                           GError         **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

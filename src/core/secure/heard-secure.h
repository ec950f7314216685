/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean heard_secure_init        (GError **error);
void     heard_secure_free_string (char    *secret);
void     heard_secure_random      (guint8  *buffer,
                                   gsize    length);

/* For g_autoptr-style cleanup of strings that held a secret. */
typedef char HeardSecretString;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeardSecretString, heard_secure_free_string)

G_END_DECLS

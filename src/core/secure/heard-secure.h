/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean heard_secure_init        (GError **error);
void     heard_secure_free_string (char    *secret);
void     heard_secure_random      (guint8  *buffer,
                                   gsize    length);
/* Writes a private file (0600) whole or not at all, and durably: to a
 * temporary name, synced, renamed over @path, then its folder synced, so
 * that a crash leaves either the old file or the new one. */
gboolean heard_secure_write_file  (const char  *path,
                                   const char  *contents,
                                   gsize        length,
                                   GError     **error);

/* For g_autoptr-style cleanup of strings that held a secret. */
typedef char HeardSecretString;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeardSecretString, heard_secure_free_string)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HEARD_KEY_SIZE 32
#define HEARD_KEY_SALT_SIZE 16

/* A database key. It lives in guarded memory that is locked out of swap and
 * wiped when freed, so it never lingers in the heap or a core file. */
typedef struct _HeardKey HeardKey;

HeardKey     *heard_key_new_random         (void) G_GNUC_WARN_UNUSED_RESULT;
HeardKey     *heard_key_new_from_bytes     (const guint8  *bytes,
                                            gsize          length) G_GNUC_WARN_UNUSED_RESULT;
HeardKey     *heard_key_new_from_hex       (const char    *hex,
                                            GError       **error) G_GNUC_WARN_UNUSED_RESULT;
HeardKey     *heard_key_derive_from_passphrase (const char   *passphrase,
                                                const guint8 *salt,
                                                GError      **error) G_GNUC_WARN_UNUSED_RESULT;
HeardKey     *heard_key_copy               (const HeardKey *key) G_GNUC_WARN_UNUSED_RESULT;
const guint8 *heard_key_get_bytes          (const HeardKey *key);
char         *heard_key_to_hex             (const HeardKey *key) G_GNUC_WARN_UNUSED_RESULT;
gboolean      heard_key_equal              (const HeardKey *a,
                                            const HeardKey *b);
void          heard_key_free               (HeardKey      *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeardKey, heard_key_free)

G_END_DECLS

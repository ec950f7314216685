/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Stored as numbers: never reorder. */
typedef enum
{
  HEARD_STAFF_CASEWORKER,
  HEARD_STAFF_SUPERVISOR,
} HeardStaffRole;

/* The shortest passphrase a supervisor may sign with. */
#define HEARD_STAFF_MIN_PASSPHRASE_CHARS 10
#define HEARD_STAFF_MAX_PASSPHRASE_BYTES 1024

#define HEARD_TYPE_STAFF (heard_staff_get_type ())

G_DECLARE_FINAL_TYPE (HeardStaff, heard_staff, HEARD, STAFF, GObject)

HeardStaff     *heard_staff_new                 (HeardStaffRole   role) G_GNUC_WARN_UNUSED_RESULT;
HeardStaff     *heard_staff_copy                (HeardStaff      *self) G_GNUC_WARN_UNUSED_RESULT;
gint64          heard_staff_get_id              (HeardStaff      *self);
void            heard_staff_set_id              (HeardStaff      *self,
                                                 gint64           id);
const char     *heard_staff_get_name            (HeardStaff      *self);
void            heard_staff_set_name            (HeardStaff      *self,
                                                 const char      *name);
HeardStaffRole  heard_staff_get_role            (HeardStaff      *self);
gboolean        heard_staff_validate            (HeardStaff      *self,
                                                 GError         **error);

/* CPU- and memory-heavy on purpose (Argon2id): call only off the main thread. */
char           *heard_staff_hash_passphrase     (const char      *passphrase,
                                                 gboolean         fictional,
                                                 GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean        heard_staff_check_passphrase    (const char      *hash,
                                                 const char      *passphrase);
gboolean        heard_staff_passphrase_is_usable (const char     *passphrase,
                                                  GError        **error);

G_END_DECLS

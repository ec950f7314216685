/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "heard-audit.h"
#include "heard-key.h"

G_BEGIN_DECLS

/*
 * Database-thread side of the audit trail.
 *
 * _heard_audit_attach() gives a freshly opened connection the key that
 * chains its audit rows, derived from the database key; the store calls it
 * once on open. _heard_audit_open_checks() runs once the schema is current:
 * from then on every write transaction seals the kept records it adds, and
 * a missing or altered trigger holds writing.
 *
 * _heard_audit_append() adds one row. Call it inside the write transaction
 * of the change it records, so that the change and its audit row are kept
 * or lost together. @actor NULL means the caseworker set up in Preferences
 * (or the computer account's name until one is). @action is a short verb
 * ("created", "signed off"), @target_kind a noun ("plan", "person") and
 * @detail plain words about the change, never the young person's own words.
 *
 * _heard_audit_before_write() refuses while a problem holds writing, and
 * _heard_audit_before_commit() seals what the transaction added; the store's
 * begin and commit call them.
 */
gboolean _heard_audit_attach          (sqlite3         *db,
                                       const HeardKey  *database_key,
                                       GError         **error);
void     _heard_audit_open_checks     (sqlite3         *db);
gboolean _heard_audit_after_migration (sqlite3         *db,
                                       guint            version,
                                       GError         **error);
gboolean _heard_audit_append          (sqlite3         *db,
                                       const char      *actor,
                                       const char      *action,
                                       const char      *target_kind,
                                       gint64           target_id,
                                       const char      *detail,
                                       GError         **error);
gboolean _heard_audit_before_write    (sqlite3         *db,
                                       GError         **error);
gboolean _heard_audit_before_commit   (sqlite3         *db,
                                       GError         **error);
/* Who wrote the newest entry and when: what a record added with it keeps
 * as its own "who and when". */
gboolean _heard_audit_read_newest     (sqlite3         *db,
                                       char           **actor,
                                       char           **at,
                                       GError         **error);
/* The newest entry, on any connection (the store's or a copy's). */
HeardAuditAnchor *_heard_audit_read_head (sqlite3    *db,
                                          GError    **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

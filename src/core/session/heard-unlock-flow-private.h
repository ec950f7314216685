/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * What the data folder says about the database: whether heard.db holds
 * anything, and what heard.ini, the note written beside it, says. Only
 * HeardUnlockFlow reads and writes it; the reader and writer are here so
 * that a fuzz test can feed the reader any bytes at all.
 */
/* The records file and the note beside it, in the data folder. */
#define HEARD_DATABASE_FILE "heard.db"
#define HEARD_INFO_FILE "heard.ini"

typedef struct
{
  /* heard.db holds something to open. */
  gboolean  database_exists;
  /* Records are left in heard.db-wal or heard.db-journal. */
  gboolean  wal_has_records;
  gboolean  journal_has_records;
  /* heard.ini is there but cannot be trusted: unreadable, or a value is
   * empty or malformed. Its other fields are then left unset. */
  gboolean  note_damaged;
  char     *uuid;
  gboolean  passphrase_protected;
  /* A practice set (protection=practice): fictional records whose key is
   * kept in HEARD_PRACTICE_KEY_FILE beside them. */
  gboolean  practice;
  char     *salt_hex;
  gboolean  recovery_confirmed;
  gboolean  database_created;
  /* The audit trail's head (heard_audit_anchor_to_string()) and its MAC, in
   * passphrase mode; NULL when not noted here. */
  char     *audit_anchor;
  char     *audit_anchor_mac;
  /* caseworker.ini (HEARD_CASEWORKER_FILE) is in the folder: found by
   * looking, not read from heard.ini. */
  gboolean  caseworker_note_exists;
  /* Which write of the note this copy is: a later copy supersedes it. */
  guint64   generation;
} HeardDatabaseInfo;

/* A practice set's key, as hex, beside its records: fictional records
 * need no keyring and no passphrase, and open on any computer. */
#define HEARD_PRACTICE_KEY_FILE "practice.key"

void      _heard_database_info_clear   (HeardDatabaseInfo       *info);
gboolean  _heard_database_info_parse   (HeardDatabaseInfo       *info,
                                        const char              *contents,
                                        gsize                    length);
char     *_heard_database_info_to_data (const HeardDatabaseInfo *info,
                                        gsize                   *length)
                                        G_GNUC_WARN_UNUSED_RESULT;
/* Reads heard.ini of @data_dir: FALSE when it is missing, empty or damaged. */
gboolean  _heard_database_info_read    (HeardDatabaseInfo       *info,
                                        const char              *data_dir);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HeardDatabaseInfo, _heard_database_info_clear)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * What the data folder says about the database: whether heard.db holds
 * anything, and what heard.ini, the note written beside it, says. Only
 * HeardContext reads and writes it; the reader and writer are here so that
 * a fuzz test can feed the reader any bytes at all.
 */
typedef struct
{
  gboolean  database_exists;
  char     *uuid;
  gboolean  passphrase_protected;
  char     *salt_hex;
  gboolean  recovery_confirmed;
  gboolean  database_created;
} HeardDatabaseInfo;

void      _heard_database_info_clear   (HeardDatabaseInfo       *info);
void      _heard_database_info_parse   (HeardDatabaseInfo       *info,
                                        const char              *contents,
                                        gsize                    length);
char     *_heard_database_info_to_data (const HeardDatabaseInfo *info,
                                        gsize                   *length)
                                        G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-store"

#include "config.h"

#include "heard-store-migrations.h"

/*
 * The schema, one forward-only step per entry. Entry N takes a database from
 * user_version N to N + 1 inside one transaction. Never edit a step that has
 * shipped: add a new one. Only SQL that SQLCipher 3.4 (SQLite 3.15) and 4.x
 * share: no UPSERT, RETURNING or window functions; FTS4 for search.
 */
static const char *const migrations[] = {
  /* 1: young people, and a full-text index of their names. */
  "CREATE TABLE person ("
  "  id INTEGER PRIMARY KEY,"
  "  display_name TEXT NOT NULL CHECK (length(display_name) > 0),"
  "  preferred_name TEXT NOT NULL DEFAULT '',"
  "  pronouns TEXT NOT NULL DEFAULT '',"
  "  date_of_birth TEXT NOT NULL DEFAULT '',"
  "  first_language TEXT NOT NULL DEFAULT '',"
  "  interpreter_needed INTEGER NOT NULL DEFAULT 0,"
  "  ethnicity TEXT NOT NULL DEFAULT '',"
  "  nationality TEXT NOT NULL DEFAULT '',"
  "  nationality_answer INTEGER NOT NULL DEFAULT 0,"
  "  key_worker TEXT NOT NULL DEFAULT '',"
  "  agencies TEXT NOT NULL DEFAULT '',"
  "  what_helps TEXT NOT NULL DEFAULT '',"
  "  what_is_hard TEXT NOT NULL DEFAULT '',"
  "  status INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  removed_at TEXT"
  ");"
  "CREATE VIRTUAL TABLE person_search USING fts4("
  "  display_name, preferred_name, tokenize=unicode61 \"remove_diacritics=1\""
  ");"
  "CREATE TRIGGER person_search_insert AFTER INSERT ON person BEGIN"
  "  INSERT INTO person_search (docid, display_name, preferred_name)"
  "    VALUES (new.id, new.display_name, new.preferred_name);"
  "END;"
  "CREATE TRIGGER person_search_update AFTER UPDATE OF display_name, preferred_name ON person BEGIN"
  "  DELETE FROM person_search WHERE docid = old.id;"
  "  INSERT INTO person_search (docid, display_name, preferred_name)"
  "    VALUES (new.id, new.display_name, new.preferred_name);"
  "END;"
  "CREATE TRIGGER person_search_delete AFTER DELETE ON person BEGIN"
  "  DELETE FROM person_search WHERE docid = old.id;"
  "END;",
};

const char *const *
_heard_store_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);

  return migrations;
}

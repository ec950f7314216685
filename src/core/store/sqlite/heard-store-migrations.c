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
/* What keeps the full-text index of statements up to date (schema 3):
 * named once, because a batch of fictional records pauses it. */
#define STATEMENT_SEARCH_TRIGGERS \
  "CREATE TRIGGER statement_search_version AFTER INSERT ON statement_version BEGIN" \
  "  DELETE FROM statement_search WHERE docid = new.statement_id;" \
  "  INSERT INTO statement_search (docid, words, context, their_note, answers)" \
  "    VALUES (new.statement_id, new.words, new.context, new.their_note," \
  "            (SELECT group_concat (what_we_did, char (10)) FROM statement_response" \
  "             WHERE statement_id = new.statement_id));" \
  "END;" \
  "CREATE TRIGGER statement_search_response AFTER INSERT ON statement_response BEGIN" \
  "  UPDATE statement_search" \
  "    SET answers = (SELECT group_concat (what_we_did, char (10)) FROM statement_response" \
  "                   WHERE statement_id = new.statement_id)" \
  "    WHERE docid = new.statement_id;" \
  "END;"

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

  /* 2: staff, support plans (versioned, with areas of life, actions and
   * signed reviews) and the append-only, hash-chained audit trail. */
  "CREATE TABLE staff ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(name) > 0),"
  "  role INTEGER NOT NULL CHECK (role IN (0, 1)),"
  "  passphrase_hash TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  retired_at TEXT,"
  "  CHECK (role = 0 OR passphrase_hash IS NOT NULL)"
  ");"
  "CREATE UNIQUE INDEX staff_one_caseworker ON staff (role)"
  "  WHERE role = 0 AND retired_at IS NULL;"
  "CREATE TABLE plan ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES person (id),"
  "  version INTEGER NOT NULL CHECK (version > 0),"
  "  based_on INTEGER REFERENCES plan (id),"
  "  state INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 5),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  submitted_at TEXT,"
  "  signed_off_at TEXT,"
  "  next_review TEXT NOT NULL DEFAULT '',"
  "  review_limit TEXT NOT NULL DEFAULT '',"
  "  closed_at TEXT,"
  "  closure_reason TEXT NOT NULL DEFAULT '',"
  "  closure_view TEXT NOT NULL DEFAULT '',"
  "  closure_view_missing TEXT NOT NULL DEFAULT '',"
  "  closes_case INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (person_id, version),"
  "  CHECK (state <> 4 OR (length(closure_reason) > 0 AND"
  "         (length(closure_view) > 0 OR length(closure_view_missing) > 0)))"
  ");"
  "CREATE UNIQUE INDEX plan_one_active ON plan (person_id) WHERE state = 2;"
  "CREATE UNIQUE INDEX plan_one_in_progress ON plan (person_id) WHERE state IN (0, 1, 3);"
  "CREATE TABLE plan_area ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plan (id),"
  "  kind INTEGER NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  label TEXT NOT NULL CHECK (length(label) > 0),"
  "  worried TEXT NOT NULL DEFAULT '',"
  "  working_well TEXT NOT NULL DEFAULT '',"
  "  needs_to_happen TEXT NOT NULL DEFAULT '',"
  "  goal_own_words TEXT NOT NULL DEFAULT '',"
  "  goal_worker TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (plan_id, kind)"
  ");"
  "CREATE TABLE plan_action ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plan (id),"
  "  area_id INTEGER NOT NULL REFERENCES plan_area (id),"
  "  what TEXT NOT NULL CHECK (length(what) > 0),"
  "  owner TEXT NOT NULL,"
  "  owner_name TEXT NOT NULL DEFAULT '',"
  "  due_date TEXT NOT NULL,"
  "  status INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 3),"
  "  acknowledged_on TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE INDEX plan_action_area ON plan_action (area_id);"
  "CREATE INDEX plan_action_open ON plan_action (plan_id, due_date) WHERE status <> 2;"
  "CREATE TABLE plan_review ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plan (id),"
  "  decision INTEGER NOT NULL,"
  "  reviewer_id INTEGER NOT NULL REFERENCES staff (id),"
  "  reviewer_name TEXT NOT NULL,"
  "  comments TEXT NOT NULL DEFAULT '',"
  "  decided_at TEXT NOT NULL"
  ");"
  "CREATE INDEX plan_review_plan ON plan_review (plan_id);"
  "CREATE TRIGGER plan_review_no_update BEFORE UPDATE ON plan_review BEGIN"
  "  SELECT RAISE (ABORT, 'a signed review cannot be changed');"
  "END;"
  "CREATE TRIGGER plan_review_no_delete BEFORE DELETE ON plan_review BEGIN"
  "  SELECT RAISE (ABORT, 'a signed review cannot be removed');"
  "END;"
  "CREATE TABLE audit ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  actor TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  target_kind TEXT NOT NULL,"
  "  target_id INTEGER NOT NULL,"
  "  detail TEXT NOT NULL DEFAULT '',"
  "  hash BLOB NOT NULL"
  ");"
  "CREATE INDEX audit_target ON audit (target_kind, target_id);"
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN"
  "  SELECT RAISE (ABORT, 'the audit trail is append-only');"
  "END;"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN"
  "  SELECT RAISE (ABORT, 'the audit trail is append-only');"
  "END;",

  /* 3: statements in the young person's own words. A statement's versions
   * (1 the original, then amendments with a reason) and its answers ("You
   * said — we did") are only ever added: triggers refuse to overwrite or
   * remove them. The search index holds each statement's newest version. */
  "CREATE TABLE statement ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES person (id)"
  ");"
  "CREATE INDEX statement_person ON statement (person_id);"
  "CREATE TABLE statement_version ("
  "  id INTEGER PRIMARY KEY,"
  "  statement_id INTEGER NOT NULL REFERENCES statement (id),"
  "  version INTEGER NOT NULL CHECK (version > 0),"
  "  words TEXT NOT NULL CHECK (length (trim (words)) > 0),"
  "  given_on TEXT NOT NULL CHECK (length (given_on) = 10),"
  "  given_time TEXT NOT NULL DEFAULT '',"
  "  place TEXT NOT NULL DEFAULT '',"
  "  present TEXT NOT NULL DEFAULT '',"
  "  their_note TEXT NOT NULL DEFAULT '',"
  "  context TEXT NOT NULL DEFAULT '',"
  "  share_with TEXT NOT NULL DEFAULT '',"
  "  content_note TEXT NOT NULL DEFAULT '',"
  "  reason TEXT NOT NULL DEFAULT '',"
  "  given_how TEXT NOT NULL CHECK (given_how IN ('spoken', 'written', 'typed', 'drawn',"
  "                                               'signed', 'interpreted')),"
  "  read_back TEXT NOT NULL CHECK (read_back IN ('not-yet', 'agreed', 'disagreed',"
  "                                               'declined')),"
  "  sensitive INTEGER NOT NULL CHECK (sensitive IN (0, 1)),"
  "  saved_by TEXT NOT NULL,"
  "  saved_at TEXT NOT NULL,"
  "  UNIQUE (statement_id, version),"
  "  CHECK (version = 1 OR length (trim (reason)) > 0)"
  ");"
  "CREATE TRIGGER statement_version_in_turn BEFORE INSERT ON statement_version"
  "  WHEN new.version <> (SELECT count (*) + 1 FROM statement_version"
  "                       WHERE statement_id = new.statement_id) BEGIN"
  "  SELECT RAISE (ABORT, 'a statement changed while this amendment was written');"
  "END;"
  "CREATE TRIGGER statement_no_update BEFORE UPDATE ON statement BEGIN"
  "  SELECT RAISE (ABORT, 'a statement is never changed in place');"
  "END;"
  "CREATE TRIGGER statement_no_delete BEFORE DELETE ON statement BEGIN"
  "  SELECT RAISE (ABORT, 'a statement is never removed');"
  "END;"
  "CREATE TRIGGER statement_version_no_update BEFORE UPDATE ON statement_version BEGIN"
  "  SELECT RAISE (ABORT, 'a young person''s words are never overwritten: add an amendment');"
  "END;"
  "CREATE TRIGGER statement_version_no_delete BEFORE DELETE ON statement_version BEGIN"
  "  SELECT RAISE (ABORT, 'a young person''s words are never removed');"
  "END;"
  "CREATE TABLE statement_response ("
  "  id INTEGER PRIMARY KEY,"
  "  statement_id INTEGER NOT NULL REFERENCES statement (id),"
  "  what_we_did TEXT NOT NULL CHECK (length (trim (what_we_did)) > 0),"
  "  told_on TEXT NOT NULL DEFAULT '',"
  "  saved_by TEXT NOT NULL,"
  "  saved_at TEXT NOT NULL"
  ");"
  "CREATE INDEX statement_response_statement ON statement_response (statement_id);"
  "CREATE TRIGGER statement_response_kept BEFORE UPDATE ON statement_response"
  "  WHEN old.told_on <> '' OR length (new.told_on) <> 10"
  "    OR new.id IS NOT old.id OR new.statement_id IS NOT old.statement_id"
  "    OR new.what_we_did IS NOT old.what_we_did OR new.saved_by IS NOT old.saved_by"
  "    OR new.saved_at IS NOT old.saved_at BEGIN"
  "  SELECT RAISE (ABORT, 'an answer is never rewritten; only the day they were told is added');"
  "END;"
  "CREATE TRIGGER statement_response_no_delete BEFORE DELETE ON statement_response BEGIN"
  "  SELECT RAISE (ABORT, 'an answer is never removed');"
  "END;"
  "CREATE TABLE statement_response_action ("
  "  response_id INTEGER NOT NULL REFERENCES statement_response (id),"
  "  action_id INTEGER NOT NULL REFERENCES plan_action (id),"
  "  PRIMARY KEY (response_id, action_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX statement_response_action_action ON statement_response_action (action_id);"
  "CREATE TRIGGER statement_response_action_no_update BEFORE UPDATE"
  "  ON statement_response_action BEGIN"
  "  SELECT RAISE (ABORT, 'an answer is never rewritten');"
  "END;"
  "CREATE TRIGGER statement_response_action_no_delete BEFORE DELETE"
  "  ON statement_response_action BEGIN"
  "  SELECT RAISE (ABORT, 'an answer is never rewritten');"
  "END;"
  "CREATE VIRTUAL TABLE statement_search USING fts4 ("
  "  words, context, their_note, answers, prefix=\"1,2,3\","
  "  tokenize=unicode61 \"remove_diacritics=1\""
  ");"
  STATEMENT_SEARCH_TRIGGERS,

  /* 4: an audit entry can seal a record Heard never changes with a hash of
   * its content (heard-audit.c has the canonical form). Entries written
   * before keep their hashes; the records they kept are sealed by new
   * entries when the update runs. */
  "ALTER TABLE audit ADD COLUMN content_kind TEXT;"
  "ALTER TABLE audit ADD COLUMN content_id INTEGER;"
  "ALTER TABLE audit ADD COLUMN content_hash BLOB;"
  "CREATE INDEX audit_content ON audit (content_kind, content_id);",

  /* 5: drafts, what an editor held when Heard locked or closed, kept
   * here so that it is encrypted like everything else. One per editor (its
   * kind and what it is about), replaced whole each time; not records, so
   * no audit entry and no trigger (heard-store-drafts.c says why). */
  "CREATE TABLE draft ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (length (kind) > 0),"
  "  person_id INTEGER NOT NULL DEFAULT 0,"
  "  subject_id INTEGER NOT NULL DEFAULT 0,"
  "  part INTEGER NOT NULL DEFAULT 0,"
  "  focus TEXT NOT NULL DEFAULT '',"
  "  cursor INTEGER NOT NULL DEFAULT 0 CHECK (cursor >= 0),"
  "  saved_at TEXT NOT NULL,"
  "  UNIQUE (kind, person_id, subject_id, part)"
  ");"
  "CREATE TABLE draft_field ("
  "  draft_id INTEGER NOT NULL REFERENCES draft (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  text TEXT NOT NULL,"
  "  PRIMARY KEY (draft_id, name)"
  ") WITHOUT ROWID;",

  /* 6: check-ins, each a dated record on one plan: the young person's and
   * the worker's 0-10 ratings of each area side by side (never averaged),
   * the young person's safety scale, their words, the worker's note and who
   * was there. A rating not given is skipped or "rather not say", with no
   * value. Records: only ever added, sealed in the audit trail. */
  "CREATE TABLE check_in ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plan (id),"
  "  day TEXT NOT NULL CHECK (length (day) = 10),"
  "  safety_state TEXT NOT NULL CHECK (safety_state IN ('given', 'skipped', 'rather-not-say')),"
  "  safety INTEGER,"
  "  their_words TEXT NOT NULL DEFAULT '',"
  "  worker_note TEXT NOT NULL DEFAULT '',"
  "  present TEXT NOT NULL DEFAULT '',"
  "  saved_by TEXT NOT NULL,"
  "  saved_at TEXT NOT NULL,"
  "  CHECK ((safety_state = 'given') = (safety IS NOT NULL AND safety BETWEEN 0 AND 10))"
  ");"
  "CREATE INDEX check_in_plan ON check_in (plan_id, day);"
  "CREATE TABLE check_in_rating ("
  "  check_in_id INTEGER NOT NULL REFERENCES check_in (id),"
  "  area_kind INTEGER NOT NULL CHECK (area_kind >= 0),"
  "  rater TEXT NOT NULL CHECK (rater IN ('young-person', 'worker')),"
  "  state TEXT NOT NULL CHECK (state IN ('given', 'skipped', 'rather-not-say')),"
  "  value INTEGER,"
  "  CHECK ((state = 'given') = (value IS NOT NULL AND value BETWEEN 0 AND 10)),"
  "  PRIMARY KEY (check_in_id, area_kind, rater)"
  ") WITHOUT ROWID;"
  "CREATE TRIGGER check_in_no_update BEFORE UPDATE ON check_in BEGIN"
  "  SELECT RAISE (ABORT, 'a check-in is never changed');"
  "END;"
  "CREATE TRIGGER check_in_no_delete BEFORE DELETE ON check_in BEGIN"
  "  SELECT RAISE (ABORT, 'a check-in is never removed');"
  "END;"
  "CREATE TRIGGER check_in_rating_no_update BEFORE UPDATE ON check_in_rating BEGIN"
  "  SELECT RAISE (ABORT, 'a check-in is never changed');"
  "END;"
  "CREATE TRIGGER check_in_rating_no_delete BEFORE DELETE ON check_in_rating BEGIN"
  "  SELECT RAISE (ABORT, 'a check-in is never removed');"
  "END;",
};

const char *const *
_heard_store_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);

  return migrations;
}

/* The index is paused by dropping its triggers, and resumed by filling it
 * as they would have (each statement's newest words, with its answers),
 * in order of statement, then putting them back as the schema has them. */
const char *
_heard_store_get_statement_search_pause (void)
{
  return "DROP TRIGGER statement_search_version;"
         "DROP TRIGGER statement_search_response;";
}

const char *
_heard_store_get_statement_search_resume (void)
{
  return "INSERT INTO statement_search (docid, words, context, their_note, answers)"
         "  SELECT v.statement_id, v.words, v.context, v.their_note,"
         "         (SELECT group_concat (what_we_did, char (10)) FROM statement_response"
         "          WHERE statement_id = v.statement_id)"
         "  FROM statement_version AS v"
         "  WHERE v.version = (SELECT max (version) FROM statement_version"
         "                     WHERE statement_id = v.statement_id)"
         "  ORDER BY v.statement_id;"
         STATEMENT_SEARCH_TRIGGERS;
}

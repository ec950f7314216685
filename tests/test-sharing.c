/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-sharing"

#include "config.h"

#include <string.h>

#include "heard-chronology-rows.h"
#include "heard-date.h"
#include "heard-sharing-entry.h"
#include "heard-store-agencies.h"
#include "heard-store-sharing.h"
#include "heard-test-utils.h"

/*
 * The sharing log's rules, as the core keeps them: a share needs a lawful
 * basis and the worker's words on why it was necessary; where the young
 * person did not agree or was not asked, a reason and who decided; a
 * decision not to share, its reason; a day not in the future; and an
 * amendment keeps the original. Each refusal is said beside its field
 * (heard_sharing_entry_check()) and refused by the store, which saves
 * nothing.
 */

typedef struct
{
  char         *dir;
  HeardStore   *store;
  GAsyncResult *result;
  GAsyncResult *last;
  gint64        person_id;
  gint64        agency_id;
} Fixture;

#define ASYNC(f) NULL, heard_test_store_result_cb, &(f)->result

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(HeardKey) key = heard_key_new_random ();
  g_autoptr(HeardDirectoryAgency) agency = heard_directory_agency_new (HEARD_AGENCY_TYPE_POLICE,
                                                                       "Northgate Police");
  g_autoptr(HeardPerson) person = heard_test_person_new ("Amira Haddad");
  g_autoptr(GError) error = NULL;

  f->dir = heard_test_make_dir ();
  path = g_build_filename (f->dir, "heard.db", NULL);
  f->store = heard_test_create_store (path, key);
  f->person_id = heard_test_save_person (f->store, person, &error);
  g_assert_no_error (error);
  heard_store_save_agency_async (f->store, agency, ASYNC (f));
  f->agency_id = heard_store_save_agency_finish (f->store,
                                                 heard_test_result_of (&f->result, &f->last),
                                                 &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->last);
  heard_test_close_store (&f->store);
  heard_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* A share that may be saved: consent, a purpose, agreed, told. */
static HeardSharingEntry *
share_new (Fixture *f)
{
  HeardSharingEntry *entry = heard_sharing_entry_new (f->person_id, HEARD_SHARING_SHARED);

  heard_sharing_entry_set_agency_id (entry, f->agency_id);
  heard_sharing_entry_set_shared_on (entry, "2026-02-10");
  heard_sharing_entry_set_lawful_basis (entry, "consent");
  heard_sharing_entry_set_method (entry, HEARD_SHARING_METHOD_PHONE);
  heard_sharing_entry_set_text (entry, HEARD_SHARING_WHAT, "Where she was last seen");
  heard_sharing_entry_set_text (entry, HEARD_SHARING_NECESSARY, "To find her that night.");
  heard_sharing_entry_set_text (entry, HEARD_SHARING_PURPOSE, "Finding her");
  heard_sharing_entry_set_agreed (entry, HEARD_SHARING_AGREED_YES);
  heard_sharing_entry_set_told (entry, TRUE);
  return entry;
}

/* Records @entry, or amends its entry when it has one. */
static gint64
record (Fixture            *f,
        HeardSharingEntry  *entry,
        GError            **error)
{
  if (heard_sharing_entry_get_id (entry) > 0)
    {
      heard_store_amend_sharing_entry_async (f->store, entry, ASYNC (f));
      return heard_store_amend_sharing_entry_finish (f->store,
                                                     heard_test_result_of (&f->result, &f->last),
                                                     error);
    }
  heard_store_record_sharing_entry_async (f->store, entry, ASYNC (f));
  return heard_store_record_sharing_entry_finish (f->store,
                                                  heard_test_result_of (&f->result, &f->last),
                                                  error);
}

static guint
count_entries (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  heard_store_list_sharing_async (f->store, f->person_id, ASYNC (f));
  entries = heard_store_list_sharing_finish (f->store, heard_test_result_of (&f->result, &f->last),
                                             &error);
  g_assert_no_error (error);
  return entries->len;
}

/* The one problem @entry has is in @field, in words that say what to do;
 * the store refuses it and keeps nothing. */
static void
assert_refused_for (Fixture           *f,
                    HeardSharingEntry *entry,
                    HeardSharingField  field,
                    const char        *words)
{
  g_autoptr(GPtrArray) problems = heard_sharing_entry_check (entry);
  g_autoptr(GError) error = NULL;
  const GError *problem;
  guint before = count_entries (f);

  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_error (problem, HEARD_SHARING_ERROR, (int) field);
  g_assert_cmpstr (problem->message, ==, words);

  g_assert_cmpint (record (f, entry, &error), ==, 0);
  g_assert_error (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_cmpuint (count_entries (f), ==, before);
}

static void
test_saved (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(HeardSharingEntry) entry = share_new (f);
  g_autoptr(GError) error = NULL;

  g_assert_null (heard_sharing_entry_check (entry));
  g_assert_cmpint (record (f, entry, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (f), ==, 1);
}

static void
test_needs_lawful_basis (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(HeardSharingEntry) entry = share_new (f);

  heard_sharing_entry_set_lawful_basis (entry, "");
  assert_refused_for (f, entry, HEARD_SHARING_LAWFUL_BASIS,
                      "Choose the lawful basis for sharing");
}

/* Not asked, or did not agree: a reason and who decided, both. */
static void
test_needs_reason_without_consent (Fixture       *f,
                                   gconstpointer  data)
{
  const HeardSharingAgreed without[] = { HEARD_SHARING_AGREED_NO,
                                         HEARD_SHARING_AGREED_NOT_ASKED };

  for (gsize i = 0; i < G_N_ELEMENTS (without); i++)
    {
      g_autoptr(HeardSharingEntry) entry = share_new (f);
      g_autoptr(GError) error = NULL;

      heard_sharing_entry_set_lawful_basis (entry, "safeguarding");
      heard_sharing_entry_set_agreed (entry, without[i]);
      heard_sharing_entry_set_text (entry, HEARD_SHARING_DECIDED_BY, "Sam Reid, team manager");
      assert_refused_for (f, entry, HEARD_SHARING_AGREEMENT_REASON,
                          "Say why they were not asked or did not agree");

      heard_sharing_entry_set_text (entry, HEARD_SHARING_AGREEMENT_REASON,
                                    "Asking would have warned the men she was with.");
      heard_sharing_entry_set_text (entry, HEARD_SHARING_DECIDED_BY, " ");
      assert_refused_for (f, entry, HEARD_SHARING_DECIDED_BY,
                          "Say who decided without their agreement");

      heard_sharing_entry_set_text (entry, HEARD_SHARING_DECIDED_BY, "Sam Reid, team manager");
      g_assert_cmpint (record (f, entry, &error), >, 0);
      g_assert_no_error (error);
    }
}

/* share_new's fields, without whether they agreed and were told. */
static HeardSharingEntry *
unanswered_new (Fixture *f)
{
  HeardSharingEntry *entry = heard_sharing_entry_new (f->person_id, HEARD_SHARING_SHARED);

  heard_sharing_entry_set_agency_id (entry, f->agency_id);
  heard_sharing_entry_set_shared_on (entry, "2026-02-10");
  heard_sharing_entry_set_lawful_basis (entry, "consent");
  heard_sharing_entry_set_text (entry, HEARD_SHARING_WHAT, "Where she was last seen");
  heard_sharing_entry_set_text (entry, HEARD_SHARING_NECESSARY, "To find her that night.");
  heard_sharing_entry_set_text (entry, HEARD_SHARING_PURPOSE, "Finding her");
  return entry;
}

/* A new entry says nothing for them: whether they agreed and were told
 * are asked, beside each, and a share is refused until both are answered;
 * a copy keeps what was answered. */
static void
test_needs_answers (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HeardSharingEntry) fresh = heard_sharing_entry_new (f->person_id,
                                                                HEARD_SHARING_SHARED);
  g_autoptr(HeardSharingEntry) not_agreed = unanswered_new (f);
  g_autoptr(HeardSharingEntry) not_told = unanswered_new (f);
  g_autoptr(HeardSharingEntry) copy = NULL;

  g_assert_false (heard_sharing_entry_is_answered (fresh, HEARD_SHARING_AGREED));
  g_assert_false (heard_sharing_entry_is_answered (fresh, HEARD_SHARING_TOLD));
  g_assert_cmpint (heard_sharing_entry_get_agency_id (fresh), ==, 0);

  heard_sharing_entry_set_told (not_agreed, TRUE);
  assert_refused_for (f, not_agreed, HEARD_SHARING_AGREED, "Say whether they agreed");
  heard_sharing_entry_set_agreed (not_told, HEARD_SHARING_AGREED_YES);
  assert_refused_for (f, not_told, HEARD_SHARING_TOLD, "Say whether they were told");

  heard_sharing_entry_set_told (not_told, TRUE);
  copy = heard_sharing_entry_copy (not_told);
  g_assert_true (heard_sharing_entry_is_answered (copy, HEARD_SHARING_AGREED));
  g_assert_true (heard_sharing_entry_is_answered (copy, HEARD_SHARING_TOLD));
  g_assert_null (heard_sharing_entry_check (copy));
}

/* What a share was for is asked, beside its field. */
static void
test_needs_purpose (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HeardSharingEntry) entry = share_new (f);

  heard_sharing_entry_set_text (entry, HEARD_SHARING_PURPOSE, "  ");
  assert_refused_for (f, entry, HEARD_SHARING_PURPOSE, "Say what it was shared for");
}

static void
test_not_shared_needs_reason (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(HeardSharingEntry) entry = heard_sharing_entry_new (f->person_id,
                                                                HEARD_SHARING_NOT_SHARED);
  g_autoptr(GError) error = NULL;

  heard_sharing_entry_set_agency_id (entry, f->agency_id);
  heard_sharing_entry_set_text (entry, HEARD_SHARING_WHAT, "Her statement about the party");
  assert_refused_for (f, entry, HEARD_SHARING_NOT_SHARED_REASON, "Say why it was not shared");

  /* Not shared: no lawful basis, nothing on necessity, no purpose, and
   * whether they agreed or were told is not asked. */
  g_assert_false (heard_sharing_entry_is_answered (entry, HEARD_SHARING_AGREED));
  heard_sharing_entry_set_text (entry, HEARD_SHARING_NOT_SHARED_REASON,
                                "She asked us not to, and no one is at risk.");
  g_assert_cmpint (record (f, entry, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_future_day_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(HeardSharingEntry) entry = share_new (f);
  g_autofree char *tomorrow = NULL;
  GDate day;

  heard_date_today (&day);
  g_date_add_days (&day, 1);
  tomorrow = heard_date_to_iso (&day);
  heard_sharing_entry_set_shared_on (entry, tomorrow);
  assert_refused_for (f, entry, HEARD_SHARING_SHARED_ON,
                      "This day is in the future. Please check the date");
}

static void
test_amendment_keeps_original (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(HeardSharingEntry) entry = share_new (f);
  g_autoptr(HeardSharingEntry) amended = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = record (f, entry, &error);
  g_assert_no_error (error);

  amended = heard_sharing_entry_copy (entry);
  heard_sharing_entry_set_id (amended, id);
  heard_sharing_entry_set_version (amended, 2);
  heard_sharing_entry_set_method (amended, HEARD_SHARING_METHOD_MEETING);
  assert_refused_for (f, amended, HEARD_SHARING_REASON,
                      "A correction needs a reason, so that the original and the change can "
                      "both be understood");

  heard_sharing_entry_set_text (amended, HEARD_SHARING_REASON, "It was at a meeting, not a call.");
  g_assert_cmpint (record (f, amended, &error), ==, id);
  g_assert_no_error (error);

  heard_store_list_sharing_history_async (f->store, id, ASYNC (f));
  history = heard_store_list_sharing_history_finish (f->store,
                                                     heard_test_result_of (&f->result, &f->last),
                                                     &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpuint (heard_sharing_entry_get_version (g_ptr_array_index (history, 0)), ==, 1);
  g_assert_cmpint (heard_sharing_entry_get_method (g_ptr_array_index (history, 0)), ==,
                   HEARD_SHARING_METHOD_PHONE);
  g_assert_cmpint (heard_sharing_entry_get_method (g_ptr_array_index (history, 1)), ==,
                   HEARD_SHARING_METHOD_MEETING);
  g_assert_cmpuint (count_entries (f), ==, 1);
}

/* Every problem at once, each in its own field, in the form's order. */
static void
test_every_problem (void)
{
  g_autoptr(HeardSharingEntry) entry = heard_sharing_entry_new (1, HEARD_SHARING_SHARED);
  g_autoptr(GPtrArray) problems = NULL;
  const HeardSharingField expected[] = { HEARD_SHARING_WHAT, HEARD_SHARING_PURPOSE,
                                         HEARD_SHARING_NOT_TOLD_REASON,
                                         HEARD_SHARING_NECESSARY, HEARD_SHARING_AGENCY,
                                         HEARD_SHARING_LAWFUL_BASIS, HEARD_SHARING_AGREED };

  heard_sharing_entry_set_told (entry, FALSE);
  problems = heard_sharing_entry_check (entry);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < problems->len; i++)
    g_assert_error ((GError *) g_ptr_array_index (problems, i), HEARD_SHARING_ERROR,
                    (int) expected[i]);
}

/* A draft from an export links what the note names (the plan and the
 * statements), says the check-ins it only counts are not listed, words
 * what the words flag means for check-ins, and says nothing for them. */
static void
test_export_draft (void)
{
  g_autoptr(HeardExportNote) note = heard_export_note_new (HEARD_EXPORT_CHECK_INS_CSV,
                                                          "agency:police");
  g_autoptr(HeardSharingEntry) draft = NULL;
  guint n_links;
  const HeardSharingLink *links;

  note->plan_id = 5;
  note->plan_version = 2;
  heard_export_note_add_statement (note, 9, 1);
  note->n_check_ins = 19;
  note->names = HEARD_EXPORT_YES;
  note->words = HEARD_EXPORT_NO;
  draft = heard_sharing_entry_new_from_export_note (1, 40, "2026-02-10T09:00:00Z", note);
  g_assert_cmpstr (heard_sharing_entry_get_text (draft, HEARD_SHARING_WHAT), ==,
                   "The support plan (version 2), 1 statement, 19 check-ins (not listed one by "
                   "one), with their name, without what they said at check-ins");
  links = heard_sharing_entry_get_links (draft, &n_links);
  g_assert_cmpuint (n_links, ==, 2);
  g_assert_cmpint (links[0].kind, ==, HEARD_SHARING_LINK_PLAN);
  g_assert_cmpint (links[1].kind, ==, HEARD_SHARING_LINK_STATEMENT);
  g_assert_false (heard_sharing_entry_is_answered (draft, HEARD_SHARING_AGREED));
  g_assert_false (heard_sharing_entry_is_answered (draft, HEARD_SHARING_TOLD));
}

/* On the chronology, each entry is an event in its agency's lane, in
 * plain words. */
static void
test_chronology_rows (void)
{
  g_autoptr(HeardChronologyRecords) records = heard_chronology_records_new ();
  g_autoptr(GListStore) agencies = g_list_store_new (HEARD_TYPE_DIRECTORY_AGENCY);
  g_autoptr(GListStore) log = g_list_store_new (HEARD_TYPE_SHARING_ENTRY);
  g_autoptr(HeardDirectoryAgency) police = heard_directory_agency_new (HEARD_AGENCY_TYPE_POLICE,
                                                                       "Northgate Police");
  g_autoptr(HeardSharingEntry) shared = heard_sharing_entry_new (1, HEARD_SHARING_SHARED);
  g_autoptr(HeardSharingEntry) withheld = heard_sharing_entry_new (1, HEARD_SHARING_NOT_SHARED);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(HeardChronology) chronology = NULL;
  HeardChronologyRow *row;

  heard_directory_agency_set_id (police, 4);
  g_list_store_append (agencies, police);
  heard_sharing_entry_set_id (shared, 1);
  heard_sharing_entry_set_agency_id (shared, 4);
  heard_sharing_entry_set_shared_on (shared, "2026-03-02");
  heard_sharing_entry_set_text (shared, HEARD_SHARING_WHAT, "where she was last seen");
  heard_sharing_entry_set_id (withheld, 2);
  heard_sharing_entry_set_agency_id (withheld, 4);
  heard_sharing_entry_set_shared_on (withheld, "2026-03-01");
  g_list_store_append (log, shared);
  g_list_store_append (log, withheld);
  heard_chronology_records_add_agencies (records, G_LIST_MODEL (agencies));
  heard_chronology_records_add_sharing (records, G_LIST_MODEL (log));

  rows = heard_chronology_rows_build (records);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpint (row->source, ==, HEARD_CHRONOLOGY_FROM_SHARING);
  /* A decision not to share is told apart, in its label and its mark. */
  g_assert_cmpint (row->kind, ==, HEARD_CHRONOLOGY_NOT_SHARED);
  g_assert_cmpstr (heard_chronology_kind_label (row->kind), ==, "Decided not to share");
  g_assert_cmpint (row->record_id, ==, 2);
  g_assert_cmpint (row->agency_id, ==, 4);
  g_assert_cmpstr (row->lane, ==, "Northgate Police");
  g_assert_cmpstr (row->what, ==, "Decided not to share with Northgate Police");
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpint (row->kind, ==, HEARD_CHRONOLOGY_SHARING);
  g_assert_cmpstr (row->what, ==, "Shared with Northgate Police: where she was last seen");

  chronology = heard_chronology_rows_draw (rows);
  g_assert_cmpuint (heard_chronology_get_n_events (chronology), ==, 2);
  g_assert_cmpuint (heard_chronology_get_event (chronology, 0)->lane, ==,
                    heard_chronology_get_event (chronology, 1)->lane);
  g_assert_cmpint (heard_chronology_get_event (chronology, 1)->kind, ==,
                   HEARD_CHRONOLOGY_SHARING);
}

static void
add_test (const char *path,
          void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  heard_test_init (&argc, &argv);

  g_test_add_func ("/sharing/every-problem", test_every_problem);
  g_test_add_func ("/sharing/chronology-rows", test_chronology_rows);
  g_test_add_func ("/sharing/export-draft", test_export_draft);
  add_test ("/sharing/saved", test_saved);
  add_test ("/sharing/needs-answers", test_needs_answers);
  add_test ("/sharing/needs-purpose", test_needs_purpose);
  add_test ("/sharing/needs-lawful-basis", test_needs_lawful_basis);
  add_test ("/sharing/needs-reason-without-consent", test_needs_reason_without_consent);
  add_test ("/sharing/not-shared-needs-reason", test_not_shared_needs_reason);
  add_test ("/sharing/future-day-refused", test_future_day_refused);
  add_test ("/sharing/amendment-keeps-original", test_amendment_keeps_original);

  return g_test_run ();
}

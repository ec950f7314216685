/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-recipient"

#include "config.h"

#include <gio/gio.h>

#include "heard-export-note.h"
#include "heard-recipient.h"

/*
 * Who an export is for and which statements may go to them: consent for
 * one agency reaches that agency only, a meeting needs consent for every
 * agency attending, sensitive words are offered but not ticked, the young
 * person may have all their own words; and the codes the audit trail keeps
 * read back as they were written.
 */

static HeardStatement *
statement_new (gint64      id,
               const char *share_with,
               gboolean    sensitive)
{
  HeardStatement *statement = heard_statement_new ();

  heard_statement_set_id (statement, id);
  heard_statement_set_version (statement, 1);
  heard_statement_set_text (statement, HEARD_STATEMENT_WORDS, "My own words.");
  heard_statement_set_text (statement, HEARD_STATEMENT_SHARE_WITH, share_with);
  heard_statement_set_sensitive (statement, sensitive);

  return statement;
}

static void
test_one_agency (void)
{
  g_autoptr(HeardStatement) school_only = statement_new (1, "school", FALSE);
  g_autoptr(HeardStatement) nobody = statement_new (2, "", FALSE);
  g_autoptr(HeardRecipient) school = heard_recipient_new_agency (HEARD_AGENCY_SCHOOL);
  g_autoptr(HeardRecipient) police = heard_recipient_new_agency (HEARD_AGENCY_POLICE);
  g_autoptr(HeardRecipient) family = heard_recipient_new_agency (HEARD_AGENCY_FAMILY);

  g_assert_true (heard_recipient_may_receive (school, school_only));
  g_assert_false (heard_recipient_may_receive (police, school_only));
  g_assert_false (heard_recipient_may_receive (family, school_only));
  g_assert_false (heard_recipient_may_receive (school, nobody));
}

static void
test_meeting_needs_every_agency (void)
{
  g_autoptr(HeardStatement) school_only = statement_new (1, "school", FALSE);
  g_autoptr(HeardStatement) both = statement_new (2, "school,police", FALSE);
  g_autoptr(HeardStatement) more = statement_new (3, "school,health,police", FALSE);
  g_autoptr(HeardRecipient) meeting = heard_recipient_new_meeting ("police,school");

  g_assert_false (heard_recipient_may_receive (meeting, school_only));
  g_assert_true (heard_recipient_may_receive (meeting, both));
  g_assert_true (heard_recipient_may_receive (meeting, more));
}

static void
test_offered_and_ticked (void)
{
  g_autoptr(GListStore) statements = g_list_store_new (HEARD_TYPE_STATEMENT);
  g_autoptr(HeardStatement) plain = statement_new (1, "school", FALSE);
  g_autoptr(HeardStatement) sensitive = statement_new (2, "school", TRUE);
  g_autoptr(HeardStatement) police_only = statement_new (3, "police", TRUE);
  g_autoptr(HeardRecipient) school = heard_recipient_new_agency (HEARD_AGENCY_SCHOOL);
  g_autoptr(HeardRecipient) young_person = heard_recipient_new_young_person ();
  g_autoptr(HeardRecipient) own_team = heard_recipient_new_own_team ();
  g_autoptr(GPtrArray) offered = NULL;
  GDate today;

  heard_date_today (&today);
  g_list_store_append (statements, plain);
  g_list_store_append (statements, sensitive);
  g_list_store_append (statements, police_only);

  offered = heard_recipient_offered_statements (school, G_LIST_MODEL (statements), &today);
  g_assert_cmpuint (offered->len, ==, 2);
  g_assert_true (offered->pdata[0] == plain);
  g_assert_true (offered->pdata[1] == sensitive);
  g_assert_true (heard_statement_ticked_by_default (plain));
  g_assert_false (heard_statement_ticked_by_default (sensitive));
  g_clear_pointer (&offered, g_ptr_array_unref);

  /* Their own words are theirs, sensitive or shared with nobody. */
  offered = heard_recipient_offered_statements (young_person, G_LIST_MODEL (statements), &today);
  g_assert_cmpuint (offered->len, ==, 3);
  g_clear_pointer (&offered, g_ptr_array_unref);

  offered = heard_recipient_offered_statements (own_team, G_LIST_MODEL (statements), &today);
  g_assert_cmpuint (offered->len, ==, 0);
}

static void
assert_round_trip (HeardRecipient *recipient,
                   const char     *expected_code)
{
  g_autofree char *code = heard_recipient_to_code (recipient);
  g_autoptr(HeardRecipient) back = heard_recipient_from_code (code);
  g_autofree char *again = NULL;

  g_assert_cmpstr (code, ==, expected_code);
  g_assert_nonnull (back);
  g_assert_cmpint (back->kind, ==, recipient->kind);
  again = heard_recipient_to_code (back);
  g_assert_cmpstr (again, ==, code);
}

static void
test_codes (void)
{
  static const char *const refused[] = {
    "", "agency:", "agency:young-person", "agency:nobody", "meeting:", "meeting:school,",
    "meeting:school,young-person", "School", "young-person ", NULL,
  };
  g_autoptr(HeardRecipient) school = heard_recipient_new_agency (HEARD_AGENCY_SCHOOL);
  g_autoptr(HeardRecipient) family = heard_recipient_new_agency (HEARD_AGENCY_FAMILY);
  g_autoptr(HeardRecipient) meeting = heard_recipient_new_meeting ("police,health,school");
  g_autoptr(HeardRecipient) young_person = heard_recipient_new_young_person ();
  g_autoptr(HeardRecipient) own_team = heard_recipient_new_own_team ();
  g_autoptr(HeardRecipient) copy = heard_recipient_copy (meeting);
  g_autoptr(HeardRecipient) reordered = heard_recipient_from_code ("meeting:police,school");
  g_autofree char *reordered_code = heard_recipient_to_code (reordered);

  assert_round_trip (school, "agency:school");
  assert_round_trip (family, "agency:family");
  /* A meeting's agencies are kept in one order, whatever order they came in. */
  assert_round_trip (meeting, "meeting:school,health,police");
  assert_round_trip (copy, "meeting:school,health,police");
  assert_round_trip (young_person, "young-person");
  assert_round_trip (own_team, "own-team");
  g_assert_cmpstr (reordered_code, ==, "meeting:school,police");

  for (guint i = 0; refused[i] != NULL; i++)
    {
      g_autoptr(HeardRecipient) none = heard_recipient_from_code (refused[i]);

      g_assert_null (none);
    }
}

static void
assert_describes (HeardRecipient *recipient,
                  const char     *expected)
{
  g_autofree char *words = heard_recipient_describe (recipient);

  g_assert_cmpstr (words, ==, expected);
}

static void
test_describe (void)
{
  g_autoptr(HeardRecipient) school = heard_recipient_new_agency (HEARD_AGENCY_SCHOOL);
  g_autoptr(HeardRecipient) meeting = heard_recipient_new_meeting ("police,health,school");
  g_autoptr(HeardRecipient) young_person = heard_recipient_new_young_person ();
  g_autoptr(HeardRecipient) own_team = heard_recipient_new_own_team ();

  assert_describes (school, "School or college");
  assert_describes (meeting, "Review meeting: School or college, Health, Police");
  assert_describes (young_person, "The young person");
  assert_describes (own_team, "Our own team, for analysis");
}

/* An agency of the directory: consent still by its kind, the cover and the
 * audit name the entry; codes already in audit entries read as before, and
 * a code with entries reads back to the same entries, named again from the
 * directory (a retired entry too). */
static void
test_directory_entries (void)
{
  static const char *const refused[] = {
    "agency:school:", "agency:school:0", "agency:school:-3", "agency:school:12x",
    "agency:young-person:4", "meeting:school:12,", "meeting::12", NULL,
  };
  g_autoptr(HeardStatement) school_only = statement_new (1, "school", FALSE);
  g_autoptr(HeardStatement) both = statement_new (2, "school,police", FALSE);
  g_autoptr(HeardDirectoryAgency) northgate = heard_directory_agency_new (
    HEARD_AGENCY_TYPE_SCHOOL, "Northgate Academy");
  g_autoptr(HeardDirectoryAgency) riverside = heard_directory_agency_new (
    HEARD_AGENCY_TYPE_SCHOOL, "Riverside College");
  g_autoptr(HeardDirectoryAgency) refuge = heard_directory_agency_new (
    HEARD_AGENCY_TYPE_VOLUNTARY_SECTOR, "Safe Steps");
  g_autoptr(GListStore) directory = g_list_store_new (HEARD_TYPE_DIRECTORY_AGENCY);
  g_autoptr(HeardRecipient) school = NULL;
  g_autoptr(HeardRecipient) voluntary = NULL;
  g_autoptr(HeardRecipient) meeting = NULL;
  g_autoptr(HeardRecipient) back = NULL;
  g_autoptr(HeardRecipient) wrong_kind = NULL;
  g_autoptr(HeardRecipient) unknown = NULL;
  g_autoptr(HeardRecipient) typed = NULL;
  g_autoptr(HeardRecipient) old_meeting = heard_recipient_from_code ("meeting:school,police");
  g_autoptr(HeardRecipient) old_agency = heard_recipient_from_code ("agency:school");
  HeardRecipientEntry attending[] = {
    { HEARD_AGENCY_POLICE, 0, NULL },
    { HEARD_AGENCY_SCHOOL, 13, (char *) "Riverside College" },
    { HEARD_AGENCY_SCHOOL, 12, (char *) "Northgate Academy" },
    { HEARD_AGENCY_SCHOOL, 12, (char *) "Northgate Academy" },
  };

  heard_directory_agency_set_id (northgate, 12);
  heard_directory_agency_set_id (riverside, 13);
  heard_directory_agency_set_id (refuge, 14);
  heard_directory_agency_set_retired (riverside, TRUE);
  g_list_store_append (directory, northgate);
  g_list_store_append (directory, riverside);
  g_list_store_append (directory, refuge);

  school = heard_recipient_new_directory_agency (northgate);
  assert_describes (school, "Northgate Academy (School or college)");
  assert_round_trip (school, "agency:school:12");
  g_assert_true (heard_recipient_may_receive (school, school_only));
  /* The voluntary sector is agreed to as "other". */
  voluntary = heard_recipient_new_directory_agency (refuge);
  assert_round_trip (voluntary, "agency:other:14");
  assert_describes (voluntary, "Safe Steps (Other)");

  meeting = heard_recipient_new_meeting_of (attending, G_N_ELEMENTS (attending));
  assert_round_trip (meeting, "meeting:school:12,school:13,police");
  assert_describes (meeting, "Review meeting: Northgate Academy (School or college), "
                             "Riverside College (School or college), Police");
  g_assert_cmpstr (meeting->agencies, ==, "school,police");
  g_assert_false (heard_recipient_may_receive (meeting, school_only));
  g_assert_true (heard_recipient_may_receive (meeting, both));

  /* Read back from the trail: unnamed until the directory names them. */
  back = heard_recipient_from_code ("meeting:police,school:13,school:12");
  assert_describes (back, "Review meeting: School or college, School or college, Police");
  g_assert_true (heard_recipient_name_entries (back, G_LIST_MODEL (directory)));
  assert_describes (back, "Review meeting: Northgate Academy (School or college), "
                          "Riverside College (School or college), Police");
  wrong_kind = heard_recipient_from_code ("agency:police:12");
  g_assert_false (heard_recipient_name_entries (wrong_kind, G_LIST_MODEL (directory)));
  unknown = heard_recipient_from_code ("agency:school:99");
  g_assert_false (heard_recipient_name_entries (unknown, G_LIST_MODEL (directory)));

  /* As typed: an entry by its id alone, or by its kind and id. */
  typed = heard_recipient_from_code_in ("agency:13", G_LIST_MODEL (directory));
  assert_describes (typed, "Riverside College (School or college)");
  assert_round_trip (typed, "agency:school:13");
  g_clear_pointer (&typed, heard_recipient_free);
  typed = heard_recipient_from_code_in ("meeting:school:12,police", G_LIST_MODEL (directory));
  assert_describes (typed, "Review meeting: Northgate Academy (School or college), Police");
  g_clear_pointer (&typed, heard_recipient_free);
  typed = heard_recipient_from_code_in ("agency:99", G_LIST_MODEL (directory));
  g_assert_null (typed);
  typed = heard_recipient_from_code_in ("agency:police:12", G_LIST_MODEL (directory));
  g_assert_null (typed);
  typed = heard_recipient_from_code_in ("agency:police", G_LIST_MODEL (directory));
  assert_describes (typed, "Police");

  /* Codes already in audit entries mean what they meant. */
  g_assert_cmpint (old_agency->agency, ==, HEARD_AGENCY_SCHOOL);
  assert_describes (old_agency, "School or college");
  g_assert_cmpstr (old_meeting->agencies, ==, "school,police");
  assert_round_trip (old_meeting, "meeting:school,police");
  g_assert_true (heard_recipient_name_entries (old_meeting, G_LIST_MODEL (directory)));

  for (guint i = 0; refused[i] != NULL; i++)
    {
      g_autoptr(HeardRecipient) none = heard_recipient_from_code (refused[i]);

      g_assert_null (none);
    }
}

static void
test_export_note_detail (void)
{
  g_autoptr(HeardExportNote) note = heard_export_note_new (HEARD_EXPORT_PDF,
                                                           "meeting:school,police");
  g_autoptr(HeardExportNote) back = NULL;
  g_autoptr(HeardExportNote) empty_back = NULL;
  g_autoptr(HeardExportNote) empty = heard_export_note_new (HEARD_EXPORT_CHECK_INS_CSV,
                                                            "own-team");
  g_autofree char *detail = NULL;
  g_autofree char *empty_detail = NULL;

  note->plan_id = 12;
  note->plan_version = 3;
  note->n_check_ins = 20;
  heard_export_note_add_statement (note, 4, 1);
  heard_export_note_add_statement (note, 7, 2);
  detail = heard_export_note_to_detail (note);
  g_assert_cmpstr (detail, ==, "what=pdf for=meeting:school,police plan=12 plan-version=3 "
                               "statements=4:1,7:2 check-ins=20");

  back = heard_export_note_from_detail (detail);
  g_assert_nonnull (back);
  g_assert_cmpint (back->kind, ==, HEARD_EXPORT_PDF);
  g_assert_cmpstr (back->recipient, ==, "meeting:school,police");
  g_assert_cmpint (back->plan_id, ==, 12);
  g_assert_cmpuint (back->plan_version, ==, 3);
  g_assert_cmpuint (back->n_check_ins, ==, 20);
  g_assert_cmpuint (back->statements->len, ==, 2);
  g_assert_cmpint (g_array_index (back->statements, HeardExportedStatement, 1).id, ==, 7);
  g_assert_cmpuint (g_array_index (back->statements, HeardExportedStatement, 1).version, ==, 2);

  empty_detail = heard_export_note_to_detail (empty);
  g_assert_cmpstr (empty_detail, ==, "what=check-ins-csv for=own-team plan=0 plan-version=0 "
                                     "statements= check-ins=0");
  empty_back = heard_export_note_from_detail (empty_detail);
  g_assert_nonnull (empty_back);
  g_assert_cmpuint (empty_back->statements->len, ==, 0);

  g_assert_null (heard_export_note_from_detail ("chose to read a sensitive statement"));
  g_assert_null (heard_export_note_from_detail ("what=fax for=own-team plan=0 plan-version=0 "
                                                "statements= check-ins=0"));
  g_assert_null (heard_export_note_from_detail ("what=pdf for=own-team plan=0 plan-version=0 "
                                                "statements=4 check-ins=0"));
}

/* Whether names and words went out is said when known and read back;
 * entries written before it was said still read, saying neither. */
static void
test_export_note_names (void)
{
  g_autoptr(HeardExportNote) note = heard_export_note_new (HEARD_EXPORT_CHECK_INS_CSV,
                                                           "own-team");
  g_autoptr(HeardExportNote) back = NULL;
  g_autoptr(HeardExportNote) names_only = NULL;
  g_autoptr(HeardExportNote) old = NULL;
  g_autofree char *detail = NULL;

  note->n_check_ins = 3;
  note->names = HEARD_EXPORT_NO;
  note->words = HEARD_EXPORT_YES;
  detail = heard_export_note_to_detail (note);
  g_assert_cmpstr (detail, ==, "what=check-ins-csv for=own-team plan=0 plan-version=0 "
                               "statements= check-ins=3 names=no words=yes");
  back = heard_export_note_from_detail (detail);
  g_assert_nonnull (back);
  g_assert_cmpint (back->names, ==, HEARD_EXPORT_NO);
  g_assert_cmpint (back->words, ==, HEARD_EXPORT_YES);
  g_assert_cmpuint (back->n_check_ins, ==, 3);

  names_only = heard_export_note_from_detail ("what=pdf for=young-person plan=1 plan-version=1 "
                                              "statements= check-ins=0 names=yes");
  g_assert_nonnull (names_only);
  g_assert_cmpint (names_only->names, ==, HEARD_EXPORT_YES);
  g_assert_cmpint (names_only->words, ==, HEARD_EXPORT_UNSAID);

  old = heard_export_note_from_detail ("what=check-ins-csv for=own-team plan=0 plan-version=0 "
                                       "statements= check-ins=3");
  g_assert_nonnull (old);
  g_assert_cmpint (old->names, ==, HEARD_EXPORT_UNSAID);
  g_assert_cmpint (old->words, ==, HEARD_EXPORT_UNSAID);

  g_assert_null (heard_export_note_from_detail ("what=pdf for=own-team plan=0 plan-version=0 "
                                                "statements= check-ins=0 names=maybe"));
  g_assert_null (heard_export_note_from_detail ("what=pdf for=own-team plan=0 plan-version=0 "
                                                "statements= check-ins=0 words=no names=no"));
  g_assert_null (heard_export_note_from_detail ("what=pdf for=own-team plan=0 plan-version=0 "
                                                "statements= check-ins=0 colour=blue"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recipient/one-agency", test_one_agency);
  g_test_add_func ("/recipient/meeting-needs-every-agency", test_meeting_needs_every_agency);
  g_test_add_func ("/recipient/offered-and-ticked", test_offered_and_ticked);
  g_test_add_func ("/recipient/codes", test_codes);
  g_test_add_func ("/recipient/describe", test_describe);
  g_test_add_func ("/recipient/directory-entries", test_directory_entries);
  g_test_add_func ("/recipient/export-note-detail", test_export_note_detail);
  g_test_add_func ("/recipient/export-note-names", test_export_note_names);

  return g_test_run ();
}

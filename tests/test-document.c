/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-document"

#include "config.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "heard-check-in.h"
#include "heard-date.h"
#include "heard-files.h"
#include "heard-plan-document.h"
#include "heard-plan-private.h"
#include "heard-staff.h"
#include "heard-chronology-entry.h"
#include "heard-directory-agency.h"
#include "heard-for-them-mark.h"
#include "heard-own-words.h"
#include "heard-plan-say.h"
#include "heard-sharing-entry.h"
#include "heard-story-event.h"
#include "heard-withholding.h"
#include "heard-statement.h"
#include "heard-test-utils.h"

/*
 * The support plan as a PDF, read back as a reader would with poppler's
 * pdftotext, pdfinfo and pdffonts: the young person's words before the plan,
 * everything the plan holds, "Page N of M" and the date on every page, emoji
 * and Arabic kept, the practice mark on every page of practice records only,
 * long text broken across pages without losing a word, fonts embedded, and a
 * write that is cancelled or fails leaving the folder as it was.
 */

#define PRINTED_ON "2026-12-07"
#define PRACTICE_MARK "Practice — fictional records"
#define CHECK_IN_WORDS "I walked home with my sister and it felt fine"
#define CHECK_IN_NOTE "We planned the bus route together"
#define THEIR_GOAL "Get the bus to college on my own"
#define WHAT_HELPS "Texting my sister when I leave"
#define THEIR_SAY "I want more say about who I see"

typedef struct
{
  gboolean      practice;
  guint         n_areas;
  guint         n_statements;
  guint         statement_words;
  guint         n_check_ins;
  gboolean      chronology;   /* signs and a strength from a directory of two */
  gboolean      check_in_words;
  /* Co-design: their own goal for the first area, what helps them, and
   * that they do not agree with the plan, in their words. */
  gboolean      codesign;
} Shape;

static const char *const area_names[] = {
  "Safety", "Health", "Emotional wellbeing", "Education and training",
  "Relationships", "Home", "Identity and belonging", "Justice process",
};

/* A statement's words: @n words, the last one "lastword<index>". */
static char *
make_words (guint index,
            guint n)
{
  GString *words = g_string_new ("I want to be asked before anyone is told");

  for (guint i = 0; i < n; i++)
    g_string_append (words, " and I would like my worker to come with me to the meeting");
  g_string_append_printf (words, " lastword%u", index);
  return g_string_free (words, FALSE);
}

static HeardPlan *
make_plan (const Shape *shape)
{
  HeardPlan *plan = _heard_plan_new ();
  HeardPlanReview *review;

  plan->id = 7;
  plan->version = 2;
  plan->state = HEARD_PLAN_STATE_ACTIVE;
  plan->signed_off_at = g_strdup ("2026-03-02T10:00:00Z");

  for (guint i = 0; i < shape->n_areas; i++)
    {
      g_autoptr(HeardPlanArea) area = heard_plan_area_new (plan->id,
                                                           i % HEARD_AREA_N_KINDS);
      g_autoptr(HeardPlanAction) action = heard_plan_action_new (plan->id, i + 1);
      g_autofree char *label = g_strdup_printf ("Area %u %s", i, area_names[i % 8]);
      g_autofree char *what = g_strdup_printf ("Action number %u for the area", i);
      g_autofree char *worried = make_words (1000 + i, shape->statement_words / 4);

      heard_plan_area_set_id (area, i + 1);
      heard_plan_area_set_text (area, HEARD_AREA_LABEL, label);
      heard_plan_area_set_text (area, HEARD_AREA_WORRIED, worried);
      heard_plan_area_set_text (area, HEARD_AREA_WORKING_WELL, "Goes to the youth club");
      heard_plan_area_set_text (area, HEARD_AREA_NEEDS_TO_HAPPEN, "A safe route home");
      heard_plan_area_set_text (area, HEARD_AREA_GOAL_OWN_WORDS, "Feel safe walking home");
      heard_plan_area_set_text (area, HEARD_AREA_GOAL_WORKER, "A safety plan agreed with school");
      heard_plan_action_set_text (action, HEARD_ACTION_WHAT, what);
      heard_plan_action_set_text (action, HEARD_ACTION_OWNER_NAME, "Priya Owner");
      heard_plan_action_set_text (action, HEARD_ACTION_DUE_DATE, "2027-01-15");
      heard_plan_action_set_owner (action, HEARD_AGENCY_SCHOOL);
      /* Northgate Academy of the directory, when the document is given it. */
      heard_plan_action_set_owner_agency_id (action, 1);
      _heard_plan_area_append_action (area, action);
      g_list_store_append (plan->areas, area);
    }

  review = heard_plan_review_new (HEARD_PLAN_EVENT_SIGN_OFF, "Sam Reviewer",
                                  "Agreed with the young person present",
                                  "2026-03-02T10:00:00Z");
  g_list_store_append (plan->reviews, review);
  g_object_unref (review);
  review = heard_plan_review_new (HEARD_PLAN_EVENT_REVIEW, "Jo Second", "Going well",
                                  "2026-09-01T10:00:00Z");
  g_list_store_append (plan->reviews, review);
  g_object_unref (review);

  return plan;
}

static HeardStatement *
make_statement (const char *words,
                gboolean    sensitive)
{
  HeardStatement *statement = heard_statement_new ();

  heard_statement_set_text (statement, HEARD_STATEMENT_WORDS, words);
  heard_statement_set_text (statement, HEARD_STATEMENT_GIVEN_ON, "2026-02-01");
  heard_statement_set_given_how (statement, HEARD_GIVEN_SPOKEN);
  heard_statement_set_sensitive (statement, sensitive);
  if (sensitive)
    heard_statement_set_text (statement, HEARD_STATEMENT_CONTENT_NOTE, "Talks about the car");
  return statement;
}

static HeardChronologyEntry *
make_entry (HeardEntryNature  nature,
            const char       *kind,
            gint64            agency_id,
            HeardDatePrecision precision,
            guint             day_of_month,
            GDateMonth        month,
            const char       *seen)
{
  HeardChronologyEntry *entry = heard_chronology_entry_new (1, nature, kind);
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, day_of_month, month, 2026);
  heard_chronology_entry_set_when (entry, precision, &day, &day);
  heard_chronology_entry_set_agency_id (entry, agency_id);
  heard_chronology_entry_set_text (entry, HEARD_CHRONOLOGY_REPORTER, "Ms Reporter");
  heard_chronology_entry_set_text (entry, HEARD_CHRONOLOGY_SEEN, seen);
  return entry;
}

/* Recorded out of order: the document puts them in order of date. */
static void
add_chronology (GListStore *chronology,
                GListStore *agencies)
{
  g_autoptr(HeardDirectoryAgency) school = heard_directory_agency_new (HEARD_AGENCY_TYPE_SCHOOL,
                                                                       "Northgate Academy");
  g_autoptr(HeardDirectoryAgency) police = heard_directory_agency_new (HEARD_AGENCY_TYPE_POLICE,
                                                                       "City Police");
  HeardChronologyEntry *entries[] = {
    make_entry (HEARD_ENTRY_SIGN_OF_HARM, "police-contact", 2, HEARD_DATE_PRECISION_DAY, 20,
                G_DATE_MARCH, "Stopped in a car at night"),
    make_entry (HEARD_ENTRY_STRENGTH, "other", 1, HEARD_DATE_PRECISION_DAY, 15, G_DATE_APRIL,
                "Started the college course"),
    make_entry (HEARD_ENTRY_VULNERABILITY, "school-absence", 1, HEARD_DATE_PRECISION_AROUND, 10,
                G_DATE_JANUARY, "Stopped coming in on Mondays"),
  };

  heard_directory_agency_set_id (school, 1);
  heard_directory_agency_set_id (police, 2);
  g_list_store_append (agencies, school);
  g_list_store_append (agencies, police);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      heard_chronology_entry_set_id (entries[i], i + 1);
      g_list_store_append (chronology, entries[i]);
      g_object_unref (entries[i]);
    }
}

static HeardPlanDocument *
make_document (const Shape *shape)
{
  g_autoptr(GListStore) chronology = g_list_store_new (HEARD_TYPE_CHRONOLOGY_ENTRY);
  g_autoptr(GListStore) agencies = g_list_store_new (HEARD_TYPE_DIRECTORY_AGENCY);
  g_autoptr(HeardPerson) person = heard_person_new ();
  g_autoptr(HeardPlan) plan = make_plan (shape);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) check_ins = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) staff = g_list_store_new (HEARD_TYPE_STAFF);
  g_autoptr(HeardStaff) supervisor = heard_staff_new (HEARD_STAFF_SUPERVISOR);
  g_autoptr(GListStore) own_words = g_list_store_new (HEARD_TYPE_OWN_WORDS);
  g_autoptr(GListStore) plan_says = g_list_store_new (HEARD_TYPE_PLAN_SAY);
  HeardPlanDocumentContent content = { 0, };

  if (shape->codesign)
    {
      g_autoptr(HeardOwnWords) first = heard_own_words_new (1, plan->id, 0, HEARD_OWN_GOAL,
                                                            "An earlier goal of theirs");
      g_autoptr(HeardOwnWords) goal = heard_own_words_new (1, plan->id, 0, HEARD_OWN_GOAL,
                                                           THEIR_GOAL);
      g_autoptr(HeardOwnWords) helps = heard_own_words_new (1, plan->id, 0,
                                                            HEARD_OWN_WHAT_HELPS, WHAT_HELPS);
      /* Written later, beside the next version: not this version's. */
      g_autoptr(HeardOwnWords) later = heard_own_words_new (1, plan->id + 1, 0, HEARD_OWN_GOAL,
                                                            "A later goal of theirs");
      g_autoptr(HeardPlanSay) agreed = heard_plan_say_new (plan->id, HEARD_SAY_AGREES, "");
      g_autoptr(HeardPlanSay) say = heard_plan_say_new (plan->id, HEARD_SAY_DOES_NOT_AGREE,
                                                        THEIR_SAY);

      heard_plan_say_set_saved (agreed, 1, "Priya Owner", "2026-12-01T10:00:00Z");
      heard_plan_say_set_saved (say, 2, "Priya Owner", "2026-12-02T10:00:00Z");
      g_list_store_append (own_words, first);
      g_list_store_append (own_words, goal);
      g_list_store_append (own_words, helps);
      g_list_store_append (own_words, later);
      g_list_store_append (plan_says, agreed);
      g_list_store_append (plan_says, say);
    }
  content.own_words = G_LIST_MODEL (own_words);
  content.plan_says = G_LIST_MODEL (plan_says);

  heard_person_set_text (person, HEARD_PERSON_DISPLAY_NAME, "Jordan Fictional");
  heard_person_set_text (person, HEARD_PERSON_PREFERRED_NAME, "Jojo");
  heard_staff_set_name (supervisor, "Sam Reviewer");
  g_list_store_append (staff, supervisor);

  g_ptr_array_add (statements, make_statement ("Nobody listened to me until now", FALSE));
  g_ptr_array_add (statements, make_statement ("He drove me to the flat 🚗 every Friday", TRUE));
  g_ptr_array_add (statements, make_statement ("أريد أن أشعر بالراحة في بيتي", FALSE));
  for (guint i = 0; i < shape->n_statements; i++)
    {
      g_autofree char *words = make_words (i, shape->statement_words);

      g_ptr_array_add (statements, make_statement (words, FALSE));
    }

  for (guint i = 0; i < shape->n_check_ins; i++)
    {
      HeardCheckIn *check_in = heard_check_in_new (plan->id);
      g_autofree char *day = g_strdup_printf ("2026-%02u-%02u", 3 + i / 4, 1 + 7 * (i % 4));

      heard_check_in_set_text (check_in, HEARD_CHECK_IN_DAY, day);
      for (guint a = 0; a < MIN (shape->n_areas, HEARD_AREA_N_KINDS); a++)
        {
          heard_check_in_set_rating (check_in, a, HEARD_RATER_YOUNG_PERSON, HEARD_RATING_GIVEN,
                                     (i + a) % 11);
          heard_check_in_set_rating (check_in, a, HEARD_RATER_WORKER, HEARD_RATING_GIVEN,
                                     (i + 2 * a) % 11);
        }
      heard_check_in_set_safety (check_in, HEARD_RATING_GIVEN, 3 + i % 7);
      if (i == 1)
        {
          heard_check_in_set_text (check_in, HEARD_CHECK_IN_THEIR_WORDS, CHECK_IN_WORDS);
          heard_check_in_set_text (check_in, HEARD_CHECK_IN_WORKER_NOTE, CHECK_IN_NOTE);
        }
      g_ptr_array_add (check_ins, check_in);
    }

  content.person = person;
  content.plan = plan;
  content.statements = statements;
  content.check_ins = check_ins;
  content.staff = G_LIST_MODEL (staff);
  content.recipient = "Review meeting: school, police";
  content.printed_on = PRINTED_ON;
  content.practice = shape->practice;
  content.check_in_words = shape->check_in_words;
  if (shape->chronology)
    {
      add_chronology (chronology, agencies);
      content.chronology = G_LIST_MODEL (chronology);
      content.agencies = G_LIST_MODEL (agencies);
    }

  return heard_plan_document_new (&content);
}

static gboolean
write_pdf (HeardPlanDocument      *document,
           const char             *path,
           HeardDocumentProgress   progress,
           gpointer                progress_data,
           GCancellable           *cancellable,
           GError                **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  heard_plan_document_write_pdf_async (document, file, progress, progress_data, cancellable,
                                       heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  return heard_plan_document_write_pdf_finish (document, result, error);
}

/* The document laid out as the PDF writer lays it out: A4, on a PDF surface. */
static guint
paginate_a4 (HeardPlanDocument *document)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (NULL, 595.276, 841.890);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  guint n = heard_plan_document_paginate (document, context, 595.276, 841.890);

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return n;
}

static char *
write_shape (const Shape  *shape,
             const char   *folder,
             guint        *n_pages)
{
  g_autoptr(HeardPlanDocument) document = make_document (shape);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, "plan.pdf", NULL);

  g_assert_true (write_pdf (document, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  if (n_pages != NULL)
    *n_pages = paginate_a4 (document);
  return path;
}

static const Shape small = { FALSE, 3, 0, 0, 0 };

static void
test_contents (void)
{
  g_autofree char *folder = heard_test_make_dir ();
  g_autofree char *path = write_shape (&small, folder, NULL);
  g_autofree char *text = heard_test_pdf_text (path);
  const char *words = strstr (text, "Nobody listened to me until now");
  const char *first_area = strstr (text, "Area 0 Safety");
  const char *note = strstr (text, "Content note: Talks about the car");
  const char *sensitive = strstr (text, "He drove me to the flat");

  g_assert_nonnull (strstr (text, "Jojo"));
  g_assert_null (strstr (text, "Jordan Fictional"));
  g_assert_nonnull (strstr (text, "Review meeting: school, police"));
  g_assert_nonnull (words);
  g_assert_nonnull (first_area);
  g_assert_true (words < first_area);
  g_assert_nonnull (note);
  g_assert_nonnull (sensitive);
  g_assert_true (note < sensitive);
  for (guint i = 0; i < small.n_areas; i++)
    {
      g_autofree char *area = g_strdup_printf ("Area %u %s", i, area_names[i]);
      g_autofree char *action = g_strdup_printf ("Action number %u for the area", i);

      g_assert_nonnull (strstr (text, area));
      g_assert_nonnull (strstr (text, action));
    }
  g_assert_nonnull (strstr (text, "Priya Owner"));
  g_assert_nonnull (strstr (text, "Signed off by Sam Reviewer (supervisor)"));
  g_assert_nonnull (strstr (text, "Reviewed and continued by Jo Second"));
  g_assert_nonnull (strstr (text, "Feel safe walking home"));
  g_assert_nonnull (strstr (text, "A safety plan agreed with school"));
  g_assert_nonnull (strstr (text, "No check-ins have been recorded"));
  g_assert_nonnull (strstr (text, "Their goal, in their own words"));
  g_assert_nonnull (strstr (text, "They have not said yet whether they agree."));

  heard_test_clear_dir (&folder);
}

/* What they wrote in co-design is in the plan staff share: their newest
 * goal beside the worker's, what helps them, and their newest say on the
 * plan, a disagreement in their words included. */
static void
test_their_words (void)
{
  const Shape shape = { FALSE, 3, 0, 0, 0, .codesign = TRUE };
  g_autofree char *folder = heard_test_make_dir ();
  g_autofree char *path = write_shape (&shape, folder, NULL);
  g_autofree char *text = heard_test_pdf_text (path);
  const char *goal = strstr (text, THEIR_GOAL);
  const char *worker_goal = strstr (text, "The worker's goal");

  g_assert_nonnull (strstr (text, "Their goal, written by them"));
  g_assert_nonnull (goal);
  g_assert_nonnull (worker_goal);
  g_assert_true (goal < worker_goal);
  g_assert_null (strstr (text, "An earlier goal of theirs"));
  g_assert_null (strstr (text, "A later goal of theirs"));
  g_assert_nonnull (strstr (text, "What helps them, written by them"));
  g_assert_nonnull (strstr (text, WHAT_HELPS));
  g_assert_nonnull (strstr (text, "They do not agree with this plan."));
  g_assert_nonnull (strstr (text, THEIR_SAY));
  g_assert_null (strstr (text, "They agree with this plan."));
  g_assert_null (strstr (text, "They have not said yet"));

  heard_test_clear_dir (&folder);
}

static void
test_check_ins (void)
{
  const Shape shape = { FALSE, 3, 0, 0, 12, .check_in_words = TRUE };
  g_autofree char *folder = heard_test_make_dir ();
  g_autofree char *path = write_shape (&shape, folder, NULL);
  g_autofree char *text = heard_test_pdf_text (path);

  g_assert_null (strstr (text, "No check-ins have been recorded"));
  g_assert_nonnull (strstr (text, "12 check-ins"));
  g_assert_nonnull (strstr (text, "Safety, their own scale"));

  /* Each check-in by date: both ratings side by side, never averaged,
   * then what they said in their words and the worker's note. */
  {
    const char *each = strstr (text, "Each check-in");
    const char *second_day = NULL;
    const char *said = NULL;
    const char *note = NULL;

    g_assert_nonnull (each);
    second_day = strstr (each, "8 March 2026");
    g_assert_nonnull (second_day);
    /* Check-in 1 rated area 1 as 2 by them and 3 by the worker. */
    g_assert_nonnull (strstr (second_day, "Area 1 Health: their rating 2 · worker’s rating 3"));
    said = strstr (second_day, CHECK_IN_WORDS);
    note = strstr (second_day, CHECK_IN_NOTE);
    g_assert_nonnull (said);
    g_assert_nonnull (note);
    g_assert_true (said < note);
    g_assert_nonnull (strstr (second_day, "In their words"));
  }

  /* Every chart's key, in words. */
  g_assert_nonnull (strstr (text, "Their rating: solid line, round markers"));
  g_assert_nonnull (strstr (text, "Worker’s rating: dashed line, square markers"));
  g_assert_nonnull (strstr (text, "Latest check-in: solid line, filled markers"));
  g_assert_nonnull (strstr (text, "First check-in: dashed line, hollow markers"));

  heard_test_clear_dir (&folder);
}

/* What they said at check-ins, and the worker's notes, go in only when
 * chosen: without, neither the list of check-ins nor the chronology has
 * them, the dates and ratings stay, and one line says the words are not in
 * this copy. */
static void
test_check_in_words (void)
{
  const Shape without = { FALSE, 3, 0, 0, 2, TRUE, FALSE };
  const Shape with = { FALSE, 3, 0, 0, 2, TRUE, TRUE };
  g_autofree char *folder = heard_test_make_dir ();
  g_autofree char *path = write_shape (&without, folder, NULL);
  g_autofree char *text = heard_test_pdf_text (path);
  g_autofree char *with_path = NULL;
  g_autofree char *with_text = NULL;
  const char *absent = "What they said at check-ins, and the worker's notes, are not in "
                       "this copy.";

  g_assert_null (strstr (text, CHECK_IN_WORDS));
  g_assert_null (strstr (text, CHECK_IN_NOTE));
  g_assert_null (strstr (text, "In their words\n"));
  g_assert_nonnull (strstr (text, absent));
  g_assert_nonnull (strstr (text, "Area 1 Health: their rating 2 · worker’s rating 3"));
  g_assert_nonnull (strstr (text, "8 March 2026"));
  g_assert_nonnull (strstr (text, "A check-in together"));

  g_assert_cmpint (g_unlink (path), ==, 0);
  with_path = write_shape (&with, folder, NULL);
  with_text = heard_test_pdf_text (with_path);
  g_assert_nonnull (strstr (with_text, CHECK_IN_WORDS));
  g_assert_nonnull (strstr (with_text, CHECK_IN_NOTE));
  g_assert_null (strstr (with_text, absent));
  /* The chronology's row of that check-in says what they said, too. */
  g_assert_nonnull (strstr (strstr (with_text, "Chronology"), CHECK_IN_WORDS));

  heard_test_clear_dir (&folder);
}

/* The chronology as a list after the check-ins: in order of date, an
 * approximate day said so, a strength beside the signs, each with its
 * agency; the sensitive statement by its content note only. */
static void
test_chronology (void)
{
  const Shape shape = { FALSE, 3, 0, 0, 2, TRUE };
  g_autofree char *folder = heard_test_make_dir ();
  g_autofree char *path = write_shape (&shape, folder, NULL);
  g_autofree char *text = heard_test_pdf_text (path);
  const char *check_ins = strstr (text, "Safety, their own scale");
  const char *section = strstr (text, "Chronology");
  const char *approximate, *harm, *strength, *note;

  g_assert_nonnull (check_ins);
  g_assert_nonnull (section);
  g_assert_true (check_ins < section);
  approximate = strstr (section, "around January 2026 · Vulnerability · Northgate Academy");
  harm = strstr (section, "20 March 2026 · Sign of harm · City Police");
  strength = strstr (section, "15 April 2026 · Strength · Northgate Academy");
  g_assert_nonnull (approximate);
  g_assert_nonnull (harm);
  g_assert_nonnull (strength);
  g_assert_true (approximate < harm);
  g_assert_true (harm < strength);
  g_assert_nonnull (strstr (section, "Started the college course"));
  g_assert_nonnull (strstr (section, "Source: Ms Reporter"));
  /* Their words chosen to go in: the sensitive ones by the note alone. */
  note = strstr (section, "Content note: Talks about the car");
  g_assert_nonnull (note);
  g_assert_null (strstr (section, "He drove me to the flat"));
  g_assert_nonnull (strstr (section, "Nobody listened to me until now"));
  /* An action's owner by the directory's name for it. */
  g_assert_nonnull (strstr (text, "Priya Owner (Northgate Academy)"));

  heard_test_clear_dir (&folder);
}

/* NULL: no chronology section, as before. */
static void
test_no_chronology (void)
{
  g_autofree char *folder = heard_test_make_dir ();
  g_autofree char *path = write_shape (&small, folder, NULL);
  g_autofree char *text = heard_test_pdf_text (path);

  g_assert_null (strstr (text, "Chronology"));
  heard_test_clear_dir (&folder);
}

static void
test_page_numbers (void)
{
  const Shape shape = { FALSE, 8, 6, 60, 20 };
  g_autofree char *folder = heard_test_make_dir ();
  guint n = 0;
  g_autofree char *path = write_shape (&shape, folder, &n);
  g_autofree char *date = heard_date_describe (PRINTED_ON);

  g_assert_cmpuint (n, >, 2);
  g_assert_cmpuint (heard_test_pdf_pages (path), ==, n);
  for (guint page = 1; page <= n; page++)
    {
      g_autofree char *text = heard_test_pdf_page_text (path, page);
      g_autofree char *number = g_strdup_printf ("Page %u of %u", page, n);

      g_assert_nonnull (strstr (text, number));
      g_assert_nonnull (strstr (text, date));
    }

  heard_test_clear_dir (&folder);
}

static void
test_scripts (void)
{
  g_autofree char *folder = heard_test_make_dir ();
  g_autofree char *path = write_shape (&small, folder, NULL);
  g_autofree char *text = heard_test_pdf_text (path);

  g_assert_nonnull (strstr (text, "🚗"));
  g_assert_nonnull (strstr (text, "بالراحة"));
  g_assert_nonnull (strstr (text, "أريد"));

  heard_test_clear_dir (&folder);
}

static void
test_practice_mark (void)
{
  const Shape practice = { TRUE, 8, 4, 60, 8 };
  const Shape real = { FALSE, 8, 4, 60, 8 };
  g_autofree char *folder = heard_test_make_dir ();
  g_autofree char *practice_folder = g_build_filename (folder, "practice", NULL);
  g_autofree char *real_folder = g_build_filename (folder, "real", NULL);
  guint n_practice = 0;
  g_autofree char *practice_path = NULL;
  g_autofree char *real_path = NULL;
  g_autofree char *real_text = NULL;

  g_assert_cmpint (g_mkdir (practice_folder, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (real_folder, 0700), ==, 0);
  practice_path = write_shape (&practice, practice_folder, &n_practice);
  real_path = write_shape (&real, real_folder, NULL);

  g_assert_cmpuint (n_practice, >, 1);
  for (guint page = 1; page <= n_practice; page++)
    {
      g_autofree char *text = heard_test_pdf_page_text (practice_path, page);

      g_assert_nonnull (strstr (text, PRACTICE_MARK));
    }
  real_text = heard_test_pdf_text (real_path);
  g_assert_null (strstr (real_text, PRACTICE_MARK));
  g_assert_null (strstr (real_text, "Practice"));

  heard_test_clear_dir (&folder);
}

static void
test_long_document (void)
{
  const Shape shape = { FALSE, 16, 20, 40, 0 };
  g_autofree char *folder = heard_test_make_dir ();
  guint n = 0;
  g_autofree char *path = write_shape (&shape, folder, &n);
  g_autofree char *text = heard_test_pdf_text (path);

  g_assert_cmpuint (n, >=, 6);
  for (guint i = 0; i < shape.n_statements; i++)
    {
      g_autofree char *last = g_strdup_printf ("lastword%u\n", i);

      g_assert_nonnull (strstr (text, last));
    }
  /* The long columns of each area, broken across pages side by side. */
  for (guint i = 0; i < shape.n_areas; i++)
    {
      g_autofree char *last = g_strdup_printf ("lastword%u", 1000 + i);

      g_assert_nonnull (strstr (text, last));
    }

  heard_test_clear_dir (&folder);
}

/* Whether @line is a heading or a label that introduces what follows it. */
static gboolean
is_heading (const char *line)
{
  const char *const headings[] = {
    "In their own words", "The plan", "Check-ins", "Reviews", "Actions",
    "Their goal, in their own words", "The worker's goal",
  };

  if (g_str_has_prefix (line, "Area ") || g_str_has_prefix (line, "What we are worried") ||
      g_str_has_prefix (line, "1 February 2026 · "))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    if (g_str_equal (line, headings[i]))
      return TRUE;
  return FALSE;
}

static void
test_headings_kept (void)
{
  const Shape shape = { FALSE, 16, 8, 30, 0 };
  g_autofree char *folder = heard_test_make_dir ();
  guint n = 0;
  g_autofree char *path = write_shape (&shape, folder, &n);

  g_assert_cmpuint (n, >=, 4);
  for (guint page = 2; page <= n; page++)
    {
      g_autofree char *number = g_strdup_printf ("%u", page);
      const char *argv[] = { "/usr/bin/pdftotext", "-layout", "-f", number, "-l", number,
                             path, "-", NULL };
      g_autofree char *text = heard_test_run_tool (argv);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      const char *last = NULL;

      /* The body's last line is the one before the footer's. */
      for (guint i = 0; lines[i] != NULL && strstr (lines[i], "Printed on") == NULL; i++)
        if (*g_strstrip (lines[i]) != '\0')
          last = lines[i];
      g_assert_nonnull (last);
      if (is_heading (last))
        g_error ("Page %u ends with a heading: %s", page, last);
    }

  heard_test_clear_dir (&folder);
}

static void
cancel_on_first_page_cb (guint    done,
                         guint    total,
                         gpointer user_data)
{
  g_assert_cmpuint (done, >=, 1);
  g_assert_cmpuint (total, >, done);
  g_cancellable_cancel (user_data);
}

static void
test_cancel (void)
{
  const Shape shape = { FALSE, 16, 30, 80, 20 };
  g_autoptr(HeardPlanDocument) document = make_document (&shape);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *folder = heard_test_make_dir ();
  g_autofree char *path = g_build_filename (folder, "plan.pdf", NULL);
  g_autofree char *fresh = g_build_filename (folder, "fresh.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  /* A new file: nothing is left, not even the temporary one. */
  g_assert_false (write_pdf (document, fresh, cancel_on_first_page_cb, cancellable, cancellable,
                             &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = heard_test_list_names (folder);
  g_assert_cmpstr (after, ==, "");
  g_clear_pointer (&after, g_free);
  g_clear_error (&error);

  /* A file already there stays as it was. */
  heard_test_write_file (path, "an older plan", strlen ("an older plan"));
  before = heard_test_describe_folder (folder);
  g_cancellable_reset (cancellable);
  g_assert_false (write_pdf (document, path, cancel_on_first_page_cb, cancellable, cancellable,
                             &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = heard_test_describe_folder (folder);
  g_assert_cmpstr (after, ==, before);

  heard_test_clear_dir (&folder);
}

static void
test_write_fails (void)
{
  g_autoptr(HeardPlanDocument) document = make_document (&small);
  g_autofree char *folder = heard_test_make_dir ();
  g_autofree char *path = g_build_filename (folder, "plan.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  heard_test_write_file (path, "an older plan", strlen ("an older plan"));
  before = heard_test_describe_folder (folder);

  if (geteuid () == 0)
    {
      /* root writes into read-only folders: fail by a destination that is a
       * folder, which the rename cannot replace. */
      g_autofree char *into = g_build_filename (folder, "a-folder", NULL);

      g_assert_cmpint (g_mkdir (into, 0700), ==, 0);
      g_clear_pointer (&before, g_free);
      before = heard_test_list_names (folder);
      g_assert_false (write_pdf (document, into, NULL, NULL, NULL, &error));
      g_assert_nonnull (error);
      after = heard_test_list_names (folder);
    }
  else
    {
      g_assert_cmpint (g_chmod (folder, 0500), ==, 0);
      g_assert_false (write_pdf (document, path, NULL, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_cmpint (g_chmod (folder, 0700), ==, 0);
      after = heard_test_describe_folder (folder);
    }
  g_assert_cmpstr (after, ==, before);

  heard_test_clear_dir (&folder);
}

/* What a writer killed half-way left in the folder goes at the next
 * export there: a temporary PDF of a process of this computer that is
 * gone, or a week old; never one another process is writing now, nor a
 * file that is not Heard's temporary. */
static void
test_abandoned_temporaries (void)
{
  g_autoptr(HeardPlanDocument) document = make_document (&small);
  g_autofree char *folder = heard_test_make_dir ();
  g_autofree char *path = g_build_filename (folder, "plan.pdf", NULL);
  g_autofree char *gone_tag = heard_files_temp_tag (heard_test_gone_pid ());
  g_autofree char *live_tag = heard_files_temp_tag (getppid ());
  g_autofree char *gone = g_strconcat (folder, "/.heard-pdf-", gone_tag, "Ab12Cd", NULL);
  g_autofree char *old = g_strconcat (folder, "/.heard-pdf-", live_tag, "Ef34Gh", NULL);
  g_autofree char *live = g_strconcat (folder, "/.heard-pdf-", live_tag, "Ij56Kl", NULL);
  g_autofree char *other = g_build_filename (folder, ".plan.pdf.bak", NULL);
  g_autofree char *names = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  heard_test_write_file (gone, "%PDF-1.5", 8);
  heard_test_write_file (old, "%PDF-1.5", 8);
  heard_test_set_age (old, 8);
  heard_test_write_file (live, "%PDF-1.5", 8);
  heard_test_write_file (other, "%PDF-1.5", 8);
  heard_test_set_age (other, 30);

  g_assert_true (write_pdf (document, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  names = heard_test_list_names (folder);
  expected = g_strconcat (".heard-pdf-", live_tag, "Ij56Kl\n.plan.pdf.bak\nplan.pdf", NULL);
  g_assert_cmpstr (names, ==, expected);

  heard_test_clear_dir (&folder);
}

static void
test_fonts_embedded (void)
{
  g_autofree char *folder = heard_test_make_dir ();
  g_autofree char *path = write_shape (&small, folder, NULL);
  const char *argv[] = { "/usr/bin/pdffonts", path, NULL };
  g_autofree char *fonts = heard_test_run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  const char *emb;
  gsize column;
  guint n_fonts = 0;

  g_assert_nonnull (lines[0]);
  emb = strstr (lines[0], " emb ");
  g_assert_nonnull (emb);
  column = (gsize) (emb - lines[0]) + 1;
  /* lines[1] is the rule under the header. */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      g_assert_cmpuint (strlen (lines[i]), >, column + 3);
      if (strncmp (lines[i] + column, "yes", 3) != 0)
        g_error ("A font is not embedded: %s", lines[i]);
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >=, 1);

  heard_test_clear_dir (&folder);
}


/* The young person's own records for "My record" and subject access: a
 * name of someone else inside their own words, staff-only text and text
 * written for them, a check-in with the worker's note. */
#define OTHER_NAME      "Kez Marlow"
#define OWN_GOAL        "Never see " OTHER_NAME " again"
#define LATER_GOAL      "A goal written beside the next version"
#define NAMED_WORDS      "Please dont tell my mum"
#define NAMED_SHARE_WHAT "Their school report"
#define OWN_WORDS       OTHER_NAME " drove me there. Kezia was kind."
#define STAFF_ONLY      "Staff view: Dana Whitlock was present"
#define FOR_THEM        "We wrote this for you"
#define WITHHELD_WORDS  "These words are withheld"
#define SHOWN_AGENCY    "Northgate Academy"
#define WITHHELD_AGENCY "Hollowfield Clinic"

static char *
write_record (HeardRecordDocumentKind  kind,
              const char              *folder)
{
  const char *redact[] = { OTHER_NAME, "Dana Whitlock", NULL };
  g_autoptr(HeardPerson) person = heard_person_new ();
  g_autoptr(HeardPlan) plan = make_plan (&small);
  g_autoptr(GListStore) plans = g_list_store_new (HEARD_TYPE_PLAN);
  g_autoptr(GListStore) statements = g_list_store_new (HEARD_TYPE_STATEMENT);
  g_autoptr(GListStore) check_ins = g_list_store_new (HEARD_TYPE_CHECK_IN);
  g_autoptr(GListStore) own_words = g_list_store_new (HEARD_TYPE_OWN_WORDS);
  g_autoptr(GListStore) marks = g_list_store_new (HEARD_TYPE_FOR_THEM_MARK);
  g_autoptr(HeardStatement) theirs = make_statement (OWN_WORDS, FALSE);
  g_autoptr(HeardStatement) explained = make_statement ("Nobody listened to me until now", FALSE);
  g_autoptr(HeardStatement) withheld = make_statement (WITHHELD_WORDS, FALSE);
  g_autoptr(HeardStatement) named = make_statement (NAMED_WORDS, FALSE);
  g_autoptr(HeardSharingEntry) named_share = heard_sharing_entry_new (1, HEARD_SHARING_SHARED);
  g_autoptr(HeardCheckIn) check_in = heard_check_in_new (plan->id);
  g_autoptr(HeardOwnWords) goal = heard_own_words_new (1, plan->id, HEARD_AREA_SAFETY,
                                                       HEARD_OWN_GOAL, OWN_GOAL);
  g_autoptr(HeardOwnWords) later_goal = heard_own_words_new (1, plan->id + 1, HEARD_AREA_SAFETY,
                                                             HEARD_OWN_GOAL, LATER_GOAL);
  g_autoptr(GListStore) plan_says = g_list_store_new (HEARD_TYPE_PLAN_SAY);
  g_autoptr(HeardPlanSay) agreed = heard_plan_say_new (plan->id, HEARD_SAY_AGREES, "");
  g_autoptr(HeardPlanSay) disagreed = heard_plan_say_new (plan->id, HEARD_SAY_DOES_NOT_AGREE,
                                                          THEIR_SAY);
  g_autoptr(HeardForThemMark) mark = heard_for_them_mark_new (1,
                                                              HEARD_FOR_THEM_STATEMENT_CONTEXT,
                                                              2, TRUE, NULL);
  g_autoptr(GListStore) story = g_list_store_new (HEARD_TYPE_STORY_EVENT);
  g_autoptr(HeardStoryEvent) shown_share = heard_story_event_new (HEARD_STORY_SHARED, "2026-03-02",
                                                                  "Sam Reviewer",
                                                                  HEARD_STORY_BY_SUPERVISOR);
  g_autoptr(HeardStoryEvent) withheld_share = heard_story_event_new (HEARD_STORY_NOT_SHARED,
                                                                     "2026-03-03", "Sam Reviewer",
                                                                     HEARD_STORY_BY_SUPERVISOR);
  g_autoptr(GPtrArray) withholdings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HeardPlanDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, "record.pdf", NULL);

  heard_person_set_text (person, HEARD_PERSON_DISPLAY_NAME, "Jordan Fictional");
  heard_person_set_text (person, HEARD_PERSON_PREFERRED_NAME, "Jojo");
  g_list_store_append (plans, plan);
  heard_statement_set_id (theirs, 1);
  heard_statement_set_given_how (theirs, HEARD_GIVEN_TYPED);
  heard_statement_set_text (theirs, HEARD_STATEMENT_CONTEXT, STAFF_ONLY);
  heard_statement_set_id (explained, 2);
  heard_statement_set_text (explained, HEARD_STATEMENT_CONTEXT, FOR_THEM);
  heard_statement_set_id (withheld, 3);
  g_list_store_append (statements, theirs);
  g_list_store_append (statements, explained);
  g_list_store_append (statements, withheld);
  heard_check_in_set_id (check_in, 1);
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_DAY, "2026-03-01");
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_THEIR_WORDS, CHECK_IN_WORDS);
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_WORKER_NOTE, CHECK_IN_NOTE);
  heard_check_in_set_rating (check_in, HEARD_AREA_SAFETY, HEARD_RATER_YOUNG_PERSON,
                             HEARD_RATING_GIVEN, 6);
  g_list_store_append (check_ins, check_in);
  g_list_store_append (own_words, goal);
  g_list_store_append (own_words, later_goal);
  heard_plan_say_set_saved (agreed, 1, "Priya Owner", "2026-12-01T10:00:00Z");
  heard_plan_say_set_saved (disagreed, 2, "Priya Owner", "2026-12-03T10:00:00Z");
  g_list_store_append (plan_says, agreed);
  g_list_store_append (plan_says, disagreed);
  g_list_store_append (marks, mark);
  /* Two sharing entries in their story; the second is withheld. */
  heard_story_event_set_record_id (shown_share, 7);
  heard_story_event_set_text (shown_share, HEARD_STORY_AGENCY, SHOWN_AGENCY);
  heard_story_event_set_text (shown_share, HEARD_STORY_WHAT, "their safety plan");
  heard_story_event_set_record_id (withheld_share, 8);
  heard_story_event_set_text (withheld_share, HEARD_STORY_AGENCY, WITHHELD_AGENCY);
  heard_story_event_set_text (withheld_share, HEARD_STORY_WHAT, "their statement");
  g_list_store_append (story, shown_share);
  g_list_store_append (story, withheld_share);
  g_ptr_array_add (withholdings,
                   heard_withholding_new_for_record (HEARD_WITHHELD_SHARING, 8, NULL,
                                                     HEARD_EXEMPTION_SERIOUS_HARM,
                                                     "It would put them at risk", "Sam Reviewer"));
  /* Named from their records: by kind and day, never by their words. */
  heard_statement_set_id (named, 4);
  heard_statement_set_text (named, HEARD_STATEMENT_GIVEN_ON, "2026-11-25");
  heard_statement_set_text (named, HEARD_STATEMENT_CONTENT_NOTE, "About the car");
  heard_statement_set_sensitive (named, TRUE);
  g_ptr_array_add (withholdings,
                   heard_withholding_new_for_record (HEARD_WITHHELD_STATEMENT, 4, named,
                                                     HEARD_EXEMPTION_SERIOUS_HARM,
                                                     "It would upset them", "Sam Reviewer"));
  heard_sharing_entry_set_shared_on (named_share, "2026-03-04");
  heard_sharing_entry_set_text (named_share, HEARD_SHARING_WHAT, NAMED_SHARE_WHAT);
  g_ptr_array_add (withholdings,
                   heard_withholding_new_for_record (HEARD_WITHHELD_SHARING, 9, named_share,
                                                     HEARD_EXEMPTION_SERIOUS_HARM,
                                                     "It would upset them", "Sam Reviewer"));
  g_ptr_array_add (withholdings,
                   heard_withholding_new (HEARD_WITHHELD_STATEMENT, 3, "The statement of 1 February",
                                          HEARD_EXEMPTION_THIRD_PARTY, "It is about another child",
                                          "Sam Reviewer"));

  document = heard_plan_document_new_record (&(HeardRecordDocumentContent) {
    .kind = kind,
    .person = person,
    .plans = G_LIST_MODEL (plans),
    .statements = G_LIST_MODEL (statements),
    .check_ins = G_LIST_MODEL (check_ins),
    .own_words = G_LIST_MODEL (own_words),
    .plan_says = G_LIST_MODEL (plan_says),
    .for_them_marks = G_LIST_MODEL (marks),
    .story = G_LIST_MODEL (story),
    .withholdings = kind == HEARD_RECORD_DOCUMENT_SUBJECT_ACCESS ? withholdings : NULL,
    .redact = redact,
    .printed_on = PRINTED_ON,
  });
  g_assert_true (write_pdf (document, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* The PDF's text in reading order, page by page, every run of white
 * space one space: columns and wrapped lines read as sentences. */
static char *
read_flat (const char *path)
{
  GString *text = g_string_new (NULL);
  guint n = heard_test_pdf_pages (path);
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  for (guint page = 1; page <= n; page++)
    {
      g_autofree char *page_text = heard_test_pdf_page_text (path, page);
      g_autofree char *flat = g_regex_replace_literal (space, page_text, -1, 0, " ", 0, NULL);

      g_string_append_printf (text, "%s ", flat);
    }
  return g_string_free (text, FALSE);
}

/* Every redacted name is gone, inside their own words too, and the
 * document says names were removed; a longer word that starts like one
 * stays. */
static void
assert_redacted (const char *text)
{
  g_assert_null (strstr (text, "Kez Marlow"));
  g_assert_null (strstr (text, "Marlow"));
  g_assert_null (strstr (text, "Dana"));
  g_assert_null (strstr (text, "Whitlock"));
  g_assert_nonnull (strstr (text, "[name removed] drove me there."));
  g_assert_nonnull (strstr (text, "Kezia was kind."));
  g_assert_nonnull (strstr (text, "Never see [name removed] again"));
}

static void
test_my_record (void)
{
  g_autofree char *folder = heard_test_make_dir ();
  g_autofree char *path = write_record (HEARD_RECORD_DOCUMENT_MINE, folder);
  g_autofree char *text = read_flat (path);

  g_assert_nonnull (strstr (text, "My record"));
  g_assert_nonnull (strstr (text, "Jojo"));
  g_assert_nonnull (strstr (text, "We took out the names of some other people."));
  assert_redacted (text);
  /* Their words, their goal beside the worker's. */
  g_assert_nonnull (strstr (text, "Nobody listened to me until now"));
  g_assert_nonnull (strstr (text, CHECK_IN_WORDS));
  g_assert_nonnull (strstr (text, "My goal"));
  g_assert_nonnull (strstr (text, "Feel safe walking home"));
  g_assert_nonnull (strstr (text, "A safety plan agreed with school"));
  /* What staff wrote for them, and nothing staff kept for themselves. */
  g_assert_nonnull (strstr (text, FOR_THEM));
  g_assert_null (strstr (text, "Staff view"));
  g_assert_null (strstr (text, CHECK_IN_NOTE));
  g_assert_null (strstr (text, "Withheld under an exemption"));
  /* How they gave their words, said to them. */
  g_assert_nonnull (strstr (text, "You typed it"));
  g_assert_nonnull (strstr (text, "You said it out loud"));
  g_assert_null (strstr (text, "Typed by them"));
  g_assert_null (strstr (text, "Said out loud"));
  /* Nothing is withheld from their own record: both shares are there. */
  g_assert_nonnull (strstr (text, SHOWN_AGENCY));
  g_assert_nonnull (strstr (text, WITHHELD_AGENCY));
  /* Goals written later, beside a newer version, are not this version's. */
  g_assert_null (strstr (text, LATER_GOAL));
  /* Only what they say now about their plan, with its day. */
  g_assert_nonnull (strstr (text, "You said on 3 December 2026: You do not agree with this plan."));
  g_assert_nonnull (strstr (text, THEIR_SAY));
  g_assert_null (strstr (text, "You agree with this plan."));
  /* A check-in they rated alone: their rating, no worker's "Skipped". */
  g_assert_nonnull (strstr (text, "you said 6"));
  g_assert_null (strstr (text, "your worker said"));

  heard_test_clear_dir (&folder);
}

static void
test_subject_access (void)
{
  g_autofree char *folder = heard_test_make_dir ();
  g_autofree char *path = write_record (HEARD_RECORD_DOCUMENT_SUBJECT_ACCESS, folder);
  g_autofree char *text = read_flat (path);
  g_autofree char *cover = heard_test_pdf_page_text (path, 1);

  g_assert_nonnull (strstr (text, "Subject access export"));
  g_assert_nonnull (strstr (text, "The names of other people were removed"));
  assert_redacted (text);
  /* Staff text too. */
  g_assert_nonnull (strstr (text, "Staff view: [name removed] was present"));
  g_assert_nonnull (strstr (text, CHECK_IN_NOTE));
  g_assert_nonnull (strstr (text, "Signed off by Sam Reviewer"));
  /* The withheld item is out, and its decision is on the cover. */
  g_assert_null (strstr (text, WITHHELD_WORDS));
  g_assert_nonnull (strstr (cover, "Withheld under an exemption"));
  g_assert_nonnull (strstr (cover, "The statement of 1 February (Statement)"));
  g_assert_nonnull (strstr (cover, "Exemption: Information about someone else"));
  g_assert_nonnull (strstr (cover, "Reason: It is about another child"));
  g_assert_nonnull (strstr (cover, "Decided by: Sam Reviewer"));
  /* How they gave their words, as staff say it. */
  g_assert_nonnull (strstr (text, "Typed by them"));
  g_assert_null (strstr (text, "You typed it"));
  /* A withheld sharing entry is out of their story too; the other stays. */
  g_assert_nonnull (strstr (text, SHOWN_AGENCY));
  g_assert_null (strstr (text, WITHHELD_AGENCY));
  g_assert_nonnull (strstr (cover, "Sharing log entry 8"));
  /* Items named from their records by kind and day, as people find them,
   * never by the words withheld. */
  g_assert_nonnull (strstr (cover, "Statement of 25 November 2026 (Statement)"));
  g_assert_nonnull (strstr (cover, "Sharing log entry of 4 March 2026 (Sharing log entry)"));
  g_assert_null (strstr (text, NAMED_WORDS));
  g_assert_null (strstr (text, NAMED_SHARE_WHAT));
  g_assert_null (strstr (cover, "Statement 4"));
  g_assert_nonnull (strstr (cover, "Reason: It would put them at risk"));
  /* Every say on the plan stays, each with its moment. */
  g_assert_nonnull (strstr (text, "You agree with this plan."));
  g_assert_nonnull (strstr (text, "You do not agree with this plan."));
  g_assert_nonnull (strstr (text, "2026-12-01T10:00:00Z"));

  heard_test_clear_dir (&folder);
}
static void
test_file_name (void)
{
  g_autofree char *name = heard_plan_document_suggest_file_name (PRINTED_ON);
  g_autofree char *fallback = heard_plan_document_suggest_file_name ("not a day");

  g_assert_cmpstr (name, ==, "support-plan-2026-12-07.pdf");
  g_assert_cmpstr (fallback, ==, "support-plan.pdf");
}

int
main (int   argc,
      char *argv[])
{
  heard_test_init (&argc, &argv);

  g_test_add_func ("/document/contents", test_contents);
  g_test_add_func ("/document/their-words", test_their_words);
  g_test_add_func ("/document/my-record", test_my_record);
  g_test_add_func ("/document/subject-access", test_subject_access);
  g_test_add_func ("/document/check-ins", test_check_ins);
  g_test_add_func ("/document/check-in-words", test_check_in_words);
  g_test_add_func ("/document/chronology", test_chronology);
  g_test_add_func ("/document/no-chronology", test_no_chronology);
  g_test_add_func ("/document/page-numbers", test_page_numbers);
  g_test_add_func ("/document/scripts", test_scripts);
  g_test_add_func ("/document/practice-mark", test_practice_mark);
  g_test_add_func ("/document/long", test_long_document);
  g_test_add_func ("/document/headings-kept", test_headings_kept);
  g_test_add_func ("/document/cancel", test_cancel);
  g_test_add_func ("/document/write-fails", test_write_fails);
  g_test_add_func ("/document/abandoned-temporaries", test_abandoned_temporaries);
  g_test_add_func ("/document/fonts-embedded", test_fonts_embedded);
  g_test_add_func ("/document/file-name", test_file_name);

  return g_test_run ();
}

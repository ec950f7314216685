/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-chronology-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-check-in.h"
#include "heard-chronology-rows.h"
#include "heard-date.h"
#include "heard-directory-agency.h"
#include "heard-plan.h"
#include "heard-plan-review.h"
#include "heard-plan-rules.h"
#include "heard-statement.h"

/*
 * A young person's chronology as events in words, in one place for the
 * timeline and its list on screen and for the PDF: warning signs and
 * strengths in the lane of the agency that reported them, their words in
 * the young person's lane (a sensitive statement by its content note only,
 * never its words), check-ins and the plan's sign-off, reviews and closure
 * in the plan's lane, and what was shared with an agency, or decided not
 * to be, in that agency's lane. Every row names its source. The records are copied
 * on the main thread; the rows are built from the copies anywhere.
 */

#define YOUNG_PERSON_LANE N_("The young person")
#define PLAN_LANE N_("Support plan")

HeardChronologyRecords *
heard_chronology_records_new (void)
{
  HeardChronologyRecords *records = g_new0 (HeardChronologyRecords, 1);

  records->entries = g_ptr_array_new_with_free_func (g_object_unref);
  records->statements = g_ptr_array_new_with_free_func (g_object_unref);
  records->check_ins = g_ptr_array_new_with_free_func (g_object_unref);
  records->reviews = g_ptr_array_new_with_free_func (g_object_unref);
  records->sharing = g_ptr_array_new_with_free_func (g_object_unref);
  records->agencies = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  return records;
}

void
heard_chronology_records_free (HeardChronologyRecords *records)
{
  if (records == NULL)
    return;

  g_ptr_array_unref (records->entries);
  g_ptr_array_unref (records->statements);
  g_ptr_array_unref (records->check_ins);
  g_ptr_array_unref (records->reviews);
  g_ptr_array_unref (records->sharing);
  g_hash_table_unref (records->agencies);
  g_free (records);
}

void
heard_chronology_records_add_entries (HeardChronologyRecords *records,
                                      GListModel             *entries)
{
  g_return_if_fail (records != NULL);

  for (guint i = 0; entries != NULL && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(HeardChronologyEntry) entry = g_list_model_get_item (entries, i);

      g_ptr_array_add (records->entries, heard_chronology_entry_copy (entry));
    }
}

void
heard_chronology_records_add_statements (HeardChronologyRecords *records,
                                         GListModel             *statements)
{
  g_return_if_fail (records != NULL);

  for (guint i = 0; statements != NULL && i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(HeardStatement) statement = g_list_model_get_item (statements, i);

      g_ptr_array_add (records->statements, heard_statement_copy (statement));
    }
}

void
heard_chronology_records_add_check_ins (HeardChronologyRecords *records,
                                        GListModel             *check_ins)
{
  g_return_if_fail (records != NULL);

  for (guint i = 0; check_ins != NULL && i < g_list_model_get_n_items (check_ins); i++)
    {
      g_autoptr(HeardCheckIn) check_in = g_list_model_get_item (check_ins, i);

      g_ptr_array_add (records->check_ins, heard_check_in_copy (check_in));
    }
}

/* A plan's decisions are kept, never changed: a reference is a copy. */
void
heard_chronology_records_add_plans (HeardChronologyRecords *records,
                                    GListModel             *plans)
{
  g_return_if_fail (records != NULL);

  for (guint i = 0; plans != NULL && i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(HeardPlan) plan = g_list_model_get_item (plans, i);
      GListModel *reviews = heard_plan_get_reviews (plan);

      for (guint r = 0; reviews != NULL && r < g_list_model_get_n_items (reviews); r++)
        g_ptr_array_add (records->reviews, g_list_model_get_item (reviews, r));
    }
}

void
heard_chronology_records_add_agencies (HeardChronologyRecords *records,
                                       GListModel             *agencies)
{
  g_return_if_fail (records != NULL);

  for (guint i = 0; agencies != NULL && i < g_list_model_get_n_items (agencies); i++)
    {
      g_autoptr(HeardDirectoryAgency) agency = g_list_model_get_item (agencies, i);

      g_hash_table_insert (records->agencies,
                           g_memdup2 (&(gint64) { heard_directory_agency_get_id (agency) },
                                      sizeof (gint64)),
                           g_strdup (heard_directory_agency_get_text (agency,
                                                                      HEARD_DIRECTORY_AGENCY_NAME)));
    }
}

void
heard_chronology_records_add_sharing (HeardChronologyRecords *records,
                                      GListModel             *sharing)
{
  g_return_if_fail (records != NULL);

  for (guint i = 0; sharing != NULL && i < g_list_model_get_n_items (sharing); i++)
    {
      g_autoptr(HeardSharingEntry) entry = g_list_model_get_item (sharing, i);

      g_ptr_array_add (records->sharing, heard_sharing_entry_copy (entry));
    }
}

void
heard_chronology_row_free (HeardChronologyRow *row)
{
  if (row == NULL)
    return;

  g_free (row->when);
  g_free (row->lane);
  g_free (row->who);
  g_free (row->what);
  g_free (row);
}

const char *
heard_chronology_kind_label (HeardChronologyKind kind)
{
  static const char *const labels[HEARD_CHRONOLOGY_N_KINDS] = {
    [HEARD_CHRONOLOGY_SIGN_OF_HARM] = N_("Sign of harm"),
    [HEARD_CHRONOLOGY_VULNERABILITY] = N_("Vulnerability"),
    [HEARD_CHRONOLOGY_STRENGTH] = N_("Strength"),
    [HEARD_CHRONOLOGY_STATEMENT] = N_("Their words"),
    [HEARD_CHRONOLOGY_CHECK_IN] = N_("Check-in"),
    [HEARD_CHRONOLOGY_PLAN_EVENT] = N_("Support plan"),
    [HEARD_CHRONOLOGY_SHARING] = N_("Information shared"),
    [HEARD_CHRONOLOGY_NOT_SHARED] = N_("Decided not to share"),
  };

  g_return_val_if_fail (kind < HEARD_CHRONOLOGY_N_KINDS, NULL);

  return _(labels[kind]);
}

/* The day part of a stored day or moment ("2026-03-01T10:00:00Z"). */
static gboolean
read_day (const char *stored,
          GDate      *day)
{
  g_autofree char *day_part = NULL;

  if (stored == NULL || strlen (stored) < 10)
    return FALSE;

  day_part = g_strndup (stored, 10);
  return heard_date_parse (day_part, day, NULL);
}

static HeardChronologyRow *
row_new (HeardChronologySource source,
         gint64                record_id,
         HeardChronologyKind   kind,
         const GDate          *day)
{
  HeardChronologyRow *row = g_new0 (HeardChronologyRow, 1);

  /* Records of one source have their own ids: the source tells them apart. */
  row->id = record_id * HEARD_CHRONOLOGY_N_SOURCES + source + 1;
  row->source = source;
  row->record_id = record_id;
  row->kind = kind;
  row->earliest_day = *day;
  row->latest_day = *day;
  row->when = heard_date_format (day);
  return row;
}

static HeardChronologyKind
kind_of_nature (HeardEntryNature nature)
{
  switch (nature)
    {
    case HEARD_ENTRY_SIGN_OF_HARM:
      return HEARD_CHRONOLOGY_SIGN_OF_HARM;
    case HEARD_ENTRY_VULNERABILITY:
      return HEARD_CHRONOLOGY_VULNERABILITY;
    case HEARD_ENTRY_STRENGTH:
    case HEARD_ENTRY_N_NATURES:
    default:
      return HEARD_CHRONOLOGY_STRENGTH;
    }
}

static void
add_entries (const HeardChronologyRecords *records,
             GPtrArray                    *rows)
{
  for (guint i = 0; i < records->entries->len; i++)
    {
      HeardChronologyEntry *entry = g_ptr_array_index (records->entries, i);
      gint64 agency_id = heard_chronology_entry_get_agency_id (entry);
      const char *agency = g_hash_table_lookup (records->agencies, &agency_id);
      const char *kind = heard_chronology_entry_get_kind (entry);
      HeardChronologyRow *row;
      GDate first, last;

      if (!read_day (heard_chronology_entry_get_earliest_day (entry), &first) ||
          !read_day (heard_chronology_entry_get_latest_day (entry), &last))
        continue;

      row = row_new (HEARD_CHRONOLOGY_FROM_ENTRY, heard_chronology_entry_get_id (entry),
                     kind_of_nature (heard_chronology_entry_get_nature (entry)), &first);
      row->latest_day = last;
      row->approximate = heard_chronology_entry_is_approximate (entry);
      g_free (row->when);
      row->when = heard_chronology_entry_describe_when (entry);
      row->agency_id = agency_id;
      row->lane = g_strdup (agency != NULL ? agency : _("Agency not in the directory"));
      row->who = g_strdup (heard_chronology_entry_get_text (entry, HEARD_CHRONOLOGY_REPORTER));
      /* TRANSLATORS: the kind of a warning sign, then what was seen */
      row->what = g_strdup_printf (_("%s: %s"), heard_entry_kind_label (kind, kind),
                                   heard_chronology_entry_get_text (entry, HEARD_CHRONOLOGY_SEEN));
      g_ptr_array_add (rows, row);
    }
}

static void
add_statements (const HeardChronologyRecords *records,
                GPtrArray                    *rows)
{
  for (guint i = 0; i < records->statements->len; i++)
    {
      HeardStatement *statement = g_ptr_array_index (records->statements, i);
      HeardChronologyRow *row;
      GDate day;

      if (!read_day (heard_statement_get_text (statement, HEARD_STATEMENT_GIVEN_ON), &day) &&
          !read_day (heard_statement_get_saved_at (statement), &day))
        continue;

      row = row_new (HEARD_CHRONOLOGY_FROM_STATEMENT, heard_statement_get_id (statement),
                     HEARD_CHRONOLOGY_STATEMENT, &day);
      row->lane = g_strdup (_(YOUNG_PERSON_LANE));
      /* TRANSLATORS: who wrote a young person's words down */
      row->who = g_strdup_printf (_("In their words, recorded by %s"),
                                  heard_statement_get_saved_by (statement));
      if (heard_statement_get_sensitive (statement))
        /* TRANSLATORS: in place of sensitive words, the note that warns of them */
        row->what = g_strdup_printf (_("Content note: %s"),
                                     heard_statement_get_content_note (statement));
      else
        row->what = g_strdup (heard_statement_get_words (statement));
      g_ptr_array_add (rows, row);
    }
}

static void
add_check_ins (const HeardChronologyRecords *records,
               GPtrArray                    *rows)
{
  for (guint i = 0; i < records->check_ins->len; i++)
    {
      HeardCheckIn *check_in = g_ptr_array_index (records->check_ins, i);
      const char *words = heard_check_in_get_text (check_in, HEARD_CHECK_IN_THEIR_WORDS);
      HeardChronologyRow *row;
      GDate day;

      if (!read_day (heard_check_in_get_day (check_in), &day))
        continue;

      row = row_new (HEARD_CHRONOLOGY_FROM_CHECK_IN, heard_check_in_get_id (check_in),
                     HEARD_CHRONOLOGY_CHECK_IN, &day);
      row->lane = g_strdup (_(PLAN_LANE));
      row->who = g_strdup (heard_check_in_get_saved_by (check_in));
      row->what = g_strdup (words != NULL && *words != '\0' ? words : _("A check-in together"));
      g_ptr_array_add (rows, row);
    }
}

static void
add_reviews (const HeardChronologyRecords *records,
             GPtrArray                    *rows)
{
  for (guint i = 0; i < records->reviews->len; i++)
    {
      HeardPlanReview *review = g_ptr_array_index (records->reviews, i);
      HeardPlanEvent decision = heard_plan_review_get_decision (review);
      HeardChronologyRow *row;
      GDate day;

      if (decision != HEARD_PLAN_EVENT_SIGN_OFF && decision != HEARD_PLAN_EVENT_REVIEW &&
          decision != HEARD_PLAN_EVENT_CLOSE)
        continue;
      if (!read_day (heard_plan_review_get_decided_at (review), &day))
        continue;

      /* Decisions have no id of their own: their place among all of them. */
      row = row_new (HEARD_CHRONOLOGY_FROM_PLAN, i + 1, HEARD_CHRONOLOGY_PLAN_EVENT, &day);
      row->lane = g_strdup (_(PLAN_LANE));
      row->who = g_strdup (heard_plan_review_get_reviewer (review));
      row->what = g_strdup (heard_plan_event_label (decision));
      g_ptr_array_add (rows, row);
    }
}

static void
add_sharing (const HeardChronologyRecords *records,
             GPtrArray                    *rows)
{
  for (guint i = 0; i < records->sharing->len; i++)
    {
      HeardSharingEntry *entry = g_ptr_array_index (records->sharing, i);
      gint64 agency_id = heard_sharing_entry_get_agency_id (entry);
      const char *agency = g_hash_table_lookup (records->agencies, &agency_id);
      HeardChronologyRow *row;
      GDate day;

      if (!read_day (heard_sharing_entry_get_shared_on (entry), &day))
        continue;

      row = row_new (HEARD_CHRONOLOGY_FROM_SHARING, heard_sharing_entry_get_id (entry),
                     heard_sharing_entry_get_decision (entry) == HEARD_SHARING_SHARED
                     ? HEARD_CHRONOLOGY_SHARING : HEARD_CHRONOLOGY_NOT_SHARED, &day);
      row->agency_id = agency_id;
      row->lane = g_strdup (agency != NULL ? agency : _("Agency not in the directory"));
      row->who = g_strdup (heard_sharing_entry_get_saved_by (entry));
      row->what = heard_sharing_entry_describe (entry, agency);
      g_ptr_array_add (rows, row);
    }
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const HeardChronologyRow *x = *(HeardChronologyRow *const *) a;
  const HeardChronologyRow *y = *(HeardChronologyRow *const *) b;
  int by_day = g_date_compare (&x->earliest_day, &y->earliest_day);

  if (by_day != 0)
    return by_day;
  return x->id < y->id ? -1 : x->id > y->id;
}

GPtrArray *
heard_chronology_rows_build (const HeardChronologyRecords *records)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) heard_chronology_row_free);

  g_return_val_if_fail (records != NULL, rows);

  add_entries (records, rows);
  add_statements (records, rows);
  add_check_ins (records, rows);
  add_reviews (records, rows);
  add_sharing (records, rows);
  g_ptr_array_sort (rows, compare_rows);
  return rows;
}

/* Agencies in the middle by name; the young person's lane above them and
 * the plan's below. */
static int
compare_lanes (gconstpointer a,
               gconstpointer b)
{
  const char *x = *(const char *const *) a;
  const char *y = *(const char *const *) b;
  int x_rank = g_str_equal (x, _(YOUNG_PERSON_LANE)) ? 0 : g_str_equal (x, _(PLAN_LANE)) ? 2 : 1;
  int y_rank = g_str_equal (y, _(YOUNG_PERSON_LANE)) ? 0 : g_str_equal (y, _(PLAN_LANE)) ? 2 : 1;

  if (x_rank != y_rank)
    return x_rank - y_rank;
  return g_utf8_collate (x, y);
}

HeardChronology *
heard_chronology_rows_draw (GPtrArray *rows)
{
  g_autoptr(GPtrArray) lanes = g_ptr_array_new ();
  g_autoptr(GHashTable) lane_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree HeardChronologyEvent *events = NULL;

  g_return_val_if_fail (rows != NULL, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      HeardChronologyRow *row = g_ptr_array_index (rows, i);

      if (!g_hash_table_contains (lane_of, row->lane))
        {
          g_hash_table_add (lane_of, row->lane);
          g_ptr_array_add (lanes, row->lane);
        }
    }
  g_ptr_array_sort (lanes, compare_lanes);
  for (guint lane = 0; lane < lanes->len; lane++)
    g_hash_table_insert (lane_of, g_ptr_array_index (lanes, lane), GUINT_TO_POINTER (lane));

  events = g_new0 (HeardChronologyEvent, MAX (rows->len, 1));
  for (guint i = 0; i < rows->len; i++)
    {
      HeardChronologyRow *row = g_ptr_array_index (rows, i);

      events[i] = (HeardChronologyEvent) {
        .id = row->id,
        .earliest_day = row->earliest_day,
        .latest_day = row->latest_day,
        .lane = GPOINTER_TO_UINT (g_hash_table_lookup (lane_of, row->lane)),
        .kind = row->kind,
        .label = row->what,
      };
    }

  return heard_chronology_new (events, rows->len, (const char *const *) lanes->pdata, lanes->len);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-document"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "heard-chart.h"
#include "heard-codesign.h"
#include "heard-for-them.h"
#include "heard-own-words.h"
#include "heard-plan-say.h"
#include "heard-story-event.h"
#include "heard-withholding.h"
#include "heard-check-in.h"
#include "heard-chronology-rows.h"
#include "heard-check-in-rules.h"
#include "heard-check-in-series.h"
#include "heard-date.h"
#include "heard-directory-agency.h"
#include "heard-document-pages-private.h"
#include "heard-files.h"
#include "heard-plan-document.h"
#include "heard-staff.h"
#include "heard-statement.h"
#include "heard-text-fields.h"

/*
 * A young person's support plan as a document a review meeting can use, and
 * that they can read years later: a cover, their own words first, the plan's
 * areas with both goals and the actions, the check-ins as charts, and the
 * review history, with the date and "page N of M" on every page. Everything
 * it says is copied out of the records when it is made, so that the PDF can
 * be written in a worker thread while the records change on screen; the same
 * pages are drawn onto any cairo_t, so print uses them too.
 */

#define A4_WIDTH  595.276
#define A4_HEIGHT 841.890

#define RADIAL_HEIGHT   230.0
#define PROGRESS_HEIGHT 150.0
#define SAFETY_HEIGHT   170.0
#define LEGEND_HEIGHT   46.0 /* two rows, when the items do not fit side by side */
#define FRAME_GAP       20.0

/* A PDF being written, beside where it goes: the prefix, then the tag of the
 * process and computer writing it (heard_files_temp_tag()), as backups do. */
#define TEMP_PREFIX ".heard-pdf-"

typedef enum
{
  CHART_PROGRESS,
  CHART_RADIAL,
  CHART_SAFETY,
  CHART_LEGEND,
} ChartKind;

typedef struct
{
  HeardPlanDocument *document;
  ChartKind          kind;
  guint              series;
  HeardChartRater    rater;
  HeardChartLegend   legend; /* CHART_LEGEND's */
} Chart;

struct _HeardPlanDocument
{
  GObject              parent_instance;

  /* Made in _new and never changed after: the writer's thread reads them. */
  HeardDocumentBlocks *blocks;
  GPtrArray           *series;  /* HeardChartSeries, one per area */
  HeardChartSeries    *safety;
  GArray              *markers; /* HeardChartMarker, labels from heard_plan_event_label() */
  GPtrArray           *charts;  /* Chart */
  HeardChartPalette    palette;
  char                *title;
  char                *printed_on;
  char                *practice_mark;

  /* The main thread's layout, for print. */
  HeardDocumentPages  *pages;
  double               page_width, page_height;
};

G_DEFINE_FINAL_TYPE (HeardPlanDocument, heard_plan_document, G_TYPE_OBJECT)

typedef struct
{
  char                  *path;
  HeardDocumentProgress  progress;
  gpointer               progress_data;
} WriteData;

typedef struct
{
  HeardDocumentProgress  progress;
  gpointer               progress_data;
  guint                  done, total;
} Progress;

typedef struct
{
  int           fd;
  GCancellable *cancellable;
  int           error_code;
} Output;

static const char *
or_dash (const char *text)
{
  return heard_text_is_blank (text) ? "—" : text;
}

static void
add_kept (HeardDocumentBlocks *blocks,
          HeardDocumentStyle   style,
          const char          *text)
{
  _heard_document_blocks_add_text (blocks, style, text);
  _heard_document_blocks_keep_with_next (blocks);
}

static void
add_cover (HeardDocumentBlocks            *blocks,
           const HeardPlanDocumentContent *content,
           const char                     *printed_on,
           const char                     *practice_mark)
{
  const char *name = heard_person_get_preferred_name (content->person);
  g_autofree char *version = NULL;
  g_autofree char *recipient = NULL;

  if (heard_text_is_blank (name))
    name = heard_person_get_display_name (content->person);

  _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_TITLE, _("Support plan"));
  _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_NAME, name);
  /* TRANSLATORS: the plan's version and where it stands, e.g. "Version 2 · Active" */
  version = g_strdup_printf (_("Version %u · %s"), heard_plan_get_version (content->plan),
                             heard_plan_state_label (heard_plan_get_state (content->plan)));
  _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_META, version);
  _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY, printed_on);
  /* TRANSLATORS: who the document was made for, e.g. "For: Review meeting: school, police" */
  recipient = g_strdup_printf (_("For: %s"), or_dash (content->recipient));
  _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY, recipient);
  if (practice_mark != NULL)
    _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_MARK, practice_mark);
  _heard_document_blocks_add_page_break (blocks);
}

static void
add_statements (HeardDocumentBlocks *blocks,
                GPtrArray           *statements)
{
  add_kept (blocks, HEARD_DOCUMENT_STYLE_HEADING, _("In their own words"));
  if (statements == NULL || statements->len == 0)
    {
      _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY,
                                       _("No statements were chosen to go in this document."));
      return;
    }

  for (guint i = 0; i < statements->len; i++)
    {
      HeardStatement *statement = g_ptr_array_index (statements, i);
      g_autofree char *when = heard_statement_dup_when_text (statement);
      g_autofree char *about = NULL;
      const char *note = heard_statement_get_text (statement, HEARD_STATEMENT_THEIR_NOTE);

      /* TRANSLATORS: when and how words were given, e.g. "14 March 2025, 15:20 · Spoken" */
      about = g_strdup_printf (_("%s · %s"), when,
                               heard_given_how_label (heard_statement_get_given_how (statement)));
      add_kept (blocks, HEARD_DOCUMENT_STYLE_META, about);
      if (heard_statement_get_sensitive (statement))
        {
          g_autofree char *content_note = NULL;

          content_note = g_strdup_printf (_("Content note: %s"),
                                          heard_statement_get_content_note (statement));
          add_kept (blocks, HEARD_DOCUMENT_STYLE_NOTE, content_note);
        }
      _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_WORDS,
                                       heard_statement_get_words (statement));
      if (!heard_text_is_blank (note))
        {
          g_autofree char *their_note = g_strdup_printf (_("Their note: %s"), note);

          _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_NOTE, their_note);
        }
    }
}

/* Who owns an action: the agency of the directory it names, else its kind. */
static char *
dup_owner_agency_name (HeardPlanAction *action,
                       GListModel      *agencies)
{
  gint64 agency_id = heard_plan_action_get_owner_agency_id (action);

  for (guint i = 0; agency_id != 0 && agencies != NULL &&
       i < g_list_model_get_n_items (agencies); i++)
    {
      g_autoptr(HeardDirectoryAgency) agency = g_list_model_get_item (agencies, i);

      if (heard_directory_agency_get_id (agency) == agency_id)
        return g_strdup (heard_directory_agency_get_text (agency, HEARD_DIRECTORY_AGENCY_NAME));
    }
  return g_strdup (heard_agency_label (heard_plan_action_get_owner (action)));
}

static void
add_actions (HeardDocumentBlocks *blocks,
             HeardPlanArea       *area,
             GListModel          *agencies)
{
  GListModel *actions = heard_plan_area_get_actions (area);
  guint n = g_list_model_get_n_items (actions);

  add_kept (blocks, HEARD_DOCUMENT_STYLE_LABEL, _("Actions"));
  if (n == 0)
    {
      _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY, _("No actions yet."));
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeardPlanAction) action = g_list_model_get_item (actions, i);
      g_autofree char *due = heard_date_describe (heard_plan_action_get_text (action,
                                                                              HEARD_ACTION_DUE_DATE));
      const char *acknowledged = heard_plan_action_get_text (action,
                                                             HEARD_ACTION_ACKNOWLEDGED_ON);
      g_autofree char *acknowledged_text = NULL;
      g_autofree char *owner = dup_owner_agency_name (action, agencies);
      g_autofree char *text = NULL;

      if (!heard_text_is_blank (acknowledged))
        {
          g_autofree char *day = heard_date_describe (acknowledged);

          /* TRANSLATORS: appended to an action's details */
          acknowledged_text = g_strdup_printf (_(" · acknowledged on %s"), day);
        }
      /* TRANSLATORS: an action, then its owner, their agency, due date and status, e.g.
       * "Find a counsellor\nOwner: Sam Okafor (Health) · due 1 March 2027 · In progress" */
      text = g_strdup_printf (_("%s\nOwner: %s (%s) · due %s · %s%s"),
                              or_dash (heard_plan_action_get_text (action, HEARD_ACTION_WHAT)),
                              or_dash (heard_plan_action_get_text (action,
                                                                   HEARD_ACTION_OWNER_NAME)),
                              owner,
                              or_dash (due),
                              heard_action_status_label (heard_plan_action_get_status (action)),
                              acknowledged_text != NULL ? acknowledged_text : "");
      _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY, text);
    }
}

/* Their newest words of @part for @area written by the version @plan, else
 * NULL. */
static const char *
find_own_words (GListModel    *own_words,
                HeardPlan     *plan,
                HeardAreaKind  area,
                HeardOwnPart   part)
{
  HeardOwnWords *words = own_words != NULL
                         ? heard_own_words_find_for_plan (own_words, heard_plan_get_id (plan),
                                                          area, part)
                         : NULL;

  return words != NULL ? heard_own_words_get_words (words) : NULL;
}

/* What they said about @plan in co-design, as staff read it: the newest
 * say kept with this version, or that they have said nothing yet. */
static void
add_their_say (HeardDocumentBlocks *blocks,
               HeardPlan           *plan,
               GListModel          *plan_says)
{
  HeardPlanSay *say = heard_plan_say_find_newest (plan_says, heard_plan_get_id (plan));
  g_autofree char *when = NULL;
  g_autofree char *line = NULL;

  add_kept (blocks, HEARD_DOCUMENT_STYLE_LABEL, _("Their say on this plan"));
  if (say == NULL)
    {
      _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY,
                                       _("They have not said yet whether they agree."));
      return;
    }
  when = heard_date_describe_moment (heard_plan_say_get_saved_at (say));
  /* TRANSLATORS: their say on the plan, then when they said it */
  line = g_strdup_printf (_("%s (%s)"), heard_say_kind_label (heard_plan_say_get_kind (say)),
                          when);
  _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY, line);
  if (!heard_text_is_blank (heard_plan_say_get_words (say)))
    _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_WORDS,
                                     heard_plan_say_get_words (say));
}

/* The plan's areas as staff read them. @own_words (may be NULL) puts what
 * they wrote themselves in co-design beside the worker's goal;
 * @plan_says (may be NULL) adds their say on this version. */
static void
add_areas (HeardDocumentBlocks *blocks,
           HeardPlan           *plan,
           GListModel          *agencies,
           GListModel          *own_words,
           GListModel          *plan_says)
{
  GListModel *areas = heard_plan_get_areas (plan);
  guint n = g_list_model_get_n_items (areas);
  const char *headings[] = {
    _("What we are worried about"),
    _("What is working well"),
    _("What needs to happen"),
  };

  add_kept (blocks, HEARD_DOCUMENT_STYLE_HEADING, _("The plan"));
  if (n == 0)
    _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY,
                                     _("This plan has no areas yet."));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeardPlanArea) area = g_list_model_get_item (areas, i);
      const char *columns[] = {
        or_dash (heard_plan_area_get_text (area, HEARD_AREA_WORRIED)),
        or_dash (heard_plan_area_get_text (area, HEARD_AREA_WORKING_WELL)),
        or_dash (heard_plan_area_get_text (area, HEARD_AREA_NEEDS_TO_HAPPEN)),
      };

      HeardAreaKind kind = heard_plan_area_get_kind (area);
      const char *their_goal;
      const char *helps;

      add_kept (blocks, HEARD_DOCUMENT_STYLE_SUBHEADING, heard_check_in_area_name (plan, kind));
      _heard_document_blocks_add_columns (blocks, HEARD_DOCUMENT_STYLE_LABEL, headings,
                                          G_N_ELEMENTS (headings));
      _heard_document_blocks_keep_with_next (blocks);
      _heard_document_blocks_add_columns (blocks, HEARD_DOCUMENT_STYLE_BODY, columns,
                                          G_N_ELEMENTS (columns));
      their_goal = find_own_words (own_words, plan, kind, HEARD_OWN_GOAL);
      helps = find_own_words (own_words, plan, kind, HEARD_OWN_WHAT_HELPS);
      add_kept (blocks, HEARD_DOCUMENT_STYLE_LABEL,
                their_goal != NULL ? _("Their goal, written by them")
                                   : _("Their goal, in their own words"));
      _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY,
                                       or_dash (their_goal != NULL
                                                ? their_goal
                                                : heard_plan_area_get_text (
                                                    area, HEARD_AREA_GOAL_OWN_WORDS)));
      add_kept (blocks, HEARD_DOCUMENT_STYLE_LABEL, _("The worker's goal"));
      _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY,
                                       or_dash (heard_plan_area_get_text (area,
                                                                          HEARD_AREA_GOAL_WORKER)));
      if (helps != NULL)
        {
          add_kept (blocks, HEARD_DOCUMENT_STYLE_LABEL, _("What helps them, written by them"));
          _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_WORDS, helps);
        }
      add_actions (blocks, area, agencies);
    }
  if (plan_says != NULL)
    add_their_say (blocks, plan, plan_says);
}

/* The check-ins as one series per area of the plan and one for safety,
 * and the days the safety chart marks, as the screen has them. */
static void
collect_series (HeardPlanDocument *self,
                HeardPlan         *plan,
                GPtrArray         *check_ins)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  GListModel *areas = heard_plan_get_areas (plan);

  if (check_ins == NULL)
    check_ins = none;
  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(HeardPlanArea) area = g_list_model_get_item (areas, a);
      HeardAreaKind kind = heard_plan_area_get_kind (area);

      g_ptr_array_add (self->series,
                       heard_check_in_series_new_area (check_ins, kind,
                                                       heard_check_in_area_name (plan, kind)));
    }
  self->safety = heard_check_in_series_new_safety (check_ins);
  heard_check_in_series_add_markers (plan, self->markers);
}

static void
draw_chart (cairo_t       *cr,
            PangoContext  *pango,
            double         width,
            double         height,
            gconstpointer  data)
{
  const Chart *chart = data;
  HeardPlanDocument *self = chart->document;

  switch (chart->kind)
    {
    case CHART_PROGRESS:
      heard_chart_draw_progress (cr, pango, width, height, &self->palette,
                                 g_ptr_array_index (self->series, chart->series));
      break;
    case CHART_RADIAL:
      heard_chart_draw_radial (cr, pango, width, height, &self->palette,
                               (HeardChartSeries *const *) self->series->pdata, self->series->len,
                               chart->rater);
      break;
    case CHART_SAFETY:
      heard_chart_draw_safety (cr, pango, width, height, &self->palette, self->safety,
                               (const HeardChartMarker *) self->markers->data, self->markers->len);
      break;
    case CHART_LEGEND:
      heard_chart_draw_legend (cr, pango, width, height, &self->palette, chart->legend,
                               chart->rater);
      break;
    default:
      g_assert_not_reached ();
    }
}

static Chart *
add_chart (HeardPlanDocument *self,
           double             height,
           ChartKind          kind,
           guint              series,
           HeardChartRater    rater)
{
  Chart *chart = g_new0 (Chart, 1);

  chart->document = self;
  chart->kind = kind;
  chart->series = series;
  chart->rater = rater;
  g_ptr_array_add (self->charts, chart);
  _heard_document_blocks_add_chart (self->blocks, height, draw_chart, chart);
  return chart;
}

/* A chart, and under it, on the same page, its key. */
static void
add_chart_with_legend (HeardPlanDocument *self,
                       double             height,
                       ChartKind          kind,
                       guint              series,
                       HeardChartRater    rater,
                       HeardChartLegend   legend)
{
  add_chart (self, height, kind, series, rater);
  _heard_document_blocks_keep_with_next (self->blocks);
  add_chart (self, LEGEND_HEIGHT, CHART_LEGEND, 0, rater)->legend = legend;
}

/* One check-in, compactly: its day; what they said, in their words; each
 * area's two ratings side by side, never averaged, a gap worth talking
 * about said so; how safe they feel; the worker's note. Without @words,
 * the day and the ratings only. */
static void
add_check_in (HeardDocumentBlocks *blocks,
              HeardPlan           *plan,
              HeardCheckIn        *check_in,
              gboolean             words)
{
  g_autofree char *day = heard_date_describe (heard_check_in_get_day (check_in));
  g_autoptr(GString) ratings = g_string_new (NULL);
  const char *their_words = words ? heard_check_in_get_text (check_in,
                                                             HEARD_CHECK_IN_THEIR_WORDS) : NULL;
  const char *note = words ? heard_check_in_get_text (check_in, HEARD_CHECK_IN_WORKER_NOTE)
                           : NULL;
  g_autofree char *safety_words = NULL;
  HeardRating safety;

  add_kept (blocks, HEARD_DOCUMENT_STYLE_LABEL, day);
  /* Their voice first, as on screen. */
  if (!heard_text_is_blank (their_words))
    {
      add_kept (blocks, HEARD_DOCUMENT_STYLE_NOTE, _("In their words"));
      _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_WORDS, their_words);
    }
  for (guint i = 0; i < heard_check_in_get_n_areas (check_in); i++)
    {
      HeardAreaKind area = heard_check_in_get_area (check_in, i);
      HeardRating theirs, workers;
      g_autofree char *their_text = NULL;
      g_autofree char *worker_text = NULL;

      heard_check_in_get_rating (check_in, area, HEARD_RATER_YOUNG_PERSON, &theirs);
      heard_check_in_get_rating (check_in, area, HEARD_RATER_WORKER, &workers);
      their_text = heard_check_in_dup_rating_words (&theirs);
      worker_text = heard_check_in_dup_rating_words (&workers);
      /* TRANSLATORS: an area, then the young person's rating and the worker's, side by side */
      g_string_append_printf (ratings, _("%s: their rating %s · worker’s rating %s"),
                              heard_check_in_area_name (plan, area), their_text, worker_text);
      if (heard_ratings_worth_talking_about (&theirs, &workers))
        /* TRANSLATORS: after two ratings far apart */
        g_string_append_printf (ratings, _(" — %u or more apart: something to talk about"),
                                HEARD_CHECK_IN_GAP_TO_TALK_ABOUT);
      g_string_append_c (ratings, '\n');
    }
  heard_check_in_get_safety (check_in, &safety);
  safety_words = heard_check_in_dup_rating_words (&safety);
  g_string_append_printf (ratings, _("How safe they feel: %s"), safety_words);
  _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY, ratings->str);
  if (!heard_text_is_blank (note))
    {
      g_autofree char *worker_note = g_strdup_printf (_("Worker’s note: %s"), note);

      _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_NOTE, worker_note);
    }
}

static void
add_check_ins (HeardPlanDocument *self,
               HeardPlan         *plan,
               GPtrArray         *check_ins,
               gboolean           with_words)
{
  HeardDocumentBlocks *blocks = self->blocks;
  guint n = check_ins != NULL ? check_ins->len : 0;
  g_autofree char *first = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *safety = NULL;

  add_kept (blocks, HEARD_DOCUMENT_STYLE_HEADING, _("Check-ins"));
  if (n == 0)
    {
      _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY,
                                       _("No check-ins have been recorded for this plan yet."));
      return;
    }

  first = heard_date_describe (heard_check_in_get_day (g_ptr_array_index (check_ins, 0)));
  latest = heard_date_describe (heard_check_in_get_day (g_ptr_array_index (check_ins, n - 1)));
  if (n == 1)
    /* TRANSLATORS: e.g. "One check-in, on 3 March 2026." */
    summary = g_strdup_printf (_("One check-in, on %s."), first);
  else
    /* TRANSLATORS: e.g. "12 check-ins, from 3 March 2026 to 1 December 2026." */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check-in, from %s to %s.",
                                            "%u check-ins, from %s to %s.", n),
                               n, first, latest);
  _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY, summary);
  _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY,
                                   _("Their ratings and the worker's are shown side by side, "
                                     "never averaged: a gap between them is something to talk "
                                     "about."));

  if (self->series->len > 0)
    {
      add_kept (blocks, HEARD_DOCUMENT_STYLE_SUBHEADING,
                _("All areas: the first and the latest check-in"));
      add_kept (blocks, HEARD_DOCUMENT_STYLE_LABEL, _("Their ratings"));
      add_chart_with_legend (self, RADIAL_HEIGHT, CHART_RADIAL, 0,
                             HEARD_CHART_RATER_YOUNG_PERSON, HEARD_CHART_LEGEND_FIRST_LATEST);
      add_kept (blocks, HEARD_DOCUMENT_STYLE_LABEL, _("The worker's ratings"));
      add_chart_with_legend (self, RADIAL_HEIGHT, CHART_RADIAL, 0, HEARD_CHART_RATER_WORKER,
                             HEARD_CHART_LEGEND_FIRST_LATEST);
    }

  add_kept (blocks, HEARD_DOCUMENT_STYLE_SUBHEADING, _("Safety, their own scale"));
  add_chart_with_legend (self, SAFETY_HEIGHT, CHART_SAFETY, 0, HEARD_CHART_RATER_YOUNG_PERSON,
                         HEARD_CHART_LEGEND_SAFETY);
  safety = heard_chart_describe_progress (self->safety, HEARD_CHART_RATER_YOUNG_PERSON);
  _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_META, safety);

  for (guint a = 0; a < self->series->len; a++)
    {
      HeardChartSeries *series = g_ptr_array_index (self->series, a);
      g_autofree char *theirs = heard_chart_describe_progress (series,
                                                               HEARD_CHART_RATER_YOUNG_PERSON);
      g_autofree char *workers = heard_chart_describe_progress (series, HEARD_CHART_RATER_WORKER);
      g_autofree char *words = g_strdup_printf ("%s\n%s", theirs, workers);

      add_kept (blocks, HEARD_DOCUMENT_STYLE_SUBHEADING, series->name);
      add_chart_with_legend (self, PROGRESS_HEIGHT, CHART_PROGRESS, a,
                             HEARD_CHART_RATER_YOUNG_PERSON, HEARD_CHART_LEGEND_RATERS);
      _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_META, words);
    }

  add_kept (blocks, HEARD_DOCUMENT_STYLE_SUBHEADING, _("Each check-in"));
  if (!with_words)
    add_kept (blocks, HEARD_DOCUMENT_STYLE_NOTE,
              _("What they said at check-ins, and the worker's notes, are not in this copy."));
  for (guint i = 0; i < n; i++)
    add_check_in (blocks, plan, g_ptr_array_index (check_ins, i), with_words);
}

static GHashTable *
collect_supervisors (GListModel *staff)
{
  GHashTable *supervisors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; staff != NULL && i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(HeardStaff) member = g_list_model_get_item (staff, i);

      if (heard_staff_get_role (member) == HEARD_STAFF_SUPERVISOR)
        g_hash_table_add (supervisors, g_strdup (heard_staff_get_name (member)));
    }
  return supervisors;
}

/* The chronology as a list, oldest first: signs, strengths, the statements
 * chosen to go in (sensitive ones by their content note only), the
 * check-ins and the plan's decisions, each with when, what, who and the
 * agency it came from. */
static void
add_chronology (HeardDocumentBlocks            *blocks,
                const HeardPlanDocumentContent *content)
{
  g_autoptr(HeardChronologyRecords) records = heard_chronology_records_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GListStore) plans = g_list_store_new (HEARD_TYPE_PLAN);

  if (content->chronology == NULL)
    return;

  heard_chronology_records_add_entries (records, content->chronology);
  heard_chronology_records_add_agencies (records, content->agencies);
  for (guint i = 0; content->statements != NULL && i < content->statements->len; i++)
    g_ptr_array_add (records->statements, g_object_ref (g_ptr_array_index (content->statements, i)));
  for (guint i = 0; content->check_ins != NULL && i < content->check_ins->len; i++)
    {
      HeardCheckIn *check_in = g_ptr_array_index (content->check_ins, i);

      /* A check-in's row shows what they said: only when that goes in. */
      if (content->check_in_words)
        g_ptr_array_add (records->check_ins, g_object_ref (check_in));
      else
        {
          HeardCheckIn *dated = heard_check_in_copy (check_in);

          heard_check_in_set_text (dated, HEARD_CHECK_IN_THEIR_WORDS, NULL);
          heard_check_in_set_text (dated, HEARD_CHECK_IN_WORKER_NOTE, NULL);
          g_ptr_array_add (records->check_ins, dated);
        }
    }
  g_list_store_append (plans, content->plan);
  heard_chronology_records_add_plans (records, G_LIST_MODEL (plans));
  rows = heard_chronology_rows_build (records);

  add_kept (blocks, HEARD_DOCUMENT_STYLE_HEADING, _("Chronology"));
  if (rows->len == 0)
    {
      _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY,
                                       _("Nothing has been recorded on the chronology yet."));
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      HeardChronologyRow *row = g_ptr_array_index (rows, i);
      g_autofree char *about = NULL;
      g_autofree char *who = NULL;

      /* TRANSLATORS: one chronology entry: when, what kind, which agency,
       * e.g. "around May 2024 · Sign of harm · Northfield School" */
      about = g_strdup_printf (_("%s · %s · %s"), row->when,
                               heard_chronology_kind_label (row->kind), row->lane);
      add_kept (blocks, HEARD_DOCUMENT_STYLE_META, about);
      _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY, row->what);
      if (row->who != NULL && *row->who != '\0')
        {
          /* TRANSLATORS: who reported or recorded a chronology entry */
          who = g_strdup_printf (_("Source: %s"), row->who);
          _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_NOTE, who);
        }
    }
}

static void
add_reviews (HeardDocumentBlocks *blocks,
             HeardPlan           *plan,
             GListModel          *staff)
{
  GListModel *reviews = heard_plan_get_reviews (plan);
  guint n = g_list_model_get_n_items (reviews);
  g_autoptr(GHashTable) supervisors = collect_supervisors (staff);

  add_kept (blocks, HEARD_DOCUMENT_STYLE_HEADING, _("Reviews"));
  if (n == 0)
    _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY,
                                     _("No decision has been recorded on this plan yet."));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeardPlanReview) review = g_list_model_get_item (reviews, i);
      const char *reviewer = or_dash (heard_plan_review_get_reviewer (review));
      const char *comments = heard_plan_review_get_comments (review);
      g_autofree char *who = NULL;
      g_autofree char *title = NULL;
      g_autofree char *when = heard_date_describe_moment (heard_plan_review_get_decided_at (review));

      /* TRANSLATORS: a member of staff and their role, e.g. "Sam Okafor (supervisor)" */
      who = g_hash_table_contains (supervisors, reviewer) ? g_strdup_printf (_("%s (supervisor)"),
                                                                             reviewer)
                                                          : g_strdup (reviewer);
      /* TRANSLATORS: a decision and who made it, e.g. "Signed off by Sam Okafor" */
      title = g_strdup_printf (_("%s by %s"),
                               heard_plan_event_label (heard_plan_review_get_decision (review)),
                               who);
      add_kept (blocks, HEARD_DOCUMENT_STYLE_LABEL, title);
      _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY, when);
      if (!heard_text_is_blank (comments))
        _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY, comments);
    }
}

/* The young person's own record and the subject access export (below):
 * the same pages as the plan, built from all their records. */

/* Whether @what of the record @id was withheld from a subject access
 * export: a key "what:id" in @withheld. */
static gboolean
is_withheld (GHashTable        *withheld,
             HeardWithheldKind  what,
             gint64             id)
{
  g_autofree char *key = g_strdup_printf ("%d:%" G_GINT64_FORMAT, what, id);

  return withheld != NULL && g_hash_table_contains (withheld, key);
}

static GHashTable *
collect_withheld (GPtrArray *withholdings)
{
  GHashTable *withheld = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; withholdings != NULL && i < withholdings->len; i++)
    {
      HeardWithholding *withholding = g_ptr_array_index (withholdings, i);

      if (heard_withholding_get_record_id (withholding) != 0)
        g_hash_table_add (withheld,
                          g_strdup_printf ("%d:%" G_GINT64_FORMAT,
                                           heard_withholding_get_what (withholding),
                                           heard_withholding_get_record_id (withholding)));
    }
  return withheld;
}

static gboolean
for_them (const HeardRecordDocumentContent *content,
          HeardForThemText          what,
          gint64                    id)
{
  return content->kind == HEARD_RECORD_DOCUMENT_SUBJECT_ACCESS ||
         heard_written_for_them (content->for_them_marks, what, id);
}

static void
add_record_cover (HeardPlanDocument        *self,
                  const HeardRecordDocumentContent *content)
{
  HeardDocumentBlocks *blocks = self->blocks;
  const char *name = heard_person_get_preferred_name (content->person);
  gboolean mine = content->kind == HEARD_RECORD_DOCUMENT_MINE;

  if (heard_text_is_blank (name))
    name = heard_person_get_display_name (content->person);

  _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_TITLE, self->title);
  _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_NAME, name);
  _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY, self->printed_on);
  _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY,
                                   mine ? C_("co-design", "This is your record to keep. It has "
                                             "what you said, your plan, your check-ins and who "
                                             "was told about you.")
                                        : _("Everything Heard holds about this young person, "
                                            "staff notes and opinions included, in answer to a "
                                            "subject access request."));
  if (content->redact != NULL && g_strv_length ((char **) content->redact) > 0)
    _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_NOTE,
                                     mine ? C_("co-design", "We took out the names of some "
                                               "other people. You will see “[name removed]” "
                                               "where a name was.")
                                          : _("The names of other people were removed: "
                                              "“[name removed]” stands where each was."));
  if (self->practice_mark != NULL)
    _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_MARK, self->practice_mark);

  if (!mine)
    {
      guint n = content->withholdings != NULL ? content->withholdings->len : 0;

      add_kept (blocks, HEARD_DOCUMENT_STYLE_HEADING, _("Withheld under an exemption"));
      if (n == 0)
        _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY,
                                         _("Nothing was withheld."));
      for (guint i = 0; i < n; i++)
        {
          HeardWithholding *withholding = g_ptr_array_index (content->withholdings, i);
          g_autofree char *item = NULL;
          g_autofree char *decision = NULL;

          /* TRANSLATORS: a withheld item and its kind, e.g. "The worker's note of 3 May
           * (Check-in)" */
          item = g_strdup_printf (_("%s (%s)"), heard_withholding_get_item (withholding),
                                  heard_withheld_kind_label (heard_withholding_get_what (withholding)));
          /* TRANSLATORS: why an item was withheld, and who decided */
          decision = g_strdup_printf (_("Exemption: %s\nReason: %s\nDecided by: %s"),
                                      heard_exemption_label (heard_withholding_get_exemption (withholding)),
                                      heard_withholding_get_reason (withholding),
                                      heard_withholding_get_decided_by (withholding));
          add_kept (blocks, HEARD_DOCUMENT_STYLE_LABEL, item);
          _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY, decision);
        }
    }
  _heard_document_blocks_add_page_break (blocks);
}

static void
add_record_statement (HeardDocumentBlocks      *blocks,
                      const HeardRecordDocumentContent *content,
                      HeardStatement           *statement,
                      GHashTable               *withheld)
{
  gboolean mine = content->kind == HEARD_RECORD_DOCUMENT_MINE;
  gint64 id = heard_statement_get_id (statement);
  g_autofree char *when = heard_statement_dup_when_text (statement);
  g_autofree char *about = NULL;
  const char *note = heard_statement_get_text (statement, HEARD_STATEMENT_THEIR_NOTE);
  const char *context = heard_statement_get_text (statement, HEARD_STATEMENT_CONTEXT);
  GPtrArray *responses = heard_statement_get_responses (statement);
  HeardGivenHow how;

  /* How they gave it: said to them in their own record. */
  how = heard_statement_get_given_how (statement);
  about = g_strdup_printf (_("%s · %s"), when,
                           mine ? heard_given_how_label_yours (how) : heard_given_how_label (how));
  add_kept (blocks, HEARD_DOCUMENT_STYLE_META, about);
  if (heard_statement_get_sensitive (statement))
    {
      g_autofree char *content_note = g_strdup_printf (_("Content note: %s"),
                                                       heard_statement_get_content_note (statement));

      add_kept (blocks, HEARD_DOCUMENT_STYLE_NOTE, content_note);
    }
  _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_WORDS,
                                   heard_statement_get_words (statement));
  if (!heard_text_is_blank (note))
    {
      g_autofree char *their_note = g_strdup_printf (mine ? C_("co-design", "Your note: %s")
                                                          : _("Their note: %s"), note);

      _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_NOTE, their_note);
    }
  if (!heard_text_is_blank (context) && for_them (content, HEARD_FOR_THEM_STATEMENT_CONTEXT, id))
    {
      g_autofree char *written = g_strdup_printf (mine ? C_("co-design", "What your worker "
                                                            "wrote: %s")
                                                       : _("Context (staff): %s"), context);

      _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY, written);
    }
  if (!mine)
    {
      const char *staff_fields[] = {
        heard_statement_get_text (statement, HEARD_STATEMENT_PLACE),
        heard_statement_get_text (statement, HEARD_STATEMENT_PRESENT),
        heard_statement_get_text (statement, HEARD_STATEMENT_REASON),
      };
      const char *labels[] = { _("Place:"), _("Present:"), _("Reason for change:") };

      for (guint i = 0; i < G_N_ELEMENTS (staff_fields); i++)
        if (!heard_text_is_blank (staff_fields[i]))
          {
            g_autofree char *line = g_strdup_printf ("%s %s", labels[i], staff_fields[i]);

            _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_NOTE, line);
          }
    }
  for (guint r = 0; responses != NULL && r < responses->len; r++)
    {
      HeardStatementResponse *response = g_ptr_array_index (responses, r);
      gint64 response_id = heard_statement_response_get_id (response);
      g_autofree char *answer = NULL;

      if (is_withheld (withheld, HEARD_WITHHELD_ANSWER, response_id) ||
          !for_them (content, HEARD_FOR_THEM_ANSWER, response_id))
        continue;
      answer = g_strdup_printf (mine ? C_("co-design", "You said — we did: %s")
                                     : _("You said — we did: %s"),
                                heard_statement_response_get_what_we_did (response));
      _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY, answer);
    }
}

static void
add_record_statements (HeardDocumentBlocks      *blocks,
                       const HeardRecordDocumentContent *content,
                       GHashTable               *withheld)
{
  guint n = g_list_model_get_n_items (content->statements);
  guint shown = 0;

  add_kept (blocks, HEARD_DOCUMENT_STYLE_HEADING,
            content->kind == HEARD_RECORD_DOCUMENT_MINE ? C_("co-design", "What you said")
                                                    : _("Statements"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeardStatement) statement = g_list_model_get_item (content->statements, i);

      if (is_withheld (withheld, HEARD_WITHHELD_STATEMENT, heard_statement_get_id (statement)))
        continue;
      add_record_statement (blocks, content, statement, withheld);
      shown++;
    }
  if (shown == 0)
    _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY,
                                     content->kind == HEARD_RECORD_DOCUMENT_MINE
                                     ? C_("co-design", "There is nothing here yet.")
                                     : _("No statements are recorded."));
}

static const char *
say_words (HeardSayKind kind)
{
  switch (kind)
    {
    case HEARD_SAY_AGREES:
      return C_("co-design", "You agree with this plan.");
    case HEARD_SAY_DOES_NOT_AGREE:
      return C_("co-design", "You do not agree with this plan.");
    case HEARD_SAY_NOT_SURE:
    case HEARD_SAY_N_KINDS:
    default:
      return C_("co-design", "You are not sure about this plan.");
    }
}

/* Their plan as they may read it: each area with their goal first, the
 * worker's beside it, what helps them, the actions written for them, and
 * what they said about this version. */
static void
add_my_plan (HeardDocumentBlocks      *blocks,
             const HeardRecordDocumentContent *content,
             HeardPlan                *plan)
{
  GListModel *areas = heard_plan_get_areas (plan);
  guint n = g_list_model_get_n_items (areas);
  HeardPlanSay *say;

  add_kept (blocks, HEARD_DOCUMENT_STYLE_HEADING, C_("co-design", "My plan"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeardPlanArea) area = g_list_model_get_item (areas, i);
      HeardAreaKind kind = heard_plan_area_get_kind (area);
      gint64 area_id = heard_plan_area_get_id (area);
      const char *goal = find_own_words (content->own_words, plan, kind, HEARD_OWN_GOAL);
      const char *helps = find_own_words (content->own_words, plan, kind, HEARD_OWN_WHAT_HELPS);
      const char *columns[2];
      GListModel *actions = heard_plan_area_get_actions (area);

      if (goal == NULL)
        goal = heard_plan_area_get_text (area, HEARD_AREA_GOAL_OWN_WORDS);
      columns[0] = or_dash (goal);
      columns[1] = for_them (content, HEARD_FOR_THEM_WORKER_GOAL, area_id)
                   ? or_dash (heard_plan_area_get_text (area, HEARD_AREA_GOAL_WORKER)) : "—";

      add_kept (blocks, HEARD_DOCUMENT_STYLE_SUBHEADING,
                heard_check_in_area_name (plan, kind));
      if (for_them (content, HEARD_FOR_THEM_AREA, area_id))
        {
          const char *area_texts[] = {
            or_dash (heard_plan_area_get_text (area, HEARD_AREA_WORRIED)),
            or_dash (heard_plan_area_get_text (area, HEARD_AREA_WORKING_WELL)),
            or_dash (heard_plan_area_get_text (area, HEARD_AREA_NEEDS_TO_HAPPEN)),
          };
          const char *headings[] = {
            _("What we are worried about"),
            _("What is working well"),
            _("What needs to happen"),
          };

          _heard_document_blocks_add_columns (blocks, HEARD_DOCUMENT_STYLE_LABEL, headings, 3);
          _heard_document_blocks_keep_with_next (blocks);
          _heard_document_blocks_add_columns (blocks, HEARD_DOCUMENT_STYLE_BODY, area_texts, 3);
        }
      {
        const char *headings[] = { C_("co-design", "My goal"),
                                   C_("co-design", "My worker's goal") };

        _heard_document_blocks_add_columns (blocks, HEARD_DOCUMENT_STYLE_LABEL, headings, 2);
        _heard_document_blocks_keep_with_next (blocks);
        _heard_document_blocks_add_columns (blocks, HEARD_DOCUMENT_STYLE_WORDS, columns, 2);
      }
      if (!heard_text_is_blank (helps))
        {
          add_kept (blocks, HEARD_DOCUMENT_STYLE_LABEL, C_("co-design", "What helps me"));
          _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_WORDS, helps);
        }
      for (guint a = 0; a < g_list_model_get_n_items (actions); a++)
        {
          g_autoptr(HeardPlanAction) action = g_list_model_get_item (actions, a);
          g_autofree char *due = NULL;
          g_autofree char *line = NULL;

          if (!for_them (content, HEARD_FOR_THEM_ACTION, heard_plan_action_get_id (action)))
            continue;
          due = heard_date_describe (heard_plan_action_get_text (action, HEARD_ACTION_DUE_DATE));
          /* TRANSLATORS: an action in the young person's plan: what, who, by when */
          line = g_strdup_printf (C_("co-design", "%s\nWho: %s. By: %s."),
                                  or_dash (heard_plan_action_get_text (action, HEARD_ACTION_WHAT)),
                                  or_dash (heard_plan_action_get_text (action,
                                                                       HEARD_ACTION_OWNER_NAME)),
                                  or_dash (due));
          _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY, line);
        }
    }

  /* Only what they say now, with its day: every earlier say is in the
   * subject access export. */
  say = content->plan_says != NULL
        ? heard_plan_say_find_newest (content->plan_says, heard_plan_get_id (plan)) : NULL;
  if (say != NULL)
    {
      g_autofree char *day = heard_date_describe_moment_day (heard_plan_say_get_saved_at (say));
      g_autofree char *line = NULL;

      add_kept (blocks, HEARD_DOCUMENT_STYLE_LABEL, C_("co-design", "My say on this plan"));
      /* TRANSLATORS: the day they said it, then what they said ("You agree with this plan.") */
      line = g_strdup_printf (C_("co-design", "You said on %s: %s"), day,
                              say_words (heard_plan_say_get_kind (say)));
      _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY, line);
      if (!heard_text_is_blank (heard_plan_say_get_words (say)))
        _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_WORDS,
                                         heard_plan_say_get_words (say));
    }
}

/* Their check-ins, their own ratings first, as charts and then each day. */
static void
add_my_check_ins (HeardPlanDocument        *self,
                  const HeardRecordDocumentContent *content,
                  HeardPlan                *plan,
                  GPtrArray                *check_ins)
{
  HeardDocumentBlocks *blocks = self->blocks;

  add_kept (blocks, HEARD_DOCUMENT_STYLE_HEADING, C_("co-design", "My check-ins"));
  if (check_ins->len == 0)
    {
      _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY,
                                       C_("co-design", "There is nothing here yet."));
      return;
    }
  if (self->series->len > 0)
    {
      add_kept (blocks, HEARD_DOCUMENT_STYLE_LABEL, C_("co-design", "How you rated each part"));
      add_chart_with_legend (self, RADIAL_HEIGHT, CHART_RADIAL, 0,
                             HEARD_CHART_RATER_YOUNG_PERSON, HEARD_CHART_LEGEND_FIRST_LATEST);
    }
  add_kept (blocks, HEARD_DOCUMENT_STYLE_LABEL, C_("co-design", "How safe you felt"));
  add_chart_with_legend (self, SAFETY_HEIGHT, CHART_SAFETY, 0, HEARD_CHART_RATER_YOUNG_PERSON,
                         HEARD_CHART_LEGEND_SAFETY);

  for (guint i = 0; i < check_ins->len; i++)
    {
      HeardCheckIn *check_in = g_ptr_array_index (check_ins, i);
      g_autofree char *day = heard_date_describe (heard_check_in_get_day (check_in));
      const char *words = heard_check_in_get_text (check_in, HEARD_CHECK_IN_THEIR_WORDS);
      const char *note = heard_check_in_get_text (check_in, HEARD_CHECK_IN_WORKER_NOTE);
      g_autoptr(GString) ratings = g_string_new (NULL);
      g_autofree char *safety_words = NULL;
      /* Rated by them alone (in co-design, say): no worker's rating to tell. */
      gboolean by_worker = heard_check_in_rated_by (check_in, HEARD_RATER_WORKER);
      HeardRating safety;

      add_kept (blocks, HEARD_DOCUMENT_STYLE_LABEL, day);
      if (!heard_text_is_blank (words))
        _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_WORDS, words);
      for (guint a = 0; a < heard_check_in_get_n_areas (check_in); a++)
        {
          HeardAreaKind area = heard_check_in_get_area (check_in, a);
          HeardRating theirs, workers;
          g_autofree char *their_text = NULL;
          g_autofree char *worker_text = NULL;

          heard_check_in_get_rating (check_in, area, HEARD_RATER_YOUNG_PERSON, &theirs);
          heard_check_in_get_rating (check_in, area, HEARD_RATER_WORKER, &workers);
          their_text = heard_check_in_dup_rating_words (&theirs);
          worker_text = heard_check_in_dup_rating_words (&workers);
          if (by_worker)
            /* TRANSLATORS: a part of their plan, their rating, their worker's */
            g_string_append_printf (ratings, C_("co-design", "%s: you said %s, your worker said "
                                                "%s\n"),
                                    heard_check_in_area_name (plan, area), their_text, worker_text);
          else
            /* TRANSLATORS: a part of their plan, their rating (rated alone) */
            g_string_append_printf (ratings, C_("co-design", "%s: you said %s\n"),
                                    heard_check_in_area_name (plan, area), their_text);
        }
      heard_check_in_get_safety (check_in, &safety);
      safety_words = heard_check_in_dup_rating_words (&safety);
      g_string_append_printf (ratings, C_("co-design", "How safe you felt: %s"), safety_words);
      _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY, ratings->str);
      if (!heard_text_is_blank (note) &&
          for_them (content, HEARD_FOR_THEM_CHECK_IN_NOTE, heard_check_in_get_id (check_in)))
        {
          g_autofree char *written = g_strdup_printf (C_("co-design", "What your worker "
                                                         "wrote: %s"), note);

          _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_NOTE, written);
        }
    }
}

/* Who was told about them, sent their records or not told, in the words
 * of "Who has seen my story"; everything in it for subject access, less
 * the sharing entries withheld. */
static void
add_story (HeardDocumentBlocks      *blocks,
           const HeardRecordDocumentContent *content,
           GHashTable               *withheld)
{
  gboolean mine = content->kind == HEARD_RECORD_DOCUMENT_MINE;
  guint shown = 0;

  add_kept (blocks, HEARD_DOCUMENT_STYLE_HEADING,
            mine ? C_("co-design", "Who was told about me")
                 : _("Who has seen their story: openings, reads, exports and sharing"));
  for (guint i = 0; content->story != NULL && i < g_list_model_get_n_items (content->story); i++)
    {
      g_autoptr(HeardStoryEvent) event = g_list_model_get_item (content->story, i);
      HeardStoryKind kind = heard_story_event_get_kind (event);
      g_autofree char *sentence = NULL;
      g_autofree char *detail = NULL;

      if (mine && kind != HEARD_STORY_EXPORTED && kind != HEARD_STORY_SHARED &&
          kind != HEARD_STORY_NOT_SHARED)
        continue;
      if ((kind == HEARD_STORY_SHARED || kind == HEARD_STORY_NOT_SHARED) &&
          is_withheld (withheld, HEARD_WITHHELD_SHARING, heard_story_event_get_record_id (event)))
        continue;
      heard_story_event_describe (event, &sentence, &detail);
      _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY, sentence);
      if (detail != NULL)
        _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_NOTE, detail);
      shown++;
    }
  if (shown == 0)
    _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY,
                                     mine ? C_("co-design", "No one has been told about you.")
                                          : _("Nothing is recorded."));
}

/* Every version of their own goals and "what helps me", and every say on
 * a plan, as subject access lists them. */
static void
add_own_words_history (HeardDocumentBlocks      *blocks,
                       const HeardRecordDocumentContent *content)
{
  guint n = content->own_words != NULL ? g_list_model_get_n_items (content->own_words) : 0;
  guint n_says = content->plan_says != NULL ? g_list_model_get_n_items (content->plan_says) : 0;

  add_kept (blocks, HEARD_DOCUMENT_STYLE_HEADING, _("Their own words on their plan"));
  if (n + n_says == 0)
    _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY, _("Nothing is recorded."));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeardOwnWords) words = g_list_model_get_item (content->own_words, i);
      g_autofree char *about = NULL;

      /* TRANSLATORS: an area, which of their words, the version, when and who saved it */
      about = g_strdup_printf (_("%s · %s · version %u · %s, saved by %s"),
                               heard_area_kind_label (heard_own_words_get_area (words)),
                               heard_own_words_get_part (words) == HEARD_OWN_GOAL
                               ? _("their goal") : _("what helps them"),
                               heard_own_words_get_version (words),
                               or_dash (heard_own_words_get_saved_at (words)),
                               or_dash (heard_own_words_get_saved_by (words)));
      add_kept (blocks, HEARD_DOCUMENT_STYLE_META, about);
      _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_WORDS,
                                       heard_own_words_get_words (words));
    }
  for (guint i = 0; i < n_says; i++)
    {
      g_autoptr(HeardPlanSay) say = g_list_model_get_item (content->plan_says, i);
      g_autofree char *about = NULL;

      /* TRANSLATORS: their say on a plan: which plan, when */
      about = g_strdup_printf (_("Their say on plan %" G_GINT64_FORMAT " · %s"),
                               heard_plan_say_get_plan_id (say),
                               or_dash (heard_plan_say_get_saved_at (say)));
      add_kept (blocks, HEARD_DOCUMENT_STYLE_META, about);
      _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_BODY,
                                       say_words (heard_plan_say_get_kind (say)));
      if (!heard_text_is_blank (heard_plan_say_get_words (say)))
        _heard_document_blocks_add_text (blocks, HEARD_DOCUMENT_STYLE_WORDS,
                                         heard_plan_say_get_words (say));
    }
}

/* Every plan with everything staff wrote, the check-ins of the newest
 * with their charts and every note, and the chronology: the plan
 * document's own sections, less what was withheld. */
static void
add_everything (HeardPlanDocument        *self,
                const HeardRecordDocumentContent *content,
                GPtrArray                *check_ins,
                GHashTable               *withheld)
{
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) chronology = g_list_store_new (HEARD_TYPE_CHRONOLOGY_ENTRY);
  guint n_plans = g_list_model_get_n_items (content->plans);
  g_autoptr(HeardPlan) newest = n_plans > 0 ? g_list_model_get_item (content->plans, 0) : NULL;

  for (guint i = 0; i < n_plans; i++)
    {
      g_autoptr(HeardPlan) plan = g_list_model_get_item (content->plans, i);
      g_autofree char *title = NULL;

      if (is_withheld (withheld, HEARD_WITHHELD_PLAN, heard_plan_get_id (plan)))
        continue;
      title = g_strdup_printf (_("Support plan, version %u · %s"), heard_plan_get_version (plan),
                               heard_plan_state_label (heard_plan_get_state (plan)));
      add_kept (self->blocks, HEARD_DOCUMENT_STYLE_HEADING, title);
      /* Their own words are listed whole, version by version, below. */
      add_areas (self->blocks, plan, content->agencies, NULL, content->plan_says);
      add_reviews (self->blocks, plan, content->staff);
    }

  if (newest != NULL)
    add_check_ins (self, newest, check_ins, TRUE);

  for (guint i = 0; i < g_list_model_get_n_items (content->statements); i++)
    {
      g_autoptr(HeardStatement) statement = g_list_model_get_item (content->statements, i);

      if (!is_withheld (withheld, HEARD_WITHHELD_STATEMENT, heard_statement_get_id (statement)))
        g_ptr_array_add (statements, g_steal_pointer (&statement));
    }
  for (guint i = 0; content->chronology != NULL &&
       i < g_list_model_get_n_items (content->chronology); i++)
    {
      g_autoptr(HeardChronologyEntry) entry = g_list_model_get_item (content->chronology, i);

      if (!is_withheld (withheld, HEARD_WITHHELD_CHRONOLOGY,
                        heard_chronology_entry_get_id (entry)))
        g_list_store_append (chronology, entry);
    }
  if (newest != NULL)
    add_chronology (self->blocks, &(HeardPlanDocumentContent) {
      .person = content->person,
      .plan = newest,
      .statements = statements,
      .check_ins = check_ins,
      .staff = content->staff,
      .chronology = G_LIST_MODEL (chronology),
      .agencies = content->agencies,
      .check_in_words = TRUE,
    });
}
/* The practice mark at the top, the date and "Page N of M" at the bottom. */
static void
draw_frame (HeardPlanDocument  *self,
            HeardDocumentPages *pages,
            cairo_t            *cr,
            double              width,
            double              height,
            guint               page)
{
  double body_width = width - 2 * HEARD_DOCUMENT_MARGIN_SIDE;
  double footer_y = height - HEARD_DOCUMENT_MARGIN_BOTTOM + FRAME_GAP;
  g_autofree char *number = NULL;
  g_autoptr(PangoLayout) date = NULL;
  g_autoptr(PangoLayout) count = NULL;

  cairo_save (cr);
  if (self->practice_mark != NULL)
    {
      g_autoptr(PangoLayout) mark = _heard_document_pages_create_layout (pages,
                                                                         HEARD_DOCUMENT_STYLE_MARK,
                                                                         self->practice_mark,
                                                                         body_width);

      _heard_document_set_style_color (cr, HEARD_DOCUMENT_STYLE_MARK);
      cairo_move_to (cr, HEARD_DOCUMENT_MARGIN_SIDE, HEARD_DOCUMENT_MARGIN_TOP - 2 * FRAME_GAP);
      pango_cairo_show_layout (cr, mark);
    }

  _heard_document_set_style_color (cr, HEARD_DOCUMENT_STYLE_FOOTER);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, HEARD_DOCUMENT_MARGIN_SIDE, footer_y - 6.0);
  cairo_line_to (cr, width - HEARD_DOCUMENT_MARGIN_SIDE, footer_y - 6.0);
  cairo_stroke (cr);

  date = _heard_document_pages_create_layout (pages, HEARD_DOCUMENT_STYLE_FOOTER,
                                              self->printed_on, body_width);
  cairo_move_to (cr, HEARD_DOCUMENT_MARGIN_SIDE, footer_y);
  pango_cairo_show_layout (cr, date);

  /* TRANSLATORS: in every page's footer, e.g. "Page 2 of 9" */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, _heard_document_pages_get_n (pages));
  count = _heard_document_pages_create_layout (pages, HEARD_DOCUMENT_STYLE_FOOTER, number,
                                               body_width);
  pango_layout_set_auto_dir (count, FALSE);
  pango_layout_set_alignment (count, PANGO_ALIGN_RIGHT);
  cairo_move_to (cr, HEARD_DOCUMENT_MARGIN_SIDE, footer_y);
  pango_cairo_show_layout (cr, count);
  cairo_restore (cr);
}

static void
draw_page (HeardPlanDocument  *self,
           HeardDocumentPages *pages,
           cairo_t            *cr,
           double              width,
           double              height,
           guint               page)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
  cairo_rectangle (cr, 0.0, 0.0, width, height);
  cairo_fill (cr);
  cairo_restore (cr);

  _heard_document_pages_draw (pages, cr, page);
  draw_frame (self, pages, cr, width, height, page);
}

static void
write_data_free (gpointer data)
{
  WriteData *write = data;

  g_free (write->path);
  g_free (write);
}

static gboolean
report_progress_cb (gpointer data)
{
  Progress *progress = data;

  progress->progress (progress->done, progress->total, progress->progress_data);
  return G_SOURCE_REMOVE;
}

static void
report_progress (GTask     *task,
                 WriteData *write,
                 guint      done,
                 guint      total)
{
  Progress *progress;

  if (write->progress == NULL)
    return;

  progress = g_new0 (Progress, 1);
  progress->progress = write->progress;
  progress->progress_data = write->progress_data;
  progress->done = done;
  progress->total = total;
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT, report_progress_cb,
                              progress, g_free);
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Output *output = closure;

  if (g_cancellable_is_cancelled (output->cancellable))
    return CAIRO_STATUS_WRITE_ERROR;

  while (length > 0)
    {
      ssize_t written = write (output->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          output->error_code = written < 0 ? errno : ENOSPC;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= (unsigned int) written;
    }
  return CAIRO_STATUS_SUCCESS;
}

/* Draws every page into a PDF on @output; FALSE if cancelled or writing failed. */
static gboolean
render_pdf (HeardPlanDocument *self,
            GTask             *task,
            WriteData         *write,
            Output            *output,
            GError           **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_cb, output,
                                                                  A4_WIDTH, A4_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  g_autoptr(HeardDocumentPages) pages = NULL;
  cairo_status_t status;
  guint n;

  /* The file's title names no one: it shows in viewers' windows and lists. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Heard");

  pages = _heard_document_pages_new (self->blocks, context, A4_WIDTH, A4_HEIGHT);
  n = _heard_document_pages_get_n (pages);
  for (guint page = 0; page < n && !g_cancellable_is_cancelled (output->cancellable); page++)
    {
      draw_page (self, pages, cr, A4_WIDTH, A4_HEIGHT, page);
      cairo_show_page (cr);
      report_progress (task, write, page + 1, n);
    }
  g_clear_pointer (&pages, _heard_document_pages_free);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_set_error_if_cancelled (output->cancellable, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      if (output->error_code != 0)
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (output->error_code),
                     _("The PDF could not be written: %s"), g_strerror (output->error_code));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The PDF could not be made: %s"),
                     cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* Removes the PDFs that writers killed half-way left in @folder: only
 * Heard's own, of processes of this computer that are gone, or a week old
 * (the folder may be shared with other computers, exporting now). */
static void
remove_abandoned (const char *folder)
{
  g_autoptr(GDir) listing = g_dir_open (folder, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, TEMP_PREFIX))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (heard_files_temp_abandoned (path, name + strlen (TEMP_PREFIX)) && g_unlink (path) != 0)
        g_message ("Could not remove the unfinished PDF %s: %s", path, g_strerror (errno));
    }
}

static void
write_pdf_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  HeardPlanDocument *self = source_object;
  WriteData *write = task_data;
  g_autofree char *folder = g_path_get_dirname (write->path);
  g_autofree char *tag = heard_files_temp_tag (getpid ());
  g_autofree char *temp = g_strconcat (folder, G_DIR_SEPARATOR_S, TEMP_PREFIX, tag, "XXXXXX",
                                       NULL);
  Output output = { .cancellable = cancellable };
  GError *error = NULL;
  int saved_errno;

  remove_abandoned (folder);
  output.fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0600);
  if (output.fd < 0)
    {
      saved_errno = errno;
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("The PDF could not be written in that folder: %s"),
                               g_strerror (saved_errno));
      return;
    }

  if (!render_pdf (self, task, write, &output, &error))
    goto failed;

  if (fsync (output.fd) != 0 || close (output.fd) != 0)
    {
      output.fd = -1;
      goto failed_errno;
    }
  output.fd = -1;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    goto failed;
  if (g_rename (temp, write->path) != 0)
    goto failed_errno;
  /* The rename itself reaches the disk, so the new name survives a power cut. */
  if (!heard_files_sync (folder))
    g_warning ("The folder of an exported PDF could not be flushed: %s", g_strerror (errno));

  g_task_return_boolean (task, TRUE);
  return;

failed_errno:
  saved_errno = errno;
  g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("The PDF could not be written: %s"), g_strerror (saved_errno));
failed:
  if (output.fd >= 0)
    close (output.fd);
  g_unlink (temp);
  g_task_return_error (task, error);
}

static void
heard_plan_document_finalize (GObject *object)
{
  HeardPlanDocument *self = HEARD_PLAN_DOCUMENT (object);

  g_clear_pointer (&self->pages, _heard_document_pages_free);
  g_clear_pointer (&self->blocks, _heard_document_blocks_free);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->safety, heard_chart_series_free);
  g_clear_pointer (&self->markers, g_array_unref);
  g_free (self->title);
  g_free (self->printed_on);
  g_free (self->practice_mark);

  G_OBJECT_CLASS (heard_plan_document_parent_class)->finalize (object);
}

static void
heard_plan_document_class_init (HeardPlanDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = heard_plan_document_finalize;
}

static void
heard_plan_document_init (HeardPlanDocument *self)
{
  self->blocks = _heard_document_blocks_new ();
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify) heard_chart_series_free);
  self->markers = g_array_new (FALSE, FALSE, sizeof (HeardChartMarker));
  self->charts = g_ptr_array_new_with_free_func (g_free);
  /* Paper is light whatever the screen's style. */
  heard_chart_palette_init_default (&self->palette, HEARD_CHART_STYLE_LIGHT);
}

HeardPlanDocument *
heard_plan_document_new (const HeardPlanDocumentContent *content)
{
  HeardPlanDocument *self;
  g_autofree char *day = NULL;

  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (HEARD_IS_PERSON (content->person), NULL);
  g_return_val_if_fail (HEARD_IS_PLAN (content->plan), NULL);
  g_return_val_if_fail (content->staff == NULL || G_IS_LIST_MODEL (content->staff), NULL);
  g_return_val_if_fail (content->chronology == NULL || G_IS_LIST_MODEL (content->chronology), NULL);
  g_return_val_if_fail (content->agencies == NULL || G_IS_LIST_MODEL (content->agencies), NULL);

  self = g_object_new (HEARD_TYPE_PLAN_DOCUMENT, NULL);
  day = heard_date_describe (content->printed_on);
  /* TRANSLATORS: on the cover and every page's footer, e.g. "Printed on 7 December 2026" */
  self->printed_on = g_strdup_printf (_("Printed on %s"), day);
  self->title = g_strdup (_("Support plan"));
  if (content->practice)
    self->practice_mark = g_strdup (_("Practice — fictional records"));

  collect_series (self, content->plan, content->check_ins);

  add_cover (self->blocks, content, self->printed_on, self->practice_mark);
  add_statements (self->blocks, content->statements);
  add_areas (self->blocks, content->plan, content->agencies, content->own_words,
             content->plan_says);
  add_check_ins (self, content->plan, content->check_ins, content->check_in_words);
  add_chronology (self->blocks, content);
  add_reviews (self->blocks, content->plan, content->staff);

  return self;
}

HeardPlanDocument *
heard_plan_document_new_record (const HeardRecordDocumentContent *content)
{
  HeardPlanDocument *self;
  gboolean mine;
  g_autofree char *day = NULL;
  g_autoptr(GHashTable) withheld = NULL;
  g_autoptr(GPtrArray) check_ins = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HeardPlan) newest = NULL;

  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (HEARD_IS_PERSON (content->person), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (content->plans), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (content->statements), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (content->check_ins), NULL);

  mine = content->kind == HEARD_RECORD_DOCUMENT_MINE;
  self = g_object_new (HEARD_TYPE_PLAN_DOCUMENT, NULL);
  day = heard_date_describe (content->printed_on);
  self->title = g_strdup (mine ? C_("co-design", "My record") : _("Subject access export"));
  /* TRANSLATORS: on the cover and every page's footer of the young person's own record */
  self->printed_on = g_strdup_printf (mine ? C_("co-design", "Made on %s") : _("Printed on %s"),
                                      day);
  if (content->practice)
    self->practice_mark = g_strdup (_("Practice — fictional records"));
  /* Every text from here on, their own words too. */
  _heard_document_blocks_set_redaction (self->blocks, content->redact);

  withheld = collect_withheld (content->withholdings);
  for (guint i = 0; i < g_list_model_get_n_items (content->check_ins); i++)
    {
      g_autoptr(HeardCheckIn) check_in = g_list_model_get_item (content->check_ins, i);

      if (!is_withheld (withheld, HEARD_WITHHELD_CHECK_IN, heard_check_in_get_id (check_in)))
        g_ptr_array_add (check_ins, g_steal_pointer (&check_in));
    }
  if (g_list_model_get_n_items (content->plans) > 0)
    newest = g_list_model_get_item (content->plans, 0);
  if (newest != NULL)
    collect_series (self, newest, check_ins);

  add_record_cover (self, content);
  add_record_statements (self->blocks, content, withheld);
  if (mine && newest != NULL)
    {
      add_my_plan (self->blocks, content, newest);
      add_my_check_ins (self, content, newest, check_ins);
    }
  else if (mine)
    add_kept (self->blocks, HEARD_DOCUMENT_STYLE_HEADING,
              C_("co-design", "You do not have a plan yet."));
  else
    {
      add_own_words_history (self->blocks, content);
      add_everything (self, content, check_ins, withheld);
    }
  add_story (self->blocks, content, withheld);

  return self;
}

guint
heard_plan_document_paginate (HeardPlanDocument *self,
                              PangoContext      *layout_context,
                              double             width,
                              double             height)
{
  g_return_val_if_fail (HEARD_IS_PLAN_DOCUMENT (self), 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (layout_context), 0);
  g_return_val_if_fail (width > 0.0 && height > 0.0, 0);

  g_clear_pointer (&self->pages, _heard_document_pages_free);
  self->pages = _heard_document_pages_new (self->blocks, layout_context, width, height);
  self->page_width = width;
  self->page_height = height;

  return _heard_document_pages_get_n (self->pages);
}

void
heard_plan_document_draw_page (HeardPlanDocument *self,
                               cairo_t           *cr,
                               guint              page)
{
  g_return_if_fail (HEARD_IS_PLAN_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->pages != NULL);
  g_return_if_fail (page < _heard_document_pages_get_n (self->pages));

  draw_page (self, self->pages, cr, self->page_width, self->page_height, page);
}

void
heard_plan_document_write_pdf_async (HeardPlanDocument     *self,
                                     GFile                 *file,
                                     HeardDocumentProgress  progress,
                                     gpointer               progress_data,
                                     GCancellable          *cancellable,
                                     GAsyncReadyCallback    callback,
                                     gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *write;

  g_return_if_fail (HEARD_IS_PLAN_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_plan_document_write_pdf_async);

  write = g_new0 (WriteData, 1);
  write->path = g_file_get_path (file);
  write->progress = progress;
  write->progress_data = progress_data;
  g_task_set_task_data (task, write, write_data_free);

  if (write->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("A PDF can only be written to a folder on this computer."));
      return;
    }
  g_task_run_in_thread (task, write_pdf_thread);
}

gboolean
heard_plan_document_write_pdf_finish (HeardPlanDocument  *self,
                                      GAsyncResult       *result,
                                      GError            **error)
{
  g_return_val_if_fail (HEARD_IS_PLAN_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
heard_plan_document_suggest_file_name (const char *printed_on)
{
  GDate day;
  g_autofree char *iso = NULL;

  if (printed_on == NULL || !heard_date_parse (printed_on, &day, NULL))
    return g_strdup ("support-plan.pdf");

  iso = heard_date_to_iso (&day);
  return g_strdup_printf ("support-plan-%s.pdf", iso);
}

char *
heard_plan_document_suggest_record_file_name (HeardRecordDocumentKind  kind,
                                              const char      *printed_on)
{
  const char *stem = kind == HEARD_RECORD_DOCUMENT_MINE ? "my-record" : "subject-access";
  GDate day;
  g_autofree char *iso = NULL;

  if (printed_on == NULL || !heard_date_parse (printed_on, &day, NULL))
    return g_strconcat (stem, ".pdf", NULL);

  iso = heard_date_to_iso (&day);
  return g_strdup_printf ("%s-%s.pdf", stem, iso);
}

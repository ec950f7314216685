/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-practice"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "heard-agency.h"
#include "heard-audit.h"
#include "heard-context.h"
#include "heard-files.h"
#include "heard-folder-lock.h"
#include "heard-practice.h"
#include "heard-practice-words.h"
#include "heard-secure.h"
#include "heard-sqlite-store.h"
#include "heard-store-people.h"
#include "heard-store-agencies.h"
#include "heard-store-check-ins.h"
#include "heard-store-chronology.h"
#include "heard-store-codesign.h"
#include "heard-store-sharing.h"
#include "heard-store-plans.h"
#include "heard-store-staff.h"
#include "heard-store-statements.h"
#include "heard-text-fields.h"
#include "heard-unlock-flow-private.h"

/*
 * Practice records: a separate set of fictional young people, plans,
 * statements and reviews, so that new staff learn Heard without touching
 * real records. A practice folder holds its own random key in
 * HEARD_PRACTICE_KEY_FILE and a heard.ini that says "practice"; the unlock
 * flow opens it silently with that key.
 *
 * The generator is seeded: every kind of record draws from its own stream
 * of numbers, made from the seed, the young person and the kind, and every
 * date is placed relative to "today". So the same seed and day give the
 * same records, and a later feature that adds its own kind of record (check-
 * ins, warning signs, sharing: one function each, called from
 * make_records_for_person()) changes none of the others.
 *
 * It writes through the store, like any caller, from a thread of its own
 * with its own main context, keeping many writes queued so the database
 * thread never waits. The set is made in a new sibling folder, opened
 * HEARD_SQLITE_STORE_OPEN_FICTIONAL (unsynced until the close syncs it
 * all), and only once complete swapped with the folder it replaces: a
 * generator stopped part-way leaves no half set under the folder's name,
 * and the half set it left beside it is removed the next time a set is
 * made there.
 */

#define MAKING_INFIX ".making-"

G_DEFINE_QUARK (heard-practice-error-quark, heard_practice_error)

/* The kinds of record, each with its own stream of numbers. Add new kinds
 * at the end. */
typedef enum
{
  STREAM_PERSON,
  STREAM_PLAN,
  STREAM_STATEMENTS,
  STREAM_STATEMENT_COUNTS,
  STREAM_CHECK_INS,
  STREAM_CHRONOLOGY,
  STREAM_SHARING,
  STREAM_CODESIGN,
} Stream;

/* The practice agencies directory: two schools among them, so that a
 * cluster across two schools is two agencies. */
static const struct
{
  HeardAgencyType  type;
  const char      *name;
  const char      *contact;
  const char      *how;
} practice_agencies[] = {
  { HEARD_AGENCY_TYPE_SCHOOL, "Northgate Academy", "Ms Adeyemi (safeguarding lead)",
    "01632 960 101" },
  { HEARD_AGENCY_TYPE_SCHOOL, "Riverside College", "Mr Lindqvist (student support)",
    "support@riverside.example" },
  { HEARD_AGENCY_TYPE_POLICE, "Eastside Police Team", "PC Harlow", "01632 960 202" },
  { HEARD_AGENCY_TYPE_HEALTH, "Harbour Health Centre", "Nurse Okonkwo", "01632 960 303" },
  { HEARD_AGENCY_TYPE_SOCIAL_CARE, "Children's Services", "Duty team", "01632 960 404" },
  { HEARD_AGENCY_TYPE_YOUTH_WORK, "The Bridge Youth Project", "Kai", "bridge@youth.example" },
  { HEARD_AGENCY_TYPE_VOLUNTARY_SECTOR, "Safe Steps", "Helpline", "0808 000 0000" },
};
#define N_PRACTICE_AGENCIES 7
G_STATIC_ASSERT (G_N_ELEMENTS (practice_agencies) == N_PRACTICE_AGENCIES);
enum { SCHOOL_A, SCHOOL_B, POLICE, HEALTH, SOCIAL_CARE, YOUTH_WORK, VOLUNTARY };

/* Warning signs and strengths as an agency would write them: kind, nature,
 * the agency that usually sees it, and what was seen. */
static const struct
{
  const char       *kind;
  HeardEntryNature  nature;
  guint             agency;
  const char       *seen;
} practice_entries[] = {
  { "school-absence", HEARD_ENTRY_VULNERABILITY, SCHOOL_A,
    "Absent three mornings this week; said she was tired." },
  { "behaviour-change", HEARD_ENTRY_VULNERABILITY, SCHOOL_B,
    "Quieter than usual in lessons and left early twice." },
  { "gifts-money-phone", HEARD_ENTRY_SIGN_OF_HARM, SCHOOL_A,
    "Has a new phone and trainers; would not say where they came from." },
  { "missing-episode", HEARD_ENTRY_SIGN_OF_HARM, POLICE,
    "Reported missing overnight; found in town the next morning, unhurt." },
  { "older-adults", HEARD_ENTRY_SIGN_OF_HARM, YOUTH_WORK,
    "Seen getting into a car with two older men after the session." },
  { "sexual-health", HEARD_ENTRY_SIGN_OF_HARM, HEALTH,
    "Came to the clinic alone; worried about someone older she is seeing." },
  { "online-contact", HEARD_ENTRY_VULNERABILITY, SOCIAL_CARE,
    "Mum found messages from an adult she does not know." },
  { "substance-use", HEARD_ENTRY_VULNERABILITY, VOLUNTARY,
    "Said she had been given cannabis at a party." },
  { "education-work", HEARD_ENTRY_STRENGTH, SCHOOL_B, "Started her college course and enjoys it." },
  { "relationship", HEARD_ENTRY_STRENGTH, SOCIAL_CARE, "Reconnected with her nan; visits on Sundays." },
  { "achievement", HEARD_ENTRY_STRENGTH, YOUTH_WORK, "Helped plan the summer trip and led a group." },
  { "turning-point", HEARD_ENTRY_STRENGTH, HEALTH, "Asked for help herself for the first time." },
};

/* splitmix64: small, fast, and the same everywhere, unlike g_random. */
typedef struct
{
  guint64 state;
} Rng;

typedef struct
{
  char    *data_dir;
  guint    n_people;
  guint64  seed;
  GDate    today;
} Request;

/* One write in flight; its result is finished once everything queued has
 * landed. */
typedef struct
{
  struct _Generator *generator;
  GAsyncResult      *result;
} Slot;

typedef struct _Generator
{
  GMainContext *context;
  HeardStore   *store;
  GCancellable *cancellable;
  guint64       seed;
  GDate         today;
  guint         n_people;
  guint         pending;
  gint64        supervisor_id;
  /* The agencies directory (practice_agencies), in its order. */
  gint64        agency_ids[N_PRACTICE_AGENCIES];
} Generator;

/* What one young person's records need from each other. */
typedef struct
{
  guint        index;
  HeardPerson *person;
  gint64       plan_id;
  /* The signed-off plan's actions, which answers may link to. */
  GArray      *action_ids;
  GDate        birth;
  /* The plan's areas, which check-ins rate. */
  HeardAreaKind area_kinds[HEARD_AREA_N_KINDS];
  guint         n_areas;
  /* Their first statement, which a warning sign may be linked to. */
  gint64        first_statement_id;
} PersonRecords;

static void
request_free (Request *request)
{
  g_free (request->data_dir);
  g_free (request);
}

static guint64
rng_next (Rng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);

  return z ^ (z >> 31);
}

static guint
rng_below (Rng   *rng,
           guint  n)
{
  return n == 0 ? 0 : (guint) (rng_next (rng) % n);
}

static gboolean
rng_chance (Rng   *rng,
            guint  percent)
{
  return rng_below (rng, 100) < percent;
}

static Rng
stream_for (Generator *generator,
            guint      person,
            Stream     stream)
{
  Rng rng = { generator->seed };

  rng.state = rng_next (&rng) ^ ((guint64) person << 8) ^ (guint64) stream;
  rng_next (&rng);

  return rng;
}

static const char *
pick (Rng                   *rng,
      HeardPracticeWordList  list)
{
  const HeardPracticeWords *words = heard_practice_words (list);

  return words->items[rng_below (rng, words->n_items)];
}

/* @days before (negative: after) today, stored as 2025-03-14. */
static char *
day_from_today (Generator *generator,
                int        days_before)
{
  GDate day = generator->today;

  if (days_before >= 0)
    g_date_subtract_days (&day, (guint) days_before);
  else
    g_date_add_days (&day, (guint) -days_before);

  return heard_date_to_iso (&day);
}

static void
landed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Slot *slot = user_data;

  slot->result = g_object_ref (result);
  slot->generator->pending--;
}

static Slot *
new_slots (Generator *generator,
           guint      n)
{
  Slot *slots = g_new0 (Slot, MAX (n, 1));

  for (guint i = 0; i < MAX (n, 1); i++)
    slots[i].generator = generator;
  generator->pending += n;

  return slots;
}

/* Runs the generator's own main context until every queued write landed. */
static void
wait_for_writes (Generator *generator)
{
  while (generator->pending > 0)
    g_main_context_iteration (generator->context, TRUE);
}

static void
free_slots (Slot  *slots,
            guint  n)
{
  for (guint i = 0; i < n; i++)
    g_clear_object (&slots[i].result);
  g_free (slots);
}

/* Every id a batch of writes finished with, or FALSE with @error set. */
typedef gint64 (*FinishId) (HeardStore *store, GAsyncResult *result, GError **error);

static gboolean
finish_ids (Generator  *generator,
            Slot       *slots,
            guint       n,
            FinishId    finish,
            gint64     *ids,
            GError    **error)
{
  gboolean ok = TRUE;

  wait_for_writes (generator);
  for (guint i = 0; i < n; i++)
    {
      GError *local = NULL;
      gint64 id = finish (generator->store, slots[i].result, &local);

      if (ids != NULL)
        ids[i] = id;
      if (local != NULL)
        {
          if (ok)
            g_propagate_error (error, local);
          else
            g_error_free (local);
          ok = FALSE;
        }
    }
  free_slots (slots, n);

  return ok;
}

static gint64
finish_told (HeardStore    *store,
             GAsyncResult  *result,
             GError       **error)
{
  return heard_store_mark_response_told_finish (store, result, error);
}

static gint64
finish_amended (HeardStore    *store,
                GAsyncResult  *result,
                GError       **error)
{
  return heard_store_amend_statement_finish (store, result, error);
}

static gint64
finish_decided (HeardStore    *store,
                GAsyncResult  *result,
                GError       **error)
{
  return heard_store_decide_plan_finish (store, result, error);
}

static gint64
finish_submitted (HeardStore    *store,
                  GAsyncResult  *result,
                  GError       **error)
{
  return heard_store_submit_plan_finish (store, result, error);
}

/* The caseworker whose laptop this is (the first of the workers, who are
 * otherwise named as key workers and action owners) and the supervisor
 * who signs off plans. */
static gboolean
add_staff (Generator  *generator,
           GError    **error)
{
  const HeardPracticeWords *workers = heard_practice_words (HEARD_PRACTICE_WORKERS);
  g_autoptr(HeardStaff) supervisor = heard_staff_new (HEARD_STAFF_SUPERVISOR);
  g_autoptr(HeardStaff) caseworker = heard_staff_new (HEARD_STAFF_CASEWORKER);
  Slot *slots = new_slots (generator, 2);
  gint64 ids[2] = { 0 };

  heard_staff_set_name (supervisor, HEARD_PRACTICE_SUPERVISOR_NAME);
  heard_store_save_staff_async (generator->store, supervisor,
                                HEARD_PRACTICE_SUPERVISOR_PASSPHRASE, NULL, landed_cb,
                                &slots[0]);
  heard_staff_set_name (caseworker, workers->items[0]);
  heard_store_save_staff_async (generator->store, caseworker, NULL, NULL, landed_cb, &slots[1]);

  if (!finish_ids (generator, slots, 2, heard_store_save_staff_finish, ids, error))
    return FALSE;

  generator->supervisor_id = ids[0];
  return TRUE;
}

/* The practice directory's entry for @kind, taking turns where two serve
 * it (the two schools), so that some actions belong to Northgate Academy
 * and some to Riverside College; 0 where none does (the young person,
 * family, housing). Draws nothing from a stream, so every other record
 * stays as it was. */
static gint64
practice_entry (Generator   *generator,
                HeardAgency  kind,
                guint        turn)
{
  guint serving[N_PRACTICE_AGENCIES];
  guint n_serving = 0;

  for (guint i = 0; i < N_PRACTICE_AGENCIES; i++)
    if (heard_agency_type_to_kind (practice_agencies[i].type) == kind)
      serving[n_serving++] = i;

  return n_serving > 0 ? generator->agency_ids[serving[turn % n_serving]] : 0;
}

/* The entries for the kinds in @person's agencies involved. */
static void
link_person_agencies (Generator   *generator,
                      HeardPerson *person,
                      guint        turn)
{
  const char *kinds = heard_person_get_text (person, HEARD_PERSON_AGENCIES);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (HeardAgency kind = 0; kind < HEARD_AGENCY_N_AGENCIES; kind++)
    {
      gint64 id = heard_agency_list_has (kinds, kind) ? practice_entry (generator, kind, turn) : 0;

      if (id != 0)
        g_array_append_val (ids, id);
    }
  heard_person_set_agency_ids (person, (const gint64 *) (gpointer) ids->data, ids->len);
}

static char *
pick_agencies (Rng *rng)
{
  g_autofree char *list = g_strdup (heard_agency_to_code (HEARD_AGENCY_SOCIAL_CARE));

  for (HeardAgency agency = 0; agency < HEARD_AGENCY_N_AGENCIES; agency++)
    {
      if (agency != HEARD_AGENCY_SOCIAL_CARE && agency != HEARD_AGENCY_YOUNG_PERSON &&
          rng_chance (rng, 35))
        {
          char *longer = heard_agency_list_add (list, agency);

          g_free (list);
          list = longer;
        }
    }

  return g_steal_pointer (&list);
}

static gboolean
add_person (Generator      *generator,
            PersonRecords  *records,
            GError        **error)
{
  Rng rng = stream_for (generator, records->index, STREAM_PERSON);
  /* Some names are written in Arabic script, the whole name so. */
  gboolean arabic = rng_chance (&rng, 12);
  HeardPracticeWordList given_names = arabic ? HEARD_PRACTICE_ARABIC_GIVEN_NAMES
                                             : HEARD_PRACTICE_GIVEN_NAMES;
  const char *given = pick (&rng, given_names);
  const char *family = pick (&rng, arabic ? HEARD_PRACTICE_ARABIC_FAMILY_NAMES
                                          : HEARD_PRACTICE_FAMILY_NAMES);
  g_autofree char *display = g_strdup_printf ("%s %s", given, family);
  g_autofree char *birth = NULL;
  g_autofree char *agencies = pick_agencies (&rng);
  const char *language = pick (&rng, HEARD_PRACTICE_LANGUAGES);
  HeardPerson *person = heard_person_new ();
  Slot *slots = new_slots (generator, 1);
  gint64 id = 0;

  /* Between 11 and 18 years old today. */
  records->birth = generator->today;
  g_date_subtract_years (&records->birth, 11);
  g_date_subtract_days (&records->birth, rng_below (&rng, 7 * 365 + 300));
  birth = heard_date_to_iso (&records->birth);

  heard_person_set_text (person, HEARD_PERSON_DISPLAY_NAME, display);
  if (rng_chance (&rng, 30))
    heard_person_set_text (person, HEARD_PERSON_PREFERRED_NAME, pick (&rng, given_names));
  heard_person_set_text (person, HEARD_PERSON_PRONOUNS, pick (&rng, HEARD_PRACTICE_PRONOUNS));
  heard_person_set_text (person, HEARD_PERSON_DATE_OF_BIRTH, birth);
  heard_person_set_text (person, HEARD_PERSON_FIRST_LANGUAGE, language);
  heard_person_set_interpreter_needed (person, g_strcmp0 (language, "English") != 0 &&
                                               rng_chance (&rng, 40));
  if (rng_chance (&rng, 80))
    {
      guint n_choices = 0;
      const HeardChoice *ethnicities = heard_person_get_ethnicities (&n_choices);

      /* The first choice is "not recorded yet". */
      heard_person_set_text (person, HEARD_PERSON_ETHNICITY,
                             ethnicities[1 + rng_below (&rng, n_choices - 1)].code);
    }
  switch (rng_below (&rng, 10))
    {
    case 0:
      heard_person_set_nationality_answer (person, HEARD_ANSWER_NOT_KNOWN);
      break;
    case 1:
      heard_person_set_nationality_answer (person, HEARD_ANSWER_PREFERS_NOT_TO_SAY);
      break;
    default:
      heard_person_set_nationality_answer (person, HEARD_ANSWER_GIVEN);
      heard_person_set_text (person, HEARD_PERSON_NATIONALITY,
                             pick (&rng, HEARD_PRACTICE_NATIONALITIES));
      break;
    }
  heard_person_set_text (person, HEARD_PERSON_KEY_WORKER, pick (&rng, HEARD_PRACTICE_WORKERS));
  heard_person_set_text (person, HEARD_PERSON_AGENCIES, agencies);
  link_person_agencies (generator, person, records->index);
  heard_person_set_text (person, HEARD_PERSON_WHAT_HELPS, pick (&rng, HEARD_PRACTICE_WHAT_HELPS));
  heard_person_set_text (person, HEARD_PERSON_WHAT_IS_HARD,
                         pick (&rng, HEARD_PRACTICE_WHAT_IS_HARD));

  records->person = person;
  heard_store_save_person_async (generator->store, person, NULL, landed_cb, &slots[0]);
  if (!finish_ids (generator, slots, 1, heard_store_save_person_finish, &id, error))
    return FALSE;

  heard_person_set_id (person, id);
  return TRUE;
}

/* How far a plan has come: the states a trainee meets, most plans in use. */
typedef enum
{
  PLAN_DRAFT,
  PLAN_AWAITING_REVIEW,
  PLAN_CHANGES_REQUESTED,
  PLAN_SIGNED_OFF,
  PLAN_REVIEWED,
  PLAN_CLOSED,
} PlanStage;

static PlanStage
pick_stage (Rng *rng)
{
  guint roll = rng_below (rng, 100);

  return roll < 12 ? PLAN_DRAFT
         : roll < 22 ? PLAN_AWAITING_REVIEW
         : roll < 27 ? PLAN_CHANGES_REQUESTED
         : roll < 57 ? PLAN_SIGNED_OFF
         : roll < 85 ? PLAN_REVIEWED
         : PLAN_CLOSED;
}

static gboolean
decide (Generator          *generator,
        gint64              plan_id,
        HeardPlanDecision  *decision,
        GError            **error)
{
  Slot *slots = new_slots (generator, 1);

  heard_store_decide_plan_async (generator->store, plan_id, decision,
                                 HEARD_PRACTICE_SUPERVISOR_PASSPHRASE, NULL, landed_cb,
                                 &slots[0]);

  return finish_ids (generator, slots, 1, finish_decided, NULL, error);
}

static gboolean
advance_plan (Generator      *generator,
              PersonRecords  *records,
              Rng            *rng,
              PlanStage       stage,
              GError        **error)
{
  g_autoptr(HeardPlanDecision) decision = NULL;
  Slot *slots;

  if (stage == PLAN_DRAFT)
    return TRUE;

  slots = new_slots (generator, 1);
  heard_store_submit_plan_async (generator->store, records->plan_id, NULL, landed_cb, &slots[0]);
  if (!finish_ids (generator, slots, 1, finish_submitted, NULL, error))
    return FALSE;
  if (stage == PLAN_AWAITING_REVIEW)
    return TRUE;

  if (stage == PLAN_CHANGES_REQUESTED)
    {
      decision = heard_plan_decision_new (HEARD_PLAN_EVENT_REQUEST_CHANGES,
                                          generator->supervisor_id);
      decision->comments = g_strdup (pick (rng, HEARD_PRACTICE_CHANGES_ASKED));
      return decide (generator, records->plan_id, decision, error);
    }

  decision = heard_plan_decision_new (HEARD_PLAN_EVENT_SIGN_OFF, generator->supervisor_id);
  decision->comments = g_strdup (pick (rng, HEARD_PRACTICE_REVIEW_COMMENTS));
  if (!decide (generator, records->plan_id, decision, error))
    return FALSE;
  g_clear_pointer (&decision, heard_plan_decision_free);

  if (stage == PLAN_REVIEWED || stage == PLAN_CLOSED)
    {
      decision = heard_plan_decision_new (HEARD_PLAN_EVENT_REVIEW, generator->supervisor_id);
      decision->comments = g_strdup (pick (rng, HEARD_PRACTICE_REVIEW_COMMENTS));
      if (!decide (generator, records->plan_id, decision, error))
        return FALSE;
      g_clear_pointer (&decision, heard_plan_decision_free);
    }

  if (stage == PLAN_CLOSED)
    {
      decision = heard_plan_decision_new (HEARD_PLAN_EVENT_CLOSE, generator->supervisor_id);
      decision->comments = g_strdup (pick (rng, HEARD_PRACTICE_REVIEW_COMMENTS));
      g_free (decision->texts[HEARD_CLOSURE_VIEW]);
      decision->texts[HEARD_CLOSURE_VIEW] = g_strdup (pick (rng, HEARD_PRACTICE_CLOSURE_VIEWS));
      g_free (decision->texts[HEARD_CLOSURE_REASON]);
      decision->texts[HEARD_CLOSURE_REASON] = g_strdup (pick (rng,
                                                              HEARD_PRACTICE_CLOSURE_REASONS));
      if (!decide (generator, records->plan_id, decision, error))
        return FALSE;
    }

  return TRUE;
}

/* The actions an answer may link to: those of a plan in use. */
static gboolean
find_linkable_actions (Generator      *generator,
                       PersonRecords  *records,
                       GError        **error)
{
  Slot *slots = new_slots (generator, 1);
  g_autoptr(GPtrArray) actions = NULL;

  heard_store_list_linkable_actions_async (generator->store,
                                           heard_person_get_id (records->person), NULL,
                                           landed_cb, &slots[0]);
  wait_for_writes (generator);
  actions = heard_store_list_linkable_actions_finish (generator->store, slots[0].result, error);
  free_slots (slots, 1);
  if (actions == NULL)
    return FALSE;

  g_array_set_size (records->action_ids, 0);
  for (guint i = 0; i < actions->len; i++)
    {
      gint64 id = heard_plan_action_get_id (g_ptr_array_index (actions, i));

      g_array_append_val (records->action_ids, id);
    }

  return TRUE;
}

/* A plan with a few areas of life, each with actions owned by agencies,
 * taken as far as @stage. */
static gboolean
add_plan (Generator      *generator,
          PersonRecords  *records,
          GError        **error)
{
  Rng rng = stream_for (generator, records->index, STREAM_PLAN);
  PlanStage stage = pick_stage (&rng);
  guint n_areas = 2 + rng_below (&rng, 3);
  guint first_kind = rng_below (&rng, HEARD_AREA_N_KINDS);
  g_autofree gint64 *area_ids = g_new0 (gint64, n_areas);
  g_autoptr(GPtrArray) planned = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_actions;
  Slot *slots;

  slots = new_slots (generator, 1);
  heard_store_start_plan_async (generator->store, heard_person_get_id (records->person), NULL,
                                landed_cb, &slots[0]);
  if (!finish_ids (generator, slots, 1, heard_store_start_plan_finish, &records->plan_id, error))
    return FALSE;

  slots = new_slots (generator, n_areas);
  for (guint i = 0; i < n_areas; i++)
    {
      g_autoptr(HeardPlanArea) area = heard_plan_area_new (records->plan_id,
                                                           (first_kind + i) % HEARD_AREA_N_KINDS);

      records->area_kinds[records->n_areas++] = heard_plan_area_get_kind (area);

      heard_plan_area_set_text (area, HEARD_AREA_WORRIED, pick (&rng, HEARD_PRACTICE_WORRIES));
      heard_plan_area_set_text (area, HEARD_AREA_WORKING_WELL,
                                pick (&rng, HEARD_PRACTICE_WORKING_WELL));
      heard_plan_area_set_text (area, HEARD_AREA_NEEDS_TO_HAPPEN,
                                pick (&rng, HEARD_PRACTICE_NEEDS_TO_HAPPEN));
      if (rng_chance (&rng, 85))
        heard_plan_area_set_text (area, HEARD_AREA_GOAL_OWN_WORDS,
                                  pick (&rng, HEARD_PRACTICE_OWN_GOALS));
      heard_plan_area_set_text (area, HEARD_AREA_GOAL_WORKER,
                                pick (&rng, HEARD_PRACTICE_WORKER_GOALS));
      heard_store_save_area_async (generator->store, area, NULL, landed_cb, &slots[i]);
    }
  if (!finish_ids (generator, slots, n_areas, heard_store_save_area_finish, area_ids, error))
    return FALSE;

  for (guint i = 0; i < n_areas; i++)
    {
      guint n = 1 + rng_below (&rng, 3);

      for (guint j = 0; j < n; j++)
        {
          HeardPlanAction *action = heard_plan_action_new (records->plan_id, area_ids[i]);
          HeardAgency owner = rng_below (&rng, HEARD_AGENCY_N_AGENCIES);
          g_autofree char *due = day_from_today (generator, 30 - (int) rng_below (&rng, 120));

          heard_plan_action_set_text (action, HEARD_ACTION_WHAT, pick (&rng,
                                                                       HEARD_PRACTICE_ACTIONS));
          heard_plan_action_set_owner (action, owner);
          heard_plan_action_set_owner_agency_id (action,
                                                 practice_entry (generator, owner,
                                                                 records->index + planned->len));
          heard_plan_action_set_text (action, HEARD_ACTION_OWNER_NAME,
                                      pick (&rng, HEARD_PRACTICE_WORKERS));
          heard_plan_action_set_text (action, HEARD_ACTION_DUE_DATE, due);
          heard_plan_action_set_status (action, rng_below (&rng, HEARD_ACTION_N_STATUSES));
          if (rng_chance (&rng, 50))
            {
              g_autofree char *acknowledged = day_from_today (generator,
                                                              40 + (int) rng_below (&rng, 60));

              heard_plan_action_set_text (action, HEARD_ACTION_ACKNOWLEDGED_ON, acknowledged);
            }
          g_ptr_array_add (planned, action);
        }
    }

  n_actions = planned->len;
  slots = new_slots (generator, n_actions);
  for (guint i = 0; i < n_actions; i++)
    heard_store_save_action_async (generator->store, g_ptr_array_index (planned, i), NULL,
                                   landed_cb, &slots[i]);
  if (!finish_ids (generator, slots, n_actions, heard_store_save_action_finish, NULL, error))
    return FALSE;

  return advance_plan (generator, records, &rng, stage, error) &&
         find_linkable_actions (generator, records, error);
}

/* How many statements young person @index has: an exact average over
 * each pair of young people (the one typed in co-design among them). */
static guint
count_statements (Generator *generator,
                  guint      index)
{
  Rng rng = stream_for (generator, index & ~1u, STREAM_STATEMENT_COUNTS);
  guint spread = rng_below (&rng, HEARD_PRACTICE_STATEMENTS_PER_PERSON * 3 / 5);

  if ((index | 1) >= generator->n_people)
    return HEARD_PRACTICE_STATEMENTS_PER_PERSON;

  return (index & 1) ? HEARD_PRACTICE_STATEMENTS_PER_PERSON - spread
                     : HEARD_PRACTICE_STATEMENTS_PER_PERSON + spread;
}

/* Whether they had a co-design session (add_codesign()): every second
 * young person, the first among them, whose plan has areas. An even
 * index has at least HEARD_PRACTICE_STATEMENTS_PER_PERSON statements. */
static gboolean
has_codesign (PersonRecords *records)
{
  return records->index % 2 == 0 && records->n_areas > 0;
}

static HeardStatement *
make_statement (Generator     *generator,
                PersonRecords *records,
                Rng           *rng,
                int            days_before)
{
  HeardStatement *statement = heard_statement_new ();
  g_autofree char *given_on = day_from_today (generator, days_before);
  g_autofree char *time = g_strdup_printf ("%02u:%02u", 9 + rng_below (rng, 10),
                                           rng_below (rng, 4) * 15);
  gboolean sensitive = rng_chance (rng, 10);
  const HeardPracticeWords *sayings =
    heard_practice_words (sensitive ? HEARD_PRACTICE_SENSITIVE_SAYINGS : HEARD_PRACTICE_SAYINGS);
  /* A sensitive saying's content note is the one in step with it. */
  guint saying = rng_below (rng, sayings->n_items);

  heard_statement_set_person_id (statement, heard_person_get_id (records->person));
  heard_statement_set_text (statement, HEARD_STATEMENT_WORDS, sayings->items[saying]);
  heard_statement_set_text (statement, HEARD_STATEMENT_GIVEN_ON, given_on);
  if (rng_chance (rng, 70))
    heard_statement_set_text (statement, HEARD_STATEMENT_GIVEN_TIME, time);
  heard_statement_set_text (statement, HEARD_STATEMENT_PLACE, pick (rng, HEARD_PRACTICE_PLACES));
  heard_statement_set_text (statement, HEARD_STATEMENT_PRESENT,
                            pick (rng, HEARD_PRACTICE_PRESENT));
  heard_statement_set_text (statement, HEARD_STATEMENT_CONTEXT,
                            pick (rng, HEARD_PRACTICE_CONTEXTS));
  if (rng_chance (rng, 15))
    heard_statement_set_text (statement, HEARD_STATEMENT_THEIR_NOTE,
                              pick (rng, HEARD_PRACTICE_THEIR_NOTES));
  if (!sensitive && rng_chance (rng, 40))
    heard_statement_set_text (statement, HEARD_STATEMENT_SHARE_WITH,
                              heard_agency_to_code (rng_chance (rng, 50) ? HEARD_AGENCY_SCHOOL
                                                                        : HEARD_AGENCY_HEALTH));
  heard_statement_set_given_how (statement, rng_below (rng, HEARD_GIVEN_N_WAYS));
  heard_statement_set_read_back (statement, rng_below (rng, HEARD_READ_BACK_N_ANSWERS));
  heard_statement_set_sensitive (statement, sensitive);
  if (sensitive)
    heard_statement_set_text (statement, HEARD_STATEMENT_CONTENT_NOTE,
                              heard_practice_words (HEARD_PRACTICE_CONTENT_NOTES)->items[saying]);

  return statement;
}

/* Consent with an end, where they agreed their words may be shared: for
 * every fourth young person it runs until a day next year, for every
 * fourth after that it ended half-way since, and for every fifth they
 * withdrew it a month after giving it (or today, if that is sooner). */
static gboolean
add_consent_changes (Generator       *generator,
                     PersonRecords   *records,
                     GPtrArray       *statements,
                     const gint64    *ids,
                     const int       *days,
                     GError         **error)
{
  g_autofree char *ends_on = NULL;
  g_autofree char *withdrawn_on = NULL;
  Slot *slots;
  guint i;

  for (i = 0; i < statements->len; i++)
    if (!heard_text_is_blank (heard_statement_get_text (g_ptr_array_index (statements, i),
                                                        HEARD_STATEMENT_SHARE_WITH)))
      break;
  if (i == statements->len)
    return TRUE;

  if (records->index % 4 == 1)
    ends_on = day_from_today (generator, -300);
  else if (records->index % 4 == 3)
    ends_on = day_from_today (generator, days[i] / 2);
  else if (records->index % 5 == 2)
    withdrawn_on = day_from_today (generator, MAX (days[i] - 30, 0));
  else
    return TRUE;

  slots = new_slots (generator, 1);
  heard_store_set_statement_consent_async (generator->store, ids[i], ends_on ? ends_on : "",
                                           withdrawn_on ? withdrawn_on : "", NULL, landed_cb,
                                           &slots[0]);
  return finish_ids (generator, slots, 1, heard_store_set_statement_consent_finish, NULL, error);
}

/* The young person's own words over the last two years: some sensitive,
 * some amended with a reason, most answered ("You said — we did") and the
 * young person told, some not yet. */
static gboolean
add_statements (Generator      *generator,
                PersonRecords  *records,
                GError        **error)
{
  Rng rng = stream_for (generator, records->index, STREAM_STATEMENTS);
  /* The one they type in co-design is made there. */
  guint n = count_statements (generator, records->index) - (has_codesign (records) ? 1 : 0);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree gint64 *ids = g_new0 (gint64, MAX (n, 1));
  g_autofree int *days = g_new0 (int, MAX (n, 1));
  g_autofree gint64 *response_ids = NULL;
  g_autoptr(GArray) answered = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) told = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) amended = g_array_new (FALSE, FALSE, sizeof (guint));
  Slot *slots;

  slots = new_slots (generator, n);
  for (guint i = 0; i < n; i++)
    {
      HeardStatement *statement;

      days[i] = (int) rng_below (&rng, 730);
      statement = make_statement (generator, records, &rng, days[i]);
      g_ptr_array_add (statements, statement);
      heard_store_record_statement_async (generator->store, statement, NULL, landed_cb,
                                          &slots[i]);
    }
  if (!finish_ids (generator, slots, n, heard_store_record_statement_finish, ids, error))
    return FALSE;
  records->first_statement_id = n > 0 ? ids[0] : 0;
  if (!add_consent_changes (generator, records, statements, ids, days, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      /* The newest are the ones still waiting for an answer. */
      if (days[i] > 10 && rng_chance (&rng, 55))
        g_array_append_val (answered, i);
      if (rng_chance (&rng, 5))
        g_array_append_val (amended, i);
    }

  response_ids = g_new0 (gint64, MAX (answered->len, 1));
  slots = new_slots (generator, answered->len);
  for (guint i = 0; i < answered->len; i++)
    {
      guint s = g_array_index (answered, guint, i);
      g_autoptr(HeardStatementResponse) response = heard_statement_response_new ();

      heard_statement_response_set_statement_id (response, ids[s]);
      heard_statement_response_set_what_we_did (response, pick (&rng,
                                                                HEARD_PRACTICE_WHAT_WE_DID));
      if (records->action_ids->len > 0 && rng_chance (&rng, 60))
        heard_statement_response_add_action (response,
                                             g_array_index (records->action_ids, gint64,
                                                            rng_below (&rng,
                                                                       records->action_ids->len)),
                                             NULL);
      heard_store_answer_statement_async (generator->store, response, NULL, landed_cb,
                                          &slots[i]);
      if (rng_chance (&rng, 70))
        g_array_append_val (told, i);
    }
  if (!finish_ids (generator, slots, answered->len, heard_store_answer_statement_finish,
                   response_ids, error))
    return FALSE;

  slots = new_slots (generator, told->len + amended->len);
  for (guint i = 0; i < told->len; i++)
    {
      guint r = g_array_index (told, guint, i);
      int said = days[g_array_index (answered, guint, r)];
      g_autofree char *told_on = day_from_today (generator,
                                                 MAX (0, said - 1 - (int) rng_below (&rng, 10)));

      heard_store_mark_response_told_async (generator->store, response_ids[r], told_on, NULL,
                                            landed_cb, &slots[i]);
    }
  for (guint i = 0; i < amended->len; i++)
    {
      guint s = g_array_index (amended, guint, i);
      HeardStatement *original = g_ptr_array_index (statements, s);
      g_autoptr(HeardStatement) amendment = heard_statement_copy (original);
      g_autofree char *words = g_strdup_printf ("%s %s",
                                                heard_statement_get_words (original),
                                                pick (&rng, HEARD_PRACTICE_ADDITIONS));

      heard_statement_set_id (amendment, ids[s]);
      heard_statement_set_version (amendment, 1);
      heard_statement_set_text (amendment, HEARD_STATEMENT_WORDS, words);
      heard_statement_set_text (amendment, HEARD_STATEMENT_REASON,
                                pick (&rng, HEARD_PRACTICE_AMEND_REASONS));
      heard_store_amend_statement_async (generator->store, amendment, NULL, landed_cb,
                                         &slots[told->len + i]);
    }

  /* Finished one kind at a time: the two finish differently. */
  wait_for_writes (generator);
  for (guint i = 0; i < told->len + amended->len; i++)
    {
      GError *local = NULL;

      if (i < told->len)
        finish_told (generator->store, slots[i].result, &local);
      else
        finish_amended (generator->store, slots[i].result, &local);
      if (local != NULL)
        {
          g_propagate_error (error, local);
          free_slots (slots, told->len + amended->len);
          return FALSE;
        }
    }
  free_slots (slots, told->len + amended->len);

  return TRUE;
}

/* One rater's rating: mostly given, near @level (0 to 10), sometimes
 * skipped or "I'd rather not say" (@not_say percent of the time). */
static void
pick_rating (Rng         *rng,
             int          level,
             guint        not_say,
             HeardRating *rating)
{
  guint roll = rng_below (rng, 100);
  int value = level + (int) rng_below (rng, 3) - 1;

  rating->state = roll < not_say ? HEARD_RATING_RATHER_NOT_SAY
                  : roll < not_say + 5 ? HEARD_RATING_SKIPPED : HEARD_RATING_GIVEN;
  rating->value = rating->state == HEARD_RATING_GIVEN ? (guint) CLAMP (value, 0, HEARD_RATING_MAX)
                                                      : 0;
}

/* @level moved a step up now and then, and down less often. */
static int
drift (Rng *rng,
       int  level,
       int  up_percent)
{
  int moved = level + (rng_chance (rng, up_percent) ? 1 : 0) - (rng_chance (rng, 20) ? 1 : 0);

  return CLAMP (moved, 0, HEARD_RATING_MAX);
}

/* A check-in every two to four weeks for a little over a year, on the
 * young person's plan: each area rated by them and by their worker, who
 * mostly agree and now and then see it differently; their safety scale;
 * often a few words of theirs and a note. Things get slowly better, with
 * bad weeks, as they do. */
static gboolean
add_check_ins (Generator      *generator,
               PersonRecords  *records,
               GError        **error)
{
  Rng rng = stream_for (generator, records->index, STREAM_CHECK_INS);
  g_autoptr(GPtrArray) check_ins = g_ptr_array_new_with_free_func (g_object_unref);
  int levels[HEARD_AREA_N_KINDS];
  int safety = 2 + (int) rng_below (&rng, 4);
  int days_before = 380 + (int) rng_below (&rng, 60);
  Slot *slots;

  for (guint a = 0; a < records->n_areas; a++)
    levels[a] = 2 + (int) rng_below (&rng, 5);

  while (days_before >= 0)
    {
      g_autofree char *day = day_from_today (generator, days_before);
      HeardCheckIn *check_in = heard_check_in_new (records->plan_id);
      HeardRating rating;

      heard_check_in_set_text (check_in, HEARD_CHECK_IN_DAY, day);
      for (guint a = 0; a < records->n_areas; a++)
        {
          int worker_level = levels[a] + (rng_chance (&rng, 15) ? (rng_chance (&rng, 50) ? 3 : -3)
                                                                : 0);

          pick_rating (&rng, levels[a], 4, &rating);
          heard_check_in_set_rating (check_in, records->area_kinds[a], HEARD_RATER_YOUNG_PERSON,
                                     rating.state, rating.value);
          pick_rating (&rng, worker_level, 0, &rating);
          heard_check_in_set_rating (check_in, records->area_kinds[a], HEARD_RATER_WORKER,
                                     rating.state, rating.value);
          levels[a] = drift (&rng, levels[a], 45);
        }
      pick_rating (&rng, safety, 8, &rating);
      heard_check_in_set_safety (check_in, rating.state, rating.value);
      safety = drift (&rng, safety, 40);
      if (rng_chance (&rng, 60))
        heard_check_in_set_text (check_in, HEARD_CHECK_IN_THEIR_WORDS,
                                 pick (&rng, HEARD_PRACTICE_CHECK_IN_WORDS));
      if (rng_chance (&rng, 50))
        heard_check_in_set_text (check_in, HEARD_CHECK_IN_WORKER_NOTE,
                                 pick (&rng, HEARD_PRACTICE_CHECK_IN_NOTES));
      heard_check_in_set_text (check_in, HEARD_CHECK_IN_PRESENT,
                               pick (&rng, HEARD_PRACTICE_PRESENT));
      g_ptr_array_add (check_ins, check_in);
      days_before -= 14 + (int) rng_below (&rng, 15);
    }

  slots = new_slots (generator, check_ins->len);
  for (guint i = 0; i < check_ins->len; i++)
    heard_store_save_check_in_async (generator->store, g_ptr_array_index (check_ins, i), NULL,
                                     landed_cb, &slots[i]);

  return finish_ids (generator, slots, check_ins->len, heard_store_save_check_in_finish, NULL,
                     error);
}

/* The practice agencies directory. */
static gboolean
add_agencies (Generator  *generator,
              GError    **error)
{
  g_autoptr(GPtrArray) agencies = g_ptr_array_new_with_free_func (g_object_unref);
  Slot *slots = new_slots (generator, N_PRACTICE_AGENCIES);

  for (guint i = 0; i < N_PRACTICE_AGENCIES; i++)
    {
      HeardDirectoryAgency *agency = heard_directory_agency_new (practice_agencies[i].type,
                                                                 practice_agencies[i].name);

      heard_directory_agency_set_text (agency, HEARD_DIRECTORY_AGENCY_CONTACT_NAME,
                                       practice_agencies[i].contact);
      heard_directory_agency_set_text (agency, HEARD_DIRECTORY_AGENCY_CONTACT_HOW,
                                       practice_agencies[i].how);
      g_ptr_array_add (agencies, agency);
      heard_store_save_agency_async (generator->store, agency, NULL, landed_cb, &slots[i]);
    }

  return finish_ids (generator, slots, N_PRACTICE_AGENCIES, heard_store_save_agency_finish,
                     generator->agency_ids, error);
}

static HeardChronologyEntry *
make_entry (Generator      *generator,
            PersonRecords  *records,
            guint           which,
            int             days_before)
{
  HeardChronologyEntry *entry = heard_chronology_entry_new (heard_person_get_id (records->person),
                                                            practice_entries[which].nature,
                                                            practice_entries[which].kind);
  GDate day = generator->today;

  g_date_subtract_days (&day, (guint) days_before);
  heard_chronology_entry_set_when (entry, HEARD_DATE_PRECISION_DAY, &day, NULL);
  heard_chronology_entry_set_agency_id (entry,
                                        generator->agency_ids[practice_entries[which].agency]);
  heard_chronology_entry_set_text (entry, HEARD_CHRONOLOGY_SEEN, practice_entries[which].seen);
  heard_chronology_entry_set_text (entry, HEARD_CHRONOLOGY_REPORTER,
                                   practice_agencies[practice_entries[which].agency].contact);
  return entry;
}

/* Warning signs and strengths from several agencies. Every fifth young
 * person (the first among them) has a cluster: a sign from each school and
 * one from the police within a fortnight, the first linked to a statement
 * of theirs. Some days are known only roughly. */
static gboolean
add_chronology (Generator      *generator,
                PersonRecords  *records,
                GError        **error)
{
  Rng rng = stream_for (generator, records->index, STREAM_CHRONOLOGY);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = 2 + rng_below (&rng, 4);
  Slot *slots;

  if (records->index % 5 == 0)
    {
      static const guint cluster[] = { 0, 1, 3 };
      int start = 30 + (int) rng_below (&rng, 60);

      for (guint i = 0; i < G_N_ELEMENTS (cluster); i++)
        {
          HeardChronologyEntry *entry = make_entry (generator, records, cluster[i],
                                                    start - (int) (i * 6));

          if (i == 0)
            heard_chronology_entry_set_statement_id (entry, records->first_statement_id);
          g_ptr_array_add (entries, entry);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      int days_before = 120 + (int) rng_below (&rng, 600);
      HeardChronologyEntry *entry = make_entry (generator, records,
                                                rng_below (&rng, G_N_ELEMENTS (practice_entries)),
                                                days_before);

      /* Remembered later: "some time in March", or "around" a month. */
      if (rng_chance (&rng, 30))
        {
          GDate day = generator->today, latest;

          g_date_subtract_days (&day, (guint) days_before);
          latest = day;
          g_date_add_days (&latest, 20);
          if (rng_chance (&rng, 50))
            heard_chronology_entry_set_when (entry, HEARD_DATE_PRECISION_MONTH, &day, NULL);
          else
            heard_chronology_entry_set_when (entry, HEARD_DATE_PRECISION_AROUND, &day, &latest);
        }
      g_ptr_array_add (entries, entry);
    }

  slots = new_slots (generator, entries->len);
  for (guint i = 0; i < entries->len; i++)
    heard_store_record_chronology_entry_async (generator->store, g_ptr_array_index (entries, i),
                                               NULL, landed_cb, &slots[i]);

  return finish_ids (generator, slots, entries->len, heard_store_record_chronology_entry_finish,
                     NULL, error);
}

/* A share as a worker would log it: what, with whom, why; the young
 * person agreed and was told unless the caller says otherwise. */
static HeardSharingEntry *
make_share (Generator            *generator,
            PersonRecords        *records,
            HeardSharingDecision  decision,
            guint                 agency,
            int                   days_before,
            const char           *what,
            const char           *why)
{
  HeardSharingEntry *entry = heard_sharing_entry_new (heard_person_get_id (records->person),
                                                      decision);
  g_autofree char *day = day_from_today (generator, days_before);

  heard_sharing_entry_set_agency_id (entry, generator->agency_ids[agency]);
  heard_sharing_entry_set_text (entry, HEARD_SHARING_CONTACT, practice_agencies[agency].contact);
  heard_sharing_entry_set_shared_on (entry, day);
  heard_sharing_entry_set_text (entry, HEARD_SHARING_WHAT, what);
  heard_sharing_entry_set_text (entry,
                                decision == HEARD_SHARING_SHARED ? HEARD_SHARING_NECESSARY
                                                                 : HEARD_SHARING_NOT_SHARED_REASON,
                                why);
  return entry;
}

/* The sharing log: for everyone a share they agreed to (half of them
 * their first statement with it) and a decision not to share; for every
 * third young person (the first among them) a share with the police made
 * without their agreement, with the reason, who decided and why they were
 * not told. */
static gboolean
add_sharing (Generator      *generator,
             PersonRecords  *records,
             GError        **error)
{
  static const HeardSharingMethod methods[] = {
    HEARD_SHARING_METHOD_MEETING, HEARD_SHARING_METHOD_EMAIL,
    HEARD_SHARING_METHOD_SECURE_TRANSFER, HEARD_SHARING_METHOD_PHONE,
  };
  Rng rng = stream_for (generator, records->index, STREAM_SHARING);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  HeardSharingEntry *entry;
  Slot *slots;

  entry = make_share (generator, records, HEARD_SHARING_SHARED,
                      rng_chance (&rng, 50) ? SCHOOL_A : SCHOOL_B, 20 + (int) rng_below (&rng, 150),
                      "How she is getting on at home, and what helps her in lessons.",
                      "So school can give her a quiet place and time out when she needs it.");
  heard_sharing_entry_set_method (entry, methods[rng_below (&rng, G_N_ELEMENTS (methods))]);
  heard_sharing_entry_set_lawful_basis (entry, "consent");
  heard_sharing_entry_set_text (entry, HEARD_SHARING_PURPOSE, "Support at school");
  heard_sharing_entry_set_agreed (entry, HEARD_SHARING_AGREED_YES);
  heard_sharing_entry_set_told (entry, TRUE);
  if (records->index % 2 == 0 && records->first_statement_id > 0)
    heard_sharing_entry_add_link (entry, HEARD_SHARING_LINK_STATEMENT,
                                  records->first_statement_id);
  g_ptr_array_add (entries, entry);

  entry = make_share (generator, records, HEARD_SHARING_NOT_SHARED,
                      rng_chance (&rng, 50) ? YOUTH_WORK : VOLUNTARY,
                      10 + (int) rng_below (&rng, 100), "Her statement about the last month.",
                      "She asked us not to, and sharing it would not make anyone safer.");
  heard_sharing_entry_set_text (entry, HEARD_SHARING_PURPOSE, "The youth project asked for it");
  g_ptr_array_add (entries, entry);

  if (records->index % 3 == 0)
    {
      entry = make_share (generator, records, HEARD_SHARING_SHARED, POLICE,
                          5 + (int) rng_below (&rng, 60),
                          "The car and the places she was seen going missing from.",
                          "She was missing that night and the police needed to find her.");
      heard_sharing_entry_set_method (entry, HEARD_SHARING_METHOD_PHONE);
      heard_sharing_entry_set_lawful_basis (entry, "safeguarding");
      heard_sharing_entry_set_agreed (entry, rng_chance (&rng, 50) ? HEARD_SHARING_AGREED_NO
                                                                   : HEARD_SHARING_AGREED_NOT_ASKED);
      heard_sharing_entry_set_text (entry, HEARD_SHARING_AGREEMENT_REASON,
                                    "She could not be reached, and waiting would have put her "
                                    "at risk.");
      heard_sharing_entry_set_text (entry, HEARD_SHARING_DECIDED_BY,
                                    "Team manager, with the duty social worker");
      heard_sharing_entry_set_told (entry, FALSE);
      heard_sharing_entry_set_text (entry, HEARD_SHARING_NOT_TOLD_REASON,
                                    "Not yet: we will tell her at the next visit, when she is "
                                    "safe.");
      heard_sharing_entry_set_text (entry, HEARD_SHARING_PURPOSE, "Finding her");
      g_ptr_array_add (entries, entry);
    }

  slots = new_slots (generator, entries->len);
  for (guint i = 0; i < entries->len; i++)
    heard_store_record_sharing_entry_async (generator->store, g_ptr_array_index (entries, i),
                                            NULL, landed_cb, &slots[i]);

  return finish_ids (generator, slots, entries->len, heard_store_record_sharing_entry_finish,
                     NULL, error);
}

/* A co-design session a few weeks ago (has_codesign()): they rated their areas and their safety themselves
 * (one area skipped, now and then "I'd rather not say"), typed a
 * statement of their own (read back and agreed), wrote their goal for
 * their first area in their words (and, for every fourth, changed it
 * later) and what helps them for their second, and said whether they
 * agree with their plan. */
static gboolean
add_codesign (Generator      *generator,
              PersonRecords  *records,
              GError        **error)
{
  /* In step with HEARD_PRACTICE_PLAN_SAYS. */
  static const HeardSayKind say_kinds[] = {
    HEARD_SAY_AGREES, HEARD_SAY_AGREES, HEARD_SAY_NOT_SURE, HEARD_SAY_AGREES,
    HEARD_SAY_DOES_NOT_AGREE,
  };
  Rng rng = stream_for (generator, records->index, STREAM_CODESIGN);
  gint64 person_id = heard_person_get_id (records->person);
  int days_before = 7 + (int) rng_below (&rng, 40);
  g_autofree char *day = day_from_today (generator, days_before);
  g_autoptr(HeardCheckIn) check_in = NULL;
  g_autoptr(HeardStatement) statement = NULL;
  g_autoptr(HeardPlanSay) say = NULL;
  g_autoptr(HeardForThemMark) staff_only = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_object_unref);
  guint said = rng_below (&rng, heard_practice_words (HEARD_PRACTICE_PLAN_SAYS)->n_items);
  HeardRating rating;
  Slot *slots;

  g_assert (heard_practice_words (HEARD_PRACTICE_PLAN_SAYS)->n_items ==
            G_N_ELEMENTS (say_kinds));
  if (!has_codesign (records))
    return TRUE;

  check_in = heard_check_in_new (records->plan_id);
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_DAY, day);
  for (guint a = 0; a < records->n_areas; a++)
    {
      if (a == records->n_areas - 1 && records->n_areas > 1)
        rating = (HeardRating) { HEARD_RATING_SKIPPED, 0 };
      else
        pick_rating (&rng, 4 + (int) rng_below (&rng, 4), 10, &rating);
      heard_check_in_set_rating (check_in, records->area_kinds[a], HEARD_RATER_YOUNG_PERSON,
                                 rating.state, rating.value);
    }
  pick_rating (&rng, 5 + (int) rng_below (&rng, 3), 10, &rating);
  heard_check_in_set_safety (check_in, rating.state, rating.value);
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_THEIR_WORDS,
                           pick (&rng, HEARD_PRACTICE_CHECK_IN_WORDS));
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_PRESENT, "Their worker, in co-design");

  statement = heard_statement_new ();
  heard_statement_set_person_id (statement, person_id);
  heard_statement_set_text (statement, HEARD_STATEMENT_WORDS,
                            pick (&rng, HEARD_PRACTICE_TYPED_SAYINGS));
  heard_statement_set_text (statement, HEARD_STATEMENT_GIVEN_ON, day);
  heard_statement_set_text (statement, HEARD_STATEMENT_PLACE, "Co-design, at the project");
  heard_statement_set_given_how (statement, HEARD_GIVEN_TYPED);
  heard_statement_set_read_back (statement, HEARD_READ_BACK_AGREED);

  g_ptr_array_add (words, heard_own_words_new (person_id, records->plan_id,
                                               records->area_kinds[0], HEARD_OWN_GOAL,
                                               pick (&rng, HEARD_PRACTICE_OWN_GOALS)));
  if (records->index % 4 == 0)
    g_ptr_array_add (words, heard_own_words_new (person_id, records->plan_id,
                                                 records->area_kinds[0], HEARD_OWN_GOAL,
                                                 pick (&rng, HEARD_PRACTICE_OWN_GOALS)));
  if (records->n_areas > 1)
    g_ptr_array_add (words, heard_own_words_new (person_id, records->plan_id,
                                                 records->area_kinds[1], HEARD_OWN_WHAT_HELPS,
                                                 pick (&rng, HEARD_PRACTICE_WHAT_HELPS)));
  say = heard_plan_say_new (records->plan_id, say_kinds[said],
                            heard_practice_words (HEARD_PRACTICE_PLAN_SAYS)->items[said]);

  /* One kind at a time: each finishes differently. */
  slots = new_slots (generator, 1);
  heard_store_save_check_in_async (generator->store, check_in, NULL, landed_cb, &slots[0]);
  if (!finish_ids (generator, slots, 1, heard_store_save_check_in_finish, NULL, error))
    return FALSE;
  slots = new_slots (generator, 1);
  heard_store_record_statement_async (generator->store, statement, NULL, landed_cb, &slots[0]);
  if (!finish_ids (generator, slots, 1, heard_store_record_statement_finish, NULL, error))
    return FALSE;
  slots = new_slots (generator, words->len);
  for (guint i = 0; i < words->len; i++)
    heard_store_record_own_words_async (generator->store, g_ptr_array_index (words, i), NULL,
                                        landed_cb, &slots[i]);
  if (!finish_ids (generator, slots, words->len, heard_store_record_own_words_finish, NULL,
                   error))
    return FALSE;
  slots = new_slots (generator, 1);
  heard_store_record_plan_say_async (generator->store, say, NULL, landed_cb, &slots[0]);
  if (!finish_ids (generator, slots, 1, heard_store_record_plan_say_finish, NULL, error))
    return FALSE;
  if (records->action_ids->len == 0)
    return TRUE;

  /* Their worker kept one action for staff: the plan shows it "Staff
   * only", and co-design and their own record leave it out. */
  staff_only = heard_for_them_mark_new (person_id, HEARD_FOR_THEM_ACTION,
                                        g_array_index (records->action_ids, gint64, 0), FALSE,
                                        NULL);
  slots = new_slots (generator, 1);
  heard_store_set_for_them_async (generator->store, staff_only, NULL, landed_cb, &slots[0]);

  return finish_ids (generator, slots, 1, heard_store_set_for_them_finish, NULL, error);
}

/* Every kind of record a young person has, made in one place: a feature
 * that brings a new kind adds its function here (and a Stream for it). */
static gboolean
make_records_for_person (Generator  *generator,
                         guint       index,
                         GError    **error)
{
  PersonRecords records = { index };
  gboolean made;

  records.action_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  made = add_person (generator, &records, error) &&
         add_plan (generator, &records, error) &&
         add_statements (generator, &records, error) &&
         add_check_ins (generator, &records, error) &&
         add_chronology (generator, &records, error) &&
         add_sharing (generator, &records, error) &&
         add_codesign (generator, &records, error);
  g_clear_object (&records.person);
  g_array_unref (records.action_ids);

  return made;
}

static gboolean
make_records (Generator  *generator,
              GError    **error)
{
  if (!add_staff (generator, error) || !add_agencies (generator, error))
    return FALSE;

  for (guint i = 0; i < generator->n_people; i++)
    {
      if (g_cancellable_set_error_if_cancelled (generator->cancellable, error) ||
          !make_records_for_person (generator, i, error))
        return FALSE;
    }

  return TRUE;
}

/* Opens a new store in @folder, fills it, notes the audit trail's head
 * in @info and closes the store, which syncs everything. */
static gboolean
fill_folder (Generator          *generator,
             const char         *folder,
             const HeardKey     *key,
             HeardDatabaseInfo  *info,
             GError            **error)
{
  g_autofree char *path = g_build_filename (folder, HEARD_DATABASE_FILE, NULL);
  g_autoptr(HeardAuditAnchor) anchor = NULL;
  gboolean made;
  Slot *slots;

  generator->store = heard_sqlite_store_new (path);

  slots = new_slots (generator, 1);
  heard_sqlite_store_open_async (HEARD_SQLITE_STORE (generator->store), key,
                                 HEARD_SQLITE_STORE_OPEN_CREATE |
                                 HEARD_SQLITE_STORE_OPEN_FICTIONAL,
                                 NULL, landed_cb, &slots[0]);
  wait_for_writes (generator);
  made = heard_sqlite_store_open_finish (HEARD_SQLITE_STORE (generator->store),
                                         slots[0].result, error);
  free_slots (slots, 1);

  made = made && make_records (generator, error);

  if (made)
    {
      slots = new_slots (generator, 1);
      heard_store_read_audit_head_async (generator->store, NULL, landed_cb, &slots[0]);
      wait_for_writes (generator);
      anchor = heard_store_read_audit_head_finish (generator->store, slots[0].result, error);
      free_slots (slots, 1);
      made = anchor != NULL;
    }

  if (made)
    {
      info->audit_anchor = heard_audit_anchor_to_string (anchor);
      info->audit_anchor_mac = heard_audit_anchor_sign (info->audit_anchor, info->uuid, key);
    }

  /* Closed whatever happened; only a close after success must succeed. */
  slots = new_slots (generator, 1);
  heard_store_close_async (generator->store, NULL, landed_cb, &slots[0]);
  wait_for_writes (generator);
  if (made)
    made = heard_store_close_finish (generator->store, slots[0].result, error);
  free_slots (slots, 1);
  g_clear_object (&generator->store);

  return made;
}

static gboolean
set_folder_error (GError     **error,
                  const char  *path)
{
  int saved_errno = errno;

  g_set_error (error, HEARD_PRACTICE_ERROR, HEARD_PRACTICE_ERROR_FAILED,
               _("The practice records could not be written to %s: %s"), path,
               g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_private_file (const char  *path,
                    const char  *contents,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (!g_file_set_contents_full (path, contents, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local))
    {
      g_set_error (error, HEARD_PRACTICE_ERROR, HEARD_PRACTICE_ERROR_FAILED,
                   _("The practice records could not be written: %s"), local->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_info (const char               *folder,
            const HeardDatabaseInfo  *info,
            GError                  **error)
{
  g_autofree char *path = g_build_filename (folder, HEARD_INFO_FILE, NULL);
  gsize length = 0;
  g_autofree char *contents = _heard_database_info_to_data (info, &length);

  return write_private_file (path, contents, length, error);
}

static gboolean
sync_folder (const char  *folder,
             GError     **error)
{
  return heard_files_sync (folder) || set_folder_error (error, folder);
}

/* Whether @data_dir holds nothing but perhaps a lock file. */
static gboolean
folder_is_empty (const char *data_dir)
{
  g_autoptr(GDir) dir = g_dir_open (data_dir, 0, NULL);
  const char *name;

  if (dir == NULL)
    return errno == ENOENT;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_strcmp0 (name, HEARD_FOLDER_LOCK_FILE) != 0)
        return FALSE;
    }

  return TRUE;
}

/* The new set's key and note, before any record. */
static gboolean
prepare_folder (const char         *folder,
                const HeardKey     *key,
                HeardDatabaseInfo  *info,
                GError            **error)
{
  g_autofree char *key_path = g_build_filename (folder, HEARD_PRACTICE_KEY_FILE, NULL);
  g_autoptr(HeardSecretString) hex = heard_key_to_hex (key);
  g_autoptr(HeardSecretString) line = g_strconcat (hex, "\n", NULL);

  info->uuid = g_uuid_string_random ();
  info->practice = TRUE;
  info->database_created = TRUE;
  info->recovery_confirmed = TRUE;

  return write_private_file (key_path, line, strlen (line), error) &&
         write_info (folder, info, error);
}

/* Puts the finished set in @making under the name @data_dir, in one step,
 * then removes what was there before. */
static gboolean
swap_into_place (const char  *making,
                 const char  *data_dir,
                 GError     **error)
{
  g_autofree char *parent = g_path_get_dirname (data_dir);

  if (!heard_files_exchange (making, data_dir))
    {
      g_autofree char *old = NULL;

      /* A file system that cannot swap in one step: the old set steps
       * aside first. Stopped in between, the new set is whole under its
       * temporary name, and the old one under another. */
      if (errno != EINVAL && errno != ENOSYS)
        return set_folder_error (error, data_dir);

      old = g_strconcat (data_dir, ".old-XXXXXX", NULL);
      if (g_mkdtemp_full (old, 0700) == NULL ||
          g_rename (data_dir, old) != 0 ||
          g_rename (making, data_dir) != 0)
        return set_folder_error (error, data_dir);
      g_rename (old, making);
    }

  if (!sync_folder (parent, error))
    return FALSE;

  /* @making now holds the set replaced. */
  heard_files_remove_tree (making);

  return TRUE;
}

/* Removes the half sets that generators killed part-way left beside
 * @data_dir: those of processes of this computer that are gone, or a
 * week old (the folder may be on a drive other computers use too). */
static void
remove_abandoned_sets (const char *data_dir)
{
  g_autofree char *parent = g_path_get_dirname (data_dir);
  g_autofree char *base = g_path_get_basename (data_dir);
  g_autofree char *prefix = g_strconcat (base, MAKING_INFIX, NULL);
  g_autoptr(GDir) listing = g_dir_open (parent, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, prefix))
        continue;
      path = g_build_filename (parent, name, NULL);
      if (heard_files_temp_abandoned (path, name + strlen (prefix)))
        heard_files_remove_tree (path);
    }
}

static void
generate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(HeardFolderLock) lock = NULL;
  g_autoptr(HeardKey) key = NULL;
  g_autofree char *making = NULL;
  g_autofree char *tag = heard_files_temp_tag (getpid ());
  g_auto(HeardDatabaseInfo) info = { 0 };
  Generator generator = { 0 };
  GError *error = NULL;
  gboolean made;

  /* Nothing is written, not even a lock file, into a folder that is not
   * a practice set (or empty). */
  if (!folder_is_empty (request->data_dir) &&
      !heard_practice_folder_is_practice (request->data_dir))
    {
      g_task_return_new_error (task, HEARD_PRACTICE_ERROR, HEARD_PRACTICE_ERROR_REAL_RECORDS,
                               _("%s holds records that are not practice records, so no "
                                 "practice records were made there and nothing in it was "
                                 "changed. Choose an empty folder."), request->data_dir);
      return;
    }

  if (g_mkdir_with_parents (request->data_dir, 0700) != 0)
    {
      set_folder_error (&error, request->data_dir);
      g_task_return_error (task, error);
      return;
    }

  /* Held until the new set is in place: no Heard opens the folder meanwhile. */
  lock = heard_folder_lock_acquire (request->data_dir, &error);
  if (lock == NULL)
    {
      gboolean busy = g_error_matches (error, HEARD_FOLDER_LOCK_ERROR,
                                       HEARD_FOLDER_LOCK_ERROR_BUSY);

      g_task_return_new_error (task, HEARD_PRACTICE_ERROR,
                               busy ? HEARD_PRACTICE_ERROR_IN_USE
                                    : HEARD_PRACTICE_ERROR_FAILED,
                               busy ? _("Heard is open with the practice records in %s. "
                                        "Close it there first; nothing was changed.")
                                    : _("The practice records in %s could not be replaced: %s"),
                               request->data_dir, error->message);
      g_error_free (error);
      return;
    }

  remove_abandoned_sets (request->data_dir);
  making = g_strconcat (request->data_dir, MAKING_INFIX, tag, "XXXXXX", NULL);
  if (g_mkdtemp_full (making, 0700) == NULL)
    {
      set_folder_error (&error, making);
      g_task_return_error (task, error);
      return;
    }

  key = heard_key_new_random ();
  generator.context = g_main_context_new ();
  generator.cancellable = cancellable;
  generator.seed = request->seed;
  generator.today = request->today;
  generator.n_people = request->n_people;

  g_main_context_push_thread_default (generator.context);
  made = prepare_folder (making, key, &info, &error) &&
         fill_folder (&generator, making, key, &info, &error);
  g_main_context_pop_thread_default (generator.context);
  g_main_context_unref (generator.context);

  made = made &&
         write_info (making, &info, &error) &&
         sync_folder (making, &error) &&
         swap_into_place (making, request->data_dir, &error);

  if (!made)
    {
      heard_files_remove_tree (making);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* HEARD_DATA_DIR=/tmp/x/heard gives /tmp/x/heard-practice. */
char *
heard_practice_default_dir (void)
{
  g_autofree char *data_dir = heard_context_default_data_dir ();
  g_autofree char *trimmed = g_strdup (data_dir);
  gsize length = strlen (trimmed);

  while (length > 1 && trimmed[length - 1] == G_DIR_SEPARATOR)
    trimmed[--length] = '\0';

  return g_strconcat (trimmed, "-practice", NULL);
}

gboolean
heard_practice_folder_is_practice (const char *data_dir)
{
  g_auto(HeardDatabaseInfo) info = { 0 };

  g_return_val_if_fail (data_dir != NULL, FALSE);

  return _heard_database_info_read (&info, data_dir) && info.practice;
}

void
heard_practice_generate_async (const char          *data_dir,
                               guint                n_people,
                               guint64              seed,
                               const GDate         *today,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;
  GDate now;

  g_return_if_fail (data_dir != NULL);
  g_return_if_fail (today == NULL || g_date_valid (today));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_practice_generate_async);

  heard_date_today (&now);
  if (n_people == 0)
    {
      g_task_return_new_error (task, HEARD_PRACTICE_ERROR, HEARD_PRACTICE_ERROR_INVALID, "%s",
                               _("Practice records need at least one young person."));
      return;
    }
  /* Records are never dated in the future. */
  if (today != NULL && g_date_compare (today, &now) > 0)
    {
      g_task_return_new_error (task, HEARD_PRACTICE_ERROR, HEARD_PRACTICE_ERROR_INVALID, "%s",
                               _("Practice records cannot be made for a day after today."));
      return;
    }

  request = g_new0 (Request, 1);
  /* Absolute, with no separator at the end: the set is made beside it. */
  request->data_dir = g_canonicalize_filename (data_dir, NULL);
  request->n_people = n_people;
  request->seed = seed;
  request->today = today != NULL ? *today : now;
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  g_task_run_in_thread (task, generate_thread);
}

gboolean
heard_practice_generate_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        heard_practice_generate_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

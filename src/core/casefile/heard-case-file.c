/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-case-file"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-case-file.h"
#include "heard-case-file-private.h"
#include "heard-context-private.h"
#include "heard-directory-list.h"
#include "heard-for-them.h"
#include "heard-list-util.h"
#include "heard-store-check-ins.h"
#include "heard-store-chronology.h"
#include "heard-store-codesign.h"
#include "heard-store-sharing.h"
#include "heard-store-exports.h"
#include "heard-store-open-items.h"
#include "heard-plan-private.h"
#include "heard-store-people.h"
#include "heard-store-plans.h"
#include "heard-store-statements.h"
#include "heard-store-story.h"

/*
 * One young person's records as the windows see them: the person, their
 * plans, their statements, their check-ins, their warning signs and the
 * clusters of them still waiting for a decision, and what is still open
 * about them, kept as models that change in place. Every
 * window showing the young person shares the one case file the context
 * hands out, every change to their records goes through it, and it listens
 * to the store's "changed" signal, so that a change made anywhere (another
 * window, another case file, one day a team store) shows everywhere. Rows
 * that did not change keep their objects, so views do not rebuild them.
 *
 * A write belongs to the case file, not to whoever asked for it: it
 * finishes once the models show it, even if the asker has gone.
 */

struct _HeardCaseFile
{
  GObject        parent_instance;

  HeardContext  *context;
  HeardStore    *store;
  gint64         person_id;
  HeardPerson   *person;
  GListStore    *plans;
  GListStore    *statements;
  GListStore    *check_ins;
  GListStore    *chronology;
  GListStore    *cluster_decisions;
  GListStore    *open_clusters;
  GListStore    *sharing_log;
  GListStore    *unlogged_exports;
  /* Co-design: every version of their own words, every say on their
   * plan, every change of a written-for-them mark; oldest first. */
  GListStore    *own_words;
  GListStore    *plan_says;
  GListStore    *for_them_marks;
  /* The cluster prompt's numbers in force, once read. */
  HeardClusterRule rule;
  gboolean       rule_known;
  GListStore    *open_items;
  guint          n_outstanding;
  /* Loads under way, and the writes waiting for them to land. */
  GCancellable  *cancellable;
  guint          n_loading;
  GQueue         waiting;
  char          *failure;
};

G_DEFINE_FINAL_TYPE (HeardCaseFile, heard_case_file, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERSON,
  PROP_PLANS,
  PROP_STATEMENTS,
  PROP_CHECK_INS,
  PROP_CHRONOLOGY,
  PROP_CLUSTER_DECISIONS,
  PROP_OPEN_CLUSTERS,
  PROP_OPEN_ITEMS,
  PROP_SHARING_LOG,
  PROP_UNLOGGED_EXPORTS,
  PROP_OWN_WORDS,
  PROP_PLAN_SAYS,
  PROP_FOR_THEM_MARKS,
  PROP_N_OUTSTANDING,
  PROP_LOADING,
  PROP_FAILED,
  PROP_FAILURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One load of one model. */
typedef struct
{
  HeardCaseFile *self;
} Load;

/* How a store write finishes: with an id, a yes, or a version number. */
typedef struct
{
  gint64   (*id)      (HeardStore *, GAsyncResult *, GError **);
  gboolean (*ok)      (HeardStore *, GAsyncResult *, GError **);
  guint    (*version) (HeardStore *, GAsyncResult *, GError **);
} StoreFinish;

/* A write's outcome, kept until the models show it. */
typedef struct
{
  const StoreFinish *finish;
  gint64             outcome;
} Write;

typedef GPtrArray *(*ReadFinish) (HeardStore *, GAsyncResult *, GError **);

static void find_open_clusters (HeardCaseFile *self);

static void
load_free (Load *load)
{
  g_object_unref (load->self);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Load, load_free)

static gboolean
same_strings (const char *a,
              const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

static gboolean
same_object (gpointer old,
             gpointer fresh)
{
  return old == fresh;
}

static gboolean
same_review (gpointer old,
             gpointer fresh)
{
  return heard_plan_review_get_decision (old) == heard_plan_review_get_decision (fresh) &&
         same_strings (heard_plan_review_get_decided_at (old),
                       heard_plan_review_get_decided_at (fresh)) &&
         same_strings (heard_plan_review_get_reviewer (old),
                       heard_plan_review_get_reviewer (fresh)) &&
         same_strings (heard_plan_review_get_comments (old),
                       heard_plan_review_get_comments (fresh));
}

static gboolean
same_action (HeardPlanAction *a,
             HeardPlanAction *b)
{
  if (heard_plan_action_get_id (a) != heard_plan_action_get_id (b) ||
      heard_plan_action_get_owner (a) != heard_plan_action_get_owner (b) ||
      heard_plan_action_get_owner_agency_id (a) != heard_plan_action_get_owner_agency_id (b) ||
      heard_plan_action_get_status (a) != heard_plan_action_get_status (b))
    return FALSE;

  for (guint i = 0; i < HEARD_ACTION_N_TEXTS; i++)
    {
      if (!same_strings (heard_plan_action_get_text (a, i), heard_plan_action_get_text (b, i)))
        return FALSE;
    }

  return TRUE;
}

/* An area stays only if nothing in it, its actions included, changed. */
static gboolean
same_area (gpointer old,
           gpointer fresh)
{
  GListModel *a_actions = heard_plan_area_get_actions (old);
  GListModel *b_actions = heard_plan_area_get_actions (fresh);
  guint n = g_list_model_get_n_items (a_actions);

  if (heard_plan_area_get_id (old) != heard_plan_area_get_id (fresh) ||
      heard_plan_area_get_kind (old) != heard_plan_area_get_kind (fresh) ||
      n != g_list_model_get_n_items (b_actions))
    return FALSE;

  for (guint i = 0; i < HEARD_AREA_N_TEXTS; i++)
    {
      if (!same_strings (heard_plan_area_get_text (old, i), heard_plan_area_get_text (fresh, i)))
        return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeardPlanAction) a = g_list_model_get_item (a_actions, i);
      g_autoptr(HeardPlanAction) b = g_list_model_get_item (b_actions, i);

      if (!same_action (a, b))
        return FALSE;
    }

  return TRUE;
}

static gboolean
same_statement (gpointer old,
                gpointer fresh)
{
  GPtrArray *a_answers = heard_statement_get_responses (old);
  GPtrArray *b_answers = heard_statement_get_responses (fresh);
  guint n_a = a_answers != NULL ? a_answers->len : 0;
  guint n_b = b_answers != NULL ? b_answers->len : 0;

  if (heard_statement_get_id (old) != heard_statement_get_id (fresh) ||
      heard_statement_get_version (old) != heard_statement_get_version (fresh) || n_a != n_b ||
      !same_strings (heard_statement_get_consent_ends_on (old),
                     heard_statement_get_consent_ends_on (fresh)) ||
      !same_strings (heard_statement_get_consent_withdrawn_on (old),
                     heard_statement_get_consent_withdrawn_on (fresh)))
    return FALSE;

  for (guint i = 0; i < n_a; i++)
    {
      HeardStatementResponse *a = g_ptr_array_index (a_answers, i);
      HeardStatementResponse *b = g_ptr_array_index (b_answers, i);

      if (heard_statement_response_get_id (a) != heard_statement_response_get_id (b) ||
          !same_strings (heard_statement_response_get_told_on (a),
                         heard_statement_response_get_told_on (b)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
same_open_item (gpointer old,
                gpointer fresh)
{
  return heard_open_item_get_urgency (old) == heard_open_item_get_urgency (fresh) &&
         same_strings (heard_open_item_get_view (old), heard_open_item_get_view (fresh)) &&
         same_strings (heard_open_item_get_summary (old), heard_open_item_get_summary (fresh)) &&
         same_strings (heard_open_item_get_detail (old), heard_open_item_get_detail (fresh)) &&
         same_strings (heard_open_item_get_person_name (old),
                       heard_open_item_get_person_name (fresh));
}

/* heard_list_store_update(), for a model read as a list model. */
static gboolean
update_model_in_place (GListStore    *model,
                       GListModel    *fresh,
                       HeardSameFunc  same)
{
  guint n = g_list_model_get_n_items (fresh);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, g_list_model_get_item (fresh, i));

  return heard_list_store_update (model, rows, same);
}

static void
take_string (char     **shown,
             char     **fresh,
             gboolean  *changed)
{
  if (same_strings (*shown, *fresh))
    return;

  g_free (*shown);
  *shown = g_steal_pointer (fresh);
  *changed = TRUE;
}

/* Makes the plan version shown (@plan) say what was just read of it
 * (@fresh, whose strings it takes), keeping every area and decision that did
 * not change, so that a view bound to them replaces only the rows that
 * did; whether anything changed. */
static gboolean
merge_plan (HeardPlan *plan,
            HeardPlan *fresh)
{
  gboolean changed = FALSE;

  g_assert (plan->id == fresh->id);

  if (plan->state != fresh->state || plan->closes_case != fresh->closes_case ||
      plan->version != fresh->version)
    {
      plan->state = fresh->state;
      plan->closes_case = fresh->closes_case;
      plan->version = fresh->version;
      changed = TRUE;
    }
  take_string (&plan->created_at, &fresh->created_at, &changed);
  take_string (&plan->signed_off_at, &fresh->signed_off_at, &changed);
  take_string (&plan->next_review, &fresh->next_review, &changed);
  take_string (&plan->review_limit, &fresh->review_limit, &changed);
  take_string (&plan->closed_at, &fresh->closed_at, &changed);
  for (guint i = 0; i < HEARD_CLOSURE_N_TEXTS; i++)
    take_string (&plan->closure[i], &fresh->closure[i], &changed);
  if (update_model_in_place (plan->areas, G_LIST_MODEL (fresh->areas), same_area))
    changed = TRUE;
  if (update_model_in_place (plan->reviews, G_LIST_MODEL (fresh->reviews), same_review))
    changed = TRUE;

  return changed;
}

/* Plan versions keep their objects for as long as they are listed: each
 * is brought up to date in place, and a version that changed is told to
 * views as a row changed where it stands. */
static void
update_plans (HeardCaseFile *self,
              GPtrArray     *fresh)
{
  g_autoptr(GPtrArray) wanted = g_ptr_array_new_full (fresh->len, g_object_unref);
  g_autoptr(GPtrArray) changed = g_ptr_array_new_full (fresh->len, g_object_unref);

  for (guint i = 0; i < fresh->len; i++)
    {
      HeardPlan *read = g_ptr_array_index (fresh, i);
      HeardPlan *shown = heard_case_file_find_plan (self, read->id);

      if (shown != NULL && merge_plan (shown, read))
        g_ptr_array_add (changed, g_object_ref (shown));
      g_ptr_array_add (wanted, g_object_ref (shown != NULL ? shown : read));
    }

  heard_list_store_update (self->plans, wanted, same_object);
  for (guint i = 0; i < changed->len; i++)
    {
      gpointer plan = g_ptr_array_index (changed, i);
      guint position;

      if (g_list_store_find (self->plans, plan, &position))
        g_list_store_splice (self->plans, position, 1, &plan, 1);
    }
}

static void
set_failure (HeardCaseFile *self,
             const char    *failure)
{
  gboolean was_failed = self->failure != NULL;

  if (g_strcmp0 (self->failure, failure) == 0)
    return;

  g_free (self->failure);
  self->failure = g_strdup (failure);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILURE]);
  if (was_failed != (failure != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILED]);
}

static void
count_outstanding (HeardCaseFile *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->statements));
  guint outstanding = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeardStatement) statement = g_list_model_get_item (G_LIST_MODEL (self->statements),
                                                                   i);

      if (heard_statement_get_reply_state (statement) != HEARD_REPLY_TOLD)
        outstanding++;
    }

  if (outstanding == self->n_outstanding)
    return;

  self->n_outstanding = outstanding;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OUTSTANDING]);
}

/* Finishes the writes that were waiting for the models to show them. */
static void
release_waiting (HeardCaseFile *self)
{
  GTask *task;

  while ((task = g_queue_pop_head (&self->waiting)) != NULL)
    {
      Write *write = g_task_get_task_data (task);

      g_task_return_int (task, write->outcome);
      g_object_unref (task);
    }
}

static Load *
begin_load (HeardCaseFile *self)
{
  Load *load = g_new0 (Load, 1);

  load->self = g_object_ref (self);
  if (self->n_loading++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  return load;
}

static void
end_load (HeardCaseFile *self,
          const GError  *error)
{
  g_assert (self->n_loading > 0);

  if (error == NULL)
    set_failure (self, NULL);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_failure (self, error->message);

  if (--self->n_loading > 0)
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  release_waiting (self);
}

static void
plans_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;

  plans = heard_store_load_plans_finish (HEARD_STORE (object), result, &error);
  if (plans != NULL && load->self->store != NULL)
    update_plans (load->self, plans);
  end_load (load->self, error);
}

static void
statements_listed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GError) error = NULL;

  statements = heard_store_list_statements_finish (HEARD_STORE (object), result, &error);
  if (statements != NULL && load->self->store != NULL)
    {
      heard_list_store_update (load->self->statements, statements, same_statement);
      count_outstanding (load->self);
    }
  end_load (load->self, error);
}

/* The young person as just read: the person shown takes on what changed. */
static void
people_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  people = heard_store_list_people_finish (HEARD_STORE (object), result, &error);
  if (people != NULL && load->self->person != NULL)
    {
      for (guint i = 0; i < people->len; i++)
        {
          HeardPerson *read = g_ptr_array_index (people, i);

          if (heard_person_get_id (read) == load->self->person_id)
            heard_person_update_from (load->self->person, read);
        }
    }
  end_load (load->self, error);
}

/* A check-in never changes once saved: the same id is the same record. */
static gboolean
same_check_in (gpointer old,
               gpointer fresh)
{
  return heard_check_in_get_id (old) == heard_check_in_get_id (fresh);
}

static void
check_ins_listed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  g_autoptr(GPtrArray) check_ins = NULL;
  g_autoptr(GError) error = NULL;

  check_ins = heard_store_list_check_ins_finish (HEARD_STORE (object), result, &error);
  if (check_ins != NULL && load->self->store != NULL)
    heard_list_store_update (load->self->check_ins, check_ins, same_check_in);
  end_load (load->self, error);
}

/* A version never changes once saved: an amendment is a new version. */
static gboolean
same_chronology_entry (gpointer old,
                       gpointer fresh)
{
  return heard_chronology_entry_get_id (old) == heard_chronology_entry_get_id (fresh) &&
         heard_chronology_entry_get_version (old) == heard_chronology_entry_get_version (fresh);
}

static void
chronology_listed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = heard_store_list_chronology_finish (HEARD_STORE (object), result, &error);
  if (entries != NULL && load->self->store != NULL)
    {
      heard_list_store_update (load->self->chronology, entries, same_chronology_entry);
      find_open_clusters (load->self);
    }
  end_load (load->self, error);
}

static gboolean
same_sharing_entry (gpointer old,
                    gpointer fresh)
{
  return heard_sharing_entry_get_id (old) == heard_sharing_entry_get_id (fresh) &&
         heard_sharing_entry_get_version (old) == heard_sharing_entry_get_version (fresh);
}

static void
sharing_listed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = heard_store_list_sharing_finish (HEARD_STORE (object), result, &error);
  if (entries != NULL && load->self->store != NULL)
    heard_list_store_update (load->self->sharing_log, entries, same_sharing_entry);
  end_load (load->self, error);
}

/* A draft stands for its export: the same export is the same item. */
static gboolean
same_export (gpointer old,
             gpointer fresh)
{
  return heard_sharing_entry_get_export_audit_id (old) ==
         heard_sharing_entry_get_export_audit_id (fresh);
}

static void
unlogged_exports_listed_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;

  drafts = heard_store_list_unlogged_exports_finish (HEARD_STORE (object), result, &error);
  if (drafts != NULL && load->self->store != NULL)
    heard_list_store_update (load->self->unlogged_exports, drafts, same_export);
  end_load (load->self, error);
}

/* A decision never changes once recorded. */
static gboolean
same_cluster_decision (gpointer old,
                       gpointer fresh)
{
  return heard_cluster_decision_get_id (old) == heard_cluster_decision_get_id (fresh);
}

static void
cluster_decisions_listed_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GError) error = NULL;

  decisions = heard_store_list_cluster_decisions_finish (HEARD_STORE (object), result, &error);
  if (decisions != NULL && load->self->store != NULL)
    {
      heard_list_store_update (load->self->cluster_decisions, decisions, same_cluster_decision);
      find_open_clusters (load->self);
    }
  end_load (load->self, error);
}

static void
open_items_listed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = heard_store_list_open_items_finish (HEARD_STORE (object), result, &error);
  if (items != NULL && load->self->store != NULL)
    heard_list_store_update (load->self->open_items, items, same_open_item);
  end_load (load->self, error);
}

static const char *
agency_name_cb (gint64   agency_id,
                gpointer user_data)
{
  HeardDirectoryAgency *agency = heard_directory_list_lookup (user_data, agency_id);

  return agency != NULL ? heard_directory_agency_get_text (agency, HEARD_DIRECTORY_AGENCY_NAME)
                        : NULL;
}

static gboolean
same_open_cluster (gpointer old,
                   gpointer fresh)
{
  return heard_open_cluster_equal (old, fresh);
}

/* Runs the cluster rule over the signs as the models show them, with the
 * numbers in force, and keeps the clusters no decision covers yet. The
 * rule is quick (a third of a millisecond for 1,000 signs), so it runs
 * here whenever the signs, the decisions, the numbers or the directory's
 * names change. */
static void
find_open_clusters (HeardCaseFile *self)
{
  GListModel *entries = G_LIST_MODEL (self->chronology);
  GListModel *decisions = G_LIST_MODEL (self->cluster_decisions);
  guint n_entries = g_list_model_get_n_items (entries);
  g_autoptr(GArray) signs = g_array_sized_new (FALSE, FALSE, sizeof (HeardClusterSign),
                                               n_entries);
  g_autoptr(GArray) decided = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) clusters = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->store == NULL || !self->rule_known)
    {
      heard_list_store_update (self->open_clusters, found, same_open_cluster);
      return;
    }

  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(HeardChronologyEntry) entry = g_list_model_get_item (entries, i);
      HeardClusterSign sign;

      if (heard_chronology_entry_to_cluster_sign (entry, &sign))
        g_array_append_val (signs, sign);
    }
  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(HeardClusterDecision) decision = g_list_model_get_item (decisions, i);
      gsize n_ids;
      const gint64 *ids = heard_cluster_decision_get_sign_ids (decision, &n_ids);

      g_array_append_vals (decided, ids, (guint) n_ids);
    }

  clusters = heard_cluster_find_open ((const HeardClusterSign *) signs->data, signs->len,
                                      &self->rule, (const gint64 *) decided->data,
                                      decided->len);
  for (guint i = 0; i < clusters->len; i++)
    {
      g_autofree char *words = heard_cluster_describe (g_ptr_array_index (clusters, i),
                                                       agency_name_cb,
                                                       heard_context_get_agencies (self->context));

      g_ptr_array_add (found, heard_open_cluster_new (g_steal_pointer (&clusters->pdata[i]),
                                                      words));
    }

  heard_list_store_update (self->open_clusters, found, same_open_cluster);
}

static void
cluster_numbers_read_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  g_autoptr(GError) error = NULL;
  HeardClusterNumbers numbers;

  if (heard_store_get_cluster_numbers_finish (HEARD_STORE (object), result, &numbers, &error) &&
      load->self->store != NULL)
    {
      load->self->rule.min_signs = numbers.min_signs;
      load->self->rule.min_agencies = numbers.min_agencies;
      load->self->rule.max_span_days = numbers.max_span_days;
      load->self->rule_known = TRUE;
      find_open_clusters (load->self);
    }
  end_load (load->self, error);
}

static void
load_cluster_numbers (HeardCaseFile *self)
{
  heard_store_get_cluster_numbers_async (self->store, self->cancellable, cluster_numbers_read_cb,
                                         begin_load (self));
}

static void
load_person (HeardCaseFile *self)
{
  heard_store_list_people_async (self->store, self->cancellable, people_listed_cb,
                                 begin_load (self));
}

static void
load_open_items (HeardCaseFile *self)
{
  heard_store_list_open_items_async (self->store, self->person_id, self->cancellable,
                                     open_items_listed_cb, begin_load (self));
}

static void
load_plans (HeardCaseFile *self)
{
  heard_store_load_plans_async (self->store, self->person_id, self->cancellable,
                                plans_loaded_cb, begin_load (self));
}

static void
load_statements (HeardCaseFile *self)
{
  heard_store_list_statements_async (self->store, self->person_id, self->cancellable,
                                     statements_listed_cb, begin_load (self));
}

static void
load_check_ins (HeardCaseFile *self)
{
  heard_store_list_check_ins_async (self->store, self->person_id, 0, self->cancellable,
                                    check_ins_listed_cb, begin_load (self));
}

static void
load_chronology (HeardCaseFile *self)
{
  heard_store_list_chronology_async (self->store, self->person_id, self->cancellable,
                                     chronology_listed_cb, begin_load (self));
}

static void
load_unlogged_exports (HeardCaseFile *self)
{
  heard_store_list_unlogged_exports_async (self->store, self->person_id, self->cancellable,
                                           unlogged_exports_listed_cb, begin_load (self));
}

/* Co-design's records are only ever added: one id is one record. */
static gboolean
same_codesign_record (gpointer old,
                      gpointer fresh)
{
  gint64 old_id, fresh_id;

  g_object_get (old, "id", &old_id, NULL);
  g_object_get (fresh, "id", &fresh_id, NULL);
  return old_id == fresh_id;
}

/* Which model a co-design list fills, by the store call that read it. */
typedef GPtrArray *(*CodesignFinish) (HeardStore    *store,
                                      GAsyncResult  *result,
                                      GError       **error);

static void
codesign_listed (Load           *load,
                 GListStore     *model,
                 CodesignFinish  finish,
                 HeardStore     *store,
                 GAsyncResult   *result)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  records = finish (store, result, &error);
  if (records != NULL && load->self->store != NULL)
    heard_list_store_update (model, records, same_codesign_record);
  end_load (load->self, error);
}

static void
own_words_listed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Load) load = user_data;

  codesign_listed (load, load->self->own_words, heard_store_list_own_words_finish,
                   HEARD_STORE (object), result);
}

static void
plan_says_listed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Load) load = user_data;

  codesign_listed (load, load->self->plan_says, heard_store_list_plan_says_finish,
                   HEARD_STORE (object), result);
}

static void
for_them_marks_listed_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(Load) load = user_data;

  codesign_listed (load, load->self->for_them_marks, heard_store_list_for_them_marks_finish,
                   HEARD_STORE (object), result);
}

static void
load_codesign (HeardCaseFile *self)
{
  heard_store_list_own_words_async (self->store, self->person_id, self->cancellable,
                                    own_words_listed_cb, begin_load (self));
  heard_store_list_plan_says_async (self->store, self->person_id, self->cancellable,
                                    plan_says_listed_cb, begin_load (self));
  heard_store_list_for_them_marks_async (self->store, self->person_id, self->cancellable,
                                         for_them_marks_listed_cb, begin_load (self));
}

static void
load_sharing (HeardCaseFile *self)
{
  heard_store_list_sharing_async (self->store, self->person_id, self->cancellable,
                                  sharing_listed_cb, begin_load (self));
  load_unlogged_exports (self);
}

static void
load_cluster_decisions (HeardCaseFile *self)
{
  heard_store_list_cluster_decisions_async (self->store, self->person_id, self->cancellable,
                                            cluster_decisions_listed_cb, begin_load (self));
}

static void
store_changed_cb (HeardStore      *store,
                  HeardRecordKind  kind,
                  gint64           person_id,
                  gint64           record_id,
                  HeardCaseFile   *self)
{
  /* The numbers are everyone's: a change re-evaluates every case file. A
   * warning sign's cluster is also what was still open before a closure. */
  if (kind == HEARD_RECORD_KIND_CLUSTER_NUMBERS)
    {
      load_cluster_numbers (self);
      load_open_items (self);
      return;
    }
  if (person_id != self->person_id)
    return;

  switch (kind)
    {
    case HEARD_RECORD_KIND_PLAN:
      load_plans (self);
      load_open_items (self);
      break;

    case HEARD_RECORD_KIND_STATEMENT:
      load_statements (self);
      load_open_items (self);
      break;

    case HEARD_RECORD_KIND_CHECK_IN:
      load_check_ins (self);
      break;

    case HEARD_RECORD_KIND_CHRONOLOGY:
      load_chronology (self);
      load_open_items (self);
      break;

    case HEARD_RECORD_KIND_CLUSTER_DECISION:
      load_cluster_decisions (self);
      load_open_items (self);
      break;

    case HEARD_RECORD_KIND_SHARING:
      load_sharing (self);
      break;

    case HEARD_RECORD_KIND_CODESIGN:
      load_codesign (self);
      break;

    case HEARD_RECORD_KIND_PERSON:
      load_person (self);
      break;

    case HEARD_RECORD_KIND_STAFF:
    default:
      break;
    }
}

static GTask *
new_task (HeardCaseFile       *self,
          gpointer             source_tag,
          const StoreFinish   *finish,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Write *write = g_new0 (Write, 1);

  write->finish = finish;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, write, g_free);

  return task;
}

/* Refuses a write or read once the records are locked. */
static gboolean
refuse_if_dropped (HeardCaseFile *self,
                   GTask         *task)
{
  if (self->store != NULL)
    return FALSE;

  g_task_return_new_error (task, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_OPEN,
                           "The records are locked");
  g_object_unref (task);
  return TRUE;
}

/* A write is done: it finishes at once when it failed or nothing is
 * loading, and otherwise once the loads its change started have landed. */
static void
finish_write (GTask  *task,
              gint64  outcome,
              GError *error)
{
  HeardCaseFile *self = g_task_get_source_object (task);
  Write *write = g_task_get_task_data (task);

  if (outcome == 0)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  write->outcome = outcome;
  if (self->n_loading == 0)
    {
      g_task_return_int (task, outcome);
      g_object_unref (task);
      return;
    }

  g_queue_push_tail (&self->waiting, task);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  Write *write = g_task_get_task_data (task);
  HeardStore *store = HEARD_STORE (object);
  GError *error = NULL;
  gint64 outcome;

  if (write->finish->id != NULL)
    outcome = write->finish->id (store, result, &error);
  else if (write->finish->ok != NULL)
    outcome = write->finish->ok (store, result, &error) ? 1 : 0;
  else
    outcome = write->finish->version (store, result, &error);

  finish_write (task, outcome, error);
}

/* An export (or its coming to nothing) changes no record, so the store
 * says nothing: the list of exports to log changes, and the write
 * finishes once the list shows it. */
static void
export_noted_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  HeardCaseFile *self = g_task_get_source_object (task);
  Write *write = g_task_get_task_data (task);
  GError *error = NULL;
  gint64 entry = write->finish->id (HEARD_STORE (object), result, &error);

  if (entry != 0 && self->store != NULL)
    load_unlogged_exports (self);
  finish_write (task, entry, error);
}

static void
person_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GError *error = NULL;
  g_autoptr(HeardPerson) saved = heard_context_save_person_finish (HEARD_CONTEXT (object),
                                                                   result, &error);

  finish_write (user_data, saved != NULL ? heard_person_get_id (saved) : 0, error);
}

static void
person_removed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GError *error = NULL;
  gboolean done = heard_context_restore_person_finish (HEARD_CONTEXT (object), result, &error);

  finish_write (user_data, done ? 1 : 0, error);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ReadFinish finish = (ReadFinish) g_task_get_task_data (task);
  GError *error = NULL;
  GPtrArray *records = finish (HEARD_STORE (object), result, &error);

  if (records == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, records, (GDestroyNotify) g_ptr_array_unref);
}

static void
heard_case_file_dispose (GObject *object)
{
  HeardCaseFile *self = HEARD_CASE_FILE (object);

  _heard_case_file_drop (self);
  if (self->context != NULL)
    _heard_context_unregister_case_file (self->context, self);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (heard_case_file_parent_class)->dispose (object);
}

static void
heard_case_file_finalize (GObject *object)
{
  HeardCaseFile *self = HEARD_CASE_FILE (object);

  g_clear_object (&self->plans);
  g_clear_object (&self->statements);
  g_clear_object (&self->check_ins);
  g_clear_object (&self->chronology);
  g_clear_object (&self->cluster_decisions);
  g_clear_object (&self->open_clusters);
  g_clear_object (&self->sharing_log);
  g_clear_object (&self->unlogged_exports);
  g_clear_object (&self->own_words);
  g_clear_object (&self->plan_says);
  g_clear_object (&self->for_them_marks);
  g_clear_object (&self->open_items);
  g_clear_object (&self->cancellable);
  g_free (self->failure);

  G_OBJECT_CLASS (heard_case_file_parent_class)->finalize (object);
}

static void
heard_case_file_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HeardCaseFile *self = HEARD_CASE_FILE (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;

    case PROP_PLANS:
      g_value_set_object (value, self->plans);
      break;

    case PROP_STATEMENTS:
      g_value_set_object (value, self->statements);
      break;

    case PROP_CHECK_INS:
      g_value_set_object (value, self->check_ins);
      break;

    case PROP_CHRONOLOGY:
      g_value_set_object (value, self->chronology);
      break;

    case PROP_CLUSTER_DECISIONS:
      g_value_set_object (value, self->cluster_decisions);
      break;

    case PROP_OPEN_CLUSTERS:
      g_value_set_object (value, self->open_clusters);
      break;

    case PROP_OPEN_ITEMS:
      g_value_set_object (value, self->open_items);
      break;

    case PROP_SHARING_LOG:
      g_value_set_object (value, self->sharing_log);
      break;

    case PROP_UNLOGGED_EXPORTS:
      g_value_set_object (value, self->unlogged_exports);
      break;

    case PROP_OWN_WORDS:
      g_value_set_object (value, self->own_words);
      break;

    case PROP_PLAN_SAYS:
      g_value_set_object (value, self->plan_says);
      break;

    case PROP_FOR_THEM_MARKS:
      g_value_set_object (value, self->for_them_marks);
      break;

    case PROP_N_OUTSTANDING:
      g_value_set_uint (value, self->n_outstanding);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->n_loading > 0);
      break;

    case PROP_FAILED:
      g_value_set_boolean (value, self->failure != NULL);
      break;

    case PROP_FAILURE:
      g_value_set_string (value, self->failure);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_case_file_class_init (HeardCaseFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = heard_case_file_dispose;
  object_class->finalize = heard_case_file_finalize;
  object_class->get_property = heard_case_file_get_property;

  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, HEARD_TYPE_PERSON,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLANS] =
    g_param_spec_object ("plans", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATEMENTS] =
    g_param_spec_object ("statements", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECK_INS] =
    g_param_spec_object ("check-ins", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHRONOLOGY] =
    g_param_spec_object ("chronology", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLUSTER_DECISIONS] =
    g_param_spec_object ("cluster-decisions", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPEN_CLUSTERS] =
    g_param_spec_object ("open-clusters", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPEN_ITEMS] =
    g_param_spec_object ("open-items", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHARING_LOG] =
    g_param_spec_object ("sharing-log", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNLOGGED_EXPORTS] =
    g_param_spec_object ("unlogged-exports", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWN_WORDS] =
    g_param_spec_object ("own-words", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN_SAYS] =
    g_param_spec_object ("plan-says", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOR_THEM_MARKS] =
    g_param_spec_object ("for-them-marks", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_OUTSTANDING] =
    g_param_spec_uint ("n-outstanding", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAILED] =
    g_param_spec_boolean ("failed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAILURE] =
    g_param_spec_string ("failure", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_case_file_init (HeardCaseFile *self)
{
  self->plans = g_list_store_new (HEARD_TYPE_PLAN);
  self->statements = g_list_store_new (HEARD_TYPE_STATEMENT);
  self->check_ins = g_list_store_new (HEARD_TYPE_CHECK_IN);
  self->chronology = g_list_store_new (HEARD_TYPE_CHRONOLOGY_ENTRY);
  self->cluster_decisions = g_list_store_new (HEARD_TYPE_CLUSTER_DECISION);
  self->open_clusters = g_list_store_new (HEARD_TYPE_OPEN_CLUSTER);
  self->open_items = g_list_store_new (HEARD_TYPE_OPEN_ITEM);
  self->sharing_log = g_list_store_new (HEARD_TYPE_SHARING_ENTRY);
  self->unlogged_exports = g_list_store_new (HEARD_TYPE_SHARING_ENTRY);
  self->own_words = g_list_store_new (HEARD_TYPE_OWN_WORDS);
  self->plan_says = g_list_store_new (HEARD_TYPE_PLAN_SAY);
  self->for_them_marks = g_list_store_new (HEARD_TYPE_FOR_THEM_MARK);
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->waiting);
}

static HeardCaseFile *
case_file_new (HeardContext *context,
               HeardPerson  *person)
{
  HeardCaseFile *self;

  self = g_object_new (HEARD_TYPE_CASE_FILE, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (_heard_context_get_store (context));
  self->person = g_object_ref (person);
  self->person_id = heard_person_get_id (person);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, 0);
  /* The prompt names agencies as the directory does. */
  g_signal_connect_object (heard_context_get_agencies (context), "items-changed",
                           G_CALLBACK (find_open_clusters), self, G_CONNECT_SWAPPED);
  load_plans (self);
  load_statements (self);
  load_check_ins (self);
  load_chronology (self);
  load_cluster_decisions (self);
  load_cluster_numbers (self);
  load_open_items (self);
  load_sharing (self);
  load_codesign (self);

  return self;
}

/* Every young person's case file is one object, shared by all who hold it:
 * this returns a new reference to the one open for @person, or opens it. */
HeardCaseFile *
heard_case_file_open (HeardContext *context,
                      HeardPerson  *person)
{
  HeardCaseFile *self;

  g_return_val_if_fail (HEARD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (HEARD_IS_PERSON (person), NULL);

  self = _heard_context_lookup_case_file (context, heard_person_get_id (person));
  if (self != NULL)
    return g_object_ref (self);

  g_return_val_if_fail (_heard_context_get_store (context) != NULL, NULL);

  self = case_file_new (context, person);
  _heard_context_register_case_file (context, self);

  return self;
}

/* Lets go of every record: the models empty, the person goes, and nothing
 * more is read or written through this case file. */
void
_heard_case_file_drop (HeardCaseFile *self)
{
  g_return_if_fail (HEARD_IS_CASE_FILE (self));

  if (self->store == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_list_store_remove_all (self->plans);
  g_list_store_remove_all (self->statements);
  g_list_store_remove_all (self->check_ins);
  g_list_store_remove_all (self->chronology);
  g_list_store_remove_all (self->cluster_decisions);
  g_list_store_remove_all (self->open_clusters);
  g_list_store_remove_all (self->sharing_log);
  g_list_store_remove_all (self->unlogged_exports);
  g_list_store_remove_all (self->own_words);
  g_list_store_remove_all (self->plan_says);
  g_list_store_remove_all (self->for_them_marks);
  self->rule_known = FALSE;
  g_list_store_remove_all (self->open_items);
  count_outstanding (self);
  if (self->person != NULL)
    {
      g_clear_object (&self->person);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
    }
  /* Writes already made have landed; their askers hear so. */
  release_waiting (self);
}

gint64
heard_case_file_get_person_id (HeardCaseFile *self)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), 0);

  return self->person_id;
}

/* The context the case file belongs to: for what crosses young people,
 * such as the drafts of its editors (heard_context_save_draft_async()). */
HeardContext *
heard_case_file_get_context (HeardCaseFile *self)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), NULL);

  return self->context;
}

/* The young person, as the context's list holds them; NULL once locked. */
HeardPerson *
heard_case_file_get_person (HeardCaseFile *self)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), NULL);

  return self->person;
}

/* Their plans (HeardPlan), newest version first. */
GListModel *
heard_case_file_get_plans (HeardCaseFile *self)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), NULL);

  return G_LIST_MODEL (self->plans);
}

/* Their check-ins (HeardCheckIn) on every plan of theirs, oldest day
 * first; each knows its plan (heard_check_in_get_plan_id()). */
GListModel *
heard_case_file_get_check_ins (HeardCaseFile *self)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), NULL);

  return G_LIST_MODEL (self->check_ins);
}

/* The young person's warning signs and strengths (HeardChronologyEntry, the
 * newest version of each), earliest day first, live. */
GListModel *
heard_case_file_get_chronology (HeardCaseFile *self)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), NULL);

  return G_LIST_MODEL (self->chronology);
}

/* The decisions recorded on clusters of their signs (HeardClusterDecision),
 * oldest first, live. */
GListModel *
heard_case_file_get_cluster_decisions (HeardCaseFile *self)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), NULL);

  return G_LIST_MODEL (self->cluster_decisions);
}

/* The gatherings of their warning signs that wait for a decision
 * (HeardOpenCluster), oldest first, live: worked out again whenever the
 * signs, the decisions, the cluster numbers or the directory change. Empty
 * until the numbers are read. */
GListModel *
heard_case_file_get_open_clusters (HeardCaseFile *self)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), NULL);

  return G_LIST_MODEL (self->open_clusters);
}

/* Their statements (HeardStatement, the current version of each), newest
 * first, each with its answers. */
GListModel *
heard_case_file_get_statements (HeardCaseFile *self)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), NULL);

  return G_LIST_MODEL (self->statements);
}

/* What is still open about the young person (HeardOpenItem), as the
 * closure check finds it: what to go through before a plan or the case
 * closes. */
GListModel *
heard_case_file_get_open_items (HeardCaseFile *self)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), NULL);

  return G_LIST_MODEL (self->open_items);
}

GListModel *
heard_case_file_get_sharing_log (HeardCaseFile *self)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), NULL);

  return G_LIST_MODEL (self->sharing_log);
}

GListModel *
heard_case_file_get_unlogged_exports (HeardCaseFile *self)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), NULL);

  return G_LIST_MODEL (self->unlogged_exports);
}

/* Every version of their own words (HeardOwnWords), oldest first. */
GListModel *
heard_case_file_get_own_words (HeardCaseFile *self)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), NULL);

  return G_LIST_MODEL (self->own_words);
}

/* Every say on any version of their plan (HeardPlanSay), oldest first. */
GListModel *
heard_case_file_get_plan_says (HeardCaseFile *self)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), NULL);

  return G_LIST_MODEL (self->plan_says);
}

/* Every change of a written-for-them mark (HeardForThemMark), oldest first. */
GListModel *
heard_case_file_get_for_them_marks (HeardCaseFile *self)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), NULL);

  return G_LIST_MODEL (self->for_them_marks);
}

/* Their words in force for @area's @part (the newest version), or NULL
 * when they have written none; owned by the case file. */
HeardOwnWords *
heard_case_file_find_own_words (HeardCaseFile *self,
                                HeardAreaKind  area,
                                HeardOwnPart   part)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), NULL);

  return heard_own_words_find_newest (G_LIST_MODEL (self->own_words), area, part);
}

/* Their say on the plan version @plan_id to show (the newest), or NULL
 * when they have said nothing about it; owned by the case file. */
HeardPlanSay *
heard_case_file_find_plan_say (HeardCaseFile *self,
                               gint64         plan_id)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), NULL);

  return heard_plan_say_find_newest (G_LIST_MODEL (self->plan_says), plan_id);
}

/* Whether the text @what of the record @record_id may be shown to them
 * (heard_written_for_them() over this case file's marks). */
gboolean
heard_case_file_written_for_them (HeardCaseFile    *self,
                                  HeardForThemText  what,
                                  gint64            record_id)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), FALSE);

  return heard_written_for_them (G_LIST_MODEL (self->for_them_marks), what, record_id);
}

/* How many statements are not answered, or answered but not told. */
guint
heard_case_file_get_n_outstanding (HeardCaseFile *self)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), 0);

  return self->n_outstanding;
}

gboolean
heard_case_file_get_loading (HeardCaseFile *self)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), FALSE);

  return self->n_loading > 0;
}

gboolean
heard_case_file_get_failed (HeardCaseFile *self)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), FALSE);

  return self->failure != NULL;
}

/* What went wrong with the last load, or NULL. */
const char *
heard_case_file_get_failure (HeardCaseFile *self)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), NULL);

  return self->failure;
}

/* The plan version with @plan_id, or NULL; owned by the case file. */
HeardPlan *
heard_case_file_find_plan (HeardCaseFile *self,
                           gint64         plan_id)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->plans)); i++)
    {
      g_autoptr(HeardPlan) plan = g_list_model_get_item (G_LIST_MODEL (self->plans), i);

      if (heard_plan_get_id (plan) == plan_id)
        return plan;
    }

  return NULL;
}

/* The statement with @statement_id, or NULL; owned by the case file. */
HeardStatement *
heard_case_file_find_statement (HeardCaseFile *self,
                                gint64         statement_id)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->statements)); i++)
    {
      g_autoptr(HeardStatement) statement =
        g_list_model_get_item (G_LIST_MODEL (self->statements), i);

      if (heard_statement_get_id (statement) == statement_id)
        return statement;
    }

  return NULL;
}

void
heard_case_file_save_person_async (HeardCaseFile       *self,
                                   HeardPerson         *person,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));
  g_return_if_fail (HEARD_IS_PERSON (person));

  task = new_task (self, heard_case_file_save_person_async, NULL, cancellable, callback,
                   user_data);
  if (!refuse_if_dropped (self, task))
    heard_context_save_person_async (self->context, person, NULL, person_saved_cb, task);
}

/* Whether the young person's record may be removed as made by mistake:
 * not while an active plan or anything open says work with them goes on
 * (heard-removal-rules.h), nor before the case file has read what it
 * shows. */
gboolean
heard_case_file_check_removal (HeardCaseFile  *self,
                               GError        **error)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), FALSE);

  if (self->n_loading > 0 || self->failure != NULL)
    {
      g_set_error_literal (error, HEARD_REMOVAL_ERROR, HEARD_REMOVAL_ERROR_NOT_READY,
                           _("Heard is still reading this young person's records. "
                             "Try again in a moment."));
      return FALSE;
    }

  return heard_removal_rules_check_allowed (G_LIST_MODEL (self->plans),
                                            G_LIST_MODEL (self->open_items), error);
}

/* Removes the young person's record from the list as made by mistake, for
 * @reason (and @note), both kept in the audit trail; refused with a
 * HEARD_REMOVAL_ERROR when heard_case_file_check_removal() refuses or the
 * reason is missing. Nothing is deleted: heard_context_restore_person_async()
 * brings the record back. */
void
heard_case_file_remove_async (HeardCaseFile       *self,
                              HeardRemovalReason   reason,
                              const char          *note,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autofree char *detail = NULL;
  GError *error = NULL;
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));

  task = new_task (self, heard_case_file_remove_async, NULL, cancellable, callback, user_data);
  if (refuse_if_dropped (self, task))
    return;

  if (!heard_removal_rules_check_reason (reason, note, &error) ||
      !heard_case_file_check_removal (self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  detail = heard_removal_rules_to_detail (reason, note);
  _heard_context_remove_person_async (self->context, self->person_id, detail, NULL,
                                      person_removed_cb, task);
}

void
heard_case_file_start_plan_async (HeardCaseFile       *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  static const StoreFinish finish = { .id = heard_store_start_plan_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));

  task = new_task (self, heard_case_file_start_plan_async, &finish, cancellable, callback,
                   user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_start_plan_async (self->store, self->person_id, NULL, written_cb, task);
}

void
heard_case_file_save_area_async (HeardCaseFile       *self,
                                 HeardPlanArea       *area,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  static const StoreFinish finish = { .id = heard_store_save_area_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));
  g_return_if_fail (HEARD_IS_PLAN_AREA (area));

  task = new_task (self, heard_case_file_save_area_async, &finish, cancellable, callback,
                   user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_save_area_async (self->store, area, NULL, written_cb, task);
}

void
heard_case_file_remove_area_async (HeardCaseFile       *self,
                                   gint64               area_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  static const StoreFinish finish = { .ok = heard_store_remove_area_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));

  task = new_task (self, heard_case_file_remove_area_async, &finish, cancellable, callback,
                   user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_remove_area_async (self->store, area_id, NULL, written_cb, task);
}

void
heard_case_file_save_action_async (HeardCaseFile       *self,
                                   HeardPlanAction     *action,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  static const StoreFinish finish = { .id = heard_store_save_action_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));
  g_return_if_fail (HEARD_IS_PLAN_ACTION (action));

  task = new_task (self, heard_case_file_save_action_async, &finish, cancellable, callback,
                   user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_save_action_async (self->store, action, NULL, written_cb, task);
}

void
heard_case_file_remove_action_async (HeardCaseFile       *self,
                                     gint64               action_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  static const StoreFinish finish = { .ok = heard_store_remove_action_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));

  task = new_task (self, heard_case_file_remove_action_async, &finish, cancellable, callback,
                   user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_remove_action_async (self->store, action_id, NULL, written_cb, task);
}

void
heard_case_file_submit_plan_async (HeardCaseFile       *self,
                                   gint64               plan_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  static const StoreFinish finish = { .ok = heard_store_submit_plan_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));

  task = new_task (self, heard_case_file_submit_plan_async, &finish, cancellable, callback,
                   user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_submit_plan_async (self->store, plan_id, NULL, written_cb, task);
}

/* A supervisor's decision, proved with their own @passphrase. */
void
heard_case_file_decide_plan_async (HeardCaseFile           *self,
                                   gint64                   plan_id,
                                   const HeardPlanDecision *decision,
                                   const char              *passphrase,
                                   GCancellable            *cancellable,
                                   GAsyncReadyCallback      callback,
                                   gpointer                 user_data)
{
  static const StoreFinish finish = { .ok = heard_store_decide_plan_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));
  g_return_if_fail (decision != NULL);

  task = new_task (self, heard_case_file_decide_plan_async, &finish, cancellable, callback,
                   user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_decide_plan_async (self->store, plan_id, decision, passphrase, NULL,
                                   written_cb, task);
}

void
heard_case_file_set_next_review_async (HeardCaseFile       *self,
                                       gint64               plan_id,
                                       const char          *date,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  static const StoreFinish finish = { .ok = heard_store_set_next_review_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));

  task = new_task (self, heard_case_file_set_next_review_async, &finish, cancellable, callback,
                   user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_set_next_review_async (self->store, plan_id, date, NULL, written_cb, task);
}

void
heard_case_file_record_statement_async (HeardCaseFile       *self,
                                        HeardStatement      *statement,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  static const StoreFinish finish = { .id = heard_store_record_statement_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));
  g_return_if_fail (HEARD_IS_STATEMENT (statement));

  task = new_task (self, heard_case_file_record_statement_async, &finish, cancellable,
                   callback, user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_record_statement_async (self->store, statement, NULL, written_cb, task);
}

void
heard_case_file_save_check_in_async (HeardCaseFile       *self,
                                     HeardCheckIn        *check_in,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  static const StoreFinish finish = { .id = heard_store_save_check_in_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));
  g_return_if_fail (HEARD_IS_CHECK_IN (check_in));

  task = new_task (self, heard_case_file_save_check_in_async, &finish, cancellable,
                   callback, user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_save_check_in_async (self->store, check_in, NULL, written_cb, task);
}

void
heard_case_file_amend_statement_async (HeardCaseFile       *self,
                                       HeardStatement      *amended,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  static const StoreFinish finish = { .version = heard_store_amend_statement_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));
  g_return_if_fail (HEARD_IS_STATEMENT (amended));

  task = new_task (self, heard_case_file_amend_statement_async, &finish, cancellable,
                   callback, user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_amend_statement_async (self->store, amended, NULL, written_cb, task);
}

void
heard_case_file_set_statement_consent_async (HeardCaseFile       *self,
                                             gint64               statement_id,
                                             const char          *ends_on,
                                             const char          *withdrawn_on,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  static const StoreFinish finish = { .id = heard_store_set_statement_consent_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));

  task = new_task (self, heard_case_file_set_statement_consent_async, &finish, cancellable,
                   callback, user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_set_statement_consent_async (self->store, statement_id, ends_on, withdrawn_on,
                                             NULL, written_cb, task);
}

void
heard_case_file_answer_statement_async (HeardCaseFile          *self,
                                        HeardStatementResponse *response,
                                        GCancellable           *cancellable,
                                        GAsyncReadyCallback     callback,
                                        gpointer                user_data)
{
  static const StoreFinish finish = { .id = heard_store_answer_statement_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));
  g_return_if_fail (HEARD_IS_STATEMENT_RESPONSE (response));

  task = new_task (self, heard_case_file_answer_statement_async, &finish, cancellable,
                   callback, user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_answer_statement_async (self->store, response, NULL, written_cb, task);
}

/* Records the day the young person was told about an answer. */
void
heard_case_file_mark_told_async (HeardCaseFile       *self,
                                 gint64               response_id,
                                 const char          *told_on,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  static const StoreFinish finish = { .ok = heard_store_mark_response_told_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));

  task = new_task (self, heard_case_file_mark_told_async, &finish, cancellable, callback,
                   user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_mark_response_told_async (self->store, response_id, told_on, NULL, written_cb,
                                          task);
}

void
heard_case_file_note_export_async (HeardCaseFile         *self,
                                   const HeardExportNote *note,
                                   GCancellable          *cancellable,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data)
{
  static const StoreFinish finish = { .id = heard_store_note_export_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));
  g_return_if_fail (note != NULL);

  task = new_task (self, heard_case_file_note_export_async, &finish, cancellable, callback,
                   user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_note_export_async (self->store, self->person_id, note, NULL, export_noted_cb,
                                   task);
}

void
heard_case_file_note_export_unwritten_async (HeardCaseFile       *self,
                                             gint64               export_entry,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  static const StoreFinish finish = { .id = heard_store_note_export_unwritten_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));
  g_return_if_fail (export_entry > 0);

  task = new_task (self, heard_case_file_note_export_unwritten_async, &finish, cancellable,
                   callback, user_data);
  /* Like the export's own note: the list of exports to log follows. */
  if (!refuse_if_dropped (self, task))
    heard_store_note_export_unwritten_async (self->store, self->person_id, export_entry, NULL,
                                             export_noted_cb, task);
}

void
heard_case_file_record_sharing_entry_async (HeardCaseFile       *self,
                                            HeardSharingEntry   *entry,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  static const StoreFinish finish = { .id = heard_store_record_sharing_entry_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));
  g_return_if_fail (HEARD_IS_SHARING_ENTRY (entry));

  task = new_task (self, heard_case_file_record_sharing_entry_async, &finish, cancellable,
                   callback, user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_record_sharing_entry_async (self->store, entry, NULL, written_cb, task);
}

void
heard_case_file_amend_sharing_entry_async (HeardCaseFile       *self,
                                           HeardSharingEntry   *amended,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  static const StoreFinish finish = { .id = heard_store_amend_sharing_entry_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));
  g_return_if_fail (HEARD_IS_SHARING_ENTRY (amended));

  task = new_task (self, heard_case_file_amend_sharing_entry_async, &finish, cancellable,
                   callback, user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_amend_sharing_entry_async (self->store, amended, NULL, written_cb, task);
}

void
heard_case_file_record_own_words_async (HeardCaseFile       *self,
                                        HeardOwnWords       *words,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  static const StoreFinish finish = { .id = heard_store_record_own_words_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));
  g_return_if_fail (HEARD_IS_OWN_WORDS (words));
  g_return_if_fail (heard_own_words_get_person_id (words) == self->person_id);

  task = new_task (self, heard_case_file_record_own_words_async, &finish, cancellable,
                   callback, user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_record_own_words_async (self->store, words, NULL, written_cb, task);
}

void
heard_case_file_record_plan_say_async (HeardCaseFile       *self,
                                       HeardPlanSay        *say,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  static const StoreFinish finish = { .id = heard_store_record_plan_say_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));
  g_return_if_fail (HEARD_IS_PLAN_SAY (say));

  task = new_task (self, heard_case_file_record_plan_say_async, &finish, cancellable,
                   callback, user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_record_plan_say_async (self->store, say, NULL, written_cb, task);
}

void
heard_case_file_set_for_them_async (HeardCaseFile       *self,
                                    HeardForThemMark    *mark,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  static const StoreFinish finish = { .id = heard_store_set_for_them_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));
  g_return_if_fail (HEARD_IS_FOR_THEM_MARK (mark));
  g_return_if_fail (heard_for_them_mark_get_person_id (mark) == self->person_id);

  task = new_task (self, heard_case_file_set_for_them_async, &finish, cancellable, callback,
                   user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_set_for_them_async (self->store, mark, NULL, written_cb, task);
}

void
heard_case_file_record_withholdings_async (HeardCaseFile       *self,
                                           gint64               export_audit_id,
                                           GPtrArray           *withholdings,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  static const StoreFinish finish = { .ok = heard_store_record_withholdings_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));
  g_return_if_fail (withholdings != NULL && withholdings->len > 0);

  task = new_task (self, heard_case_file_record_withholdings_async, &finish, cancellable,
                   callback, user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_record_withholdings_async (self->store, self->person_id, export_audit_id,
                                           withholdings, NULL, written_cb, task);
}

void
heard_case_file_note_opened_async (HeardCaseFile       *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  static const StoreFinish finish = { .id = heard_store_note_person_opened_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));

  task = new_task (self, heard_case_file_note_opened_async, &finish, cancellable, callback,
                   user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_note_person_opened_async (self->store, self->person_id, NULL, written_cb, task);
}

void
heard_case_file_record_chronology_entry_async (HeardCaseFile        *self,
                                               HeardChronologyEntry *entry,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data)
{
  static const StoreFinish finish = { .id = heard_store_record_chronology_entry_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));
  g_return_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (entry));

  task = new_task (self, heard_case_file_record_chronology_entry_async, &finish, cancellable,
                   callback, user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_record_chronology_entry_async (self->store, entry, NULL, written_cb, task);
}

void
heard_case_file_amend_chronology_entry_async (HeardCaseFile        *self,
                                              HeardChronologyEntry *amended,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data)
{
  static const StoreFinish finish = { .id = heard_store_amend_chronology_entry_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));
  g_return_if_fail (HEARD_IS_CHRONOLOGY_ENTRY (amended));

  task = new_task (self, heard_case_file_amend_chronology_entry_async, &finish, cancellable,
                   callback, user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_amend_chronology_entry_async (self->store, amended, NULL, written_cb, task);
}

/* "No further action" also needs the supervisor named in @decision and
 * their @passphrase (heard-store-chronology.h). */
void
heard_case_file_record_cluster_decision_async (HeardCaseFile        *self,
                                               HeardClusterDecision *decision,
                                               const char           *passphrase,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data)
{
  static const StoreFinish finish = { .id = heard_store_record_cluster_decision_finish };
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));
  g_return_if_fail (HEARD_IS_CLUSTER_DECISION (decision));

  task = new_task (self, heard_case_file_record_cluster_decision_async, &finish, cancellable,
                   callback, user_data);
  if (!refuse_if_dropped (self, task))
    heard_store_record_cluster_decision_async (self->store, decision, passphrase, NULL,
                                               written_cb, task);
}

gint64
heard_case_file_write_finish (HeardCaseFile  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  gssize outcome;

  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  /* An error (or the asker's cancellation) is 0, never -1. */
  outcome = g_task_propagate_int (G_TASK (result), error);
  return outcome > 0 ? outcome : 0;
}

void
heard_case_file_note_statement_read (HeardCaseFile *self,
                                     gint64         statement_id)
{
  g_return_if_fail (HEARD_IS_CASE_FILE (self));

  if (self->store != NULL)
    heard_store_note_statement_read (self->store, statement_id);
}

static void
read_async (HeardCaseFile       *self,
            gpointer             source_tag,
            ReadFinish           finish,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data,
            GTask              **task)
{
  *task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (*task, source_tag);
  g_task_set_task_data (*task, (gpointer) finish, NULL);
  if (refuse_if_dropped (self, *task))
    *task = NULL;
}

void
heard_case_file_list_statement_history_async (HeardCaseFile       *self,
                                              gint64               statement_id,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));

  read_async (self, heard_case_file_list_statement_history_async,
              heard_store_list_statement_history_finish, cancellable, callback, user_data, &task);
  if (task != NULL)
    heard_store_list_statement_history_async (self->store, statement_id, cancellable, read_cb,
                                              task);
}

void
heard_case_file_list_linkable_actions_async (HeardCaseFile       *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));

  read_async (self, heard_case_file_list_linkable_actions_async,
              heard_store_list_linkable_actions_finish, cancellable, callback, user_data, &task);
  if (task != NULL)
    heard_store_list_linkable_actions_async (self->store, self->person_id, cancellable, read_cb,
                                             task);
}

void
heard_case_file_list_chronology_history_async (HeardCaseFile       *self,
                                               gint64               entry_id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));

  read_async (self, heard_case_file_list_chronology_history_async,
              heard_store_list_chronology_history_finish, cancellable, callback, user_data,
              &task);
  if (task != NULL)
    heard_store_list_chronology_history_async (self->store, entry_id, cancellable, read_cb,
                                               task);
}

void
heard_case_file_list_chronology_kinds_async (HeardCaseFile       *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));

  read_async (self, heard_case_file_list_chronology_kinds_async,
              heard_store_list_chronology_kinds_finish, cancellable, callback, user_data, &task);
  if (task != NULL)
    heard_store_list_chronology_kinds_async (self->store, cancellable, read_cb, task);
}

/* The story is asked for, not kept: the entries it is made of are audit
 * entries, which change no record and so are never announced by
 * "changed". Whoever shows it asks again when it is shown and when the
 * record changes. */
void
heard_case_file_list_story_async (HeardCaseFile       *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));

  read_async (self, heard_case_file_list_story_async, heard_store_list_story_finish,
              cancellable, callback, user_data, &task);
  if (task != NULL)
    heard_store_list_story_async (self->store, self->person_id, cancellable, read_cb, task);
}

GListModel *
heard_case_file_list_story_finish (HeardCaseFile  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_autoptr(GPtrArray) events = NULL;
  GListStore *story;

  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        heard_case_file_list_story_async, NULL);

  events = g_task_propagate_pointer (G_TASK (result), error);
  if (events == NULL)
    return NULL;

  story = g_list_store_new (HEARD_TYPE_STORY_EVENT);
  g_list_store_splice (story, 0, 0, events->pdata, events->len);
  return G_LIST_MODEL (story);
}

GPtrArray *
heard_case_file_read_finish (HeardCaseFile  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (HEARD_IS_CASE_FILE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
heard_case_file_list_withholdings_async (HeardCaseFile       *self,
                                         gint64               export_audit_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));

  read_async (self, heard_case_file_list_withholdings_async,
              heard_store_list_withholdings_finish, cancellable, callback, user_data, &task);
  if (task != NULL)
    heard_store_list_withholdings_async (self->store, export_audit_id, cancellable, read_cb,
                                         task);
}

void
heard_case_file_list_sharing_history_async (HeardCaseFile       *self,
                                            gint64               entry_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));

  read_async (self, heard_case_file_list_sharing_history_async,
              heard_store_list_sharing_history_finish, cancellable, callback, user_data, &task);
  if (task != NULL)
    heard_store_list_sharing_history_async (self->store, entry_id, cancellable, read_cb, task);
}

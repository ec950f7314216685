/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-draft-opener"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-action-editor.h"
#include "heard-check-in-editor.h"
#include "heard-amendment-dialog.h"
#include "heard-area-editor.h"
#include "heard-case-file.h"
#include "heard-closure-dialog.h"
#include "heard-cluster-decision-dialog.h"
#include "heard-decision-dialog.h"
#include "heard-dialog.h"
#include "heard-draft-opener.h"
#include "heard-person-editor.h"
#include "heard-removal-dialog.h"
#include "heard-response-dialog.h"
#include "heard-sign-editor.h"
#include "heard-statement-editor.h"

/*
 * Brings drafts back (see heard-dialog.h for how editors keep them). After
 * a lock, every editor that was open opens again where it was; after Heard
 * was killed or crashed, each draft left behind is offered first. This is
 * the one place that knows which editor each kind of draft belongs to, and
 * how to find the record it is about: the young person's case file, read
 * again after the unlock.
 */

/* One editor to open, waiting for its young person's case file to load. */
typedef struct
{
  GtkWindow     *parent;
  HeardContext  *context;
  HeardDraft    *draft;
  HeardCaseFile *case_file;
  gulong         loading_handler;
  gulong         locking_handler;
} Opening;

static void
opening_free (Opening *opening)
{
  g_clear_signal_handler (&opening->loading_handler, opening->case_file);
  g_clear_signal_handler (&opening->locking_handler, opening->context);
  g_clear_weak_pointer (&opening->parent);
  g_clear_object (&opening->case_file);
  g_clear_object (&opening->draft);
  g_clear_object (&opening->context);
  g_free (opening);
}

static HeardPerson *
find_person (HeardContext *context,
             gint64        person_id)
{
  GListModel *people = heard_context_get_people (context);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(HeardPerson) person = g_list_model_get_item (people, i);

      if (heard_person_get_id (person) == person_id)
        return person;
    }

  return NULL;
}

/* The area or action @id in the case file's plans, and the plan it is in. */
static gpointer
find_in_plans (HeardCaseFile  *case_file,
               gboolean        action,
               gint64          id,
               HeardPlan     **in_plan)
{
  GListModel *plans = heard_case_file_get_plans (case_file);

  for (guint p = 0; p < g_list_model_get_n_items (plans); p++)
    {
      g_autoptr(HeardPlan) plan = g_list_model_get_item (plans, p);
      GListModel *areas = heard_plan_get_areas (plan);

      for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
        {
          g_autoptr(HeardPlanArea) area = g_list_model_get_item (areas, a);
          GListModel *actions = heard_plan_area_get_actions (area);

          *in_plan = plan;
          if (!action && heard_plan_area_get_id (area) == id)
            return area;
          for (guint i = 0; action && i < g_list_model_get_n_items (actions); i++)
            {
              g_autoptr(HeardPlanAction) found = g_list_model_get_item (actions, i);

              if (heard_plan_action_get_id (found) == id)
                return found;
            }
        }
    }

  return NULL;
}

/* The newest version of entry @entry_id, owned by the case file's model. */
static gpointer
find_chronology_entry (HeardCaseFile *case_file,
                       gint64         entry_id)
{
  GListModel *entries = heard_case_file_get_chronology (case_file);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(HeardChronologyEntry) entry = g_list_model_get_item (entries, i);

      if (heard_chronology_entry_get_id (entry) == entry_id)
        return entry;
    }

  return NULL;
}

/* The open cluster whose first sign is @sign_id, owned by the case file. */
static gpointer
find_open_cluster (HeardCaseFile *case_file,
                   gint64         sign_id)
{
  GListModel *clusters = heard_case_file_get_open_clusters (case_file);

  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(HeardOpenCluster) cluster = g_list_model_get_item (clusters, i);

      if (g_array_index (heard_open_cluster_get_cluster (cluster)->sign_ids, gint64, 0) ==
          sign_id)
        return cluster;
    }

  return NULL;
}

/* The editor of @draft's kind about its record, or NULL when the record is
 * not there any more. */
static HeardDialog *
make_editor (GtkWindow     *parent,
             HeardCaseFile *case_file,
             HeardDraft    *draft)
{
  gint64 subject_id = heard_draft_get_subject_id (draft);
  HeardStatement *statement;
  HeardPlan *plan = NULL;
  gpointer found;
  g_autoptr(HeardPlanArea) new_area = NULL;
  g_autoptr(HeardPlanAction) new_action = NULL;

  switch (heard_draft_get_kind (draft))
    {
    case HEARD_DRAFT_STATEMENT:
      return HEARD_DIALOG (heard_statement_editor_new (parent, case_file));

    case HEARD_DRAFT_AMENDMENT:
    case HEARD_DRAFT_RESPONSE:
      statement = heard_case_file_find_statement (case_file, subject_id);
      if (statement == NULL)
        return NULL;
      if (heard_draft_get_kind (draft) == HEARD_DRAFT_AMENDMENT)
        return HEARD_DIALOG (heard_amendment_dialog_new (parent, case_file, statement));
      return HEARD_DIALOG (heard_response_dialog_new (parent, case_file, statement));

    case HEARD_DRAFT_REMOVAL:
      return HEARD_DIALOG (heard_removal_dialog_new (parent, case_file));

    case HEARD_DRAFT_AREA:
      found = find_in_plans (case_file, FALSE, subject_id, &plan);
      return found != NULL ? HEARD_DIALOG (heard_area_editor_new (parent, case_file, found))
                           : NULL;

    case HEARD_DRAFT_NEW_AREA:
      if (heard_case_file_find_plan (case_file, subject_id) == NULL ||
          heard_draft_get_part (draft) < 0 || heard_draft_get_part (draft) >= HEARD_AREA_N_KINDS)
        return NULL;
      new_area = heard_plan_area_new (subject_id, (HeardAreaKind) heard_draft_get_part (draft));
      return HEARD_DIALOG (heard_area_editor_new (parent, case_file, new_area));

    case HEARD_DRAFT_NEW_ACTION:
      found = find_in_plans (case_file, FALSE, subject_id, &plan);
      if (found == NULL)
        return NULL;
      new_action = heard_plan_action_new (heard_plan_get_id (plan), subject_id);
      return HEARD_DIALOG (heard_action_editor_new (parent, case_file, new_action, FALSE));

    case HEARD_DRAFT_CHECK_IN:
      plan = heard_case_file_find_plan (case_file, subject_id);
      return plan != NULL ? HEARD_DIALOG (heard_check_in_editor_new (parent, case_file, plan))
                          : NULL;

    case HEARD_DRAFT_ACTION:
      found = find_in_plans (case_file, TRUE, subject_id, &plan);
      if (found == NULL)
        return NULL;
      return HEARD_DIALOG (heard_action_editor_new (parent, case_file, found,
                                                    heard_plan_get_state (plan) ==
                                                    HEARD_PLAN_STATE_ACTIVE));

    case HEARD_DRAFT_DECISION:
    case HEARD_DRAFT_CLOSURE:
      plan = heard_case_file_find_plan (case_file, subject_id);
      if (plan == NULL)
        return NULL;
      if (heard_draft_get_kind (draft) == HEARD_DRAFT_DECISION)
        return HEARD_DIALOG (heard_decision_dialog_new (parent, case_file, plan));
      return HEARD_DIALOG (heard_closure_dialog_new (parent, case_file, plan));

    case HEARD_DRAFT_CHRONOLOGY_ENTRY:
      if (subject_id == 0)
        return HEARD_DIALOG (heard_sign_editor_new (parent, case_file,
                                                    heard_draft_get_part (draft) != 0));
      found = find_chronology_entry (case_file, subject_id);
      return found != NULL ? HEARD_DIALOG (heard_sign_editor_new_amendment (parent, case_file,
                                                                            found))
                           : NULL;

    case HEARD_DRAFT_CLUSTER_DECISION:
      found = find_open_cluster (case_file, subject_id);
      return found != NULL ? HEARD_DIALOG (heard_cluster_decision_dialog_new (parent, case_file,
                                                                              found))
                           : NULL;

    case HEARD_DRAFT_PERSON:
    default:
      g_assert_not_reached ();
    }
}

static void
present_with_draft (HeardDialog *editor,
                    HeardDraft  *draft)
{
  heard_dialog_apply_draft (editor, draft);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
open_now (Opening *opening)
{
  HeardDialog *editor;

  if (opening->parent == NULL)
    return;

  editor = make_editor (opening->parent, opening->case_file, opening->draft);
  if (editor == NULL)
    {
      g_message ("A draft's record is not there any more; the draft is kept");
      return;
    }

  present_with_draft (editor, opening->draft);
}

static void
case_file_loading_cb (Opening *opening)
{
  if (heard_case_file_get_loading (opening->case_file))
    return;

  if (!heard_case_file_get_failed (opening->case_file))
    open_now (opening);
  opening_free (opening);
}

void
heard_draft_opener_open (GtkWindow    *parent,
                         HeardContext *context,
                         HeardDraft   *draft)
{
  gint64 person_id;
  HeardPerson *person;
  Opening *opening;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (HEARD_IS_CONTEXT (context));
  g_return_if_fail (HEARD_IS_DRAFT (draft));

  person_id = heard_draft_get_person_id (draft);
  person = person_id != 0 ? find_person (context, person_id) : NULL;
  if (heard_draft_get_kind (draft) == HEARD_DRAFT_PERSON)
    {
      if (person_id == 0 || person != NULL)
        present_with_draft (HEARD_DIALOG (heard_person_editor_new (parent, context, person)),
                            draft);
      return;
    }
  if (person == NULL)
    return;

  opening = g_new0 (Opening, 1);
  g_set_weak_pointer (&opening->parent, parent);
  opening->context = g_object_ref (context);
  opening->draft = g_object_ref (draft);
  opening->case_file = heard_case_file_open (context, person);
  /* Locked before it loaded: nothing opens, nothing is held. */
  opening->locking_handler = g_signal_connect_swapped (context, "locking",
                                                       G_CALLBACK (opening_free), opening);
  opening->loading_handler = g_signal_connect_swapped (opening->case_file, "notify::loading",
                                                       G_CALLBACK (case_file_loading_cb),
                                                       opening);
  case_file_loading_cb (opening);
}

/* Offering */

typedef struct
{
  GtkWindow    *parent;
  HeardContext *context;
  HeardDraft   *draft;
} Offer;

static void
offer_free (Offer *offer)
{
  g_clear_weak_pointer (&offer->parent);
  g_clear_object (&offer->context);
  g_clear_object (&offer->draft);
  g_free (offer);
}

static void
thrown_away_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!heard_context_delete_draft_finish (HEARD_CONTEXT (object), result, &error))
    g_message ("Could not throw a draft away: %s", error->message);
}

static void
offer_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   Offer            *offer)
{
  if (heard_context_get_lock_state (offer->context) != HEARD_LOCK_STATE_OPEN)
    return;

  if (g_str_equal (response, "carry-on") && offer->parent != NULL)
    heard_draft_opener_open (offer->parent, offer->context, offer->draft);
  else if (g_str_equal (response, "throw-away"))
    heard_context_delete_draft_async (offer->context, offer->draft, NULL, thrown_away_cb, NULL);
}

void
heard_draft_opener_offer (GtkWindow    *parent,
                          HeardContext *context,
                          GPtrArray    *drafts)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (HEARD_IS_CONTEXT (context));

  for (guint i = 0; i < drafts->len; i++)
    {
      g_autofree char *body = heard_draft_opener_describe (context, g_ptr_array_index (drafts, i));
      AdwMessageDialog *dialog;
      Offer *offer;

      if (body == NULL)
        continue;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Unsaved writing"), body));
      adw_message_dialog_add_responses (dialog, "throw-away", _("_Throw Away"),
                                        "carry-on", _("_Carry On"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "throw-away",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (dialog, "carry-on", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "carry-on");
      /* Closing the question keeps the draft for the next start. */
      adw_message_dialog_set_close_response (dialog, "later");

      offer = g_new0 (Offer, 1);
      g_set_weak_pointer (&offer->parent, parent);
      offer->context = g_object_ref (context);
      offer->draft = g_object_ref (g_ptr_array_index (drafts, i));
      g_signal_connect_data (dialog, "response", G_CALLBACK (offer_response_cb), offer,
                             (GClosureNotify) (void (*) (void)) offer_free, 0);
      /* The question names a young person: it goes when Heard locks. */
      g_signal_connect_object (context, "locking", G_CALLBACK (gtk_window_destroy), dialog,
                               G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

char *
heard_draft_opener_describe (HeardContext *context,
                             HeardDraft   *draft)
{
  HeardPerson *person;
  const char *name;

  g_return_val_if_fail (HEARD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (HEARD_IS_DRAFT (draft), NULL);

  if (heard_draft_get_kind (draft) == HEARD_DRAFT_PERSON && heard_draft_get_person_id (draft) == 0)
    return g_strdup (_("You were adding a young person when Heard closed."));

  person = find_person (context, heard_draft_get_person_id (draft));
  if (person == NULL)
    return NULL;

  /* Called what they like to be called, as everywhere else. */
  name = heard_person_get_preferred_name (person);
  if (*name == '\0')
    name = heard_person_get_display_name (person);

  /* TRANSLATORS: in each of these, %s is the young person's name. */
  switch (heard_draft_get_kind (draft))
    {
    case HEARD_DRAFT_STATEMENT:
      return g_strdup_printf (_("You were writing a statement for %s when Heard closed."), name);
    case HEARD_DRAFT_AMENDMENT:
      return g_strdup_printf (_("You were amending a statement by %s when Heard closed."), name);
    case HEARD_DRAFT_RESPONSE:
      return g_strdup_printf (_("You were writing an answer to a statement by %s when Heard "
                                "closed."), name);
    case HEARD_DRAFT_PERSON:
      return g_strdup_printf (_("You were changing the record of %s when Heard closed."), name);
    case HEARD_DRAFT_REMOVAL:
      return g_strdup_printf (_("You were removing the record of %s when Heard closed."), name);
    case HEARD_DRAFT_AREA:
      return g_strdup_printf (_("You were changing an area of %s’s plan when Heard closed."),
                              name);
    case HEARD_DRAFT_ACTION:
      return g_strdup_printf (_("You were changing an action in %s’s plan when Heard closed."),
                              name);
    case HEARD_DRAFT_DECISION:
      return g_strdup_printf (_("You were reviewing %s’s plan when Heard closed."), name);
    case HEARD_DRAFT_CLOSURE:
      return g_strdup_printf (_("You were closing %s’s plan when Heard closed."), name);
    case HEARD_DRAFT_NEW_AREA:
      return g_strdup_printf (_("You were adding an area to %s’s plan when Heard closed."),
                              name);
    case HEARD_DRAFT_NEW_ACTION:
      return g_strdup_printf (_("You were adding an action to %s’s plan when Heard closed."),
                              name);
    case HEARD_DRAFT_CHECK_IN:
      return g_strdup_printf (_("You were recording a check-in with %s when Heard closed."),
                              name);
    case HEARD_DRAFT_CHRONOLOGY_ENTRY:
      return g_strdup_printf (_("You were logging a warning sign or strength for %s when Heard "
                                "closed."), name);
    case HEARD_DRAFT_CLUSTER_DECISION:
      return g_strdup_printf (_("You were recording a decision on warning signs for %s when "
                                "Heard closed."), name);
    default:
      g_assert_not_reached ();
    }
}

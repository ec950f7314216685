/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-context"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "heard-audit.h"
#include "heard-audit-guard.h"
#include "heard-backup.h"
#include "heard-backup-service-private.h"
#include "heard-case-file-private.h"
#include "heard-caseload-model-private.h"
#include "heard-context.h"
#include "heard-context-private.h"
#include "heard-csv.h"
#include "heard-keyring.h"
#include "heard-recovery-code.h"
#include "heard-secure.h"
#include "heard-removed-person.h"
#include "heard-directory-list-private.h"
#include "heard-staff-list-private.h"
#include "heard-store-drafts.h"
#include "heard-store-people.h"
#include "heard-store-sharing.h"
#include "heard-store-agencies.h"
#include "heard-store-chronology.h"
#include "heard-store-staff.h"
#include "heard-store-statements.h"
#include "heard-unlock-flow.h"

/*
 * HeardContext is what the windows share: the services behind the records
 * (the unlock flow that opens them, the open store, the audit guard), the
 * live models that cross young people (the list of young people, the staff,
 * the caseload overview) and where Heard stands, the lock state. Opening is
 * the unlock flow's work; the context takes the store and key it hands
 * over, has the audit guard check the trail, lists the young people and
 * says the records are open. Locking undoes all of it in one call.
 */

struct _HeardContext
{
  GObject          parent_instance;

  /* The services. */
  HeardUnlockFlow *unlock_flow;
  HeardStore      *store;
  HeardKey        *key;
  HeardAuditGuard *audit_guard;
  HeardBackupService *backups;
  /* A restore is under way: it opens the records again itself, so no
   * other start may take the folder from it meanwhile. */
  gboolean         restoring;
  GListStore      *people;
  /* Those removed as made by mistake (HeardRemovedPerson), newest first. */
  GListStore      *removed_people;
  /* The open case files by person id (gint64 *), unowned. */
  GHashTable      *case_files;
  HeardStaffList  *staff;
  HeardDirectoryList *agencies;
  HeardCaseloadModel *caseload;
  /* The models' own reads, cancelled on locking. */
  GCancellable    *models_cancellable;

  HeardLockState   lock_state;
  char            *lock_message;
  /* When the caseworker's passphrase may next be tried (monotonic), or 0. */
  gint64           caseworker_retry_at;
  /* Set while the keyring is locked: waiting for it to be unlocked. */
  GCancellable    *keyring_watch;
  /* Set while a lock closes the store: a start or a close waits for it. */
  GTask           *lock_task;
};

G_DEFINE_FINAL_TYPE (HeardContext, heard_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOCK_STATE,
  PROP_LOCK_MESSAGE,
  PROP_AUDIT_PROBLEM,
  PROP_CASEWORKER_RETRY_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LOCKING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void watch_keyring (HeardContext *self);
static void stop_watching_keyring (HeardContext *self);
static void attach_models (HeardContext *self);
static void restore_now (GTask *task);
static void detach_models (HeardContext *self);
static void let_go_of_records (HeardContext   *self,
                               GTask          *task,
                               HeardLockState  state,
                               const char     *message);
static void lock_store_closed_cb (GObject      *object,
                                  GAsyncResult *result,
                                  gpointer      user_data);

static void
set_lock_state (HeardContext   *self,
                HeardLockState  state,
                const char     *message)
{
  if (g_strcmp0 (self->lock_message, message) != 0)
    {
      g_free (self->lock_message);
      self->lock_message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCK_MESSAGE]);
    }

  if (self->lock_state != state)
    {
      self->lock_state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCK_STATE]);
    }

  /* However the keyring gets unlocked, the records open without a click. */
  if (state == HEARD_LOCK_STATE_KEYRING_LOCKED)
    watch_keyring (self);
  else
    stop_watching_keyring (self);
}

/* The unlock flow may have noted a new wait after a wrong passphrase. */
static void
follow_retry_at (HeardContext *self)
{
  gint64 retry_at = heard_unlock_flow_get_caseworker_retry_at (self->unlock_flow);

  if (self->caseworker_retry_at == retry_at)
    return;
  self->caseworker_retry_at = retry_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASEWORKER_RETRY_AT]);
}

/* Ends an attempt in a new state that the window will show. */
static void
finish_in_state (GTask          *task,
                 HeardLockState  state,
                 const char     *message)
{
  set_lock_state (g_task_get_source_object (task), state, message);
  g_task_return_int (task, state);
}

static int
compare_people_by_name (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  g_autofree char *key_a = g_utf8_collate_key (heard_person_get_display_name ((HeardPerson *) a),
                                               -1);
  g_autofree char *key_b = g_utf8_collate_key (heard_person_get_display_name ((HeardPerson *) b),
                                               -1);

  return strcmp (key_a, key_b);
}

/* Records being opened, from the store the unlock flow handed over to the
 * end of the check at open: the list of young people is shown as soon as
 * it is read, and the start finishes once the trail was checked too. */
typedef struct
{
  HeardStore     *store;
  /* OPEN, or SHOW_RECOVERY_CODE: what the unlock flow said once it opened them. */
  HeardLockState  state;
  gboolean        listed;
  gboolean        checked;
  /* While records checked with nothing noted yet are anchored, and while
   * records that could not be checked close again. */
  gboolean        anchoring;
  gboolean        closing;
} Opening;

static void
opening_free (Opening *opening)
{
  g_assert (!opening->anchoring && !opening->closing);
  g_object_unref (opening->store);
  g_free (opening);
}

/* Whether the records being opened are still the ones open: a lock (or
 * another start) may have come between. */
static gboolean
still_open (GTask *task)
{
  HeardContext *self = g_task_get_source_object (task);
  Opening *opening = g_task_get_task_data (task);

  return self->store == opening->store;
}

/* Finishes the start once both the list and the check are in. */
static void
finish_opening (GTask *task)
{
  HeardContext *self = g_task_get_source_object (task);
  Opening *opening = g_task_get_task_data (task);

  if (!opening->listed || !opening->checked || opening->anchoring || opening->closing)
    return;

  /* Unless the list could not be read; the recovery code shown with it may
   * have been confirmed meanwhile. */
  if (still_open (task) && self->lock_state != HEARD_LOCK_STATE_FAILED)
    {
      /* A backup that is due runs now, behind the check. */
      _heard_backup_service_attach (self->backups, self->store, self->key,
                                    heard_unlock_flow_get_uuid (self->unlock_flow),
                                    heard_unlock_flow_get_practice (self->unlock_flow));
    }

  g_task_return_int (task, self->lock_state);
}

static void
people_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardContext *self = g_task_get_source_object (task);
  Opening *opening = g_task_get_task_data (task);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  opening->listed = TRUE;
  people = heard_store_list_people_finish (HEARD_STORE (object), result, &error);
  if (!still_open (task))
    ;
  else if (people == NULL)
    {
      set_lock_state (self, HEARD_LOCK_STATE_FAILED, error->message);
    }
  else
    {
      g_list_store_splice (self->people, 0,
                           g_list_model_get_n_items (G_LIST_MODEL (self->people)),
                           people->pdata, people->len);
      g_list_store_sort (self->people, compare_people_by_name, NULL);
      /* Shown now; writing waits behind the check, which is queued already. */
      set_lock_state (self, opening->state, NULL);
    }

  finish_opening (task);
}

static void
unchecked_closed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Opening *opening = g_task_get_task_data (task);

  /* Nothing was written, so nothing is lost if the close could not fold
   * anything in. */
  g_task_propagate_boolean (G_TASK (result), NULL);
  opening->closing = FALSE;
  finish_opening (task);
}

/* Records that could not be checked at open (a damaged file): everything
 * is let go of, as a lock would, and the window says why; the start
 * finishes once the store has closed, as a refused open leaves it. */
static void
close_unchecked (GTask      *task,
                 const char *message)
{
  HeardContext *self = g_task_get_source_object (task);
  Opening *opening = g_task_get_task_data (task);
  GTask *closing = g_task_new (self, NULL, unchecked_closed_cb, g_object_ref (task));

  g_task_set_source_tag (closing, close_unchecked);
  opening->closing = TRUE;
  let_go_of_records (self, closing, HEARD_LOCK_STATE_FAILED, message);
  /* No anchor is noted: nothing was checked to note. */
  heard_audit_guard_close (self->audit_guard);
  heard_store_close_async (g_task_get_task_data (closing), NULL, lock_store_closed_cb, closing);
}

static void
first_anchor_noted_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Opening *opening = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* Noted at the next save of the anchor, if not now. */
  if (!heard_context_reanchor_audit_finish (HEARD_CONTEXT (object), result, &error))
    g_message ("Could not note the audit trail's anchor: %s", error->message);
  opening->anchoring = FALSE;
  finish_opening (task);
}

static void
audit_checked_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardContext *self = g_task_get_source_object (task);
  Opening *opening = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean unanchored = FALSE;

  /* A problem found in the trail is not an error: whatever was found, the
   * records are read and shown. Records that could not be checked at all
   * (a damaged file) are closed again, as if the open had refused them. */
  opening->checked = TRUE;
  if (!heard_audit_guard_check_opened_finish (HEARD_AUDIT_GUARD (object), result, &unanchored,
                                              &error))
    {
      if (still_open (task))
        close_unchecked (task, error->message);
    }
  /* Anchored through the context, which stays until the anchor is noted
   * (and with it the folder lock the unlock flow holds); the start
   * finishes once heard.ini is written. */
  else if (unanchored && still_open (task))
    {
      opening->anchoring = TRUE;
      heard_context_reanchor_audit_async (self, NULL, first_anchor_noted_cb,
                                          g_object_ref (task));
    }

  finish_opening (task);
}

/* The anchor is known: the list, the models' reads (the caseload overview
 * Heard opens on) and the check are queued at once, in this order, on the
 * store's one thread. What is shown comes first; no write can come before
 * the check, since none is asked for until the list is shown. */
static void
anchor_found_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardContext *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!heard_audit_guard_open_finish (HEARD_AUDIT_GUARD (object), result, &error))
    g_warning ("Could not read the audit trail's anchor: %s", error->message);

  if (!still_open (task))
    {
      g_task_return_int (task, self->lock_state);
      return;
    }

  heard_store_list_people_async (self->store, g_task_get_cancellable (task),
                                 people_loaded_cb, g_object_ref (task));
  attach_models (self);
  heard_audit_guard_check_opened_async (self->audit_guard, NULL, audit_checked_cb,
                                        g_object_ref (task));
}

/* The records are open in self->store: the audit trail's anchor is read,
 * then the young people are listed, the models follow and the trail is
 * checked (anchor_found_cb()); @task finishes in @state. */
static void
show_records (GTask          *task,
              HeardLockState  state)
{
  HeardContext *self = g_task_get_source_object (task);
  Opening *opening = g_new0 (Opening, 1);

  opening->store = g_object_ref (self->store);
  opening->state = state;
  g_task_set_task_data (task, opening, (GDestroyNotify) opening_free);
  heard_audit_guard_open_async (self->audit_guard, self->store, self->key, NULL,
                                anchor_found_cb, g_object_ref (task));
}

/* A step of the unlock flow is over: the records are open, or there is a
 * state to show; a refusal leaves the state where it was. */
static void
flow_step_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardContext *self = g_task_get_source_object (task);
  g_autoptr(HeardOpenedRecords) opened = NULL;
  g_autofree char *message = NULL;
  GError *error = NULL;
  HeardLockState state;

  state = heard_unlock_flow_finish (HEARD_UNLOCK_FLOW (object), result, &opened, &message,
                                    &error);
  follow_retry_at (self);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (opened == NULL)
    {
      finish_in_state (task, state, message);
      return;
    }

  /* Let go of any store before, then hold the new one. */
  detach_models (self);
  g_set_object (&self->store, opened->store);
  g_clear_pointer (&self->key, heard_key_free);
  self->key = g_steal_pointer (&opened->key);

  /* Nothing of the records is read until the caseworker has a passphrase. */
  if (state == HEARD_LOCK_STATE_NEEDS_NEW_CASEWORKER_PASSPHRASE)
    {
      finish_in_state (task, state, message);
      return;
    }

  show_records (task, state);
}

/* A task of the context's own for a step that the unlock flow or the audit
 * guard takes; @opening shows the quiet placeholder meanwhile. */
static GTask *
new_step_task (HeardContext        *self,
               gpointer             source_tag,
               gboolean             opening,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  if (opening)
    set_lock_state (self, HEARD_LOCK_STATE_OPENING, NULL);

  return task;
}

static void
keyring_watched_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  HeardContext *self = user_data;
  GTask *task;

  /* Cancelled means the context moved on, or is gone: leave it alone. */
  if (!heard_unlock_flow_wait_for_keyring_finish (HEARD_UNLOCK_FLOW (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* The page still offers to unlock; that starts a new watch. */
          g_message ("Cannot tell when the keyring is unlocked: %s", error->message);
          g_clear_object (&self->keyring_watch);
        }
      return;
    }

  g_clear_object (&self->keyring_watch);
  if (self->lock_state != HEARD_LOCK_STATE_KEYRING_LOCKED)
    return;

  task = new_step_task (self, keyring_watched_cb, TRUE, NULL, NULL, NULL);
  heard_unlock_flow_resume_async (self->unlock_flow, NULL, flow_step_done_cb, task);
}

/* Holds no reference: finalizing the context cancels the watch, and a
 * cancelled watch never touches the context. */
static void
watch_keyring (HeardContext *self)
{
  if (self->keyring_watch != NULL || heard_unlock_flow_get_uuid (self->unlock_flow) == NULL)
    return;

  self->keyring_watch = g_cancellable_new ();
  heard_unlock_flow_wait_for_keyring_async (self->unlock_flow, self->keyring_watch,
                                            keyring_watched_cb, self);
}

static void
stop_watching_keyring (HeardContext *self)
{
  if (self->keyring_watch == NULL)
    return;

  g_cancellable_cancel (self->keyring_watch);
  g_clear_object (&self->keyring_watch);
}

static void
recovery_confirmed_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!heard_unlock_flow_confirm_recovery_code_kept_finish (HEARD_UNLOCK_FLOW (object), result,
                                                            &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* At a first run the caseworker chooses a passphrase next. */
  finish_in_state (task,
                   heard_unlock_flow_get_needs_new_caseworker_passphrase (HEARD_UNLOCK_FLOW (object))
                     ? HEARD_LOCK_STATE_NEEDS_NEW_CASEWORKER_PASSPHRASE : HEARD_LOCK_STATE_OPEN,
                   NULL);
}

static void
caseworker_passphrase_set_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardContext *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!heard_unlock_flow_set_caseworker_passphrase_finish (HEARD_UNLOCK_FLOW (object), result,
                                                           &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* At a first run the (empty) records were shown already. */
  if (self->models_cancellable != NULL)
    finish_in_state (task, HEARD_LOCK_STATE_OPEN, NULL);
  else
    show_records (task, HEARD_LOCK_STATE_OPEN);
}

static void
caseworker_passphrase_changed_cb (GObject      *object,
                                  GAsyncResult *result,
                                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardContext *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!heard_unlock_flow_change_caseworker_passphrase_finish (HEARD_UNLOCK_FLOW (object), result,
                                                              &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  follow_retry_at (self);
}

static int
find_person_index (HeardContext *self,
                   gint64        id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->people));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeardPerson) person = g_list_model_get_item (G_LIST_MODEL (self->people), i);

      if (heard_person_get_id (person) == id)
        return (int) i;
    }

  return -1;
}

static void
person_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardContext *self = g_task_get_source_object (task);
  HeardPerson *saved = g_task_get_task_data (task);
  g_autoptr(HeardPerson) listed = NULL;
  GError *error = NULL;
  gint64 id;
  int index;

  id = heard_store_save_person_finish (HEARD_STORE (object), result, &error);
  if (id == 0)
    {
      g_task_return_error (task, error);
      return;
    }

  heard_person_set_id (saved, id);
  index = find_person_index (self, id);
  if (index < 0)
    {
      listed = g_object_ref (saved);
      g_list_store_insert_sorted (self->people, listed, compare_people_by_name, NULL);
    }
  else
    {
      listed = g_list_model_get_item (G_LIST_MODEL (self->people), (guint) index);
      heard_person_update_from (listed, saved);
      /* A new name may belong elsewhere in the alphabet. */
      g_list_store_sort (self->people, compare_people_by_name, NULL);
    }

  g_task_return_pointer (task, g_steal_pointer (&listed), g_object_unref);
}

static void
person_removed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardContext *self = g_task_get_source_object (task);
  gint64 *id = g_task_get_task_data (task);
  GError *error = NULL;
  int index;

  if (!heard_store_set_person_removed_finish (HEARD_STORE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  index = find_person_index (self, *id);
  if (index >= 0)
    g_list_store_remove (self->people, (guint) index);

  g_task_return_boolean (task, TRUE);
}

static void merge_people (HeardContext *self,
                          GPtrArray    *read);

static void
restored_person_read_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardContext *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) people = NULL;
  GError *error = NULL;

  people = heard_store_list_people_finish (HEARD_STORE (object), result, &error);
  if (people == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  merge_people (self, people);
  g_task_return_boolean (task, TRUE);
}

static void
person_restored_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!heard_store_set_person_removed_finish (HEARD_STORE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Finished once the list shows them again, with what was kept. */
  heard_store_list_people_async (HEARD_STORE (object), NULL, restored_person_read_cb,
                                 g_steal_pointer (&task));
}

static void
removed_people_read_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(HeardContext) self = user_data;
  g_autoptr(GPtrArray) removed = NULL;
  g_autoptr(GError) error = NULL;

  removed = heard_store_list_removed_people_finish (HEARD_STORE (object), result, &error);
  if (removed != NULL)
    g_list_store_splice (self->removed_people, 0,
                         g_list_model_get_n_items (G_LIST_MODEL (self->removed_people)),
                         removed->pdata, removed->len);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not read the removed records: %s", error->message);
}

static void
read_removed_people (HeardContext *self)
{
  heard_store_list_removed_people_async (self->store, self->models_cancellable,
                                         removed_people_read_cb, g_object_ref (self));
}

/* The live models: the list of young people follows the store's changes
 * (whoever made them); the staff list and the caseload follow them on
 * their own. */

/* The list becomes @read: everyone still there keeps their object (with
 * what was read), the new join in, those gone go. */
static void
merge_people (HeardContext *self,
              GPtrArray    *read)
{
  g_autoptr(GHashTable) unlisted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          NULL);
  GListModel *model = G_LIST_MODEL (self->people);
  gboolean renamed = FALSE;

  for (guint i = 0; i < read->len; i++)
    {
      HeardPerson *person = g_ptr_array_index (read, i);
      gint64 *id = g_new (gint64, 1);

      *id = heard_person_get_id (person);
      g_hash_table_insert (unlisted, id, person);
    }

  for (guint i = g_list_model_get_n_items (model); i > 0; i--)
    {
      g_autoptr(HeardPerson) listed = g_list_model_get_item (model, i - 1);
      gint64 id = heard_person_get_id (listed);
      HeardPerson *found = g_hash_table_lookup (unlisted, &id);

      if (found == NULL)
        {
          g_list_store_remove (self->people, i - 1);
          continue;
        }

      if (g_strcmp0 (heard_person_get_display_name (listed),
                     heard_person_get_display_name (found)) != 0)
        renamed = TRUE;
      heard_person_update_from (listed, found);
      g_hash_table_remove (unlisted, &id);
    }

  for (guint i = 0; i < read->len; i++)
    {
      HeardPerson *person = g_ptr_array_index (read, i);
      gint64 id = heard_person_get_id (person);

      if (g_hash_table_contains (unlisted, &id))
        g_list_store_insert_sorted (self->people, person, compare_people_by_name, NULL);
    }

  /* A new name may belong elsewhere in the alphabet. */
  if (renamed)
    g_list_store_sort (self->people, compare_people_by_name, NULL);
}

static void
people_reread_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HeardContext) self = user_data;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  people = heard_store_list_people_finish (HEARD_STORE (object), result, &error);
  if (people != NULL)
    merge_people (self, people);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not read the young people again: %s", error->message);
}

static void
store_changed_cb (HeardStore      *store,
                  HeardRecordKind  kind,
                  gint64           person_id,
                  gint64           record_id,
                  HeardContext    *self)
{
  if (kind == HEARD_RECORD_KIND_PERSON)
    {
      heard_store_list_people_async (store, self->models_cancellable, people_reread_cb,
                                     g_object_ref (self));
      read_removed_people (self);
    }
}

/* The records are open in self->store: the models follow it. */
static void
attach_models (HeardContext *self)
{
  self->models_cancellable = g_cancellable_new ();
  g_signal_connect (self->store, "changed", G_CALLBACK (store_changed_cb), self);
  _heard_live_list_set_store (HEARD_LIVE_LIST (self->staff), self->store);
  _heard_live_list_set_store (HEARD_LIVE_LIST (self->agencies), self->store);
  _heard_caseload_model_set_store (self->caseload, self->store);
  read_removed_people (self);
}

/* Empties every model and stops their reads. */
static void
detach_models (HeardContext *self)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_cancellable_cancel (self->models_cancellable);
  g_clear_object (&self->models_cancellable);
  g_list_store_remove_all (self->people);
  g_list_store_remove_all (self->removed_people);
  _heard_live_list_set_store (HEARD_LIVE_LIST (self->staff), NULL);
  _heard_live_list_set_store (HEARD_LIVE_LIST (self->agencies), NULL);
  _heard_caseload_model_set_store (self->caseload, NULL);
}

static void
list_shown_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* Saved either way; a failed read of the list was logged. */
  if (!_heard_live_list_wait_finish (HEARD_LIVE_LIST (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return;
    }

  g_clear_error (&error);
  g_task_return_int (task, GPOINTER_TO_SIZE (g_task_get_task_data (task)));
}

/* The id a write to the staff or the directory finished with, 0 with
 * @error set. */
static gint64
propagate_id (GAsyncResult  *result,
              GError       **error)
{
  GError *local_error = NULL;
  gint64 id = g_task_propagate_int (G_TASK (result), &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return 0;
    }

  return id;
}

/* A write to the staff or the directory landed: it finishes once @list
 * shows it. */
static void
list_written (HeardLiveList *list,
              GTask         *task,
              gint64         id,
              GError        *error)
{
  if (error != NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  g_task_set_task_data (task, GSIZE_TO_POINTER ((gsize) id), NULL);
  _heard_live_list_wait_async (list, NULL, list_shown_cb, task);
}

static void
staff_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;
  gint64 id = heard_store_save_staff_finish (HEARD_STORE (object), result, &error);
  HeardContext *self = g_task_get_source_object (task);

  list_written (HEARD_LIVE_LIST (self->staff), task, id, error);
}

static void
staff_retired_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  HeardContext *self = g_task_get_source_object (task);

  heard_store_retire_staff_finish (HEARD_STORE (object), result, &error);
  list_written (HEARD_LIVE_LIST (self->staff), task, 1, error);
}

static void
agency_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;
  gint64 id = heard_store_save_agency_finish (HEARD_STORE (object), result, &error);
  HeardContext *self = g_task_get_source_object (task);

  list_written (HEARD_LIVE_LIST (self->agencies), task, id, error);
}

static void
agency_retired_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;
  HeardContext *self = g_task_get_source_object (task);

  heard_store_retire_agency_finish (HEARD_STORE (object), result, &error);
  list_written (HEARD_LIVE_LIST (self->agencies), task, 1, error);
}

static void
numbers_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autofree HeardClusterNumbers *numbers = g_new0 (HeardClusterNumbers, 1);
  GError *error = NULL;

  if (heard_store_get_cluster_numbers_finish (HEARD_STORE (object), result, numbers, &error))
    g_task_return_pointer (task, g_steal_pointer (&numbers), g_free);
  else
    g_task_return_error (task, error);
}

static void
numbers_set_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (heard_store_set_cluster_numbers_finish (HEARD_STORE (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Each search the context hands on finishes as a pointer. */
static void
statements_searched_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GPtrArray *matches = heard_store_search_statements_finish (HEARD_STORE (object), result,
                                                             &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, matches, (GDestroyNotify) g_ptr_array_unref);
}

static void
people_searched_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GHashTable *matches = heard_store_search_people_finish (HEARD_STORE (object), result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, matches, (GDestroyNotify) g_hash_table_unref);
}

static void
return_done (GTask    *task,
             gboolean  done,
             GError   *error)
{
  if (!done)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
draft_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  return_done (task, heard_store_save_draft_finish (HEARD_STORE (object), result, &error), error);
}

static void
draft_deleted_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  return_done (task, heard_store_delete_draft_finish (HEARD_STORE (object), result, &error),
               error);
}

static void
drafts_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GPtrArray *drafts = heard_store_list_drafts_finish (HEARD_STORE (object), result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, drafts, (GDestroyNotify) g_ptr_array_unref);
}

/* A task for a draft call, or NULL when it has finished already: without
 * open records there is nowhere to keep a draft. */
static GTask *
new_draft_task (HeardContext        *self,
                gpointer             source_tag,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  if (self->store == NULL)
    {
      g_task_return_new_error (task, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_OPEN,
                               "The records are not open");
      return NULL;
    }

  return g_steal_pointer (&task);
}

static void
store_closed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!heard_store_close_finish (HEARD_STORE (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* On quit the backup that is due has been made (or could not be). */
static void
backed_up_before_close_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  GTask *task = user_data;
  HeardContext *self = g_task_get_source_object (task);

  _heard_backup_service_finish_finish (HEARD_BACKUP_SERVICE (object), result);
  _heard_backup_service_detach (self->backups);
  if (self->store == NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
    }
  else
    heard_store_close_async (self->store, NULL, store_closed_cb, task);
}

static void
audit_problem_changed_cb (HeardContext *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIT_PROBLEM]);
}

/* Each step of the audit guard the context hands on finishes as a boolean. */
static void
audit_step_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
audit_verified_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  guint n_entries = 0;

  if (!heard_audit_guard_verify_finish (HEARD_AUDIT_GUARD (object), result, &n_entries, &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, n_entries);
}

/* Every case file lets go of its records; the registry forgets them all,
 * so that none is handed out again after an unlock. */
static void
drop_case_files (HeardContext *self)
{
  g_autoptr(GList) case_files = g_hash_table_get_values (self->case_files);

  g_hash_table_remove_all (self->case_files);
  for (GList *l = case_files; l != NULL; l = l->next)
    _heard_case_file_drop (l->data);
}

/* Lets go of the open records, as a lock does, and shows @state: emits
 * "locking", stops a backup, drops every case file, empties every model and
 * wipes the key. The store goes to @task's data, and @task is the lock any
 * later start or close waits for, until it has closed the store
 * (lock_store_closed_cb()). */
static void
let_go_of_records (HeardContext   *self,
                   GTask          *task,
                   HeardLockState  state,
                   const char     *message)
{
  stop_watching_keyring (self);
  g_signal_emit (self, signals[LOCKING], 0);
  /* A running backup is cancelled; one that is due waits for the unlock. */
  _heard_backup_service_detach (self->backups);
  drop_case_files (self);
  detach_models (self);
  g_clear_pointer (&self->key, heard_key_free);
  heard_unlock_flow_forget_caseworker (self->unlock_flow);
  g_task_set_task_data (task, g_steal_pointer (&self->store), g_object_unref);
  self->lock_task = task;
  set_lock_state (self, state, message);
}

static void
lock_store_closed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardContext *self = g_task_get_source_object (task);
  GError *error = NULL;

  self->lock_task = NULL;
  /* The records are safe in the WAL either way; the next open folds it in. */
  if (!heard_store_close_finish (HEARD_STORE (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
lock_anchor_saved_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GTask *task = user_data;
  HeardAuditGuard *guard = HEARD_AUDIT_GUARD (object);
  g_autoptr(GError) error = NULL;

  if (!heard_audit_guard_save_anchor_finish (guard, result, &error))
    g_warning ("Could not note the newest audit entry before locking: %s", error->message);

  heard_audit_guard_close (guard);
  /* After the writes already asked for, as on quit. */
  heard_store_close_async (g_task_get_task_data (task), NULL, lock_store_closed_cb, task);
}

static void
start_after_lock_cb (GTask      *lock_task,
                     GParamSpec *pspec,
                     GTask      *task)
{
  HeardContext *self = g_task_get_source_object (task);

  g_signal_handlers_disconnect_by_data (lock_task, task);
  heard_unlock_flow_start_async (self->unlock_flow, g_task_get_cancellable (task),
                                 flow_step_done_cb, task);
}

static void
close_after_lock_cb (GTask      *lock_task,
                     GParamSpec *pspec,
                     GTask      *task)
{
  g_signal_handlers_disconnect_by_data (lock_task, task);
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
restore_after_lock_cb (GTask      *lock_task,
                       GParamSpec *pspec,
                       GTask      *task)
{
  g_signal_handlers_disconnect_by_data (lock_task, task);
  restore_now (task);
}

static void
heard_context_finalize (GObject *object)
{
  HeardContext *self = HEARD_CONTEXT (object);

  stop_watching_keyring (self);
  detach_models (self);
  g_clear_object (&self->staff);
  g_clear_object (&self->agencies);
  g_clear_object (&self->caseload);
  /* Its timer and its copy of the key go with the context, even while a
   * note of the anchor is still on its way. */
  heard_audit_guard_close (self->audit_guard);
  g_clear_object (&self->audit_guard);
  g_clear_object (&self->backups);
  g_clear_object (&self->store);
  g_clear_object (&self->unlock_flow);
  g_clear_object (&self->people);
  g_clear_object (&self->removed_people);
  /* Each case file holds the context, so none is open by now. */
  g_assert (g_hash_table_size (self->case_files) == 0);
  g_clear_pointer (&self->case_files, g_hash_table_unref);
  g_clear_pointer (&self->key, heard_key_free);
  g_free (self->lock_message);

  G_OBJECT_CLASS (heard_context_parent_class)->finalize (object);
}

static void
heard_context_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HeardContext *self = HEARD_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_LOCK_STATE:
      g_value_set_int (value, self->lock_state);
      break;

    case PROP_LOCK_MESSAGE:
      g_value_set_string (value, self->lock_message);
      break;

    case PROP_AUDIT_PROBLEM:
      g_value_set_string (value, heard_audit_guard_get_problem (self->audit_guard));
      break;

    case PROP_CASEWORKER_RETRY_AT:
      g_value_set_int64 (value, self->caseworker_retry_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_context_class_init (HeardContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = heard_context_finalize;
  object_class->get_property = heard_context_get_property;

  properties[PROP_LOCK_STATE] =
    g_param_spec_int ("lock-state", NULL, NULL, HEARD_LOCK_STATE_OPENING,
                      HEARD_LOCK_STATE_LOCKED, HEARD_LOCK_STATE_OPENING,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* When the caseworker's passphrase may next be tried, in monotonic
   * time (g_get_monotonic_time()), after too many wrong tries; 0: now. */
  properties[PROP_CASEWORKER_RETRY_AT] =
    g_param_spec_int64 ("caseworker-retry-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCK_MESSAGE] =
    g_param_spec_string ("lock-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUDIT_PROBLEM] =
    g_param_spec_string ("audit-problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LOCKING] =
    g_signal_new ("locking", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
heard_context_init (HeardContext *self)
{
  self->people = g_list_store_new (HEARD_TYPE_PERSON);
  self->removed_people = g_list_store_new (HEARD_TYPE_REMOVED_PERSON);
  self->case_files = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->staff = _heard_staff_list_new ();
  self->agencies = _heard_directory_list_new ();
  self->caseload = _heard_caseload_model_new ();
}

static HeardContext *
new_with_flow (HeardUnlockFlow *unlock_flow)
{
  HeardContext *self = g_object_new (HEARD_TYPE_CONTEXT, NULL);
  const char *data_dir = heard_unlock_flow_get_data_dir (unlock_flow);

  self->unlock_flow = unlock_flow;
  self->audit_guard = heard_audit_guard_new (self->unlock_flow);
  self->backups = _heard_backup_service_new (data_dir);
  g_signal_connect_object (self->audit_guard, "notify::problem",
                           G_CALLBACK (audit_problem_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

/* HEARD_DATA_DIR lets tests and trainers keep separate records. */
char *
heard_context_default_data_dir (void)
{
  const char *override = g_getenv ("HEARD_DATA_DIR");

  if (override != NULL && *override != '\0')
    return g_strdup (override);

  return g_build_filename (g_get_user_data_dir (), "heard", NULL);
}

HeardContext *
heard_context_new (const char *data_dir)
{
  g_return_val_if_fail (data_dir != NULL, NULL);

  return new_with_flow (heard_unlock_flow_new (data_dir));
}

/* The practice records in @data_dir: practice from the start, before the
 * folder is even read, so a window shows them as such from its first
 * frame; a folder that holds other records, or none, is refused. */
HeardContext *
heard_context_new_practice (const char *data_dir)
{
  g_return_val_if_fail (data_dir != NULL, NULL);

  return new_with_flow (heard_unlock_flow_new_practice (data_dir));
}

const char *
heard_context_get_data_dir (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);

  return heard_unlock_flow_get_data_dir (self->unlock_flow);
}

HeardLockState
heard_context_get_lock_state (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), HEARD_LOCK_STATE_FAILED);

  return self->lock_state;
}

const char *
heard_context_get_lock_message (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);

  return self->lock_message;
}

HeardStore *
_heard_context_get_store (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);

  return self->store;
}

const char *
_heard_context_get_records_uuid (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);

  return self->store != NULL ? heard_unlock_flow_get_uuid (self->unlock_flow) : NULL;
}

char *
_heard_context_dup_pseudonym (HeardContext *self,
                              gint64        person_id)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);

  return self->store != NULL && self->key != NULL ? heard_csv_pseudonym (self->key, person_id)
                                                  : NULL;
}

GListModel *
heard_context_get_people (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);

  return G_LIST_MODEL (self->people);
}

/* Everyone whose record was removed as made by mistake
 * (HeardRemovedPerson), newest removal first: live, and empty while locked. */
GListModel *
heard_context_get_removed_people (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);

  return G_LIST_MODEL (self->removed_people);
}

/* Free with heard_secure_free_string(). NULL once the records are locked,
 * and always for practice records, which have none. */
char *
heard_context_dup_recovery_code (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);

  if (self->key == NULL || heard_unlock_flow_get_practice (self->unlock_flow))
    return NULL;

  return heard_recovery_code_format (self->key);
}

/* Whether the folder holds practice records (fictional, opened with their
 * own key, never backed up with the real ones): a window says so at all
 * times. Known from the start for a context made with
 * heard_context_new_practice(), otherwise once a start has looked at the
 * folder. */
gboolean
heard_context_get_practice (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), FALSE);

  return heard_unlock_flow_get_practice (self->unlock_flow);
}

/* Whether anything of the records was found in the folder (or made since):
 * only then can a recovery code exist to open them. */
gboolean
heard_context_get_records_exist (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), FALSE);

  return heard_unlock_flow_get_records_exist (self->unlock_flow);
}

void
heard_context_start_async (HeardContext        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));

  task = new_step_task (self, heard_context_start_async, TRUE, cancellable, callback,
                        user_data);
  /* The lock before a restore shows the unlock page, which asks for a
   * start: the restore's own start, once the folder is replaced, is it. */
  if (self->restoring)
    {
      g_task_return_int (task, HEARD_LOCK_STATE_OPENING);
      g_object_unref (task);
    }
  /* Straight after a lock, the records open once the store has closed. */
  else if (self->lock_task != NULL)
    g_signal_connect (self->lock_task, "notify::completed", G_CALLBACK (start_after_lock_cb),
                      task);
  else
    heard_unlock_flow_start_async (self->unlock_flow, cancellable, flow_step_done_cb, task);
}

void
heard_context_unlock_keyring_async (HeardContext        *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));

  task = new_step_task (self, heard_context_unlock_keyring_async, TRUE, cancellable, callback,
                        user_data);
  heard_unlock_flow_unlock_keyring_async (self->unlock_flow, cancellable, flow_step_done_cb,
                                          task);
}

void
heard_context_unlock_with_recovery_code_async (HeardContext        *self,
                                               const char          *code,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (code != NULL);

  task = new_step_task (self, heard_context_unlock_with_recovery_code_async, FALSE, cancellable,
                        callback, user_data);
  heard_unlock_flow_unlock_with_recovery_code_async (self->unlock_flow, code, cancellable,
                                                     flow_step_done_cb, task);
}

void
heard_context_unlock_with_passphrase_async (HeardContext        *self,
                                            const char          *passphrase,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (passphrase != NULL);

  task = new_step_task (self, heard_context_unlock_with_passphrase_async, FALSE, cancellable,
                        callback, user_data);
  heard_unlock_flow_unlock_with_passphrase_async (self->unlock_flow, passphrase, cancellable,
                                                  flow_step_done_cb, task);
}

void
heard_context_create_with_passphrase_async (HeardContext        *self,
                                            const char          *passphrase,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (passphrase != NULL);

  task = new_step_task (self, heard_context_create_with_passphrase_async, FALSE, cancellable,
                        callback, user_data);
  heard_unlock_flow_create_with_passphrase_async (self->unlock_flow, passphrase, cancellable,
                                                  flow_step_done_cb, task);
}

void
heard_context_confirm_recovery_code_kept_async (HeardContext        *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (self->store != NULL);

  task = new_step_task (self, heard_context_confirm_recovery_code_kept_async, FALSE, cancellable,
                        callback, user_data);
  heard_unlock_flow_confirm_recovery_code_kept_async (self->unlock_flow, cancellable,
                                                      recovery_confirmed_cb, task);
}

void
heard_context_unlock_with_caseworker_passphrase_async (HeardContext        *self,
                                                       const char          *passphrase,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (passphrase != NULL);

  task = new_step_task (self, heard_context_unlock_with_caseworker_passphrase_async, FALSE,
                        cancellable, callback, user_data);
  heard_unlock_flow_unlock_with_caseworker_passphrase_async (self->unlock_flow, passphrase,
                                                             cancellable, flow_step_done_cb,
                                                             task);
}

void
heard_context_set_caseworker_passphrase_async (HeardContext        *self,
                                               const char          *passphrase,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (passphrase != NULL);

  task = new_step_task (self, heard_context_set_caseworker_passphrase_async, FALSE, cancellable,
                        callback, user_data);
  heard_unlock_flow_set_caseworker_passphrase_async (self->unlock_flow, passphrase, cancellable,
                                                     caseworker_passphrase_set_cb, task);
}

void
heard_context_change_caseworker_passphrase_async (HeardContext        *self,
                                                  const char          *old_passphrase,
                                                  const char          *new_passphrase,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (old_passphrase != NULL && new_passphrase != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_change_caseworker_passphrase_async);
  heard_unlock_flow_change_caseworker_passphrase_async (self->unlock_flow, old_passphrase,
                                                        new_passphrase, cancellable,
                                                        caseworker_passphrase_changed_cb, task);
}

gboolean
heard_context_change_caseworker_passphrase_finish (HeardContext  *self,
                                                   GAsyncResult  *result,
                                                   GError       **error)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
staff_passphrase_checked_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardContext *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!heard_unlock_flow_check_staff_passphrase_finish (HEARD_UNLOCK_FLOW (object), result,
                                                        &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  follow_retry_at (self);
}

void
heard_context_check_staff_passphrase_async (HeardContext        *self,
                                            const char          *passphrase,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (passphrase != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_check_staff_passphrase_async);
  heard_unlock_flow_check_staff_passphrase_async (self->unlock_flow, passphrase, self->key,
                                                  cancellable, staff_passphrase_checked_cb,
                                                  task);
}

gboolean
heard_context_check_staff_passphrase_finish (HeardContext  *self,
                                             GAsyncResult  *result,
                                             GError       **error)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gint64
heard_context_get_caseworker_retry_at (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), 0);

  return self->caseworker_retry_at;
}

gboolean
heard_context_get_has_caseworker_passphrase (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), FALSE);

  return heard_unlock_flow_get_has_caseworker_passphrase (self->unlock_flow);
}

HeardLockState
heard_context_unlock_finish (HeardContext  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  GError *local_error = NULL;
  gssize state;

  g_return_val_if_fail (HEARD_IS_CONTEXT (self), HEARD_LOCK_STATE_FAILED);
  g_return_val_if_fail (g_task_is_valid (result, self), HEARD_LOCK_STATE_FAILED);

  state = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return self->lock_state;
    }

  return (HeardLockState) state;
}

void
heard_context_save_person_async (HeardContext        *self,
                                 HeardPerson         *person,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (HEARD_IS_PERSON (person));
  g_return_if_fail (self->store != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_save_person_async);
  g_task_set_task_data (task, heard_person_copy (person), g_object_unref);
  /* Once a write is queued it happens; the shared list must hear of it even
   * if the caller has gone, so only the caller's task can be cancelled. */
  heard_store_save_person_async (self->store, person, NULL, person_saved_cb, task);
}

/* Returns the person as the shared list holds it, now saved. */
HeardPerson *
heard_context_save_person_finish (HeardContext  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Only the case file removes, having checked that it may
 * (heard_case_file_remove_async()); @detail is the audit entry's. */
void
_heard_context_remove_person_async (HeardContext        *self,
                                    gint64               person_id,
                                    const char          *detail,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (detail != NULL);
  g_return_if_fail (self->store != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, _heard_context_remove_person_async);
  g_task_set_task_data (task, g_memdup2 (&person_id, sizeof person_id), g_free);
  heard_store_set_person_removed_async (self->store, person_id, TRUE, detail, NULL,
                                        person_removed_cb, task);
}

/* Brings back a record removed by mistake, whole; audited. Finishes once
 * the list of young people shows them again. */
void
heard_context_restore_person_async (HeardContext        *self,
                                    gint64               person_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (self->store != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_restore_person_async);
  heard_store_set_person_removed_async (self->store, person_id, FALSE, NULL, NULL,
                                        person_restored_cb, task);
}

/* Finishes a removal or a restore. */
gboolean
heard_context_restore_person_finish (HeardContext  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
heard_context_close_async (HeardContext        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HEARD_IS_CONTEXT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_close_async);

  if (self->lock_task != NULL)
    g_signal_connect (self->lock_task, "notify::completed", G_CALLBACK (close_after_lock_cb),
                      g_steal_pointer (&task));
  else if (self->store == NULL)
    g_task_return_boolean (task, TRUE);
  else
    _heard_backup_service_finish_async (self->backups, backed_up_before_close_cb,
                                        g_steal_pointer (&task));
}

gboolean
heard_context_close_finish (HeardContext  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == heard_context_close_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* What the last check of the audit trail found, in words; NULL for nothing.
 * While it is set, the store refuses every write and reading works. */
const char *
heard_context_get_audit_problem (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);

  return heard_audit_guard_get_problem (self->audit_guard);
}

/* Notes the audit trail's head outside the file if it moved; a no-op while
 * locked or while a problem is unseen. Called on quit and every few minutes. */
void
heard_context_save_audit_anchor_async (HeardContext        *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));

  task = new_step_task (self, heard_context_save_audit_anchor_async, FALSE, cancellable, callback,
                         user_data);
  heard_audit_guard_save_anchor_async (self->audit_guard, cancellable, audit_step_done_cb, task);
}

gboolean
heard_context_save_audit_anchor_finish (HeardContext  *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Anchors the trail where it stands now, on purpose: after a restore the
 * user confirmed, or the recovery code on a new computer. */
void
heard_context_reanchor_audit_async (HeardContext        *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));

  task = new_step_task (self, heard_context_reanchor_audit_async, FALSE, cancellable, callback,
                         user_data);
  heard_audit_guard_reanchor_async (self->audit_guard, cancellable, audit_step_done_cb, task);
}

gboolean
heard_context_reanchor_audit_finish (HeardContext  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Checks the whole audit trail against its anchor ("Check Now"). */
void
heard_context_verify_audit_async (HeardContext        *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (self->store != NULL);

  task = new_step_task (self, heard_context_verify_audit_async, FALSE, cancellable, callback,
                         user_data);
  heard_audit_guard_verify_async (self->audit_guard, cancellable, audit_verified_cb, task);
}

gboolean
heard_context_verify_audit_finish (HeardContext  *self,
                                   GAsyncResult  *result,
                                   guint         *n_entries,
                                   GError       **error)
{
  gssize count;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  count = g_task_propagate_int (G_TASK (result), error);
  if (count < 0)
    return FALSE;
  if (n_entries != NULL)
    *n_entries = (guint) count;
  return TRUE;
}

/* Someone with the recovery code has seen the problem: it is written down
 * in the audit trail, the hold on writing is lifted and the trail is
 * anchored again where it now stands. Nothing is removed or rewritten. */
void
heard_context_acknowledge_audit_problem_async (HeardContext        *self,
                                               const char          *code,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (code != NULL);
  g_return_if_fail (self->store != NULL);

  task = new_step_task (self, heard_context_acknowledge_audit_problem_async, FALSE, cancellable,
                         callback, user_data);
  heard_audit_guard_acknowledge_async (self->audit_guard, code, cancellable, audit_step_done_cb,
                                       task);
}

gboolean
heard_context_acknowledge_audit_problem_finish (HeardContext  *self,
                                                GAsyncResult  *result,
                                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Locking: see heard-context.h. The keyring watch stops; writes already
 * asked for are not cancelled (they land before the store closes), and
 * holders of their own reads cancel them on "locking". */
void
heard_context_lock_async (HeardContext        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HEARD_IS_CONTEXT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_lock_async);

  if (self->store == NULL)
    {
      /* Nothing is open to lock (or a lock is already closing it). */
      g_task_return_boolean (task, TRUE);
      return;
    }

  let_go_of_records (self, task, HEARD_LOCK_STATE_LOCKED, NULL);
  heard_audit_guard_save_anchor_async (self->audit_guard, NULL, lock_anchor_saved_cb,
                                       g_steal_pointer (&task));
}

gboolean
heard_context_lock_finish (HeardContext  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == heard_context_lock_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

HeardCaseFile *
_heard_context_lookup_case_file (HeardContext *self,
                                 gint64        person_id)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);

  return g_hash_table_lookup (self->case_files, &person_id);
}

void
_heard_context_register_case_file (HeardContext  *self,
                                   HeardCaseFile *case_file)
{
  gint64 person_id;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (HEARD_IS_CASE_FILE (case_file));

  person_id = heard_case_file_get_person_id (case_file);
  g_return_if_fail (!g_hash_table_contains (self->case_files, &person_id));
  g_hash_table_insert (self->case_files, g_memdup2 (&person_id, sizeof person_id), case_file);
}

/* Forgets @case_file, if it is still the one open for its young person. */
void
_heard_context_unregister_case_file (HeardContext  *self,
                                     HeardCaseFile *case_file)
{
  gint64 person_id;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (HEARD_IS_CASE_FILE (case_file));

  person_id = heard_case_file_get_person_id (case_file);
  if (g_hash_table_lookup (self->case_files, &person_id) == case_file)
    g_hash_table_remove (self->case_files, &person_id);
}

/* The staff set up (HeardStaff), live: see heard-staff-list.h. Empty while
 * the records are locked. */
GListModel *
heard_context_get_staff (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);

  return G_LIST_MODEL (self->staff);
}

/* The caseload overview's sections (HeardCaseloadGroup), live: see
 * heard-caseload-model.h. Empty while the records are locked. */
GListModel *
heard_context_get_caseload (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);

  return G_LIST_MODEL (self->caseload);
}

/* Saves the caseworker or a supervisor; @passphrase NULL keeps a
 * supervisor's passphrase as it is. Like a case file's writes, it happens
 * once asked for, and finishes once the staff list shows it. */
void
heard_context_save_staff_async (HeardContext        *self,
                                HeardStaff          *staff,
                                const char          *passphrase,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (HEARD_IS_STAFF (staff));
  g_return_if_fail (self->store != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_save_staff_async);
  heard_store_save_staff_async (self->store, staff, passphrase, NULL, staff_saved_cb, task);
}

/* The member of staff's id, 0 with @error set. */
gint64
heard_context_save_staff_finish (HeardContext  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  return propagate_id (result, error);
}

/* A supervisor no longer signs; their past decisions keep their name. */
void
heard_context_retire_staff_async (HeardContext        *self,
                                  gint64               id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (self->store != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_retire_staff_async);
  heard_store_retire_staff_async (self->store, id, NULL, staff_retired_cb, task);
}

gboolean
heard_context_retire_staff_finish (HeardContext  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_int (G_TASK (result), error) > 0;
}

/* The agencies directory (HeardDirectoryAgency), live: see
 * heard-directory-list.h. Empty while the records are locked. */
GListModel *
heard_context_get_agencies (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);

  return G_LIST_MODEL (self->agencies);
}

/* Adds an agency to the directory (id 0) or saves its changes; finishes
 * once the directory list shows it. */
void
heard_context_save_agency_async (HeardContext         *self,
                                 HeardDirectoryAgency *agency,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (HEARD_IS_DIRECTORY_AGENCY (agency));
  g_return_if_fail (self->store != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_save_agency_async);
  heard_store_save_agency_async (self->store, agency, NULL, agency_saved_cb, task);
}

/* The agency's id, 0 with @error set. */
gint64
heard_context_save_agency_finish (HeardContext  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  return propagate_id (result, error);
}

/* An agency no longer offered; the records that name it keep it. */
void
heard_context_retire_agency_async (HeardContext        *self,
                                   gint64               id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (self->store != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_retire_agency_async);
  heard_store_retire_agency_async (self->store, id, NULL, agency_retired_cb, task);
}

gboolean
heard_context_retire_agency_finish (HeardContext  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return propagate_id (result, error) > 0;
}

/* The three numbers of the cluster prompt in force (heard-store-chronology.h). */
void
heard_context_get_cluster_numbers_async (HeardContext        *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (self->store != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_get_cluster_numbers_async);
  heard_store_get_cluster_numbers_async (self->store, cancellable, numbers_read_cb, task);
}

gboolean
heard_context_get_cluster_numbers_finish (HeardContext         *self,
                                          GAsyncResult         *result,
                                          HeardClusterNumbers  *numbers,
                                          GError              **error)
{
  g_autofree HeardClusterNumbers *found = NULL;

  g_return_val_if_fail (HEARD_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (numbers != NULL, FALSE);

  found = g_task_propagate_pointer (G_TASK (result), error);
  if (found != NULL)
    *numbers = *found;
  return found != NULL;
}

/* Changes them, signed by supervisor @supervisor_id with their
 * @passphrase; every case file hears of it (HEARD_RECORD_KIND_CLUSTER_NUMBERS). */
void
heard_context_set_cluster_numbers_async (HeardContext              *self,
                                         const HeardClusterNumbers *numbers,
                                         gint64                     supervisor_id,
                                         const char                *passphrase,
                                         GCancellable              *cancellable,
                                         GAsyncReadyCallback        callback,
                                         gpointer                   user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (numbers != NULL);
  g_return_if_fail (self->store != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_set_cluster_numbers_async);
  heard_store_set_cluster_numbers_async (self->store, numbers, supervisor_id, passphrase, NULL,
                                         numbers_set_cb, task);
}

gboolean
heard_context_set_cluster_numbers_finish (HeardContext  *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Full-text search of everyone's statements: see
 * heard_store_search_statements_async(). Finishes with the matches
 * (HeardStatementMatch), or NULL without an error when nothing searchable
 * was typed. */
void
heard_context_search_statements_async (HeardContext        *self,
                                       const char          *typed,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (typed != NULL);
  g_return_if_fail (self->store != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_search_statements_async);
  heard_store_search_statements_async (self->store, typed, cancellable, statements_searched_cb,
                                       task);
}

GPtrArray *
heard_context_search_statements_finish (HeardContext  *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The young people whose names match what was typed: see
 * heard_store_search_people_async(). Finishes with a set of their ids, or
 * NULL without an error when nothing was typed (everyone matches). */
void
heard_context_search_people_async (HeardContext        *self,
                                   const char          *typed,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (typed != NULL);
  g_return_if_fail (self->store != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_search_people_async);
  heard_store_search_people_async (self->store, typed, cancellable, people_searched_cb, task);
}

GHashTable *
heard_context_search_people_finish (HeardContext  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Whether a write was refused because the audit trail has a problem that
 * nobody with the recovery code has seen yet. */
gboolean
heard_context_error_is_on_hold (const GError *error)
{
  return g_error_matches (error, HEARD_AUDIT_ERROR, HEARD_AUDIT_ERROR_ON_HOLD);
}

gboolean
heard_context_error_is_gone (const GError *error)
{
  return g_error_matches (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND);
}

HeardBackupService *
heard_context_get_backups (HeardContext *self)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);

  return self->backups;
}

static void
backup_inspected_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardBackupSummary *summary;
  GError *error = NULL;

  summary = heard_backup_inspect_finish (result, &error);
  if (summary == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, summary, (GDestroyNotify) heard_backup_summary_free);
}

void
heard_context_inspect_backup_async (HeardContext        *self,
                                    const char          *path,
                                    const char          *recovery_code,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_inspect_backup_async);
  heard_backup_inspect_async (path, NULL, recovery_code, cancellable, backup_inspected_cb,
                              g_steal_pointer (&task));
}

HeardBackupSummary *
heard_context_inspect_backup_finish (HeardContext  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A restore under way: what to restore, and how it went before the
 * records were started again. */
typedef struct
{
  char   *path;
  char   *recovery_code;
  char   *moved_aside;
  GError *error;
} Restore;

static void
restore_free (Restore *restore)
{
  g_free (restore->path);
  heard_secure_free_string (restore->recovery_code);
  g_free (restore->moved_aside);
  g_clear_error (&restore->error);
  g_free (restore);
}

static void
restarted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Restore *restore = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* Whatever the start found is shown as any start's would be. */
  heard_context_unlock_finish (HEARD_CONTEXT (object), result, &error);
  HEARD_CONTEXT (object)->restoring = FALSE;
  if (restore->error != NULL)
    g_task_return_error (task, g_steal_pointer (&restore->error));
  else
    g_task_return_pointer (task, g_steal_pointer (&restore->moved_aside), g_free);
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  HeardContext *self = g_task_get_source_object (task);
  Restore *restore = g_task_get_task_data (task);
  GTask *start;

  restore->moved_aside = heard_restore_finish (result, &restore->error);
  if (restore->error == NULL)
    _heard_backup_service_records_replaced (self->backups);

  /* Restored or not, the folder's records open again as at a start. */
  start = new_step_task (self, heard_context_start_async, TRUE, NULL, restarted_cb, task);
  heard_unlock_flow_start_async (self->unlock_flow, NULL, flow_step_done_cb, start);
}

static void
restore_now (GTask *task)
{
  HeardContext *self = g_task_get_source_object (task);
  Restore *restore = g_task_get_task_data (task);

  stop_watching_keyring (self);
  /* heard_restore_async() needs a folder that no Heard holds. */
  heard_unlock_flow_release_folder (self->unlock_flow);
  set_lock_state (self, HEARD_LOCK_STATE_OPENING, NULL);
  heard_restore_async (heard_unlock_flow_get_data_dir (self->unlock_flow), restore->path,
                       restore->recovery_code, NULL, restored_cb, task);
}

static void
locked_for_restore_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The records are whole in the folder either way (the log is moved
   * aside with them). */
  if (!heard_context_lock_finish (HEARD_CONTEXT (object), result, &error))
    g_warning ("Could not close the records before restoring: %s", error->message);

  restore_now (user_data);
}

void
heard_context_restore_backup_async (HeardContext        *self,
                                    const char          *path,
                                    const char          *recovery_code,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;
  Restore *restore;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_context_restore_backup_async);
  self->restoring = TRUE;
  restore = g_new0 (Restore, 1);
  restore->path = g_strdup (path);
  restore->recovery_code = g_strdup (recovery_code);
  g_task_set_task_data (task, restore, (GDestroyNotify) restore_free);

  if (self->store != NULL)
    heard_context_lock_async (self, NULL, locked_for_restore_cb, task);
  else if (self->lock_task != NULL)
    g_signal_connect (self->lock_task, "notify::completed", G_CALLBACK (restore_after_lock_cb),
                      task);
  else
    restore_now (task);
}

char *
heard_context_restore_backup_finish (HeardContext  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Drafts of open editors: see heard-context.h. */
void
heard_context_save_draft_async (HeardContext        *self,
                                HeardDraft          *draft,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (HEARD_IS_DRAFT (draft));

  task = new_draft_task (self, heard_context_save_draft_async, cancellable, callback, user_data);
  if (task != NULL)
    heard_store_save_draft_async (self->store, draft, cancellable, draft_saved_cb, task);
}

gboolean
heard_context_save_draft_finish (HeardContext  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
heard_context_list_drafts_async (HeardContext        *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));

  task = new_draft_task (self, heard_context_list_drafts_async, cancellable, callback,
                         user_data);
  if (task != NULL)
    heard_store_list_drafts_async (self->store, cancellable, drafts_listed_cb, task);
}

GPtrArray *
heard_context_list_drafts_finish (HeardContext  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
heard_context_delete_draft_async (HeardContext        *self,
                                  HeardDraft          *draft,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));
  g_return_if_fail (HEARD_IS_DRAFT (draft));

  task = new_draft_task (self, heard_context_delete_draft_async, cancellable, callback,
                         user_data);
  if (task != NULL)
    heard_store_delete_draft_async (self->store, draft, cancellable, draft_deleted_cb, task);
}

gboolean
heard_context_delete_draft_finish (HeardContext  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lawful_bases_listed_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GPtrArray *bases = heard_store_list_lawful_bases_finish (HEARD_STORE (object), result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bases, (GDestroyNotify) g_ptr_array_unref);
}

void
heard_context_list_lawful_bases_async (HeardContext        *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HEARD_IS_CONTEXT (self));

  /* Without open records there is nothing to list: refused as a draft is. */
  task = new_draft_task (self, heard_context_list_lawful_bases_async, cancellable, callback,
                         user_data);
  if (task != NULL)
    heard_store_list_lawful_bases_async (self->store, cancellable, lawful_bases_listed_cb, task);
}

GPtrArray *
heard_context_list_lawful_bases_finish (HeardContext  *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (HEARD_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-audit-guard"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-audit.h"
#include "heard-audit-guard.h"
#include "heard-keyring.h"
#include "heard-recovery-code.h"

/*
 * HeardAuditGuard keeps the audit trail's anchor, so that its newest
 * entries cannot be cut off unnoticed. The head of the trail is noted
 * outside the records file: beside the key in the keyring, or in
 * passphrase mode in heard.ini (through the unlock flow, which owns that
 * note) under a MAC keyed from the database key. At open the trail is
 * checked against it; afterwards it is noted again at most every few
 * minutes, on quit and on lock. A problem holds writing (the store
 * refuses) until someone with the recovery code acknowledges it; reading
 * is never held.
 */

/* At most this often, the head of the audit trail is noted outside the file
 * (and on quit), rather than after every change. */
#define ANCHOR_INTERVAL_SECONDS (3 * 60)

struct _HeardAuditGuard
{
  GObject           parent_instance;

  HeardUnlockFlow  *flow;
  /* While records are open: their store and a copy of their key. */
  HeardStore       *store;
  HeardKey         *key;
  /* The trail's head as last noted outside the file, and what the last
   * check found (NULL when nothing). */
  HeardAuditAnchor *anchor;
  char             *problem;
  guint             anchor_timeout;
};

G_DEFINE_FINAL_TYPE (HeardAuditGuard, heard_audit_guard, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* With the key in the keyring, the keyring keeps a second note of the
 * anchor; a passphrase or practice records leave the keyring alone. */
static gboolean
keeps_note_in_keyring (HeardAuditGuard *self)
{
  return !heard_unlock_flow_get_passphrase_protected (self->flow) &&
         !heard_unlock_flow_get_practice (self->flow);
}

static void
set_problem (HeardAuditGuard *self,
             const char      *problem)
{
  if (g_strcmp0 (self->problem, problem) == 0)
    return;

  g_free (self->problem);
  self->problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

static void
anchor_noted (GTask  *task,
              GError *error)
{
  HeardAuditGuard *self = g_task_get_source_object (task);

  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_clear_pointer (&self->anchor, heard_audit_anchor_free);
  self->anchor = heard_audit_anchor_copy (g_task_get_task_data (task));
  g_task_return_boolean (task, TRUE);
}

static void
anchor_written_to_keyring_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  heard_keyring_store_anchor_finish (result, &error);
  anchor_noted (task, error);
}

static void
anchor_written_to_info_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardAuditGuard *self = g_task_get_source_object (task);
  GError *error = NULL;
  g_autofree char *text = NULL;

  if (!heard_unlock_flow_note_audit_anchor_finish (HEARD_UNLOCK_FLOW (object), result, &error) ||
      !keeps_note_in_keyring (self))
    {
      anchor_noted (task, error);
      return;
    }

  text = heard_audit_anchor_to_string (g_task_get_task_data (task));
  heard_keyring_store_anchor_async (heard_unlock_flow_get_uuid (self->flow), text, NULL,
                                    anchor_written_to_keyring_cb, g_object_ref (task));
}

/* Notes @anchor outside the file, then finishes @task. heard.ini always
 * keeps a signed note, and with a keyring the keyring keeps one too: so
 * that removing the keyring's note along with the newest entries still
 * leaves a note to find the cut by. */
static void
note_anchor (HeardAuditGuard        *self,
             const HeardAuditAnchor *anchor,
             GTask                  *task)
{
  g_autofree char *text = heard_audit_anchor_to_string (anchor);
  g_autofree char *mac = NULL;

  g_task_set_task_data (task, heard_audit_anchor_copy (anchor),
                        (GDestroyNotify) heard_audit_anchor_free);

  /* Locked while the head was read: the next open checks it again. */
  if (self->key == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  mac = heard_audit_anchor_sign (text, heard_unlock_flow_get_uuid (self->flow), self->key);
  heard_unlock_flow_note_audit_anchor_async (self->flow, text, mac, NULL,
                                             anchor_written_to_info_cb, g_object_ref (task));
}

static void
head_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardAuditGuard *self = g_task_get_source_object (task);
  g_autoptr(HeardAuditAnchor) head = NULL;
  GError *error = NULL;

  head = heard_store_read_audit_head_finish (HEARD_STORE (object), result, &error);
  if (head == NULL)
    g_task_return_error (task, error);
  else if (heard_audit_anchor_equal (head, self->anchor))
    g_task_return_boolean (task, TRUE);
  else
    note_anchor (self, head, task);
}

static void
save_anchor (HeardAuditGuard     *self,
             gboolean             deliberately,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);

  /* While a problem is unseen the anchor stays where it was: moving it
   * would hide what was cut off. */
  if (self->store == NULL || self->key == NULL ||
      heard_unlock_flow_get_uuid (self->flow) == NULL ||
      (self->problem != NULL && !deliberately))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  heard_store_read_audit_head_async (self->store, cancellable, head_read_cb,
                                     g_steal_pointer (&task));
}

static gboolean
anchor_timeout_cb (gpointer user_data)
{
  heard_audit_guard_save_anchor_async (user_data, NULL, NULL, NULL);

  return G_SOURCE_CONTINUE;
}

static void
open_verified_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardAuditGuard *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  gboolean unanchored = FALSE;

  if (!heard_store_verify_audit_finish (HEARD_STORE (object), result, NULL, &error))
    {
      /* Not a problem in the trail: the records could not be checked at
       * all (a damaged file, say), and the owner lets go of them. */
      if (error->domain != HEARD_AUDIT_ERROR)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      set_problem (self, error->message);
    }
  else
    {
      /* Nothing noted yet: a first run, records from before anchors, or the
       * recovery code on a new computer. */
      unanchored = self->problem == NULL && self->anchor == NULL;
    }

  if (self->anchor_timeout == 0)
    self->anchor_timeout = g_timeout_add_seconds (ANCHOR_INTERVAL_SECONDS, anchor_timeout_cb,
                                                  self);

  /* Whatever was found, the records are read and shown. */
  g_task_return_int (task, unanchored);
}

/* The trail is to be checked against @anchor; @problem, when set, was
 * found before any check (the note itself), and holds writing now. */
static void
keep_anchor (GTask                  *task,
             const HeardAuditAnchor *anchor,
             const char             *problem)
{
  HeardAuditGuard *self = g_task_get_source_object (task);

  g_clear_pointer (&self->anchor, heard_audit_anchor_free);
  self->anchor = heard_audit_anchor_copy (anchor);

  if (problem != NULL)
    {
      heard_store_hold_writes (self->store, problem);
      set_problem (self, problem);
    }

  g_task_return_boolean (task, TRUE);
}

static const char *
damaged_anchor_message (void)
{
  return _("Heard's note of the newest entry in the record of changes was altered outside "
           "Heard, so the records cannot be checked against it.");
}

/* The note heard.ini keeps, if any. FALSE when it is there but its MAC
 * does not fit: someone rewrote it. */
static gboolean
read_info_anchor (HeardAuditGuard   *self,
                  HeardAuditAnchor **anchor)
{
  const char *noted_mac = NULL;
  const char *noted = heard_unlock_flow_get_audit_anchor (self->flow, &noted_mac);
  g_autofree char *expected = NULL;

  *anchor = NULL;
  if (noted == NULL)
    return TRUE;

  expected = heard_audit_anchor_sign (noted, heard_unlock_flow_get_uuid (self->flow), self->key);
  *anchor = heard_audit_anchor_new_from_string (noted);
  if (*anchor == NULL || g_strcmp0 (expected, noted_mac) != 0)
    {
      g_clear_pointer (anchor, heard_audit_anchor_free);
      return FALSE;
    }

  return TRUE;
}

/* The records are checked against the newer of the keyring's note (NULL in
 * passphrase mode or when it is gone) and heard.ini's: the file may run
 * ahead of either, never behind. */
static void
choose_anchor (GTask                  *task,
               const HeardAuditAnchor *keyring_anchor,
               gboolean                keyring_note_damaged)
{
  HeardAuditGuard *self = g_task_get_source_object (task);
  g_autoptr(HeardAuditAnchor) info_anchor = NULL;
  const HeardAuditAnchor *newest = keyring_anchor;

  if (!read_info_anchor (self, &info_anchor) || keyring_note_damaged)
    {
      keep_anchor (task, NULL, damaged_anchor_message ());
      return;
    }

  if (info_anchor != NULL && (newest == NULL || info_anchor->entry > newest->entry))
    newest = info_anchor;
  keep_anchor (task, newest, NULL);
}

static void
keyring_anchor_found_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = heard_keyring_lookup_anchor_finish (result, &error);
  g_autoptr(HeardAuditAnchor) anchor = NULL;

  if (error != NULL)
    g_message ("Could not read the audit anchor from the keyring: %s", error->message);

  anchor = heard_audit_anchor_new_from_string (text);
  choose_anchor (task, anchor, text != NULL && anchor == NULL);
}

static void
check (GTask *task)
{
  HeardAuditGuard *self = g_task_get_source_object (task);

  set_problem (self, NULL);
  if (!keeps_note_in_keyring (self))
    choose_anchor (task, NULL, FALSE);
  else
    heard_keyring_lookup_anchor_async (heard_unlock_flow_get_uuid (self->flow), NULL,
                                       keyring_anchor_found_cb, g_object_ref (task));
}

static void
audit_verified_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardAuditGuard *self = g_task_get_source_object (task);
  GError *error = NULL;
  guint n_entries = 0;

  if (!heard_store_verify_audit_finish (HEARD_STORE (object), result, &n_entries, &error))
    {
      if (error->domain == HEARD_AUDIT_ERROR)
        set_problem (self, error->message);
      g_task_return_error (task, error);
      return;
    }

  /* A problem found outside the file (a damaged note) stays until seen. */
  g_task_return_int (task, n_entries);
}

static void
audit_acknowledged_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HeardAuditGuard *self = g_task_get_source_object (task);
  g_autoptr(HeardAuditAnchor) head = NULL;
  GError *error = NULL;

  head = heard_store_acknowledge_audit_finish (HEARD_STORE (object), result, &error);
  if (head == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  set_problem (self, NULL);
  note_anchor (self, head, task);
}

static void
heard_audit_guard_finalize (GObject *object)
{
  HeardAuditGuard *self = HEARD_AUDIT_GUARD (object);

  g_clear_handle_id (&self->anchor_timeout, g_source_remove);
  g_clear_pointer (&self->anchor, heard_audit_anchor_free);
  g_clear_pointer (&self->key, heard_key_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->problem, g_free);
  g_clear_object (&self->flow);

  G_OBJECT_CLASS (heard_audit_guard_parent_class)->finalize (object);
}

static void
heard_audit_guard_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HeardAuditGuard *self = HEARD_AUDIT_GUARD (object);

  switch (prop_id)
    {
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_audit_guard_class_init (HeardAuditGuardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = heard_audit_guard_finalize;
  object_class->get_property = heard_audit_guard_get_property;

  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_audit_guard_init (HeardAuditGuard *self)
{
}

HeardAuditGuard *
heard_audit_guard_new (HeardUnlockFlow *flow)
{
  HeardAuditGuard *self;

  g_return_val_if_fail (HEARD_IS_UNLOCK_FLOW (flow), NULL);

  self = g_object_new (HEARD_TYPE_AUDIT_GUARD, NULL);
  self->flow = g_object_ref (flow);

  return self;
}

void
heard_audit_guard_open_async (HeardAuditGuard     *self,
                              HeardStore          *store,
                              const HeardKey      *key,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HEARD_IS_AUDIT_GUARD (self));
  g_return_if_fail (HEARD_IS_STORE (store));
  g_return_if_fail (key != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_audit_guard_open_async);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->key, heard_key_free);
  self->key = heard_key_copy (key);
  check (task);
}

gboolean
heard_audit_guard_open_finish (HeardAuditGuard  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The check of records just opened, queued at once: on the store's one
 * thread, first in first out, every write asked for after this call runs
 * after the check, and so sees the hold a problem puts on writing. */
void
heard_audit_guard_check_opened_async (HeardAuditGuard     *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HEARD_IS_AUDIT_GUARD (self));
  g_return_if_fail (self->store != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_audit_guard_check_opened_async);
  heard_store_verify_audit_async (self->store, self->anchor, cancellable, open_verified_cb,
                                  g_steal_pointer (&task));
}

gboolean
heard_audit_guard_check_opened_finish (HeardAuditGuard  *self,
                                       GAsyncResult     *result,
                                       gboolean         *unanchored,
                                       GError          **error)
{
  gssize found;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (unanchored != NULL, FALSE);

  found = g_task_propagate_int (G_TASK (result), error);
  *unanchored = found == 1;

  return found >= 0;
}

void
heard_audit_guard_close (HeardAuditGuard *self)
{
  g_return_if_fail (HEARD_IS_AUDIT_GUARD (self));

  g_clear_handle_id (&self->anchor_timeout, g_source_remove);
  g_clear_pointer (&self->anchor, heard_audit_anchor_free);
  g_clear_pointer (&self->key, heard_key_free);
  g_clear_object (&self->store);
  set_problem (self, NULL);
}

/* What the last check of the audit trail found, in words; NULL for nothing.
 * While it is set, the store refuses every write and reading works. */
const char *
heard_audit_guard_get_problem (HeardAuditGuard *self)
{
  g_return_val_if_fail (HEARD_IS_AUDIT_GUARD (self), NULL);

  return self->problem;
}

/* Notes the audit trail's head outside the file if it moved; a no-op while
 * locked or while a problem is unseen. Called on quit and every few minutes. */
void
heard_audit_guard_save_anchor_async (HeardAuditGuard     *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_AUDIT_GUARD (self));

  save_anchor (self, FALSE, heard_audit_guard_save_anchor_async, cancellable, callback,
               user_data);
}

gboolean
heard_audit_guard_save_anchor_finish (HeardAuditGuard  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Anchors the trail where it stands now, on purpose: after a restore the
 * user confirmed, or the recovery code on a new computer. */
void
heard_audit_guard_reanchor_async (HeardAuditGuard     *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (HEARD_IS_AUDIT_GUARD (self));

  save_anchor (self, TRUE, heard_audit_guard_reanchor_async, cancellable, callback,
               user_data);
}

gboolean
heard_audit_guard_reanchor_finish (HeardAuditGuard  *self,
                                   GAsyncResult     *result,
                                   GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Checks the whole audit trail against its anchor ("Check Now"). */
void
heard_audit_guard_verify_async (HeardAuditGuard     *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HEARD_IS_AUDIT_GUARD (self));
  g_return_if_fail (self->store != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_audit_guard_verify_async);

  if (self->problem != NULL && self->anchor == NULL)
    {
      /* The problem is with the note itself, outside the file. */
      g_task_return_new_error (task, HEARD_AUDIT_ERROR, HEARD_AUDIT_ERROR_ANCHOR_DAMAGED,
                               "%s", self->problem);
      return;
    }

  heard_store_verify_audit_async (self->store, self->anchor, cancellable, audit_verified_cb,
                                  g_steal_pointer (&task));
}

gboolean
heard_audit_guard_verify_finish (HeardAuditGuard  *self,
                                 GAsyncResult     *result,
                                 guint            *n_entries,
                                 GError          **error)
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
heard_audit_guard_acknowledge_async (HeardAuditGuard     *self,
                                     const char          *code,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(HeardKey) key = NULL;
  GError *error = NULL;

  g_return_if_fail (HEARD_IS_AUDIT_GUARD (self));
  g_return_if_fail (code != NULL);
  g_return_if_fail (self->store != NULL && self->key != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_audit_guard_acknowledge_async);

  key = heard_recovery_code_parse (code, &error);
  if (key == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!heard_key_equal (key, self->key))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "%s",
                               _("That is not the recovery code of these records."));
      return;
    }

  heard_store_acknowledge_audit_async (self->store,
                                       self->problem != NULL ? self->problem
                                                                   : "",
                                       cancellable, audit_acknowledged_cb,
                                       g_steal_pointer (&task));
}

gboolean
heard_audit_guard_acknowledge_finish (HeardAuditGuard  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-store"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-audit-private.h"
#include "heard-plan-rules.h"
#include "heard-secure.h"
#include "heard-store-staff-private.h"
#include "heard-store-util.h"

/*
 * Staff in the store, and the way a supervisor's passphrase allows a
 * decision: looked up on the database thread, checked on a worker thread,
 * acted on back on the database thread.
 */

typedef struct
{
  HeardStaff *staff;
  char       *passphrase;
  gboolean    fictional;
  char       *hash;
} SaveRequest;

typedef struct
{
  gint64               signer_id;
  char                *passphrase;
  char                *target_kind;
  gint64               target_id;
  HeardSignedWorkFunc  work;
  gpointer             data;
  GDestroyNotify       data_free;
  HeardSigner         *signer;
} SignedJob;

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->staff);
  heard_secure_free_string (request->passphrase);
  g_free (request->hash);
  g_free (request);
}

static void
signer_free (HeardSigner *signer)
{
  g_free (signer->name);
  g_free (signer->hash);
  g_free (signer);
}

static void
signed_job_free (SignedJob *job)
{
  heard_secure_free_string (job->passphrase);
  g_free (job->target_kind);
  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  g_clear_pointer (&job->signer, signer_free);
  g_free (job);
}

static const char *
role_noun (HeardStaffRole role)
{
  return role == HEARD_STAFF_SUPERVISOR ? "supervisor" : "caseworker";
}

static gpointer
list_staff_work (sqlite3  *db,
                 gpointer  data,
                 GError  **error)
{
  g_autoptr(GPtrArray) staff = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) statement = NULL;
  int rc;

  statement = _heard_store_prepare (db, "SELECT id, role, name FROM staff"
                                        " WHERE retired_at IS NULL"
                                        " ORDER BY role, name COLLATE NOCASE, id", error);
  if (statement == NULL)
    return NULL;

  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      HeardStaff *member = heard_staff_new (sqlite3_column_int (statement, 1) == 1
                                            ? HEARD_STAFF_SUPERVISOR : HEARD_STAFF_CASEWORKER);

      heard_staff_set_id (member, sqlite3_column_int64 (statement, 0));
      heard_staff_set_name (member, (const char *) sqlite3_column_text (statement, 2));
      g_ptr_array_add (staff, member);
    }

  if (rc != SQLITE_DONE)
    {
      _heard_store_set_error (error, db, rc);
      return NULL;
    }

  return g_steal_pointer (&staff);
}

static gboolean
write_staff (sqlite3            *db,
             gpointer            data,
             HeardStoreWritten  *written,
             GError            **error)
{
  SaveRequest *request = data;
  HeardStaff *staff = request->staff;
  g_autofree char *now = _heard_store_now_iso8601 ();
  g_autofree char *detail = NULL;
  g_autoptr(sqlite3_stmt) statement = NULL;

  if (!heard_staff_validate (staff, error))
    return FALSE;

  written->id = heard_staff_get_id (staff);
  if (written->id == 0)
    statement = _heard_store_prepare (db, "INSERT INTO staff (name, passphrase_hash, role,"
                                          " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
                                      error);
  else
    statement = _heard_store_prepare (db, "UPDATE staff SET name = ?1,"
                                          " passphrase_hash = coalesce (?2, passphrase_hash),"
                                          " updated_at = ?4"
                                          " WHERE id = ?5 AND role = ?3 AND retired_at IS NULL",
                                      error);
  if (statement == NULL)
    return FALSE;

  _heard_store_bind_text (statement, 1, heard_staff_get_name (staff));
  _heard_store_bind_text (statement, 2, request->hash);
  sqlite3_bind_int (statement, 3, heard_staff_get_role (staff));
  _heard_store_bind_text (statement, 4, now);
  if (written->id != 0)
    sqlite3_bind_int64 (statement, 5, written->id);

  if (!_heard_store_step_done (db, statement, error))
    return FALSE;

  if (written->id != 0 && sqlite3_changes (db) == 0)
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND,
                           _("This member of staff is no longer set up in Heard."));
      return FALSE;
    }

  detail = g_strdup_printf ("%s%s", role_noun (heard_staff_get_role (staff)),
                            request->hash != NULL ? "; passphrase set" : "");
  if (written->id == 0)
    written->id = sqlite3_last_insert_rowid (db);

  return _heard_audit_append (db, NULL, heard_staff_get_id (staff) == 0 ? "created" : "changed",
                              "staff", written->id, detail, error);
}

static gboolean
retire_staff (sqlite3            *db,
              gpointer            data,
              HeardStoreWritten  *written,
              GError            **error)
{
  g_autofree char *now = _heard_store_now_iso8601 ();
  g_autoptr(sqlite3_stmt) statement = NULL;

  /* Their past decisions keep their name; they simply stop being offered. */
  written->id = *(gint64 *) data;
  statement = _heard_store_prepare (db, "UPDATE staff SET retired_at = ?1, updated_at = ?1"
                                        " WHERE id = ?2 AND retired_at IS NULL", error);
  if (statement == NULL)
    return FALSE;

  _heard_store_bind_text (statement, 1, now);
  sqlite3_bind_int64 (statement, 2, written->id);
  if (!_heard_store_step_done (db, statement, error))
    return FALSE;

  if (sqlite3_changes (db) == 0)
    {
      g_set_error_literal (error, HEARD_STORE_ERROR, HEARD_STORE_ERROR_NOT_FOUND,
                           _("This member of staff is no longer set up in Heard."));
      return FALSE;
    }

  return _heard_audit_append (db, NULL, "retired", "staff", written->id, "", error);
}

static void
hash_passphrase_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  SaveRequest *request = task_data;
  GError *error = NULL;

  request->hash = heard_staff_hash_passphrase (request->passphrase, request->fictional, &error);
  if (request->hash == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Hands on what a database write did to the task it served. */
static void
forward_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  HeardStoreWritten *written = _heard_store_run_finish (HEARD_STORE (object), result,
                                                        forward_written_cb, &error);

  if (written == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, written, g_free);
}

static void
save_staff_in_store (GTask       *task,
                     SaveRequest *request)
{
  _heard_store_write_async (g_task_get_source_object (task), HEARD_RECORD_KIND_STAFF, write_staff,
                            request, (GDestroyNotify) save_request_free, forward_written_cb,
                            g_task_get_cancellable (task), forward_written_cb, g_object_ref (task));
}

static void
passphrase_hashed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SaveRequest *hashed = g_task_get_task_data (G_TASK (result));
  SaveRequest *request;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Only the hash goes on to the database thread; the passphrase stays here
   * and is wiped with the hashing task. */
  request = g_new0 (SaveRequest, 1);
  request->staff = g_object_ref (hashed->staff);
  request->hash = g_strdup (hashed->hash);
  save_staff_in_store (task, request);
}

static gpointer
lookup_signer_work (sqlite3  *db,
                    gpointer  data,
                    GError  **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(sqlite3_stmt) statement = NULL;
  HeardSigner *signer;

  statement = _heard_store_prepare (db, "SELECT name, passphrase_hash FROM staff"
                                        " WHERE id = ? AND role = 1 AND retired_at IS NULL",
                                    error);
  if (statement == NULL)
    return NULL;

  sqlite3_bind_int64 (statement, 1, id);
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      g_set_error_literal (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_NOT_A_SUPERVISOR,
                           _("Only a supervisor set up in Preferences can make this decision. "
                             "Nothing was changed."));
      return NULL;
    }

  signer = g_new0 (HeardSigner, 1);
  signer->staff_id = id;
  signer->name = _heard_store_dup_column (statement, 0);
  signer->hash = _heard_store_dup_column (statement, 1);

  return signer;
}

static gpointer
signed_work (sqlite3  *db,
             gpointer  data,
             GError  **error)
{
  SignedJob *job = data;

  return job->work (db, job->signer, job->data, error);
}

static gboolean
record_refusal (sqlite3            *db,
                gpointer            data,
                HeardStoreWritten  *written,
                GError            **error)
{
  SignedJob *job = data;

  /* Never announced as a change: the task fails once it is written. */
  written->id = job->signer->staff_id;
  return _heard_audit_append (db, job->signer->name, "passphrase refused", job->target_kind,
                              job->target_id, "", error);
}

static gpointer
refused_work (sqlite3  *db,
              gpointer  data,
              GError  **error)
{
  SignedJob *job = data;
  g_autofree HeardStoreWritten *recorded = NULL;

  /* Failed attempts are kept: a run of them is worth someone's attention. */
  recorded = _heard_store_write (db, HEARD_RECORD_KIND_STAFF, record_refusal, job, error);
  if (recorded == NULL)
    return NULL;

  g_set_error (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_WRONG_PASSPHRASE,
               _("That is not %s’s passphrase, so nothing was changed. Please try again."),
               job->signer->name);
  return NULL;
}

static void
check_passphrase_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  SignedJob *job = task_data;

  g_task_return_boolean (task, heard_staff_check_passphrase (job->signer->hash,
                                                             job->passphrase));
}

static void
passphrase_checked_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignedJob *job = g_task_get_task_data (task);
  gboolean verified = g_task_propagate_boolean (G_TASK (result), NULL);

  /* The job stays with @task, which the database job's callback holds. */
  g_clear_pointer (&job->passphrase, heard_secure_free_string);
  _heard_store_run_write_async (HEARD_STORE (object), verified ? signed_work : refused_work,
                                job, NULL, forward_written_cb, g_task_get_cancellable (task),
                                forward_written_cb, g_object_ref (task));
}

static void
signer_found_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignedJob *job = g_task_get_task_data (task);
  g_autoptr(GTask) check = NULL;
  GError *error = NULL;

  job->signer = _heard_store_run_finish (HEARD_STORE (object), result, signer_found_cb, &error);
  if (job->signer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  check = g_task_new (object, g_task_get_cancellable (task), passphrase_checked_cb,
                      g_object_ref (task));
  g_task_set_source_tag (check, passphrase_checked_cb);
  g_task_set_task_data (check, job, NULL);
  g_task_run_in_thread (check, check_passphrase_thread);
}

void
_heard_store_run_signed_async (HeardStore          *self,
                               gint64               signer_id,
                               const char          *passphrase,
                               const char          *target_kind,
                               gint64               target_id,
                               HeardSignedWorkFunc  work,
                               gpointer             data,
                               GDestroyNotify       data_free,
                               gpointer             source_tag,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SignedJob *job;

  g_return_if_fail (HEARD_IS_STORE (self));
  g_return_if_fail (work != NULL);

  job = g_new0 (SignedJob, 1);
  job->signer_id = signer_id;
  job->passphrase = g_strdup (passphrase != NULL ? passphrase : "");
  job->target_kind = g_strdup (target_kind);
  job->target_id = target_id;
  job->work = work;
  job->data = data;
  job->data_free = data_free;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) signed_job_free);

  _heard_store_run_async (self, lookup_signer_work, _heard_store_dup_id (signer_id), g_free,
                          (GDestroyNotify) signer_free, signer_found_cb, cancellable,
                          signer_found_cb, g_steal_pointer (&task));
}

/* Inside a write transaction: is the signer still a supervisor, with the
 * passphrase that was checked? */
gboolean
_heard_signer_confirm (sqlite3            *db,
                       const HeardSigner  *signer,
                       GError            **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  statement = _heard_store_prepare (db, "SELECT 1 FROM staff WHERE id = ? AND role = 1"
                                        " AND retired_at IS NULL AND passphrase_hash = ?",
                                    error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, signer->staff_id);
  _heard_store_bind_text (statement, 2, signer->hash);
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      g_set_error_literal (error, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_NOT_A_SUPERVISOR,
                           _("This supervisor's details changed a moment ago. Nothing was "
                             "changed; please try again."));
      return FALSE;
    }

  return TRUE;
}

static void
list_staff_async (HeardStore          *self,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  _heard_store_run_async (self, list_staff_work, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
                          heard_store_list_staff_async, cancellable, callback, user_data);
}

/* Saves @staff; @passphrase, when not NULL, becomes their new passphrase
 * (a new supervisor needs one). */
static void
save_staff_async (HeardStore          *self,
                  HeardStaff          *staff,
                  const char          *passphrase,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) hashing = NULL;
  SaveRequest *request;

  g_return_if_fail (HEARD_IS_STORE (self));
  g_return_if_fail (HEARD_IS_STAFF (staff));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_store_save_staff_async);

  request = g_new0 (SaveRequest, 1);
  request->staff = heard_staff_copy (staff);

  if (passphrase == NULL)
    {
      if (heard_staff_get_role (staff) == HEARD_STAFF_SUPERVISOR &&
          heard_staff_get_id (staff) == 0)
        {
          save_request_free (request);
          g_task_return_new_error (task, HEARD_PLAN_ERROR, HEARD_PLAN_ERROR_INCOMPLETE, "%s",
                                   _("A new supervisor needs a passphrase to sign with."));
          return;
        }

      save_staff_in_store (task, request);
      return;
    }

  request->passphrase = g_strdup (passphrase);
  request->fictional = _heard_sqlite_store_is_fictional (self);
  hashing = g_task_new (self, cancellable, passphrase_hashed_cb, g_object_ref (task));
  g_task_set_source_tag (hashing, passphrase_hashed_cb);
  g_task_set_task_data (hashing, request, (GDestroyNotify) save_request_free);
  g_task_run_in_thread (hashing, hash_passphrase_thread);
}

static void
retire_staff_async (HeardStore          *self,
                    gint64               id,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  _heard_store_write_async (self, HEARD_RECORD_KIND_STAFF, retire_staff, _heard_store_dup_id (id),
                            g_free, heard_store_retire_staff_async, cancellable, callback,
                            user_data);
}

void
_heard_sqlite_store_init_staff (HeardStoreClass *klass)
{
  klass->list_staff_async = list_staff_async;
  klass->save_staff_async = save_staff_async;
  klass->retire_staff_async = retire_staff_async;
}

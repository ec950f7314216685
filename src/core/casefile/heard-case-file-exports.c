/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-case-file"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-case-file.h"
#include "heard-context-private.h"

/*
 * The case file's exports that other tools open, a calendar and CSV
 * (heard-case-file.h), so that a dialog asks only what goes in: the
 * content is made here from the live models, with what only the core
 * holds (the records' uuid for stable UIDs, their key for pseudonyms),
 * noted through the case file as every export is, then written by GIO,
 * which replaces the file whole through a temporary one beside it.
 */

typedef struct
{
  GFile  *file;
  GBytes *contents;
  /* The audit entry noting it, once noted. */
  gint64  entry;
  /* Why it could not be written, while that is being noted. */
  GError *write_error;
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->file);
  g_bytes_unref (export->contents);
  g_clear_error (&export->write_error);
  g_free (export);
}

static GError *
closed_error (void)
{
  return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CLOSED,
                              _("The records are locked, so nothing was exported."));
}

/* The items of @model as an array, for the writers that take one. */
static GPtrArray *
dup_items (GListModel *model)
{
  guint n_items = g_list_model_get_n_items (model);
  GPtrArray *items = g_ptr_array_new_full (n_items, g_object_unref);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

/* Every date the case file has to export, in a calendar of @names. */
static HeardIcal *
make_calendar (HeardCaseFile  *self,
               const char     *records_uuid,
               HeardIcalNames  names)
{
  HeardIcal *calendar = heard_ical_new (records_uuid);

  heard_ical_add_plans (calendar, heard_case_file_get_person (self),
                        heard_case_file_get_plans (self), names);
  return calendar;
}

/* The write failed after the export was noted: noted again as never
 * written, then the write's own error goes back. */
static void
unwritten_noted_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Export *export = g_task_get_task_data (task);
  g_autoptr(GError) note_error = NULL;

  if (heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &note_error) == 0)
    g_warning ("An export that was not written could not be noted as such: %s",
               note_error->message);
  g_task_return_error (task, g_steal_pointer (&export->write_error));
}

static void
replaced_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Export *export = g_task_get_task_data (task);
  HeardCaseFile *self;

  if (g_file_replace_contents_finish (G_FILE (object), result, NULL, &export->write_error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  self = g_task_get_source_object (task);
  heard_case_file_note_export_unwritten_async (self, export->entry, NULL, unwritten_noted_cb,
                                               g_steal_pointer (&task));
}

static void
noted_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Export *export = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  export->entry = heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error);
  if (export->entry == 0)
    {
      g_task_return_error (task, error);
      return;
    }

  g_file_replace_contents_bytes_async (export->file, export->contents, NULL, FALSE,
                                       G_FILE_CREATE_PRIVATE, cancellable, replaced_cb,
                                       g_steal_pointer (&task));
}

/* Notes @note, then writes @contents to @file, for @task. */
static void
note_and_write (HeardCaseFile         *self,
                GTask                 *task,
                const HeardExportNote *note,
                GFile                 *file,
                GBytes                *contents)
{
  Export *export = g_new0 (Export, 1);

  export->file = g_object_ref (file);
  export->contents = g_bytes_ref (contents);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  heard_case_file_note_export_async (self, note, g_task_get_cancellable (task), noted_cb, task);
}

/* See heard-case-file.h. The dates are counted as the calendar would
 * hold them, so that a dialog's words and the file agree. */
void
heard_case_file_count_calendar_dates (HeardCaseFile *self,
                                      guint         *n_reviews,
                                      guint         *n_due)
{
  g_autoptr(HeardIcal) calendar = NULL;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));
  g_return_if_fail (n_reviews != NULL && n_due != NULL);

  /* Only counted: no UID leaves. */
  calendar = make_calendar (self, "", HEARD_ICAL_NAMES_NONE);
  *n_reviews = heard_ical_get_n_reviews (calendar);
  *n_due = heard_ical_get_n_events (calendar) - *n_reviews;
}

void
heard_case_file_export_calendar_async (HeardCaseFile       *self,
                                       HeardIcalNames       names,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  const char *records_uuid;
  g_autoptr(GTask) task = NULL;
  g_autoptr(HeardIcal) calendar = NULL;
  g_autoptr(HeardExportNote) note = NULL;
  g_autoptr(GBytes) contents = NULL;

  g_return_if_fail (HEARD_IS_CASE_FILE (self));
  g_return_if_fail (names <= HEARD_ICAL_NAMES_FULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_case_file_export_calendar_async);
  records_uuid = _heard_context_get_records_uuid (heard_case_file_get_context (self));
  if (records_uuid == NULL)
    {
      g_task_return_error (task, closed_error ());
      return;
    }

  calendar = make_calendar (self, records_uuid, names);
  if (heard_ical_get_n_events (calendar) == 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s",
                               _("There are no review or due dates to export, so nothing "
                                 "was exported."));
      return;
    }

  note = heard_ical_export_note_new (heard_case_file_get_plans (self), names);
  contents = heard_ical_to_bytes (calendar);
  note_and_write (self, g_steal_pointer (&task), note, file, contents);
}

gboolean
heard_case_file_export_calendar_finish (HeardCaseFile  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        heard_case_file_export_calendar_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
heard_case_file_export_csv_async (HeardCaseFile       *self,
                                  HeardCsvOf           of,
                                  gboolean             with_names,
                                  gboolean             with_words,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  const HeardCsvExport *export;
  HeardContext *context;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) check_ins = NULL;
  g_autoptr(GPtrArray) chronology = NULL;
  g_autoptr(GPtrArray) sharing = NULL;
  g_autoptr(HeardExportNote) note = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *pseudonym = NULL;
  HeardCsvContent content = { .with_words = with_words };

  g_return_if_fail (HEARD_IS_CASE_FILE (self));
  g_return_if_fail (of < HEARD_CSV_N_KINDS);
  g_return_if_fail (G_IS_FILE (file));

  export = heard_csv_export_get (of);
  context = heard_case_file_get_context (self);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_case_file_export_csv_async);
  if (!with_names &&
      (pseudonym = _heard_context_dup_pseudonym (context,
                                                 heard_case_file_get_person_id (self))) == NULL)
    {
      g_task_return_error (task, closed_error ());
      return;
    }

  content.person = with_names ? heard_person_get_called_name (heard_case_file_get_person (self))
                              : pseudonym;
  /* The case file keeps them as the store lists them, as the writers want. */
  if ((export->needs & HEARD_CSV_NEEDS_CHECK_INS) != 0)
    content.check_ins = check_ins = dup_items (heard_case_file_get_check_ins (self));
  if ((export->needs & HEARD_CSV_NEEDS_CHRONOLOGY) != 0)
    content.chronology = chronology = dup_items (heard_case_file_get_chronology (self));
  if ((export->needs & HEARD_CSV_NEEDS_SHARING) != 0)
    content.sharing = sharing = dup_items (heard_case_file_get_sharing_log (self));
  if ((export->needs & HEARD_CSV_NEEDS_AGENCIES) != 0)
    content.agencies = heard_context_get_agencies (context);

  note = heard_csv_export_note_new (of, &content, with_names);
  contents = heard_csv_write (of, &content);
  note_and_write (self, g_steal_pointer (&task), note, file, contents);
}

gboolean
heard_case_file_export_csv_finish (HeardCaseFile  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        heard_case_file_export_csv_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-application"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-application-private.h"
#include "heard-clipboard.h"
#include "heard-date.h"
#include "heard-practice.h"
#include "heard-window.h"

/* How many young people a new practice set holds. */
#define PRACTICE_PEOPLE 12

struct _HeardApplication
{
  AdwApplication  parent_instance;

  HeardContext   *context;
  /* The practice records, once opened; NULL before. Apart from the real
   * ones in everything: folder, key, window. */
  HeardContext   *practice_context;
};

typedef enum
{
  PRACTICE_ABSENT,
  PRACTICE_READY,
} PracticeFolder;

G_DEFINE_FINAL_TYPE (HeardApplication, heard_application, ADW_TYPE_APPLICATION)

/* The window showing @context's records, or NULL. */
static GtkWindow *
find_window (HeardApplication *self,
             HeardContext     *context)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (HEARD_IS_WINDOW (l->data) && heard_window_get_context (l->data) == context)
      return l->data;

  return NULL;
}

static void
heard_application_startup (GApplication *application)
{
  HeardApplication *self = HEARD_APPLICATION (application);
  g_autofree char *data_dir = heard_context_default_data_dir ();

  G_APPLICATION_CLASS (heard_application_parent_class)->startup (application);

  gtk_window_set_default_icon_name (APPLICATION_ID);
  self->context = heard_context_new (data_dir);
  _heard_application_add_actions (self);
}

static void
heard_application_activate (GApplication *application)
{
  HeardApplication *self = HEARD_APPLICATION (application);
  /* The real records' window, not the practice one. */
  GtkWindow *window = find_window (self, self->context);

  if (window == NULL)
    {
      window = GTK_WINDOW (heard_window_new (self, self->context));
      /* The window shows a quiet placeholder until the records answer. */
      if (heard_context_get_lock_state (self->context) == HEARD_LOCK_STATE_OPENING)
        heard_context_start_async (self->context, NULL, NULL, NULL);
    }

  gtk_window_present (window);
}

static void
context_closed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  guint *open = user_data;
  g_autoptr(GError) error = NULL;

  /* The records are safe in the WAL either way; the next start folds it in. */
  if (!heard_context_close_finish (HEARD_CONTEXT (object), result, &error))
    g_warning ("Heard closed its records, but could not fold them into one file: %s",
               error->message);
  (*open)--;
}

/* However Heard ends (Ctrl+Q, the last window closed), its main loop has
 * stopped by now but the records are still open. The database thread
 * finishes the saves already asked for, folds the WAL into heard.db and
 * closes it, while the main context keeps turning so that windows still
 * draw; only then does Heard exit, leaving heard.db whole on its own. */
static void
heard_application_shutdown (GApplication *application)
{
  HeardApplication *self = HEARD_APPLICATION (application);
  guint open = 1;

  /* A secret copied a moment ago does not outlive Heard. */
  heard_clipboard_clear_secret ();
  heard_context_close_async (self->context, NULL, context_closed_cb, &open);
  if (self->practice_context != NULL)
    {
      open++;
      heard_context_close_async (self->practice_context, NULL, context_closed_cb, &open);
    }
  while (open > 0)
    g_main_context_iteration (NULL, TRUE);

  G_APPLICATION_CLASS (heard_application_parent_class)->shutdown (application);
}

static void
heard_application_dispose (GObject *object)
{
  HeardApplication *self = HEARD_APPLICATION (object);

  g_clear_object (&self->context);
  g_clear_object (&self->practice_context);

  G_OBJECT_CLASS (heard_application_parent_class)->dispose (object);
}

static void
heard_application_class_init (HeardApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = heard_application_dispose;
  application_class->startup = heard_application_startup;
  application_class->activate = heard_application_activate;
  application_class->shutdown = heard_application_shutdown;
}

static void
heard_application_init (HeardApplication *self)
{
}

HeardApplication *
heard_application_new (void)
{
  return g_object_new (HEARD_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

HeardContext *
heard_application_get_context (HeardApplication *self)
{
  g_return_val_if_fail (HEARD_IS_APPLICATION (self), NULL);

  return self->context;
}

/* Whether the practice folder is there to open, off the main thread: a
 * folder that holds anything but practice records is refused. */
static void
look_at_practice_folder (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  const char *data_dir = task_data;

  if (!g_file_test (data_dir, G_FILE_TEST_EXISTS))
    g_task_return_int (task, PRACTICE_ABSENT);
  else if (heard_practice_folder_is_practice (data_dir))
    g_task_return_int (task, PRACTICE_READY);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_EXISTS,
                             _("The practice records’ folder, “%s”, holds other records, so "
                               "Heard will not use it for practice. Nothing has been changed."),
                             data_dir);
}

static void
say_practice_failed (HeardApplication *self,
                     const GError     *error)
{
  GtkWindow *practice = find_window (self, self->practice_context);
  GtkWidget *dialog;

  /* The practice window goes: it has nothing to show. */
  if (practice != NULL)
    gtk_window_destroy (practice);
  g_clear_object (&self->practice_context);

  dialog = adw_message_dialog_new (find_window (self, self->context),
                                   _("Practice Records Could Not Be Opened"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
practice_made_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HeardApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->practice_context == NULL)
    return;

  if (!heard_practice_generate_finish (result, &error))
    {
      say_practice_failed (self, error);
      return;
    }

  heard_context_start_async (self->practice_context, NULL, NULL, NULL);
}

static void
practice_folder_seen_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(HeardApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  GDate today;
  gssize seen = g_task_propagate_int (G_TASK (result), &error);

  if (self->practice_context == NULL)
    return;

  if (error != NULL)
    {
      say_practice_failed (self, error);
      return;
    }

  if (seen == PRACTICE_READY)
    {
      heard_context_start_async (self->practice_context, NULL, NULL, NULL);
      return;
    }

  /* Made the first time, fresh each time it is missing: a new seed gives
   * other young people, dated around today. */
  heard_date_today (&today);
  heard_practice_generate_async (heard_context_get_data_dir (self->practice_context),
                                 PRACTICE_PEOPLE,
                                 ((guint64) g_random_int () << 32) | g_random_int (), &today,
                                 NULL, practice_made_cb, g_object_ref (self));
}

/* Opens the practice records in a window of their own, making them first
 * if there are none; the window shows Heard's "opening" page, with its
 * spinner, until they are ready. */
void
_heard_application_open_practice (HeardApplication *self)
{
  g_autofree char *data_dir = NULL;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HEARD_IS_APPLICATION (self));

  if (self->practice_context != NULL)
    {
      GtkWindow *window = find_window (self, self->practice_context);

      if (window == NULL)
        window = GTK_WINDOW (heard_window_new (self, self->practice_context));
      gtk_window_present (window);
      return;
    }

  data_dir = heard_practice_default_dir ();
  self->practice_context = heard_context_new (data_dir);
  gtk_window_present (GTK_WINDOW (heard_window_new (self, self->practice_context)));

  task = g_task_new (self, NULL, practice_folder_seen_cb, g_object_ref (self));
  g_task_set_source_tag (task, _heard_application_open_practice);
  g_task_set_task_data (task, g_steal_pointer (&data_dir), g_free);
  g_task_run_in_thread (task, look_at_practice_folder);
}

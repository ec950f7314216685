/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-application"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-application-private.h"
#include "heard-clipboard.h"
#include "heard-window.h"

struct _HeardApplication
{
  AdwApplication  parent_instance;

  HeardContext   *context;
};

G_DEFINE_FINAL_TYPE (HeardApplication, heard_application, ADW_TYPE_APPLICATION)

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
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

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
  gboolean *closed = user_data;
  g_autoptr(GError) error = NULL;

  /* The records are safe in the WAL either way; the next start folds it in. */
  if (!heard_context_close_finish (HEARD_CONTEXT (object), result, &error))
    g_warning ("Heard closed its records, but could not fold them into one file: %s",
               error->message);
  *closed = TRUE;
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
  gboolean closed = FALSE;

  /* A secret copied a moment ago does not outlive Heard. */
  heard_clipboard_clear_secret ();
  heard_context_close_async (self->context, NULL, context_closed_cb, &closed);
  while (!closed)
    g_main_context_iteration (NULL, TRUE);

  G_APPLICATION_CLASS (heard_application_parent_class)->shutdown (application);
}

static void
heard_application_dispose (GObject *object)
{
  HeardApplication *self = HEARD_APPLICATION (object);

  g_clear_object (&self->context);

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

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-clipboard"

#include "config.h"

#include <string.h>

#include "heard-clipboard-private.h"

/*
 * Copying a secret is easy to do and easy to forget: the clipboard keeps it
 * for anyone who pastes later. Every sensitive copy goes through here, so
 * each is marked secret and taken back the same way.
 */

#define CLEAR_AFTER_MS (30 * 1000)
#define WATCHED_KEY "heard-clipboard-watched"

static struct
{
  GdkClipboard       *clipboard;  /* weak */
  GdkContentProvider *provider;   /* what Heard put there */
  guint               clear_source;
  guint               clear_after_ms;
} secret = { NULL, NULL, 0, CLEAR_AFTER_MS };

void
_heard_clipboard_set_clear_after_ms (guint ms)
{
  secret.clear_after_ms = ms;
}

/* Takes the secret off the clipboard, but only while it is still the one
 * Heard put there: something copied since, in any app, is left alone. */
void
heard_clipboard_clear_secret (void)
{
  g_clear_handle_id (&secret.clear_source, g_source_remove);

  if (secret.clipboard != NULL && secret.provider != NULL &&
      gdk_clipboard_get_content (secret.clipboard) == secret.provider)
    gdk_clipboard_set_content (secret.clipboard, NULL);

  g_clear_object (&secret.provider);
  if (secret.clipboard != NULL)
    g_object_remove_weak_pointer (G_OBJECT (secret.clipboard), (gpointer *) &secret.clipboard);
  secret.clipboard = NULL;
}

static gboolean
clear_cb (gpointer user_data)
{
  secret.clear_source = 0;
  heard_clipboard_clear_secret ();

  return G_SOURCE_REMOVE;
}

static void
locking_cb (HeardContext *context)
{
  heard_clipboard_clear_secret ();
}

void
heard_clipboard_copy_secret (GtkWidget    *widget,
                             HeardContext *context,
                             const char   *text)
{
  g_autoptr(GBytes) hint = NULL;
  GdkContentProvider *parts[2];

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (HEARD_IS_CONTEXT (context));
  g_return_if_fail (text != NULL);

  heard_clipboard_clear_secret ();

  hint = g_bytes_new_static (HEARD_CLIPBOARD_SECRET_VALUE, strlen (HEARD_CLIPBOARD_SECRET_VALUE));
  parts[0] = gdk_content_provider_new_typed (G_TYPE_STRING, text);
  parts[1] = gdk_content_provider_new_for_bytes (HEARD_CLIPBOARD_SECRET_HINT, hint);
  secret.provider = gdk_content_provider_new_union (parts, G_N_ELEMENTS (parts));
  secret.clipboard = gtk_widget_get_clipboard (widget);
  g_object_add_weak_pointer (G_OBJECT (secret.clipboard), (gpointer *) &secret.clipboard);
  gdk_clipboard_set_content (secret.clipboard, secret.provider);

  secret.clear_source = g_timeout_add (secret.clear_after_ms, clear_cb, NULL);

  if (g_object_get_data (G_OBJECT (context), WATCHED_KEY) == NULL)
    {
      g_object_set_data (G_OBJECT (context), WATCHED_KEY, GINT_TO_POINTER (TRUE));
      g_signal_connect (context, "locking", G_CALLBACK (locking_cb), NULL);
    }
}

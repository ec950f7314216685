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
#define SECRET_COPIES_KEY "heard-clipboard-secret-copies"
#define GUARDED_KEY "heard-clipboard-guarded"

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
heard_clipboard_clear_on_lock (HeardContext *context)
{
  g_return_if_fail (HEARD_IS_CONTEXT (context));

  if (g_object_get_data (G_OBJECT (context), WATCHED_KEY) != NULL)
    return;

  g_object_set_data (G_OBJECT (context), WATCHED_KEY, GINT_TO_POINTER (TRUE));
  g_signal_connect (context, "locking", G_CALLBACK (locking_cb), NULL);
}

void
heard_clipboard_copy_secret (GtkWidget  *widget,
                             const char *text)
{
  g_autoptr(GBytes) hint = NULL;
  GdkContentProvider *parts[2];

  g_return_if_fail (GTK_IS_WIDGET (widget));
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
}

/* What is selected in a label or a text view, or NULL. */
static char *
dup_selection (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));
      const char *from;
      int start, end;

      if (!gtk_label_get_selection_bounds (GTK_LABEL (widget), &start, &end))
        return NULL;
      from = g_utf8_offset_to_pointer (text, start);
      return g_strndup (from, g_utf8_offset_to_pointer (text, end) - from);
    }
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
        return NULL;
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
}

/* Runs before the widget's own copy (or cut), which it stops: the
 * keyboard shortcut and the context menu's item both come here. */
static void
copy_clipboard_cb (GtkWidget *widget,
                   gpointer   user_data)
{
  const char *signal_name = user_data;
  g_autofree char *selected = NULL;

  if (g_object_get_data (G_OBJECT (widget), SECRET_COPIES_KEY) == NULL)
    return;

  g_signal_stop_emission_by_name (widget, signal_name);
  selected = dup_selection (widget);
  if (selected == NULL)
    return;

  heard_clipboard_copy_secret (widget, selected);
  if (g_str_equal (signal_name, "cut-clipboard"))
    gtk_text_buffer_delete_selection (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), TRUE,
                                      gtk_text_view_get_editable (GTK_TEXT_VIEW (widget)));
}

void
heard_clipboard_set_copies_secret (GtkWidget *widget,
                                   gboolean   secret_copies)
{
  g_return_if_fail (GTK_IS_LABEL (widget) || GTK_IS_TEXT_VIEW (widget));

  g_object_set_data (G_OBJECT (widget), SECRET_COPIES_KEY, GINT_TO_POINTER (secret_copies));
  if (g_object_get_data (G_OBJECT (widget), GUARDED_KEY) != NULL)
    return;

  g_object_set_data (G_OBJECT (widget), GUARDED_KEY, GINT_TO_POINTER (TRUE));
  g_signal_connect (widget, "copy-clipboard", G_CALLBACK (copy_clipboard_cb),
                    (gpointer) "copy-clipboard");
  if (GTK_IS_TEXT_VIEW (widget))
    g_signal_connect (widget, "cut-clipboard", G_CALLBACK (copy_clipboard_cb),
                      (gpointer) "cut-clipboard");
}

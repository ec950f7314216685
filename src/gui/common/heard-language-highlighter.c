/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-language"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "heard-language-check.h"
#include "heard-language-highlighter.h"

/* Long enough that fast typing is checked once a pause comes. */
#define CHECK_DELAY_MS 200
#define DATA_KEY "heard-language-highlighter"

struct _HeardLanguageHighlighter
{
  GObject        parent_instance;

  GtkTextView   *view;    /* owns us */
  GtkTextBuffer *buffer;
  GtkTextTag    *tag;
  GArray        *matches;
  guint          check_source;
  GSimpleActionGroup *actions;
};

G_DEFINE_FINAL_TYPE (HeardLanguageHighlighter, heard_language_highlighter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_MATCHES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const HeardLanguageMatch *
find_match_at (HeardLanguageHighlighter *self,
               guint                     offset)
{
  for (guint i = 0; i < self->matches->len; i++)
    {
      const HeardLanguageMatch *match = &g_array_index (self->matches, HeardLanguageMatch, i);

      if (match->start <= offset && offset <= match->end)
        return match;
    }

  return NULL;
}

static const HeardLanguageMatch *
find_match_at_cursor (HeardLanguageHighlighter *self)
{
  GtkTextIter cursor;

  if (self->buffer == NULL)
    return NULL;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor,
                                    gtk_text_buffer_get_insert (self->buffer));
  return find_match_at (self, (guint) gtk_text_iter_get_offset (&cursor));
}

/* The marks are hard to miss: a solid line on a warning tint, both named in
 * style.css and style-hc.css, and a double line in high contrast. */
static void
update_tag_colour (HeardLanguageHighlighter *self)
{
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self->view));
  gboolean high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  GdkRGBA colour;

  if (self->tag == NULL)
    return;

  g_object_set (self->tag, "underline",
                high_contrast ? PANGO_UNDERLINE_DOUBLE : PANGO_UNDERLINE_SINGLE, NULL);
  if (gtk_style_context_lookup_color (style, "heard_suggestion_line_color", &colour))
    g_object_set (self->tag, "underline-rgba", &colour, NULL);
  if (gtk_style_context_lookup_color (style, "heard_suggestion_bg_color", &colour))
    g_object_set (self->tag, "background-rgba", &colour, NULL);
}

static void
update_actions (HeardLanguageHighlighter *self)
{
  GAction *explain = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "explain");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (explain), find_match_at_cursor (self) != NULL);
}

static void
set_matches (HeardLanguageHighlighter *self,
             GArray                   *matches)
{
  guint before = self->matches->len;
  g_autofree char *description = NULL;

  g_array_unref (self->matches);
  self->matches = matches;

  if (matches->len > 0)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u wording suggestion; open the context "
                                                "menu on an underlined phrase to read it",
                                                "%u wording suggestions; open the context "
                                                "menu on an underlined phrase to read them",
                                                matches->len), matches->len);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "", -1);

  update_actions (self);
  if (before != matches->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
}

static gboolean
check_cb (gpointer user_data)
{
  HeardLanguageHighlighter *self = user_data;

  self->check_source = 0;
  heard_language_highlighter_check_now (self);

  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (HeardLanguageHighlighter *self)
{
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, check_cb, self);
}

static void
cursor_moved_cb (HeardLanguageHighlighter *self)
{
  update_actions (self);
}

static void
follow_buffer (HeardLanguageHighlighter *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  GtkTextTagTable *table;

  if (self->buffer == buffer)
    return;

  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  g_set_object (&self->buffer, buffer);

  table = gtk_text_buffer_get_tag_table (buffer);
  self->tag = gtk_text_tag_table_lookup (table, HEARD_LANGUAGE_TAG);
  if (self->tag == NULL)
    self->tag = gtk_text_buffer_create_tag (buffer, HEARD_LANGUAGE_TAG, NULL);

  g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "notify::cursor-position", G_CALLBACK (cursor_moved_cb),
                           self, G_CONNECT_SWAPPED);
  heard_language_highlighter_check_now (self);
}

static void
buffer_replaced_cb (HeardLanguageHighlighter *self)
{
  follow_buffer (self);
}

static void
style_changed_cb (HeardLanguageHighlighter *self)
{
  update_tag_colour (self);
}

/* What would stand in place of @match, and the characters it would take. */
static char *
dup_replacement (HeardLanguageHighlighter *self,
                 const HeardLanguageMatch *match,
                 guint                    *start,
                 guint                    *end)
{
  g_autofree char *text = NULL;
  GtkTextIter first, last;

  gtk_text_buffer_get_bounds (self->buffer, &first, &last);
  text = gtk_text_buffer_get_slice (self->buffer, &first, &last, TRUE);

  return heard_language_dup_replacement (text, match, start, end);
}

static gboolean
query_tooltip_cb (GtkTextView              *view,
                  int                       x,
                  int                       y,
                  gboolean                  keyboard_mode,
                  GtkTooltip               *tooltip,
                  HeardLanguageHighlighter *self)
{
  const HeardLanguageMatch *match;
  g_autofree char *text = NULL;
  g_autofree char *replacement = NULL;
  GtkTextIter iter;
  int buffer_x, buffer_y;
  guint from, to;

  if (keyboard_mode)
    match = find_match_at_cursor (self);
  else
    {
      gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y,
                                             &buffer_x, &buffer_y);
      if (!gtk_text_view_get_iter_at_location (view, &iter, buffer_x, buffer_y) ||
          !gtk_text_iter_has_tag (&iter, self->tag))
        return FALSE;
      match = find_match_at (self, (guint) gtk_text_iter_get_offset (&iter));
    }

  if (match == NULL)
    return FALSE;

  replacement = dup_replacement (self, match, &from, &to);
  /* TRANSLATORS: a tooltip: the suggested wording, then why */
  text = g_strdup_printf (_("Perhaps: “%s”. %s"), replacement,
                          heard_language_get_reason (match->phrase));
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

/* Puts the suggestion in place of @match, as one step that Ctrl+Z undoes. */
static void
use_suggestion (HeardLanguageHighlighter *self,
                const HeardLanguageMatch *match)
{
  guint from = 0, to = 0;
  g_autofree char *replacement = dup_replacement (self, match, &from, &to);
  GtkTextIter start, end;

  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, (int) from);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end, (int) to);
  gtk_text_buffer_delete (self->buffer, &start, &end);
  gtk_text_buffer_insert (self->buffer, &start, replacement, -1);
  gtk_text_buffer_end_user_action (self->buffer);

  heard_language_highlighter_check_now (self);
}

static void
explained_cb (AdwMessageDialog         *dialog,
              const char               *response,
              HeardLanguageHighlighter *self)
{
  HeardLanguageMatch *match = g_object_get_data (G_OBJECT (dialog), "match");
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (g_strcmp0 (response, "use") == 0 && self->buffer != NULL)
    {
      /* Only if the words are still the ones explained. */
      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, (int) match->start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, (int) match->end);
      text = gtk_text_buffer_get_slice (self->buffer, &start, &end, TRUE);
      if (g_strcmp0 (text, g_object_get_data (G_OBJECT (dialog), "words")) == 0)
        use_suggestion (self, match);
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
explain_activated_cb (GSimpleAction            *action,
                      GVariant                 *parameter,
                      HeardLanguageHighlighter *self)
{
  const HeardLanguageMatch *match = find_match_at_cursor (self);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *words = NULL;
  g_autofree char *replacement = NULL;
  GtkTextIter start, end;
  GtkWidget *dialog;
  guint from, to;

  if (match == NULL)
    return;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, (int) match->start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end, (int) match->end);
  words = gtk_text_buffer_get_slice (self->buffer, &start, &end, TRUE);
  replacement = dup_replacement (self, match, &from, &to);

  /* TRANSLATORS: the heading of a wording suggestion: the words as written, e.g. “boyfriend” */
  heading = g_strdup_printf (_("“%s”"), words);
  /* TRANSLATORS: why a wording hurts, then the suggested wording */
  body = g_strdup_printf (_("%s\n\nPerhaps: “%s”"), heard_language_get_reason (match->phrase),
                          replacement);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self->view))),
                                   heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Mine"),
                                    "use", _("_Use This Wording"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "use",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "use");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data_full (G_OBJECT (dialog), "match", g_memdup2 (match, sizeof *match), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "words", g_steal_pointer (&words), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (explained_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
view_destroyed_cb (HeardLanguageHighlighter *self)
{
  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  g_clear_object (&self->buffer);
}

static void
heard_language_highlighter_finalize (GObject *object)
{
  HeardLanguageHighlighter *self = HEARD_LANGUAGE_HIGHLIGHTER (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_object (&self->buffer);
  g_clear_object (&self->actions);
  g_array_unref (self->matches);

  G_OBJECT_CLASS (heard_language_highlighter_parent_class)->finalize (object);
}

static void
heard_language_highlighter_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  HeardLanguageHighlighter *self = HEARD_LANGUAGE_HIGHLIGHTER (object);

  switch (prop_id)
    {
    case PROP_N_MATCHES:
      g_value_set_uint (value, self->matches->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_language_highlighter_class_init (HeardLanguageHighlighterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = heard_language_highlighter_finalize;
  object_class->get_property = heard_language_highlighter_get_property;

  properties[PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_language_highlighter_init (HeardLanguageHighlighter *self)
{
  g_autoptr(GSimpleAction) explain = g_simple_action_new ("explain", NULL);

  self->matches = g_array_new (FALSE, FALSE, sizeof (HeardLanguageMatch));
  self->actions = g_simple_action_group_new ();
  g_signal_connect_object (explain, "activate", G_CALLBACK (explain_activated_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (explain));
}

/* Attaches a highlighter to @view, or returns the one already there. */
HeardLanguageHighlighter *
heard_language_highlighter_attach (GtkTextView *view)
{
  HeardLanguageHighlighter *self;
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autoptr(GMenu) menu = g_menu_new ();

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  self = g_object_get_data (G_OBJECT (view), DATA_KEY);
  if (self != NULL)
    return self;

  self = g_object_new (HEARD_TYPE_LANGUAGE_HIGHLIGHTER, NULL);
  self->view = view;
  g_object_set_data_full (G_OBJECT (view), DATA_KEY, self, g_object_unref);

  gtk_widget_insert_action_group (GTK_WIDGET (view), "language", G_ACTION_GROUP (self->actions));
  g_menu_append (menu, _("Suggest Other _Wording…"), "language.explain");
  gtk_text_view_set_extra_menu (view, G_MENU_MODEL (menu));
  gtk_widget_set_has_tooltip (GTK_WIDGET (view), TRUE);

  g_signal_connect_object (view, "query-tooltip", G_CALLBACK (query_tooltip_cb), self, 0);
  g_signal_connect_object (view, "notify::buffer", G_CALLBACK (buffer_replaced_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "destroy", G_CALLBACK (view_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (style_manager, "notify::dark", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (style_manager, "notify::high-contrast",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);

  follow_buffer (self);

  return self;
}

guint
heard_language_highlighter_get_n_matches (HeardLanguageHighlighter *self)
{
  g_return_val_if_fail (HEARD_IS_LANGUAGE_HIGHLIGHTER (self), 0);

  return self->matches->len;
}

/* Checks the text at once rather than after the pause in typing. */
void
heard_language_highlighter_check_now (HeardLanguageHighlighter *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  GArray *matches;

  g_return_if_fail (HEARD_IS_LANGUAGE_HIGHLIGHTER (self));

  if (self->buffer == NULL)
    return;

  g_clear_handle_id (&self->check_source, g_source_remove);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  /* A slice keeps one character for each embedded object, so offsets agree. */
  text = gtk_text_buffer_get_slice (self->buffer, &start, &end, TRUE);
  matches = heard_language_check (text);

  update_tag_colour (self);
  gtk_text_buffer_remove_tag (self->buffer, self->tag, &start, &end);
  for (guint i = 0; i < matches->len; i++)
    {
      const HeardLanguageMatch *match = &g_array_index (matches, HeardLanguageMatch, i);
      GtkTextIter from, to;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &from, (int) match->start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &to, (int) match->end);
      gtk_text_buffer_apply_tag (self->buffer, self->tag, &from, &to);
    }

  set_matches (self, matches);
}

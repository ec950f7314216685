/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-language"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-language-highlighter.h"
#include "heard-language-hint.h"

/*
 * Every text the language checker watches says the same thing the same way
 * beside it, so a caseworker who never hovers or right-clicks still learns
 * that a suggestion is there and how to reach it from the keyboard.
 */

struct _HeardLanguageHint
{
  GtkWidget    parent_instance;

  GtkTextView *view;
  GtkLabel    *label;
  HeardLanguageHighlighter *highlighter;
};

G_DEFINE_FINAL_TYPE (HeardLanguageHint, heard_language_hint, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (HeardLanguageHint *self)
{
  guint n = self->highlighter != NULL
            ? heard_language_highlighter_get_n_matches (self->highlighter) : 0;
  g_autofree char *hint = NULL;

  hint = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u phrase is underlined with a suggestion for other "
                                       "wording: right-click it, or press Shift+F10 on it. "
                                       "You can still save as it is.",
                                       "%u phrases are underlined with suggestions for other "
                                       "wording: right-click one, or press Shift+F10 on it. "
                                       "You can still save as it is.", n), n);
  gtk_label_set_text (self->label, hint);
  gtk_widget_set_visible (GTK_WIDGET (self->label), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
}

GtkTextView *
heard_language_hint_get_view (HeardLanguageHint *self)
{
  g_return_val_if_fail (HEARD_IS_LANGUAGE_HINT (self), NULL);

  return self->view;
}

/* Checks @view and explains what the checker finds there. */
void
heard_language_hint_set_view (HeardLanguageHint *self,
                              GtkTextView       *view)
{
  g_return_if_fail (HEARD_IS_LANGUAGE_HINT (self));
  g_return_if_fail (view == NULL || GTK_IS_TEXT_VIEW (view));

  if (self->view == view)
    return;

  if (self->highlighter != NULL)
    g_signal_handlers_disconnect_by_data (self->highlighter, self);
  g_clear_object (&self->highlighter);
  g_set_object (&self->view, view);

  if (view != NULL)
    {
      self->highlighter = g_object_ref (heard_language_highlighter_attach (view));
      g_signal_connect_object (self->highlighter, "notify::n-matches", G_CALLBACK (update),
                               self, G_CONNECT_SWAPPED);
    }

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
heard_language_hint_dispose (GObject *object)
{
  HeardLanguageHint *self = HEARD_LANGUAGE_HINT (object);

  g_clear_object (&self->highlighter);
  g_clear_object (&self->view);
  g_clear_pointer ((GtkWidget **) &self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (heard_language_hint_parent_class)->dispose (object);
}

static void
heard_language_hint_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HeardLanguageHint *self = HEARD_LANGUAGE_HINT (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_object (value, heard_language_hint_get_view (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_language_hint_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HeardLanguageHint *self = HEARD_LANGUAGE_HINT (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      heard_language_hint_set_view (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_language_hint_class_init (HeardLanguageHintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_language_hint_dispose;
  object_class->get_property = heard_language_hint_get_property;
  object_class->set_property = heard_language_hint_set_property;

  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL, GTK_TYPE_TEXT_VIEW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
heard_language_hint_init (HeardLanguageHint *self)
{
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "caption");
  /* Not dimmed: it is there to be noticed. */
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "language-hint");
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  update (self);
}

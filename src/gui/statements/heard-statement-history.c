/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-statement-history"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-case-file.h"
#include "heard-statement-card.h"
#include "heard-statement-history.h"
#include "heard-widgets.h"

struct _HeardStatementHistory
{
  AdwWindow       parent_instance;

  HeardCaseFile *case_file;
  GCancellable   *cancellable;
  GPtrArray      *cards;

  GtkStack       *stack;
  AdwStatusPage  *error_page;
  GtkBox         *versions_box;
};

G_DEFINE_FINAL_TYPE (HeardStatementHistory, heard_statement_history, ADW_TYPE_WINDOW)

static void
history_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HeardStatementHistory) self = user_data;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  HeardStatement *newest;

  versions = heard_case_file_read_finish (HEARD_CASE_FILE (object), result, &error);
  if (versions == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  newest = versions->len > 0 ? g_ptr_array_index (versions, versions->len - 1) : NULL;
  for (guint i = 0; i < versions->len; i++)
    {
      GtkWidget *card = heard_statement_card_new (g_ptr_array_index (versions, i),
                                                  i > 0 ? g_ptr_array_index (versions, i - 1)
                                                        : NULL,
                                                  HEARD_STATEMENT_CARD_HISTORY,
                                                  heard_context_get_agencies (
                                                    heard_case_file_get_context (
                                                      self->case_file)));

      /* Sensitive now means every version waits behind the content note. */
      if (heard_statement_get_sensitive (newest))
        heard_statement_card_hide_words (HEARD_STATEMENT_CARD (card),
                                         heard_statement_get_content_note (newest));
      gtk_box_append (self->versions_box, card);
      g_ptr_array_add (self->cards, card);
    }
  gtk_stack_set_visible_child_name (self->stack, "versions");
}

static void
read_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeardStatementHistory *self = HEARD_STATEMENT_HISTORY (widget);

  heard_case_file_note_statement_read (self->case_file, g_variant_get_int64 (parameter));
}

static void
heard_statement_history_dispose (GObject *object)
{
  HeardStatementHistory *self = HEARD_STATEMENT_HISTORY (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_STATEMENT_HISTORY);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->case_file);
  g_clear_pointer (&self->cards, g_ptr_array_unref);

  G_OBJECT_CLASS (heard_statement_history_parent_class)->dispose (object);
}

static void
heard_statement_history_class_init (HeardStatementHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_statement_history_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-statement-history.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardStatementHistory, stack);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementHistory, error_page);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementHistory, versions_box);

  gtk_widget_class_install_action (widget_class, "statements.read", "x", read_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
heard_statement_history_init (HeardStatementHistory *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_window_let_go_of_gone_parent (GTK_WINDOW (self));
  self->cancellable = g_cancellable_new ();
  self->cards = g_ptr_array_new ();
}

HeardStatementHistory *
heard_statement_history_new (GtkWindow  *parent,
                             HeardCaseFile *case_file,
                             gint64      statement_id)
{
  HeardStatementHistory *self;

  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);

  self = g_object_new (HEARD_TYPE_STATEMENT_HISTORY, "transient-for", parent, NULL);
  self->case_file = g_object_ref (case_file);
  heard_case_file_list_statement_history_async (case_file, statement_id, self->cancellable,
                                            history_loaded_cb, g_object_ref (self));

  return self;
}

/* 0 until the history has loaded. */
guint
heard_statement_history_get_n_versions (HeardStatementHistory *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_HISTORY (self), 0);

  return self->cards->len;
}

GtkWidget *
heard_statement_history_get_card (HeardStatementHistory *self,
                                  guint                  index)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_HISTORY (self), NULL);
  g_return_val_if_fail (index < self->cards->len, NULL);

  return g_ptr_array_index (self->cards, index);
}

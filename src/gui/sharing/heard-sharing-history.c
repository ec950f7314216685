/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-sharing-history"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-date.h"
#include "heard-sharing-history.h"
#include "heard-sharing-words.h"
#include "heard-widgets.h"

/*
 * Amending a sharing log entry never loses what it said: this window
 * shows every version, the original first, each as the log words it, with
 * who saved it, when, and the reason given for each amendment.
 */

struct _HeardSharingHistory
{
  AdwWindow      parent_instance;

  HeardCaseFile *case_file;
  GPtrArray     *bases;
  GCancellable  *cancellable;

  GtkStack      *stack;
  AdwStatusPage *error_page;
  GtkBox        *versions_box;
};

G_DEFINE_FINAL_TYPE (HeardSharingHistory, heard_sharing_history, ADW_TYPE_WINDOW)

static GtkWidget *
words_row (const char *title,
           const char *words)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), words);
  gtk_widget_add_css_class (row, "property");
  return row;
}

/* One version: "Original" or "Amendment 1", who saved it and when. */
static GtkWidget *
version_group (HeardSharingHistory *self,
               HeardSharingEntry   *version)
{
  GtkWidget *group = adw_preferences_group_new ();
  guint number = heard_sharing_entry_get_version (version);
  g_autofree char *title = number > 1 ? g_strdup_printf (_("Amendment %u"), number - 1)
                                      : g_strdup (_("Original"));
  g_autofree char *when = heard_date_describe_moment (heard_sharing_entry_get_saved_at (version));
  /* TRANSLATORS: who saved a version of a sharing log entry, and when */
  g_autofree char *saved = g_strdup_printf (_("Saved by %s, %s"),
                                            heard_sharing_entry_get_saved_by (version), when);
  g_autofree char *words = heard_sharing_words_title (
    version, heard_context_get_agencies (heard_case_file_get_context (self->case_file)));
  g_autofree char *details = heard_sharing_words_details (version, self->case_file, self->bases);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), saved);
  if (number > 1)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               words_row (_("Reason for the amendment"),
                                          heard_sharing_entry_get_text (version,
                                                                        HEARD_SHARING_REASON)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), words_row (words, details));
  if (heard_sharing_entry_get_decision (version) == HEARD_SHARING_SHARED)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               words_row (_("Why it was necessary and proportionate"),
                                          heard_sharing_entry_get_text (version,
                                                                        HEARD_SHARING_NECESSARY)));
  return group;
}

static void
history_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HeardSharingHistory) self = user_data;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;

  versions = heard_case_file_read_finish (HEARD_CASE_FILE (object), result, &error);
  if (versions == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* A read: the title says it could not be shown, the store why. */
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  for (guint i = 0; i < versions->len; i++)
    gtk_box_append (self->versions_box, version_group (self, g_ptr_array_index (versions, i)));
  gtk_stack_set_visible_child_name (self->stack, "versions");
}

static void
heard_sharing_history_dispose (GObject *object)
{
  HeardSharingHistory *self = HEARD_SHARING_HISTORY (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_SHARING_HISTORY);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->case_file);
  g_clear_pointer (&self->bases, g_ptr_array_unref);

  G_OBJECT_CLASS (heard_sharing_history_parent_class)->dispose (object);
}

static void
heard_sharing_history_class_init (HeardSharingHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_sharing_history_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-sharing-history.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardSharingHistory, stack);
  gtk_widget_class_bind_template_child (widget_class, HeardSharingHistory, error_page);
  gtk_widget_class_bind_template_child (widget_class, HeardSharingHistory, versions_box);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
heard_sharing_history_init (HeardSharingHistory *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_window_let_go_of_gone_parent (GTK_WINDOW (self));
  self->cancellable = g_cancellable_new ();
}

HeardSharingHistory *
heard_sharing_history_new (GtkWindow     *parent,
                           HeardCaseFile *case_file,
                           gint64         entry_id,
                           GPtrArray     *bases)
{
  HeardSharingHistory *self;

  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);

  self = g_object_new (HEARD_TYPE_SHARING_HISTORY, "transient-for", parent, NULL);
  self->case_file = g_object_ref (case_file);
  self->bases = bases != NULL ? g_ptr_array_ref (bases) : NULL;
  heard_case_file_list_sharing_history_async (case_file, entry_id, self->cancellable,
                                              history_loaded_cb, g_object_ref (self));

  return self;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-removed-window"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-date.h"
#include "heard-removed-person.h"
#include "heard-removed-window.h"
#include "heard-widgets.h"

/*
 * The records removed as made by mistake, so that none is ever out of
 * reach: who, when and why, newest first, each with Restore. It binds to
 * the context's live list, so a restore (here, by Undo, or in another
 * window) takes the row away, and a lock empties it.
 */

struct _HeardRemovedWindow
{
  AdwWindow        parent_instance;

  HeardContext    *context;

  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkListBox      *removed_list;
};

G_DEFINE_FINAL_TYPE (HeardRemovedWindow, heard_removed_window, ADW_TYPE_WINDOW)

typedef struct
{
  HeardRemovedWindow *window;
  char               *name;
} Restore;

static void
restore_free (Restore *restore)
{
  g_object_unref (restore->window);
  g_free (restore->name);
  g_free (restore);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Restore, restore_free)

static char *
describe_removal (HeardRemovedPerson *removed)
{
  g_autofree char *day = heard_date_describe_moment_day (heard_removed_person_get_removed_at (removed));
  const char *reason = heard_removal_rules_describe_reason (heard_removed_person_get_reason (removed));
  const char *note = heard_removed_person_get_note (removed);

  if (*note == '\0')
    /* TRANSLATORS: when a record was removed, and why, e.g. "Removed on 7
     * December 2026 · A duplicate of another record" */
    return g_strdup_printf (_("Removed on %s · %s"), day, reason);

  /* TRANSLATORS: as above, with the worker's own words after the reason */
  return g_strdup_printf (_("Removed on %s · %s: “%s”"), day, reason, note);
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Restore) restore = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!heard_context_restore_person_finish (HEARD_CONTEXT (object), result, &error))
    {
      adw_toast_overlay_add_toast (restore->window->toast_overlay,
                                   heard_toast_new (heard_describe_save_error (error)));
      return;
    }

  title = g_strdup_printf (_("%s is back on the list"), restore->name);
  adw_toast_overlay_add_toast (restore->window->toast_overlay, heard_toast_new (title));
}

/* Restores the record whose id is @parameter. */
static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HeardRemovedWindow *self = HEARD_REMOVED_WINDOW (widget);
  GListModel *removed = heard_context_get_removed_people (self->context);
  gint64 id = g_variant_get_int64 (parameter);

  for (guint i = 0; i < g_list_model_get_n_items (removed); i++)
    {
      g_autoptr(HeardRemovedPerson) person = g_list_model_get_item (removed, i);
      Restore *restore;

      if (heard_removed_person_get_id (person) != id)
        continue;

      restore = g_new0 (Restore, 1);
      restore->window = g_object_ref (self);
      restore->name = g_strdup (heard_removed_person_get_display_name (person));
      heard_context_restore_person_async (self->context, id, NULL, restored_cb, restore);
      return;
    }
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  HeardRemovedPerson *removed = item;
  g_autofree char *subtitle = describe_removal (removed);
  g_autofree char *button_name = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 heard_removed_person_get_display_name (removed));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  /* TRANSLATORS: a button's name for screen readers; %s is a young person's name */
  button_name = g_strdup_printf (_("Restore %s’s record"),
                                 heard_removed_person_get_display_name (removed));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  button_name, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "removed.restore");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x",
                                    heard_removed_person_get_id (removed));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
removed_changed_cb (HeardRemovedWindow *self)
{
  GListModel *removed = heard_context_get_removed_people (self->context);

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (removed) > 0 ? "list" : "empty");
}

static void
heard_removed_window_dispose (GObject *object)
{
  HeardRemovedWindow *self = HEARD_REMOVED_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), HEARD_TYPE_REMOVED_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (heard_removed_window_parent_class)->dispose (object);
}

static void
heard_removed_window_class_init (HeardRemovedWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_removed_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-removed-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardRemovedWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HeardRemovedWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HeardRemovedWindow, removed_list);
  gtk_widget_class_install_action (widget_class, "removed.restore", "x", restore_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
heard_removed_window_init (HeardRemovedWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_window_let_go_of_gone_parent (GTK_WINDOW (self));
}

HeardRemovedWindow *
heard_removed_window_new (GtkWindow    *parent,
                          HeardContext *context)
{
  HeardRemovedWindow *self;
  GListModel *removed;

  g_return_val_if_fail (HEARD_IS_CONTEXT (context), NULL);

  self = g_object_new (HEARD_TYPE_REMOVED_WINDOW, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  removed = heard_context_get_removed_people (context);
  gtk_list_box_bind_model (self->removed_list, removed, create_row, NULL, NULL);
  g_signal_connect_object (removed, "items-changed", G_CALLBACK (removed_changed_cb), self,
                           G_CONNECT_SWAPPED);
  removed_changed_cb (self);

  return self;
}

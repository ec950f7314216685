/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-caseload-page"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-caseload.h"
#include "heard-caseload-page.h"
#include "heard-context-private.h"
#include "heard-open-item-row.h"

/*
 * What needs attention across the caseload, shown when Heard opens and
 * whenever no young person is chosen. Each section comes from the core's
 * table (heard-caseload.c), so a section added there appears here without
 * any change to this page. Each row opens the young person's record at the
 * view that shows the item.
 */

struct _HeardCaseloadPage
{
  AdwBin        parent_instance;

  HeardContext *context;
  GCancellable *cancellable;
  GPtrArray    *groups;
  gboolean      loaded;

  GtkWidget    *back_button;
  GtkRevealer  *error_revealer;
  GtkLabel     *error_label;
  GtkStack     *stack;
  GtkBox       *sections_box;
};

G_DEFINE_FINAL_TYPE (HeardCaseloadPage, heard_caseload_page, ADW_TYPE_BIN)

static void
clear_sections (HeardCaseloadPage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->sections_box, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
}

static GtkWidget *
section_group_new (HeardCaseloadSection *section)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = g_markup_escape_text (section->title, -1);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to look at",
                                                         "%u to look at", section->items->len),
                                            section->items->len);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), count);
  for (guint i = 0; i < section->items->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               heard_open_item_row_new (g_ptr_array_index (section->items, i),
                                                        TRUE));

  return group;
}

static void
caseload_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(HeardCaseloadPage) self = user_data;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GError) error = NULL;
  gboolean any = FALSE;

  sections = heard_store_load_caseload_finish (HEARD_STORE (object), result, &error);
  if (sections == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_label_set_text (self->error_label, error->message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      self->loaded = TRUE;
      return;
    }

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  clear_sections (self);
  for (guint i = 0; i < sections->len; i++)
    {
      HeardCaseloadSection *section = g_ptr_array_index (sections, i);
      GtkWidget *group;

      if (section->items->len == 0)
        continue;

      group = section_group_new (section);
      gtk_box_append (self->sections_box, group);
      g_ptr_array_add (self->groups, group);
      any = TRUE;
    }

  gtk_stack_set_visible_child_name (self->stack, any ? "items" : "calm");
  self->loaded = TRUE;
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  heard_caseload_page_refresh (HEARD_CASELOAD_PAGE (widget));
}

static void
heard_caseload_page_dispose (GObject *object)
{
  HeardCaseloadPage *self = HEARD_CASELOAD_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_CASELOAD_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (heard_caseload_page_parent_class)->dispose (object);
}

/* Folded into one column, the page offers the way back to the list. */
static void
heard_caseload_page_root (GtkWidget *widget)
{
  HeardCaseloadPage *self = HEARD_CASELOAD_PAGE (widget);
  GtkWidget *leaflet;

  GTK_WIDGET_CLASS (heard_caseload_page_parent_class)->root (widget);

  leaflet = gtk_widget_get_ancestor (widget, ADW_TYPE_LEAFLET);
  if (leaflet != NULL)
    g_object_bind_property (leaflet, "folded", self->back_button, "visible",
                            G_BINDING_SYNC_CREATE);
}

static void
heard_caseload_page_class_init (HeardCaseloadPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_caseload_page_dispose;
  widget_class->root = heard_caseload_page_root;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-caseload-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardCaseloadPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, HeardCaseloadPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, HeardCaseloadPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, HeardCaseloadPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HeardCaseloadPage, sections_box);

  gtk_widget_class_install_action (widget_class, "caseload.refresh", NULL, refresh_action);
}

static void
heard_caseload_page_init (HeardCaseloadPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (self->back_button, FALSE);
  self->groups = g_ptr_array_new ();
}

void
heard_caseload_page_set_context (HeardCaseloadPage *self,
                                 HeardContext      *context)
{
  g_return_if_fail (HEARD_IS_CASELOAD_PAGE (self));

  g_set_object (&self->context, context);
}

/* Asks the store afresh; what is shown stays until the answer comes. */
void
heard_caseload_page_refresh (HeardCaseloadPage *self)
{
  HeardStore *store;

  g_return_if_fail (HEARD_IS_CASELOAD_PAGE (self));

  store = self->context != NULL ? _heard_context_get_store (self->context) : NULL;
  if (store == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loaded = FALSE;

  heard_store_load_caseload_async (store, self->cancellable, caseload_loaded_cb,
                                   g_object_ref (self));
}

/* TRUE once the last refresh has answered. */
gboolean
heard_caseload_page_is_loaded (HeardCaseloadPage *self)
{
  g_return_val_if_fail (HEARD_IS_CASELOAD_PAGE (self), FALSE);

  return self->loaded;
}

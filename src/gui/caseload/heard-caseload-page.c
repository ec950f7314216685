/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-caseload-page"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-backup-service.h"
#include "heard-caseload-model.h"
#include "heard-caseload-page.h"
#include "heard-open-item-row.h"

/*
 * What needs attention across the caseload, shown when Heard opens and
 * whenever no young person is chosen. It shows the context's live caseload
 * model, whose sections come from the core's table (heard-caseload.c), so a
 * section added there appears here without any change to this page, and a
 * change made anywhere shows here without anyone asking. Each row opens
 * the young person's record at the view that shows the item.
 *
 * Above it, one line says how old the last backup is, standing out (in
 * the warning colours and with a warning sign, never colour alone) when
 * it is too old or there is none; it opens the backups in Preferences.
 */

/* The age said is in days: once a minute keeps it true. */
#define BACKUP_LINE_SECONDS 60

struct _HeardCaseloadPage
{
  AdwBin              parent_instance;

  HeardCaseloadModel *caseload;
  HeardContext       *context;
  HeardBackupService *backups;
  guint               backup_timeout;
  /* One preferences group a section, in the model's order. */
  GPtrArray          *groups;

  GtkWidget          *back_button;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  GtkStack           *stack;
  GtkBox             *sections_box;
  GtkWidget          *heading;
  GtkWidget          *backup_button;
  GtkImage           *backup_icon;
  GtkLabel           *backup_label;
};

G_DEFINE_FINAL_TYPE (HeardCaseloadPage, heard_caseload_page, ADW_TYPE_BIN)

static GtkWidget *
section_group_new (HeardCaseloadGroup *section)
{
  GtkWidget *group = adw_preferences_group_new ();
  guint n = heard_caseload_group_get_n_open_items (section);
  g_autofree char *title = g_markup_escape_text (heard_caseload_group_get_title (section), -1);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to look at",
                                                         "%u to look at", n), n);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), count);
  for (guint i = 0; i < n; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               heard_open_item_row_new (heard_caseload_group_get_open_item (section,
                                                                                            i),
                                                        TRUE));

  return group;
}

static void
sections_changed_cb (HeardCaseloadPage *self,
                     guint              position,
                     guint              removed,
                     guint              added)
{
  GListModel *model = G_LIST_MODEL (self->caseload);
  GtkWidget *before = position > 0 ? g_ptr_array_index (self->groups, position - 1)
                                   : self->heading;

  for (guint i = 0; i < removed; i++)
    gtk_box_remove (self->sections_box, g_ptr_array_index (self->groups, position + i));
  g_ptr_array_remove_range (self->groups, position, removed);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(HeardCaseloadGroup) section = g_list_model_get_item (model, position + i);
      GtkWidget *group = section_group_new (section);

      gtk_box_insert_child_after (self->sections_box, group, before);
      g_ptr_array_insert (self->groups, (int) (position + i), group);
      before = group;
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (model) > 0 ? "items" : "calm");
}

/* What was shown stays after a failure, with the failure said above it. */
static void
failure_changed_cb (HeardCaseloadPage *self)
{
  const char *failure = heard_caseload_model_get_failure (self->caseload);

  if (failure != NULL)
    gtk_label_set_text (self->error_label, failure);
  gtk_revealer_set_reveal_child (self->error_revealer, failure != NULL);
}

static void
update_backup_line (HeardCaseloadPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *status = NULL;
  g_autofree char *spoken = NULL;
  gboolean stands_out = FALSE;

  /* Practice records are never backed up: nothing to say. */
  if (!heard_context_get_practice (self->context))
    status = heard_backup_service_dup_status (self->backups, now, &stands_out);
  gtk_widget_set_visible (self->backup_button, status != NULL);
  if (status == NULL)
    return;

  gtk_label_set_text (self->backup_label, status);
  gtk_image_set_from_icon_name (self->backup_icon, stands_out ? "dialog-warning-symbolic"
                                                              : "drive-harddisk-symbolic");
  if (stands_out)
    gtk_widget_add_css_class (self->backup_button, "backup-overdue");
  else
    gtk_widget_remove_css_class (self->backup_button, "backup-overdue");

  /* The warning sign is said, not only shown. */
  spoken = stands_out ? g_strdup_printf (_("Needs attention: %s"), status) : g_strdup (status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->backup_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Opens the backups in Preferences"), -1);
}

static gboolean
backup_tick_cb (gpointer user_data)
{
  update_backup_line (user_data);

  return G_SOURCE_CONTINUE;
}

static void
heard_caseload_page_dispose (GObject *object)
{
  HeardCaseloadPage *self = HEARD_CASELOAD_PAGE (object);

  g_clear_handle_id (&self->backup_timeout, g_source_remove);
  g_clear_object (&self->backups);
  g_clear_object (&self->context);

  if (self->caseload != NULL)
    g_signal_handlers_disconnect_by_data (self->caseload, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_CASELOAD_PAGE);
  g_clear_object (&self->caseload);
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
  gtk_widget_class_bind_template_child (widget_class, HeardCaseloadPage, heading);
  gtk_widget_class_bind_template_child (widget_class, HeardCaseloadPage, backup_button);
  gtk_widget_class_bind_template_child (widget_class, HeardCaseloadPage, backup_icon);
  gtk_widget_class_bind_template_child (widget_class, HeardCaseloadPage, backup_label);
}

static void
heard_caseload_page_init (HeardCaseloadPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (self->back_button, FALSE);
  self->groups = g_ptr_array_new ();
}

/* Shows the caseload of @context from now on. */
void
heard_caseload_page_set_context (HeardCaseloadPage *self,
                                 HeardContext      *context)
{
  GListModel *caseload;

  g_return_if_fail (HEARD_IS_CASELOAD_PAGE (self));
  g_return_if_fail (HEARD_IS_CONTEXT (context));
  g_return_if_fail (self->caseload == NULL);

  caseload = heard_context_get_caseload (context);
  self->caseload = g_object_ref (HEARD_CASELOAD_MODEL (caseload));
  g_signal_connect_swapped (caseload, "items-changed", G_CALLBACK (sections_changed_cb), self);
  g_signal_connect_swapped (caseload, "notify::failure", G_CALLBACK (failure_changed_cb), self);
  sections_changed_cb (self, 0, 0, g_list_model_get_n_items (caseload));
  failure_changed_cb (self);

  /* Whether the records are practice ones is known once they open. */
  self->context = g_object_ref (context);
  g_signal_connect_object (context, "notify::lock-state", G_CALLBACK (update_backup_line), self,
                           G_CONNECT_SWAPPED);
  self->backups = g_object_ref (heard_context_get_backups (context));
  /* Any of the service's properties may change what the line says. */
  g_signal_connect_object (self->backups, "notify", G_CALLBACK (update_backup_line), self,
                           G_CONNECT_SWAPPED);
  self->backup_timeout = g_timeout_add_seconds (BACKUP_LINE_SECONDS, backup_tick_cb, self);
  update_backup_line (self);
}

/* TRUE once the caseload has been worked out since the records opened. */
gboolean
heard_caseload_page_is_loaded (HeardCaseloadPage *self)
{
  g_return_val_if_fail (HEARD_IS_CASELOAD_PAGE (self), FALSE);

  return self->caseload != NULL && heard_caseload_model_get_loaded (self->caseload);
}

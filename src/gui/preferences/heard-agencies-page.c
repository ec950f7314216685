/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-agencies-page"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-agencies-page.h"
#include "heard-agency-editor.h"
#include "heard-directory-list.h"
#include "heard-widgets.h"

/*
 * Preferences → Agencies: the agencies directory as a list (name, type in
 * words, contact), with a way to add one, change one, retire one and
 * bring a retired one back. Retired agencies stay listed, marked so: the
 * records that name them keep their names, and they are offered nowhere
 * new. The list is the context's live directory, so a change made in any
 * agency picker shows here at once.
 */

struct _HeardAgenciesPage
{
  AdwPreferencesPage  parent_instance;

  HeardContext       *context;
  GCancellable       *cancellable;

  GtkWidget          *empty_label;
  GtkListBox         *agencies_list;
};

G_DEFINE_FINAL_TYPE (HeardAgenciesPage, heard_agencies_page, ADW_TYPE_PREFERENCES_PAGE)

/* "School or college · Ms Adeyemi · 01632 960123": its type and contact. */
static char *
describe_agency (HeardDirectoryAgency *agency)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  g_ptr_array_add (parts, (gpointer) heard_agency_type_label (
                     heard_directory_agency_get_agency_type (agency)));
  for (HeardDirectoryAgencyText field = HEARD_DIRECTORY_AGENCY_CONTACT_NAME;
       field < HEARD_DIRECTORY_AGENCY_N_TEXTS; field++)
    if (*heard_directory_agency_get_text (agency, field) != '\0')
      g_ptr_array_add (parts, (gpointer) heard_directory_agency_get_text (agency, field));
  g_ptr_array_add (parts, NULL);

  /* TRANSLATORS: separates an agency's type from its contact details */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static GtkWidget *
create_agency_row (gpointer item,
                   gpointer user_data)
{
  HeardDirectoryAgency *agency = item;
  const char *name = heard_directory_agency_get_text (agency, HEARD_DIRECTORY_AGENCY_NAME);
  gboolean retired = heard_directory_agency_get_retired (agency);
  g_autofree char *subtitle = describe_agency (agency);
  g_autofree char *change_label = g_strdup_printf (_("Change %s"), name);
  g_autofree char *retire_label = g_strdup_printf (_("Retire %s"), name);
  g_autofree char *restore_label = g_strdup_printf (_("Restore %s"), name);
  GVariant *id = g_variant_ref_sink (g_variant_new_int64 (heard_directory_agency_get_id (agency)));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *change = gtk_button_new_with_mnemonic (_("_Change…"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (change, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (change), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  change_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (change), "agencies.edit");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (change), id);

  if (retired)
    {
      GtkWidget *restore = gtk_button_new_with_mnemonic (_("_Restore"));

      gtk_widget_add_css_class (row, "retired");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 heard_status_badge_new (_("Retired"), "dim-label"));
      gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (restore), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      restore_label, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (restore), "agencies.restore");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (restore), id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), change);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);
    }
  else
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), change);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 heard_icon_button_new ("edit-delete-symbolic",
                                                        _("Retire Agency"), retire_label,
                                                        "agencies.retire", id));
    }
  g_variant_unref (id);

  return row;
}

static void
agencies_changed_cb (HeardAgenciesPage *self)
{
  gboolean empty = g_list_model_get_n_items (heard_context_get_agencies (self->context)) == 0;

  gtk_widget_set_visible (self->empty_label, empty);
  gtk_widget_set_visible (GTK_WIDGET (self->agencies_list), !empty);
}

/* The entry an action's parameter names, or NULL (not a new reference). */
static HeardDirectoryAgency *
find_agency (HeardAgenciesPage *self,
             GVariant          *parameter)
{
  return heard_directory_list_lookup (HEARD_DIRECTORY_LIST (heard_context_get_agencies (
                                                              self->context)),
                                      g_variant_get_int64 (parameter));
}

static void
say (HeardAgenciesPage *self,
     const char        *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), heard_toast_new (message));
}

static void
present_editor (HeardAgenciesPage    *self,
                HeardDirectoryAgency *agency)
{
  HeardAgencyEditor *editor = heard_agency_editor_new (
    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context, agency);

  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  present_editor (HEARD_AGENCIES_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeardAgenciesPage *self = HEARD_AGENCIES_PAGE (widget);
  HeardDirectoryAgency *agency = find_agency (self, parameter);

  if (agency != NULL)
    present_editor (self, agency);
}

static void
retired_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HeardAgenciesPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!heard_context_retire_agency_finish (HEARD_CONTEXT (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    say (self, heard_describe_save_error (error));
}

static void
retire_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HeardAgenciesPage *self = HEARD_AGENCIES_PAGE (widget);

  heard_context_retire_agency_async (self->context, g_variant_get_int64 (parameter),
                                     self->cancellable, retired_cb, g_object_ref (self));
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HeardAgenciesPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (heard_context_save_agency_finish (HEARD_CONTEXT (object), result, &error) == 0 &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    say (self, heard_describe_save_error (error));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HeardAgenciesPage *self = HEARD_AGENCIES_PAGE (widget);
  HeardDirectoryAgency *agency = find_agency (self, parameter);
  g_autoptr(HeardDirectoryAgency) restored = NULL;

  if (agency == NULL)
    return;

  restored = heard_directory_agency_copy (agency);
  heard_directory_agency_set_retired (restored, FALSE);
  heard_context_save_agency_async (self->context, restored, self->cancellable, restored_cb,
                                   g_object_ref (self));
}

static void
heard_agencies_page_dispose (GObject *object)
{
  HeardAgenciesPage *self = HEARD_AGENCIES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_AGENCIES_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (heard_agencies_page_parent_class)->dispose (object);
}

static void
heard_agencies_page_class_init (HeardAgenciesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_agencies_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-agencies-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardAgenciesPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, HeardAgenciesPage, agencies_list);

  gtk_widget_class_install_action (widget_class, "agencies.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "agencies.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "agencies.retire", "x", retire_action);
  gtk_widget_class_install_action (widget_class, "agencies.restore", "x", restore_action);
}

static void
heard_agencies_page_init (HeardAgenciesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/* Shows and edits the directory of @context. */
void
heard_agencies_page_set_context (HeardAgenciesPage *self,
                                 HeardContext      *context)
{
  GListModel *agencies;

  g_return_if_fail (HEARD_IS_AGENCIES_PAGE (self));
  g_return_if_fail (HEARD_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  agencies = heard_context_get_agencies (context);
  gtk_list_box_bind_model (self->agencies_list, agencies, create_agency_row, self, NULL);
  g_signal_connect_object (agencies, "items-changed", G_CALLBACK (agencies_changed_cb), self,
                           G_CONNECT_SWAPPED);
  agencies_changed_cb (self);
}

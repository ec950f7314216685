/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-agencies-page.h"
#include "heard-backup-group.h"
#include "heard-cluster-numbers-group.h"
#include "heard-passphrase-editor.h"
#include "heard-preferences-window.h"
#include "heard-staff-list.h"
#include "heard-supervisor-editor.h"
#include "heard-widgets.h"

/*
 * Preferences: who the caseworker is (and a change of their own passphrase,
 * heard-passphrase-editor.c), the supervisors who sign decisions,
 * backups (heard-backup-group.c), when Heard locks itself (this computer's
 * setting, not the records') and a check that the audit trail is whole. Both names follow the
 * context's staff list, so a change made anywhere shows here at once.
 */

struct _HeardPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  HeardContext         *context;
  GCancellable         *cancellable;
  GListModel           *supervisors;
  /* The caseworker's name as last loaded or saved: anything else in the
   * field was typed and not saved yet. */
  char                 *saved_name;
  gboolean              saving;
  gboolean              close_when_saved;

  AdwEntryRow          *caseworker_row;
  GtkWidget            *passphrase_row;
  GtkListBox           *supervisors_list;
  AdwActionRow         *audit_row;
  HeardBackupGroup     *backup_group;
  HeardAgenciesPage    *agencies_page;
  HeardClusterNumbersGroup *cluster_numbers_group;
  AdwComboRow          *idle_lock_row;
  GtkWidget            *idle_never_label;
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (HeardPreferencesWindow, heard_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* The idle times offered, in minutes, in the row's order; 0 is never. */
static const guint idle_choices[] = { 1, 2, 5, 10, 15, 30, 0 };

static gboolean
idle_minutes_to_choice (GValue   *value,
                        GVariant *variant,
                        gpointer  user_data)
{
  guint minutes = g_variant_get_uint32 (variant);

  for (guint i = 0; i < G_N_ELEMENTS (idle_choices); i++)
    if (idle_choices[i] == minutes)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  /* A time set elsewhere (gsettings) that is not offered: the nearest longer. */
  for (guint i = 0; i < G_N_ELEMENTS (idle_choices) - 1; i++)
    if (idle_choices[i] > minutes)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, G_N_ELEMENTS (idle_choices) - 2);
  return TRUE;
}

static GVariant *
idle_choice_to_minutes (const GValue       *value,
                        const GVariantType *expected_type,
                        gpointer            user_data)
{
  guint choice = g_value_get_uint (value);

  if (choice >= G_N_ELEMENTS (idle_choices))
    return NULL;

  return g_variant_new_uint32 (idle_choices[choice]);
}

static void
idle_choice_changed_cb (HeardPreferencesWindow *self)
{
  guint choice = adw_combo_row_get_selected (self->idle_lock_row);

  gtk_widget_set_visible (self->idle_never_label,
                          choice < G_N_ELEMENTS (idle_choices) && idle_choices[choice] == 0);
}

static void
set_up_idle_lock (HeardPreferencesWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (idle_choices); i++)
    {
      g_autofree char *name = NULL;

      if (idle_choices[i] == 0)
        name = g_strdup (C_("lock after", "Never"));
      else
        name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes",
                                             idle_choices[i]),
                                idle_choices[i]);
      gtk_string_list_append (names, name);
    }
  adw_combo_row_set_model (self->idle_lock_row, G_LIST_MODEL (names));

  self->settings = g_settings_new (BASE_APPLICATION_ID);
  g_signal_connect_object (self->idle_lock_row, "notify::selected",
                           G_CALLBACK (idle_choice_changed_cb), self, G_CONNECT_SWAPPED);
  g_settings_bind_with_mapping (self->settings, "idle-lock-minutes", self->idle_lock_row,
                                "selected", G_SETTINGS_BIND_DEFAULT, idle_minutes_to_choice,
                                idle_choice_to_minutes, NULL, NULL);
  idle_choice_changed_cb (self);
}

static gboolean
has_unsaved_name (HeardPreferencesWindow *self)
{
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->caseworker_row)),
                    self->saved_name) != 0;
}

static HeardStaff *
find_caseworker (HeardPreferencesWindow *self)
{
  return heard_staff_list_find_by_role (HEARD_STAFF_LIST (heard_context_get_staff (self->context)),
                                        HEARD_STAFF_CASEWORKER);
}

/* The supervisor an action's parameter names, or NULL; owned. */
static HeardStaff *
find_supervisor (HeardPreferencesWindow *self,
                 GVariant               *parameter)
{
  gint64 id = g_variant_get_int64 (parameter);
  guint n = g_list_model_get_n_items (self->supervisors);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeardStaff) supervisor = g_list_model_get_item (self->supervisors, i);

      if (heard_staff_get_id (supervisor) == id)
        return g_steal_pointer (&supervisor);
    }

  return NULL;
}

static void
say (HeardPreferencesWindow *self,
     const char             *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), heard_toast_new (message));
}

static GtkWidget *
create_supervisor_row (gpointer item,
                       gpointer user_data)
{
  HeardStaff *supervisor = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *change = gtk_button_new_with_mnemonic (_("_Change…"));
  const char *name = heard_staff_get_name (supervisor);
  g_autofree char *change_label = g_strdup_printf (_("Change %s's name or passphrase"), name);
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s as a supervisor"), name);
  GVariant *id = g_variant_ref_sink (g_variant_new_int64 (heard_staff_get_id (supervisor)));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);

  gtk_widget_set_valign (change, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (change), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  change_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (change), "prefs.edit-supervisor");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (change), id);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), change);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             heard_icon_button_new ("user-trash-symbolic",
                                                    _("Remove Supervisor"), remove_label,
                                                    "prefs.retire-supervisor", id));
  g_variant_unref (id);

  return row;
}

/* The staff changed, here or anywhere: a name being typed stays as it
 * is; only an untouched field follows the records. */
static void
staff_changed_cb (HeardPreferencesWindow *self)
{
  HeardStaff *caseworker = find_caseworker (self);
  const char *name = caseworker != NULL ? heard_staff_get_name (caseworker) : "";

  if (!has_unsaved_name (self) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->caseworker_row)), name) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->caseworker_row), name);
  g_free (self->saved_name);
  self->saved_name = g_strdup (name);
}

static void
supervisors_changed_cb (HeardPreferencesWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->supervisors_list),
                          g_list_model_get_n_items (self->supervisors) > 0);
}

/* Closing without the name typed: it goes back to the saved one. */
static void
name_discarded_cb (GtkWindow *window)
{
  HeardPreferencesWindow *self = HEARD_PREFERENCES_WINDOW (window);

  gtk_editable_set_text (GTK_EDITABLE (self->caseworker_row), self->saved_name);
}

/* A name on its way to the records. */
typedef struct
{
  HeardPreferencesWindow *self;
  char                   *name;
} NameSave;

static void
name_save_free (NameSave *save)
{
  g_object_unref (save->self);
  g_free (save->name);
  g_free (save);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NameSave, name_save_free)

static void
caseworker_saved_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(NameSave) save = user_data;
  HeardPreferencesWindow *self = save->self;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  if (heard_context_save_staff_finish (HEARD_CONTEXT (object), result, &error) == 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      say (self, error->message);
      /* The window was closing: the name typed is kept unless they say to let it go. */
      if (self->close_when_saved)
        {
          self->close_when_saved = FALSE;
          heard_ask_to_discard (GTK_WINDOW (self), name_discarded_cb);
        }
      return;
    }

  g_free (self->saved_name);
  self->saved_name = g_steal_pointer (&save->name);

  if (self->close_when_saved)
    {
      /* Closes now, or saves again what was typed while this was saved. */
      self->close_when_saved = FALSE;
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  say (self, _("Your name is saved"));
}

static void
save_caseworker (HeardPreferencesWindow *self)
{
  HeardStaff *known = find_caseworker (self);
  g_autoptr(HeardStaff) caseworker = known != NULL ? heard_staff_copy (known)
                                                   : heard_staff_new (HEARD_STAFF_CASEWORKER);
  NameSave *save = g_new0 (NameSave, 1);

  save->self = g_object_ref (self);
  save->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->caseworker_row)));
  heard_staff_set_name (caseworker, save->name);
  self->saving = TRUE;
  heard_context_save_staff_async (self->context, caseworker, NULL, self->cancellable,
                                  caseworker_saved_cb, save);
}

static void
caseworker_apply_cb (HeardPreferencesWindow *self)
{
  save_caseworker (self);
}

static void
present_editor (HeardPreferencesWindow *self,
                HeardStaff             *supervisor)
{
  HeardSupervisorEditor *editor = heard_supervisor_editor_new (GTK_WINDOW (self),
                                                               self->context, supervisor);

  gtk_window_present (GTK_WINDOW (editor));
}

static void
change_passphrase_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  HeardPreferencesWindow *self = HEARD_PREFERENCES_WINDOW (widget);
  HeardPassphraseEditor *editor = heard_passphrase_editor_new (GTK_WINDOW (self), self->context);

  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_supervisor_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  present_editor (HEARD_PREFERENCES_WINDOW (widget), NULL);
}

static void
edit_supervisor_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HeardPreferencesWindow *self = HEARD_PREFERENCES_WINDOW (widget);
  g_autoptr(HeardStaff) supervisor = find_supervisor (self, parameter);

  if (supervisor != NULL)
    present_editor (self, supervisor);
}

static void
retired_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HeardPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!heard_context_retire_staff_finish (HEARD_CONTEXT (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    say (self, error->message);
}

static void
retire_confirmed (AdwMessageDialog *dialog,
                  GtkWidget        *owner)
{
  HeardPreferencesWindow *self = HEARD_PREFERENCES_WINDOW (owner);
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "id"));

  heard_context_retire_staff_async (self->context, id, self->cancellable, retired_cb,
                                    g_object_ref (self));
}

static void
retire_supervisor_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  HeardPreferencesWindow *self = HEARD_PREFERENCES_WINDOW (widget);
  g_autoptr(HeardStaff) supervisor = find_supervisor (self, parameter);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (supervisor == NULL)
    return;

  heading = g_strdup_printf (_("Remove %s as a Supervisor?"), heard_staff_get_name (supervisor));
  dialog = heard_ask_to_remove (widget, heading,
                                _("They will no longer be able to sign decisions. Their past "
                                  "decisions stay in the plans, with their name."),
                                retire_confirmed);
  g_object_set_data (G_OBJECT (dialog), "id",
                     GSIZE_TO_POINTER ((gsize) heard_staff_get_id (supervisor)));
}

static void
audit_checked_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HeardPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *verdict = NULL;
  guint n_entries = 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.check-audit", TRUE);
  if (!heard_context_verify_audit_finish (HEARD_CONTEXT (object), result, &n_entries, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      verdict = g_strdup (error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->audit_row), "error");
    }
  else
    {
      verdict = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Whole: its %u entry was checked and is as "
                                              "Heard wrote it.",
                                              "Whole: all %u entries were checked and are as "
                                              "Heard wrote them.", n_entries), n_entries);
      gtk_widget_remove_css_class (GTK_WIDGET (self->audit_row), "error");
    }

  adw_action_row_set_subtitle (self->audit_row, verdict);
}

static void
check_audit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HeardPreferencesWindow *self = HEARD_PREFERENCES_WINDOW (widget);

  gtk_widget_action_set_enabled (widget, "prefs.check-audit", FALSE);
  adw_action_row_set_subtitle (self->audit_row, _("Checking…"));
  heard_context_verify_audit_async (self->context, self->cancellable, audit_checked_cb,
                                    g_object_ref (self));
}

/* The window's own search field is named too, though searching is off. */
static void
name_search_entry (GtkWidget *root)
{
  if (GTK_IS_SEARCH_ENTRY (root))
    gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Search preferences"), -1);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_search_entry (child);
}

/* A name typed and not applied is saved before the window goes; should
 * that fail, the window stays and asks before the name is thrown away. */
static gboolean
heard_preferences_window_close_request (GtkWindow *window)
{
  HeardPreferencesWindow *self = HEARD_PREFERENCES_WINDOW (window);

  if (!has_unsaved_name (self))
    return GTK_WINDOW_CLASS (heard_preferences_window_parent_class)->close_request (window);

  self->close_when_saved = TRUE;
  if (!self->saving)
    save_caseworker (self);

  return TRUE;
}

static void
heard_preferences_window_dispose (GObject *object)
{
  HeardPreferencesWindow *self = HEARD_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_object (&self->supervisors);
  g_clear_pointer (&self->saved_name, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (heard_preferences_window_parent_class)->dispose (object);
}

static void
heard_preferences_window_class_init (HeardPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  g_type_ensure (HEARD_TYPE_AGENCIES_PAGE);
  g_type_ensure (HEARD_TYPE_BACKUP_GROUP);
  g_type_ensure (HEARD_TYPE_CLUSTER_NUMBERS_GROUP);
  object_class->dispose = heard_preferences_window_dispose;
  window_class->close_request = heard_preferences_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/heard-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardPreferencesWindow, caseworker_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPreferencesWindow, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPreferencesWindow, supervisors_list);
  gtk_widget_class_bind_template_child (widget_class, HeardPreferencesWindow, audit_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPreferencesWindow, backup_group);
  gtk_widget_class_bind_template_child (widget_class, HeardPreferencesWindow, agencies_page);
  gtk_widget_class_bind_template_child (widget_class, HeardPreferencesWindow,
                                        cluster_numbers_group);
  gtk_widget_class_bind_template_child (widget_class, HeardPreferencesWindow, idle_lock_row);
  gtk_widget_class_bind_template_child (widget_class, HeardPreferencesWindow, idle_never_label);
  gtk_widget_class_bind_template_callback (widget_class, caseworker_apply_cb);

  gtk_widget_class_install_action (widget_class, "prefs.add-supervisor", NULL,
                                   add_supervisor_action);
  gtk_widget_class_install_action (widget_class, "prefs.edit-supervisor", "x",
                                   edit_supervisor_action);
  gtk_widget_class_install_action (widget_class, "prefs.retire-supervisor", "x",
                                   retire_supervisor_action);
  gtk_widget_class_install_action (widget_class, "prefs.check-audit", NULL, check_audit_action);
  gtk_widget_class_install_action (widget_class, "prefs.change-passphrase", NULL,
                                   change_passphrase_action);
}

static void
heard_preferences_window_init (HeardPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_window_let_go_of_gone_parent (GTK_WINDOW (self));
  self->cancellable = g_cancellable_new ();
  self->saved_name = g_strdup ("");
  set_up_idle_lock (self);
  heard_accessibility_name_entry_rows (GTK_WIDGET (self));
  heard_accessibility_name_mnemonics (GTK_WIDGET (self));
  name_search_entry (GTK_WIDGET (self));
}

/* Preferences for the open records of @context. */
HeardPreferencesWindow *
heard_preferences_window_new (GtkWindow    *parent,
                              HeardContext *context)
{
  HeardPreferencesWindow *self;

  g_return_val_if_fail (HEARD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (heard_context_get_lock_state (context) == HEARD_LOCK_STATE_OPEN, NULL);

  self = g_object_new (HEARD_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->supervisors = heard_supervisors_new (context);
  gtk_list_box_bind_model (self->supervisors_list, self->supervisors, create_supervisor_row,
                           NULL, NULL);
  g_signal_connect_object (self->supervisors, "items-changed",
                           G_CALLBACK (supervisors_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (heard_context_get_staff (context), "items-changed",
                           G_CALLBACK (staff_changed_cb), self, G_CONNECT_SWAPPED);
  heard_backup_group_set_context (self->backup_group, context);
  heard_agencies_page_set_context (self->agencies_page, context);
  heard_cluster_numbers_group_set_context (self->cluster_numbers_group, context);
  /* Practice records and passphrase mode have no passphrase of the caseworker's. */
  gtk_widget_set_visible (self->passphrase_row,
                          heard_context_get_has_caseworker_passphrase (context));
  supervisors_changed_cb (self);
  staff_changed_cb (self);

  return self;
}

/* Turns to the backups, with the keyboard on their first control. */
void
heard_preferences_window_show_backups (HeardPreferencesWindow *self)
{
  g_return_if_fail (HEARD_IS_PREFERENCES_WINDOW (self));

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (self), "records");
  heard_backup_group_focus (self->backup_group);
}

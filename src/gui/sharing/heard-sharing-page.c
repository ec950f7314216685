/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-sharing-page"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-date.h"
#include "heard-sharing-editor.h"
#include "heard-sharing-history.h"
#include "heard-sharing-page.h"
#include "heard-sharing-words.h"
#include "heard-widgets.h"

/*
 * A young person's sharing log, the "Sharing" tab of their page: every
 * decision to share something about them, or not to, newest first, in
 * plain words, each amendable and with its history a click away. Above
 * it, calmly, the exports made for someone that no entry completes yet,
 * each a click from its entry filled in; nothing leaves Heard without
 * appearing in what the young person can read about who was told.
 */

struct _HeardSharingPage
{
  AdwBin         parent_instance;

  HeardCaseFile *case_file;
  /* The lawful bases, to name them by; NULL until read. */
  GPtrArray     *bases;
  GCancellable  *cancellable;
  GtkSortListModel *newest_first;
  gulong         unlogged_handler;

  GtkWidget     *unlogged_box;
  GtkLabel      *unlogged_label;
  GtkListBox    *unlogged_list;
  GtkStack      *stack;
  GtkListBox    *log_list;
};

G_DEFINE_FINAL_TYPE (HeardSharingPage, heard_sharing_page, ADW_TYPE_BIN)

static GtkWindow *
get_window (HeardSharingPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkWidget *
row_button (const char *label,
            const char *name,
            const char *accessible,
            const char *action,
            gint64      id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return button;
}

/* An entry in words, its details beneath; "Amended" with its history
 * when it has one. */
static GtkWidget *
create_entry_row (gpointer item,
                  gpointer user_data)
{
  HeardSharingPage *self = user_data;
  HeardSharingEntry *entry = item;
  gint64 id = heard_sharing_entry_get_id (entry);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = g_strdup_printf ("sharing-entry-%" G_GINT64_FORMAT, id);
  g_autofree char *title = heard_sharing_words_title (
    entry, heard_context_get_agencies (heard_case_file_get_context (self->case_file)));
  g_autofree char *details = heard_sharing_words_details (entry, self->case_file, self->bases);
  g_autofree char *amend_label = NULL;

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (heard_sharing_entry_get_version (entry) > 1)
    {
      g_autofree char *history_label = g_strdup_printf (_("History of: %s"), title);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 heard_status_badge_new (_("Amended"), "accent"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (_("_History"), "sharing-history", history_label,
                                             "sharing.history", id));
    }
  /* TRANSLATORS: the button that amends one sharing log entry, for screen readers */
  amend_label = g_strdup_printf (_("Amend: %s"), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (_("_Amend…"), "sharing-amend", amend_label,
                                         "sharing.amend", id));
  return row;
}

/* An export made for someone, and the way to complete its entry. */
static GtkWidget *
create_unlogged_row (gpointer item,
                     gpointer user_data)
{
  HeardSharingEntry *draft = item;
  gint64 audit_id = heard_sharing_entry_get_export_audit_id (draft);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = g_strdup_printf ("unlogged-export-%" G_GINT64_FORMAT, audit_id);
  g_autofree char *day = heard_date_describe (heard_sharing_entry_get_shared_on (draft));
  g_autofree char *label = NULL;

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 heard_sharing_entry_get_text (draft, HEARD_SHARING_WHAT));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), day);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  /* TRANSLATORS: for screen readers: "Complete the sharing log entry for: <the export>" */
  label = g_strdup_printf (_("Complete the sharing log entry for: %s"),
                           heard_sharing_entry_get_text (draft, HEARD_SHARING_WHAT));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (_("_Complete…"), "complete-export", label,
                                         "sharing.complete", audit_id));
  return row;
}

static void
show_unlogged (HeardSharingPage *self)
{
  GListModel *unlogged = self->case_file != NULL
                         ? heard_case_file_get_unlogged_exports (self->case_file) : NULL;
  guint n = unlogged != NULL ? g_list_model_get_n_items (unlogged) : 0;
  g_autofree char *text = NULL;

  /* TRANSLATORS: above the sharing log, the exports made for someone that no entry completes yet */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u export is not in the sharing log yet",
                                       "%u exports are not in the sharing log yet", n), n);
  gtk_label_set_text (self->unlogged_label, text);
  gtk_widget_set_visible (self->unlogged_box, n > 0);
}

static void
show_log (HeardSharingPage *self)
{
  guint n = self->newest_first != NULL
            ? g_list_model_get_n_items (G_LIST_MODEL (self->newest_first)) : 0;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "log" : "empty");
}

/* Newest day first, then the one recorded last. */
static int
compare_newest_first (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  HeardSharingEntry *first = (HeardSharingEntry *) a;
  HeardSharingEntry *second = (HeardSharingEntry *) b;
  int by_day = g_strcmp0 (heard_sharing_entry_get_shared_on (second),
                          heard_sharing_entry_get_shared_on (first));

  if (by_day != 0)
    return by_day;

  return (heard_sharing_entry_get_id (first) < heard_sharing_entry_get_id (second)) -
         (heard_sharing_entry_get_id (first) > heard_sharing_entry_get_id (second));
}

static void
bind_models (HeardSharingPage *self)
{
  gtk_list_box_bind_model (self->log_list,
                           self->newest_first != NULL ? G_LIST_MODEL (self->newest_first) : NULL,
                           create_entry_row, self, NULL);
  gtk_list_box_bind_model (self->unlogged_list,
                           self->case_file != NULL
                           ? heard_case_file_get_unlogged_exports (self->case_file) : NULL,
                           create_unlogged_row, self, NULL);
  show_log (self);
  show_unlogged (self);
}

static void
bases_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HeardSharingPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *bases;

  bases = heard_context_list_lawful_bases_finish (HEARD_CONTEXT (object), result, &error);
  if (bases == NULL)
    {
      /* The log still shows, each basis by its code. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not read the lawful bases: %s", error->message);
      return;
    }
  g_clear_pointer (&self->bases, g_ptr_array_unref);
  self->bases = bases;
  bind_models (self);
}

static HeardSharingEntry *
find_entry (GListModel *model,
            gint64      id,
            gboolean    by_export)
{
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HeardSharingEntry) entry = g_list_model_get_item (model, i);

      if ((by_export ? heard_sharing_entry_get_export_audit_id (entry)
                     : heard_sharing_entry_get_id (entry)) == id)
        return g_steal_pointer (&entry);
    }

  return NULL;
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HeardSharingPage *self = HEARD_SHARING_PAGE (widget);
  HeardSharingDecision decision = g_str_equal (action_name, "sharing.record")
                                  ? HEARD_SHARING_SHARED : HEARD_SHARING_NOT_SHARED;

  if (self->case_file != NULL)
    gtk_window_present (GTK_WINDOW (heard_sharing_editor_new (get_window (self), self->case_file,
                                                              decision)));
}

static void
complete_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HeardSharingPage *self = HEARD_SHARING_PAGE (widget);

  if (self->case_file != NULL)
    heard_sharing_editor_complete_export (get_window (self), self->case_file,
                                          g_variant_get_int64 (parameter));
}

static void
amend_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HeardSharingPage *self = HEARD_SHARING_PAGE (widget);
  g_autoptr(HeardSharingEntry) entry = NULL;

  if (self->case_file == NULL)
    return;
  entry = find_entry (heard_case_file_get_sharing_log (self->case_file),
                      g_variant_get_int64 (parameter), FALSE);
  if (entry != NULL)
    gtk_window_present (GTK_WINDOW (heard_sharing_editor_new_amendment (get_window (self),
                                                                        self->case_file, entry)));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HeardSharingPage *self = HEARD_SHARING_PAGE (widget);

  if (self->case_file != NULL)
    gtk_window_present (GTK_WINDOW (heard_sharing_history_new (get_window (self),
                                                               self->case_file,
                                                               g_variant_get_int64 (parameter),
                                                               self->bases)));
}

static void
heard_sharing_page_dispose (GObject *object)
{
  HeardSharingPage *self = HEARD_SHARING_PAGE (object);

  heard_sharing_page_set_case_file (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_SHARING_PAGE);

  G_OBJECT_CLASS (heard_sharing_page_parent_class)->dispose (object);
}

static void
heard_sharing_page_class_init (HeardSharingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_sharing_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-sharing-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardSharingPage, unlogged_box);
  gtk_widget_class_bind_template_child (widget_class, HeardSharingPage, unlogged_label);
  gtk_widget_class_bind_template_child (widget_class, HeardSharingPage, unlogged_list);
  gtk_widget_class_bind_template_child (widget_class, HeardSharingPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HeardSharingPage, log_list);
  gtk_widget_class_install_action (widget_class, "sharing.record", NULL, record_action);
  gtk_widget_class_install_action (widget_class, "sharing.decide-not", NULL, record_action);
  gtk_widget_class_install_action (widget_class, "sharing.complete", "x", complete_action);
  gtk_widget_class_install_action (widget_class, "sharing.amend", "x", amend_action);
  gtk_widget_class_install_action (widget_class, "sharing.history", "x", history_action);
}

static void
heard_sharing_page_init (HeardSharingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_accessibility_name_mnemonics (GTK_WIDGET (self));
  show_log (self);
}

void
heard_sharing_page_set_case_file (HeardSharingPage *self,
                                  HeardCaseFile    *case_file)
{
  g_return_if_fail (HEARD_IS_SHARING_PAGE (self));

  if (self->case_file == case_file)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->case_file != NULL)
    g_clear_signal_handler (&self->unlogged_handler,
                            heard_case_file_get_unlogged_exports (self->case_file));
  g_clear_object (&self->newest_first);
  g_clear_pointer (&self->bases, g_ptr_array_unref);
  g_set_object (&self->case_file, case_file);

  if (case_file != NULL)
    {
      GtkCustomSorter *sorter = gtk_custom_sorter_new (compare_newest_first, NULL, NULL);

      self->newest_first =
        gtk_sort_list_model_new (g_object_ref (heard_case_file_get_sharing_log (case_file)),
                                 GTK_SORTER (sorter));
      g_signal_connect_object (self->newest_first, "items-changed", G_CALLBACK (show_log), self,
                               G_CONNECT_SWAPPED);
      self->unlogged_handler =
        g_signal_connect_object (heard_case_file_get_unlogged_exports (case_file),
                                 "items-changed", G_CALLBACK (show_unlogged), self,
                                 G_CONNECT_SWAPPED);
      self->cancellable = g_cancellable_new ();
      heard_context_list_lawful_bases_async (heard_case_file_get_context (case_file),
                                             self->cancellable, bases_read_cb,
                                             g_object_ref (self));
    }
  bind_models (self);
}

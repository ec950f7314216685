/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-statements-view"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-amendment-dialog.h"
#include "heard-consent-dialog.h"
#include "heard-date.h"
#include "heard-date-row.h"
#include "heard-response-dialog.h"
#include "heard-statement-card.h"
#include "heard-statement-editor.h"
#include "heard-statement-history.h"
#include "heard-statements-view.h"
#include "heard-widgets.h"

struct _HeardStatementsView
{
  AdwBin          parent_instance;

  HeardCaseFile  *case_file;
  /* What the list shows: the case file's statements, or nothing. */
  GListModel     *statements;
  guint           n_outstanding;
  /* A statement to bring into view once the list has loaded, and whether
   * to mark it as the one a search led to. */
  gint64          wanted_id;
  gboolean        mark_wanted;

  GtkLabel       *summary_label;
  GtkStack       *content_stack;
  AdwStatusPage  *error_page;
  GtkListBox     *statements_list;
};

G_DEFINE_FINAL_TYPE (HeardStatementsView, heard_statements_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_N_OUTSTANDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWindow *
get_window (HeardStatementsView *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
show_toast (HeardStatementsView *self,
            const char          *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), heard_toast_new (title));
  else
    g_warning ("%s", title);
}

static HeardStatement *
find_statement (HeardStatementsView *self,
                gint64               id,
                guint               *position)
{
  guint n = g_list_model_get_n_items (self->statements);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeardStatement) statement = g_list_model_get_item (self->statements,
                                                                   i);

      if (heard_statement_get_id (statement) == id)
        {
          if (position != NULL)
            *position = i;
          return statement;
        }
    }

  return NULL;
}

static void
update_summary (HeardStatementsView *self)
{
  guint n = g_list_model_get_n_items (self->statements);
  guint outstanding = self->case_file != NULL
                      ? heard_case_file_get_n_outstanding (self->case_file) : 0;
  g_autofree char *recorded = NULL;
  g_autofree char *summary = NULL;

  recorded = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u statement", "%u statements", n),
                              n);
  if (outstanding == 0)
    /* TRANSLATORS: %s is e.g. "3 statements" */
    summary = g_strdup_printf (_("%s · every one answered, and they were told"), recorded);
  else
    /* TRANSLATORS: the %s is e.g. "3 statements"; then how many are still open */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%s · %u still open: not answered, or they have "
                                            "not been told yet",
                                            "%s · %u still open: not answered, or they have "
                                            "not been told yet", outstanding),
                               recorded, outstanding);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), n > 0);
  if (self->case_file != NULL && heard_case_file_get_failed (self->case_file))
    {
      adw_status_page_set_description (self->error_page,
                                       heard_case_file_get_failure (self->case_file));
      gtk_stack_set_visible_child_name (self->content_stack, "error");
    }
  else if (n > 0 || (self->case_file != NULL && !heard_case_file_get_loading (self->case_file)))
    gtk_stack_set_visible_child_name (self->content_stack, n > 0 ? "list" : "empty");

  if (self->n_outstanding != outstanding)
    {
      self->n_outstanding = outstanding;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OUTSTANDING]);
    }
}

/* Brings a wanted statement into view, focused and marked, once it is listed. */
static void
bring_wanted_into_view (HeardStatementsView *self)
{
  GtkListBoxRow *row;
  guint position;

  if (self->wanted_id == 0 || find_statement (self, self->wanted_id, &position) == NULL)
    return;

  self->wanted_id = 0;
  row = gtk_list_box_get_row_at_index (self->statements_list, (int) position);
  if (self->mark_wanted)
    gtk_widget_add_css_class (gtk_list_box_row_get_child (row), "found-statement");
  self->mark_wanted = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* The case file's statements changed, or where its loading stands. */
static void
statements_changed_cb (HeardStatementsView *self)
{
  update_summary (self);
  bring_wanted_into_view (self);
}

/* Each row says which statement it holds, never words kept hidden. */
static GtkWidget *
create_card (gpointer item,
             gpointer user_data)
{
  HeardStatementsView *self = user_data;
  GtkWidget *row = gtk_list_box_row_new ();
  g_autofree char *name = heard_statement_card_dup_row_name (item);

  GtkWidget *card = heard_statement_card_new (item, NULL, HEARD_STATEMENT_CARD_LIST,
                                              heard_context_get_agencies (
                                                heard_case_file_get_context (self->case_file)));

  heard_statement_card_show_marks (HEARD_STATEMENT_CARD (card),
                                   heard_case_file_get_for_them_marks (self->case_file));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), card);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

static void
recorded_cb (HeardStatementsView *self,
             HeardDialog         *editor)
{
  self->wanted_id = heard_statement_editor_get_saved_id (HEARD_STATEMENT_EDITOR (editor));
  show_toast (self, _("Their words are saved"));
  bring_wanted_into_view (self);
}

static void
present_dialog (HeardStatementsView *self,
                GtkWidget           *dialog,
                GCallback            saved)
{
  g_signal_connect_object (dialog, "saved", saved, self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HeardStatementsView *self = HEARD_STATEMENTS_VIEW (widget);

  if (self->case_file == NULL)
    return;

  present_dialog (self, GTK_WIDGET (heard_statement_editor_new (get_window (self),
                                                                self->case_file)),
                  G_CALLBACK (recorded_cb));
}

/* statements.amend, statements.answer and statements.consent: a dialog
 * about one statement. */
static void
statement_dialog_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  HeardStatementsView *self = HEARD_STATEMENTS_VIEW (widget);
  HeardStatement *statement = find_statement (self, g_variant_get_int64 (parameter), NULL);
  GtkWidget *dialog;

  if (statement == NULL)
    return;

  if (g_str_equal (action_name, "statements.amend"))
    dialog = GTK_WIDGET (heard_amendment_dialog_new (get_window (self), self->case_file,
                                                     statement));
  else if (g_str_equal (action_name, "statements.consent"))
    dialog = GTK_WIDGET (heard_consent_dialog_new (get_window (self), self->case_file,
                                                   statement));
  else
    dialog = GTK_WIDGET (heard_response_dialog_new (get_window (self), self->case_file,
                                                    statement));

  /* Back to the same statement once it is saved. */
  self->wanted_id = heard_statement_get_id (statement);
  present_dialog (self, dialog, G_CALLBACK (bring_wanted_into_view));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HeardStatementsView *self = HEARD_STATEMENTS_VIEW (widget);
  HeardStatementHistory *history;

  if (self->case_file == NULL)
    return;

  history = heard_statement_history_new (get_window (self), self->case_file,
                                         g_variant_get_int64 (parameter));
  gtk_window_present (GTK_WINDOW (history));
}

static void
read_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeardStatementsView *self = HEARD_STATEMENTS_VIEW (widget);

  if (self->case_file != NULL)
    heard_case_file_note_statement_read (self->case_file, g_variant_get_int64 (parameter));
}

/* What is needed to ask again, with the same day, when saving it failed. */
typedef struct
{
  HeardStatementsView *self;
  gint64               response_id;
  char                *told_on;
} ToldSave;

static void
told_save_free (ToldSave *save)
{
  g_object_unref (save->self);
  g_free (save->told_on);
  g_free (save);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToldSave, told_save_free)

static void present_told_dialog (HeardStatementsView *self,
                                 gint64               response_id,
                                 const char          *told_on,
                                 const char          *problem);

static void
told_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ToldSave) save = user_data;
  g_autoptr(GError) error = NULL;

  if (heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error) <= 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Nothing to ask again when the answer is gone or already counts as told. */
      if (heard_context_error_is_gone (error) ||
          get_window (save->self) == NULL)
        {
          show_toast (save->self, error->message);
          return;
        }

      /* The day typed is never lost: ask again with it, and say what went wrong. */
      present_told_dialog (save->self, save->response_id, save->told_on,
                           heard_describe_save_error (error));
    }
}

/* Says under the day how to write it, or what is wrong with what was typed,
 * and offers Save only for a day that can be saved. */
static void
told_day_changed_cb (GtkEditable      *day,
                     AdwMessageDialog *dialog)
{
  GtkLabel *hint = g_object_get_data (G_OBJECT (dialog), "heard-told-hint");
  g_autofree char *how_to_write = heard_date_dup_hint ();
  g_autoptr(GError) error = NULL;
  gboolean valid = heard_check_date (gtk_editable_get_text (day), HEARD_DATE_KIND_TOLD, &error);

  adw_message_dialog_set_response_enabled (dialog, "told", valid);
  gtk_label_set_text (hint, valid ? how_to_write : error->message);
  if (valid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (hint), "error");
      gtk_widget_add_css_class (GTK_WIDGET (hint), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (hint), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (hint), "error");
    }
}

static void
told_response_cb (AdwMessageDialog    *dialog,
                  const char          *response,
                  HeardStatementsView *self)
{
  GtkEditable *day = g_object_get_data (G_OBJECT (dialog), "heard-told-day");
  ToldSave *save;

  if (g_strcmp0 (response, "told") != 0 || self->case_file == NULL)
    return;

  save = g_new0 (ToldSave, 1);
  save->self = g_object_ref (self);
  save->response_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "response-id"));
  save->told_on = g_strdup (gtk_editable_get_text (day));

  heard_case_file_mark_told_async (self->case_file, save->response_id, save->told_on, NULL,
                                   told_saved_cb, save);
}

/* Asks which day they were told, starting from @told_on; @problem, when
 * set, says why the last try was not saved. */
static void
present_told_dialog (HeardStatementsView *self,
                     gint64               response_id,
                     const char          *told_on,
                     const char          *problem)
{
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *day = g_object_new (HEARD_TYPE_DATE_ROW,
                                 "kind", HEARD_DATE_KIND_TOLD,
                                 "title", _("Day they were told"),
                                 "activates-default", TRUE,
                                 NULL);
  GtkWidget *hint = gtk_label_new (NULL);

  heard_date_row_set_stored (HEARD_DATE_ROW (day), told_on);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (day), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  hint, NULL, -1);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), day);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "caption");
  gtk_widget_set_name (hint, "told-day-hint");
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), hint);

  dialog = adw_message_dialog_new (get_window (self), _("When Were They Told?"),
                                   _("Write the day they were told what was done. This "
                                     "answer then counts as told."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "told", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "told",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "told");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "response-id", GSIZE_TO_POINTER ((gsize) response_id));
  g_object_set_data (G_OBJECT (dialog), "heard-told-day", day);
  g_object_set_data (G_OBJECT (dialog), "heard-told-hint", hint);
  g_signal_connect_object (day, "changed", G_CALLBACK (told_day_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (told_response_cb), self, 0);
  told_day_changed_cb (GTK_EDITABLE (day), ADW_MESSAGE_DIALOG (dialog));

  if (problem != NULL)
    {
      gtk_label_set_text (GTK_LABEL (hint), problem);
      gtk_widget_remove_css_class (hint, "dim-label");
      gtk_widget_add_css_class (hint, "error");
    }

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (day);
}

static void
told_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeardStatementsView *self = HEARD_STATEMENTS_VIEW (widget);
  g_autofree char *today = heard_today_iso_date ();

  present_told_dialog (self, g_variant_get_int64 (parameter), today, NULL);
}

static void
heard_statements_view_dispose (GObject *object)
{
  HeardStatementsView *self = HEARD_STATEMENTS_VIEW (object);

  heard_statements_view_set_case_file (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_STATEMENTS_VIEW);
  g_clear_object (&self->statements);

  G_OBJECT_CLASS (heard_statements_view_parent_class)->dispose (object);
}

static void
heard_statements_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HeardStatementsView *self = HEARD_STATEMENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_OUTSTANDING:
      g_value_set_uint (value, self->n_outstanding);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_statements_view_class_init (HeardStatementsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_statements_view_dispose;
  object_class->get_property = heard_statements_view_get_property;

  properties[PROP_N_OUTSTANDING] =
    g_param_spec_uint ("n-outstanding", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-statements-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardStatementsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementsView, error_page);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementsView, statements_list);

  gtk_widget_class_install_action (widget_class, "statements.record", NULL, record_action);
  gtk_widget_class_install_action (widget_class, "statements.amend", "x",
                                   statement_dialog_action);
  gtk_widget_class_install_action (widget_class, "statements.answer", "x",
                                   statement_dialog_action);
  gtk_widget_class_install_action (widget_class, "statements.consent", "x",
                                   statement_dialog_action);
  gtk_widget_class_install_action (widget_class, "statements.history", "x", history_action);
  gtk_widget_class_install_action (widget_class, "statements.told", "x", told_action);
  gtk_widget_class_install_action (widget_class, "statements.read", "x", read_action);
}

static void
heard_statements_view_init (HeardStatementsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_accessibility_name_mnemonics (GTK_WIDGET (self));

  self->statements = G_LIST_MODEL (g_list_store_new (HEARD_TYPE_STATEMENT));
  update_summary (self);
}

/* Shows the statements in @case_file, as they change. */
void
heard_statements_view_set_case_file (HeardStatementsView *self,
                                     HeardCaseFile       *case_file)
{
  g_return_if_fail (HEARD_IS_STATEMENTS_VIEW (self));
  g_return_if_fail (case_file == NULL || HEARD_IS_CASE_FILE (case_file));

  if (self->case_file == case_file)
    return;

  if (self->case_file != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->statements, self);
      g_signal_handlers_disconnect_by_data (self->case_file, self);
    }
  g_set_object (&self->case_file, case_file);
  g_clear_object (&self->statements);
  self->statements = case_file != NULL
                     ? g_object_ref (heard_case_file_get_statements (case_file))
                     : G_LIST_MODEL (g_list_store_new (HEARD_TYPE_STATEMENT));
  self->wanted_id = 0;
  if (self->statements_list != NULL)
    gtk_list_box_bind_model (self->statements_list, case_file != NULL ? self->statements : NULL,
                             create_card, self, NULL);
  gtk_stack_set_visible_child_name (self->content_stack, "loading");

  if (case_file != NULL)
    {
      g_signal_connect_object (self->statements, "items-changed",
                               G_CALLBACK (statements_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (case_file, "notify::n-outstanding",
                               G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (case_file, "notify::loading",
                               G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (case_file, "notify::failed",
                               G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
    }
  update_summary (self);
}

/* Focuses and marks the statement, now or as soon as it is listed. */
void
heard_statements_view_show_statement (HeardStatementsView *self,
                                      gint64               statement_id)
{
  g_return_if_fail (HEARD_IS_STATEMENTS_VIEW (self));

  self->wanted_id = statement_id;
  self->mark_wanted = TRUE;
  bring_wanted_into_view (self);
}

GListModel *
heard_statements_view_get_statements (HeardStatementsView *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENTS_VIEW (self), NULL);

  return self->statements;
}

guint
heard_statements_view_get_n_outstanding (HeardStatementsView *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENTS_VIEW (self), 0);

  return self->n_outstanding;
}

/* The card showing the statement, or NULL while it is not listed. */
GtkWidget *
heard_statements_view_get_card (HeardStatementsView *self,
                                gint64               statement_id)
{
  guint position;

  g_return_val_if_fail (HEARD_IS_STATEMENTS_VIEW (self), NULL);

  if (find_statement (self, statement_id, &position) == NULL)
    return NULL;

  return gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (self->statements_list,
                                                                    (int) position));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-closure-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-closure-dialog.h"
#include "heard-field-error.h"
#include "heard-language-hint.h"
#include "heard-open-item-row.h"
#include "heard-signature-group.h"

/*
 * Closing a plan, or the case, guarded against what the inquiry found:
 * everything still open about the young person is listed first (the case
 * file's live list, so what is done elsewhere meanwhile drops off it), their own
 * view on closing is asked for (or why it could not be had), the reason is
 * written down, and a supervisor signs.
 */

struct _HeardClosureDialog
{
  HeardDialog          parent_instance;

  gint64               plan_id;
  GListModel          *open_items;

  AdwPreferencesGroup *open_group;
  GtkListBox          *open_list;
  GtkWidget           *looked_group;
  GtkCheckButton      *looked_check;
  GtkTextView         *view_view;
  GtkTextView         *why_not_view;
  GtkTextView         *reason_view;
  GtkSwitch           *closes_case_switch;
  HeardSignatureGroup *signature;
};

G_DEFINE_FINAL_TYPE (HeardClosureDialog, heard_closure_dialog, HEARD_TYPE_DIALOG)

static char *
dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GtkWidget *
create_open_item_row (gpointer item,
                      gpointer user_data)
{
  return heard_open_item_row_new (item, FALSE);
}

static void
open_items_changed_cb (HeardClosureDialog *self)
{
  guint n_open = g_list_model_get_n_items (self->open_items);

  adw_preferences_group_set_description (self->open_group,
    n_open > 0 ? _("Go through each of these with the people involved before closing. "
                   "Closing does not make them go away.")
               : _("Nothing is open about this young person."));
  gtk_widget_set_visible (GTK_WIDGET (self->open_list), n_open > 0);
  gtk_widget_set_visible (self->looked_group, n_open > 0);
}

static void
changed_cb (HeardClosureDialog *self)
{
  heard_dialog_set_changed (HEARD_DIALOG (self));
}

static void
signed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HeardClosureDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  heard_signature_group_sign_finish (HEARD_SIGNATURE_GROUP (object), result, &error);
  heard_dialog_finish_saving (HEARD_DIALOG (self), error);
}

static void
heard_closure_dialog_save (HeardDialog *dialog)
{
  HeardClosureDialog *self = HEARD_CLOSURE_DIALOG (dialog);
  g_autoptr(HeardPlanDecision) decision = heard_plan_decision_new (HEARD_PLAN_EVENT_CLOSE, 0);
  GtkTextView *views[HEARD_CLOSURE_N_TEXTS] = {
    [HEARD_CLOSURE_VIEW] = self->view_view,
    [HEARD_CLOSURE_WHY_NO_VIEW] = self->why_not_view,
    [HEARD_CLOSURE_REASON] = self->reason_view,
  };

  if (g_list_model_get_n_items (self->open_items) > 0 &&
      !gtk_check_button_get_active (self->looked_check))
    {
      heard_field_error_show (GTK_WIDGET (self->looked_check),
                              _("Go through what is still open, then tick the box to say "
                                "you have."));
      heard_dialog_resume_saving (dialog);
      return;
    }

  for (guint i = 0; i < HEARD_CLOSURE_N_TEXTS; i++)
    {
      g_free (decision->texts[i]);
      decision->texts[i] = dup_text (views[i]);
    }
  decision->closes_case = gtk_switch_get_active (self->closes_case_switch);

  heard_signature_group_sign_async (self->signature, self->plan_id, decision,
                                    heard_dialog_get_cancellable (dialog), signed_cb,
                                    g_object_ref (self));
}

static void
heard_closure_dialog_dispose (GObject *object)
{
  HeardClosureDialog *self = HEARD_CLOSURE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), HEARD_TYPE_CLOSURE_DIALOG);
  g_clear_object (&self->open_items);

  G_OBJECT_CLASS (heard_closure_dialog_parent_class)->dispose (object);
}

static void
heard_closure_dialog_class_init (HeardClosureDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeardDialogClass *dialog_class = HEARD_DIALOG_CLASS (klass);

  object_class->dispose = heard_closure_dialog_dispose;
  dialog_class->save = heard_closure_dialog_save;

  g_type_ensure (HEARD_TYPE_SIGNATURE_GROUP);
  g_type_ensure (HEARD_TYPE_LANGUAGE_HINT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-closure-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardClosureDialog, open_group);
  gtk_widget_class_bind_template_child (widget_class, HeardClosureDialog, open_list);
  gtk_widget_class_bind_template_child (widget_class, HeardClosureDialog, looked_group);
  gtk_widget_class_bind_template_child (widget_class, HeardClosureDialog, looked_check);
  gtk_widget_class_bind_template_child (widget_class, HeardClosureDialog, view_view);
  gtk_widget_class_bind_template_child (widget_class, HeardClosureDialog, why_not_view);
  gtk_widget_class_bind_template_child (widget_class, HeardClosureDialog, reason_view);
  gtk_widget_class_bind_template_child (widget_class, HeardClosureDialog, closes_case_switch);
  gtk_widget_class_bind_template_child (widget_class, HeardClosureDialog, signature);
}

static void
heard_closure_dialog_init (HeardClosureDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Staff wording only, through the hints in the template: never the young
   * person's view. */

  g_signal_connect_object (gtk_text_view_get_buffer (self->view_view), "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->why_not_view), "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->reason_view), "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  /* What is ticked or switched is kept in a draft as what is typed is. */
  g_signal_connect_object (self->looked_check, "toggled", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->closes_case_switch, "notify::active", G_CALLBACK (changed_cb),
                           self, G_CONNECT_SWAPPED);
}

HeardClosureDialog *
heard_closure_dialog_new (GtkWindow     *parent,
                          HeardCaseFile *case_file,
                          HeardPlan     *plan)
{
  HeardClosureDialog *self;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (HEARD_IS_PLAN (plan), NULL);

  heading = g_strdup_printf (_("Close Version %u of the Plan"), heard_plan_get_version (plan));
  self = g_object_new (HEARD_TYPE_CLOSURE_DIALOG, "transient-for", parent, "heading", heading,
                       NULL);
  self->plan_id = heard_plan_get_id (plan);
  heard_dialog_keep_drafts (HEARD_DIALOG (self), heard_case_file_get_context (case_file),
                            HEARD_DRAFT_CLOSURE, heard_case_file_get_person_id (case_file),
                            self->plan_id, 0);

  self->open_items = g_object_ref (heard_case_file_get_open_items (case_file));
  gtk_list_box_bind_model (self->open_list, self->open_items, create_open_item_row, NULL, NULL);
  g_signal_connect_object (self->open_items, "items-changed",
                           G_CALLBACK (open_items_changed_cb), self, G_CONNECT_SWAPPED);
  open_items_changed_cb (self);
  heard_signature_group_load (self->signature, case_file);
  gtk_widget_grab_focus (GTK_WIDGET (self->view_view));

  return self;
}

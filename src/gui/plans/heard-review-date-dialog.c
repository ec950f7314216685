/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-review-date-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-date-row.h"
#include "heard-accessibility.h"
#include "heard-date.h"
#include "heard-review-date-dialog.h"
#include "heard-case-file.h"

/*
 * Brings a plan's next review forward. The store refuses a date later than
 * the review rule allows, or one in the past; this says so up front.
 */

struct _HeardReviewDateDialog
{
  HeardDialog          parent_instance;

  HeardCaseFile *case_file;
  gint64               plan_id;

  AdwPreferencesGroup *date_group;
  HeardDateRow        *date_row;
};

G_DEFINE_FINAL_TYPE (HeardReviewDateDialog, heard_review_date_dialog, HEARD_TYPE_DIALOG)

static void
changed_cb (HeardReviewDateDialog *self)
{
  heard_dialog_set_changed (HEARD_DIALOG (self));
}

static void
date_set_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HeardReviewDateDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error);
  heard_dialog_finish_saving (HEARD_DIALOG (self), error);
}

static void
heard_review_date_dialog_save (HeardDialog *dialog)
{
  HeardReviewDateDialog *self = HEARD_REVIEW_DATE_DIALOG (dialog);

  if (!heard_date_row_check (self->date_row))
    {
      heard_dialog_resume_saving (dialog);
      return;
    }

  heard_case_file_set_next_review_async (self->case_file, self->plan_id,
                                         gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                                         heard_dialog_get_cancellable (dialog), date_set_cb,
                                         g_object_ref (self));
}

static void
heard_review_date_dialog_dispose (GObject *object)
{
  HeardReviewDateDialog *self = HEARD_REVIEW_DATE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_REVIEW_DATE_DIALOG);
  g_clear_object (&self->case_file);

  G_OBJECT_CLASS (heard_review_date_dialog_parent_class)->dispose (object);
}

static void
heard_review_date_dialog_class_init (HeardReviewDateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeardDialogClass *dialog_class = HEARD_DIALOG_CLASS (klass);

  object_class->dispose = heard_review_date_dialog_dispose;
  dialog_class->save = heard_review_date_dialog_save;

  g_type_ensure (HEARD_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/heard-review-date-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardReviewDateDialog, date_group);
  gtk_widget_class_bind_template_child (widget_class, HeardReviewDateDialog, date_row);
}

static void
heard_review_date_dialog_init (HeardReviewDateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_accessibility_name_entry_rows (GTK_WIDGET (self));
}

HeardReviewDateDialog *
heard_review_date_dialog_new (GtkWindow  *parent,
                              HeardCaseFile *case_file,
                              HeardPlan  *plan)
{
  HeardReviewDateDialog *self;
  g_autofree char *limit = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);
  g_return_val_if_fail (HEARD_IS_PLAN (plan), NULL);

  self = g_object_new (HEARD_TYPE_REVIEW_DATE_DIALOG, "transient-for", parent, NULL);
  self->case_file = g_object_ref (case_file);
  self->plan_id = heard_plan_get_id (plan);

  limit = heard_date_describe (heard_plan_get_review_limit (plan));
  description = g_strdup_printf (_("A review can be brought forward whenever it is needed, "
                                   "but not put off: it must be on or before %s, and not "
                                   "in the past."), limit);
  adw_preferences_group_set_description (self->date_group, description);
  heard_date_row_set_stored (self->date_row, heard_plan_get_next_review (plan));
  g_signal_connect_object (self->date_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_grab_focus (GTK_WIDGET (self->date_row));

  return self;
}

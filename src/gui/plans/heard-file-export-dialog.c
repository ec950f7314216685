/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-file-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-date.h"
#include "heard-file-export-dialog.h"
#include "heard-plan-document.h"
#include "heard-widgets.h"
#include "heard-window-private.h"

/*
 * A young person's records leaving Heard for tools other than Heard: their
 * review and action due dates for a calendar app, or their check-ins or
 * warning signs for a team's spreadsheet. A calendar lives on phones and
 * in shared accounts, and a spreadsheet is passed around, so the dialog
 * starts from the least it can say of them (initials; a code, without
 * their words), shows what each choice puts in, and suggests a file name
 * that never names them. The case file makes, notes and writes the file
 * (heard_case_file_export_calendar_async()); a file that could not be
 * written is not there at all, and the dialog says why in words a
 * caseworker can act on.
 */

struct _HeardFileExportDialog
{
  HeardDialog           parent_instance;

  HeardCaseFile        *case_file;
  HeardFileExportKind   kind;
  /* While the file is made and written: stops it. */
  GCancellable         *exporting;
  GtkFileChooserNative *chooser;
  /* The chooser's own window: see heard_file_chooser_dup_window(). */
  GtkWindow            *chooser_window;
  /* Gone: a callback finishing later touches nothing. */
  gboolean              gone;

  AdwPreferencesGroup  *calendar_group;
  AdwActionRow         *no_name_row;
  AdwActionRow         *initials_row;
  AdwActionRow         *full_name_row;
  GtkCheckButton       *no_name_check;
  GtkCheckButton       *initials_check;
  GtkCheckButton       *full_name_check;
  AdwPreferencesGroup  *contents_group;
  AdwActionRow         *check_ins_row;
  AdwActionRow         *signs_row;
  GtkCheckButton       *check_ins_check;
  GtkCheckButton       *signs_check;
  AdwActionRow         *sharing_row;
  GtkCheckButton       *sharing_check;
  AdwPreferencesGroup  *names_group;
  AdwActionRow         *code_row;
  GtkCheckButton       *code_check;
  GtkCheckButton       *name_check;
  AdwActionRow         *words_row;
  GtkSwitch            *words_switch;
};

G_DEFINE_FINAL_TYPE (HeardFileExportDialog, heard_file_export_dialog, HEARD_TYPE_DIALOG)

static HeardIcalNames
get_names (HeardFileExportDialog *self)
{
  if (gtk_check_button_get_active (self->full_name_check))
    return HEARD_ICAL_NAMES_FULL;
  if (gtk_check_button_get_active (self->no_name_check))
    return HEARD_ICAL_NAMES_NONE;
  return HEARD_ICAL_NAMES_INITIALS;
}

static HeardCsvOf
get_of (HeardFileExportDialog *self)
{
  if (gtk_check_button_get_active (self->signs_check))
    return HEARD_CSV_OF_SIGNS;
  if (gtk_check_button_get_active (self->sharing_check))
    return HEARD_CSV_OF_SHARING;
  return HEARD_CSV_OF_CHECK_INS;
}

/* What the calendar holds, in a line: "2 review dates and 3 action due
 * dates go in, each with a reminder the day before." */
static char *
describe_dates (guint n_reviews,
                guint n_due)
{
  g_autofree char *reviews = NULL;
  g_autofree char *due = NULL;

  if (n_reviews + n_due == 0)
    return g_strdup (_("There are no review or action due dates to export: a plan in force "
                       "has them."));

  /* TRANSLATORS: part of "2 review dates and 3 action due dates go in…" */
  reviews = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u review date", "%u review dates",
                                          n_reviews), n_reviews);
  /* TRANSLATORS: part of "2 review dates and 3 action due dates go in…" */
  due = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action due date",
                                      "%u action due dates", n_due), n_due);
  /* TRANSLATORS: the first %s is a number of review dates ("2 review dates"), the second of
   * action due dates ("3 action due dates") */
  return g_strdup_printf (_("%s and %s go in, each with a reminder the day before."), reviews,
                          due);
}

/* Each choice of name shows what an event will say, for this young
 * person, as they are on record now. */
static void
refresh_calendar (HeardFileExportDialog *self)
{
  HeardPerson *person = heard_case_file_get_person (self->case_file);
  const struct
  {
    AdwActionRow   *row;
    HeardIcalNames  names;
  } rows[] = {
    { self->no_name_row, HEARD_ICAL_NAMES_NONE },
    { self->initials_row, HEARD_ICAL_NAMES_INITIALS },
    { self->full_name_row, HEARD_ICAL_NAMES_FULL },
  };
  g_autofree char *dates = NULL;
  guint n_reviews, n_due;

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *summary = heard_ical_review_summary (person, rows[i].names);
      g_autofree char *example = NULL;

      if (rows[i].names == HEARD_ICAL_NAMES_FULL)
        /* TRANSLATORS: %s is a calendar event's summary, "Review: Jordan Taylor" */
        example = g_strdup_printf (_("“%s”, and what each action is"), summary);
      else
        /* TRANSLATORS: %s is a calendar event's summary, "Review: J.T." */
        example = g_strdup_printf (_("“%s”"), summary);
      adw_action_row_set_subtitle (rows[i].row, example);
    }

  heard_case_file_count_calendar_dates (self->case_file, &n_reviews, &n_due);
  dates = describe_dates (n_reviews, n_due);
  adw_preferences_group_set_description (self->calendar_group, dates);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save",
                                 n_reviews + n_due > 0 && self->exporting == NULL);
}

/* A clause that follows other words in heard-cli's help ("what they said
 * and the worker's note") as a line of its own. */
static char *
capitalise (const char *clause)
{
  g_autofree char *first = g_utf8_strup (clause, g_utf8_next_char (clause) - clause);

  return g_strconcat (first, g_utf8_next_char (clause), NULL);
}

/* What each kind of spreadsheet holds, and what their words would add to
 * the one chosen. */
static void
refresh_spreadsheet (HeardFileExportDialog *self)
{
  g_autofree char *words = capitalise (_(heard_csv_export_get (get_of (self))->words));

  adw_action_row_set_subtitle (self->check_ins_row,
                               _(heard_csv_export_get (HEARD_CSV_OF_CHECK_INS)->summary));
  adw_action_row_set_subtitle (self->signs_row,
                               _(heard_csv_export_get (HEARD_CSV_OF_SIGNS)->summary));
  adw_action_row_set_subtitle (self->sharing_row,
                               _(heard_csv_export_get (HEARD_CSV_OF_SHARING)->summary));
  adw_action_row_set_subtitle (self->words_row, words);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", self->exporting == NULL);
}

static void
refresh (HeardFileExportDialog *self)
{
  if (self->gone || self->case_file == NULL)
    return;

  if (self->kind == HEARD_FILE_EXPORT_CALENDAR)
    refresh_calendar (self);
  else
    refresh_spreadsheet (self);
}

static void
choice_changed_cb (HeardFileExportDialog *self)
{
  refresh (self);
}

/* While the file is made and written, what goes in stays as chosen. */
static void
set_busy (HeardFileExportDialog *self,
          gboolean               busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->calendar_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->contents_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->names_group), !busy);
  refresh (self);
}

/* What went wrong, in words a caseworker can act on. */
static GError *
describe_failure (const GError *error)
{
  if (heard_context_error_is_on_hold (error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CLOSED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
    return g_error_copy (error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                                _("Nothing was saved: the disk is full. Make some room, or "
                                  "choose another place."));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                                _("Nothing was saved: Heard may not write in that folder. "
                                  "Choose another place."));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                _("Nothing was saved: that folder is no longer there. "
                                  "Choose another place."));

  return g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, _("Nothing was exported: %s"),
                      error->message);
}

/* Says in the window the dialog is over that the file is saved, never
 * where: a folder may be named after the young person. */
static void
toast_saved (HeardFileExportDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (HEARD_IS_WINDOW (parent))
    _heard_window_show_toast (HEARD_WINDOW (parent),
                              adw_toast_new (self->kind == HEARD_FILE_EXPORT_CALENDAR
                                             ? _("The calendar is saved.")
                                             : _("The spreadsheet is saved.")));
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HeardFileExportDialog) self = user_data;
  HeardCaseFile *case_file = HEARD_CASE_FILE (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) described = NULL;
  gboolean done;

  if (self->kind == HEARD_FILE_EXPORT_CALENDAR)
    done = heard_case_file_export_calendar_finish (case_file, result, &error);
  else
    done = heard_case_file_export_csv_finish (case_file, result, &error);
  if (self->gone)
    return;

  g_clear_object (&self->exporting);
  set_busy (self, FALSE);
  if (done)
    {
      toast_saved (self);
      heard_dialog_finish_saving (HEARD_DIALOG (self), NULL);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      heard_dialog_resume_saving (HEARD_DIALOG (self));
      refresh (self);
      return;
    }
  described = describe_failure (error);
  heard_dialog_finish_saving (HEARD_DIALOG (self), described);
}

/* Exports as chosen to @file: the case file notes it, then writes it. */
static void
start_export (HeardFileExportDialog *self,
              GFile                 *file)
{
  self->exporting = g_cancellable_new ();
  set_busy (self, TRUE);
  if (self->kind == HEARD_FILE_EXPORT_CALENDAR)
    heard_case_file_export_calendar_async (self->case_file, get_names (self), file,
                                           self->exporting, exported_cb, g_object_ref (self));
  else
    heard_case_file_export_csv_async (self->case_file, get_of (self),
                                      gtk_check_button_get_active (self->name_check),
                                      gtk_switch_get_active (self->words_switch), file,
                                      self->exporting, exported_cb, g_object_ref (self));
}

static void
chooser_response_cb (HeardFileExportDialog *self,
                     int                    response)
{
  g_autoptr(GFile) file = heard_save_chooser_take_file (&self->chooser, &self->chooser_window,
                                                       response);

  if (file == NULL)
    {
      heard_dialog_resume_saving (HEARD_DIALOG (self));
      refresh (self);
      return;
    }

  start_export (self, file);
}

/* "review-dates-2026-12-07.ics", "check-ins-2026-12-07.csv": what it is
 * and when, never whose; practice records say so first, as the PDF's
 * name does, so the file is never taken for a real one. */
static char *
suggest_file_name (HeardFileExportDialog *self)
{
  GDate today;
  g_autofree char *day = NULL;

  heard_date_today (&today);
  day = heard_date_to_iso (&today);
  return g_strdup_printf ("%s%s-%s.%s",
                          heard_context_get_practice (heard_case_file_get_context (
                                                        self->case_file))
                          ? HEARD_PLAN_DOCUMENT_PRACTICE_PREFIX : "",
                          self->kind == HEARD_FILE_EXPORT_CALENDAR
                          ? "review-dates" : heard_csv_export_get (get_of (self))->code,
                          day, self->kind == HEARD_FILE_EXPORT_CALENDAR ? "ics" : "csv");
}

/* Asks where the file goes. */
static void
heard_file_export_dialog_save (HeardDialog *dialog)
{
  HeardFileExportDialog *self = HEARD_FILE_EXPORT_DIALOG (dialog);
  g_autofree char *name = suggest_file_name (self);
  gboolean calendar = self->kind == HEARD_FILE_EXPORT_CALENDAR;

  heard_save_chooser_show (GTK_WINDOW (self),
                           calendar ? _("Export Calendar") : _("Export Spreadsheet"),
                           calendar ? _("Calendar files") : _("CSV spreadsheets"),
                           calendar ? "text/calendar" : "text/csv", calendar ? "ics" : "csv",
                           name, G_CALLBACK (chooser_response_cb), &self->chooser,
                           &self->chooser_window);
}

/* Nothing is written once the dialog is out of sight: a quick hide or a
 * lock stops an export, and leaves no file. */
static void
heard_file_export_dialog_unmap (GtkWidget *widget)
{
  HeardFileExportDialog *self = HEARD_FILE_EXPORT_DIALOG (widget);

  if (self->exporting != NULL)
    g_cancellable_cancel (self->exporting);

  GTK_WIDGET_CLASS (heard_file_export_dialog_parent_class)->unmap (widget);
}

static void
heard_file_export_dialog_dispose (GObject *object)
{
  HeardFileExportDialog *self = HEARD_FILE_EXPORT_DIALOG (object);

  self->gone = TRUE;
  if (self->exporting != NULL)
    g_cancellable_cancel (self->exporting);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->chooser_window);
  g_clear_object (&self->exporting);
  g_clear_object (&self->case_file);
  gtk_widget_dispose_template (GTK_WIDGET (object), HEARD_TYPE_FILE_EXPORT_DIALOG);

  G_OBJECT_CLASS (heard_file_export_dialog_parent_class)->dispose (object);
}

static void
heard_file_export_dialog_class_init (HeardFileExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HeardDialogClass *dialog_class = HEARD_DIALOG_CLASS (klass);

  object_class->dispose = heard_file_export_dialog_dispose;
  widget_class->unmap = heard_file_export_dialog_unmap;
  dialog_class->save = heard_file_export_dialog_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX
                                               "/ui/heard-file-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardFileExportDialog, calendar_group);
  gtk_widget_class_bind_template_child (widget_class, HeardFileExportDialog, no_name_row);
  gtk_widget_class_bind_template_child (widget_class, HeardFileExportDialog, initials_row);
  gtk_widget_class_bind_template_child (widget_class, HeardFileExportDialog, full_name_row);
  gtk_widget_class_bind_template_child (widget_class, HeardFileExportDialog, no_name_check);
  gtk_widget_class_bind_template_child (widget_class, HeardFileExportDialog, initials_check);
  gtk_widget_class_bind_template_child (widget_class, HeardFileExportDialog, full_name_check);
  gtk_widget_class_bind_template_child (widget_class, HeardFileExportDialog, contents_group);
  gtk_widget_class_bind_template_child (widget_class, HeardFileExportDialog, check_ins_row);
  gtk_widget_class_bind_template_child (widget_class, HeardFileExportDialog, signs_row);
  gtk_widget_class_bind_template_child (widget_class, HeardFileExportDialog, check_ins_check);
  gtk_widget_class_bind_template_child (widget_class, HeardFileExportDialog, signs_check);
  gtk_widget_class_bind_template_child (widget_class, HeardFileExportDialog, sharing_row);
  gtk_widget_class_bind_template_child (widget_class, HeardFileExportDialog, sharing_check);
  gtk_widget_class_bind_template_child (widget_class, HeardFileExportDialog, names_group);
  gtk_widget_class_bind_template_child (widget_class, HeardFileExportDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, HeardFileExportDialog, code_check);
  gtk_widget_class_bind_template_child (widget_class, HeardFileExportDialog, name_check);
  gtk_widget_class_bind_template_child (widget_class, HeardFileExportDialog, words_row);
  gtk_widget_class_bind_template_child (widget_class, HeardFileExportDialog, words_switch);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
}

static void
heard_file_export_dialog_init (HeardFileExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* See heard-file-export-dialog.h. The least said of them is chosen to
 * start with: initials, or a code without their words. */
HeardFileExportDialog *
heard_file_export_dialog_new (GtkWindow           *parent,
                              HeardCaseFile       *case_file,
                              HeardFileExportKind  kind)
{
  HeardFileExportDialog *self;
  gboolean calendar = kind == HEARD_FILE_EXPORT_CALENDAR;

  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);

  self = g_object_new (HEARD_TYPE_FILE_EXPORT_DIALOG, "transient-for", parent,
                       "heading", calendar ? _("Export Calendar") : _("Export Spreadsheet"),
                       NULL);
  self->case_file = g_object_ref (case_file);
  self->kind = kind;
  gtk_widget_set_visible (GTK_WIDGET (self->calendar_group), calendar);
  gtk_widget_set_visible (GTK_WIDGET (self->contents_group), !calendar);
  gtk_widget_set_visible (GTK_WIDGET (self->names_group), !calendar);
  gtk_check_button_set_active (self->initials_check, TRUE);
  gtk_check_button_set_active (self->check_ins_check, TRUE);
  gtk_check_button_set_active (self->code_check, TRUE);
  heard_accessibility_name_mnemonics (GTK_WIDGET (self));
  /* The examples and the count follow their name and their plans. */
  g_signal_connect_object (case_file, "notify::person", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (heard_case_file_get_plans (case_file), "items-changed",
                           G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
  /* Start at the choice made for them, never on Cancel. */
  gtk_widget_grab_focus (GTK_WIDGET (calendar ? self->initials_check : self->check_ins_check));

  return self;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-codesign-check-in"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-codesign-check-in.h"
#include "heard-codesign-present.h"
#include "heard-date.h"
#include "heard-face-scale.h"
#include "heard-field-error.h"
#include "heard-for-them.h"
#include "heard-widgets.h"

/*
 * Check in, in co-design mode: the young person answers for each area of
 * their plan (those written for them to read), then "How safe do you
 * feel?", on a face scale, and may say something about it in their words.
 * Saved as one check-in on their plan with every rating theirs: the
 * worker's are left skipped, so nothing of the worker's is ever
 * overwritten (a worker's own check-in stays as it was). Every question
 * may be skipped, or answered "I'd rather not say"; a failed save keeps
 * every answer, and says so beside Save.
 */

struct _HeardCodesignCheckIn
{
  AdwBin         parent_instance;

  HeardCaseFile *case_file;
  HeardPlan     *plan;
  GCancellable  *cancellable;
  /* The area kind each scale asks about, in the order shown. */
  GArray        *kinds;
  GPtrArray     *scales;
  GtkWidget     *safety_scale;

  GtkWidget     *questions_box;
  GtkTextView   *words_view;
  GtkWidget     *save_button;
};

G_DEFINE_FINAL_TYPE (HeardCodesignCheckIn, heard_codesign_check_in, ADW_TYPE_BIN)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
new_button (const char *label,
            const char *action_name,
            const char *css_class)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_add_css_class (button, "pill");
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);

  return button;
}

static char *
dup_words (HeardCodesignCheckIn *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->words_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HeardCodesignCheckIn) self = user_data;
  g_autoptr(GError) error = NULL;

  if (heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error) == 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_message ("Their check-in was not saved: %s", error->message);
      gtk_widget_set_sensitive (self->save_button, TRUE);
      heard_field_error_show (self->save_button,
                              C_("co-design", "That did not save. Your answers are still here. "
                                              "Please try again."));
      return;
    }

  gtk_widget_set_sensitive (self->save_button, TRUE);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
}

/* Their answers as a check-in on their plan, rated by them alone. */
static HeardCheckIn *
build_check_in (HeardCodesignCheckIn *self)
{
  HeardCheckIn *check_in = heard_check_in_new (heard_plan_get_id (self->plan));
  g_autofree char *today = NULL;
  g_autofree char *words = dup_words (self);
  HeardRating rating;
  GDate day;

  heard_date_today (&day);
  today = heard_date_to_iso (&day);
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_DAY, today);
  heard_check_in_set_text (check_in, HEARD_CHECK_IN_THEIR_WORDS, words);
  heard_codesign_set_present (G_OBJECT (check_in), self->case_file);
  for (guint i = 0; i < self->scales->len; i++)
    {
      heard_face_scale_get_rating (self->scales->pdata[i], &rating);
      heard_check_in_set_rating (check_in, g_array_index (self->kinds, HeardAreaKind, i),
                                 HEARD_RATER_YOUNG_PERSON, rating.state, rating.value);
    }
  heard_face_scale_get_rating (HEARD_FACE_SCALE (self->safety_scale), &rating);
  heard_check_in_set_safety (check_in, rating.state, rating.value);

  return check_in;
}

static void
save_clicked_cb (HeardCodesignCheckIn *self)
{
  g_autoptr(HeardCheckIn) check_in = NULL;
  g_autoptr(GError) error = NULL;

  if (self->plan == NULL || !gtk_widget_get_sensitive (self->save_button))
    return;

  heard_field_error_clear (self->save_button);
  check_in = build_check_in (self);
  if (!heard_check_in_validate (check_in, &error))
    {
      g_message ("Their check-in cannot be saved: %s", error->message);
      heard_field_error_show (self->save_button,
                              self->scales->len == 0
                              ? C_("co-design", "Your plan has nothing to check in on yet.")
                              : C_("co-design", "That did not save. Please try again."));
      return;
    }

  gtk_widget_set_sensitive (self->save_button, FALSE);
  heard_case_file_save_check_in_async (self->case_file, check_in, self->cancellable, saved_cb,
                                       g_object_ref (self));
}

void
heard_codesign_check_in_start (HeardCodesignCheckIn *self,
                               HeardCaseFile        *case_file,
                               HeardPlan            *plan)
{
  GListModel *areas;
  GtkWidget *child;

  g_return_if_fail (HEARD_IS_CODESIGN_CHECK_IN (self));
  g_return_if_fail (HEARD_IS_CASE_FILE (case_file));
  g_return_if_fail (HEARD_IS_PLAN (plan));

  g_set_object (&self->case_file, case_file);
  g_set_object (&self->plan, plan);
  heard_field_error_clear (self->save_button);
  gtk_widget_set_sensitive (self->save_button, TRUE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->words_view), "", -1);
  while ((child = gtk_widget_get_first_child (self->questions_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->questions_box), child);
  g_array_set_size (self->kinds, 0);
  g_ptr_array_set_size (self->scales, 0);

  areas = heard_plan_get_areas (plan);
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(HeardPlanArea) area = g_list_model_get_item (areas, i);
      HeardAreaKind kind = heard_plan_area_get_kind (area);
      g_autofree char *question = NULL;
      GtkWidget *scale;

      if (!heard_case_file_written_for_them (case_file, HEARD_FOR_THEM_AREA,
                                             heard_plan_area_get_id (area)))
        continue;
      /* TRANSLATORS: a part of their plan, such as "Education" */
      question = g_strdup_printf (C_("co-design", "How is it going with %s?"),
                                  heard_area_kind_label (kind));
      scale = heard_face_scale_new (question);
      g_array_append_val (self->kinds, kind);
      g_ptr_array_add (self->scales, scale);
      gtk_box_append (GTK_BOX (self->questions_box), scale);
    }
  self->safety_scale = heard_face_scale_new (C_("co-design", "How safe do you feel?"));
  gtk_box_append (GTK_BOX (self->questions_box), self->safety_scale);
}

/* On the first question. */
static gboolean
heard_codesign_check_in_grab_focus (GtkWidget *widget)
{
  HeardCodesignCheckIn *self = HEARD_CODESIGN_CHECK_IN (widget);
  GtkWidget *first = gtk_widget_get_first_child (self->questions_box);

  return first != NULL ? gtk_widget_grab_focus (first) : FALSE;
}

static void
heard_codesign_check_in_dispose (GObject *object)
{
  HeardCodesignCheckIn *self = HEARD_CODESIGN_CHECK_IN (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->plan);
  g_clear_object (&self->case_file);

  G_OBJECT_CLASS (heard_codesign_check_in_parent_class)->dispose (object);
}

static void
heard_codesign_check_in_finalize (GObject *object)
{
  HeardCodesignCheckIn *self = HEARD_CODESIGN_CHECK_IN (object);

  g_clear_object (&self->cancellable);
  g_array_unref (self->kinds);
  g_ptr_array_unref (self->scales);

  G_OBJECT_CLASS (heard_codesign_check_in_parent_class)->finalize (object);
}

static void
heard_codesign_check_in_class_init (HeardCodesignCheckInClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_codesign_check_in_dispose;
  object_class->finalize = heard_codesign_check_in_finalize;
  widget_class->grab_focus = heard_codesign_check_in_grab_focus;

  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
heard_codesign_check_in_init (HeardCodesignCheckIn *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *pause = new_button (C_("co-design", "_Pause"), "codesign.pause", "codesign-pause");
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *words_label;
  GtkWidget *buttons;

  self->cancellable = g_cancellable_new ();
  self->kinds = g_array_new (FALSE, FALSE, sizeof (HeardAreaKind));
  /* The scales are the questions box's: these are only for reading them. */
  self->scales = g_ptr_array_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (C_("co-design", "Co-design"), NULL));
  gtk_widget_set_tooltip_text (pause, C_("co-design", "Stop for a while (Ctrl+P)"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), pause);
  gtk_box_append (GTK_BOX (page), header);

  gtk_widget_set_margin_top (content, 24);
  gtk_widget_set_margin_bottom (content, 36);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_box_append (GTK_BOX (content),
                  heard_wrapped_label_new (C_("co-design", "Check in"), "title-1"));
  gtk_box_append (GTK_BOX (content),
                  heard_wrapped_label_new (C_("co-design", "Pick a face for each one. You can "
                                                           "skip any of them."), NULL));

  self->questions_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 30);
  gtk_widget_set_margin_top (self->questions_box, 12);
  gtk_box_append (GTK_BOX (content), self->questions_box);

  words_label = heard_wrapped_label_new (C_("co-design", "Anything you want to say about it?"),
                                         "title-4");
  gtk_widget_set_margin_top (words_label, 12);
  gtk_box_append (GTK_BOX (content), words_label);
  self->words_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->words_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->words_view, FALSE);
  gtk_text_view_set_top_margin (self->words_view, 12);
  gtk_text_view_set_bottom_margin (self->words_view, 12);
  gtk_text_view_set_left_margin (self->words_view, 12);
  gtk_text_view_set_right_margin (self->words_view, 12);
  gtk_widget_set_size_request (GTK_WIDGET (self->words_view), -1, 90);
  gtk_widget_add_css_class (GTK_WIDGET (self->words_view), "card");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->words_view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, words_label, NULL, -1);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->words_view));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), new_button (C_("co-design", "_Back"),
                                                 "codesign.done-editing", NULL));
  self->save_button = new_button (C_("co-design", "_Save"), NULL, "suggested-action");
  g_signal_connect_object (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (buttons), self->save_button);
  gtk_box_append (GTK_BOX (content), buttons);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (page), scrolled);

  adw_bin_set_child (ADW_BIN (self), page);
}

GtkWidget *
heard_codesign_check_in_new (void)
{
  return g_object_new (HEARD_TYPE_CODESIGN_CHECK_IN, NULL);
}

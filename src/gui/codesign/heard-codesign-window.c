/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-codesign-window"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-caseworker-passphrase.h"
#include "heard-codesign-check-in.h"
#include "heard-codesign-area.h"
#include "heard-codesign-say.h"
#include "heard-codesign-statement.h"
#include "heard-codesign-window-private.h"
#include "heard-field-error.h"
#include "heard-for-them.h"
#include "heard-story-view.h"

/* How many of their statements show before they ask for all: enough to
 * see their newest words, few enough that their plan is not far below. */
#define FEW_STATEMENTS 5
/* Room kept above and below what is scrolled into view, in pixels. */
#define REVEAL_MARGIN 18

/*
 * Co-design mode: the young person at the screen beside staff, working on
 * their own plan. A window of its own, for that one young person, in
 * larger type and plain words, with walls: it is not a window of the
 * application (so none of Heard's application actions, preferences,
 * search or exports reach it), it holds nothing of anyone else, and it is
 * modal over the staff window, which shows its neutral page meanwhile.
 * Only a member of staff ends it, with their own passphrase (practice
 * records ask none, as everywhere, but still show the page that asks, so
 * staff can rehearse and one stray key ends nothing; they also say at the
 * top that they are practice). Escape on a page of its own (a note, a
 * goal, a check-in) goes back as Back does, keeping what they typed; only
 * on their page does it ask to finish. Pause shows a calm page with nothing
 * personal on it at once, and comes back with one click. A quick hide or
 * a lock works here as everywhere: the application hides this window,
 * then closes it with the records.
 */

struct _HeardCodesignWindow
{
  AdwWindow       parent_instance;

  HeardCaseFile  *case_file;
  GCancellable   *cancellable;
  /* The page Pause and the passphrase page go back to. */
  char           *page_before;
  /* Set once staff have given their passphrase: the window may close. */
  gboolean        may_close;
  gboolean        checking;
  /* The newest version of their plan, whose areas show; NULL when none. */
  HeardPlan      *plan;
  /* Only the areas written for them to read. */
  GtkCustomFilter *area_filter;
  /* Their newest statements, all of them once they ask. */
  GtkSliceListModel *shown_statements;
  /* What the editor page is changing. */
  HeardAreaKind   edit_area;
  HeardOwnPart    edit_part;
  /* Their unsaved goals and what helps them, by own_words_key(). */
  GHashTable     *own_drafts;
  gpointer        saving_own_key;
  /* The plan the check-in page asks about, with their answers so far;
   * NULL before they start one and once it is saved. */
  HeardPlan      *check_in_plan;

  GtkStack       *stack;
  GtkLabel       *heading_label;
  GtkWidget      *pause_button;
  GtkWidget      *come_back_button;
  GtkWidget      *passphrase_entry;
  GtkLabel       *leave_hint_label;
  GtkWidget      *finish_button;
  GtkWidget      *practice_label;
  GtkScrolledWindow *scrolled;
  GtkListBox     *statements_list;
  GtkWidget      *all_words_button;
  GtkWidget      *no_plan_label;
  GtkListBox     *areas_list;
  GtkLabel       *say_label;
  GtkCheckButton *agree_button;
  GtkCheckButton *disagree_button;
  GtkCheckButton *unsure_button;
  GtkWidget      *choices_box;
  GtkWidget      *say_box;
  GtkTextView    *say_view;
  HeardStoryView *story_view;
  GtkLabel       *edit_heading;
  GtkTextView    *edit_view;
  GtkWidget      *say_something_button;
  GtkWidget      *said_label;
  GtkWidget      *said_box;
  HeardCodesignSay *say_page;
  HeardCodesignCheckIn *check_in_page;
  GtkWidget      *check_in_button;
  GtkLabel       *check_in_label;
  GtkWidget      *check_in_box;
};

G_DEFINE_FINAL_TYPE (HeardCodesignWindow, heard_codesign_window, ADW_TYPE_WINDOW)

static const char *
get_page (HeardCodesignWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

/* What they like to be called, in the heading only (never in the title). */
static void
update_heading (HeardCodesignWindow *self)
{
  HeardPerson *person = heard_case_file_get_person (self->case_file);
  const char *name = heard_person_get_preferred_name (person);
  g_autofree char *heading = NULL;

  if (name == NULL || *name == '\0')
    name = heard_person_get_display_name (person);
  heading = g_strdup_printf (C_("co-design", "Hello, %s"), name);
  gtk_label_set_label (self->heading_label, heading);
}

static char *
dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* A row named for screen readers, which the keyboard passes through to
 * the buttons in it. */
static GtkWidget *
new_row (GtkWidget  *child,
         const char *name)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  heard_accessibility_name_mnemonics (row);

  return row;
}

static GtkWidget *
create_statement_row (gpointer item,
                      gpointer user_data)
{
  HeardCodesignWindow *self = user_data;
  g_autofree char *when = heard_statement_dup_when_text (item);
  /* TRANSLATORS: %s is when they said it, "3 May 2026" */
  g_autofree char *name = g_strdup_printf (C_("co-design", "Something you said on %s"), when);

  return new_row (heard_codesign_statement_new (self->case_file, item), name);
}

static GtkWidget *
create_area_row (gpointer item,
                 gpointer user_data)
{
  HeardCodesignWindow *self = user_data;

  return new_row (heard_codesign_area_new (self->case_file, item),
                  heard_area_kind_label (heard_plan_area_get_kind (item)));
}

static gboolean
area_is_for_them (gpointer item,
                  gpointer user_data)
{
  HeardCodesignWindow *self = user_data;

  return heard_case_file_written_for_them (self->case_file, HEARD_FOR_THEM_AREA,
                                           heard_plan_area_get_id (item));
}

static void
marks_changed_cb (HeardCodesignWindow *self)
{
  gtk_filter_changed (GTK_FILTER (self->area_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* What they said last about this version of their plan. */
static void
update_say (HeardCodesignWindow *self)
{
  HeardPlanSay *say = self->plan != NULL
                      ? heard_case_file_find_plan_say (self->case_file, heard_plan_get_id (self->plan))
                      : NULL;
  const char *words;
  g_autofree char *text = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->say_view), self->plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codesign.save-say", self->plan != NULL);
  if (say == NULL)
    {
      gtk_label_set_label (self->say_label,
                           C_("co-design", "Do you agree with this plan? You do not have to say."));
      return;
    }

  words = heard_plan_say_get_words (say);
  switch (heard_plan_say_get_kind (say))
    {
    case HEARD_SAY_AGREES:
      text = g_strdup (C_("co-design", "You said: I agree."));
      break;
    case HEARD_SAY_DOES_NOT_AGREE:
      text = g_strdup (C_("co-design", "You said: I don’t agree."));
      break;
    case HEARD_SAY_NOT_SURE:
    case HEARD_SAY_N_KINDS:
    default:
      text = g_strdup (C_("co-design", "You said: I’m not sure."));
      break;
    }
  if (words != NULL && *words != '\0')
    {
      g_autofree char *with_words = g_strdup_printf ("%s “%s”", text, words);

      g_free (text);
      text = g_steal_pointer (&with_words);
    }
  gtk_label_set_label (self->say_label, text);
}

/* The newest version of their plan is the one they work on. */
/* "Show All My Words" is offered while some of their words are not shown. */
static void
update_all_words (HeardCodesignWindow *self)
{
  GListModel *all;

  if (self->case_file == NULL)
    return;
  all = heard_case_file_get_statements (self->case_file);
  gtk_widget_set_visible (self->all_words_button,
                          g_list_model_get_n_items (all) >
                          gtk_slice_list_model_get_size (self->shown_statements));
}

static void
all_words_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HeardCodesignWindow *self = HEARD_CODESIGN_WINDOW (widget);
  guint first_new = gtk_slice_list_model_get_size (self->shown_statements);
  GtkListBoxRow *row;

  gtk_slice_list_model_set_size (self->shown_statements, G_MAXUINT);
  update_all_words (self);
  /* On to the first of their words just shown, not back to the top. */
  row = gtk_list_box_get_row_at_index (self->statements_list, (int) first_new);
  if (row != NULL)
    gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD);
}

static void
update_plan (HeardCodesignWindow *self)
{
  GListModel *plans = heard_case_file_get_plans (self->case_file);
  g_autoptr(HeardPlan) newest = g_list_model_get_n_items (plans) > 0
                                ? g_list_model_get_item (plans, 0) : NULL;

  if (newest != self->plan)
    {
      g_set_object (&self->plan, newest);
      if (newest != NULL)
        {
          g_autoptr(GtkFilterListModel) areas =
            gtk_filter_list_model_new (g_object_ref (heard_plan_get_areas (newest)),
                                       GTK_FILTER (g_object_ref (self->area_filter)));

          gtk_list_box_bind_model (self->areas_list, G_LIST_MODEL (areas), create_area_row, self,
                                   NULL);
        }
      else
        gtk_list_box_bind_model (self->areas_list, NULL, NULL, NULL, NULL);
    }
  gtk_widget_set_visible (self->no_plan_label, newest == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codesign.check-in", newest != NULL);
  gtk_label_set_label (self->check_in_label,
                       newest == NULL ? C_("co-design", "You can check in when there is a plan.")
                                      : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->areas_list), newest != NULL);
  update_say (self);
}

static void
show_page (HeardCodesignWindow *self,
           const char          *page)
{
  gtk_stack_set_visible_child_name (self->stack, page);
}

/* Back from Pause or from the passphrase page to where they were. */
static void
go_back (HeardCodesignWindow *self)
{
  show_page (self, self->page_before != NULL ? self->page_before : "together");
  g_clear_pointer (&self->page_before, g_free);
  if (g_str_equal (get_page (self), "together"))
    gtk_widget_grab_focus (self->pause_button);
}

static void
remember_page (HeardCodesignWindow *self)
{
  const char *page = get_page (self);

  if (!g_str_equal (page, "paused") && !g_str_equal (page, "leave"))
    {
      g_free (self->page_before);
      self->page_before = g_strdup (page);
    }
}

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HeardCodesignWindow *self = HEARD_CODESIGN_WINDOW (widget);

  remember_page (self);
  /* Within this frame: the stack changes page with no transition. */
  show_page (self, "paused");
  gtk_widget_grab_focus (self->come_back_button);
}

static void
resume_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  go_back (HEARD_CODESIGN_WINDOW (widget));
}

/* Whether leaving needs a member of staff's passphrase: not for practice
 * records, as everywhere in Heard. */
static gboolean
needs_passphrase (HeardCodesignWindow *self)
{
  return !heard_context_get_practice (heard_case_file_get_context (self->case_file));
}

static void
stay_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeardCodesignWindow *self = HEARD_CODESIGN_WINDOW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  heard_field_error_clear (self->passphrase_entry);
  go_back (self);
}

/* Finish, the window's close button: the page that asks whether to
 * finish, with the passphrase field unless they are practice records. */
static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HeardCodesignWindow *self = HEARD_CODESIGN_WINDOW (widget);

  if (g_str_equal (get_page (self), "leave"))
    {
      go_back (self);
      return;
    }

  remember_page (self);
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  heard_field_error_clear (self->passphrase_entry);
  show_page (self, "leave");
  gtk_widget_grab_focus (needs_passphrase (self) ? self->passphrase_entry : self->finish_button);
}

static void
set_checking (HeardCodesignWindow *self,
              gboolean             checking)
{
  self->checking = checking;
  /* Not insensitive: the field keeps the focus while it is checked. */
  gtk_editable_set_editable (GTK_EDITABLE (self->passphrase_entry), !checking);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codesign.finish", !checking);
}

static void
passphrase_checked_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(HeardCodesignWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (heard_context_check_staff_passphrase_finish (HEARD_CONTEXT (object), result, &error))
    {
      self->may_close = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_checking (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  if (g_error_matches (error, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                       HEARD_CASEWORKER_PASSPHRASE_ERROR_WRONG) ||
      g_error_matches (error, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                       HEARD_CASEWORKER_PASSPHRASE_ERROR_TOO_SOON) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    message = g_strdup (C_("co-design", "That is not the right passphrase. Please try again."));
  else
    message = g_strdup (error->message);
  heard_field_error_show (self->passphrase_entry, message);
  gtk_widget_grab_focus (self->passphrase_entry);
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HeardCodesignWindow *self = HEARD_CODESIGN_WINDOW (widget);
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));

  if (self->checking || !g_str_equal (get_page (self), "leave"))
    return;
  if (!needs_passphrase (self))
    {
      self->may_close = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (*passphrase == '\0')
    {
      heard_field_error_show (self->passphrase_entry,
                              C_("co-design", "Type the staff passphrase first."));
      return;
    }

  heard_field_error_clear (self->passphrase_entry);
  set_checking (self, TRUE);
  heard_context_check_staff_passphrase_async (heard_case_file_get_context (self->case_file),
                                              passphrase, self->cancellable,
                                              passphrase_checked_cb, g_object_ref (self));
}

static void
passphrase_activated_cb (HeardCodesignWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "codesign.finish", NULL);
}

static gpointer
own_words_key (HeardAreaKind area,
               HeardOwnPart  part)
{
  return GINT_TO_POINTER (area * HEARD_OWN_N_PARTS + part + 1);
}

/* Their goal, or what helps them, for one area: (area kind, part). */
static void
edit_own_words_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HeardCodesignWindow *self = HEARD_CODESIGN_WINDOW (widget);
  int area, part;
  HeardOwnWords *words;
  const char *draft;
  g_autofree char *heading = NULL;

  g_variant_get (parameter, "(ii)", &area, &part);
  if (self->plan == NULL || area < 0 || area >= HEARD_AREA_N_KINDS || part < 0 ||
      part >= HEARD_OWN_N_PARTS)
    return;

  self->edit_area = area;
  self->edit_part = part;
  draft = g_hash_table_lookup (self->own_drafts, own_words_key (area, part));
  heading = g_strdup_printf (part == HEARD_OWN_GOAL ? C_("co-design", "Your goal: %s")
                                                    : C_("co-design", "What helps you: %s"),
                             heard_area_kind_label (area));
  gtk_label_set_label (self->edit_heading, heading);
  words = heard_case_file_find_own_words (self->case_file, area, part);
  if (draft == NULL)
    draft = words != NULL ? heard_own_words_get_words (words) : "";
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->edit_view), draft, -1);
  heard_field_error_clear (GTK_WIDGET (self->edit_view));
  show_page (self, "edit");
  gtk_widget_grab_focus (GTK_WIDGET (self->edit_view));
}

/* Back to their page from a page of its own. What they typed on the
 * editor page waits for them there until it is saved (the say and
 * check-in pages keep theirs). */
static void
done_editing_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HeardCodesignWindow *self = HEARD_CODESIGN_WINDOW (widget);

  if (g_str_equal (get_page (self), "edit"))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->edit_view);
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      g_hash_table_insert (self->own_drafts, own_words_key (self->edit_area, self->edit_part),
                           gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
    }
  show_page (self, "together");
  gtk_widget_grab_focus (self->pause_button);
}

/* Escape: back a step, never further. From a page of its own to their
 * page, as Back does (what they typed is kept); from the finish page
 * back, as Stay Here does; only from their page to the finish page.
 * Nothing while paused: one key does not bring their page back. */
static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HeardCodesignWindow *self = HEARD_CODESIGN_WINDOW (widget);
  const char *page = get_page (self);

  if (g_str_equal (page, "paused"))
    return;
  if (g_str_equal (page, "leave"))
    stay_action (widget, NULL, NULL);
  else if (g_str_equal (page, "together"))
    leave_action (widget, NULL, NULL);
  else
    done_editing_action (widget, NULL, NULL);
}


static void
own_words_saved_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(HeardCodesignWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  gpointer key = self->saving_own_key;

  if (heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error) == 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        heard_field_error_show (GTK_WIDGET (self->edit_view),
                                C_("co-design", "That did not save. Please try again."));
      return;
    }

  if (g_str_equal (get_page (self), "edit") &&
      key == own_words_key (self->edit_area, self->edit_part))
    done_editing_action (GTK_WIDGET (self), NULL, NULL);
  /* Saved: what it held is theirs now, no draft. */
  g_hash_table_remove (self->own_drafts, key);
}

static void
save_own_words_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HeardCodesignWindow *self = HEARD_CODESIGN_WINDOW (widget);
  g_autofree char *text = dup_text (self->edit_view);
  g_autoptr(HeardOwnWords) words = NULL;
  g_autoptr(GError) error = NULL;

  if (self->plan == NULL)
    return;

  words = heard_own_words_new (heard_case_file_get_person_id (self->case_file),
                               heard_plan_get_id (self->plan), self->edit_area, self->edit_part,
                               text);
  if (*text == '\0' || !heard_own_words_check (words, &error))
    {
      heard_field_error_show (GTK_WIDGET (self->edit_view),
                              *text == '\0' ? C_("co-design", "Write something first.")
                                             : error->message);
      return;
    }

  heard_field_error_clear (GTK_WIDGET (self->edit_view));
  self->saving_own_key = own_words_key (self->edit_area, self->edit_part);
  heard_case_file_record_own_words_async (self->case_file, words, self->cancellable,
                                          own_words_saved_cb, g_object_ref (self));
}

typedef struct
{
  GtkWidget *viewport;
  guint      frames;
} Reveal;

/* Scrolls their page to show @widget whole, once it is laid out. */
static gboolean
reveal_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  Reveal *reveal = user_data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (reveal->viewport));
  double page = gtk_adjustment_get_page_size (adjustment);
  double value = gtk_adjustment_get_value (adjustment);
  graphene_rect_t bounds;

  /* In the viewport's own space: what shows is 0 to the page's height.
   * A little room around it, so it is not on the very edge. */
  if (gtk_widget_compute_bounds (widget, reveal->viewport, &bounds))
    {
      double top = bounds.origin.y - REVEAL_MARGIN;
      double bottom = bounds.origin.y + bounds.size.height + REVEAL_MARGIN;

      if (bottom > page)
        value += bottom - page;
      if (top < 0)
        value += top;
      gtk_adjustment_set_value (adjustment, value);
    }

  /* Its first frame may still hold the page as it was before. */
  return ++reveal->frames < 2 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
scroll_into_view (HeardCodesignWindow *self,
                  GtkWidget           *widget)
{
  Reveal *reveal = g_new0 (Reveal, 1);

  reveal->viewport = gtk_scrolled_window_get_child (self->scrolled);
  gtk_widget_add_tick_callback (widget, reveal_tick_cb, reveal, g_free);
}

static void
say_saved_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HeardCodesignWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error) == 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        heard_field_error_show (GTK_WIDGET (self->say_view),
                                C_("co-design", "That did not save. Please try again."));
      return;
    }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->say_view), "", -1);
}

static void
save_say_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HeardCodesignWindow *self = HEARD_CODESIGN_WINDOW (widget);
  g_autofree char *text = dup_text (self->say_view);
  g_autoptr(HeardPlanSay) say = NULL;
  g_autoptr(GError) error = NULL;
  HeardSayKind kind;

  if (self->plan == NULL)
    return;

  if (gtk_check_button_get_active (self->agree_button))
    kind = HEARD_SAY_AGREES;
  else if (gtk_check_button_get_active (self->disagree_button))
    kind = HEARD_SAY_DOES_NOT_AGREE;
  else if (gtk_check_button_get_active (self->unsure_button))
    kind = HEARD_SAY_NOT_SURE;
  else
    {
      /* Below all three, none of them marked wrong; on the first of
       * them, with all of it in view (the group cannot take the focus). */
      heard_field_error_show (self->choices_box, C_("co-design", "Choose one of these first."));
      gtk_widget_remove_css_class (self->choices_box, "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->agree_button));
      scroll_into_view (self, self->say_box);
      return;
    }

  heard_field_error_clear (self->choices_box);
  say = heard_plan_say_new (heard_plan_get_id (self->plan), kind, text);
  if (!heard_plan_say_check (say, &error))
    {
      heard_field_error_show (GTK_WIDGET (self->say_view), error->message);
      return;
    }

  heard_field_error_clear (GTK_WIDGET (self->say_view));
  heard_case_file_record_plan_say_async (self->case_file, say, self->cancellable, say_saved_cb,
                                         g_object_ref (self));
}

static void
choice_toggled_cb (HeardCodesignWindow *self)
{
  heard_field_error_clear (self->choices_box);
}

/* Say something: a statement of their own (0), or their note on the
 * statement with this id. */
static void
say_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  HeardCodesignWindow *self = HEARD_CODESIGN_WINDOW (widget);
  gint64 statement_id = g_variant_get_int64 (parameter);
  HeardStatement *statement = statement_id != 0
                              ? heard_case_file_find_statement (self->case_file, statement_id)
                              : NULL;

  if (statement_id != 0 && statement == NULL)
    return;

  gtk_widget_set_visible (self->said_label, FALSE);
  show_page (self, "say");
  if (statement != NULL)
    heard_codesign_say_start_note (self->say_page, statement);
  else
    heard_codesign_say_start_statement (self->say_page);
}

static void
said_cb (HeardCodesignWindow *self)
{
  gtk_widget_set_visible (self->said_label, TRUE);
  if (g_str_equal (get_page (self), "say"))
    {
      show_page (self, "together");
      /* Beside the thanks, both in view. */
      gtk_widget_grab_focus (self->say_something_button);
      scroll_into_view (self, self->said_box);
    }
}

static void
check_in_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HeardCodesignWindow *self = HEARD_CODESIGN_WINDOW (widget);

  if (self->plan == NULL)
    return;

  gtk_label_set_label (self->check_in_label, NULL);
  /* Their answers so far stay, unless the plan is new. */
  if (self->check_in_plan != self->plan)
    {
      heard_codesign_check_in_start (self->check_in_page, self->case_file, self->plan);
      g_set_object (&self->check_in_plan, self->plan);
    }
  show_page (self, "check-in");
  gtk_widget_grab_focus (GTK_WIDGET (self->check_in_page));
}

static void
check_in_saved_cb (HeardCodesignWindow *self)
{
  gtk_label_set_label (self->check_in_label, C_("co-design", "Thank you. Your check-in is saved."));
  /* The next one starts afresh. */
  g_clear_object (&self->check_in_plan);
  if (g_str_equal (get_page (self), "check-in"))
    {
      show_page (self, "together");
      /* Beside the thanks, both in view. */
      gtk_widget_grab_focus (self->check_in_button);
      scroll_into_view (self, self->check_in_box);
    }
}

static void
person_notify_cb (HeardCodesignWindow *self)
{
  update_heading (self);
}

/* Closing the window (its close button, Alt+F4) asks for the passphrase
 * as Finish does; only then does it close. */
static gboolean
heard_codesign_window_close_request (GtkWindow *window)
{
  HeardCodesignWindow *self = HEARD_CODESIGN_WINDOW (window);

  if (self->may_close)
    return GTK_WINDOW_CLASS (heard_codesign_window_parent_class)->close_request (window);

  if (!g_str_equal (get_page (self), "leave"))
    gtk_widget_activate_action (GTK_WIDGET (self), "codesign.leave", NULL);

  return TRUE;
}

static void
heard_codesign_window_dispose (GObject *object)
{
  HeardCodesignWindow *self = HEARD_CODESIGN_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_CODESIGN_WINDOW);
  g_clear_object (&self->plan);
  g_clear_object (&self->check_in_plan);
  g_clear_object (&self->case_file);
  g_clear_object (&self->area_filter);
  g_clear_object (&self->shown_statements);

  G_OBJECT_CLASS (heard_codesign_window_parent_class)->dispose (object);
}

static void
heard_codesign_window_finalize (GObject *object)
{
  HeardCodesignWindow *self = HEARD_CODESIGN_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_free (self->page_before);
  g_hash_table_unref (self->own_drafts);

  G_OBJECT_CLASS (heard_codesign_window_parent_class)->finalize (object);
}

static void
heard_codesign_window_class_init (HeardCodesignWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = heard_codesign_window_dispose;
  object_class->finalize = heard_codesign_window_finalize;
  window_class->close_request = heard_codesign_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-codesign-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, pause_button);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, come_back_button);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, leave_hint_label);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, finish_button);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, practice_label);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, scrolled);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, choices_box);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, say_box);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, said_box);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, check_in_box);
  gtk_widget_class_bind_template_callback (widget_class, choice_toggled_cb);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, statements_list);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, all_words_button);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, no_plan_label);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, areas_list);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, say_label);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, agree_button);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, disagree_button);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, unsure_button);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, say_view);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, story_view);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, edit_heading);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, edit_view);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, say_something_button);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, said_label);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, say_page);
  gtk_widget_class_bind_template_callback (widget_class, passphrase_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, said_cb);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, check_in_page);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, check_in_button);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, check_in_label);
  gtk_widget_class_bind_template_callback (widget_class, check_in_saved_cb);

  /* Its only actions: nothing here reaches other records or Heard's own. */
  gtk_widget_class_install_action (widget_class, "codesign.pause", NULL, pause_action);
  gtk_widget_class_install_action (widget_class, "codesign.all-words", NULL, all_words_action);
  gtk_widget_class_install_action (widget_class, "codesign.resume", NULL, resume_action);
  gtk_widget_class_install_action (widget_class, "codesign.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "codesign.escape", NULL, escape_action);
  gtk_widget_class_install_action (widget_class, "codesign.stay", NULL, stay_action);
  gtk_widget_class_install_action (widget_class, "codesign.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "codesign.edit-own-words", "(ii)",
                                   edit_own_words_action);
  gtk_widget_class_install_action (widget_class, "codesign.done-editing", NULL,
                                   done_editing_action);
  gtk_widget_class_install_action (widget_class, "codesign.save-own-words", NULL,
                                   save_own_words_action);
  gtk_widget_class_install_action (widget_class, "codesign.save-say", NULL, save_say_action);
  gtk_widget_class_install_action (widget_class, "codesign.say", "x", say_action);
  gtk_widget_class_install_action (widget_class, "codesign.check-in", NULL, check_in_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "codesign.escape", NULL);
  /* Pause from the keyboard at once too (a button pressed with a key
   * shows its press for a moment before it acts). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "codesign.pause",
                                       NULL);
}

static void
heard_codesign_window_init (HeardCodesignWindow *self)
{
  g_type_ensure (HEARD_TYPE_STORY_VIEW);
  g_type_ensure (HEARD_TYPE_CODESIGN_SAY);
  g_type_ensure (HEARD_TYPE_CODESIGN_CHECK_IN);
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_accessibility_name_mnemonics (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->own_drafts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

HeardCodesignWindow *
heard_codesign_window_new (GtkWindow     *staff_window,
                           HeardCaseFile *case_file)
{
  HeardCodesignWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (staff_window), NULL);
  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);

  self = g_object_new (HEARD_TYPE_CODESIGN_WINDOW, "transient-for", staff_window, NULL);
  self->case_file = g_object_ref (case_file);
  g_signal_connect_object (heard_case_file_get_person (case_file), "notify",
                           G_CALLBACK (person_notify_cb), self, G_CONNECT_SWAPPED);
  update_heading (self);
  if (!needs_passphrase (self))
    {
      /* Practice: said at the top; Finish asks for nothing, but still asks. */
      gtk_widget_set_visible (self->practice_label, TRUE);
      gtk_widget_set_visible (self->passphrase_entry, FALSE);
      gtk_label_set_label (self->leave_hint_label,
                           C_("co-design", "Practice records need no passphrase."));
    }

  /* Their words first, then their plan, then who has seen their story. */
  self->shown_statements = gtk_slice_list_model_new (
    g_object_ref (heard_case_file_get_statements (case_file)), 0, FEW_STATEMENTS);
  gtk_list_box_bind_model (self->statements_list, G_LIST_MODEL (self->shown_statements),
                           create_statement_row, self, NULL);
  g_signal_connect_object (heard_case_file_get_statements (case_file), "items-changed",
                           G_CALLBACK (update_all_words), self, G_CONNECT_SWAPPED);
  update_all_words (self);
  self->area_filter = gtk_custom_filter_new (area_is_for_them, self, NULL);
  g_signal_connect_object (heard_case_file_get_for_them_marks (case_file), "items-changed",
                           G_CALLBACK (marks_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (heard_case_file_get_plans (case_file), "items-changed",
                           G_CALLBACK (update_plan), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (heard_case_file_get_plan_says (case_file), "items-changed",
                           G_CALLBACK (update_say), self, G_CONNECT_SWAPPED);
  update_plan (self);
  heard_story_view_set_case_file (self->story_view, case_file);
  heard_codesign_say_set_case_file (self->say_page, case_file);

  return self;
}

const char *
_heard_codesign_window_get_visible_page (HeardCodesignWindow *self)
{
  return get_page (self);
}

GtkWidget *
_heard_codesign_window_get_passphrase_entry (HeardCodesignWindow *self)
{
  return self->passphrase_entry;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-statements"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "heard-choice-row.h"
#include "heard-clipboard-private.h"
#include "heard-date.h"
#include "heard-date-row.h"
#include "heard-dialog.h"
#include "heard-language-check.h"
#include "heard-language-highlighter.h"
#include "heard-person-page.h"
#include "heard-plan-view.h"
#include "heard-statement-card.h"
#include "heard-statement-form.h"
#include "heard-statement-history.h"
#include "heard-statement-search.h"
#include "heard-statements-view.h"
#include "heard-story-view.h"
#include "heard-test-ui.h"
#include "heard-test-utils.h"

/*
 * A caseworker and a young person, under Xvfb: their words recorded, then
 * amended with a reason and the original still in the history, answered
 * ("You said — we did") so that nothing stays outstanding, and found again
 * by searching, with a jump straight to the statement. The language checker
 * underlines only what staff wrote, and never stops a save.
 */

#define FIRST_WORDS "He said he's my boyfriend and I owe him for the marmalade jar."
#define AMENDED_WORDS "He said he's my boyfriend and I owe him for the marmalade jar and the phone."
#define CONTEXT "She says her boyfriend gives her lifts; she is putting herself at risk."
/* What she adds in her own note, typed as she would type it. */
#define THEIR_NOTE "I wasn't putting myself at risk. He is not my boyfriend, he is 34."

/* How long the young person's words are watched for any underline: many
 * times the highlighter's pause in typing (200 ms), so that any check the
 * typing set off has long run. */
#define NEVER_MARKED_MS 1500

static HeardApplication *the_app;

typedef struct
{
  HeardStatementsView *view;
  guint                count;
} Expected;

static HeardPersonPage *
person_page (void)
{
  return HEARD_PERSON_PAGE (_heard_window_get_person_page (heard_test_ui_active_window (the_app)));
}

static HeardStatementsView *
statements_view (void)
{
  return HEARD_STATEMENTS_VIEW (heard_person_page_get_statements_view (person_page ()));
}

static HeardStatement *
listed (HeardStatementsView *view,
        guint                position)
{
  g_autoptr(HeardStatement) statement =
    g_list_model_get_item (heard_statements_view_get_statements (view), position);

  return statement;
}

static gboolean
lists_count (gpointer data)
{
  Expected *expected = data;

  return g_list_model_get_n_items (heard_statements_view_get_statements (expected->view)) ==
         expected->count;
}

static void
wait_for_statements (HeardStatementsView *view,
                     guint                count)
{
  Expected expected = { view, count };

  heard_test_ui_wait_until (lists_count, &expected, "the statements to be listed");
}

static gboolean
outstanding_is (gpointer data)
{
  Expected *expected = data;

  return heard_statements_view_get_n_outstanding (expected->view) == expected->count;
}

static gboolean
newest_is_version_2 (gpointer data)
{
  HeardStatementsView *view = data;

  return g_list_model_get_n_items (heard_statements_view_get_statements (view)) > 0 &&
         heard_statement_get_version (listed (view, 0)) == 2;
}

static gboolean
history_loaded (gpointer data)
{
  return heard_statement_history_get_n_versions (data) == 2;
}

static gboolean
search_finds_one (gpointer data)
{
  return g_list_model_get_n_items (heard_statement_search_get_results (data)) == 1;
}

static void
set_text_view (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

/* Whether the language checker has underlined the start of @phrase. */
static gboolean
underlined_at (GtkTextView *view,
               const char  *phrase)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                               HEARD_LANGUAGE_TAG);
  g_autofree char *text = NULL;
  GtkTextIter start, end, at;
  const char *found;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  found = strstr (text, phrase);
  g_assert_nonnull (found);

  if (tag == NULL)
    return FALSE;

  gtk_text_buffer_get_iter_at_offset (buffer, &at, (int) g_utf8_pointer_to_offset (text, found));
  return gtk_text_iter_has_tag (&at, tag);
}

static AdwViewStack *
person_view_stack (void)
{
  return ADW_VIEW_STACK (heard_test_ui_find_descendant (GTK_WIDGET (person_page ()),
                                                         ADW_TYPE_VIEW_STACK, NULL));
}

static guint
statements_badge (void)
{
  AdwViewStackPage *page = adw_view_stack_get_page (person_view_stack (),
                                                    GTK_WIDGET (statements_view ()));

  return adw_view_stack_page_get_badge_number (page);
}

static void
start_with_amira (const char *data_dir)
{
  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  heard_test_ui_add_person (the_app, "Amira Khan", "Mira");
  heard_person_page_show_view (person_page (), "statements");
}

static gint64
record_words (const char *words,
              const char *context,
              gboolean    sensitive)
{
  HeardStatementsView *view = statements_view ();
  guint before = g_list_model_get_n_items (heard_statements_view_get_statements (view));
  HeardStatementForm *form;
  GtkWindow *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "statements.record", NULL));
  editor = heard_test_ui_wait_for_window ("HeardStatementEditor");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (editor));

  form = HEARD_STATEMENT_FORM (heard_test_ui_find_descendant (GTK_WIDGET (editor),
                                                              HEARD_TYPE_STATEMENT_FORM, NULL));
  set_text_view (heard_statement_form_get_words_view (form), words);
  heard_test_ui_assert_choices_readable (GTK_WIDGET (editor));
  set_text_view (heard_statement_form_get_context_view (form), context);
  heard_test_ui_set_row_text (GTK_WIDGET (editor), "Where", "The drop-in");
  if (sensitive)
    {
      GtkWidget *row = heard_test_ui_find_descendant (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW,
                                                      "Sensitive");

      gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (
                               ADW_ACTION_ROW (row))), TRUE);
      heard_test_ui_set_row_text (GTK_WIDGET (editor),
                                  "Content note (what a reader should know first)",
                                  "Describes being threatened.");
    }

  heard_test_ui_save_dialog (editor, "HeardStatementEditor");
  wait_for_statements (view, before + 1);

  /* The newest is listed first. */
  return heard_statement_get_id (listed (view, 0));
}

static gboolean
newest_has_answer (gpointer data)
{
  return heard_statement_get_reply_state (listed (data, 0)) != HEARD_REPLY_WAITING;
}

/* Answered before she could be told; told later: only then is it closed. */
static void
answer_then_tell (HeardStatementsView *view)
{
  gint64 id = heard_statement_get_id (listed (view, 0));
  g_autofree char *today = heard_today_iso_date ();
  g_autofree char *today_shown = heard_test_ui_dup_shown_day (today);
  Expected none = { view, 0 };
  HeardStatementResponse *response;
  GtkWindow *dialog;
  GtkWidget *row, *day, *text, *hint;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "statements.answer", "x", id));
  dialog = heard_test_ui_wait_for_window ("HeardResponseDialog");
  set_text_view (GTK_TEXT_VIEW (heard_test_ui_find_descendant (GTK_WIDGET (dialog),
                                                               GTK_TYPE_TEXT_VIEW, NULL)),
                 "We found you a youth worker who drives.");
  /* Nobody is taken to have been told until someone says so. */
  row = heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                      "They have been told");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (adw_action_row_get_activatable_widget (
                                           ADW_ACTION_ROW (row)))));
  heard_test_ui_save_dialog (dialog, "HeardResponseDialog");
  heard_test_ui_wait_until (newest_has_answer, view, "the answer");
  g_assert_cmpint (heard_statement_get_reply_state (listed (view, 0)), ==, HEARD_REPLY_NOT_TOLD);
  g_assert_cmpuint (heard_statements_view_get_n_outstanding (view), ==, 1);

  response = g_ptr_array_index (heard_statement_get_responses (listed (view, 0)), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "statements.told", "x",
                                             heard_statement_response_get_id (response)));
  dialog = heard_test_ui_wait_for_window ("AdwMessageDialog");
  day = heard_test_ui_find_descendant (GTK_WIDGET (dialog), HEARD_TYPE_DATE_ROW, NULL);
  g_assert_nonnull (day);
  /* The shared date field: a calendar beside it, today shown as the
   * locale writes it. */
  g_assert_nonnull (heard_test_ui_find_descendant (day, GTK_TYPE_CALENDAR, NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (day)), ==, today_shown);
  /* Enter is pressed in the text inside the entry. */
  text = heard_test_ui_find_descendant (day, GTK_TYPE_TEXT, NULL);
  hint = heard_test_ui_find_by_name (GTK_WIDGET (dialog), "told-day-hint");
  g_assert_nonnull (hint);
  g_assert_true (gtk_widget_is_visible (hint));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (hint)), "2025-03-14"));

  /* A day Heard cannot read cannot be saved; Enter keeps the dialog and
   * what was typed, and the dialog says how to write it. */
  gtk_editable_set_text (GTK_EDITABLE (day), "last Tuesday");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "told"));
  g_signal_emit_by_name (text, "activate");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (day)), ==, "last Tuesday");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (hint)), "not a date"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (hint)), "2025-03-14"));
  g_assert_cmpuint (heard_statements_view_get_n_outstanding (view), ==, 1);

  /* Nor can a day that has not come yet. */
  gtk_editable_set_text (GTK_EDITABLE (day), "2099-04-23");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "told"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (hint)), "in the future"));

  /* Put right, Enter saves it. */
  gtk_editable_set_text (GTK_EDITABLE (day), today);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "told"));
  g_signal_emit_by_name (text, "activate");
  heard_test_ui_wait_window_gone ("AdwMessageDialog");
  heard_test_ui_wait_until (outstanding_is, &none, "nothing outstanding once she was told");
  g_assert_cmpint (heard_statement_get_reply_state (listed (view, 0)), ==, HEARD_REPLY_TOLD);
}

/* The worker's context, once the checker has had its pause and looked. */
static gboolean
context_underlined (gpointer data)
{
  GtkTextView *context = data;

  return underlined_at (context, "boyfriend") && underlined_at (context, "putting herself at risk");
}

/* Whether any character of @view carries the checker's underline. */
static gboolean
any_underline (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                               HEARD_LANGUAGE_TAG);
  GtkTextIter start;

  if (tag == NULL)
    return FALSE;

  gtk_text_buffer_get_start_iter (buffer, &start);
  return gtk_text_iter_has_tag (&start, tag) || gtk_text_iter_forward_to_tag_toggle (&start, tag);
}

/* None of the young person's own fields (@data, a GPtrArray of views) is
 * underlined anywhere. */
static gboolean
none_underlined (gpointer data)
{
  GPtrArray *views = data;

  for (guint i = 0; i < views->len; i++)
    if (any_underline (g_ptr_array_index (views, i)))
      return FALSE;

  return TRUE;
}

static void
collect_text_views (GtkWidget *widget,
                    GPtrArray *views)
{
  heard_test_ui_collect_text_views (widget, views);
}

/* Types @text at the cursor of @view, key by key as far as the buffer can
 * tell: an interactive insert, one user action per character. */
static void
type_into (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_widget_grab_focus (GTK_WIDGET (view));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, p, (int) (g_utf8_next_char (p) - p),
                                                    TRUE);
      gtk_text_buffer_end_user_action (buffer);
      g_main_context_iteration (NULL, FALSE);
    }
}

static void
test_language_checker_in_editor (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autoptr(GPtrArray) text_views = g_ptr_array_new ();
  g_autoptr(GPtrArray) theirs = g_ptr_array_new ();
  g_autoptr(GArray) flagged_words = heard_language_check (FIRST_WORDS);
  g_autoptr(GArray) flagged_note = heard_language_check (THEIR_NOTE);
  HeardStatementForm *form;
  GtkTextView *words, *context;
  GtkWidget *hint;
  GtkWindow *editor;

  /* Her own words hold exactly what the checker would underline in a
   * worker's: so if it ever looked at them, it would mark them. */
  g_assert_cmpuint (flagged_words->len, >, 0);
  g_assert_cmpuint (flagged_note->len, >, 0);

  start_with_amira (data_dir);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (statements_view ()),
                                             "statements.record", NULL));
  editor = heard_test_ui_wait_for_window ("HeardStatementEditor");
  form = HEARD_STATEMENT_FORM (heard_test_ui_find_descendant (GTK_WIDGET (editor),
                                                              HEARD_TYPE_STATEMENT_FORM, NULL));
  words = heard_statement_form_get_words_view (form);
  context = heard_statement_form_get_context_view (form);

  /* Every text field but the worker's context is hers: her words and her
   * own note or disagreement. */
  collect_text_views (GTK_WIDGET (form), text_views);
  g_assert_cmpuint (text_views->len, ==, 3);
  for (guint i = 0; i < text_views->len; i++)
    if (g_ptr_array_index (text_views, i) != context)
      g_ptr_array_add (theirs, g_ptr_array_index (text_views, i));
  g_assert_cmpuint (theirs->len, ==, 2);
  g_assert_true (g_ptr_array_find (theirs, words, NULL));

  /* Her fields are filled first, so by the time the worker's context has
   * been checked after its pause, any check they set off has run too. */
  set_text_view (words, FIRST_WORDS);
  for (guint i = 0; i < theirs->len; i++)
    if (g_ptr_array_index (theirs, i) != words)
      type_into (g_ptr_array_index (theirs, i), THEIR_NOTE);
  set_text_view (context, CONTEXT);

  /* The worker's words are underlined where they blame her, by the checker
   * on its own once typing pauses… */
  g_assert_false (context_underlined (context));
  heard_test_ui_wait_until (context_underlined, context,
                            "the checker to underline the worker's context");
  g_assert_false (underlined_at (context, "lifts"));
  hint = heard_test_ui_find_by_css_class (GTK_WIDGET (form), "language-hint");
  g_assert_true (gtk_widget_get_visible (hint));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (hint)), "2 phrases"));

  /* …her own words, never: not after the pause, not while she types more,
   * however long she waits. They are kept exactly as she said them. */
  heard_test_ui_hold (none_underlined, theirs, NEVER_MARKED_MS,
                      "nothing underlined in the young person's own words");
  type_into (words, " I'm not a child prostitute.");
  heard_test_ui_hold (none_underlined, theirs, NEVER_MARKED_MS,
                      "nothing underlined in the young person's own words as she types");
  g_assert_true (context_underlined (context));
  set_text_view (words, FIRST_WORDS);

  /* Suggesting never blocks: it saves as written. */
  heard_test_ui_save_dialog (editor, "HeardStatementEditor");
  wait_for_statements (statements_view (), 1);
  g_assert_cmpstr (heard_statement_get_text (listed (statements_view (), 0),
                                             HEARD_STATEMENT_CONTEXT), ==, CONTEXT);

  answer_then_tell (statements_view ());

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

static void
test_record_amend_answer_find (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *today = heard_today_iso_date ();
  HeardStatementsView *view;
  HeardStatementHistory *history;
  HeardStatementSearch *search;
  HeardStatementForm *form;
  GtkWindow *dialog;
  GtkWidget *card, *snippet, *row;
  Expected none;
  gint64 id;

  start_with_amira (data_dir);
  view = statements_view ();
  heard_test_ui_assert_every_control_named (GTK_WIDGET (heard_test_ui_active_window (the_app)));

  /* Recorded: listed in her words, and waiting for an answer. */
  id = record_words (FIRST_WORDS, "Said while we walked to the bus stop.", FALSE);
  g_assert_cmpstr (heard_statement_get_words (listed (view, 0)), ==, FIRST_WORDS);
  card = heard_statements_view_get_card (view, id);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (heard_test_ui_find_by_css_class (card,
                                                                                 "their-words"))),
                   ==, FIRST_WORDS);
  g_assert_true (heard_statement_card_get_words_shown (HEARD_STATEMENT_CARD (card)));
  /* Its row is named by when it was said and its first words. */
  {
    g_autofree char *name = heard_test_ui_dup_accessible_label (gtk_widget_get_parent (card));

    g_assert_nonnull (name);
    g_assert_nonnull (strstr (name, ": He said he's my boyfriend and I owe…"));
  }
  g_assert_cmpuint (heard_statements_view_get_n_outstanding (view), ==, 1);
  g_assert_cmpuint (statements_badge (), ==, 1);
  heard_test_ui_assert_every_control_named (GTK_WIDGET (view));

  /* Amending needs a reason: refused kindly, everything typed kept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "statements.amend", "x", id));
  dialog = heard_test_ui_wait_for_window ("HeardAmendmentDialog");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));
  form = HEARD_STATEMENT_FORM (heard_test_ui_find_descendant (GTK_WIDGET (dialog),
                                                              HEARD_TYPE_STATEMENT_FORM, NULL));
  set_text_view (heard_statement_form_get_words_view (form), AMENDED_WORDS);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  g_assert_nonnull (heard_dialog_get_error (HEARD_DIALOG (dialog)));
  g_assert_nonnull (heard_test_ui_find_window ("HeardAmendmentDialog"));

  heard_test_ui_set_row_text (GTK_WIDGET (dialog),
                              "Reason (for example: they told us we misheard a name)",
                              "Read back to her: she added the phone.");
  heard_test_ui_save_dialog (dialog, "HeardAmendmentDialog");
  heard_test_ui_wait_until (newest_is_version_2, view, "the amended statement");
  g_assert_cmpstr (heard_statement_get_words (listed (view, 0)), ==, AMENDED_WORDS);

  /* The history keeps the original beside the amendment, with the reason. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "statements.history", "x", id));
  history = HEARD_STATEMENT_HISTORY (heard_test_ui_wait_for_window ("HeardStatementHistory"));
  heard_test_ui_wait_until (history_loaded, history, "the history");
  heard_test_ui_assert_no_title_names ("Mira");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (history));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (heard_test_ui_find_by_css_class (
                     heard_statement_history_get_card (history, 0), "their-words"))),
                   ==, FIRST_WORDS);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (heard_test_ui_find_by_css_class (
                     heard_statement_history_get_card (history, 1), "their-words"))),
                   ==, AMENDED_WORDS);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (heard_test_ui_find_by_css_class (
                              heard_statement_history_get_card (history, 1), "amendment-reason"))),
                            "she added the phone"));
  gtk_window_close (GTK_WINDOW (history));
  heard_test_ui_wait_window_gone ("HeardStatementHistory");

  /* Answered, and she was told today: nothing outstanding any more. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "statements.answer", "x", id));
  dialog = heard_test_ui_wait_for_window ("HeardResponseDialog");
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));
  set_text_view (GTK_TEXT_VIEW (heard_test_ui_find_descendant (GTK_WIDGET (dialog),
                                                               GTK_TYPE_TEXT_VIEW, NULL)),
                 "We told the police, with your agreement, and changed your bus route.");
  row = heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                      "They have been told");
  gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row))),
                         TRUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (heard_test_ui_find_descendant (
                     GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL))), ==, today);
  heard_test_ui_save_dialog (dialog, "HeardResponseDialog");
  none = (Expected) { view, 0 };
  heard_test_ui_wait_until (outstanding_is, &none, "nothing outstanding");
  g_assert_cmpuint (statements_badge (), ==, 0);
  g_assert_cmpint (heard_statement_get_reply_state (listed (view, 0)), ==, HEARD_REPLY_TOLD);

  /* Someone else is shown now; a search finds her words and goes to them. */
  heard_test_ui_add_person (the_app, "Jordan Lee", "");
  g_assert_cmpstr (heard_person_get_display_name (heard_person_page_get_person (person_page ())),
                   ==, "Jordan Lee");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (heard_test_ui_active_window (the_app)),
                                             "win.search-statements", NULL));
  search = HEARD_STATEMENT_SEARCH (heard_test_ui_wait_for_window ("HeardStatementSearch"));
  heard_test_ui_assert_every_control_named (GTK_WIDGET (search));
  gtk_editable_set_text (heard_statement_search_get_entry (search), "marmal");
  heard_test_ui_wait_until (search_finds_one, search, "one statement found");
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (heard_statement_search_get_list (search), 0));
  snippet = heard_test_ui_find_by_css_class (row, "search-snippet");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (snippet)), "<b>marmalade</b>"));

  gtk_widget_activate (row);
  heard_test_ui_wait_window_gone ("HeardStatementSearch");
  g_assert_cmpstr (heard_person_get_display_name (heard_person_page_get_person (person_page ())),
                   ==, "Amira Khan");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (person_view_stack ()), ==,
                   "statements");
  wait_for_statements (view, 1);
  card = heard_statements_view_get_card (view, id);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_has_css_class (card, "found-statement"));

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

static gboolean
newest_is_sensitive (gpointer data)
{
  HeardStatementsView *view = data;

  return heard_statement_get_sensitive (listed (view, 0));
}

/* Whether @text can be seen anywhere in @root. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_visible (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (shows_text (child, text))
        return TRUE;
    }

  return FALSE;
}

/* Copies all of @dialog's words field the way Ctrl+C does, and checks they
 * went onto the clipboard marked secret. */
static void
assert_words_copied_secretly (GtkWindow  *dialog,
                              const char *words)
{
  HeardStatementForm *form =
    HEARD_STATEMENT_FORM (heard_test_ui_find_descendant (GTK_WIDGET (dialog),
                                                         HEARD_TYPE_STATEMENT_FORM, NULL));
  GtkTextView *view = heard_statement_form_get_words_view (form);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "clipboard.copy", NULL));
  heard_test_ui_assert_secret_on_clipboard (gtk_widget_get_clipboard (GTK_WIDGET (view)), words);
  heard_clipboard_clear_secret ();
}

static void
test_sensitive_stays_hidden (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  HeardStatementsView *view;
  HeardStatementHistory *history;
  HeardStatementSearch *search;
  HeardStatementCard *card;
  GdkClipboard *clipboard;
  GtkWindow *dialog;
  GtkWidget *words;
  GtkWidget *row;
  char *name;
  gint64 id;

  start_with_amira (data_dir);
  view = statements_view ();
  id = record_words ("They kept me in the flat above the takeaway.",
                     "She was shaking while she told me.", FALSE);

  /* She asks for it to be kept behind a note: an amendment, with her reason. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "statements.amend", "x", id));
  dialog = heard_test_ui_wait_for_window ("HeardAmendmentDialog");
  row = heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Sensitive");
  gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row))),
                         TRUE);
  heard_test_ui_set_row_text (GTK_WIDGET (dialog),
                              "Content note (what a reader should know first)",
                              "Describes being held against her will");
  /* Marked sensitive, its words leave the editor only as a secret. */
  assert_words_copied_secretly (dialog, "They kept me in the flat above the takeaway.");
  heard_test_ui_set_row_text (GTK_WIDGET (dialog),
                              "Reason (for example: they told us we misheard a name)",
                              "She asked for it to be kept behind a note.");
  heard_test_ui_save_dialog (dialog, "HeardAmendmentDialog");
  heard_test_ui_wait_until (newest_is_sensitive, view, "the statement to be sensitive");

  /* Behind its content note until someone chooses to read it. */
  card = HEARD_STATEMENT_CARD (heard_statements_view_get_card (view, id));
  g_assert_false (heard_statement_card_get_words_shown (card));
  g_assert_false (gtk_widget_get_mapped (heard_test_ui_find_by_css_class (GTK_WIDGET (card),
                                                                          "their-words")));
  /* The worker's context can say as much, so it waits behind the note too. */
  g_assert_false (shows_text (GTK_WIDGET (card), "She was shaking while she told me."));
  /* Its row says which statement it is, never the hidden words. */
  name = heard_test_ui_dup_accessible_label (gtk_widget_get_parent (GTK_WIDGET (card)));
  g_assert_nonnull (strstr (name, "Sensitive statement"));
  g_assert_null (strstr (name, "flat"));
  g_clear_pointer (&name, g_free);

  /* Amending it starts behind the same note. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "statements.amend", "x", id));
  dialog = heard_test_ui_wait_for_window ("HeardAmendmentDialog");
  /* No window's title, which a taskbar shows, names her. */
  heard_test_ui_assert_no_title_names ("Amira");
  heard_test_ui_assert_no_title_names ("Mira");
  g_assert_false (gtk_widget_get_mapped (heard_test_ui_find_descendant (
                                           GTK_WIDGET (dialog), HEARD_TYPE_STATEMENT_FORM, NULL)));
  gtk_window_close (dialog);
  heard_test_ui_wait_window_gone ("HeardAmendmentDialog");

  heard_statement_card_show_words (card);
  g_assert_true (heard_statement_card_get_words_shown (card));
  g_assert_true (shows_text (GTK_WIDGET (card), "She was shaking while she told me."));

  /* Copied out, the words go marked secret, and do not linger. */
  words = heard_test_ui_find_by_css_class (GTK_WIDGET (card), "their-words");
  gtk_label_select_region (GTK_LABEL (words), 0, -1);
  _heard_clipboard_set_clear_after_ms (500);
  g_assert_true (gtk_widget_activate_action (words, "clipboard.copy", NULL));
  clipboard = gtk_widget_get_clipboard (words);
  heard_test_ui_assert_secret_on_clipboard (clipboard,
                                            "They kept me in the flat above the takeaway.");
  heard_test_ui_wait_clipboard_empty (clipboard, "the copied words to be cleared");
  _heard_clipboard_set_clear_after_ms (30 * 1000);

  /* Its history hides the earlier, open version too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "statements.history", "x", id));
  history = HEARD_STATEMENT_HISTORY (heard_test_ui_wait_for_window ("HeardStatementHistory"));
  heard_test_ui_wait_until (history_loaded, history, "the history");
  for (guint i = 0; i < 2; i++)
    g_assert_false (heard_statement_card_get_words_shown (
                      HEARD_STATEMENT_CARD (heard_statement_history_get_card (history, i))));
  gtk_window_close (GTK_WINDOW (history));
  heard_test_ui_wait_window_gone ("HeardStatementHistory");

  /* A search finds it, but shows only the content note. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (heard_test_ui_active_window (the_app)),
                                             "win.search-statements", NULL));
  search = HEARD_STATEMENT_SEARCH (heard_test_ui_wait_for_window ("HeardStatementSearch"));
  gtk_editable_set_text (heard_statement_search_get_entry (search), "takeaway");
  heard_test_ui_wait_until (search_finds_one, search, "one statement found");
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (heard_statement_search_get_list (search), 0));
  g_assert_null (heard_test_ui_find_by_css_class (row, "search-snippet"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (heard_test_ui_find_by_css_class (
                              row, "content-note"))), "Describes being held"));
  /* The worker's note, written without a stop, still ends its sentence. */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (heard_test_ui_find_by_css_class (
                              row, "content-note"))), "against her will. The matching words"));
  /* Its row is named without the hidden words. */
  name = heard_test_ui_dup_accessible_label (row);
  g_assert_nonnull (strstr (name, "Sensitive statement"));
  g_assert_null (strstr (name, "takeaway"));
  g_clear_pointer (&name, g_free);
  gtk_window_close (GTK_WINDOW (search));

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

/* Kept sensitive without a note of its own, it is found behind the general
 * note, the one its card shows, in a whole sentence. */
static void
test_search_shows_general_note (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  HeardStatementsView *view;
  HeardStatementSearch *search;
  GtkWindow *dialog;
  GtkWidget *row;
  const char *note;
  gint64 id;

  start_with_amira (data_dir);
  view = statements_view ();
  id = record_words ("He took my phone at the bus station.", "", FALSE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "statements.amend", "x", id));
  dialog = heard_test_ui_wait_for_window ("HeardAmendmentDialog");
  row = heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Sensitive");
  gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row))),
                         TRUE);
  heard_test_ui_set_row_text (GTK_WIDGET (dialog),
                              "Reason (for example: they told us we misheard a name)",
                              "She asked for it to be kept behind a note.");
  heard_test_ui_save_dialog (dialog, "HeardAmendmentDialog");
  heard_test_ui_wait_until (newest_is_sensitive, view, "the statement to be sensitive");
  g_assert_cmpstr (heard_statement_get_text (listed (view, 0), HEARD_STATEMENT_CONTENT_NOTE),
                   ==, "");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (heard_test_ui_active_window (the_app)),
                                             "win.search-statements", NULL));
  search = HEARD_STATEMENT_SEARCH (heard_test_ui_wait_for_window ("HeardStatementSearch"));
  gtk_editable_set_text (heard_statement_search_get_entry (search), "station");
  heard_test_ui_wait_until (search_finds_one, search, "one statement found");
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (heard_statement_search_get_list (search), 0));
  g_assert_null (heard_test_ui_find_by_css_class (row, "search-snippet"));
  note = gtk_label_get_text (GTK_LABEL (heard_test_ui_find_by_css_class (row, "content-note")));
  g_assert_true (g_str_has_prefix (note, "Content note: This may describe harm and could be "
                                         "upsetting to read. The matching words"));
  gtk_window_close (GTK_WINDOW (search));

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

static void
count_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GPtrArray *read = heard_case_file_read_finish (HEARD_CASE_FILE (object), result, NULL);
  guint *n_left = user_data;

  g_clear_pointer (&read, g_ptr_array_unref);
  (*n_left)--;
}

static gboolean
is_zero (gpointer data)
{
  return *(guint *) data == 0;
}

/* How many reads queue ahead of the save, so that it is still waiting its
 * turn when the editor closes. */
#define N_READS_AHEAD 500

/* The editor closed the moment Save was pressed, while the save waits its
 * turn: the statement is still recorded, and shows. */
static void
test_editor_closed_mid_save (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autoptr(HeardContext) context = NULL;
  g_autoptr(HeardCaseFile) case_file = NULL;
  HeardStatementsView *view;
  HeardStatementForm *form;
  GtkWindow *editor;
  guint n_left = N_READS_AHEAD;

  start_with_amira (data_dir);
  view = statements_view ();
  g_object_get (heard_test_ui_active_window (the_app), "context", &context, NULL);
  case_file = heard_case_file_open (context, heard_person_page_get_person (person_page ()));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "statements.record", NULL));
  editor = heard_test_ui_wait_for_window ("HeardStatementEditor");
  form = HEARD_STATEMENT_FORM (heard_test_ui_find_descendant (GTK_WIDGET (editor),
                                                              HEARD_TYPE_STATEMENT_FORM, NULL));
  set_text_view (heard_statement_form_get_words_view (form), FIRST_WORDS);
  for (guint i = 0; i < N_READS_AHEAD; i++)
    heard_case_file_list_linkable_actions_async (case_file, NULL, count_read_cb, &n_left);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "dialog.save", NULL));
  gtk_window_destroy (editor);

  wait_for_statements (view, 1);
  g_assert_cmpstr (heard_statement_get_text (listed (view, 0), HEARD_STATEMENT_WORDS), ==,
                   FIRST_WORDS);
  heard_test_ui_wait_until (is_zero, &n_left, "the reads ahead of the save");
  g_clear_object (&case_file);
  g_clear_object (&context);

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

/* The day a statement was given starts as today, shown as the locale
 * writes it, and that alone is no change to ask about on closing; a box
 * holding more than is kept is named, beside it. */
static void
test_editor_day_and_boxes (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *today = heard_today_iso_date ();
  g_autofree char *today_shown = heard_test_ui_dup_shown_day (today);
  g_autofree char *long_text = g_strnfill (HEARD_STATEMENT_MAX_WORDS_CHARS + 1, 'a');
  HeardStatementsView *view;
  HeardStatementForm *form;
  GtkWindow *editor;
  GtkWidget *day, *context;

  start_with_amira (data_dir);
  view = statements_view ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "statements.record", NULL));
  editor = heard_test_ui_wait_for_window ("HeardStatementEditor");
  day = heard_test_ui_find_descendant (GTK_WIDGET (editor), HEARD_TYPE_DATE_ROW, "Day");
  g_assert_nonnull (day);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (day)), ==, today_shown);
  gtk_window_close (editor);
  g_assert_null (heard_test_ui_find_window ("AdwMessageDialog"));
  heard_test_ui_wait_window_gone ("HeardStatementEditor");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "statements.record", NULL));
  editor = heard_test_ui_wait_for_window ("HeardStatementEditor");
  form = HEARD_STATEMENT_FORM (heard_test_ui_find_descendant (GTK_WIDGET (editor),
                                                              HEARD_TYPE_STATEMENT_FORM, NULL));
  set_text_view (heard_statement_form_get_words_view (form), FIRST_WORDS);
  context = GTK_WIDGET (heard_statement_form_get_context_view (form));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (context)), long_text, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "dialog.save", NULL));
  g_assert_nonnull (heard_test_ui_find_window ("HeardStatementEditor"));
  heard_test_ui_assert_field_error (context, "“Your context and observations” holds more than "
                                             "Heard can keep (at most 100000 characters)");
  set_text_view (GTK_TEXT_VIEW (context), "Said on the way to college.");
  heard_test_ui_assert_no_field_error (context);
  heard_test_ui_save_dialog (editor, "HeardStatementEditor");
  wait_for_statements (view, 1);
  /* Kept in the stored form, whatever the field showed. */
  g_assert_cmpstr (heard_statement_get_text (listed (view, 0), HEARD_STATEMENT_GIVEN_ON), ==,
                   today);

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

typedef struct
{
  GtkListBox *list;
  guint       count;
} StoryRows;

static gboolean
story_lists (gpointer data)
{
  StoryRows *rows = data;

  return gtk_widget_get_mapped (GTK_WIDGET (rows->list)) &&
         gtk_list_box_get_row_at_index (rows->list, (int) rows->count - 1) != NULL &&
         gtk_list_box_get_row_at_index (rows->list, (int) rows->count) == NULL;
}

/* "Who has seen my story", as the young person reads it: opening her
 * record and reading a private statement are listed, newest first, each
 * naming the member of staff and the day, read whole by a screen reader
 * and reached by the keyboard, and the private words never shown. */
static void
test_story_lists_opening_and_reading (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autoptr(HeardStaff) caseworker = heard_staff_new (HEARD_STAFF_CASEWORKER);
  g_autoptr(HeardContext) context = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today_shown = NULL;
  g_autofree char *read_said = NULL;
  g_autofree char *opened_said = NULL;
  g_autofree char *name = NULL;
  HeardStatementCard *card;
  GtkWidget *story;
  StoryRows rows;
  GtkWidget *row;
  GDate today;
  gint64 id;

  /* The day in words, "7 December 2026", as the young person reads it. */
  heard_date_today (&today);
  today_shown = heard_date_format (&today);

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  g_object_get (heard_test_ui_active_window (the_app), "context", &context, NULL);
  heard_staff_set_name (caseworker, "Alex Morgan");
  heard_context_save_staff_async (context, caseworker, NULL, NULL, heard_test_store_result_cb,
                                  &result);
  heard_test_wait (&result);
  heard_context_save_staff_finish (context, result, &error);
  g_assert_no_error (error);
  /* The window's context is let go of before it stops. */
  g_clear_object (&result);
  g_clear_object (&context);

  heard_test_ui_add_person (the_app, "Amira Khan", "Mira");
  heard_person_page_show_view (person_page (), "statements");
  id = record_words ("They kept me in the flat above the takeaway.",
                     "She was shaking while she told me.", TRUE);
  card = HEARD_STATEMENT_CARD (heard_statements_view_get_card (statements_view (), id));
  heard_statement_card_show_words (card);

  heard_person_page_show_view (person_page (), "story");
  story = heard_test_ui_find_descendant (GTK_WIDGET (person_page ()), HEARD_TYPE_STORY_VIEW,
                                         NULL);
  rows.list = GTK_LIST_BOX (heard_test_ui_find_by_css_class (story, "story-list"));
  rows.count = 2;
  heard_test_ui_wait_until (story_lists, &rows, "the opening and the reading to be listed");

  read_said = g_strdup_printf ("Alex Morgan read something private you said, on %s. "
                               "The note on it says: “Describes being threatened.”",
                               today_shown);
  opened_said = g_strdup_printf ("Alex Morgan looked at your record on %s.", today_shown);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (rows.list, 0));
  name = heard_test_ui_dup_accessible_label (row);
  g_assert_cmpstr (name, ==, read_said);
  g_assert_null (strstr (name, "takeaway"));
  g_assert_true (gtk_widget_get_focusable (row));
  g_clear_pointer (&name, g_free);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (rows.list, 1));
  name = heard_test_ui_dup_accessible_label (row);
  g_assert_cmpstr (name, ==, opened_said);
  g_assert_true (gtk_widget_grab_focus (row));
  heard_test_ui_screenshot (GTK_WINDOW (heard_test_ui_active_window (the_app)), "story");

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

/* The first label below @root whose text holds @text, or NULL. */
static GtkWidget *
find_label_holding (GtkWidget  *root,
                    const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_visible (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_holding (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
newest_consent_withdrawn (gpointer data)
{
  return *heard_statement_get_consent_withdrawn_on (listed (data, 0)) != '\0';
}

static gboolean
plan_is_shown (gpointer data)
{
  return heard_plan_view_get_plan (data) != NULL;
}

/* Consent given until a day in the editor, shown on the card in plain
 * words; withdrawn through Change Consent… (a day in the future refused
 * beside its field), after which the card says so and the export dialog
 * leaves the statement out, saying why. */
static void
test_consent_withdrawn (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *today = heard_today_iso_date ();
  g_autofree char *today_said = heard_date_describe (today);
  g_autofree char *withdrawn_says = g_strdup_printf ("Consent withdrawn on %s", today_said);
  g_autofree char *left_out_says = g_strdup_printf ("they withdrew consent on %s", today_said);
  HeardStatementsView *view;
  HeardStatementForm *form;
  GtkWindow *editor, *dialog;
  GtkWidget *card, *until, *ends_on, *row, *withdrawn_on, *consent, *page, *plan_view, *group;
  GDate tomorrow;
  g_autofree char *tomorrow_iso = NULL;
  gint64 id;

  start_with_amira (data_dir);
  view = statements_view ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "statements.record", NULL));
  editor = heard_test_ui_wait_for_window ("HeardStatementEditor");
  form = HEARD_STATEMENT_FORM (heard_test_ui_find_descendant (GTK_WIDGET (editor),
                                                              HEARD_TYPE_STATEMENT_FORM, NULL));
  set_text_view (heard_statement_form_get_words_view (form), FIRST_WORDS);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (heard_test_ui_find_by_name (GTK_WIDGET (editor),
                                                                            "share-school")),
                               TRUE);
  /* Until they say otherwise, unless a day is chosen. */
  until = heard_test_ui_find_descendant (GTK_WIDGET (editor), HEARD_TYPE_CHOICE_ROW, "Until");
  ends_on = heard_test_ui_find_descendant (GTK_WIDGET (editor), HEARD_TYPE_DATE_ROW,
                                           "Last day their consent holds");
  g_assert_cmpstr (heard_choice_row_get_chosen_id (HEARD_CHOICE_ROW (until)), ==, "open");
  g_assert_false (gtk_widget_get_visible (ends_on));
  g_assert_true (heard_choice_row_choose_id (HEARD_CHOICE_ROW (until), "day"));
  g_assert_true (gtk_widget_get_visible (ends_on));
  heard_test_ui_assert_every_control_named (GTK_WIDGET (editor));
  gtk_editable_set_text (GTK_EDITABLE (ends_on), "2099-03-03");
  heard_test_ui_save_dialog (editor, "HeardStatementEditor");
  wait_for_statements (view, 1);
  id = heard_statement_get_id (listed (view, 0));
  g_assert_cmpstr (heard_statement_get_consent_ends_on (listed (view, 0)), ==, "2099-03-03");
  card = heard_statements_view_get_card (view, id);
  consent = find_label_holding (card, "until 3 March 2099");
  g_assert_nonnull (consent);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (consent)), "May be shared with"));
  g_assert_false (gtk_widget_has_css_class (consent, "warning"));

  /* Change Consent… is a button of the card, named for screen readers. */
  heard_test_ui_assert_every_control_named (card);
  g_assert_true (gtk_widget_get_visible (heard_test_ui_find_by_name (card, "change-consent")));
  g_assert_true (gtk_widget_activate_action (card, "statements.consent", "x", id));
  dialog = heard_test_ui_wait_for_window ("HeardConsentDialog");
  /* It says which agencies the consent covers. */
  g_assert_nonnull (find_label_holding (GTK_WIDGET (dialog), "to be shared with School or college"));
  heard_test_ui_assert_every_control_named (GTK_WIDGET (dialog));
  row = heard_test_ui_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                       "They Withdrew Consent");
  withdrawn_on = heard_test_ui_find_descendant (GTK_WIDGET (dialog), HEARD_TYPE_DATE_ROW,
                                                "Day they withdrew it");
  gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row))),
                         TRUE);
  /* Not in the future: said beside the field, the dialog kept. */
  heard_date_today (&tomorrow);
  g_date_add_days (&tomorrow, 1);
  tomorrow_iso = heard_date_to_iso (&tomorrow);
  gtk_editable_set_text (GTK_EDITABLE (withdrawn_on), tomorrow_iso);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  g_assert_nonnull (heard_test_ui_find_window ("HeardConsentDialog"));
  heard_test_ui_assert_field_error (withdrawn_on, "in the future");
  /* Today by default. */
  gtk_editable_set_text (GTK_EDITABLE (withdrawn_on), today);
  heard_test_ui_save_dialog (dialog, "HeardConsentDialog");
  heard_test_ui_wait_until (newest_consent_withdrawn, view, "consent to be withdrawn");

  card = heard_statements_view_get_card (view, id);
  g_assert_true (shows_text (card, withdrawn_says));
  consent = find_label_holding (card, withdrawn_says);
  g_assert_true (gtk_widget_has_css_class (consent, "warning"));

  /* The export dialog leaves it out, and says why. */
  page = GTK_WIDGET (person_page ());
  heard_person_page_show_view (person_page (), "plan");
  plan_view = heard_test_ui_find_descendant (page, HEARD_TYPE_PLAN_VIEW, NULL);
  g_assert_true (gtk_widget_activate_action (plan_view, "plan.start", NULL));
  heard_test_ui_wait_until (plan_is_shown, plan_view, "the new plan");
  g_assert_true (gtk_widget_activate_action (plan_view, "plan.export", NULL));
  dialog = heard_test_ui_wait_for_window ("HeardExportDialog");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (heard_test_ui_find_descendant (
                                 heard_test_ui_find_descendant (GTK_WIDGET (dialog),
                                                                ADW_TYPE_ACTION_ROW,
                                                                "An agency"),
                                 GTK_TYPE_CHECK_BUTTON, NULL)), TRUE);
  g_assert_true (heard_choice_row_choose_id (HEARD_CHOICE_ROW (heard_test_ui_find_descendant (
                                               GTK_WIDGET (dialog), HEARD_TYPE_CHOICE_ROW, NULL)),
                                             "school"));
  group = heard_test_ui_find_by_name (GTK_WIDGET (dialog), "their-words");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                            left_out_says));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                            "None of their words will go in."));
  g_assert_false (shows_text (GTK_WIDGET (dialog), FIRST_WORDS));
  gtk_window_close (dialog);
  heard_test_ui_wait_window_gone ("HeardExportDialog");

  /* Words they agreed to share with no agency have no consent to change:
   * the card says so, and offers no Change Consent…. */
  heard_person_page_show_view (person_page (), "statements");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "statements.record", NULL));
  editor = heard_test_ui_wait_for_window ("HeardStatementEditor");
  form = HEARD_STATEMENT_FORM (heard_test_ui_find_descendant (GTK_WIDGET (editor),
                                                              HEARD_TYPE_STATEMENT_FORM, NULL));
  set_text_view (heard_statement_form_get_words_view (form), AMENDED_WORDS);
  heard_test_ui_save_dialog (editor, "HeardStatementEditor");
  wait_for_statements (view, 2);
  {
    HeardStatement *other = heard_statement_get_id (listed (view, 0)) == id ? listed (view, 1)
                                                                           : listed (view, 0);

    card = heard_statements_view_get_card (view, heard_statement_get_id (other));
  }
  g_assert_nonnull (find_label_holding (card,
                                        "They have not agreed to it being shared with any agency"));
  g_assert_false (gtk_widget_get_visible (heard_test_ui_find_by_name (card, "change-consent")));

  heard_test_ui_stop (the_app);
  heard_test_remove_dir (data_dir);
}

int
main (int   argc,
      char *argv[])
{
  the_app = heard_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/statements/language-checker", test_language_checker_in_editor);
  g_test_add_func ("/ui/statements/record-amend-answer-find", test_record_amend_answer_find);
  g_test_add_func ("/ui/statements/sensitive-stays-hidden", test_sensitive_stays_hidden);
  g_test_add_func ("/ui/statements/search-shows-general-note", test_search_shows_general_note);
  g_test_add_func ("/ui/statements/editor-closed-mid-save", test_editor_closed_mid_save);
  g_test_add_func ("/ui/statements/editor-day-and-boxes", test_editor_day_and_boxes);
  g_test_add_func ("/ui/statements/story-lists-opening-and-reading",
                   test_story_lists_opening_and_reading);
  g_test_add_func ("/ui/statements/consent-withdrawn", test_consent_withdrawn);

  return g_test_run ();
}

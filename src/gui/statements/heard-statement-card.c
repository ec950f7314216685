/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-statement-card"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-agency.h"
#include "heard-content-note.h"
#include "heard-date.h"
#include "heard-directory-list.h"
#include "heard-statement-card.h"
#include "heard-text-fields.h"
#include "heard-for-them-row.h"
#include "heard-widgets.h"

struct _HeardStatementCard
{
  AdwBin          parent_instance;

  HeardStatement *statement;

  GtkLabel       *heading_label;
  GtkLabel       *reason_label;
  HeardContentNote *words_note;
  GtkLabel       *words_label;
  GtkLabel       *details_label;
  GtkLabel       *consent_label;
  GtkWidget      *their_note_box;
  GtkLabel       *their_note_label;
  GtkWidget      *context_box;
  GtkBox         *context_header;
  GtkLabel       *context_label;
  GtkWidget      *replies_box;
  GtkLabel       *reply_state_label;
  GtkBox         *responses_box;
  GtkWidget      *buttons_box;
  GtkWidget      *answer_button;
  GtkWidget      *amend_button;
  GtkWidget      *history_button;
  GtkWidget      *consent_button;
};

G_DEFINE_FINAL_TYPE (HeardStatementCard, heard_statement_card, ADW_TYPE_BIN)

static void
show_text (GtkWidget  *box,
           GtkLabel   *label,
           const char *text,
           gboolean    revealed)
{
  heard_label_set_words (label, text);
  gtk_widget_set_visible (box, revealed && !heard_text_is_blank (text));
}

/* Their note and the worker's context can say as much as their words: on a
 * sensitive statement they stay behind the same content note. */
static void
show_private_parts (HeardStatementCard *self)
{
  gboolean revealed = heard_statement_card_get_words_shown (self);

  show_text (self->their_note_box, self->their_note_label,
             heard_statement_get_text (self->statement, HEARD_STATEMENT_THEIR_NOTE), revealed);
  show_text (self->context_box, self->context_label,
             heard_statement_get_text (self->statement, HEARD_STATEMENT_CONTEXT), revealed);
}

/* Consent is to kinds of agency; with the directory, each kind is said
 * with the agencies of it that the consent covers today. */
static char *
describe_agencies (HeardStatement *statement,
                   GListModel     *directory)
{
  const char *share_with = heard_statement_get_text (statement, HEARD_STATEMENT_SHARE_WITH);

  return directory != NULL
         ? heard_directory_list_describe_kinds (HEARD_DIRECTORY_LIST (directory), share_with)
         : heard_agency_list_to_label (share_with);
}

/* Their consent as it stands today, in plain words, and whether it is
 * one to warn of: ended or withdrawn. */
static char *
describe_consent (HeardStatement *statement,
                  GListModel     *directory,
                  gboolean       *lapsed)
{
  g_autofree char *agencies = describe_agencies (statement, directory);
  g_autofree char *ends_on = NULL;
  g_autofree char *withdrawn_on = NULL;
  GDate today;

  heard_date_today (&today);
  *lapsed = TRUE;
  switch (heard_statement_get_consent_state (statement, &today))
    {
    case HEARD_CONSENT_WITHDRAWN:
      withdrawn_on = heard_date_describe (heard_statement_get_consent_withdrawn_on (statement));
      /* TRANSLATORS: %s is a day, "5 March 2027" */
      return g_strdup_printf (_("Consent withdrawn on %s"), withdrawn_on);

    case HEARD_CONSENT_ENDED:
      ends_on = heard_date_describe (heard_statement_get_consent_ends_on (statement));
      /* TRANSLATORS: %s is a day, "3 March 2027" */
      return g_strdup_printf (_("Consent ended on %s"), ends_on);

    case HEARD_CONSENT_HOLDS:
    default:
      break;
    }

  *lapsed = FALSE;
  if (*agencies == '\0')
    return g_strdup (_("They have not agreed to it being shared with any agency"));
  if (*heard_statement_get_consent_ends_on (statement) == '\0')
    /* TRANSLATORS: %s names agencies, "Police, School or college" */
    return g_strdup_printf (_("May be shared with %s until they say otherwise"), agencies);

  ends_on = heard_date_describe (heard_statement_get_consent_ends_on (statement));
  /* TRANSLATORS: %s names agencies, "Police, School or college", then a day,
   * "3 March 2027" */
  return g_strdup_printf (_("May be shared with %s until %s"), agencies, ends_on);
}

/* In a list, consent is said as it stands today (consent_label); in the
 * history, each version says what it agreed. */
static char *
describe_details (HeardStatement         *statement,
                  HeardStatementCardMode  mode,
                  GListModel             *directory)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *place = heard_statement_get_text (statement, HEARD_STATEMENT_PLACE);
  const char *present = heard_statement_get_text (statement, HEARD_STATEMENT_PRESENT);
  g_autofree char *agencies = describe_agencies (statement, directory);

  if (mode == HEARD_STATEMENT_CARD_LIST && heard_statement_get_version (statement) > 1)
    g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "Amended %u time; the original is "
                                                          "kept in its history",
                                                          "Amended %u times; the original is "
                                                          "kept in its history",
                                                          heard_statement_get_version (statement)
                                                          - 1),
                                             heard_statement_get_version (statement) - 1));
  if (*place != '\0')
    /* TRANSLATORS: where a statement was given */
    g_ptr_array_add (lines, g_strdup_printf (_("Where: %s"), place));
  if (*present != '\0')
    g_ptr_array_add (lines, g_strdup_printf (_("Who was there: %s"), present));
  g_ptr_array_add (lines,
                   g_strdup (heard_read_back_label (heard_statement_get_read_back (statement))));
  if (mode != HEARD_STATEMENT_CARD_LIST)
    g_ptr_array_add (lines, *agencies != '\0'
                            ? g_strdup_printf (_("They agree it may be shared with: %s"), agencies)
                            : g_strdup (_("They have not agreed to it being shared with any "
                                          "agency")));
  g_ptr_array_add (lines, NULL);

  return g_strjoinv ("\n", (char **) lines->pdata);
}

static char *
describe_heading (HeardStatement         *statement,
                  HeardStatementCardMode  mode)
{
  g_autofree char *saved_at =
    heard_date_describe_moment (heard_statement_get_saved_at (statement));
  g_autofree char *when = NULL;
  guint version = heard_statement_get_version (statement);

  if (mode == HEARD_STATEMENT_CARD_HISTORY && version == 1)
    /* TRANSLATORS: a person, then a time: "Original, saved by Sam Okafor on 3 May 2024, 14:30" */
    return g_strdup_printf (_("Original, saved by %s on %s"),
                            heard_statement_get_saved_by (statement), saved_at);

  if (mode == HEARD_STATEMENT_CARD_HISTORY)
    /* TRANSLATORS: "Amendment 1, saved by Sam Okafor on 3 May 2024, 14:30" */
    return g_strdup_printf (_("Amendment %u, saved by %s on %s"), version - 1,
                            heard_statement_get_saved_by (statement), saved_at);

  when = heard_statement_dup_when_text (statement);
  /* TRANSLATORS: when and how a statement was given: "3 May 2024, 14:30 · Said out loud" */
  return g_strdup_printf (_("%s · %s"), when,
                          heard_given_how_label (heard_statement_get_given_how (statement)));
}

static char *
describe_reason (HeardStatement *statement,
                 HeardStatement *before)
{
  g_auto(GStrv) changes = heard_statement_list_changes (statement, before);
  /* TRANSLATORS: separates the names of changed parts, e.g. "their words, the day" */
  g_autofree char *changed = g_strjoinv (_(", "), changes);

  /* TRANSLATORS: the reason for an amendment, then what it changed */
  return g_strdup_printf (_("Why: %s\nChanged: %s"),
                          heard_statement_get_text (statement, HEARD_STATEMENT_REASON), changed);
}

static GtkWidget *
new_wrapped_label (const char *text,
                   const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  heard_label_set_words (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
add_response (HeardStatementCard     *self,
              HeardStatementResponse *response)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  const char *told_on = heard_statement_response_get_told_on (response);
  const char *const *actions = heard_statement_response_get_action_titles (response);
  g_autofree char *saved_at =
    heard_date_describe_moment (heard_statement_response_get_saved_at (response));
  g_autofree char *told_day = heard_date_describe (told_on);
  g_autofree char *meta = NULL;

  gtk_widget_add_css_class (box, "statement-response");
  /* For its tag, if the marks are shown. */
  g_object_set_data_full (G_OBJECT (box), "response-id",
                          g_memdup2 (&(gint64) { heard_statement_response_get_id (response) },
                                     sizeof (gint64)),
                          g_free);
  gtk_box_append (GTK_BOX (box),
                  new_wrapped_label (heard_statement_response_get_what_we_did (response), NULL));

  for (guint i = 0; actions[i] != NULL; i++)
    {
      /* TRANSLATORS: a plan action an answer is linked to */
      g_autofree char *line = g_strdup_printf (_("Plan action: %s"), actions[i]);

      gtk_box_append (GTK_BOX (box), new_wrapped_label (line, "caption"));
    }

  if (*told_on != '\0')
    /* TRANSLATORS: "Saved by Sam Okafor on 3 May 2024, 14:30 · They were told on 5 May 2024" */
    meta = g_strdup_printf (_("Saved by %s on %s · They were told on %s"),
                            heard_statement_response_get_saved_by (response), saved_at,
                            told_day);
  else
    meta = g_strdup_printf (_("Saved by %s on %s · They have not been told yet"),
                            heard_statement_response_get_saved_by (response), saved_at);
  gtk_box_append (GTK_BOX (box), new_wrapped_label (meta, "dim-label"));

  if (*told_on == '\0')
    {
      GtkWidget *told = gtk_button_new_with_mnemonic (_("They Have Been _Told"));

      heard_accessibility_name_mnemonics (told);
      gtk_widget_set_halign (told, GTK_ALIGN_START);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (told), "statements.told");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (told), "x",
                                        heard_statement_response_get_id (response));
      gtk_box_append (GTK_BOX (box), told);
    }

  gtk_box_append (self->responses_box, box);
}

static void
show_replies (HeardStatementCard *self)
{
  GPtrArray *responses = heard_statement_get_responses (self->statement);

  switch (heard_statement_get_reply_state (self->statement))
    {
    case HEARD_REPLY_WAITING:
      gtk_label_set_text (self->reply_state_label, _("Waiting for an answer"));
      gtk_widget_add_css_class (GTK_WIDGET (self->reply_state_label), "warning");
      break;

    case HEARD_REPLY_NOT_TOLD:
      gtk_label_set_text (self->reply_state_label,
                          _("Answered, but they have not been told yet"));
      gtk_widget_add_css_class (GTK_WIDGET (self->reply_state_label), "warning");
      break;

    case HEARD_REPLY_TOLD:
    default:
      gtk_label_set_text (self->reply_state_label, _("Answered, and they have been told"));
      gtk_widget_add_css_class (GTK_WIDGET (self->reply_state_label), "success");
      break;
    }

  for (guint i = 0; i < responses->len; i++)
    add_response (self, g_ptr_array_index (responses, i));
}

static void
show_consent (HeardStatementCard *self,
              GListModel         *directory)
{
  gboolean lapsed;
  g_autofree char *consent = describe_consent (self->statement, directory, &lapsed);

  gtk_label_set_text (self->consent_label, consent);
  /* Ended or withdrawn stands out; consent that holds reads as the details do. */
  gtk_widget_add_css_class (GTK_WIDGET (self->consent_label), lapsed ? "warning" : "dim-label");
}

static void
set_up (HeardStatementCard     *self,
        HeardStatement         *before,
        HeardStatementCardMode  mode,
        GListModel             *directory)
{
  HeardStatement *statement = self->statement;
  g_autofree char *heading = describe_heading (statement, mode);
  g_autofree char *details = describe_details (statement, mode, directory);
  gint64 id = heard_statement_get_id (statement);

  gtk_label_set_text (self->heading_label, heading);
  heard_label_set_words (self->words_label, heard_statement_get_words (statement));
  heard_content_note_set_note (self->words_note, heard_statement_get_content_note (statement));
  heard_content_note_set_revealed (self->words_note, !heard_statement_get_sensitive (statement));
  heard_content_note_set_can_hide (self->words_note, heard_statement_get_sensitive (statement));
  gtk_label_set_text (self->details_label, details);
  show_private_parts (self);

  if (before != NULL)
    {
      g_autofree char *reason = describe_reason (statement, before);

      gtk_label_set_text (self->reason_label, reason);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), before != NULL);

  gtk_widget_set_visible (self->replies_box, mode == HEARD_STATEMENT_CARD_LIST);
  gtk_widget_set_visible (self->buttons_box, mode == HEARD_STATEMENT_CARD_LIST);
  gtk_widget_set_visible (GTK_WIDGET (self->consent_label), mode == HEARD_STATEMENT_CARD_LIST);
  if (mode != HEARD_STATEMENT_CARD_LIST)
    return;

  show_consent (self, directory);
  /* Nothing to change where they agreed to no agency: the consent line
   * above the buttons says so in words. */
  gtk_widget_set_visible (self->consent_button,
                          *heard_statement_get_text (statement, HEARD_STATEMENT_SHARE_WITH) != '\0');
  show_replies (self);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->answer_button), "x", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->amend_button), "x", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->history_button), "x", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->consent_button), "x", id);
}

/* Someone chose to read sensitive words, or they went back behind their
 * note: the private parts follow, and every reading is audited. */
static void
words_revealed_cb (HeardStatementCard *self)
{
  show_private_parts (self);
  if (heard_statement_card_get_words_shown (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "statements.read", "x",
                                heard_statement_get_id (self->statement));
}

static void
heard_statement_card_dispose (GObject *object)
{
  HeardStatementCard *self = HEARD_STATEMENT_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_STATEMENT_CARD);
  g_clear_object (&self->statement);

  G_OBJECT_CLASS (heard_statement_card_parent_class)->dispose (object);
}

static void
heard_statement_card_class_init (HeardStatementCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_statement_card_dispose;

  g_type_ensure (HEARD_TYPE_CONTENT_NOTE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-statement-card.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardStatementCard, heading_label);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementCard, reason_label);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementCard, words_note);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementCard, words_label);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementCard, details_label);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementCard, consent_label);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementCard, their_note_box);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementCard, their_note_label);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementCard, context_box);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementCard, context_label);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementCard, context_header);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementCard, replies_box);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementCard, reply_state_label);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementCard, responses_box);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementCard, buttons_box);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementCard, answer_button);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementCard, amend_button);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementCard, history_button);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementCard, consent_button);
}

static void
heard_statement_card_init (HeardStatementCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_accessibility_name_mnemonics (GTK_WIDGET (self));
}

/* @before is the version @statement amended, to say what changed; NULL
 * for an original or in a list. @directory (the context's agencies, or
 * NULL) names the agencies their consent covers. */
GtkWidget *
heard_statement_card_new (HeardStatement         *statement,
                          HeardStatement         *before,
                          HeardStatementCardMode  mode,
                          GListModel             *directory)
{
  HeardStatementCard *self;

  g_return_val_if_fail (HEARD_IS_STATEMENT (statement), NULL);
  g_return_val_if_fail (before == NULL || HEARD_IS_STATEMENT (before), NULL);

  self = g_object_new (HEARD_TYPE_STATEMENT_CARD, NULL);
  self->statement = g_object_ref (statement);
  set_up (self, before, mode, directory);
  /* Connected once set up, so that words shown from the start are not
   * counted as read. */
  g_signal_connect_object (self->words_note, "notify::revealed",
                           G_CALLBACK (words_revealed_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

/* Tags the worker's context and each answer "For them" or "Staff only",
 * as @marks (the case file's "for-them-marks") say. */
void
heard_statement_card_show_marks (HeardStatementCard *self,
                                 GListModel         *marks)
{
  g_return_if_fail (HEARD_IS_STATEMENT_CARD (self));
  g_return_if_fail (G_IS_LIST_MODEL (marks));

  gtk_box_append (self->context_header,
                  heard_for_them_tag_new (marks, HEARD_FOR_THEM_STATEMENT_CONTEXT,
                                          heard_statement_get_id (self->statement)));
  for (GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (self->responses_box));
       box != NULL; box = gtk_widget_get_next_sibling (box))
    {
      const gint64 *id = g_object_get_data (G_OBJECT (box), "response-id");
      GtkWidget *tag;

      if (id == NULL)
        continue;
      tag = heard_for_them_tag_new (marks, HEARD_FOR_THEM_ANSWER, *id);
      gtk_widget_set_halign (tag, GTK_ALIGN_START);
      gtk_box_prepend (GTK_BOX (box), tag);
    }
}

#define ROW_NAME_WORDS 8

/* What a screen reader says for a row holding @statement: when and how it
 * was given and its first words, or "Sensitive statement" in place of words
 * that stay behind a content note. */
char *
heard_statement_card_dup_row_name (HeardStatement *statement)
{
  g_autofree char *heading = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) first = g_string_new (NULL);
  guint n = 0;

  g_return_val_if_fail (HEARD_IS_STATEMENT (statement), NULL);

  heading = describe_heading (statement, HEARD_STATEMENT_CARD_LIST);
  if (heard_statement_get_sensitive (statement))
    /* TRANSLATORS: a statement's row: when and how it was given, then this */
    return g_strdup_printf (_("%s: Sensitive statement"), heading);

  words = g_strsplit_set (heard_statement_get_words (statement), " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (n == ROW_NAME_WORDS)
        {
          g_string_append (first, "…");
          break;
        }
      if (n++ > 0)
        g_string_append_c (first, ' ');
      g_string_append (first, words[i]);
    }

  /* TRANSLATORS: a statement's row: when and how it was given, then its first words */
  return g_strdup_printf (_("%s: %s"), heading, first->str);
}

gboolean
heard_statement_card_get_words_shown (HeardStatementCard *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_CARD (self), FALSE);

  return heard_content_note_get_revealed (self->words_note);
}

/* Puts the words behind @content_note, as a statement now sensitive keeps
 * even its earlier versions. */
void
heard_statement_card_hide_words (HeardStatementCard *self,
                                 const char         *content_note)
{
  g_return_if_fail (HEARD_IS_STATEMENT_CARD (self));
  g_return_if_fail (content_note != NULL);

  heard_content_note_set_note (self->words_note, content_note);
  heard_content_note_set_can_hide (self->words_note, TRUE);
  heard_content_note_set_revealed (self->words_note, FALSE);
}

/* Shows sensitive words someone chose to read, and has that audited. */
void
heard_statement_card_show_words (HeardStatementCard *self)
{
  g_return_if_fail (HEARD_IS_STATEMENT_CARD (self));

  heard_content_note_set_revealed (self->words_note, TRUE);
}

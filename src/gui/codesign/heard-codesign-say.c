/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-codesign-say"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-codesign-card.h"
#include "heard-codesign-present.h"
#include "heard-codesign-say.h"
#include "heard-codesign-statement.h"
#include "heard-field-error.h"
#include "heard-text-fields.h"

/*
 * "Say something" in co-design mode: the young person types a statement
 * of their own, or their own note (a disagreement, say) on one of theirs.
 * A statement is recorded as typed by them, today, in co-design, with
 * their key worker as who was there, read back unless they say it is
 * not what they mean; they may put it behind a note of their own. A note
 * is the statement's next version, amended with a fixed reason, so the
 * earlier one stays in its history and the change is audited. Nothing
 * staff wrote is shown or changed here. A refusal shows beside its field
 * and keeps every word they typed. So does going back, or on to another
 * note: what they typed waits for them, one draft a statement or note,
 * until it is saved.
 */

struct _HeardCodesignSay
{
  AdwBin          parent_instance;

  HeardCaseFile  *case_file;
  GCancellable   *cancellable;
  /* The statement their note is for; NULL for a new statement. */
  HeardStatement *statement;
  gboolean        saving;
  /* What is being saved: a statement's id, or 0 for a new statement. */
  gint64          saving_id;
  /* Whether the box holds a draft for the statement (or new one) above:
   * not before the first start, nor once what it held is saved. */
  gboolean        drafting;
  /* Unsaved words of a new statement, and of notes by statement id. */
  char           *statement_draft;
  GHashTable     *note_drafts;

  GtkLabel       *heading_label;
  GtkLabel       *hint_label;
  GtkWidget      *quote_box;
  GtkTextView    *words_view;
  GtkWidget      *statement_box;
  GtkCheckButton *read_back_check;
  GtkCheckButton *hard_check;
  GtkWidget      *note_entry;
};

G_DEFINE_FINAL_TYPE (HeardCodesignSay, heard_codesign_say, ADW_TYPE_BIN)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_words (HeardCodesignSay *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->words_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
set_words (HeardCodesignSay *self,
           const char       *words)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->words_view), words, -1);
}

static gint64
target_id (HeardCodesignSay *self)
{
  return self->statement != NULL ? heard_statement_get_id (self->statement) : 0;
}

/* Keeps what they typed for what the page is on now. */
static void
keep_draft (HeardCodesignSay *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->words_view);
  GtkTextIter start, end;
  char *words;
  gint64 id = target_id (self);

  if (!self->drafting)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  words = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (id == 0)
    {
      g_free (self->statement_draft);
      self->statement_draft = words;
    }
  else
    g_hash_table_insert (self->note_drafts, g_memdup2 (&id, sizeof id), words);
}

/* Forgets the draft for @id, saved now; a new statement starts again as
 * read back (they typed it and see it), not behind a note. */
static void
forget_draft (HeardCodesignSay *self,
              gint64            id)
{
  if (id == 0)
    {
      g_clear_pointer (&self->statement_draft, g_free);
      gtk_check_button_set_active (self->read_back_check, TRUE);
      gtk_check_button_set_active (self->hard_check, FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
    }
  else
    g_hash_table_remove (self->note_drafts, &id);
  if (id == target_id (self))
    {
      set_words (self, "");
      self->drafting = FALSE;
    }
}

static void
clear_errors (HeardCodesignSay *self)
{
  heard_field_error_clear (GTK_WIDGET (self->words_view));
  heard_field_error_clear (self->note_entry);
}

/* Whether @text fits @property of @draft; if not, says so beside @field. */
static gboolean
check_fits (GtkWidget  *field,
            GObject    *draft,
            const char *property,
            const char *text)
{
  if ((guint) g_utf8_strlen (text, -1) <= heard_text_field_get_max_chars (draft, property))
    return TRUE;

  heard_field_error_show (field, C_("co-design", "That is too long. Please make it shorter."));
  return FALSE;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HeardCodesignSay) self = user_data;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  if (heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error) == 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_message ("Not saved in co-design: %s", error->message);
          heard_field_error_show (GTK_WIDGET (self->words_view),
                                  C_("co-design", "That did not save. Please try again."));
        }
      return;
    }

  forget_draft (self, self->saving_id);
  g_signal_emit (self, signals[SAVED], 0);
}

/* Their words as a new statement, typed by them. */
static HeardStatement *
new_statement (HeardCodesignSay *self,
               const char       *words)
{
  HeardStatement *statement = heard_statement_new ();
  g_autofree char *today = heard_today_iso_date ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%H:%M");

  heard_statement_set_person_id (statement, heard_case_file_get_person_id (self->case_file));
  heard_statement_set_text (statement, HEARD_STATEMENT_WORDS, words);
  heard_statement_set_text (statement, HEARD_STATEMENT_GIVEN_ON, today);
  heard_statement_set_text (statement, HEARD_STATEMENT_GIVEN_TIME, time);
  /* TRANSLATORS: where a statement was given: in co-design mode, typed by them */
  heard_statement_set_text (statement, HEARD_STATEMENT_PLACE, C_("co-design", "In co-design"));
  heard_codesign_set_present (G_OBJECT (statement), self->case_file);
  heard_statement_set_given_how (statement, HEARD_GIVEN_TYPED);
  heard_statement_set_read_back (statement, gtk_check_button_get_active (self->read_back_check)
                                            ? HEARD_READ_BACK_AGREED : HEARD_READ_BACK_NOT_YET);
  heard_statement_set_sensitive (statement, gtk_check_button_get_active (self->hard_check));

  return statement;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeardCodesignSay *self = HEARD_CODESIGN_SAY (widget);
  g_autofree char *words = dup_words (self);
  g_autoptr(HeardStatement) draft = NULL;
  g_autoptr(GError) error = NULL;

  if (self->saving)
    return;

  clear_errors (self);
  if (*words == '\0')
    {
      heard_field_error_show (GTK_WIDGET (self->words_view),
                              C_("co-design", "Write something first."));
      return;
    }

  if (self->statement == NULL)
    {
      g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (
                                                      GTK_EDITABLE (self->note_entry))));

      draft = new_statement (self, words);
      if (!check_fits (GTK_WIDGET (self->words_view), G_OBJECT (draft), "words", words) ||
          !check_fits (self->note_entry, G_OBJECT (draft), "content-note", note))
        return;
      heard_statement_set_text (draft, HEARD_STATEMENT_CONTENT_NOTE,
                                gtk_check_button_get_active (self->hard_check) ? note : "");
      if (!heard_statement_validate (draft, &error))
        {
          g_message ("Not saved in co-design: %s", error->message);
          heard_field_error_show (GTK_WIDGET (self->words_view),
                                  C_("co-design", "That did not save. Please try again."));
          return;
        }
      self->saving = TRUE;
      self->saving_id = 0;
      heard_case_file_record_statement_async (self->case_file, draft, self->cancellable,
                                              saved_cb, g_object_ref (self));
      return;
    }

  draft = heard_statement_copy (self->statement);
  if (!check_fits (GTK_WIDGET (self->words_view), G_OBJECT (draft), "their-note", words))
    return;
  heard_statement_set_text (draft, HEARD_STATEMENT_THEIR_NOTE, words);
  /* For staff, in the statement's history. */
  heard_statement_set_text (draft, HEARD_STATEMENT_REASON,
                            C_("co-design", "Their own note, added in co-design"));
  if (g_strcmp0 (words, heard_statement_get_text (self->statement,
                                                  HEARD_STATEMENT_THEIR_NOTE)) == 0)
    {
      heard_field_error_show (GTK_WIDGET (self->words_view),
                              C_("co-design", "This is your note as it is now. Change it first."));
      return;
    }
  if (!heard_statement_validate_amendment (draft, self->statement, &error))
    {
      g_message ("Not saved in co-design: %s", error->message);
      heard_field_error_show (GTK_WIDGET (self->words_view),
                              C_("co-design", "That did not save. Please try again."));
      return;
    }
  self->saving = TRUE;
  self->saving_id = heard_statement_get_id (self->statement);
  heard_case_file_amend_statement_async (self->case_file, draft, self->cancellable, saved_cb,
                                         g_object_ref (self));
}

/* On to @statement's note (or a new statement, NULL), with what they
 * typed for it before, if they did not save it. */
static void
start (HeardCodesignSay *self,
       HeardStatement   *statement)
{
  gint64 id = statement != NULL ? heard_statement_get_id (statement) : 0;
  const char *draft;

  keep_draft (self);
  g_set_object (&self->statement, statement);
  if (statement == NULL)
    draft = self->statement_draft;
  else if ((draft = g_hash_table_lookup (self->note_drafts, &id)) == NULL)
    draft = heard_statement_get_text (statement, HEARD_STATEMENT_THEIR_NOTE);
  set_words (self, draft != NULL ? draft : "");
  self->drafting = TRUE;
  clear_errors (self);
  gtk_widget_set_visible (self->statement_box, statement == NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->words_view));
}

void
heard_codesign_say_start_statement (HeardCodesignSay *self)
{
  GtkWidget *child;

  g_return_if_fail (HEARD_IS_CODESIGN_SAY (self));

  gtk_label_set_label (self->heading_label, C_("co-design", "Say something"));
  gtk_label_set_label (self->hint_label,
                       C_("co-design", "Write it in your own words. We keep it just as you "
                                       "write it."));
  while ((child = gtk_widget_get_first_child (self->quote_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->quote_box), child);
  gtk_widget_set_visible (self->quote_box, FALSE);
  start (self, NULL);
}

void
heard_codesign_say_start_note (HeardCodesignSay *self,
                               HeardStatement   *statement)
{
  GtkWidget *child;
  GtkWidget *card;

  g_return_if_fail (HEARD_IS_CODESIGN_SAY (self));
  g_return_if_fail (HEARD_IS_STATEMENT (statement));
  g_return_if_fail (self->case_file != NULL);

  gtk_label_set_label (self->heading_label, C_("co-design", "Your note"));
  gtk_label_set_label (self->hint_label,
                       C_("co-design", "This goes with what you said. You can say if you do "
                                       "not agree. We keep what was there before too."));
  /* Their words, as on its card: behind its note if they may be hard to
   * read, until they choose to read them again. Shown before it is filled:
   * filled while hidden, GTK 4.8 keeps its empty size. */
  gtk_widget_set_visible (self->quote_box, TRUE);
  while ((child = gtk_widget_get_first_child (self->quote_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->quote_box), child);
  card = heard_codesign_card_new ();
  gtk_box_append (GTK_BOX (card), heard_codesign_statement_new_words (self->case_file, statement));
  gtk_box_append (GTK_BOX (self->quote_box), card);
  start (self, statement);
}

void
heard_codesign_say_set_case_file (HeardCodesignSay *self,
                                  HeardCaseFile    *case_file)
{
  g_return_if_fail (HEARD_IS_CODESIGN_SAY (self));
  g_return_if_fail (HEARD_IS_CASE_FILE (case_file));
  g_return_if_fail (self->case_file == NULL);

  self->case_file = g_object_ref (case_file);
}

static void
heard_codesign_say_dispose (GObject *object)
{
  HeardCodesignSay *self = HEARD_CODESIGN_SAY (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_CODESIGN_SAY);
  g_clear_object (&self->statement);
  g_clear_object (&self->case_file);
  g_clear_pointer (&self->note_drafts, g_hash_table_unref);

  G_OBJECT_CLASS (heard_codesign_say_parent_class)->dispose (object);
}

static void
heard_codesign_say_finalize (GObject *object)
{
  HeardCodesignSay *self = HEARD_CODESIGN_SAY (object);

  g_clear_object (&self->cancellable);
  g_free (self->statement_draft);

  G_OBJECT_CLASS (heard_codesign_say_parent_class)->finalize (object);
}

static void
heard_codesign_say_class_init (HeardCodesignSayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_codesign_say_dispose;
  object_class->finalize = heard_codesign_say_finalize;

  /* What they wrote is kept: the case file's models show it already. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-codesign-say.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignSay, heading_label);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignSay, hint_label);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignSay, quote_box);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignSay, words_view);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignSay, statement_box);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignSay, read_back_check);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignSay, hard_check);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignSay, note_entry);
  /* Named as the window's actions are, which the walls allow. */
  gtk_widget_class_install_action (widget_class, "codesign.save-something", NULL, save_action);
}

static void
heard_codesign_say_init (HeardCodesignSay *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_accessibility_name_mnemonics (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->note_drafts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

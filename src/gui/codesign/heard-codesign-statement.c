/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-codesign-statement"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-codesign-card.h"
#include "heard-codesign-statement.h"
#include "heard-content-note.h"

/*
 * One statement in co-design mode: their own words first, verbatim; a
 * sensitive one behind its content note, which they open themselves (the
 * reading is audited, as on the staff page); their own note; then only
 * what staff wrote for them to read: the statement's context if it is
 * marked so, and the "You said — we did" answers. What is written for
 * them follows the case file's marks as they change. A button lets them
 * add or change their own note on it.
 */

struct _HeardCodesignStatement
{
  AdwBin          parent_instance;

  HeardCaseFile  *case_file;
  HeardStatement *statement;
  /* What staff wrote for them: emptied and filled again when marks change. */
  GtkWidget      *for_them_box;
};

G_DEFINE_FINAL_TYPE (HeardCodesignStatement, heard_codesign_statement, ADW_TYPE_BIN)

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static void
update_for_them (HeardCodesignStatement *self)
{
  GtkWidget *child;
  const char *context = heard_statement_get_text (self->statement, HEARD_STATEMENT_CONTEXT);
  GPtrArray *responses = heard_statement_get_responses (self->statement);

  while ((child = gtk_widget_get_first_child (self->for_them_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->for_them_box), child);

  if (has_text (context) &&
      heard_case_file_written_for_them (self->case_file, HEARD_FOR_THEM_STATEMENT_CONTEXT,
                                        heard_statement_get_id (self->statement)))
    heard_codesign_card_add_text (self->for_them_box, C_("co-design", "What we wrote with it"),
                                  context);

  for (guint i = 0; responses != NULL && i < responses->len; i++)
    {
      HeardStatementResponse *response = g_ptr_array_index (responses, i);

      if (heard_case_file_written_for_them (self->case_file, HEARD_FOR_THEM_ANSWER,
                                            heard_statement_response_get_id (response)))
        heard_codesign_card_add_text (self->for_them_box, C_("co-design", "You said — we did"),
                                      heard_statement_response_get_what_we_did (response));
    }
  gtk_widget_set_visible (self->for_them_box,
                          gtk_widget_get_first_child (self->for_them_box) != NULL);
}

typedef struct
{
  HeardCaseFile *case_file;
  gint64         id;
} Reading;

static void
reading_free (gpointer data,
              GClosure *closure)
{
  Reading *reading = data;

  g_object_unref (reading->case_file);
  g_free (reading);
}

static void
note_revealed_cb (HeardContentNote *note,
                  GParamSpec       *pspec,
                  Reading          *reading)
{
  if (heard_content_note_get_revealed (note))
    heard_case_file_note_statement_read (reading->case_file, reading->id);
}

/* The button below @root that shows @label. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }

  return NULL;
}

/* Named for screen readers by what it is for: each card has one. */
static void
name_button (GtkWidget  *button,
             const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

GtkWidget *
heard_codesign_statement_new_words (HeardCaseFile  *case_file,
                                    HeardStatement *statement)
{
  GtkWidget *words;
  GtkWidget *note;
  Reading *reading;
  const char *read_it = C_("co-design", "Read It");
  g_autofree char *when = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);
  g_return_val_if_fail (HEARD_IS_STATEMENT (statement), NULL);

  when = heard_statement_dup_when_text (statement);
  words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  heard_codesign_card_add_text (words, when, heard_statement_get_words (statement));
  if (!heard_statement_get_sensitive (statement))
    return words;

  note = heard_content_note_new ();
  heard_content_note_set_heading (HEARD_CONTENT_NOTE (note),
                                  C_("co-design", "This one may be hard to read"));
  /* No mnemonic: every card that may be hard to read has one. */
  g_object_set (note, "show-label", read_it, NULL);
  /* TRANSLATORS: %s is when they said it, "3 May 2026" */
  name = g_strdup_printf (C_("co-design", "Read what you said on %s"), when);
  name_button (find_button (note, read_it), name);
  heard_content_note_set_note (HEARD_CONTENT_NOTE (note),
                               heard_statement_get_content_note (statement));
  heard_content_note_set_child (HEARD_CONTENT_NOTE (note), words);
  reading = g_new0 (Reading, 1);
  reading->case_file = g_object_ref (case_file);
  reading->id = heard_statement_get_id (statement);
  g_signal_connect_data (note, "notify::revealed", G_CALLBACK (note_revealed_cb), reading,
                         reading_free, 0);

  return note;
}

static void
build (HeardCodesignStatement *self)
{
  GtkWidget *card = heard_codesign_card_new ();
  GtkWidget *button;
  const char *their_note = heard_statement_get_text (self->statement, HEARD_STATEMENT_THEIR_NOTE);
  g_autofree char *when = heard_statement_dup_when_text (self->statement);
  g_autofree char *name = NULL;

  gtk_box_append (GTK_BOX (card), heard_codesign_statement_new_words (self->case_file,
                                                                     self->statement));
  if (has_text (their_note))
    heard_codesign_card_add_text (card, C_("co-design", "Your note"), their_note);

  self->for_them_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (card), self->for_them_box);

  /* Their own note, or a disagreement: the window's "say something". No
   * mnemonic, as every card has one; named by the day of its statement. */
  button = gtk_button_new_with_label (has_text (their_note) ? C_("co-design", "Change My Note")
                                                            : C_("co-design", "Add My Note"));
  /* TRANSLATORS: %s is when they said it, "3 May 2026" */
  name = g_strdup_printf (has_text (their_note)
                          ? C_("co-design", "Change my note on what you said on %s")
                          : C_("co-design", "Add my note to what you said on %s"),
                          when);
  name_button (button, name);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "codesign.say");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x",
                                    heard_statement_get_id (self->statement));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_add_css_class (button, "pill");
  gtk_box_append (GTK_BOX (card), button);
  adw_bin_set_child (ADW_BIN (self), card);
  update_for_them (self);
}

static void
heard_codesign_statement_dispose (GObject *object)
{
  HeardCodesignStatement *self = HEARD_CODESIGN_STATEMENT (object);

  g_clear_object (&self->case_file);
  g_clear_object (&self->statement);

  G_OBJECT_CLASS (heard_codesign_statement_parent_class)->dispose (object);
}

static void
heard_codesign_statement_class_init (HeardCodesignStatementClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = heard_codesign_statement_dispose;
}

static void
heard_codesign_statement_init (HeardCodesignStatement *self)
{
}

GtkWidget *
heard_codesign_statement_new (HeardCaseFile  *case_file,
                              HeardStatement *statement)
{
  HeardCodesignStatement *self;

  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);
  g_return_val_if_fail (HEARD_IS_STATEMENT (statement), NULL);

  self = g_object_new (HEARD_TYPE_CODESIGN_STATEMENT, NULL);
  self->case_file = g_object_ref (case_file);
  self->statement = g_object_ref (statement);
  build (self);
  g_signal_connect_object (heard_case_file_get_for_them_marks (case_file), "items-changed",
                           G_CALLBACK (update_for_them), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

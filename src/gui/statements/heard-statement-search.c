/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-statement-search"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "heard-date.h"
#include "heard-statement-search.h"
#include "heard-statement.h"
#include "heard-statement-match.h"
#include "heard-widgets.h"

struct _HeardStatementSearch
{
  AdwWindow       parent_instance;

  HeardContext   *context;
  GCancellable   *cancellable;
  GListStore     *results;

  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  AdwStatusPage  *error_page;
  GtkLabel       *limit_label;
  GtkListBox     *results_list;
};

G_DEFINE_FINAL_TYPE (HeardStatementSearch, heard_statement_search, ADW_TYPE_WINDOW)

enum {
  STATEMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
add_label (GtkWidget  *box,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  heard_label_set_words (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);

  return label;
}

/* A worker's note ends as a sentence, so the one after it reads apart:
 * "owing money" becomes "owing money." and "Upsetting!" stays. */
static char *
end_sentence (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  const char *last = g_utf8_find_prev_char (trimmed, trimmed + strlen (trimmed));

  if (last == NULL || g_utf8_strchr (".!?…。؟", -1, g_utf8_get_char (last)) != NULL)
    return g_steal_pointer (&trimmed);

  /* TRANSLATORS: ends a sentence a worker wrote without a stop */
  return g_strdup_printf (_("%s."), trimmed);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  HeardStatementMatch *match = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *day =
    heard_date_describe (heard_statement_match_get_given_on (match));
  g_autofree char *found_in = heard_statement_match_dup_found_in_text (match);
  /* TRANSLATORS: a young person's name and the day they said something */
  g_autofree char *heading = g_strdup_printf (_("%s · %s"),
                                              heard_statement_match_get_person_name (match), day);
  g_autofree char *name = NULL;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  add_label (box, heading, "heading");
  add_label (box, found_in, "caption");

  if (heard_statement_match_get_sensitive (match))
    {
      /* The same note its card shows: the worker's own, or the general one. */
      g_autoptr(HeardStatement) noted = heard_statement_new ();
      g_autofree char *note = NULL;
      g_autofree char *sentence = NULL;

      heard_statement_set_text (noted, HEARD_STATEMENT_CONTENT_NOTE,
                                heard_statement_match_get_content_note (match));
      sentence = end_sentence (heard_statement_get_content_note (noted));
      /* TRANSLATORS: %s is a content note written by a worker, or the general
       * one, "This may describe harm and could be upsetting to read." */
      note = g_strdup_printf (_("Content note: %s The matching words stay hidden here; open "
                                "the statement to choose to read them."),
                              sentence);

      add_label (box, note, "content-note");
      /* TRANSLATORS: a search hit's row, read by a screen reader: its heading, where
       * the words were found, then this in place of words that stay hidden */
      name = g_strdup_printf (_("%s, %s: Sensitive statement"), heading, found_in);
    }
  else
    {
      GtkWidget *snippet = add_label (box, NULL, "search-snippet");

      gtk_label_set_markup (GTK_LABEL (snippet), heard_statement_match_get_markup (match));
      /* TRANSLATORS: a search hit's row, read by a screen reader: its heading, where
       * the words were found, then the words around them */
      name = g_strdup_printf (_("%s, %s: %s"), heading, found_in,
                              gtk_label_get_text (GTK_LABEL (snippet)));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
searched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HeardStatementSearch) self = user_data;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  gboolean more;

  matches = heard_context_search_statements_finish (HEARD_CONTEXT (object), result, &error);
  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  if (matches == NULL)
    {
      g_list_store_remove_all (self->results);
      gtk_stack_set_visible_child_name (self->stack, "start");
      return;
    }

  more = matches->len > HEARD_STATEMENT_SEARCH_LIMIT;
  if (more)
    g_ptr_array_set_size (matches, HEARD_STATEMENT_SEARCH_LIMIT);
  gtk_widget_set_visible (GTK_WIDGET (self->limit_label), more);
  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       matches->pdata, matches->len);
  gtk_stack_set_visible_child_name (self->stack, matches->len > 0 ? "results" : "none");
}

static void
search_changed_cb (HeardStatementSearch *self)
{
  /* Only the newest search matters while someone is still typing. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  heard_context_search_statements_async (self->context,
                                         gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                         self->cancellable, searched_cb, g_object_ref (self));
}

/* Enter in the search box opens the first statement found. */
static void
search_activated_cb (HeardStatementSearch *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  if (first != NULL)
    gtk_widget_activate (GTK_WIDGET (first));
}

static void
stop_search_cb (HeardStatementSearch *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
result_activated_cb (HeardStatementSearch *self,
                     GtkListBoxRow        *row)
{
  g_autoptr(HeardStatementMatch) match = NULL;

  match = g_list_model_get_item (G_LIST_MODEL (self->results),
                                 (guint) gtk_list_box_row_get_index (row));
  if (match == NULL)
    return;

  gtk_window_close (GTK_WINDOW (self));
  g_signal_emit (self, signals[STATEMENT_ACTIVATED], 0,
                 heard_statement_match_get_person_id (match),
                 heard_statement_match_get_statement_id (match));
}

static void
heard_statement_search_dispose (GObject *object)
{
  HeardStatementSearch *self = HEARD_STATEMENT_SEARCH (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_STATEMENT_SEARCH);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->results);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (heard_statement_search_parent_class)->dispose (object);
}

static void
heard_statement_search_class_init (HeardStatementSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_statement_search_dispose;

  signals[STATEMENT_ACTIVATED] =
    g_signal_new ("statement-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-statement-search.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardStatementSearch, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementSearch, stack);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementSearch, error_page);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementSearch, limit_label);
  gtk_widget_class_bind_template_child (widget_class, HeardStatementSearch, results_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
heard_statement_search_init (HeardStatementSearch *self)
{
  g_autofree char *limit = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  heard_window_let_go_of_gone_parent (GTK_WINDOW (self));

  self->results = g_list_store_new (HEARD_TYPE_STATEMENT_MATCH);
  gtk_list_box_bind_model (self->results_list, G_LIST_MODEL (self->results), create_row, NULL,
                           NULL);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  limit = g_strdup_printf (_("Showing the %u newest matches. Add another word to narrow the "
                             "search."), HEARD_STATEMENT_SEARCH_LIMIT);
  gtk_label_set_text (self->limit_label, limit);
}

HeardStatementSearch *
heard_statement_search_new (GtkWindow    *parent,
                            HeardContext *context)
{
  HeardStatementSearch *self;

  g_return_val_if_fail (HEARD_IS_CONTEXT (context), NULL);

  self = g_object_new (HEARD_TYPE_STATEMENT_SEARCH, "transient-for", parent, NULL);
  self->context = g_object_ref (context);

  return self;
}

GtkEditable *
heard_statement_search_get_entry (HeardStatementSearch *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_SEARCH (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

GListModel *
heard_statement_search_get_results (HeardStatementSearch *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_SEARCH (self), NULL);

  return G_LIST_MODEL (self->results);
}

GtkListBox *
heard_statement_search_get_list (HeardStatementSearch *self)
{
  g_return_val_if_fail (HEARD_IS_STATEMENT_SEARCH (self), NULL);

  return self->results_list;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-chronology-page"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "heard-chronology-page-private.h"
#include "heard-text-fields.h"

/*
 * A young person's chronology: one timeline, one lane an agency, over a
 * list of the same events in words, the two kept on the same selected
 * event. The list is how a screen reader reaches every event. Whenever the
 * case file's signs, statements, check-ins or plans or the agencies
 * directory change, they are copied here and turned into events in a
 * thread (heard-chronology-rows: a sensitive statement by its content note
 * only); filters by kind and agency apply there too.
 */

struct _HeardChronologyPage
{
  GtkWidget        parent_instance;

  HeardCaseFile   *case_file;
  GListModel      *agencies;
  GCancellable    *cancellable;
  GPtrArray       *rows;        /* HeardChronologyRow, as shown */
  GHashTable      *hidden_agencies; /* gint64 ids */
  gboolean         syncing;

  HeardTimeline   *timeline;
  GtkListBox      *list;
  GtkLabel        *empty_label;
  GtkLabel        *filter_label;
  GtkButton       *zoom_in_button;
  GtkButton       *zoom_out_button;
  GtkButton       *today_button;
  GtkListBox      *agency_list;
  GtkCheckButton  *kind_checks[HEARD_CHRONOLOGY_N_KINDS];
  GtkPopover      *detail_popover;
  GtkLabel        *detail_title;
  GtkLabel        *detail_body;
  GtkWidget       *amend_button;
  GtkLabel        *detail_source;
};

G_DEFINE_FINAL_TYPE (HeardChronologyPage, heard_chronology_page, GTK_TYPE_WIDGET)

enum {
  OPEN_RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the thread works from: copies, never the live models. */
typedef struct
{
  HeardChronologyRecords *records;
  gboolean                shown_kinds[HEARD_CHRONOLOGY_N_KINDS];
  GHashTable             *hidden_agencies;
} Snapshot;

typedef struct
{
  GPtrArray       *rows;
  HeardChronology *chronology;
  char            *description;
} Built;

static void
snapshot_free (Snapshot *snapshot)
{
  heard_chronology_records_free (snapshot->records);
  g_hash_table_unref (snapshot->hidden_agencies);
  g_free (snapshot);
}

static void
built_free (Built *built)
{
  g_clear_pointer (&built->rows, g_ptr_array_unref);
  g_clear_pointer (&built->chronology, heard_chronology_free);
  g_free (built->description);
  g_free (built);
}

/* What the drawing shows, then its lanes by name, for a screen reader. */
static char *
describe (GPtrArray       *rows,
          HeardChronology *chronology)
{
  g_autofree char *shown = heard_chronology_describe (chronology);
  g_autoptr(GPtrArray) lanes = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *names = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      HeardChronologyRow *row = g_ptr_array_index (rows, i);

      if (g_hash_table_add (seen, row->lane))
        g_ptr_array_add (lanes, row->lane);
    }
  if (lanes->len == 0)
    return g_steal_pointer (&shown);

  g_ptr_array_add (lanes, NULL);
  /* TRANSLATORS: between the names of a chronology's lanes */
  names = g_strjoinv (C_("chronology lanes", ", "), (char **) lanes->pdata);
  /* TRANSLATORS: a chronology's description, then the names of its lanes,
   * e.g. "…. Lanes: Northgate Academy, City Police" */
  return g_strdup_printf (_("%s. Lanes: %s"), shown, names);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Snapshot *snapshot = task_data;
  Built *built = g_new0 (Built, 1);
  g_autoptr(GPtrArray) all = heard_chronology_rows_build (snapshot->records);

  built->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) heard_chronology_row_free);
  for (guint i = 0; i < all->len; i++)
    {
      HeardChronologyRow *row = g_ptr_array_index (all, i);

      if (snapshot->shown_kinds[row->kind] &&
          (row->agency_id == 0 || !g_hash_table_contains (snapshot->hidden_agencies,
                                                          &row->agency_id)))
        {
          /* Moved over, in order; the slot left behind frees nothing. */
          g_ptr_array_add (built->rows, row);
          all->pdata[i] = NULL;
        }
    }
  built->chronology = heard_chronology_rows_draw (built->rows);
  built->description = describe (built->rows, built->chronology);
  g_task_return_pointer (task, built, (GDestroyNotify) built_free);
}

static GtkWidget *
create_row (HeardChronologyRow *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *list_row = gtk_list_box_row_new ();
  GtkWidget *about, *what, *who;
  g_autofree char *about_text = NULL;
  g_autofree char *who_text = NULL;

  /* TRANSLATORS: one chronology entry: when, what kind, which agency,
   * e.g. "around May 2024 · Sign of harm · Northfield School" */
  about_text = g_strdup_printf (_("%s · %s · %s"), row->when,
                                heard_chronology_kind_label (row->kind), row->lane);
  about = gtk_label_new (about_text);
  gtk_widget_add_css_class (about, "caption-heading");
  what = gtk_label_new (row->what);
  gtk_label_set_wrap (GTK_LABEL (what), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (what), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (what), 3);
  gtk_label_set_ellipsize (GTK_LABEL (what), PANGO_ELLIPSIZE_END);
  /* TRANSLATORS: who reported or recorded a chronology entry */
  who_text = g_strdup_printf (_("Source: %s"), row->who != NULL ? row->who : "");
  who = gtk_label_new (who_text);
  gtk_label_set_wrap (GTK_LABEL (who), TRUE);
  gtk_widget_add_css_class (who, "dim-label");
  gtk_widget_add_css_class (who, "caption");
  for (GtkWidget *label = about; label != NULL; label = label == about ? what
                                                       : label == what ? who : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);
  return list_row;
}

static HeardChronologyRow *
find_row (HeardChronologyPage *self,
          gint64               id,
          guint               *index)
{
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      HeardChronologyRow *row = g_ptr_array_index (self->rows, i);

      if (row->id == id)
        {
          if (index != NULL)
            *index = i;
          return row;
        }
    }

  return NULL;
}

/* Scrolls the page so that @row is in sight. */
static void
scroll_to_row (HeardChronologyPage *self,
               GtkListBoxRow       *row)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->list),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  graphene_rect_t bounds;

  if (scrolled == NULL)
    return;
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (content != NULL && gtk_widget_compute_bounds (GTK_WIDGET (row), content, &bounds))
    gtk_adjustment_clamp_page (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                               bounds.origin.y, bounds.origin.y + bounds.size.height);
}

/* The list's selection follows the timeline's, and comes into sight. */
static void
select_in_list (HeardChronologyPage *self)
{
  guint index;
  GtkListBoxRow *list_row = NULL;

  if (find_row (self, heard_timeline_get_selected_id (self->timeline), &index) != NULL)
    list_row = gtk_list_box_get_row_at_index (self->list, index);

  self->syncing = TRUE;
  if (list_row != NULL)
    {
      gtk_list_box_select_row (self->list, list_row);
      scroll_to_row (self, list_row);
    }
  else
    gtk_list_box_unselect_all (self->list);
  self->syncing = FALSE;
}

static void
fill_list (HeardChronologyPage *self)
{
  GtkListBoxRow *old;

  /* Row by row: the detail popover is the list's child too. */
  while ((old = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (old));
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    gtk_list_box_append (self->list, create_row (g_ptr_array_index (self->rows, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->rows != NULL && self->rows->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label),
                          self->rows != NULL && self->rows->len == 0);
  select_in_list (self);
}

static void
built_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  HeardChronologyPage *self = HEARD_CHRONOLOGY_PAGE (object);
  Built *built = g_task_propagate_pointer (G_TASK (result), NULL);

  if (built == NULL)
    return;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = g_steal_pointer (&built->rows);
  heard_timeline_set_chronology (self->timeline, g_steal_pointer (&built->chronology),
                                 built->description);
  built_free (built);
  fill_list (self);
}

static gboolean
any_filter (HeardChronologyPage *self)
{
  for (guint kind = 0; kind < HEARD_CHRONOLOGY_N_KINDS; kind++)
    if (self->kind_checks[kind] != NULL && !gtk_check_button_get_active (self->kind_checks[kind]))
      return TRUE;

  return g_hash_table_size (self->hidden_agencies) > 0;
}

/* Copies the case file's records and the directory, and builds from them
 * in a thread. */
static void
rebuild (HeardChronologyPage *self)
{
  g_autoptr(GTask) task = NULL;
  Snapshot *snapshot;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->case_file == NULL)
    return;

  gtk_label_set_label (self->filter_label, any_filter (self) ? _("Some events are hidden") : "");
  self->cancellable = g_cancellable_new ();
  snapshot = g_new0 (Snapshot, 1);
  snapshot->records = heard_chronology_records_new ();
  heard_chronology_records_add_entries (snapshot->records,
                                        heard_case_file_get_chronology (self->case_file));
  heard_chronology_records_add_statements (snapshot->records,
                                           heard_case_file_get_statements (self->case_file));
  heard_chronology_records_add_check_ins (snapshot->records,
                                          heard_case_file_get_check_ins (self->case_file));
  heard_chronology_records_add_plans (snapshot->records,
                                      heard_case_file_get_plans (self->case_file));
  heard_chronology_records_add_sharing (snapshot->records,
                                        heard_case_file_get_sharing_log (self->case_file));
  heard_chronology_records_add_agencies (snapshot->records, self->agencies);
  for (guint kind = 0; kind < HEARD_CHRONOLOGY_N_KINDS; kind++)
    snapshot->shown_kinds[kind] = self->kind_checks[kind] == NULL ||
                                  gtk_check_button_get_active (self->kind_checks[kind]);
  snapshot->hidden_agencies = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  {
    GHashTableIter iter;
    gpointer id;

    g_hash_table_iter_init (&iter, self->hidden_agencies);
    while (g_hash_table_iter_next (&iter, &id, NULL))
      g_hash_table_add (snapshot->hidden_agencies, g_memdup2 (id, sizeof (gint64)));
  }

  task = g_task_new (self, self->cancellable, built_cb, NULL);
  g_task_set_source_tag (task, rebuild);
  g_task_set_task_data (task, snapshot, (GDestroyNotify) snapshot_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, build_thread);
}

/* Shows a sign or strength in full, beside its row in the list. */
static void
show_detail (HeardChronologyPage *self,
             HeardChronologyRow  *row,
             guint                index)
{
  GtkListBoxRow *list_row = gtk_list_box_get_row_at_index (self->list, index);
  g_autofree char *title = NULL;
  g_autofree char *source = NULL;
  graphene_rect_t bounds;

  /* TRANSLATORS: a chronology entry's heading: its kind, then when */
  title = g_strdup_printf (_("%s, %s"), heard_chronology_kind_label (row->kind), row->when);
  /* TRANSLATORS: who reported a sign or strength, and for which agency */
  source = heard_text_is_blank (row->who)
           ? g_strdup (row->lane)
           : g_strdup_printf (_("Reported by %s, %s"), row->who, row->lane);
  gtk_label_set_label (self->detail_title, title);
  gtk_label_set_label (self->detail_body, row->what);
  gtk_label_set_label (self->detail_source, source);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->amend_button), "x", row->record_id);
  /* It points at its row, which must be in sight for it to show. */
  if (list_row != NULL)
    scroll_to_row (self, list_row);
  if (list_row != NULL && gtk_widget_compute_bounds (GTK_WIDGET (list_row),
                                                     GTK_WIDGET (self->list), &bounds))
    gtk_popover_set_pointing_to (self->detail_popover, &(GdkRectangle) {
      bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height });
  gtk_popover_popup (self->detail_popover);
}

/* Enter on the timeline or a row: a sign or strength in full here; their
 * words, a check-in or a plan's decision where they live. */
static void
open_event (HeardChronologyPage *self,
            gint64               id)
{
  guint index;
  HeardChronologyRow *row = find_row (self, id, &index);

  if (row == NULL)
    return;

  if (row->source == HEARD_CHRONOLOGY_FROM_ENTRY)
    show_detail (self, row, index);
  else
    g_signal_emit (self, signals[OPEN_RECORD], 0, (guint) row->source, row->record_id);
}

static void
activate_event_cb (HeardChronologyPage *self,
                   gint64               id)
{
  open_event (self, id);
}

static void
selected_id_cb (HeardChronologyPage *self)
{
  if (!self->syncing)
    select_in_list (self);
}

/* The timeline's selection follows the list's. */
static void
row_selected_cb (HeardChronologyPage *self,
                 GtkListBoxRow       *list_row)
{
  HeardChronologyRow *row;

  if (self->syncing || list_row == NULL || self->rows == NULL)
    return;

  row = g_ptr_array_index (self->rows, gtk_list_box_row_get_index (list_row));
  self->syncing = TRUE;
  heard_timeline_set_selected_id (self->timeline, row->id);
  self->syncing = FALSE;
}

static void
row_activated_cb (HeardChronologyPage *self,
                  GtkListBoxRow       *list_row)
{
  HeardChronologyRow *row = g_ptr_array_index (self->rows, gtk_list_box_row_get_index (list_row));

  open_event (self, row->id);
}

static void
zoom_in_cb (HeardChronologyPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->timeline), "timeline.zoom", "b", TRUE);
}

static void
zoom_out_cb (HeardChronologyPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->timeline), "timeline.zoom", "b", FALSE);
}

static void
today_cb (HeardChronologyPage *self)
{
  heard_timeline_show_today (self->timeline);
}

static void
agency_toggled_cb (GtkCheckButton *check,
                   gpointer        user_data)
{
  HeardChronologyPage *self = HEARD_CHRONOLOGY_PAGE (user_data);
  GtkWidget *list_row = gtk_widget_get_ancestor (GTK_WIDGET (check), GTK_TYPE_LIST_BOX_ROW);
  g_autoptr(HeardDirectoryAgency) agency = NULL;
  gint64 id;

  if (list_row == NULL || self->agencies == NULL)
    return;

  agency = g_list_model_get_item (self->agencies,
                                  gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (list_row)));
  if (agency == NULL)
    return;

  id = heard_directory_agency_get_id (agency);
  if (gtk_check_button_get_active (check))
    g_hash_table_remove (self->hidden_agencies, &id);
  else
    g_hash_table_add (self->hidden_agencies, g_memdup2 (&id, sizeof id));
  rebuild (self);
}

static GtkWidget *
create_agency_check (gpointer item,
                     gpointer user_data)
{
  HeardChronologyPage *self = HEARD_CHRONOLOGY_PAGE (user_data);
  HeardDirectoryAgency *agency = item;
  gint64 id = heard_directory_agency_get_id (agency);
  GtkWidget *check =
    gtk_check_button_new_with_label (heard_directory_agency_get_text (agency,
                                                                      HEARD_DIRECTORY_AGENCY_NAME));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               !g_hash_table_contains (self->hidden_agencies, &id));
  g_signal_connect_object (check, "toggled", G_CALLBACK (agency_toggled_cb), self, 0);
  return check;
}

static void
disconnect_models (HeardChronologyPage *self)
{
  if (self->case_file != NULL)
    {
      g_signal_handlers_disconnect_by_data (heard_case_file_get_chronology (self->case_file), self);
      g_signal_handlers_disconnect_by_data (heard_case_file_get_statements (self->case_file), self);
      g_signal_handlers_disconnect_by_data (heard_case_file_get_check_ins (self->case_file), self);
      g_signal_handlers_disconnect_by_data (heard_case_file_get_plans (self->case_file), self);
      g_signal_handlers_disconnect_by_data (heard_case_file_get_sharing_log (self->case_file),
                                            self);
    }
  if (self->agencies != NULL)
    g_signal_handlers_disconnect_by_data (self->agencies, self);
}

static void
heard_chronology_page_dispose (GObject *object)
{
  HeardChronologyPage *self = HEARD_CHRONOLOGY_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  disconnect_models (self);
  g_clear_object (&self->case_file);
  g_clear_object (&self->agencies);
  if (self->detail_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->detail_popover));
  self->detail_popover = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_CHRONOLOGY_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (heard_chronology_page_parent_class)->dispose (object);
}

static void
heard_chronology_page_finalize (GObject *object)
{
  HeardChronologyPage *self = HEARD_CHRONOLOGY_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_hash_table_unref (self->hidden_agencies);

  G_OBJECT_CLASS (heard_chronology_page_parent_class)->finalize (object);
}

static void
heard_chronology_page_class_init (HeardChronologyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_chronology_page_dispose;
  object_class->finalize = heard_chronology_page_finalize;

  signals[OPEN_RECORD] =
    g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT64);

  g_type_ensure (HEARD_TYPE_TIMELINE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-chronology-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardChronologyPage, timeline);
  gtk_widget_class_bind_template_child (widget_class, HeardChronologyPage, list);
  gtk_widget_class_bind_template_child (widget_class, HeardChronologyPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, HeardChronologyPage, filter_label);
  gtk_widget_class_bind_template_child (widget_class, HeardChronologyPage, zoom_in_button);
  gtk_widget_class_bind_template_child (widget_class, HeardChronologyPage, zoom_out_button);
  gtk_widget_class_bind_template_child (widget_class, HeardChronologyPage, today_button);
  gtk_widget_class_bind_template_child (widget_class, HeardChronologyPage, agency_list);
  gtk_widget_class_bind_template_child (widget_class, HeardChronologyPage, detail_popover);
  gtk_widget_class_bind_template_child (widget_class, HeardChronologyPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, HeardChronologyPage, detail_body);
  gtk_widget_class_bind_template_child (widget_class, HeardChronologyPage, amend_button);
  gtk_widget_class_bind_template_child (widget_class, HeardChronologyPage, detail_source);
  gtk_widget_class_bind_template_child_full (widget_class, "harm_check", FALSE,
                                             G_STRUCT_OFFSET (HeardChronologyPage,
                                                              kind_checks[HEARD_CHRONOLOGY_SIGN_OF_HARM]));
  gtk_widget_class_bind_template_child_full (widget_class, "vulnerability_check", FALSE,
                                             G_STRUCT_OFFSET (HeardChronologyPage,
                                                              kind_checks[HEARD_CHRONOLOGY_VULNERABILITY]));
  gtk_widget_class_bind_template_child_full (widget_class, "strength_check", FALSE,
                                             G_STRUCT_OFFSET (HeardChronologyPage,
                                                              kind_checks[HEARD_CHRONOLOGY_STRENGTH]));
  gtk_widget_class_bind_template_child_full (widget_class, "statement_check", FALSE,
                                             G_STRUCT_OFFSET (HeardChronologyPage,
                                                              kind_checks[HEARD_CHRONOLOGY_STATEMENT]));
  gtk_widget_class_bind_template_child_full (widget_class, "check_in_check", FALSE,
                                             G_STRUCT_OFFSET (HeardChronologyPage,
                                                              kind_checks[HEARD_CHRONOLOGY_CHECK_IN]));
  gtk_widget_class_bind_template_child_full (widget_class, "plan_check", FALSE,
                                             G_STRUCT_OFFSET (HeardChronologyPage,
                                                              kind_checks[HEARD_CHRONOLOGY_PLAN_EVENT]));
  gtk_widget_class_bind_template_child_full (widget_class, "sharing_check", FALSE,
                                             G_STRUCT_OFFSET (HeardChronologyPage,
                                                              kind_checks[HEARD_CHRONOLOGY_SHARING]));
  gtk_widget_class_bind_template_child_full (widget_class, "not_shared_check", FALSE,
                                             G_STRUCT_OFFSET (HeardChronologyPage,
                                                              kind_checks[HEARD_CHRONOLOGY_NOT_SHARED]));
}

static void
heard_chronology_page_init (HeardChronologyPage *self)
{
  self->hidden_agencies = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_parent (GTK_WIDGET (self->detail_popover), GTK_WIDGET (self->list));

  g_signal_connect_object (self->timeline, "activate-event", G_CALLBACK (activate_event_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline, "notify::selected-id", G_CALLBACK (selected_id_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "row-selected", G_CALLBACK (row_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->zoom_in_button, "clicked", G_CALLBACK (zoom_in_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->zoom_out_button, "clicked", G_CALLBACK (zoom_out_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->today_button, "clicked", G_CALLBACK (today_cb), self,
                           G_CONNECT_SWAPPED);
  for (guint kind = 0; kind < HEARD_CHRONOLOGY_N_KINDS; kind++)
    if (self->kind_checks[kind] != NULL)
      g_signal_connect_object (self->kind_checks[kind], "toggled", G_CALLBACK (rebuild), self,
                               G_CONNECT_SWAPPED);
}

void
heard_chronology_page_set_case_file (HeardChronologyPage *self,
                                     HeardCaseFile       *case_file)
{
  GListModel *models[5];

  g_return_if_fail (HEARD_IS_CHRONOLOGY_PAGE (self));
  g_return_if_fail (case_file == NULL || HEARD_IS_CASE_FILE (case_file));

  if (self->case_file == case_file)
    return;

  disconnect_models (self);
  g_set_object (&self->case_file, case_file);
  g_clear_object (&self->agencies);
  g_hash_table_remove_all (self->hidden_agencies);
  /* Nothing of the young person shown before stays while the next one's
   * events are built: not their events, nor where the timeline was. */
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  fill_list (self);
  heard_timeline_forget (self->timeline);
  for (guint kind = 0; kind < HEARD_CHRONOLOGY_N_KINDS; kind++)
    if (self->kind_checks[kind] != NULL)
      gtk_check_button_set_active (self->kind_checks[kind], TRUE);
  if (case_file != NULL)
    {
      self->agencies = g_object_ref (heard_context_get_agencies (heard_case_file_get_context (case_file)));
      models[0] = heard_case_file_get_chronology (case_file);
      models[1] = heard_case_file_get_statements (case_file);
      models[2] = heard_case_file_get_check_ins (case_file);
      models[3] = heard_case_file_get_plans (case_file);
      models[4] = heard_case_file_get_sharing_log (case_file);
      for (guint i = 0; i < G_N_ELEMENTS (models); i++)
        g_signal_connect_object (models[i], "items-changed", G_CALLBACK (rebuild), self,
                                 G_CONNECT_SWAPPED);
      g_signal_connect_object (self->agencies, "items-changed", G_CALLBACK (rebuild), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_list_box_bind_model (self->agency_list, self->agencies, create_agency_check, self, NULL);
  rebuild (self);
}

HeardTimeline *
_heard_chronology_page_get_timeline (HeardChronologyPage *self)
{
  g_return_val_if_fail (HEARD_IS_CHRONOLOGY_PAGE (self), NULL);

  return self->timeline;
}

GtkListBox *
_heard_chronology_page_get_list (HeardChronologyPage *self)
{
  g_return_val_if_fail (HEARD_IS_CHRONOLOGY_PAGE (self), NULL);

  return self->list;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-story-view"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "heard-story-view.h"
#include "heard-widgets.h"

/*
 * "Who has seen my story", written for the young person to read: everyone
 * who opened their record, read something private they said, or was sent
 * or told something about them, newest first, one short sentence each
 * ("Alex read something private you said, on 5 March 2026."). Each row is
 * named by its sentence for a screen reader and takes the keyboard's focus.
 *
 * The story is made of audit entries, which change no record and so are
 * never announced: it is asked of the case file (off the main thread)
 * whenever the view is shown, for another young person, and whenever their
 * record changes. Self-contained on purpose: co-design mode shows the same
 * widget to the young person, "embedded" in its own scrolling page under its
 * own heading, so there the view is as tall as its story and has no heading.
 */

struct _HeardStoryView
{
  AdwBin          parent_instance;

  HeardCaseFile  *case_file;
  GCancellable   *loading;

  gboolean        embedded;

  GtkWidget      *page;
  GtkWidget      *heading;
  GtkStack       *content;
  GtkListBox     *list;
};

G_DEFINE_FINAL_TYPE (HeardStoryView, heard_story_view, ADW_TYPE_BIN)

/* AdwClamp's own tightening threshold, as the view has it on its own. */
#define STORY_TIGHTENING 400

enum {
  PROP_0,
  PROP_EMBEDDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
icon_for (HeardStoryKind kind)
{
  switch (kind)
    {
    case HEARD_STORY_OPENED:
      return "document-open-symbolic";

    case HEARD_STORY_READ_SENSITIVE:
      return "view-reveal-symbolic";

    case HEARD_STORY_EXPORTED:
      return "document-send-symbolic";

    case HEARD_STORY_SHARED:
      return "mail-send-symbolic";

    case HEARD_STORY_NOT_SHARED:
    default:
      return "action-unavailable-symbolic";
    }
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  HeardStoryEvent *event = item;
  g_autofree char *sentence = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *name = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_for (heard_story_event_get_kind (event)));

  heard_story_event_describe (event, &sentence, &detail);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_widget_set_hexpand (words, TRUE);
  gtk_box_append (GTK_BOX (words), heard_wrapped_label_new (sentence, NULL));
  if (detail != NULL)
    {
      GtkWidget *label = heard_wrapped_label_new (detail, NULL);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (words), label);
    }
  gtk_box_append (GTK_BOX (box), words);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  /* A screen reader reads the whole row as it is written. */
  name = detail != NULL ? g_strjoin (" ", sentence, detail, NULL) : g_strdup (sentence);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  return row;
}

static void
show_story (HeardStoryView *self,
            GListModel     *story)
{
  gtk_list_box_bind_model (self->list, story, create_row, NULL, NULL);
  if (story == NULL)
    gtk_stack_set_visible_child_name (self->content, "loading");
  else
    gtk_stack_set_visible_child_name (self->content,
                                      g_list_model_get_n_items (story) > 0 ? "list" : "empty");
}

static void
story_listed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HeardStoryView) self = user_data;
  g_autoptr(GListModel) story = NULL;
  g_autoptr(GError) error = NULL;

  story = heard_case_file_list_story_finish (HEARD_CASE_FILE (object), result, &error);
  /* Asked again since, or for someone else: that answer is the one. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      HEARD_CASE_FILE (object) != self->case_file)
    return;

  g_clear_object (&self->loading);
  if (story == NULL)
    {
      /* Locked in the meantime, most often: nothing to show. */
      g_debug ("Could not list who has seen the story: %s", error->message);
      story = G_LIST_MODEL (g_list_store_new (HEARD_TYPE_STORY_EVENT));
    }

  show_story (self, story);
}

static void
load (HeardStoryView *self)
{
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->case_file == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  self->loading = g_cancellable_new ();
  heard_case_file_list_story_async (self->case_file, self->loading, story_listed_cb,
                                    g_object_ref (self));
}

static void
heard_story_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (heard_story_view_parent_class)->map (widget);

  /* Whatever was seen since it was last shown is in it now. */
  load (HEARD_STORY_VIEW (widget));
}

static void
heard_story_view_dispose (GObject *object)
{
  HeardStoryView *self = HEARD_STORY_VIEW (object);

  heard_story_view_set_case_file (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_STORY_VIEW);

  G_OBJECT_CLASS (heard_story_view_parent_class)->dispose (object);
}

static void
heard_story_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HeardStoryView *self = HEARD_STORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_EMBEDDED:
      g_value_set_boolean (value, self->embedded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_story_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HeardStoryView *self = HEARD_STORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_EMBEDDED:
      heard_story_view_set_embedded (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_story_view_class_init (HeardStoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_story_view_dispose;
  object_class->get_property = heard_story_view_get_property;
  object_class->set_property = heard_story_view_set_property;
  widget_class->map = heard_story_view_map;

  /**
   * HeardStoryView:embedded:
   *
   * Whether the view sits inside a page that scrolls and has its own heading:
   * it is then as tall as its story, does not scroll, and shows no heading.
   */
  properties[PROP_EMBEDDED] =
    g_param_spec_boolean ("embedded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-story-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardStoryView, page);
  gtk_widget_class_bind_template_child (widget_class, HeardStoryView, heading);
  gtk_widget_class_bind_template_child (widget_class, HeardStoryView, content);
  gtk_widget_class_bind_template_child (widget_class, HeardStoryView, list);
}

static void
heard_story_view_init (HeardStoryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
heard_story_view_set_case_file (HeardStoryView *self,
                                HeardCaseFile  *case_file)
{
  g_return_if_fail (HEARD_IS_STORY_VIEW (self));
  g_return_if_fail (case_file == NULL || HEARD_IS_CASE_FILE (case_file));

  if (self->case_file == case_file)
    return;

  if (self->case_file != NULL)
    {
      g_signal_handlers_disconnect_by_data (heard_case_file_get_statements (self->case_file),
                                            self);
      g_signal_handlers_disconnect_by_data (heard_case_file_get_sharing_log (self->case_file),
                                            self);
      g_signal_handlers_disconnect_by_data (self->case_file, self);
    }
  g_set_object (&self->case_file, case_file);
  /* Nothing of the young person shown before stays while theirs loads. */
  show_story (self, NULL);
  if (case_file != NULL)
    {
      g_signal_connect_object (case_file, "notify::person", G_CALLBACK (load), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (heard_case_file_get_statements (case_file), "items-changed",
                               G_CALLBACK (load), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (heard_case_file_get_sharing_log (case_file), "items-changed",
                               G_CALLBACK (load), self, G_CONNECT_SWAPPED);
    }
  load (self);
}

void
heard_story_view_set_embedded (HeardStoryView *self,
                               gboolean        embedded)
{
  GtkScrolledWindow *scroller;
  AdwClamp *clamp;

  g_return_if_fail (HEARD_IS_STORY_VIEW (self));

  embedded = !!embedded;
  if (self->embedded == embedded)
    return;

  self->embedded = embedded;
  /* The scroller is the bin's own child, so AdwBin, not the template, owns it. */
  scroller = GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self)));
  gtk_scrolled_window_set_policy (scroller, GTK_POLICY_NEVER,
                                  embedded ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (scroller, embedded);
  gtk_widget_set_vexpand (GTK_WIDGET (scroller), !embedded);
  gtk_widget_set_visible (self->heading, !embedded);
  /* In line with the page around it. */
  gtk_widget_set_margin_start (self->page, embedded ? 0 : 12);
  gtk_widget_set_margin_end (self->page, embedded ? 0 : 12);
  gtk_widget_set_margin_top (self->page, embedded ? 0 : 18);
  /* The clamp's own narrowing too: the page around it has its own clamp. */
  clamp = ADW_CLAMP (gtk_widget_get_parent (self->page));
  adw_clamp_set_tightening_threshold (clamp, embedded ? adw_clamp_get_maximum_size (clamp)
                                                      : STORY_TIGHTENING);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMBEDDED]);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-story-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include <adwaita.h>

#include "heard-date.h"
#include "heard-story-view.h"

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
 * record changes. Self-contained on purpose: co-design mode will show the
 * same widget to the young person.
 */

struct _HeardStoryView
{
  AdwBin          parent_instance;

  HeardCaseFile  *case_file;
  GCancellable   *loading;

  GtkStack       *content;
  GtkListBox     *list;
};

G_DEFINE_FINAL_TYPE (HeardStoryView, heard_story_view, ADW_TYPE_BIN)

/* Who did it. Where it went out of Heard, their role says who they are
 * to the young person ("Alex Morgan (your worker)"). */
static char *
describe_who (HeardStoryEvent *event,
              gboolean         with_role)
{
  const char *who = heard_story_event_get_who (event);

  if (who[0] == '\0')
    return g_strdup (_("Someone"));
  if (!with_role)
    return g_strdup (who);

  switch (heard_story_event_get_by (event))
    {
    case HEARD_STORY_BY_CASEWORKER:
      /* TRANSLATORS: a worker's name, for a young person to read. */
      return g_strdup_printf (_("%s (your worker)"), who);

    case HEARD_STORY_BY_SUPERVISOR:
      /* TRANSLATORS: a supervisor's name, for a young person to read. */
      return g_strdup_printf (_("%s (your worker’s manager)"), who);

    case HEARD_STORY_BY_OTHER:
    default:
      return g_strdup (who);
    }
}

/* What went, "your story" when nothing more is said. */
static const char *
describe_what (HeardStoryEvent *event)
{
  const char *what = heard_story_event_get_text (event, HEARD_STORY_WHAT);

  return what[0] != '\0' ? what : _("your story");
}

/* A share's what and why on lines of their own, whether they agreed,
 * then who did it. */
static char *
describe_share (HeardStoryEvent *event,
                const char      *what_label,
                const char      *why_label,
                const char      *doer)
{
  const char *what = heard_story_event_get_text (event, HEARD_STORY_WHAT);
  const char *why = heard_story_event_get_text (event, HEARD_STORY_WHY);
  const char *agreed = heard_story_event_get_text (event, HEARD_STORY_AGREED);
  g_autoptr(GString) lines = g_string_new (NULL);

  if (what[0] != '\0')
    g_string_append_printf (lines, "%s %s", what_label, what);
  if (why[0] != '\0')
    {
      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      g_string_append_printf (lines, "%s %s", why_label, why);
    }
  /* Never hidden: a share made without their agreement says so. */
  if (g_str_equal (agreed, "no") || g_str_equal (agreed, "not-asked"))
    {
      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      g_string_append (lines, g_str_equal (agreed, "no") ? _("You did not agree to this.")
                                                         : _("You were not asked first."));
    }
  if (doer != NULL)
    {
      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      /* TRANSLATORS: who shared something, for a young person to read. */
      g_string_append_printf (lines, _("%s did this."), doer);
    }
  return lines->len > 0 ? g_string_free (g_steal_pointer (&lines), FALSE) : NULL;
}

/* The event in one or two short sentences, for a reading age of about
 * nine: what happened and when first, then who did it and why. */
static void
describe (HeardStoryEvent  *event,
          char            **sentence,
          char            **detail)
{
  const char *at = heard_story_event_get_at (event);
  /* A share is dated by the day it happened, the rest by their moment. */
  g_autofree char *day = strlen (at) == 10 ? heard_date_describe (at)
                                           : heard_date_describe_moment_day (at);
  g_autofree char *who = describe_who (event, FALSE);
  g_autofree char *doer = describe_who (event, TRUE);
  const char *agency = heard_story_event_get_text (event, HEARD_STORY_AGENCY);
  const char *what = heard_story_event_get_text (event, HEARD_STORY_WHAT);
  const char *why = heard_story_event_get_text (event, HEARD_STORY_WHY);

  *detail = NULL;
  switch (heard_story_event_get_kind (event))
    {
    case HEARD_STORY_OPENED:
      *sentence = g_strdup_printf (_("%s opened your record on %s."), who, day);
      return;

    case HEARD_STORY_READ_SENSITIVE:
      *sentence = g_strdup_printf (_("%s read something private you said, on %s."), who, day);
      if (what[0] != '\0')
        *detail = g_strdup_printf (_("The note on it says: “%s”"), what);
      return;

    case HEARD_STORY_EXPORTED:
      if (agency[0] != '\0')
        *sentence = g_strdup_printf (_("%s was sent %s on %s."), agency, describe_what (event),
                                     day);
      else
        *sentence = g_strdup_printf (_("You were given %s on %s."), describe_what (event), day);
      break;

    /* The worker's own words about a share are whole sentences: they
     * go on lines of their own rather than inside one of ours. */
    case HEARD_STORY_SHARED:
      *sentence = g_strdup_printf (_("%s was told about you on %s."), agency, day);
      *detail = describe_share (event, _("What they were told:"), _("Why:"),
                                doer);
      return;

    case HEARD_STORY_NOT_SHARED:
      *sentence = g_strdup_printf (_("%s chose not to tell %s about you, on %s."), doer, agency,
                                   day);
      *detail = describe_share (event, _("What was not told:"), _("This was because:"),
                                NULL);
      return;

    default:
      g_assert_not_reached ();
    }

  if (why[0] != '\0')
    *detail = g_strdup_printf (_("%s did this because: %s"), doer, why);
  else
    *detail = g_strdup_printf (_("%s did this."), doer);
}

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
new_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);

  return label;
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

  describe (event, &sentence, &detail);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_widget_set_hexpand (words, TRUE);
  gtk_box_append (GTK_BOX (words), new_label (sentence));
  if (detail != NULL)
    {
      GtkWidget *label = new_label (detail);

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
heard_story_view_class_init (HeardStoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_story_view_dispose;
  widget_class->map = heard_story_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-story-view.ui");
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

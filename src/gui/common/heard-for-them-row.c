/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-for-them-row"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-field-error.h"
#include "heard-for-them.h"
#include "heard-for-them-mark.h"
#include "heard-for-them-row.h"
#include "heard-text-fields.h"

/*
 * Staff say, as they write, whether their text is written for the young
 * person to read (shown in co-design mode and in their own record) or
 * kept for staff. Every editor of such text has this one row, which
 * starts at the text's mark, saves a change only, and asks a reason where
 * a change is an amendment; and the quiet tag staff see where they read
 * the text says the same thing.
 */

struct _HeardForThemRow
{
  AdwActionRow      parent_instance;

  GtkCheckButton   *check;
  HeardCaseFile    *case_file;
  HeardForThemText  what;
  gint64            record_id;
  gboolean          started_at;
};

G_DEFINE_FINAL_TYPE (HeardForThemRow, heard_for_them_row, ADW_TYPE_ACTION_ROW)

enum
{
  PROP_0,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
check_toggled_cb (HeardForThemRow *self)
{
  heard_field_error_clear (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
heard_for_them_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HeardForThemRow *self = HEARD_FOR_THEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, heard_for_them_row_get_active (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_for_them_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HeardForThemRow *self = HEARD_FOR_THEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      heard_for_them_row_set_active (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_for_them_row_dispose (GObject *object)
{
  HeardForThemRow *self = HEARD_FOR_THEM_ROW (object);

  g_clear_object (&self->case_file);

  G_OBJECT_CLASS (heard_for_them_row_parent_class)->dispose (object);
}

static void
heard_for_them_row_class_init (HeardForThemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = heard_for_them_row_get_property;
  object_class->set_property = heard_for_them_row_set_property;
  object_class->dispose = heard_for_them_row_dispose;

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heard_for_them_row_init (HeardForThemRow *self)
{
  self->check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->check), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 _("_Written for them to read"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self),
                               _("Shown to them in co-design and in their own record"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), GTK_WIDGET (self->check));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->check));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Written for them to read"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Shown to them in co-design and in their own record"),
                                  -1);
  g_signal_connect_object (self->check, "toggled", G_CALLBACK (check_toggled_cb), self,
                           G_CONNECT_SWAPPED);
}

/* What a screen reader says of the check: which text it marks, as an
 * editor may hold two (an area and its worker's goal). */
static const char *
accessible_label (HeardForThemText what)
{
  switch (what)
    {
    case HEARD_FOR_THEM_AREA:
      return _("The area is written for them to read");
    case HEARD_FOR_THEM_WORKER_GOAL:
      return _("The worker's goal is written for them to read");
    case HEARD_FOR_THEM_ACTION:
      return _("The action is written for them to read");
    case HEARD_FOR_THEM_ANSWER:
      return _("The answer is written for them to read");
    case HEARD_FOR_THEM_STATEMENT_CONTEXT:
      return _("The worker's context is written for them to read");
    case HEARD_FOR_THEM_CHECK_IN_NOTE:
    case HEARD_FOR_THEM_N_TEXTS:
    default:
      return _("The worker's note is written for them to read");
    }
}

void
heard_for_them_row_load (HeardForThemRow  *self,
                         HeardCaseFile    *case_file,
                         HeardForThemText  what,
                         gint64            record_id)
{
  g_return_if_fail (HEARD_IS_FOR_THEM_ROW (self));
  g_return_if_fail (HEARD_IS_CASE_FILE (case_file));

  g_set_object (&self->case_file, case_file);
  self->what = what;
  self->record_id = record_id;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label (what), -1);
  self->started_at = record_id != 0 ? heard_case_file_written_for_them (case_file, what, record_id)
                                    : heard_for_them_default (what);
  heard_for_them_row_set_active (self, self->started_at);
}

gboolean
heard_for_them_row_get_active (HeardForThemRow *self)
{
  g_return_val_if_fail (HEARD_IS_FOR_THEM_ROW (self), FALSE);

  return gtk_check_button_get_active (self->check);
}

void
heard_for_them_row_set_active (HeardForThemRow *self,
                               gboolean         active)
{
  g_return_if_fail (HEARD_IS_FOR_THEM_ROW (self));

  /* The check notifies through toggled, only on change. */
  gtk_check_button_set_active (self->check, active);
}

gboolean
heard_for_them_row_get_changed (HeardForThemRow *self)
{
  g_return_val_if_fail (HEARD_IS_FOR_THEM_ROW (self), FALSE);

  return !heard_for_them_row_get_active (self) != !self->started_at;
}

gboolean
heard_for_them_row_check (HeardForThemRow *self,
                          const char      *reason)
{
  g_return_val_if_fail (HEARD_IS_FOR_THEM_ROW (self), FALSE);

  if (self->record_id == 0 || !heard_for_them_row_get_changed (self) ||
      !heard_for_them_needs_reason (self->what) || !heard_text_is_blank (reason))
    return TRUE;

  heard_field_error_show (GTK_WIDGET (self),
                          _("This is never changed once written, so changing who it is written "
                            "for is an amendment: please give the reason."));
  return FALSE;
}

static void
mark_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (heard_case_file_write_finish (HEARD_CASE_FILE (object), result, &error) == 0)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
heard_for_them_row_save_async (HeardForThemRow     *self,
                               gint64               record_id,
                               const char          *reason,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(HeardForThemMark) mark = NULL;

  g_return_if_fail (HEARD_IS_FOR_THEM_ROW (self));
  g_return_if_fail (HEARD_IS_CASE_FILE (self->case_file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, heard_for_them_row_save_async);
  if (!heard_for_them_row_get_changed (self))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Text being written takes its mark with it: that is no amendment. */
  if (self->record_id == 0 && heard_for_them_needs_reason (self->what))
    reason = _("Chosen as it was written.");
  mark = heard_for_them_mark_new (heard_case_file_get_person_id (self->case_file), self->what,
                                  record_id, heard_for_them_row_get_active (self), reason);
  heard_case_file_set_for_them_async (self->case_file, mark, cancellable, mark_saved_cb,
                                      g_steal_pointer (&task));
}

gboolean
heard_for_them_row_save_finish (HeardForThemRow  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  GListModel       *marks;
  HeardForThemText  what;
  gint64            record_id;
} TagData;

static void
tag_data_free (gpointer data)
{
  TagData *tag_data = data;

  g_object_unref (tag_data->marks);
  g_free (tag_data);
}

static void
tag_update (GtkWidget *tag)
{
  TagData *data = g_object_get_data (G_OBJECT (tag), "heard-for-them");
  gboolean for_them = heard_written_for_them (data->marks, data->what, data->record_id);

  gtk_label_set_text (GTK_LABEL (tag), for_them ? _("For them") : _("Staff only"));
  gtk_widget_set_tooltip_text (tag, for_them ? _("Written for them to read: shown to them in "
                                                 "co-design and in their own record")
                                             : _("Kept for staff: never shown to them"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (tag), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  for_them ? _("Written for them to read")
                                           : _("Staff only, never shown to them"),
                                  -1);
}

GtkWidget *
heard_for_them_tag_new (GListModel       *marks,
                        HeardForThemText  what,
                        gint64            record_id)
{
  GtkWidget *tag = gtk_label_new (NULL);
  TagData *data = g_new0 (TagData, 1);

  g_return_val_if_fail (G_IS_LIST_MODEL (marks), NULL);

  data->marks = g_object_ref (marks);
  data->what = what;
  data->record_id = record_id;
  g_object_set_data_full (G_OBJECT (tag), "heard-for-them", data, tag_data_free);
  gtk_widget_add_css_class (tag, "caption");
  gtk_widget_add_css_class (tag, "dim-label");
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  tag_update (tag);
  g_signal_connect_object (marks, "items-changed", G_CALLBACK (tag_update), tag,
                           G_CONNECT_SWAPPED);
  return tag;
}

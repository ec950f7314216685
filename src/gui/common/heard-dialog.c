/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-choice-row.h"
#include "heard-date-row.h"
#include "heard-dialog.h"
#include "heard-field-error.h"
#include "heard-widgets.h"

/* How long after the last change a draft is kept. */
#define DRAFT_DELAY_MS 2000

typedef struct
{
  GCancellable   *cancellable;
  gboolean        changed;
  gboolean        saved;

  /* Set by heard_dialog_keep_drafts(): where drafts go and what for. */
  HeardContext   *context;
  HeardDraft     *identity;
  guint           draft_timeout;
  /* A draft may be in the records: remove it when done. */
  gboolean        draft_kept;
  /* The draft the dialog was opened with, for fields made later. */
  HeardDraft     *applied;

  GtkBox         *content;
  AdwWindowTitle *title;
  GtkWidget      *save_button;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  GtkWidget      *body;
} HeardDialogPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (HeardDialog, heard_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_HEADING,
  PROP_SAVE_LABEL,
  PROP_BODY,
  PROP_DESTRUCTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_body (HeardDialog *self,
          GtkWidget   *body)
{
  HeardDialogPrivate *priv = heard_dialog_get_instance_private (self);

  if (priv->body == body)
    return;

  if (priv->body != NULL)
    gtk_box_remove (priv->content, priv->body);
  priv->body = body;
  if (body != NULL)
    {
      gtk_widget_set_vexpand (body, TRUE);
      gtk_box_append (priv->content, body);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

/* What saving does that cannot be taken back (closing a plan) is styled as
 * such in the dialog just as on the button that opened it. */
static void
set_destructive (HeardDialog *self,
                 gboolean     destructive)
{
  HeardDialogPrivate *priv = heard_dialog_get_instance_private (self);

  destructive = !!destructive;
  if (gtk_widget_has_css_class (priv->save_button, "destructive-action") == destructive)
    return;

  if (destructive)
    {
      gtk_widget_remove_css_class (priv->save_button, "suggested-action");
      gtk_widget_add_css_class (priv->save_button, "destructive-action");
    }
  else
    {
      gtk_widget_remove_css_class (priv->save_button, "destructive-action");
      gtk_widget_add_css_class (priv->save_button, "suggested-action");
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESTRUCTIVE]);
}

/* Drafts */

/* A passphrase is never written down, not even inside the records. */
static gboolean
is_secret (GtkWidget *widget)
{
  return ADW_IS_PASSWORD_ENTRY_ROW (widget) || GTK_IS_PASSWORD_ENTRY (widget);
}

/* Each kind of field a draft keeps, and how its value is read as text and
 * set again from it. A value is set as someone typing or picking would set
 * it, so what the dialog binds to the field follows. Kinds are tried in
 * order: a date row is an editable too. */
typedef struct
{
  GType  (*get_type)  (void);
  char  *(*dup_value) (GtkWidget  *field);
  void   (*set_value) (GtkWidget  *field,
                       const char *value);
} FieldKind;

/* A day is kept as stored (2025-03-14), whatever the locale shows; what
 * cannot be read as a day is kept as typed. */
static char *
dup_date (GtkWidget *field)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (field));
  GDate day;

  if (!heard_date_parse (text, &day, NULL))
    return g_strdup (text);

  return heard_date_to_iso (&day);
}

static void
set_date (GtkWidget  *field,
          const char *value)
{
  heard_date_row_set_stored (HEARD_DATE_ROW (field), value);
}

static char *
dup_editable_text (GtkWidget *field)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field)));
}

static void
set_editable_text (GtkWidget  *field,
                   const char *value)
{
  gtk_editable_set_text (GTK_EDITABLE (field), value);
}

static char *
dup_view_text (GtkWidget *field)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_view_text (GtkWidget  *field,
               const char *value)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), value, -1);
}

static char *
dup_switch (GtkWidget *field)
{
  return g_strdup (gtk_switch_get_active (GTK_SWITCH (field)) ? "true" : "false");
}

static void
set_switch (GtkWidget  *field,
            const char *value)
{
  gtk_switch_set_active (GTK_SWITCH (field), g_str_equal (value, "true"));
}

static char *
dup_check (GtkWidget *field)
{
  return g_strdup (gtk_check_button_get_active (GTK_CHECK_BUTTON (field)) ? "true" : "false");
}

static void
set_check (GtkWidget  *field,
           const char *value)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (field), g_str_equal (value, "true"));
}

/* A choice by its id, never its translated label; a row whose options
 * have no ids keeps nothing. */
static char *
dup_choice (GtkWidget *field)
{
  return g_strdup (heard_choice_row_get_chosen_id (HEARD_CHOICE_ROW (field)));
}

static void
set_choice (GtkWidget  *field,
            const char *value)
{
  heard_choice_row_choose_id (HEARD_CHOICE_ROW (field), value);
}

static const FieldKind field_kinds[] = {
  { heard_date_row_get_type, dup_date, set_date },
  { gtk_editable_get_type, dup_editable_text, set_editable_text },
  { gtk_text_view_get_type, dup_view_text, set_view_text },
  { gtk_switch_get_type, dup_switch, set_switch },
  { gtk_check_button_get_type, dup_check, set_check },
  { heard_choice_row_get_type, dup_choice, set_choice },
};

static const FieldKind *
find_field_kind (GtkWidget *widget)
{
  for (gsize i = 0; i < G_N_ELEMENTS (field_kinds); i++)
    if (G_TYPE_CHECK_INSTANCE_TYPE (widget, field_kinds[i].get_type ()))
      return &field_kinds[i];

  return NULL;
}

/* A field's name in a draft: its template id, or, for one made in code,
 * the name given to it with gtk_widget_set_name() (unnamed, a widget's
 * name is its type's). */
static const char *
get_field_name (GtkWidget *widget)
{
  const char *name = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));

  if (name != NULL)
    return name;

  name = gtk_widget_get_name (widget);
  return g_strcmp0 (name, G_OBJECT_TYPE_NAME (widget)) != 0 ? name : NULL;
}

/* Calls @func on each field under @widget with its kind and name, in tree
 * order; stops when it returns TRUE, and returns that. */
static gboolean
each_field (GtkWidget  *widget,
            gboolean  (*func) (GtkWidget       *field,
                               const FieldKind *kind,
                               const char      *name,
                               gpointer         data),
            gpointer    data)
{
  const FieldKind *kind;
  const char *name;

  if (is_secret (widget))
    return FALSE;

  kind = find_field_kind (widget);
  name = get_field_name (widget);
  if (kind != NULL && name != NULL)
    return func (widget, kind, name, data);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (each_field (child, func, data))
      return TRUE;

  return FALSE;
}

/* Where the cursor is in a field typed in; 0 in one that is not. */
static int
get_cursor (GtkWidget *field)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  if (GTK_IS_EDITABLE (field))
    return gtk_editable_get_position (GTK_EDITABLE (field));
  if (!GTK_IS_TEXT_VIEW (field))
    return 0;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

typedef struct
{
  HeardDraft *draft;
  GtkWidget  *focus;
} Collecting;

static gboolean
collect_field (GtkWidget       *field,
               const FieldKind *kind,
               const char      *name,
               gpointer         data)
{
  Collecting *collecting = data;
  g_autofree char *value = NULL;

  /* A name met twice (a form inside a form) keeps its first field. */
  if (heard_draft_get_field (collecting->draft, name) != NULL)
    return FALSE;

  value = kind->dup_value (field);
  if (value == NULL)
    return FALSE;

  heard_draft_set_field (collecting->draft, name, value);
  if (collecting->focus != NULL &&
      (collecting->focus == field || gtk_widget_is_ancestor (collecting->focus, field)))
    heard_draft_set_focus (collecting->draft, name, get_cursor (field));

  return FALSE;
}

static gboolean
apply_field (GtkWidget       *field,
             const FieldKind *kind,
             const char      *name,
             gpointer         data)
{
  HeardDraft *draft = data;
  const char *value = heard_draft_get_field (draft, name);

  if (value == NULL || !gtk_widget_is_sensitive (field))
    return FALSE;

  kind->set_value (field, value);

  return FALSE;
}

static gboolean
focus_field (GtkWidget       *field,
             const FieldKind *kind,
             const char      *name,
             gpointer         data)
{
  HeardDraft *draft = data;
  int cursor = heard_draft_get_cursor (draft);
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  if (g_strcmp0 (name, heard_draft_get_focus (draft)) != 0)
    return FALSE;

  gtk_widget_grab_focus (field);
  if (GTK_IS_EDITABLE (field))
    {
      gtk_editable_set_position (GTK_EDITABLE (field), cursor);
      return TRUE;
    }
  if (!GTK_IS_TEXT_VIEW (field))
    return TRUE;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, cursor);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (field), gtk_text_buffer_get_insert (buffer));

  return TRUE;
}

static void
draft_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Nothing to tell anyone: the text is still in the dialog (or, after a
   * lock, the next start offers an older draft). */
  if (!heard_context_save_draft_finish (HEARD_CONTEXT (object), result, &error))
    g_message ("Could not keep a draft: %s", error->message);
}

static void
draft_deleted_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!heard_context_delete_draft_finish (HEARD_CONTEXT (object), result, &error))
    g_message ("Could not remove a draft: %s", error->message);
}

static void
cancel_draft_timeout (HeardDialog *self)
{
  HeardDialogPrivate *priv = heard_dialog_get_instance_private (self);

  g_clear_handle_id (&priv->draft_timeout, g_source_remove);
}

/* Keeps the draft now. It is written even if the dialog goes: a lock
 * closes it at once, and the write must still land. */
static void
write_draft (HeardDialog *self)
{
  HeardDialogPrivate *priv = heard_dialog_get_instance_private (self);
  g_autoptr(HeardDraft) draft = NULL;

  cancel_draft_timeout (self);
  if (priv->context == NULL || !priv->changed || priv->saved)
    return;

  draft = heard_dialog_dup_draft (self);
  priv->draft_kept = TRUE;
  heard_context_save_draft_async (priv->context, draft, NULL, draft_written_cb, NULL);
}

/* Done with: the draft goes, if one was kept. */
static void
forget_draft (HeardDialog *self)
{
  HeardDialogPrivate *priv = heard_dialog_get_instance_private (self);

  cancel_draft_timeout (self);
  if (priv->context == NULL || !priv->draft_kept)
    return;

  priv->draft_kept = FALSE;
  heard_context_delete_draft_async (priv->context, priv->identity, NULL, draft_deleted_cb,
                                    NULL);
}

static gboolean
draft_timeout_cb (gpointer user_data)
{
  HeardDialog *self = user_data;
  HeardDialogPrivate *priv = heard_dialog_get_instance_private (self);

  priv->draft_timeout = 0;
  write_draft (self);

  return G_SOURCE_REMOVE;
}

void
heard_dialog_close_for_lock (HeardDialog *self)
{
  HeardDialogPrivate *priv;

  g_return_if_fail (HEARD_IS_DIALOG (self));

  priv = heard_dialog_get_instance_private (self);
  if (priv->identity != NULL)
    write_draft (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeardDialog *self = HEARD_DIALOG (widget);

  heard_dialog_show_error (self, NULL);
  gtk_widget_action_set_enabled (widget, "dialog.save", FALSE);
  HEARD_DIALOG_GET_CLASS (self)->save (self);
}

static void
discarded_cb (GtkWindow *window)
{
  HeardDialogPrivate *priv = heard_dialog_get_instance_private (HEARD_DIALOG (window));

  priv->changed = FALSE;
  forget_draft (HEARD_DIALOG (window));
}

static gboolean
heard_dialog_close_request (GtkWindow *window)
{
  HeardDialog *self = HEARD_DIALOG (window);
  HeardDialogPrivate *priv = heard_dialog_get_instance_private (self);

  if (!priv->changed || priv->saved)
    return GTK_WINDOW_CLASS (heard_dialog_parent_class)->close_request (window);

  /* Nothing typed is thrown away without asking. */
  heard_ask_to_discard (window, discarded_cb);

  return TRUE;
}

static void
heard_dialog_dispose (GObject *object)
{
  HeardDialogPrivate *priv = heard_dialog_get_instance_private (HEARD_DIALOG (object));

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  cancel_draft_timeout (HEARD_DIALOG (object));
  g_clear_object (&priv->context);
  g_clear_object (&priv->identity);
  g_clear_object (&priv->applied);

  G_OBJECT_CLASS (heard_dialog_parent_class)->dispose (object);
}

static void
heard_dialog_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HeardDialogPrivate *priv = heard_dialog_get_instance_private (HEARD_DIALOG (object));

  switch (prop_id)
    {
    case PROP_HEADING:
      g_value_set_string (value, adw_window_title_get_title (priv->title));
      break;

    case PROP_SAVE_LABEL:
      g_value_set_string (value, gtk_button_get_label (GTK_BUTTON (priv->save_button)));
      break;

    case PROP_BODY:
      g_value_set_object (value, priv->body);
      break;

    case PROP_DESTRUCTIVE:
      g_value_set_boolean (value, gtk_widget_has_css_class (priv->save_button,
                                                            "destructive-action"));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_dialog_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HeardDialog *self = HEARD_DIALOG (object);
  HeardDialogPrivate *priv = heard_dialog_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_HEADING:
      adw_window_title_set_title (priv->title, g_value_get_string (value));
      gtk_window_set_title (GTK_WINDOW (self), g_value_get_string (value));
      break;

    case PROP_SAVE_LABEL:
      gtk_button_set_label (GTK_BUTTON (priv->save_button), g_value_get_string (value));
      break;

    case PROP_BODY:
      set_body (self, g_value_get_object (value));
      break;

    case PROP_DESTRUCTIVE:
      set_destructive (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_dialog_class_init (HeardDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = heard_dialog_dispose;
  object_class->get_property = heard_dialog_get_property;
  object_class->set_property = heard_dialog_set_property;
  window_class->close_request = heard_dialog_close_request;

  properties[PROP_HEADING] = g_param_spec_string ("heading", NULL, NULL, NULL, flags);
  properties[PROP_SAVE_LABEL] = g_param_spec_string ("save-label", NULL, NULL, NULL, flags);
  properties[PROP_BODY] = g_param_spec_object ("body", NULL, NULL, GTK_TYPE_WIDGET, flags);
  /* Whether saving cannot be undone, so its button is styled destructive. */
  properties[PROP_DESTRUCTIVE] = g_param_spec_boolean ("destructive", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "dialog.save", NULL);
}

static void
heard_dialog_init (HeardDialog *self)
{
  HeardDialogPrivate *priv = heard_dialog_get_instance_private (self);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  /* Read out at once by screen readers when it appears. */
  GtkWidget *error_label = g_object_new (GTK_TYPE_LABEL,
                                         "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT, NULL);

  priv->cancellable = g_cancellable_new ();
  heard_window_let_go_of_gone_parent (GTK_WINDOW (self));
  priv->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  priv->title = ADW_WINDOW_TITLE (adw_window_title_new (NULL, NULL));
  priv->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  priv->error_revealer = GTK_REVEALER (gtk_revealer_new ());
  priv->error_label = GTK_LABEL (error_label);

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (priv->title));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (priv->save_button), "dialog.save");
  gtk_button_set_use_underline (GTK_BUTTON (priv->save_button), TRUE);
  gtk_widget_add_css_class (priv->save_button, "suggested-action");
  heard_accessibility_name_mnemonics (cancel);
  heard_accessibility_name_mnemonics (priv->save_button);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), priv->save_button);

  gtk_label_set_wrap (priv->error_label, TRUE);
  gtk_label_set_xalign (priv->error_label, 0);
  gtk_widget_add_css_class (error_label, "error-banner");
  gtk_revealer_set_child (priv->error_revealer, error_label);

  gtk_box_append (priv->content, header);
  gtk_box_append (priv->content, GTK_WIDGET (priv->error_revealer));
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (priv->content));

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 720);
  gtk_window_set_default_widget (GTK_WINDOW (self), priv->save_button);
}

/* Cancelled when the dialog goes away: pass it to the save. */
GCancellable *
heard_dialog_get_cancellable (HeardDialog *self)
{
  HeardDialogPrivate *priv;

  g_return_val_if_fail (HEARD_IS_DIALOG (self), NULL);

  priv = heard_dialog_get_instance_private (self);
  return priv->cancellable;
}

/* Something was typed: closing now asks first. */
void
heard_dialog_set_changed (HeardDialog *self)
{
  HeardDialogPrivate *priv;

  g_return_if_fail (HEARD_IS_DIALOG (self));

  priv = heard_dialog_get_instance_private (self);
  priv->changed = TRUE;

  /* A draft is kept once typing stops for a moment. */
  if (priv->context != NULL)
    {
      cancel_draft_timeout (self);
      priv->draft_timeout = g_timeout_add (DRAFT_DELAY_MS, draft_timeout_cb, self);
    }
}

/* Shows @message in the banner, or hides the banner when it is NULL. */
void
heard_dialog_show_error (HeardDialog *self,
                         const char  *message)
{
  HeardDialogPrivate *priv;

  g_return_if_fail (HEARD_IS_DIALOG (self));

  priv = heard_dialog_get_instance_private (self);
  gtk_label_set_text (priv->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (priv->error_revealer, message != NULL);
}

/* What the dialog says is wrong: in the banner, or else beside a field;
 * NULL when nothing is. */
const char *
heard_dialog_get_error (HeardDialog *self)
{
  HeardDialogPrivate *priv;

  g_return_val_if_fail (HEARD_IS_DIALOG (self), NULL);

  priv = heard_dialog_get_instance_private (self);
  if (!gtk_revealer_get_reveal_child (priv->error_revealer))
    return heard_field_error_find (priv->body != NULL ? priv->body : GTK_WIDGET (self));

  return gtk_label_get_text (priv->error_label);
}

/* Ends a save started by save(): with @error the dialog stays open with
 * everything typed and says what went wrong; without, it emits "saved"
 * and closes. */
void
heard_dialog_finish_saving (HeardDialog  *self,
                            const GError *error)
{
  HeardDialogPrivate *priv;

  g_return_if_fail (HEARD_IS_DIALOG (self));

  priv = heard_dialog_get_instance_private (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", TRUE);

  if (error != NULL)
    {
      /* Said beside its field already: the banner is for what no field owns. */
      if (error->domain != HEARD_FIELD_ERROR &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        heard_dialog_show_error (self, heard_describe_save_error (error));
      return;
    }

  priv->saved = TRUE;
  forget_draft (self);
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

/* Ends a save started by save() that the dialog refused itself, having
 * said why beside the field concerned: nothing is shown in the banner and
 * saving can be tried again. */
void
heard_dialog_resume_saving (HeardDialog *self)
{
  g_return_if_fail (HEARD_IS_DIALOG (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", TRUE);
}

/* Keeps drafts of what is typed in @context's records, as an editor of
 * @kind about @person_id's @subject_id and @part (see HeardDraft): see the
 * top of heard-dialog.h. Call once, as the dialog is made. */
void
heard_dialog_keep_drafts (HeardDialog    *self,
                          HeardContext   *context,
                          HeardDraftKind  kind,
                          gint64          person_id,
                          gint64          subject_id,
                          gint64          part)
{
  HeardDialogPrivate *priv;

  g_return_if_fail (HEARD_IS_DIALOG (self));
  g_return_if_fail (HEARD_IS_CONTEXT (context));

  priv = heard_dialog_get_instance_private (self);
  g_return_if_fail (priv->context == NULL);

  priv->context = g_object_ref (context);
  priv->identity = heard_draft_new (kind, person_id, subject_id);
  heard_draft_set_part (priv->identity, part);
}

/* What the dialog holds now, as a draft of it. */
HeardDraft *
heard_dialog_dup_draft (HeardDialog *self)
{
  HeardDialogPrivate *priv;
  Collecting collecting = { NULL, NULL };

  g_return_val_if_fail (HEARD_IS_DIALOG (self), NULL);

  priv = heard_dialog_get_instance_private (self);
  g_return_val_if_fail (priv->identity != NULL, NULL);

  collecting.draft = heard_draft_new (heard_draft_get_kind (priv->identity),
                                      heard_draft_get_person_id (priv->identity),
                                      heard_draft_get_subject_id (priv->identity));
  heard_draft_set_part (collecting.draft, heard_draft_get_part (priv->identity));
  collecting.focus = gtk_root_get_focus (GTK_ROOT (self));
  if (priv->body != NULL)
    each_field (priv->body, collect_field, &collecting);

  return collecting.draft;
}

/* Puts @draft's values back in the fields it names (fields it does not
 * name keep theirs), and the focus and cursor where they were. The draft stays
 * in the records until the dialog saves or its text is thrown away. */
void
heard_dialog_apply_draft (HeardDialog *self,
                          HeardDraft  *draft)
{
  HeardDialogPrivate *priv;

  g_return_if_fail (HEARD_IS_DIALOG (self));
  g_return_if_fail (HEARD_IS_DRAFT (draft));

  priv = heard_dialog_get_instance_private (self);
  if (priv->body == NULL)
    return;

  g_set_object (&priv->applied, draft);
  each_field (priv->body, apply_field, draft);
  each_field (priv->body, focus_field, draft);
  priv->changed = TRUE;
  priv->draft_kept = TRUE;
}

/* Puts the draft the dialog was opened with, if any, back in the fields
 * under @widget: for fields made once something is read, after
 * heard_dialog_apply_draft() (a list of ticks filled later). */
void
heard_dialog_apply_draft_under (HeardDialog *self,
                                GtkWidget   *widget)
{
  HeardDialogPrivate *priv;

  g_return_if_fail (HEARD_IS_DIALOG (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  priv = heard_dialog_get_instance_private (self);
  if (priv->applied != NULL)
    each_field (widget, apply_field, priv->applied);
}

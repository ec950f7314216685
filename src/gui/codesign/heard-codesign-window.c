/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-codesign-window"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-caseworker-passphrase.h"
#include "heard-codesign-window-private.h"
#include "heard-field-error.h"

/*
 * Co-design mode: the young person at the screen beside staff, working on
 * their own plan. A window of its own, for that one young person, in
 * larger type and plain words, with walls: it is not a window of the
 * application (so none of Heard's application actions, preferences,
 * search or exports reach it), it holds nothing of anyone else, and it is
 * modal over the staff window, which shows its neutral page meanwhile.
 * Only a member of staff ends it, with their own passphrase (practice
 * records ask none, as everywhere). Pause shows a calm page with nothing
 * personal on it at once, and comes back with one click. A quick hide or
 * a lock works here as everywhere: the application hides this window,
 * then closes it with the records.
 */

struct _HeardCodesignWindow
{
  AdwWindow       parent_instance;

  HeardCaseFile  *case_file;
  GCancellable   *cancellable;
  /* The page Pause and the passphrase page go back to. */
  char           *page_before;
  /* Set once staff have given their passphrase: the window may close. */
  gboolean        may_close;
  gboolean        checking;

  GtkStack       *stack;
  GtkLabel       *heading_label;
  GtkWidget      *pause_button;
  GtkWidget      *come_back_button;
  GtkWidget      *passphrase_entry;
};

G_DEFINE_FINAL_TYPE (HeardCodesignWindow, heard_codesign_window, ADW_TYPE_WINDOW)

static const char *
get_page (HeardCodesignWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

/* What they like to be called, in the heading only (never in the title). */
static void
update_heading (HeardCodesignWindow *self)
{
  HeardPerson *person = heard_case_file_get_person (self->case_file);
  const char *name = heard_person_get_preferred_name (person);
  g_autofree char *heading = NULL;

  if (name == NULL || *name == '\0')
    name = heard_person_get_display_name (person);
  heading = g_strdup_printf (C_("co-design", "Hello, %s"), name);
  gtk_label_set_label (self->heading_label, heading);
}

static void
show_page (HeardCodesignWindow *self,
           const char          *page)
{
  gtk_stack_set_visible_child_name (self->stack, page);
}

/* Back from Pause or from the passphrase page to where they were. */
static void
go_back (HeardCodesignWindow *self)
{
  show_page (self, self->page_before != NULL ? self->page_before : "together");
  g_clear_pointer (&self->page_before, g_free);
  if (g_str_equal (get_page (self), "together"))
    gtk_widget_grab_focus (self->pause_button);
}

static void
remember_page (HeardCodesignWindow *self)
{
  const char *page = get_page (self);

  if (!g_str_equal (page, "paused") && !g_str_equal (page, "leave"))
    {
      g_free (self->page_before);
      self->page_before = g_strdup (page);
    }
}

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HeardCodesignWindow *self = HEARD_CODESIGN_WINDOW (widget);

  remember_page (self);
  /* Within this frame: the stack changes page with no transition. */
  show_page (self, "paused");
  gtk_widget_grab_focus (self->come_back_button);
}

static void
resume_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  go_back (HEARD_CODESIGN_WINDOW (widget));
}

/* Whether leaving needs a member of staff's passphrase: not for practice
 * records, as everywhere in Heard. */
static gboolean
needs_passphrase (HeardCodesignWindow *self)
{
  return !heard_context_get_practice (heard_case_file_get_context (self->case_file));
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HeardCodesignWindow *self = HEARD_CODESIGN_WINDOW (widget);

  /* Escape on the passphrase page goes back, as Stay Here does. */
  if (g_str_equal (get_page (self), "leave"))
    {
      go_back (self);
      return;
    }

  if (!needs_passphrase (self))
    {
      self->may_close = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  remember_page (self);
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  heard_field_error_clear (self->passphrase_entry);
  show_page (self, "leave");
  gtk_widget_grab_focus (self->passphrase_entry);
}

static void
stay_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeardCodesignWindow *self = HEARD_CODESIGN_WINDOW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  heard_field_error_clear (self->passphrase_entry);
  go_back (self);
}

static void
set_checking (HeardCodesignWindow *self,
              gboolean             checking)
{
  self->checking = checking;
  /* Not insensitive: the field keeps the focus while it is checked. */
  gtk_editable_set_editable (GTK_EDITABLE (self->passphrase_entry), !checking);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codesign.finish", !checking);
}

static void
passphrase_checked_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(HeardCodesignWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (heard_context_check_caseworker_passphrase_finish (HEARD_CONTEXT (object), result, &error))
    {
      self->may_close = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_checking (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  if (g_error_matches (error, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                       HEARD_CASEWORKER_PASSPHRASE_ERROR_WRONG) ||
      g_error_matches (error, HEARD_CASEWORKER_PASSPHRASE_ERROR,
                       HEARD_CASEWORKER_PASSPHRASE_ERROR_TOO_SOON))
    message = g_strdup (C_("co-design", "That is not the right passphrase. Please try again."));
  else
    message = g_strdup (error->message);
  heard_field_error_show (self->passphrase_entry, message);
  gtk_widget_grab_focus (self->passphrase_entry);
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HeardCodesignWindow *self = HEARD_CODESIGN_WINDOW (widget);
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));

  if (self->checking || !g_str_equal (get_page (self), "leave"))
    return;
  if (*passphrase == '\0')
    {
      heard_field_error_show (self->passphrase_entry,
                              C_("co-design", "Type the staff passphrase first."));
      return;
    }

  heard_field_error_clear (self->passphrase_entry);
  set_checking (self, TRUE);
  heard_context_check_caseworker_passphrase_async (heard_case_file_get_context (self->case_file),
                                                   passphrase, self->cancellable,
                                                   passphrase_checked_cb, g_object_ref (self));
}

static void
passphrase_activated_cb (HeardCodesignWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "codesign.finish", NULL);
}

static void
person_notify_cb (HeardCodesignWindow *self)
{
  update_heading (self);
}

/* Closing the window (its close button, Alt+F4) asks for the passphrase
 * as Finish does; only then does it close. */
static gboolean
heard_codesign_window_close_request (GtkWindow *window)
{
  HeardCodesignWindow *self = HEARD_CODESIGN_WINDOW (window);

  if (self->may_close)
    return GTK_WINDOW_CLASS (heard_codesign_window_parent_class)->close_request (window);

  if (!g_str_equal (get_page (self), "leave"))
    gtk_widget_activate_action (GTK_WIDGET (self), "codesign.leave", NULL);

  return TRUE;
}

static void
heard_codesign_window_dispose (GObject *object)
{
  HeardCodesignWindow *self = HEARD_CODESIGN_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_CODESIGN_WINDOW);
  g_clear_object (&self->case_file);

  G_OBJECT_CLASS (heard_codesign_window_parent_class)->dispose (object);
}

static void
heard_codesign_window_finalize (GObject *object)
{
  HeardCodesignWindow *self = HEARD_CODESIGN_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_free (self->page_before);

  G_OBJECT_CLASS (heard_codesign_window_parent_class)->finalize (object);
}

static void
heard_codesign_window_class_init (HeardCodesignWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = heard_codesign_window_dispose;
  object_class->finalize = heard_codesign_window_finalize;
  window_class->close_request = heard_codesign_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-codesign-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, pause_button);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, come_back_button);
  gtk_widget_class_bind_template_child (widget_class, HeardCodesignWindow, passphrase_entry);
  gtk_widget_class_bind_template_callback (widget_class, passphrase_activated_cb);

  /* Its only actions: nothing here reaches other records or Heard's own. */
  gtk_widget_class_install_action (widget_class, "codesign.pause", NULL, pause_action);
  gtk_widget_class_install_action (widget_class, "codesign.resume", NULL, resume_action);
  gtk_widget_class_install_action (widget_class, "codesign.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "codesign.stay", NULL, stay_action);
  gtk_widget_class_install_action (widget_class, "codesign.finish", NULL, finish_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "codesign.leave", NULL);
}

static void
heard_codesign_window_init (HeardCodesignWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_accessibility_name_mnemonics (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

HeardCodesignWindow *
heard_codesign_window_new (GtkWindow     *staff_window,
                           HeardCaseFile *case_file)
{
  HeardCodesignWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (staff_window), NULL);
  g_return_val_if_fail (HEARD_IS_CASE_FILE (case_file), NULL);

  self = g_object_new (HEARD_TYPE_CODESIGN_WINDOW, "transient-for", staff_window, NULL);
  self->case_file = g_object_ref (case_file);
  g_signal_connect_object (heard_case_file_get_person (case_file), "notify",
                           G_CALLBACK (person_notify_cb), self, G_CONNECT_SWAPPED);
  update_heading (self);

  return self;
}

const char *
_heard_codesign_window_get_visible_page (HeardCodesignWindow *self)
{
  return get_page (self);
}

GtkWidget *
_heard_codesign_window_get_passphrase_entry (HeardCodesignWindow *self)
{
  return self->passphrase_entry;
}

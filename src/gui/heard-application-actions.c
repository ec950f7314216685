/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-application"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-application-private.h"
#include "heard-preferences-window.h"

static void
anchor_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GApplication) application = user_data;
  g_autoptr(GError) error = NULL;

  if (!heard_context_save_audit_anchor_finish (HEARD_CONTEXT (object), result, &error))
    g_warning ("Could not note the newest audit entry before quitting: %s", error->message);

  g_application_quit (application);
}

/* Notes the audit trail's head outside the file first, then quits. */
static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  HeardContext *context = heard_application_get_context (HEARD_APPLICATION (user_data));

  if (context == NULL)
    {
      g_application_quit (G_APPLICATION (user_data));
      return;
    }

  heard_context_save_audit_anchor_async (context, NULL, anchor_saved_cb,
                                         g_object_ref (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Heard contributors"), NULL };

  adw_show_about_window (gtk_application_get_active_window (application),
                         "application-name", _("Heard"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Support planning that keeps young people's own words "
                                       "at the centre, private on this computer."),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* Preferences belong to the records open in the window in front. */
static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  g_autoptr(HeardContext) context = NULL;

  if (window == NULL || g_object_class_find_property (G_OBJECT_GET_CLASS (window),
                                                      "context") == NULL)
    return;

  g_object_get (window, "context", &context, NULL);
  if (context == NULL || heard_context_get_lock_state (context) != HEARD_LOCK_STATE_OPEN)
    return;

  gtk_window_present (GTK_WINDOW (heard_preferences_window_new (window, context)));
}

static void
quick_hide_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  _heard_application_quick_hide (HEARD_APPLICATION (user_data));
}

static void
practice_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  _heard_application_open_practice (HEARD_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_action },
  { .name = "about", .activate = about_action },
  { .name = "preferences", .activate = preferences_action },
  { .name = "practice", .activate = practice_action },
  { .name = "quick-hide", .activate = quick_hide_action },
};

static const struct
{
  const char *action;
  const char *accels[3];
} accelerators[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "win.add-person", { "<Control>n", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "win.search-statements", { "<Control><Shift>f", NULL } },
  { "win.edit-person", { "<Control>e", NULL } },
  { "win.undo-removal", { "<Control>z", NULL } },
  { "win.show-caseload", { "<Alt>Home", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.lock", { "<Control>l", NULL } },
  /* Shift pressed three times on its own does the same (see the application). */
  { "app.quick-hide", { "<Control><Shift>h", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
};

void
_heard_application_add_actions (HeardApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accelerators[i].action,
                                           accelerators[i].accels);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-unlock-page"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-recovery-code-entry.h"
#include "heard-start-choices.h"
#include "heard-unlock-page.h"

/* The smallest passphrase Heard accepts for records kept without a keyring:
 * the same as for the caseworker's own. */
#define MIN_PASSPHRASE_CHARS HEARD_CASEWORKER_MIN_PASSPHRASE_CHARS

struct _HeardUnlockPage
{
  AdwBin         parent_instance;

  HeardContext  *context;
  GCancellable  *cancellable;
  gboolean       recovery_chosen;
  /* The records were open and are locked again (not a start): the page
   * says so while it asks for what opens them. */
  gboolean       after_lock;
  /* Counts down the wait after too many wrong tries of the caseworker's
   * passphrase, once a second. */
  guint          wait_source;

  AdwStatusPage *status_page;
  GtkLabel      *detail_label;
  GtkStack      *form_stack;
  GtkEntry      *code_entry;
  GtkEditable   *passphrase_entry;
  GtkWidget     *repeat_entry;
  GtkButton     *passphrase_button;
  GtkLabel      *error_label;
  GtkSpinner    *spinner;
  GtkWidget     *use_code_button;
  HeardStartChoices *start_choices;
};

G_DEFINE_FINAL_TYPE (HeardUnlockPage, heard_unlock_page, ADW_TYPE_BIN)

static void
show_error (HeardUnlockPage *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_busy (HeardUnlockPage *self,
          gboolean         busy)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* A field made insensitive while it has the focus never hears that it
   * lost it: let go of the focus first (it comes back on a refusal). */
  if (busy && root != NULL)
    gtk_root_set_focus (root, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form_stack), !busy);
  gtk_widget_set_sensitive (self->use_code_button, !busy);
}

/* Seconds before the caseworker's passphrase may be tried again, or 0. */
static guint
seconds_to_wait (HeardUnlockPage *self)
{
  gint64 retry_at = heard_context_get_caseworker_retry_at (self->context);
  gint64 left = retry_at - g_get_monotonic_time ();

  if (heard_context_get_lock_state (self->context) != HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE ||
      retry_at == 0 || left <= 0)
    return 0;

  return (guint) ((left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

static gboolean update_wait (HeardUnlockPage *self);

static gboolean
wait_tick_cb (gpointer user_data)
{
  HeardUnlockPage *self = user_data;

  if (update_wait (self))
    return G_SOURCE_CONTINUE;

  self->wait_source = 0;
  return G_SOURCE_REMOVE;
}

/* Shows how long the wait after too many wrong tries still lasts, the
 * button out of reach meanwhile; returns whether there is a wait. */
static gboolean
update_wait (HeardUnlockPage *self)
{
  guint seconds = seconds_to_wait (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_button), seconds == 0);
  if (seconds == 0)
    {
      g_clear_handle_id (&self->wait_source, g_source_remove);
      return FALSE;
    }

  {
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "That passphrase was not right several "
                                                          "times, so Heard waits a little. Try "
                                                          "again in %u second.",
                                                          "That passphrase was not right several "
                                                          "times, so Heard waits a little. Try "
                                                          "again in %u seconds.", seconds),
                                             seconds);

    show_error (self, text);
  }
  if (self->wait_source == 0)
    self->wait_source = g_timeout_add_seconds (1, wait_tick_cb, self);

  return TRUE;
}

static void
retry_at_changed_cb (HeardUnlockPage *self)
{
  update_wait (self);
}

static void
describe (HeardUnlockPage *self,
          const char      *icon,
          const char      *title,
          const char      *description,
          const char      *form)
{
  const char *message = heard_context_get_lock_message (self->context);

  adw_status_page_set_icon_name (self->status_page, icon);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_label_set_text (self->detail_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), message != NULL);
  gtk_stack_set_visible_child_name (self->form_stack, form);
}

/* Whoever is unlocking can start typing straight away. Returns the field
 * focused, if the form has one. */
static GtkEditable *
focus_first_field (HeardUnlockPage *self)
{
  const char *form = gtk_stack_get_visible_child_name (self->form_stack);
  GtkEditable *field = NULL;

  if (g_strcmp0 (form, "recovery") == 0)
    field = GTK_EDITABLE (self->code_entry);
  else if (g_strcmp0 (form, "passphrase") == 0)
    field = self->passphrase_entry;

  if (field != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (field));
  else
    gtk_widget_child_focus (GTK_WIDGET (self->form_stack), GTK_DIR_TAB_FORWARD);

  return field;
}

static void
update (HeardUnlockPage *self)
{
  HeardLockState state = heard_context_get_lock_state (self->context);
  gboolean caseworker = state == HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE;
  gboolean choosing_own = state == HEARD_LOCK_STATE_NEEDS_NEW_CASEWORKER_PASSPHRASE;
  gboolean choosing = state == HEARD_LOCK_STATE_NEEDS_NEW_PASSPHRASE || choosing_own;
  /* A recovery code only exists once there are records for it to open: on
   * a fresh install (a keyring prompt cancelled, say) there is none yet. */
  gboolean offer_code = heard_context_get_records_exist (self->context) &&
                        (state == HEARD_LOCK_STATE_KEYRING_LOCKED ||
                         state == HEARD_LOCK_STATE_NEEDS_PASSPHRASE ||
                         state == HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE ||
                         state == HEARD_LOCK_STATE_FAILED);
  const char *field_name;

  if (caseworker && self->recovery_chosen)
    describe (self, "dialog-password-symbolic", _("Unlock With Your Recovery Code"),
              _("Type the recovery code your organisation kept when Heard was set up. It "
                "opens the records, and then you choose a new passphrase. The records have "
                "not been changed."), "recovery");
  else if (state == HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE ||
           (self->recovery_chosen && offer_code))
    describe (self, "dialog-password-symbolic", _("Unlock With Your Recovery Code"),
              _("Heard cannot find the key to these records on this computer. Type the "
                "recovery code your organisation kept when Heard was set up. "
                "The records have not been changed."), "recovery");
  else if (state == HEARD_LOCK_STATE_KEYRING_LOCKED)
    describe (self, "system-lock-screen-symbolic", _("Your Keyring Is Locked"),
              _("Heard keeps the key to these records in your keyring, which is locked "
                "right now. Once it is unlocked, here or in any other way, Heard carries "
                "on by itself. Nothing has been changed."), "keyring");
  else if (state == HEARD_LOCK_STATE_NEEDS_PASSPHRASE)
    describe (self, "dialog-password-symbolic", _("Enter Your Passphrase"),
              _("These records are protected by a passphrase, because this computer "
                "has no keyring for Heard to use."), "passphrase");
  else if (caseworker && self->after_lock)
    describe (self, "system-lock-screen-symbolic", _("Heard Is Locked"),
              _("The records are closed and safe. Type your passphrase to open them "
                "again."), "passphrase");
  else if (caseworker)
    describe (self, "dialog-password-symbolic", _("Enter Your Passphrase"),
              _("Heard asks for your own passphrase each time it starts and after it locks, "
                "so that only you can open these records."), "passphrase");
  else if (choosing_own)
    describe (self, "dialog-password-symbolic", _("Choose Your Passphrase"),
              _("From now on Heard asks for this passphrase each time it starts and after it "
                "locks, so that only you can open these records. Use at least 12 "
                "characters; a short sentence you will remember works well."), "passphrase");
  else if (choosing)
    describe (self, "dialog-password-symbolic", _("Choose a Passphrase"),
              _("This computer has no keyring to keep Heard's key safe. Choose a "
                "passphrase of at least 12 characters instead; you will need it each "
                "time Heard starts."), "passphrase");
  else if (state == HEARD_LOCK_STATE_LOCKED)
    describe (self, "system-lock-screen-symbolic", _("Heard Is Locked"),
              _("The records are closed and safe. Nothing of them is shown until they "
                "are unlocked."), "locked");
  else if (state == HEARD_LOCK_STATE_ALREADY_OPEN)
    describe (self, "dialog-information-symbolic", _("Heard Is Already Open"),
              _("These records are open in Heard already, and they can only be open in "
                "one place at a time, to keep them safe. Nothing has been changed."),
              "failed");
  else
    describe (self, "dialog-warning-symbolic", _("Heard Could Not Open the Records"),
              _("Nothing has been changed or lost."), "failed");

  gtk_widget_set_visible (self->repeat_entry, choosing);
  focus_first_field (self);
  gtk_button_set_label (self->passphrase_button,
                        choosing_own ? _("_Set Passphrase")
                        : choosing ? _("_Protect With This Passphrase") : _("_Unlock"));
  /* The field says whose passphrase it wants. */
  field_name = caseworker ? _("Your passphrase")
               : choosing_own ? _("Your new passphrase") : _("Passphrase");
  g_object_set (self->passphrase_entry, "placeholder-text", field_name, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->passphrase_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, field_name, -1);
  /* The same button leads to the recovery code and, chosen by mistake,
   * back again. */
  gtk_widget_set_visible (self->use_code_button, offer_code);
  gtk_button_set_label (GTK_BUTTON (self->use_code_button),
                        self->recovery_chosen ? (caseworker ? _("_Back to Your Passphrase")
                                                            : _("Go _Back"))
                        : caseworker ? _("_Forgot Your Passphrase?")
                                     : _("Use the _Recovery Code Instead"));
  /* Someone starting Heard for the first time may want to try it first. */
  heard_start_choices_set_offer_practice (self->start_choices,
                                          state == HEARD_LOCK_STATE_NEEDS_NEW_PASSPHRASE);
  update_wait (self);
  /* Practice records are never backed up, so none is restored into them;
   * nor is anything restored over records waiting for the caseworker's
   * passphrase: someone else at the locked screen could put older records
   * in their place. Once unlocked, Preferences restores. */
  heard_start_choices_set_offer_restore (self->start_choices,
                                         !heard_context_get_practice (self->context) &&
                                         !caseworker);
}

static void
lock_state_changed_cb (HeardUnlockPage *self)
{
  HeardLockState state = heard_context_get_lock_state (self->context);

  /* Real records ask at once for what opens them again, rather than
   * showing a page with one button first; practice records, which open
   * without a passphrase, wait for Unlock. */
  if (state == HEARD_LOCK_STATE_LOCKED && !heard_context_get_practice (self->context))
    {
      self->after_lock = TRUE;
      heard_context_start_async (self->context, self->cancellable, NULL, NULL);
    }
  else if (state == HEARD_LOCK_STATE_OPEN)
    self->after_lock = FALSE;

  if (state == HEARD_LOCK_STATE_OPENING || state == HEARD_LOCK_STATE_OPEN ||
      state == HEARD_LOCK_STATE_NEEDS_NEW_CASEWORKER_PASSPHRASE)
    {
      /* Leave nothing secret behind in the entries once they have done their job. */
      self->recovery_chosen = FALSE;
      gtk_editable_set_text (GTK_EDITABLE (self->code_entry), "");
      gtk_editable_set_text (self->passphrase_entry, "");
      gtk_editable_set_text (GTK_EDITABLE (self->repeat_entry), "");
      show_error (self, NULL);
      if (state != HEARD_LOCK_STATE_NEEDS_NEW_CASEWORKER_PASSPHRASE)
        return;
    }

  update (self);
}

static void
attempt_finished_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(HeardUnlockPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkEditable *field;

  heard_context_unlock_finish (HEARD_CONTEXT (object), result, &error);
  set_busy (self, FALSE);

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      show_error (self, error->message);
      /* After too many wrong tries, the wait says it all. */
      update_wait (self);
      /* The form was out of reach while it was tried: back to the field,
       * with what was typed selected, to be put right or typed again. */
      field = focus_first_field (self);
      if (field != NULL)
        gtk_editable_select_region (field, 0, -1);
    }
}

static void
begin_attempt (HeardUnlockPage *self)
{
  show_error (self, NULL);
  set_busy (self, TRUE);
}

static void
unlock_keyring_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HeardUnlockPage *self = HEARD_UNLOCK_PAGE (widget);

  begin_attempt (self);
  heard_context_unlock_keyring_async (self->context, self->cancellable, attempt_finished_cb,
                                      g_object_ref (self));
}

static void
recovery_code_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HeardUnlockPage *self = HEARD_UNLOCK_PAGE (widget);

  begin_attempt (self);
  heard_context_unlock_with_recovery_code_async (self->context,
                                                 gtk_editable_get_text (GTK_EDITABLE (self->code_entry)),
                                                 self->cancellable, attempt_finished_cb,
                                                 g_object_ref (self));
}

static void
passphrase_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HeardUnlockPage *self = HEARD_UNLOCK_PAGE (widget);
  HeardLockState state = heard_context_get_lock_state (self->context);
  const char *passphrase = gtk_editable_get_text (self->passphrase_entry);
  g_autoptr(GError) error = NULL;

  /* Nothing typed is no try: it is never counted against the caseworker. */
  if (*passphrase == '\0' && (state == HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE ||
                               state == HEARD_LOCK_STATE_NEEDS_PASSPHRASE))
    {
      show_error (self, _("Type your passphrase, then press Enter."));
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
      return;
    }

  if (state == HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE)
    {
      if (seconds_to_wait (self) > 0)
        return;
      begin_attempt (self);
      heard_context_unlock_with_caseworker_passphrase_async (self->context, passphrase,
                                                             self->cancellable,
                                                             attempt_finished_cb,
                                                             g_object_ref (self));
      return;
    }

  if (state != HEARD_LOCK_STATE_NEEDS_NEW_PASSPHRASE &&
      state != HEARD_LOCK_STATE_NEEDS_NEW_CASEWORKER_PASSPHRASE)
    {
      begin_attempt (self);
      heard_context_unlock_with_passphrase_async (self->context, passphrase, self->cancellable,
                                                  attempt_finished_cb, g_object_ref (self));
      return;
    }

  if (!heard_caseworker_passphrase_is_usable (passphrase, &error))
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
      return;
    }

  if (g_strcmp0 (passphrase, gtk_editable_get_text (GTK_EDITABLE (self->repeat_entry))) != 0)
    {
      show_error (self, _("The two passphrases are not the same. Please type them again."));
      gtk_widget_grab_focus (self->repeat_entry);
      return;
    }

  begin_attempt (self);
  if (state == HEARD_LOCK_STATE_NEEDS_NEW_CASEWORKER_PASSPHRASE)
    heard_context_set_caseworker_passphrase_async (self->context, passphrase, self->cancellable,
                                                   attempt_finished_cb, g_object_ref (self));
  else
    heard_context_create_with_passphrase_async (self->context, passphrase, self->cancellable,
                                                attempt_finished_cb, g_object_ref (self));
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HeardUnlockPage *self = HEARD_UNLOCK_PAGE (widget);

  show_error (self, NULL);
  heard_context_start_async (self->context, self->cancellable, NULL, NULL);
}

static void
use_recovery_code_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  HeardUnlockPage *self = HEARD_UNLOCK_PAGE (widget);

  self->recovery_chosen = !self->recovery_chosen;
  gtk_editable_set_text (GTK_EDITABLE (self->code_entry), "");
  show_error (self, NULL);
  update (self);
}

static void
code_activated_cb (HeardUnlockPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "unlock.recovery-code", NULL);
}

static void
passphrase_activated_cb (HeardUnlockPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "unlock.passphrase", NULL);
}

static void
heard_unlock_page_dispose (GObject *object)
{
  HeardUnlockPage *self = HEARD_UNLOCK_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->wait_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_UNLOCK_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (heard_unlock_page_parent_class)->dispose (object);
}

static void
heard_unlock_page_class_init (HeardUnlockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heard_unlock_page_dispose;

  g_type_ensure (HEARD_TYPE_RECOVERY_CODE_ENTRY);
  g_type_ensure (HEARD_TYPE_START_CHOICES);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/heard-unlock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardUnlockPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, HeardUnlockPage, detail_label);
  gtk_widget_class_bind_template_child (widget_class, HeardUnlockPage, form_stack);
  gtk_widget_class_bind_template_child (widget_class, HeardUnlockPage, code_entry);
  gtk_widget_class_bind_template_child (widget_class, HeardUnlockPage, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, HeardUnlockPage, repeat_entry);
  gtk_widget_class_bind_template_child (widget_class, HeardUnlockPage, passphrase_button);
  gtk_widget_class_bind_template_child (widget_class, HeardUnlockPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, HeardUnlockPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, HeardUnlockPage, use_code_button);
  gtk_widget_class_bind_template_child (widget_class, HeardUnlockPage, start_choices);
  gtk_widget_class_bind_template_callback (widget_class, code_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, passphrase_activated_cb);

  gtk_widget_class_install_action (widget_class, "unlock.keyring", NULL, unlock_keyring_action);
  gtk_widget_class_install_action (widget_class, "unlock.recovery-code", NULL,
                                   recovery_code_action);
  gtk_widget_class_install_action (widget_class, "unlock.passphrase", NULL, passphrase_action);
  gtk_widget_class_install_action (widget_class, "unlock.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "unlock.use-recovery-code", NULL,
                                   use_recovery_code_action);
}

static void
heard_unlock_page_init (HeardUnlockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heard_accessibility_name_mnemonics (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

void
heard_unlock_page_set_context (HeardUnlockPage *self,
                               HeardContext    *context)
{
  g_return_if_fail (HEARD_IS_UNLOCK_PAGE (self));
  g_return_if_fail (HEARD_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (context, "notify::lock-state", G_CALLBACK (lock_state_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::lock-message", G_CALLBACK (lock_state_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::caseworker-retry-at",
                           G_CALLBACK (retry_at_changed_cb), self, G_CONNECT_SWAPPED);
  update (self);
}

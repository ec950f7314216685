/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-window"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-accessibility.h"
#include "heard-audit-problem-dialog.h"
#include "heard-caseload-page.h"
#include "heard-clipboard.h"
#include "heard-codesign-window.h"
#include "heard-draft-opener.h"
#include "heard-person-editor.h"
#include "heard-person-page.h"
#include "heard-preferences-window.h"
#include "heard-recovery-code-page.h"
#include "heard-removal-dialog.h"
#include "heard-removed-window.h"
#include "heard-restore-dialog.h"
#include "heard-statement-search.h"
#include "heard-unlock-page.h"
#include "heard-window-private.h"
#include "heard-widgets.h"

struct _HeardWindow
{
  AdwApplicationWindow  parent_instance;

  HeardContext         *context;
  GSettings            *settings;
  GtkCustomFilter      *search_filter;
  GtkFilterListModel   *shown_people;
  GtkSingleSelection   *selection;
  GHashTable           *search_matches;
  GCancellable         *search_cancellable;
  HeardPerson          *chosen;
  /* Toasts on screen, which may name someone: emptied on a lock. */
  GPtrArray            *toasts;
  /* Kept between searches while the records stay open; NULL otherwise. */
  HeardStatementSearch *statement_search;
  /* The removed records, while shown; NULL otherwise. */
  HeardRemovedWindow   *removed_window;
  /* Whose removal Undo (and Ctrl+Z) brings back while its toast shows; 0
   * when none. The toast is among self->toasts. */
  gint64                undo_person_id;
  AdwToast             *undo_toast;
  /* Whether the records were locked since they were last open: their
   * editors' drafts open again at once; otherwise (a start) they are
   * offered, being what Heard was killed or crashed with. */
  gboolean              relocking;
  /* Quick hide: the neutral page shows, whatever the lock state, until the
   * application says the lock has finished. */
  gboolean              hidden;
  /* Co-design mode over this window, while it is open; NULL otherwise.
   * The neutral page shows meanwhile, as for a quick hide (without the
   * lock), so nothing of the records is one Alt+Tab away. */
  GtkWindow            *codesign_window;

  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *practice_revealer;
  GtkRevealer          *audit_revealer;
  GtkLabel             *audit_problem_label;
  GtkStack             *state_stack;
  AdwStatusPage        *opening_status;
  GtkWidget            *opening_spinner;
  AdwLeaflet           *leaflet;
  GtkStack             *content_stack;
  GtkWidget            *add_first_button;
  GtkSearchEntry       *search_entry;
  GtkListView          *people_view;
  HeardUnlockPage      *unlock_page;
  HeardRecoveryCodePage *recovery_code_page;
  HeardPersonPage      *person_page;
  HeardCaseloadPage    *caseload_page;
};

G_DEFINE_FINAL_TYPE (HeardWindow, heard_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void restore_choice (HeardWindow *self);

static void
forget_undo (HeardWindow *self)
{
  self->undo_person_id = 0;
  self->undo_toast = NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-removal", FALSE);
}

static void
toast_dismissed_cb (HeardWindow *self,
                    AdwToast    *toast)
{
  /* Undo lasts as long as the toast that offers it. */
  if (toast == self->undo_toast)
    forget_undo (self);
  g_ptr_array_remove (self->toasts, toast);
}

static void
show_toast (HeardWindow *self,
            AdwToast    *toast)
{
  /* A save that finishes after a quick hide or a lock names nobody. */
  if (self->hidden || heard_context_get_lock_state (self->context) != HEARD_LOCK_STATE_OPEN)
    {
      if (toast == self->undo_toast)
        forget_undo (self);
      g_object_unref (toast);
      return;
    }

  g_ptr_array_add (self->toasts, g_object_ref (toast));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static HeardPerson *
get_selected_person (HeardWindow *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_content (HeardWindow *self)
{
  HeardPerson *selected = get_selected_person (self);
  guint recorded = g_list_model_get_n_items (heard_context_get_people (self->context));

  heard_person_page_set_person (self->person_page, selected);

  if (recorded == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else if (selected == NULL &&
           g_list_model_get_n_items (G_LIST_MODEL (self->shown_people)) == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "no-match");
  else if (selected == NULL)
    {
      /* With no one chosen, what needs attention across the caseload. */
      gtk_stack_set_visible_child_name (self->content_stack, "caseload");
    }
  else
    gtk_stack_set_visible_child_name (self->content_stack, "person");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-person", selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.co-design", selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-person", selected != NULL);
}

/* The records have just opened: whatever had the focus (the recovery
 * page's Continue, the unlock page's field) has gone with its page, and
 * the stack would hand it to the first button it finds, so the focus goes
 * to what a person does next: add the first young person, or find one. */
static void
focus_records (HeardWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "empty") == 0)
    gtk_widget_grab_focus (self->add_first_button);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Practice records say so across the top and in the title, on every
 * page, from the moment the window exists (the application makes their
 * context as a practice one), while they are still opening too. */
static void
update_practice (HeardWindow *self)
{
  gboolean practice = heard_context_get_practice (self->context);

  gtk_revealer_set_reveal_child (self->practice_revealer, practice);
  gtk_window_set_title (GTK_WINDOW (self), practice ? _("Heard — Practice Records") : _("Heard"));
  adw_status_page_set_title (self->opening_status, practice ? _("Opening practice records…")
                                                            : _("Opening your records…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->opening_spinner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  practice ? _("Opening practice records")
                                           : _("Opening your records"),
                                  -1);
}

static void
update_state_page (HeardWindow *self)
{
  HeardLockState state = heard_context_get_lock_state (self->context);
  /* Under a quick hide or co-design mode: the neutral page. */
  gboolean covered = self->hidden || self->codesign_window != NULL;
  /* What reaches the records from here: nothing while covered. */
  gboolean usable = state == HEARD_LOCK_STATE_OPEN && self->codesign_window == NULL;
  const char *page;

  switch (state)
    {
    case HEARD_LOCK_STATE_OPENING:
      page = "opening";
      break;

    case HEARD_LOCK_STATE_OPEN:
      page = "records";
      break;

    case HEARD_LOCK_STATE_SHOW_RECOVERY_CODE:
      page = "recovery-code";
      break;

    case HEARD_LOCK_STATE_KEYRING_LOCKED:
    case HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE:
    case HEARD_LOCK_STATE_NEEDS_PASSPHRASE:
    case HEARD_LOCK_STATE_NEEDS_NEW_PASSPHRASE:
    case HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE:
    case HEARD_LOCK_STATE_NEEDS_NEW_CASEWORKER_PASSPHRASE:
    case HEARD_LOCK_STATE_ALREADY_OPEN:
    case HEARD_LOCK_STATE_FAILED:
    case HEARD_LOCK_STATE_LOCKED:
    default:
      page = "unlock";
      break;
    }

  update_practice (self);
  if (covered)
    {
      page = "hidden";
      gtk_window_set_title (GTK_WINDOW (self), _("Heard"));
    }
  gtk_stack_set_visible_child_name (self->state_stack, page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-person", usable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", usable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-caseload", usable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search-statements", usable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", state == HEARD_LOCK_STATE_OPEN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-removed", usable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-backups", usable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-backup",
                                 state != HEARD_LOCK_STATE_OPENING &&
                                 !heard_context_get_practice (self->context));
  /* A search of records now locked must not stay open over them. */
  if (state != HEARD_LOCK_STATE_OPEN && self->statement_search != NULL)
    gtk_window_destroy (GTK_WINDOW (self->statement_search));
  if (state != HEARD_LOCK_STATE_OPEN && self->removed_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->removed_window));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-person", usable);

  if (state == HEARD_LOCK_STATE_OPEN && !covered)
    {
      update_content (self);
      focus_records (self);
    }
}

static gboolean
person_matches_search (gpointer item,
                       gpointer user_data)
{
  HeardWindow *self = user_data;
  gint64 id = heard_person_get_id (item);

  return self->search_matches == NULL || g_hash_table_contains (self->search_matches, &id);
}

static void
search_finished_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(HeardWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GHashTable *matches;

  matches = heard_context_search_people_finish (HEARD_CONTEXT (object), result, &error);
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Search failed: %s", error->message);
      return;
    }

  g_clear_pointer (&self->search_matches, g_hash_table_unref);
  self->search_matches = matches;
  gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);
  restore_choice (self);
  update_content (self);
}

static void
run_search (HeardWindow *self)
{
  if (heard_context_get_lock_state (self->context) != HEARD_LOCK_STATE_OPEN)
    return;

  /* Only the newest search matters while someone is still typing. */
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  self->search_cancellable = g_cancellable_new ();

  heard_context_search_people_async (self->context,
                                     gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                     self->search_cancellable, search_finished_cb,
                                     g_object_ref (self));
}

static gboolean
select_person (HeardWindow *self,
               HeardPerson *person)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->shown_people));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeardPerson) shown = g_list_model_get_item (G_LIST_MODEL (self->shown_people), i);

      if (shown == person)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

static void
search_changed_cb (HeardWindow *self)
{
  run_search (self);
}

static void
search_activated_cb (HeardWindow *self)
{
  /* Enter in the search box opens the first match, like a launcher. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->shown_people)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      gtk_widget_grab_focus (GTK_WIDGET (self->person_page));
    }
}

static void
person_activated_cb (HeardWindow *self,
                     guint        position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
selection_changed_cb (HeardWindow *self)
{
  HeardPerson *selected = get_selected_person (self);

  /* Remembered while a search hides them, so they come back after it. */
  if (selected != NULL)
    g_set_object (&self->chosen, selected);
  update_content (self);
}

/* After the list changed: the person last chosen, if they are shown again. */
static void
restore_choice (HeardWindow *self)
{
  if (get_selected_person (self) == NULL && self->chosen != NULL)
    select_person (self, self->chosen);
}

static void
people_changed_cb (HeardWindow *self)
{
  /* New or renamed people must meet the search that is already showing. */
  if (self->search_matches != NULL)
    run_search (self);
  restore_choice (self);
  update_content (self);
}

/* Locked: the window keeps nothing of the records, not even a name typed
 * in the search box. */
static void
locking_cb (HeardWindow *self)
{
  g_cancellable_cancel (self->search_cancellable);
  g_clear_pointer (&self->search_matches, g_hash_table_unref);
  forget_undo (self);
  g_clear_object (&self->chosen);
  self->relocking = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  /* Emptied rather than dismissed: libadwaita 1.2 can crash when a toast is
   * dismissed during its own animation. Each goes at its timeout. */
  heard_toasts_blank ();
}

static void
drafts_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HeardWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = heard_context_list_drafts_finish (HEARD_CONTEXT (object), result,
                                                                  &error);
  gboolean relocking = self->relocking;

  if (drafts == NULL)
    {
      g_message ("Could not look for drafts: %s", error->message);
      return;
    }
  /* Locked again meanwhile: the next unlock looks again. */
  if (heard_context_get_lock_state (self->context) != HEARD_LOCK_STATE_OPEN)
    return;

  self->relocking = FALSE;
  if (!relocking)
    {
      heard_draft_opener_offer (GTK_WINDOW (self), self->context, drafts);
      return;
    }

  /* Oldest first, so the newest editor ends up on top. */
  for (guint i = drafts->len; i > 0; i--)
    heard_draft_opener_open (GTK_WINDOW (self), self->context, g_ptr_array_index (drafts, i - 1));
}

static void
lock_state_changed_cb (HeardWindow *self)
{
  update_state_page (self);

  if (heard_context_get_lock_state (self->context) == HEARD_LOCK_STATE_OPEN)
    heard_context_list_drafts_async (self->context, NULL, drafts_listed_cb, g_object_ref (self));
}

static void
locked_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Locked either way: only folding the records into one file failed. */
  if (!heard_context_lock_finish (HEARD_CONTEXT (object), result, &error))
    g_warning ("Heard locked its records, but could not fold them into one file: %s",
               error->message);
  /* The window, held until its lock finished. */
  g_object_unref (user_data);
}

static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeardWindow *self = HEARD_WINDOW (widget);

  heard_context_lock_async (self->context, NULL, locked_cb, g_object_ref (self));
}

/* While the audit trail has a problem nobody with the recovery code has
 * seen, a banner says so above the records, which stay shown. */
static void
audit_problem_changed_cb (HeardWindow *self)
{
  const char *problem = heard_context_get_audit_problem (self->context);

  /* The words stay while the banner slides away. */
  if (problem != NULL)
    gtk_label_set_text (self->audit_problem_label, problem);
  gtk_revealer_set_reveal_child (self->audit_revealer, problem != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-audit-problem",
                                 problem != NULL);
}

static void
audit_problem_acknowledged_cb (HeardWindow *self)
{
  show_toast (self, heard_toast_new (_("Problem noted. Saving has resumed.")));
  /* The banner's button is going: keyboard focus goes to the records. */
  gtk_widget_child_focus (GTK_WIDGET (self->leaflet), GTK_DIR_TAB_FORWARD);
}

static void
review_audit_problem_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  HeardWindow *self = HEARD_WINDOW (widget);
  HeardAuditProblemDialog *dialog;

  if (heard_context_get_audit_problem (self->context) == NULL)
    return;

  dialog = heard_audit_problem_dialog_new (GTK_WINDOW (self), self->context);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (audit_problem_acknowledged_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Chooses @person, clearing the search if it hides them. */
static void
show_person (HeardWindow *self,
             HeardPerson *person)
{
  if (!select_person (self, person))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_clear_pointer (&self->search_matches, g_hash_table_unref);
      gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_LESS_STRICT);
      select_person (self, person);
    }
}

static void
person_saved_cb (HeardWindow       *self,
                 HeardPersonEditor *editor)
{
  HeardPerson *person = heard_person_editor_get_saved_person (editor);
  g_autofree char *title = g_strdup_printf (_("Saved %s"), heard_person_get_display_name (person));

  /* A new person who does not match the current search should still be seen. */
  show_person (self, person);
  show_toast (self, heard_toast_new (title));
}

static void
open_editor (HeardWindow *self,
             HeardPerson *person)
{
  HeardPersonEditor *editor = heard_person_editor_new (GTK_WINDOW (self), self->context, person);

  g_signal_connect_object (editor, "saved", G_CALLBACK (person_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_editor (HEARD_WINDOW (widget), NULL);
}

static void
edit_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HeardWindow *self = HEARD_WINDOW (widget);
  HeardPerson *person = get_selected_person (self);

  if (person != NULL)
    open_editor (self, person);
}

/* Co-design mode has ended (staff gave their passphrase, or a lock closed
 * it): the staff view comes back, or the page for where the records stand. */
static void
codesign_destroyed_cb (HeardWindow *self)
{
  self->codesign_window = NULL;
  update_state_page (self);
  if (!self->hidden)
    gtk_window_present (GTK_WINDOW (self));
}

static void
codesign_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HeardWindow *self = HEARD_WINDOW (widget);
  HeardPerson *person = get_selected_person (self);
  g_autoptr(HeardCaseFile) case_file = NULL;

  if (person == NULL || self->codesign_window != NULL ||
      heard_context_get_lock_state (self->context) != HEARD_LOCK_STATE_OPEN)
    return;

  case_file = heard_case_file_open (self->context, person);
  self->codesign_window = GTK_WINDOW (heard_codesign_window_new (GTK_WINDOW (self), case_file));
  g_signal_connect_object (self->codesign_window, "destroy", G_CALLBACK (codesign_destroyed_cb),
                           self, G_CONNECT_SWAPPED);
  update_state_page (self);
  gtk_window_present (self->codesign_window);
}

typedef struct
{
  HeardWindow *window;
  gint64       person_id;
} Undo;

static void
undo_free (Undo *undo)
{
  g_object_unref (undo->window);
  g_free (undo);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Undo, undo_free)

static void
restore_finished_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Undo) undo = user_data;
  HeardWindow *self = undo->window;
  GListModel *people = heard_context_get_people (self->context);
  g_autoptr(GError) error = NULL;

  if (!heard_context_restore_person_finish (HEARD_CONTEXT (object), result, &error))
    {
      show_toast (self, heard_toast_new (heard_describe_save_error (error)));
      return;
    }

  /* Back where they were: chosen and shown. */
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(HeardPerson) person = g_list_model_get_item (people, i);

      if (heard_person_get_id (person) == undo->person_id)
        {
          show_person (self, person);
          return;
        }
    }
}

/* Brings back the record just removed, while the toast offers it. */
static void
undo_removal_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HeardWindow *self = HEARD_WINDOW (widget);
  Undo *undo;

  if (self->undo_person_id == 0)
    return;

  undo = g_new0 (Undo, 1);
  undo->window = g_object_ref (self);
  undo->person_id = self->undo_person_id;
  forget_undo (self);
  heard_context_restore_person_async (self->context, undo->person_id, NULL, restore_finished_cb,
                                      undo);
}

static void
removal_saved_cb (HeardWindow        *self,
                  HeardRemovalDialog *dialog)
{
  HeardPerson *person = heard_removal_dialog_get_person (dialog);
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* The record is only hidden; Undo, or Ctrl+Z while the toast shows,
   * brings it straight back, and Removed Records does later. */
  title = g_strdup_printf (_("%s removed from the list (Ctrl+Z to undo)"),
                           heard_person_get_display_name (person));
  toast = heard_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-removal");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  self->undo_person_id = heard_person_get_id (person);
  self->undo_toast = toast;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-removal", TRUE);
  show_toast (self, toast);
  /* The record shown has gone: keyboard focus goes to the list. */
  gtk_widget_grab_focus (GTK_WIDGET (self->people_view));
}

static void
remove_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HeardWindow *self = HEARD_WINDOW (widget);
  HeardPerson *person = get_selected_person (self);
  g_autoptr(HeardCaseFile) case_file = NULL;
  HeardRemovalDialog *dialog;

  if (person == NULL)
    return;

  case_file = heard_case_file_open (self->context, person);
  dialog = heard_removal_dialog_new (GTK_WINDOW (self), case_file);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (removal_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The records removed by mistake, each with Restore. */
static void
show_removed_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HeardWindow *self = HEARD_WINDOW (widget);

  if (heard_context_get_lock_state (self->context) != HEARD_LOCK_STATE_OPEN)
    return;

  if (self->removed_window == NULL)
    {
      self->removed_window = heard_removed_window_new (GTK_WINDOW (self), self->context);
      g_object_add_weak_pointer (G_OBJECT (self->removed_window),
                                 (gpointer *) &self->removed_window);
    }

  gtk_window_present (GTK_WINDOW (self->removed_window));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeardWindow *self = HEARD_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Opens a young person's record at one of its views: (person id, view). */
static void
open_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HeardWindow *self = HEARD_WINDOW (widget);
  GListModel *people = heard_context_get_people (self->context);
  const char *view = NULL;
  gint64 id = 0;

  g_variant_get (parameter, "(x&s)", &id, &view);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(HeardPerson) person = g_list_model_get_item (people, i);

      if (heard_person_get_id (person) == id)
        {
          show_person (self, person);
          heard_person_page_show_view (self->person_page, view);
          adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
          gtk_widget_grab_focus (GTK_WIDGET (self->person_page));
          return;
        }
    }
}

static void
statement_activated_cb (HeardWindow          *self,
                        gint64                person_id,
                        gint64                statement_id,
                        HeardStatementSearch *search)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-person", "(xs)", person_id,
                              "statements");
  heard_person_page_show_statement (self->person_page, statement_id);
}

/* Full-text search of everyone's statements, notes and answers. */
static void
search_statements_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  HeardWindow *self = HEARD_WINDOW (widget);
  if (heard_context_get_lock_state (self->context) != HEARD_LOCK_STATE_OPEN)
    return;

  if (self->statement_search == NULL)
    {
      self->statement_search = heard_statement_search_new (GTK_WINDOW (self), self->context);
      g_object_add_weak_pointer (G_OBJECT (self->statement_search),
                                 (gpointer *) &self->statement_search);
      g_signal_connect_object (self->statement_search, "statement-activated",
                               G_CALLBACK (statement_activated_cb), self, G_CONNECT_SWAPPED);
    }

  gtk_window_present (GTK_WINDOW (self->statement_search));
}

static void
show_caseload_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HeardWindow *self = HEARD_WINDOW (widget);

  g_clear_object (&self->chosen);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  update_content (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Preferences, turned to the backups (from the caseload's backup line). */
static void
show_backups_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HeardWindow *self = HEARD_WINDOW (widget);
  HeardPreferencesWindow *preferences;

  if (heard_context_get_lock_state (self->context) != HEARD_LOCK_STATE_OPEN)
    return;

  preferences = heard_preferences_window_new (GTK_WINDOW (self), self->context);
  gtk_window_present (GTK_WINDOW (preferences));
  heard_preferences_window_show_backups (preferences);
}

/* From the unlock and first-run pages: restore before, or instead of,
 * opening the records here. */
static void
restore_backup_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HeardWindow *self = HEARD_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (heard_restore_dialog_new (GTK_WINDOW (self), self->context)));
}

static gboolean
row_has_text (GtkWidget  *row,
              const char *text)
{
  return text != NULL && *text != '\0';
}

/* GTK 4.8 cannot name a list view's row from its template, and a screen
 * reader meets only the row: the row, this label's box's parent, says the
 * person's name once shown, and again whenever the name changes. */
static void
name_person_row (GtkLabel *label)
{
  GtkWidget *row = gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (label)));

  if (row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_label_get_text (label), -1);
}

static void
set_up_people_view (HeardWindow *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;
  GListModel *people = heard_context_get_people (self->context);

  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "heard_person_row_has_text",
                                          G_CALLBACK (row_has_text));
  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "heard_person_row_name",
                                          G_CALLBACK (name_person_row));
  factory = gtk_builder_list_item_factory_new_from_resource (scope, RESOURCE_PREFIX
                                                             "/ui/heard-person-row.ui");
  gtk_list_view_set_factory (self->people_view, factory);

  self->search_filter = gtk_custom_filter_new (person_matches_search, self, NULL);
  self->shown_people = gtk_filter_list_model_new (g_object_ref (people),
                                                  GTK_FILTER (g_object_ref (self->search_filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->shown_people)));
  /* Nobody is chosen at first: Heard opens on the caseload. */
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->people_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (people, "items-changed", G_CALLBACK (people_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
heard_window_constructed (GObject *object)
{
  HeardWindow *self = HEARD_WINDOW (object);

  G_OBJECT_CLASS (heard_window_parent_class)->constructed (object);

  set_up_people_view (self);
  heard_unlock_page_set_context (self->unlock_page, self->context);
  heard_recovery_code_page_set_context (self->recovery_code_page, self->context);
  heard_person_page_set_context (self->person_page, self->context);
  heard_caseload_page_set_context (self->caseload_page, self->context);

  g_signal_connect_object (self->context, "notify::lock-state",
                           G_CALLBACK (lock_state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "locking", G_CALLBACK (locking_cb), self,
                           G_CONNECT_SWAPPED);
  heard_clipboard_clear_on_lock (self->context);
  g_signal_connect_object (self->context, "notify::audit-problem",
                           G_CALLBACK (audit_problem_changed_cb), self, G_CONNECT_SWAPPED);
  update_state_page (self);
  audit_problem_changed_cb (self);
}

static void
heard_window_dispose (GObject *object)
{
  HeardWindow *self = HEARD_WINDOW (object);

  g_cancellable_cancel (self->search_cancellable);
  if (self->statement_search != NULL)
    gtk_window_destroy (GTK_WINDOW (self->statement_search));
  if (self->removed_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->removed_window));
  if (self->codesign_window != NULL)
    gtk_window_destroy (self->codesign_window);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARD_TYPE_WINDOW);

  G_OBJECT_CLASS (heard_window_parent_class)->dispose (object);
}

static void
heard_window_finalize (GObject *object)
{
  HeardWindow *self = HEARD_WINDOW (object);

  g_clear_object (&self->search_cancellable);
  g_clear_pointer (&self->search_matches, g_hash_table_unref);
  g_clear_pointer (&self->toasts, g_ptr_array_unref);
  g_clear_object (&self->chosen);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown_people);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (heard_window_parent_class)->finalize (object);
}

static void
heard_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HeardWindow *self = HEARD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HeardWindow *self = HEARD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heard_window_class_init (HeardWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = heard_window_constructed;
  object_class->dispose = heard_window_dispose;
  object_class->finalize = heard_window_finalize;
  object_class->get_property = heard_window_get_property;
  object_class->set_property = heard_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, HEARD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HEARD_TYPE_PERSON);
  g_type_ensure (HEARD_TYPE_PERSON_PAGE);
  g_type_ensure (HEARD_TYPE_CASELOAD_PAGE);
  g_type_ensure (HEARD_TYPE_RECOVERY_CODE_PAGE);
  g_type_ensure (HEARD_TYPE_UNLOCK_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/heard-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HeardWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HeardWindow, practice_revealer);
  gtk_widget_class_bind_template_child (widget_class, HeardWindow, opening_status);
  gtk_widget_class_bind_template_child (widget_class, HeardWindow, opening_spinner);
  gtk_widget_class_bind_template_child (widget_class, HeardWindow, audit_revealer);
  gtk_widget_class_bind_template_child (widget_class, HeardWindow, audit_problem_label);
  gtk_widget_class_bind_template_child (widget_class, HeardWindow, state_stack);
  gtk_widget_class_bind_template_child (widget_class, HeardWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HeardWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HeardWindow, add_first_button);
  gtk_widget_class_bind_template_child (widget_class, HeardWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HeardWindow, people_view);
  gtk_widget_class_bind_template_child (widget_class, HeardWindow, unlock_page);
  gtk_widget_class_bind_template_child (widget_class, HeardWindow, recovery_code_page);
  gtk_widget_class_bind_template_child (widget_class, HeardWindow, person_page);
  gtk_widget_class_bind_template_child (widget_class, HeardWindow, caseload_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.add-person", NULL, add_person_action);
  gtk_widget_class_install_action (widget_class, "win.edit-person", NULL, edit_person_action);
  gtk_widget_class_install_action (widget_class, "win.co-design", NULL, codesign_action);
  gtk_widget_class_install_action (widget_class, "win.remove-person", NULL,
                                   remove_person_action);
  gtk_widget_class_install_action (widget_class, "win.undo-removal", NULL,
                                   undo_removal_action);
  gtk_widget_class_install_action (widget_class, "win.show-removed", NULL, show_removed_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.open-person", "(xs)", open_person_action);
  gtk_widget_class_install_action (widget_class, "win.show-caseload", NULL,
                                   show_caseload_action);
  gtk_widget_class_install_action (widget_class, "win.search-statements", NULL,
                                   search_statements_action);
  gtk_widget_class_install_action (widget_class, "win.review-audit-problem", NULL,
                                   review_audit_problem_action);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
  gtk_widget_class_install_action (widget_class, "win.show-backups", NULL, show_backups_action);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL,
                                   restore_backup_action);
}

static void
heard_window_init (HeardWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-removal", FALSE);
  heard_accessibility_name_mnemonics (GTK_WIDGET (self));

  self->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  self->settings = g_settings_new (BASE_APPLICATION_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);

  if (g_str_has_suffix (APPLICATION_ID, ".Devel"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

HeardWindow *
heard_window_new (HeardApplication *application,
                  HeardContext     *context)
{
  return g_object_new (HEARD_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

/* The records this window shows. */
HeardContext *
heard_window_get_context (HeardWindow *self)
{
  g_return_val_if_fail (HEARD_IS_WINDOW (self), NULL);

  return self->context;
}

const char *
_heard_window_get_visible_state (HeardWindow *self)
{
  return gtk_stack_get_visible_child_name (self->state_stack);
}

const char *
_heard_window_get_visible_content (HeardWindow *self)
{
  return gtk_stack_get_visible_child_name (self->content_stack);
}

GtkEditable *
_heard_window_get_search_entry (HeardWindow *self)
{
  return GTK_EDITABLE (self->search_entry);
}

GListModel *
_heard_window_get_shown_people (HeardWindow *self)
{
  return G_LIST_MODEL (self->shown_people);
}

GtkWidget *
_heard_window_get_people_view (HeardWindow *self)
{
  return GTK_WIDGET (self->people_view);
}

GtkWidget *
_heard_window_get_unlock_page (HeardWindow *self)
{
  return GTK_WIDGET (self->unlock_page);
}

GtkWidget *
_heard_window_get_recovery_page (HeardWindow *self)
{
  return GTK_WIDGET (self->recovery_code_page);
}

GtkWidget *
_heard_window_get_person_page (HeardWindow *self)
{
  return GTK_WIDGET (self->person_page);
}

GtkWidget *
_heard_window_get_caseload_page (HeardWindow *self)
{
  return GTK_WIDGET (self->caseload_page);
}

void
_heard_window_show_toast (HeardWindow *self,
                          AdwToast    *toast)
{
  show_toast (self, toast);
}

GtkWidget *
_heard_window_get_audit_banner (HeardWindow *self)
{
  return GTK_WIDGET (self->audit_revealer);
}

GtkWidget *
_heard_window_get_practice_strip (HeardWindow *self)
{
  return GTK_WIDGET (self->practice_revealer);
}

/* Quick hide, in this window: the neutral page at once (no crossfade, which
 * would show the records for a moment longer) and a title that names no
 * one. The application locks next and calls _heard_window_reveal() once
 * the lock has finished. */
void
_heard_window_hide (HeardWindow *self)
{
  g_return_if_fail (HEARD_IS_WINDOW (self));

  self->hidden = TRUE;
  gtk_stack_set_visible_child_full (self->state_stack, "hidden", GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_window_set_title (GTK_WINDOW (self), _("Heard"));
  heard_toasts_blank ();
}

/* The lock has finished: the page for where the records stand (the
 * unlock page, usually) takes the neutral one's place. */
void
_heard_window_reveal (HeardWindow *self)
{
  g_return_if_fail (HEARD_IS_WINDOW (self));

  if (!self->hidden)
    return;

  self->hidden = FALSE;
  update_state_page (self);
}

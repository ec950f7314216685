/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-ui-sharing"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "heard-case-file.h"
#include "heard-choice-row.h"
#include "heard-dialog.h"
#include "heard-export-note.h"
#include "heard-field-error.h"
#include "heard-field-error-private.h"
#include "heard-person-page.h"
#include "heard-sharing-page.h"
#include "heard-test-ui.h"
#include "heard-test-utils.h"

/*
 * The sharing log as a caseworker keeps it under Xvfb: kind words while it
 * is empty; a share they agreed to recorded through the real dialog, every
 * control named and focus on the first field; one they did not agree to,
 * without a reason or who decided, refused beside those fields and nothing
 * saved; a decision not to share, which the log words as such; an
 * amendment that asks its reason, after which the log says "Amended" and
 * the history holds both versions; and an export noted for the young
 * person, shown as not in the log yet until its entry is completed.
 */

static HeardApplication *the_app;

typedef struct
{
  HeardContext    *context;
  HeardCaseFile   *case_file;
  HeardPersonPage *page;
  GtkWidget       *sharing;
  gint64           school;
  gint64           police;
} Sharing;

static GtkWidget *
find (GtkWidget  *root,
      const char *name)
{
  GtkWidget *widget = heard_test_ui_find_by_name (root, name);

  g_assert_nonnull (widget);
  return widget;
}

/* Whether some visible label below @root holds @text. */
static gboolean
has_label_with (GtkWidget  *root,
                const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_visible (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_with (child, text))
      return TRUE;

  return FALSE;
}

/* Staff are told, beside @field, that the young person reads what they
 * write there. */
static void
assert_they_read (GtkWidget *field)
{
  GtkWidget *group = gtk_widget_get_ancestor (field, ADW_TYPE_PREFERENCES_GROUP);

  g_assert_nonnull (group);
  g_assert_true (gtk_widget_is_visible (field));
  g_assert_true (has_label_with (group, "in “Seen By” and in their own record. Write it for them."));
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} Wanted;

static gboolean
label_shown (gpointer data)
{
  Wanted *wanted = data;

  return has_label_with (wanted->root, wanted->text);
}

static void
wait_for_label (GtkWidget  *root,
                const char *text)
{
  Wanted wanted = { root, text };

  heard_test_ui_wait_until (label_shown, &wanted, text);
}

static gboolean
dialog_shows_error (gpointer data)
{
  return heard_field_error_find (data) != NULL || heard_dialog_get_error (data) != NULL;
}

/* A problem said beside @field that is not the first (focus is there). */
static void
assert_said_beside (GtkWidget  *field,
                    const char *contains)
{
  GtkLabel *label = _heard_field_error_get_label (field);

  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_text (label), contains));
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
}

/* Whether the records to tick come after the last question, laid out. */
static gboolean
links_below_questions (gpointer data)
{
  graphene_point_t point;

  return gtk_widget_compute_point (find (data, "links"), find (data, "necessary"),
                                   &GRAPHENE_POINT_INIT (0, 0), &point) && point.y > 0;
}

static gboolean
is_allocated (gpointer data)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (data, GTK_TYPE_SCROLLED_WINDOW);

  return gtk_widget_get_height (data) > 0 &&
         gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (
                                     GTK_SCROLLED_WINDOW (scrolled))) >
         gtk_adjustment_get_page_size (gtk_scrolled_window_get_vadjustment (
                                         GTK_SCROLLED_WINDOW (scrolled)));
}

/* Whether @data (a field) shows in its scrolled form, laid out. */
static gboolean
is_in_view (gpointer data)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (data, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (data, gtk_viewport_get_child (GTK_VIEWPORT (viewport)),
                                    &bounds) &&
         bounds.origin.y >= gtk_adjustment_get_value (adjustment) &&
         bounds.origin.y + bounds.size.height <=
           gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment);
}

/* Scrolls @field's form to its end, as someone reading down it. */
static void
scroll_to_end (GtkWidget *field)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (field, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  heard_test_ui_wait_until (is_allocated, field, "the form laid out");
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_false (is_in_view (field));
}

/* The narrowest a window may need to be, whatever it holds. */
#define MAX_MIN_WIDTH 600

static int
min_width (GtkWidget *widget)
{
  int minimum, natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return minimum;
}

static gboolean
bases_loaded (gpointer data)
{
  GListModel *options = adw_combo_row_get_model (data);

  return options != NULL && g_list_model_get_n_items (options) > 1;
}

typedef struct
{
  GListModel *model;
  guint       n;
} Count;

static gboolean
has_items (gpointer data)
{
  Count *count = data;

  return g_list_model_get_n_items (count->model) == count->n;
}

static void
wait_for_log (Sharing *sharing,
              guint    n)
{
  Count count = { heard_case_file_get_sharing_log (sharing->case_file), n };

  heard_test_ui_wait_until (has_items, &count, "the sharing log");
}

static void
set_text_view (GtkWidget  *view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static void
choose (GtkWidget  *editor,
        const char *name,
        const char *id)
{
  g_assert_true (heard_choice_row_choose_id (HEARD_CHOICE_ROW (find (editor, name)), id));
}

static char *
agency_choice (const char *kind,
               gint64      id)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind, id);
}

/* Opens the editor by @action of the Sharing tab, its bases read. */
static GtkWidget *
open_editor (Sharing    *sharing,
             const char *action,
             GVariant   *target)
{
  GtkWindow *editor;

  g_assert_true (gtk_widget_activate_action_variant (sharing->sharing, action, target));
  editor = heard_test_ui_wait_for_window ("HeardSharingEditor");
  heard_test_ui_wait_until (bases_loaded, find (GTK_WIDGET (editor), "lawful-basis"),
                            "the lawful bases");
  return GTK_WIDGET (editor);
}

static void
save_refused (GtkWidget *dialog)
{
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  heard_test_ui_wait_until (dialog_shows_error, dialog, "the save refused");
}

static gint64
save_agency (HeardContext    *context,
             HeardAgencyType  type,
             const char      *name)
{
  g_autoptr(HeardDirectoryAgency) agency = heard_directory_agency_new (type, name);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  heard_context_save_agency_async (context, agency, NULL, heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  id = heard_context_save_agency_finish (context, result, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
record_statement (Sharing    *sharing,
                  const char *words,
                  const char *content_note)
{
  g_autoptr(HeardStatement) statement = heard_statement_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  heard_statement_set_person_id (statement, heard_case_file_get_person_id (sharing->case_file));
  heard_statement_set_text (statement, HEARD_STATEMENT_WORDS, words);
  heard_statement_set_text (statement, HEARD_STATEMENT_GIVEN_ON, "2026-03-05");
  if (content_note != NULL)
    {
      heard_statement_set_text (statement, HEARD_STATEMENT_CONTENT_NOTE, content_note);
      heard_statement_set_sensitive (statement, TRUE);
    }
  heard_case_file_record_statement_async (sharing->case_file, statement, NULL,
                                          heard_test_store_result_cb, &result);
  heard_test_wait (&result);
  id = heard_case_file_write_finish (sharing->case_file, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
note_export (Sharing *sharing)
{
  g_autofree char *recipient = g_strdup_printf ("agency:school:%" G_GINT64_FORMAT,
                                                sharing->school);
  g_autoptr(HeardExportNote) note = heard_export_note_new (HEARD_EXPORT_PDF, recipient);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audit_id;

  heard_case_file_note_export_async (sharing->case_file, note, NULL, heard_test_store_result_cb,
                                     &result);
  heard_test_wait (&result);
  audit_id = heard_case_file_write_finish (sharing->case_file, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (audit_id, >, 0);
  return audit_id;
}

static gboolean
newest_amended (gpointer data)
{
  Sharing *sharing = data;
  GListModel *log = heard_case_file_get_sharing_log (sharing->case_file);

  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(HeardSharingEntry) entry = g_list_model_get_item (log, i);

      if (heard_sharing_entry_get_version (entry) == 2)
        return TRUE;
    }

  return FALSE;
}

static gboolean
history_loaded (gpointer data)
{
  GtkWidget *versions = data;
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (versions); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n == 2;
}

static gboolean
is_visible (gpointer data)
{
  return gtk_widget_is_visible (data);
}

static gboolean
is_hidden (gpointer data)
{
  return !gtk_widget_is_visible (data);
}

static void
test_sharing_log (void)
{
  g_autofree char *data_dir = heard_test_make_dir ();
  g_autofree char *school = NULL;
  g_autofree char *police = NULL;
  g_autoptr(HeardPerson) person = NULL;
  g_autoptr(HeardSharingEntry) first = NULL;
  HeardWindow *window;
  GtkWidget *editor;
  GtkWindow *history;
  GtkWidget *focus;
  Sharing sharing = { 0 };
  Count one = { NULL, 1 };
  gint64 audit_id;
  gint64 sensitive_id;
  g_autofree char *sensitive_name = NULL;
  Count two = { NULL, 2 };

  heard_test_ui_start (the_app, data_dir);
  heard_test_ui_wait_for_state (the_app, "recovery-code");
  heard_test_ui_confirm_recovery_code (the_app);
  window = heard_test_ui_active_window (the_app);
  sharing.context = heard_window_get_context (window);
  sharing.school = save_agency (sharing.context, HEARD_AGENCY_TYPE_SCHOOL, "Northgate Academy");
  sharing.police = save_agency (sharing.context, HEARD_AGENCY_TYPE_POLICE, "Eastgate Police");
  school = agency_choice ("school", sharing.school);
  police = agency_choice ("police", sharing.police);
  heard_test_ui_add_person (the_app, "Amira Khan", "Mira");
  sharing.page = HEARD_PERSON_PAGE (_heard_window_get_person_page (window));
  person = g_object_ref (heard_person_page_get_person (sharing.page));
  sharing.case_file = heard_case_file_open (sharing.context, person);
  sensitive_id = record_statement (&sharing, "He took me to the flat on Cole Street.",
                                  "About the flat");
  record_statement (&sharing, "I want to go back to school in September.", NULL);
  two.model = heard_case_file_get_statements (sharing.case_file);
  heard_test_ui_wait_until (has_items, &two, "their statements");
  sensitive_name = g_strdup_printf ("link-statement-%" G_GINT64_FORMAT, sensitive_id);
  heard_person_page_show_view (sharing.page, "sharing");
  sharing.sharing = heard_test_ui_find_descendant (GTK_WIDGET (sharing.page),
                                                   HEARD_TYPE_SHARING_PAGE, NULL);
  g_assert_nonnull (sharing.sharing);

  /* Kind words while nothing is logged; every control named. */
  wait_for_label (sharing.sharing, "Nothing Shared Yet");
  g_assert_false (gtk_widget_is_visible (find (sharing.sharing, "unlogged-exports")));
  heard_test_ui_assert_every_control_named (sharing.sharing);

  /* Closed untouched, the editor asks nothing (what Heard fills in is not
   * a change); closed after typing, it asks before throwing it away. */
  editor = open_editor (&sharing, "sharing.decide-not", NULL);
  gtk_window_close (GTK_WINDOW (editor));
  heard_test_ui_wait_window_gone ("HeardSharingEditor");
  editor = open_editor (&sharing, "sharing.record", NULL);
  set_text_view (find (editor, "what"), "Her address.");
  gtk_window_close (GTK_WINDOW (editor));
  {
    GtkWindow *ask = heard_test_ui_wait_for_window ("AdwMessageDialog");

    /* As a click does: answer, then the question closes. */
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), "discard");
    gtk_window_close (ask);
  }
  heard_test_ui_wait_window_gone ("HeardSharingEditor");
  heard_test_ui_wait_window_gone ("AdwMessageDialog");

  /* A share they agreed to: focus starts on what was shared. */
  editor = open_editor (&sharing, "sharing.record", NULL);
  heard_test_ui_assert_every_control_named (editor);
  focus = gtk_root_get_focus (GTK_ROOT (editor));
  g_assert_true (focus == find (editor, "what") || gtk_widget_is_ancestor (focus, find (editor,
                                                                                      "what")));
  /* Their statements to tick: a sensitive one by its content note alone. */
  wait_for_label (editor, "I want to go back to school in September.");
  wait_for_label (editor, "content note: About the flat");
  assert_they_read (find (editor, "what"));
  assert_they_read (find (editor, "purpose"));
  g_assert_false (has_label_with (editor, "Cole Street"));
  /* Nothing is said for them, or for the agency, until someone does. */
  g_assert_cmpstr (heard_choice_row_get_chosen_id (HEARD_CHOICE_ROW (find (editor, "agency"))),
                   ==, "none");
  g_assert_cmpstr (heard_choice_row_get_chosen_id (HEARD_CHOICE_ROW (find (editor, "agreed"))),
                   ==, "unanswered");
  g_assert_cmpstr (heard_choice_row_get_chosen_id (HEARD_CHOICE_ROW (find (editor, "told"))),
                   ==, "unanswered");
  g_assert_false (gtk_widget_is_visible (find (editor, "agreement-reason")));
  g_assert_false (gtk_widget_is_visible (find (editor, "not-told-reason")));
  save_refused (editor);
  heard_test_ui_assert_field_error (find (editor, "what"), "Say what was shared");
  assert_said_beside (find (editor, "agency"), "Choose the agency");
  assert_said_beside (find (editor, "purpose"), "Say what it was shared for");
  assert_said_beside (find (editor, "agreed"), "Say whether they agreed");
  assert_said_beside (find (editor, "told"), "Say whether they were told");
  set_text_view (find (editor, "what"), "Her attendance plan and how to reach her worker.");
  /* The records to tick wait below the questions, closed, saying how
   * many are ticked. */
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (find (editor, "links"))));
  heard_test_ui_wait_until (links_below_questions, editor, "the records below the questions");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (find (editor, "links"))), ==,
                   "None ticked");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (editor, sensitive_name)), TRUE);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (find (editor, "links"))), ==,
                   "1 ticked");
  choose (editor, "agency", school);
  choose (editor, "agreed", "yes");
  choose (editor, "told", "yes");
  gtk_editable_set_text (GTK_EDITABLE (find (editor, "contact")), "Ms Adeyemi");
  gtk_editable_set_text (GTK_EDITABLE (find (editor, "purpose")), "So school can support her");
  choose (editor, "lawful-basis", "consent");
  wait_for_label (editor, "said yes to this being shared");
  set_text_view (find (editor, "necessary"), "Only what school needs to keep her safe there.");
  heard_test_ui_save_dialog (GTK_WINDOW (editor), "HeardSharingEditor");
  wait_for_log (&sharing, 1);
  wait_for_label (sharing.sharing, "Shared with Northgate Academy");
  wait_for_label (sharing.sharing, "They agreed");
  /* The person there, what for and the records it included, by name. */
  wait_for_label (sharing.sharing, "With: Ms Adeyemi");
  wait_for_label (sharing.sharing, "Purpose: So school can support her");
  wait_for_label (sharing.sharing, "Records included: Their words of");
  g_assert_false (has_label_with (sharing.sharing, "Cole Street"));
  {
    g_autoptr(HeardSharingEntry) entry =
      g_list_model_get_item (heard_case_file_get_sharing_log (sharing.case_file), 0);
    guint n_links;
    const HeardSharingLink *links = heard_sharing_entry_get_links (entry, &n_links);

    g_assert_cmpuint (n_links, ==, 1);
    g_assert_cmpint (links[0].kind, ==, HEARD_SHARING_LINK_STATEMENT);
    g_assert_cmpint (links[0].id, ==, sensitive_id);
  }

  /* Without their agreement and without a reason or who decided: refused
   * beside those fields, and nothing saved. */
  editor = open_editor (&sharing, "sharing.record", NULL);
  set_text_view (find (editor, "what"), "The night she went missing.");
  choose (editor, "agency", police);
  choose (editor, "lawful-basis", "safeguarding");
  set_text_view (find (editor, "necessary"), "She was at risk that night.");
  g_assert_false (gtk_widget_is_visible (find (editor, "agreement-reason")));
  choose (editor, "agreed", "no");
  g_assert_true (gtk_widget_is_visible (find (editor, "agreement-reason")));
  choose (editor, "told", "no");
  g_assert_true (gtk_widget_is_visible (find (editor, "not-told-reason")));
  /* Read to the end, then refused: the first problem in the form is
   * focused, scrolled back to. */
  scroll_to_end (find (editor, "purpose"));
  save_refused (editor);
  heard_test_ui_assert_field_error (find (editor, "purpose"), "what it was shared for");
  heard_test_ui_wait_until (is_in_view, find (editor, "purpose"), "the first problem in view");
  assert_said_beside (find (editor, "agreement-reason"), "did not agree");
  assert_said_beside (find (editor, "decided-by"), "decided");
  assert_said_beside (find (editor, "not-told-reason"), "not told");
  heard_test_ui_assert_no_field_error (find (editor, "what"));
  one.model = heard_case_file_get_sharing_log (sharing.case_file);
  heard_test_ui_hold (has_items, &one, 300, "nothing saved");
  /* Nothing typed is lost. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (editor, "purpose"))), ==, "");
  g_assert_cmpint (min_width (editor), <=, MAX_MIN_WIDTH);
  heard_test_ui_screenshot (GTK_WINDOW (editor), "sharing-editor");
  gtk_window_destroy (GTK_WINDOW (editor));
  heard_test_ui_wait_window_gone ("HeardSharingEditor");

  /* A decision not to share reads as one. */
  editor = open_editor (&sharing, "sharing.decide-not", NULL);
  heard_test_ui_assert_every_control_named (editor);
  g_assert_false (gtk_widget_is_visible (find (editor, "lawful-basis")));
  set_text_view (find (editor, "what"), "Her statement about the car.");
  choose (editor, "agency", police);
  set_text_view (find (editor, "not-shared-reason"), "She asked us not to, and no one is at risk.");
  assert_they_read (find (editor, "not-shared-reason"));
  heard_test_ui_save_dialog (GTK_WINDOW (editor), "HeardSharingEditor");
  wait_for_log (&sharing, 2);
  wait_for_label (sharing.sharing,
                  "Decided not to share with Eastgate Police: She asked us not to");

  /* Amending asks why beside the field; the log then says Amended, and
   * the history holds both versions. */
  for (guint i = 0; first == NULL; i++)
    {
      g_autoptr(HeardSharingEntry) entry =
        g_list_model_get_item (heard_case_file_get_sharing_log (sharing.case_file), i);

      if (heard_sharing_entry_get_decision (entry) == HEARD_SHARING_SHARED)
        first = g_steal_pointer (&entry);
    }
  editor = open_editor (&sharing, "sharing.amend",
                        g_variant_new_int64 (heard_sharing_entry_get_id (first)));
  heard_test_ui_assert_every_control_named (editor);
  save_refused (editor);
  heard_test_ui_assert_field_error (find (editor, "reason"), "");
  set_text_view (find (editor, "reason"), "The plan went too, not only the contact details.");
  set_text_view (find (editor, "what"), "Her attendance plan and her support plan.");
  gtk_editable_set_text (GTK_EDITABLE (find (editor, "purpose")), "Her return to lessons");
  heard_test_ui_save_dialog (GTK_WINDOW (editor), "HeardSharingEditor");
  heard_test_ui_wait_until (newest_amended, &sharing, "the amendment in the log");
  wait_for_label (sharing.sharing, "Amended");
  wait_for_label (sharing.sharing, "Her attendance plan and her support plan.");
  g_assert_true (gtk_widget_activate_action (sharing.sharing, "sharing.history", "x",
                                             heard_sharing_entry_get_id (first)));
  history = heard_test_ui_wait_for_window ("HeardSharingHistory");
  heard_test_ui_wait_until (history_loaded, find (GTK_WIDGET (history), "versions"),
                            "both versions");
  wait_for_label (GTK_WIDGET (history), "how to reach her worker");
  wait_for_label (GTK_WIDGET (history), "Her attendance plan and her support plan.");
  wait_for_label (GTK_WIDGET (history), "The plan went too");
  /* An amendment of what it was for alone shows, beside the original. */
  wait_for_label (GTK_WIDGET (history), "Purpose: So school can support her");
  wait_for_label (GTK_WIDGET (history), "Purpose: Her return to lessons");
  wait_for_label (GTK_WIDGET (history), "With: Ms Adeyemi");
  wait_for_label (GTK_WIDGET (history), "Records included: Their words of");
  g_assert_cmpint (min_width (GTK_WIDGET (history)), <=, MAX_MIN_WIDTH);
  heard_test_ui_screenshot (history, "sharing-history");
  gtk_window_destroy (history);
  heard_test_ui_wait_window_gone ("HeardSharingHistory");

  /* An export made for the school is not in the log until completed. */
  audit_id = note_export (&sharing);
  heard_test_ui_wait_until (is_visible, find (sharing.sharing, "unlogged-exports"),
                            "the export not in the log yet");
  wait_for_label (sharing.sharing, "1 export is not in the sharing log yet");
  heard_test_ui_assert_every_control_named (sharing.sharing);
  g_assert_cmpint (min_width (GTK_WIDGET (window)), <=, MAX_MIN_WIDTH);
  heard_test_ui_screenshot (GTK_WINDOW (window), "sharing-page");
  editor = open_editor (&sharing, "sharing.complete", g_variant_new_int64 (audit_id));
  g_assert_cmpstr (heard_choice_row_get_chosen_id (HEARD_CHOICE_ROW (find (editor, "agency"))),
                   ==, school);
  /* An export's draft says nothing for them either. */
  g_assert_cmpstr (heard_choice_row_get_chosen_id (HEARD_CHOICE_ROW (find (editor, "agreed"))),
                   ==, "unanswered");
  choose (editor, "lawful-basis", "consent");
  choose (editor, "agreed", "yes");
  choose (editor, "told", "yes");
  gtk_editable_set_text (GTK_EDITABLE (find (editor, "purpose")), "The review");
  set_text_view (find (editor, "necessary"), "The review needed the plan.");
  heard_test_ui_save_dialog (GTK_WINDOW (editor), "HeardSharingEditor");
  wait_for_log (&sharing, 3);
  heard_test_ui_wait_until (is_hidden, find (sharing.sharing, "unlogged-exports"),
                            "the export taken off the list");
  g_assert_cmpuint (g_list_model_get_n_items (heard_case_file_get_unlogged_exports (
                                                sharing.case_file)), ==, 0);

  g_clear_object (&sharing.case_file);
  heard_test_ui_stop (the_app);
}

int
main (int   argc,
      char *argv[])
{
  the_app = heard_test_ui_init (&argc, &argv);
  g_test_add_func ("/ui/sharing/log", test_sharing_log);
  return g_test_run ();
}

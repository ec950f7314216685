/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-context.h"

G_BEGIN_DECLS

/*
 * A window that asks for something and saves it: Cancel and a save button
 * in its header, a banner that says kindly what went wrong, and a question
 * before anything typed is thrown away. Subclasses give it a body in their
 * template and implement save(), which starts saving and later calls
 * heard_dialog_finish_saving(), which emits "saved" when it worked. Nothing
 * typed is ever lost to a failed save.
 *
 * Nor to a lock or a crash: a dialog told what it is for
 * (heard_dialog_keep_drafts()) keeps a draft of its text fields in the
 * records a moment after a change, and at once when Heard locks
 * (heard_dialog_close_for_lock(), called for every dialog over the records
 * as they lock); then it closes, holding nothing. The draft goes once the
 * dialog saves or what it holds is thrown away. heard_dialog_apply_draft()
 * puts a draft back in a new one. Its fields are everything a person can set
 * in the body that has a template id (or, made in code, a name given with
 * gtk_widget_set_name()), by that id, each kept as text: text entries and
 * views as typed, date rows as the day stored (2025-03-14), switches and
 * check buttons as "true" or "false", choice rows by the id of the option
 * chosen (heard_choice_row_set_ids()). Passphrases never. Fields made
 * once something is read get the draft with heard_dialog_apply_draft_under().
 */

#define HEARD_TYPE_DIALOG (heard_dialog_get_type ())

G_DECLARE_DERIVABLE_TYPE (HeardDialog, heard_dialog, HEARD, DIALOG, AdwWindow)

struct _HeardDialogClass
{
  AdwWindowClass parent_class;

  void (*save) (HeardDialog *self);
};

GCancellable *heard_dialog_get_cancellable    (HeardDialog  *self);
void          heard_dialog_set_changed        (HeardDialog  *self);
void          heard_dialog_show_error         (HeardDialog  *self,
                                               const char   *message);
void          heard_dialog_finish_saving      (HeardDialog  *self,
                                               const GError *error);
void          heard_dialog_resume_saving      (HeardDialog  *self);
const char   *heard_dialog_get_error          (HeardDialog  *self);
void          heard_dialog_keep_drafts        (HeardDialog    *self,
                                               HeardContext   *context,
                                               HeardDraftKind  kind,
                                               gint64          person_id,
                                               gint64          subject_id,
                                               gint64          part);
void          heard_dialog_close_for_lock     (HeardDialog    *self);
HeardDraft   *heard_dialog_dup_draft          (HeardDialog    *self) G_GNUC_WARN_UNUSED_RESULT;
void          heard_dialog_apply_draft        (HeardDialog    *self,
                                               HeardDraft     *draft);
void          heard_dialog_apply_draft_under  (HeardDialog    *self,
                                               GtkWidget      *widget);

G_END_DECLS

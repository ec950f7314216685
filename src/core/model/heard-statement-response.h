/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * "You said — we did": one answer to a statement, saying what was done about
 * it, which plan actions carry it, and when the young person was told. An
 * answer is never rewritten; the day they were told can be added once.
 */

#define HEARD_RESPONSE_MAX_CHARS 20000

#define HEARD_TYPE_STATEMENT_RESPONSE (heard_statement_response_get_type ())

G_DECLARE_FINAL_TYPE (HeardStatementResponse, heard_statement_response, HEARD,
                      STATEMENT_RESPONSE, GObject)

HeardStatementResponse *heard_statement_response_new      (void) G_GNUC_WARN_UNUSED_RESULT;
HeardStatementResponse *heard_statement_response_copy     (HeardStatementResponse  *self)
                                                           G_GNUC_WARN_UNUSED_RESULT;

gint64      heard_statement_response_get_id               (HeardStatementResponse  *self);
void        heard_statement_response_set_id               (HeardStatementResponse  *self,
                                                           gint64                   id);
gint64      heard_statement_response_get_statement_id     (HeardStatementResponse  *self);
void        heard_statement_response_set_statement_id     (HeardStatementResponse  *self,
                                                           gint64                   id);
const char *heard_statement_response_get_what_we_did     (HeardStatementResponse  *self);
void        heard_statement_response_set_what_we_did      (HeardStatementResponse  *self,
                                                           const char              *text);
/* The day the young person was told (YYYY-MM-DD), or "" when not yet. */
const char *heard_statement_response_get_told_on          (HeardStatementResponse  *self);
void        heard_statement_response_set_told_on          (HeardStatementResponse  *self,
                                                           const char              *date);
const char *heard_statement_response_get_saved_by         (HeardStatementResponse  *self);
const char *heard_statement_response_get_saved_at         (HeardStatementResponse  *self);
void        heard_statement_response_set_saved            (HeardStatementResponse  *self,
                                                           const char              *saved_by,
                                                           const char              *saved_at);

/* The plan actions this answer is linked to: ids, and titles for showing. */
GArray     *heard_statement_response_get_action_ids       (HeardStatementResponse  *self);
void        heard_statement_response_add_action           (HeardStatementResponse  *self,
                                                           gint64                   action_id,
                                                           const char              *title);
const char *const *heard_statement_response_get_action_titles (HeardStatementResponse *self);

gboolean    heard_statement_response_validate             (HeardStatementResponse  *self,
                                                           GError                 **error);

G_END_DECLS

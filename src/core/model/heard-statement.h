/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "heard-date.h"
#include "heard-person.h"
#include "heard-statement-response.h"

G_BEGIN_DECLS

/*
 * A statement is what a young person said, in their exact words, with what
 * surrounds it. One HeardStatement holds one version of it: version 1 is the
 * original, every later version an amendment with a reason. Versions are
 * only ever added, never changed.
 */

/* The free-text parts of a version, in column order. */
typedef enum /*< skip >*/
{
  HEARD_STATEMENT_WORDS,
  HEARD_STATEMENT_GIVEN_ON,
  HEARD_STATEMENT_GIVEN_TIME,
  HEARD_STATEMENT_PLACE,
  HEARD_STATEMENT_PRESENT,
  HEARD_STATEMENT_THEIR_NOTE,
  HEARD_STATEMENT_CONTEXT,
  HEARD_STATEMENT_SHARE_WITH,
  HEARD_STATEMENT_CONTENT_NOTE,
  HEARD_STATEMENT_REASON,
  HEARD_STATEMENT_N_TEXTS
} HeardStatementText;

/* How the young person gave their words. */
typedef enum
{
  HEARD_GIVEN_SPOKEN,
  HEARD_GIVEN_WRITTEN,
  HEARD_GIVEN_TYPED,
  HEARD_GIVEN_DRAWN,
  HEARD_GIVEN_SIGNED,
  HEARD_GIVEN_INTERPRETED,
  HEARD_GIVEN_N_WAYS /*< skip >*/
} HeardGivenHow;

/* Whether the words were read back to them, and what they said. */
typedef enum
{
  HEARD_READ_BACK_NOT_YET,
  HEARD_READ_BACK_AGREED,
  HEARD_READ_BACK_DISAGREED,
  HEARD_READ_BACK_DECLINED,
  HEARD_READ_BACK_N_ANSWERS /*< skip >*/
} HeardReadBack;

/* Where "You said — we did" stands. Only a told answer closes the loop. */
typedef enum
{
  HEARD_REPLY_WAITING,
  HEARD_REPLY_NOT_TOLD,
  HEARD_REPLY_TOLD,
} HeardReplyState;

/* Where their consent to share stands on a day. Consent is to kinds of
 * agency (HEARD_STATEMENT_SHARE_WITH); it holds until they say otherwise,
 * or up to and including its last day, and it ends from the day they
 * withdraw it. */
typedef enum
{
  HEARD_CONSENT_HOLDS,
  HEARD_CONSENT_ENDED,
  HEARD_CONSENT_WITHDRAWN,
} HeardConsentState;

#define HEARD_STATEMENT_MAX_WORDS_CHARS 100000
#define HEARD_STATEMENT_MAX_REASON_CHARS 2000

#define HEARD_TYPE_STATEMENT (heard_statement_get_type ())

G_DECLARE_FINAL_TYPE (HeardStatement, heard_statement, HEARD, STATEMENT, GObject)

HeardStatement  *heard_statement_new               (void) G_GNUC_WARN_UNUSED_RESULT;
HeardStatement  *heard_statement_copy              (HeardStatement     *self)
                                                    G_GNUC_WARN_UNUSED_RESULT;

gint64           heard_statement_get_id            (HeardStatement     *self);
void             heard_statement_set_id            (HeardStatement     *self,
                                                    gint64              id);
gint64           heard_statement_get_person_id     (HeardStatement     *self);
void             heard_statement_set_person_id     (HeardStatement     *self,
                                                    gint64              person_id);
guint            heard_statement_get_version       (HeardStatement     *self);
void             heard_statement_set_version       (HeardStatement     *self,
                                                    guint               version);
const char      *heard_statement_get_text          (HeardStatement     *self,
                                                    HeardStatementText  field);
void             heard_statement_set_text          (HeardStatement     *self,
                                                    HeardStatementText  field,
                                                    const char         *text);
const char      *heard_statement_get_words         (HeardStatement     *self);
HeardGivenHow    heard_statement_get_given_how     (HeardStatement     *self);
void             heard_statement_set_given_how     (HeardStatement     *self,
                                                    HeardGivenHow       how);
HeardReadBack    heard_statement_get_read_back     (HeardStatement     *self);
void             heard_statement_set_read_back     (HeardStatement     *self,
                                                    HeardReadBack       read_back);
gboolean         heard_statement_get_sensitive     (HeardStatement     *self);
void             heard_statement_set_sensitive     (HeardStatement     *self,
                                                    gboolean            sensitive);

/* Who saved this version and when (an ISO 8601 UTC time); set by the store. */
const char      *heard_statement_get_saved_by      (HeardStatement     *self);
const char      *heard_statement_get_saved_at      (HeardStatement     *self);
void             heard_statement_set_saved         (HeardStatement     *self,
                                                    const char         *saved_by,
                                                    const char         *saved_at);

/* The answers given so far, oldest first; set by the store. */
GPtrArray       *heard_statement_get_responses     (HeardStatement     *self);
void             heard_statement_set_responses     (HeardStatement     *self,
                                                    GPtrArray          *responses);
HeardReplyState  heard_statement_get_reply_state   (HeardStatement     *self);

/* Their consent as it stands (the store's newest consent row; a statement
 * being recorded carries the end it is recorded with): the last day it
 * holds and the day they withdrew it, each kept as YYYY-MM-DD, or "" for
 * "until they say otherwise" and "not withdrawn". */
const char      *heard_statement_get_consent_ends_on      (HeardStatement *self);
void             heard_statement_set_consent_ends_on      (HeardStatement *self,
                                                           const char     *ends_on);
const char      *heard_statement_get_consent_withdrawn_on (HeardStatement *self);
void             heard_statement_set_consent_withdrawn_on (HeardStatement *self,
                                                           const char     *withdrawn_on);
/* The one rule of consent on @day (every export asks it with today):
 * withdrawn on or before @day, or ended before @day, keeps the statement
 * from any agency. */
HeardConsentState heard_statement_get_consent_state (HeardStatement *self,
                                                     const GDate    *day);
gboolean         heard_statement_consent_holds_on  (HeardStatement     *self,
                                                    const GDate        *day);
/* Why consent does not hold on @day, in words that follow a colon:
 * "consent ended on 3 March 2027", "they withdrew consent on 5 March
 * 2027"; NULL when it holds. */
char            *heard_statement_dup_consent_lapse (HeardStatement     *self,
                                                    const GDate        *day)
                                                    G_GNUC_WARN_UNUSED_RESULT;
/* Whether consent ending on @ends_on and withdrawn on @withdrawn_on (as
 * typed, "" for none) may be kept for @self: real days, neither before the
 * day the statement was given, a withdrawal never after today. */
gboolean         heard_statement_check_consent     (HeardStatement     *self,
                                                    const char         *ends_on,
                                                    const char         *withdrawn_on,
                                                    GError            **error);

gboolean         heard_statement_validate          (HeardStatement     *self,
                                                    GError            **error);
gboolean         heard_statement_validate_amendment (HeardStatement    *self,
                                                     HeardStatement    *current,
                                                     GError           **error);
char           **heard_statement_list_changes      (HeardStatement     *self,
                                                    HeardStatement     *before)
                                                    G_GNUC_WARN_UNUSED_RESULT;
char            *heard_statement_dup_when_text     (HeardStatement     *self)
                                                    G_GNUC_WARN_UNUSED_RESULT;
const char      *heard_statement_get_content_note  (HeardStatement     *self);

char            *heard_statement_text_columns      (const char         *suffix)
                                                    G_GNUC_WARN_UNUSED_RESULT;
const char      *heard_given_how_to_code           (HeardGivenHow       how);
gboolean         heard_given_how_from_code         (const char         *code,
                                                    HeardGivenHow      *how);
const char      *heard_given_how_label             (HeardGivenHow       how);
/* The same, said to the young person about their own words ("You typed
 * it"): only for their own record. */
const char      *heard_given_how_label_yours       (HeardGivenHow       how);
const char      *heard_read_back_to_code           (HeardReadBack       read_back);
gboolean         heard_read_back_from_code         (const char         *code,
                                                    HeardReadBack      *read_back);
const char      *heard_read_back_label             (HeardReadBack       read_back);

/* Days are kept as YYYY-MM-DD and typed as heard_date_parse() reads them. */
char            *heard_normalize_date              (const char         *typed)
                                                    G_GNUC_WARN_UNUSED_RESULT;
gboolean         heard_check_date                  (const char         *typed,
                                                    HeardDateKind       kind,
                                                    GError            **error);
char            *heard_today_iso_date              (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

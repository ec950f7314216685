/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The free-text parts of a young person's record, in column order. */
typedef enum /*< skip >*/
{
  HEARD_PERSON_DISPLAY_NAME,
  HEARD_PERSON_PREFERRED_NAME,
  HEARD_PERSON_PRONOUNS,
  HEARD_PERSON_DATE_OF_BIRTH,
  HEARD_PERSON_FIRST_LANGUAGE,
  HEARD_PERSON_ETHNICITY,
  HEARD_PERSON_NATIONALITY,
  HEARD_PERSON_KEY_WORKER,
  HEARD_PERSON_AGENCIES,
  HEARD_PERSON_WHAT_HELPS,
  HEARD_PERSON_WHAT_IS_HARD,
  HEARD_PERSON_N_TEXTS
} HeardPersonText;

/* How a question about identity was answered: the national audit asked that
 * "not known" and "prefers not to say" be told apart from "never asked". */
typedef enum
{
  HEARD_ANSWER_NOT_ASKED,
  HEARD_ANSWER_GIVEN,
  HEARD_ANSWER_NOT_KNOWN,
  HEARD_ANSWER_PREFERS_NOT_TO_SAY,
} HeardAnswer;

typedef struct
{
  const char *code;
  const char *label;  /* untranslated; pass through gettext */
} HeardChoice;

#define HEARD_PERSON_MAX_NAME_CHARS 500
#define HEARD_PERSON_MAX_TEXT_CHARS 100000

#define HEARD_TYPE_PERSON (heard_person_get_type ())

G_DECLARE_FINAL_TYPE (HeardPerson, heard_person, HEARD, PERSON, GObject)

HeardPerson       *heard_person_new                 (void) G_GNUC_WARN_UNUSED_RESULT;
HeardPerson       *heard_person_copy                (HeardPerson     *self) G_GNUC_WARN_UNUSED_RESULT;
void               heard_person_update_from         (HeardPerson     *self,
                                                     HeardPerson     *other);
gint64             heard_person_get_id              (HeardPerson     *self);
void               heard_person_set_id              (HeardPerson     *self,
                                                     gint64           id);
const char        *heard_person_get_text            (HeardPerson     *self,
                                                     HeardPersonText  field);
void               heard_person_set_text            (HeardPerson     *self,
                                                     HeardPersonText  field,
                                                     const char      *text);
const char        *heard_person_get_display_name    (HeardPerson     *self);
const char        *heard_person_get_preferred_name  (HeardPerson     *self);
/* The name they like to be called, else the one on record. */
const char        *heard_person_get_called_name     (HeardPerson     *self);
gboolean           heard_person_get_interpreter_needed (HeardPerson  *self);
void               heard_person_set_interpreter_needed (HeardPerson  *self,
                                                        gboolean      needed);
HeardAnswer        heard_person_get_nationality_answer (HeardPerson  *self);
void               heard_person_set_nationality_answer (HeardPerson  *self,
                                                        HeardAnswer   answer);
const gint64      *heard_person_get_agency_ids      (HeardPerson     *self,
                                                     guint           *n_ids);
void               heard_person_set_agency_ids      (HeardPerson     *self,
                                                     const gint64    *ids,
                                                     guint            n_ids);
gboolean           heard_person_has_agency_id       (HeardPerson     *self,
                                                     gint64           agency_id);
gboolean           heard_person_validate            (HeardPerson     *self,
                                                     GError         **error);
gboolean           heard_person_check_text_field    (HeardPerson     *self,
                                                     const char      *property,
                                                     const char      *name,
                                                     GError         **error);
gboolean           heard_person_prepare             (HeardPerson     *self,
                                                     GError         **error);
char              *heard_person_dup_age_text        (HeardPerson     *self,
                                                     GDateTime       *today) G_GNUC_WARN_UNUSED_RESULT;

char              *heard_person_text_columns        (const char      *suffix) G_GNUC_WARN_UNUSED_RESULT;
const HeardChoice *heard_person_get_ethnicities     (guint           *n_choices);
const char        *heard_person_ethnicity_label     (const char      *code);

G_END_DECLS

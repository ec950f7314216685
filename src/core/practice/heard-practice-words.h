/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The words practice records are made of, kept apart from the generator so
 * that they can be read (and reviewed) as one text. They are records, not
 * Heard's own words: nothing here is translated. Every young person, member
 * of staff and place is made up; the harm is never described, only the
 * support and the young person's own voice.
 */
typedef struct
{
  const char *const *items;
  guint              n_items;
} HeardPracticeWords;

typedef enum
{
  HEARD_PRACTICE_GIVEN_NAMES,
  HEARD_PRACTICE_FAMILY_NAMES,
  HEARD_PRACTICE_ARABIC_GIVEN_NAMES,
  HEARD_PRACTICE_ARABIC_FAMILY_NAMES,
  HEARD_PRACTICE_PRONOUNS,
  HEARD_PRACTICE_LANGUAGES,
  HEARD_PRACTICE_NATIONALITIES,
  HEARD_PRACTICE_WHAT_HELPS,
  HEARD_PRACTICE_WHAT_IS_HARD,
  HEARD_PRACTICE_WORKERS,
  HEARD_PRACTICE_SAYINGS,
  HEARD_PRACTICE_SENSITIVE_SAYINGS,
  /* In step with HEARD_PRACTICE_SENSITIVE_SAYINGS: the note over each. */
  HEARD_PRACTICE_CONTENT_NOTES,
  HEARD_PRACTICE_PLACES,
  HEARD_PRACTICE_PRESENT,
  HEARD_PRACTICE_CONTEXTS,
  HEARD_PRACTICE_THEIR_NOTES,
  HEARD_PRACTICE_ADDITIONS,
  HEARD_PRACTICE_AMEND_REASONS,
  HEARD_PRACTICE_WHAT_WE_DID,
  HEARD_PRACTICE_WORRIES,
  HEARD_PRACTICE_WORKING_WELL,
  HEARD_PRACTICE_NEEDS_TO_HAPPEN,
  HEARD_PRACTICE_OWN_GOALS,
  HEARD_PRACTICE_WORKER_GOALS,
  HEARD_PRACTICE_ACTIONS,
  HEARD_PRACTICE_REVIEW_COMMENTS,
  HEARD_PRACTICE_CHANGES_ASKED,
  HEARD_PRACTICE_CLOSURE_VIEWS,
  HEARD_PRACTICE_CLOSURE_REASONS,
  HEARD_PRACTICE_CHECK_IN_WORDS,
  HEARD_PRACTICE_CHECK_IN_NOTES,
  /* Co-design: what they typed themselves, and their say on their plan. */
  HEARD_PRACTICE_TYPED_SAYINGS,
  HEARD_PRACTICE_PLAN_SAYS,
  HEARD_PRACTICE_N_WORD_LISTS
} HeardPracticeWordList;

const HeardPracticeWords *heard_practice_words (HeardPracticeWordList list);

G_END_DECLS

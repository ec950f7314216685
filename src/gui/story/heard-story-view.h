/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-case-file.h"

G_BEGIN_DECLS

#define HEARD_TYPE_STORY_VIEW (heard_story_view_get_type ())

G_DECLARE_FINAL_TYPE (HeardStoryView, heard_story_view, HEARD, STORY_VIEW, AdwBin)

/* Shows who has seen the story of @case_file's young person, in words
 * written for them, asked for again whenever it is shown and whenever
 * their record changes. NULL shows nothing. */
void heard_story_view_set_case_file (HeardStoryView *self,
                                     HeardCaseFile  *case_file);

/* Embedded in a page that scrolls under its own heading: as tall as the
 * story, without a scroller or heading of its own. */
void heard_story_view_set_embedded  (HeardStoryView *self,
                                     gboolean        embedded);

G_END_DECLS

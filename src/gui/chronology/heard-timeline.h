/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "heard-chronology.h"

G_BEGIN_DECLS

#define HEARD_TYPE_TIMELINE (heard_timeline_get_type ())

G_DECLARE_FINAL_TYPE (HeardTimeline, heard_timeline, HEARD, TIMELINE, GtkWidget)

GtkWidget  *heard_timeline_new              (void);
/* Shows @chronology (taken), told in words by @description. */
void        heard_timeline_set_chronology   (HeardTimeline   *self,
                                             HeardChronology *chronology,
                                             const char      *description);
/* Shows nothing, as for a young person whose events are not built yet:
 * no selection, and the next chronology fits the view afresh. */
void        heard_timeline_forget           (HeardTimeline   *self);
gint64      heard_timeline_get_selected_id  (HeardTimeline   *self);
void        heard_timeline_set_selected_id  (HeardTimeline   *self,
                                             gint64           event_id);
/* Zooms by @factor (2: twice as many pixels a day), keeping the selected
 * event in view, or the middle where it is. */
void        heard_timeline_zoom             (HeardTimeline   *self,
                                             double           factor);
void        heard_timeline_show_today       (HeardTimeline   *self);
const char *heard_timeline_get_description  (HeardTimeline   *self);

G_END_DECLS

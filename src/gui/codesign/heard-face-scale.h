/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "heard-check-in.h"

G_BEGIN_DECLS

#define HEARD_TYPE_FACE_SCALE (heard_face_scale_get_type ())

G_DECLARE_FINAL_TYPE (HeardFaceScale, heard_face_scale, HEARD, FACE_SCALE, GtkWidget)

/* One question on a face scale from 0 to HEARD_RATING_MAX, with "Skip"
 * and "I'd rather not say"; skipped until they choose. */
GtkWidget *heard_face_scale_new        (const char     *question) G_GNUC_WARN_UNUSED_RESULT;
void       heard_face_scale_get_rating (HeardFaceScale *self,
                                        HeardRating    *rating);

G_END_DECLS

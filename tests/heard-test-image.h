/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "heard-chart.h"

G_BEGIN_DECLS

/* An image surface to draw a chart on and read its pixels back. */
typedef struct
{
  cairo_surface_t *surface;
  guchar          *data;
  int              stride, width, height;
} HeardTestImage;

void            heard_test_image_clear (HeardTestImage *image);
cairo_t        *heard_test_image_begin (HeardTestImage *image,
                                        int             width,
                                        int             height);
void            heard_test_image_end   (HeardTestImage *image,
                                        cairo_t        *cr);
HeardChartColor heard_test_image_get   (const HeardTestImage *image,
                                        int                   x,
                                        int                   y);

gboolean        heard_test_color_near  (HeardChartColor a,
                                        HeardChartColor b,
                                        double          tolerance);
double          heard_test_luminance   (HeardChartColor color);
double          heard_test_contrast    (HeardChartColor a,
                                        HeardChartColor b);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HeardTestImage, heard_test_image_clear)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-image"

#include "config.h"

#include <math.h>

#include "heard-test-image.h"

/*
 * Drawings read back as a user would see them: the charts' and the
 * chronology's tests draw on image surfaces and look at pixels, and measure
 * contrast as WCAG does.
 */

void
heard_test_image_clear (HeardTestImage *image)
{
  g_clear_pointer (&image->surface, cairo_surface_destroy);
}

cairo_t *
heard_test_image_begin (HeardTestImage *image,
                        int             width,
                        int             height)
{
  image->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  image->width = width;
  image->height = height;
  return cairo_create (image->surface);
}

void
heard_test_image_end (HeardTestImage *image,
                      cairo_t        *cr)
{
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (image->surface);
  image->data = cairo_image_surface_get_data (image->surface);
  image->stride = cairo_image_surface_get_stride (image->surface);
}

HeardChartColor
heard_test_image_get (const HeardTestImage *image,
                      int                   x,
                      int                   y)
{
  guint32 pixel;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, image->width);
  g_assert_cmpint (y, <, image->height);
  pixel = *(guint32 *) (image->data + y * image->stride + x * 4);
  return (HeardChartColor) { (pixel >> 16 & 0xff) / 255.f, (pixel >> 8 & 0xff) / 255.f,
                             (pixel & 0xff) / 255.f, 1.f };
}

gboolean
heard_test_color_near (HeardChartColor a,
                       HeardChartColor b,
                       double          tolerance)
{
  return fabs (a.red - b.red) <= tolerance && fabs (a.green - b.green) <= tolerance &&
         fabs (a.blue - b.blue) <= tolerance;
}

double
heard_test_luminance (HeardChartColor color)
{
  double channels[] = { color.red, color.green, color.blue };

  for (guint i = 0; i < 3; i++)
    channels[i] = channels[i] <= 0.04045 ? channels[i] / 12.92
                                         : pow ((channels[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

double
heard_test_contrast (HeardChartColor a,
                     HeardChartColor b)
{
  double la = heard_test_luminance (a), lb = heard_test_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

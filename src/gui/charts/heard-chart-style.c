/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-chart-style"

#include "config.h"

#include <adwaita.h>

#include "heard-chart-style.h"

/*
 * The one place the chart widgets (the check-in charts, the chronology)
 * take their colours from the style, so that they all follow dark and high
 * contrast alike and none hard-codes a colour.
 */

static HeardChartStyle
get_chart_style (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (manager))
    return HEARD_CHART_STYLE_HIGH_CONTRAST;
  if (adw_style_manager_get_dark (manager))
    return HEARD_CHART_STYLE_DARK;
  return HEARD_CHART_STYLE_LIGHT;
}

void
heard_chart_style_init_palette (HeardChartPalette *palette,
                                GtkWidget         *widget)
{
  GdkRGBA color;

  g_return_if_fail (palette != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* The style's text colour for words and axes, over the card the chart
   * sits on; the other colours are the palette's for this style, chosen
   * for contrast against it. */
  heard_chart_palette_init_default (palette, get_chart_style ());
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  palette->foreground = (HeardChartColor) { color.red, color.green, color.blue, color.alpha };
  palette->background.alpha = 0;
}

void
heard_chart_style_follow (GtkWidget *widget)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (gtk_widget_queue_draw), widget,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (gtk_widget_queue_draw),
                           widget, G_CONNECT_SWAPPED);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "heard-chart.h"

G_BEGIN_DECLS

/* The palette a chart widget draws with: the style's (light, dark or high
 * contrast), its words in @widget's text colour, over what it sits on. */
void heard_chart_style_init_palette (HeardChartPalette *palette,
                                     GtkWidget         *widget);
/* Redraws @widget whenever the style turns dark, light or high contrast. */
void heard_chart_style_follow       (GtkWidget         *widget);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The order people write a day, month and year in, in numbers. */
typedef enum
{
  HEARD_DATE_ORDER_DAY_FIRST,
  HEARD_DATE_ORDER_MONTH_FIRST,
  HEARD_DATE_ORDER_YEAR_FIRST,
} HeardDateOrder;

HeardDateOrder _heard_date_order_from_format (const char *d_fmt,
                                              char       *separator);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* An error already said beside the field it belongs to: a dialog ending a
 * save with it shows nothing more. */
#define HEARD_FIELD_ERROR (heard_field_error_quark ())

typedef enum
{
  HEARD_FIELD_ERROR_SHOWN,
} HeardFieldError;

GQuark heard_field_error_quark (void);

void heard_field_error_show  (GtkWidget  *field,
                              const char *message);
void heard_field_error_clear (GtkWidget  *field);
void heard_field_error_set   (GError    **error,
                              GtkWidget  *field,
                              const char *message);
const char *heard_field_error_find (GtkWidget *root);
gboolean heard_field_error_check_text (GtkWidget  *field,
                                       GObject    *draft,
                                       const char *property,
                                       const char *name);

G_END_DECLS

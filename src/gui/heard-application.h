/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heard-context.h"

G_BEGIN_DECLS

#define HEARD_TYPE_APPLICATION (heard_application_get_type ())

G_DECLARE_FINAL_TYPE (HeardApplication, heard_application, HEARD, APPLICATION, AdwApplication)

HeardApplication *heard_application_new         (void) G_GNUC_WARN_UNUSED_RESULT;
HeardContext     *heard_application_get_context (HeardApplication *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *heard_search_build_match (const char *typed) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

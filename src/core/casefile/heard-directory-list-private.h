/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-directory-list.h"
#include "heard-live-list-private.h"

G_BEGIN_DECLS

/* Only the context makes the list (and hands it the store with
 * _heard_live_list_set_store()). */
HeardDirectoryList *_heard_directory_list_new (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* For tests only. The cost of hashing a new passphrase: the cheapest
 * Argon2id (as practice records use for supervisors), so suites that set
 * many passphrases stay quick; checking reads the cost from the hash. */
void _heard_caseworker_passphrase_set_cheap_cost (gboolean    cheap);
/* The clock that times wrong tries, in seconds since the epoch (NULL: the
 * real one), so that a test can let the wait pass at once. */
void _heard_caseworker_passphrase_set_clock      (gint64    (*now) (void));

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where Heard stands between "just started" and "records open". It has a
 * header of its own because the unlock flow, the context and the window all
 * speak of it, and the window need not see the flow. */
typedef enum
{
  HEARD_LOCK_STATE_OPENING,
  HEARD_LOCK_STATE_OPEN,
  HEARD_LOCK_STATE_SHOW_RECOVERY_CODE,
  HEARD_LOCK_STATE_KEYRING_LOCKED,
  HEARD_LOCK_STATE_NEEDS_RECOVERY_CODE,
  HEARD_LOCK_STATE_NEEDS_PASSPHRASE,
  HEARD_LOCK_STATE_NEEDS_NEW_PASSPHRASE,
  /* The caseworker's own passphrase is asked for, before the key is read
   * from the keyring (every start, every unlock after a lock). */
  HEARD_LOCK_STATE_NEEDS_CASEWORKER_PASSPHRASE,
  /* The records are open but nothing of them is shown until the
   * caseworker chooses a passphrase: at first run, for records made before
   * there was one, and after the recovery code. */
  HEARD_LOCK_STATE_NEEDS_NEW_CASEWORKER_PASSPHRASE,
  /* Another Heard holds these records; this one touches nothing. */
  HEARD_LOCK_STATE_ALREADY_OPEN,
  HEARD_LOCK_STATE_FAILED,
  /* The records were open and are locked again: closed, the key wiped,
   * nothing of them in memory. heard_context_start_async() opens them. */
  HEARD_LOCK_STATE_LOCKED,
} HeardLockState;

G_END_DECLS

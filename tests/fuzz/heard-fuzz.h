/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

G_BEGIN_DECLS

/*
 * What every fuzz target shares: libFuzzer's entry point, which each
 * fuzz-*.c defines, and a way to read the fuzzer's bytes as the C string a
 * caller would pass (everything up to the first NUL, which need not be
 * UTF-8).
 */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static inline char *
heard_fuzz_dup_text (const uint8_t *data,
                     size_t         size)
{
  return g_strndup ((const char *) data, size);
}

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each call that can fail returns FALSE with errno set, so that the caller
 * says what failed in its own words. */

/* Flushes the file or folder @path to the disk. A file system that cannot
 * flush it (EINVAL) counts as having done so. */
gboolean heard_files_sync              (const char *path);

/* Renames the file or folder @from to @to only when nothing is at @to
 * (EEXIST when something is). */
gboolean heard_files_rename_no_replace (const char *from,
                                        const char *to);

/* Swaps the folders @a and @b in one step; EINVAL or ENOSYS when the file
 * system cannot, and the caller then moves them one at a time. */
gboolean heard_files_exchange          (const char *a,
                                        const char *b);

/* Removes @path and everything in it, never following a link, with a
 * warning for whatever could not be removed. */
void     heard_files_remove_tree       (const char *path);

/* Temporary files and folders that a process killed half-way leaves
 * behind, in folders that several computers may share (a backup drive on
 * the network): their names carry a tag saying which process of which
 * computer made them, "PID@HOST-" (the host name with anything but
 * letters, digits and dots as '_'), so that each computer clears only what
 * it can tell is abandoned. */

/* The tag for process @pid of this computer. */
char    *heard_files_temp_tag          (GPid        pid) G_GNUC_WARN_UNUSED_RESULT;

/* Whether the temporary @path, whose name goes on with a tag at @tagged,
 * was abandoned: made by a process of this computer that is gone, or,
 * whoever made it, last changed more than a week ago. */
gboolean heard_files_temp_abandoned    (const char *path,
                                        const char *tagged);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heard-window.h"

G_BEGIN_DECLS

/* For the UI tests, which drive the window the way a person would. */
const char     *_heard_window_get_visible_state   (HeardWindow *self);
const char     *_heard_window_get_visible_content (HeardWindow *self);
GtkEditable    *_heard_window_get_search_entry    (HeardWindow *self);
GListModel     *_heard_window_get_shown_people    (HeardWindow *self);
GtkWidget      *_heard_window_get_people_view     (HeardWindow *self);
GtkWidget      *_heard_window_get_unlock_page     (HeardWindow *self);
GtkWidget      *_heard_window_get_recovery_page   (HeardWindow *self);
GtkWidget      *_heard_window_get_person_page     (HeardWindow *self);
GtkWidget      *_heard_window_get_caseload_page   (HeardWindow *self);
/* The revealer that holds the audit trail banner. */
GtkWidget      *_heard_window_get_audit_banner    (HeardWindow *self);
/* The revealer that holds the practice records' strip. */
GtkWidget      *_heard_window_get_practice_strip  (HeardWindow *self);
/* Quick hide: the neutral page until _heard_window_reveal(). */
void            _heard_window_hide                (HeardWindow *self);
void            _heard_window_reveal              (HeardWindow *self);
void            _heard_window_show_toast          (HeardWindow *self,
                                                   AdwToast    *toast);

G_END_DECLS

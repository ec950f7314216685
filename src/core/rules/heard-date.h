/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The years a date in Heard may fall in. The oldest person anyone records
 * was born after 1900, and a plan's dates lie within a few years of today,
 * so anything outside is a slip of the keyboard ("1/1/1", "20225"); 2200
 * leaves room to spare without letting a typo through as a real day. */
#define HEARD_DATE_FIRST_YEAR 1900
#define HEARD_DATE_LAST_YEAR  2200

#define HEARD_DATE_ERROR (heard_date_error_quark ())

typedef enum
{
  HEARD_DATE_ERROR_EMPTY,
  HEARD_DATE_ERROR_SPACES,
  HEARD_DATE_ERROR_UNREADABLE,
  HEARD_DATE_ERROR_YEAR_DIGITS,
  HEARD_DATE_ERROR_YEAR_RANGE,
  HEARD_DATE_ERROR_MONTH,
  HEARD_DATE_ERROR_DAY,
  HEARD_DATE_ERROR_FUTURE,
} HeardDateError;

/* What a date is of: each kind has its name in messages, and whether it
 * may lie after today (a review or a due date) or may not (a birth, the
 * day something was said, the day someone was told). */
typedef enum
{
  HEARD_DATE_KIND_BIRTH,
  HEARD_DATE_KIND_SAID,
  HEARD_DATE_KIND_TOLD,
  HEARD_DATE_KIND_REVIEW,
  HEARD_DATE_KIND_DUE,
  HEARD_DATE_KIND_CHECK_IN,
  HEARD_DATE_KIND_HAPPENED,
  HEARD_DATE_KIND_DECIDED,
  HEARD_DATE_KIND_CONSENT_ENDS,
  HEARD_DATE_KIND_WITHDRAWN,
  HEARD_DATE_N_KINDS,
} HeardDateKind;

#define HEARD_TYPE_DATE_KIND (heard_date_kind_get_type ())
GType     heard_date_kind_get_type (void) G_GNUC_CONST;

GQuark    heard_date_error_quark   (void);

gboolean  heard_date_parse         (const char   *text,
                                    GDate        *out_date,
                                    GError      **error);
gboolean  heard_date_parse_field   (const char   *text,
                                    const char   *field,
                                    GQuark        domain,
                                    int           code,
                                    GDate        *out_date,
                                    GError      **error);

gboolean  heard_date_check         (const char   *text,
                                    HeardDateKind kind,
                                    const GDate  *today,
                                    GQuark        domain,
                                    int           code,
                                    GDate        *out_date,
                                    GError      **error);
gboolean  heard_date_kind_may_be_future (HeardDateKind kind);
void      heard_date_today         (GDate        *today);

char     *heard_date_format        (const GDate  *date) G_GNUC_WARN_UNUSED_RESULT;
char     *heard_date_format_month  (const GDate  *date) G_GNUC_WARN_UNUSED_RESULT;
char     *heard_date_format_numeric (const GDate *date) G_GNUC_WARN_UNUSED_RESULT;
char     *heard_date_format_moment (GDateTime    *moment) G_GNUC_WARN_UNUSED_RESULT;
char     *heard_date_to_iso        (const GDate  *date) G_GNUC_WARN_UNUSED_RESULT;
char     *heard_date_describe      (const char   *stored) G_GNUC_WARN_UNUSED_RESULT;
char     *heard_date_describe_moment     (const char *stored) G_GNUC_WARN_UNUSED_RESULT;
char     *heard_date_describe_moment_day (const char *stored) G_GNUC_WARN_UNUSED_RESULT;
char     *heard_date_describe_day_time   (const char *stored_day,
                                          const char *time) G_GNUC_WARN_UNUSED_RESULT;
char     *heard_date_dup_hint      (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

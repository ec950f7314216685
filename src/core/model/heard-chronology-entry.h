/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "heard-cluster-rules.h"

G_BEGIN_DECLS

/*
 * One entry of a young person's chronology as an agency reported it: an
 * early warning sign (of harm, or a vulnerability: kept apart everywhere)
 * or a strength or turning point, logged the same way. One
 * HeardChronologyEntry holds one version: version 1 is the original, every
 * later one an amendment with a reason; versions are only ever added.
 *
 * The day may be exact or approximate: the entry keeps the earliest and the
 * latest day it could be and how precisely it is known, and says so
 * wherever it is shown ("around May 2024"). A cluster counts a sign from
 * its earliest day.
 */

/* How precisely the day is known; the nicks are the stored codes. */
typedef enum
{
  HEARD_DATE_PRECISION_DAY,    /*< nick=day >*/
  HEARD_DATE_PRECISION_MONTH,  /*< nick=month >*/
  HEARD_DATE_PRECISION_YEAR,   /*< nick=year >*/
  HEARD_DATE_PRECISION_AROUND, /*< nick=around >*/
  HEARD_DATE_N_PRECISIONS      /*< skip >*/
} HeardDatePrecision;

/* What an entry is: never a score, only which of three it is. */
typedef enum
{
  HEARD_ENTRY_SIGN_OF_HARM,   /*< nick=harm >*/
  HEARD_ENTRY_VULNERABILITY,  /*< nick=vulnerability >*/
  HEARD_ENTRY_STRENGTH,       /*< nick=strength >*/
  HEARD_ENTRY_N_NATURES       /*< skip >*/
} HeardEntryNature;

/* The free-text parts of a version. */
typedef enum /*< skip >*/
{
  HEARD_CHRONOLOGY_REPORTER,
  HEARD_CHRONOLOGY_SEEN,
  HEARD_CHRONOLOGY_REASON,
  HEARD_CHRONOLOGY_N_TEXTS
} HeardChronologyText;

/* A kind of entry, as the records list them (a table, extendable by adding
 * rows): its stable code, the label stored with it, and whether it is a
 * kind of strength. */
typedef struct
{
  char     *code;
  char     *label;
  gboolean  strength;
} HeardEntryKind;

HeardEntryKind *heard_entry_kind_new   (const char     *code,
                                        const char     *label,
                                        gboolean        strength) G_GNUC_WARN_UNUSED_RESULT;
void            heard_entry_kind_free  (HeardEntryKind *kind);
/* The translated name of the kind @code, or @stored_label for a kind added
 * to the records that Heard has no translation of. */
const char     *heard_entry_kind_label (const char     *code,
                                        const char     *stored_label);

const char *heard_date_precision_to_code   (HeardDatePrecision  precision);
gboolean    heard_date_precision_from_code (const char         *code,
                                            HeardDatePrecision *precision);
const char *heard_entry_nature_to_code     (HeardEntryNature    nature);
gboolean    heard_entry_nature_from_code   (const char         *code,
                                            HeardEntryNature   *nature);
const char *heard_entry_nature_label       (HeardEntryNature    nature);

#define HEARD_TYPE_CHRONOLOGY_ENTRY (heard_chronology_entry_get_type ())

G_DECLARE_FINAL_TYPE (HeardChronologyEntry, heard_chronology_entry, HEARD, CHRONOLOGY_ENTRY,
                      GObject)

HeardChronologyEntry *heard_chronology_entry_new          (gint64                person_id,
                                                           HeardEntryNature      nature,
                                                           const char           *kind)
                                                           G_GNUC_WARN_UNUSED_RESULT;
HeardChronologyEntry *heard_chronology_entry_copy         (HeardChronologyEntry *self)
                                                           G_GNUC_WARN_UNUSED_RESULT;
gint64                heard_chronology_entry_get_id       (HeardChronologyEntry *self);
void                  heard_chronology_entry_set_id       (HeardChronologyEntry *self,
                                                           gint64                id);
gint64                heard_chronology_entry_get_person_id (HeardChronologyEntry *self);
guint                 heard_chronology_entry_get_version  (HeardChronologyEntry *self);
void                  heard_chronology_entry_set_version  (HeardChronologyEntry *self,
                                                           guint                 version);
HeardEntryNature      heard_chronology_entry_get_nature   (HeardChronologyEntry *self);
void                  heard_chronology_entry_set_nature   (HeardChronologyEntry *self,
                                                           HeardEntryNature      nature);
/* Whether it counts towards a cluster: a sign of harm or a vulnerability. */
gboolean              heard_chronology_entry_is_sign      (HeardChronologyEntry *self);
const char           *heard_chronology_entry_get_kind     (HeardChronologyEntry *self);
void                  heard_chronology_entry_set_kind     (HeardChronologyEntry *self,
                                                           const char           *kind);

/* The day: with DAY, MONTH or YEAR, @day is any day of it and the span is
 * worked out (@latest is ignored); with AROUND, @day and @latest are the
 * earliest and latest days it could be. */
void                  heard_chronology_entry_set_when     (HeardChronologyEntry *self,
                                                           HeardDatePrecision    precision,
                                                           const GDate          *day,
                                                           const GDate          *latest);
HeardDatePrecision    heard_chronology_entry_get_precision (HeardChronologyEntry *self);
/* The earliest and latest days, as YYYY-MM-DD ("" until set). */
const char           *heard_chronology_entry_get_earliest_day (HeardChronologyEntry *self);
const char           *heard_chronology_entry_get_latest_day   (HeardChronologyEntry *self);
gboolean              heard_chronology_entry_is_approximate   (HeardChronologyEntry *self);
/* The day in words, approximate ones said so: "3 May 2024", "some time in
 * May 2024", "some time in 2024", "around May 2024". */
char                 *heard_chronology_entry_describe_when    (HeardChronologyEntry *self)
                                                               G_GNUC_WARN_UNUSED_RESULT;

/* The directory agency that reported it (heard-directory-agency.h). */
gint64                heard_chronology_entry_get_agency_id (HeardChronologyEntry *self);
void                  heard_chronology_entry_set_agency_id (HeardChronologyEntry *self,
                                                            gint64                agency_id);
const char           *heard_chronology_entry_get_text     (HeardChronologyEntry *self,
                                                           HeardChronologyText   field);
void                  heard_chronology_entry_set_text     (HeardChronologyEntry *self,
                                                           HeardChronologyText   field,
                                                           const char           *text);
/* A statement or a plan action of the same young person it concerns, or 0. */
gint64                heard_chronology_entry_get_statement_id (HeardChronologyEntry *self);
void                  heard_chronology_entry_set_statement_id (HeardChronologyEntry *self,
                                                               gint64                id);
gint64                heard_chronology_entry_get_action_id    (HeardChronologyEntry *self);
void                  heard_chronology_entry_set_action_id    (HeardChronologyEntry *self,
                                                               gint64                id);

/* Who saved this version and when; set by the store. */
const char           *heard_chronology_entry_get_saved_by (HeardChronologyEntry *self);
const char           *heard_chronology_entry_get_saved_at (HeardChronologyEntry *self);
void                  heard_chronology_entry_set_saved    (HeardChronologyEntry *self,
                                                           const char           *saved_by,
                                                           const char           *saved_at);

/* The entry as the cluster rule sees it (heard-cluster-rules.h): FALSE for a
 * strength, or an entry whose day is not set. */
gboolean              heard_chronology_entry_to_cluster_sign (HeardChronologyEntry *self,
                                                              HeardClusterSign     *sign);

/* Checks what can be checked without the records: a day set and not in
 * the future, a kind, an agency, what was seen, valid UTF-8 within the
 * limits, and a reason for an amendment. HEARD_STORE_ERROR_INVALID, naming
 * the field, otherwise. */
gboolean              heard_chronology_entry_validate     (HeardChronologyEntry *self,
                                                           GError              **error);

G_END_DECLS

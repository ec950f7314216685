/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The defaults of the cluster prompt: at least 3 signs of harm or
 * vulnerability from at least 2 agencies in the directory, the last at most
 * 28 days after the first. The numbers in force live in the database. */
#define HEARD_CLUSTER_DEFAULT_MIN_SIGNS     3
#define HEARD_CLUSTER_DEFAULT_MIN_AGENCIES  2
#define HEARD_CLUSTER_DEFAULT_MAX_SPAN_DAYS 28

/* Warning signs from this many months back appear in the closure check. */
#define HEARD_CLUSTER_CLOSURE_RECENT_MONTHS 3

/* One early warning sign as the rule sees it. An exact day has
 * latest_day == earliest_day; "around May 2024" spans the month, and the rule
 * counts it from the earliest day it could be. agency_id is a directory entry:
 * two schools are two agencies. Signs of harm and vulnerabilities both count
 * towards a cluster; is_harm keeps them apart in what is said. */
typedef struct
{
  gint64   id;
  GDate    earliest_day;
  GDate    latest_day;
  gint64   agency_id;
  gboolean is_harm;
} HeardClusterSign;

/* The three numbers of the cluster prompt. */
typedef struct
{
  guint min_signs;
  guint min_agencies;
  guint max_span_days;
} HeardClusterRule;

/* A gathering of signs the prompt names: its signs (ids, ascending), the
 * agencies they came from (ascending), how many are signs of harm and how
 * many vulnerabilities, and the earliest days of its first and last sign. */
typedef struct
{
  GArray *sign_ids;   /* of gint64 */
  GArray *agency_ids; /* of gint64 */
  guint   n_harm;
  guint   n_vulnerability;
  GDate   first_day;
  GDate   last_day;
} HeardCluster;

/* The name of a directory entry, for the words; NULL if unknown. */
typedef const char *(*HeardClusterAgencyName) (gint64   agency_id,
                                               gpointer user_data);

void       heard_cluster_rule_init_default (HeardClusterRule       *rule);

GPtrArray *heard_cluster_find     (const HeardClusterSign *signs,
                                   guint                   n_signs,
                                   const HeardClusterRule *rule) G_GNUC_WARN_UNUSED_RESULT;
void       heard_cluster_free     (HeardCluster           *cluster);

gboolean   heard_cluster_is_new   (const HeardCluster     *cluster,
                                   const gint64           *decided_sign_ids,
                                   gsize                   n_decided_sign_ids);

GPtrArray *heard_cluster_find_open (const HeardClusterSign *signs,
                                   guint                   n_signs,
                                   const HeardClusterRule *rule,
                                   const gint64           *decided_sign_ids,
                                   gsize                   n_decided_sign_ids)
                                   G_GNUC_WARN_UNUSED_RESULT;

char      *heard_cluster_describe (const HeardCluster     *cluster,
                                   HeardClusterAgencyName  agency_name,
                                   gpointer                user_data) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeardCluster, heard_cluster_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-cluster"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "heard-cluster-rules.h"

/*
 * The cluster prompt's rule, in one place: when early warning signs from
 * several agencies gather in a short window, Heard names them and suggests a
 * multi-agency strategy discussion. Never a score or a level: research shows
 * exploitation screening scores are unvalidated, so the rule only says that
 * signs gathered, and which. The young person's page, the caseload overview
 * and the closure check all ask here, so they agree.
 *
 * How overlapping windows become clusters: a window is the signs whose
 * earliest days lie within max_span_days of one sign's earliest day; it
 * qualifies with min_signs signs from min_agencies agencies. Signs arriving
 * week after week make many qualifying windows, each overlapping the next,
 * and five overlapping prompts about one gathering would bury the one thing
 * to say. So windows that share a sign are merged into one cluster, and a
 * cluster is a whole gathering: every sign in it lies in some qualifying
 * window, and its first and last days may lie further apart than
 * max_span_days when the gathering went on. Reporting only the largest
 * window instead would leave out signs that were part of it, and the
 * caseworker would not see them named.
 */

typedef struct
{
  guint32                 day; /* Julian, of the earliest day */
  const HeardClusterSign *sign;
} Entry;

static int
compare_entries (const void *a,
                 const void *b)
{
  const Entry *x = a;
  const Entry *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  return (x->sign->id > y->sign->id) - (x->sign->id < y->sign->id);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Counts one more (or one fewer) sign from an agency in the window, and
 * returns how many distinct agencies it now holds. */
static guint
count_agency (GHashTable             *agencies,
              const HeardClusterSign *sign,
              int                     change)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (agencies, &sign->agency_id));

  count += change;
  if (count == 0)
    g_hash_table_remove (agencies, &sign->agency_id);
  else
    g_hash_table_insert (agencies, (gpointer) &sign->agency_id, GUINT_TO_POINTER (count));
  return g_hash_table_size (agencies);
}

static HeardCluster *
create_cluster (const Entry *entries,
                guint        n_entries)
{
  HeardCluster *cluster = g_new0 (HeardCluster, 1);

  cluster->sign_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_entries);
  cluster->agency_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < n_entries; i++)
    {
      const HeardClusterSign *sign = entries[i].sign;
      gboolean known = FALSE;

      g_array_append_val (cluster->sign_ids, sign->id);
      for (guint a = 0; a < cluster->agency_ids->len && !known; a++)
        known = g_array_index (cluster->agency_ids, gint64, a) == sign->agency_id;
      if (!known)
        g_array_append_val (cluster->agency_ids, sign->agency_id);
      if (sign->is_harm)
        cluster->n_harm++;
      else
        cluster->n_vulnerability++;
    }
  g_array_sort (cluster->sign_ids, compare_ids);
  g_array_sort (cluster->agency_ids, compare_ids);
  cluster->first_day = entries[0].sign->earliest_day;
  cluster->last_day = entries[n_entries - 1].sign->earliest_day;
  return cluster;
}

/* "A", "A and B", "A, B and C". */
static char *
join_words (GPtrArray *words)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      if (i > 0 && i + 1 < words->len)
        /* Translators: between the items of a list but the last two: "A, B and C". */
        g_string_append (text, C_("list", ", "));
      else if (i > 0)
        /* Translators: between the last two items of a list: "A, B and C". */
        g_string_append (text, C_("list", " and "));
      g_string_append (text, g_ptr_array_index (words, i));
    }
  return g_string_free (text, FALSE);
}

/* Public API ---------------------------------------------------------------- */

void
heard_cluster_rule_init_default (HeardClusterRule *rule)
{
  g_return_if_fail (rule != NULL);

  rule->min_signs = HEARD_CLUSTER_DEFAULT_MIN_SIGNS;
  rule->min_agencies = HEARD_CLUSTER_DEFAULT_MIN_AGENCIES;
  rule->max_span_days = HEARD_CLUSTER_DEFAULT_MAX_SPAN_DAYS;
}

/* The clusters among signs given in any order, oldest first, as
 * HeardCluster (owned by the array). One pass over the signs in time order:
 * each sign opens a window that the pass widens and narrows as it goes. */
GPtrArray *
heard_cluster_find (const HeardClusterSign *signs,
                    guint                   n_signs,
                    const HeardClusterRule *rule)
{
  g_autoptr(GPtrArray) clusters = g_ptr_array_new_with_free_func ((GDestroyNotify) heard_cluster_free);
  g_autoptr(GHashTable) agencies = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree Entry *entries = NULL;
  guint end = 0, n_agencies = 0;
  guint cluster_start = 0, cluster_end = 0; /* the gathering so far; empty at first */

  g_return_val_if_fail (signs != NULL || n_signs == 0, NULL);
  g_return_val_if_fail (rule != NULL, NULL);

  entries = g_new (Entry, n_signs);
  for (guint i = 0; i < n_signs; i++)
    {
      g_return_val_if_fail (g_date_valid (&signs[i].earliest_day), NULL);
      entries[i].day = g_date_get_julian (&signs[i].earliest_day);
      entries[i].sign = &signs[i];
    }
  /* qsort() must not be given the NULL that no signs leave. */
  if (n_signs > 1)
    qsort (entries, n_signs, sizeof (Entry), compare_entries);

  for (guint i = 0; i < n_signs; i++)
    {
      /* The window from sign i: every later sign within the span. */
      while (end < n_signs && entries[end].day - entries[i].day <= rule->max_span_days)
        n_agencies = count_agency (agencies, entries[end++].sign, 1);

      if (end - i >= rule->min_signs && n_agencies >= rule->min_agencies)
        {
          if (i < cluster_end)
            cluster_end = end;
          else
            {
              if (cluster_end > cluster_start)
                g_ptr_array_add (clusters, create_cluster (entries + cluster_start,
                                                           cluster_end - cluster_start));
              cluster_start = i;
              cluster_end = end;
            }
        }
      n_agencies = count_agency (agencies, entries[i].sign, -1);
    }
  if (cluster_end > cluster_start)
    g_ptr_array_add (clusters, create_cluster (entries + cluster_start,
                                               cluster_end - cluster_start));

  return g_steal_pointer (&clusters);
}

void
heard_cluster_free (HeardCluster *cluster)
{
  if (cluster == NULL)
    return;
  g_array_unref (cluster->sign_ids);
  g_array_unref (cluster->agency_ids);
  g_free (cluster);
}

/* Whether a cluster should prompt: it does unless every one of its signs was
 * in a cluster a decision has already been recorded for. decided_sign_ids
 * holds the signs of every decided cluster, in any order. So a decided
 * cluster stays cleared, and a new sign that makes or joins a cluster brings
 * the prompt back. */
gboolean
heard_cluster_is_new (const HeardCluster *cluster,
                      const gint64       *decided_sign_ids,
                      gsize               n_decided_sign_ids)
{
  g_return_val_if_fail (cluster != NULL, FALSE);
  g_return_val_if_fail (decided_sign_ids != NULL || n_decided_sign_ids == 0, FALSE);

  for (guint i = 0; i < cluster->sign_ids->len; i++)
    {
      gint64 id = g_array_index (cluster->sign_ids, gint64, i);
      gboolean decided = FALSE;

      for (gsize d = 0; d < n_decided_sign_ids && !decided; d++)
        decided = decided_sign_ids[d] == id;
      if (!decided)
        return TRUE;
    }
  return FALSE;
}

/* The clusters among @signs that should prompt, oldest first: those no
 * decision covers yet (heard_cluster_is_new()). The young person's page,
 * the caseload overview and the closure check all ask this. */
GPtrArray *
heard_cluster_find_open (const HeardClusterSign *signs,
                         guint                   n_signs,
                         const HeardClusterRule *rule,
                         const gint64           *decided_sign_ids,
                         gsize                   n_decided_sign_ids)
{
  GPtrArray *clusters = heard_cluster_find (signs, n_signs, rule);

  g_return_val_if_fail (clusters != NULL, NULL);

  for (guint i = clusters->len; i > 0; i--)
    {
      if (!heard_cluster_is_new (g_ptr_array_index (clusters, i - 1), decided_sign_ids,
                                 n_decided_sign_ids))
        g_ptr_array_remove_index (clusters, i - 1);
    }

  return clusters;
}

/* The prompt in words: "3 early warning signs from Northside School and
 * Eastgate Police within 12 days (2 signs of harm, 1 vulnerability).
 * Consider a multi-agency strategy discussion." */
char *
heard_cluster_describe (const HeardCluster     *cluster,
                        HeardClusterAgencyName  agency_name,
                        gpointer                user_data)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) kinds = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *agencies = NULL;
  g_autofree char *signs = NULL;
  g_autofree char *span = NULL;
  g_autofree char *split = NULL;
  guint n_signs, days;

  g_return_val_if_fail (cluster != NULL, NULL);
  g_return_val_if_fail (agency_name != NULL, NULL);

  for (guint i = 0; i < cluster->agency_ids->len; i++)
    {
      const char *name = agency_name (g_array_index (cluster->agency_ids, gint64, i), user_data);

      g_ptr_array_add (names, (gpointer) (name != NULL ? name : _("an agency not in the directory")));
    }
  agencies = join_words (names);

  n_signs = cluster->sign_ids->len;
  signs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u early warning sign",
                                        "%u early warning signs", n_signs), n_signs);

  days = g_date_days_between (&cluster->first_day, &cluster->last_day);
  span = days == 0
    ? g_strdup (_("on one day"))
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "within %u day", "within %u days", days),
                       days);

  if (cluster->n_harm > 0)
    g_ptr_array_add (kinds, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sign of harm",
                                                          "%u signs of harm", cluster->n_harm),
                                             cluster->n_harm));
  if (cluster->n_vulnerability > 0)
    g_ptr_array_add (kinds, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u vulnerability",
                                                          "%u vulnerabilities",
                                                          cluster->n_vulnerability),
                                             cluster->n_vulnerability));
  g_ptr_array_add (kinds, NULL);
  /* Translators: separates "2 signs of harm, 1 vulnerability". */
  split = g_strjoinv (C_("cluster", ", "), (char **) kinds->pdata);

  /* Translators: "3 early warning signs from Northside School and Eastgate
   * Police within 12 days (2 signs of harm, 1 vulnerability). Consider a
   * multi-agency strategy discussion." Never a score or a level. */
  return g_strdup_printf (_("%s from %s %s (%s). Consider a multi-agency strategy discussion."),
                          signs, agencies, span, split);
}

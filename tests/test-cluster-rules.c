/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-test-cluster-rules"

#include "config.h"

#include <glib.h>

#include "heard-cluster-rules.h"

/*
 * The cluster prompt's rule at its edges: 28 days counts and 29 does not,
 * one agency twice is one agency, an approximate day counts from its
 * earliest, too few signs make no cluster, a decision clears the prompt
 * until a new sign makes a new cluster, and the numbers in force decide.
 */

#define SCHOOL_A 10
#define SCHOOL_B 11
#define POLICE   20
#define HEALTH   30

/* A sign on the day so many days after 1 May 2024, exact. */
static HeardClusterSign
make_sign (gint64   id,
           guint    day,
           gint64   agency_id,
           gboolean is_harm)
{
  HeardClusterSign sign = { .id = id, .agency_id = agency_id, .is_harm = is_harm };

  g_date_clear (&sign.earliest_day, 1);
  g_date_set_dmy (&sign.earliest_day, 1, G_DATE_MAY, 2024);
  g_date_add_days (&sign.earliest_day, day);
  sign.latest_day = sign.earliest_day;
  return sign;
}

static GPtrArray *
find_default (const HeardClusterSign *signs,
              guint                   n_signs)
{
  HeardClusterRule rule;

  heard_cluster_rule_init_default (&rule);
  return heard_cluster_find (signs, n_signs, &rule);
}

static const char *
agency_name (gint64   agency_id,
             gpointer user_data)
{
  switch (agency_id)
    {
    case SCHOOL_A: return "Northside School";
    case SCHOOL_B: return "Riverside Academy";
    case POLICE: return "Eastgate Police";
    default: return NULL;
    }
}

static void
assert_ids (GArray       *ids,
            const gint64 *expected,
            guint         n_expected)
{
  g_assert_cmpuint (ids->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, expected[i]);
}

static void
test_defaults (void)
{
  HeardClusterRule rule;

  heard_cluster_rule_init_default (&rule);
  g_assert_cmpuint (rule.min_signs, ==, 3);
  g_assert_cmpuint (rule.min_agencies, ==, 2);
  g_assert_cmpuint (rule.max_span_days, ==, 28);
}

/* The last sign exactly 28 days after the first counts; 29 does not. */
static void
test_span_edge (void)
{
  HeardClusterSign within[] = {
    make_sign (1, 0, SCHOOL_A, TRUE), make_sign (2, 10, POLICE, FALSE),
    make_sign (3, 28, SCHOOL_A, TRUE),
  };
  HeardClusterSign beyond[] = {
    make_sign (1, 0, SCHOOL_A, TRUE), make_sign (2, 10, POLICE, FALSE),
    make_sign (3, 29, SCHOOL_A, TRUE),
  };
  static const gint64 all[] = { 1, 2, 3 };
  static const gint64 agencies[] = { SCHOOL_A, POLICE };
  g_autoptr(GPtrArray) found = find_default (within, G_N_ELEMENTS (within));
  g_autoptr(GPtrArray) none = find_default (beyond, G_N_ELEMENTS (beyond));
  HeardCluster *cluster;

  g_assert_cmpuint (found->len, ==, 1);
  cluster = g_ptr_array_index (found, 0);
  assert_ids (cluster->sign_ids, all, 3);
  assert_ids (cluster->agency_ids, agencies, 2);
  g_assert_cmpuint (cluster->n_harm, ==, 2);
  g_assert_cmpuint (cluster->n_vulnerability, ==, 1);
  g_assert_cmpint (g_date_days_between (&cluster->first_day, &cluster->last_day), ==, 28);
  g_assert_cmpuint (none->len, ==, 0);
}

/* Three signs from one school are one agency; from two schools, two. */
static void
test_agencies (void)
{
  HeardClusterSign one_school[] = {
    make_sign (1, 0, SCHOOL_A, TRUE), make_sign (2, 3, SCHOOL_A, TRUE),
    make_sign (3, 6, SCHOOL_A, FALSE),
  };
  HeardClusterSign two_schools[] = {
    make_sign (1, 0, SCHOOL_A, TRUE), make_sign (2, 3, SCHOOL_B, TRUE),
    make_sign (3, 6, SCHOOL_A, FALSE),
  };
  g_autoptr(GPtrArray) none = find_default (one_school, G_N_ELEMENTS (one_school));
  g_autoptr(GPtrArray) found = find_default (two_schools, G_N_ELEMENTS (two_schools));

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpuint (((HeardCluster *) g_ptr_array_index (found, 0))->agency_ids->len, ==, 2);
}

/* "Around May 2024" (1–31 May) counts from 1 May, the earliest day it could
 * be: 21 days after a sign on 10 April, though 31 May is 51. */
static void
test_approximate (void)
{
  HeardClusterSign signs[] = {
    make_sign (1, 0, SCHOOL_A, TRUE), make_sign (2, 5, POLICE, TRUE),
    make_sign (3, 0, HEALTH, FALSE),
  };
  g_autoptr(GPtrArray) found = NULL;

  /* Sign 1 on 10 April; sign 3 is "around May 2024". */
  g_date_set_dmy (&signs[0].earliest_day, 10, G_DATE_APRIL, 2024);
  signs[0].latest_day = signs[0].earliest_day;
  g_date_set_dmy (&signs[1].earliest_day, 20, G_DATE_APRIL, 2024);
  signs[1].latest_day = signs[1].earliest_day;
  g_date_set_dmy (&signs[2].earliest_day, 1, G_DATE_MAY, 2024);
  g_date_set_dmy (&signs[2].latest_day, 31, G_DATE_MAY, 2024);

  found = find_default (signs, G_N_ELEMENTS (signs));
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpuint (((HeardCluster *) g_ptr_array_index (found, 0))->sign_ids->len, ==, 3);
  g_assert_cmpint (g_date_get_day (&((HeardCluster *) g_ptr_array_index (found, 0))->last_day),
                   ==, 1);
}

static void
test_too_few (void)
{
  HeardClusterSign signs[] = {
    make_sign (1, 0, SCHOOL_A, TRUE), make_sign (2, 1, POLICE, TRUE),
  };
  g_autoptr(GPtrArray) none = find_default (signs, G_N_ELEMENTS (signs));
  g_autoptr(GPtrArray) empty = find_default (NULL, 0);

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
}

/* Signs week after week make many overlapping windows: one cluster, one
 * prompt; a gap longer than the span makes a second. */
static void
test_overlapping (void)
{
  HeardClusterSign signs[] = {
    make_sign (6, 0, SCHOOL_A, TRUE), make_sign (5, 7, POLICE, TRUE),
    make_sign (4, 14, SCHOOL_A, FALSE), make_sign (3, 30, POLICE, TRUE),
    make_sign (2, 40, HEALTH, TRUE),
    make_sign (1, 200, SCHOOL_A, TRUE), make_sign (7, 201, POLICE, TRUE),
    make_sign (8, 202, HEALTH, TRUE), make_sign (9, 203, HEALTH, TRUE),
  };
  static const gint64 first[] = { 2, 3, 4, 5, 6 };
  static const gint64 second[] = { 1, 7, 8, 9 };
  g_autoptr(GPtrArray) found = find_default (signs, G_N_ELEMENTS (signs));

  g_assert_cmpuint (found->len, ==, 2);
  assert_ids (((HeardCluster *) g_ptr_array_index (found, 0))->sign_ids, first, 5);
  assert_ids (((HeardCluster *) g_ptr_array_index (found, 1))->sign_ids, second, 4);
}

/* A decided cluster stays cleared; a new sign joining it prompts again, and
 * so does a new cluster of new signs. */
static void
test_decided (void)
{
  HeardClusterSign signs[] = {
    make_sign (1, 0, SCHOOL_A, TRUE), make_sign (2, 5, POLICE, TRUE),
    make_sign (3, 9, SCHOOL_A, FALSE), make_sign (4, 20, POLICE, TRUE),
  };
  g_autoptr(GPtrArray) before = find_default (signs, 3);
  g_autoptr(GPtrArray) after = NULL;
  HeardCluster *cluster;
  g_autoptr(GArray) decided = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_cmpuint (before->len, ==, 1);
  cluster = g_ptr_array_index (before, 0);
  g_assert_true (heard_cluster_is_new (cluster, NULL, 0));

  /* The decision is recorded with the cluster's signs. */
  g_array_append_vals (decided, cluster->sign_ids->data, cluster->sign_ids->len);
  g_assert_false (heard_cluster_is_new (cluster, (gint64 *) decided->data, decided->len));

  /* A fourth sign extends the gathering: it prompts again. */
  after = find_default (signs, G_N_ELEMENTS (signs));
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpuint (((HeardCluster *) g_ptr_array_index (after, 0))->sign_ids->len, ==, 4);
  g_assert_true (heard_cluster_is_new (g_ptr_array_index (after, 0),
                                       (gint64 *) decided->data, decided->len));
}

/* The numbers in force decide: three signs in 35 days from a school and the
 * police are no cluster by default, one with a span of 40 days, none again
 * with 3 agencies required, and one by default when 2 signs are enough. */
static void
test_changed_numbers (void)
{
  HeardClusterSign signs[] = {
    make_sign (1, 0, SCHOOL_A, TRUE), make_sign (2, 15, POLICE, TRUE),
    make_sign (3, 35, SCHOOL_A, FALSE),
  };
  HeardClusterRule rule;
  g_autoptr(GPtrArray) by_default = find_default (signs, G_N_ELEMENTS (signs));
  g_autoptr(GPtrArray) longer = NULL;
  g_autoptr(GPtrArray) more_agencies = NULL;
  g_autoptr(GPtrArray) fewer_signs = NULL;

  g_assert_cmpuint (by_default->len, ==, 0);

  heard_cluster_rule_init_default (&rule);
  rule.max_span_days = 40;
  longer = heard_cluster_find (signs, G_N_ELEMENTS (signs), &rule);
  g_assert_cmpuint (longer->len, ==, 1);

  rule.min_agencies = 3;
  more_agencies = heard_cluster_find (signs, G_N_ELEMENTS (signs), &rule);
  g_assert_cmpuint (more_agencies->len, ==, 0);

  heard_cluster_rule_init_default (&rule);
  rule.min_signs = 2;
  fewer_signs = heard_cluster_find (signs, G_N_ELEMENTS (signs), &rule);
  g_assert_cmpuint (fewer_signs->len, ==, 1);
  g_assert_cmpuint (((HeardCluster *) g_ptr_array_index (fewer_signs, 0))->sign_ids->len, ==, 3);
}

static void
test_describe (void)
{
  HeardClusterSign signs[] = {
    make_sign (1, 0, SCHOOL_A, TRUE), make_sign (2, 5, POLICE, TRUE),
    make_sign (3, 12, SCHOOL_B, FALSE), make_sign (4, 12, HEALTH, TRUE),
  };
  g_autoptr(GPtrArray) found = find_default (signs, G_N_ELEMENTS (signs));
  g_autofree char *text = NULL;

  g_assert_cmpuint (found->len, ==, 1);
  text = heard_cluster_describe (g_ptr_array_index (found, 0), agency_name, NULL);
  g_assert_cmpstr (text, ==, "4 early warning signs from Northside School, Riverside Academy, "
                             "Eastgate Police and an agency not in the directory within 12 days "
                             "(3 signs of harm, 1 vulnerability). "
                             "Consider a multi-agency strategy discussion.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cluster-rules/defaults", test_defaults);
  g_test_add_func ("/cluster-rules/span-edge", test_span_edge);
  g_test_add_func ("/cluster-rules/agencies", test_agencies);
  g_test_add_func ("/cluster-rules/approximate", test_approximate);
  g_test_add_func ("/cluster-rules/too-few", test_too_few);
  g_test_add_func ("/cluster-rules/overlapping", test_overlapping);
  g_test_add_func ("/cluster-rules/decided", test_decided);
  g_test_add_func ("/cluster-rules/changed-numbers", test_changed_numbers);
  g_test_add_func ("/cluster-rules/describe", test_describe);

  return g_test_run ();
}

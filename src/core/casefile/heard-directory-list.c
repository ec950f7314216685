/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-directory-list"

#include "config.h"

#include <glib/gi18n.h>

#include "heard-directory-list-private.h"
#include "heard-store-agencies.h"

/*
 * The agencies directory, as one live list that Preferences and every
 * agency picker share: a HeardLiveList that reads the directory again
 * whenever the store says an agency changed. An entry that did not change
 * keeps its object (and a view its row).
 */

struct _HeardDirectoryList
{
  HeardLiveList parent_instance;
};

G_DEFINE_FINAL_TYPE (HeardDirectoryList, heard_directory_list, HEARD_TYPE_LIVE_LIST)

static void
heard_directory_list_read_async (HeardLiveList       *list,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  heard_store_list_agencies_async (_heard_live_list_get_store (list), cancellable, callback,
                                   user_data);
}

static GPtrArray *
heard_directory_list_read_finish (GObject       *store,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return heard_store_list_agencies_finish (HEARD_STORE (store), result, error);
}

static gboolean
heard_directory_list_follows (HeardLiveList   *list,
                              HeardRecordKind  kind)
{
  return kind == HEARD_RECORD_KIND_AGENCY;
}

/* An entry stays only if nothing about it changed: a row shows all of it. */
static gboolean
heard_directory_list_same (gpointer listed,
                           gpointer fresh)
{
  if (heard_directory_agency_get_id (listed) != heard_directory_agency_get_id (fresh) ||
      heard_directory_agency_get_agency_type (listed) !=
      heard_directory_agency_get_agency_type (fresh) ||
      heard_directory_agency_get_retired (listed) != heard_directory_agency_get_retired (fresh))
    return FALSE;

  for (guint i = 0; i < HEARD_DIRECTORY_AGENCY_N_TEXTS; i++)
    if (g_strcmp0 (heard_directory_agency_get_text (listed, i),
                   heard_directory_agency_get_text (fresh, i)) != 0)
      return FALSE;

  return TRUE;
}

static void
heard_directory_list_class_init (HeardDirectoryListClass *klass)
{
  HeardLiveListClass *list_class = HEARD_LIVE_LIST_CLASS (klass);

  list_class->item_type = HEARD_TYPE_DIRECTORY_AGENCY;
  list_class->read_async = heard_directory_list_read_async;
  list_class->read_finish = heard_directory_list_read_finish;
  list_class->follows = heard_directory_list_follows;
  list_class->same = heard_directory_list_same;
}

static void
heard_directory_list_init (HeardDirectoryList *self)
{
}

HeardDirectoryList *
_heard_directory_list_new (void)
{
  return g_object_new (HEARD_TYPE_DIRECTORY_LIST, NULL);
}

/* The entry @id (not a new reference), or NULL. */
HeardDirectoryAgency *
heard_directory_list_lookup (HeardDirectoryList *self,
                             gint64              id)
{
  guint n;

  g_return_val_if_fail (HEARD_IS_DIRECTORY_LIST (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeardDirectoryAgency) agency = g_list_model_get_item (G_LIST_MODEL (self), i);

      if (heard_directory_agency_get_id (agency) == id)
        return agency;
    }

  return NULL;
}

const char *
heard_directory_list_name_agency (HeardDirectoryList *self,
                                  HeardAgency         kind,
                                  gint64              agency_id)
{
  HeardDirectoryAgency *agency;

  g_return_val_if_fail (HEARD_IS_DIRECTORY_LIST (self), NULL);

  agency = agency_id != 0 ? heard_directory_list_lookup (self, agency_id) : NULL;
  if (agency != NULL)
    return heard_directory_agency_get_text (agency, HEARD_DIRECTORY_AGENCY_NAME);

  return heard_agency_label (kind);
}

char *
heard_directory_list_describe_involved (HeardDirectoryList *self,
                                        const char         *kinds,
                                        const gint64       *agency_ids,
                                        guint               n_ids)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gboolean named[HEARD_AGENCY_N_AGENCIES] = { FALSE };

  g_return_val_if_fail (HEARD_IS_DIRECTORY_LIST (self), NULL);
  g_return_val_if_fail (agency_ids != NULL || n_ids == 0, NULL);

  for (guint i = 0; i < n_ids; i++)
    {
      HeardDirectoryAgency *agency = heard_directory_list_lookup (self, agency_ids[i]);

      if (agency == NULL)
        continue;
      named[heard_agency_type_to_kind (heard_directory_agency_get_agency_type (agency))] = TRUE;
      g_ptr_array_add (names, (gpointer) heard_directory_agency_get_text (
                                           agency, HEARD_DIRECTORY_AGENCY_NAME));
    }
  for (HeardAgency kind = 0; kind < HEARD_AGENCY_N_AGENCIES; kind++)
    if (!named[kind] && heard_agency_list_has (kinds, kind))
      g_ptr_array_add (names, (gpointer) heard_agency_label (kind));
  g_ptr_array_add (names, NULL);

  /* TRANSLATORS: separates agency names in a list, e.g. "Police, Health" */
  return g_strjoinv (_(", "), (char **) names->pdata);
}

char *
heard_directory_list_dup_names (HeardDirectoryList *self,
                                HeardAgency         kind)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint n;

  g_return_val_if_fail (HEARD_IS_DIRECTORY_LIST (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeardDirectoryAgency) agency = g_list_model_get_item (G_LIST_MODEL (self), i);

      if (!heard_directory_agency_get_retired (agency) &&
          heard_agency_type_to_kind (heard_directory_agency_get_agency_type (agency)) == kind)
        g_ptr_array_add (names, g_strdup (heard_directory_agency_get_text (
                                            agency, HEARD_DIRECTORY_AGENCY_NAME)));
    }
  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);

  /* TRANSLATORS: separates agency names in a list, e.g. "Police, Health" */
  return g_strjoinv (_(", "), (char **) names->pdata);
}

char *
heard_directory_list_describe_kinds (HeardDirectoryList *self,
                                     const char         *kinds)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (HEARD_IS_DIRECTORY_LIST (self), NULL);

  for (HeardAgency kind = 0; kind < HEARD_AGENCY_N_AGENCIES; kind++)
    {
      g_autofree char *names = NULL;

      if (!heard_agency_list_has (kinds, kind))
        continue;
      names = heard_directory_list_dup_names (self, kind);
      g_ptr_array_add (parts, names == NULL ? g_strdup (heard_agency_label (kind))
                       /* TRANSLATORS: a kind of agency and the agencies of the
                        * directory that are of it, e.g. "School or college
                        * (Northgate Academy, Riverside College)" */
                                            : g_strdup_printf (_("%s (%s)"),
                                                               heard_agency_label (kind), names));
    }
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (_(", "), (char **) parts->pdata);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heard-directory-agency.h"
#include "heard-live-list.h"

G_BEGIN_DECLS

#define HEARD_TYPE_DIRECTORY_LIST (heard_directory_list_get_type ())

G_DECLARE_FINAL_TYPE (HeardDirectoryList, heard_directory_list, HEARD, DIRECTORY_LIST,
                      HeardLiveList)

/* The agencies directory (HeardDirectoryAgency), retired entries too (a
 * record may name one), by name: a GListModel that the context keeps live. */
HeardDirectoryAgency *heard_directory_list_lookup (HeardDirectoryList *self,
                                                   gint64              id);
/* What names an owner or an agency involved: the entry's name when
 * @agency_id is in the directory ("Northgate Academy"), else @kind's
 * ("School or college"). */
const char           *heard_directory_list_name_agency (HeardDirectoryList *self,
                                                        HeardAgency         kind,
                                                        gint64              agency_id);
/* A young person's agencies involved in words: each entry by its name,
 * then each kind no entry stands for by the kind's ("Riverside College,
 * Eastside Police Team, Family"). */
char                 *heard_directory_list_describe_involved (HeardDirectoryList *self,
                                                              const char         *kinds,
                                                              const gint64       *agency_ids,
                                                              guint               n_ids)
                                                              G_GNUC_WARN_UNUSED_RESULT;
/* The names of the entries (not retired) that serve @kind, "Northgate
 * Academy, Riverside College", or NULL when there is none. */
char                 *heard_directory_list_dup_names (HeardDirectoryList *self,
                                                      HeardAgency         kind)
                                                      G_GNUC_WARN_UNUSED_RESULT;
/* A stored list of kinds in words, each with the entries that serve it:
 * "School or college (Northgate Academy, Riverside College), Police". A
 * consent to a kind covers each of them. */
char                 *heard_directory_list_describe_kinds (HeardDirectoryList *self,
                                                           const char         *kinds)
                                                           G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
